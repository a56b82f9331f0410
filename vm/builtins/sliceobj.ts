// slice.indices(length): the slice resolved against a sequence length, as CPython's
// _PySlice_GetLongIndices computes it. Unlike the indexing fast path (sliceIndices in the
// runtime, which clamps to machine ints), it works on ints of any size: slice(-2**100,
// None).indices(2**100) is exact.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyInt, PySlice, intType, sliceType, newInt, newTuple, raise, None, TypeError, ValueError, DeprecationWarning } from '../objects/core.ts';
import { warnVm } from '../interpreter/warn.ts';
import { B, FAM_SLICE_METHOD } from './ids.ts';
import { npos, defMethod, unhandledBuiltin } from './args.ts';
import { callSpecial, typeName } from '../interpreter/runtime.ts';
import { intAdd, intCmp, intSign, intIsZero, intValueOf } from '../objects/intops.ts';

defMethod(sliceType, 'indices', B.SLICE_INDICES, FAM_SLICE_METHOD);
// slices are unhashable in 3.11: slice.__hash__ is None, as list's is
sliceType.dict.set('__hash__', None);

/** CPython's words when __index__ or __int__ gives an int subclass (issue #17576) */
export const SUBCLASS_DEPRECATED = 'The ability to return an instance of a strict subclass of int is deprecated, and may be removed in a future version of Python.';

/** PyNumber_Index: an int, or what __index__ returns; msg is the TypeError otherwise ('' for
 * CPython's generic one). */
export function indexOf(o: PyObject, msg: string): PyInt {
  if (o instanceof PyInt) return intValueOf(o);
  const r = o.cls.isBuiltin ? null : callSpecial(o, '__index__', []);
  if (r === null) throw raise(TypeError, msg !== '' ? msg : `'${typeName(o)}' object cannot be interpreted as an integer`);
  if (!(r instanceof PyInt)) throw raise(TypeError, `__index__ returned non-int (type ${typeName(r)})`);
  if (r.cls !== intType) warnVm(`__index__ returned non-int (type ${typeName(r)}).  ${SUBCLASS_DEPRECATED}`, DeprecationWarning);
  return intValueOf(r);
}

const BOUND_MSG = 'slice indices must be integers or None or have an __index__ method';

/** A start or stop: None is the given default; a negative one counts from the end; both are
 * clamped into [lower, upper]. */
function bound(o: PyObject, dflt: PyInt, length: PyInt, lower: PyInt, upper: PyInt): PyInt {
  if (o === None) return dflt;
  let v = indexOf(o, BOUND_MSG);
  if (intSign(v) < 0) {
    v = intAdd(v, length);
    if (intCmp(v, lower) < 0) v = lower;
  } else if (intCmp(v, upper) > 0) v = upper;
  return v;
}

/** slice.indices(length) → (start, stop, step) */
export function sliceIndicesOf(s: PySlice, lengthObj: PyObject): PyObject {
  // CPython's order: the length, then the step, then start and stop
  const length = indexOf(lengthObj, '');
  if (intSign(length) < 0) throw raise(ValueError, 'length should not be negative');
  let step = newInt(1);
  if (s.step !== None) {
    step = indexOf(s.step, BOUND_MSG);
    if (intIsZero(step)) throw raise(ValueError, 'slice step cannot be zero');
  }
  const back = intSign(step) < 0;
  const lower = back ? newInt(-1) : newInt(0);
  const upper = back ? intAdd(length, newInt(-1)) : length;
  const start = bound(s.start, back ? upper : lower, length, lower, upper);
  const stop = bound(s.stop, back ? lower : upper, length, lower, upper);
  return newTuple([start, stop, step]);
}

export function callSlice(id: int, args: PyObject[], kw: string[] | null): PyObject {
  switch (id) {
    case B.SLICE_INDICES: {
      if (kw !== null && kw.length > 0) throw raise(TypeError, 'slice.indices() takes no keyword arguments');
      const n = npos(args, kw) - 1;
      if (n !== 1) throw raise(TypeError, `slice.indices() takes exactly one argument (${n} given)`);
      return sliceIndicesOf(args[0] as PySlice, args[1]);
    }
  }
  throw unhandledBuiltin('slice method', id);
}
