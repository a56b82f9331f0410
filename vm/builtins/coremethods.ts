// Methods of core types that Python code calls itself:
// - __get__ of functions, staticmethod and classmethod (the runtime binds them directly in
//   attribute lookup; these are for code that calls the protocol, and for hasattr(obj,
//   '__get__'), which enum's _is_descriptor, inspect and functools rely on);
// - code.co_positions() and co_lines(), from the line of each instruction (pyvm keeps no
//   columns, so positions have None columns and traceback prints no carets);
// - code.replace(), for the fields that carry no layout (types.coroutine sets a flag with it);
// - float.__getformat__ (test.support asks it at import).
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyType, PyStr, PyStaticMethod, codeType, floatType, intType, strType, bytesType, tupleType, complexType, frozensetType, rangeType, newStr, ValueError, newInt, newTuple, PyClassMethod, PyBoundMethod, functionType, staticmethodType, classmethodType, methodType, raise, None, TypeError, PyTuple, PyInt, PyExc, OverflowErrorT, bigOf } from '../objects/core.ts';
import { B, FAM_COREMETHODS } from './ids.ts';
import { npos, arg, defMethod, unhandledBuiltin } from './args.ts';
import { typeName, arrayIter, classmethodGet, nativeHash } from '../interpreter/runtime.ts';
import { PyCode, copyCode, CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR, CO_ITERABLE_COROUTINE } from '../compiler/code.ts';
import { PyFunction } from '../interpreter/frame.ts';

defMethod(functionType, '__get__', B.FUNCTION_DESCR_GET, FAM_COREMETHODS);
defMethod(staticmethodType, '__get__', B.STATICMETHOD_DESCR_GET, FAM_COREMETHODS);
defMethod(classmethodType, '__get__', B.CLASSMETHOD_DESCR_GET, FAM_COREMETHODS);

defMethod(floatType, '__getformat__', B.FLOAT_GETFORMAT, FAM_COREMETHODS);
defMethod(codeType, 'co_positions', B.CODE_CO_POSITIONS, FAM_COREMETHODS);
defMethod(codeType, 'co_lines', B.CODE_CO_LINES, FAM_COREMETHODS);
defMethod(codeType, 'replace', B.CODE_REPLACE, FAM_COREMETHODS);
// the hashable value types define __hash__ themselves (as CPython's tp_hash slots), so a subclass
// that also inherits a Python class's __hash__ later in its MRO keeps the builtin one
for (const t of [floatType, intType, strType, bytesType, tupleType, complexType, frozensetType, rangeType]) {
  defMethod(t, '__hash__', B.VALUE_HASH, FAM_COREMETHODS);
}

/** code.replace's keywords pyvm's code objects cannot take new values for: they describe the
 * frame layout and the bytecode, which pyvm does not build from these tuples. */
const LAYOUT_FIELDS = ['co_argcount', 'co_posonlyargcount', 'co_kwonlyargcount', 'co_nlocals', 'co_stacksize',
  'co_code', 'co_names', 'co_varnames', 'co_freevars', 'co_cellvars', 'co_linetable', 'co_exceptiontable'];

function replaceArg(k: string, t: string, v: PyObject): PyExc {
  return raise(TypeError, `replace() argument '${k}' must be ${t}, not ${typeName(v)}`);
}

function codeReplace(args: PyObject[], kw: string[] | null): PyObject {
  const c = args[0];
  if (!(c instanceof PyCode)) throw raise(TypeError, `descriptor 'replace' requires a 'code' object but received a '${typeName(c)}'`);
  const np = npos(args, kw);
  if (np !== 1) throw raise(TypeError, 'replace() takes no positional arguments');
  const r = copyCode(c);
  const names = kw === null ? [] : kw;
  for (let i = 0; i < names.length; i++) {
    const k = names[i];
    const v = args[np + i];
    switch (k) {
      case 'co_name':
        if (!(v instanceof PyStr)) throw replaceArg(k, 'str', v);
        r.name = (v as PyStr).s;
        break;
      case 'co_qualname':
        if (!(v instanceof PyStr)) throw replaceArg(k, 'str', v);
        r.qualname = (v as PyStr).s;
        break;
      case 'co_filename':
        if (!(v instanceof PyStr)) throw replaceArg(k, 'str', v);
        r.filename = (v as PyStr).s;
        break;
      case 'co_firstlineno':
        if (!(v instanceof PyInt)) throw replaceArg(k, 'int', v);
        if (bigOf(v as PyInt) !== null) throw raise(OverflowErrorT, 'Python int too large to convert to C int');
        r.firstLine = (v as PyInt).v;
        break;
      case 'co_consts':
        if (!(v instanceof PyTuple)) throw replaceArg(k, 'tuple', v);
        r.consts = (v as PyTuple).items.slice(0);
        break;
      case 'co_flags': {
        if (!(v instanceof PyInt)) throw replaceArg(k, 'int', v);
        // co_flags reads CPython's bits (runtime.ts codeAttr); the kind of frame is what may change
        if (bigOf(v as PyInt) !== null) throw raise(OverflowErrorT, 'Python int too large to convert to C int');
        const fl = (v as PyInt).v;
        let own = r.flags & ~(CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR | CO_ITERABLE_COROUTINE);
        if ((fl & 0x20) !== 0) own |= CO_GENERATOR;
        own |= fl & (CO_COROUTINE | CO_ASYNC_GENERATOR | CO_ITERABLE_COROUTINE);
        r.flags = own;
        break;
      }
      default:
        if (LAYOUT_FIELDS.indexOf(k) >= 0) throw raise(ValueError, `pyvm cannot replace ${k} of a code object: its bytecode is not built from it`);
        throw raise(TypeError, `'${k}' is an invalid keyword argument for replace()`);
    }
  }
  return r;
}

function codeMethod(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const c = args[0];
  if (!(c instanceof PyCode)) throw raise(TypeError, `descriptor requires a 'code' object but received a '${typeName(c)}'`);
  if (npos(args, kw) !== 1) throw raise(TypeError, `${id === B.CODE_CO_LINES ? 'co_lines' : 'co_positions'}() takes no arguments (${npos(args, kw) - 1} given)`);
  const items: PyObject[] = [];
  const n = c.words.length;
  if (id === B.CODE_CO_POSITIONS) {
    for (let i = 0; i < n; i++) {
      const line = newInt(i < c.lines.length ? c.lines[i] : c.firstLine);
      items.push(newTuple([line, line, None, None]));
    }
    return arrayIter(items);
  }
  // (start, end, line) byte ranges, one per run of instructions on one line
  let start = 0;
  for (let i = 1; i <= n; i++) {
    const prev = i - 1 < c.lines.length ? c.lines[i - 1] : c.firstLine;
    const cur = i < n ? (i < c.lines.length ? c.lines[i] : c.firstLine) : -1;
    if (cur !== prev) {
      items.push(newTuple([newInt(start * 2), newInt(i * 2), newInt(prev)]));
      start = i;
    }
  }
  return arrayIter(items);
}

export function callCoreMethod(id: int, args: PyObject[], kw: string[] | null): PyObject {
  if (id === B.CODE_CO_POSITIONS || id === B.CODE_CO_LINES) return codeMethod(id, args, kw);
  if (id === B.CODE_REPLACE) return codeReplace(args, kw);
  if (id === B.VALUE_HASH) {
    if (npos(args, kw) !== 1) throw raise(TypeError, `expected 0 arguments, got ${npos(args, kw) - 1}`);
    return newInt(nativeHash(args[0]));
  }
  if (id === B.FLOAT_GETFORMAT) {
    // float.__getformat__(typestr): called on the class, so the argument is the last one
    const np = npos(args, kw);
    const t = np > 0 ? args[np - 1] : None;
    if (!(t instanceof PyStr)) throw raise(TypeError, `__getformat__() argument must be str, not ${typeName(t)}`);
    if (t.s !== 'double' && t.s !== 'float') throw raise(ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
    return newStr('IEEE, little-endian');
  }
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
      return classmethodGet(self, owner instanceof PyType ? owner : obj.cls);
  }
  throw unhandledBuiltin('__get__', id);
}
