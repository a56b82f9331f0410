// Expressions back to source text, as CPython's Python/ast_unparse.c writes them: what an
// annotation becomes under `from __future__ import annotations` (same spacing, parentheses
// only where precedence needs them, constants by repr).
import type { int } from '../../translate/rlib/index.ts';
import * as A from '../parser/ast.ts';
import { K, expr } from '../parser/ast.ts';
import { ParseError } from '../parser/tokenizer.ts';
import { Ellipsis } from '../objects/core.ts';
import { repr } from '../interpreter/runtime.ts';

const PR_TUPLE = 0;
const PR_TEST = 1;
const PR_OR = 2;
const PR_AND = 3;
const PR_NOT = 4;
const PR_CMP = 5;
const PR_BOR = 6;
const PR_BXOR = 7;
const PR_BAND = 8;
const PR_SHIFT = 9;
const PR_ARITH = 10;
const PR_TERM = 11;
const PR_FACTOR = 12;
const PR_POWER = 13;
const PR_ATOM = 15;

const BIN_SYMS = [' + ', ' - ', ' * ', ' / ', ' // ', ' % ', ' ** ', ' @ ', ' << ', ' >> ', ' & ', ' | ', ' ^ '];
const CMP_SYMS = [' < ', ' <= ', ' == ', ' != ', ' > ', ' >= ', ' in ', ' not in ', ' is ', ' is not '];

function binPrec(op: int): int {
  if (op === A.BIN_ADD || op === A.BIN_SUB) return PR_ARITH;
  if (op === A.BIN_POW) return PR_POWER;
  if (op === A.BIN_LSHIFT || op === A.BIN_RSHIFT) return PR_SHIFT;
  if (op === A.BIN_AND) return PR_BAND;
  if (op === A.BIN_OR) return PR_BOR;
  if (op === A.BIN_XOR) return PR_BXOR;
  return PR_TERM;
}

function seq(es: expr[]): string {
  const parts: string[] = [];
  for (const e of es) parts.push(unparse(e, PR_TEST));
  return parts.join(', ');
}

/** e as source text, parenthesised when its precedence is below level. */
export function unparse(e: expr, level: int): string {
  switch (e.k) {
    case K.Name:
      return (e as A.Name).id;
    case K.Constant: {
      const v = (e as A.Constant).value;
      return v === Ellipsis ? '...' : repr(v);
    }
    case K.Attribute: {
      const a = e as A.Attribute;
      return unparse(a.value, PR_ATOM) + '.' + a.attr;
    }
    case K.Subscript: {
      const s = e as A.Subscript;
      const sl = s.slice;
      const inner = sl.k === K.Tuple && (sl as A.Tuple).elts.length > 0 ? seq((sl as A.Tuple).elts) : unparse(sl, PR_TUPLE);
      return unparse(s.value, PR_ATOM) + '[' + inner + ']';
    }
    case K.Slice: {
      const s = e as A.Slice;
      let out = (s.lower !== null ? unparse(s.lower, PR_TEST) : '') + ':' + (s.upper !== null ? unparse(s.upper, PR_TEST) : '');
      if (s.step !== null) out = out + ':' + unparse(s.step, PR_TEST);
      return out;
    }
    case K.Tuple: {
      const els = (e as A.Tuple).elts;
      if (els.length === 0) return '()';
      const body = els.length === 1 ? unparse(els[0], PR_TEST) + ',' : seq(els);
      return level > PR_TUPLE ? '(' + body + ')' : body;
    }
    case K.List:
      return '[' + seq((e as A.List).elts) + ']';
    case K.Set:
      return '{' + seq((e as A.Set).elts) + '}';
    case K.Dict: {
      const d = e as A.Dict;
      const parts: string[] = [];
      for (let i = 0; i < d.keys.length; i++) {
        const k = d.keys[i];
        parts.push(k === null ? '**' + unparse(d.values[i], PR_BOR) : unparse(k, PR_TEST) + ': ' + unparse(d.values[i], PR_TEST));
      }
      return '{' + parts.join(', ') + '}';
    }
    case K.Starred:
      return '*' + unparse((e as A.Starred).value, PR_BOR);
    case K.Call: {
      const c = e as A.Call;
      const parts: string[] = [];
      for (const a of c.args) parts.push(unparse(a, PR_TEST));
      for (const kw of c.keywords) parts.push(kw.arg === '' ? '**' + unparse(kw.value, PR_TEST) : kw.arg + '=' + unparse(kw.value, PR_TEST));
      return unparse(c.func, PR_ATOM) + '(' + parts.join(', ') + ')';
    }
    case K.BinOp: {
      const b = e as A.BinOp;
      const pr = binPrec(b.op);
      // ** groups to the right, the others to the left
      const rightAssoc = b.op === A.BIN_POW;
      const s = unparse(b.left, rightAssoc ? pr + 1 : pr) + BIN_SYMS[b.op] + unparse(b.right, rightAssoc ? pr : pr + 1);
      return level > pr ? '(' + s + ')' : s;
    }
    case K.UnaryOp: {
      const u = e as A.UnaryOp;
      const pr = u.op === A.U_NOT ? PR_NOT : PR_FACTOR;
      const sym = u.op === A.U_NOT ? 'not ' : u.op === A.U_NEG ? '-' : u.op === A.U_POS ? '+' : '~';
      const s = sym + unparse(u.operand, pr);
      return level > pr ? '(' + s + ')' : s;
    }
    case K.BoolOp: {
      const b = e as A.BoolOp;
      const pr = b.op === A.BOOL_AND ? PR_AND : PR_OR;
      const parts: string[] = [];
      for (const v of b.values) parts.push(unparse(v, pr + 1));
      const s = parts.join(b.op === A.BOOL_AND ? ' and ' : ' or ');
      return level > pr ? '(' + s + ')' : s;
    }
    case K.Compare: {
      const c = e as A.Compare;
      let s = unparse(c.left, PR_CMP + 1);
      for (let i = 0; i < c.ops.length; i++) s = s + CMP_SYMS[c.ops[i]] + unparse(c.comparators[i], PR_CMP + 1);
      return level > PR_CMP ? '(' + s + ')' : s;
    }
    case K.IfExp: {
      const x = e as A.IfExp;
      const s = unparse(x.body, PR_TEST + 1) + ' if ' + unparse(x.test, PR_TEST + 1) + ' else ' + unparse(x.orelse, PR_TEST);
      return level > PR_TEST ? '(' + s + ')' : s;
    }
  }
  throw new ParseError('SyntaxError', 'pyvm cannot write this annotation back as text (from __future__ import annotations)', e.line, e.col + 1);
}
