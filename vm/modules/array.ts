// The array module: array.array, a sequence of C numbers of one typecode kept as their native
// bytes (little-endian, the sizes of the 64-bit targets), so memoryview shares them and
// tobytes/frombytes/byteswap are byte moves. Values are checked with CPython's messages.
import type { int, float } from '../../translate/rlib/index.ts';
import { floorDiv } from '../../translate/rlib/index.ts';
import {
  PyObject, PyNative, PyBufferObject, BufRef, PyModule, PyType, PyBuiltin, PyInt, PyStr, PyBytes, PySlice, PyList, PyProperty, propertyType,
  bytesType, newInt, newFloat, newStr, newList, newTuple, raise, None, True, False, NotImplemented, TypeError, ValueError, IndexError, OverflowErrorT, bigOf,
} from '../objects/core.ts';
import { dictSetS } from '../objects/dict.ts';
import { B, FAM_ARRAY, FAM_ARRAYBYTES } from '../builtins/ids.ts';
import { npos, mkBuiltin, defMethod, unhandledBuiltin } from '../builtins/args.ts';
import { newModuleType, newBuiltinModule } from './registry.ts';
import { typeName, toIntIndex, sliceIndices, iterToArray, pyEq, richCompare, objId, repr, lookupType, callObj, getAttr, getAttrOrNull, isSubtype, repeatCount } from '../interpreter/runtime.ts';
import { bytesLike, itemSize, isUnsignedFormat, readItem, writeItem } from '../builtins/buffer.ts';
import { intCmp, intSign, intNeg } from '../objects/intops.ts';
import { pow2Int } from './struct.ts';
import { toFloatValue } from '../builtins/dispatch.ts';
import { codePointToString } from '../parser/parser.ts';
import { cpArray, codePointAt } from '../objects/strutil.ts';
import { checkRepeat, MAX_SEQ_ITEMS } from '../objects/sizes.ts';
import * as A from '../parser/ast.ts';
import { registerIfFinalizable } from './finalize.ts';

const TYPECODES = 'bBuhHiIlLqQfd';

export class PyArray extends PyBufferObject {
  tc: string;
  isz: int;
  /** the items' bytes; kept as one array (changed in place) so memoryviews of it stay valid */
  b: int[];
  constructor(cls: PyType, tc: string, b: int[]) {
    super(cls);
    this.tc = tc;
    this.isz = itemSize(tc);
    this.b = b;
    // an instance of a subclass with __del__ is finalized once a collection finds it dead
    if (!cls.isBuiltin) registerIfFinalizable(cls, this);
  }
  len(): int {
    return floorDiv(this.b.length, this.isz);
  }
  get(i: int): PyObject {
    const at = i * this.isz;
    if (this.tc === 'u') {
      const cp = this.codePoint(i);
      if (cp > 0x10ffff) throw raise(ValueError, 'chr() arg not in range(0x110000)');
      return newStr(codePointToString(cp));
    }
    return readItem(this.b, at, this.tc);
  }
  /** item i of a 'u' array: a UCS-4 code unit, which its bytes may make out of range */
  codePoint(i: int): int {
    const at = i * this.isz;
    return this.b[at] + this.b[at + 1] * 256 + this.b[at + 2] * 65536 + this.b[at + 3] * 16777216;
  }
  items(): PyObject[] {
    const out: PyObject[] = [];
    const n = this.len();
    for (let i = 0; i < n; i++) out.push(this.get(i));
    return out;
  }
  override bufRef(): BufRef {
    return new BufRef(this.b, 0, this.b.length, false);
  }
  override bufFormat(): string {
    return this.tc === 'u' ? 'w' : this.tc;
  }
  override nativeLen(): int {
    return this.len();
  }
  override nativeRepr(): string {
    const name = this.cls === AT.array ? 'array' : this.cls.name;
    if (this.b.length === 0) return `${name}('${this.tc}')`;
    if (this.tc === 'u') return `${name}('u', ${repr(newStr(unicodeOf(this)))})`;
    return `${name}('${this.tc}', ${repr(newList(this.items()))})`;
  }
  override nativeGetItem(k: PyObject): PyObject | null {
    const n = this.len();
    if (k instanceof PySlice) {
      const ix = sliceIndices(k, n);
      const out: int[] = [];
      for (let j = 0; j < ix[3]; j++) {
        const at = (ix[0] + j * ix[2]) * this.isz;
        for (let q = 0; q < this.isz; q++) out.push(this.b[at + q]);
      }
      // a plain array even from a subclass, as CPython's array_subscr
      return new PyArray(AT.array, this.tc, out);
    }
    return this.get(indexIn(k, n, 'array index out of range'));
  }
  override nativeHash(): int {
    throw raise(TypeError, `unhashable type: 'array.array'`);
  }
  override nativeEq(other: PyObject): int {
    if (!(other instanceof PyArray)) return -1;
    if (other.len() !== this.len()) return 0;
    if (other.tc === this.tc) {
      for (let i = 0; i < this.b.length; i++) if (this.b[i] !== other.b[i]) return this.tc === 'f' || this.tc === 'd' ? eqItems(this, other) : 0;
      return this.tc === 'f' || this.tc === 'd' ? eqItems(this, other) : 1;
    }
    return eqItems(this, other);
  }
}
function eqItems(a: PyArray, b: PyArray): int {
  const x = a.items();
  const y = b.items();
  for (let i = 0; i < x.length; i++) if (!pyEq(x[i], y[i])) return 0;
  return 1;
}
function indexIn(k: PyObject, n: int, msg: string): int {
  if (!(k instanceof PyInt) && k.cls.isBuiltin) throw raise(TypeError, `array indices must be integers`);
  let i = toIntIndex(k);
  if (i < 0) i += n;
  if (i < 0 || i >= n) throw raise(IndexError, msg);
  return i;
}
function unicodeOf(a: PyArray): string {
  const parts: string[] = [];
  const n = a.len();
  for (let i = 0; i < n; i++) {
    const cp = a.codePoint(i);
    if (cp > 0x10ffff) throw raise(ValueError, `character U+${cp.toString(16)} is not in range [U+0000; U+10ffff]`);
    parts.push(codePointToString(cp));
  }
  return parts.join('');
}

// ---- checking values ----
const INT_NAMES: string[] = ['b', 'signed char', 'B', 'unsigned byte integer', 'h', 'signed short integer', 'H', 'unsigned short', 'i', 'signed integer', 'I', 'unsigned int'];
function intName(tc: string): string {
  for (let i = 0; i < INT_NAMES.length; i += 2) if (INT_NAMES[i] === tc) return INT_NAMES[i + 1];
  return '';
}
/** v as an item of typecode tc (an int, float or one-char str), or CPython's error. */
function checkValue(tc: string, v: PyObject): PyObject {
  if (tc === 'u') {
    if (!(v instanceof PyStr) || cpArray(v.s).length !== 1) throw raise(TypeError, 'array item must be unicode character');
    return newInt(codePointAt(v.s, 0));
  }
  if (tc === 'f' || tc === 'd') {
    const x: float = toFloatValue(v);
    // a float beyond binary32 becomes an infinity in a C float, not an error as in struct
    if (tc === 'f' && x >= 3.4028235677973366e38) return newFloat(Infinity);
    if (tc === 'f' && x <= -3.4028235677973366e38) return newFloat(-Infinity);
    return newFloat(x);
  }
  let x: PyInt;
  if (v instanceof PyInt) x = v;
  else if (!v.cls.isBuiltin && lookupType(v.cls, '__index__') !== null) {
    // the int itself, however large, so that its range is checked below
    const r = callObj(getAttr(v, '__index__'), [], null);
    if (!(r instanceof PyInt)) throw raise(TypeError, `__index__ returned non-int (type ${typeName(r)})`);
    x = r;
  }
  else throw raise(TypeError, `'${typeName(v)}' object cannot be interpreted as an integer`);
  const size = itemSize(tc);
  const neg = intSign(x) < 0;
  if (size === 8) {
    // CPython converts these through C long / unsigned long (long long for q and Q)
    if (tc === 'q' || tc === 'Q') {
      if (tc === 'Q' && neg) throw raise(OverflowErrorT, "can't convert negative int to unsigned");
      const lim = tc === 'Q' ? pow2Int(64) : pow2Int(63);
      if (intCmp(x, lim) >= 0 || (tc === 'q' && intCmp(x, intNeg(lim)) < 0)) throw raise(OverflowErrorT, 'int too big to convert');
      return x;
    }
    if (tc === 'L' && neg) throw raise(OverflowErrorT, "can't convert negative value to unsigned int");
    if (intCmp(x, pow2Int(tc === 'L' ? 64 : 63)) >= 0 || intCmp(x, intNeg(pow2Int(63))) < 0) throw raise(OverflowErrorT, `Python int too large to convert to C ${tc === 'L' ? 'unsigned long' : 'long'}`);
    return x;
  }
  // the 1, 2 and 4 byte codes go through a C long first
  if (intCmp(x, pow2Int(63)) >= 0 || intCmp(x, intNeg(pow2Int(63))) < 0) {
    if (tc === 'I' && !neg) throw raise(OverflowErrorT, 'Python int too large to convert to C unsigned long');
    if (tc === 'I') throw raise(OverflowErrorT, "can't convert negative value to unsigned int");
    throw raise(OverflowErrorT, 'Python int too large to convert to C long');
  }
  const bits = size * 8;
  const lo = isUnsignedFormat(tc) ? newInt(0) : intNeg(pow2Int(bits - 1));
  const hi = isUnsignedFormat(tc) ? pow2Int(bits) : pow2Int(bits - 1);
  if (intCmp(x, lo) < 0) {
    if (tc === 'I') throw raise(OverflowErrorT, "can't convert negative value to unsigned int");
    throw raise(OverflowErrorT, `${intName(tc)} is less than minimum`);
  }
  if (intCmp(x, hi) >= 0) throw raise(OverflowErrorT, `${intName(tc)} is greater than maximum`);
  return x;
}
/** The bytes of one checked value. */
function encode(tc: string, v: PyObject): int[] {
  const out: int[] = [];
  const sz = itemSize(tc);
  for (let i = 0; i < sz; i++) out.push(0);
  const c = checkValue(tc, v);
  writeItem(out, 0, tc === 'u' ? 'I' : tc, c);
  return out;
}
function encodeAll(tc: string, values: PyObject[]): int[] {
  const out: int[] = [];
  for (const v of values) for (const x of encode(tc, v)) out.push(x);
  return out;
}
function replaceRange(b: int[], start: int, stop: int, items: int[]): void {
  const tail = b.slice(stop);
  b.length = start;
  for (const x of items) b.push(x);
  for (const x of tail) b.push(x);
}

// ---- the type and module ----
function arrayType(): PyType {
  const t = newModuleType('array', 'array', L_NATIVE);
  return t;
}
class ArrayTypes {
  array: PyType = arrayType();
  iterator: PyType = newModuleType('array', 'arrayiterator');
  reconstructor: PyBuiltin = mkBuiltin('_array_reconstructor', B.ARRAY_RECONSTRUCT, false, FAM_ARRAY);
}
export const AT = new ArrayTypes();
const METHODS: string[] = [
  'append', 'extend', 'insert', 'pop', 'remove', 'index', 'count', 'reverse', 'byteswap', 'buffer_info', 'tobytes', 'frombytes', 'tolist', 'fromlist',
  'tounicode', 'fromunicode', 'tofile', 'fromfile', '__setitem__', '__delitem__', '__iter__', '__contains__', '__add__', '__mul__', '__rmul__', '__iadd__', '__imul__',
  '__lt__', '__le__', '__gt__', '__ge__', '__copy__', '__deepcopy__', '__reduce_ex__', '__len__', '__getitem__',
];
for (const name of METHODS) {
  const m = mkBuiltin(name, B.ARRAY_METHOD, true, FAM_ARRAY);
  m.owner = AT.array;
  AT.array.dict.set(name, m);
}
for (const name of ['typecode', 'itemsize']) AT.array.dict.set(name, new PyProperty(propertyType, mkBuiltin(name, B.ARRAY_METHOD, false, FAM_ARRAY), null, null));
AT.array.dict.set('__new__', mkBuiltin('__new__', B.ARRAY_NEW, false, FAM_ARRAY));
AT.array.dict.set('__hash__', None);
defMethod(AT.iterator, '__next__', B.ARRAY_ITER_NEXT, FAM_ARRAYBYTES);
defMethod(AT.iterator, '__iter__', B.ARRAY_ITER_ITER, FAM_ARRAYBYTES);
defMethod(AT.iterator, '__reduce__', B.ARRAY_ITER_REDUCE, FAM_ARRAYBYTES);
defMethod(AT.iterator, '__setstate__', B.ARRAY_ITER_SETSTATE, FAM_ARRAYBYTES);

/** iter(array): reads the array as it is at each step (items appended meanwhile are seen), and
 * once exhausted lets go of it and stays exhausted, as CPython's arrayiterator. It reads the
 * items themselves, not a subclass's __getitem__. */
export class PyArrayIter extends PyNative {
  a: PyArray | null;
  i: int = 0;
  constructor(a: PyArray) {
    super(AT.iterator);
    this.a = a;
  }
  override isIterator(): boolean {
    return true;
  }
  override nativeNext(): PyObject | null {
    const a = this.a;
    if (a === null) return null;
    if (this.i < a.len()) return a.get(this.i++);
    this.a = null;
    return null;
  }
}
/** The arrayiterator's methods: __next__, __iter__, and its pickle protocol, (iter, (array,),
 * index) or (iter, ((),)) once exhausted; __setstate__ puts it back at an index. */
export function callArrayIter(bi: PyBuiltin, id: int, args: PyObject[], kw: string[] | null): PyObject {
  const it = args.length > 0 ? args[0] : None;
  if (!(it instanceof PyArrayIter)) throw raise(TypeError, `descriptor '${bi.name}' for 'array.arrayiterator' objects doesn't apply to a '${typeName(it)}' object`);
  const n = npos(args, kw);
  const want = id === B.ARRAY_ITER_SETSTATE ? 2 : 1;
  if (n !== want || (kw !== null && kw.length > 0)) {
    if (want === 2) throw raise(TypeError, `arrayiterator.__setstate__() takes exactly one argument (${n - 1} given)`);
    throw raise(TypeError, `arrayiterator.${bi.name}() takes no arguments (${n - 1} given)`);
  }
  switch (id) {
    case B.ARRAY_ITER_NEXT: {
      const v = it.nativeNext();
      if (v === null) throw new PyExc(new PyBaseExc(StopIteration));
      return v;
    }
    case B.ARRAY_ITER_ITER:
      return it;
    case B.ARRAY_ITER_REDUCE: {
      const iterFn = dictGetS(VM.builtins, 'iter') as PyObject;
      if (it.a === null) return newTuple([iterFn, newTuple([newTuple([])])]);
      return newTuple([iterFn, newTuple([it.a]), newInt(it.i)]);
    }
    case B.ARRAY_ITER_SETSTATE: {
      const st = args[1];
      if (!(st instanceof PyInt)) throw raise(TypeError, `'${typeName(st)}' object cannot be interpreted as an integer`);
      let index = toIntIndex(st);
      const a = it.a;
      if (a !== null) {
        if (index < 0) index = 0;
        else if (index > a.len()) index = a.len();
        it.i = index;
      }
      return None;
    }
  }
  throw unhandledBuiltin(bi.name, id);
}

export function makeArray(): PyModule {
  const m = newBuiltinModule('array');
  dictSetS(m.dict, 'array', AT.array);
  dictSetS(m.dict, 'ArrayType', AT.array);
  dictSetS(m.dict, 'typecodes', newStr(TYPECODES));
  dictSetS(m.dict, '_array_reconstructor', AT.reconstructor);
  // as CPython's array_modexec: an array is a MutableSequence to isinstance
  runAppLevel(m, REGISTER_SOURCE, 'array');
  return m;
}
const REGISTER_SOURCE = `
import collections.abc
collections.abc.MutableSequence.register(array)
del collections
`;

function newArray(t: PyType, tcO: PyObject, init: PyObject | null): PyArray {
  if (!(tcO instanceof PyStr) || cpArray(tcO.s).length !== 1) {
    throw raise(TypeError, `array() argument 1 must be a unicode character, not ${typeName(tcO)}`);
  }
  const tc = tcO.s;
  if (!TYPECODES.includes(tc)) throw raise(ValueError, 'bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)');
  const a = new PyArray(t, tc, []);
  if (init === null) return a;
  if (init instanceof PyStr) {
    if (tc !== 'u') throw raise(TypeError, `cannot use a str to initialize an array with typecode '${tc}'`);
    for (const c of cpArray(init.s)) for (const x of encode(tc, newStr(c))) a.b.push(x);
    return a;
  }
  if (init instanceof PyArray) {
    if (init.tc === 'u' && tc !== 'u') throw raise(TypeError, `cannot use a unicode array to initialize an array with typecode '${tc}'`);
    a.b = encodeAll(tc, init.items());
    return a;
  }
  if (init instanceof PyBytes) {
    fromBytes(a, init.b);
    return a;
  }
  a.b = encodeAll(tc, iterToArray(init));
  return a;
}
function fromBytes(a: PyArray, b: int[]): void {
  if (b.length % a.isz !== 0) throw raise(ValueError, 'bytes length not a multiple of item size');
  for (const x of b.slice(0)) a.b.push(x);
}
function self0(bi: PyBuiltin, args: PyObject[]): PyArray {
  const o = args.length > 0 ? args[0] : None;
  if (!(o instanceof PyArray)) throw raise(TypeError, `descriptor '${bi.name}' for 'array.array' objects doesn't apply to a '${typeName(o)}' object`);
  return o;
}
function need(args: PyObject[], i: int, fname: string): PyObject {
  if (i >= args.length) throw raise(TypeError, `${fname}() takes exactly one argument (0 given)`);
  return args[i];
}
function findItem(a: PyArray, v: PyObject, start: int, stop: int): int {
  const n = a.len();
  for (let i = start; i < stop && i < n; i++) if (pyEq(a.get(i), v)) return i;
  return -1;
}
function compareArrays(a: PyArray, b: PyArray, op: int): PyObject {
  const x = a.items();
  const y = b.items();
  const n = x.length < y.length ? x.length : y.length;
  for (let i = 0; i < n; i++) {
    if (!pyEq(x[i], y[i])) return richCompare(x[i], y[i], op);
  }
  return richCompare(newInt(x.length), newInt(y.length), op);
}

// how many arguments (without self) the methods that read them take, so that a call with the
// wrong count is CPython's TypeError before a missing argument is read
const ARRAY_ARITY: Map<string, int> = new Map<string, int>();
for (const m of ['append', 'extend', 'remove', 'count', 'frombytes', 'fromlist', 'fromunicode', 'tofile']) ARRAY_ARITY.set(m, 1);
for (const m of ['__getitem__', '__delitem__', '__contains__', '__add__', '__mul__', '__rmul__', '__iadd__', '__imul__', '__lt__', '__le__', '__gt__', '__ge__', '__deepcopy__']) ARRAY_ARITY.set(m, 1);
for (const m of ['insert', 'fromfile', '__setitem__']) ARRAY_ARITY.set(m, 2);
for (const m of ['reverse', 'byteswap', 'buffer_info', 'tobytes', 'tolist', 'tounicode', '__copy__', '__reduce__', '__sizeof__', '__len__', '__iter__']) ARRAY_ARITY.set(m, 0);
function checkArrayArity(a: PyArray, name: string, given: int): void {
  const want = ARRAY_ARITY.get(name);
  if (want === undefined || given === want) return;
  // __setitem__'s wrapper unpacks its arguments under the empty name
  if (name === '__setitem__') throw raise(TypeError, ` expected 2 arguments, got ${given}`);
  // __len__ and __iter__ are slot wrappers; the other no-argument dunders are methods
  if (want === 0 && name !== '__len__' && name !== '__iter__') throw raise(TypeError, `${typeName(a)}.${name}() takes no arguments (${given} given)`);
  if (name.startsWith('__')) throw raise(TypeError, `expected ${want} argument${want === 1 ? '' : 's'}, got ${given}`);
  if (name === 'fromfile') throw raise(TypeError, `fromfile() takes exactly 2 positional arguments (${given} given)`);
  if (name === 'extend') throw raise(TypeError, `extend() takes exactly 1 positional argument (${given} given)`);
  if (want === 1) throw raise(TypeError, `array.${name}() takes exactly one argument (${given} given)`);
  throw raise(TypeError, `${name} expected ${want} arguments, got ${given}`);
}
export function callArray(bi: PyBuiltin, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  if (bi.id === B.ARRAY_NEW) {
    const t = args[0] as PyType;
    if (kw !== null && kw.length > 0 && t === AT.array) throw raise(TypeError, 'array.array() takes no keyword arguments');
    if (n < 2) throw raise(TypeError, `array() takes at least 1 argument (0 given)`);
    if (n > 3) throw raise(TypeError, `array() takes at most 2 arguments (${n - 1} given)`);
    return newArray(t, args[1], n > 2 ? args[2] : null);
  }
  if (bi.id === B.ARRAY_RECONSTRUCT) {
    if (n !== 4) throw raise(TypeError, `_array_reconstructor expected 4 arguments, got ${n}`);
    return reconstruct(args[0], args[1], args[2], args[3]);
  }
  if (bi.id !== B.ARRAY_METHOD) throw unhandledBuiltin(bi.name, bi.id);
  const a = self0(bi, args);
  const name = bi.name;
  checkArrayArity(a, name, n - 1);
  const len = a.len();
  switch (name) {
    case 'typecode':
      return newStr(a.tc);
    case 'itemsize':
      return newInt(a.isz);
    case 'append':
      for (const x of encode(a.tc, need(args, 1, name))) a.b.push(x);
      return None;
    case 'extend':
    case '__iadd__': {
      const src = need(args, 1, name);
      if (src instanceof PyArray) {
        if (src.tc !== a.tc) {
          if (name === '__iadd__') throw raise(TypeError, 'bad argument type for built-in operation');
          throw raise(TypeError, 'can only extend with array of same kind');
        }
        for (const x of src.b.slice(0)) a.b.push(x);
      } else {
        if (name === '__iadd__') throw raise(TypeError, `can only extend array with array (not "${typeName(src)}")`);
        for (const x of encodeAll(a.tc, iterToArray(src))) a.b.push(x);
      }
      return name === 'extend' ? None : a;
    }
    case 'insert': {
      if (n < 3) throw raise(TypeError, `insert expected 2 arguments, got ${n - 1}`);
      let i = toIntIndex(args[1]);
      // the item first: an __index__ may change the array; then the length it has now
      const item = encode(a.tc, args[2]);
      const now = a.len();
      if (i < 0) i = i + now < 0 ? 0 : i + now;
      if (i > now) i = now;
      replaceRange(a.b, i * a.isz, i * a.isz, item);
      return None;
    }
    case 'pop': {
      if (n > 2) throw raise(TypeError, `pop expected at most 1 argument, got ${n - 1}`);
      if (len === 0) throw raise(IndexError, 'pop from empty array');
      let i = n > 1 ? toIntIndex(args[1]) : -1;
      if (i < 0) i += len;
      if (i < 0 || i >= len) throw raise(IndexError, 'pop index out of range');
      const v = a.get(i);
      replaceRange(a.b, i * a.isz, (i + 1) * a.isz, []);
      return v;
    }
    case 'remove': {
      const i = findItem(a, need(args, 1, name), 0, len);
      if (i < 0) throw raise(ValueError, 'array.remove(x): x not in array');
      replaceRange(a.b, i * a.isz, (i + 1) * a.isz, []);
      return None;
    }
    case 'index': {
      let start = n > 2 ? toIntIndex(args[2]) : 0;
      let stop = n > 3 ? toIntIndex(args[3]) : len;
      if (start < 0) start = start + len < 0 ? 0 : start + len;
      if (stop < 0) stop = stop + len < 0 ? 0 : stop + len;
      const i = findItem(a, need(args, 1, name), start, stop);
      if (i < 0) throw raise(ValueError, 'array.index(x): x not in array');
      return newInt(i);
    }
    case 'count': {
      const v = need(args, 1, name);
      let c = 0;
      for (const x of a.items()) if (pyEq(x, v)) c++;
      return newInt(c);
    }
    case '__contains__':
      return findItem(a, need(args, 1, name), 0, len) >= 0 ? True : False;
    case 'reverse': {
      const old = a.b.slice(0);
      for (let i = 0; i < len; i++) for (let q = 0; q < a.isz; q++) a.b[i * a.isz + q] = old[(len - 1 - i) * a.isz + q];
      return None;
    }
    case 'byteswap': {
      if (a.tc === 'b' || a.tc === 'B') return None;
      for (let i = 0; i < len; i++) {
        const at = i * a.isz;
        const one = a.b.slice(at, at + a.isz);
        for (let q = 0; q < a.isz; q++) a.b[at + q] = one[a.isz - 1 - q];
      }
      return None;
    }
    case 'buffer_info':
      return newTuple([newInt(objId(a)), newInt(len)]);
    case 'tobytes':
      return new PyBytes(bytesType, a.b.slice(0));
    case 'frombytes': {
      const data = bytesLike(need(args, 1, name));
      if (data === null) throw raise(TypeError, `a bytes-like object is required, not '${typeName(args[1])}'`);
      fromBytes(a, data);
      return None;
    }
    case 'tolist':
      return newList(a.items());
    case 'fromlist': {
      const src = need(args, 1, name);
      if (!(src instanceof PyList)) throw raise(TypeError, 'arg must be list');
      // all or nothing, as CPython
      const add = encodeAll(a.tc, src.items.slice(0));
      for (const x of add) a.b.push(x);
      return None;
    }
    case 'tounicode':
      if (a.tc !== 'u') throw raise(ValueError, 'tounicode() may only be called on unicode type arrays');
      return newStr(unicodeOf(a));
    case 'fromunicode': {
      const s = need(args, 1, name);
      if (!(s instanceof PyStr)) throw raise(TypeError, `fromunicode() argument must be str, not ${typeName(s)}`);
      if (a.tc !== 'u') throw raise(ValueError, 'fromunicode() may only be called on unicode type arrays');
      for (const c of cpArray(s.s)) for (const x of encode('u', newStr(c))) a.b.push(x);
      return None;
    }
    case 'tofile': {
      const f = need(args, 1, name);
      callObj(getAttr(f, 'write'), [new PyBytes(bytesType, a.b.slice(0))], null);
      return None;
    }
    case 'fromfile': {
      if (n < 3) throw raise(TypeError, `fromfile() takes exactly 2 arguments (${n - 1} given)`);
      const k = toIntIndex(args[2]);
      if (k < 0) throw raise(ValueError, 'negative count');
      const want = k * a.isz;
      const got = bytesLike(callObj(getAttr(args[1], 'read'), [newInt(want)], null));
      if (got === null) throw raise(TypeError, 'read() didn\'t return bytes');
      const whole = got.length - (got.length % a.isz);
      for (let i = 0; i < whole; i++) a.b.push(got[i]);
      if (got.length < want) throw raise(EOFError, 'read() didn\'t return enough bytes');
      return None;
    }
    case '__setitem__': {
      const k = args[1];
      const v = args[2];
      if (k instanceof PySlice) {
        if (!(v instanceof PyArray)) throw raise(TypeError, `can only assign array (not "${typeName(v)}") to array slice`);
        if (v.tc !== a.tc) throw raise(TypeError, 'bad argument type for built-in operation');
        const ix = sliceIndices(k, len);
        const data = v.b.slice(0);
        if (ix[2] === 1) {
          replaceRange(a.b, ix[0] * a.isz, (ix[0] + ix[3]) * a.isz, data);
          return None;
        }
        if (v.len() !== ix[3]) throw raise(ValueError, `attempt to assign array of size ${v.len()} to extended slice of size ${ix[3]}`);
        for (let j = 0; j < ix[3]; j++) for (let q = 0; q < a.isz; q++) a.b[(ix[0] + j * ix[2]) * a.isz + q] = data[j * a.isz + q];
        return None;
      }
      // the value first: its __index__ may change the array, whose length then counts
      const one = encode(a.tc, v);
      const i = indexIn(k, a.len(), 'array assignment index out of range');
      for (let q = 0; q < a.isz; q++) a.b[i * a.isz + q] = one[q];
      return None;
    }
    case '__delitem__': {
      const k = args[1];
      if (k instanceof PySlice) {
        const ix = sliceIndices(k, len);
        const gone: boolean[] = [];
        for (let j = 0; j < len; j++) gone.push(false);
        for (let j = 0; j < ix[3]; j++) gone[ix[0] + j * ix[2]] = true;
        const keep: int[] = [];
        for (let j = 0; j < len; j++) if (!gone[j]) for (let q = 0; q < a.isz; q++) keep.push(a.b[j * a.isz + q]);
        replaceRange(a.b, 0, a.b.length, keep);
        return None;
      }
      const i = indexIn(k, len, 'array assignment index out of range');
      replaceRange(a.b, i * a.isz, (i + 1) * a.isz, []);
      return None;
    }
    case '__iter__':
      return new PyArrayIter(a);
    case '__len__':
      return newInt(len);
    case '__getitem__':
      return a.nativeGetItem(need(args, 1, name)) as PyObject;
    case '__add__': {
      const o = need(args, 1, name);
      if (!(o instanceof PyArray)) throw raise(TypeError, `can only append array (not "${typeName(o)}") to array`);
      if (o.tc !== a.tc) throw raise(TypeError, 'bad argument type for built-in operation');
      const b = a.b.slice(0);
      for (const x of o.b) b.push(x);
      return new PyArray(AT.array, a.tc, b);
    }
    case '__mul__':
    case '__rmul__':
    case '__imul__': {
      // the sequence-repeat slot: any index is a count, anything else CPython's TypeError (the
      // * operator reaches here only with an index, see binaryOp)
      const o = need(args, 1, name);
      if (!(o instanceof PyInt) && (o.cls.isBuiltin || lookupType(o.cls, '__index__') === null)) {
        throw raise(TypeError, `'${typeName(o)}' object cannot be interpreted as an integer`);
      }
      const k = o instanceof PyInt ? repeatCount(o) : toIntIndex(o);
      if (k > 0) checkRepeat(a.b.length, k, MAX_SEQ_ITEMS);
      const one = a.b.slice(0);
      const out: int[] = name === '__imul__' ? a.b : [];
      out.length = 0;
      if (one.length > 0) for (let r = 0; r < k; r++) for (const x of one) out.push(x);
      return name === '__imul__' ? a : new PyArray(AT.array, a.tc, out);
    }
    case '__lt__':
    case '__le__':
    case '__gt__':
    case '__ge__': {
      const o = need(args, 1, name);
      if (!(o instanceof PyArray)) return NotImplemented;
      const op = name === '__lt__' ? A.CMP_LT : name === '__le__' ? A.CMP_LE : name === '__gt__' ? A.CMP_GT : A.CMP_GE;
      return compareArrays(a, o, op);
    }
    case '__copy__':
    case '__deepcopy__':
      // a plain array, as CPython's (a slice of the whole)
      return new PyArray(AT.array, a.tc, a.b.slice(0));
    case '__reduce_ex__': {
      // protocols below 3 rebuild from a list; 3 and up from the bytes, as CPython
      // the state is the instance __dict__ (a subclass's attributes), None when there is none
      const proto = n > 1 ? toIntIndex(args[1]) : 0;
      const state = getAttrOrNull(a, '__dict__');
      const st = state === null ? None : state;
      if (proto < 3) return newTuple([a.cls, newTuple([newStr(a.tc), newList(a.items())]), st]);
      return newTuple([AT.reconstructor, newTuple([a.cls, newStr(a.tc), newInt(mformatCode(a.tc)), new PyBytes(bytesType, a.b.slice(0))]), st]);
    }
  }
  throw unhandledBuiltin(name, bi.id);
}
import { EOFError, StopIteration, PyExc, PyBaseExc, L_NATIVE } from '../objects/core.ts';

// ---- _array_reconstructor: an array from its bytes in a machine format (pickles from other
// machines) ----
/** CPython's mformat_descriptors: [item size, signed, big-endian] by machine format code, 0
 * (UNSIGNED_INT8) to 21 (UTF32_BE); the UTF-16 and UTF-32 sizes are CPython's too. */
const MFORMATS: int[][] = [
  [1, 0, 0], [1, 1, 0], [2, 0, 0], [2, 0, 1], [2, 1, 0], [2, 1, 1], [4, 0, 0], [4, 0, 1], [4, 1, 0], [4, 1, 1],
  [8, 0, 0], [8, 0, 1], [8, 1, 0], [8, 1, 1], [4, 0, 0], [4, 0, 1], [8, 0, 0], [8, 0, 1], [4, 0, 0], [4, 0, 1], [8, 0, 0], [8, 0, 1],
];
const MF_FLOAT_LE = 14;
const MF_DOUBLE_BE = 17;
const MF_UTF16_LE = 18;
const UTF_CODECS: string[] = ['utf-16-le', 'utf-16-be', 'utf-32-le', 'utf-32-be'];
/** The struct format of a standard-size integer of size bytes. */
function intFormat(size: int, signed: boolean): string {
  if (size === 1) return signed ? 'b' : 'B';
  if (size === 2) return signed ? 'h' : 'H';
  if (size === 4) return signed ? 'i' : 'I';
  return signed ? 'q' : 'Q';
}
function reconstruct(t: PyObject, tcO: PyObject, mfO: PyObject, items: PyObject): PyObject {
  if (!(tcO instanceof PyStr) || cpArray(tcO.s).length !== 1) throw raise(TypeError, `_array_reconstructor() argument 2 must be a unicode character, not ${typeName(tcO)}`);
  if (!(mfO instanceof PyInt) && (mfO.cls.isBuiltin || lookupType(mfO.cls, '__index__') === null)) throw raise(TypeError, `'${typeName(mfO)}' object cannot be interpreted as an integer`);
  const mfInt = mfO instanceof PyInt ? mfO : (callObj(getAttr(mfO, '__index__'), [], null) as PyInt);
  if (bigOf(mfInt) !== null || mfInt.v > 2147483647 || mfInt.v < -2147483648) throw raise(OverflowErrorT, 'Python int too large to convert to C int');
  const mf = mfInt.v;
  if (!(t instanceof PyType)) throw raise(TypeError, `first argument must be a type object, not ${typeName(t)}`);
  if (!(t === AT.array || isSubtype(t, AT.array))) throw raise(TypeError, `${t.name} is not a subtype of array.array`);
  const tc = tcO.s;
  if (!TYPECODES.includes(tc)) throw raise(ValueError, 'second argument must be a valid type code');
  if (mf < 0 || mf >= MFORMATS.length) throw raise(ValueError, 'third argument must be a valid machine format code.');
  if (!(items instanceof PyBytes) || items.cls !== bytesType) throw raise(TypeError, `fourth argument should be bytes, not ${typeName(items)}`);
  const data = items.b;
  // this machine's own format: the bytes as they are
  if (mf === mformatCode(tc)) {
    const a = new PyArray(t, tc, []);
    fromBytes(a, data);
    return a;
  }
  const d = MFORMATS[mf];
  const size = d[0];
  if (data.length % size !== 0) throw raise(ValueError, 'string length not a multiple of item size');
  if (mf >= MF_UTF16_LE) {
    const s = callObj(getAttr(items, 'decode'), [newStr(UTF_CODECS[mf - MF_UTF16_LE])], null);
    return newArray(t, tcO, s);
  }
  const values: PyObject[] = [];
  for (let at = 0; at < data.length; at += size) {
    // each item in little-endian order, read as the standard-size format of its kind
    const one = data.slice(at, at + size);
    if (d[2] === 1) one.reverse();
    let fmt = '';
    if (mf >= MF_FLOAT_LE && mf <= MF_DOUBLE_BE) fmt = size === 4 ? 'f' : 'd';
    else fmt = intFormat(size, d[1] === 1);
    values.push(readItem(one, 0, fmt));
  }
  if (mf >= MF_FLOAT_LE) return newArray(t, tcO, newList(values));
  // integers go into the typecode of the same size and signedness (the last such in CPython's
  // table), whatever typecode was asked for
  let intTc = tc;
  for (let k = 0; k < TYPECODES.length; k++) {
    const c = TYPECODES[k];
    if (c === 'u' || c === 'f' || c === 'd') continue;
    if (itemSize(c) === size && isUnsignedFormat(c) === (d[1] === 0)) intTc = c;
  }
  return newArray(t, newStr(intTc), newList(values));
}
import { dictGetS } from '../objects/dict.ts';
import { VM } from '../interpreter/state.ts';
import { runAppLevel } from './applevel.ts';
/** CPython's machine format codes (arraymodule.c enum machine_format_code) on a
 * little-endian 64-bit machine: what _array_reconstructor receives. */
function mformatCode(tc: string): int {
  const codes = 'BbH?h?I?i?LQlq';
  if (tc === 'f') return 14;
  if (tc === 'd') return 16;
  if (tc === 'u') return 20;
  const k = codes.indexOf(tc);
  // B 0, b 1, H 2, h 4, I 6, i 8, L/Q 10, l/q 12
  if (k >= 10) return k < 12 ? 10 : 12;
  return k;
}
