// sys.displayhook (what an expression statement of interactive code, the REPL's or
// compile(..., 'single')'s, hands its value to: doctest replaces it and sys.stdout while it runs
// examples) and the trace and profile hooks. pyvm's loop calls no trace or profile function, so
// sys.gettrace()/getprofile() are always None and settrace/setprofile accept only None (what
// doctest, unittest and the debuggers' clean-up pass back); a function is refused rather than
// kept and never called.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, newStr, raise, None, TypeError, RuntimeError, NotImplementedError } from '../objects/core.ts';
import { dictGetS, dictSetS } from '../objects/dict.ts';
import { B, FAM_DESCR } from '../builtins/ids.ts';
import { npos, unhandledBuiltin } from '../builtins/args.ts';
import { addFn } from './registry.ts';
import { callObj, getAttr, repr } from '../interpreter/runtime.ts';
import { VM, writeOut } from '../interpreter/state.ts';
import { STD, currentStdout, consoleOf } from './io.ts';

export function addSysHooks(m: PyModule): void {
  addFn(m, 'displayhook', B.SYS_DISPLAYHOOK, FAM_DESCR);
  dictSetS(m.dict, '__displayhook__', dictGetS(m.dict, 'displayhook') as PyObject);
  addFn(m, 'gettrace', B.SYS_GETTRACE, FAM_DESCR);
  addFn(m, 'settrace', B.SYS_SETTRACE, FAM_DESCR);
  addFn(m, 'getprofile', B.SYS_GETPROFILE, FAM_DESCR);
  addFn(m, 'setprofile', B.SYS_SETPROFILE, FAM_DESCR);
}

/** The default sys.displayhook: None shows nothing; another value is written to sys.stdout as
 * its repr and a newline and becomes builtins._ (set to None first, as CPython, so that repr
 * does not see the old one). */
function defaultDisplay(v: PyObject): void {
  if (v === None) return;
  dictSetS(VM.builtins, '_', None);
  const text = repr(v);
  const out = currentStdout();
  if (out === None) throw raise(RuntimeError, 'lost sys.stdout');
  if (consoleOf(out) === 1) writeOut(text + '\n');
  else {
    const write = getAttr(out, 'write');
    callObj(write, [newStr(text)], null);
    callObj(write, [newStr('\n')], null);
  }
  dictSetS(VM.builtins, '_', v);
}

/** PRINT_EXPR: the value goes to sys.displayhook as it is now. */
export function displayExpr(v: PyObject): void {
  const d = STD.sysDict;
  // sys is made on its first import: before it, nobody can have replaced the default hook
  if (d === null) {
    defaultDisplay(v);
    return;
  }
  const hook = dictGetS(d, 'displayhook');
  if (hook === null) throw raise(RuntimeError, 'lost sys.displayhook');
  callObj(hook, [v], null);
}

function onlyNone(what: string, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  if (n !== 1 || args.length !== 1) throw raise(TypeError, `${what}() takes exactly one argument (${args.length} given)`);
  if (args[0] !== None) throw raise(NotImplementedError, `pyvm calls no ${what === 'settrace' ? 'trace' : 'profile'} function: sys.${what}() accepts only None`);
  return None;
}

export function callSysHooks(id: int, args: PyObject[], kw: string[] | null): PyObject {
  switch (id) {
    case B.SYS_DISPLAYHOOK:
      if (npos(args, kw) !== 1 || args.length !== 1) throw raise(TypeError, `displayhook() takes exactly one argument (${args.length} given)`);
      defaultDisplay(args[0]);
      return None;
    case B.SYS_GETTRACE:
    case B.SYS_GETPROFILE:
      if (args.length !== 0) throw raise(TypeError, `${id === B.SYS_GETTRACE ? 'gettrace' : 'getprofile'}() takes no arguments (${args.length} given)`);
      return None;
    case B.SYS_SETTRACE:
      return onlyNone('settrace', args, kw);
    case B.SYS_SETPROFILE:
      return onlyNone('setprofile', args, kw);
  }
  throw unhandledBuiltin('sys function', id);
}
