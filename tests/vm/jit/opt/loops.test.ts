// The optimizer on loops recorded from programs (PYVMLOG=jit-log-opt): what the loop body
// (from the peeled LABEL to the JUMP) keeps, and that the output is the interpreter's.
import { describe, it, expect } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runVmBatch } from '../../runner.ts';

/** the body ops (no merge points, no comments) of the optimised loop in function fn */
async function loopBody(src: string, fn: string, opts = 'all'): Promise<{ out: string; body: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pyvm-opt-'));
  const file = path.join(dir, 'prog.py');
  fs.writeFileSync(file, src);
  const log = path.join(dir, 'jit.log');
  const [r] = await runVmBatch([file], { PYVM_JIT: `threshold=2,enable_opts=${opts}`, PYVMLOG: `jit-log-opt:${log}` });
  const text = fs.readFileSync(log, 'utf8');
  fs.rmSync(dir, { recursive: true, force: true });
  expect(r.status).toBe(0);
  for (const m of text.matchAll(/\[jit-log-opt\] loop \d+ \S+ (\S+) [^\n]*\n([\s\S]*?)\[\/jit-log-opt\]/g)) {
    if (m[1] !== fn) continue;
    const ops = m[2].split('\n').filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('debug_merge_point'));
    let start = 0;
    for (let i = 0; i < ops.length; i++) if (ops[i].startsWith('label(')) start = i;
    return { out: r.stdout, body: ops.slice(start) };
  }
  throw new Error(`no optimised loop in ${fn}:\n${text}`);
}

describe('optimised loops', () => {
  it('t += i * 0.5: no allocation, no call, at most 12 operations', async () => {
    const src = 'def f(n):\n    t = 0.0\n    for i in range(n):\n        t += i * 0.5\n    return t\nprint(f(1000))\n';
    const { out, body } = await loopBody(src, 'f');
    expect(out).toBe('249750.0\n');
    expect(body.filter((l) => /= new_|call_/.test(l))).toEqual([]);
    expect(body.length).toBeLessThanOrEqual(12);
    expect(body[body.length - 1]).toMatch(/^jump\(/);
  });

  it('p.x += p.vx over a list: one map check per object, the stored float the only allocation', async () => {
    const src = [
      'class P:',
      '    def __init__(self, x):',
      '        self.x = x',
      '        self.vx = 0.5',
      'def step(ps):',
      '    for p in ps:',
      '        p.x += p.vx',
      'ps = [P(float(i)) for i in range(20)]',
      'for k in range(3):',
      '    step(ps)',
      'print(sum(p.x for p in ps))',
      '',
    ].join('\n');
    const { out, body } = await loopBody(src, 'step');
    expect(out).toBe('220.0\n');
    expect(body.filter((l) => l.startsWith('guard_map('))).toHaveLength(1);
    expect(body.filter((l) => /= new_/.test(l))).toEqual([expect.stringMatching(/= new_float\(/)]);
  });

  it('enable_opts=none leaves the recorded loop as it was', async () => {
    const src = 'def f(n):\n    t = 0\n    for i in range(n):\n        t += i\n    return t\nprint(f(100))\n';
    const { out, body } = await loopBody(src, 'f', 'none');
    expect(out).toBe('4950\n');
    expect(body.filter((l) => l.startsWith('label('))).toHaveLength(1);
    expect(body.filter((l) => /= new_int\(/.test(l)).length).toBeGreaterThan(0);
  });
});
