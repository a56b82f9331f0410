// The x86-64 trace assembler, untranslated (no code runs here; the conformance suite runs it
// translated): the code of every conformance trace disassembles cleanly with objdump, each
// guard has a stub returning its op index, and both conventions save what they must.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseTrace, TextNames } from '../../../../vm/jit/irtext.ts';
import { isGuard, IROp } from '../../../../vm/jit/ir.ts';
import { assembleX64 } from '../../../../vm/backends/x86_64/assembler.ts';
import { allocBase } from '../../../../vm/backends/native/assembler.ts';
import { SYSV, WIN64 } from '../../../../vm/backends/x86_64/conventions.ts';
import { directHelper } from '../../../../vm/backends/native/direct.ts';
import { H_NATIVE_STEP, GCA_JIT_END, GCA_BUMP, smallIntsAddress, intBoxLayout } from '../../../../vm/backends/native.ts';
import { helperAddress, allocAddress, gcAllocInfo } from '../../../../translate/rlib/index.ts';

function has(tool: string): boolean {
  try {
    execFileSync(tool, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const SKIP = !has('objdump');
if (SKIP) console.warn('x86_64 assembler disassembly test skipped: objdump (binutils) is not installed');

const TRACE = [
  '[i0, f1, p2]',
  'label(i0, f1, p2)',
  'i4 = int_add_ovf(i0, 1)',
  'guard_no_overflow() [s0]',
  'f6 = float_mul(f1, 1.5)',
  'i7 = float_lt(f6, 100.0)',
  'guard_true(i7) [s1]',
  'i9 = getfield_i(p2, descr=int.v)',
  'guard_nonnull(p2) [s2]',
  'jump(i4, f6, p2)',
].join('\n');

// residual calls and allocations the code makes directly (native/direct.ts), and one it
// still runs through the executor (getiter)
const CALLS = [
  '[i0, f1, p2, p3]',
  'label(i0, f1, p2, p3)',
  'p5 = new_int(i0)',
  'p6 = new_float(f1)',
  'p7 = call_r(p2, descr=iternext)',
  'guard_no_exception() [s0]',
  'p9 = call_r(p3, p7, descr=getitem)',
  'guard_no_exception() [s1]',
  'call_n(p3, p7, p9, descr=setitem)',
  'guard_no_exception() [s2]',
  'p13 = call_r(p9, p5, 0, descr=binary_op)',
  'guard_no_exception() [s3]',
  'p15 = call_r(p13, p3, 1, descr=contains)',
  'guard_no_exception() [s4]',
  'i17 = call_i(p15, descr=truthy)',
  'guard_no_exception() [s5]',
  'guard_true(i17) [s6]',
  'p20 = call_r(p2, p3, p5, descr=call)',
  'guard_no_exception() [s7]',
  'p22 = call_r(p20, p3, descr=build_string)',
  'guard_no_exception() [s8]',
  'call_n(p3, p5, p9, descr=store_name)',
  'guard_no_exception() [s9]',
  'call_n(p3, p9, descr=list_append)',
  'guard_no_exception() [s10]',
  'p28 = call_r(p3, p3, p5, descr=load_name)',
  'guard_no_exception() [s11]',
  'call_n(p28, p5, p9, descr=setattr)',
  'guard_no_exception() [s12]',
  'p32 = call_r(p28, 0, descr=unary)',
  'guard_no_exception() [s13]',
  'call_n(p28, p5, p32, descr=add_attr)',
  'guard_no_exception() [s14]',
  'p36 = call_r(p20, descr=getiter)',
  'guard_no_exception() [s15]',
  'p38 = call_r(p2, p3, p5, descr=build_slice)',
  'guard_no_exception() [s16]',
  'call_n(p3, p9, descr=set_add)',
  'guard_no_exception() [s17]',
  'call_n(p3, p5, p9, descr=map_add)',
  'guard_no_exception() [s18]',
  'p42 = call_r(p9, p3, 1, descr=format_value)',
  'guard_no_exception() [s19]',
  'jump(i0, f1, p22, p32)',
].join('\n');

function disassemble(code: number[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pyvm-x64asm-'));
  try {
    const f = path.join(dir, 'code.bin');
    fs.writeFileSync(f, Buffer.from(code));
    return execFileSync('objdump', ['-D', '-b', 'binary', '-m', 'i386:x86-64', f], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(SKIP)('x86_64 trace assembler', () => {
  for (const conv of [SYSV, WIN64]) {
    it(`${conv.name}: decodes, one stub per guard, callee-saved registers pushed and popped`, () => {
      const t = parseTrace(TRACE, new TextNames());
      const code = assembleX64(t, conv).isa.code();
      const text = disassemble(code);
      expect(text).not.toContain('(bad)');
      const guards = t.ops.map((op, i) => (isGuard(op) ? i : -1)).filter((i) => i >= 0);
      for (const g of guards) expect(text).toMatch(new RegExp(`mov\\s+\\$0x${g.toString(16)},%rax`));
      const pushes = (text.match(/\tpush /g) ?? []).length;
      const pops = (text.match(/\tpop /g) ?? []).length;
      expect(pushes).toBe(conv.calleeSaved.length);
      // each stub returns by itself
      expect(pops).toBe(conv.calleeSaved.length * guards.length);
      if (conv === WIN64) expect(text).toMatch(/sub\s+\$0x28,%rsp/);
      else expect(text).toMatch(/sub\s+\$0x8,%rsp/);
    });
  }

  for (const conv of [SYSV, WIN64]) {
    it(`${conv.name}: residual calls and allocations call their helper directly, arguments in registers`, () => {
      const t = parseTrace(CALLS, new TextNames());
      const text = disassemble(assembleX64(t, conv).isa.code());
      expect(text).not.toContain('(bad)');
      const hex = (a: number): string => '0x' + a.toString(16);
      let direct = 0;
      for (let pc = 0; pc < t.ops.length; pc++) {
        const h = directHelper(t, pc);
        if (h < 0) continue;
        // new_int and new_float allocate inline (rts_alloc out of line), not through their helper
        if (t.ops[pc] === IROp.NEW_INT || t.ops[pc] === IROp.NEW_FLOAT) {
          expect(text).not.toContain(`movabs $${hex(helperAddress(h))},%rax`);
          continue;
        }
        direct++;
        expect(text).toContain(`movabs $${hex(helperAddress(h))},%rax`);
      }
      expect(direct).toBe(18);
      expect(text.split(`movabs $${hex(allocAddress())},%rax`).length - 1).toBe(2);
      // only build_string (any number of arguments) goes through the executor
      expect(text.split(`movabs $${hex(helperAddress(H_NATIVE_STEP))},%rax`).length - 1).toBe(1);
      expect((text.match(/call\s+\*%rax/g) ?? []).length).toBe(21);
      // the float of new_float goes into the box; the run context (r15) is the first integer
      // argument of a call
      expect(text).toMatch(/movsd\s+%xmm\d+,0x10\(%r11\)/);
      expect(text).toMatch(conv === SYSV ? /mov\s+%r15,%rdi/ : /mov\s+%r15,%rcx/);
    });
  }

  it('new_int allocates inline: a small int is the shared one, else a cell of the window the collector counted; rts_jit_alloc only out of line', () => {
    const t = parseTrace(['[i0, p1]', 'label(i0, p1)', 'i2 = int_add(i0, 1)', 'p3 = new_int(i2)', 'jump(i2, p3)'].join('\n'), new TextNames());
    const a = assembleX64(t, SYSV);
    const text = disassemble(a.isa.code());
    expect(text).not.toContain('(bad)');
    const hex = (x: number): string => '0x' + x.toString(16);
    // -5..256: the cache (value + 5 below 262)
    expect(text).toMatch(/add\s+\$0x5,|lea\s+0x5\(%\w+\),/);
    expect(text).toMatch(/cmp\s+\$0x106,/);
    expect(text).toMatch(new RegExp(`mov(abs)?\\s+\\$${hex(smallIntsAddress())},`));
    // the collector's words through one base register: the window's end and the bump pointer
    // at their distances from the lowest of them
    const base = allocBase(intBoxLayout());
    const at = (addr: number): string => (addr === base ? '\\(%' : `${hex(addr - base)}\\(%`);
    expect(text).toMatch(new RegExp(`mov(abs)?\\s+\\$${hex(base)},`));
    // the end compared in memory with the bumped pointer; the box is three words (header,
    // class, value): no word to zero, the cell 24 bytes past the old bump pointer
    expect(intBoxLayout().size).toBe(24);
    expect(text).toMatch(new RegExp(`cmp\\s+%\\w+,${at(gcAllocInfo(GCA_JIT_END, 24))}`));
    expect(text).toMatch(/lea\s+0x18\(%\w+\),/);
    expect(text).not.toMatch(/movq\s+\$0x0,/);
    const bump = new RegExp(`mov\\s+%\\w+,${at(gcAllocInfo(GCA_BUMP, 24))}`);
    expect(text).toMatch(bump);
    // one call, to rts_jit_alloc, after the fast path's last jump
    const calls = text.match(/call\s+\*%rax/g) ?? [];
    expect(calls.length).toBe(1);
    expect(text.indexOf(`movabs $${hex(allocAddress())},%rax`)).toBeGreaterThan(text.search(bump));
  });

  it('a value live across several calls is stored once (reloaded after each call, its slot still holds it)', () => {
    const t = parseTrace(['[i0, p1]', 'label(i0, p1)', 'p3 = call_r(p1, 0, descr=unary)', 'p4 = call_r(p3, 0, descr=unary)', 'p5 = call_r(p4, 0, descr=unary)', 'i6 = int_add(i0, 1)', 'jump(i6, p5)'].join('\n'), new TextNames());
    const text = disassemble(assembleX64(t, SYSV).isa.code());
    // i0's slot is ints[0]: (%r12)
    expect((text.match(/mov\s+%\w+,\(%r12\)$/gm) ?? []).length).toBe(1);
    expect((text.match(/call\s+\*%rax/g) ?? []).length).toBe(3);
  });
});
