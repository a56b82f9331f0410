// Runs the release CLI the way a user does: `node bin/release.mjs ...` in a child process.
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { afterAll } from 'vitest';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HANG_MS } from '../limits.ts';

/** The working tree these tests belong to. */
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Scratch directories of this test file, removed when it ends. */
const created: string[] = [];
afterAll(() => {
  for (const d of created) rmSync(d, { recursive: true, force: true });
});

/**
 * The tests run the CLI from a snapshot of the project, so edits made to the tree while the
 * suite runs (other folders are worked on concurrently) cannot change inputs between two
 * steps of a test, and nothing is written to the tree's .cache or dist.
 */
function snapshot(): string {
  const parent = mkdtempSync(join(tmpdir(), 'release-test-project-'));
  created.push(parent);
  chmodSync(parent, 0o755); // readable by the unprivileged user of the doctor test
  const dir = join(parent, 'pyvm');
  const skip = new Set(['node_modules', '.git', '.cache', 'dist', 'out']);
  cpSync(REPO, dir, { recursive: true, filter: (src) => !skip.has(src.slice(REPO.length + 1).split('/')[0]) });
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  return dir;
}

export const ROOT = snapshot();
export const BIN = join(ROOT, 'bin', 'release.mjs');
export const STAND_IN = join(ROOT, 'tests', 'release', 'fixtures', 'pyvm-standin.c');
export const SDE = '1700000000';
/** One wine prefix for every run (creating one takes seconds and 700 MB). */
export const WINEPREFIX = join(REPO, '.cache', 'wine');

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

export function release(args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}): Promise<Result> {
  const t0 = performance.now();
  return new Promise((done) => {
    const p = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, SOURCE_DATE_EPOCH: SDE, CI: '1', RELEASE_WINEPREFIX: WINEPREFIX, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => p.kill('SIGKILL'), opts.timeoutMs ?? HANG_MS);
    p.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr, seconds: (performance.now() - t0) / 1000 });
    });
  });
}

export function scratch(name: string): string {
  const d = mkdtempSync(join(tmpdir(), `release-test-${name}-`));
  created.push(d);
  return d;
}

/** The last line of --json output of build/plan summaries. */
export function lastJson<T = Record<string, unknown>>(stdout: string): T {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}
