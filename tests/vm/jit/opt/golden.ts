// Golden tests of the optimizer, as PyPy's test_optimizebasic.py: each file in golden/<set>/
// holds a comment saying what it shows, `enable_opts=...`, an input trace in the text form,
// a line `----`, and the trace the optimizer must make of it. Objects are named in the text:
// ConstPtr(int), ConstPtr(float), ConstPtr(tuple) are those classes, ConstPtr(null) is null,
// any other name a distinct string. UPDATE_GOLDEN=1 rewrites the expected part.
import { describe, it, expect } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTrace, printTrace, TextNames } from '../../../../vm/jit/irtext.ts';
import { optimize, parseOpts } from '../../../../vm/jit/opt/index.ts';
import { Trace, constKind, K_REF } from '../../../../vm/jit/ir.ts';
import { intType, floatType, tupleType, newStr, PyObject } from '../../../../vm/objects/core.ts';

const ROOT = path.join(__dirname, 'golden');

function names(text: string): TextNames {
  const n = new TextNames();
  for (const m of text.matchAll(/ConstPtr\((\w+)\)/g)) {
    const k = m[1];
    if (n.ptrs.has(k)) continue;
    const o = k === 'int' ? intType : k === 'float' ? floatType : k === 'tuple' ? tupleType : k === 'null' ? null : (newStr(k) as PyObject);
    n.ptrs.set(k, o);
  }
  return n;
}

/** the trace as text, its objects called by the names the input gave them */
export function textOf(t: Trace, n: TextNames): string {
  const order: (PyObject | null)[] = [];
  for (let i = 0; i < t.ops.length; i++) {
    for (let k = 0; k < t.argCount[i]; k++) {
      const v = t.arg(i, k);
      if (v < 0 && constKind(v) === K_REF && !order.includes(t.getConstR(v))) order.push(t.getConstR(v));
    }
  }
  return printTrace(t, false).replace(/ConstPtr\(ptr(\d+)\)/g, (_m, k: string) => {
    const o = order[Number(k)];
    for (const [name, x] of n.ptrs) if (x === o) return `ConstPtr(${name})`;
    return `ConstPtr(ptr${k})`;
  });
}

/** Runs the case in file: the optimised trace of its input. */
export function runCase(file: string): { expected: string; actual: string; head: string } {
  const text = fs.readFileSync(file, 'utf8');
  const sep = text.indexOf('\n----\n');
  if (sep < 0) throw new Error(`${file}: no '----' line between the input and the expected trace`);
  const before = text.slice(0, sep + 1);
  const expected = text.slice(sep + 6);
  const m = /^enable_opts=(\S+)$/m.exec(before);
  if (m === null) throw new Error(`${file}: no enable_opts= line`);
  const opts = parseOpts(m[1]);
  if (opts < 0) throw new Error(`${file}: bad enable_opts=${m[1]}`);
  const input = before.split('\n').filter((l) => !l.startsWith('enable_opts=')).join('\n');
  const n = names(input);
  const actual = textOf(optimize(parseTrace(input, n), opts), n);
  return { expected, actual, head: before };
}

export function describeGolden(set: string): void {
  const dir = path.join(ROOT, set);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  describe(`optimizer golden: ${set}`, () => {
    it('has cases', () => {
      expect(files.length).toBeGreaterThan(0);
    });
    for (const f of files) {
      it(f.replace(/\.txt$/, ''), () => {
        const file = path.join(dir, f);
        const r = runCase(file);
        if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(file, r.head + '----\n' + r.actual);
        expect(r.actual).toBe(r.expected);
        // the result is a well-formed trace: it parses back to itself
        const n = names(r.actual);
        expect(textOf(parseTrace(r.actual, n), n)).toBe(r.actual);
      });
    }
  });
}
