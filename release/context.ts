// What every build-like command (plan, build, test, verify) resolves first: project root,
// recipe, targets, cache and dist locations, SOURCE_DATE_EPOCH.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findTarget, unbuildableReason, UnknownTargetError, type Target } from '../common/targets.ts';
import { loadRecipe, type LoadedRecipe } from './recipe.ts';
import { E } from './errors.ts';
import { Store } from '../common/store.ts';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function lookupTarget(name: string): Target {
  try {
    return findTarget(name);
  } catch (e) {
    if (e instanceof UnknownTargetError) throw E.unknownTarget(e.message);
    throw e;
  }
}

/** A target we can build here: macOS ones get a clear error. */
export function buildableTarget(name: string): Target {
  const t = lookupTarget(name);
  const why = unbuildableReason(t);
  if (why) throw E.macosTarget(why);
  return t;
}

export interface CommonOptions {
  recipe?: string;
  target?: string[];
  all?: boolean;
  'cache-dir'?: string;
  'dist-dir'?: string;
  'stand-in'?: string;
}

export interface Context {
  root: string;
  loaded: LoadedRecipe;
  targets: Target[];
  /** recipe targets left out of --all because they build elsewhere */
  elsewhere: { name: string; reason: string }[];
  cacheDir: string;
  storeDir: string;
  distDir: string;
  sourceDateEpoch: number;
  standIn?: string;
  winePrefix: string;
}

export function sourceDateEpoch(root: string): number {
  const env = process.env.SOURCE_DATE_EPOCH;
  if (env !== undefined && env !== '') {
    if (!/^\d+$/.test(env)) throw E.badEpoch(env);
    return Number(env);
  }
  if (existsSync(join(root, '.git'))) {
    try {
      const out = execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (/^\d+$/.test(out)) return Number(out);
    } catch {
      /* not a repository with commits */
    }
  }
  return 315532800; // 1980-01-01, the earliest time zip can record
}

export function resolveContext(opts: CommonOptions, needTargets: boolean): Context {
  const root = PROJECT_ROOT;
  const recipeFile = resolve(opts.recipe ?? join(root, 'recipes', 'pyvm.yaml'));
  const cacheDir = resolve(opts['cache-dir'] ?? join(root, '.cache'));
  // recipes that passed their check are remembered beside the task store (not in it: its
  // stages are the graph's)
  const loaded = loadRecipe(recipeFile, root, new Store(join(cacheDir, 'recipe')));
  const elsewhere: Context['elsewhere'] = [];
  let targets: Target[] = [];
  if (opts.all) {
    for (const name of loaded.recipe.targets) {
      const t = lookupTarget(name);
      const why = unbuildableReason(t);
      if (why) elsewhere.push({ name, reason: why });
      else targets.push(t);
    }
  } else if (opts.target?.length) {
    targets = [...new Set(opts.target)].map(buildableTarget);
    for (const t of targets)
      if (!loaded.recipe.targets.includes(t.name)) throw E.targetNotInRecipe(t.name, recipeFile, loaded.recipe.targets);
  } else if (needTargets) throw E.noTargets();
  const standIn = opts['stand-in'] ? resolve(opts['stand-in']) : undefined;
  if (standIn && !existsSync(standIn)) throw E.fileMissing('stand-in C file', standIn);
  const sde = sourceDateEpoch(root);
  return {
    root,
    loaded,
    targets,
    elsewhere,
    cacheDir,
    storeDir: join(cacheDir, 'store'),
    distDir: resolve(opts['dist-dir'] ?? join(root, 'dist'), loaded.version),
    sourceDateEpoch: sde,
    standIn,
    // one wine prefix per machine user, kept in the project's .cache (its first start takes seconds)
    winePrefix: process.env.RELEASE_WINEPREFIX ?? join(root, '.cache', 'wine'),
  };
}
