// builtins.breakpoint() and sys.breakpointhook / sys.__breakpointhook__ (PEP 553).
// breakpoint() calls whatever sys.breakpointhook is now; the default hook picks its debugger
// from $PYTHONBREAKPOINT as CPython's sys_breakpointhook does: unset or empty means
// pdb.set_trace, "0" disables breakpoints, "mod.sub.fn" imports mod.sub and calls fn, a name
// without a dot is a builtin. A name that cannot be imported is warned about and ignored.
import type { int } from '../../translate/rlib/index.ts';
import { os } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, PyExc, newStr, raise, None, RuntimeError, ImportError, AttributeError, RuntimeWarning } from '../objects/core.ts';
import { dictGetS, dictSetS } from '../objects/dict.ts';
import { B, FAM_DESCR2 } from '../builtins/ids.ts';
import { mkBuiltin, unhandledBuiltin } from '../builtins/args.ts';
import { addFn } from './registry.ts';
import { callObj, getAttr, isInstance } from '../interpreter/runtime.ts';
import { VM } from '../interpreter/state.ts';
import { importName, loadModule } from '../interpreter/importer.ts';
import { STD } from './io.ts';

/** sys.breakpointhook and sys.__breakpointhook__ (the default, to restore it from). */
export function addBreakpointHook(m: PyModule): void {
  addFn(m, 'breakpointhook', B.SYS_BREAKPOINTHOOK, FAM_DESCR2);
  dictSetS(m.dict, '__breakpointhook__', dictGetS(m.dict, 'breakpointhook') as PyObject);
}

/** builtins.breakpoint. */
export function initBreakpoint(): void {
  const b = mkBuiltin('breakpoint', B.BREAKPOINT, false, FAM_DESCR2);
  b.module = 'builtins';
  dictSetS(VM.builtins, 'breakpoint', b);
}

/** warnings.warn(msg, RuntimeWarning), through the warnings module so that filters and
 * catch_warnings see it. */
function warnRuntime(msg: string): void {
  const w = loadModule('warnings');
  callObj(getAttr(w, 'warn'), [newStr(msg), RuntimeWarning], null);
}

/** The debugger $PYTHONBREAKPOINT names, None when breakpoints are off, or null when it names
 * something that cannot be imported. */
function hookFromEnv(envar: string): PyObject | null {
  const dot = envar.lastIndexOf('.');
  if (dot === 0) return null;
  const modulePath = dot < 0 ? 'builtins' : envar.slice(0, dot);
  const attr = dot < 0 ? envar : envar.slice(dot + 1);
  // an empty component ('..', 'foo..bar') names no module: CPython's import says so with
  // ModuleNotFoundError, which lands here too
  for (const part of modulePath.split('.')) if (part === '') return null;
  try {
    importName(modulePath, None, 0, VM.builtins);
    return getAttr(loadModule(modulePath), attr);
  } catch (e) {
    if (e instanceof PyExc && (isInstance(e.exc, ImportError) || isInstance(e.exc, AttributeError))) return null;
    throw e;
  }
}

function defaultHook(args: PyObject[], kw: string[] | null): PyObject {
  let envar = os.getenv('PYTHONBREAKPOINT');
  if (envar === null || envar === '') envar = 'pdb.set_trace';
  else if (envar === '0') return None;
  const hook = hookFromEnv(envar);
  if (hook === null) {
    warnRuntime(`Ignoring unimportable $PYTHONBREAKPOINT: "${envar}"`);
    return None;
  }
  return callObj(hook, args, kw);
}

export function callBreakpoint(id: int, args: PyObject[], kw: string[] | null): PyObject {
  switch (id) {
    case B.SYS_BREAKPOINTHOOK:
      return defaultHook(args, kw);
    case B.BREAKPOINT: {
      // sys is made on its first import, which breakpoint() may come before
      const d = STD.sysDict !== null ? STD.sysDict : loadModule('sys').dict;
      const hook = dictGetS(d, 'breakpointhook');
      if (hook === null) throw raise(RuntimeError, 'lost sys.breakpointhook');
      return callObj(hook, args, kw);
    }
  }
  throw unhandledBuiltin('breakpoint', id);
}
