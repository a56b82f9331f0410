// One built release per test file: `release build` with the stand-in C program for two Linux
// targets (so the OCI index is multi-arch), signed with a throwaway minisign key, no smoke
// tests. About four seconds.

import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { release, scratch, STAND_IN } from '../helpers.ts';

export interface BuiltDist {
  /** the --dist-dir root */
  root: string;
  /** <root>/<version> */
  dir: string;
  version: string;
  manifest: { name: string; version: string; artifacts: { path: string; kind: string; sha256: string; size: number }[] };
}

export async function buildDist(targets = ['linux-x86_64', 'linux-s390x']): Promise<BuiltDist> {
  const keys = scratch('minisign');
  execFileSync('minisign', ['-G', '-W', '-p', join(keys, 'k.pub'), '-s', join(keys, 'k.key')], { stdio: 'ignore' });
  const root = scratch('publish-dist');
  const r = await release(['build', ...targets.flatMap((t) => ['--target', t]), '--stand-in', STAND_IN, '--no-test', '--cache-dir', scratch('publish-cache'), '--dist-dir', root], {
    env: { PYVM_MINISIGN_SECRET_KEY_FILE: join(keys, 'k.key') },
  });
  if (r.code !== 0) throw new Error(`release build failed:\n${r.stdout}\n${r.stderr}`);
  const [version] = readdirSync(root);
  const manifest = JSON.parse(readFileSync(join(root, version, 'manifest.json'), 'utf8')) as BuiltDist['manifest'];
  return { root, dir: join(root, manifest.version), version: manifest.version, manifest };
}

/** Captures what a command prints. */
export function capture(): { out: (line: string) => void; text: () => string } {
  const lines: string[] = [];
  return { out: (l) => lines.push(l), text: () => lines.join('\n') };
}
