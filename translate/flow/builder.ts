// Stage `flow`: builds one flow graph per RTS function from its TypeScript AST.
// Locals live in an environment that maps each declaration's symbol to its current Value;
// every control-flow join becomes a Block whose input variables are the locals still in
// scope. Narrowing that tsc performs (instanceof, null checks) becomes explicit `downcast`
// and `nonnull` operations, read off the checker's type at each use.
import ts from 'typescript';
import { Block, Constant, EXC_VALUE, FunctionGraph, LAST_EXCEPTION, Link, formatLoc, Operation, Variable, type Loc, type Value } from '../model/graph.ts';
import { ClassDesc, EnumDesc, FunctionDesc, locOf, type ModuleInfo } from '../load/descs.ts';
import type { LoadedProgram } from '../load/loader.ts';
import { RtsError } from '../errors.ts';
import { isGenericClass, isGenericFunction } from '../load/generics.ts';
import { removeDeadInputs, ssaToSsi } from '../model/transform.ts';

const THIS = Symbol('this');
const EXC = Symbol('exc');
type EnvKey = ts.Symbol | symbol;
type Env = Map<EnvKey, Value>;

/** A join point: links collected before the target block exists. */
class Join {
  incoming: { link: Link; env: Env }[] = [];
}

interface LoopCtx {
  label: string | null;
  breakJoin: Join;
  continueJoin: Join | null; // null for switch
  tryDepth: number;
}

interface TryCtx {
  handler: Join;
  finallyBody: ts.Block | null;
}

/** Properties of a builtin global (Math.floor, console.log, ...) become call_builtin ops. */
const BUILTIN_GLOBALS = new Set(['Math', 'console', 'String', 'Number', 'JSON', 'Object', 'Array']);
const BUILTIN_FUNCS = new Set(['String', 'isNaN', 'isFinite', 'parseInt', 'parseFloat', 'Number', 'Boolean']);
const GLOBAL_CONSTS = new Map<string, Constant>([
  ['Infinity', new Constant(Infinity, 'float')],
  ['NaN', new Constant(NaN, 'float')],
  ['undefined', new Constant(null)],
]);
const MATH_CONSTS: Record<string, number> = { PI: Math.PI, E: Math.E, LN2: Math.LN2, LN10: Math.LN10, SQRT2: Math.SQRT2 };
const NUMBER_CONSTS: Record<string, [number, 'int' | 'float']> = {
  MAX_SAFE_INTEGER: [Number.MAX_SAFE_INTEGER, 'int'],
  MIN_SAFE_INTEGER: [Number.MIN_SAFE_INTEGER, 'int'],
  EPSILON: [Number.EPSILON, 'float'],
  MAX_VALUE: [Number.MAX_VALUE, 'float'],
  MIN_VALUE: [Number.MIN_VALUE, 'float'],
  POSITIVE_INFINITY: [Infinity, 'float'],
  NEGATIVE_INFINITY: [-Infinity, 'float'],
  NaN: [NaN, 'float'],
};

const BINOPS: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.PlusToken]: 'add',
  [ts.SyntaxKind.MinusToken]: 'sub',
  [ts.SyntaxKind.AsteriskToken]: 'mul',
  [ts.SyntaxKind.SlashToken]: 'div',
  [ts.SyntaxKind.PercentToken]: 'mod',
  [ts.SyntaxKind.AsteriskAsteriskToken]: 'pow',
  [ts.SyntaxKind.AmpersandToken]: 'and_',
  [ts.SyntaxKind.BarToken]: 'or_',
  [ts.SyntaxKind.CaretToken]: 'xor',
  [ts.SyntaxKind.LessThanLessThanToken]: 'lshift',
  [ts.SyntaxKind.GreaterThanGreaterThanToken]: 'rshift',
  [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken]: 'urshift',
  [ts.SyntaxKind.EqualsEqualsEqualsToken]: 'eq',
  [ts.SyntaxKind.ExclamationEqualsEqualsToken]: 'ne',
  [ts.SyntaxKind.EqualsEqualsToken]: 'eq',
  [ts.SyntaxKind.ExclamationEqualsToken]: 'ne',
  [ts.SyntaxKind.LessThanToken]: 'lt',
  [ts.SyntaxKind.LessThanEqualsToken]: 'le',
  [ts.SyntaxKind.GreaterThanToken]: 'gt',
  [ts.SyntaxKind.GreaterThanEqualsToken]: 'ge',
};
const COMPOUND: Partial<Record<ts.SyntaxKind, ts.SyntaxKind>> = {
  [ts.SyntaxKind.PlusEqualsToken]: ts.SyntaxKind.PlusToken,
  [ts.SyntaxKind.MinusEqualsToken]: ts.SyntaxKind.MinusToken,
  [ts.SyntaxKind.AsteriskEqualsToken]: ts.SyntaxKind.AsteriskToken,
  [ts.SyntaxKind.SlashEqualsToken]: ts.SyntaxKind.SlashToken,
  [ts.SyntaxKind.PercentEqualsToken]: ts.SyntaxKind.PercentToken,
  [ts.SyntaxKind.AsteriskAsteriskEqualsToken]: ts.SyntaxKind.AsteriskAsteriskToken,
  [ts.SyntaxKind.AmpersandEqualsToken]: ts.SyntaxKind.AmpersandToken,
  [ts.SyntaxKind.BarEqualsToken]: ts.SyntaxKind.BarToken,
  [ts.SyntaxKind.CaretEqualsToken]: ts.SyntaxKind.CaretToken,
  [ts.SyntaxKind.LessThanLessThanEqualsToken]: ts.SyntaxKind.LessThanLessThanToken,
  [ts.SyntaxKind.GreaterThanGreaterThanEqualsToken]: ts.SyntaxKind.GreaterThanGreaterThanToken,
  [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken]: ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken,
};

/** Declared TS types of a graph's parameters and result, for the annotator's seeds. */
export interface GraphSignature {
  params: (ts.TypeNode | null)[]; // includes `this` first for methods and constructors (null)
  result: ts.TypeNode | null;
  paramNames: string[];
}

export const signatures = new WeakMap<FunctionGraph, GraphSignature>();

/** Where a load-time object constant was read from, so a cached graph can find it again. */
export type ConstOrigin = { mod: string; name: string } | { cls: string; name: string };
export const constOrigin = new WeakMap<Constant, ConstOrigin>();

/** The signature build() records, computed from the declaration alone (for cached graphs). */
export function signatureFromDecl(prog: LoadedProgram, fd: FunctionDesc): GraphSignature {
  const sig: GraphSignature = { params: [], result: null, paramNames: [] };
  if (fd.kind === 'method' || fd.kind === 'ctor') {
    sig.params.push(null);
    sig.paramNames.push('this');
  }
  if (fd.decl) {
    for (const p of fd.decl.parameters) {
      sig.params.push(p.type ?? null);
      sig.paramNames.push((p.name as ts.Identifier).text);
    }
    sig.result = fd.decl.type ?? null;
  } else if (fd.cls === prog.errorClass) {
    sig.params.push(null);
    sig.paramNames.push('message');
  } else if (fd.cls?.base) {
    for (const n of ctorParamNames(fd.cls.base)) {
      sig.params.push(null);
      sig.paramNames.push(n);
    }
  }
  return sig;
}

function numKindOfLiteral(text: string): 'int' | 'float' {
  if (/^0[xXbBoO]/.test(text)) return 'int';
  return /[.eE]/.test(text) ? 'float' : 'int';
}

export class FlowBuilder {
  private env: Env = new Map();
  private cur: Block | null = null;
  private graph!: FunctionGraph;
  private loops: LoopCtx[] = [];
  private tries: TryCtx[] = [];
  private readonly checker: ts.TypeChecker;
  private readonly mod: ModuleInfo;
  private lastLoc: Loc;

  constructor(
    private prog: LoadedProgram,
    private fd: FunctionDesc,
  ) {
    this.checker = prog.checker;
    this.mod = fd.module;
    this.lastLoc = fd.decl ? locOf(fd.decl, this.mod) : { file: this.mod.relPath, line: 1, col: 1 };
  }

  // ---- plumbing ------------------------------------------------------------------

  private loc(node: ts.Node): Loc {
    return (this.lastLoc = locOf(node, this.mod));
  }
  private err(node: ts.Node, msg: string, code: 'E_UNSUPPORTED' | 'E_ANY' | 'E_DYNAMIC_PROP' | 'E_MODULE_LET' | 'E_ARGS' = 'E_UNSUPPORTED'): never {
    throw new RtsError(code, msg, this.loc(node));
  }

  private emit(opname: string, args: Value[], node: ts.Node | null, extra: unknown = null, name = opname): Variable {
    const result = new Variable(name);
    if (!this.cur) throw new Error('flow: emit in dead code');
    const op = new Operation(opname, args, result, node ? this.loc(node) : this.lastLoc, extra);
    this.cur.operations.push(op);
    return result;
  }

  /** Emits an operation that may raise; inside a try it ends the block with an exception exit. */
  private emitRaising(opname: string, args: Value[], node: ts.Node, extra: unknown = null): Variable {
    const v = this.emit(opname, args, node, extra);
    if (this.tries.length) {
      const normal = this.successor();
      const excLink = this.linkToJoin(this.tries[this.tries.length - 1].handler, true);
      this.cur!.closeWith([normal.link, excLink], LAST_EXCEPTION);
      this.enter(normal);
    }
    return v;
  }

  private keys(): EnvKey[] {
    return [...this.env.keys()];
  }

  private successor(): { link: Link; block: Block; env: Env } {
    const keys = this.keys();
    const inputs = keys.map((k) => new Variable(keyName(k)));
    const block = new Block(inputs);
    const link = new Link(keys.map((k) => this.env.get(k)!), block);
    return { link, block, env: new Map(keys.map((k, i) => [k, inputs[i]])) };
  }

  private enter(s: { block: Block; env: Env }): void {
    this.cur = s.block;
    this.env = s.env;
  }

  private static PLACEHOLDER = new Block([]);

  /** A link from the current block to a join; the current env travels with it. */
  private linkToJoin(j: Join, exception = false): Link {
    const link = new Link([], FlowBuilder.PLACEHOLDER, exception ? 'exception' : null);
    const env = new Map(this.env);
    if (exception) env.set(EXC, EXC_VALUE);
    j.incoming.push({ link, env });
    return link;
  }

  private jump(j: Join): void {
    if (!this.cur) return;
    this.cur.closeWith([this.linkToJoin(j)]);
    this.cur = null;
  }

  /** Makes the join's block current (dead if nothing reaches it). */
  private materialize(j: Join): void {
    if (j.incoming.length === 0) {
      this.cur = null;
      return;
    }
    const first = j.incoming[0].env;
    const keys = [...first.keys()].filter((k) => j.incoming.every((i) => i.env.has(k)));
    const inputs = keys.map((k) => new Variable(keyName(k)));
    const block = new Block(inputs);
    for (const { link, env } of j.incoming) {
      link.args = keys.map((k) => env.get(k)!);
      link.target = block;
    }
    this.cur = block;
    this.env = new Map(keys.map((k, i) => [k, inputs[i]]));
  }

  /** A loop header: a block taking every local in scope, reachable again by back edges. */
  private loopHeader(): { block: Block; keys: EnvKey[] } {
    const s = this.successor();
    const keys = this.keys();
    this.cur!.closeWith([s.link]);
    this.enter(s);
    return { block: s.block, keys };
  }

  private jumpToHeader(h: { block: Block; keys: EnvKey[] }): void {
    if (!this.cur) return;
    this.cur.closeWith([new Link(h.keys.map((k) => this.env.get(k)!), h.block)]);
    this.cur = null;
  }

  private branch(cond: Value, node: ts.Node): { t: { block: Block; env: Env }; f: { block: Block; env: Env } } {
    const b = this.truth(cond, node);
    const t = this.successor();
    const f = this.successor();
    t.link.exitcase = true;
    f.link.exitcase = false;
    this.cur!.closeWith([f.link, t.link], b);
    this.cur = null;
    return { t, f };
  }

  private truth(v: Value, node: ts.Node): Value {
    if (v instanceof Constant && typeof v.value === 'boolean') return v;
    return this.emit('bool', [v], node);
  }

  // ---- entry ---------------------------------------------------------------------

  build(): FunctionGraph {
    const fd = this.fd;
    const decl = fd.decl;
    const params: Variable[] = [];
    const sig: GraphSignature = { params: [], result: null, paramNames: [] };
    const start = new Block(params);
    const name = fd.name;
    this.graph = new FunctionGraph(name, start, this.lastLoc);
    signatures.set(this.graph, sig);
    this.cur = start;
    if (fd.kind === 'method' || fd.kind === 'ctor') {
      const self = new Variable('this');
      params.push(self);
      sig.params.push(null);
      sig.paramNames.push('this');
      this.env.set(THIS, self);
    }
    if (fd.kind === 'ctor' && !decl) {
      this.buildImplicitCtor(params, sig);
    } else {
      if (!decl || !decl.body) this.err(decl ?? this.mod.source, `${fd.name} has no body`);
      for (const p of decl.parameters) {
        if (!ts.isIdentifier(p.name)) this.err(p, 'destructuring parameters');
        if (p.dotDotDotToken) this.err(p, 'rest parameters');
        if (p.questionToken) this.err(p, `optional parameter '${p.name.text}': give it a literal default instead`);
        if (p.type && p.type.kind === ts.SyntaxKind.AnyKeyword) this.err(p, `parameter '${p.name.text}' is 'any'`, 'E_ANY');
        const v = new Variable(p.name.text);
        params.push(v);
        sig.params.push(p.type ?? null);
        sig.paramNames.push(p.name.text);
        this.env.set(this.symbolOf(p.name), v);
      }
      sig.result = decl.type ?? null;
      if (fd.kind === 'ctor') {
        const cls = fd.cls!;
        // parameter properties are assigned first; then, for base classes, field initialisers
        for (const p of decl.parameters) {
          if (ts.getCombinedModifierFlags(p) & (ts.ModifierFlags.Public | ts.ModifierFlags.Private | ts.ModifierFlags.Protected | ts.ModifierFlags.Readonly)) {
            const id = p.name as ts.Identifier;
            this.emit('setattr', [this.env.get(THIS)!, new Constant(id.text), this.env.get(this.symbolOf(id))!], p, id.text);
          }
        }
        if (!cls.base) this.fieldInits(cls);
      }
      this.statements((decl.body as ts.Block).statements);
    }
    if (this.cur) {
      const ret = fd.kind === 'ctor' ? new Constant(null) : new Constant(undefined);
      this.cur.closeWith([new Link([ret], this.graph.returnblock)]);
      this.cur = null;
    }
    return this.graph;
  }

  private buildImplicitCtor(params: Variable[], sig: GraphSignature): void {
    const cls = this.fd.cls!;
    const self = params[0];
    if (cls === this.prog.errorClass) {
      const msg = new Variable('message');
      params.push(msg);
      sig.params.push(null);
      sig.paramNames.push('message');
      this.emit('setattr', [self, new Constant('message'), msg], null, 'message');
      return;
    }
    if (cls.base) {
      // `constructor(...args) { super(...args); }`: the base constructor's parameters.
      const baseParams = ctorParamNames(cls.base);
      const vs = baseParams.map((n) => new Variable(n));
      params.push(...vs);
      for (const n of baseParams) {
        sig.params.push(null);
        sig.paramNames.push(n);
      }
      this.emit('simple_call', [new Constant(cls.base.ctor), self, ...vs], null, null, 'super');
    }
    this.fieldInits(cls);
  }

  private fieldInits(cls: ClassDesc): void {
    if (!cls.decl) return;
    for (const mem of cls.decl.members) {
      if (ts.isPropertyDeclaration(mem) && mem.initializer && !(ts.getCombinedModifierFlags(mem) & ts.ModifierFlags.Static)) {
        const name = (mem.name as ts.Identifier).text;
        const v = this.expr(mem.initializer, mem.type ?? null);
        if (this.cur) this.emit('setattr', [this.env.get(THIS)!, new Constant(name), v], mem, name);
      }
    }
  }

  // ---- symbols -------------------------------------------------------------------

  private symbolOf(node: ts.Node): ts.Symbol {
    const s = this.checker.getSymbolAtLocation(node);
    if (!s) this.err(node, `cannot resolve '${node.getText()}'`);
    return s;
  }

  private resolved(node: ts.Node): ts.Symbol | undefined {
    let s = this.checker.getSymbolAtLocation(node);
    while (s && s.flags & ts.SymbolFlags.Alias) s = this.checker.getAliasedSymbol(s);
    return s;
  }

  /** What a non-local name refers to: a function, class, enum, prebuilt constant or builtin. */
  private global(node: ts.Identifier | ts.PropertyAccessExpression, sym: ts.Symbol | undefined): Value | FunctionDesc | ClassDesc | EnumDesc | 'builtin' | null {
    const decl = sym?.valueDeclaration ?? sym?.declarations?.[0];
    if (!decl) return null;
    const fd = this.prog.functionsByDecl.get(decl);
    if (fd) return fd;
    const cd = this.prog.classesByDecl.get(decl);
    if (cd) return cd;
    const ed = this.prog.enumsByDecl.get(decl);
    if (ed) return ed;
    if (decl.getSourceFile().isDeclarationFile) return 'builtin';
    if (ts.isVariableDeclaration(decl) && ts.isVariableStatement(decl.parent.parent) && ts.isSourceFile(decl.parent.parent.parent)) {
      const mod = this.prog.modules.get(decl.getSourceFile().fileName) ?? [...this.prog.modules.values()].find((m) => m.source === decl.getSourceFile());
      const name = (decl.name as ts.Identifier).text;
      if (!mod) this.err(node, `'${name}' is not in the program`);
      if (mod.kinds.get(name) === 'let') this.err(node, `'${name}' is a module-level let`, 'E_MODULE_LET');
      const value = mod.bindings.get(name);
      let kind: 'int' | 'float' | null = null;
      if (typeof value === 'number') {
        const t = decl.type?.getText();
        if (t === 'float') kind = 'float';
        else if (t === 'int') kind = 'int';
        else if (decl.initializer && ts.isNumericLiteral(decl.initializer)) kind = numKindOfLiteral(decl.initializer.getText());
        else if (decl.initializer && ts.isPrefixUnaryExpression(decl.initializer) && ts.isNumericLiteral(decl.initializer.operand))
          kind = numKindOfLiteral(decl.initializer.operand.getText());
        else kind = Number.isInteger(value) ? 'int' : 'float';
      }
      const c = new Constant(value, kind);
      if (value !== null && typeof value === 'object') constOrigin.set(c, { mod: mod.relPath, name });
      return c;
    }
    return null;
  }

  // ---- statements ----------------------------------------------------------------

  private statements(sts: readonly ts.Statement[]): void {
    for (const s of sts) {
      if (!this.cur) return; // unreachable code after return/throw/break
      this.statement(s);
    }
  }

  private statement(s: ts.Statement): void {
    this.loc(s);
    if (ts.isBlock(s)) return this.statements(s.statements);
    if (ts.isExpressionStatement(s)) {
      this.expr(s.expression);
      return;
    }
    if (ts.isVariableStatement(s)) return this.varDecls(s.declarationList);
    if (ts.isIfStatement(s)) return this.ifStatement(s);
    if (ts.isWhileStatement(s)) return this.whileLoop(s, null);
    if (ts.isDoStatement(s)) return this.doLoop(s, null);
    if (ts.isForStatement(s)) return this.forLoop(s, null);
    if (ts.isForOfStatement(s)) return this.forOf(s, null);
    if (ts.isReturnStatement(s)) return this.returnStatement(s);
    if (ts.isBreakStatement(s) || ts.isContinueStatement(s)) return this.breakContinue(s);
    if (ts.isThrowStatement(s)) return this.throwStatement(s);
    if (ts.isTryStatement(s)) return this.tryStatement(s);
    if (ts.isSwitchStatement(s)) return this.switchStatement(s, null);
    if (ts.isLabeledStatement(s)) return this.labeled(s);
    if (ts.isEmptyStatement(s)) return;
    if (ts.isFunctionDeclaration(s)) this.err(s, 'nested functions (closures) are not RTS; move it to module level');
    if (ts.isClassDeclaration(s)) this.err(s, 'classes must be declared at module level');
    if (ts.isTypeAliasDeclaration(s) || ts.isInterfaceDeclaration(s)) return;
    this.err(s, `statement ${ts.SyntaxKind[s.kind]}`);
  }

  private varDecls(list: ts.VariableDeclarationList): void {
    for (const d of list.declarations) {
      if (!ts.isIdentifier(d.name)) this.err(d, 'destructuring');
      if (d.type && d.type.kind === ts.SyntaxKind.AnyKeyword) this.err(d, `'${d.name.text}' is 'any'`, 'E_ANY');
      const v = d.initializer ? this.expr(d.initializer, d.type ?? null) : new Constant(undefined);
      if (!this.cur) return;
      this.env.set(this.symbolOf(d.name), v);
    }
  }

  private ifStatement(s: ts.IfStatement): void {
    const c = this.expr(s.expression);
    if (!this.cur) return;
    const { t, f } = this.branch(c, s.expression);
    const end = new Join();
    this.enter(t);
    this.statement(s.thenStatement);
    this.jump(end);
    this.enter(f);
    if (s.elseStatement) this.statement(s.elseStatement);
    this.jump(end);
    this.materialize(end);
  }

  private loopBody(body: ts.Statement, label: string | null, breakJoin: Join, continueJoin: Join): void {
    this.loops.push({ label, breakJoin, continueJoin, tryDepth: this.tries.length });
    this.statement(body);
    this.loops.pop();
  }

  private whileLoop(s: ts.WhileStatement, label: string | null): void {
    const h = this.loopHeader();
    const c = this.expr(s.expression);
    const exit = new Join();
    if (this.cur) {
      const { t, f } = this.branch(c, s.expression);
      this.enter(f);
      this.jump(exit);
      this.enter(t);
      const cont = new Join();
      this.loopBody(s.statement, label, exit, cont);
      this.jump(cont);
      this.materialize(cont);
      this.jumpToHeader(h);
    }
    this.materialize(exit);
  }

  private doLoop(s: ts.DoStatement, label: string | null): void {
    const h = this.loopHeader();
    const exit = new Join();
    const cont = new Join();
    this.loopBody(s.statement, label, exit, cont);
    this.jump(cont);
    this.materialize(cont);
    if (this.cur) {
      const c = this.expr(s.expression);
      if (this.cur) {
        const { t, f } = this.branch(c, s.expression);
        this.enter(f);
        this.jump(exit);
        this.enter(t);
        this.jumpToHeader(h);
      }
    }
    this.materialize(exit);
  }

  private forLoop(s: ts.ForStatement, label: string | null): void {
    const outer = new Map(this.env);
    if (s.initializer) {
      if (ts.isVariableDeclarationList(s.initializer)) this.varDecls(s.initializer);
      else this.expr(s.initializer);
    }
    const h = this.loopHeader();
    const exit = new Join();
    if (s.condition) {
      const c = this.expr(s.condition);
      if (this.cur) {
        const { t, f } = this.branch(c, s.condition);
        this.enter(f);
        this.jump(exit);
        this.enter(t);
      }
    }
    if (this.cur) {
      const cont = new Join();
      this.loopBody(s.statement, label, exit, cont);
      this.jump(cont);
      this.materialize(cont);
      if (this.cur && s.incrementor) this.expr(s.incrementor);
      this.jumpToHeader(h);
    }
    this.materialize(exit);
    this.dropScope(outer);
  }

  /** Forgets locals declared since `outer` (they went out of scope). */
  private dropScope(outer: Env): void {
    if (!this.cur) return;
    for (const k of [...this.env.keys()]) if (!outer.has(k)) this.env.delete(k);
  }

  private forOf(s: ts.ForOfStatement, label: string | null): void {
    const outer = new Map(this.env);
    if (!ts.isVariableDeclarationList(s.initializer) || s.initializer.declarations.length !== 1 || !ts.isIdentifier(s.initializer.declarations[0].name))
      this.err(s.initializer, 'for...of must declare one variable: for (const x of xs)');
    const varSym = this.symbolOf(s.initializer.declarations[0].name as ts.Identifier);
    // for (const k of m.keys()) / m.values(): walk the Map by position.
    const ex = s.expression;
    let mapMode: 'keys' | 'values' | null = null;
    let iterable: Value;
    if (ts.isCallExpression(ex) && ts.isPropertyAccessExpression(ex.expression) && ex.arguments.length === 0 && ['keys', 'values'].includes(ex.expression.name.text) && this.isMapType(ex.expression.expression)) {
      mapMode = ex.expression.name.text as 'keys' | 'values';
      iterable = this.expr(ex.expression.expression);
    } else {
      iterable = this.expr(ex);
    }
    if (!this.cur) return;
    const itKey = Symbol('iterable');
    const posKey = Symbol('pos');
    this.env.set(itKey, iterable);
    this.env.set(posKey, new Constant(0, 'int'));
    const h = this.loopHeader();
    const exit = new Join();
    const it = this.env.get(itKey)!;
    const pos = this.env.get(posKey)!;
    const foundKey = Symbol('found');
    let cond: Value;
    if (mapMode) {
      const found = this.emit('dict_next', [it, pos], ex, null, 'found');
      this.env.set(foundKey, found);
      cond = this.emit('ge', [found, new Constant(0, 'int')], ex);
    } else {
      const len = this.emit('getattr', [it, new Constant('length')], ex, 'length', 'len');
      cond = this.emit('lt', [pos, len], ex);
    }
    const { t, f } = this.branch(cond, ex);
    this.enter(f);
    this.jump(exit);
    this.enter(t);
    let item: Value;
    if (mapMode) {
      const found = this.env.get(foundKey)!;
      this.env.delete(foundKey);
      // dict_next gave the position after the entry found at or after pos
      item = this.emit(mapMode === 'keys' ? 'dict_key' : 'dict_value', [this.env.get(itKey)!, this.env.get(posKey)!], ex, null, 'item');
      this.env.set(posKey, found);
    } else {
      const at = this.env.get(posKey)!;
      item = this.emit('getitem', [this.env.get(itKey)!, at], ex, null, 'item');
      this.env.set(posKey, this.emit('add', [at, new Constant(1, 'int')], ex));
    }
    this.env.set(varSym, item);
    const cont = new Join();
    this.loopBody(s.statement, label, exit, cont);
    this.jump(cont);
    this.materialize(cont);
    this.jumpToHeader(h);
    this.materialize(exit);
    if (this.cur) for (const k of [itKey, posKey, foundKey]) this.env.delete(k);
    this.dropScope(outer);
  }

  private isMapType(e: ts.Expression): boolean {
    const t = this.checker.getTypeAtLocation(e);
    return t.getSymbol()?.getName() === 'Map';
  }

  private returnStatement(s: ts.ReturnStatement): void {
    let v: Value = new Constant(undefined);
    if (s.expression) {
      v = this.expr(s.expression, this.fd.decl?.type ?? null);
      if (!this.cur) return;
    }
    if (this.fd.kind === 'ctor') v = new Constant(null);
    // run enclosing finally blocks, innermost first
    const resKey = Symbol('retval');
    this.env.set(resKey, v);
    this.unwindTo(0);
    if (!this.cur) return;
    this.cur.closeWith([new Link([this.env.get(resKey)!], this.graph.returnblock)]);
    this.cur = null;
  }

  /** Runs the finally bodies of the tries above `depth` (for return/break/continue). */
  private unwindTo(depth: number): void {
    const saved = this.tries;
    for (let i = saved.length - 1; i >= depth && this.cur; i--) {
      const fin = saved[i].finallyBody;
      if (fin) {
        this.tries = saved.slice(0, i);
        this.statement(fin);
      }
    }
    this.tries = saved;
  }

  private breakContinue(s: ts.BreakStatement | ts.ContinueStatement): void {
    const label = s.label?.text ?? null;
    const isBreak = ts.isBreakStatement(s);
    for (let i = this.loops.length - 1; i >= 0; i--) {
      const l = this.loops[i];
      if (label !== null ? l.label === label : isBreak || l.continueJoin) {
        if (!isBreak && !l.continueJoin) this.err(s, `continue ${label} does not name a loop`);
        this.unwindTo(l.tryDepth);
        this.jump(isBreak ? l.breakJoin : l.continueJoin!);
        return;
      }
    }
    this.err(s, `${isBreak ? 'break' : 'continue'} outside a loop`);
  }

  private throwStatement(s: ts.ThrowStatement): void {
    const v = this.expr(s.expression);
    if (!this.cur) return;
    this.raise(v);
  }

  private raise(v: Value): void {
    if (this.tries.length) {
      const excKey = EXC;
      this.env.set(excKey, v);
      const j = this.tries[this.tries.length - 1].handler;
      const link = new Link([], FlowBuilder.PLACEHOLDER);
      j.incoming.push({ link, env: new Map(this.env) });
      this.env.delete(excKey);
      this.cur!.closeWith([link]);
    } else {
      this.cur!.closeWith([new Link([v], this.graph.exceptblock)]);
    }
    this.cur = null;
  }

  private tryStatement(s: ts.TryStatement): void {
    const fin = s.finallyBlock ?? null;
    const end = new Join();
    const handler = new Join();
    const finExc = fin ? new Join() : null;
    // try body
    this.tries.push({ handler: s.catchClause ? handler : finExc!, finallyBody: fin });
    this.statement(s.tryBlock);
    this.tries.pop();
    if (this.cur && fin) this.statement(fin);
    this.jump(end);
    // catch clause
    if (s.catchClause) {
      this.materialize(handler);
      if (this.cur) {
        const exc = this.env.get(EXC)!;
        this.env.delete(EXC);
        const d = s.catchClause.variableDeclaration;
        const e = this.emit('caught', [exc], s.catchClause, null, 'e');
        if (d) {
          if (!ts.isIdentifier(d.name)) this.err(d, 'destructuring in catch');
          this.env.set(this.symbolOf(d.name), e);
        }
        const outer = new Map(this.env);
        if (fin) this.tries.push({ handler: finExc!, finallyBody: fin });
        this.statement(s.catchClause.block);
        if (fin) this.tries.pop();
        this.dropScope(outer);
        if (d && this.cur) this.env.delete(this.symbolOf(d.name));
        if (this.cur && fin) this.statement(fin);
        this.jump(end);
      }
    }
    // finally after an exception: run it, then re-raise
    if (finExc) {
      this.materialize(finExc);
      if (this.cur) {
        const exc = this.env.get(EXC)!;
        this.env.delete(EXC);
        const keep = Symbol('pending');
        this.env.set(keep, exc);
        this.statement(fin!);
        if (this.cur) {
          const v = this.env.get(keep)!;
          this.env.delete(keep);
          this.raise(v);
        }
      }
    }
    this.materialize(end);
  }

  private switchStatement(s: ts.SwitchStatement, label: string | null): void {
    const disc = this.expr(s.expression);
    if (!this.cur) return;
    const discKey = Symbol('switch');
    this.env.set(discKey, disc);
    const clauses = s.caseBlock.clauses;
    const bodies = clauses.map(() => new Join());
    const exit = new Join();
    let defaultIdx = clauses.findIndex((c) => ts.isDefaultClause(c));
    // all cases int constants (opcodes, enums): one multi-way exit, a C switch (a jump table)
    const consts = clauses.map((c) => (ts.isDefaultClause(c) ? null : this.constCase(c.expression)));
    if (disc instanceof Variable && clauses.length > 2 && consts.every((k, i) => ts.isDefaultClause(clauses[i]) || (k !== null && Number.isInteger(k)))) {
      const links: Link[] = [];
      const seen = new Set<number>();
      clauses.forEach((c, i) => {
        const k = consts[i];
        if (k === null || seen.has(k)) return; // JS takes the first matching case
        seen.add(k);
        const l = this.linkToJoin(bodies[i]);
        l.exitcase = k;
        links.push(l);
      });
      const dl = this.linkToJoin(defaultIdx >= 0 ? bodies[defaultIdx] : exit);
      dl.exitcase = 'default';
      links.push(dl);
      this.cur.closeWith(links, disc);
      this.cur = null;
    }
    clauses.forEach((c, i) => {
      if (ts.isDefaultClause(c) || !this.cur) return;
      const v = this.expr(c.expression);
      if (!this.cur) return;
      const cond = this.emit('eq', [this.env.get(discKey)!, v], c.expression);
      const { t, f } = this.branch(cond, c.expression);
      this.enter(t);
      this.jump(bodies[i]);
      this.enter(f);
    });
    this.jump(defaultIdx >= 0 ? bodies[defaultIdx] : exit);
    this.loops.push({ label, breakJoin: exit, continueJoin: null, tryDepth: this.tries.length });
    clauses.forEach((c, i) => {
      // fall-through: the previous body (if still live) continues into this one
      const fallthrough = this.cur;
      if (fallthrough) this.jump(bodies[i]);
      this.materialize(bodies[i]);
      if (this.cur) this.statements(c.statements);
    });
    this.loops.pop();
    this.jump(exit);
    this.materialize(exit);
    if (this.cur) this.env.delete(discKey);
  }

  /** The value of a case label that is a load-time number (literal, enum member, module const), else null. */
  private constCase(e: ts.Expression): number | null {
    if (ts.isParenthesizedExpression(e)) return this.constCase(e.expression);
    if (ts.isNumericLiteral(e)) return Number(e.text);
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand)) return -Number(e.operand.text);
    let v: unknown = null;
    if (ts.isIdentifier(e)) {
      const sym = this.checker.getSymbolAtLocation(e);
      if (sym && this.env.has(sym)) return null;
      const g = this.global(e, this.resolved(e));
      v = g instanceof Constant ? g.value : null;
    } else if (ts.isPropertyAccessExpression(e)) {
      const g = this.staticMember(e);
      v = g instanceof Constant ? g.value : null;
    }
    return typeof v === 'number' ? v : null;
  }

  private labeled(s: ts.LabeledStatement): void {
    const label = s.label.text;
    const st = s.statement;
    if (ts.isWhileStatement(st)) return this.whileLoop(st, label);
    if (ts.isDoStatement(st)) return this.doLoop(st, label);
    if (ts.isForStatement(st)) return this.forLoop(st, label);
    if (ts.isForOfStatement(st)) return this.forOf(st, label);
    if (ts.isSwitchStatement(st)) return this.switchStatement(st, label);
    const exit = new Join();
    this.loops.push({ label, breakJoin: exit, continueJoin: null, tryDepth: this.tries.length });
    this.statement(st);
    this.loops.pop();
    this.jump(exit);
    this.materialize(exit);
  }

  // ---- expressions ---------------------------------------------------------------

  /**
   * Evaluates an expression. `declared` is the TS type the value flows into (a declaration,
   * a parameter), so that numeric literals take its int/float kind.
   */
  expr(e: ts.Expression, declared: ts.TypeNode | null = null): Value {
    const v = this.exprInner(e);
    if (v instanceof Constant && typeof v.value === 'number' && declared) {
      const t = declared.getText();
      if (t === 'float') return new Constant(v.value, 'float');
      if (t === 'int' && Number.isInteger(v.value)) return new Constant(v.value, 'int', true);
    }
    return v;
  }

  private exprInner(e: ts.Expression): Value {
    this.loc(e);
    switch (e.kind) {
      case ts.SyntaxKind.NumericLiteral:
        return new Constant(Number((e as ts.NumericLiteral).text), numKindOfLiteral(e.getText()));
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
        return new Constant((e as ts.StringLiteral).text);
      case ts.SyntaxKind.TrueKeyword:
        return new Constant(true);
      case ts.SyntaxKind.FalseKeyword:
        return new Constant(false);
      case ts.SyntaxKind.NullKeyword:
        return new Constant(null);
      case ts.SyntaxKind.ThisKeyword: {
        const t = this.env.get(THIS);
        if (!t) this.err(e, "'this' outside a method");
        return t;
      }
    }
    if (ts.isParenthesizedExpression(e)) return this.exprInner(e.expression);
    if (ts.isAsExpression(e) || ts.isTypeAssertionExpression(e)) return this.asExpr(e);
    if (ts.isNonNullExpression(e)) {
      const v = this.expr(e.expression);
      return this.cur ? this.emit('nonnull', [v], e) : v;
    }
    if (ts.isIdentifier(e)) return this.identifier(e);
    if (ts.isPropertyAccessExpression(e)) return this.propertyAccess(e);
    if (ts.isElementAccessExpression(e)) {
      const o = this.expr(e.expression);
      const i = this.expr(e.argumentExpression);
      if (!this.cur) return o;
      const t = this.checker.getTypeAtLocation(e.expression);
      if (!this.checker.isArrayType(t) && !(t.flags & ts.TypeFlags.StringLike)) this.err(e, `'${e.expression.getText()}[...]' indexes a value that is not a list or string`, 'E_DYNAMIC_PROP');
      return this.narrow(e, this.emit('getitem', [o, i], e));
    }
    if (ts.isCallExpression(e)) return this.call(e);
    if (ts.isNewExpression(e)) return this.newExpr(e);
    if (ts.isArrayLiteralExpression(e)) {
      const items: Value[] = [];
      for (const it of e.elements) {
        if (ts.isSpreadElement(it)) this.err(it, 'spread');
        items.push(this.expr(it, elemTypeOf(this.contextualTypeNode(e))));
        if (!this.cur) return items[0];
      }
      const ctx = this.contextualTypeNode(e);
      return this.emit('newlist', items, e, ctx ? typeSeed(ctx) : null, 'list');
    }
    if (ts.isBinaryExpression(e)) return this.binary(e);
    if (ts.isPrefixUnaryExpression(e)) return this.prefix(e);
    if (ts.isPostfixUnaryExpression(e)) return this.incdec(e.operand, e.operator === ts.SyntaxKind.PlusPlusToken ? 'add' : 'sub', true, e);
    if (ts.isConditionalExpression(e)) return this.conditional(e);
    if (ts.isTemplateExpression(e)) {
      let acc: Value = new Constant(e.head.text);
      for (const span of e.templateSpans) {
        const v = this.expr(span.expression);
        if (!this.cur) return acc;
        const s = this.emit('str', [v], span.expression);
        acc = this.emit('add', [acc, s], span);
        if (span.literal.text) acc = this.emit('add', [acc, new Constant(span.literal.text)], span);
      }
      return acc;
    }
    if (ts.isObjectLiteralExpression(e)) this.err(e, 'object literals are not RTS; use a class');
    if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) this.err(e, 'closures (arrow functions and function expressions) are not RTS; use a class with a method');
    if (ts.isSpreadElement(e)) this.err(e, 'spread');
    if (ts.isTypeOfExpression(e)) this.err(e, 'typeof at run time is reflection; use instanceof on classes');
    if (ts.isDeleteExpression(e)) this.err(e, 'delete', 'E_DYNAMIC_PROP');
    if (ts.isVoidExpression(e)) this.err(e, 'void');
    this.err(e, `expression ${ts.SyntaxKind[e.kind]}`);
  }

  private contextualTypeNode(e: ts.Expression): ts.TypeNode | null {
    const p = e.parent;
    if (p && (ts.isVariableDeclaration(p) || ts.isPropertyDeclaration(p) || ts.isParameter(p)) && p.type) return p.type;
    return null;
  }

  private asExpr(e: ts.AsExpression | ts.TypeAssertion): Value {
    const v = this.expr(e.expression, e.type);
    if (!this.cur) return v;
    // `null as unknown as T` only retypes null, which RTS allows anyway; any other cast through any/unknown is not RTS
    const isNull = (x: ts.Expression): boolean => (ts.isParenthesizedExpression(x) ? isNull(x.expression) : x.kind === ts.SyntaxKind.NullKeyword || (ts.isAsExpression(x) && isNull(x.expression)));
    if ((e.type.kind === ts.SyntaxKind.AnyKeyword || e.type.kind === ts.SyntaxKind.UnknownKeyword) && !isNull(e.expression)) this.err(e, `cast to '${e.type.getText()}'`, 'E_ANY');
    const t = this.checker.getTypeFromTypeNode(e.type);
    const cls = this.classOfType(t, e);
    if (cls) return this.emit('downcast', [v], e, cls);
    return v;
  }

  private classOfType(t: ts.Type, node: ts.Node): ClassDesc | null {
    const decl = t.getSymbol()?.valueDeclaration ?? t.getSymbol()?.declarations?.[0];
    if (decl && this.prog.classesByDecl.has(decl)) return this.generic(node, () => this.prog.generics.classOf(t, this.fd.env));
    if (t.getSymbol()?.getName() === 'Error' && decl?.getSourceFile().isDeclarationFile) return this.prog.errorClass;
    return null;
  }

  /** Runs an instantiation of a generic, placing its errors at `node`. */
  private generic<T>(node: ts.Node, f: () => T): T {
    try {
      return f();
    } catch (e) {
      throw e instanceof RtsError ? e.at(this.loc(node)) : e;
    }
  }

  /** The instantiation of a generic function a call resolves to. */
  private callee(fd: FunctionDesc, e: ts.CallExpression): FunctionDesc {
    return isGenericFunction(fd) ? this.generic(e, () => this.prog.generics.functionAt(fd, e, this.fd.env)) : fd;
  }

  /** Makes tsc's narrowing explicit: a downcast or non-null assertion where the use site's type is narrower. */
  private narrow(node: ts.Expression, v: Value): Value {
    if (!this.cur || v instanceof Constant) return v;
    const narrowed = this.checker.getTypeAtLocation(node);
    if (narrowed.flags & ts.TypeFlags.Union) return v;
    const cls = this.classOfType(narrowed, node);
    if (!cls) return v;
    return this.emit('downcast', [v], node, cls, v instanceof Variable ? v.name : 'cast');
  }

  private identifier(e: ts.Identifier): Value {
    const g = GLOBAL_CONSTS.get(e.text);
    const sym = this.checker.getSymbolAtLocation(e);
    // a fresh Constant each time: later stages decorate constants
    if (g && (!sym || sym.valueDeclaration?.getSourceFile().isDeclarationFile || !sym.valueDeclaration)) return new Constant(g.value, g.numKind);
    if (!sym) this.err(e, `cannot resolve '${e.text}'`);
    const local = this.env.get(sym);
    if (local) return this.narrow(e, local);
    const rs = this.resolved(e);
    const gl = this.global(e, rs);
    if (gl instanceof Constant || gl instanceof Variable) return gl;
    if (gl instanceof FunctionDesc) this.err(e, `function '${e.text}' used as a value; RTS has no first-class functions (use a class with a method)`);
    if (gl instanceof ClassDesc && ts.isPropertyAccessExpression(e.parent) && e.parent.expression === e)
      // reads of static members were folded to their load-time values; only writes get here
      this.err(e.parent, `'${e.parent.getText()}' changed: a static field is a constant in RTS (its value when the program is loaded); keep state that changes in a field of an object, e.g. a module-level const holding an instance`);
    if (gl instanceof ClassDesc || gl instanceof EnumDesc) this.err(e, `'${e.text}' used as a value`);
    if (gl === 'builtin') this.err(e, `builtin '${e.text}' used as a value`);
    const decl = sym.valueDeclaration;
    if (decl && ts.isVariableDeclaration(decl)) this.err(e, `'${e.text}' is used before it is assigned, or is captured from an enclosing function (closures are not RTS)`);
    this.err(e, `cannot resolve '${e.text}'`);
  }

  /** `x.f` where x is a namespace, class, enum or builtin global, if so. */
  private staticMember(e: ts.PropertyAccessExpression): Value | FunctionDesc | 'builtin' | null {
    const name = e.name.text;
    const base = e.expression;
    if (ts.isIdentifier(base) && !this.env.has(this.checker.getSymbolAtLocation(base) ?? THIS)) {
      if (base.text === 'Math' && name in MATH_CONSTS) return new Constant(MATH_CONSTS[name], 'float');
      if (base.text === 'Number' && name in NUMBER_CONSTS) return new Constant(NUMBER_CONSTS[name][0], NUMBER_CONSTS[name][1]);
      const bsym = this.resolved(base);
      const bdecl = bsym?.valueDeclaration ?? bsym?.declarations?.[0];
      if (bsym && bsym.flags & ts.SymbolFlags.ValueModule && bdecl && ts.isSourceFile(bdecl)) {
        // import * as ns / export * as ns
        const msym = this.resolved(e.name);
        const g = this.global(e, msym);
        if (g === null || g === 'builtin' || g instanceof ClassDesc || g instanceof EnumDesc) this.err(e, `'${e.getText()}' is not a function or constant of the module`);
        return g;
      }
      if (bsym && bsym.flags & ts.SymbolFlags.Alias) {
        const real = this.resolved(base);
        void real;
      }
      const g = this.global(base, bsym);
      if (g instanceof ClassDesc || g instanceof EnumDesc) return this.memberOf(e, g);
      if (g === 'builtin' && BUILTIN_GLOBALS.has(base.text)) return 'builtin';
    }
    // lib.C.f, lib.E.m: a class or enum of a namespace import
    if (ts.isPropertyAccessExpression(base)) {
      const g = this.classRef(base);
      if (g instanceof ClassDesc || g instanceof EnumDesc) return this.memberOf(e, g);
    }
    return null;
  }

  /** `C.f` or `E.m`: a static method, a static constant or an enum member. */
  private memberOf(e: ts.PropertyAccessExpression, g: ClassDesc | EnumDesc): Value | FunctionDesc {
    const name = e.name.text;
    if (g instanceof EnumDesc) {
      const v = g.runtime[name];
      if (typeof v !== 'number') this.err(e, `enum member ${g.name}.${name} must be a number`);
      return new Constant(v, Number.isInteger(v) ? 'int' : 'float');
    }
    const st = g.statics.get(name);
    if (st) return st;
    const rt = (g.runtime as Record<string, unknown>)[name];
    if (rt === undefined) this.err(e, `class ${g.sourceName()} has no static member '${name}'`, 'E_DYNAMIC_PROP');
    const decl = g.decl?.members.find((m) => m.name && ts.isIdentifier(m.name) && m.name.text === name) as ts.PropertyDeclaration | undefined;
    let kind: 'int' | 'float' | null = null;
    if (typeof rt === 'number') {
      const t = decl?.type?.getText();
      kind = t === 'float' ? 'float' : t === 'int' ? 'int' : decl?.initializer && ts.isNumericLiteral(decl.initializer) ? numKindOfLiteral(decl.initializer.getText()) : Number.isInteger(rt) ? 'int' : 'float';
    }
    const c = new Constant(rt, kind);
    if (rt !== null && typeof rt === 'object') constOrigin.set(c, { cls: g.name, name });
    return c;
  }

  private propertyAccess(e: ts.PropertyAccessExpression): Value {
    if (e.questionDotToken) this.err(e, 'optional chaining');
    if (ts.isPrivateIdentifier(e.name)) this.err(e, 'private (#) names');
    const st = this.staticMember(e);
    if (st instanceof Constant || st instanceof Variable) return st;
    if (st instanceof FunctionDesc) this.err(e, `function '${e.getText()}' used as a value; RTS has no first-class functions`);
    if (st === 'builtin') this.err(e, `'${e.getText()}' is not supported`);
    if (e.expression.kind === ts.SyntaxKind.SuperKeyword) this.err(e, 'super.field: fields are read with this.field');
    const o = this.expr(e.expression);
    if (!this.cur) return o;
    return this.narrow(e, this.emit('getattr', [o, new Constant(e.name.text)], e, e.name.text, e.name.text));
  }

  private args(node: ts.CallExpression | ts.NewExpression, params: readonly ts.ParameterDeclaration[] | null, classArgs = false): Value[] | null {
    const out: Value[] = [];
    const given = node.arguments ?? ts.factory.createNodeArray();
    for (let i = 0; i < given.length; i++) {
      const a = given[i];
      if (ts.isSpreadElement(a)) this.err(a, 'spread arguments');
      if (classArgs && ts.isIdentifier(a)) {
        // rlib's layout primitives take a class (castRef(r, C), offsetOf(C, 'f')): a constant
        const c = this.global(a, this.resolved(a));
        if (c instanceof ClassDesc) {
          out.push(new Constant(c));
          continue;
        }
      }
      out.push(this.expr(a, params?.[i]?.type ?? null));
      if (!this.cur) return null;
    }
    if (params) {
      for (let i = given.length; i < params.length; i++) {
        const p = params[i];
        if (!p.initializer) break;
        const d = p.initializer;
        let v: Value;
        if (ts.isNumericLiteral(d)) v = new Constant(Number(d.text), p.type?.getText() === 'float' ? 'float' : numKindOfLiteral(d.getText()));
        else if (ts.isPrefixUnaryExpression(d) && d.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(d.operand))
          v = new Constant(-Number(d.operand.text), p.type?.getText() === 'float' ? 'float' : numKindOfLiteral(d.operand.getText()));
        else if (ts.isStringLiteral(d) || ts.isNoSubstitutionTemplateLiteral(d)) v = new Constant(d.text);
        else if (d.kind === ts.SyntaxKind.TrueKeyword || d.kind === ts.SyntaxKind.FalseKeyword) v = new Constant(d.kind === ts.SyntaxKind.TrueKeyword);
        else if (d.kind === ts.SyntaxKind.NullKeyword) v = new Constant(null);
        else {
          // a module-level const, static readonly or enum member is as constant as a literal
          const g = ts.isIdentifier(d) ? this.global(d, this.resolved(d)) : ts.isPropertyAccessExpression(d) ? this.staticMember(d) : null;
          if (!(g instanceof Constant))
            this.err(d, `default value '${d.getText()}' of parameter '${p.name.getText()}': a default must be a literal or a module-level constant (const X = ..., a static readonly or an enum member); compute it in the body instead (pass null and test for it)`, 'E_ARGS');
          v = g;
        }
        out.push(v);
      }
    }
    return out;
  }

  private calleeParams(e: ts.CallExpression | ts.NewExpression): readonly ts.ParameterDeclaration[] | null {
    const sig = this.checker.getResolvedSignature(e);
    const d = sig?.declaration;
    if (d && !ts.isJSDocSignature(d) && 'parameters' in d && !d.getSourceFile().isDeclarationFile) return d.parameters;
    return null;
  }

  /**
   * The parameters a method call fills defaults from: the longest declaration of the method
   * in the class chain of the resolved one, since an override may leave out a base's trailing
   * defaulted parameters and still be called through the base. Defaults are filled at the call
   * site, so overrides must agree on them.
   */
  private methodParams(e: ts.CallExpression, name: string): readonly ts.ParameterDeclaration[] | null {
    const own = this.calleeParams(e);
    const d = this.checker.getResolvedSignature(e)?.declaration;
    const cls = d && d.parent && ts.isClassDeclaration(d.parent) ? this.prog.classesByDecl.get(d.parent) : undefined;
    if (!own || !cls) return own;
    const declsOf = (c: ClassDesc): ts.MethodDeclaration[] =>
      [...(c.decl?.members ?? [])].filter((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && ts.isIdentifier(m.name) && m.name.text === name);
    let best = own;
    for (const c of cls.ancestors()) for (const m of declsOf(c)) if (m.parameters.length > best.length) best = m.parameters;
    const given = e.arguments.length;
    for (const c of cls.descendants()) {
      for (const m of declsOf(c)) {
        for (let i = given; i < Math.min(best.length, m.parameters.length); i++) {
          const a = best[i].initializer;
          const b = m.parameters[i].initializer;
          const pn = m.parameters[i].name.getText();
          // on Node the override would see undefined where the translation passes the default
          if (a && !b && !m.parameters[i].questionToken)
            throw new RtsError('E_ARGS', `${c.sourceName()}.${name}() declares parameter '${pn}' without a default, but a call at ${formatLoc(this.loc(e))} leaves it out and RTS fills in ${a.getText()} (the base's default) where JS would pass undefined: give the override the same default (${m.parameters[i].getText()} = ${a.getText()}), or leave the parameter out of the override`, locOf(m.parameters[i], c.module!));
          if (a && b && a.getText() !== b.getText())
            throw new RtsError('E_ARGS', `${c.sourceName()}.${name}() gives parameter '${m.parameters[i].name.getText()}' the default ${b.getText()}, but a call at ${formatLoc(this.loc(e))} fills in ${a.getText()}: RTS fills defaults at the call site, so overrides must declare the same default`, locOf(b, c.module!));
        }
      }
    }
    return best;
  }

  private call(e: ts.CallExpression): Value {
    const callee = e.expression;
    if (e.questionDotToken) this.err(e, 'optional call');
    if (callee.kind === ts.SyntaxKind.SuperKeyword) {
      const cls = this.fd.cls;
      if (!cls?.base || this.fd.kind !== 'ctor') this.err(e, 'super() outside a derived constructor');
      const args = this.args(e, this.calleeParams(e));
      if (!args) return new Constant(null);
      const baseCtorParams = ctorParamCount(cls.base);
      while (args.length < baseCtorParams && cls.base === this.prog.errorClass) args.push(new Constant(''));
      this.emitRaising('simple_call', [new Constant(cls.base.ctor), this.env.get(THIS)!, ...args], e);
      this.fieldInits(cls);
      return new Constant(undefined);
    }
    if (ts.isIdentifier(callee)) {
      const sym = this.checker.getSymbolAtLocation(callee);
      if (sym && this.env.has(sym)) this.err(e, `'${callee.text}' is a local value, not a function`);
      const gl = this.global(callee, this.resolved(callee));
      const g = gl instanceof FunctionDesc ? this.callee(gl, e) : gl;
      if (g instanceof FunctionDesc) {
        const args = this.args(e, g.decl?.parameters ?? null, g.primitive !== null);
        if (!args) return new Constant(null);
        return this.narrow(e, this.emitRaising('simple_call', [new Constant(g), ...args], e));
      }
      if (g === 'builtin' && BUILTIN_FUNCS.has(callee.text)) {
        const args = this.args(e, null);
        if (!args) return new Constant(null);
        return this.emitRaising('call_builtin', args, e, callee.text);
      }
      this.err(e, `cannot call '${callee.text}'`);
    }
    if (ts.isPropertyAccessExpression(callee)) {
      const name = callee.name.text;
      if (callee.expression.kind === ts.SyntaxKind.SuperKeyword) {
        const base = this.fd.cls?.base;
        const found = base?.lookupMethod(name);
        if (!found) this.err(e, `super.${name}: no such method in a base class`);
        const target = this.callee(found, e);
        const args = this.args(e, target.decl?.parameters ?? null);
        if (!args) return new Constant(null);
        return this.narrow(e, this.emitRaising('simple_call', [new Constant(target), this.env.get(THIS)!, ...args], e));
      }
      const sm = this.staticMember(callee);
      const st = sm instanceof FunctionDesc ? this.callee(sm, e) : sm;
      if (st instanceof FunctionDesc) {
        const args = this.args(e, st.decl?.parameters ?? null);
        if (!args) return new Constant(null);
        return this.narrow(e, this.emitRaising('simple_call', [new Constant(st), ...args], e));
      }
      if (st === 'builtin') {
        const args = this.args(e, null);
        if (!args) return new Constant(null);
        return this.emitRaising('call_builtin', args, e, `${(callee.expression as ts.Identifier).text}.${name}`);
      }
      if (st) this.err(e, `'${callee.getText()}' is not callable`);
      const obj = this.expr(callee.expression);
      if (!this.cur) return obj;
      const args = this.args(e, this.methodParams(e, name));
      if (!args) return new Constant(null);
      return this.narrow(e, this.emitRaising('call_method', [obj, ...args], e, name));
    }
    this.err(e, 'indirect call: RTS calls functions and methods by name');
  }

  /** What a class-position expression names: `C`, or `ns.C` through `import * as ns`. */
  private classRef(e: ts.Expression): Value | FunctionDesc | ClassDesc | EnumDesc | 'builtin' | null {
    if (ts.isIdentifier(e)) return this.global(e, this.resolved(e));
    if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && !this.env.has(this.checker.getSymbolAtLocation(e.expression) ?? THIS)) {
      const bsym = this.resolved(e.expression);
      const bdecl = bsym?.valueDeclaration ?? bsym?.declarations?.[0];
      if (bsym && bsym.flags & ts.SymbolFlags.ValueModule && bdecl && ts.isSourceFile(bdecl)) return this.global(e, this.resolved(e.name));
    }
    return null;
  }

  private newExpr(e: ts.NewExpression): Value {
    const g = this.classRef(e.expression);
    if (g === null && !ts.isIdentifier(e.expression)) this.err(e, `new ${e.expression.getText()}: RTS creates objects of a class named directly (new C()) or through a namespace import (new lib.C())`);
    const name = e.expression.getText();
    if (g === 'builtin' && name === 'Map') {
      const t = e.typeArguments?.length === 2 ? e : this.contextualTypeNode(e);
      return this.emit('newdict', [], e, t ? typeSeed(t) : null, 'map');
    }
    // its holes are undefined, which no RTS list item type holds
    if (g === 'builtin' && name === 'Array') this.err(e, `${e.getText()}: an array with holes has no RTS type; start from [] and push the items (const xs: T[] = []; for (...) xs.push(v))`);
    let cls: ClassDesc | null = g instanceof ClassDesc ? g : null;
    if (g === 'builtin' && name === 'Error') cls = this.prog.errorClass;
    if (!cls) this.err(e, `'${name}' is not an RTS class`);
    if (isGenericClass(cls)) {
      const tpl = cls;
      cls = this.generic(e, () => this.prog.generics.classOf(this.checker.getTypeAtLocation(e), this.fd.env) ?? tpl);
    }
    if (cls.isAbstract) this.err(e, `cannot instantiate abstract class ${cls.name}`);
    const args = this.args(e, cls.ctor.decl?.parameters ?? (cls === this.prog.errorClass ? null : this.calleeParams(e)));
    if (!args) return new Constant(null);
    if (cls === this.prog.errorClass && args.length === 0) args.push(new Constant(''));
    return this.emitRaising('new', args, e, cls);
  }

  private binary(e: ts.BinaryExpression): Value {
    const k = e.operatorToken.kind;
    if (k === ts.SyntaxKind.EqualsToken) return this.assignment(e.left, e.right, e);
    const compound = COMPOUND[k];
    if (compound !== undefined) {
      return this.update(e.left, e, (old) => {
        const r = this.expr(e.right, this.declaredTypeOf(e.left));
        return this.cur ? this.emit(BINOPS[compound]!, [old, r], e) : r;
      });
    }
    if (k === ts.SyntaxKind.AmpersandAmpersandToken || k === ts.SyntaxKind.BarBarToken || k === ts.SyntaxKind.QuestionQuestionToken)
      return this.shortCircuit(e);
    if (k === ts.SyntaxKind.InstanceOfKeyword) {
      const v = this.expr(e.left);
      if (!this.cur) return v;
      const g = this.classRef(e.right);
      let cls = g instanceof ClassDesc ? g : null;
      if (g === 'builtin' && (e.right as ts.Identifier).text === 'Error') cls = this.prog.errorClass;
      if (!cls) this.err(e.right, 'instanceof needs an RTS class');
      if (isGenericClass(cls)) {
        // the instantiation the test narrows to, as tsc sees it on the left side
        const narrowed = this.checker.getTypeAtLocation(e.left);
        const inst = this.generic(e, () => this.prog.generics.classOf(narrowed, this.fd.env));
        if (!inst || inst.template !== cls)
          this.err(e, `instanceof generic class ${cls.name}: RTS cannot tell which instantiation is meant here; test a non-generic subclass (class IntBox extends ${cls.name}<int> {}) or declare the left side as ${cls.name}<...>`);
        cls = inst;
      }
      return this.emit('isinstance', [v], e, cls);
    }
    if (k === ts.SyntaxKind.CommaToken) this.err(e, 'the comma operator');
    if (k === ts.SyntaxKind.InKeyword) this.err(e, "'in' is reflection; use Map.has", 'E_DYNAMIC_PROP');
    const op = BINOPS[k];
    if (!op) this.err(e, `operator ${ts.tokenToString(k)}`);
    if ((k === ts.SyntaxKind.EqualsEqualsToken || k === ts.SyntaxKind.ExclamationEqualsToken) && e.right.kind !== ts.SyntaxKind.NullKeyword && e.left.kind !== ts.SyntaxKind.NullKeyword)
      this.err(e, `'${ts.tokenToString(k)}' coerces; use '${ts.tokenToString(k)}='`);
    const l = this.expr(e.left);
    if (!this.cur) return l;
    const r = this.expr(e.right);
    if (!this.cur) return r;
    return this.emit(op, [l, r], e);
  }

  private declaredTypeOf(target: ts.Expression): ts.TypeNode | null {
    const sym = ts.isIdentifier(target) || ts.isPropertyAccessExpression(target) ? this.checker.getSymbolAtLocation(ts.isIdentifier(target) ? target : target.name) : undefined;
    const d = sym?.valueDeclaration;
    if (d && (ts.isVariableDeclaration(d) || ts.isPropertyDeclaration(d) || ts.isParameter(d))) return d.type ?? null;
    return null;
  }

  /** `target = rhs` in JS order: the target's object and index first, then the value. */
  private assignment(target: ts.Expression, rhs: ts.Expression, node: ts.Node): Value {
    if (ts.isParenthesizedExpression(target)) return this.assignment(target.expression, rhs, node);
    if (ts.isPropertyAccessExpression(target)) {
      const o = this.expr(target.expression);
      if (!this.cur) return o;
      const v = this.expr(rhs, this.declaredTypeOf(target));
      if (!this.cur) return v;
      this.emit('setattr', [o, new Constant(target.name.text), v], node, target.name.text);
      return v;
    }
    if (ts.isElementAccessExpression(target)) {
      const o = this.expr(target.expression);
      if (!this.cur) return o;
      const i = this.expr(target.argumentExpression);
      if (!this.cur) return i;
      const v = this.expr(rhs, this.declaredTypeOf(target));
      if (!this.cur) return v;
      this.emit('setitem', [o, i, v], node);
      return v;
    }
    return this.assign(target, this.expr(rhs, this.declaredTypeOf(target)), node);
  }

  private assign(target: ts.Expression, v: Value, node: ts.Node): Value {
    if (!this.cur) return v;
    if (ts.isIdentifier(target)) {
      const sym = this.symbolOf(target);
      if (!this.env.has(sym)) {
        const d = sym.valueDeclaration;
        if (d && ts.isVariableDeclaration(d) && ts.isSourceFile(d.parent.parent.parent)) this.err(target, `assignment to module-level '${target.text}'`, 'E_MODULE_LET');
        this.err(target, `assignment to '${target.text}', which is not a local of this function (closures are not RTS)`);
      }
      this.env.set(sym, v);
      return v;
    }
    if (ts.isPropertyAccessExpression(target)) {
      const o = this.expr(target.expression);
      if (!this.cur) return v;
      this.emit('setattr', [o, new Constant(target.name.text), v], node, target.name.text);
      return v;
    }
    if (ts.isElementAccessExpression(target)) {
      const o = this.expr(target.expression);
      const i = this.expr(target.argumentExpression);
      if (!this.cur) return v;
      this.emit('setitem', [o, i, v], node);
      return v;
    }
    if (ts.isParenthesizedExpression(target)) return this.assign(target.expression, v, node);
    this.err(target, 'assignment target (destructuring?)');
  }

  /** Read-modify-write of a local, field or item; `compute` gets the old value. */
  private update(target: ts.Expression, node: ts.Node, compute: (old: Value) => Value): Value {
    if (ts.isIdentifier(target)) {
      const old = this.identifier(target);
      const nv = compute(old);
      return this.assign(target, nv, node);
    }
    if (ts.isPropertyAccessExpression(target)) {
      const o = this.expr(target.expression);
      if (!this.cur) return o;
      const old = this.emit('getattr', [o, new Constant(target.name.text)], target, target.name.text);
      const nv = compute(old);
      if (this.cur) this.emit('setattr', [o, new Constant(target.name.text), nv], node, target.name.text);
      return nv;
    }
    if (ts.isElementAccessExpression(target)) {
      const o = this.expr(target.expression);
      const i = this.expr(target.argumentExpression);
      if (!this.cur) return o;
      const old = this.emit('getitem', [o, i], target);
      const nv = compute(old);
      if (this.cur) this.emit('setitem', [o, i, nv], node);
      return nv;
    }
    if (ts.isParenthesizedExpression(target)) return this.update(target.expression, node, compute);
    this.err(target, 'update target');
  }

  private incdec(target: ts.Expression, op: 'add' | 'sub', postfix: boolean, node: ts.Node): Value {
    let before: Value = new Constant(null);
    const after = this.update(target, node, (old) => {
      before = old;
      return this.emit(op, [old, new Constant(1, 'int')], node);
    });
    return postfix ? before : after;
  }

  private prefix(e: ts.PrefixUnaryExpression): Value {
    switch (e.operator) {
      case ts.SyntaxKind.PlusPlusToken:
        return this.incdec(e.operand, 'add', false, e);
      case ts.SyntaxKind.MinusMinusToken:
        return this.incdec(e.operand, 'sub', false, e);
      case ts.SyntaxKind.MinusToken: {
        if (ts.isNumericLiteral(e.operand)) return new Constant(-Number(e.operand.text), numKindOfLiteral(e.operand.getText()));
        const v = this.expr(e.operand);
        return this.cur ? this.emit('neg', [v], e) : v;
      }
      case ts.SyntaxKind.PlusToken: {
        const v = this.expr(e.operand);
        return this.cur ? this.emit('pos', [v], e) : v;
      }
      case ts.SyntaxKind.TildeToken: {
        const v = this.expr(e.operand);
        return this.cur ? this.emit('invert', [v], e) : v;
      }
      case ts.SyntaxKind.ExclamationToken: {
        const v = this.expr(e.operand);
        return this.cur ? this.emit('not', [this.truth(v, e)], e) : v;
      }
    }
    this.err(e, 'prefix operator');
  }

  /** `a && b`, `a || b`, `a ?? b`: control flow that joins into one result value. */
  private shortCircuit(e: ts.BinaryExpression): Value {
    const k = e.operatorToken.kind;
    const l = this.expr(e.left);
    if (!this.cur) return l;
    const isNullish = k === ts.SyntaxKind.QuestionQuestionToken;
    // in a test only truthiness matters, so `ref && bool` joins two booleans (JS gives the same branch)
    const test = !isNullish && isTested(e);
    const resKey = Symbol(isNullish ? 'nullish__' : k === ts.SyntaxKind.BarBarToken ? 'or__' : 'and__');
    const end = new Join();
    this.env.set(resKey, test ? this.truth(l, e.left) : l);
    const { t, f } = this.branch(isNullish ? this.emit('is_null', [l], e) : l, e.left);
    // && evaluates the right side when the left is truthy; || when falsy; ?? when null
    const evalRight = k === ts.SyntaxKind.BarBarToken ? f : t;
    const keepLeft = k === ts.SyntaxKind.BarBarToken ? t : f;
    this.enter(keepLeft);
    if (isNullish) this.env.set(resKey, this.emit('nonnull', [this.env.get(resKey)!], e.left));
    this.jump(end);
    this.enter(evalRight);
    this.arm(e.right, resKey, end, test);
    return this.joinValue(end, resKey);
  }

  /** One arm of a value-producing join: evaluate, bind the result, jump to the join. */
  private arm(e: ts.Expression, resKey: symbol, end: Join, truth = false): void {
    const v = this.expr(e);
    if (!this.cur) return;
    this.env.set(resKey, truth ? this.truth(v, e) : v);
    this.jump(end);
  }

  /** The joined value of a `?:`, `&&`, `||` or `??`. */
  private joinValue(end: Join, resKey: symbol): Value {
    this.materialize(end);
    if (!this.cur) return new Constant(null);
    const v = this.env.get(resKey)!;
    this.env.delete(resKey);
    return v;
  }

  private conditional(e: ts.ConditionalExpression): Value {
    const c = this.expr(e.condition);
    if (!this.cur) return c;
    const resKey = Symbol('cond');
    const end = new Join();
    const { t, f } = this.branch(c, e.condition);
    this.enter(t);
    this.arm(e.whenTrue, resKey, end);
    this.enter(f);
    this.arm(e.whenFalse, resKey, end);
    return this.joinValue(end, resKey);
  }
}

/** A declared type an empty container starts from: where to find the type node again. */
export class TypeSeed {
  constructor(
    public file: string,
    public pos: number,
    public end: number,
    public node: ts.Node | null,
  ) {}
}
function typeSeed(n: ts.Node): TypeSeed {
  return new TypeSeed(n.getSourceFile().fileName, n.pos, n.end, n);
}

function keyName(k: EnvKey): string {
  if (typeof k === 'symbol') return (k.description ?? 'tmp').replace(/[^A-Za-z0-9_]/g, '_');
  return k.getName();
}

function elemTypeOf(t: ts.TypeNode | null): ts.TypeNode | null {
  if (t && ts.isArrayTypeNode(t)) return t.elementType;
  return null;
}

/** Parameter names of a class's constructor (explicit, or inherited through implicit ones). */
/** Whether only the truthiness of `e` is used: the test of an if, loop or ?:, the operand of !, or an operand of && / || that is itself tested. */
function isTested(e: ts.Expression): boolean {
  let n: ts.Node = e;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if ((ts.isIfStatement(p) || ts.isWhileStatement(p) || ts.isDoStatement(p)) && p.expression === n) return true;
  if (ts.isForStatement(p) && p.condition === n) return true;
  if (ts.isConditionalExpression(p) && p.condition === n) return true;
  if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) return true;
  if (ts.isBinaryExpression(p) && (p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || p.operatorToken.kind === ts.SyntaxKind.BarBarToken)) return isTested(p);
  return false;
}

function ctorParamNames(c: ClassDesc): string[] {
  for (let k: ClassDesc | null = c; k; k = k.base) {
    if (k.ctor?.decl) return k.ctor.decl.parameters.map((p) => (p.name as ts.Identifier).text);
    if (!k.base && !k.decl) return ['message']; // Error
  }
  return [];
}

function ctorParamCount(c: ClassDesc): number {
  return ctorParamNames(c).length;
}

export function buildFlowGraph(prog: LoadedProgram, fd: FunctionDesc): FunctionGraph {
  const g = new FlowBuilder(prog, fd).build();
  ssaToSsi(g);
  removeDeadInputs(g);
  return g;
}
