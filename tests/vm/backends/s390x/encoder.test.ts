// The s390x encoder against GNU as: every instruction the encoder offers, over edge
// operands (displacements at the 12- and 20-bit limits, with and without an index,
// immediates at the 16- and 32-bit limits, branch offsets at their range limits) and seeded
// random ones; each case's bytes must equal what s390x-linux-gnu-as makes of its text.
import { describe, it, expect } from 'vitest';
import {
  S390Encoder, NOREG, SCRATCH, MASK_EQ, MASK_NE, MASK_O, MASK_ALWAYS,
  RR_ADD, RR_SUB, RR_MUL, RR_AND, RR_OR, RR_XOR, RR_CMP, RR_CMPL, RR_NEG, RR_ABS, RR_LTG,
  RRR_ADD, RRR_SUB, RRR_AND, RRR_OR, RRR_XOR, SH_SLLG, SH_SRLG, SH_SRAG, FD_ADD, FD_SUB, FD_MUL, FD_DIV,
} from '../../../../vm/backends/s390x/encoder.ts';
import { S390Isa } from '../../../../vm/backends/s390x/isa.ts';
import { binutilsFor, mismatches, rng, randomImm, EDGE_IMMS, LINK_ADDRESSES, type Case } from '../gas.ts';

const BU = binutilsFor('s390x-linux-gnu', ['-m', 's390:64-bit']);
type C = Case<S390Encoder>;

const r = (n: number): string => `%r${n}`;
const f = (n: number): string => `%f${n}`;
const fitsI16 = (v: number): boolean => v >= -32768 && v <= 32767;
const fitsI32 = (v: number): boolean => v >= -(2 ** 31) && v < 2 ** 31;
const u32 = (v: bigint): number => Number(BigInt.asUintN(32, v));

function movText(d: number, imm: number): string {
  if (fitsI16(imm)) return `lghi ${r(d)},${imm}`;
  if (fitsI32(imm)) return `lgfi ${r(d)},${imm}`;
  if (imm > 0 && imm < 2 ** 32) return `llilf ${r(d)},${imm}`;
  const big = BigInt.asUintN(64, BigInt(imm));
  const lo = u32(big);
  return `llihf ${r(d)},${u32(big >> 32n)}` + (lo !== 0 ? `\niilf ${r(d)},${lo}` : '');
}

/** llihf and iilf, whatever the words are (the fixed-length load of a link site) */
function movText64(d: number, imm: number): string {
  const big = BigInt.asUintN(64, BigInt(imm));
  return `llihf ${r(d)},${u32(big >> 32n)}\niilf ${r(d)},${u32(big)}`;
}

/** [RX mnemonic or '', RXY mnemonic, register printer, emit] */
const MEM: [string, string, (n: number) => string, boolean, (e: S390Encoder, t: number, b: number, x: number, d: number) => void][] = [
  ['', 'lg', r, false, (e, t, b, x, d) => e.load64(t, b, x, d)],
  ['', 'llgf', r, false, (e, t, b, x, d) => e.load32(t, b, x, d)],
  ['', 'llgc', r, false, (e, t, b, x, d) => e.load8(t, b, x, d)],
  ['', 'stg', r, true, (e, t, b, x, d) => e.store64(b, x, d, t)],
  ['st', 'sty', r, true, (e, t, b, x, d) => e.store32(b, x, d, t)],
  ['stc', 'stcy', r, true, (e, t, b, x, d) => e.store8(b, x, d, t)],
  ['ld', 'ldy', f, false, (e, t, b, x, d) => e.loadD(t, b, x, d)],
  ['std', 'stdy', f, false, (e, t, b, x, d) => e.storeD(b, x, d, t)],
  ['la', 'lay', r, false, (e, t, b, x, d) => e.lea(t, b, x, d)],
];

function memCases(t: number, base: number, index: number, disp: number): C[] {
  const out: C[] = [];
  for (const [rx, rxy, reg, , emit] of MEM) {
    let asm: string;
    const operand = (d: number, x: number): string => `${d}(${x === NOREG ? '' : r(x) + ','}${r(base)})`;
    if (disp >= -524288 && disp <= 524287) {
      asm = `${rx !== '' && disp >= 0 && disp < 4096 ? rx : rxy} ${reg(t)},${operand(disp, index)}`;
    } else {
      asm = movText(SCRATCH, disp) + (index !== NOREG ? `\nagr %r1,${r(index)}` : '') + `\n${rx !== '' ? rx : rxy} ${reg(t)},${operand(0, SCRATCH)}`;
    }
    out.push({ asm, emit: (e) => emit(e, t, base, index, disp) });
  }
  return out;
}

const RR: [number, string][] = [
  [RR_ADD, 'agr'], [RR_SUB, 'sgr'], [RR_MUL, 'msgr'], [RR_AND, 'ngr'], [RR_OR, 'ogr'], [RR_XOR, 'xgr'], [RR_CMP, 'cgr'], [RR_CMPL, 'clgr'],
  [RR_NEG, 'lcgr'], [RR_ABS, 'lpgr'], [RR_LTG, 'ltgr'],
];
const RRR: [number, string][] = [[RRR_ADD, 'agrk'], [RRR_SUB, 'sgrk'], [RRR_AND, 'ngrk'], [RRR_OR, 'ogrk'], [RRR_XOR, 'xgrk']];
const SHIFTS: [number, string][] = [[SH_SLLG, 'sllg'], [SH_SRLG, 'srlg'], [SH_SRAG, 'srag']];
const FOPS: [number, string][] = [[FD_ADD, 'adbr'], [FD_SUB, 'sdbr'], [FD_MUL, 'mdbr'], [FD_DIV, 'ddbr']];

function immText(short: string, long: string, rr: string, a: number, imm: number): string {
  if (fitsI16(imm)) return `${short} ${r(a)},${imm}`;
  if (fitsI32(imm)) return `${long} ${r(a)},${imm}`;
  return `${movText(SCRATCH, imm)}\n${rr} ${r(a)},%r1`;
}

function logicText(name: string, a: number, imm: number): string {
  const big = BigInt.asUintN(64, BigInt(imm));
  const hi = u32(big >> 32n);
  const lo = u32(big);
  const id = name === 'n' ? 0xffffffff : 0;
  const out: string[] = [];
  if (hi !== id) out.push(`${name}ihf ${r(a)},${hi}`);
  if (lo !== id) out.push(`${name}ilf ${r(a)},${lo}`);
  return out.join('\n');
}

function regCases(a: number, b: number, c: number, imm: number): C[] {
  const out: C[] = [
    { asm: `lgr ${r(a)},${r(b)}`, emit: (e) => e.movRR(a, b) },
    { asm: movText(a, imm), emit: (e) => e.movRI(a, imm) },
    { asm: `agrk ${r(a)},${r(b)},${r(c)}`, emit: (e) => e.addOvf(a, b, c) },
    { asm: `sgrk ${r(a)},${r(b)},${r(c)}`, emit: (e) => e.subOvf(a, b, c) },
    { asm: `basr %r14,${r(a)}`, emit: (e) => e.basr(a) },
    { asm: `sqdbr ${f(a)},${f(b)}`, emit: (e) => e.sqrt(a, b) },
    { asm: `ldr ${f(a)},${f(b)}`, emit: (e) => e.fmovRR(a, b) },
    { asm: `lcdbr ${f(a)},${f(b)}`, emit: (e) => e.fneg(a, b) },
    { asm: `lpdbr ${f(a)},${f(b)}`, emit: (e) => e.fabs(a, b) },
    { asm: `cdbr ${f(a)},${f(b)}`, emit: (e) => e.fcmp(a, b) },
    { asm: `cdgbr ${f(a)},${r(b)}`, emit: (e) => e.cdgbr(a, b) },
    { asm: `cgdbr ${r(a)},5,${f(b)}`, emit: (e) => e.cgdbr(a, b) },
    { asm: `ldgr ${f(a)},${r(b)}`, emit: (e) => e.ldgr(a, b) },
    { asm: `lgdr ${r(a)},${f(b)}`, emit: (e) => e.lgdr(a, b) },
    { asm: `xihf ${r(a)},4294967295\nxilf ${r(a)},4294967295`, emit: (e) => e.not(a) },
    { asm: logicText('n', a, imm), emit: (e) => e.logicRI(RR_AND, a, imm) },
    { asm: logicText('o', a, imm), emit: (e) => e.logicRI(RR_OR, a, imm) },
    { asm: logicText('x', a, imm), emit: (e) => e.logicRI(RR_XOR, a, imm) },
    { asm: `mlgr ${r(a & 14)},${r(b)}`, emit: (e) => e.mlgr(a & 14, b) },
    { asm: `dsgr ${r(a & 14)},${r(b)}`, emit: (e) => e.dsgr(a & 14, b) },
  ];
  for (const mask of [1, 2, 4, 7, 8, 10, 12, 14]) {
    out.push({ asm: `lghi ${r(a)},1\nbrc ${mask},.+8\nlghi ${r(a)},0`, emit: (e) => e.setcc(a, mask) });
  }
  for (const [op, name] of RR) out.push({ asm: `${name} ${r(a)},${r(b)}`, emit: (e) => e.aluRR(op, a, b) });
  for (const [op, name] of RRR) out.push({ asm: `${name} ${r(a)},${r(b)},${r(c)}`, emit: (e) => e.aluRRR(op, a, b, c) });
  for (const [op, name] of FOPS) out.push({ asm: `${name} ${f(a)},${f(b)}`, emit: (e) => e.fop(op, a, b) });
  const n = Math.abs(imm) % 64;
  for (const [op, name] of SHIFTS) {
    out.push({ asm: `${name} ${r(a)},${r(b)},${n}`, emit: (e) => e.shiftRI(op, a, b, n) });
    if (c !== 0) out.push({ asm: `${name} ${r(a)},${r(b)},0(${r(c)})`, emit: (e) => e.shiftRR(op, a, b, c) });
  }
  if (a !== SCRATCH) {
    out.push(
      { asm: immText('aghi', 'agfi', 'agr', a, imm), emit: (e) => e.addRI(a, imm) },
      { asm: immText('mghi', 'msgfi', 'msgr', a, imm), emit: (e) => e.mulRI(a, imm) },
      { asm: immText('cghi', 'cgfi', 'cgr', a, imm), emit: (e) => e.cmpRI(a, imm) },
    );
  }
  if (a > 1 && b > 1 && c > 1 && c !== a && c !== b) {
    out.push({
      asm: [`srag ${r(c)},${r(a)},63`, `ngr ${r(c)},${r(b)}`, `lgr %r1,${r(a)}`, `mlgr %r0,${r(b)}`, `sgr %r0,${r(c)}`, `srag ${r(c)},${r(b)},63`,
        `ngr ${r(c)},${r(a)}`, 'sgr %r0,' + r(c), `lgr ${r(b)},%r1`, 'srag %r1,%r1,63', 'cgr %r0,%r1'].join('\n'),
      emit: (e) => e.mulOvf(b, a, b, c),
    });
  }
  return out;
}

function edgeCases(): C[] {
  const out: C[] = [];
  for (const base of [2, 11, 15]) {
    for (const disp of [0, 8, -8, 4095, 4096, -4096, 524287, -524288, 524288, -524289, 2 ** 31, -(2 ** 33)]) {
      out.push(...memCases(3, base, NOREG, disp), ...memCases(14, base, 9, disp), ...memCases(0, base, 15, disp));
    }
  }
  for (const imm of [...EDGE_IMMS, 0xffffffff00000000 - 2 ** 64, -(2 ** 32), 2 ** 32 + 0xffff]) {
    out.push(...regCases(2, 3, 4, imm), ...regCases(15, 14, 13, imm), ...regCases(0, 1, 5, imm));
  }
  for (const [first, last, disp] of [[6, 15, 48], [14, 15, 112], [6, 15, -160], [2, 3, 524287]]) {
    out.push(
      { asm: `stmg ${r(first)},${r(last)},${disp}(%r15)`, emit: (e) => e.stmg(first, last, 15, disp) },
      { asm: `lmg ${r(first)},${r(last)},${disp}(%r15)`, emit: (e) => e.lmg(first, last, 15, disp) },
    );
  }
  for (const off of [0, 2, -2, 4294967294, -4294967296, 100000]) {
    for (let mask = 0; mask < 16; mask++) out.push({ asm: `brcl ${mask},.+${off}`, emit: (e) => void e.brcl(mask, off) });
    out.push({ asm: `brasl %r14,.+${off}`, emit: (e) => void e.brasl(off) }, { asm: `larl %r5,.+${off}`, emit: (e) => void e.larl(5, off) });
  }
  for (const off of [0, 2, -2, 65534, -65536]) {
    for (let mask = 0; mask < 16; mask++) out.push({ asm: `brc ${mask},.+${off}`, emit: (e) => void e.brc(mask, off) });
  }
  out.push({ asm: 'br %r14', emit: (e) => e.ret() }, { asm: 'bcr 8,%r3', emit: (e) => e.bcr(MASK_EQ, 3) }, { asm: 'nopr', emit: (e) => e.nopr() }, { asm: '.short 0', emit: (e) => e.trap() });
  out.push({ asm: 'nop', emit: (e) => e.nop() });
  for (const imm of [...EDGE_IMMS, ...LINK_ADDRESSES]) out.push({ asm: movText64(1, imm), emit: (e) => e.movRI64(1, imm) }, { asm: movText64(14, imm), emit: (e) => e.movRI64(14, imm) });
  return out;
}

function randomCases(seed: number, count: number): C[] {
  const rand = rng(seed);
  const reg = (): number => Math.floor(rand() * 16);
  // neither base, index nor stored value is the scratch register an out-of-range offset uses
  const notScratch = (): number => 2 + Math.floor(rand() * 14);
  const out: C[] = [];
  for (let i = 0; i < count; i++) {
    out.push(...regCases(reg(), reg(), reg(), randomImm(rand)));
    const disp = Math.floor((rand() * 2 - 1) * (rand() < 0.5 ? 5000 : rand() < 0.5 ? 600000 : 2 ** 31));
    out.push(...memCases(notScratch(), notScratch(), rand() < 0.5 ? NOREG : notScratch(), disp));
    const off = 2 * Math.floor((rand() * 2 - 1) * 2 ** 30);
    const mask = Math.floor(rand() * 16);
    out.push({ asm: `brcl ${mask},.+${off}`, emit: (e) => void e.brcl(mask, off) });
  }
  return out;
}

describe.skipIf(BU === null)('s390x encoder matches GNU as', () => {
  const make = (): S390Encoder => new S390Encoder();
  it('edge operands, every instruction', () => expect(mismatches(BU!, make, edgeCases())).toBe(''));
  it('random operands (seeded)', () => expect(mismatches(BU!, make, randomCases(20261202, 300))).toBe(''));
});

describe('s390x encoder', () => {
  it('patches brcl, brasl, larl and brc to a new target', () => {
    const e = new S390Encoder();
    const sites = [e.brcl(MASK_NE, 0), e.brasl(0), e.larl(7, 0), e.brc(MASK_O, 0)];
    for (const at of sites) e.patchBranch(at, 400);
    const g = new S390Encoder();
    g.brcl(MASK_NE, 400);
    g.brasl(394);
    g.larl(7, 388);
    g.brc(MASK_O, 382);
    expect(e.code).toEqual(g.code);
  });
  it('rejects what it cannot encode, naming the value', () => {
    const e = new S390Encoder();
    expect(() => e.brcl(MASK_ALWAYS, 3)).toThrow(/offset 3/);
    expect(() => e.brc(MASK_ALWAYS, 65536)).toThrow(/offset 65536/);
    expect(() => e.load64(2, SCRATCH, NOREG, 2 ** 30)).toThrow(/offset 1073741824/);
    expect(() => e.shiftRI(SH_SLLG, 2, 2, 64)).toThrow(/shift amount 64/);
    expect(() => e.mulOvf(2, 1, 3, 4)).toThrow(/r0\/r1/);
    expect(() => e.dsgr(3, 4)).toThrow(/even register, got r3/);
    expect(() => e.movRR(16, 0)).toThrow(/register 16/);
    e.nopr();
    expect(() => e.patchBranch(0, 8)).toThrow(/not a branch/);
  });
});

/** the isa's code for emit, as the encoder's (its bytes) */
function viaIsa(emit: (isa: S390Isa) => void): (e: S390Encoder) => void {
  return (e) => {
    const isa = new S390Isa();
    isa.e = e;
    emit(isa);
  };
}
/** r6-r15 back from the caller's save area, above this code's 160-byte frame */
const EPILOGUE = 'lmg %r6,%r15,208(%r15)\nbr %r14';

describe.skipIf(BU === null)('s390x bridge linking (S390Isa) matches GNU as', () => {
  it('link sites, their patches, calls and jumps to code, returning a register', () => {
    const out: C[] = [{ asm: `brc 15,.+18\n${movText64(1, 0)}\nbr %r1`, emit: viaIsa((i) => void i.linkSite()) }];
    for (const a of LINK_ADDRESSES) {
      out.push(
        { asm: `nop\n${movText64(1, a)}\nbr %r1`, emit: (e) => e.code.push(...new S390Isa().linkBytes(a)) },
        { asm: `${movText(2, 0x1000 + a)}\n${movText(1, a)}\nbasr %r14,%r1`, emit: viaIsa((i) => i.callCode(a, 0x1000 + a)) },
        { asm: `${movText(1, a)}\nbr %r1`, emit: viaIsa((i) => i.jumpAbs(a)) },
      );
    }
    out.push({ asm: `lgr %r2,%r14\n${EPILOGUE}`, emit: viaIsa((i) => i.returnReg(14)) }, { asm: EPILOGUE, emit: viaIsa((i) => i.returnReg(2)) });
    expect(mismatches(BU!, () => new S390Encoder(), out)).toBe('');
  });
  it('patches a link site in place: the same length, at the offset it returned', () => {
    const isa = new S390Isa();
    isa.trap();
    const at = isa.linkSite();
    expect(at).toBe(2);
    expect(isa.pos() - at).toBe(isa.linkBytes(0x7fff_1234_5678).length);
  });
});
