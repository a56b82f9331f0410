// The translation driver: runs the stages load → flow → annotate → rtype → genc → compile,
// each keyed by the hash of its inputs in the content-addressed store, timing each and
// counting what it produced. A stage whose output is cached is not run.
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadProgram, REPO_ROOT, type LoadedProgram } from './load/loader.ts';
import { buildFlowGraph } from './flow/builder.ts';
import { deserializeGraph, serializeGraph } from './flow/serialize.ts';
import { Annotator } from './annotate/solver.ts';
import { rtypeProgram } from './rtype/rtyper.ts';
import { GenC, type CFile } from './genc/genc.ts';
import { Store } from '../common/store.ts';
import { keyOf, sha256 } from '../common/hash.ts';
import { explainWriteError, writeFileAtomicSync } from '../common/atomic.ts';
import { makeTempDir, sweepTempDirs } from '../common/tmpdirs.ts';
import { compilerIdentity } from '../common/compiler-id.ts';
import { RtsError, RtsErrors } from './errors.ts';
import { checkGraph, type FunctionGraph } from './model/graph.ts';
import { ClassDesc, FunctionDesc } from './load/descs.ts';
import { Constant } from './model/graph.ts';
import { findTarget, type Target } from '../common/targets.ts';
import { fingerprint } from './cache/fingerprint.ts';
import { cFlags, DEFAULT_SETTINGS, type CompileSettings } from './cflags.ts';

export { DEFAULT_SETTINGS, type CompileSettings };

const run = promisify(execFile);
const HERE = dirname(fileURLToPath(import.meta.url));
const RUNTIME_DIR = join(HERE, 'runtime');

export interface StageReport {
  name: string;
  seconds: number;
  cached: boolean;
  counts: Record<string, number>;
  peakRssMB: number;
}

export interface TranslateOptions {
  entry: string;
  target: string;
  outDir: string;
  cacheDir?: string;
  log?: (line: string) => void;
  /** run the graph checker after each stage (tests) */
  check?: boolean;
  /** name of the produced binary (default: the entry's base name) */
  binaryName?: string;
  /** how the C is compiled (default DEFAULT_SETTINGS); only the compile stage reads it */
  settings?: CompileSettings;
}


export interface TranslateResult {
  binary: string;
  stages: StageReport[];
  cFiles: string[];
  /** the C compiler flags the compile stage used (objects), then those of the link */
  cflags: { compile: string[]; link: string[] };
}

export const DEFAULT_CACHE = join(REPO_ROOT, '.cache', 'translate');
export const DEFAULT_ENTRY = join(REPO_ROOT, 'vm', 'main.ts');

/** A hash of the translator itself: changing it invalidates every cached stage. */
let toolchainHash: string | null = null;
export function toolchainVersion(): string {
  if (toolchainHash) return toolchainHash;
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (f.isDirectory()) {
        if (f.name !== 'rlib') walk(join(d, f.name));
      } else if (/\.(ts|c|h)$/.test(f.name)) files.push(join(d, f.name));
    }
  };
  walk(HERE);
  toolchainHash = keyOf(...files.map((f) => f.slice(HERE.length) + '\0' + readFileSync(f, 'utf8')));
  return toolchainHash;
}

const peakMB = (): number => Math.round(process.resourceUsage().maxRSS / 1024);



export async function translateProgram(opts: TranslateOptions): Promise<TranslateResult> {
  const target: Target = findTarget(opts.target);
  const store = new Store(opts.cacheDir ?? DEFAULT_CACHE);
  const log = opts.log ?? (() => {});
  // a damaged entry is said once, then rebuilt like a missing one
  store.onDamaged = (d) => log(`cache: ${d.stage} entry ${d.key.slice(0, 16)} in ${store.root} is damaged (${d.problem}): removed, rebuilding`);
  store.sweep();
  sweepTempDirs();
  const stages: StageReport[] = [];
  const stage = (name: string, t0: number, cached: boolean, counts: Record<string, number>): void => {
    const r = { name, seconds: (performance.now() - t0) / 1000, cached, counts, peakRssMB: peakMB() };
    stages.push(r);
    log(`${name.padEnd(9)} ${r.seconds.toFixed(2).padStart(7)} s  ${cached ? 'cached' : 'ran   '}  ${Object.entries(counts).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  };

  // load
  let t0 = performance.now();
  const prog = await loadProgram(opts.entry, store);
  const sourceKey = keyOf(...[...prog.sourceHashes].sort().map(([p, h]) => `${p}=${h}`));
  const constKey = sha256(fingerprint(prog));
  const loadKey = keyOf(toolchainVersion(), sourceKey, constKey);
  const loadCached = store.getBlob('load', loadKey) !== null;
  if (!loadCached) prog.typecheck();
  if (!loadCached) store.putBlob('load', loadKey, JSON.stringify({ sources: Object.fromEntries([...prog.sourceHashes].sort()), constants: constKey }));
  stage('load', t0, loadCached, { modules: prog.modules.size, classes: prog.classes.length, functions: prog.functionsByDecl.size });

  // annotate, rtype and genc see only the loaded program (no target, no settings), so one
  // translation serves every target: only compile is per target
  const annotateKey = keyOf(toolchainVersion(), 'annotate', loadKey);
  const rtypeKey = keyOf(annotateKey, 'rtype');
  const gencKey = keyOf(rtypeKey, 'genc');

  let cFiles: CFile[];
  const cached = store.getBlob('genc', gencKey);
  const annCached = store.getBlob('annotate', annotateKey);
  const rtCached = store.getBlob('rtype', rtypeKey);
  if (cached && annCached && rtCached) {
    cFiles = JSON.parse(cached.toString()) as CFile[];
    const ann = JSON.parse(annCached.toString()) as { counts: Record<string, number>; flow: Record<string, number> };
    const rt = JSON.parse(rtCached.toString()) as { counts: Record<string, number> };
    t0 = performance.now();
    stage('flow', t0, true, ann.flow);
    stage('annotate', t0, true, ann.counts);
    stage('rtype', t0, true, rt.counts);
    stage('genc', t0, true, { files: cFiles.length, bytes: cFiles.reduce((n, f) => n + f.text.length, 0) });
  } else {
    const annotator = annotateStages(prog, store, annotateKey, stage, opts.check ?? false);
    t0 = performance.now();
    const rp = rtypeProgram(annotator);
    if (opts.check) for (const g of rp.graphs.values()) checkGraph(g);
    const rtCounts = { graphs: rp.graphs.size, llops: rp.llops, types: rp.table.ntypes };
    store.putBlob('rtype', rtypeKey, JSON.stringify({ counts: rtCounts }));
    stage('rtype', t0, false, rtCounts);
    t0 = performance.now();
    cFiles = new GenC(rp).generate();
    store.putBlob('genc', gencKey, JSON.stringify(cFiles));
    stage('genc', t0, false, { files: cFiles.length, bytes: cFiles.reduce((n, f) => n + f.text.length, 0) });
  }

  // compile (per target): objects keyed by C + compiler identity + flags, then the link
  t0 = performance.now();
  const cflags = cFlags(target, opts.settings ?? DEFAULT_SETTINGS);
  const { binary, counts, allCached } = await compileStage(cFiles, target, store, opts, cflags);
  stage(`compile`, t0, allCached, counts);
  return { binary, stages, cFiles: cFiles.map((f) => f.name), cflags };
}

/** Runs flow (on demand, as the annotator reaches functions) and annotate; reports both. */
function annotateStages(
  prog: LoadedProgram,
  store: Store,
  annotateKey: string,
  stage: (name: string, t0: number, cached: boolean, counts: Record<string, number>) => void,
  check: boolean,
): Annotator {
  const t0 = performance.now();
  let flowMs = 0;
  const flow = { graphs: 0, cached: 0, blocks: 0, ops: 0 };
  const getGraph = (fd: FunctionDesc): FunctionGraph => {
    const s = performance.now();
    try {
      // a graph depends on its own body and the program's interface (declarations, not bodies)
      const key = keyOf(toolchainVersion(), 'flow', prog.interfaceHash, fd.name, fd.decl?.getText() ?? fd.cls?.decl?.getText() ?? '');
      const hit = store.getBlob('flow', key);
      let g: FunctionGraph;
      if (hit) {
        g = deserializeGraph(hit.toString(), prog, fd);
        flow.cached++;
      } else {
        g = buildFlowGraph(prog, fd);
        // instantiations of generics are named as the annotator creates them: not cacheable by name
        if (!fd.template && !usesInstances(g)) store.putBlob('flow', key, serializeGraph(g));
      }
      if (check) checkGraph(g);
      flow.graphs++;
      for (const b of g.blocks()) {
        flow.blocks++;
        flow.ops += b.operations.length;
      }
      return g;
    } catch (e) {
      if (e instanceof RtsError && !e.stage) e.stage = 'flow';
      throw e;
    } finally {
      flowMs += performance.now() - s;
    }
  };
  const annotator = new Annotator(prog, getGraph);
  try {
    annotator.run();
  } catch (e) {
    if (e instanceof RtsError && !e.stage) e.stage = 'annotate';
    if (e instanceof RtsErrors) for (const x of e.all) x.stage ??= 'annotate';
    throw e;
  }
  const annMs = performance.now() - t0 - flowMs;
  // flow runs on demand inside annotation; each is reported with its own share of the time
  stage('flow', performance.now() - flowMs, flow.cached === flow.graphs, flow);
  const counts = { graphs: annotator.graphs.size, classes: annotator.instantiated.size, steps: annotator.steps };
  stage('annotate', performance.now() - annMs, false, counts);
  store.putBlob('annotate', annotateKey, JSON.stringify({ counts, flow }));
  return annotator;
}

/** Whether a graph names an instantiation of a generic class or function. */
function usesInstances(g: FunctionGraph): boolean {
  const inst = (x: unknown): boolean => (x instanceof ClassDesc || x instanceof FunctionDesc) && x.template !== null;
  for (const b of g.blocks()) {
    for (const op of b.operations) if (inst(op.extra) || op.args.some((a) => a instanceof Constant && inst(a.value))) return true;
    for (const l of b.exits) if (l.args.some((a) => a instanceof Constant && inst(a.value))) return true;
  }
  return false;
}

async function compileStage(
  files: CFile[],
  target: Target,
  store: Store,
  opts: TranslateOptions,
  { compile: flags, link: linkFlags }: { compile: string[]; link: string[] },
): Promise<{ binary: string; counts: Record<string, number>; allCached: boolean }> {
  const cc = target.cc;
  const id = await compilerIdentity(cc).catch((e: Error) => {
    throw new RtsError('E_COMPILE', e.message);
  });
  const runtime = readdirSync(RUNTIME_DIR)
    .filter((f) => /\.(c|h)$/.test(f))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(RUNTIME_DIR, f), 'utf8') }));
  const headers = [...runtime.filter((f) => f.name.endsWith('.h')), ...files.filter((f) => f.name.endsWith('.h'))];
  const sources = [...runtime.filter((f) => f.name.endsWith('.c')).map((f) => ({ ...f, name: `rt_${f.name}` })), ...files.filter((f) => f.name.endsWith('.c'))];
  const headerKey = keyOf(...headers.map((h) => h.name + '\0' + h.text));
  const work = makeTempDir('rts-cc-');
  // the compiler's own temp files go in our scratch folder too, swept if we are killed
  const ccEnv = { ...process.env, TMPDIR: work };
  let hits = 0;
  let misses = 0;
  try {
    const src = join(work, 'src');
    mkdirSync(src);
    for (const f of [...headers, ...sources])
      try {
        writeFileSync(join(src, f.name), f.text);
      } catch (e) {
        throw explainWriteError(e, join(src, f.name), Buffer.byteLength(f.text));
      }
    const objKeys = sources.map((s) => keyOf('object', id, flags.join(' '), headerKey, s.name, s.text));
    // verified now: a damaged object is compiled again, not found missing at link time
    const objects = new Map(objKeys.map((k) => [k, store.getBlob('compile', k)]));
    const todo = sources.map((s, i) => ({ s, key: objKeys[i] })).filter(({ key }) => !objects.get(key));
    hits = sources.length - todo.length;
    misses = todo.length;
    // compile missing objects, two at a time (one per core)
    const queue = [...todo];
    const worker = async (): Promise<void> => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const obj = join(work, job.s.name.replace(/\.c$/, '.o'));
        try {
          await run(cc, [...flags, `-ffile-prefix-map=${work}=.`, '-I', 'src', '-c', join('src', job.s.name), '-o', obj], { cwd: work, env: ccEnv, maxBuffer: 64 << 20 });
        } catch (e) {
          const err = e as { stderr?: string };
          throw new RtsError('E_COMPILE', `${cc} failed on ${job.s.name}:\n${(err.stderr ?? String(e)).split('\n').slice(0, 30).join('\n')}`);
        }
        const bytes = readFileSync(obj);
        store.putBlob('compile', job.key, bytes);
        objects.set(job.key, bytes);
      }
    };
    await Promise.all([worker(), worker()]);
    const linkKey = keyOf('link', id, linkFlags.join(' '), ...objKeys);
    let bin = store.getBlob('compile', linkKey);
    const linkCached = bin !== null;
    if (!bin) {
      const objs = objKeys.map((k, i) => {
        const p = join(work, `o${String(i).padStart(3, '0')}.o`);
        writeFileSync(p, objects.get(k)!);
        return p;
      });
      const out = join(work, 'a.out');
      try {
        await run(cc, [...linkFlags, '-o', out, ...objs.map((o) => basename(o)), '-lm'], { cwd: work, env: ccEnv, maxBuffer: 64 << 20 });
      } catch (e) {
        throw new RtsError('E_COMPILE', `linking failed:\n${(e as { stderr?: string }).stderr ?? String(e)}`);
      }
      bin = readFileSync(out);
      store.putBlob('compile', linkKey, bin);
    }
    const name = (opts.binaryName ?? basename(opts.entry).replace(/\.ts$/, '')) + target.exeSuffix;
    const binary = resolve(opts.outDir, name);
    writeFileAtomicSync(binary, bin, 0o755);
    return { binary, counts: { objects: sources.length, compiled: misses, reused: hits, bytes: bin.length }, allCached: misses === 0 && linkCached };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

