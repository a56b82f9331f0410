// Scope analysis: which names are fast locals, cells, free variables, globals or dict names.
import type { int } from '../../translate/rlib/index.ts';
import { Node, K, ArgSpec } from '../parser/ast.ts';
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
  scopes: Map<Node, Scope> = new Map<Node, Scope>();
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
  newScope(node: Node, kind: int, name: string, parent: Scope): Scope {
    const s = new Scope(kind, name, parent);
    parent.children.push(s);
    this.scopes.set(node, s);
    this.all.push(s);
    return s;
  }

  // ---- pass 1: collect ----
  bind(sc: Scope, name: string, n: Node): void {
    if (sc.globals.has(name) || sc.nonlocals.has(name)) return;
    sc.assigned.set(name, true);
  }
  use(sc: Scope, name: string): void {
    sc.used.set(name, true);
  }
  visitStmts(sc: Scope, body: Node[]): void {
    for (const s of body) this.visitStmt(sc, s);
  }
  visitArgs(sc: Scope, spec: ArgSpec, inner: Scope): void {
    for (const d of spec.defaults) this.visitExpr(sc, d);
    for (const d of spec.kwDefaults) if (d !== null) this.visitExpr(sc, d);
    for (const a of spec.args) inner.params.push(a);
    for (const a of spec.kwonly) inner.params.push(a);
    if (spec.vararg !== '') inner.params.push(spec.vararg);
    if (spec.kwarg !== '') inner.params.push(spec.kwarg);
  }
  visitStmt(sc: Scope, s: Node): void {
    // statements count towards the nesting too, as in CPython
    this.depth++;
    if (this.depth > this.maxDepth) throw new ParseError('RecursionError', 'maximum recursion depth exceeded during compilation', 0, 0);
    this.visitStmt1(sc, s);
    this.depth--;
  }
  visitStmt1(sc: Scope, s: Node): void {
    switch (s.k) {
      case K.FunctionDef: {
        for (const d of s.ys) this.visitExpr(sc, d);
        const inner = this.newScope(s, S_FUNC, s.s, sc);
        this.visitArgs(sc, s.args as ArgSpec, inner);
        this.visitStmts(inner, s.xs);
        this.bind(sc, s.s, s);
        return;
      }
      case K.ClassDef: {
        for (const d of s.ws) this.visitExpr(sc, d);
        for (const b of s.ys) this.visitExpr(sc, b);
        for (const b of s.zs) this.visitExpr(sc, b.a as Node);
        const inner = this.newScope(s, S_CLASS, s.s, sc);
        this.visitStmts(inner, s.xs);
        this.bind(sc, s.s, s);
        return;
      }
      case K.Return:
        if (sc.kind !== S_FUNC) throw new ParseError('SyntaxError', "'return' outside function", s.line, s.col + 1);
        if (s.a !== null) this.visitExpr(sc, s.a);
        return;
      case K.Delete:
        for (const t of s.xs) this.visitTarget(sc, t);
        return;
      case K.Assign:
        this.visitExpr(sc, s.a as Node);
        for (const t of s.xs) this.visitTarget(sc, t);
        return;
      case K.AugAssign:
        this.visitExpr(sc, s.b as Node);
        this.visitExpr(sc, s.a as Node);
        this.visitTarget(sc, s.a as Node);
        return;
      case K.AnnAssign:
        if (s.c !== null) {
          this.visitExpr(sc, s.c);
          this.visitTarget(sc, s.a as Node);
        } else if ((s.a as Node).k === K.Name) {
          if (sc.kind !== S_MODULE && sc.kind !== S_CLASS) this.bind(sc, (s.a as Node).s, s);
        }
        return;
      case K.For:
        this.visitExpr(sc, s.b as Node);
        this.visitTarget(sc, s.a as Node);
        this.visitStmts(sc, s.xs);
        this.visitStmts(sc, s.ys);
        return;
      case K.While:
      case K.If:
        this.visitExpr(sc, s.a as Node);
        this.visitStmts(sc, s.xs);
        this.visitStmts(sc, s.ys);
        return;
      case K.With:
        for (const it of s.xs) {
          this.visitExpr(sc, it.a as Node);
          if (it.b !== null) this.visitTarget(sc, it.b);
        }
        this.visitStmts(sc, s.ys);
        return;
      case K.Raise:
        if (s.a !== null) this.visitExpr(sc, s.a);
        if (s.b !== null) this.visitExpr(sc, s.b);
        return;
      case K.Try:
        this.visitStmts(sc, s.xs);
        for (const h of s.ys) {
          if (h.a !== null) this.visitExpr(sc, h.a);
          if (h.s !== '') this.bind(sc, h.s, h);
          this.visitStmts(sc, h.xs);
        }
        this.visitStmts(sc, s.zs);
        this.visitStmts(sc, s.ws);
        return;
      case K.Assert:
        this.visitExpr(sc, s.a as Node);
        if (s.b !== null) this.visitExpr(sc, s.b);
        return;
      case K.Import:
        for (const al of s.xs) {
          const nm = al.s2 !== '' ? al.s2 : al.s.split('.')[0];
          this.bind(sc, nm, al);
        }
        return;
      case K.ImportFrom:
        for (const al of s.xs) {
          if (al.s === '*') continue;
          this.bind(sc, al.s2 !== '' ? al.s2 : al.s, al);
        }
        return;
      case K.Global:
        for (const nm of s.names) {
          if (sc.assigned.has(nm) || sc.used.has(nm)) {
            const what = sc.assigned.has(nm) ? 'assigned to' : 'used';
            throw new ParseError('SyntaxError', `name '${nm}' is ${what} before global declaration`, s.line, s.col + 1);
          }
          sc.globals.set(nm, true);
        }
        return;
      case K.Nonlocal:
        if (sc.kind === S_MODULE) throw new ParseError('SyntaxError', 'nonlocal declaration not allowed at module level', s.line, s.col + 1);
        for (const nm of s.names) {
          if (sc.assigned.has(nm) || sc.used.has(nm)) {
            const what = sc.assigned.has(nm) ? 'assigned to' : 'used';
            throw new ParseError('SyntaxError', `name '${nm}' is ${what} before nonlocal declaration`, s.line, s.col + 1);
          }
          sc.nonlocals.set(nm, true);
        }
        return;
      case K.Expr:
        this.visitExpr(sc, s.a as Node);
        return;
      case K.Match:
        this.visitExpr(sc, s.a);
        for (const c of s.xs) {
          this.visitPattern(sc, c.a as Node);
          this.visitExpr(sc, c.b);
          this.visitStmts(sc, c.xs);
        }
        return;
    }
  }
  visitPattern(sc: Scope, p: Node): void {
    switch (p.k) {
      case K.MatchValue:
        this.visitExpr(sc, p.a);
        return;
      case K.MatchCapture:
      case K.MatchStar:
        if (p.s !== '') this.bind(sc, p.s, p);
        return;
      case K.MatchAs:
        this.visitPattern(sc, p.a as Node);
        this.bind(sc, p.s, p);
        return;
      case K.MatchSeq:
      case K.MatchOr:
        for (const x of p.xs) this.visitPattern(sc, x);
        return;
      case K.MatchMapping:
        for (const x of p.xs) this.visitExpr(sc, x);
        for (const x of p.ys) this.visitPattern(sc, x);
        if (p.s !== '') this.bind(sc, p.s, p);
        return;
      case K.MatchClass:
        this.visitExpr(sc, p.a);
        for (const x of p.xs) this.visitPattern(sc, x);
        for (const x of p.ys) this.visitPattern(sc, x);
        return;
    }
  }
  visitTarget(sc: Scope, t: Node): void {
    switch (t.k) {
      case K.Name:
        this.bind(sc, t.s, t);
        return;
      case K.Tuple:
      case K.List:
        for (const x of t.xs) this.visitTarget(sc, x);
        return;
      case K.Starred:
        this.visitTarget(sc, t.a as Node);
        return;
      case K.Attribute:
        this.visitExpr(sc, t.a as Node);
        return;
      case K.Subscript:
        this.visitExpr(sc, t.a as Node);
        this.visitExpr(sc, t.b as Node);
        return;
    }
    this.visitExpr(sc, t);
  }
  /** Visits expression e, counting its nesting against maxDepth: the passes after this one
   * recurse as deep as the tree, so a tree too deep is refused here, before any of them
   * overflows the stack. A visit ends at the first error, so levels are not unwound then. */
  visitExpr(sc: Scope, e: Node | null): void {
    if (e === null) return;
    this.depth++;
    if (this.depth > this.maxDepth) throw new ParseError('RecursionError', 'maximum recursion depth exceeded during compilation', 0, 0);
    this.visitExpr1(sc, e);
    this.depth--;
  }
  visitExpr1(sc: Scope, e: Node): void {
    switch (e.k) {
      case K.Name:
        this.use(sc, e.s);
        return;
      case K.Const:
        return;
      case K.Lambda: {
        const inner = this.newScope(e, S_FUNC, '<lambda>', sc);
        this.visitArgs(sc, e.args as ArgSpec, inner);
        this.visitExpr(inner, e.a);
        return;
      }
      case K.ListComp:
      case K.SetComp:
      case K.GenExp:
      case K.DictComp: {
        const comps = e.xs;
        this.visitExpr(sc, comps[0].b);
        const nm = e.k === K.ListComp ? '<listcomp>' : e.k === K.SetComp ? '<setcomp>' : e.k === K.GenExp ? '<genexpr>' : '<dictcomp>';
        const inner = this.newScope(e, S_FUNC, nm, sc);
        inner.isComp = true;
        inner.params.push('.0');
        if (e.k === K.GenExp) inner.isGenerator = true;
        for (let i = 0; i < comps.length; i++) {
          const c = comps[i];
          if (i > 0) this.visitExpr(inner, c.b);
          this.visitTarget(inner, c.a as Node);
          for (const f of c.ys) this.visitExpr(inner, f);
        }
        this.visitExpr(inner, e.a);
        this.visitExpr(inner, e.b);
        return;
      }
      case K.Yield:
      case K.YieldFrom:
        if (sc.kind !== S_FUNC) throw new ParseError('SyntaxError', "'yield' outside function", e.line, e.col + 1);
        sc.isGenerator = true;
        this.visitExpr(sc, e.a);
        return;
      case K.NamedExpr: {
        this.visitExpr(sc, e.b);
        const name = (e.a as Node).s;
        let target = sc;
        while (target.isComp && target.parent !== null) {
          const p = target.parent;
          if (p.kind === S_MODULE) target.globals.set(name, true);
          else target.nonlocals.set(name, true);
          target = p;
        }
        this.bind(target, name, e);
        if (target !== sc) this.use(sc, name);
        return;
      }
      case K.Call:
      case K.Compare:
      case K.BoolOp:
      case K.JoinedStr:
      case K.Tuple:
      case K.List:
      case K.Set:
      case K.Dict:
      case K.BinOp:
      case K.UnaryOp:
      case K.FormattedValue:
      case K.Keyword:
      case K.Attribute:
      case K.Subscript:
      case K.Slice:
      case K.Starred:
      case K.DoubleStar:
      case K.IfExp:
        this.visitExpr(sc, e.a);
        this.visitExpr(sc, e.b);
        this.visitExpr(sc, e.c);
        for (const x of e.xs) this.visitExpr(sc, x);
        for (const x of e.ys) this.visitExpr(sc, x);
        return;
    }
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

export function buildSymTable(mod: Node, maxDepth: int): SymTable {
  const st = new SymTable(maxDepth);
  st.scopes.set(mod, st.top);
  st.visitStmts(st.top, mod.xs);
  st.resolveAll();
  return st;
}
