// types.GenericAlias: `list[int]`, `dict[str, int]`, `tuple[int, ...]`, what a builtin generic
// type's __class_getitem__ returns (CPython's Objects/genericaliasobject.c). Attribute access
// other than the alias's own goes to its origin, as CPython's ga_getattro does.
import type { int } from '../../translate/rlib/index.ts';
import {
  PyObject, PyType, PyNative, PyTuple, PyStr, PyClassMethod, PyProperty, PyExc, None, Ellipsis, False, typeType, objectType, listType, dictType, tupleType, setType,
  frozensetType, classmethodType, propertyType, newTuple, raise, TypeError, AttributeError, L_GENERICALIAS,
} from '../objects/core.ts';
import { pyHash, repr, getItem, getAttrOrNull, genericGetAttr, richCompare, truthy, callObj, setAttr, typeName, isInstance } from '../interpreter/runtime.ts';
import * as A from '../parser/ast.ts';
import { B, FAM_GENERICALIAS } from './ids.ts';
import { npos, checkArgs, defMethod, mkBuiltin, unhandledBuiltin } from './args.ts';

export const genericAliasType = new PyType(typeType, 'GenericAlias');
genericAliasType.bases.push(objectType);
genericAliasType.mro = [genericAliasType, objectType];
genericAliasType.layout = L_GENERICALIAS;
genericAliasType.isBuiltin = true;
genericAliasType.module = 'types';

export class PyGenericAlias extends PyNative {
  origin: PyObject;
  args: PyObject[];
  params: PyObject[] | null = null;
  constructor(cls: PyType, origin: PyObject, args: PyObject[]) {
    super(cls);
    this.origin = origin;
    this.args = args;
  }
  override nativeRepr(): string {
    const parts: string[] = [];
    for (const a of this.args) parts.push(itemRepr(a));
    return itemRepr(this.origin) + '[' + (parts.length === 0 ? '()' : parts.join(', ')) + ']';
  }
  override nativeEq(other: PyObject): int {
    if (!(other instanceof PyGenericAlias)) return -1;
    if (!truthy(richCompare(this.origin, other.origin, A.CMP_EQ))) return 0;
    if (this.args.length !== other.args.length) return 0;
    for (let i = 0; i < this.args.length; i++) if (!truthy(richCompare(this.args[i], other.args[i], A.CMP_EQ))) return 0;
    return 1;
  }
  override nativeHash(): int {
    const h = pyHash(this.origin) ^ pyHash(newTuple(this.args));
    return h === -1 ? -2 : h;
  }
  override nativeGetItem(k: PyObject): PyObject | null {
    return substitute(this, k);
  }
}

/** ga_repr_item: `...`, an alias as itself, a class as its (module-qualified) name. */
function itemRepr(o: PyObject): string {
  if (o === Ellipsis) return '...';
  if (o instanceof PyGenericAlias) return o.nativeRepr();
  const origin = getAttrOrNull(o, '__origin__');
  const args = getAttrOrNull(o, '__args__');
  if (origin !== null && args !== null) return repr(o);
  const qn = getAttrOrNull(o, '__qualname__');
  const mod = getAttrOrNull(o, '__module__');
  if (qn === null || mod === null || !(qn instanceof PyStr)) return repr(o);
  if (mod instanceof PyStr && mod.s === 'builtins') return qn.s;
  if (mod === None) return qn.s;
  return (mod instanceof PyStr ? mod.s : repr(mod)) + '.' + qn.s;
}

/** The type variables among args, in order and once each (CPython's _Py_make_parameters). */
export function parametersOf(args: PyObject[]): PyObject[] {
  const out: PyObject[] = [];
  for (const a of args) {
    if (a instanceof PyType) continue;
    if (getAttrOrNull(a, '__typing_subst__') !== null) {
      if (!out.includes(a)) out.push(a);
      continue;
    }
    const sub = getAttrOrNull(a, '__parameters__');
    if (sub !== null && sub instanceof PyTuple) for (const p of sub.items) if (!out.includes(p)) out.push(p);
  }
  return out;
}
function params(ga: PyGenericAlias): PyObject[] {
  let p = ga.params;
  if (p === null) {
    p = parametersOf(ga.args);
    ga.params = p;
  }
  return p;
}
function argsOf(k: PyObject): PyObject[] {
  return k instanceof PyTuple ? k.items.slice(0) : [k];
}
/** ga[k]: the alias with its type variables replaced, in nested aliases too. */
function substitute(ga: PyGenericAlias, k: PyObject): PyObject {
  return new PyGenericAlias(genericAliasType, ga.origin, substituteParams(ga.args, params(ga), k, ga.nativeRepr()));
}
/** args with the type variables ps replaced by those k gives (one, or a tuple of them), checked
 * in CPython's words (what names the generic in them); a union's subscription uses it too. */
export function substituteParams(args: PyObject[], ps: PyObject[], k: PyObject, what: string): PyObject[] {
  if (ps.length === 0) throw raise(TypeError, `${what} is not a generic class`);
  const given = argsOf(k);
  if (given.length !== ps.length) {
    throw raise(TypeError, `Too ${given.length > ps.length ? 'many' : 'few'} arguments for ${what}; actual ${given.length}, expected ${ps.length}`);
  }
  const out: PyObject[] = [];
  for (const a of args) out.push(replaced(a, ps, given));
  return out;
}
function replaced(a: PyObject, ps: PyObject[], given: PyObject[]): PyObject {
  if (a instanceof PyType) return a;
  const i = ps.indexOf(a);
  if (i >= 0) return given[i];
  const sub = getAttrOrNull(a, '__parameters__');
  if (sub !== null && sub instanceof PyTuple && sub.items.length > 0) {
    const inner: PyObject[] = [];
    for (const p of sub.items) inner.push(replaced(p, ps, given));
    // a[inner] (a nested alias or union substitutes in turn; __getitem__ read off an alias
    // would be its origin's)
    return getItem(a, inner.length === 1 ? inner[0] : newTuple(inner));
  }
  return a;
}

// the alias's own attributes; any other name is looked up on the origin
const OWN: string[] = ['__class__', '__origin__', '__args__', '__unpacked__', '__parameters__', '__typing_unpacked_tuple_args__', '__mro_entries__', '__reduce_ex__', '__reduce__', '__copy__', '__deepcopy__'];
export function genericAliasGetAttr(ga: PyGenericAlias, name: string): PyObject | null {
  if (OWN.includes(name) || name === '__instancecheck__' || name === '__subclasscheck__' || name === '__call__') return genericGetAttr(ga, name);
  return getAttrOrNull(ga.origin, name);
}

function selfOf(args: PyObject[]): PyGenericAlias {
  const o = args.length > 0 ? args[0] : None;
  if (!(o instanceof PyGenericAlias)) throw raise(TypeError, `descriptor requires a 'types.GenericAlias' object but received a '${typeName(o)}'`);
  return o;
}

export function callGenericAlias(id: int, args: PyObject[], kw: string[] | null): PyObject {
  switch (id) {
    case B.GA_NEW: {
      if (kw !== null && kw.length > 0) throw raise(TypeError, 'GenericAlias() takes no keyword arguments');
      const n = npos(args, kw) - 1;
      if (n !== 2) throw raise(TypeError, `GenericAlias expected 2 arguments, got ${n}`);
      // a subclass (collections.abc's _CallableGenericAlias) makes its own instances
      const t = args[0] as PyType;
      return new PyGenericAlias(t, args[1], argsOf(args[2]));
    }
    case B.GA_CLASS_GETITEM: {
      checkArgs('__class_getitem__', args, kw, 2, 2);
      return new PyGenericAlias(genericAliasType, args[0], argsOf(args[1]));
    }
    case B.GA_ORIGIN:
      return selfOf(args).origin;
    case B.GA_ARGS:
      return newTuple(selfOf(args).args.slice(0));
    case B.GA_PARAMETERS:
      return newTuple(params(selfOf(args)).slice(0));
    case B.GA_UNPACKED:
      selfOf(args);
      return False;
    case B.GA_MRO_ENTRIES: {
      checkArgs('__mro_entries__', args, kw, 2, 2);
      return newTuple([selfOf(args).origin]);
    }
    case B.GA_CALL: {
      const ga = selfOf(args);
      const rest = args.slice(1);
      const obj = callObj(ga.origin, rest, kw);
      try {
        setAttr(obj, '__orig_class__', ga);
      } catch (e) {
        // objects without a __dict__ (list, int) do not record it, as in CPython
        if (!(e instanceof PyExc) || !(isInstance(e.exc, AttributeError) || isInstance(e.exc, TypeError))) throw e;
      }
      return obj;
    }
    case B.GA_REDUCE: {
      const ga = selfOf(args);
      return newTuple([genericAliasType, newTuple([ga.origin, newTuple(ga.args.slice(0))])]);
    }
    case B.GA_INSTANCECHECK:
      throw raise(TypeError, 'isinstance() argument 2 cannot be a parameterized generic');
    case B.GA_SUBCLASSCHECK:
      throw raise(TypeError, 'issubclass() argument 2 cannot be a parameterized generic');
  }
  throw unhandledBuiltin('GenericAlias method', id);
}

function getter(name: string, id: int): void {
  genericAliasType.dict.set(name, new PyProperty(propertyType, mkBuiltin(name, id, false, FAM_GENERICALIAS), null, null));
}
const gaNew = mkBuiltin('__new__', B.GA_NEW, false, FAM_GENERICALIAS);
gaNew.owner = genericAliasType;
genericAliasType.dict.set('__new__', gaNew);
getter('__origin__', B.GA_ORIGIN);
getter('__args__', B.GA_ARGS);
getter('__parameters__', B.GA_PARAMETERS);
getter('__unpacked__', B.GA_UNPACKED);
defMethod(genericAliasType, '__mro_entries__', B.GA_MRO_ENTRIES, FAM_GENERICALIAS);
defMethod(genericAliasType, '__call__', B.GA_CALL, FAM_GENERICALIAS);
defMethod(genericAliasType, '__reduce__', B.GA_REDUCE, FAM_GENERICALIAS);
defMethod(genericAliasType, '__instancecheck__', B.GA_INSTANCECHECK, FAM_GENERICALIAS);
defMethod(genericAliasType, '__subclasscheck__', B.GA_SUBCLASSCHECK, FAM_GENERICALIAS);

/** Makes t subscriptable as CPython's builtin generics are: t[X] is GenericAlias(t, X). */
export function addClassGetItem(t: PyType): void {
  t.dict.set('__class_getitem__', new PyClassMethod(classmethodType, mkBuiltin('__class_getitem__', B.GA_CLASS_GETITEM, false, FAM_GENERICALIAS)));
}
for (const t of [listType, dictType, tupleType, setType, frozensetType, typeType]) addClassGetItem(t);
