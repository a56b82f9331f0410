// Loops the JIT gives up on (vm/jit/hooks.ts): a loop whose entries run too few iterations, and
// a generator's loop whose entries mostly leave through a guard instead of reaching its yield.
// After giving up, the interpreter no longer calls the JIT at that header (its PyCode.jitCount never runs out); the
// output must stay CPython's, and the summary shows the loop given up after its first 1000
// entries (or kept, with min_iters=1).
import { describe, it, expect } from 'vitest';
import * as path from 'node:path';
import { runCPython, runVmBatch } from '../runner.ts';

const DIR = path.join(__dirname, 'giveup');
const run = async (name: string, jit: string): Promise<{ out: string; want: string; summary: string }> => {
  const f = path.join(DIR, name);
  const [r] = await runVmBatch([f], { PYVM_JIT: jit, PYVMLOG: 'jit-summary' });
  const e = await runCPython(f);
  expect(r.status).toBe(e.status);
  return { out: r.stdout, want: e.stdout, summary: r.stderr.slice(r.stderr.indexOf('[jit-summary]')) };
};

describe('loops given up', () => {
  it('a short loop is given up after 1000 entries', async () => {
    const r = await run('short_loop.py', 'threshold=5,backend=llgraph');
    expect(r.out).toBe(r.want);
    expect(r.summary).toContain('loops given up: 1');
    expect(r.summary).toMatch(/loop 0: \d+ iterations in 1000 entries/);
  });
  it('min_iters=1 keeps it', async () => {
    const r = await run('short_loop.py', 'threshold=5,min_iters=1,backend=llgraph');
    expect(r.out).toBe(r.want);
    expect(r.summary).toContain('loops given up: 0');
    expect(r.summary).toMatch(/loop 0: \d+ iterations in 3998 entries/);
  });
  it('a generator loop that mostly deoptimises is given up', async () => {
    // threshold 49: the recording starts just before an item the filter keeps, so the trace
    // runs to the yield and the eight rejected items after it fail its guard
    const r = await run('filtered_genexpr.py', 'threshold=49,backend=llgraph');
    expect(r.out).toBe(r.want);
    expect(r.summary).toContain('loops given up: 1');
    expect(r.summary).toMatch(/loop 0: \d+ iterations in 100[01] entries/);
  });
});
