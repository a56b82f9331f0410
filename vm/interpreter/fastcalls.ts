// Calls of the most common builtins straight from the interpreter's stack, without building
// an argument list or going through callObj/callBuiltin. Each function answers only the
// cases whose result is certain (exact builtin types, plain arguments) and returns null
// otherwise; the caller then takes the generic path, which also produces every error.
import type { int, float } from '../../translate/rlib/index.ts';
import { toFloat, toInt } from '../../translate/rlib/index.ts';
import {
  PyObject, PyBuiltin, PyInt, PyFloat, PyStr, PyList, PyTuple, PyDict, PySet, PyType, PyRange, None, True, False,
  intType, floatType, strType, listType, tupleType, dictType, typeType, rangeType, SMALL, bigOf,
} from '../objects/core.ts';
import { B } from '../builtins/ids.ts';
import { cpLen } from '../objects/strutil.ts';
import { dictGet, dictSet, dictDel } from '../objects/dict.ts';
import { isInstance, setKey } from './runtime.ts';
import { strMethodFast } from '../builtins/strmethods.ts';
import { PyDeque } from '../modules/collections.ts';

/** An exact float, or an exact int in the machine range. */
function isPlainNumber(x: PyObject): boolean {
  return (x instanceof PyFloat && x.cls === floatType) || (x instanceof PyInt && x.cls === intType && bigOf(x) === null);
}
/** The value of a plain number as a float. */
function plainValue(x: PyObject): float {
  if (x instanceof PyFloat) return x.v;
  return toFloat((x as PyInt).v);
}
function smallInt(v: int): PyInt {
  return v >= -5 && v <= 256 ? SMALL.cache[v + 5] : new PyInt(intType, v);
}

/** f(x) for builtin function f. */
export function fastCall1(f: PyBuiltin, x: PyObject): PyObject | null {
  switch (f.id) {
    case B.LEN:
      if (x instanceof PyList && x.cls === listType) return smallInt(x.items.length);
      if (x instanceof PyStr && x.cls === strType) return smallInt(cpLen(x));
      if (x instanceof PyTuple && x.cls === tupleType) return smallInt(x.items.length);
      if (x instanceof PyDict && x.cls === dictType) return smallInt(x.used);
      // asyncio's loop asks len(self._ready) at every turn (a subclass may define __len__)
      if (x instanceof PyDeque && x.cls.isBuiltin) return smallInt(x.size);
      return null;
    case B.ABS:
      if (x instanceof PyFloat && x.cls === floatType) return new PyFloat(floatType, Math.abs(x.v));
      if (x instanceof PyInt && x.cls === intType && bigOf(x) === null) return x.v < 0 ? smallInt(-x.v) : x;
      return null;
    case B.ORD:
      if (x instanceof PyStr && x.s.length === 1) {
        const c = x.s.charCodeAt(0);
        if (c < 0xd800 || c > 0xdfff) return smallInt(c);
      }
      return null;
    case B.MATH_SQRT:
      if (isPlainNumber(x)) {
        const v = plainValue(x);
        if (v >= 0.0) return new PyFloat(floatType, Math.sqrt(v));
      }
      return null;
    case B.MATH_SIN:
      return isPlainNumber(x) ? new PyFloat(floatType, Math.sin(plainValue(x))) : null;
    case B.MATH_COS:
      return isPlainNumber(x) ? new PyFloat(floatType, Math.cos(plainValue(x))) : null;
    case B.MATH_FABS:
      return isPlainNumber(x) ? new PyFloat(floatType, Math.abs(plainValue(x))) : null;
  }
  return null;
}

/** f(x, y) for builtin function f. */
export function fastCall2(f: PyBuiltin, x: PyObject, y: PyObject): PyObject | null {
  const id = f.id;
  if (id === B.ISINSTANCE && y instanceof PyType && y.cls === typeType) return isInstance(x, y) ? True : False;
  if ((id === B.MIN || id === B.MAX) && isPlainNumber(x) && isPlainNumber(y)) {
    // as minMax: the first of equal values wins, and a NaN compares false
    const a = plainValue(x);
    const b = plainValue(y);
    if (id === B.MIN) return b < a ? y : x;
    return b > a ? y : x;
  }
  return null;
}

/** t(x) for builtin types whose conversion of a plain value is direct. */
export function fastType1(t: PyType, x: PyObject): PyObject | null {
  if (t === intType) {
    if (x instanceof PyInt && x.cls === intType) return x;
    if (x instanceof PyFloat && x.cls === floatType && x.v > -9007199254740992.0 && x.v < 9007199254740992.0) return smallInt(toInt(x.v));
  } else if (t === floatType) {
    if (x instanceof PyFloat && x.cls === floatType) return x;
    if (x instanceof PyInt && x.cls === intType && bigOf(x) === null) return new PyFloat(floatType, toFloat(x.v));
  } else if (t === tupleType) {
    if (x instanceof PyList && x.cls === listType) return new PyTuple(tupleType, x.items.slice(0));
    if (x instanceof PyTuple && x.cls === tupleType) return x;
  }
  return null;
}

/** self.m() for builtin method m. */
export function fastMethod0(m: PyBuiltin, self: PyObject): PyObject | null {
  if (self instanceof PyStr && self.cls === strType) return strMethodFast(m.id, self, 0, null, null);
  if (m.id === B.LIST_POP && self instanceof PyList && self.items.length > 0) return self.items.pop() as PyObject;
  // (m was found on self's type, so a subclass that overrides it never gets here; an empty
  // deque's IndexError is the generic path's)
  if (self instanceof PyDeque && self.size > 0) {
    if (m.id === B.DEQUE_POPLEFT) return self.popLeft();
    if (m.id === B.DEQUE_POP) return self.pop();
  }
  return null;
}

/** self.m(x) for builtin method m. */
export function fastMethod1(m: PyBuiltin, self: PyObject, x: PyObject): PyObject | null {
  if (self instanceof PyStr && self.cls === strType) return strMethodFast(m.id, self, 1, x, null);
  switch (m.id) {
    case B.LIST_APPEND:
      if (self instanceof PyList) {
        self.items.push(x);
        return None;
      }
      return null;
    case B.DICT_GET:
      if (self instanceof PyDict) {
        const v = dictGet(self, x);
        return v === null ? None : v;
      }
      return null;
    case B.SET_ADD:
      if (self instanceof PySet) {
        dictSet(self.table, x, None);
        return None;
      }
      return null;
    case B.SET_DISCARD:
      if (self instanceof PySet) {
        dictDel(self.table, x instanceof PySet ? setKey(x) : x);
        return None;
      }
      return null;
    case B.DEQUE_APPEND:
      if (self instanceof PyDeque) {
        self.append(x);
        return None;
      }
      return null;
    case B.DEQUE_APPENDLEFT:
      if (self instanceof PyDeque) {
        self.appendLeft(x);
        return None;
      }
      return null;
  }
  return null;
}

/** self.m(x, y) for builtin method m. */
export function fastMethod2(m: PyBuiltin, self: PyObject, x: PyObject, y: PyObject): PyObject | null {
  if (self instanceof PyStr && self.cls === strType) return strMethodFast(m.id, self, 2, x, y);
  if (m.id === B.DICT_GET && self instanceof PyDict) {
    const v = dictGet(self, x);
    return v === null ? y : v;
  }
  return null;
}

/** range(a) or range(a, b) with machine ints. */
export function fastRange(n: int, a: PyObject, b: PyObject): PyObject | null {
  if (!(a instanceof PyInt) || bigOf(a) !== null) return null;
  if (n === 1) return new PyRange(rangeType, 0, a.v, 1);
  if (!(b instanceof PyInt) || bigOf(b) !== null) return null;
  return new PyRange(rangeType, a.v, b.v, 1);
}
