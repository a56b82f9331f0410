// checksums: SHA256SUMS over every artifact registered before it ("HASH  NAME", sorted by
// name, names relative to dist/<version>/ so `sha256sum -c` works from there).

import { join } from 'node:path';
import { recordOf, writeFileAtomic } from './fsutil.ts';
import type { ReleasePackager } from './types.ts';

export const checksumsPackager: ReleasePackager = {
  kind: 'checksums',
  scope: 'release',
  tools: [],
  contentType: () => 'text/plain; charset=utf-8',
  async run(ctx) {
    const lines = ctx.registry
      .all()
      .filter((a) => a.kind !== 'checksums' && a.kind !== 'signature')
      .map((a) => `${a.sha256}  ${a.name}\n`)
      .sort((a, b) => (a.slice(66) < b.slice(66) ? -1 : 1));
    if (lines.length === 0) return { skip: 'no artifacts to list' };
    const path = join(ctx.distDir, 'SHA256SUMS');
    await writeFileAtomic(path, lines.join(''));
    return [await recordOf(ctx.distDir, path, 'checksums', null)];
  },
};
