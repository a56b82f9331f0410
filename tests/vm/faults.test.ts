// pyvm (untranslated, through vm/run.ts) against CPython 3.11 on Ctrl-C, flushing and closed
// pipes (issue 18, points 10-12). tests/translate/vm_faults.test.ts runs the same programs
// through the translated VM.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { cpythonEnv, program, runHead, runInterrupted } from './faults/drive.ts';
import { PYTHON } from '../python.ts';

const ROOT = resolve(__dirname, '../..');
const PYVM = ['node', '--import', 'tsx', join(ROOT, 'vm', 'run.ts')];
const HAS_PYTHON = spawnSync('python3', ['--version']).status === 0;
// a hang guard only (a lost interrupt would loop forever); the work itself is tiny
const GUARD = 300_000;

describe.skipIf(!HAS_PYTHON)('pyvm faults as CPython (untranslated)', () => {
  it('Ctrl-C: KeyboardInterrupt at the next backward jump, caught, finally run, uncaught ends by SIGINT', async () => {
    const file = program('interrupt.py');
    const [e, a] = await Promise.all([runInterrupted([PYTHON, file], 'busy', cpythonEnv()), runInterrupted([...PYVM, file], 'busy', cpythonEnv())]);
    expect(e.stdout).toBe('ready\ncaught\nready\nfinally ran\n');
    expect(e.signal).toBe('SIGINT');
    expect(a.stdout).toBe(e.stdout);
    expect(a.signal).toBe('SIGINT');
    expect(a.stderr).toBe(e.stderr);
  }, GUARD);

  it('| head -1: BrokenPipeError uncaught (status 1), caught, and at the flush at exit (status 120)', async () => {
    for (const [name, input] of [['pipe_loop.py', null], ['pipe_caught.py', null], ['pipe_shutdown.py', 'go\n']] as const) {
      const file = program(name);
      const e = await runHead([PYTHON, file], cpythonEnv(), input);
      const a = await runHead([...PYVM, file], cpythonEnv(), input);
      expect(a.first, name).toBe(e.first);
      expect(a.status, name).toBe(e.status);
      expect(a.signal, name).toBeNull();
      expect(a.stderr, name).toBe(e.stderr);
    }
  }, GUARD);
});
