// The front end of a translation that could not be taken whole from the cache: load (with
// the TypeScript compiler), then flow, annotate, rtype and genc, each reused from the store
// when its key is there. Imported only when needed, so a warm run never loads TypeScript.
import { loadProgram, type LoadedProgram } from './load/loader.ts';
import { recordLoad } from './load/sources.ts';
import { buildFlowGraph } from './flow/builder.ts';
import { deserializeGraph, serializeGraph } from './flow/serialize.ts';
import { Annotator } from './annotate/solver.ts';
import { rtypeProgram } from './rtype/rtyper.ts';
import { GenC, type CFile } from './genc/genc.ts';
import type { Store } from '../common/store.ts';
import { keyOf, sha256 } from '../common/hash.ts';
import { RtsError, RtsErrors } from './errors.ts';
import { checkGraph, Constant, type FunctionGraph } from './model/graph.ts';
import { ClassDesc, FunctionDesc } from './load/descs.ts';
import { fingerprint } from './cache/fingerprint.ts';
import { frontKeys, gencCountsKey, putGenc, readFront, type StageLog } from './cache/stages.ts';
import { FlowPacks } from './cache/flowpacks.ts';

/** Runs (or reuses) load → genc for the program at entryAbs; returns the C files and genc's key. */
export async function translateFront(entryAbs: string, store: Store, toolchain: string, stage: StageLog, check: boolean): Promise<{ cFiles: CFile[]; gencKey: string }> {
  const t0 = performance.now();
  const prog = await loadProgram(entryAbs, store);
  const sourceKey = keyOf(...[...prog.sourceHashes].sort().map(([p, h]) => `${p}=${h}`));
  const constKey = sha256(fingerprint(prog));
  // the entry is part of the key: two modules importing each other are two programs
  const loadKey = keyOf(toolchain, sourceKey, constKey, prog.entry.relPath);
  const loadCached = store.getBlob('load', loadKey) !== null;
  if (!loadCached) prog.typecheck();
  if (!loadCached) store.putBlob('load', loadKey, JSON.stringify({ sources: Object.fromEntries([...prog.sourceHashes].sort()), constants: constKey }));
  const counts = { modules: prog.modules.size, classes: prog.classes.length, functions: prog.functionsByDecl.size };
  recordLoad(store, toolchain, entryAbs, prog.files, { loadKey, loadJsKey: prog.loadJsKey, counts });
  stage('load', t0, loadCached, { ...counts, parsed: prog.parsedModules });

  const keys = frontKeys(toolchain, loadKey);
  const cached = readFront(store, keys);
  const cachedFiles = cached?.cFiles() ?? null;
  if (cached && cachedFiles) {
    cached.report(stage);
    return { cFiles: cachedFiles, gencKey: keys.genc };
  }
  const annotator = annotateStages(prog, store, toolchain, keys.annotate, stage, check);
  let t = performance.now();
  const rp = rtypeProgram(annotator);
  if (check) for (const g of rp.graphs.values()) checkGraph(g);
  const rtCounts = { graphs: rp.graphs.size, llops: rp.llops, types: rp.table.ntypes };
  store.putBlob('rtype', keys.rtype, JSON.stringify({ counts: rtCounts }));
  stage('rtype', t, false, rtCounts);
  t = performance.now();
  // the load key names every source byte and load-time constant: the program's build id
  const cFiles = new GenC(rp, loadKey.slice(0, 16)).generate();
  const gencCounts = { files: cFiles.length, bytes: cFiles.reduce((n, f) => n + f.text.length, 0) };
  putGenc(store, keys.genc, cFiles);
  store.putBlob('genc', gencCountsKey(keys.genc), JSON.stringify(gencCounts));
  stage('genc', t, false, gencCounts);
  return { cFiles, gencKey: keys.genc };
}

/** Runs flow (on demand, as the annotator reaches functions) and annotate; reports both. */
function annotateStages(prog: LoadedProgram, store: Store, toolchain: string, annotateKey: string, stage: StageLog, check: boolean): Annotator {
  const t0 = performance.now();
  let flowMs = 0;
  const flow = { graphs: 0, cached: 0, blocks: 0, ops: 0 };
  // a graph depends on its own module and the program's interface (declarations, not bodies)
  const packs = new FlowPacks(store, toolchain, prog.interfaceHash);
  const getGraph = (fd: FunctionDesc): FunctionGraph => {
    const s = performance.now();
    try {
      const hit = packs.get(fd);
      let g: FunctionGraph;
      if (hit) {
        g = deserializeGraph(hit, prog, fd);
        flow.cached++;
      } else {
        g = buildFlowGraph(prog, fd);
        // instantiations of generics are named as the annotator creates them: not cacheable by name
        if (!fd.template && !usesInstances(g)) packs.put(fd, serializeGraph(g));
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
  } finally {
    // the graphs built are sound even when annotation then rejects the program
    const s = performance.now();
    packs.save();
    flowMs += performance.now() - s;
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
