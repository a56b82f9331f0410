// Stage `rtype`: chooses a low-level type for every variable and constant, lays out classes
// (type ids in preorder so instanceof is a range check, inherited fields first, vtable
// slots per method family), and lowers each flow operation to low-level operations
// (int_add, float_add, str_concat, getfield, setfield, malloc, direct_call, indirect_call, ...).
import { Block, Constant, FunctionGraph, Operation, Variable, type Value } from '../model/graph.ts';
import { ClassDesc, FunctionDesc } from '../load/descs.ts';
import { RtsError } from '../errors.ts';
import type { Annotator } from '../annotate/solver.ts';
import { SomeDict, SomeInstance, SomeList, SomeValue, s_impossible } from '../annotate/model.ts';
import { rlibClass } from '../load/loader.ts';
import { Bool, Float, Ptr, Signed, Str, TypeTable, cIdent, isGc, lltypeOf, type ClassLayout, type LLType } from './lltypes.ts';
import { llop } from './lloperation.ts';
import { primitiveClass } from '../annotate/rules.ts';

/** The low-level view of a prebuilt object: a list (with its items' type), a Map (with its
 * keys' and values' types) or an instance of a class. */
export type PrebuiltType =
  | { k: 'List'; ll: Extract<LLType, { k: 'List' }>; item: LLType }
  | { k: 'Dict'; ll: Extract<LLType, { k: 'Dict' }>; key: LLType; value: LLType }
  | { k: 'Inst'; layout: ClassLayout };

/** What rtype hands to genc: low-level graphs and types only, no annotations. */
export interface RtypedProgram {
  table: TypeTable;
  graphs: Map<FunctionDesc, FunctionGraph>;
  /** functions whose graphs are emitted, in a stable order */
  functions: FunctionDesc[];
  /** the entry point, `main(argv)` */
  main: FunctionDesc;
  /** functions machine code may call, by index (rlib/jithelpers.ts) */
  jitHelpers: FunctionDesc[];
  /** the root of all exceptions, and rlib's MemoryError (null if the program never loaded it) */
  errorClass: ClassDesc;
  memoryError: ClassDesc | null;
  /** prebuilt objects reachable from the code, in a stable order (strings excluded) */
  prebuilt: object[];
  prebuiltType(v: object): PrebuiltType;
  /** blocks the annotator never reached: genc makes them fatal */
  unreachable: Set<Block>;
  llops: number;
}

function ll(a: Annotator, v: Value): LLType {
  if (v.concretetype) return v.concretetype as LLType;
  return lltypeOf(a.ann(v));
}

export function rtypeProgram(a: Annotator): RtypedProgram {
  const table = new TypeTable();
  table.ntypes = 1; // 0 = string
  // classes in preorder from each root
  const roots = a.prog.classes.filter((c) => !c.base);
  const visit = (c: ClassDesc, inherited: ClassLayout | null): void => {
    const layout: ClassLayout = {
      cls: c,
      tid: table.ntypes++,
      subHi: 0,
      fields: inherited ? [...inherited.fields] : [],
      vtable: inherited ? [...inherited.vtable] : [],
      cname: cIdent(c.name),
    };
    for (const name of c.fields.keys()) {
      const s = a.fieldAnnotation(c, name);
      layout.fields.push({ name, owner: c, type: s.kind === 'impossible' ? Signed : lltypeOf(s), cname: `f_${cIdent(c.name)}_${cIdent(name)}` });
    }
    // vtable slots: a family gets its slot in the class that first declares the method, in
    // the order of the methods' names, not of the annotator's discovery: an edit to a body
    // must not move slots (that would change data.c's vtables and recompile it)
    const rooted = [...a.families.values()].filter((f) => f.root === c).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    for (const fam of rooted) {
      const key = `${fam.root.name}.${fam.name}`;
      table.slots.set(key, layout.vtable.length);
      layout.vtable.push(null);
    }
    for (const [key, slot] of table.slots) {
      const [, name] = [key.slice(0, key.lastIndexOf('.')), key.slice(key.lastIndexOf('.') + 1)];
      const fam = a.families.get(key)!;
      if (!c.isSubclassOf(fam.root)) continue;
      const impl = c.lookupMethod(name);
      layout.vtable[slot] = impl && a.graphs.has(impl) ? impl : null;
    }
    table.classes.set(c, layout);
    table.classOrder.push(layout);
    for (const s of c.subclasses) visit(s, layout);
    layout.subHi = table.ntypes;
  };
  for (const r of roots) visit(r, null);

  const functions = [...a.graphs.keys()].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  let llops = 0;
  const unreachable = new Set<Block>();
  for (const fd of functions) {
    const g = a.graphs.get(fd)!;
    llops += lowerGraph(a, table, g);
    for (const b of g.blocks()) if (!a.annotatedBlock(b)) unreachable.add(b);
  }
  // prebuilt objects: every object constant reachable from the code or from another prebuilt
  const prebuilt = [...a.prebuilt.keys()];
  const prebuiltType = (v: object): PrebuiltType => {
    if (Array.isArray(v)) {
      const s = a.prebuilt.get(v) as SomeList;
      return { k: 'List', ll: lltypeOf(s) as Extract<LLType, { k: 'List' }>, item: lltypeOf(s.def.item) };
    }
    if (v instanceof Map) {
      const s = a.prebuilt.get(v) as SomeDict;
      return { k: 'Dict', ll: lltypeOf(s) as Extract<LLType, { k: 'Dict' }>, key: lltypeOf(s.def.key), value: lltypeOf(s.def.value) };
    }
    return { k: 'Inst', layout: table.layout(a.prog.classByRuntime.get(v.constructor)!) };
  };
  const oom = rlibClass(a.prog, 'MemoryError', 'memory.ts');
  return {
    table,
    graphs: a.graphs,
    functions,
    main: a.prog.main,
    jitHelpers: a.prog.jitHelpers,
    errorClass: a.prog.errorClass,
    memoryError: oom && table.classes.has(oom) ? oom : null,
    prebuilt,
    prebuiltType,
    unreachable,
    llops,
  };
}

/** Lowers one graph in place; returns the number of low-level operations. */
function lowerGraph(a: Annotator, table: TypeTable, g: FunctionGraph): number {
  let n = 0;
  const setType = (v: Value): void => {
    if (v instanceof Variable && !v.concretetype) v.concretetype = lltypeOf(v.annotation as SomeValue | null);
    if (v instanceof Constant && !v.concretetype) v.concretetype = lltypeOf(a.ann(v));
  };
  for (const b of [...g.blocks(), g.returnblock, g.exceptblock]) {
    b.inputargs.forEach(setType);
    const blockedAt = a.blocked.get(b);
    const out: Operation[] = [];
    b.operations.forEach((op, i) => {
      op.args.forEach(setType);
      setType(op.result);
      if (blockedAt !== undefined && i > blockedAt) return; // never reached: the blocked op cannot return
      const lowered = lowerOp(a, table, op);
      out.push(...lowered);
      if (blockedAt === i) out.push(new Operation('unreachable', [], new Variable('u'), op.loc));
    });
    b.operations = out;
    n += out.length;
    for (const l of b.exits) l.args.forEach(setType);
    if (b.exitswitch instanceof Variable || b.exitswitch instanceof Constant) setType(b.exitswitch);
  }
  return n;
}

function mk(opname: string, args: Value[], result: Variable, src: Operation, extra: unknown = null): Operation {
  llop(opname); // every low-level operation is declared in LL_OPERATIONS
  return new Operation(opname, args, result, src.loc, extra);
}

/** The low-level type of a list's items (for lists of instances, the class type). */
function itemLL(a: Annotator, v: Value): LLType {
  const s = a.ann(v);
  return s instanceof SomeList ? lltypeOf(s.def.item) : Ptr;
}

function tmp(t: LLType, name = 't'): Variable {
  const v = new Variable(name);
  v.concretetype = t;
  v.annotation = s_impossible;
  return v;
}

/** Emits conversion to a string for `+` and template literals. */
function toStr(a: Annotator, v: Value, src: Operation, out: Operation[]): Value {
  const t = ll(a, v);
  if (t.k === 'Str') {
    if (a.ann(v).nullable) {
      const r = tmp(Str, 's');
      out.push(mk('str_or_null', [v], r, src));
      return r;
    }
    return v;
  }
  if (v instanceof Constant) {
    const c = new Constant(constToString(v), null);
    c.concretetype = Str;
    return c;
  }
  const r = tmp(Str, 's');
  const op = t.k === 'Signed' ? 'int_to_str' : t.k === 'Float' ? 'float_to_str' : t.k === 'Bool' ? 'bool_to_str' : t.k === 'Ptr' ? 'null_to_str' : null;
  if (!op) throw new RtsError('E_UNSUPPORTED', `string conversion of ${a.ann(v).describe()}`, src.loc);
  out.push(mk(op, [v], r, src));
  return r;
}

function constToString(c: Constant): string {
  if (c.value === null || c.value === undefined) return 'null';
  return String(c.value);
}

function numericOp(base: string, t: LLType): string {
  return (t.k === 'Float' ? 'float_' : 'int_') + base;
}

function lowerOp(a: Annotator, table: TypeTable, op: Operation): Operation[] {
  const out: Operation[] = [];
  const A = op.args.map((x) => a.ann(x));
  const T = op.args.map((x) => ll(a, x));
  const R = op.result.concretetype as LLType;
  const same = (name: string, extra: unknown = op.extra): Operation[] => [mk(name, op.args, op.result, op, extra)];
  const wider = (): LLType => (T.some((t) => t.k === 'Float') ? Float : Signed);
  switch (op.opname) {
    case 'add':
      if (R.k === 'Str') {
        const l = toStr(a, op.args[0], op, out);
        const r = toStr(a, op.args[1], op, out);
        out.push(mk('str_concat', [l, r], op.result, op));
        return out;
      }
      return same(numericOp('add', R));
    case 'sub':
    case 'mul':
    case 'mod':
    case 'pow':
      return same(numericOp(op.opname, R));
    case 'div':
      return same('float_div');
    case 'and_':
    case 'or_':
    case 'xor':
    case 'lshift':
    case 'rshift':
    case 'urshift':
    case 'invert': {
      // float operands go through JS's ToInt32 first
      const args = op.args.map((x, i) => {
        if (T[i].k !== 'Float') return x;
        const r = tmp(Signed, 'i32');
        out.push(mk('float_toint32', [x], r, op));
        return r;
      });
      out.push(mk(`int_${op.opname.replace(/_$/, '')}`, args, op.result, op));
      return out;
    }
    case 'neg':
      return same(numericOp('neg', R));
    case 'pos':
      return same('same_as');
    case 'eq':
    case 'ne': {
      const isNe = op.opname === 'ne';
      const nullSide = A.findIndex((s) => s.kind === 'none');
      if (nullSide >= 0) {
        const other = op.args[1 - nullSide];
        const os = A[1 - nullSide];
        const ot = T[1 - nullSide];
        if (ot.k === 'Signed' || ot.k === 'Float') {
          if (!os.nullable) return [mk('same_as', [Object.assign(new Constant(isNe), { concretetype: Bool })], op.result, op)];
          return [mk(`${ot.k === 'Signed' ? 'int' : 'float'}_${isNe ? 'is_defined' : 'is_undef'}`, [other], op.result, op)];
        }
        if (!isGc(ot) && os.kind !== 'impossible') return [mk('same_as', [Object.assign(new Constant(isNe), { concretetype: Bool })], op.result, op)];
        return [mk(isNe ? 'ptr_nonzero' : 'ptr_iszero', [other], op.result, op)];
      }
      if (T.every((t) => t.k === 'Signed' || t.k === 'Float')) return same(numericOp(op.opname, wider()));
      if (T[0].k === 'Bool') return same(`bool_${op.opname}`);
      if (T[0].k === 'Str') return same(`str_${op.opname}`);
      return same(`ptr_${op.opname}`);
    }
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge':
      if (T[0].k === 'Str') return same(`str_${op.opname}`);
      return same(numericOp(op.opname, wider()));
    case 'bool': {
      const t = T[0];
      const n = A[0].nullable ? '_nullable' : '';
      const name = t.k === 'Bool' ? 'same_as' : t.k === 'Signed' ? `int_is_true${n}` : t.k === 'Float' ? `float_is_true${n}` : t.k === 'Str' ? 'str_is_true' : 'ptr_nonzero';
      return same(name);
    }
    case 'not':
      return same('bool_not');
    case 'is_null':
      if (isGc(T[0])) return same('ptr_iszero');
      if ((T[0].k === 'Signed' || T[0].k === 'Float') && A[0].nullable) return same(`${T[0].k === 'Signed' ? 'int' : 'float'}_is_undef`);
      return [mk('same_as', [Object.assign(new Constant(false), { concretetype: Bool })], op.result, op)];
    case 'nonnull':
    case 'caught':
    case 'downcast':
      return same('cast_ptr');
    case 'str': {
      const r = toStr(a, op.args[0], op, out);
      out.push(mk('same_as', [r], op.result, op));
      return out;
    }
    case 'isinstance': {
      if (T[0].k === 'Ptr') return [mk('same_as', [Object.assign(new Constant(false), { concretetype: Bool })], op.result, op)];
      const l = table.layout(op.extra as ClassDesc);
      return same('instanceof', l);
    }
    case 'newlist':
      return same('newlist', { tid: table.listTid((R as Extract<LLType, { k: 'List' }>).elem), item: itemLL(a, op.result) });
    case 'newdict': {
      const d = R as Extract<LLType, { k: 'Dict' }>;
      return same('newdict', table.dictTid(d.key, d.value));
    }
    case 'new': {
      const cls = op.extra as ClassDesc;
      out.push(mk('malloc', [], op.result, op, table.layout(cls)));
      out.push(mk('direct_call', [op.result, ...op.args], tmp(Ptr, 'r'), op, cls.ctor));
      return out;
    }
    case 'simple_call': {
      const fd = (op.args[0] as Constant).value as FunctionDesc;
      if (fd.primitive) {
        // an rlib primitive is its own low-level operation; genc raises its exception by type id
        const sig = llop(fd.primitive).prim!;
        const exc = sig.raises ? rlibClass(a.prog, sig.raises, 'arith.ts') : undefined;
        // layout primitives name a class (and a field of it): genc prints offsetof/sizeof/tids
        const cls = primitiveClass(a, fd.primitive, sig.args, op);
        const layout = cls ? table.layout(cls) : null;
        const fi = sig.args.indexOf('field');
        const field = layout && fi >= 0 ? layout.fields.find((f) => f.name === (op.args[fi + 1] as Constant).value) : undefined;
        if (layout && fi >= 0 && !field) throw new RtsError('E_NO_ATTR', `${layout.cls.name}.${String((op.args[fi + 1] as Constant).value)}`, op.loc);
        const args = op.args.slice(1).filter((_, i) => sig.args[i] !== 'class' && sig.args[i] !== 'field');
        return [mk(fd.primitive, args, op.result, op, { raiseTid: exc ? table.layout(exc).tid : null, layout, field: field ?? null })];
      }
      const args = op.args.slice(1);
      // an override padded to its family's parameters, called directly (super.m()): placeholders for the padding
      const params = a.graphs.get(fd)?.startblock.inputargs ?? [];
      for (let i = args.length; i < params.length && a.padding.has(params[i]); i++) args.push(new Constant(null));
      return [mk('direct_call', args, op.result, op, fd)];
    }
    case 'call_method': {
      const obj = A[0];
      if (obj instanceof SomeInstance) {
        const targets = a.callTargets.get(op) ?? [];
        if (targets.length === 0) return [mk('unreachable', [], op.result, op)];
        if (targets.length === 1) return [mk('direct_call', op.args, op.result, op, targets[0])];
        const fam = a.opFamily.get(op)!;
        const slot = table.slots.get(`${fam.root.name}.${fam.name}`)!;
        return [mk('indirect_call', op.args, op.result, op, { slot, family: fam, proto: targets[0] })];
      }
      const kind = T[0].k === 'Str' ? 'str' : T[0].k === 'List' ? 'list' : T[0].k === 'Dict' ? 'dict' : T[0].k === 'Signed' ? 'int' : T[0].k === 'Float' ? 'float' : 'bool';
      if (kind === 'list' && op.extra === 'push' && T[1]) {
        return same('list_push', { item: itemLL(a, op.args[0]) });
      }
      if (kind === 'dict') {
        const d = A[0] as SomeDict;
        return same('dict_method', { name: op.extra, key: lltypeOf(d.def.key), value: lltypeOf(d.def.value) });
      }
      return same(`${kind}_method`, { name: op.extra, tid: T[0].k === 'List' || T[0].k === 'Str' ? listTidFor(table, R) : 0, item: kind === 'list' ? itemLL(a, op.args[0]) : Ptr });
    }
    case 'call_builtin':
      return same('builtin', { name: op.extra });
    case 'getattr': {
      const name = op.extra as string;
      if (T[0].k === 'Inst') {
        const cls = (T[0] as { cls: ClassDesc }).cls;
        const f = table.layout(cls).fields.find((x) => x.name === name);
        if (!f) throw new RtsError('E_NO_ATTR', `${cls.name}.${name}`, op.loc);
        return same('getfield', { field: f, layout: table.layout(cls), nullable: A[0].nullable });
      }
      if (T[0].k === 'List') return same('list_len', { nullable: A[0].nullable });
      if (T[0].k === 'Str') return same('str_len', { nullable: A[0].nullable });
      if (T[0].k === 'Dict') return same('dict_size');
      return [mk('unreachable', [], op.result, op)];
    }
    case 'setattr': {
      const name = op.extra as string;
      if (T[0].k === 'Inst') {
        const cls = (T[0] as { cls: ClassDesc }).cls;
        const f = table.layout(cls).fields.find((x) => x.name === name);
        if (!f) throw new RtsError('E_NO_ATTR', `${cls.name}.${name}`, op.loc);
        return [mk('setfield', [op.args[0], op.args[2]], op.result, op, { field: f, layout: table.layout(cls), nullable: A[0].nullable })];
      }
      if (T[0].k === 'List') return [mk('list_setlen', [op.args[0], op.args[2]], op.result, op)];
      return [mk('unreachable', [], op.result, op)];
    }
    case 'getitem':
      if (T[0].k === 'List') return same('list_getitem');
      if (T[0].k === 'Str') return same('str_getitem');
      return [mk('unreachable', [], op.result, op)];
    case 'setitem':
      if (T[0].k === 'List') return same('list_setitem', { item: itemLL(a, op.args[0]) });
      return [mk('unreachable', [], op.result, op)];
    case 'dict_next':
    case 'dict_key':
    case 'dict_value':
      return same(op.opname);
  }
  throw new RtsError('E_UNSUPPORTED', `rtype: operation ${op.opname}`, op.loc);
}

function listTidFor(table: TypeTable, result: LLType): number {
  if (result.k === 'List') return table.listTid(result.elem);
  return 0;
}

