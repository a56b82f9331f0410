// type.__prepare__(name, bases, **kwds): the class namespace of a plain metaclass, a new empty
// dict. A metaclass's own __prepare__ reaches it through super().__prepare__(...), which is how
// types.new_class and enum's metaclasses build theirs.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyClassMethod, typeType, classmethodType, newDict } from '../objects/core.ts';
import { B, FAM_DESCR2 } from './ids.ts';
import { mkBuiltin, unhandledBuiltin } from './args.ts';

export function initTypePrepare(): void {
  typeType.dict.set('__prepare__', new PyClassMethod(classmethodType, mkBuiltin('__prepare__', B.TYPE_PREPARE, false, FAM_DESCR2)));
}

export function callTypePrepare(id: int): PyObject {
  if (id !== B.TYPE_PREPARE) throw unhandledBuiltin('__prepare__', id);
  // as CPython's type_prepare, whatever arguments come (the metaclass it is bound to, name,
  // bases, the class statement's keywords) are accepted and ignored
  return newDict();
}
