// Source bytes CPython refuses or decodes specially (vm/parser/source.ts), through the CLI,
// compared with CPython's whole output.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pyvmSync, cpythonSync, type Run } from '../runner.ts';

const pyvm = pyvmSync;
const cpython = cpythonSync;

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pyvm-source-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
function same(name: string, bytes: number[] | string): Run {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : Buffer.from(bytes));
  const a = pyvm(file);
  const e = cpython(file);
  expect(a).toEqual(e);
  return a;
}

describe('source decoding', () => {
  it('refuses invalid UTF-8 without a coding declaration, naming the byte and line', () => {
    const r = same('bad.py', 'print(1)\nx = "\xff"\nprint(x)\n');
    expect(r.stderr).toMatch(/^SyntaxError: Non-UTF-8 code starting with '\\xff' in file .*bad\.py on line 2, but no encoding declared/);
    expect(r.stdout).toBe('');
  });
  it('refuses a truncated sequence in a comment', () => {
    same('comment.py', 'x = 1  # caf\xe9\nprint(x)\n');
  });
  it('refuses a NUL byte, even inside a string', () => {
    const r = same('nul.py', 'print(1)\nx = "a\x00b"\nprint(x)\n');
    expect(r.stderr.trimEnd().split('\n').pop()).toBe('SyntaxError: source code cannot contain null bytes');
    expect(r.status).toBe(1);
  });
  it('decodes Latin-1 when declared', () => {
    expect(same('latin.py', '#!/usr/bin/env python3\n# -*- coding: latin-1 -*-\nprint("\xe9", len("\xe9"))\n').stdout).toBe('é 1\n');
  });
  it('reports an unknown declared encoding', () => {
    same('unknown.py', '# coding: no-such-codec\nprint(1)\n');
  });
  it('drops a UTF-8 BOM and accepts valid multi-byte text', () => {
    expect(same('bom.py', [0xef, 0xbb, 0xbf, ...Buffer.from('print("\u00e9\u20ac\u{1F600}", len("\u{1F600}"))\n', 'utf8')]).stdout).toBe('é€😀 1\n');
  });
});
