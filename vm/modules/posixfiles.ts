// posix's file calls beyond posix.ts's: closerange, truncate, link, fchmod, chown/lchown/fchown,
// getrandom, statvfs/fstatvfs, pathconf/fpathconf, writev and device_encoding. Each is one
// os.call operation (OP_* of oscall.ts, translate/runtime/oscall.c), failing with the OSError of
// its errno (naming the file where CPython does); paths go to C as their file system bytes.
import type { int } from '../../translate/rlib/index.ts';
import { os } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, PyInt, PyStr, PyBytes, PyList, PyTuple, None, newInt, newStr, newDict, raise, bytesType, TypeError, ValueError, OverflowErrorT, bigOf } from '../objects/core.ts';
import { dictSetS } from '../objects/dict.ts';
import { B, FAM_POSIX2 } from '../builtins/ids.ts';
import { arg, kwArg, npos, needArg, unhandledBuiltin } from '../builtins/args.ts';
import { needBytesLike } from '../builtins/buffer.ts';
import { addFn } from './registry.ts';
import { typeName, truthy, iterToArray, lookupType } from '../interpreter/runtime.ts';
import { fsEncode } from './fsencode.ts';
import { structSeqType, PyStructSeq } from './structseq.ts';
import { fspath, osError, pathLike } from './posix.ts';
import { osCall, OP_CLOSERANGE, OP_TRUNCATE, OP_LINK, OP_FCHMOD, OP_CHOWN, OP_GETRANDOM, OP_STATVFS, OP_PATHCONF, OP_WRITEV, OP_FTRUNCATE } from './oscall.ts';

const STATVFS_RESULT = structSeqType(
  'os',
  'statvfs_result',
  ['f_bsize', 'f_frsize', 'f_blocks', 'f_bfree', 'f_bavail', 'f_files', 'f_ffree', 'f_favail', 'f_flag', 'f_namemax', 'f_fsid'],
  10,
  [],
);
/** Linux's _PC_* numbers (os.pathconf_names). */
const PC_NAMES: string[] = [
  'PC_LINK_MAX', 'PC_MAX_CANON', 'PC_MAX_INPUT', 'PC_NAME_MAX', 'PC_PATH_MAX', 'PC_PIPE_BUF', 'PC_CHOWN_RESTRICTED',
  'PC_NO_TRUNC', 'PC_VDISABLE', 'PC_SYNC_IO', 'PC_ASYNC_IO', 'PC_PRIO_IO', 'PC_SOCK_MAXBUF', 'PC_FILESIZEBITS',
  'PC_REC_INCR_XFER_SIZE', 'PC_REC_MAX_XFER_SIZE', 'PC_REC_MIN_XFER_SIZE', 'PC_REC_XFER_ALIGN', 'PC_ALLOC_SIZE_MIN',
  'PC_SYMLINK_MAX', 'PC_2_SYMLINKS',
];

const FNS: string[] = [
  'closerange', 'truncate', 'link', 'fchmod', 'chown', 'lchown', 'fchown', 'getrandom', 'statvfs', 'fstatvfs',
  'pathconf', 'fpathconf', 'writev', 'device_encoding',
];
const IDS: int[] = [
  B.POSIX2_CLOSERANGE, B.POSIX2_TRUNCATE, B.POSIX2_LINK, B.POSIX2_FCHMOD, B.POSIX2_CHOWN, B.POSIX2_LCHOWN,
  B.POSIX2_FCHOWN, B.POSIX2_GETRANDOM, B.POSIX2_STATVFS, B.POSIX2_FSTATVFS, B.POSIX2_PATHCONF, B.POSIX2_FPATHCONF,
  B.POSIX2_WRITEV, B.POSIX2_DEVICE_ENCODING,
];

export function addPosixFiles(m: PyModule): void {
  for (let i = 0; i < FNS.length; i++) addFn(m, FNS[i], IDS[i], FAM_POSIX2);
  dictSetS(m.dict, 'statvfs_result', STATVFS_RESULT.type);
  const names = newDict();
  for (let i = 0; i < PC_NAMES.length; i++) dictSetS(names, PC_NAMES[i], newInt(i));
  dictSetS(m.dict, 'pathconf_names', names);
  dictSetS(m.dict, 'GRND_NONBLOCK', newInt(1));
  dictSetS(m.dict, 'GRND_RANDOM', newInt(2));
}

/** The file system bytes of a str, bytes or os.PathLike, one char per byte (str as UTF-8). */
export function fsBytes(o: PyObject): string {
  const p = fspath(o);
  const b = p instanceof PyBytes ? p.b : fsEncode((p as PyStr).s);
  if (b.includes(0)) throw raise(ValueError, 'embedded null byte');
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return s;
}
/** A path argument's bytes (an int, a file descriptor, is not a path here). */
export function pathBytes(fn: string, o: PyObject, argName: string = 'path'): string {
  if (o instanceof PyInt) throw raise(TypeError, `${fn}: ${argName} should be string, bytes or os.PathLike, not int`);
  return fsBytes(pathLike(fn, o, argName));
}
/** A uid or gid as CPython's _Py_Uid_Converter takes it: an int from -1 (unchanged) to 2**32-2. */
export function idOf(o: PyObject, what: string): int {
  if (!(o instanceof PyInt)) throw raise(TypeError, `${what} should be integer, not ${typeName(o)}`);
  // CPython 3.11 says "less than minimum" for values too large as well (its overflow label falls
  // through to the underflow one)
  if (bigOf(o) !== null || o.v > 4294967294 || o.v < -1) throw raise(OverflowErrorT, `${what} is less than minimum`);
  return o.v;
}

/** A C int argument (fds, modes, flags) as CPython's converters take it. */
export function intOf(o: PyObject): int {
  if (!(o instanceof PyInt)) throw raise(TypeError, `'${typeName(o)}' object cannot be interpreted as an integer`);
  if (bigOf(o) !== null) throw raise(OverflowErrorT, 'Python int too large to convert to C int');
  return o.v;
}
/** Runs op on a path; its OSError names the path object. */
function pathCall(op: int, ints: int[], path: string, shown: PyObject): int[] {
  const r = os.call(op, ints, path);
  if (r === null) throw osError(shown, null);
  return r;
}
function followOf(args: PyObject[], kw: string[] | null): boolean {
  const f = kwArg(args, kw, 'follow_symlinks');
  return f === null || truthy(f);
}
/** A pathconf name: an int, or a key of pathconf_names. */
function confName(o: PyObject): int {
  if (o instanceof PyInt) return intOf(o);
  if (o instanceof PyStr) {
    const i = PC_NAMES.indexOf(o.s);
    if (i < 0) throw raise(ValueError, 'unrecognized configuration name');
    return i;
  }
  throw raise(TypeError, 'configuration names must be strings or integers');
}
function statvfsResult(v: int[]): PyObject {
  const vals: PyObject[] = [];
  for (const x of v) vals.push(newInt(x));
  return new PyStructSeq(STATVFS_RESULT, vals);
}

export function callPosixFiles(id: int, args: PyObject[], kw: string[] | null): PyObject {
  switch (id) {
    case B.POSIX2_CLOSERANGE: {
      const n = npos(args, kw);
      if (n !== 2) throw raise(TypeError, `closerange expected 2 arguments, got ${n}`);
      osCall(OP_CLOSERANGE, [intOf(args[0]), intOf(args[1])], '');
      return None;
    }
    case B.POSIX2_TRUNCATE: {
      const p = needArg('truncate', args, kw, 0, 'path');
      const length = intOf(needArg('truncate', args, kw, 1, 'length'));
      if (p instanceof PyInt) {
        osCall(OP_FTRUNCATE, [p.v, length], '');
        return None;
      }
      pathCall(OP_TRUNCATE, [length], pathBytes('truncate', p), p);
      return None;
    }
    case B.POSIX2_LINK: {
      const src = needArg('link', args, kw, 0, 'src');
      const dst = needArg('link', args, kw, 1, 'dst');
      const data = pathBytes('link', src, 'src') + '\0' + pathBytes('link', dst, 'dst');
      const r = os.call(OP_LINK, [followOf(args, kw) ? 1 : 0], data);
      if (r === null) throw osError(src, dst);
      return None;
    }
    case B.POSIX2_FCHMOD:
      osCall(OP_FCHMOD, [intOf(needArg('fchmod', args, kw, 0, 'fd')), intOf(needArg('fchmod', args, kw, 1, 'mode'))], '');
      return None;
    case B.POSIX2_CHOWN:
    case B.POSIX2_LCHOWN:
    case B.POSIX2_FCHOWN: {
      const fn = id === B.POSIX2_CHOWN ? 'chown' : id === B.POSIX2_LCHOWN ? 'lchown' : 'fchown';
      const p = needArg(fn, args, kw, 0, id === B.POSIX2_FCHOWN ? 'fd' : 'path');
      const uid = idOf(needArg(fn, args, kw, 1, 'uid'), 'uid');
      const gid = idOf(needArg(fn, args, kw, 2, 'gid'), 'gid');
      if (id === B.POSIX2_FCHOWN || (id === B.POSIX2_CHOWN && p instanceof PyInt)) {
        osCall(OP_CHOWN, [intOf(p), uid, gid, 1], '');
        return None;
      }
      const follow = id === B.POSIX2_CHOWN && followOf(args, kw);
      pathCall(OP_CHOWN, [-1, uid, gid, follow ? 1 : 0], pathBytes(fn, p), p);
      return None;
    }
    case B.POSIX2_GETRANDOM: {
      const size = intOf(needArg('getrandom', args, kw, 0, 'size'));
      const flags = arg(args, kw, 1, 'flags');
      return new PyBytes(bytesType, osCall(OP_GETRANDOM, [size, flags === null ? 0 : intOf(flags)], ''));
    }
    case B.POSIX2_STATVFS:
    case B.POSIX2_FSTATVFS: {
      if (id === B.POSIX2_FSTATVFS) return statvfsResult(osCall(OP_STATVFS, [intOf(needArg('fstatvfs', args, kw, 0, 'fd'))], ''));
      const p = needArg('statvfs', args, kw, 0, 'path');
      if (p instanceof PyInt) return statvfsResult(osCall(OP_STATVFS, [p.v], ''));
      return statvfsResult(pathCall(OP_STATVFS, [-1], pathBytes('statvfs', p), p));
    }
    case B.POSIX2_PATHCONF:
    case B.POSIX2_FPATHCONF: {
      const fn = id === B.POSIX2_PATHCONF ? 'pathconf' : 'fpathconf';
      const p = needArg(fn, args, kw, 0, id === B.POSIX2_PATHCONF ? 'path' : 'fd');
      const name = confName(needArg(fn, args, kw, 1, 'name'));
      if (p instanceof PyInt) return newInt(osCall(OP_PATHCONF, [p.v, name], '')[0]);
      if (id === B.POSIX2_FPATHCONF) throw raise(TypeError, `'${typeName(p)}' object cannot be interpreted as an integer`);
      return newInt(pathCall(OP_PATHCONF, [-1, name], pathBytes(fn, p), p)[0]);
    }
    case B.POSIX2_WRITEV: {
      const fd = intOf(needArg('writev', args, kw, 0, 'fd'));
      const bufs = needArg('writev', args, kw, 1, 'buffers');
      if (bufs instanceof PyStr || bufs instanceof PyBytes) throw raise(TypeError, 'writev() arg 2 must be a sequence');
      const ints: int[] = [fd];
      let data = '';
      let items: PyObject[];
      if (bufs instanceof PyList) items = bufs.items;
      else if (bufs instanceof PyTuple) items = bufs.items;
      else items = iterToArray(bufs);
      for (const b of items) {
        const bytes = needBytesLike(b);
        ints.push(bytes.length);
        for (const x of bytes) data += String.fromCharCode(x);
      }
      return newInt(osCall(OP_WRITEV, ints, data)[0]);
    }
    case B.POSIX2_DEVICE_ENCODING: {
      // a terminal's encoding is the locale's, which is UTF-8 here; anything else has none
      const fd = intOf(needArg('device_encoding', args, kw, 0, 'fd'));
      return os.isatty(fd) ? newStr('UTF-8') : None;
    }
  }
  throw unhandledBuiltin('posix', id);
}
