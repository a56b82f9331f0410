// types.MappingProxyType, the read-only view of a mapping that a class's __dict__ is (CPython's
// Objects/descrobject.c mappingproxy_*): every read is forwarded to the mapping, through its own
// methods (keys, get, copy, ...) so that a dict subclass's overrides are seen; nothing writes.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyType, PyNative, PyList, PyTuple, PyDict, None, newInt, newBool, newBuiltinType, raise, TypeError } from '../objects/core.ts';
import { repr, str, pyLen, getItem, getIter, contains, richCompare, truthy, callObj, getAttr, binaryOp, lookupType, typeName } from '../interpreter/runtime.ts';
import * as A from '../parser/ast.ts';
import { B, FAM_DESCR3 } from './ids.ts';
import { npos, arg, checkArgs, defMethod, mkBuiltin, unhandledBuiltin } from './args.ts';
import { addClassGetItem } from './genericalias.ts';

// not subclassable, as CPython's (no Py_TPFLAGS_BASETYPE)
export const mappingProxyType = newBuiltinType('mappingproxy');

export class PyMappingProxy extends PyNative {
  mapping: PyObject;
  constructor(mapping: PyObject) {
    super(mappingProxyType);
    this.mapping = mapping;
  }
  override nativeRepr(): string {
    return 'mappingproxy(' + repr(this.mapping) + ')';
  }
  override nativeStr(): string | null {
    return str(this.mapping);
  }
  override nativeGetItem(k: PyObject): PyObject | null {
    return getItem(this.mapping, k);
  }
  override nativeLen(): int {
    return pyLen(this.mapping);
  }
  override nativeContains(x: PyObject): int {
    return contains(this.mapping, x) ? 1 : 0;
  }
  override nativeEq(other: PyObject): int {
    return truthy(richCompare(this.mapping, other, A.CMP_EQ)) ? 1 : 0;
  }
}

/** The proxy of a class's attribute dict: a snapshot, as the VM keeps a class's attributes in
 * its own table (writes go through setattr on the class, never through the proxy). */
export function classDictProxy(d: PyDict): PyMappingProxy {
  return new PyMappingProxy(d);
}

/** mappingproxy_check_mapping: anything subscriptable but a list or a tuple. */
function newProxy(mapping: PyObject): PyMappingProxy {
  const subscriptable = lookupType(mapping.cls, '__getitem__') !== null;
  if (!subscriptable || mapping instanceof PyList || mapping instanceof PyTuple) {
    throw raise(TypeError, `mappingproxy() argument must be a mapping, not ${typeName(mapping)}`);
  }
  return new PyMappingProxy(mapping);
}

function selfOf(args: PyObject[]): PyMappingProxy {
  const o = args.length > 0 ? args[0] : None;
  if (!(o instanceof PyMappingProxy)) throw raise(TypeError, `descriptor requires a 'mappingproxy' object but received a '${typeName(o)}'`);
  return o;
}
/** mapping.name(*rest), the forwarding every named method does */
function forward(p: PyMappingProxy, name: string, rest: PyObject[]): PyObject {
  return callObj(getAttr(p.mapping, name), rest, null);
}
function unwrap(o: PyObject): PyObject {
  return o instanceof PyMappingProxy ? o.mapping : o;
}

export function callMappingProxy(id: int, args: PyObject[], kw: string[] | null): PyObject {
  switch (id) {
    case B.MAPPINGPROXY_NEW: {
      const n = npos(args, kw);
      const m = arg(args, kw, 1, 'mapping');
      if (m === null || n > 2 || (kw !== null && kw.length > (n > 1 ? 0 : 1))) {
        throw raise(TypeError, m === null ? "mappingproxy() missing required argument 'mapping' (pos 1)" : 'mappingproxy() takes at most 1 argument');
      }
      return newProxy(m);
    }
    case B.MAPPINGPROXY_GETITEM:
      checkArgs('__getitem__', args, kw, 2, 2);
      return getItem(selfOf(args).mapping, args[1]);
    case B.MAPPINGPROXY_GET: {
      checkArgs('get', args, kw, 2, 3);
      // mapping.get(key, default) with the default made explicit, as CPython's
      return forward(selfOf(args), 'get', [args[1], args.length > 2 ? args[2] : None]);
    }
    case B.MAPPINGPROXY_KEYS:
      checkArgs('keys', args, kw, 1, 1);
      return forward(selfOf(args), 'keys', []);
    case B.MAPPINGPROXY_VALUES:
      checkArgs('values', args, kw, 1, 1);
      return forward(selfOf(args), 'values', []);
    case B.MAPPINGPROXY_ITEMS:
      checkArgs('items', args, kw, 1, 1);
      return forward(selfOf(args), 'items', []);
    case B.MAPPINGPROXY_COPY:
      checkArgs('copy', args, kw, 1, 1);
      return forward(selfOf(args), 'copy', []);
    case B.MAPPINGPROXY_REVERSED:
      checkArgs('__reversed__', args, kw, 1, 1);
      return forward(selfOf(args), '__reversed__', []);
    case B.MAPPINGPROXY_ITER:
      checkArgs('__iter__', args, kw, 1, 1);
      return getIter(selfOf(args).mapping);
    case B.MAPPINGPROXY_LEN:
      checkArgs('__len__', args, kw, 1, 1);
      return newInt(pyLen(selfOf(args).mapping));
    case B.MAPPINGPROXY_CONTAINS:
      checkArgs('__contains__', args, kw, 2, 2);
      return newBool(contains(selfOf(args).mapping, args[1]));
    case B.MAPPINGPROXY_OR:
      // either side may be the proxy: both are unwrapped and the mappings' | decides
      checkArgs('__or__', args, kw, 2, 2);
      return binaryOp(unwrap(args[0]), unwrap(args[1]), A.BIN_OR);
    case B.MAPPINGPROXY_ROR:
      checkArgs('__ror__', args, kw, 2, 2);
      return binaryOp(unwrap(args[1]), unwrap(args[0]), A.BIN_OR);
    case B.MAPPINGPROXY_IOR:
      throw raise(TypeError, `'|=' is not supported by ${typeName(args[0])}; use '|' instead`);
  }
  throw unhandledBuiltin('mappingproxy method', id);
}

const mpNew = mkBuiltin('__new__', B.MAPPINGPROXY_NEW, false, FAM_DESCR3);
mpNew.owner = mappingProxyType;
mappingProxyType.dict.set('__new__', mpNew);
defMethod(mappingProxyType, '__getitem__', B.MAPPINGPROXY_GETITEM, FAM_DESCR3);
defMethod(mappingProxyType, 'get', B.MAPPINGPROXY_GET, FAM_DESCR3);
defMethod(mappingProxyType, 'keys', B.MAPPINGPROXY_KEYS, FAM_DESCR3);
defMethod(mappingProxyType, 'values', B.MAPPINGPROXY_VALUES, FAM_DESCR3);
defMethod(mappingProxyType, 'items', B.MAPPINGPROXY_ITEMS, FAM_DESCR3);
defMethod(mappingProxyType, 'copy', B.MAPPINGPROXY_COPY, FAM_DESCR3);
defMethod(mappingProxyType, '__reversed__', B.MAPPINGPROXY_REVERSED, FAM_DESCR3);
defMethod(mappingProxyType, '__iter__', B.MAPPINGPROXY_ITER, FAM_DESCR3);
defMethod(mappingProxyType, '__len__', B.MAPPINGPROXY_LEN, FAM_DESCR3);
defMethod(mappingProxyType, '__contains__', B.MAPPINGPROXY_CONTAINS, FAM_DESCR3);
defMethod(mappingProxyType, '__or__', B.MAPPINGPROXY_OR, FAM_DESCR3);
defMethod(mappingProxyType, '__ror__', B.MAPPINGPROXY_ROR, FAM_DESCR3);
defMethod(mappingProxyType, '__ior__', B.MAPPINGPROXY_IOR, FAM_DESCR3);
addClassGetItem(mappingProxyType);
// unhashable in 3.11, as it compares by its mapping (tp_hash NULL beside tp_richcompare)
mappingProxyType.dict.set('__hash__', None);
