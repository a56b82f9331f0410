// The pyvm command line through the Node launcher (vm/run.ts).
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
function pyvm(args: string[], input = ''): { stdout: string; stderr: string; status: number } {
  const r = spawnSync('node', ['--import', 'tsx', path.join(ROOT, 'vm/run.ts'), ...args], { cwd: ROOT, encoding: 'utf8', input });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
}

describe('pyvm cli', () => {
  it('--version', () => {
    const r = pyvm(['--version']);
    expect(r.stdout).toBe('pyvm 0.1.0 (Python 3.11 compatible)\n');
    expect(r.status).toBe(0);
  });
  it('-c CODE with argv', () => {
    const r = pyvm(['-c', 'import sys; print(sys.argv, 6 * 7)', 'a', 'b']);
    expect(r.stdout).toBe("['-c', 'a', 'b'] 42\n");
    expect(r.status).toBe(0);
  });
  it('FILE ARGS and SystemExit status', () => {
    const r = pyvm([path.join(__dirname, 'programs/sys_exit.py')]);
    expect(r.stdout).toBe('exiting\n');
    expect(r.status).toBe(3);
  });
  it('uncaught exception gives traceback and status 1', () => {
    const r = pyvm(['-c', 'def f():\n    1/0\nf()']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Traceback (most recent call last):');
    expect(r.stderr).toContain('File "<string>", line 2, in f');
    expect(r.stderr.trimEnd().split('\n').pop()).toBe('ZeroDivisionError: division by zero');
  });
  it('deep recursion is a RecursionError, not a host crash', () => {
    const r = pyvm(['-c', 'import sys\nsys.setrecursionlimit(30000)\ndef f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(20000))\nsys.setrecursionlimit(1000)\ndef g():\n    return g()\ng()']);
    expect(r.stdout).toBe('20000\n');
    expect(r.stderr.trimEnd().split('\n').pop()).toBe('RecursionError: maximum recursion depth exceeded');
    expect(r.status).toBe(1);
  });
  it('input() reads stdin lines, then EOFError', () => {
    const r = pyvm(['-c', "a = input('name? ')\nb = input()\nprint(a + '|' + b)\ntry:\n    input()\nexcept EOFError:\n    print('eof')"], 'bob\nalice\n');
    expect(r.stdout).toBe('name? bob|alice\neof\n');
    expect(r.status).toBe(0);
  });
  it('syntax error report', () => {
    const r = pyvm(['-c', 'x = (1,\ny = 2']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('  File "<string>", line 1\n    x = (1,\n        ^\nSyntaxError: \'(\' was never closed\n');
  });
  it('missing file', () => {
    const r = pyvm(['/nonexistent/x.py']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("can't open file");
  });
  it('--help documents --jit and PYVMLOG', () => {
    const r = pyvm(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--jit off|on|default|k=v,...');
    expect(r.stdout).toContain('threshold=N');
    expect(r.stdout).toContain('backend=llgraph|native');
    expect(r.stdout).toContain('PYVMLOG=CATEGORIES[:FILE]');
    expect(r.stdout).toContain('jit-guard-fail');
    expect(r.stdout).toContain('enable_opts=all|none|NAME:NAME...');
    expect(r.stdout).toContain('jit-log-opt');
  });
  it('bad --jit, PYVM_JIT and PYVMLOG values are errors naming the value and what is valid', () => {
    let r = pyvm(['--jit', 'threshold=x', '-c', 'pass']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('pyvm: --jit: threshold=x: expected a positive integer\n');
    r = pyvm(['--jit', 'treshold=3', '-c', 'pass']);
    expect(r.stderr).toContain("unknown parameter 'treshold' (valid: threshold, trace_eagerness, trace_limit, enable_opts, backend)");
    r = pyvm(['--jit', 'enable_opts=rewrite:unrol', '-c', 'pass']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("enable_opts=rewrite:unrol: expected all, none or names joined by ':' (rewrite, intbounds, virtualize, pure, heap, unroll, dce)");
    r = pyvm(['--jit', 'backend=x86', '-c', 'pass']);
    expect(r.stderr).toContain('backend=x86: unknown backend (valid: llgraph, native)');
    r = pyvm(['--jit']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--jit needs a value');
    const env = spawnSync('node', ['--import', 'tsx', path.join(ROOT, 'vm/run.ts'), '-c', 'pass'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PYVM_JIT: 'bogus' } });
    expect(env.status).toBe(2);
    expect(env.stderr).toContain("pyvm: PYVM_JIT: --jit: 'bogus' is not k=v");
    const log = spawnSync('node', ['--import', 'tsx', path.join(ROOT, 'vm/run.ts'), '-c', 'pass'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PYVMLOG: 'jit-sumary' } });
    expect(log.status).toBe(2);
    expect(log.stderr).toContain("PYVMLOG: unknown category 'jit-sumary' (valid: jit-summary, jit-log-noopt, jit-log-opt, jit-abort, jit-guard-fail, jit)");
  });
  it('--jit with PYVMLOG=jit-summary reports loops; native falls back to llgraph with a note; off is the interpreter', () => {
    const code = 't = 0\nfor i in range(50):\n    t += i\nprint(t)';
    const on = spawnSync('node', ['--import', 'tsx', path.join(ROOT, 'vm/run.ts'), '--jit', 'threshold=3,backend=native', '-c', code], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PYVMLOG: 'jit-summary' } });
    expect(on.stdout).toBe('1225\n');
    expect(on.stderr).toContain('note: no native JIT backend is built yet; using backend=llgraph');
    expect(on.stderr).toMatch(/loops: 1\n/);
    const off = spawnSync('node', ['--import', 'tsx', path.join(ROOT, 'vm/run.ts'), '--jit', 'off', '-c', code], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PYVMLOG: 'jit-summary', PYVM_JIT: 'threshold=3' } });
    expect(off.stdout).toBe('1225\n');
    expect(off.stderr).toMatch(/loops: 0\n/);
  });
});
