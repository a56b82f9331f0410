// What __slots__ forbids: an instance of a class whose every class of its own declares __slots__
// (without '__dict__') has no __dict__, so it takes only the attributes its slots name; others
// are AttributeErrors, and a class attribute it has no slot for is read-only through it
// (CPython's slot descriptors and the missing tp_dictoffset). pyvm keeps slot values in the
// instance map like other attributes; this is the rule applied when one is added or deleted.
import { PyObject, PyType, PyStr, PyDict, PyExc, HOLD, objectType, intType, bytesType, tupleType, raise, AttributeError, TypeError, ValueError } from '../objects/core.ts';
import { iterToArray, lookupType, str, repr, typeName, isSubtype } from './runtime.ts';
import { dictGetS } from '../objects/dict.ts';
import { strIsIdentifier } from '../objects/unictype.ts';
import { mangle } from '../compiler/symtable.ts';
import { BYT } from '../builtins/bytesmethods.ts';
import { basesProvide } from '../builtins/getsetdescr.ts';

/** The builtin classes whose instances have no __dict__ in CPython (no tp_dictoffset), by module
 * and name: a subclass declaring __slots__ over them has none either. Other builtin bases (function,
 * module, exceptions, _io's classes, functools.partial...) give their subclasses a __dict__. */
const DICTLESS_BUILTINS: Map<string, boolean> = new Map<string, boolean>([
  ['builtins.list', true], ['builtins.dict', true], ['builtins.set', true], ['builtins.frozenset', true],
  ['builtins.int', true], ['builtins.float', true], ['builtins.complex', true], ['builtins.str', true],
  ['builtins.bytes', true], ['builtins.tuple', true],
  ['array.array', true], ['collections.deque', true],
]);
function dictlessBuiltin(c: PyType): boolean {
  // bytearray is not isBuiltin (the runtime calls its methods as a class's), see bytearray.ts
  return (c.isBuiltin && DICTLESS_BUILTINS.has(`${c.module}.${c.name}`)) || c === BYT.bytearray;
}

/** The names class c's own __slots__ declares (unmangled), or null when it declares none. */
function ownSlots(c: PyType): string[] | null {
  const slots = c.dict.get('__slots__');
  if (slots === undefined) return null;
  const out: string[] = [];
  for (const x of slots instanceof PyStr ? [slots] : iterToArray(slots)) out.push(str(x));
  return out;
}

/** The builtin exceptions whose C struct adds fields to their base's (CPython 3.11's
 * Objects/exceptions.c), each its own solid base though pyvm lays them all out alike. */
const OWN_STRUCT_EXCEPTIONS = ['BaseExceptionGroup', 'StopIteration', 'SystemExit', 'ImportError', 'OSError', 'SyntaxError',
  'UnicodeEncodeError', 'UnicodeDecodeError', 'UnicodeTranslateError', 'AttributeError', 'NameError'];
/** CPython's solid_base: the class along t's bases whose instances' layout t's instances share,
 * which is t itself when its __slots__ add fields, else (for a builtin type) the highest ancestor
 * of the same layout, else its bases' best base. pyvm's builtin layouts are coarser than CPython's
 * C structs (all exceptions share one), so fewer combinations conflict than in CPython. */
function solidBase(t: PyType): PyType {
  if (t.isBuiltin) {
    let s = t;
    while (s.bases.length > 0 && s.bases[0].layout === s.layout && s.bases[0] !== objectType && !OWN_STRUCT_EXCEPTIONS.includes(s.name)) s = s.bases[0];
    return s;
  }
  const own = ownSlots(t);
  if (own !== null) for (const n of own) if (n !== '__dict__' && n !== '__weakref__') return t;
  return solidBase(bestBase(t.bases));
}
/** CPython's best_base: the base whose layout extends every other base's, which a new class with
 * these bases takes as its __base__; a TypeError when two bases' layouts conflict. */
export function bestBase(bases: PyType[]): PyType {
  if (bases.length === 0) return objectType;
  let base = bases[0];
  let winner = solidBase(base);
  for (let i = 1; i < bases.length; i++) {
    const cand = solidBase(bases[i]);
    if (isSubtype(winner, cand)) continue;
    if (isSubtype(cand, winner)) {
      winner = cand;
      base = bases[i];
    } else throw raise(TypeError, 'multiple bases have instance lay-out conflict');
  }
  return base;
}

/** The names t's instances may hold, or null when they have a __dict__ (also when a builtin
 * class other than object and the dictless ones above is among the bases: their layouts are not
 * checked here). */
export function allowedSlotNames(t: PyType): Map<string, boolean> | null {
  if (t.slotVer === HOLD.typeVersion) return t.slotNames;
  let names: Map<string, boolean> | null = new Map<string, boolean>();
  for (const c of t.mro) {
    if (c === objectType || dictlessBuiltin(c)) continue;
    if (c.isBuiltin) {
      names = null;
      break;
    }
    const own = ownSlots(c);
    if (own === null) {
      names = null;
      break;
    }
    let hasDict = false;
    for (const s of own) {
      if (s === '__dict__') hasDict = true;
      else names.set(mangle(c.name, s), true);
    }
    if (hasDict) {
      names = null;
      break;
    }
  }
  t.slotNames = names;
  t.slotVer = HOLD.typeVersion;
  return names;
}

/** The error for setting or deleting attribute name that o's slots do not name, or null when
 * o may hold it. */
export function slotError(o: PyObject, name: string): PyExc | null {
  const allowed = allowedSlotNames(o.cls);
  if (allowed === null || allowed.has(name)) return null;
  const t = o.cls;
  if (lookupType(t, name) !== null) return raise(AttributeError, `'${t.name}' object attribute '${name}' is read-only`);
  return raise(AttributeError, `'${t.name}' object has no attribute '${name}'`);
}

/** The (mangled) names the __slots__ along t's MRO declare, __dict__ and __weakref__ aside:
 * the attributes an instance keeps in slots rather than in its __dict__. */
export function declaredSlotNames(t: PyType): string[] {
  const out: string[] = [];
  for (const c of t.mro) {
    if (c.isBuiltin) continue;
    const own = ownSlots(c);
    if (own === null) continue;
    for (const s of own) if (s !== '__dict__' && s !== '__weakref__') out.push(mangle(c.name, s));
  }
  return out;
}
/** The checks CPython's type_new makes of a new class t's __slots__ (ns is its namespace): the
 * items are strings and identifiers, '__dict__' and '__weakref__' appear once, no slot shares
 * its (mangled) name with a class variable, and the variable-size builtins (int, bytes, tuple)
 * take no nonempty __slots__ in a subclass. */
export function checkSlotsDeclaration(t: PyType, ns: PyDict): void {
  const slots = dictGetS(ns, '__slots__');
  if (slots === null) return;
  const items = slots instanceof PyStr ? [slots] : iterToArray(slots);
  for (const x of items) {
    if (!(x instanceof PyStr)) throw raise(TypeError, `__slots__ items must be strings, not '${typeName(x)}'`);
  }
  if (items.length > 0) {
    for (const c of t.mro) {
      if (c === intType || c === bytesType || c === tupleType) throw raise(TypeError, `nonempty __slots__ not supported for subtype of '${t.bases[0].name}'`);
    }
  }
  let seenDict = false;
  let seenWeakref = false;
  for (const x of items) {
    const s = (x as PyStr).s;
    if (!strIsIdentifier(s)) throw raise(TypeError, '__slots__ must be identifiers');
    if (s === '__dict__') {
      if (seenDict || basesProvide(t, s)) throw raise(TypeError, '__dict__ slot disallowed: we already got one');
      seenDict = true;
    } else if (s === '__weakref__') {
      if (seenWeakref || basesProvide(t, s)) throw raise(TypeError, '__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0');
      seenWeakref = true;
    } else if (dictGetS(ns, mangle(t.name, s)) !== null) {
      throw raise(ValueError, `${repr(x)} in __slots__ conflicts with class variable`);
    }
  }
}
