// The pickle protocol of the builtin iterators: __reduce__ gives CPython 3.11's tuples, so that
// pickle.loads(pickle.dumps(it)) and copy.copy(it) give an iterator at the same position, and
// __setstate__ puts a rebuilt iterator back at its index. A sequence iterator pickles as
// (iter, (seq,), index), an exhausted one as (iter, (empty,)); dict and set iterators as
// (iter, (list of what is left,)); enumerate, zip, map and filter as their type and arguments.
import type { int } from '../../translate/rlib/index.ts';
import {
  PyObject, PyBuiltin, PySeqIter, PyList, PyStr, PyDict, PyInt, PyType, None, True, newInt, newList, newTuple, newStr, raise,
  iterType, enumerateType, zipType, mapType, filterType, reversedType, longrangeIterType, rangeType, EMPTY_TUPLE, TypeError,
  OverflowErrorT, bigOf,
} from '../objects/core.ts';
import { B, FAM_ITERPICKLE } from './ids.ts';
import { npos, defMethod, unhandledBuiltin } from './args.ts';
import {
  IT_LIST, IT_TUPLE, IT_STR, IT_ARRAY, IT_BYTES, IT_RANGE, IT_DICT_KEYS, IT_DICT_VALUES, IT_DICT_ITEMS, IT_ENUMERATE, IT_ZIP,
  IT_MAP, IT_FILTER, IT_REVERSED, IT_SEQ, IT_CALLABLE, IT_EXHAUSTED, pyLen, truthy, typeName, binaryOp, richCompare, callObj,
} from '../interpreter/runtime.ts';
import { VM } from '../interpreter/state.ts';
import { dictGetS } from '../objects/dict.ts';
import { PyLongRangeIter } from './longrange.ts';
import { callItertoolsPickle } from '../modules/itertoolspickle.ts';
import * as A from '../parser/ast.ts';

for (const t of [iterType, enumerateType, zipType, mapType, filterType, reversedType, longrangeIterType]) {
  defMethod(t, '__reduce__', B.ITER_REDUCE, FAM_ITERPICKLE);
}
// the iterators whose position is state (CPython has no __setstate__ on enumerate, map, filter)
for (const t of [iterType, zipType, reversedType, longrangeIterType]) {
  defMethod(t, '__setstate__', B.ITER_SETSTATE, FAM_ITERPICKLE);
}

/** builtins.iter, the callable most iterators are rebuilt with */
function iterBuiltin(): PyObject {
  const f = dictGetS(VM.builtins, 'iter');
  if (f === null) throw raise(TypeError, 'iter is missing from builtins');
  return f;
}
/** (iter, (seq,), index) */
function atIndex(seq: PyObject, index: PyObject): PyObject {
  return newTuple([iterBuiltin(), newTuple([seq]), index]);
}
/** (iter, (empty,)): an exhausted iterator */
function exhausted(empty: PyObject): PyObject {
  return newTuple([iterBuiltin(), newTuple([empty])]);
}
/** The index a __setstate__ is given, as CPython's PyLong_AsSsize_t reads it. */
function stateIndex(o: PyObject): int {
  if (!(o instanceof PyInt)) throw raise(TypeError, 'an integer is required');
  if (bigOf(o) !== null) throw raise(OverflowErrorT, 'Python int too large to convert to C ssize_t');
  return o.v;
}
function clamp(v: int, lo: int, hi: int): int {
  return v < lo ? lo : v > hi ? hi : v;
}
/** What a dict or set iterator has yet to give, without moving it. */
function dictRest(it: PySeqIter): PyObject[] {
  const d = it.seq as PyDict;
  const out: PyObject[] = [];
  for (let j = it.i; j < d.keys.length; j++) {
    const k = d.keys[j];
    const v = d.vals[j];
    if (k === null || v === null) continue;
    out.push(it.kind === IT_DICT_KEYS ? k : it.kind === IT_DICT_VALUES ? v : newTuple([k, v]));
  }
  return out;
}

function reduceSeqIter(it: PySeqIter): PyObject {
  const done = it.i === IT_EXHAUSTED;
  switch (it.kind) {
    case IT_LIST:
      return done ? exhausted(newList([])) : atIndex(it.seq, newInt(it.i));
    case IT_TUPLE:
    case IT_BYTES:
      return done ? exhausted(EMPTY_TUPLE) : atIndex(it.seq, newInt(it.i));
    case IT_STR:
      return done ? exhausted(newStr('')) : atIndex(it.seq, newInt(it.i));
    case IT_ARRAY: {
      // a str with characters beyond the BMP iterates over its code points (index in those)
      if (it.seq instanceof PyStr) return done ? exhausted(newStr('')) : atIndex(it.seq, newInt(it.i));
      // reversed(dict): the keys still to come
      const arr = it.arr as PyObject[];
      return exhausted(newList(done ? [] : arr.slice(it.i)));
    }
    case IT_RANGE: {
      // CPython's rangeiter_reduce: range(start, start + len * step, step) and the index, where
      // start and len are those the iterator began with
      const index = newInt(it.left - it.n);
      const step = newInt(it.step);
      const start = binaryOp(newInt(it.i), binaryOp(index, step, A.BIN_MUL), A.BIN_SUB);
      const stop = binaryOp(start, binaryOp(newInt(it.left), step, A.BIN_MUL), A.BIN_ADD);
      return atIndex(callObj(rangeType, [start, stop, step], null), index);
    }
    case IT_DICT_KEYS:
    case IT_DICT_VALUES:
    case IT_DICT_ITEMS:
      return exhausted(newList(dictRest(it)));
    case IT_ENUMERATE:
      return newTuple([it.cls, newTuple([it.seq, it.fn !== null ? it.fn : newInt(it.i)])]);
    case IT_ZIP: {
      const r: PyObject[] = [it.cls, newTuple(it.its.slice(0))];
      if (it.step === 1) r.push(True);
      return newTuple(r);
    }
    case IT_MAP: {
      const args: PyObject[] = [it.fn as PyObject];
      for (const sub of it.its) args.push(sub);
      return newTuple([it.cls, newTuple(args)]);
    }
    case IT_FILTER:
      return newTuple([it.cls, newTuple([it.fn === null ? None : it.fn, it.seq])]);
    case IT_REVERSED: {
      // a list's reverse iterator rebuilds with iter([]) once it is out of range
      if (it.seq instanceof PyList) {
        if (it.done || it.i < 0 || it.i >= it.seq.items.length) return exhausted(newList([]));
        return newTuple([it.cls, newTuple([it.seq]), newInt(it.i)]);
      }
      if (it.done) return newTuple([it.cls, newTuple([EMPTY_TUPLE])]);
      return newTuple([it.cls, newTuple([it.seq]), newInt(it.i)]);
    }
    case IT_SEQ:
      return it.done ? exhausted(EMPTY_TUPLE) : atIndex(it.seq, newInt(it.i));
    case IT_CALLABLE:
      return it.done ? exhausted(EMPTY_TUPLE) : newTuple([iterBuiltin(), newTuple([it.fn as PyObject, it.fn2 as PyObject])]);
  }
  throw raise(TypeError, `cannot pickle '${typeName(it)}' object`);
}

function setSeqIterState(it: PySeqIter, state: PyObject): void {
  switch (it.kind) {
    case IT_LIST:
    case IT_TUPLE:
    case IT_STR:
    case IT_BYTES: {
      const index = stateIndex(state);
      // an exhausted iterator has let go of its sequence: the state changes nothing
      if (it.i !== IT_EXHAUSTED) it.i = clamp(index, 0, pyLen(it.seq));
      return;
    }
    case IT_ARRAY: {
      const index = stateIndex(state);
      if (it.i !== IT_EXHAUSTED) it.i = clamp(index, 0, (it.arr as PyObject[]).length);
      return;
    }
    case IT_RANGE: {
      const index = clamp(stateIndex(state), 0, it.left);
      const consumed = it.left - it.n;
      it.i = it.i + (index - consumed) * it.step;
      it.n = it.left - index;
      return;
    }
    case IT_ZIP:
      it.step = truthy(state) ? 1 : 0;
      return;
    case IT_REVERSED: {
      const index = stateIndex(state);
      if (it.done || it.i < 0 && it.seq instanceof PyList) return;
      it.i = clamp(index, -1, pyLen(it.seq) - 1);
      return;
    }
    case IT_SEQ: {
      const index = stateIndex(state);
      if (!it.done) it.i = index < 0 ? 0 : index;
      return;
    }
  }
  throw raise(TypeError, `'${typeName(it)}' object has no state to set`);
}

/** longrange_iterator: the range it began with and the index, as CPython's longrangeiter_reduce */
function reduceLongRangeIter(it: PyLongRangeIter): PyObject {
  const stop = binaryOp(it.start, binaryOp(it.length, it.step, A.BIN_MUL), A.BIN_ADD);
  const index = binaryOp(it.length, it.left, A.BIN_SUB);
  return atIndex(callObj(rangeType, [it.start, stop, it.step], null), index);
}
function setLongRangeIterState(it: PyLongRangeIter, state: PyObject): void {
  if (!(state instanceof PyInt)) throw raise(TypeError, 'an integer is required');
  let index: PyObject = state;
  if (truthy(richCompare(index, newInt(0), A.CMP_LT))) index = newInt(0);
  if (truthy(richCompare(it.length, index, A.CMP_LT))) index = it.length;
  it.left = binaryOp(it.length, index, A.BIN_SUB);
  it.next = binaryOp(it.start, binaryOp(index, it.step, A.BIN_MUL), A.BIN_ADD);
}

export function callIterPickle(b: PyBuiltin, id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  const self = args[0];
  switch (id) {
    case B.ITER_REDUCE:
      if (self instanceof PySeqIter) return reduceSeqIter(self);
      if (self instanceof PyLongRangeIter) return reduceLongRangeIter(self);
      throw raise(TypeError, `cannot pickle '${typeName(self)}' object`);
    case B.ITER_SETSTATE:
      if (n !== 2) throw raise(TypeError, `${(b.owner as PyType).name}.__setstate__() takes exactly one argument (${n - 1} given)`);
      if (self instanceof PySeqIter) setSeqIterState(self, args[1]);
      else if (self instanceof PyLongRangeIter) setLongRangeIterState(self, args[1]);
      else throw raise(TypeError, `'${typeName(self)}' object has no state to set`);
      return None;
    case B.ITERTOOLS_REDUCE:
    case B.ITERTOOLS_SETSTATE:
      return callItertoolsPickle(id, args, kw);
  }
  throw unhandledBuiltin(b.name, id);
}
