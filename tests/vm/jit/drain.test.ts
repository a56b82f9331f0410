// Generators drained by builtin consumers (vm/interpreter/drain.ts): with the JIT, the trace of
// a drained generator's loop offers each item to the consumer's sink and runs on, so a call of
// sum() over a generator expression is one entry of its loop for all its items. The output
// must stay CPython's.
import { describe, it, expect } from 'vitest';
import * as path from 'node:path';
import { runCPython, runVmBatch } from '../runner.ts';

const DIR = path.join(__dirname, 'drain');

describe('drained generators', () => {
  it("sum() over a generator runs the generator's loop once an entry for all its items", async () => {
    const f = path.join(DIR, 'sum_genexpr.py');
    const [r] = await runVmBatch([f], { PYVM_JIT: 'threshold=5,backend=llgraph', PYVMLOG: 'jit-summary' });
    const e = await runCPython(f);
    expect(r.stdout).toBe(e.stdout);
    expect(r.status).toBe(e.status);
    const m = /loop \d+: (\d+) iterations in (\d+) entries \([^)]*:5 <genexpr>\)/.exec(r.stderr);
    expect(m, r.stderr).not.toBeNull();
    const [iters, entries] = [Number((m as RegExpExecArray)[1]), Number((m as RegExpExecArray)[2])];
    // 199 calls after the one whose items were recorded: about 50 items an entry (one an entry
    // when each item leaves the trace at the yield)
    expect(entries).toBeLessThanOrEqual(201);
    expect(iters).toBeGreaterThanOrEqual(40 * entries);
  });
});
