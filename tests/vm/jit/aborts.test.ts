// Aborted recordings: each program in aborts/ makes the recorder stop for the reason on its
// first line (`# abort: REASON`, a name from vm/jit/aborts.ts), in places where the interpreter
// must then finish inlined frames or raise; the output must be CPython's.
import { describe, it, expect, beforeAll } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCPython, runVmBatch, lastLine, type Result } from '../runner.ts';
import { ABORT_NAMES } from '../../../vm/jit/aborts.ts';

const DIR = path.join(__dirname, 'aborts');
const FILES = fs.readdirSync(DIR).filter((f) => f.endsWith('.py')).sort().map((f) => path.join(DIR, f));

const expected = new Map<string, Result>();
const actual = new Map<string, Result>();

beforeAll(async () => {
  const vm = runVmBatch(FILES, { PYVM_JIT: 'threshold=1,backend=llgraph', PYVMLOG: 'jit-summary' });
  for (const f of FILES) expected.set(f, await runCPython(f));
  for (const r of await vm) actual.set(r.file, r);
});

const frames = (s: string): string[] => s.split('\n').filter((l) => l.trimStart().startsWith('File '));

describe('aborted recordings', () => {
  for (const f of FILES) {
    it(path.basename(f), () => {
      const reason = /^# abort: (.*)$/m.exec(fs.readFileSync(f, 'utf8'));
      expect(reason).not.toBeNull();
      expect(ABORT_NAMES).toContain((reason as RegExpExecArray)[1]);
      const e = expected.get(f) as Result;
      const a = actual.get(f) as Result;
      const i = a.stderr.indexOf('[jit-summary]');
      const err = i < 0 ? a.stderr : a.stderr.slice(0, i);
      const summary = i < 0 ? '' : a.stderr.slice(i);
      expect(a.stdout).toBe(e.stdout);
      expect(a.status).toBe(e.status);
      expect(lastLine(err)).toBe(lastLine(e.stderr));
      expect(frames(err)).toEqual(frames(e.stderr));
      expect(summary).toMatch(new RegExp(`\\n  ${(reason as RegExpExecArray)[1]}: [1-9]`));
    });
  }
});
