// The posix module: what os and os.path build on (stat, directories, file descriptors, the
// environment, the process), over rlib's os primitives. Failures raise the OSError subclass
// CPython picks for the errno, with the file name.
import { needBytesLike, bytesLike } from '../builtins/buffer.ts';
import type { int } from '../../translate/rlib/index.ts';
import { os, toFloat, toInt, floorDiv, floorMod } from '../../translate/rlib/index.ts';
import {
  PyObject, PyModule, PyType, PyNative, PyInt, PyFloat, PyTuple, PyStr, PyBytes, PyBaseExc, PyExc, PyProperty, propertyType, bytesType, newInt, newFloat, newStr, newList, newDict, newBool, raise, None, True, False, TypeError,
  ValueError, OverflowErrorT, OSError, FileNotFoundError, FileExistsError, PermissionError, IsADirectoryError,
  NotADirectoryError, InterruptedError, BlockingIOError, ChildProcessError, ProcessLookupError, TimeoutError,
  BrokenPipeError, ConnectionAbortedError, ConnectionRefusedError, ConnectionResetError, StopIteration, NotImplementedError, DeprecationWarning, bigOf,
} from '../objects/core.ts';
import { dictSetS, dictSet, dictGetS } from '../objects/dict.ts';
import { B, FAM_POSIX } from '../builtins/ids.ts';
import { npos, arg, kwArg, defMethod, mkBuiltin, unhandledBuiltin } from '../builtins/args.ts';
import { newModuleType, newBuiltinModule, addFn } from './registry.ts';
import { typeName, lookupType, isSubtype, callSpecial, callObj, truthy, repr, osErrorClass } from '../interpreter/runtime.ts';
import { encodeUtf8 } from '../builtins/strmethods.ts';
import { intAdd, intMul } from '../objects/intops.ts';
import { structSeqType, PyStructSeq } from './structseq.ts';
import { flushStdout, VM } from '../interpreter/state.ts';
import { isWindows } from '../startup.ts';
import { fsEncode, fsDecode } from './fsencode.ts';
import { warnVm } from '../interpreter/warn.ts';
import { NO_DIR_FD, dirFdArg, openAt, statAt, unlinkAt, mkdirAt, listFd } from './dirfd.ts';

// named os.stat_result as CPython's (pickles refer to os.stat_result)
const STAT_RESULT = structSeqType(
  'os',
  'stat_result',
  [
    'st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size', '', '', '', 'st_atime', 'st_mtime',
    'st_ctime', 'st_atime_ns', 'st_mtime_ns', 'st_ctime_ns',
  ],
  10,
  ['st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size', 'st_atime', 'st_mtime', 'st_ctime'],
);
const TERMINAL_SIZE = structSeqType('os', 'terminal_size', ['columns', 'lines'], 2, []);

/** Linux's open flags and the other constants os re-exports. */
const INT_CONSTANTS: string[] = [
  'O_RDONLY', 'O_WRONLY', 'O_RDWR', 'O_CREAT', 'O_EXCL', 'O_NOCTTY', 'O_TRUNC', 'O_APPEND', 'O_NONBLOCK', 'O_CLOEXEC',
  'O_ACCMODE', 'F_OK', 'R_OK', 'W_OK', 'X_OK', 'EX_OK', 'O_DIRECTORY', 'O_NOFOLLOW',
];
const INT_VALUES: int[] = [0, 1, 2, 64, 128, 256, 512, 1024, 2048, 524288, 3, 0, 4, 2, 1, 0, 65536, 131072];

const DIR_ENTRY = newModuleType('posix', 'DirEntry');
const SCANDIR_ITERATOR = newModuleType('posix', 'ScandirIterator');
defMethod(DIR_ENTRY, 'is_dir', B.POSIX_DIRENTRY_IS_DIR, FAM_POSIX);
defMethod(DIR_ENTRY, 'is_file', B.POSIX_DIRENTRY_IS_FILE, FAM_POSIX);
defMethod(DIR_ENTRY, 'is_symlink', B.POSIX_DIRENTRY_IS_SYMLINK, FAM_POSIX);
defMethod(DIR_ENTRY, 'stat', B.POSIX_DIRENTRY_STAT, FAM_POSIX);
defMethod(DIR_ENTRY, 'inode', B.POSIX_DIRENTRY_INODE, FAM_POSIX);
defMethod(DIR_ENTRY, '__fspath__', B.POSIX_DIRENTRY_FSPATH, FAM_POSIX);
defMethod(SCANDIR_ITERATOR, '__next__', B.POSIX_SCANDIR_NEXT, FAM_POSIX);
defMethod(SCANDIR_ITERATOR, '__iter__', B.POSIX_SCANDIR_ITER, FAM_POSIX);
defMethod(SCANDIR_ITERATOR, '__enter__', B.POSIX_SCANDIR_ENTER, FAM_POSIX);
defMethod(SCANDIR_ITERATOR, '__exit__', B.POSIX_SCANDIR_EXIT, FAM_POSIX);
defMethod(SCANDIR_ITERATOR, 'close', B.POSIX_SCANDIR_CLOSE, FAM_POSIX);

/** A path argument: its text, and whether it came as bytes (results then are bytes too). */
class FsPath {
  s: string;
  isBytes: boolean;
  constructor(s: string, isBytes: boolean) {
    this.s = s;
    this.isBytes = isBytes;
  }
}

/** os.fspath: str and bytes as they are, else __fspath__'s result (which must be one of them). */
export function fspath(o: PyObject): PyObject {
  if (o instanceof PyStr || o instanceof PyBytes) return o;
  const m = lookupType(o.cls, '__fspath__');
  if (m === null) throw raise(TypeError, `expected str, bytes or os.PathLike object, not ${typeName(o)}`);
  // CPython calls what it found, None included
  if (m === None) throw raise(TypeError, "'NoneType' object is not callable");
  const r = callSpecial(o, '__fspath__', []) as PyObject;
  if (r instanceof PyStr || r instanceof PyBytes) return r;
  throw raise(TypeError, `expected ${typeName(o)}.__fspath__() to return str or bytes, not ${typeName(r)}`);
}
/** The functions whose path may be a file descriptor (CPython's messages then say "or integer"). */
const FD_PATH_FNS: string[] = ['stat', 'chdir', 'listdir', 'scandir', 'truncate', 'chown', 'chmod', 'pathconf', 'statvfs', 'utime', 'execve'];
/** A path object as str or bytes: CPython 3.11 still takes other bytes-like objects (bytearray,
 * memoryview), with a DeprecationWarning. */
export function pathLike(fn: string, o: PyObject, argName: string = 'path'): PyObject {
  if (o instanceof PyStr || (o instanceof PyBytes && isSubtype(o.cls, bytesType)) || lookupType(o.cls, '__fspath__') !== null) return fspath(o);
  const b = bytesLike(o);
  if (b === null) return fspath(o);
  const what = FD_PATH_FNS.indexOf(fn) >= 0 ? 'string, bytes, os.PathLike or integer' : 'string, bytes or os.PathLike';
  warnVm(`${fn}: ${argName} should be ${what}, not ${typeName(o)}`, DeprecationWarning);
  return new PyBytes(bytesType, b);
}
function pathArg(fn: string, o: PyObject, argName: string = 'path'): FsPath {
  if (o instanceof PyInt) throw raise(TypeError, `${fn}: ${argName} should be string, bytes or os.PathLike, not int`);
  const p = pathLike(fn, o, argName);
  const fp = p instanceof PyBytes ? new FsPath(fsDecode(p.b), true) : new FsPath((p as PyStr).s, false);
  if (fp.s.indexOf('\0') >= 0) throw raise(ValueError, `embedded null byte`);
  return fp;
}
function pathObj(s: string, isBytes: boolean): PyObject {
  return isBytes ? new PyBytes(bytesType, fsEncode(s)) : newStr(s);
}

/** The OSError of the last failed primitive, naming the file(s) it was about. */
export function osError(filename: PyObject | null, filename2: PyObject | null): PyExc {
  const n = os.lastError();
  const e = new PyBaseExc(osErrorClass(n));
  e.args.push(newInt(n));
  e.args.push(newStr(os.strerror(n)));
  if (filename !== null) {
    e.map = e.map.withAttr('filename');
    e.slots.push(filename);
  }
  if (filename2 !== null) {
    e.map = e.map.withAttr('filename2');
    e.slots.push(filename2);
  }
  return new PyExc(e);
}

function statResult(v: int[]): PyObject {
  const vals: PyObject[] = [];
  for (let i = 0; i < 7; i++) vals.push(newInt(v[i]));
  // the integer times by index, the float and nanosecond ones by name
  vals.push(newInt(v[7]));
  vals.push(newInt(v[9]));
  vals.push(newInt(v[11]));
  for (let i = 7; i <= 11; i += 2) vals.push(newFloat(toFloat(v[i]) + toFloat(v[i + 1]) * 1e-9));
  const billion = newInt(1000000000);
  for (let i = 7; i <= 11; i += 2) vals.push(intAdd(intMul(newInt(v[i]), billion), newInt(v[i + 1])));
  return new PyStructSeq(STAT_RESULT, vals);
}
function doStat(fn: string, args: PyObject[], kw: string[] | null, follow0: boolean): PyObject {
  const p = arg(args, kw, 0, 'path');
  if (p === null) throw raise(TypeError, `${fn}() missing required argument 'path' (pos 1)`);
  const fl = kwArg(args, kw, 'follow_symlinks');
  const follow = follow0 && (fl === null || truthy(fl));
  if (p instanceof PyInt) {
    const r = os.fdStat(p.v);
    if (r === null) throw osError(null, null);
    return statResult(r);
  }
  const path = pathArg(fn, p);
  const dirFd = dirFdArg(args, kw);
  const r = dirFd !== NO_DIR_FD ? statAt(dirFd, path.s, follow) : os.pathStat(path.s, follow ? 1 : 0);
  if (r === null) throw osError(p, null);
  return statResult(r);
}
/** A timestamp as [seconds, nanoseconds], nanoseconds in 0..999999999: floats rounded down to
 * the nanosecond as CPython's _PyTime_ObjectToTimespec(ROUND_FLOOR) does. */
function timespecOf(o: PyObject): int[] {
  if (o instanceof PyFloat) {
    const d = o.v;
    if (Number.isNaN(d)) throw raise(ValueError, 'Invalid value NaN (not a number)');
    const ip = Math.trunc(d);
    let fp = Math.floor((d - ip) * 1e9);
    let sec = ip;
    if (fp >= 1e9) {
      fp -= 1e9;
      sec += 1.0;
    } else if (fp < 0) {
      fp += 1e9;
      sec -= 1.0;
    }
    if (!(sec >= -9.2e18 && sec <= 9.2e18)) throw raise(OverflowErrorT, 'timestamp out of range for platform time_t');
    return [toInt(sec), toInt(fp)];
  }
  if (!(o instanceof PyInt)) throw raise(TypeError, `'${typeName(o)}' object cannot be interpreted as an integer`);
  if (bigOf(o) !== null) throw raise(OverflowErrorT, 'timestamp out of range for platform time_t');
  return [o.v, 0];
}
/** A nanosecond count as [seconds, nanoseconds] (divmod by 10**9). */
function nsOf(o: PyObject): int[] {
  if (!(o instanceof PyInt)) throw raise(TypeError, `'${typeName(o)}' object cannot be interpreted as an integer`);
  if (bigOf(o) !== null) throw raise(OverflowErrorT, 'timestamp too large to convert to C _PyTime_t');
  return [floorDiv(o.v, 1000000000), floorMod(o.v, 1000000000)];
}
/** os.utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True). */
function doUtime(args: PyObject[], kw: string[] | null): PyObject {
  const p = arg(args, kw, 0, 'path');
  if (p === null) throw raise(TypeError, "utime() missing required argument 'path' (pos 1)");
  const times = arg(args, kw, 1, 'times');
  const ns = kwArg(args, kw, 'ns');
  const haveTimes = times !== null && times !== None;
  if (haveTimes && ns !== null) throw raise(ValueError, "utime: you may specify either 'times' or 'ns' but not both");
  let t: int[] = [0, -1, 0, -1];
  if (haveTimes) {
    if (!(times instanceof PyTuple) || times.items.length !== 2) throw raise(TypeError, "utime: 'times' must be either a tuple of two ints or None");
    const a = timespecOf(times.items[0]);
    const m = timespecOf(times.items[1]);
    t = [a[0], a[1], m[0], m[1]];
  } else if (ns !== null) {
    if (!(ns instanceof PyTuple) || ns.items.length !== 2) throw raise(TypeError, "utime: 'ns' must be a tuple of two ints");
    const a = nsOf(ns.items[0]);
    const m = nsOf(ns.items[1]);
    t = [a[0], a[1], m[0], m[1]];
  }
  const dirFd = kwArg(args, kw, 'dir_fd');
  if (dirFd !== null && dirFd !== None) throw raise(NotImplementedError, 'dir_fd unavailable on this platform');
  // as CPython, the error names no file
  if (os.utime(pathArg('utime', p).s, t[0], t[1], t[2], t[3], followArg(args, kw) ? 1 : 0) < 0) throw osError(null, null);
  return None;
}
function intArg(fn: string, o: PyObject | null, dflt: int): int {
  if (o === null) return dflt;
  if (!(o instanceof PyInt)) throw raise(TypeError, `'${typeName(o)}' object cannot be interpreted as an integer`);
  if (bigOf(o) !== null) throw raise(OverflowErrorT, `${fn}: Python int too large to convert to C int`);
  return o.v;
}
function bytesArg(o: PyObject): int[] {
  return needBytesLike(o);
}

/** The names in a directory, in the order the OS gives them. */
function listNames(dir: FsPath, shown: PyObject): string[] {
  const s = os.listDir(dir.s);
  if (s === null) throw osError(shown, null);
  const names = s.split('\0');
  names.pop();
  return names;
}

class PyDirEntry extends PyNative {
  name: string;
  path: string;
  isBytes: boolean;
  /** the directory scandir(fd) read (the entry's path is then relative to it), else NO_DIR_FD */
  dirFd: int = NO_DIR_FD;
  /** the entry's file type bits and inode as the directory listing gave them (CPython's d_type
   * and d_ino), -1 until the iterator yields the entry: they answer is_dir(), is_file(),
   * is_symlink() and inode() even after the file is removed */
  typeBits: int = -1;
  ino: int = -1;
  /** lstat of the entry, then stat (following a link), read once each */
  lst: int[] | null = null;
  st: int[] | null = null;
  constructor(name: string, path: string, isBytes: boolean) {
    super(DIR_ENTRY);
    this.name = name;
    this.path = path;
    this.isBytes = isBytes;
  }
  override nativeRepr(): string {
    return `<DirEntry ${repr(pathObj(this.name, this.isBytes))}>`;
  }
  /** Reads the type and inode as readdir would have (the listing primitive gives names only). */
  readType(): void {
    const st = this.dirFd !== NO_DIR_FD ? statAt(this.dirFd, this.path, false) : os.pathStat(this.path, 0);
    if (st === null) return;
    this.typeBits = st[0] & 0xf000;
    this.ino = st[1];
  }
  /** The entry's stat (lstat when follow is false), or null when it no longer exists. */
  statOf(follow: boolean, raiseErr: boolean): int[] | null {
    if (this.lst === null) {
      this.lst = this.dirFd !== NO_DIR_FD ? statAt(this.dirFd, this.path, false) : os.pathStat(this.path, 0);
      if (this.lst === null) {
        if (raiseErr) throw osError(pathObj(this.path, this.isBytes), null);
        return null;
      }
    }
    if (!follow || ((this.lst[0] & 0xf000) !== 0xa000)) return this.lst;
    if (this.st === null) {
      this.st = this.dirFd !== NO_DIR_FD ? statAt(this.dirFd, this.path, true) : os.pathStat(this.path, 1);
      if (this.st === null && raiseErr) throw osError(pathObj(this.path, this.isBytes), null);
    }
    return this.st;
  }
}
class PyScandir extends PyNative {
  entries: PyDirEntry[];
  i: int = 0;
  constructor(entries: PyDirEntry[]) {
    super(SCANDIR_ITERATOR);
    this.entries = entries;
  }
  override isIterator(): boolean {
    return true;
  }
  override nativeNext(): PyObject | null {
    if (this.i >= this.entries.length) return null;
    const e = this.entries[this.i++];
    e.readType();
    return e;
  }
}
DIR_ENTRY.dict.set('name', new PyProperty(propertyType, mkBuiltin('name', B.POSIX_DIRENTRY_NAME, false, FAM_POSIX), null, null));
DIR_ENTRY.dict.set('path', new PyProperty(propertyType, mkBuiltin('path', B.POSIX_DIRENTRY_PATH, false, FAM_POSIX), null, null));

function environDict(): PyObject {
  const d = newDict();
  const parts = os.environ().split('\0');
  for (const e of parts) {
    const eq = e.indexOf('=', 1);
    if (eq < 0) continue;
    dictSet(d, new PyBytes(bytesType, encodeUtf8(e.slice(0, eq))), new PyBytes(bytesType, encodeUtf8(e.slice(eq + 1))));
  }
  return d;
}

export function makePosix(): PyModule {
  const m = newBuiltinModule('posix');
  const fns: string[] = [
    'stat', 'lstat', 'fstat', 'getcwd', 'getcwdb', 'listdir', 'scandir', 'open', 'read', 'write', 'close', 'lseek',
    'mkdir', 'rmdir', 'unlink', 'remove', 'rename', 'replace', 'getpid', 'urandom', 'strerror', 'fspath',
    'get_terminal_size', 'isatty', '_exit', 'access', 'readlink', 'symlink', 'utime', 'chmod', 'chdir',
  ];
  const ids: int[] = [
    B.POSIX_STAT, B.POSIX_LSTAT, B.POSIX_FSTAT, B.POSIX_GETCWD, B.POSIX_GETCWDB, B.POSIX_LISTDIR, B.POSIX_SCANDIR,
    B.POSIX_OPEN, B.POSIX_READ, B.POSIX_WRITE, B.POSIX_CLOSE, B.POSIX_LSEEK, B.POSIX_MKDIR, B.POSIX_RMDIR,
    B.POSIX_UNLINK, B.POSIX_UNLINK, B.POSIX_RENAME, B.POSIX_REPLACE, B.POSIX_GETPID, B.POSIX_URANDOM,
    B.POSIX_STRERROR, B.POSIX_FSPATH, B.POSIX_GET_TERMINAL_SIZE, B.POSIX_ISATTY, B.POSIX_EXIT, B.POSIX_ACCESS,
    B.POSIX_READLINK, B.POSIX_SYMLINK, B.POSIX_UTIME, B.POSIX_CHMOD, B.POSIX_CHDIR,
  ];
  for (let i = 0; i < fns.length; i++) addFn(m, fns[i], ids[i], FAM_POSIX);
  for (let i = 0; i < INT_CONSTANTS.length; i++) dictSetS(m.dict, INT_CONSTANTS[i], newInt(INT_VALUES[i]));
  dictSetS(m.dict, 'environ', environDict());
  dictSetS(m.dict, 'error', OSError);
  dictSetS(m.dict, 'stat_result', STAT_RESULT.type);
  dictSetS(m.dict, 'terminal_size', TERMINAL_SIZE.type);
  dictSetS(m.dict, 'DirEntry', DIR_ENTRY);
  // the *at() forms dirfd.ts gives open, stat, unlink, rmdir and mkdir, and scandir/listdir of
  // an fd: os.supports_dir_fd and supports_fd list them, so os.fwalk exists
  const have: PyObject[] = [];
  if (!isWindows()) for (const h of ['HAVE_FSTATAT', 'HAVE_OPENAT', 'HAVE_UNLINKAT', 'HAVE_MKDIRAT', 'HAVE_FDOPENDIR']) have.push(newStr(h));
  dictSetS(m.dict, '_have_functions', newList(have));
  return m;
}

/** listdir(fd) or scandir(fd): the names in the directory open on fd, as str; scandir's
 * entries have the name as their path and stat it relative to fd. */
function listOfFd(scan: boolean, fd: int): PyObject {
  const names = listFd(fd);
  if (names === null) throw osError(null, null);
  if (!scan) {
    const out: PyObject[] = [];
    for (const nm of names) out.push(newStr(nm));
    return newList(out);
  }
  const entries: PyDirEntry[] = [];
  for (const nm of names) {
    const e = new PyDirEntry(nm, nm, false);
    e.dirFd = fd;
    entries.push(e);
  }
  return new PyScandir(entries);
}

function direntry(o: PyObject): PyDirEntry {
  if (!(o instanceof PyDirEntry)) throw raise(TypeError, `descriptor requires a 'posix.DirEntry' object but received '${typeName(o)}'`);
  return o;
}
function followArg(args: PyObject[], kw: string[] | null): boolean {
  const f = kwArg(args, kw, 'follow_symlinks');
  return f === null || truthy(f);
}

export function callPosix(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  switch (id) {
    case B.POSIX_STAT:
      return doStat('stat', args, kw, true);
    case B.POSIX_LSTAT:
      return doStat('lstat', args, kw, false);
    case B.POSIX_FSTAT: {
      const fd = intArg('fstat', arg(args, kw, 0, 'fd'), -1);
      const r = os.fdStat(fd);
      if (r === null) throw osError(null, null);
      return statResult(r);
    }
    case B.POSIX_GETCWD:
    case B.POSIX_GETCWDB: {
      const s = os.getcwd();
      if (s === null) throw osError(null, null);
      return pathObj(s, id === B.POSIX_GETCWDB);
    }
    case B.POSIX_LISTDIR:
    case B.POSIX_SCANDIR: {
      const fn = id === B.POSIX_LISTDIR ? 'listdir' : 'scandir';
      const p = arg(args, kw, 0, 'path');
      if (p instanceof PyInt) return listOfFd(id === B.POSIX_SCANDIR, p.v);
      const dir = p === null || p === None ? new FsPath('.', false) : pathArg(fn, p);
      const names = listNames(dir, p === null || p === None ? newStr('.') : p);
      if (id === B.POSIX_LISTDIR) {
        const out: PyObject[] = [];
        for (const nm of names) out.push(pathObj(nm, dir.isBytes));
        return newList(out);
      }
      const prefix = p === null || p === None ? '' : dir.s.endsWith('/') ? dir.s : dir.s + '/';
      const entries: PyDirEntry[] = [];
      for (const nm of names) entries.push(new PyDirEntry(nm, prefix === '' ? './' + nm : prefix + nm, dir.isBytes));
      if (p === null || p === None) for (const e of entries) e.path = e.name;
      return new PyScandir(entries);
    }
    case B.POSIX_OPEN: {
      const p = arg(args, kw, 0, 'path');
      const fl = arg(args, kw, 1, 'flags');
      if (p === null || fl === null) throw raise(TypeError, "open() missing required argument 'path' or 'flags'");
      const path = pathArg('open', p);
      const dirFd = dirFdArg(args, kw);
      // as CPython's, the new descriptor is not inheritable (O_CLOEXEC, Linux's number)
      const flags = intArg('open', fl, 0) | 0o2000000;
      const mode = intArg('open', arg(args, kw, 2, 'mode'), 511);
      const fd = dirFd !== NO_DIR_FD ? openAt(dirFd, path.s, flags, mode) : os.fdOpen(path.s, flags, mode);
      if (fd < 0) throw osError(p, null);
      return newInt(fd);
    }
    case B.POSIX_READ: {
      if (n !== 2) throw raise(TypeError, `read expected 2 arguments, got ${n}`);
      const cnt = intArg('read', args[1], 0);
      if (cnt < 0) throw osErrorOf(22);
      const b = os.fdRead(intArg('read', args[0], 0), cnt);
      if (b === null) throw osError(null, null);
      return new PyBytes(bytesType, b);
    }
    case B.POSIX_WRITE: {
      if (n !== 2) throw raise(TypeError, `write expected 2 arguments, got ${n}`);
      const fd = intArg('write', args[0], 0);
      if (fd === 1 || fd === 2) flushStdout();
      const k = os.fdWrite(fd, bytesArg(args[1]));
      if (k < 0) throw osError(null, null);
      return newInt(k);
    }
    case B.POSIX_CLOSE: {
      if (os.fdClose(intArg('close', arg(args, kw, 0, 'fd'), -1)) < 0) throw osError(null, null);
      return None;
    }
    case B.POSIX_LSEEK: {
      if (n !== 3) throw raise(TypeError, `lseek expected 3 arguments, got ${n}`);
      const r = os.fdSeek(intArg('lseek', args[0], 0), intArg('lseek', args[1], 0), intArg('lseek', args[2], 0));
      if (r < 0) throw osError(null, null);
      return newInt(r);
    }
    case B.POSIX_MKDIR: {
      const p = arg(args, kw, 0, 'path');
      if (p === null) throw raise(TypeError, "mkdir() missing required argument 'path' (pos 1)");
      const path = pathArg('mkdir', p).s;
      const mode = intArg('mkdir', arg(args, kw, 1, 'mode'), 511);
      const dirFd = dirFdArg(args, kw);
      if (dirFd !== NO_DIR_FD ? !mkdirAt(dirFd, path, mode) : os.mkdir(path, mode) < 0) throw osError(p, null);
      return None;
    }
    case B.POSIX_READLINK: {
      const p = arg(args, kw, 0, 'path');
      if (p === null) throw raise(TypeError, "readlink() missing required argument 'path' (pos 1)");
      const fp = pathArg('readlink', p);
      const t = os.readlink(fp.s);
      if (t === null) throw osError(p, null);
      return pathObj(t, fp.isBytes);
    }
    case B.POSIX_RMDIR:
    case B.POSIX_UNLINK: {
      const fn = id === B.POSIX_RMDIR ? 'rmdir' : 'unlink';
      const p = arg(args, kw, 0, 'path');
      if (p === null) throw raise(TypeError, `${fn}() missing required argument 'path' (pos 1)`);
      const s = pathArg(fn, p).s;
      const dirFd = dirFdArg(args, kw);
      if (dirFd !== NO_DIR_FD) {
        if (!unlinkAt(dirFd, s, id === B.POSIX_RMDIR)) throw osError(p, null);
      } else if ((id === B.POSIX_RMDIR ? os.rmdir(s) : os.unlink(s)) < 0) throw osError(p, null);
      return None;
    }
    case B.POSIX_RENAME:
    case B.POSIX_REPLACE: {
      const fn = id === B.POSIX_RENAME ? 'rename' : 'replace';
      const a = arg(args, kw, 0, 'src');
      const b = arg(args, kw, 1, 'dst');
      if (a === null || b === null) throw raise(TypeError, `${fn}() missing required argument '${a === null ? 'src' : 'dst'}'`);
      if (os.rename(pathArg(fn, a, 'src').s, pathArg(fn, b, 'dst').s) < 0) throw osError(a, b);
      return None;
    }
    case B.POSIX_SYMLINK: {
      const a = arg(args, kw, 0, 'src');
      const b = arg(args, kw, 1, 'dst');
      if (a === null || b === null) throw raise(TypeError, `symlink() missing required argument '${a === null ? 'src' : 'dst'}' (pos ${a === null ? 1 : 2})`);
      if (os.symlink(pathArg('symlink', a, 'src').s, pathArg('symlink', b, 'dst').s) < 0) throw osError(a, b);
      return None;
    }
    case B.POSIX_UTIME:
      return doUtime(args, kw);
    case B.POSIX_CHMOD: {
      const p = arg(args, kw, 0, 'path');
      const mode = arg(args, kw, 1, 'mode');
      if (p === null || mode === null) throw raise(TypeError, `chmod() missing required argument '${p === null ? 'path' : 'mode'}' (pos ${p === null ? 1 : 2})`);
      const path = pathArg('chmod', p);
      // Linux cannot chmod a link itself (glibc's fchmodat refuses, and CPython says so); on
      // anything else follow_symlinks=False changes what the path names, as glibc does
      if (!followArg(args, kw)) {
        const st = os.pathStat(path.s, 0);
        if (st !== null && (st[0] & 0xf000) === 0xa000) throw raise(NotImplementedError, 'chmod: follow_symlinks unavailable on this platform');
      }
      if (os.chmod(path.s, intArg('chmod', mode, 0)) < 0) throw osError(p, null);
      return None;
    }
    case B.POSIX_CHDIR: {
      const p = arg(args, kw, 0, 'path');
      if (p === null) throw raise(TypeError, "chdir() missing required argument 'path' (pos 1)");
      if (os.chdir(pathArg('chdir', p).s) < 0) throw osError(p, null);
      return None;
    }
    case B.POSIX_GETPID:
      return newInt(os.getpid());
    case B.POSIX_URANDOM: {
      const k = intArg('urandom', arg(args, kw, 0, 'size'), 0);
      if (k < 0) throw raise(ValueError, 'negative argument not allowed');
      return new PyBytes(bytesType, os.urandom(k));
    }
    case B.POSIX_STRERROR:
      return newStr(os.strerror(intArg('strerror', arg(args, kw, 0, 'code'), 0)));
    case B.POSIX_FSPATH: {
      const p = arg(args, kw, 0, 'path');
      if (p === null) throw raise(TypeError, "fspath() missing required argument 'path' (pos 1)");
      return fspath(p);
    }
    case B.POSIX_GET_TERMINAL_SIZE: {
      const r = os.terminalSize(intArg('get_terminal_size', arg(args, kw, 0, 'fd'), 1));
      if (r === null) throw osError(null, null);
      return new PyStructSeq(TERMINAL_SIZE, [newInt(r[0]), newInt(r[1])]);
    }
    case B.POSIX_ISATTY:
      return newBool(os.isatty(intArg('isatty', arg(args, kw, 0, 'fd'), -1)));
    case B.POSIX_EXIT: {
      flushStdout();
      os.exit(intArg('_exit', arg(args, kw, 0, 'status'), 0));
      return None;
    }
    case B.POSIX_ACCESS: {
      // existence, and the permission bits of the file's owner (no uid check)
      const p = arg(args, kw, 0, 'path');
      if (p === null) throw raise(TypeError, "access() missing required argument 'path' (pos 1)");
      const mode = intArg('access', arg(args, kw, 1, 'mode'), 0);
      const st = os.pathStat(pathArg('access', p).s, 1);
      if (st === null) return False;
      const bits = (st[0] >> 6) & 7;
      return (mode & bits) === mode ? True : False;
    }
    case B.POSIX_DIRENTRY_NAME: {
      const e = direntry(args[0]);
      return pathObj(e.name, e.isBytes);
    }
    case B.POSIX_DIRENTRY_PATH:
    case B.POSIX_DIRENTRY_FSPATH: {
      const e = direntry(args[0]);
      return pathObj(e.path, e.isBytes);
    }
    case B.POSIX_DIRENTRY_IS_DIR:
    case B.POSIX_DIRENTRY_IS_FILE: {
      const e = direntry(args[0]);
      const want = id === B.POSIX_DIRENTRY_IS_DIR ? 0x4000 : 0x8000;
      const follow = followArg(args, kw);
      // as CPython: the listing's type answers unless a symlink is to be followed
      if (e.typeBits >= 0 && !(follow && e.typeBits === 0xa000)) return newBool(e.typeBits === want);
      const st = e.statOf(follow, false);
      if (st === null) return False;
      return newBool((st[0] & 0xf000) === want);
    }
    case B.POSIX_DIRENTRY_IS_SYMLINK: {
      const e = direntry(args[0]);
      if (e.typeBits >= 0) return newBool(e.typeBits === 0xa000);
      const st = e.statOf(false, false);
      return newBool(st !== null && (st[0] & 0xf000) === 0xa000);
    }
    case B.POSIX_DIRENTRY_STAT:
      return statResult(direntry(args[0]).statOf(followArg(args, kw), true) as int[]);
    case B.POSIX_DIRENTRY_INODE: {
      const e = direntry(args[0]);
      if (e.ino >= 0) return newInt(e.ino);
      const st = e.statOf(false, true) as int[];
      return newInt(st[1]);
    }
    case B.POSIX_SCANDIR_NEXT: {
      const it = args[0];
      if (!(it instanceof PyScandir)) throw raise(TypeError, 'expected a ScandirIterator');
      const v = it.nativeNext();
      if (v === null) throw new PyExc(new PyBaseExc(StopIteration));
      return v;
    }
    case B.POSIX_SCANDIR_ITER:
    case B.POSIX_SCANDIR_ENTER:
      return args[0];
    case B.POSIX_SCANDIR_EXIT:
    case B.POSIX_SCANDIR_CLOSE: {
      const it = args[0];
      if (it instanceof PyScandir) it.i = it.entries.length;
      return id === B.POSIX_SCANDIR_EXIT ? False : None;
    }
  }
  throw unhandledBuiltin('posix function', id);
}
function osErrorOf(n: int): PyExc {
  const e = new PyBaseExc(osErrorClass(n));
  e.args.push(newInt(n));
  e.args.push(newStr(os.strerror(n)));
  return new PyExc(e);
}
