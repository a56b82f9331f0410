// Scratch folders in $TMPDIR: each is named with its creator's process id, so a later run
// can tell the folders of killed builds (whose `finally` never ran) from those of live ones
// and remove them, as the store and dist/ sweep their temp files.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pidAlive } from './atomic.ts';

/** The prefixes of our scratch folders; only these are ever swept. */
const PREFIXES = ['rts-', 'release-', 'pyvm-'];

/** A fresh folder `$TMPDIR/<prefix>p<pid>-XXXXXX`; prefix ends with '-', e.g. 'rts-cc-'. */
export function makeTempDir(prefix: string): string {
  if (!PREFIXES.some((p) => prefix.startsWith(p))) throw new Error(`makeTempDir: prefix '${prefix}' is not one sweepTempDirs knows`);
  return mkdtempSync(join(tmpdir(), `${prefix}p${process.pid}-`));
}

const OURS = /^(?:rts|release|pyvm)-(?:[A-Za-z0-9_.]+-)*p(\d+)-[A-Za-z0-9]{6}$/;

/** Removes the scratch folders of dead processes from $TMPDIR (or dir). Returns their names. */
export function sweepTempDirs(dir: string = tmpdir()): string[] {
  const gone: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return gone;
  }
  for (const name of names) {
    const m = OURS.exec(name);
    if (!m || pidAlive(Number(m[1]))) continue;
    try {
      rmSync(join(dir, name), { recursive: true, force: true });
      gone.push(name);
    } catch {
      /* another user's folder, or another sweeper got there first */
    }
  }
  return gone;
}
