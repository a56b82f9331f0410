// builtins.aiter() and builtins.anext() (Python 3.10+), as CPython 3.11's bltinmodule.c and
// Objects/iterobject.c: aiter(o) is o.__aiter__() checked to be an async iterator; anext(it) is
// it.__anext__() as it is, and anext(it, default) wraps that awaitable in an anext_awaitable,
// which passes send/throw/close through to its iterator and turns the StopAsyncIteration that
// ends the iteration into StopIteration(default), the await's value.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyExc, newBuiltinType, raise, TypeError, StopAsyncIteration } from '../objects/core.ts';
import { dictSetS } from '../objects/dict.ts';
import { B, FAM_EXCGEN } from './ids.ts';
import { npos, defMethod, mkBuiltin, unhandledBuiltin } from './args.ts';
import { lookupType, typeName, callObj, isInstance } from '../interpreter/runtime.ts';
import { VM } from '../interpreter/state.ts';
import { getAwaitable, isCoroutine, PyCoroWrapper } from '../interpreter/coroutines.ts';
import { PyGenerator } from '../interpreter/frame.ts';
import { stopIteration } from '../interpreter/eval.ts';

export const anextAwaitableType = newBuiltinType('anext_awaitable');

/** What anext(aiterator, default) returns. */
export class PyANextAwaitable extends PyObject {
  /** the awaitable aiterator.__anext__() returned */
  wrapped: PyObject;
  dflt: PyObject;
  constructor(wrapped: PyObject, dflt: PyObject) {
    super(anextAwaitableType);
    this.wrapped = wrapped;
    this.dflt = dflt;
  }
}

/** builtins.aiter and anext, and anext_awaitable's methods. */
export function initANext(): void {
  for (const name of ['aiter', 'anext']) {
    const b = mkBuiltin(name, name === 'aiter' ? B.EXCGEN_AITER : B.EXCGEN_ANEXT, false, FAM_EXCGEN);
    b.module = 'builtins';
    dictSetS(VM.builtins, name, b);
  }
  const t = anextAwaitableType;
  defMethod(t, '__await__', B.EXCGEN_ANEXT_SELF, FAM_EXCGEN);
  defMethod(t, '__iter__', B.EXCGEN_ANEXT_SELF, FAM_EXCGEN);
  defMethod(t, '__next__', B.EXCGEN_ANEXT_NEXT, FAM_EXCGEN);
  defMethod(t, 'send', B.EXCGEN_ANEXT_SEND, FAM_EXCGEN);
  defMethod(t, 'throw', B.EXCGEN_ANEXT_THROW, FAM_EXCGEN);
  defMethod(t, 'close', B.EXCGEN_ANEXT_CLOSE, FAM_EXCGEN);
}

function isAsyncIterator(o: PyObject): boolean {
  return lookupType(o.cls, '__anext__') !== null;
}

/** aiter(o): o.__aiter__(), which must be an async iterator. */
function aiter(o: PyObject): PyObject {
  const m = lookupType(o.cls, '__aiter__');
  if (m === null) throw raise(TypeError, `'${typeName(o)}' object is not an async iterable`);
  const it = callObj(m, [o], null);
  if (!isAsyncIterator(it)) throw raise(TypeError, `aiter() returned not an async iterator of type '${typeName(it)}'`);
  return it;
}

/** anext(it[, default]). */
function anext(args: PyObject[], n: int): PyObject {
  const it = args[0];
  const m = lookupType(it.cls, '__anext__');
  if (m === null) throw raise(TypeError, `'${typeName(it)}' object is not an async iterator`);
  const awaitable = callObj(m, [it], null);
  return n === 1 ? awaitable : new PyANextAwaitable(awaitable, args[1]);
}

/** The iterator the awaitable runs, found anew at each step as CPython's anextawaitable_getiter:
 * a coroutine is driven through its __await__ wrapper (it has no __next__ of its own). */
function innerIter(a: PyANextAwaitable): PyObject {
  const it = getAwaitable(a.wrapped);
  if (isCoroutine(it)) return new PyCoroWrapper(it as PyGenerator);
  return it;
}

/** Calls it's method `name`; the StopAsyncIteration that ends the async iteration becomes
 * StopIteration(default). */
function proxy(a: PyANextAwaitable, name: string, args: PyObject[]): PyObject {
  const it = innerIter(a);
  const m = lookupType(it.cls, name);
  if (m === null) throw raise(TypeError, `'${typeName(it)}' object has no attribute '${name}'`);
  const callArgs: PyObject[] = [it];
  for (const x of args) callArgs.push(x);
  try {
    return callObj(m, callArgs, null);
  } catch (e) {
    if (e instanceof PyExc && isInstance(e.exc, StopAsyncIteration)) throw stopIteration(a.dflt);
    throw e;
  }
}

function self(args: PyObject[], name: string): PyANextAwaitable {
  const o = args.length > 0 ? args[0] : null;
  if (o === null || !(o instanceof PyANextAwaitable)) {
    const got = o === null ? 'nothing' : `a '${typeName(o)}' object`;
    throw raise(TypeError, `descriptor '${name}' for 'anext_awaitable' objects doesn't apply to ${got}`);
  }
  return o;
}

export function callANext(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  const hasKw = kw !== null && kw.length > 0;
  switch (id) {
    case B.EXCGEN_AITER:
      if (hasKw) throw raise(TypeError, 'aiter() takes no keyword arguments');
      if (n !== 1) throw raise(TypeError, `aiter() takes exactly one argument (${n} given)`);
      return aiter(args[0]);
    case B.EXCGEN_ANEXT:
      if (hasKw) throw raise(TypeError, 'anext() takes no keyword arguments');
      if (n < 1) throw raise(TypeError, `anext expected at least 1 argument, got ${n}`);
      if (n > 2) throw raise(TypeError, `anext expected at most 2 arguments, got ${n}`);
      return anext(args, n);
    case B.EXCGEN_ANEXT_SELF:
      return self(args, '__await__');
    case B.EXCGEN_ANEXT_NEXT:
      return proxy(self(args, '__next__'), '__next__', []);
    case B.EXCGEN_ANEXT_SEND:
      if (n !== 2) throw raise(TypeError, `anext_awaitable.send() takes exactly one argument (${n - 1} given)`);
      return proxy(self(args, 'send'), 'send', [args[1]]);
    case B.EXCGEN_ANEXT_THROW:
      return proxy(self(args, 'throw'), 'throw', args.slice(1, n));
    case B.EXCGEN_ANEXT_CLOSE:
      return proxy(self(args, 'close'), 'close', args.slice(1, n));
  }
  throw unhandledBuiltin('anext', id);
}
