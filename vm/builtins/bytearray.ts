// bytearray: a mutable bytes, a PyBytes whose array changes in place (memoryviews share it, see
// memoryview.ts). Reading operations (len, indexing, iteration, comparison, `in`, +) are the
// runtime's PyBytes paths and the shared methods are bytesmethods.ts; here are the constructor
// and what mutates.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyType, PyBytes, PyBytesSub, PyStr, PyInt, PySlice, typeType, objectType, newInt, newStr, raise, None, TypeError, ValueError, IndexError, L_NONE } from '../objects/core.ts';
import { B, FAM_BYTEARRAY } from './ids.ts';
import { npos, arg, defMethod, mkBuiltin, unhandledBuiltin } from './args.ts';
import { iterToArray, toIntIndex, typeName, sliceIndices, hex2, lookupType } from '../interpreter/runtime.ts';
import { bytesDecodeMethod } from '../modules/codecs/module.ts';
import { bytesLike } from './buffer.ts';
import { initBytesMethods, bytesSource, byteOf } from './bytesmethods.ts';
import { MVT } from './memoryview.ts';
import { registerIfFinalizable } from '../modules/finalize.ts';

function builtinLike(name: string): PyType {
  const t = new PyType(typeType, name);
  t.bases.push(objectType);
  t.mro = [t, objectType];
  t.layout = L_NONE;
  // not isBuiltin: the runtime calls its item assignment and repr methods as a class's
  t.isBuiltin = false;
  return t;
}
class ByteTypes {
  bytearray: PyType = builtinLike('bytearray');
  memoryview: PyType = MVT.memoryview;
}
export const BT = new ByteTypes();

const BA_METHODS: string[] = ['__init__', 'append', 'extend', 'pop', 'insert', 'remove', 'clear', 'reverse', 'copy', '__setitem__', '__delitem__', '__iadd__', '__imul__', '__repr__', 'decode', '__alloc__'];
const BA_IDS: int[] = [B.BYTEARRAY_INIT, B.BYTEARRAY_APPEND, B.BYTEARRAY_EXTEND, B.BYTEARRAY_POP, B.BYTEARRAY_INSERT, B.BYTEARRAY_REMOVE, B.BYTEARRAY_CLEAR, B.BYTEARRAY_REVERSE, B.BYTEARRAY_COPY, B.BYTEARRAY_SETITEM, B.BYTEARRAY_DELITEM, B.BYTEARRAY_IADD, B.BYTEARRAY_IMUL, B.BYTEARRAY_REPR, B.BYTEARRAY_DECODE, B.BYTEARRAY_ALLOC];
for (let i = 0; i < BA_METHODS.length; i++) defMethod(BT.bytearray, BA_METHODS[i], BA_IDS[i], FAM_BYTEARRAY);
BT.bytearray.dict.set('__new__', mkBuiltin('__new__', B.BYTEARRAY_NEW, false, FAM_BYTEARRAY));
BT.bytearray.dict.set('__hash__', None);
initBytesMethods(BT.bytearray);

/** The bytes of what bytearray(), extend() and += take: an int count, a buffer, or ints. */
function bytesFrom(x: PyObject, what: string): int[] {
  const b = bytesLike(x);
  if (b !== null) return b.slice(0);
  if (what === 'iadd') throw raise(TypeError, `can't concat ${typeName(x)} to bytearray`);
  if (what === 'slice' && x instanceof PyStr) throw raise(TypeError, `can assign only bytes, buffers, or iterables of ints in range(0, 256)`);
  const out: int[] = [];
  for (const v of iterToArray(x)) out.push(byteValue(v));
  return out;
}
function byteValue(v: PyObject): int {
  return byteOf(v, 'byte must be in range(0, 256)');
}
function self(args: PyObject[]): PyBytes {
  const o = args[0];
  if (!(o instanceof PyBytes)) throw raise(TypeError, `descriptor requires a 'bytearray' object but received '${typeName(o)}'`);
  return o;
}
/** An item key that is not a slice: an int or an object with __index__. */
function indexKey(k: PyObject): int {
  if (!(k instanceof PyInt) && (k.cls.isBuiltin || lookupType(k.cls, '__index__') === null)) {
    throw raise(TypeError, `bytearray indices must be integers or slices, not ${typeName(k)}`);
  }
  return toIntIndex(k);
}
function index(o: PyBytes, k: PyObject, msg: string = 'bytearray index out of range'): int {
  let i = toIntIndex(k);
  if (i < 0) i += o.b.length;
  if (i < 0 || i >= o.b.length) throw raise(IndexError, msg);
  return i;
}
/** CPython's bytearray repr: as bytes', except that a single quote is always escaped */
function bytearrayRepr(o: PyBytes): string {
  let hasSq = false;
  let hasDq = false;
  for (const c of o.b) {
    if (c === 39) hasSq = true;
    if (c === 34) hasDq = true;
  }
  const q = hasSq && !hasDq ? '"' : "'";
  const out: string[] = [o.cls.name, '(b', q];
  for (const c of o.b) {
    if (c === 39 || c === 92) out.push('\\' + String.fromCharCode(c));
    else if (c === 10) out.push('\\n');
    else if (c === 13) out.push('\\r');
    else if (c === 9) out.push('\\t');
    else if (c < 32 || c >= 127) out.push('\\x' + hex2(c));
    else out.push(String.fromCharCode(c));
  }
  out.push(q);
  out.push(')');
  return out.join('');
}
/** Replaces b[start:stop] by items in place (the array stays the one views share). */
function splice(b: int[], start: int, stop: int, items: int[]): void {
  // moves the tail once, in place: asyncio deletes what each send() took from the front of
  // its write buffer, and a copy of the tail per call made that quadratic in a large buffer
  const n = b.length;
  const grow = items.length - (stop - start);
  if (grow > 0) {
    for (let j = 0; j < grow; j++) b.push(0);
    for (let j = n - 1; j >= stop; j--) b[j + grow] = b[j];
  } else if (grow < 0) {
    for (let j = stop; j < n; j++) b[j + grow] = b[j];
    b.length = n + grow;
  }
  for (let j = 0; j < items.length; j++) b[start + j] = items[j];
}

export function callBytearray(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  switch (id) {
    case B.BYTEARRAY_NEW: {
      const t = args[0];
      if (!(t instanceof PyType) || t === BT.bytearray) return new PyBytes(BT.bytearray, []);
      const sub = new PyBytesSub(t, []);
      // an instance of a subclass with __del__ is finalized once a collection finds it dead
      registerIfFinalizable(t, sub);
      return sub;
    }
  }
  const o = self(args);
  switch (id) {
    case B.BYTEARRAY_INIT: {
      const items = bytesSource(arg(args, kw, 1, 'source'), arg(args, kw, 2, 'encoding'), arg(args, kw, 3, 'errors'), false);
      o.b.length = 0;
      for (const x of items) o.b.push(x);
      return None;
    }
    case B.BYTEARRAY_APPEND:
      o.b.push(byteValue(args[1]));
      return None;
    case B.BYTEARRAY_EXTEND:
    case B.BYTEARRAY_IADD: {
      for (const x of bytesFrom(args[1], id === B.BYTEARRAY_IADD ? 'iadd' : 'extend')) o.b.push(x);
      return id === B.BYTEARRAY_IADD ? o : None;
    }
    case B.BYTEARRAY_IMUL: {
      const k = toIntIndex(args[1]);
      const one = o.b.slice(0);
      o.b.length = 0;
      for (let r = 0; r < k; r++) for (const x of one) o.b.push(x);
      return o;
    }
    case B.BYTEARRAY_ALLOC:
      return newInt(o.b.length + 1);
    case B.BYTEARRAY_POP: {
      if (o.b.length === 0) throw raise(IndexError, 'pop from empty bytearray');
      const i = n > 1 ? index(o, args[1], 'pop index out of range') : o.b.length - 1;
      const v = o.b[i];
      splice(o.b, i, i + 1, []);
      return newInt(v);
    }
    case B.BYTEARRAY_INSERT: {
      let i = toIntIndex(args[1]);
      // the item first: its __index__ may change the bytearray (as CPython's converter runs first)
      const item = byteValue(args[2]);
      if (i < 0) i = Math.max(0, i + o.b.length);
      if (i > o.b.length) i = o.b.length;
      splice(o.b, i, i, [item]);
      return None;
    }
    case B.BYTEARRAY_REMOVE: {
      const v = byteValue(args[1]);
      const i = o.b.indexOf(v);
      if (i < 0) throw raise(ValueError, 'value not found in bytearray');
      splice(o.b, i, i + 1, []);
      return None;
    }
    case B.BYTEARRAY_CLEAR:
      o.b.length = 0;
      return None;
    case B.BYTEARRAY_REVERSE:
      o.b.reverse();
      return None;
    case B.BYTEARRAY_COPY:
      return new PyBytes(BT.bytearray, o.b.slice(0));
    case B.BYTEARRAY_SETITEM: {
      const k = args[1];
      const v = args[2];
      // the new items are read before the bounds are taken, as their __index__ may resize it
      if (k instanceof PySlice) {
        if (v instanceof PyInt) throw raise(TypeError, 'can assign only bytes, buffers, or iterables of ints in range(0, 256)');
        const items = bytesFrom(v, 'slice');
        const ix = sliceIndices(k, o.b.length);
        if (ix[2] === 1) {
          splice(o.b, ix[0], ix[0] + (ix[3] > 0 ? ix[3] : 0), items);
          return None;
        }
        if (items.length !== ix[3]) throw raise(ValueError, `attempt to assign bytes of size ${items.length} to extended slice of size ${ix[3]}`);
        for (let j = 0; j < ix[3]; j++) o.b[ix[0] + j * ix[2]] = items[j];
        return None;
      }
      const ki = indexKey(k);
      const byte = byteValue(v);
      o.b[index(o, newInt(ki))] = byte;
      return None;
    }
    case B.BYTEARRAY_DELITEM: {
      const k = args[1];
      if (k instanceof PySlice) {
        const ix = sliceIndices(k, o.b.length);
        if (ix[2] === 1) {
          if (ix[3] > 0) splice(o.b, ix[0], ix[0] + ix[3], []);
          return None;
        }
        const gone: boolean[] = [];
        for (let j = 0; j < o.b.length; j++) gone.push(false);
        for (let j = 0; j < ix[3]; j++) gone[ix[0] + j * ix[2]] = true;
        const keep: int[] = [];
        for (let j = 0; j < o.b.length; j++) if (!gone[j]) keep.push(o.b[j]);
        splice(o.b, 0, o.b.length, keep);
        return None;
      }
      const i = index(o, newInt(indexKey(k)));
      splice(o.b, i, i + 1, []);
      return None;
    }
    case B.BYTEARRAY_REPR:
      return newStr(bytearrayRepr(o));
    case B.BYTEARRAY_DECODE:
      return bytesDecodeMethod(args, kw);
  }
  throw unhandledBuiltin('bytearray method', id);
}
