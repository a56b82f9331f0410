// _asyncio's Task (CPython's Modules/_asynciomodule.c, 3.11): a future that drives a coroutine,
// one step per call of its __step from the loop: send (or throw) into the coroutine, then wait
// on the future it yields (woken by __wakeup, a done callback) or finish with what it returned
// or raised. Also the registry of tasks (_register_task, _enter_task, ...) the step uses.
import type { int } from '../../translate/rlib/index.ts';
import {
  PyObject, PyType, PyBaseExc, PyExc, PyBoundMethod, PyDict, PyStr, PyProperty, propertyType, methodType, generatorType, coroutineType, newStr, newInt,
  None, True, False, raise, TypeError, RuntimeError, StopIteration, KeyboardInterrupt, SystemExit, BaseException,
} from '../objects/core.ts';
import { dictGet, dictSet, dictDel } from '../objects/dict.ts';
import { B, FAM_ASYNCIO } from '../builtins/ids.ts';
import { npos, arg, kwArg, defMethod, mkBuiltin, unhandledBuiltin } from '../builtins/args.ts';
import { copyCurrentContext } from './contextvars.ts';
import { PyGenerator } from '../interpreter/frame.ts';
import { genSend, genThrow } from '../interpreter/eval.ts';
import { stopValue } from '../interpreter/coroutines.ts';
import { callObj, getAttr, getAttrOrNull, lookupAttr, setAttr, isInstance, isSubtype, repr, str, truthy, typeName } from '../interpreter/runtime.ts';
import {
  PyFuture, PyTask, FUTURE_TYPE, TASK_TYPE, ST_PENDING, HELPERS, moduleAttr, cancelledErrorType, aliveFuture, futureInit, futureResult,
  futureSetResult, futureSetException, futureCancel, futureAddDoneCallback, makeCancelledError,
} from './asynciofuture.ts';

function meths(t: PyType, names: string[], ids: int[]): void {
  for (let i = 0; i < names.length; i++) defMethod(t, names[i], ids[i], FAM_ASYNCIO);
}
meths(TASK_TYPE,
  ['__init__', '__repr__', 'get_coro', 'get_name', 'set_name', 'set_result', 'set_exception', 'get_stack', 'print_stack', 'cancel', 'cancelling', 'uncancel'],
  [B.ASYNCIO_TASK_INIT, B.ASYNCIO_TASK_REPR, B.ASYNCIO_TASK_GET_CORO, B.ASYNCIO_TASK_GET_NAME, B.ASYNCIO_TASK_SET_NAME, B.ASYNCIO_TASK_SET_RESULT, B.ASYNCIO_TASK_SET_EXCEPTION, B.ASYNCIO_TASK_GET_STACK, B.ASYNCIO_TASK_PRINT_STACK, B.ASYNCIO_TASK_CANCEL, B.ASYNCIO_TASK_CANCELLING, B.ASYNCIO_TASK_UNCANCEL]);
function prop(t: PyType, name: string, get: int, set: int): void {
  const g = mkBuiltin(name, get, false, FAM_ASYNCIO);
  const s = set === B.NONE ? null : mkBuiltin(name, set, false, FAM_ASYNCIO);
  t.dict.set(name, new PyProperty(propertyType, g, s, null));
}
prop(TASK_TYPE, '_must_cancel', B.ASYNCIO_TASK_MUST_CANCEL, B.NONE);
prop(TASK_TYPE, '_coro', B.ASYNCIO_TASK_CORO, B.NONE);
prop(TASK_TYPE, '_fut_waiter', B.ASYNCIO_TASK_FUT_WAITER, B.NONE);
prop(TASK_TYPE, '_log_destroy_pending', B.ASYNCIO_TASK_LOG_DESTROY_PENDING, B.ASYNCIO_TASK_SET_LOG_DESTROY_PENDING);
// the step and wakeup callbacks the task hands the loop, bound to it; not attributes of Task (as
// CPython's TaskStepMethWrapper and task_wakeup are not)
const STEP: PyObject = mkBuiltin('__step', B.ASYNCIO_TASK_STEP, false, FAM_ASYNCIO);
const WAKEUP: PyObject = mkBuiltin('__wakeup', B.ASYNCIO_TASK_WAKEUP, false, FAM_ASYNCIO);

/** The tasks of the run: all of them (a weakref.WeakSet, as CPython's) and the one each running
 * loop is stepping now. */
class TaskRegistry {
  allTasks: PyObject = None;
  currentTasks: PyDict | null = null;
}
export const TASKS = new TaskRegistry();

export function registerTask(t: PyObject): void {
  callObj(getAttr(TASKS.allTasks, 'add'), [t], null);
}
export function unregisterTask(t: PyObject): void {
  callObj(getAttr(TASKS.allTasks, 'discard'), [t], null);
}
export function enterTask(loop: PyObject, t: PyObject): void {
  const cur = TASKS.currentTasks as PyDict;
  const item = dictGet(cur, loop);
  if (item !== null) throw raise(RuntimeError, `Cannot enter into task ${repr(t)} while another task ${repr(item)} is being executed.`);
  dictSet(cur, loop, t);
}
export function leaveTask(loop: PyObject, t: PyObject): void {
  const cur = TASKS.currentTasks as PyDict;
  const item = dictGet(cur, loop);
  if (item !== t) throw raise(RuntimeError, `Leaving task ${repr(t)} does not match the current task ${repr(item === null ? None : item)}.`);
  dictDel(cur, loop);
}

function selfTask(o: PyObject): PyTask {
  if (o instanceof PyTask) return o;
  throw raise(TypeError, `descriptor requires a '_asyncio.Task' object but received a '${typeName(o)}'`);
}
/** Asks the loop to run task's next step (throwing exc into its coroutine, if not null). */
function callStepSoon(t: PyTask, exc: PyObject | null): void {
  const args: PyObject[] = [new PyBoundMethod(methodType, STEP, t)];
  if (exc !== null) args.push(exc);
  args.push(t.context);
  callObj(getAttr(t.loop as PyObject, 'call_soon'), args, ['context']);
}
function isCoroutineObject(o: PyObject): boolean {
  if (o instanceof PyGenerator && o.cls === coroutineType) return true;
  return truthy(callObj(moduleAttr('asyncio.coroutines', 'iscoroutine'), [o], null));
}

function taskInit(t: PyTask, args: PyObject[], kw: string[] | null): void {
  const n = npos(args, kw);
  const coro = arg(args, kw, 1, 'coro');
  if (coro === null) throw raise(TypeError, "Task.__init__() missing required argument 'coro' (pos 1)");
  if (n > 2) throw raise(TypeError, `Task.__init__() takes at most 1 positional argument (${n - 1} given)`);
  futureInit(t, kwArg(args, kw, 'loop'));
  if (!isCoroutineObject(coro)) {
    t.logDestroyPending = false;
    throw raise(TypeError, `a coroutine was expected, got ${repr(coro)}`);
  }
  const ctx = kwArg(args, kw, 'context');
  t.context = ctx === null || ctx === None ? copyCurrentContext() : ctx;
  t.mustCancel = false;
  t.logDestroyPending = true;
  t.numCancelsRequested = 0;
  t.futWaiter = None;
  t.coro = coro;
  const name = kwArg(args, kw, 'name');
  if (name === null || name === None) {
    HELPERS.taskCounter++;
    t.name = newStr(`Task-${HELPERS.taskCounter}`);
  } else t.name = name instanceof PyStr ? name : newStr(str(name));
  callStepSoon(t, null);
  registerTask(t);
}

/** Task.__step: one step of the coroutine, with the task entered as its loop's current one. */
function taskStep(t: PyTask, excIn: PyObject | null): void {
  if (t.state !== ST_PENDING) {
    throw invalidStepState(t, excIn);
  }
  let exc = excIn;
  if (t.mustCancel) {
    if (exc === null || !isInstance(exc, cancelledErrorType())) exc = makeCancelledError(t);
    t.mustCancel = false;
  }
  t.futWaiter = None;
  const loop = t.loop as PyObject;
  enterTask(loop, t);
  try {
    stepCoro(t, exc);
  } finally {
    leaveTask(loop, t);
  }
}
function invalidStepState(t: PyTask, exc: PyObject | null): PyExc {
  return callObjExc(moduleAttr('asyncio.exceptions', 'InvalidStateError'), `_step(): already done: ${repr(t)}, ${repr(exc === null ? None : exc)}`);
}
function callObjExc(cls: PyObject, msg: string): PyExc {
  const e = callObj(cls, [newStr(msg)], null);
  if (e instanceof PyBaseExc) return new PyExc(e);
  return raise(TypeError, 'exceptions must derive from BaseException');
}

/** Sends into (or throws exc into) the coroutine and acts on what it yields, returns or raises. */
function stepCoro(t: PyTask, exc: PyObject | null): void {
  const coro = t.coro;
  let yielded: PyObject | null = null;
  let retval: PyObject = None;
  try {
    if (coro instanceof PyGenerator) {
      yielded = exc === null ? genSend(coro, None) : genThrow(coro, asException(exc));
      if (yielded === null) retval = coro.retval;
    } else if (exc === null) {
      yielded = callObj(getAttr(coro, 'send'), [None], null);
    } else {
      yielded = callObj(getAttr(coro, 'throw'), [exc], null);
    }
  } catch (e) {
    if (!(e instanceof PyExc)) throw e;
    const err = e.exc as PyBaseExc;
    if (isInstance(err, StopIteration)) {
      yielded = null;
      retval = stopValue(err);
    } else if (isInstance(err, cancelledErrorType())) {
      // the coroutine let CancelledError out: the task is cancelled, by that very exception
      t.cancelledExc = err;
      futureCancel(t, None);
      return;
    } else {
      futureSetException(t, err);
      if (isInstance(err, KeyboardInterrupt) || isInstance(err, SystemExit)) throw e;
      return;
    }
  }
  if (yielded === null) {
    if (t.mustCancel) {
      // cancelled after the coroutine's last await: the task ends cancelled, not with the value
      t.mustCancel = false;
      futureCancel(t, t.cancelMsg);
    } else futureSetResult(t, retval);
    return;
  }
  onYield(t, yielded);
}
function asException(o: PyObject): PyBaseExc {
  if (o instanceof PyBaseExc) return o;
  if (o instanceof PyType && isSubtype(o, BaseException)) {
    const e = callObj(o, [], null);
    if (e instanceof PyBaseExc) return e;
  }
  throw raise(TypeError, 'exceptions must be classes or instances deriving from BaseException, not ' + typeName(o));
}

/** What the coroutine yielded: a future to wait for (woken by __wakeup), None (a bare yield:
 * step again soon), or a mistake, thrown back into it on its next step. */
function onYield(t: PyTask, r: PyObject): void {
  const blocking = getAttrOrNull(r, '_asyncio_future_blocking');
  if (blocking !== null && blocking !== None) {
    const rLoop = isExactFuture(r) ? aliveFuture(r).loop as PyObject : loopOf(r);
    if (rLoop !== t.loop) {
      callStepSoon(t, runtimeError(`Task ${repr(t)} got Future ${repr(r)} attached to a different loop`));
    } else if (truthy(blocking)) {
      if (r === t) {
        callStepSoon(t, runtimeError(`Task cannot await on itself: ${repr(t)}`));
        return;
      }
      const wakeup = new PyBoundMethod(methodType, WAKEUP, t);
      if (r instanceof PyFuture && isExactFuture(r)) {
        r.blocking = false;
        futureAddDoneCallback(r, wakeup, t.context);
      } else {
        setAttr(r, '_asyncio_future_blocking', False);
        callObj(getAttr(r, 'add_done_callback'), [wakeup, t.context], ['context']);
      }
      t.futWaiter = r;
      if (t.mustCancel) {
        if (truthy(callObj(getAttr(r, 'cancel'), [t.cancelMsg], ['msg']))) t.mustCancel = false;
      }
    } else {
      callStepSoon(t, runtimeError(`yield was used instead of yield from in task ${repr(t)} with ${repr(r)}`));
    }
    return;
  }
  if (r === None) {
    callStepSoon(t, null);
    return;
  }
  if (r instanceof PyGenerator && r.cls === generatorType) {
    callStepSoon(t, runtimeError(`yield was used instead of yield from for generator in task ${repr(t)} with ${repr(r)}`));
    return;
  }
  callStepSoon(t, runtimeError(`Task got bad yield: ${repr(r)}`));
}
/** Whether o is exactly a Future or a Task, whose methods the step may run natively; a subclass's
 * may be overridden, so they are called (as CPython's Future_CheckExact / Task_CheckExact). */
function isExactFuture(o: PyObject): boolean {
  return o.cls === FUTURE_TYPE || o.cls === TASK_TYPE;
}
/** futures._get_loop: a future-like object's loop (get_loop() where it has one; a get_loop that
 * raises AttributeError counts as none, as in CPython's get_future_loop). */
function loopOf(fut: PyObject): PyObject {
  const gl = lookupAttr(fut, 'get_loop');
  if (gl !== null) return callObj(gl, [], null);
  return getAttr(fut, '_loop');
}
function runtimeError(msg: string): PyObject {
  return raise(RuntimeError, msg).exc;
}

/** Task.__wakeup: the awaited future is done; step with its result (or its exception thrown). */
function taskWakeup(t: PyTask, fut: PyObject): void {
  let exc: PyObject | null = null;
  try {
    if (fut instanceof PyFuture && isExactFuture(fut)) futureResult(fut);
    else callObj(getAttr(fut, 'result'), [], null);
  } catch (e) {
    if (!(e instanceof PyExc)) throw e;
    exc = e.exc;
  }
  taskStep(t, exc);
}

export function callTask(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  const t = selfTask(args[0]);
  switch (id) {
    case B.ASYNCIO_TASK_INIT:
      taskInit(t, args, kw);
      return None;
    case B.ASYNCIO_TASK_REPR:
      return callObj(moduleAttr('asyncio.base_tasks', '_task_repr'), [t], null);
    case B.ASYNCIO_TASK_GET_CORO:
      return t.coro;
    case B.ASYNCIO_TASK_GET_NAME:
      return t.name;
    case B.ASYNCIO_TASK_SET_NAME: {
      if (n !== 2) throw raise(TypeError, `set_name() takes exactly one argument (${n - 1} given)`);
      const v = args[1];
      t.name = v instanceof PyStr ? v : newStr(str(v));
      return None;
    }
    case B.ASYNCIO_TASK_SET_RESULT:
      throw raise(RuntimeError, 'Task does not support set_result operation');
    case B.ASYNCIO_TASK_SET_EXCEPTION:
      throw raise(RuntimeError, 'Task does not support set_exception operation');
    case B.ASYNCIO_TASK_GET_STACK: {
      if (n > 1) throw raise(TypeError, `get_stack() takes no positional arguments`);
      const limit = kwArg(args, kw, 'limit');
      return callObj(moduleAttr('asyncio.base_tasks', '_task_get_stack'), [t, limit === null ? None : limit], null);
    }
    case B.ASYNCIO_TASK_PRINT_STACK: {
      if (n > 1) throw raise(TypeError, `print_stack() takes no positional arguments`);
      const limit = kwArg(args, kw, 'limit');
      const file = kwArg(args, kw, 'file');
      return callObj(moduleAttr('asyncio.base_tasks', '_task_print_stack'), [t, limit === null ? None : limit, file === null ? None : file], null);
    }
    case B.ASYNCIO_TASK_CANCEL: {
      const msgA = arg(args, kw, 1, 'msg');
      const msg = msgA === null ? None : msgA;
      t.logTraceback = false;
      if (t.state !== ST_PENDING) return False;
      t.numCancelsRequested++;
      if (t.futWaiter !== None) {
        if (truthy(callObj(getAttr(t.futWaiter, 'cancel'), [msg], ['msg']))) return True;
      }
      t.mustCancel = true;
      t.cancelMsg = msg;
      return True;
    }
    case B.ASYNCIO_TASK_CANCELLING:
      return newInt(t.numCancelsRequested);
    case B.ASYNCIO_TASK_UNCANCEL:
      if (t.numCancelsRequested > 0) t.numCancelsRequested--;
      return newInt(t.numCancelsRequested);
    case B.ASYNCIO_TASK_STEP: {
      const exc = n > 1 ? args[1] : kwArg(args, kw, 'exc');
      taskStep(t, exc === null || exc === None ? null : exc);
      return None;
    }
    case B.ASYNCIO_TASK_WAKEUP:
      if (n !== 2) throw raise(TypeError, `__wakeup() takes exactly one argument (${n - 1} given)`);
      taskWakeup(t, args[1]);
      return None;
    case B.ASYNCIO_TASK_MUST_CANCEL:
      return t.mustCancel ? True : False;
    case B.ASYNCIO_TASK_CORO:
      return t.coro;
    case B.ASYNCIO_TASK_FUT_WAITER:
      return t.futWaiter;
    case B.ASYNCIO_TASK_LOG_DESTROY_PENDING:
      return t.logDestroyPending ? True : False;
    case B.ASYNCIO_TASK_SET_LOG_DESTROY_PENDING:
      t.logDestroyPending = truthy(args[1]);
      return None;
  }
  throw unhandledBuiltin('_asyncio.Task method', id);
}
