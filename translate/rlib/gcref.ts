// Opaque GC references and the object layout, for the JIT (as PyPy's rlib/rgc GCREF and
// llmemory.offsetof/sizeof). A GcRef holds any GC object (instance, string, list, Map); it
// comes back as a class only through castRef, checked against the class's type-id range.
// Translated, addresses, offsets, sizes and type ids are the real ones (genc prints them as
// casts, offsetof, sizeof and constants). Untranslated there is no memory layout, so they are
// fakes that keep the relations JIT code relies on: an object's address is stable and distinct,
// 8-aligned; a field has the same offset in a class and its subclasses, fields of one class
// never share an offset, and every offset is below sizeOf; a class's type id lies in its own
// range. (Untranslated a range holds only the class itself: castRef, not tidLow/tidHigh,
// answers subclass questions there.)
import type { int } from './types.ts';

export class GcRef {
  // private makes the type nominal: tsc would otherwise accept any object as a GcRef
  private gcRefBrand(): void {}
}

type Class<T> = abstract new (...args: never[]) => T;

const refs = new WeakMap<object, GcRef>();
const objs = new WeakMap<GcRef, object>();
const addrs = new WeakMap<object, number>();
const byAddr = new Map<number, WeakRef<object>>();
const tids = new Map<unknown, number>();
const layouts = new Map<unknown, string[]>();
let nextAddr = 0x10000000;

// strings are objects translated but values on Node: one stand-in object per string value
const strings = new Map<string, object>();

/** The reference to object x (an instance, string, list or Map). */
export function asRef(x: object | string): GcRef {
  if (typeof x === 'string') {
    let o = strings.get(x);
    // a plain object, not a class: a class here would take a type id in every program
    if (!o) strings.set(x, (o = Object.create(null) as object));
    x = o;
  }
  let r = refs.get(x);
  if (!r) {
    r = new GcRef();
    refs.set(x, r);
    objs.set(r, x);
  }
  return r;
}
/** The object behind r as a C, or null if it is not an instance of C (or a subclass). */
export function castRef<T>(r: GcRef, cls: Class<T>): T | null {
  const o = objs.get(r);
  return o instanceof cls ? (o as T) : null;
}
/** The object's address. Objects never move, so it stays valid while the object is alive;
 * it is not a root: keep the object reachable while code uses its address. */
export function addressOf(r: GcRef): int {
  const o = objs.get(r)!;
  let a = addrs.get(o);
  if (a === undefined) {
    a = nextAddr;
    nextAddr += 64;
    addrs.set(o, a);
    byAddr.set(a, new WeakRef(o));
  }
  return a;
}
/** The reference whose address is addr (as returned by addressOf or by machine code). */
export function refAt(addr: int): GcRef {
  const o = byAddr.get(addr)?.deref();
  if (!o) throw new Error(`gcref: no object at address ${addr}`);
  return asRef(o);
}
/** The type id of r's object (translated: its header's tid). */
export function typeIdOf(r: GcRef): int {
  return tidFor(objs.get(r)!.constructor);
}
/** Instances of C and its subclasses have type ids in [tidLow(C), tidHigh(C)). */
export function tidLow<T>(cls: Class<T>): int {
  return tidFor(cls);
}
export function tidHigh<T>(cls: Class<T>): int {
  return tidFor(cls) + 1;
}
/** The byte offset of field `field` in instances of C. */
export function offsetOf<T>(cls: Class<T>, field: string): int {
  const i = fieldsOf(cls).indexOf(field);
  if (i < 0) throw new Error(`gcref: ${cls.name} has no field '${field}'`);
  return 8 + 8 * i;
}
/** The size in bytes of an instance of C. */
export function sizeOf<T>(cls: Class<T>): int {
  return 8 + 8 * fieldsOf(cls).length;
}

function tidFor(c: unknown): int {
  let t = tids.get(c);
  if (t === undefined) tids.set(c, (t = 1000 + 16 * tids.size));
  return t;
}

/** The declared fields of a class, inherited first, read from its source text (the one
 * description of the layout Node keeps). */
function fieldsOf(cls: Function): string[] {
  let f = layouts.get(cls);
  if (f) return f;
  const base = Object.getPrototypeOf(cls) as Function;
  f = [...(base && base !== Function.prototype ? fieldsOf(base) : []), ...ownFields(cls.toString())];
  layouts.set(cls, f);
  return f;
}

/** Field names declared at the top level of a class body: `x;`, `x = 1;`, `x: int;`. */
function ownFields(src: string): string[] {
  const out: string[] = [];
  let i = src.indexOf('{') + 1;
  let depth = 0;
  let start = true;
  while (i < src.length) {
    const ch = src[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      for (i++; i < src.length && src[i] !== ch; i++) if (src[i] === '\\') i++;
    } else if (ch === '{' || ch === '(' || ch === '[') depth++;
    else if (ch === '}' || ch === ')' || ch === ']') {
      if (depth === 0) break;
      depth--;
      if (depth === 0 && ch === '}') start = true;
    } else if (depth === 0 && (ch === ';' || ch === '\n')) start = true;
    else if (depth === 0 && start && /[A-Za-z_$]/.test(ch)) {
      const m = /^(?:(?:public|private|protected|readonly|declare|override)\s+)*([A-Za-z_$][\w$]*)\s*[!?]?\s*([;=:\n}])/.exec(src.slice(i));
      const word = /^[A-Za-z_$][\w$]*/.exec(src.slice(i))![0];
      if (m && word !== 'static' && m[1] !== 'static') out.push(m[1]);
      start = false;
      i += word.length;
      continue;
    } else if (!/\s/.test(ch)) start = false;
    i++;
  }
  return out;
}
