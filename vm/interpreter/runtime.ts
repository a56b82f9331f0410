// The object protocols: attribute lookup, calls, operators, comparison, hashing, iteration,
// subscription, truthiness, repr/str.
import type { int, float } from '../../translate/rlib/index.ts';
import { floatRepr, toFloat, toInt, floatMod, floorDiv, MAX_INT } from '../../translate/rlib/index.ts';
import {
  PyObject, PyType, PyInstance, PyBaseExc, PyInt, PyFloat, PyStr, PyBytes, PyList, PyTuple, PyDict, PySet, PyRange,
  PySlice, PyCell, PyModule, PyBoundMethod, PyBuiltin, builtinType, PyProperty, PyStaticMethod, PyClassMethod, PyUnion, unionType, propertyType, noneType, PySuper, PySeqIter,
  PyNoneType, PyNative, PyExc, PyIntSub, PyFloatSub, PyStrSub, PyBytesSub, PyTupleSub, PyWeakref, HOLD, None, NotImplemented, Ellipsis, True, False, NULL_OBJ, typeType, objectType, intType,
  boolType, floatType, strType, bytesType, listType, tupleType, dictType, setType, frozensetType, rangeType, sliceType,
  methodType, iterType, enumerateType, zipType, mapType, filterType, reversedType, dictKeysType, dictValuesType,
  dictItemsType, newInt, newFloat, newStr, newBool, newList, newTuple, newDict, raise, newExc, TypeError, AttributeError,
  IndexError, KeyError, ValueError, ZeroDivisionErrorT, OverflowErrorT, StopIteration, RuntimeError, NameError,
  RecursionError, BaseException, OSError, FileNotFoundError, FileExistsError, PermissionError, IsADirectoryError, NotADirectoryError, InterruptedError, BlockingIOError, ChildProcessError, ProcessLookupError, TimeoutError, BrokenPipeError, ConnectionAbortedError, ConnectionRefusedError, ConnectionResetError, L_OBJECT, L_EXC, L_LIST, L_DICT, L_INT, L_STR, L_BYTES, L_FLOAT, L_COMPLEX, L_TUPLE, L_SET, L_TYPE, L_PROPERTY, L_STATICMETHOD, L_CLASSMETHOD,
  moduleType, cellType, functionType, generatorType, getsetDescrType, memberDescrType, codeType,
  mapGetInt, MemoryError, charStr, DeprecationWarning, bigOf,
} from '../objects/core.ts';
import {
  intAdd, intSub, intMul, intFloorDiv, intMod, intPow, intNeg, intCmp, intToStr, intToFloat, intBitOp, intInvert,
  intLshift, intRshift, intSign, intIsZero, toBig, fromBig, intFromFloat, intBitLength,
} from '../objects/intops.ts';
import { bigDivMod, bigFromInt } from '../objects/bigint.ts';
import { intToRadix } from '../objects/intops.ts';
import { warnVm } from './warn.ts';
import { isPrintableCode } from '../modules/unicodedata/printable.ts';
import { dictGet, dictSet, dictDel, dictHas, dictFind, strHash, dictGetS, dictSetS, dictKeys, dictAddHashed, hashedKeys } from '../objects/dict.ts';
import { cpLen, cpArray, repeatStr, strCompare } from '../objects/strutil.ts';
import { SLICE, clampSlice, sliceArray } from './slicing.ts';
import { checkRepeat, MAX_SEQ_ITEMS } from '../objects/sizes.ts';
import { PyFunction, PyGenerator, Frame, PyFrameObj, PyTraceback } from './frame.ts';
import { tracebackOf, setTraceback, frameAttr, tracebackAttr, setTbNext } from './traceback.ts';
import { proxyTarget, weakrefHash, weakrefEq } from '../modules/weakref.ts';
import { PyCoroWrapper, PyAsyncGenOp } from './coroutines.ts';
import { generatorAttr, generatorAttrNames, setGeneratorName } from './genattrs.ts';
import { PyLongRange } from '../builtins/longrange.ts';
import { PyComplex, complexBinary, complexUnary, floatPowComplex } from '../builtins/complex.ts';
import { PyGenericAlias, genericAliasGetAttr, parametersOf, substituteParams } from '../builtins/genericalias.ts';
import { classDictProxy } from '../builtins/mappingproxy.ts';
import { PyGetSetDescr, addLayoutDescrs, descrOf, descrOwner, getsetAttr, instanceWeakref } from '../builtins/getsetdescr.ts';
import { PyExcGroup, excGroupStr } from '../builtins/excgroup.ts';
import { PyCode, CO_VARARGS, CO_VARKW, CO_GENERATOR, CO_NAMES, CO_COROUTINE, CO_ASYNC_GENERATOR, CO_ITERABLE_COROUTINE } from '../compiler/code.ts';
import { Op } from '../compiler/opcodes.ts';
import { VM } from './state.ts';
import { callFunction, genSend } from './eval.ts';
import { nextDeclined, ListSink } from './drain.ts';
import { callBuiltin, isCallable, dictInit } from '../builtins/dispatch.ts';
import { superLookup, superGet, superRepr } from '../builtins/superobj.ts';
import { slotError, allowedSlotNames, declaredSlotNames, bestBase } from './slotrules.ts';
import { basicSize, itemSize } from '../builtins/typesizes.ts';
import { setClass } from './classassign.ts';
import * as A from '../parser/ast.ts';
import { percentFormat } from '../builtins/format.ts';
import { registerIfFinalizable } from '../modules/finalize.ts';
import { bytesPercent, isBytearray, BYT } from '../builtins/bytesmethods.ts';
import { bytesLike } from '../builtins/buffer.ts';
import { B } from '../builtins/ids.ts';
import { unicodeErrorStr } from '../modules/codecs/errors.ts';
import { syntaxErrorStr } from '../builtins/syntaxerror.ts';
import { propertyError, propertyIsAbstract } from '../builtins/property.ts';
import { builtinDoc } from '../builtins/docstrings.ts';
import { textEncode } from '../modules/codecs/module.ts';
import { latin1String } from '../objects/strutil.ts';

// ---- type helpers ----
export function isSubtype(a: PyType, b: PyType): boolean {
  if (a === b) return true;
  const m = a.mro;
  for (let i = 0; i < m.length; i++) if (m[i] === b) return true;
  return false;
}
export function isInstance(o: PyObject, t: PyType): boolean {
  return o.cls === t || isSubtype(o.cls, t);
}
export function typeName(o: PyObject): string {
  return o.cls.name;
}
export function lookupType(t: PyType, name: string): PyObject | null {
  if (t.cacheVersion !== HOLD.typeVersion) {
    t.cache.clear();
    t.ownerCache.clear();
    t.cacheVersion = HOLD.typeVersion;
  }
  const c = t.cache.get(name);
  if (c !== undefined) return c;
  const m = t.mro;
  for (let i = 0; i < m.length; i++) {
    const v = m[i].dict.get(name);
    if (v !== undefined) {
      t.cache.set(name, v);
      t.ownerCache.set(name, m[i]);
      return v;
    }
  }
  t.cache.set(name, null);
  return null;
}
export function objId(o: PyObject): int {
  // instances and functions keep their id in a field: a side table would keep them alive
  // (weak references to them must be able to die)
  if (o instanceof PyInstance) {
    if (o.oid === 0) o.oid = VM.nextId++;
    return o.oid;
  }
  if (o instanceof PyFunction) {
    if (o.oid === 0) o.oid = VM.nextId++;
    return o.oid;
  }
  if (VM_IDS.m.has(o)) return VM_IDS.m.get(o) as int;
  const id = VM.nextId;
  VM.nextId++;
  VM_IDS.m.set(o, id);
  return id;
}
class IdTable {
  m: Map<PyObject, int> = new Map<PyObject, int>();
}
const VM_IDS = new IdTable();

// ---- C3 MRO ----
export function computeMro(t: PyType): PyType[] {
  const seqs: PyType[][] = [];
  for (const b of t.bases) seqs.push(b.mro.slice(0));
  seqs.push(t.bases.slice(0));
  const out: PyType[] = [t];
  for (;;) {
    let nonEmpty = false;
    for (const s of seqs) if (s.length > 0) nonEmpty = true;
    if (!nonEmpty) return out;
    let cand: PyType | null = null;
    for (const s of seqs) {
      if (s.length === 0) continue;
      const c = s[0];
      let inTail = false;
      for (const s2 of seqs) {
        for (let i = 1; i < s2.length; i++) if (s2[i] === c) inTail = true;
      }
      if (!inTail) {
        cand = c;
        break;
      }
    }
    if (cand === null) {
      const names: string[] = [];
      for (const b of t.bases) names.push(b.name);
      throw raise(TypeError, 'Cannot create a consistent method resolution order (MRO) for bases ' + names.join(', '));
    }
    out.push(cand);
    for (const s of seqs) {
      if (s.length > 0 && s[0] === cand) s.splice(0, 1);
    }
  }
}

// ---- exceptions ----
/** Whether exc is an instance of what an `except` clause names (a class or a tuple of them);
 * every class named must be an exception class, checked before any is matched, as CPython's
 * CHECK_EXC_MATCH. */
export function exceptMatches(exc: PyObject, spec: PyObject): boolean {
  if (spec instanceof PyTuple) {
    for (const s of spec.items) {
      if (!(s instanceof PyType && isSubtype(s, BaseException))) throw raise(TypeError, 'catching classes that do not inherit from BaseException is not allowed');
    }
  }
  return excMatches(exc, spec);
}
export function excMatches(exc: PyObject, spec: PyObject): boolean {
  if (spec instanceof PyTuple) {
    for (const s of spec.items) if (excMatches(exc, s)) return true;
    return false;
  }
  if (spec instanceof PyType) {
    if (!isSubtype(spec, BaseException)) throw raise(TypeError, 'catching classes that do not inherit from BaseException is not allowed');
    return isInstance(exc, spec);
  }
  throw raise(TypeError, 'catching classes that do not inherit from BaseException is not allowed');
}
/** exc.__context__ = handled, as raising exc while handling `handled` does; a link of
 * handled's context chain that leads back to exc is cut so that no cycle forms (CPython's
 * _PyErr_SetObject, with Floyd's check against a cycle already there). */
export function setImplicitContext(exc: PyBaseExc, handled: PyBaseExc): void {
  let o: PyBaseExc = handled;
  let slow: PyBaseExc = handled;
  let toggle = false;
  for (;;) {
    const c = o.context;
    if (c === null || !(c instanceof PyBaseExc)) break;
    if (c === exc) {
      o.context = null;
      break;
    }
    o = c;
    if (o === slow) break;
    if (toggle) {
      const next = slow.context;
      if (next === null || !(next instanceof PyBaseExc)) break;
      slow = next;
    }
    toggle = !toggle;
  }
  exc.context = handled;
}
/** Turns `raise X` operand into an exception instance. */
export function makeException(o: PyObject): PyBaseExc {
  if (o instanceof PyBaseExc) return o;
  if (o instanceof PyType && isSubtype(o, BaseException)) {
    const r = callObj(o, [], null);
    if (r instanceof PyBaseExc) return r;
    throw raise(TypeError, `calling ${repr(o)} should have returned an instance of BaseException, not ${repr(r.cls)}`);
  }
  throw raise(TypeError, 'exceptions must derive from BaseException');
}
function excSlot(e: PyBaseExc, name: string): PyObject | null {
  const idx = mapGetInt(e.map.names, name, -1);
  return idx >= 0 ? e.slots[idx] : null;
}
export function excStr(e: PyBaseExc): string {
  if (e instanceof PyExcGroup) return excGroupStr(e);
  const u = unicodeErrorStr(e);
  if (u !== null) return u;
  const se = syntaxErrorStr(e);
  if (se !== null) return se;
  if (isInstance(e, KeyError) && e.args.length === 1) return repr(e.args[0]);
  if (isInstance(e, OSError) && e.args.length >= 2 && e.args.length <= 5) {
    // OSError_str: errno and strerror (what two to five arguments give; args keeps just those
    // two when a filename is given), then the filenames
    let s = `[Errno ${str(e.args[0])}] ${str(e.args[1])}`;
    const fn = excSlot(e, 'filename');
    if (fn !== null && fn !== None) {
      s = s + ': ' + repr(fn);
      const fn2 = excSlot(e, 'filename2');
      if (fn2 !== null && fn2 !== None) s = s + ' -> ' + repr(fn2);
    }
    return s;
  }
  if (e.args.length === 0) return '';
  if (e.args.length === 1) return str(e.args[0]);
  return repr(newTuple(e.args));
}

// ---- attribute access ----
function isDataDescr(d: PyObject): boolean {
  if (d instanceof PyProperty) return true;
  if (d instanceof PyInstance) return lookupType(d.cls, '__set__') !== null || lookupType(d.cls, '__delete__') !== null;
  return false;
}
/** A data descriptor that overrides the instance dict: one with a __get__ (one with only __set__
 * or __delete__ leaves a value in the dict visible, and is itself the attribute otherwise:
 * CPython's _PyObject_GenericGetAttrWithDict checks tp_descr_get first). */
function isOverridingDescr(d: PyObject): boolean {
  if (!isDataDescr(d)) return false;
  return !(d instanceof PyInstance) || lookupType(d.cls, '__get__') !== null;
}
/** classmethod.__get__ for the class t: what it wraps bound to t, through that object's own
 * __get__ when it has one (CPython 3.11 chains descriptors: a classmethod over a property is a
 * class property). */
export function classmethodGet(d: PyClassMethod, t: PyType): PyObject {
  const fn = d.fn;
  if (fn instanceof PyFunction || fn instanceof PyBuiltin) return new PyBoundMethod(methodType, fn, t);
  if (fn instanceof PyProperty || fn instanceof PyClassMethod || fn instanceof PyStaticMethod) return bindDescr(fn, t, t);
  if (fn instanceof PyInstance) {
    const g = lookupType(fn.cls, '__get__');
    if (g !== null) return callObj(g, [fn, t, t], null);
  }
  return new PyBoundMethod(methodType, fn, t);
}
function bindDescr(d: PyObject, obj: PyObject, t: PyType): PyObject {
  if (d instanceof PyFunction) return new PyBoundMethod(methodType, d, obj);
  if (d instanceof PyBuiltin) {
    if (d.isMethod) return new PyBoundMethod(methodType, d, obj);
    return d;
  }
  if (d instanceof PyClassMethod) return classmethodGet(d, t);
  if (d instanceof PyStaticMethod) return d.fn;
  if (d instanceof PySuper) return superGet(d, obj);
  if (d instanceof PyProperty) {
    if (d.fget === null) throw propertyError(d, obj, 'getter');
    return callObj(d.fget, [obj], null);
  }
  if (d instanceof PyInstance) {
    const g = lookupType(d.cls, '__get__');
    if (g !== null) return callObj(g, [d, obj, t], null);
  }
  return d;
}
function ensureInstanceDict(o: PyObject): PyDict | null {
  if (o instanceof PyList) {
    if (o.attrs === null) o.attrs = newDict();
    return o.attrs;
  }
  if (o instanceof PyDict) {
    if (o.attrs === null) o.attrs = newDict();
    return o.attrs;
  }
  if (o instanceof PyIntSub) {
    if (o.attrs === null) o.attrs = newDict();
    return o.attrs;
  }
  if (o instanceof PyFloatSub) {
    if (o.attrs === null) o.attrs = newDict();
    return o.attrs;
  }
  if (o instanceof PyStrSub) {
    if (o.attrs === null) o.attrs = newDict();
    return o.attrs;
  }
  if (o instanceof PyTupleSub) {
    if (o.attrs === null) o.attrs = newDict();
    return o.attrs;
  }
  if (o instanceof PySet) {
    if (o.attrs === null) o.attrs = newDict();
    return o.attrs;
  }
  if (o instanceof PyNative) {
    if (o.attrs === null) o.attrs = newDict();
    return o.attrs;
  }
  if (o instanceof PySeqIter) {
    if (o.attrs === null) o.attrs = newDict();
    return o.attrs;
  }
  if (o instanceof PyStaticMethod) {
    if (o.attrs === null) o.attrs = newDict();
    return o.attrs;
  }
  if (o instanceof PyClassMethod) {
    if (o.attrs === null) o.attrs = newDict();
    return o.attrs;
  }
  return null;
}
function instanceDict(o: PyObject): PyDict | null {
  if (o instanceof PyList) return o.attrs;
  if (o instanceof PyDict) return o.attrs;
  if (o instanceof PyIntSub) return o.attrs;
  if (o instanceof PyFloatSub) return o.attrs;
  if (o instanceof PyStrSub) return o.attrs;
  if (o instanceof PyTupleSub) return o.attrs;
  if (o instanceof PySet) return o.attrs;
  if (o instanceof PyBytesSub) return o.attrs;
  if (o instanceof PyNative) return o.attrs;
  if (o instanceof PySeqIter) return o.attrs;
  if (o instanceof PyProperty) return o.attrs;
  if (o instanceof PyStaticMethod) return o.attrs;
  if (o instanceof PyClassMethod) return o.attrs;
  return null;
}
export function getAttrOrNull(o: PyObject, name: string): PyObject | null {
  const t = o.cls;
  if (o instanceof PyModule) {
    const v = dictGetS(o.dict, name);
    if (v !== null) return v;
    if (name === '__dict__') {
      // a subclass's own __dict__ attribute comes first, as it would before module's member
      const sd = t !== moduleType ? lookupType(t, name) : null;
      return sd !== null ? bindDescr(sd, o, t) : o.dict;
    }
    if (name === '__name__') return newStr(o.name);
    if (t !== moduleType) {
      // a subclass of types.ModuleType (importlib.util._LazyModule, ...): its class attributes
      const d = lookupType(t, name);
      if (d !== null) return bindDescr(d, o, t);
      if (name === '__class__') return t;
    }
    // PEP 562: a module's own __getattr__
    const ga = dictGetS(o.dict, '__getattr__');
    if (ga !== null) {
      try {
        return callObj(ga, [newStr(name)], null);
      } catch (e) {
        if (e instanceof PyExc && isInstance(e.exc, AttributeError)) return null;
        throw e;
      }
    }
    return null;
  }
  if (o instanceof PyType) return typeGetAttr(o, name);
  if (o instanceof PySuper) return superLookup(o, name);
  if (o instanceof PyWeakref && o.proxy) return getAttrOrNull(proxyTarget(o), name);
  if (o instanceof PyGenericAlias) return genericAliasGetAttr(o, name);
  const ga = t.isBuiltin ? null : lookupType(t, '__getattribute__');
  if (ga !== null && !(ga instanceof PyBuiltin)) {
    try {
      return callHook(ga, o, name);
    } catch (e) {
      if (e instanceof PyExc && isInstance(e.exc, AttributeError)) {
        // without a __getattr__ to try, the error __getattribute__ raised is the lookup's own
        if (lookupType(t, '__getattr__') === null) {
          keepGetattrError(e.exc, o, name);
          return null;
        }
        return getAttrFallback(o, name);
      }
      throw e;
    }
  }
  return genericGetAttr(o, name);
}
/** o.name, or null when it is missing or its lookup raises AttributeError (CPython's
 * _PyObject_LookupAttr: hasattr, 3-argument getattr, and C code probing optional attributes). */
export function lookupAttr(o: PyObject, name: string): PyObject | null {
  try {
    return getAttrOrNull(o, name);
  } catch (e) {
    if (e instanceof PyExc && isInstance(e.exc, AttributeError)) return null;
    throw e;
  }
}
export function genericGetAttr(o: PyObject, name: string): PyObject | null {
  const t = o.cls;
  const d = lookupType(t, name);
  if (d !== null && isOverridingDescr(d)) return bindDescr(d, o, t);
  if (o instanceof PyInstance) {
    const idx = mapGetInt(o.map.names, name, -1);
    if (idx >= 0) {
      const v = o.slots[idx];
      if (v !== null) return v;
    }
  } else {
    const sd = instanceDict(o);
    if (sd !== null) {
      const v = dictGetS(sd, name);
      if (v !== null) return v;
    }
  }
  if (d !== null) return bindDescr(d, o, t);
  const sp = specialAttr(o, name);
  if (sp !== null) return sp;
  // every type has a __doc__ (None when it has no docstring), so an instance always finds one
  // on its type
  if (name === '__doc__') return o.cls.isBuiltin ? builtinDoc(o.cls.name) : None;
  return getAttrFallback(o, name);
}
/** A class's __getattribute__ or __getattr__ hook h called for o.name: a function directly, any
 * other object as the descriptor it is (CPython's slot_tp_getattr_hook binds it by __get__). */
function callHook(h: PyObject, o: PyObject, name: string): PyObject {
  if (h instanceof PyFunction || h instanceof PyBuiltin) return callObj(h, [o, newStr(name)], null);
  return callObj(bindDescr(h, o, o.cls), [newStr(name)], null);
}
function getAttrFallback(o: PyObject, name: string): PyObject | null {
  const t = o.cls;
  if (!t.isBuiltin) {
    const ga = lookupType(t, '__getattr__');
    if (ga !== null) {
      try {
        return callHook(ga, o, name);
      } catch (e) {
        if (e instanceof PyExc && isInstance(e.exc, AttributeError)) {
          keepGetattrError(e.exc, o, name);
          return null;
        }
        throw e;
      }
    }
  }
  return null;
}
class BuiltinDescrs {
  globals: PyObject = new PyNative(memberDescrType);
}
const DESCRS = new BuiltinDescrs();
/** A copy of t's attributes with the __dict__ and __weakref__ descriptors its class statement
 * added, in CPython's order: after the body's names, before the __doc__ = None that a class
 * without a docstring gets last. */
function classDictSnapshot(t: PyType): PyDict {
  const dd = newDict();
  const keys: string[] = [];
  for (const k of t.dict.keys()) keys.push(k);
  const docLast = keys.length > 0 && keys[keys.length - 1] === '__doc__' && t.dict.get('__doc__') === None;
  for (let i = 0; i < keys.length - (docLast ? 1 : 0); i++) dictSetS(dd, keys[i], t.dict.get(keys[i]) as PyObject);
  addLayoutDescrs(t, dd);
  if (docLast) dictSetS(dd, '__doc__', None);
  return dd;
}
function typeGetAttr(t: PyType, name: string): PyObject | null {
  // metaclass data descriptors first
  const meta = t.cls;
  const md = meta === typeType ? null : lookupType(meta, name);
  if (md !== null && isOverridingDescr(md)) return bindDescr(md, t, meta);
  const d = lookupType(t, name);
  if (d !== null) {
    if (d instanceof PyFunction) return d;
    if (d instanceof PyBuiltin) return d;
    if (d instanceof PyClassMethod) return classmethodGet(d, t);
    if (d instanceof PyStaticMethod) return d.fn;
    if (d instanceof PyProperty) return d;
    if (d instanceof PyInstance) {
      const g = lookupType(d.cls, '__get__');
      if (g !== null) return callObj(g, [d, None, t], null);
    }
    return d;
  }
  // the function attributes specialAttr computes, seen on the class as CPython's descriptors
  // (types.py takes GetSetDescriptorType and MemberDescriptorType from these two)
  if (t === functionType && name === '__code__') return descrOf(functionType, '__code__');
  if (t === functionType && name === '__globals__') return DESCRS.globals;
  switch (name) {
    case '__name__':
      return newStr(t.name);
    case '__qualname__':
      return newStr(t.qualname !== null ? t.qualname : t.name);
    case '__module__':
      return newStr(t.module);
    case '__mro__':
      return newTuple(t.mro.slice(0));
    case '__bases__':
      return newTuple(t.bases.slice(0));
    case '__base__':
      return t.bases.length === 0 ? None : t.isBuiltin ? t.bases[0] : bestBase(t.bases);
    case '__class__':
      return t.cls;
    case '__dict__':
      return classDictProxy(classDictSnapshot(t));
    case '__weakref__': {
      const owner = descrOwner(t, '__weakref__');
      if (owner !== null) return descrOf(owner, '__weakref__');
      break;
    }
    case '__doc__':
      return t.isBuiltin ? builtinDoc(t.name) : None;
    case '__basicsize__':
      return newInt(basicSize(t));
    case '__itemsize__':
      return newInt(itemSize(t));
  }
  if (md !== null) return bindDescr(md, t, meta);
  // type's own methods (C.mro(), C.__subclasses__()), bound to the class, as for any metaclass
  if (meta === typeType) {
    const tm = typeType.dict.get(name);
    if (tm !== undefined) return bindDescr(tm, t, meta);
  }
  if (meta !== typeType) {
    const ga = lookupType(meta, '__getattr__');
    if (ga !== null) return callObj(ga, [t, newStr(name)], null);
  }
  return null;
}
function builtinQualname(o: PyBuiltin): string {
  if (o.owner !== null) return o.owner.name + '.' + o.name;
  return o.self !== null && !(o.self instanceof PyModule) ? typeName(o.self) + '.' + o.name : o.name;
}
function specialAttr(o: PyObject, name: string): PyObject | null {
  if (name === '__class__') return o.cls;
  if (o instanceof PyGetSetDescr) return getsetAttr(o, name);
  if (name === '__weakref__') return instanceWeakref(o);
  if (name === '__dict__' && o instanceof PyBytesSub && !o.cls.isBuiltin && !isBytesClass(o.cls) && allowedSlotNames(o.cls) === null) {
    if (o.attrs === null) o.attrs = newDict();
    return o.attrs;
  }
  if (name === '__dict__' && !o.cls.isBuiltin && !(o instanceof PyInstance) && allowedSlotNames(o.cls) === null) {
    // an instance of a subclass of list, dict, int, str or tuple: its attribute dict itself
    const sd = ensureInstanceDict(o);
    if (sd !== null) return sd;
  }
  if (o instanceof PyInstance) {
    if (name === '__dict__') {
      // a class whose __slots__ leave out __dict__ gives none; slot values are not in it
      if (!(o instanceof PyBaseExc) && !instancesHaveDict(o.cls)) return null;
      const inSlots = declaredSlotNames(o.cls);
      const d = newDict();
      for (let i = 0; i < o.map.order.length; i++) {
        const v = o.slots[i];
        if (v !== null && !inSlots.includes(o.map.order[i])) dictSetS(d, o.map.order[i], v);
      }
      d.owner = o;
      return d;
    }
    if (o instanceof PyBaseExc) {
      switch (name) {
        case 'args':
          return newTuple(o.args.slice(0));
        case '__cause__':
          return o.cause === null ? None : o.cause;
        case '__context__':
          return o.context === null ? None : o.context;
        case '__suppress_context__':
          return newBool(o.suppressContext);
        case '__traceback__':
          return tracebackOf(o);
        case 'value':
          if (isInstance(o, StopIteration)) return o.args.length > 0 ? o.args[0] : None;
          break;
        case 'code':
          if (o.cls.name === 'SystemExit') return o.args.length > 0 ? o.args[0] : None;
          break;
        case 'errno':
        case 'strerror':
          if (isInstance(o, OSError)) return o.args.length >= 2 && o.args.length <= 5 ? o.args[name === 'errno' ? 0 : 1] : None;
          break;
        case 'filename':
        case 'filename2':
          if (isInstance(o, OSError)) return None;
          break;
      }
    }
    return null;
  }
  if (o instanceof PyFunction) {
    switch (name) {
      case '__name__':
        return newStr(o.name);
      case '__qualname__':
        return newStr(o.qualname);
      case '__doc__':
        return o.doc;
      case '__module__':
        return o.module;
      case '__defaults__':
        return o.defaults.length > 0 ? newTuple(o.defaults.slice(0)) : None;
      case '__kwdefaults__':
        return o.kwdefaults === null ? None : o.kwdefaults;
      case '__annotations__':
        if (o.annotations === null) o.annotations = newDict();
        return o.annotations;
      case '__globals__':
        return o.globals;
      case '__code__':
        return o.code;
      case '__dict__':
        if (o.attrs === null) o.attrs = newDict();
        return o.attrs;
      case '__closure__': {
        if (o.closure.length === 0) return None;
        const cs: PyObject[] = [];
        for (const c of o.closure) cs.push(c);
        return newTuple(cs);
      }
    }
    if (o.attrs !== null) return dictGetS(o.attrs, name);
    return null;
  }
  if (o instanceof PyBoundMethod) {
    if (name === '__self__') return o.self;
    if (name === '__func__') return o.fn;
    return getAttrOrNull(o.fn, name);
  }
  if (o instanceof PyBuiltin) {
    if (name === '__name__') return newStr(o.name);
    if (name === '__qualname__') return newStr(builtinQualname(o));
    // a method taken from its type (CPython's method descriptor) names its type's module, as
    // its __objclass__ does in CPython; doctest and inspect.getmodule find it by that
    if (name === '__module__') return o.module !== '' ? newStr(o.module) : o.owner !== null && o.self === null ? newStr(o.owner.module) : None;
    if (name === '__objclass__' && o.owner !== null && o.self === null) return o.owner;
    // a type's builtin __new__ is bound to the type (copyreg._reduce_ex finds the base by it)
    if (name === '__self__') return o.self !== null ? o.self : o.name === '__new__' && o.owner !== null ? o.owner : None;
    if (name === '__doc__') return builtinDoc(builtinQualname(o));
    return null;
  }
  if (o instanceof PyProperty) {
    if (name === 'fget') return o.fget === null ? None : o.fget;
    if (name === 'fset') return o.fset === null ? None : o.fset;
    if (name === 'fdel') return o.fdel === null ? None : o.fdel;
    if (name === '__doc__') return o.doc !== null ? o.doc : None;
    if (name === '__isabstractmethod__') return propertyIsAbstract(o);
    return null;
  }
  if (o instanceof PyStaticMethod || o instanceof PyClassMethod) {
    const fn = o instanceof PyStaticMethod ? o.fn : (o as PyClassMethod).fn;
    if (name === '__func__' || name === '__wrapped__') return fn;
    if (name === '__dict__') return ensureInstanceDict(o);
    if (name === '__isabstractmethod__') {
      const ab = getAttrOrNull(fn, '__isabstractmethod__');
      return newBool(ab !== null && truthy(ab));
    }
    return null;
  }
  if (o instanceof PyInt) {
    if (name === 'real' || name === 'numerator') return o.cls === intType ? o : newInt(o.v);
    if (name === 'imag') return newInt(0);
    if (name === 'denominator') return newInt(1);
    return null;
  }
  if (o instanceof PyFloat) {
    if (name === 'real') return o;
    if (name === 'imag') return newFloat(0.0);
    return null;
  }
  if (o instanceof PyUnion) {
    if (name === '__args__') return newTuple(o.args.slice(0));
    if (name === '__parameters__') return newTuple(parametersOf(o.args));
    return null;
  }
  if (o instanceof PySlice) {
    if (name === 'start') return o.start;
    if (name === 'stop') return o.stop;
    if (name === 'step') return o.step;
    return null;
  }
  if (o instanceof PyRange) {
    if (name === 'start') return newInt(o.start);
    if (name === 'stop') return newInt(o.stop);
    if (name === 'step') return newInt(o.step);
    return null;
  }
  if (o instanceof PyLongRange) {
    if (name === 'start') return o.start;
    if (name === 'stop') return o.stop;
    if (name === 'step') return o.step;
    return null;
  }
  if (o instanceof PyCode) return codeAttr(o, name);
  if (o instanceof PyFrameObj) return frameAttr(o, name);
  if (o instanceof PyTraceback) return tracebackAttr(o, name);
  if (o instanceof PyGenerator) return generatorAttr(o, name);
  if (o instanceof PyCell) {
    if (name === 'cell_contents') {
      if (o.ref === null) throw raise(ValueError, 'Cell is empty');
      return o.ref;
    }
  }
  if (name === '__doc__') return None;
  return null;
}
/** The AttributeError of a failed lookup, carrying the name and the object (as CPython's, for
 * the "Did you mean" suggestions and for handlers that look). */
export function attrError(o: PyObject, name: string): PyExc {
  let e: PyExc;
  if (o instanceof PyModule) e = raise(AttributeError, `module '${o.name}' has no attribute '${name}'`);
  else if (o instanceof PyType) e = raise(AttributeError, `type object '${o.name}' has no attribute '${name}'`);
  else e = raise(AttributeError, `'${typeName(o)}' object has no attribute '${name}'`);
  genericSetAttr(e.exc, 'name', newStr(name));
  genericSetAttr(e.exc, 'obj', o);
  return e;
}
function strTuple(names: string[]): PyObject {
  const items: PyObject[] = [];
  for (const n of names) items.push(newStr(n));
  return newTuple(items);
}
/** The attributes codeAttr answers, for dir(): unittest.mock's spec_set=CodeType allows only
 * names dir() lists (AsyncMock sets co_flags on such a mock). */
const CODE_ATTR_NAMES: string[] = [
  'co_name', 'co_qualname', 'co_filename', 'co_firstlineno', 'co_argcount', 'co_posonlyargcount', 'co_kwonlyargcount',
  'co_nlocals', 'co_stacksize', 'co_varnames', 'co_cellvars', 'co_freevars', 'co_names', 'co_consts', 'co_code', 'co_flags',
];
/** Names of attributes that instances of builtin type t compute rather than keep in its dict
 * (dir() lists them as CPython's getset descriptors appear there). */
export function computedAttrNames(t: PyType): string[] {
  if (t === codeType) return CODE_ATTR_NAMES;
  return generatorAttrNames(t);
}
/** A code object's attributes; co_flags in CPython's bits (inspect reads CO_COROUTINE etc.). */
function codeAttr(c: PyCode, name: string): PyObject | null {
  switch (name) {
    case 'co_name':
      return newStr(c.name);
    case 'co_qualname':
      return newStr(c.qualname);
    case 'co_filename':
      return newStr(c.filename);
    case 'co_firstlineno':
      return newInt(c.firstLine);
    case 'co_argcount':
      return newInt(c.argcount);
    case 'co_posonlyargcount':
      return newInt(c.posonly);
    case 'co_kwonlyargcount':
      return newInt(c.kwonly);
    case 'co_nlocals':
      return newInt(c.varnames.length);
    case 'co_stacksize':
      return newInt(c.stacksize);
    case 'co_varnames':
      return strTuple(c.varnames);
    case 'co_cellvars':
      return strTuple(c.cellvars);
    case 'co_freevars':
      return strTuple(c.freevars);
    case 'co_names':
      return strTuple(c.names);
    case 'co_consts':
      return newTuple(c.consts.slice(0));
    case 'co_code': {
      // the words the interpreter runs, two bytes each as in CPython's wordcode (opcodes differ)
      const b: int[] = [];
      for (const w of c.words) {
        // a back edge the JIT gave up on shows as what the compiler emitted
        b.push((w & 127) === Op.JUMP_BACKWARD_NO_JIT ? Op.JUMP_BACKWARD : w & 127);
        b.push((w >> 7) & 255);
      }
      return new PyBytes(bytesType, b);
    }
    case 'co_flags': {
      let fl = (c.flags & CO_NAMES) !== 0 ? 0 : 3;
      if ((c.flags & CO_VARARGS) !== 0) fl |= 4;
      if ((c.flags & CO_VARKW) !== 0) fl |= 8;
      if ((c.flags & CO_GENERATOR) !== 0) fl |= 0x20;
      if (c.freevars.length === 0 && c.cellvars.length === 0) fl |= 0x40;
      fl |= c.flags & (CO_COROUTINE | CO_ASYNC_GENERATOR | CO_ITERABLE_COROUTINE);
      return newInt(fl);
    }
  }
  return null;
}
export function getAttr(o: PyObject, name: string): PyObject {
  const v = getAttrOrNull(o, name);
  if (v === null) throw missingAttrError(o, name);
  return v;
}
/** The AttributeError a class's __getattr__ raised for the lookup that just failed, which
 * getattr() and attribute access raise as it is (CPython's slot_tp_getattr_hook propagates it),
 * not a new one. getAttrOrNull only answers null, so it is kept here until the caller asks. */
class GetattrError {
  exc: PyBaseExc | null = null;
  obj: PyObject | null = null;
  name: string = '';
}
const GETATTR_ERROR = new GetattrError();
function keepGetattrError(e: PyBaseExc, o: PyObject, name: string): void {
  // as CPython's set_attribute_error_context: one that says neither name nor obj is given them
  if (getAttrOrNull(e, 'name') === None && getAttrOrNull(e, 'obj') === None) {
    genericSetAttr(e, 'name', newStr(name));
    genericSetAttr(e, 'obj', o);
  }
  GETATTR_ERROR.exc = e;
  GETATTR_ERROR.obj = o;
  GETATTR_ERROR.name = name;
}
/** The error of a failed attribute lookup of o.name: the one its __getattr__ raised, else
 * attrError's. */
export function missingAttrError(o: PyObject, name: string): PyExc {
  const kept = GETATTR_ERROR.exc;
  const same = kept !== null && GETATTR_ERROR.obj === o && GETATTR_ERROR.name === name;
  GETATTR_ERROR.exc = null;
  GETATTR_ERROR.obj = null;
  if (same && kept !== null) return new PyExc(kept);
  return attrError(o, name);
}
export function setAttr(o: PyObject, name: string, v: PyObject): void {
  const t = o.cls;
  if (o instanceof PyWeakref && o.proxy) {
    setAttr(proxyTarget(o), name, v);
    return;
  }
  if (o instanceof PyTraceback && name === 'tb_next') {
    setTbNext(o, v);
    return;
  }
  if (o instanceof PyGenerator && setGeneratorName(o, name, v)) return;
  if (!t.isBuiltin) {
    const sa = lookupType(t, '__setattr__');
    if (sa !== null && sa instanceof PyFunction) {
      callObj(sa, [o, newStr(name), v], null);
      return;
    }
  }
  genericSetAttr(o, name, v);
}
/** Whether instances of the class t have a __dict__: not when every class of its own along the
 * MRO declares __slots__ (without '__dict__'). */
function instancesHaveDict(t: PyType): boolean {
  for (const c of t.mro) {
    if (c.isBuiltin) continue;
    const slots = c.dict.get('__slots__');
    if (slots === undefined) return true;
    const names = slots instanceof PyStr ? [slots] : iterToArray(slots);
    for (const x of names) if (x instanceof PyStr && str(x) === '__dict__') return true;
  }
  return false;
}
/** type.__setattr__: a builtin type is immutable; __name__ and __qualname__ are the type's
 * own fields (strings), not entries of its dict that subclasses would inherit. */
function setTypeAttr(t: PyType, name: string, v: PyObject): void {
  if (t.isBuiltin) throw raise(TypeError, `cannot set ${repr(newStr(name))} attribute of immutable type ${repr(newStr(t.name))}`);
  if (name === '__name__' || name === '__qualname__') {
    if (!(v instanceof PyStr)) throw raise(TypeError, `can only assign string to ${t.name}.${name}, not '${typeName(v)}'`);
    if (name === '__name__') {
      // CPython keeps the name as UTF-8: a lone surrogate cannot be encoded
      textEncode(v, 'utf-8', 'strict');
      if (v.s.indexOf('\0') >= 0) throw raise(ValueError, 'type name must not contain null characters');
      t.name = v.s;
    } else t.qualname = v.s;
    HOLD.typeVersion++;
    return;
  }
  t.dict.set(name, v);
  HOLD.typeVersion++;
}
/** `o.__dict__ = d`: d's string keys become o's attributes, and d stays tied to o (its later
 * writes reach o), as the instance's own dict is in CPython. */
function replaceInstanceDict(o: PyInstance, v: PyObject): void {
  if (!(v instanceof PyDict)) throw raise(TypeError, `__dict__ must be set to a dictionary, not a '${typeName(v)}'`);
  o.map = o.cls.rootMap;
  o.slots = [];
  for (let i = 0; i < v.keys.length; i++) {
    const k = v.keys[i];
    const x = v.vals[i];
    if (k === null || x === null || !(k instanceof PyStr)) continue;
    o.map = o.map.withAttr(k.s);
    o.slots.push(x);
  }
  v.owner = o;
}
/** cm_init's functools_wraps: the wrapped callable's names and docs copied into the new
 * staticmethod's or classmethod's __dict__. */
export function wrapDescrAttrs(o: PyObject, fn: PyObject): void {
  const d = ensureInstanceDict(o) as PyDict;
  for (const name of ['__module__', '__name__', '__qualname__', '__doc__', '__annotations__']) {
    const v = getAttrOrNull(fn, name);
    if (v !== null) dictSetS(d, name, v);
  }
}
export function genericSetAttr(o: PyObject, name: string, v: PyObject): void {
  const t = o.cls;
  if (o instanceof PyType) {
    setTypeAttr(o, name, v);
    return;
  }
  if (name === '__class__') {
    setClass(o, v);
    return;
  }
  const d = lookupType(t, name);
  if (d !== null) {
    if (d instanceof PyProperty) {
      if (d.fset === null) throw propertyError(d, o, 'setter');
      callObj(d.fset, [o, v], null);
      return;
    }
    if (d instanceof PyInstance) {
      const s = lookupType(d.cls, '__set__');
      if (s !== null) {
        callObj(s, [d, o, v], null);
        return;
      }
    }
  }
  if (o instanceof PyInstance) {
    if (name === '__dict__' && instancesHaveDict(t)) {
      replaceInstanceDict(o, v);
      return;
    }
    const idx = mapGetInt(o.map.names, name, -1);
    if (idx >= 0) {
      o.slots[idx] = v;
      return;
    }
    if (o instanceof PyBaseExc) {
      if (name === '__cause__') {
        if (v !== None && !(v instanceof PyBaseExc)) throw raise(TypeError, 'exception cause must be None or derive from BaseException');
        o.cause = v === None ? null : v;
        o.suppressContext = true;
        return;
      }
      if (name === '__context__') {
        if (v !== None && !(v instanceof PyBaseExc)) throw raise(TypeError, 'exception context must be None or derive from BaseException');
        o.context = v === None ? null : v;
        return;
      }
      if (name === 'args') {
        o.args = iterToArray(v);
        return;
      }
      if (name === '__traceback__') {
        setTraceback(o, v);
        return;
      }
    }
    // a new attribute: __slots__ may not name it (exceptions always have a __dict__)
    if (!(o instanceof PyBaseExc)) {
      const se = slotError(o, name);
      if (se !== null) throw se;
    }
    o.map = o.map.withAttr(name);
    o.slots.push(v);
    return;
  }
  if (o instanceof PyModule) {
    dictSetS(o.dict, name, v);
    return;
  }
  if (o instanceof PyFunction) {
    if (name === '__name__') {
      o.name = str(v);
      return;
    }
    if (name === '__qualname__') {
      o.qualname = str(v);
      return;
    }
    if (name === '__doc__') {
      o.doc = v;
      return;
    }
    if (name === '__module__') {
      o.module = v;
      return;
    }
    // namedtuple and typing.NamedTuple give the generated __new__ its defaults this way
    if (name === '__defaults__') {
      if (v !== None && !(v instanceof PyTuple)) throw raise(TypeError, '__defaults__ must be set to a tuple object');
      o.defaults = v instanceof PyTuple ? v.items.slice(0) : [];
      return;
    }
    if (name === '__kwdefaults__') {
      if (v !== None && !(v instanceof PyDict)) throw raise(TypeError, '__kwdefaults__ must be set to a dict object');
      o.kwdefaults = v instanceof PyDict ? v : null;
      return;
    }
    if (name === '__code__') {
      if (!(v instanceof PyCode)) throw raise(TypeError, '__code__ must be set to a code object');
      if (v.freevars.length !== o.closure.length) {
        throw raise(ValueError, `${o.name}() requires a code object with ${o.closure.length} free vars, not ${v.freevars.length}`);
      }
      o.setCode(v);
      return;
    }
    if (name === '__annotations__') {
      if (v !== None && !(v instanceof PyDict)) throw raise(TypeError, '__annotations__ must be set to a dict object');
      o.annotations = v instanceof PyDict ? v : null;
      return;
    }
    if (o.attrs === null) o.attrs = newDict();
    dictSetS(o.attrs, name, v);
    return;
  }
  // a subclass of a builtin (list, array...) whose classes all declare __slots__ has no __dict__
  if (!t.isBuiltin) {
    const se = slotError(o, name);
    if (se !== null) throw se;
  }
  if (o instanceof PyList && !t.isBuiltin) {
    if (o.attrs === null) o.attrs = newDict();
    dictSetS(o.attrs, name, v);
    return;
  }
  if (o instanceof PyDict && !t.isBuiltin) {
    if (o.attrs === null) o.attrs = newDict();
    dictSetS(o.attrs, name, v);
    return;
  }
  if (o instanceof PyIntSub && !t.isBuiltin) {
    if (o.attrs === null) o.attrs = newDict();
    dictSetS(o.attrs, name, v);
    return;
  }
  if (o instanceof PyFloatSub && !t.isBuiltin) {
    if (o.attrs === null) o.attrs = newDict();
    dictSetS(o.attrs, name, v);
    return;
  }
  if (o instanceof PyStrSub && !t.isBuiltin) {
    if (o.attrs === null) o.attrs = newDict();
    dictSetS(o.attrs, name, v);
    return;
  }
  if (o instanceof PyBytesSub && !t.isBuiltin && !isBytesClass(t)) {
    if (o.attrs === null) o.attrs = newDict();
    dictSetS(o.attrs, name, v);
    return;
  }
  if (o instanceof PyTupleSub && !t.isBuiltin) {
    if (o.attrs === null) o.attrs = newDict();
    dictSetS(o.attrs, name, v);
    return;
  }
  if (o instanceof PySet && !t.isBuiltin) {
    if (o.attrs === null) o.attrs = newDict();
    dictSetS(o.attrs, name, v);
    return;
  }
  if (o instanceof PyProperty && name === '__doc__' && t === propertyType) {
    o.doc = v;
    return;
  }
  if (o instanceof PyProperty && !t.isBuiltin && instancesHaveDict(t)) {
    if (o.attrs === null) o.attrs = newDict();
    dictSetS(o.attrs, name, v);
    return;
  }
  // a staticmethod or classmethod has a __dict__ (functools.wraps-style attributes)
  if (((o instanceof PyNative || o instanceof PySeqIter) && !t.isBuiltin) || o instanceof PyStaticMethod || o instanceof PyClassMethod) {
    const sd = ensureInstanceDict(o) as PyDict;
    dictSetS(sd, name, v);
    return;
  }
  if (lookupType(t, name) !== null) throw raise(AttributeError, `'${t.name}' object attribute '${name}' is read-only`);
  throw raise(AttributeError, `'${t.name}' object has no attribute '${name}'`);
}
/** A weakref.proxy stands for its referent in every operation (CPython's proxy slots unwrap
 * their operands); ReferenceError once the referent died. */
export function isProxy(o: PyObject): boolean {
  return o instanceof PyWeakref && o.proxy;
}
export function unproxy(o: PyObject): PyObject {
  return o instanceof PyWeakref && o.proxy ? proxyTarget(o) : o;
}
export function delAttr(o: PyObject, name: string): void {
  if (isProxy(o)) {
    delAttr(unproxy(o), name);
    return;
  }
  if (o instanceof PyGenerator && setGeneratorName(o, name, null)) return;
  const t = o.cls;
  if (!t.isBuiltin) {
    const da = lookupType(t, '__delattr__');
    if (da !== null && da instanceof PyFunction) {
      callObj(da, [o, newStr(name)], null);
      return;
    }
  }
  genericDelAttr(o, name);
}
/** object.__delattr__: deletion without a class's own __delattr__ (which may be the caller,
 * through super()) */
export function genericDelAttr(o: PyObject, name: string): void {
  const t = o.cls;
  const d = lookupType(t, name);
  if (d !== null && d instanceof PyProperty) {
    if (d.fdel === null) throw propertyError(d, o, 'deleter');
    callObj(d.fdel, [o], null);
    return;
  }
  // a Python data descriptor's __delete__
  if (d !== null && d instanceof PyInstance) {
    const del = lookupType(d.cls, '__delete__');
    if (del !== null) {
      callObj(del, [d, o], null);
      return;
    }
  }
  if (o instanceof PyBaseExc && (name === '__cause__' || name === '__context__')) throw raise(TypeError, `${name} may not be deleted`);
  if (o instanceof PyInstance) {
    const idx = mapGetInt(o.map.names, name, -1);
    if (idx >= 0 && o.slots[idx] !== null) {
      // rebuild without the attribute so the map stays canonical
      const names = o.map.order.slice(0);
      const vals = o.slots.slice(0);
      o.map = o.cls.rootMap;
      o.slots = [];
      for (let i = 0; i < names.length; i++) {
        const v = vals[i];
        if (i !== idx && v !== null) {
          o.map = o.map.withAttr(names[i]);
          o.slots.push(v);
        }
      }
      return;
    }
    if (!(o instanceof PyBaseExc)) {
      const se = slotError(o, name);
      if (se !== null) throw se;
    }
    // an unset slot says only its name, as CPython's member descriptor
    const allowed = o instanceof PyBaseExc ? null : allowedSlotNames(t);
    if (allowed !== null && allowed.has(name)) throw raise(AttributeError, name);
    throw attrError(o, name);
  }
  if (o instanceof PyType) {
    if (o.isBuiltin) throw raise(TypeError, `cannot set ${repr(newStr(name))} attribute of immutable type ${repr(newStr(o.name))}`);
    if (name === '__name__' || name === '__qualname__') throw raise(TypeError, `cannot delete '${name}' attribute of immutable type '${o.name}'`);
    if (!o.dict.has(name)) throw raise(AttributeError, name);
    o.dict.delete(name);
    HOLD.typeVersion++;
    return;
  }
  if (o instanceof PyModule) {
    if (!dictDel(o.dict, newStr(name))) throw raise(AttributeError, name);
    return;
  }
  if (o instanceof PyFunction && o.attrs !== null) {
    if (dictDel(o.attrs, newStr(name))) return;
  }
  // an instance of a Python subclass of a builtin (list, int, array, ...)
  const sd = instanceDict(o);
  if (sd !== null && dictDel(sd, newStr(name))) return;
  throw attrError(o, name);
}

// ---- calls ----
export function callObj(f: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  if (f instanceof PyFunction) return callFunction(f, args, kwnames);
  if (f instanceof PyBuiltin) {
    if (f.self !== null) {
      const a2: PyObject[] = [f.self];
      for (const a of args) a2.push(a);
      return callBuiltin(f, a2, kwnames);
    }
    return callBuiltin(f, args, kwnames);
  }
  if (f instanceof PyBoundMethod) {
    const a2: PyObject[] = [f.self];
    for (const a of args) a2.push(a);
    return callObj(f.fn, a2, kwnames);
  }
  if (f instanceof PyType) {
    if (f.cls !== typeType) {
      const mc = lookupType(f.cls, '__call__');
      if (mc !== null && mc instanceof PyFunction) {
        const a2: PyObject[] = [f];
        for (const a of args) a2.push(a);
        return callObj(mc, a2, kwnames);
      }
    }
    return callType(f, args, kwnames);
  }
  const c = lookupType(f.cls, '__call__');
  if (c !== null && (!f.cls.isBuiltin || c instanceof PyBuiltin)) {
    const a2: PyObject[] = [f];
    for (const a of args) a2.push(a);
    if (c instanceof PyFunction || c instanceof PyBuiltin) return callObj(c, a2, kwnames);
    // __call__ is itself a callable object (A.__call__ = A()): each level counts against the
    // recursion limit, as in CPython, instead of recursing natively without end
    if (VM.depth >= VM.recursionLimit) throw raise(RecursionError, 'maximum recursion depth exceeded while calling a Python object');
    VM.depth++;
    try {
      return callObj(c, a2, kwnames);
    } finally {
      VM.depth--;
    }
  }
  throw raise(TypeError, `'${typeName(f)}' object is not callable`);
}
/** Calls the special method `name` looked up on o's type, or returns null when absent. */
export function callSpecial(o: PyObject, name: string, args: PyObject[]): PyObject | null {
  const m = lookupType(o.cls, name);
  if (m === null || m === None) return null;
  const a2: PyObject[] = [o];
  for (const a of args) a2.push(a);
  if (m instanceof PyFunction || m instanceof PyBuiltin) return callObj(m, a2, null);
  return callObj(bindDescr(m, o, o.cls), args, null);
}
/** The OSError subclass CPython raises for errno n. */
export function osErrorClass(n: int): PyType {
  switch (n) {
    case 2:
      return FileNotFoundError;
    case 17:
      return FileExistsError;
    case 1:
    case 13:
      return PermissionError;
    case 21:
      return IsADirectoryError;
    case 20:
      return NotADirectoryError;
    case 4:
      return InterruptedError;
    case 11:
    case 114:
    case 115:
      return BlockingIOError;
    case 10:
      return ChildProcessError;
    case 3:
      return ProcessLookupError;
    case 110:
      return TimeoutError;
    case 32:
    case 108:
      return BrokenPipeError;
    case 103:
      return ConnectionAbortedError;
    case 111:
      return ConnectionRefusedError;
    case 104:
      return ConnectionResetError;
  }
  return OSError;
}
/** Allocates an instance of t according to its layout. */
export function allocInstance(t: PyType): PyObject {
  const o = allocLayout(t);
  // an instance of a class with __del__ is finalized when a collection finds it dead
  registerIfFinalizable(t, o);
  return o;
}
/** A new, empty instance of t's builtin layout. */
function allocLayout(t: PyType): PyObject {
  let base: PyType = objectType;
  for (const m of t.mro) {
    if (m.isBuiltin) {
      base = m;
      break;
    }
  }
  // a subclass of types.ModuleType: a module whose name module.__init__ sets
  if (base === moduleType) return new PyModule(t, '?', newDict());
  switch (base.layout) {
    case L_EXC:
      return new PyBaseExc(t);
    case L_LIST:
      return new PyList(t, []);
    case L_DICT:
      return new PyDict(t);
    case L_INT:
      return new PyIntSub(t, 0, null);
    case L_FLOAT:
      return new PyFloatSub(t, 0.0);
    case L_COMPLEX:
      return new PyComplex(t, 0.0, 0.0);
    case L_STR:
      return new PyStrSub(t, '');
    case L_BYTES:
      return new PyBytesSub(t, []);
    case L_TUPLE:
      return new PyTupleSub(t, []);
    case L_SET:
      return new PySet(t, newDict());
    case L_TYPE:
      return new PyType(t, '?');
    case L_PROPERTY:
      return new PyProperty(t, null, null, null);
    case L_STATICMETHOD:
      return new PyStaticMethod(t, None);
    case L_CLASSMETHOD:
      return new PyClassMethod(t, None);
  }
  if (base !== objectType && base.layout !== L_OBJECT) {
    throw raise(TypeError, `cannot create '${t.name}' instances`);
  }
  return new PyInstance(t);
}
export function callType(t: PyType, args: PyObject[], kwnames: string[] | null): PyObject {
  if (t === typeType && args.length === 1 && kwnames === null) return args[0].cls;
  const newFn = lookupType(t, '__new__');
  let obj: PyObject;
  if (newFn !== null && !(newFn instanceof PyBuiltin)) {
    const fn = newFn instanceof PyStaticMethod ? newFn.fn : newFn;
    const a2: PyObject[] = [t];
    for (const a of args) a2.push(a);
    obj = callObj(fn, a2, kwnames);
    if (!isInstance(obj, t)) return obj;
  } else if (newFn !== null && newFn instanceof PyBuiltin && newFn.id !== B.OBJECT_NEW) {
    // builtin type constructor (int, str, list, type, ...) possibly for a subclass
    const a2: PyObject[] = [t];
    for (const a of args) a2.push(a);
    obj = callBuiltin(newFn, a2, kwnames);
    if (!isInstance(obj, t)) return obj;
    if (t.isBuiltin) return obj;
  } else {
    const npos = kwnames === null ? args.length : args.length - kwnames.length;
    // OSError(errno, strerror, ...) is the subclass for that errno, as OSError.__new__ picks
    const first = args.length > 0 ? args[0] : null;
    obj = t === OSError && npos >= 2 && first instanceof PyInt && bigOf(first) === null ? new PyBaseExc(osErrorClass(first.v)) : allocInstance(t);
    if (obj instanceof PyBaseExc) {
      for (let i = 0; i < npos; i++) obj.args.push(args[i]);
    }
  }
  // the __init__ of the object's own type: __new__ may return an instance of a subclass of t
  const init = lookupType(obj.cls, '__init__');
  if (init !== null && !(init instanceof PyBuiltin && init.id === B.OBJECT_INIT)) {
    const a2: PyObject[] = [obj];
    for (const a of args) a2.push(a);
    const r = callObj(init, a2, kwnames);
    if (r !== None) throw raise(TypeError, `__init__() should return None, not '${typeName(r)}'`);
  } else if (args.length > 0 && (newFn === null || (newFn instanceof PyBuiltin && newFn.id === B.OBJECT_NEW)) && !(obj instanceof PyBaseExc)) {
    throw raise(TypeError, `${t.name}() takes no arguments`);
  }
  return obj;
}

// ---- truthiness / len ----
export function truthy(o: PyObject): boolean {
  if (o === True) return true;
  if (o === False || o === None) return false;
  if (o instanceof PyInt && o.cls === intType) return bigOf(o) !== null || o.v !== 0;
  if (o instanceof PyStr && o.cls === strType) return o.s.length > 0;
  if (o instanceof PyList && o.cls === listType) return o.items.length > 0;
  if (o instanceof PyFloat && o.cls === floatType) return o.v !== 0.0;
  if (o instanceof PyTuple && o.cls === tupleType) return o.items.length > 0;
  if (o instanceof PyDict && o.cls === dictType) return o.used > 0;
  if (!o.cls.isBuiltin) {
    const b = callSpecial(o, '__bool__', []);
    if (b !== null) {
      if (b !== True && b !== False) throw raise(TypeError, `__bool__ should return bool, returned ${typeName(b)}`);
      return b === True;
    }
    const l = callSpecial(o, '__len__', []);
    if (l !== null) return truthy(l);
  }
  if (o instanceof PyInt) return bigOf(o) !== null || o.v !== 0;
  if (o instanceof PyFloat) return o.v !== 0.0;
  if (o instanceof PyStr) return o.s.length > 0;
  if (o instanceof PyList) return o.items.length > 0;
  if (o instanceof PyTuple) return o.items.length > 0;
  if (o instanceof PyDict) return o.used > 0;
  if (o instanceof PySet) return o.table.used > 0;
  if (o instanceof PyBytes) return o.b.length > 0;
  if (o instanceof PyRange) return rangeLen(o) > 0;
  if (o instanceof PyLongRange) return truthy(o.length);
  if (o instanceof PyComplex) return o.re !== 0.0 || o.im !== 0.0;
  if (o instanceof PyNative) return o.nativeLen() !== 0;
  if (isProxy(o)) return truthy(unproxy(o));
  // notimplemented_bool: still true in 3.11, but deprecated (bpo-35712)
  if (o === NotImplemented) warnVm('NotImplemented should not be used in a boolean context', DeprecationWarning);
  return true;
}
export function rangeLen(r: PyRange): int {
  if (r.step > 0) return r.stop > r.start ? floorDiv(r.stop - r.start - 1, r.step) + 1 : 0;
  return r.start > r.stop ? floorDiv(r.start - r.stop - 1, -r.step) + 1 : 0;
}
export function pyLen(o: PyObject): int {
  if (isProxy(o)) return pyLen(unproxy(o));
  if (o instanceof PyList) {
    if (o.cls === listType) return o.items.length;
  }
  if (!o.cls.isBuiltin && isOwnSpecial(o.cls, '__len__', lookupType(o.cls, '__len__'))) {
    const l = callSpecial(o, '__len__', []);
    if (l !== null) {
      if (!(l instanceof PyInt)) throw raise(TypeError, `'${typeName(l)}' object cannot be interpreted as an integer`);
      // CPython's slot_sq_length: the sign first, then the size (a length past the machine ints,
      // 2**53 here, is refused as CPython refuses one past Py_ssize_t)
      if (intSign(l) < 0) throw raise(ValueError, '__len__() should return >= 0');
      if (bigOf(l) !== null) throw raise(OverflowErrorT, "cannot fit 'int' into an index-sized integer");
      return l.v;
    }
  }
  if (o instanceof PyList) return o.items.length;
  if (o instanceof PyTuple) return o.items.length;
  if (o instanceof PyStr) return cpLen(o);
  if (o instanceof PyDict) return o.used;
  if (o instanceof PySet) return o.table.used;
  if (o instanceof PyBytes) return o.b.length;
  if (o instanceof PyRange) return rangeLen(o);
  if (o instanceof PySeqIter && (o.cls === dictKeysType || o.cls === dictValuesType || o.cls === dictItemsType)) return (o.seq as PyDict).used;
  if (o instanceof PyNative) {
    const n = o.nativeLen();
    if (n >= 0) return n;
  }
  throw raise(TypeError, `object of type '${typeName(o)}' has no len()`);
}

// ---- repr / str ----
function strRepr(s: string): string {
  let q = "'";
  if (s.includes("'") && !s.includes('"')) q = '"';
  const out: string[] = [q];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const k = s.charCodeAt(i);
    if (c === q || c === '\\') {
      out.push('\\');
      out.push(c);
    } else if (c === '\n') out.push('\\n');
    else if (c === '\r') out.push('\\r');
    else if (c === '\t') out.push('\\t');
    else if (k < 32 || k === 127) out.push('\\x' + hex2(k));
    else if (k < 127) out.push(c);
    else if (k >= 0xd800 && k <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) {
      // a surrogate pair: one astral code point, escaped as \U when not printable
      const cp = (k - 0xd800) * 1024 + (s.charCodeAt(i + 1) - 0xdc00) + 0x10000;
      out.push(isPrintableCode(cp) ? s.slice(i, i + 2) : '\\U' + hex4(cp >> 16) + hex4(cp & 0xffff));
      i++;
    } else if (isPrintableCode(k)) out.push(c);
    else if (k < 0x100) out.push('\\x' + hex2(k));
    else out.push('\\u' + hex4(k));
  }
  out.push(q);
  return out.join('');
}
function hexDigit(v: int): string {
  return '0123456789abcdef'[v];
}
export function hex2(v: int): string {
  return hexDigit(v >> 4) + hexDigit(v & 15);
}
export function hex4(v: int): string {
  return hex2(v >> 8) + hex2(v & 255);
}
function bytesRepr(b: int[]): string {
  let q = "'";
  let hasSq = false;
  let hasDq = false;
  for (const c of b) {
    if (c === 39) hasSq = true;
    if (c === 34) hasDq = true;
  }
  if (hasSq && !hasDq) q = '"';
  const out: string[] = ['b', q];
  for (const c of b) {
    if (c === 92) out.push('\\\\');
    else if (String.fromCharCode(c) === q) out.push('\\' + q);
    else if (c === 10) out.push('\\n');
    else if (c === 13) out.push('\\r');
    else if (c === 9) out.push('\\t');
    else if (c < 32 || c >= 127) out.push('\\x' + hex2(c));
    else out.push(String.fromCharCode(c));
  }
  out.push(q);
  return out.join('');
}
export function reprEnter(o: PyObject): boolean {
  for (const x of VM.reprStack) if (x === o) return false;
  VM.reprStack.push(o);
  return true;
}
export function reprLeave(): void {
  VM.reprStack.pop();
}
export function addrOf(o: PyObject): string {
  const id = objId(o);
  return '0x' + intToRadix(newInt(0x7f0000000000 + id * 48), 16);
}
/** Whether m, t's lookupType of special method `name`, is the class's own: a Python function, a
 * builtin a module defined on a class of its own (collections.defaultdict), or a builtin that
 * Python code put in a class's dict (enum's IntEnum.__str__ = int.__repr__); not one inherited
 * from a builtin base (list.__len__ of a list subclass), whose behaviour the native path gives. */
function isOwnSpecial(t: PyType, name: string, m: PyObject | null): boolean {
  if (m === null) return false;
  if (!(m instanceof PyBuiltin)) return true;
  if (m.owner !== null && !m.owner.isBuiltin) return true;
  // lookupType just found m and noted where: no second walk of the MRO per str()/len()
  const k = t.ownerCache.get(name);
  return k !== undefined && !k.isBuiltin;
}
/** The result of a user class's __repr__ or __str__, or null when the class does not define it in Python. */
function userStrDunder(o: PyObject, name: string): string | null {
  const t = o.cls;
  if (t.isBuiltin) return null;
  const m = lookupType(t, name);
  if (!isOwnSpecial(t, name, m)) return null;
  const r = callSpecial(o, name, []);
  if (r === null) return null;
  if (!(r instanceof PyStr)) throw raise(TypeError, `${name} returned non-string (type ${typeName(r)})`);
  return r.s;
}
export function repr(o: PyObject): string {
  const u = userStrDunder(o, '__repr__');
  return u !== null ? u : baseRepr(o);
}
export function baseRepr(o: PyObject): string {
  const t = o.cls;
  if (o instanceof PyStr) return strRepr(o.s);
  if (o instanceof PyNative) {
    const r = o.nativeRepr();
    if (r !== '') return r;
  }
  if (o instanceof PyInt) {
    if (o.cls === boolType) return o.v !== 0 ? 'True' : 'False';
    return intToStr(o);
  }
  if (o instanceof PyFloat) return floatRepr(o.v);
  if (o === None) return 'None';
  if (o instanceof PyList) {
    if (!reprEnter(o)) return '[...]';
    try {
      const parts: string[] = [];
      for (let i = 0; i < o.items.length; i++) parts.push(repr(o.items[i]));
      return '[' + parts.join(', ') + ']';
    } finally {
      reprLeave();
    }
  }
  if (o instanceof PyTuple) {
    if (o.items.length === 1) return '(' + repr(o.items[0]) + ',)';
    const parts: string[] = [];
    for (const x of o.items) parts.push(repr(x));
    return '(' + parts.join(', ') + ')';
  }
  if (o instanceof PyDict) {
    if (!reprEnter(o)) return '{...}';
    try {
      const parts: string[] = [];
      for (let i = 0; i < o.keys.length; i++) {
        const k = o.keys[i];
        const v = o.vals[i];
        if (k !== null && v !== null) parts.push(repr(k) + ': ' + repr(v));
      }
      return '{' + parts.join(', ') + '}';
    } finally {
      reprLeave();
    }
  }
  if (o instanceof PySet) {
    // set_repr: a set met again inside its own repr is "name(...)"; a subclass's repr names it
    if (!reprEnter(o)) return `${t.name}(...)`;
    try {
      if (o.table.used === 0) return `${t.name}()`;
      const parts: string[] = [];
      // the elements as they are now: an element's repr may change the set
      for (const k of o.table.keys.slice(0)) if (k !== null) parts.push(repr(k));
      if (t === setType) return '{' + parts.join(', ') + '}';
      return `${t.name}({${parts.join(', ')}})`;
    } finally {
      reprLeave();
    }
  }
  if (o instanceof PyBytes) return bytesRepr(o.b);
  if (o instanceof PySuper) return superRepr(o);
  if (o instanceof PyType) {
    // a class statement's class shows its __qualname__, a builtin type its name (type_repr)
    const qn = o.isBuiltin || o.qualname === null ? o.name : o.qualname;
    return t !== typeType && !t.isBuiltin ? `<class '${o.module === 'builtins' ? '' : o.module + '.'}${qn}'>` : o.module === 'builtins' ? `<class '${qn}'>` : `<class '${o.module}.${qn}'>`;
  }
  if (o instanceof PyBaseExc) {
    if (o.args.length === 1) return `${t.name}(${repr(o.args[0])})`;
    return t.name + repr(newTuple(o.args));
  }
  if (o instanceof PyRange) {
    return o.step === 1 ? `range(${o.start}, ${o.stop})` : `range(${o.start}, ${o.stop}, ${o.step})`;
  }
  if (o instanceof PySlice) return `slice(${repr(o.start)}, ${repr(o.stop)}, ${repr(o.step)})`;
  if (o instanceof PyUnion) {
    const parts: string[] = [];
    for (const a of o.args) {
      if (a === noneType) parts.push('None');
      else if (a instanceof PyType) parts.push(a.module === 'builtins' ? a.name : a.module + '.' + a.name);
      else parts.push(repr(a));
    }
    return parts.join(' | ');
  }
  if (o instanceof PyFunction) return `<function ${o.qualname} at ${addrOf(o)}>`;
  if (o instanceof PyBuiltin) {
    if (o.self !== null) return `<built-in method ${o.name} of ${typeName(o.self)} object at ${addrOf(o.self)}>`;
    return `<built-in function ${o.name}>`;
  }
  if (o instanceof PyBoundMethod) {
    const fn = o.fn;
    // method_repr: the function's __qualname__, else its __name__, else '?'
    let nm = '?';
    if (fn instanceof PyFunction) nm = fn.qualname;
    else if (fn instanceof PyBuiltin) nm = fn.name;
    else {
      const q = getAttrOrNull(fn, '__qualname__');
      const qn = q !== null ? q : getAttrOrNull(fn, '__name__');
      if (qn !== null && qn instanceof PyStr) nm = qn.s;
    }
    return `<bound method ${nm} of ${repr(o.self)}>`;
  }
  if (o instanceof PyModule) return `<module '${o.name}'>`;
  if (o === NotImplemented) return 'NotImplemented';
  if (o === Ellipsis) return 'Ellipsis';
  if (o instanceof PyGenerator) return `<${o.cls.name} object ${o.qualname} at ${addrOf(o)}>`;
  if (o instanceof PySeqIter) {
    if (o.cls === dictKeysType || o.cls === dictValuesType || o.cls === dictItemsType) {
      const d = o.seq as PyDict;
      const parts: string[] = [];
      for (let i = 0; i < d.keys.length; i++) {
        const k = d.keys[i];
        const v = d.vals[i];
        if (k === null || v === null) continue;
        if (o.cls === dictKeysType) parts.push(repr(k));
        else if (o.cls === dictValuesType) parts.push(repr(v));
        else parts.push('(' + repr(k) + ', ' + repr(v) + ')');
      }
      return `${t.name}([${parts.join(', ')}])`;
    }
  }
  if (o instanceof PyProperty) return `<property object at ${addrOf(o)}>`;
  const mod = t.module === 'builtins' ? '' : t.module + '.';
  return `<${mod}${t.name} object at ${addrOf(o)}>`;
}
export function str(o: PyObject): string {
  // a str subclass may define __str__ (str-mixin enums do)
  if (o instanceof PyStr && o.cls === strType) return o.s;
  const u = userStrDunder(o, '__str__');
  return u !== null ? u : baseStr(o);
}
export function baseStr(o: PyObject): string {
  if (o instanceof PyStr) return o.s;
  // proxy_str: the str of the object the proxy stands for (its repr stays the proxy's own)
  if (isProxy(o)) return str(unproxy(o));
  // bytes has its own __str__ (the bytes repr), which a subclass's __repr__ does not change
  if (o instanceof PyBytes && !isBytearray(o)) return bytesRepr(o.b);
  if (o instanceof PyBaseExc) return excStr(o);
  if (o instanceof PyNative) {
    const s = o.nativeStr();
    if (s !== null) return s;
  }
  return repr(o);
}

// ---- hashing / equality / comparison ----
/** a * b modulo 2**32, as a signed 32-bit int (a and b are taken as 32-bit ints); the halves
 * keep every product exact in a double */
function mul32(a: int, b: int): int {
  const bs = b | 0;
  return (((a & 0xffff) * bs) + ((((a >>> 16) * bs) & 0xffff) << 16)) | 0;
}
/** CPython's _shuffle_bits of one element's hash (in 32 bits) */
function shuffleBits(h: int): int {
  return mul32((h ^ 89869747) ^ (h << 16), 3644798167);
}
/** frozenset_hash in 32-bit arithmetic over its elements' hashes: the shuffled hashes xor-ed
 * (so the order does not count), the size factored in, then dispersed so nested frozensets
 * spread out. */
function hashOfSet(hashes: int[]): int {
  let h = 0;
  for (const x of hashes) h ^= shuffleBits(x | 0);
  h ^= mul32(hashes.length + 1, 1927868237);
  h ^= (h >>> 11) ^ (h >>> 25);
  h = (mul32(h, 69069) + 907133923) | 0;
  return h === -1 ? 590923713 : h;
}
function frozensetHash(s: PySet): int {
  if (s.hash !== -1) return s.hash;
  // the hashes the table stored (frozenset_hash reads entry->hash, it does not hash again)
  const t = s.table;
  const hashes: int[] = [];
  for (let i = 0; i < t.keys.length; i++) if (t.keys[i] !== null) hashes.push(t.hashes[i]);
  s.hash = hashOfSet(hashes);
  return s.hash;
}
export function pyHash(o: PyObject): int {
  if (o instanceof PyStr) {
    if (o.cls === strType) return strHash(o);
  }
  if (o instanceof PyInt && (o.cls === intType || o.cls === boolType)) return intHash(o);
  const t = o.cls;
  if (!t.isBuiltin) {
    const h = lookupType(t, '__hash__');
    if (h === None) throw raise(TypeError, `unhashable type: '${t.name}'`);
    if (h !== null && !(h instanceof PyBuiltin)) {
      const r = callSpecial(o, '__hash__', []);
      if (r === null || !(r instanceof PyInt)) throw raise(TypeError, '__hash__ method should return an integer');
      return intHash(r);
    }
  }
  return nativeHash(o);
}
/** The hash a builtin type computes for its own value (what its __hash__ slot returns), without
 * looking for a class's own __hash__ first. */
export function nativeHash(o: PyObject): int {
  const t = o.cls;
  if (o instanceof PyWeakref && !o.proxy) return weakrefHash(o);
  if (o instanceof PyWeakref) throw raise(TypeError, `unhashable type: 'weakref.${t.name}'`);
  // consistent with sameMethod: the bound object's identity and the function
  if (o instanceof PyBoundMethod) return objId(o.self) ^ pyHash(o.fn);
  if (o instanceof PyBuiltin && o.self !== null) return objId(o.self) ^ o.id;
  if (o instanceof PyStr) return strHash(o);
  if (o instanceof PyInt) return intHash(o);
  if (o instanceof PyFloat) {
    const v = o.v;
    if (v === Math.floor(v) && v < 9.0e15 && v > -9.0e15) return intHash(newInt(toInt(v)));
    // a NaN is equal to nothing, so it hashes by identity (as object.__hash__, CPython 3.10+)
    if (Number.isNaN(v)) return objId(o);
    if (v === Infinity) return 314159;
    if (v === -Infinity) return -314159;
    // an integral float hashes as the int it equals
    if (v === Math.floor(v)) return intHash(intFromFloat(v));
    return toInt((v - Math.floor(v)) * 2147483647.0) ^ toInt(Math.floor(v) % 1000003.0);
  }
  // CPython's range_hash: equal ranges (same items) hash alike
  if (o instanceof PyRange) return pyHash(rangeHashKey(newInt(rangeLen(o)), newInt(o.start), newInt(o.step)));
  if (o instanceof PyLongRange) return pyHash(rangeHashKey(o.length as PyInt, o.start, o.step));
  if (o instanceof PyTuple) {
    let h = 0x345678;
    for (const x of o.items) {
      h = ((h ^ pyHash(x)) * 1000003) | 0;
      h = h & 0x3fffffff;
    }
    return h === -1 ? -2 : h;
  }
  if (o instanceof PyBytes) {
    let h = 5381;
    for (const c of o.b) h = ((h << 5) + h + c) | 0;
    return h;
  }
  if (o instanceof PySet && isInstance(o, frozensetType)) return frozensetHash(o);
  if (o instanceof PyList || o instanceof PyDict || o instanceof PySet) throw raise(TypeError, `unhashable type: '${t.name}'`);
  if (o instanceof PySlice) throw raise(TypeError, `unhashable type: 'slice'`);
  if (o instanceof PyUnion) {
    // hash(frozenset(args)), as typing.Union's: the order does not count, and int | str and
    // Union[int, str] hash alike
    const hashes: int[] = [];
    for (const a of o.args) hashes.push(pyHash(a));
    return hashOfSet(hashes);
  }
  if (o instanceof PyNative) {
    const h = o.nativeHash();
    if (h !== -1) return h;
    // a module's type that sets __hash__ = None (deque, functools.KeyWrapper)
    // (named by CPython's tp_name, which carries the module)
    if (lookupType(t, '__hash__') === None) throw raise(TypeError, `unhashable type: '${t.module === 'builtins' || t.module === '' ? '' : t.module + '.'}${t.name}'`);
  }
  return objId(o);
}
/** What a range hashes as: (len, None, None) when empty, (len, start, None) with one item,
 * else (len, start, step), as CPython's range_hash. */
function rangeHashKey(len: PyInt, start: PyObject, step: PyObject): PyTuple {
  if (intSign(len) === 0) return newTuple([len, None, None]);
  if (bigOf(len) === null && len.v === 1) return newTuple([len, start, None]);
  return newTuple([len, start, step]);
}
function intHash(o: PyInt): int {
  const b = bigOf(o);
  if (b === null) {
    const v = o.v;
    if (v === -1) return -2;
    if (v >= -1073741824 && v < 1073741824) return v;
    return v;
  }
  const qr = bigDivMod(b, bigFromInt(2147483647));
  return fromBig(qr[1]).v;
}
function reflectedOp(op: int): int {
  switch (op) {
    case A.CMP_LT:
      return A.CMP_GT;
    case A.CMP_LE:
      return A.CMP_GE;
    case A.CMP_GT:
      return A.CMP_LT;
    case A.CMP_GE:
      return A.CMP_LE;
  }
  return op;
}
export const CMP_NAMES = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];
const CMP_SYMS = ['<', '<=', '==', '!=', '>', '>='];
function cmpResult(c: int, op: int): boolean {
  switch (op) {
    case A.CMP_LT:
      return c < 0;
    case A.CMP_LE:
      return c <= 0;
    case A.CMP_EQ:
      return c === 0;
    case A.CMP_NE:
      return c !== 0;
    case A.CMP_GT:
      return c > 0;
  }
  return c >= 0;
}
/** An int or a float, of a subclass too: reached after a subclass's own operator methods had
 * their turn, as int's already are, so float.__add__ and friends serve float subclasses. */
function isNum(o: PyObject): boolean {
  return o instanceof PyInt || o instanceof PyFloat;
}
function numVal(o: PyObject): float {
  if (o instanceof PyFloat) return o.v;
  return intToFloat(o as PyInt);
}
export function pyEq(a: PyObject, b: PyObject): boolean {
  if (a === b) {
    if (a instanceof PyFloat) return !Number.isNaN(a.v);
    return true;
  }
  return truthy(richCompare(a, b, A.CMP_EQ));
}
/** The items of a list or tuple as they are now (a list's array may be replaced while compared). */
function seqItems(o: PyObject): PyObject[] {
  return o instanceof PyList ? o.items : (o as PyTuple).items;
}
/** Compares two lists or two tuples as CPython's list_richcompare and tuplerichcompare: the first
 * items that differ decide, by their own comparison's result whatever it is (an ordering may
 * return a non-bool); the lengths are read afresh after each item comparison, since an item's
 * __eq__ may have emptied a list. Lists of different lengths are unequal without comparing items. */
function seqCompare(a: PyObject, b: PyObject, op: int): PyObject {
  if ((op === A.CMP_EQ || op === A.CMP_NE) && a instanceof PyList && seqItems(a).length !== seqItems(b).length) return newBool(op === A.CMP_NE);
  let i = 0;
  for (; i < seqItems(a).length && i < seqItems(b).length; i++) {
    const x = seqItems(a)[i];
    const y = seqItems(b)[i];
    if (x !== y && !pyEq(x, y)) break;
  }
  const n = seqItems(a).length;
  const m = seqItems(b).length;
  if (i >= n || i >= m) return newBool(cmpResult(n < m ? -1 : n > m ? 1 : 0, op));
  if (op === A.CMP_EQ) return False;
  if (op === A.CMP_NE) return True;
  return richCompare(seqItems(a)[i], seqItems(b)[i], op);
}
function setSubset(a: PySet, b: PySet): boolean {
  for (const k of a.table.keys) if (k !== null && !dictHas(b.table, k)) return false;
  return true;
}
/** Builtin comparison; returns null when not supported (NotImplemented). */
function isBoundMethod(o: PyObject): boolean {
  return o instanceof PyBoundMethod || (o instanceof PyBuiltin && o.self !== null);
}
/** Bound methods are equal when they bind the same object (by identity, as CPython 3.8+) to
 * equal functions: a.f == a.f although each access makes a new method object. */
function sameMethod(a: PyObject, b: PyObject): boolean {
  if (a instanceof PyBoundMethod && b instanceof PyBoundMethod) return a.self === b.self && pyEq(a.fn, b.fn);
  if (a instanceof PyBuiltin && b instanceof PyBuiltin) return a.self === b.self && a.id === b.id && a.name === b.name;
  return false;
}
export function builtinCompare(a: PyObject, b: PyObject, op: int): PyObject | null {
  if ((a instanceof PyComplex || b instanceof PyComplex) && (op === A.CMP_EQ || op === A.CMP_NE)) {
    // a complex subclass instance reaches here rather than richCompare's PyNative branch
    const e = a instanceof PyComplex ? a.nativeEq(b) : (b as PyComplex).nativeEq(a);
    return e < 0 ? null : newBool((e === 1) === (op === A.CMP_EQ));
  }
  if (a instanceof PyWeakref && b instanceof PyWeakref && !a.proxy && !b.proxy && (op === A.CMP_EQ || op === A.CMP_NE)) {
    return newBool(weakrefEq(a, b) === (op === A.CMP_EQ));
  }
  if ((op === A.CMP_EQ || op === A.CMP_NE) && isBoundMethod(a) && isBoundMethod(b)) return newBool(sameMethod(a, b) === (op === A.CMP_EQ));
  if (a instanceof PyUnion && b instanceof PyUnion && (op === A.CMP_EQ || op === A.CMP_NE)) {
    // as sets of their arguments, compared by value (list[int] | str == list[int] | str)
    let same = a.args.length === b.args.length;
    for (const x of a.args) if (!unionHas(b.args, x)) same = false;
    return newBool(same === (op === A.CMP_EQ));
  }
  if (a instanceof PyInt && b instanceof PyInt) return newBool(cmpResult(intCmp(a, b), op));
  if (isNum(a) && isNum(b)) {
    const x = numVal(a);
    const y = numVal(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return newBool(op === A.CMP_NE);
    if (a instanceof PyInt && (bigOf(a) !== null) && b instanceof PyFloat && (b.v === Infinity || b.v === -Infinity)) return newBool(cmpResult(b.v > 0.0 ? -1 : 1, op));
    return newBool(cmpResult(x < y ? -1 : x > y ? 1 : 0, op));
  }
  if (a instanceof PyStr && b instanceof PyStr) {
    const c = strCompare(a.s, b.s);
    return newBool(cmpResult(c, op));
  }
  if ((a instanceof PyList && b instanceof PyList) || (a instanceof PyTuple && b instanceof PyTuple)) return seqCompare(a, b, op);
  // slices compare as the tuples of their fields
  if (a instanceof PySlice && b instanceof PySlice) return seqCompare(newTuple([a.start, a.stop, a.step]), newTuple([b.start, b.stop, b.step]), op);
  if (a instanceof PyBytes && b instanceof PyBytes) {
    const n = a.b.length < b.b.length ? a.b.length : b.b.length;
    let c = 0;
    for (let i = 0; i < n && c === 0; i++) c = a.b[i] < b.b[i] ? -1 : a.b[i] > b.b[i] ? 1 : 0;
    if (c === 0) c = a.b.length < b.b.length ? -1 : a.b.length > b.b.length ? 1 : 0;
    return newBool(cmpResult(c, op));
  }
  if (op === A.CMP_EQ || op === A.CMP_NE) {
    if (a instanceof PyDict && b instanceof PyDict) {
      let eq = a.used === b.used;
      if (eq) {
        for (let i = 0; i < a.keys.length && eq; i++) {
          const k = a.keys[i];
          const v = a.vals[i];
          if (k === null || v === null) continue;
          const w = dictGet(b, k);
          if (w === null || !pyEq(v, w)) eq = false;
        }
      }
      return newBool(op === A.CMP_EQ ? eq : !eq);
    }
    if (a instanceof PySet && b instanceof PySet) {
      const eq = a.table.used === b.table.used && setSubset(a, b);
      return newBool(op === A.CMP_EQ ? eq : !eq);
    }
    if (a instanceof PyRange && b instanceof PyRange) {
      const la = rangeLen(a);
      const lb = rangeLen(b);
      let eq = la === lb && (la === 0 || (a.start === b.start && (la === 1 || a.step === b.step)));
      return newBool(op === A.CMP_EQ ? eq : !eq);
    }
  }
  // a keys or items view against a set or another such view: compared as sets, every operator
  // (CPython's dictview_richcompare); against anything else, by identity
  if ((isSetView(a) || isSetView(b)) && (isSetView(a) || a instanceof PySet) && (isSetView(b) || b instanceof PySet)) {
    return builtinCompare(asSet(a), asSet(b), op);
  }
  if (a instanceof PySet && b instanceof PySet) {
    switch (op) {
      case A.CMP_LE:
        return newBool(setSubset(a, b));
      case A.CMP_LT:
        return newBool(a.table.used < b.table.used && setSubset(a, b));
      case A.CMP_GE:
        return newBool(setSubset(b, a));
      case A.CMP_GT:
        return newBool(b.table.used < a.table.used && setSubset(b, a));
    }
  }
  return null;
}
/** d.keys() or d.items(): the views that are sets (values are not) */
export function isSetView(o: PyObject): boolean {
  return o instanceof PySeqIter && o.kind === IT_VIEW && (o.cls === dictKeysType || o.cls === dictItemsType);
}
function asSet(o: PyObject): PySet {
  return o instanceof PySet ? o : newSetFrom(o);
}
function newSetFrom(o: PyObject): PySet {
  const s = new PySet(setType, newDict());
  setFill(s.table, o);
  return s;
}
/** Adds the items of iterable it to a set's table. A set's (any set, as PyAnySet_Check) and an
 * exact dict's keys come with the hashes their table stored, so they are not hashed again (as
 * set_update_internal's fast paths); another iterable's items are hashed as they are read. */
export function setFill(table: PyDict, it: PyObject): void {
  if (it instanceof PySet) dictAddHashed(table, hashedKeys(it.table), None);
  else if (it instanceof PyDict && it.cls === dictType) dictAddHashed(table, hashedKeys(it), None);
  else for (const x of iterToArray(it)) dictSet(table, x, None);
}
/** x's own (Python-level) special method `name` called with arg; null when its class has none
 * or it returns NotImplemented. */
function userSpecial(x: PyObject, name: string, arg: PyObject): PyObject | null {
  if (x.cls.isBuiltin) return null;
  const m = lookupType(x.cls, name);
  if (m === null || m instanceof PyBuiltin) return null;
  const r = callSpecial(x, name, [arg]);
  return r !== null && r !== NotImplemented ? r : null;
}

/** Whether x is among a union's arguments: the same object, or an equal generic alias
 * (list[int] twice is one argument), as CPython's dedup_and_flatten_args. */
function unionHas(args: PyObject[], x: PyObject): boolean {
  for (const y of args) {
    if (y === x) return true;
    if (y instanceof PyGenericAlias && x instanceof PyGenericAlias && y.nativeEq(x) === 1) return true;
  }
  return false;
}
/** `a | b` of types (types.UnionType): None stands for NoneType, unions flatten and repeats go;
 * null when an operand is neither a type, a union nor None. */
function unionOf(a: PyObject, b: PyObject): PyObject | null {
  const args: PyObject[] = [];
  for (const x of [a, b]) {
    if (!(x instanceof PyType || x instanceof PyUnion || x instanceof PyGenericAlias || x === None)) return null;
    const items = x instanceof PyUnion ? x.args : [x === None ? noneType : x];
    for (const it of items) if (!unionHas(args, it)) args.push(it);
  }
  return args.length === 1 ? args[0] : new PyUnion(unionType, args);
}

/** Python's operand dispatch for `a op b`: b's reflected method first when b's class is a proper
 * subclass of a's, then a's method, then b's reflected one (for operands of the same class only
 * when reflectSame: comparisons do, arithmetic does not). */
/** `a op b` by the operands' Python-level methods (name, then rname), as binary operators
 * dispatch them; null when neither gives a result (divmod() uses it). */
export function userOperands(a: PyObject, b: PyObject, name: string, rname: string): PyObject | null {
  return dispatchOperands(a, b, name, rname, false);
}
function dispatchOperands(a: PyObject, b: PyObject, name: string, rname: string, reflectSame: boolean): PyObject | null {
  // an arithmetic operator tries the subclass's reflected method first only when the subclass
  // overrides it (CPython's SLOT1BINFULL method_is_overloaded); comparisons always do
  const subFirst = a.cls !== b.cls && isSubtype(b.cls, a.cls) && (reflectSame || lookupType(b.cls, rname) !== lookupType(a.cls, rname));
  if (subFirst) {
    const r = userSpecial(b, rname, a);
    if (r !== null) return r;
  }
  const r = userSpecial(a, name, b);
  if (r !== null) return r;
  if (!subFirst && (reflectSame || a.cls !== b.cls)) return userSpecial(b, rname, a);
  return null;
}

export function richCompare(a: PyObject, b: PyObject, op: int): PyObject {
  const ta = a.cls;
  const tb = b.cls;
  if (ta.isBuiltin && tb.isBuiltin) {
    if ((op === A.CMP_EQ || op === A.CMP_NE) && (a instanceof PyNative || b instanceof PyNative)) {
      const e = a instanceof PyNative ? a.nativeEq(b) : (b as PyNative).nativeEq(a);
      if (e >= 0) return newBool((e === 1) === (op === A.CMP_EQ));
    } else if (a instanceof PyNative) {
      // ordering of a module's type (deque < deque): its own method
      const r = callSpecial(a, CMP_NAMES[op], [b]);
      if (r !== null && r !== NotImplemented) return r;
    }
    const r = builtinCompare(a, b, op);
    if (r !== null) return r;
  } else {
    const u = dispatchOperands(a, b, CMP_NAMES[op], CMP_NAMES[reflectedOp(op)], true);
    if (u !== null) return u;
    if (op === A.CMP_NE) {
      const eq = userSpecial(a, '__eq__', b);
      if (eq !== null) return newBool(!truthy(eq));
    }
    // a module's type against an instance of a Python class or bytearray (memoryview == bytearray)
    if ((op === A.CMP_EQ || op === A.CMP_NE) && (a instanceof PyNative || b instanceof PyNative)) {
      const e = a instanceof PyNative ? a.nativeEq(b) : (b as PyNative).nativeEq(a);
      if (e >= 0) return newBool((e === 1) === (op === A.CMP_EQ));
    }
    const r = builtinCompare(a, b, op);
    if (r !== null) return r;
  }
  if (op === A.CMP_EQ) return newBool(a === b);
  if (op === A.CMP_NE) return newBool(a !== b);
  throw raise(TypeError, `'${CMP_SYMS[op]}' not supported between instances of '${ta.name}' and '${tb.name}'`);
}
export function compareBool(a: PyObject, b: PyObject, op: int): boolean {
  if (a instanceof PyInt && b instanceof PyInt && bigOf(a) === null && bigOf(b) === null && a.cls.isBuiltin && b.cls.isBuiltin) {
    const x = a.v;
    const y = b.v;
    switch (op) {
      case A.CMP_LT:
        return x < y;
      case A.CMP_LE:
        return x <= y;
      case A.CMP_EQ:
        return x === y;
      case A.CMP_NE:
        return x !== y;
      case A.CMP_GT:
        return x > y;
    }
    return x >= y;
  }
  return truthy(richCompare(a, b, op));
}

// ---- arithmetic ----
export const BIN_NAMES = ['__add__', '__sub__', '__mul__', '__truediv__', '__floordiv__', '__mod__', '__pow__', '__matmul__', '__lshift__', '__rshift__', '__and__', '__or__', '__xor__'];
export const BIN_RNAMES = ['__radd__', '__rsub__', '__rmul__', '__rtruediv__', '__rfloordiv__', '__rmod__', '__rpow__', '__rmatmul__', '__rlshift__', '__rrshift__', '__rand__', '__ror__', '__rxor__'];
export const BIN_INAMES = ['__iadd__', '__isub__', '__imul__', '__itruediv__', '__ifloordiv__', '__imod__', '__ipow__', '__imatmul__', '__ilshift__', '__irshift__', '__iand__', '__ior__', '__ixor__'];
const BIN_SYMS = ['+', '-', '*', '/', '//', '%', '**', '@', '<<', '>>', '&', '|', '^'];

function floatOp(x: float, y: float, op: int): PyObject | null {
  switch (op) {
    case A.BIN_ADD:
      return newFloat(x + y);
    case A.BIN_SUB:
      return newFloat(x - y);
    case A.BIN_MUL:
      return newFloat(x * y);
    case A.BIN_TRUEDIV:
      if (y === 0.0) throw raise(ZeroDivisionErrorT, 'float division by zero');
      return newFloat(x / y);
    case A.BIN_FLOORDIV:
      if (y === 0.0) throw raise(ZeroDivisionErrorT, 'float floor division by zero');
      return newFloat(Math.floor(x / y));
    case A.BIN_MOD:
      if (y === 0.0) throw raise(ZeroDivisionErrorT, 'float modulo');
      return newFloat(floatMod(x, y));
    case A.BIN_POW: {
      // CPython's float_pow: C99's special cases first (JS's Math.pow makes 1**nan and
      // (-1)**inf NaN where C gives 1), then the errors
      if (y === 0.0 || x === 1.0) return newFloat(1.0);
      if (Number.isNaN(x) || Number.isNaN(y)) return newFloat(NaN);
      if (y === Infinity || y === -Infinity) {
        const ax = Math.abs(x);
        if (ax === 1.0) return newFloat(1.0);
        return newFloat((ax > 1.0) === (y > 0.0) ? Infinity : 0.0);
      }
      if (x === 0.0 && y < 0.0) throw raise(ZeroDivisionErrorT, '0.0 cannot be raised to a negative power');
      // a negative number to a fractional power is complex (float_pow)
      if (x < 0.0 && x !== -Infinity && y !== Math.floor(y) && y === y) return floatPowComplex(x, y);
      const r = Math.pow(x, y);
      if ((r === Infinity || r === -Infinity) && x !== Infinity && x !== -Infinity) throw raise(OverflowErrorT, "(34, 'Numerical result out of range')");
      return newFloat(r);
    }
  }
  return null;
}
function intOp(a: PyInt, b: PyInt, op: int): PyObject | null {
  switch (op) {
    case A.BIN_ADD:
      return intAdd(a, b);
    case A.BIN_SUB:
      return intSub(a, b);
    case A.BIN_MUL:
      return intMul(a, b);
    case A.BIN_TRUEDIV: {
      if (intIsZero(b)) throw raise(ZeroDivisionErrorT, 'division by zero');
      if (bigOf(a) === null && bigOf(b) === null) return newFloat(toFloat(a.v) / toFloat(b.v));
      return newFloat(intToFloat(a) / intToFloat(b));
    }
    case A.BIN_FLOORDIV:
      return intFloorDiv(a, b);
    case A.BIN_MOD:
      return intMod(a, b);
    case A.BIN_POW:
      if (intSign(b) < 0) {
        if (intIsZero(a)) throw raise(ZeroDivisionErrorT, '0.0 cannot be raised to a negative power');
        return newFloat(Math.pow(intToFloat(a), intToFloat(b)));
      }
      return intPow(a, b);
    case A.BIN_LSHIFT:
      return intLshift(a, b);
    case A.BIN_RSHIFT:
      return intRshift(a, b);
    case A.BIN_AND:
    case A.BIN_OR:
    case A.BIN_XOR: {
      const r = intBitOp(a, b, op === A.BIN_AND ? 0 : op === A.BIN_OR ? 1 : 2);
      if (a.cls === boolType && b.cls === boolType) return newBool(r.v !== 0);
      return r;
    }
  }
  return null;
}
/** The count of a sequence repetition; beyond the machine range it is CPython's OverflowError. */
/** A sequence-repeat count (CPython's PyNumber_AsSsize_t(n, PyExc_OverflowError)): past ssize_t
 * an OverflowError; within ssize_t but past the VM's machine range it clamps (toSsize), so a
 * non-empty sequence then fails with checkRepeat's MemoryError and an empty one stays empty. */
export function repeatCount(b: PyInt): int {
  if (bigOf(b) !== null && intBitLength(intSign(b) < 0 ? intAdd(b, newInt(1)) : b) > 63) {
    throw raise(OverflowErrorT, "cannot fit 'int' into an index-sized integer");
  }
  return bigOf(b) !== null ? toSsize(b) : b.v;
}
function repeatSeq(items: PyObject[], n: int): PyObject[] {
  checkRepeat(items.length, n, MAX_SEQ_ITEMS);
  const out: PyObject[] = [];
  // an empty sequence stays empty for any count (which may be as large as sys.maxsize)
  if (items.length === 0) return out;
  for (let i = 0; i < n; i++) for (const x of items) out.push(x);
  return out;
}
function setOp(a: PySet, b: PySet, op: int): PyObject | null {
  const r = new PySet(a.cls.isBuiltin ? a.cls : setType, newDict());
  switch (op) {
    case A.BIN_OR:
      for (const k of a.table.keys) if (k !== null) dictSet(r.table, k, None);
      for (const k of b.table.keys) if (k !== null) dictSet(r.table, k, None);
      return r;
    case A.BIN_AND:
      for (const k of a.table.keys) if (k !== null && dictHas(b.table, k)) dictSet(r.table, k, None);
      return r;
    case A.BIN_SUB:
      for (const k of a.table.keys) if (k !== null && !dictHas(b.table, k)) dictSet(r.table, k, None);
      return r;
    case A.BIN_XOR:
      for (const k of a.table.keys) if (k !== null && !dictHas(b.table, k)) dictSet(r.table, k, None);
      for (const k of b.table.keys) if (k !== null && !dictHas(a.table, k)) dictSet(r.table, k, None);
      return r;
  }
  return null;
}
export function builtinBinary(a: PyObject, b: PyObject, op: int): PyObject | null {
  if (op === A.BIN_OR && (a instanceof PyType || a instanceof PyUnion || a instanceof PyGenericAlias || b instanceof PyType || b instanceof PyUnion || b instanceof PyGenericAlias)) return unionOf(a, b);
  // a view on either side: a new set of the left operand's items (any iterable's, when the view
  // is on the right) combined with the right's, as CPython's dictviews_sub/and/or/xor
  if ((isSetView(a) || isSetView(b)) && (op === A.BIN_SUB || op === A.BIN_AND || op === A.BIN_OR || op === A.BIN_XOR)) {
    return setOp(newSetFrom(a), newSetFrom(b), op);
  }
  if (a instanceof PyInt && b instanceof PyInt) return intOp(a, b, op);
  if (isNum(a) && isNum(b)) return floatOp(numVal(a), numVal(b), op);
  if (a instanceof PyComplex || b instanceof PyComplex) return complexBinary(a, b, op);
  if (a instanceof PyStr) {
    if (op === A.BIN_ADD && b instanceof PyStr) return newStr(a.s + b.s);
    if (op === A.BIN_MUL && b instanceof PyInt) {
      return newStr(repeatStr(a.s, repeatCount(b)));
    }
    if (op === A.BIN_MOD) return newStr(percentFormat(a.s, b));
    return null;
  }
  if (a instanceof PyList) {
    if (op === A.BIN_ADD && b instanceof PyList) {
      const items = a.items.slice(0);
      for (const x of b.items) items.push(x);
      return newList(items);
    }
    if (op === A.BIN_MUL && b instanceof PyInt) return newList(repeatSeq(a.items, repeatCount(b)));
    return null;
  }
  if (a instanceof PyTuple) {
    if (op === A.BIN_ADD && b instanceof PyTuple) {
      const items = a.items.slice(0);
      for (const x of b.items) items.push(x);
      return newTuple(items);
    }
    if (op === A.BIN_MUL && b instanceof PyInt) {
      const n = repeatCount(b);
      // an exact tuple (immutable) repeated once, or an empty one, is itself, as CPython's tuplerepeat
      if ((n === 1 || a.items.length === 0) && a.cls === tupleType) return a;
      return newTuple(repeatSeq(a.items, n));
    }
    return null;
  }
  if (b instanceof PyInt && op === A.BIN_MUL) {
    if (a instanceof PyBytes) {
      const n = repeatCount(b);
      // an exact bytes (immutable) times 1 is itself, as CPython's bytes_repeat
      if (n === 1 && a.cls === bytesType) return a;
      return new PyBytes(bytesResultType(a), repeatSeqInt(a.b, n));
    }
  }
  if (a instanceof PyInt && op === A.BIN_MUL) {
    if (b instanceof PyStr || b instanceof PyList || b instanceof PyTuple || b instanceof PyBytes) return builtinBinary(b, a, op);
  }
  if (a instanceof PyBytes && op === A.BIN_ADD) {
    const bb = bytesLike(b);
    if (bb !== null) {
      const r = a.b.slice(0);
      for (const x of bb) r.push(x);
      return new PyBytes(bytesResultType(a), r);
    }
  }
  if (a instanceof PyBytes && op === A.BIN_MOD) return bytesPercent(a, b);
  if (a instanceof PySet && b instanceof PySet) return setOp(a, b, op);
  if (a instanceof PyDict && b instanceof PyDict && op === A.BIN_OR) {
    const r = newDict();
    for (let i = 0; i < a.keys.length; i++) {
      const k = a.keys[i];
      const v = a.vals[i];
      if (k !== null && v !== null) dictSet(r, k, v);
    }
    for (let i = 0; i < b.keys.length; i++) {
      const k = b.keys[i];
      const v = b.vals[i];
      if (k !== null && v !== null) dictSet(r, k, v);
    }
    return r;
  }
  return null;
}
/** bytearray itself (not a Python subclass of it), whose instances take no attributes */
function isBytesClass(t: PyType): boolean {
  return t === BYT.bytearray;
}
/** the type of a new bytes computed from a: bytearray for a bytearray, else bytes */
function bytesResultType(a: PyBytes): PyType {
  return isBytearray(a) ? (BYT.bytearray as PyType) : bytesType;
}
function repeatSeqInt(items: int[], n: int): int[] {
  checkRepeat(items.length, n, MAX_SEQ_ITEMS);
  const out: int[] = [];
  // an empty sequence stays empty for any count (which may be as large as sys.maxsize)
  if (items.length === 0) return out;
  for (let i = 0; i < n; i++) for (const x of items) out.push(x);
  return out;
}
/** Whether o is a module's sequence type that repeats with * (array.array, deque). */
function isNativeSequence(o: PyObject): boolean {
  return o instanceof PyNative && lookupType(o.cls, '__len__') !== null && lookupType(o.cls, '__mul__') !== null;
}
/** The builtin method name of x's type (inherited by a Python subclass), or null. */
function nativeMethod(x: PyObject, name: string): boolean {
  return x instanceof PyNative && lookupType(x.cls, name) instanceof PyBuiltin;
}
/** `a op b` by the operator methods of a module's type (deque + deque, array * 2, 2 * array),
 * or null. A module's sequence repeats only by an int: `a * 'x'` and `'x' * a` are the sequence
 * error, not its __mul__'s (which, as CPython's sq_repeat wrapper, reads any index). */
function nativeOperands(a: PyObject, b: PyObject, op: int, inplace: boolean): PyObject | null {
  const repeat = op === A.BIN_MUL;
  if (!(repeat && !(b instanceof PyInt) && isNativeSequence(a))) {
    const ri = inplace && nativeMethod(a, BIN_INAMES[op]) ? callSpecial(a, BIN_INAMES[op], [b]) : null;
    if (ri !== null && ri !== NotImplemented) return ri;
    const rb = nativeMethod(a, BIN_NAMES[op]) ? callSpecial(a, BIN_NAMES[op], [b]) : null;
    if (rb !== null && rb !== NotImplemented) return rb;
  }
  if (nativeMethod(b, BIN_RNAMES[op]) && a.cls !== b.cls && !(repeat && !(a instanceof PyInt) && isNativeSequence(b))) {
    const rr = callSpecial(b, BIN_RNAMES[op], [a]);
    if (rr !== null && rr !== NotImplemented) return rr;
  }
  return null;
}
function binError(a: PyObject, b: PyObject, op: int, inplace: boolean): PyExc {
  // an augmented assignment names its own operator (`+=`, `**=` without "or pow()")
  const sym = inplace ? BIN_SYMS[op] + '=' : BIN_SYMS[op];
  if (op === A.BIN_ADD && a instanceof PyStr) return raise(TypeError, `can only concatenate str (not "${typeName(b)}") to str`);
  if (op === A.BIN_ADD && a instanceof PyList) return raise(TypeError, `can only concatenate list (not "${typeName(b)}") to list`);
  if (op === A.BIN_ADD && a instanceof PyTuple) return raise(TypeError, `can only concatenate tuple (not "${typeName(b)}") to tuple`);
  if (op === A.BIN_ADD && a instanceof PyBytes) return raise(TypeError, `can't concat ${typeName(b)} to ${typeName(a)}`);
  if (op === A.BIN_MUL && (a instanceof PyStr || a instanceof PyList || a instanceof PyTuple || a instanceof PyBytes || isNativeSequence(a))) return raise(TypeError, `can't multiply sequence by non-int of type '${typeName(b)}'`);
  if (op === A.BIN_MUL && (b instanceof PyStr || b instanceof PyList || b instanceof PyTuple || b instanceof PyBytes)) return raise(TypeError, `can't multiply sequence by non-int of type '${typeName(a)}'`);
  if (op === A.BIN_POW && !inplace) return raise(TypeError, `unsupported operand type(s) for ** or pow(): '${typeName(a)}' and '${typeName(b)}'`);
  return raise(TypeError, `unsupported operand type(s) for ${sym}: '${typeName(a)}' and '${typeName(b)}'`);
}
export function binaryOp(a: PyObject, b: PyObject, opIn: int): PyObject {
  const inplace = opIn >= A.BIN_INPLACE;
  const op = inplace ? opIn - A.BIN_INPLACE : opIn;
  if (a instanceof PyInt && b instanceof PyInt && bigOf(a) === null && bigOf(b) === null && (a.cls === intType || a.cls === boolType) && (b.cls === intType || b.cls === boolType)) {
    const x = a.v;
    const y = b.v;
    if (op === A.BIN_ADD) {
      const r = x + y;
      if (r <= 9007199254740991 && r >= -9007199254740991) return newInt(r);
    } else if (op === A.BIN_SUB) {
      const r = x - y;
      if (r <= 9007199254740991 && r >= -9007199254740991) return newInt(r);
    }
  }
  // exact ints and strs (the residual calls of traces, big ints) straight to their operations
  if (a instanceof PyInt && b instanceof PyInt && a.cls === intType && b.cls === intType) {
    const r = intOp(a, b, op);
    if (r !== null) return r;
  }
  if (op === A.BIN_ADD && a instanceof PyStr && b instanceof PyStr && a.cls === strType && b.cls === strType) return newStr(a.s + b.s);
  if (isProxy(a) || isProxy(b)) return binaryOp(unproxy(a), unproxy(b), opIn);
  const ta = a.cls;
  const tb = b.cls;
  // d |= x on an exact dict is d.update(x) for any mapping or iterable of pairs, and its errors
  // stand (CPython's dict_ior: the right operand's __ror__ is never asked)
  if (inplace && op === A.BIN_OR && a instanceof PyDict && ta === dictType) {
    dictInit(a, [b], null);
    return a;
  }
  if (ta.isBuiltin && tb.isBuiltin) {
    if (inplace) {
      if (a instanceof PyList && op === A.BIN_ADD) {
        for (const x of iterToArray(b)) a.items.push(x);
        return a;
      }
      if (a instanceof PyList && op === A.BIN_MUL && b instanceof PyInt) {
        const items = repeatSeq(a.items, repeatCount(b));
        a.items = items;
        return a;
      }
      if (a instanceof PySet && b instanceof PySet && isInstance(a, setType)) {
        const r = setOp(a, b, op);
        if (r !== null) {
          a.table = (r as PySet).table;
          return a;
        }
      }
      if (a instanceof PyDict && op === A.BIN_OR && b instanceof PyDict) {
        for (let i = 0; i < b.keys.length; i++) {
          const k = b.keys[i];
          const v = b.vals[i];
          if (k !== null && v !== null) dictSet(a, k, v);
        }
        return a;
      }
    }
    const r = builtinBinary(a, b, op);
    if (r !== null) return r;
    const rn = nativeOperands(a, b, op, inplace);
    if (rn !== null) return rn;
    throw binError(a, b, op, inplace);
  }
  if (inplace && !ta.isBuiltin) {
    const m = lookupType(ta, BIN_INAMES[op]);
    if (m !== null) {
      const r = callSpecial(a, BIN_INAMES[op], [b]);
      if (r !== null && r !== NotImplemented) return r;
    }
  }
  const r0 = dispatchOperands(a, b, BIN_NAMES[op], BIN_RNAMES[op], false);
  if (r0 !== null) return r0;
  const r = builtinBinary(a, b, op);
  if (r !== null) return r;
  // a Python subclass of a module's type (of array.array) with the methods it inherits
  const rn = nativeOperands(a, b, op, inplace);
  if (rn !== null) return rn;
  throw binError(a, b, op, inplace);
}
export function unaryOp(a: PyObject, kind: int): PyObject {
  if (isProxy(a)) return unaryOp(unproxy(a), kind);
  if (a instanceof PyInt && a.cls.isBuiltin) {
    if (kind === A.U_NEG) return intNeg(a);
    if (kind === A.U_POS) return a.cls === boolType ? newInt(a.v) : a;
    if (kind === A.U_INVERT) return intInvert(a);
  }
  if (a instanceof PyFloat && a.cls.isBuiltin) {
    if (kind === A.U_NEG) return newFloat(-a.v);
    if (kind === A.U_POS) return a;
  }
  if (a instanceof PyComplex && a.cls.isBuiltin) {
    const r = complexUnary(a, kind);
    if (r !== null) return r;
  }
  const name = kind === A.U_NEG ? '__neg__' : kind === A.U_POS ? '__pos__' : '__invert__';
  if (!a.cls.isBuiltin) {
    const r = callSpecial(a, name, []);
    if (r !== null) return r;
    if (a instanceof PyInt) return unaryOp(newInt(a.v), kind);
  }
  const sym = kind === A.U_NEG ? '-' : kind === A.U_POS ? '+' : '~';
  throw raise(TypeError, `bad operand type for unary ${sym}: '${typeName(a)}'`);
}

// ---- indexing ----
function asIndex(o: PyObject, what: string): int {
  if (o instanceof PyInt) {
    if (bigOf(o) !== null) throw raise(IndexError, `cannot fit 'int' into an index-sized integer`);
    return o.v;
  }
  if (!o.cls.isBuiltin) {
    const r = callSpecial(o, '__index__', []);
    if (r !== null && r instanceof PyInt) return r.v;
  }
  // str's message alone differs in 3.11 (unicode_subscript)
  if (what === 'string') throw raise(TypeError, `string indices must be integers, not '${typeName(o)}'`);
  throw raise(TypeError, `${what} indices must be integers or slices, not ${typeName(o)}`);
}
export function toIntIndex(o: PyObject): int {
  if (o instanceof PyInt) {
    if (bigOf(o) !== null) throw raise(OverflowErrorT, `Python int too large to convert to C ssize_t`);
    return o.v;
  }
  if (!o.cls.isBuiltin) {
    const r = callSpecial(o, '__index__', []);
    if (r !== null && r instanceof PyInt) return r.v;
  }
  throw raise(TypeError, `'${typeName(o)}' object cannot be interpreted as an integer`);
}
/** A Py_ssize_t argument (a count, a width, a maxsplit): an int in CPython's ssize_t range but
 * past the VM's exact machine range (sys.maxsize, beyond 2**53) is clamped to that range, where
 * it means the same for any string or list the VM can hold; past ssize_t it is CPython's
 * OverflowError. */
export function toSsize(o: PyObject): int {
  if (o instanceof PyInt && bigOf(o) !== null) {
    // ssize_t holds -2**63 ... 2**63 - 1: the bit length of the value, or of value + 1 when negative
    if (intBitLength(intSign(o) < 0 ? intAdd(o, newInt(1)) : o) > 63) {
      throw raise(OverflowErrorT, `Python int too large to convert to C ssize_t`);
    }
    return intSign(o) < 0 ? -MAX_INT : MAX_INT;
  }
  return toIntIndex(o);
}
/** A slice bound, start or end argument (str.find's): None is null. */
export function sliceIndexArg(o: PyObject): int {
  return sliceBound(o);
}
/** A bound that may not be None (list.index, tuple.index: CPython's _PyEval_SliceIndexNotNone):
 * clamped past the machine range like a slice bound, with that function's message. */
export function sliceIndexNotNone(o: PyObject): int {
  if (!(o instanceof PyInt) && (o.cls.isBuiltin || lookupType(o.cls, '__index__') === null)) {
    throw raise(TypeError, 'slice indices must be integers or have an __index__ method');
  }
  return sliceBound(o);
}
/** A slice bound or step as CPython's _PyEval_SliceIndex reads it: an int past the machine range
 * is clamped to it (a[9::1 << 333] is a[9::maxsize]), not an OverflowError. */
function sliceBound(o: PyObject): int {
  let v: PyObject | null = o;
  if (!(v instanceof PyInt)) v = o.cls.isBuiltin ? null : callSpecial(o, '__index__', []);
  if (v === null || !(v instanceof PyInt)) throw raise(TypeError, 'slice indices must be integers or None or have an __index__ method');
  if (bigOf(v) !== null) return intSign(v) < 0 ? -MAX_INT : MAX_INT;
  return v.v;
}
/** Resolves a slice against a length: [start, stop, step, count]. */
export function sliceIndices(s: PySlice, len: int): int[] {
  // read in CPython's order (step, start, stop: an __index__ may see the others' effects)
  let step = 1;
  if (s.step !== None) {
    step = sliceBound(s.step);
    if (step === 0) throw raise(ValueError, 'slice step cannot be zero');
  }
  const start = s.start === None ? 0 : sliceBound(s.start);
  const stop = s.stop === None ? 0 : sliceBound(s.stop);
  clampSlice(start, s.start !== None, stop, s.stop !== None, step, len);
  const out: int[] = [SLICE.start, SLICE.stop, step, SLICE.count];
  return out;
}
function sliceItems(items: PyObject[], s: PySlice): PyObject[] {
  const ix = sliceIndices(s, items.length);
  return sliceArray(items, ix[0], ix[2], ix[3]);
}
function normIndex(i: int, len: int, what: string): int {
  const j = i < 0 ? i + len : i;
  if (j < 0 || j >= len) throw raise(IndexError, what === '' ? 'index out of range' : `${what} index out of range`);
  return j;
}
/** dict_subscript: d[k] by the dict itself, a subclass's __missing__ asked for an absent key (what
 * `dict.__getitem__(d, k)` does, never d's own __getitem__). */
export function dictSubscript(o: PyDict, k: PyObject): PyObject {
  const v = dictGet(o, k);
  if (v !== null) return v;
  if (!o.cls.isBuiltin) {
    const miss = callSpecial(o, '__missing__', [k]);
    if (miss !== null) return miss;
  }
  throw new PyExc(keyError(k));
}
export function getItem(o: PyObject, k: PyObject): PyObject {
  if (isProxy(o)) return getItem(unproxy(o), k);
  if (o instanceof PyList && o.cls === listType && k instanceof PyInt) {
    const i = k.v;
    const n = o.items.length;
    if (i >= 0 && i < n && bigOf(k) === null) return o.items[i];
    return o.items[normIndex(asIndex(k, 'list'), n, 'list')];
  }
  if (o instanceof PyDict && o.cls === dictType) {
    const v = dictGet(o, k);
    if (v === null) throw new PyExc(keyError(k));
    return v;
  }
  const t = o.cls;
  if (!t.isBuiltin) {
    const m = lookupType(t, '__getitem__');
    if (m !== null && !(m instanceof PyBuiltin)) {
      const r = callSpecial(o, '__getitem__', [k]);
      if (r !== null) return r;
    }
    if (o instanceof PyDict) return dictSubscript(o, k);
  }
  if (o instanceof PyList) {
    if (k instanceof PySlice) return newList(sliceItems(o.items, k));
    return o.items[normIndex(asIndex(k, 'list'), o.items.length, 'list')];
  }
  if (o instanceof PyTuple) {
    if (k instanceof PySlice) return newTuple(sliceItems(o.items, k));
    return o.items[normIndex(asIndex(k, 'tuple'), o.items.length, 'tuple')];
  }
  if (o instanceof PyStr) {
    if (cpLen(o) === o.s.length) {
      if (k instanceof PySlice) {
        const ix = sliceIndices(k, o.s.length);
        if (ix[2] === 1) return newStr(o.s.slice(ix[0], ix[0] + ix[3]));
        const parts: string[] = [];
        let i = ix[0];
        for (let n = 0; n < ix[3]; n++) {
          parts.push(o.s[i]);
          i += ix[2];
        }
        return newStr(parts.join(''));
      }
      return charStr(o.s.charCodeAt(normIndex(asIndex(k, 'string'), o.s.length, 'string')));
    }
    const cps = cpArray(o.s);
    if (k instanceof PySlice) {
      const ix = sliceIndices(k, cps.length);
      const parts: string[] = [];
      let i = ix[0];
      for (let n = 0; n < ix[3]; n++) {
        parts.push(cps[i]);
        i += ix[2];
      }
      return newStr(parts.join(''));
    }
    return newStr(cps[normIndex(asIndex(k, 'string'), cps.length, 'string')]);
  }
  if (o instanceof PyDict) {
    const v = dictGet(o, k);
    if (v === null) throw new PyExc(keyError(k));
    return v;
  }
  if (o instanceof PyRange) {
    const n = rangeLen(o);
    if (k instanceof PySlice) {
      const ix = sliceIndices(k, n);
      const st = o.start + ix[0] * o.step;
      const step = o.step * ix[2];
      return new PyRange(rangeType, st, st + ix[3] * step, step);
    }
    const i = normIndex(asIndex(k, 'range object'), n, 'range object');
    return newInt(o.start + i * o.step);
  }
  if (o instanceof PyBytes) {
    if (k instanceof PySlice) {
      const ix = sliceIndices(k, o.b.length);
      const out: int[] = [];
      let i = ix[0];
      for (let n = 0; n < ix[3]; n++) {
        out.push(o.b[i]);
        i += ix[2];
      }
      return new PyBytes(bytesResultType(o), out);
    }
    const ba = isBytearray(o);
    return newInt(o.b[normIndex(asIndex(k, ba ? 'bytearray' : 'byte'), o.b.length, ba ? 'bytearray' : '')]);
  }
  if (o instanceof PyType) {
    const cg = lookupType(o, '__class_getitem__');
    if (cg !== null) return callObj(bindDescr(cg, o, o), [k], null);
    return o;
  }
  if (o instanceof PyNative) {
    const r = o.nativeGetItem(k);
    if (r !== null) return r;
  }
  if (o instanceof PyUnion) return unionGetItem(o, k);
  throw raise(TypeError, `'${typeName(o)}' object is not subscriptable`);
}
/** (int | list[T])[str]: the union of the arguments with its type variables replaced, folded
 * with | as CPython's union_getitem (so repeats go and a single type stands alone). */
function unionGetItem(u: PyUnion, k: PyObject): PyObject {
  const args = substituteParams(u.args, parametersOf(u.args), k, repr(u));
  let res = args[0];
  for (let i = 1; i < args.length; i++) res = binaryOp(res, args[i], A.BIN_OR);
  return res;
}
export function keyError(k: PyObject): PyBaseExc {
  const e = new PyBaseExc(KeyError);
  e.args.push(k);
  return e;
}
export function setItem(o: PyObject, k: PyObject, v: PyObject): void {
  if (isProxy(o)) {
    setItem(unproxy(o), k, v);
    return;
  }
  if (o instanceof PyList && o.cls === listType && k instanceof PyInt) {
    o.items[normIndex(asIndex(k, 'list'), o.items.length, 'list assignment')] = v;
    return;
  }
  if (o instanceof PyDict && o.cls === dictType) {
    dictSet(o, k, v);
    return;
  }
  if (!o.cls.isBuiltin) {
    const m = lookupType(o.cls, '__setitem__');
    if (isOwnSpecial(o.cls, '__setitem__', m)) {
      callSpecial(o, '__setitem__', [k, v]);
      return;
    }
  }
  if (o instanceof PyList) {
    if (k instanceof PySlice) {
      const ix = sliceIndices(k, o.items.length);
      let src: PyObject[];
      if (v instanceof PyList && v.cls === listType && v !== o) src = v.items;
      else if (v instanceof PyTuple && v.cls === tupleType) src = v.items;
      else {
        // PySequence_Fast's message for what is not iterable
        const it = getIterOrNull(v);
        if (it === null) throw raise(TypeError, ix[2] === 1 ? 'can only assign an iterable' : 'must assign iterable to extended slice');
        src = [];
        for (let x = iterNext(it); x !== null; x = iterNext(it)) src.push(x);
      }
      if (ix[2] === 1 && src.length === ix[3]) {
        const start = ix[0];
        for (let n = 0; n < src.length; n++) o.items[start + n] = src[n];
        return;
      }
      if (ix[2] === 1) {
        const stop = ix[0] + ix[3];
        const items: PyObject[] = o.items.slice(0, ix[0]);
        for (const x of src) items.push(x);
        for (let i = stop; i < o.items.length; i++) items.push(o.items[i]);
        o.items = items;
        return;
      }
      if (src.length !== ix[3]) throw raise(ValueError, `attempt to assign sequence of size ${src.length} to extended slice of size ${ix[3]}`);
      let i = ix[0];
      for (let n = 0; n < ix[3]; n++) {
        o.items[i] = src[n];
        i += ix[2];
      }
      return;
    }
    o.items[normIndex(asIndex(k, 'list'), o.items.length, 'list assignment')] = v;
    return;
  }
  if (o instanceof PyDict) {
    dictSet(o, k, v);
    return;
  }
  if (o instanceof PyNative && callSpecial(o, '__setitem__', [k, v]) !== null) return;
  throw raise(TypeError, `'${typeName(o)}' object does not support item assignment`);
}
export function delItem(o: PyObject, k: PyObject): void {
  if (isProxy(o)) {
    delItem(unproxy(o), k);
    return;
  }
  if (!o.cls.isBuiltin) {
    const m = lookupType(o.cls, '__delitem__');
    if (isOwnSpecial(o.cls, '__delitem__', m)) {
      callSpecial(o, '__delitem__', [k]);
      return;
    }
  }
  if (o instanceof PyList) {
    if (k instanceof PySlice) {
      const ix = sliceIndices(k, o.items.length);
      const drop: boolean[] = [];
      for (let i = 0; i < o.items.length; i++) drop.push(false);
      let i = ix[0];
      for (let n = 0; n < ix[3]; n++) {
        drop[i] = true;
        i += ix[2];
      }
      const items: PyObject[] = [];
      for (let j = 0; j < o.items.length; j++) if (!drop[j]) items.push(o.items[j]);
      o.items = items;
      return;
    }
    const i = normIndex(asIndex(k, 'list'), o.items.length, 'list assignment');
    o.items.splice(i, 1);
    return;
  }
  if (o instanceof PyDict) {
    if (!dictDel(o, k)) throw new PyExc(keyError(k));
    return;
  }
  if (o instanceof PyNative && callSpecial(o, '__delitem__', [k]) !== null) return;
  throw raise(TypeError, `'${typeName(o)}' object does not support item deletion`);
}
/** The key a set looks x up by: a set that cannot be hashed is looked up as the frozenset of its
 * elements, as CPython's set_contains, set_remove and set_discard retry with one; a set subclass
 * with a __hash__ of its own is hashed as it says. */
export function setKey(x: PyObject): PyObject {
  if (x instanceof PySet && isInstance(x, setType) && lookupType(x.cls, '__hash__') === None) {
    // with the hashes x's table stored (setFill), not hashed again
    const f = new PySet(frozensetType, newDict());
    setFill(f.table, x);
    return f;
  }
  return x;
}
/** x in s, for s a set or frozenset (of a builtin type or a subclass: their tables are
 * alike). A plain int is looked up by value; a set is looked up as a frozenset (setKey). */
/** x in s (dictHas tries a plain int's probe first itself). */
export function setHas(s: PySet, x: PyObject): boolean {
  return dictHas(s.table, x instanceof PySet ? setKey(x) : x);
}
export function contains(c: PyObject, x: PyObject): boolean {
  if (isProxy(c)) return contains(unproxy(c), x);
  if (c instanceof PyDict && c.cls.isBuiltin) return dictHas(c, x);
  if (c instanceof PySet && c.cls.isBuiltin) return setHas(c, x);
  if (c instanceof PyStr && c.cls.isBuiltin) {
    if (!(x instanceof PyStr)) throw raise(TypeError, `'in <string>' requires string as left operand, not ${typeName(x)}`);
    return c.s.includes(x.s);
  }
  if ((c instanceof PyList || c instanceof PyTuple) && c.cls.isBuiltin) {
    const items = c instanceof PyList ? c.items : (c as PyTuple).items;
    for (let i = 0; i < items.length; i++) {
      const y = items[i];
      if (y === x || pyEq(y, x)) return true;
    }
    return false;
  }
  if (!c.cls.isBuiltin) {
    const m = lookupType(c.cls, '__contains__');
    // a special method set to None says the operation is not supported
    if (m === None) throw raise(TypeError, `'${c.cls.name}' object is not a container`);
    if (m !== null && !(m instanceof PyBuiltin)) return truthy(callSpecial(c, '__contains__', [x]) as PyObject);
  }
  // the arithmetic test is for ints and bools only: an int subclass may define its own __eq__,
  // so it is compared item by item below (CPython's range_contains)
  if (c instanceof PyRange && x instanceof PyInt && (x.cls === intType || x.cls === boolType)) {
    if (bigOf(x) !== null) return false;
    const v = x.v;
    if (c.step > 0 ? v < c.start || v >= c.stop : v > c.start || v <= c.stop) return false;
    return (v - c.start) % c.step === 0;
  }
  if (c instanceof PyLongRange && x instanceof PyInt && (x.cls === intType || x.cls === boolType)) return c.has(x);
  if (c instanceof PyDict) return dictHas(c, x);
  if (c instanceof PySet) return dictHas(c.table, setKey(x));
  if (c instanceof PyBytes) {
    if (x instanceof PyInt) {
      if (bigOf(x) !== null || x.v < 0 || x.v > 255) throw raise(ValueError, 'byte must be in range(0, 256)');
      return c.b.includes(x.v);
    }
    const xb = bytesLike(x);
    if (xb !== null) return latin1String(c.b).includes(latin1String(xb));
    if (!(x instanceof PyInt)) throw raise(TypeError, `a bytes-like object is required, not '${typeName(x)}'`);
  }
  if (c instanceof PySeqIter && c.cls === dictKeysType) return dictHas(c.seq as PyDict, x);
  // (key, value) in d.items(): the key looked up, then its value compared (no iteration, so a
  // comparison that changes the dict cannot break it)
  if (c instanceof PySeqIter && c.kind === IT_VIEW && c.cls === dictItemsType) {
    if (!(x instanceof PyTuple) || x.items.length !== 2) return false;
    const v = dictGet(c.seq as PyDict, x.items[0]);
    return v !== null && (v === x.items[1] || pyEq(v, x.items[1]));
  }
  if (c instanceof PyNative) {
    const r = c.nativeContains(x);
    if (r >= 0) return r === 1;
  }
  const it = getIterOrNull(c);
  if (it === null) throw raise(TypeError, `argument of type '${typeName(c)}' is not iterable`);
  for (;;) {
    const y = iterNext(it);
    if (y === null) return false;
    if (y === x || pyEq(y, x)) return true;
  }
}

// ---- iteration ----
export const IT_LIST = 0;
export const IT_TUPLE = 1;
export const IT_STR = 2;
export const IT_RANGE = 3;
export const IT_DICT_KEYS = 4;
export const IT_DICT_VALUES = 5;
export const IT_DICT_ITEMS = 6;
export const IT_BYTES = 7;
export const IT_ENUMERATE = 8;
/** the largest count an enumerate keeps as a machine int (2**53 - 1, the VM's exact ints) */
const ENUMERATE_MACHINE_MAX: int = 9007199254740991;
export const IT_ZIP = 9;
export const IT_MAP = 10;
export const IT_FILTER = 11;
export const IT_REVERSED = 12;
export const IT_SEQ = 13;
export const IT_CALLABLE = 14;
export const IT_ARRAY = 15;
export const IT_VIEW = 16; // dict view object (iterable, not iterator)
/** The index of a sequence iterator that has run out (CPython clears its it_seq then): it stays
 * exhausted if the sequence grows, and its __reduce__ gives an empty sequence. */
export const IT_EXHAUSTED = 0x7fffffff;

export function seqIter(kind: int, seq: PyObject): PySeqIter {
  return new PySeqIter(iterType, kind, seq);
}
export function arrayIter(items: PyObject[]): PySeqIter {
  const it = new PySeqIter(iterType, IT_ARRAY, None);
  it.arr = items;
  return it;
}
export function getIterOrNull(o: PyObject): PyObject | null {
  const t = o.cls;
  if (!t.isBuiltin) {
    const m = lookupType(t, '__iter__');
    // __iter__ = None: not iterable, even with a __getitem__
    if (m === None) return null;
    if (m !== null && !(m instanceof PyBuiltin)) {
      const r = callSpecial(o, '__iter__', []) as PyObject;
      if (!(r instanceof PySeqIter || r instanceof PyGenerator || isProxy(r)) && lookupType(r.cls, '__next__') === null) {
        throw raise(TypeError, `iter() returned non-iterator of type '${typeName(r)}'`);
      }
      return r;
    }
  }
  if (o instanceof PyList) return seqIter(IT_LIST, o);
  if (o instanceof PyTuple) return seqIter(IT_TUPLE, o);
  if (o instanceof PyStr) {
    const it = seqIter(IT_STR, o);
    if (cpLen(o) !== o.s.length) {
      const parts: PyObject[] = [];
      for (const c of cpArray(o.s)) parts.push(newStr(c));
      it.arr = parts;
      it.kind = IT_ARRAY;
    }
    return it;
  }
  if (o instanceof PyRange) {
    const it = seqIter(IT_RANGE, o);
    it.i = o.start;
    it.n = rangeLen(o);
    it.step = o.step;
    // the length it started with, from which __reduce__ finds the range and the index again
    it.left = it.n;
    return it;
  }
  if (o instanceof PyDict) return seqIter(IT_DICT_KEYS, o);
  if (o instanceof PySet) return seqIter(IT_DICT_KEYS, o.table);
  if (o instanceof PyBytes) return seqIter(IT_BYTES, o);
  if (o instanceof PyGenerator) return o.cls === generatorType ? o : null;
  if (o instanceof PyCoroWrapper || o instanceof PyAsyncGenOp) return o;
  if (o instanceof PySeqIter) {
    if (o.kind === IT_VIEW) {
      const k = o.cls === dictKeysType ? IT_DICT_KEYS : o.cls === dictValuesType ? IT_DICT_VALUES : IT_DICT_ITEMS;
      return seqIter(k, o.seq);
    }
    return o;
  }
  if (o instanceof PyLongRange) return o.iter();
  if (isProxy(o)) return getIterOrNull(unproxy(o));
  if (o instanceof PyNative) {
    if (o.isIterator()) return o;
    const m = lookupType(t, '__iter__');
    if (m !== null) return callSpecial(o, '__iter__', []);
  }
  if (!t.isBuiltin) {
    if (lookupType(t, '__next__') !== null && lookupType(t, '__iter__') !== null) return o;
    // a class whose builtin __iter__ makes a separate iterator (_asyncio.Future's)
    if (lookupType(t, '__iter__') !== null) return callSpecial(o, '__iter__', []);
    if (lookupType(t, '__getitem__') !== null) return seqIter(IT_SEQ, o);
  }
  return null;
}
export function getIter(o: PyObject): PyObject {
  const it = getIterOrNull(o);
  if (it === null) throw raise(TypeError, `'${typeName(o)}' object is not iterable`);
  return it;
}
/** Whether o is an iterator (CPython's PyIter_Check: its type has __next__). */
function isIterator(o: PyObject): boolean {
  if (o instanceof PySeqIter || o instanceof PyGenerator || o instanceof PyCoroWrapper) return true;
  if (o instanceof PyNative) return o.isIterator();
  return isProxy(o) || lookupType(o.cls, '__next__') !== null;
}
/** Next item, or null when exhausted. */
export function iterNext(it: PyObject): PyObject | null {
  if (it instanceof PySeqIter) return seqIterNext(it);
  if (it instanceof PyGenerator) return genSend(it, None);
  if (it instanceof PyCoroWrapper) return genSend(it.coro, None);
  if (it instanceof PyNative && it.isIterator()) return it.nativeNext();
  if (isProxy(it)) {
    const target = unproxy(it);
    if (!isIterator(target)) throw raise(TypeError, `Weakref proxy referenced a non-iterator '${typeName(target)}' object`);
    return iterNext(target);
  }
  const t = it.cls;
  const m = lookupType(t, '__next__');
  if (m === null) throw raise(TypeError, `'${t.name}' object is not an iterator`);
  try {
    return callSpecial(it, '__next__', []);
  } catch (e) {
    if (e instanceof PyExc && isInstance(e.exc, StopIteration)) return null;
    throw e;
  }
}
/** What an exhausted list, tuple, str or bytes iterator holds instead of its sequence: it lets go
 * of it (CPython's it_seq = NULL), so the sequence can be collected (and finalized) while the
 * iterator lives; an empty one of the same kind keeps every reader's cast valid. */
class SpentSeqs {
  list: PyList = newList([]);
  tuple: PyTuple = newTuple([]);
  str: PyStr = newStr('');
  bytes: PyBytes = new PyBytes(bytesType, []);
}
const SPENT = new SpentSeqs();
function seqIterNext(it: PySeqIter): PyObject | null {
  switch (it.kind) {
    case IT_LIST: {
      const items = (it.seq as PyList).items;
      if (it.i < items.length) return items[it.i++];
      it.i = IT_EXHAUSTED;
      it.seq = SPENT.list;
      return null;
    }
    case IT_TUPLE: {
      const items = (it.seq as PyTuple).items;
      if (it.i < items.length) return items[it.i++];
      it.i = IT_EXHAUSTED;
      it.seq = SPENT.tuple;
      return null;
    }
    case IT_STR: {
      const s = (it.seq as PyStr).s;
      if (it.i < s.length) return charStr(s.charCodeAt(it.i++));
      it.i = IT_EXHAUSTED;
      it.seq = SPENT.str;
      return null;
    }
    case IT_ARRAY: {
      const arr = it.arr as PyObject[];
      if (it.i < arr.length) return arr[it.i++];
      it.i = IT_EXHAUSTED;
      return null;
    }
    case IT_RANGE: {
      if (it.n <= 0) return null;
      it.n--;
      const v = it.i;
      it.i += it.step;
      return newInt(v);
    }
    case IT_DICT_KEYS:
    case IT_DICT_VALUES:
    case IT_DICT_ITEMS: {
      const d = it.seq as PyDict;
      if (it.n === 0 && it.i === 0) {
        it.n = d.used;
        it.left = d.used;
      } else if (d.used !== it.n) {
        it.n = -1;
        throw raise(RuntimeError, 'dictionary changed size during iteration');
      }
      while (it.i < d.keys.length) {
        const k = d.keys[it.i];
        const v = d.vals[it.i];
        it.i++;
        if (k !== null && v !== null) {
          if (it.left === 0) {
            it.n = -1;
            throw raise(RuntimeError, 'dictionary keys changed during iteration');
          }
          it.left--;
          if (it.kind === IT_DICT_KEYS) return k;
          if (it.kind === IT_DICT_VALUES) return v;
          return newTuple([k, v]);
        }
      }
      return null;
    }
    case IT_BYTES: {
      const b = (it.seq as PyBytes).b;
      if (it.i < b.length) return newInt(b[it.i++]);
      it.i = IT_EXHAUSTED;
      it.seq = SPENT.bytes;
      return null;
    }
    case IT_ENUMERATE: {
      const x = iterNext(it.seq);
      if (x === null) return null;
      // the count is the machine int it.i until it would leave the exact range; from there on
      // (or from a start already beyond it) it is the int object in it.fn, as CPython's
      // en_longindex takes over from en_index
      const long = it.fn;
      if (long !== null && long instanceof PyInt) {
        it.fn = intAdd(long, newInt(1));
        return newTuple([long, x]);
      }
      const r = newTuple([newInt(it.i), x]);
      if (it.i >= ENUMERATE_MACHINE_MAX) it.fn = intAdd(newInt(it.i), newInt(1));
      else it.i++;
      return r;
    }
    case IT_ZIP: {
      if (it.its.length === 0 || it.done) return null;
      const items: PyObject[] = [];
      for (let j = 0; j < it.its.length; j++) {
        const x = iterNext(it.its[j]);
        if (x === null) {
          it.done = true;
          if (it.step === 1) {
            if (j > 0) throw raise(ValueError, `zip() argument ${j + 1} is shorter than argument${j > 1 ? 's 1-' + String(j) : ' 1'}`);
            for (let k = 1; k < it.its.length; k++) {
              if (iterNext(it.its[k]) !== null) throw raise(ValueError, `zip() argument ${k + 1} is longer than argument${k > 1 ? 's 1-' + String(k) : ' 1'}`);
            }
          }
          return null;
        }
        items.push(x);
      }
      return newTuple(items);
    }
    case IT_MAP: {
      const args: PyObject[] = [];
      for (const sub of it.its) {
        const x = iterNext(sub);
        if (x === null) return null;
        args.push(x);
      }
      return callObj(it.fn as PyObject, args, null);
    }
    case IT_FILTER: {
      for (;;) {
        const x = iterNext(it.seq);
        if (x === null) return null;
        const keep = it.fn === null || it.fn === None ? truthy(x) : truthy(callObj(it.fn, [x], null));
        if (keep) return x;
      }
    }
    case IT_REVERSED: {
      if (it.i < 0) {
        // CPython drops the sequence: __reduce__ tells an exhausted iterator from reversed(())
        it.done = true;
        return null;
      }
      const s = it.seq;
      if (s instanceof PyList) {
        if (it.i >= s.items.length) {
          it.i = -1;
          return null;
        }
        return s.items[it.i--];
      }
      const r = getItem(s, newInt(it.i));
      it.i--;
      return r;
    }
    case IT_SEQ: {
      // once exhausted it never asks the sequence again (CPython clears it_seq)
      if (it.done) return null;
      try {
        const r = getItem(it.seq, newInt(it.i));
        it.i++;
        return r;
      } catch (e) {
        if (e instanceof PyExc && (isInstance(e.exc, IndexError) || isInstance(e.exc, StopIteration))) {
          it.done = true;
          return null;
        }
        throw e;
      }
    }
    case IT_CALLABLE: {
      if (it.done) return null;
      const r = callObj(it.fn as PyObject, [], null);
      if (pyEq(r, it.fn2 as PyObject)) {
        it.done = true;
        return null;
      }
      return r;
    }
  }
  throw raise(TypeError, `'${typeName(it)}' object is not an iterator`);
}
export function iterToArray(o: PyObject): PyObject[] {
  if (o instanceof PyList && o.cls === listType) return o.items.slice(0);
  if (o instanceof PyTuple && o.cls === tupleType) return o.items.slice(0);
  const it = getIter(o);
  const out: PyObject[] = [];
  // a generator's items go straight into out (drain.ts); a list sink declines nothing
  const s = new ListSink(out);
  for (;;) {
    const x = nextDeclined(it, s);
    if (x === null) return out;
    out.push(x);
  }
}
