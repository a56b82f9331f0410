// Slices of exact lists, tuples and strs with int or None bounds, read straight from the value
// stack by the fused BUILD_SLICE + BINARY_SUBSCR / STORE_SUBSCR instructions (eval.ts), so that
// `perm[k::-1]` or `a[:r] = a[1:r + 1]` allocate no slice object and no index list. Whatever
// these decline (other types, big or __index__ bounds, resizing or failing assignments) goes the
// general way: a slice object, then getItem/setItem (runtime.ts).
import type { int } from '../../translate/rlib/index.ts';
import { floorDiv } from '../../translate/rlib/index.ts';
import { PyObject, PyInt, PyList, PyTuple, PyStr, None, listType, tupleType, strType, newList, newTuple, newStr, charStr, bigOf } from '../objects/core.ts';
import { cpLen } from '../objects/strutil.ts';

/** A resolved slice: its first index, its clamped stop, its step and how many items it takes. One shared box,
 * filled by clampSlice and read at once by its caller (nothing runs Python code in between). */
class SliceBox {
  start: int = 0;
  stop: int = 0;
  step: int = 1;
  count: int = 0;
}
export const SLICE = new SliceBox();

/** PySlice_AdjustIndices: clamps bounds already read as ints (hasStart/hasStop false for None)
 * against len, for a nonzero step, into SLICE. */
export function clampSlice(start0: int, hasStart: boolean, stop0: int, hasStop: boolean, step: int, len: int): void {
  let start = 0;
  let stop = 0;
  if (!hasStart) start = step < 0 ? len - 1 : 0;
  else {
    start = start0;
    if (start < 0) {
      start += len;
      if (start < 0) start = step < 0 ? -1 : 0;
    } else if (start >= len) start = step < 0 ? len - 1 : len;
  }
  if (!hasStop) stop = step < 0 ? -1 : len;
  else {
    stop = stop0;
    if (stop < 0) {
      stop += len;
      if (stop < 0) stop = step < 0 ? -1 : 0;
    } else if (stop >= len) stop = step < 0 ? len - 1 : len;
  }
  let count = 0;
  if (step < 0) {
    if (stop < start) count = step === -1 ? start - stop : floorDiv(start - stop - 1, -step) + 1;
  } else if (start < stop) count = step === 1 ? stop - start : floorDiv(stop - start - 1, step) + 1;
  SLICE.start = start;
  SLICE.stop = stop;
  SLICE.step = step;
  SLICE.count = count;
}

/** Whether o is None or an int in the machine range: the bounds read here without calling
 * anything (bool and int subclasses are read by value, as _PyEval_SliceIndex does). */
function plainBound(o: PyObject): boolean {
  return o === None || (o instanceof PyInt && bigOf(o) === null);
}
/** Resolves (start, stop, step) against len into SLICE; false when a bound is not plain or the
 * step is zero (the general path raises). */
function resolve(start: PyObject, stop: PyObject, step: PyObject, len: int): boolean {
  if (!plainBound(start) || !plainBound(stop) || !plainBound(step)) return false;
  const st = step === None ? 1 : (step as PyInt).v;
  if (st === 0) return false;
  const a = start === None ? 0 : (start as PyInt).v;
  const b = stop === None ? 0 : (stop as PyInt).v;
  clampSlice(a, start !== None, b, stop !== None, st, len);
  return true;
}

/** items[start : start + count * step : step], as a new list: one copy for steps 1 and -1. */
export function sliceArray(items: PyObject[], start: int, step: int, count: int): PyObject[] {
  if (step === 1) return items.slice(start, start + count);
  if (step === -1) {
    const rev = items.slice(start - count + 1, start + 1);
    rev.reverse();
    return rev;
  }
  // a list of the right size, allocated once, then overwritten
  const out = items.slice(0, count);
  let i = start;
  for (let n = 0; n < count; n++) {
    out[n] = items[i];
    i += step;
  }
  return out;
}

/** o[start:stop:step] for an exact list, tuple or str and plain bounds, or null. */
export function sliceGetFast(o: PyObject, start: PyObject, stop: PyObject, step: PyObject): PyObject | null {
  if (o instanceof PyList && o.cls === listType) {
    if (!resolve(start, stop, step, o.items.length)) return null;
    return newList(sliceArray(o.items, SLICE.start, SLICE.step, SLICE.count));
  }
  if (o instanceof PyTuple && o.cls === tupleType) {
    const n = o.items.length;
    if (!resolve(start, stop, step, n)) return null;
    // an exact tuple's whole slice is itself, as in CPython
    if (SLICE.step === 1 && SLICE.count === n) return o;
    return newTuple(sliceArray(o.items, SLICE.start, SLICE.step, SLICE.count));
  }
  if (o instanceof PyStr && o.cls === strType) {
    const s = o.s;
    // strings holding surrogate pairs are indexed by code point, by the general path
    if (cpLen(o) !== s.length) return null;
    if (!resolve(start, stop, step, s.length)) return null;
    const i = SLICE.start;
    const n = SLICE.count;
    if (SLICE.step === 1) {
      if (n === s.length) return o;
      if (n === 1) return charStr(s.charCodeAt(i));
      return newStr(s.slice(i, i + n));
    }
    if (n === 1) return charStr(s.charCodeAt(i));
    const parts: string[] = [];
    let j = i;
    for (let k = 0; k < n; k++) {
      parts.push(s[j]);
      j += SLICE.step;
    }
    return newStr(parts.join(''));
  }
  return null;
}

/** o[start:stop:step] = v for an exact list o, an exact list or tuple v of the slice's own
 * length and plain bounds, in place; false (nothing done) otherwise. */
export function sliceSetFast(o: PyObject, start: PyObject, stop: PyObject, step: PyObject, v: PyObject): boolean {
  if (!(o instanceof PyList) || o.cls !== listType) return false;
  let src: PyObject[];
  if (v instanceof PyList && v.cls === listType) src = v.items;
  else if (v instanceof PyTuple && v.cls === tupleType) src = v.items;
  else return false;
  const items = o.items;
  if (!resolve(start, stop, step, items.length) || SLICE.count !== src.length) return false;
  let i = SLICE.start;
  const st = SLICE.step;
  const n = SLICE.count;
  if (v === o) {
    // a[:] = a changes nothing; a[::-1] = a reads a copy, as CPython's list_ass_subscript
    if (st === 1) return true;
    src = src.slice(0, n);
  }
  for (let k = 0; k < n; k++) {
    items[i] = src[k];
    i += st;
  }
  return true;
}
