// The interpreter's warm-up counters (PyCode.jitCount, decremented by JUMP_BACKWARD): the JIT's
// hook is called only when a header's counter runs out, so a loop below the threshold, or one
// the JIT gave up on, costs no call per iteration (the summary's "hook calls").
import { describe, it, expect } from 'vitest';
import * as path from 'node:path';
import { runCPython, runVmBatch } from '../runner.ts';

const FILE = path.join(__dirname, 'counters', 'cold_loops.py');
const run = async (jit: string): Promise<{ summary: string; hookCalls: number }> => {
  const [r] = await runVmBatch([FILE], { PYVM_JIT: jit, PYVMLOG: 'jit-summary' });
  const e = await runCPython(FILE);
  expect(r.status).toBe(e.status);
  expect(r.stdout).toBe(e.stdout);
  const summary = r.stderr.slice(r.stderr.indexOf('[jit-summary]'));
  const m = /hook calls: (\d+)/.exec(summary);
  expect(m).not.toBeNull();
  return { summary, hookCalls: Number(m![1]) };
};

describe('warm-up counters', () => {
  it('loops below the threshold never call the hook', async () => {
    // 4000 + 8000 + 5000 backward jumps, none reaching the threshold
    const r = await run('threshold=100000,backend=llgraph');
    expect(r.hookCalls).toBe(0);
    expect(r.summary).toContain('loops: 0');
  });
  it('the threshold-th iteration records', async () => {
    // count's loop alone reaches 5000: one call, which records and enters the loop
    const r = await run('threshold=4990,backend=llgraph');
    expect(r.summary).toMatch(/loop \d+: \d+ iterations in 1 entries \(.*count/);
  });
  it('a loop given up stops calling the hook', async () => {
    // pair_sum's loop: 5 to warm up, then one call per entry until it is given up after
    // 1000 entries; pairs' and count's loops are entered once each
    const r = await run('threshold=5,backend=llgraph');
    expect(r.summary).toContain('loops given up: 1');
    expect(r.hookCalls).toBeGreaterThan(1000);
    expect(r.hookCalls).toBeLessThan(1100);
  });
});
