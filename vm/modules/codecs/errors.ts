// Codec error handlers: CPython's registry (register_error/lookup_error) and the builtin
// handlers, answered natively when a codec meets an unencodable character or undecodable bytes,
// and the Unicode{Encode,Decode,Translate}Error objects a Python handler receives.
import type { int } from '../../../translate/rlib/index.ts';
import { PyObject, PyBaseExc, PyExc, PyStr, PyBytes, PyInt, PyTuple, PyType, newStr, newInt, newTuple, raise, bytesType, LookupError, TypeError, IndexError, UnicodeError, UnicodeDecodeError, UnicodeEncodeError, UnicodeTranslateError } from '../../objects/core.ts';
import { codePointToString } from '../../parser/parser.ts';
import { callObj, getAttrOrNull, isInstance, setAttr, typeName, toIntIndex, str } from '../../interpreter/runtime.ts';
import { toCps } from './unicode.ts';

/** Python-registered handlers by name (the builtin ones are answered natively). */
class HandlerRegistry {
  handlers: Map<string, PyObject> = new Map<string, PyObject>();
}
export const HANDLERS = new HandlerRegistry();
export const BUILTIN_HANDLERS: string[] = ['strict', 'ignore', 'replace', 'xmlcharrefreplace', 'backslashreplace', 'namereplace', 'surrogateescape', 'surrogatepass'];

/** A Unicode error with CPython's args (encoding, object, start, end, reason) and attributes. */
export function newUnicodeError(t: PyType, encoding: string, obj: PyObject, start: int, end: int, reason: string): PyBaseExc {
  const e = new PyBaseExc(t);
  const vals: PyObject[] = t === UnicodeTranslateError ? [obj, newInt(start), newInt(end), newStr(reason)] : [newStr(encoding), obj, newInt(start), newInt(end), newStr(reason)];
  e.args = vals;
  setUnicodeAttrs(e, vals);
  return e;
}
function setUnicodeAttrs(e: PyBaseExc, vals: PyObject[]): void {
  const off = vals.length === 5 ? 1 : 0;
  if (off === 1) setAttr(e, 'encoding', vals[0]);
  setAttr(e, 'object', vals[off]);
  setAttr(e, 'start', vals[off + 1]);
  setAttr(e, 'end', vals[off + 2]);
  setAttr(e, 'reason', vals[off + 3]);
}
/** UnicodeXxxError.__init__: CPython checks the argument count and types. */
export function initUnicodeError(e: PyObject, args: PyObject[]): void {
  if (!(e instanceof PyBaseExc)) return;
  const translate = isInstance(e, UnicodeTranslateError);
  const want = translate ? 4 : 5;
  e.args = args;
  if (!isInstance(e, UnicodeEncodeError) && !isInstance(e, UnicodeDecodeError) && !translate) return;
  if (args.length !== want) throw raise(TypeError, `function takes exactly ${want} arguments (${args.length} given)`);
  const off = translate ? 0 : 1;
  if (!translate && !(args[0] instanceof PyStr)) throw raise(TypeError, `argument ${0 + 1} must be str, not ${typeName(args[0])}`);
  const obj = args[off];
  const vals = args.slice(0);
  if (isInstance(e, UnicodeDecodeError)) {
    if (!(obj instanceof PyBytes)) throw raise(TypeError, `argument ${off + 1} must be bytes-like object, not '${typeName(obj)}'`);
    // a bytearray or memoryview becomes bytes in .object, as CPython copies the buffer (args
    // keep what was given)
    if (obj.cls !== bytesType) vals[off] = new PyBytes(bytesType, obj.b.slice(0));
  } else if (!(obj instanceof PyStr)) throw raise(TypeError, `argument ${off + 1} must be str, not ${typeName(obj)}`);
  toIntIndex(args[off + 1]);
  toIntIndex(args[off + 2]);
  if (!(args[off + 3] instanceof PyStr)) throw raise(TypeError, `argument ${off + 3 + 1} must be str, not ${typeName(args[off + 3])}`);
  setUnicodeAttrs(e, vals);
}
function attrInt(e: PyBaseExc, name: string): int {
  const v = getAttrOrNull(e, name);
  return v instanceof PyInt ? v.v : -1;
}
/** str() of the attribute, as CPython's str() of these errors reads reason and encoding (a
 * program may have set them to anything after construction). */
function attrStr(e: PyBaseExc, name: string): string {
  const v = getAttrOrNull(e, name);
  return v === null ? '' : v instanceof PyStr ? v.s : str(v);
}
function charEscape(c: int): string {
  const hx = c.toString(16);
  return c <= 0xff ? '\\x' + hx.padStart(2, '0') : c <= 0xffff ? '\\u' + hx.padStart(4, '0') : '\\U' + hx.padStart(8, '0');
}
/** str() of a Unicode error, from its attributes as CPython does (null: not one of the three). */
export function unicodeErrorStr(e: PyBaseExc): string | null {
  if (!isInstance(e, UnicodeError)) return null;
  const obj = getAttrOrNull(e, 'object');
  if (obj === null) return null;
  const start = attrInt(e, 'start');
  const end = attrInt(e, 'end');
  const reason = attrStr(e, 'reason');
  const enc = attrStr(e, 'encoding');
  if (isInstance(e, UnicodeDecodeError) && obj instanceof PyBytes) {
    if (start >= 0 && start < obj.b.length && end === start + 1) return `'${enc}' codec can't decode byte 0x${obj.b[start].toString(16).padStart(2, '0')} in position ${start}: ${reason}`;
    return `'${enc}' codec can't decode bytes in position ${start}-${end - 1}: ${reason}`;
  }
  if (!(obj instanceof PyStr)) return null;
  const cps = toCps(obj.s);
  const head = isInstance(e, UnicodeEncodeError) ? `'${enc}' codec can't encode` : "can't translate";
  if (start >= 0 && start < cps.length && end === start + 1) return `${head} character '${charEscape(cps[start])}' in position ${start}: ${reason}`;
  return `${head} characters in position ${start}-${end - 1}: ${reason}`;
}

/** What a handler answered: a replacement (text, or bytes for an encoder) and where to resume. */
export class Replacement {
  text: int[] | null = null;
  bytes: int[] | null = null;
  pos: int = 0;
}
export function checkHandlerName(errors: string): void {
  if (!BUILTIN_HANDLERS.includes(errors) && !HANDLERS.handlers.has(errors)) throw raise(LookupError, `unknown error handler name '${errors}'`);
}
/** The registered handler of a name (the builtins answer as their builtin functions). */
export function pyHandler(errors: string): PyObject {
  const h = HANDLERS.handlers.get(errors);
  if (h === undefined) throw raise(LookupError, `unknown error handler name '${errors}'`);
  return h;
}
/** How surrogatepass writes one surrogate in codec (family: 8, 16 or 32; be: big-endian). */
export class SurrogateForm {
  family: int = 8;
  be: boolean = false;
}
function surrogateBytes(c: int, f: SurrogateForm): int[] {
  if (f.family === 8) return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)];
  if (f.family === 16) return f.be ? [c >> 8, c & 255] : [c & 255, c >> 8];
  return f.be ? [0, 0, c >> 8, c & 255] : [c & 255, c >> 8, 0, 0];
}
function callPyHandler(errors: string, exc: PyBaseExc, len: int, what: string): Replacement {
  const r = callObj(pyHandler(errors), [exc], null);
  const ok = r instanceof PyTuple && r.items.length === 2 && r.items[1] instanceof PyInt;
  const rep = new Replacement();
  if (ok) {
    const t = (r as PyTuple).items[0];
    if (t instanceof PyStr) rep.text = toCps(t.s);
    else if (what === 'encoding' && t instanceof PyBytes) rep.bytes = t.b.slice(0);
  }
  if (!ok || (rep.text === null && rep.bytes === null)) throw raise(TypeError, what === 'encoding' ? 'encoding error handler must return (str/bytes, int) tuple' : 'decoding error handler must return (str, int) tuple');
  let pos = toIntIndex((r as PyTuple).items[1]);
  if (pos < 0) pos += len;
  if (pos < 0 || pos > len) throw raise(IndexError, `position ${pos} from error handler out of bounds`);
  rep.pos = pos;
  return rep;
}
/** The handler `errors` for cps[start:end] that encoding could not encode. */
export function encodeError(errors: string, encoding: string, s: PyStr, cps: int[], start: int, end: int, reason: string, sf: SurrogateForm | null): Replacement {
  const rep = new Replacement();
  rep.pos = end;
  switch (errors) {
    case 'strict':
      throw new PyExc(newUnicodeError(UnicodeEncodeError, encoding, s, start, end, reason));
    case 'ignore':
      rep.text = [];
      return rep;
    case 'replace': {
      const t: int[] = [];
      for (let i = start; i < end; i++) t.push(63);
      rep.text = t;
      return rep;
    }
    case 'backslashreplace':
    case 'namereplace': {
      // namereplace falls back to backslashreplace's escapes: pyvm has no Unicode name table
      rep.text = toCps(backslashText(cps, start, end));
      return rep;
    }
    case 'xmlcharrefreplace': {
      const parts: string[] = [];
      for (let i = start; i < end; i++) parts.push('&#' + String(cps[i]) + ';');
      rep.text = toCps(parts.join(''));
      return rep;
    }
    case 'surrogateescape': {
      const b: int[] = [];
      for (let i = start; i < end; i++) {
        if (cps[i] < 0xdc80 || cps[i] > 0xdcff) throw new PyExc(newUnicodeError(UnicodeEncodeError, encoding, s, start, end, reason));
        b.push(cps[i] - 0xdc00);
      }
      rep.bytes = b;
      return rep;
    }
    case 'surrogatepass': {
      if (sf === null) throw new PyExc(newUnicodeError(UnicodeEncodeError, encoding, s, start, end, reason));
      const b: int[] = [];
      for (let i = start; i < end; i++) {
        if (cps[i] < 0xd800 || cps[i] > 0xdfff) throw new PyExc(newUnicodeError(UnicodeEncodeError, encoding, s, start, end, reason));
        for (const x of surrogateBytes(cps[i], sf)) b.push(x);
      }
      rep.bytes = b;
      return rep;
    }
  }
  return callPyHandler(errors, newUnicodeError(UnicodeEncodeError, encoding, s, start, end, reason), cps.length, 'encoding');
}
export function backslashText(cps: int[], start: int, end: int): string {
  const parts: string[] = [];
  for (let i = start; i < end; i++) parts.push(charEscape(cps[i]));
  return parts.join('');
}
/** The handler `errors` for b[start:end] that encoding could not decode. */
export function decodeError(errors: string, encoding: string, b: int[], start: int, end: int, reason: string, sf: SurrogateForm | null): Replacement {
  const rep = new Replacement();
  rep.pos = end;
  switch (errors) {
    case 'strict':
      throw new PyExc(newUnicodeError(UnicodeDecodeError, encoding, new PyBytes(bytesType, b), start, end, reason));
    case 'ignore':
      rep.text = [];
      return rep;
    case 'replace':
      rep.text = [0xfffd];
      return rep;
    case 'backslashreplace': {
      const parts: string[] = [];
      for (let i = start; i < end; i++) parts.push('\\x' + b[i].toString(16).padStart(2, '0'));
      rep.text = toCps(parts.join(''));
      return rep;
    }
    case 'surrogateescape': {
      const t: int[] = [];
      for (let i = start; i < end; i++) {
        if (b[i] < 128) throw new PyExc(newUnicodeError(UnicodeDecodeError, encoding, new PyBytes(bytesType, b), start, end, reason));
        t.push(0xdc00 + b[i]);
      }
      rep.text = t;
      return rep;
    }
    case 'surrogatepass': {
      // the surrogate starts at start whatever range the codec reported
      const c = sf === null ? -1 : surrogateAt(b, start, sf);
      if (c < 0) throw new PyExc(newUnicodeError(UnicodeDecodeError, encoding, new PyBytes(bytesType, b), start, end, reason));
      rep.text = [c];
      rep.pos = start + (sf === null ? 0 : sf.family === 8 ? 3 : sf.family === 16 ? 2 : 4);
      return rep;
    }
    case 'xmlcharrefreplace':
    case 'namereplace':
      throw raise(TypeError, "don't know how to handle UnicodeDecodeError in error callback");
  }
  return callPyHandler(errors, newUnicodeError(UnicodeDecodeError, encoding, new PyBytes(bytesType, b), start, end, reason), b.length, 'decoding');
}
function surrogateAt(b: int[], i: int, f: SurrogateForm): int {
  let c = -1;
  if (f.family === 8) {
    if (i + 2 < b.length && (b[i] & 0xf0) === 0xe0 && (b[i + 1] & 0xc0) === 0x80 && (b[i + 2] & 0xc0) === 0x80) c = ((b[i] & 15) << 12) | ((b[i + 1] & 63) << 6) | (b[i + 2] & 63);
  } else if (f.family === 16) {
    if (i + 1 < b.length) c = f.be ? (b[i] << 8) | b[i + 1] : (b[i + 1] << 8) | b[i];
  } else if (i + 3 < b.length) c = f.be ? (b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3] : (b[i + 3] << 24) | (b[i + 2] << 16) | (b[i + 1] << 8) | b[i];
  return c >= 0xd800 && c <= 0xdfff ? c : -1;
}

/** A builtin handler called from Python with an exception: (replacement, resume position). */
export function callBuiltinHandler(name: string, exc: PyObject): PyObject {
  if (!(exc instanceof PyBaseExc) || !isInstance(exc, UnicodeError)) throw raise(TypeError, `don't know how to handle ${typeName(exc)} in error callback`);
  if (name === 'strict') throw new PyExc(exc);
  const start = attrInt(exc, 'start');
  const end = attrInt(exc, 'end');
  const obj = getAttrOrNull(exc, 'object');
  const encode = isInstance(exc, UnicodeEncodeError);
  const decode = isInstance(exc, UnicodeDecodeError);
  if (obj === null) throw raise(TypeError, 'object attribute not set');
  if (decode && obj instanceof PyBytes) {
    const rep = decodeError(name, attrStr(exc, 'encoding'), obj.b, start, end, attrStr(exc, 'reason'), formOf(attrStr(exc, 'encoding')));
    return newTuple([newStr(fromCpList(rep.text === null ? [] : rep.text)), newInt(rep.pos)]);
  }
  if (!(obj instanceof PyStr)) throw raise(TypeError, `don't know how to handle ${typeName(exc)} in error callback`);
  if (!encode && name !== 'ignore' && name !== 'replace' && name !== 'backslashreplace' && name !== 'strict') throw raise(TypeError, `don't know how to handle ${typeName(exc)} in error callback`);
  const cps = toCps(obj.s);
  let rep: Replacement;
  if (!encode && name === 'replace') {
    // a translation's replacement is U+FFFD, an encoding's '?'
    rep = new Replacement();
    rep.text = [];
    for (let i = start; i < end; i++) rep.text.push(0xfffd);
    rep.pos = end;
  } else rep = encodeError(name, attrStr(exc, 'encoding'), obj, cps, start, end, attrStr(exc, 'reason'), formOf(attrStr(exc, 'encoding')));
  if (rep.bytes !== null) return newTuple([new PyBytes(bytesType, rep.bytes), newInt(rep.pos)]);
  return newTuple([newStr(fromCpList(rep.text === null ? [] : rep.text)), newInt(rep.pos)]);
}
/** The surrogate form of a codec named as CPython names codecs in its errors. */
function formOf(encoding: string): SurrogateForm {
  const f = new SurrogateForm();
  const n = encoding.toLowerCase().split('_').join('-');
  if (n.startsWith('utf-16')) f.family = 16;
  else if (n.startsWith('utf-32')) f.family = 32;
  f.be = n.endsWith('-be');
  return f;
}
export function fromCpList(cps: int[]): string {
  const parts: string[] = [];
  for (const c of cps) parts.push(codePointToString(c));
  return parts.join('');
}
