// Comparing an encoder's bytes with GNU as, for the encoder tests of every ISA: all cases go
// into one source file (one `as` run, as spawning it per instruction is too slow), each
// behind its own label, and the bytes between consecutive labels in the assembled .text are
// that case's. Mismatches are disassembled with the matching objdump, both sides.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Binutils {
  as: string;
  objcopy: string;
  nm: string;
  objdump: string;
  /** objdump's -m and endianness flags for raw bytes of this ISA */
  rawArch: string[];
}

function has(tool: string): boolean {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The cross binutils of a triple, or null (with a warning naming the package) when one is missing. */
export function binutilsFor(triple: string, rawArch: string[]): Binutils | null {
  const tools = ['as', 'objcopy', 'nm', 'objdump'].map((t) => `${triple}-${t}`);
  const missing = tools.filter((t) => !has(t));
  if (missing.length > 0) {
    console.warn(`${triple} encoder tests skipped: ${missing.join(', ')} not found (install binutils-${triple})`);
    return null;
  }
  return { as: tools[0], objcopy: tools[1], nm: tools[2], objdump: tools[3], rawArch };
}

export interface Case<E> {
  /** the assembly text (several instructions separated by newlines) */
  asm: string;
  emit: (e: E) => void;
}

function hex(bytes: number[]): string {
  return bytes.map((v) => v.toString(16).padStart(2, '0')).join(' ');
}

/** Assembles the cases in one run; returns each case's bytes, in order. */
function assemble(bu: Binutils, texts: string[], dir: string): number[][] {
  const src = path.join(dir, 'cases.s');
  const obj = path.join(dir, 'cases.o');
  const bin = path.join(dir, 'cases.bin');
  const lines = ['.text'];
  texts.forEach((t, i) => lines.push(`case${i}:`, t));
  lines.push(`case${texts.length}:`);
  fs.writeFileSync(src, lines.join('\n') + '\n');
  execFileSync(bu.as, ['-o', obj, src]);
  execFileSync(bu.objcopy, ['-O', 'binary', '-j', '.text', obj, bin]);
  const text = [...fs.readFileSync(bin)];
  const at = new Map<number, number>();
  for (const line of execFileSync(bu.nm, [obj], { encoding: 'utf8' }).split('\n')) {
    const m = /^([0-9a-f]+) \w case(\d+)$/.exec(line);
    if (m) at.set(Number(m[2]), parseInt(m[1], 16));
  }
  const out: number[][] = [];
  for (let i = 0; i < texts.length; i++) {
    const from = at.get(i);
    const to = at.get(i + 1);
    if (from === undefined || to === undefined) throw new Error(`no label for case ${i} in the assembled object`);
    out.push(text.slice(from, to));
  }
  return out;
}

function disassemble(bu: Binutils, bytes: number[], dir: string, name: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.from(bytes));
  const dump = execFileSync(bu.objdump, ['-D', '-b', 'binary', ...bu.rawArch, file], { encoding: 'utf8' });
  return dump
    .split('\n')
    .filter((l) => /^\s+[0-9a-f]+:/.test(l))
    .map((l) => l.trim().replace(/\s+/g, ' '))
    .join('; ');
}

/** Every case whose encoder bytes differ from as's, described with both disassemblies
 * (the first 20 at most); empty when all match. */
export function mismatches<E extends { code: number[] }>(bu: Binutils, make: () => E, cases: Case<E>[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pyvm-gas-'));
  try {
    const want = assemble(bu, cases.map((c) => c.asm), dir);
    const bad: string[] = [];
    for (let i = 0; i < cases.length && bad.length < 20; i++) {
      const e = make();
      cases[i].emit(e);
      const got = e.code;
      if (hex(got) !== hex(want[i])) {
        bad.push(
          `${cases[i].asm.replace(/\n/g, '; ')}:\n  encoder ${hex(got)} = ${disassemble(bu, got, dir, 'got.bin')}\n` +
            `  as      ${hex(want[i])} = ${disassemble(bu, want[i], dir, 'want.bin')}`,
        );
      }
    }
    return bad.join('\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** a seeded generator (mulberry32), so a failing random case is the same on every run */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Edge 64-bit immediates within ±2^53 (what an RTS int holds untranslated): halfword and
 * word boundaries, sign changes, all-ones patterns. */
export const EDGE_IMMS: number[] = [
  0, 1, -1, 2, 0x7fff, 0x8000, -0x8000, -0x8001, 0xffff, 0x10000, 0x12345, -0x12345, 0x7fffffff, 0x80000000,
  -0x80000000, -0x80000001, 0xffffffff, 0x100000000, 0x123456789a, -0x123456789a, 0xffff0000, 0xffff00000000,
  0x1000000000000, 0xffff_ffff_0000, -0x10000, -0x100000000, 2 ** 53 - 1, -(2 ** 53), 0x1234_0000_5678, 0x8000_0000_8000,
];

/** Addresses a link site may be rewritten to jump to: where user-space code is mapped on
 * 48-bit (and 47-bit) address spaces, with halfwords of every kind (zero, all ones, top bit). */
export const LINK_ADDRESSES: number[] = [0, 0x7fff_ffff_f000, 0xffff_8000_0000, 0x5555_5555_4000, 0xaaaa_dead_beef, 0x3ff_8000_0010, 0x8000_0000, 2 ** 47 - 4];

/** a random 64-bit immediate of a random magnitude (16, 32 or 53 bits) */
export function randomImm(r: () => number): number {
  const k = r();
  const mag = k < 0.3 ? 2 ** 16 : k < 0.6 ? 2 ** 32 : 2 ** 52;
  return Math.floor((r() * 2 - 1) * mag);
}
