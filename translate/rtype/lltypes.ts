// Low-level types: what every annotation becomes in C, plus the program's type table
// (type ids, struct layouts, vtables). One place decides representations; genc only prints.
import type { ClassDesc, FunctionDesc } from '../load/descs.ts';
import { SomeDict, SomeInstance, SomeList, type SomeValue } from '../annotate/model.ts';

export type ElemKind = 'I64' | 'F64' | 'BOOL' | 'PTR' | 'STR';

export type LLType =
  | { k: 'Signed' }
  | { k: 'Float' }
  | { k: 'Bool' }
  | { k: 'Void' } // no value (impossible): never materialised
  | { k: 'Ptr' } // only null
  | { k: 'Str' }
  | { k: 'Inst'; cls: ClassDesc }
  | { k: 'List'; elem: ElemKind }
  | { k: 'Dict'; key: ElemKind; value: ElemKind };

export const Signed: LLType = { k: 'Signed' };
export const Float: LLType = { k: 'Float' };
export const Bool: LLType = { k: 'Bool' };
export const Void: LLType = { k: 'Void' };
export const Ptr: LLType = { k: 'Ptr' };
export const Str: LLType = { k: 'Str' };

export function isGc(t: LLType): boolean {
  return t.k === 'Ptr' || t.k === 'Str' || t.k === 'Inst' || t.k === 'List' || t.k === 'Dict';
}

export function elemKind(s: SomeValue): ElemKind {
  switch (s.kind) {
    case 'int':
      return 'I64';
    case 'float':
      return 'F64';
    case 'bool':
      return 'BOOL';
    case 'str':
      return 'STR';
    default:
      return 'PTR';
  }
}

export function lltypeOf(s: SomeValue | null): LLType {
  if (!s) return Void;
  switch (s.kind) {
    case 'int':
      return Signed;
    case 'float':
      return Float;
    case 'bool':
      return Bool;
    case 'str':
      return Str;
    case 'none':
      return Ptr;
    case 'inst':
      return { k: 'Inst', cls: (s as SomeInstance).cls };
    case 'list':
      return { k: 'List', elem: elemKind((s as SomeList).def.item) };
    case 'dict': {
      const d = (s as SomeDict).def;
      return { k: 'Dict', key: elemKind(d.key), value: elemKind(d.value) };
    }
    default:
      return Void;
  }
}

export function sameLL(a: LLType, b: LLType): boolean {
  if (a.k !== b.k) return false;
  if (a.k === 'Inst') return a.cls === (b as { cls: ClassDesc }).cls;
  if (a.k === 'List') return a.elem === (b as { elem: ElemKind }).elem;
  if (a.k === 'Dict') return a.key === (b as { key: ElemKind }).key && a.value === (b as { value: ElemKind }).value;
  return true;
}

export const ELEM_CTYPE: Record<ElemKind, string> = { I64: 'int64_t', F64: 'double', BOOL: 'uint8_t', PTR: 'void *', STR: 'rts_str *' };

export interface FieldLayout {
  name: string;
  owner: ClassDesc;
  type: LLType;
  cname: string;
}

export interface ClassLayout {
  cls: ClassDesc;
  tid: number;
  subHi: number; // tids [tid, subHi) are this class and its subclasses
  fields: FieldLayout[]; // inherited first
  vtable: (FunctionDesc | null)[]; // by slot
  cname: string;
}

/** The whole program's low-level type table. */
export class TypeTable {
  classes = new Map<ClassDesc, ClassLayout>();
  classOrder: ClassLayout[] = [];
  listTids = new Map<ElemKind, number>();
  dictTids = new Map<string, number>();
  /** method family key -> slot */
  slots = new Map<string, number>();
  ntypes = 0;

  listTid(elem: ElemKind): number {
    let t = this.listTids.get(elem);
    if (t === undefined) this.listTids.set(elem, (t = this.ntypes++));
    return t;
  }
  dictTid(key: ElemKind, value: ElemKind): number {
    const k = `${key},${value}`;
    let t = this.dictTids.get(k);
    if (t === undefined) this.dictTids.set(k, (t = this.ntypes++));
    return t;
  }
  layout(cls: ClassDesc): ClassLayout {
    const l = this.classes.get(cls);
    if (!l) throw new Error(`rtype: no layout for class ${cls.name}`);
    return l;
  }
}

const C_KEYWORDS = new Set(['auto', 'break', 'case', 'char', 'const', 'continue', 'default', 'do', 'double', 'else', 'enum', 'extern', 'float', 'for', 'goto', 'if', 'int', 'long', 'register', 'return', 'short', 'signed', 'sizeof', 'static', 'struct', 'switch', 'typedef', 'union', 'unsigned', 'void', 'volatile', 'while', 'inline', 'restrict', 'bool', 'h']);

export function cIdent(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_]/g, '_');
  return C_KEYWORDS.has(s) ? `${s}_` : s;
}
