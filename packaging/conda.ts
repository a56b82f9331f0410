// conda: conda/<subdir>/pyvm-<v>-<build>.conda (v2: stored zip of metadata.json,
// pkg-*.tar.zst, info-*.tar.zst) and .tar.bz2 (v1) per target, both from the same entry list.
// conda-repodata: conda/<subdir>/repodata.json (+ .zst) for every subdir built, and an empty
// conda/noarch/repodata.json, so the dist dir is a channel (`-c file://.../conda`).

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Target } from '../common/targets.ts';
import { bzip2Bytes, zstdBytes } from './formats/compress.ts';
import { tarBytes, type TarEntry } from './formats/tar.ts';
import { zipBytes } from './formats/zip.ts';
import { canonicalJson, hashFile, recordOf, sha256, writeFileAtomic } from './fsutil.ts';
import { loadCondaRecipe } from './recipe.ts';
import { checkStagedTree } from './stage.ts';
import { walkTree } from './tree.ts';
import type { ArtifactRecord, ReleasePackager, StagedTree, TargetPackager } from './types.ts';
import { checkVersion } from './version.ts';

/** conda's platform and arch fields for a target (its subdir comes from the target table). */
export function condaPlatform(t: Target): { platform: string; arch: string } {
  const platform = t.condaSubdir.split('-')[0];
  return { platform, arch: t.arch };
}

/** Where the staged tree's files go inside the conda prefix. */
function prefixPath(t: Target, rel: string): string | null {
  if (rel === 'LICENSE' || rel === 'README') return null; // LICENSE goes to info/licenses/
  return t.os === 'windows' ? `Library/${rel}` : rel;
}

export function condaFileStem(tree: StagedTree, buildString: string): string {
  return `${tree.recipe.name}-${tree.version}-${buildString}`;
}

export interface CondaPackageBytes {
  stem: string;
  index: Record<string, unknown>;
  conda: Buffer;
  tarBz2: Buffer;
}

export async function condaPackageBytes(tree: StagedTree, t: Target): Promise<CondaPackageBytes> {
  const recipe = loadCondaRecipe(tree.recipe);
  const stem = condaFileStem(tree, recipe.buildString);
  const artifact = `conda/${t.condaSubdir}/${stem}.conda`;
  checkVersion('conda', tree.version, artifact);
  await checkStagedTree(tree, artifact);
  const entries = await walkTree(tree.dir, artifact);
  const epoch = tree.sourceDateEpoch;

  const pkg: TarEntry[] = [];
  const paths: Record<string, unknown>[] = [];
  for (const e of entries) {
    const p = prefixPath(t, e.rel);
    if (!p || e.type === 'dir') continue; // conda tracks files and links, not directories
    if (e.type === 'symlink') {
      pkg.push({ path: p, type: 'symlink', mode: 0o777, linkTarget: e.linkTarget });
      paths.push({ _path: p, path_type: 'softlink', size_in_bytes: 0 });
    } else {
      const data = await readFile(e.abs);
      pkg.push({ path: p, type: 'file', mode: e.mode, data });
      paths.push({ _path: p, path_type: 'hardlink', sha256: sha256(data), size_in_bytes: data.length });
    }
  }
  pkg.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  paths.sort((a, b) => ((a._path as string) < (b._path as string) ? -1 : 1));

  const { platform, arch } = condaPlatform(t);
  const index: Record<string, unknown> = {
    arch,
    build: recipe.buildString,
    build_number: recipe.buildNumber,
    depends: [],
    license: recipe.about.license,
    ...(recipe.about.license_family ? { license_family: recipe.about.license_family } : {}),
    name: tree.recipe.name,
    platform,
    subdir: t.condaSubdir,
    timestamp: epoch * 1000,
    version: tree.version,
  };
  const about = {
    description: recipe.about.description ?? tree.recipe.description,
    ...(recipe.about.dev_url ? { dev_url: recipe.about.dev_url } : {}),
    home: recipe.about.homepage,
    license: recipe.about.license,
    summary: recipe.about.summary,
  };
  const json = (v: unknown) => Buffer.from(`${JSON.stringify(v, null, 2)}\n`);
  const licenseFile = entries.find((e) => e.rel === 'LICENSE');
  const info: TarEntry[] = [
    { path: 'info/about.json', type: 'file', mode: 0o644, data: json(about) },
    { path: 'info/files', type: 'file', mode: 0o644, data: Buffer.from(paths.map((p) => `${p._path as string}\n`).join('')) },
    { path: 'info/index.json', type: 'file', mode: 0o644, data: json(index) },
    ...(licenseFile ? [{ path: 'info/licenses/LICENSE', type: 'file' as const, mode: 0o644, data: await readFile(licenseFile.abs) }] : []),
    { path: 'info/paths.json', type: 'file', mode: 0o644, data: json({ paths, paths_version: 1 }) },
  ];
  const tarOpts = { mtime: epoch };
  const conda = zipBytes(
    [
      { path: 'metadata.json', data: Buffer.from('{"conda_pkg_format_version": 2}'), mode: 0o644, method: 'store' },
      { path: `pkg-${stem}.tar.zst`, data: zstdBytes(tarBytes(pkg, tarOpts)), mode: 0o644, method: 'store' },
      { path: `info-${stem}.tar.zst`, data: zstdBytes(tarBytes(info, tarOpts)), mode: 0o644, method: 'store' },
    ],
    epoch,
  );
  const tarBz2 = bzip2Bytes(tarBytes([...info, ...pkg], tarOpts));
  return { stem, index, conda, tarBz2 };
}

export const condaPackager: TargetPackager = {
  kind: 'conda',
  scope: 'target',
  tools: [
    { command: 'zstd', debPackage: 'zstd', purpose: 'compressing .conda payloads', use: 'build' },
    { command: 'bzip2', debPackage: 'bzip2', purpose: 'compressing .tar.bz2 packages', use: 'build' },
    { command: 'cph', debPackage: 'conda-package-handling', purpose: 'installing conda packages in smoke tests', use: 'smoke' },
  ],
  // a .conda package is a zip of zstd tarballs
  contentType: (name) => (name.endsWith('.conda') ? 'application/zip' : 'application/x-bzip2'),
  // the channel index (conda-repodata) selects on them
  facts: ['subdir', 'format', 'index'],
  async install(o) {
    await o.must('cph', ['x', o.file, '--dest', o.prefix], 'cph x');
    return {};
  },
  async run(ctx) {
    const b = await condaPackageBytes(ctx.tree, ctx.target);
    const dir = join(ctx.distDir, 'conda', ctx.target.condaSubdir);
    const out: ArtifactRecord[] = [];
    for (const [ext, bytes] of [['.conda', b.conda], ['.tar.bz2', b.tarBz2]] as const) {
      const path = join(dir, b.stem + ext);
      await writeFileAtomic(path, bytes);
      out.push(await recordOf(ctx.distDir, path, 'conda', ctx.target.name, { subdir: ctx.target.condaSubdir, format: ext, index: canonicalJson(b.index) }));
    }
    return out;
  },
};

export const condaRepodataPackager: ReleasePackager = {
  kind: 'conda-repodata',
  scope: 'release',
  tools: [{ command: 'zstd', debPackage: 'zstd', purpose: 'compressing repodata.json', use: 'build' }],
  contentType: (name) => (name.endsWith('.zst') ? 'application/zstd' : 'application/json'),
  async run(ctx) {
    const pkgs = ctx.registry.select({ kind: 'conda' });
    if (pkgs.length === 0) return { skip: 'no conda packages were built' };
    const bySubdir = new Map<string, ArtifactRecord[]>([['noarch', []]]);
    for (const p of pkgs) {
      const s = p.extra?.subdir ?? 'noarch';
      bySubdir.set(s, [...(bySubdir.get(s) ?? []), p]);
    }
    const out: ArtifactRecord[] = [];
    for (const [subdir, records] of [...bySubdir].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const packages: Record<string, unknown> = {};
      const packagesConda: Record<string, unknown> = {};
      for (const r of [...records].sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const fn = r.name.slice(r.name.lastIndexOf('/') + 1);
        const entry = { ...(JSON.parse(r.extra?.index ?? '{}') as object), md5: await hashFile(r.path, 'md5'), sha256: r.sha256, size: r.size };
        (r.extra?.format === '.conda' ? packagesConda : packages)[fn] = entry;
      }
      const repodata = { info: { subdir }, packages, 'packages.conda': packagesConda, removed: [], repodata_version: 1 };
      const text = Buffer.from(`${JSON.stringify(repodata, null, 1)}\n`);
      const path = join(ctx.distDir, 'conda', subdir, 'repodata.json');
      await writeFileAtomic(path, text);
      out.push(await recordOf(ctx.distDir, path, 'conda-repodata', null, { subdir }));
      if (subdir !== 'noarch') {
        await writeFileAtomic(`${path}.zst`, zstdBytes(text));
        out.push(await recordOf(ctx.distDir, `${path}.zst`, 'conda-repodata', null, { subdir }));
      }
    }
    return out;
  },
};
