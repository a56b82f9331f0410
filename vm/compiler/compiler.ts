// Bytecode compiler: AST + symbol table -> PyCode objects.
import type { int } from '../../translate/rlib/index.ts';
import {
  K,
  Node,
  expr,
  stmt,
  pattern,
  Name,
  Constant,
  JoinedStr,
  FormattedValue,
  BinOp,
  UnaryOp,
  BoolOp,
  Compare,
  Call,
  Attribute,
  Subscript,
  Slice,
  Starred,
  Tuple,
  List,
  Set,
  Dict,
  IfExp,
  Lambda,
  ListComp,
  SetComp,
  GeneratorExp,
  DictComp,
  Yield,
  YieldFrom,
  Await,
  NamedExpr,
  Keyword,
  Comprehension,
  Arguments,
  Module,
  FunctionDef,
  ClassDef,
  Return,
  Delete,
  Assign,
  AugAssign,
  AnnAssign,
  For,
  While,
  If,
  With,
  Raise,
  Try,
  Assert,
  Import,
  ImportFrom,
  Expr,
  Match,
  MatchValue,
  MatchSingleton,
  MatchSequence,
  MatchMapping,
  MatchClass,
  MatchStar,
  MatchAs,
  MatchOr,
} from '../parser/ast.ts';
import * as A from '../parser/ast.ts';
import { ParseError, SYNTAX_WARNINGS } from '../parser/tokenizer.ts';
import { unparse } from './unparse.ts';
import { checkMatch } from './patterncheck.ts';
import { PyObject, PyStr, PyInt, PyFloat, newStr, newTuple, None, Ellipsis, True, False, newInt, mapGetInt, bigOf } from '../objects/core.ts';
import { PyCode, CO_VARARGS, CO_VARKW, CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR, CO_NAMES, maxStackDepth, packInstructions, noCaches } from './code.ts';
import { Op, AWAIT_AENTER, AWAIT_AEXIT, RERAISE_AT_RAISE, LIST_EXTEND_CALL } from './opcodes.ts';
import { SymTable, Scope, buildSymTable, S_MODULE, S_FUNC, S_CLASS, N_LOCAL, N_CELL, N_FREE, N_GLOBAL, N_NAME } from './symtable.ts';

const FB_LOOP = 0;
const FB_FOR = 1;
const FB_TRY_FINALLY = 2;
const FB_WITH = 3;
const FB_HANDLER = 4;
const FB_FINALLY_END = 5;
const FB_ASYNC_WITH = 6;
/** an except* handler's body: break, continue and return may not leave it (PEP 654) */
const FB_EG_HANDLER = 7;
/** a try body with except clauses: its SETUP_FINALLY block is popped when break, continue or
 * return leave it (else the handler stays armed after the loop, or a finally around it pops the
 * wrong block) */
const FB_TRY_EXCEPT = 8;

class FBlock {
  kind: int;
  breakLabel: int;
  continueLabel: int;
  body: stmt[];
  name: string = '';
  constructor(kind: int, breakLabel: int, continueLabel: int, body: stmt[]) {
    this.kind = kind;
    this.breakLabel = breakLabel;
    this.continueLabel = continueLabel;
    this.body = body;
  }
}

class Unit {
  code: PyCode;
  scope: Scope;
  labelPos: int[] = [];
  fixups: int[] = [];
  fblocks: FBlock[] = [];
  line: int;
  constMap: Map<string, int> = new Map<string, int>();
  nameMap: Map<string, int> = new Map<string, int>();
  constructor(code: PyCode, scope: Scope, line: int) {
    this.code = code;
    this.scope = scope;
    this.line = line;
  }
}

export class Compiler {
  st: SymTable;
  filename: string;
  u: Unit;
  units: Unit[] = [];
  qualPrefix: string[] = [];
  /** 'single' mode (the REPL): module-level expression statements show their value */
  interactive: boolean = false;
  /** `from __future__ import annotations`: annotations are kept as their source text */
  futureAnnotations: boolean = false;
  /** module-level names through LOAD_NAME/STORE_NAME: code for exec() and eval(), which may run
   * with locals apart from its globals */
  namesAtTop: boolean = false;
  constructor(st: SymTable, filename: string) {
    this.st = st;
    this.filename = filename;
    this.u = new Unit(new PyCode('<module>', filename, 1), st.top, 1);
  }

  // ---- emission ----
  emit(op: int, arg: int): void {
    const c = this.u.code;
    c.ops.push(op);
    c.ops.push(arg);
    c.lines.push(this.u.line);
  }
  newLabel(): int {
    this.u.labelPos.push(-1);
    return this.u.labelPos.length - 1;
  }
  bindLabel(l: int): void {
    this.u.labelPos[l] = this.u.code.ops.length >> 1;
  }
  jump(op: int, label: int): void {
    this.u.fixups.push(this.u.code.ops.length);
    this.emit(op, label);
  }
  constIndex(v: PyObject): int {
    let key = '';
    if (v instanceof PyStr) key = 's' + v.s;
    else if (v instanceof PyInt && bigOf(v) === null) key = (v.v === 1 && v.cls.name === 'bool' ? 'b' : v.cls.name === 'bool' ? 'b' : 'i') + String(v.v);
    if (key !== '') {
      if (this.u.constMap.has(key)) return mapGetInt(this.u.constMap, key, 0);
    }
    const c = this.u.code;
    c.consts.push(v);
    if (key !== '') this.u.constMap.set(key, c.consts.length - 1);
    return c.consts.length - 1;
  }
  loadConst(v: PyObject): void {
    this.emit(Op.LOAD_CONST, this.constIndex(v));
  }
  nameIndex(name: string): int {
    if (this.u.nameMap.has(name)) return mapGetInt(this.u.nameMap, name, 0);
    const c = this.u.code;
    c.names.push(name);
    c.nameObjs.push(newStr(name));
    this.u.nameMap.set(name, c.names.length - 1);
    return c.names.length - 1;
  }
  finishUnit(): PyCode {
    const u = this.u;
    for (const pos of u.fixups) {
      u.code.ops[pos + 1] = u.labelPos[u.code.ops[pos + 1]];
    }
    u.code.ics = noCaches(u.code.ops.length >> 1);
    u.code.stacksize = maxStackDepth(u.code.ops);
    for (let i = 0; i + 1 < u.code.ops.length; i += 2) {
      const arg = u.code.ops[i + 1];
      // the interpreter decodes arg with a 32-bit shift
      if (arg < 0 || arg >= 16777216) throw new ParseError('SyntaxError', 'too many statements in function', u.line, 1);
    }
    u.code.words = packInstructions(u.code.ops);
    return u.code;
  }
  err(msg: string, n: Node): ParseError {
    return new ParseError('SyntaxError', msg, n.line, n.col + 1);
  }

  // ---- names ----
  nameOp(name: string, ctx: int): void {
    // ctx: 0 load, 1 store, 2 delete
    const sc = this.u.scope;
    const kind = mapGetInt(sc.kinds, name, sc.kind === S_CLASS ? N_NAME : N_GLOBAL);
    const c = this.u.code;
    if (kind === N_LOCAL && sc.kind === S_FUNC) {
      const i = c.varnames.indexOf(name);
      this.emit(ctx === 0 ? Op.LOAD_FAST : ctx === 1 ? Op.STORE_FAST : Op.DELETE_FAST, i);
      return;
    }
    if (kind === N_CELL || kind === N_FREE) {
      // a class body may have __class__ both as a cell (for its methods) and as a free
      // variable (its own `nonlocal __class__`)
      const i = kind === N_CELL ? c.cellvars.indexOf(name) : c.cellvars.length + c.freevars.indexOf(name);
      this.emit(ctx === 0 ? Op.LOAD_DEREF : ctx === 1 ? Op.STORE_DEREF : Op.DELETE_DEREF, i);
      return;
    }
    if (kind === N_NAME || (sc.kind === S_CLASS && kind !== N_GLOBAL)) {
      this.emit(ctx === 0 ? Op.LOAD_NAME : ctx === 1 ? Op.STORE_NAME : Op.DELETE_NAME, this.nameIndex(name));
      return;
    }
    if ((sc.kind === S_CLASS || (sc.kind === S_MODULE && this.namesAtTop)) && kind === N_GLOBAL && !sc.globals.has(name)) {
      this.emit(ctx === 0 ? Op.LOAD_NAME : ctx === 1 ? Op.STORE_NAME : Op.DELETE_NAME, this.nameIndex(name));
      return;
    }
    this.emit(ctx === 0 ? Op.LOAD_GLOBAL : ctx === 1 ? Op.STORE_GLOBAL : Op.DELETE_GLOBAL, this.nameIndex(name));
  }

  // ---- module ----
  compileModule(mod: Module): PyCode {
    this.u.code.flags = CO_NAMES;
    this.futureAnnotations = hasFutureAnnotations(mod.body);
    this.setupAnnotations(mod.body);
    // a module's leading string is its __doc__ (not at the interactive prompt, as CPython)
    const doc = this.interactive ? null : this.docstring(mod.body);
    if (doc !== null) {
      this.u.line = doc.line;
      this.expr(doc);
      this.nameOp('__doc__', 1);
    }
    for (let i = doc !== null ? 1 : 0; i < mod.body.length; i++) this.stmt(mod.body[i]);
    this.loadConst(None);
    this.emit(Op.RETURN_VALUE, 0);
    return this.finishUnit();
  }
  compileBody(body: stmt[]): void {
    for (const s of body) this.stmt(s);
  }
  /** A module or class body with annotated names starts with an empty __annotations__ (what
   * CPython's SETUP_ANNOTATIONS does in a fresh namespace). */
  setupAnnotations(body: stmt[]): void {
    if (!containsAnnotations(body)) return;
    this.emit(Op.BUILD_MAP, 0);
    this.nameOp('__annotations__', 1);
  }
  /** `target: annotation [= value]`: in a module or class body the annotation of a name is
   * recorded in __annotations__ (evaluated, or its text under the future import); other
   * annotations are evaluated and dropped there, and not evaluated in functions. */
  annAssign(a: AnnAssign): void {
    if (a.value !== null) {
      this.expr(a.value);
      this.store(a.target);
    }
    const sk = this.u.scope.kind;
    if (sk === S_FUNC) return;
    const t = a.target;
    if (t instanceof Name) {
      if (this.futureAnnotations) this.loadConst(newStr(unparse(a.annotation, 0)));
      else this.expr(a.annotation);
      this.nameOp('__annotations__', 0);
      this.loadConst(newStr(t.id));
      this.emit(Op.STORE_SUBSCR, 0);
      return;
    }
    if (this.futureAnnotations) return;
    if (a.value === null) {
      // the target's object and subscript are evaluated, as CPython's check_ann_expr
      if (t instanceof Attribute) {
        this.expr(t.value);
        this.emit(Op.POP_TOP, 0);
      } else if (t instanceof Subscript) {
        this.expr(t.value);
        this.emit(Op.POP_TOP, 0);
        this.expr(t.slice);
        this.emit(Op.POP_TOP, 0);
      }
    }
    this.expr(a.annotation);
    this.emit(Op.POP_TOP, 0);
  }

  /** After enterScope for a def or class statement: a name the enclosing function declares
   * `global` gets a qualname of its own name alone (CPython's compiler_set_qualname), and the
   * qualname becomes the prefix of what is nested inside. Returns the prefix to restore. */
  enterQualname(name: string): string[] {
    const saved = this.qualPrefix;
    const parent = this.units[this.units.length - 1].scope;
    if (parent.kind !== S_MODULE && parent.globals.has(name)) this.u.code.qualname = name;
    this.qualPrefix = this.u.code.qualname.split('.');
    return saved;
  }
  /** Compiles a nested code object for scope-owning node n. */
  enterScope(n: Node, name: string, line: int): Scope {
    const sc = this.st.scopes.get(n);
    if (sc === undefined) throw this.err('internal: no scope', n);
    this.units.push(this.u);
    const code = new PyCode(name, this.filename, line);
    const prefix = this.qualPrefix.length > 0 ? this.qualPrefix.join('.') + '.' : '';
    code.qualname = prefix + name;
    this.u = new Unit(code, sc, line);
    if (sc.kind === S_FUNC) {
      for (const l of sc.locals) code.varnames.push(l);
      if (sc.isCoroutine) code.flags |= sc.isGenerator ? CO_ASYNC_GENERATOR : CO_COROUTINE;
      else if (sc.isGenerator) code.flags |= CO_GENERATOR;
    } else {
      code.flags |= CO_NAMES;
    }
    for (const cname of sc.cells) {
      code.cellvars.push(cname);
      code.cell2arg.push(sc.params.indexOf(cname));
    }
    for (const f of sc.frees) code.freevars.push(f);
    return sc;
  }
  leaveScope(): PyCode {
    const code = this.finishUnit();
    this.u = this.units.pop() as Unit;
    return code;
  }
  /** Emits the closure tuple + MAKE_FUNCTION for code; defaults already pushed per flags. */
  makeFunction(code: PyCode, flags: int): void {
    let f = flags;
    if (code.freevars.length > 0) {
      for (const fv of code.freevars) {
        const c = this.u.code;
        let i = c.cellvars.indexOf(fv);
        if (i < 0) i = c.cellvars.length + c.freevars.indexOf(fv);
        this.emit(Op.LOAD_CLOSURE, i);
      }
      this.emit(Op.BUILD_TUPLE, code.freevars.length);
      f |= 8;
    }
    this.loadConst(code);
    this.emit(Op.MAKE_FUNCTION, f);
  }
  /** Pushes the dict of a def's annotations (CPython's order: parameters, *args, keyword-only
   * parameters, **kwargs, return), evaluated here or as their text under the future import;
   * false (nothing pushed) when nothing is annotated. */
  pushAnnotations(spec: Arguments, returns: expr | null): boolean {
    const names: string[] = [];
    const anns: (expr | null)[] = [];
    for (let i = 0; i < spec.args.length; i++) {
      names.push(spec.args[i]);
      anns.push(i < spec.argAnns.length ? spec.argAnns[i] : null);
    }
    names.push(spec.vararg);
    anns.push(spec.varargAnn);
    for (let i = 0; i < spec.kwonlyargs.length; i++) {
      names.push(spec.kwonlyargs[i]);
      anns.push(i < spec.kwonlyAnns.length ? spec.kwonlyAnns[i] : null);
    }
    names.push(spec.kwarg);
    anns.push(spec.kwargAnn);
    names.push('return');
    anns.push(returns);
    let n = 0;
    for (let i = 0; i < names.length; i++) {
      const a = anns[i];
      if (a === null) continue;
      this.loadConst(newStr(names[i]));
      if (this.futureAnnotations) this.loadConst(newStr(unparse(a, 0)));
      else this.expr(a);
      n++;
    }
    if (n === 0) return false;
    this.emit(Op.BUILD_MAP, n);
    return true;
  }
  pushDefaults(spec: Arguments): int {
    let flags = 0;
    if (spec.defaults.length > 0) {
      for (const d of spec.defaults) this.expr(d);
      this.emit(Op.BUILD_TUPLE, spec.defaults.length);
      flags |= 1;
    }
    let nkw = 0;
    for (let i = 0; i < spec.kwonlyargs.length; i++) {
      const d = spec.kw_defaults[i];
      if (d !== null) {
        this.loadConst(newStr(spec.kwonlyargs[i]));
        this.expr(d);
        nkw++;
      }
    }
    if (nkw > 0) {
      this.emit(Op.BUILD_MAP, nkw);
      flags |= 2;
    }
    return flags;
  }
  setupArgs(code: PyCode, spec: Arguments): void {
    code.argcount = spec.args.length;
    code.posonly = spec.posonlyargcount;
    code.kwonly = spec.kwonlyargs.length;
    if (spec.vararg !== '') code.flags |= CO_VARARGS;
    if (spec.kwarg !== '') code.flags |= CO_VARKW;
  }
  /** The docstring of a body: its first statement when that is a string constant. */
  docstring(body: stmt[]): Constant | null {
    if (body.length === 0) return null;
    const first = body[0];
    if (!(first instanceof Expr)) return null;
    const v = first.value;
    return v instanceof Constant && v.value instanceof PyStr ? v : null;
  }
  funcDef(s: FunctionDef): void {
    for (const d of s.decorator_list) {
      this.expr(d);
      this.emit(Op.PUSH_NULL, 0);
    }
    let flags = this.pushDefaults(s.args);
    if (this.pushAnnotations(s.args, s.returns)) flags |= 4;
    this.enterScope(s, s.name, s.line);
    this.setupArgs(this.u.code, s.args);
    const savedPrefix = this.enterQualname(s.name);
    this.qualPrefix.push('<locals>');
    const doc = this.docstring(s.body);
    this.u.code.consts.push(doc !== null ? doc.value : None);
    this.compileBody(s.body);
    this.loadConst(None);
    this.emit(Op.RETURN_VALUE, 0);
    this.qualPrefix = savedPrefix;
    const code = this.leaveScope();
    this.u.line = s.line;
    this.makeFunction(code, flags);
    for (let i = 0; i < s.decorator_list.length; i++) this.emit(Op.CALL, 1);
    this.nameOp(s.bindName, 1);
  }
  classDef(s: ClassDef): void {
    for (const d of s.decorator_list) {
      this.expr(d);
      this.emit(Op.PUSH_NULL, 0);
    }
    this.emit(Op.LOAD_BUILD_CLASS, 0);
    this.emit(Op.PUSH_NULL, 0);
    this.enterScope(s, s.name, s.line);
    const savedPrefix = this.enterQualname(s.name);
    this.nameOp('__name__', 0);
    this.nameOp('__module__', 1);
    this.loadConst(newStr(this.u.code.qualname));
    this.nameOp('__qualname__', 1);
    const doc = this.docstring(s.body);
    if (doc !== null) {
      this.expr(doc);
      this.nameOp('__doc__', 1);
    }
    this.setupAnnotations(s.body);
    this.compileBody(s.body);
    const ci = this.u.code.cellvars.indexOf('__class__');
    if (ci >= 0) {
      // type.__new__ fills the cell from __classcell__; __build_class__ checks it was
      this.emit(Op.LOAD_CLOSURE, ci);
      this.emit(Op.DUP_TOP, 0);
      this.emit(Op.STORE_NAME, this.nameIndex('__classcell__'));
    } else this.loadConst(None);
    this.emit(Op.RETURN_VALUE, 0);
    this.qualPrefix = savedPrefix;
    const code = this.leaveScope();
    this.u.line = s.line;
    this.makeFunction(code, 0);
    this.loadConst(newStr(s.name));
    this.callArgs(2, s.bases, s.keywords);
    for (let i = 0; i < s.decorator_list.length; i++) this.emit(Op.CALL, 1);
    this.nameOp(s.bindName, 1);
  }
  /** True when a call needs no CALL_EX: no *args and no **kwargs. */
  isSimpleCall(args: expr[], kws: Keyword[]): boolean {
    for (const a of args) if (a.k === K.Starred) return false;
    for (const k of kws) if (k.arg === '') return false;
    return true;
  }
  /** Compiles call arguments; `pushed` positional args are already on the stack. */
  callArgs(pushed: int, args: expr[], kws: Keyword[]): void {
    if (this.isSimpleCall(args, kws)) {
      for (const a of args) this.expr(a);
      if (kws.length > 0) {
        const names: PyObject[] = [];
        for (const k of kws) {
          this.expr(k.value);
          names.push(newStr(k.arg));
        }
        this.emit(Op.KW_NAMES, this.constIndex(newTuple(names)));
      }
      this.emit(Op.CALL, pushed + args.length + kws.length);
      return;
    }
    this.emit(Op.BUILD_LIST, pushed);
    for (const a of args) {
      if (a instanceof Starred) {
        this.expr(a.value);
        // f(*x) alone names f when x is not iterable, as CPython's CALL_FUNCTION_EX does
        this.emit(Op.LIST_EXTEND, pushed === 0 && args.length === 1 ? 1 | LIST_EXTEND_CALL : 1);
      } else {
        this.expr(a);
        this.emit(Op.LIST_APPEND, 1);
      }
    }
    this.emit(Op.LIST_TO_TUPLE, 0);
    if (kws.length > 0) {
      this.emit(Op.BUILD_MAP, 0);
      for (const k of kws) {
        if (k.arg === '') {
          this.expr(k.value);
          this.emit(Op.DICT_MERGE, 1);
        } else {
          // merged as a one-item dict, as CPython does, so a name given twice is an error
          this.loadConst(newStr(k.arg));
          this.expr(k.value);
          this.emit(Op.BUILD_MAP, 1);
          this.emit(Op.DICT_MERGE, 1);
        }
      }
      this.emit(Op.CALL_EX, 1);
    } else {
      this.emit(Op.CALL_EX, 0);
    }
  }

  // ---- statements ----
  stmt(s: stmt): void {
    this.u.line = s.line;
    switch (s.k) {
      case K.FunctionDef:
      case K.AsyncFunctionDef:
        this.funcDef(s as FunctionDef);
        return;
      case K.ClassDef:
        this.classDef(s as ClassDef);
        return;
      case K.Return:
        this.returnStmt(s as Return);
        return;
      case K.Delete:
        for (const t of (s as Delete).targets) this.delTarget(t);
        return;
      case K.Assign: {
        const a = s as Assign;
        this.expr(a.value);
        for (let i = 0; i < a.targets.length; i++) {
          if (i < a.targets.length - 1) this.emit(Op.DUP_TOP, 0);
          this.store(a.targets[i]);
        }
        return;
      }
      case K.AugAssign:
        this.augAssign(s as AugAssign);
        return;
      case K.AnnAssign:
        this.annAssign(s as AnnAssign);
        return;
      case K.For:
        this.forStmt(s as For);
        return;
      case K.AsyncFor:
        this.asyncForStmt(s as For);
        return;
      case K.While:
        this.whileStmt(s as While);
        return;
      case K.If: {
        const i = s as If;
        const lelse = this.newLabel();
        const lend = this.newLabel();
        this.condJump(i.test, false, lelse);
        this.compileBody(i.body);
        if (i.orelse.length > 0) this.jump(Op.JUMP, lend);
        this.bindLabel(lelse);
        this.compileBody(i.orelse);
        this.bindLabel(lend);
        return;
      }
      case K.With:
        this.withStmt(s as With, 0);
        return;
      case K.AsyncWith:
        this.asyncWithStmt(s as With, 0);
        return;
      case K.Raise: {
        const r = s as Raise;
        if (r.exc === null) this.emit(Op.RAISE_VARARGS, 0);
        else {
          this.expr(r.exc);
          if (r.cause !== null) {
            this.expr(r.cause);
            this.emit(Op.RAISE_VARARGS, 2);
          } else this.emit(Op.RAISE_VARARGS, 1);
        }
        return;
      }
      case K.Try: {
        const t = s as Try;
        if (t.finalbody.length > 0) this.tryFinally(t);
        else if (t.star) this.tryStar(t);
        else this.tryExcept(t);
        return;
      }
      case K.Assert: {
        const a = s as Assert;
        if (a.test.k === K.Tuple && (a.test as Tuple).elts.length > 0) {
          this.warn('assertion is always true, perhaps remove parentheses?', s);
        }
        const lend = this.newLabel();
        this.condJump(a.test, true, lend);
        this.emit(Op.LOAD_ASSERTION_ERROR, 0);
        if (a.msg !== null) {
          this.emit(Op.PUSH_NULL, 0);
          this.expr(a.msg);
          this.emit(Op.CALL, 1);
        }
        this.emit(Op.RAISE_VARARGS, 1);
        this.bindLabel(lend);
        return;
      }
      case K.Import:
        for (const al of (s as Import).names) {
          this.loadConst(newInt(0));
          this.loadConst(None);
          this.emit(Op.IMPORT_NAME, this.nameIndex(al.name));
          if (al.asname !== '') {
            const parts = al.name.split('.');
            for (let i = 1; i < parts.length; i++) this.emit(Op.LOAD_ATTR, this.nameIndex(parts[i]));
            this.nameOp(al.asname, 1);
          } else {
            this.nameOp(al.name.split('.')[0], 1);
          }
        }
        return;
      case K.ImportFrom: {
        const f = s as ImportFrom;
        this.loadConst(newInt(f.level));
        const names: PyObject[] = [];
        for (const al of f.names) names.push(newStr(al.name));
        this.loadConst(newTuple(names));
        this.emit(Op.IMPORT_NAME, this.nameIndex(f.module));
        if (f.names.length === 1 && f.names[0].name === '*') {
          this.emit(Op.IMPORT_STAR, 0);
          return;
        }
        for (const al of f.names) {
          this.emit(Op.IMPORT_FROM, this.nameIndex(al.name));
          this.nameOp(al.asname !== '' ? al.asname : al.name, 1);
        }
        this.emit(Op.POP_TOP, 0);
        return;
      }
      case K.Global:
      case K.Nonlocal:
      case K.Pass:
        return;
      case K.Expr: {
        const e = (s as Expr).value;
        if (e.k === K.Constant && this.u.scope.kind !== S_MODULE) return;
        this.expr(e);
        this.emit(this.interactive && this.u.scope.kind === S_MODULE ? Op.PRINT_EXPR : Op.POP_TOP, 0);
        return;
      }
      case K.Match:
        this.matchStmt(s as Match);
        return;
      case K.Break:
        this.breakContinue(s, true);
        return;
      case K.Continue:
        this.breakContinue(s, false);
        return;
    }
    throw this.err('unsupported statement', s);
  }
  /** Emits cleanup code for fblock fb when leaving it by break/continue/return. */
  unwindBlock(fb: FBlock, preserveTos: boolean): void {
    switch (fb.kind) {
      case FB_LOOP:
        return;
      case FB_TRY_EXCEPT:
        this.emit(Op.POP_BLOCK, 0);
        return;
      case FB_FOR:
        if (preserveTos) this.emit(Op.ROT_TWO, 0);
        this.emit(Op.POP_TOP, 0);
        return;
      case FB_TRY_FINALLY: {
        this.emit(Op.POP_BLOCK, 0);
        // run the finally body with this block removed
        const saved = this.u.fblocks.pop() as FBlock;
        this.compileBody(fb.body);
        this.u.fblocks.push(saved);
        return;
      }
      case FB_WITH:
        this.emit(Op.POP_BLOCK, 0);
        if (preserveTos) this.emit(Op.ROT_TWO, 0);
        this.emit(Op.WITH_EXIT, 0);
        return;
      case FB_ASYNC_WITH:
        this.emit(Op.POP_BLOCK, 0);
        if (preserveTos) this.emit(Op.ROT_TWO, 0);
        this.callExitAndAwait();
        this.emit(Op.POP_TOP, 0);
        return;
      case FB_HANDLER:
        this.emit(Op.POP_BLOCK, 0);
        if (preserveTos) this.emit(Op.ROT_TWO, 0);
        this.emit(Op.POP_EXCEPT, 0);
        if (fb.name !== '') {
          this.loadConst(None);
          this.nameOp(fb.name, 1);
          this.nameOp(fb.name, 2);
        }
        return;
      case FB_FINALLY_END:
        this.emit(Op.POP_BLOCK, 0);
        if (preserveTos) {
          this.emit(Op.ROT_THREE, 0);
          this.emit(Op.POP_TOP, 0);
          this.emit(Op.POP_EXCEPT, 0);
        } else {
          this.emit(Op.POP_TOP, 0);
          this.emit(Op.POP_EXCEPT, 0);
        }
        return;
    }
  }
  returnStmt(s: Return): void {
    const eg = this.egHandlerExit(-1, s.value !== null ? s.value : s);
    if (eg !== null) throw eg;
    if (s.value !== null) this.expr(s.value);
    else this.loadConst(None);
    const fbs = this.u.fblocks;
    for (let i = fbs.length - 1; i >= 0; i--) {
      const fb = fbs[i];
      if (fb.kind === FB_TRY_FINALLY) {
        // keep the value in a hidden local while the finally body runs
        const saved = fbs.slice(i);
        this.emit(Op.POP_BLOCK, 0);
        const tmp = this.hiddenLocal();
        this.emit(Op.STORE_FAST, tmp);
        fbs.length = i;
        this.compileBody(fb.body);
        this.emit(Op.LOAD_FAST, tmp);
        for (const x of saved) fbs.push(x);
        continue;
      }
      this.unwindBlock(fb, true);
    }
    this.emit(Op.RETURN_VALUE, 0);
  }
  hiddenLocal(): int {
    const c = this.u.code;
    const name = '.ret' + String(c.varnames.length);
    c.varnames.push(name);
    return c.varnames.length - 1;
  }
  breakContinue(s: stmt, isBreak: boolean): void {
    const fbs = this.u.fblocks;
    let target = -1;
    for (let i = fbs.length - 1; i >= 0; i--) {
      if (fbs[i].kind === FB_LOOP || fbs[i].kind === FB_FOR) {
        target = i;
        break;
      }
    }
    if (target < 0) throw this.err(isBreak ? "'break' outside loop" : "'continue' not properly in loop", s);
    const eg = this.egHandlerExit(target, s);
    if (eg !== null) throw eg;
    const saved = fbs.slice(0);
    for (let i = fbs.length - 1; i > target; i--) {
      const fb = fbs[i];
      fbs.length = i + 1;
      this.unwindBlock(fb, false);
    }
    fbs.length = 0;
    for (const x of saved) fbs.push(x);
    const loop = fbs[target];
    if (isBreak) {
      if (loop.kind === FB_FOR) this.emit(Op.POP_TOP, 0);
      this.jump(Op.JUMP, loop.breakLabel);
    } else {
      this.jump(Op.JUMP_BACKWARD, loop.continueLabel);
    }
  }
  // ---- match ----
  newTemp(): int {
    if (this.u.scope.kind === S_FUNC) return this.hiddenLocal();
    const c = this.u.code;
    return this.nameIndex('.m' + String(c.names.length));
  }
  loadTemp(t: int): void {
    this.emit(this.u.scope.kind === S_FUNC ? Op.LOAD_FAST : Op.LOAD_NAME, t);
  }
  storeTemp(t: int): void {
    this.emit(this.u.scope.kind === S_FUNC ? Op.STORE_FAST : Op.STORE_NAME, t);
  }
  matchStmt(s: Match): void {
    checkMatch(s);
    const lend = this.newLabel();
    this.expr(s.subject);
    const subj = this.newTemp();
    this.storeTemp(subj);
    for (const c of s.cases) {
      this.u.line = c.line;
      const lfail = this.newLabel();
      this.pattern(c.pattern, subj, lfail);
      if (c.guard !== null) this.condJump(c.guard, false, lfail);
      this.compileBody(c.body);
      this.jump(Op.JUMP, lend);
      this.bindLabel(lfail);
    }
    this.bindLabel(lend);
  }
  isWildcard(p: pattern): boolean {
    return p instanceof MatchAs && p.pattern === null && p.name === '';
  }
  subPattern(p: pattern, fail: int): void {
    // value to match is on the stack
    if (this.isWildcard(p)) {
      this.emit(Op.POP_TOP, 0);
      return;
    }
    const t = this.newTemp();
    this.storeTemp(t);
    this.pattern(p, t, fail);
  }
  checkNotNone(t: int, fail: int): void {
    this.loadTemp(t);
    this.loadConst(None);
    this.emit(Op.IS_OP, 1);
    this.jump(Op.POP_JUMP_IF_FALSE, fail);
  }
  /** Matches the subject in temp subj against p, jumping to fail when it does not match. */
  pattern(p: pattern, subj: int, fail: int): void {
    switch (p.k) {
      case K.MatchValue:
        this.loadTemp(subj);
        this.expr((p as MatchValue).value);
        this.emit(Op.COMPARE_OP, A.CMP_EQ);
        this.jump(Op.POP_JUMP_IF_FALSE, fail);
        return;
      case K.MatchSingleton:
        this.loadTemp(subj);
        this.loadConst((p as MatchSingleton).value);
        this.emit(Op.IS_OP, 0);
        this.jump(Op.POP_JUMP_IF_FALSE, fail);
        return;
      case K.MatchAs: {
        const a = p as MatchAs;
        if (a.pattern !== null) this.pattern(a.pattern, subj, fail);
        if (a.name !== '') {
          this.loadTemp(subj);
          this.nameOp(a.name, 1);
        }
        return;
      }
      case K.MatchOr: {
        const pats = (p as MatchOr).patterns;
        const lok = this.newLabel();
        for (let i = 0; i < pats.length; i++) {
          if (i === pats.length - 1) {
            this.pattern(pats[i], subj, fail);
          } else {
            const lnext = this.newLabel();
            this.pattern(pats[i], subj, lnext);
            this.jump(Op.JUMP, lok);
            this.bindLabel(lnext);
          }
        }
        this.bindLabel(lok);
        return;
      }
      case K.MatchSequence: {
        const pats = (p as MatchSequence).patterns;
        let star = -1;
        for (let i = 0; i < pats.length; i++) if (pats[i].k === K.MatchStar) star = i;
        const n = pats.length;
        this.loadTemp(subj);
        this.emit(Op.MATCH_SEQUENCE, 0);
        this.jump(Op.POP_JUMP_IF_FALSE, fail);
        this.loadTemp(subj);
        this.emit(Op.GET_LEN, 0);
        this.loadConst(newInt(star >= 0 ? n - 1 : n));
        this.emit(Op.COMPARE_OP, star >= 0 ? A.CMP_GE : A.CMP_EQ);
        this.jump(Op.POP_JUMP_IF_FALSE, fail);
        for (let i = 0; i < n; i++) {
          const sp = pats[i];
          if (i === star) {
            // a second star is not the one found above: pattern() refuses it
            const name = (sp as MatchStar).name;
            if (name !== '') {
              this.loadTemp(subj);
              this.emit(Op.MATCH_STAR_LIST, star + ((n - 1 - star) << 8));
              this.nameOp(name, 1);
            }
            continue;
          }
          if (this.isWildcard(sp)) continue;
          this.loadTemp(subj);
          this.loadConst(newInt(star >= 0 && i > star ? i - n : i));
          this.emit(Op.BINARY_SUBSCR, 0);
          this.subPattern(sp, fail);
        }
        return;
      }
      case K.MatchMapping: {
        const m = p as MatchMapping;
        this.loadTemp(subj);
        this.emit(Op.MATCH_MAPPING, 0);
        this.jump(Op.POP_JUMP_IF_FALSE, fail);
        this.loadTemp(subj);
        for (const k of m.keys) this.expr(k);
        this.emit(Op.BUILD_TUPLE, m.keys.length);
        this.emit(Op.MATCH_KEYS, 0);
        const vals = this.newTemp();
        this.storeTemp(vals);
        this.checkNotNone(vals, fail);
        for (let i = 0; i < m.patterns.length; i++) {
          if (this.isWildcard(m.patterns[i])) continue;
          this.loadTemp(vals);
          this.loadConst(newInt(i));
          this.emit(Op.BINARY_SUBSCR, 0);
          this.subPattern(m.patterns[i], fail);
        }
        if (m.rest !== '') {
          this.loadTemp(subj);
          for (const k of m.keys) this.expr(k);
          this.emit(Op.BUILD_TUPLE, m.keys.length);
          this.emit(Op.MATCH_MAP_REST, 0);
          this.nameOp(m.rest, 1);
        }
        return;
      }
      case K.MatchClass: {
        const c = p as MatchClass;
        this.loadTemp(subj);
        this.expr(c.cls);
        const kn: PyObject[] = [];
        for (const nm of c.kwd_attrs) kn.push(newStr(nm));
        this.loadConst(newTuple(kn));
        this.emit(Op.MATCH_CLASS, c.patterns.length);
        const vals = this.newTemp();
        this.storeTemp(vals);
        this.checkNotNone(vals, fail);
        const subs: pattern[] = [];
        for (const x of c.patterns) subs.push(x);
        for (const x of c.kwd_patterns) subs.push(x);
        for (let i = 0; i < subs.length; i++) {
          if (this.isWildcard(subs[i])) continue;
          this.loadTemp(vals);
          this.loadConst(newInt(i));
          this.emit(Op.BINARY_SUBSCR, 0);
          this.subPattern(subs[i], fail);
        }
        return;
      }
      case K.MatchStar:
        throw this.err("can't use starred name here", p);
    }
    throw this.err('unsupported pattern', p);
  }
  forStmt(s: For): void {
    const ltop = this.newLabel();
    const lexhaust = this.newLabel();
    const lbreak = this.newLabel();
    this.expr(s.iter);
    this.emit(Op.GET_ITER, 0);
    this.bindLabel(ltop);
    this.jump(Op.FOR_ITER, lexhaust);
    this.u.fblocks.push(new FBlock(FB_FOR, lbreak, ltop, []));
    this.store(s.target);
    this.compileBody(s.body);
    this.u.line = s.line;
    this.jump(Op.JUMP_BACKWARD, ltop);
    this.u.fblocks.pop();
    this.bindLabel(lexhaust);
    this.compileBody(s.orelse);
    this.bindLabel(lbreak);
  }
  /** iter on the stack -- the value it returns: `yield from` and `await` (SEND passes sent
   * values and thrown exceptions to iter; genThrow relies on the SEND, YIELD_VALUE shape) */
  yieldFromLoop(): void {
    this.loadConst(None);
    const lloop = this.newLabel();
    const lexit = this.newLabel();
    this.bindLabel(lloop);
    this.jump(Op.SEND, lexit);
    this.emit(Op.YIELD_VALUE, 0);
    this.jump(Op.JUMP, lloop);
    this.bindLabel(lexit);
  }
  /** The next item of the async iterator on the stack, awaited, stored in target; the loop
   * ends (at lexhaust, iterator popped) on StopAsyncIteration. */
  asyncForStmt(s: For): void {
    const ltop = this.newLabel();
    const lexhaust = this.newLabel();
    const lbreak = this.newLabel();
    this.expr(s.iter);
    this.emit(Op.GET_AITER, 0);
    this.bindLabel(ltop);
    this.jump(Op.SETUP_FINALLY, lexhaust);
    this.emit(Op.GET_ANEXT, 0);
    this.yieldFromLoop();
    this.emit(Op.POP_BLOCK, 0);
    this.u.fblocks.push(new FBlock(FB_FOR, lbreak, ltop, []));
    this.store(s.target);
    this.compileBody(s.body);
    this.u.line = s.line;
    this.jump(Op.JUMP_BACKWARD, ltop);
    this.u.fblocks.pop();
    this.bindLabel(lexhaust);
    this.emit(Op.END_ASYNC_FOR, 0);
    this.compileBody(s.orelse);
    this.bindLabel(lbreak);
  }
  /** exit on the stack -- the awaited result of exit(None, None, None) */
  callExitAndAwait(): void {
    this.emit(Op.PUSH_NULL, 0);
    this.loadConst(None);
    this.loadConst(None);
    this.loadConst(None);
    this.emit(Op.CALL, 3);
    this.emit(Op.GET_AWAITABLE, AWAIT_AEXIT);
    this.yieldFromLoop();
  }
  /** `async with`: as withStmt, with __aenter__ and __aexit__ awaited. */
  asyncWithStmt(s: With, idx: int): void {
    const item = s.items[idx];
    const lexc = this.newLabel();
    const lend = this.newLabel();
    const lcleanup = this.newLabel();
    const lsuppress = this.newLabel();
    this.expr(item.context_expr);
    this.emit(Op.BEFORE_ASYNC_WITH, 0);
    this.emit(Op.GET_AWAITABLE, AWAIT_AENTER);
    this.yieldFromLoop();
    // exit, enter result; the handler gets exit, exception
    this.jump(Op.SETUP_CLEANUP, lexc);
    this.withItemBody(s, idx, FB_ASYNC_WITH);
    this.callExitAndAwait();
    this.emit(Op.POP_TOP, 0);
    this.jump(Op.JUMP, lend);
    // exit, exc: exc is the exception being handled while exit runs
    this.bindLabel(lexc);
    this.emit(Op.PUSH_EXC_INFO, 0);
    this.jump(Op.SETUP_CLEANUP, lcleanup);
    this.emit(Op.WITH_EXCEPT_START, 0);
    this.emit(Op.GET_AWAITABLE, AWAIT_AEXIT);
    this.yieldFromLoop();
    this.jump(Op.POP_JUMP_IF_TRUE, lsuppress);
    this.emit(Op.POP_BLOCK, 0);
    this.emit(Op.POP_EXCEPT_RERAISE, RERAISE_AT_RAISE);
    this.bindLabel(lsuppress);
    this.emit(Op.POP_BLOCK, 0);
    this.emit(Op.POP_TOP, 0);
    this.emit(Op.POP_EXCEPT, 0);
    this.emit(Op.POP_TOP, 0);
    this.jump(Op.JUMP, lend);
    this.bindLabel(lcleanup);
    this.emit(Op.POP_EXCEPT_RERAISE, RERAISE_AT_RAISE);
    this.bindLabel(lend);
  }
  whileStmt(s: While): void {
    const ltop = this.newLabel();
    const lelse = this.newLabel();
    const lbreak = this.newLabel();
    this.bindLabel(ltop);
    this.condJump(s.test, false, lelse);
    this.u.fblocks.push(new FBlock(FB_LOOP, lbreak, ltop, []));
    this.compileBody(s.body);
    this.u.line = s.line;
    this.jump(Op.JUMP_BACKWARD, ltop);
    this.u.fblocks.pop();
    this.bindLabel(lelse);
    this.compileBody(s.orelse);
    this.bindLabel(lbreak);
  }
  /** What with and async with share once item idx is entered: its target, the items after it
   * (nested) or the body, then the end of the protected block. */
  withItemBody(s: With, idx: int, fb: int): void {
    const item = s.items[idx];
    if (item.optional_vars !== null) this.store(item.optional_vars);
    else this.emit(Op.POP_TOP, 0);
    this.u.fblocks.push(new FBlock(fb, -1, -1, []));
    if (idx + 1 >= s.items.length) this.compileBody(s.body);
    else if (fb === FB_ASYNC_WITH) this.asyncWithStmt(s, idx + 1);
    else this.withStmt(s, idx + 1);
    this.u.fblocks.pop();
    this.u.line = s.line;
    this.emit(Op.POP_BLOCK, 0);
  }
  /** Compiles the with-items from idx on, nested, around the body. */
  withStmt(s: With, idx: int): void {
    const item = s.items[idx];
    const lexc = this.newLabel();
    const lend = this.newLabel();
    this.expr(item.context_expr);
    this.jump(Op.SETUP_WITH, lexc);
    this.withItemBody(s, idx, FB_WITH);
    this.emit(Op.WITH_EXIT, 0);
    this.jump(Op.JUMP, lend);
    this.bindLabel(lexc);
    this.emit(Op.WITH_EXCEPT, 0);
    this.bindLabel(lend);
  }
  tryFinally(s: Try): void {
    const lhandler = this.newLabel();
    const lend = this.newLabel();
    this.jump(Op.SETUP_FINALLY, lhandler);
    this.u.fblocks.push(new FBlock(FB_TRY_FINALLY, -1, -1, s.finalbody));
    if (s.handlers.length > 0) {
      if (s.star) this.tryStar(s);
      else this.tryExcept(s);
    } else this.compileBody(s.body);
    this.u.fblocks.pop();
    this.emit(Op.POP_BLOCK, 0);
    this.compileBody(s.finalbody);
    this.jump(Op.JUMP, lend);
    // exceptional path: stack [..., exc]
    this.bindLabel(lhandler);
    const lcleanup = this.newLabel();
    this.emit(Op.PUSH_EXC_INFO, 0);
    this.jump(Op.SETUP_CLEANUP, lcleanup);
    this.u.fblocks.push(new FBlock(FB_FINALLY_END, -1, -1, []));
    this.compileBody(s.finalbody);
    this.u.fblocks.pop();
    this.emit(Op.POP_BLOCK, 0);
    this.emit(Op.POP_EXCEPT_RERAISE, 0);
    this.bindLabel(lcleanup);
    this.emit(Op.POP_EXCEPT_RERAISE, RERAISE_AT_RAISE);
    this.bindLabel(lend);
  }
  tryExcept(s: Try): void {
    const lhandler = this.newLabel();
    const lelse = this.newLabel();
    const lend = this.newLabel();
    const lcleanup = this.newLabel();
    this.jump(Op.SETUP_FINALLY, lhandler);
    this.u.fblocks.push(new FBlock(FB_TRY_EXCEPT, -1, -1, []));
    this.compileBody(s.body);
    this.u.fblocks.pop();
    this.emit(Op.POP_BLOCK, 0);
    this.jump(Op.JUMP, lelse);
    this.bindLabel(lhandler);
    this.emit(Op.PUSH_EXC_INFO, 0);
    this.jump(Op.SETUP_CLEANUP, lcleanup);
    for (let i = 0; i < s.handlers.length; i++) {
      const h = s.handlers[i];
      this.u.line = h.line;
      if (h.type === null && i < s.handlers.length - 1) throw this.err("default 'except:' must be last", h);
      const lnext = this.newLabel();
      if (h.type !== null) {
        this.expr(h.type);
        this.emit(Op.CHECK_EXC_MATCH, 0);
        this.jump(Op.POP_JUMP_IF_FALSE, lnext);
      }
      if (h.name !== '') this.nameOp(h.name, 1);
      else this.emit(Op.POP_TOP, 0);
      const fb = new FBlock(FB_HANDLER, -1, -1, []);
      fb.name = h.name;
      this.u.fblocks.push(fb);
      this.compileBody(h.body);
      this.u.fblocks.pop();
      this.emit(Op.POP_BLOCK, 0);
      this.emit(Op.POP_EXCEPT, 0);
      this.clearHandlerName(h.name);
      this.jump(Op.JUMP, lend);
      this.bindLabel(lnext);
    }
    // no clause matched: the re-raise is at the last clause's line, as CPython's
    this.u.line = s.handlers[s.handlers.length - 1].line;
    this.emit(Op.RERAISE, 0);
    this.bindLabel(lcleanup);
    this.emit(Op.POP_EXCEPT_RERAISE, RERAISE_AT_RAISE);
    this.bindLabel(lelse);
    this.compileBody(s.orelse);
    this.bindLabel(lend);
  }
  /** try/except*, as CPython 3.11 compiles it: each clause splits what is left of the group
   * (CHECK_EG_MATCH), what the clauses raise is collected in a list, and PREP_RERAISE_STAR
   * works out what to raise at the end from the original group and that list. */
  tryStar(s: Try): void {
    const lhandler = this.newLabel();
    const lelse = this.newLabel();
    const lend = this.newLabel();
    const lcleanup = this.newLabel();
    const lreraise = this.newLabel();
    this.jump(Op.SETUP_FINALLY, lhandler);
    this.u.fblocks.push(new FBlock(FB_TRY_EXCEPT, -1, -1, []));
    this.compileBody(s.body);
    this.u.fblocks.pop();
    this.emit(Op.POP_BLOCK, 0);
    this.jump(Op.JUMP, lelse);
    this.bindLabel(lhandler);
    this.emit(Op.PUSH_EXC_INFO, 0);
    this.jump(Op.SETUP_CLEANUP, lcleanup);
    // [prev, orig] -> [prev, orig, raised, rest]
    this.emit(Op.BUILD_LIST, 0);
    this.emit(Op.DUP_TOP_TWO, 0);
    this.emit(Op.POP_TOP, 0);
    for (const h of s.handlers) {
      this.u.line = h.line;
      const lno = this.newLabel();
      const lnext = this.newLabel();
      const lhexc = this.newLabel();
      this.expr(h.type as expr);
      this.emit(Op.CHECK_EG_MATCH, 0);
      this.emit(Op.DUP_TOP, 0);
      this.loadConst(None);
      this.emit(Op.IS_OP, 0);
      this.jump(Op.POP_JUMP_IF_TRUE, lno);
      if (h.name !== '') this.nameOp(h.name, 1);
      else this.emit(Op.POP_TOP, 0);
      this.jump(Op.SETUP_FINALLY, lhexc);
      const fb = new FBlock(FB_EG_HANDLER, -1, -1, []);
      fb.name = h.name;
      this.u.fblocks.push(fb);
      this.compileBody(h.body);
      this.u.fblocks.pop();
      this.emit(Op.POP_BLOCK, 0);
      this.clearHandlerName(h.name);
      this.jump(Op.JUMP, lnext);
      // the clause raised: [.., raised, rest, exc]
      this.bindLabel(lhexc);
      this.clearHandlerName(h.name);
      this.emit(Op.LIST_APPEND, 2);
      this.jump(Op.JUMP, lnext);
      this.bindLabel(lno);
      this.emit(Op.POP_TOP, 0);
      this.bindLabel(lnext);
    }
    // the unhandled rest joins what the clauses raised
    this.emit(Op.LIST_APPEND, 1);
    this.emit(Op.PREP_RERAISE_STAR, 0);
    this.emit(Op.DUP_TOP, 0);
    this.loadConst(None);
    this.emit(Op.IS_OP, 0);
    this.jump(Op.POP_JUMP_IF_FALSE, lreraise);
    this.emit(Op.POP_TOP, 0);
    this.emit(Op.POP_BLOCK, 0);
    this.emit(Op.POP_EXCEPT, 0);
    this.jump(Op.JUMP, lend);
    this.bindLabel(lreraise);
    this.emit(Op.POP_BLOCK, 0);
    this.emit(Op.POP_EXCEPT_RERAISE, 0);
    this.bindLabel(lcleanup);
    this.emit(Op.POP_EXCEPT_RERAISE, RERAISE_AT_RAISE);
    this.bindLabel(lelse);
    this.compileBody(s.orelse);
    this.bindLabel(lend);
  }
  /** `except E as name` ends by deleting name (after binding None, in case the body deleted it). */
  clearHandlerName(name: string): void {
    if (name === '') return;
    this.loadConst(None);
    this.nameOp(name, 1);
    this.nameOp(name, 2);
  }
  /** The error for a break, continue or return that would leave an except* clause, or null. */
  egHandlerExit(fromIdx: int, n: Node): ParseError | null {
    const fbs = this.u.fblocks;
    for (let i = fbs.length - 1; i > fromIdx; i--) {
      if (fbs[i].kind === FB_EG_HANDLER) return this.err("'break', 'continue' and 'return' cannot appear in an except* block", n);
    }
    return null;
  }
  augAssign(s: AugAssign): void {
    const t = s.target;
    const op = s.op + A.BIN_INPLACE;
    if (t instanceof Name) {
      this.nameOp(t.id, 0);
      this.expr(s.value);
      this.emit(Op.BINARY_OP, op);
      this.nameOp(t.id, 1);
    } else if (t instanceof Attribute) {
      this.expr(t.value);
      this.emit(Op.DUP_TOP, 0);
      this.emit(Op.LOAD_ATTR, this.nameIndex(t.attr));
      this.expr(s.value);
      this.emit(Op.BINARY_OP, op);
      this.emit(Op.ROT_TWO, 0);
      this.emit(Op.STORE_ATTR, this.nameIndex(t.attr));
    } else {
      // the parser lets only names, attributes and subscripts through
      const sub = t as Subscript;
      this.expr(sub.value);
      this.subscriptIndex(sub.slice);
      this.emit(Op.DUP_TOP_TWO, 0);
      this.emit(Op.BINARY_SUBSCR, 0);
      this.expr(s.value);
      this.emit(Op.BINARY_OP, op);
      this.emit(Op.ROT_THREE, 0);
      this.emit(Op.STORE_SUBSCR, 0);
    }
  }
  store(t: expr): void {
    switch (t.k) {
      case K.Name:
        this.nameOp((t as Name).id, 1);
        return;
      case K.Attribute:
        this.expr((t as Attribute).value);
        this.emit(Op.STORE_ATTR, this.nameIndex((t as Attribute).attr));
        return;
      case K.Subscript:
        this.expr((t as Subscript).value);
        this.subscriptIndex((t as Subscript).slice);
        this.emit(Op.STORE_SUBSCR, 0);
        return;
      case K.Tuple:
        this.storeUnpack(t, (t as Tuple).elts);
        return;
      case K.List:
        this.storeUnpack(t, (t as List).elts);
        return;
      case K.Starred:
        throw this.err('starred assignment target must be in a list or tuple', t);
    }
    throw this.err('cannot assign to expression', t);
  }
  /** Unpacks the value on the stack into the targets elts of tuple or list t. */
  storeUnpack(t: expr, elts: expr[]): void {
    let star = -1;
    for (let i = 0; i < elts.length; i++) {
      if (elts[i].k === K.Starred) {
        if (star >= 0) throw this.err('multiple starred expressions in assignment', t);
        star = i;
      }
    }
    // UNPACK_EX packs the count before the star into 8 bits, as CPython's does
    if (star >= 256 || (star >= 0 && elts.length - star - 1 >= 1 << 23)) throw this.err('too many expressions in star-unpacking assignment', t);
    if (star < 0) this.emit(Op.UNPACK_SEQUENCE, elts.length);
    else this.emit(Op.UNPACK_EX, star + ((elts.length - star - 1) << 8));
    for (const x of elts) this.store(x instanceof Starred ? x.value : x);
  }
  delTarget(t: expr): void {
    switch (t.k) {
      case K.Name:
        this.nameOp((t as Name).id, 2);
        return;
      case K.Attribute:
        this.expr((t as Attribute).value);
        this.emit(Op.DELETE_ATTR, this.nameIndex((t as Attribute).attr));
        return;
      case K.Subscript:
        this.expr((t as Subscript).value);
        this.subscriptIndex((t as Subscript).slice);
        this.emit(Op.DELETE_SUBSCR, 0);
        return;
      case K.Tuple:
        for (const x of (t as Tuple).elts) this.delTarget(x);
        return;
      case K.List:
        for (const x of (t as List).elts) this.delTarget(x);
        return;
    }
    throw this.err('cannot delete expression', t);
  }
  subscriptIndex(e: expr): void {
    if (e instanceof Slice) {
      if (e.lower !== null) this.expr(e.lower);
      else this.loadConst(None);
      if (e.upper !== null) this.expr(e.upper);
      else this.loadConst(None);
      if (e.step !== null) {
        this.expr(e.step);
        this.emit(Op.BUILD_SLICE, 3);
      } else this.emit(Op.BUILD_SLICE, 2);
      return;
    }
    this.expr(e);
  }
  /** Jumps to label when truthiness of e equals `when`. */
  condJump(e: expr, when: boolean, label: int): void {
    if (e instanceof UnaryOp && e.op === A.U_NOT) {
      this.condJump(e.operand, !when, label);
      return;
    }
    if (e instanceof BoolOp) {
      const vs = e.values;
      const isAnd = e.op === A.BOOL_AND;
      if (isAnd !== when) {
        // and/false or or/true: any operand deciding jumps to label
        for (const x of vs) this.condJump(x, when, label);
      } else {
        const lskip = this.newLabel();
        for (let i = 0; i < vs.length - 1; i++) this.condJump(vs[i], !when, lskip);
        this.condJump(vs[vs.length - 1], when, label);
        this.bindLabel(lskip);
      }
      return;
    }
    this.expr(e);
    this.jump(when ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, label);
  }

  // ---- expressions ----
  expr(e: expr): void {
    const savedLine = this.u.line;
    this.u.line = e.line;
    this.expr1(e);
    this.u.line = savedLine;
  }
  expr1(e: expr): void {
    switch (e.k) {
      case K.Name:
        this.nameOp((e as Name).id, 0);
        return;
      case K.Constant:
        this.loadConst((e as Constant).value);
        return;
      case K.JoinedStr: {
        const vs = (e as JoinedStr).values;
        for (const p of vs) this.expr(p);
        if (vs.length !== 1 || vs[0].k !== K.Constant) this.emit(Op.BUILD_STRING, vs.length);
        return;
      }
      case K.FormattedValue: {
        const f = e as FormattedValue;
        this.expr(f.value);
        let conv = 0;
        if (f.conversion === 115) conv = 1;
        else if (f.conversion === 114) conv = 2;
        else if (f.conversion === 97) conv = 3;
        if (f.format_spec !== null) {
          this.expr(f.format_spec);
          conv |= 4;
        }
        this.emit(Op.FORMAT_VALUE, conv);
        return;
      }
      case K.BinOp: {
        const b = e as BinOp;
        this.expr(b.left);
        this.expr(b.right);
        this.emit(Op.BINARY_OP, b.op);
        return;
      }
      case K.UnaryOp: {
        const u = e as UnaryOp;
        this.expr(u.operand);
        if (u.op === A.U_NEG) this.emit(Op.UNARY_NEG, 0);
        else if (u.op === A.U_POS) this.emit(Op.UNARY_POS, 0);
        else if (u.op === A.U_NOT) this.emit(Op.UNARY_NOT, 0);
        else this.emit(Op.UNARY_INVERT, 0);
        return;
      }
      case K.BoolOp: {
        const b = e as BoolOp;
        const lend = this.newLabel();
        for (let i = 0; i < b.values.length; i++) {
          this.expr(b.values[i]);
          if (i < b.values.length - 1) this.jump(b.op === A.BOOL_AND ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP, lend);
        }
        this.bindLabel(lend);
        return;
      }
      case K.Compare:
        this.compare(e as Compare);
        return;
      case K.Call:
        this.call(e as Call);
        return;
      case K.Attribute:
        this.expr((e as Attribute).value);
        this.emit(Op.LOAD_ATTR, this.nameIndex((e as Attribute).attr));
        return;
      case K.Subscript:
        this.expr((e as Subscript).value);
        this.subscriptIndex((e as Subscript).slice);
        this.emit(Op.BINARY_SUBSCR, 0);
        return;
      case K.Slice:
        this.subscriptIndex(e);
        return;
      case K.Starred:
        throw this.err("can't use starred expression here", e);
      case K.Tuple:
        this.sequence(e.k, (e as Tuple).elts);
        return;
      case K.List:
        this.sequence(e.k, (e as List).elts);
        return;
      case K.Set:
        this.sequence(e.k, (e as Set).elts);
        return;
      case K.Dict:
        this.dict(e as Dict);
        return;
      case K.IfExp: {
        const i = e as IfExp;
        const lelse = this.newLabel();
        const lend = this.newLabel();
        this.condJump(i.test, false, lelse);
        this.expr(i.body);
        this.jump(Op.JUMP, lend);
        this.bindLabel(lelse);
        this.expr(i.orelse);
        this.bindLabel(lend);
        return;
      }
      case K.Lambda: {
        const l = e as Lambda;
        const flags = this.pushDefaults(l.args);
        this.enterScope(l, '<lambda>', l.line);
        this.setupArgs(this.u.code, l.args);
        this.u.code.consts.push(None);
        this.expr(l.body);
        this.emit(Op.RETURN_VALUE, 0);
        const code = this.leaveScope();
        this.makeFunction(code, flags);
        return;
      }
      case K.ListComp:
        this.comprehension(e, (e as ListComp).generators);
        return;
      case K.SetComp:
        this.comprehension(e, (e as SetComp).generators);
        return;
      case K.GeneratorExp:
        this.comprehension(e, (e as GeneratorExp).generators);
        return;
      case K.DictComp:
        this.comprehension(e, (e as DictComp).generators);
        return;
      case K.Yield: {
        const v = (e as Yield).value;
        if (v !== null) this.expr(v);
        else this.loadConst(None);
        if (this.u.scope.isCoroutine) this.emit(Op.ASYNC_GEN_WRAP, 0);
        this.emit(Op.YIELD_VALUE, 0);
        return;
      }
      case K.YieldFrom:
        this.expr((e as YieldFrom).value);
        this.emit(Op.GET_YIELD_FROM_ITER, 0);
        this.yieldFromLoop();
        return;
      case K.Await:
        this.expr((e as Await).value);
        this.emit(Op.GET_AWAITABLE, 0);
        this.yieldFromLoop();
        return;
      case K.NamedExpr:
        this.expr((e as NamedExpr).value);
        this.emit(Op.DUP_TOP, 0);
        this.store((e as NamedExpr).target);
        return;
    }
    throw this.err('unsupported expression', e);
  }
  /** A SyntaxWarning at node n, issued once the compile is done (emitSyntaxWarnings). */
  warn(msg: string, n: Node): void {
    SYNTAX_WARNINGS.list.push(new ParseError('SyntaxWarning', msg, n.line, n.col + 1));
  }
  compare(e: Compare): void {
    const cs = e.comparators;
    // CPython's check_compare: `is` against a literal (other than the singletons) warns
    let leftOk = isNotLiteral(e.left);
    for (let i = 0; i < cs.length; i++) {
      const rightOk = isNotLiteral(cs[i]);
      const op = e.ops[i];
      if ((op === A.CMP_IS || op === A.CMP_ISNOT) && !(leftOk && rightOk)) {
        this.warn(op === A.CMP_IS ? '"is" with a literal. Did you mean "=="?' : '"is not" with a literal. Did you mean "!="?', e);
        break;
      }
      leftOk = rightOk;
    }
    this.expr(e.left);
    if (cs.length === 1) {
      this.expr(cs[0]);
      this.compareOp(e.ops[0]);
      return;
    }
    const lcleanup = this.newLabel();
    const lend = this.newLabel();
    for (let i = 0; i < cs.length; i++) {
      this.expr(cs[i]);
      if (i < cs.length - 1) {
        this.emit(Op.DUP_TOP, 0);
        this.emit(Op.ROT_THREE, 0);
        this.compareOp(e.ops[i]);
        this.jump(Op.JUMP_IF_FALSE_OR_POP, lcleanup);
      } else {
        this.compareOp(e.ops[i]);
      }
    }
    this.jump(Op.JUMP, lend);
    this.bindLabel(lcleanup);
    this.emit(Op.ROT_TWO, 0);
    this.emit(Op.POP_TOP, 0);
    this.bindLabel(lend);
  }
  /** A tuple, list or set display (kind k) of elts. */
  sequence(k: K, elts: expr[]): void {
    let star = false;
    for (const x of elts) if (x.k === K.Starred) star = true;
    if (!star) {
      for (const x of elts) this.expr(x);
      this.emit(k === K.Tuple ? Op.BUILD_TUPLE : k === K.List ? Op.BUILD_LIST : Op.BUILD_SET, elts.length);
      return;
    }
    const isSet = k === K.Set;
    this.emit(isSet ? Op.BUILD_SET : Op.BUILD_LIST, 0);
    for (const x of elts) {
      if (x instanceof Starred) {
        this.expr(x.value);
        this.emit(isSet ? Op.SET_UPDATE : Op.LIST_EXTEND, 1);
      } else {
        this.expr(x);
        this.emit(isSet ? Op.SET_ADD : Op.LIST_APPEND, 1);
      }
    }
    if (k === K.Tuple) this.emit(Op.LIST_TO_TUPLE, 0);
  }
  dict(e: Dict): void {
    let star = false;
    for (const k of e.keys) if (k === null) star = true;
    if (!star) {
      for (let i = 0; i < e.keys.length; i++) {
        this.expr(e.keys[i] as expr);
        this.expr(e.values[i]);
      }
      this.emit(Op.BUILD_MAP, e.keys.length);
      return;
    }
    this.emit(Op.BUILD_MAP, 0);
    for (let i = 0; i < e.keys.length; i++) {
      const k = e.keys[i];
      if (k === null) {
        this.expr(e.values[i]);
        this.emit(Op.DICT_UPDATE, 1);
      } else {
        this.expr(k);
        this.expr(e.values[i]);
        this.emit(Op.MAP_ADD, 1);
      }
    }
  }
  compareOp(op: int): void {
    if (op === A.CMP_IS) this.emit(Op.IS_OP, 0);
    else if (op === A.CMP_ISNOT) this.emit(Op.IS_OP, 1);
    else if (op === A.CMP_IN) this.emit(Op.CONTAINS_OP, 0);
    else if (op === A.CMP_NOTIN) this.emit(Op.CONTAINS_OP, 1);
    else this.emit(Op.COMPARE_OP, op);
  }
  call(e: Call): void {
    const f = e.func;
    if (f instanceof Attribute && this.isSimpleCall(e.args, e.keywords)) {
      this.expr(f.value);
      this.u.line = f.line;
      this.emit(Op.LOAD_METHOD, this.nameIndex(f.attr));
    } else {
      this.expr(f);
      this.emit(Op.PUSH_NULL, 0);
    }
    this.callArgs(0, e.args, e.keywords);
  }
  /** A comprehension e (list, set, dict or generator): its own code object, called with the
   * first iterator. */
  comprehension(e: expr, comps: Comprehension[]): void {
    const nm = e.k === K.ListComp ? '<listcomp>' : e.k === K.SetComp ? '<setcomp>' : e.k === K.GeneratorExp ? '<genexpr>' : '<dictcomp>';
    // CPython's grammar rejects [*x for ...] with this message before any scope exists
    const elt = e.k === K.ListComp ? (e as ListComp).elt : e.k === K.SetComp ? (e as SetComp).elt : e.k === K.GeneratorExp ? (e as GeneratorExp).elt : null;
    if (elt !== null && elt.k === K.Starred) throw this.err('iterable unpacking cannot be used in comprehension', elt);
    this.enterScope(e, nm, e.line);
    const code = this.u.code;
    code.argcount = 1;
    code.consts.push(None);
    if (e.k === K.ListComp) this.emit(Op.BUILD_LIST, 0);
    else if (e.k === K.SetComp) this.emit(Op.BUILD_SET, 0);
    else if (e.k === K.DictComp) this.emit(Op.BUILD_MAP, 0);
    this.compGen(e, comps, 0, e.k === K.GeneratorExp ? 0 : 1);
    if (e.k === K.GeneratorExp) this.loadConst(None);
    this.emit(Op.RETURN_VALUE, 0);
    const isAsync = this.u.scope.isCoroutine;
    const inner = this.leaveScope();
    this.makeFunction(inner, 0);
    this.emit(Op.PUSH_NULL, 0);
    this.expr(comps[0].iter);
    this.emit(comps[0].is_async ? Op.GET_AITER : Op.GET_ITER, 0);
    this.emit(Op.CALL, 1);
    // an asynchronous list/set/dict comprehension is a coroutine, awaited here
    if (isAsync && e.k !== K.GeneratorExp) {
      this.emit(Op.GET_AWAITABLE, 0);
      this.yieldFromLoop();
    }
  }
  compGen(e: expr, comps: Comprehension[], idx: int, depth: int): void {
    const c = comps[idx];
    const ltop = this.newLabel();
    const lend = this.newLabel();
    if (idx === 0) this.emit(Op.LOAD_FAST, 0);
    else {
      this.expr(c.iter);
      this.emit(c.is_async ? Op.GET_AITER : Op.GET_ITER, 0);
    }
    this.bindLabel(ltop);
    if (c.is_async) {
      // as in asyncForStmt
      this.jump(Op.SETUP_FINALLY, lend);
      this.emit(Op.GET_ANEXT, 0);
      this.yieldFromLoop();
      this.emit(Op.POP_BLOCK, 0);
    } else this.jump(Op.FOR_ITER, lend);
    this.store(c.target);
    for (const f of c.ifs) this.condJump(f, false, ltop);
    if (idx + 1 < comps.length) {
      this.compGen(e, comps, idx + 1, depth + 1);
    } else if (e instanceof GeneratorExp) {
      this.expr(e.elt);
      if (this.u.scope.isCoroutine) this.emit(Op.ASYNC_GEN_WRAP, 0);
      this.emit(Op.YIELD_VALUE, 0);
      this.emit(Op.POP_TOP, 0);
    } else if (e instanceof DictComp) {
      this.expr(e.key);
      this.expr(e.value);
      this.emit(Op.MAP_ADD, depth + 1);
    } else if (e instanceof ListComp) {
      this.expr(e.elt);
      this.emit(Op.LIST_APPEND, depth + 1);
    } else {
      this.expr((e as SetComp).elt);
      this.emit(Op.SET_ADD, depth + 1);
    }
    this.jump(Op.JUMP_BACKWARD, ltop);
    this.bindLabel(lend);
    if (c.is_async) this.emit(Op.END_ASYNC_FOR, 0);
  }
}

/** The code of module mod; expressions nested deeper than maxDepth are a RecursionError (a
 * ParseError of that kind), as in CPython. */
/** Whether body (not the functions and classes in it) has an annotated assignment: CPython's
 * find_ann. */
function containsAnnotations(body: stmt[]): boolean {
  for (const s of body) {
    switch (s.k) {
      case K.AnnAssign:
        return true;
      case K.For:
      case K.AsyncFor:
        if (containsAnnotations((s as For).body) || containsAnnotations((s as For).orelse)) return true;
        break;
      case K.While:
        if (containsAnnotations((s as While).body) || containsAnnotations((s as While).orelse)) return true;
        break;
      case K.If:
        if (containsAnnotations((s as If).body) || containsAnnotations((s as If).orelse)) return true;
        break;
      case K.With:
      case K.AsyncWith:
        if (containsAnnotations((s as With).body)) return true;
        break;
      case K.Try: {
        const t = s as Try;
        if (containsAnnotations(t.body) || containsAnnotations(t.orelse) || containsAnnotations(t.finalbody)) return true;
        for (const h of t.handlers) if (containsAnnotations(h.body)) return true;
        break;
      }
      case K.Match:
        for (const c of (s as Match).cases) if (containsAnnotations(c.body)) return true;
        break;
    }
  }
  return false;
}
/** `from __future__ import annotations` among the future imports that open the module. */
function hasFutureAnnotations(body: stmt[]): boolean {
  for (let i = 0; i < body.length; i++) {
    const s = body[i];
    if (i === 0 && s instanceof Expr && s.value instanceof Constant && s.value.value instanceof PyStr) continue;
    if (!(s instanceof ImportFrom) || s.module !== '__future__') return false;
    for (const al of s.names) if (al.name === 'annotations') return true;
  }
  return false;
}

/** The code of the tree of compile(), exec() or eval(): mode 'exec', 'single' (statements, the
 * values of expression statements shown), or 'eval' (one expression, whose value the code
 * returns; a tree of anything else is a SyntaxError). */
export function compileForExec(mod: Module, filename: string, maxDepth: int, mode: string): PyCode {
  if (mode === 'eval') {
    const first = mod.body.length > 0 ? mod.body[0] : null;
    if (first === null || mod.body.length !== 1 || !(first instanceof Expr)) {
      throw new ParseError('SyntaxError', 'invalid syntax', first === null ? 1 : first.line, first === null ? 1 : first.col + 1);
    }
  }
  const st = buildSymTable(mod, maxDepth);
  const c = new Compiler(st, filename);
  c.interactive = mode === 'single';
  c.namesAtTop = true;
  if (mode !== 'eval') return c.compileModule(mod);
  c.u.code.flags = CO_NAMES;
  c.expr((mod.body[0] as Expr).value);
  c.emit(Op.RETURN_VALUE, 0);
  return c.finishUnit();
}

/** False for a constant `is` should not compare with (check_is_arg). */
function isNotLiteral(e: expr): boolean {
  if (e.k !== K.Constant) return true;
  const v = (e as Constant).value;
  return v === None || v === True || v === False || v === Ellipsis;
}

export function compileModule(mod: Module, filename: string, maxDepth: int, interactive: boolean = false): PyCode {
  const st = buildSymTable(mod, maxDepth);
  const c = new Compiler(st, filename);
  c.interactive = interactive;
  return c.compileModule(mod);
}
