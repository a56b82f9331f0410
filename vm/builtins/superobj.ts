// super objects beyond the zero-argument form: super(type, obj) with its argument checks, the
// unbound super(type) (or super(type, None)), which is a descriptor binding to the instance it
// is read through (`C._C__super = super(C)`, then `self.__super.meth()`), attribute lookup along
// obj's MRO after type, falling back to the super object's own attributes (__thisclass__,
// __self__, __self_class__), and its repr, as CPython's typeobject.c super_*.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyType, PySuper, PyBuiltin, PyBoundMethod, PyClassMethod, PyStaticMethod, PyProperty, PyInstance, methodType, superType, None, raise, TypeError } from '../objects/core.ts';
import { B, FAM_DESCR2 } from './ids.ts';
import { defMethod, npos, unhandledBuiltin } from './args.ts';
import { callObj, genericGetAttr, isInstance, isSubtype, lookupType, typeName } from '../interpreter/runtime.ts';
import { propertyError } from './property.ts';
import { PyFunction } from '../interpreter/frame.ts';

export function initSuper(): void {
  defMethod(superType, '__get__', B.SUPER_GET, FAM_DESCR2);
}

/** super_check: the type whose MRO the lookup walks, obj's type or obj itself when obj is a
 * subclass of t (super(C, cls) in a classmethod). */
function superCheck(t: PyType, obj: PyObject): PyType {
  if (obj instanceof PyType && isSubtype(obj, t)) return obj;
  if (isSubtype(obj.cls, t)) return obj.cls;
  // an object whose __class__ claims t (a proxy)
  const c = genericGetAttr(obj, '__class__');
  if (c !== null && c instanceof PyType && c !== obj.cls && isSubtype(c, t)) return c;
  throw raise(TypeError, 'super(type, obj): obj must be an instance or subtype of type');
}

/** super(t) and super(t, obj); obj None makes an unbound super, as super_init's. */
export function newSuper(cls: PyType, t: PyObject, obj: PyObject): PySuper {
  if (!(t instanceof PyType)) throw raise(TypeError, `super() argument 1 must be a type, not ${typeName(t)}`);
  if (obj === None) return new PySuper(cls, t, None, t);
  return new PySuper(cls, t, obj, superCheck(t, obj));
}

/** super.__get__(obj, type): an unbound super read through an instance binds to it. */
export function superGet(s: PySuper, obj: PyObject): PyObject {
  if (obj === None || s.obj !== None) return s;
  return newSuper(s.cls, s.thisType, obj);
}

/** What name is in the classes of s.objType's MRO after s.thisType, bound to s.obj; then
 * the super object's own attributes. */
export function superLookup(s: PySuper, name: string): PyObject | null {
  // an unbound super looks only at its own attributes; __class__ is always the super's own
  if (s.obj !== None && name !== '__class__') {
    const v = superMroLookup(s, name);
    if (v !== null) return v;
  }
  switch (name) {
    case '__thisclass__':
      return s.thisType;
    case '__self__':
      return s.obj;
    case '__self_class__':
      return s.obj === None ? None : s.objType;
  }
  return genericGetAttr(s, name);
}

function superMroLookup(s: PySuper, name: string): PyObject | null {
  const mro = s.objType.mro;
  let i = 0;
  while (i < mro.length && mro[i] !== s.thisType) i++;
  i++;
  // a descriptor's __get__ gets no instance when the lookup is on the class itself
  const inst = s.obj === s.objType ? None : s.obj;
  for (; i < mro.length; i++) {
    const v = mro[i].dict.get(name);
    if (v === undefined) continue;
    if (v instanceof PyFunction) return inst === None ? v : new PyBoundMethod(methodType, v, s.obj);
    if (v instanceof PyBuiltin) return v.isMethod ? new PyBoundMethod(methodType, v, s.obj) : v;
    if (v instanceof PyClassMethod) return new PyBoundMethod(methodType, v.fn, s.objType);
    if (v instanceof PyStaticMethod) return v.fn;
    if (v instanceof PyProperty) {
      if (inst === None) return v;
      if (v.fget === null) throw propertyError(v, s.obj, 'getter');
      return callObj(v.fget, [s.obj], null);
    }
    if (v instanceof PySuper) return inst === None ? v : superGet(v, inst);
    if (v instanceof PyInstance) {
      const g = lookupType(v.cls, '__get__');
      if (g !== null) return callObj(g, [v, inst, s.objType], null);
    }
    return v;
  }
  return null;
}

/** `<super: <class 'C'>, <C object>>`, NULL for an unbound one. */
export function superRepr(s: PySuper): string {
  const self = s.obj === None ? 'NULL' : `<${s.objType.name} object>`;
  return `<super: <class '${s.thisType.name}'>, ${self}>`;
}

export function callSuper(id: int, args: PyObject[], kw: string[] | null): PyObject {
  if (id !== B.SUPER_GET) throw unhandledBuiltin('super', id);
  const s = args[0];
  const n = npos(args, kw);
  if (!(s instanceof PySuper)) throw raise(TypeError, `descriptor '__get__' requires a 'super' object but received '${typeName(s)}'`);
  if (n < 2 || n > 3) throw raise(TypeError, `expected 1 or 2 arguments, got ${n - 1}`);
  return superGet(s, args[1]);
}
