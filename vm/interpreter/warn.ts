// Warnings the VM itself issues (a deprecated argument type, NotImplemented in a boolean
// context): they go through _warnings.warn, so the program's filters and -W options apply to
// them as to its own. Before _warnings is loaded (early startup) nothing is issued.
import { PyObject, PyModule, PyExc, newStr, newInt, SyntaxWarning } from '../objects/core.ts';
import { ParseError, SYNTAX_WARNINGS } from '../parser/tokenizer.ts';
import { dictGetS } from '../objects/dict.ts';
import { callObj, isInstance } from './runtime.ts';
import { VM } from './state.ts';

/** _warnings.warn(msg, category) from the running frame (stacklevel 1). */
export function warnVm(msg: string, category: PyObject): void {
  const w = dictGetS(VM.modules, '_warnings');
  const f = w instanceof PyModule ? dictGetS(w.dict, 'warn') : null;
  if (f !== null) callObj(f, [newStr(msg), category], null);
}

/** Issues the SyntaxWarnings gathered by the last parse and compile of a source from filename
 * (CPython's _PyErr_EmitSyntaxWarning): through _warnings.warn_explicit, so that filters apply;
 * a warning an 'error' filter raises is returned as the SyntaxError at its place, which the
 * caller raises instead (null: none was). */
export function emitSyntaxWarnings(filename: string): ParseError | null {
  const ws = SYNTAX_WARNINGS.list;
  SYNTAX_WARNINGS.list = [];
  if (ws.length === 0) return null;
  const w = dictGetS(VM.modules, '_warnings');
  const f = w instanceof PyModule ? dictGetS(w.dict, 'warn_explicit') : null;
  if (f === null) return null;
  for (const pe of ws) {
    try {
      callObj(f, [newStr(pe.msg), SyntaxWarning, newStr(filename), newInt(pe.line)], null);
    } catch (e) {
      if (e instanceof PyExc && isInstance(e.exc, SyntaxWarning)) return pe;
      throw e;
    }
  }
  return null;
}
