// The codec state of a TextIOWrapper: the native codecs (vm/modules/codecs/unicode.ts) decode
// incrementally here, keeping an unfinished sequence's bytes for the next chunk and the byte
// order a utf-16/utf-32 stream began with; any other encoding uses the incremental decoder and
// encoder its codec registers (codecs.lookup(encoding).incrementaldecoder/incrementalencoder).
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyStr, PyBytes, PyTuple, newStr, newInt, newBool, bytesType, raise, TypeError } from '../objects/core.ts';
import { callObj, getAttr, typeName } from '../interpreter/runtime.ts';
import { C_UTF8, C_LATIN1, C_ASCII, C_UTF16, C_UTF16LE, C_UTF16BE, C_UTF32, C_UTF32LE, C_UTF32BE, normalizeEncoding, nativeCodec, encodeNative, decodeNative, withoutBom } from './codecs/unicode.ts';
import { checkHandlerName } from './codecs/errors.ts';
import { lookupCodec } from './codecs/module.ts';

export const ENC_UTF8 = C_UTF8;
/** the codec number of the encodings only the codec registry knows */
export const ENC_REGISTRY = -1;

/** The native codec of an encoding name, or ENC_REGISTRY after checking the registry knows it
 * (a LookupError otherwise, as TextIOWrapper raises). */
export function codecOf(name: string): int {
  const c = nativeCodec(normalizeEncoding(name));
  if (c >= 0) return c;
  lookupCodec(name);
  return ENC_REGISTRY;
}
export function checkErrors(errors: string): void {
  checkHandlerName(errors);
}

export class Decoder {
  codec: int;
  encoding: string;
  errors: string;
  /** bytes of an unfinished sequence, waiting for the next chunk (native codecs) */
  pending: int[] = [];
  /** utf-16/utf-32: the byte order found (-1 little, 1 big), 0 before the first bytes */
  byteorder: int = 0;
  /** whether the byte order mark was written (utf-16/utf-32 writes it once) */
  wroteBom: boolean = false;
  pyDecoder: PyObject | null = null;
  pyEncoder: PyObject | null = null;
  constructor(codec: int, encoding: string, errors: string) {
    this.codec = codec;
    this.encoding = encoding;
    this.errors = errors;
  }
  /** Decodes chunk after the pending bytes; final: no more input follows. */
  decode(chunk: int[], final: boolean): string {
    if (this.codec === ENC_REGISTRY) {
      if (this.pyDecoder === null) this.pyDecoder = callObj(getAttr(lookupCodec(this.encoding), 'incrementaldecoder'), [newStr(this.errors)], null);
      const r = callObj(getAttr(this.pyDecoder, 'decode'), [new PyBytes(bytesType, chunk), newBool(final)], null);
      if (!(r instanceof PyStr)) throw raise(TypeError, `decoder should return a string result, not '${typeName(r)}'`);
      return r.s;
    }
    let b = chunk;
    if (this.pending.length > 0) {
      b = this.pending.slice(0);
      for (const x of chunk) b.push(x);
    }
    const d = decodeNative(this.codec, b, this.errors, final, this.byteorder);
    if (d.byteorder !== 0) this.byteorder = d.byteorder;
    this.pending = b.slice(d.consumed);
    return d.text;
  }
  /** Whether encoding may begin with a byte order mark (utf-16, utf-32, or a registry codec
   * such as utf-8-sig), so that where the stream starts matters. */
  mayWriteBom(): boolean {
    return this.codec === C_UTF16 || this.codec === C_UTF32 || this.codec === ENC_REGISTRY;
  }
  /** The encoder's state for a position: at the start of the stream it writes a byte order mark
   * first (reset()); elsewhere it does not (setstate(0)), as CPython's TextIOWrapper sets it. */
  setStartOfStream(start: boolean): void {
    if (this.codec !== ENC_REGISTRY) {
      this.wroteBom = !start;
      return;
    }
    if (this.pyEncoder === null) this.pyEncoder = callObj(getAttr(lookupCodec(this.encoding), 'incrementalencoder'), [newStr(this.errors)], null);
    if (start) callObj(getAttr(this.pyEncoder, 'reset'), [], null);
    else callObj(getAttr(this.pyEncoder, 'setstate'), [newInt(0)], null);
  }
  encode(s: string): int[] {
    if (this.codec === ENC_REGISTRY) {
      if (this.pyEncoder === null) this.pyEncoder = callObj(getAttr(lookupCodec(this.encoding), 'incrementalencoder'), [newStr(this.errors)], null);
      const r = callObj(getAttr(this.pyEncoder, 'encode'), [newStr(s)], null);
      if (!(r instanceof PyBytes)) throw raise(TypeError, `encoder should return a bytes object, not '${typeName(r)}'`);
      return r.b;
    }
    let c = this.codec;
    if (this.wroteBom) c = withoutBom(c);
    this.wroteBom = true;
    return encodeNative(c, newStr(s), this.errors);
  }
}

/** How many bytes s takes encoded (for tell(): the decoded text not yet consumed). */
export function encodedLength(s: string, dec: Decoder): int {
  // (no text is no bytes: a registry codec's stateless encode('') may still give a BOM)
  if (s.length === 0) return 0;
  const c = dec.codec;
  if (c === C_LATIN1 || c === C_ASCII) return s.length;
  if (c === C_UTF16 || c === C_UTF16LE || c === C_UTF16BE) return s.length * 2;
  if (c === C_UTF8) {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const x = s.charCodeAt(i);
      if (x < 0x80) n++;
      else if (x < 0x800) n += 2;
      else if (x >= 0xd800 && x <= 0xdbff && i + 1 < s.length) {
        n += 4;
        i++;
      } else if (x >= 0xdc80 && x <= 0xdcff) n++;
      else n += 3;
    }
    return n;
  }
  if (c === C_UTF32 || c === C_UTF32LE || c === C_UTF32BE) {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const x = s.charCodeAt(i);
      if (x >= 0xd800 && x <= 0xdbff && i + 1 < s.length) i++;
      n += 4;
    }
    return n;
  }
  // a registry codec: its stateless encoding of the same text
  const r = callObj(getAttr(lookupCodec(dec.encoding), 'encode'), [newStr(s), newStr(dec.errors)], null);
  if (r instanceof PyTuple && r.items.length > 0 && r.items[0] instanceof PyBytes) return (r.items[0] as PyBytes).b.length;
  return s.length;
}
