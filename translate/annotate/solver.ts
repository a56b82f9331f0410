// Stage `annotate`: the whole-program fixpoint. Blocks are re-flowed until every variable's
// annotation stops growing. Calls, field reads and list/dict reads register the reading
// block, so that a change anywhere re-flows exactly the blocks that depend on it.
import ts from 'typescript';
import { Block, Constant, EXC_VALUE, FunctionGraph, LAST_EXCEPTION, Operation, Variable, type Value } from '../model/graph.ts';
import { ClassDesc, FunctionDesc } from '../load/descs.ts';
import { rlibClass, type LoadedProgram } from '../load/loader.ts';
import { RtsError, RtsErrors } from '../errors.ts';
import { signatures, type TypeSeed } from '../flow/builder.ts';
import {
  DictDef, ListDef, SomeDict, SomeInstance, SomeList, SomeValue, s_bool, s_float, s_impossible, s_int, s_int_lit,
  s_none, s_str, same, setMergeHook, union,
} from './model.ts';
import { RULES } from './rules.ts';
import { genericNames, isGenericClass, isGenericFunction } from '../load/generics.ts';
import type { TypeEnv } from '../load/descs.ts';

const EMPTY_ENV: TypeEnv = new Map();

export interface MethodFamily {
  root: ClassDesc;
  name: string;
  members: FunctionDesc[];
  /** true when some call site has more than one possible target */
  virtual: boolean;
  /** the union of the arguments of every call to the family */
  args: SomeValue[] | null;
}

/** Temporaries the flow builder joins values in, as the user wrote them (never the internal name). */
const JOINS: Record<string, string> = {
  and__: "the value of 'a && b' is a when a is falsy, else b, and these have different types (in an if, loop or ?: test both are booleans, which is fine; as a value, test explicitly: 'a !== null && b')",
  or__: "the value of 'a || b' is a when a is truthy, else b, and these have different types (in a test it is fine; as a value, write 'a !== null ? a : b' with b of a's type)",
  nullish__: "the two sides of '??' have different types (give the right side the type of the left one)",
  cond: "the two branches of '?:' have different types",
};
function describeJoin(name: string): string {
  return JOINS[name] ?? `'${name}'`;
}

export class Annotator {
  graphs = new Map<FunctionDesc, FunctionGraph>();
  private graphFd = new Map<FunctionGraph, FunctionDesc>();
  /** blocks that call a method, re-flowed when a new class instantiation joins a hierarchy */
  private methodCallers = new Set<Block>();
  private blockGraph = new Map<Block, FunctionGraph>();
  private pending: Block[] = [];
  private pendingSet = new Set<Block>();
  private annotated = new Set<Block>();
  /** blocks stopped at an operation whose result is not known yet: the op's index */
  blocked = new Map<Block, number>();
  private returnDeps = new Map<FunctionGraph, Set<Block>>();
  private fieldAnn = new Map<string, SomeValue>();
  private fieldReaders = new Map<string, Set<Block>>();
  callTargets = new Map<Operation, FunctionDesc[]>();
  families = new Map<string, MethodFamily>();
  opFamily = new Map<Operation, MethodFamily>();
  listDefs = new Map<Operation, ListDef>();
  dictDefs = new Map<Operation, DictDef>();
  instantiated = new Set<ClassDesc>();
  /** parameters added to an override that declares fewer than its family passes (padParams) */
  readonly padding = new WeakSet<Variable>();
  prebuilt = new Map<object, SomeValue>();
  currentBlock: Block | null = null;
  errors: RtsError[] = [];
  private errorKeys = new Set<string>();

  private report(e: RtsError): void {
    if (e.code === 'E_INT_FLOAT' && !e.message.includes('share one instantiation')) e.message += this.genericNote();
    const key = `${e.loc ? `${e.loc.file}:${e.loc.line}:${e.loc.col}` : ''} ${e.message}`;
    if (this.errorKeys.has(key)) return;
    this.errorKeys.add(key);
    this.errors.push(e);
  }
  currentOp: Operation | null = null;
  steps = 0;

  constructor(
    public prog: LoadedProgram,
    private getGraph: (fd: FunctionDesc) => FunctionGraph,
  ) {
    setMergeHook((readers) => {
      for (const r of readers) this.schedule(r as Block);
    });
    prog.generics.onNewClass = () => {
      for (const b of this.methodCallers) this.schedule(b);
    };
  }

  // ---- driving -------------------------------------------------------------------

  run(): void {
    this.instantiateGenerics();
    const main = this.prog.main;
    const argv = new SomeList(new ListDef());
    argv.def.item = s_str;
    this.callFunction(main, [argv]);
    this.instantiated.add(this.prog.errorClass);
    // the runtime raises plain Errors (stack overflow): make sure Error's constructor exists
    this.callFunction(this.prog.errorClass.ctor, [new SomeInstance(this.prog.errorClass), s_str]);
    // ... and rlib's MemoryError (heap exhaustion), when the program can name it
    const oom = rlibClass(this.prog, 'MemoryError', 'memory.ts');
    if (oom) {
      this.instantiated.add(oom);
      this.callFunction(oom.ctor, [new SomeInstance(oom), s_str]);
    }
    // JIT helpers are called from machine code only: their declared parameter types seed them
    for (const fd of this.prog.jitHelpers) {
      const g = this.graphFor(fd);
      const params = g.startblock.inputargs.map((v) => this.ann(v));
      const untyped = params.findIndex((s) => s.kind === 'impossible');
      if (untyped >= 0) throw new RtsError('E_UNSUPPORTED', `JIT helper ${fd.name}: parameter ${untyped + 1} needs a declared type`, g.loc);
      this.callFunction(fd, params);
    }
    while (this.pending.length) {
      const b = this.pending.shift()!;
      this.pendingSet.delete(b);
      this.flowBlock(b);
      this.steps++;
    }
    if (this.errors.length === 0) this.checkBlocked();
    if (this.errors.length) throw this.errors.length === 1 ? this.errors[0] : new RtsErrors(this.errors);
    this.unifyFamilies();
    const ret = this.graphFor(main).returnblock.inputargs[0];
    const r = this.ann(ret);
    if (r.kind !== 'int' && r.kind !== 'impossible') {
      throw new RtsError('E_ENTRY', `main must return an int, not ${r.describe()}`, this.graphFor(main).loc);
    }
  }

  /** Every instantiation the program names, before any method call is resolved. */
  private instantiateGenerics(): void {
    const prog = this.prog;
    const generics = [...[...prog.classesByDecl.values()].filter(isGenericClass), ...[...prog.functionsByDecl.values()].filter(isGenericFunction)];
    if (generics.length === 0) return;
    const functionOfCall = (call: ts.CallExpression): FunctionDesc | null => {
      let sym = prog.checker.getSymbolAtLocation(ts.isPropertyAccessExpression(call.expression) ? call.expression.name : call.expression);
      while (sym && sym.flags & ts.SymbolFlags.Alias) sym = prog.checker.getAliasedSymbol(sym);
      const d = sym?.valueDeclaration;
      const fd = d ? prog.functionsByDecl.get(d) : undefined;
      return fd && isGenericFunction(fd) ? fd : null;
    };
    try {
      const sources = [...prog.modules.values()].map((m) => m.source);
      prog.generics.scan(sources, functionOfCall, genericNames(sources, generics));
    } catch (e) {
      if (e instanceof RtsError) this.report(e);
      else throw e;
    }
  }

  annotatedBlock(b: Block): boolean {
    return this.annotated.has(b);
  }

  graphFor(fd: FunctionDesc): FunctionGraph {
    let g = this.graphs.get(fd);
    if (g) return g;
    g = this.getGraph(fd);
    this.graphs.set(fd, g);
    this.graphFd.set(g, fd);
    for (const b of g.blocks()) this.blockGraph.set(b, g);
    this.blockGraph.set(g.returnblock, g);
    this.blockGraph.set(g.exceptblock, g);
    // declared types seed parameters and the result
    const sig = signatures.get(g);
    if (sig) {
      g.startblock.inputargs.forEach((v, i) => {
        const s = this.fromTypeNode(sig.params[i] ?? null, fd.env);
        if (s) v.annotation = s;
      });
      const r = this.fromTypeNode(sig.result, fd.env);
      if (r) g.returnblock.inputargs[0].annotation = r;
    }
    return g;
  }

  private schedule(b: Block): void {
    if (!this.annotated.has(b) || this.pendingSet.has(b)) return;
    this.pending.push(b);
    this.pendingSet.add(b);
  }

  ann(v: Value): SomeValue {
    if (v instanceof Variable) return (v.annotation as SomeValue | null) ?? s_impossible;
    return this.constAnn(v);
  }

  constAnn(c: Constant): SomeValue {
    const val = c.value;
    if (c === EXC_VALUE) return new SomeInstance(this.prog.errorClass);
    if (typeof val === 'number' && c.strict) return s_int;
    if (typeof val === 'number') return c.numKind === 'float' ? s_float : c.numKind === 'int' || Number.isInteger(val) ? s_int_lit : s_float;
    return this.immutable(val);
  }

  /** The annotation of a prebuilt (load-time) value. */
  immutable(val: unknown): SomeValue {
    if (val === null || val === undefined) return s_none;
    if (typeof val === 'boolean') return s_bool;
    if (typeof val === 'string') return s_str;
    if (typeof val === 'number') return Number.isInteger(val) ? s_int_lit : s_float;
    if (val instanceof FunctionDesc || val instanceof ClassDesc) return s_impossible;
    if (typeof val !== 'object') throw new RtsError('E_CONST', `a ${typeof val} (${String(val).slice(0, 40)})`);
    const cached = this.prebuilt.get(val);
    if (cached) return cached;
    if (Array.isArray(val)) {
      const s = new SomeList(new ListDef());
      this.prebuilt.set(val, s);
      for (const item of val) {
        const d = s.def;
        d.item = union(d.item, this.immutable(item), 'prebuilt list items');
      }
      return s;
    }
    if (val instanceof Map) {
      const s = new SomeDict(new DictDef());
      this.prebuilt.set(val, s);
      for (const [k, v] of val) {
        const d = s.def;
        d.key = union(d.key, this.immutable(k), 'prebuilt Map keys');
        d.value = union(d.value, this.immutable(v), 'prebuilt Map values');
      }
      return s;
    }
    const cls = this.prog.classByRuntime.get((val as object).constructor);
    if (!cls) throw new RtsError('E_CONST', `an object of class ${(val as object).constructor?.name ?? '?'}, which is not an RTS class of the program`);
    if (isGenericClass(cls)) throw new RtsError('E_CONST', `a prebuilt object of generic class ${cls.sourceName()}: its type arguments are gone at run time, so RTS cannot tell which instantiation it is; make a non-generic subclass (class IntVec extends ${cls.sourceName()}<int> {}) and prebuild that`);
    const s = new SomeInstance(cls);
    this.prebuilt.set(val, s);
    this.instantiated.add(cls);
    for (const c of cls.ancestors()) {
      for (const f of c.fields.keys()) {
        const fv = (val as Record<string, unknown>)[f];
        if (fv === undefined) continue;
        this.setField(c, f, this.immutable(fv));
      }
    }
    return s;
  }

  /** An annotation from a declared TypeScript type, or null when it says nothing useful. */
  fromTypeNode(t: ts.TypeNode | null, env: TypeEnv = EMPTY_ENV): SomeValue | null {
    if (!t) return null;
    if (ts.isParenthesizedTypeNode(t)) return this.fromTypeNode(t.type, env);
    switch (t.kind) {
      case ts.SyntaxKind.BooleanKeyword:
        return s_bool;
      case ts.SyntaxKind.StringKeyword:
        return s_str;
      case ts.SyntaxKind.VoidKeyword:
      case ts.SyntaxKind.NullKeyword:
      case ts.SyntaxKind.UndefinedKeyword:
        return s_none;
      case ts.SyntaxKind.NeverKeyword:
        return null;
    }
    if (ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword) return s_none;
    if (ts.isUnionTypeNode(t)) {
      let acc: SomeValue | null = null;
      for (const m of t.types) {
        const s = this.fromTypeNode(m, env);
        if (!s) return null;
        acc = acc ? union(acc, s) : s;
      }
      return acc;
    }
    if (ts.isArrayTypeNode(t)) {
      const s = new SomeList(new ListDef());
      const item = this.fromTypeNode(t.elementType, env);
      if (item) s.def.item = item;
      return s;
    }
    if (ts.isTypeReferenceNode(t)) {
      const name = t.typeName.getText();
      if (name === 'int') return s_int;
      if (name === 'float') return s_float;
      if (name === 'Map' && t.typeArguments?.length === 2) {
        const s = new SomeDict(new DictDef());
        const k = this.fromTypeNode(t.typeArguments[0], env);
        const v = this.fromTypeNode(t.typeArguments[1], env);
        if (k) s.def.key = k;
        if (v) s.def.value = v;
        return s;
      }
      if (name === 'Array' && t.typeArguments?.length === 1) {
        const s = new SomeList(new ListDef());
        const item = this.fromTypeNode(t.typeArguments[0], env);
        if (item) s.def.item = item;
        return s;
      }
      let sym = this.prog.checker.getSymbolAtLocation(t.typeName);
      while (sym && sym.flags & ts.SymbolFlags.Alias) sym = this.prog.checker.getAliasedSymbol(sym);
      const decl = sym?.declarations?.[0];
      if (decl && ts.isTypeParameterDeclaration(decl)) {
        const a = env.get(decl);
        return a ? this.fromType(a.type, a.env) : null;
      }
      if (decl && this.prog.classesByDecl.has(decl)) {
        const cls = this.prog.generics.classOf(this.prog.checker.getTypeFromTypeNode(t), env);
        return cls ? new SomeInstance(cls) : null;
      }
      if (name === 'Error' && decl?.getSourceFile().isDeclarationFile) return new SomeInstance(this.prog.errorClass);
    }
    return null;
  }

  /** An annotation from a generic's type argument: numbers are left to inference (tsc has no int). */
  fromType(t: ts.Type, env: TypeEnv): SomeValue | null {
    const f = t.flags;
    if (f & ts.TypeFlags.TypeParameter) {
      const d = t.getSymbol()?.declarations?.[0];
      const a = d ? env.get(d) : undefined;
      return a ? this.fromType(a.type, a.env) : null;
    }
    if (t.isUnion()) {
      let acc: SomeValue | null = null;
      for (const m of t.types) {
        const s = this.fromType(m, env);
        if (!s) return null;
        acc = acc ? union(acc, s) : s;
      }
      return acc;
    }
    if (f & ts.TypeFlags.StringLike) return s_str;
    if (f & ts.TypeFlags.BooleanLike) return s_bool;
    if (f & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return s_none;
    if (f & ts.TypeFlags.NumberLike) return null;
    const cls = this.prog.generics.classOf(t, env);
    if (cls) return new SomeInstance(cls);
    const name = t.getSymbol()?.getName();
    const args = (f & ts.TypeFlags.Object) !== 0 && ((t as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) !== 0 ? this.prog.checker.getTypeArguments(t as ts.TypeReference) : [];
    if (name === 'Array' && args.length === 1) {
      const s = new SomeList(new ListDef());
      const item = this.fromType(args[0], env);
      if (item) s.def.item = item;
      return s;
    }
    if (name === 'Map' && args.length === 2) {
      const s = new SomeDict(new DictDef());
      const k = this.fromType(args[0], env);
      const v = this.fromType(args[1], env);
      if (k) s.def.key = k;
      if (v) s.def.value = v;
      return s;
    }
    return null;
  }

  /** For an int/float clash inside an instantiation at `number`: why, and what to write. */
  private genericNote(of: ClassDesc | FunctionDesc | null = null): string {
    const g = this.currentBlock ? this.blockGraph.get(this.currentBlock) : undefined;
    const fd = g ? this.graphFd.get(g) : undefined;
    const inst = of ?? (fd?.cls?.template ? fd.cls : fd?.template ? fd : null);
    if (!inst || !inst.env.size || ![...inst.env.values()].some((a) => a.key.includes('number'))) return '';
    const tpl = inst.template!.sourceName();
    const what = inst instanceof ClassDesc ? `class ${tpl}` : `function ${tpl}`;
    const shown = inst.sourceName();
    const as = (t: string): string => shown.replace(/\bnumber\b/g, t);
    return ` (in ${shown}: generic ${what} is instantiated once for int and float, which are both number to tsc, so ${as('int')} and ${as('float')} share one instantiation; wrap one of them in a class, e.g. ${as('FloatBox')})`;
  }

  /** Runs f, explaining an int/float clash in the arguments of an instantiation of a generic. */
  private noting<T>(inst: ClassDesc | FunctionDesc | null, f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (inst && e instanceof RtsError && e.code === 'E_INT_FLOAT') e.message += this.genericNote(inst);
      throw e;
    }
  }

  /** The type arguments the current block's function is read with. */
  private currentEnv(): TypeEnv {
    const g = this.currentBlock ? this.blockGraph.get(this.currentBlock) : undefined;
    return (g && this.graphFd.get(g)?.env) ?? EMPTY_ENV;
  }

  // ---- flowing -------------------------------------------------------------------

  /** Unions `cells` into a block's inputs; schedules it if anything grew. */
  mergeInto(b: Block, cells: SomeValue[]): void {
    let changed = !this.annotated.has(b);
    b.inputargs.forEach((v, i) => {
      const old = this.ann(v);
      const nu = union(old, cells[i], () => describeJoin(v.name));
      if (!same(old, nu) || v.annotation === null) {
        v.annotation = nu;
        changed = true;
      }
    });
    const g = this.blockGraph.get(b);
    if (g && b === g.returnblock) {
      if (changed) {
        this.annotated.add(b);
        for (const d of this.returnDeps.get(g) ?? []) this.schedule(d);
      }
      return;
    }
    if (g && b === g.exceptblock) {
      this.annotated.add(b);
      return;
    }
    if (changed) {
      this.annotated.add(b);
      if (!this.pendingSet.has(b)) {
        this.pending.push(b);
        this.pendingSet.add(b);
      }
    }
  }

  private flowBlock(b: Block): void {
    this.currentBlock = b;
    this.blocked.delete(b);
    for (let i = 0; i < b.operations.length; i++) {
      const op = b.operations[i];
      this.currentOp = op;
      let s: SomeValue;
      try {
        const rule = RULES[op.opname];
        if (!rule) throw new RtsError('E_UNSUPPORTED', `operation ${op.opname}`);
        s = rule(this, op, op.args.map((a) => this.ann(a)));
      } catch (e) {
        if (e instanceof RtsError) {
          // keep going: report every violation in one run, not one per translation
          this.report(e.at(op.loc));
          this.blocked.set(b, i);
          return;
        }
        throw e;
      }
      if (s.kind === 'impossible') {
        this.blocked.set(b, i);
        return;
      }
      const old = this.ann(op.result);
      let nu: SomeValue;
      try {
        nu = union(old, s);
      } catch (e) {
        if (e instanceof RtsError) {
          this.report(e.at(op.loc));
          this.blocked.set(b, i);
          return;
        }
        throw e;
      }
      op.result.annotation = nu;
    }
    const last = b.operations[b.operations.length - 1];
    for (const link of b.exits) {
      // a constant boolean switch only follows its own case
      if (b.exitswitch instanceof Constant && link.exitcase !== b.exitswitch.value) continue;
      const cells = link.args.map((a) => (a === EXC_VALUE ? new SomeInstance(this.prog.errorClass) : this.ann(a)));
      if (b.exitswitch === LAST_EXCEPTION && link.exitcase === 'exception' && last && link.args.includes(last.result)) continue;
      try {
        this.mergeInto(link.target, cells);
      } catch (e) {
        if (e instanceof RtsError) this.report(e.at(last?.loc ?? this.blockGraph.get(b)?.loc ?? null));
        else throw e;
      }
    }
  }

  // ---- calls, fields -------------------------------------------------------------

  callFunction(fd: FunctionDesc, argsIn: SomeValue[]): SomeValue {
    const g = this.graphFor(fd);
    const params = g.startblock.inputargs;
    let args = argsIn;
    // a direct call (super.m(), C.m()) of an override padded to its family's parameters
    // passes nothing for the padding: the rtyper gives it placeholders (see padParams)
    if (args.length < params.length && params.slice(args.length).every((p) => this.padding.has(p))) args = [...args, ...params.slice(args.length).map((p) => this.ann(p))];
    if (args.length !== params.length) {
      const sig = signatures.get(g);
      // counted as the user wrote the call: the receiver is not one of them
      const names = (sig?.paramNames ?? []).filter((n) => n !== 'this');
      const self = sig ? params.length - names.length : 0;
      throw new RtsError('E_ARGS', `${fd.sourceName()}() takes ${params.length - self} argument(s)${sig ? ` (${names.join(', ')})` : ''}, got ${args.length - self}`);
    }
    this.noting(fd.template ? fd : fd.cls?.template ? fd.cls : null, () => this.mergeInto(g.startblock, args));
    if (this.currentBlock) {
      let deps = this.returnDeps.get(g);
      if (!deps) this.returnDeps.set(g, (deps = new Set()));
      deps.add(this.currentBlock);
    }
    return this.ann(g.returnblock.inputargs[0]);
  }

  /** A method call on an instance of `cls`: every override below cls is a possible target. */
  callMethod(cls: ClassDesc, name: string, args: SomeValue[], op: Operation): SomeValue {
    const root = [...cls.ancestors()].reverse().find((c) => c.methods.has(name) || c.abstractMethods.has(name));
    if (!root) throw new RtsError('E_NO_ATTR', `${cls.name} has no method '${name}'`);
    const key = `${root.name}.${name}`;
    let fam = this.families.get(key);
    // members are taken afresh: an instantiation of a generic class may have joined the hierarchy
    const members = root.descendants().map((d) => d.methods.get(name)).filter((m): m is FunctionDesc => !!m);
    if (!fam) {
      fam = { root, name, members, virtual: false, args: null };
      this.families.set(key, fam);
    }
    fam.members = members;
    if (this.currentBlock) this.methodCallers.add(this.currentBlock);
    this.opFamily.set(op, fam);
    const targets = [...new Set(cls.descendants().map((d) => d.lookupMethod(name)).filter((m): m is FunctionDesc => !!m))];
    this.callTargets.set(op, targets);
    if (targets.length > 1) fam.virtual = true;
    if (!fam.args) fam.args = args;
    else if (fam.args.length !== args.length) throw new RtsError('E_ARGS', `${name}() called with ${args.length} argument(s) here and ${fam.args.length} elsewhere`);
    else fam.args = this.noting(cls.ancestors().find((c) => c.template) ?? null, () => this.ownTypeParams(root, name, () => fam!.args!.map((a, i) => union(a, args[i], `argument ${i + 1} of ${name}()`))));
    // JS ignores extra arguments: an override may declare fewer parameters than its base
    // (whose defaults the call site filled in), so it takes the extra ones unused
    for (const m of new Set([...targets, ...fam.members.filter((x) => this.graphs.has(x))])) this.padParams(m, args.length + 1);
    let result: SomeValue = s_impossible;
    for (const t of targets) {
      const r = this.callFunction(t, [new SomeInstance(t.cls!), ...fam.args]);
      result = union(result, r, `results of ${name}() overrides`);
    }
    // arguments flow into every member so one C signature serves the whole family
    for (const m of fam.members) if (!targets.includes(m) && this.graphs.has(m)) this.mergeInto(this.graphFor(m).startblock, [new SomeInstance(m.cls!), ...fam.args]);
    return result;
  }

  /**
   * Runs f, explaining a clash in the arguments of a method with its own type parameters:
   * unlike a function, it is not instantiated per call, since a virtual call picks its code by
   * class alone, so the calls must agree on one type.
   */
  private ownTypeParams<T>(root: ClassDesc, name: string, f: () => T): T {
    try {
      return f();
    } catch (e) {
      const m = root.methods.get(name);
      const tps = m?.decl?.typeParameters;
      if (m && tps?.length && e instanceof RtsError && (e.code === 'E_UNION' || e.code === 'E_INT_FLOAT'))
        e.message += ` (generic method ${m.sourceName()}<${tps.map((p) => p.name.text).join(', ')}> is one method for all its calls, since a method call picks its code by class alone: make it static or a top-level function, which are instantiated per type argument)`;
      throw e;
    }
  }

  private padParams(fd: FunctionDesc, n: number): void {
    const params = this.graphFor(fd).startblock.inputargs;
    while (params.length < n) {
      const v = new Variable('unused');
      this.padding.add(v);
      params.push(v);
    }
  }

  private fieldKey(owner: ClassDesc, name: string): string {
    return `${owner.name}.${name}`;
  }

  private seedField(owner: ClassDesc, name: string): string {
    const key = this.fieldKey(owner, name);
    if (!this.fieldAnn.has(key)) {
      const info = owner.fields.get(name)!;
      const seed = owner === this.prog.errorClass ? s_str : this.fromTypeNode(info.typeNode, owner.env);
      this.fieldAnn.set(key, seed ?? s_impossible);
    }
    return key;
  }

  getField(cls: ClassDesc, name: string): SomeValue {
    const owner = cls.fieldOwner(name);
    if (!owner) {
      const what = cls.declaresMethod(name) ? `'${name}' is a method; RTS has no bound methods as values (call it)` : `${cls.sourceName()} has no field '${name}'`;
      throw new RtsError('E_NO_ATTR', what);
    }
    const key = this.seedField(owner, name);
    if (this.currentBlock) {
      let r = this.fieldReaders.get(key);
      if (!r) this.fieldReaders.set(key, (r = new Set()));
      r.add(this.currentBlock);
    }
    return this.fieldAnn.get(key)!;
  }

  setField(cls: ClassDesc, name: string, s: SomeValue): void {
    const owner = cls.fieldOwner(name);
    if (!owner) throw new RtsError('E_DYNAMIC_PROP', `${cls.sourceName()} has no declared field '${name}'`);
    const key = this.seedField(owner, name);
    const old = this.fieldAnn.get(key)!;
    const nu = union(old, s, `field ${owner.name}.${name}`);
    if (!same(old, nu)) {
      this.fieldAnn.set(key, nu);
      for (const r of this.fieldReaders.get(key) ?? []) this.schedule(r);
    }
  }

  fieldAnnotation(owner: ClassDesc, name: string): SomeValue {
    return this.fieldAnn.get(this.fieldKey(owner, name)) ?? s_impossible;
  }

  /** Registers the current block as a reader of a list's or dict's element types. */
  readList(s: SomeList): ListDef {
    if (this.currentBlock) s.def.readers.add(this.currentBlock);
    return s.def;
  }
  readDict(s: SomeDict): DictDef {
    if (this.currentBlock) s.def.readers.add(this.currentBlock);
    return s.def;
  }

  /** A read that stays impossible at the fixpoint reads something never written. */
  private checkBlocked(): void {
    const reads = new Set(['getitem', 'getattr', 'dict_key', 'dict_value']);
    for (const [b, i] of this.blocked) {
      const op = b.operations[i];
      const isRead = reads.has(op.opname) || (op.opname === 'call_method' && (op.extra === 'pop' || op.extra === 'get'));
      if (!isRead || op.args.some((a) => this.ann(a).kind === 'impossible')) continue;
      const what = op.opname === 'getattr' ? `field '${String(op.extra)}'` : 'item';
      throw new RtsError('E_BLOCKED', `the ${what} read here is never assigned`, op.loc);
    }
  }

  /** One C signature per virtual family: union the results of all members. */
  private unifyFamilies(): void {
    for (const fam of this.families.values()) {
      const members = fam.members.filter((m) => this.graphs.has(m));
      if (members.length < 2) continue;
      let r: SomeValue = s_impossible;
      for (const m of members) {
        try {
          r = union(r, this.ann(this.graphs.get(m)!.returnblock.inputargs[0]), `results of ${fam.name}() overrides`);
        } catch (e) {
          if (e instanceof RtsError) throw e.at(this.graphs.get(m)!.loc);
          throw e;
        }
      }
      for (const m of members) this.graphs.get(m)!.returnblock.inputargs[0].annotation = r;
      // parameters: union across members too
      const n = this.graphs.get(members[0])!.startblock.inputargs.length;
      for (let i = 1; i < n; i++) {
        let p: SomeValue = s_impossible;
        for (const m of members) {
          const args = this.graphs.get(m)!.startblock.inputargs;
          if (args.length !== n) throw new RtsError('E_ARGS', `overrides of ${fam.name}() take different numbers of parameters`, this.graphs.get(m)!.loc);
          p = union(p, this.ann(args[i]), `parameter ${i} of ${fam.name}() overrides`);
        }
        for (const m of members) {
          const v = this.graphs.get(m)!.startblock.inputargs[i];
          if (!same(this.ann(v), p)) v.annotation = p;
        }
      }
    }
  }

  /** Empty containers start from their declared type (new Map<K, V>(), const xs: T[] = []). */
  seedContainer(op: Operation, c: SomeList | SomeDict): void {
    const seed = op.extra as TypeSeed | null;
    if (!seed?.node || this.seeded.has(op)) return;
    this.seeded.add(op);
    let s: SomeValue | null = null;
    if (ts.isNewExpression(seed.node)) {
      const [k, v] = seed.node.typeArguments ?? [];
      if (c instanceof SomeDict && k && v) {
        const ks = this.fromTypeNode(k, this.currentEnv());
        const vs = this.fromTypeNode(v, this.currentEnv());
        if (ks) c.def.key = union(c.def.key, ks, 'Map keys');
        if (vs) c.def.value = union(c.def.value, vs, 'Map values');
      }
      return;
    }
    s = this.fromTypeNode(seed.node as ts.TypeNode, this.currentEnv());
    if (s) union(c, s, 'declared type');
  }
  private seeded = new Set<Operation>();

  newList(op: Operation): SomeList {
    let d = this.listDefs.get(op);
    if (!d) this.listDefs.set(op, (d = new ListDef()));
    return new SomeList(d);
  }
  newDict(op: Operation): SomeDict {
    let d = this.dictDefs.get(op);
    if (!d) this.dictDefs.set(op, (d = new DictDef()));
    return new SomeDict(d);
  }
}

