// OS access for RTS programs. Untranslated these call Node; translated, each is a C runtime
// primitive (declared in translate/rtype/lloperation.ts), with the same observable behaviour.
import * as fs from 'node:fs';
import type { int, float } from './types.ts';

let stdinBuf = Buffer.alloc(0);
let stdinEof = false;

/** Writes s to fd 1 (stdout) or 2 (stderr), UTF-8 encoded. */
export function write(fd: int, s: string): void {
  fs.writeSync(fd, s);
}
/** Flushes buffered output (translated stdout is buffered; Node's writeSync is not). */
export function flush(): void {}
/** The file's text (UTF-8 decoded), or null when it cannot be read. */
export function readFile(path: string): string | null {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
/** The file's bytes, or null when it cannot be read. */
export function readFileBytes(path: string): int[] | null {
  try {
    return Array.from(fs.readFileSync(path));
  } catch {
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
/** Flushes output and ends the process with status. */
export function exit(status: int): never {
  process.exit(status);
}
