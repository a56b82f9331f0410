// The escape codecs: unicode_escape and raw_unicode_escape (str <-> bytes of Python escapes)
// and escape_encode/escape_decode (bytes <-> bytes, the body of a bytes literal).
import type { int } from '../../../translate/rlib/index.ts';
import { PyStr, raise, ValueError } from '../../objects/core.ts';
import { codePointToString } from '../../parser/parser.ts';
import { decodeError } from './errors.ts';
import { toCps, Decoded } from './unicode.ts';

function hexValue(c: int): int {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}
function pushAscii(out: int[], s: string): void {
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
}
function hexPad(v: int, n: int): string {
  return v.toString(16).padStart(n, '0');
}
/** The escape of one code point as unicode_escape writes it (raw: only past latin-1). */
function escapeCp(out: int[], cp: int, raw: boolean): void {
  if (cp >= 0x10000) pushAscii(out, '\\U' + hexPad(cp, 8));
  else if (cp >= 0x100) pushAscii(out, '\\u' + hexPad(cp, 4));
  else if (raw) out.push(cp);
  else if (cp === 92) pushAscii(out, '\\\\');
  else if (cp === 9) pushAscii(out, '\\t');
  else if (cp === 10) pushAscii(out, '\\n');
  else if (cp === 13) pushAscii(out, '\\r');
  else if (cp < 0x20 || cp >= 0x7f) pushAscii(out, '\\x' + hexPad(cp, 2));
  else out.push(cp);
}
export function unicodeEscapeEncode(s: PyStr, raw: boolean): int[] {
  const out: int[] = [];
  for (const cp of toCps(s.s)) escapeCp(out, cp, raw);
  return out;
}

/** unicode_escape_decode(data, errors, final): other bytes stand for their latin-1 characters. */
export function unicodeEscapeDecode(b: int[], errors: string, final: boolean): Decoded {
  const r = new Decoded();
  const parts: string[] = [];
  const name = 'unicodeescape';
  let i = 0;
  while (i < b.length) {
    const x = b[i];
    if (x !== 92) {
      parts.push(String.fromCharCode(x));
      i++;
      continue;
    }
    const start = i;
    if (i + 1 >= b.length) {
      if (!final) break;
      const rep = decodeError(errors, name, b, start, b.length, '\\ at end of string', null);
      if (rep.text !== null) for (const cp of rep.text) parts.push(codePointToString(cp));
      i = rep.pos;
      continue;
    }
    const c = b[i + 1];
    i += 2;
    let simple = -1;
    if (c === 10) continue;
    if (c === 92 || c === 39 || c === 34) simple = c;
    else if (c === 98) simple = 8;
    else if (c === 102) simple = 12;
    else if (c === 116) simple = 9;
    else if (c === 110) simple = 10;
    else if (c === 114) simple = 13;
    else if (c === 118) simple = 11;
    else if (c === 97) simple = 7;
    if (simple >= 0) {
      parts.push(String.fromCharCode(simple));
      continue;
    }
    if (c >= 48 && c <= 55) {
      let v = c - 48;
      let k = 0;
      while (k < 2 && i < b.length && b[i] >= 48 && b[i] <= 55) {
        v = v * 8 + b[i] - 48;
        i++;
        k++;
      }
      parts.push(codePointToString(v));
      continue;
    }
    const count = c === 120 ? 2 : c === 117 ? 4 : c === 85 ? 8 : 0;
    if (count === 0) {
      // an unknown escape keeps its backslash
      parts.push('\\');
      parts.push(String.fromCharCode(c));
      continue;
    }
    let v = 0;
    let k = 0;
    while (k < count && i < b.length && hexValue(b[i]) >= 0) {
      v = v * 16 + hexValue(b[i]);
      i++;
      k++;
    }
    if (k < count && i >= b.length && !final) {
      i = start;
      break;
    }
    let reason = '';
    if (k < count) reason = count === 2 ? 'truncated \\xXX escape' : count === 4 ? 'truncated \\uXXXX escape' : 'truncated \\UXXXXXXXX escape';
    else if (v > 0x10ffff) reason = 'illegal Unicode character';
    if (reason === '') {
      parts.push(codePointToString(v));
      continue;
    }
    const rep = decodeError(errors, name, b, start, i, reason, null);
    if (rep.text !== null) for (const cp of rep.text) parts.push(codePointToString(cp));
    i = rep.pos;
  }
  r.text = parts.join('');
  r.consumed = i;
  return r;
}

/** raw_unicode_escape_decode: only \uXXXX and \UXXXXXXXX after an odd run of backslashes. */
export function rawUnicodeEscapeDecode(b: int[], errors: string, final: boolean): Decoded {
  const r = new Decoded();
  const parts: string[] = [];
  let i = 0;
  while (i < b.length) {
    if (b[i] !== 92) {
      parts.push(String.fromCharCode(b[i]));
      i++;
      continue;
    }
    const bs = i;
    while (i < b.length && b[i] === 92) {
      parts.push('\\');
      i++;
    }
    if ((i - bs) % 2 === 0 || i >= b.length || (b[i] !== 117 && b[i] !== 85)) continue;
    parts.pop();
    const count = b[i] === 117 ? 4 : 8;
    const escStart = i - 1;
    i++;
    let v = 0;
    let k = 0;
    while (k < count && i < b.length && hexValue(b[i]) >= 0) {
      v = v * 16 + hexValue(b[i]);
      i++;
      k++;
    }
    if (k < count && i >= b.length && !final) {
      i = escStart;
      break;
    }
    let reason = '';
    if (k < count) reason = count === 4 ? 'truncated \\uXXXX escape' : 'truncated \\UXXXXXXXX escape';
    else if (v > 0x10ffff) reason = '\\Uxxxxxxxx out of range';
    if (reason === '') {
      parts.push(codePointToString(v));
      continue;
    }
    const rep = decodeError(errors, 'rawunicodeescape', b, escStart, i, reason, null);
    if (rep.text !== null) for (const cp of rep.text) parts.push(codePointToString(cp));
    i = rep.pos;
  }
  r.text = parts.join('');
  r.consumed = i;
  return r;
}

/** escape_encode: bytes as the body of their repr, quotes always escaped. */
export function escapeEncode(b: int[]): int[] {
  const out: int[] = [];
  for (const x of b) {
    if (x === 92) pushAscii(out, '\\\\');
    else if (x === 39) pushAscii(out, "\\'");
    else if (x === 9) pushAscii(out, '\\t');
    else if (x === 10) pushAscii(out, '\\n');
    else if (x === 13) pushAscii(out, '\\r');
    else if (x < 0x20 || x >= 0x7f) pushAscii(out, '\\x' + hexPad(x, 2));
    else out.push(x);
  }
  return out;
}
/** escape_decode: the escapes of a bytes literal (errors: 'strict', 'ignore' or 'replace'). */
export function escapeDecode(b: int[], errors: string): int[] {
  const out: int[] = [];
  let i = 0;
  while (i < b.length) {
    if (b[i] !== 92) {
      out.push(b[i]);
      i++;
      continue;
    }
    i++;
    if (i >= b.length) throw raise(ValueError, 'Trailing \\ in string');
    const c = b[i];
    i++;
    if (c === 10) continue;
    if (c === 92 || c === 39 || c === 34) out.push(c);
    else if (c === 98) out.push(8);
    else if (c === 102) out.push(12);
    else if (c === 116) out.push(9);
    else if (c === 110) out.push(10);
    else if (c === 114) out.push(13);
    else if (c === 118) out.push(11);
    else if (c === 97) out.push(7);
    else if (c >= 48 && c <= 55) {
      let v = c - 48;
      let k = 0;
      while (k < 2 && i < b.length && b[i] >= 48 && b[i] <= 55) {
        v = v * 8 + b[i] - 48;
        i++;
        k++;
      }
      out.push(v & 255);
    } else if (c === 120) {
      if (i + 1 < b.length && hexValue(b[i]) >= 0 && hexValue(b[i + 1]) >= 0) {
        out.push(hexValue(b[i]) * 16 + hexValue(b[i + 1]));
        i += 2;
      } else if (errors === 'strict') throw raise(ValueError, `invalid \\x escape at position ${i - 2}`);
      else {
        if (errors === 'replace') out.push(63);
        else if (errors !== 'ignore') throw raise(ValueError, `decoding error; unknown error handling code: ${errors}`);
        // skip the hex digits that were there
        let k = 0;
        while (k < 2 && i < b.length && hexValue(b[i]) >= 0) {
          i++;
          k++;
        }
      }
    } else {
      out.push(92);
      out.push(c);
    }
  }
  return out;
}
/** The bytes of a str for the codecs that take text as ASCII (escape_decode, unicode_escape_decode). */
export function strAsBytes(s: PyStr): int[] {
  const out: int[] = [];
  for (const cp of toCps(s.s)) {
    if (cp < 0x80) out.push(cp);
    else {
      // CPython encodes the text as utf-8 first
      if (cp < 0x800) {
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
    }
  }
  return out;
}
