// The _weakref module: weak references over rlib's weak entries (translate/rlib/weak.ts), which
// the collector clears when a referent dies. Callbacks run at safe points after a collection
// (runWeakCallbacks: gc.collect() and function entries), never inside the collector.
import type { int } from '../../translate/rlib/index.ts';
import { weak, castRef } from '../../translate/rlib/index.ts';
import {
  PyObject, PyModule, PyType, PyWeakref, PyInt, PyStr, PyTuple, PyBytes, PyList, PyDict, PyExc,
  newInt, newStr, newList, raise, None, True, False, NotImplemented, TypeError, ReferenceError, L_OBJECT, L_NONE,
  PyProperty, propertyType, intType, tupleType, bytesType,
} from '../objects/core.ts';
import { dictSetS, dictGet, dictDel } from '../objects/dict.ts';
import { B, FAM_WEAKREF } from '../builtins/ids.ts';
import { npos, checkArgs, defMethod, mkBuiltin, unhandledBuiltin } from '../builtins/args.ts';
import { newModuleType, newBuiltinModule, addFn } from './registry.ts';
import { callObj, typeName, isSubtype, pyHash, pyEq, repr, str, objId, getAttr, lookupType, truthy, pyLen } from '../interpreter/runtime.ts';
import { writeErr } from '../interpreter/state.ts';
import { excTypeName } from '../report.ts';

export const REF_TYPE = newModuleType('weakref', 'ReferenceType', L_OBJECT);
export const PROXY_TYPE = newModuleType('weakref', 'ProxyType', L_NONE);
export const CALLABLE_PROXY_TYPE = newModuleType('weakref', 'CallableProxyType', L_NONE);
REF_TYPE.dict.set('__new__', mkBuiltin('__new__', B.WEAKREF_NEW, false, FAM_WEAKREF));
defMethod(REF_TYPE, '__init__', B.WEAKREF_INIT, FAM_WEAKREF);
defMethod(REF_TYPE, '__call__', B.WEAKREF_CALL, FAM_WEAKREF);
defMethod(REF_TYPE, '__hash__', B.WEAKREF_HASH, FAM_WEAKREF);
defMethod(REF_TYPE, '__eq__', B.WEAKREF_EQ, FAM_WEAKREF);
defMethod(REF_TYPE, '__ne__', B.WEAKREF_NE, FAM_WEAKREF);
defMethod(REF_TYPE, '__repr__', B.WEAKREF_REPR, FAM_WEAKREF);
defMethod(REF_TYPE, '__class_getitem__', B.WEAKREF_CLASS_GETITEM, FAM_WEAKREF);
REF_TYPE.dict.set('__callback__', new PyProperty(propertyType, mkBuiltin('__callback__', B.WEAKREF_CALLBACK, false, FAM_WEAKREF), null, null));
for (const t of [PROXY_TYPE, CALLABLE_PROXY_TYPE]) {
  defMethod(t, '__repr__', B.WEAKREF_REPR, FAM_WEAKREF);
  defMethod(t, '__str__', B.WEAKREF_PROXY_STR, FAM_WEAKREF);
  defMethod(t, '__bool__', B.WEAKREF_PROXY_BOOL, FAM_WEAKREF);
  defMethod(t, '__len__', B.WEAKREF_PROXY_LEN, FAM_WEAKREF);
  defMethod(t, '__eq__', B.WEAKREF_PROXY_EQ, FAM_WEAKREF);
  t.dict.set('__hash__', None);
}
defMethod(CALLABLE_PROXY_TYPE, '__call__', B.WEAKREF_PROXY_CALL, FAM_WEAKREF);

/** The referent of r, or null once it died. */
export function referent(r: PyWeakref): PyObject | null {
  if (r.handle < 0 || !weak.alive(r.handle)) return null;
  return castRef(weak.get(r.handle), PyObject);
}
/** The referent of proxy p; ReferenceError once it died. */
export function proxyTarget(p: PyWeakref): PyObject {
  const o = referent(p);
  if (o === null) throw raise(ReferenceError, 'weakly-referenced object no longer exists');
  return o;
}

/** Whether CPython gives objects like o a weak-reference slot: not ints, strs, tuples, bytes,
 * None, lists or dicts (their subclasses mostly yes: not those of int, tuple and bytes). */
function weakrefable(o: PyObject): boolean {
  if (o === None || o instanceof PyWeakref) return o instanceof PyWeakref && !o.proxy && !o.cls.isBuiltin;
  if (o instanceof PyInt || o instanceof PyTuple || o instanceof PyBytes) return false;
  if (isSubtype(o.cls, intType) || isSubtype(o.cls, tupleType) || isSubtype(o.cls, bytesType)) return false;
  if (o instanceof PyStr || o instanceof PyList || o instanceof PyDict) return !o.cls.isBuiltin;
  if (o instanceof PyModule) return true;
  return o.cls.name !== 'float' || !o.cls.isBuiltin;
}

class RefSerial {
  next: int = 0;
}
const SERIAL = new RefSerial();
/** A plain weakref.ref, or a proxy, without a callback: CPython keeps at most one of each per
 * object and hands it out again (ref(o) is ref(o)). */
function isBasic(r: PyWeakref, proxy: boolean): boolean {
  return r.callback === null && r.proxy === proxy && (proxy || r.cls === REF_TYPE);
}
function newRef(t: PyType, o: PyObject, callbackIn: PyObject | null, proxy: boolean): PyWeakref {
  if (!weakrefable(o)) throw raise(TypeError, `cannot create weak reference to '${typeName(o)}' object`);
  const callback = callbackIn === None ? null : callbackIn;
  if (callback === null && (proxy || t === REF_TYPE)) {
    for (const old of refsTo(o)) if (isBasic(old, proxy)) return old;
  }
  const r = new PyWeakref(t);
  r.proxy = proxy;
  r.callback = callback;
  r.serial = SERIAL.next++;
  r.handle = weak.create(o, r);
  return r;
}

/** Runs the callbacks of weak references whose referents a collection found dead. */
export function runWeakCallbacks(): void {
  // one at a time, in order: a callback's own calls are safe points too
  if (CALLBACKS.running) return;
  CALLBACKS.running = true;
  try {
    runCallbacks();
  } finally {
    CALLBACKS.running = false;
  }
}
class CallbackState {
  running: boolean = false;
}
const CALLBACKS = new CallbackState();
function runCallbacks(): void {
  for (;;) {
    const h = weak.takeCleared();
    if (h < 0) return;
    const r = castRef(weak.owner(h), PyWeakref);
    weak.free(h);
    if (r === null) continue;
    r.handle = -1;
    const cb = r.callback;
    r.callback = null;
    if (cb === null) continue;
    try {
      callObj(cb, [r], null);
    } catch (e) {
      if (!(e instanceof PyExc)) throw e;
      // as CPython's unraisable hook: reported, not raised into unrelated code
      const msg = e.exc.args.length > 0 ? ': ' + str(e.exc.args[0]) : '';
      writeErr(`Exception ignored in: ${repr(cb)}\n${excTypeName(e.exc)}${msg}\n`);
    }
  }
}

function refOf(o: PyObject): PyWeakref {
  if (!(o instanceof PyWeakref)) throw raise(TypeError, `descriptor requires a 'weakref.ReferenceType' object but received '${typeName(o)}'`);
  return o;
}

/** Weak references to o that are alive, in CPython's order: the basic reference, the basic
 * proxy, then the others newest first. */
function refsTo(o: PyObject): PyWeakref[] {
  const found: PyWeakref[] = [];
  for (let h = weak.find(o, 0); h >= 0; h = weak.find(o, h + 1)) {
    const r = castRef(weak.owner(h), PyWeakref);
    if (r !== null) found.push(r);
  }
  const out: PyWeakref[] = [];
  for (const r of found) if (isBasic(r, false)) out.push(r);
  for (const r of found) if (isBasic(r, true)) out.push(r);
  // the others, newest first (an insertion sort: an object has few references)
  const first = out.length;
  for (const r of found) {
    if (isBasic(r, false) || isBasic(r, true)) continue;
    let i = out.length;
    out.push(r);
    while (i > first && out[i - 1].serial < r.serial) {
      out[i] = out[i - 1];
      i--;
    }
    out[i] = r;
  }
  return out;
}

/** What o.__weakref__ is: the first of its weak references (the plain ref when there is one,
 * as CPython's list head), or None. */
export function weakrefHead(o: PyObject): PyObject {
  const refs = refsTo(o);
  return refs.length > 0 ? refs[0] : None;
}

export function weakrefRepr(r: PyWeakref): string {
  const o = referent(r);
  const kind = r.proxy ? 'weakproxy' : 'weakref';
  const at = '0x' + objId(r).toString(16).padStart(12, '0');
  if (o === null) return `<${kind} at ${at}; dead>`;
  const to = '0x' + objId(o).toString(16).padStart(12, '0');
  return `<${kind} at ${at}; to '${o.cls.module === 'builtins' ? '' : o.cls.module + '.'}${o.cls.name}' at ${to}>`;
}
/** hash(r): the referent's hash, remembered; TypeError once it died without being hashed. */
export function weakrefHash(r: PyWeakref): int {
  if (r.hashed) return r.hash;
  const o = referent(r);
  if (o === null) throw raise(TypeError, 'weak object has gone away');
  r.hash = pyHash(o);
  r.hashed = true;
  return r.hash;
}
/** r == other for references: their referents' equality while both live, identity after. */
export function weakrefEq(r: PyWeakref, other: PyObject): boolean {
  if (!(other instanceof PyWeakref)) return false;
  const a = referent(r);
  const b = referent(other);
  if (a === null || b === null) return r === other;
  return pyEq(a, b);
}

export function makeWeakref(): PyModule {
  const m = newBuiltinModule('_weakref');
  dictSetS(m.dict, 'ref', REF_TYPE);
  dictSetS(m.dict, 'ReferenceType', REF_TYPE);
  dictSetS(m.dict, 'ProxyType', PROXY_TYPE);
  dictSetS(m.dict, 'CallableProxyType', CALLABLE_PROXY_TYPE);
  addFn(m, 'proxy', B.WEAKREF_PROXY, FAM_WEAKREF);
  addFn(m, 'getweakrefcount', B.WEAKREF_GETCOUNT, FAM_WEAKREF);
  addFn(m, 'getweakrefs', B.WEAKREF_GETREFS, FAM_WEAKREF);
  addFn(m, '_remove_dead_weakref', B.WEAKREF_REMOVE_DEAD, FAM_WEAKREF);
  return m;
}

/** ref(object[, callback]): CPython's count check, for __new__ and __init__ alike. */
function checkRefArgs(fn: string, given: int): void {
  if (given < 1) throw raise(TypeError, `${fn} expected at least 1 argument, got ${given}`);
  if (given > 2) throw raise(TypeError, `${fn} expected at most 2 arguments, got ${given}`);
}
export function callWeakref(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  switch (id) {
    case B.WEAKREF_NEW: {
      const t = args[0];
      if (!(t instanceof PyType) || !isSubtype(t, REF_TYPE)) throw raise(TypeError, 'ReferenceType.__new__(X): X is not a subtype of ReferenceType');
      // weakref.ref itself takes no keywords (a subclass's __init__ may)
      if (t === REF_TYPE && kw !== null && kw.length > 0) throw raise(TypeError, 'ref() takes no keyword arguments');
      checkRefArgs('__new__', n - 1);
      return newRef(t, args[1], n > 2 ? args[2] : null, false);
    }
    case B.WEAKREF_INIT:
      checkRefArgs('__init__', n - 1);
      return None;
    case B.WEAKREF_CALL: {
      checkArgs('weakref', args.slice(1), kw, 0, 0);
      const o = referent(refOf(args[0]));
      return o === null ? None : o;
    }
    case B.WEAKREF_HASH:
      return newInt(weakrefHash(refOf(args[0])));
    case B.WEAKREF_EQ:
    case B.WEAKREF_NE: {
      const r = refOf(args[0]);
      if (!(args[1] instanceof PyWeakref)) return NotImplemented;
      const eq = weakrefEq(r, args[1]);
      return eq === (id === B.WEAKREF_EQ) ? True : False;
    }
    case B.WEAKREF_REPR:
      return newStr(weakrefRepr(refOf(args[0])));
    case B.WEAKREF_CLASS_GETITEM:
      return args[0];
    case B.WEAKREF_CALLBACK: {
      const r = refOf(args[0]);
      return r.callback === null ? None : r.callback;
    }
    case B.WEAKREF_PROXY: {
      checkArgs('proxy', args, kw, 1, 2);
      const o = args[0];
      const callable = lookupType(o.cls, '__call__') !== null;
      return newRef(callable ? CALLABLE_PROXY_TYPE : PROXY_TYPE, o, n > 1 ? args[1] : null, true);
    }
    case B.WEAKREF_PROXY_CALL: {
      const p = refOf(args[0]);
      return callObj(proxyTarget(p), args.slice(1), kw);
    }
    case B.WEAKREF_PROXY_STR:
      return callObj(getAttr(proxyTarget(refOf(args[0])), '__str__'), [], null);
    case B.WEAKREF_PROXY_BOOL:
      return truthy(proxyTarget(refOf(args[0]))) ? True : False;
    case B.WEAKREF_PROXY_LEN:
      return newInt(pyLen(proxyTarget(refOf(args[0]))));
    case B.WEAKREF_PROXY_EQ: {
      const a = proxyTarget(refOf(args[0]));
      const b = args[1] instanceof PyWeakref && args[1].proxy ? proxyTarget(args[1]) : args[1];
      return pyEq(a, b) ? True : False;
    }
    case B.WEAKREF_GETCOUNT: {
      checkArgs('getweakrefcount', args, kw, 1, 1);
      return newInt(refsTo(args[0]).length);
    }
    case B.WEAKREF_GETREFS: {
      checkArgs('getweakrefs', args, kw, 1, 1);
      const out: PyObject[] = [];
      for (const r of refsTo(args[0])) out.push(r);
      return newList(out);
    }
    case B.WEAKREF_REMOVE_DEAD: {
      // _remove_dead_weakref(dict, key): deletes dict[key] if it is a dead reference
      checkArgs('_remove_dead_weakref', args, kw, 2, 2);
      const d = args[0];
      if (!(d instanceof PyDict)) throw raise(TypeError, `_remove_dead_weakref() argument 1 must be dict, not ${typeName(d)}`);
      removeDead(d, args[1]);
      return None;
    }
  }
  throw unhandledBuiltin('_weakref function', id);
}
/** Deletes d[key] if it is a reference whose referent died (WeakValueDictionary's cleanup). */
function removeDead(d: PyDict, key: PyObject): void {
  const v = dictGet(d, key);
  if (v !== null && v instanceof PyWeakref && referent(v) === null) dictDel(d, key);
}
