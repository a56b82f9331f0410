// The buffer protocol: the one place that knows which objects are bytes-like (bytes, bytearray,
// memoryview, array.array) and how their bytes are reached, so that bytes(), bytearray(),
// memoryview(), bytes methods, struct, binascii and io accept the same objects CPython does.
// Also the element codec of the native struct formats that memoryview and array share.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyBufferObject, BufRef, PyBytes, PyInt, bytesType, newInt, newFloat, True, False, raise, TypeError, NotImplementedError, bigOf } from '../objects/core.ts';
import { isSubtype, typeName } from '../interpreter/runtime.ts';
import { packNativeInt, unpackNativeInt, packNativeFloat, unpackNativeFloat } from '../modules/struct.ts';

export function isBytesType(o: PyObject): boolean {
  return o.cls === bytesType || isSubtype(o.cls, bytesType);
}

/** The exported bytes of o, or null when o does not support the buffer protocol. */
export function bufferRef(o: PyObject): BufRef | null {
  if (o instanceof PyBytes) return new BufRef(o.b, 0, o.b.length, isBytesType(o));
  if (o instanceof PyBufferObject) return o.bufRef();
  return null;
}

/** The bytes of a bytes-like object, or null. The array of a bytes or bytearray is returned
 * itself: callers read it and must not change it. */
export function bytesLike(o: PyObject): int[] | null {
  if (o instanceof PyBytes) return o.b;
  if (o instanceof PyBufferObject) {
    const r = o.bufRef();
    if (r.off === 0 && r.len === r.arr.length) return r.arr;
    return r.arr.slice(r.off, r.off + r.len);
  }
  return null;
}

/** bytesLike, or CPython's TypeError for an argument that must be bytes-like. */
export function needBytesLike(o: PyObject): int[] {
  const b = bytesLike(o);
  if (b === null) throw raise(TypeError, `a bytes-like object is required, not '${typeName(o)}'`);
  return b;
}

/** A writable buffer (pack_into, readinto), or CPython's TypeError. */
export function writableRef(o: PyObject): BufRef {
  const r = bufferRef(o);
  if (r === null || r.readonly) throw raise(TypeError, `argument must be read-write bytes-like object, not ${typeName(o)}`);
  return r;
}

// ---- the native struct formats of single items (little-endian, 64-bit sizes) ----
/** The size of one item of format c, or 0 when memoryview and array do not know it. */
export function itemSize(c: string): int {
  switch (c) {
    case 'B':
    case 'b':
    case 'c':
    case '?':
      return 1;
    case 'h':
    case 'H':
      return 2;
    case 'i':
    case 'I':
    case 'f':
    case 'u':
    case 'w':
      return 4;
    case 'l':
    case 'L':
    case 'q':
    case 'Q':
    case 'd':
    case 'n':
    case 'N':
    case 'P':
      return 8;
  }
  return 0;
}
export function isIntFormat(c: string): boolean {
  return 'bBhHiIlLqQnNP'.includes(c);
}
export function isUnsignedFormat(c: string): boolean {
  return 'BHILQNP'.includes(c);
}
export function readItem(arr: int[], at: int, c: string): PyObject {
  switch (c) {
    case 'w':
      // array('u') exports UCS-4 items, which memoryview cannot unpack (as CPython)
      throw raise(NotImplementedError, 'memoryview: format w not supported');
    case 'B':
      return newInt(arr[at]);
    case 'b':
      return newInt(arr[at] >= 128 ? arr[at] - 256 : arr[at]);
    case 'c':
      return new PyBytes(bytesType, [arr[at]]);
    case '?':
      return arr[at] !== 0 ? True : False;
    case 'f':
    case 'd':
      return newFloat(unpackNativeFloat(arr, at, c));
  }
  return unpackNativeInt(arr, at, c, itemSize(c));
}
/** Stores v, already checked to fit format c (memoryview.ts checkItem, array.ts checkValue), at arr[at..]. */
export function writeItem(arr: int[], at: int, c: string, v: PyObject): void {
  if (c === 'f' || c === 'd') {
    packNativeFloat(arr, at, c, v);
    return;
  }
  if (c === 'c') {
    arr[at] = (v as PyBytes).b[0];
    return;
  }
  if (c === '?') {
    arr[at] = v === True || (v instanceof PyInt && (v.v !== 0 || bigOf(v) !== null)) ? 1 : 0;
    return;
  }
  packNativeInt(arr, at, c, itemSize(c), v);
}
