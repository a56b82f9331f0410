// The _io module's types and the state of its objects. Every _io object is a PyIO: an ordinary
// instance (so Python subclasses keep attributes, as io.py's `class IOBase(_io._IOBase,
// metaclass=abc.ABCMeta)` needs) carrying the native state of its kind.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyType, PyInstance, PyProperty, typeType, objectType, propertyType, OSError, ValueError, L_EXC } from '../objects/core.ts';
import { B, FAM_IO, FAM_FDOPS, FAM_IOSTREAM } from '../builtins/ids.ts';
import { defMethod, mkBuiltin } from '../builtins/args.ts';
import { Decoder } from './iocodec.ts';
import { newModuleClass } from './registry.ts';

export const K_BASE = 0;
export const K_FILEIO = 1;
export const K_BUFFERED = 2;
export const K_TEXT = 3;
export const K_STRINGIO = 4;
export const K_BYTESIO = 5;
export const K_RWPAIR = 6;
export const K_NLDECODER = 7;

export class PyIO extends PyInstance {
  kind: int = K_BASE;
  closed: boolean = false;
  /** FileIO: the descriptor (-1 when closed) and how it was opened */
  fd: int = -1;
  /** the path it was opened by ('' for a descriptor) */
  path: string = '';
  closefd: boolean = true;
  canRead: boolean = false;
  canWrite: boolean = false;
  appending: boolean = false;
  created: boolean = false;
  /** -1 not yet known, 0 no, 1 yes */
  seekable: int = -1;
  /** buffered: its raw stream; text: its buffer; rwpair: the reader; decoder: the wrapped one */
  inner: PyObject | null = null;
  /** rwpair: the writer */
  inner2: PyObject | null = null;
  /** made by __new__ and not yet through __init__ (buffered, text, rwpair): every operation is
   * then CPython's "uninitialized object" error, rather than a read of streams not set */
  uninit: boolean = false;
  /** buffered: read-ahead bytes (from pos on); BytesIO: its contents */
  buf: int[] = [];
  pos: int = 0;
  /** buffered: bytes written and not yet passed to raw */
  wbuf: int[] = [];
  bufferSize: int = 8192;
  /** text: how many bytes each read from the buffer asks for (_CHUNK_SIZE) */
  chunkSize: int = 8192;
  /** text: decoded text not yet consumed (from tpos on), before newline translation;
   * StringIO: its contents */
  text: string = '';
  tpos: int = 0;
  decoder: Decoder | null = null;
  codec: int = 0;
  encoding: string = 'utf-8';
  errors: string = 'strict';
  /** the newline argument: null (universal, translated), '' (universal, untranslated), or one of
   * '\n', '\r', '\r\n' */
  newline: string | null = null;
  /** what '\n' becomes on write ('' : unchanged) */
  writeNl: string = '';
  lineBuffering: boolean = false;
  writeThrough: boolean = false;
  /** newline kinds seen while reading: 1 '\r', 2 '\n', 4 '\r\n' (the newlines attribute) */
  seenNl: int = 0;
  /** an IncrementalNewlineDecoder: a '\r' ended the last input, held back */
  pendingCR: boolean = false;
  translate: boolean = false;
  eof: boolean = false;
  detached: boolean = false;
  /** a buffered or text layer's __init__ took this stream: that layer closes it, so its own
   * finalizer does not (iofinalize.ts) */
  wrapped: boolean = false;
  /** close() runs from the finalizer (CPython's _finalizing): it warns of the unclosed file */
  finalizing: boolean = false;
  /** registered for finalization (once: a finalizer runs once per registration) */
  finalizable: boolean = false;
  /** text: iterating with next() (CPython's telling = 0): tell() is an OSError until the
   * iteration ends */
  iterating: boolean = false;
  /** 1 or 2: this text stream is sys.stdout/sys.stderr, writing through the VM's print buffer */
  console: int = 0;
  /** StringIO/BytesIO: exports (getbuffer) are not modelled; resizing is always allowed */
  constructor(cls: PyType, kind: int) {
    super(cls);
    this.kind = kind;
  }
}

function ioType(name: string, base: PyType | null): PyType {
  return newModuleClass('_io', name, base);
}
function excType(name: string, bases: PyType[]): PyType {
  const t = new PyType(typeType, name);
  for (const b of bases) t.bases.push(b);
  t.layout = L_EXC;
  t.isBuiltin = false;
  t.module = 'io';
  return t;
}

export class IOTypes {
  iobase: PyType = ioType('_IOBase', null);
  rawiobase: PyType = ioType('_RawIOBase', this.iobase);
  bufferediobase: PyType = ioType('_BufferedIOBase', this.iobase);
  textiobase: PyType = ioType('_TextIOBase', this.iobase);
  fileio: PyType = ioType('FileIO', this.rawiobase);
  bytesio: PyType = ioType('BytesIO', this.bufferediobase);
  bufferedreader: PyType = ioType('BufferedReader', this.bufferediobase);
  bufferedwriter: PyType = ioType('BufferedWriter', this.bufferediobase);
  bufferedrandom: PyType = ioType('BufferedRandom', this.bufferediobase);
  bufferedrwpair: PyType = ioType('BufferedRWPair', this.bufferediobase);
  textiowrapper: PyType = ioType('TextIOWrapper', this.textiobase);
  stringio: PyType = ioType('StringIO', this.textiobase);
  nldecoder: PyType = ioType('IncrementalNewlineDecoder', null);
  unsupported: PyType = excType('UnsupportedOperation', [OSError, ValueError]);
}
export const IOT = new IOTypes();

function meth(t: PyType, names: string[], ids: int[]): void {
  for (let i = 0; i < names.length; i++) defMethod(t, names[i], ids[i], FAM_IO);
}
function prop(t: PyType, name: string, id: int, setter: int): void {
  const get = mkBuiltin(name, id, false, FAM_IO);
  const set = setter === B.NONE ? null : mkBuiltin(name, setter, false, FAM_IO);
  t.dict.set(name, new PyProperty(propertyType, get, set, null));
}

// the methods of each type, as CPython's _io defines them (a subclass inherits the rest)
meth(IOT.iobase,
  ['seek', 'tell', 'truncate', 'flush', 'close', 'readable', 'writable', 'seekable', 'fileno', 'isatty', 'readline', 'readlines', 'writelines', '__iter__', '__next__', '__enter__', '__exit__', '_checkClosed', '_checkReadable', '_checkWritable', '_checkSeekable', '__init__'],
  [B.IO_SEEK, B.IO_TELL, B.IO_TRUNCATE, B.IO_FLUSH, B.IO_CLOSE, B.IO_READABLE, B.IO_WRITABLE, B.IO_SEEKABLE, B.IO_FILENO, B.IO_ISATTY, B.IO_READLINE, B.IO_READLINES, B.IO_WRITELINES, B.IO_ITER, B.IO_NEXT, B.IO_ENTER, B.IO_EXIT, B.IO_CHECK_CLOSED, B.IO_CHECK_READABLE, B.IO_CHECK_WRITABLE, B.IO_CHECK_SEEKABLE, B.IO_BASE_INIT]);
IOT.iobase.dict.set('__new__', mkBuiltin('__new__', B.IO_NEW, false, FAM_IO));
// closes the object when a collection finds it dead (iofinalize.ts)
defMethod(IOT.iobase, '__del__', B.IO_DEL, FAM_IOSTREAM);
prop(IOT.iobase, 'closed', B.IO_CLOSED, B.NONE);
meth(IOT.rawiobase, ['read', 'readall', 'readinto', 'write'], [B.IO_READ, B.IO_READALL, B.IO_READINTO, B.IO_WRITE]);
meth(IOT.bufferediobase, ['read', 'read1', 'readinto', 'write', 'detach'], [B.IO_READ, B.IO_READ1, B.IO_READINTO, B.IO_WRITE, B.IO_DETACH]);
defMethod(IOT.bufferediobase, 'readinto1', B.IO_READINTO1, FAM_IOSTREAM);
meth(IOT.textiobase, ['read', 'readline', 'write', 'detach'], [B.IO_READ, B.IO_READLINE, B.IO_WRITE, B.IO_DETACH]);
for (const nm of ['encoding', 'newlines', 'errors']) prop(IOT.textiobase, nm, nm === 'encoding' ? B.IO_ENCODING : nm === 'errors' ? B.IO_ERRORS : B.IO_NEWLINES, B.NONE);
meth(IOT.fileio, ['__init__', '__repr__'], [B.IO_INIT, B.IO_REPR]);
prop(IOT.fileio, 'mode', B.IO_MODE, B.NONE);
prop(IOT.fileio, 'closefd', B.IO_CLOSEFD, B.NONE);
meth(IOT.bytesio, ['__init__', 'getvalue', 'read', 'read1', 'readline', 'readlines', 'write', 'seek', 'tell', 'truncate', 'readable', 'writable', 'seekable', 'close', 'flush', 'isatty'],
  [B.IO_INIT, B.IO_GETVALUE, B.IO_READ, B.IO_READ1, B.IO_READLINE, B.IO_READLINES, B.IO_WRITE, B.IO_SEEK, B.IO_TELL, B.IO_TRUNCATE, B.IO_READABLE, B.IO_WRITABLE, B.IO_SEEKABLE, B.IO_CLOSE, B.IO_FLUSH, B.IO_ISATTY]);
for (const t of [IOT.bufferedreader, IOT.bufferedwriter, IOT.bufferedrandom]) {
  meth(t, ['__init__', 'flush', 'seek', 'tell', 'truncate', 'close', 'detach', 'fileno', 'isatty', 'readable', 'writable', 'seekable', '__repr__'],
    [B.IO_INIT, B.IO_FLUSH, B.IO_SEEK, B.IO_TELL, B.IO_TRUNCATE, B.IO_CLOSE, B.IO_DETACH, B.IO_FILENO, B.IO_ISATTY, B.IO_READABLE, B.IO_WRITABLE, B.IO_SEEKABLE, B.IO_REPR]);
  // a reader has no write and a writer no read (the base class's raise UnsupportedOperation)
  if (t !== IOT.bufferedwriter) {
    meth(t, ['read', 'read1', 'peek', 'readline', 'readinto'], [B.IO_READ, B.IO_READ1, B.IO_PEEK, B.IO_READLINE, B.IO_READINTO]);
    defMethod(t, 'readinto1', B.IO_READINTO1, FAM_IOSTREAM);
  }
  if (t !== IOT.bufferedreader) meth(t, ['write'], [B.IO_WRITE]);
  prop(t, 'raw', B.IO_RAW, B.NONE);
  prop(t, 'name', B.IO_NAME, B.NONE);
  prop(t, 'mode', B.IO_MODE, B.NONE);
}
meth(IOT.bufferedrwpair, ['__init__', 'read', 'read1', 'peek', 'write', 'flush', 'readable', 'writable', 'close', 'isatty', 'readinto'],
  [B.IO_INIT, B.IO_READ, B.IO_READ1, B.IO_PEEK, B.IO_WRITE, B.IO_FLUSH, B.IO_READABLE, B.IO_WRITABLE, B.IO_CLOSE, B.IO_ISATTY, B.IO_READINTO]);
defMethod(IOT.bufferedrwpair, 'readinto1', B.IO_READINTO1, FAM_IOSTREAM);
meth(IOT.textiowrapper, ['__init__', 'read', 'readline', 'write', 'flush', 'close', 'seek', 'tell', 'truncate', 'detach', 'fileno', 'isatty', 'readable', 'writable', 'seekable', 'reconfigure', '__repr__', '__next__'],
  [B.IO_INIT, B.IO_READ, B.IO_READLINE, B.IO_WRITE, B.IO_FLUSH, B.IO_CLOSE, B.IO_SEEK, B.IO_TELL, B.IO_TRUNCATE, B.IO_DETACH, B.IO_FILENO, B.IO_ISATTY, B.IO_READABLE, B.IO_WRITABLE, B.IO_SEEKABLE, B.IO_RECONFIGURE, B.IO_REPR, B.IO_NEXT]);
prop(IOT.textiowrapper, 'buffer', B.IO_BUFFER, B.NONE);
prop(IOT.textiowrapper, 'name', B.IO_NAME, B.NONE);
prop(IOT.textiowrapper, 'line_buffering', B.IO_LINE_BUFFERING, B.NONE);
prop(IOT.textiowrapper, 'write_through', B.IO_WRITE_THROUGH, B.NONE);
IOT.textiowrapper.dict.set('_CHUNK_SIZE', new PyProperty(propertyType, mkBuiltin('_CHUNK_SIZE', B.IO_CHUNK_SIZE, false, FAM_FDOPS), mkBuiltin('_CHUNK_SIZE', B.IO_SET_CHUNK_SIZE, false, FAM_FDOPS), null));
meth(IOT.stringio, ['__init__', 'getvalue', 'read', 'readline', 'write', 'seek', 'tell', 'truncate', 'readable', 'writable', 'seekable', 'close', '__next__'],
  [B.IO_INIT, B.IO_GETVALUE, B.IO_READ, B.IO_READLINE, B.IO_WRITE, B.IO_SEEK, B.IO_TELL, B.IO_TRUNCATE, B.IO_READABLE, B.IO_WRITABLE, B.IO_SEEKABLE, B.IO_CLOSE, B.IO_NEXT]);
prop(IOT.stringio, 'line_buffering', B.IO_LINE_BUFFERING, B.NONE);
meth(IOT.nldecoder, ['__init__', 'decode', 'getstate', 'setstate', 'reset'], [B.IO_INIT, B.IO_DECODE, B.IO_GETSTATE, B.IO_SETSTATE, B.IO_RESET]);
IOT.nldecoder.dict.set('__new__', mkBuiltin('__new__', B.IO_NEW, false, FAM_IO));
prop(IOT.nldecoder, 'newlines', B.IO_NEWLINES, B.NONE);

/** The kind of native state instances of t (or of a subclass of t) carry. */
export function kindOf(t: PyType): int {
  for (const m of t.mro) {
    if (m === IOT.fileio) return K_FILEIO;
    if (m === IOT.bufferedreader || m === IOT.bufferedwriter || m === IOT.bufferedrandom) return K_BUFFERED;
    if (m === IOT.textiowrapper) return K_TEXT;
    if (m === IOT.stringio) return K_STRINGIO;
    if (m === IOT.bytesio) return K_BYTESIO;
    if (m === IOT.bufferedrwpair) return K_RWPAIR;
    if (m === IOT.nldecoder) return K_NLDECODER;
  }
  return K_BASE;
}
/** Whether t is (a subclass of) u. */
export function isSub(t: PyType, u: PyType): boolean {
  return t.mro.includes(u);
}
/** Whether o carries native state beyond its __dict__ (a descriptor, buffers, a codec): CPython's
 * object.__reduce_ex__ refuses to pickle such an object unless its class has a __getstate__. */
export function hasNativeState(o: PyIO): boolean {
  return o.kind === K_FILEIO || o.kind === K_BUFFERED || o.kind === K_TEXT || o.kind === K_RWPAIR || o.kind === K_NLDECODER;
}
