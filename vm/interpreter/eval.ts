// The bytecode interpreter: frame evaluation, calls into Python functions, generators.
import type { int } from '../../translate/rlib/index.ts';
import { OverflowError as HostOverflow, MemoryError as HostMemoryError, toFloat, floorDiv, floorMod, os, weak } from '../../translate/rlib/index.ts';
import {
  PyObject, PyType, PyInstance, PyBaseExc, PyInt, PyStr, PyList, PyTuple, PyDict, PySet, PyCell, PyModule, PyBuiltin,
  PySlice, PySeqIter, PyExc, TbEntry, PySuper, PyRange, HOLD, None, True, False, NULL_OBJ, cellType, sliceType, setType, frozensetType, typeType,
  objectType, newInt, newStr, newBool, newList, newTuple, newDict, raise, newExc, TypeError, NameError,
  UnboundLocalError, RecursionError, RuntimeError, StopIteration, GeneratorExit, ValueError, ImportError, AssertionError,
  EMPTY_TUPLE, listType, intType, boolType, PyFloat, OverflowErrorT,
  MemoryError, PyBoundMethod, floatType, strType, SMALL, rangeType, dictType,
  tupleType, generatorType, coroutineType, asyncGeneratorType, StopAsyncIteration, KeyError, moduleType, L_NONE, bigOf,
} from '../objects/core.ts';
import { PyCode, CO_VARARGS, CO_VARKW, CO_GENERATOR, CO_COROUTINE, CO_ITERABLE_COROUTINE, CO_ASYNC_GENERATOR, cacheAt } from '../compiler/code.ts';
import { PyCoroWrapper, PyAsyncGenWrapped, PyAsyncGenOp, asyncGenStep, getAwaitable, awaitOperand, getAIter, getANext, asyncWithExit, asyncEnter, stopValue } from './coroutines.ts';
import { Op, RERAISE_AT_RAISE, LIST_EXTEND_CALL } from '../compiler/opcodes.ts';
import { sliceGetFast, sliceSetFast } from './slicing.ts';
import { fastCall1, fastCall2, fastMethod0, fastMethod1, fastMethod2, fastRange, fastType1 } from './fastcalls.ts';
import { icReset, icProbe, loadAttrIC, loadMethodIC, storeAttrIC, globalIC, ctorKind, CTOR_INIT, CTOR_BARE, mappingLookup, loadNameLocal } from './caches.ts';
import { PyFunction, Frame, PyGenerator, EMPTY, delegateOf, makeFunction, NO_PARTS } from './frame.ts';
import { runWeakCallbacks } from '../modules/weakref.ts';
import { runFinalizers } from '../modules/finalize.ts';
import { intAdd, intSub, intMul, intBitOp, intRshift, intMod, intFloorDiv, intIsZero, productFits } from '../objects/intops.ts';
import { maskedTailEnd, maskedTailValue } from './maskedtail.ts';
import { VM, writeOut, topExc, builtinsOf } from './state.ts';
import { handleInterrupt } from '../modules/signal.ts';
import { displayExpr } from '../modules/syshooks.ts';
import {
  getAttr, setAttr, delAttr, callObj, binaryOp, unaryOp, richCompare, truthy, getItem, setItem, delItem,
  contains, getIter, iterNext, iterToArray, exceptMatches, setImplicitContext, makeException, lookupType, isInstance, repr, str, getAttrOrNull,
  IT_LIST, IT_RANGE, IT_EXHAUSTED, typeName, isSubtype, computeMro, getIterOrNull, pyLen,
  genericSetAttr, setHas,
} from './runtime.ts';
import { dictGetStr, dictSet, dictDel, dictGet, dictSetS, dictGetS, dictKeys, dictHas, findPlainInt, NOT_PLAIN } from '../objects/dict.ts';
import { formatValue, asciiRepr } from '../builtins/format.ts';
import { importName, importFrom, importStar } from './importer.ts';
import { exceptStarMatch, prepReraiseStar } from '../builtins/excgroup.ts';
import * as A from '../parser/ast.ts';

/** How CPython's call errors name a callee (_PyObject_FunctionStr): "module.qualname()", without
 * the module for builtins, or str(callee) when it has no __qualname__. */
function functionStr(fn: PyObject): string {
  const q = getAttrOrNull(fn, '__qualname__');
  if (q === null) return str(fn);
  const m = getAttrOrNull(fn, '__module__');
  if (m !== null && m !== None && !(m instanceof PyStr && m.s === 'builtins')) return `${str(m)}.${str(q)}()`;
  return `${str(q)}()`;
}
function unboundLocal(name: string): PyExc {
  return raise(UnboundLocalError, `cannot access local variable '${name}' where it is not associated with a value`);
}
function nameError(name: string): PyExc {
  const e = raise(NameError, `name '${name}' is not defined`);
  genericSetAttr(e.exc, 'name', newStr(name));
  return e;
}

/** Binds call arguments into a frame for fn (its spare frame when it has one: the general
 * binding of keywords, *args and **kwargs, and the cells, go into it as into a new one). */
function makeFrame(fn: PyFunction, args: PyObject[], kwnames: string[] | null): Frame {
  const code = fn.code;
  const f = frameFor(fn);
  const fast = f.fast;
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  const argcount = code.argcount;
  const hasVarargs = (code.flags & CO_VARARGS) !== 0;
  const hasVarkw = (code.flags & CO_VARKW) !== 0;
  const n = npos < argcount ? npos : argcount;
  for (let i = 0; i < n; i++) fast[i] = args[i];
  let extraIdx = argcount + code.kwonly;
  if (hasVarargs) {
    const extra: PyObject[] = [];
    for (let i = argcount; i < npos; i++) extra.push(args[i]);
    fast[extraIdx] = newTuple(extra);
    extraIdx++;
  }
  let kwdict: PyDict | null = null;
  if (hasVarkw) {
    kwdict = newDict();
    fast[extraIdx] = kwdict;
  }
  if (kwnames !== null) {
    const total = argcount + code.kwonly;
    for (let k = 0; k < kwnames.length; k++) {
      const name = kwnames[k];
      const v = args[npos + k];
      let idx = -1;
      for (let i = code.posonly; i < total; i++) {
        if (code.varnames[i] === name) {
          idx = i;
          break;
        }
      }
      if (idx >= 0) {
        if (fast[idx] !== null) throw raise(TypeError, `${fn.qualname}() got multiple values for argument '${name}'`);
        fast[idx] = v;
      } else if (kwdict !== null) {
        dictSetS(kwdict, name, v);
      } else {
        throw unexpectedKeyword(fn, name, kwnames);
      }
    }
  }
  // checked after the keywords, as CPython's ceval does: a bad keyword is reported first, and
  // the message counts the keyword-only arguments the keywords gave
  if (!hasVarargs && npos > argcount) throw tooManyPositional(fn, npos, fast);
  if (npos < argcount) {
    const nd = fn.defaults.length;
    const firstDefault = argcount - nd;
    const missing: string[] = [];
    for (let i = npos; i < argcount; i++) {
      if (fast[i] === null) {
        if (i >= firstDefault) fast[i] = fn.defaults[i - firstDefault];
        else missing.push(code.varnames[i]);
      }
    }
    if (missing.length > 0) throw missingArgs(fn, missing, 'positional');
  }
  if (code.kwonly > 0) {
    const missing: string[] = [];
    for (let i = argcount; i < argcount + code.kwonly; i++) {
      if (fast[i] === null) {
        const kd = fn.kwdefaults;
        const d = kd === null ? null : dictGetS(kd, code.varnames[i]);
        if (d !== null) fast[i] = d;
        else missing.push(code.varnames[i]);
      }
    }
    if (missing.length > 0) throw missingArgs(fn, missing, 'keyword-only');
  }
  if (code.cellvars.length > 0 || code.freevars.length > 0) {
    const cells: PyCell[] = [];
    for (let i = 0; i < code.cellvars.length; i++) {
      const a = code.cell2arg[i];
      cells.push(new PyCell(cellType, a >= 0 ? fast[a] : null));
    }
    for (const c of fn.closure) cells.push(c);
    f.cells = cells;
  }
  return f;
}
/** CPython's error for keyword `name` that fn has no parameter for: when some keywords name
 * positional-only parameters, all of those (in parameter order), else the unexpected one. */
function unexpectedKeyword(fn: PyFunction, name: string, kwnames: string[]): PyExc {
  const code = fn.code;
  const posonly: string[] = [];
  for (let i = 0; i < code.posonly; i++) if (kwnames.includes(code.varnames[i])) posonly.push(code.varnames[i]);
  if (posonly.length > 0) {
    return raise(TypeError, `${fn.qualname}() got some positional-only arguments passed as keyword arguments: '${posonly.join(', ')}'`);
  }
  return raise(TypeError, `${fn.qualname}() got an unexpected keyword argument '${name}'`);
}
/** CPython's too_many_positional: npos positional arguments for fn that takes fewer (and no
 * *args); keyword-only arguments already bound from keywords are counted in the message. */
function tooManyPositional(fn: PyFunction, npos: int, fast: (PyObject | null)[]): PyExc {
  const code = fn.code;
  const argcount = code.argcount;
  let kwonlyGiven = 0;
  for (let i = argcount; i < argcount + code.kwonly; i++) if (fast[i] !== null) kwonlyGiven++;
  const nd = fn.defaults.length;
  const sig = nd > 0 ? `from ${argcount - nd} to ${argcount}` : `${argcount}`;
  const plural = nd > 0 || argcount !== 1 ? 's' : '';
  let kwonlySig = '';
  if (kwonlyGiven > 0) {
    kwonlySig = ` positional argument${npos !== 1 ? 's' : ''} (and ${kwonlyGiven} keyword-only argument${kwonlyGiven !== 1 ? 's' : ''})`;
  }
  const verb = npos === 1 && kwonlyGiven === 0 ? 'was' : 'were';
  return raise(TypeError, `${fn.qualname}() takes ${sig} positional argument${plural} but ${npos}${kwonlySig} ${verb} given`);
}
function missingArgs(fn: PyFunction, missing: string[], kind: string): PyExc {
  const quoted: string[] = [];
  for (const m of missing) quoted.push(`'${m}'`);
  let list = '';
  if (quoted.length === 1) list = quoted[0];
  else if (quoted.length === 2) list = quoted[0] + ' and ' + quoted[1];
  else list = quoted.slice(0, quoted.length - 1).join(', ') + ', and ' + quoted[quoted.length - 1];
  const s = missing.length === 1 ? '' : 's';
  return raise(TypeError, `${fn.qualname}() missing ${missing.length} required ${kind} argument${s}: ${list}`);
}

/** Nulls to copy a frame's locals from (one allocation of the right size). */
class Nulls {
  items: (PyObject | null)[] = [];
}
const NULLS = new Nulls();
for (let i = 0; i < 64; i++) NULLS.items.push(null);

/** A frame for a call of fn, locals all unset: one of fn's spare frames if it has one (a
 * generator function may keep several, linked through their back fields: releaseGenFrame). */
function frameFor(fn: PyFunction): Frame {
  const spare = fn.spare;
  if (spare !== null) {
    fn.spare = spare.back;
    if (fn.spares > 0) fn.spares--;
    spare.back = null;
    return spare;
  }
  return newFrame(fn);
}
/** A new frame for a call of fn, locals all unset (its closure's cells in place). */
function newFrame(fn: PyFunction): Frame {
  const code = fn.code;
  const n = code.varnames.length;
  let fast: (PyObject | null)[];
  if (n <= NULLS.items.length) fast = NULLS.items.slice(0, n);
  else {
    fast = [];
    for (let i = 0; i < n; i++) fast.push(null);
  }
  const f = new Frame(code, fn, fn.globals, null, fast);
  if (code.freevars.length > 0) f.cells = fn.closure;
  return f;
}
/** Makes f, which returned normally, fn's spare frame. Nothing else refers to it by then but a
 * finished generator (releaseGenFrame); a frame a traceback or a frame object saw is kept, and
 * one of code the function no longer has (after a __code__ assignment) is dropped. */
function releaseFrame(fn: PyFunction, f: Frame): void {
  if (f.code === fn.code && resetFrame(f)) fn.spare = f;
}
/** Readies f, which returned normally, for another call: locals unset (the next call needs
 * them so), value stack emptied. False when f escaped (a traceback or a frame object may show
 * it later): it then stays as it is, and is not to be reused. */
function resetFrame(f: Frame): boolean {
  if (f.escaped) return false;
  const fast = f.fast;
  for (let i = 0; i < fast.length; i++) fast[i] = null;
  // a spare frame's stale stack slots would keep the last call's values alive
  clearSlots(f.stack, 0, f.stack.length);
  f.sp = 0;
  if (f.blocks.length > 0) f.blocks.length = 0;
  f.pc = 0;
  f.back = null;
  // the cells a call made (makeFrame) are its own: the next call makes new ones, and the
  // spare frame must not keep these alive
  if (f.code.cellvars.length > 0) f.cells = EMPTY.cells;
  return true;
}
/** The most finished frames a generator function keeps (releaseGenFrame): a recursive
 * generator's nested generators finish one level after another, and are made again as many. */
const GEN_SPARES = 16;
/** Keeps the frame of generator or coroutine g, which has just returned, among its function's
 * spare frames (fn.spare, linked through their back fields), for genCall to take for the
 * function's next one: a recursive generator, one made in a loop, or asyncio's coroutines then
 * allocate no frame. g keeps the frame as its own, but a finished generator reads nothing of it
 * but its code, which is the function's (a frame of code the function no longer has is not
 * kept, and assigning __code__ drops the spare frames); it refuses send, throw and close before
 * looking at its frame. Async generators are left as they were. */
function releaseGenFrame(g: PyGenerator): void {
  const f = g.frame;
  const fn = f.fn;
  if ((g.cls !== generatorType && g.cls !== coroutineType) || fn === null || fn.spares >= GEN_SPARES || fn.code !== f.code || !resetFrame(f)) return;
  f.pendingThrow = null;
  f.pendingRaised = false;
  f.sink = null;
  f.kwnames = null;
  f.yielded = false;
  f.back = fn.spare;
  fn.spare = f;
  fn.spares++;
}
/** Binds positional args (no keywords) for simple fn when they fit its parameters and
 * defaults, or returns null for the general path. */
function simpleFrame(fn: PyFunction, args: PyObject[]): Frame | null {
  const code = fn.code;
  const n = args.length;
  const argcount = code.argcount;
  if (n > argcount || n < argcount - fn.defaults.length) return null;
  const f = frameFor(fn);
  const fast = f.fast;
  for (let i = 0; i < n; i++) fast[i] = args[i];
  if (n < argcount) {
    const first = argcount - fn.defaults.length;
    for (let i = n; i < argcount; i++) fast[i] = fn.defaults[i - first];
  }
  return f;
}

export function callFunction(fn: PyFunction, args: PyObject[], kwnames: string[] | null): PyObject {
  if (fn.simple && kwnames === null) {
    const sf = simpleFrame(fn, args);
    if (sf !== null) {
      const r = evalFrame(sf);
      releaseFrame(fn, sf);
      return r;
    }
  }
  const f = makeFrame(fn, args, kwnames);
  if ((fn.code.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) !== 0) return generatorOf(f);
  const r = evalFrame(f);
  releaseFrame(fn, f);
  return r;
}
/** The generator, coroutine or async generator of frame f (its code's flags say which). */
function generatorOf(f: Frame): PyGenerator {
  const flags = f.code.flags;
  const cls = (flags & CO_GENERATOR) !== 0 ? generatorType : (flags & CO_COROUTINE) !== 0 ? coroutineType : asyncGeneratorType;
  const g = new PyGenerator(f, cls);
  if (cls === coroutineType) coroutineCreated(g);
  return g;
}

/** CALL of generator, coroutine or async generator function fn with positional arguments only
 * (first unless it is NULL_OBJ, then stack[from..to)): the generator, its frame bound as a
 * simple function's is, without an argument list or binding by name; null when the
 * parameters need makeFrame (keyword-only, *args, **kw, cells, too few or too many). */
function genCall(fn: PyFunction, first: PyObject, stack: PyObject[], from: int, to: int): PyGenerator | null {
  const code = fn.code;
  const flags = code.flags;
  if ((flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) === 0 || (flags & (CO_VARARGS | CO_VARKW)) !== 0) return null;
  if (code.cellvars.length > 0 || code.kwonly > 0) return null;
  const hasFirst = first !== NULL_OBJ;
  const nargs = hasFirst ? to - from + 1 : to - from;
  const argcount = code.argcount;
  if (nargs > argcount || nargs < argcount - fn.defaults.length) return null;
  const f = frameFor(fn);
  const fast = f.fast;
  let j = 0;
  if (hasFirst) fast[j++] = first;
  for (let i = from; i < to; i++) fast[j++] = stack[i];
  if (nargs < argcount) {
    const fd = argcount - fn.defaults.length;
    for (let i = nargs; i < argcount; i++) fast[i] = fn.defaults[i - fd];
  }
  return generatorOf(f);
}

/** x in c for CONTAINS_OP and its fused branches (after their own test of a plain int in an
 * exact set): exact sets, frozensets and dicts directly, anything else by the protocol. */
function containsOp(c: PyObject, x: PyObject): boolean {
  if (c instanceof PySet && (c.cls === setType || c.cls === frozensetType)) return setHas(c, x);
  if (c instanceof PyDict && c.cls === dictType) return dictHas(c, x);
  return contains(c, x);
}

/** BUILD_SLICE: replaces the top arg (2 or 3) values of the stack with their slice object;
 * returns the new stack depth. */
function buildSlice(stack: PyObject[], sp: int, arg: int): int {
  const top = arg === 3 ? sp - 3 : sp - 2;
  stack[top] = new PySlice(sliceType, stack[top], stack[top + 1], arg === 3 ? stack[top + 2] : None);
  return top + 1;
}

export function evalFrame(f: Frame): PyObject {
  if (VM.depth >= VM.recursionLimit) {
    throw raise(RecursionError, 'maximum recursion depth exceeded');
  }
  if (os.takeInterrupt()) handleInterrupt();
  // a safe point: finalizers of what the last collection found dead, and callbacks of weak
  // references it cleared, run here
  if (weak.finPending()) runFinalizers();
  if (weak.pending()) runWeakCallbacks();
  VM.depth++;
  f.back = VM.frame;
  VM.frame = f;
  try {
    return run(f);
  } finally {
    VM.depth--;
    VM.frame = f.back;
  }
}

// ---- generators ----
/** Resumes g with v; returns the yielded value, or null when the generator returned. */
export function genSend(g: PyGenerator, v: PyObject): PyObject | null {
  if (g.finished) {
    if (g.cls === coroutineType) throw raise(RuntimeError, 'cannot reuse already awaited coroutine');
    // the return value went with the first StopIteration: an exhausted generator gives None
    g.retval = None;
    return null;
  }
  if (g.running) throw raise(ValueError, `${genKind(g)} already executing`);
  const f = g.frame;
  if (f.pc === 0 && f.pendingThrow === null) {
    if (v !== None) throw raise(TypeError, `can't send non-None value to a just-started ${genKind(g)}`);
  } else if (f.pendingThrow === null) {
    f.stack[f.sp] = v;
    f.sp++;
  }
  g.running = true;
  // the generator runs with its own exc_info slot, the caller's kept on the chain
  VM.excOuter.push(VM.curExc);
  VM.curExc = g.excState;
  let r: PyObject;
  try {
    r = resumeFrame(f);
  } catch (e) {
    g.finished = true;
    const stopAsync = g.cls === asyncGeneratorType && e instanceof PyExc && isInstance(e.exc, StopAsyncIteration);
    if (e instanceof PyExc && (isInstance(e.exc, StopIteration) || stopAsync)) {
      const re = newExc(RuntimeError, `${genKind(g)} raised ${(e.exc as PyBaseExc).cls.name}`);
      re.cause = e.exc;
      re.context = e.exc;
      throw new PyExc(re);
    }
    throw e;
  } finally {
    g.running = false;
    // a suspended generator's frame has no caller (its f_back is None until resumed)
    f.back = null;
    g.excState = g.finished ? null : VM.curExc;
    VM.curExc = VM.excOuter.pop() as PyBaseExc | null;
  }
  if (f.yielded) {
    f.yielded = false;
    return r;
  }
  g.finished = true;
  g.retval = r;
  releaseGenFrame(g);
  return null;
}
/** Runs generator frame f, resumed by genSend (its generator running, its exc slot current, the
 * sent value on its stack). A frame suspended in `yield from` / `await` on a generator or
 * coroutine is not run: the value goes straight to that delegate, as its SEND would pass it.
 * A chain of n delegating generators then costs n of these calls per resume rather than n
 * passes through the loop (entry, JUMP, SEND, YIELD_VALUE, exit); the frame runs only when
 * its delegate returns (at SEND's target) or raises (at the SEND, through pendingRaised). */
function resumeFrame(f: Frame): PyObject {
  const pc = f.pc;
  if (f.pendingThrow !== null || pc < 2) return evalFrame(f);
  const words = f.code.words;
  if ((words[pc - 1] & 127) !== Op.YIELD_VALUE || (words[pc - 2] & 127) !== Op.SEND) return evalFrame(f);
  const it = f.stack[f.sp - 2];
  const inner = it instanceof PyCoroWrapper ? it.coro : it;
  // (at the recursion limit, the loop raises RecursionError as it enters the frame)
  if (!(inner instanceof PyGenerator) || VM.depth >= VM.recursionLimit) return evalFrame(f);
  f.sp--;
  const v = f.stack[f.sp];
  // the frame stands at its SEND and is the running frame, as when its loop calls genSend
  f.pc = pc - 1;
  VM.depth++;
  const back = VM.frame;
  f.back = back;
  VM.frame = f;
  let r: PyObject | null = null;
  try {
    r = genSend(inner, v);
  } catch (e) {
    VM.depth--;
    VM.frame = back;
    if (!(e instanceof PyExc)) throw e;
    f.pendingThrow = e.exc;
    f.pendingRaised = true;
    return evalFrame(f);
  }
  VM.depth--;
  VM.frame = back;
  if (r !== null) {
    // the frame passes r up from its YIELD_VALUE and stays suspended there
    f.pc = pc;
    f.yielded = true;
    return r;
  }
  // the delegate returned: the loop goes on at SEND's target, its value in place of the iterator
  f.stack[f.sp - 1] = inner.retval;
  f.pc = words[pc - 2] >> 7;
  return evalFrame(f);
}
/** 'generator', 'coroutine' or 'async generator', for messages. */
function genKind(g: PyGenerator): string {
  return g.cls === asyncGeneratorType ? 'async generator' : g.cls.name;
}
export function genThrow(g: PyGenerator, exc: PyBaseExc): PyObject | null {
  if (g.finished) {
    // an exhausted coroutine refuses, as its send() does (close() never gets here)
    if (g.cls === coroutineType) throw raise(RuntimeError, 'cannot reuse already awaited coroutine');
    throw new PyExc(exc);
  }
  if (g.frame.pc === 0) {
    g.finished = true;
    throw new PyExc(exc);
  }
  const f = g.frame;
  // suspended inside `yield from`: delegate the exception to the inner generator first
  const words = f.code.words;
  const delegate = delegateOf(g);
  if (delegate !== null) {
    let inner = delegate;
    if (inner instanceof PyCoroWrapper) inner = inner.coro;
    if (inner instanceof PyGenerator && !inner.finished) {
      let r: PyObject | null = null;
      // the delegating frame is on the stack while the inner one runs (its f_back), and g is
      // running, as CPython's _gen_throw makes it
      const prev = VM.frame;
      f.back = prev;
      VM.frame = f;
      g.running = true;
      let failed: PyBaseExc | null = null;
      try {
        r = genThrow(inner, exc);
      } catch (e) {
        if (!(e instanceof PyExc)) throw e;
        failed = e.exc;
      } finally {
        g.running = false;
        VM.frame = prev;
        f.back = null;
      }
      if (failed !== null) {
        f.pendingThrow = failed;
        return genSend(g, None);
      }
      if (r !== null) return r;
      return genSend(g, None);
    }
    // an awaitable iterator that is not a generator: its own throw() (GeneratorExit is raised
    // here, as CPython does after closing it)
    const th = inner instanceof PyGenerator || isInstance(exc, GeneratorExit) ? null : inner instanceof PyAsyncGenOp ? inner : getAttrOrNull(inner, 'throw');
    if (th !== null) {
      let r: PyObject;
      try {
        r = inner instanceof PyAsyncGenOp ? asyncGenStep(inner, None, exc) : callObj(th, [exc], null);
      } catch (e) {
        if (!(e instanceof PyExc)) throw e;
        if (isInstance(e.exc, StopIteration)) {
          // the iterator finished: the await (yield from) ends with its value, at SEND's target
          f.sp--;
          f.pc = words[f.pc - 2] >> 7;
          return genSend(g, stopValue(e.exc));
        }
        f.pendingThrow = e.exc;
        return genSend(g, None);
      }
      return r;
    }
  }
  f.pendingThrow = exc;
  return genSend(g, None);
}
export function genClose(g: PyGenerator): void {
  if (g.finished) return;
  if (g.frame.pc === 0) {
    g.finished = true;
    return;
  }
  try {
    const r = genThrow(g, newExc(GeneratorExit, ''));
    if (r !== null) throw raise(RuntimeError, `${genKind(g)} ignored GeneratorExit`);
  } catch (e) {
    if (e instanceof PyExc && (isInstance(e.exc, GeneratorExit) || isInstance(e.exc, StopIteration))) return;
    throw e;
  }
}
/** The value of a generator's return (for StopIteration). */
export function stopIteration(v: PyObject): PyExc {
  const e = new PyBaseExc(StopIteration);
  if (v !== None) e.args.push(v);
  return new PyExc(e);
}

// ---- classes ----
/** name in a class namespace that is a dict subclass (from __prepare__), through its __getitem__
 * as CPython's LOAD_NAME does; null when absent (KeyError). */
function nsGet(ns: PyDict, name: PyStr): PyObject | null {
  if (lookupType(ns.cls, '__getitem__') instanceof PyBuiltin) return dictGetStr(ns, name);
  try {
    return getItem(ns, name);
  } catch (e) {
    if (e instanceof PyExc && isInstance(e.exc, KeyError)) return null;
    throw e;
  }
}
/** CPython's update_bases: a base that is not a type but has __mro_entries__ (a generic alias,
 * `Generic[T]`) is replaced by the bases that method returns; null when none was replaced. */
function resolveMroEntries(bases: PyObject[]): PyObject[] | null {
  const out: PyObject[] = [];
  let changed = false;
  for (const b of bases) {
    const meth = b instanceof PyType ? null : getAttrOrNull(b, '__mro_entries__');
    if (meth === null) {
      out.push(b);
      continue;
    }
    changed = true;
    const got = callObj(meth, [newTuple(bases)], null);
    if (!(got instanceof PyTuple)) throw raise(TypeError, '__mro_entries__ must return a tuple');
    for (const x of got.items) out.push(x);
  }
  return changed ? out : null;
}
export function buildClass(func: PyFunction, name: string, origBases: PyObject[], kwnames: string[], kwvals: PyObject[]): PyObject {
  const resolved = resolveMroEntries(origBases);
  const bases = resolved === null ? origBases : resolved;
  let meta: PyObject | null = null;
  const restNames: string[] = [];
  const restVals: PyObject[] = [];
  for (let i = 0; i < kwnames.length; i++) {
    if (kwnames[i] === 'metaclass') meta = kwvals[i];
    else {
      restNames.push(kwnames[i]);
      restVals.push(kwvals[i]);
    }
  }
  if (meta === null) {
    meta = typeType;
    for (const b of bases) {
      if (b instanceof PyType && b.cls !== typeType && isSubtype(b.cls, meta as PyType)) meta = b.cls;
    }
  }
  // the namespace: the metaclass's __prepare__(name, bases, **kwds) (enum's _EnumDict), else a dict
  let ns = newDict();
  // (a metaclass need not be a type: any object with __prepare__ and a __call__ will do)
  const prep = meta !== typeType ? getAttrOrNull(meta, '__prepare__') : null;
  if (prep !== null && !(prep instanceof PyBuiltin)) {
    const pargs: PyObject[] = [newStr(name), newTuple(bases)];
    for (const v of restVals) pargs.push(v);
    const made = callObj(prep, pargs, restNames.length > 0 ? restNames : null);
    if (!(made instanceof PyDict)) {
      const what = `${meta instanceof PyType ? meta.name : '<metaclass>'}.__prepare__() must return a`;
      // CPython takes any mapping (PyMapping_Check: a __getitem__ that is not a sequence's)
      if (made instanceof PyTuple || made instanceof PyList || made instanceof PyStr || lookupType(made.cls, '__getitem__') === null) throw raise(TypeError, `${what} mapping, not ${typeName(made)}`);
      throw raise(TypeError, `${what} dict or dict subclass in pyvm, not ${typeName(made)}`);
    }
    ns = made;
  }
  const f = new Frame(func.code, func, func.globals, ns, []);
  const ncell = func.code.cellvars.length;
  if (func.closure.length > 0 || ncell > 0) {
    const cells: PyCell[] = [];
    for (let i = 0; i < ncell; i++) cells.push(new PyCell(cellType, null));
    for (const c of func.closure) cells.push(c);
    f.cells = cells;
  }
  const cell = evalFrame(f);
  if (resolved !== null) setItem(ns, newStr('__orig_bases__'), newTuple(origBases));
  const args: PyObject[] = [newStr(name), newTuple(bases), ns];
  for (const v of restVals) args.push(v);
  const cls = callObj(meta, args, restNames.length > 0 ? restNames : null);
  if (cls instanceof PyType && cell instanceof PyCell) {
    const got = cell.ref;
    if (got !== cls) {
      if (got === null) throw raise(RuntimeError, `__class__ not set defining ${repr(newStr(name))} as ${repr(cls)}. Was __classcell__ propagated to type.__new__?`);
      throw raise(TypeError, `__class__ set to ${repr(got)} defining ${repr(newStr(name))} as ${repr(cls)}`);
    }
  }
  return cls;
}
/** type(name, bases, ns) for metaclass meta. */
export function typeNew(meta: PyType, name: string, basesIn: PyObject[], nsIn: PyDict, kwnames: string[] | null, kwvals: PyObject[]): PyType {
  // type_new copies the namespace as dict(ns) would: an OrderedDict in its own order
  let ns = nsIn;
  if (dictIterOverridden(nsIn)) {
    ns = newDict();
    dictInit(ns, [nsIn], null);
  }
  const t = new PyType(meta, name);
  for (const b of basesIn) {
    if (!(b instanceof PyType)) throw raise(TypeError, 'bases must be types');
    if (b.layout === L_NONE && b.isBuiltin && b !== moduleType) throw raise(TypeError, `type '${b.name}' is not an acceptable base type`);
    t.bases.push(b);
  }
  if (t.bases.length === 0) t.bases.push(objectType);
  t.isBuiltin = false;
  bestBase(t.bases);
  t.mro = computeMro(t);
  // before the bases know of t: a class refused here leaves no trace
  checkSlotsDeclaration(t, ns);
  for (const b of t.bases) b.subclasses.push(t);
  t.layout = 0;
  for (let i = 0; i < ns.keys.length; i++) {
    const k = ns.keys[i];
    const v = ns.vals[i];
    if (k !== null && v !== null && k instanceof PyStr) {
      // these two are class methods without the decorator, and __new__ a static method, as in
      // CPython's type_new (enum's _simple_enum reads cls.__dict__['__new__'].__func__)
      if (v instanceof PyFunction && (k.s === '__init_subclass__' || k.s === '__class_getitem__')) t.dict.set(k.s, new PyClassMethod(classmethodType, v));
      else if (v instanceof PyFunction && k.s === '__new__') t.dict.set(k.s, new PyStaticMethod(staticmethodType, v));
      else t.dict.set(k.s, v);
    }
  }
  // type_new gives every class its own __doc__, so a docstring is not inherited
  if (!t.dict.has('__doc__')) t.dict.set('__doc__', None);
  const classcell = t.dict.get('__classcell__');
  if (classcell !== undefined) {
    if (!(classcell instanceof PyCell)) throw raise(TypeError, `__classcell__ must be a nonlocal cell, not ${repr(classcell.cls)}`);
    classcell.ref = t;
    t.dict.delete('__classcell__');
  }
  // type_new_set_module: a class made by a call to type() belongs to the caller's module
  if (!t.dict.has('__module__') && VM.frame !== null) {
    const caller = dictGetS(VM.frame.globals, '__name__');
    if (caller !== null) t.dict.set('__module__', caller);
  }
  const mod = t.dict.get('__module__');
  if (mod !== undefined && mod instanceof PyStr) t.module = mod.s;
  // __qualname__ is the type's own (read through type.__qualname__), not inherited through the
  // dict by subclasses or seen by instances
  const qn = t.dict.get('__qualname__');
  if (qn !== undefined) {
    if (!(qn instanceof PyStr)) throw raise(TypeError, `type __qualname__ must be a str, not ${typeName(qn)}`);
    t.qualname = qn.s;
    t.dict.delete('__qualname__');
  } else t.qualname = name; // its own, which a later __name__ assignment leaves alone
  if (t.dict.has('__eq__') && !t.dict.has('__hash__')) t.dict.set('__hash__', None);
  HOLD.typeVersion++;
  // __set_name__ on every attribute whose type has one (a property's, a Python descriptor's), over
  // a copy of the names as CPython's set_names, since the calls may change the class
  const names: string[] = [];
  for (const k of t.dict.keys()) names.push(k);
  for (const k of names) {
    const v = t.dict.get(k);
    if (v === undefined) continue;
    const sn = lookupType(v.cls, '__set_name__');
    if (sn !== null) callObj(sn, [v, t, newStr(k)], null);
  }
  // super(t, t).__init_subclass__(**kwds): the first class after t in t's MRO that defines it,
  // which with mixins (class C(Mixin, TestCase)) is not found through the first base's own MRO
  let isc: PyObject | null = null;
  for (let i = 1; i < t.mro.length && isc === null; i++) {
    const v = t.mro[i].dict.get('__init_subclass__');
    if (v !== undefined) isc = v;
  }
  if (isc !== null) {
    if (isc instanceof PyClassMethod && isc.fn instanceof PyBuiltin) {
      // object.__init_subclass__
      if (kwvals.length > 0) throw raise(TypeError, `${t.name}.__init_subclass__() takes no keyword arguments`);
    } else {
      let fn: PyObject = isc;
      const args: PyObject[] = [];
      if (isc instanceof PyClassMethod) fn = isc.fn;
      else if (isc instanceof PyStaticMethod) fn = isc.fn;
      if (!(isc instanceof PyStaticMethod)) args.push(t);
      for (const v of kwvals) args.push(v);
      callObj(fn, args, kwnames !== null && kwnames.length > 0 ? kwnames : null);
    }
  }
  return t;
}
import { PyClassMethod, PyStaticMethod, PyProperty, classmethodType, staticmethodType } from '../objects/core.ts';
import { checkSlotsDeclaration, bestBase } from './slotrules.ts';
import { dictInit, dictIterOverridden } from '../builtins/dispatch.ts';
import { coroutineCreated } from './corofinal.ts';
function innerFunc(v: PyObject): PyFunction | null {
  if (v instanceof PyClassMethod && v.fn instanceof PyFunction) return v.fn;
  if (v instanceof PyStaticMethod && v.fn instanceof PyFunction) return v.fn;
  if (v instanceof PyProperty) {
    if (v.fget instanceof PyFunction) return v.fget;
  }
  return null;
}

// ---- helpers for the loop ----
function kwNamesOf(t: PyObject): string[] {
  const out: string[] = [];
  for (const x of (t as PyTuple).items) out.push((x as PyStr).s);
  return out;
}
function unpackError(got: int, expected: int): PyExc {
  if (got < expected) return raise(ValueError, `not enough values to unpack (expected ${expected}, got ${got})`);
  return raise(ValueError, `too many values to unpack (expected ${expected})`);
}
function unpackItems(seq: PyObject): PyObject[] {
  if (getIterOrNull(seq) === null) throw raise(TypeError, `cannot unpack non-iterable ${typeName(seq)} object`);
  return iterToArray(seq);
}
const MATCH_SELF_TYPES = ['bool', 'bytes', 'dict', 'float', 'frozenset', 'int', 'list', 'set', 'str', 'tuple'];
function matchClass(subj: PyObject, cls: PyObject, npos: int, kwn: PyTuple): PyObject {
  if (!(cls instanceof PyType)) throw raise(TypeError, 'called match pattern must be a class');
  if (!isInstance(subj, cls)) return None;
  const out: PyObject[] = [];
  if (npos > 0) {
    if (cls.isBuiltin && MATCH_SELF_TYPES.includes(cls.name)) {
      if (npos > 1) throw raise(TypeError, `${cls.name}() accepts 1 positional sub-pattern (${npos} given)`);
      out.push(subj);
    } else {
      const ma = getAttrOrNull(cls, '__match_args__');
      if (ma === null || !(ma instanceof PyTuple)) throw raise(TypeError, `${cls.name}() accepts 0 positional sub-patterns (${npos} given)`);
      if (npos > ma.items.length) throw raise(TypeError, `${cls.name}() accepts ${ma.items.length} positional sub-pattern${ma.items.length === 1 ? '' : 's'} (${npos} given)`);
      for (let i = 0; i < npos; i++) {
        const v = getAttrOrNull(subj, str(ma.items[i]));
        if (v === null) return None;
        out.push(v);
      }
    }
  }
  for (const k of kwn.items) {
    const v = getAttrOrNull(subj, (k as PyStr).s);
    if (v === null) return None;
    out.push(v);
  }
  return newTuple(out);
}
function loadBuildClass(g: PyDict): PyObject {
  const b = mappingLookup(builtinsOf(g), BUILD_CLASS_NAME.s);
  if (b === null) throw raise(NameError, '__build_class__ not found');
  return b;
}
class BuildClassName {
  s: PyStr = newStr('__build_class__');
}
const BUILD_CLASS_NAME = new BuildClassName();
/** The bound __exit__ of context manager ctx (after checking it has __enter__ too). */
function withExit(ctx: PyObject): PyObject {
  const enter = lookupType(ctx.cls, '__enter__');
  const exit = lookupType(ctx.cls, '__exit__');
  if (enter === null || exit === null) {
    throw raise(TypeError, `'${typeName(ctx)}' object does not support the context manager protocol`);
  }
  return getAttr(ctx, '__exit__');
}
/** Forgets the stale value-stack slots [from, to) a call left (its callable and arguments), so
 * that they do not keep objects alive: del x; gc.collect() then frees x, as in CPython. */
function clearSlots(stack: PyObject[], from: int, to: int): void {
  for (let i = from; i < to; i++) stack[i] = NULL_OBJ;
}
/** Whether the instruction before pc re-raised an exception from a cleanup handler (or a with's
 * exit declined it): the frame the exception leaves then stands at the instruction that raised
 * it into that handler (f.raisePc), as CPython's RERAISE with an oparg restores f_lasti, so that
 * f_lineno is that line and not the cleanup code's. */
function leavesAtRaise(ops: int[], pc: int): boolean {
  if (pc < 1) return false;
  const word = ops[pc - 1];
  const op = word & 127;
  return op === Op.WITH_EXCEPT || (op === Op.POP_EXCEPT_RERAISE && word >> 7 === RERAISE_AT_RAISE);
}
function addTraceback(f: Frame, exc: PyBaseExc, pc: int): void {
  const i = pc > 0 ? pc - 1 : 0;
  const line = i < f.code.lines.length ? f.code.lines[i] : f.code.firstLine;
  const e = new TbEntry(f.code.filename, line, f.code.name);
  e.frame = f;
  e.pc = i;
  // a traceback object may show this frame later: it must not become a spare frame
  f.escaped = true;
  exc.tb.push(e);
}

function run(f: Frame): PyObject {
  // few locals: every pointer held across a call is saved for the collector at that call
  const code = f.code;
  const ops = code.words;
  const stack = f.stack;
  const fast = f.fast;
  let pc = f.pc;
  let sp = f.sp;
  const depth = VM.depth;
  for (;;) {
    try {
      if (f.pendingThrow !== null) {
        const pt = f.pendingThrow;
        f.pendingThrow = null;
        if (f.pendingRaised) {
          f.pendingRaised = false;
          throw new PyExc(pt);
        }
        // thrown in by gen.throw(): chained to what the generator itself handles, not its
        // caller, replacing any context it had (it is raised anew here, as CPython's
        // _PyErr_ChainStackItem)
        const own = VM.curExc;
        if (own !== null && own !== pt) setImplicitContext(pt, own);
        VM.reraising = true;
        addTraceback(f, pt, pc);
        throw new PyExc(pt);
      }
      for (;;) {
        const word = ops[pc];
        const op = word & 127;
        const arg = word >> 7;
        pc++;
        switch (op) {
          case Op.NOP:
            break;
          case Op.POP_TOP:
            sp--;
            break;
          case Op.PRINT_EXPR: {
            sp--;
            displayExpr(stack[sp]);
            break;
          }
          case Op.ROT_TWO: {
            const n = sp;
            const a = stack[n - 1];
            stack[n - 1] = stack[n - 2];
            stack[n - 2] = a;
            break;
          }
          case Op.ROT_THREE: {
            const n = sp;
            const a = stack[n - 1];
            stack[n - 1] = stack[n - 2];
            stack[n - 2] = stack[n - 3];
            stack[n - 3] = a;
            break;
          }
          case Op.DUP_TOP:
            stack[sp] = stack[sp - 1];
            sp++;
            break;
          case Op.DUP_TOP_TWO: {
            const n = sp;
            stack[sp++] = stack[n - 2];
            stack[sp++] = stack[n - 1];
            break;
          }
          case Op.LOAD_CONST:
            stack[sp++] = code.consts[arg];
            break;
          case Op.LOAD_FAST: {
            const v = fast[arg];
            if (v === null) throw unboundLocal(code.varnames[arg]);
            stack[sp++] = v;
            break;
          }
          case Op.STORE_FAST:
            fast[arg] = stack[--sp];
            break;
          case Op.DELETE_FAST:
            if (fast[arg] === null) throw unboundLocal(code.varnames[arg]);
            fast[arg] = null;
            break;
          case Op.LOAD_DEREF: {
            const v = f.cells[arg].ref;
            if (v === null) {
              if (arg < code.cellvars.length) throw unboundLocal(code.cellvars[arg]);
              throw raise(NameError, `cannot access free variable '${code.freevars[arg - code.cellvars.length]}' where it is not associated with a value in enclosing scope`);
            }
            stack[sp++] = v;
            break;
          }
          case Op.STORE_DEREF:
            f.cells[arg].ref = stack[--sp];
            break;
          case Op.DELETE_DEREF:
            f.cells[arg].ref = null;
            break;
          case Op.LOAD_CLOSURE:
            stack[sp++] = f.cells[arg];
            break;
          case Op.LOAD_GLOBAL: {
            const ic = code.ics[pc - 1] ?? cacheAt(code, pc - 1);
            const g = f.globals;
            if (ic.gd === g && ic.gver === g.ver && ic.bver === VM.builtins.ver) {
              const v = ic.gb ? VM.builtins.vals[ic.gidx] : g.vals[ic.gidx];
              if (v !== null) {
                stack[sp++] = v;
                break;
              }
            }
            const v = globalIC(ic, g, code.nameObjs[arg], true);
            if (v === null) throw nameError(code.names[arg]);
            stack[sp++] = v;
            break;
          }
          case Op.STORE_GLOBAL:
            dictSet(f.globals, code.nameObjs[arg], stack[--sp]);
            break;
          case Op.DELETE_GLOBAL:
            if (!dictDel(f.globals, code.nameObjs[arg])) throw nameError(code.names[arg]);
            break;
          case Op.LOAD_NAME: {
            const ld = f.localsDict;
            let v = f.localsMap !== null ? mappingLookup(f.localsMap, code.nameObjs[arg]) : loadNameLocal(ld, f.globals, code.nameObjs[arg]);
            if (v === null && f.localsMap !== null) v = dictGetStr(f.globals, code.nameObjs[arg]);
            if (v === null) v = mappingLookup(builtinsOf(f.globals), code.nameObjs[arg]);
            if (v === null) throw nameError(code.names[arg]);
            stack[sp++] = v;
            break;
          }
          case Op.STORE_NAME: {
            // a namespace from a metaclass's __prepare__, or globals given to exec() that are the
            // locals too, may be a dict subclass with its own __setitem__
            const ld = f.localsDict === null ? f.globals : f.localsDict;
            if (f.localsMap !== null) setItem(f.localsMap, code.nameObjs[arg], stack[--sp]);
            else if (ld.cls !== dictType) setItem(ld, code.nameObjs[arg], stack[--sp]);
            else dictSet(ld, code.nameObjs[arg], stack[--sp]);
            break;
          }
          case Op.DELETE_NAME: {
            const ld = f.localsDict === null ? f.globals : f.localsDict;
            if (f.localsMap !== null) {
              try {
                delItem(f.localsMap, code.nameObjs[arg]);
              } catch (e) {
                if (e instanceof PyExc && isInstance(e.exc, KeyError)) throw nameError(code.names[arg]);
                throw e;
              }
            } else if (ld.cls !== dictType) {
              if (nsGet(ld, code.nameObjs[arg]) === null) throw nameError(code.names[arg]);
              delItem(ld, code.nameObjs[arg]);
            } else if (!dictDel(ld, code.nameObjs[arg])) throw nameError(code.names[arg]);
            break;
          }
          case Op.LOAD_ATTR: {
            const o = stack[sp - 1];
            if (o instanceof PyInstance) {
              const ic = code.ics[pc - 1] ?? cacheAt(code, pc - 1);
              const e = icProbe(ic, o.map);
              if (e !== null) {
                const v = e.slot >= 0 ? o.slots[e.slot] : e.value;
                if (v !== null) {
                  stack[sp - 1] = v;
                  break;
                }
              }
              const v = loadAttrIC(ic, o, code.names[arg]);
              if (v !== null) {
                stack[sp - 1] = v;
                break;
              }
            } else if (o instanceof PyModule) {
              const v = globalIC(code.ics[pc - 1] ?? cacheAt(code, pc - 1), o.dict, code.nameObjs[arg], false);
              if (v !== null) {
                stack[sp - 1] = v;
                break;
              }
            }
            stack[sp - 1] = getAttr(o, code.names[arg]);
            break;
          }
          case Op.STORE_ATTR: {
            const o = stack[--sp];
            const v = stack[--sp];
            if (o instanceof PyInstance) {
              const ic = code.ics[pc - 1] ?? cacheAt(code, pc - 1);
              const e = icProbe(ic, o.map);
              if (e !== null) {
                const t = e.after;
                if (t !== null) {
                  o.map = t;
                  o.slots.push(v);
                  break;
                } else if (e.slot >= 0) {
                  o.slots[e.slot] = v;
                  break;
                }
              }
              if (storeAttrIC(ic, o, code.names[arg], v)) break;
            }
            setAttr(o, code.names[arg], v);
            break;
          }
          case Op.DELETE_ATTR:
            delAttr(stack[--sp], code.names[arg]);
            break;
          case Op.LOAD_METHOD: {
            const o = stack[sp - 1];
            if (o instanceof PyInstance) {
              const ic = code.ics[pc - 1] ?? cacheAt(code, pc - 1);
              const e = icProbe(ic, o.map);
              let m: PyObject | null = e === null ? null : e.value;
              if (m === null) m = loadMethodIC(ic, o, code.names[arg]);
              if (m !== null) {
                stack[sp - 1] = m;
                stack[sp++] = o;
                break;
              }
            } else if (o instanceof PyModule) {
              const v = globalIC(code.ics[pc - 1] ?? cacheAt(code, pc - 1), o.dict, code.nameObjs[arg], false);
              if (v !== null) {
                stack[sp - 1] = v;
                stack[sp++] = NULL_OBJ;
                break;
              }
            } else if (!(o instanceof PyType) && !(o instanceof PySuper)) {
              const ic = code.ics[pc - 1] ?? cacheAt(code, pc - 1);
              let d: PyObject | null = null;
              if (ic.bc === o.cls && ic.ver === HOLD.typeVersion) d = ic.bv;
              else {
                d = lookupType(o.cls, code.names[arg]);
                if (d !== null && d instanceof PyBuiltin && d.isMethod && o.cls.isBuiltin) {
                  if (ic.ver !== HOLD.typeVersion) icReset(ic);
                  ic.bc = o.cls;
                  ic.bv = d;
                }
              }
              if (d !== null && d instanceof PyBuiltin && d.isMethod) {
                stack[sp - 1] = d;
                stack[sp++] = o;
                break;
              }
            }
            stack[sp - 1] = getAttr(o, code.names[arg]);
            stack[sp++] = NULL_OBJ;
            break;
          }
          case Op.PUSH_NULL:
            stack[sp++] = NULL_OBJ;
            break;
          case Op.KW_NAMES:
            f.kwnames = kwNamesOf(code.consts[arg]);
            break;
          case Op.CALL: {
            const n = sp;
            const base = n - arg - 2;
            const callable = stack[base];
            const self = stack[base + 1];
            const kwn = f.kwnames;
            f.kwnames = null;
            f.pc = pc;
            if (kwn === null) {
              let fn: PyFunction | null = null;
              let first: PyObject = self;
              if (callable instanceof PyFunction) fn = callable;
              else if (callable instanceof PyBoundMethod && self === NULL_OBJ && callable.fn instanceof PyFunction) {
                fn = callable.fn;
                first = callable.self;
              } else if (callable instanceof PyType && self === NULL_OBJ) {
                if (callable.isBuiltin) {
                  let r: PyObject | null = null;
                  if (callable === rangeType && (arg === 1 || arg === 2)) r = fastRange(arg, stack[base + 2], stack[n - 1]);
                  else if (arg === 1) r = fastType1(callable, stack[base + 2]);
                  if (r !== null) {
                    sp = base;
                    clearSlots(stack, base + 1, n);
                    stack[sp++] = r;
                    break;
                  }
                } else {
                  const kind = ctorKind(callable);
                  if (kind === CTOR_INIT) {
                    fn = callable.ctorInit as PyFunction;
                    first = new PyInstance(callable);
                  } else if (kind === CTOR_BARE && arg === 0) {
                    sp = base;
                    stack[sp++] = new PyInstance(callable);
                    break;
                  }
                }
              } else if (callable instanceof PyBuiltin && callable.self === null) {
                let r: PyObject | null = null;
                if (self === NULL_OBJ) {
                  if (arg === 1) r = fastCall1(callable, stack[base + 2]);
                  else if (arg === 2) r = fastCall2(callable, stack[base + 2], stack[base + 3]);
                } else if (arg === 0) r = fastMethod0(callable, self);
                else if (arg === 1) r = fastMethod1(callable, self, stack[base + 2]);
                else if (arg === 2) r = fastMethod2(callable, self, stack[base + 2], stack[base + 3]);
                if (r !== null) {
                  sp = base;
                  clearSlots(stack, base + 1, n);
                  stack[sp++] = r;
                  break;
                }
              }
              if (fn !== null && fn.simple) {
                const fcode = fn.code;
                const hasFirst = first !== NULL_OBJ;
                const nargs = hasFirst ? arg + 1 : arg;
                const argcount = fcode.argcount;
                if (nargs <= argcount && nargs >= argcount - fn.defaults.length) {
                  let frame = fn.spare;
                  if (frame !== null) fn.spare = null;
                  else frame = frameFor(fn);
                  const nf = frame.fast;
                  let j = 0;
                  if (hasFirst) {
                    nf[0] = first;
                    j = 1;
                  }
                  for (let i = base + 2; i < n; i++) nf[j++] = stack[i];
                  if (nargs < argcount) {
                    const fd = argcount - fn.defaults.length;
                    for (let i = nargs; i < argcount; i++) nf[i] = fn.defaults[i - fd];
                  }
                  sp = base;
                  // evalFrame inlined: on an exception, the catch below restores VM.frame and
                  // VM.depth for this frame
                  if (VM.depth >= VM.recursionLimit) throw raise(RecursionError, 'maximum recursion depth exceeded');
                  VM.depth++;
                  frame.back = f;
                  VM.frame = frame;
                  const r = run(frame);
                  VM.depth--;
                  VM.frame = f;
                  // releaseFrame inlined (keep the two in step: both clear the value stack so a spare frame
                  // keeps no dead values alive for the collector)
                  if (!frame.escaped) {
                    for (let i = 0; i < nf.length; i++) nf[i] = null;
                    clearSlots(frame.stack, 0, frame.stack.length);
                    frame.sp = 0;
                    if (frame.blocks.length > 0) frame.blocks.length = 0;
                    frame.pc = 0;
                    frame.back = null;
                    fn.spare = frame;
                  }
                  clearSlots(stack, base + 1, n);
                  stack[sp++] = callable instanceof PyType ? first : r;
                  if (callable instanceof PyType && r !== None) throw raise(TypeError, `__init__() should return None, not '${typeName(r)}'`);
                  break;
                }
              }
            }
            if (kwn === null && !(callable instanceof PyType)) {
              const gfn = callable instanceof PyFunction ? callable : callable instanceof PyBoundMethod && self === NULL_OBJ && callable.fn instanceof PyFunction ? callable.fn : null;
              if (gfn !== null && !gfn.simple) {
                const gen = genCall(gfn, callable === gfn ? self : (callable as PyBoundMethod).self, stack, base + 2, n);
                if (gen !== null) {
                  sp = base;
                  clearSlots(stack, base + 1, n);
                  stack[sp++] = gen;
                  break;
                }
              }
            }
            const args: PyObject[] = [];
            if (self !== NULL_OBJ) args.push(self);
            for (let i = base + 2; i < n; i++) args.push(stack[i]);
            sp = base;
            const res = callObj(callable, args, kwn);
            clearSlots(stack, base + 1, n);
            stack[sp++] = res;
            break;
          }
          case Op.CALL_EX: {
            let kw: PyDict | null = null;
            if ((arg & 1) !== 0) kw = (stack[--sp] as PyDict);
            const argsT = (stack[--sp] as PyTuple);
            sp--;
            const callable = stack[--sp];
            f.pc = pc;
            const args = argsT.items.slice(0);
            let kwn: string[] | null = null;
            if (kw !== null && kw.used > 0) {
              kwn = [];
              for (let i = 0; i < kw.keys.length; i++) {
                const k = kw.keys[i];
                const v = kw.vals[i];
                if (k === null || v === null) continue;
                if (!(k instanceof PyStr)) throw raise(TypeError, 'keywords must be strings');
                kwn.push(k.s);
                args.push(v);
              }
            }
            stack[sp++] = callObj(callable, args, kwn);
            break;
          }
          case Op.BINARY_OP: {
            const b = stack[--sp];
            const a = stack[sp - 1];
            const o = arg >= A.BIN_INPLACE ? arg - A.BIN_INPLACE : arg;
            if (a instanceof PyFloat && a.cls === floatType) {
              let y = 0.0;
              let num = true;
              if (b instanceof PyFloat && b.cls === floatType) y = b.v;
              else if (b instanceof PyInt && b.cls === intType && bigOf(b) === null) y = toFloat(b.v);
              else num = false;
              if (num) {
                const x = a.v;
                if (o === A.BIN_ADD) {
                  stack[sp - 1] = new PyFloat(floatType, x + y);
                  break;
                } else if (o === A.BIN_SUB) {
                  stack[sp - 1] = new PyFloat(floatType, x - y);
                  break;
                } else if (o === A.BIN_MUL) {
                  stack[sp - 1] = new PyFloat(floatType, x * y);
                  break;
                } else if (o === A.BIN_TRUEDIV && y !== 0.0) {
                  stack[sp - 1] = new PyFloat(floatType, x / y);
                  break;
                }
              }
            } else if (a instanceof PyInt && a.cls === intType && bigOf(a) === null) {
              const x = a.v;
              if (b instanceof PyInt && b.cls === intType && bigOf(b) === null) {
                const y = b.v;
                if (o === A.BIN_ADD) {
                  const r = x + y;
                  if (r <= 9007199254740991 && r >= -9007199254740991) {
                    stack[sp - 1] = r >= -5 && r <= 256 ? SMALL.cache[r + 5] : new PyInt(intType, r);
                    break;
                  }
                } else if (o === A.BIN_SUB) {
                  const r = x - y;
                  if (r <= 9007199254740991 && r >= -9007199254740991) {
                    stack[sp - 1] = r >= -5 && r <= 256 ? SMALL.cache[r + 5] : new PyInt(intType, r);
                    break;
                  }
                } else if (o === A.BIN_MUL) {
                  if (x <= 94906265 && x >= -94906265 && y <= 94906265 && y >= -94906265) {
                    const r = x * y;
                    stack[sp - 1] = r >= -5 && r <= 256 ? SMALL.cache[r + 5] : new PyInt(intType, r);
                    break;
                  }
                } else if (o === A.BIN_FLOORDIV) {
                  if (y !== 0) {
                    const r = floorDiv(x, y);
                    stack[sp - 1] = r >= -5 && r <= 256 ? SMALL.cache[r + 5] : new PyInt(intType, r);
                    break;
                  }
                } else if (o === A.BIN_MOD) {
                  if (y !== 0) {
                    const r = floorMod(x, y);
                    stack[sp - 1] = r >= -5 && r <= 256 ? SMALL.cache[r + 5] : new PyInt(intType, r);
                    break;
                  }
                } else if (o === A.BIN_TRUEDIV) {
                  if (y !== 0) {
                    stack[sp - 1] = new PyFloat(floatType, toFloat(x) / toFloat(y));
                    break;
                  }
                } else if (o >= A.BIN_AND && x >= -1073741824 && x < 1073741824 && y >= -1073741824 && y < 1073741824) {
                  stack[sp - 1] = newInt(o === A.BIN_AND ? x & y : o === A.BIN_OR ? x | y : x ^ y);
                  break;
                } else if (o === A.BIN_RSHIFT && y >= 0 && y < 32 && x >= -2147483648 && x < 2147483648) {
                  // JS's >> on int32 floors like Python's
                  stack[sp - 1] = newInt(x >> y);
                  break;
                } else if (o === A.BIN_LSHIFT && y >= 0 && y < 31 && x >= -4194304 && x < 4194304) {
                  stack[sp - 1] = newInt(x * (1 << y));
                  break;
                }
              } else if (b instanceof PyFloat && b.cls === floatType) {
                const y = b.v;
                if (o === A.BIN_ADD) {
                  stack[sp - 1] = new PyFloat(floatType, toFloat(x) + y);
                  break;
                } else if (o === A.BIN_SUB) {
                  stack[sp - 1] = new PyFloat(floatType, toFloat(x) - y);
                  break;
                } else if (o === A.BIN_MUL) {
                  stack[sp - 1] = new PyFloat(floatType, toFloat(x) * y);
                  break;
                } else if (o === A.BIN_TRUEDIV && y !== 0.0) {
                  stack[sp - 1] = new PyFloat(floatType, toFloat(x) / y);
                  break;
                }
              }
            }
            if (a instanceof PyInt && b instanceof PyInt && a.cls === intType && b.cls === intType) {
              // beyond the machine range: straight to the big-int arithmetic
              if (o === A.BIN_ADD) {
                stack[sp - 1] = intAdd(a, b);
                break;
              } else if (o === A.BIN_SUB) {
                stack[sp - 1] = intSub(a, b);
                break;
              } else if (o === A.BIN_MUL) {
                // a product past the machine range that a mask cuts back: the masked tail
                if (bigOf(a) === null && bigOf(b) === null && arg === A.BIN_MUL && !productFits(a.v, b.v)) {
                  const end = maskedTailEnd(code, pc);
                  const r = end >= 0 ? maskedTailValue(code, fast, pc, end, a.v, b.v) : -1;
                  if (r >= 0) {
                    stack[sp - 1] = newInt(r);
                    pc = end;
                    break;
                  }
                }
                stack[sp - 1] = intMul(a, b);
                break;
              } else if (o >= A.BIN_AND) {
                stack[sp - 1] = intBitOp(a, b, o === A.BIN_AND ? 0 : o === A.BIN_OR ? 1 : 2);
                break;
              } else if (o === A.BIN_RSHIFT && bigOf(b) === null && b.v >= 0) {
                stack[sp - 1] = intRshift(a, b);
                break;
              } else if ((o === A.BIN_FLOORDIV || o === A.BIN_MOD) && !intIsZero(b)) {
                stack[sp - 1] = o === A.BIN_MOD ? intMod(a, b) : intFloorDiv(a, b);
                break;
              }
            }
            if (o === A.BIN_ADD && a instanceof PyStr && b instanceof PyStr && a.cls === strType && b.cls === strType) {
              stack[sp - 1] = new PyStr(strType, a.s + b.s);
              break;
            }
            stack[sp - 1] = binaryOp(a, b, arg);
            break;
          }
          case Op.UNARY_NEG:
            stack[sp - 1] = unaryOp(stack[sp - 1], A.U_NEG);
            break;
          case Op.UNARY_POS:
            stack[sp - 1] = unaryOp(stack[sp - 1], A.U_POS);
            break;
          case Op.UNARY_INVERT:
            stack[sp - 1] = unaryOp(stack[sp - 1], A.U_INVERT);
            break;
          case Op.UNARY_NOT:
            stack[sp - 1] = truthy(stack[sp - 1]) ? False : True;
            break;
          case Op.COMPARE_OP: {
            const b = stack[--sp];
            const a = stack[sp - 1];
            if (a instanceof PyInt && b instanceof PyInt && bigOf(a) === null && bigOf(b) === null && (a.cls === intType || a.cls === boolType) && (b.cls === intType || b.cls === boolType)) {
              const x = a.v;
              const y = b.v;
              const r = arg === A.CMP_LT ? x < y : arg === A.CMP_LE ? x <= y : arg === A.CMP_EQ ? x === y : arg === A.CMP_NE ? x !== y : arg === A.CMP_GT ? x > y : x >= y;
              stack[sp - 1] = r ? True : False;
              break;
            }
            if (a instanceof PyFloat && a.cls === floatType) {
              let y = 0.0;
              let num = true;
              if (b instanceof PyFloat && b.cls === floatType) y = b.v;
              else if (b instanceof PyInt && b.cls === intType && bigOf(b) === null) y = toFloat(b.v);
              else num = false;
              if (num) {
                const x = a.v;
                const r = arg === A.CMP_LT ? x < y : arg === A.CMP_LE ? x <= y : arg === A.CMP_EQ ? x === y : arg === A.CMP_NE ? x !== y : arg === A.CMP_GT ? x > y : x >= y;
                stack[sp - 1] = r ? True : False;
                break;
              }
            } else if (a instanceof PyStr && b instanceof PyStr && a.cls === strType && b.cls === strType && (arg === A.CMP_EQ || arg === A.CMP_NE)) {
              stack[sp - 1] = (a.s === b.s) === (arg === A.CMP_EQ) ? True : False;
              break;
            }
            stack[sp - 1] = richCompare(a, b, arg);
            break;
          }
          case Op.IS_OP: {
            const b = stack[--sp];
            const a = stack[sp - 1];
            let same = a === b;
            if (!same && a instanceof PyInt && b instanceof PyInt && a.cls === b.cls && bigOf(a) === null && bigOf(b) === null && a.v === b.v && a.v >= -5 && a.v <= 256) same = true;
            stack[sp - 1] = (arg === 0 ? same : !same) ? True : False;
            break;
          }
          case Op.CONTAINS_OP: {
            const c = stack[--sp];
            const x = stack[sp - 1];
            // an int in an exact set: one call
            const e = c instanceof PySet && c.cls === setType ? findPlainInt(c.table, x) : NOT_PLAIN;
            const r = e !== NOT_PLAIN ? e >= 0 : containsOp(c, x);
            stack[sp - 1] = (arg === 0 ? r : !r) ? True : False;
            break;
          }
          case Op.BINARY_SUBSCR: {
            const k = stack[--sp];
            const o = stack[sp - 1];
            if (o instanceof PyList && k instanceof PyInt && o.cls === listType) {
              const i = k.v;
              if (i >= 0 && i < o.items.length && bigOf(k) === null) {
                stack[sp - 1] = o.items[i];
                break;
              }
            } else if (o instanceof PyTuple && k instanceof PyInt && o.cls === tupleType) {
              const i = k.v;
              if (i >= 0 && i < o.items.length && bigOf(k) === null) {
                stack[sp - 1] = o.items[i];
                break;
              }
            } else if (o instanceof PyDict && o.cls === dictType) {
              const v = dictGet(o, k);
              if (v !== null) {
                stack[sp - 1] = v;
                break;
              }
            }
            stack[sp - 1] = getItem(o, k);
            break;
          }
          case Op.STORE_SUBSCR: {
            const k = stack[--sp];
            const o = stack[--sp];
            const v = stack[--sp];
            if (o instanceof PyList && k instanceof PyInt && o.cls === listType) {
              const i = k.v;
              if (i >= 0 && i < o.items.length && bigOf(k) === null) {
                o.items[i] = v;
                break;
              }
            } else if (o instanceof PyDict && o.cls === dictType) {
              dictSet(o, k, v);
              break;
            }
            setItem(o, k, v);
            break;
          }
          case Op.DELETE_SUBSCR: {
            const k = stack[--sp];
            const o = stack[--sp];
            delItem(o, k);
            break;
          }
          case Op.BUILD_SLICE__BINARY_SUBSCR: {
            // stack: seq, start, stop[, step]
            const base = sp - arg;
            const r = sliceGetFast(stack[base - 1], stack[base], stack[base + 1], arg === 3 ? stack[base + 2] : None);
            if (r !== null) {
              sp = base;
              stack[sp - 1] = r;
              pc++;
              break;
            }
            // (the fused pairs' general way too: the slice object, then the subscript)
            sp = buildSlice(stack, sp, arg);
            break;
          }
          case Op.BUILD_SLICE__STORE_SUBSCR: {
            // stack: value, seq, start, stop[, step]
            const base = sp - arg;
            if (sliceSetFast(stack[base - 1], stack[base], stack[base + 1], arg === 3 ? stack[base + 2] : None, stack[base - 2])) {
              sp = base - 2;
              pc++;
              break;
            }
            // (the fused pairs' general way too: the slice object, then the subscript)
            sp = buildSlice(stack, sp, arg);
            break;
          }
          case Op.BUILD_SLICE: {
            // (the fused pairs' general way too: the slice object, then the subscript)
            sp = buildSlice(stack, sp, arg);
            break;
          }
          case Op.BUILD_TUPLE:
          case Op.BUILD_LIST: {
            const items = stack.slice(sp - arg, sp);
            sp = sp - arg;
            stack[sp++] = op === Op.BUILD_TUPLE ? newTuple(items) : newList(items);
            break;
          }
          case Op.BUILD_SET: {
            const s = new PySet(setType, newDict());
            for (let i = sp - arg; i < sp; i++) dictSet(s.table, stack[i], None);
            sp = sp - arg;
            stack[sp++] = s;
            break;
          }
          case Op.BUILD_MAP: {
            const d = newDict();
            const start = sp - 2 * arg;
            for (let i = start; i < sp; i += 2) dictSet(d, stack[i], stack[i + 1]);
            sp = start;
            stack[sp++] = d;
            break;
          }
          case Op.BUILD_STRING: {
            const parts: string[] = [];
            for (let i = sp - arg; i < sp; i++) parts.push((stack[i] as PyStr).s);
            sp = sp - arg;
            stack[sp++] = newStr(parts.join(''));
            break;
          }
          case Op.LIST_APPEND: {
            const v = stack[--sp];
            (stack[sp - arg] as PyList).items.push(v);
            break;
          }
          case Op.SET_ADD: {
            const v = stack[--sp];
            dictSet((stack[sp - arg] as PySet).table, v, None);
            break;
          }
          case Op.MAP_ADD: {
            const v = stack[--sp];
            const k = stack[--sp];
            dictSet(stack[sp - arg] as PyDict, k, v);
            break;
          }
          case Op.LIST_EXTEND: {
            let v = stack[--sp];
            const l = stack[sp - (arg & 255)] as PyList;
            if (!(v instanceof PyList) && !(v instanceof PyTuple)) {
              const it = getIterOrNull(v);
              if (it === null) {
                // the call's stack is [callee, self-or-null, list]
                const what = (arg & LIST_EXTEND_CALL) !== 0 ? `${functionStr(stack[sp - 3])} argument` : 'Value';
                throw raise(TypeError, `${what} after * must be an iterable, not ${typeName(v)}`);
              }
              v = it;
            }
            for (const x of iterToArray(v)) l.items.push(x);
            break;
          }
          case Op.SET_UPDATE: {
            const v = stack[--sp];
            const s = stack[sp - arg] as PySet;
            for (const x of iterToArray(v)) dictSet(s.table, x, None);
            break;
          }
          case Op.DICT_UPDATE:
          case Op.DICT_MERGE: {
            const v = stack[--sp];
            const d = stack[sp - arg] as PyDict;
            // DICT_MERGE builds a call's keywords: [callee, self-or-null, argument tuple, dict]
            const callee = op === Op.DICT_MERGE ? stack[sp - arg - 3] : null;
            if (v instanceof PyDict && !dictIterOverridden(v)) {
              for (let i = 0; i < v.keys.length; i++) {
                const k = v.keys[i];
                const val = v.vals[i];
                if (k === null || val === null) continue;
                if (callee !== null && dictGet(d, k) !== null) throw raise(TypeError, `${functionStr(callee)} got multiple values for keyword argument '${str(k)}'`);
                dictSet(d, k, val);
              }
            } else {
              // any other mapping, and an OrderedDict in its own order, through keys() and []
              const keysFn = getAttrOrNull(v, 'keys');
              if (keysFn === null) {
                if (callee !== null) throw raise(TypeError, `${functionStr(callee)} argument after ** must be a mapping, not ${typeName(v)}`);
                throw raise(TypeError, `'${typeName(v)}' object is not a mapping`);
              }
              for (const k of iterToArray(callObj(keysFn, [], null))) {
                if (callee !== null && dictGet(d, k) !== null) throw raise(TypeError, `${functionStr(callee)} got multiple values for keyword argument '${str(k)}'`);
                dictSet(d, k, getItem(v, k));
              }
            }
            break;
          }
          case Op.LIST_TO_TUPLE:
            stack[sp - 1] = newTuple((stack[sp - 1] as PyList).items);
            break;
          case Op.FORMAT_VALUE: {
            const spec = (arg & 4) !== 0 ? ((stack[--sp] as PyStr)).s : '';
            let v = stack[--sp];
            const conv = arg & 3;
            if (conv === 1) v = newStr(str(v));
            else if (conv === 2) v = newStr(repr(v));
            else if (conv === 3) v = newStr(asciiRepr(v));
            stack[sp++] = newStr(formatValue(v, spec));
            break;
          }
          case Op.JUMP:
            pc = arg;
            break;
          case Op.JUMP_BACKWARD_NO_JIT:
            if (os.takeInterrupt()) handleInterrupt();
            pc = arg;
            break;
          case Op.JUMP_BACKWARD:
            if (os.takeInterrupt()) handleInterrupt();
            pc = arg;
            if (VM.hooks.enabled) {
              if (code.jitCount.length === 0) VM.hooks.arm(code);
              const jc = code.jitCount;
              const left = jc[arg] - 1;
              jc[arg] = left;
              if (left <= 0) {
                f.sp = sp;
                const to = VM.hooks.onLoopHeader(f, arg);
                if (to >= 0) {
                  pc = to;
                  sp = f.sp;
                  const pt = f.pendingThrow;
                  if (pt !== null) {
                    f.pendingThrow = null;
                    throw new PyExc(pt);
                  }
                }
              }
            }
            break;
          case Op.POP_JUMP_IF_FALSE: {
            const v = stack[--sp];
            // an exact int (a loop counter, `while k:`) is tested here, without a call
            if (v instanceof PyInt && v.cls === intType ? bigOf(v) === null && v.v === 0 : v === False || (v !== True && !truthy(v))) pc = arg;
            break;
          }
          case Op.POP_JUMP_IF_TRUE: {
            const v = stack[--sp];
            if (v instanceof PyInt && v.cls === intType ? bigOf(v) !== null || v.v !== 0 : v === True || (v !== False && truthy(v))) pc = arg;
            break;
          }
          case Op.JUMP_IF_FALSE_OR_POP:
            if (!truthy(stack[sp - 1])) pc = arg;
            else sp--;
            break;
          case Op.JUMP_IF_TRUE_OR_POP:
            if (truthy(stack[sp - 1])) pc = arg;
            else sp--;
            break;
          case Op.GET_ITER:
            stack[sp - 1] = getIter(stack[sp - 1]);
            break;
          case Op.FOR_ITER: {
            const it = stack[sp - 1];
            if (it instanceof PySeqIter) {
              if (it.kind === IT_RANGE) {
                if (it.n > 0) {
                  it.n--;
                  const v = it.i;
                  it.i += it.step;
                  stack[sp++] = v >= -5 && v <= 256 ? SMALL.cache[v + 5] : new PyInt(intType, v);
                } else {
                  sp--;
                  pc = arg;
                }
                break;
              }
              if (it.kind === IT_LIST) {
                const items = (it.seq as PyList).items;
                if (it.i < items.length) {
                  stack[sp++] = items[it.i];
                  it.i++;
                } else {
                  it.i = IT_EXHAUSTED;
                  sp--;
                  pc = arg;
                }
                break;
              }
            }
            f.pc = pc;
            const v = iterNext(it);
            if (v === null) {
              sp--;
              pc = arg;
            } else {
              stack[sp++] = v;
            }
            break;
          }
          case Op.UNPACK_SEQUENCE: {
            const seq = stack[--sp];
            let items: PyObject[];
            if (seq instanceof PyTuple) items = seq.items;
            else if (seq instanceof PyList) items = seq.items;
            else items = unpackItems(seq);
            if (items.length !== arg) throw unpackError(items.length, arg);
            for (let i = arg - 1; i >= 0; i--) stack[sp++] = items[i];
            break;
          }
          case Op.UNPACK_EX: {
            const before = arg & 255;
            const after = arg >> 8;
            const items = unpackItems(stack[--sp]);
            if (items.length < before + after) {
              throw raise(ValueError, `not enough values to unpack (expected at least ${before + after}, got ${items.length})`);
            }
            for (let i = items.length - 1; i >= items.length - after; i--) stack[sp++] = items[i];
            stack[sp++] = newList(items.slice(before, items.length - after));
            for (let i = before - 1; i >= 0; i--) stack[sp++] = items[i];
            break;
          }
          case Op.MAKE_FUNCTION: {
            const fcode = (stack[--sp] as PyCode);
            const n = (arg & 1) + ((arg >> 1) & 1) + ((arg >> 2) & 1) + ((arg >> 3) & 1);
            sp -= n;
            stack[sp] = makeFunction(fcode, f.globals, arg, n === 0 ? NO_PARTS : stack.slice(sp, sp + n));
            sp++;
            break;
          }
          case Op.RETURN_VALUE: {
            const v = stack[--sp];
            f.pc = pc;
            return v;
          }
          case Op.YIELD_VALUE: {
            const v = stack[--sp];
            // a generator drained by a builtin consumer hands it the item and runs on, as if
            // resumed by next() at once (drain.ts)
            const sink = f.sink;
            if (sink !== null && sink.offer(v)) {
              stack[sp++] = None;
              break;
            }
            f.pc = pc;
            f.sp = sp;
            f.yielded = true;
            return v;
          }
          case Op.GET_YIELD_FROM_ITER: {
            // a coroutine is delegated to as it is, but only by a coroutine or a generator
            // that types.coroutine marked; a generator as it is; anything else by its iterator
            const o = stack[sp - 1];
            if (o instanceof PyGenerator && o.cls === coroutineType) {
              if ((code.flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE)) === 0) {
                throw raise(TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
              }
            } else if (!(o instanceof PyGenerator && o.cls === generatorType)) stack[sp - 1] = getIter(o);
            break;
          }
          case Op.SEND: {
            const v = stack[--sp];
            const it = stack[sp - 1];
            f.pc = pc;
            let r: PyObject | null = null;
            let retval: PyObject = None;
            const g = it instanceof PyCoroWrapper ? it.coro : it;
            if (g instanceof PyGenerator) {
              r = genSend(g, v);
              if (r === null) retval = g.retval;
            } else if (v === None && (it instanceof PySeqIter || lookupType(it.cls, '__next__') === null)) {
              r = iterNext(it);
            } else {
              // the iterator's StopIteration carries the value of the await / yield from
              try {
                r = callObj(v === None ? getAttr(it, '__next__') : getAttr(it, 'send'), v === None ? [] : [v], null);
              } catch (e) {
                if (!(e instanceof PyExc && isInstance(e.exc, StopIteration))) throw e;
                retval = stopValue(e.exc);
              }
            }
            if (r === null) {
              stack[sp - 1] = retval;
              pc = arg;
            } else {
              stack[sp++] = r;
            }
            break;
          }
          case Op.GET_AWAITABLE: {
            const o = stack[sp - 1];
            // `await coro()`: a coroutine not started is its own awaitable, awaited by no one
            if (o instanceof PyGenerator && o.cls === coroutineType && o.frame.pc === 0) break;
            f.pc = pc;
            stack[sp - 1] = awaitOperand(o, arg);
            break;
          }
          case Op.GET_AITER:
            f.pc = pc;
            stack[sp - 1] = getAIter(stack[sp - 1]);
            break;
          case Op.GET_ANEXT: {
            f.pc = pc;
            const a = getANext(stack[sp - 1]);
            stack[sp++] = a;
            break;
          }
          case Op.END_ASYNC_FOR: {
            const exc = stack[--sp] as PyBaseExc;
            if (!isInstance(exc, StopAsyncIteration)) {
              VM.reraising = true;
              throw new PyExc(exc);
            }
            sp--;
            break;
          }
          case Op.BEFORE_ASYNC_WITH: {
            f.pc = pc;
            const mgr = stack[sp - 1];
            stack[sp - 1] = asyncWithExit(mgr);
            const a = asyncEnter(mgr);
            stack[sp++] = a;
            break;
          }
          case Op.WITH_EXCEPT_START: {
            f.pc = pc;
            const exc = stack[sp - 1] as PyBaseExc;
            const r = callObj(stack[sp - 3], [exc.cls, exc, None], null);
            stack[sp++] = r;
            break;
          }
          case Op.ASYNC_GEN_WRAP:
            stack[sp - 1] = new PyAsyncGenWrapped(stack[sp - 1]);
            break;
          case Op.SETUP_FINALLY:
            if (f.blocks === EMPTY.blocks) f.blocks = [];
            f.blocks.push(arg);
            f.blocks.push(sp);
            break;
          case Op.SETUP_CLEANUP:
            if (f.blocks === EMPTY.blocks) f.blocks = [];
            f.blocks.push(arg);
            f.blocks.push(sp - 1);
            break;
          case Op.POP_BLOCK:
            f.blocks.length = f.blocks.length - 2;
            break;
          case Op.PUSH_EXC_INFO: {
            const exc = stack[--sp];
            const prev = VM.curExc;
            stack[sp++] = prev === null ? None : prev;
            stack[sp++] = exc;
            VM.curExc = exc as PyBaseExc;
            break;
          }
          case Op.POP_EXCEPT: {
            const prev = stack[--sp];
            VM.curExc = prev === None ? null : (prev as PyBaseExc);
            break;
          }
          case Op.POP_EXCEPT_RERAISE: {
            const exc = (stack[--sp] as PyBaseExc);
            const prev = stack[--sp];
            VM.curExc = prev === None ? null : (prev as PyBaseExc);
            VM.reraising = true;
            throw new PyExc(exc);
          }
          case Op.RERAISE: {
            const exc = (stack[--sp] as PyBaseExc);
            VM.reraising = true;
            throw new PyExc(exc);
          }
          case Op.CHECK_EXC_MATCH: {
            const spec = stack[--sp];
            const matched = exceptMatches(stack[sp - 1], spec) ? True : False;
            stack[sp++] = matched;
            break;
          }
          case Op.CHECK_EG_MATCH: {
            f.pc = pc;
            const r = exceptStarMatch(stack[sp - 2], stack[sp - 1]);
            stack[sp - 2] = r[0];
            stack[sp - 1] = r[1];
            // the handler's sys.exc_info() and bare `raise` are the matched part
            if (r[1] !== None) VM.curExc = r[1] as PyBaseExc;
            break;
          }
          case Op.PREP_RERAISE_STAR: {
            const l = stack[--sp] as PyList;
            stack[sp - 1] = prepReraiseStar(stack[sp - 1], l.items);
            break;
          }
          case Op.RAISE_VARARGS: {
            f.pc = pc;
            if (arg === 0) {
              const cur = topExc();
              if (cur === null) throw raise(RuntimeError, 'No active exception to reraise');
              VM.reraising = true;
              throw new PyExc(cur);
            }
            let cause: PyObject | null = null;
            if (arg === 2) cause = stack[--sp];
            const exc = makeException(stack[--sp]);
            if (cause !== null) {
              exc.cause = cause === None ? null : makeException(cause);
              exc.suppressContext = true;
            }
            throw new PyExc(exc);
          }
          case Op.SETUP_WITH: {
            const ctx = stack[--sp];
            const exitFn = withExit(ctx);
            const enter = lookupType(ctx.cls, '__enter__') as PyObject;
            stack[sp++] = exitFn;
            if (f.blocks === EMPTY.blocks) f.blocks = [];
            f.blocks.push(arg);
            f.blocks.push(sp);
            stack[sp++] = callObj(enter, [ctx], null);
            break;
          }
          case Op.WITH_EXIT: {
            const exitFn = stack[--sp];
            callObj(exitFn, [None, None, None], null);
            break;
          }
          case Op.WITH_EXCEPT: {
            const exc = (stack[--sp] as PyBaseExc);
            const exitFn = stack[--sp];
            const prev = VM.curExc;
            VM.curExc = exc;
            let r: PyObject;
            try {
              r = callObj(exitFn, [exc.cls, exc, None], null);
            } finally {
              VM.curExc = prev;
            }
            if (!truthy(r)) {
              VM.reraising = true;
              throw new PyExc(exc);
            }
            break;
          }
          case Op.IMPORT_NAME: {
            const fromlist = stack[--sp];
            const level = (stack[--sp] as PyInt);
            f.pc = pc;
            stack[sp++] = importName(code.names[arg], fromlist, level.v, f.globals);
            break;
          }
          case Op.IMPORT_FROM:
            const imported = importFrom(stack[sp - 1], code.names[arg]);
            stack[sp++] = imported;
            break;
          case Op.IMPORT_STAR: {
            const m = stack[--sp];
            const ld = f.localsDict;
            importStar(m, ld === null ? f.globals : ld);
            break;
          }
          case Op.LOAD_BUILD_CLASS:
            stack[sp++] = loadBuildClass(f.globals);
            break;
          case Op.LOAD_ASSERTION_ERROR:
            stack[sp++] = AssertionError;
            break;
          case Op.MATCH_SEQUENCE: {
            const s = stack[sp - 1];
            stack[sp - 1] = s instanceof PyList || s instanceof PyTuple || s instanceof PyRange ? True : False;
            break;
          }
          case Op.MATCH_MAPPING:
            stack[sp - 1] = stack[sp - 1] instanceof PyDict ? True : False;
            break;
          case Op.GET_LEN:
            stack[sp - 1] = newInt(pyLen(stack[sp - 1]));
            break;
          case Op.MATCH_CLASS: {
            const kwn = (stack[--sp] as PyTuple);
            const cls = stack[--sp];
            const subj = stack[sp - 1];
            stack[sp - 1] = matchClass(subj, cls, arg, kwn);
            break;
          }
          case Op.MATCH_KEYS: {
            const keys = (stack[--sp] as PyTuple);
            const subj = stack[sp - 1] as PyDict;
            const vals: PyObject[] = [];
            let ok = true;
            for (const k of keys.items) {
              const v = dictGet(subj, k);
              if (v === null) {
                ok = false;
                break;
              }
              vals.push(v);
            }
            stack[sp - 1] = ok ? newTuple(vals) : None;
            break;
          }
          case Op.MATCH_STAR_LIST: {
            const items = iterToArray(stack[sp - 1]);
            stack[sp - 1] = newList(items.slice(arg & 255, items.length - (arg >> 8)));
            break;
          }
          case Op.MATCH_MAP_REST: {
            const keys = (stack[--sp] as PyTuple);
            const subj = stack[sp - 1] as PyDict;
            const d = newDict();
            for (let i = 0; i < subj.keys.length; i++) {
              const k = subj.keys[i];
              const v = subj.vals[i];
              if (k === null || v === null) continue;
              let skip = false;
              for (const x of keys.items) if (richCompare(x, k, A.CMP_EQ) === True) skip = true;
              if (!skip) dictSet(d, k, v);
            }
            stack[sp - 1] = d;
            break;
          }
          // ---- fused pairs (see fuse in compiler/opcodes.ts): the second instruction is at pc ----
          case Op.LOAD_FAST__LOAD_ATTR: {
            const o = fast[arg];
            if (o !== null && o instanceof PyInstance) {
              const e = icProbe(code.ics[pc] ?? cacheAt(code, pc), o.map);
              if (e !== null) {
                const v = e.slot >= 0 ? o.slots[e.slot] : e.value;
                if (v !== null) {
                  stack[sp++] = v;
                  pc++;
                  break;
                }
              }
            }
            if (o === null) throw unboundLocal(code.varnames[arg]);
            stack[sp++] = o;
            break;
          }
          case Op.LOAD_FAST__LOAD_METHOD: {
            const o = fast[arg];
            if (o !== null && o instanceof PyInstance) {
              const e = icProbe(code.ics[pc] ?? cacheAt(code, pc), o.map);
              if (e !== null && e.value !== null) {
                stack[sp++] = e.value;
                stack[sp++] = o;
                pc++;
                break;
              }
            }
            if (o === null) throw unboundLocal(code.varnames[arg]);
            stack[sp++] = o;
            break;
          }
          case Op.LOAD_FAST__LOAD_FAST: {
            const v = fast[arg];
            if (v === null) throw unboundLocal(code.varnames[arg]);
            const v2 = fast[ops[pc] >> 7];
            stack[sp++] = v;
            if (v2 !== null) {
              stack[sp++] = v2;
              pc++;
            }
            break;
          }
          case Op.LOAD_FAST__LOAD_CONST: {
            const v = fast[arg];
            if (v === null) throw unboundLocal(code.varnames[arg]);
            stack[sp++] = v;
            stack[sp++] = code.consts[ops[pc] >> 7];
            pc++;
            break;
          }
          case Op.STORE_FAST__LOAD_FAST: {
            fast[arg] = stack[--sp];
            const v2 = fast[ops[pc] >> 7];
            if (v2 !== null) {
              stack[sp++] = v2;
              pc++;
            }
            break;
          }
          case Op.COMPARE_OP__POP_JUMP_IF_FALSE: {
            const b = stack[sp - 1];
            const a = stack[sp - 2];
            let known = true;
            let r = false;
            if (a instanceof PyInt && b instanceof PyInt && bigOf(a) === null && bigOf(b) === null && (a.cls === intType || a.cls === boolType) && (b.cls === intType || b.cls === boolType)) {
              const x = a.v;
              const y = b.v;
              r = arg === A.CMP_LT ? x < y : arg === A.CMP_LE ? x <= y : arg === A.CMP_EQ ? x === y : arg === A.CMP_NE ? x !== y : arg === A.CMP_GT ? x > y : x >= y;
            } else if (a instanceof PyFloat && a.cls === floatType && ((b instanceof PyFloat && b.cls === floatType) || (b instanceof PyInt && b.cls === intType && bigOf(b) === null))) {
              const x = a.v;
              const y = b instanceof PyFloat ? b.v : toFloat((b as PyInt).v);
              r = arg === A.CMP_LT ? x < y : arg === A.CMP_LE ? x <= y : arg === A.CMP_EQ ? x === y : arg === A.CMP_NE ? x !== y : arg === A.CMP_GT ? x > y : x >= y;
            } else if (a instanceof PyStr && b instanceof PyStr && a.cls === strType && b.cls === strType && (arg === A.CMP_EQ || arg === A.CMP_NE)) {
              r = (a.s === b.s) === (arg === A.CMP_EQ);
            } else known = false;
            if (known) {
              sp -= 2;
              if (r) pc++;
              else pc = ops[pc] >> 7;
              break;
            }
            sp--;
            stack[sp - 1] = richCompare(a, b, arg);
            break;
          }
          case Op.FOR_ITER__STORE_FAST: {
            // the next item of a range or list goes straight into the loop variable
            const it = stack[sp - 1];
            if (it instanceof PySeqIter) {
              if (it.kind === IT_RANGE) {
                if (it.n > 0) {
                  it.n--;
                  const v = it.i;
                  it.i += it.step;
                  fast[ops[pc] >> 7] = v >= -5 && v <= 256 ? SMALL.cache[v + 5] : new PyInt(intType, v);
                  pc++;
                } else {
                  sp--;
                  pc = arg;
                }
                break;
              }
              if (it.kind === IT_LIST) {
                const items = (it.seq as PyList).items;
                if (it.i < items.length) {
                  fast[ops[pc] >> 7] = items[it.i];
                  it.i++;
                  pc++;
                } else {
                  it.i = IT_EXHAUSTED;
                  sp--;
                  pc = arg;
                }
                break;
              }
            }
            f.pc = pc;
            const v = iterNext(it);
            if (v === null) {
              sp--;
              pc = arg;
            } else {
              fast[ops[pc] >> 7] = v;
              pc++;
            }
            break;
          }
          case Op.IS_OP__POP_JUMP_IF_FALSE:
          case Op.IS_OP__POP_JUMP_IF_TRUE: {
            const b = stack[--sp];
            const a = stack[--sp];
            let same = a === b;
            if (!same && a instanceof PyInt && b instanceof PyInt && a.cls === b.cls && bigOf(a) === null && bigOf(b) === null && a.v === b.v && a.v >= -5 && a.v <= 256) same = true;
            const r = arg === 0 ? same : !same;
            if (r === (op === Op.IS_OP__POP_JUMP_IF_TRUE)) pc = ops[pc] >> 7;
            else pc++;
            break;
          }
          case Op.CONTAINS_OP__POP_JUMP_IF_FALSE:
          case Op.CONTAINS_OP__POP_JUMP_IF_TRUE: {
            const c = stack[--sp];
            const x = stack[--sp];
            const e = c instanceof PySet && c.cls === setType ? findPlainInt(c.table, x) : NOT_PLAIN;
            const r = e !== NOT_PLAIN ? e >= 0 : containsOp(c, x);
            if ((arg === 0 ? r : !r) === (op === Op.CONTAINS_OP__POP_JUMP_IF_TRUE)) pc = ops[pc] >> 7;
            else pc++;
            break;
          }
          default:
            throw raise(RuntimeError, 'bad opcode ' + String(op));
        }
      }
    } catch (err) {
      let e: PyExc;
      if (err instanceof PyExc) e = err;
      else if (err instanceof HostOverflow) e = raise(OverflowErrorT, err.message);
      // the heap outgrew its limit (translated only): the runtime lends a reserve for this
      else if (err instanceof HostMemoryError) e = raise(MemoryError, '');
      // the host stack ran out before the recursion limit did (a limit raised very high)
      else if (err instanceof Error && err.message === 'Maximum call stack size exceeded') e = raise(RecursionError, 'maximum recursion depth exceeded');
      else throw err;
      // calls made inline from this loop leave their frame and depth behind when they raise
      VM.frame = f;
      VM.depth = depth;
      const exc = e.exc;
      const reraised = VM.reraising;
      if (reraised) {
        VM.reraising = false;
      } else {
        addTraceback(f, exc, pc);
        const cur = topExc();
        if (cur !== null && cur !== exc && exc.context === null) setImplicitContext(exc, cur);
      }
      if (f.blocks.length > 0) {
        const level = f.blocks.pop() as int;
        const handler = f.blocks.pop() as int;
        f.raisePc = pc;
        sp = level;
        stack[sp++] = exc;
        pc = handler;
        f.kwnames = null;
        continue;
      }
      f.pc = reraised && leavesAtRaise(ops, pc) ? f.raisePc : pc;
      throw e;
    }
  }
}

export function runModuleCode(code: PyCode, globals: PyDict): PyObject {
  const f = new Frame(code, null, globals, null, []);
  return evalFrame(f);
}
