// Bridges: a guard failing trace_eagerness times gets a side trace, recorded from where the
// guard resumes to the loop header, that then runs instead of the interpreter and jumps back
// into the loop. The program's output is the interpreter's.
import { describe, it, expect } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runVmBatch } from '../../runner.ts';

const HALF = [
  'def f(n):',
  '    a = 0',
  '    b = 0.0',
  '    for i in range(n):',
  '        if i % 2:',
  '            a += i',
  '        else:',
  '            b += 0.5',
  '    return a, b',
  'print(f(3000))',
  '',
].join('\n');

async function run(src: string, jit: string): Promise<{ out: string; log: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pyvm-bridge-'));
  const file = path.join(dir, 'prog.py');
  fs.writeFileSync(file, src);
  const log = path.join(dir, 'jit.log');
  const [r] = await runVmBatch([file], { PYVM_JIT: jit, PYVMLOG: `jit-summary,jit-log-opt:${log}` });
  const text = fs.readFileSync(log, 'utf8');
  fs.rmSync(dir, { recursive: true, force: true });
  expect(r.status).toBe(0);
  return { out: r.stdout, log: text };
}

describe('bridges', () => {
  it('a branch taken half the time gets a bridge; the output is unchanged', async () => {
    const { out, log } = await run(HALF, 'threshold=2,trace_eagerness=5');
    expect(out).toBe('(2250000, 750.0)\n');
    const n = /\nbridges: (\d+)\n/.exec(log);
    expect(n).not.toBeNull();
    expect(Number((n as RegExpExecArray)[1])).toBeGreaterThanOrEqual(1);
    // the bridge is optimised (logged) and ends by handing its values to the loop
    expect(log).toMatch(/\[jit-log-opt\] bridge \d+ of loop 0 [^\n]*\n[\s\S]*?\nfinish\([^\n]*\)\n[\s\S]*?\[\/jit-log-opt\]/);
  });

  it('below trace_eagerness failures there is no bridge', async () => {
    const { out, log } = await run(HALF, 'threshold=2,trace_eagerness=5000');
    expect(out).toBe('(2250000, 750.0)\n');
    expect(log).toMatch(/\nbridges: 0\n/);
  });
});
