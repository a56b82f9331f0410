// Applying a build (or a merge of per-target builds): copies the artifacts into
// dist/<version>/ and writes manifest.json and SHA256SUMS. Every file is written under a
// temporary name and renamed, the manifest last, so a killed run never leaves a half-written
// file under a final name.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hashFile, pidAlive } from './tasks/index.ts';

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
  manifestChanged: boolean;
}

function writeAtomic(path: string, data: string | Buffer): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** Removes temporary files of killed builds. */
function sweep(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    const m = /\.tmp-(\d+)$/.exec(name);
    if (m && Number(m[1]) !== process.pid && !pidAlive(Number(m[1]))) rmSync(join(dir, name), { force: true });
  }
}

export function readManifest(dir: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return null;
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
    if (await intact(dest, f)) continue;
    mkdirSync(dirname(dest), { recursive: true });
    sweep(dirname(dest));
    const tmp = `${dest}.tmp-${process.pid}`;
    copyFileSync(f.from, tmp);
    renameSync(tmp, dest);
    written.push(f.path);
  }
  if (manifestChanged) {
    // the checksums packager writes SHA256SUMS when the recipe asks for it
    if (!files.some((f) => f.path === 'SHA256SUMS')) writeAtomic(join(dir, 'SHA256SUMS'), all.map((a) => `${a.sha256}  ${a.path}\n`).join(''));
    writeAtomic(join(dir, 'manifest.json'), text);
  }
  return { dir, manifest, written, manifestChanged };
}
