// The methods bytes and bytearray share (CPython's bytes_methods.c): searching, splitting,
// stripping, padding, ASCII case mapping and predicates, translate, hex/fromhex. A method of a
// bytearray returns a bytearray; of bytes or a bytes subclass, exact bytes. The algorithms that
// are the same as str's run on the Latin-1 string of the bytes (one char per byte) through the
// helpers strmethods.ts exports; whitespace and case are ASCII only, as CPython's bytes.
import type { int } from '../../translate/rlib/index.ts';
import {
  PyObject, PyType, PyBytes, PyInt, PyTuple, PyList, PyBuiltin, PyStr, PyBytesSub, PyStaticMethod, PyClassMethod, staticmethodType, classmethodType,
  bytesType, newInt, newStr, newBool, newList, newTuple, raise, None, True, False, NotImplemented, TypeError, ValueError, bigOf,
} from '../objects/core.ts';
import { B, FAM_BYTES } from './ids.ts';
import { npos, arg, mkBuiltin, unhandledBuiltin } from './args.ts';
import { typeName, toIntIndex, toSsize, sliceIndexArg, iterToArray, getIter, iterNext, isSubtype, callObj, hex2, lookupType, getAttr, getIterOrNull } from '../interpreter/runtime.ts';
import { percentFormat } from './format.ts';
import { bytesLike, needBytesLike } from './buffer.ts';
import { registerIfFinalizable } from '../modules/finalize.ts';
import { padTo, replaceAll } from './strmethods.ts';
import { bytesFind, bytesRFind, bytesCount } from '../objects/bytesearch.ts';
import { indexFrom, lastIndexFrom, repeatStr } from '../objects/strutil.ts';

/** the bytearray type, set by bytearray.ts (which imports this file) */
class BytesTypes {
  bytearray: PyType | null = null;
}
export const BYT = new BytesTypes();

export function latin1(b: int[]): string {
  const parts: string[] = [];
  for (const c of b) parts.push(String.fromCharCode(c));
  return parts.join('');
}
export function fromLatin1(s: string): int[] {
  const out: int[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
  return out;
}
export function isBytearray(o: PyObject): boolean {
  const ba = BYT.bytearray;
  return ba !== null && (o.cls === ba || isSubtype(o.cls, ba));
}
/** A result of self's kind: bytearray for a bytearray, exact bytes otherwise. */
function mk(self: PyBytes, b: int[]): PyBytes {
  return new PyBytes(isBytearray(self) ? (BYT.bytearray as PyType) : bytesType, b);
}
function mkS(self: PyBytes, s: string): PyBytes {
  return mk(self, fromLatin1(s));
}
function isSpaceByte(c: int): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
function isUpperByte(c: int): boolean {
  return c >= 65 && c <= 90;
}
function isLowerByte(c: int): boolean {
  return c >= 97 && c <= 122;
}
function isDigitByte(c: int): boolean {
  return c >= 48 && c <= 57;
}
function upperByte(c: int): int {
  return isLowerByte(c) ? c - 32 : c;
}
function lowerByte(c: int): int {
  return isUpperByte(c) ? c + 32 : c;
}

/** A byte-string argument of a method (split's sep, strip's chars, ...). */
function bytesArg(o: PyObject): string {
  return latin1(needBytesLike(o));
}
/** find/count/index's sub: bytes-like or an int in range(256). */
function subArg(o: PyObject): int[] {
  if (o instanceof PyInt) {
    // an int past the machine range is out of range(256) too, not an OverflowError
    const c = bigOf(o) !== null ? -1 : o.v;
    if (c < 0 || c > 255) throw raise(ValueError, 'byte must be in range(0, 256)');
    return [c];
  }
  const b = bytesLike(o);
  if (b === null) {
    if (!o.cls.isBuiltin && lookupType(o.cls, '__index__') !== null) return subArg(newInt(toIntIndex(o)));
    throw raise(TypeError, `argument should be integer or bytes-like object, not '${typeName(o)}'`);
  }
  return b;
}
/** start/end of find and friends, clamped like a slice. */
function bounds(args: PyObject[], kw: string[] | null, i: int, n: int): int[] {
  let start = 0;
  let end = n;
  const a = arg(args, kw, i, 'start');
  const b = arg(args, kw, i + 1, 'end');
  if (a !== null && a !== None) {
    start = sliceIndexArg(a);
    if (start < 0) start = start + n < 0 ? 0 : start + n;
  }
  if (b !== null && b !== None) {
    end = sliceIndexArg(b);
    if (end < 0) end = end + n < 0 ? 0 : end + n;
  }
  if (end > n) end = n;
  return [start, end];
}
function stripBytes(s: string, chars: string | null, left: boolean, right: boolean): string {
  let a = 0;
  let b = s.length;
  if (left) while (a < b && (chars === null ? isSpaceByte(s.charCodeAt(a)) : chars.includes(s[a]))) a++;
  if (right) while (b > a && (chars === null ? isSpaceByte(s.charCodeAt(b - 1)) : chars.includes(s[b - 1]))) b--;
  return s.slice(a, b);
}
function splitWs(s: string, maxsplit: int): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && isSpaceByte(s.charCodeAt(i))) i++;
    if (i >= s.length) break;
    if (maxsplit >= 0 && out.length >= maxsplit) {
      out.push(s.slice(i));
      return out;
    }
    let j = i;
    while (j < s.length && !isSpaceByte(s.charCodeAt(j))) j++;
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}
function rsplitWs(s: string, maxsplit: int): string[] {
  const out: string[] = [];
  let i = s.length;
  while (i > 0) {
    while (i > 0 && isSpaceByte(s.charCodeAt(i - 1))) i--;
    if (i <= 0) break;
    if (maxsplit >= 0 && out.length >= maxsplit) {
      out.push(s.slice(0, i));
      break;
    }
    let j = i;
    while (j > 0 && !isSpaceByte(s.charCodeAt(j - 1))) j--;
    out.push(s.slice(j, i));
    i = j;
  }
  out.reverse();
  return out;
}
function splitSep(s: string, sep: string, maxsplit: int, right: boolean): string[] {
  const out: string[] = [];
  if (!right) {
    let i = 0;
    while (maxsplit < 0 || out.length < maxsplit) {
      const j = indexFrom(s, sep, i);
      if (j < 0) break;
      out.push(s.slice(i, j));
      i = j + sep.length;
    }
    out.push(s.slice(i));
    return out;
  }
  let end = s.length;
  while (maxsplit < 0 || out.length < maxsplit) {
    if (end - sep.length < 0) break;
    const j = lastIndexFrom(s, sep, end - sep.length);
    if (j < 0) break;
    out.push(s.slice(j + sep.length, end));
    end = j;
  }
  out.push(s.slice(0, end));
  out.reverse();
  return out;
}
function listOf(self: PyBytes, parts: string[]): PyList {
  const items: PyObject[] = [];
  for (const p of parts) items.push(mkS(self, p));
  return newList(items);
}
function prefixMatch(s: string, pre: PyObject, start: int, end: int, isEnd: boolean): boolean {
  if (pre instanceof PyTuple) {
    for (const p of pre.items) if (prefixMatch(s, p, start, end, isEnd)) return true;
    return false;
  }
  const b = bytesLike(pre);
  if (b === null) throw raise(TypeError, `${isEnd ? 'endswith' : 'startswith'} first arg must be bytes or a tuple of bytes, not ${typeName(pre)}`);
  const p = latin1(b);
  if (start > s.length || end - start < p.length) return false;
  return isEnd ? s.slice(end - p.length, end) === p : s.slice(start, start + p.length) === p;
}
function fillArg(o: PyObject | null, fname: string): string {
  if (o === null) return ' ';
  const b = bytesLike(o);
  if (b === null || b.length !== 1 || !(o instanceof PyBytes)) throw raise(TypeError, `${fname}() argument 2 must be a byte string of length 1, not ${typeName(o)}`);
  return String.fromCharCode(b[0]);
}
function hexValue(c: int): int {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}
/** bytes.fromhex's parse: pairs of hex digits, ASCII whitespace between pairs. */
export function parseHex(s: string): int[] {
  const out: int[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (isSpaceByte(c) && c !== 28) {
      i++;
      continue;
    }
    const hi = hexValue(c);
    if (hi < 0) throw raise(ValueError, `non-hexadecimal number found in fromhex() arg at position ${i}`);
    const lo = i + 1 < s.length ? hexValue(s.charCodeAt(i + 1)) : -1;
    if (lo < 0) throw raise(ValueError, `non-hexadecimal number found in fromhex() arg at position ${i + 1}`);
    out.push(hi * 16 + lo);
    i += 2;
  }
  return out;
}
/** bytes.hex(sep, bytes_per_sep), also memoryview's and array's. */
export function hexOf(b: int[], sepO: PyObject | null, perO: PyObject | null): string {
  if (sepO === null || b.length === 0) {
    const parts: string[] = [];
    for (const c of b) parts.push(hex2(c));
    return parts.join('');
  }
  let sep = '';
  if (sepO instanceof PyStr) sep = sepO.s;
  else {
    const sb = bytesLike(sepO);
    if (sb === null) throw raise(TypeError, `sep must be str or bytes.`);
    sep = latin1(sb);
  }
  if (sep.length !== 1) throw raise(ValueError, 'sep must be length 1.');
  if (sep.charCodeAt(0) > 127) throw raise(ValueError, 'sep must be ASCII.');
  let per = perO === null ? 1 : toIntIndex(perO);
  if (per === 0) {
    const parts: string[] = [];
    for (const c of b) parts.push(hex2(c));
    return parts.join('');
  }
  const fromLeft = per < 0;
  if (per < 0) per = -per;
  const groups: string[] = [];
  // groups count from the right for a positive bytes_per_sep, from the left for a negative one
  if (fromLeft) {
    for (let i = 0; i < b.length; i += per) {
      const parts: string[] = [];
      for (let j = i; j < i + per && j < b.length; j++) parts.push(hex2(b[j]));
      groups.push(parts.join(''));
    }
  } else {
    let end = b.length;
    while (end > 0) {
      const start = end - per < 0 ? 0 : end - per;
      const parts: string[] = [];
      for (let j = start; j < end; j++) parts.push(hex2(b[j]));
      groups.push(parts.join(''));
      end = start;
    }
    groups.reverse();
  }
  return groups.join(sep);
}
function tableArg(o: PyObject): int[] | null {
  if (o === None) return null;
  const t = bytesLike(o);
  if (t === null) throw raise(TypeError, `a bytes-like object is required, not '${typeName(o)}'`);
  if (t.length !== 256) throw raise(ValueError, 'translation table must be 256 characters long');
  return t;
}
function isTitle(b: int[]): boolean {
  let cased = false;
  let prevCased = false;
  for (const c of b) {
    if (isUpperByte(c)) {
      if (prevCased) return false;
      prevCased = true;
      cased = true;
    } else if (isLowerByte(c)) {
      if (!prevCased) return false;
      prevCased = true;
      cased = true;
    } else prevCased = false;
  }
  return cased;
}
function allBytes(b: int[], kind: int): boolean {
  if (b.length === 0) return false;
  for (const c of b) {
    let ok = false;
    if (kind === 0) ok = isDigitByte(c);
    else if (kind === 1) ok = isUpperByte(c) || isLowerByte(c);
    else if (kind === 2) ok = isUpperByte(c) || isLowerByte(c) || isDigitByte(c);
    else ok = isSpaceByte(c);
    if (!ok) return false;
  }
  return true;
}
function self0(b: PyBuiltin, args: PyObject[]): PyBytes {
  if (args.length === 0 || !(args[0] instanceof PyBytes)) {
    const want = b.owner === null ? 'bytes' : b.owner.name;
    throw raise(TypeError, `descriptor '${b.name}' for '${want}' objects doesn't apply to a '${args.length === 0 ? 'NoneType' : typeName(args[0])}' object`);
  }
  return args[0] as PyBytes;
}
function need(args: PyObject[], kw: string[] | null, i: int, name: string, fname: string, min: int): PyObject {
  const v = arg(args, kw, i, name);
  if (v === null) throw raise(TypeError, `${fname}() takes at least ${min} argument${min === 1 ? '' : 's'} (${npos(args, kw) - 1} given)`);
  return v;
}

/** bytes.maketrans(frm, to) */
function makeTrans(args: PyObject[]): PyObject {
  if (args.length !== 2) throw raise(TypeError, `maketrans expected 2 arguments, got ${args.length}`);
  const a = needBytesLike(args[0]);
  const b = needBytesLike(args[1]);
  if (a.length !== b.length) throw raise(ValueError, 'maketrans arguments must have same length');
  const t: int[] = [];
  for (let i = 0; i < 256; i++) t.push(i);
  for (let i = 0; i < a.length; i++) t[a[i]] = b[i];
  return new PyBytes(bytesType, t);
}

// How many positional arguments (without self) each method takes, in the words CPython's
// argument parsers use for it: METH_NOARGS ('none'), METH_O ('one'), Argument Clinic's
// positional parser ('atmost') and _PyArg_CheckPositional ('expected').
const ARITY_NONE = ['upper', 'lower', 'swapcase', 'capitalize', 'title', 'isdigit', 'isalpha', 'isalnum', 'isspace', 'isascii', 'isupper', 'islower', 'istitle'];
const ARITY_ONE = ['partition', 'rpartition', 'join', 'zfill', 'removeprefix', 'removesuffix'];
const ARITY_ATMOST: Map<string, int> = new Map<string, int>([
  ['count', 3], ['find', 3], ['rfind', 3], ['index', 3], ['rindex', 3], ['startswith', 3], ['endswith', 3],
  ['split', 2], ['rsplit', 2], ['translate', 2], ['hex', 2], ['splitlines', 1], ['expandtabs', 1],
]);
/** [min, max] of the methods checked by _PyArg_CheckPositional */
const ARITY_EXPECTED: Map<string, int[]> = new Map<string, int[]>([
  ['replace', [2, 3]], ['strip', [0, 1]], ['lstrip', [0, 1]], ['rstrip', [0, 1]], ['center', [1, 2]], ['ljust', [1, 2]], ['rjust', [1, 2]],
]);
function checkBytesArity(bi: PyBuiltin, name: string, given: int): void {
  const owner = bi.owner === null ? 'bytes' : bi.owner.name;
  if (ARITY_NONE.includes(name)) {
    if (given !== 0) throw raise(TypeError, `${owner}.${name}() takes no arguments (${given} given)`);
    return;
  }
  if (ARITY_ONE.includes(name)) {
    if (given !== 1) throw raise(TypeError, `${owner}.${name}() takes exactly one argument (${given} given)`);
    return;
  }
  const most = ARITY_ATMOST.get(name);
  if (most !== undefined) {
    if (given > most) throw raise(TypeError, `${name}() takes at most ${most} argument${most === 1 ? '' : 's'} (${given} given)`);
    return;
  }
  const range = ARITY_EXPECTED.get(name);
  if (range !== undefined) {
    if (given > range[1]) throw raise(TypeError, `${name} expected at most ${range[1]} argument${range[1] === 1 ? '' : 's'}, got ${given}`);
    if (given < range[0]) throw raise(TypeError, `${name} expected at least ${range[0]} argument${range[0] === 1 ? '' : 's'}, got ${given}`);
  }
}

export function callBytes(bi: PyBuiltin, args: PyObject[], kw: string[] | null): PyObject {
  const id = bi.id;
  if (id === B.BYTES_MAKETRANS) return makeTrans(args);
  if (id === B.BYTES_FROMHEX) {
    const cls = args[0];
    const s = args.length > 1 ? args[1] : null;
    if (s === null) throw raise(TypeError, 'fromhex() takes exactly one argument (0 given)');
    if (!(s instanceof PyStr)) throw raise(TypeError, `fromhex() argument must be str, not ${typeName(s)}`);
    const out = parseHex(s.s);
    const ba = BYT.bytearray as PyType;
    if (cls === bytesType) return new PyBytes(bytesType, out);
    if (cls === ba) return new PyBytes(ba, out);
    // a subclass: CPython calls it with the bytes it parsed
    return callObj(cls, [new PyBytes(cls instanceof PyType && isSubtype(cls, ba) ? ba : bytesType, out)], null);
  }
  if (id !== B.BYTES_METHOD) throw unhandledBuiltin(bi.name, id);
  const self = self0(bi, args);
  const b = self.b;
  const name = bi.name;
  checkBytesArity(bi, name, npos(args, kw) - 1);
  switch (name) {
    case 'count':
    case 'find':
    case 'rfind':
    case 'index':
    case 'rindex': {
      const sub = subArg(need(args, kw, 1, 'sub', name, 1));
      const r = bounds(args, kw, 2, b.length);
      const a = r[0];
      const e = r[1];
      if (name === 'count') return newInt(bytesCount(b, sub, a, e));
      const pos = name === 'find' || name === 'index' ? bytesFind(b, sub, a, e) : bytesRFind(b, sub, a, e);
      if (pos < 0 && (name === 'index' || name === 'rindex')) throw raise(ValueError, 'subsection not found');
      return newInt(pos);
    }
    case 'startswith':
    case 'endswith': {
      const s = latin1(b);
      const r = bounds(args, kw, 2, s.length);
      return newBool(prefixMatch(s, need(args, kw, 1, 'prefix', name, 1), r[0], r[1] < r[0] ? r[0] : r[1], name === 'endswith'));
    }
    case 'replace': {
      const cO = arg(args, kw, 3, 'count');
      const old = bytesArg(need(args, kw, 1, 'old', name, 2));
      const nw = bytesArg(need(args, kw, 2, 'new', name, 2));
      return mkS(self, replaceAll(latin1(b), old, nw, cO === null ? -1 : toSsize(cO)));
    }
    case 'split':
    case 'rsplit': {
      const sepO = arg(args, kw, 1, 'sep');
      const mO = arg(args, kw, 2, 'maxsplit');
      const maxsplit = mO === null ? -1 : toSsize(mO);
      const s = latin1(b);
      if (sepO === null || sepO === None) return listOf(self, name === 'split' ? splitWs(s, maxsplit) : rsplitWs(s, maxsplit));
      const sep = bytesArg(sepO);
      if (sep.length === 0) throw raise(ValueError, 'empty separator');
      return listOf(self, splitSep(s, sep, maxsplit, name === 'rsplit'));
    }
    case 'splitlines': {
      const keepO = arg(args, kw, 1, 'keepends');
      const keep = keepO !== null && keepO !== False && !(keepO instanceof PyInt && keepO.v === 0);
      const s = latin1(b);
      const out: string[] = [];
      let i = 0;
      let start = 0;
      while (i < s.length) {
        const c = s[i];
        if (c === '\n' || c === '\r') {
          let e = i + 1;
          if (c === '\r' && e < s.length && s[e] === '\n') e++;
          out.push(keep ? s.slice(start, e) : s.slice(start, i));
          start = e;
          i = e;
        } else i++;
      }
      if (start < s.length) out.push(s.slice(start));
      return listOf(self, out);
    }
    case 'partition':
    case 'rpartition': {
      const sep = bytesArg(need(args, kw, 1, 'sep', name, 1));
      if (sep.length === 0) throw raise(ValueError, 'empty separator');
      const s = latin1(b);
      const j = name === 'partition' ? s.indexOf(sep) : s.lastIndexOf(sep);
      if (j < 0) {
        // CPython gives back bytes objects themselves, subclass instances included
        const whole = isBytearray(self) ? mk(self, b.slice(0)) : self;
        return name === 'partition' ? newTuple([whole, mk(self, []), mk(self, [])]) : newTuple([mk(self, []), mk(self, []), whole]);
      }
      return newTuple([mkS(self, s.slice(0, j)), mkS(self, sep), mkS(self, s.slice(j + sep.length))]);
    }
    case 'join': {
      const src = need(args, kw, 1, 'iterable_of_bytes', name, 1);
      const items = iterToArray(src);
      const sep = b.slice(0);
      const out: int[] = [];
      for (let i = 0; i < items.length; i++) {
        const x = bytesLike(items[i]);
        if (x === null) throw raise(TypeError, `sequence item ${i}: expected a bytes-like object, ${typeName(items[i])} found`);
        if (i > 0) for (const c of sep) out.push(c);
        for (const c of x) out.push(c);
      }
      return mk(self, out);
    }
    case 'strip':
    case 'lstrip':
    case 'rstrip': {
      const cO = arg(args, kw, 1, 'bytes');
      const chars = cO === null || cO === None ? null : bytesArg(cO);
      return mkS(self, stripBytes(latin1(b), chars, name !== 'rstrip', name !== 'lstrip'));
    }
    case 'center':
    case 'ljust':
    case 'rjust': {
      const width = toIntIndex(need(args, kw, 1, 'width', name, 1));
      const fill = fillArg(arg(args, kw, 2, 'fillchar'), name);
      return mkS(self, padTo(latin1(b), width, fill, name === 'ljust' ? -1 : name === 'rjust' ? 1 : 0));
    }
    case 'zfill': {
      const width = toIntIndex(need(args, kw, 1, 'width', name, 1));
      const s = latin1(b);
      if (s.length >= width) return mk(self, b.slice(0));
      const signed = s.length > 0 && (s[0] === '-' || s[0] === '+');
      return mkS(self, signed ? s[0] + repeatStr('0', width - s.length) + s.slice(1) : repeatStr('0', width - s.length) + s);
    }
    case 'expandtabs': {
      const tO = arg(args, kw, 1, 'tabsize');
      const ts = tO === null ? 8 : toIntIndex(tO);
      const out: int[] = [];
      let col = 0;
      for (const c of b) {
        if (c === 9) {
          const sp = ts > 0 ? ts - (col % ts) : 0;
          for (let k = 0; k < sp; k++) out.push(32);
          col += sp;
        } else {
          out.push(c);
          col = c === 10 || c === 13 ? 0 : col + 1;
        }
      }
      return mk(self, out);
    }
    case 'upper':
    case 'lower':
    case 'swapcase': {
      const out: int[] = [];
      for (const c of b) out.push(name === 'upper' ? upperByte(c) : name === 'lower' ? lowerByte(c) : isUpperByte(c) ? c + 32 : isLowerByte(c) ? c - 32 : c);
      return mk(self, out);
    }
    case 'capitalize': {
      const out: int[] = [];
      for (let i = 0; i < b.length; i++) out.push(i === 0 ? upperByte(b[i]) : lowerByte(b[i]));
      return mk(self, out);
    }
    case 'title': {
      const out: int[] = [];
      let prevCased = false;
      for (const c of b) {
        const cased = isUpperByte(c) || isLowerByte(c);
        out.push(cased ? (prevCased ? lowerByte(c) : upperByte(c)) : c);
        prevCased = cased;
      }
      return mk(self, out);
    }
    case 'isdigit':
      return newBool(allBytes(b, 0));
    case 'isalpha':
      return newBool(allBytes(b, 1));
    case 'isalnum':
      return newBool(allBytes(b, 2));
    case 'isspace':
      return newBool(allBytes(b, 3));
    case 'isascii': {
      for (const c of b) if (c > 127) return False;
      return True;
    }
    case 'isupper':
    case 'islower': {
      let cased = false;
      for (const c of b) {
        if (isUpperByte(c)) {
          if (name === 'islower') return False;
          cased = true;
        } else if (isLowerByte(c)) {
          if (name === 'isupper') return False;
          cased = true;
        }
      }
      return newBool(cased);
    }
    case 'istitle':
      return newBool(isTitle(b));
    case 'removeprefix':
    case 'removesuffix': {
      const p = needBytesLike(need(args, kw, 1, name === 'removeprefix' ? 'prefix' : 'suffix', name, 1));
      const s = latin1(b);
      const ps = latin1(p);
      if (name === 'removeprefix' && ps.length > 0 && s.startsWith(ps)) return mkS(self, s.slice(ps.length));
      if (name === 'removesuffix' && ps.length > 0 && s.endsWith(ps)) return mkS(self, s.slice(0, s.length - ps.length));
      return isBytearray(self) || self.cls !== bytesType ? mk(self, b.slice(0)) : self;
    }
    case 'translate': {
      const table = tableArg(need(args, kw, 1, 'table', name, 1));
      const dO = arg(args, kw, 2, 'delete');
      const del: boolean[] = [];
      for (let i = 0; i < 256; i++) del.push(false);
      if (dO !== null) for (const c of needBytesLike(dO)) del[c] = true;
      const out: int[] = [];
      for (const c of b) if (!del[c]) out.push(table === null ? c : table[c]);
      return mk(self, out);
    }
    case 'hex':
      return newStr(hexOf(b, arg(args, kw, 1, 'sep'), arg(args, kw, 2, 'bytes_per_sep')));
    case '__getnewargs__':
      return newTuple([new PyBytes(bytesType, b.slice(0))]);
    case '__bytes__':
      return self.cls === bytesType ? self : new PyBytes(bytesType, b.slice(0));
    case '__mod__':
      return bytesPercent(self, need(args, kw, 1, 'value', name, 1));
    case '__rmod__': {
      // only another bytes formats with self as its arguments
      const fmt = need(args, kw, 1, 'value', name, 1);
      return fmt instanceof PyBytes ? bytesPercent(fmt, self) : NotImplemented;
    }
  }
  throw unhandledBuiltin(name, id);
}
/** b % args: CPython's bytes formatting (%s and %b take bytes-like objects or __bytes__). */
export function bytesPercent(self: PyBytes, args: PyObject): PyObject {
  return mk(self, fromLatin1(percentFormat(latin1(self.b), args, true)));
}

const BYTES_NAMES: string[] = [
  'count', 'find', 'rfind', 'index', 'rindex', 'startswith', 'endswith', 'replace', 'split', 'rsplit', 'splitlines', 'partition', 'rpartition',
  'join', 'strip', 'lstrip', 'rstrip', 'center', 'ljust', 'rjust', 'zfill', 'expandtabs', 'upper', 'lower', 'swapcase', 'capitalize', 'title',
  'isdigit', 'isalpha', 'isalnum', 'isspace', 'isascii', 'isupper', 'islower', 'istitle', 'removeprefix', 'removesuffix', 'translate', 'hex',
  '__mod__', '__rmod__',
];
/** Puts the shared methods on bytes and on bytearray (called once both types exist). */
export function initBytesMethods(ba: PyType): void {
  BYT.bytearray = ba;
  for (const t of [bytesType, ba]) {
    for (const name of BYTES_NAMES) {
      const m = mkBuiltin(name, B.BYTES_METHOD, true, FAM_BYTES);
      m.owner = t;
      t.dict.set(name, m);
    }
    t.dict.set('fromhex', new PyClassMethod(classmethodType, mkBuiltin('fromhex', B.BYTES_FROMHEX, false, FAM_BYTES)));
    t.dict.set('maketrans', new PyStaticMethod(staticmethodType, mkBuiltin('maketrans', B.BYTES_MAKETRANS, false, FAM_BYTES)));
  }
  for (const name of ['__getnewargs__', '__bytes__']) {
    const m = mkBuiltin(name, B.BYTES_METHOD, true, FAM_BYTES);
    m.owner = bytesType;
    bytesType.dict.set(name, m);
  }
}

/** The bytes of bytes(source, encoding, errors) or bytearray(...): a str encoded by its
 * encode method, __bytes__ (bytes only), a buffer, a count of zero bytes, or ints. */
export function bytesSource(src: PyObject | null, enc: PyObject | null, errors: PyObject | null, isBytes: boolean): int[] {
  if (src === null) {
    if (enc !== null) throw raise(TypeError, 'encoding without a string argument');
    if (errors !== null) throw raise(TypeError, 'errors without a string argument');
    return [];
  }
  // without an encoding, a str subclass's __bytes__ comes first (as CPython's bytes_new)
  const strBytes = enc === null && isBytes && !src.cls.isBuiltin && lookupType(src.cls, '__bytes__') !== null;
  if (src instanceof PyStr && !strBytes) {
    if (enc === null) throw raise(TypeError, 'string argument without an encoding');
    const r = callObj(getAttr(src, 'encode'), errors === null ? [enc] : [enc, errors], null);
    const rb = bytesLike(r);
    if (rb === null) throw raise(TypeError, `encoder did not return a bytes object (type=${typeName(r)})`);
    return rb.slice(0);
  }
  if (enc !== null) throw raise(TypeError, 'encoding without a string argument');
  if (errors !== null) throw raise(TypeError, 'errors without a string argument');
  if (isBytes && !src.cls.isBuiltin && lookupType(src.cls, '__bytes__') !== null) {
    const r = callObj(getAttr(src, '__bytes__'), [], null);
    if (!(r instanceof PyBytes) || isBytearray(r)) throw raise(TypeError, `__bytes__ returned non-bytes (type ${typeName(r)})`);
    return r.b.slice(0);
  }
  const buf = bytesLike(src);
  if (buf !== null) return buf.slice(0);
  if (src instanceof PyInt || (!src.cls.isBuiltin && lookupType(src.cls, '__index__') !== null)) {
    const k = toIntIndex(src);
    if (k < 0) throw raise(ValueError, 'negative count');
    const out: int[] = [];
    for (let i = 0; i < k; i++) out.push(0);
    return out;
  }
  if (getIterOrNull(src) === null) throw raise(TypeError, isBytes ? `cannot convert '${typeName(src)}' object to bytes` : `cannot convert '${typeName(src)}' object to bytearray`);
  const out: int[] = [];
  // item by item, as an item's __index__ may change the source (a list it clears)
  const it = getIter(src);
  for (let v = iterNext(it); v !== null; v = iterNext(it)) out.push(byteOf(v, isBytes ? 'bytes must be in range(0, 256)' : 'byte must be in range(0, 256)'));
  return out;
}
/** An int (or an object with __index__) as a byte value; outside range(256), however large, it
 * is the ValueError msg, as CPython's _getbytevalue. */
export function byteOf(v: PyObject, msg: string): int {
  let x: PyObject = v;
  if (!(x instanceof PyInt)) {
    if (x.cls.isBuiltin || lookupType(x.cls, '__index__') === null) throw raise(TypeError, `'${typeName(v)}' object cannot be interpreted as an integer`);
    x = callObj(getAttr(v, '__index__'), [], null);
    if (!(x instanceof PyInt)) throw raise(TypeError, `__index__ returned non-int (type ${typeName(x)})`);
  }
  if (bigOf(x) !== null || x.v < 0 || x.v > 255) throw raise(ValueError, msg);
  return x.v;
}
/** bytes.__new__(t, source, encoding, errors) */
export function newBytesObject(t: PyType, args: PyObject[], kw: string[] | null): PyObject {
  const src = arg(args, kw, 1, 'source');
  const enc = arg(args, kw, 2, 'encoding');
  const errors = arg(args, kw, 3, 'errors');
  let out: int[];
  if (src !== null && enc === null && errors === null && !src.cls.isBuiltin && lookupType(src.cls, '__bytes__') !== null) {
    // bytes(x) is what x.__bytes__ returned, even a bytes subclass's instance (CPython's bytes_new)
    const r = callObj(getAttr(src, '__bytes__'), [], null);
    if (!(r instanceof PyBytes) || isBytearray(r)) throw raise(TypeError, `__bytes__ returned non-bytes (type ${typeName(r)})`);
    if (t === bytesType) return r;
    out = r.b.slice(0);
  } else out = bytesSource(src, enc, errors, true);
  if (t === bytesType) return src !== null && src.cls === bytesType ? src : new PyBytes(bytesType, out);
  const sub = new PyBytesSub(t, out);
  // an instance of a subclass with __del__ is finalized once a collection finds it dead
  registerIfFinalizable(t, sub);
  return sub;
}
