// set.__init__, set.__hash__ = None, and the argument checks set and frozenset make when they
// build an instance of a subclass. CPython's set_new makes an empty set and leaves the filling to set_init, so a
// subclass that overrides __new__ or __init__ decides what its arguments mean; frozenset_new
// fills the set itself (a frozenset cannot change after __new__).
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PySet, PyType, PyBuiltin, setType, frozensetType, raise, None, TypeError } from '../objects/core.ts';
import { setFill, isInstance, lookupType, typeName } from '../interpreter/runtime.ts';
import { dictClear } from '../objects/dict.ts';
import { B, FAM_SETSBUILTIN } from './ids.ts';
import { npos, defMethod, unhandledBuiltin } from './args.ts';

export function initSetInit(): void {
  defMethod(setType, '__init__', B.SET_INIT, FAM_SETSBUILTIN);
  // sets are unhashable: set.__hash__ is None (what runtime's setKey looks for), not object's
  setType.dict.set('__hash__', None);
}

/** Whether t's __init__ is the one of its builtin base (set's, or object's for frozenset): then
 * the constructor itself refuses keywords (CPython's type->tp_init == PySet_Type.tp_init), as
 * no Python-level __init__ is there to take them. */
function initIsBuiltin(t: PyType, base: PyType): boolean {
  const init = lookupType(t, '__init__');
  if (!(init instanceof PyBuiltin)) return false;
  return base === setType ? init.id === B.SET_INIT : init.id === B.OBJECT_INIT;
}

/** The checks of set_new and frozenset_new before they build an instance of t (set or
 * frozenset, or a subclass) from n positional and nkw keyword arguments. */
export function checkSetNewArgs(t: PyType, base: PyType, n: int, nkw: int): void {
  const name = base === setType ? 'set' : 'frozenset';
  if (nkw > 0 && (t === base || initIsBuiltin(t, base))) throw raise(TypeError, `${name}() takes no keyword arguments`);
  // frozenset_new unpacks its one argument itself, under the type's own name
  if (base === frozensetType && n > 1) throw raise(TypeError, `${t.name} expected at most 1 argument, got ${n}`);
}

/** set.__init__(self, iterable=(), /) */
export function setInit(b: PyBuiltin, id: int, args: PyObject[], kw: string[] | null): PyObject {
  if (id !== B.SET_INIT) throw unhandledBuiltin(b.name, id);
  const self = args[0];
  if (!(self instanceof PySet) || !isInstance(self, setType)) {
    throw raise(TypeError, `descriptor '__init__' requires a 'set' object but received a '${typeName(self)}'`);
  }
  // set_init: no keywords, at most one iterable (named by the instance's type); the set is
  // emptied before the iterable is read, so calling __init__ again replaces the contents and
  // s.__init__(s) leaves s empty
  if (kw !== null && kw.length > 0) throw raise(TypeError, 'set() takes no keyword arguments');
  const n = npos(args, kw) - 1;
  if (n > 1) throw raise(TypeError, `${self.cls.name} expected at most 1 argument, got ${n}`);
  dictClear(self.table);
  if (n === 1) setFill(self.table, args[1]);
  return None;
}
