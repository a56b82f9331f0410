// The pure half of publishing: desired state and observed state in, a plan out. No I/O, so
// the plans are tested on in-memory fixtures and --dry-run is the same code as a real run.

import type {
  CondaAction,
  CondaPackage,
  DesiredOci,
  DesiredRelease,
  GithubAction,
  ObservedAsset,
  ObservedConda,
  ObservedGithub,
  ObservedOci,
  OciAction,
  Plan,
  DesiredAsset,
} from './types.ts';

/** Why an asset on GitHub is not the file we mean to publish, or null when it is. */
export function assetMismatch(have: ObservedAsset, want: DesiredAsset): string | null {
  if (have.state !== 'uploaded') return `incomplete upload (state '${have.state}')`;
  if (have.size !== want.size) return `size ${have.size} bytes, expected ${want.size}`;
  if (have.sha256 === null) return 'its sha256 could not be determined';
  if (have.sha256 !== want.sha256) return `sha256 ${have.sha256.slice(0, 12)}…, expected ${want.sha256.slice(0, 12)}…`;
  return null;
}

export function planGithub(desired: DesiredRelease, observed: ObservedGithub, destination: string): Plan<GithubAction> {
  const actions: GithubAction[] = [];
  const upToDate: string[] = [];
  const rel = observed.release;
  for (const d of observed.duplicates)
    actions.push({ type: 'delete-release', releaseId: d.id, reason: `a second draft for ${desired.tag} (left by an earlier run)` });
  if (!rel) actions.push({ type: 'create-release', tag: desired.tag, title: desired.title, prerelease: desired.prerelease });

  const want = new Map(desired.assets.map((a) => [a.name, a]));
  const have = new Map(observed.assets.map((a) => [a.name, a]));
  const changes: string[] = [];
  for (const a of observed.assets) {
    const d = want.get(a.name);
    const why = d ? assetMismatch(a, d) : 'not part of this release';
    if (!why) continue;
    actions.push({ type: 'delete-asset', assetId: a.id, name: a.name, reason: why });
    changes.push(`${a.name}: ${why}`);
  }
  for (const d of desired.assets) {
    const a = have.get(d.name);
    if (!a) {
      actions.push({ type: 'upload-asset', asset: d, reason: 'missing' });
      changes.push(`${d.name}: missing`);
      continue;
    }
    const why = assetMismatch(a, d);
    if (why) actions.push({ type: 'upload-asset', asset: d, reason: why });
    else upToDate.push(`${d.name} (sha256 checked ${a.digestSource === 'download' ? 'by download' : "with GitHub's digest"})`);
  }
  if (!rel || rel.draft) actions.push({ type: 'publish-release', tag: desired.tag });

  let refusal: string | null = null;
  if (rel && !rel.draft && rel.immutable && changes.length)
    refusal =
      `release ${desired.tag} is published and immutable: GitHub locks the assets of an immutable release once it is ` +
      `published, and these differ from dist/: ${changes.join('; ')}. Publish a new version instead (bump the version and rebuild)`;
  return { publisher: 'github', destination, actions: refusal ? [] : actions, upToDate, refusal };
}

export function planOci(desired: DesiredOci, observed: ObservedOci, destination: string): Plan<OciAction> {
  const actions: OciAction[] = [];
  const upToDate: string[] = [];
  const present = desired.blobs.filter((b) => observed.blobs.has(b.digest));
  for (const b of desired.blobs) if (!observed.blobs.has(b.digest)) actions.push({ type: 'upload-blob', blob: b });
  if (present.length) upToDate.push(`${present.length} of ${desired.blobs.length} blobs already in the registry`);
  const manifestsPresent = desired.manifests.filter((m) => observed.manifests.has(m.digest));
  for (const m of desired.manifests) if (!observed.manifests.has(m.digest)) actions.push({ type: 'put-manifest', manifest: m });
  if (manifestsPresent.length) upToDate.push(`${manifestsPresent.length} of ${desired.manifests.length} manifests already in the registry`);
  for (const t of desired.tags) {
    const was = observed.tags.get(t.tag) ?? null;
    if (was === t.manifest.digest) upToDate.push(`tag ${t.tag} -> ${t.manifest.digest.slice(0, 19)}…`);
    else actions.push({ type: 'tag', tag: t.tag, manifest: t.manifest, was });
  }
  return { publisher: 'oci', destination, actions, upToDate, refusal: null };
}

export function planConda(packages: CondaPackage[], observed: ObservedConda, destination: string): Plan<CondaAction> {
  const actions: CondaAction[] = [];
  const upToDate: string[] = [];
  const conflicts: string[] = [];
  const reindex = new Map<string, string>();
  for (const p of packages) {
    const existing = observed.files.get(p.subdir)?.get(p.fn);
    if (existing === undefined) {
      actions.push({ type: 'copy-package', pkg: p });
      reindex.set(p.subdir, 'new packages');
    } else if (existing !== p.sha256) {
      conflicts.push(`${p.subdir}/${p.fn} (channel has sha256 ${existing.slice(0, 12)}…, dist has ${p.sha256.slice(0, 12)}…)`);
    } else if (!observed.indexed.get(p.subdir)?.has(p.fn)) {
      if (!reindex.has(p.subdir)) reindex.set(p.subdir, `${p.fn} is not in its repodata.json`);
    } else upToDate.push(`${p.subdir}/${p.fn}`);
  }
  // conda clients read noarch/repodata.json of every channel, so a channel must have one
  if (!observed.indexed.get('noarch') && !reindex.has('noarch')) reindex.set('noarch', 'the channel has no noarch/repodata.json');
  for (const [subdir, reason] of [...reindex].sort(([a], [b]) => (a < b ? -1 : 1))) actions.push({ type: 'index-subdir', subdir, reason });
  const refusal = conflicts.length
    ? `the conda channel already holds different files under these names: ${conflicts.join(', ')}. Conda clients cache packages by ` +
      'file name, so a published package must never change; raise condaBuildNumber in the recipe and rebuild'
    : null;
  return { publisher: 'conda', destination, actions: refusal ? [] : actions, upToDate, refusal };
}
