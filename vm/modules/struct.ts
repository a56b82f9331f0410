// The _struct module: conversion between Python values and C structs packed in bytes, for
// every format character and byte order, with CPython's errors (struct.error). Native mode
// ('@') uses the sizes and alignment of the 64-bit targets pyvm is built for, and the byte
// order sys.byteorder reports (little).
import type { int, float } from '../../translate/rlib/index.ts';
import { floorDiv, floorMod, toFloat, toInt } from '../../translate/rlib/index.ts';
import {
  PyObject, PyModule, PyType, PyNative, PyProperty, propertyType, PyInt, PyFloat, PyStr, PyBytes, typeType, bytesType, newInt, newFloat, newStr,
  newTuple, raise, None, True, False, TypeError, Exception, OverflowErrorT, intType, L_EXC, bigOf, PyBigInt,
} from '../objects/core.ts';
import { dictSetS } from '../objects/dict.ts';
import { B, FAM_STRUCT } from '../builtins/ids.ts';
import { npos, arg, defMethod, mkBuiltin, unhandledBuiltin } from '../builtins/args.ts';
import { newModuleType, newBuiltinModule, addFn } from './registry.ts';
import { truthy, typeName, computeMro, callSpecial, arrayIter, toSsize } from '../interpreter/runtime.ts';
import { toFloatValue } from '../builtins/dispatch.ts';
import { intAdd, intSub, intMul, intMod, intFloorDiv, intCmp, intSign, intToStr } from '../objects/intops.ts';
import { bigFromDecimal } from '../objects/bigint.ts';
import { needBytesLike, writableRef } from '../builtins/buffer.ts';
import { latin1String } from '../objects/strutil.ts';

class StructTypes {
  error: PyType = errorType();
}
function errorType(): PyType {
  const t = new PyType(typeType, 'error');
  t.bases.push(Exception);
  t.layout = L_EXC;
  t.isBuiltin = false;
  t.module = 'struct';
  return t;
}
const ST = new StructTypes();
const STRUCT_TYPE = newModuleType('_struct', 'Struct');
STRUCT_TYPE.dict.set('__new__', mkBuiltin('__new__', B.STRUCT_NEW, false, FAM_STRUCT));
defMethod(STRUCT_TYPE, 'pack', B.STRUCT_S_PACK, FAM_STRUCT);
defMethod(STRUCT_TYPE, 'unpack', B.STRUCT_S_UNPACK, FAM_STRUCT);
defMethod(STRUCT_TYPE, 'pack_into', B.STRUCT_S_PACK_INTO, FAM_STRUCT);
defMethod(STRUCT_TYPE, 'unpack_from', B.STRUCT_S_UNPACK_FROM, FAM_STRUCT);
defMethod(STRUCT_TYPE, 'iter_unpack', B.STRUCT_S_ITER_UNPACK, FAM_STRUCT);
defMethod(STRUCT_TYPE, '__init__', B.STRUCT_S_INIT, FAM_STRUCT);
STRUCT_TYPE.dict.set('format', new PyProperty(propertyType, mkBuiltin('format', B.STRUCT_S_FORMAT, false, FAM_STRUCT), null, null));
STRUCT_TYPE.dict.set('size', new PyProperty(propertyType, mkBuiltin('size', B.STRUCT_S_SIZE, false, FAM_STRUCT), null, null));

/** The powers of two the integer codes need as Python ints (2**64 is beyond a machine int). */
class Pow2 {
  p: PyInt[] = [];
}
const POW2 = new Pow2();
for (let k = 0; k <= 64; k++) {
  let s = '1';
  // decimal digits of 2**k, computed exactly at load time
  for (let i = 0; i < k; i++) {
    let carry = 0;
    let out = '';
    for (let j = s.length - 1; j >= 0; j--) {
      const d = (s.charCodeAt(j) - 48) * 2 + carry;
      out = String.fromCharCode(48 + (d % 10)) + out;
      carry = d >= 10 ? 1 : 0;
    }
    s = carry > 0 ? '1' + out : out;
  }
  POW2.p.push(k < 53 ? new PyInt(intType, 2 ** k) : new PyBigInt(intType, 0, bigFromDecimal(s, false)));
}

/** One code of a format: kind, how many values (or bytes for s, p, x), size each, offset. */
class Code {
  kind: string;
  count: int;
  size: int;
  offset: int;
  constructor(kind: string, count: int, size: int, offset: int) {
    this.kind = kind;
    this.count = count;
    this.size = size;
    this.offset = offset;
  }
}
class Layout {
  codes: Code[] = [];
  size: int = 0;
  /** values a pack takes and an unpack gives */
  items: int = 0;
  little: boolean = true;
  /** '@': native sizes and alignment */
  native: boolean = true;
}
/** 256**k and its sign bit, for k up to 4 bytes */
const BYTE_POW: int[] = [1, 256, 65536, 16777216, 4294967296];
const SIGN_BIT: int[] = [0, 128, 32768, 8388608, 2147483648];
export class PyStruct extends PyNative {
  format: PyObject = None;
  layout: Layout = new Layout();
  constructor(cls: PyType) {
    super(cls);
  }
}

const NATIVE_SIZES = 'x1c1b1B1?1h2H2i4I4l8L8q8Q8n8N8e2f4d8s1p1P8';
const STD_SIZES = 'x1c1b1B1?1h2H2i4I4l4L4q8Q8e2f4d8s1p1';
function sizeOf(table: string, c: string): int {
  for (let i = 0; i < table.length; i += 2) if (table[i] === c) return table.charCodeAt(i + 1) - 48;
  return -1;
}
function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';
}

function parseFormat(fmt: string): Layout {
  const lay = new Layout();
  let i = 0;
  let native = true;
  // the format is a C string to CPython
  if (fmt.includes('\0')) throw raise(ST.error, 'embedded null character');
  if (fmt.length > 0) {
    const o = fmt[0];
    if (o === '@' || o === '=' || o === '<' || o === '>' || o === '!') {
      i = 1;
      native = o === '@';
      lay.native = native;
      lay.little = o === '@' || o === '=' || o === '<';
    }
  }
  const table = native ? NATIVE_SIZES : STD_SIZES;
  let size = 0;
  while (i < fmt.length) {
    let c = fmt[i++];
    if (isSpace(c)) continue;
    let num = 1;
    if (c >= '0' && c <= '9') {
      num = c.charCodeAt(0) - 48;
      while (i < fmt.length && fmt[i] >= '0' && fmt[i] <= '9') {
        if (num > 100000000000) throw raise(ST.error, 'total struct size too long');
        num = num * 10 + (fmt.charCodeAt(i) - 48);
        i++;
      }
      if (i >= fmt.length) throw raise(ST.error, 'repeat count given without format specifier');
      c = fmt[i++];
    }
    const sz = sizeOf(table, c);
    if (sz < 0) throw raise(ST.error, 'bad char in struct format');
    if (native && sz > 1) size = floorDiv(size + sz - 1, sz) * sz;
    if (c === 's' || c === 'p') {
      lay.codes.push(new Code(c, num, 1, size));
      lay.items++;
      size += num;
    } else if (c === 'x') size += num;
    else {
      for (let k = 0; k < num; k++) {
        lay.codes.push(new Code(c, 1, sz, size));
        size += sz;
      }
      lay.items += num;
    }
    if (size > 4611686018427387904) throw raise(ST.error, 'total struct size too long');
  }
  lay.size = size;
  return lay;
}

class LayoutCache {
  byFormat: Map<string, Layout> = new Map<string, Layout>();
}
const CACHE = new LayoutCache();
function layoutOf(fmtO: PyObject): Layout {
  let fmt = '';
  if (fmtO instanceof PyStr) fmt = fmtO.s;
  else if (fmtO instanceof PyBytes) {
    for (const b of fmtO.b) fmt += String.fromCharCode(b);
  } else throw raise(TypeError, `Struct() argument 1 must be a str or bytes object, not ${typeName(fmtO)}`);
  const hit = CACHE.byFormat.get(fmt);
  if (hit !== undefined) return hit;
  const lay = parseFormat(fmt);
  if (CACHE.byFormat.size >= 100) CACHE.byFormat.clear();
  CACHE.byFormat.set(fmt, lay);
  return lay;
}

// ---- integers ----
function intArg(v: PyObject): PyInt {
  if (v instanceof PyInt) return v;
  if (!v.cls.isBuiltin) {
    const r = callSpecial(v, '__index__', []);
    if (r !== null && r instanceof PyInt) return r;
  }
  throw raise(ST.error, 'required argument is not an integer');
}
function rangeError(c: string, size: int, unsigned: boolean, negative: boolean): never {
  if (size === 1) throw raise(ST.error, unsigned ? 'ubyte format requires 0 <= number <= 255' : 'byte format requires -128 <= number <= 127');
  if (size === 2) throw raise(ST.error, unsigned ? 'ushort format requires 0 <= number <= 65535' : 'short format requires -32768 <= number <= 32767');
  // CPython converts these through C longs, whose overflow it words this way
  if (size === 8 || (unsigned && negative)) throw raise(ST.error, 'argument out of range');
  const top = intSub(POW2.p[size * 8], newInt(1));
  if (unsigned) throw raise(ST.error, `'${c}' format requires 0 <= number <= ${intStr(top)}`);
  const half = POW2.p[size * 8 - 1];
  throw raise(ST.error, `'${c}' format requires -${intStr(half)} <= number <= ${intStr(intSub(half, newInt(1)))}`);
}
function intStr(v: PyInt): string {
  return intToStr(v);
}
function packInt(out: int[], at: int, c: string, size: int, v0: PyObject, little: boolean): void {
  const v = intArg(v0);
  const unsigned = c === 'B' || c === 'H' || c === 'I' || c === 'L' || c === 'Q' || c === 'N' || c === 'P';
  const bits = size * 8;
  if (unsigned) {
    if (intSign(v) < 0 || intCmp(v, POW2.p[bits]) >= 0) rangeError(c, size, true, intSign(v) < 0);
  } else {
    const half = POW2.p[bits - 1];
    if (intCmp(v, half) >= 0 || intCmp(v, intSub(newInt(0), half)) < 0) rangeError(c, size, false, intSign(v) < 0);
  }
  if (bigOf(v) === null) {
    // floor division keeps two's complement bytes right for negative numbers
    let x = v.v;
    for (let k = 0; k < size; k++) {
      out[at + (little ? k : size - 1 - k)] = floorMod(x, 256);
      x = floorDiv(x, 256);
    }
    return;
  }
  let x: PyInt = v;
  const b256 = newInt(256);
  for (let k = 0; k < size; k++) {
    out[at + (little ? k : size - 1 - k)] = (intMod(x, b256) as PyInt).v;
    x = intFloorDiv(x, b256);
  }
}
function unpackInt(data: int[], at: int, c: string, size: int, little: boolean): PyObject {
  const unsigned = c === 'B' || c === 'H' || c === 'I' || c === 'L' || c === 'Q' || c === 'N' || c === 'P';
  if (size <= 4) {
    let v = 0;
    for (let k = 0; k < size; k++) v = v * 256 + data[at + (little ? size - 1 - k : k)];
    if (!unsigned && v >= SIGN_BIT[size]) v -= BYTE_POW[size];
    return newInt(v);
  }
  let hi = 0;
  let lo = 0;
  for (let k = 0; k < 4; k++) hi = hi * 256 + data[at + (little ? 7 - k : k)];
  for (let k = 4; k < 8; k++) lo = lo * 256 + data[at + (little ? 7 - k : k)];
  let r = intAdd(intMul(newInt(hi), POW2.p[32]), newInt(lo));
  if (!unsigned && hi >= 2147483648) r = intSub(r, POW2.p[64]);
  return r;
}

// ---- floats (IEEE 754 binary16, binary32, binary64), computed exactly with powers of two ----
function pow2(k: int): float {
  if (k < -1000) return Math.pow(2.0, toFloat(k + 1000)) * Math.pow(2.0, -1000.0);
  return Math.pow(2.0, toFloat(k));
}
/** floor(log2(a)) for a finite a > 0. */
function exponentOf(a: float): int {
  let e = toInt(Math.floor(Math.log2(a)));
  while (pow2(e) > a) e--;
  while (pow2(e + 1) <= a) e++;
  return e;
}
function roundHalfEven(v: float): float {
  const r = Math.floor(v);
  const d = v - r;
  if (d > 0.5 || (d === 0.5 && r % 2.0 === 1.0)) return r + 1.0;
  return r;
}
/** The bits of x in a binary format of `mant` stored mantissa bits and `expBits` exponent
 * bits, as [sign, exponent field, mantissa field]; null when x is too large for it. */
function encodeFloat(x: float, mant: int, expBits: int): int[] | null {
  const sign = x < 0.0 || (x === 0.0 && 1.0 / x < 0.0) ? 1 : 0;
  const maxExp = (1 << expBits) - 1;
  const bias = (maxExp >> 1);
  if (Number.isNaN(x)) return [sign, maxExp, toInt(pow2(mant - 1))];
  const a = Math.abs(x);
  if (a === Infinity) return [sign, maxExp, 0];
  if (a === 0.0) return [sign, 0, 0];
  let e = exponentOf(a);
  if (e < 1 - bias) {
    // subnormal
    const m = roundHalfEven(a * pow2(mant) * pow2(bias - 1));
    if (m >= pow2(mant)) return [sign, 1, 0];
    return [sign, 0, toInt(m)];
  }
  let m = roundHalfEven((a / pow2(e)) * pow2(mant));
  if (m >= pow2(mant + 1)) {
    m = pow2(mant);
    e++;
  }
  if (e + bias >= maxExp) return null;
  return [sign, e + bias, toInt(m - pow2(mant))];
}
function decodeFloat(sign: int, expField: int, mantField: float, mant: int, expBits: int): float {
  const maxExp = (1 << expBits) - 1;
  const bias = maxExp >> 1;
  let v = 0.0;
  if (expField === maxExp) v = mantField !== 0.0 ? NaN : Infinity;
  else if (expField === 0) v = mantField * pow2(1 - bias - mant);
  else v = (mantField + pow2(mant)) * pow2(expField - bias - mant);
  return sign !== 0 ? -v : v;
}
/** x as IEEE 754 binary64, 8 bytes little-endian, appended to out (the bytecode cache's floats). */
export function pushDoubleLE(out: int[], x: float): void {
  const at = out.length;
  for (let k = 0; k < 8; k++) out.push(0);
  packFloat(out, at, 'd', newFloat(x), true);
}
/** The binary64 at data[at..at+8], little-endian. */
export function readDoubleLE(data: int[], at: int): float {
  return unpackFloat(data, at, 'd', true);
}
function floatArg(v: PyObject): float {
  if (v instanceof PyFloat || v instanceof PyInt) return toFloatValue(v);
  if (!v.cls.isBuiltin && (callSpecial(v, '__float__', []) !== null || callSpecial(v, '__index__', []) !== null)) return toFloatValue(v);
  throw raise(ST.error, 'required argument is not a float');
}
function packFloat(out: int[], at: int, c: string, v0: PyObject, little: boolean): void {
  const x = floatArg(v0);
  const size = c === 'e' ? 2 : c === 'f' ? 4 : 8;
  const bytes: int[] = [];
  if (size === 8) {
    const f = encodeFloat(x, 52, 11) as int[];
    const hiM = floorDiv(f[2], 4294967296);
    const lo = f[2] - hiM * 4294967296;
    const hi = f[0] * 2147483648 + f[1] * 1048576 + hiM;
    for (let k = 0; k < 4; k++) bytes.push(floorMod(floorDiv(lo, BYTE_POW[k]), 256));
    for (let k = 0; k < 4; k++) bytes.push(floorMod(floorDiv(hi, BYTE_POW[k]), 256));
  } else {
    const f = encodeFloat(x, size === 4 ? 23 : 10, size === 4 ? 8 : 5);
    if (f === null) throw raise(OverflowErrorT, `float too large to pack with ${c} format`);
    const w = size === 4 ? f[0] * 2147483648 + f[1] * 8388608 + f[2] : f[0] * 32768 + f[1] * 1024 + f[2];
    for (let k = 0; k < size; k++) bytes.push(floorMod(floorDiv(w, BYTE_POW[k]), 256));
  }
  for (let k = 0; k < size; k++) out[at + (little ? k : size - 1 - k)] = bytes[k];
}
function unpackFloat(data: int[], at: int, c: string, little: boolean): float {
  const size = c === 'e' ? 2 : c === 'f' ? 4 : 8;
  const b: int[] = [];
  for (let k = 0; k < size; k++) b.push(data[at + (little ? k : size - 1 - k)]);
  if (size === 8) {
    const lo = b[0] + b[1] * 256 + b[2] * 65536 + b[3] * 16777216;
    const hi = b[4] + b[5] * 256 + b[6] * 65536 + b[7] * 16777216;
    return decodeFloat(floorDiv(hi, 2147483648), floorMod(floorDiv(hi, 1048576), 2048), toFloat(floorMod(hi, 1048576)) * 4294967296.0 + toFloat(lo), 52, 11);
  }
  if (size === 4) {
    const w = b[0] + b[1] * 256 + b[2] * 65536 + b[3] * 16777216;
    return decodeFloat(floorDiv(w, 2147483648), floorMod(floorDiv(w, 8388608), 256), toFloat(floorMod(w, 8388608)), 23, 8);
  }
  const w = b[0] + b[1] * 256;
  return decodeFloat(floorDiv(w, 32768), floorMod(floorDiv(w, 1024), 32), toFloat(floorMod(w, 1024)), 10, 5);
}

// ---- pack and unpack ----
function pack(lay: Layout, values: PyObject[], out: int[], base: int): void {
  if (values.length !== lay.items) throw raise(ST.error, `pack expected ${lay.items} items for packing (got ${values.length})`);
  let vi = 0;
  for (const code of lay.codes) {
    const v = values[vi++];
    const at = base + code.offset;
    const c = code.kind;
    if (c === 's' || c === 'p') {
      if (!(v instanceof PyBytes)) throw raise(ST.error, `argument for '${c}' must be a bytes object`);
      let n = v.b.length;
      if (c === 's') {
        if (n > code.count) n = code.count;
        for (let k = 0; k < n; k++) out[at + k] = v.b[k];
      } else if (code.count > 0) {
        if (n > code.count - 1) n = code.count - 1;
        for (let k = 0; k < n; k++) out[at + 1 + k] = v.b[k];
        out[at] = n > 255 ? 255 : n;
      }
    } else if (c === 'c') {
      if (!(v instanceof PyBytes) || v.b.length !== 1) throw raise(ST.error, 'char format requires a bytes object of length 1');
      out[at] = v.b[0];
    } else if (c === '?') out[at] = truthy(v) ? 1 : 0;
    else if (c === 'e' || c === 'f' || c === 'd') packFloat(out, at, c, v, lay.little);
    else packInt(out, at, c, code.size, v, lay.little);
  }
}
function unpack(lay: Layout, data: int[], base: int): PyObject {
  const items: PyObject[] = [];
  for (const code of lay.codes) {
    const at = base + code.offset;
    const c = code.kind;
    if (c === 's') items.push(new PyBytes(bytesType, data.slice(at, at + code.count)));
    else if (c === 'p') {
      let n = code.count > 0 ? data[at] : 0;
      if (n >= code.count) n = code.count - 1;
      items.push(new PyBytes(bytesType, n > 0 ? data.slice(at + 1, at + 1 + n) : []));
    } else if (c === 'c') items.push(new PyBytes(bytesType, [data[at]]));
    else if (c === '?') items.push(data[at] !== 0 ? True : False);
    else if (c === 'e' || c === 'f' || c === 'd') items.push(newFloat(unpackFloat(data, at, c, lay.little)));
    else items.push(unpackInt(data, at, c, code.size, lay.little));
  }
  return newTuple(items);
}
function bufferOf(o: PyObject): int[] {
  return needBytesLike(o);
}
function packBytes(lay: Layout, values: PyObject[]): PyObject {
  const out: int[] = [];
  for (let k = 0; k < lay.size; k++) out.push(0);
  pack(lay, values, out, 0);
  return new PyBytes(bytesType, out);
}
function unpackExact(lay: Layout, bufO: PyObject): PyObject {
  const data = bufferOf(bufO);
  if (data.length !== lay.size) throw raise(ST.error, `unpack requires a buffer of ${lay.size} bytes`);
  return unpack(lay, data, 0);
}
/** The offset argument of pack_into/unpack_from as CPython's Py_ssize_t, checked against a
 * buffer of len bytes for an item of size bytes: the index of the first byte, or struct.error in
 * CPython's words. The offset stays a Python int for the messages, as sys.maxsize is past the
 * VM's exact machine range; such an offset is past any buffer. */
function checkedOffset(offO: PyObject | null, len: int, size: int, packing: boolean): int {
  if (offO !== null && !(offO instanceof PyInt) && offO.cls.isBuiltin) throw raise(TypeError, `'${typeName(offO)}' object cannot be interpreted as an integer`);
  const off = offO === null ? newInt(0) : intArg(offO);
  toSsize(off);
  const text = intToStr(off);
  if (intSign(off) < 0) {
    // a negative offset counts from the end, and the item must end before the end does
    if (intCmp(intAdd(off, newInt(size)), newInt(0)) > 0) throw raise(ST.error, packing ? `no space to pack ${size} bytes at offset ${text}` : `not enough data to unpack ${size} bytes at offset ${text}`);
    if (intCmp(intAdd(off, newInt(len)), newInt(0)) < 0) throw raise(ST.error, `offset ${text} out of range for ${len}-byte buffer`);
    return off.v + len;
  }
  if (intCmp(intAdd(off, newInt(size)), newInt(len)) > 0) {
    const need = intToStr(intAdd(off, newInt(size)));
    throw raise(ST.error, `${packing ? 'pack_into' : 'unpack_from'} requires a buffer of at least ${need} bytes for ${packing ? 'packing' : 'unpacking'} ${size} bytes at offset ${text} (actual buffer size is ${len})`);
  }
  return off.v;
}
function unpackFrom(lay: Layout, bufO: PyObject, offO: PyObject | null): PyObject {
  const data = bufferOf(bufO);
  return unpack(lay, data, checkedOffset(offO, data.length, lay.size, false));
}
function iterUnpack(lay: Layout, bufO: PyObject): PyObject {
  const data = bufferOf(bufO);
  if (lay.size === 0) throw raise(ST.error, 'cannot iteratively unpack with a struct of length 0');
  if (data.length % lay.size !== 0) throw raise(ST.error, `iterative unpacking requires a buffer of a multiple of ${lay.size} bytes`);
  const items: PyObject[] = [];
  for (let at = 0; at < data.length; at += lay.size) items.push(unpack(lay, data, at));
  return arrayIter(items);
}

export function makeStruct(): PyModule {
  const m = newBuiltinModule('_struct');
  addFn(m, 'pack', B.STRUCT_PACK, FAM_STRUCT);
  addFn(m, 'unpack', B.STRUCT_UNPACK, FAM_STRUCT);
  addFn(m, 'calcsize', B.STRUCT_CALCSIZE, FAM_STRUCT);
  addFn(m, 'pack_into', B.STRUCT_PACK_INTO, FAM_STRUCT);
  addFn(m, 'unpack_from', B.STRUCT_UNPACK_FROM, FAM_STRUCT);
  addFn(m, 'iter_unpack', B.STRUCT_ITER_UNPACK, FAM_STRUCT);
  addFn(m, '_clearcache', B.STRUCT_CLEARCACHE, FAM_STRUCT);
  ST.error.mro = computeMro(ST.error);
  dictSetS(m.dict, 'error', ST.error);
  dictSetS(m.dict, 'Struct', STRUCT_TYPE);
  dictSetS(m.dict, '__doc__', newStr('Functions to convert between Python values and C structs.'));
  return m;
}

function required(args: PyObject[], kw: string[] | null, i: int, name: string, fn: string): PyObject {
  const a = arg(args, kw, i, name);
  if (a === null) throw raise(TypeError, `${fn}() missing required argument '${name}' (pos ${i + 1})`);
  return a;
}
function structOf(o: PyObject): PyStruct {
  if (!(o instanceof PyStruct)) throw raise(TypeError, `descriptor requires a '_struct.Struct' object but received '${typeName(o)}'`);
  return o;
}
/** pack_into(buffer, offset, *values): writes through to the buffer's own bytes. */
function packInto(lay: Layout, bufO: PyObject, offO: PyObject, values: PyObject[]): PyObject {
  const ref = writableRef(bufO);
  if (values.length !== lay.items) throw raise(ST.error, `pack_into expected ${lay.items} items for packing (got ${values.length})`);
  const offset = checkedOffset(offO, ref.len, lay.size, true);
  const out: int[] = [];
  for (let k = 0; k < lay.size; k++) out.push(0);
  pack(lay, values, out, 0);
  for (let k = 0; k < lay.size; k++) ref.arr[ref.off + offset + k] = out[k];
  return None;
}

export function callStruct(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  switch (id) {
    case B.STRUCT_PACK: {
      if (n < 1) throw raise(TypeError, 'pack expected at least 1 argument, got 0');
      return packBytes(layoutOf(args[0]), args.slice(1, n));
    }
    case B.STRUCT_UNPACK:
      if (n !== 2) throw raise(TypeError, `unpack expected 2 arguments, got ${n}`);
      return unpackExact(layoutOf(args[0]), args[1]);
    case B.STRUCT_CALCSIZE:
      return newInt(layoutOf(required(args, kw, 0, 'format', 'calcsize')).size);
    case B.STRUCT_UNPACK_FROM: {
      const off = arg(args, kw, 2, 'offset');
      return unpackFrom(layoutOf(required(args, kw, 0, 'format', 'unpack_from')), required(args, kw, 1, 'buffer', 'unpack_from'), off);
    }
    case B.STRUCT_ITER_UNPACK:
      if (n !== 2) throw raise(TypeError, `iter_unpack expected 2 arguments, got ${n}`);
      return iterUnpack(layoutOf(args[0]), args[1]);
    case B.STRUCT_PACK_INTO: {
      if (n < 3) throw raise(TypeError, `pack_into expected at least 3 arguments, got ${n}`);
      return packInto(layoutOf(args[0]), args[1], args[2], args.slice(3, n));
    }
    case B.STRUCT_CLEARCACHE:
      CACHE.byFormat.clear();
      return None;
    case B.STRUCT_NEW: {
      const t = args[0] as PyType;
      const s = new PyStruct(t);
      if (n >= 2) {
        s.layout = layoutOf(args[1]);
        s.format = args[1] instanceof PyBytes ? newStr(latin1String((args[1] as PyBytes).b)) : args[1];
      } else {
        const f = arg(args, kw, 1, 'format');
        if (f === null) throw raise(TypeError, "Struct() missing required argument 'format' (pos 1)");
        s.layout = layoutOf(f);
        s.format = f instanceof PyBytes ? newStr(latin1String(f.b)) : f;
      }
      return s;
    }
    case B.STRUCT_S_INIT:
      return None;
    case B.STRUCT_S_FORMAT:
      return structOf(args[0]).format;
    case B.STRUCT_S_SIZE:
      return newInt(structOf(args[0]).layout.size);
    case B.STRUCT_S_PACK: {
      const s = structOf(args[0]);
      return packBytes(s.layout, args.slice(1, n));
    }
    case B.STRUCT_S_UNPACK:
      return unpackExact(structOf(args[0]).layout, required(args, kw, 1, 'buffer', 'unpack'));
    case B.STRUCT_S_UNPACK_FROM: {
      const off = arg(args, kw, 2, 'offset');
      return unpackFrom(structOf(args[0]).layout, required(args, kw, 1, 'buffer', 'unpack_from'), off);
    }
    case B.STRUCT_S_ITER_UNPACK:
      return iterUnpack(structOf(args[0]).layout, required(args, kw, 1, 'buffer', 'iter_unpack'));
    case B.STRUCT_S_PACK_INTO:
      structOf(args[0]);
      if (n < 3) throw raise(TypeError, `pack_into expected at least 2 arguments, got ${n - 1}`);
      return packInto(structOf(args[0]).layout, args[1], args[2], args.slice(3, n));
  }
  throw unhandledBuiltin('_struct function', id);
}
// the single native items memoryview and array.array store (vm/builtins/buffer.ts): the caller
// has checked the value fits the format, so struct.error cannot arise
/** 2**k for k <= 64, as a Python int */
export function pow2Int(k: int): PyInt {
  return POW2.p[k];
}
export function packNativeInt(out: int[], at: int, c: string, size: int, v: PyObject): void {
  packInt(out, at, c, size, v, true);
}
export function unpackNativeInt(data: int[], at: int, c: string, size: int): PyObject {
  return unpackInt(data, at, c, size, true);
}
export function packNativeFloat(out: int[], at: int, c: string, v: PyObject): void {
  packFloat(out, at, c, v, true);
}
export function unpackNativeFloat(data: int[], at: int, c: string): float {
  return unpackFloat(data, at, c, true);
}
