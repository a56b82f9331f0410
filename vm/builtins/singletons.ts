// type(None)(), type(...)() and type(NotImplemented)(): each type's one instance, as CPython's
// none_new, ellipsis_new and notimplemented_new return it; any argument is refused.
import { PyObject, PyBuiltin, PyType, None, Ellipsis, NotImplemented, noneType, ellipsisType, notImplType, raise, TypeError } from '../objects/core.ts';
import { B, FAM_SETSBUILTIN } from './ids.ts';
import { mkBuiltin } from './args.ts';

export function initSingletons(): void {
  for (const t of [noneType, ellipsisType, notImplType]) {
    const b = mkBuiltin('__new__', B.SINGLETON_NEW, false, FAM_SETSBUILTIN);
    b.owner = t;
    t.dict.set('__new__', b);
  }
}

/** __new__(cls, ...) of one of the three types (b.owner). */
export function singletonNew(b: PyBuiltin, args: PyObject[]): PyObject {
  const t = b.owner as PyType;
  // the words are CPython's: ellipsis_new names the type EllipsisType
  const name = t === ellipsisType ? 'EllipsisType' : t.name;
  if (args.length > 1) throw raise(TypeError, `${name} takes no arguments`);
  return t === noneType ? None : t === ellipsisType ? Ellipsis : NotImplemented;
}
