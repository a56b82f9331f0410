// The translated VM against CPython 3.11 on Ctrl-C, flushing and closed pipes (issue 18, points
// 10-12: the same programs as tests/vm/faults.test.ts, untranslated), and whole-file reads past
// the heap limit, which must be a MemoryError the program catches (point 15).
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, hasTool, translate } from './harness.ts';
import { cpythonEnv, program, runHead, runInterrupted } from '../vm/faults/drive.ts';
import { PYTHON } from '../python.ts';

const ENTRY = join(ROOT, 'vm', 'main.ts');
// a hang guard only (a lost interrupt would loop forever); the work itself is tiny

describe.skipIf(!hasTool('python3') || !hasTool('gcc'))('the translated VM on faults', () => {
  let pyvm = '';
  beforeAll(async () => {
    pyvm = (await translate(ENTRY, 'linux-x86_64')).binary;
  });

  it('Ctrl-C: KeyboardInterrupt at the next backward jump, caught, finally run, uncaught ends by SIGINT', async () => {
    const file = program('interrupt.py');
    const [e, a] = await Promise.all([runInterrupted([PYTHON, file], 'busy', cpythonEnv()), runInterrupted([pyvm, file], 'busy', cpythonEnv())]);
    expect(e.stdout).toBe('ready\ncaught\nready\nfinally ran\n');
    expect(a.stdout).toBe(e.stdout);
    expect(a.signal).toBe('SIGINT');
    expect(e.signal).toBe('SIGINT');
    expect(a.stderr).toBe(e.stderr);
  });

  it('Ctrl-C while waiting in input() and time.sleep()', async () => {
    const file = program('interrupt_wait.py');
    const [e, a] = await Promise.all([runInterrupted([PYTHON, file], 'blocked', cpythonEnv()), runInterrupted([pyvm, file], 'blocked', cpythonEnv())]);
    expect(e.stdout).toBe('ready\ncaught in input\nready\n');
    expect(a.stdout).toBe(e.stdout);
    expect(a.signal).toBe('SIGINT');
    expect(a.stderr).toBe(e.stderr);
  });

  it('| head -1: BrokenPipeError uncaught (status 1), caught, and at the flush at exit (status 120)', async () => {
    for (const [name, input] of [['pipe_loop.py', null], ['pipe_caught.py', null], ['pipe_shutdown.py', 'go\n']] as const) {
      const file = program(name);
      const e = await runHead([PYTHON, file], cpythonEnv(), input);
      const a = await runHead([pyvm, file], cpythonEnv(), input);
      expect(a.first, name).toBe(e.first);
      expect(a.status, name).toBe(e.status);
      expect(a.signal, name).toBeNull();
      expect(a.stderr, name).toBe(e.stderr);
    }
  });

  it('a whole-file read past the heap limit is a MemoryError the program catches; under it, the read succeeds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pyvm-read-big-'));
    try {
      const big = join(dir, 'big.txt');
      writeFileSync(big, Buffer.alloc(24 << 20, 'a')); // 24 MiB: 192 MiB as a list of ints, 48 MiB as a string
      const run = (limitMb: number) =>
        spawnSync(pyvm, [program('read_big.py'), big], { encoding: 'utf8', env: { ...process.env, RTS_HEAP_LIMIT_MB: String(limitMb) } });
      const small = run(32);
      expect(small.stderr).toBe('');
      expect(small.stdout).toBe('rb MemoryError\nr MemoryError\nafter\n');
      expect(small.status).toBe(0);
      const roomy = run(1024);
      expect(roomy.stdout).toBe(`rb read ${24 << 20} True\nr read ${24 << 20} True\nafter\n`);
      expect(roomy.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
