// Shared by the translate test suites: run an RTS program untranslated and translated
// (natively or under the target's emulator) and compare what a user sees.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { translateProgram, type TranslateResult } from '../../translate/driver.ts';
import { findTarget } from '../../common/targets.ts';
import { HANG_MS } from '../limits.ts';
import { prepareWinePrefix, wineEnv as commonWineEnv } from '../../common/wine.ts';
import { acquireLock } from '../../common/lock.ts';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(HERE, '..', '..');
export const CACHE = join(ROOT, '.cache', 'test-translate');
export const PROGRAMS = join(HERE, 'programs');

export interface RunResult {
  stdout: string;
  status: number;
  /** only from runBinary */
  stderr?: string;
}

export function programs(): string[] {
  if (!existsSync(PROGRAMS)) return [];
  return readdirSync(PROGRAMS)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => join(PROGRAMS, f));
}

export const ARGS = ['alpha', 'beta'];

/** Runs `f` with a fresh folder for the program's own files (RTS_CORPUS_DIR), removed afterwards. */
function withScratch<T>(f: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'rts-corpus-'));
  try {
    return f(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The program's behaviour on Node, memoised on disk by the program's content. */
export function untranslated(file: string): RunResult {
  // the program and the rlib it runs on (every rlib file: they are Node implementations)
  const h = createHash('sha256').update(readFileSync(file));
  const rlib = join(ROOT, 'translate', 'rlib');
  for (const f of readdirSync(rlib).sort()) h.update(f).update(readFileSync(join(rlib, f)));
  // ... and the library modules programs import
  const lib = join(dirname(file), 'lib');
  if (existsSync(lib)) for (const f of readdirSync(lib).sort()) h.update(f).update(readFileSync(join(lib, f)));
  const key = h.digest('hex').slice(0, 24);
  const memo = join(ROOT, '.cache', 'test-expected', `${basename(file)}.${key}.json`);
  if (existsSync(memo)) return JSON.parse(readFileSync(memo, 'utf8')) as RunResult;
  const r = withScratch((dir) => spawnSync(process.execPath, ['--import', 'tsx', join(HERE, 'run-untranslated.mts'), file, ...ARGS], {
    cwd: ROOT,
    env: { ...process.env, RTS_CORPUS_DIR: dir },
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    timeout: HANG_MS,
  }));
  const out = { stdout: r.stdout, status: r.status ?? -1 };
  mkdirSync(dirname(memo), { recursive: true });
  const tmp = `${memo}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(out));
  renameSync(tmp, memo);
  return out;
}

/** Each entry's folder gets its own output folder: two entries named main.ts link binaries of
 * the same name, and suites running side by side must not run each other's (one did). A lock
 * per entry and target makes a second suite wanting the same binary (several suites run the
 * translated pyvm) wait for the first one's translation and reuse it, not redo it alongside. */
export async function translate(file: string, target: string): Promise<TranslateResult> {
  const id = createHash('sha256').update(dirname(file)).digest('hex').slice(0, 8);
  const folder = `${basename(dirname(file))}-${id}`;
  const lock = await acquireLock(join(ROOT, '.cache', 'test-locks', `${basename(file)}-${id}-${target}.lock`), `translate ${file} ${target}`, () => {});
  try {
    return await translateProgram({ entry: file, target, outDir: join(ROOT, '.cache', 'test-out', target, folder), cacheDir: CACHE, check: true });
  } finally {
    lock.release();
  }
}

export function wineEnv(): Record<string, string> {
  // its own prefix: other suites run wine concurrently and may stop their server
  return commonWineEnv(prepareWinePrefix(join(ROOT, '.cache', 'wine-translate')));
}

export function runBinary(bin: string, target: string, args: string[] = ARGS, env: Record<string, string> = {}): RunResult {
  const t = findTarget(target);
  const cmd = [...t.emulator, bin, ...args];
  const r = withScratch((dir) => spawnSync(cmd[0], cmd.slice(1), {
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    timeout: HANG_MS,
    env: { ...(t.os === 'windows' ? wineEnv() : process.env), RTS_CORPUS_DIR: dir, ...env },
  }));
  return { stdout: r.stdout, status: r.status ?? -1, stderr: r.stderr };
}

export function hasTool(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}
