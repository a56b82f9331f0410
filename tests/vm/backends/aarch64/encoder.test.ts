// The aarch64 encoder against GNU as: every instruction the encoder offers, over edge
// operands (sp as a base and as a move operand, offsets at the limits of the scaled,
// unscaled and register-offset forms, immediates at halfword boundaries, branch offsets at
// their range limits) and seeded random ones; each case's bytes must equal what
// aarch64-linux-gnu-as makes of its text.
import { describe, it, expect } from 'vitest';
import {
  A64Encoder, CC_NAMES, CC_GT, SP, XZR, SCRATCH, ALU_ADD, ALU_SUB, ALU_ADDS, ALU_SUBS, ALU_AND, ALU_ORR, ALU_EOR, ALU_ANDS,
  SH_LSL, SH_LSR, SH_ASR, FD_ADD, FD_SUB, FD_MUL, FD_DIV,
} from '../../../../vm/backends/aarch64/encoder.ts';
import { A64Isa } from '../../../../vm/backends/aarch64/isa.ts';
import { binutilsFor, mismatches, rng, randomImm, EDGE_IMMS, LINK_ADDRESSES, type Case } from '../gas.ts';

const BU = binutilsFor('aarch64-linux-gnu', ['-m', 'aarch64']);

const x = (r: number): string => (r === 31 ? 'xzr' : `x${r}`);
const xs = (r: number): string => (r === 31 ? 'sp' : `x${r}`);
const w = (r: number): string => (r === 31 ? 'wzr' : `w${r}`);
const d = (r: number): string => `d${r}`;

/** the movz/movn + movk text the encoder's immediate load must equal */
function movText(r: number, imm: number): string {
  const hw: number[] = [];
  let v = BigInt.asUintN(64, BigInt(imm));
  for (let k = 0; k < 4; k++) {
    hw.push(Number(v & 0xffffn));
    v >>= 16n;
  }
  const ones = hw.filter((h) => h === 0xffff).length;
  const zeros = hw.filter((h) => h === 0).length;
  const inv = ones > zeros;
  const bg = inv ? 0xffff : 0;
  let first = 0;
  while (first < 3 && hw[first] === bg) first++;
  const lines = [`${inv ? 'movn' : 'movz'} ${x(r)}, #${inv ? hw[first] ^ 0xffff : hw[first]}, lsl #${16 * first}`];
  for (let k = first + 1; k < 4; k++) if (hw[k] !== bg) lines.push(`movk ${x(r)}, #${hw[k]}, lsl #${16 * k}`);
  return lines.join('\n');
}

/** movz and three movk, whatever the halfwords are (the fixed-length load of a link site) */
function movText64(r: number, imm: number): string {
  const v = BigInt.asUintN(64, BigInt(imm));
  return [0, 1, 2, 3].map((k) => `${k === 0 ? 'movz' : 'movk'} ${x(r)}, #${Number((v >> BigInt(16 * k)) & 0xffffn)}, lsl #${16 * k}`).join('\n');
}

type C = Case<A64Encoder>;
const LOADS: [string, string, (r: number) => string, number, (e: A64Encoder, t: number, b: number, o: number) => void][] = [
  ['ldr', 'ldur', x, 8, (e, t, b, o) => e.load64(t, b, o)],
  ['ldr', 'ldur', w, 4, (e, t, b, o) => e.load32(t, b, o)],
  ['ldrb', 'ldurb', w, 1, (e, t, b, o) => e.load8(t, b, o)],
  ['str', 'stur', x, 8, (e, t, b, o) => e.store64(b, o, t)],
  ['str', 'stur', w, 4, (e, t, b, o) => e.store32(b, o, t)],
  ['strb', 'sturb', w, 1, (e, t, b, o) => e.store8(b, o, t)],
  ['ldr', 'ldur', d, 8, (e, t, b, o) => e.loadD(t, b, o)],
  ['str', 'stur', d, 8, (e, t, b, o) => e.storeD(b, o, t)],
];

function memCases(t: number, base: number, disp: number): C[] {
  const out: C[] = [];
  for (const [op, uop, reg, size, emit] of LOADS) {
    let asm: string;
    if (disp >= 0 && disp % size === 0 && disp / size < 4096) asm = `${op} ${reg(t)}, [${xs(base)}, #${disp}]`;
    else if (disp >= -256 && disp < 256) asm = `${uop} ${reg(t)}, [${xs(base)}, #${disp}]`;
    else asm = `${movText(SCRATCH, disp)}\n${op} ${reg(t)}, [${xs(base)}, x17]`;
    out.push({ asm, emit: (e) => emit(e, t, base, disp) });
  }
  return out;
}

function idxCases(t: number, base: number, index: number): C[] {
  const m = `[${xs(base)}, ${x(index)}`;
  return [
    { asm: `ldr ${x(t)}, ${m}]`, emit: (e) => e.load64Idx(t, base, index, false) },
    { asm: `ldr ${x(t)}, ${m}, lsl #3]`, emit: (e) => e.load64Idx(t, base, index, true) },
    { asm: `ldr ${w(t)}, ${m}, lsl #2]`, emit: (e) => e.load32Idx(t, base, index, true) },
    { asm: `ldr ${w(t)}, ${m}]`, emit: (e) => e.load32Idx(t, base, index, false) },
    { asm: `ldrb ${w(t)}, ${m}]`, emit: (e) => e.load8Idx(t, base, index) },
    { asm: `str ${x(t)}, ${m}, lsl #3]`, emit: (e) => e.store64Idx(base, index, true, t) },
    { asm: `str ${w(t)}, ${m}]`, emit: (e) => e.store32Idx(base, index, false, t) },
    { asm: `strb ${w(t)}, ${m}]`, emit: (e) => e.store8Idx(base, index, t) },
    { asm: `ldr ${d(t)}, ${m}, lsl #3]`, emit: (e) => e.loadDIdx(t, base, index, true) },
    { asm: `str ${d(t)}, ${m}]`, emit: (e) => e.storeDIdx(base, index, false, t) },
  ];
}

const ALU: [number, string][] = [
  [ALU_ADD, 'add'], [ALU_SUB, 'sub'], [ALU_ADDS, 'adds'], [ALU_SUBS, 'subs'], [ALU_AND, 'and'], [ALU_ORR, 'orr'], [ALU_EOR, 'eor'], [ALU_ANDS, 'ands'],
];
const SHIFTS: [number, string][] = [[SH_LSL, 'lsl'], [SH_LSR, 'lsr'], [SH_ASR, 'asr']];
const FOPS: [number, string][] = [[FD_ADD, 'fadd'], [FD_SUB, 'fsub'], [FD_MUL, 'fmul'], [FD_DIV, 'fdiv']];

/** the text of add/sub with an immediate, in the form the encoder must choose */
function addSubText(sub: boolean, flags: boolean, dst: number, n: number, imm: number): string {
  let neg = sub;
  let v = imm;
  if (v < 0 && v > -16777216) {
    neg = !neg;
    v = -v;
  }
  const name = (neg ? 'sub' : 'add') + (flags ? 's' : '');
  const dn = flags ? x(dst) : xs(dst);
  if (v >= 0 && v < 4096) return `${name} ${dn}, ${xs(n)}, #${v}`;
  if (v >= 0 && v < 16777216 && v % 4096 === 0) return `${name} ${dn}, ${xs(n)}, #${v / 4096}, lsl #12`;
  return `${movText(SCRATCH, imm)}\n${(sub ? 'sub' : 'add') + (flags ? 's' : '')} ${x(dst)}, ${x(n)}, x17`;
}

function regCases(a: number, b: number, c: number, imm: number): C[] {
  const out: C[] = [
    { asm: `mov ${x(a)}, ${x(b)}`, emit: (e) => e.movRR(a, b) },
    { asm: movText(a, imm), emit: (e) => e.movRI(a, imm) },
    { asm: `cmp ${x(a)}, ${x(b)}`, emit: (e) => e.cmpRR(a, b) },
    { asm: `tst ${x(a)}, ${x(b)}`, emit: (e) => e.tstRR(a, b) },
    { asm: `mul ${x(a)}, ${x(b)}, ${x(c)}`, emit: (e) => e.mul(a, b, c) },
    { asm: `smulh ${x(a)}, ${x(b)}, ${x(c)}`, emit: (e) => e.smulh(a, b, c) },
    { asm: `sdiv ${x(a)}, ${x(b)}, ${x(c)}`, emit: (e) => e.sdiv(a, b, c) },
    { asm: `msub ${x(a)}, ${x(b)}, ${x(c)}, ${x(a)}`, emit: (e) => e.msub(a, b, c, a) },
    { asm: `neg ${x(a)}, ${x(b)}`, emit: (e) => e.neg(a, b) },
    { asm: `mvn ${x(a)}, ${x(b)}`, emit: (e) => e.mvn(a, b) },
    { asm: `adds ${x(a)}, ${x(b)}, ${x(c)}`, emit: (e) => e.addOvf(a, b, c) },
    { asm: `subs ${x(a)}, ${x(b)}, ${x(c)}`, emit: (e) => e.subOvf(a, b, c) },
    { asm: `blr ${x(a)}`, emit: (e) => e.blr(a) },
    { asm: `br ${x(a)}`, emit: (e) => e.br(a) },
    { asm: `fsqrt ${d(a)}, ${d(b)}`, emit: (e) => e.fsqrt(a, b) },
    { asm: `fneg ${d(a)}, ${d(b)}`, emit: (e) => e.fneg(a, b) },
    { asm: `fabs ${d(a)}, ${d(b)}`, emit: (e) => e.fabs(a, b) },
    { asm: `fmov ${d(a)}, ${d(b)}`, emit: (e) => e.fmovRR(a, b) },
    { asm: `fcmp ${d(a)}, ${d(b)}`, emit: (e) => e.fcmp(a, b) },
    { asm: `scvtf ${d(a)}, ${x(b)}`, emit: (e) => e.scvtf(a, b) },
    { asm: `fcvtzs ${x(a)}, ${d(b)}`, emit: (e) => e.fcvtzs(a, b) },
    { asm: `fmov ${d(a)}, ${x(b)}`, emit: (e) => e.fmovToD(a, b) },
    { asm: `fmov ${x(a)}, ${d(b)}`, emit: (e) => e.fmovFromD(a, b) },
  ];
  if (c !== a && c !== b) {
    out.push({ asm: `smulh ${x(c)}, ${x(a)}, ${x(b)}\nmul ${x(a)}, ${x(a)}, ${x(b)}\ncmp ${x(c)}, ${x(a)}, asr #63`, emit: (e) => e.mulOvf(a, a, b, c) });
  }
  for (const [op, name] of ALU) out.push({ asm: `${name} ${x(a)}, ${x(b)}, ${x(c)}`, emit: (e) => e.aluRR(op, a, b, c) });
  for (const [op, name] of [[ALU_AND, 'and'], [ALU_ORR, 'orr'], [ALU_EOR, 'eor']] as [number, string][]) {
    if (b !== SCRATCH) out.push({ asm: `${movText(SCRATCH, imm)}\n${name} ${x(a)}, ${x(b)}, x17`, emit: (e) => e.logicRI(op, a, b, imm) });
  }
  const n = Math.abs(imm) % 64;
  for (const [op, name] of SHIFTS) {
    out.push({ asm: `${name} ${x(a)}, ${x(b)}, ${x(c)}`, emit: (e) => e.shiftRR(op, a, b, c) });
    out.push({ asm: `${name} ${x(a)}, ${x(b)}, #${n}`, emit: (e) => e.shiftRI(op, a, b, n) });
  }
  for (const [op, name] of FOPS) out.push({ asm: `${name} ${d(a)}, ${d(b)}, ${d(c)}`, emit: (e) => e.fop(op, a, b, c) });
  for (let cc = 0; cc < 14; cc++) out.push({ asm: `cset ${x(a)}, ${CC_NAMES[cc]}`, emit: (e) => e.cset(a, cc) });
  const i24 = imm % 16777216;
  // register operands that are not sp or the scratch register, for the immediate forms
  if (b !== SCRATCH && b !== 31 && a !== 31) {
    out.push({ asm: addSubText(false, false, a, b, i24), emit: (e) => e.addRI(a, b, i24, false) });
    out.push({ asm: addSubText(true, false, a, b, i24), emit: (e) => e.subRI(a, b, i24, false) });
    out.push({ asm: addSubText(false, true, a, b, i24), emit: (e) => e.addRI(a, b, i24, true) });
    out.push({ asm: addSubText(true, true, a, b, i24), emit: (e) => e.subRI(a, b, i24, true) });
    out.push({ asm: addSubText(true, true, XZR, b, imm), emit: (e) => e.cmpRI(b, imm) });
  }
  return out;
}

function edgeCases(): C[] {
  const out: C[] = [];
  for (const base of [0, 5, 16, 28, SP]) {
    for (const disp of [0, 1, 4, 8, -1, -8, -256, 255, 256, 257, 4095, 4096, 8 * 4095, 8 * 4096, 16380, -257, -70000, 2 ** 40]) {
      out.push(...memCases(base === 16 ? 3 : 7, base, disp));
    }
    out.push(...idxCases(9, base, 30), ...idxCases(30, base, 0));
  }
  for (const imm of [...EDGE_IMMS, 4095, 4096, 4097, -4095, -4096, 0xfff000, 0xffffff, 0x1000000, -16777215, -16777216]) {
    out.push(...regCases(0, 1, 2, imm), ...regCases(30, 29, 28, imm));
  }
  out.push({ asm: 'mov sp, x29', emit: (e) => e.movRR(SP, 29) }, { asm: 'mov x29, sp', emit: (e) => e.movRR(29, SP) });
  out.push({ asm: 'add sp, sp, #16', emit: (e) => e.addRI(SP, SP, 16, false) }, { asm: 'sub sp, sp, #4095, lsl #12', emit: (e) => e.subRI(SP, SP, 4095 * 4096, false) });
  for (const disp of [0, 8, -8, -512, 504, 256]) {
    out.push(
      { asm: `stp x29, x30, [sp, #${disp}]!`, emit: (e) => e.stp(29, 30, SP, disp, true) },
      { asm: `ldp x29, x30, [sp], #${disp}`, emit: (e) => e.ldp(29, 30, SP, disp, true) },
      { asm: `stp x19, x20, [sp, #${disp}]`, emit: (e) => e.stp(19, 20, SP, disp, false) },
      { asm: `ldp x27, x28, [x29, #${disp}]`, emit: (e) => e.ldp(27, 28, 29, disp, false) },
      { asm: `stp d8, d9, [sp, #${disp}]!`, emit: (e) => e.stpD(8, 9, SP, disp, true) },
      { asm: `ldp d14, d15, [sp], #${disp}`, emit: (e) => e.ldpD(14, 15, SP, disp, true) },
      { asm: `stp d10, d11, [sp, #${disp}]`, emit: (e) => e.stpD(10, 11, SP, disp, false) },
      { asm: `ldp d12, d13, [x1, #${disp}]`, emit: (e) => e.ldpD(12, 13, 1, disp, false) },
    );
  }
  for (const off of [0, 4, -4, 1048572, -1048576, 4096]) {
    for (let cc = 0; cc < 14; cc++) out.push({ asm: `b.${CC_NAMES[cc]} .+${off}`, emit: (e) => void e.bcond(cc, off) });
    out.push(
      { asm: `cbz x3, .+${off}`, emit: (e) => void e.cbz(3, off, false) },
      { asm: `cbnz x30, .+${off}`, emit: (e) => void e.cbz(30, off, true) },
      { asm: `ldr x16, .+${off}`, emit: (e) => void e.ldrLiteral(16, off) },
    );
  }
  for (const off of [0, 4, -4, 134217724, -134217728]) {
    out.push({ asm: `b .+${off}`, emit: (e) => void e.b(off) }, { asm: `bl .+${off}`, emit: (e) => void e.bl(off) });
  }
  out.push({ asm: 'ret', emit: (e) => e.ret() }, { asm: 'nop', emit: (e) => e.nop() }, { asm: 'brk #0x3e8', emit: (e) => e.brk(1000) });
  for (const imm of [...EDGE_IMMS, ...LINK_ADDRESSES]) out.push({ asm: movText64(16, imm), emit: (e) => e.movRI64(16, imm) });
  return out;
}

function randomCases(seed: number, count: number): C[] {
  const r = rng(seed);
  const reg = (): number => Math.floor(r() * 31);
  const out: C[] = [];
  for (let i = 0; i < count; i++) {
    out.push(...regCases(reg(), reg(), reg(), randomImm(r)));
    const disp = Math.floor((r() * 2 - 1) * (r() < 0.5 ? 300 : r() < 0.5 ? 40000 : 2 ** 31));
    // neither operand is the scratch register an out-of-range offset goes through
    const notScratch = (v: number): number => (v === SCRATCH ? 16 : v);
    out.push(...memCases(notScratch(reg()), r() < 0.2 ? SP : notScratch(reg()), disp));
    out.push(...idxCases(reg(), r() < 0.2 ? SP : reg(), reg()));
    const off = 4 * Math.floor((r() * 2 - 1) * 262143);
    const cc = Math.floor(r() * 14);
    out.push({ asm: `b.${CC_NAMES[cc]} .+${off}`, emit: (e) => void e.bcond(cc, off) });
  }
  return out;
}

describe.skipIf(BU === null)('aarch64 encoder matches GNU as', () => {
  const make = (): A64Encoder => new A64Encoder();
  it('edge operands, every instruction', () => expect(mismatches(BU!, make, edgeCases())).toBe(''));
  it('random operands (seeded)', () => expect(mismatches(BU!, make, randomCases(20261202, 300))).toBe(''));
});

describe('aarch64 encoder', () => {
  it('uses the scratch register for a far offset whatever the data register is, unless it is the base or an integer stored', () => {
    for (const emit of [(e: A64Encoder) => e.load64(SCRATCH, 1, 70000), (e: A64Encoder) => e.storeD(1, 70000, SCRATCH), (e: A64Encoder) => e.loadD(SCRATCH, 1, 70000)]) {
      const e = new A64Encoder();
      emit(e);
      expect(e.pos()).toBe(12);
    }
  });
  it('patches every kind of branch to a new target', () => {
    // emitted with offset 0, then patched to byte 400: the same words as emitted there directly
    const e = new A64Encoder();
    const sites = [e.bcond(CC_GT, 0), e.b(0), e.bl(0), e.cbz(4, 0, true), e.ldrLiteral(16, 0)];
    for (const at of sites) e.patchBranch(at, 400);
    const f = new A64Encoder();
    f.bcond(CC_GT, 400);
    f.b(396);
    f.bl(392);
    f.cbz(4, 388, true);
    f.ldrLiteral(16, 384);
    expect(e.code).toEqual(f.code);
    e.patchBranch(sites[0], -1048576);
    f.code = [];
    f.bcond(CC_GT, -1048576);
    expect(e.code.slice(0, 4)).toEqual(f.code);
  });
  it('rejects what it cannot encode, naming the value', () => {
    const e = new A64Encoder();
    expect(() => e.bcond(0, 6)).toThrow(/branch offset 6/);
    expect(() => e.bcond(0, 1 << 20)).toThrow(/1048576/);
    expect(() => e.stp(29, 30, SP, 12, true)).toThrow(/pair offset 12/);
    expect(() => e.shiftRI(SH_LSL, 0, 1, 64)).toThrow(/shift amount 64/);
    expect(() => e.store64(1, 70000, SCRATCH)).toThrow(/offset 70000/);
    expect(() => e.load64(3, SCRATCH, 70000)).toThrow(/offset 70000/);
    expect(() => e.mulOvf(1, 2, 3, 3)).toThrow(/temporary/);
    expect(() => e.movRR(32, 0)).toThrow(/register 32/);
    e.nop();
    expect(() => e.patchBranch(0, 8)).toThrow(/not a branch/);
  });
});

/** the isa's code for emit, as the encoder's (its bytes) */
function viaIsa(emit: (isa: A64Isa) => void): (e: A64Encoder) => void {
  return (e) => {
    const isa = new A64Isa();
    isa.e = e;
    emit(isa);
  };
}
const EPILOGUE = 'ldp x19, x20, [sp, #16]\nldp x21, x22, [sp, #32]\nldp x23, x24, [sp, #48]\nldp x25, x26, [sp, #64]\nldp x27, x28, [sp, #80]\nldp x29, x30, [sp], #96\nret';

describe.skipIf(BU === null)('aarch64 bridge linking (A64Isa) matches GNU as', () => {
  it('link sites, their patches, calls and jumps to code, returning a register', () => {
    const out: C[] = [{ asm: `b .+24\n${movText64(16, 0)}\nbr x16`, emit: viaIsa((i) => void i.linkSite()) }];
    for (const a of LINK_ADDRESSES) {
      out.push(
        { asm: `nop\n${movText64(16, a)}\nbr x16`, emit: (e) => e.code.push(...new A64Isa().linkBytes(a)) },
        { asm: `${movText(0, 0x1000 + a)}\n${movText(16, a)}\nblr x16`, emit: viaIsa((i) => i.callCode(a, 0x1000 + a)) },
        { asm: `${movText(16, a)}\nbr x16`, emit: viaIsa((i) => i.jumpAbs(a)) },
      );
    }
    out.push({ asm: `mov x0, x5\n${EPILOGUE}`, emit: viaIsa((i) => i.returnReg(5)) }, { asm: EPILOGUE, emit: viaIsa((i) => i.returnReg(0)) });
    expect(mismatches(BU!, () => new A64Encoder(), out)).toBe('');
  });
  it('patches a link site in place: the same length, at the offset it returned', () => {
    const isa = new A64Isa();
    isa.trap();
    const at = isa.linkSite();
    expect(at).toBe(4);
    expect(isa.pos() - at).toBe(isa.linkBytes(0x7fff_1234_5678).length);
  });
});
