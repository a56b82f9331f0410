// Deoptimisation: each program in deopt/ makes a guard fail at a chosen kind of place (marked
// `# deopt-here`); with every loop traced after two iterations on llgraph, the output must be
// CPython's, the JIT must have compiled a loop, and the summary must report a guard failure at
// the marked line.
import { describe, it, expect, beforeAll } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCPython, runVmBatch, lastLine, type Result } from '../runner.ts';

const DIR = path.join(__dirname, 'deopt');
const FILES = fs.readdirSync(DIR).filter((f) => f.endsWith('.py')).sort().map((f) => path.join(DIR, f));
const ENV = { PYVM_JIT: 'threshold=2,backend=llgraph', PYVMLOG: 'jit-summary' };

const expected = new Map<string, Result>();
const actual = new Map<string, Result>();

beforeAll(async () => {
  const vm = runVmBatch(FILES, ENV);
  for (const f of FILES) expected.set(f, await runCPython(f));
  for (const r of await vm) actual.set(r.file, r);
});

/** stderr without the summary block, and the summary block. */
function split(stderr: string): { err: string; summary: string } {
  const i = stderr.indexOf('[jit-summary]');
  return i < 0 ? { err: stderr, summary: '' } : { err: stderr.slice(0, i), summary: stderr.slice(i) };
}
const frames = (s: string): string[] => s.split('\n').filter((l) => l.trimStart().startsWith('File '));

describe('deoptimisation', () => {
  for (const f of FILES) {
    it(path.basename(f), () => {
      const e = expected.get(f) as Result;
      const a = actual.get(f) as Result;
      expect(a, 'VM produced no result').toBeDefined();
      const { err, summary } = split(a.stderr);
      expect(a.stdout).toBe(e.stdout);
      expect(a.status).toBe(e.status);
      expect(lastLine(err)).toBe(lastLine(e.stderr));
      expect(frames(err)).toEqual(frames(e.stderr));
      const loops = /loops: (\d+)/.exec(summary);
      expect(loops, summary).not.toBeNull();
      expect(Number((loops as RegExpExecArray)[1])).toBeGreaterThan(0);
      const src = fs.readFileSync(f, 'utf8').split('\n');
      const line = src.findIndex((l) => l.includes('# deopt-here')) + 1;
      expect(line).toBeGreaterThan(0);
      expect(summary).toContain(`  ${f}:${line}: `);
    });
  }
});
