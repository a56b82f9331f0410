// obj.__class__ = cls, as CPython's object_set_class: cls must be a class, both classes mutable
// (class statements' classes; ModuleType subclasses are allowed too), and of the same layout:
// the same builtin base and the same __slots__. An instance's attribute map belongs to its class
// (a map identifies its class for the inline caches), so its attributes move to one made from
// the new class's root map.
import { PyObject, PyType, PyInstance, moduleType, objectType, raise, TypeError } from '../objects/core.ts';
import { isSubtype, typeName } from './runtime.ts';
import { allowedSlotNames } from './slotrules.ts';

/** The first builtin class in t's MRO: what decides how t's instances are laid out. */
function solidBase(t: PyType): PyType {
  for (const m of t.mro) if (m.isBuiltin) return m;
  return objectType;
}

function sameSlots(a: PyType, b: PyType): boolean {
  const x = allowedSlotNames(a);
  const y = allowedSlotNames(b);
  if (x === null || y === null) return x === y;
  if (x.size !== y.size) return false;
  for (const k of x.keys()) if (!y.has(k)) return false;
  return true;
}

export function setClass(o: PyObject, v: PyObject): void {
  if (!(v instanceof PyType)) throw raise(TypeError, `__class__ must be set to a class, not '${typeName(v)}' object`);
  const old = o.cls;
  const modules = isSubtype(v, moduleType) && isSubtype(old, moduleType);
  if (!modules && (v.isBuiltin || old.isBuiltin)) throw raise(TypeError, '__class__ assignment only supported for mutable types or ModuleType subclasses');
  if (solidBase(v) !== solidBase(old) || !sameSlots(v, old)) {
    throw raise(TypeError, `__class__ assignment: '${v.name}' object layout differs from '${old.name}'`);
  }
  if (o instanceof PyInstance) {
    const names = o.map.order.slice(0);
    const vals = o.slots.slice(0);
    o.map = v.rootMap;
    o.slots = [];
    for (let i = 0; i < names.length; i++) {
      o.map = o.map.withAttr(names[i]);
      o.slots.push(vals[i]);
    }
  }
  o.cls = v;
}
