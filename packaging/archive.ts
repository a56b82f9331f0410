// archive: pyvm-<v>-<target>.tar.gz (Linux, macOS) or .zip (Windows), one top-level
// directory pyvm-<v>-<target>/. Format from the target table.

import { join } from 'node:path';
import { gzipDeterministic } from './formats/compress.ts';
import { tarBytes, tarEntriesFromTree } from './formats/tar.ts';
import { zipBytes, type ZipEntry } from './formats/zip.ts';
import { recordOf, writeFileAtomic } from './fsutil.ts';
import { checkStagedTree, treeName } from './stage.ts';
import { walkTree } from './tree.ts';
import { readFile } from 'node:fs/promises';
import type { StagedTree, TargetPackager } from './types.ts';
import type { Target } from '../common/targets.ts';

export function archiveFileName(version: string, t: Target): string {
  return `${treeName(version, t.name)}.${t.archive}`;
}

/** The archive bytes for one tree: a pure function of tree contents and SOURCE_DATE_EPOCH. */
export async function archiveBytes(tree: StagedTree, t: Target): Promise<Buffer> {
  const name = archiveFileName(tree.version, t);
  await checkStagedTree(tree, name);
  const entries = await walkTree(tree.dir, name);
  const prefix = `${treeName(tree.version, t.name)}/`;
  if (t.archive === 'tar.gz') {
    return gzipDeterministic(tarBytes(await tarEntriesFromTree(entries, prefix), { mtime: tree.sourceDateEpoch }));
  }
  const zentries: ZipEntry[] = [{ path: prefix, data: new Uint8Array(), mode: 0o755, method: 'store' }];
  for (const e of entries) {
    if (e.type === 'symlink') throw new Error(`${name}: zip archives cannot hold the link ${e.rel}`);
    zentries.push(
      e.type === 'dir'
        ? { path: `${prefix}${e.rel}/`, data: new Uint8Array(), mode: e.mode, method: 'store' }
        : { path: prefix + e.rel, data: await readFile(e.abs), mode: e.mode, method: 'deflate' },
    );
  }
  return zipBytes(zentries, tree.sourceDateEpoch);
}

export const archivePackager: TargetPackager = {
  kind: 'archive',
  scope: 'target',
  tools: [
    { command: 'unzip', debPackage: 'unzip', purpose: 'installing zip archives in smoke tests', use: 'smoke' },
    { command: '7z', debPackage: 'p7zip-full', purpose: 'checking zip archives', use: 'check' },
  ],
  contentType: (name) => (name.endsWith('.zip') ? 'application/zip' : 'application/gzip'),
  async install(o) {
    if (o.file.endsWith('.zip')) await o.must('unzip', ['-q', o.file, '-d', o.prefix], 'unzip');
    else await o.must('tar', ['-xzf', o.file, '-C', o.prefix], 'tar -xzf');
    return {};
  },
  async run(ctx) {
    const path = join(ctx.distDir, archiveFileName(ctx.version, ctx.target));
    await writeFileAtomic(path, await archiveBytes(ctx.tree, ctx.target));
    return [await recordOf(ctx.distDir, path, 'archive', ctx.target.name, { format: ctx.target.archive })];
  },
};
