// types.MethodType(function, instance): a bound method made by hand (contextlib's ExitStack
// binds __exit__ this way), with CPython's method_new checks.
import { PyObject, PyBoundMethod, PyBuiltin, methodType, raise, None, TypeError } from '../objects/core.ts';
import { B, FAM_SLICE_METHOD } from './ids.ts';
import { mkBuiltin, npos } from './args.ts';
import { isCallable } from './dispatch.ts';

const methodNewFn: PyBuiltin = mkBuiltin('__new__', B.METHOD_NEW, false, FAM_SLICE_METHOD);
methodNewFn.owner = methodType;
methodType.dict.set('__new__', methodNewFn);

/** method.__new__(type, function, instance) */
export function methodNew(args: PyObject[], kw: string[] | null): PyObject {
  if (kw !== null && kw.length > 0) throw raise(TypeError, 'method() takes no keyword arguments');
  const n = npos(args, kw) - 1;
  if (n !== 2) throw raise(TypeError, `method expected 2 arguments, got ${n}`);
  const fn = args[1];
  const self = args[2];
  if (!isCallable(fn)) throw raise(TypeError, 'first argument must be callable');
  if (self === None) throw raise(TypeError, 'instance must not be None');
  return new PyBoundMethod(methodType, fn, self);
}
