// Bytecode compiler: AST + symbol table -> PyCode objects.
import type { int } from '../../translate/rlib/index.ts';
import { Node, K, ArgSpec } from '../parser/ast.ts';
import * as A from '../parser/ast.ts';
import { ParseError } from '../parser/tokenizer.ts';
import { PyObject, PyStr, PyInt, PyFloat, newStr, newTuple, None, newInt, mapGetInt } from '../objects/core.ts';
import { PyCode, CO_VARARGS, CO_VARKW, CO_GENERATOR, CO_NAMES, InlineCache, maxStackDepth, packInstructions } from './code.ts';
import { Op, F_CACHE, opFlags } from './opcodes.ts';
import { SymTable, Scope, buildSymTable, S_MODULE, S_FUNC, S_CLASS, N_LOCAL, N_CELL, N_FREE, N_GLOBAL, N_NAME } from './symtable.ts';

const FB_LOOP = 0;
const FB_FOR = 1;
const FB_TRY_FINALLY = 2;
const FB_WITH = 3;
const FB_HANDLER = 4;
const FB_FINALLY_END = 5;

class FBlock {
  kind: int;
  breakLabel: int;
  continueLabel: int;
  body: Node[];
  name: string = '';
  constructor(kind: int, breakLabel: int, continueLabel: int, body: Node[]) {
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
    else if (v instanceof PyInt && v.big === null) key = (v.v === 1 && v.cls.name === 'bool' ? 'b' : v.cls.name === 'bool' ? 'b' : 'i') + String(v.v);
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
    for (let i = 0; i < u.code.ops.length >> 1; i++) {
      u.code.ics.push((opFlags(u.code.ops[i * 2]) & F_CACHE) !== 0 ? new InlineCache() : null);
    }
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
      let i = c.cellvars.indexOf(name);
      if (i < 0) i = c.cellvars.length + c.freevars.indexOf(name);
      this.emit(ctx === 0 ? Op.LOAD_DEREF : ctx === 1 ? Op.STORE_DEREF : Op.DELETE_DEREF, i);
      return;
    }
    if (kind === N_NAME || (sc.kind === S_CLASS && kind !== N_GLOBAL)) {
      this.emit(ctx === 0 ? Op.LOAD_NAME : ctx === 1 ? Op.STORE_NAME : Op.DELETE_NAME, this.nameIndex(name));
      return;
    }
    if (sc.kind === S_CLASS && kind === N_GLOBAL && !sc.globals.has(name)) {
      this.emit(ctx === 0 ? Op.LOAD_NAME : ctx === 1 ? Op.STORE_NAME : Op.DELETE_NAME, this.nameIndex(name));
      return;
    }
    this.emit(ctx === 0 ? Op.LOAD_GLOBAL : ctx === 1 ? Op.STORE_GLOBAL : Op.DELETE_GLOBAL, this.nameIndex(name));
  }

  // ---- module ----
  compileModule(mod: Node): PyCode {
    this.u.code.flags = CO_NAMES;
    this.compileBody(mod.xs);
    this.loadConst(None);
    this.emit(Op.RETURN_VALUE, 0);
    return this.finishUnit();
  }
  compileBody(body: Node[]): void {
    for (const s of body) this.stmt(s);
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
      if (sc.isGenerator) code.flags |= CO_GENERATOR;
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
  pushDefaults(spec: ArgSpec): int {
    let flags = 0;
    if (spec.defaults.length > 0) {
      for (const d of spec.defaults) this.expr(d);
      this.emit(Op.BUILD_TUPLE, spec.defaults.length);
      flags |= 1;
    }
    let nkw = 0;
    for (let i = 0; i < spec.kwonly.length; i++) {
      const d = spec.kwDefaults[i];
      if (d !== null) {
        this.loadConst(newStr(spec.kwonly[i]));
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
  setupArgs(code: PyCode, spec: ArgSpec): void {
    code.argcount = spec.args.length;
    code.posonly = spec.posonly;
    code.kwonly = spec.kwonly.length;
    if (spec.vararg !== '') code.flags |= CO_VARARGS;
    if (spec.kwarg !== '') code.flags |= CO_VARKW;
  }
  funcDef(s: Node): void {
    for (const d of s.ys) {
      this.expr(d);
      this.emit(Op.PUSH_NULL, 0);
    }
    const spec = s.args as ArgSpec;
    const flags = this.pushDefaults(spec);
    this.enterScope(s, s.s, s.line);
    this.setupArgs(this.u.code, spec);
    this.qualPrefix.push(s.s);
    this.qualPrefix.push('<locals>');
    // docstring
    if (s.xs.length > 0 && s.xs[0].k === K.Expr && (s.xs[0].a as Node).k === K.Const && (s.xs[0].a as Node).v instanceof PyStr) {
      this.u.code.consts.push((s.xs[0].a as Node).v as PyObject);
    } else {
      this.u.code.consts.push(None);
    }
    this.compileBody(s.xs);
    this.loadConst(None);
    this.emit(Op.RETURN_VALUE, 0);
    this.qualPrefix.pop();
    this.qualPrefix.pop();
    const code = this.leaveScope();
    this.u.line = s.line;
    this.makeFunction(code, flags);
    for (let i = 0; i < s.ys.length; i++) this.emit(Op.CALL, 1);
    this.nameOp(s.s, 1);
  }
  classDef(s: Node): void {
    for (const d of s.ws) {
      this.expr(d);
      this.emit(Op.PUSH_NULL, 0);
    }
    this.emit(Op.LOAD_BUILD_CLASS, 0);
    this.emit(Op.PUSH_NULL, 0);
    this.enterScope(s, s.s, s.line);
    this.qualPrefix.push(s.s);
    this.nameOp('__name__', 0);
    this.nameOp('__module__', 1);
    this.loadConst(newStr(this.u.code.qualname));
    this.nameOp('__qualname__', 1);
    if (s.xs.length > 0 && s.xs[0].k === K.Expr && (s.xs[0].a as Node).k === K.Const && (s.xs[0].a as Node).v instanceof PyStr) {
      this.expr(s.xs[0].a as Node);
      this.nameOp('__doc__', 1);
    }
    this.compileBody(s.xs);
    this.loadConst(None);
    this.emit(Op.RETURN_VALUE, 0);
    this.qualPrefix.pop();
    const code = this.leaveScope();
    this.u.line = s.line;
    this.makeFunction(code, 0);
    this.loadConst(newStr(s.s));
    this.callArgs(2, s.ys, s.zs);
    for (let i = 0; i < s.ws.length; i++) this.emit(Op.CALL, 1);
    this.nameOp(s.s, 1);
  }
  /** Compiles call arguments; `pushed` positional args are already on the stack. */
  callArgs(pushed: int, args: Node[], kws: Node[]): void {
    let simple = true;
    for (const a of args) if (a.k === K.Starred) simple = false;
    for (const k of kws) if (k.s === '') simple = false;
    if (simple) {
      for (const a of args) this.expr(a);
      if (kws.length > 0) {
        const names: PyObject[] = [];
        for (const k of kws) {
          this.expr(k.a as Node);
          names.push(newStr(k.s));
        }
        this.emit(Op.KW_NAMES, this.constIndex(newTuple(names)));
      }
      this.emit(Op.CALL, pushed + args.length + kws.length);
      return;
    }
    this.emit(Op.BUILD_LIST, pushed);
    for (const a of args) {
      if (a.k === K.Starred) {
        this.expr(a.a as Node);
        this.emit(Op.LIST_EXTEND, 1);
      } else {
        this.expr(a);
        this.emit(Op.LIST_APPEND, 1);
      }
    }
    this.emit(Op.LIST_TO_TUPLE, 0);
    if (kws.length > 0) {
      this.emit(Op.BUILD_MAP, 0);
      for (const k of kws) {
        if (k.s === '') {
          this.expr(k.a as Node);
          this.emit(Op.DICT_MERGE, 1);
        } else {
          this.loadConst(newStr(k.s));
          this.expr(k.a as Node);
          this.emit(Op.MAP_ADD, 1);
        }
      }
      this.emit(Op.CALL_EX, 1);
    } else {
      this.emit(Op.CALL_EX, 0);
    }
  }

  // ---- statements ----
  stmt(s: Node): void {
    this.u.line = s.line;
    switch (s.k) {
      case K.FunctionDef:
        this.funcDef(s);
        return;
      case K.ClassDef:
        this.classDef(s);
        return;
      case K.Return:
        this.returnStmt(s);
        return;
      case K.Delete:
        for (const t of s.xs) this.delTarget(t);
        return;
      case K.Assign: {
        this.expr(s.a as Node);
        for (let i = 0; i < s.xs.length; i++) {
          if (i < s.xs.length - 1) this.emit(Op.DUP_TOP, 0);
          this.store(s.xs[i]);
        }
        return;
      }
      case K.AugAssign:
        this.augAssign(s);
        return;
      case K.AnnAssign:
        if (s.c !== null) {
          this.expr(s.c);
          this.store(s.a as Node);
        }
        return;
      case K.For:
        this.forStmt(s);
        return;
      case K.While:
        this.whileStmt(s);
        return;
      case K.If: {
        const lelse = this.newLabel();
        const lend = this.newLabel();
        this.condJump(s.a as Node, false, lelse);
        this.compileBody(s.xs);
        if (s.ys.length > 0) this.jump(Op.JUMP, lend);
        this.bindLabel(lelse);
        this.compileBody(s.ys);
        this.bindLabel(lend);
        return;
      }
      case K.With:
        this.withStmt(s, 0);
        return;
      case K.Raise:
        if (s.a === null) this.emit(Op.RAISE_VARARGS, 0);
        else {
          this.expr(s.a);
          if (s.b !== null) {
            this.expr(s.b);
            this.emit(Op.RAISE_VARARGS, 2);
          } else this.emit(Op.RAISE_VARARGS, 1);
        }
        return;
      case K.Try:
        if (s.ws.length > 0) this.tryFinally(s);
        else this.tryExcept(s);
        return;
      case K.Assert: {
        const lend = this.newLabel();
        this.condJump(s.a as Node, true, lend);
        this.emit(Op.LOAD_ASSERTION_ERROR, 0);
        if (s.b !== null) {
          this.emit(Op.PUSH_NULL, 0);
          this.expr(s.b);
          this.emit(Op.CALL, 1);
        }
        this.emit(Op.RAISE_VARARGS, 1);
        this.bindLabel(lend);
        return;
      }
      case K.Import:
        for (const al of s.xs) {
          this.loadConst(newInt(0));
          this.loadConst(None);
          this.emit(Op.IMPORT_NAME, this.nameIndex(al.s));
          if (al.s2 !== '') {
            const parts = al.s.split('.');
            for (let i = 1; i < parts.length; i++) this.emit(Op.LOAD_ATTR, this.nameIndex(parts[i]));
            this.nameOp(al.s2, 1);
          } else {
            this.nameOp(al.s.split('.')[0], 1);
          }
        }
        return;
      case K.ImportFrom: {
        this.loadConst(newInt(s.n));
        const names: PyObject[] = [];
        for (const al of s.xs) names.push(newStr(al.s));
        this.loadConst(newTuple(names));
        this.emit(Op.IMPORT_NAME, this.nameIndex(s.s));
        if (s.xs.length === 1 && s.xs[0].s === '*') {
          this.emit(Op.IMPORT_STAR, 0);
          return;
        }
        for (const al of s.xs) {
          this.emit(Op.IMPORT_FROM, this.nameIndex(al.s));
          this.nameOp(al.s2 !== '' ? al.s2 : al.s, 1);
        }
        this.emit(Op.POP_TOP, 0);
        return;
      }
      case K.Global:
      case K.Nonlocal:
      case K.Pass:
        return;
      case K.Expr: {
        const e = s.a as Node;
        if (e.k === K.Const && this.u.scope.kind !== S_MODULE) return;
        this.expr(e);
        this.emit(this.interactive && this.u.scope.kind === S_MODULE ? Op.PRINT_EXPR : Op.POP_TOP, 0);
        return;
      }
      case K.Match:
        this.matchStmt(s);
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
  returnStmt(s: Node): void {
    if (s.a !== null) this.expr(s.a);
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
  breakContinue(s: Node, isBreak: boolean): void {
    const fbs = this.u.fblocks;
    let target = -1;
    for (let i = fbs.length - 1; i >= 0; i--) {
      if (fbs[i].kind === FB_LOOP || fbs[i].kind === FB_FOR) {
        target = i;
        break;
      }
    }
    if (target < 0) throw this.err(isBreak ? "'break' outside loop" : "'continue' not properly in loop", s);
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
  matchStmt(s: Node): void {
    const lend = this.newLabel();
    this.expr(s.a as Node);
    const subj = this.newTemp();
    this.storeTemp(subj);
    for (const c of s.xs) {
      this.u.line = c.line;
      const lfail = this.newLabel();
      this.pattern(c.a as Node, subj, lfail);
      if (c.b !== null) this.condJump(c.b, false, lfail);
      this.compileBody(c.xs);
      this.jump(Op.JUMP, lend);
      this.bindLabel(lfail);
    }
    this.bindLabel(lend);
  }
  isWildcard(p: Node): boolean {
    return p.k === K.MatchCapture && p.s === '';
  }
  subPattern(p: Node, fail: int): void {
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
  pattern(p: Node, subj: int, fail: int): void {
    switch (p.k) {
      case K.MatchValue:
        this.loadTemp(subj);
        this.expr(p.a as Node);
        this.emit(Op.COMPARE_OP, A.CMP_EQ);
        this.jump(Op.POP_JUMP_IF_FALSE, fail);
        return;
      case K.MatchSingleton:
        this.loadTemp(subj);
        this.loadConst(p.v as PyObject);
        this.emit(Op.IS_OP, 0);
        this.jump(Op.POP_JUMP_IF_FALSE, fail);
        return;
      case K.MatchCapture:
        if (p.s !== '') {
          this.loadTemp(subj);
          this.nameOp(p.s, 1);
        }
        return;
      case K.MatchAs:
        this.pattern(p.a as Node, subj, fail);
        this.loadTemp(subj);
        this.nameOp(p.s, 1);
        return;
      case K.MatchOr: {
        const lok = this.newLabel();
        for (let i = 0; i < p.xs.length; i++) {
          if (i === p.xs.length - 1) {
            this.pattern(p.xs[i], subj, fail);
          } else {
            const lnext = this.newLabel();
            this.pattern(p.xs[i], subj, lnext);
            this.jump(Op.JUMP, lok);
            this.bindLabel(lnext);
          }
        }
        this.bindLabel(lok);
        return;
      }
      case K.MatchSeq: {
        let star = -1;
        for (let i = 0; i < p.xs.length; i++) if (p.xs[i].k === K.MatchStar) star = i;
        const n = p.xs.length;
        this.loadTemp(subj);
        this.emit(Op.MATCH_SEQUENCE, 0);
        this.jump(Op.POP_JUMP_IF_FALSE, fail);
        this.loadTemp(subj);
        this.emit(Op.GET_LEN, 0);
        this.loadConst(newInt(star >= 0 ? n - 1 : n));
        this.emit(Op.COMPARE_OP, star >= 0 ? A.CMP_GE : A.CMP_EQ);
        this.jump(Op.POP_JUMP_IF_FALSE, fail);
        for (let i = 0; i < n; i++) {
          const sp = p.xs[i];
          if (i === star) {
            if (sp.s !== '') {
              this.loadTemp(subj);
              this.emit(Op.MATCH_STAR_LIST, star + ((n - 1 - star) << 8));
              this.nameOp(sp.s, 1);
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
        this.loadTemp(subj);
        this.emit(Op.MATCH_MAPPING, 0);
        this.jump(Op.POP_JUMP_IF_FALSE, fail);
        this.loadTemp(subj);
        for (const k of p.xs) this.expr(k);
        this.emit(Op.BUILD_TUPLE, p.xs.length);
        this.emit(Op.MATCH_KEYS, 0);
        const vals = this.newTemp();
        this.storeTemp(vals);
        this.checkNotNone(vals, fail);
        for (let i = 0; i < p.ys.length; i++) {
          if (this.isWildcard(p.ys[i])) continue;
          this.loadTemp(vals);
          this.loadConst(newInt(i));
          this.emit(Op.BINARY_SUBSCR, 0);
          this.subPattern(p.ys[i], fail);
        }
        if (p.s !== '') {
          this.loadTemp(subj);
          for (const k of p.xs) this.expr(k);
          this.emit(Op.BUILD_TUPLE, p.xs.length);
          this.emit(Op.MATCH_MAP_REST, 0);
          this.nameOp(p.s, 1);
        }
        return;
      }
      case K.MatchClass: {
        this.loadTemp(subj);
        this.expr(p.a as Node);
        const kn: PyObject[] = [];
        for (const nm of p.names) kn.push(newStr(nm));
        this.loadConst(newTuple(kn));
        this.emit(Op.MATCH_CLASS, p.xs.length);
        const vals = this.newTemp();
        this.storeTemp(vals);
        this.checkNotNone(vals, fail);
        const subs: Node[] = [];
        for (const x of p.xs) subs.push(x);
        for (const x of p.ys) subs.push(x);
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
  forStmt(s: Node): void {
    const ltop = this.newLabel();
    const lexhaust = this.newLabel();
    const lbreak = this.newLabel();
    this.expr(s.b as Node);
    this.emit(Op.GET_ITER, 0);
    this.bindLabel(ltop);
    this.jump(Op.FOR_ITER, lexhaust);
    this.u.fblocks.push(new FBlock(FB_FOR, lbreak, ltop, []));
    this.store(s.a as Node);
    this.compileBody(s.xs);
    this.u.line = s.line;
    this.jump(Op.JUMP_BACKWARD, ltop);
    this.u.fblocks.pop();
    this.bindLabel(lexhaust);
    this.compileBody(s.ys);
    this.bindLabel(lbreak);
  }
  whileStmt(s: Node): void {
    const ltop = this.newLabel();
    const lelse = this.newLabel();
    const lbreak = this.newLabel();
    this.bindLabel(ltop);
    this.condJump(s.a as Node, false, lelse);
    this.u.fblocks.push(new FBlock(FB_LOOP, lbreak, ltop, []));
    this.compileBody(s.xs);
    this.u.line = s.line;
    this.jump(Op.JUMP_BACKWARD, ltop);
    this.u.fblocks.pop();
    this.bindLabel(lelse);
    this.compileBody(s.ys);
    this.bindLabel(lbreak);
  }
  withStmt(s: Node, idx: int): void {
    const item = s.xs[idx];
    const lexc = this.newLabel();
    const lend = this.newLabel();
    this.expr(item.a as Node);
    this.jump(Op.SETUP_WITH, lexc);
    if (item.b !== null) this.store(item.b);
    else this.emit(Op.POP_TOP, 0);
    this.u.fblocks.push(new FBlock(FB_WITH, -1, -1, []));
    if (idx + 1 < s.xs.length) this.withStmt(s, idx + 1);
    else this.compileBody(s.ys);
    this.u.fblocks.pop();
    this.u.line = s.line;
    this.emit(Op.POP_BLOCK, 0);
    this.emit(Op.WITH_EXIT, 0);
    this.jump(Op.JUMP, lend);
    this.bindLabel(lexc);
    this.emit(Op.WITH_EXCEPT, 0);
    this.bindLabel(lend);
  }
  tryFinally(s: Node): void {
    const lhandler = this.newLabel();
    const lend = this.newLabel();
    this.jump(Op.SETUP_FINALLY, lhandler);
    this.u.fblocks.push(new FBlock(FB_TRY_FINALLY, -1, -1, s.ws));
    if (s.ys.length > 0) this.tryExcept(s);
    else this.compileBody(s.xs);
    this.u.fblocks.pop();
    this.emit(Op.POP_BLOCK, 0);
    this.compileBody(s.ws);
    this.jump(Op.JUMP, lend);
    // exceptional path: stack [..., exc]
    this.bindLabel(lhandler);
    const lcleanup = this.newLabel();
    this.emit(Op.PUSH_EXC_INFO, 0);
    this.jump(Op.SETUP_CLEANUP, lcleanup);
    this.u.fblocks.push(new FBlock(FB_FINALLY_END, -1, -1, []));
    this.compileBody(s.ws);
    this.u.fblocks.pop();
    this.emit(Op.POP_BLOCK, 0);
    this.emit(Op.POP_EXCEPT_RERAISE, 0);
    this.bindLabel(lcleanup);
    this.emit(Op.POP_EXCEPT_RERAISE, 0);
    this.bindLabel(lend);
  }
  tryExcept(s: Node): void {
    const lhandler = this.newLabel();
    const lelse = this.newLabel();
    const lend = this.newLabel();
    const lcleanup = this.newLabel();
    this.jump(Op.SETUP_FINALLY, lhandler);
    this.compileBody(s.xs);
    this.emit(Op.POP_BLOCK, 0);
    this.jump(Op.JUMP, lelse);
    this.bindLabel(lhandler);
    this.emit(Op.PUSH_EXC_INFO, 0);
    this.jump(Op.SETUP_CLEANUP, lcleanup);
    for (let i = 0; i < s.ys.length; i++) {
      const h = s.ys[i];
      this.u.line = h.line;
      if (h.a === null && i < s.ys.length - 1) throw this.err("default 'except:' must be last", h);
      const lnext = this.newLabel();
      if (h.a !== null) {
        this.expr(h.a);
        this.emit(Op.CHECK_EXC_MATCH, 0);
        this.jump(Op.POP_JUMP_IF_FALSE, lnext);
      }
      if (h.s !== '') this.nameOp(h.s, 1);
      else this.emit(Op.POP_TOP, 0);
      const fb = new FBlock(FB_HANDLER, -1, -1, []);
      fb.name = h.s;
      this.u.fblocks.push(fb);
      this.compileBody(h.xs);
      this.u.fblocks.pop();
      this.emit(Op.POP_BLOCK, 0);
      this.emit(Op.POP_EXCEPT, 0);
      if (h.s !== '') {
        this.loadConst(None);
        this.nameOp(h.s, 1);
        this.nameOp(h.s, 2);
      }
      this.jump(Op.JUMP, lend);
      this.bindLabel(lnext);
    }
    this.emit(Op.RERAISE, 0);
    this.bindLabel(lcleanup);
    this.emit(Op.POP_EXCEPT_RERAISE, 0);
    this.bindLabel(lelse);
    this.compileBody(s.zs);
    this.bindLabel(lend);
  }
  augAssign(s: Node): void {
    const t = s.a as Node;
    const op = s.n + A.BIN_INPLACE;
    if (t.k === K.Name) {
      this.nameOp(t.s, 0);
      this.expr(s.b as Node);
      this.emit(Op.BINARY_OP, op);
      this.nameOp(t.s, 1);
    } else if (t.k === K.Attribute) {
      this.expr(t.a as Node);
      this.emit(Op.DUP_TOP, 0);
      this.emit(Op.LOAD_ATTR, this.nameIndex(t.s));
      this.expr(s.b as Node);
      this.emit(Op.BINARY_OP, op);
      this.emit(Op.ROT_TWO, 0);
      this.emit(Op.STORE_ATTR, this.nameIndex(t.s));
    } else {
      this.expr(t.a as Node);
      this.subscriptIndex(t.b as Node);
      this.emit(Op.DUP_TOP_TWO, 0);
      this.emit(Op.BINARY_SUBSCR, 0);
      this.expr(s.b as Node);
      this.emit(Op.BINARY_OP, op);
      this.emit(Op.ROT_THREE, 0);
      this.emit(Op.STORE_SUBSCR, 0);
    }
  }
  store(t: Node): void {
    switch (t.k) {
      case K.Name:
        this.nameOp(t.s, 1);
        return;
      case K.Attribute:
        this.expr(t.a as Node);
        this.emit(Op.STORE_ATTR, this.nameIndex(t.s));
        return;
      case K.Subscript:
        this.expr(t.a as Node);
        this.subscriptIndex(t.b as Node);
        this.emit(Op.STORE_SUBSCR, 0);
        return;
      case K.Tuple:
      case K.List: {
        let star = -1;
        for (let i = 0; i < t.xs.length; i++) {
          if (t.xs[i].k === K.Starred) {
            if (star >= 0) throw this.err('multiple starred expressions in assignment', t);
            star = i;
          }
        }
        if (star < 0) this.emit(Op.UNPACK_SEQUENCE, t.xs.length);
        else this.emit(Op.UNPACK_EX, star + ((t.xs.length - star - 1) << 8));
        for (const x of t.xs) this.store(x.k === K.Starred ? (x.a as Node) : x);
        return;
      }
      case K.Starred:
        throw this.err('starred assignment target must be in a list or tuple', t);
    }
    throw this.err('cannot assign to expression', t);
  }
  delTarget(t: Node): void {
    switch (t.k) {
      case K.Name:
        this.nameOp(t.s, 2);
        return;
      case K.Attribute:
        this.expr(t.a as Node);
        this.emit(Op.DELETE_ATTR, this.nameIndex(t.s));
        return;
      case K.Subscript:
        this.expr(t.a as Node);
        this.subscriptIndex(t.b as Node);
        this.emit(Op.DELETE_SUBSCR, 0);
        return;
      case K.Tuple:
      case K.List:
        for (const x of t.xs) this.delTarget(x);
        return;
    }
    throw this.err('cannot delete expression', t);
  }
  subscriptIndex(e: Node): void {
    if (e.k === K.Slice) {
      if (e.a !== null) this.expr(e.a);
      else this.loadConst(None);
      if (e.b !== null) this.expr(e.b);
      else this.loadConst(None);
      if (e.c !== null) {
        this.expr(e.c);
        this.emit(Op.BUILD_SLICE, 3);
      } else this.emit(Op.BUILD_SLICE, 2);
      return;
    }
    this.expr(e);
  }
  /** Jumps to label when truthiness of e equals `when`. */
  condJump(e: Node, when: boolean, label: int): void {
    if (e.k === K.UnaryOp && e.n === A.U_NOT) {
      this.condJump(e.a as Node, !when, label);
      return;
    }
    if (e.k === K.BoolOp) {
      const isAnd = e.n === 0;
      if (isAnd !== when) {
        // and/false or or/true: any operand deciding jumps to label
        for (const x of e.xs) this.condJump(x, when, label);
      } else {
        const lskip = this.newLabel();
        for (let i = 0; i < e.xs.length - 1; i++) this.condJump(e.xs[i], !when, lskip);
        this.condJump(e.xs[e.xs.length - 1], when, label);
        this.bindLabel(lskip);
      }
      return;
    }
    this.expr(e);
    this.jump(when ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, label);
  }

  // ---- expressions ----
  expr(e: Node): void {
    const savedLine = this.u.line;
    this.u.line = e.line;
    this.expr1(e);
    this.u.line = savedLine;
  }
  expr1(e: Node): void {
    switch (e.k) {
      case K.Name:
        this.nameOp(e.s, 0);
        return;
      case K.Const:
        this.loadConst(e.v as PyObject);
        return;
      case K.JoinedStr: {
        for (const p of e.xs) this.expr(p);
        if (e.xs.length !== 1 || e.xs[0].k !== K.Const) this.emit(Op.BUILD_STRING, e.xs.length);
        return;
      }
      case K.FormattedValue: {
        this.expr(e.a as Node);
        let conv = 0;
        if (e.n === 115) conv = 1;
        else if (e.n === 114) conv = 2;
        else if (e.n === 97) conv = 3;
        if (e.b !== null) {
          this.expr(e.b);
          if (e.b.xs.length === 1 && e.b.xs[0].k === K.Const) {
            // single constant spec: already a str
          }
          conv |= 4;
        }
        this.emit(Op.FORMAT_VALUE, conv);
        return;
      }
      case K.BinOp:
        this.expr(e.a as Node);
        this.expr(e.b as Node);
        this.emit(Op.BINARY_OP, e.n);
        return;
      case K.UnaryOp:
        this.expr(e.a as Node);
        if (e.n === A.U_NEG) this.emit(Op.UNARY_NEG, 0);
        else if (e.n === A.U_POS) this.emit(Op.UNARY_POS, 0);
        else if (e.n === A.U_NOT) this.emit(Op.UNARY_NOT, 0);
        else this.emit(Op.UNARY_INVERT, 0);
        return;
      case K.BoolOp: {
        const lend = this.newLabel();
        for (let i = 0; i < e.xs.length; i++) {
          this.expr(e.xs[i]);
          if (i < e.xs.length - 1) this.jump(e.n === 0 ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP, lend);
        }
        this.bindLabel(lend);
        return;
      }
      case K.Compare: {
        this.expr(e.a as Node);
        if (e.xs.length === 1) {
          this.expr(e.xs[0]);
          this.compareOp(e.ops[0]);
          return;
        }
        const lcleanup = this.newLabel();
        const lend = this.newLabel();
        for (let i = 0; i < e.xs.length; i++) {
          this.expr(e.xs[i]);
          if (i < e.xs.length - 1) {
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
        return;
      }
      case K.Call:
        this.call(e);
        return;
      case K.Attribute:
        this.expr(e.a as Node);
        this.emit(Op.LOAD_ATTR, this.nameIndex(e.s));
        return;
      case K.Subscript:
        this.expr(e.a as Node);
        this.subscriptIndex(e.b as Node);
        this.emit(Op.BINARY_SUBSCR, 0);
        return;
      case K.Slice:
        this.subscriptIndex(e);
        return;
      case K.Starred:
        throw this.err("can't use starred expression here", e);
      case K.Tuple:
      case K.List:
      case K.Set: {
        let star = false;
        for (const x of e.xs) if (x.k === K.Starred) star = true;
        if (!star) {
          for (const x of e.xs) this.expr(x);
          this.emit(e.k === K.Tuple ? Op.BUILD_TUPLE : e.k === K.List ? Op.BUILD_LIST : Op.BUILD_SET, e.xs.length);
          return;
        }
        const isSet = e.k === K.Set;
        this.emit(isSet ? Op.BUILD_SET : Op.BUILD_LIST, 0);
        for (const x of e.xs) {
          if (x.k === K.Starred) {
            this.expr(x.a as Node);
            this.emit(isSet ? Op.SET_UPDATE : Op.LIST_EXTEND, 1);
          } else {
            this.expr(x);
            this.emit(isSet ? Op.SET_ADD : Op.LIST_APPEND, 1);
          }
        }
        if (e.k === K.Tuple) this.emit(Op.LIST_TO_TUPLE, 0);
        return;
      }
      case K.Dict: {
        let star = false;
        for (const x of e.xs) if (x.k === K.DoubleStar) star = true;
        if (!star) {
          for (let i = 0; i < e.xs.length; i++) {
            this.expr(e.xs[i]);
            this.expr(e.ys[i]);
          }
          this.emit(Op.BUILD_MAP, e.xs.length);
          return;
        }
        this.emit(Op.BUILD_MAP, 0);
        for (let i = 0; i < e.xs.length; i++) {
          if (e.xs[i].k === K.DoubleStar) {
            this.expr(e.ys[i]);
            this.emit(Op.DICT_UPDATE, 1);
          } else {
            this.expr(e.xs[i]);
            this.expr(e.ys[i]);
            this.emit(Op.MAP_ADD, 1);
          }
        }
        return;
      }
      case K.IfExp: {
        const lelse = this.newLabel();
        const lend = this.newLabel();
        this.condJump(e.a as Node, false, lelse);
        this.expr(e.b as Node);
        this.jump(Op.JUMP, lend);
        this.bindLabel(lelse);
        this.expr(e.c as Node);
        this.bindLabel(lend);
        return;
      }
      case K.Lambda: {
        const spec = e.args as ArgSpec;
        const flags = this.pushDefaults(spec);
        this.enterScope(e, '<lambda>', e.line);
        this.setupArgs(this.u.code, spec);
        this.u.code.consts.push(None);
        this.expr(e.a as Node);
        this.emit(Op.RETURN_VALUE, 0);
        const code = this.leaveScope();
        this.makeFunction(code, flags);
        return;
      }
      case K.ListComp:
      case K.SetComp:
      case K.GenExp:
      case K.DictComp:
        this.comprehension(e);
        return;
      case K.Yield:
        if (e.a !== null) this.expr(e.a);
        else this.loadConst(None);
        this.emit(Op.YIELD_VALUE, 0);
        return;
      case K.YieldFrom: {
        this.expr(e.a as Node);
        this.emit(Op.GET_YIELD_FROM_ITER, 0);
        this.loadConst(None);
        const lloop = this.newLabel();
        const lexit = this.newLabel();
        this.bindLabel(lloop);
        this.jump(Op.SEND, lexit);
        this.emit(Op.YIELD_VALUE, 0);
        this.jump(Op.JUMP, lloop);
        this.bindLabel(lexit);
        return;
      }
      case K.NamedExpr:
        this.expr(e.b as Node);
        this.emit(Op.DUP_TOP, 0);
        this.store(e.a as Node);
        return;
    }
    throw this.err('unsupported expression', e);
  }
  compareOp(op: int): void {
    if (op === A.CMP_IS) this.emit(Op.IS_OP, 0);
    else if (op === A.CMP_ISNOT) this.emit(Op.IS_OP, 1);
    else if (op === A.CMP_IN) this.emit(Op.CONTAINS_OP, 0);
    else if (op === A.CMP_NOTIN) this.emit(Op.CONTAINS_OP, 1);
    else this.emit(Op.COMPARE_OP, op);
  }
  call(e: Node): void {
    const f = e.a as Node;
    let simple = true;
    for (const a of e.xs) if (a.k === K.Starred) simple = false;
    for (const k of e.ys) if (k.s === '') simple = false;
    if (f.k === K.Attribute && simple) {
      this.expr(f.a as Node);
      this.u.line = f.line;
      this.emit(Op.LOAD_METHOD, this.nameIndex(f.s));
    } else {
      this.expr(f);
      this.emit(Op.PUSH_NULL, 0);
    }
    this.callArgs(0, e.xs, e.ys);
  }
  comprehension(e: Node): void {
    const comps = e.xs;
    const nm = e.k === K.ListComp ? '<listcomp>' : e.k === K.SetComp ? '<setcomp>' : e.k === K.GenExp ? '<genexpr>' : '<dictcomp>';
    this.enterScope(e, nm, e.line);
    const code = this.u.code;
    code.argcount = 1;
    code.consts.push(None);
    if (e.k === K.ListComp) this.emit(Op.BUILD_LIST, 0);
    else if (e.k === K.SetComp) this.emit(Op.BUILD_SET, 0);
    else if (e.k === K.DictComp) this.emit(Op.BUILD_MAP, 0);
    this.compGen(e, 0, e.k === K.GenExp ? 0 : 1);
    if (e.k === K.GenExp) this.loadConst(None);
    this.emit(Op.RETURN_VALUE, 0);
    const inner = this.leaveScope();
    this.makeFunction(inner, 0);
    this.emit(Op.PUSH_NULL, 0);
    this.expr(comps[0].b as Node);
    this.emit(Op.GET_ITER, 0);
    this.emit(Op.CALL, 1);
  }
  compGen(e: Node, idx: int, depth: int): void {
    const c = e.xs[idx];
    const ltop = this.newLabel();
    const lend = this.newLabel();
    if (idx === 0) this.emit(Op.LOAD_FAST, 0);
    else {
      this.expr(c.b as Node);
      this.emit(Op.GET_ITER, 0);
    }
    this.bindLabel(ltop);
    this.jump(Op.FOR_ITER, lend);
    this.store(c.a as Node);
    for (const f of c.ys) this.condJump(f, false, ltop);
    if (idx + 1 < e.xs.length) {
      this.compGen(e, idx + 1, depth + 1);
    } else {
      if (e.k === K.GenExp) {
        this.expr(e.a as Node);
        this.emit(Op.YIELD_VALUE, 0);
        this.emit(Op.POP_TOP, 0);
      } else if (e.k === K.DictComp) {
        this.expr(e.a as Node);
        this.expr(e.b as Node);
        this.emit(Op.MAP_ADD, depth + 1);
      } else {
        this.expr(e.a as Node);
        this.emit(e.k === K.ListComp ? Op.LIST_APPEND : Op.SET_ADD, depth + 1);
      }
    }
    this.jump(Op.JUMP_BACKWARD, ltop);
    this.bindLabel(lend);
  }
}

/** The code of module mod; expressions nested deeper than maxDepth are a RecursionError (a
 * ParseError of that kind), as in CPython. */
export function compileModule(mod: Node, filename: string, maxDepth: int, interactive: boolean = false): PyCode {
  const st = buildSymTable(mod, maxDepth);
  const c = new Compiler(st, filename);
  c.interactive = interactive;
  return c.compileModule(mod);
}
