// The interpreter's lookup caches: per-instruction inline caches for attribute, method and
// global lookups (InlineCache in compiler/code.ts), and per-class knowledge of how a call of
// the class builds its instance. The interpreter probes the caches inline; the functions here
// are its slow paths, which fill them.
import { allowedSlotNames } from './slotrules.ts';
import type { int } from '../../translate/rlib/index.ts';
import {
  PyObject, PyType, PyInstance, PyBaseExc, PyInt, PyFloat, PyStr, PyTuple, PyDict, PyBuiltin, PyNoneType, ShapeMap, HOLD,
  objectType, typeType, mapGetInt, PyExc, dictType, KeyError,
} from '../objects/core.ts';
import { InlineCache, IcEntry, NO_ENTRY } from '../compiler/code.ts';
import { B } from '../builtins/ids.ts';
import { dictFind, strHash, dictGetStr } from '../objects/dict.ts';
import { PyFunction } from './frame.ts';
import { VM, builtinsOf } from './state.ts';
import { lookupType, getItem, isInstance } from './runtime.ts';

/** object.__getattribute__ / object.__setattr__, to tell whether a class overrides them. */
class BuiltinSlot {
  fn: PyObject | null = null;
}
const OBJECT_GA = new BuiltinSlot();
const OBJECT_SA = new BuiltinSlot();
/** Called once the builtins exist. */
export function initEvalCaches(): void {
  const ga = objectType.dict.get('__getattribute__');
  OBJECT_GA.fn = ga === undefined ? null : ga;
  const sa = objectType.dict.get('__setattr__');
  OBJECT_SA.fn = sa === undefined ? null : sa;
}

/** A class attribute that attribute access returns as it is (no descriptor protocol: its
 * type is a builtin one, which has no __get__). */
function isPlainValue(d: PyObject): boolean {
  return (d instanceof PyInt || d instanceof PyFloat || d instanceof PyStr || d instanceof PyTuple || d instanceof PyNoneType) && d.cls.isBuiltin;
}
export function icReset(ic: InlineCache): void {
  ic.ver = HOLD.typeVersion;
  ic.next = 0;
  ic.e0 = NO_ENTRY;
  ic.e1 = NO_ENTRY;
  ic.e2 = NO_ENTRY;
  ic.e3 = NO_ENTRY;
  ic.bc = null;
}
function icAdd(ic: InlineCache, m: ShapeMap, slot: int, v: PyObject | null, after: ShapeMap | null): void {
  if (ic.ver !== HOLD.typeVersion) icReset(ic);
  const k = ic.next;
  ic.next = (k + 1) & 3;
  const e = new IcEntry(m, slot, v, after);
  if (k === 0) ic.e0 = e;
  else if (k === 1) ic.e1 = e;
  else if (k === 2) ic.e2 = e;
  else ic.e3 = e;
}
/** The entry of ic for receiver map m, or null: the one probe of the instance caches, which the
 * interpreter makes on its fast paths before calling the slow paths below. It is split into
 * one-test steps so that each is small enough for the translator to inline (see findInlinable
 * in translate/genc/genc.ts): the C compiler then folds the chain into its callers. */
export function icProbe(ic: InlineCache, m: ShapeMap): IcEntry | null {
  if (ic.ver !== HOLD.typeVersion) return null;
  return icProbe0(ic, m);
}
function icProbe0(ic: InlineCache, m: ShapeMap): IcEntry | null {
  const e = ic.e0;
  if (e.map === m) return e;
  return icProbe1(ic, m);
}
function icProbe1(ic: InlineCache, m: ShapeMap): IcEntry | null {
  const e = ic.e1;
  if (e.map === m) return e;
  return icProbe2(ic, m);
}
function icProbe2(ic: InlineCache, m: ShapeMap): IcEntry | null {
  const e = ic.e2;
  if (e.map === m) return e;
  return icProbe3(ic, m);
}
function icProbe3(ic: InlineCache, m: ShapeMap): IcEntry | null {
  const e = ic.e3;
  return e.map === m ? e : null;
}
/** The classes whose instances get the generic attribute protocol the caches assume. */
function cacheableInstance(o: PyInstance): boolean {
  return !o.cls.isBuiltin && !(o instanceof PyBaseExc) && lookupType(o.cls, '__getattribute__') === OBJECT_GA.fn;
}
/** LOAD_ATTR of name on instance o through ic; null when the cache cannot answer (the caller
 * then takes the generic path). */
export function loadAttrIC(ic: InlineCache, o: PyInstance, name: string): PyObject | null {
  const e = icProbe(ic, o.map);
  if (e !== null) return e.slot >= 0 ? o.slots[e.slot] : e.value;
  if (!cacheableInstance(o)) return null;
  const idx = mapGetInt(o.map.names, name, -1);
  const d = lookupType(o.cls, name);
  if (idx >= 0) {
    const v = o.slots[idx];
    if (v === null || !(d === null || d instanceof PyFunction || isPlainValue(d))) return null;
    icAdd(ic, o.map, idx, null, null);
    return v;
  }
  if (d === null || !isPlainValue(d)) return null;
  icAdd(ic, o.map, -1, d, null);
  return d;
}
/** LOAD_METHOD of name on instance o: the function to call with o, or null. A builtin method
 * of the class counts too (the methods of _asyncio's Future and Task, of _io's classes, a
 * Python subclass's inherited ones): the call passes o as its first argument, as calling the
 * bound method would, without making one. */
export function loadMethodIC(ic: InlineCache, o: PyInstance, name: string): PyObject | null {
  const e = icProbe(ic, o.map);
  if (e !== null) return e.value;
  if (!cacheableInstance(o) || o.map.names.has(name)) return null;
  const d = lookupType(o.cls, name);
  if (d === null || !(d instanceof PyFunction || (d instanceof PyBuiltin && d.isMethod))) return null;
  icAdd(ic, o.map, -1, d, null);
  return d;
}
/** STORE_ATTR of name on instance o: true when done through the cache. */
export function storeAttrIC(ic: InlineCache, o: PyInstance, name: string, v: PyObject): boolean {
  const e = icProbe(ic, o.map);
  if (e !== null) {
    const t = e.after;
    if (t !== null) {
      o.map = t;
      o.slots.push(v);
    } else o.slots[e.slot] = v;
    return true;
  }
  if (o.cls.isBuiltin || o instanceof PyBaseExc || lookupType(o.cls, '__setattr__') !== OBJECT_SA.fn) return false;
  // __class__ assignment and the attributes __slots__ forbid take setAttr's way
  if (name === '__class__') return false;
  if (mapGetInt(o.map.names, name, -1) < 0) {
    const allowed = allowedSlotNames(o.cls);
    if (allowed !== null && !allowed.has(name)) return false;
  }
  const d = lookupType(o.cls, name);
  if (!(d === null || d instanceof PyFunction || isPlainValue(d))) return false;
  const idx = mapGetInt(o.map.names, name, -1);
  const m = o.map;
  if (idx >= 0) {
    icAdd(ic, m, idx, null, null);
    o.slots[idx] = v;
  } else {
    const t = m.withAttr(name);
    icAdd(ic, m, -1, null, t);
    o.map = t;
    o.slots.push(v);
  }
  return true;
}
/** The value of name in d (a module's globals) or, when absent and builtins is true, in the
 * builtins; caches the entry number in ic. */
export function globalIC(ic: InlineCache, d: PyDict, name: PyStr, builtins: boolean): PyObject | null {
  const bi = VM.builtins;
  if (ic.gd === d && ic.gver === d.ver && ic.bver === bi.ver) {
    const v = ic.gb ? bi.vals[ic.gidx] : d.vals[ic.gidx];
    if (v !== null) return v;
  }
  if (builtins) {
    // globals of another kind than dict, or builtins of their own (exec(code, {'__builtins__':
    // {...}})): looked up as CPython's LOAD_GLOBAL does, and never cached
    const bo = builtinsOf(d);
    if (bo !== bi || d.cls !== dictType) {
      const v = mappingLookup(d, name);
      return v !== null ? v : mappingLookup(bo, name);
    }
  }
  const h = strHash(name);
  let e = dictFind(d, name, h);
  let inB = false;
  if (e < 0) {
    if (!builtins) return null;
    e = dictFind(bi, name, h);
    if (e < 0) return null;
    inB = true;
  }
  ic.gd = d;
  ic.gver = d.ver;
  ic.bver = bi.ver;
  ic.gidx = e;
  ic.gb = inB;
  return inB ? bi.vals[e] : d.vals[e];
}

// ---- calls of classes ----
export const CTOR_GENERIC = 0;
/** a plain instance, then a simple Python __init__ (ctorInit) */
export const CTOR_INIT = 1;
/** a plain instance and nothing else (object.__init__) */
export const CTOR_BARE = 2;
/** How calling class t builds its instance (cached on t until a class changes). */
export function ctorKind(t: PyType): int {
  if (t.ctorVer === HOLD.typeVersion) return t.ctorKind;
  let kind = CTOR_GENERIC;
  let init: PyObject | null = null;
  if (t.cls === typeType && !t.isBuiltin) {
    let base: PyType = objectType;
    for (const m of t.mro) {
      if (m.isBuiltin) {
        base = m;
        break;
      }
    }
    const nf = lookupType(t, '__new__');
    // a class with __del__ allocates through allocInstance, which registers its finalizer
    if (base === objectType && (nf === null || (nf instanceof PyBuiltin && nf.id === B.OBJECT_NEW)) && lookupType(t, '__del__') === null) {
      const ini = lookupType(t, '__init__');
      if (ini !== null && ini instanceof PyFunction && ini.simple) {
        kind = CTOR_INIT;
        init = ini;
      } else if (ini !== null && ini instanceof PyBuiltin && ini.id === B.OBJECT_INIT) kind = CTOR_BARE;
    }
  }
  t.ctorVer = HOLD.typeVersion;
  t.ctorKind = kind;
  t.ctorInit = init;
  return kind;
}

/** name in mapping m as LOAD_GLOBAL and LOAD_NAME read globals and builtins: an exact dict
 * directly, any other object by m[name], a KeyError meaning absent; null when absent. */
export function mappingLookup(m: PyObject, name: PyStr): PyObject | null {
  if (m instanceof PyDict && (m.cls === dictType || lookupType(m.cls, '__getitem__') instanceof PyBuiltin)) return dictGetStr(m, name);
  try {
    return getItem(m, name);
  } catch (e) {
    if (e instanceof PyExc && isInstance(e.exc, KeyError)) return null;
    throw e;
  }
}
/** LOAD_NAME's first two places: the locals (the globals themselves at module level, read
 * through their own __getitem__ when they have one), then the globals' own entries. */
export function loadNameLocal(ld: PyDict | null, g: PyDict, name: PyStr): PyObject | null {
  const v = mappingLookup(ld === null ? g : ld, name);
  return v !== null || ld === null ? v : dictGetStr(g, name);
}
