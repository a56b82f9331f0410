// _io's byte streams: FileIO over the posix descriptor primitives, the buffered reader/writer/
// random over any raw stream (native FileIO directly, a Python raw stream through its methods),
// BytesIO, and BufferedRWPair.
import { needBytesLike } from '../builtins/buffer.ts';
import { newMemView } from '../builtins/memoryview.ts';
import type { int } from '../../translate/rlib/index.ts';
import { os, weak, castRef } from '../../translate/rlib/index.ts';
import { PyObject, PyType, PyBytes, PyStr, PyInt, PyBaseExc, PyExc, bytesType, newInt, newStr, raise, None, TypeError, ValueError, OSError, IsADirectoryError, AttributeError } from '../objects/core.ts';
import { computeMro, getAttr, getAttrOrNull, setAttr, callObj, truthy, toIntIndex, typeName, repr, isInstance } from '../interpreter/runtime.ts';
import { flushStdout } from '../interpreter/state.ts';
import { PyIO, IOT, K_FILEIO, K_BUFFERED, K_BYTESIO, K_BASE } from './iotypes.ts';
import { osError, fspath } from './posix.ts';
import { deallocWarn } from './iofinalize.ts';
import { decodeUtf8 } from '../builtins/strmethods.ts';
import { BT } from '../builtins/bytearray.ts';

export const DEFAULT_BUFFER_SIZE = 8192;

/** io.UnsupportedOperation, its MRO computed on first use (the builtin exceptions it derives
 * from get theirs when the VM starts, after this module is loaded). */
export function unsupportedType(): PyType {
  const t = IOT.unsupported;
  if (t.mro.length === 0) t.mro = computeMro(t);
  return t;
}
/** o.name for repr(): null when reading it raises AttributeError (CPython's repr leaves the
 * name out then), whether o lacks it or a property under it does. */
export function optionalAttr(o: PyObject, name: string): PyObject | null {
  try {
    return getAttrOrNull(o, name);
  } catch (e) {
    if (e instanceof PyExc && isInstance(e.exc, AttributeError)) return null;
    throw e;
  }
}
export function unsupported(msg: string): PyExc {
  return raise(unsupportedType(), msg);
}
export function closedError(): PyExc {
  return raise(ValueError, 'I/O operation on closed file.');
}
export function callM(o: PyObject, name: string, args: PyObject[]): PyObject {
  return callObj(getAttr(o, name), args, null);
}
export function newBytes(b: int[]): PyBytes {
  return new PyBytes(bytesType, b);
}
/** The bytes of a bytes-like argument (bytes, bytearray, memoryview), or CPython's TypeError. */
export function bytesOf(o: PyObject): int[] {
  return needBytesLike(o);
}
/** size argument of read(): None or negative: all. */
export function sizeArg(o: PyObject | null): int {
  if (o === null || o === None) return -1;
  if (!(o instanceof PyInt)) throw raise(TypeError, `argument should be integer or None, not '${typeName(o)}'`);
  return toIntIndex(o);
}

/** Whether a stream is closed: native state, or its `closed` attribute. */
export function isClosed(o: PyObject): boolean {
  if (!(o instanceof PyIO) || o.kind === K_BASE) return truthy(getAttr(o, 'closed'));
  if (o.kind === K_BUFFERED) return isClosed(innerOf(o));
  if (o.kind === 6) return isClosed(o.inner2 as PyObject);
  if (o.kind === 3) return isClosed(innerOf(o));
  return o.closed;
}
/** The stream a buffered or text object wraps (ValueError once detached). */
export function innerOf(o: PyIO): PyObject {
  if (o.inner === null) throw raise(ValueError, o.kind === K_BUFFERED ? 'raw stream has been detached' : 'underlying buffer has been detached');
  return o.inner;
}
export function checkClosed(o: PyObject): void {
  if (isClosed(o)) throw closedError();
}

// ---- FileIO ----
const O_WRONLY = 1;
const O_RDWR = 2;
const O_CREAT = 0o100;
const O_EXCL = 0o200;
const O_TRUNC = 0o1000;
const O_APPEND = 0o2000;
const O_CLOEXEC = 0o2000000;

/** FileIO.__init__(file, mode='r', closefd=True, opener=None). */
export function fileioInit(f: PyIO, file: PyObject, mode: string, closefd: boolean, opener: PyObject | null): void {
  if (f.fd >= 0 && f.closefd) os.fdClose(f.fd);
  f.fd = -1;
  let rwa = 0;
  let plus = false;
  let flags = 0;
  for (let i = 0; i < mode.length; i++) {
    const c = mode[i];
    if ((c === 'r' || c === 'w' || c === 'x' || c === 'a') && rwa === 0) {
      rwa = 1;
      f.canRead = c === 'r';
      f.canWrite = c !== 'r';
      f.created = c === 'x';
      f.appending = c === 'a';
      if (c === 'w') flags |= O_CREAT | O_TRUNC;
      else if (c === 'x') flags |= O_CREAT | O_EXCL;
      else if (c === 'a') flags |= O_CREAT | O_APPEND;
    } else if (c === '+' && !plus) plus = true;
    else if (c === 'b') continue;
    else if (c === 'r' || c === 'w' || c === 'x' || c === 'a') throw raise(ValueError, 'Must have exactly one of create/read/write/append mode and at most one plus');
    else throw raise(ValueError, `invalid mode: ${mode}`);
  }
  if (rwa === 0) throw raise(ValueError, 'Must have exactly one of create/read/write/append mode and at most one plus');
  if (plus) {
    f.canRead = true;
    f.canWrite = true;
  }
  flags |= f.canRead && f.canWrite ? O_RDWR : f.canWrite ? O_WRONLY : 0;
  // as CPython's, a file opened by name (or by an opener, which is given these flags) is not
  // inherited by child processes
  flags |= O_CLOEXEC;
  f.closefd = closefd;
  f.closed = false;
  f.seekable = -1;
  f.path = '';
  if (file instanceof PyInt) {
    const fd = toIntIndex(file);
    if (fd < 0) throw raise(ValueError, 'negative file descriptor');
    f.fd = fd;
  } else {
    if (!closefd) throw raise(ValueError, 'Cannot use closefd=False with file name');
    const p = fspath(file);
    const path = p instanceof PyStr ? p.s : decodeUtf8((p as PyBytes).b);
    if (path.indexOf('\0') >= 0) throw raise(ValueError, 'embedded null byte');
    if (opener !== null && opener !== None) {
      const r = callObj(opener, [file, newInt(flags)], null);
      if (!(r instanceof PyInt)) throw raise(TypeError, `expected an integer from opener`);
      f.fd = toIntIndex(r);
      if (f.fd < 0) throw raise(ValueError, `opener returned ${f.fd}`);
    } else {
      f.fd = os.fdOpen(path, flags, 0o666);
      if (f.fd < 0) throw osError(file, null);
      f.path = path;
    }
    const st = os.fdStat(f.fd);
    if (st !== null && (st[0] & 0o170000) === 0o040000) {
      os.fdClose(f.fd);
      f.fd = -1;
      const e = new PyBaseExc(IsADirectoryError);
      e.args.push(newInt(21));
      e.args.push(newStr('Is a directory'));
      e.map = e.map.withAttr('filename');
      e.slots.push(file);
      throw new PyExc(e);
    }
  }
  setAttr(f, 'name', file);
  if (f.appending) os.fdSeek(f.fd, 0, 2);
}
function checkFd(f: PyIO): void {
  if (f.fd < 0 || f.closed) throw raise(ValueError, 'I/O operation on closed file');
}
export function fileioRead(f: PyIO, n: int): int[] {
  checkFd(f);
  if (!f.canRead) throw unsupported('File not open for reading');
  if (n < 0) return fileioReadall(f);
  const r = os.fdRead(f.fd, n);
  if (r === null) throw osError(null, null);
  return r;
}
export function fileioReadall(f: PyIO): int[] {
  checkFd(f);
  if (!f.canRead) throw unsupported('File not open for reading');
  // one read of what is left of a regular file (plus one byte, to see its end), then chunks
  let want = 65536;
  const st = os.fdStat(f.fd);
  if (st !== null && (st[0] & 0o170000) === 0o100000) {
    const here = os.fdSeek(f.fd, 0, 1);
    // a whole regular file read from its start: rlib's readFileBytes, which raises MemoryError
    // before allocating what the heap cannot hold (a read of its size could only stop the process)
    if (here === 0 && f.path !== '' && !f.canWrite) {
      const all = os.readFileBytes(f.path);
      if (all !== null) {
        os.fdSeek(f.fd, all.length, 0);
        return all;
      }
    }
    if (here >= 0 && st[6] > here) want = st[6] - here + 1;
  }
  let out: int[] = [];
  for (;;) {
    const r = os.fdRead(f.fd, want);
    if (r === null) throw osError(null, null);
    if (r.length === 0) return out;
    if (out.length === 0) out = r;
    else for (const x of r) out.push(x);
    want = 65536;
  }
}
export function fileioWrite(f: PyIO, b: int[]): int {
  checkFd(f);
  if (!f.canWrite) throw unsupported('File not open for writing');
  // print's text for fd 1 and 2 waits in the VM's buffer: it goes first
  if (f.fd <= 2) flushStdout();
  const k = os.fdWrite(f.fd, b);
  if (k < 0) throw osError(null, null);
  return k;
}
export function fileioSeek(f: PyIO, pos: int, whence: int): int {
  checkFd(f);
  const r = os.fdSeek(f.fd, pos, whence);
  if (r < 0) throw osError(null, null);
  return r;
}
export function fileioSeekable(f: PyIO): boolean {
  checkFd(f);
  if (f.seekable < 0) f.seekable = os.fdSeek(f.fd, 0, 1) >= 0 ? 1 : 0;
  return f.seekable === 1;
}
export function fileioClose(f: PyIO): void {
  if (f.closed) return;
  f.closed = true;
  if (f.closefd && f.fd >= 0) {
    const r = os.fdClose(f.fd);
    f.fd = -1;
    if (r < 0) throw osError(null, null);
  }
  f.fd = -1;
}
export function fileioMode(f: PyIO): string {
  if (f.created) return f.canRead ? 'xb+' : 'xb';
  if (f.appending) return f.canRead ? 'ab+' : 'ab';
  if (f.canRead) return f.canWrite ? 'rb+' : 'rb';
  return 'wb';
}
export function fileioRepr(f: PyIO): string {
  if (f.closed) return '<_io.FileIO [closed]>';
  const nm = getAttrOrNull(f, 'name');
  return `<_io.FileIO ${nm === null ? 'fd=' + String(f.fd) : 'name=' + repr(nm)} mode='${fileioMode(f)}' closefd=${f.closefd ? 'True' : 'False'}>`;
}

// ---- the raw stream under a buffered object ----
function rawRead(o: PyIO, n: int): int[] {
  const raw = innerOf(o);
  if (raw instanceof PyIO && raw.kind === K_FILEIO) return fileioRead(raw, n);
  // a Python raw stream is read as CPython's buffered objects read it: through readinto
  const r = readViaReadinto(raw, n);
  return r === null ? [] : r;
}
/** One raw read of up to n bytes: null when a non-blocking raw stream had none (None). */
function rawReadOrNone(o: PyIO, n: int): int[] | null {
  const raw = innerOf(o);
  if (raw instanceof PyIO && raw.kind === K_FILEIO) return fileioRead(raw, n);
  return readViaReadinto(raw, n);
}
/** readinto(b) and readinto1(b) of a buffered reader, as CPython's _buffered_readinto_generic:
 * the read-ahead first; then requests larger than the buffer go to the raw stream directly,
 * smaller ones through a refill; readinto1 makes at most one raw read, none if the read-ahead
 * gave something. The bytes for b, or null (None: a non-blocking raw stream had nothing). */
export function bufferedReadinto(o: PyIO, want: int, one: boolean): int[] | null {
  checkBuffered(o, true);
  if (!o.canRead) throw unsupported(one ? 'readinto1' : 'readinto');
  bufferedFlush(o);
  const have = o.buf.length - o.pos;
  const k0 = have < want ? have : want;
  const out: int[] = o.buf.slice(o.pos, o.pos + k0);
  o.pos += k0;
  if (out.length === want) return out;
  o.buf = [];
  o.pos = 0;
  while (out.length < want) {
    const remaining = want - out.length;
    let chunk: int[] | null = [];
    if (remaining > o.bufferSize) chunk = rawReadOrNone(o, remaining);
    else if (!(one && out.length > 0)) {
      chunk = rawReadOrNone(o, o.bufferSize);
      if (chunk !== null && chunk.length > 0) {
        const k = chunk.length < remaining ? chunk.length : remaining;
        for (let i = 0; i < k; i++) out.push(chunk[i]);
        o.buf = chunk;
        o.pos = k;
        continue;
      }
    }
    if (chunk === null) return out.length === 0 ? null : out;
    if (chunk.length === 0) break;
    for (const x of chunk) out.push(x);
    if (one) break;
  }
  return out;
}
/** raw.readinto(memoryview(bytearray(n))): the bytes read, or null (None: no data yet). */
export function readViaReadinto(raw: PyObject, n: int): int[] | null {
  const zeros: int[] = [];
  for (let i = 0; i < n; i++) zeros.push(0);
  const ba = new PyBytes(BT.bytearray, zeros);
  const k = callM(raw, 'readinto', [newMemView(ba)]);
  if (k === None) return null;
  const got = toIntIndex(k);
  if (got < 0 || got > n) throw raise(OSError, `raw readinto() returned invalid length ${got} (should have been between 0 and ${n})`);
  return ba.b.slice(0, got);
}
function rawWrite(o: PyIO, b: int[]): void {
  const raw = innerOf(o);
  let done = 0;
  while (done < b.length) {
    const part = done === 0 ? b : b.slice(done);
    let k = 0;
    if (raw instanceof PyIO && raw.kind === K_FILEIO) k = fileioWrite(raw, part);
    else {
      const r = callM(raw, 'write', [newBytes(part)]);
      k = r === None ? 0 : toIntIndex(r);
    }
    if (k <= 0) break;
    done += k;
  }
}
function rawSeek(o: PyIO, pos: int, whence: int): int {
  const raw = innerOf(o);
  if (raw instanceof PyIO && raw.kind === K_FILEIO) return fileioSeek(raw, pos, whence);
  const r = toIntIndex(callM(raw, 'seek', [newInt(pos), newInt(whence)]));
  if (r < 0) throw raise(OSError, `Raw stream returned invalid position ${r}`);
  return r;
}

// ---- BufferedReader / BufferedWriter / BufferedRandom ----
/** The buffered writers made so far, held weakly (a dead one is closed by its finalizer,
 * iofinalize.ts): what the live ones hold is written at exit, as CPython's shutdown does for
 * files a program did not close. Each weak entry is owned by this registry, so a handle whose
 * owner is something else was freed and reused (by a weakref) and is skipped. */
class OpenWriters {
  handles: int[] = [];
  /** handles.length after the last pruning: the next prune is due at twice as many */
  pruned: int = 16;
}
const OPEN_WRITERS = new OpenWriters();
function writerAt(h: int): PyIO | null {
  if (!weak.alive(h) || castRef(weak.owner(h), OpenWriters) !== OPEN_WRITERS) return null;
  return castRef(weak.get(h), PyIO);
}
function rememberWriter(o: PyIO): void {
  const ow = OPEN_WRITERS;
  if (ow.handles.length === 0) weak.addRoot(ow);
  if (ow.handles.length >= ow.pruned * 2) {
    const kept: int[] = [];
    for (const h of ow.handles) if (writerAt(h) !== null && !kept.includes(h)) kept.push(h);
    ow.handles = kept;
    ow.pruned = kept.length < 16 ? 16 : kept.length;
  }
  ow.handles.push(weak.create(o, ow));
}
/** At exit: every live buffered writer's bytes to its raw stream (errors are dropped). */
export function flushAllWriters(): void {
  const hs = OPEN_WRITERS.handles;
  OPEN_WRITERS.handles = [];
  for (const h of hs) {
    const o = writerAt(h);
    if (o === null) continue;
    try {
      if (o.inner !== null && !isClosed(o)) bufferedFlush(o);
    } catch (e) {
      if (!(e instanceof PyExc)) throw e;
    }
  }
}
/** As CPython's _PyErr_ChainExceptions: an error raised while handling another (a close after a
 * failed flush) gets that one as its __context__. */
export function chainContext(later: PyExc, earlier: PyExc): void {
  if (later.exc !== earlier.exc) later.exc.context = earlier.exc;
}
export function bufferedInit(o: PyIO, raw: PyObject, size: int): void {
  if (size <= 0) throw raise(ValueError, 'buffer size must be strictly positive');
  o.inner = raw;
  o.bufferSize = size;
  o.buf = [];
  o.pos = 0;
  o.wbuf = [];
  o.detached = false;
  o.canRead = o.cls.mro.includes(IOT.bufferedreader) || o.cls.mro.includes(IOT.bufferedrandom);
  o.canWrite = o.cls.mro.includes(IOT.bufferedwriter) || o.cls.mro.includes(IOT.bufferedrandom);
  if (o.canRead && !truthy(callM(raw, 'readable', []))) throw unsupported('File or stream is not readable.');
  if (o.canWrite && !truthy(callM(raw, 'writable', []))) throw unsupported('File or stream is not writable.');
  if (o.cls.mro.includes(IOT.bufferedrandom) && !truthy(callM(raw, 'seekable', []))) throw unsupported('File or stream is not seekable.');
  if (o.canWrite) rememberWriter(o);
  if (raw instanceof PyIO) raw.wrapped = true;
}
function checkBuffered(o: PyIO, reading: boolean): void {
  innerOf(o);
  if (isClosed(o)) throw raise(ValueError, reading ? 'read of closed file' : 'write to closed file');
}
/** Read-ahead bytes are dropped and the raw stream moved back over them (before a write or
 * seek), as CPython's buffered random does. */
function dropReadAhead(o: PyIO): void {
  const n = o.buf.length - o.pos;
  if (n > 0) rawSeek(o, -n, 1);
  o.buf = [];
  o.pos = 0;
}
export function bufferedFlush(o: PyIO): void {
  if (o.wbuf.length === 0) return;
  const b = o.wbuf;
  o.wbuf = [];
  rawWrite(o, b);
}
/** Up to n bytes (n < 0: all to the end). */
/** Up to n bytes (n = -1: all to the end; null: None, a non-blocking raw stream had nothing). */
export function bufferedRead(o: PyIO, n: int): int[] | null {
  checkBuffered(o, true);
  if (n < -1) throw raise(ValueError, 'read length must be non-negative or -1');
  if (!o.canRead) throw unsupported('read');
  bufferedFlush(o);
  if (n < 0) {
    const rest = o.pos === 0 ? o.buf : o.buf.slice(o.pos);
    o.buf = [];
    o.pos = 0;
    const raw = innerOf(o);
    const more = raw instanceof PyIO && raw.kind === K_FILEIO ? fileioReadall(raw) : readAllOf(raw);
    if (more === null) return rest.length === 0 ? null : rest;
    if (rest.length === 0) return more;
    for (const x of more) rest.push(x);
    return rest;
  }
  while (o.buf.length - o.pos < n) {
    if (!fill(o, n - (o.buf.length - o.pos))) break;
  }
  const end = Math.min(o.buf.length, o.pos + n);
  const out = o.buf.slice(o.pos, end);
  o.pos = end;
  return out;
}
/** Everything left in raw: its readall(), or (a raw object without one, such as a BytesIO) read()
 * until it returns b'' or None, as CPython's buffered read-all does; null when the first answer
 * was None (a non-blocking stream with nothing yet). */
function readAllOf(raw: PyObject): int[] | null {
  const m = getAttrOrNull(raw, 'readall');
  if (m !== null) {
    const r = callObj(m, [], null);
    if (r === None) return null;
    if (!(r instanceof PyBytes) || !r.cls.mro.includes(bytesType)) throw raise(TypeError, 'readall() should return bytes');
    return r.b;
  }
  const out: int[] = [];
  const read = getAttr(raw, 'read');
  for (;;) {
    const r = callObj(read, [], null);
    if (r === None) return out.length === 0 ? null : out;
    const b = bytesOf(r);
    if (b.length === 0) return out;
    for (const x of b) out.push(x);
  }
}
/** Reads once more from raw into the buffer: false at end of file. */
function fill(o: PyIO, atLeast: int): boolean {
  const chunk = rawRead(o, Math.max(o.bufferSize, atLeast));
  if (chunk.length === 0) return false;
  if (o.pos >= o.buf.length) {
    o.buf = chunk;
    o.pos = 0;
  } else {
    if (o.pos > 0) {
      o.buf = o.buf.slice(o.pos);
      o.pos = 0;
    }
    for (const x of chunk) o.buf.push(x);
  }
  return true;
}
export function bufferedRead1(o: PyIO, n: int): int[] {
  checkBuffered(o, true);
  if (!o.canRead) throw unsupported('read');
  bufferedFlush(o);
  if (n === 0) return [];
  if (o.pos >= o.buf.length) fill(o, n < 0 ? 0 : n);
  const end = n < 0 ? o.buf.length : Math.min(o.buf.length, o.pos + n);
  const out = o.buf.slice(o.pos, end);
  o.pos = end;
  return out;
}
export function bufferedPeek(o: PyIO): int[] {
  checkBuffered(o, true);
  if (!o.canRead) throw unsupported('peek');
  bufferedFlush(o);
  if (o.pos >= o.buf.length) fill(o, 0);
  return o.buf.slice(o.pos);
}
/** A line (with its b'\n'), at most limit bytes (limit < 0: no limit). */
export function bufferedReadline(o: PyIO, limit: int): int[] {
  checkBuffered(o, true);
  if (!o.canRead) throw unsupported('readline');
  bufferedFlush(o);
  let from = o.pos;
  for (;;) {
    const stop = limit < 0 ? o.buf.length : Math.min(o.buf.length, o.pos + limit);
    for (let i = from; i < stop; i++) {
      if (o.buf[i] === 10) {
        const out = o.buf.slice(o.pos, i + 1);
        o.pos = i + 1;
        return out;
      }
    }
    if (limit >= 0 && stop - o.pos >= limit) break;
    from = o.buf.length - o.pos;
    if (!fill(o, 0)) break;
    from = o.pos + from;
  }
  const end = limit < 0 ? o.buf.length : Math.min(o.buf.length, o.pos + limit);
  const out = o.buf.slice(o.pos, end);
  o.pos = end;
  return out;
}
export function bufferedWrite(o: PyIO, b: int[]): int {
  checkBuffered(o, false);
  if (!o.canWrite) throw unsupported('write');
  if (o.pos < o.buf.length) dropReadAhead(o);
  o.buf = [];
  o.pos = 0;
  if (o.console !== 0) {
    // sys.stdout.buffer: its bytes go out in order with print's text
    rawWrite(o, b);
    return b.length;
  }
  for (const x of b) o.wbuf.push(x);
  if (o.wbuf.length >= o.bufferSize) bufferedFlush(o);
  return b.length;
}
/** raw.tell(), as CPython's _buffered_raw_tell (a negative answer is an OSError). */
function rawTell(o: PyIO): int {
  const raw = innerOf(o);
  if (raw instanceof PyIO && raw.kind === K_FILEIO) return fileioSeek(raw, 0, 1);
  const r = toIntIndex(callM(raw, 'tell', []));
  if (r < 0) throw raise(OSError, `Raw stream returned invalid position ${r}`);
  return r;
}
export function bufferedTell(o: PyIO): int {
  innerOf(o);
  const r = rawTell(o);
  return r - (o.buf.length - o.pos) + o.wbuf.length;
}
export function bufferedSeek(o: PyIO, pos: int, whence: int): int {
  innerOf(o);
  if (isClosed(o)) throw raise(ValueError, 'seek of closed file');
  if (whence < 0 || whence > 2) throw raise(ValueError, `whence value ${whence} unsupported`);
  bufferedFlush(o);
  let p = pos;
  if (whence === 1) p -= o.buf.length - o.pos;
  o.buf = [];
  o.pos = 0;
  return rawSeek(o, p, whence);
}
export function bufferedClose(o: PyIO): void {
  const raw = innerOf(o);
  if (isClosed(raw)) return;
  if (o.finalizing) deallocWarn(raw, o);
  // flush() and raw.close() as methods, so that overrides (even on the instance) run; the raw
  // stream is closed even when the flush failed, and its error then chains the flush's
  let err: PyExc | null = null;
  try {
    callM(o, 'flush', []);
  } catch (e) {
    if (!(e instanceof PyExc)) throw e;
    err = e;
  }
  try {
    callM(raw, 'close', []);
  } catch (e) {
    if (e instanceof PyExc && err !== null) chainContext(e, err);
    throw e;
  }
  if (err !== null) throw err;
}

// ---- BytesIO ----
function checkBytesIO(o: PyIO): void {
  if (o.closed) throw closedError();
}
/** BytesIO.getbuffer(): the array of its contents (a memoryview shares it). */
export function bytesioGetbuffer(o: PyIO): int[] {
  checkBytesIO(o);
  return o.buf;
}
export function bytesioRead(o: PyIO, n: int): int[] {
  checkBytesIO(o);
  const end = n < 0 ? o.buf.length : Math.min(o.buf.length, o.pos + n);
  if (o.pos >= end) return [];
  const out = o.buf.slice(o.pos, end);
  o.pos = end;
  return out;
}
export function bytesioReadline(o: PyIO, limit: int): int[] {
  checkBytesIO(o);
  const stop = limit < 0 ? o.buf.length : Math.min(o.buf.length, o.pos + limit);
  let end = stop;
  for (let i = o.pos; i < stop; i++) {
    if (o.buf[i] === 10) {
      end = i + 1;
      break;
    }
  }
  if (o.pos >= end) return [];
  const out = o.buf.slice(o.pos, end);
  o.pos = end;
  return out;
}
export function bytesioWrite(o: PyIO, b: int[]): int {
  checkBytesIO(o);
  while (o.buf.length < o.pos) o.buf.push(0);
  for (let i = 0; i < b.length; i++) {
    if (o.pos < o.buf.length) o.buf[o.pos] = b[i];
    else o.buf.push(b[i]);
    o.pos++;
  }
  return b.length;
}
export function bytesioSeek(o: PyIO, pos: int, whence: int): int {
  checkBytesIO(o);
  if (whence === 0) {
    if (pos < 0) throw raise(ValueError, `negative seek value ${pos}`);
    o.pos = pos;
  } else if (whence === 1) o.pos = Math.max(0, o.pos + pos);
  else if (whence === 2) o.pos = Math.max(0, o.buf.length + pos);
  else throw raise(ValueError, `invalid whence (${whence}, should be 0, 1 or 2)`);
  return o.pos;
}
export function bytesioTruncate(o: PyIO, size: int): int {
  checkBytesIO(o);
  if (size < 0) throw raise(ValueError, `negative size value ${size}`);
  if (size < o.buf.length) o.buf.length = size;
  return size;
}
export function isBytesIO(o: PyObject): boolean {
  return o instanceof PyIO && o.kind === K_BYTESIO;
}
