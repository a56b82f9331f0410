// The itertools module: every iterator of CPython's, lazy as CPython's (one object class, its
// kind selecting the step that nativeNext runs), with CPython's argument errors.
import type { int } from '../../translate/rlib/index.ts';
import {
  PyObject, PyModule, PyType, PyNative, PyInt, PyClassMethod, PyFloat, typeType, objectType, classmethodType, intType, newInt,
  newTuple, raise, None, PyExc, PyBaseExc, TypeError, ValueError, StopIteration, L_NONE, bigOf,
} from '../objects/core.ts';
import { dictSetS } from '../objects/dict.ts';
import { B, FAM_ITERTOOLS } from '../builtins/ids.ts';
import { npos, kwArg, mkBuiltin, defMethod, unhandledBuiltin } from '../builtins/args.ts';
import { newBuiltinModule, addFn } from './registry.ts';
import { getIter, iterNext, iterToArray, callObj, truthy, binaryOp, pyEq, repr, typeName, lookupType } from '../interpreter/runtime.ts';
import * as A from '../parser/ast.ts';

export const K_COUNT = 0;
export const K_CYCLE = 1;
export const K_REPEAT = 2;
export const K_ACCUMULATE = 3;
export const K_CHAIN = 4;
export const K_COMPRESS = 5;
export const K_DROPWHILE = 6;
export const K_FILTERFALSE = 7;
export const K_GROUPBY = 8;
export const K_GROUPER = 9;
export const K_ISLICE = 10;
export const K_PAIRWISE = 11;
export const K_STARMAP = 12;
export const K_TAKEWHILE = 13;
export const K_TEE = 14;
export const K_ZIP_LONGEST = 15;
export const K_PRODUCT = 16;
export const K_PERMUTATIONS = 17;
export const K_COMBINATIONS = 18;
export const K_COMBINATIONS_WR = 19;

/** The name of each kind's type, by kind. */
export const KIND_NAMES: string[] = [
  'count', 'cycle', 'repeat', 'accumulate', 'chain', 'compress', 'dropwhile', 'filterfalse', 'groupby', '_grouper',
  'islice', 'pairwise', 'starmap', 'takewhile', '_tee', 'zip_longest', 'product', 'permutations', 'combinations',
  'combinations_with_replacement',
];

export class ItertoolsTypes {
  byKind: PyType[] = [];
}
export const TYPES_OF = new ItertoolsTypes();
for (let k = 0; k < KIND_NAMES.length; k++) {
  const t = new PyType(typeType, KIND_NAMES[k]);
  t.bases.push(objectType);
  t.mro = [t, objectType];
  t.layout = L_NONE;
  t.isBuiltin = true;
  t.module = 'itertools';
  if (k !== K_TEE) t.dict.set('__new__', mkBuiltin('__new__', B.ITERTOOLS_NEW, false, FAM_ITERTOOLS));
  defMethod(t, '__next__', B.ITERTOOLS_NEXT, FAM_ITERTOOLS);
  defMethod(t, '__iter__', B.ITERTOOLS_ITER, FAM_ITERTOOLS);
  TYPES_OF.byKind.push(t);
}
TYPES_OF.byKind[K_CHAIN].dict.set('from_iterable', new PyClassMethod(classmethodType, mkBuiltin('from_iterable', B.ITERTOOLS_FROM_ITERABLE, false, FAM_ITERTOOLS)));

/** One slot of a tee's shared buffer: the tees reading behind hold the slots they have yet to
 * read, so the collector frees the slots every tee has passed. */
class TeeSlot {
  val: PyObject | null = null;
  next: TeeSlot | null = null;
}
class TeeSource {
  it: PyObject;
  constructor(it: PyObject) {
    this.it = it;
  }
}

export class PyItertool extends PyNative {
  kind: int;
  /** the iterator read from (null once exhausted, for the kinds that drop it) */
  src: PyObject | null = null;
  /** a second iterator (compress's selectors), chain's current iterable's iterator */
  src2: PyObject | null = null;
  fn: PyObject | null = null;
  /** count's next value, repeat's object, accumulate's total, groupby's current key */
  cur: PyObject | null = null;
  step: PyObject | null = null;
  /** cycle's saved items, zip_longest's iterators, permutations' and combinations' pool */
  items: PyObject[] = [];
  /** zip_longest: which iterators are exhausted */
  dead: boolean[] = [];
  pools: PyObject[][] = [];
  indices: int[] = [];
  cycles: int[] = [];
  n: int = 0;
  r: int = 0;
  i: int = 0;
  next: int = 0;
  stop: int = 0;
  stepN: int = 0;
  started: boolean = false;
  done: boolean = false;
  /** cycle: its saved items are complete (set by __setstate__), so what src gives is not saved */
  firstpass: boolean = false;
  /** groupby: the current group's key and value, the live grouper; a grouper: its groupby */
  tgtKey: PyObject | null = null;
  curValue: PyObject | null = null;
  grouper: PyItertool | null = null;
  parent: PyItertool | null = null;
  teeSrc: TeeSource | null = null;
  teeSlot: TeeSlot | null = null;
  constructor(kind: int) {
    super(TYPES_OF.byKind[kind]);
    this.kind = kind;
  }
  override isIterator(): boolean {
    return true;
  }
  override nativeNext(): PyObject | null {
    if (this.done) return null;
    const r = this.step1();
    if (r === null) this.done = true;
    return r;
  }
  override nativeRepr(): string {
    if (this.kind === K_COUNT) {
      const c = this.cur as PyObject;
      const s = this.step as PyObject;
      if (s instanceof PyInt && bigOf(s) === null && s.v === 1 && s.cls === intType) return `count(${repr(c)})`;
      return `count(${repr(c)}, ${repr(s)})`;
    }
    if (this.kind === K_REPEAT) {
      if (this.n < 0) return `repeat(${repr(this.cur as PyObject)})`;
      return `repeat(${repr(this.cur as PyObject)}, ${this.n})`;
    }
    return '';
  }
  private step1(): PyObject | null {
    switch (this.kind) {
      case K_COUNT: {
        const v = this.cur as PyObject;
        this.cur = binaryOp(v, this.step as PyObject, A.BIN_ADD);
        return v;
      }
      case K_CYCLE:
        return this.cycleNext();
      case K_REPEAT:
        if (this.n === 0) return null;
        if (this.n > 0) this.n--;
        return this.cur;
      case K_ACCUMULATE:
        return this.accumulateNext();
      case K_CHAIN:
        return this.chainNext();
      case K_COMPRESS:
        for (;;) {
          const d = iterNext(this.src as PyObject);
          if (d === null) return null;
          const s = iterNext(this.src2 as PyObject);
          if (s === null) return null;
          if (truthy(s)) return d;
        }
      case K_DROPWHILE: {
        for (;;) {
          const v = iterNext(this.src as PyObject);
          if (v === null) return null;
          if (this.started || !truthy(callObj(this.fn as PyObject, [v], null))) {
            this.started = true;
            return v;
          }
        }
      }
      case K_TAKEWHILE: {
        // started: the predicate has failed (CPython's stop flag, which __reduce__ gives)
        if (this.started) return null;
        const v = iterNext(this.src as PyObject);
        if (v === null) return null;
        if (truthy(callObj(this.fn as PyObject, [v], null))) return v;
        this.started = true;
        return null;
      }
      case K_FILTERFALSE:
        for (;;) {
          const v = iterNext(this.src as PyObject);
          if (v === null) return null;
          const keep = this.fn === null ? truthy(v) : truthy(callObj(this.fn, [v], null));
          if (!keep) return v;
        }
      case K_GROUPBY:
        return this.groupbyNext();
      case K_GROUPER:
        return this.grouperNext();
      case K_ISLICE:
        return this.isliceNext();
      case K_PAIRWISE: {
        if (this.cur === null) {
          this.cur = iterNext(this.src as PyObject);
          if (this.cur === null) return null;
        }
        const v = iterNext(this.src as PyObject);
        if (v === null) return null;
        const r = newTuple([this.cur, v]);
        this.cur = v;
        return r;
      }
      case K_STARMAP: {
        const v = iterNext(this.src as PyObject);
        if (v === null) return null;
        return callObj(this.fn as PyObject, iterToArray(v), null);
      }
      case K_TEE:
        return this.teeNext();
      case K_ZIP_LONGEST:
        return this.zipLongestNext();
      case K_PRODUCT:
        return this.productNext();
      case K_PERMUTATIONS:
        return this.permutationsNext();
      case K_COMBINATIONS:
        return this.combinationsNext();
      case K_COMBINATIONS_WR:
        return this.combinationsWrNext();
    }
    return null;
  }
  private cycleNext(): PyObject | null {
    if (!this.started) {
      const v = iterNext(this.src as PyObject);
      if (v !== null) {
        if (!this.firstpass) this.items.push(v);
        return v;
      }
      this.started = true;
      this.src = null;
    }
    if (this.items.length === 0) return null;
    const v = this.items[this.i];
    this.i = this.i + 1 === this.items.length ? 0 : this.i + 1;
    return v;
  }
  private accumulateNext(): PyObject | null {
    if (!this.started && this.cur !== null) {
      // the initial value comes first
      this.started = true;
      return this.cur;
    }
    this.started = true;
    const v = iterNext(this.src as PyObject);
    if (v === null) return null;
    const total = this.cur;
    if (total === null) this.cur = v;
    else this.cur = this.fn === null ? binaryOp(total, v, A.BIN_ADD) : callObj(this.fn, [total, v], null);
    return this.cur;
  }
  private chainNext(): PyObject | null {
    for (;;) {
      if (this.src2 === null) {
        const nx = iterNext(this.src as PyObject);
        if (nx === null) return null;
        this.src2 = getIter(nx);
      }
      const v = iterNext(this.src2);
      if (v !== null) return v;
      this.src2 = null;
    }
  }
  /** Reads groupby's next value and key (false: its iterator is exhausted). */
  private groupbyStep(): boolean {
    const v = iterNext(this.src as PyObject);
    if (v === null) return false;
    this.cur = this.fn === null ? v : callObj(this.fn, [v], null);
    this.curValue = v;
    return true;
  }
  private groupbyNext(): PyObject | null {
    this.grouper = null;
    // skip what remains of the current group
    for (;;) {
      if (this.cur === null) {
        // not started
      } else if (this.tgtKey === null) break;
      else if (!pyEq(this.tgtKey, this.cur)) break;
      if (!this.groupbyStep()) return null;
    }
    this.tgtKey = this.cur;
    const g = new PyItertool(K_GROUPER);
    g.parent = this;
    g.tgtKey = this.tgtKey;
    this.grouper = g;
    return newTuple([this.cur as PyObject, g]);
  }
  private grouperNext(): PyObject | null {
    const gb = this.parent as PyItertool;
    // a grouper is valid until its groupby moves on to the next group
    if (gb.grouper !== this) return null;
    if (gb.curValue === null) {
      if (!gb.groupbyStep()) return null;
    }
    if (!pyEq(this.tgtKey as PyObject, gb.cur as PyObject)) return null;
    const r = gb.curValue;
    gb.curValue = null;
    // as CPython's _grouper_next, so that groupby's __reduce__ sees no current item
    gb.cur = null;
    return r;
  }
  private isliceNext(): PyObject | null {
    const it = this.src;
    if (it === null) return null;
    while (this.i < this.next) {
      if (iterNext(it) === null) {
        this.src = null;
        return null;
      }
      this.i++;
    }
    if (this.stop !== -1 && this.i >= this.stop) {
      this.src = null;
      return null;
    }
    const v = iterNext(it);
    if (v === null) {
      this.src = null;
      return null;
    }
    this.i++;
    const old = this.next;
    this.next += this.stepN;
    if (this.next < old || (this.stop !== -1 && this.next > this.stop)) this.next = this.stop;
    return v;
  }
  private teeNext(): PyObject | null {
    const slot = this.teeSlot as TeeSlot;
    if (slot.next === null) {
      const v = iterNext((this.teeSrc as TeeSource).it);
      if (v === null) return null;
      slot.val = v;
      slot.next = new TeeSlot();
    }
    this.teeSlot = slot.next;
    return slot.val;
  }
  private zipLongestNext(): PyObject | null {
    if (this.n === 0) return null;
    const out: PyObject[] = [];
    for (let k = 0; k < this.items.length; k++) {
      if (this.dead[k]) {
        out.push(this.cur as PyObject);
        continue;
      }
      const v = iterNext(this.items[k]);
      if (v !== null) {
        out.push(v);
        continue;
      }
      // the last iterator to run out stays in place, as in CPython's ittuple (__reduce__ shows it)
      this.n--;
      if (this.n === 0) return null;
      this.dead[k] = true;
      out.push(this.cur as PyObject);
    }
    return newTuple(out);
  }
  private productNext(): PyObject | null {
    const pools = this.pools;
    const idx = this.indices;
    if (!this.started) {
      this.started = true;
      for (const p of pools) if (p.length === 0) return null;
    } else {
      let k = pools.length - 1;
      for (; k >= 0; k--) {
        idx[k]++;
        if (idx[k] < pools[k].length) break;
        idx[k] = 0;
      }
      if (k < 0) return null;
    }
    const out: PyObject[] = [];
    for (let k = 0; k < pools.length; k++) out.push(pools[k][idx[k]]);
    return newTuple(out);
  }
  private pick(): PyObject {
    const out: PyObject[] = [];
    for (let k = 0; k < this.r; k++) out.push(this.items[this.indices[k]]);
    return newTuple(out);
  }
  private permutationsNext(): PyObject | null {
    const n = this.items.length;
    const r = this.r;
    const idx = this.indices;
    const cyc = this.cycles;
    if (!this.started) {
      this.started = true;
      if (r > n) return null;
      return this.pick();
    }
    if (n === 0) return null;
    // CPython's algorithm: rotate the tail after i, or swap in the next unused index
    for (let i = r - 1; i >= 0; i--) {
      cyc[i]--;
      if (cyc[i] === 0) {
        const first = idx[i];
        for (let j = i; j < n - 1; j++) idx[j] = idx[j + 1];
        idx[n - 1] = first;
        cyc[i] = n - i;
      } else {
        const j = cyc[i];
        const t = idx[i];
        idx[i] = idx[n - j];
        idx[n - j] = t;
        return this.pick();
      }
    }
    return null;
  }
  private combinationsNext(): PyObject | null {
    const n = this.items.length;
    const r = this.r;
    const idx = this.indices;
    if (!this.started) {
      this.started = true;
      if (r > n) return null;
      return this.pick();
    }
    let i = r - 1;
    while (i >= 0 && idx[i] === i + n - r) i--;
    if (i < 0) return null;
    idx[i]++;
    for (let j = i + 1; j < r; j++) idx[j] = idx[j - 1] + 1;
    return this.pick();
  }
  private combinationsWrNext(): PyObject | null {
    const n = this.items.length;
    const r = this.r;
    const idx = this.indices;
    if (!this.started) {
      this.started = true;
      if (n === 0 && r > 0) return null;
      return this.pick();
    }
    let i = r - 1;
    while (i >= 0 && idx[i] === n - 1) i--;
    if (i < 0) return null;
    const v = idx[i] + 1;
    for (let j = i; j < r; j++) idx[j] = v;
    return this.pick();
  }
}

export function makeItertools(): PyModule {
  const m = newBuiltinModule('itertools');
  for (let k = 0; k < KIND_NAMES.length; k++) {
    if (k !== K_GROUPER && k !== K_TEE) dictSetS(m.dict, KIND_NAMES[k], TYPES_OF.byKind[k]);
  }
  dictSetS(m.dict, '_grouper', TYPES_OF.byKind[K_GROUPER]);
  dictSetS(m.dict, '_tee', TYPES_OF.byKind[K_TEE]);
  addFn(m, 'tee', B.ITERTOOLS_TEE, FAM_ITERTOOLS);
  return m;
}

function noKwFor(name: string, kw: string[] | null): void {
  if (kw !== null && kw.length > 0) throw raise(TypeError, `${name}() takes no keyword arguments`);
}
function onlyKw(name: string, kw: string[] | null, allowed: string[]): void {
  if (kw === null) return;
  for (const k of kw) {
    if (!allowed.includes(k)) throw raise(TypeError, `${name}() got an unexpected keyword argument '${k}'`);
  }
}
function argCount(name: string, n: int, min: int, max: int): void {
  if (n < min) throw raise(TypeError, `${name} expected ${min === max ? '' : 'at least '}${min} argument${min === 1 ? '' : 's'}, got ${n}`);
  if (n > max) throw raise(TypeError, `${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${n}`);
}
/** A non-negative int that fits a machine word (r of permutations and combinations, repeat's
 * times, islice's bounds), with CPython's errors. */
function smallInt(o: PyObject, what: string): int {
  if (!(o instanceof PyInt)) throw raise(TypeError, `'${typeName(o)}' object cannot be interpreted as an integer`);
  if (bigOf(o) !== null) throw raise(ValueError, `${what} is too large`);
  return o.v;
}
function isliceIndex(o: PyObject, msg: string): int {
  if (o === None) return -1;
  if (!(o instanceof PyInt) || bigOf(o) !== null || o.v < 0) throw raise(ValueError, msg);
  return o.v;
}
/** CPython's PyNumber_Check, which count() asks of start and step. */
function isNumber(o: PyObject): boolean {
  if (o instanceof PyInt || o instanceof PyFloat) return true;
  return lookupType(o.cls, '__index__') !== null || lookupType(o.cls, '__int__') !== null || lookupType(o.cls, '__float__') !== null || lookupType(o.cls, '__complex__') !== null;
}

function construct(t: PyType, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw) - 1;
  let kind = -1;
  for (let k = 0; k < TYPES_OF.byKind.length; k++) if (TYPES_OF.byKind[k] === t) kind = k;
  if (kind < 0) throw raise(TypeError, `cannot create '${t.name}' instances`);
  const name = KIND_NAMES[kind];
  const o = new PyItertool(kind);
  switch (kind) {
    case K_GROUPER: {
      // _grouper(parent, tgtkey), what a pickled grouper is rebuilt with: the parent's current group
      noKwFor(name, kw);
      argCount(name, n, 2, 2);
      const parent = args[1];
      if (!(parent instanceof PyItertool && parent.kind === K_GROUPBY)) throw raise(TypeError, `_grouper() argument 1 must be itertools.groupby, not ${typeName(parent)}`);
      o.parent = parent;
      o.tgtKey = args[2];
      parent.grouper = o;
      return o;
    }
    case K_COUNT: {
      onlyKw(name, kw, ['start', 'step']);
      argCount(name, n, 0, 2);
      const start = n >= 1 ? args[1] : kwArg(args, kw, 'start');
      const step = n >= 2 ? args[2] : kwArg(args, kw, 'step');
      o.cur = start === null ? newInt(0) : start;
      o.step = step === null ? newInt(1) : step;
      if (!isNumber(o.cur) || !isNumber(o.step)) throw raise(TypeError, 'a number is required');
      return o;
    }
    case K_CYCLE:
      noKwFor(name, kw);
      argCount(name, n, 1, 1);
      o.src = getIter(args[1]);
      return o;
    case K_REPEAT: {
      onlyKw(name, kw, ['object', 'times']);
      argCount(name, n, 0, 2);
      const obj = n >= 1 ? args[1] : kwArg(args, kw, 'object');
      if (obj === null) throw raise(TypeError, "repeat() missing required argument 'object' (pos 1)");
      const times = n >= 2 ? args[2] : kwArg(args, kw, 'times');
      o.cur = obj;
      o.n = times === null ? -1 : smallInt(times, 'Python int');
      if (o.n < 0 && times !== null) o.n = 0;
      return o;
    }
    case K_ACCUMULATE: {
      onlyKw(name, kw, ['iterable', 'func', 'initial']);
      argCount(name, n, 0, 2);
      const it = n >= 1 ? args[1] : kwArg(args, kw, 'iterable');
      if (it === null) throw raise(TypeError, "accumulate() missing required argument 'iterable' (pos 1)");
      const fn = n >= 2 ? args[2] : kwArg(args, kw, 'func');
      const init = kwArg(args, kw, 'initial');
      o.src = getIter(it);
      o.fn = fn === null || fn === None ? null : fn;
      o.cur = init === null || init === None ? null : init;
      return o;
    }
    case K_CHAIN: {
      noKwFor(name, kw);
      o.src = getIter(newTuple(args.slice(1, 1 + n)));
      return o;
    }
    case K_COMPRESS: {
      onlyKw(name, kw, ['data', 'selectors']);
      const d = n >= 1 ? args[1] : kwArg(args, kw, 'data');
      const s = n >= 2 ? args[2] : kwArg(args, kw, 'selectors');
      if (d === null) throw raise(TypeError, "compress() missing required argument 'data' (pos 1)");
      if (s === null) throw raise(TypeError, "compress() missing required argument 'selectors' (pos 2)");
      o.src = getIter(d);
      o.src2 = getIter(s);
      return o;
    }
    case K_DROPWHILE:
    case K_TAKEWHILE:
    case K_FILTERFALSE:
    case K_STARMAP:
      noKwFor(name, kw);
      argCount(name, n, 2, 2);
      o.fn = kind === K_FILTERFALSE && args[1] === None ? null : args[1];
      o.src = getIter(args[2]);
      return o;
    case K_GROUPBY: {
      onlyKw(name, kw, ['iterable', 'key']);
      argCount(name, n, 0, 2);
      const it = n >= 1 ? args[1] : kwArg(args, kw, 'iterable');
      if (it === null) throw raise(TypeError, "groupby() missing required argument 'iterable' (pos 1)");
      const key = n >= 2 ? args[2] : kwArg(args, kw, 'key');
      o.src = getIter(it);
      o.fn = key === null || key === None ? null : key;
      return o;
    }
    case K_ISLICE: {
      noKwFor(name, kw);
      argCount(name, n, 2, 4);
      o.src = getIter(args[1]);
      let start = 0;
      let step = 1;
      const stopMsg = 'Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.';
      const idxMsg = 'Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.';
      if (n === 2) o.stop = isliceIndex(args[2], stopMsg);
      else {
        start = args[2] === None ? 0 : isliceIndex(args[2], idxMsg);
        o.stop = isliceIndex(args[3], stopMsg);
        if (n === 4 && args[4] !== None) {
          const s = args[4];
          if (!(s instanceof PyInt) || bigOf(s) !== null || s.v < 1) throw raise(ValueError, 'Step for islice() must be a positive integer or None.');
          step = s.v;
        }
      }
      o.next = start;
      o.stepN = step;
      return o;
    }
    case K_PAIRWISE:
      noKwFor(name, kw);
      argCount(name, n, 1, 1);
      o.src = getIter(args[1]);
      return o;
    case K_ZIP_LONGEST: {
      onlyKw(name, kw, ['fillvalue']);
      const fill = kwArg(args, kw, 'fillvalue');
      o.cur = fill === null ? None : fill;
      for (let k = 1; k <= n; k++) {
        o.items.push(getIter(args[k]));
        o.dead.push(false);
      }
      o.n = n;
      return o;
    }
    case K_PRODUCT: {
      onlyKw(name, kw, ['repeat']);
      const rep = kwArg(args, kw, 'repeat');
      const times = rep === null ? 1 : smallInt(rep, 'repeat argument');
      if (times < 0) throw raise(ValueError, 'repeat argument cannot be negative');
      const base: PyObject[][] = [];
      for (let k = 1; k <= n; k++) base.push(iterToArray(args[k]));
      for (let t2 = 0; t2 < times; t2++) for (const p of base) o.pools.push(p);
      for (let k = 0; k < o.pools.length; k++) o.indices.push(0);
      return o;
    }
    case K_PERMUTATIONS:
    case K_COMBINATIONS:
    case K_COMBINATIONS_WR: {
      onlyKw(name, kw, ['iterable', 'r']);
      argCount(name, n, kind === K_PERMUTATIONS ? 0 : 0, 2);
      const it = n >= 1 ? args[1] : kwArg(args, kw, 'iterable');
      if (it === null) throw raise(TypeError, `${name}() missing required argument 'iterable' (pos 1)`);
      const rO = n >= 2 ? args[2] : kwArg(args, kw, 'r');
      o.items = iterToArray(it);
      if (rO === null || (rO === None && kind === K_PERMUTATIONS)) {
        if (kind !== K_PERMUTATIONS) throw raise(TypeError, `${name}() missing required argument 'r' (pos 2)`);
        o.r = o.items.length;
      } else o.r = smallInt(rO, 'r');
      if (o.r < 0) throw raise(ValueError, 'r must be non-negative');
      const len = o.items.length;
      if (kind === K_PERMUTATIONS) {
        for (let k = 0; k < len; k++) o.indices.push(k);
        for (let k = 0; k < o.r; k++) o.cycles.push(len - k);
      } else if (kind === K_COMBINATIONS) {
        for (let k = 0; k < o.r; k++) o.indices.push(k);
      } else {
        for (let k = 0; k < o.r; k++) o.indices.push(0);
      }
      return o;
    }
  }
  throw raise(TypeError, `cannot create '${t.name}' instances`);
}

/** tee(iterable, n=2): n iterators over one iterator's items. */
function tee(args: PyObject[], kw: string[] | null): PyObject {
  noKwFor('tee', kw);
  const n = npos(args, kw);
  argCount('tee', n, 1, 2);
  const count = n === 2 ? smallInt(args[1], 'n') : 2;
  if (count < 0) throw raise(ValueError, 'n must be >= 0');
  const out: PyObject[] = [];
  if (count === 0) return newTuple(out);
  const first = args[0];
  let src: TeeSource;
  let slot: TeeSlot;
  if (first instanceof PyItertool && first.kind === K_TEE) {
    // a tee of a tee shares its buffer, as CPython's __copy__ does
    src = first.teeSrc as TeeSource;
    slot = first.teeSlot as TeeSlot;
    out.push(first);
  } else {
    src = new TeeSource(getIter(first));
    slot = new TeeSlot();
  }
  while (out.length < count) {
    const t = new PyItertool(K_TEE);
    t.teeSrc = src;
    t.teeSlot = slot;
    out.push(t);
  }
  return newTuple(out);
}

export function callItertools(id: int, args: PyObject[], kw: string[] | null): PyObject {
  switch (id) {
    case B.ITERTOOLS_NEW: {
      const t = args[0];
      if (!(t instanceof PyType)) throw raise(TypeError, '__new__(X): X is not a type object');
      return construct(t, args, kw);
    }
    case B.ITERTOOLS_NEXT: {
      const self = args[0];
      if (!(self instanceof PyItertool)) throw raise(TypeError, `descriptor '__next__' requires an itertools object but received '${typeName(self)}'`);
      const v = self.nativeNext();
      if (v === null) throw new PyExc(new PyBaseExc(StopIteration));
      return v;
    }
    case B.ITERTOOLS_ITER:
      return args[0];
    case B.ITERTOOLS_FROM_ITERABLE: {
      noKwFor('from_iterable', kw);
      if (npos(args, kw) !== 2) throw raise(TypeError, `chain.from_iterable() takes exactly one argument (${npos(args, kw) - 1} given)`);
      const o = new PyItertool(K_CHAIN);
      o.src = getIter(args[1]);
      return o;
    }
    case B.ITERTOOLS_TEE:
      return tee(args, kw);
  }
  throw unhandledBuiltin('itertools function', id);
}
