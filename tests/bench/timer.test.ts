// The benchmark's child timer: it must report the child's own wall time, CPU time and peak RSS,
// and pass its exit status through.
import { mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimer, readChildUsage } from '../../bench/timer.ts';

describe.runIf(process.platform === 'linux')('bench timer', () => {
  let dir = '';
  let timer = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-timer-test-'));
    const t = buildTimer(dir);
    if (!('path' in t)) throw new Error(`the timer did not build: ${t.why}`);
    timer = t.path;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const time = (argv: string[]): { status: number | null; stderr: string; usage: ReturnType<typeof readChildUsage> } => {
    const out = join(dir, 'usage.txt');
    const r = spawnSync(timer, [out, ...argv], { encoding: 'utf8' });
    return { status: r.status, stderr: r.stderr, usage: readChildUsage(out) };
  };

  it('times a child that sleeps and one that burns CPU', () => {
    const sleep = time(['sleep', '0.2']);
    expect(sleep.status).toBe(0);
    expect(sleep.usage!.wall).toBeGreaterThanOrEqual(0.2);
    expect(sleep.usage!.cpu).toBeLessThan(0.15);
    // 64 MiB touched: the peak RSS must show it
    const burn = time(['python3', '-c', 'b = bytearray(64 << 20)\nfor i in range(0, len(b), 4096): b[i] = 1\nx = 0\nfor i in range(2000000): x += i']);
    expect(burn.status).toBe(0);
    expect(burn.usage!.cpu).toBeGreaterThan(0.05);
    expect(burn.usage!.rssMb).toBeGreaterThan(64);
  });

  it('passes the exit status through and reports a command that cannot run', () => {
    expect(time(['sh', '-c', 'exit 3']).status).toBe(3);
    expect(time(['sh', '-c', 'kill -TERM $$']).status).toBe(128 + 15);
    const missing = time(['/nonexistent/interp']);
    expect(missing.status).toBe(127);
    expect(missing.stderr).toContain('cannot run /nonexistent/interp');
  });
});
