// The package step calls packaging/'s registry list (packaging/index.ts PACKAGERS, typed by
// packaging/types.ts). Packagers meet only through the artifact registry; release/ owns the
// order (the list's) and turns each packager run into a task node.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ArtifactKind, ArtifactRecord, ArtifactRegistry, Packager, StagedTree } from '../packaging/types.ts';
import { hashTree } from './tasks/index.ts';
import { PACKAGERS, stageTree } from '../packaging/index.ts';

export type { ArtifactKind, ArtifactRecord, ArtifactRegistry, Packager, StagedTree };

export interface PackagerSet {
  packagers: readonly Packager[];
  /** stageTree from packaging/stage.ts: the one place that knows the tree layout */
  stageTree: (o: {
    binary: string;
    target: string;
    version: string;
    sourceDateEpoch: number;
    outDir: string;
    recipe?: StagedTree['recipe'];
    /** becomes lib/pyvm/ (the standard library) */
    libDir?: string;
  }) => Promise<StagedTree>;
  /** hash of the packaging code, part of every stage and package node's inputs */
  identity: string;
  source: string;
}

/** A record as stored in task meta: `path` is dropped (it pointed into a temp dir). */
export type StoredRecord = Omit<ArtifactRecord, 'path'>;

/** The registry a packager run sees: the records of the runs it depends on (packaging's own). */
export { MemoryRegistry as Registry } from '../packaging/registry.ts';

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)).split(sep).join('/'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

/** The packager list and the identity of the packaging code (under root/packaging) that builds with it. */
export async function loadPackagers(root: string): Promise<PackagerSet> {
  const dir = join(root, 'packaging');
  const code = filesUnder(dir).filter((f) => !f.includes('node_modules'));
  return { packagers: PACKAGERS, stageTree, identity: await hashTree(dir, code), source: 'packaging/index.ts' };
}
