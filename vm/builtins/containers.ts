// Methods of list, tuple, range, dict and set; sorting.
import type { int } from '../../translate/rlib/index.ts';
import { floorDiv } from '../../translate/rlib/index.ts';
import { PyLongRange } from './longrange.ts';
import { PyObject, PyList, PyTuple, PyDict, PySet, PyRange, PyInt, PySeqIter, PyExc, PyClassMethod, listType, tupleType, dictType, setType, frozensetType, rangeType, classmethodType, dictKeysType, dictValuesType, dictItemsType, newInt, newList, newTuple, newDict, newBool, raise, intType, boolType, None, True, False, TypeError, ValueError, IndexError, KeyError } from '../objects/core.ts';
import { dictSubscript, pyEq, compareBool, callObj, iterToArray, getItem, setItem, delItem, contains, pyLen, getIter, iterNext, lookupType, toIntIndex, sliceIndexNotNone, keyError, repr, typeName, seqIter, IT_VIEW, IT_LIST, binaryOp, richCompare, truthy, isInstance, rangeLen, setKey, setFill } from '../interpreter/runtime.ts';
import { dictGet, dictSet, dictDel, dictHas, dictClear, dictKeys, dictFind, dictAddHashed, hashedKeys, HashedKeys } from '../objects/dict.ts';
import { B, FAM_CONTAINER } from './ids.ts';
import { npos, kwArg, arg, defMethod, mkBuiltin } from './args.ts';
import { dictInit } from './dispatch.ts';
import { asBase } from './slots.ts';
import * as A from '../parser/ast.ts';

function lessThan(a: PyObject, b: PyObject): boolean {
  return compareBool(a, b, A.CMP_LT);
}
function mergeSort(keys: PyObject[], idx: int[], tmp: int[], lo: int, hi: int): void {
  if (hi - lo < 2) return;
  if (hi - lo <= 8) {
    for (let i = lo + 1; i < hi; i++) {
      const x = idx[i];
      let j = i - 1;
      while (j >= lo && lessThan(keys[x], keys[idx[j]])) {
        idx[j + 1] = idx[j];
        j--;
      }
      idx[j + 1] = x;
    }
    return;
  }
  const mid = (lo + hi) >> 1;
  mergeSort(keys, idx, tmp, lo, mid);
  mergeSort(keys, idx, tmp, mid, hi);
  let i = lo;
  let j = mid;
  let k = lo;
  while (i < mid && j < hi) {
    if (lessThan(keys[idx[j]], keys[idx[i]])) tmp[k++] = idx[j++];
    else tmp[k++] = idx[i++];
  }
  while (i < mid) tmp[k++] = idx[i++];
  while (j < hi) tmp[k++] = idx[j++];
  for (let q = lo; q < hi; q++) idx[q] = tmp[q];
}
/** CPython's _PySequence_Count and _PySequence_IterSearch(PY_ITERSEARCH_INDEX): the items of
 * seq compared with x by ==, counted (count) or the first one's index. */
function seqSearch(seq: PyObject, x: PyObject, count: boolean): PyObject {
  const it = getIter(seq);
  let i = 0;
  let found = 0;
  for (;;) {
    const y = iterNext(it);
    if (y === null) break;
    if (y === x || pyEq(y, x)) {
      if (!count) return newInt(i);
      found++;
    }
    i++;
  }
  if (count) return newInt(found);
  throw raise(ValueError, 'sequence.index(x): x not in sequence');
}

export function sortItems(itemsIn: PyObject[], key: PyObject | null, reverse: boolean): PyObject[] {
  const items = itemsIn.slice(0);
  if (reverse) items.reverse();
  const keys: PyObject[] = [];
  for (const x of items) keys.push(key !== null && key !== None ? callObj(key, [x], null) : x);
  const idx: int[] = [];
  const tmp: int[] = [];
  for (let i = 0; i < items.length; i++) {
    idx.push(i);
    tmp.push(0);
  }
  mergeSort(keys, idx, tmp, 0, items.length);
  const out: PyObject[] = [];
  for (const i of idx) out.push(items[i]);
  if (reverse) out.reverse();
  return out;
}
export function newSet(items: PyObject[]): PySet {
  const s = new PySet(setType, newDict());
  for (const x of items) dictSet(s.table, x, None);
  return s;
}
function setFrom(o: PyObject): PySet {
  if (o instanceof PySet) return o;
  const s = newSet([]);
  setFill(s.table, o);
  return s;
}
/** The keys of ks that table t does not hold, looked up by the hashes ks carries. */
function keysNotIn(ks: HashedKeys, t: PyDict): HashedKeys {
  const r = new HashedKeys();
  for (let j = 0; j < ks.keys.length; j++) {
    if (dictFind(t, ks.keys[j], ks.hashes[j]) < 0) {
      r.keys.push(ks.keys[j]);
      r.hashes.push(ks.hashes[j]);
    }
  }
  return r;
}
function seqIndex(items: PyObject[], x: PyObject, start: int, stop: int, what: string): int {
  const n = items.length;
  let a = start < 0 ? (start + n < 0 ? 0 : start + n) : start;
  let b = stop < 0 ? stop + n : stop > n ? n : stop;
  for (let i = a; i < b; i++) if (items[i] === x || pyEq(items[i], x)) return i;
  throw raise(ValueError, what);
}
function sameKindSet(self: PySet, s: PySet): PySet {
  s.cls = isInstance(self, frozensetType) ? frozensetType : setType;
  return s;
}

// How each method takes its arguments, as CPython declares it (the words of its errors depend on it):
// METH_O and METH_NOARGS methods name their type, Argument Clinic's positional ones do not.
const AR_O = 0; // exactly one: 'list.append() takes exactly one argument (0 given)'
const AR_NOARGS = 1; // 'list.copy() takes no arguments (1 given)'
const AR_POS = 2; // min..max positional: 'insert expected 2 arguments, got 1'
const AR_SLOT = 3; // a slot wrapper: 'expected 1 argument, got 0'
class Arity {
  kind: int;
  min: int;
  max: int;
  owner: string;
  name: string;
  constructor(kind: int, min: int, max: int, owner: string, name: string) {
    this.kind = kind;
    this.min = min;
    this.max = max;
    this.owner = owner;
    this.name = name;
  }
}
// built when the module loads (at translation time), indexed by builtin id: every container
// method call reads it, so it is an array read, not a map lookup
const ARITY: (Arity | null)[] = [];
function arity(id: int, kind: int, min: int, max: int, owner: string, name: string): void {
  while (ARITY.length <= id) ARITY.push(null);
  ARITY[id] = new Arity(kind, min, max, owner, name);
}
arity(B.LIST_APPEND, AR_O, 1, 1, 'list', 'append');
arity(B.LIST_EXTEND, AR_O, 1, 1, 'list', 'extend');
arity(B.LIST_REMOVE, AR_O, 1, 1, 'list', 'remove');
arity(B.LIST_COUNT, AR_O, 1, 1, 'list', 'count');
arity(B.TUPLE_COUNT, AR_O, 1, 1, 'tuple', 'count');
arity(B.RANGE_COUNT, AR_O, 1, 1, 'range', 'count');
arity(B.RANGE_INDEX, AR_O, 1, 1, 'range', 'index');
arity(B.LIST_INSERT, AR_POS, 2, 2, 'list', 'insert');
arity(B.LIST_POP, AR_POS, 0, 1, 'list', 'pop');
arity(B.LIST_INDEX, AR_POS, 1, 3, 'list', 'index');
arity(B.TUPLE_INDEX, AR_POS, 1, 3, 'tuple', 'index');
arity(B.LIST_REVERSE, AR_NOARGS, 0, 0, 'list', 'reverse');
arity(B.LIST_COPY, AR_NOARGS, 0, 0, 'list', 'copy');
arity(B.LIST_CLEAR, AR_NOARGS, 0, 0, 'list', 'clear');
arity(B.SEQ_GETITEM, AR_SLOT, 1, 1, '', '');
arity(B.SEQ_CONTAINS, AR_SLOT, 1, 1, '', '');
arity(B.SEQ_DELITEM, AR_SLOT, 1, 1, '', '');
arity(B.SEQ_EQ, AR_SLOT, 1, 1, '', '');
arity(B.SEQ_LT, AR_SLOT, 1, 1, '', '');
arity(B.SEQ_ADD, AR_SLOT, 1, 1, '', '');
// its wrapper unpacks its arguments under the empty name: ' expected 2 arguments, got 1'
arity(B.SEQ_SETITEM, AR_SLOT, 2, 2, '', ' ');
arity(B.SEQ_LEN, AR_SLOT, 0, 0, '', '');
arity(B.SEQ_ITER, AR_SLOT, 0, 0, '', '');
arity(B.DICT_KEYS, AR_NOARGS, 0, 0, 'dict', 'keys');
arity(B.DICT_VALUES, AR_NOARGS, 0, 0, 'dict', 'values');
arity(B.DICT_ITEMS, AR_NOARGS, 0, 0, 'dict', 'items');
arity(B.DICT_COPY, AR_NOARGS, 0, 0, 'dict', 'copy');
arity(B.DICT_CLEAR, AR_NOARGS, 0, 0, 'dict', 'clear');
arity(B.DICT_POPITEM, AR_NOARGS, 0, 0, 'dict', 'popitem');
arity(B.DICT_GET, AR_POS, 1, 2, 'dict', 'get');
arity(B.DICT_SETDEFAULT, AR_POS, 1, 2, 'dict', 'setdefault');
arity(B.DICT_POP, AR_POS, 1, 2, 'dict', 'pop');
arity(B.SET_ADD, AR_O, 1, 1, 'set', 'add');
arity(B.SET_REMOVE, AR_O, 1, 1, 'set', 'remove');
arity(B.SET_DISCARD, AR_O, 1, 1, 'set', 'discard');
arity(B.SET_SYMDIFF, AR_O, 1, 1, 'set', 'symmetric_difference');
arity(B.SET_SYMDIFF_UPDATE, AR_O, 1, 1, 'set', 'symmetric_difference_update');
arity(B.SET_ISSUBSET, AR_O, 1, 1, 'set', 'issubset');
arity(B.SET_ISSUPERSET, AR_O, 1, 1, 'set', 'issuperset');
arity(B.SET_ISDISJOINT, AR_O, 1, 1, 'set', 'isdisjoint');
arity(B.SET_POP, AR_NOARGS, 0, 0, 'set', 'pop');
arity(B.SET_CLEAR, AR_NOARGS, 0, 0, 'set', 'clear');
arity(B.SET_COPY, AR_NOARGS, 0, 0, 'set', 'copy');
function plural(k: int): string {
  return k === 1 ? '' : 's';
}
/** Refuses a call with the wrong number of arguments (given: without self) before the method
 * reads an argument that is not there. */
function checkContainerArity(id: int, self: PyObject, given: int, kw: string[] | null): void {
  const a = id < ARITY.length ? ARITY[id] : null;
  if (a === null) return;
  const hasKw = kw !== null && kw.length > 0;
  let q = a.owner + '.' + a.name;
  if (a.kind === AR_SLOT) {
    // list.__getitem__, dict.__getitem__ and dict.__contains__ are METH_O methods, not slot wrappers
    const o = self instanceof PyList ? 'list' : self instanceof PyDict ? 'dict' : '';
    if (id === B.SEQ_GETITEM && o !== '') q = o + '.__getitem__';
    else if (id === B.SEQ_CONTAINS && o === 'dict') q = o + '.__contains__';
    else {
      if (hasKw) throw raise(TypeError, 'wrapper takes no keyword arguments');
      if (given !== a.min) throw raise(TypeError, `${a.name}expected ${a.min} argument${plural(a.min)}, got ${given}`);
      return;
    }
  }
  if (hasKw) throw raise(TypeError, `${q}() takes no keyword arguments`);
  if (a.kind === AR_O || a.kind === AR_SLOT) {
    if (given !== 1) throw raise(TypeError, `${q}() takes exactly one argument (${given} given)`);
    return;
  }
  if (a.kind === AR_NOARGS) {
    if (given !== 0) throw raise(TypeError, `${q}() takes no arguments (${given} given)`);
    return;
  }
  if (given < a.min || given > a.max) {
    if (a.min === a.max) throw raise(TypeError, `${a.name} expected ${a.min} argument${plural(a.min)}, got ${given}`);
    if (given < a.min) throw raise(TypeError, `${a.name} expected at least ${a.min} argument${plural(a.min)}, got ${given}`);
    throw raise(TypeError, `${a.name} expected at most ${a.max} argument${plural(a.max)}, got ${given}`);
  }
}
export function callContainerMethod(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const self = args[0];
  const n = npos(args, kw);
  checkContainerArity(id, self, n - 1, kw);
  switch (id) {
    case B.LIST_APPEND:
      (self as PyList).items.push(args[1]);
      return None;
    case B.LIST_EXTEND: {
      const l = self as PyList;
      const src = iterToArray(args[1]);
      for (const x of src) l.items.push(x);
      return None;
    }
    case B.LIST_INSERT: {
      const l = self as PyList;
      let i = toIntIndex(args[1]);
      const len = l.items.length;
      if (i < 0) i = i + len < 0 ? 0 : i + len;
      if (i > len) i = len;
      l.items.push(None);
      for (let j = len; j > i; j--) l.items[j] = l.items[j - 1];
      l.items[i] = args[2];
      return None;
    }
    case B.LIST_POP: {
      const l = self as PyList;
      if (l.items.length === 0) throw raise(IndexError, 'pop from empty list');
      if (n < 2) return l.items.pop() as PyObject;
      let i = toIntIndex(args[1]);
      if (i < 0) i += l.items.length;
      if (i < 0 || i >= l.items.length) throw raise(IndexError, 'pop index out of range');
      const v = l.items[i];
      l.items.splice(i, 1);
      return v;
    }
    case B.LIST_REMOVE: {
      const l = self as PyList;
      for (let i = 0; i < l.items.length; i++) {
        if (l.items[i] === args[1] || pyEq(l.items[i], args[1])) {
          l.items.splice(i, 1);
          return None;
        }
      }
      throw raise(ValueError, 'list.remove(x): x not in list');
    }
    case B.LIST_INDEX:
    case B.TUPLE_INDEX: {
      const items = self instanceof PyList ? self.items : (self as PyTuple).items;
      const start = n > 2 ? sliceIndexNotNone(args[2]) : 0;
      const stop = n > 3 ? sliceIndexNotNone(args[3]) : items.length;
      return newInt(seqIndex(items, args[1], start, stop, self instanceof PyList ? `${repr(args[1])} is not in list` : 'tuple.index(x): x not in tuple'));
    }
    case B.LIST_COUNT:
    case B.TUPLE_COUNT: {
      const items = self instanceof PyList ? self.items : (self as PyTuple).items;
      let c = 0;
      for (const x of items) if (x === args[1] || pyEq(x, args[1])) c++;
      return newInt(c);
    }
    case B.LIST_SORT: {
      const l = self as PyList;
      if (n > 1) throw raise(TypeError, 'sort() takes no positional arguments');
      const key = kwArg(args, kw, 'key');
      const rev = kwArg(args, kw, 'reverse');
      const items = l.items;
      l.items = [];
      let sorted: PyObject[] = items;
      try {
        sorted = sortItems(items, key, rev !== null && truthy(rev));
      } catch (e) {
        if (e instanceof PyExc) l.items = items;
        throw e;
      }
      // items the key or a comparison put in the emptied list are dropped and the sort refused,
      // as CPython's list.sort does
      const modified = l.items.length > 0;
      l.items = sorted;
      if (modified) throw raise(ValueError, 'list modified during sort');
      return None;
    }
    case B.LIST_REVERSE:
      (self as PyList).items.reverse();
      return None;
    case B.LIST_COPY:
      return newList((self as PyList).items.slice(0));
    case B.LIST_CLEAR:
      (self as PyList).items = [];
      return None;
    case B.LIST_INIT: {
      const l = self as PyList;
      // list___init__ refuses keywords unless a subclass's own __new__ may have wanted them
      if (kw !== null && kw.length > 0 && (l.cls === listType || lookupType(l.cls, '__new__') === lookupType(listType, '__new__'))) {
        throw raise(TypeError, 'list() takes no keyword arguments');
      }
      if (n > 2) throw raise(TypeError, `list expected at most 1 argument, got ${n - 1}`);
      l.items = n > 1 ? iterToArray(args[1]) : [];
      return None;
    }
    case B.SEQ_GETITEM:
      if (self instanceof PyDict) return dictSubscript(self, args[1]);
      return getItem(asBase(self), args[1]);
    case B.SEQ_SETITEM:
      if (self instanceof PyDict) {
        dictSet(self, args[1], args[2]);
        return None;
      }
      setItem(asBase(self), args[1], args[2]);
      return None;
    case B.SEQ_DELITEM:
      if (self instanceof PyDict) {
        if (!dictDel(self, args[1])) throw new PyExc(keyError(args[1]));
        return None;
      }
      delItem(asBase(self), args[1]);
      return None;
    case B.SEQ_LEN:
      return newInt(pyLen(asBase(self)));
    case B.SEQ_CONTAINS:
      // dict.__contains__(d, k) on a subclass is the dict's own lookup, not d's override
      if (self instanceof PyDict) return newBool(dictHas(self, args[1]));
      return newBool(contains(asBase(self), args[1]));
    case B.SEQ_ITER:
      return getIter(asBase(self));
    case B.SEQ_EQ:
      return richCompare(asBase(self), asBase(args[1]), A.CMP_EQ);
    case B.SEQ_LT:
      return richCompare(asBase(self), asBase(args[1]), A.CMP_LT);
    case B.SEQ_ADD:
      return binaryOp(asBase(self), asBase(args[1]), A.BIN_ADD);
    case B.RANGE_INDEX:
    case B.RANGE_COUNT: {
      const x = args[1];
      // only an int or a bool is placed arithmetically; anything else (an int subclass with
      // its own __eq__ among them) is compared with each item, as CPython's range_count/index
      if (!(x instanceof PyInt) || (x.cls !== intType && x.cls !== boolType)) return seqSearch(self, x, id === B.RANGE_COUNT);
      if (self instanceof PyLongRange) {
        const has = args[1] instanceof PyInt && self.has(args[1]);
        if (id === B.RANGE_COUNT) return newInt(has ? 1 : 0);
        if (!has) throw raise(ValueError, `${repr(args[1])} is not in range`);
        return binaryOp(binaryOp(args[1], self.start, A.BIN_SUB), self.step, A.BIN_FLOORDIV);
      }
      const r = self as PyRange;
      const has = contains(r, x);
      if (id === B.RANGE_COUNT) return newInt(has ? 1 : 0);
      if (!has) throw raise(ValueError, `${repr(x)} is not in range`);
      return newInt(floorDiv(x.v - r.start, r.step));
    }
    // ---- dict ----
    case B.DICT_KEYS:
    case B.DICT_VALUES:
    case B.DICT_ITEMS: {
      const t = id === B.DICT_KEYS ? dictKeysType : id === B.DICT_VALUES ? dictValuesType : dictItemsType;
      return new PySeqIter(t, IT_VIEW, self);
    }
    case B.DICT_GET: {
      const v = dictGet(self as PyDict, args[1]);
      return v === null ? (n > 2 ? args[2] : None) : v;
    }
    case B.DICT_SETDEFAULT: {
      const d = self as PyDict;
      const v = dictGet(d, args[1]);
      if (v !== null) return v;
      const dv = n > 2 ? args[2] : None;
      dictSet(d, args[1], dv);
      return dv;
    }
    case B.DICT_POP: {
      const d = self as PyDict;
      const v = dictGet(d, args[1]);
      if (v === null) {
        if (n > 2) return args[2];
        throw new PyExc(keyError(args[1]));
      }
      dictDel(d, args[1]);
      return v;
    }
    case B.DICT_POPITEM: {
      const d = self as PyDict;
      for (let i = d.keys.length - 1; i >= 0; i--) {
        const k = d.keys[i];
        const v = d.vals[i];
        if (k !== null && v !== null) {
          dictDel(d, k);
          return newTuple([k, v]);
        }
      }
      throw raise(KeyError, 'popitem(): dictionary is empty');
    }
    case B.DICT_UPDATE:
      dictInit(self as PyDict, args.slice(1), kw);
      return None;
    case B.DICT_INIT:
      dictInit(self as PyDict, args.slice(1), kw);
      return None;
    case B.DICT_COPY: {
      const d = newDict();
      const src = self as PyDict;
      for (let i = 0; i < src.keys.length; i++) {
        const k = src.keys[i];
        const v = src.vals[i];
        if (k !== null && v !== null) dictSet(d, k, v);
      }
      return d;
    }
    case B.DICT_CLEAR:
      dictClear(self as PyDict);
      return None;
    case B.DICT_FROMKEYS: {
      if (n < 2) throw raise(TypeError, 'fromkeys expected at least 1 argument, got 0');
      if (n > 3) throw raise(TypeError, `fromkeys expected at most 2 arguments, got ${n - 1}`);
      const v = n > 2 ? args[2] : None;
      const src = args[1];
      // a subclass's fromkeys makes its result by calling the class (whatever __new__ returns:
      // CPython's dict_fromkeys), and stores through __setitem__ unless that is an exact dict
      const made = self === dictType ? newDict() : callObj(self, [], null);
      if (!(made instanceof PyDict) || made.cls !== dictType) {
        const it = getIter(src);
        for (let k = iterNext(it); k !== null; k = iterNext(it)) setItem(made, k, v);
        return made;
      }
      const d = made;
      // a set's or an exact dict's keys keep the hashes they have (dict_fromkeys's fast paths)
      if (src instanceof PySet) dictAddHashed(d, hashedKeys(src.table), v);
      else if (src instanceof PyDict && src.cls === dictType) dictAddHashed(d, hashedKeys(src), v);
      else for (const k of iterToArray(src)) dictSet(d, k, v);
      return d;
    }
    // ---- set ----
    case B.SET_ADD:
      dictSet((self as PySet).table, args[1], None);
      return None;
    case B.SET_REMOVE:
      // the KeyError names the key as given, not the frozenset it was looked up as
      if (!dictDel((self as PySet).table, setKey(args[1]))) throw new PyExc(keyError(args[1]));
      return None;
    case B.SET_DISCARD:
      dictDel((self as PySet).table, setKey(args[1]));
      return None;
    case B.SET_POP: {
      const s = self as PySet;
      for (const k of s.table.keys) {
        if (k !== null) {
          dictDel(s.table, k);
          return k;
        }
      }
      throw raise(KeyError, 'pop from an empty set');
    }
    case B.SET_CLEAR:
      dictClear((self as PySet).table);
      return None;
    case B.SET_COPY:
      // an exact frozenset cannot change, so its copy is itself
      if (self.cls === frozensetType) return self;
      return sameKindSet(self as PySet, newSet(dictKeys((self as PySet).table)));
    case B.SET_UPDATE: {
      const s = self as PySet;
      for (let i = 1; i < n; i++) setFill(s.table, args[i]);
      return None;
    }
    case B.SET_UNION: {
      const r = newSet([]);
      setFill(r.table, self);
      for (let i = 1; i < n; i++) setFill(r.table, args[i]);
      return sameKindSet(self as PySet, r);
    }
    case B.SET_INTERSECTION:
    case B.SET_INTERSECTION_UPDATE: {
      let cur = dictKeys((self as PySet).table);
      for (let i = 1; i < n; i++) {
        const o = setFrom(args[i]);
        const next: PyObject[] = [];
        for (const x of cur) if (dictHas(o.table, x)) next.push(x);
        cur = next;
      }
      if (id === B.SET_INTERSECTION_UPDATE) {
        (self as PySet).table = newSet(cur).table;
        return None;
      }
      return sameKindSet(self as PySet, newSet(cur));
    }
    case B.SET_DIFFERENCE:
    case B.SET_DIFFERENCE_UPDATE: {
      let cur = hashedKeys((self as PySet).table);
      for (let i = 1; i < n; i++) cur = keysNotIn(cur, setFrom(args[i]).table);
      const r = newSet([]);
      dictAddHashed(r.table, cur, None);
      if (id === B.SET_DIFFERENCE_UPDATE) {
        (self as PySet).table = r.table;
        return None;
      }
      return sameKindSet(self as PySet, r);
    }
    case B.SET_SYMDIFF:
    case B.SET_SYMDIFF_UPDATE: {
      const a = self as PySet;
      const b = setFrom(args[1]);
      const r = newSet([]);
      dictAddHashed(r.table, keysNotIn(hashedKeys(a.table), b.table), None);
      dictAddHashed(r.table, keysNotIn(hashedKeys(b.table), a.table), None);
      if (id === B.SET_SYMDIFF_UPDATE) {
        a.table = r.table;
        return None;
      }
      return sameKindSet(a, r);
    }
    case B.SET_ISSUBSET: {
      const o = setFrom(args[1]);
      for (const x of dictKeys((self as PySet).table)) if (!dictHas(o.table, x)) return False;
      return True;
    }
    case B.SET_ISSUPERSET: {
      const s = self as PySet;
      for (const x of iterToArray(args[1])) if (!dictHas(s.table, x)) return False;
      return True;
    }
    case B.SET_ISDISJOINT: {
      const s = self as PySet;
      for (const x of iterToArray(args[1])) if (dictHas(s.table, x)) return False;
      return True;
    }
  }
  throw raise(TypeError, 'bad container method');
}
export function initContainerMethods(): void {
  const l = listType;
  defMethod(l, 'append', B.LIST_APPEND, FAM_CONTAINER);
  defMethod(l, 'extend', B.LIST_EXTEND, FAM_CONTAINER);
  defMethod(l, 'insert', B.LIST_INSERT, FAM_CONTAINER);
  defMethod(l, 'pop', B.LIST_POP, FAM_CONTAINER);
  defMethod(l, 'remove', B.LIST_REMOVE, FAM_CONTAINER);
  defMethod(l, 'index', B.LIST_INDEX, FAM_CONTAINER);
  defMethod(l, 'count', B.LIST_COUNT, FAM_CONTAINER);
  defMethod(l, 'sort', B.LIST_SORT, FAM_CONTAINER);
  defMethod(l, 'reverse', B.LIST_REVERSE, FAM_CONTAINER);
  defMethod(l, 'copy', B.LIST_COPY, FAM_CONTAINER);
  defMethod(l, 'clear', B.LIST_CLEAR, FAM_CONTAINER);
  defMethod(l, '__init__', B.LIST_INIT, FAM_CONTAINER);
  for (const t of [listType, tupleType, dictType]) {
    defMethod(t, '__getitem__', B.SEQ_GETITEM, FAM_CONTAINER);
    defMethod(t, '__len__', B.SEQ_LEN, FAM_CONTAINER);
    defMethod(t, '__contains__', B.SEQ_CONTAINS, FAM_CONTAINER);
    defMethod(t, '__iter__', B.SEQ_ITER, FAM_CONTAINER);
    defMethod(t, '__eq__', B.SEQ_EQ, FAM_CONTAINER);
  }
  defMethod(listType, '__lt__', B.SEQ_LT, FAM_CONTAINER);
  defMethod(tupleType, '__lt__', B.SEQ_LT, FAM_CONTAINER);
  defMethod(listType, '__add__', B.SEQ_ADD, FAM_CONTAINER);
  defMethod(tupleType, '__add__', B.SEQ_ADD, FAM_CONTAINER);
  defMethod(setType, '__len__', B.SEQ_LEN, FAM_CONTAINER);
  defMethod(setType, '__contains__', B.SEQ_CONTAINS, FAM_CONTAINER);
  defMethod(setType, '__iter__', B.SEQ_ITER, FAM_CONTAINER);
  for (const t of [listType, dictType]) {
    defMethod(t, '__setitem__', B.SEQ_SETITEM, FAM_CONTAINER);
    defMethod(t, '__delitem__', B.SEQ_DELITEM, FAM_CONTAINER);
  }
  defMethod(tupleType, 'index', B.TUPLE_INDEX, FAM_CONTAINER);
  defMethod(tupleType, 'count', B.TUPLE_COUNT, FAM_CONTAINER);
  defMethod(rangeType, 'index', B.RANGE_INDEX, FAM_CONTAINER);
  defMethod(rangeType, 'count', B.RANGE_COUNT, FAM_CONTAINER);
  const d = dictType;
  defMethod(d, 'keys', B.DICT_KEYS, FAM_CONTAINER);
  defMethod(d, 'values', B.DICT_VALUES, FAM_CONTAINER);
  defMethod(d, 'items', B.DICT_ITEMS, FAM_CONTAINER);
  defMethod(d, 'get', B.DICT_GET, FAM_CONTAINER);
  defMethod(d, 'setdefault', B.DICT_SETDEFAULT, FAM_CONTAINER);
  defMethod(d, 'pop', B.DICT_POP, FAM_CONTAINER);
  defMethod(d, 'popitem', B.DICT_POPITEM, FAM_CONTAINER);
  defMethod(d, 'update', B.DICT_UPDATE, FAM_CONTAINER);
  defMethod(d, 'copy', B.DICT_COPY, FAM_CONTAINER);
  defMethod(d, 'clear', B.DICT_CLEAR, FAM_CONTAINER);
  defMethod(d, '__init__', B.DICT_INIT, FAM_CONTAINER);
  d.dict.set('fromkeys', new PyClassMethod(classmethodType, mkBuiltin('fromkeys', B.DICT_FROMKEYS, false, FAM_CONTAINER)));
  for (const s of [setType, frozensetType]) {
    defMethod(s, 'copy', B.SET_COPY, FAM_CONTAINER);
    defMethod(s, 'union', B.SET_UNION, FAM_CONTAINER);
    defMethod(s, 'intersection', B.SET_INTERSECTION, FAM_CONTAINER);
    defMethod(s, 'difference', B.SET_DIFFERENCE, FAM_CONTAINER);
    defMethod(s, 'symmetric_difference', B.SET_SYMDIFF, FAM_CONTAINER);
    defMethod(s, 'issubset', B.SET_ISSUBSET, FAM_CONTAINER);
    defMethod(s, 'issuperset', B.SET_ISSUPERSET, FAM_CONTAINER);
    defMethod(s, 'isdisjoint', B.SET_ISDISJOINT, FAM_CONTAINER);
  }
  const s = setType;
  defMethod(s, 'add', B.SET_ADD, FAM_CONTAINER);
  defMethod(s, 'remove', B.SET_REMOVE, FAM_CONTAINER);
  defMethod(s, 'discard', B.SET_DISCARD, FAM_CONTAINER);
  defMethod(s, 'pop', B.SET_POP, FAM_CONTAINER);
  defMethod(s, 'clear', B.SET_CLEAR, FAM_CONTAINER);
  defMethod(s, 'update', B.SET_UPDATE, FAM_CONTAINER);
  defMethod(s, 'intersection_update', B.SET_INTERSECTION_UPDATE, FAM_CONTAINER);
  defMethod(s, 'difference_update', B.SET_DIFFERENCE_UPDATE, FAM_CONTAINER);
  defMethod(s, 'symmetric_difference_update', B.SET_SYMDIFF_UPDATE, FAM_CONTAINER);
}
