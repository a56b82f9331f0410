// Robustness of the translated VM: thousands of mutated Python programs (characters deleted,
// inserted or swapped, lines duplicated or dropped, numbers made huge, files cut short) must
// each end with normal output or a Python exception: never a signal, a C-level abort or an
// RTS fatal error. Mutations come from a seeded generator, so a failure is reproducible.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, translate } from '../translate/harness.ts';

const PROGRAMS = join(ROOT, 'tests', 'vm', 'programs');
const RUNS = Number(process.env.PYVM_FUZZ_RUNS ?? 2000);
const SEED = Number(process.env.PYVM_FUZZ_SEED ?? 20261125);

class Rng {
  constructor(private s: number) {}
  next(): number {
    // xorshift32
    this.s ^= this.s << 13;
    this.s ^= this.s >>> 17;
    this.s ^= this.s << 5;
    return (this.s >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(xs: T[]): T {
    return xs[this.int(xs.length)];
  }
}

const TOKENS = ['(', ')', '[', ']', '{', '}', ':', ',', '.', '=', '+', '-', '*', '/', '%', '<', '>', '!', "'", '"', '\\', '\n', '\t', ' ', '#', '@', 'x', '0', 'lambda', 'yield', 'None', '**', '//', 'not ', 'in ', '9' .repeat(40)];

export function mutate(src: string, rng: Rng): string {
  let s = src;
  const n = 1 + rng.int(3);
  for (let k = 0; k < n; k++) {
    const i = rng.int(Math.max(1, s.length));
    const lines = s.split('\n');
    switch (rng.int(8)) {
      case 0:
        s = s.slice(0, i) + s.slice(i + 1 + rng.int(4));
        break;
      case 1:
        s = s.slice(0, i) + rng.pick(TOKENS) + s.slice(i);
        break;
      case 2: {
        const j = rng.int(Math.max(1, s.length));
        s = s.slice(0, Math.min(i, j)) + s.slice(Math.max(i, j), Math.max(i, j) + 1) + s.slice(Math.min(i, j) + 1, Math.max(i, j)) + s.slice(Math.min(i, j), Math.min(i, j) + 1) + s.slice(Math.max(i, j) + 1);
        break;
      }
      case 3: {
        const l = rng.int(lines.length);
        lines.splice(l, 0, lines[l]);
        s = lines.join('\n');
        break;
      }
      case 4:
        lines.splice(rng.int(lines.length), 1);
        s = lines.join('\n');
        break;
      case 5:
        s = s.replace(/\b\d+\b/, rng.pick(['10**400', '-1', '0', '2**64', '1e308*10', '99999999999999999999']));
        break;
      case 6:
        s = s.slice(0, i);
        break;
      default:
        s = s.replace(/\b(if|while|for|def|class|return|try|except)\b/, rng.pick(['if', 'while', 'for', 'def', 'class', 'return', 'try', 'except', 'with', 'del']));
    }
  }
  return s;
}

interface Outcome {
  status: number | null;
  signal: string | null;
  stderr: string;
  timedOut: boolean;
}

/** CPU seconds a mutated program may use: its CPU time, not wall time, so a busy machine changes nothing */
const CPU_SECONDS = 5;

/** Wall seconds before a case is killed: a mutation can block without using CPU (a number made
 * huge turns `asyncio.sleep(0.01)` into a sleep of 2**64 seconds, in CPython too), which the CPU
 * limit never ends. Counted as a timeout, like a mutation that loops forever. */
const WALL_SECONDS = 60;

/** every other case runs with the JIT tracing each loop after two iterations */
const JIT_ENV = { PYVM_JIT: 'threshold=2,backend=llgraph' };

function run(bin: string, file: string, jit: boolean): Promise<Outcome> {
  return new Promise((resolve) => {
    // SIGXCPU at the soft limit, SIGKILL a second later; a mutation may loop forever, as in Python
    const p = spawn('prlimit', [`--cpu=${CPU_SECONDS}:${CPU_SECONDS + 1}`, '--', bin, file], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, RTS_HEAP_LIMIT_MB: '1024', ...(jit ? JIT_ENV : {}) },
    });
    let stderr = '';
    const wall = setTimeout(() => p.kill('SIGKILL'), WALL_SECONDS * 1000);
    p.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
    p.on('close', (status, signal) => {
      clearTimeout(wall);
      const timedOut = signal === 'SIGXCPU' || signal === 'SIGKILL';
      resolve({ status, signal: timedOut ? null : signal, stderr, timedOut });
    });
  });
}

describe('fuzzing the translated VM', () => {
  it(`${RUNS} mutated programs end normally or with a Python exception, half of them with the JIT on`, async () => {
    const { binary } = await translate(join(ROOT, 'vm', 'main.ts'), 'linux-x86_64');
    const sources = readdirSync(PROGRAMS).filter((f) => f.endsWith('.py')).sort().map((f) => readFileSync(join(PROGRAMS, f), 'utf8'));
    const dir = mkdtempSync(join(tmpdir(), 'pyvm-fuzz-'));
    const rng = new Rng(SEED);
    const cases = Array.from({ length: RUNS }, (_, i) => {
      const file = join(dir, `case${i}.py`);
      writeFileSync(file, mutate(rng.pick(sources), rng));
      return file;
    });
    const bad: string[] = [];
    let timeouts = 0;
    const queue = [...cases];
    await Promise.all(
      [0, 1].map(async () => {
        for (let f = queue.shift(); f; f = queue.shift()) {
          const o = await run(binary, f, cases.indexOf(f) % 2 === 1);
          if (o.timedOut) {
            timeouts++; // a mutation may loop forever; that is Python's behaviour too
            continue;
          }
          const last = o.stderr.trimEnd().split('\n').pop() ?? '';
          // a Python-level ending is any status the program chose (sys.exit(-1) is 255, an uncaught
          // exception 1); a crash is a signal or the runtime's fatal error (status 70 with its message)
          const crashed = o.signal !== null || o.stderr.includes('RTS fatal error');
          if (crashed) bad.push(`${f}: status ${o.status} signal ${o.signal}: ${last}`);
        }
      }),
    );
    expect(bad, bad.slice(0, 10).join('\n')).toEqual([]);
    expect(timeouts).toBeLessThan(RUNS * 0.05);
  });
});
