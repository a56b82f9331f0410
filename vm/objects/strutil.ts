// Python str helpers over JS UTF-16 strings: len() and indexing count code points.
import type { int } from '../../translate/rlib/index.ts';
import { PyStr, strType } from './core.ts';
import { checkRepeat, MAX_STR_UNITS } from './sizes.ts';

/** s repeated n times (n <= 0 gives ''), or MemoryError when the result would be too large. */
/** Bytes as a string of one char per byte (what os.call passes to C, latin-1 text). Built by one
 * join: `s +=` per byte copies the string each time in translated code, quadratic in its length
 * (a 100 kB socket send took 6.6 s). */
export function latin1String(b: int[]): string {
  const parts: string[] = [];
  for (const x of b) parts.push(String.fromCharCode(x));
  return parts.join('');
}

export function repeatStr(s: string, n: int): string {
  if (n <= 0 || s.length === 0) return '';
  checkRepeat(s.length, n, MAX_STR_UNITS);
  return s.repeat(n);
}

export function cpLen(o: PyStr): int {
  if (o.ncp >= 0) return o.ncp;
  const s = o.s;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  o.ncp = n;
  return n;
}
/** Code points of s as separate strings. */
export function cpArray(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out.push(s.slice(i, i + 2));
        i++;
        continue;
      }
    }
    out.push(s[i]);
  }
  return out;
}
export function codePointAt(s: string, i: int): int {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 1024 + (d - 0xdc00) + 0x10000;
  }
  return c;
}
export function isSpace(c: string): boolean {
  return c.length === 1 && isSpaceCode(c.charCodeAt(0));
}
/** Python's whitespace (str.isspace, str.split()): the Unicode White_Space characters. */
export function isSpaceCode(k: int): boolean {
  if (k < 128) return k === 32 || (k >= 9 && k <= 13) || (k >= 28 && k <= 31);
  return k === 0x85 || k === 0xa0 || k === 0x1680 || (k >= 0x2000 && k <= 0x200a) || k === 0x2028 || k === 0x2029 || k === 0x202f || k === 0x205f || k === 0x3000;
}
/** Whether a BMP code unit is a letter, for the alphabets the case tables below cover (re's \w). */
export function isAlphaCode(k: int): boolean {
  if ((k >= 65 && k <= 90) || (k >= 97 && k <= 122)) return true;
  if (k < 0xc0) return k === 0xaa || k === 0xb5 || k === 0xba;
  return k !== 0xd7 && k !== 0xf7 && (k === 0xdf || upperCode(k) !== lowerCode(k));
}
/** s.startsWith(sub) at position pos. */
export function startsAt(s: string, sub: string, pos: int): boolean {
  if (pos < 0 || pos + sub.length > s.length) return false;
  return s.startsWith(sub, pos);
}
/** First index >= from where sub occurs in s, or -1. */
export function indexFrom(s: string, sub: string, from: int): int {
  const start = from < 0 ? 0 : from;
  if (start + sub.length > s.length) return -1;
  return s.indexOf(sub, start);
}
/** Last index <= from where sub occurs in s, or -1. */
export function lastIndexFrom(s: string, sub: string, from: int): int {
  const i = from + sub.length > s.length ? s.length - sub.length : from;
  if (i < 0) return -1;
  return s.lastIndexOf(sub, i);
}

// ---- simple case mapping for the common alphabets (isalpha and re's IGNORECASE; str's case methods
// use the full Unicode mappings of casemap.ts) ----
/** Upper-case code of a BMP code unit, or the same code when it has no simple mapping. */
export function upperCode(c: int): int {
  if (c >= 97 && c <= 122) return c - 32;
  if (c < 128) return c;
  if (c === 0xb5) return 0x39c;
  if (c >= 0xe0 && c <= 0xfe && c !== 0xf7) return c - 32;
  if (c === 0xff) return 0x178;
  if (c >= 0x100 && c <= 0x137 && c % 2 === 1) return c - 1;
  if (c >= 0x139 && c <= 0x148 && c % 2 === 0) return c - 1;
  if (c >= 0x14a && c <= 0x177 && c % 2 === 1) return c - 1;
  if (c === 0x17a || c === 0x17c || c === 0x17e) return c - 1;
  if (c >= 0x3b1 && c <= 0x3c9 && c !== 0x3c2) return c - 32;
  if (c === 0x3c2) return 0x3a3;
  if (c >= 0x3ac && c <= 0x3af) return c === 0x3ac ? 0x386 : c - 37;
  if (c >= 0x430 && c <= 0x44f) return c - 32;
  if (c >= 0x450 && c <= 0x45f) return c - 80;
  return c;
}
/** Lower-case code of a BMP code unit, or the same code. */
export function lowerCode(c: int): int {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c;
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 32;
  if (c === 0x178) return 0xff;
  if (c >= 0x100 && c <= 0x137 && c % 2 === 0) return c + 1;
  if (c >= 0x139 && c <= 0x148 && c % 2 === 1) return c + 1;
  if (c >= 0x14a && c <= 0x177 && c % 2 === 0) return c + 1;
  if (c === 0x179 || c === 0x17b || c === 0x17d) return c + 1;
  if (c >= 0x391 && c <= 0x3a9 && c !== 0x3a2) return c + 32;
  if (c === 0x386) return 0x3ac;
  if (c >= 0x388 && c <= 0x38a) return c + 37;
  if (c >= 0x410 && c <= 0x42f) return c + 32;
  if (c >= 0x400 && c <= 0x40f) return c + 80;
  return c;
}

/** a's and b's order by code point (Python's), where JS's < orders UTF-16 code units and so puts
 * an astral character (a surrogate pair, from 0xD800) before BMP characters from 0xE000. */
export function strCompare(a: string, b: string): int {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x < 0xd800 || y < 0xd800) return x < y ? -1 : 1;
    const kx = inPair(a, i) ? x + 0x10000 : x;
    const ky = inPair(b, i) ? y + 0x10000 : y;
    return kx < ky ? -1 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}
/** whether s[i] is half of a surrogate pair (a lone surrogate is a code point of its own) */
function inPair(s: string, i: int): boolean {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c < 0xdc00) return i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) < 0xe000;
  if (c >= 0xdc00 && c < 0xe000) return i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) < 0xdc00;
  return false;
}
