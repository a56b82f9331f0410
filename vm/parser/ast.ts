// AST: one class per node kind, named and with fields named as in CPython's `ast` module
// (abstract bases `expr`, `stmt` and `pattern` as there, so the statement `Expr` keeps its name).
// Every node also carries its kind `k`, so passes dispatch with a switch and downcast (cheaper
// translated than a chain of instanceof tests). Expression contexts (Load/Store/Del) are not
// stored: the compiler knows them from where it meets a node.
import type { int } from '../../translate/rlib/index.ts';
import type { PyObject } from '../objects/core.ts';

export enum K {
  // expressions
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
  NamedExpr,
  Await,
  // statements
  FunctionDef,
  AsyncFunctionDef,
  ClassDef,
  Return,
  Delete,
  Assign,
  AugAssign,
  AnnAssign,
  For,
  AsyncFor,
  While,
  If,
  With,
  AsyncWith,
  Raise,
  Try,
  Assert,
  Import,
  ImportFrom,
  Global,
  Nonlocal,
  Expr,
  Pass,
  Break,
  Continue,
  Match,
  // patterns
  MatchValue,
  MatchSingleton,
  MatchSequence,
  MatchMapping,
  MatchClass,
  MatchStar,
  MatchAs,
  MatchOr,
  // the rest (no common base in CPython either)
  Module,
  Keyword,
  Comprehension,
  ExceptHandler,
  WithItem,
  Alias,
  MatchCase,
}

export abstract class Node {
  k: K;
  line: int;
  col: int;
  constructor(k: K, line: int, col: int) {
    this.k = k;
    this.line = line;
    this.col = col;
  }
}
export abstract class expr extends Node {}
export abstract class stmt extends Node {}
export abstract class pattern extends Node {}

// ---- expressions ----

export class Name extends expr {
  id: string;
  constructor(line: int, col: int, id: string) {
    super(K.Name, line, col);
    this.id = id;
  }
}
export class Constant extends expr {
  value: PyObject;
  constructor(line: int, col: int, value: PyObject) {
    super(K.Constant, line, col);
    this.value = value;
  }
}
/** An f-string: its parts are Constant strings and FormattedValues. */
export class JoinedStr extends expr {
  values: expr[];
  constructor(line: int, col: int, values: expr[]) {
    super(K.JoinedStr, line, col);
    this.values = values;
  }
}
export class FormattedValue extends expr {
  value: expr;
  /** the conversion's character code ('s', 'r', 'a'), or -1 for none */
  conversion: int;
  format_spec: JoinedStr | null;
  constructor(line: int, col: int, value: expr, conversion: int, format_spec: JoinedStr | null) {
    super(K.FormattedValue, line, col);
    this.value = value;
    this.conversion = conversion;
    this.format_spec = format_spec;
  }
}
export class BinOp extends expr {
  left: expr;
  /** BIN_* (also the BINARY_OP opcode's argument) */
  op: int;
  right: expr;
  constructor(line: int, col: int, left: expr, op: int, right: expr) {
    super(K.BinOp, line, col);
    this.left = left;
    this.op = op;
    this.right = right;
  }
}
export class UnaryOp extends expr {
  /** U_* */
  op: int;
  operand: expr;
  constructor(line: int, col: int, op: int, operand: expr) {
    super(K.UnaryOp, line, col);
    this.op = op;
    this.operand = operand;
  }
}
export class BoolOp extends expr {
  /** BOOL_AND or BOOL_OR */
  op: int;
  values: expr[];
  constructor(line: int, col: int, op: int, values: expr[]) {
    super(K.BoolOp, line, col);
    this.op = op;
    this.values = values;
  }
}
export class Compare extends expr {
  left: expr;
  /** CMP_*, one per comparator */
  ops: int[];
  comparators: expr[];
  constructor(line: int, col: int, left: expr, ops: int[], comparators: expr[]) {
    super(K.Compare, line, col);
    this.left = left;
    this.ops = ops;
    this.comparators = comparators;
  }
}
export class Call extends expr {
  func: expr;
  /** positional arguments, Starred for *x */
  args: expr[];
  keywords: Keyword[];
  constructor(line: int, col: int, func: expr, args: expr[], keywords: Keyword[]) {
    super(K.Call, line, col);
    this.func = func;
    this.args = args;
    this.keywords = keywords;
  }
}
export class Attribute extends expr {
  value: expr;
  attr: string;
  constructor(line: int, col: int, value: expr, attr: string) {
    super(K.Attribute, line, col);
    this.value = value;
    this.attr = attr;
  }
}
export class Subscript extends expr {
  value: expr;
  /** the index: an expression, a Slice, or a Tuple of them */
  slice: expr;
  constructor(line: int, col: int, value: expr, slice: expr) {
    super(K.Subscript, line, col);
    this.value = value;
    this.slice = slice;
  }
}
export class Slice extends expr {
  lower: expr | null;
  upper: expr | null;
  step: expr | null;
  constructor(line: int, col: int, lower: expr | null, upper: expr | null, step: expr | null) {
    super(K.Slice, line, col);
    this.lower = lower;
    this.upper = upper;
    this.step = step;
  }
}
export class Starred extends expr {
  value: expr;
  constructor(line: int, col: int, value: expr) {
    super(K.Starred, line, col);
    this.value = value;
  }
}
export class Tuple extends expr {
  elts: expr[];
  /** written in parentheses (CPython keeps this in the node's position only) */
  parenthesized: boolean;
  constructor(line: int, col: int, elts: expr[], parenthesized: boolean) {
    super(K.Tuple, line, col);
    this.elts = elts;
    this.parenthesized = parenthesized;
  }
}
export class List extends expr {
  elts: expr[];
  constructor(line: int, col: int, elts: expr[]) {
    super(K.List, line, col);
    this.elts = elts;
  }
}
export class Set extends expr {
  elts: expr[];
  constructor(line: int, col: int, elts: expr[]) {
    super(K.Set, line, col);
    this.elts = elts;
  }
}
export class Dict extends expr {
  /** null for a `**mapping` entry, whose mapping is the value at the same index */
  keys: (expr | null)[];
  values: expr[];
  constructor(line: int, col: int, keys: (expr | null)[], values: expr[]) {
    super(K.Dict, line, col);
    this.keys = keys;
    this.values = values;
  }
}
export class IfExp extends expr {
  test: expr;
  body: expr;
  orelse: expr;
  constructor(line: int, col: int, test: expr, body: expr, orelse: expr) {
    super(K.IfExp, line, col);
    this.test = test;
    this.body = body;
    this.orelse = orelse;
  }
}
export class Lambda extends expr {
  args: Arguments;
  body: expr;
  constructor(line: int, col: int, args: Arguments, body: expr) {
    super(K.Lambda, line, col);
    this.args = args;
    this.body = body;
  }
}
export class ListComp extends expr {
  elt: expr;
  generators: Comprehension[];
  constructor(line: int, col: int, elt: expr, generators: Comprehension[]) {
    super(K.ListComp, line, col);
    this.elt = elt;
    this.generators = generators;
  }
}
export class SetComp extends expr {
  elt: expr;
  generators: Comprehension[];
  constructor(line: int, col: int, elt: expr, generators: Comprehension[]) {
    super(K.SetComp, line, col);
    this.elt = elt;
    this.generators = generators;
  }
}
export class GeneratorExp extends expr {
  elt: expr;
  generators: Comprehension[];
  constructor(line: int, col: int, elt: expr, generators: Comprehension[]) {
    super(K.GeneratorExp, line, col);
    this.elt = elt;
    this.generators = generators;
  }
}
export class DictComp extends expr {
  key: expr;
  value: expr;
  generators: Comprehension[];
  constructor(line: int, col: int, key: expr, value: expr, generators: Comprehension[]) {
    super(K.DictComp, line, col);
    this.key = key;
    this.value = value;
    this.generators = generators;
  }
}
export class Yield extends expr {
  value: expr | null;
  constructor(line: int, col: int, value: expr | null) {
    super(K.Yield, line, col);
    this.value = value;
  }
}
export class YieldFrom extends expr {
  value: expr;
  constructor(line: int, col: int, value: expr) {
    super(K.YieldFrom, line, col);
    this.value = value;
  }
}
export class Await extends expr {
  value: expr;
  constructor(line: int, col: int, value: expr) {
    super(K.Await, line, col);
    this.value = value;
  }
}
export class NamedExpr extends expr {
  target: Name;
  value: expr;
  constructor(line: int, col: int, target: Name, value: expr) {
    super(K.NamedExpr, line, col);
    this.target = target;
    this.value = value;
  }
}

// ---- parts of expressions and statements ----

/** A keyword argument `arg=value`, or `**value` when arg is ''. */
export class Keyword extends Node {
  arg: string;
  value: expr;
  constructor(line: int, col: int, arg: string, value: expr) {
    super(K.Keyword, line, col);
    this.arg = arg;
    this.value = value;
  }
}
/** One `for target in iter if ...` clause of a comprehension. */
export class Comprehension extends Node {
  target: expr;
  iter: expr;
  ifs: expr[];
  /** `async for` */
  is_async: boolean;
  constructor(line: int, col: int, target: expr, iter: expr, ifs: expr[], is_async: boolean) {
    super(K.Comprehension, line, col);
    this.target = target;
    this.iter = iter;
    this.ifs = ifs;
    this.is_async = is_async;
  }
}
/** A function's or lambda's parameters. The first posonlyargcount of args are positional-only;
 * defaults belong to the last args; kw_defaults has one entry per kwonlyargs (null: none).
 * Annotations are parsed and dropped: the compiler does not evaluate them. */
export class Arguments {
  posonlyargcount: int = 0;
  args: string[] = [];
  defaults: expr[] = [];
  /** the *args name, or '' */
  vararg: string = '';
  kwonlyargs: string[] = [];
  kw_defaults: (expr | null)[] = [];
  /** the **kwargs name, or '' */
  kwarg: string = '';
  /** annotations, parallel to args and kwonlyargs (null: none) */
  argAnns: (expr | null)[] = [];
  kwonlyAnns: (expr | null)[] = [];
  varargAnn: expr | null = null;
  kwargAnn: expr | null = null;
}
export class ExceptHandler extends Node {
  type: expr | null;
  /** the `as` name, or '' */
  name: string;
  body: stmt[];
  constructor(line: int, col: int, type: expr | null, name: string, body: stmt[]) {
    super(K.ExceptHandler, line, col);
    this.type = type;
    this.name = name;
    this.body = body;
  }
}
export class WithItem extends Node {
  context_expr: expr;
  optional_vars: expr | null;
  constructor(line: int, col: int, context_expr: expr, optional_vars: expr | null) {
    super(K.WithItem, line, col);
    this.context_expr = context_expr;
    this.optional_vars = optional_vars;
  }
}
export class Alias extends Node {
  /** dotted module name, or the imported name ('*' for from-import-star) */
  name: string;
  /** the `as` name, or '' */
  asname: string;
  constructor(line: int, col: int, name: string, asname: string) {
    super(K.Alias, line, col);
    this.name = name;
    this.asname = asname;
  }
}
export class MatchCase extends Node {
  pattern: pattern;
  guard: expr | null;
  body: stmt[];
  constructor(line: int, col: int, pattern: pattern, guard: expr | null, body: stmt[]) {
    super(K.MatchCase, line, col);
    this.pattern = pattern;
    this.guard = guard;
    this.body = body;
  }
}
export class Module extends Node {
  body: stmt[];
  constructor(body: stmt[]) {
    super(K.Module, 1, 0);
    this.body = body;
  }
}

// ---- statements ----

export class FunctionDef extends stmt {
  name: string;
  /** the name the definition binds: name, mangled inside a class (see symtable.ts mangle) */
  bindName: string;
  args: Arguments;
  body: stmt[];
  decorator_list: expr[];
  /** the return annotation (not evaluated), or null */
  returns: expr | null;
  constructor(line: int, col: int, name: string, args: Arguments, body: stmt[], decorator_list: expr[], returns: expr | null) {
    super(K.FunctionDef, line, col);
    this.name = name;
    this.bindName = name;
    this.args = args;
    this.body = body;
    this.decorator_list = decorator_list;
    this.returns = returns;
  }
}
/** `async def`: a FunctionDef whose calls return coroutines (or async generators). The
 * Async* statements extend their plain forms so passes share the field handling. */
export class AsyncFunctionDef extends FunctionDef {
  constructor(line: int, col: int, name: string, args: Arguments, body: stmt[], decorator_list: expr[], returns: expr | null) {
    super(line, col, name, args, body, decorator_list, returns);
    this.k = K.AsyncFunctionDef;
  }
}
export class ClassDef extends stmt {
  name: string;
  /** the name the definition binds: name, mangled inside a class (see symtable.ts mangle) */
  bindName: string;
  bases: expr[];
  keywords: Keyword[];
  body: stmt[];
  decorator_list: expr[];
  constructor(line: int, col: int, name: string, bases: expr[], keywords: Keyword[], body: stmt[], decorator_list: expr[]) {
    super(K.ClassDef, line, col);
    this.name = name;
    this.bindName = name;
    this.bases = bases;
    this.keywords = keywords;
    this.body = body;
    this.decorator_list = decorator_list;
  }
}
export class Return extends stmt {
  value: expr | null;
  constructor(line: int, col: int, value: expr | null) {
    super(K.Return, line, col);
    this.value = value;
  }
}
export class Delete extends stmt {
  targets: expr[];
  constructor(line: int, col: int, targets: expr[]) {
    super(K.Delete, line, col);
    this.targets = targets;
  }
}
export class Assign extends stmt {
  targets: expr[];
  value: expr;
  constructor(line: int, col: int, targets: expr[], value: expr) {
    super(K.Assign, line, col);
    this.targets = targets;
    this.value = value;
  }
}
export class AugAssign extends stmt {
  target: expr;
  /** BIN_* (without BIN_INPLACE) */
  op: int;
  value: expr;
  constructor(line: int, col: int, target: expr, op: int, value: expr) {
    super(K.AugAssign, line, col);
    this.target = target;
    this.op = op;
    this.value = value;
  }
}
export class AnnAssign extends stmt {
  target: expr;
  annotation: expr;
  value: expr | null;
  constructor(line: int, col: int, target: expr, annotation: expr, value: expr | null) {
    super(K.AnnAssign, line, col);
    this.target = target;
    this.annotation = annotation;
    this.value = value;
  }
}
export class For extends stmt {
  target: expr;
  iter: expr;
  body: stmt[];
  orelse: stmt[];
  constructor(line: int, col: int, target: expr, iter: expr, body: stmt[], orelse: stmt[]) {
    super(K.For, line, col);
    this.target = target;
    this.iter = iter;
    this.body = body;
    this.orelse = orelse;
  }
}
export class AsyncFor extends For {
  constructor(line: int, col: int, target: expr, iter: expr, body: stmt[], orelse: stmt[]) {
    super(line, col, target, iter, body, orelse);
    this.k = K.AsyncFor;
  }
}
export class While extends stmt {
  test: expr;
  body: stmt[];
  orelse: stmt[];
  constructor(line: int, col: int, test: expr, body: stmt[], orelse: stmt[]) {
    super(K.While, line, col);
    this.test = test;
    this.body = body;
    this.orelse = orelse;
  }
}
export class If extends stmt {
  test: expr;
  body: stmt[];
  /** the else block; an elif is an If alone in it */
  orelse: stmt[];
  constructor(line: int, col: int, test: expr, body: stmt[], orelse: stmt[]) {
    super(K.If, line, col);
    this.test = test;
    this.body = body;
    this.orelse = orelse;
  }
}
export class With extends stmt {
  items: WithItem[];
  body: stmt[];
  constructor(line: int, col: int, items: WithItem[], body: stmt[]) {
    super(K.With, line, col);
    this.items = items;
    this.body = body;
  }
}
export class AsyncWith extends With {
  constructor(line: int, col: int, items: WithItem[], body: stmt[]) {
    super(line, col, items, body);
    this.k = K.AsyncWith;
  }
}
export class Raise extends stmt {
  exc: expr | null;
  cause: expr | null;
  constructor(line: int, col: int, exc: expr | null, cause: expr | null) {
    super(K.Raise, line, col);
    this.exc = exc;
    this.cause = cause;
  }
}
export class Try extends stmt {
  body: stmt[];
  handlers: ExceptHandler[];
  orelse: stmt[];
  finalbody: stmt[];
  /** `except*` handlers: CPython's TryStar node */
  star: boolean = false;
  constructor(line: int, col: int, body: stmt[], handlers: ExceptHandler[], orelse: stmt[], finalbody: stmt[]) {
    super(K.Try, line, col);
    this.body = body;
    this.handlers = handlers;
    this.orelse = orelse;
    this.finalbody = finalbody;
  }
}
export class Assert extends stmt {
  test: expr;
  msg: expr | null;
  constructor(line: int, col: int, test: expr, msg: expr | null) {
    super(K.Assert, line, col);
    this.test = test;
    this.msg = msg;
  }
}
export class Import extends stmt {
  names: Alias[];
  constructor(line: int, col: int, names: Alias[]) {
    super(K.Import, line, col);
    this.names = names;
  }
}
export class ImportFrom extends stmt {
  /** the dotted module name after the dots, or '' */
  module: string;
  names: Alias[];
  /** how many leading dots */
  level: int;
  constructor(line: int, col: int, module: string, names: Alias[], level: int) {
    super(K.ImportFrom, line, col);
    this.module = module;
    this.names = names;
    this.level = level;
  }
}
export class Global extends stmt {
  names: string[];
  constructor(line: int, col: int, names: string[]) {
    super(K.Global, line, col);
    this.names = names;
  }
}
export class Nonlocal extends stmt {
  names: string[];
  constructor(line: int, col: int, names: string[]) {
    super(K.Nonlocal, line, col);
    this.names = names;
  }
}
/** An expression statement. */
export class Expr extends stmt {
  value: expr;
  constructor(line: int, col: int, value: expr) {
    super(K.Expr, line, col);
    this.value = value;
  }
}
export class Pass extends stmt {
  constructor(line: int, col: int) {
    super(K.Pass, line, col);
  }
}
export class Break extends stmt {
  constructor(line: int, col: int) {
    super(K.Break, line, col);
  }
}
export class Continue extends stmt {
  constructor(line: int, col: int) {
    super(K.Continue, line, col);
  }
}
export class Match extends stmt {
  subject: expr;
  cases: MatchCase[];
  constructor(line: int, col: int, subject: expr, cases: MatchCase[]) {
    super(K.Match, line, col);
    this.subject = subject;
    this.cases = cases;
  }
}

// ---- patterns ----

/** A value compared with ==: a literal or a dotted name. */
export class MatchValue extends pattern {
  value: expr;
  constructor(line: int, col: int, value: expr) {
    super(K.MatchValue, line, col);
    this.value = value;
  }
}
/** None, True or False, compared with `is`. */
export class MatchSingleton extends pattern {
  value: PyObject;
  constructor(line: int, col: int, value: PyObject) {
    super(K.MatchSingleton, line, col);
    this.value = value;
  }
}
/** [p, q, *rest]: at most one MatchStar among patterns. */
export class MatchSequence extends pattern {
  patterns: pattern[];
  constructor(line: int, col: int, patterns: pattern[]) {
    super(K.MatchSequence, line, col);
    this.patterns = patterns;
  }
}
export class MatchMapping extends pattern {
  keys: expr[];
  patterns: pattern[];
  /** the `**rest` name, or '' */
  rest: string;
  constructor(line: int, col: int, keys: expr[], patterns: pattern[], rest: string) {
    super(K.MatchMapping, line, col);
    this.keys = keys;
    this.patterns = patterns;
    this.rest = rest;
  }
}
export class MatchClass extends pattern {
  cls: expr;
  patterns: pattern[];
  kwd_attrs: string[];
  kwd_patterns: pattern[];
  constructor(line: int, col: int, cls: expr, patterns: pattern[], kwd_attrs: string[], kwd_patterns: pattern[]) {
    super(K.MatchClass, line, col);
    this.cls = cls;
    this.patterns = patterns;
    this.kwd_attrs = kwd_attrs;
    this.kwd_patterns = kwd_patterns;
  }
}
/** *name in a sequence pattern ('' for *_). */
export class MatchStar extends pattern {
  name: string;
  constructor(line: int, col: int, name: string) {
    super(K.MatchStar, line, col);
    this.name = name;
  }
}
/** `pattern as name`; with no pattern a capture `name`, or the wildcard `_` when name is ''. */
export class MatchAs extends pattern {
  pattern: pattern | null;
  name: string;
  constructor(line: int, col: int, pattern: pattern | null, name: string) {
    super(K.MatchAs, line, col);
    this.pattern = pattern;
    this.name = name;
  }
}
export class MatchOr extends pattern {
  patterns: pattern[];
  constructor(line: int, col: int, patterns: pattern[]) {
    super(K.MatchOr, line, col);
    this.patterns = patterns;
  }
}

// binary operators (also used by the BINARY_OP opcode)
export const BIN_ADD = 0;
export const BIN_SUB = 1;
export const BIN_MUL = 2;
export const BIN_TRUEDIV = 3;
export const BIN_FLOORDIV = 4;
export const BIN_MOD = 5;
export const BIN_POW = 6;
export const BIN_MATMUL = 7;
export const BIN_LSHIFT = 8;
export const BIN_RSHIFT = 9;
export const BIN_AND = 10;
export const BIN_OR = 11;
export const BIN_XOR = 12;
export const BIN_INPLACE = 16;

export const U_NEG = 0;
export const U_POS = 1;
export const U_NOT = 2;
export const U_INVERT = 3;

export const BOOL_AND = 0;
export const BOOL_OR = 1;

export const CMP_LT = 0;
export const CMP_LE = 1;
export const CMP_EQ = 2;
export const CMP_NE = 3;
export const CMP_GT = 4;
export const CMP_GE = 5;
export const CMP_IN = 6;
export const CMP_NOTIN = 7;
export const CMP_IS = 8;
export const CMP_ISNOT = 9;
