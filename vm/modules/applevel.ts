// Builtin modules (or parts of them) written in Python, as PyPy's "app-level" code: the source is
// part of the VM, compiled and run in the module's dict when the module is first imported.
// Used where the logic is Python-shaped (calling back into Python objects, regexes, frames) and
// CPython's own semantics are easiest to keep exactly by writing them as CPython's pure-Python
// twin does.
import { PyModule, newStr } from '../objects/core.ts';
import { dictSetS } from '../objects/dict.ts';
import { VM } from '../interpreter/state.ts';
import { runModuleCode } from '../interpreter/eval.ts';
import { compileSource } from '../interpreter/importer.ts';

/** Runs source in m's dict; classes it defines get __module__ `moduleName` (CPython's `_ast`
 * classes say 'ast', for one), after which m.__name__ is m's own name again. */
export function runAppLevel(m: PyModule, source: string, moduleName: string): void {
  dictSetS(m.dict, '__builtins__', VM.builtins);
  dictSetS(m.dict, '__name__', newStr(moduleName));
  runModuleCode(compileSource(source, '<builtin module ' + m.name + '>'), m.dict);
  dictSetS(m.dict, '__name__', newStr(m.name));
}
