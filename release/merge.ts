// `release merge`: combines the dist/ directories of per-target builds (one CI job per
// target, as GoReleaser's split/merge mode or cargo-dist's global-artifacts job) into one
// complete dist/<version>/. Per-target artifacts are checked against their manifests and
// copied as they are; release-wide ones (manifest, checksums, signature, conda channel index,
// OCI image index and archive, provenance, installers) are regenerated from the union by
// the packagers the build runs, through the same runPackager and applyDist, so the result is
// byte-identical to building every target in one run.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, chmodSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { makeTempDir } from '../common/tmpdirs.ts';
import { packagerOf } from '../packaging/index.ts';
import { PROJECT_ROOT } from './context.ts';
import { applyDist, manifestEntry, readManifest, type DistFile, type Manifest, type ManifestEntry } from './dist.ts';
import { E, StepError, explain } from './errors.ts';
import { packagersFor, runPackager } from './graph.ts';
import { loadPackagers, Registry, type ArtifactKind, type ArtifactRecord } from './packagers.ts';
import { compareVersions } from './publish/assets.ts';
import { loadRecipe, type LoadedRecipe } from './recipe.ts';
import { canonicalJson, hashFile, listFiles } from './tasks/index.ts';
import { TARGETS } from '../common/targets.ts';

type Out = (line: string) => void;

export interface MergeOptions {
  inputs: string[];
  /** the dist root; the release lands in <out>/<version>/ */
  out: string;
  version?: string;
  recipe?: string;
  json: boolean;
}

/** One input: a dist/ root and the release in it. */
interface Input {
  root: string;
  dir: string;
  manifest: Manifest;
}

/** A per-target file of the merged release, and the input it is taken from. */
interface Piece {
  path: string;
  sha256: string;
  size: number;
  from: string;
  input: string;
  /** the manifest entry; absent for files an artifact brings along (OCI config and layer blobs) */
  entry?: ManifestEntry;
}

function openInput(arg: string, version: string | undefined): Input {
  const root = resolve(arg);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw E.mergeInputMissing(arg);
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'manifest.json')))
    .sort(compareVersions);
  if (version !== undefined ? !versions.includes(version) : versions.length === 0) throw E.mergeNoRelease(arg, version, versions);
  if (version === undefined && versions.length > 1) throw E.mergeSeveralVersions(arg, versions);
  const dir = join(root, version ?? versions[0]);
  const manifest = readManifest(dir);
  const ok =
    manifest !== null &&
    typeof manifest.name === 'string' &&
    typeof manifest.version === 'string' &&
    typeof manifest.sourceDateEpoch === 'number' &&
    Array.isArray(manifest.artifacts) &&
    manifest.artifacts.every((a) => typeof a.path === 'string' && typeof a.kind === 'string' && typeof a.sha256 === 'string' && typeof a.size === 'number');
  if (!ok) throw E.mergeDamaged(dir, 'manifest.json', 'is not a release manifest');
  if (manifest.version !== basename(dir)) throw E.mergeDamaged(dir, 'manifest.json', `is for version ${manifest.version}`);
  return { root, dir, manifest };
}

/** All inputs must be builds of one release. */
function agree(inputs: Input[]): { name: string; version: string; sourceDateEpoch: number } {
  for (const field of ['name', 'version', 'sourceDateEpoch'] as const) {
    const values = inputs.map((i): [string, string] => [i.dir, String(i.manifest[field])]);
    if (new Set(values.map(([, v]) => v)).size > 1) throw E.mergeMismatch(field, values);
  }
  const { name, version, sourceDateEpoch } = inputs[0].manifest;
  return { name, version, sourceDateEpoch };
}

async function check(dir: string, path: string, sha256: string, size: number | null): Promise<void> {
  const file = join(dir, path);
  if (!existsSync(file)) throw E.mergeDamaged(dir, path, 'is listed in manifest.json but missing');
  if (size !== null && statSync(file).size !== size) throw E.mergeDamaged(dir, path, `has ${statSync(file).size} bytes, manifest.json says ${size}`);
  const actual = await hashFile(file);
  if (actual !== sha256) throw E.mergeDamaged(dir, path, `has sha256 ${actual}, ${size === null ? 'its name says' : 'manifest.json says'} ${sha256}`);
}


/** An entry as compared between inputs: everything but where it lies. */
const identity = (e: ManifestEntry) => canonicalJson(manifestEntry({ ...e, name: e.path }));

/**
 * The per-target files of every input, verified. The same target in several inputs must have
 * been built identically; two inputs must never give one path different contents.
 */
async function collect(inputs: Input[]): Promise<Map<string, Piece>> {
  const pieces = new Map<string, Piece>();
  const firstBuilt = new Map<string, Input>();
  const add = (p: Piece) => {
    const had = pieces.get(p.path);
    if (had && (had.sha256 !== p.sha256 || (had.entry && p.entry && identity(had.entry) !== identity(p.entry))))
      throw E.mergeConflict(
        p.path,
        [had.input, had.entry ? `${had.entry.target} ${had.entry.kind} sha256 ${had.sha256}` : `sha256 ${had.sha256}`],
        [p.input, p.entry ? `${p.entry.target} ${p.entry.kind} sha256 ${p.sha256}` : `sha256 ${p.sha256}`],
      );
    // a blob that one input lists (as an image manifest) and another only refers to keeps its listing
    if (!had || (!had.entry && p.entry)) pieces.set(p.path, p);
  };
  for (const input of inputs) {
    const own = input.manifest.artifacts.filter((a) => a.target !== null);
    for (const a of own) {
      await check(input.dir, a.path, a.sha256, a.size);
      // the facts release packagers select per-target records on (the conda channel index, the
      // OCI image index): without them a merge would index a package wrongly rather than fail
      const p = packagerOf(a.kind);
      const lacking = (p?.facts ?? []).filter((k) => typeof a.extra?.[k] !== 'string');
      if (lacking.length) throw E.mergeDamaged(input.dir, a.path, `has no ${lacking.join(', ')} in manifest.json (written before manifests recorded packager facts?)`);
      add({ path: a.path, sha256: a.sha256, size: a.size, from: join(input.dir, a.path), input: input.dir, entry: a });
      if (!p?.bringsAlong) continue;
      let blobs: string[];
      try {
        blobs = p.bringsAlong(join(input.dir, a.path));
      } catch (e) {
        throw E.mergeDamaged(input.dir, a.path, `is not a ${a.kind} artifact (${(e as Error).message})`);
      }
      for (const b of blobs) {
        const sha256 = basename(b);
        await check(input.dir, b, sha256, null);
        add({ path: b, sha256, size: statSync(join(input.dir, b)).size, from: join(input.dir, b), input: input.dir });
      }
    }
    for (const t of new Set(own.map((a) => a.target!))) {
      const earlier = firstBuilt.get(t);
      if (!earlier) {
        firstBuilt.set(t, input);
        continue;
      }
      const mine = new Map(own.filter((a) => a.target === t).map((a) => [a.path, a]));
      const theirs = new Map(earlier.manifest.artifacts.filter((a) => a.target === t).map((a) => [a.path, a]));
      const missing = [...theirs.keys()].find((p) => !mine.has(p)) ?? [...mine.keys()].find((p) => !theirs.has(p));
      if (missing !== undefined) throw E.mergeTargetDiffers(t, earlier.dir, input.dir, `${missing} is in only one of them`);
    }
  }
  return pieces;
}

/**
 * Puts a verified input file into the staging tree. Artifact transfers (actions/upload-artifact)
 * do not keep file modes, and the OCI archive records the executable bit of every blob, so a
 * file that arrives executable is copied and made 0644 like every file a build writes; the
 * rest are hard-linked (packagers replace files by rename, never in place).
 */
function place(from: string, to: string): void {
  mkdirSync(dirname(to), { recursive: true });
  if ((statSync(from).mode & 0o111) === 0) {
    try {
      return linkSync(from, to);
    } catch {
      /* another filesystem: copy */
    }
  }
  copyFileSync(from, to);
  chmodSync(to, 0o644);
}

export interface MergeResult {
  dir: string;
  manifest: Manifest;
  targets: string[];
  written: string[];
  manifestChanged: boolean;
  regenerated: { packager: string; artifacts: number; skip?: string }[];
}

/** The merge itself; `mergeCommand` adds the printing. */
export async function merge(opts: Omit<MergeOptions, 'json'>, log: Out = () => {}): Promise<MergeResult> {
  if (opts.inputs.length === 0) throw E.mergeNoInputs();
  const inputs = opts.inputs.map((i) => openInput(i, opts.version));
  const head = agree(inputs);
  const loaded: LoadedRecipe = loadRecipe(resolve(opts.recipe ?? join(PROJECT_ROOT, 'recipes', 'pyvm.yaml')), PROJECT_ROOT);
  if (loaded.recipe.name !== head.name) throw E.mergeRecipeMismatch(`they are builds of ${head.name}, ${loaded.file} describes ${loaded.recipe.name}`);
  if (loaded.version !== head.version) throw E.mergeRecipeMismatch(`they are version ${head.version}, ${loaded.file} gives version ${loaded.version}`);

  const packaging = await loadPackagers(PROJECT_ROOT);
  const { chosen } = packagersFor(loaded.recipe.artifacts, packaging);
  const perTargetKinds = new Set(chosen.filter((p) => p.scope === 'target').map((p) => p.kind as string));
  for (const i of inputs)
    for (const a of i.manifest.artifacts)
      if (a.target !== null && !perTargetKinds.has(a.kind))
        throw E.mergeRecipeMismatch(`${i.dir} has ${a.path} (${a.kind} for ${a.target}), which ${loaded.file} does not build per target`);

  const pieces = await collect(inputs);
  const entries = [...pieces.values()].flatMap((p) => (p.entry ? [p.entry] : []));
  const order = (t: string) => TARGETS.findIndex((x) => x.name === t);
  const targets = [...new Set(entries.map((e) => e.target!))].sort((a, b) => order(a) - order(b));
  const stage = makeTempDir('release-merge-');
  try {
    const distDir = join(stage, 'dist');
    for (const p of pieces.values()) place(p.from, join(distDir, p.path));
    const record = (e: ManifestEntry): ArtifactRecord => ({
      path: join(distDir, e.path),
      name: e.path,
      kind: e.kind as ArtifactKind,
      target: e.target,
      sha256: e.sha256,
      size: e.size,
      ...(e.extra ? { extra: e.extra } : {}),
    });
    const perTarget = entries.map(record);
    // Each release packager sees what it sees in a build (graph.ts): the records of every
    // packager before it in the list, per-target ones of all targets and release-wide ones.
    const releaseWide: ArtifactRecord[] = [];
    const regenerated: MergeResult['regenerated'] = [];
    for (const [i, p] of chosen.entries()) {
      if (p.scope !== 'release') continue;
      const before = new Set(chosen.slice(0, i).map((q) => q.kind as string));
      const registry = new Registry();
      registry.add(releaseWide);
      registry.add(perTarget.filter((r) => before.has(r.kind)));
      let meta;
      try {
        // release packagers meet per-target output only through the registry: no staged trees here
        meta = await runPackager(p, { loaded, sourceDateEpoch: head.sourceDateEpoch, distDir, trees: [], registry });
      } catch (e) {
        throw new StepError(`package:${p.kind}`, explain(e as Error));
      }
      if (meta.skip !== undefined) {
        regenerated.push({ packager: p.kind, artifacts: 0, skip: meta.skip });
        log(`package:${p.kind}: skipped (${meta.skip})`);
        continue;
      }
      for (const r of meta.records ?? []) {
        const clash = pieces.get(r.name);
        if (clash) throw E.mergeDamaged(clash.input, r.name, `is listed as a per-target file, but it is the release-wide output of the ${p.kind} packager`);
        releaseWide.push({ ...r, path: join(distDir, r.name) });
      }
      regenerated.push({ packager: p.kind, artifacts: meta.records?.length ?? 0 });
      log(`package:${p.kind}: ${(meta.records ?? []).map((r) => r.name).join(', ')}`);
    }

    const files: DistFile[] = [];
    for (const f of listFiles(distDir)) {
      const piece = pieces.get(f);
      const from = join(distDir, f);
      files.push(piece ? { path: f, from, sha256: piece.sha256, size: piece.size } : { path: f, from, sha256: await hashFile(from), size: statSync(from).size });
    }
    const records = [...entries.map((e) => manifestEntry({ ...e, name: e.path })), ...releaseWide.map(manifestEntry)];
    const applied = await applyDist(join(resolve(opts.out), head.version), head, files, records, 'all');
    return { dir: applied.dir, manifest: applied.manifest, targets, written: applied.written, manifestChanged: applied.manifestChanged, regenerated };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

export async function mergeCommand(opts: MergeOptions, out: Out): Promise<number> {
  const t0 = performance.now();
  const r = await merge(opts, opts.json ? () => {} : out);
  const seconds = Math.round((performance.now() - t0) / 100) / 10;
  const nothing = r.written.length === 0 && !r.manifestChanged;
  if (opts.json) {
    out(JSON.stringify({ event: 'summary', ok: true, nothingChanged: nothing, dist: r.dir, inputs: opts.inputs, targets: r.targets, regenerated: r.regenerated, written: r.written, manifest: r.manifest, seconds }));
    return 0;
  }
  const n = r.manifest.artifacts.length;
  if (nothing) out(`nothing changed: ${r.dir} already holds the merge of ${r.targets.join(', ')} (${n} artifacts, ${seconds}s)`);
  else out(`merged ${opts.inputs.length} builds (${r.targets.join(', ')}) into ${r.dir}: ${n} artifacts, wrote ${r.written.length} files (${seconds}s)`);
  return 0;
}
