// int.__format__, float.__format__ and str.__format__: each type formats by its own
// mini-language (CPython's int___format__, float___format__, unicode___format__), which format()
// already implements in formatValue; without them the methods were object.__format__'s, which
// takes only the empty spec, so `(5).__format__('d')` failed.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyStr, PyInt, PyFloat, PyType, intType, floatType, strType, newStr, raise, TypeError } from '../objects/core.ts';
import { typeName } from '../interpreter/runtime.ts';
import { formatValue } from './format.ts';
import { B, FAM_DESCR4 } from './ids.ts';
import { npos, noKw, defMethod, unhandledBuiltin } from './args.ts';

defMethod(intType, '__format__', B.INT_FORMAT, FAM_DESCR4);
defMethod(floatType, '__format__', B.FLOAT_FORMAT, FAM_DESCR4);
defMethod(strType, '__format__', B.STR_FORMAT_SPEC, FAM_DESCR4);

function ownerOf(id: int): PyType {
  return id === B.INT_FORMAT ? intType : id === B.FLOAT_FORMAT ? floatType : strType;
}
function isKind(id: int, o: PyObject): boolean {
  return id === B.INT_FORMAT ? o instanceof PyInt : id === B.FLOAT_FORMAT ? o instanceof PyFloat : o instanceof PyStr;
}

export function callNumFormat(id: int, args: PyObject[], kw: string[] | null): PyObject {
  if (id !== B.INT_FORMAT && id !== B.FLOAT_FORMAT && id !== B.STR_FORMAT_SPEC) throw unhandledBuiltin('__format__', id);
  const t = ownerOf(id);
  if (args.length === 0) throw raise(TypeError, `descriptor '__format__' of '${t.name}' object needs an argument`);
  const self = args[0];
  if (!isKind(id, self)) throw raise(TypeError, `descriptor '__format__' for '${t.name}' objects doesn't apply to a '${typeName(self)}' object`);
  noKw(`${t.name}.__format__`, kw);
  const n = npos(args, kw) - 1;
  if (n !== 1) throw raise(TypeError, `${t.name}.__format__() takes exactly one argument (${n} given)`);
  const spec = args[1];
  if (!(spec instanceof PyStr)) throw raise(TypeError, `__format__() argument must be str, not ${typeName(spec)}`);
  return newStr(formatValue(self, spec.s));
}
