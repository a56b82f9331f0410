// The pickle protocol of itertools' iterators, which CPython 3.11 still has (3.12 deprecates it):
// __reduce__ gives CPython's tuple for each (a constructor call, and the state that
// __setstate__ puts back when the arguments alone cannot say where the iterator was), so that
// pickle.loads(pickle.dumps(it)) and copy.copy(it) go on from the same position. pairwise
// refuses, as in CPython; tee is not done yet (CPython pickles its shared buffer).
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyInt, PyList, PyTuple, None, True, False, newInt, newList, newTuple, raise, EMPTY_TUPLE, TypeError, ValueError, OverflowErrorT, bigOf } from '../objects/core.ts';
import { B, FAM_ITERPICKLE } from '../builtins/ids.ts';
import { npos, defMethod, unhandledBuiltin } from '../builtins/args.ts';
import { getIter, getIterOrNull, getAttr, callObj, truthy, typeName } from '../interpreter/runtime.ts';
import { VM } from '../interpreter/state.ts';
import { dictGetS } from '../objects/dict.ts';
import {
  PyItertool, TYPES_OF, K_COUNT, K_CYCLE, K_REPEAT, K_ACCUMULATE, K_CHAIN, K_COMPRESS, K_DROPWHILE, K_FILTERFALSE, K_GROUPBY,
  K_GROUPER, K_ISLICE, K_PAIRWISE, K_STARMAP, K_TAKEWHILE, K_ZIP_LONGEST, K_PRODUCT, K_PERMUTATIONS, K_COMBINATIONS, K_COMBINATIONS_WR,
} from './itertools.ts';

// pairwise's __reduce__ only refuses, with CPython's message
const REDUCIBLE: int[] = [
  K_PAIRWISE, K_COUNT, K_CYCLE, K_REPEAT, K_ACCUMULATE, K_CHAIN, K_COMPRESS, K_DROPWHILE, K_FILTERFALSE, K_GROUPBY,
  K_GROUPER, K_ISLICE, K_STARMAP, K_TAKEWHILE, K_ZIP_LONGEST, K_PRODUCT, K_PERMUTATIONS, K_COMBINATIONS, K_COMBINATIONS_WR,
];
const WITH_STATE: int[] = [
  K_CYCLE, K_ACCUMULATE, K_CHAIN, K_DROPWHILE, K_GROUPBY, K_ISLICE, K_TAKEWHILE, K_ZIP_LONGEST, K_PRODUCT, K_PERMUTATIONS,
  K_COMBINATIONS, K_COMBINATIONS_WR,
];
for (const k of REDUCIBLE) defMethod(TYPES_OF.byKind[k], '__reduce__', B.ITERTOOLS_REDUCE, FAM_ITERPICKLE);
for (const k of WITH_STATE) defMethod(TYPES_OF.byKind[k], '__setstate__', B.ITERTOOLS_SETSTATE, FAM_ITERPICKLE);

/** builtins.iter, which rebuilds an empty grouper */
function iterBuiltin(): PyObject {
  const f = dictGetS(VM.builtins, 'iter');
  if (f === null) throw raise(TypeError, 'iter is missing from builtins');
  return f;
}
function orNone(o: PyObject | null): PyObject {
  return o === null ? None : o;
}
function ints(a: int[], n: int): PyObject {
  const out: PyObject[] = [];
  for (let k = 0; k < n; k++) out.push(newInt(a[k]));
  return newTuple(out);
}
/** An index in a state tuple, as CPython's PyLong_AsSsize_t reads it. */
function ssize(o: PyObject): int {
  if (!(o instanceof PyInt)) throw raise(TypeError, 'an integer is required');
  if (bigOf(o) !== null) throw raise(OverflowErrorT, 'Python int too large to convert to C ssize_t');
  return o.v;
}
function clamp(v: int, lo: int, hi: int): int {
  return v < lo ? lo : v > hi ? hi : v;
}
function stateTuple(state: PyObject, n: int): PyObject[] {
  if (!(state instanceof PyTuple)) throw raise(TypeError, 'state is not a tuple');
  if (state.items.length !== n) throw raise(TypeError, `function takes exactly ${n} arguments (${state.items.length} given)`);
  return state.items;
}
/** The state of product and the combinatorics: a tuple of n indices, else ValueError. */
function indexTuple(state: PyObject, n: int): PyObject[] {
  if (!(state instanceof PyTuple) || state.items.length !== n) throw raise(ValueError, 'invalid arguments');
  return state.items;
}
/** The pool of permutations and combinations (started: whether CPython's result exists; an
 * iterator stopped from the start never makes one). */
function poolReduce(o: PyItertool, fresh: boolean): PyObject | null {
  const pool = newTuple(o.items.slice(0));
  if (fresh) return newTuple([o.cls, newTuple([pool, newInt(o.r)])]);
  if (o.done) return newTuple([o.cls, newTuple([EMPTY_TUPLE, newInt(o.r)])]);
  return null;
}

function reduce(o: PyItertool): PyObject {
  const t = o.cls;
  switch (o.kind) {
    case K_COUNT: {
      // CPython's fast mode (an int counting by 1) gives the count alone
      const c = o.cur as PyObject;
      const s = o.step as PyObject;
      if (c instanceof PyInt && bigOf(c) === null && s instanceof PyInt && bigOf(s) === null && s.v === 1) return newTuple([t, newTuple([newInt(c.v)])]);
      return newTuple([t, newTuple([c, s])]);
    }
    case K_REPEAT:
      return newTuple([t, newTuple(o.n >= 0 ? [o.cur as PyObject, newInt(o.n)] : [o.cur as PyObject])]);
    case K_CYCLE: {
      // the saved list is the cycle's own, as CPython's: a shallow copy goes on saving into it
      const saved = newList(o.items);
      if (o.src === null) {
        // the source is used up: go on over the saved items from the current one
        const it = getIter(saved);
        if (o.i !== 0) callObj(getAttr(it, '__setstate__'), [newInt(o.i)], null);
        return newTuple([t, newTuple([it]), newTuple([saved, True])]);
      }
      return newTuple([t, newTuple([o.src]), newTuple([saved, o.firstpass ? True : False])]);
    }
    case K_ACCUMULATE: {
      const fn = orNone(o.fn);
      const chain = TYPES_OF.byKind[K_CHAIN];
      if (!o.started && o.cur !== null) {
        // the initial value is still to come: it leads a chain
        return newTuple([t, newTuple([callObj(chain, [newTuple([o.cur]), o.src as PyObject], null), fn]), None]);
      }
      if (o.cur === None) {
        // a total of None cannot be the state (None is no state): put it first and skip it
        const again = callObj(t, [callObj(chain, [newTuple([None]), o.src as PyObject], null), fn], null);
        return newTuple([TYPES_OF.byKind[K_ISLICE], newTuple([again, newInt(1), None])]);
      }
      return newTuple([t, newTuple([o.src as PyObject, fn]), orNone(o.cur)]);
    }
    case K_CHAIN:
      if (o.done) return newTuple([t, EMPTY_TUPLE]);
      if (o.src2 !== null) return newTuple([t, EMPTY_TUPLE, newTuple([o.src as PyObject, o.src2])]);
      return newTuple([t, EMPTY_TUPLE, newTuple([o.src as PyObject])]);
    case K_COMPRESS:
      return newTuple([t, newTuple([o.src as PyObject, o.src2 as PyObject])]);
    case K_DROPWHILE:
      return newTuple([t, newTuple([o.fn as PyObject, o.src as PyObject]), newInt(o.started ? 1 : 0)]);
    case K_TAKEWHILE:
      return newTuple([t, newTuple([o.fn as PyObject, o.src as PyObject]), newInt(o.started ? 1 : 0)]);
    case K_FILTERFALSE:
    case K_STARMAP:
      return newTuple([t, newTuple([orNone(o.fn), o.src as PyObject])]);
    case K_GROUPBY: {
      const args = newTuple([o.src as PyObject, orNone(o.fn)]);
      if (o.tgtKey !== null && o.cur !== null && o.curValue !== null) return newTuple([t, args, newTuple([o.cur, o.curValue, o.tgtKey])]);
      return newTuple([t, args]);
    }
    case K_GROUPER: {
      const gb = o.parent as PyItertool;
      // a grouper its groupby has moved on from is empty
      if (gb.grouper !== o) return newTuple([iterBuiltin(), newTuple([EMPTY_TUPLE])]);
      return newTuple([t, newTuple([gb, o.tgtKey as PyObject])]);
    }
    case K_ISLICE: {
      if (o.src === null) return newTuple([t, newTuple([getIter(newList([])), newInt(0)]), newInt(0)]);
      const stop = o.stop === -1 ? None : newInt(o.stop);
      return newTuple([t, newTuple([o.src, newInt(o.next), stop, newInt(o.stepN)]), newInt(o.i)]);
    }
    case K_ZIP_LONGEST: {
      const its: PyObject[] = [];
      for (let k = 0; k < o.items.length; k++) its.push(o.dead[k] ? EMPTY_TUPLE : o.items[k]);
      return newTuple([t, newTuple(its), o.cur as PyObject]);
    }
    case K_PRODUCT: {
      if (o.done) return newTuple([t, newTuple([EMPTY_TUPLE])]);
      const pools: PyObject[] = [];
      for (const p of o.pools) pools.push(newTuple(p.slice(0)));
      if (!o.started) return newTuple([t, newTuple(pools)]);
      return newTuple([t, newTuple(pools), ints(o.indices, o.pools.length)]);
    }
    case K_PERMUTATIONS: {
      const r = poolReduce(o, !o.started || o.r > o.items.length);
      if (r !== null) return r;
      return newTuple([t, newTuple([newTuple(o.items.slice(0)), newInt(o.r)]), newTuple([ints(o.indices, o.items.length), ints(o.cycles, o.r)])]);
    }
    case K_COMBINATIONS:
    case K_COMBINATIONS_WR: {
      const never = o.kind === K_COMBINATIONS ? o.r > o.items.length : o.items.length === 0 && o.r > 0;
      const r = poolReduce(o, !o.started || never);
      if (r !== null) return r;
      return newTuple([t, newTuple([newTuple(o.items.slice(0)), newInt(o.r)]), ints(o.indices, o.r)]);
    }
  }
  // pairwise has no reduction in CPython: its default one refuses the object
  throw raise(TypeError, `cannot pickle 'itertools.${o.cls.name}' object`);
}

function setState(o: PyItertool, state: PyObject): void {
  switch (o.kind) {
    case K_CYCLE: {
      const st = stateTuple(state, 2);
      const saved = st[0];
      if (!(saved instanceof PyList)) throw raise(TypeError, `argument 1 must be list, not ${typeName(saved)}`);
      o.items = saved.items;
      o.firstpass = ssize(st[1]) !== 0;
      o.i = 0;
      return;
    }
    case K_ACCUMULATE:
      o.cur = state;
      o.started = true;
      return;
    case K_CHAIN: {
      if (!(state instanceof PyTuple)) throw raise(TypeError, 'state is not a tuple');
      const n = state.items.length;
      if (n < 1 || n > 2) throw raise(TypeError, `function takes at most 2 arguments (${n} given)`);
      const src = state.items[0];
      const active = n === 2 ? state.items[1] : null;
      if (!isIterator(src) || (active !== null && !isIterator(active))) throw raise(TypeError, 'Arguments must be iterators.');
      o.src = src;
      o.src2 = active;
      o.done = false;
      return;
    }
    case K_DROPWHILE:
      o.started = truthy(state);
      return;
    case K_TAKEWHILE:
      o.started = truthy(state);
      o.done = false;
      return;
    case K_GROUPBY: {
      const st = stateTuple(state, 3);
      o.cur = st[0];
      o.curValue = st[1];
      o.tgtKey = st[2];
      return;
    }
    case K_ISLICE:
      o.i = ssize(state);
      return;
    case K_ZIP_LONGEST:
      o.cur = state;
      return;
    case K_PRODUCT: {
      const st = indexTuple(state, o.pools.length);
      for (let k = 0; k < st.length; k++) {
        const index = ssize(st[k]);
        const size = o.pools[k].length;
        if (size === 0) {
          o.started = true;
          o.done = true;
          return;
        }
        o.indices[k] = clamp(index, 0, size - 1);
      }
      o.started = true;
      return;
    }
    case K_PERMUTATIONS: {
      const st = stateTuple(state, 2);
      const n = o.items.length;
      if (!(st[0] instanceof PyTuple) || !(st[1] instanceof PyTuple)) throw raise(TypeError, 'argument must be tuple');
      const idx = st[0].items;
      const cyc = st[1].items;
      if (idx.length !== n || cyc.length !== o.r) throw raise(ValueError, 'invalid arguments');
      for (let k = 0; k < n; k++) o.indices[k] = clamp(ssize(idx[k]), 0, n - 1);
      for (let k = 0; k < o.r; k++) o.cycles[k] = clamp(ssize(cyc[k]), 1, n - k);
      o.started = true;
      return;
    }
    case K_COMBINATIONS:
    case K_COMBINATIONS_WR: {
      const st = indexTuple(state, o.r);
      const n = o.items.length;
      for (let k = 0; k < o.r; k++) {
        const index = ssize(st[k]);
        // combinations: index k runs up to k + n - r; with replacement, to the last item
        const max = o.kind === K_COMBINATIONS ? k + n - o.r : n - 1;
        o.indices[k] = index > max ? (max < 0 ? 0 : max) : index < 0 ? 0 : index;
      }
      o.started = true;
      return;
    }
  }
  throw raise(TypeError, `'${typeName(o)}' object has no state to set`);
}

function isIterator(o: PyObject): boolean {
  return getIterOrNull(o) === o;
}

export function callItertoolsPickle(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  const self = args[0];
  if (!(self instanceof PyItertool)) throw raise(TypeError, `descriptor requires an itertools object but received '${typeName(self)}'`);
  switch (id) {
    case B.ITERTOOLS_REDUCE:
      return reduce(self);
    case B.ITERTOOLS_SETSTATE:
      if (n !== 2) throw raise(TypeError, `${self.cls.name}.__setstate__() takes exactly one argument (${n - 1} given)`);
      setState(self, args[1]);
      return None;
  }
  throw unhandledBuiltin('itertools pickle method', id);
}
