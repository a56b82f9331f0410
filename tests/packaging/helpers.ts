// Shared by the packaging tests: build the fixture release, run tools, compare trees.

import { execFile, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildRelease, stageTree, type MemoryRegistry, type PackagerOutcome } from '../../packaging/index.ts';
import type { SigningConfig, StagedTree } from '../../packaging/types.ts';
import { EPOCH, pyvmBinary, TEST_TARGETS, VERSION } from './fixture.ts';
import { HANG_MS } from '../limits.ts';

export const REPO = join(import.meta.dirname, '../..');
export const CACHE = join(REPO, '.cache/packaging-tests');

export interface FixtureRelease {
  root: string;
  dist: string;
  trees: StagedTree[];
  registry: MemoryRegistry;
  outcomes: PackagerOutcome[];
  signing: SigningConfig;
}

/** An unencrypted minisign test key pair in `dir`. */
export function testKey(dir: string): SigningConfig {
  mkdirSync(dir, { recursive: true });
  const sk = join(dir, 'test.key');
  const pk = join(dir, 'test.pub');
  if (!existsSync(sk)) sh('minisign', ['-G', '-W', '-p', pk, '-s', sk]);
  return { secretKeyFile: sk, publicKeyFile: pk, required: true };
}

export async function stageFixtureTrees(root: string, version = VERSION, targets: readonly string[] = TEST_TARGETS): Promise<StagedTree[]> {
  const trees: StagedTree[] = [];
  for (const t of targets) {
    const bin = pyvmBinary(t, join(root, 'bin'), version);
    trees.push(await stageTree({ binary: bin, target: t, version, sourceDateEpoch: EPOCH, outDir: join(root, 'stage') }));
  }
  return trees;
}

/** Stages the three test targets under `root` and runs every packager; dist is root/dist/<version>. */
export async function buildFixtureRelease(root: string, signing?: SigningConfig, version = VERSION): Promise<FixtureRelease> {
  const trees = await stageFixtureTrees(root, version);
  const sign = signing ?? testKey(join(root, 'keys'));
  const dist = join(root, 'dist', version);
  const { registry, outcomes } = await buildRelease({ trees, distDir: dist, workDir: join(root, 'work'), signing: sign });
  return { root, dist, trees, registry, outcomes, signing: sign };
}

export function freshDir(name: string): string {
  const d = join(CACHE, `${name}-${process.pid}-${Date.now().toString(36)}`);
  mkdirSync(d, { recursive: true });
  return d;
}

export interface ShResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs a command synchronously; throws with its output unless `allowFail`. */
export function sh(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; allowFail?: boolean; input?: string } = {}): ShResult {
  const r = spawnSync(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, input: opts.input, encoding: 'utf8', maxBuffer: 256 << 20 });
  const res = { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? String(r.error ?? '') };
  if (!opts.allowFail && res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} -> ${res.status}\n${res.stdout}\n${res.stderr}`);
  return res;
}

/**
 * Like sh, but output goes through files, not pipes: wine leaves service processes
 * (winedevice.exe) holding inherited descriptors, and a pipe would keep us waiting on them.
 */
export function shFiles(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): ShResult {
  const dir = mkdtempSync(join(tmpdir(), 'pyvm-sh-'));
  const out = openSync(join(dir, 'out'), 'w');
  const err = openSync(join(dir, 'err'), 'w');
  try {
    const r = spawnSync(cmd, args, { env: { ...process.env, ...opts.env }, stdio: ['ignore', out, err], timeout: opts.timeoutMs ?? HANG_MS });
    return { status: r.status ?? -1, stdout: readFileSync(join(dir, 'out'), 'utf8'), stderr: readFileSync(join(dir, 'err'), 'utf8') + (r.error ? String(r.error) : '') };
  } finally {
    closeSync(out);
    closeSync(err);
    rmSync(dir, { recursive: true, force: true });
  }
}

export function shAsync(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ShResult> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd: opts.cwd, env: { ...process.env, ...opts.env }, maxBuffer: 256 << 20 }, (err, stdout, stderr) =>
      resolve({ status: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Every regular file under `dir`, relative, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

export function readJson<T = Record<string, unknown>>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}
