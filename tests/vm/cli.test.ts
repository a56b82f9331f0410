// The pyvm command line through the Node launcher (vm/run.ts).
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as os from 'node:os';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { PYTHON } from '../python.ts';

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
    expect(r.stderr).toContain("unknown parameter 'treshold' (valid: threshold, trace_eagerness, trace_limit, min_iters, enable_opts, backend)");
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
    expect(log.stderr).toContain("PYVMLOG: unknown category 'jit-sumary' (valid: jit-summary, jit-log-noopt, jit-log-opt, jit-abort, jit-guard-fail, jit-backend-dump, jit)");
  });
  it('--jit with PYVMLOG=jit-summary reports loops; native falls back to llgraph with a note; off is the interpreter', () => {
    const code = 't = 0\nfor i in range(50):\n    t += i\nprint(t)';
    const on = spawnSync('node', ['--import', 'tsx', path.join(ROOT, 'vm/run.ts'), '--jit', 'threshold=3,backend=native', '-c', code], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PYVMLOG: 'jit-summary' } });
    expect(on.stdout).toBe('1225\n');
    expect(on.stderr).toContain('note: backend=native: this build cannot run machine code (untranslated); using backend=llgraph');
    expect(on.stderr).toMatch(/loops: 1\n/);
    const off = spawnSync('node', ['--import', 'tsx', path.join(ROOT, 'vm/run.ts'), '--jit', 'off', '-c', code], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PYVMLOG: 'jit-summary', PYVM_JIT: 'threshold=3' } });
    expect(off.stdout).toBe('1225\n');
    expect(off.stderr).toMatch(/loops: 0\n/);
  });
});

// CPython's command line: what CPython prints and returns is the reference.
describe('pyvm cli as CPython', () => {
  const run = (cmd: string, args: string[], input = '', env: Record<string, string> = {}) => {
    const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', input, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...env } });
    return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
  };
  const vm = (args: string[], input = '', env: Record<string, string> = {}) => run('node', ['--import', 'tsx', path.join(ROOT, 'vm/run.ts'), ...args], input, env);
  const py = (args: string[], input = '', env: Record<string, string> = {}) => run(PYTHON, args, input, env);
  const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'pyvm-cli-'));

  it('bad options: the message and status 2 of CPython, with the usage line', () => {
    for (const args of [['-z'], ['--foo'], ['-c'], ['-m'], ['-W'], ['-Sz', 'x.py']]) {
      const a = vm(args);
      const b = py(args);
      expect(a.status, args.join(' ')).toBe(2);
      expect(b.status).toBe(2);
      const [msgA, usageA, tryA] = a.stderr.split('\n');
      const [msgB] = b.stderr.split('\n');
      expect(msgA).toBe(msgB);
      expect(usageA).toBe('usage: pyvm [option] ... [-c cmd | -m mod | file | -] [arg] ...');
      expect(tryA).toBe("Try `pyvm -h' for more information.");
    }
  });

  it('a program on stdin (piped, and named -) with its sys.argv', () => {
    const prog = 'import sys\nprint(sys.argv, sys.path[0] == "")\n';
    for (const args of [[], ['-'], ['-', 'x', '-c']]) {
      const a = vm(args, prog);
      expect(a.stdout, args.join(' ')).toBe(py(args, prog).stdout);
      expect(a.status).toBe(0);
    }
  });

  it('-m runs a module and a package __main__ as __main__, with sys.argv[0] the file', () => {
    const d = tmp();
    try {
      writeFileSync(path.join(d, 'tool.py'), 'import sys\nprint(__name__, sys.argv[0].endswith("tool.py"), sys.argv[1:], __package__ or None)\n');
      mkdirSync(path.join(d, 'app'));
      writeFileSync(path.join(d, 'app', '__init__.py'), 'print("init", __name__)\n');
      writeFileSync(path.join(d, 'app', '__main__.py'), 'import sys\nfrom . import helper\nprint(__name__, __package__, helper.X, sys.argv[0].endswith("__main__.py"), sys.argv[1:])\n');
      writeFileSync(path.join(d, 'app', 'helper.py'), 'X = 42\n');
      const env = { PYTHONPATH: d };
      for (const args of [['-m', 'tool', 'a', '-v'], ['-mtool'], ['-m', 'app', 'z'], ['-m', 'app.helper']]) {
        const a = vm(args, '', env);
        const b = py(args, '', env);
        expect(a.stdout, args.join(' ')).toBe(b.stdout);
        expect(a.status).toBe(b.status);
      }
      const missing = vm(['-m', 'no_such_module_x'], '', env);
      expect(missing.status).toBe(1);
      expect(missing.stderr).toBe('pyvm: No module named no_such_module_x\n');
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('-X dev and PYTHONDEVMODE set sys.flags.dev_mode (and so asyncio debug mode); -E ignores the variable', () => {
    const code = 'import sys, asyncio.coroutines\nprint(sys.flags.dev_mode, asyncio.coroutines._is_debug_mode())';
    const cases: [string[], Record<string, string>][] = [
      [[], {}],
      [['-X', 'dev'], {}],
      [['-E', '-X', 'dev'], {}],
      [[], { PYTHONDEVMODE: '1' }],
      [['-E'], { PYTHONDEVMODE: '1' }],
      [[], { PYTHONDEVMODE: '' }],
    ];
    for (const [opts, env] of cases) {
      const a = vm([...opts, '-c', code], '', { PYTHONASYNCIODEBUG: '', ...env });
      const b = py([...opts, '-c', code], '', { PYTHONASYNCIODEBUG: '', ...env });
      expect(a.stdout, `${opts.join(' ')} ${JSON.stringify(env)}`).toBe(b.stdout);
    }
  });

  it('-X importtime and PYTHONPROFILEIMPORTTIME report each import as CPython does; -E ignores the variable', () => {
    const lines = (stderr: string): string[] => stderr.split('\n').filter((l) => l.startsWith('import time:'));
    for (const [opts, env] of [[['-X', 'importtime'], {}], [[], { PYTHONPROFILEIMPORTTIME: '1' }]] as [string[], Record<string, string>][]) {
      for (const r of [vm([...opts, '-c', 'import json'], '', env), py([...opts, '-c', 'import json'], '', env)]) {
        const ls = lines(r.stderr);
        expect(ls[0]).toBe('import time: self [us] | cumulative | imported package');
        for (const l of ls.slice(1)) {
          const m = /^import time: +(\d+) \| +(\d+) \| ( *)([\w.]+)$/.exec(l);
          expect(m, l).not.toBeNull();
          expect(Number(m![2])).toBeGreaterThanOrEqual(Number(m![1]));
        }
        // a package's submodule is reported inside it, before it ends
        const at = (name: string): number => ls.findIndex((l) => l.endsWith('| ' + name));
        expect(at('json')).toBeGreaterThan(at('  json.decoder'));
        expect(at('  json.decoder')).toBeGreaterThan(0);
      }
    }
    expect(lines(vm(['-E', '-c', 'import json'], '', { PYTHONPROFILEIMPORTTIME: '1' }).stderr)).toEqual([]);
    expect(lines(vm(['-c', 'import json']).stderr)).toEqual([]);
  });

  it('sys.path: path0, PYTHONPATH, the standard library and site-packages; -E, -I, -S, -P', () => {
    const code = 'import sys\nprint([p for p in sys.path if p == "" or p.startswith("/pp/")], sys.flags.ignore_environment, sys.flags.isolated, sys.flags.no_site, sys.flags.safe_path)';
    const env = { PYTHONPATH: '/pp/a:/pp/b' };
    const lib = (out: string) => out.trim().split('\n');
    for (const opts of [[], ['-E'], ['-I'], ['-S'], ['-P'], ['-IS']]) {
      const a = vm([...opts, '-c', code], '', env);
      const b = py([...opts, '-c', code], '', env);
      expect(lib(a.stdout), opts.join(' ')).toEqual(lib(b.stdout));
    }
    // untranslated, the library is Debian's install of the same stdlib (no lib/pyvm beside node)
    const a = vm(['-c', 'import sys, bisect\nprint(sys.path[-1], bisect.__file__)']);
    expect(a.stdout).toBe('/usr/lib/python3.11 /usr/lib/python3.11/bisect.py\n');
  });

  it('sys.implementation, sys.flags, sys.executable, sys.prefix', () => {
    const a = vm(['-q', '-O', '-c', 'import sys\nprint(sys.implementation.name, sys.implementation.cache_tag, sys.implementation.version[:3], type(sys.implementation).__name__)\nprint(type(sys.flags).__name__, sys.flags.quiet, sys.flags.optimize, sys.flags.inspect, isinstance(sys.flags, tuple), len(sys.flags))\nprint(sys.executable, sys.prefix)']);
    const [impl, flags, where] = a.stdout.trim().split('\n');
    expect(impl).toBe('pyvm pyvm-311 (0, 1, 0) SimpleNamespace');
    const b = py(['-q', '-O', '-c', 'import sys\nprint(type(sys.flags).__name__, sys.flags.quiet, sys.flags.optimize, sys.flags.inspect, isinstance(sys.flags, tuple), len(sys.flags))']);
    expect(flags).toBe(b.stdout.trim());
    // untranslated, the binary is Node's
    expect(where).toBe(`${process.execPath} ${path.dirname(path.dirname(process.execPath))}`);
  });

  it('-i runs the program, then reads statements from stdin showing values; -u does not buffer', () => {
    const args = ['-i', '-q', '-c', 'x = 6'];
    const a = vm(args, 'x * 7\nraise SystemExit(5)\nprint("not reached")\n');
    const b = py(args, 'x * 7\nraise SystemExit(5)\nprint("not reached")\n');
    expect(a.stdout).toBe(b.stdout);
    expect(a.status).toBe(b.status);
    const both = (cmd: string[]) => spawnSync('sh', ['-c', `${cmd.map((c) => `'${c}'`).join(' ')} 2>&1`], { cwd: ROOT, encoding: 'utf8' }).stdout;
    const prog = 'import sys\nprint("out 1")\nsys.stderr.write("err\\n")\nprint("out 2")';
    for (const u of [['-u'], []]) {
      expect(both(['node', '--import', 'tsx', path.join(ROOT, 'vm/run.ts'), ...u, '-c', prog]), u.join(' ')).toBe(both([PYTHON, ...u, '-c', prog]));
    }
  });

  it('the REPL on a terminal: prompts, values shown, errors reported, blocks, Ctrl-D leaves (through a pty)', () => {
    const driver = path.join(__dirname, 'cli/repl_pty.py');
    const inputs = path.join(__dirname, 'cli/repl_inputs.txt');
    const a = spawnSync(PYTHON, [driver, inputs, 'node', '--import', 'tsx', path.join(ROOT, 'vm/run.ts'), '-q'], { cwd: ROOT, encoding: 'utf8' });
    const b = spawnSync(PYTHON, [driver, inputs, PYTHON, '-q'], { cwd: ROOT, encoding: 'utf8' });
    expect(b.stdout).toContain('>>> 1 + 2\n3\n');
    expect(a.stdout).toBe(b.stdout);
  });
});
