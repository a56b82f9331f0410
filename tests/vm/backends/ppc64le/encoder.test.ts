// The ppc64le encoder against GNU as: every instruction the encoder offers, over edge
// operands (offsets at the 16-bit limits and unaligned for ld/std, immediates at halfword
// and word boundaries, branch offsets at their range limits) and seeded random ones; each
// case's bytes must equal what powerpc64le-linux-gnu-as makes of its text.
import { describe, it, expect } from 'vitest';
import {
  PpcEncoder, SCRATCH, CC_LT, CC_GT, CC_EQ, CC_SO, CC_GE, CC_LE, CC_NE, CC_NS,
  XO_ADD, XO_SUBF, XO_MULLD, XO_MULHD, XO_DIVD, X_AND, X_OR, X_XOR, X_SLD, X_SRD, X_SRAD, FD_ADD, FD_SUB, FD_MUL, FD_DIV,
} from '../../../../vm/backends/ppc64le/encoder.ts';
import { PpcIsa } from '../../../../vm/backends/ppc64le/isa.ts';
import { binutilsFor, mismatches, rng, randomImm, EDGE_IMMS, LINK_ADDRESSES, type Case } from '../gas.ts';

const BU = binutilsFor('powerpc64le-linux-gnu', ['-m', 'powerpc:common64', '-EL', '-M', 'power8']);
type C = Case<PpcEncoder>;

const fits16 = (v: number): boolean => v >= -32768 && v <= 32767;
const lo16 = (v: number): number => Number(BigInt.asUintN(16, BigInt(v)));

/** the li / lis+ori / high word, sldi, oris, ori text the immediate load must equal */
function movText(r: number, imm: number): string {
  if (fits16(imm)) return `li ${r},${imm}`;
  const lis = (v: number): string[] => {
    const out = [`lis ${r},${Number(BigInt.asIntN(16, BigInt(v) >> 16n))}`];
    if (lo16(v) !== 0) out.push(`ori ${r},${r},${lo16(v)}`);
    return out;
  };
  if (imm >= -(2 ** 31) && imm < 2 ** 31) return lis(imm).join('\n');
  const big = BigInt.asUintN(64, BigInt(imm));
  const hi = Number(BigInt.asIntN(32, big >> 32n));
  const lo = Number(big & 0xffffffffn);
  const out = fits16(hi) ? [`li ${r},${hi}`] : lis(hi);
  if (hi !== 0) out.push(`rldicr ${r},${r},32,31`);
  if (lo >>> 16 !== 0) out.push(`oris ${r},${r},${lo >>> 16}`);
  if ((lo & 0xffff) !== 0) out.push(`ori ${r},${r},${lo & 0xffff}`);
  return out.join('\n');
}

/** lis, ori, sldi 32, oris, ori, whatever the halfwords are (the fixed-length load of a link site) */
function movText64(r: number, imm: number): string {
  const v = BigInt.asUintN(64, BigInt(imm));
  const h = (k: number): bigint => (v >> BigInt(16 * k)) & 0xffffn;
  return [`lis ${r},${Number(BigInt.asIntN(16, h(3)))}`, `ori ${r},${r},${h(2)}`, `rldicr ${r},${r},32,31`, `oris ${r},${r},${h(1)}`, `ori ${r},${r},${h(0)}`].join('\n');
}

const MEM: [string, string, boolean, (e: PpcEncoder, t: number, b: number, o: number) => void, (e: PpcEncoder, t: number, b: number, i: number) => void][] = [
  ['ld', 'ldx', true, (e, t, b, o) => e.load64(t, b, o), (e, t, b, i) => e.load64Idx(t, b, i)],
  ['lwz', 'lwzx', false, (e, t, b, o) => e.load32(t, b, o), (e, t, b, i) => e.load32Idx(t, b, i)],
  ['lbz', 'lbzx', false, (e, t, b, o) => e.load8(t, b, o), (e, t, b, i) => e.load8Idx(t, b, i)],
  ['std', 'stdx', true, (e, t, b, o) => e.store64(b, o, t), (e, t, b, i) => e.store64Idx(b, i, t)],
  ['stw', 'stwx', false, (e, t, b, o) => e.store32(b, o, t), (e, t, b, i) => e.store32Idx(b, i, t)],
  ['stb', 'stbx', false, (e, t, b, o) => e.store8(b, o, t), (e, t, b, i) => e.store8Idx(b, i, t)],
  ['lfd', 'lfdx', false, (e, t, b, o) => e.loadD(t, b, o), (e, t, b, i) => e.loadDIdx(t, b, i)],
  ['stfd', 'stfdx', false, (e, t, b, o) => e.storeD(b, o, t), (e, t, b, i) => e.storeDIdx(b, i, t)],
];

function memCases(t: number, base: number, index: number, disp: number): C[] {
  const out: C[] = [];
  for (const [op, xop, ds, emit, emitIdx] of MEM) {
    const asm = fits16(disp) && (!ds || disp % 4 === 0) ? `${op} ${t},${disp}(${base})` : `${movText(SCRATCH, disp)}\n${xop} ${t},${base},0`;
    out.push({ asm, emit: (e) => emit(e, t, base, disp) });
    out.push({ asm: `${xop} ${t},${base},${index}`, emit: (e) => emitIdx(e, t, base, index) });
  }
  return out;
}

const XO: [number, string][] = [[XO_ADD, 'add'], [XO_SUBF, 'subf'], [XO_MULLD, 'mulld'], [XO_MULHD, 'mulhd'], [XO_DIVD, 'divd']];
const LOGIC: [number, string][] = [[X_AND, 'and'], [X_OR, 'or'], [X_XOR, 'xor'], [X_SLD, 'sld'], [X_SRD, 'srd'], [X_SRAD, 'srad']];
const FOPS: [number, string][] = [[FD_ADD, 'fadd'], [FD_SUB, 'fsub'], [FD_MUL, 'fmul'], [FD_DIV, 'fdiv']];
const CCS: [number, string][] = [[CC_LT, '12,0'], [CC_GT, '12,1'], [CC_EQ, '12,2'], [CC_SO, '12,3'], [CC_GE, '4,0'], [CC_LE, '4,1'], [CC_NE, '4,2'], [CC_NS, '4,3']];

function addRIText(dst: number, a: number, imm: number): string {
  if (fits16(imm)) return `addi ${dst},${a},${imm}`;
  const lo = Number(BigInt.asIntN(16, BigInt(imm)));
  const hi = (imm - lo) / 65536;
  if (fits16(hi)) return `addis ${dst},${a},${hi}` + (lo !== 0 ? `\naddi ${dst},${dst},${lo}` : '');
  return `${movText(0, imm)}\nadd ${dst},${a},0`;
}

function logicRIText(name: string, ra: number, rs: number, imm: number): string {
  if (name !== 'and' && imm >= 0 && imm < 2 ** 32) {
    const hi = Math.floor(imm / 65536);
    const lo = imm % 65536;
    const out: string[] = [];
    if (hi !== 0) out.push(`${name}is ${ra},${rs},${hi}`);
    if (lo !== 0 || hi === 0) out.push(`${name}i ${ra},${hi !== 0 ? ra : rs},${lo}`);
    return out.join('\n');
  }
  if (name === 'and' && imm >= 0 && imm < 65536) return `andi. ${ra},${rs},${imm}`;
  return `${movText(0, imm)}\n${name} ${ra},${rs},0`;
}

function regCases(a: number, b: number, c: number, imm: number): C[] {
  const out: C[] = [
    { asm: `mr ${a},${b}`, emit: (e) => e.movRR(a, b) },
    { asm: movText(a, imm), emit: (e) => e.movRI(a, imm) },
    { asm: `add ${a},${b},${c}`, emit: (e) => e.add(a, b, c) },
    { asm: `subf ${a},${c},${b}`, emit: (e) => e.sub(a, b, c) },
    { asm: `mulld ${a},${b},${c}`, emit: (e) => e.mul(a, b, c) },
    { asm: `divd ${a},${b},${c}`, emit: (e) => e.divd(a, b, c) },
    { asm: `neg ${a},${b}`, emit: (e) => e.neg(a, b) },
    { asm: `nor ${a},${b},${b}`, emit: (e) => e.not(a, b) },
    { asm: `cmpd ${a},${b}`, emit: (e) => e.cmp(a, b, false) },
    { asm: `cmpld ${a},${b}`, emit: (e) => e.cmp(a, b, true) },
    { asm: `li 0,0\nmtxer 0\naddo. ${a},${b},${c}`, emit: (e) => e.addOvf(a, b, c) },
    { asm: `li 0,0\nmtxer 0\nsubfo. ${a},${c},${b}`, emit: (e) => e.subOvf(a, b, c) },
    { asm: `li 0,0\nmtxer 0\nmulldo. ${a},${b},${c}`, emit: (e) => e.mulOvf(a, b, c) },
    { asm: `mtctr ${a}`, emit: (e) => e.mtctr(a) },
    { asm: `mtlr ${a}`, emit: (e) => e.mtlr(a) },
    { asm: `mflr ${a}`, emit: (e) => e.mflr(a) },
    { asm: `fsqrt ${a},${b}`, emit: (e) => e.fsqrt(a, b) },
    { asm: `fmr ${a},${b}`, emit: (e) => e.fmr(a, b) },
    { asm: `fneg ${a},${b}`, emit: (e) => e.fneg(a, b) },
    { asm: `fabs ${a},${b}`, emit: (e) => e.fabs(a, b) },
    { asm: `fcmpu 0,${a},${b}`, emit: (e) => e.fcmpu(a, b) },
    { asm: `fcfid ${a},${b}`, emit: (e) => e.fcfid(a, b) },
    { asm: `fctidz ${a},${b}`, emit: (e) => e.fctidz(a, b) },
    { asm: `mtvsrd ${a},${b}`, emit: (e) => e.mtvsrd(a, b) },
    { asm: `mfvsrd ${a},${b}`, emit: (e) => e.mfvsrd(a, b) },
  ];
  for (const [op, name] of XO) out.push({ asm: `${name} ${a},${b},${c}`, emit: (e) => e.xo(op, a, b, c) });
  for (const [op, name] of LOGIC) out.push({ asm: `${name} ${a},${b},${c}`, emit: (e) => e.logic(op, a, b, c) });
  for (const [op, name] of FOPS) out.push({ asm: `${name} ${a},${b},${c}`, emit: (e) => e.fop(op, a, b, c) });
  const n = Math.abs(imm) % 64;
  out.push(
    { asm: `rldicr ${a},${b},${n},${63 - n}`, emit: (e) => e.shiftRI(X_SLD, a, b, n) },
    { asm: `rldicl ${a},${b},${(64 - n) % 64},${n}`, emit: (e) => e.shiftRI(X_SRD, a, b, n) },
    { asm: `sradi ${a},${b},${n}`, emit: (e) => e.shiftRI(X_SRAD, a, b, n) },
  );
  for (const [cc, bo] of CCS) {
    const [, bit] = bo.split(',');
    out.push({ asm: `mfcr ${a}\nrlwinm ${a},${a},${Number(bit) + 1},31,31` + (cc >= 4 ? `\nxori ${a},${a},1` : ''), emit: (e) => e.setcc(a, cc) });
  }
  if (b !== 0) {
    out.push({ asm: addRIText(a, b, imm), emit: (e) => e.addRI(a, b, imm) });
    for (const [op, name] of [[X_AND, 'and'], [X_OR, 'or'], [X_XOR, 'xor']] as [number, string][]) {
      out.push({ asm: logicRIText(name, a, b, imm), emit: (e) => e.logicRI(op, a, b, imm) });
    }
  }
  out.push({ asm: fits16(imm) ? `mulli ${a},${b},${imm}` : `${movText(0, imm)}\nmulld ${a},${b},0`, emit: (e) => e.mulRI(a, b, imm) });
  const i16 = ((imm % 65536) + 98304) % 65536 - 32768;
  out.push({ asm: `cmpdi ${a},${i16}`, emit: (e) => e.cmpRI(a, i16, false) }, { asm: `cmpldi ${a},${i16 + 32768}`, emit: (e) => e.cmpRI(a, i16 + 32768, true) });
  return out;
}

function edgeCases(): C[] {
  const out: C[] = [];
  for (const base of [1, 3, 12, 31]) {
    for (const disp of [0, 1, 2, 4, 8, -8, -1, 32767, 32764, 32766, -32768, 32768, -32769, 65536, 70000, -70000, 2 ** 33 + 5]) {
      out.push(...memCases(base === 3 ? 4 : 3, base, 0, disp), ...memCases(31, base, 30, disp));
    }
  }
  for (const imm of [...EDGE_IMMS, 0x7fff8000, 0x7fff7fff, -0x7fff8000, 0x1_0000_8000, 0xffff_ffff_ffff]) {
    out.push(...regCases(3, 4, 5, imm), ...regCases(31, 30, 0, imm), ...regCases(0, 12, 31, imm));
  }
  for (const disp of [-32, -112, -32768, 0, 32764]) out.push({ asm: `stdu 1,${disp}(1)`, emit: (e) => e.stdu(1, 1, disp) });
  for (const off of [0, 4, -4, 32764, -32768]) {
    for (const [cc, bo] of CCS) out.push({ asm: `bc ${bo},.+${off}`, emit: (e) => void e.bc(cc, off) });
  }
  for (const off of [0, 4, -4, 33554428, -33554432]) out.push({ asm: `b .+${off}`, emit: (e) => void e.b(off) }, { asm: `bl .+${off}`, emit: (e) => void e.bl(off) });
  out.push(
    { asm: 'bctrl', emit: (e) => e.bctrl() }, { asm: 'bctr', emit: (e) => e.bctr() }, { asm: 'blr', emit: (e) => e.blr() },
    { asm: 'trap', emit: (e) => e.trap() }, { asm: 'nop', emit: (e) => e.nop() }, { asm: 'li 0,0\nmtxer 0', emit: (e) => e.clearXer() },
    { asm: 'cror 0,0,2', emit: (e) => e.cror(0, 0, 2) }, { asm: 'cror 1,1,2', emit: (e) => e.cror(1, 1, 2) }, { asm: 'cror 31,17,3', emit: (e) => e.cror(31, 17, 3) },
  );
  for (const imm of [...EDGE_IMMS, ...LINK_ADDRESSES]) out.push({ asm: movText64(12, imm), emit: (e) => e.movRI64(12, imm) }, { asm: movText64(3, imm), emit: (e) => e.movRI64(3, imm) });
  return out;
}

function randomCases(seed: number, count: number): C[] {
  const r = rng(seed);
  const reg = (): number => Math.floor(r() * 32);
  const out: C[] = [];
  for (let i = 0; i < count; i++) {
    out.push(...regCases(reg(), reg(), reg(), randomImm(r)));
    const disp = Math.floor((r() * 2 - 1) * (r() < 0.5 ? 40000 : 2 ** 31));
    // never r0 as a base, nor as the value of an out-of-range store
    out.push(...memCases(1 + Math.floor(r() * 31), 1 + Math.floor(r() * 31), reg(), disp));
    const off = 4 * Math.floor((r() * 2 - 1) * 8191);
    const [cc, bo] = CCS[Math.floor(r() * 8)];
    out.push({ asm: `bc ${bo},.+${off}`, emit: (e) => void e.bc(cc, off) });
  }
  return out;
}

describe.skipIf(BU === null)('ppc64le encoder matches GNU as', () => {
  const make = (): PpcEncoder => new PpcEncoder();
  it('edge operands, every instruction', () => expect(mismatches(BU!, make, edgeCases())).toBe(''));
  it('random operands (seeded)', () => expect(mismatches(BU!, make, randomCases(20261202, 300))).toBe(''));
});

describe('ppc64le encoder', () => {
  it('uses r0 for a far offset whatever the data register is, unless it is an integer stored', () => {
    for (const emit of [(e: PpcEncoder) => e.load64(0, 3, 70000), (e: PpcEncoder) => e.storeD(3, 70000, 0), (e: PpcEncoder) => e.loadD(0, 3, 70000)]) {
      const e = new PpcEncoder();
      emit(e);
      expect(e.pos()).toBe(12);
    }
  });
  it('patches b, bl and bc to a new target', () => {
    const e = new PpcEncoder();
    const sites = [e.bc(CC_NE, 0), e.b(0), e.bl(0)];
    for (const at of sites) e.patchBranch(at, 400);
    const f = new PpcEncoder();
    f.bc(CC_NE, 400);
    f.b(396);
    f.bl(392);
    expect(e.code).toEqual(f.code);
    e.patchBranch(sites[1], sites[1] - 33554432);
    f.code = [];
    f.b(-33554432);
    expect(e.code.slice(4, 8)).toEqual(f.code);
  });
  it('rejects what it cannot encode, naming the value', () => {
    const e = new PpcEncoder();
    expect(() => e.bc(CC_EQ, 32768)).toThrow(/offset 32768/);
    expect(() => e.b(2)).toThrow(/offset 2/);
    expect(() => e.load64(3, 0, 8)).toThrow(/r0 cannot be a base/);
    expect(() => e.store64(3, 70000, SCRATCH)).toThrow(/offset 70000/);
    expect(() => e.shiftRI(X_SLD, 3, 3, 64)).toThrow(/shift amount 64/);
    expect(() => e.stdu(1, 1, -30)).toThrow(/stdu offset -30/);
    expect(() => e.cmpRI(3, 40000, false)).toThrow(/40000/);
    expect(() => e.add(32, 0, 0)).toThrow(/register 32/);
    e.nop();
    expect(() => e.patchBranch(0, 8)).toThrow(/not a branch/);
  });
});

/** the isa's code for emit, as the encoder's (its bytes) */
function viaIsa(emit: (isa: PpcIsa) => void): (e: PpcEncoder) => void {
  return (e) => {
    const isa = new PpcIsa();
    isa.e = e;
    emit(isa);
  };
}
/** r14-r31 back from the frame (176 bytes: 32 of header, 18 registers), then lr */
const EPILOGUE = [...Array.from({ length: 18 }, (_, k) => `ld ${14 + k},${32 + 8 * k}(1)`), 'addi 1,1,176', 'ld 0,16(1)', 'mtlr 0', 'blr'].join('\n');

describe.skipIf(BU === null)('ppc64le bridge linking (PpcIsa) matches GNU as', () => {
  it('link sites, their patches, calls and jumps to code, returning a register', () => {
    const out: C[] = [{ asm: `b .+32\n${movText64(12, 0)}\nmtctr 12\nbctr`, emit: viaIsa((i) => void i.linkSite()) }];
    for (const a of LINK_ADDRESSES) {
      out.push(
        { asm: `nop\n${movText64(12, a)}\nmtctr 12\nbctr`, emit: (e) => e.code.push(...new PpcIsa().linkBytes(a)) },
        { asm: `${movText(3, 0x1000 + a)}\n${movText(12, a)}\nmtctr 12\nbctrl\nld 2,24(1)`, emit: viaIsa((i) => i.callCode(a, 0x1000 + a)) },
        { asm: `${movText(12, a)}\nmtctr 12\nbctr`, emit: viaIsa((i) => i.jumpAbs(a)) },
      );
    }
    out.push({ asm: `mr 3,12\n${EPILOGUE}`, emit: viaIsa((i) => i.returnReg(12)) }, { asm: EPILOGUE, emit: viaIsa((i) => i.returnReg(3)) });
    expect(mismatches(BU!, () => new PpcEncoder(), out)).toBe('');
  });
  it('patches a link site in place: the same length, at the offset it returned', () => {
    const isa = new PpcIsa();
    isa.trap();
    const at = isa.linkSite();
    expect(at).toBe(4);
    expect(isa.pos() - at).toBe(isa.linkBytes(0x7fff_1234_5678).length);
  });
});
