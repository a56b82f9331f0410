// The _io module (CPython 3.11's interface): the builtin open(), the std streams, and the
// methods of every _io type, routed here by id; each method switches on the kind of native
// state its object carries (iotypes.ts), with the abstract bases' behaviour for kind K_BASE
// (Python subclasses of _IOBase & co. that implement the primitives themselves).
import { bufferRef } from '../builtins/buffer.ts';
import type { int } from '../../translate/rlib/index.ts';
import { os } from '../../translate/rlib/index.ts';
import {
  PyObject, PyModule, PyType, PyStr, PyBytes, PyInt, PyDict, PyBaseExc, PyExc, newStr, newInt, newBool, newList, newTuple, raise, None, False,
  TypeError, ValueError, RuntimeError, NotImplementedError, StopIteration, BlockingIOError, bytesType,
} from '../objects/core.ts';
import { dictSetS, dictGetS, dictFind, strHash } from '../objects/dict.ts';
import { B, FAM_IO } from '../builtins/ids.ts';
import { npos, arg, kwArg, unhandledBuiltin } from '../builtins/args.ts';
import { newBuiltinModule, addFn } from './registry.ts';
import { VM } from '../interpreter/state.ts';
import { STARTUP, F_UTF8_MODE } from '../startup.ts';
import { truthy, toIntIndex, typeName, iterToArray, setAttr, getAttrOrNull, getAttr, repr, getIter, iterNext, pyLen } from '../interpreter/runtime.ts';
import { fdTruncate } from './fdops.ts';
import { PyIO, IOT, kindOf, K_BASE, K_FILEIO, K_BUFFERED, K_TEXT, K_STRINGIO, K_BYTESIO, K_RWPAIR, K_NLDECODER } from './iotypes.ts';
import * as BIN from './iobinary.ts';
import { registerIO, releaseWrapped, deallocWarn } from './iofinalize.ts';
import * as TXT from './iotext.ts';
import { callM, bytesOf, newBytes, sizeArg, isClosed, checkClosed, innerOf, unsupported, DEFAULT_BUFFER_SIZE } from './iobinary.ts';

function self(args: PyObject[]): PyIO {
  const o = args[0];
  if (!(o instanceof PyIO)) throw raise(TypeError, `descriptor requires an '_io' object but received '${typeName(o)}'`);
  return o;
}
function optArg(args: PyObject[], kw: string[] | null, i: int, name: string): PyObject | null {
  const o = arg(args, kw, i, name);
  return o === None ? null : o;
}
function strOrNull(o: PyObject | null, what: string): string | null {
  if (o === null || o === None) return null;
  if (!(o instanceof PyStr)) throw raise(TypeError, `${what}() argument must be str or None, not ${typeName(o)}`);
  return o.s;
}
function boolArg(o: PyObject | null, dflt: boolean): boolean {
  return o === null ? dflt : truthy(o);
}
function stopIteration(): PyExc {
  return new PyExc(new PyBaseExc(StopIteration));
}
function isText(o: PyIO): boolean {
  return o.kind === K_TEXT || o.kind === K_STRINGIO;
}
function result(o: PyIO, text: string, bytes: int[]): PyObject {
  return isText(o) ? newStr(text) : newBytes(bytes);
}

export function makeIo(): PyModule {
  const m = newBuiltinModule('_io');
  const d = m.dict;
  dictSetS(d, 'DEFAULT_BUFFER_SIZE', newInt(DEFAULT_BUFFER_SIZE));
  dictSetS(d, 'BlockingIOError', BlockingIOError);
  dictSetS(d, 'UnsupportedOperation', BIN.unsupportedType());
  const types: PyType[] = [IOT.iobase, IOT.rawiobase, IOT.bufferediobase, IOT.textiobase, IOT.fileio, IOT.bytesio, IOT.bufferedreader, IOT.bufferedwriter, IOT.bufferedrandom, IOT.bufferedrwpair, IOT.textiowrapper, IOT.stringio, IOT.nldecoder];
  for (const t of types) dictSetS(d, t.name, t);
  // the builtin open() itself (io.open is open)
  dictSetS(d, 'open', dictGetS(VM.builtins, 'open') as PyObject);
  addFn(m, 'open_code', B.IO_OPEN_CODE, FAM_IO);
  addFn(m, 'text_encoding', B.IO_TEXT_ENCODING, FAM_IO);
  return m;
}

// ---- open() ----
export function openFile(args: PyObject[], kw: string[] | null): PyObject {
  const file = arg(args, kw, 0, 'file');
  if (file === null) throw raise(TypeError, "open() missing required argument 'file' (pos 1)");
  const modeO = arg(args, kw, 1, 'mode');
  if (modeO !== null && !(modeO instanceof PyStr)) throw raise(TypeError, `open() argument 'mode' must be str, not ${typeName(modeO)}`);
  const mode = modeO === null ? 'r' : modeO.s;
  const bufO = arg(args, kw, 2, 'buffering');
  const buffering = bufO === null ? -1 : toIntIndex(bufO);
  const encoding = strOrNull(arg(args, kw, 3, 'encoding'), 'open');
  const errors = strOrNull(arg(args, kw, 4, 'errors'), 'open');
  const nlO = arg(args, kw, 5, 'newline');
  const closefd = boolArg(arg(args, kw, 6, 'closefd'), true);
  const opener = optArg(args, kw, 7, 'opener');
  if (!(file instanceof PyStr || file instanceof PyBytes || file instanceof PyInt)) {
    if (getAttrOrNull(file, '__fspath__') === null) throw raise(TypeError, `expected str, bytes or os.PathLike object, not ${typeName(file)}`);
  }
  let creating = false;
  let reading = false;
  let writing = false;
  let appending = false;
  let updating = false;
  let text = false;
  let binary = false;
  for (let i = 0; i < mode.length; i++) {
    const c = mode[i];
    if ('xrwab+t'.indexOf(c) < 0 || mode.indexOf(c, i + 1) >= 0) throw raise(ValueError, `invalid mode: '${mode}'`);
    if (c === 'x') creating = true;
    else if (c === 'r') reading = true;
    else if (c === 'w') writing = true;
    else if (c === 'a') appending = true;
    else if (c === '+') updating = true;
    else if (c === 't') text = true;
    else if (c === 'b') binary = true;
  }
  if (text && binary) throw raise(ValueError, "can't have text and binary mode at once");
  const n = (creating ? 1 : 0) + (reading ? 1 : 0) + (writing ? 1 : 0) + (appending ? 1 : 0);
  if (n > 1) throw raise(ValueError, 'must have exactly one of create/read/write/append mode');
  if (n === 0) throw raise(ValueError, 'Must have exactly one of create/read/write/append mode and at most one plus');
  if (binary && encoding !== null) throw raise(ValueError, "binary mode doesn't take an encoding argument");
  if (binary && errors !== null) throw raise(ValueError, "binary mode doesn't take an errors argument");
  if (binary && nlO !== null && nlO !== None) throw raise(ValueError, "binary mode doesn't take a newline argument");
  if (buffering === 0 && !binary) throw raise(ValueError, "can't have unbuffered text I/O");
  const newline = TXT.checkNewline(nlO);
  const rawMode = (creating ? 'x' : reading ? 'r' : writing ? 'w' : 'a') + (updating ? '+' : '');
  const raw = new PyIO(IOT.fileio, K_FILEIO);
  BIN.fileioInit(raw, file, rawMode, closefd, opener);
  try {
    const lineBuffering = buffering === 1 || (buffering < 0 && os.isatty(raw.fd));
    // only what open() returns is finalized: it closes the layers under it (iofinalize.ts)
    if (buffering === 0) {
      registerIO(raw);
      return raw;
    }
    const size = buffering > 1 ? buffering : DEFAULT_BUFFER_SIZE;
    const bt = updating ? IOT.bufferedrandom : creating || writing || appending ? IOT.bufferedwriter : IOT.bufferedreader;
    const buffer = new PyIO(bt, K_BUFFERED);
    BIN.bufferedInit(buffer, raw, size);
    if (binary) {
      registerIO(buffer);
      return buffer;
    }
    const t = new PyIO(IOT.textiowrapper, K_TEXT);
    TXT.textInit(t, buffer, encoding, errors, newline, lineBuffering, false);
    setAttr(t, 'mode', newStr(mode));
    registerIO(t);
    return t;
  } catch (e) {
    BIN.fileioClose(raw);
    throw e;
  }
}

// ---- the std streams ----
class StdStreams {
  /** the sys module's dict, where print finds sys.stdout */
  sysDict: PyDict | null = null;
  /** where 'stdout' sits in it, valid while its keys stay the same (ver): print's lookup is then
   * one load, however often sys.stdout is reassigned */
  stdoutEntry: int = -1;
  stdoutVer: int = -1;
}
const STDOUT_KEY = newStr('stdout');
export const STD = new StdStreams();

/** sys.stdin/stdout/stderr: a TextIOWrapper over a BufferedReader/Writer over FileIO(fd). */
export function stdStream(fd: int): PyIO {
  const raw = new PyIO(IOT.fileio, K_FILEIO);
  BIN.fileioInit(raw, newInt(fd), fd === 0 ? 'r' : 'w', false, null);
  setAttr(raw, 'name', newStr(fd === 0 ? '<stdin>' : fd === 1 ? '<stdout>' : '<stderr>'));
  // -u: stdout and stderr have no buffer object, their text goes straight to FileIO (CPython's
  // write_through)
  const unbuffered = fd !== 0 && VM.unbuffered;
  let buffer: PyIO = raw;
  if (!unbuffered) {
    buffer = new PyIO(fd === 0 ? IOT.bufferedreader : IOT.bufferedwriter, K_BUFFERED);
    BIN.bufferedInit(buffer, raw, DEFAULT_BUFFER_SIZE);
  }
  const t = new PyIO(IOT.textiowrapper, K_TEXT);
  TXT.textInit(t, buffer, 'utf-8', fd === 2 ? 'backslashreplace' : cLocale() ? 'surrogateescape' : 'strict', null, fd !== 0 && os.isatty(fd), unbuffered);
  setAttr(t, 'mode', newStr(fd === 0 ? 'r' : 'w'));
  if (fd !== 0) {
    t.console = fd;
    buffer.console = fd;
  }
  return t;
}
/** Whether the locale is C or POSIX (or C.UTF-8, PEP 538's coercion target), where CPython's std
 * streams use surrogateescape. */
function cLocale(): boolean {
  let v: string | null = null;
  for (const k of ['LC_ALL', 'LC_CTYPE', 'LANG']) {
    const e = os.getenv(k);
    if (e !== null && e !== '') {
      v = e;
      break;
    }
  }
  return v === null || v === 'C' || v === 'POSIX' || v === 'C.UTF-8' || v === 'C.utf8' || v === 'UTF-8';
}
/** What print() writes to when given no file: sys.stdout as it is now. */
export function currentStdout(): PyObject {
  const d = STD.sysDict;
  // before `import sys` made the module, the stream it will hold
  if (d === null) {
    if (VM.stdout === null) VM.stdout = stdStream(1);
    return VM.stdout as PyObject;
  }
  if (STD.stdoutVer !== d.ver || STD.stdoutEntry < 0) {
    STD.stdoutEntry = dictFind(d, STDOUT_KEY, strHash(STDOUT_KEY));
    STD.stdoutVer = d.ver;
  }
  const o = STD.stdoutEntry < 0 ? null : d.vals[STD.stdoutEntry];
  if (o === null) throw raise(RuntimeError, 'lost sys.stdout');
  return o;
}
/** For print(): the std stream fd (1, 2) it writes to through the VM's buffer, else 0. */
export function consoleOf(o: PyObject): int {
  return o instanceof PyIO ? o.console : 0;
}

// ---- methods ----
function ioRead(o: PyIO, n: int): PyObject {
  switch (o.kind) {
    case K_FILEIO:
      return newBytes(BIN.fileioRead(o, n));
    case K_BUFFERED: {
      const r = BIN.bufferedRead(o, n);
      return r === null ? None : newBytes(r);
    }
    case K_BYTESIO:
      return newBytes(BIN.bytesioRead(o, n));
    case K_TEXT:
      return newStr(TXT.textRead(o, n));
    case K_STRINGIO:
      return newStr(TXT.stringioRead(o, n));
    case K_RWPAIR:
      return callM(o.inner as PyObject, 'read', [newInt(n)]);
  }
  // _RawIOBase.read: readall for everything, else readinto a bytearray of the size asked
  if (n < 0) return callM(o, 'readall', []);
  if (o.cls.mro.includes(IOT.rawiobase)) {
    const r = BIN.readViaReadinto(o, n);
    return r === null ? None : newBytes(r);
  }
  throw unsupported('read');
}
function ioReadline(o: PyIO, limit: int): PyObject {
  switch (o.kind) {
    case K_BUFFERED:
      return newBytes(BIN.bufferedReadline(o, limit));
    case K_BYTESIO:
      return newBytes(BIN.bytesioReadline(o, limit));
    case K_TEXT:
      return newStr(TXT.textReadline(o, limit));
    case K_STRINGIO:
      return newStr(TXT.stringioReadline(o, limit));
  }
  // _IOBase.readline: byte by byte through read() (peek() when there is one)
  checkClosed(o);
  const out: int[] = [];
  const parts: string[] = [];
  let isStr = false;
  while (limit < 0 || out.length + parts.length < limit) {
    const r = callM(o, 'read', [newInt(1)]);
    if (r instanceof PyStr) {
      isStr = true;
      if (r.s.length === 0) break;
      parts.push(r.s);
      if (r.s === '\n') break;
      continue;
    }
    if (r === None) break;
    const b = bytesOf(r);
    if (b.length === 0) break;
    out.push(b[0]);
    if (b[0] === 10) break;
  }
  return isStr ? newStr(parts.join('')) : newBytes(out);
}
function ioWrite(o: PyIO, x: PyObject): PyObject {
  switch (o.kind) {
    case K_FILEIO:
      return newInt(BIN.fileioWrite(o, bytesOf(x)));
    case K_BUFFERED:
      return newInt(BIN.bufferedWrite(o, bytesOf(x)));
    case K_BYTESIO:
      return newInt(BIN.bytesioWrite(o, bytesOf(x)));
    case K_TEXT:
      return newInt(TXT.textWrite(o, TXT.strArgOf(x, 'write()')));
    case K_STRINGIO:
      if (!(x instanceof PyStr)) throw raise(TypeError, `string argument expected, got '${typeName(x)}'`);
      return newInt(TXT.stringioWrite(o, x.s));
    case K_RWPAIR:
      return callM(o.inner2 as PyObject, 'write', [x]);
  }
  throw unsupported('write');
}
function ioClose(o: PyIO): void {
  switch (o.kind) {
    case K_FILEIO: {
      // _RawIOBase.close (flush() first, as a method) then the descriptor, even if flush failed
      if (o.closed) return;
      const err = flushForClose(o);
      if (o.finalizing) deallocWarn(o, o);
      try {
        BIN.fileioClose(o);
      } catch (e) {
        if (e instanceof PyExc && err !== null) BIN.chainContext(e, err);
        throw e;
      }
      if (err !== null) throw err;
      return;
    }
    case K_BUFFERED:
      BIN.bufferedClose(o);
      return;
    case K_TEXT: {
      const b = innerOf(o);
      if (isClosed(b)) return;
      if (o.finalizing) deallocWarn(b, o);
      const err = flushForClose(o);
      closeChained(b, err);
      return;
    }
    case K_RWPAIR:
      closeChained(o.inner as PyObject, flushForClose(o.inner2 as PyObject, 'close'));
      return;
    case K_BYTESIO:
    case K_STRINGIO:
      o.closed = true;
      return;
  }
  if (o.closed) return;
  try {
    callM(o, 'flush', []);
  } finally {
    o.closed = true;
  }
}
/** o.flush() (or another method) as close() calls it: its error, caught, for the caller to raise
 * once the rest is closed. */
function flushForClose(o: PyObject, name: string = 'flush'): PyExc | null {
  try {
    callM(o, name, []);
  } catch (e) {
    if (!(e instanceof PyExc)) throw e;
    return e;
  }
  return null;
}
/** inner.close(), then the earlier error: a close error chains it as its __context__. */
function closeChained(inner: PyObject, err: PyExc | null): void {
  try {
    callM(inner, 'close', []);
  } catch (e) {
    if (e instanceof PyExc && err !== null) BIN.chainContext(e, err);
    throw e;
  }
  if (err !== null) throw err;
}
function ioFlush(o: PyIO): void {
  switch (o.kind) {
    case K_BUFFERED:
      if (isClosed(o)) throw raise(ValueError, 'flush of closed file');
      BIN.bufferedFlush(o);
      return;
    case K_TEXT:
      checkClosed(o);
      TXT.textFlush(o);
      return;
    case K_RWPAIR:
      callM(o.inner2 as PyObject, 'flush', []);
      return;
  }
  checkClosed(o);
}
function ioSeek(o: PyIO, pos: int, whence: int): int {
  switch (o.kind) {
    case K_FILEIO:
      return BIN.fileioSeek(o, pos, whence);
    case K_BUFFERED:
      return BIN.bufferedSeek(o, pos, whence);
    case K_BYTESIO:
      return BIN.bytesioSeek(o, pos, whence);
    case K_TEXT:
      return TXT.textSeek(o, pos, whence);
    case K_STRINGIO:
      return TXT.stringioSeek(o, pos, whence);
  }
  throw unsupported('seek');
}
function ioTell(o: PyIO): int {
  switch (o.kind) {
    case K_FILEIO:
      return BIN.fileioSeek(o, 0, 1);
    case K_BUFFERED:
      return BIN.bufferedTell(o);
    case K_BYTESIO:
      checkClosed(o);
      return o.pos;
    case K_TEXT:
      return TXT.textTell(o);
    case K_STRINGIO:
      checkClosed(o);
      return o.tpos;
  }
  return toIntIndex(callM(o, 'seek', [newInt(0), newInt(1)]));
}
/** readable/writable/seekable: which is 0, 1, 2. */
function ioCan(o: PyIO, which: int): boolean {
  switch (o.kind) {
    case K_FILEIO:
      if (o.closed) throw raise(ValueError, 'I/O operation on closed file');
      return which === 0 ? o.canRead : which === 1 ? o.canWrite : BIN.fileioSeekable(o);
    case K_BUFFERED:
    case K_TEXT: {
      const inner = innerOf(o);
      if (o.kind === K_BUFFERED && which === 0 && !o.canRead) return false;
      if (o.kind === K_BUFFERED && which === 1 && !o.canWrite) return false;
      return truthy(callM(inner, which === 0 ? 'readable' : which === 1 ? 'writable' : 'seekable', []));
    }
    case K_BYTESIO:
    case K_STRINGIO:
      checkClosed(o);
      return true;
    case K_RWPAIR:
      return which === 2 ? false : truthy(callM((which === 0 ? o.inner : o.inner2) as PyObject, which === 0 ? 'readable' : 'writable', []));
  }
  return false;
}

export function callIo(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  switch (id) {
    case B.IO_OPEN_CODE: {
      const p = arg(args, kw, 0, 'path');
      if (!(p instanceof PyStr)) throw raise(TypeError, `open_code() argument 'path' must be str, not ${p === null ? 'None' : typeName(p)}`);
      return openFile([p, newStr('rb')], null);
    }
    case B.IO_TEXT_ENCODING: {
      const e = arg(args, kw, 0, 'encoding');
      // PEP 597: 'utf-8' in UTF-8 mode, else 'locale'
      return e === null || e === None ? newStr(STARTUP.flags[F_UTF8_MODE] !== 0 ? 'utf-8' : 'locale') : e;
    }
    case B.IO_NEW: {
      const t = args[0];
      if (!(t instanceof PyType)) throw raise(TypeError, '_io.__new__(X): X is not a type object');
      const made = new PyIO(t, kindOf(t));
      made.uninit = made.kind === K_BUFFERED || made.kind === K_TEXT || made.kind === K_RWPAIR;
      registerIO(made);
      return made;
    }
    case B.IO_BASE_INIT:
      return None;
  }
  const o = self(args);
  if (o.uninit && id !== B.IO_INIT && !(id === B.IO_REPR && o.kind !== K_TEXT)) throw raise(ValueError, 'I/O operation on uninitialized object');
  switch (id) {
    case B.IO_INIT: {
      // as CPython: a layer whose __init__ fails is left uninitialized, even if it was before
      if (o.kind === K_BUFFERED || o.kind === K_TEXT || o.kind === K_RWPAIR) o.uninit = true;
      const r = init(o, args, kw, n);
      o.uninit = false;
      return r;
    }
    case B.IO_READ:
    case B.IO_READ1: {
      const size = sizeArg(arg(args, kw, 1, 'size'));
      if (id === B.IO_READ1 && o.kind === K_BUFFERED) return newBytes(BIN.bufferedRead1(o, size));
      if ((o.kind === K_BASE || (o.kind === K_BUFFERED && !o.canRead)) && o.cls.mro.includes(IOT.bufferediobase)) throw unsupported(id === B.IO_READ ? 'read' : 'read1');
      if (o.kind === K_BASE && o.cls.mro.includes(IOT.textiobase)) throw unsupported('read');
      return ioRead(o, size);
    }
    case B.IO_READALL: {
      if (o.kind === K_FILEIO) return newBytes(BIN.fileioReadall(o));
      const out: int[] = [];
      for (;;) {
        const r = callM(o, 'read', [newInt(DEFAULT_BUFFER_SIZE)]);
        if (r === None) return out.length === 0 ? None : newBytes(out);
        const b = bytesOf(r);
        if (b.length === 0) return newBytes(out);
        for (const x of b) out.push(x);
      }
    }
    case B.IO_READINTO:
    case B.IO_READINTO1: {
      // readinto(b): read len(b) bytes (one raw read for a raw stream) into b in place
      const one = id === B.IO_READINTO1;
      const target = args[1];
      if (o.kind === K_RWPAIR) return callM(o.inner as PyObject, one ? 'readinto1' : 'readinto', [target]);
      const ref = bufferRef(target);
      if (ref === null || ref.readonly) throw raise(TypeError, `${one ? 'readinto1' : 'readinto'}() argument must be read-write bytes-like object, not ${typeName(target)}`);
      const want = ref.len;
      let data: int[] | null = null;
      if (o.kind === K_BASE && o.cls.mro.includes(IOT.rawiobase)) throw raise(NotImplementedError, '');
      if (o.kind === K_BASE) {
        // _BufferedIOBase.readinto: what self.read() (readinto1: self.read1()) returns, copied
        const r = callM(o, one ? 'read1' : 'read', [newInt(want)]);
        if (!(r instanceof PyBytes) || !r.cls.mro.includes(bytesType)) throw raise(TypeError, 'read() should return bytes');
        if (r.b.length > want) throw raise(ValueError, `read() returned too much data: ${want} bytes requested, ${r.b.length} returned`);
        data = r.b;
      } else if (o.kind === K_BUFFERED) data = BIN.bufferedReadinto(o, want, one);
      else {
        const got = ioRead(o, want);
        data = got === None ? null : bytesOf(got);
      }
      if (data === null) return None;
      for (let i = 0; i < data.length; i++) ref.arr[ref.off + i] = data[i];
      return newInt(data.length);
    }
    case B.IO_PEEK:
      if (o.kind === K_RWPAIR) return callM(o.inner as PyObject, 'peek', n > 1 ? [args[1]] : []);
      return newBytes(BIN.bufferedPeek(o));
    case B.IO_READLINE: {
      const lim = sizeArg(arg(args, kw, 1, 'size'));
      if (o.kind === K_BASE && o.cls.mro.includes(IOT.textiobase) && getAttrOrNull(o, 'read') === null) throw unsupported('readline');
      return ioReadline(o, lim);
    }
    case B.IO_READLINES: {
      const hintO = arg(args, kw, 1, 'hint');
      const hint = hintO === null || hintO === None ? -1 : toIntIndex(hintO);
      const out: PyObject[] = [];
      let total = 0;
      // _IOBase.readlines iterates the stream (its __next__), as CPython's; the native kinds
      // read their lines directly
      const it = o.kind === K_BASE ? getIter(o) : null;
      for (;;) {
        const l = it !== null ? iterNext(it) : ioReadline(o, -1);
        if (l === null) break;
        const len = pyLen(l);
        if (len === 0 && it === null) break;
        out.push(l);
        total += len;
        if (hint > 0 && total >= hint) break;
      }
      return newList(out);
    }
    case B.IO_WRITE: {
      if (n < 2) throw raise(TypeError, 'write() takes exactly one argument (0 given)');
      if (o.kind === K_BUFFERED && !o.canWrite) throw unsupported('write');
      return ioWrite(o, args[1]);
    }
    case B.IO_WRITELINES: {
      checkClosed(o);
      for (const x of iterToArray(args[1])) {
        if (o.kind === K_BASE) callM(o, 'write', [x]);
        else ioWrite(o, x);
      }
      return None;
    }
    case B.IO_CLOSE:
      ioClose(o);
      return None;
    case B.IO_CLOSED:
      return newBool(o.kind === K_BASE || o.kind === K_FILEIO || o.kind === K_BYTESIO || o.kind === K_STRINGIO ? o.closed : isClosed(o));
    case B.IO_FLUSH:
      ioFlush(o);
      return None;
    case B.IO_SEEK: {
      const pos = toIntIndex(arg(args, kw, 1, 'pos') ?? newInt(0));
      const wO = arg(args, kw, 2, 'whence');
      return newInt(ioSeek(o, pos, wO === null ? 0 : toIntIndex(wO)));
    }
    case B.IO_TELL:
      return newInt(ioTell(o));
    case B.IO_TRUNCATE: {
      const sO = arg(args, kw, 1, 'size');
      if (o.kind === K_BYTESIO) return newInt(BIN.bytesioTruncate(o, sO === null || sO === None ? o.pos : toIntIndex(sO)));
      if (o.kind === K_STRINGIO) return newInt(TXT.stringioTruncate(o, sO === null || sO === None ? o.tpos : toIntIndex(sO)));
      if (o.kind === K_BUFFERED) {
        innerOf(o);
        if (isClosed(o)) throw raise(ValueError, 'truncate of closed file');
        if (!o.canWrite) throw unsupported('truncate');
      }
      if (o.kind === K_BUFFERED || o.kind === K_TEXT) {
        ioFlush(o);
        return callM(innerOf(o), 'truncate', [sO === null || sO === None ? newInt(ioTell(o)) : sO]);
      }
      if (o.kind === K_FILEIO) {
        if (o.closed) throw raise(ValueError, 'I/O operation on closed file');
        if (!o.canWrite) throw unsupported('File not open for writing');
        const size = sO === null || sO === None ? BIN.fileioSeek(o, 0, 1) : toIntIndex(sO);
        fdTruncate(o.fd, size);
        return newInt(size);
      }
      throw unsupported('truncate');
    }
    case B.IO_READABLE:
      return newBool(ioCan(o, 0));
    case B.IO_WRITABLE:
      return newBool(ioCan(o, 1));
    case B.IO_SEEKABLE:
      return newBool(ioCan(o, 2));
    case B.IO_FILENO:
      if (o.kind === K_FILEIO) {
        if (o.closed) throw raise(ValueError, 'I/O operation on closed file');
        return newInt(o.fd);
      }
      if (o.kind === K_BUFFERED || o.kind === K_TEXT) return callM(innerOf(o), 'fileno', []);
      throw unsupported('fileno');
    case B.IO_ISATTY:
      if (o.kind === K_FILEIO) {
        if (o.closed) throw raise(ValueError, 'I/O operation on closed file');
        return newBool(os.isatty(o.fd));
      }
      if (o.kind === K_RWPAIR) {
        // the writer's answer unless it is False, then the reader's (CPython's order)
        const w = callM(o.inner2 as PyObject, 'isatty', []);
        return w !== False ? w : callM(o.inner as PyObject, 'isatty', []);
      }
      if (o.kind === K_BUFFERED || o.kind === K_TEXT) return callM(innerOf(o), 'isatty', []);
      checkClosed(o);
      return False;
    case B.IO_ITER:
      checkClosed(o);
      return o;
    case B.IO_NEXT: {
      // a text stream's position is not told while it is iterated (its read-ahead is ahead)
      if (o.kind === K_TEXT) o.iterating = true;
      const l = o.kind === K_BASE ? callM(o, 'readline', []) : ioReadline(o, -1);
      // len() of what readline returned: a TypeError for one without a length, as CPython's
      if (pyLen(l) === 0) {
        o.iterating = false;
        throw stopIteration();
      }
      return l;
    }
    case B.IO_ENTER:
      checkClosed(o);
      return o;
    case B.IO_EXIT:
      callM(o, 'close', []);
      return None;
    case B.IO_CHECK_CLOSED:
      checkClosed(o);
      return None;
    case B.IO_CHECK_READABLE:
      if (!truthy(callM(o, 'readable', []))) throw unsupported('File or stream is not readable.');
      return None;
    case B.IO_CHECK_WRITABLE:
      if (!truthy(callM(o, 'writable', []))) throw unsupported('File or stream is not writable.');
      return None;
    case B.IO_CHECK_SEEKABLE:
      if (!truthy(callM(o, 'seekable', []))) throw unsupported('File or stream is not seekable.');
      return None;
    case B.IO_DETACH: {
      if (o.kind !== K_BUFFERED && o.kind !== K_TEXT) throw unsupported('detach');
      const inner = innerOf(o);
      ioFlush(o);
      o.inner = null;
      o.console = 0;
      releaseWrapped(inner);
      return inner;
    }
    case B.IO_ENCODING:
      return o.kind === K_TEXT ? newStr(o.encoding) : None;
    case B.IO_ERRORS:
      return o.kind === K_TEXT ? newStr(o.errors) : None;
    case B.IO_NEWLINES: {
      if (o.kind !== K_TEXT && o.kind !== K_STRINGIO && o.kind !== K_NLDECODER) return None;
      if (o.kind === K_STRINGIO && o.newline !== null) return None;
      const seen = TXT.newlinesOf(o.seenNl);
      if (seen.length === 0) return None;
      if (seen.length === 1) return newStr(seen[0]);
      const items: PyObject[] = [];
      for (const s of seen) items.push(newStr(s));
      return newTuple(items);
    }
    case B.IO_LINE_BUFFERING:
      return newBool(o.lineBuffering);
    case B.IO_WRITE_THROUGH:
      return newBool(o.writeThrough);
    case B.IO_BUFFER:
      return innerOf(o);
    case B.IO_RAW:
      return innerOf(o);
    case B.IO_NAME:
      return callAttr(innerOf(o), 'name');
    case B.IO_MODE:
      if (o.kind === K_FILEIO) return newStr(BIN.fileioMode(o));
      return callAttr(innerOf(o), 'mode');
    case B.IO_CLOSEFD:
      return newBool(o.closefd);
    case B.IO_GETVALUE:
      if (o.kind === K_STRINGIO) TXT.checkStringIO(o);
      checkClosed(o);
      return o.kind === K_STRINGIO ? newStr(o.text) : newBytes(o.buf.slice(0));
    case B.IO_RECONFIGURE: {
      if (n > 1) throw raise(TypeError, 'reconfigure() takes no positional arguments');
      const lb = kwArg(args, kw, 'line_buffering');
      const wt = kwArg(args, kw, 'write_through');
      TXT.textReconfigure(o, kwArg(args, kw, 'encoding'), kwArg(args, kw, 'errors'), kwArg(args, kw, 'newline'),
        triState(lb), triState(wt));
      return None;
    }
    case B.IO_REPR: {
      if (o.kind === K_FILEIO) return newStr(BIN.fileioRepr(o));
      if (o.kind === K_TEXT) return newStr(TXT.textRepr(o));
      const nm = o.inner === null ? null : BIN.optionalAttr(o, 'name');
      return newStr(`<_io.${o.cls.name}${nm === null ? '' : ' name=' + repr(nm)}>`);
    }
    case B.IO_DECODE: {
      const input = arg(args, kw, 1, 'input');
      if (input === null) throw raise(TypeError, "decode() missing required argument 'input' (pos 1)");
      return newStr(TXT.nlDecode(o, input, boolArg(arg(args, kw, 2, 'final'), false)));
    }
    case B.IO_GETSTATE: {
      let buf: PyObject = newBytes([]);
      let flag = 0;
      if (o.inner !== null && o.inner !== None) {
        const st = callM(o.inner, 'getstate', []);
        const items = iterToArray(st);
        buf = items[0];
        flag = toIntIndex(items[1]);
      }
      return newTuple([buf, newInt(flag * 2 + (o.pendingCR ? 1 : 0))]);
    }
    case B.IO_SETSTATE: {
      const items = iterToArray(args[1]);
      const flag = toIntIndex(items[1]);
      o.pendingCR = (flag & 1) !== 0;
      if (o.inner !== null && o.inner !== None) callM(o.inner, 'setstate', [newTuple([items[0], newInt(flag >> 1)])]);
      return None;
    }
    case B.IO_RESET:
      o.seenNl = 0;
      o.pendingCR = false;
      if (o.inner !== null && o.inner !== None) callM(o.inner, 'reset', []);
      return None;
  }
  throw unhandledBuiltin('_io method', id);
}
/** -1 for an argument not given (or None), else 0 or 1. */
function triState(o: PyObject | null): int {
  return o === null || o === None ? -1 : truthy(o) ? 1 : 0;
}
/** The wrapped stream's attribute, as CPython's buffered and text layers read it: its
 * AttributeError passes through (so repr() leaves out a name the raw stream lacks). */
function callAttr(o: PyObject, name: string): PyObject {
  return getAttr(o, name);
}

function init(o: PyIO, args: PyObject[], kw: string[] | null, n: int): PyObject {
  switch (o.kind) {
    case K_FILEIO: {
      const file = arg(args, kw, 1, 'file');
      if (file === null) throw raise(TypeError, "FileIO() missing required argument 'file' (pos 1)");
      const modeO = arg(args, kw, 2, 'mode');
      BIN.fileioInit(o, file, modeO === null ? 'r' : (modeO as PyStr).s, boolArg(arg(args, kw, 3, 'closefd'), true), optArg(args, kw, 4, 'opener'));
      return None;
    }
    case K_BUFFERED: {
      // the C type's own name in the messages, for subclasses too
      const name = o.cls.mro.includes(IOT.bufferedrandom) ? 'BufferedRandom' : o.cls.mro.includes(IOT.bufferedwriter) ? 'BufferedWriter' : 'BufferedReader';
      if (args.length - 1 > 2) throw raise(TypeError, `${name}() takes at most 2 arguments (${args.length - 1} given)`);
      const raw = arg(args, kw, 1, 'raw');
      if (raw === null) throw raise(TypeError, `${name}() missing required argument 'raw' (pos 1)`);
      const sz = arg(args, kw, 2, 'buffer_size');
      BIN.bufferedInit(o, raw, sz === null ? DEFAULT_BUFFER_SIZE : toIntIndex(sz));
      return None;
    }
    case K_RWPAIR: {
      if (kw !== null && kw.length > 0) throw raise(TypeError, 'BufferedRWPair() takes no keyword arguments');
      if (n < 3) throw raise(TypeError, `BufferedRWPair expected at least 2 arguments, got ${n - 1}`);
      if (n > 4) throw raise(TypeError, `BufferedRWPair expected at most 3 arguments, got ${n - 1}`);
      const r = new PyIO(IOT.bufferedreader, K_BUFFERED);
      BIN.bufferedInit(r, args[1], n > 3 ? toIntIndex(args[3]) : DEFAULT_BUFFER_SIZE);
      const w = new PyIO(IOT.bufferedwriter, K_BUFFERED);
      BIN.bufferedInit(w, args[2], n > 3 ? toIntIndex(args[3]) : DEFAULT_BUFFER_SIZE);
      o.inner = r;
      o.inner2 = w;
      return None;
    }
    case K_TEXT: {
      const buffer = arg(args, kw, 1, 'buffer');
      if (buffer === null) throw raise(TypeError, "TextIOWrapper() missing required argument 'buffer' (pos 1)");
      TXT.textInit(o, buffer, strOrNull(arg(args, kw, 2, 'encoding'), 'TextIOWrapper'), strOrNull(arg(args, kw, 3, 'errors'), 'TextIOWrapper'),
        TXT.checkNewline(arg(args, kw, 4, 'newline')), boolArg(arg(args, kw, 5, 'line_buffering'), false), boolArg(arg(args, kw, 6, 'write_through'), false));
      return None;
    }
    case K_STRINGIO: {
      const v = arg(args, kw, 1, 'initial_value');
      if (v !== null && v !== None && !(v instanceof PyStr)) throw raise(TypeError, `initial_value must be str or None, not ${typeName(v)}`);
      const nl = arg(args, kw, 2, 'newline');
      TXT.stringioInit(o, v instanceof PyStr ? v.s : '', nl === null ? '\n' : TXT.checkNewline(nl));
      return None;
    }
    case K_BYTESIO: {
      const v = arg(args, kw, 1, 'initial_bytes');
      o.buf = v === null || v === None ? [] : bytesOf(v).slice(0);
      o.pos = 0;
      o.closed = false;
      return None;
    }
    case K_NLDECODER: {
      const dec = arg(args, kw, 1, 'decoder');
      const tr = arg(args, kw, 2, 'translate');
      if (dec === null || tr === null) throw raise(TypeError, "IncrementalNewlineDecoder() missing required argument 'decoder' (pos 1)");
      o.inner = dec;
      o.translate = truthy(tr);
      o.seenNl = 0;
      o.pendingCR = false;
      return None;
    }
  }
  return None;
}
