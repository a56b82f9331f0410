// bytearray (a mutable bytes: a PyBytes whose array changes in place) and memoryview (a
// PyBytes sharing the array of the object it views, so writes to a bytearray show through it).
// Reading operations (len, indexing, iteration, comparison, `in`, +) are the runtime's PyBytes
// paths; here are the constructors and what mutates.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyType, PyBytes, PyStr, PyInt, PySlice, typeType, objectType, bytesType, newInt, newStr, newList, raise, None, TypeError, ValueError, IndexError, L_NONE } from '../objects/core.ts';
import { B, FAM_BYTEARRAY } from './ids.ts';
import { npos, arg, defMethod, mkBuiltin, unhandledBuiltin } from './args.ts';
import { iterToArray, toIntIndex, typeName, sliceIndices, repr, hex2 } from '../interpreter/runtime.ts';
import { encodeSource, bytesDecodeMethod } from '../modules/codecs/module.ts';

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
  memoryview: PyType = builtinLike('memoryview');
}
export const BT = new ByteTypes();

const BA_METHODS: string[] = ['__init__', 'append', 'extend', 'pop', 'insert', 'remove', 'clear', 'reverse', 'copy', '__setitem__', '__delitem__', '__iadd__', '__repr__', 'decode', 'hex'];
const BA_IDS: int[] = [B.BYTEARRAY_INIT, B.BYTEARRAY_APPEND, B.BYTEARRAY_EXTEND, B.BYTEARRAY_POP, B.BYTEARRAY_INSERT, B.BYTEARRAY_REMOVE, B.BYTEARRAY_CLEAR, B.BYTEARRAY_REVERSE, B.BYTEARRAY_COPY, B.BYTEARRAY_SETITEM, B.BYTEARRAY_DELITEM, B.BYTEARRAY_IADD, B.BYTEARRAY_REPR, B.BYTEARRAY_DECODE, B.BYTEARRAY_HEX];
for (let i = 0; i < BA_METHODS.length; i++) defMethod(BT.bytearray, BA_METHODS[i], BA_IDS[i], FAM_BYTEARRAY);
BT.bytearray.dict.set('__new__', mkBuiltin('__new__', B.BYTEARRAY_NEW, false, FAM_BYTEARRAY));
BT.bytearray.dict.set('__hash__', None);
const MV_METHODS: string[] = ['tobytes', 'tolist', 'release', '__enter__', '__exit__', '__repr__', '__setitem__', 'hex'];
const MV_IDS: int[] = [B.MEMORYVIEW_TOBYTES, B.MEMORYVIEW_TOLIST, B.MEMORYVIEW_RELEASE, B.MEMORYVIEW_ENTER, B.MEMORYVIEW_EXIT, B.MEMORYVIEW_REPR, B.BYTEARRAY_SETITEM, B.BYTEARRAY_HEX];
for (let i = 0; i < MV_METHODS.length; i++) defMethod(BT.memoryview, MV_METHODS[i], MV_IDS[i], FAM_BYTEARRAY);
BT.memoryview.dict.set('__new__', mkBuiltin('__new__', B.MEMORYVIEW_NEW, false, FAM_BYTEARRAY));

/** The bytes of what bytearray(), extend() and += take: an int count, a buffer, or ints. */
function bytesFrom(x: PyObject, what: string): int[] {
  if (x instanceof PyBytes) return x.b.slice(0);
  if (x instanceof PyStr) throw raise(TypeError, what === 'init' ? 'string argument without an encoding' : `can't extend bytearray with str`);
  const out: int[] = [];
  for (const v of iterToArray(x)) out.push(byteValue(v));
  return out;
}
function byteValue(v: PyObject): int {
  if (!(v instanceof PyInt)) throw raise(TypeError, `'${typeName(v)}' object cannot be interpreted as an integer`);
  const c = toIntIndex(v);
  if (c < 0 || c > 255) throw raise(ValueError, 'byte must be in range(0, 256)');
  return c;
}
function self(args: PyObject[]): PyBytes {
  const o = args[0];
  if (!(o instanceof PyBytes)) throw raise(TypeError, `descriptor requires a 'bytearray' object but received '${typeName(o)}'`);
  return o;
}
function index(o: PyBytes, k: PyObject): int {
  let i = toIntIndex(k);
  if (i < 0) i += o.b.length;
  if (i < 0 || i >= o.b.length) throw raise(IndexError, 'bytearray index out of range');
  return i;
}
/** Replaces b[start:stop] by items in place (the array stays the one views share). */
function splice(b: int[], start: int, stop: int, items: int[]): void {
  const tail = b.slice(stop);
  b.length = start;
  for (const x of items) b.push(x);
  for (const x of tail) b.push(x);
}

export function callBytearray(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  switch (id) {
    case B.BYTEARRAY_NEW: {
      const t = args[0];
      return new PyBytes(t instanceof PyType ? t : BT.bytearray, []);
    }
    case B.MEMORYVIEW_NEW: {
      const src = arg(args, kw, 1, 'object');
      if (src === null) throw raise(TypeError, "memoryview() missing required argument 'object' (pos 1)");
      if (!(src instanceof PyBytes)) throw raise(TypeError, `memoryview: a bytes-like object is required, not '${typeName(src)}'`);
      return new PyBytes(BT.memoryview, src.b);
    }
  }
  const o = self(args);
  switch (id) {
    case B.BYTEARRAY_INIT: {
      const src = arg(args, kw, 1, 'source');
      const enc = arg(args, kw, 2, 'encoding');
      o.b.length = 0;
      if (src === null) return None;
      let items: int[] = [];
      if (src instanceof PyStr) {
        items = encodeSource(src, args, kw, 2, 'bytearray');
      } else if (src instanceof PyInt) {
        const k = toIntIndex(src);
        if (k < 0) throw raise(ValueError, 'negative count');
        for (let i = 0; i < k; i++) items.push(0);
      } else items = bytesFrom(src, 'init');
      for (const x of items) o.b.push(x);
      return None;
    }
    case B.BYTEARRAY_APPEND:
      o.b.push(byteValue(args[1]));
      return None;
    case B.BYTEARRAY_EXTEND:
    case B.BYTEARRAY_IADD: {
      for (const x of bytesFrom(args[1], 'extend')) o.b.push(x);
      return id === B.BYTEARRAY_IADD ? o : None;
    }
    case B.BYTEARRAY_POP: {
      if (o.b.length === 0) throw raise(IndexError, 'pop from empty bytearray');
      const i = n > 1 ? index(o, args[1]) : o.b.length - 1;
      const v = o.b[i];
      splice(o.b, i, i + 1, []);
      return newInt(v);
    }
    case B.BYTEARRAY_INSERT: {
      let i = toIntIndex(args[1]);
      if (i < 0) i = Math.max(0, i + o.b.length);
      if (i > o.b.length) i = o.b.length;
      splice(o.b, i, i, [byteValue(args[2])]);
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
      if (k instanceof PySlice) {
        const ix = sliceIndices(k, o.b.length);
        const items = v instanceof PyInt ? [] : bytesFrom(v, 'extend');
        if (ix[2] === 1) {
          if (o.cls === BT.memoryview && items.length !== ix[3]) throw raise(ValueError, 'memoryview assignment: lvalue and rvalue have different structures');
          splice(o.b, ix[0], ix[0] + ix[3], items);
          return None;
        }
        if (items.length !== ix[3]) throw raise(ValueError, `attempt to assign bytes of size ${items.length} to extended slice of size ${ix[3]}`);
        for (let j = 0; j < ix[3]; j++) o.b[ix[0] + j * ix[2]] = items[j];
        return None;
      }
      o.b[index(o, k)] = byteValue(v);
      return None;
    }
    case B.BYTEARRAY_DELITEM: {
      const k = args[1];
      if (k instanceof PySlice) {
        const ix = sliceIndices(k, o.b.length);
        const gone: boolean[] = [];
        for (let j = 0; j < o.b.length; j++) gone.push(false);
        for (let j = 0; j < ix[3]; j++) gone[ix[0] + j * ix[2]] = true;
        const keep: int[] = [];
        for (let j = 0; j < o.b.length; j++) if (!gone[j]) keep.push(o.b[j]);
        splice(o.b, 0, o.b.length, keep);
        return None;
      }
      const i = index(o, k);
      splice(o.b, i, i + 1, []);
      return None;
    }
    case B.BYTEARRAY_REPR:
      return newStr(`bytearray(${repr(new PyBytes(bytesType, o.b))})`);
    case B.BYTEARRAY_DECODE:
      return bytesDecodeMethod(args, kw);
    case B.BYTEARRAY_HEX: {
      const parts: string[] = [];
      for (const c of o.b) parts.push(hex2(c));
      return newStr(parts.join(''));
    }
    case B.MEMORYVIEW_TOBYTES:
      return new PyBytes(bytesType, o.b.slice(0));
    case B.MEMORYVIEW_TOLIST: {
      const items: PyObject[] = [];
      for (const c of o.b) items.push(newInt(c));
      return newList(items);
    }
    case B.MEMORYVIEW_RELEASE:
    case B.MEMORYVIEW_EXIT:
      return None;
    case B.MEMORYVIEW_ENTER:
      return o;
    case B.MEMORYVIEW_REPR:
      return newStr('<memory>');
  }
  throw unhandledBuiltin('bytearray method', id);
}
