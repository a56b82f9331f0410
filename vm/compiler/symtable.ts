// Scope analysis: which names are fast locals, cells, free variables, globals or dict names.
import type { int } from '../../translate/rlib/index.ts';
import { K } from '../parser/ast.ts';
import * as A from '../parser/ast.ts';
import { ParseError } from '../parser/tokenizer.ts';

export const S_MODULE = 0;
export const S_FUNC = 1;
export const S_CLASS = 2;

export const N_LOCAL = 1;
export const N_CELL = 2;
export const N_FREE = 3;
export const N_GLOBAL = 4; // LOAD_GLOBAL
export const N_NAME = 5; // LOAD_NAME (class bodies)

export class Scope {
  kind: int;
  name: string;
  parent: Scope | null;
  isComp: boolean = false;
  assigned: Map<string, boolean> = new Map<string, boolean>();
  used: Map<string, boolean> = new Map<string, boolean>();
  params: string[] = [];
  globals: Map<string, boolean> = new Map<string, boolean>();
  nonlocals: Map<string, boolean> = new Map<string, boolean>();
  children: Scope[] = [];
  isGenerator: boolean = false;
  cells: string[] = [];
  frees: string[] = [];
  locals: string[] = [];
  kinds: Map<string, int> = new Map<string, int>();
  constructor(kind: int, name: string, parent: Scope | null) {
    this.kind = kind;
    this.name = name;
    this.parent = parent;
  }
  isLocalDef(name: string): boolean {
    if (this.globals.has(name) || this.nonlocals.has(name)) return false;
    return this.assigned.has(name) || this.params.includes(name);
  }
}

export class SymTable {
  scopes: Map<A.Node, Scope> = new Map<A.Node, Scope>();
  all: Scope[] = [];
  top: Scope;
  /** expressions nested at most (CPython: three times the recursion limit) */
  maxDepth: int;
  depth: int = 0;
  constructor(maxDepth: int) {
    this.maxDepth = maxDepth;
    this.top = new Scope(S_MODULE, '<module>', null);
    this.all.push(this.top);
  }
  newScope(node: A.Node, kind: int, name: string, parent: Scope): Scope {
    const s = new Scope(kind, name, parent);
    parent.children.push(s);
    this.scopes.set(node, s);
    this.all.push(s);
    return s;
  }

  // ---- pass 1: collect ----
  bind(sc: Scope, name: string): void {
    if (sc.globals.has(name) || sc.nonlocals.has(name)) return;
    sc.assigned.set(name, true);
  }
  use(sc: Scope, name: string): void {
    sc.used.set(name, true);
  }
  visitStmts(sc: Scope, body: A.stmt[]): void {
    for (const s of body) this.visitStmt(sc, s);
  }
  visitExprs(sc: Scope, es: A.expr[]): void {
    for (const e of es) this.visitExpr(sc, e);
  }
  visitArgs(sc: Scope, spec: A.Arguments, inner: Scope): void {
    for (const d of spec.defaults) this.visitExpr(sc, d);
    for (const d of spec.kw_defaults) if (d !== null) this.visitExpr(sc, d);
    for (const a of spec.args) inner.params.push(a);
    for (const a of spec.kwonlyargs) inner.params.push(a);
    if (spec.vararg !== '') inner.params.push(spec.vararg);
    if (spec.kwarg !== '') inner.params.push(spec.kwarg);
  }
  visitStmt(sc: Scope, s: A.stmt): void {
    // statements count towards the nesting too, as in CPython
    this.depth++;
    if (this.depth > this.maxDepth) throw new ParseError('RecursionError', 'maximum recursion depth exceeded during compilation', 0, 0);
    this.visitStmt1(sc, s);
    this.depth--;
  }
  visitStmt1(sc: Scope, s: A.stmt): void {
    switch (s.k) {
      case K.FunctionDef: {
        const f = s as A.FunctionDef;
        this.visitExprs(sc, f.decorator_list);
        const inner = this.newScope(f, S_FUNC, f.name, sc);
        this.visitArgs(sc, f.args, inner);
        this.visitStmts(inner, f.body);
        this.bind(sc, f.name);
        return;
      }
      case K.ClassDef: {
        const c = s as A.ClassDef;
        this.visitExprs(sc, c.decorator_list);
        this.visitExprs(sc, c.bases);
        for (const kw of c.keywords) this.visitExpr(sc, kw.value);
        const inner = this.newScope(c, S_CLASS, c.name, sc);
        this.visitStmts(inner, c.body);
        this.bind(sc, c.name);
        return;
      }
      case K.Return:
        if (sc.kind !== S_FUNC) throw new ParseError('SyntaxError', "'return' outside function", s.line, s.col + 1);
        this.visitExpr(sc, (s as A.Return).value);
        return;
      case K.Delete:
        for (const t of (s as A.Delete).targets) this.visitTarget(sc, t);
        return;
      case K.Assign: {
        const a = s as A.Assign;
        this.visitExpr(sc, a.value);
        for (const t of a.targets) this.visitTarget(sc, t);
        return;
      }
      case K.AugAssign: {
        const a = s as A.AugAssign;
        this.visitExpr(sc, a.value);
        this.visitExpr(sc, a.target);
        this.visitTarget(sc, a.target);
        return;
      }
      case K.AnnAssign: {
        // the annotation is not evaluated, so not visited
        const a = s as A.AnnAssign;
        if (a.value !== null) {
          this.visitExpr(sc, a.value);
          this.visitTarget(sc, a.target);
        } else if (a.target instanceof A.Name) {
          if (sc.kind !== S_MODULE && sc.kind !== S_CLASS) this.bind(sc, a.target.id);
        }
        return;
      }
      case K.For: {
        const f = s as A.For;
        this.visitExpr(sc, f.iter);
        this.visitTarget(sc, f.target);
        this.visitStmts(sc, f.body);
        this.visitStmts(sc, f.orelse);
        return;
      }
      case K.While: {
        const w = s as A.While;
        this.visitExpr(sc, w.test);
        this.visitStmts(sc, w.body);
        this.visitStmts(sc, w.orelse);
        return;
      }
      case K.If: {
        const i = s as A.If;
        this.visitExpr(sc, i.test);
        this.visitStmts(sc, i.body);
        this.visitStmts(sc, i.orelse);
        return;
      }
      case K.With: {
        const w = s as A.With;
        for (const it of w.items) {
          this.visitExpr(sc, it.context_expr);
          if (it.optional_vars !== null) this.visitTarget(sc, it.optional_vars);
        }
        this.visitStmts(sc, w.body);
        return;
      }
      case K.Raise: {
        const r = s as A.Raise;
        this.visitExpr(sc, r.exc);
        this.visitExpr(sc, r.cause);
        return;
      }
      case K.Try: {
        const t = s as A.Try;
        this.visitStmts(sc, t.body);
        for (const h of t.handlers) {
          this.visitExpr(sc, h.type);
          if (h.name !== '') this.bind(sc, h.name);
          this.visitStmts(sc, h.body);
        }
        this.visitStmts(sc, t.orelse);
        this.visitStmts(sc, t.finalbody);
        return;
      }
      case K.Assert: {
        const a = s as A.Assert;
        this.visitExpr(sc, a.test);
        this.visitExpr(sc, a.msg);
        return;
      }
      case K.Import:
        for (const al of (s as A.Import).names) {
          this.bind(sc, al.asname !== '' ? al.asname : al.name.split('.')[0]);
        }
        return;
      case K.ImportFrom:
        for (const al of (s as A.ImportFrom).names) {
          if (al.name === '*') continue;
          this.bind(sc, al.asname !== '' ? al.asname : al.name);
        }
        return;
      case K.Global:
        for (const nm of (s as A.Global).names) {
          if (sc.assigned.has(nm) || sc.used.has(nm)) {
            const what = sc.assigned.has(nm) ? 'assigned to' : 'used';
            throw new ParseError('SyntaxError', `name '${nm}' is ${what} before global declaration`, s.line, s.col + 1);
          }
          sc.globals.set(nm, true);
        }
        return;
      case K.Nonlocal:
        if (sc.kind === S_MODULE) throw new ParseError('SyntaxError', 'nonlocal declaration not allowed at module level', s.line, s.col + 1);
        for (const nm of (s as A.Nonlocal).names) {
          if (sc.assigned.has(nm) || sc.used.has(nm)) {
            const what = sc.assigned.has(nm) ? 'assigned to' : 'used';
            throw new ParseError('SyntaxError', `name '${nm}' is ${what} before nonlocal declaration`, s.line, s.col + 1);
          }
          sc.nonlocals.set(nm, true);
        }
        return;
      case K.Expr:
        this.visitExpr(sc, (s as A.Expr).value);
        return;
      case K.Match: {
        const m = s as A.Match;
        this.visitExpr(sc, m.subject);
        for (const c of m.cases) {
          this.visitPattern(sc, c.pattern);
          this.visitExpr(sc, c.guard);
          this.visitStmts(sc, c.body);
        }
        return;
      }
    }
  }
  visitPattern(sc: Scope, p: A.pattern): void {
    switch (p.k) {
      case K.MatchValue:
        this.visitExpr(sc, (p as A.MatchValue).value);
        return;
      case K.MatchStar: {
        const name = (p as A.MatchStar).name;
        if (name !== '') this.bind(sc, name);
        return;
      }
      case K.MatchAs: {
        const a = p as A.MatchAs;
        if (a.pattern !== null) this.visitPattern(sc, a.pattern);
        if (a.name !== '') this.bind(sc, a.name);
        return;
      }
      case K.MatchSequence:
        for (const x of (p as A.MatchSequence).patterns) this.visitPattern(sc, x);
        return;
      case K.MatchOr:
        for (const x of (p as A.MatchOr).patterns) this.visitPattern(sc, x);
        return;
      case K.MatchMapping: {
        const m = p as A.MatchMapping;
        this.visitExprs(sc, m.keys);
        for (const x of m.patterns) this.visitPattern(sc, x);
        if (m.rest !== '') this.bind(sc, m.rest);
        return;
      }
      case K.MatchClass: {
        const c = p as A.MatchClass;
        this.visitExpr(sc, c.cls);
        for (const x of c.patterns) this.visitPattern(sc, x);
        for (const x of c.kwd_patterns) this.visitPattern(sc, x);
        return;
      }
    }
  }
  visitTarget(sc: Scope, t: A.expr): void {
    switch (t.k) {
      case K.Name:
        this.bind(sc, (t as A.Name).id);
        return;
      case K.Tuple:
        for (const x of (t as A.Tuple).elts) this.visitTarget(sc, x);
        return;
      case K.List:
        for (const x of (t as A.List).elts) this.visitTarget(sc, x);
        return;
      case K.Starred:
        this.visitTarget(sc, (t as A.Starred).value);
        return;
      case K.Attribute:
        this.visitExpr(sc, (t as A.Attribute).value);
        return;
      case K.Subscript:
        this.visitExpr(sc, (t as A.Subscript).value);
        this.visitExpr(sc, (t as A.Subscript).slice);
        return;
    }
    this.visitExpr(sc, t);
  }
  /** Visits expression e, counting its nesting against maxDepth: the passes after this one
   * recurse as deep as the tree, so a tree too deep is refused here, before any of them
   * overflows the stack. A visit ends at the first error, so levels are not unwound then. */
  visitExpr(sc: Scope, e: A.expr | null): void {
    if (e === null) return;
    this.depth++;
    if (this.depth > this.maxDepth) throw new ParseError('RecursionError', 'maximum recursion depth exceeded during compilation', 0, 0);
    this.visitExpr1(sc, e);
    this.depth--;
  }
  visitExpr1(sc: Scope, e: A.expr): void {
    switch (e.k) {
      case K.Name:
        this.use(sc, (e as A.Name).id);
        return;
      case K.Constant:
        return;
      case K.Lambda: {
        const l = e as A.Lambda;
        const inner = this.newScope(l, S_FUNC, '<lambda>', sc);
        this.visitArgs(sc, l.args, inner);
        this.visitExpr(inner, l.body);
        return;
      }
      case K.ListComp:
        this.visitComprehension(sc, e, '<listcomp>', (e as A.ListComp).generators, (e as A.ListComp).elt, null);
        return;
      case K.SetComp:
        this.visitComprehension(sc, e, '<setcomp>', (e as A.SetComp).generators, (e as A.SetComp).elt, null);
        return;
      case K.GeneratorExp:
        this.visitComprehension(sc, e, '<genexpr>', (e as A.GeneratorExp).generators, (e as A.GeneratorExp).elt, null);
        return;
      case K.DictComp:
        this.visitComprehension(sc, e, '<dictcomp>', (e as A.DictComp).generators, (e as A.DictComp).key, (e as A.DictComp).value);
        return;
      case K.Yield:
      case K.YieldFrom:
        if (sc.kind !== S_FUNC) throw new ParseError('SyntaxError', "'yield' outside function", e.line, e.col + 1);
        sc.isGenerator = true;
        this.visitExpr(sc, e instanceof A.Yield ? e.value : (e as A.YieldFrom).value);
        return;
      case K.NamedExpr: {
        const n = e as A.NamedExpr;
        this.visitExpr(sc, n.value);
        const name = n.target.id;
        let target = sc;
        while (target.isComp && target.parent !== null) {
          const p = target.parent;
          if (p.kind === S_MODULE) target.globals.set(name, true);
          else target.nonlocals.set(name, true);
          target = p;
        }
        this.bind(target, name);
        if (target !== sc) this.use(sc, name);
        return;
      }
      case K.Call: {
        const c = e as A.Call;
        this.visitExpr(sc, c.func);
        this.visitExprs(sc, c.args);
        for (const kw of c.keywords) this.visitKeyword(sc, kw);
        return;
      }
      case K.Compare:
        this.visitExpr(sc, (e as A.Compare).left);
        this.visitExprs(sc, (e as A.Compare).comparators);
        return;
      case K.BoolOp:
        this.visitExprs(sc, (e as A.BoolOp).values);
        return;
      case K.JoinedStr:
        this.visitExprs(sc, (e as A.JoinedStr).values);
        return;
      case K.Tuple:
        this.visitExprs(sc, (e as A.Tuple).elts);
        return;
      case K.List:
        this.visitExprs(sc, (e as A.List).elts);
        return;
      case K.Set:
        this.visitExprs(sc, (e as A.Set).elts);
        return;
      case K.Dict: {
        // all the keys first, then the values (a `**` entry's mapping counts as a key too)
        const d = e as A.Dict;
        for (let i = 0; i < d.keys.length; i++) {
          const k = d.keys[i];
          this.visitExpr(sc, k !== null ? k : d.values[i]);
        }
        this.visitExprs(sc, d.values);
        return;
      }
      case K.BinOp:
        this.visitExpr(sc, (e as A.BinOp).left);
        this.visitExpr(sc, (e as A.BinOp).right);
        return;
      case K.UnaryOp:
        this.visitExpr(sc, (e as A.UnaryOp).operand);
        return;
      case K.FormattedValue:
        this.visitExpr(sc, (e as A.FormattedValue).value);
        this.visitExpr(sc, (e as A.FormattedValue).format_spec);
        return;
      case K.Attribute:
        this.visitExpr(sc, (e as A.Attribute).value);
        return;
      case K.Subscript:
        this.visitExpr(sc, (e as A.Subscript).value);
        this.visitExpr(sc, (e as A.Subscript).slice);
        return;
      case K.Slice:
        this.visitExpr(sc, (e as A.Slice).lower);
        this.visitExpr(sc, (e as A.Slice).upper);
        this.visitExpr(sc, (e as A.Slice).step);
        return;
      case K.Starred:
        this.visitExpr(sc, (e as A.Starred).value);
        return;
      case K.IfExp:
        this.visitExpr(sc, (e as A.IfExp).test);
        this.visitExpr(sc, (e as A.IfExp).body);
        this.visitExpr(sc, (e as A.IfExp).orelse);
        return;
    }
  }
  /** A keyword argument counts one level of nesting, as its own node did before. */
  visitKeyword(sc: Scope, kw: A.Keyword): void {
    this.depth++;
    if (this.depth > this.maxDepth) throw new ParseError('RecursionError', 'maximum recursion depth exceeded during compilation', 0, 0);
    this.visitExpr(sc, kw.value);
    this.depth--;
  }
  /** A comprehension's scope: the first iterable is evaluated outside it, the rest inside. */
  visitComprehension(sc: Scope, e: A.expr, name: string, comps: A.Comprehension[], elt: A.expr, value: A.expr | null): void {
    this.visitExpr(sc, comps[0].iter);
    const inner = this.newScope(e, S_FUNC, name, sc);
    inner.isComp = true;
    inner.params.push('.0');
    if (e.k === K.GeneratorExp) inner.isGenerator = true;
    for (let i = 0; i < comps.length; i++) {
      const c = comps[i];
      if (i > 0) this.visitExpr(inner, c.iter);
      this.visitTarget(inner, c.target);
      this.visitExprs(inner, c.ifs);
    }
    this.visitExpr(inner, elt);
    this.visitExpr(inner, value);
  }

  // ---- pass 2: resolve ----
  resolveAll(): void {
    for (const sc of this.all) {
      if (sc.kind === S_FUNC) {
        for (const nm of sc.nonlocals.keys()) {
          if (!this.findEnclosing(sc, nm)) {
            throw new ParseError('SyntaxError', `no binding for nonlocal '${nm}' found`, 1, 1);
          }
        }
      }
    }
    for (const sc of this.all) {
      const names: string[] = [];
      for (const p of sc.params) names.push(p);
      for (const k of sc.assigned.keys()) if (!names.includes(k)) names.push(k);
      for (const k of sc.used.keys()) if (!names.includes(k)) names.push(k);
      for (const k of sc.nonlocals.keys()) if (!names.includes(k)) names.push(k);
      for (const nm of names) {
        if (sc.kind === S_MODULE) {
          sc.kinds.set(nm, N_GLOBAL);
          continue;
        }
        if (sc.globals.has(nm)) {
          sc.kinds.set(nm, N_GLOBAL);
          continue;
        }
        if (sc.kind === S_FUNC && sc.isLocalDef(nm)) {
          if (!sc.locals.includes(nm)) sc.locals.push(nm);
          continue;
        }
        if (sc.kind === S_CLASS && sc.assigned.has(nm)) {
          sc.kinds.set(nm, N_NAME);
          continue;
        }
        if (sc.nonlocals.has(nm) || this.findEnclosing(sc, nm)) {
          this.markFree(sc, nm);
          continue;
        }
        sc.kinds.set(nm, sc.kind === S_CLASS ? N_NAME : N_GLOBAL);
      }
    }
    // final kinds for function locals
    for (const sc of this.all) {
      if (sc.kind !== S_FUNC) continue;
      // params first in locals order
      const ordered: string[] = [];
      for (const p of sc.params) ordered.push(p);
      for (const l of sc.locals) if (!ordered.includes(l)) ordered.push(l);
      sc.locals = ordered;
      for (const l of sc.locals) {
        if (sc.cells.includes(l)) sc.kinds.set(l, N_CELL);
        else sc.kinds.set(l, N_LOCAL);
      }
    }
  }
  /** True if an enclosing function scope defines nm (class scopes are skipped). */
  findEnclosing(sc: Scope, nm: string): boolean {
    let p = sc.parent;
    while (p !== null) {
      if (p.kind === S_FUNC) {
        if (p.isLocalDef(nm) || p.nonlocals.has(nm)) return true;
        if (p.globals.has(nm)) return false;
      }
      if (p.kind === S_MODULE) return false;
      p = p.parent;
    }
    return false;
  }
  markFree(sc: Scope, nm: string): void {
    let cur: Scope = sc;
    for (;;) {
      if (!cur.frees.includes(nm)) cur.frees.push(nm);
      cur.kinds.set(nm, N_FREE);
      const p = cur.parent;
      if (p === null) return;
      if (p.kind === S_FUNC && p.isLocalDef(nm)) {
        if (!p.cells.includes(nm)) p.cells.push(nm);
        p.kinds.set(nm, N_CELL);
        return;
      }
      cur = p;
    }
  }
}

export function buildSymTable(mod: A.Module, maxDepth: int): SymTable {
  const st = new SymTable(maxDepth);
  st.scopes.set(mod, st.top);
  st.visitStmts(st.top, mod.body);
  st.resolveAll();
  return st;
}
