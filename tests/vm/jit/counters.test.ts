// The interpreter's warm-up counters (PyCode.jitCount, decremented by JUMP_BACKWARD): the JIT's
// hook is called only when a header's counter runs out, so a loop below the threshold, or one
// the JIT gave up on, costs no call per iteration (the summary's "hook calls"); a loop given up
// has its back edges rewritten so that they count nothing down ("back edges uncounted").
import { describe, it, expect } from 'vitest';
import * as path from 'node:path';
import { runCPython, runVmBatch } from '../runner.ts';

const FILE = path.join(__dirname, 'counters', 'cold_loops.py');
const run = async (jit: string, file = FILE): Promise<{ summary: string; hookCalls: number }> => {
  const [r] = await runVmBatch([file], { PYVM_JIT: jit, PYVMLOG: 'jit-summary' });
  const e = await runCPython(file);
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
    // its one back edge is then no longer counted down either
    expect(r.summary).toContain('back edges uncounted: 1');
  });
  it('every back edge of a loop given up is uncounted, and co_code does not show it', async () => {
    // short's loop has two back edges (the end of its body and a continue); the copy that
    // code.replace() makes has counted ones again (the output checks co_code and the results)
    const r = await run('threshold=5,backend=llgraph', path.join(__dirname, 'counters', 'uncounted_edges.py'));
    expect(r.summary).toContain('loops given up: 1');
    expect(r.summary).toContain('back edges uncounted: 2');
    expect(r.summary).toMatch(/loop \d+: \d+ iterations in 1 entries \(.*count/);
  });
  it('loops below the threshold keep their counted back edges', async () => {
    const r = await run('threshold=100000,backend=llgraph');
    expect(r.summary).toContain('back edges uncounted: 0');
  });
});
