// The annotation lattice on its own (translate/annotate/model.ts): no program, no graphs.
// union() is the join; list and Map element types live in shared, mergeable definitions.
import { describe, expect, it } from 'vitest';
import { ClassDesc } from '../../../translate/load/descs.ts';
import {
  DictDef, ListDef, SomeDict, SomeInstance, SomeInt, SomeList, SomeString, UnionError, generalizeDict, generalizeListItem, isRef,
  mergeListDefs, s_bool, s_float, s_impossible, s_int, s_int_lit, s_none, s_str, same, setMergeHook, union, type SomeValue,
} from '../../../translate/annotate/model.ts';
import { RtsError } from '../../../translate/errors.ts';

function cls(name: string, base: ClassDesc | null = null): ClassDesc {
  const c = new ClassDesc(name, null, null, null);
  if (base) {
    c.base = base;
    base.subclasses.push(c);
  }
  return c;
}
const Animal = cls('Animal');
const Dog = cls('Dog', Animal);
const Cat = cls('Cat', Animal);
const Rock = cls('Rock');

function list(item: SomeValue, nullable = false): SomeList {
  const d = new ListDef();
  d.item = item;
  return new SomeList(d, nullable);
}
function code(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return e instanceof RtsError ? e.code : `not an RtsError: ${String(e)}`;
  }
  return 'no error';
}

/** Values whose joins are defined without containers (containers merge their defs, see below). */
const scalars: SomeValue[] = [
  s_impossible, s_none, s_bool, s_int, s_int_lit, s_float, s_str, s_str.withNullable(true), s_int.withNullable(true),
  new SomeInstance(Dog), new SomeInstance(Cat), new SomeInstance(Animal, true),
];

describe('union, the join of the lattice', () => {
  it('has impossible as its identity on both sides', () => {
    for (const s of scalars) {
      expect(same(union(s_impossible, s), s)).toBe(true);
      expect(same(union(s, s_impossible), s)).toBe(true);
    }
  });

  it('is idempotent and commutative wherever it is defined', () => {
    for (const a of scalars) {
      expect(same(union(a, a), a)).toBe(true);
      for (const b of scalars) {
        const ab = code(() => union(a, b));
        const ba = code(() => union(b, a));
        expect(ab).toBe(ba);
        if (ab === 'no error') expect(same(union(a, b), union(b, a))).toBe(true);
      }
    }
  });

  it('is an upper bound: joining the result with either side changes nothing', () => {
    for (const a of scalars)
      for (const b of scalars) {
        if (code(() => union(a, b)) !== 'no error') continue;
        const u = union(a, b);
        expect(same(union(u, a), u)).toBe(true);
        expect(same(union(u, b), u)).toBe(true);
      }
  });

  it('makes references nullable with null, and ints and floats undefined-able', () => {
    expect(union(s_str, s_none).describe()).toBe('string | null');
    expect(union(s_none, new SomeInstance(Dog)).describe()).toBe('Dog | null');
    expect(union(s_int, s_none).describe()).toBe('int | undefined');
    expect(union(s_none, s_float).describe()).toBe('float | undefined');
    expect(union(s_none, s_none).kind).toBe('none');
  });

  it('refuses a boolean that may be null', () => {
    expect(code(() => union(s_bool, s_none))).toBe('E_UNION');
  });

  it('lets an int literal become a float, but not a computed int', () => {
    expect(union(s_int_lit, s_float).kind).toBe('float');
    expect(union(s_float, s_int_lit).kind).toBe('float');
    expect(code(() => union(s_int, s_float))).toBe('E_INT_FLOAT');
    expect(code(() => union(s_float, s_int))).toBe('E_INT_FLOAT');
  });

  it('keeps an int literal only while every side is one', () => {
    expect((union(s_int_lit, s_int_lit) as SomeInt).literal).toBe(true);
    expect((union(s_int_lit, s_int) as SomeInt).literal).toBe(false);
    expect((union(s_int, s_int_lit) as SomeInt).literal).toBe(false);
  });

  it('carries nullability through', () => {
    expect(union(s_str.withNullable(true), s_str).nullable).toBe(true);
    expect(union(s_int, s_int_lit.withNullable(true)).nullable).toBe(true);
    expect(union(new SomeInstance(Dog), new SomeInstance(Cat, true)).describe()).toBe('Animal | null');
  });

  it('joins instances at their nearest common base class', () => {
    const u = union(new SomeInstance(Dog), new SomeInstance(Cat));
    expect(u instanceof SomeInstance && u.cls).toBe(Animal);
    const d = new SomeInstance(Animal);
    expect(union(d, new SomeInstance(Dog))).toBe(d); // the base side is kept as is
    expect(code(() => union(new SomeInstance(Dog), new SomeInstance(Rock)))).toBe('E_UNION');
  });

  it('refuses different kinds, naming both and what was being joined', () => {
    expect(code(() => union(s_str, s_int))).toBe('E_UNION');
    expect(code(() => union(s_bool, s_float))).toBe('E_UNION');
    const e = (() => {
      try {
        union(s_str, new SomeInstance(Dog), 'field x');
      } catch (x) {
        return x as UnionError;
      }
      return null;
    })();
    expect(e?.message).toBe('field x: string and Dog');
    expect(e?.loc).toBeNull(); // the lattice knows no locations: the solver attaches them
  });
});

describe('list and Map definitions', () => {
  it('merge into one definition when two lists meet, with the joined item type', () => {
    const a = list(s_int_lit);
    const b = list(s_float);
    const u = union(a, b) as SomeList;
    expect(u.def).toBe(a.def);
    expect(a.def).toBe(b.def);
    expect(u.describe()).toBe('float[]');
  });

  it('refuse to merge lists whose items cannot be joined', () => {
    expect(code(() => union(list(s_str), list(s_int)))).toBe('E_UNION');
  });

  it('re-flow the readers of either side when the merged item type changes', () => {
    const woken: unknown[] = [];
    setMergeHook((readers) => woken.push(...readers));
    const a = list(s_impossible);
    const b = list(s_str);
    a.def.readers.add('reader of a');
    mergeListDefs(a.def, b.def);
    expect(woken).toContain('reader of a');
    woken.length = 0;
    expect(generalizeListItem(a.def, s_str)).toBe(false); // no change, nobody woken
    expect(woken).toEqual([]);
    expect(generalizeListItem(a.def, s_none)).toBe(true);
    expect(a.describe()).toBe('(string | null)[]');
    expect(woken).toContain('reader of a');
    setMergeHook(() => {});
  });

  it('join Map keys and values separately', () => {
    const d1 = new DictDef();
    const d2 = new DictDef();
    generalizeDict(d1, s_str, s_int_lit);
    generalizeDict(d2, s_str, s_float);
    const u = union(new SomeDict(d1), new SomeDict(d2, true)) as SomeDict;
    expect(u.describe()).toBe('Map<string, float> | null');
    expect(code(() => generalizeDict(d1, s_int, null))).toBe('E_UNION');
  });

  it('compare by identity of their definition', () => {
    const d = new ListDef();
    expect(same(new SomeList(d), new SomeList(d))).toBe(true);
    expect(same(new SomeList(d), new SomeList(new ListDef()))).toBe(false);
    expect(same(new SomeList(d), new SomeList(d, true))).toBe(false);
  });
});

describe('the rest of the model', () => {
  it('tells references from machine values', () => {
    expect([s_str, s_none, new SomeInstance(Dog), list(s_int), new SomeDict(new DictDef())].every(isRef)).toBe(true);
    expect([s_int, s_float, s_bool, s_impossible].some(isRef)).toBe(false);
  });

  it('makes nullable copies without changing the original', () => {
    const s = new SomeString();
    const n = s.withNullable(true);
    expect(n).not.toBe(s);
    expect(s.nullable).toBe(false);
    expect(n.withNullable(true)).toBe(n);
    expect(n instanceof SomeString).toBe(true);
  });
});
