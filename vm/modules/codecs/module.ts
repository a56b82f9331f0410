// The _codecs module: the codec registry (search functions registered from Python, the stdlib's
// `encodings` first among them), the error handler registry, and the per-codec functions. It
// exports textEncode/textDecode, which str.encode, bytes.decode, str(), bytes() and _io use:
// the native codecs answer directly, the others go through the registry as in CPython.
import type { int } from '../../../translate/rlib/index.ts';
import { PyObject, PyModule, PyStr, PyBytes, PyTuple, PyBuiltin, None, newStr, newInt, newTuple, newDict, raise, bytesType, LookupError, TypeError, UnicodeDecodeError, UnicodeEncodeError, UnicodeTranslateError } from '../../objects/core.ts';
import { B, FAM_CODECS } from '../../builtins/ids.ts';
import { npos, arg, mkBuiltin, defMethod, unhandledBuiltin } from '../../builtins/args.ts';
import { newBuiltinModule, addFn } from '../registry.ts';
import { callObj, getAttrOrNull, truthy, typeName, toIntIndex } from '../../interpreter/runtime.ts';
import { isCallable } from '../../builtins/dispatch.ts';
import { importName } from '../../interpreter/importer.ts';
import { HANDLERS, BUILTIN_HANDLERS, callBuiltinHandler, initUnicodeError } from './errors.ts';
import { C_UTF8, C_LATIN1, C_ASCII, C_UTF16, C_UTF16LE, C_UTF16BE, C_UTF32, C_UTF32LE, C_UTF32BE, normalizeEncoding, nativeCodec, encodeNative, decodeNative, Decoded } from './unicode.ts';
import { unicodeEscapeEncode, unicodeEscapeDecode, rawUnicodeEscapeDecode, escapeEncode, escapeDecode, strAsBytes } from './escape.ts';
import { charmapEncode, charmapDecode, charmapBuild } from './charmap.ts';

class CodecRegistry {
  search: PyObject[] = [];
  cache: Map<string, PyObject> = new Map<string, PyObject>();
  /** whether `encodings` was imported to register its search function */
  loaded: boolean = false;
}
const REG = new CodecRegistry();

const FN_NAMES: string[] = ['register', 'unregister', 'lookup', 'encode', 'decode', 'lookup_error', 'register_error', '_forget_codec', 'utf_8_encode', 'utf_8_decode', 'utf_16_encode', 'utf_16_decode', 'utf_16_le_encode', 'utf_16_le_decode', 'utf_16_be_encode', 'utf_16_be_decode', 'utf_16_ex_decode', 'utf_32_encode', 'utf_32_decode', 'utf_32_le_encode', 'utf_32_le_decode', 'utf_32_be_encode', 'utf_32_be_decode', 'utf_32_ex_decode', 'latin_1_encode', 'latin_1_decode', 'ascii_encode', 'ascii_decode', 'unicode_escape_encode', 'unicode_escape_decode', 'raw_unicode_escape_encode', 'raw_unicode_escape_decode', 'escape_encode', 'escape_decode', 'charmap_encode', 'charmap_decode', 'charmap_build', 'readbuffer_encode'];
const FN_IDS: int[] = [B.CODECS_REGISTER, B.CODECS_UNREGISTER, B.CODECS_LOOKUP, B.CODECS_ENCODE, B.CODECS_DECODE, B.CODECS_LOOKUP_ERROR, B.CODECS_REGISTER_ERROR, B.CODECS_FORGET_CODEC, B.CODECS_UTF_8_ENCODE, B.CODECS_UTF_8_DECODE, B.CODECS_UTF_16_ENCODE, B.CODECS_UTF_16_DECODE, B.CODECS_UTF_16_LE_ENCODE, B.CODECS_UTF_16_LE_DECODE, B.CODECS_UTF_16_BE_ENCODE, B.CODECS_UTF_16_BE_DECODE, B.CODECS_UTF_16_EX_DECODE, B.CODECS_UTF_32_ENCODE, B.CODECS_UTF_32_DECODE, B.CODECS_UTF_32_LE_ENCODE, B.CODECS_UTF_32_LE_DECODE, B.CODECS_UTF_32_BE_ENCODE, B.CODECS_UTF_32_BE_DECODE, B.CODECS_UTF_32_EX_DECODE, B.CODECS_LATIN_1_ENCODE, B.CODECS_LATIN_1_DECODE, B.CODECS_ASCII_ENCODE, B.CODECS_ASCII_DECODE, B.CODECS_UNICODE_ESCAPE_ENCODE, B.CODECS_UNICODE_ESCAPE_DECODE, B.CODECS_RAW_UNICODE_ESCAPE_ENCODE, B.CODECS_RAW_UNICODE_ESCAPE_DECODE, B.CODECS_ESCAPE_ENCODE, B.CODECS_ESCAPE_DECODE, B.CODECS_CHARMAP_ENCODE, B.CODECS_CHARMAP_DECODE, B.CODECS_CHARMAP_BUILD, B.CODECS_READBUFFER_ENCODE];
const HANDLER_IDS: int[] = [B.CODECS_STRICT_ERRORS, B.CODECS_IGNORE_ERRORS, B.CODECS_REPLACE_ERRORS, B.CODECS_XMLCHARREFREPLACE_ERRORS, B.CODECS_BACKSLASHREPLACE_ERRORS, B.CODECS_NAMEREPLACE_ERRORS, B.CODECS_SURROGATEESCAPE_ERRORS, B.CODECS_SURROGATEPASS_ERRORS];

/** The builtin handlers are registered from the start, as CPython's are. */
function builtinHandlers(): Map<string, PyObject> {
  const m = new Map<string, PyObject>();
  for (let i = 0; i < BUILTIN_HANDLERS.length; i++) m.set(BUILTIN_HANDLERS[i], mkBuiltin(BUILTIN_HANDLERS[i] + '_errors', HANDLER_IDS[i], false, FAM_CODECS));
  return m;
}
HANDLERS.handlers = builtinHandlers();
for (const t of [UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError]) defMethod(t, '__init__', B.CODECS_UNICODE_ERROR_INIT, FAM_CODECS);

/** Forgets the search functions, cached codecs and Python-registered error handlers: they are
 * objects of the run that registered them, and one process may run several programs (the
 * untranslated test batches call main() once per program). */
export function resetCodecs(): void {
  REG.search = [];
  REG.cache = new Map<string, PyObject>();
  REG.loaded = false;
  HANDLERS.handlers = builtinHandlers();
}

export function makeCodecs(): PyModule {
  const m = newBuiltinModule('_codecs');
  for (let i = 0; i < FN_NAMES.length; i++) addFn(m, FN_NAMES[i], FN_IDS[i], FAM_CODECS);
  return m;
}

// ---- the registry ----
/** codecs.lookup(encoding): the CodecInfo the search functions give, cached by normalized name. */
export function lookupCodec(encoding: string): PyObject {
  const norm = encoding.toLowerCase().split(' ').join('_');
  const hit = REG.cache.get(norm);
  if (hit !== undefined) return hit;
  if (!REG.loaded) {
    // CPython imports encodings when the interpreter starts; pyvm waits for the first lookup
    REG.loaded = true;
    importName('encodings', None, 0, newDict());
  }
  for (const f of REG.search) {
    const r = callObj(f, [newStr(norm)], null);
    if (r === None) continue;
    if (!(r instanceof PyTuple) || r.items.length !== 4) throw raise(TypeError, 'codec search functions must return 4-tuples');
    REG.cache.set(norm, r);
    return r;
  }
  throw raise(LookupError, `unknown encoding: ${encoding}`);
}
function codecItem(encoding: string, k: int): PyObject {
  return (lookupCodec(encoding) as PyTuple).items[k];
}
function checkTextEncoding(encoding: string, fn: string): PyObject {
  const info = lookupCodec(encoding);
  const t = getAttrOrNull(info, '_is_text_encoding');
  if (t !== null && !truthy(t)) throw raise(LookupError, `'${encoding}' is not a text encoding; use codecs.${fn}() to handle arbitrary codecs`);
  return info;
}
/** (object, length) a codec function returned: its object. */
function codecResult(r: PyObject, what: string): PyObject {
  if (!(r instanceof PyTuple) || r.items.length !== 2) throw raise(TypeError, `${what} must return a tuple (object, integer)`);
  return r.items[0];
}

/** s encoded as encoding (str.encode, bytes(s, encoding), _io). */
export function textEncode(s: PyStr, encoding: string, errors: string): PyBytes {
  const c = nativeCodec(normalizeEncoding(encoding));
  if (c >= 0) return new PyBytes(bytesType, encodeNative(c, s, errors));
  const info = checkTextEncoding(encoding, 'encode') as PyTuple;
  const v = codecResult(callObj(info.items[0], [s, newStr(errors)], null), 'encoder');
  if (v instanceof PyBytes && v.cls === bytesType) return v;
  if (v instanceof PyBytes && typeName(v) === 'bytearray') return new PyBytes(bytesType, v.b.slice(0));
  throw raise(TypeError, `'${encoding}' encoder returned '${typeName(v)}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types`);
}
/** b decoded as encoding (bytes.decode, str(b, encoding), _io). */
export function textDecode(b: int[], encoding: string, errors: string): string {
  const c = nativeCodec(normalizeEncoding(encoding));
  if (c >= 0) return decodeNative(c, b, errors, true, 0).text;
  const info = checkTextEncoding(encoding, 'decode') as PyTuple;
  const v = codecResult(callObj(info.items[1], [new PyBytes(bytesType, b), newStr(errors)], null), 'decoder');
  if (v instanceof PyStr) return v.s;
  throw raise(TypeError, `'${encoding}' decoder returned '${typeName(v)}' instead of 'str'; use codecs.decode() to decode to arbitrary types`);
}

// ---- arguments ----
function errorsArg(o: PyObject | null, fn: string, pos: int): string {
  if (o === null || o === None) return 'strict';
  if (o instanceof PyStr) return o.s;
  throw raise(TypeError, `${fn}() argument ${pos} must be str or None, not ${typeName(o)}`);
}
function strArg(o: PyObject | null, fn: string, pos: int): PyStr {
  if (o instanceof PyStr) return o;
  if (o === null) throw raise(TypeError, `${fn}() missing required argument 'str' (pos ${pos})`);
  throw raise(TypeError, `${fn}() argument ${pos} must be str, not ${typeName(o)}`);
}
function dataArg(o: PyObject | null, fn: string, strOk: boolean): int[] {
  if (o instanceof PyBytes) return o.b;
  if (strOk && o instanceof PyStr) return strAsBytes(o);
  if (o === null) throw raise(TypeError, `${fn}() missing required argument 'data' (pos 1)`);
  throw raise(TypeError, `a bytes-like object is required, not '${typeName(o)}'`);
}
function pair(v: PyObject, n: int): PyTuple {
  return newTuple([v, newInt(n)]);
}
function bytesPair(b: int[], n: int): PyTuple {
  return pair(new PyBytes(bytesType, b), n);
}
function decodedPair(d: Decoded): PyTuple {
  return pair(newStr(d.text), d.consumed);
}
function flag(o: PyObject | null, dflt: boolean): boolean {
  return o === null ? dflt : truthy(o);
}
/** The native codec of an `_encode`/`_decode` function id. */
function codecOfId(id: int): int {
  switch (id) {
    case B.CODECS_UTF_8_ENCODE:
    case B.CODECS_UTF_8_DECODE:
      return C_UTF8;
    case B.CODECS_UTF_16_ENCODE:
    case B.CODECS_UTF_16_DECODE:
    case B.CODECS_UTF_16_EX_DECODE:
      return C_UTF16;
    case B.CODECS_UTF_16_LE_ENCODE:
    case B.CODECS_UTF_16_LE_DECODE:
      return C_UTF16LE;
    case B.CODECS_UTF_16_BE_ENCODE:
    case B.CODECS_UTF_16_BE_DECODE:
      return C_UTF16BE;
    case B.CODECS_UTF_32_ENCODE:
    case B.CODECS_UTF_32_DECODE:
    case B.CODECS_UTF_32_EX_DECODE:
      return C_UTF32;
    case B.CODECS_UTF_32_LE_ENCODE:
    case B.CODECS_UTF_32_LE_DECODE:
      return C_UTF32LE;
    case B.CODECS_UTF_32_BE_ENCODE:
    case B.CODECS_UTF_32_BE_DECODE:
      return C_UTF32BE;
    case B.CODECS_LATIN_1_ENCODE:
    case B.CODECS_LATIN_1_DECODE:
      return C_LATIN1;
    case B.CODECS_ASCII_ENCODE:
    case B.CODECS_ASCII_DECODE:
      return C_ASCII;
  }
  return -1;
}
function handlerIndex(id: int): int {
  for (let i = 0; i < HANDLER_IDS.length; i++) if (HANDLER_IDS[i] === id) return i;
  return -1;
}

export function callCodecs(b: PyBuiltin, id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  const h = handlerIndex(id);
  if (h >= 0) {
    if (n !== 1) throw raise(TypeError, `${b.name}() takes exactly one argument (${n} given)`);
    return callBuiltinHandler(BUILTIN_HANDLERS[h], args[0]);
  }
  switch (id) {
    case B.CODECS_UNICODE_ERROR_INIT:
      initUnicodeError(args[0], args.slice(1, n));
      return None;
    case B.CODECS_REGISTER: {
      const f = arg(args, kw, 0, 'search_function');
      if (f === null || !isCallable(f)) throw raise(TypeError, 'argument must be callable');
      REG.search.push(f);
      return None;
    }
    case B.CODECS_UNREGISTER: {
      const f = arg(args, kw, 0, 'search_function');
      const i = f === null ? -1 : REG.search.indexOf(f);
      if (i >= 0) {
        REG.search.splice(i, 1);
        REG.cache.clear();
      }
      return None;
    }
    case B.CODECS_LOOKUP:
      return lookupCodec(strArg(arg(args, kw, 0, 'encoding'), 'lookup', 1).s);
    case B.CODECS_FORGET_CODEC: {
      const e = strArg(arg(args, kw, 0, 'encoding'), '_forget_codec', 1).s;
      REG.cache.delete(e.toLowerCase().split(' ').join('_'));
      return None;
    }
    case B.CODECS_ENCODE:
    case B.CODECS_DECODE: {
      const obj = arg(args, kw, 0, 'obj');
      if (obj === null) throw raise(TypeError, `${b.name}() missing required argument 'obj' (pos 1)`);
      const encO = arg(args, kw, 1, 'encoding');
      const enc = encO === null ? 'utf-8' : strArg(encO, b.name, 2).s;
      const errors = errorsArg(arg(args, kw, 2, 'errors'), b.name, 3);
      const native = nativeCodec(normalizeEncoding(enc));
      if (id === B.CODECS_ENCODE && native >= 0 && obj instanceof PyStr) return new PyBytes(bytesType, encodeNative(native, obj, errors));
      if (id === B.CODECS_DECODE && native >= 0 && obj instanceof PyBytes) return newStr(decodeNative(native, obj.b, errors, true, 0).text);
      const fn = codecItem(enc, id === B.CODECS_ENCODE ? 0 : 1);
      return codecResult(callObj(fn, [obj, newStr(errors)], null), id === B.CODECS_ENCODE ? 'encoder' : 'decoder');
    }
    case B.CODECS_LOOKUP_ERROR: {
      const name = strArg(arg(args, kw, 0, 'name'), 'lookup_error', 1).s;
      const hh = HANDLERS.handlers.get(name);
      if (hh === undefined) throw raise(LookupError, `unknown error handler name '${name}'`);
      return hh;
    }
    case B.CODECS_REGISTER_ERROR: {
      const name = strArg(arg(args, kw, 0, 'errors'), 'register_error', 1).s;
      const f = arg(args, kw, 1, 'handler');
      if (f === null || !isCallable(f)) throw raise(TypeError, 'handler must be callable');
      HANDLERS.handlers.set(name, f);
      return None;
    }
    case B.CODECS_UTF_8_ENCODE:
    case B.CODECS_UTF_16_LE_ENCODE:
    case B.CODECS_UTF_16_BE_ENCODE:
    case B.CODECS_UTF_32_LE_ENCODE:
    case B.CODECS_UTF_32_BE_ENCODE:
    case B.CODECS_LATIN_1_ENCODE:
    case B.CODECS_ASCII_ENCODE: {
      const s = strArg(arg(args, kw, 0, 'str'), b.name, 1);
      const out = encodeNative(codecOfId(id), s, errorsArg(arg(args, kw, 1, 'errors'), b.name, 2));
      return bytesPair(out, s.s.length === 0 ? 0 : cpCount(s));
    }
    case B.CODECS_UTF_16_ENCODE:
    case B.CODECS_UTF_32_ENCODE: {
      const s = strArg(arg(args, kw, 0, 'str'), b.name, 1);
      const errors = errorsArg(arg(args, kw, 1, 'errors'), b.name, 2);
      const bo = arg(args, kw, 2, 'byteorder');
      const order = bo === null ? 0 : toIntIndex(bo);
      const wide = id === B.CODECS_UTF_16_ENCODE;
      const c = order === 0 ? (wide ? C_UTF16 : C_UTF32) : order < 0 ? (wide ? C_UTF16LE : C_UTF32LE) : wide ? C_UTF16BE : C_UTF32BE;
      return bytesPair(encodeNative(c, s, errors), cpCount(s));
    }
    case B.CODECS_UTF_8_DECODE:
    case B.CODECS_UTF_16_DECODE:
    case B.CODECS_UTF_16_LE_DECODE:
    case B.CODECS_UTF_16_BE_DECODE:
    case B.CODECS_UTF_32_DECODE:
    case B.CODECS_UTF_32_LE_DECODE:
    case B.CODECS_UTF_32_BE_DECODE: {
      const data = dataArg(arg(args, kw, 0, 'data'), b.name, false);
      const errors = errorsArg(arg(args, kw, 1, 'errors'), b.name, 2);
      return decodedPair(decodeNative(codecOfId(id), data, errors, flag(arg(args, kw, 2, 'final'), false), 0));
    }
    case B.CODECS_UTF_16_EX_DECODE:
    case B.CODECS_UTF_32_EX_DECODE: {
      const data = dataArg(arg(args, kw, 0, 'data'), b.name, false);
      const errors = errorsArg(arg(args, kw, 1, 'errors'), b.name, 2);
      const bo = arg(args, kw, 2, 'byteorder');
      const order = bo === null ? 0 : toIntIndex(bo);
      const c = codecOfId(id);
      const d = decodeNative(order === 0 ? c : order < 0 ? (c === C_UTF16 ? C_UTF16LE : C_UTF32LE) : c === C_UTF16 ? C_UTF16BE : C_UTF32BE, data, errors, flag(arg(args, kw, 3, 'final'), false), 0);
      const found = order !== 0 ? order : d.byteorder;
      return newTuple([newStr(d.text), newInt(d.consumed), newInt(found)]);
    }
    case B.CODECS_LATIN_1_DECODE:
    case B.CODECS_ASCII_DECODE: {
      const data = dataArg(arg(args, kw, 0, 'data'), b.name, false);
      return decodedPair(decodeNative(codecOfId(id), data, errorsArg(arg(args, kw, 1, 'errors'), b.name, 2), true, 0));
    }
    case B.CODECS_UNICODE_ESCAPE_ENCODE:
    case B.CODECS_RAW_UNICODE_ESCAPE_ENCODE: {
      const s = strArg(arg(args, kw, 0, 'str'), b.name, 1);
      errorsArg(arg(args, kw, 1, 'errors'), b.name, 2);
      return bytesPair(unicodeEscapeEncode(s, id === B.CODECS_RAW_UNICODE_ESCAPE_ENCODE), cpCount(s));
    }
    case B.CODECS_UNICODE_ESCAPE_DECODE:
    case B.CODECS_RAW_UNICODE_ESCAPE_DECODE: {
      const data = dataArg(arg(args, kw, 0, 'data'), b.name, true);
      const errors = errorsArg(arg(args, kw, 1, 'errors'), b.name, 2);
      const final = flag(arg(args, kw, 2, 'final'), true);
      return decodedPair(id === B.CODECS_UNICODE_ESCAPE_DECODE ? unicodeEscapeDecode(data, errors, final) : rawUnicodeEscapeDecode(data, errors, final));
    }
    case B.CODECS_ESCAPE_ENCODE: {
      const data = arg(args, kw, 0, 'data');
      if (!(data instanceof PyBytes) || data.cls !== bytesType) throw raise(TypeError, `escape_encode() argument 1 must be bytes, not ${data === null ? 'None' : typeName(data)}`);
      return bytesPair(escapeEncode(data.b), data.b.length);
    }
    case B.CODECS_ESCAPE_DECODE: {
      const data = dataArg(arg(args, kw, 0, 'data'), b.name, true);
      return bytesPair(escapeDecode(data, errorsArg(arg(args, kw, 1, 'errors'), b.name, 2)), data.length);
    }
    case B.CODECS_CHARMAP_ENCODE: {
      const s = strArg(arg(args, kw, 0, 'str'), b.name, 1);
      const errors = errorsArg(arg(args, kw, 1, 'errors'), b.name, 2);
      const mapping = arg(args, kw, 2, 'mapping');
      if (mapping === null || mapping === None) return bytesPair(encodeNative(C_LATIN1, s, errors), cpCount(s));
      return bytesPair(charmapEncode(s, errors, mapping), cpCount(s));
    }
    case B.CODECS_CHARMAP_DECODE: {
      const data = dataArg(arg(args, kw, 0, 'data'), b.name, false);
      const errors = errorsArg(arg(args, kw, 1, 'errors'), b.name, 2);
      const mapping = arg(args, kw, 2, 'mapping');
      if (mapping === null || mapping === None) return decodedPair(decodeNative(C_LATIN1, data, errors, true, 0));
      return decodedPair(charmapDecode(data, errors, mapping));
    }
    case B.CODECS_CHARMAP_BUILD:
      return charmapBuild(strArg(arg(args, kw, 0, 'map'), 'charmap_build', 1));
    case B.CODECS_READBUFFER_ENCODE: {
      const data = dataArg(arg(args, kw, 0, 'data'), b.name, true);
      return bytesPair(data.slice(0), data.length);
    }
  }
  throw unhandledBuiltin(b.name, id);
}
function cpCount(s: PyStr): int {
  let k = 0;
  const t = s.s;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length) {
      const d = t.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    k++;
  }
  return k;
}

// ---- the call sites of the builtin types ----
/** An encoding or errors argument: a str, or CPython's TypeError naming the argument. */
export function codecArg(o: PyObject | null, fn: string, name: string, dflt: string): string {
  if (o === null) return dflt;
  if (o instanceof PyStr) return o.s;
  throw raise(TypeError, `${fn}() argument '${name}' must be str, not ${typeName(o)}`);
}
/** str.encode(encoding='utf-8', errors='strict') with args[0] the str. */
export function strEncodeMethod(args: PyObject[], kw: string[] | null): PyBytes {
  const enc = codecArg(arg(args, kw, 1, 'encoding'), 'encode', 'encoding', 'utf-8');
  const errors = codecArg(arg(args, kw, 2, 'errors'), 'encode', 'errors', 'strict');
  if (npos(args, kw) > 3) throw raise(TypeError, `encode() takes at most 2 arguments (${npos(args, kw) - 1} given)`);
  return textEncode(args[0] as PyStr, enc, errors);
}
/** bytes.decode / bytearray.decode(encoding='utf-8', errors='strict') with args[0] the bytes. */
export function bytesDecodeMethod(args: PyObject[], kw: string[] | null): PyStr {
  const enc = codecArg(arg(args, kw, 1, 'encoding'), 'decode', 'encoding', 'utf-8');
  const errors = codecArg(arg(args, kw, 2, 'errors'), 'decode', 'errors', 'strict');
  if (npos(args, kw) > 3) throw raise(TypeError, `decode() takes at most 2 arguments (${npos(args, kw) - 1} given)`);
  return newStr(textDecode((args[0] as PyBytes).b, enc, errors));
}
/** bytes(source, encoding, errors) / bytearray(...) of a str source (args from index `at`). */
export function encodeSource(src: PyStr, args: PyObject[], kw: string[] | null, at: int, fn: string): int[] {
  const encO = arg(args, kw, at, 'encoding');
  if (encO === null) throw raise(TypeError, 'string argument without an encoding');
  const enc = codecArg(encO, fn, 'encoding', 'utf-8');
  const errors = codecArg(arg(args, kw, at + 1, 'errors'), fn, 'errors', 'strict');
  return textEncode(src, enc, errors).b;
}
/** str(object, encoding, errors) with an encoding or errors given (args from index `at`). */
export function decodeSource(src: PyObject, args: PyObject[], kw: string[] | null, at: int): string {
  const enc = codecArg(arg(args, kw, at, 'encoding'), 'str', 'encoding', 'utf-8');
  const errors = codecArg(arg(args, kw, at + 1, 'errors'), 'str', 'errors', 'strict');
  if (src instanceof PyStr) throw raise(TypeError, 'decoding str is not supported');
  if (!(src instanceof PyBytes)) throw raise(TypeError, `decoding to str: need a bytes-like object, ${typeName(src)} found`);
  return textDecode(src.b, enc, errors);
}
