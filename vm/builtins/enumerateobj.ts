// enumerate(iterable, start=0): its argument checks and its start of any size. The builtin
// type itself is called through CPython's enumerate_vectorcall, whose words differ a little from
// the Argument Clinic parser a subclass goes through; both are kept.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyType, PySeqIter, enumerateType, raise, TypeError, bigOf } from '../objects/core.ts';
import { getIter, IT_ENUMERATE } from '../interpreter/runtime.ts';
import { indexOf } from './sliceobj.ts';

const PARAMS = ['iterable', 'start'];

/** The checks enumerate makes of n positional arguments and the keyword names kw before it
 * reads any of them. */
export function checkEnumerateArgs(t: PyType, n: int, kw: string[] | null): void {
  const nkw = kw === null ? 0 : kw.length;
  if (n + nkw > 2) throw raise(TypeError, `enumerate() takes at most 2 arguments (${n + nkw} given)`);
  const exact = t === enumerateType;
  if (n + nkw === 0) throw raise(TypeError, `enumerate() missing required argument 'iterable'${exact ? '' : ' (pos 1)'}`);
  if (kw === null) return;
  // the clinic parser a subclass goes through finds the missing iterable before a stray keyword
  if (!exact && n === 0 && !kw.includes('iterable')) throw raise(TypeError, "enumerate() missing required argument 'iterable' (pos 1)");
  for (const k of kw) {
    const at = PARAMS.indexOf(k);
    if (at < 0) throw raise(TypeError, `'${k}' is an invalid keyword argument for enumerate()`);
    if (at < n) {
      // the vectorcall path takes only the keywords after the positional ones
      if (exact) throw raise(TypeError, `'${k}' is an invalid keyword argument for enumerate()`);
      throw raise(TypeError, `argument for enumerate() given by name ('${k}') and position (${at + 1})`);
    }
  }
  // enumerate(start=0): vectorcall reads a lone keyword as the iterable's
  if (n === 0 && !kw.includes('iterable')) throw raise(TypeError, `'${kw[0]}' is an invalid keyword argument for enumerate()`);
}

/** A new enumerate of type t over iterable, counting from start (None: 0). A start beyond the
 * machine ints is kept as an int object in fn, as runtime's IT_ENUMERATE step reads it. */
export function newEnumerate(t: PyType, iterable: PyObject, start: PyObject | null): PySeqIter {
  // enum_new_impl reads the start before it asks for the iterator
  const st = start === null ? null : indexOf(start, '');
  const it = new PySeqIter(t, IT_ENUMERATE, getIter(iterable));
  if (st !== null) {
    if (bigOf(st) === null) it.i = st.v;
    else it.fn = st;
  }
  return it;
}
