// What the pure-Python standard library asks of builtin objects beyond their everyday use:
// the descriptor protocol called explicitly (function.__get__, classmethod.__get__, ...) and
// the pickle protocol of builtin functions and bound methods (pickled by name, as CPython).
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyBuiltin, PyBoundMethod, PyClassMethod, PyStaticMethod, PyModule, PyType, None, newStr, newTuple, raise, builtinType, methodType, functionType, classmethodType, staticmethodType, rangeType, sliceType, setType, frozensetType, bytesType, PyDict, newList, TypeError } from '../objects/core.ts';
import { B, FAM_STDLIB_SUPPORT } from './ids.ts';
import { npos, defMethod, unhandledBuiltin } from './args.ts';
import { getAttr, getAttrOrNull, str, typeName, iterToArray, toIntIndex } from '../interpreter/runtime.ts';
import { VM } from '../interpreter/state.ts';
import { PyFunction } from '../interpreter/frame.ts';
import { dictGetS } from '../objects/dict.ts';
import { PyBytes } from '../objects/core.ts';
import { BT } from './bytearray.ts';
import { IOT, PyIO } from '../modules/iotypes.ts';
import { bytesioGetbuffer } from '../modules/iobinary.ts';

defMethod(builtinType, '__reduce__', B.SUPPORT_BUILTIN_REDUCE, FAM_STDLIB_SUPPORT);
defMethod(methodType, '__reduce__', B.SUPPORT_METHOD_REDUCE, FAM_STDLIB_SUPPORT);
defMethod(rangeType, '__reduce__', B.SUPPORT_RANGE_REDUCE, FAM_STDLIB_SUPPORT);
defMethod(sliceType, '__reduce__', B.SUPPORT_RANGE_REDUCE, FAM_STDLIB_SUPPORT);
defMethod(IOT.bytesio, 'getbuffer', B.SUPPORT_BYTESIO_GETBUFFER, FAM_STDLIB_SUPPORT);
defMethod(setType, '__reduce__', B.SUPPORT_SET_REDUCE, FAM_STDLIB_SUPPORT);
defMethod(frozensetType, '__reduce__', B.SUPPORT_SET_REDUCE, FAM_STDLIB_SUPPORT);
defMethod(BT.bytearray, '__reduce__', B.SUPPORT_BYTEARRAY_REDUCE, FAM_STDLIB_SUPPORT);
defMethod(BT.bytearray, '__reduce_ex__', B.SUPPORT_BYTEARRAY_REDUCE, FAM_STDLIB_SUPPORT);
defMethod(functionType, '__get__', B.SUPPORT_FUNCTION_GET, FAM_STDLIB_SUPPORT);
defMethod(classmethodType, '__get__', B.SUPPORT_CLASSMETHOD_GET, FAM_STDLIB_SUPPORT);
defMethod(staticmethodType, '__get__', B.SUPPORT_STATICMETHOD_GET, FAM_STDLIB_SUPPORT);

/** The attribute dict of an instance of a subclass, or None. */
function instanceState(o: PyObject): PyObject {
  if (o.cls.isBuiltin) return None;
  const d = getAttrOrNull(o, '__dict__');
  return d !== null && d instanceof PyDict && d.used > 0 ? d : None;
}
/** (getattr, (obj, name)): how a method bound to an object is pickled */
function getattrReduce(self: PyObject, name: string): PyObject {
  const ga = dictGetS(VM.builtins, 'getattr');
  if (ga === null) throw raise(TypeError, 'getattr is missing from builtins');
  return newTuple([ga, newTuple([self, newStr(name)])]);
}
export function callSupport(b: PyBuiltin, id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  const self = args[0];
  switch (id) {
    case B.SUPPORT_BUILTIN_REDUCE: {
      const f = self as PyBuiltin;
      // a module's function is found again by its qualified name
      if (f.self === null || f.self instanceof PyModule) return getAttr(f, '__qualname__');
      return getattrReduce(f.self, f.name);
    }
    case B.SUPPORT_METHOD_REDUCE: {
      const m = self as PyBoundMethod;
      return getattrReduce(m.self, str(getAttr(m.fn, '__name__')));
    }
    case B.SUPPORT_RANGE_REDUCE:
      // range and slice are rebuilt from their three fields
      return newTuple([self.cls, newTuple([getAttr(self, 'start'), getAttr(self, 'stop'), getAttr(self, 'step')])]);
    case B.SUPPORT_SET_REDUCE:
      // (type, (items,), instance dict or None), as CPython's set.__reduce__
      return newTuple([self.cls, newTuple([newList(iterToArray(self))]), instanceState(self)]);
    case B.SUPPORT_BYTEARRAY_REDUCE: {
      // protocol 3 and later have bytes; older ones get latin-1 text to encode back
      const proto = b.name === '__reduce_ex__' && n > 1 ? toIntIndex(args[1]) : 0;
      const data = (self as PyBytes).b.slice(0);
      const ctorArgs: PyObject[] = [];
      if (proto >= 3) ctorArgs.push(new PyBytes(bytesType, data));
      else {
        const parts: string[] = [];
        for (const c of data) parts.push(String.fromCharCode(c));
        ctorArgs.push(newStr(parts.join('')));
        ctorArgs.push(newStr('latin-1'));
      }
      return newTuple([self.cls, newTuple(ctorArgs), instanceState(self)]);
    }
    case B.SUPPORT_BYTESIO_GETBUFFER:
      // a view of the buffer itself, so that writes through it change the BytesIO (pickle's
      // framer reads it at once)
      return new PyBytes(BT.memoryview, bytesioGetbuffer(self as PyIO));
    case B.SUPPORT_FUNCTION_GET:
    case B.SUPPORT_CLASSMETHOD_GET:
    case B.SUPPORT_STATICMETHOD_GET: {
      if (n < 2 || n > 3) throw raise(TypeError, `expected 1 or 2 arguments, got ${n - 1}`);
      const obj = args[1];
      const owner = n > 2 ? args[2] : None;
      if (obj === None && owner === None) throw raise(TypeError, '__get__(None, None) is invalid');
      if (id === B.SUPPORT_FUNCTION_GET) return obj === None ? self : new PyBoundMethod(methodType, self as PyFunction, obj);
      if (id === B.SUPPORT_STATICMETHOD_GET) return (self as PyStaticMethod).fn;
      const klass = owner !== None ? owner : obj.cls;
      if (!(klass instanceof PyType) && owner === None) throw raise(TypeError, `descriptor '__get__' for '${typeName(self)}' objects doesn't apply to '${typeName(obj)}'`);
      return new PyBoundMethod(methodType, (self as PyClassMethod).fn, klass);
    }
  }
  throw unhandledBuiltin(b.name, id);
}
