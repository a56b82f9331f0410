// The one way files are written: under a temporary name beside the final one (same
// filesystem, so the rename is atomic), then renamed. A killed writer leaves at most a
// `.NAME.tmp-PID-RAND` file, which sweepTemps() removes once PID is dead; a full disk is
// reported as a DiskFullError naming the path, never a half-written file under its name.
import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Whether a process with this id exists (a temporary file's writer may still be running). */
export function pidAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The disk (or quota) is full: which path could not be written, and how much room it needed. */
export class DiskFullError extends Error {
  override name = 'DiskFullError';
  readonly code = 'ENOSPC';
  constructor(
    readonly path: string,
    /** bytes the write needed, when known */
    readonly needed?: number,
    /** bytes free on that filesystem when the write failed, when known */
    readonly available?: number,
  ) {
    super(
      `no space left on device writing ${path}` +
        (needed !== undefined || available !== undefined
          ? ` (${[needed !== undefined ? `${bytes(needed)} needed` : '', available !== undefined ? `${bytes(available)} free` : ''].filter(Boolean).join(', ')})`
          : ''),
    );
  }
}

const bytes = (n: number) => (n < 1 << 20 ? `${n} bytes` : `${(n / (1 << 20)).toFixed(1)} MiB`);

export const isDiskFull = (e: unknown): boolean => {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
};

/** Free bytes on the filesystem holding path (or its nearest existing parent). */
export function freeBytes(path: string): number | undefined {
  for (let p = path; ; p = dirname(p)) {
    try {
      const s = statfsSync(p);
      return s.bavail * s.bsize;
    } catch {
      if (dirname(p) === p) return undefined;
    }
  }
}

/** A DiskFullError for e if it is one (a Node ENOSPC does not say which file), else e. */
export function explainWriteError(e: unknown, path: string, needed?: number): unknown {
  if (e instanceof DiskFullError || !isDiskFull(e)) return e;
  return new DiskFullError(path, needed, freeBytes(dirname(path)));
}

/** A temp name beside `finalPath`, recognisable by sweepTemps(). */
export function tempPathFor(finalPath: string): string {
  return join(dirname(finalPath), `.${basename(finalPath)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

// also the forms earlier versions wrote (`NAME.tmp-PID`, `.NAME.tmp-PID`), so their leftovers go too
const TEMP = /^.+\.tmp-(\d+)(?:-[0-9a-f]{8})?$/;

/** Removes the temp files of dead writers in dir (not recursive). Returns how many. */
export function sweepTemps(dir: string): number {
  if (!existsSync(dir)) return 0;
  let n = 0;
  for (const name of readdirSync(dir)) {
    const m = TEMP.exec(name);
    if (m && !pidAlive(Number(m[1]))) {
      rmSync(join(dir, name), { recursive: true, force: true });
      n++;
    }
  }
  return n;
}

/** Writes data to path by temp-and-rename; the temp is removed if anything fails. */
export function writeFileAtomicSync(path: string, data: string | Uint8Array, mode?: number): void {
  withTemp(path, typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength, (tmp) => {
    writeFileSync(tmp, data);
    if (mode !== undefined) chmodSync(tmp, mode);
  });
}

/** Copies from to path by temp-and-rename. */
export function copyFileAtomicSync(from: string, path: string, mode?: number): void {
  withTemp(path, statSync(from).size, (tmp) => {
    copyFileSync(from, tmp);
    if (mode !== undefined) chmodSync(tmp, mode);
  });
}

function withTemp(path: string, size: number, produce: (tmp: string) => void): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (e) {
    throw explainWriteError(e, path, size);
  }
  const tmp = tempPathFor(path);
  try {
    produce(tmp);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw explainWriteError(e, path, size);
  }
}

/** Lets `produce` write a temp path, then renames it to `finalPath`; removes the temp on failure. */
export async function writeAtomically(finalPath: string, produce: (tmp: string) => Promise<void>, needed?: number): Promise<void> {
  try {
    await mkdir(dirname(finalPath), { recursive: true });
  } catch (e) {
    throw explainWriteError(e, finalPath, needed);
  }
  const tmp = tempPathFor(finalPath);
  try {
    await produce(tmp);
    await rename(tmp, finalPath);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw explainWriteError(e, finalPath, needed);
  }
}

export async function writeFileAtomic(finalPath: string, data: string | Uint8Array): Promise<void> {
  await writeAtomically(finalPath, (tmp) => writeFile(tmp, data), typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength);
}
