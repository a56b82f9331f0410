// The atexit module: callbacks run when the program ends (after an uncaught exception or
// sys.exit too), last registered first; an exception in one is reported as CPython reports an
// unraisable one and the others still run.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, PyExc, newInt, raise, None, TypeError } from '../objects/core.ts';
import { B, FAM_ATEXIT } from '../builtins/ids.ts';
import { npos, unhandledBuiltin } from '../builtins/args.ts';
import { newBuiltinModule, addFn } from './registry.ts';
import { callObj, pyEq } from '../interpreter/runtime.ts';
import { isCallable } from '../builtins/dispatch.ts';
import { writeUnraisable } from './sys.ts';

class Callback {
  func: PyObject;
  /** the positional arguments, then the keyword values named by kw */
  args: PyObject[];
  kw: string[] | null;
  constructor(func: PyObject, args: PyObject[], kw: string[] | null) {
    this.func = func;
    this.args = args;
    this.kw = kw;
  }
}
class AtexitState {
  /** unregistered ones leave a null, as in CPython, whose _ncallbacks counts them still */
  callbacks: (Callback | null)[] = [];
}
const STATE = new AtexitState();

export function makeAtexit(): PyModule {
  // a module is made once per run: callbacks of an earlier run in the same process are gone
  STATE.callbacks = [];
  const m = newBuiltinModule('atexit');
  addFn(m, 'register', B.ATEXIT_REGISTER, FAM_ATEXIT);
  addFn(m, 'unregister', B.ATEXIT_UNREGISTER, FAM_ATEXIT);
  addFn(m, '_run_exitfuncs', B.ATEXIT_RUN, FAM_ATEXIT);
  addFn(m, '_clear', B.ATEXIT_CLEAR, FAM_ATEXIT);
  addFn(m, '_ncallbacks', B.ATEXIT_NCALLBACKS, FAM_ATEXIT);
  return m;
}

/** Runs the callbacks, last registered first, and forgets them (at exit and _run_exitfuncs). */
export function runExitFuncs(): void {
  const cbs = STATE.callbacks;
  STATE.callbacks = [];
  for (let i = cbs.length - 1; i >= 0; i--) {
    const cb = cbs[i];
    if (cb === null) continue;
    try {
      callObj(cb.func, cb.args, cb.kw);
    } catch (err) {
      if (!(err instanceof PyExc)) throw err;
      writeUnraisable(err.exc, 'Exception ignored in atexit callback', cb.func);
    }
  }
}

export function callAtexit(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  switch (id) {
    case B.ATEXIT_REGISTER: {
      if (n < 1) throw raise(TypeError, 'register() takes at least 1 argument (0 given)');
      const f = args[0];
      if (!isCallable(f)) throw raise(TypeError, 'the first argument must be callable');
      STATE.callbacks.push(new Callback(f, args.slice(1), kw));
      return f;
    }
    case B.ATEXIT_UNREGISTER: {
      if (n !== 1) throw raise(TypeError, `atexit.unregister() takes exactly one argument (${n} given)`);
      const cbs = STATE.callbacks;
      for (let i = 0; i < cbs.length; i++) {
        const cb = cbs[i];
        if (cb !== null && pyEq(cb.func, args[0])) cbs[i] = null;
      }
      return None;
    }
    case B.ATEXIT_RUN:
      runExitFuncs();
      return None;
    case B.ATEXIT_CLEAR:
      STATE.callbacks = [];
      return None;
    case B.ATEXIT_NCALLBACKS:
      return newInt(STATE.callbacks.length);
  }
  throw unhandledBuiltin('atexit function', id);
}
