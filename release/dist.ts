// Applying a build (or a merge of per-target builds): copies the artifacts into
// dist/<version>/ and writes manifest.json and SHA256SUMS. Every file is written under a
// temporary name and renamed, the manifest last, so a killed run never leaves a half-written
// file under a final name.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { copyFileAtomicSync, sweepTemps, writeFileAtomicSync } from '../common/atomic.ts';
import { imageBlobNames } from '../packaging/oci.ts';
import { hashFile, listFiles } from './tasks/index.ts';
import { hashFileSync } from '../common/hash.ts';

/** One artifact in manifest.json; path is relative to dist/<version>/. */
export interface ManifestEntry {
  path: string;
  kind: string;
  /** null for release-wide artifacts (checksums, channel index, OCI index, installers) */
  target: string | null;
  sha256: string;
  size: number;
  /**
   * the packager's kind-specific facts (conda subdir and index entry, OCI digest and
   * platform, ...): what release-wide packagers select on, so `release merge` can rerun them
   * from manifests alone
   */
  extra?: Record<string, string>;
}

/** The manifest entry of a packager's record (one shape, so build and merge write the same JSON). */
export function manifestEntry(r: { name: string; kind: string; target: string | null; sha256: string; size: number; extra?: Record<string, string> }): ManifestEntry {
  return { path: r.name, kind: r.kind, target: r.target, sha256: r.sha256, size: r.size, ...(r.extra ? { extra: r.extra } : {}) };
}

export interface Manifest {
  name: string;
  version: string;
  sourceDateEpoch: number;
  artifacts: ManifestEntry[];
}

/** A file to place in dist/<version>/ and where it comes from. */
export interface DistFile {
  path: string;
  from: string;
  sha256: string;
  size: number;
}

export interface ApplyResult {
  dir: string;
  manifest: Manifest;
  /** artifact paths written (new or changed) */
  written: string[];
  /** files of an earlier build removed because this one no longer has them */
  removed: string[];
  manifestChanged: boolean;
}

/** Files an artifact needs beside itself that the manifest does not list (an OCI image's blobs). */
function supportingFiles(dir: string, a: ManifestEntry): string[] {
  if (a.kind !== 'oci-manifest') return [];
  try {
    return imageBlobNames(readFileSync(join(dir, a.path)));
  } catch {
    return [];
  }
}

/**
 * Removes what no longer belongs to the release in dir (files of an earlier build of the same
 * version that this one replaced, such as its OCI blobs), then empty folders. Temp files are
 * left to sweepTemps, which knows whether their writer still runs.
 */
function removeStale(dir: string, keep: Set<string>): string[] {
  const gone: string[] = [];
  for (const f of listFiles(dir)) {
    if (keep.has(f) || /(^|\/)\.[^/]+\.tmp-\d+-[0-9a-f]{8}$/.test(f)) continue;
    rmSync(join(dir, f), { force: true });
    gone.push(f);
  }
  const prune = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) if (e.isDirectory()) prune(join(d, e.name));
    if (d !== dir && readdirSync(d).length === 0) rmdirSync(d);
  };
  prune(dir);
  return gone;
}

/** Removes temporary files of killed builds, in dir and below. */
function sweep(dir: string): void {
  if (!existsSync(dir)) return;
  sweepTemps(dir);
  for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory()) sweep(join(dir, e.name));
}

export function readManifest(dir: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** Whether the file at path has the size and sha256 of a (synchronously: checked before the task graph runs). */
export function intactSync(path: string, a: { sha256: string; size: number }): boolean {
  try {
    return statSync(path).size === a.size && hashFileSync(path) === a.sha256;
  } catch {
    return false;
  }
}

async function intact(path: string, a: { sha256: string; size: number }): Promise<boolean> {
  try {
    return statSync(path).size === a.size && (await hashFile(path)) === a.sha256;
  } catch {
    return false;
  }
}

/**
 * Places the files (every file the packagers wrote, artifacts and supporting files such as
 * OCI blobs) and writes manifest.json listing the artifact records. With a list of built
 * targets (a build), entries of other targets already in the manifest are kept while their
 * files are intact and release-wide ones are replaced; with 'all' (a merge), the records are
 * the whole release and nothing of the old manifest is kept.
 */
export async function applyDist(
  dir: string,
  head: { name: string; version: string; sourceDateEpoch: number },
  files: DistFile[],
  records: ManifestEntry[],
  builtTargets: readonly string[] | 'all',
  /** `path\0sha256` of files this run already found intact in dir (not hashed again) */
  verified: ReadonlySet<string> = new Set(),
): Promise<ApplyResult> {
  mkdirSync(dir, { recursive: true });
  sweep(dir);
  const previous = readManifest(dir);
  const kept: ManifestEntry[] = [];
  if (builtTargets !== 'all' && previous && previous.version === head.version && previous.sourceDateEpoch === head.sourceDateEpoch)
    for (const a of previous.artifacts)
      if (a.target !== null && !builtTargets.includes(a.target) && (await intact(join(dir, a.path), a))) kept.push(a);
  const all = [...kept, ...records].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const manifest: Manifest = { ...head, artifacts: all };
  const text = JSON.stringify(manifest, null, 2) + '\n';
  const old = existsSync(join(dir, 'manifest.json')) ? readFileSync(join(dir, 'manifest.json'), 'utf8') : null;
  const manifestChanged = old !== text;
  // A build keeps the old manifest while it writes: it is what says which other targets' files
  // to keep, and its hashes expose any file replaced since. A merge has nothing to keep, so it
  // drops it first: a merge killed half-way leaves no manifest rather than an outdated one.
  if (manifestChanged && old !== null && builtTargets === 'all') rmSync(join(dir, 'manifest.json'));
  const written: string[] = [];
  for (const f of files) {
    const dest = join(dir, f.path);
    if (verified.has(`${f.path}\0${f.sha256}`) || (await intact(dest, f))) continue;
    copyFileAtomicSync(f.from, dest);
    written.push(f.path);
  }
  if (manifestChanged) {
    // the checksums packager writes SHA256SUMS when the recipe asks for it
    if (!files.some((f) => f.path === 'SHA256SUMS')) writeFileAtomicSync(join(dir, 'SHA256SUMS'), all.map((a) => `${a.sha256}  ${a.path}\n`).join(''));
    writeFileAtomicSync(join(dir, 'manifest.json'), text);
  }
  // after the manifest: a run killed before this point leaves extra files, never missing ones
  const keep = new Set(['manifest.json', 'SHA256SUMS', ...files.map((f) => f.path), ...kept.flatMap((a) => [a.path, ...supportingFiles(dir, a)])]);
  const removed = removeStale(dir, keep);
  return { dir, manifest, written, removed, manifestChanged };
}
