// Sources nested too deep for the parser or the compiler end with CPython's error, quickly and
// without exhausting the host's stack: compared with CPython through the CLI.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pyvmSync, cpythonSync, type Run } from '../runner.ts';

const pyvm = pyvmSync;
const cpython = cpythonSync;

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pyvm-limits-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
/** Runs src under both; their stdout, status and last line of stderr must agree. */
function same(name: string, src: string): Run {
  const file = path.join(dir, name);
  fs.writeFileSync(file, src);
  const a = pyvm(file);
  const e = cpython(file);
  const last = (s: string): string => s.trimEnd().split('\n').pop() ?? '';
  expect({ stdout: a.stdout, status: a.status, last: last(a.stderr) }).toEqual({ stdout: e.stdout, status: e.status, last: last(e.stderr) });
  return a;
}

describe('nesting limits', () => {
  it('100,000 nested parentheses: too many nested parentheses', () => {
    const r = same('parens.py', 'x = ' + '('.repeat(100000) + '1' + ')'.repeat(100000) + '\n');
    expect(r.stderr.trimEnd().split('\n').pop()).toBe('SyntaxError: too many nested parentheses');
  });
  it('200 nested brackets are still fine', () => {
    expect(same('brackets.py', 'x = ' + '['.repeat(199) + '1' + ']'.repeat(199) + '\nprint(len(x))\n').stdout).toBe('1\n');
  });
  it('a 1+1+...+1 chain deeper than the compiler allows: RecursionError during compilation', () => {
    const r = same('plus.py', 'x = ' + Array(200000).fill('1').join('+') + '\nprint(x)\n');
    expect(r.stderr.trimEnd()).toBe('RecursionError: maximum recursion depth exceeded during compilation');
  });
  it('a chain too deep is refused before the symbol table: its SyntaxError for an earlier return does not win', () => {
    const r = same('plus_after_return.py', 'return\nx = ' + Array(20000).fill('1').join('+') + '\n');
    expect(r.stderr.trimEnd().split('\n').pop()).toBe('RecursionError: maximum recursion depth exceeded during compilation');
  });
  it('a syntax error after a chain too deep is still the error reported', () => {
    const r = same('plus_then_syntax.py', 'x = ' + Array(20000).fill('1').join('+') + '\ny = (\n');
    expect(r.stderr.trimEnd().split('\n').pop()).toBe("SyntaxError: '(' was never closed");
  });
  it('chains of attributes, calls and subscripts, and a chain in an annotation, are too deep as well', () => {
    for (const [name, src] of [
      ['attrs.py', 'x = a' + '.b'.repeat(20000) + '\n'],
      ['calls.py', 'x = f' + '(1)'.repeat(20000) + '\n'],
      ['subscripts.py', 'x = a' + '[0]'.repeat(20000) + '\n'],
      ['annotation.py', 'x: ' + Array(20000).fill('1').join('+') + '\nprint(1)\n'],
    ]) {
      const r = same(name, src);
      expect(r.stderr.trimEnd().split('\n').pop()).toBe('RecursionError: maximum recursion depth exceeded during compilation');
    }
  });
  it('a chain within the limit compiles and runs', () => {
    expect(same('plus1000.py', 'x = ' + Array(1000).fill('1').join('+') + '\nprint(x)\n').stdout).toBe('1000\n');
  });
  it('the limit follows sys.setrecursionlimit, and eval can catch it', () => {
    const deep = Array(5000).fill('1').join('+');
    const r = same('setlimit.py', `import sys\ntry:\n    eval("${deep}")\nexcept RecursionError as e:\n    print("refused:", e)\nsys.setrecursionlimit(3000)\nprint(eval("${deep}"))\n`);
    expect(r.stdout).toBe('refused: maximum recursion depth exceeded during compilation\n5000\n');
  });
  it('100,000 unary minuses: the parser gives up with MemoryError, as CPython 3.11', () => {
    same('neg.py', 'x = ' + '-'.repeat(100000) + '1\n');
  });
});
