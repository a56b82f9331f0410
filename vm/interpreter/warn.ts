// Warnings the VM itself issues (a deprecated argument type, NotImplemented in a boolean
// context): they go through _warnings.warn, so the program's filters and -W options apply to
// them as to its own. Before _warnings is loaded (early startup) nothing is issued.
import { PyObject, PyModule, newStr } from '../objects/core.ts';
import { dictGetS } from '../objects/dict.ts';
import { callObj } from './runtime.ts';
import { VM } from './state.ts';

/** _warnings.warn(msg, category) from the running frame (stacklevel 1). */
export function warnVm(msg: string, category: PyObject): void {
  const w = dictGetS(VM.modules, '_warnings');
  const f = w instanceof PyModule ? dictGetS(w.dict, 'warn') : null;
  if (f !== null) callObj(f, [newStr(msg), category], null);
}
