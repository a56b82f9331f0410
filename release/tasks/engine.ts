// The task engine: computes each node's key from its inputs and its dependencies' keys,
// plans (pure: graph + "is it in the store?" -> cached / will-run per node), and runs the
// graph with up to `jobs` nodes at once, reusing verified store entries.
import { cpus } from 'node:os';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { hashValue } from '../../common/hash.ts';
import { Store, type Damage, type Entry, type EntryInfo } from '../../common/store.ts';
import { explainWriteError } from '../../common/atomic.ts';
import { stageOf, type PlanEntry, type TaskEvent, type TaskNode, type TaskResult } from './types.ts';

/** Bump when the entry format or key derivation changes. */
const ENGINE_VERSION = 1;

export class GraphError extends Error {
  override name = 'GraphError';
}

/** Nodes in dependency order; throws on unknown dependencies, duplicates and cycles. */
export function topoSort(nodes: readonly TaskNode[]): TaskNode[] {
  const byName = new Map<string, TaskNode>();
  for (const n of nodes) {
    if (byName.has(n.name)) throw new GraphError(`duplicate task '${n.name}'`);
    byName.set(n.name, n);
  }
  const order: TaskNode[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (n: TaskNode, trail: string[]) => {
    const s = state.get(n.name);
    if (s === 'done') return;
    if (s === 'visiting') throw new GraphError(`dependency cycle: ${[...trail, n.name].join(' -> ')}`);
    state.set(n.name, 'visiting');
    for (const d of n.deps) {
      const dep = byName.get(d);
      if (!dep) throw new GraphError(`task '${n.name}' depends on unknown task '${d}'`);
      visit(dep, [...trail, n.name]);
    }
    state.set(n.name, 'done');
    order.push(n);
  };
  for (const n of nodes) visit(n, []);
  return order;
}

/** Key of every node: hash of name, inputs and the keys of its dependencies. */
export function computeKeys(nodes: readonly TaskNode[]): Map<string, string> {
  const keys = new Map<string, string>();
  for (const n of topoSort(nodes)) {
    keys.set(
      n.name,
      hashValue({ v: ENGINE_VERSION, name: n.name, inputs: n.inputs, deps: [...n.deps].sort().map((d) => [d, keys.get(d)]) }),
    );
  }
  return keys;
}

/** The plan as data: pure given the graph and a presence test. */
export function plan(nodes: readonly TaskNode[], has: (stage: string, key: string) => boolean): PlanEntry[] {
  const keys = computeKeys(nodes);
  return topoSort(nodes).map((n) => {
    const key = keys.get(n.name)!;
    const stage = stageOf(n.name);
    return { name: n.name, stage, title: n.title ?? n.name, key, deps: [...n.deps], status: has(stage, key) ? 'cached' : 'will-run' };
  });
}

export interface RunOptions {
  store: Store;
  /**
   * Which cached nodes' files the caller reads from the results (default: every node's).
   * Cached entries are verified, every byte, when their files are read: these, and the
   * dependencies of nodes that run. Any other cached entry is taken by its sealed entry.json
   * alone, so a build with nothing to do does not hash what nobody reads.
   */
  reads?: (name: string, entry: EntryInfo) => boolean;
  /** parallel nodes; default: the core count */
  jobs?: number;
  onEvent?: (e: TaskEvent) => void;
}

export interface RunSummary {
  results: Map<string, TaskResult>;
  ran: string[];
  cached: string[];
  failed: { name: string; error: Error }[];
  blocked: string[];
}

/** Runs the graph. Never throws for a failing node: failures are in the summary. */
export async function runGraph(nodes: readonly TaskNode[], opts: RunOptions): Promise<RunSummary> {
  const { store } = opts;
  const emit = opts.onEvent ?? (() => {});
  const jobs = Math.max(1, opts.jobs ?? cpus().length);
  const order = topoSort(nodes);
  const keys = computeKeys(order);
  store.sweep();
  const summary: RunSummary = { results: new Map(), ran: [], cached: [], failed: [], blocked: [] };
  const pending = new Set(order.map((n) => n.name));
  const running = new Map<string, Promise<void>>();
  const dead = new Set<string>();
  const onDamaged = (name: string) => (d: Damage) => emit({ type: 'damaged', name, ...d });

  // entries found whole before anything runs: verified where their files will be read (a
  // damaged one is dropped, so its node runs and its own dependencies are read in turn)
  const found = new Map<string, Entry>();
  for (const n of order) {
    const info = store.readInfo(stageOf(n.name), keys.get(n.name)!);
    if (!info) continue;
    store.markUsed(info.stage, info.key); // for pruning by age, as a read would
    found.set(n.name, { ...info, dir: join(store.entryPath(info.stage, info.key), 'files') });
  }
  const checked = new Set<string>();
  const reads = opts.reads ?? (() => true);
  const needed = new Set(order.filter((n) => found.has(n.name) && reads(n.name, found.get(n.name)!)).map((n) => n.name));
  for (let again = true; again; ) {
    again = false;
    for (const n of order) if (!found.has(n.name)) for (const d of n.deps) if (found.has(d)) needed.add(d);
    for (const name of needed) {
      if (checked.has(name)) continue;
      checked.add(name);
      if (!store.read(stageOf(name), keys.get(name)!, onDamaged(name))) {
        found.delete(name);
        again = true;
      }
    }
  }

  const runOne = async (n: TaskNode): Promise<void> => {
    const stage = stageOf(n.name);
    const key = keys.get(n.name)!;
    const t0 = performance.now();
    const secs = () => Math.round(performance.now() - t0) / 1000;
    // an entry that appeared since (another build) is verified like any other
    const hit = found.get(n.name) ?? store.read(stage, key, onDamaged(n.name));
    if (hit) {
      summary.results.set(n.name, { name: n.name, key, dir: hit.dir, files: hit.files, meta: hit.meta, cached: true, seconds: secs() });
      summary.cached.push(n.name);
      emit({ type: 'cached', name: n.name, seconds: secs(), meta: hit.meta });
      return;
    }
    emit({ type: 'start', name: n.name });
    let tmp: string | null = null;
    try {
      tmp = store.tempDir(stage);
      const deps: Record<string, TaskResult> = {};
      for (const d of n.deps) deps[d] = summary.results.get(d)!;
      const meta = await n.run({ out: join(tmp, 'files'), deps, log: (line) => emit({ type: 'log', name: n.name, line }) });
      const entry = store.commit(stage, key, n.name, tmp, meta);
      summary.results.set(n.name, { name: n.name, key, dir: entry.dir, files: entry.files, meta: entry.meta, cached: false, seconds: secs() });
      summary.ran.push(n.name);
      emit({ type: 'done', name: n.name, seconds: secs(), meta: entry.meta });
    } catch (e) {
      if (tmp) rmSync(tmp, { recursive: true, force: true });
      // a Node ENOSPC does not say where: name the entry being written (or the file, when known)
      const x = explainWriteError(e, (e as NodeJS.ErrnoException).path ?? tmp ?? store.entryPath(stage, key));
      const error = x instanceof Error ? x : new Error(String(x));
      summary.failed.push({ name: n.name, error });
      dead.add(n.name);
      emit({ type: 'failed', name: n.name, seconds: secs(), error });
    }
  };

  while (pending.size || running.size) {
    let progressed = false;
    for (const n of order) {
      if (!pending.has(n.name)) continue;
      const blocker = n.deps.find((d) => dead.has(d));
      if (blocker) {
        pending.delete(n.name);
        dead.add(n.name);
        summary.blocked.push(n.name);
        emit({ type: 'blocked', name: n.name, by: blocker });
        progressed = true;
        continue;
      }
      if (summary.failed.length) continue; // stop starting new work after a failure
      if (running.size >= jobs) break;
      if (!n.deps.every((d) => summary.results.has(d))) continue;
      pending.delete(n.name);
      const p = runOne(n).finally(() => running.delete(n.name));
      running.set(n.name, p);
      progressed = true;
    }
    if (running.size) await Promise.race(running.values());
    else if (!progressed) {
      // nothing runnable: remaining nodes wait on failed work
      for (const name of pending) summary.blocked.push(name);
      break;
    }
  }
  return summary;
}

export { Store };
export type { TaskNode, TaskResult, PlanEntry, TaskEvent };
