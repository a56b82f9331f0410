// What property does beyond calling its functions, as CPython 3.11's descrobject.c: its name
// (__set_name__, given by the class statement) in the errors of a missing getter, setter or
// deleter; its docstring taken from the getter's, kept in the instance's __dict__ when the
// property is of a subclass (whose own class docstring would shadow it); getter/setter/deleter
// building the copy by calling the property's type; __isabstractmethod__; explicit __set__ and
// __delete__.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyType, PyProperty, None, True, False, raise, newStr, propertyType, AttributeError, TypeError, PyExc } from '../objects/core.ts';
import { B } from './ids.ts';
import { unhandledBuiltin } from './args.ts';
import { callObj, getAttr, getAttrOrNull, setAttr, truthy, repr, str } from '../interpreter/runtime.ts';

/** `property 'x' of 'C' object has no getter` (without the name when the property has none). */
export function propertyError(p: PyProperty, obj: PyObject, what: string): PyExc {
  const qualname = repr(newStr(str(getAttr(obj.cls, '__qualname__'))));
  if (p.name !== null) return raise(AttributeError, `property ${repr(p.name)} of ${qualname} object has no ${what}`);
  return raise(AttributeError, `property of ${qualname} object has no ${what}`);
}

/** property(fget, fset, fdel, doc) of type t. With no doc the getter's docstring is used; a
 * subclass's instance keeps it as the attribute __doc__ (an AttributeError when it has no
 * __dict__, as CPython's). */
export function newProperty(t: PyType, fget: PyObject, fset: PyObject, fdel: PyObject, doc: PyObject): PyProperty {
  const p = new PyProperty(t, fget === None ? null : fget, fset === None ? null : fset, fdel === None ? null : fdel);
  let d: PyObject | null = doc === None ? null : doc;
  if (d === null && fget !== None) {
    d = getAttrOrNull(fget, '__doc__');
    // a plain property with a getter without a docstring has no doc of its own (gh-90949)
    if (d === None && t === propertyType) d = null;
    if (d !== null) p.getterDoc = true;
  }
  if (t === propertyType) p.doc = d;
  else setAttr(p, '__doc__', d === null ? None : d);
  return p;
}

/** p.getter(f), p.setter(f), p.deleter(f): a copy made by calling p's type, so that a
 * subclass's __init__ runs; the getter's docstring is taken again from a new getter. */
function copyWith(p: PyProperty, fget: PyObject | null, fset: PyObject | null, fdel: PyObject | null): PyObject {
  const get = fget === null ? None : fget;
  const doc = p.getterDoc && get !== None ? None : p.doc === null ? None : p.doc;
  const np = callObj(p.cls, [get, fset === null ? None : fset, fdel === null ? None : fdel, doc], null);
  if (np instanceof PyProperty) np.name = p.name;
  return np;
}

/** property.__isabstractmethod__: whether any of its functions is abstract */
export function propertyIsAbstract(p: PyProperty): PyObject {
  const fns: (PyObject | null)[] = [p.fget, p.fset, p.fdel];
  for (const f of fns) {
    if (f === null) continue;
    const v = getAttrOrNull(f, '__isabstractmethod__');
    if (v !== null && truthy(v)) return True;
  }
  return False;
}

export function callProperty(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const p = args[0] as PyProperty;
  const nargs = args.length - 1;
  if (kw !== null && kw.length > 0) throw raise(TypeError, 'property methods take no keyword arguments');
  switch (id) {
    case B.PROPERTY_SET_NAME:
      if (nargs !== 2) throw raise(TypeError, `__set_name__() takes 2 positional arguments but ${nargs} were given`);
      p.name = args[2];
      return None;
    case B.PROPERTY_SET:
      if (nargs !== 2) throw raise(TypeError, `expected 2 arguments, got ${nargs}`);
      if (p.fset === null) throw propertyError(p, args[1], 'setter');
      callObj(p.fset, [args[1], args[2]], null);
      return None;
    case B.PROPERTY_DELETE:
      if (nargs !== 1) throw raise(TypeError, `expected 1 argument, got ${nargs}`);
      if (p.fdel === null) throw propertyError(p, args[1], 'deleter');
      callObj(p.fdel, [args[1]], null);
      return None;
    case B.PROPERTY_GETTER:
      return copyWith(p, args[1], p.fset, p.fdel);
    case B.PROPERTY_SETTER:
      return copyWith(p, p.fget, args[1], p.fdel);
    case B.PROPERTY_DELETER:
      return copyWith(p, p.fget, p.fset, args[1]);
  }
  throw unhandledBuiltin('property method', id);
}
