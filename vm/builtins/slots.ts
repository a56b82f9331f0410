// The builtin types' operator methods as attributes (`int.__add__`, `str.__len__`,
// `list.__imul__`, ...), which CPython exposes as slot wrappers and Python code calls by name:
// `super().__add__(o)` in a subclass of int, `functools.total_ordering` and `collections.abc`
// looking for `__lt__` or `__len__` in a class's namespace, `operator` and `numbers`.
//
// The interpreter's own operators never call these (runtime.ts's dispatch skips builtin
// methods and works on the objects' layouts), so a wrapper works on the builtin value beneath a
// subclass instance (asBase) and never dispatches back to the subclass: no loop.
import { isBytearray, BYT } from './bytesmethods.ts';
import type { int } from '../../translate/rlib/index.ts';
import {
  PyObject, PyType, PyBuiltin, PyInt, PyFloat, PyStr, PyBytes, PyList, PyTuple, PySet, PyDict, NotImplemented, TypeError,
  intType, boolType, floatType, strType, bytesType, listType, tupleType, dictType, setType, frozensetType, rangeType, reversedType, sliceType, typeType,
  newInt, newFloat, newStr, newBool, raise,
} from '../objects/core.ts';
import { dictGetS } from '../objects/dict.ts';
import { intValueOf } from '../objects/intops.ts';
import {
  BIN_NAMES, BIN_RNAMES, BIN_INAMES, CMP_NAMES, builtinBinary, builtinCompare, binaryOp, unaryOp, callObj, callType, getItem, contains, pyLen, getIter, truthy, isInstance, iterToArray, lookupType, typeName, baseRepr,
} from '../interpreter/runtime.ts';
import { VM } from '../interpreter/state.ts';
import { PyComplex, newComplex } from './complex.ts';
import { complexType } from '../objects/core.ts';
import { B, FAM_SLOT } from './ids.ts';
import { lenObj } from './longrange.ts';
import { npos, mkBuiltin } from './args.ts';
import * as A from '../parser/ast.ts';

const UNARY = ['__neg__', '__pos__', '__invert__'];
const UNARY_KIND = [A.U_NEG, A.U_POS, A.U_INVERT];

/** The builtin value beneath a subclass instance (a fresh object of the builtin type), so that
 * builtin methods skip the subclass's overrides; for lists and sets, one sharing the instance's
 * storage. */
export function asBase(o: PyObject): PyObject {
  if (o.cls.isBuiltin) return o;
  if (o instanceof PyInt) return intValueOf(o);
  if (o instanceof PyFloat) return newFloat(o.v);
  if (o instanceof PyComplex) return newComplex(o.re, o.im);
  if (o instanceof PyStr) return newStr(o.s);
  if (o instanceof PyBytes) return new PyBytes(isBytearray(o) ? (BYT.bytearray as PyType) : bytesType, o.b);
  if (o instanceof PyList) return new PyList(listType, o.items);
  if (o instanceof PyTuple) return new PyTuple(tupleType, o.items);
  if (o instanceof PySet) return new PySet(o.cls === frozensetType || isInstance(o, frozensetType) ? frozensetType : setType, o.table);
  return o;
}

/** int's operators take ints only (`int.__add__(1, 2.5)` is NotImplemented; float's take both). */
function accepts(owner: PyType, other: PyObject): boolean {
  if (owner === intType || owner === boolType) return other instanceof PyInt;
  if (owner === floatType) return other instanceof PyFloat || other instanceof PyInt;
  return true;
}

/** args[0], checked to be an instance of b's type, with between min and max more arguments. */
function selfOf(b: PyBuiltin, args: PyObject[], kw: string[] | null, min: int, max: int): PyObject {
  const owner = b.owner as PyType;
  const n = npos(args, kw) - 1;
  const self = args[0];
  if (!isInstance(self, owner)) throw raise(TypeError, `descriptor '${b.name}' requires a '${owner.name}' object but received a '${typeName(self)}'`);
  if (n < min || n > max) throw raise(TypeError, `expected ${min === max ? '' : 'at most '}${max} argument${max === 1 ? '' : 's'}, got ${n}`);
  return self;
}

function isSequence(o: PyObject): boolean {
  return o instanceof PyStr || o instanceof PyBytes || o instanceof PyList || o instanceof PyTuple;
}

function builtinFn(name: string): PyObject {
  return dictGetS(VM.builtins, name) as PyObject;
}

/** Calls slot wrapper b (registered by initSlots) with args[0] as self. */
export function callSlot(b: PyBuiltin, args: PyObject[], kw: string[] | null): PyObject {
  const owner = b.owner as PyType;
  const name = b.name;
  switch (b.id) {
    case B.SLOT_BINARY: {
      const self = selfOf(b, args, kw, 1, name === '__pow__' ? 2 : 1);
      const other = args[1];
      if (!accepts(owner, other)) return NotImplemented;
      if (name === '__pow__' && npos(args, kw) === 3) return callObj(builtinFn('pow'), [asBase(self), asBase(other), args[2]], null);
      const op = BIN_NAMES.indexOf(name);
      const r = builtinBinary(asBase(self), asBase(other), op);
      if (r !== null) return r;
      // a sequence's + and * raise rather than return NotImplemented, as CPython's sq_concat
      if (isSequence(self) && op === A.BIN_MUL) throw raise(TypeError, `'${typeName(other)}' object cannot be interpreted as an integer`);
      if (isSequence(self) && op === A.BIN_ADD) return binaryOp(asBase(self), other, op);
      return NotImplemented;
    }
    case B.SLOT_RBINARY: {
      const self = selfOf(b, args, kw, 1, 1);
      const other = args[1];
      if (!accepts(owner, other)) return NotImplemented;
      const r = builtinBinary(asBase(other), asBase(self), BIN_RNAMES.indexOf(name));
      return r === null ? NotImplemented : r;
    }
    case B.SLOT_INPLACE: {
      const self = selfOf(b, args, kw, 1, 1);
      const op = BIN_INAMES.indexOf(name);
      if (self instanceof PyDict) {
        callObj(lookupType(dictType, 'update') as PyObject, [self, args[1]], null);
        return self;
      }
      // on a view sharing the instance's storage; what the operation replaces is put back
      const view = asBase(self);
      binaryOp(view, args[1], op + A.BIN_INPLACE);
      if (self instanceof PyList && view instanceof PyList) self.items = view.items;
      if (self instanceof PySet && view instanceof PySet) self.table = view.table;
      return self;
    }
    case B.SLOT_DIVMOD:
    case B.SLOT_RDIVMOD: {
      const self = selfOf(b, args, kw, 1, 1);
      const other = args[1];
      if (!accepts(owner, other) || !(other instanceof PyInt || other instanceof PyFloat)) return NotImplemented;
      const pair = b.id === B.SLOT_DIVMOD ? [asBase(self), asBase(other)] : [asBase(other), asBase(self)];
      return callObj(builtinFn('divmod'), pair, null);
    }
    case B.SLOT_COMPARE: {
      const self = selfOf(b, args, kw, 1, 1);
      const other = args[1];
      if (!accepts(owner, other)) return NotImplemented;
      const r = builtinCompare(asBase(self), asBase(other), CMP_NAMES.indexOf(name));
      return r === null ? NotImplemented : r;
    }
    case B.SLOT_UNARY: {
      const self = asBase(selfOf(b, args, kw, 0, 0));
      if (name === '__abs__') return callObj(builtinFn('abs'), [self], null);
      return unaryOp(self, UNARY_KIND[UNARY.indexOf(name)]);
    }
    case B.SLOT_CONVERT: {
      // the type's own repr (of a subclass instance too: list.__repr__(L()) is a list's)
      if (name === '__repr__') {
        const self = selfOf(b, args, kw, 0, 0);
        // int.__repr__(True) is '1': int's repr of the value, not bool's
        if (owner === intType && self instanceof PyInt) return newStr(baseRepr(intValueOf(self)));
        return newStr(baseRepr(self));
      }
      const self = asBase(selfOf(b, args, kw, 0, name === '__round__' ? 1 : 0));
      if (name === '__bool__') return newBool(truthy(self));
      if (name === '__float__') return callType(floatType, [self], null);
      if (name === '__round__') return callObj(builtinFn('round'), npos(args, kw) === 2 ? [self, args[1]] : [self], null);
      // __int__, __index__, __trunc__, __floor__, __ceil__ of an int (True.__int__() is 1)
      if (self instanceof PyInt) return self.cls === boolType ? newInt(self.v) : self;
      const v = (self as PyFloat).v;
      const w = name === '__floor__' ? Math.floor(v) : name === '__ceil__' ? Math.ceil(v) : v;
      return callType(intType, [newFloat(w)], null);
    }
    case B.SLOT_SEQUENCE: {
      if (name === '__len__') return lenObj(asBase(selfOf(b, args, kw, 0, 0)));
      if (name === '__iter__') return getIter(asBase(selfOf(b, args, kw, 0, 0)));
      if (name === '__reversed__') return callType(reversedType, [asBase(selfOf(b, args, kw, 0, 0))], null);
      const self = asBase(selfOf(b, args, kw, 1, 1));
      if (name === '__getitem__') return getItem(self, args[1]);
      return newBool(contains(self, args[1])); // __contains__
    }
  }
  throw raise(TypeError, `bad slot wrapper ${owner.name}.${name}`);
}

function def(t: PyType, names: string[], id: int): void {
  for (const name of names) {
    if (t.dict.has(name)) continue; // a type's own method (e.g. list.__add__) stays
    const b = mkBuiltin(name, id, true, FAM_SLOT);
    b.owner = t;
    t.dict.set(name, b);
  }
}

/** Gives t its own `__repr__`, as each builtin type with its own tp_repr has in CPython: code
 * keyed by `type(x).__repr__` (pprint's dispatch table) tells the types apart by it. */
export function defOwnRepr(t: PyType): void {
  def(t, ['__repr__'], B.SLOT_CONVERT);
}

function pick(names: string[], ops: int[]): string[] {
  const out: string[] = [];
  for (const op of ops) out.push(names[op]);
  return out;
}

export function initSlots(): void {
  const arithBits = [A.BIN_ADD, A.BIN_SUB, A.BIN_MUL, A.BIN_TRUEDIV, A.BIN_FLOORDIV, A.BIN_MOD, A.BIN_POW, A.BIN_LSHIFT, A.BIN_RSHIFT, A.BIN_AND, A.BIN_OR, A.BIN_XOR];
  const arith = [A.BIN_ADD, A.BIN_SUB, A.BIN_MUL, A.BIN_TRUEDIV, A.BIN_FLOORDIV, A.BIN_MOD, A.BIN_POW];
  const logic = [A.BIN_AND, A.BIN_OR, A.BIN_XOR];
  const setOps = [A.BIN_SUB, A.BIN_AND, A.BIN_OR, A.BIN_XOR];
  const seqOps = [A.BIN_ADD, A.BIN_MUL, A.BIN_MOD];

  def(intType, pick(BIN_NAMES, arithBits), B.SLOT_BINARY);
  def(intType, pick(BIN_RNAMES, arithBits), B.SLOT_RBINARY);
  def(boolType, pick(BIN_NAMES, logic), B.SLOT_BINARY);
  def(boolType, pick(BIN_RNAMES, logic), B.SLOT_RBINARY);
  def(floatType, pick(BIN_NAMES, arith), B.SLOT_BINARY);
  def(floatType, pick(BIN_RNAMES, arith), B.SLOT_RBINARY);
  for (const t of [intType, floatType]) {
    def(t, ['__divmod__'], B.SLOT_DIVMOD);
    def(t, ['__rdivmod__'], B.SLOT_RDIVMOD);
    def(t, CMP_NAMES, B.SLOT_COMPARE);
    def(t, ['__neg__', '__pos__', '__abs__'], B.SLOT_UNARY);
    def(t, ['__bool__', '__int__', '__float__', '__trunc__', '__floor__', '__ceil__', '__round__'], B.SLOT_CONVERT);
  }
  def(intType, ['__invert__'], B.SLOT_UNARY);
  def(complexType, pick(BIN_NAMES, arith), B.SLOT_BINARY);
  def(complexType, pick(BIN_RNAMES, arith), B.SLOT_RBINARY);
  def(complexType, CMP_NAMES, B.SLOT_COMPARE);
  def(complexType, ['__neg__', '__pos__', '__abs__'], B.SLOT_UNARY);
  def(complexType, ['__bool__'], B.SLOT_CONVERT);
  def(intType, ['__index__'], B.SLOT_CONVERT);

  for (const t of [strType, bytesType]) {
    def(t, pick(BIN_NAMES, seqOps), B.SLOT_BINARY);
    def(t, ['__rmul__'], B.SLOT_RBINARY);
    def(t, CMP_NAMES, B.SLOT_COMPARE);
    def(t, ['__len__', '__getitem__', '__contains__', '__iter__'], B.SLOT_SEQUENCE);
  }
  for (const t of [listType, tupleType]) {
    def(t, ['__mul__'], B.SLOT_BINARY);
    def(t, ['__rmul__'], B.SLOT_RBINARY);
    def(t, CMP_NAMES, B.SLOT_COMPARE);
  }
  def(listType, ['__iadd__', '__imul__'], B.SLOT_INPLACE);
  def(listType, ['__reversed__'], B.SLOT_SEQUENCE);
  def(dictType, ['__or__'], B.SLOT_BINARY);
  def(dictType, ['__ror__'], B.SLOT_RBINARY);
  def(dictType, ['__ior__'], B.SLOT_INPLACE);
  def(dictType, ['__ne__'], B.SLOT_COMPARE);
  def(dictType, ['__reversed__'], B.SLOT_SEQUENCE);
  for (const t of [setType, frozensetType]) {
    def(t, pick(BIN_NAMES, setOps), B.SLOT_BINARY);
    def(t, pick(BIN_RNAMES, setOps), B.SLOT_RBINARY);
    def(t, CMP_NAMES, B.SLOT_COMPARE);
    def(t, ['__len__', '__contains__', '__iter__'], B.SLOT_SEQUENCE);
  }
  def(setType, pick(BIN_INAMES, setOps), B.SLOT_INPLACE);
  def(rangeType, ['__len__', '__getitem__', '__contains__', '__iter__', '__reversed__'], B.SLOT_SEQUENCE);
  def(rangeType, ['__bool__'], B.SLOT_CONVERT);
  def(rangeType, ['__eq__', '__ne__'], B.SLOT_COMPARE);
  for (const t of [intType, boolType, floatType, complexType, strType, bytesType, listType, tupleType, dictType, setType, frozensetType, rangeType, sliceType, typeType]) defOwnRepr(t);
}

