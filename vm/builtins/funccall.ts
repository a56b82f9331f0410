// function.__call__ and method.__call__: the runtime calls Python functions directly, but code may ask for the
// method itself (test_grammar's f.__call__(), hasattr(f, '__call__') checks, wrappers that
// forward to obj.__call__).
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyBoundMethod, functionType, methodType, raise, TypeError } from '../objects/core.ts';
import { B, FAM_FUNCCALL } from './ids.ts';
import { defMethod, unhandledBuiltin } from './args.ts';
import { callObj, typeName } from '../interpreter/runtime.ts';
import { PyFunction } from '../interpreter/frame.ts';

defMethod(functionType, '__call__', B.FUNCTION_CALL, FAM_FUNCCALL);
// a bound method's own, so that m.__call__ keeps m's self (attribute lookup on a method falls
// back to its function's attributes)
defMethod(methodType, '__call__', B.METHOD_CALL, FAM_FUNCCALL);

export function callFuncCall(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const self = args[0];
  if (id === B.FUNCTION_CALL) {
    if (!(self instanceof PyFunction)) throw raise(TypeError, `descriptor '__call__' requires a 'function' object but received a '${typeName(self)}'`);
  } else if (id === B.METHOD_CALL) {
    if (!(self instanceof PyBoundMethod)) throw raise(TypeError, `descriptor '__call__' requires a 'method' object but received a '${typeName(self)}'`);
  } else throw unhandledBuiltin('__call__', id);
  return callObj(self, args.slice(1), kw);
}
