// The _collections module: deque (a ring buffer, O(1) at both ends, optional maxlen) and
// defaultdict (a dict subclass whose __missing__ calls default_factory).
import type { int } from '../../translate/rlib/index.ts';
import {
  PyObject, PyModule, PyType, PyNative, PyInt, PyDict, PyBaseExc, PyExc, PyProperty, typeType, objectType, dictType,
  propertyType, newInt, newStr, newList, newTuple, newBool, newDict, raise, None, True, False, NotImplemented, TypeError,
  ValueError, IndexError, RuntimeError, KeyError, StopIteration, L_DICT,
  L_NATIVE,
} from '../objects/core.ts';
import { dictGetS, dictSetS, dictSet } from '../objects/dict.ts';
import { B, FAM_COLLECTIONS } from '../builtins/ids.ts';
import { npos, arg, defMethod, mkBuiltin, unhandledBuiltin } from '../builtins/args.ts';
import { newModuleType, newBuiltinModule } from './registry.ts';
import { getIter, iterNext, iterToArray, callObj, pyEq, repr, typeName, toIntIndex, reprEnter, reprLeave, compareBool } from '../interpreter/runtime.ts';
import { dictInit, isCallable } from '../builtins/dispatch.ts';
import * as A from '../parser/ast.ts';
import { defOwnRepr } from '../builtins/slots.ts';

const DEQUE = newModuleType('collections', 'deque', L_NATIVE);
const DEQUE_ITER = newModuleType('collections', '_deque_iterator');
const DEQUE_METHODS: string[] = [
  'append', 'appendleft', 'pop', 'popleft', 'extend', 'extendleft', 'clear', 'copy', '__copy__', 'count', 'index',
  'insert', 'remove', 'reverse', 'rotate', '__len__', '__getitem__', '__setitem__', '__delitem__', '__iter__',
  '__reversed__', '__contains__', '__eq__', '__ne__', '__lt__', '__le__', '__gt__', '__ge__', '__add__', '__iadd__',
  '__mul__', '__imul__', '__init__', '__reduce__', '__bool__',
];
const DEQUE_IDS: int[] = [
  B.DEQUE_APPEND, B.DEQUE_APPENDLEFT, B.DEQUE_POP, B.DEQUE_POPLEFT, B.DEQUE_EXTEND, B.DEQUE_EXTENDLEFT, B.DEQUE_CLEAR,
  B.DEQUE_COPY, B.DEQUE_COPY, B.DEQUE_COUNT, B.DEQUE_INDEX, B.DEQUE_INSERT, B.DEQUE_REMOVE, B.DEQUE_REVERSE,
  B.DEQUE_ROTATE, B.DEQUE_LEN, B.DEQUE_GETITEM, B.DEQUE_SETITEM, B.DEQUE_DELITEM, B.DEQUE_ITER, B.DEQUE_REVERSED,
  B.DEQUE_CONTAINS, B.DEQUE_EQ, B.DEQUE_NE, B.DEQUE_LT, B.DEQUE_LE, B.DEQUE_GT, B.DEQUE_GE, B.DEQUE_ADD, B.DEQUE_IADD,
  B.DEQUE_MUL, B.DEQUE_IMUL, B.DEQUE_INIT, B.DEQUE_REDUCE, B.DEQUE_BOOL,
];
for (let i = 0; i < DEQUE_METHODS.length; i++) defMethod(DEQUE, DEQUE_METHODS[i], DEQUE_IDS[i], FAM_COLLECTIONS);
DEQUE.dict.set('__new__', mkBuiltin('__new__', B.DEQUE_NEW, false, FAM_COLLECTIONS));
DEQUE.dict.set('maxlen', new PyProperty(propertyType, mkBuiltin('maxlen', B.DEQUE_MAXLEN, false, FAM_COLLECTIONS), null, null));
DEQUE.dict.set('__hash__', None);
defOwnRepr(DEQUE);
defMethod(DEQUE_ITER, '__next__', B.DEQUE_ITER_NEXT, FAM_COLLECTIONS);
defMethod(DEQUE_ITER, '__iter__', B.DEQUE_ITER_ITER, FAM_COLLECTIONS);

// defaultdict subclasses dict as a Python class would (not a builtin type), so the runtime's
// dict-subclass paths (__missing__, instance attributes) apply to it
const DEFAULTDICT = new PyType(typeType, 'defaultdict');
DEFAULTDICT.bases.push(dictType);
DEFAULTDICT.mro = [DEFAULTDICT, dictType, objectType];
DEFAULTDICT.layout = L_DICT;
DEFAULTDICT.isBuiltin = false;
DEFAULTDICT.module = 'collections';
defMethod(DEFAULTDICT, '__init__', B.DEFAULTDICT_INIT, FAM_COLLECTIONS);
defMethod(DEFAULTDICT, '__missing__', B.DEFAULTDICT_MISSING, FAM_COLLECTIONS);
defMethod(DEFAULTDICT, '__repr__', B.DEFAULTDICT_REPR, FAM_COLLECTIONS);
defMethod(DEFAULTDICT, 'copy', B.DEFAULTDICT_COPY, FAM_COLLECTIONS);
defMethod(DEFAULTDICT, '__copy__', B.DEFAULTDICT_COPY, FAM_COLLECTIONS);
defMethod(DEFAULTDICT, '__reduce__', B.DEFAULTDICT_REDUCE, FAM_COLLECTIONS);

/** A deque: items in a ring buffer of power-of-two capacity, from head, size of them. */
export class PyDeque extends PyNative {
  buf: PyObject[] = [];
  head: int = 0;
  size: int = 0;
  /** -1: unbounded */
  maxlen: int = -1;
  /** bumped by every change of length, so an iterator sees the deque mutate */
  state: int = 0;
  constructor(cls: PyType) {
    super(cls);
    for (let i = 0; i < 8; i++) this.buf.push(None);
  }
  at(i: int): PyObject {
    return this.buf[(this.head + i) & (this.buf.length - 1)];
  }
  setAt(i: int, v: PyObject): void {
    this.buf[(this.head + i) & (this.buf.length - 1)] = v;
  }
  private grow(): void {
    if (this.size < this.buf.length) return;
    const nb: PyObject[] = [];
    for (let i = 0; i < this.size; i++) nb.push(this.at(i));
    const cap = this.buf.length * 2;
    while (nb.length < cap) nb.push(None);
    this.buf = nb;
    this.head = 0;
  }
  append(v: PyObject): void {
    if (this.maxlen === 0) return;
    if (this.size === this.maxlen) this.popLeft();
    this.grow();
    this.setAt(this.size, v);
    this.size++;
    this.state++;
  }
  appendLeft(v: PyObject): void {
    if (this.maxlen === 0) return;
    if (this.size === this.maxlen) this.pop();
    this.grow();
    this.head = (this.head - 1) & (this.buf.length - 1);
    this.buf[this.head] = v;
    this.size++;
    this.state++;
  }
  pop(): PyObject {
    if (this.size === 0) throw raise(IndexError, 'pop from an empty deque');
    const v = this.at(this.size - 1);
    this.setAt(this.size - 1, None);
    this.size--;
    this.state++;
    return v;
  }
  popLeft(): PyObject {
    if (this.size === 0) throw raise(IndexError, 'pop from an empty deque');
    const v = this.buf[this.head];
    this.buf[this.head] = None;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.size--;
    this.state++;
    return v;
  }
  items(): PyObject[] {
    const out: PyObject[] = [];
    for (let i = 0; i < this.size; i++) out.push(this.at(i));
    return out;
  }
  /** Replaces the contents (keeping maxlen's bound: the rightmost items stay). */
  setItems(items: PyObject[]): void {
    this.buf = [];
    for (let i = 0; i < 8; i++) this.buf.push(None);
    this.head = 0;
    this.size = 0;
    for (const x of items) this.append(x);
    this.state++;
  }
  override nativeLen(): int {
    return this.size;
  }
  override nativeGetItem(k: PyObject): PyObject | null {
    return this.at(this.index(k));
  }
  index(k: PyObject): int {
    const i0 = toIntIndex(k);
    const i = i0 < 0 ? i0 + this.size : i0;
    if (i < 0 || i >= this.size) throw raise(IndexError, 'deque index out of range');
    return i;
  }
  override nativeEq(other: PyObject): int {
    if (!(other instanceof PyDeque)) return -1;
    if (other.size !== this.size) return 0;
    for (let i = 0; i < this.size; i++) if (!pyEq(this.at(i), other.at(i))) return 0;
    return 1;
  }
  override nativeRepr(): string {
    if (!reprEnter(this)) return '[...]';
    try {
      const parts: string[] = [];
      for (let i = 0; i < this.size; i++) parts.push(repr(this.at(i)));
      const name = this.cls.name;
      if (this.maxlen >= 0) return `${name}([${parts.join(', ')}], maxlen=${this.maxlen})`;
      return `${name}([${parts.join(', ')}])`;
    } finally {
      reprLeave();
    }
  }
}
class PyDequeIter extends PyNative {
  dq: PyDeque;
  i: int = 0;
  reversed: boolean;
  state: int;
  constructor(dq: PyDeque, reversed: boolean) {
    super(DEQUE_ITER);
    this.dq = dq;
    this.reversed = reversed;
    this.state = dq.state;
  }
  override isIterator(): boolean {
    return true;
  }
  override nativeNext(): PyObject | null {
    if (this.dq.state !== this.state) {
      this.i = this.dq.size + 1;
      throw raise(RuntimeError, 'deque mutated during iteration');
    }
    if (this.i >= this.dq.size) return null;
    const v = this.dq.at(this.reversed ? this.dq.size - 1 - this.i : this.i);
    this.i++;
    return v;
  }
}

export function makeCollections(): PyModule {
  const m = newBuiltinModule('_collections');
  dictSetS(m.dict, 'deque', DEQUE);
  dictSetS(m.dict, 'defaultdict', DEFAULTDICT);
  return m;
}

function dq(o: PyObject): PyDeque {
  if (!(o instanceof PyDeque)) throw raise(TypeError, `descriptor requires a 'collections.deque' object but received '${typeName(o)}'`);
  return o;
}
function extend(d: PyDeque, src: PyObject, left: boolean): void {
  // extending a deque by itself reads a copy first
  const items = src === d ? d.items() : null;
  if (items !== null) {
    for (const x of items) if (left) d.appendLeft(x);
    else d.append(x);
    return;
  }
  const it = getIter(src);
  for (;;) {
    const x = iterNext(it);
    if (x === null) return;
    if (left) d.appendLeft(x);
    else d.append(x);
  }
}
/** deque(iterable=(), maxlen=None) applied to d; args[0] is the deque or its type. */
function initDeque(d: PyDeque, args: PyObject[], kw: string[] | null, n: int): void {
  if (n > 3) throw raise(TypeError, `deque expected at most 2 arguments, got ${n - 1}`);
  const it = arg(args, kw, 1, 'iterable');
  const ml = arg(args, kw, 2, 'maxlen');
  if (ml !== null && ml !== None) {
    if (!(ml instanceof PyInt)) throw raise(TypeError, `an integer is required`);
    if (ml.v < 0) throw raise(ValueError, 'maxlen must be non-negative');
    d.maxlen = ml.v;
  } else d.maxlen = -1;
  d.setItems(it === null ? [] : iterToArray(it));
}
function rotate(d: PyDeque, n0: int): void {
  if (d.size <= 1) return;
  let n = n0 % d.size;
  if (n < 0) n += d.size;
  for (let k = 0; k < n; k++) {
    const v = d.pop();
    d.appendLeft(v);
  }
}
function newDeque(items: PyObject[], maxlen: int): PyDeque {
  const r = new PyDeque(DEQUE);
  r.maxlen = maxlen;
  for (const x of items) r.append(x);
  return r;
}
function compareDeques(a: PyDeque, b: PyObject, op: int): PyObject {
  if (!(b instanceof PyDeque)) return NotImplemented;
  const x = a.items();
  const y = b.items();
  // lexicographic, as lists compare
  return newBool(compareBool(newList(x), newList(y), op));
}

function defaultFactory(d: PyDict): PyObject {
  const attrs = d.attrs;
  if (attrs === null) return None;
  const f = dictGetS(attrs, 'default_factory');
  return f === null ? None : f;
}
function setFactory(d: PyDict, f: PyObject): void {
  if (d.attrs === null) d.attrs = newDict();
  dictSetS(d.attrs as PyDict, 'default_factory', f);
}
function asDict(o: PyObject): PyDict {
  if (!(o instanceof PyDict)) throw raise(TypeError, `descriptor requires a 'collections.defaultdict' object but received '${typeName(o)}'`);
  return o;
}
function copyDefaultdict(d: PyDict): PyDict {
  const r = new PyDict(d.cls);
  setFactory(r, defaultFactory(d));
  for (let i = 0; i < d.keys.length; i++) {
    const k = d.keys[i];
    const v = d.vals[i];
    if (k !== null && v !== null) dictSet(r, k, v);
  }
  return r;
}

/** The deque methods whose argument count CPython checks before anything else (METH_NOARGS,
 * METH_O and the few with their own message), by id: the name in the message and the range
 * (__copy__ shares copy's id, and its message names copy). */
const ARITY_IDS: int[] = [
  B.DEQUE_POP, B.DEQUE_POPLEFT, B.DEQUE_CLEAR, B.DEQUE_COPY, B.DEQUE_REVERSE, B.DEQUE_REDUCE,
  B.DEQUE_APPEND, B.DEQUE_APPENDLEFT, B.DEQUE_EXTEND, B.DEQUE_EXTENDLEFT, B.DEQUE_COUNT, B.DEQUE_REMOVE,
  B.DEQUE_INDEX, B.DEQUE_INSERT, B.DEQUE_ROTATE, B.DEQUE_LEN,
];
const ARITY_NAMES: string[] = [
  'pop', 'popleft', 'clear', 'copy', 'reverse', '__reduce__',
  'append', 'appendleft', 'extend', 'extendleft', 'count', 'remove', 'index', 'insert', 'rotate', '__len__',
];
/** Raises CPython's TypeError when deque method id (args[0] the deque) has keywords or a wrong
 * number of arguments; other ids pass. */
function checkDequeArity(id: int, args: PyObject[], kw: string[] | null): void {
  const k = ARITY_IDS.indexOf(id);
  if (k < 0) return;
  const name = ARITY_NAMES[k];
  if (kw !== null && kw.length > 0) throw raise(TypeError, `deque.${name}() takes no keyword arguments`);
  const given = args.length - 1;
  if (k < 6) {
    if (given !== 0) throw raise(TypeError, `deque.${name}() takes no arguments (${given} given)`);
  } else if (k < 12) {
    if (given !== 1) throw raise(TypeError, `deque.${name}() takes exactly one argument (${given} given)`);
  } else if (id === B.DEQUE_INDEX) {
    if (given < 1) throw raise(TypeError, `index() takes at least 1 argument (${given} given)`);
    if (given > 3) throw raise(TypeError, `index() takes at most 3 arguments (${given} given)`);
  } else if (id === B.DEQUE_INSERT) {
    if (given !== 2) throw raise(TypeError, `insert() takes exactly 2 arguments (${given} given)`);
  } else if (id === B.DEQUE_ROTATE) {
    if (given > 1) throw raise(TypeError, `deque.rotate expected at most 1 argument, got ${given}`);
  } else if (given !== 0) {
    throw raise(TypeError, `expected 0 arguments, got ${given}`);
  }
}

export function callCollections(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  checkDequeArity(id, args, kw);
  switch (id) {
    case B.DEQUE_NEW: {
      // calling a builtin type runs only its __new__: it initialises too
      const t = args[0];
      const d = new PyDeque(t instanceof PyType ? t : DEQUE);
      initDeque(d, args, kw, n);
      return d;
    }
    case B.DEQUE_INIT: {
      initDeque(dq(args[0]), args, kw, n);
      return None;
    }
    case B.DEQUE_MAXLEN: {
      const d = dq(args[0]);
      return d.maxlen < 0 ? None : newInt(d.maxlen);
    }
    case B.DEQUE_APPEND:
      dq(args[0]).append(args[1]);
      return None;
    case B.DEQUE_APPENDLEFT:
      dq(args[0]).appendLeft(args[1]);
      return None;
    case B.DEQUE_POP:
      return dq(args[0]).pop();
    case B.DEQUE_POPLEFT:
      return dq(args[0]).popLeft();
    case B.DEQUE_EXTEND:
    case B.DEQUE_EXTENDLEFT:
      extend(dq(args[0]), args[1], id === B.DEQUE_EXTENDLEFT);
      return None;
    case B.DEQUE_CLEAR:
      dq(args[0]).setItems([]);
      return None;
    case B.DEQUE_COPY: {
      const d = dq(args[0]);
      return newDeque(d.items(), d.maxlen);
    }
    case B.DEQUE_COUNT: {
      const d = dq(args[0]);
      const st = d.state;
      let c = 0;
      for (let i = 0; i < d.size; i++) {
        if (pyEq(d.at(i), args[1])) c++;
        if (d.state !== st) throw raise(RuntimeError, 'deque mutated during iteration');
      }
      return newInt(c);
    }
    case B.DEQUE_INDEX: {
      const d = dq(args[0]);
      let start = n > 2 ? toIntIndex(args[2]) : 0;
      let stop = n > 3 ? toIntIndex(args[3]) : d.size;
      if (start < 0) start = Math.max(0, start + d.size);
      if (stop < 0) stop = Math.max(0, stop + d.size);
      if (stop > d.size) stop = d.size;
      for (let i = start; i < stop; i++) if (pyEq(d.at(i), args[1])) return newInt(i);
      throw raise(ValueError, `${repr(args[1])} is not in deque`);
    }
    case B.DEQUE_INSERT: {
      const d = dq(args[0]);
      if (d.maxlen >= 0 && d.size >= d.maxlen) throw raise(IndexError, 'deque already at its maximum size');
      const items = d.items();
      let i = toIntIndex(args[1]);
      if (i < 0) i = Math.max(0, i + items.length);
      if (i > items.length) i = items.length;
      items.splice(i, 0);
      const out: PyObject[] = items.slice(0, i);
      out.push(args[2]);
      for (let k = i; k < items.length; k++) out.push(items[k]);
      d.setItems(out);
      return None;
    }
    case B.DEQUE_REMOVE: {
      const d = dq(args[0]);
      for (let i = 0; i < d.size; i++) {
        if (pyEq(d.at(i), args[1])) {
          const items = d.items();
          items.splice(i, 1);
          d.setItems(items);
          return None;
        }
      }
      throw raise(ValueError, `${repr(args[1])} is not in deque`);
    }
    case B.DEQUE_REVERSE: {
      const d = dq(args[0]);
      const items = d.items();
      items.reverse();
      d.setItems(items);
      return None;
    }
    case B.DEQUE_ROTATE:
      rotate(dq(args[0]), n > 1 ? toIntIndex(args[1]) : 1);
      return None;
    case B.DEQUE_LEN:
      return newInt(dq(args[0]).size);
    case B.DEQUE_BOOL:
      return dq(args[0]).size > 0 ? True : False;
    case B.DEQUE_GETITEM: {
      const d = dq(args[0]);
      return d.at(d.index(args[1]));
    }
    case B.DEQUE_SETITEM: {
      const d = dq(args[0]);
      d.setAt(d.index(args[1]), args[2]);
      return None;
    }
    case B.DEQUE_DELITEM: {
      const d = dq(args[0]);
      const i = d.index(args[1]);
      const items = d.items();
      items.splice(i, 1);
      d.setItems(items);
      return None;
    }
    case B.DEQUE_ITER:
    case B.DEQUE_REVERSED:
      return new PyDequeIter(dq(args[0]), id === B.DEQUE_REVERSED);
    case B.DEQUE_CONTAINS: {
      const d = dq(args[0]);
      const st = d.state;
      for (let i = 0; i < d.size; i++) {
        if (pyEq(d.at(i), args[1])) return True;
        if (d.state !== st) throw raise(RuntimeError, 'deque mutated during iteration');
      }
      return False;
    }
    case B.DEQUE_EQ:
    case B.DEQUE_NE: {
      const e = dq(args[0]).nativeEq(args[1]);
      if (e < 0) return NotImplemented;
      return newBool((e === 1) === (id === B.DEQUE_EQ));
    }
    case B.DEQUE_LT:
      return compareDeques(dq(args[0]), args[1], A.CMP_LT);
    case B.DEQUE_LE:
      return compareDeques(dq(args[0]), args[1], A.CMP_LE);
    case B.DEQUE_GT:
      return compareDeques(dq(args[0]), args[1], A.CMP_GT);
    case B.DEQUE_GE:
      return compareDeques(dq(args[0]), args[1], A.CMP_GE);
    case B.DEQUE_ADD: {
      const d = dq(args[0]);
      const o = args[1];
      if (!(o instanceof PyDeque)) throw raise(TypeError, `can only concatenate deque (not "${typeName(o)}") to deque`);
      const items = d.items();
      for (const x of o.items()) items.push(x);
      return newDeque(items, d.maxlen);
    }
    case B.DEQUE_IADD: {
      const d = dq(args[0]);
      extend(d, args[1], false);
      return d;
    }
    case B.DEQUE_MUL:
    case B.DEQUE_IMUL: {
      const d = dq(args[0]);
      const k = toIntIndex(args[1]);
      const items = d.items();
      const out: PyObject[] = [];
      for (let r = 0; r < k; r++) for (const x of items) out.push(x);
      if (id === B.DEQUE_MUL) return newDeque(out, d.maxlen);
      d.setItems(out);
      return d;
    }
    case B.DEQUE_REDUCE: {
      const d = dq(args[0]);
      return newTuple([d.cls, newTuple([newList(d.items()), d.maxlen < 0 ? None : newInt(d.maxlen)])]);
    }
    case B.DEQUE_ITER_NEXT: {
      const it = args[0];
      if (!(it instanceof PyDequeIter)) throw raise(TypeError, 'expected a deque iterator');
      const v = it.nativeNext();
      if (v === null) throw new PyExc(new PyBaseExc(StopIteration));
      return v;
    }
    case B.DEQUE_ITER_ITER:
      return args[0];
    case B.DEFAULTDICT_INIT: {
      const d = asDict(args[0]);
      let f: PyObject = None;
      let rest: PyObject[] = [];
      if (n > 1) {
        f = args[1];
        if (f !== None && !isCallable(f)) throw raise(TypeError, 'first argument must be callable or None');
        rest = args.slice(2);
      } else rest = args.slice(1);
      setFactory(d, f);
      dictInit(d, rest, kw);
      return None;
    }
    case B.DEFAULTDICT_MISSING: {
      const d = asDict(args[0]);
      const f = defaultFactory(d);
      if (f === None) {
        const e = new PyBaseExc(KeyError);
        e.args.push(args[1]);
        throw new PyExc(e);
      }
      const v = callObj(f, [], null);
      dictSet(d, args[1], v);
      return v;
    }
    case B.DEFAULTDICT_REPR: {
      const d = asDict(args[0]);
      const f = defaultFactory(d);
      const plain = new PyDict(dictType);
      for (let i = 0; i < d.keys.length; i++) {
        const k = d.keys[i];
        const v = d.vals[i];
        if (k !== null && v !== null) dictSet(plain, k, v);
      }
      if (!reprEnter(d)) return newStr('...');
      try {
        return newStr(`${d.cls.name}(${f === None ? 'None' : repr(f)}, ${repr(plain)})`);
      } finally {
        reprLeave();
      }
    }
    case B.DEFAULTDICT_COPY:
      return copyDefaultdict(asDict(args[0]));
    case B.DEFAULTDICT_REDUCE: {
      const d = asDict(args[0]);
      const f = defaultFactory(d);
      return newTuple([d.cls, f === None ? newTuple([]) : newTuple([f]), None, None, getIter(newList(itemsOf(d)))]);
    }
  }
  throw unhandledBuiltin('_collections function', id);
}
function itemsOf(d: PyDict): PyObject[] {
  const out: PyObject[] = [];
  for (let i = 0; i < d.keys.length; i++) {
    const k = d.keys[i];
    const v = d.vals[i];
    if (k !== null && v !== null) out.push(newTuple([k, v]));
  }
  return out;
}
