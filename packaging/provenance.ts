// provenance: pyvm-<v>.intoto.json, an in-toto Statement v1 with a SLSA provenance v1
// predicate whose subjects are every artifact registered before it. Like every release
// packager it reads only the registry (not ctx.trees), so `release merge` can regenerate it
// from the records of per-target builds made elsewhere.

import { join } from 'node:path';
import { TARGETS } from '../common/targets.ts';
import { isoDate, recordOf, writeFileAtomic } from './fsutil.ts';
import type { ReleasePackager } from './types.ts';

export function provenanceFileName(version: string): string {
  return `pyvm-${version}.intoto.json`;
}

export const provenancePackager: ReleasePackager = {
  kind: 'provenance',
  scope: 'release',
  tools: [],
  contentType: () => 'application/vnd.in-toto+json',
  async run(ctx) {
    const subjects = ctx.registry
      .all()
      .map((a) => ({ name: a.name, digest: { sha256: a.sha256 } }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (subjects.length === 0) return { skip: 'no artifacts to attest' };
    // table order, not the order targets were named on a command line: the statement must
    // not depend on how the build was invoked (nor on which job built which target)
    const order = (name: string) => TARGETS.findIndex((t) => t.name === name);
    const targets = [...new Set(ctx.registry.all().flatMap((a) => (a.target === null ? [] : [a.target])))].sort((a, b) => order(a) - order(b));
    const statement = {
      _type: 'https://in-toto.io/Statement/v1',
      subject: subjects,
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate: {
        buildDefinition: {
          buildType: `${ctx.recipe.homepage}/release-build/v1`,
          externalParameters: {
            version: ctx.version,
            targets,
            sourceDateEpoch: ctx.sourceDateEpoch,
          },
          internalParameters: {},
          resolvedDependencies: ctx.source
            ? [{ uri: ctx.source.uri, digest: { gitCommit: ctx.source.revision } }]
            : [],
        },
        runDetails: {
          builder: { id: `${ctx.recipe.homepage}/release` },
          metadata: { startedOn: isoDate(ctx.sourceDateEpoch), finishedOn: isoDate(ctx.sourceDateEpoch) },
        },
      },
    };
    const path = join(ctx.distDir, provenanceFileName(ctx.version));
    await writeFileAtomic(path, `${JSON.stringify(statement, null, 2)}\n`);
    return [await recordOf(ctx.distDir, path, 'provenance', null)];
  },
};
