// `release publish`: reads dist/<version>/, asks each destination what it holds, plans, prints
// the plans, and (unless --dry-run) applies them: OCI registry and conda channel first, GitHub
// last, so the release turns public only after everything else is in place. Every plan is made
// before any action runs, so a refusal (immutable release, conflicting conda file) changes
// nothing anywhere.

import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../context.ts';
import { E, StepError, UserError, explain } from '../errors.ts';
import { chooseMode, createReporter, transferMeter, type Mode } from '../progress.ts';
import { loadRecipe, recipeInfo } from '../recipe.ts';
import type { PlanEntry } from '../tasks/index.ts';
import { condaPackages, desiredAssets, findDist, verifyDist } from './assets.ts';
import { CondaPublisher } from './conda.ts';
import { GithubPublisher, githubConfig } from './github.ts';
import { composeNotes, gatherNotes } from './notes.ts';
import { OciPublisher, ociCredentials, readLayout } from './oci.ts';
import { parseOciRef } from './registry.ts';
import type { DesiredRelease, Plan, Publisher, StepSink } from './types.ts';

type Out = (line: string) => void;

/** A publisher with its plan, its action type erased so the three can share one loop. */
interface Job {
  publisher: Publisher<unknown>;
  plan: Plan<unknown>;
}

async function planned<A>(p: Publisher<A>): Promise<Job> {
  try {
    return { publisher: p as Publisher<unknown>, plan: (await p.plan()) as Plan<unknown> };
  } catch (e) {
    if (e instanceof UserError || e instanceof StepError) throw e;
    throw new StepError(`${p.name}:plan`, `reading what the destination holds failed: ${explain(e as Error)}`, 'nothing was changed\n');
  }
}

interface PublishSummary {
  version: string;
  dist: string;
  dryRun: boolean;
  plans: { publisher: string; destination: string; actions: string[]; upToDate: string[]; refusal: string | null }[];
  applied: number;
  seconds: number;
}

function printPlans(jobs: Job[], out: Out): void {
  for (const { publisher: p, plan } of jobs) {
    out(`${plan.destination}:`);
    for (const a of plan.actions) out(`  ${p.describe(a)}`);
    if (plan.upToDate.length) out(`  up to date: ${plan.upToDate.length <= 3 ? plan.upToDate.join('; ') : `${plan.upToDate.length} items (${plan.upToDate.slice(0, 2).join('; ')}; …)`}`);
    if (!plan.actions.length && !plan.refusal) out('  nothing to do');
    if (plan.refusal) out(`  REFUSED: ${plan.refusal}`);
  }
}

/**
 * `root` is the project whose CHANGELOG.md, git history and recipe are read (tests point it
 * at a scratch project); `env` supplies GITHUB_* and the registry credentials.
 */
export async function publishCommand(v: Record<string, unknown>, out: Out, env: NodeJS.ProcessEnv = process.env, root = PROJECT_ROOT): Promise<number> {
  const t0 = performance.now();
  const json = Boolean(v.json);
  const dryRun = Boolean(v['dry-run']);
  const mode: Mode = chooseMode(json);
  const say = (text: string) => (json ? out(JSON.stringify({ time: new Date().toISOString(), event: 'note', message: text })) : out(text));

  // every mistake in the arguments and environment is reported before anything is read remotely
  const github = !v['no-github'];
  const ociRef = typeof v['oci-ref'] === 'string' ? parseOciRef(v['oci-ref'], Boolean(v['oci-plain-http'])) : null;
  const channel = typeof v['conda-channel'] === 'string' ? resolve(v['conda-channel']) : null;
  if (!github && !ociRef && !channel) throw E.nothingToPublishTo();
  const gh = github ? githubConfig(env) : null;
  const distRoot = resolve(typeof v['dist-dir'] === 'string' ? v['dist-dir'] : join(root, 'dist'));
  const dist = findDist(distRoot, typeof v.version === 'string' ? v.version : undefined);
  const { version, name } = dist.manifest;
  await verifyDist(dist);

  const jobs: Job[] = [];
  // The order of application: the GitHub release turns public last.
  if (ociRef) jobs.push(await planned(new OciPublisher(ociRef, readLayout(join(dist.dir, 'oci'), version, ociRef.tag), ociCredentials(ociRef, env))));
  if (channel) {
    const pkgs = condaPackages(dist);
    if (!pkgs.length) throw E.noCondaPackages(dist.dir);
    const loaded = loadRecipe(join(root, 'recipes', 'pyvm.yaml'), root);
    jobs.push(await planned(new CondaPublisher(channel, pkgs, recipeInfo(loaded.recipe), version)));
  }
  let note: (line: string) => void = say;
  if (gh) {
    const tag = `v${version}`;
    const assets = desiredAssets(dist);
    const desired: DesiredRelease = {
      tag,
      title: `${name} ${version}`,
      notes: composeNotes({ name, version, ...gatherNotes(root, version, tag), assets }),
      prerelease: version.includes('-'),
      assets,
    };
    jobs.push(await planned(new GithubPublisher(gh, desired, (line) => note(line))));
  }

  const total = jobs.reduce((n, j) => n + j.plan.actions.length, 0);
  const summary = (applied: number): PublishSummary => ({
    version,
    dist: dist.dir,
    dryRun,
    plans: jobs.map(({ publisher: p, plan }) => ({
      publisher: plan.publisher,
      destination: plan.destination,
      actions: plan.actions.map((a) => p.describe(a)),
      upToDate: plan.upToDate,
      refusal: plan.refusal,
    })),
    applied,
    seconds: Math.round((performance.now() - t0) / 100) / 10,
  });
  if (json) out(JSON.stringify({ event: 'plan', ...summary(0) }));
  else {
    out(`publish ${name} ${version} from ${dist.dir}${dryRun ? ' (dry run)' : ''}`);
    printPlans(jobs, out);
  }
  const refused = jobs.filter((j) => j.plan.refusal);
  if (refused.length) {
    const first = refused[0].plan;
    const text = `${refused.map((j) => j.plan.refusal).join('\n')}\nnothing was changed`;
    throw first.publisher === 'conda' ? E.condaConflict(text) : E.releaseImmutable(text);
  }
  if (dryRun) {
    if (json) out(JSON.stringify({ event: 'summary', ok: true, ...summary(0) }));
    else out(`dry run: ${total} action${total === 1 ? '' : 's'} planned; nothing was changed`);
    return 0;
  }
  if (total === 0) {
    if (json) out(JSON.stringify({ event: 'summary', ok: true, ...summary(0) }));
    else out(`nothing to do: ${name} ${version} is already published everywhere asked (${summary(0).seconds}s)`);
    return 0;
  }

  // one progress step per action, named publisher:label
  const steps: { job: Job; action: unknown; entry: PlanEntry }[] = [];
  const seen = new Set<string>();
  for (const job of jobs)
    for (const action of job.plan.actions) {
      let stepName = `${job.publisher.name}:${job.publisher.label(action)}`;
      for (let i = 2; seen.has(stepName); i++) stepName = `${job.publisher.name}:${job.publisher.label(action)}#${i}`;
      seen.add(stepName);
      steps.push({ job, action, entry: { name: stepName, stage: job.publisher.name, title: job.publisher.describe(action), key: '', deps: [], status: 'will-run' } });
    }
  const reporter = createReporter(mode, steps.map((s) => s.entry), (text) => out(text.endsWith('\n') ? text.slice(0, -1) : text));
  note = (line) => reporter.note(line);
  let applied = 0;
  for (const s of steps) {
    const name = s.entry.name;
    const started = performance.now();
    reporter.event({ type: 'start', name });
    const log = (line: string) => reporter.event({ type: 'log', name, line });
    const sink: StepSink = { log, progress: transferMeter(mode, log) };
    try {
      await s.job.publisher.apply(s.action, sink);
    } catch (e) {
      const seconds = Math.round(performance.now() - started) / 1000;
      reporter.event({ type: 'failed', name, seconds, error: e as Error });
      for (const r of steps.slice(steps.indexOf(s) + 1)) reporter.event({ type: 'blocked', name: r.entry.name, by: name });
      await reporter.close();
      if (e instanceof UserError || e instanceof StepError) throw e;
      throw new StepError(name, explain(e as Error), `${applied} of ${total} actions done; run 'release publish' again to resume\n`);
    }
    applied++;
    reporter.event({ type: 'done', name, seconds: Math.round(performance.now() - started) / 1000, meta: null });
  }
  await reporter.close();
  if (json) out(JSON.stringify({ event: 'summary', ok: true, ...summary(applied) }));
  else out(`published ${name} ${version}: ${applied} action${applied === 1 ? '' : 's'} on ${jobs.map((j) => j.plan.destination).join(', ')} (${summary(applied).seconds}s)`);
  return 0;
}
