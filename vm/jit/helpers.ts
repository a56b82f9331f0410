// The interpreter's runtime functions that traces call (CALL_* ops, descr = helper id), each
// with its effect class: the optimizer (later) reads the effect, backends call through
// callHelper (llgraph) or the helper-address table (native backends). A helper raises as the
// interpreter would; GUARD_NO_EXCEPTION after the call leaves the trace with the exception.
import type { int, float } from '../../translate/rlib/index.ts';
import {
  PyObject, PyInt, PyStr, PyDict, PyList, PySet, PyInstance, PySlice, PyBuiltin, PyType, None, NULL_OBJ, True, False, newStr, newDict, raise,
  NameError, sliceType, rangeType, bigOf,
} from '../objects/core.ts';
import {
  callObj, binaryOp, richCompare, truthy, getItem, setItem, getAttr, setAttr, unaryOp, contains, getIter, iterNext,
  repr, str,
} from '../interpreter/runtime.ts';
import { dictGetStr, dictSet } from '../objects/dict.ts';
import { formatValue, asciiRepr } from '../builtins/format.ts';
import { VM, builtinsOf } from '../interpreter/state.ts';
import { makeFunction } from '../interpreter/frame.ts';
import { PyCode } from '../compiler/code.ts';
import { fastCall1, fastCall2, fastMethod0, fastMethod1, fastMethod2, fastRange, fastType1 } from '../interpreter/fastcalls.ts';
import { mappingLookup, loadNameLocal } from '../interpreter/caches.ts';
import { sliceGetFast, sliceSetFast } from '../interpreter/slicing.ts';
import { currentSink } from '../interpreter/drain.ts';

// effect classes (what a call may do to the heap)
export const EF_ELIDABLE = 0; // pure: same arguments, same result, no effect
export const EF_NO_WRITES = 1; // reads the heap, writes nothing
export const EF_WRITES = 2; // writes fields of its arguments, runs no Python code
export const EF_ANY = 3; // may run Python code: anything may change

export const H_CALL = 0; // (callable, self or NULL, args...) -> result
export const H_BINARY_OP = 1; // (a, b, i op) -> result
export const H_RICHCOMPARE = 2; // (a, b, i op) -> result
export const H_TRUTHY = 3; // (o) -> i
export const H_GETITEM = 4; // (o, k) -> v
export const H_SETITEM = 5; // (o, k, v)
export const H_GETATTR = 6; // (o, name) -> v
export const H_SETATTR = 7; // (o, name, v)
export const H_UNARY = 8; // (a, i kind) -> v
export const H_CONTAINS = 9; // (x, c, i negate) -> True/False
export const H_IS = 10; // (a, b) -> i
export const H_GETITER = 11; // (o) -> iterator
export const H_ITERNEXT = 12; // (it) -> next item or null when exhausted
export const H_LOAD_NAME = 13; // (locals dict or None, globals, name) -> v (NameError if missing)
export const H_STORE_NAME = 14; // (dict, name, v)
export const H_FORMAT_VALUE = 15; // (v, spec or NULL, i conversion) -> str
export const H_BUILD_STRING = 16; // (parts...) -> str
export const H_LIST_APPEND = 17; // (list, v)
export const H_BUILD_SLICE = 18; // (start, stop, step) -> slice
export const H_SET_ADD = 19; // (set, v)
export const H_MAP_ADD = 20; // (dict, k, v)
export const H_BUILD_MAP = 21; // (k0, v0, k1, v1, ...) -> dict
export const H_ADD_ATTR = 22; // (instance, name, v): a new attribute, through its map's transition
export const H_MAKE_FUNCTION = 23; // (code, globals, i flags, parts...) -> function (frame.ts makeFunction)
export const H_SINK_OFFER = 24; // (v) -> i: the running frame's sink took v (drain.ts)
export const H_STR_CONCAT = 25; // (a, b) -> a + b, both exact strs
export const H_SLICE_GET = 26; // (o, start, stop, step) -> o[start:stop:step]
export const H_SLICE_SET = 27; // (o, start, stop, step, v): o[start:stop:step] = v

export class HelperDef {
  name: string;
  effect: int;
  constructor(name: string, effect: int) {
    this.name = name;
    this.effect = effect;
  }
}
export class HelperTable {
  defs: HelperDef[] = [];
}
export const HELPERS = new HelperTable();
function helper(id: int, name: string, effect: int): void {
  if (HELPERS.defs.length !== id) throw new Error(`jit helpers: ${name} out of order`);
  HELPERS.defs.push(new HelperDef(name, effect));
}
helper(H_CALL, 'call', EF_ANY);
helper(H_BINARY_OP, 'binary_op', EF_ANY);
helper(H_RICHCOMPARE, 'richcompare', EF_ANY);
helper(H_TRUTHY, 'truthy', EF_ANY);
helper(H_GETITEM, 'getitem', EF_ANY);
helper(H_SETITEM, 'setitem', EF_ANY);
helper(H_GETATTR, 'getattr', EF_ANY);
helper(H_SETATTR, 'setattr', EF_ANY);
helper(H_UNARY, 'unary', EF_ANY);
helper(H_CONTAINS, 'contains', EF_ANY);
helper(H_IS, 'is', EF_ELIDABLE);
helper(H_GETITER, 'getiter', EF_ANY);
helper(H_ITERNEXT, 'iternext', EF_ANY);
helper(H_LOAD_NAME, 'load_name', EF_NO_WRITES);
helper(H_STORE_NAME, 'store_name', EF_WRITES);
helper(H_FORMAT_VALUE, 'format_value', EF_ANY);
helper(H_BUILD_STRING, 'build_string', EF_NO_WRITES);
helper(H_LIST_APPEND, 'list_append', EF_WRITES);
helper(H_BUILD_SLICE, 'build_slice', EF_NO_WRITES);
helper(H_SET_ADD, 'set_add', EF_ANY);
helper(H_MAP_ADD, 'map_add', EF_ANY);
helper(H_BUILD_MAP, 'build_map', EF_ANY);
helper(H_ADD_ATTR, 'add_attr', EF_WRITES);
helper(H_MAKE_FUNCTION, 'make_function', EF_NO_WRITES);
// writes only the sink, which no trace reads, and never raises: the recorder emits it without
// forgetting the heap or guarding for an exception; EF_WRITES keeps the optimizer from
// merging or dropping offers
helper(H_SINK_OFFER, 'sink_offer', EF_WRITES);
// may raise (a str past the size limit), so not elidable
helper(H_STR_CONCAT, 'str_concat', EF_NO_WRITES);
// BUILD_SLICE and the subscript after it, as the interpreter's fused pair runs them: a builtin
// sequence's slice without a slice object, else the slice and the generic subscript (which
// may run Python code)
helper(H_SLICE_GET, 'slice_get', EF_ANY);
helper(H_SLICE_SET, 'slice_set', EF_ANY);

/** o[start:stop:step] (eval.ts BUILD_SLICE__BINARY_SUBSCR) */
export function sliceGet(o: PyObject, start: PyObject, stop: PyObject, step: PyObject): PyObject {
  const r = sliceGetFast(o, start, stop, step);
  if (r !== null) return r;
  return getItem(o, new PySlice(sliceType, start, stop, step));
}
/** o[start:stop:step] = v (eval.ts BUILD_SLICE__STORE_SUBSCR) */
export function sliceSet(o: PyObject, start: PyObject, stop: PyObject, step: PyObject, v: PyObject): void {
  if (sliceSetFast(o, start, stop, step, v)) return;
  setItem(o, new PySlice(sliceType, start, stop, step), v);
}

/** a + b for exact strs (the trace guarded their class) */
export function strConcat(a: PyObject, b: PyObject): PyObject {
  return newStr((a as PyStr).s + (b as PyStr).s);
}

export function helperId(name: string): int {
  for (let i = 0; i < HELPERS.defs.length; i++) if (HELPERS.defs[i].name === name) return i;
  return -1;
}

/** Arguments of one helper call, split by kind in argument order, and its result. */
export class HelperCall {
  r: (PyObject | null)[] = [];
  i: int[] = [];
  f: float[] = [];
  resR: PyObject | null = null;
  resI: int = 0;
  resF: float = 0.0;
  /** Empties the buffer and drops its references: the last call's arguments and result must
   * not keep objects alive past the program's last use of them (after every run of a loop,
   * most of which made no generic helper call). */
  release(): void {
    for (let k = 0; k < this.r.length; k++) this.r[k] = null;
    this.reset();
  }
  reset(): void {
    if (this.r.length !== 0) this.r.length = 0;
    if (this.i.length !== 0) this.i.length = 0;
    if (this.f.length !== 0) this.f.length = 0;
    this.resR = null;
    this.resI = 0;
    this.resF = 0.0;
  }
}

function ref(c: HelperCall, k: int): PyObject {
  return c.r[k] as PyObject;
}

/** The interpreter's fast paths for a call of a builtin (eval.ts, CALL): a residual call
 * in a trace would otherwise build an argument list and go through callObj, slower than the
 * interpreter it replaces. n arguments, the first two a and b (NULL_OBJ past n). null: no
 * fast path answered (the generic call follows, which also raises every error). */
export function fastCall(callable: PyObject, self: PyObject, n: int, a: PyObject, b: PyObject): PyObject | null {
  if (callable instanceof PyBuiltin && callable.self === null) {
    if (self === NULL_OBJ) {
      if (n === 1) return fastCall1(callable, a);
      if (n === 2) return fastCall2(callable, a, b);
      return null;
    }
    if (n === 0) return fastMethod0(callable, self);
    if (n === 1) return fastMethod1(callable, self, a);
    if (n === 2) return fastMethod2(callable, self, a, b);
    return null;
  }
  if (callable instanceof PyType && self === NULL_OBJ && callable.isBuiltin) {
    if (callable === rangeType && (n === 1 || n === 2)) return fastRange(n, a, n === 1 ? a : b);
    if (n === 1) return fastType1(callable, a);
  }
  return null;
}

/** Runs helper id on c's arguments, leaving the result in c (exceptions propagate). */
export function callHelper(id: int, c: HelperCall): void {
  switch (id) {
    case H_CALL: {
      const callable = ref(c, 0);
      const self = ref(c, 1);
      const n = c.r.length - 2;
      const fast = fastCall(callable, self, n, n > 0 ? ref(c, 2) : NULL_OBJ, n > 1 ? ref(c, 3) : NULL_OBJ);
      if (fast !== null) {
        c.resR = fast;
        return;
      }
      const args: PyObject[] = [];
      if (self !== NULL_OBJ) args.push(self);
      for (let k = 2; k < c.r.length; k++) args.push(ref(c, k));
      c.resR = callObj(callable, args, null);
      return;
    }
    case H_BINARY_OP:
      c.resR = binaryOp(ref(c, 0), ref(c, 1), c.i[0]);
      return;
    case H_RICHCOMPARE:
      c.resR = richCompare(ref(c, 0), ref(c, 1), c.i[0]);
      return;
    case H_TRUTHY:
      c.resI = truthy(ref(c, 0)) ? 1 : 0;
      return;
    case H_GETITEM:
      c.resR = getItem(ref(c, 0), ref(c, 1));
      return;
    case H_SETITEM:
      setItem(ref(c, 0), ref(c, 1), ref(c, 2));
      return;
    case H_GETATTR:
      c.resR = getAttr(ref(c, 0), (ref(c, 1) as PyStr).s);
      return;
    case H_SETATTR:
      setAttr(ref(c, 0), (ref(c, 1) as PyStr).s, ref(c, 2));
      return;
    case H_UNARY:
      c.resR = unaryOp(ref(c, 0), c.i[0]);
      return;
    case H_CONTAINS: {
      const r = contains(ref(c, 1), ref(c, 0));
      c.resR = (c.i[0] === 0 ? r : !r) ? True : False;
      return;
    }
    case H_IS:
      c.resI = isSame(ref(c, 0), ref(c, 1)) ? 1 : 0;
      return;
    case H_GETITER:
      c.resR = getIter(ref(c, 0));
      return;
    case H_ITERNEXT:
      c.resR = iterNext(ref(c, 0));
      return;
    case H_LOAD_NAME:
      c.resR = loadName(ref(c, 0), ref(c, 1) as PyDict, ref(c, 2) as PyStr);
      return;
    case H_STORE_NAME:
      dictSet(ref(c, 0) as PyDict, ref(c, 1), ref(c, 2));
      return;
    case H_FORMAT_VALUE:
      c.resR = formatValueConv(ref(c, 0), ref(c, 1), c.i[0]);
      return;
    case H_BUILD_STRING: {
      const parts: string[] = [];
      for (let k = 0; k < c.r.length; k++) parts.push((ref(c, k) as PyStr).s);
      c.resR = newStr(parts.join(''));
      return;
    }
    case H_LIST_APPEND:
      (ref(c, 0) as PyList).items.push(ref(c, 1));
      return;
    case H_BUILD_SLICE:
      c.resR = new PySlice(sliceType, ref(c, 0), ref(c, 1), ref(c, 2));
      return;
    case H_SET_ADD:
      dictSet((ref(c, 0) as PySet).table, ref(c, 1), None);
      return;
    case H_MAP_ADD:
      dictSet(ref(c, 0) as PyDict, ref(c, 1), ref(c, 2));
      return;
    case H_BUILD_MAP: {
      const d = newDict();
      for (let k = 0; k + 1 < c.r.length; k += 2) dictSet(d, ref(c, k), ref(c, k + 1));
      c.resR = d;
      return;
    }
    case H_ADD_ATTR:
      addAttr(ref(c, 0), ref(c, 1), ref(c, 2));
      return;
    case H_MAKE_FUNCTION: {
      const parts: PyObject[] = [];
      for (let k = 2; k < c.r.length; k++) parts.push(ref(c, k));
      c.resR = makeFunction(ref(c, 0) as PyCode, ref(c, 1) as PyDict, c.i[0], parts);
      return;
    }
    case H_SINK_OFFER:
      c.resI = sinkOffer(ref(c, 0));
      return;
    case H_SLICE_GET:
      c.resR = sliceGet(ref(c, 0), ref(c, 1), ref(c, 2), ref(c, 3));
      return;
    case H_SLICE_SET:
      sliceSet(ref(c, 0), ref(c, 1), ref(c, 2), ref(c, 3), ref(c, 4));
      return;
    case H_STR_CONCAT:
      c.resR = strConcat(ref(c, 0), ref(c, 1));
      return;
  }
  throw new Error('jit: unknown helper ' + String(id));
}

/** A drained generator's yield in a trace: 1 when the sink of the frame running the trace took
 * v, 0 when there is none or it declined (the guard after it leaves the trace at the yield). */
export function sinkOffer(v: PyObject): int {
  const s = currentSink();
  return s !== null && s.offer(v) ? 1 : 0;
}

/** ADD_ATTR: the trace guarded the instance's map and the types (so no __setattr__ or data
 * descriptor intervenes): as the interpreter's cached store that adds an attribute. */
export function addAttr(o0: PyObject, name: PyObject, v: PyObject): void {
  const o = o0 as PyInstance;
  o.map = o.map.withAttr((name as PyStr).s);
  o.slots.push(v);
}

/** `is` as the interpreter decides it (equal small ints are the same object). */
export function isSame(a: PyObject, b: PyObject): boolean {
  if (a === b) return true;
  return a instanceof PyInt && b instanceof PyInt && a.cls === b.cls && bigOf(a) === null && bigOf(b) === null && a.v === b.v && a.v >= -5 && a.v <= 256;
}
/** LOAD_NAME: the locals dict (None: none), then the globals, then the builtins. */
export function loadName(ld: PyObject, g: PyDict, name: PyStr): PyObject {
  let v = loadNameLocal(ld instanceof PyDict ? ld : null, g, name);
  if (v === null) v = mappingLookup(builtinsOf(g), name);
  if (v === null) throw raise(NameError, `name '${name.s}' is not defined`);
  return v;
}
/** FORMAT_VALUE: conversion (1 str, 2 repr, 3 ascii) then format with spec (NULL: none). */
export function formatValueConv(v0: PyObject, spec: PyObject, conv: int): PyObject {
  let v = v0;
  if (conv === 1) v = newStr(str(v));
  else if (conv === 2) v = newStr(repr(v));
  else if (conv === 3) v = newStr(asciiRepr(v));
  return newStr(formatValue(v, spec === NULL_OBJ ? '' : (spec as PyStr).s));
}
