// The conda channel publisher: merges the release's conda packages into a channel directory
// (a local path, e.g. one a web server or a sync job exposes) and regenerates repodata.json of
// the subdirs it touched with packaging's own repodata packager, keeping every package the
// channel already indexes. Packages go in first and the index last, each by temp-and-rename,
// so a reader never sees an index naming a file that is not there yet.

import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pidAlive, sweepTemps, tempPathFor } from '../../common/atomic.ts';
import { condaRepodataPackager } from '../../packaging/conda.ts';
import { canonicalJson } from '../../packaging/fsutil.ts';
import { MemoryRegistry } from '../../packaging/registry.ts';
import { isSkip, type ArtifactRecord, type RecipeInfo } from '../../packaging/types.ts';
import { hashFile } from '../tasks/index.ts';
import { formatBytes } from '../progress.ts';
import { planConda } from './plan.ts';
import type { CondaAction, CondaPackage, ObservedConda, Plan, Publisher, StepSink } from './types.ts';

interface Repodata {
  packages?: Record<string, Record<string, unknown>>;
  'packages.conda'?: Record<string, Record<string, unknown>>;
}

function readRepodata(file: string): Repodata | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Repodata;
  } catch {
    return null;
  }
}

const entriesOf = (r: Repodata | null): [string, Record<string, unknown>][] => [...Object.entries(r?.packages ?? {}), ...Object.entries(r?.['packages.conda'] ?? {})];

/** A repodata entry without the fields the packager derives from the file itself. */
function indexOf(entry: Record<string, unknown>): string {
  const { md5: _m, sha256: _s, size: _z, ...index } = entry;
  return canonicalJson(index);
}

export class CondaPublisher implements Publisher<CondaAction> {
  readonly name = 'conda';

  constructor(
    readonly channel: string,
    readonly packages: CondaPackage[],
    readonly recipe: RecipeInfo,
    readonly version: string,
  ) {}

  get destination(): string {
    return `conda channel ${this.channel}`;
  }

  #swept = false;

  /** Removes the temp files and scratch dirs of killed runs (their pid is gone). */
  #sweep(): void {
    this.#swept = true;
    const dirs = existsSync(this.channel) ? [this.channel, ...readdirSync(this.channel, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => join(this.channel, d.name))] : [];
    for (const dir of dirs) {
      sweepTemps(dir);
      for (const name of readdirSync(dir)) {
        const m = /^\.repodata-(\d+)-/.exec(name);
        if (m && !pidAlive(Number(m[1]))) rmSync(join(dir, name), { recursive: true, force: true });
      }
    }
  }

  async observe(): Promise<ObservedConda> {
    const files = new Map<string, Map<string, string>>();
    const indexed = new Map<string, Set<string> | null>();
    for (const subdir of new Set(['noarch', ...this.packages.map((p) => p.subdir)])) {
      const r = readRepodata(join(this.channel, subdir, 'repodata.json'));
      indexed.set(subdir, r ? new Set(entriesOf(r).map(([fn]) => fn)) : null);
      const here = new Map<string, string>();
      for (const p of this.packages.filter((x) => x.subdir === subdir)) {
        const f = join(this.channel, subdir, p.fn);
        if (existsSync(f)) here.set(p.fn, await hashFile(f));
      }
      files.set(subdir, here);
    }
    return { files, indexed };
  }

  async plan(): Promise<Plan<CondaAction>> {
    return planConda(this.packages, await this.observe(), this.destination);
  }

  describe(a: CondaAction): string {
    return a.type === 'copy-package' ? `copy ${a.pkg.subdir}/${a.pkg.fn} (${formatBytes(a.pkg.size)})` : `regenerate ${a.subdir}/repodata.json (${a.reason})`;
  }

  label(a: CondaAction): string {
    return a.type === 'copy-package' ? `copy:${a.pkg.subdir}/${a.pkg.fn}` : `index:${a.subdir}`;
  }

  bytes(a: CondaAction): number {
    return a.type === 'copy-package' ? a.pkg.size : 0;
  }

  async apply(a: CondaAction, sink: StepSink): Promise<void> {
    if (!this.#swept) this.#sweep();
    if (a.type === 'copy-package') {
      const dir = join(this.channel, a.pkg.subdir);
      mkdirSync(dir, { recursive: true });
      const tmp = tempPathFor(join(dir, a.pkg.fn));
      copyFileSync(a.pkg.file, tmp);
      if ((await hashFile(tmp)) !== a.pkg.sha256) {
        rmSync(tmp, { force: true });
        throw new Error(`copying ${a.pkg.file} to ${dir} did not give the same bytes`);
      }
      renameSync(tmp, join(dir, a.pkg.fn));
      sink.progress(a.pkg.size, a.pkg.size);
      return;
    }
    await this.#index(a.subdir, sink);
  }

  /** The channel's records for a subdir: what its repodata.json lists (file still present), plus our packages. */
  async #records(subdir: string, sink: StepSink): Promise<ArtifactRecord[]> {
    const dir = join(this.channel, subdir);
    const out = new Map<string, ArtifactRecord>();
    const add = async (fn: string, entry: Record<string, unknown>) => {
      const path = join(dir, fn);
      out.set(fn, {
        path,
        name: `conda/${subdir}/${fn}`,
        kind: 'conda',
        target: null,
        sha256: await hashFile(path),
        size: statSync(path).size,
        extra: { subdir, format: fn.endsWith('.conda') ? '.conda' : '.tar.bz2', index: indexOf(entry) },
      });
    };
    for (const [fn, entry] of entriesOf(readRepodata(join(dir, 'repodata.json')))) {
      if (existsSync(join(dir, fn))) await add(fn, entry);
      else sink.log(`${subdir}/${fn} is listed in repodata.json but its file is gone; leaving it out`);
    }
    for (const p of this.packages.filter((x) => x.subdir === subdir)) {
      // our index entry is the one the build wrote into dist's own repodata.json
      const built = entriesOf(readRepodata(join(p.file, '..', 'repodata.json'))).find(([fn]) => fn === p.fn);
      if (!built) throw new Error(`${p.fn} is not listed in its dist repodata.json`);
      await add(p.fn, built[1]);
    }
    if (existsSync(dir)) {
      const unindexed = readdirSync(dir).filter((f) => /\.(conda|tar\.bz2)$/.test(f) && !out.has(f));
      if (unindexed.length) sink.log(`${unindexed.length} package file(s) in ${subdir} are not in its repodata.json and stay unindexed: ${unindexed.join(', ')}`);
    }
    return [...out.values()];
  }

  async #index(subdir: string, sink: StepSink): Promise<void> {
    mkdirSync(join(this.channel, subdir), { recursive: true });
    // the packager writes <distDir>/conda/<subdir>/; a scratch dir inside the channel keeps the final renames on one filesystem
    const scratch = mkdtempSync(join(this.channel, `.repodata-${process.pid}-`));
    try {
      const registry = new MemoryRegistry();
      registry.add(await this.#records(subdir, sink));
      // The packager writes every subdir it sees plus noarch, and only this subdir's files are
      // taken. An empty noarch still needs its (empty) index, but the packager runs only when
      // it sees some package: ours serve.
      if (registry.all().length === 0) for (const s of new Set(this.packages.map((p) => p.subdir))) registry.add(await this.#records(s, sink));
      const result = await condaRepodataPackager.run({
        version: this.version,
        sourceDateEpoch: 0,
        recipe: this.recipe,
        distDir: scratch,
        workDir: scratch,
        trees: [],
        registry,
        signing: { secretKeyFile: null, publicKeyFile: null, required: false },
      });
      if (isSkip(result)) throw new Error(`repodata for ${subdir}: ${result.skip}`);
      const made = result.filter((r) => r.extra?.subdir === subdir);
      for (const r of made) renameSync(r.path, join(this.channel, subdir, r.name.slice(r.name.lastIndexOf('/') + 1)));
      const n = entriesOf(readRepodata(join(this.channel, subdir, 'repodata.json'))).length;
      sink.log(`${subdir}/repodata.json lists ${n} package file(s)`);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
}
