// AST: one generic node class; `k` says which kind and which fields are used (see comments).
import type { int } from '../../translate/rlib/index.ts';
import type { PyObject } from '../objects/core.ts';

export enum K {
  // expressions
  Name, // s
  Const, // v
  JoinedStr, // xs: Const / FormattedValue parts
  FormattedValue, // a: expr, n: conversion char code or -1, b: spec (JoinedStr) or null
  BinOp, // a op b, n: operator id (BIN_*)
  UnaryOp, // n: U_*, a
  BoolOp, // n: 0 and / 1 or, xs
  Compare, // a, xs: comparators, ops: CMP_* ids
  Call, // a: func, xs: positional (maybe Starred), ys: Keyword
  Keyword, // s: name ('' for **), a: value
  Attribute, // a.s
  Subscript, // a[b]
  Slice, // a:b:c (each nullable)
  Starred, // *a
  DoubleStar, // **a (dict display entry key)
  Tuple, // xs
  List, // xs
  Set, // xs
  Dict, // xs: keys (DoubleStar for **), ys: values
  IfExp, // b if a else c
  Lambda, // args, a: body
  ListComp, // a: elt, xs: Comprehension
  SetComp,
  GenExp,
  DictComp, // a: key, b: value, xs
  Comprehension, // a: target, b: iter, ys: ifs
  Yield, // a (nullable)
  YieldFrom, // a
  NamedExpr, // a: Name target, b: value
  // statements
  FunctionDef, // s: name, args, xs: body, ys: decorators
  ClassDef, // s: name, xs: body, ys: bases, zs: keywords, ws: decorators
  Return, // a
  Delete, // xs
  Assign, // xs: targets, a: value
  AugAssign, // a: target, n: op, b: value
  AnnAssign, // a: target, b: annotation, c: value
  For, // a: target, b: iter, xs: body, ys: orelse
  While, // a: test, xs: body, ys: orelse
  If, // a: test, xs: body, ys: orelse
  With, // xs: WithItem, ys: body
  WithItem, // a: context expr, b: target
  Raise, // a: exc, b: cause
  Try, // xs: body, ys: ExceptHandler, zs: orelse, ws: finalbody
  ExceptHandler, // a: type, s: name, xs: body
  Assert, // a, b
  Import, // xs: Alias
  ImportFrom, // s: module, n: level, xs: Alias
  Alias, // s: name, s2: asname
  Global, // names
  Nonlocal, // names
  Expr, // a
  Pass,
  Break,
  Continue,
  Module, // xs
  Match, // a: subject, xs: MatchCase
  MatchCase, // a: pattern, b: guard, xs: body
  MatchValue, // a: expr (compared with ==)
  MatchSingleton, // v: None/True/False (compared with is)
  MatchCapture, // s: name ('' for the wildcard _)
  MatchSeq, // xs: patterns (at most one MatchStar)
  MatchStar, // s: name ('' for *_)
  MatchMapping, // xs: key exprs, ys: patterns, s: **rest name
  MatchClass, // a: class expr, xs: positional patterns, names: keyword names, ys: keyword patterns
  MatchOr, // xs
  MatchAs, // a: pattern, s: name
}

export class ArgSpec {
  posonly: int = 0;
  args: string[] = [];
  defaults: Node[] = [];
  vararg: string = '';
  kwonly: string[] = [];
  kwDefaults: (Node | null)[] = [];
  kwarg: string = '';
}

export class Node {
  k: K;
  line: int;
  col: int;
  s: string = '';
  s2: string = '';
  n: int = 0;
  v: PyObject | null = null;
  a: Node | null = null;
  b: Node | null = null;
  c: Node | null = null;
  xs: Node[] = [];
  ys: Node[] = [];
  zs: Node[] = [];
  ws: Node[] = [];
  ops: int[] = [];
  names: string[] = [];
  args: ArgSpec | null = null;
  constructor(k: K, line: int, col: int) {
    this.k = k;
    this.line = line;
    this.col = col;
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
