// sbom: pyvm-<v>-<target>.spdx.json, an SPDX 2.3 JSON document per target describing the
// package (with the archive's SHA-256 when the archive packager registered one) and every
// file of the staged tree (SHA-1, as SPDX 2.3 requires, and SHA-256).

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isoDate, recordOf, sha256, writeFileAtomic } from './fsutil.ts';
import { checkStagedTree, treeName } from './stage.ts';
import { walkTree } from './tree.ts';
import type { TargetPackager } from './types.ts';

export function sbomFileName(version: string, target: string): string {
  return `${treeName(version, target)}.spdx.json`;
}

export const sbomPackager: TargetPackager = {
  kind: 'sbom',
  scope: 'target',
  tools: [],
  contentType: () => 'application/spdx+json',
  async run(ctx) {
    const file = sbomFileName(ctx.version, ctx.target.name);
    await checkStagedTree(ctx.tree, file);
    const r = ctx.recipe;
    const entries = (await walkTree(ctx.tree.dir, file)).filter((e) => e.type === 'file');
    const files = [];
    const sha1s: string[] = [];
    for (const [i, e] of entries.entries()) {
      const data = await readFile(e.abs);
      const sha1 = createHash('sha1').update(data).digest('hex');
      sha1s.push(sha1);
      files.push({
        SPDXID: `SPDXRef-File-${i + 1}`,
        fileName: `./${e.rel}`,
        checksums: [
          { algorithm: 'SHA1', checksumValue: sha1 },
          { algorithm: 'SHA256', checksumValue: sha256(data) },
        ],
        ...(e.rel === 'LICENSE' ? { fileTypes: ['TEXT'], licenseConcluded: r.license } : { licenseConcluded: 'NOASSERTION' }),
        ...(e.rel.startsWith('bin/') ? { fileTypes: ['BINARY'] } : {}),
        copyrightText: 'NOASSERTION',
      });
    }
    const verification = createHash('sha1').update([...sha1s].sort().join('')).digest('hex');
    const archive = ctx.registry.select({ kind: 'archive', target: ctx.target.name })[0];
    const downloadBase = r.downloadUrl.replace('{version}', ctx.version);
    const pkg = {
      SPDXID: 'SPDXRef-Package-pyvm',
      name: r.name,
      versionInfo: ctx.version,
      ...(archive ? { packageFileName: archive.name, checksums: [{ algorithm: 'SHA256', checksumValue: archive.sha256 }] } : {}),
      downloadLocation: archive ? `${downloadBase}/${archive.name}` : 'NOASSERTION',
      homepage: r.homepage,
      supplier: `Organization: ${r.vendor}`,
      filesAnalyzed: true,
      packageVerificationCode: { packageVerificationCodeValue: verification },
      licenseConcluded: r.license,
      licenseDeclared: r.license,
      copyrightText: 'NOASSERTION',
      summary: r.summary,
      primaryPackagePurpose: 'APPLICATION',
      externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: `pkg:generic/${r.name}@${ctx.version}?target=${ctx.target.name}` }],
    };
    const doc = {
      spdxVersion: 'SPDX-2.3',
      dataLicense: 'CC0-1.0',
      SPDXID: 'SPDXRef-DOCUMENT',
      name: treeName(ctx.version, ctx.target.name),
      documentNamespace: `${r.homepage}/spdx/${treeName(ctx.version, ctx.target.name)}-${verification}`,
      creationInfo: { created: isoDate(ctx.sourceDateEpoch), creators: [`Organization: ${r.vendor}`, 'Tool: pyvm-packaging'] },
      documentDescribes: ['SPDXRef-Package-pyvm'],
      packages: [pkg],
      files,
      relationships: [
        { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: 'SPDXRef-Package-pyvm' },
        ...files.map((f) => ({ spdxElementId: 'SPDXRef-Package-pyvm', relationshipType: 'CONTAINS', relatedSpdxElement: f.SPDXID })),
      ],
    };
    const path = join(ctx.distDir, file);
    await writeFileAtomic(path, `${JSON.stringify(doc, null, 2)}\n`);
    return [await recordOf(ctx.distDir, path, 'sbom', ctx.target.name)];
  },
};
