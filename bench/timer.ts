// The child timer (bench/timer.c) the VM benchmark runs each interpreter under: built with the
// host target's C compiler into a directory of the caller's.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findTarget, hostTargetName } from '../common/targets.ts';

const SOURCE = join(dirname(fileURLToPath(import.meta.url)), 'timer.c');

export interface ChildUsage {
  /** wall seconds from fork to exit */
  wall: number;
  /** user + system CPU seconds */
  cpu: number;
  /** peak resident set size, MiB */
  rssMb: number;
}

/** Compiles the timer into dir with the host target's C compiler (the one translation uses);
 * its path, or why not. */
export function buildTimer(dir: string): { path: string } | { why: string } {
  const path = join(dir, 'timer');
  const cc = findTarget(hostTargetName()).cc;
  const r = spawnSync(cc, ['-O2', '-o', path, SOURCE], { encoding: 'utf8' });
  if (!r.error && r.status === 0 && existsSync(path)) return { path };
  return { why: r.error ? `${cc}: ${r.error.message}` : `${cc} exited ${r.status}: ${(r.stderr ?? '').trim().slice(-300)}` };
}

/** Reads and removes the timer's result file; null when it is missing or malformed. */
export function readChildUsage(file: string): ChildUsage | null {
  if (!existsSync(file)) return null;
  const f = readFileSync(file, 'utf8').trim().split(/\s+/).map(Number);
  unlinkSync(file);
  if (f.length !== 4 || f.some((x) => !Number.isFinite(x))) return null;
  return { wall: f[0], cpu: f[1] + f[2], rssMb: f[3] / 1024 };
}
