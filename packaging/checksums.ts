// checksums: SHA256SUMS over every artifact registered before it that is published as a
// release asset ("HASH  NAME", sorted by name), each named as its asset is (assets.ts), so
// `sha256sum -c SHA256SUMS` works in the folder a user downloads the release's assets into.

import { join } from 'node:path';
import { releaseAssetName } from './assets.ts';
import { PackagingError } from './errors.ts';
import { recordOf, writeFileAtomic } from './fsutil.ts';
import type { ReleasePackager } from './types.ts';

export const checksumsPackager: ReleasePackager = {
  kind: 'checksums',
  scope: 'release',
  tools: [],
  contentType: () => 'text/plain; charset=utf-8',
  async run(ctx) {
    const named = new Map<string, string>();
    for (const a of ctx.registry.all()) {
      const name = releaseAssetName(a.name);
      if (a.kind === 'checksums' || a.kind === 'signature' || name === null) continue;
      if (named.has(name)) throw new PackagingError('SHA256SUMS', 'asset-name-clash', `${named.get(name)} and ${a.name} would both be the release asset '${name}'`);
      named.set(name, `${a.sha256}  ${name}\n`);
    }
    const lines = [...named].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, line]) => line);
    if (lines.length === 0) return { skip: 'no artifacts to list' };
    const path = join(ctx.distDir, 'SHA256SUMS');
    await writeFileAtomic(path, lines.join(''));
    return [await recordOf(ctx.distDir, path, 'checksums', null)];
  },
};
