// Weak references for RTS programs (PyPy's rlib/rweakref and the GC's weakref support).
//
// A weak entry pairs a target with an owner (the program's weak-reference object). Both are
// held weakly: a collection that finds the owner dead frees the entry; one that finds the
// target dead (owner alive) clears it and queues the entry, so the program can run callbacks
// at a safe point after the collection (takeCleared), never inside the collector. A queued
// entry keeps its owner alive until taken.
//
// Translated, the collector (translate/runtime/gc.c) does this after marking. Untranslated,
// Node's own GC cannot be asked whether an object is reachable (a WeakRef that was deref'd
// stays alive until the program's one job ends), so collect() marks from the roots the program
// registered with addRoot, by walking own properties, arrays and Maps: the same semantics, at
// the program's explicit collections only. Objects referenced only from Node locals are not
// seen there (translated, the shadow stack roots them), so an untranslated collection may clear
// a weak entry whose target only such a local holds.
import type { int } from './types.ts';
import { GcRef, asRef } from './gcref.ts';

class Entry {
  target: object | null;
  owner: object | null;
  constructor(target: object, owner: object) {
    this.target = target;
    this.owner = owner;
  }
}
const entries: (Entry | null)[] = [];
const freeIds: int[] = [];
const cleared: int[] = [];
const roots: object[] = [];
let collections = 0;
// finalizable objects (PEP 442, as PyPy's): registered ones not yet found dead, and the queue of
// those a collection found dead, kept alive (with all they reach) until taken
const fin: object[] = [];
const finq: object[] = [];

/** A new weak entry for target, owned by owner: its handle. */
export function create(target: object, owner: object): int {
  const e = new Entry(target, owner);
  const h = freeIds.length > 0 ? (freeIds.pop() as int) : entries.length;
  if (h === entries.length) entries.push(e);
  else entries[h] = e;
  return h;
}
/** Whether entry h's target is still alive (false once a collection cleared it). */
export function alive(h: int): boolean {
  const e = entries[h];
  return e !== null && e !== undefined && e.target !== null;
}
/** Entry h's target; only while alive(h). */
export function get(h: int): GcRef {
  const e = entries[h];
  if (!e || e.target === null) throw new Error(`weak: entry ${h} has no target`);
  return asRef(e.target);
}
/** Entry h's owner (the entry must not have been freed). */
export function owner(h: int): GcRef {
  const e = entries[h];
  if (!e || e.owner === null) throw new Error(`weak: entry ${h} has no owner`);
  return asRef(e.owner);
}
/** The next entry a collection cleared (its owner still alive), or -1. The entry stays valid
 * until free(h). */
export function takeCleared(): int {
  return cleared.length > 0 ? (cleared.shift() as int) : -1;
}
/** The first live entry at or after handle `from` whose target is target, or -1. */
export function find(target: object, from: int): int {
  for (let h = from; h < entries.length; h++) {
    const e = entries[h];
    if (e !== null && e.target === target && !cleared.includes(h)) return h;
  }
  return -1;
}
/** Whether takeCleared has entries waiting: one load, for the program's safe points. */
export function pending(): boolean {
  return cleared.length > 0;
}
/** Frees entry h (its owner is done with it). */
export function free(h: int): void {
  if (entries[h] === null || entries[h] === undefined) return;
  entries[h] = null;
  freeIds.push(h);
}
/** Registers o as finalizable: a collection that finds it dead keeps it (and all it reaches)
 * alive and queues it for takeFinalizable, once. */
export function finalizable(o: object): void {
  fin.push(o);
}
/** Whether takeFinalizable has objects waiting: one load, for the program's safe points. */
export function finPending(): boolean {
  return finq.length > 0;
}
/** The next object a collection found dead among the finalizable ones; only while finPending(). */
export function takeFinalizable(): GcRef {
  const o = finq.shift();
  if (o === undefined) throw new Error('weak: no finalizable object queued');
  return asRef(o);
}
/** Makes o a root of untranslated collections (translated, every prebuilt object is one). */
export function addRoot(o: object): void {
  if (!roots.includes(o)) roots.push(o);
}
/** Marks (into seen) everything reachable from work: own properties, arrays, Maps, Sets. */
function markFrom(work: unknown[], seen: Set<unknown>): void {
  while (work.length > 0) {
    const o = work.pop();
    if (o === null || typeof o !== 'object' || seen.has(o)) continue;
    seen.add(o);
    if (o instanceof Entry) continue;
    if (Array.isArray(o)) {
      for (const x of o) if (x !== null && typeof x === 'object') work.push(x);
    } else if (o instanceof Map) {
      for (const [k, v] of o) {
        if (k !== null && typeof k === 'object') work.push(k);
        if (v !== null && typeof v === 'object') work.push(v);
      }
    } else if (o instanceof Set) {
      for (const x of o) if (x !== null && typeof x === 'object') work.push(x);
    } else if (!(o instanceof WeakMap) && !(o instanceof WeakSet) && !(o instanceof WeakRef)) {
      for (const k of Object.keys(o)) {
        const v = (o as Record<string, unknown>)[k];
        if (v !== null && typeof v === 'object') work.push(v);
      }
    }
  }
}
/** Runs a full collection now: the number of objects it found dead (untranslated: of weak
 * targets and owners it found dead). */
export function collect(): int {
  collections++;
  const seen = new Set<unknown>();
  const work: unknown[] = [...roots, ...finq];
  // a queued entry's owner is a root until taken
  for (const h of cleared) {
    const e = entries[h];
    if (e && e.owner) work.push(e.owner);
  }
  markFrom(work, seen);
  // the finalizable objects found dead are queued and live on, with all they reach
  let keep = 0;
  for (const o of fin) {
    if (seen.has(o)) fin[keep++] = o;
    else {
      finq.push(o);
      work.push(o);
    }
  }
  fin.length = keep;
  markFrom(work, seen);
  let dead = 0;
  for (let h = 0; h < entries.length; h++) {
    const e = entries[h];
    if (e === null) continue;
    if (e.owner !== null && !seen.has(e.owner) && !cleared.includes(h)) {
      dead++;
      if (e.target !== null && !seen.has(e.target)) dead++;
      free(h);
    } else if (e.target !== null && !seen.has(e.target)) {
      dead++;
      e.target = null;
      cleared.push(h);
    }
  }
  return dead;
}
/** How many collections have run (translated: automatic ones too). */
export function count(): int {
  return collections;
}
