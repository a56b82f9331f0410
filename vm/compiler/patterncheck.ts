// The compile-time checks CPython makes on a match statement's patterns (compile.c and the
// parser's actions), each a SyntaxError: irrefutable patterns that make later cases or
// alternatives unreachable, a name bound twice in one pattern, alternatives binding different
// names, repeated keyword attributes in a class pattern, mapping keys that are not literals or
// attribute lookups or that repeat, and values that are not literals (f-strings, `0+0`).
// The walk follows CPython's compilation order so that the first error found is CPython's.
import { toFloat, floatRepr } from '../../translate/rlib/index.ts';
import type { float } from '../../translate/rlib/index.ts';
import { K, Match, MatchValue, MatchSequence, MatchMapping, MatchClass, MatchAs, MatchOr, MatchStar, Constant, UnaryOp, BinOp, Node, pattern, expr, U_NEG, BIN_ADD, BIN_SUB } from '../parser/ast.ts';
import { ParseError } from '../parser/tokenizer.ts';
import { PyObject, PyInt, PyFloat, PyStr, PyBytes, None, True, False, bigOf } from '../objects/core.ts';
import { PyComplex } from '../builtins/complex.ts';
import { unparse } from './unparse.ts';

function err(msg: string, n: Node): ParseError {
  return new ParseError('SyntaxError', msg, n.line, n.col + 1);
}

/** The state CPython's pattern_context carries: the names bound so far and whether an
 * irrefutable pattern is allowed where the walk is. */
class PatternContext {
  stores: string[] = [];
  allowIrrefutable: boolean = false;
}

export function checkMatch(s: Match): void {
  const n = s.cases.length;
  for (let i = 0; i < n; i++) {
    const c = s.cases[i];
    const pc = new PatternContext();
    // only the last case, or one with a guard, may match everything
    pc.allowIrrefutable = c.guard !== null || i === n - 1;
    checkPattern(c.pattern, pc);
  }
}

function storeName(name: string, n: Node, pc: PatternContext): void {
  if (name === '') return;
  if (pc.stores.includes(name)) throw err(`multiple assignments to name '${name}' in pattern`, n);
  pc.stores.push(name);
}
/** a pattern inside another (a sequence item, a mapping value, a class argument): there an
 * irrefutable pattern is fine */
function checkSub(p: pattern, pc: PatternContext): void {
  const old = pc.allowIrrefutable;
  pc.allowIrrefutable = true;
  checkPattern(p, pc);
  pc.allowIrrefutable = old;
}

function checkPattern(p: pattern, pc: PatternContext): void {
  switch (p.k) {
    case K.MatchValue:
      checkValue((p as MatchValue).value, 'patterns may only match literals and attribute lookups');
      return;
    case K.MatchSingleton:
      return;
    case K.MatchAs: {
      const a = p as MatchAs;
      if (a.pattern === null) {
        if (!pc.allowIrrefutable) {
          if (a.name !== '') throw err(`name capture '${a.name}' makes remaining patterns unreachable`, p);
          throw err('wildcard makes remaining patterns unreachable', p);
        }
        storeName(a.name, p, pc);
        return;
      }
      checkPattern(a.pattern, pc);
      storeName(a.name, p, pc);
      return;
    }
    case K.MatchStar:
      storeName((p as MatchStar).name, p, pc);
      return;
    case K.MatchSequence:
      for (const x of (p as MatchSequence).patterns) checkSub(x, pc);
      return;
    case K.MatchMapping: {
      const m = p as MatchMapping;
      const seen: string[] = [];
      for (const k of m.keys) {
        if (k.k === K.Attribute) continue;
        checkValue(k, 'mapping pattern keys may only match literals and attribute lookups');
        const sig = keySignature(k);
        if (sig !== '') {
          if (seen.includes(sig)) throw err(`mapping pattern checks duplicate key (${unparse(k, 0)})`, p);
          seen.push(sig);
        }
      }
      for (const x of m.patterns) checkSub(x, pc);
      storeName(m.rest, p, pc);
      return;
    }
    case K.MatchClass: {
      const c = p as MatchClass;
      const attrs = c.kwd_attrs;
      for (let i = 0; i < attrs.length; i++) {
        for (let j = i + 1; j < attrs.length; j++) {
          if (attrs[i] === attrs[j]) throw err(`attribute name repeated in class pattern: ${attrs[i]}`, c.kwd_patterns[j]);
        }
      }
      for (const x of c.patterns) checkSub(x, pc);
      for (const x of c.kwd_patterns) checkSub(x, pc);
      return;
    }
    case K.MatchOr: {
      const alts = (p as MatchOr).patterns;
      const outer = pc.stores;
      const allow = pc.allowIrrefutable;
      let control: string[] = [];
      for (let i = 0; i < alts.length; i++) {
        pc.stores = [];
        // only the last alternative may match everything
        pc.allowIrrefutable = i === alts.length - 1 && allow;
        checkPattern(alts[i], pc);
        if (i === 0) control = pc.stores;
        else if (pc.stores.length !== control.length) throw err('alternative patterns bind different names', alts[i]);
        else for (const nm of control) if (!pc.stores.includes(nm)) throw err('alternative patterns bind different names', alts[i]);
      }
      pc.stores = outer;
      pc.allowIrrefutable = allow;
      for (const nm of control) storeName(nm, p, pc);
      return;
    }
  }
}

/** A value pattern or mapping key: a literal (a string, a number, a signed number, a complex
 * literal real +/- imaginary) or a dotted name. */
function checkValue(e: expr, what: string): void {
  if (e.k === K.Attribute) return;
  if (e.k === K.Constant) {
    const v = (e as Constant).value;
    if (v instanceof PyStr || v instanceof PyBytes || isNumber(v) || v === None || v === True || v === False) return;
    throw err(what, e);
  }
  if (e.k === K.UnaryOp && (e as UnaryOp).op === U_NEG && isNumberConst((e as UnaryOp).operand)) return;
  if (e.k === K.BinOp) {
    const b = e as BinOp;
    if (b.op === BIN_ADD || b.op === BIN_SUB) {
      const l = b.left;
      const realLeft = isNumberConst(l) || (l.k === K.UnaryOp && (l as UnaryOp).op === U_NEG && isNumberConst((l as UnaryOp).operand));
      if (!realLeft) throw err(what, e);
      if (isImaginary(l.k === K.UnaryOp ? (l as UnaryOp).operand : l)) throw err('real number required in complex literal', l);
      if (!isNumberConst(b.right) || !isImaginary(b.right)) throw err('imaginary number required in complex literal', b.right);
      return;
    }
  }
  throw err(what, e);
}
function isNumber(v: PyObject): boolean {
  return (v instanceof PyInt && v !== True && v !== False) || v instanceof PyFloat || v instanceof PyComplex;
}
function isNumberConst(e: expr): boolean {
  return e.k === K.Constant && isNumber((e as Constant).value);
}
function isImaginary(e: expr): boolean {
  return e.k === K.Constant && (e as Constant).value instanceof PyComplex;
}

/** A key's value as a string equal for equal keys (0, -0, 0.0, 0j and False alike), or '' for
 * a key whose value is not known at compile time. */
function keySignature(e: expr): string {
  if (e.k === K.Constant) {
    const v = (e as Constant).value;
    if (v instanceof PyStr) return 's' + v.s;
    if (v instanceof PyBytes) return 'b' + v.b.join(',');
    if (v === None) return 'None';
  }
  const re = new NumParts();
  if (!numParts(e, re, 1.0)) return '';
  // a big int's digits, or the value as a float; -0.0 is 0
  if (re.big !== '') return 'i' + re.big;
  return 'n' + floatRepr(re.re + 0.0) + ',' + floatRepr(re.im + 0.0);
}
class NumParts {
  re: float = 0.0;
  im: float = 0.0;
  /** the digits of an int too big for a float to hold exactly */
  big: string = '';
}
function numParts(e: expr, acc: NumParts, sign: float): boolean {
  if (e.k === K.Constant) {
    const v = (e as Constant).value;
    if (v instanceof PyInt) {
      if (bigOf(v) !== null) {
        acc.big = (sign < 0 ? '-' : '') + unparse(e, 0);
        return true;
      }
      acc.re += sign * toFloat(v.v);
      return true;
    }
    if (v instanceof PyFloat) {
      acc.re += sign * v.v;
      return true;
    }
    if (v instanceof PyComplex) {
      acc.re += sign * v.re;
      acc.im += sign * v.im;
      return true;
    }
    return false;
  }
  if (e.k === K.UnaryOp && (e as UnaryOp).op === U_NEG) return numParts((e as UnaryOp).operand, acc, -sign);
  if (e.k === K.BinOp) {
    const b = e as BinOp;
    if (b.op !== BIN_ADD && b.op !== BIN_SUB) return false;
    return numParts(b.left, acc, sign) && numParts(b.right, acc, b.op === BIN_SUB ? -sign : sign);
  }
  return false;
}
