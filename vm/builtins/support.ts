// What the pure-Python standard library asks of builtin objects beyond their everyday use:
// the descriptor protocol called explicitly (function.__get__, classmethod.__get__, ...) and
// the pickle protocol of builtin functions and bound methods (pickled by name, as CPython).
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyBuiltin, PyBoundMethod, PyModule, None, newStr, newTuple, raise, builtinType, methodType, rangeType, sliceType, setType, frozensetType, bytesType, PyDict, PyBaseExc, newList, SyntaxError, TypeError } from '../objects/core.ts';
import { B, FAM_STDLIB_SUPPORT } from './ids.ts';
import { npos, defMethod, unhandledBuiltin } from './args.ts';
import { getAttr, getAttrOrNull, setAttr, str, typeName, iterToArray, toIntIndex } from '../interpreter/runtime.ts';
import { VM } from '../interpreter/state.ts';
import { dictGetS } from '../objects/dict.ts';
import { PyBytes } from '../objects/core.ts';
import { BT } from './bytearray.ts';
import { IOT, PyIO } from '../modules/iotypes.ts';
import { bytesioGetbuffer } from '../modules/iobinary.ts';
import { PyMemView, MVT } from './memoryview.ts';

defMethod(SyntaxError, '__init__', B.SUPPORT_SYNTAXERROR_INIT, FAM_STDLIB_SUPPORT);
defMethod(builtinType, '__reduce__', B.SUPPORT_BUILTIN_REDUCE, FAM_STDLIB_SUPPORT);
defMethod(methodType, '__reduce__', B.SUPPORT_METHOD_REDUCE, FAM_STDLIB_SUPPORT);
defMethod(rangeType, '__reduce__', B.SUPPORT_RANGE_REDUCE, FAM_STDLIB_SUPPORT);
defMethod(sliceType, '__reduce__', B.SUPPORT_RANGE_REDUCE, FAM_STDLIB_SUPPORT);
defMethod(IOT.bytesio, 'getbuffer', B.SUPPORT_BYTESIO_GETBUFFER, FAM_STDLIB_SUPPORT);
defMethod(setType, '__reduce__', B.SUPPORT_SET_REDUCE, FAM_STDLIB_SUPPORT);
defMethod(frozensetType, '__reduce__', B.SUPPORT_SET_REDUCE, FAM_STDLIB_SUPPORT);
defMethod(BT.bytearray, '__reduce__', B.SUPPORT_BYTEARRAY_REDUCE, FAM_STDLIB_SUPPORT);
defMethod(BT.bytearray, '__reduce_ex__', B.SUPPORT_BYTEARRAY_REDUCE, FAM_STDLIB_SUPPORT);

/** BytesIO.getbuffer(): a writable view of the buffer itself, so that writes through it change
 * the BytesIO (pickle's framer reads it at once). */
function newBytesIOView(o: PyIO): PyMemView {
  const buf = bytesioGetbuffer(o);
  return new PyMemView(MVT.memoryview, o, buf, 0, 1, 'B', [buf.length], false);
}

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
    case B.SUPPORT_SYNTAXERROR_INIT: {
      // SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))
      const e = self as PyBaseExc;
      e.args = args.slice(1, n);
      const names: string[] = ['msg', 'filename', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset', 'print_file_and_line'];
      const vals: PyObject[] = [];
      for (let i = 0; i < names.length; i++) vals.push(None);
      if (n > 1) vals[0] = args[1];
      if (n === 3) {
        // parsed as CPython's PyArg_ParseTuple(info, "OOOO|OO")
        const info = iterToArray(args[2]);
        if (info.length < 4) throw raise(TypeError, `function takes at least 4 arguments (${info.length} given)`);
        if (info.length > 6) throw raise(TypeError, `function takes at most 6 arguments (${info.length} given)`);
        if (info.length === 5) throw raise(TypeError, 'end_offset must be provided when end_lineno is provided');
        for (let i = 0; i < info.length; i++) vals[i + 1] = info[i];
      }
      for (let i = 0; i < names.length; i++) setAttr(e, names[i], vals[i]);
      return None;
    }
    case B.SUPPORT_BYTESIO_GETBUFFER:
      // a view of the buffer itself, so that writes through it change the BytesIO (pickle's
      // framer reads it at once)
      return newBytesIOView(self as PyIO);
  }
  throw unhandledBuiltin(b.name, id);
}
