// sys.get_asyncgen_hooks / sys.set_asyncgen_hooks, and the firstiter hook's call: an event loop
// (asyncio's) registers hooks so that it learns of every async generator first iterated while
// it runs, to aclose() those left unfinished when it shuts down (loop.shutdown_asyncgens()). As
// in CPython, a generator takes the hooks current at its first __anext__/asend/athrow/aclose:
// firstiter is called with it then. (pyvm runs no finalizer when an unfinished generator is
// collected, so the finalizer hook is kept and reported but never called.) Also the coroutine
// origin tracking depth an event loop in debug mode sets (coroutines record their cr_origin to
// that depth: corofinal.ts).
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, newInt, raise, None, TypeError, ValueError } from '../objects/core.ts';
import { B, FAM_ASYNCGEN_HOOKS } from '../builtins/ids.ts';
import { arg, npos, unhandledBuiltin } from '../builtins/args.ts';
import { addFn } from './registry.ts';
import { structSeqType, PyStructSeq } from './structseq.ts';
import { typeName, callObj, toIntIndex } from '../interpreter/runtime.ts';
import { isCallable } from '../builtins/dispatch.ts';
import type { PyGenerator } from '../interpreter/frame.ts';

const HOOKS_TYPE = structSeqType('builtins', 'asyncgen_hooks', ['firstiter', 'finalizer'], 2, []);

class Hooks {
  firstiter: PyObject = None;
  finalizer: PyObject = None;
  originDepth: int = 0;
}
const HOOKS = new Hooks();

export function addAsyncgenHooks(m: PyModule): void {
  addFn(m, 'get_asyncgen_hooks', B.SYS_GET_ASYNCGEN_HOOKS, FAM_ASYNCGEN_HOOKS);
  addFn(m, 'set_asyncgen_hooks', B.SYS_SET_ASYNCGEN_HOOKS, FAM_ASYNCGEN_HOOKS);
  addFn(m, 'get_coroutine_origin_tracking_depth', B.SYS_GET_CORO_ORIGIN_DEPTH, FAM_ASYNCGEN_HOOKS);
  addFn(m, 'set_coroutine_origin_tracking_depth', B.SYS_SET_CORO_ORIGIN_DEPTH, FAM_ASYNCGEN_HOOKS);
}

/** The depth sys.set_coroutine_origin_tracking_depth set (0: cr_origin not recorded). */
export function originTrackingDepth(): int {
  return HOOKS.originDepth;
}

/** Called as each of gen's first __anext__/asend/athrow/aclose is made: the firstiter hook. */
export function asyncGenFirstIter(gen: PyGenerator): void {
  if (gen.agHooksInited) return;
  gen.agHooksInited = true;
  if (HOOKS.firstiter !== None) callObj(HOOKS.firstiter, [gen], null);
}

/** A hook argument: null when not given (kept as it is), else None or a callable. */
function hookArg(args: PyObject[], kw: string[] | null, i: int, name: string): PyObject | null {
  const a = arg(args, kw, i, name);
  if (a === null || a === None) return a;
  if (!isCallable(a)) throw raise(TypeError, `callable ${name} expected, got ${typeName(a)}`);
  return a;
}

export function callAsyncgenHooks(id: int, args: PyObject[], kw: string[] | null): PyObject {
  switch (id) {
    case B.SYS_GET_ASYNCGEN_HOOKS:
      if (args.length !== 0) throw raise(TypeError, `get_asyncgen_hooks() takes no arguments (${args.length} given)`);
      return new PyStructSeq(HOOKS_TYPE, [HOOKS.firstiter, HOOKS.finalizer]);
    case B.SYS_SET_ASYNCGEN_HOOKS: {
      if (npos(args, kw) > 2) throw raise(TypeError, `set_asyncgen_hooks() takes at most 2 arguments (${npos(args, kw)} given)`);
      // CPython checks the finalizer first, and sets neither unless both are good
      const fin = hookArg(args, kw, 1, 'finalizer');
      const first = hookArg(args, kw, 0, 'firstiter');
      if (fin !== null) HOOKS.finalizer = fin;
      if (first !== null) HOOKS.firstiter = first;
      return None;
    }
    case B.SYS_GET_CORO_ORIGIN_DEPTH:
      if (args.length !== 0) throw raise(TypeError, `get_coroutine_origin_tracking_depth() takes no arguments (${args.length} given)`);
      return newInt(HOOKS.originDepth);
    case B.SYS_SET_CORO_ORIGIN_DEPTH: {
      const a = arg(args, kw, 0, 'depth');
      if (a === null) throw raise(TypeError, "set_coroutine_origin_tracking_depth() missing required argument 'depth' (pos 1)");
      const d = toIntIndex(a);
      if (d < 0) throw raise(ValueError, 'depth must be >= 0');
      HOOKS.originDepth = d;
      return None;
    }
  }
  throw unhandledBuiltin('sys asyncgen hooks function', id);
}
