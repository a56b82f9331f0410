// Methods of str and bytes.
import type { int } from '../../translate/rlib/index.ts';
import { floorDiv } from '../../translate/rlib/index.ts';
import { PyObject, PyStr, PyBytes, PyTuple, PyList, PyDict, PyInt, strType, bytesType, newStr, newInt, newBool, newList, newTuple, raise, None, True, False, TypeError, ValueError, LookupError, OverflowErrorT } from '../objects/core.ts';
import { str, repr, typeName, iterToArray, toIntIndex, toSsize, getIterOrNull, sliceIndexArg, getItem, isInstance, sliceIndices } from '../interpreter/runtime.ts';
import { cpLen, cpArray, isSpace, isSpaceCode, codePointAt, indexFrom, lastIndexFrom, startsAt, repeatStr } from '../objects/strutil.ts';
import { strUpper, strLower, strCasefold, strTitle, strCapitalize, strSwapcase, strIsCase, strIsTitle, strIsAll, strIsIdentifier, CT_ALPHA, CT_DECIMAL, CT_DIGIT, CT_NUMERIC, CT_ALNUM } from '../objects/unictype.ts';
import { strFormat, strFormatMap } from './format.ts';
import { B, FAM_STR } from './ids.ts';
import { npos, kwArg, arg, defMethod } from './args.ts';
import { codePointToString } from '../parser/parser.ts';
import { isPrintableCode } from '../modules/unicodedata/printable.ts';
import { strEncodeMethod, bytesDecodeMethod } from '../modules/codecs/module.ts';
import { dictGet, dictKeys } from '../objects/dict.ts';
import { PyExc } from '../objects/core.ts';
import { hex2 } from '../interpreter/runtime.ts';

export function encodeUtf8(s: string): int[] {
  const out: int[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = (c - 0xd800) * 1024 + (d - 0xdc00) + 0x10000;
        i++;
      }
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) {
      out.push(0xc0 | (c >> 6));
      out.push(0x80 | (c & 63));
    } else if (c < 0x10000) {
      out.push(0xe0 | (c >> 12));
      out.push(0x80 | ((c >> 6) & 63));
      out.push(0x80 | (c & 63));
    } else {
      out.push(0xf0 | (c >> 18));
      out.push(0x80 | ((c >> 12) & 63));
      out.push(0x80 | ((c >> 6) & 63));
      out.push(0x80 | (c & 63));
    }
  }
  return out;
}
export function decodeUtf8(b: int[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let cp = 0xfffd;
    let n = 1;
    if (c < 0x80) cp = c;
    else if (c >= 0xc0 && c < 0xe0 && i + 1 < b.length) {
      cp = ((c & 31) << 6) | (b[i + 1] & 63);
      n = 2;
    } else if (c >= 0xe0 && c < 0xf0 && i + 2 < b.length) {
      cp = ((c & 15) << 12) | ((b[i + 1] & 63) << 6) | (b[i + 2] & 63);
      n = 3;
    } else if (c >= 0xf0 && i + 3 < b.length) {
      cp = ((c & 7) << 18) | ((b[i + 1] & 63) << 12) | ((b[i + 2] & 63) << 6) | (b[i + 3] & 63);
      n = 4;
    } else {
      throw raise(ValueError, `'utf-8' codec can't decode byte 0x${hex2(c)} in position ${i}: invalid start byte`);
    }
    out.push(codePointToString(cp));
    i += n;
  }
  return out.join('');
}

function s0(args: PyObject[]): string {
  return (args[0] as PyStr).s;
}
/** A str argument; what: CPython's words before its TypeError's ', not T' ('must be str'). */
function strArg(o: PyObject, what: string): string {
  if (!(o instanceof PyStr)) throw raise(TypeError, `${what}, not ${typeName(o)}`);
  return o.s;
}
/** strip's chars: None or a str */
function stripArg(o: PyObject, name: string): string | null {
  if (o === None) return null;
  if (!(o instanceof PyStr)) throw raise(TypeError, `${name} arg must be None or str`);
  return o.s;
}
/** A C int argument (expandtabs' tabsize): an int past 32 bits is CPython's OverflowError. */
function toCInt(o: PyObject): int {
  const v = toSsize(o);
  if (v > 2147483647 || v < -2147483648) throw raise(OverflowErrorT, 'Python int too large to convert to C int');
  return v;
}
function stripChars(s: string, chars: string | null, left: boolean, right: boolean): string {
  let a = 0;
  let b = s.length;
  if (left) while (a < b && (chars === null ? isSpaceCode(s.charCodeAt(a)) : chars.includes(s[a]))) a++;
  if (right) while (b > a && (chars === null ? isSpaceCode(s.charCodeAt(b - 1)) : chars.includes(s[b - 1]))) b--;
  return s.slice(a, b);
}
/** isSpaceCode with its ASCII letters and digits answered here: split() asks it of every
 * character, and most are those. */
function isSpaceUnit(c: int): boolean {
  if (c > 32 && c < 127) return false;
  return isSpaceCode(c);
}
function splitWhitespace(s: string, maxsplit: int): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && isSpaceUnit(s.charCodeAt(i))) i++;
    if (i >= s.length) break;
    if (maxsplit >= 0 && out.length >= maxsplit) {
      out.push(s.slice(i));
      return out;
    }
    let j = i;
    while (j < s.length && !isSpaceUnit(s.charCodeAt(j))) j++;
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}
function rsplitWhitespace(s: string, maxsplit: int): string[] {
  const out: string[] = [];
  let i = s.length;
  while (i > 0) {
    while (i > 0 && isSpaceCode(s.charCodeAt(i - 1))) i--;
    if (i <= 0) break;
    if (maxsplit >= 0 && out.length >= maxsplit) {
      out.push(s.slice(0, i));
      break;
    }
    let j = i;
    while (j > 0 && !isSpaceCode(s.charCodeAt(j - 1))) j--;
    out.push(s.slice(j, i));
    i = j;
  }
  out.reverse();
  return out;
}
function strList(parts: string[]): PyList {
  const items: PyObject[] = [];
  for (const p of parts) items.push(newStr(p));
  return newList(items);
}
/** Converts code-point start/end args into UTF-16 offsets for the BMP-only fast case. */
function rangeArgs(s: PyStr, args: PyObject[], kw: string[] | null, i: int): int[] {
  const n = cpLen(s);
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
  const out: int[] = [start, end];
  return out;
}
export function countSub(s: string, sub: string): int {
  if (sub.length === 0) return s.length + 1;
  let c = 0;
  let i = s.indexOf(sub);
  while (i >= 0) {
    c++;
    i = indexFrom(s, sub, i + sub.length);
  }
  return c;
}
export function replaceAll(s: string, old: string, nw: string, count: int): string {
  if (old.length === 0) {
    const cps = cpArray(s);
    const out: string[] = [];
    let done = 0;
    for (let i = 0; i <= cps.length; i++) {
      if (count < 0 || done < count) {
        out.push(nw);
        done++;
      }
      if (i < cps.length) out.push(cps[i]);
    }
    return out.join('');
  }
  const out: string[] = [];
  let i = 0;
  let done = 0;
  for (;;) {
    const j = count >= 0 && done >= count ? -1 : indexFrom(s, old, i);
    if (j < 0) {
      out.push(s.slice(i));
      break;
    }
    out.push(s.slice(i, j));
    out.push(nw);
    i = j + old.length;
    done++;
  }
  return out.join('');
}
function prefixMatch(s: string, pre: PyObject, start: int, end: int, isEnd: boolean): boolean {
  if (pre instanceof PyTuple) {
    for (const p of pre.items) if (prefixMatch(s, p, start, end, isEnd)) return true;
    return false;
  }
  if (!(pre instanceof PyStr)) throw raise(TypeError, `${isEnd ? 'endswith' : 'startswith'} first arg must be str or a tuple of str, not ${typeName(pre)}`);
  const p = pre.s;
  if (end - start < p.length) return false;
  return isEnd ? startsAt(s, p, end - p.length) : startsAt(s, p, start);
}
export function padTo(s: string, width: int, fill: string, align: int): string {
  const n = width - cpLen(newStr(s));
  if (n <= 0) return s;
  if (align < 0) return s + repeatStr(fill, n);
  if (align > 0) return repeatStr(fill, n) + s;
  const left = floorDiv(n, 2) + (n % 2 === 1 && width % 2 === 1 ? 1 : 0);
  return repeatStr(fill, left) + s + repeatStr(fill, n - left);
}
function cpIndexToUnit(s: string, cpi: int): int {
  // BMP fast path when no surrogates
  let u = 0;
  let c = 0;
  while (c < cpi && u < s.length) {
    const k = s.charCodeAt(u);
    u += k >= 0xd800 && k <= 0xdbff ? 2 : 1;
    c++;
  }
  return u;
}
function unitToCpIndex(s: string, u: int): int {
  let c = 0;
  for (let i = 0; i < u; i++) {
    const k = s.charCodeAt(i);
    if (!(k >= 0xdc00 && k <= 0xdfff)) c++;
  }
  return c;
}

/** How a str method's argument count is checked, with CPython's words for each way
 * (Argument Clinic's, METH_NOARGS' and the older PyArg_ParseTuple ones differ). */
const NOARGS = 0; // 'str.upper() takes no arguments (1 given)'
const EXACTLY_ONE = 1; // 'str.join() takes exactly one argument (2 given)'
const EXPECTED = 2; // 'strip expected at most 1 argument, got 2'
const TAKES = 3; // 'find() takes at most 3 arguments (4 given)'

/** The arity of str method id: [style, min, max] and the keywords it accepts, or null for a
 * method that checks its own arguments. */
class StrArity {
  style: int;
  min: int;
  max: int;
  keywords: string[];
  constructor(style: int, min: int, max: int, keywords: string[]) {
    this.style = style;
    this.min = min;
    this.max = max;
    this.keywords = keywords;
  }
}
// One shared StrArity per shape: checkStrArity runs on every str method call, and building a
// fresh object and keyword list there cost as much as the short methods themselves.
const AR_NOARGS = new StrArity(NOARGS, 0, 0, []);
const AR_ONE = new StrArity(EXACTLY_ONE, 1, 1, []);
const AR_STRIP = new StrArity(EXPECTED, 0, 1, []);
const AR_PAD = new StrArity(EXPECTED, 1, 2, []);
const AR_REPLACE = new StrArity(EXPECTED, 2, 3, []);
const AR_FIND = new StrArity(TAKES, 1, 3, []);
const AR_SPLIT = new StrArity(TAKES, 0, 2, ['sep', 'maxsplit']);
const AR_SPLITLINES = new StrArity(TAKES, 0, 1, ['keepends']);
const AR_EXPANDTABS = new StrArity(TAKES, 0, 1, ['tabsize']);
const AR_ENCODE = new StrArity(TAKES, 0, 2, ['encoding', 'errors']);
function strArity(id: int): StrArity | null {
  switch (id) {
    case B.STR_UPPER: case B.STR_LOWER: case B.STR_CASEFOLD: case B.STR_ISDIGIT: case B.STR_ISDECIMAL:
    case B.STR_ISNUMERIC: case B.STR_ISALPHA: case B.STR_ISALNUM: case B.STR_ISSPACE: case B.STR_ISUPPER:
    case B.STR_ISLOWER: case B.STR_ISTITLE: case B.STR_ISIDENTIFIER: case B.STR_ISASCII: case B.STR_ISPRINTABLE:
    case B.STR_TITLE: case B.STR_CAPITALIZE: case B.STR_SWAPCASE:
      return AR_NOARGS;
    case B.STR_JOIN: case B.STR_ZFILL: case B.STR_PARTITION: case B.STR_RPARTITION: case B.STR_REMOVEPREFIX:
    case B.STR_REMOVESUFFIX: case B.STR_TRANSLATE: case B.STR_FORMAT_MAP:
      return AR_ONE;
    case B.STR_STRIP: case B.STR_LSTRIP: case B.STR_RSTRIP:
      return AR_STRIP;
    case B.STR_CENTER: case B.STR_LJUST: case B.STR_RJUST:
      return AR_PAD;
    case B.STR_REPLACE:
      return AR_REPLACE;
    case B.STR_STARTSWITH: case B.STR_ENDSWITH: case B.STR_FIND: case B.STR_RFIND: case B.STR_INDEX:
    case B.STR_RINDEX: case B.STR_COUNT:
      return AR_FIND;
    case B.STR_SPLIT: case B.STR_RSPLIT:
      return AR_SPLIT;
    case B.STR_SPLITLINES:
      return AR_SPLITLINES;
    case B.STR_EXPANDTABS:
      return AR_EXPANDTABS;
    case B.STR_ENCODE:
      return AR_ENCODE;
  }
  return null;
}
function plural(n: int, one: string): string {
  return n === 1 ? `${n} ${one}` : `${n} ${one}s`;
}

/** Refuses a str method call with too few or too many arguments, or keywords it does not take,
 * with CPython's message (found by the fuzz test: the VM read a missing argument and stopped
 * with a fatal error; CPython's string_tests call 'abc'.isalpha(42)). */
function checkStrArity(id: int, name: string, given: int, kw: string[] | null): void {
  const a = strArity(id);
  if (a === null) return;
  if (kw !== null && kw.length > 0) {
    if (a.keywords.length === 0) throw raise(TypeError, a.style === TAKES ? `${name}() takes no keyword arguments` : `str.${name}() takes no keyword arguments`);
    for (const k of kw) if (!a.keywords.includes(k)) throw raise(TypeError, `'${k}' is an invalid keyword argument for ${name}()`);
  }
  const total = given + (kw === null ? 0 : kw.length);
  if (a.style === NOARGS) {
    if (given > 0) throw raise(TypeError, `str.${name}() takes no arguments (${given} given)`);
  } else if (a.style === EXACTLY_ONE) {
    if (given !== 1) throw raise(TypeError, `str.${name}() takes exactly one argument (${given} given)`);
  } else if (a.style === EXPECTED) {
    if (given < a.min) throw raise(TypeError, `${name} expected at least ${plural(a.min, 'argument')}, got ${given}`);
    if (given > a.max) throw raise(TypeError, `${name} expected at most ${plural(a.max, 'argument')}, got ${given}`);
  } else {
    if (given < a.min) throw raise(TypeError, `${name}() takes at least ${plural(a.min, 'argument')} (${given} given)`);
    if (total > a.max) throw raise(TypeError, `${name}() takes at most ${plural(a.max, 'argument')} (${total} given)`);
  }
}

/** The str methods without arguments (their arity checked), or null for another id. */
function noArgMethod(id: int, s: string): PyObject | null {
  switch (id) {
    case B.STR_UPPER:
      return newStr(strUpper(s));
    case B.STR_LOWER:
      return newStr(strLower(s));
    case B.STR_CASEFOLD:
      return newStr(strCasefold(s));
    case B.STR_ISDIGIT:
      return newBool(strIsAll(s, CT_DIGIT));
    case B.STR_ISDECIMAL:
      return newBool(strIsAll(s, CT_DECIMAL));
    case B.STR_ISNUMERIC:
      return newBool(strIsAll(s, CT_NUMERIC));
    case B.STR_ISALPHA:
      return newBool(strIsAll(s, CT_ALPHA));
    case B.STR_ISALNUM:
      return newBool(strIsAll(s, CT_ALNUM));
    case B.STR_ISSPACE: {
      if (s.length === 0) return False;
      for (const c of cpArray(s)) if (!isSpace(c)) return False;
      return True;
    }
    case B.STR_ISASCII: {
      for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return False;
      return True;
    }
    case B.STR_ISPRINTABLE: {
      for (let i = 0; i < s.length; i++) {
        const c = codePointAt(s, i);
        if (!isPrintableCode(c)) return False;
        if (c > 0xffff) i++;
      }
      return True;
    }
    case B.STR_ISUPPER:
    case B.STR_ISLOWER:
      return newBool(strIsCase(s, id === B.STR_ISUPPER));
    case B.STR_ISTITLE:
      return newBool(strIsTitle(s));
    case B.STR_ISIDENTIFIER:
      return newBool(strIsIdentifier(s));
    case B.STR_TITLE:
      return newStr(strTitle(s));
    case B.STR_CAPITALIZE:
      return newStr(strCapitalize(s));
    case B.STR_SWAPCASE:
      return newStr(strSwapcase(s));
  }
  return null;
}
/** s.split(sep, maxsplit) and s.rsplit(...) with a str separator. */
function splitSep(s: string, sep: string, maxsplit: int, right: boolean): PyList {
  if (sep.length === 0) throw raise(ValueError, 'empty separator');
  // rsplit with no limit still matches from the right ('abbbc'.rsplit('bb') is ['ab', 'c'])
  if (maxsplit < 0 && !right) return strList(s.split(sep));
  if (!right) {
    const out: string[] = [];
    let i = 0;
    while (out.length < maxsplit) {
      const j = indexFrom(s, sep, i);
      if (j < 0) break;
      out.push(s.slice(i, j));
      i = j + sep.length;
    }
    out.push(s.slice(i));
    return strList(out);
  }
  const out: string[] = [];
  let end = s.length;
  while (maxsplit < 0 || out.length < maxsplit) {
    const j = lastIndexFrom(s, sep, end - sep.length);
    if (j < 0 || end - sep.length < 0) break;
    out.push(s.slice(j + sep.length, end));
    end = j;
  }
  out.push(s.slice(0, end));
  out.reverse();
  return strList(out);
}
/** sep.join(src) */
function joinStrs(sep: string, src: PyObject): PyStr {
  let items: PyObject[];
  if (src instanceof PyList) items = src.items;
  else if (src instanceof PyTuple) items = src.items;
  else {
    // PySequence_Fast's words for what cannot be iterated
    const it = getIterOrNull(src);
    if (it === null) throw raise(TypeError, 'can only join an iterable');
    items = iterToArray(it);
  }
  // one item is returned as it is when it is an exact str, as CPython does
  if (items.length === 1) {
    const x = items[0];
    if (x instanceof PyStr && x.cls === strType) return x;
  }
  const parts: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const x = items[i];
    if (!(x instanceof PyStr)) throw raise(TypeError, `sequence item ${i}: expected str instance, ${typeName(x)} found`);
    parts.push(x.s);
  }
  return newStr(parts.join(sep));
}
/** find, rfind, index and rindex of sub in self between code points start and end (clamped
 * to [0, len] as rangeArgs does). */
function findSub(id: int, self: PyStr, sub: string, start: int, end: int): PyInt {
  const s = self.s;
  const bmp = cpLen(self) === s.length;
  const a = bmp ? start : cpIndexToUnit(s, start);
  const b = bmp ? end : cpIndexToUnit(s, end);
  let pos = -1;
  if (a <= s.length && b - a >= sub.length) {
    const j = id === B.STR_FIND || id === B.STR_INDEX ? s.indexOf(sub, a) : s.lastIndexOf(sub, b - sub.length);
    if (j >= a && j + sub.length <= b) pos = bmp ? j : unitToCpIndex(s, j);
  }
  if (pos < 0 && (id === B.STR_INDEX || id === B.STR_RINDEX)) throw raise(ValueError, 'substring not found');
  return newInt(pos);
}

/** self.m(), self.m(x) or self.m(x, y) for an exact str self, positional arguments only (n of
 * them; x, y null past n), straight from the interpreter's stack (interpreter/fastcalls.ts):
 * the common forms, with arguments of exact types, give the result at once; null sends the
 * call the generic way (callStrMethod), which also raises every error. */
export function strMethodFast(id: int, self: PyStr, n: int, x: PyObject | null, y: PyObject | null): PyObject | null {
  const s = self.s;
  switch (id) {
    case B.STR_SPLIT:
    case B.STR_RSPLIT:
      if (n === 0) return strList(id === B.STR_SPLIT ? splitWhitespace(s, -1) : rsplitWhitespace(s, -1));
      if (n === 1 && x instanceof PyStr) return splitSep(s, x.s, -1, id === B.STR_RSPLIT);
      return null;
    case B.STR_JOIN:
      return n === 1 ? joinStrs(s, x as PyObject) : null;
    case B.STR_REPLACE:
      if (n === 2 && x instanceof PyStr && y instanceof PyStr) return newStr(replaceAll(s, x.s, y.s, -1));
      return null;
    case B.STR_STRIP:
    case B.STR_LSTRIP:
    case B.STR_RSTRIP:
      return n === 0 ? newStr(stripChars(s, null, id !== B.STR_RSTRIP, id !== B.STR_LSTRIP)) : null;
    case B.STR_STARTSWITH:
    case B.STR_ENDSWITH:
      // the whole string: prefixMatch over [0, len] (a tuple or a non-str goes the generic way)
      if (n === 1 && x instanceof PyStr) return newBool(prefixMatch(s, x, 0, s.length, id === B.STR_ENDSWITH));
      return null;
    case B.STR_FIND:
    case B.STR_RFIND:
    case B.STR_INDEX:
    case B.STR_RINDEX:
      return n === 1 && x instanceof PyStr ? findSub(id, self, x.s, 0, cpLen(self)) : null;
  }
  return n === 0 ? noArgMethod(id, s) : null;
}

/** name: the method's name, for errors */
export function callStrMethod(name: string, id: int, args: PyObject[], kw: string[] | null): PyObject {
  const self = args[0];
  if (id === B.BYTES_DECODE) return bytesDecodeMethod(args, kw);
  if (id === B.STR_MAKETRANS) {
    return makeTrans(args);
  }
  if (!(self instanceof PyStr)) throw raise(TypeError, `descriptor '${name}' for 'str' objects doesn't apply to a '${typeName(self)}' object`);
  const s = self.s;
  const n = npos(args, kw);
  checkStrArity(id, name, n - 1, kw);
  const r0 = noArgMethod(id, s);
  if (r0 !== null) return r0;
  switch (id) {
    case B.STR_STRIP:
    case B.STR_LSTRIP:
    case B.STR_RSTRIP: {
      const c = n > 1 ? stripArg(args[1], name) : null;
      return newStr(stripChars(s, c, id !== B.STR_RSTRIP, id !== B.STR_LSTRIP));
    }
    case B.STR_SPLIT:
    case B.STR_RSPLIT: {
      const sepO = arg(args, kw, 1, 'sep');
      const mO = arg(args, kw, 2, 'maxsplit');
      const maxsplit = mO === null ? -1 : toSsize(mO);
      if (sepO === null || sepO === None) return strList(id === B.STR_SPLIT ? splitWhitespace(s, maxsplit) : rsplitWhitespace(s, maxsplit));
      return splitSep(s, strArg(sepO, 'must be str or None'), maxsplit, id === B.STR_RSPLIT);
    }
    case B.STR_JOIN:
      return joinStrs(s, args[1]);
    case B.STR_REPLACE: {
      const cO = arg(args, kw, 3, 'count');
      return newStr(replaceAll(s, strArg(args[1], 'replace() argument 1 must be str'), strArg(args[2], 'replace() argument 2 must be str'), cO === null ? -1 : toSsize(cO)));
    }
    case B.STR_STARTSWITH:
    case B.STR_ENDSWITH: {
      const r = rangeArgs(self, args, kw, 2);
      const bmp = cpLen(self) === s.length;
      const a = bmp ? r[0] : cpIndexToUnit(s, r[0]);
      const b = bmp ? r[1] : cpIndexToUnit(s, r[1]);
      if (a > s.length) return False;
      return newBool(prefixMatch(s, args[1], a, b < a ? a : b, id === B.STR_ENDSWITH));
    }
    case B.STR_FIND:
    case B.STR_RFIND:
    case B.STR_INDEX:
    case B.STR_RINDEX: {
      const sub = strArg(args[1], 'must be str');
      const r = rangeArgs(self, args, kw, 2);
      return findSub(id, self, sub, r[0], r[1]);
    }
    case B.STR_COUNT: {
      const sub = strArg(args[1], 'must be str');
      const r = rangeArgs(self, args, kw, 2);
      const bmp = cpLen(self) === s.length;
      const a = bmp ? r[0] : cpIndexToUnit(s, r[0]);
      const b = bmp ? r[1] : cpIndexToUnit(s, r[1]);
      if (a > s.length || b < a) return newInt(0);
      const region = s.slice(a, b);
      if (sub.length === 0) return newInt(cpLen(newStr(region)) + 1);
      return newInt(countSub(region, sub));
    }
    case B.STR_CENTER:
    case B.STR_LJUST:
    case B.STR_RJUST: {
      const width = toIntIndex(args[1]);
      const fill = n > 2 ? strArg(args[2], 'The fill character must be a unicode character') : ' ';
      if (cpLen(newStr(fill)) !== 1) throw raise(TypeError, 'The fill character must be exactly one character long');
      return newStr(padTo(s, width, fill, id === B.STR_LJUST ? -1 : id === B.STR_RJUST ? 1 : 0));
    }
    case B.STR_ZFILL: {
      const width = toIntIndex(args[1]);
      const len = cpLen(self);
      if (len >= width) return self;
      const signed = s.length > 0 && (s[0] === '-' || s[0] === '+');
      return newStr(signed ? s[0] + repeatStr('0', width - len) + s.slice(1) : repeatStr('0', width - len) + s);
    }
    case B.STR_FORMAT: {
      const pos = args.slice(1, n);
      const kwn: string[] = [];
      const kwv: PyObject[] = [];
      if (kw !== null) {
        for (let i = 0; i < kw.length; i++) {
          kwn.push(kw[i]);
          kwv.push(args[n + i]);
        }
      }
      return newStr(strFormat(s, pos, kwn, kwv));
    }
    case B.STR_FORMAT_MAP:
      return newStr(strFormatMap(s, args[1]));
    case B.STR_PARTITION:
    case B.STR_RPARTITION: {
      const sep = strArg(args[1], 'must be str');
      if (sep.length === 0) throw raise(ValueError, 'empty separator');
      const j = id === B.STR_PARTITION ? s.indexOf(sep) : s.lastIndexOf(sep);
      if (j < 0) return id === B.STR_PARTITION ? newTuple([self, newStr(''), newStr('')]) : newTuple([newStr(''), newStr(''), self]);
      return newTuple([newStr(s.slice(0, j)), newStr(sep), newStr(s.slice(j + sep.length))]);
    }
    case B.STR_SPLITLINES: {
      const keepO = arg(args, kw, 1, 'keepends');
      const keep = keepO !== null && keepO !== False && !(keepO instanceof PyInt && keepO.v === 0);
      const out: string[] = [];
      let i = 0;
      let start = 0;
      while (i < s.length) {
        const c = s[i];
        if (c === '\n' || c === '\r' || c === '\x0b' || c === '\x0c' || c === '\x1c' || c === '\x1d' || c === '\x1e' || c === '\x85' || c === '\u2028' || c === '\u2029') {
          let e = i + 1;
          if (c === '\r' && e < s.length && s[e] === '\n') e++;
          out.push(keep ? s.slice(start, e) : s.slice(start, i));
          start = e;
          i = e;
        } else i++;
      }
      if (start < s.length) out.push(s.slice(start));
      return strList(out);
    }
    case B.STR_ENCODE:
      return strEncodeMethod(args, kw);
    case B.STR_EXPANDTABS: {
      const tsO = arg(args, kw, 1, 'tabsize');
      const ts = tsO === null ? 8 : toCInt(tsO);
      const out: string[] = [];
      let col = 0;
      for (const c of cpArray(s)) {
        if (c === '\t') {
          const sp = ts > 0 ? ts - (col % ts) : 0;
          out.push(repeatStr(' ', sp));
          col += sp;
        } else {
          out.push(c);
          col = c === '\n' || c === '\r' ? 0 : col + 1;
        }
      }
      return newStr(out.join(''));
    }
    case B.STR_REMOVEPREFIX: {
      const p = strArg(args[1], 'removeprefix() argument must be str');
      return newStr(p.length > 0 && s.startsWith(p) ? s.slice(p.length) : s);
    }
    case B.STR_REMOVESUFFIX: {
      const p = strArg(args[1], 'removesuffix() argument must be str');
      return newStr(p.length > 0 && s.endsWith(p) ? s.slice(0, s.length - p.length) : s);
    }
    case B.STR_TRANSLATE: {
      const table = args[1];
      const out: string[] = [];
      for (const c of cpArray(s)) {
        let r: PyObject | null = null;
        try {
          r = getItem(table, newInt(codePointAt(c, 0)));
        } catch (e) {
          if (!(e instanceof PyExc && isInstance(e.exc, LookupError))) throw e;
        }
        if (r === null) out.push(c);
        else if (r === None) continue;
        else if (r instanceof PyInt) out.push(codePointToString(r.v));
        else out.push(str(r));
      }
      return newStr(out.join(''));
    }
  }
  throw raise(TypeError, 'bad str method');
}
import { newDict } from '../objects/core.ts';
import { dictSet } from '../objects/dict.ts';
function makeTrans(args: PyObject[]): PyObject {
  const d = newDict();
  const n = args.length;
  if (n === 1) {
    const src = args[0] as PyDict;
    for (const k of dictKeys(src)) {
      const v = dictGet(src, k) as PyObject;
      dictSet(d, k instanceof PyStr ? newInt(codePointAt(k.s, 0)) : k, v);
    }
    return d;
  }
  const a = cpArray((args[0] as PyStr).s);
  const b = cpArray((args[1] as PyStr).s);
  if (a.length !== b.length) throw raise(ValueError, 'the first two maketrans arguments must have equal length');
  for (let i = 0; i < a.length; i++) dictSet(d, newInt(codePointAt(a[i], 0)), newInt(codePointAt(b[i], 0)));
  if (n > 2) for (const c of cpArray((args[2] as PyStr).s)) dictSet(d, newInt(codePointAt(c, 0)), None);
  return d;
}

import { PyStaticMethod, staticmethodType } from '../objects/core.ts';
import { mkBuiltin } from './args.ts';
export function initStrMethods(): void {
  const t = strType;
  defMethod(t, 'upper', B.STR_UPPER, FAM_STR);
  defMethod(t, 'lower', B.STR_LOWER, FAM_STR);
  defMethod(t, 'casefold', B.STR_CASEFOLD, FAM_STR);
  defMethod(t, 'strip', B.STR_STRIP, FAM_STR);
  defMethod(t, 'lstrip', B.STR_LSTRIP, FAM_STR);
  defMethod(t, 'rstrip', B.STR_RSTRIP, FAM_STR);
  defMethod(t, 'split', B.STR_SPLIT, FAM_STR);
  defMethod(t, 'rsplit', B.STR_RSPLIT, FAM_STR);
  defMethod(t, 'join', B.STR_JOIN, FAM_STR);
  defMethod(t, 'replace', B.STR_REPLACE, FAM_STR);
  defMethod(t, 'startswith', B.STR_STARTSWITH, FAM_STR);
  defMethod(t, 'endswith', B.STR_ENDSWITH, FAM_STR);
  defMethod(t, 'find', B.STR_FIND, FAM_STR);
  defMethod(t, 'rfind', B.STR_RFIND, FAM_STR);
  defMethod(t, 'index', B.STR_INDEX, FAM_STR);
  defMethod(t, 'rindex', B.STR_RINDEX, FAM_STR);
  defMethod(t, 'count', B.STR_COUNT, FAM_STR);
  defMethod(t, 'isdigit', B.STR_ISDIGIT, FAM_STR);
  defMethod(t, 'isdecimal', B.STR_ISDECIMAL, FAM_STR);
  defMethod(t, 'isnumeric', B.STR_ISNUMERIC, FAM_STR);
  defMethod(t, 'isalpha', B.STR_ISALPHA, FAM_STR);
  defMethod(t, 'isalnum', B.STR_ISALNUM, FAM_STR);
  defMethod(t, 'isspace', B.STR_ISSPACE, FAM_STR);
  defMethod(t, 'isupper', B.STR_ISUPPER, FAM_STR);
  defMethod(t, 'islower', B.STR_ISLOWER, FAM_STR);
  defMethod(t, 'istitle', B.STR_ISTITLE, FAM_STR);
  defMethod(t, 'isidentifier', B.STR_ISIDENTIFIER, FAM_STR);
  defMethod(t, 'isascii', B.STR_ISASCII, FAM_STR);
  defMethod(t, 'isprintable', B.STR_ISPRINTABLE, FAM_STR);
  defMethod(t, 'title', B.STR_TITLE, FAM_STR);
  defMethod(t, 'capitalize', B.STR_CAPITALIZE, FAM_STR);
  defMethod(t, 'swapcase', B.STR_SWAPCASE, FAM_STR);
  defMethod(t, 'center', B.STR_CENTER, FAM_STR);
  defMethod(t, 'ljust', B.STR_LJUST, FAM_STR);
  defMethod(t, 'rjust', B.STR_RJUST, FAM_STR);
  defMethod(t, 'zfill', B.STR_ZFILL, FAM_STR);
  defMethod(t, 'format', B.STR_FORMAT, FAM_STR);
  defMethod(t, 'format_map', B.STR_FORMAT_MAP, FAM_STR);
  defMethod(t, 'partition', B.STR_PARTITION, FAM_STR);
  defMethod(t, 'rpartition', B.STR_RPARTITION, FAM_STR);
  defMethod(t, 'splitlines', B.STR_SPLITLINES, FAM_STR);
  defMethod(t, 'encode', B.STR_ENCODE, FAM_STR);
  defMethod(t, 'expandtabs', B.STR_EXPANDTABS, FAM_STR);
  defMethod(t, 'removeprefix', B.STR_REMOVEPREFIX, FAM_STR);
  defMethod(t, 'removesuffix', B.STR_REMOVESUFFIX, FAM_STR);
  defMethod(t, 'translate', B.STR_TRANSLATE, FAM_STR);
  t.dict.set('maketrans', new PyStaticMethod(staticmethodType, mkBuiltin('maketrans', B.STR_MAKETRANS, false, FAM_STR)));
  defMethod(bytesType, 'decode', B.BYTES_DECODE, FAM_STR);
}
