// Built-in modules: creation by name and dispatch of their functions.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, PyBuiltin, moduleType, newDict, newStr } from '../objects/core.ts';
import { dictSetS } from '../objects/dict.ts';
import { VM } from '../interpreter/state.ts';
import { B } from '../builtins/ids.ts';
import { mkBuiltin } from '../builtins/args.ts';
import { makeSys, callSys } from './sys.ts';
import { makeMath, callMath } from './math.ts';
import { makeTime, callTime } from './time.ts';
import { makeRandom, callRandom } from './random.ts';

export function newBuiltinModule(name: string): PyModule {
  const d = newDict();
  dictSetS(d, '__name__', newStr(name));
  return new PyModule(moduleType, name, d);
}
export function addFn(m: PyModule, name: string, id: int): void {
  dictSetS(m.dict, name, mkBuiltin(name, id, false));
}
export function makeBuiltinModule(name: string): PyModule | null {
  switch (name) {
    case 'sys':
      return makeSys();
    case 'math':
      return makeMath();
    case 'time':
      return makeTime();
    case 'random':
      return makeRandom();
  }
  return null;
}
export function callModuleFunction(b: PyBuiltin, id: int, args: PyObject[], kw: string[] | null): PyObject {
  if (id < B.MATH_SQRT) return callSys(id, args, kw);
  if (id < B.TIME_TIME) return callMath(id, args, kw);
  if (id < B.RANDOM_SEED) return callTime(id, args, kw);
  return callRandom(id, args, kw);
}
