// __get__ of functions, staticmethod and classmethod as Python code sees it (the runtime binds
// them directly in attribute lookup; these are for code that calls the protocol itself, and for
// hasattr(obj, '__get__'), which enum's _is_descriptor, inspect and functools rely on).
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyStaticMethod, PyClassMethod, PyBoundMethod, functionType, staticmethodType, classmethodType, methodType, raise, None, TypeError } from '../objects/core.ts';
import { B, FAM_DESCRIPTOR } from './ids.ts';
import { npos, arg, defMethod, unhandledBuiltin } from './args.ts';
import { typeName } from '../interpreter/runtime.ts';
import { PyFunction } from '../interpreter/frame.ts';

defMethod(functionType, '__get__', B.FUNCTION_DESCR_GET, FAM_DESCRIPTOR);
defMethod(staticmethodType, '__get__', B.STATICMETHOD_DESCR_GET, FAM_DESCRIPTOR);
defMethod(classmethodType, '__get__', B.CLASSMETHOD_DESCR_GET, FAM_DESCRIPTOR);

export function callDescriptor(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  if (n < 2 || n > 3) throw raise(TypeError, `expected 1 or 2 arguments, got ${n - 1}`);
  const self = args[0];
  const obj = args[1];
  const ownerArg = arg(args, kw, 2, 'owner');
  const owner = ownerArg === null ? None : ownerArg;
  if (obj === None && owner === None) throw raise(TypeError, '__get__(None, None) is invalid');
  switch (id) {
    case B.FUNCTION_DESCR_GET:
      if (!(self instanceof PyFunction)) throw raise(TypeError, `descriptor '__get__' requires a 'function' object but received a '${typeName(self)}'`);
      return obj === None ? self : new PyBoundMethod(methodType, self, obj);
    case B.STATICMETHOD_DESCR_GET:
      if (!(self instanceof PyStaticMethod)) throw raise(TypeError, `descriptor '__get__' requires a 'staticmethod' object but received a '${typeName(self)}'`);
      return self.fn;
    case B.CLASSMETHOD_DESCR_GET:
      if (!(self instanceof PyClassMethod)) throw raise(TypeError, `descriptor '__get__' requires a 'classmethod' object but received a '${typeName(self)}'`);
      return new PyBoundMethod(methodType, self.fn, owner === None ? obj.cls : owner);
  }
  throw unhandledBuiltin('__get__', id);
}
