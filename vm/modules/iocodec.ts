// The text encodings _io's TextIOWrapper speaks (utf-8, latin-1, ascii) with CPython's error
// handlers (strict, ignore, replace, surrogateescape, backslashreplace). Decoding is incremental:
// a chunk that ends inside a UTF-8 sequence leaves the sequence's bytes for the next chunk.
import type { int } from '../../translate/rlib/index.ts';
import { PyBaseExc, PyExc, PyObject, PyType, newStr, newInt, raise, LookupError, UnicodeDecodeError, UnicodeEncodeError } from '../objects/core.ts';
import { codePointToString } from '../parser/parser.ts';
import { hex2 } from '../interpreter/runtime.ts';

export const ENC_UTF8 = 0;
export const ENC_LATIN1 = 1;
export const ENC_ASCII = 2;

/** The codec number of an encoding name (as codecs.lookup normalises it), or a LookupError. */
export function codecOf(name: string): int {
  const n = name.toLowerCase().split('-').join('_').split(' ').join('_');
  if (n === 'utf_8' || n === 'utf8' || n === 'u8' || n === 'utf' || n === 'cp65001') return ENC_UTF8;
  if (n === 'latin_1' || n === 'latin1' || n === 'iso_8859_1' || n === 'iso8859_1' || n === '8859' || n === 'l1' || n === 'latin' || n === 'cp819') return ENC_LATIN1;
  if (n === 'ascii' || n === 'us_ascii' || n === '646') return ENC_ASCII;
  throw raise(LookupError, `unknown encoding: ${name}`);
}
/** CPython's canonical name of a codec (TextIOWrapper.encoding keeps what it was given). */
export function codecName(c: int): string {
  return c === ENC_UTF8 ? 'utf-8' : c === ENC_LATIN1 ? 'latin-1' : 'ascii';
}
const HANDLERS: string[] = ['strict', 'ignore', 'replace', 'surrogateescape', 'backslashreplace', 'surrogatepass', 'xmlcharrefreplace', 'namereplace'];
export function checkErrors(errors: string): void {
  if (!HANDLERS.includes(errors)) throw raise(LookupError, `unknown error handler name '${errors}'`);
}

function unicodeError(t: PyType, codec: string, obj: string, start: int, end: int, reason: string, msg: string): PyExc {
  const e = new PyBaseExc(t);
  e.args.push(newStr(msg));
  const names: string[] = ['encoding', 'object', 'start', 'end', 'reason'];
  const vals: PyObject[] = [newStr(codec), newStr(obj), newInt(start), newInt(end), newStr(reason)];
  for (let i = 0; i < names.length; i++) {
    e.map = e.map.withAttr(names[i]);
    e.slots.push(vals[i]);
  }
  return new PyExc(e);
}

export class Decoder {
  codec: int;
  errors: string;
  /** bytes of an unfinished UTF-8 sequence, waiting for the next chunk */
  pending: int[] = [];
  constructor(codec: int, errors: string) {
    this.codec = codec;
    this.errors = errors;
  }
  /** Decodes chunk after the pending bytes; final: no more input follows. */
  decode(chunk: int[], final: boolean): string {
    let b = chunk;
    if (this.pending.length > 0) {
      b = this.pending.slice(0);
      for (const x of chunk) b.push(x);
      this.pending = [];
    }
    const out: string[] = [];
    let i = 0;
    while (i < b.length) {
      const c = b[i];
      if (c < 0x80) {
        // a run of ASCII at once: most text is mostly ASCII
        const run: string[] = [];
        while (i < b.length && b[i] < 0x80) {
          run.push(String.fromCharCode(b[i]));
          i++;
        }
        out.push(run.join(''));
        continue;
      }
      if (this.codec === ENC_LATIN1) {
        out.push(String.fromCharCode(c));
        i++;
        continue;
      }
      if (this.codec === ENC_ASCII) {
        this.bad(out, b, i, i + 1, 'ordinal not in range(128)', 'ascii');
        i++;
        continue;
      }
      const n = c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
      if (n === 0) {
        this.bad(out, b, i, i + 1, 'invalid start byte', 'utf-8');
        i++;
        continue;
      }
      // how many continuation bytes follow (with the second byte's narrower ranges)
      let k = 1;
      while (k < n && i + k < b.length) {
        const d = b[i + k];
        let lo = 0x80;
        let hi = 0xbf;
        if (k === 1) {
          if (c === 0xe0) lo = 0xa0;
          else if (c === 0xed) hi = 0x9f;
          else if (c === 0xf0) lo = 0x90;
          else if (c === 0xf4) hi = 0x8f;
        }
        if (d < lo || d > hi) break;
        k++;
      }
      if (k < n) {
        if (i + k >= b.length && !final) {
          this.pending = b.slice(i);
          break;
        }
        this.bad(out, b, i, i + k, i + k >= b.length ? 'unexpected end of data' : 'invalid continuation byte', 'utf-8');
        i += k;
        continue;
      }
      let cp = 0;
      if (n === 2) cp = ((c & 31) << 6) | (b[i + 1] & 63);
      else if (n === 3) cp = ((c & 15) << 12) | ((b[i + 1] & 63) << 6) | (b[i + 2] & 63);
      else cp = ((c & 7) << 18) | ((b[i + 1] & 63) << 12) | ((b[i + 2] & 63) << 6) | (b[i + 3] & 63);
      out.push(codePointToString(cp));
      i += n;
    }
    return out.join('');
  }
  private bad(out: string[], b: int[], start: int, end: int, reason: string, codec: string): void {
    const h = this.errors;
    if (h === 'ignore') return;
    if (h === 'replace') {
      out.push('\ufffd');
      return;
    }
    if (h === 'surrogateescape') {
      for (let j = start; j < end; j++) out.push(String.fromCharCode(0xdc00 + b[j]));
      return;
    }
    if (h === 'backslashreplace') {
      for (let j = start; j < end; j++) out.push('\\x' + hex2(b[j]));
      return;
    }
    const what = end - start === 1 ? `byte 0x${hex2(b[start])} in position ${start}` : `bytes in position ${start}-${end - 1}`;
    throw unicodeError(UnicodeDecodeError, codec, '', start, end, reason, `'${codec}' codec can't decode ${what}: ${reason}`);
  }
}

/** s encoded; errors as CPython's handlers. */
export function encodeText(s: string, codec: int, errors: string): int[] {
  const out: int[] = [];
  const limit = codec === ENC_ASCII ? 0x80 : codec === ENC_LATIN1 ? 0x100 : 0x110000;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    let w = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = (c - 0xd800) * 1024 + (d - 0xdc00) + 0x10000;
        w = 2;
      }
    }
    const lone = c >= 0xd800 && c <= 0xdfff;
    if (c < limit && !(lone && codec === ENC_UTF8 && errors !== 'surrogatepass')) {
      if (c < 0x80) out.push(c);
      else if (codec !== ENC_UTF8) out.push(c);
      else if (c < 0x800) {
        out.push(0xc0 | (c >> 6));
        out.push(0x80 | (c & 63));
      }
      else if (c < 0x10000) {
        out.push(0xe0 | (c >> 12));
        out.push(0x80 | ((c >> 6) & 63));
        out.push(0x80 | (c & 63));
      }
      else {
        out.push(0xf0 | (c >> 18));
        out.push(0x80 | ((c >> 12) & 63));
        out.push(0x80 | ((c >> 6) & 63));
        out.push(0x80 | (c & 63));
      }
    } else if (errors === 'ignore') {
      // dropped
    } else if (errors === 'replace') out.push(63);
    else if (errors === 'surrogateescape' && c >= 0xdc80 && c <= 0xdcff) out.push(c - 0xdc00);
    else if (errors === 'backslashreplace') {
      const hx = c.toString(16);
      const esc = c < 0x100 ? '\\x' + hx.padStart(2, '0') : c < 0x10000 ? '\\u' + hx.padStart(4, '0') : '\\U' + hx.padStart(8, '0');
      for (let j = 0; j < esc.length; j++) out.push(esc.charCodeAt(j));
    } else if (errors === 'xmlcharrefreplace') {
      const esc = '&#' + String(c) + ';';
      for (let j = 0; j < esc.length; j++) out.push(esc.charCodeAt(j));
    } else {
      const name = codecName(codec);
      const reason = lone && codec === ENC_UTF8 ? 'surrogates not allowed' : `ordinal not in range(${limit})`;
      throw unicodeError(UnicodeEncodeError, name, s, i, i + w, reason, `'${name}' codec can't encode character '\\${c < 0x10000 ? 'u' + c.toString(16).padStart(4, '0') : 'U' + c.toString(16).padStart(8, '0')}' in position ${i}: ${reason}`);
    }
    i += w - 1;
  }
  return out;
}
/** How many bytes s takes encoded (for tell(): the decoded text not yet consumed). */
export function encodedLength(s: string, codec: int): int {
  if (codec !== ENC_UTF8) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n++;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else if (c >= 0xdc80 && c <= 0xdcff) n++;
    else n += 3;
  }
  return n;
}
