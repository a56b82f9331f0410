// The __dict__ and __weakref__ getset descriptors a class statement adds to the class it makes
// when its instances get an attribute dict or a weak-reference list that no base already gives
// them (CPython's type_new add_dict / add_weak and subtype_getsets_full). pyvm keeps instance
// attributes without those slots, so the descriptors are not entries of the class's own table
// (lookups on instances go on as before); they are shown where CPython shows them: in the
// class's __dict__, as `C.__weakref__`, and through an instance's __weakref__.
import { BUILTIN_MODULE_NAMES } from '../modules/registry.ts';
import type { int } from '../../translate/rlib/index.ts';
import {
  PyObject, PyType, PyNative, PyStr, PyDict, None, getsetDescrType, typeType, functionType, moduleType, setType, frozensetType, intType,
  tupleType, bytesType, BaseException, newStr, raise, TypeError, AttributeError,
} from '../objects/core.ts';
import { dictSetS } from '../objects/dict.ts';
import { iterToArray, str, isSubtype, typeName, getAttr, setAttr, delAttr } from '../interpreter/runtime.ts';
import { weakrefHead } from '../modules/weakref.ts';
import { B, FAM_DESCR3 } from './ids.ts';
import { checkArgs, defMethod, unhandledBuiltin } from './args.ts';

/** A getset descriptor of a builtin attribute: its name and the class that defines it. */
export class PyGetSetDescr extends PyNative {
  name: string;
  owner: PyType;
  constructor(owner: PyType, name: string) {
    super(getsetDescrType);
    this.owner = owner;
    this.name = name;
  }
  override nativeRepr(): string {
    return `<attribute '${this.name}' of '${this.owner.name}' objects>`;
  }
}

/** The names a class's own __slots__ declares, or null when it declares none. */
function ownSlots(c: PyType): string[] | null {
  const slots = c.dict.get('__slots__');
  if (slots === undefined) return null;
  const out: string[] = [];
  for (const x of slots instanceof PyStr ? [slots] : iterToArray(slots)) if (x instanceof PyStr) out.push(str(x));
  return out;
}
/** Whether c's own definition gives its instances `what` (__dict__ or __weakref__): a class
 * without __slots__ or one that names it. */
function declares(c: PyType, what: string): boolean {
  const s = ownSlots(c);
  return s === null || s.includes(what);
}
/** Whether a builtin base already gives instances an attribute dict (exceptions, types,
 * functions, modules) or a weak-reference list (types, sets). */
function builtinHas(c: PyType, what: string): boolean {
  if (what === '__dict__') return c === typeType || c === functionType || c === moduleType || isSubtype(c, BaseException);
  return c === typeType || c === setType || c === frozensetType;
}
/** Whether the class statement that made t added the descriptor `what` to it. */
export function addsDescr(t: PyType, what: string): boolean {
  if (t.isBuiltin || !declares(t, what)) return false;
  for (let i = 1; i < t.mro.length; i++) {
    const c = t.mro[i];
    if (c.isBuiltin) {
      if (builtinHas(c, what)) return false;
      // variable-sized instances (int, tuple, bytes) have no room for a weak-reference list
      if (what === '__weakref__' && (c === intType || c === tupleType || c === bytesType)) return false;
    } else if (declares(c, what)) return false;
  }
  return true;
}
/** Whether t's bases already give its instances `what` (__dict__ or __weakref__), or leave no
 * room for a weak-reference list: a __slots__ naming it again is then refused. */
export function basesProvide(t: PyType, what: string): boolean {
  for (let i = 1; i < t.mro.length; i++) {
    const c = t.mro[i];
    if (c.isBuiltin) {
      if (builtinHas(c, what)) return true;
      if (what === '__weakref__' && (c === intType || c === tupleType || c === bytesType)) return true;
    } else if (BUILTIN_MODULE_NAMES.includes(c.module)) {
      // a class of a builtin module that pyvm writes in Python (_socket.socket) stands for a C
      // type, which has neither unless CPython's says so
      continue;
    } else if (declares(c, what)) return true;
  }
  return false;
}
/** The class along t's MRO whose statement added `what`, or null. */
export function descrOwner(t: PyType, what: string): PyType | null {
  for (const c of t.mro) if (addsDescr(c, what)) return c;
  return null;
}

/** Adds the descriptors t's statement added to dd, the snapshot of its dict. */
export function addLayoutDescrs(t: PyType, dd: PyDict): void {
  for (const what of ['__dict__', '__weakref__']) if (addsDescr(t, what)) dictSetS(dd, what, descrOf(t, what));
}
/** The descriptor of t's attribute `what`, made once (so C.__dict__['__dict__'] is itself each
 * time). */
export function descrOf(t: PyType, what: string): PyGetSetDescr {
  const old = t.getsets.get(what);
  if (old !== undefined && old instanceof PyGetSetDescr) return old;
  const d = new PyGetSetDescr(t, what);
  t.getsets.set(what, d);
  return d;
}
/** o.__weakref__ when o's class has the slot, else null. */
export function instanceWeakref(o: PyObject): PyObject | null {
  return descrOwner(o.cls, '__weakref__') !== null ? weakrefHead(o) : null;
}

/** The descriptor's own attributes (read here rather than through properties in its type's
 * dict, which would hide the type's own __name__ and __doc__), or null. */
export function getsetAttr(d: PyGetSetDescr, name: string): PyObject | null {
  switch (name) {
    case '__name__':
      return newStr(d.name);
    case '__qualname__':
      return newStr((d.owner.qualname !== null ? d.owner.qualname : d.owner.name) + '.' + d.name);
    case '__objclass__':
      return d.owner;
    case '__doc__':
      if (d.name === '__dict__') return newStr('dictionary for instance variables');
      if (d.name === '__weakref__') return newStr('list of weak references to the object');
      return None;
  }
  return null;
}

function selfOf(args: PyObject[]): PyGetSetDescr {
  const o = args.length > 0 ? args[0] : None;
  if (!(o instanceof PyGetSetDescr)) throw raise(TypeError, `descriptor requires a 'getset_descriptor' object but received a '${typeName(o)}'`);
  return o;
}
/** descr_check: obj must be an instance of the class that defines the attribute. */
function checkInstance(d: PyGetSetDescr, obj: PyObject): void {
  if (!isSubtype(obj.cls, d.owner)) {
    throw raise(TypeError, `descriptor '${d.name}' for '${d.owner.name}' objects doesn't apply to a '${typeName(obj)}' object`);
  }
}

export function callGetSetDescr(id: int, args: PyObject[], kw: string[] | null): PyObject {
  switch (id) {
    case B.GETSET_GET: {
      checkArgs('__get__', args, kw, 2, 3);
      const d = selfOf(args);
      const obj = args[1];
      if (obj === None && (args.length < 3 || args[2] !== None)) return d;
      checkInstance(d, obj);
      if (d.name === '__weakref__') return weakrefHead(obj);
      return getAttr(obj, d.name);
    }
    case B.GETSET_SET: {
      checkArgs('__set__', args, kw, 3, 3);
      const d = selfOf(args);
      checkInstance(d, args[1]);
      if (d.name === '__weakref__') throw raise(AttributeError, `attribute '__weakref__' of '${d.owner.name}' objects is not writable`);
      if (d.name === '__dict__' && !(args[2] instanceof PyDict)) throw raise(TypeError, `__dict__ must be set to a dictionary, not a '${typeName(args[2])}'`);
      setAttr(args[1], d.name, args[2]);
      return None;
    }
    case B.GETSET_DELETE: {
      checkArgs('__delete__', args, kw, 2, 2);
      const d = selfOf(args);
      checkInstance(d, args[1]);
      if (d.name === '__weakref__') throw raise(AttributeError, `attribute '__weakref__' of '${d.owner.name}' objects is not writable`);
      delAttr(args[1], d.name);
      return None;
    }
  }
  throw unhandledBuiltin('getset_descriptor method', id);
}

defMethod(getsetDescrType, '__get__', B.GETSET_GET, FAM_DESCR3);
defMethod(getsetDescrType, '__set__', B.GETSET_SET, FAM_DESCR3);
defMethod(getsetDescrType, '__delete__', B.GETSET_DELETE, FAM_DESCR3);
