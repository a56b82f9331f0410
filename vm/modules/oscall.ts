// The OS calls under posix's process and fd functions (pipe, dup2, waitpid, kill, the wait status
// macros...) and the app-level modules _posixsubprocess, _socket and select: one rlib primitive,
// os.call, takes an operation number from OP (the numbers of translate/runtime/oscall.c), integer
// arguments and a byte string, and answers a list of ints or fails with an errno, raised here as
// the OSError subclass CPython picks. The app-level modules reach it as their `_call`.
import type { int } from '../../translate/rlib/index.ts';
import { os } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, PyInt, PyList, PyTuple, PyBytes, bytesType, newInt, newList, newTuple, newBool, raise, None, TypeError, ValueError, OverflowErrorT, bigOf } from '../objects/core.ts';
import { dictSetS } from '../objects/dict.ts';
import { B, FAM_OSCALL } from '../builtins/ids.ts';
import { npos, arg, needArg, unhandledBuiltin } from '../builtins/args.ts';
import { addFn } from './registry.ts';
import { typeName, truthy } from '../interpreter/runtime.ts';
import { needBytesLike } from '../builtins/buffer.ts';
import { osError } from './posix.ts';
import { flushStdout } from '../interpreter/state.ts';
import { latin1String } from '../objects/strutil.ts';

/** Operation numbers: the OSCALL_* enum of translate/runtime/oscall.c. */
export const OP_PIPE = 1;
export const OP_DUP = 2;
export const OP_DUP2 = 3;
export const OP_WAITPID = 4;
export const OP_KILL = 5;
export const OP_GET_INHERITABLE = 6;
export const OP_SET_INHERITABLE = 7;
export const OP_GET_BLOCKING = 8;
export const OP_SET_BLOCKING = 9;
export const OP_FORK_EXEC = 10;
export const OP_GETPPID = 46;
export const OP_FTRUNCATE = 47;
export const OP_PUTENV = 48;
export const OP_UNSETENV = 49;
export const OP_FORK = 50;
export const OP_EXEC = 51;
export const OP_UMASK = 52;
export const OP_CLOSERANGE = 53;
export const OP_TRUNCATE = 54;
export const OP_TIMES = 55;
export const OP_CPU_COUNT = 56;
export const OP_LINK = 57;
export const OP_FCHMOD = 58;
export const OP_CHOWN = 59;
export const OP_SETID = 60;
export const OP_GETRANDOM = 61;
export const OP_STATVFS = 62;
export const OP_PATHCONF = 63;
export const OP_WRITEV = 64;
export const OP_GETIDS = 65;
export const OP_GETGROUPS = 66;
export const OP_OPENAT = 67;
export const OP_FSTATAT = 68;
export const OP_UNLINKAT = 69;
export const OP_MKDIRAT = 70;
export const OP_LISTDIR_FD = 71;
/** The operations the app-level modules use, by name, given to them as _OP_<name> constants. */
const APP_OPS: string[] = [
  'FORK_EXEC = 10', 'SOCKET = 20', 'SOCKETPAIR = 21', 'BIND = 22', 'LISTEN = 23', 'ACCEPT = 24', 'CONNECT = 25',
  'SEND = 26', 'RECV = 27', 'SHUTDOWN = 28', 'GETSOCKNAME = 29', 'GETPEERNAME = 30', 'SETSOCKOPT = 31',
  'GETSOCKOPT = 32', 'GETHOSTNAME = 33', 'SENDTO = 34', 'RECVFROM = 35', 'SELECT = 40', 'POLL = 41',
  'EPOLL_CREATE = 42', 'EPOLL_CTL = 43', 'EPOLL_WAIT = 44', 'HAVE_EPOLL = 45',
];
/** The Python lines defining _OP_<name> for the app-level sources. */
export function appOpsSource(): string {
  let s = '';
  for (const e of APP_OPS) s += '_OP_' + e + '\n';
  return s;
}

/** Runs op; the OSError of its errno when it fails. */
export function osCall(op: int, ints: int[], data: string): int[] {
  const r = os.call(op, ints, data);
  if (r === null) throw osError(null, null);
  return r;
}

function intOf(fn: string, o: PyObject | null, dflt: int): int {
  if (o === null) return dflt;
  if (!(o instanceof PyInt)) throw raise(TypeError, `'${typeName(o)}' object cannot be interpreted as an integer`);
  if (bigOf(o) !== null) throw raise(OverflowErrorT, `${fn}: Python int too large to convert to C int`);
  return o.v;
}
function noArgs(fn: string, args: PyObject[], kw: string[] | null): void {
  const n = npos(args, kw);
  if (n !== 0 || kw !== null) throw raise(TypeError, `${fn}() takes no arguments (${args.length} given)`);
}

export function addPosixOsCalls(m: PyModule): void {
  const names: string[] = [
    'pipe', 'dup', 'dup2', 'waitpid', 'kill', 'get_inheritable', 'set_inheritable', 'get_blocking', 'set_blocking',
    'getppid', 'WIFEXITED', 'WEXITSTATUS', 'WIFSIGNALED', 'WTERMSIG', 'WIFSTOPPED', 'WSTOPSIG', 'WIFCONTINUED',
    'WCOREDUMP', 'waitstatus_to_exitcode',
  ];
  const ids: int[] = [
    B.OSCALL_PIPE, B.OSCALL_DUP, B.OSCALL_DUP2, B.OSCALL_WAITPID, B.OSCALL_KILL, B.OSCALL_GET_INHERITABLE,
    B.OSCALL_SET_INHERITABLE, B.OSCALL_GET_BLOCKING, B.OSCALL_SET_BLOCKING, B.OSCALL_GETPPID, B.OSCALL_WIFEXITED,
    B.OSCALL_WEXITSTATUS, B.OSCALL_WIFSIGNALED, B.OSCALL_WTERMSIG, B.OSCALL_WIFSTOPPED, B.OSCALL_WSTOPSIG,
    B.OSCALL_WIFCONTINUED, B.OSCALL_WCOREDUMP, B.OSCALL_WAITSTATUS_TO_EXITCODE,
  ];
  for (let i = 0; i < names.length; i++) addFn(m, names[i], ids[i], FAM_OSCALL);
  dictSetS(m.dict, 'WNOHANG', newInt(1));
  dictSetS(m.dict, 'WUNTRACED', newInt(2));
  dictSetS(m.dict, 'WCONTINUED', newInt(8));
}

/** Gives an app-level module its _call before its source runs. */
export function addAppCall(m: PyModule): void {
  addFn(m, '_call', B.OSCALL_CALL, FAM_OSCALL);
}

function intsOf(o: PyObject): int[] {
  let items: PyObject[];
  if (o instanceof PyTuple) items = o.items;
  else if (o instanceof PyList) items = o.items;
  else throw raise(TypeError, `_call: expected a tuple or list of ints, not ${typeName(o)}`);
  const out: int[] = [];
  for (const it of items) out.push(intOf('_call', it, 0));
  return out;
}
function bytesAsString(o: PyObject | null): string {
  if (o === null || o === None) return '';
  return latin1String(needBytesLike(o));
}
function intList(v: int[]): PyObject {
  const out: PyObject[] = [];
  for (const x of v) out.push(newInt(x));
  return newList(out);
}
/** The status bits glibc's W* macros read (Linux's encoding of a wait status). */
function statusArg(fn: string, args: PyObject[], kw: string[] | null): int {
  return intOf(fn, needArg(fn, args, kw, 0, 'status'), 0);
}
function exited(st: int): boolean {
  return (st & 0x7f) === 0;
}
function signaled(st: int): boolean {
  const low = (st & 0x7f) + 1;
  // glibc: ((signed char)((st & 0x7f) + 1) >> 1) > 0
  const sc = low >= 128 ? low - 256 : low;
  return sc >> 1 > 0;
}

export function callOscall(id: int, args: PyObject[], kw: string[] | null): PyObject {
  switch (id) {
    case B.OSCALL_CALL: {
      const op = intOf('_call', needArg('_call', args, kw, 0, 'op'), 0);
      if (op === OP_FORK_EXEC) flushStdout();
      const r = osCall(op, intsOf(needArg('_call', args, kw, 1, 'ints')), bytesAsString(arg(args, kw, 2, 'data')));
      // as_bytes: the answer is data (recv), taken as bytes without an int object per byte
      const asBytes = arg(args, kw, 3, 'as_bytes');
      return asBytes !== null && truthy(asBytes) ? new PyBytes(bytesType, r) : intList(r);
    }
    case B.OSCALL_PIPE: {
      noArgs('pipe', args, kw);
      const r = osCall(OP_PIPE, [], '');
      return newTuple([newInt(r[0]), newInt(r[1])]);
    }
    case B.OSCALL_DUP:
      return newInt(osCall(OP_DUP, [intOf('dup', needArg('dup', args, kw, 0, 'fd'), 0)], '')[0]);
    case B.OSCALL_DUP2: {
      const fd = intOf('dup2', needArg('dup2', args, kw, 0, 'fd'), 0);
      const fd2 = intOf('dup2', needArg('dup2', args, kw, 1, 'fd2'), 0);
      const inh = arg(args, kw, 2, 'inheritable');
      if (fd === 1 || fd === 2 || fd2 === 1 || fd2 === 2) flushStdout();
      return newInt(osCall(OP_DUP2, [fd, fd2, inh === null || truthy(inh) ? 1 : 0], '')[0]);
    }
    case B.OSCALL_WAITPID: {
      const pid = intOf('waitpid', needArg('waitpid', args, kw, 0, 'pid'), 0);
      const opts = intOf('waitpid', needArg('waitpid', args, kw, 1, 'options'), 0);
      const r = osCall(OP_WAITPID, [pid, opts], '');
      return newTuple([newInt(r[0]), newInt(r[1])]);
    }
    case B.OSCALL_KILL: {
      const pid = intOf('kill', needArg('kill', args, kw, 0, 'pid'), 0);
      const sig = intOf('kill', needArg('kill', args, kw, 1, 'signal'), 0);
      osCall(OP_KILL, [pid, sig], '');
      return None;
    }
    case B.OSCALL_GET_INHERITABLE:
    case B.OSCALL_GET_BLOCKING: {
      const fn = id === B.OSCALL_GET_INHERITABLE ? 'get_inheritable' : 'get_blocking';
      const fd = intOf(fn, needArg(fn, args, kw, 0, 'fd'), 0);
      return newBool(osCall(id === B.OSCALL_GET_INHERITABLE ? OP_GET_INHERITABLE : OP_GET_BLOCKING, [fd], '')[0] !== 0);
    }
    case B.OSCALL_SET_INHERITABLE:
    case B.OSCALL_SET_BLOCKING: {
      const fn = id === B.OSCALL_SET_INHERITABLE ? 'set_inheritable' : 'set_blocking';
      const fd = intOf(fn, needArg(fn, args, kw, 0, 'fd'), 0);
      const v = truthy(needArg(fn, args, kw, 1, id === B.OSCALL_SET_INHERITABLE ? 'inheritable' : 'blocking'));
      osCall(id === B.OSCALL_SET_INHERITABLE ? OP_SET_INHERITABLE : OP_SET_BLOCKING, [fd, v ? 1 : 0], '');
      return None;
    }
    case B.OSCALL_GETPPID:
      noArgs('getppid', args, kw);
      return newInt(osCall(OP_GETPPID, [], '')[0]);
    case B.OSCALL_WIFEXITED:
      return newBool(exited(statusArg('WIFEXITED', args, kw)));
    case B.OSCALL_WEXITSTATUS:
      return newInt((statusArg('WEXITSTATUS', args, kw) >> 8) & 0xff);
    case B.OSCALL_WIFSIGNALED:
      return newBool(signaled(statusArg('WIFSIGNALED', args, kw)));
    case B.OSCALL_WTERMSIG:
      return newInt(statusArg('WTERMSIG', args, kw) & 0x7f);
    case B.OSCALL_WIFSTOPPED:
      return newBool((statusArg('WIFSTOPPED', args, kw) & 0xff) === 0x7f);
    case B.OSCALL_WSTOPSIG:
      return newInt((statusArg('WSTOPSIG', args, kw) >> 8) & 0xff);
    case B.OSCALL_WIFCONTINUED:
      return newBool(statusArg('WIFCONTINUED', args, kw) === 0xffff);
    case B.OSCALL_WCOREDUMP:
      return newBool((statusArg('WCOREDUMP', args, kw) & 0x80) !== 0);
    case B.OSCALL_WAITSTATUS_TO_EXITCODE: {
      const st = statusArg('waitstatus_to_exitcode', args, kw);
      if (exited(st)) return newInt((st >> 8) & 0xff);
      if (signaled(st)) return newInt(-(st & 0x7f));
      if ((st & 0xff) === 0x7f) throw raise(ValueError, `process stopped by delivery of signal ${(st >> 8) & 0xff}`);
      throw raise(ValueError, `invalid wait status: ${st}`);
    }
  }
  throw unhandledBuiltin('oscall function', id);
}
