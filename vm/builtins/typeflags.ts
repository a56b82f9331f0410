// type.__flags__, which inspect.isabstract() reads (Py_TPFLAGS_IS_ABSTRACT). The bits are
// CPython 3.11's (object.h); pyvm sets those a Python program can observe a meaning of.
import type { int } from '../../translate/rlib/index.ts';
import { PyType, intType, listType, tupleType, bytesType, strType, dictType, typeType, BaseException } from '../objects/core.ts';
import { truthy } from '../interpreter/runtime.ts';

const IMMUTABLETYPE = 1 << 8;
const HEAPTYPE = 1 << 9;
const BASETYPE = 1 << 10;
const READY = 1 << 12;
const HAVE_GC = 1 << 14;
const IS_ABSTRACT = 1 << 20;

/** The Py_TPFLAGS_*_SUBCLASS bit of each builtin base, by the type it marks. */
function subclassBits(t: PyType): int {
  let f = 0;
  // Py_TPFLAGS_TYPE_SUBCLASS is bit 31, added rather than or-ed in: JS's bitwise operators are
  // 32-bit signed, which would make the flags negative untranslated
  let isType = false;
  for (const b of t.mro) {
    if (b === intType) f |= 1 << 24;
    else if (b === listType) f |= 1 << 25;
    else if (b === tupleType) f |= 1 << 26;
    else if (b === bytesType) f |= 1 << 27;
    else if (b === strType) f |= 1 << 28;
    else if (b === dictType) f |= 1 << 29;
    else if (b === BaseException) f |= 1 << 30;
    else if (b === typeType) isType = true;
  }
  return isType ? f + 2147483648 : f;
}

export function typeFlags(t: PyType): int {
  let f = READY | BASETYPE;
  if (t.isBuiltin) f |= IMMUTABLETYPE;
  else f |= HEAPTYPE | HAVE_GC;
  // abc.ABCMeta and update_abstractmethods keep the names in __abstractmethods__
  const am = t.dict.get('__abstractmethods__');
  // (type_set_abstractmethods: the flag is the value's truth)
  if (am !== undefined && truthy(am)) f |= IS_ABSTRACT;
  return f + subclassBits(t);
}
