// The generic task engine on in-memory graphs: ordering, keys, plan as data, parallelism,
// caching, verification of damaged entries, failures.
import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Store, plan, runGraph, topoSort, GraphError, type TaskEvent, type TaskNode } from '../../release/tasks/index.ts';
import { scratch } from './helpers.ts';

function node(name: string, deps: string[], inputs: unknown, body?: (out: string, deps: Record<string, { dir: string }>) => Promise<void> | void): TaskNode {
  return {
    name,
    deps,
    inputs,
    async run(ctx) {
      if (body) await body(ctx.out, ctx.deps);
      else writeFileSync(join(ctx.out, 'value'), `${name}:${JSON.stringify(inputs)}`);
      return { made: name };
    },
  };
}

const chain = (x = 1): TaskNode[] => [
  node('c:z', ['b:y'], { x }, (out, deps) => writeFileSync(join(out, 'value'), readFileSync(join(deps['b:y'].dir, 'value'), 'utf8') + '+c')),
  node('b:y', ['a'], {}, (out, deps) => writeFileSync(join(out, 'value'), readFileSync(join(deps.a.dir, 'value'), 'utf8') + '+b')),
  node('a', [], { x }),
];

describe('task engine', () => {
  it('orders by dependencies and rejects cycles and unknown deps', () => {
    expect(topoSort(chain()).map((n) => n.name)).toEqual(['a', 'b:y', 'c:z']);
    expect(() => topoSort([node('a', ['b'], 1), node('b', ['a'], 1)])).toThrow(GraphError);
    expect(() => topoSort([node('a', ['nope'], 1)])).toThrow(/unknown task 'nope'/);
  });

  it('plans as pure data: keys change with inputs and propagate to dependents', () => {
    const p1 = plan(chain(1), () => false);
    const p2 = plan(chain(2), () => false);
    expect(p1.map((e) => e.status)).toEqual(['will-run', 'will-run', 'will-run']);
    expect(p1.every((e, i) => e.key !== p2[i].key)).toBe(true);
    const cachedA = plan(chain(1), (stage, key) => stage === 'a' && key === p1[0].key);
    expect(cachedA.map((e) => e.status)).toEqual(['cached', 'will-run', 'will-run']);
    expect(plan(chain(1), () => false)).toEqual(p1);
  });

  it('runs, then reuses verified entries, and rebuilds a damaged one', async () => {
    const store = new Store(scratch('store'));
    const first = await runGraph(chain(), { store });
    expect(first.ran.sort()).toEqual(['a', 'b:y', 'c:z']);
    expect(readFileSync(join(first.results.get('c:z')!.dir, 'value'), 'utf8')).toBe('a:{"x":1}+b+c');
    const second = await runGraph(chain(), { store });
    expect(second.ran).toEqual([]);
    expect(second.cached.length).toBe(3);
    // damage b's output: it is detected on read, reported, dropped and rebuilt
    writeFileSync(join(second.results.get('b:y')!.dir, 'value'), 'garbage');
    const events: TaskEvent[] = [];
    const third = await runGraph(chain(), { store, onEvent: (e) => events.push(e) });
    expect(third.ran).toEqual(['b:y']);
    expect(readFileSync(join(third.results.get('b:y')!.dir, 'value'), 'utf8')).toBe('a:{"x":1}+b');
    expect(events.filter((e) => e.type === 'damaged')).toEqual([
      { type: 'damaged', name: 'b:y', stage: 'b', key: third.results.get('b:y')!.key, problem: 'files/value: 7 bytes, expected 11' },
    ]);
  });

  it('with reads, verifies only the entries whose files are read: those asked for and the dependencies of tasks that run', async () => {
    const store = new Store(scratch('reads'));
    const first = await runGraph(chain(), { store });
    writeFileSync(join(first.results.get('a')!.dir, 'value'), 'garbage');
    // nothing runs and only c:z is read: a's damage is not looked at, nor trusted by anyone
    const events: TaskEvent[] = [];
    const quiet = await runGraph(chain(), { store, reads: (name) => name === 'c:z', onEvent: (e) => events.push(e) });
    expect(quiet.ran).toEqual([]);
    expect(events.filter((e) => e.type === 'damaged')).toEqual([]);
    expect(readFileSync(join(quiet.results.get('c:z')!.dir, 'value'), 'utf8')).toBe('a:{"x":1}+b+c');
    // b:y must run (its entry is gone): a, which it reads, is verified, found damaged and rebuilt
    rmSync(join(first.results.get('b:y')!.dir, '..'), { recursive: true });
    const rerun = await runGraph(chain(), { store, reads: () => false, onEvent: (e) => events.push(e) });
    expect(rerun.ran.sort()).toEqual(['a', 'b:y']);
    expect(events.filter((e) => e.type === 'damaged').map((e) => (e as Extract<TaskEvent, { type: 'damaged' }>).name)).toEqual(['a']);
    expect(readFileSync(join(rerun.results.get('b:y')!.dir, 'value'), 'utf8')).toBe('a:{"x":1}+b');
  });

  it('every byte of an entry is verified: entry.json (even when it still parses), extra files, modes', async () => {
    const store = new Store(scratch('bytes'));
    const first = await runGraph(chain(), { store });
    const entryOf = (name: string) => join(first.results.get(name)!.dir, '..', 'entry.json');
    const damage: [string, (dir: string) => void, RegExp][] = [
      ['a', (d) => writeFileSync(join(d, '..', 'entry.json'), readFileSync(entryOf('a'), 'utf8').replace('"made"', '"made2"')), /^entry\.json does not match its seal$/],
      ['b:y', (d) => writeFileSync(join(d, '..', 'entry.json'), readFileSync(entryOf('b:y'), 'utf8').replace('{', '{ ')), /^entry\.json does not match its seal$/],
      ['c:z', (d) => writeFileSync(join(d, 'extra'), ''), /^files\/extra is not listed in entry\.json$/],
    ];
    for (const [name, hurt] of damage) hurt(first.results.get(name)!.dir);
    const events: TaskEvent[] = [];
    const again = await runGraph(chain(), { store, onEvent: (e) => events.push(e) });
    expect(again.ran.sort()).toEqual(['a', 'b:y', 'c:z']);
    for (const [name, , problem] of damage) {
      const e = events.find((x) => x.type === 'damaged' && x.name === name) as Extract<TaskEvent, { type: 'damaged' }>;
      expect(e.problem, name).toMatch(problem);
    }
    // the meta a damaged entry.json carried is not what the rebuilt one holds
    expect(again.results.get('a')!.meta).toEqual({ made: 'a' });
    for (const stage of store.stages()) for (const key of store.keys(stage)) expect(store.verify(store.entryPath(stage, key))).toBeNull();
    chmodSync(join(again.results.get('a')!.dir, 'value'), 0o755);
    expect(store.verify(join(again.results.get('a')!.dir, '..'))).toBe('files/value: mode 755, expected 644');
  });

  it('a full disk while writing an entry fails the task naming the path, and leaves no temp entry', async () => {
    const store = new Store(scratch('full'));
    const nodes = [
      node('a', [], 1, () => {
        // what Node throws for a write on a full disk: no path in it
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
      }),
    ];
    const s = await runGraph(nodes, { store });
    expect(s.failed[0].error.message).toMatch(new RegExp(`^no space left on device writing ${store.root}/a/\\.tmp-${process.pid}-[0-9a-f]{12} \\([^)]*free\\)$`));
    expect(readdirSync(join(store.root, 'a'))).toEqual([]);
  });

  it('runs independent nodes in parallel up to the job limit', async () => {
    let running = 0;
    let peak = 0;
    const nodes = Array.from({ length: 6 }, (_, i) =>
      node(`n:${i}`, [], i, async (out) => {
        peak = Math.max(peak, ++running);
        await new Promise((r) => setTimeout(r, 50));
        running--;
        writeFileSync(join(out, 'v'), String(i));
      }),
    );
    await runGraph(nodes, { store: new Store(scratch('par')), jobs: 2 });
    expect(peak).toBe(2);
  });

  it('a failure stops dependents, leaves no entry, and is reported with the task name', async () => {
    const store = new Store(scratch('fail'));
    const nodes = [
      node('a', [], 1, () => {
        throw new Error('compiler exploded');
      }),
      node('b', ['a'], 1),
    ];
    const s = await runGraph(nodes, { store });
    expect(s.failed.map((f) => [f.name, f.error.message])).toEqual([['a', 'compiler exploded']]);
    expect(s.blocked).toEqual(['b']);
    expect(existsSync(join(store.root, 'a')) ? readdirSync(join(store.root, 'a')) : []).toEqual([]);
  });
});
