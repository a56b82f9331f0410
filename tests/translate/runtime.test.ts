// The C runtime (translate/runtime/) built with each installed cross compiler and run
// natively, under qemu-user or under wine: the hand-written harness in runtime/harness.c
// stands in for genc's output. Checks its own assertions, float formatting against node's
// String(x) / toFixed and python3's repr(x), and the process-level behaviours (fatal errors,
// uncaught exceptions, the heap limit, exit, stdin, argv, the recursion limit).

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFloats, checkParses, hasPython } from './runtime/check-floats.ts';
import { prepareWinePrefix } from '../../common/wine.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const RUNTIME = join(ROOT, 'translate', 'runtime');
const HARNESS = join(ROOT, 'tests', 'translate', 'runtime', 'harness.c');
const SOURCES = readdirSync(RUNTIME)
  .filter((f) => f.endsWith('.c'))
  .sort()
  .map((f) => join(RUNTIME, f));
/** the flags the translator uses, plus warnings (the build must print nothing) */
const CFLAGS = ['-std=gnu11', '-O2', '-fno-strict-aliasing', '-fwrapv', '-static', `-ffile-prefix-map=${ROOT}=.`, '-Wall', '-Wextra'];

interface Target {
  name: string;
  cc: string;
  runner: string[];
  exe: string;
  flags: string[];
  env: Record<string, string>;
  /** GC stress scale (1 = 2 GiB allocated) */
  scale: string;
}

// this suite's own prefix (other suites stop their wine servers), created before any compared run
const WINE_ENV = { WINEPREFIX: join(ROOT, '.cache', 'wine-runtime'), WINEDEBUG: '-all', LANG: 'C.UTF-8' };
const TARGETS: Target[] = [
  { name: 'linux-x86_64', cc: 'gcc', runner: [], exe: '', flags: [], env: {}, scale: '1' },
  { name: 'linux-aarch64', cc: 'aarch64-linux-gnu-gcc', runner: ['qemu-aarch64-static'], exe: '', flags: [], env: {}, scale: '0.1' },
  { name: 'linux-s390x', cc: 's390x-linux-gnu-gcc', runner: ['qemu-s390x-static'], exe: '', flags: [], env: {}, scale: '0.1' },
  { name: 'linux-ppc64le', cc: 'powerpc64le-linux-gnu-gcc', runner: ['qemu-ppc64le-static'], exe: '', flags: [], env: {}, scale: '0.1' },
  {
    name: 'windows-x86_64',
    cc: 'x86_64-w64-mingw32-gcc',
    runner: ['/usr/lib/wine/wine64'],
    exe: '.exe',
    flags: ['-Wl,--no-insert-timestamp'],
    env: WINE_ENV,
    scale: '0.1',
  },
];

function installed(cmd: string): boolean {
  if (cmd.includes('/')) return existsSync(cmd);
  return (process.env.PATH ?? '').split(delimiter).some((d) => d && existsSync(join(d, cmd)));
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.stdin.on('error', () => {}); // EPIPE when the program never reads its input
    child.on('close', (status) =>
      resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.end(opts.input ?? '');
  });
}

const work = mkdtempSync(join(tmpdir(), 'rts-runtime-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const withPython = hasPython();

for (const t of TARGETS) {
  const available = installed(t.cc) && t.runner.every(installed);
  describe.concurrent(t.name, () => {
    const dir = join(work, t.name);
    const exe = join(dir, `harness${t.exe}`);
    let built: Promise<Run> | undefined;
    const build = () =>
      (built ??= (async () => {
        await run('mkdir', ['-p', dir]);
        return run(t.cc, [...CFLAGS, ...t.flags, `-I${RUNTIME}`, ...SOURCES, HARNESS, '-o', exe, '-lm']);
      })());
    const harness = async (args: string[], opts: { env?: Record<string, string>; input?: string } = {}) => {
      const b = await build();
      expect(b.status, b.stderr).toBe(0);
      const [cmd, ...pre] = [...t.runner, exe];
      if (t.env.WINEPREFIX) prepareWinePrefix(t.env.WINEPREFIX, cmd);
      return run(cmd, [...pre, ...args], { cwd: dir, env: { ...t.env, ...opts.env }, input: opts.input });
    };

    it.skipIf(!available)('compiles without warnings', async () => {
      const b = await build();
      expect(b.status, b.stderr).toBe(0);
      expect(b.stderr).toBe('');
    });

    it.skipIf(!available)('passes the harness: strings, lists, dicts, GC stress, exec memory, OS', async () => {
      const r = await harness(['all', t.scale], { env: { RTS_TEST_VAR: 'héllo' } });
      expect(r.stdout).toMatch(/^harness: \d+ passed, 0 failed$/m);
      expect(r.stdout).not.toContain('FAIL');
      expect(r.stdout).toContain('exec: 42 40000000002');
      expect(r.stdout).toContain('env: héllo');
      expect(r.stderr).toBe('stderr: ok ✓\n');
      expect(r.status).toBe(0);
    });

    it.skipIf(!available)('formats floats like node String(x) / toFixed and python repr(x)', async () => {
      const r = await harness(['floats']);
      expect(r.status).toBe(0);
      const c = checkFloats(r.stdout, withPython);
      expect(c.lines).toBe(461);
      expect(c.bad).toEqual([]);
    });

    it.skipIf(!available || !withPython)('parses decimals like python float(), correctly rounded', async () => {
      const r = await harness(['parse']);
      expect(r.status).toBe(0);
      const c = checkParses(r.stdout);
      expect(c.lines).toBeGreaterThan(600);
      expect(c.bad).toEqual([]);
    });

    it.skipIf(!available)('rts_fatal: flushes stdout, prints the message, exits 70', async () => {
      const r = await harness(['fatal']);
      expect(r.status).toBe(70);
      expect(r.stdout).toBe('before fatal');
      expect(r.stderr).toBe('RTS fatal error: list index out of range: 2 (length 2)\n');
    });

    it.skipIf(!available)('an uncaught exception prints its class and message, exits 1', async () => {
      const r = await harness(['uncaught']);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('before uncaught\n');
      expect(r.stderr).toBe('Uncaught RangeError: boom ✗\n');
    });

    it.skipIf(!available)('past RTS_HEAP_LIMIT_MB and its reserve (no function entry raised MemoryError): out of memory, exit 70', async () => {
      const r = await harness(['oom'], { env: { RTS_HEAP_LIMIT_MB: '64' } });
      expect(r.status).toBe(70);
      expect(r.stderr).toBe('RTS fatal error: out of memory\n');
    });

    it.skipIf(!available)('the recursion limit raises RangeError instead of overflowing the stack', async () => {
      const r = await harness(['overflow']);
      expect(r.stdout).toMatch(/^recursion: max depth 100000, /m);
      expect(r.stderr).toBe('Uncaught RangeError: Maximum call stack size exceeded\n');
      expect(r.status).toBe(1);
    });

    it.skipIf(!available)('rts_exit flushes and exits with the status; stdin lines; argv', async () => {
      const e = await harness(['exit']);
      expect([e.status, e.stdout]).toEqual([3, 'bye']);
      const s = await harness(['stdin'], { input: 'a\r\nb€\n\nlast' });
      expect(s.stdout).toBe('line 1: [a]\nline 2: [b€]\nline 3: []\nline 4: [last]\neof\n');
      const a = await harness(['argv', 'héllo wörld', '', 'x"y']);
      expect(a.stdout).toBe('arg 1: héllo wörld\narg 2: \narg 3: x"y\n');
    });
  });
}

// glibc's strtod is exact, so the portable refinement used elsewhere (mingw's misrounds) is
// forced on here to test it natively too
describe('linux-x86_64 with the portable strtod (-DRTS_EXACT_STRTOD=1)', () => {
  it.skipIf(!installed('gcc') || !withPython)('formats and parses like node and python', async () => {
    const dir = join(work, 'exact-strtod');
    const exe = join(dir, 'harness');
    await run('mkdir', ['-p', dir]);
    const b = await run('gcc', [...CFLAGS, '-DRTS_EXACT_STRTOD=1', `-I${RUNTIME}`, ...SOURCES, HARNESS, '-o', exe, '-lm']);
    expect(b.status, b.stderr).toBe(0);
    expect(b.stderr).toBe('');
    const f = await run(exe, ['floats', '3000'], { cwd: dir });
    const p = await run(exe, ['parse', '3000'], { cwd: dir });
    expect([f.status, p.status]).toEqual([0, 0]);
    expect(checkFloats(f.stdout).bad).toEqual([]);
    expect(checkParses(p.stdout).bad).toEqual([]);
  });
});

// keep the wine server of the harness's prefix from lingering after the run
afterAll(() => {
  if (installed('/usr/lib/wine/wineserver') && existsSync(WINE_ENV.WINEPREFIX))
    spawnSync('/usr/lib/wine/wineserver', ['-k'], { env: { ...process.env, ...WINE_ENV } });
});
