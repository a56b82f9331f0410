// object.__reduce_ex__ from protocol 2 on and object.__getstate__ (CPython's typeobject.c
// reduce_newobj, _PyObject_GetNewArguments and object_getstate_default): the arguments
// __getnewargs_ex__ or __getnewargs__ give (looked up on the type, as special methods are, and
// checked), copyreg.__newobj__ or __newobj_ex__ to call, and the state: the instance dict, with
// the __slots__ values beside it as (dict or None, slots) when there are any.
import { PyObject, PyType, PyStr, PyTuple, PyDict, PyList, PyBuiltin, None, newTuple, newDict, raise, TypeError, ValueError, AttributeError, PyExc } from '../objects/core.ts';
import { dictSet } from '../objects/dict.ts';
import { callObj, callSpecial, getAttr, getAttrOrNull, getIter, lookupType, isInstance, typeName } from '../interpreter/runtime.ts';
import { B } from './ids.ts';

/** _PyObject_GetNewArguments: [args, kwargs] (either null when not given). */
function newArguments(self: PyObject): (PyObject | null)[] {
  if (lookupType(self.cls, '__getnewargs_ex__') !== null) {
    const r = callSpecial(self, '__getnewargs_ex__', []) as PyObject;
    if (!(r instanceof PyTuple)) throw raise(TypeError, `__getnewargs_ex__ should return a tuple, not '${typeName(r)}'`);
    if (r.items.length !== 2) throw raise(ValueError, `__getnewargs_ex__ should return a tuple of length 2, not ${r.items.length}`);
    const a = r.items[0];
    const k = r.items[1];
    if (!(a instanceof PyTuple)) throw raise(TypeError, `first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '${typeName(a)}'`);
    if (!(k instanceof PyDict)) throw raise(TypeError, `second item of the tuple returned by __getnewargs_ex__ must be a dict, not '${typeName(k)}'`);
    return [a, k];
  }
  if (lookupType(self.cls, '__getnewargs__') !== null) {
    const a = callSpecial(self, '__getnewargs__', []) as PyObject;
    if (!(a instanceof PyTuple)) throw raise(TypeError, `__getnewargs__ should return a tuple, not '${typeName(a)}'`);
    return [a, null];
  }
  return [null, null];
}

/** copyreg._slotnames(cls): the names of the slots along cls's MRO (cached by copyreg in
 * cls.__slotnames__). */
function slotNames(copyreg: PyObject, cls: PyType): PyObject[] {
  const names = callObj(getAttr(copyreg, '_slotnames'), [cls], null);
  if (names === None) return [];
  if (!(names instanceof PyList)) throw raise(TypeError, `copyreg._slotnames didn't return a list or None`);
  return names.items.slice(0);
}

/** object_getstate_default: None or the instance dict, then (that, slots) when slots are set. */
export function defaultState(copyreg: PyObject, self: PyObject): PyObject {
  let state: PyObject = None;
  const d = getAttrOrNull(self, '__dict__');
  if (d !== null && d instanceof PyDict && d.used > 0) state = d;
  // the names are taken before any is read: a __getattr__ that runs here may change the list
  const names = self.cls.isBuiltin ? [] : slotNames(copyreg, self.cls);
  if (names.length > 0) {
    const slots = newDict();
    for (const n of names) {
      if (!(n instanceof PyStr)) throw raise(TypeError, `attribute name must be string, not '${typeName(n)}'`);
      let v: PyObject | null = null;
      try {
        v = getAttr(self, n.s);
      } catch (e) {
        if (!(e instanceof PyExc && isInstance(e.exc, AttributeError))) throw e;
      }
      if (v !== null) dictSet(slots, n, v);
    }
    if (slots.used > 0) state = newTuple([state, slots]);
  }
  return state;
}

/** object_getstate: a class's own __getstate__ if it has one, else the default. */
function getState(copyreg: PyObject, self: PyObject): PyObject {
  const gs = lookupType(self.cls, '__getstate__');
  if (gs instanceof PyBuiltin && gs.id === B.OBJECT_GETSTATE) return defaultState(copyreg, self);
  return callObj(getAttr(self, '__getstate__'), [], null);
}

/** reduce_newobj: (copyreg.__newobj__ or __newobj_ex__, its arguments, state, list items,
 * dict items). */
export function reduceNewObj(copyreg: PyObject, self: PyObject): PyObject {
  const na = newArguments(self);
  const args = na[0];
  const kwargs = na[1];
  let newobj: PyObject;
  let newargs: PyObject;
  if (kwargs === null || (kwargs as PyDict).used === 0) {
    newobj = getAttr(copyreg, '__newobj__');
    const items: PyObject[] = [self.cls];
    if (args !== null) for (const a of (args as PyTuple).items) items.push(a);
    newargs = newTuple(items);
  } else {
    newobj = getAttr(copyreg, '__newobj_ex__');
    newargs = newTuple([self.cls, args as PyObject, kwargs]);
  }
  const state = getState(copyreg, self);
  const listitems = self instanceof PyList ? getIter(self) : None;
  const dictitems = self instanceof PyDict ? getIter(callObj(getAttr(self, 'items'), [], null)) : None;
  return newTuple([newobj, newargs, state, listitems, dictitems]);
}
