// The codecs pyvm runs natively: utf-8, utf-16 and utf-32 (with and without a byte order),
// latin-1 and ascii. Encoders take code points and report unencodable runs to the error
// handlers (errors.ts); decoders are stateful as CPython's `*_decode(data, errors, final)`: an
// unfinished sequence at the end of non-final input is left unconsumed.
import type { int } from '../../../translate/rlib/index.ts';
import { PyStr } from '../../objects/core.ts';
import { hostBigEndian } from '../../objects/byteorder.ts';
import { codePointToString } from '../../parser/parser.ts';
import { encodeError, decodeError, SurrogateForm } from './errors.ts';

export const C_UTF8 = 0;
export const C_LATIN1 = 1;
export const C_ASCII = 2;
/** utf-16 with a byte order mark, in the host's byte order (as CPython's) */
export const C_UTF16 = 3;
export const C_UTF16LE = 4;
export const C_UTF16BE = 5;
export const C_UTF32 = 6;
export const C_UTF32LE = 7;
export const C_UTF32BE = 8;

/** Code points of s; a lone surrogate is its own code point. */
export function toCps(s: string): int[] {
  const out: int[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out.push((c - 0xd800) * 1024 + (d - 0xdc00) + 0x10000);
        i++;
        continue;
      }
    }
    out.push(c);
  }
  return out;
}
/** An encoding name as CPython's fast paths and encodings.normalize_encoding compare it. */
export function normalizeEncoding(name: string): string {
  return name.toLowerCase().split('-').join('_').split(' ').join('_');
}
/** The native codec of a (normalized) encoding name, -1 for the registry's codecs. */
export function nativeCodec(n: string): int {
  switch (n) {
    case 'utf_8':
    case 'utf8':
    case 'u8':
    case 'utf':
    case 'utf8_ucs2':
    case 'utf8_ucs4':
    case 'cp65001':
      return C_UTF8;
    case 'latin_1':
    case 'latin1':
    case 'iso_8859_1':
    case 'iso8859_1':
    case '8859':
    case 'l1':
    case 'latin':
    case 'cp819':
    case 'iso_ir_100':
      return C_LATIN1;
    case 'ascii':
    case 'us_ascii':
    case '646':
    case 'us':
    case 'ansi_x3.4_1968':
    case 'iso646_us':
      return C_ASCII;
    case 'utf_16':
    case 'utf16':
    case 'u16':
      return C_UTF16;
    case 'utf_16_le':
    case 'utf_16le':
    case 'unicodelittleunmarked':
      return C_UTF16LE;
    case 'utf_16_be':
    case 'utf_16be':
    case 'unicodebigunmarked':
      return C_UTF16BE;
    case 'utf_32':
    case 'utf32':
    case 'u32':
      return C_UTF32;
    case 'utf_32_le':
    case 'utf_32le':
      return C_UTF32LE;
    case 'utf_32_be':
    case 'utf_32be':
      return C_UTF32BE;
  }
  return -1;
}
/** The name CPython gives a codec in its errors and CodecInfo. */
export function codecName(c: int): string {
  switch (c) {
    case C_UTF8:
      return 'utf-8';
    case C_LATIN1:
      return 'latin-1';
    case C_ASCII:
      return 'ascii';
    case C_UTF16:
      return 'utf-16';
    case C_UTF16LE:
      return 'utf-16-le';
    case C_UTF16BE:
      return 'utf-16-be';
    case C_UTF32:
      return 'utf-32';
    case C_UTF32LE:
      return 'utf-32-le';
  }
  return 'utf-32-be';
}
function family(c: int): int {
  return c === C_UTF8 ? 8 : c === C_UTF16 || c === C_UTF16LE || c === C_UTF16BE ? 16 : c === C_UTF32 || c === C_UTF32LE || c === C_UTF32BE ? 32 : 0;
}
function bigEndian(c: int): boolean {
  return c === C_UTF16BE || c === C_UTF32BE;
}
function surrogateForm(c: int): SurrogateForm | null {
  const f = family(c);
  if (f === 0) return null;
  const sf = new SurrogateForm();
  sf.family = f;
  sf.be = bigEndian(c);
  return sf;
}
/** Whether codec c writes code point cp as itself. */
function encodable(c: int, cp: int): boolean {
  if (c === C_ASCII) return cp < 0x80;
  if (c === C_LATIN1) return cp < 0x100;
  return cp < 0xd800 || cp > 0xdfff;
}
function put(out: int[], c: int, cp: int): void {
  const f = family(c);
  if (f === 0) out.push(cp);
  else if (f === 8) {
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) {
      out.push(0xc0 | (cp >> 6));
      out.push(0x80 | (cp & 63));
    } else if (cp < 0x10000) {
      out.push(0xe0 | (cp >> 12));
      out.push(0x80 | ((cp >> 6) & 63));
      out.push(0x80 | (cp & 63));
    } else {
      out.push(0xf0 | (cp >> 18));
      out.push(0x80 | ((cp >> 12) & 63));
      out.push(0x80 | ((cp >> 6) & 63));
      out.push(0x80 | (cp & 63));
    }
  } else if (f === 16) {
    if (cp >= 0x10000) {
      const v = cp - 0x10000;
      put16(out, 0xd800 + (v >> 10), bigEndian(c));
      put16(out, 0xdc00 + (v & 1023), bigEndian(c));
    } else put16(out, cp, bigEndian(c));
  } else if (bigEndian(c)) {
    out.push((cp >> 24) & 255);
    out.push((cp >> 16) & 255);
    out.push((cp >> 8) & 255);
    out.push(cp & 255);
  } else {
    out.push(cp & 255);
    out.push((cp >> 8) & 255);
    out.push((cp >> 16) & 255);
    out.push((cp >> 24) & 255);
  }
}
function put16(out: int[], u: int, be: boolean): void {
  if (be) {
    out.push(u >> 8);
    out.push(u & 255);
  } else {
    out.push(u & 255);
    out.push(u >> 8);
  }
}

/** The codec utf-16 or utf-32 continues with once its byte order mark is written: the host's
 * order, as CPython's encoders after setstate(0); any other codec is itself. */
export function withoutBom(c: int): int {
  if (c === C_UTF16) return hostBigEndian() ? C_UTF16BE : C_UTF16LE;
  if (c === C_UTF32) return hostBigEndian() ? C_UTF32BE : C_UTF32LE;
  return c;
}

/** s encoded by native codec c (utf-16 and utf-32 begin with their byte order mark). */
export function encodeNative(c: int, s: PyStr, errors: string): int[] {
  const out: int[] = [];
  const codec = withoutBom(c);
  if (codec !== c) put(out, codec, 0xfeff);
  const str = s.s;
  // a pure-ASCII string is its own encoding in the 8-bit codecs
  if (family(codec) !== 16 && family(codec) !== 32) {
    let ascii = true;
    for (let i = 0; i < str.length; i++) {
      if (str.charCodeAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      for (let i = 0; i < str.length; i++) out.push(str.charCodeAt(i));
      return out;
    }
  }
  const cps = toCps(str);
  const reason = c === C_ASCII ? 'ordinal not in range(128)' : c === C_LATIN1 ? 'ordinal not in range(256)' : 'surrogates not allowed';
  const sf = surrogateForm(codec);
  let i = 0;
  while (i < cps.length) {
    const cp = cps[i];
    if (encodable(codec, cp)) {
      put(out, codec, cp);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < cps.length && !encodable(codec, cps[j])) j++;
    const rep = encodeError(errors, codecName(c), s, cps, i, j, reason, sf);
    if (rep.bytes !== null) for (const x of rep.bytes) out.push(x);
    else if (rep.text !== null) {
      for (const x of rep.text) {
        // a replacement the codec cannot write either fails as the original error
        if (!encodable(codec, x)) encodeError('strict', codecName(c), s, cps, i, j, reason, sf);
        put(out, codec, x);
      }
    }
    i = rep.pos;
  }
  return out;
}

/** A stateful decoder's answer: the text, how many bytes it used, the byte order it found. */
export class Decoded {
  text: string = '';
  consumed: int = 0;
  /** -1 little-endian, 1 big-endian, 0 undecided (utf-16/utf-32 before their mark) */
  byteorder: int = 0;
}
/** b decoded by native codec c; byteorder as CPython's utf_16_ex_decode (0: detect a BOM). */
export function decodeNative(c: int, b: int[], errors: string, final: boolean, byteorder: int): Decoded {
  const r = new Decoded();
  const f = family(c);
  if (f === 16 || f === 32) return decodeWide(c, b, errors, final, byteorder);
  const parts: string[] = [];
  let i = 0;
  const name = codecName(c);
  const sf = surrogateForm(c);
  while (i < b.length) {
    const x = b[i];
    if (x < 0x80) {
      let j = i;
      while (j < b.length && b[j] < 0x80) j++;
      const run: string[] = [];
      for (let k = i; k < j; k++) run.push(String.fromCharCode(b[k]));
      parts.push(run.join(''));
      i = j;
      continue;
    }
    if (c === C_LATIN1) {
      parts.push(String.fromCharCode(x));
      i++;
      continue;
    }
    let end = i + 1;
    let reason = 'ordinal not in range(128)';
    if (c === C_UTF8) {
      const n = x >= 0xc2 && x < 0xe0 ? 2 : x >= 0xe0 && x < 0xf0 ? 3 : x >= 0xf0 && x < 0xf5 ? 4 : 0;
      reason = 'invalid start byte';
      if (n > 0) {
        // the continuation bytes that fit, the second byte with its narrower ranges
        let k = 1;
        while (k < n && i + k < b.length) {
          const d = b[i + k];
          let lo = 0x80;
          let hi = 0xbf;
          if (k === 1) {
            if (x === 0xe0) lo = 0xa0;
            else if (x === 0xed) hi = 0x9f;
            else if (x === 0xf0) lo = 0x90;
            else if (x === 0xf4) hi = 0x8f;
          }
          if (d < lo || d > hi) break;
          k++;
        }
        if (k === n) {
          let cp = 0;
          if (n === 2) cp = ((x & 31) << 6) | (b[i + 1] & 63);
          else if (n === 3) cp = ((x & 15) << 12) | ((b[i + 1] & 63) << 6) | (b[i + 2] & 63);
          else cp = ((x & 7) << 18) | ((b[i + 1] & 63) << 12) | ((b[i + 2] & 63) << 6) | (b[i + 3] & 63);
          parts.push(codePointToString(cp));
          i += n;
          continue;
        }
        if (i + k >= b.length && !final) break;
        end = i + k;
        reason = i + k >= b.length ? 'unexpected end of data' : 'invalid continuation byte';
      }
    }
    const rep = decodeError(errors, name, b, i, end, reason, sf);
    if (rep.text !== null) for (const cp of rep.text) parts.push(codePointToString(cp));
    i = rep.pos;
  }
  r.text = parts.join('');
  r.consumed = i;
  return r;
}
function unitAt(b: int[], i: int, size: int, be: boolean): int {
  if (size === 2) return be ? (b[i] << 8) | b[i + 1] : (b[i + 1] << 8) | b[i];
  // (a value past 0x7fffffff would be negative in 32 bits: it is out of range either way)
  return be ? (b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3] : (b[i + 3] << 24) | (b[i + 2] << 16) | (b[i + 1] << 8) | b[i];
}
function decodeWide(c: int, b: int[], errors: string, final: boolean, byteorderIn: int): Decoded {
  const r = new Decoded();
  const size = family(c) === 16 ? 2 : 4;
  let bo = c === C_UTF16LE || c === C_UTF32LE ? -1 : c === C_UTF16BE || c === C_UTF32BE ? 1 : byteorderIn;
  let i = 0;
  if (bo === 0) {
    if (b.length < size) {
      // too short to tell whether a byte order mark begins it
      if (!final || b.length === 0) return r;
    } else {
      const le = unitAt(b, 0, size, false);
      const be = unitAt(b, 0, size, true);
      if (le === 0xfeff) {
        bo = -1;
        i = size;
      } else if (be === 0xfeff) {
        bo = 1;
        i = size;
      }
    }
  }
  // no mark: the host's order, as CPython's native default
  const isBe = bo === 1 || (bo === 0 && hostBigEndian());
  r.byteorder = bo;
  const codec = size === 2 ? (isBe ? C_UTF16BE : C_UTF16LE) : isBe ? C_UTF32BE : C_UTF32LE;
  const name = codecName(codec);
  const sf = surrogateForm(codec);
  const parts: string[] = [];
  while (i < b.length) {
    if (b.length - i < size) {
      if (!final) break;
      const rep = decodeError(errors, name, b, i, b.length, 'truncated data', sf);
      if (rep.text !== null) for (const cp of rep.text) parts.push(codePointToString(cp));
      i = rep.pos;
      continue;
    }
    const u = unitAt(b, i, size, isBe);
    let reason = '';
    let end = i + size;
    if (size === 4) {
      if (u < 0 || u > 0x10ffff) reason = 'code point not in range(0x110000)';
      else if (u >= 0xd800 && u <= 0xdfff) reason = 'code point in surrogate code point range(0xd800, 0xe000)';
      else {
        parts.push(codePointToString(u));
        i += 4;
        continue;
      }
    } else if (u < 0xd800 || u > 0xdfff) {
      parts.push(String.fromCharCode(u));
      i += 2;
      continue;
    } else if (u >= 0xdc00) reason = 'illegal encoding';
    else if (b.length - i < 4) {
      if (!final) break;
      reason = 'unexpected end of data';
      end = b.length;
    } else {
      const v = unitAt(b, i + 2, 2, isBe);
      if (v >= 0xdc00 && v <= 0xdfff) {
        parts.push(codePointToString((u - 0xd800) * 1024 + (v - 0xdc00) + 0x10000));
        i += 4;
        continue;
      }
      reason = 'illegal UTF-16 surrogate';
    }
    const rep = decodeError(errors, name, b, i, end, reason, sf);
    if (rep.text !== null) for (const cp of rep.text) parts.push(codePointToString(cp));
    i = rep.pos;
  }
  r.text = parts.join('');
  r.consumed = i;
  return r;
}
