// _io's text streams: TextIOWrapper (decoding a byte stream incrementally, newline
// translation, line buffering) and StringIO, and IncrementalNewlineDecoder.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyStr, PyBytes, PyExc, newInt, raise, None, TypeError, ValueError, OSError } from '../objects/core.ts';
import { toIntIndex, typeName, getAttrOrNull, callObj, getAttr, truthy, isInstance } from '../interpreter/runtime.ts';
import { writeOut, writeErr, flushStdout } from '../interpreter/state.ts';
import { isWindows } from '../startup.ts';
import { PyIO, K_BUFFERED, K_BYTESIO } from './iotypes.ts';
import { Decoder, codecOf, checkErrors, encodedLength, ENC_UTF8 } from './iocodec.ts';
import { callM, bytesOf, newBytes, innerOf, isClosed, closedError, unsupported, bufferedRead1, bufferedWrite, bufferedFlush, bufferedTell, bufferedSeek, bytesioRead, bytesioWrite, DEFAULT_BUFFER_SIZE, optionalAttr } from './iobinary.ts';

export function checkNewline(nl: PyObject | null): string | null {
  if (nl === null || nl === None) return null;
  if (!(nl instanceof PyStr)) throw raise(TypeError, `newline must be str or None, not ${typeName(nl)}`);
  const s = nl.s;
  if (s !== '' && s !== '\n' && s !== '\r' && s !== '\r\n') throw raise(ValueError, `illegal newline value: ${s}`);
  return s;
}
function setNewline(o: PyIO, nl: string | null): void {
  o.newline = nl;
  o.writeNl = nl === null ? (isWindows() ? '\r\n' : '') : nl === '\n' ? '' : nl;
}

// ---- TextIOWrapper ----
/** Whether the wrapped buffer is _io's own kind of object, not a Python subclass (whose write,
 * flush, seek... may be overridden, and are then called as methods). */
function nativeOf(b: PyIO, kind: int): boolean {
  return b.kind === kind && b.cls.module === '_io';
}
export function textInit(o: PyIO, buffer: PyObject, encoding: string | null, errors: string | null, newline: string | null, lineBuffering: boolean, writeThrough: boolean): void {
  o.inner = buffer;
  o.detached = false;
  const enc = encoding === null || encoding === 'locale' ? 'UTF-8' : encoding;
  o.codec = codecOf(enc);
  o.encoding = enc;
  o.errors = errors === null ? 'strict' : errors;
  checkErrors(o.errors);
  setNewline(o, newline);
  o.lineBuffering = lineBuffering;
  o.writeThrough = writeThrough;
  o.decoder = new Decoder(o.codec, o.encoding, o.errors);
  o.text = '';
  o.tpos = 0;
  o.eof = false;
  o.seenNl = 0;
  fixEncoderState(o);
  if (buffer instanceof PyIO) buffer.wrapped = true;
}
/** CPython's _fix_encoder_state: a writable, seekable stream not at its start (opened to append,
 * or reconfigured after writing) gets no second byte order mark. Only asked of encodings that
 * write one. */
function fixEncoderState(o: PyIO): void {
  const dec = o.decoder as Decoder;
  if (!dec.mayWriteBom()) return;
  const b = innerOf(o);
  if (!truthy(callM(b, 'writable', [])) || !truthy(callM(b, 'seekable', []))) return;
  if (toIntIndex(callM(b, 'tell', [])) !== 0) dec.setStartOfStream(false);
}
function checkText(o: PyIO): void {
  innerOf(o);
  if (isClosed(o)) throw closedError();
}
/** Decodes one more chunk of the buffer into the text not yet consumed: false at its end. */
function fillText(o: PyIO): boolean {
  if (o.eof) return false;
  const buffer = innerOf(o);
  let chunk: int[] = [];
  if (buffer instanceof PyIO && nativeOf(buffer, K_BUFFERED)) chunk = bufferedRead1(buffer, o.chunkSize);
  else if (buffer instanceof PyIO && nativeOf(buffer, K_BYTESIO)) chunk = bytesioRead(buffer, o.chunkSize);
  else {
    const r = callM(buffer, getAttrOrNull(buffer, 'read1') !== null ? 'read1' : 'read', [newInt(o.chunkSize)]);
    chunk = r === None ? [] : bytesOf(r);
  }
  const dec = o.decoder as Decoder;
  const s = dec.decode(chunk, chunk.length === 0);
  if (chunk.length === 0) o.eof = true;
  if (o.tpos > 0) {
    o.text = o.text.slice(o.tpos);
    o.tpos = 0;
  }
  o.text = o.text + s;
  return !o.eof || s.length > 0;
}
/** The consumed text, newlines translated as the newline argument says, and noted in seenNl. */
function translated(o: PyIO, s: string): string {
  if (o.newline !== null && o.newline !== '') return s;
  if (s.indexOf('\r') < 0) {
    if (s.indexOf('\n') >= 0) o.seenNl |= 2;
    return s;
  }
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\n') o.seenNl |= 2;
    else if (c === '\r') {
      const crlf = i + 1 < s.length && s[i + 1] === '\n';
      o.seenNl |= crlf ? 4 : 1;
      if (o.newline === null) {
        out.push(s.slice(start, i));
        out.push('\n');
        start = crlf ? i + 2 : i + 1;
      }
      if (crlf) i++;
    }
  }
  if (o.newline !== null) return s;
  out.push(s.slice(start));
  return out.join('');
}
export function textRead(o: PyIO, n: int): string {
  checkText(o);
  if (!readable(o)) throw unsupported('not readable');
  textFlush(o);
  if (n < 0) {
    while (fillText(o)) {
      // all of it
    }
    const rest = o.text.slice(o.tpos);
    o.text = '';
    o.tpos = 0;
    return translated(o, rest);
  }
  // n characters after translation: a '\r' at the end of what is decoded waits for the next
  // chunk, which may start with its '\n'
  for (;;) {
    const have = o.text.length - o.tpos;
    if (have >= n + 1 || o.eof) break;
    if (!fillText(o)) break;
  }
  let end = o.tpos;
  let k = 0;
  while (end < o.text.length && k < n) {
    if (o.newline === null && o.text[end] === '\r' && end + 1 < o.text.length && o.text[end + 1] === '\n') end++;
    end++;
    k++;
  }
  const s = o.text.slice(o.tpos, end);
  o.tpos = end;
  return translated(o, s);
}
/** Where the line starting at from ends in the decoded text (just past its terminator), or -1
 * when more text must be decoded to know. */
function lineEnd(o: PyIO, from: int): int {
  const t = o.text;
  const nl = o.newline;
  if (nl === '\n' || nl === '\r' || nl === '\r\n') {
    const i = t.indexOf(nl, from);
    if (i >= 0) return i + nl.length;
    return -1;
  }
  for (let i = from; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) {
      if (i + 1 < t.length) return t.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
      return o.eof ? i + 1 : -1;
    }
  }
  return -1;
}
export function textReadline(o: PyIO, limit: int): string {
  checkText(o);
  if (!readable(o)) throw unsupported('not readable');
  textFlush(o);
  let from = o.tpos;
  let end = -1;
  for (;;) {
    end = lineEnd(o, from);
    if (end >= 0) break;
    if (limit >= 0 && o.text.length - o.tpos >= limit) break;
    const scanned = o.text.length - o.tpos;
    if (!fillText(o)) break;
    // rescan from before a trailing '\r' that may now be followed by '\n'
    from = o.tpos + Math.max(0, scanned - 1);
  }
  if (end < 0) end = o.text.length;
  if (limit >= 0 && end - o.tpos > limit) end = o.tpos + limit;
  const s = o.text.slice(o.tpos, end);
  o.tpos = end;
  return translated(o, s);
}
function readable(o: PyIO): boolean {
  const b = innerOf(o);
  if (b instanceof PyIO && b.kind === K_BUFFERED) return b.canRead;
  return truthy(callM(b, 'readable', []));
}
export function textWrite(o: PyIO, s: string): int {
  checkText(o);
  if (o.console === 1) {
    writeOut(s);
    return s.length;
  }
  if (o.console === 2) {
    writeErr(s);
    return s.length;
  }
  // read-ahead is dropped, as CPython's TextIOWrapper does
  if (o.tpos < o.text.length) {
    o.text = '';
    o.tpos = 0;
    (o.decoder as Decoder).pending = [];
  }
  let t = s;
  if (o.writeNl !== '' && t.indexOf('\n') >= 0) t = t.split('\n').join(o.writeNl);
  const b = (o.decoder as Decoder).encode(t);
  const buffer = innerOf(o);
  if (buffer instanceof PyIO && nativeOf(buffer, K_BUFFERED)) bufferedWrite(buffer, b);
  else if (buffer instanceof PyIO && nativeOf(buffer, K_BYTESIO)) bytesioWrite(buffer, b);
  else callM(buffer, 'write', [newBytes(b)]);
  if (o.lineBuffering && (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0)) textFlush(o);
  return s.length;
}
export function textFlush(o: PyIO): void {
  if (o.console === 1) {
    flushStdout();
    return;
  }
  const buffer = innerOf(o);
  if (buffer instanceof PyIO && nativeOf(buffer, K_BUFFERED)) bufferedFlush(buffer);
  else if (!(buffer instanceof PyIO && nativeOf(buffer, K_BYTESIO))) callM(buffer, 'flush', []);
}
export function textTell(o: PyIO): int {
  checkText(o);
  if (o.iterating) throw raise(OSError, 'telling position disabled by next() call');
  textFlush(o);
  const buffer = innerOf(o);
  const pos = buffer instanceof PyIO && nativeOf(buffer, K_BUFFERED) ? bufferedTell(buffer) : toIntIndex(callM(buffer, 'tell', []));
  const dec = o.decoder as Decoder;
  return pos - dec.pending.length - encodedLength(o.text.slice(o.tpos), dec);
}
export function textSeek(o: PyIO, cookie: int, whence: int): int {
  checkText(o);
  if (whence === 1) {
    if (cookie !== 0) throw unsupported("can't do nonzero cur-relative seeks");
    return textTell(o);
  }
  if (whence === 2 && cookie !== 0) throw unsupported("can't do nonzero end-relative seeks");
  if (whence < 0 || whence > 2) throw raise(ValueError, `invalid whence (${whence}, should be 0, 1 or 2)`);
  if (whence === 0 && cookie < 0) throw raise(ValueError, `negative seek position ${cookie}`);
  textFlush(o);
  const buffer = innerOf(o);
  const r = buffer instanceof PyIO && nativeOf(buffer, K_BUFFERED) ? bufferedSeek(buffer, cookie, whence) : toIntIndex(callM(buffer, 'seek', [newInt(cookie), newInt(whence)]));
  o.text = '';
  o.tpos = 0;
  o.eof = false;
  o.decoder = new Decoder(o.codec, o.encoding, o.errors);
  // a byte order mark is written again only at the start of the stream
  if (r !== 0 && o.decoder.mayWriteBom()) o.decoder.setStartOfStream(false);
  return r;
}
export function textReconfigure(o: PyIO, encoding: PyObject | null, errors: PyObject | null, newline: PyObject | null, lb: int, wt: int): void {
  // decoded text not yet read was decoded with the old settings
  if (o.tpos < o.text.length && ((encoding !== null && encoding !== None) || (errors !== null && errors !== None) || newline !== null)) {
    throw unsupported('It is not possible to set the encoding or newline of stream after the first read');
  }
  if (encoding !== null && encoding !== None) {
    const e = (encoding as PyStr).s;
    o.codec = codecOf(e);
    o.encoding = e;
    if (errors === null || errors === None) o.errors = 'strict';
  }
  if (errors !== null && errors !== None) {
    o.errors = (errors as PyStr).s;
    checkErrors(o.errors);
  }
  if (newline !== null) setNewline(o, checkNewline(newline));
  textFlush(o);
  if (lb >= 0) o.lineBuffering = lb === 1;
  if (wt >= 0) o.writeThrough = wt === 1;
  o.decoder = new Decoder(o.codec, o.encoding, o.errors);
  fixEncoderState(o);
  // the std streams write through print's buffer only as UTF-8 with '\n' newlines
  if (o.console !== 0 && (o.codec !== ENC_UTF8 || o.writeNl !== '')) {
    const b = innerOf(o);
    if (b instanceof PyIO) b.console = o.console;
    o.console = 0;
  }
}
function reprAttr(o: PyIO, name: string): PyObject | null {
  try {
    return optionalAttr(o, name);
  } catch (e) {
    if (e instanceof PyExc && isInstance(e.exc, ValueError)) return null;
    throw e;
  }
}
export function textRepr(o: PyIO): string {
  const parts: string[] = ['<_io.TextIOWrapper'];
  // a ValueError (the buffer's raw stream detached) leaves the part out, as AttributeError does
  const nm = o.inner === null ? null : reprAttr(o, 'name');
  if (nm !== null) parts.push(' name=' + reprOf(nm));
  const mode = reprAttr(o, 'mode');
  if (mode !== null) parts.push(' mode=' + reprOf(mode));
  parts.push(` encoding='${o.encoding}'>`);
  return parts.join('');
}
function reprOf(o: PyObject): string {
  const r = callObj(getAttr(o, '__repr__'), [], null);
  return (r as PyStr).s;
}

// ---- StringIO ----
export function stringioInit(o: PyIO, initial: string, newline: string | null): void {
  setNewline(o, newline);
  // StringIO translates on write: None makes every newline '\n'; '' leaves them
  o.text = '';
  o.tpos = 0;
  o.closed = false;
  if (initial !== '') {
    stringioWrite(o, initial);
    o.tpos = 0;
  }
}
export function checkStringIO(o: PyIO): void {
  // StringIO's message alone has no full stop
  if (o.closed) throw raise(ValueError, 'I/O operation on closed file');
}
export function stringioWrite(o: PyIO, s: string): int {
  checkStringIO(o);
  let t = s;
  if (o.newline === null) {
    if (t.indexOf('\r') >= 0 || t.indexOf('\n') >= 0) t = translated(o, t);
  } else if (o.writeNl !== '' && o.newline !== '' && t.indexOf('\n') >= 0) t = t.split('\n').join(o.writeNl);
  if (t.length === 0) return s.length;
  if (o.tpos === o.text.length) o.text = o.text + t;
  else {
    let head = o.text.slice(0, o.tpos);
    while (head.length < o.tpos) head = head + '\0';
    o.text = head + t + o.text.slice(Math.min(o.text.length, o.tpos + t.length));
  }
  o.tpos += t.length;
  return s.length;
}
export function stringioRead(o: PyIO, n: int): string {
  checkStringIO(o);
  const end = n < 0 ? o.text.length : Math.min(o.text.length, o.tpos + n);
  if (o.tpos >= end) return '';
  const s = o.text.slice(o.tpos, end);
  o.tpos = end;
  return s;
}
export function stringioReadline(o: PyIO, limit: int): string {
  checkStringIO(o);
  if (o.tpos >= o.text.length) return '';
  let end = -1;
  const nl = o.newline;
  if (nl === '') {
    for (let i = o.tpos; i < o.text.length && end < 0; i++) {
      const c = o.text[i];
      if (c === '\n') end = i + 1;
      else if (c === '\r') end = i + 1 < o.text.length && o.text[i + 1] === '\n' ? i + 2 : i + 1;
    }
  } else {
    const term = nl === null ? '\n' : nl;
    const i = o.text.indexOf(term, o.tpos);
    if (i >= 0) end = i + term.length;
  }
  if (end < 0) end = o.text.length;
  if (limit >= 0 && end - o.tpos > limit) end = o.tpos + limit;
  const s = o.text.slice(o.tpos, end);
  o.tpos = end;
  return s;
}
export function stringioSeek(o: PyIO, pos: int, whence: int): int {
  checkStringIO(o);
  if (whence < 0 || whence > 2) throw raise(ValueError, `Invalid whence (${whence}, should be 0, 1 or 2)`);
  if (whence === 0 && pos < 0) throw raise(ValueError, `Negative seek position ${pos}`);
  if (whence !== 0 && pos !== 0) throw raise(OSError, `Can't do nonzero cur-relative seeks`);
  if (whence === 2) o.tpos = o.text.length;
  else if (whence === 0) o.tpos = pos;
  return o.tpos;
}
export function stringioTruncate(o: PyIO, size: int): int {
  checkStringIO(o);
  if (size < 0) throw raise(ValueError, `Negative size value ${size}`);
  if (size < o.text.length) o.text = o.text.slice(0, size);
  return size;
}

// ---- IncrementalNewlineDecoder ----
export function nlDecode(o: PyIO, input: PyObject, final: boolean): string {
  let out = '';
  if (o.inner !== null && o.inner !== None) {
    const r = callObj(getAttr(o.inner, 'decode'), [input, final ? newInt(1) : newInt(0)], null);
    if (!(r instanceof PyStr)) throw raise(TypeError, `decoder should return a string result, not '${typeName(r)}'`);
    out = r.s;
  } else {
    if (input instanceof PyBytes) throw raise(TypeError, `decoder should return a string result, not 'bytes'`);
    out = (input as PyStr).s;
  }
  if (o.pendingCR && (out.length > 0 || final)) {
    out = '\r' + out;
    o.pendingCR = false;
  }
  if (out.endsWith('\r') && !final) {
    out = out.slice(0, out.length - 1);
    o.pendingCR = true;
  }
  const cr = out.split('\r').length - 1;
  const lf = out.split('\n').length - 1;
  const crlf = out.split('\r\n').length - 1;
  if (crlf > 0) o.seenNl |= 4;
  if (cr > crlf) o.seenNl |= 1;
  if (lf > crlf) o.seenNl |= 2;
  if (o.translate && cr > 0) out = out.split('\r\n').join('\n').split('\r').join('\n');
  return out;
}
/** The newlines attribute: None, one of '\r', '\n', '\r\n', or a tuple of those seen. */
export function newlinesOf(seen: int): string[] {
  const out: string[] = [];
  if ((seen & 1) !== 0) out.push('\r');
  if ((seen & 2) !== 0) out.push('\n');
  if ((seen & 4) !== 0) out.push('\r\n');
  return out;
}
export function strArgOf(o: PyObject, what: string): string {
  if (!(o instanceof PyStr)) throw raise(TypeError, `${what} argument must be str, not ${typeName(o)}`);
  return o.s;
}
