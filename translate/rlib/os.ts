// OS access for RTS programs. Untranslated these call Node; translated, each is a C runtime
// primitive (declared in translate/rtype/lloperation.ts), with the same observable behaviour.
import * as fs from 'node:fs';
import * as tty from 'node:tty';
import { isMainThread, workerData } from 'node:worker_threads';
import type { int, float } from './types.ts';
import { MemoryError } from './memory.ts';

let stdinBuf = Buffer.alloc(0);
let stdinEof = false;

/** The errno of a failed Node call (Node gives it negated), EIO when it has none. */
function errnoOf(e: unknown): int {
  const n = (e as NodeJS.ErrnoException).errno;
  return typeof n === 'number' && n !== 0 ? Math.abs(n) : 5;
}
/** Whether Node refused for want of memory (a file or string past its size limits). */
function tooLarge(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return e instanceof RangeError || code === 'ERR_FS_FILE_TOO_LARGE' || code === 'ERR_STRING_TOO_LONG' || code === 'ENOMEM';
}

/** Writes s to fd 1 (stdout) or 2 (stderr), UTF-8 encoded. Returns 0, or the errno of a failed
 * write (EPIPE for a closed pipe: SIGPIPE never ends the process, translated or not). */
export function write(fd: int, s: string): int {
  for (;;) {
    try {
      fs.writeSync(fd, s);
      return 0;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') return errnoOf(e);
    }
  }
}
/** Writes buffered stdout output now (translated stdout is buffered; Node's writeSync is not):
 * 0, or the errno of the failed write. */
export function flush(): int {
  return 0;
}
/** The file's text (UTF-8 decoded), or null when it cannot be read; MemoryError when it is too
 * large to hold. */
export function readFile(path: string): string | null {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch (e) {
    if (tooLarge(e)) throw new MemoryError('out of memory');
    return null;
  }
}
/** The file's bytes, or null when it cannot be read; MemoryError when it is too large to hold. */
export function readFileBytes(path: string): int[] | null {
  try {
    return Array.from(fs.readFileSync(path));
  } catch (e) {
    if (tooLarge(e)) throw new MemoryError('out of memory');
    return null;
  }
}
/** Writes text (UTF-8) to path; false on failure. */
export function writeFile(path: string, text: string): boolean {
  try {
    fs.writeFileSync(path, text);
    return true;
  } catch {
    return false;
  }
}
/** Writes bytes (each 0..255) to path; false on failure. */
export function writeFileBytes(path: string, bytes: int[]): boolean {
  try {
    fs.writeFileSync(path, Uint8Array.from(bytes));
    return true;
  } catch {
    return false;
  }
}
/** One line from stdin without its newline, or null at end of input. */
export function readLine(): string | null {
  for (;;) {
    const nl = stdinBuf.indexOf(10);
    if (nl >= 0) {
      const line = stdinBuf.subarray(0, nl).toString('utf8');
      stdinBuf = stdinBuf.subarray(nl + 1);
      return line;
    }
    if (stdinEof) {
      if (stdinBuf.length === 0) return null;
      const rest = stdinBuf.toString('utf8');
      stdinBuf = Buffer.alloc(0);
      return rest;
    }
    const chunk = Buffer.alloc(65536);
    let n = 0;
    try {
      n = fs.readSync(0, chunk, 0, chunk.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      n = 0;
    }
    if (n === 0) stdinEof = true;
    else stdinBuf = Buffer.concat([stdinBuf, chunk.subarray(0, n)]);
  }
}
/** Monotonic seconds, for measuring durations. */
export function clock(): float {
  return Number(process.hrtime.bigint()) / 1e9;
}
/** Wall-clock seconds since the Unix epoch. */
export function time(): float {
  return Date.now() / 1000;
}
/** An environment variable, or null when unset. */
export function getenv(name: string): string | null {
  const v = process.env[name];
  return v === undefined ? null : v;
}
/** True if path names an existing file or directory. */
export function fileExists(path: string): boolean {
  return fs.existsSync(path);
}
/** Whether fd (0, 1 or 2) is a terminal. */
export function isatty(fd: int): boolean {
  return fd >= 0 && fd <= 2 && tty.isatty(fd);
}
/** The absolute path of the running program's binary, or null when unknown. Untranslated the
 * program is Node running the VM's sources, so this is Node's binary. */
export function executablePath(): string | null {
  return process.execPath;
}
/** Flushes output and ends the process with status. */
export function exit(status: int): never {
  process.exit(status);
}

// SIGINT untranslated: Node runs signal handlers only between tasks, never inside the VM's
// synchronous loop, so the launcher (vm/run.ts) runs the program in a worker and its main
// thread sets word 0 of a shared buffer; word 1 asks it to end by SIGINT once the worker exits.
const shared = !isMainThread && workerData !== null && typeof workerData === 'object' ? (workerData as { signals?: unknown }).signals : undefined;
const SIGNALS = shared instanceof SharedArrayBuffer ? new Int32Array(shared) : new Int32Array(2);
let onMainSigint: (() => void) | null = null;

/** From now on SIGINT (Ctrl-C) sets a flag that takeInterrupt() reads, instead of ending the
 * process: a program calls it once, then polls at points where stopping is safe. */
export function catchInterrupt(): void {
  if (isMainThread && onMainSigint === null) {
    onMainSigint = () => {
      Atomics.store(SIGNALS, 0, 1);
    };
    process.on('SIGINT', onMainSigint);
  }
}
/** Whether SIGINT arrived since the last call (clearing it). */
export function takeInterrupt(): boolean {
  if (SIGNALS[0] === 0) return false;
  return Atomics.exchange(SIGNALS, 0, 0) !== 0;
}
/** Flushes and ends the process as SIGINT's default action does (what CPython does after
 * reporting an uncaught KeyboardInterrupt). */
export function exitByInterrupt(): void {
  if (isMainThread) {
    if (onMainSigint !== null) process.off('SIGINT', onMainSigint);
    process.kill(process.pid, 'SIGINT');
    return;
  }
  // in a worker without the launcher's buffer (a test harness running many programs), the
  // caller's status 130 stands for the signal
  if (!(shared instanceof SharedArrayBuffer)) return;
  Atomics.store(SIGNALS, 1, 1);
  process.exit(130);
}
