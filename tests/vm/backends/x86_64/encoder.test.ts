// The x86-64 encoder against GNU as: every instruction the encoder offers, with a table of
// edge operands (rsp/r12 bases need a SIB, rbp/r13 a displacement, sil/dil a REX, the rax
// short forms, imm8 vs imm32) and random operands from a seeded generator; each case's bytes
// must equal what `as --64` assembles from its AT&T text (read back with objdump).
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { rng } from '../gas.ts';
import {
  X64Encoder, GPR_NAMES, CC_NAMES, NOREG, RAX, RSP, RBP, R12, R13, RSI, RDI,
  ALU_ADD, ALU_OR, ALU_AND, ALU_SUB, ALU_XOR, ALU_CMP, SH_SHL, SH_SHR, SH_SAR,
  SD_ADD, SD_SUB, SD_MUL, SD_DIV, SD_SQRT, fitsInt32,
} from '../../../../vm/backends/x86_64/encoder.ts';

function has(tool: string): boolean {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const AS = has('as') ? 'as' : has('x86_64-linux-gnu-as') ? 'x86_64-linux-gnu-as' : '';
const OBJDUMP = has('objdump') ? 'objdump' : has('x86_64-linux-gnu-objdump') ? 'x86_64-linux-gnu-objdump' : '';
const SKIP = AS === '' || OBJDUMP === '';
if (SKIP) console.warn('x86_64 encoder tests skipped: GNU as and objdump (binutils) are not installed');

interface Case {
  asm: string;
  emit: (e: X64Encoder) => void;
}

const q = (r: number): string => '%' + GPR_NAMES[r];
const d = (r: number): string => '%' + (r < 8 ? ['eax', 'ecx', 'edx', 'ebx', 'esp', 'ebp', 'esi', 'edi'][r] : GPR_NAMES[r] + 'd');
const b = (r: number): string => '%' + (r < 8 ? ['al', 'cl', 'dl', 'bl', 'spl', 'bpl', 'sil', 'dil'][r] : GPR_NAMES[r] + 'b');
const x = (r: number): string => '%xmm' + r;
function m(base: number, index: number, scale: number, disp: number): string {
  return `${disp}(${q(base)}${index === NOREG ? '' : ',' + q(index) + ',' + scale})`;
}

/** one case per memory-operand shape for an instruction with a memory operand */
interface MemOp {
  base: number;
  index: number;
  scale: number;
  disp: number;
}
const EDGE_MEMS: MemOp[] = [];
for (const base of [RAX, RSP, RBP, R12, R13, RDI, 15]) {
  for (const disp of [0, 8, -8, 127, -128, 128, 4096, -70000]) EDGE_MEMS.push({ base, index: NOREG, scale: 1, disp });
  for (const index of [RAX, RBP, R12, R13, 15]) EDGE_MEMS.push({ base, index, scale: 8, disp: 16 });
}

function memCases(mem: MemOp, reg: number, xreg: number): Case[] {
  const { base, index, scale, disp } = mem;
  const mm = m(base, index, scale, disp);
  const imm = fitsInt32(disp * 3) ? disp * 3 : disp;
  return [
    { asm: `mov ${mm},${q(reg)}`, emit: (e) => e.load64(reg, base, index, scale, disp) },
    { asm: `mov ${mm},${d(reg)}`, emit: (e) => e.load32(reg, base, index, scale, disp) },
    { asm: `movzbl ${mm},${d(reg)}`, emit: (e) => e.load8(reg, base, index, scale, disp) },
    { asm: `mov ${q(reg)},${mm}`, emit: (e) => e.store64(base, index, scale, disp, reg) },
    { asm: `mov ${d(reg)},${mm}`, emit: (e) => e.store32(base, index, scale, disp, reg) },
    { asm: `mov ${b(reg)},${mm}`, emit: (e) => e.store8(base, index, scale, disp, reg) },
    { asm: `movq $${imm},${mm}`, emit: (e) => e.store64Imm(base, index, scale, disp, imm) },
    { asm: `lea ${mm},${q(reg)}`, emit: (e) => e.lea(reg, base, index, scale, disp) },
    { asm: `cmp ${q(reg)},${mm}`, emit: (e) => e.cmpMR(base, index, scale, disp, reg) },
    // imm8 and imm32 forms
    { asm: `addq $1,${mm}`, emit: (e) => e.aluMI(ALU_ADD, base, index, scale, disp, 1) },
    { asm: `subq $${imm},${mm}`, emit: (e) => e.aluMI(ALU_SUB, base, index, scale, disp, imm) },
    { asm: `movsd ${mm},${x(xreg)}`, emit: (e) => e.movsdLoad(xreg, base, index, scale, disp) },
    { asm: `movsd ${x(xreg)},${mm}`, emit: (e) => e.movsdStore(base, index, scale, disp, xreg) },
  ];
}

const ALU: [number, string][] = [[ALU_ADD, 'add'], [ALU_OR, 'or'], [ALU_AND, 'and'], [ALU_SUB, 'sub'], [ALU_XOR, 'xor'], [ALU_CMP, 'cmp']];
const SHIFTS: [number, string][] = [[SH_SHL, 'shl'], [SH_SHR, 'shr'], [SH_SAR, 'sar']];
const SD: [number, string][] = [[SD_ADD, 'addsd'], [SD_SUB, 'subsd'], [SD_MUL, 'mulsd'], [SD_DIV, 'divsd'], [SD_SQRT, 'sqrtsd']];

function regCases(r1: number, r2: number, imm: number): Case[] {
  const out: Case[] = [
    { asm: `mov ${q(r2)},${q(r1)}`, emit: (e) => e.movRR(r1, r2) },
    { asm: fitsInt32(imm) ? `movq $${imm},${q(r1)}` : `movabs $${imm},${q(r1)}`, emit: (e) => e.movRI(r1, imm) },
    { asm: `test ${q(r2)},${q(r1)}`, emit: (e) => e.testRR(r1, r2) },
    { asm: `imul ${q(r2)},${q(r1)}`, emit: (e) => e.imulRR(r1, r2) },
    { asm: `neg ${q(r1)}`, emit: (e) => e.neg(r1) },
    { asm: `not ${q(r1)}`, emit: (e) => e.not(r1) },
    { asm: `idiv ${q(r1)}`, emit: (e) => e.idiv(r1) },
    { asm: `movzbl ${b(r2)},${d(r1)}`, emit: (e) => e.movzxRR8(r1, r2) },
    { asm: `jmp *${q(r1)}`, emit: (e) => e.jmpR(r1) },
    { asm: `call *${q(r1)}`, emit: (e) => e.callR(r1) },
    { asm: `push ${q(r1)}`, emit: (e) => e.push(r1) },
    { asm: `pop ${q(r1)}`, emit: (e) => e.pop(r1) },
    { asm: `movsd ${x(r2)},${x(r1)}`, emit: (e) => e.movsdRR(r1, r2) },
    { asm: `ucomisd ${x(r2)},${x(r1)}`, emit: (e) => e.ucomisd(r1, r2) },
    { asm: `xorpd ${x(r2)},${x(r1)}`, emit: (e) => e.xorpd(r1, r2) },
    { asm: `cvtsi2sdq ${q(r2)},${x(r1)}`, emit: (e) => e.cvtsi2sd(r1, r2) },
    { asm: `cvttsd2si ${x(r2)},${q(r1)}`, emit: (e) => e.cvttsd2si(r1, r2) },
    { asm: `movq ${q(r2)},${x(r1)}`, emit: (e) => e.movqToXmm(r1, r2) },
    { asm: `movq ${x(r2)},${q(r1)}`, emit: (e) => e.movqFromXmm(r1, r2) },
  ];
  const i32 = fitsInt32(imm) ? imm : imm % 2147483647;
  out.push({ asm: `imul $${i32},${q(r2)},${q(r1)}`, emit: (e) => e.imulRRI(r1, r2, i32) });
  for (const [op, name] of ALU) {
    out.push({ asm: `${name} ${q(r2)},${q(r1)}`, emit: (e) => e.aluRR(op, r1, r2) });
    out.push({ asm: `${name}q $${i32},${q(r1)}`, emit: (e) => e.aluRI(op, r1, i32) });
  }
  const n = (Math.abs(imm) % 63) + 1;
  for (const [op, name] of SHIFTS) {
    out.push({ asm: `${name} %cl,${q(r1)}`, emit: (e) => e.shiftCL(op, r1) });
    out.push({ asm: `${name} $${n},${q(r1)}`, emit: (e) => e.shiftRI(op, r1, n) });
  }
  for (const [op, name] of SD) out.push({ asm: `${name} ${x(r2)},${x(r1)}`, emit: (e) => e.sdRR(op, r1, r2) });
  for (let cc = 0; cc < 16; cc++) out.push({ asm: `set${CC_NAMES[cc]} ${b(r1)}`, emit: (e) => e.setcc(cc, r1) });
  return out;
}

function edgeCases(): Case[] {
  const out: Case[] = [];
  for (const mem of EDGE_MEMS) out.push(...memCases(mem, RSI, 9));
  for (const mem of EDGE_MEMS.slice(0, 8)) out.push(...memCases(mem, R12, 0), ...memCases(mem, RDI, 15));
  for (const imm of [0, 1, -1, 127, -128, 128, -129, 2147483647, -2147483648, 2147483648, -2147483649, 2 ** 53 - 1, -(2 ** 53)]) {
    out.push(...regCases(RAX, RSP, imm), ...regCases(13, RBP, imm));
  }
  for (let cc = 0; cc < 16; cc++) for (const rel of [0, 5, -6, 1000, 123456789]) {
    out.push({ asm: `{disp32} j${CC_NAMES[cc]} . + 6 + ${rel}`, emit: (e) => void e.jcc(cc, rel) });
  }
  for (const rel of [0, -5, 70000, -70000]) out.push({ asm: `{disp32} jmp . + 5 + ${rel}`, emit: (e) => void e.jmp(rel) });
  out.push({ asm: 'ret', emit: (e) => e.ret() }, { asm: 'cqto', emit: (e) => e.cqo() }, { asm: 'int3', emit: (e) => e.int3() });
  return out;
}


function randomCases(seed: number, count: number): Case[] {
  const r = rng(seed);
  const reg = (): number => Math.floor(r() * 16);
  const imm = (): number => {
    const k = r();
    const mag = k < 0.3 ? 256 : k < 0.6 ? 2 ** 31 : 2 ** 52;
    return Math.floor((r() * 2 - 1) * mag);
  };
  const out: Case[] = [];
  for (let i = 0; i < count; i++) {
    out.push(...regCases(reg(), reg(), imm()));
    let index = reg();
    if (index === RSP) index = NOREG;
    const scale = [1, 2, 4, 8][Math.floor(r() * 4)];
    const disp = Math.floor((r() * 2 - 1) * (r() < 0.5 ? 128 : 2 ** 31));
    out.push(...memCases({ base: reg(), index, scale, disp }, reg(), reg()));
  }
  return out;
}

/** Bytes per instruction that `as` makes of the cases' text, in order. */
function assemble(cases: Case[]): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pyvm-x64enc-'));
  try {
    const src = path.join(dir, 'cases.s');
    const obj = path.join(dir, 'cases.o');
    fs.writeFileSync(src, cases.map((c) => c.asm).join('\n') + '\n');
    execFileSync(AS, ['--64', '-o', obj, src]);
    const dump = execFileSync(OBJDUMP, ['-d', '--insn-width=16', obj], { encoding: 'utf8', maxBuffer: 1 << 28 });
    const out: string[] = [];
    for (const line of dump.split('\n')) {
      const mm = /^\s+[0-9a-f]+:\t([0-9a-f ]+?)\s*\t/.exec(line);
      if (mm) out.push(mm[1].trim());
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function hex(bytes: number[]): string {
  return bytes.map((v) => v.toString(16).padStart(2, '0')).join(' ');
}

function check(cases: Case[]): void {
  const want = assemble(cases);
  expect(want.length).toBe(cases.length);
  const bad: string[] = [];
  for (let i = 0; i < cases.length; i++) {
    const e = new X64Encoder();
    cases[i].emit(e);
    const got = hex(e.code);
    if (got !== want[i]) bad.push(`${cases[i].asm}: encoder ${got}, as ${want[i]}`);
  }
  expect(bad.slice(0, 20).join('\n')).toBe('');
}

describe.skipIf(SKIP)('x86_64 encoder matches GNU as', () => {
  it('edge operands, every instruction', () => check(edgeCases()));
  it('random operands (seeded)', () => check(randomCases(20261202, 400)));
});

describe('x86_64 encoder rejects what it cannot encode', () => {
  it('names the bad operand', () => {
    const e = new X64Encoder();
    expect(() => e.load64(RAX, RDI, RSP, 1, 0)).toThrow(/rsp cannot be an index/);
    expect(() => e.load64(RAX, RDI, RAX, 3, 0)).toThrow(/scale 3/);
    expect(() => e.aluRI(ALU_ADD, RAX, 2 ** 40)).toThrow(/immediate 1099511627776/);
  });
});
