// Scope analysis: which names are fast locals, cells, free variables, globals or dict names.
import type { int } from '../../translate/rlib/index.ts';
import {
  K,
  Node,
  expr,
  stmt,
  pattern,
  Name,
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
  Global,
  Nonlocal,
  Expr,
  Match,
  MatchValue,
  MatchSequence,
  MatchMapping,
  MatchClass,
  MatchStar,
  MatchAs,
  MatchOr,
} from '../parser/ast.ts';
import { ParseError, tooDeepForCompiler } from '../parser/tokenizer.ts';

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
  /** a comprehension's iteration variables, which `:=` inside it may not rebind */
  iterVars: Map<string, boolean> = new Map<string, boolean>();
  assigned: Map<string, boolean> = new Map<string, boolean>();
  used: Map<string, boolean> = new Map<string, boolean>();
  params: string[] = [];
  globals: Map<string, boolean> = new Map<string, boolean>();
  nonlocals: Map<string, boolean> = new Map<string, boolean>();
  children: Scope[] = [];
  isGenerator: boolean = false;
  /** async def, or a comprehension with `async for` or `await` */
  isCoroutine: boolean = false;
  /** a `return value` statement (an error in an async generator), or null */
  returnValue: stmt | null = null;
  cells: string[] = [];
  frees: string[] = [];
  locals: string[] = [];
  kinds: Map<string, int> = new Map<string, int>();
  /** the class name private names are mangled with ('' outside classes): a class body's own
   * name, inherited by the functions, lambdas and comprehensions inside it */
  priv: string;
  constructor(kind: int, name: string, parent: Scope | null) {
    this.kind = kind;
    this.name = name;
    this.parent = parent;
    this.priv = kind === S_CLASS ? name : parent !== null ? parent.priv : '';
  }
  isLocalDef(name: string): boolean {
    if (this.globals.has(name) || this.nonlocals.has(name)) return false;
    return this.assigned.has(name) || this.params.includes(name);
  }
}

/** CPython's _Py_Mangle: inside class C, `__x` (not a dunder, no dot) is `_C__x`, the class
 * name stripped of its leading underscores; a class named only underscores mangles nothing. */
export function mangle(priv: string, name: string): string {
  if (priv === '' || !name.startsWith('__') || name.endsWith('__') || name.includes('.')) return name;
  let i = 0;
  while (i < priv.length && priv[i] === '_') i++;
  if (i === priv.length) return name;
  return '_' + priv.substring(i) + name;
}

// Private names are mangled by this pass, the one walk that meets every identifier together
// with its scope: it rewrites the tree in place, so the compiler emits names as they stand.
// Keyword argument names and class-pattern attribute names stay as written, as in CPython.
export class SymTable {
  scopes: Map<Node, Scope> = new Map<Node, Scope>();
  all: Scope[] = [];
  top: Scope;
  /** expressions nested at most (CPython: three times the recursion limit) */
  maxDepth: int;
  depth: int = 0;
  /** how many comprehension iterables the visit is inside (lambdas and comprehensions in them
   * included): `:=` is refused there */
  iterDepth: int = 0;
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
  bind(sc: Scope, name: string): void {
    if (sc.globals.has(name) || sc.nonlocals.has(name)) return;
    sc.assigned.set(name, true);
  }
  use(sc: Scope, name: string): void {
    sc.used.set(name, true);
  }
  visitStmts(sc: Scope, body: stmt[]): void {
    for (const s of body) this.visitStmt(sc, s);
  }
  visitExprs(sc: Scope, es: expr[]): void {
    for (const e of es) this.visitExpr(sc, e);
  }
  visitArgs(sc: Scope, spec: Arguments, inner: Scope): void {
    for (const d of spec.defaults) this.visitExpr(sc, d);
    for (const d of spec.kw_defaults) if (d !== null) this.visitExpr(sc, d);
    // annotations are evaluated where the def stands
    for (const a of spec.argAnns) this.visitExpr(sc, a);
    this.visitExpr(sc, spec.varargAnn);
    for (const a of spec.kwonlyAnns) this.visitExpr(sc, a);
    this.visitExpr(sc, spec.kwargAnn);
    const p = inner.priv;
    for (let i = 0; i < spec.args.length; i++) spec.args[i] = mangle(p, spec.args[i]);
    for (let i = 0; i < spec.kwonlyargs.length; i++) spec.kwonlyargs[i] = mangle(p, spec.kwonlyargs[i]);
    spec.vararg = mangle(p, spec.vararg);
    spec.kwarg = mangle(p, spec.kwarg);
    for (const a of spec.args) inner.params.push(a);
    for (const a of spec.kwonlyargs) inner.params.push(a);
    if (spec.vararg !== '') inner.params.push(spec.vararg);
    if (spec.kwarg !== '') inner.params.push(spec.kwarg);
  }
  visitStmt(sc: Scope, s: stmt): void {
    // statements count towards the nesting too, as in CPython
    this.depth++;
    if (this.depth > this.maxDepth) throw tooDeepForCompiler();
    this.visitStmt1(sc, s);
    this.depth--;
  }
  visitStmt1(sc: Scope, s: stmt): void {
    switch (s.k) {
      case K.FunctionDef:
      case K.AsyncFunctionDef: {
        const f = s as FunctionDef;
        this.visitExprs(sc, f.decorator_list);
        const inner = this.newScope(f, S_FUNC, f.name, sc);
        inner.isCoroutine = s.k === K.AsyncFunctionDef;
        this.visitArgs(sc, f.args, inner);
        this.visitExpr(sc, f.returns);
        this.visitStmts(inner, f.body);
        const r = inner.returnValue;
        if (inner.isCoroutine && inner.isGenerator && r !== null) throw new ParseError('SyntaxError', "'return' with value in async generator", r.line, r.col + 1);
        f.bindName = mangle(sc.priv, f.name);
        this.bind(sc, f.bindName);
        return;
      }
      case K.ClassDef: {
        const c = s as ClassDef;
        this.visitExprs(sc, c.decorator_list);
        this.visitExprs(sc, c.bases);
        for (const kw of c.keywords) this.visitExpr(sc, kw.value);
        const inner = this.newScope(c, S_CLASS, c.name, sc);
        this.visitStmts(inner, c.body);
        c.bindName = mangle(sc.priv, c.name);
        this.bind(sc, c.bindName);
        return;
      }
      case K.Return:
        if (sc.kind !== S_FUNC) throw new ParseError('SyntaxError', "'return' outside function", s.line, s.col + 1);
        if ((s as Return).value !== null && sc.returnValue === null) sc.returnValue = s;
        this.visitExpr(sc, (s as Return).value);
        return;
      case K.Delete:
        for (const t of (s as Delete).targets) this.visitTarget(sc, t);
        return;
      case K.Assign: {
        const a = s as Assign;
        this.visitExpr(sc, a.value);
        for (const t of a.targets) this.visitTarget(sc, t);
        return;
      }
      case K.AugAssign: {
        const a = s as AugAssign;
        this.visitExpr(sc, a.value);
        this.visitExpr(sc, a.target);
        this.visitTarget(sc, a.target);
        return;
      }
      case K.AnnAssign: {
        // annotations are evaluated in module and class bodies only
        const a = s as AnnAssign;
        if (sc.kind !== S_FUNC) this.visitExpr(sc, a.annotation);
        if (a.value !== null) {
          this.visitExpr(sc, a.value);
          this.visitTarget(sc, a.target);
        } else if (a.target instanceof Name) {
          a.target.id = mangle(sc.priv, a.target.id);
          if (sc.kind !== S_MODULE && sc.kind !== S_CLASS) this.bind(sc, a.target.id);
        }
        return;
      }
      case K.AsyncFor:
      case K.AsyncWith:
        if (!sc.isCoroutine) {
          const what = s.k === K.AsyncFor ? 'async for' : 'async with';
          throw new ParseError('SyntaxError', `'${what}' outside async function`, s.line, s.col + 1);
        }
        if (s.k === K.AsyncWith) this.visitWith(sc, s as With);
        else this.visitFor(sc, s as For);
        return;
      case K.For:
        this.visitFor(sc, s as For);
        return;
      case K.While: {
        const w = s as While;
        this.visitExpr(sc, w.test);
        this.visitStmts(sc, w.body);
        this.visitStmts(sc, w.orelse);
        return;
      }
      case K.If: {
        const i = s as If;
        this.visitExpr(sc, i.test);
        this.visitStmts(sc, i.body);
        this.visitStmts(sc, i.orelse);
        return;
      }
      case K.With:
        this.visitWith(sc, s as With);
        return;
      case K.Raise: {
        const r = s as Raise;
        this.visitExpr(sc, r.exc);
        this.visitExpr(sc, r.cause);
        return;
      }
      case K.Try: {
        const t = s as Try;
        this.visitStmts(sc, t.body);
        for (const h of t.handlers) {
          this.visitExpr(sc, h.type);
          h.name = mangle(sc.priv, h.name);
          if (h.name !== '') this.bind(sc, h.name);
          this.visitStmts(sc, h.body);
        }
        this.visitStmts(sc, t.orelse);
        this.visitStmts(sc, t.finalbody);
        return;
      }
      case K.Assert: {
        const a = s as Assert;
        this.visitExpr(sc, a.test);
        this.visitExpr(sc, a.msg);
        return;
      }
      case K.Import:
        for (const al of (s as Import).names) {
          // a dotted name is not mangled, and `import __a.b` keeps binding `__a` as written
          al.name = mangle(sc.priv, al.name);
          al.asname = mangle(sc.priv, al.asname);
          this.bind(sc, al.asname !== '' ? al.asname : al.name.split('.')[0]);
        }
        return;
      case K.ImportFrom:
        (s as ImportFrom).module = mangle(sc.priv, (s as ImportFrom).module);
        for (const al of (s as ImportFrom).names) {
          if (al.name === '*') continue;
          al.name = mangle(sc.priv, al.name);
          al.asname = mangle(sc.priv, al.asname);
          this.bind(sc, al.asname !== '' ? al.asname : al.name);
        }
        return;
      case K.Global:
        for (let i = 0; i < (s as Global).names.length; i++) (s as Global).names[i] = mangle(sc.priv, (s as Global).names[i]);
        for (const nm of (s as Global).names) {
          if (sc.assigned.has(nm) || sc.used.has(nm)) {
            const what = sc.assigned.has(nm) ? 'assigned to' : 'used';
            throw new ParseError('SyntaxError', `name '${nm}' is ${what} before global declaration`, s.line, s.col + 1);
          }
          sc.globals.set(nm, true);
        }
        return;
      case K.Nonlocal:
        if (sc.kind === S_MODULE) throw new ParseError('SyntaxError', 'nonlocal declaration not allowed at module level', s.line, s.col + 1);
        for (let i = 0; i < (s as Nonlocal).names.length; i++) (s as Nonlocal).names[i] = mangle(sc.priv, (s as Nonlocal).names[i]);
        for (const nm of (s as Nonlocal).names) {
          if (sc.assigned.has(nm) || sc.used.has(nm)) {
            const what = sc.assigned.has(nm) ? 'assigned to' : 'used';
            throw new ParseError('SyntaxError', `name '${nm}' is ${what} before nonlocal declaration`, s.line, s.col + 1);
          }
          sc.nonlocals.set(nm, true);
        }
        return;
      case K.Expr:
        this.visitExpr(sc, (s as Expr).value);
        return;
      case K.Match: {
        const m = s as Match;
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
  visitPattern(sc: Scope, p: pattern): void {
    switch (p.k) {
      case K.MatchValue:
        this.visitExpr(sc, (p as MatchValue).value);
        return;
      case K.MatchStar: {
        (p as MatchStar).name = mangle(sc.priv, (p as MatchStar).name);
        const name = (p as MatchStar).name;
        if (name !== '') this.bind(sc, name);
        return;
      }
      case K.MatchAs: {
        const a = p as MatchAs;
        if (a.pattern !== null) this.visitPattern(sc, a.pattern);
        a.name = mangle(sc.priv, a.name);
        if (a.name !== '') this.bind(sc, a.name);
        return;
      }
      case K.MatchSequence:
        for (const x of (p as MatchSequence).patterns) this.visitPattern(sc, x);
        return;
      case K.MatchOr:
        for (const x of (p as MatchOr).patterns) this.visitPattern(sc, x);
        return;
      case K.MatchMapping: {
        const m = p as MatchMapping;
        this.visitExprs(sc, m.keys);
        for (const x of m.patterns) this.visitPattern(sc, x);
        m.rest = mangle(sc.priv, m.rest);
        if (m.rest !== '') this.bind(sc, m.rest);
        return;
      }
      case K.MatchClass: {
        const c = p as MatchClass;
        this.visitExpr(sc, c.cls);
        for (const x of c.patterns) this.visitPattern(sc, x);
        for (const x of c.kwd_patterns) this.visitPattern(sc, x);
        return;
      }
    }
  }
  visitTarget(sc: Scope, t: expr): void {
    switch (t.k) {
      case K.Name:
        (t as Name).id = mangle(sc.priv, (t as Name).id);
        this.bind(sc, (t as Name).id);
        return;
      case K.Tuple:
        for (const x of (t as Tuple).elts) this.visitTarget(sc, x);
        return;
      case K.List:
        for (const x of (t as List).elts) this.visitTarget(sc, x);
        return;
      case K.Starred:
        this.visitTarget(sc, (t as Starred).value);
        return;
      case K.Attribute:
        (t as Attribute).attr = mangle(sc.priv, (t as Attribute).attr);
        this.visitExpr(sc, (t as Attribute).value);
        return;
      case K.Subscript:
        this.visitExpr(sc, (t as Subscript).value);
        this.visitExpr(sc, (t as Subscript).slice);
        return;
    }
    this.visitExpr(sc, t);
  }
  /** Visits expression e, counting its nesting against maxDepth: the passes after this one
   * recurse as deep as the tree, so a tree too deep is refused here, before any of them
   * overflows the stack. A visit ends at the first error, so levels are not unwound then. */
  visitExpr(sc: Scope, e: expr | null): void {
    if (e === null) return;
    this.depth++;
    if (this.depth > this.maxDepth) throw tooDeepForCompiler();
    this.visitExpr1(sc, e);
    this.depth--;
  }
  visitExpr1(sc: Scope, e: expr): void {
    switch (e.k) {
      case K.Name:
        (e as Name).id = mangle(sc.priv, (e as Name).id);
        this.use(sc, (e as Name).id);
        // zero-argument super() finds its class in the __class__ cell, as in CPython
        if (sc.kind === S_FUNC && (e as Name).id === 'super') this.use(sc, '__class__');
        return;
      case K.Constant:
        return;
      case K.Lambda: {
        const l = e as Lambda;
        const inner = this.newScope(l, S_FUNC, '<lambda>', sc);
        this.visitArgs(sc, l.args, inner);
        this.visitExpr(inner, l.body);
        return;
      }
      case K.ListComp:
        this.visitComprehension(sc, e, '<listcomp>', (e as ListComp).generators, (e as ListComp).elt, null);
        return;
      case K.SetComp:
        this.visitComprehension(sc, e, '<setcomp>', (e as SetComp).generators, (e as SetComp).elt, null);
        return;
      case K.GeneratorExp:
        this.visitComprehension(sc, e, '<genexpr>', (e as GeneratorExp).generators, (e as GeneratorExp).elt, null);
        return;
      case K.DictComp:
        this.visitComprehension(sc, e, '<dictcomp>', (e as DictComp).generators, (e as DictComp).key, (e as DictComp).value);
        return;
      case K.Await:
        if (sc.kind !== S_FUNC) throw new ParseError('SyntaxError', "'await' outside function", e.line, e.col + 1);
        // in a comprehension, await makes it asynchronous (checked where it ends)
        if (sc.isComp) sc.isCoroutine = true;
        else if (!sc.isCoroutine) throw new ParseError('SyntaxError', "'await' outside async function", e.line, e.col + 1);
        this.visitExpr(sc, (e as Await).value);
        return;
      case K.Yield:
      case K.YieldFrom:
        if (sc.kind !== S_FUNC) throw new ParseError('SyntaxError', "'yield' outside function", e.line, e.col + 1);
        if (sc.isCoroutine && e.k === K.YieldFrom) throw new ParseError('SyntaxError', "'yield from' inside async function", e.line, e.col + 1);
        sc.isGenerator = true;
        this.visitExpr(sc, e instanceof Yield ? e.value : (e as YieldFrom).value);
        return;
      case K.NamedExpr: {
        const n = e as NamedExpr;
        this.visitExpr(sc, n.value);
        n.target.id = mangle(sc.priv, n.target.id);
        const name = n.target.id;
        let target = sc;
        if (this.iterDepth > 0) throw new ParseError('SyntaxError', 'assignment expression cannot be used in a comprehension iterable expression', n.line, n.col + 1);
        if (sc.isComp && sc.iterVars.has(name)) {
          throw new ParseError('SyntaxError', `assignment expression cannot rebind comprehension iteration variable '${name}'`, n.line, n.col + 1);
        }
        while (target.isComp && target.parent !== null) {
          const p = target.parent;
          if (p.kind === S_CLASS) throw new ParseError('SyntaxError', 'assignment expression within a comprehension cannot be used in a class body', n.line, n.col + 1);
          if (p.isComp && p.iterVars.has(name)) {
            throw new ParseError('SyntaxError', `assignment expression cannot rebind comprehension iteration variable '${name}'`, n.line, n.col + 1);
          }
          // the name is the enclosing scope's: a global there (declared or at module level)
          // is a global here too, else the comprehension shares its binding
          if (p.kind === S_MODULE || p.globals.has(name)) target.globals.set(name, true);
          else target.nonlocals.set(name, true);
          target = p;
        }
        this.bind(target, name);
        if (target !== sc) this.use(sc, name);
        return;
      }
      case K.Call: {
        const c = e as Call;
        this.visitExpr(sc, c.func);
        this.visitExprs(sc, c.args);
        for (const kw of c.keywords) this.visitKeyword(sc, kw);
        return;
      }
      case K.Compare:
        this.visitExpr(sc, (e as Compare).left);
        this.visitExprs(sc, (e as Compare).comparators);
        return;
      case K.BoolOp:
        this.visitExprs(sc, (e as BoolOp).values);
        return;
      case K.JoinedStr:
        this.visitExprs(sc, (e as JoinedStr).values);
        return;
      case K.Tuple:
        this.visitExprs(sc, (e as Tuple).elts);
        return;
      case K.List:
        this.visitExprs(sc, (e as List).elts);
        return;
      case K.Set:
        this.visitExprs(sc, (e as Set).elts);
        return;
      case K.Dict: {
        // all the keys first, then the values (a `**` entry's mapping counts as a key too)
        const d = e as Dict;
        for (let i = 0; i < d.keys.length; i++) {
          const k = d.keys[i];
          this.visitExpr(sc, k !== null ? k : d.values[i]);
        }
        this.visitExprs(sc, d.values);
        return;
      }
      case K.BinOp:
        this.visitExpr(sc, (e as BinOp).left);
        this.visitExpr(sc, (e as BinOp).right);
        return;
      case K.UnaryOp:
        this.visitExpr(sc, (e as UnaryOp).operand);
        return;
      case K.FormattedValue:
        this.visitExpr(sc, (e as FormattedValue).value);
        this.visitExpr(sc, (e as FormattedValue).format_spec);
        return;
      case K.Attribute:
        (e as Attribute).attr = mangle(sc.priv, (e as Attribute).attr);
        this.visitExpr(sc, (e as Attribute).value);
        return;
      case K.Subscript:
        this.visitExpr(sc, (e as Subscript).value);
        this.visitExpr(sc, (e as Subscript).slice);
        return;
      case K.Slice:
        this.visitExpr(sc, (e as Slice).lower);
        this.visitExpr(sc, (e as Slice).upper);
        this.visitExpr(sc, (e as Slice).step);
        return;
      case K.Starred:
        this.visitExpr(sc, (e as Starred).value);
        return;
      case K.IfExp:
        this.visitExpr(sc, (e as IfExp).test);
        this.visitExpr(sc, (e as IfExp).body);
        this.visitExpr(sc, (e as IfExp).orelse);
        return;
    }
  }
  visitFor(sc: Scope, f: For): void {
    this.visitExpr(sc, f.iter);
    this.visitTarget(sc, f.target);
    this.visitStmts(sc, f.body);
    this.visitStmts(sc, f.orelse);
  }
  visitWith(sc: Scope, w: With): void {
    for (const it of w.items) {
      this.visitExpr(sc, it.context_expr);
      if (it.optional_vars !== null) this.visitTarget(sc, it.optional_vars);
    }
    this.visitStmts(sc, w.body);
  }
  /** A keyword argument counts one level of nesting, as its own node did before. */
  visitKeyword(sc: Scope, kw: Keyword): void {
    this.depth++;
    if (this.depth > this.maxDepth) throw tooDeepForCompiler();
    this.visitExpr(sc, kw.value);
    this.depth--;
  }
  collectIterVars(sc: Scope, t: expr): void {
    if (t instanceof Name) {
      if (sc.nonlocals.has(t.id) || sc.globals.has(t.id)) {
        throw new ParseError('SyntaxError', `comprehension inner loop cannot rebind assignment expression target '${t.id}'`, t.line, t.col + 1);
      }
      sc.iterVars.set(t.id, true);
    }
    else if (t instanceof Tuple) for (const x of t.elts) this.collectIterVars(sc, x);
    else if (t instanceof List) for (const x of t.elts) this.collectIterVars(sc, x);
    else if (t instanceof Starred) this.collectIterVars(sc, t.value);
  }
  /** A comprehension's scope: the first iterable is evaluated outside it, the rest inside. */
  visitComprehension(sc: Scope, e: expr, name: string, comps: Comprehension[], elt: expr, value: expr | null): void {
    this.iterDepth++;
    this.visitExpr(sc, comps[0].iter);
    this.iterDepth--;
    const inner = this.newScope(e, S_FUNC, name, sc);
    inner.isComp = true;
    inner.params.push('.0');
    if (e.k === K.GeneratorExp) inner.isGenerator = true;
    for (let i = 0; i < comps.length; i++) {
      const c = comps[i];
      if (c.is_async) inner.isCoroutine = true;
      if (i > 0) {
        this.iterDepth++;
        this.visitExpr(inner, c.iter);
        this.iterDepth--;
      }
      this.visitTarget(inner, c.target);
      this.collectIterVars(inner, c.target);
      this.visitExprs(inner, c.ifs);
    }
    this.visitExpr(inner, elt);
    this.visitExpr(inner, value);
    // an asynchronous list/set/dict comprehension is awaited where it stands; an asynchronous
    // generator expression is an async generator and may stand anywhere
    if (inner.isCoroutine && e.k !== K.GeneratorExp) {
      if (sc.isComp) sc.isCoroutine = true;
      else if (!sc.isCoroutine) throw new ParseError('SyntaxError', 'asynchronous comprehension outside of an asynchronous function', e.line, e.col + 1);
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
      // a class body holds the implicit __class__ cell of the functions inside it
      if (p.kind === S_CLASS && nm === '__class__') return true;
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
      if (p.kind === S_CLASS && nm === '__class__') {
        // the class body's own __class__ (if it names one) stays what it was: the cell is
        // only for its functions, filled by type.__new__ from __classcell__
        if (!p.cells.includes(nm)) p.cells.push(nm);
        return;
      }
      if (p.kind === S_FUNC && p.isLocalDef(nm)) {
        if (!p.cells.includes(nm)) p.cells.push(nm);
        p.kinds.set(nm, N_CELL);
        return;
      }
      cur = p;
    }
  }
}

export function buildSymTable(mod: Module, maxDepth: int): SymTable {
  const st = new SymTable(maxDepth);
  st.scopes.set(mod, st.top);
  st.visitStmts(st.top, mod.body);
  st.resolveAll();
  return st;
}
