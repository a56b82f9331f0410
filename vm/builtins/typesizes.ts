// A type's __basicsize__ and __itemsize__: the sizes of CPython 3.11's object layouts on a 64-bit
// build. pyvm lays objects out otherwise; these report what CPython's would be, so that code
// comparing them (or only checking that they are positive) sees CPython's figures.
import type { int } from '../../translate/rlib/index.ts';
import {
  PyType, objectType, boolType, intType, floatType, strType, bytesType, listType, tupleType, dictType, typeType, BaseException,
} from '../objects/core.ts';
import { declaredSlotNames } from '../interpreter/slotrules.ts';
import { descrOwner } from './getsetdescr.ts';

const SIZED: PyType[] = [objectType, boolType, intType, floatType, strType, bytesType, listType, tupleType, dictType, typeType, BaseException];
const BASIC: int[] = [16, 32, 24, 24, 80, 33, 40, 24, 48, 904, 72];
const ITEM: int[] = [0, 4, 4, 0, 0, 1, 0, 8, 0, 40, 0];

/** The index in SIZED of the first type along t's MRO that it lists. */
function sizedBase(t: PyType): int {
  for (const c of t.mro) {
    const i = SIZED.indexOf(c);
    if (i >= 0) return i;
  }
  return 0;
}

export function itemSize(t: PyType): int {
  return ITEM[sizedBase(t)];
}

/** A class statement adds a pointer for each slot it declares, one for a weak-reference list and,
 * for variable-sized bases only, one for the attribute dict (3.11 keeps the dict of other
 * instances before the object). */
export function basicSize(t: PyType): int {
  const i = sizedBase(t);
  let n = BASIC[i];
  if (t.isBuiltin) return n;
  n += 8 * declaredSlotNames(t).length;
  const wr = descrOwner(t, '__weakref__');
  if (wr !== null && !wr.isBuiltin) n += 8;
  const d = descrOwner(t, '__dict__');
  if (d !== null && !d.isBuiltin && ITEM[i] !== 0) n += 8;
  return n;
}
