// The standard library's bytecode, compiled at build time by the pyvm it ships with, as CPython's
// installers run compileall: each target's own binary (under its emulator when it is not the
// host's) runs scripts/pyvm-precompile.py over a copy of the selected library laid out as it is
// installed (bin/pyvm beside lib/pyvm/), so the cache files carry that binary's build id and
// an installed pyvm loads them on its first import instead of compiling. The files hold no
// times or paths of this machine (vm/compiler/codecache.ts): the same binary and library give
// the same bytes. Windows targets get none: pyvm's cache is off there (vm/main.ts).
import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Target } from '../common/targets.ts';
import { StepError } from './errors.ts';

export const PRECOMPILE_SCRIPT = 'scripts/pyvm-precompile.py';
/** How long one target's precompile may take before it is taken as hung (about 1 min under qemu). */
const LIMIT_MS = 30 * 60_000;

export interface PrecompileOptions {
  step: string;
  target: Target;
  /** the target's pyvm binary */
  binary: string;
  /** what becomes lib/pyvm/ (the stdlib node's output: lib-python/3.11/...) */
  libDir: string;
  /** receives libDir's tree with the __pycache__ files added */
  outDir: string;
  root: string;
  log: (line: string) => void;
}

/** Whether a target's library is precompiled (its pyvm reads the cache). */
export function precompiles(t: Target): boolean {
  return t.os !== 'windows';
}

function countCaches(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) n += countCaches(join(dir, e.name));
    else if (e.name.endsWith('.pyvm-311.pyc')) n++;
  }
  return n;
}

export async function precompileLibrary(o: PrecompileOptions): Promise<{ caches: number }> {
  // inside outDir, so that the result is renamed into place, never copied across filesystems
  const work = join(o.outDir, 'precompile-work');
  try {
    mkdirSync(work);
    mkdirSync(join(work, 'bin'));
    const exe = join(work, 'bin', 'pyvm' + o.target.exeSuffix);
    copyFileSync(o.binary, exe);
    chmodSync(exe, 0o755);
    const lib = join(work, 'lib', 'pyvm');
    cpSync(o.libDir, lib, { recursive: true, verbatimSymlinks: true });
    const tree = join(lib, 'lib-python', '3.11');
    // -I: no PYTHON* variables or user site; PYVM_* variables of the caller are dropped too
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C' };
    const [cmd, ...pre] = o.target.emulator.length ? o.target.emulator : [exe];
    const args = [...(o.target.emulator.length ? [...pre, exe] : pre), '-I', join(o.root, PRECOMPILE_SCRIPT), tree];
    o.log(`${cmd} ${args.join(' ')}`);
    const r = await new Promise<{ code: number | null; stderr: string; error: string }>((resolve) => {
      execFile(cmd, args, { env, cwd: work, encoding: 'utf8', maxBuffer: 16 << 20, timeout: LIMIT_MS, killSignal: 'SIGKILL' }, (err, _stdout, stderr) => {
        const e = err as (Error & { code?: unknown; killed?: boolean }) | null;
        resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, stderr, error: e ? (e.killed ? `killed after ${LIMIT_MS / 60000} min` : e.message) : '' });
      });
    });
    const last = r.stderr.trim().split('\n').pop() ?? '';
    if (r.code !== 0) {
      throw new StepError(
        o.step,
        `precompiling the standard library with ${o.target.name}'s pyvm failed (${r.error.split('\n')[0] || `exit ${r.code}`})` +
          (o.target.emulator.length ? `; it runs under ${o.target.emulator[0]}: \`npx release doctor --install\` installs it` : ''),
        r.stderr.trim().slice(-2000),
      );
    }
    o.log(last);
    const caches = countCaches(tree);
    for (const e of readdirSync(lib)) renameSync(join(lib, e), join(o.outDir, e));
    return { caches };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
