// What _sre asks of a single character: its categories (\d \s \w in their ASCII, locale and
// Unicode kinds), case folding, and membership in a compiled character set (IN's operands).
// Unicode properties come from the VM's own tables (vm/objects/strutil.ts), so \w and
// str.isalnum agree.
import type { int } from '../../../translate/rlib/index.ts';
import { isSpaceCode, isAlphaCode, lowerCode, upperCode } from '../../objects/strutil.ts';
import * as K from './constants.ts';

/** The code points whose str.isdecimal() is true come in runs of ten starting here
 * (Unicode 14, as CPython 3.11). */
const DECIMAL_STARTS: int[] = [
  0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0,
  0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620,
  0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0,
  0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60,
  0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

export function isUniDecimal(c: int): boolean {
  return decimalValue(c) >= 0;
}
/** The digit c stands for (str.isdecimal characters), or -1. */
export function decimalValue(c: int): int {
  if (c < 128) return c >= 48 && c <= 57 ? c - 48 : -1;
  for (const s of DECIMAL_STARTS) if (c >= s && c < s + 10) return c - s;
  return -1;
}
function isAsciiDigit(c: int): boolean {
  return c >= 48 && c <= 57;
}
/** SRE_IS_SPACE: the ASCII whitespace of C's isspace */
function isAsciiSpace(c: int): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
function isAsciiAlnum(c: int): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
export function isAsciiWord(c: int): boolean {
  return isAsciiAlnum(c) || c === 95;
}
export function isUniWord(c: int): boolean {
  if (c < 128) return isAsciiWord(c);
  return (c < 0x10000 && isAlphaCode(c)) || isUniDecimal(c);
}
/** Locale-dependent \w: the C locale pyvm runs in, where only ASCII letters are alphanumeric. */
export function isLocWord(c: int): boolean {
  return c < 256 && isAsciiWord(c);
}
function isUniLinebreak(c: int): boolean {
  return (c >= 10 && c <= 13) || (c >= 0x1c && c <= 0x1e) || c === 0x85 || c === 0x2028 || c === 0x2029;
}
export function isLinebreak(c: int): boolean {
  return c === 10;
}

export function category(cat: int, c: int): boolean {
  switch (cat) {
    case K.CATEGORY_DIGIT:
      return isAsciiDigit(c);
    case K.CATEGORY_NOT_DIGIT:
      return !isAsciiDigit(c);
    case K.CATEGORY_SPACE:
      return isAsciiSpace(c);
    case K.CATEGORY_NOT_SPACE:
      return !isAsciiSpace(c);
    case K.CATEGORY_WORD:
      return isAsciiWord(c);
    case K.CATEGORY_NOT_WORD:
      return !isAsciiWord(c);
    case K.CATEGORY_LINEBREAK:
      return c === 10;
    case K.CATEGORY_NOT_LINEBREAK:
      return c !== 10;
    case K.CATEGORY_LOC_WORD:
      return isLocWord(c);
    case K.CATEGORY_LOC_NOT_WORD:
      return !isLocWord(c);
    case K.CATEGORY_UNI_DIGIT:
      return isUniDecimal(c);
    case K.CATEGORY_UNI_NOT_DIGIT:
      return !isUniDecimal(c);
    case K.CATEGORY_UNI_SPACE:
      return isSpaceCode(c);
    case K.CATEGORY_UNI_NOT_SPACE:
      return !isSpaceCode(c);
    case K.CATEGORY_UNI_WORD:
      return isUniWord(c);
    case K.CATEGORY_UNI_NOT_WORD:
      return !isUniWord(c);
    case K.CATEGORY_UNI_LINEBREAK:
      return isUniLinebreak(c);
    case K.CATEGORY_UNI_NOT_LINEBREAK:
      return !isUniLinebreak(c);
  }
  return false;
}

export function lowerAscii(c: int): int {
  return c >= 65 && c <= 90 ? c + 32 : c;
}
export function upperAscii(c: int): int {
  return c >= 97 && c <= 122 ? c - 32 : c;
}
export function lowerUnicode(c: int): int {
  return c < 0x10000 ? lowerCode(c) : c;
}
export function upperUnicode(c: int): int {
  return c < 0x10000 ? upperCode(c) : c;
}
export function lowerLocale(c: int): int {
  return c < 256 ? lowerAscii(c) : c;
}
export function upperLocale(c: int): int {
  return c < 256 ? upperAscii(c) : c;
}
export function asciiIsCased(c: int): boolean {
  return c < 128 && ((c >= 65 && c <= 90) || (c >= 97 && c <= 122));
}
export function unicodeIsCased(c: int): boolean {
  return c !== lowerUnicode(c) || c !== upperUnicode(c);
}
/** A LITERAL_LOC_IGNORE test: c equals the pattern's character up to the locale's case. */
export function charLocIgnore(pat: int, c: int): boolean {
  return c === pat || lowerLocale(c) === pat || upperLocale(c) === pat;
}

/** Whether c is in the set compiled at code[at...] (ending with FAILURE); false also for a
 * malformed set, which the compiler never emits. */
export function inCharset(code: int[], at: int, c: int): boolean {
  let ok = true;
  let p = at;
  for (;;) {
    const op = code[p++];
    switch (op) {
      case K.OP_FAILURE:
        return !ok;
      case K.OP_LITERAL:
        if (c === code[p]) return ok;
        p++;
        break;
      case K.OP_CATEGORY:
        if (category(code[p], c)) return ok;
        p++;
        break;
      case K.OP_CHARSET:
        // 256 bits in 8 words
        if (c < 256 && ((code[p + (c >> 5)] >>> (c & 31)) & 1) !== 0) return ok;
        p += 8;
        break;
      case K.OP_RANGE:
        if (code[p] <= c && c <= code[p + 1]) return ok;
        p += 2;
        break;
      case K.OP_RANGE_UNI_IGNORE: {
        if (code[p] <= c && c <= code[p + 1]) return ok;
        const u = upperUnicode(c);
        if (code[p] <= u && u <= code[p + 1]) return ok;
        p += 2;
        break;
      }
      case K.OP_NEGATE:
        ok = !ok;
        break;
      case K.OP_BIGCHARSET: {
        // <count> <256 block numbers, one byte each, packed little-endian in 64 words> <count blocks of 8 words>
        const count = code[p++];
        let block = -1;
        if (c < 0x10000) {
          const hi = c >> 8;
          block = (code[p + (hi >> 2)] >>> ((hi & 3) * 8)) & 255;
        }
        p += 64;
        if (block >= 0) {
          const bit = block * 256 + (c & 255);
          if (((code[p + (bit >> 5)] >>> (bit & 31)) & 1) !== 0) return ok;
        }
        p += count * 8;
        break;
      }
      default:
        return false;
    }
  }
}

/** Tables of a pattern's character sets for the characters below 256 (all of a bytes
 * subject's), built the first time the matcher tests characters against a set: membership is
 * then one load, where inCharset walks the set's items for every character (what
 * `[A-Za-z]+` over a long text spends its time on). slot[at] is where the 256 entries (1 in,
 * 0 out) of the set at code[at] start in bits, -1 until built. */
export class SetTables {
  slot: int[] = [];
  bits: int[] = [];
}
/** Where the table of the set at code[at] starts in t.bits, building it on first use. */
export function setTable(t: SetTables, code: int[], at: int): int {
  // no allocation on this path (buildTable's pushes are out of line), so the lookup needs no
  // GC frame and genc can inline it
  if (at < t.slot.length) {
    const k = t.slot[at];
    if (k >= 0) return k;
  }
  return buildTable(t, code, at);
}
function buildTable(t: SetTables, code: int[], at: int): int {
  if (t.slot.length === 0) for (let i = 0; i < code.length; i++) t.slot.push(-1);
  const base = t.bits.length;
  for (let c = 0; c < 256; c++) t.bits.push(inCharset(code, at, c) ? 1 : 0);
  t.slot[at] = base;
  return base;
}
