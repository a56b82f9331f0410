// A pyvm laid out as every artifact installs it, from a binary of this tree and Debian's copy of
// the standard library (/usr/lib/python3.11, what `release build` selects from the pinned
// package), with the library precompiled by that binary: what the benchmarks time and the cache
// tests run, without building a release. The selection follows release/stdlib.ts's in spirit
// (no tests, GUIs or CPython build files), not file for file.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const DEBIAN_LIB = '/usr/lib/python3.11';
const SKIP = new Set(['test', 'idlelib', 'tkinter', 'turtledemo', 'ensurepip', 'lib-dynload', 'site-packages', 'dist-packages', '__pycache__', 'lib2to3']);

export interface DevInstall {
  /** <prefix>/bin/pyvm */
  exe: string;
  /** <prefix>/lib/pyvm/lib-python/3.11 */
  lib: string;
  /** the precompiler's last line ("N written, ...") */
  precompiled: string;
}

/** Lays out prefix (which must not exist or be empty) from binary; precompiles unless told not to. */
export function devInstall(root: string, binary: string, prefix: string, precompile: boolean = true): DevInstall {
  if (!existsSync(join(DEBIAN_LIB, 'os.py'))) throw new Error(`no standard library at ${DEBIAN_LIB} (Debian's libpython3.11-stdlib; \`npx release doctor --install\` installs it)`);
  mkdirSync(join(prefix, 'bin'), { recursive: true });
  const exe = join(prefix, 'bin', 'pyvm');
  copyFileSync(binary, exe);
  chmodSync(exe, 0o755);
  const lib = join(prefix, 'lib', 'pyvm', 'lib-python', '3.11');
  mkdirSync(lib, { recursive: true });
  for (const e of readdirSync(DEBIAN_LIB, { withFileTypes: true })) {
    if (SKIP.has(e.name) || e.name.startsWith('config-')) continue;
    if (e.isDirectory() || e.name.endsWith('.py')) cpSync(join(DEBIAN_LIB, e.name), join(lib, e.name), { recursive: true, filter: (s) => !s.endsWith('__pycache__') });
  }
  let precompiled = '';
  if (precompile) {
    const r = spawnSync(exe, ['-I', join(root, 'scripts', 'pyvm-precompile.py'), lib], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' } });
    if (r.status !== 0) throw new Error(`precompiling ${lib} with ${exe} failed (exit ${r.status}): ${(r.stderr ?? '').trim().slice(-1000)}`);
    precompiled = (r.stderr ?? '').trim().split('\n').pop() ?? '';
  }
  return { exe, lib, precompiled };
}
