// The packager registry: one list, in the order builds run. A new artifact kind is one
// module (its packager declares everything about the kind: tools, smoke install, content
// type, merge facts) plus one line here and its name in ArtifactKind. Per-target packagers run for every staged tree before the next
// entry of the list; release packagers run once and see everything registered before them.
// `buildRelease` is the plain sequential driver (tests, `release build` without its task
// graph); the orchestrator may run the same list through its own runner instead.

import { mkdir } from 'node:fs/promises';
import { findTarget } from '../common/targets.ts';
import { archivePackager } from './archive.ts';
import { checksumsPackager } from './checksums.ts';
import { condaPackager, condaRepodataPackager } from './conda.ts';
import { debPackager } from './deb.ts';
import { installerScriptsPackager } from './installers.ts';
import { msiPackager } from './msi.ts';
import { nsisPackager } from './nsis.ts';
import { ociImagePackager, ociLayoutPackager } from './oci.ts';
import { provenancePackager } from './provenance.ts';
import { rpmPackager } from './rpm.ts';
import { sbomPackager } from './sbom.ts';
import { signaturePackager } from './signature.ts';
import {
  isSkip,
  type ArtifactKind,
  type ArtifactRecord,
  type ArtifactRegistry,
  type Packager,
  type RecipeInfo,
  type ReleaseContext,
  type SigningConfig,
  type StagedTree,
} from './types.ts';

export * from './types.ts';
export { stageTree } from './stage.ts';
export { PackagingError } from './errors.ts';

export const PACKAGERS: readonly Packager[] = [
  archivePackager,
  installerScriptsPackager,
  nsisPackager,
  msiPackager,
  condaPackager,
  condaRepodataPackager,
  ociImagePackager,
  ociLayoutPackager,
  debPackager,
  rpmPackager,
  sbomPackager,
  provenancePackager,
  checksumsPackager,
  signaturePackager,
];

/** The packager of a kind (its name), or undefined for a kind no packager makes. */
export function packagerOf(kind: string): Packager | undefined {
  return PACKAGERS.find((p) => p.kind === kind);
}

export { MemoryRegistry } from './registry.ts';
import { MemoryRegistry } from './registry.ts';

/** One packager run's outcome, for the runner to report. */
export interface PackagerOutcome {
  packager: string;
  target: string | null;
  result: ArtifactRecord[] | { skip: string };
  ms: number;
}

export interface BuildOptions {
  trees: readonly StagedTree[];
  distDir: string;
  workDir: string;
  signing?: SigningConfig;
  recipe?: RecipeInfo;
  source?: { uri: string; revision: string };
  packagers?: readonly Packager[];
  onOutcome?: (o: PackagerOutcome) => void;
}

export async function buildRelease(o: BuildOptions): Promise<{ registry: MemoryRegistry; outcomes: PackagerOutcome[] }> {
  if (o.trees.length === 0) throw new Error('buildRelease: no staged trees');
  const first = o.trees[0];
  for (const t of o.trees)
    if (t.version !== first.version || t.sourceDateEpoch !== first.sourceDateEpoch)
      throw new Error(`buildRelease: tree ${t.dir} has version/SOURCE_DATE_EPOCH ${t.version}/${t.sourceDateEpoch}, not ${first.version}/${first.sourceDateEpoch}`);
  await mkdir(o.distDir, { recursive: true });
  await mkdir(o.workDir, { recursive: true });
  const registry = new MemoryRegistry();
  const ctx: ReleaseContext = {
    version: first.version,
    sourceDateEpoch: first.sourceDateEpoch,
    recipe: o.recipe ?? first.recipe,
    distDir: o.distDir,
    workDir: o.workDir,
    trees: o.trees,
    registry,
    signing: o.signing ?? { secretKeyFile: null, publicKeyFile: null, required: false },
    ...(o.source ? { source: o.source } : {}),
  };
  const outcomes: PackagerOutcome[] = [];
  const note = (packager: string, target: string | null, result: ArtifactRecord[] | { skip: string }, start: number) => {
    if (!isSkip(result)) registry.add(result);
    const out = { packager, target, result, ms: Date.now() - start };
    outcomes.push(out);
    o.onOutcome?.(out);
  };
  for (const p of o.packagers ?? PACKAGERS) {
    if (p.scope === 'target') {
      for (const tree of o.trees) {
        const start = Date.now();
        note(p.kind, tree.target, await p.run({ ...ctx, tree, target: findTarget(tree.target) }), start);
      }
    } else {
      const start = Date.now();
      note(p.kind, null, await p.run(ctx), start);
    }
  }
  return { registry, outcomes };
}
