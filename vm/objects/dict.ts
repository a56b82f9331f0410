// Insertion-ordered hash table behind dict, set and frozenset. Hashing and equality can run
// Python code (user __hash__/__eq__), so they come from the runtime.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyDict, PyStr, PyInt, PyInstance, intType, boolType, strType, mapGetInt, bigOf } from './core.ts';
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
  if (isPlainInt(a) && isPlainInt(b)) return (a as PyInt).v === (b as PyInt).v;
  return pyEq(a, b);
}

/** An exact int or bool in the machine range: its hash is its value (-1's is -2, as CPython's),
 * and it equals another such int exactly when their values are equal, without Python code. */
export function isPlainInt(k: PyObject): boolean {
  if (!(k instanceof PyInt) || bigOf(k) !== null) return false;
  const c = k.cls;
  return c === intType || c === boolType;
}
/** The hash of a plain int of value v. */
function plainIntHash(v: int): int {
  return v === -1 ? -2 : v;
}

function hashOf(k: PyObject): int {
  if (k instanceof PyStr && k.cls === strType) return strHash(k);
  if (isPlainInt(k)) return plainIntHash((k as PyInt).v);
  return pyHash(k);
}

// The probe sequence of hash h in an index of mask + 1 slots (CPython's): slot h & mask first,
// then i = (i * 5 + perturb + 1) & mask with perturb shifted right 5 bits before each step.
// perturb starts as |h| cut to 30 bits, so that it is never negative and is the same with
// 64-bit machine ints and untranslated JS numbers; with it, bit operations are floor division
// and modulo. Every loop over the index walks this sequence.
function perturbOf(h: int): int {
  return (h < 0 ? -h : h) & 1073741823;
}

/** Where the latest lookup that found its key found it: the index slot of the entry, which
 * dictDel marks deleted without walking the probe sequence again. Set by the lookups just
 * before they return (after any __eq__ they ran), so it is the caller's own. */
class Found {
  slot: int = 0;
}
const FOUND = new Found();

/** Index into d.keys of key, or -1. A key's __eq__ may change d (clear it, delete or add keys):
 * then the probe starts over on the table as it now is, as CPython's lookup does, rather than go
 * on reading entries that are gone. */
export function dictFind(d: PyDict, key: PyObject, h: int): int {
  const e = findPlainInt(d, key);
  return e !== NOT_PLAIN ? e : findByEq(d, key, h);
}
/** dictFind by the generic probe, which compares through __eq__. */
function findByEq(d: PyDict, key: PyObject, h: int): int {
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
  let perturb = perturbOf(h);
  for (;;) {
    const e = index[i];
    if (e === -1) return -1;
    if (e >= 0 && d.hashes[e] === h) {
      const k = d.keys[e];
      // the same object: found without a comparison (CPython's lookup tests identity first)
      if (k === key) {
        FOUND.slot = i;
        return e;
      }
      if (k !== null) {
        const eq = keyEq(k, key);
        if (d.index !== index || e >= d.keys.length || d.keys[e] !== k) return RESTART;
        if (eq) {
          FOUND.slot = i;
          return e;
        }
      }
    }
    perturb = perturb >> 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}
/** NOT_PLAIN: findPlainInt's key is not a plain int (the caller looks it up its general way). */
export const NOT_PLAIN = -2;
/** The entry of key in d, or -1, when key is a plain int (isPlainInt); else NOT_PLAIN. The one
 * lookup of int keys, which the interpreter's `in`, set.add, set.discard and the dict and set
 * functions below call first, in one call. Entries of its hash whose keys are plain ints are
 * compared by value, with no Python code, so the table cannot change under the probe. An entry
 * of its hash holding anything else (a float equal to it, an int subclass with its own __eq__, a
 * key of another type whose hash collides) needs a real comparison: the generic probe then
 * answers, from the start of the sequence as a comparison could restart it anyway. */
export function findPlainInt(d: PyDict, key: PyObject): int {
  if (!isPlainInt(key)) return NOT_PLAIN;
  const v = (key as PyInt).v;
  const h = plainIntHash(v);
  const index = d.index;
  const hashes = d.hashes;
  const keys = d.keys;
  const mask = index.length - 1;
  let i = h & mask;
  let perturb = perturbOf(h);
  for (;;) {
    const e = index[i];
    if (e === -1) return -1;
    if (e >= 0 && hashes[e] === h) {
      const k = keys[e];
      if (k === key) {
        FOUND.slot = i;
        return e;
      }
      if (k !== null) {
        if (!isPlainInt(k)) return findByEq(d, key, h);
        if ((k as PyInt).v === v) {
          FOUND.slot = i;
          return e;
        }
      }
    }
    perturb = perturb >> 5;
    i = (i * 5 + perturb + 1) & mask;
  }
}
/** Puts entry e in the first free or deleted slot of its probe sequence (the caller knows
 * the key is absent). */
function insertIndex(d: PyDict, h: int, e: int): void {
  const index = d.index;
  const mask = index.length - 1;
  let i = h & mask;
  let perturb = perturbOf(h);
  while (index[i] >= 0) {
    perturb = perturb >> 5;
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
/** A new index for d's entries, sized for them. Deleted entries are compacted out first, in
 * place. A table with holes is being churned (keys discarded and added again: each add is a new
 * entry, and a full entry list means a rebuild), so it is given room for four times its live
 * entries, as CPython sizes a resized set, rather than half as many again as a growing table:
 * a set of a few small ints under add/discard is rebuilt every dozen adds, not every few. The
 * index is always a new list, so that a probe that ran Python code (__eq__) sees that the table
 * changed under it (probe's RESTART). */
function rebuild(d: PyDict): void {
  const keys = d.keys;
  const n = keys.length;
  const churned = d.used !== n;
  if (churned) {
    const vals = d.vals;
    const hashes = d.hashes;
    let m = 0;
    for (let i = 0; i < n; i++) {
      const k = keys[i];
      if (k !== null) {
        keys[m] = k;
        vals[m] = vals[i];
        hashes[m] = hashes[i];
        m++;
      }
    }
    keys.length = m;
    vals.length = m;
    hashes.length = m;
  }
  const m = keys.length;
  let size = 8;
  if (churned) {
    while (size < m * 4) size = size * 2;
  } else {
    while (size * 2 <= m * 3) size = size * 2;
  }
  d.index = emptyIndex(size);
  d.fill = 0;
  const hashes = d.hashes;
  for (let e = 0; e < hashes.length; e++) insertIndex(d, hashes[e], e);
}

/** dictFind of key, hashed here. */
function find(d: PyDict, key: PyObject): int {
  const e = findPlainInt(d, key);
  return e !== NOT_PLAIN ? e : findByEq(d, key, hashOf(key));
}
export function dictGet(d: PyDict, key: PyObject): PyObject | null {
  const e = find(d, key);
  return e >= 0 ? d.vals[e] : null;
}
export function dictHas(d: PyDict, key: PyObject): boolean {
  return find(d, key) >= 0;
}
export function dictSet(d: PyDict, key: PyObject, v: PyObject): void {
  const e = findPlainInt(d, key);
  if (e === NOT_PLAIN) dictSetKnownHash(d, key, hashOf(key), v);
  else if (e >= 0) d.vals[e] = v;
  else addEntry(d, key, plainIntHash((key as PyInt).v), v);
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
  addEntry(d, key, h, v);
}
/** Adds key (absent from d, of hash h) with value v as d's newest entry. */
function addEntry(d: PyDict, key: PyObject, h: int, v: PyObject): void {
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
  const e = find(d, key);
  if (e < 0) return false;
  d.keys[e] = null;
  d.vals[e] = null;
  d.used--;
  d.ver++;
  // the lookup's slot is marked deleted (-2)
  d.index[FOUND.slot] = -2;
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
