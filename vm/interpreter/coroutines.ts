// Coroutines and async generators at the level Python code observes them. Both are PyGenerator
// frames (run by genSend/genThrow); this module holds the awaitable protocol (what `await`,
// `async for` and `async with` call) and the objects that drive an async generator one step.
import type { int } from '../../translate/rlib/index.ts';
import {
  PyObject,
  PyBaseExc,
  PyExc,
  None,
  objectType,
  coroutineType,
  coroWrapperType,
  asyncGenASendType,
  asyncGenAThrowType,
  raise,
  TypeError,
  RuntimeError,
  StopIteration,
  StopAsyncIteration,
  GeneratorExit,
  newExc,
} from '../objects/core.ts';
import { PyGenerator, delegateOf } from './frame.ts';
import { CO_ITERABLE_COROUTINE } from '../compiler/code.ts';
import { AWAIT_EXPR, AWAIT_AENTER } from '../compiler/opcodes.ts';
import { genSend, genThrow, stopIteration } from './eval.ts';
import { lookupType, typeName, callObj, isInstance, getAttr } from './runtime.ts';

/** What coroutine.__await__() returns: an iterator over the coroutine. */
export class PyCoroWrapper extends PyObject {
  coro: PyGenerator;
  constructor(coro: PyGenerator) {
    super(coroWrapperType);
    this.coro = coro;
  }
}

/** A value yielded by an async generator's own `yield` (ASYNC_GEN_WRAP), as opposed to one an
 * await inside it passes up to the event loop. Never reaches Python code. */
export class PyAsyncGenWrapped extends PyObject {
  value: PyObject;
  constructor(value: PyObject) {
    super(objectType);
    this.value = value;
  }
}

export const AG_SEND = 0;
export const AG_THROW = 1;
export const AG_CLOSE = 2;
const ST_INIT = 0;
const ST_ITER = 1;
const ST_DONE = 2;

/** The awaitable of agen.__anext__(), asend(v), athrow(exc) or aclose(): awaiting it runs the
 * generator to its next `yield` (the await's value), passing the awaits inside it up. */
export class PyAsyncGenOp extends PyObject {
  gen: PyGenerator;
  kind: int;
  /** the value sent first (AG_SEND) */
  value: PyObject;
  /** the exception thrown first (AG_THROW, AG_CLOSE) */
  exc: PyBaseExc | null;
  state: int = ST_INIT;
  constructor(gen: PyGenerator, kind: int, value: PyObject, exc: PyBaseExc | null) {
    super(kind === AG_SEND ? asyncGenASendType : asyncGenAThrowType);
    this.gen = gen;
    this.kind = kind;
    this.value = value;
    this.exc = exc;
  }
}

export function isCoroutine(o: PyObject): boolean {
  return o instanceof PyGenerator && o.cls === coroutineType;
}

/** The iterator `await o` runs: a coroutine itself, else what o.__await__() returns. */
export function getAwaitable(o: PyObject): PyObject {
  if (isCoroutine(o)) {
    return o;
  }
  // a generator marked by types.coroutine is awaitable as it is, as in CPython
  if (o instanceof PyGenerator && (o.frame.code.flags & CO_ITERABLE_COROUTINE) !== 0) return o;
  const m = lookupType(o.cls, '__await__');
  if (m === null) throw raise(TypeError, `object ${typeName(o)} can't be used in 'await' expression`);
  const it = callObj(m, [o], null);
  if (isCoroutine(it)) throw raise(TypeError, '__await__() returned a coroutine');
  if (!(it instanceof PyGenerator) && lookupType(it.cls, '__next__') === null) {
    throw raise(TypeError, `__await__() returned non-iterator of type '${typeName(it)}'`);
  }
  return it;
}

/** `await o` (GET_AWAITABLE): getAwaitable's iterator; a coroutine already suspended in an
 * await of its own is refused, as CPython's GET_AWAITABLE. */
export function awaitOperand(o: PyObject, where: int): PyObject {
  if (where !== AWAIT_EXPR && !isCoroutine(o) && lookupType(o.cls, '__await__') === null && !(o instanceof PyGenerator && (o.frame.code.flags & CO_ITERABLE_COROUTINE) !== 0)) {
    const from = where === AWAIT_AENTER ? '__aenter__' : '__aexit__';
    throw raise(TypeError, `'async with' received an object from ${from} that does not implement __await__: ${typeName(o)}`);
  }
  const it = getAwaitable(o);
  if (isCoroutine(it) && delegateOf(it as PyGenerator) !== null) throw raise(RuntimeError, 'coroutine is being awaited already');
  return it;
}

/** `async for`: o.__aiter__(), checked to have __anext__. */
export function getAIter(o: PyObject): PyObject {
  const m = lookupType(o.cls, '__aiter__');
  if (m === null) throw raise(TypeError, `'async for' requires an object with __aiter__ method, got ${typeName(o)}`);
  const it = callObj(m, [o], null);
  if (lookupType(it.cls, '__anext__') === null) {
    throw raise(TypeError, `'async for' received an object from __aiter__ that does not implement __anext__: ${typeName(it)}`);
  }
  return it;
}

/** `async for`: the awaitable of it.__anext__(). */
export function getANext(it: PyObject): PyObject {
  const m = lookupType(it.cls, '__anext__');
  if (m === null) throw raise(TypeError, `'async for' requires an iterator with __anext__ method, got ${typeName(it)}`);
  const a = callObj(m, [it], null);
  try {
    return getAwaitable(a);
  } catch (e) {
    if (!(e instanceof PyExc)) throw e;
    // what made it no awaitable is the cause, as CPython's _PyErr_FormatFromCause
    const err = newExc(TypeError, `'async for' received an invalid object from __anext__: ${typeName(a)}`);
    err.cause = e.exc;
    err.context = e.exc;
    err.suppressContext = true;
    throw new PyExc(err);
  }
}

/** `async with`: the bound mgr.__aexit__, after checking the protocol (the caller then
 * calls __aenter__ through getAsyncEnter). */
export function asyncWithExit(mgr: PyObject): PyObject {
  const enter = lookupType(mgr.cls, '__aenter__');
  if (enter === null) throw raise(TypeError, `'${typeName(mgr)}' object does not support the asynchronous context manager protocol`);
  if (lookupType(mgr.cls, '__aexit__') === null) {
    throw raise(TypeError, `'${typeName(mgr)}' object does not support the asynchronous context manager protocol (missed __aexit__ method)`);
  }
  return getAttr(mgr, '__aexit__');
}
/** `async with`: mgr.__aenter__(), which GET_AWAITABLE then awaits. */
export function asyncEnter(mgr: PyObject): PyObject {
  return callObj(lookupType(mgr.cls, '__aenter__') as PyObject, [mgr], null);
}

/** One step of an async generator operation: v sent, or exc thrown, into op. Returns what the
 * generator passes up from an await; raises StopIteration(value) when it yields value (the
 * operation's result) and StopAsyncIteration when it returns. */
export function asyncGenStep(op: PyAsyncGenOp, v: PyObject, exc: PyBaseExc | null): PyObject {
  if (op.state === ST_DONE) {
    const what = op.kind === AG_SEND ? '__anext__()/asend()' : 'aclose()/athrow()';
    throw raise(RuntimeError, `cannot reuse already awaited ${what}`);
  }
  const g = op.gen;
  let r: PyObject | null;
  try {
    if (exc !== null) r = genThrow(g, exc);
    else if (op.state === ST_INIT && op.kind !== AG_SEND) {
      op.state = ST_ITER;
      if (g.finished || g.frame.pc === 0) {
        // nothing to throw into: a closed (or never started) generator stays closed
        g.finished = true;
        r = null;
      } else r = genThrow(g, op.exc as PyBaseExc);
    } else {
      const first = op.state === ST_INIT;
      op.state = ST_ITER;
      r = genSend(g, first && v === None ? op.value : v);
    }
  } catch (e) {
    op.state = ST_DONE;
    if (e instanceof PyExc && op.kind === AG_CLOSE && (isInstance(e.exc, GeneratorExit) || isInstance(e.exc, StopAsyncIteration))) {
      throw stopIteration(None);
    }
    throw e;
  }
  if (r === null) {
    op.state = ST_DONE;
    if (op.kind === AG_CLOSE) throw stopIteration(None);
    throw new PyExc(new PyBaseExc(StopAsyncIteration));
  }
  if (r instanceof PyAsyncGenWrapped) {
    op.state = ST_DONE;
    if (op.kind === AG_CLOSE) throw raise(RuntimeError, 'async generator ignored GeneratorExit');
    throw stopIteration(r.value);
  }
  return r;
}

/** The value a StopIteration carries (None without args). */
export function stopValue(e: PyBaseExc): PyObject {
  return isInstance(e, StopIteration) && e.args.length > 0 ? e.args[0] : None;
}
