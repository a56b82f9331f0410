// A wine prefix made ready before anything whose output is compared runs in it.
//
// wine's first start in an empty prefix creates it (5-7 s, ~700 MB) and prints lines of its
// own on stderr ("created the configuration directory", a syswow64 rundll32 warning, "has been
// updated"). Preparing the prefix once, under a lock, keeps those lines out of every program's
// output and stops two processes from creating the same prefix at once.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const WINE64 = '/usr/lib/wine/wine64';
export const WINESERVER = '/usr/lib/wine/wineserver';

/** present once `wineboot --init` finished and the prefix's server exited */
const READY = '.pyvm-ready';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The environment that runs wine in this prefix, without wine's debug chatter. */
export function wineEnv(prefix: string, extra: Record<string, string> = {}): Record<string, string> {
  return { ...(process.env as Record<string, string>), WINEPREFIX: prefix, WINEDEBUG: '-all', ...extra };
}

/**
 * Creates the prefix if it is not ready yet; waits (with a message naming the holder) while
 * another process creates it. A holder that died is taken over. Returns the prefix.
 */
export function prepareWinePrefix(prefix: string, wine = WINE64, log: (s: string) => void = () => {}): string {
  if (existsSync(join(prefix, READY))) return prefix;
  mkdirSync(dirname(prefix), { recursive: true });
  const lock = `${prefix}.lock`;
  let told = false;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (existsSync(join(prefix, READY))) return prefix;
      let holder = NaN;
      try {
        holder = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        // the holder is between mkdir and writing its pid
      }
      if (Number.isInteger(holder) && !alive(holder)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (!told && Number.isInteger(holder)) {
        log(`waiting for process ${holder} to finish creating the wine prefix ${prefix}`);
        told = true;
      }
      sleep(200);
    }
  }
  try {
    if (!existsSync(join(prefix, READY))) {
      log(`creating the wine prefix ${prefix} (once; takes a few seconds)`);
      mkdirSync(prefix, { recursive: true });
      // no prompts to install wine-mono or wine-gecko: nothing here needs .NET or a browser engine
      const env = wineEnv(prefix, { WINEDLLOVERRIDES: 'mscoree,mshtml=' });
      // `wineboot --init` writes the registry; the server exits once it has flushed it to disk
      const r = spawnSync(wine, ['wineboot', '--init'], { env, stdio: 'ignore' });
      spawnSync(join(dirname(wine), 'wineserver'), ['-w'], { env, stdio: 'ignore' });
      if (r.status !== 0 || !existsSync(join(prefix, 'system.reg')))
        throw new Error(`could not create the wine prefix ${prefix} (${wine} wineboot --init exited ${r.status ?? r.signal}; is wine64 installed? try: npx release doctor --install)`);
      writeFileSync(join(prefix, READY), '');
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return prefix;
}
