// The bytecode table (vm/compiler/opcodes.ts) and what the compiler derives from it: exact
// stack depths over the control-flow graph, inline caches, fused pairs.
import { describe, it, expect } from 'vitest';
import { Op, OPS, F_FUSED, F_JUMP, F_HANDLER, F_CACHE, stackEffect, fusedOp, opName } from '../../../vm/compiler/opcodes.ts';
import { maxStackDepth, packInstructions, PyCode } from '../../../vm/compiler/code.ts';
import { parse } from '../../../vm/parser/parser.ts';
import { compileModule } from '../../../vm/compiler/compiler.ts';

function compile(src: string): PyCode {
  return compileModule(parse(src, '<test>', 3000), '<test>', 3000);
}
/** The code object of the first function defined in src. */
function fn(src: string): PyCode {
  const m = compile(src);
  for (const c of m.consts) if (c instanceof PyCode) return c;
  throw new Error('no function in source');
}

describe('opcode table', () => {
  it('names every opcode after its Op field, densely numbered within 7 bits', () => {
    expect(OPS.rows.length).toBeLessThanOrEqual(128);
    const names = Object.keys(Op);
    expect(names.length).toBe(OPS.rows.length);
    for (const n of names) expect(opName((Op as unknown as Record<string, number>)[n])).toBe(n);
    expect(opName(Op.LOAD_FAST)).toBe('LOAD_FAST');
  });
  it('declares each fused pair on its first opcode, with that opcode\'s effect', () => {
    for (let op = 0; op < OPS.rows.length; op++) {
      const r = OPS.rows[op];
      if ((r.flags & F_FUSED) === 0) continue;
      expect(opName(op)).toBe(`${opName(r.first)}__${opName(r.second)}`);
      expect(fusedOp(r.first, r.second)).toBe(op);
      expect(stackEffect(op, 3)).toBe(stackEffect(r.first, 3));
    }
    expect(fusedOp(Op.LOAD_CONST, Op.LOAD_FAST)).toBe(-1);
  });
  it('gives arg-dependent stack effects', () => {
    expect(stackEffect(Op.CALL, 3)).toBe(-4);
    expect(stackEffect(Op.BUILD_MAP, 2)).toBe(-3);
    expect(stackEffect(Op.CALL_EX, 1)).toBe(-3);
    expect(stackEffect(Op.MAKE_FUNCTION, 1 | 2 | 8)).toBe(-3);
    expect(stackEffect(Op.FORMAT_VALUE, 4 | 2)).toBe(-1);
    expect(stackEffect(Op.UNPACK_EX, 2 + 3 * 256)).toBe(5);
    expect(stackEffect(Op.UNPACK_SEQUENCE, 3)).toBe(2);
  });
  it('marks branches, handlers and cached instructions', () => {
    for (const op of [Op.JUMP, Op.FOR_ITER, Op.SEND, Op.POP_JUMP_IF_TRUE]) expect(OPS.rows[op].flags & F_JUMP).toBe(F_JUMP);
    for (const op of [Op.SETUP_FINALLY, Op.SETUP_CLEANUP, Op.SETUP_WITH]) expect(OPS.rows[op].flags & F_HANDLER).toBe(F_HANDLER);
    for (const op of [Op.LOAD_ATTR, Op.STORE_ATTR, Op.LOAD_METHOD, Op.LOAD_GLOBAL]) expect(OPS.rows[op].flags & F_CACHE).toBe(F_CACHE);
  });
});

describe('maximum stack depth', () => {
  it('is exact for straight-line code', () => {
    // a, b, c, d pushed before the innermost addition
    expect(fn('def f(a, b, c, d):\n    return a + (b + (c + d))\n').stacksize).toBe(4);
    // callable, NULL, three arguments
    expect(fn('def f(g):\n    return g(1, 2, 3)\n').stacksize).toBe(5);
  });
  it('follows both sides of a branch and the loop exit', () => {
    expect(fn('def f(x):\n    for i in x:\n        if i:\n            return [i, i, i]\n    return 0\n').stacksize).toBe(4);
  });
  it('counts the exception an except handler starts with', () => {
    const c = fn('def f(g):\n    try:\n        g()\n    except ValueError as e:\n        return e\n');
    // handler: exception, then PUSH_EXC_INFO (previous + exception), then the class to match
    expect(c.stacksize).toBeGreaterThanOrEqual(3);
    expect(c.stacksize).toBeLessThanOrEqual(4);
  });
  it('rejects code reaching one instruction at two depths', () => {
    // LOAD_CONST; POP_JUMP_IF_FALSE -> 3; LOAD_CONST; (3) RETURN_VALUE: depth 0 or 1 at 3
    const ops = [Op.LOAD_CONST, 0, Op.POP_JUMP_IF_FALSE, 3, Op.LOAD_CONST, 0, Op.RETURN_VALUE, 0];
    expect(() => maxStackDepth(ops)).toThrow(/reached at stack depth 0 and 1|reached at stack depth 1 and 0/);
    expect(() => maxStackDepth([Op.POP_TOP, 0])).toThrow(/underflow/);
  });
});

describe('instruction packing', () => {
  it('fuses pairs in place, keeping the second instruction as a jump target', () => {
    const words = packInstructions([Op.LOAD_FAST, 1, Op.LOAD_ATTR, 2, Op.RETURN_VALUE, 0]);
    expect(words).toEqual([Op.LOAD_FAST__LOAD_ATTR + 1 * 128, Op.LOAD_ATTR + 2 * 128, Op.RETURN_VALUE]);
  });
});
