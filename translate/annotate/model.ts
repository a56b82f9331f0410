// The annotation lattice, independent of graphs: what a variable can hold at run time.
// union() is the join. List and dict element types live in shared, mergeable definitions
// (like PyPy's ListDef), so every list that meets another ends up with one item type.
// Errors raised here know nothing of locations; the solver attaches them.
import { RtsError } from '../errors.ts';
import { commonBase, type ClassDesc } from '../load/descs.ts';

export abstract class SomeValue {
  abstract readonly kind: string;
  nullable = false;
  abstract describe(): string;
  /** a copy that may (or may not) be null */
  withNullable(n: boolean): SomeValue {
    if (n === this.nullable) return this;
    const c = Object.create(Object.getPrototypeOf(this)) as SomeValue;
    Object.assign(c, this);
    c.nullable = n;
    return c;
  }
  protected nullSuffix(): string {
    return this.nullable ? ' | null' : '';
  }
}

export class SomeImpossible extends SomeValue {
  readonly kind = 'impossible';
  describe(): string {
    return 'never';
  }
}
/** an int; `literal` ints (from number literals and prebuilt constants) may become floats */
export class SomeInt extends SomeValue {
  readonly kind = 'int';
  constructor(public literal = false) {
    super();
  }
  describe(): string {
    return (this.literal ? 'int (literal)' : 'int') + (this.nullable ? ' | undefined' : '');
  }
}
export class SomeFloat extends SomeValue {
  readonly kind = 'float';
  describe(): string {
    return 'float' + (this.nullable ? ' | undefined' : '');
  }
}
export class SomeBool extends SomeValue {
  readonly kind = 'bool';
  describe(): string {
    return 'boolean';
  }
}
export class SomeString extends SomeValue {
  readonly kind = 'str';
  constructor(nullable = false) {
    super();
    this.nullable = nullable;
  }
  describe(): string {
    return 'string' + this.nullSuffix();
  }
}
/** only null (or undefined) */
export class SomeNone extends SomeValue {
  readonly kind = 'none';
  constructor() {
    super();
    this.nullable = true;
  }
  describe(): string {
    return 'null';
  }
}
export class SomeInstance extends SomeValue {
  readonly kind = 'inst';
  constructor(
    public cls: ClassDesc,
    nullable = false,
  ) {
    super();
    this.nullable = nullable;
  }
  describe(): string {
    return (this.cls.displayName ?? this.cls.name) + this.nullSuffix();
  }
}

/** Mergeable element-type cell shared by all lists that meet (union-find). */
export class ListDef {
  item: SomeValue = s_impossible;
  private parent: ListDef | null = null;
  /** callbacks to re-run when the item type grows (readers of items) */
  readers = new Set<unknown>();
  static count = 0;
  readonly id = ListDef.count++;
  find(): ListDef {
    let d: ListDef = this;
    while (d.parent) d = d.parent;
    return d;
  }
  mergeInto(other: ListDef): void {
    this.parent = other;
  }
}
export class DictDef {
  key: SomeValue = s_impossible;
  value: SomeValue = s_impossible;
  private parent: DictDef | null = null;
  readers = new Set<unknown>();
  static count = 0;
  readonly id = DictDef.count++;
  find(): DictDef {
    let d: DictDef = this;
    while (d.parent) d = d.parent;
    return d;
  }
  mergeInto(other: DictDef): void {
    this.parent = other;
  }
}

export class SomeList extends SomeValue {
  readonly kind = 'list';
  constructor(
    private def_: ListDef,
    nullable = false,
  ) {
    super();
    this.nullable = nullable;
  }
  get def(): ListDef {
    return this.def_.find();
  }
  describe(): string {
    const item = this.def.item.describe();
    return `${item.includes(' | ') ? `(${item})` : item}[]${this.nullSuffix()}`;
  }
}
export class SomeDict extends SomeValue {
  readonly kind = 'dict';
  constructor(
    private def_: DictDef,
    nullable = false,
  ) {
    super();
    this.nullable = nullable;
  }
  get def(): DictDef {
    return this.def_.find();
  }
  describe(): string {
    return `Map<${this.def.key.describe()}, ${this.def.value.describe()}>${this.nullSuffix()}`;
  }
}

export const s_impossible = new SomeImpossible();
export const s_none = new SomeNone();
export const s_bool = new SomeBool();
export const s_int = new SomeInt(false);
export const s_int_lit = new SomeInt(true);
export const s_float = new SomeFloat();
export const s_str = new SomeString();

export class UnionError extends RtsError {
  constructor(a: SomeValue, b: SomeValue, what = '') {
    const mixed = (a.kind === 'int' && b.kind === 'float') || (a.kind === 'float' && b.kind === 'int');
    super(mixed ? 'E_INT_FLOAT' : 'E_UNION', `${what}${what ? ': ' : ''}${a.describe()} and ${b.describe()}`);
  }
}

/** Called when a list/dict definition's types grow (or it merges with another), so its readers can be re-flowed. */
export type MergeHook = (readers: Set<unknown>) => void;
let mergeHook: MergeHook = () => {};
export function setMergeHook(h: MergeHook): void {
  mergeHook = h;
}

export function mergeListDefs(a: ListDef, b: ListDef): ListDef {
  a = a.find();
  b = b.find();
  if (a === b) return a;
  const item = union(a.item, b.item, 'list items');
  a.mergeInto(b);
  // only the readers of a side whose item type grew look again: re-flowing both sides' readers
  // when one small list joined a program-wide one re-flowed thousands of blocks for nothing
  if (!same(item, b.item)) mergeHook(b.readers);
  if (!same(item, a.item)) mergeHook(a.readers);
  b.item = item;
  for (const r of a.readers) b.readers.add(r);
  return b;
}

export function mergeDictDefs(a: DictDef, b: DictDef): DictDef {
  a = a.find();
  b = b.find();
  if (a === b) return a;
  const key = union(a.key, b.key, 'Map keys');
  const value = union(a.value, b.value, 'Map values');
  a.mergeInto(b);
  if (!same(key, b.key) || !same(value, b.value)) mergeHook(b.readers);
  if (!same(key, a.key) || !same(value, a.value)) mergeHook(a.readers);
  b.key = key;
  b.value = value;
  for (const r of a.readers) b.readers.add(r);
  return b;
}

/** Grows a list's item type; returns true if it changed. */
export function generalizeListItem(d: ListDef, s: SomeValue): boolean {
  d = d.find();
  const u = union(d.item, s, 'list items');
  if (same(u, d.item)) return false;
  d.item = u;
  mergeHook(d.readers);
  return true;
}
export function generalizeDict(d: DictDef, k: SomeValue | null, v: SomeValue | null): boolean {
  d = d.find();
  const nk = k ? union(d.key, k, 'Map keys') : d.key;
  const nv = v ? union(d.value, v, 'Map values') : d.value;
  if (same(nk, d.key) && same(nv, d.value)) return false;
  d.key = nk;
  d.value = nv;
  mergeHook(d.readers);
  return true;
}

export function isRef(s: SomeValue): boolean {
  return s.kind === 'str' || s.kind === 'inst' || s.kind === 'list' || s.kind === 'dict' || s.kind === 'none';
}

export function same(a: SomeValue, b: SomeValue): boolean {
  if (a.kind !== b.kind || a.nullable !== b.nullable) return false;
  if (a instanceof SomeInt) return a.literal === (b as SomeInt).literal;
  if (a instanceof SomeInstance) return a.cls === (b as SomeInstance).cls;
  if (a instanceof SomeList) return a.def === (b as SomeList).def;
  if (a instanceof SomeDict) return a.def === (b as SomeDict).def;
  return true;
}

/** The join of two annotations. */
export function union(a: SomeValue, b: SomeValue, whatIn: string | (() => string) = ''): SomeValue {
  // the same annotation met again is the commonest join of a fixpoint: nothing to compute
  if (a === b) return a;
  return unionOf(a, b, whatIn);
}

/** What a failed join was of: a description passed as a function is built only for the error. */
const described = (what: string | (() => string)): string => (typeof what === 'function' ? what() : what);

function unionOf(a: SomeValue, b: SomeValue, whatIn: string | (() => string)): SomeValue {
  if (a.kind === 'impossible') return b;
  if (b.kind === 'impossible') return a;
  if (a.kind === 'none' && b.kind === 'none') return a;
  if (a.kind === 'none' || b.kind === 'none') {
    // references are null as NULL; ints and floats as `undefined` (a sentinel outside the RTS range)
    const other = a.kind === 'none' ? b : a;
    if (other.kind === 'bool') throw new UnionError(a, b, described(whatIn) || 'a boolean cannot be null or undefined');
    return other.withNullable(true);
  }
  const nullable = a.nullable || b.nullable;
  if (a instanceof SomeInt && b instanceof SomeInt) return (a.literal && b.literal ? a : a.literal ? b : a).withNullable(nullable);
  if (a instanceof SomeInt && b instanceof SomeFloat) {
    if (a.literal) return b.withNullable(nullable);
    throw new UnionError(a, b, described(whatIn));
  }
  if (a instanceof SomeFloat && b instanceof SomeInt) {
    if (b.literal) return a.withNullable(nullable);
    throw new UnionError(a, b, described(whatIn));
  }
  if (a.kind !== b.kind) throw new UnionError(a, b, described(whatIn));
  if (a instanceof SomeFloat) return a.withNullable(nullable);
  if (a instanceof SomeBool) return a;
  if (a instanceof SomeString) return a.withNullable(nullable);
  if (a instanceof SomeInstance && b instanceof SomeInstance) {
    const base = commonBase(a.cls, b.cls);
    if (!base) {
      const what = described(whatIn);
      throw new UnionError(a, b, what ? `${what} (no common base class)` : 'no common base class');
    }
    return base === a.cls ? a.withNullable(nullable) : new SomeInstance(base, nullable);
  }
  if (a instanceof SomeList && b instanceof SomeList) return new SomeList(mergeListDefs(a.def, b.def), nullable);
  if (a instanceof SomeDict && b instanceof SomeDict) return new SomeDict(mergeDictDefs(a.def, b.def), nullable);
  throw new UnionError(a, b, described(whatIn));
}
