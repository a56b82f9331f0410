// posix's process calls beyond posix.ts's: fork, execv and execve (os.py builds spawnv*, execvp*
// and the rest on them), umask, times, cpu_count, and the uid and gid calls. Each is one os.call
// operation (OP_* of oscall.ts, translate/runtime/oscall.c) and raises the OSError of its errno;
// arguments are checked as CPython's argument clinic checks them, with its messages.
import type { int } from '../../translate/rlib/index.ts';
import { os, toFloat } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, PyInt, PyList, PyTuple, PyStr, PyBytes, PyExc, None, newInt, newFloat, newList, raise, TypeError, ValueError, OverflowErrorT } from '../objects/core.ts';
import { dictSetS } from '../objects/dict.ts';
import { B, FAM_POSIX2 } from '../builtins/ids.ts';
import { arg, kwArg, npos, needArg, unhandledBuiltin } from '../builtins/args.ts';
import { addFn } from './registry.ts';
import { typeName, lookupType, getAttr, callObj, iterToArray } from '../interpreter/runtime.ts';
import { flushStdout } from '../interpreter/state.ts';
import { writeUnraisable } from './sys.ts';
import { structSeqType, PyStructSeq } from './structseq.ts';
import { osCall, OP_FORK, OP_EXEC, OP_UMASK, OP_TIMES, OP_CPU_COUNT, OP_SETID, OP_GETIDS, OP_GETGROUPS } from './oscall.ts';
import { fsBytes, pathBytes, idOf, intOf, callPosixFiles, addPosixFiles } from './posixfiles.ts';

const TIMES_RESULT = structSeqType('posix', 'times_result', ['user', 'system', 'children_user', 'children_system', 'elapsed'], 5, []);

/** The callables os.register_at_fork recorded, called around each fork. */
class AtFork {
  before: PyObject[] = [];
  inChild: PyObject[] = [];
  inParent: PyObject[] = [];
}
const AT_FORK = new AtFork();

const FNS: string[] = [
  'register_at_fork', 'fork', 'execv', 'execve', 'umask', 'times', 'cpu_count', 'getuid', 'geteuid', 'getgid', 'getegid', 'getgroups',
  'setuid', 'setgid', 'seteuid', 'setegid', 'setreuid', 'setregid',
];
const IDS: int[] = [
  B.POSIX2_REGISTER_AT_FORK, B.POSIX2_FORK, B.POSIX2_EXECV, B.POSIX2_EXECVE, B.POSIX2_UMASK, B.POSIX2_TIMES, B.POSIX2_CPU_COUNT, B.POSIX2_GETUID,
  B.POSIX2_GETEUID, B.POSIX2_GETGID, B.POSIX2_GETEGID, B.POSIX2_GETGROUPS, B.POSIX2_SETUID, B.POSIX2_SETGID,
  B.POSIX2_SETEUID, B.POSIX2_SETEGID, B.POSIX2_SETREUID, B.POSIX2_SETREGID,
];

export function addPosixProc(m: PyModule): void {
  for (let i = 0; i < FNS.length; i++) addFn(m, FNS[i], IDS[i], FAM_POSIX2);
  dictSetS(m.dict, 'times_result', TIMES_RESULT.type);
  addPosixFiles(m);
}

/** The items of execv's argv: a tuple or list, not empty, its first item not empty. */
function argvOf(o: PyObject, empty: string, firstEmpty: string, notSeq: string): string[] {
  let items: PyObject[];
  if (o instanceof PyTuple) items = o.items;
  else if (o instanceof PyList) items = o.items;
  else throw raise(TypeError, notSeq);
  if (items.length === 0) throw raise(ValueError, empty);
  const out: string[] = [];
  for (const it of items) out.push(fsBytes(it));
  if (out[0] === '') throw raise(ValueError, firstEmpty);
  return out;
}
/** execve's env as NAME=VALUE byte strings; a name with '=' (or none) is refused as CPython does. */
function envOf(env: PyObject): string[] {
  if (env instanceof PyTuple || env instanceof PyList || env instanceof PyStr || env instanceof PyBytes || lookupType(env.cls, 'keys') === null) {
    throw raise(TypeError, 'execve: environment must be a mapping object');
  }
  const keys = iterToArray(callObj(getAttr(env, 'keys'), [], null));
  const out: string[] = [];
  for (const k of keys) {
    const name = fsBytes(k);
    if (name === '' || name.indexOf('=') >= 0) throw raise(ValueError, 'illegal environment variable name');
    const v = callObj(getAttr(env, '__getitem__'), [k], null);
    out.push(name + '=' + fsBytes(v));
  }
  return out;
}
function doExec(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const isVe = id === B.POSIX2_EXECVE;
  const fn = isVe ? 'execve' : 'execv';
  const path = pathBytes(fn, needArg(fn, args, kw, 0, 'path'));
  const argv = isVe
    ? argvOf(needArg(fn, args, kw, 1, 'argv'), 'execve: argv must not be empty', 'execve: argv first element cannot be empty', 'execve: argv must be a tuple or list')
    : argvOf(needArg(fn, args, kw, 1, 'argv'), 'execv() arg 2 must not be empty', 'execv() arg 2 first element cannot be empty', 'execv() arg 2 must be a tuple or list');
  const env = isVe ? envOf(needArg(fn, args, kw, 2, 'env')) : [];
  let data = path + '\0';
  for (const a of argv) data += a + '\0';
  for (const e of env) data += e + '\0';
  flushStdout();
  osCall(OP_EXEC, [argv.length, env.length, isVe ? 1 : 0], data);
  return None; // exec returns only by failing
}
function registerAtFork(args: PyObject[], kw: string[] | null): PyObject {
  if (npos(args, kw) > 0) throw raise(TypeError, 'register_at_fork() takes no positional arguments');
  const names: string[] = ['before', 'after_in_child', 'after_in_parent'];
  const lists: PyObject[][] = [AT_FORK.before, AT_FORK.inChild, AT_FORK.inParent];
  const got: (PyObject | null)[] = [];
  for (const n of names) got.push(kwArg(args, kw, n));
  if (got[0] === null && got[1] === null && got[2] === null) throw raise(TypeError, 'At least one argument is required.');
  for (let i = 0; i < 3; i++) {
    const f = got[i];
    if (f !== null && lookupType(f.cls, '__call__') === null) throw raise(TypeError, `'${names[i]}' must be callable, not ${typeName(f)}`);
  }
  for (let i = 0; i < 3; i++) {
    const f = got[i];
    if (f !== null) lists[i].push(f);
  }
  return None;
}
function runHook(f: PyObject): void {
  try {
    callObj(f, [], null);
  } catch (e) {
    if (!(e instanceof PyExc)) throw e;
    writeUnraisable(e.exc, 'Exception ignored in fork hook', f);
  }
}
function floatOf(ticks: int, perSecond: int): PyObject {
  return newFloat(toFloat(ticks) / toFloat(perSecond));
}
const SETID_NAMES: string[] = ['setuid', 'setgid', 'seteuid', 'setegid', 'setreuid', 'setregid'];

export function callPosixProc(id: int, args: PyObject[], kw: string[] | null): PyObject {
  if (id >= B.POSIX2_CLOSERANGE && id <= B.POSIX2_DEVICE_ENCODING) return callPosixFiles(id, args, kw);
  switch (id) {
    case B.POSIX2_REGISTER_AT_FORK:
      return registerAtFork(args, kw);
    case B.POSIX2_FORK: {
      // as CPython: the before hooks last registered first, the after hooks in order; their
      // exceptions are reported and ignored
      for (let i = AT_FORK.before.length - 1; i >= 0; i--) runHook(AT_FORK.before[i]);
      flushStdout();
      const pid = osCall(OP_FORK, [], '')[0];
      for (const f of pid === 0 ? AT_FORK.inChild : AT_FORK.inParent) runHook(f);
      return newInt(pid);
    }
    case B.POSIX2_EXECV:
    case B.POSIX2_EXECVE:
      return doExec(id, args, kw);
    case B.POSIX2_UMASK:
      return newInt(osCall(OP_UMASK, [intOf(needArg('umask', args, kw, 0, 'mask'))], '')[0]);
    case B.POSIX2_TIMES: {
      const t = osCall(OP_TIMES, [], '');
      const vals: PyObject[] = [];
      for (let i = 0; i < 5; i++) vals.push(floatOf(t[i], t[5]));
      return new PyStructSeq(TIMES_RESULT, vals);
    }
    case B.POSIX2_CPU_COUNT: {
      // None when the OS does not say, as CPython
      const r = os.call(OP_CPU_COUNT, [], '');
      return r === null || r[0] < 1 ? None : newInt(r[0]);
    }
    case B.POSIX2_GETUID:
    case B.POSIX2_GETEUID:
    case B.POSIX2_GETGID:
    case B.POSIX2_GETEGID:
      return newInt(osCall(OP_GETIDS, [], '')[id - B.POSIX2_GETUID]);
    case B.POSIX2_GETGROUPS: {
      const out: PyObject[] = [];
      for (const g of osCall(OP_GETGROUPS, [], '')) out.push(newInt(g));
      return newList(out);
    }
    case B.POSIX2_SETUID:
    case B.POSIX2_SETGID:
    case B.POSIX2_SETEUID:
    case B.POSIX2_SETEGID:
    case B.POSIX2_SETREUID:
    case B.POSIX2_SETREGID: {
      const which = id - B.POSIX2_SETUID;
      const fn = SETID_NAMES[which];
      const two = which >= 4;
      const n = npos(args, kw);
      if (kw !== null && kw.length > 0) throw raise(TypeError, `${fn}() takes no keyword arguments`);
      if (n !== (two ? 2 : 1)) throw raise(TypeError, two ? `${fn} expected 2 arguments, got ${n}` : `${fn}() takes exactly one argument (${n} given)`);
      const what = which % 2 === 0 ? 'uid' : 'gid';
      const a = idOf(args[0], what);
      const b = two ? idOf(args[1], what) : 0;
      if (!two && a === -1) throw raise(OverflowErrorT, `${what} is less than minimum`);
      osCall(OP_SETID, [which, a, b], '');
      return None;
    }
  }
  throw unhandledBuiltin('posix', id);
}
