// CPython's pure-Python standard library for every artifact, as PyPy ships lib-python/: taken
// from Debian's packages pinned in the recipe (`stdlib:`), each fetched once with
// `apt-get download` and checked against its sha256 (the fetch node's output is kept in the
// release store, so a rebuild needs no network), then unpacked and filtered into
// lib-python/3.11/ (the stage nodes copy it under lib/pyvm/).
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, lstatSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { makeTempDir } from '../common/tmpdirs.ts';
import { StepError } from './errors.ts';

/** One pinned Debian package of the recipe's `stdlib.packages`. */
export interface StdlibPin {
  name: string;
  version: string;
  arch: string;
  sha256: string;
}

/** Where the library is inside the packages, and where it goes in the staged tree (under lib/pyvm/). */
export const DEB_LIB_DIR = 'usr/lib/python3.11';
export const LIB_PYTHON_REL = 'lib-python/3.11';

/** Top-level parts of the library pyvm cannot use: CPython's tests, Tk GUIs, pip's bundled
 * wheels, the build configuration of Debian's own CPython (machine-specific). */
const EXCLUDED_TOP = new Set([
  'test', 'idlelib', 'tkinter', 'turtledemo', 'ensurepip', 'lib-dynload', 'config-3.11-x86_64-linux-gnu',
  'site-packages', 'dist-packages', '__pycache__', 'turtle.py',
]);

function run(cmd: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' }, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')}: ${(stderr || err.message).trim().slice(0, 2000)}`));
      else resolve(stdout);
    });
  });
}

export function debFileName(p: StdlibPin): string {
  return `${p.name}_${p.version.replace(/^\d+:/, '')}_${p.arch}.deb`;
}

/** How to update a pin, for the errors that need it. */
function howToUpdate(p: StdlibPin): string {
  return (
    `update the pin in recipes/pyvm.yaml (stdlib.packages, ${p.name}): \`apt-cache policy ${p.name}\` lists the versions served, ` +
    `\`apt-get download ${p.name}:${p.arch}=VERSION && sha256sum ${p.name}_*.deb\` gives the new version and sha256`
  );
}

/** Downloads the pinned .deb into outDir and checks its sha256. */
export async function fetchPin(p: StdlibPin, outDir: string, log: (l: string) => void): Promise<void> {
  const step = `fetch:${p.name}`;
  const work = makeTempDir('release-apt-');
  try {
    log(`apt-get download ${p.name}:${p.arch}=${p.version}`);
    try {
      await run('apt-get', ['download', `${p.name}:${p.arch}=${p.version}`], work);
    } catch (e) {
      throw new StepError(step, `Debian package ${p.name} ${p.version} (${p.arch}) could not be downloaded (${(e as Error).message.split('\n').pop()}); if that version is no longer served, ${howToUpdate(p)}`);
    }
    const files = readdirSync(work).filter((f) => f.endsWith('.deb'));
    if (files.length !== 1) throw new StepError(step, `apt-get download ${p.name} left ${files.length} .deb files in ${work}, expected 1`);
    const got = createHash('sha256').update(readFileSync(join(work, files[0]))).digest('hex');
    if (got !== p.sha256)
      throw new StepError(step, `Debian package ${p.name} ${p.version} has sha256 ${got}, the recipe pins ${p.sha256}; if the archive changed on purpose, ${howToUpdate(p)}`);
    copyFileSync(join(work, files[0]), join(outDir, debFileName(p)));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Whether a file of the library (its path relative to python3.11/, with '/') is staged. */
export function keepLibFile(rel: string): boolean {
  const parts = rel.split('/');
  if (EXCLUDED_TOP.has(parts[0])) return false;
  if (parts.length === 1 && parts[0].startsWith('_sysconfigdata')) return false;
  // the test packages inside other packages (lib2to3/tests, ...)
  if (parts.slice(0, -1).some((d) => d === 'tests' || d === 'test' || d === '__pycache__' || d === 'idle_test')) return false;
  return rel.endsWith('.py') || rel === 'LICENSE.txt';
}

/** Unpacks the fetched packages and copies the library's staged files into outDir/lib-python/3.11/;
 * returns how many. Only regular files are taken (Debian links sitecustomize.py into /etc). */
export async function extractStdlib(debs: string[], outDir: string): Promise<number> {
  const work = makeTempDir('release-stdlib-');
  try {
    for (const d of debs) await run('dpkg-deb', ['-x', d, work], work);
    const root = join(work, DEB_LIB_DIR);
    const dest = join(outDir, LIB_PYTHON_REL);
    let n = 0;
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir).sort()) {
        const p = join(dir, name);
        const st = lstatSync(p);
        const rel = relative(root, p).split(sep).join('/');
        if (st.isDirectory()) {
          if (!EXCLUDED_TOP.has(rel)) walk(p);
        } else if (st.isFile() && keepLibFile(rel)) {
          mkdirSync(join(dest, ...rel.split('/').slice(0, -1)), { recursive: true });
          copyFileSync(p, join(dest, rel));
          n++;
        }
      }
    };
    walk(root);
    if (n === 0) throw new StepError('stdlib', `the pinned packages hold no ${DEB_LIB_DIR}/*.py files`);
    return n;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
