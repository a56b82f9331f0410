// Insertion-ordered hash table behind dict, set and frozenset. Hashing and equality can run
// Python code (user __hash__/__eq__), so they come from the runtime.
import type { int } from '../../translate/rlib/index.ts';
import { floorDiv, floorMod } from '../../translate/rlib/index.ts';
import { PyObject, PyDict, PyStr, PyInt, PyInstance, intType, boolType, strType, mapGetInt } from './core.ts';
import { pyHash, pyEq } from '../interpreter/runtime.ts';

export function strHash(s: PyStr): int {
  if (s.hash !== -1) return s.hash;
  const t = s.s;
  let h = 5381;
  for (let i = 0; i < t.length; i++) {
    h = ((h << 5) + h + t.charCodeAt(i)) | 0;
  }
  if (h === -1) h = -2;
  s.hash = h;
  return h;
}

function keyEq(a: PyObject, b: PyObject): boolean {
  if (a === b) return true;
  if (a instanceof PyStr && b instanceof PyStr && a.cls === strType && b.cls === strType) return a.s === b.s;
  if (a instanceof PyInt && b instanceof PyInt && a.big === null && b.big === null && (a.cls === intType || a.cls === boolType) && (b.cls === intType || b.cls === boolType)) return a.v === b.v;
  return pyEq(a, b);
}

function hashOf(k: PyObject): int {
  if (k instanceof PyStr && k.cls === strType) return strHash(k);
  // pyHash of a machine int: itself, except -1 (as CPython)
  if (k instanceof PyInt && k.big === null && (k.cls === intType || k.cls === boolType)) return k.v === -1 ? -2 : k.v;
  return pyHash(k);
}

/** Index into d.keys of key, or -1. A key's __eq__ may change d (clear it, delete or add keys):
 * then the probe starts over on the table as it now is, as CPython's lookup does, rather than go
 * on reading entries that are gone. */
export function dictFind(d: PyDict, key: PyObject, h: int): int {
  for (;;) {
    const r = probe(d, key, h);
    if (r !== RESTART) return r;
  }
}
const RESTART = -3;
/** One probe of dictFind: the entry, -1, or RESTART when a comparison changed the table. */
function probe(d: PyDict, key: PyObject, h: int): int {
  const index = d.index;
  const mask = index.length - 1;
  let i = h & mask;
  let perturb = floorMod(h < 0 ? -h : h, 1073741824);
  for (;;) {
    const e = index[i];
    if (e === -1) return -1;
    if (e >= 0 && d.hashes[e] === h) {
      const k = d.keys[e];
      // the same object: found without a comparison (CPython's lookup tests identity first)
      if (k === key) return e;
      if (k !== null) {
        const eq = keyEq(k, key);
        if (d.index !== index || e >= d.keys.length || d.keys[e] !== k) return RESTART;
        if (eq) return e;
      }
    }
    perturb = floorDiv(perturb, 32);
    i = (i * 5 + perturb + 1) & mask;
  }
}
/** Puts entry e in the first free or deleted slot of its probe sequence (the caller knows
 * the key is absent). */
function insertIndex(d: PyDict, h: int, e: int): void {
  const index = d.index;
  const mask = index.length - 1;
  let i = h & mask;
  let perturb = floorMod(h < 0 ? -h : h, 1073741824);
  while (index[i] >= 0) {
    perturb = floorDiv(perturb, 32);
    i = (i * 5 + perturb + 1) & mask;
  }
  if (index[i] === -1) d.fill++;
  index[i] = e;
}
class EmptyIndex {
  slots: int[] = [];
}
const EMPTY_INDEX = new EmptyIndex();
/** An index of n empty slots, allocated once at its size (a copy of a prebuilt one). */
function emptyIndex(n: int): int[] {
  const t = EMPTY_INDEX.slots;
  while (t.length < n) t.push(-1);
  return t.slice(0, n);
}
/** A bigger index for d's entries; the entries are compacted first when deleted ones left
 * holes (a dict that only grew keeps its entry lists: most rebuilds are of those). */
function rebuild(d: PyDict): void {
  if (d.used !== d.keys.length) {
    const keys: (PyObject | null)[] = [];
    const vals: (PyObject | null)[] = [];
    const hashes: int[] = [];
    for (let i = 0; i < d.keys.length; i++) {
      if (d.keys[i] !== null) {
        keys.push(d.keys[i]);
        vals.push(d.vals[i]);
        hashes.push(d.hashes[i]);
      }
    }
    d.keys = keys;
    d.vals = vals;
    d.hashes = hashes;
  }
  let n = 8;
  while (n * 2 <= d.keys.length * 3) n = n * 2;
  d.index = emptyIndex(n);
  d.fill = 0;
  const hashes = d.hashes;
  for (let e = 0; e < hashes.length; e++) insertIndex(d, hashes[e], e);
}

export function dictGet(d: PyDict, key: PyObject): PyObject | null {
  const e = dictFind(d, key, hashOf(key));
  return e >= 0 ? d.vals[e] : null;
}
export function dictHas(d: PyDict, key: PyObject): boolean {
  return dictFind(d, key, hashOf(key)) >= 0;
}
export function dictSet(d: PyDict, key: PyObject, v: PyObject): void {
  dictSetKnownHash(d, key, hashOf(key), v);
}
/** dictSet of a key whose hash h another table already stored: sets and dicts built from a set
 * or a dict do not hash the keys again (CPython's set_merge, dict_merge and their kin). */
export function dictSetKnownHash(d: PyDict, key: PyObject, h: int, v: PyObject): void {
  if (d.owner !== null && key instanceof PyStr) ownerSet(d.owner, key.s, v);
  const e = dictFind(d, key, h);
  if (e >= 0) {
    d.vals[e] = v;
    return;
  }
  d.keys.push(key);
  d.vals.push(v);
  d.hashes.push(h);
  d.used++;
  d.ver++;
  if ((d.fill + 1) * 3 >= d.index.length * 2 || d.keys.length >= d.index.length) rebuild(d);
  else insertIndex(d, h, d.keys.length - 1);
}
export function dictDel(d: PyDict, key: PyObject): boolean {
  if (d.owner !== null && key instanceof PyStr) ownerDel(d.owner, key.s);
  const h = hashOf(key);
  const e = dictFind(d, key, h);
  if (e < 0) return false;
  d.keys[e] = null;
  d.vals[e] = null;
  d.used--;
  d.ver++;
  // mark the index slot as deleted (-2)
  const index = d.index;
  const mask = index.length - 1;
  let i = h & mask;
  let perturb = floorMod(h < 0 ? -h : h, 1073741824);
  while (index[i] !== e) {
    perturb = floorDiv(perturb, 32);
    i = (i * 5 + perturb + 1) & mask;
  }
  index[i] = -2;
  // the entry stays a hole even when it is the newest, so that a key deleted and added again
  // lands behind a running iterator, which then sees one entry more than it expects (CPython's
  // 'dictionary keys changed during iteration'); holes are compacted here once they are half
  if (d.used * 2 < d.keys.length && d.keys.length > 16) rebuild(d);
  return true;
}
export function dictClear(d: PyDict): void {
  if (d.owner !== null) {
    d.owner.map = d.owner.cls.rootMap;
    d.owner.slots = [];
  }
  d.ver++;
  d.keys = [];
  d.vals = [];
  d.hashes = [];
  d.used = 0;
  d.fill = 0;
  d.index = emptyIndex(8);
}
/** An attribute of the instance whose __dict__ was written. */
function ownerSet(o: PyInstance, name: string, v: PyObject): void {
  const idx = mapGetInt(o.map.names, name, -1);
  if (idx >= 0) {
    o.slots[idx] = v;
    return;
  }
  o.map = o.map.withAttr(name);
  o.slots.push(v);
}
function ownerDel(o: PyInstance, name: string): void {
  const idx = mapGetInt(o.map.names, name, -1);
  if (idx < 0) return;
  // rebuilt without the attribute so the map stays canonical (as genericDelAttr does)
  const names = o.map.order.slice(0);
  const vals = o.slots.slice(0);
  o.map = o.cls.rootMap;
  o.slots = [];
  for (let i = 0; i < names.length; i++) {
    if (i !== idx) {
      o.map = o.map.withAttr(names[i]);
      o.slots.push(vals[i]);
    }
  }
}
// string-keyed fast paths (globals, class namespaces, kwargs)
export function dictGetStr(d: PyDict, name: PyStr): PyObject | null {
  const e = dictFind(d, name, strHash(name));
  return e >= 0 ? d.vals[e] : null;
}
export function dictGetS(d: PyDict, name: string): PyObject | null {
  return dictGet(d, new PyStr(strType, name));
}
export function dictSetS(d: PyDict, name: string, v: PyObject): void {
  dictSet(d, new PyStr(strType, name), v);
}
export function dictKeys(d: PyDict): PyObject[] {
  const out: PyObject[] = [];
  for (const k of d.keys) if (k !== null) out.push(k);
  return out;
}

/** The live keys of a table with the hashes it stored for them, in order. */
export class HashedKeys {
  keys: PyObject[] = [];
  hashes: int[] = [];
}
export function hashedKeys(d: PyDict): HashedKeys {
  const r = new HashedKeys();
  for (let i = 0; i < d.keys.length; i++) {
    const k = d.keys[i];
    if (k !== null) {
      r.keys.push(k);
      r.hashes.push(d.hashes[i]);
    }
  }
  return r;
}
/** Adds each of ks to d with value v, by the hashes ks carry. */
export function dictAddHashed(d: PyDict, ks: HashedKeys, v: PyObject): void {
  for (let i = 0; i < ks.keys.length; i++) dictSetKnownHash(d, ks.keys[i], ks.hashes[i], v);
}
