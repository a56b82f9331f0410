// Runs a Python program the way a user at a terminal or in a shell pipeline would fault it, so
// pyvm (untranslated or translated) can be compared with CPython: Ctrl-C (SIGINT to the process
// group, as a terminal sends it) each time a line "ready" arrives, or a reader that closes the
// pipe after the first line (`| head -1`). Shared by tests/vm/faults.test.ts and
// tests/translate/vm_faults.test.ts.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FAULTS = dirname(fileURLToPath(import.meta.url));
export const program = (name: string): string => join(FAULTS, name);

export interface Outcome {
  stdout: string;
  stderr: string;
  status: number | null;
  signal: NodeJS.Signals | null;
}

/** The environment both interpreters run in: default buffering (this environment may set
 * PYTHONUNBUFFERED, which CPython and pyvm both honour, and which moves a closed pipe's error
 * from the flush at exit to the print). */
export function cpythonEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.PYTHONUNBUFFERED;
  return env;
}

/** How the driver knows the program has gone past its "ready" line into the code the interrupt
 * is meant for: `busy`, it has spent CPU time since (a loop); `blocked`, it sleeps in the kernel
 * (a read or a sleep). Without this, a signal that lands while print() returns is reported at
 * the print's line, by CPython as by pyvm, and the tracebacks differ by chance. */
export type Settled = 'busy' | 'blocked';

const BUSY_TICKS = 5; // clock ticks (1/100 s) of CPU after "ready": only a loop spends that much

function procStat(pid: number): { state: string; ticks: number } | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { state: f[0], ticks: Number(f[11]) + Number(f[12]) };
  } catch {
    return null; // the process has ended
  }
}

/** Sends SIGINT to the program's process group at each line "ready" on its stdout, once the
 * program has settled as `settled` says; stdin is an open pipe (nothing is written to it). */
export function runInterrupted(cmd: string[], settled: Settled, env: NodeJS.ProcessEnv = process.env): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd[0], cmd.slice(1), { env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let seen = 0;
    let ended = false;
    const interruptWhenSettled = (from: number): void => {
      const now = procStat(p.pid!);
      if (ended || now === null) return;
      const ok = settled === 'busy' ? now.ticks - from >= BUSY_TICKS : now.state === 'S' || now.state === 'D';
      if (!ok) {
        setTimeout(() => interruptWhenSettled(from), 10);
        return;
      }
      process.kill(-p.pid!, 'SIGINT');
    };
    p.stdout.setEncoding('utf8');
    p.stderr.setEncoding('utf8');
    p.stdout.on('data', (s: string) => {
      stdout += s;
      const ready = stdout.split('\n').filter((l) => l === 'ready').length;
      for (; seen < ready; seen++) {
        interruptWhenSettled(procStat(p.pid!)?.ticks ?? 0);
      }
    });
    p.stderr.on('data', (s: string) => (stderr += s));
    p.on('error', reject);
    p.on('close', (status, signal) => {
      ended = true;
      p.stdin.destroy();
      resolve({ stdout, stderr, status, signal });
    });
  });
}

/** Reads the first line of the program's stdout, then closes the pipe (`| head -1`); with
 * `input`, closes the pipe first and then sends input on stdin. */
export function runHead(cmd: string[], env: NodeJS.ProcessEnv = process.env, input: string | null = null): Promise<Outcome & { first: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd[0], cmd.slice(1), { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let first = '';
    let stderr = '';
    p.stdout.setEncoding('utf8');
    p.stderr.setEncoding('utf8');
    p.stderr.on('data', (s: string) => (stderr += s));
    p.on('error', reject);
    p.stdin.on('error', () => {});
    if (input !== null) {
      p.stdout.destroy();
      p.stdin.end(input);
    } else {
      p.stdin.end();
      p.stdout.on('data', (s: string) => {
        first += s;
        const nl = first.indexOf('\n');
        if (nl >= 0) {
          first = first.slice(0, nl + 1);
          p.stdout.destroy();
        }
      });
    }
    p.on('close', (status, signal) => resolve({ stdout: first, stderr, status, signal, first }));
  });
}
