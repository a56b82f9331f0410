// BaseExceptionGroup and ExceptionGroup (PEP 654), as CPython 3.11's
// Objects/exceptions.c: construction checks, message/exceptions, derive, split and subgroup
// (recursive, copying __cause__, __context__, __traceback__ and __notes__ onto the parts).
import type { int } from '../../translate/rlib/index.ts';
import {
  PyObject, PyType, PyBaseExc, PyTuple, PyList, PyStr, PyProperty, PyClassMethod, None, EXC, BaseException, Exception, objectType, typeType, propertyType,
  classmethodType, newTuple, newList, newStr, raise, TypeError, ValueError, L_EXC,
} from '../objects/core.ts';
import { isInstance, isSubtype, iterToArray, callObj, typeName, truthy, getAttrOrNull, setAttr, getAttr } from '../interpreter/runtime.ts';
import { B, FAM_EXCGROUP } from './ids.ts';
import { npos, checkArgs, defMethod, mkBuiltin, unhandledBuiltin } from './args.ts';
import { PyGenericAlias, genericAliasType } from './genericalias.ts';
import { isCallable } from './dispatch.ts';

function excType(name: string, bases: PyType[]): PyType {
  const t = new PyType(typeType, name);
  for (const b of bases) t.bases.push(b);
  t.layout = L_EXC;
  t.isBuiltin = true;
  EXC.byName.set(name, t);
  return t;
}
export const BaseExceptionGroup = excType('BaseExceptionGroup', [BaseException]);
BaseExceptionGroup.mro = [BaseExceptionGroup, BaseException, objectType];
export const ExceptionGroup = excType('ExceptionGroup', [BaseExceptionGroup, Exception]);
ExceptionGroup.mro = [ExceptionGroup, BaseExceptionGroup, Exception, BaseException, objectType];

/** An exception group: args stay (message, the sequence as given), as CPython's repr shows. */
export class PyExcGroup extends PyBaseExc {
  msg: PyObject = None;
  excs: PyObject[] = [];
}

export function excGroupStr(e: PyExcGroup): string {
  const n = e.excs.length;
  return `${(e.msg as PyStr).s} (${n} sub-exception${n > 1 ? 's' : ''})`;
}

function create(t: PyType, msg: PyObject, seq: PyObject): PyExcGroup {
  if (!(msg instanceof PyStr)) throw raise(TypeError, `BaseExceptionGroup.__new__() argument 1 must be str, not ${typeName(msg)}`);
  if (!(seq instanceof PyTuple || seq instanceof PyList || getAttrOrNull(seq, '__getitem__') !== null && getAttrOrNull(seq, '__len__') !== null) || seq instanceof PyStr) {
    throw raise(TypeError, 'second argument (exceptions) must be a sequence');
  }
  const excs = iterToArray(seq);
  if (excs.length === 0) throw raise(ValueError, 'second argument (exceptions) must be a non-empty sequence');
  let allExc = true;
  for (let i = 0; i < excs.length; i++) {
    if (!(excs[i] instanceof PyBaseExc)) throw raise(ValueError, `Item ${i} of second argument (exceptions) is not an exception`);
    if (!isInstance(excs[i], Exception)) allExc = false;
  }
  let cls = t;
  if (cls === BaseExceptionGroup) {
    // a group of Exceptions only is an ExceptionGroup (so that `except Exception` catches it)
    if (allExc) cls = ExceptionGroup;
  } else if (cls === ExceptionGroup) {
    if (!allExc) throw raise(TypeError, 'Cannot nest BaseExceptions in an ExceptionGroup');
  } else if (!allExc && isSubtype(cls, Exception)) {
    throw raise(TypeError, `Cannot nest BaseExceptions in '${cls.name}'`);
  }
  const g = new PyExcGroup(cls);
  g.args = [msg, seq];
  g.msg = msg;
  g.excs = excs;
  return g;
}

/** What split/subgroup test each exception against: a type, a tuple of types, or a predicate. */
class Matcher {
  types: PyType[] = [];
  pred: PyObject | null = null;
}
function matcher(cond: PyObject): Matcher {
  const m = new Matcher();
  if (cond instanceof PyType && isSubtype(cond, BaseException)) m.types.push(cond);
  else if (cond instanceof PyTuple) {
    for (const x of cond.items) {
      if (!(x instanceof PyType && isSubtype(x, BaseException))) throw raise(TypeError, 'expected a function, exception type or tuple of exception types');
      m.types.push(x);
    }
  } else if (!(cond instanceof PyType) && isCallable(cond)) m.pred = cond;
  else throw raise(TypeError, 'expected a function, exception type or tuple of exception types');
  return m;
}
function matches(m: Matcher, e: PyObject): boolean {
  const p = m.pred;
  if (p !== null) return truthy(callObj(p, [e], null));
  for (const t of m.types) if (isInstance(e, t)) return true;
  return false;
}
/** eg.derive(parts) with eg's cause, context, traceback and notes. */
function deriveAndCopy(eg: PyExcGroup, parts: PyObject[]): PyObject {
  const d = callObj(getAttr(eg, 'derive'), [newList(parts)], null);
  if (!(d instanceof PyExcGroup)) throw raise(TypeError, 'derive must return an instance of BaseExceptionGroup');
  d.cause = eg.cause;
  d.context = eg.context;
  d.suppressContext = eg.suppressContext;
  d.tb = eg.tb.slice(0);
  const notes = getAttrOrNull(eg, '__notes__');
  if (notes !== null) setAttr(d, '__notes__', notes);
  return d;
}
/** [match, rest] of e (null: none), as CPython's exceptiongroup_split_recursive. */
function splitRec(e: PyObject, m: Matcher, wantRest: boolean): (PyObject | null)[] {
  if (matches(m, e)) return [e, null];
  if (!(e instanceof PyExcGroup)) return [null, wantRest ? e : null];
  const ms: PyObject[] = [];
  const rs: PyObject[] = [];
  for (const x of e.excs) {
    const r = splitRec(x, m, wantRest);
    const a = r[0];
    const b = r[1];
    if (a !== null) ms.push(a);
    if (b !== null) rs.push(b);
  }
  const out: (PyObject | null)[] = [ms.length > 0 ? deriveAndCopy(e, ms) : null, wantRest && rs.length > 0 ? deriveAndCopy(e, rs) : null];
  return out;
}

function selfOf(args: PyObject[]): PyExcGroup {
  const o = args.length > 0 ? args[0] : None;
  if (!(o instanceof PyExcGroup)) throw raise(TypeError, `descriptor requires a 'BaseExceptionGroup' object but received a '${typeName(o)}'`);
  return o;
}

export function callExcGroup(id: int, args: PyObject[], kw: string[] | null): PyObject {
  switch (id) {
    case B.EG_NEW: {
      const t = args[0] as PyType;
      if (kw !== null && kw.length > 0) throw raise(TypeError, `${t.name}() takes no keyword arguments`);
      const n = npos(args, kw) - 1;
      if (n !== 2) throw raise(TypeError, `BaseExceptionGroup.__new__() takes exactly 2 arguments (${n} given)`);
      return create(t, args[1], args[2]);
    }
    case B.EG_MESSAGE:
      return selfOf(args).msg;
    case B.EG_EXCEPTIONS:
      return newTuple(selfOf(args).excs.slice(0));
    case B.EG_DERIVE: {
      checkArgs('derive', args, kw, 2, 2);
      return create(BaseExceptionGroup, selfOf(args).msg, args[1]);
    }
    case B.EG_SPLIT: {
      checkArgs('split', args, kw, 2, 2);
      const r = splitRec(selfOf(args), matcher(args[1]), true);
      const a = r[0];
      const b = r[1];
      return newTuple([a === null ? None : a, b === null ? None : b]);
    }
    case B.EG_SUBGROUP: {
      checkArgs('subgroup', args, kw, 2, 2);
      const r = splitRec(selfOf(args), matcher(args[1]), false)[0];
      return r === null ? None : r;
    }
    case B.EG_CLASS_GETITEM:
      return new PyGenericAlias(genericAliasType, args[0], args[1] instanceof PyTuple ? (args[1] as PyTuple).items.slice(0) : [args[1]]);
  }
  throw unhandledBuiltin('exception group method', id);
}

const egNew = mkBuiltin('__new__', B.EG_NEW, false, FAM_EXCGROUP);
egNew.owner = BaseExceptionGroup;
BaseExceptionGroup.dict.set('__new__', egNew);
BaseExceptionGroup.dict.set('message', new PyProperty(propertyType, mkBuiltin('message', B.EG_MESSAGE, false, FAM_EXCGROUP), null, null));
BaseExceptionGroup.dict.set('exceptions', new PyProperty(propertyType, mkBuiltin('exceptions', B.EG_EXCEPTIONS, false, FAM_EXCGROUP), null, null));
defMethod(BaseExceptionGroup, 'derive', B.EG_DERIVE, FAM_EXCGROUP);
defMethod(BaseExceptionGroup, 'split', B.EG_SPLIT, FAM_EXCGROUP);
defMethod(BaseExceptionGroup, 'subgroup', B.EG_SUBGROUP, FAM_EXCGROUP);
BaseExceptionGroup.dict.set('__class_getitem__', new PyClassMethod(classmethodType, mkBuiltin('__class_getitem__', B.EG_CLASS_GETITEM, false, FAM_EXCGROUP)));

// ---- except* (CPython 3.11's CHECK_EG_MATCH and PREP_RERAISE_STAR, Python/ceval.c and
// Objects/exceptions.c) ----

function checkStarType(t: PyObject): void {
  if (!(t instanceof PyType && isSubtype(t, BaseException))) throw raise(TypeError, 'catching classes that do not inherit from BaseException is not allowed');
  if (isSubtype(t, BaseExceptionGroup)) throw raise(TypeError, 'catching ExceptionGroup with except* is not allowed. Use except instead.');
}

/** [rest, match] of exc against an except* clause's type (match None: no match, rest is exc). A
 * naked exception that matches is wrapped in a group, so the handler always sees a group. */
export function exceptStarMatch(exc: PyObject, spec: PyObject): PyObject[] {
  if (spec instanceof PyTuple) for (const x of spec.items) checkStarType(x);
  else checkStarType(spec);
  if (exc === None) return [None, None];
  let whole = false;
  if (spec instanceof PyTuple) {
    for (const x of spec.items) if (isInstance(exc, x as PyType)) whole = true;
  } else whole = isInstance(exc, spec as PyType);
  if (whole) {
    if (exc instanceof PyExcGroup) return [None, exc];
    const w = create(BaseExceptionGroup, newStr(''), newTuple([exc]));
    w.tb = (exc as PyBaseExc).tb.slice(0);
    return [None, w];
  }
  if (exc instanceof PyExcGroup) {
    const pair = callObj(getAttr(exc, 'split'), [spec], null);
    if (!(pair instanceof PyTuple) || pair.items.length !== 2) throw raise(TypeError, `X.split(m) must return a tuple, not ${typeName(pair)}`);
    return [pair.items[1], pair.items[0]];
  }
  return [exc, None];
}

function collectLeaves(e: PyObject, out: PyObject[]): void {
  if (e === None) return;
  if (e instanceof PyExcGroup) {
    for (const x of e.excs) collectLeaves(x, out);
  } else out.push(e);
}
/** The part of eg whose leaves are among keep's leaves (by identity), eg's structure kept. */
function projection(eg: PyExcGroup, keep: PyObject[]): PyObject {
  const leaves: PyObject[] = [];
  for (const e of keep) collectLeaves(e, leaves);
  const r = projectRec(eg, leaves);
  return r === null ? None : r;
}
function projectRec(e: PyObject, leaves: PyObject[]): PyObject | null {
  if (!(e instanceof PyExcGroup)) return leaves.indexOf(e) >= 0 ? e : null;
  const ms: PyObject[] = [];
  for (const x of e.excs) {
    const r = projectRec(x, leaves);
    if (r !== null) ms.push(r);
  }
  return ms.length > 0 ? deriveAndCopy(e, ms) : null;
}
/** A re-raise (bare `raise` of a caught part) keeps the metadata split copied from the original:
 * a traceback that grew, a new cause or context mean the handler raised it anew. */
function sameMetadata(a: PyBaseExc, b: PyBaseExc): boolean {
  if (a.cause !== b.cause || a.context !== b.context || a.tb.length !== b.tb.length) return false;
  for (let i = 0; i < a.tb.length; i++) if (a.tb[i] !== b.tb[i]) return false;
  return getAttrOrNull(a, '__notes__') === getAttrOrNull(b, '__notes__');
}
/** What a try/except* raises at its end: orig is what the try body raised, excs what each
 * handler raised (or re-raised) plus the unhandled rest, Nones included. None: nothing. */
export function prepReraiseStar(orig: PyObject, excs: PyObject[]): PyObject {
  if (excs.length === 0) return None;
  // a naked exception was wrapped, so one clause at most ran
  if (!(orig instanceof PyExcGroup)) return excs[0];
  const raised: PyObject[] = [];
  const reraised: PyObject[] = [];
  for (const e of excs) {
    if (e === None) continue;
    if (sameMetadata(e as PyBaseExc, orig)) reraised.push(e);
    else raised.push(e);
  }
  const reEg = projection(orig, reraised);
  if (raised.length === 0) return reEg;
  if (reEg !== None) raised.push(reEg);
  return raised.length > 1 ? create(BaseExceptionGroup, newStr(''), newList(raised)) : raised[0];
}
