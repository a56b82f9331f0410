// The dir_fd forms of posix's open, stat/lstat, unlink/rmdir and mkdir, and scandir/listdir of
// an open directory: what os.fwalk and shutil.rmtree's fd-based walk use. Each is one os.call
// operation over openat, fstatat, unlinkat, mkdirat and fdopendir (translate/runtime/oscall.c);
// a failure leaves its errno for the caller's OSError (null or false here).
import type { int } from '../../translate/rlib/index.ts';
import { os } from '../../translate/rlib/index.ts';
import { PyObject, PyInt, None, raise, TypeError, OverflowErrorT, bigOf } from '../objects/core.ts';
import { kwArg } from '../builtins/args.ts';
import { typeName } from '../interpreter/runtime.ts';
import { fsEncode, fsDecode } from './fsencode.ts';
import { OP_OPENAT, OP_FSTATAT, OP_UNLINKAT, OP_MKDIRAT, OP_LISTDIR_FD } from './oscall.ts';
import { latin1String } from '../objects/strutil.ts';

/** The dir_fd argument's descriptor, or NO_DIR_FD when absent or None. */
export const NO_DIR_FD = -100;

export function dirFdArg(args: PyObject[], kw: string[] | null): int {
  const d = kwArg(args, kw, 'dir_fd');
  if (d === null || d === None) return NO_DIR_FD;
  if (!(d instanceof PyInt)) throw raise(TypeError, `argument should be integer or None, not ${typeName(d)}`);
  if (bigOf(d) !== null) throw raise(OverflowErrorT, 'fd is greater than maximum');
  return d.v;
}
/** A path's text as the bytes os.call passes to C, one char per byte. */
function bytesOf(path: string): string {
  return latin1String(fsEncode(path));
}
/** open(2) of path relative to the directory open on dirFd: the new fd, or -1. */
export function openAt(dirFd: int, path: string, flags: int, mode: int): int {
  const r = os.call(OP_OPENAT, [dirFd, flags, mode], bytesOf(path));
  return r === null ? -1 : r[0];
}
/** stat (or lstat) of path relative to the directory open on dirFd, as os.pathStat answers. */
export function statAt(dirFd: int, path: string, follow: boolean): int[] | null {
  return os.call(OP_FSTATAT, [dirFd, follow ? 1 : 0], bytesOf(path));
}
/** unlink (or rmdir) of path relative to the directory open on dirFd. */
export function unlinkAt(dirFd: int, path: string, isDir: boolean): boolean {
  return os.call(OP_UNLINKAT, [dirFd, isDir ? 1 : 0], bytesOf(path)) !== null;
}
export function mkdirAt(dirFd: int, path: string, mode: int): boolean {
  return os.call(OP_MKDIRAT, [dirFd, mode], bytesOf(path)) !== null;
}
/** The names in the directory open on fd (which stays open), or null. */
export function listFd(fd: int): string[] | null {
  const b = os.call(OP_LISTDIR_FD, [fd], '');
  if (b === null) return null;
  const names: string[] = [];
  let start = 0;
  for (let i = 0; i < b.length; i++) {
    if (b[i] !== 0) continue;
    names.push(fsDecode(b.slice(start, i)));
    start = i + 1;
  }
  return names;
}
