// What a release consists of: the newest (or a chosen) dist/<version>/, checked against its
// manifest, turned into GitHub release assets (flat names, content types) and conda packages.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest, type Manifest } from '../dist.ts';
import { E } from '../errors.ts';
import { hashFile } from '../tasks/index.ts';
import type { CondaPackage, DesiredAsset } from './types.ts';
import { releaseAssetName } from '../../packaging/assets.ts';
import { packagerOf } from '../../packaging/index.ts';

/** Compares dotted versions with an optional -prerelease (1.2.0-rc1 < 1.2.0 < 1.10.0). */
export function compareVersions(a: string, b: string): number {
  const split = (v: string) => {
    const i = v.indexOf('-');
    return { nums: (i < 0 ? v : v.slice(0, i)).split('.'), pre: i < 0 ? null : v.slice(i + 1) };
  };
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < Math.max(x.nums.length, y.nums.length); i++) {
    const p = x.nums[i] ?? '0';
    const q = y.nums[i] ?? '0';
    const d = /^\d+$/.test(p) && /^\d+$/.test(q) ? Number(p) - Number(q) : p < q ? -1 : p > q ? 1 : 0;
    if (d) return Math.sign(d);
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === null) return 1;
  if (y.pre === null) return -1;
  return x.pre < y.pre ? -1 : 1;
}

export interface Dist {
  dir: string;
  manifest: Manifest;
}

/** dist/<version>/ for the given version, or the newest one holding a manifest. */
export function findDist(distRoot: string, version?: string): Dist {
  const versions = existsSync(distRoot)
    ? readdirSync(distRoot).filter((v) => existsSync(join(distRoot, v, 'manifest.json'))).sort(compareVersions)
    : [];
  if (version !== undefined) {
    if (!versions.includes(version)) throw E.distVersionMissing(version, distRoot, versions);
  } else if (versions.length === 0) throw E.noDist(distRoot);
  const chosen = version ?? versions[versions.length - 1];
  const dir = join(distRoot, chosen);
  const manifest = readManifest(dir);
  if (!manifest || !Array.isArray(manifest.artifacts)) throw E.distDamaged(dir, 'manifest.json is not a release manifest');
  if (manifest.version !== chosen) throw E.distDamaged(dir, `manifest.json is for version ${manifest.version}`);
  return { dir, manifest };
}

/** Re-hashes every artifact: what is published must be exactly what was built and tested. */
export async function verifyDist(d: Dist): Promise<void> {
  for (const a of d.manifest.artifacts) {
    const file = join(d.dir, a.path);
    if (!existsSync(file)) throw E.distDamaged(d.dir, `${a.path} is listed in manifest.json but missing`);
    if (statSync(file).size !== a.size || (await hashFile(file)) !== a.sha256)
      throw E.distDamaged(d.dir, `${a.path} does not match manifest.json (changed after the build)`);
  }
}

/** A release asset's name: flat, as SHA256SUMS names it (packaging/assets.ts); null for files published inside another. */
export const assetName = releaseAssetName;

/** The Content-Type of an asset, as the packager of its kind declares it. */
export function contentType(kind: string, name: string): string {
  return packagerOf(kind)?.contentType(name) ?? 'application/octet-stream';
}

/**
 * The manifest's artifacts as release assets. The OCI layout directory (oci/) is not: the
 * registry gets it, and the release carries it whole as pyvm-<version>-oci.tar.
 */
export function desiredAssets(d: Dist): DesiredAsset[] {
  const out: DesiredAsset[] = [];
  const seen = new Map<string, string>();
  for (const a of d.manifest.artifacts) {
    const name = assetName(a.path);
    if (name === null) continue;
    const clash = seen.get(name);
    if (clash) throw E.distDamaged(d.dir, `${clash} and ${a.path} would both be the release asset '${name}'`);
    seen.set(name, a.path);
    out.push({ name, path: a.path, file: join(d.dir, a.path), size: a.size, sha256: a.sha256, contentType: contentType(a.kind, name) });
  }
  return out.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
}

/** The conda packages of the manifest (conda/<subdir>/<fn>). */
export function condaPackages(d: Dist): CondaPackage[] {
  return d.manifest.artifacts
    .filter((a) => a.kind === 'conda')
    .map((a) => {
      const [, subdir, fn] = a.path.split('/');
      return { subdir, fn, file: join(d.dir, a.path), sha256: a.sha256, size: a.size };
    });
}
