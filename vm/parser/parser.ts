// Recursive-descent parser for Python 3.11 producing vm/parser/ast.ts nodes.
import type { int } from '../../translate/rlib/index.ts';
import { parseFloatStrict, floorDiv } from '../../translate/rlib/index.ts';
import { Tok, tokenize, ParseError, tooDeepForCompiler, MAX_PARSE_DEPTH, T_NAME, T_NUMBER, T_STRING, T_OP, T_NEWLINE, T_INDENT, T_DEDENT, T_END } from './tokenizer.ts';
import {
  K,
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
  AsyncFunctionDef,
  AsyncFor,
  AsyncWith,
  NamedExpr,
  Keyword,
  Comprehension,
  Arguments,
  ExceptHandler,
  WithItem,
  Alias,
  MatchCase,
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
  Pass,
  Break,
  Continue,
  Match,
  MatchValue,
  MatchSingleton,
  MatchSequence,
  MatchMapping,
  MatchClass,
  MatchStar,
  MatchAs,
  MatchOr,
} from './ast.ts';
import { indexFrom } from '../objects/strutil.ts';
import * as A from './ast.ts';
import { PyObject, PyInt, PyBytes, intType, bytesType, newInt, newFloat, newStr, None, True, False, Ellipsis, bigOf } from '../objects/core.ts';
import { bigFromDecimal, bigFromRadix } from '../objects/bigint.ts';
import { newComplex } from '../builtins/complex.ts';
import { fromBig } from '../objects/intops.ts';

const KEYWORDS = [
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield',
];

/** The binary operators by precedence, loosest first (built once: every operand of every
 * expression passes through each level). */
const BIN_LEVELS: string[][] = [['|'], ['^'], ['&'], ['<<', '>>'], ['+', '-'], ['*', '/', '//', '%', '@']];

export function parseIntText(text: string): PyObject {
  let t = text.includes('_') ? text.split('_').join('') : text;
  let radix = 10;
  if (t.length > 1 && t[0] === '0') {
    const p = t[1];
    if (p === 'x' || p === 'X') radix = 16;
    else if (p === 'o' || p === 'O') radix = 8;
    else if (p === 'b' || p === 'B') radix = 2;
    if (radix !== 10) t = t.slice(2);
  }
  if (t.length < 15 && radix === 10) {
    let v = 0;
    for (let i = 0; i < t.length; i++) v = v * 10 + (t.charCodeAt(i) - 48);
    return newInt(v);
  }
  const b = radix === 10 ? bigFromDecimal(t, false) : bigFromRadix(t, radix, false);
  return fromBig(b);
}

/** Digits only, and no leading zero (but '0' itself). */
function isPlainDecimal(s: string): boolean {
  if (s.length > 1 && s.charCodeAt(0) === 48) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function hexVal(c: string): int {
  const k = c.charCodeAt(0);
  if (k >= 48 && k <= 57) return k - 48;
  if (k >= 97 && k <= 102) return k - 87;
  if (k >= 65 && k <= 70) return k - 55;
  return -1;
}

export function codePointToString(cp: int): string {
  if (cp < 0x10000) return String.fromCharCode(cp);
  const v = cp - 0x10000;
  return String.fromCharCode(0xd800 + floorDiv(v, 1024)) + String.fromCharCode(0xdc00 + (v % 1024));
}

/** Decodes backslash escapes of a (non-raw) string body. */

/** The character a \N{name} escape names, or null: the database is the unicodedata module's,
 * which installs its resolver here (vm/modules/unicodedata), so the parser does not depend on it. */
export class CharNames {
  lookup(_name: string): string | null {
    return null;
  }
}
class CharNamesHolder {
  names: CharNames = new CharNames();
}
export const CHAR_NAMES = new CharNamesHolder();

export function decodeEscapes(s: string, isBytes: boolean, line: int): string {
  if (!s.includes('\\')) return s;
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      out.push(c);
      i++;
      continue;
    }
    const n = s[i + 1];
    i += 2;
    if (n === '\n') continue;
    if (n === 'n') out.push('\n');
    else if (n === 't') out.push('\t');
    else if (n === 'r') out.push('\r');
    else if (n === '\\') out.push('\\');
    else if (n === "'") out.push("'");
    else if (n === '"') out.push('"');
    else if (n === 'a') out.push('\x07');
    else if (n === 'b') out.push('\b');
    else if (n === 'f') out.push('\f');
    else if (n === 'v') out.push('\v');
    else if (n >= '0' && n <= '7') {
      let v = n.charCodeAt(0) - 48;
      let cnt = 1;
      while (cnt < 3 && i < s.length && s[i] >= '0' && s[i] <= '7') {
        v = v * 8 + (s.charCodeAt(i) - 48);
        i++;
        cnt++;
      }
      out.push(String.fromCharCode(v));
    } else if (n === 'x' || (!isBytes && (n === 'u' || n === 'U'))) {
      const len = n === 'x' ? 2 : n === 'u' ? 4 : 8;
      let v = 0;
      for (let j = 0; j < len; j++) {
        const h = i + j < s.length ? hexVal(s[i + j]) : -1;
        if (h < 0) {
          throw new ParseError('SyntaxError', `(${isBytes ? 'value' : 'unicode'} error) 'unicodeescape' codec can't decode bytes: truncated \\${n}XXXX escape`, line, 1);
        }
        v = v * 16 + h;
      }
      i += len;
      out.push(codePointToString(v));
    } else if (n === 'N' && !isBytes) {
      const end = indexFrom(s, '}', i);
      if (i >= s.length || s[i] !== '{' || end < 0) {
        throw new ParseError('SyntaxError', `(unicode error) 'unicodeescape' codec can't decode bytes in position ${i - 2}-${s.length - 1}: malformed \\N character escape`, line, 1);
      }
      const name = s.slice(i + 1, end);
      if (name.length === 0) {
        throw new ParseError('SyntaxError', `(unicode error) 'unicodeescape' codec can't decode bytes in position ${i - 2}-${i}: malformed \\N character escape`, line, 1);
      }
      const ch = CHAR_NAMES.names.lookup(name);
      if (ch === null) {
        throw new ParseError('SyntaxError', `(unicode error) 'unicodeescape' codec can't decode bytes in position ${i - 2}-${end}: unknown Unicode character name`, line, 1);
      }
      i = end + 1;
      out.push(ch);
    } else {
      out.push('\\');
      out.push(n);
    }
  }
  return out.join('');
}

export class Parser {
  toks: Tok[];
  p: int = 0;
  /** expression nesting (see enter) */
  depth: int = 0;
  filename: string;
  src: string;
  /** the compiler's nesting limit (compileModule's maxDepth) */
  maxDepth: int;
  /** a chain of operators or trailers is longer than maxDepth: the tree cannot compile. The
   * parse goes on to the end, building no more of that chain, so that a syntax error later in
   * the source is still the one reported, as in CPython (whose AST optimizer then refuses the
   * tree before the symbol table sees it). */
  tooDeep: boolean = false;
  constructor(toks: Tok[], filename: string, src: string, maxDepth: int) {
    this.toks = toks;
    this.filename = filename;
    this.src = src;
    this.maxDepth = maxDepth;
  }
  peek(): Tok {
    return this.toks[this.p];
  }
  peekAt(k: int): Tok {
    const i = this.p + k < this.toks.length ? this.p + k : this.toks.length - 1;
    return this.toks[i];
  }
  next(): Tok {
    const t = this.toks[this.p];
    if (this.p < this.toks.length - 1) this.p++;
    return t;
  }
  isOp(s: string): boolean {
    const t = this.toks[this.p];
    return t.type === T_OP && t.s === s;
  }
  isKw(s: string): boolean {
    const t = this.toks[this.p];
    return t.type === T_NAME && t.s === s;
  }
  acceptOp(s: string): boolean {
    if (this.isOp(s)) {
      this.next();
      return true;
    }
    return false;
  }
  acceptKw(s: string): boolean {
    if (this.isKw(s)) {
      this.next();
      return true;
    }
    return false;
  }
  error(msg: string, t: Tok): ParseError {
    return new ParseError('SyntaxError', msg, t.line, t.col + 1);
  }
  /** True if the current token could start an expression (for "Perhaps you forgot a comma?"). */
  startsExpr(): boolean {
    const t = this.peek();
    if (t.type === T_NUMBER || t.type === T_STRING) return true;
    if (t.type === T_NAME) return !KEYWORDS.includes(t.s) || t.s === 'None' || t.s === 'True' || t.s === 'False' || t.s === 'lambda' || t.s === 'not';
    return t.type === T_OP && (t.s === '(' || t.s === '[' || t.s === '{');
  }
  /** CPython's invalid_legacy_expression: `print x` / `exec x` where what follows parses as
   * expressions is a call missing its parentheses. When it does not parse, the plain "invalid
   * syntax" stands (the parse is rewound); other errors met in it (e.g. "expected 'else'") are
   * CPython's too. */
  checkLegacyCall(e: Name): void {
    const save = this.p;
    const depth = this.depth;
    const tooDeep = this.tooDeep;
    try {
      this.parseTestListStarExpr();
    } catch (err) {
      if (!(err instanceof ParseError) || err.msg !== 'invalid syntax') throw err;
      this.p = save;
      this.depth = depth;
      this.tooDeep = tooDeep;
      return;
    }
    throw new ParseError('SyntaxError', `Missing parentheses in call to '${e.id}'. Did you mean ${e.id}(...)?`, e.line, e.col + 1);
  }
  expectCommaOr(close: string): void {
    if (!this.isOp(close) && !this.isOp(',') && this.startsExpr()) {
      throw this.error('invalid syntax. Perhaps you forgot a comma?', this.peek());
    }
  }
  syntaxError(): ParseError {
    const t = this.peek();
    if (t.type === T_INDENT) return new ParseError('IndentationError', 'unexpected indent', t.line, t.col + 1);
    if (t.type === T_END || t.type === T_NEWLINE) {
      return this.error('invalid syntax', t);
    }
    return this.error('invalid syntax', t);
  }
  expectOp(s: string): Tok {
    if (!this.isOp(s)) {
      if (s === ':') {
        const t = this.peek();
        if (t.type === T_OP && t.s === '=') throw this.error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", t);
        if (t.type === T_NEWLINE) throw this.error("expected ':'", t);
        throw this.syntaxError();
      }
      throw this.syntaxError();
    }
    return this.next();
  }
  expectKw(s: string): void {
    if (!this.isKw(s)) throw this.syntaxError();
    this.next();
  }
  expectName(): string {
    const t = this.peek();
    if (t.type !== T_NAME || KEYWORDS.includes(t.s)) throw this.syntaxError();
    this.next();
    return t.s;
  }
  // ---- statements ----
  parseModule(): Module {
    const body: stmt[] = [];
    while (this.peek().type !== T_END) {
      if (this.peek().type === T_NEWLINE) {
        this.next();
        continue;
      }
      this.parseStatement(body);
    }
    return new Module(body);
  }
  /** The input of compile(..., 'eval') and eval(): CPython's `eval: expressions NEWLINE*
   * ENDMARKER`, one expression or a tuple of them (no starred items, no top-level `:=`), as a
   * module of one expression statement. Statements are plain "invalid syntax" here, at the
   * token where the expression ends: CPython's statement-only messages ("cannot assign to ...")
   * come from rules this grammar never reaches. */
  parseEvalInput(): Module {
    while (this.peek().type === T_NEWLINE) this.next();
    const t = this.peek();
    const first = this.parseEvalItem();
    let value = first;
    if (this.isOp(',')) {
      const elts: expr[] = [first];
      while (this.acceptOp(',')) {
        if (this.peek().type === T_NEWLINE || this.peek().type === T_END) break;
        elts.push(this.parseEvalItem());
      }
      value = new Tuple(t.line, t.col, elts, false);
    }
    while (this.peek().type === T_NEWLINE) this.next();
    if (this.peek().type !== T_END) throw this.syntaxError();
    return new Module([new Expr(t.line, t.col, value)]);
  }
  parseEvalItem(): expr {
    if (this.isOp('*')) throw this.syntaxError();
    return this.parseTest();
  }
  parseBlock(what: string, line: int): stmt[] {
    const body: stmt[] = [];
    if (this.peek().type === T_NEWLINE) {
      this.next();
      if (this.peek().type !== T_INDENT) {
        const t = this.peek();
        throw new ParseError('IndentationError', `expected an indented block after ${what} on line ${line}`, t.line, t.col + 1);
      }
      this.next();
      while (this.peek().type !== T_DEDENT && this.peek().type !== T_END) {
        this.parseStatement(body);
      }
      if (this.peek().type === T_DEDENT) this.next();
    } else {
      this.parseSimpleStatements(body);
    }
    return body;
  }
  parseStatement(out: stmt[]): void {
    const t = this.peek();
    if (t.type === T_INDENT) throw new ParseError('IndentationError', 'unexpected indent', t.line, t.col + 1);
    if (t.type === T_NAME) {
      switch (t.s) {
        case 'if':
          out.push(this.parseIf());
          return;
        case 'while':
          out.push(this.parseWhile());
          return;
        case 'for':
          out.push(this.parseFor());
          return;
        case 'def':
          out.push(this.parseFuncDef([]));
          return;
        case 'class':
          out.push(this.parseClassDef([]));
          return;
        case 'try':
          out.push(this.parseTry());
          return;
        case 'with':
          out.push(this.parseWith());
          return;
        case 'async': {
          const n = this.peekAt(1);
          if (n.type === T_NAME && (n.s === 'def' || n.s === 'for' || n.s === 'with')) {
            out.push(this.parseAsync([]));
            return;
          }
          break;
        }
        case 'match':
          if (this.looksLikeMatch()) {
            out.push(this.parseMatch());
            return;
          }
          break;
      }
    }
    if (t.type === T_OP && t.s === '@') {
      const decos: expr[] = [];
      while (this.acceptOp('@')) {
        decos.push(this.parseNamedExprTest());
        if (this.peek().type !== T_NEWLINE) throw this.syntaxError();
        this.next();
      }
      if (this.isKw('def')) out.push(this.parseFuncDef(decos));
      else if (this.isKw('async') && this.peekAt(1).type === T_NAME && this.peekAt(1).s === 'def') out.push(this.parseAsync(decos));
      else if (this.isKw('class')) out.push(this.parseClassDef(decos));
      else throw this.syntaxError();
      return;
    }
    this.parseSimpleStatements(out);
  }
  parseSimpleStatements(out: stmt[]): void {
    for (;;) {
      out.push(this.parseSmallStatement());
      if (this.acceptOp(';')) {
        if (this.peek().type === T_NEWLINE) break;
        continue;
      }
      break;
    }
    const t = this.peek();
    if (t.type !== T_NEWLINE) {
      if (t.type === T_END) return;
      throw this.syntaxError();
    }
    this.next();
  }
  /** The `else:` block of a compound statement, or none. */
  parseElse(): stmt[] {
    if (!this.isKw('else')) return [];
    const e = this.next();
    this.expectOp(':');
    return this.parseBlock("'else' statement", e.line);
  }
  parseIf(): If {
    const t = this.next();
    const test = this.parseNamedExprTest();
    this.expectOp(':');
    const body = this.parseBlock(t.s === 'if' ? "'if' statement" : "'elif' statement", t.line);
    let orelse: stmt[] = [];
    if (this.isKw('elif')) orelse.push(this.parseIf());
    else orelse = this.parseElse();
    return new If(t.line, t.col, test, body, orelse);
  }
  parseWhile(): While {
    const t = this.next();
    const test = this.parseNamedExprTest();
    this.expectOp(':');
    const body = this.parseBlock("'while' statement", t.line);
    return new While(t.line, t.col, test, body, this.parseElse());
  }
  parseFor(): For {
    const t = this.next();
    const target = this.parseTargetList();
    this.expectKw('in');
    const iter = this.parseTestListStarExpr();
    this.expectOp(':');
    const body = this.parseBlock("'for' statement", t.line);
    return new For(t.line, t.col, target, iter, body, this.parseElse());
  }
  parseTargetList(): expr {
    const t = this.peek();
    const first = this.parseStarOrExpr();
    if (!this.isOp(',')) {
      this.checkTarget(first);
      return first;
    }
    const elts: expr[] = [first];
    while (this.acceptOp(',')) {
      if (this.isKw('in') || this.isOp('=')) break;
      elts.push(this.parseStarOrExpr());
    }
    const tup = new Tuple(t.line, t.col, elts, false);
    this.checkTarget(tup);
    return tup;
  }
  parseStarOrExpr(): expr {
    if (this.isOp('*')) {
      const t = this.next();
      return new Starred(t.line, t.col, this.parseExpr());
    }
    return this.parseExpr();
  }
  /** `async def`, `async for` or `async with` (the caller saw which follows `async`). */
  parseAsync(decos: expr[]): stmt {
    const a = this.next();
    const kw = this.peek().s;
    if (kw === 'def') {
      const f = this.parseFuncDef(decos);
      return new AsyncFunctionDef(a.line, a.col, f.name, f.args, f.body, f.decorator_list, f.returns);
    }
    if (kw === 'for') {
      const f = this.parseFor();
      return new AsyncFor(a.line, a.col, f.target, f.iter, f.body, f.orelse);
    }
    const w = this.parseWith();
    return new AsyncWith(a.line, a.col, w.items, w.body);
  }
  parseFuncDef(decos: expr[]): FunctionDef {
    const t = this.next();
    const name = this.expectName();
    this.expectOp('(');
    const args = this.parseArguments(')', true);
    this.expectOp(')');
    let returns: expr | null = null;
    if (this.acceptOp('->')) returns = this.parseTest();
    this.expectOp(':');
    const body = this.parseBlock(`function definition`, t.line);
    return new FunctionDef(t.line, t.col, name, args, body, decos, returns);
  }
  parseArguments(end: string, annotations: boolean): Arguments {
    const spec = new Arguments();
    let seenStar = false;
    let seenDefault = false;
    let seenSlash = false;
    while (!this.isOp(end)) {
      if (this.isOp('/')) {
        // CPython's invalid_parameters messages, in its order
        const st = this.peek();
        if (spec.args.length === 0 && !seenStar) {
          if (this.peekAt(1).type === T_OP && this.peekAt(1).s === ',') throw this.error('at least one argument must precede /', st);
          throw this.syntaxError();
        }
        if (seenStar) throw this.error('/ must be ahead of *', st);
        if (seenSlash) throw this.error('/ may appear only once', st);
        this.next();
        seenSlash = true;
        spec.posonlyargcount = spec.args.length;
      } else if (this.acceptOp('**')) {
        spec.kwarg = this.expectName();
        if (annotations && this.acceptOp(':')) spec.kwargAnn = this.parseTest();
        if (this.isOp(',') && !(this.peekAt(1).type === T_OP && this.peekAt(1).s === end)) {
          throw this.error('arguments cannot follow var-keyword argument', this.peekAt(1));
        }
      } else if (this.acceptOp('*')) {
        seenStar = true;
        if (this.isOp(end) || (this.isOp(',') && this.peekAt(1).type === T_OP && (this.peekAt(1).s === end || this.peekAt(1).s === '**'))) {
          throw this.error('named arguments must follow bare *', this.peek());
        }
        if (!this.isOp(',')) {
          spec.vararg = this.expectName();
          // `*args: *Ts` (PEP 646) is 3.11 syntax too
          if (annotations && this.acceptOp(':')) spec.varargAnn = this.isOp('*') ? this.parseStarOrExpr() : this.parseTest();
        }
      } else {
        const nt = this.peek();
        const name = this.expectName();
        if (spec.args.includes(name) || spec.kwonlyargs.includes(name)) {
          throw this.error(`duplicate argument '${name}' in function definition`, nt);
        }
        let ann: expr | null = null;
        if (annotations && this.acceptOp(':')) ann = this.parseTest();
        let def: expr | null = null;
        if (this.acceptOp('=')) def = this.parseTest();
        if (seenStar) {
          spec.kwonlyargs.push(name);
          spec.kw_defaults.push(def);
          spec.kwonlyAnns.push(ann);
        } else {
          spec.args.push(name);
          spec.argAnns.push(ann);
          if (def !== null) {
            spec.defaults.push(def);
            seenDefault = true;
          } else if (seenDefault) {
            throw this.error('non-default argument follows default argument', nt);
          }
        }
      }
      if (!this.acceptOp(',')) break;
    }
    return spec;
  }
  parseClassDef(decos: expr[]): ClassDef {
    const t = this.next();
    const name = this.expectName();
    const bases: expr[] = [];
    const keywords: Keyword[] = [];
    if (this.acceptOp('(')) {
      this.parseCallArgs(bases, keywords);
    }
    this.expectOp(':');
    const body = this.parseBlock(`class definition`, t.line);
    return new ClassDef(t.line, t.col, name, bases, keywords, body, decos);
  }
  parseTry(): Try {
    const t = this.next();
    this.expectOp(':');
    const body = this.parseBlock("'try' statement", t.line);
    const handlers: ExceptHandler[] = [];
    // -1: no handler yet, 0: `except`, 1: `except*` (PEP 654: one kind per try)
    let star = -1;
    while (this.isKw('except')) {
      const et = this.next();
      let type: expr | null = null;
      let name = '';
      const isStar = this.isOp('*');
      if (isStar) {
        this.next();
        if (this.isOp(':')) throw this.error('expected one or more exception types', this.peek());
        if (star === 0) throw this.error("cannot have both 'except' and 'except*' on the same 'try'", et);
        star = 1;
      } else {
        if (star === 1) throw this.error("cannot have both 'except' and 'except*' on the same 'try'", et);
        star = 0;
      }
      if (!this.isOp(':')) {
        const tt = this.peek();
        type = this.parseTest();
        if (this.isOp(',')) {
          // the types are parsed first: an error among them is the one reported
          while (this.acceptOp(',')) this.parseTest();
          throw this.error('multiple exception types must be parenthesized', tt);
        }
        if (this.acceptKw('as')) name = this.expectName();
      }
      this.expectOp(':');
      handlers.push(new ExceptHandler(et.line, et.col, type, name, this.parseBlock("'except' statement", et.line)));
    }
    const orelse = this.parseElse();
    let finalbody: stmt[] = [];
    if (this.isKw('finally')) {
      const f = this.next();
      this.expectOp(':');
      finalbody = this.parseBlock("'finally' statement", f.line);
    }
    if (handlers.length === 0 && finalbody.length === 0) {
      throw this.error("expected 'except' or 'finally' block", this.peek());
    }
    const tr = new Try(t.line, t.col, body, handlers, orelse, finalbody);
    tr.star = star === 1;
    return tr;
  }
  /** 'match' is a soft keyword: a match statement ends its first line with ':'. */
  looksLikeMatch(): boolean {
    const nt = this.peekAt(1);
    if (nt.type === T_NEWLINE || nt.type === T_END) return false;
    if (nt.type === T_OP && !(nt.s === '(' || nt.s === '[' || nt.s === '{' || nt.s === '-' || nt.s === '*' || nt.s === '...' || nt.s === '~' || nt.s === '+')) return false;
    let depth = 0;
    let last: Tok | null = null;
    for (let i = this.p + 1; i < this.toks.length; i++) {
      const t = this.toks[i];
      if (t.type === T_NEWLINE || t.type === T_END) break;
      if (t.type === T_OP && (t.s === '(' || t.s === '[' || t.s === '{')) depth++;
      if (t.type === T_OP && (t.s === ')' || t.s === ']' || t.s === '}')) depth--;
      last = t;
    }
    return last !== null && last.type === T_OP && last.s === ':' && depth === 0;
  }
  parseMatch(): Match {
    const t = this.next();
    const subject = this.parseTestListStarExpr(true);
    this.expectOp(':');
    if (this.peek().type !== T_NEWLINE) throw this.syntaxError();
    this.next();
    if (this.peek().type !== T_INDENT) {
      const tk = this.peek();
      throw new ParseError('IndentationError', `expected an indented block after 'match' statement on line ${t.line}`, tk.line, tk.col + 1);
    }
    this.next();
    const cases: MatchCase[] = [];
    while (this.peek().type !== T_DEDENT && this.peek().type !== T_END) {
      const ct = this.peek();
      if (!(ct.type === T_NAME && ct.s === 'case')) throw this.syntaxError();
      this.next();
      const pat = this.parsePatternTop();
      let guard: expr | null = null;
      if (this.acceptKw('if')) guard = this.parseNamedExprTest();
      this.expectOp(':');
      cases.push(new MatchCase(ct.line, ct.col, pat, guard, this.parseBlock("'case' statement", ct.line)));
    }
    if (this.peek().type === T_DEDENT) this.next();
    return new Match(t.line, t.col, subject, cases);
  }
  parsePatternTop(): pattern {
    const t = this.peek();
    const first = this.parsePattern();
    if (!this.isOp(',')) return first;
    const pats: pattern[] = [first];
    while (this.acceptOp(',')) {
      if (this.isOp(':') || this.isKw('if')) break;
      pats.push(this.parsePattern());
    }
    return new MatchSequence(t.line, t.col, pats);
  }
  parsePattern(): pattern {
    const t = this.peek();
    const p = this.parseOrPattern();
    if (this.acceptKw('as')) {
      const nt = this.peek();
      const name = this.expectName();
      if (name === '_') throw this.error("cannot use '_' as a target", nt);
      return new MatchAs(t.line, t.col, p, name);
    }
    return p;
  }
  parseOrPattern(): pattern {
    const t = this.peek();
    const first = this.parseClosedPattern();
    if (!this.isOp('|')) return first;
    const pats: pattern[] = [first];
    while (this.acceptOp('|')) pats.push(this.parseClosedPattern());
    return new MatchOr(t.line, t.col, pats);
  }
  parseClosedPattern(): pattern {
    const t = this.peek();
    if (t.type === T_OP && t.s === '*') {
      this.next();
      const nm = this.expectName();
      return new MatchStar(t.line, t.col, nm === '_' ? '' : nm);
    }
    if (t.type === T_NUMBER || t.type === T_STRING || (t.type === T_OP && t.s === '-')) {
      return new MatchValue(t.line, t.col, this.parseArith());
    }
    if (t.type === T_NAME && (t.s === 'None' || t.s === 'True' || t.s === 'False')) {
      this.next();
      return new MatchSingleton(t.line, t.col, t.s === 'None' ? None : t.s === 'True' ? True : False);
    }
    if (t.type === T_NAME) {
      let e: expr = new Name(t.line, t.col, this.expectName());
      let dotted = false;
      while (this.isOp('.')) {
        this.next();
        e = new Attribute(e.line, e.col, e, this.expectName());
        dotted = true;
      }
      if (this.isOp('(')) {
        this.next();
        const patterns: pattern[] = [];
        const kwdAttrs: string[] = [];
        const kwdPatterns: pattern[] = [];
        while (!this.isOp(')')) {
          const kt = this.peek();
          if (kt.type === T_NAME && this.peekAt(1).type === T_OP && this.peekAt(1).s === '=') {
            this.next();
            this.next();
            kwdAttrs.push(kt.s);
            kwdPatterns.push(this.parsePattern());
          } else {
            if (kwdAttrs.length > 0) throw this.error('positional patterns follow keyword patterns', kt);
            patterns.push(this.parsePattern());
          }
          if (!this.acceptOp(',')) break;
        }
        this.expectOp(')');
        return new MatchClass(t.line, t.col, e, patterns, kwdAttrs, kwdPatterns);
      }
      if (dotted) return new MatchValue(t.line, t.col, e);
      return new MatchAs(t.line, t.col, null, t.s === '_' ? '' : t.s);
    }
    if (t.type === T_OP && (t.s === '(' || t.s === '[')) {
      this.next();
      const close = t.s === '(' ? ')' : ']';
      const pats: pattern[] = [];
      if (this.acceptOp(close)) return new MatchSequence(t.line, t.col, pats);
      const first = this.parsePattern();
      if (t.s === '(' && this.acceptOp(')')) return first;
      pats.push(first);
      while (this.acceptOp(',')) {
        if (this.isOp(close)) break;
        pats.push(this.parsePattern());
      }
      this.expectOp(close);
      return new MatchSequence(t.line, t.col, pats);
    }
    if (t.type === T_OP && t.s === '{') {
      this.next();
      const keys: expr[] = [];
      const pats: pattern[] = [];
      let rest = '';
      while (!this.isOp('}')) {
        if (this.acceptOp('**')) {
          // `**rest` binds a name (not `_`) and comes last
          const rt = this.peek();
          rest = this.expectName();
          if (rest === '_') throw this.error('invalid syntax', rt);
          this.acceptOp(',');
          if (!this.isOp('}')) throw this.error('invalid syntax', this.peek());
          break;
        } else {
          const kt = this.peek();
          let key: expr;
          if (kt.type === T_NAME && kt.s !== 'None' && kt.s !== 'True' && kt.s !== 'False') {
            key = this.parseAtomExpr();
          } else key = this.parseArith();
          keys.push(key);
          this.expectOp(':');
          pats.push(this.parsePattern());
        }
        if (!this.acceptOp(',')) break;
      }
      this.expectOp('}');
      return new MatchMapping(t.line, t.col, keys, pats, rest);
    }
    throw this.syntaxError();
  }
  /** A literal in a pattern: signed numbers and strings (binary +/- for complex is not supported). */
  parseArith(): expr {
    return this.parseBinLevel(4);
  }
  parseWith(): With {
    const t = this.next();
    let paren = false;
    if (this.isOp('(')) {
      // parenthesized with-items: look for 'as' or ',' at depth 1 before ':'
      let depth = 0;
      let i = this.p;
      let isGroup = false;
      for (; i < this.toks.length; i++) {
        const tk = this.toks[i];
        if (tk.type === T_OP && (tk.s === '(' || tk.s === '[' || tk.s === '{')) depth++;
        else if (tk.type === T_OP && (tk.s === ')' || tk.s === ']' || tk.s === '}')) {
          depth--;
          if (depth === 0) {
            isGroup = this.toks[i + 1].type === T_OP && this.toks[i + 1].s === ':';
            break;
          }
        } else if (depth === 1 && tk.type === T_NAME && tk.s === 'as') isGroup = true;
      }
      if (isGroup) {
        paren = true;
        this.next();
      }
    }
    const items: WithItem[] = [];
    for (;;) {
      const it = this.peek();
      const ctx = this.parseTest();
      let vars: expr | null = null;
      if (this.acceptKw('as')) {
        vars = this.parseStarOrExpr();
        this.checkTarget(vars);
      }
      items.push(new WithItem(it.line, it.col, ctx, vars));
      if (!this.acceptOp(',')) break;
      if (paren && this.isOp(')')) break;
    }
    if (paren) this.expectOp(')');
    this.expectOp(':');
    return new With(t.line, t.col, items, this.parseBlock("'with' statement", t.line));
  }
  /** One import name: `dotted.name` (or a plain name when dotted is false) with its `as`. */
  parseAlias(dotted: boolean): Alias {
    const t = this.peek();
    const name = dotted ? this.parseDottedName() : this.expectName();
    const asname = this.acceptKw('as') ? this.expectName() : '';
    return new Alias(t.line, t.col, name, asname);
  }
  parseSmallStatement(): stmt {
    const t = this.peek();
    if (t.type === T_NAME) {
      switch (t.s) {
        case 'pass':
          this.next();
          return new Pass(t.line, t.col);
        case 'break':
          this.next();
          return new Break(t.line, t.col);
        case 'continue':
          this.next();
          return new Continue(t.line, t.col);
        case 'return': {
          this.next();
          return new Return(t.line, t.col, this.atStmtEnd() ? null : this.parseTestListStarExpr());
        }
        case 'raise': {
          this.next();
          let exc: expr | null = null;
          let cause: expr | null = null;
          if (!this.atStmtEnd()) {
            exc = this.parseTest();
            if (this.acceptKw('from')) cause = this.parseTest();
          }
          return new Raise(t.line, t.col, exc, cause);
        }
        case 'global':
        case 'nonlocal': {
          this.next();
          const names: string[] = [this.expectName()];
          while (this.acceptOp(',')) names.push(this.expectName());
          return t.s === 'global' ? new Global(t.line, t.col, names) : new Nonlocal(t.line, t.col, names);
        }
        case 'del': {
          this.next();
          const e = this.parseTestListStarExpr();
          let targets: expr[] = [];
          if (e instanceof Tuple && !e.parenthesized) targets = e.elts;
          else targets.push(e);
          for (const x of targets) this.checkDelTarget(x);
          return new Delete(t.line, t.col, targets);
        }
        case 'assert': {
          this.next();
          const test = this.parseTest();
          const msg = this.acceptOp(',') ? this.parseTest() : null;
          return new Assert(t.line, t.col, test, msg);
        }
        case 'import': {
          this.next();
          const names: Alias[] = [];
          for (;;) {
            names.push(this.parseAlias(true));
            if (!this.acceptOp(',')) break;
          }
          return new Import(t.line, t.col, names);
        }
        case 'from': {
          this.next();
          let level = 0;
          for (;;) {
            if (this.acceptOp('.')) level++;
            else if (this.acceptOp('...')) level += 3;
            else break;
          }
          const module = this.isKw('import') ? '' : this.parseDottedName();
          this.expectKw('import');
          const names: Alias[] = [];
          if (this.acceptOp('*')) {
            names.push(new Alias(t.line, t.col, '*', ''));
            return new ImportFrom(t.line, t.col, module, names, level);
          }
          const paren = this.acceptOp('(');
          for (;;) {
            if (paren && this.isOp(')')) break;
            names.push(this.parseAlias(false));
            if (!this.acceptOp(',')) break;
          }
          if (paren) this.expectOp(')');
          return new ImportFrom(t.line, t.col, module, names, level);
        }
      }
    }
    // expression statement / assignment
    if (this.isKw('yield')) return new Expr(t.line, t.col, this.parseYield());
    const e = this.parseTestListStarExpr();
    if (e instanceof Name && (e.id === 'print' || e.id === 'exec') && this.startsExpr()) this.checkLegacyCall(e);
    if (this.isOp('=')) {
      this.checkTarget(e);
      const targets: expr[] = [e];
      let value: expr = e;
      while (this.acceptOp('=')) {
        value = this.isKw('yield') ? this.parseYield() : this.parseTestListStarExpr();
        if (this.isOp('=')) {
          this.checkTarget(value);
          targets.push(value);
        }
      }
      return new Assign(t.line, t.col, targets, value);
    }
    if (this.isOp(':')) {
      const ct = this.next();
      if (e.k !== K.Name && e.k !== K.Attribute && e.k !== K.Subscript) {
        throw this.error('only single target (not tuple) can be annotated', ct);
      }
      const annotation = this.parseTest();
      const value = this.acceptOp('=') ? this.parseTestListStarExpr() : null;
      return new AnnAssign(t.line, t.col, e, annotation, value);
    }
    const at = this.peek();
    if (at.type === T_OP && at.s.length >= 2 && at.s.endsWith('=') && at.s !== '==' && at.s !== '<=' && at.s !== '>=' && at.s !== '!=' && at.s !== ':=') {
      this.next();
      if (e.k !== K.Name && e.k !== K.Attribute && e.k !== K.Subscript) {
        throw new ParseError('SyntaxError', `'${describe(e)}' is an illegal expression for augmented assignment`, e.line, e.col + 1);
      }
      const op = binOpId(at.s.slice(0, at.s.length - 1));
      const value = this.isKw('yield') ? this.parseYield() : this.parseTestListStarExpr();
      return new AugAssign(t.line, t.col, e, op, value);
    }
    return new Expr(t.line, t.col, e);
  }
  atStmtEnd(): boolean {
    const t = this.peek();
    return t.type === T_NEWLINE || t.type === T_END || (t.type === T_OP && t.s === ';');
  }
  parseDottedName(): string {
    let s = this.expectName();
    while (this.acceptOp('.')) s = s + '.' + this.expectName();
    return s;
  }
  checkTarget(e: expr): void {
    this.checkTargetAt(e, 0);
  }
  checkTargetAt(e: expr, depth: int): void {
    if (e instanceof Name || e instanceof Attribute || e instanceof Subscript) return;
    if (e instanceof Starred) {
      this.checkTargetAt(e.value, depth + 1);
      return;
    }
    if (e instanceof Tuple) {
      for (const x of e.elts) this.checkTargetAt(x, depth + 1);
      return;
    }
    if (e instanceof List) {
      for (const x of e.elts) this.checkTargetAt(x, depth + 1);
      return;
    }
    const what = describe(e);
    if (depth > 0) throw new ParseError('SyntaxError', `cannot assign to ${what}`, e.line, e.col + 1);
    if (e.k === K.Compare || e.k === K.BinOp || e.k === K.UnaryOp || e.k === K.BoolOp) {
      throw new ParseError('SyntaxError', `cannot assign to expression here. Maybe you meant '==' instead of '='?`, e.line, e.col + 1);
    }
    if (e instanceof Constant && (e.value === None || e.value === True || e.value === False)) {
      throw new ParseError('SyntaxError', `cannot assign to ${what}`, e.line, e.col + 1);
    }
    throw new ParseError('SyntaxError', `cannot assign to ${what} here. Maybe you meant '==' instead of '='?`, e.line, e.col + 1);
  }
  checkDelTarget(e: expr): void {
    if (e.k === K.Name || e.k === K.Attribute || e.k === K.Subscript) return;
    if (e instanceof Tuple) {
      for (const x of e.elts) this.checkDelTarget(x);
      return;
    }
    if (e instanceof List) {
      for (const x of e.elts) this.checkDelTarget(x);
      return;
    }
    throw new ParseError('SyntaxError', `cannot delete ${describe(e)}`, e.line, e.col + 1);
  }

  // ---- expressions ----
  /** star_expressions (statements, assignment values, return, yield, del, for iterables), or
   * with named the match subject's star_named_expressions, whose first item may be an
   * unparenthesized `x := ...`; elsewhere a `:=` ends the expression (CPython's "invalid
   * syntax" there). */
  parseTestListStarExpr(named: boolean = false): expr {
    const t = this.peek();
    const first = this.isOp('*') ? this.parseStarOrExpr() : named ? this.parseNamedExprTest() : this.parseTest();
    if (!this.isOp(',')) return first;
    const elts: expr[] = [first];
    while (this.acceptOp(',')) {
      if (this.atExprEnd()) break;
      elts.push(this.isOp('*') ? this.parseStarOrExpr() : this.parseTest());
    }
    return new Tuple(t.line, t.col, elts, false);
  }
  atExprEnd(): boolean {
    const t = this.peek();
    if (t.type === T_NEWLINE || t.type === T_END) return true;
    if (t.type === T_OP && (t.s === ')' || t.s === ']' || t.s === '}' || t.s === '=' || t.s === ';' || t.s === ':')) return true;
    if (t.type === T_OP && t.s.length >= 2 && t.s.endsWith('=') && t.s !== '==' && t.s !== '<=' && t.s !== '>=' && t.s !== '!=') return true;
    return false;
  }
  /** named_expression: `name := value` or an expression. A `:=` after any other expression is
   * CPython's "cannot use assignment expressions with ..." (invalid_named_expression), except
   * in call arguments (inCall), whose grammar never reaches that rule: "invalid syntax" there. */
  parseNamedExprTest(inCall: boolean = false): expr {
    const t = this.peek();
    if (t.type === T_NAME && !KEYWORDS.includes(t.s) && this.peekAt(1).type === T_OP && this.peekAt(1).s === ':=') {
      this.next();
      this.next();
      const target = new Name(t.line, t.col, t.s);
      return new NamedExpr(t.line, t.col, target, this.parseTest());
    }
    const e = this.parseTest();
    // CPython's invalid_named_expression: only a name can be the target
    if (!inCall && this.isOp(':=')) throw new ParseError('SyntaxError', `cannot use assignment expressions with ${describe(e)}`, e.line, e.col + 1);
    return e;
  }
  /** Counts one more level of expression nesting (left by leave); an error for too many. The
   * parse ends at the first error, so a level entered is not left on that path. */
  enter(): void {
    this.depth++;
    if (this.depth > MAX_PARSE_DEPTH) throw new ParseError('MemoryError', '', 0, 0);
  }
  leave(): void {
    this.depth--;
  }
  parseTest(): expr {
    this.enter();
    const n = this.parseTest1();
    this.leave();
    return n;
  }
  parseTest1(): expr {
    if (this.isKw('lambda')) return this.parseLambda(true);
    const t = this.peek();
    const e = this.parseOrTest();
    if (this.isKw('if')) {
      // conditional expression (but not inside comprehension 'if')
      this.next();
      const test = this.parseOrTest();
      if (!this.isKw('else')) throw this.error("expected 'else' after 'if' expression", this.peek());
      this.next();
      return new IfExp(t.line, t.col, test, e, this.parseTest());
    }
    return e;
  }
  parseTestNoCond(): expr {
    if (this.isKw('lambda')) return this.parseLambda(false);
    return this.parseOrTest();
  }
  parseLambda(allowCond: boolean): Lambda {
    const t = this.next();
    const args = this.parseArguments(':', false);
    this.expectOp(':');
    const body = allowCond ? this.parseTest() : this.parseTestNoCond();
    return new Lambda(t.line, t.col, args, body);
  }
  parseOrTest(): expr {
    const t = this.peek();
    const first = this.parseAndTest();
    if (!this.isKw('or')) return first;
    const values: expr[] = [first];
    while (this.acceptKw('or')) values.push(this.parseAndTest());
    return new BoolOp(t.line, t.col, A.BOOL_OR, values);
  }
  parseAndTest(): expr {
    const t = this.peek();
    const first = this.parseNotTest();
    if (!this.isKw('and')) return first;
    const values: expr[] = [first];
    while (this.acceptKw('and')) values.push(this.parseNotTest());
    return new BoolOp(t.line, t.col, A.BOOL_AND, values);
  }
  parseNotTest(): expr {
    if (this.isKw('not')) {
      const t = this.next();
      this.enter();
      const operand = this.parseNotTest();
      this.leave();
      return new UnaryOp(t.line, t.col, A.U_NOT, operand);
    }
    return this.parseComparison();
  }
  compOp(): int {
    const t = this.peek();
    if (t.type === T_OP) {
      switch (t.s) {
        case '<':
          return A.CMP_LT;
        case '<=':
          return A.CMP_LE;
        case '==':
          return A.CMP_EQ;
        case '!=':
          return A.CMP_NE;
        case '>':
          return A.CMP_GT;
        case '>=':
          return A.CMP_GE;
      }
      return -1;
    }
    if (t.type === T_NAME) {
      if (t.s === 'in') return A.CMP_IN;
      if (t.s === 'is') return this.peekAt(1).type === T_NAME && this.peekAt(1).s === 'not' ? A.CMP_ISNOT : A.CMP_IS;
      if (t.s === 'not' && this.peekAt(1).type === T_NAME && this.peekAt(1).s === 'in') return A.CMP_NOTIN;
    }
    return -1;
  }
  parseComparison(): expr {
    const t = this.peek();
    const first = this.parseExpr();
    let op = this.compOp();
    if (op < 0) return first;
    const ops: int[] = [];
    const comparators: expr[] = [];
    while (op >= 0) {
      this.next();
      if (op === A.CMP_ISNOT || op === A.CMP_NOTIN) this.next();
      ops.push(op);
      comparators.push(this.parseExpr());
      op = this.compOp();
    }
    return new Compare(t.line, t.col, first, ops, comparators);
  }
  /** True when a left-nested chain of `length` nodes (a+b+c..., f()[0].x...) is too deep to
   * compile: with its statement and its innermost operand it nests length + 2 levels. Such a
   * chain is built iteratively, so nothing else would stop it before the symbol table, after
   * the whole source is in memory as tokens and nodes. */
  chainTooDeep(length: int): boolean {
    if (length + 2 <= this.maxDepth) return false;
    this.tooDeep = true;
    return true;
  }
  binLevel(ops: string[], level: int): expr {
    const t = this.peek();
    let left = this.parseBinLevel(level + 1);
    let length = 0;
    for (;;) {
      const o = this.peek();
      if (o.type !== T_OP || !ops.includes(o.s)) break;
      this.next();
      const op = binOpId(o.s);
      const right = this.parseBinLevel(level + 1);
      length++;
      if (!this.chainTooDeep(length)) left = new BinOp(t.line, t.col, left, op, right);
    }
    return left;
  }
  parseBinLevel(level: int): expr {
    if (level < BIN_LEVELS.length) return this.binLevel(BIN_LEVELS[level], level);
    return this.parseFactor();
  }
  parseExpr(): expr {
    return this.parseBinLevel(0);
  }
  parseFactor(): expr {
    const t = this.peek();
    if (t.type === T_OP && (t.s === '-' || t.s === '+' || t.s === '~')) {
      this.next();
      this.enter();
      const operand = this.parseFactor();
      this.leave();
      if (t.s === '-' && operand instanceof Constant) {
        // fold negative numeric literals
        const v = operand.value;
        if (v instanceof PyInt && bigOf(v) === null && v.cls === intType) return new Constant(t.line, t.col, newInt(-v.v));
      }
      return new UnaryOp(t.line, t.col, t.s === '-' ? A.U_NEG : t.s === '+' ? A.U_POS : A.U_INVERT, operand);
    }
    return this.parsePower();
  }
  parsePower(): expr {
    const t = this.peek();
    let base: expr;
    if (this.acceptKw('await')) {
      this.enter();
      base = new Await(t.line, t.col, this.parseAtomExpr());
      this.leave();
    } else base = this.parseAtomExpr();
    if (this.acceptOp('**')) {
      this.enter();
      const exp = this.parseFactor();
      this.leave();
      return new BinOp(t.line, t.col, base, A.BIN_POW, exp);
    }
    return base;
  }
  parseAtomExpr(): expr {
    let e = this.parseAtom();
    let length = 0;
    for (;;) {
      const t = this.peek();
      if (t.type !== T_OP) break;
      if (t.s === '(') {
        this.next();
        const args: expr[] = [];
        const keywords: Keyword[] = [];
        this.parseCallArgs(args, keywords);
        length++;
        if (!this.chainTooDeep(length)) e = new Call(e.line, e.col, e, args, keywords);
      } else if (t.s === '[') {
        this.next();
        const index = this.parseSubscriptList();
        this.expectOp(']');
        length++;
        if (!this.chainTooDeep(length)) e = new Subscript(e.line, e.col, e, index);
      } else if (t.s === '.') {
        this.next();
        const attr = this.expectName();
        length++;
        if (!this.chainTooDeep(length)) e = new Attribute(e.line, e.col, e, attr);
      } else break;
    }
    return e;
  }
  /** Parses call arguments after '(' up to and including ')' into args and keywords. */
  parseCallArgs(args: expr[], keywords: Keyword[]): void {
    while (!this.isOp(')')) {
      const t = this.peek();
      if (this.acceptOp('**')) {
        keywords.push(new Keyword(t.line, t.col, '', this.parseTest()));
      } else if (this.acceptOp('*')) {
        for (const k of keywords) {
          if (k.arg === '') throw this.error('iterable argument unpacking follows keyword argument unpacking', t);
        }
        args.push(new Starred(t.line, t.col, this.parseTest()));
      } else if (t.type === T_NAME && (t.s === 'True' || t.s === 'False' || t.s === 'None') && this.peekAt(1).type === T_OP && this.peekAt(1).s === '=') {
        throw this.error(`cannot assign to ${t.s}`, t);
      } else if (t.type === T_NAME && !KEYWORDS.includes(t.s) && this.peekAt(1).type === T_OP && this.peekAt(1).s === '=') {
        // a keyword (await, async, if) is no argument name: parsed as an expression, it fails there
        this.next();
        this.next();
        for (const other of keywords) {
          if (other.arg === t.s) throw this.error(`keyword argument repeated: ${t.s}`, t);
        }
        keywords.push(new Keyword(t.line, t.col, t.s, this.parseTest()));
      } else {
        const e = this.parseNamedExprTest(true);
        if (this.atCompFor()) {
          const g = new GeneratorExp(t.line, t.col, e, this.parseCompFor());
          if (args.length > 0 || keywords.length > 0 || (this.isOp(',') && !(this.peekAt(1).type === T_OP && this.peekAt(1).s === ')'))) {
            throw this.error('Generator expression must be parenthesized', t);
          }
          args.push(g);
        } else {
          if (keywords.length > 0) {
            let hasDouble = false;
            for (const k of keywords) if (k.arg === '') hasDouble = true;
            throw new ParseError('SyntaxError', hasDouble ? 'positional argument follows keyword argument unpacking' : 'positional argument follows keyword argument', e.line, e.col + 1);
          }
          args.push(e);
        }
      }
      this.expectCommaOr(')');
      if (!this.acceptOp(',')) break;
    }
    this.expectOp(')');
  }
  parseSubscriptList(): expr {
    const t = this.peek();
    const first = this.parseSubscript();
    if (!this.isOp(',')) return first;
    const elts: expr[] = [first];
    while (this.acceptOp(',')) {
      if (this.isOp(']')) break;
      elts.push(this.parseSubscript());
    }
    return new Tuple(t.line, t.col, elts, false);
  }
  parseSubscript(): expr {
    const t = this.peek();
    let lower: expr | null = null;
    if (!this.isOp(':')) {
      lower = this.isOp('*') ? this.parseStarOrExpr() : this.parseNamedExprTest();
      if (!this.isOp(':')) return lower;
    }
    this.expectOp(':');
    let upper: expr | null = null;
    let step: expr | null = null;
    if (!this.isOp(']') && !this.isOp(',') && !this.isOp(':')) upper = this.parseTest();
    if (this.acceptOp(':')) {
      if (!this.isOp(']') && !this.isOp(',')) step = this.parseTest();
    }
    return new Slice(t.line, t.col, lower, upper, step);
  }
  /** At `for` or `async for` (a comprehension clause). */
  atCompFor(): boolean {
    if (this.isKw('for')) return true;
    const n = this.peekAt(1);
    return this.isKw('async') && n.type === T_NAME && n.s === 'for';
  }
  parseCompFor(): Comprehension[] {
    const out: Comprehension[] = [];
    while (this.atCompFor()) {
      const t = this.next();
      const isAsync = t.s === 'async';
      if (isAsync) this.next();
      const target = this.parseTargetList();
      this.expectKw('in');
      const iter = this.parseOrTest();
      const ifs: expr[] = [];
      while (this.isKw('if')) {
        this.next();
        ifs.push(this.parseTestNoCond());
      }
      out.push(new Comprehension(t.line, t.col, target, iter, ifs, isAsync));
    }
    return out;
  }
  parseYield(): expr {
    const t = this.next();
    if (this.acceptKw('from')) return new YieldFrom(t.line, t.col, this.parseTest());
    return new Yield(t.line, t.col, this.atExprEnd() ? null : this.parseTestListStarExpr());
  }
  /** A display item: `*x` or an expression (walrus allowed). */
  parseStarOrNamed(): expr {
    return this.isOp('*') ? this.parseStarOrExpr() : this.parseNamedExprTest();
  }
  parseAtom(): expr {
    const t = this.peek();
    if (t.type === T_NUMBER) {
      this.next();
      const s = t.s;
      // the common case, a plain decimal integer, without the checks below
      if (isPlainDecimal(s)) return new Constant(t.line, t.col, parseIntText(s));
      const low = s.toLowerCase();
      if (low.endsWith('j')) return new Constant(t.line, t.col, newComplex(0.0, parseFloatStrict(s.substring(0, s.length - 1).split('_').join(''))));
      const isHex = low.startsWith('0x');
      if (!isHex && (low.includes('.') || low.includes('e'))) {
        return new Constant(t.line, t.col, newFloat(parseFloatStrict(s.split('_').join(''))));
      }
      if (!isHex && !low.startsWith('0o') && !low.startsWith('0b') && s.length > 1 && s[0] === '0') {
        for (let i = 0; i < s.length; i++) {
          if (s[i] !== '0' && s[i] !== '_') {
            throw this.error('leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', t);
          }
        }
      }
      return new Constant(t.line, t.col, parseIntText(s));
    }
    if (t.type === T_STRING) return this.parseStrings();
    if (t.type === T_NAME) {
      if (t.s === 'None' || t.s === 'True' || t.s === 'False') {
        this.next();
        return new Constant(t.line, t.col, t.s === 'None' ? None : t.s === 'True' ? True : False);
      }
      if (t.s === 'yield') throw this.syntaxError();
      if (t.s === 'lambda') return this.parseLambda(true);
      if (KEYWORDS.includes(t.s)) throw this.syntaxError();
      this.next();
      return new Name(t.line, t.col, t.s);
    }
    if (t.type === T_OP) {
      if (t.s === '(') {
        this.next();
        if (this.acceptOp(')')) return new Tuple(t.line, t.col, [], true);
        if (this.isKw('yield')) {
          const y = this.parseYield();
          this.expectOp(')');
          return y;
        }
        // (**a): CPython's invalid_expression rule names it
        if (this.peek().type === T_OP && this.peek().s === '**') throw this.error('cannot use double starred expression here', this.peek());
        const first = this.parseStarOrNamed();
        if (this.atCompFor()) {
          const g = new GeneratorExp(t.line, t.col, first, this.parseCompFor());
          this.expectOp(')');
          return g;
        }
        if (this.acceptOp(')')) {
          if (first instanceof Tuple) first.parenthesized = true;
          if (first.k === K.Starred) throw this.error('cannot use starred expression here', t);
          return first;
        }
        const elts: expr[] = [first];
        while (this.acceptOp(',')) {
          if (this.isOp(')')) break;
          elts.push(this.parseStarOrNamed());
        }
        this.expectOp(')');
        return new Tuple(t.line, t.col, elts, true);
      }
      if (t.s === '[') {
        this.next();
        const elts: expr[] = [];
        if (this.acceptOp(']')) return new List(t.line, t.col, elts);
        const first = this.parseStarOrNamed();
        if (this.atCompFor()) {
          const c = new ListComp(t.line, t.col, first, this.parseCompFor());
          this.expectOp(']');
          return c;
        }
        elts.push(first);
        this.expectCommaOr(']');
        while (this.acceptOp(',')) {
          if (this.isOp(']')) break;
          elts.push(this.parseStarOrNamed());
          this.expectCommaOr(']');
        }
        this.expectOp(']');
        return new List(t.line, t.col, elts);
      }
      if (t.s === '{') return this.parseBrace(t);
      if (t.s === '...') {
        this.next();
        return new Constant(t.line, t.col, Ellipsis);
      }
    }
    throw this.syntaxError();
  }
  /** A dict or set display or comprehension; t is its '{'. */
  parseBrace(t: Tok): expr {
    this.next();
    const keys: (expr | null)[] = [];
    const values: expr[] = [];
    if (this.acceptOp('}')) return new Dict(t.line, t.col, keys, values);
    if (this.isOp('**')) {
      const star = this.next();
      keys.push(null);
      values.push(this.parseExpr());
      if (this.atCompFor()) throw this.error('dict unpacking cannot be used in dict comprehension', star);
    } else {
      const first = this.parseStarOrNamed();
      if (this.acceptOp(':')) {
        const v = this.parseTest();
        if (this.atCompFor()) {
          const c = new DictComp(t.line, t.col, first, v, this.parseCompFor());
          this.expectOp('}');
          return c;
        }
        keys.push(first);
        values.push(v);
      } else {
        if (this.atCompFor()) {
          const c = new SetComp(t.line, t.col, first, this.parseCompFor());
          this.expectOp('}');
          return c;
        }
        const elts: expr[] = [first];
        while (this.acceptOp(',')) {
          if (this.isOp('}')) break;
          elts.push(this.isOp('*') ? this.parseStarOrExpr() : this.parseTest());
        }
        this.expectOp('}');
        return new Set(t.line, t.col, elts);
      }
    }
    while (this.acceptOp(',')) {
      if (this.isOp('}')) break;
      if (this.isOp('**')) {
        this.next();
        keys.push(null);
        values.push(this.parseExpr());
      } else {
        keys.push(this.parseTest());
        if (!this.isOp(':')) throw this.error("':' expected after dictionary key", this.peek());
        this.next();
        values.push(this.parseTest());
      }
    }
    this.expectOp('}');
    return new Dict(t.line, t.col, keys, values);
  }
  parseStrings(): expr {
    const first = this.peek();
    const parts: expr[] = [];
    let isBytes = false;
    let isF = false;
    let count = 0;
    const buf: string[] = [];
    while (this.peek().type === T_STRING) {
      const t = this.next();
      const b = t.prefix.includes('b');
      if (count > 0 && b !== isBytes) throw this.error('cannot mix bytes and nonbytes literals', t);
      isBytes = b;
      count++;
      // a bytes literal's source text is ASCII; only its escapes may make bytes above 127
      if (b) for (let i = 0; i < t.s.length; i++) if (t.s.charCodeAt(i) > 127) throw this.error('bytes can only contain ASCII literal characters', t);
      const raw = t.prefix.includes('r');
      if (t.prefix.includes('f')) {
        isF = true;
        if (buf.length > 0) {
          parts.push(new Constant(t.line, t.col, newStr(buf.join(''))));
          buf.length = 0;
        }
        this.parseFString(t, raw, parts);
      } else {
        buf.push(raw ? t.s : decodeEscapes(t.s, b, t.line));
      }
    }
    if (isBytes) {
      const s = buf.join('');
      const arr: int[] = [];
      for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c > 255) throw this.error('bytes can only contain ASCII literal characters', first);
        arr.push(c);
      }
      return new Constant(first.line, first.col, new PyBytes(bytesType, arr));
    }
    if (!isF) return new Constant(first.line, first.col, newStr(buf.join('')));
    if (buf.length > 0) parts.push(new Constant(first.line, first.col, newStr(buf.join(''))));
    return new JoinedStr(first.line, first.col, parts);
  }
  parseFString(t: Tok, raw: boolean, parts: expr[]): void {
    const s = t.s;
    let i = 0;
    const lit: string[] = [];
    while (i < s.length) {
      const c = s[i];
      if (c === '{') {
        if (i + 1 < s.length && s[i + 1] === '{') {
          lit.push('{');
          i += 2;
          continue;
        }
        if (lit.length > 0) {
          const text = lit.join('');
          parts.push(new Constant(t.line, t.col, newStr(raw ? text : decodeEscapes(text, false, t.line))));
          lit.length = 0;
        }
        i = this.parseFStringField(t, s, i + 1, parts, raw);
        continue;
      }
      if (c === '}') {
        if (i + 1 < s.length && s[i + 1] === '}') {
          lit.push('}');
          i += 2;
          continue;
        }
        throw this.error("f-string: single '}' is not allowed", t);
      }
      // \N{NAME} is an escape of the literal part, its braces no field
      if (c === '\\' && !raw && i + 2 < s.length && s[i + 1] === 'N' && s[i + 2] === '{') {
        const end = indexFrom(s, '}', i + 3);
        if (end >= 0) {
          lit.push(s.slice(i, end + 1));
          i = end + 1;
          continue;
        }
      }
      lit.push(c);
      i++;
    }
    if (lit.length > 0) {
      const text = lit.join('');
      parts.push(new Constant(t.line, t.col, newStr(raw ? text : decodeEscapes(text, false, t.line))));
    }
  }
  /** A literal part of an f-string or of a format spec in one: its escapes decoded unless raw. */
  fstringLiteral(t: Tok, text: string, raw: boolean): Constant {
    return new Constant(t.line, t.col, newStr(raw ? text : decodeEscapes(text, false, t.line)));
  }
  /** Parses one {expr!c:spec} field starting after '{'; returns the index after '}'. The scan
   * is CPython 3.11's fstring_find_expr (Parser/string_parser.c), so errors come in its order
   * and words: the expression ends at a top-level '!', ':', '=' or '}' (not '!=', '==', '<=',
   * '>='), strings inside it may hold those, and brackets must pair. level: 0 for a field of
   * the string, 1 for one nested in a format spec (deeper is an error). */
  parseFStringField(t: Tok, s: string, start: int, parts: expr[], raw: boolean, level: int = 0): int {
    if (level >= 2) throw this.error('f-string: expressions nested too deeply', t);
    let i = start;
    let quote = '';
    const brackets: string[] = [];
    while (i < s.length) {
      const c = s[i];
      // 3.11's f-string expressions are cut out of the string token before they are parsed, so
      // an escape in them would mean two things; CPython rejects it (3.12 lifted this)
      if (c === '\\') throw this.error('f-string expression part cannot include a backslash', t);
      if (quote !== '') {
        // a string inside the expression ends at its own quote (three of them when triple-quoted)
        if (c === quote[0] && s.slice(i, i + quote.length) === quote) {
          i += quote.length;
          quote = '';
          continue;
        }
      } else if (c === "'" || c === '"') {
        quote = s.slice(i, i + 3) === c + c + c ? c + c + c : c;
        i += quote.length;
        continue;
      } else if (c === '(' || c === '[' || c === '{') {
        if (brackets.length >= 200) throw this.error('f-string: too many nested parenthesis', t);
        brackets.push(c);
      } else if (c === '#') throw this.error("f-string expression part cannot include '#'", t);
      else if (brackets.length === 0 && (c === '!' || c === ':' || c === '}' || c === '=' || c === '>' || c === '<')) {
        // '!=', '==', '<=', '>=' are operators; '<' and '>' alone too
        if (c !== ':' && c !== '}' && i + 1 < s.length && s[i + 1] === '=') {
          i += 2;
          continue;
        }
        if (c === '>' || c === '<') {
          i++;
          continue;
        }
        break;
      } else if (c === ')' || c === ']' || c === '}') {
        if (brackets.length === 0) throw this.error(`f-string: unmatched '${c}'`, t);
        const open = brackets.pop() as string;
        if (!((open === '(' && c === ')') || (open === '[' && c === ']') || (open === '{' && c === '}'))) {
          throw this.error(`f-string: closing parenthesis '${c}' does not match opening parenthesis '${open}'`, t);
        }
      }
      i++;
    }
    if (quote !== '') throw this.error('f-string: unterminated string', t);
    if (brackets.length > 0) throw this.error(`f-string: unmatched '${brackets[brackets.length - 1]}'`, t);
    if (i >= s.length) throw this.error("f-string: expecting '}'", t);
    const exprText = s.slice(start, i);
    if (isBlankField(exprText)) {
      if (s[i] === '!' || s[i] === ':' || s[i] === '=') throw this.error(`f-string: expression required before '${s[i]}'`, t);
      throw this.error('f-string: empty expression not allowed', t);
    }
    let value: expr;
    try {
      const sub = tokenize('(' + exprText + ')');
      for (const st of sub) st.line = t.line;
      const p = new Parser(sub, this.filename, this.src, this.maxDepth);
      value = p.parseAtom();
      if (p.peek().type !== T_NEWLINE && p.peek().type !== T_END) throw p.syntaxError();
      if (p.tooDeep) this.tooDeep = true;
    } catch (e) {
      if (e instanceof ParseError) {
        throw new ParseError('SyntaxError', e.msg.startsWith('f-string') ? e.msg : 'f-string: ' + e.msg, t.line, t.col + 1);
      }
      throw e;
    }
    let conversion = -1;
    let debug = false;
    if (s[i] === '=') {
      // f'{x = }': the text shown keeps the whitespace on both sides of '='
      let j = i + 1;
      while (j < s.length && isFieldSpace(s[j])) j++;
      if (j >= s.length) throw this.error("f-string: expecting '}'", t);
      parts.push(new Constant(t.line, t.col, newStr(s.slice(start, j))));
      conversion = 114; // 'r' by default for '='
      debug = true;
      i = j;
    }
    if (s[i] === '!') {
      if (i + 1 >= s.length) throw this.error("f-string: expecting '}'", t);
      conversion = s.charCodeAt(i + 1);
      if (conversion !== 115 && conversion !== 114 && conversion !== 97) throw this.error("f-string: invalid conversion character: expected 's', 'r', or 'a'", t);
      i += 2;
    }
    let spec: JoinedStr | null = null;
    if (i < s.length && s[i] === ':') {
      i++;
      if (i >= s.length) throw this.error("f-string: expecting '}'", t);
      // the spec is literal text and nested fields up to the '}' that closes this field; '{{'
      // and '}}' are no escapes there (CPython checks doubled braces at the top level only)
      const specParts: expr[] = [];
      const lit: string[] = [];
      while (i < s.length && s[i] !== '}') {
        if (s[i] === '{') {
          if (lit.length > 0) {
            specParts.push(this.fstringLiteral(t, lit.join(''), raw));
            lit.length = 0;
          }
          i = this.parseFStringField(t, s, i + 1, specParts, raw, level + 1);
          continue;
        }
        lit.push(s[i]);
        i++;
      }
      if (lit.length > 0) specParts.push(this.fstringLiteral(t, lit.join(''), raw));
      spec = new JoinedStr(t.line, t.col, specParts);
      // f'{x=:spec}' formats with the spec, not repr
      if (conversion === 114 && debug && s[start + exprText.length] === '=') conversion = -1;
    }
    if (i >= s.length || s[i] !== '}') throw this.error("f-string: expecting '}'", t);
    parts.push(new FormattedValue(t.line, t.col, value, conversion, spec));
    return i + 1;
  }
}

export function binOpId(s: string): int {
  switch (s) {
    case '+':
      return A.BIN_ADD;
    case '-':
      return A.BIN_SUB;
    case '*':
      return A.BIN_MUL;
    case '/':
      return A.BIN_TRUEDIV;
    case '//':
      return A.BIN_FLOORDIV;
    case '%':
      return A.BIN_MOD;
    case '**':
      return A.BIN_POW;
    case '@':
      return A.BIN_MATMUL;
    case '<<':
      return A.BIN_LSHIFT;
    case '>>':
      return A.BIN_RSHIFT;
    case '&':
      return A.BIN_AND;
    case '|':
      return A.BIN_OR;
    case '^':
      return A.BIN_XOR;
  }
  return -1;
}

function describe(e: expr): string {
  if (e instanceof Constant) {
    if (e.value === None) return 'None';
    if (e.value === True) return 'True';
    if (e.value === False) return 'False';
    return 'literal';
  }
  switch (e.k) {
    case K.Name:
      return 'name';
    case K.Attribute:
      return 'attribute';
    case K.Subscript:
      return 'subscript';
    case K.Starred:
      return 'starred';
    case K.List:
      return 'list';
    case K.Tuple:
      return 'tuple';
    case K.Yield:
    case K.YieldFrom:
      return 'yield expression';
    case K.Call:
      return 'function call';
    case K.BinOp:
    case K.UnaryOp:
      return 'expression';
    case K.Compare:
      return 'comparison';
    case K.Lambda:
      return 'lambda';
    case K.JoinedStr:
      return 'f-string expression';
    case K.ListComp:
      return 'list comprehension';
    case K.GeneratorExp:
      return 'generator expression';
    case K.Dict:
      return 'dict literal';
    case K.Set:
      return 'set display';
    case K.IfExp:
      return 'conditional expression';
    case K.BoolOp:
      return 'expression';
    case K.NamedExpr:
      return 'named expression';
    case K.Await:
      return 'await expression';
  }
  return 'expression';
}

/** The module parsed from src (evalInput: eval()'s single expression, see parseEvalInput). maxDepth is the nesting the compiler will allow (compileModule's
 * maxDepth): a chain of operators or trailers longer than that is CPython's RecursionError,
 * raised once the whole source has parsed. */
export function parse(src: string, filename: string, maxDepth: int, evalInput: boolean = false): Module {
  const toks = tokenize(src);
  const p = new Parser(toks, filename, src, maxDepth);
  const mod = evalInput ? p.parseEvalInput() : p.parseModule();
  if (p.tooDeep) throw tooDeepForCompiler();
  return mod;
}
function isFieldSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
}
/** An f-string field with no expression: only the whitespace Python's tokenizer skips. */
function isBlankField(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (!(c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f')) return false;
  }
  return true;
}
