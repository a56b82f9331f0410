// The biggest RTS program, the Python VM, translated for every Linux ISA and Windows, then run
// on the VM test programs: stdout, exit status and the last line of stderr must match CPython.
// Natively on all programs; a subset under qemu (s390x is big-endian) and wine.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTarget } from '../../common/targets.ts';
import { ROOT, hasTool, translate, wineEnv } from './harness.ts';
import { HANG_MS } from '../limits.ts';
import { PYTHON } from '../python.ts';

const PROGRAMS = join(ROOT, 'tests', 'vm', 'programs');
const FILES = existsSync(PROGRAMS) ? readdirSync(PROGRAMS).filter((f) => f.endsWith('.py')).sort() : [];
// programs whose output depends on the process (timing, ids) are compared on exit status only by their own suite
const ENTRY = join(ROOT, 'vm', 'main.ts');
const marked = (re: RegExp): Set<string> =>
  new Set(FILES.filter((f) => re.test(readFileSync(join(PROGRAMS, f), 'utf8').split('\n').slice(0, 5).join('\n'))));
// a program whose header says `# platform: posix` tests what CPython itself does differently on
// Windows (text files write \r\n there, '/' is no directory error): compared on POSIX targets only
const POSIX_ONLY = marked(/^# platform: posix\b/m);
// `# byteorder: little`: CPython's own output differs on a big-endian machine (native-order
// codecs), so the expected output, from this little-endian host, does not hold on s390x
const LITTLE_ONLY = marked(/^# byteorder: little\b/m);

interface Result {
  stdout: string;
  stderr: string;
  status: number;
}

/** Output goes to files, not pipes: wine's server outlives the program and would hold a pipe open. */
let runs = 0;
function run(cmd: string[], file: string, env: NodeJS.ProcessEnv = process.env): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'pyvm-run-'));
  const out = join(dir, `${runs++}.out`);
  const err = `${out}.err`;
  return new Promise((resolve) => {
    const fdOut = openSync(out, 'w');
    const fdErr = openSync(err, 'w');
    const p = spawn(cmd[0], [...cmd.slice(1), file], { cwd: PROGRAMS, env, stdio: ['ignore', fdOut, fdErr] });
    closeSync(fdOut);
    closeSync(fdErr);
    const timer = setTimeout(() => p.kill('SIGKILL'), HANG_MS);
    p.on('exit', (code, signal) => {
      clearTimeout(timer);
      const r = { stdout: readFileSync(out, 'utf8'), stderr: readFileSync(err, 'utf8'), status: code ?? (signal ? 128 : -1) };
      rmSync(dir, { recursive: true, force: true });
      resolve(r);
    });
  });
}

const lastLine = (s: string): string => s.replace(/\r\n/g, '\n').trimEnd().split('\n').pop() ?? '';

async function pool<T>(items: string[], width: number, f: (x: string) => Promise<T>): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  const queue = [...items];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let x = queue.shift(); x !== undefined; x = queue.shift()) out.set(x, await f(x));
    }),
  );
  return out;
}

/** A program's bucket of n, from a hash of its name: which programs an emulated target runs
 * stays fixed when programs are added or removed (by position in the sorted list, each new
 * program shifted every subset onto programs never checked there). */
function bucket(file: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) h = Math.imul(h ^ file.charCodeAt(i), 0x01000193) >>> 0;
  return h % n;
}

const TARGETS: { name: string; subset: string[]; ok: boolean; jit?: 'llgraph' | 'native' }[] = [
  { name: 'linux-x86_64', subset: FILES, ok: true },
  // every loop traced after two iterations, run on llgraph and deoptimised (issue 11)
  { name: 'linux-x86_64', subset: FILES, ok: true, jit: 'llgraph' },
  // the same as machine code (issue 13)
  { name: 'linux-x86_64', subset: FILES, ok: process.arch === 'x64', jit: 'native' },
  { name: 'linux-s390x', subset: FILES.filter((f) => bucket(f, 12) === 0 && !LITTLE_ONLY.has(f)), ok: hasTool('qemu-s390x-static') && hasTool('s390x-linux-gnu-gcc') },
  { name: 'linux-aarch64', subset: FILES.filter((f) => bucket(f, 24) === 5), ok: hasTool('qemu-aarch64-static') && hasTool('aarch64-linux-gnu-gcc') },
  { name: 'linux-ppc64le', subset: FILES.filter((f) => bucket(f, 24) === 17), ok: hasTool('qemu-ppc64le-static') && hasTool('powerpc64le-linux-gnu-gcc') },
  // the native backends of the other ISAs (issue 14), every loop compiled, under qemu: the
  // JIT's own program and a few others (PYVM_TEST_ALL_ISAS=1: every 6th program)
  ...['linux-aarch64', 'linux-ppc64le', 'linux-s390x'].map((name) => {
    const t = findTarget(name);
    const every = process.env.PYVM_TEST_ALL_ISAS === '1' ? 6 : 101;
    const subset = FILES.filter((f) => (f === 'jit_native_loops.py' || bucket(f, every) === 3) && !(name === 'linux-s390x' && LITTLE_ONLY.has(f)));
    return { name, subset, ok: hasTool(t.emulator[0]) && hasTool(t.cc), jit: 'native' as const };
  }),
  { name: 'windows-x86_64', subset: FILES.filter((f) => bucket(f, 24) === 11 && !POSIX_ONLY.has(f)), ok: hasTool('x86_64-w64-mingw32-gcc') && hasTool('/usr/lib/wine/wine64') },
];

describe.skipIf(!existsSync(ENTRY) || FILES.length === 0)('the VM translated to C', () => {
  const expected = new Map<string, Result>();
  beforeAll(async () => {
    const all = new Set(TARGETS.filter((t) => t.ok).flatMap((t) => t.subset));
    const r = await pool([...all], 2, (f) => run([PYTHON], f, { ...process.env, PYTHONHASHSEED: '0' }));
    for (const [k, v] of r) expected.set(k, v);
  });


  for (const t of TARGETS) {
    describe.skipIf(!t.ok)(t.jit ? `${t.name} with the JIT (threshold=2, ${t.jit})` : t.name, () => {
      const actual = new Map<string, Result>();
      beforeAll(async () => {
        const { binary } = await translate(ENTRY, t.name);
        const target = findTarget(t.name);
        if (target.os === 'windows') spawnSync('/usr/lib/wine/wineserver', ['-p60'], { env: wineEnv(), stdio: 'ignore' });
        const env0 = target.os === 'windows' ? wineEnv() : process.env;
        const env = t.jit ? { ...env0, PYVM_JIT: `threshold=2,backend=${t.jit}` } : env0;
        const r = await pool(t.subset, 2, (f) => run([...target.emulator, binary], f, env));
        for (const [k, v] of r) actual.set(k, v);
      });
      for (const f of t.subset) {
        it(f, () => {
          const e = expected.get(f)!;
          const a = actual.get(f)!;
          expect(a.stdout.replace(/\r\n/g, '\n')).toBe(e.stdout);
          expect(a.status).toBe(e.status);
          if (e.status !== 0) expect(lastLine(a.stderr)).toBe(lastLine(e.stderr));
        });
      }
    });
  }

  // Not in the shared corpus: untranslated, Node cannot turn heap exhaustion into an exception.
  it.skipIf(!hasTool('prlimit'))('memory exhaustion: MemoryError caught three times, then uncaught (as CPython under prlimit --as)', async () => {
    const limits = join(ROOT, 'tests', 'vm', 'limits');
    const file = join(limits, 'memory_error.py');
    const { binary } = await translate(ENTRY, 'linux-x86_64');
    const e = await run(['prlimit', `--as=${400 << 20}`, PYTHON], file);
    const a = await run([binary], file, { ...process.env, RTS_HEAP_LIMIT_MB: '128' });
    expect(e.stdout).toContain('caught 2 MemoryError');
    expect(a.stdout).toBe(e.stdout);
    expect(a.status).toBe(1);
    expect(lastLine(a.stderr)).toBe('MemoryError');
    expect(lastLine(e.stderr)).toBe('MemoryError');
  });

  // An int within the machine range is three words (header, class, value): the digits of the
  // few ints beyond 2^53 live in a subclass. The collector's statistics count the boxes.
  it('an int within the machine range takes 24 bytes; a big int is a class of its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pyvm-intsize-'));
    const file = join(dir, 'ints.py');
    writeFileSync(file, 'xs = [i * 7 for i in range(1000, 1001000)]\nys = [2**80 + i for i in range(100000)]\nprint(len(xs) + len(ys), ys[5] - xs[0])\n');
    const { binary } = await translate(ENTRY, 'linux-x86_64');
    const a = await run([binary], file, { ...process.env, RTS_GC_STATS: '1' });
    rmSync(dir, { recursive: true, force: true });
    expect(a.stdout).toBe('1100000 1208925819614629174699181\n');
    const boxes = (cls: string): { mb: number; n: number } => {
      const m = a.stderr.match(new RegExp(`gc:\\s+([\\d.]+) MB in\\s+(\\d+) allocations of ${cls}\\n`));
      expect(m, `no statistics line for ${cls} in:\n${a.stderr}`).not.toBeNull();
      return { mb: Number(m![1]), n: Number(m![2]) };
    };
    // a million small ints (and a few from start-up): 24 MB, where four words were 32
    const small = boxes('PyInt');
    expect(small.n).toBeGreaterThanOrEqual(1000000);
    expect((small.mb * 1e6) / small.n).toBeCloseTo(24, 0);
    expect(boxes('PyBigInt').n).toBeGreaterThanOrEqual(100000);
  });

  // The heap may grow to 4x what was live, live taken as the mean of the last two collections:
  // a collection that falls while a big temporary is alive must not triple the heap by it.
  it('RTS_GC_STATS=2: a line per collection; a live peak from a temporary raises the next threshold by half', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pyvm-gcsched-'));
    const file = join(dir, 'sched.py');
    writeFileSync(file, 'keep = [str(i) for i in range(100000)]\nfor r in range(12):\n    tmp = [r] * 2000000\n    junk = [str(i) for i in range(60000)]\nprint(len(keep), len(tmp), len(junk))\n');
    const { binary } = await translate(ENTRY, 'linux-x86_64');
    const a = await run([binary], file, { ...process.env, RTS_GC_STATS: '2' });
    rmSync(dir, { recursive: true, force: true });
    expect(a.stdout).toBe('100000 2000000 60000\n');
    const lines = [...a.stderr.matchAll(/gc: collection (\d+) after [\d.]+ MB: live ([\d.]+) MB in \d+ objects \(([\d.]+) MB in \d+ large\), next at ([\d.]+) MB\n/g)];
    const total = a.stderr.match(/gc: (\d+) collections in/);
    expect(total, a.stderr).not.toBeNull();
    expect(lines.map((m) => Number(m[1]))).toEqual(Array.from({ length: Number(total![1]) }, (_, i) => i + 1));
    const live = lines.map((m) => Number(m[2]));
    const next = lines.map((m) => Number(m[4]));
    let spikes = 0;
    for (let i = 1; i < live.length; i++) {
      const want = Math.max(4.19, ((live[i] + live[i - 1]) / 2) * 3);
      expect(Math.abs(next[i] - want), `collection ${i + 1}: live ${live[i]} after ${live[i - 1]}, next at ${next[i]}`).toBeLessThan(0.35);
      if (live[i] > 2 * live[i - 1]) spikes++;
    }
    // the 16 MB list falls into some collections and not others
    expect(spikes).toBeGreaterThan(0);
  });
});
