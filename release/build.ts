// `release plan`, `release build` and `release test`: one plan for all three. plan prints
// it; build runs it and applies the result to dist/<version>/; test re-runs the smoke tests
// on what dist/ holds.
import { join } from 'node:path';
import { Store, plan as planGraph, runGraph, type PlanEntry, type TaskNode, type TaskResult } from './tasks/index.ts';
import { buildGraph, gatherFacts, packagersFor, smokePrograms, type BuildSpec, type Facts, type PackageMeta } from './graph.ts';
import { applyDist, intactSync, manifestEntry, readManifest, type DistFile, type ManifestEntry } from './dist.ts';
import type { EntryInfo } from '../common/store.ts';
import { chooseMode, createReporter } from './progress.ts';
import { smokeKinds, smokeTest, type SmokeReport } from './smoke.ts';
import { E, explain } from './errors.ts';
import { DiskFullError } from '../common/atomic.ts';
import { acquireLock, type Lock } from '../common/lock.ts';
import type { Context } from './context.ts';
import { lookupTarget } from './context.ts';

export interface Out {
  (line: string): void;
}

export interface Prepared {
  spec: BuildSpec;
  facts: Facts;
  nodes: TaskNode[];
  store: Store;
  plan: PlanEntry[];
  skippedKinds: { kinds: string[]; reason: string }[];
}

export async function prepare(ctx: Context, test: boolean): Promise<Prepared> {
  const spec: BuildSpec = {
    loaded: ctx.loaded,
    targets: ctx.targets,
    test,
    standIn: ctx.standIn,
    sourceDateEpoch: ctx.sourceDateEpoch,
    translateCache: join(ctx.cacheDir, 'translate'),
    winePrefix: ctx.winePrefix,
  };
  const facts = await gatherFacts(spec);
  const nodes = buildGraph(spec, facts);
  const store = new Store(ctx.storeDir);
  return { spec, facts, nodes, store, plan: planGraph(nodes, (s, k) => store.has(s, k)), skippedKinds: packagersFor(spec.loaded.recipe.artifacts, facts.packaging).skipped };
}

export async function planCommand(ctx: Context, opts: { test: boolean; json: boolean }, out: Out): Promise<number> {
  const p = await prepare(ctx, opts.test);
  if (opts.json) {
    out(JSON.stringify({ version: ctx.loaded.version, sourceDateEpoch: ctx.sourceDateEpoch, tasks: p.plan, skippedKinds: p.skippedKinds, elsewhere: ctx.elsewhere, dist: ctx.distDir }, null, 2));
    return 0;
  }
  out(`plan for ${ctx.loaded.recipe.name} ${ctx.loaded.version} (SOURCE_DATE_EPOCH=${ctx.sourceDateEpoch}), store ${ctx.storeDir}`);
  const width = Math.max(...p.plan.map((e) => e.name.length));
  for (const e of p.plan) out(`  ${e.status === 'cached' ? 'cached  ' : 'will-run'}  ${e.name.padEnd(width)}  ${e.deps.length ? `<- ${e.deps.join(', ')}` : ''}`);
  out(`  always    ${'dist'.padEnd(width)}  -> ${ctx.distDir}/ (artifacts, manifest.json, SHA256SUMS)`);
  for (const s of p.skippedKinds) out(`  skipped   ${s.kinds.join(', ')}: ${s.reason}`);
  for (const s of ctx.elsewhere) out(`  elsewhere ${s.name}: ${s.reason}`);
  const n = p.plan.filter((e) => e.status === 'will-run').length;
  out(n ? `${n} of ${p.plan.length} tasks will run` : `nothing to do: all ${p.plan.length} tasks cached`);
  return 0;
}

/** Every file the package nodes wrote, and the artifact records, for dist/. */
function distOf(p: Prepared, results: Map<string, TaskResult>): { files: DistFile[]; records: ManifestEntry[] } {
  const files = new Map<string, DistFile>();
  const records = new Map<string, ManifestEntry>();
  for (const n of p.nodes) {
    if (!n.name.startsWith('package:')) continue;
    const r = results.get(n.name)!;
    for (const f of r.files) files.set(f.path, { path: f.path, from: join(r.dir, f.path), sha256: f.sha256, size: f.size });
    for (const a of (r.meta as PackageMeta).records ?? []) records.set(a.name, manifestEntry(a));
  }
  return { files: [...files.values()], records: [...records.values()] };
}

/** The lock two builds sharing a cache (one checkout) take: the second waits, saying for whom. */
export async function lockBuild(ctx: Context): Promise<Lock> {
  const path = join(ctx.cacheDir, 'build.lock');
  return acquireLock(path, `release ${process.argv.slice(2).join(' ')}`, (h) =>
    process.stderr.write(`release: waiting for pid ${h.pid} (${h.command}, running since ${h.since}) to finish: it holds ${path}\n`),
  );
}

export async function buildCommand(ctx: Context, opts: { test: boolean; json: boolean; jobs?: number }, out: Out): Promise<number> {
  const lock = await lockBuild(ctx);
  try {
    return await build(ctx, opts, out);
  } finally {
    lock.release();
  }
}

async function build(ctx: Context, opts: { test: boolean; json: boolean; jobs?: number }, out: Out): Promise<number> {
  const t0 = performance.now();
  const p = await prepare(ctx, opts.test);
  const mode = chooseMode(opts.json);
  const reporter = createReporter(mode, p.plan);
  const toRun = p.plan.filter((e) => e.status === 'will-run').length;
  reporter.note(`build ${ctx.loaded.recipe.name} ${ctx.loaded.version} for ${ctx.targets.map((t) => t.name).join(', ')}: ${toRun} of ${p.plan.length} tasks to run`);
  for (const s of ctx.elsewhere) reporter.note(`${s.name} skipped: ${s.reason}`);
  for (const s of p.skippedKinds) reporter.note(`skipped ${s.kinds.join(', ')}: ${s.reason}`);
  // dist/ is made of the package nodes' files (the smoke nodes' reports are their sealed
  // meta): an entry is read, and so verified, only when dist/ lacks one of its files intact
  // (entries share files: the archive is in a dozen of them, each hashed once per build)
  const inDist = new Set<string>();
  const damaged = new Set<string>();
  const reads = (name: string, entry: EntryInfo): boolean => {
    if (!name.startsWith('package:')) return false;
    let all = true;
    for (const f of entry.files) {
      const k = `${f.path}\0${f.sha256}`;
      if (inDist.has(k)) continue;
      if (!damaged.has(k) && intactSync(join(ctx.distDir, f.path), f)) inDist.add(k);
      else {
        damaged.add(k);
        all = false;
      }
    }
    return !all;
  };
  const summary = await runGraph(p.nodes, { store: p.store, jobs: opts.jobs, reads, onEvent: (e) => reporter.event(e) });
  const seconds = () => Math.round((performance.now() - t0) / 100) / 10;
  if (summary.failed.length) {
    await reporter.close();
    const lines = summary.failed.map((f) => `${f.name}: ${explain(f.error)}`);
    if (opts.json) out(JSON.stringify({ event: 'summary', ok: false, failed: summary.failed.map((f) => ({ task: f.name, error: explain(f.error) })), blocked: summary.blocked, seconds: seconds() }));
    else out(`release: build failed (${summary.failed.length} failed, ${summary.blocked.length} not run):\n  ${lines.join('\n  ')}\nnothing was published: ${ctx.distDir} is as it was`);
    return 1;
  }
  const d = distOf(p, summary.results);
  let applied;
  try {
    applied = await applyDist(
      ctx.distDir,
      { name: ctx.loaded.recipe.name, version: ctx.loaded.version, sourceDateEpoch: ctx.sourceDateEpoch },
      d.files,
      d.records,
      ctx.targets.map((t) => t.name),
      inDist,
    );
  } catch (e) {
    await reporter.close();
    if (e instanceof DiskFullError) throw E.diskFull(`${e.message}; nothing was published: ${join(ctx.distDir, 'manifest.json')} was not updated (the build's results stay in the cache; free space and run the build again)`);
    throw e;
  }
  await reporter.close();
  const nothing = summary.ran.length === 0 && applied.written.length === 0 && applied.removed.length === 0 && !applied.manifestChanged;
  const smoke: Record<string, unknown> = {};
  for (const n of p.nodes)
    if (n.name.startsWith('smoke:')) {
      const meta = summary.results.get(n.name)?.meta as { reports?: SmokeReport[]; skip?: string } | undefined;
      smoke[n.name] = meta?.skip ? { skip: meta.skip } : (meta?.reports ?? []).map((r) => ({ artifact: r.artifact, passed: r.results.filter((x) => x.ok).length, programs: r.results.length }));
    }
  if (opts.json) {
    out(
      JSON.stringify({
        event: 'summary',
        ok: true,
        nothingChanged: nothing,
        ran: summary.ran,
        cached: summary.cached,
        dist: applied.dir,
        manifest: applied.manifest,
        written: applied.written,
        smoke,
        seconds: seconds(),
      }),
    );
    return 0;
  }
  for (const a of applied.manifest.artifacts) out(`  ${a.path}  ${a.kind}${a.target ? ` ${a.target}` : ''}  ${a.size} bytes  sha256:${a.sha256.slice(0, 16)}`);
  for (const [name, s] of Object.entries(smoke)) out(`  ${name}: ${Array.isArray(s) ? s.map((x) => `${(x as { artifact: string }).artifact} ${(x as { passed: number }).passed}/${(x as { programs: number }).programs} programs passed`).join(', ') : `skipped (${(s as { skip: string }).skip})`}`);
  if (nothing) out(`nothing changed: all ${summary.cached.length} tasks cached, ${applied.dir} up to date (${seconds()}s)`);
  else out(`built ${summary.ran.length} tasks (${summary.cached.length} cached), wrote ${applied.written.length} artifacts to ${applied.dir}${applied.removed.length ? `, removed ${applied.removed.length} files of the previous build` : ''} (${seconds()}s)`);
  return 0;
}

export async function testCommand(ctx: Context, opts: { json: boolean }, out: Out): Promise<number> {
  const manifest = readManifest(ctx.distDir);
  if (!manifest) throw E.noManifest(join(ctx.distDir, 'manifest.json'));
  const inManifest = [...new Set(manifest.artifacts.map((a) => a.target).filter((t): t is string => t !== null))];
  const targets = ctx.targets.length ? ctx.targets.map((t) => t.name).filter((t) => inManifest.includes(t)) : inManifest;
  const related = manifest.artifacts.map((a) => ({ r: { ...a, name: a.path }, file: join(ctx.distDir, a.path) }));
  const smokeable = new Set(smokeKinds());
  const reports: (SmokeReport | { target: string; kind: string; artifact: string; error: string })[] = [];
  let failed = 0;
  for (const tname of targets) {
    const t = lookupTarget(tname);
    for (const a of manifest.artifacts) {
      if (!(a.target === tname || a.target === null) || !smokeable.has(a.kind)) continue;
      try {
        const r = await smokeTest({
          target: t,
          artifact: { ...a, name: a.path },
          file: join(ctx.distDir, a.path),
          related,
          version: manifest.version,
          programs: smokePrograms(ctx.loaded.recipe, ctx.standIn),
          winePrefix: ctx.winePrefix,
          log: opts.json ? () => {} : (line) => out(`  ${tname} ${a.kind}: ${line}`),
        });
        if (!r) continue;
        reports.push(r);
        const bad = r.results.filter((x) => !x.ok).length;
        failed += bad;
        if (!opts.json) out(`${bad ? 'FAIL' : 'ok  '} ${tname} ${a.kind} ${a.path}: ${r.results.length - bad}/${r.results.length} programs passed (installed as ${r.installedAs})`);
      } catch (e) {
        failed++;
        reports.push({ target: tname, kind: a.kind, artifact: a.path, error: (e as Error).message });
        if (!opts.json) out(`FAIL ${tname} ${a.kind} ${a.path}: ${(e as Error).message}`);
      }
    }
  }
  if (opts.json) out(JSON.stringify({ ok: failed === 0, reports }, null, 2));
  else out(failed ? `release test: ${failed} failures` : `release test: ${reports.length} artifact installs passed on ${targets.join(', ')}`);
  return failed ? 1 : 0;
}
