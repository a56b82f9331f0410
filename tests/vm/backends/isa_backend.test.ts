// The native backends of aarch64, ppc64le and s390x (vm/backends/isa_backend.ts).
// Untranslated: each ISA's code for a trace with every kind of guard disassembles cleanly with
// that ISA's objdump and has one stub per guard. Translated: the IR conformance suite runs in
// pyvm cross-compiled for the ISA (`pyvm --jit selftest`, under qemu-user) and must print
// exactly conformance/expected.txt (what llgraph prints), so wrong machine code fails it. The
// binaries are the ones tests/translate/vm.test.ts runs, built once for both suites.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseTrace, TextNames } from '../../../vm/jit/irtext.ts';
import { isGuard } from '../../../vm/jit/ir.ts';
import { assembleFor, IsaBackend } from '../../../vm/backends/isa_backend.ts';
import { translate, runBinary, hasTool } from '../../translate/harness.ts';
import { findTarget } from '../../../common/targets.ts';

const EXPECTED = path.join(__dirname, 'conformance', 'expected.txt');
const PYVM = path.join(__dirname, '..', '..', '..', 'vm', 'main.ts');

interface Isa {
  arch: string;
  target: string;
  objdump: string;
  raw: string[];
  /** how the disassembly writes "load the guard index into the result register" */
  stubReturn: (g: number) => RegExp;
}
const ISAS: Isa[] = [
  { arch: 'aarch64', target: 'linux-aarch64', objdump: 'aarch64-linux-gnu-objdump', raw: ['-m', 'aarch64'], stubReturn: (g) => new RegExp(`mov\\s+x0, #0x${g.toString(16)}\\b`) },
  { arch: 'ppc64le', target: 'linux-ppc64le', objdump: 'powerpc64le-linux-gnu-objdump', raw: ['-m', 'powerpc:common64', '-EL'], stubReturn: (g) => new RegExp(`li\\s+r3,${g}\\b`) },
  { arch: 's390x', target: 'linux-s390x', objdump: 's390x-linux-gnu-objdump', raw: ['-m', 's390:64-bit', '-EB'], stubReturn: (g) => new RegExp(`lghi\\s+%r2,${g}\\b`) },
];

const TRACE = [
  '[i0, f1, p2, i3]',
  'label(i0, f1, p2, i3)',
  'i5 = int_add_ovf(i0, 1)',
  'guard_no_overflow() [s0]',
  'i7 = int_mul_ovf(i5, i3)',
  'guard_no_overflow() [s1]',
  'f9 = float_mul(f1, 1.5)',
  'i10 = float_le(f9, 100.0)',
  'guard_true(i10) [s2]',
  'i12 = int_floordiv(i7, 7)',
  'i13 = int_mod(i12, 10)',
  'i14 = getfield_i(p2, descr=int.v)',
  'guard_nonnull(p2) [s3]',
  'i16 = int_lt(i13, i14)',
  'guard_false(i16) [s4]',
  'jump(i5, f9, p2, i13)',
].join('\n');

function disassemble(isa: Isa, code: number[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pyvm-isaasm-'));
  try {
    const f = path.join(dir, 'code.bin');
    fs.writeFileSync(f, Buffer.from(code));
    const run = (extra: string[]): string => execFileSync(isa.objdump, ['-D', '-b', 'binary', ...isa.raw, ...extra, f], { encoding: 'utf8' });
    const text = run([]);
    // s390x has no trap instruction: the code's stop after the loop is the invalid halfword
    // 0000, which objdump shows as data; the stubs after it are decoded on their own
    const m = isa.arch === 's390x' ? /^\s*([0-9a-f]+):\s+00 00 [0-9a-f ]+\t\.long/m.exec(text) : null;
    if (m === null) return text;
    const at = parseInt(m[1], 16);
    const before = text.slice(0, m.index);
    return before + run([`--start-address=${at + 2}`]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function expected(): string[] {
  return fs.readFileSync(EXPECTED, 'utf8').trimEnd().split('\n');
}

for (const isa of ISAS) {
  describe(`${isa.arch} native backend`, () => {
    it.skipIf(!hasTool(isa.objdump))('the code of a trace decodes, one stub per guard', () => {
      const t = parseTrace(TRACE, new TextNames());
      const code = assembleFor(t, isa.arch).isa.code();
      const text = disassemble(isa, code);
      expect(text).not.toMatch(/\(bad\)|\.long|\.short|\.byte/);
      const guards = t.ops.map((op, i) => (isGuard(op) ? i : -1)).filter((i) => i >= 0);
      for (const g of guards) expect(text).toMatch(isa.stubReturn(g));
    });

    it('is a Backend that refuses to run untranslated', () => {
      const be = new IsaBackend(isa.arch);
      expect(be.name).toBe(isa.arch);
      const t = parseTrace(TRACE, new TextNames());
      expect(() => be.compileLoop(t)).toThrow(/no executable memory/);
    });

    const target = findTarget(isa.target);
    const runnable = hasTool(target.emulator[0]) && hasTool(target.cc);
    it.skipIf(!runnable)(`IR conformance, backend=native, translated for ${isa.target} under ${target.emulator[0]}`, async () => {
      const { binary } = await translate(PYVM, isa.target);
      const r = runBinary(binary, isa.target, ['--jit', 'selftest']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines.pop()).toBe(`selftest: ${expected().length} cases on backend ${isa.arch}, all agree with llgraph`);
      for (const l of lines) expect(l.startsWith(isa.arch + ' ')).toBe(true);
      expect(lines.map((l) => l.slice(isa.arch.length + 1))).toEqual(expected());
    });
  });
}
