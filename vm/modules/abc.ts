// The _abc module (CPython's C accelerator of abc.ABCMeta): abstract-method bookkeeping, the
// registry of virtual subclasses, and the positive and negative caches of isinstance and
// issubclass against an ABC, invalidated by a global token that every register() bumps.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, PyType, PyNative, PyStr, PySet, newInt, newStr, newTuple, newDict, raise, None, True, False, NotImplemented, TypeError, RuntimeError, frozensetType } from '../objects/core.ts';
import { dictSet } from '../objects/dict.ts';
import { B, FAM_ABC } from '../builtins/ids.ts';
import { npos, unhandledBuiltin } from '../builtins/args.ts';
import { newBuiltinModule, addFn, newModuleType } from './registry.ts';
import { getAttrOrNull, setAttr, truthy, callObj, getAttr, iterToArray } from '../interpreter/runtime.ts';

const ABC_DATA = newModuleType('_abc', '_abc_data');

/** What _abc_init hangs on an ABC as `_abc_impl`. */
class AbcData extends PyNative {
  registry: PyType[] = [];
  cache: PyType[] = [];
  negative: PyType[] = [];
  negativeVersion: int = 0;
}
class AbcState {
  /** bumped by every register(): negative caches older than it are stale */
  token: int = 0;
}
const ABC = new AbcState();

export function makeAbc(): PyModule {
  const m = newBuiltinModule('_abc');
  addFn(m, '_abc_init', B.ABC_INIT, FAM_ABC);
  addFn(m, '_abc_register', B.ABC_REGISTER, FAM_ABC);
  addFn(m, '_abc_instancecheck', B.ABC_INSTANCECHECK, FAM_ABC);
  addFn(m, '_abc_subclasscheck', B.ABC_SUBCLASSCHECK, FAM_ABC);
  addFn(m, '_get_dump', B.ABC_GET_DUMP, FAM_ABC);
  addFn(m, '_reset_registry', B.ABC_RESET_REGISTRY, FAM_ABC);
  addFn(m, '_reset_caches', B.ABC_RESET_CACHES, FAM_ABC);
  addFn(m, 'get_cache_token', B.ABC_GET_CACHE_TOKEN, FAM_ABC);
  return m;
}

function dataOf(cls: PyObject): AbcData {
  const d = getAttrOrNull(cls, '_abc_impl');
  if (!(d instanceof AbcData)) throw raise(TypeError, '_abc_impl is set to a wrong type');
  return d;
}
function typeArg(o: PyObject, msg: string): PyType {
  if (!(o instanceof PyType)) throw raise(TypeError, msg);
  return o;
}
function isAbstract(v: PyObject | null): boolean {
  if (v === null) return false;
  const a = getAttrOrNull(v, '__isabstractmethod__');
  return a !== null && truthy(a);
}
function frozenset(names: string[]): PySet {
  const s = new PySet(frozensetType, newDict());
  for (const n of names) dictSet(s.table, newStr(n), None);
  return s;
}
function abcInit(cls: PyType): void {
  // the abstract methods: those of the namespace, and the bases' ones still abstract here
  const names: string[] = [];
  for (const k of cls.dict.keys()) if (isAbstract(cls.dict.get(k) as PyObject)) names.push(k);
  for (const b of cls.bases) {
    const inherited = getAttrOrNull(b, '__abstractmethods__');
    if (inherited === null) continue;
    for (const n of iterToArray(inherited)) {
      const nm = (n as PyStr).s;
      if (!names.includes(nm) && isAbstract(getAttrOrNull(cls, nm))) names.push(nm);
    }
  }
  setAttr(cls, '__abstractmethods__', frozenset(names));
  setAttr(cls, '_abc_impl', new AbcData(ABC_DATA));
}
function isSubclass(a: PyType, b: PyObject): boolean {
  return truthy(callObj(getAttr(b, '__subclasscheck__'), [a], null));
}
function builtinIsSubclass(a: PyType, b: PyType): boolean {
  // issubclass() itself: the MRO, then b's metaclass's __subclasscheck__
  if (a.mro.includes(b)) return true;
  const sc = getAttrOrNull(b, '__subclasscheck__');
  return sc !== null && truthy(callObj(sc, [a], null));
}
function subclassCheck(cls: PyType, sub: PyType): boolean {
  const d = dataOf(cls);
  if (d.cache.includes(sub)) return true;
  if (d.negativeVersion < ABC.token) {
    d.negative = [];
    d.negativeVersion = ABC.token;
  } else if (d.negative.includes(sub)) return false;
  // object.__subclasshook__ (which the VM's object lacks) says NotImplemented
  const hook = getAttrOrNull(cls, '__subclasshook__');
  const ok = hook === null ? NotImplemented : callObj(hook, [sub], null);
  if (ok !== NotImplemented) {
    if (truthy(ok)) d.cache.push(sub);
    else d.negative.push(sub);
    return truthy(ok);
  }
  if (sub.mro.includes(cls)) {
    d.cache.push(sub);
    return true;
  }
  for (const r of d.registry) {
    if (builtinIsSubclass(sub, r)) {
      d.cache.push(sub);
      return true;
    }
  }
  for (const s of cls.subclasses) {
    if (builtinIsSubclass(sub, s)) {
      d.cache.push(sub);
      return true;
    }
  }
  d.negative.push(sub);
  return false;
}

export function callAbc(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  switch (id) {
    case B.ABC_GET_CACHE_TOKEN:
      return newInt(ABC.token);
  }
  if (n < 1) throw raise(TypeError, 'missing required argument (pos 1)');
  const cls = args[0];
  switch (id) {
    case B.ABC_INIT:
      abcInit(typeArg(cls, '_abc_init() argument must be a class'));
      return None;
    case B.ABC_REGISTER: {
      const c = typeArg(cls, '_abc_register() argument must be a class');
      const sub = args[1];
      if (!(sub instanceof PyType)) throw raise(TypeError, 'Can only register classes');
      if (builtinIsSubclass(sub, c)) return sub;
      if (builtinIsSubclass(c, sub)) throw raise(RuntimeError, 'Refusing to create an inheritance cycle');
      const d = dataOf(c);
      if (!d.registry.includes(sub)) d.registry.push(sub);
      ABC.token++;
      return sub;
    }
    case B.ABC_INSTANCECHECK: {
      const inst = args[1];
      const d = dataOf(cls);
      const klass = getAttrOrNull(inst, '__class__');
      const sub = klass instanceof PyType ? klass : inst.cls;
      if (d.cache.includes(sub)) return True;
      const st = inst.cls;
      if (st === sub) {
        if (d.negativeVersion === ABC.token && d.negative.includes(sub)) return False;
        return isSubclass(sub, cls) ? True : False;
      }
      return isSubclass(sub, cls) || isSubclass(st, cls) ? True : False;
    }
    case B.ABC_SUBCLASSCHECK: {
      const sub = args[1];
      if (!(sub instanceof PyType)) throw raise(TypeError, 'issubclass() arg 1 must be a class');
      return subclassCheck(typeArg(cls, '_abc_subclasscheck() argument must be a class'), sub) ? True : False;
    }
    case B.ABC_GET_DUMP: {
      const d = dataOf(cls);
      return newTuple([typeSet(d.registry), typeSet(d.cache), typeSet(d.negative), newInt(d.negativeVersion)]);
    }
    case B.ABC_RESET_REGISTRY:
      dataOf(cls).registry = [];
      return None;
    case B.ABC_RESET_CACHES: {
      const d = dataOf(cls);
      d.cache = [];
      d.negative = [];
      return None;
    }
  }
  throw unhandledBuiltin('_abc function', id);
}
function typeSet(ts: PyType[]): PyObject {
  const s = new PySet(frozensetType, newDict());
  for (const t of ts) dictSet(s.table, t, None);
  return s;
}
