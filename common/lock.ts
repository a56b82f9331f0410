// A lock file for work that must not run twice at once on the same files (two builds in one
// checkout would both do all the work and race on dist/). The file names its holder (pid,
// process start time, command); a waiter says whom it waits for, and takes over a lock whose
// holder is dead (killed builds leave their lock behind) or whose pid now belongs to another
// process.
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { explainWriteError, pidAlive, tempPathFor } from './atomic.ts';

export interface LockHolder {
  pid: number;
  /** the process's start time in clock ticks since boot (Linux), to tell a reused pid */
  start: string | null;
  command: string;
  since: string;
}

/** Start time of a process (field 22 of /proc/PID/stat), or null where there is no /proc. */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function holderOf(path: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

function alive(h: LockHolder): boolean {
  if (!pidAlive(h.pid)) return false;
  const start = processStart(h.pid);
  return h.start === null || start === null || start === h.start;
}

export interface Lock {
  release(): void;
}

/**
 * Takes the lock at path, waiting (polling) while a live process holds it; onWait is told
 * once whom we wait for. Returns the lock; release() removes it (exit without release leaves
 * a file the next taker sees is dead).
 */
export async function acquireLock(path: string, command: string, onWait: (holder: LockHolder) => void, pollMs = 200): Promise<Lock> {
  const me: LockHolder = { pid: process.pid, start: processStart(process.pid), command, since: new Date().toISOString() };
  const text = JSON.stringify(me) + '\n';
  let told = false;
  for (;;) {
    const tmp = tempPathFor(path);
    try {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(tmp, text);
      linkSync(tmp, path); // atomic create-if-absent, with the content already in place
      rmSync(tmp, { force: true });
      return {
        release() {
          if (holderOf(path)?.pid === me.pid) rmSync(path, { force: true });
        },
      };
    } catch (e) {
      rmSync(tmp, { force: true });
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw explainWriteError(e, path, text.length);
    }
    const holder = holderOf(path);
    if (!holder || !alive(holder)) {
      // a dead holder's lock (or one being written this instant: retried below if so)
      const again = holderOf(path);
      if (!again || again.pid === holder?.pid) rmSync(path, { force: true });
      continue;
    }
    if (!told) {
      onWait(holder);
      told = true;
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
