// The residual calls and allocations machine code makes directly: each is one RTS function in
// the helper-address table (rlib jitHelper) that machine code calls with its arguments in the
// convention's registers, instead of running the op through llgraph's executor (native.ts
// nativeStep), whose decoding of the op, boxing of arguments into a HelperCall and dispatch
// cost more than most helpers themselves. Each computes exactly what execOp computes for the
// op (llgraph stays the definition): a call clears the jitframe's exception, runs the same
// runtime function as callHelper, and catches a Python exception into the jitframe for
// GUARD_NO_EXCEPTION (an overflow of the host's int as OverflowError); any other error stays
// pending in rts_exc and the code leaves at once, as after nativeStep.
import type { int, float } from '../../../translate/rlib/index.ts';
import { jitHelper, OverflowError as HostOverflow } from '../../../translate/rlib/index.ts';
import {
  PyObject, PyFloat, PyStr, PyDict, PyList, PySet, PySlice, PyExc, True, False, None, NULL_OBJ, floatType, sliceType, newInt, raise, OverflowErrorT,
} from '../../objects/core.ts';
import { binaryOp, richCompare, truthy, getAttr, setAttr, unaryOp, getItem, setItem, contains, iterNext, getIter, callObj } from '../../interpreter/runtime.ts';
import { dictSet } from '../../objects/dict.ts';
import { Trace, IROp } from '../../jit/ir.ts';
import {
  H_CALL, H_BINARY_OP, H_RICHCOMPARE, H_TRUTHY, H_GETATTR, H_GETITEM, H_SETITEM, H_CONTAINS, H_ITERNEXT, fastCall,
  H_SETATTR, H_UNARY, H_LOAD_NAME, H_STORE_NAME, H_LIST_APPEND, H_ADD_ATTR, H_SINK_OFFER, H_GETITER, H_BUILD_SLICE, H_FORMAT_VALUE, H_SET_ADD,
  H_MAP_ADD, H_STR_CONCAT, H_SLICE_GET, H_SLICE_SET, loadName, addAttr, sinkOffer, formatValueConv, strConcat,
} from '../../jit/helpers.ts';
import { NativeRun } from '../native.ts';
import { sliceGetFast, sliceSetFast } from '../../interpreter/slicing.ts';

/** A Python exception (or a host int overflow, which Python sees as OverflowError) raised by
 * a helper goes to the jitframe; anything else propagates (pending in rts_exc). */
function caught(run: NativeRun, e: Error): void {
  if (e instanceof PyExc) run.jf.exc = e.exc;
  else if (e instanceof HostOverflow) run.jf.exc = raise(OverflowErrorT, e.message).exc;
  else throw e;
}

// ---- allocations (cannot raise a Python exception) ----
export function jitNewInt(v: int): PyObject {
  return newInt(v);
}
export function jitNewFloat(v: float): PyObject {
  return new PyFloat(floatType, v);
}

// ---- calls (the run context first, then the CALL op's arguments in order) ----
export function jitBinaryOp(run: NativeRun, a: PyObject, b: PyObject, op: int): PyObject | null {
  run.jf.exc = null;
  try {
    return binaryOp(a, b, op);
  } catch (e) {
    caught(run, e as Error);
    return null;
  }
}
export function jitStrConcat(run: NativeRun, a: PyObject, b: PyObject): PyObject | null {
  run.jf.exc = null;
  try {
    return strConcat(a, b);
  } catch (e) {
    caught(run, e as Error);
    return null;
  }
}
export function jitGetItem(run: NativeRun, o: PyObject, k: PyObject): PyObject | null {
  run.jf.exc = null;
  try {
    return getItem(o, k);
  } catch (e) {
    caught(run, e as Error);
    return null;
  }
}
export function jitSetItem(run: NativeRun, o: PyObject, k: PyObject, v: PyObject): void {
  run.jf.exc = null;
  try {
    setItem(o, k, v);
  } catch (e) {
    caught(run, e as Error);
  }
}
export function jitContains(run: NativeRun, x: PyObject, c: PyObject, negate: int): PyObject | null {
  run.jf.exc = null;
  try {
    const r = contains(c, x);
    return (negate === 0 ? r : !r) ? True : False;
  } catch (e) {
    caught(run, e as Error);
    return null;
  }
}
export function jitIterNext(run: NativeRun, it: PyObject): PyObject | null {
  run.jf.exc = null;
  try {
    return iterNext(it);
  } catch (e) {
    caught(run, e as Error);
    return null;
  }
}

export function jitRichCompare(run: NativeRun, a: PyObject, b: PyObject, op: int): PyObject | null {
  run.jf.exc = null;
  try {
    return richCompare(a, b, op);
  } catch (e) {
    caught(run, e as Error);
    return null;
  }
}
export function jitTruthy(run: NativeRun, o: PyObject): int {
  run.jf.exc = null;
  try {
    return truthy(o) ? 1 : 0;
  } catch (e) {
    caught(run, e as Error);
    return 0;
  }
}
export function jitGetAttr(run: NativeRun, o: PyObject, name: PyObject): PyObject | null {
  run.jf.exc = null;
  try {
    return getAttr(o, (name as PyStr).s);
  } catch (e) {
    caught(run, e as Error);
    return null;
  }
}
export function jitSetAttr(run: NativeRun, o: PyObject, name: PyObject, v: PyObject): void {
  run.jf.exc = null;
  try {
    setAttr(o, (name as PyStr).s, v);
  } catch (e) {
    caught(run, e as Error);
  }
}
export function jitUnary(run: NativeRun, a: PyObject, kind: int): PyObject | null {
  run.jf.exc = null;
  try {
    return unaryOp(a, kind);
  } catch (e) {
    caught(run, e as Error);
    return null;
  }
}
// a module-level loop's names (generators.py's loop stores three an iteration): through the
// executor each cost several times the dict operation itself
export function jitLoadName(run: NativeRun, ld: PyObject, g: PyObject, name: PyObject): PyObject | null {
  run.jf.exc = null;
  try {
    return loadName(ld, g as PyDict, name as PyStr);
  } catch (e) {
    caught(run, e as Error);
    return null;
  }
}
export function jitStoreName(run: NativeRun, d: PyObject, name: PyObject, v: PyObject): void {
  run.jf.exc = null;
  try {
    dictSet(d as PyDict, name, v);
  } catch (e) {
    caught(run, e as Error);
  }
}
export function jitListAppend(run: NativeRun, l: PyObject, v: PyObject): void {
  run.jf.exc = null;
  try {
    (l as PyList).items.push(v);
  } catch (e) {
    caught(run, e as Error);
  }
}
// an __init__ inlined into a loop adds its attributes (deltablue's traces make 68 such calls)
export function jitAddAttr(run: NativeRun, o: PyObject, name: PyObject, v: PyObject): void {
  run.jf.exc = null;
  try {
    addAttr(o, name, v);
  } catch (e) {
    caught(run, e as Error);
  }
}
export function jitGetIter(run: NativeRun, o: PyObject): PyObject | null {
  run.jf.exc = null;
  try {
    return getIter(o);
  } catch (e) {
    caught(run, e as Error);
    return null;
  }
}
export function jitBuildSlice(run: NativeRun, a: PyObject, b: PyObject, c: PyObject): PyObject | null {
  run.jf.exc = null;
  return new PySlice(sliceType, a, b, c);
}
export function jitSliceGet(run: NativeRun, o: PyObject, a: PyObject, b: PyObject, c: PyObject): PyObject | null {
  run.jf.exc = null;
  // sliceGet's body, not a call of it: a call costs as much as the rest of the helper here
  try {
    const r = sliceGetFast(o, a, b, c);
    if (r !== null) return r;
    return getItem(o, new PySlice(sliceType, a, b, c));
  } catch (e) {
    caught(run, e as Error);
    return null;
  }
}
export function jitSliceSet(run: NativeRun, o: PyObject, a: PyObject, b: PyObject, c: PyObject, v: PyObject): void {
  run.jf.exc = null;
  try {
    if (!sliceSetFast(o, a, b, c, v)) setItem(o, new PySlice(sliceType, a, b, c), v);
  } catch (e) {
    caught(run, e as Error);
  }
}
export function jitFormatValue(run: NativeRun, v: PyObject, spec: PyObject, conv: int): PyObject | null {
  run.jf.exc = null;
  try {
    return formatValueConv(v, spec, conv);
  } catch (e) {
    caught(run, e as Error);
    return null;
  }
}
export function jitSetAdd(run: NativeRun, st: PyObject, v: PyObject): void {
  run.jf.exc = null;
  try {
    dictSet((st as PySet).table, v, None);
  } catch (e) {
    caught(run, e as Error);
  }
}
export function jitMapAdd(run: NativeRun, d: PyObject, k: PyObject, v: PyObject): void {
  run.jf.exc = null;
  try {
    dictSet(d as PyDict, k, v);
  } catch (e) {
    caught(run, e as Error);
  }
}
/** H_SINK_OFFER: an offer never raises (drain.ts), so the jitframe's exception stays as it is. */
export function jitSinkOffer(run: NativeRun, v: PyObject): int {
  return sinkOffer(v);
}
/** A call of callable with self (NULL_OBJ: none) and n arguments a, b, c (NULL_OBJ past n):
 * the interpreter's fast paths for builtins, else the generic call (callHelper's H_CALL). */
function callWith(callable: PyObject, self: PyObject, n: int, a: PyObject, b: PyObject, c: PyObject): PyObject {
  const fast = fastCall(callable, self, n, a, b);
  if (fast !== null) return fast;
  const args: PyObject[] = [];
  if (self !== NULL_OBJ) args.push(self);
  if (n > 0) args.push(a);
  if (n > 1) args.push(b);
  if (n > 2) args.push(c);
  return callObj(callable, args, null);
}
export function jitCall0(run: NativeRun, callable: PyObject, self: PyObject): PyObject | null {
  run.jf.exc = null;
  try {
    return callWith(callable, self, 0, NULL_OBJ, NULL_OBJ, NULL_OBJ);
  } catch (e) {
    caught(run, e as Error);
    return null;
  }
}
export function jitCall1(run: NativeRun, callable: PyObject, self: PyObject, a: PyObject): PyObject | null {
  run.jf.exc = null;
  try {
    return callWith(callable, self, 1, a, NULL_OBJ, NULL_OBJ);
  } catch (e) {
    caught(run, e as Error);
    return null;
  }
}
export function jitCall2(run: NativeRun, callable: PyObject, self: PyObject, a: PyObject, b: PyObject): PyObject | null {
  run.jf.exc = null;
  try {
    return callWith(callable, self, 2, a, b, NULL_OBJ);
  } catch (e) {
    caught(run, e as Error);
    return null;
  }
}
export function jitCall3(run: NativeRun, callable: PyObject, self: PyObject, a: PyObject, b: PyObject, c: PyObject): PyObject | null {
  run.jf.exc = null;
  try {
    return callWith(callable, self, 3, a, b, c);
  } catch (e) {
    caught(run, e as Error);
    return null;
  }
}

const DH_NEW_INT = jitHelper(jitNewInt);
const DH_NEW_FLOAT = jitHelper(jitNewFloat);
const DH_BINARY_OP = jitHelper(jitBinaryOp);
const DH_STR_CONCAT = jitHelper(jitStrConcat);
const DH_GETITEM = jitHelper(jitGetItem);
const DH_SETITEM = jitHelper(jitSetItem);
const DH_CONTAINS = jitHelper(jitContains);
const DH_ITERNEXT = jitHelper(jitIterNext);
const DH_RICHCOMPARE = jitHelper(jitRichCompare);
const DH_TRUTHY = jitHelper(jitTruthy);
const DH_GETATTR = jitHelper(jitGetAttr);
const DH_SETATTR = jitHelper(jitSetAttr);
const DH_UNARY = jitHelper(jitUnary);
const DH_LOAD_NAME = jitHelper(jitLoadName);
const DH_STORE_NAME = jitHelper(jitStoreName);
const DH_LIST_APPEND = jitHelper(jitListAppend);
const DH_ADD_ATTR = jitHelper(jitAddAttr);
const DH_SINK_OFFER = jitHelper(jitSinkOffer);
const DH_GETITER = jitHelper(jitGetIter);
const DH_BUILD_SLICE = jitHelper(jitBuildSlice);
const DH_FORMAT_VALUE = jitHelper(jitFormatValue);
const DH_SLICE_GET = jitHelper(jitSliceGet);
const DH_SLICE_SET = jitHelper(jitSliceSet);
const DH_SET_ADD = jitHelper(jitSetAdd);
const DH_MAP_ADD = jitHelper(jitMapAdd);
const DH_CALL0 = jitHelper(jitCall0);
const DH_CALL1 = jitHelper(jitCall1);
const DH_CALL2 = jitHelper(jitCall2);
const DH_CALL3 = jitHelper(jitCall3);

/** The helper-table index of the direct helper for op pc of t (-1: none; the op runs through
 * the executor). */
export function directHelper(t: Trace, pc: int): int {
  const op = t.ops[pc];
  if (op === IROp.NEW_INT) return DH_NEW_INT;
  if (op === IROp.NEW_FLOAT) return DH_NEW_FLOAT;
  const n = t.argCount[pc];
  if (op === IROp.CALL_I) {
    if (n !== 1) return -1;
    return t.descr[pc] === H_TRUTHY ? DH_TRUTHY : t.descr[pc] === H_SINK_OFFER ? DH_SINK_OFFER : -1;
  }
  if (op !== IROp.CALL_R && op !== IROp.CALL_N) return -1;
  switch (t.descr[pc]) {
    case H_CALL:
      if (op !== IROp.CALL_R) return -1;
      return n === 2 ? DH_CALL0 : n === 3 ? DH_CALL1 : n === 4 ? DH_CALL2 : n === 5 ? DH_CALL3 : -1;
    case H_RICHCOMPARE:
      return op === IROp.CALL_R && n === 3 ? DH_RICHCOMPARE : -1;
    case H_GETATTR:
      return op === IROp.CALL_R && n === 2 ? DH_GETATTR : -1;
    case H_BINARY_OP:
      return op === IROp.CALL_R && n === 3 ? DH_BINARY_OP : -1;
    case H_GETITEM:
      return op === IROp.CALL_R && n === 2 ? DH_GETITEM : -1;
    case H_STR_CONCAT:
      return op === IROp.CALL_R && n === 2 ? DH_STR_CONCAT : -1;
    case H_SLICE_GET:
      return op === IROp.CALL_R && n === 4 ? DH_SLICE_GET : -1;
    case H_SLICE_SET:
      return op === IROp.CALL_N && n === 5 ? DH_SLICE_SET : -1;
    case H_SETITEM:
      return op === IROp.CALL_N && n === 3 ? DH_SETITEM : -1;
    case H_CONTAINS:
      return op === IROp.CALL_R && n === 3 ? DH_CONTAINS : -1;
    case H_ITERNEXT:
      return op === IROp.CALL_R && n === 1 ? DH_ITERNEXT : -1;
    case H_SETATTR:
      return op === IROp.CALL_N && n === 3 ? DH_SETATTR : -1;
    case H_UNARY:
      return op === IROp.CALL_R && n === 2 ? DH_UNARY : -1;
    case H_LOAD_NAME:
      return op === IROp.CALL_R && n === 3 ? DH_LOAD_NAME : -1;
    case H_STORE_NAME:
      return op === IROp.CALL_N && n === 3 ? DH_STORE_NAME : -1;
    case H_LIST_APPEND:
      return op === IROp.CALL_N && n === 2 ? DH_LIST_APPEND : -1;
    case H_ADD_ATTR:
      return op === IROp.CALL_N && n === 3 ? DH_ADD_ATTR : -1;
    case H_GETITER:
      return op === IROp.CALL_R && n === 1 ? DH_GETITER : -1;
    case H_BUILD_SLICE:
      return op === IROp.CALL_R && n === 3 ? DH_BUILD_SLICE : -1;
    case H_FORMAT_VALUE:
      return op === IROp.CALL_R && n === 3 ? DH_FORMAT_VALUE : -1;
    case H_SET_ADD:
      return op === IROp.CALL_N && n === 2 ? DH_SET_ADD : -1;
    case H_MAP_ADD:
      return op === IROp.CALL_N && n === 3 ? DH_MAP_ADD : -1;
  }
  return -1;
}
/** True when the direct helper of op takes the run context first (every call does). */
export function takesRun(op: int): boolean {
  return op !== IROp.NEW_INT && op !== IROp.NEW_FLOAT;
}
