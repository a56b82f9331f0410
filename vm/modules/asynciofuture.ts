// _asyncio's Future (CPython's Modules/_asynciomodule.c, 3.11): the state of a future and of a
// task kept natively, the callbacks scheduled through the loop's call_soon, and the iterator that
// `await fut` / `yield from fut` runs. Task's step is in asynciotask.ts, the module in asyncio.ts.
// Future and Task are ordinary classes (as _io's types are) so that Python subclasses keep
// attributes, with instances PyFuture / PyTask made by their shared __new__.
import type { int } from '../../translate/rlib/index.ts';
import {
  PyObject, PyType, PyInstance, PyNative, PyBaseExc, PyExc, PyProperty, typeType, objectType, propertyType,
  newStr, newInt, newDict, newTuple, newList, newBool, None, True, False, raise, TypeError, RuntimeError, ValueError,
  StopIteration, BaseException, L_NONE, tracebackType,
} from '../objects/core.ts';
import { B, FAM_ASYNCIO } from '../builtins/ids.ts';
import { npos, arg, kwArg, defMethod, mkBuiltin, unhandledBuiltin } from '../builtins/args.ts';
import { newModuleType, newModuleClass } from './registry.ts';
import { addClassGetItem } from '../builtins/genericalias.ts';
import { copyCurrentContext } from './contextvars.ts';
import { importName } from '../interpreter/importer.ts';
import { callObj, getAttr, isInstance, isSubtype, pyEq, truthy, typeName } from '../interpreter/runtime.ts';
import { stopIteration } from '../interpreter/eval.ts';

export const ST_PENDING = 0;
export const ST_CANCELLED = 1;
export const ST_FINISHED = 2;
const STATE_NAMES: string[] = ['PENDING', 'CANCELLED', 'FINISHED'];

export const FUTURE_TYPE = newModuleClass('_asyncio', 'Future', null);
export const TASK_TYPE = newModuleClass('_asyncio', 'Task', FUTURE_TYPE);
const FUTURE_ITER_TYPE = newModuleType('_asyncio', 'FutureIter', L_NONE);

export class PyFuture extends PyInstance {
  /** null: made by __new__ and not yet through __init__ (CPython's "not initialized") */
  loop: PyObject | null = null;
  state: int = ST_PENDING;
  result: PyObject = None;
  exception: PyBaseExc | null = null;
  /** the pending callbacks and the context each runs in */
  callbacks: PyObject[] = [];
  contexts: PyObject[] = [];
  blocking: boolean = false;
  logTraceback: boolean = false;
  cancelMsg: PyObject = None;
  /** the CancelledError that cancelled it, reused by the next _make_cancelled_error */
  cancelledExc: PyBaseExc | null = null;
  sourceTraceback: PyObject = None;
}
export class PyTask extends PyFuture {
  coro: PyObject = None;
  context: PyObject = None;
  name: PyObject = None;
  mustCancel: boolean = false;
  futWaiter: PyObject = None;
  numCancelsRequested: int = 0;
  logDestroyPending: boolean = true;
}

/** The iterator of `await fut`: yields the future while it is pending, then returns its result. */
export class PyFutureIter extends PyNative {
  fut: PyFuture | null;
  constructor(fut: PyFuture) {
    super(FUTURE_ITER_TYPE);
    this.fut = fut;
  }
}

function prop(t: PyType, name: string, get: int, set: int): void {
  const g = mkBuiltin(name, get, false, FAM_ASYNCIO);
  const s = set === B.NONE ? null : mkBuiltin(name, set, false, FAM_ASYNCIO);
  t.dict.set(name, new PyProperty(propertyType, g, s, null));
}
function meths(t: PyType, names: string[], ids: int[]): void {
  for (let i = 0; i < names.length; i++) defMethod(t, names[i], ids[i], FAM_ASYNCIO);
}
FUTURE_TYPE.dict.set('__new__', mkBuiltin('__new__', B.ASYNCIO_FUT_NEW, false, FAM_ASYNCIO));
meths(FUTURE_TYPE,
  ['__init__', 'result', 'exception', 'set_result', 'set_exception', 'add_done_callback', 'remove_done_callback', 'cancel', 'cancelled', 'done', 'get_loop', '_make_cancelled_error', '__repr__', '__await__', '__iter__'],
  [B.ASYNCIO_FUT_INIT, B.ASYNCIO_FUT_RESULT, B.ASYNCIO_FUT_EXCEPTION, B.ASYNCIO_FUT_SET_RESULT, B.ASYNCIO_FUT_SET_EXCEPTION, B.ASYNCIO_FUT_ADD_DONE_CALLBACK, B.ASYNCIO_FUT_REMOVE_DONE_CALLBACK, B.ASYNCIO_FUT_CANCEL, B.ASYNCIO_FUT_CANCELLED, B.ASYNCIO_FUT_DONE, B.ASYNCIO_FUT_GET_LOOP, B.ASYNCIO_FUT_MAKE_CANCELLED_ERROR, B.ASYNCIO_FUT_REPR, B.ASYNCIO_FUT_AWAIT, B.ASYNCIO_FUT_AWAIT]);
prop(FUTURE_TYPE, '_state', B.ASYNCIO_FUT_STATE, B.NONE);
prop(FUTURE_TYPE, '_asyncio_future_blocking', B.ASYNCIO_FUT_BLOCKING, B.ASYNCIO_FUT_SET_BLOCKING);
prop(FUTURE_TYPE, '_loop', B.ASYNCIO_FUT_LOOP, B.NONE);
prop(FUTURE_TYPE, '_callbacks', B.ASYNCIO_FUT_CALLBACKS, B.NONE);
prop(FUTURE_TYPE, '_result', B.ASYNCIO_FUT_RESULT_ATTR, B.NONE);
prop(FUTURE_TYPE, '_exception', B.ASYNCIO_FUT_EXCEPTION_ATTR, B.NONE);
prop(FUTURE_TYPE, '_log_traceback', B.ASYNCIO_FUT_LOG_TB, B.ASYNCIO_FUT_SET_LOG_TB);
prop(FUTURE_TYPE, '_source_traceback', B.ASYNCIO_FUT_SOURCE_TB, B.NONE);
prop(FUTURE_TYPE, '_cancel_message', B.ASYNCIO_FUT_CANCEL_MSG, B.ASYNCIO_FUT_SET_CANCEL_MSG);
addClassGetItem(FUTURE_TYPE);
meths(FUTURE_ITER_TYPE, ['__next__', '__iter__', 'send', 'throw', 'close'],
  [B.ASYNCIO_FUTITER_NEXT, B.ASYNCIO_FUTITER_ITER, B.ASYNCIO_FUTITER_SEND, B.ASYNCIO_FUTITER_THROW, B.ASYNCIO_FUTITER_CLOSE]);

/** The Python-level helpers _asyncio calls (CPython's module state), resolved on first use
 * because they live in the asyncio package that imports _asyncio. */
class AsyncioHelpers {
  cancelledError: PyType | null = null;
  invalidStateError: PyType | null = null;
  /** per run: the number of the last task named Task-N */
  taskCounter: int = 0;
}
export const HELPERS = new AsyncioHelpers();

/** attribute `name` of module `mod` (importing it). */
export function moduleAttr(mod: string, name: string): PyObject {
  return getAttr(importName(mod, True, 0, newDict()), name);
}
function excType(name: string): PyType {
  const t = moduleAttr('asyncio.exceptions', name);
  if (!(t instanceof PyType)) throw raise(TypeError, `asyncio.exceptions.${name} is not a class`);
  return t;
}
export function cancelledErrorType(): PyType {
  if (HELPERS.cancelledError === null) HELPERS.cancelledError = excType('CancelledError');
  return HELPERS.cancelledError as PyType;
}
function invalidState(msg: string): PyExc {
  if (HELPERS.invalidStateError === null) HELPERS.invalidStateError = excType('InvalidStateError');
  return raise(HELPERS.invalidStateError as PyType, msg);
}

/** The future self is, checked to be initialized (CPython's ENSURE_FUTURE_ALIVE). */
export function aliveFuture(o: PyObject): PyFuture {
  const f = selfFuture(o);
  if (f.loop === null) throw raise(RuntimeError, 'Future object is not initialized.');
  return f;
}
/** result() and exception() of a future not initialized raise InvalidStateError, as CPython's. */
function initializedFuture(o: PyObject): PyFuture {
  const f = selfFuture(o);
  if (f.loop === null) throw invalidState('Future object is not initialized.');
  return f;
}
export function selfFuture(o: PyObject): PyFuture {
  if (o instanceof PyFuture) return o;
  throw raise(TypeError, `descriptor requires a '_asyncio.Future' object but received a '${typeName(o)}'`);
}

/** Future.__init__ (also the first part of Task.__init__): resets the state and binds the loop. */
export function futureInit(f: PyFuture, loopArg: PyObject | null): void {
  f.state = ST_PENDING;
  f.result = None;
  f.exception = null;
  f.callbacks = [];
  f.contexts = [];
  f.blocking = false;
  f.logTraceback = false;
  f.cancelMsg = None;
  f.cancelledExc = null;
  f.sourceTraceback = None;
  const loop = loopArg === null || loopArg === None ? callObj(moduleAttr('asyncio.events', 'get_event_loop'), [], null) : loopArg;
  f.loop = loop;
  if (truthy(callObj(getAttr(loop, 'get_debug'), [], null))) {
    // the stack where the future was made: its last frame is the Python code that made it (this
    // builtin has no frame)
    f.sourceTraceback = callObj(moduleAttr('traceback', 'extract_stack'), [], null);
  }
}

/** Asks the loop to run each callback with the future, each in its own context; clears them. */
function scheduleCallbacks(f: PyFuture): void {
  const cbs = f.callbacks;
  const ctxs = f.contexts;
  f.callbacks = [];
  f.contexts = [];
  if (cbs.length === 0) return;
  const callSoon = getAttr(f.loop as PyObject, 'call_soon');
  for (let i = 0; i < cbs.length; i++) callObj(callSoon, [cbs[i], f, ctxs[i]], ['context']);
}
export function futureSetResult(f: PyFuture, v: PyObject): void {
  if (f.state !== ST_PENDING) throw invalidState('invalid state');
  f.result = v;
  f.state = ST_FINISHED;
  scheduleCallbacks(f);
}
export function futureSetException(f: PyFuture, excIn: PyObject): void {
  if (f.state !== ST_PENDING) throw invalidState('invalid state');
  let exc = excIn;
  if (exc instanceof PyType && isSubtype(exc, BaseException)) {
    exc = callObj(exc, [], null);
    if (f.state !== ST_PENDING) throw invalidState('invalid state');
  }
  if (!(exc instanceof PyBaseExc)) throw raise(TypeError, 'invalid exception object');
  if (exc.cls === StopIteration) throw raise(TypeError, 'StopIteration interacts badly with generators and cannot be raised into a Future');
  f.exception = exc;
  f.state = ST_FINISHED;
  scheduleCallbacks(f);
  f.logTraceback = true;
}
export function futureCancel(f: PyFuture, msg: PyObject): boolean {
  f.logTraceback = false;
  if (f.state !== ST_PENDING) return false;
  f.state = ST_CANCELLED;
  f.cancelMsg = msg;
  scheduleCallbacks(f);
  return true;
}
/** The CancelledError to raise for a cancelled future (the one that cancelled it, once). */
export function makeCancelledError(f: PyFuture): PyBaseExc {
  const saved = f.cancelledExc;
  if (saved !== null) {
    f.cancelledExc = null;
    return saved;
  }
  const args: PyObject[] = [];
  if (f.cancelMsg !== None) args.push(f.cancelMsg);
  const e = callObj(cancelledErrorType(), args, null);
  if (!(e instanceof PyBaseExc)) throw raise(TypeError, 'CancelledError() did not make an exception');
  return e;
}
/** result(): the value, or the exception it finished with raised. */
export function futureResult(f: PyFuture): PyObject {
  if (f.state === ST_CANCELLED) throw new PyExc(makeCancelledError(f));
  if (f.state !== ST_FINISHED) throw invalidState('Result is not set.');
  f.logTraceback = false;
  if (f.exception !== null) throw new PyExc(f.exception as PyBaseExc);
  return f.result;
}
export function futureAddDoneCallback(f: PyFuture, fn: PyObject, ctxIn: PyObject | null): void {
  const ctx = ctxIn === null || ctxIn === None ? copyCurrentContext() : ctxIn;
  if (f.state !== ST_PENDING) {
    callObj(getAttr(f.loop as PyObject, 'call_soon'), [fn, f, ctx], ['context']);
    return;
  }
  f.callbacks.push(fn);
  f.contexts.push(ctx);
}

/** The Future methods and attributes (Task's own are in asynciotask.ts). */
export function callFuture(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  switch (id) {
    case B.ASYNCIO_FUT_NEW: {
      const cls = args[0];
      if (!(cls instanceof PyType) || !isSubtype(cls, FUTURE_TYPE)) throw raise(TypeError, `Future.__new__(X): X is not a subtype of _asyncio.Future`);
      return isSubtype(cls, TASK_TYPE) ? new PyTask(cls) : new PyFuture(cls);
    }
    case B.ASYNCIO_FUT_INIT: {
      const f = selfFuture(args[0]);
      if (n > 1) throw raise(TypeError, `Future.__init__() takes 0 positional arguments but ${n - 1} were given`);
      futureInit(f, kwArg(args, kw, 'loop'));
      return None;
    }
    case B.ASYNCIO_FUT_RESULT:
      return futureResult(initializedFuture(args[0]));
    case B.ASYNCIO_FUT_EXCEPTION: {
      const f = initializedFuture(args[0]);
      if (f.state === ST_CANCELLED) throw new PyExc(makeCancelledError(f));
      if (f.state !== ST_FINISHED) throw invalidState('Exception is not set.');
      f.logTraceback = false;
      return f.exception === null ? None : f.exception;
    }
    case B.ASYNCIO_FUT_SET_RESULT:
      if (n !== 2) throw raise(TypeError, `set_result() takes exactly one argument (${n - 1} given)`);
      futureSetResult(aliveFuture(args[0]), args[1]);
      return None;
    case B.ASYNCIO_FUT_SET_EXCEPTION:
      if (n !== 2) throw raise(TypeError, `set_exception() takes exactly one argument (${n - 1} given)`);
      futureSetException(aliveFuture(args[0]), args[1]);
      return None;
    case B.ASYNCIO_FUT_ADD_DONE_CALLBACK: {
      const f = selfFuture(args[0]);
      if (f.loop === null) throw raise(RuntimeError, 'uninitialized Future object');
      if (n !== 2) throw raise(TypeError, `add_done_callback() takes exactly 1 positional argument (${n - 1} given)`);
      futureAddDoneCallback(f, args[1], kwArg(args, kw, 'context'));
      return None;
    }
    case B.ASYNCIO_FUT_REMOVE_DONE_CALLBACK: {
      const f = aliveFuture(args[0]);
      if (n !== 2) throw raise(TypeError, `remove_done_callback() takes exactly one argument (${n - 1} given)`);
      const keepCb: PyObject[] = [];
      const keepCtx: PyObject[] = [];
      let removed = 0;
      // the list is read as it was: a comparison that changes it does not skip or repeat items
      const cbs = f.callbacks;
      const ctxs = f.contexts;
      for (let i = 0; i < cbs.length; i++) {
        if (pyEq(cbs[i], args[1])) removed++;
        else {
          keepCb.push(cbs[i]);
          keepCtx.push(ctxs[i]);
        }
      }
      if (removed > 0) {
        f.callbacks = keepCb;
        f.contexts = keepCtx;
      }
      return newInt(removed);
    }
    case B.ASYNCIO_FUT_CANCEL: {
      const f = aliveFuture(args[0]);
      const msg = arg(args, kw, 1, 'msg');
      return futureCancel(f, msg === null ? None : msg) ? True : False;
    }
    case B.ASYNCIO_FUT_CANCELLED: {
      const f = selfFuture(args[0]);
      return newBool(f.state === ST_CANCELLED);
    }
    case B.ASYNCIO_FUT_DONE: {
      const f = selfFuture(args[0]);
      return newBool(f.loop !== null && f.state !== ST_PENDING);
    }
    case B.ASYNCIO_FUT_GET_LOOP:
      return aliveFuture(args[0]).loop as PyObject;
    case B.ASYNCIO_FUT_MAKE_CANCELLED_ERROR:
      return makeCancelledError(selfFuture(args[0]));
    case B.ASYNCIO_FUT_REPR:
      return callObj(moduleAttr('asyncio.base_futures', '_future_repr'), [selfFuture(args[0])], null);
    case B.ASYNCIO_FUT_AWAIT:
      return new PyFutureIter(aliveFuture(args[0]));
    case B.ASYNCIO_FUT_STATE:
      return newStr(STATE_NAMES[aliveFuture(args[0]).state]);
    case B.ASYNCIO_FUT_BLOCKING:
      return selfFuture(args[0]).blocking ? True : False;
    case B.ASYNCIO_FUT_SET_BLOCKING:
      selfFuture(args[0]).blocking = truthy(args[1]);
      return None;
    case B.ASYNCIO_FUT_LOOP: {
      const f = selfFuture(args[0]);
      return f.loop === null ? None : f.loop as PyObject;
    }
    case B.ASYNCIO_FUT_CALLBACKS: {
      const f = aliveFuture(args[0]);
      if (f.callbacks.length === 0) return None;
      const items: PyObject[] = [];
      for (let i = 0; i < f.callbacks.length; i++) items.push(newTuple([f.callbacks[i], f.contexts[i]]));
      return newList(items);
    }
    case B.ASYNCIO_FUT_RESULT_ATTR:
      return aliveFuture(args[0]).result;
    case B.ASYNCIO_FUT_EXCEPTION_ATTR: {
      const e = aliveFuture(args[0]).exception;
      return e === null ? None : e;
    }
    case B.ASYNCIO_FUT_LOG_TB:
      return aliveFuture(args[0]).logTraceback ? True : False;
    case B.ASYNCIO_FUT_SET_LOG_TB: {
      const f = selfFuture(args[0]);
      if (truthy(args[1])) throw raise(ValueError, '_log_traceback can only be set to False');
      f.logTraceback = false;
      return None;
    }
    case B.ASYNCIO_FUT_SOURCE_TB:
      return selfFuture(args[0]).sourceTraceback;
    case B.ASYNCIO_FUT_CANCEL_MSG:
      return selfFuture(args[0]).cancelMsg;
    case B.ASYNCIO_FUT_SET_CANCEL_MSG:
      selfFuture(args[0]).cancelMsg = args[1];
      return None;
  }
  return callFutureIter(id, args, kw);
}

function selfIter(o: PyObject): PyFutureIter {
  if (o instanceof PyFutureIter) return o;
  throw raise(TypeError, `descriptor requires a '_asyncio.FutureIter' object but received a '${typeName(o)}'`);
}
/** One step of `await fut`: the future while it is pending (once), else its result as the
 * StopIteration that ends the await. */
function futureIterNext(it: PyFutureIter): PyObject {
  const f = it.fut;
  if (f === null) throw new PyExc(new PyBaseExc(StopIteration));
  if (f.state === ST_PENDING) {
    if (!f.blocking) {
      f.blocking = true;
      return f;
    }
    throw raise(RuntimeError, "await wasn't used with future");
  }
  it.fut = null;
  throw stopIteration(futureResult(f));
}
function callFutureIter(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  const it = selfIter(args[0]);
  switch (id) {
    case B.ASYNCIO_FUTITER_NEXT:
      return futureIterNext(it);
    case B.ASYNCIO_FUTITER_ITER:
      return it;
    case B.ASYNCIO_FUTITER_SEND:
      // the value sent is ignored: the await's value is the future's result
      if (n !== 2) throw raise(TypeError, `send() takes exactly one argument (${n - 1} given)`);
      return futureIterNext(it);
    case B.ASYNCIO_FUTITER_THROW: {
      if (n < 2 || n > 4) throw raise(TypeError, `throw expected at least 1 argument, got ${n - 1}`);
      const typ = args[1];
      const val = n > 2 ? args[2] : None;
      if (n > 3 && args[3] !== None && args[3].cls !== tracebackType) throw raise(TypeError, 'throw() third argument must be a traceback');
      let exc: PyBaseExc;
      if (typ instanceof PyType && isSubtype(typ, BaseException)) {
        const made = val === None ? callObj(typ, [], null) : val instanceof PyBaseExc && isInstance(val, typ) ? val : callObj(typ, [val], null);
        if (!(made instanceof PyBaseExc)) throw raise(TypeError, 'calling the exception class did not make an exception');
        exc = made;
      } else if (typ instanceof PyBaseExc) {
        if (val !== None) throw raise(TypeError, 'instance exception may not have a separate value');
        exc = typ;
      } else {
        throw raise(TypeError, `exceptions must be classes deriving BaseException or instances of such a class`);
      }
      it.fut = null;
      throw new PyExc(exc);
    }
    case B.ASYNCIO_FUTITER_CLOSE:
      it.fut = null;
      return None;
  }
  throw unhandledBuiltin('_asyncio.Future method', id);
}
