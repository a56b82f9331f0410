// The _thread module for a VM that runs one thread: locks and re-entrant locks with CPython's
// semantics and errors, thread identity, thread-local objects (plain objects, there being one
// thread). Starting a thread raises RuntimeError; so does a blocking acquire that no other
// thread could ever end (CPython would hang in that deadlock).
import type { int, float } from '../../translate/rlib/index.ts';
import { os } from '../../translate/rlib/index.ts';
import {
  PyObject, PyModule, PyType, PyNative, PyInt, PyTuple, PyBaseExc, PyExc, newInt, newFloat,
  newTuple, raise, None, True, False, RuntimeError, ValueError, TypeError, SystemExit, OverflowErrorT, L_NONE, L_OBJECT, bigOf,
} from '../objects/core.ts';
import { dictSetS } from '../objects/dict.ts';
import { B, FAM_THREAD } from '../builtins/ids.ts';
import { npos, arg, defMethod, mkBuiltin, unhandledBuiltin } from '../builtins/args.ts';
import { newModuleType, newBuiltinModule, addFn } from './registry.ts';
import { runAppLevel } from './applevel.ts';
import { truthy, typeName } from '../interpreter/runtime.ts';
import { toFloatValue } from '../builtins/dispatch.ts';
import { sleepSeconds } from './time.ts';
import { structSeqType, PyStructSeq } from './structseq.ts';
import { getAttrOrNull, str } from '../interpreter/runtime.ts';
import { writeSysStderr, exceptionText } from '../report.ts';

/** what threading.excepthook receives */
const EXCEPTHOOK_ARGS = structSeqType('_thread', '_ExceptHookArgs', ['exc_type', 'exc_value', 'exc_traceback', 'thread'], 4, []);

/** The one thread's identity (CPython's is the pthread id: any non-zero int). */
const MAIN_IDENT = 1;
/** CPython's _thread.TIMEOUT_MAX on 64-bit Linux. */
const TIMEOUT_MAX: float = 9223372036.0;

const LOCK_TYPE = newModuleType('_thread', 'lock', L_NONE);
const RLOCK_TYPE = newModuleType('_thread', 'RLock', L_NONE);
// thread-local data: with one thread, an ordinary object with attributes (subclassable)
const LOCAL_TYPE = newModuleType('_thread', '_local', L_OBJECT);
for (const t of [LOCK_TYPE, RLOCK_TYPE]) {
  defMethod(t, 'acquire', B.THREAD_LOCK_ACQUIRE, FAM_THREAD);
  defMethod(t, 'release', B.THREAD_LOCK_RELEASE, FAM_THREAD);
  defMethod(t, '__enter__', B.THREAD_LOCK_ACQUIRE, FAM_THREAD);
  defMethod(t, '__exit__', B.THREAD_LOCK_EXIT, FAM_THREAD);
  defMethod(t, '_at_fork_reinit', B.THREAD_LOCK_REINIT, FAM_THREAD);
}
defMethod(LOCK_TYPE, 'acquire_lock', B.THREAD_LOCK_ACQUIRE, FAM_THREAD);
defMethod(LOCK_TYPE, 'release_lock', B.THREAD_LOCK_RELEASE, FAM_THREAD);
defMethod(LOCK_TYPE, 'locked', B.THREAD_LOCK_LOCKED, FAM_THREAD);
defMethod(LOCK_TYPE, 'locked_lock', B.THREAD_LOCK_LOCKED, FAM_THREAD);
defMethod(RLOCK_TYPE, '_is_owned', B.THREAD_RLOCK_IS_OWNED, FAM_THREAD);
defMethod(RLOCK_TYPE, '_recursion_count', B.THREAD_RLOCK_COUNT, FAM_THREAD);
defMethod(RLOCK_TYPE, '_release_save', B.THREAD_RLOCK_RELEASE_SAVE, FAM_THREAD);
defMethod(RLOCK_TYPE, '_acquire_restore', B.THREAD_RLOCK_ACQUIRE_RESTORE, FAM_THREAD);
RLOCK_TYPE.dict.set('__new__', mkBuiltin('__new__', B.THREAD_RLOCK_NEW, false, FAM_THREAD));

export class PyLock extends PyNative {
  reentrant: boolean;
  /** times acquired: 0 or 1 for a lock, the recursion depth for an RLock */
  count: int = 0;
  owner: int = 0;
  constructor(reentrant: boolean) {
    super(reentrant ? RLOCK_TYPE : LOCK_TYPE);
    this.reentrant = reentrant;
  }
  override nativeRepr(): string {
    const state = this.count > 0 ? 'locked' : 'unlocked';
    if (this.reentrant) return `<${state} _thread.RLock object owner=${this.owner} count=${this.count}>`;
    return `<${state} _thread.lock object>`;
  }
}

function lockOf(o: PyObject): PyLock {
  if (!(o instanceof PyLock)) throw raise(TypeError, `descriptor requires a '_thread.lock' object but received '${typeName(o)}'`);
  return o;
}

/** acquire(blocking=True, timeout=-1) with CPython's argument checks. */
function acquire(l: PyLock, args: PyObject[], kw: string[] | null): PyObject {
  const b = arg(args, kw, 1, 'blocking');
  const t = arg(args, kw, 2, 'timeout');
  const blocking = b === null || truthy(b);
  let timeout: float = -1.0;
  if (t !== null && t !== None) timeout = toFloatValue(t);
  if (!blocking && timeout !== -1.0) throw raise(ValueError, "can't specify a timeout for a non-blocking call");
  if (timeout < 0.0 && timeout !== -1.0) throw raise(ValueError, 'timeout value must be positive');
  if (timeout > TIMEOUT_MAX) throw raise(OverflowErrorT, 'timeout value is too large');
  if (l.count === 0 || (l.reentrant && l.owner === MAIN_IDENT)) {
    l.count++;
    l.owner = MAIN_IDENT;
    return True;
  }
  if (!blocking) return False;
  if (timeout > 0.0) {
    // no other thread can release it: the wait runs out, as CPython's would
    sleepSeconds(timeout);
    return False;
  }
  if (timeout === 0.0) return False;
  throw raise(RuntimeError, 'deadlock: acquiring a lock this thread holds, which no other thread can release (pyvm runs one thread)');
}
function release(l: PyLock): void {
  if (l.count === 0 || (l.reentrant && l.owner !== MAIN_IDENT)) {
    throw raise(RuntimeError, l.reentrant ? 'cannot release un-acquired lock' : 'release unlocked lock');
  }
  l.count--;
  if (l.count === 0) l.owner = 0;
}

export function makeThread(): PyModule {
  const m = newBuiltinModule('_thread');
  addFn(m, 'allocate_lock', B.THREAD_ALLOCATE_LOCK, FAM_THREAD);
  addFn(m, 'allocate', B.THREAD_ALLOCATE_LOCK, FAM_THREAD);
  addFn(m, '_set_sentinel', B.THREAD_ALLOCATE_LOCK, FAM_THREAD);
  addFn(m, 'get_ident', B.THREAD_GET_IDENT, FAM_THREAD);
  addFn(m, 'get_native_id', B.THREAD_GET_NATIVE_ID, FAM_THREAD);
  addFn(m, 'start_new_thread', B.THREAD_START_NEW, FAM_THREAD);
  addFn(m, 'start_new', B.THREAD_START_NEW, FAM_THREAD);
  addFn(m, '_count', B.THREAD_COUNT, FAM_THREAD);
  addFn(m, 'stack_size', B.THREAD_STACK_SIZE, FAM_THREAD);
  addFn(m, 'exit', B.THREAD_EXIT, FAM_THREAD);
  addFn(m, 'exit_thread', B.THREAD_EXIT, FAM_THREAD);
  addFn(m, 'daemon_threads_allowed', B.THREAD_DAEMON_ALLOWED, FAM_THREAD);
  dictSetS(m.dict, 'LockType', LOCK_TYPE);
  dictSetS(m.dict, 'RLock', RLOCK_TYPE);
  dictSetS(m.dict, '_local', LOCAL_TYPE);
  dictSetS(m.dict, 'error', RuntimeError);
  dictSetS(m.dict, 'TIMEOUT_MAX', newFloat(TIMEOUT_MAX));
  addFn(m, '_excepthook', B.THREAD_EXCEPTHOOK, FAM_THREAD);
  dictSetS(m.dict, '_ExceptHookArgs', EXCEPTHOOK_ARGS.type);
  runAppLevel(m, THREAD_SOURCE, '_thread');
  return m;
}

/** The functions of _thread that are plain Python over other modules. */
const THREAD_SOURCE = String.raw`
def interrupt_main(signum=2, /):
    import _signal
    _signal._trip(signum)
`;

export function callThread(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  switch (id) {
    case B.THREAD_ALLOCATE_LOCK:
      return new PyLock(false);
    case B.THREAD_RLOCK_NEW:
      return new PyLock(true);
    case B.THREAD_GET_IDENT:
      return newInt(MAIN_IDENT);
    case B.THREAD_GET_NATIVE_ID:
      return newInt(os.getpid());
    case B.THREAD_START_NEW:
      throw raise(RuntimeError, "can't start new thread: pyvm runs one thread");
    case B.THREAD_COUNT:
      return newInt(0);
    case B.THREAD_STACK_SIZE: {
      if (n > 0) {
        const s = args[0];
        if (!(s instanceof PyInt)) throw raise(TypeError, `'${typeName(s)}' object cannot be interpreted as an integer`);
        if (s.v !== 0 && (s.v < 32768 || bigOf(s) !== null)) throw raise(ValueError, 'size not valid: 32768 bytes');
      }
      return newInt(0);
    }
    case B.THREAD_EXIT:
      throw new PyExc(new PyBaseExc(SystemExit));
    case B.THREAD_DAEMON_ALLOWED:
      return True;
    case B.THREAD_EXCEPTHOOK:
      return threadExcepthook(n > 0 ? args[0] : None);
    case B.THREAD_LOCK_ACQUIRE:
      return acquire(lockOf(args[0]), args, kw);
    case B.THREAD_LOCK_RELEASE:
      release(lockOf(args[0]));
      return None;
    case B.THREAD_LOCK_EXIT:
      release(lockOf(args[0]));
      return False;
    case B.THREAD_LOCK_LOCKED:
      return lockOf(args[0]).count > 0 ? True : False;
    case B.THREAD_LOCK_REINIT: {
      const l = lockOf(args[0]);
      l.count = 0;
      l.owner = 0;
      return None;
    }
    case B.THREAD_RLOCK_IS_OWNED: {
      const l = lockOf(args[0]);
      return l.count > 0 && l.owner === MAIN_IDENT ? True : False;
    }
    case B.THREAD_RLOCK_COUNT: {
      const l = lockOf(args[0]);
      return newInt(l.owner === MAIN_IDENT ? l.count : 0);
    }
    case B.THREAD_RLOCK_RELEASE_SAVE: {
      const l = lockOf(args[0]);
      if (l.count === 0) throw raise(RuntimeError, 'cannot release un-acquired lock');
      const state = newTuple([newInt(l.count), newInt(l.owner)]);
      l.count = 0;
      l.owner = 0;
      return state;
    }
    case B.THREAD_RLOCK_ACQUIRE_RESTORE: {
      const l = lockOf(args[0]);
      const items = tupleItems(args[1]);
      l.count = items.length === 2 && items[0] instanceof PyInt ? (items[0] as PyInt).v : 1;
      l.owner = items.length === 2 && items[1] instanceof PyInt ? (items[1] as PyInt).v : MAIN_IDENT;
      return None;
    }
  }
  throw unhandledBuiltin('_thread function', id);
}
function tupleItems(o: PyObject): PyObject[] {
  if (!(o instanceof PyTuple)) throw raise(TypeError, `_acquire_restore expects a tuple, not ${typeName(o)}`);
  return o.items;
}

/** _thread._excepthook(args): "Exception in thread NAME:" and the traceback on stderr; a
 * SystemExit is silent (threading.excepthook). */
function threadExcepthook(a: PyObject): PyObject {
  if (!(a instanceof PyStructSeq) || a.st !== EXCEPTHOOK_ARGS) throw raise(TypeError, '_thread._excepthook argument type must be ExceptHookArgs');
  const excType = a.values[0];
  const exc = a.values[1];
  if (excType === SystemExit) return None;
  const thread = a.values[3];
  const nameO = thread === None ? null : getAttrOrNull(thread, 'name');
  const name = nameO === null || nameO === None ? String(MAIN_IDENT) : str(nameO);
  writeSysStderr(`Exception in thread ${name}:\n` + (exc instanceof PyBaseExc ? exceptionText(exc) : ''));
  return None;
}
