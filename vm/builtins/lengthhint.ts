// __length_hint__ of the builtin iterators (CPython's list, tuple, str, bytes, range, dict and set
// iterators and reversed have one): how many items are left, which operator.length_hint and list() sizing
// read. A dict or set iterator whose container changed size since it started hints 0, as
// CPython's dictiter_len and setiter_len do; an iterator of another kind answers NotImplemented
// (operator.length_hint then uses its default).
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PySeqIter, PyList, PyTuple, PyDict, PyStr, PyBytes, NotImplemented, iterType, newInt, raise, TypeError, reversedType } from '../objects/core.ts';
import { B, FAM_ACCEL } from './ids.ts';
import { defMethod, npos, unhandledBuiltin } from './args.ts';
import { IT_LIST, IT_TUPLE, IT_STR, IT_BYTES, IT_ARRAY, IT_RANGE, IT_DICT_KEYS, IT_DICT_VALUES, IT_DICT_ITEMS, IT_EXHAUSTED, typeName, IT_REVERSED, pyLen } from '../interpreter/runtime.ts';

defMethod(iterType, '__length_hint__', B.ITER_LENGTH_HINT, FAM_ACCEL);
defMethod(reversedType, '__length_hint__', B.ITER_LENGTH_HINT, FAM_ACCEL);

function left(n: int, i: int): int {
  if (i === IT_EXHAUSTED || i >= n) return 0;
  return n - i;
}

/** The hint of it, or -1 for a kind that gives none. */
function lengthHint(it: PySeqIter): int {
  switch (it.kind) {
    case IT_LIST:
      return left((it.seq as PyList).items.length, it.i);
    case IT_TUPLE:
      return left((it.seq as PyTuple).items.length, it.i);
    case IT_STR:
      return left((it.seq as PyStr).s.length, it.i);
    case IT_BYTES:
      return left((it.seq as PyBytes).b.length, it.i);
    case IT_ARRAY: {
      const arr = it.arr;
      return arr === null ? 0 : left(arr.length, it.i);
    }
    case IT_RANGE:
      return it.n > 0 ? it.n : 0;
    case IT_DICT_KEYS:
    case IT_DICT_VALUES:
    case IT_DICT_ITEMS: {
      const d = it.seq as PyDict;
      // not started yet: the whole dict; -1 marks an iterator that has failed
      if (it.n === 0 && it.i === 0) return d.used;
      if (it.n === -1 || d.used !== it.n) return 0;
      return it.left;
    }
    case IT_REVERSED: {
      // reversed_len: the items before the position, asking the sequence's length again (it
      // may have shrunk, or its __len__ may raise)
      if (it.done || it.i < 0) return 0;
      const position = it.i + 1;
      return pyLen(it.seq) < position ? 0 : position;
    }
  }
  return -1;
}

export function callLengthHint(id: int, args: PyObject[], kw: string[] | null): PyObject {
  if (id !== B.ITER_LENGTH_HINT) throw unhandledBuiltin('iterator method', id);
  if (npos(args, kw) !== 1 || (kw !== null && kw.length > 0)) throw raise(TypeError, `__length_hint__() takes no arguments (${npos(args, kw) - 1} given)`);
  const it = args[0];
  if (!(it instanceof PySeqIter)) throw raise(TypeError, `descriptor '__length_hint__' requires a 'iterator' object but received a '${typeName(it)}'`);
  const n = lengthHint(it);
  return n < 0 ? NotImplemented : newInt(n);
}
