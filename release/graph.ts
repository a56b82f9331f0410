// The release task graph: per target, translate (or compile a stand-in) -> stage the
// distribution tree -> package (one node per packager of packaging/index.ts, in its order)
// -> smoke test per artifact kind. Facts that need the filesystem or other programs (source
// hashes, compiler and emulator identities, packagers) are gathered first; building the
// graph from them is pure.
import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, rmSync, constants as fsc } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { Target } from '../common/targets.ts';
import { cFlags, type CompileSettings } from '../translate/cflags.ts';
import { recipeInfo, type LoadedRecipe } from './recipe.ts';
import { E, StepError } from './errors.ts';
import { hashFile, hashTree, hashValue, listFiles, type TaskNode, type TaskResult } from './tasks/index.ts';
import { loadPackagers, Registry, type ArtifactRegistry, type PackagerSet, type Packager, type StagedTree, type StoredRecord } from './packagers.ts';
import type { SigningConfig } from '../packaging/types.ts';
import { compilerIdentity } from '../common/compiler-id.ts';
import { makeTempDir } from '../common/tmpdirs.ts';
import { emulatorIdentity, smokeTest, type SmokeReport } from './smoke.ts';
import { debFileName, extractStdlib, fetchPin } from './stdlib.ts';
import { precompileLibrary, precompiles, PRECOMPILE_SCRIPT } from './precompile.ts';

export interface BuildSpec {
  loaded: LoadedRecipe;
  targets: Target[];
  /** run smoke tests */
  test: boolean;
  /** a C file to compile instead of translating the VM (tests of the release machinery) */
  standIn?: string;
  sourceDateEpoch: number;
  /** cache directory handed to the translator for its stage cache */
  translateCache: string;
  winePrefix: string;
}

export interface Facts {
  /** hash of the translator input (vm/ + translate/ sources) or of the stand-in C file */
  sourceHash: string;
  compilers: Record<string, string>;
  emulators: Record<string, string>;
  packaging: PackagerSet;
  smokeCode: string;
  /** hash of release/stdlib.ts, which selects the library's files */
  stdlibCode: string;
  /** hash of release/precompile.ts and the script it runs under each target's pyvm */
  precompileCode: string;
  signing: string;
}

export interface PackageMeta {
  records?: StoredRecord[];
  skip?: string;
}

function filesUnder(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && !e.name.startsWith('.')) walk(p);
      } else out.push(relative(root, p).split(sep).join('/'));
    }
  };
  walk(join(root, dir));
  return out;
}

export async function gatherFacts(spec: BuildSpec): Promise<Facts> {
  const { root, recipe } = spec.loaded;
  const sourceHash = spec.standIn
    ? await hashFile(spec.standIn)
    : await hashTree(root, [...filesUnder(root, 'vm'), ...filesUnder(root, 'translate')]);
  const compilers: Record<string, string> = {};
  const emulators: Record<string, string> = {};
  await Promise.all(
    spec.targets.map(async (t) => {
      // a missing compiler is reported by the node that needs it; the plan still shows
      compilers[t.name] = await compilerIdentity(t.cc).catch((e: Error) => `unavailable: ${e.message}`);
      if (spec.test) emulators[t.name] = await emulatorIdentity(t);
    }),
  );
  const keys = [recipe.signing?.secretKeyFile, recipe.signing?.publicKeyFile].filter((f): f is string => Boolean(f));
  // packaging/signature.ts also takes keys from PYVM_MINISIGN_* variables
  const env = hashValue(Object.entries(process.env).filter(([k]) => k.startsWith('PYVM_MINISIGN')).sort());
  return {
    sourceHash,
    compilers,
    emulators,
    packaging: await loadPackagers(root),
    smokeCode: await hashTree(join(root, 'release'), ['smoke.ts']),
    stdlibCode: await hashTree(join(root, 'release'), ['stdlib.ts']),
    precompileCode: await hashTree(root, ['release/precompile.ts', PRECOMPILE_SCRIPT]),
    signing: `${keys.length ? await hashTree(root, keys) : 'none'} ${env}`,
  };
}

/** The smoke programs a build runs: with a --stand-in binary (a C program that runs a tiny
 * subset of Python, with no library staged and no JIT), not those that need either. */
export function smokePrograms(recipe: LoadedRecipe['recipe'], standIn: string | undefined): LoadedRecipe['recipe']['smoke'] {
  return standIn ? recipe.smoke.filter((p) => !p.needs?.length) : recipe.smoke;
}

export const treeName = (spec: BuildSpec, t: Target) => `${spec.loaded.recipe.name}-${spec.loaded.version}-${t.name}`;

function runCc(t: Target, args: string[], cwd: string, sde: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // TMPDIR: the compiler's own temp files go in our scratch folder, swept if we are killed
    execFile(t.cc, args, { cwd, env: { ...process.env, SOURCE_DATE_EPOCH: String(sde), LC_ALL: 'C', TMPDIR: cwd }, encoding: 'utf8' }, (err, _o, stderr) =>
      err ? reject(new StepError(`compile:${t.name}`, `${t.cc} failed: ${stderr.trim().slice(0, 2000)}`)) : resolve(),
    );
  });
}

/** The recipe's translation settings as the translator takes them. */
export function compileSettings(recipe: LoadedRecipe['recipe']): CompileSettings {
  const t = recipe.translation;
  return { opt: t.opt, debugInfo: t.debugInfo ?? false, cflags: t.cflags ?? [] };
}

/** Packagers whose kind the recipe asks for, in the registry's order; and the kinds left out. */
export function packagersFor(
  artifacts: readonly string[],
  packaging: PackagerSet,
): { chosen: Packager[]; skipped: { kinds: string[]; reason: string }[] } {
  const wanted = new Set(artifacts);
  const chosen = packaging.packagers.filter((p) => wanted.has(p.kind));
  const have = new Set(chosen.map((p) => p.kind as string));
  const missing = artifacts.filter((k) => !have.has(k));
  return { chosen, skipped: missing.length ? [{ kinds: missing, reason: `no packager of that kind in ${packaging.source}` }] : [] };
}

/** The signing configuration packagers get: the recipe's key files (the signature packager also reads PYVM_MINISIGN_*). */
export function signingConfig(loaded: LoadedRecipe): SigningConfig {
  const { recipe, root } = loaded;
  return {
    secretKeyFile: recipe.signing?.secretKeyFile ? join(root, recipe.signing.secretKeyFile) : null,
    publicKeyFile: recipe.signing?.publicKeyFile ? join(root, recipe.signing.publicKeyFile) : null,
    required: recipe.signing?.required ?? false,
  };
}

/**
 * One packager run, shared by the build's package nodes and `release merge` (which reruns the
 * release-wide packagers): a scratch directory, the context every packager gets, and the
 * records it made (without their paths, which point into distDir) or its reason to skip.
 */
export async function runPackager(
  p: Packager,
  o: { loaded: LoadedRecipe; sourceDateEpoch: number; distDir: string; trees: StagedTree[]; registry: ArtifactRegistry; target?: Target },
): Promise<PackageMeta> {
  const work = makeTempDir('release-pkg-');
  try {
    const base = {
      version: o.loaded.version,
      sourceDateEpoch: o.sourceDateEpoch,
      recipe: recipeInfo(o.loaded.recipe),
      distDir: o.distDir,
      workDir: work,
      trees: o.trees,
      registry: o.registry,
      signing: signingConfig(o.loaded),
    };
    let result;
    if (p.scope === 'target') {
      if (!o.target) throw new Error(`runPackager: ${p.kind} runs per target and needs one`);
      result = await p.run({ ...base, tree: o.trees[0], target: o.target });
    } else result = await p.run(base);
    if (!Array.isArray(result)) return { skip: result.skip };
    return { records: result.map(({ path: _path, ...rest }) => rest) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Puts every file of the given package results into dir, so a packager sees the dist tree
 * the earlier ones wrote (the OCI index needs every image's blobs in one layout). Hard links
 * cost no space; packagers replace files by rename, never in place, and the store verifies
 * entries on read anyway.
 */
function inherit(dir: string, results: TaskResult[]): void {
  for (const r of results)
    for (const f of listFiles(r.dir)) {
      const to = join(dir, f);
      if (existsSync(to)) continue;
      mkdirSync(dirname(to), { recursive: true });
      try {
        linkSync(join(r.dir, f), to);
      } catch {
        copyFileSync(join(r.dir, f), to, fsc.COPYFILE_FICLONE);
      }
    }
}

const smokeTitle = (t: Target) => (t.emulator.length ? ` under ${basename(t.emulator[0])}` : ' natively');

export function buildGraph(spec: BuildSpec, facts: Facts): TaskNode[] {
  const { recipe, root, version } = spec.loaded;
  const info = recipeInfo(recipe);
  const nodes: TaskNode[] = [];
  const { chosen } = packagersFor(recipe.artifacts, facts.packaging);
  const stageNodes = new Map<string, string>();
  /** package nodes so far: per target (target scope) and release-wide */
  const perTarget = new Map<string, string[]>(spec.targets.map((t) => [t.name, []]));
  const releaseWide: string[] = [];
  const byPackager = new Map<string, Map<string | null, string>>();

  // the standard library: one fetch per pinned package (kept in the store: a rebuild needs no
  // network), unpacked once for every target
  // a --stand-in build tests the release machinery with a C program, not the VM: it stages no
  // library and skips the smoke programs that import from one
  const pins = spec.standIn ? [] : (recipe.stdlib?.packages ?? []);
  const programs = smokePrograms(recipe, spec.standIn);
  const stdlibNode = pins.length ? 'stdlib' : null;
  if (stdlibNode) {
    const fetches = pins.map((p) => `fetch:${p.name}`);
    pins.forEach((p, i) =>
      nodes.push({
        name: fetches[i],
        title: `fetch ${p.name} ${p.version} (${p.arch})`,
        deps: [],
        inputs: { pin: p },
        async run(ctx) {
          await fetchPin(p, ctx.out, ctx.log);
          return { deb: debFileName(p) };
        },
      }),
    );
    nodes.push({
      name: stdlibNode,
      title: 'select the standard library (lib-python/3.11)',
      deps: fetches,
      inputs: { code: facts.stdlibCode },
      async run(ctx) {
        const files = await extractStdlib(
          pins.map((p, i) => join(ctx.deps[fetches[i]].dir, debFileName(p))),
          ctx.out,
        );
        ctx.log(`${files} files`);
        return { files };
      },
    });
  }

  for (const t of spec.targets) {
    const exe = `pyvm${t.exeSuffix}`;
    // what compiling reads of the target row (translate/cflags.ts, the compile stage); the rest of
    // the row (packaging names, emulator) does not change the binary
    const targetRow = hashValue({ name: t.name, cc: t.cc, cflags: t.cflags, os: t.os, exeSuffix: t.exeSuffix });
    let binNode: string;
    if (spec.standIn) {
      const src = spec.standIn;
      binNode = `compile:${t.name}`;
      nodes.push({
        name: binNode,
        title: `compile stand-in pyvm for ${t.name}`,
        deps: [],
        inputs: { source: facts.sourceHash, cc: facts.compilers[t.name], target: targetRow, translation: compileSettings(recipe), sde: spec.sourceDateEpoch },
        async run(ctx) {
          const dir = makeTempDir('release-cc-');
          try {
            copyFileSync(src, join(dir, 'pyvm.c'));
            const f = cFlags(t, compileSettings(recipe));
            const args = [...f.compile, ...f.link, `-ffile-prefix-map=${dir}=.`, '-o', join(ctx.out, exe), 'pyvm.c'];
            ctx.log(`${t.cc} ${args.join(' ')}`);
            await runCc(t, args, dir, spec.sourceDateEpoch);
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
          return { standIn: basename(src) };
        },
      });
    } else {
      binNode = `translate:${t.name}`;
      nodes.push({
        name: binNode,
        title: `translate ${recipe.entry} for ${t.name}`,
        deps: [],
        inputs: { sources: facts.sourceHash, entry: recipe.entry, cc: facts.compilers[t.name], target: targetRow, translation: compileSettings(recipe), sde: spec.sourceDateEpoch },
        async run(ctx) {
          // loaded when a translation runs: the translator brings the TypeScript compiler with it
          const { translateProgram } = await import('../translate/driver.ts');
          const dir = makeTempDir('release-translate-');
          try {
            const r = await translateProgram({
              entry: join(root, recipe.entry),
              target: t.name,
              outDir: dir,
              cacheDir: spec.translateCache,
              log: ctx.log,
              settings: compileSettings(recipe),
            });
            copyFileSync(r.binary, join(ctx.out, exe));
            chmodSync(join(ctx.out, exe), 0o755);
            return { stages: r.stages };
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        },
      });
    }
    // the library with its bytecode cache, compiled by this target's own binary
    let libNode = stdlibNode;
    if (stdlibNode && precompiles(t)) {
      libNode = `precompile:${t.name}`;
      const name = libNode;
      nodes.push({
        name,
        title: `precompile the standard library with ${t.name}'s pyvm${smokeTitle(t)}`,
        deps: [binNode, stdlibNode],
        inputs: { code: facts.precompileCode },
        async run(ctx) {
          const r = await precompileLibrary({
            step: name,
            target: t,
            binary: join(ctx.deps[binNode].dir, exe),
            libDir: ctx.deps[stdlibNode].dir,
            outDir: ctx.out,
            root,
            log: ctx.log,
          });
          return { caches: r.caches };
        },
      });
    }
    const stageNode = `stage:${t.name}`;
    stageNodes.set(t.name, stageNode);
    nodes.push({
      name: stageNode,
      title: `stage ${treeName(spec, t)}/`,
      deps: libNode ? [binNode, libNode] : [binNode],
      inputs: { version, info, packaging: facts.packaging.identity, sde: spec.sourceDateEpoch },
      async run(ctx) {
        const tree = await facts.packaging.stageTree({
          binary: join(ctx.deps[binNode].dir, exe),
          ...(libNode ? { libDir: ctx.deps[libNode].dir } : {}),
          target: t.name,
          version,
          sourceDateEpoch: spec.sourceDateEpoch,
          outDir: ctx.out,
          recipe: info,
        });
        return { tree: basename(tree.dir) };
      },
    });
  }

  const treeOf = (t: string, r: TaskResult): StagedTree => ({
    dir: join(r.dir, (r.meta as { tree: string }).tree),
    target: t,
    version,
    sourceDateEpoch: spec.sourceDateEpoch,
    recipe: info,
  });

  for (const p of chosen) {
    const scopeTargets: (Target | null)[] = p.scope === 'target' ? spec.targets : [null];
    const names = new Map<string | null, string>();
    for (const t of scopeTargets) {
      const name = t ? `package:${t.name}:${p.kind}` : `package:${p.kind}`;
      const earlier = t ? [...perTarget.get(t.name)!] : [...releaseWide, ...[...perTarget.values()].flat()];
      const stages = t ? [stageNodes.get(t.name)!] : [...stageNodes.values()];
      nodes.push({
        name,
        title: `package ${p.kind}${t ? ` for ${t.name}` : ''}`,
        deps: [...stages, ...earlier],
        inputs: { kind: p.kind, packaging: facts.packaging.identity, version, info, sde: spec.sourceDateEpoch, signing: p.signs ? facts.signing : null },
        async run(ctx): Promise<PackageMeta> {
          const deps = earlier.map((d) => ctx.deps[d]);
          inherit(ctx.out, deps);
          const registry = new Registry();
          for (const d of deps)
            registry.add(((d.meta as PackageMeta).records ?? []).map((r) => ({ ...r, path: join(ctx.out, r.name) })));
          const trees = stages.map((s) => treeOf(s.slice('stage:'.length), ctx.deps[s]));
          return runPackager(p, { loaded: spec.loaded, sourceDateEpoch: spec.sourceDateEpoch, distDir: ctx.out, trees, registry, ...(t ? { target: t } : {}) });
        },
      });
      names.set(t?.name ?? null, name);
      if (t) perTarget.get(t.name)!.push(name);
      else releaseWide.push(name);
    }
    byPackager.set(p.kind, names);
  }

  if (!spec.test) return nodes;
  /** the package node of a kind for a target (its own for target scope, the release-wide one otherwise) */
  const nodeFor = (kind: string, t: Target): string | undefined => {
    const m = byPackager.get(kind);
    return m?.get(t.name) ?? m?.get(null);
  };
  for (const t of spec.targets) {
    for (const p of chosen) {
      if (!p.install || (p.appliesTo && !p.appliesTo(t))) continue;
      const kind = p.kind;
      const pkgNode = nodeFor(kind, t)!;
      const deps = [pkgNode, ...(p.needs ?? []).flatMap((k) => nodeFor(k, t) ?? [])];
      nodes.push({
        name: `smoke:${t.name}:${kind}`,
        title: `smoke-test ${kind} for ${t.name}${smokeTitle(t)}`,
        deps,
        inputs: { kind, programs, emulator: facts.emulators[t.name], code: facts.smokeCode },
        async run(ctx) {
          const pkg = ctx.deps[pkgNode];
          const meta = pkg.meta as PackageMeta;
          if (meta.skip) return { skip: meta.skip };
          const all = deps.flatMap((d) => ((ctx.deps[d].meta as PackageMeta).records ?? []).map((r) => ({ r, file: join(ctx.deps[d].dir, r.name) })));
          const mine = all.filter(({ r }) => r.kind === kind && (r.target === t.name || r.target === null));
          const reports: SmokeReport[] = [];
          for (const { r, file } of mine) {
            const rep = await smokeTest({ target: t, artifact: r, file, related: all, programs, winePrefix: spec.winePrefix, version, log: ctx.log });
            if (!rep) continue; // this record is not installable on its own (e.g. install.ps1 on Linux)
            reports.push(rep);
            const bad = rep.results.filter((x) => !x.ok);
            if (bad.length)
              throw new StepError(
                `smoke:${t.name}:${kind}`,
                `${bad.length} of ${rep.results.length} programs failed for ${r.name}: ${bad.map((b) => `${b.name}: ${b.problem}`).join('; ')}`,
              );
          }
          if (!reports.length) return { skip: `no ${kind} artifact installs on ${t.name}` };
          return { reports };
        },
      });
    }
  }
  return nodes;
}
