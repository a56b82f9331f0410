// Recursive-descent parser for Python 3.11 producing vm/parser/ast.ts nodes.
import type { int } from '../../translate/rlib/index.ts';
import { parseFloatStrict, floorDiv } from '../../translate/rlib/index.ts';
import { Tok, tokenize, ParseError, MAX_PARSE_DEPTH, T_NAME, T_NUMBER, T_STRING, T_OP, T_NEWLINE, T_INDENT, T_DEDENT, T_END } from './tokenizer.ts';
import { Node, K, ArgSpec } from './ast.ts';
import { indexFrom } from '../objects/strutil.ts';
import * as A from './ast.ts';
import { PyObject, PyInt, PyBytes, intType, bytesType, newInt, newFloat, newStr, None, True, False, Ellipsis } from '../objects/core.ts';
import { bigFromDecimal, bigFromRadix, bigFits, bigToInt } from '../objects/bigint.ts';

const KEYWORDS = [
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield',
];

export function parseIntText(text: string): PyObject {
  let t = text.split('_').join('');
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
  if (bigFits(b)) return newInt(bigToInt(b));
  return new PyInt(intType, 0, b);
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
      const name = s.slice(i + 1, end);
      i = end + 1;
      out.push(name === 'BULLET' ? '\u2022' : name === 'EM DASH' ? '\u2014' : '?');
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
  constructor(toks: Tok[], filename: string, src: string) {
    this.toks = toks;
    this.filename = filename;
    this.src = src;
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
  node(k: K, t: Tok): Node {
    return new Node(k, t.line, t.col);
  }

  // ---- statements ----
  parseModule(): Node {
    const m = new Node(K.Module, 1, 0);
    while (this.peek().type !== T_END) {
      if (this.peek().type === T_NEWLINE) {
        this.next();
        continue;
      }
      this.parseStatement(m.xs);
    }
    return m;
  }
  parseBlock(what: string, line: int): Node[] {
    const body: Node[] = [];
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
  parseStatement(out: Node[]): void {
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
        case 'match':
          if (this.looksLikeMatch()) {
            out.push(this.parseMatch());
            return;
          }
          break;
      }
    }
    if (t.type === T_OP && t.s === '@') {
      const decos: Node[] = [];
      while (this.acceptOp('@')) {
        decos.push(this.parseNamedExprTest());
        if (this.peek().type !== T_NEWLINE) throw this.syntaxError();
        this.next();
      }
      if (this.isKw('def')) out.push(this.parseFuncDef(decos));
      else if (this.isKw('class')) out.push(this.parseClassDef(decos));
      else throw this.syntaxError();
      return;
    }
    this.parseSimpleStatements(out);
  }
  parseSimpleStatements(out: Node[]): void {
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
  parseIf(): Node {
    const t = this.next();
    const n = this.node(K.If, t);
    n.a = this.parseNamedExprTest();
    this.expectOp(':');
    n.xs = this.parseBlock(t.s === 'if' ? "'if' statement" : "'elif' statement", t.line);
    if (this.isKw('elif')) {
      n.ys.push(this.parseIf());
    } else if (this.isKw('else')) {
      const e = this.next();
      this.expectOp(':');
      n.ys = this.parseBlock("'else' statement", e.line);
    }
    return n;
  }
  parseWhile(): Node {
    const t = this.next();
    const n = this.node(K.While, t);
    n.a = this.parseNamedExprTest();
    this.expectOp(':');
    n.xs = this.parseBlock("'while' statement", t.line);
    if (this.isKw('else')) {
      const e = this.next();
      this.expectOp(':');
      n.ys = this.parseBlock("'else' statement", e.line);
    }
    return n;
  }
  parseFor(): Node {
    const t = this.next();
    const n = this.node(K.For, t);
    n.a = this.parseTargetList();
    this.expectKw('in');
    n.b = this.parseTestListStarExpr();
    this.expectOp(':');
    n.xs = this.parseBlock("'for' statement", t.line);
    if (this.isKw('else')) {
      const e = this.next();
      this.expectOp(':');
      n.ys = this.parseBlock("'else' statement", e.line);
    }
    return n;
  }
  parseTargetList(): Node {
    const t = this.peek();
    const first = this.parseStarOrExpr();
    if (!this.isOp(',')) {
      this.checkTarget(first);
      return first;
    }
    const tup = this.node(K.Tuple, t);
    tup.xs.push(first);
    while (this.acceptOp(',')) {
      if (this.isKw('in') || this.isOp('=')) break;
      tup.xs.push(this.parseStarOrExpr());
    }
    this.checkTarget(tup);
    return tup;
  }
  parseStarOrExpr(): Node {
    if (this.isOp('*')) {
      const t = this.next();
      const s = this.node(K.Starred, t);
      s.a = this.parseExpr();
      return s;
    }
    return this.parseExpr();
  }
  parseFuncDef(decos: Node[]): Node {
    const t = this.next();
    const n = this.node(K.FunctionDef, t);
    n.s = this.expectName();
    n.ys = decos;
    this.expectOp('(');
    n.args = this.parseArgSpec(')', true);
    this.expectOp(')');
    if (this.acceptOp('->')) this.parseTest();
    this.expectOp(':');
    n.xs = this.parseBlock(`function definition`, t.line);
    return n;
  }
  parseArgSpec(end: string, annotations: boolean): ArgSpec {
    const spec = new ArgSpec();
    let seenStar = false;
    let seenDefault = false;
    while (!this.isOp(end)) {
      if (this.acceptOp('/')) {
        spec.posonly = spec.args.length;
      } else if (this.acceptOp('**')) {
        spec.kwarg = this.expectName();
        if (annotations && this.acceptOp(':')) this.parseTest();
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
          if (annotations && this.acceptOp(':')) this.parseTest();
        }
      } else {
        const nt = this.peek();
        const name = this.expectName();
        if (spec.args.includes(name) || spec.kwonly.includes(name)) {
          throw this.error(`duplicate argument '${name}' in function definition`, nt);
        }
        if (annotations && this.acceptOp(':')) this.parseTest();
        let def: Node | null = null;
        if (this.acceptOp('=')) def = this.parseTest();
        if (seenStar) {
          spec.kwonly.push(name);
          spec.kwDefaults.push(def);
        } else {
          spec.args.push(name);
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
  parseClassDef(decos: Node[]): Node {
    const t = this.next();
    const n = this.node(K.ClassDef, t);
    n.s = this.expectName();
    n.ws = decos;
    if (this.acceptOp('(')) {
      const call = this.node(K.Call, t);
      this.parseCallArgs(call);
      n.ys = call.xs;
      n.zs = call.ys;
    }
    this.expectOp(':');
    n.xs = this.parseBlock(`class definition`, t.line);
    return n;
  }
  parseTry(): Node {
    const t = this.next();
    const n = this.node(K.Try, t);
    this.expectOp(':');
    n.xs = this.parseBlock("'try' statement", t.line);
    while (this.isKw('except')) {
      const et = this.next();
      const h = this.node(K.ExceptHandler, et);
      if (!this.isOp(':')) {
        h.a = this.parseTest();
        if (this.isOp(',')) {
          const tup = this.node(K.Tuple, et);
          tup.xs.push(h.a);
          while (this.acceptOp(',')) tup.xs.push(this.parseTest());
          h.a = tup;
          throw this.error('multiple exception types must be parenthesized', et);
        }
        if (this.acceptKw('as')) h.s = this.expectName();
      }
      this.expectOp(':');
      h.xs = this.parseBlock("'except' statement", et.line);
      n.ys.push(h);
    }
    if (this.isKw('else')) {
      const e = this.next();
      this.expectOp(':');
      n.zs = this.parseBlock("'else' statement", e.line);
    }
    if (this.isKw('finally')) {
      const f = this.next();
      this.expectOp(':');
      n.ws = this.parseBlock("'finally' statement", f.line);
    }
    if (n.ys.length === 0 && n.ws.length === 0) {
      throw this.error("expected 'except' or 'finally' block", this.peek());
    }
    return n;
  }
  /** 'match' is a soft keyword: a match statement ends its first line with ':'. */
  looksLikeMatch(): boolean {
    const nt = this.peekAt(1);
    if (nt.type === T_NEWLINE || nt.type === T_END) return false;
    if (nt.type === T_OP && !(nt.s === '(' || nt.s === '[' || nt.s === '{' || nt.s === '-' || nt.s === '*')) return false;
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
  parseMatch(): Node {
    const t = this.next();
    const n = this.node(K.Match, t);
    n.a = this.parseTestListStarExpr();
    this.expectOp(':');
    if (this.peek().type !== T_NEWLINE) throw this.syntaxError();
    this.next();
    if (this.peek().type !== T_INDENT) {
      const tk = this.peek();
      throw new ParseError('IndentationError', `expected an indented block after 'match' statement on line ${t.line}`, tk.line, tk.col + 1);
    }
    this.next();
    while (this.peek().type !== T_DEDENT && this.peek().type !== T_END) {
      const ct = this.peek();
      if (!(ct.type === T_NAME && ct.s === 'case')) throw this.syntaxError();
      this.next();
      const c = this.node(K.MatchCase, ct);
      c.a = this.parsePatternTop();
      if (this.acceptKw('if')) c.b = this.parseNamedExprTest();
      this.expectOp(':');
      c.xs = this.parseBlock("'case' statement", ct.line);
      n.xs.push(c);
    }
    if (this.peek().type === T_DEDENT) this.next();
    return n;
  }
  parsePatternTop(): Node {
    const t = this.peek();
    const first = this.parsePattern();
    if (!this.isOp(',')) return first;
    const seq = this.node(K.MatchSeq, t);
    seq.xs.push(first);
    while (this.acceptOp(',')) {
      if (this.isOp(':') || this.isKw('if')) break;
      seq.xs.push(this.parsePattern());
    }
    return seq;
  }
  parsePattern(): Node {
    const t = this.peek();
    let p = this.parseOrPattern();
    if (this.acceptKw('as')) {
      const a = this.node(K.MatchAs, t);
      a.a = p;
      a.s = this.expectName();
      p = a;
    }
    return p;
  }
  parseOrPattern(): Node {
    const t = this.peek();
    const first = this.parseClosedPattern();
    if (!this.isOp('|')) return first;
    const o = this.node(K.MatchOr, t);
    o.xs.push(first);
    while (this.acceptOp('|')) o.xs.push(this.parseClosedPattern());
    return o;
  }
  parseClosedPattern(): Node {
    const t = this.peek();
    if (t.type === T_OP && t.s === '*') {
      this.next();
      const s = this.node(K.MatchStar, t);
      const nm = this.expectName();
      s.s = nm === '_' ? '' : nm;
      return s;
    }
    if (t.type === T_NUMBER || t.type === T_STRING || (t.type === T_OP && t.s === '-')) {
      const v = this.node(K.MatchValue, t);
      v.a = this.parseArith();
      return v;
    }
    if (t.type === T_NAME && (t.s === 'None' || t.s === 'True' || t.s === 'False')) {
      this.next();
      const v = this.node(K.MatchSingleton, t);
      v.v = t.s === 'None' ? None : t.s === 'True' ? True : False;
      return v;
    }
    if (t.type === T_NAME) {
      let e: Node = this.node(K.Name, t);
      e.s = this.expectName();
      let dotted = false;
      while (this.isOp('.')) {
        this.next();
        const at = new Node(K.Attribute, e.line, e.col);
        at.a = e;
        at.s = this.expectName();
        e = at;
        dotted = true;
      }
      if (this.isOp('(')) {
        this.next();
        const c = this.node(K.MatchClass, t);
        c.a = e;
        while (!this.isOp(')')) {
          const kt = this.peek();
          if (kt.type === T_NAME && this.peekAt(1).type === T_OP && this.peekAt(1).s === '=') {
            this.next();
            this.next();
            c.names.push(kt.s);
            c.ys.push(this.parsePattern());
          } else {
            if (c.names.length > 0) throw this.error('positional patterns follow keyword patterns', kt);
            c.xs.push(this.parsePattern());
          }
          if (!this.acceptOp(',')) break;
        }
        this.expectOp(')');
        return c;
      }
      if (dotted) {
        const v = this.node(K.MatchValue, t);
        v.a = e;
        return v;
      }
      const cap = this.node(K.MatchCapture, t);
      cap.s = t.s === '_' ? '' : t.s;
      return cap;
    }
    if (t.type === T_OP && (t.s === '(' || t.s === '[')) {
      this.next();
      const close = t.s === '(' ? ')' : ']';
      const seq = this.node(K.MatchSeq, t);
      if (this.acceptOp(close)) return seq;
      const first = this.parsePattern();
      if (t.s === '(' && this.acceptOp(')')) return first;
      seq.xs.push(first);
      while (this.acceptOp(',')) {
        if (this.isOp(close)) break;
        seq.xs.push(this.parsePattern());
      }
      this.expectOp(close);
      return seq;
    }
    if (t.type === T_OP && t.s === '{') {
      this.next();
      const m = this.node(K.MatchMapping, t);
      while (!this.isOp('}')) {
        if (this.acceptOp('**')) {
          m.s = this.expectName();
        } else {
          const kt = this.peek();
          let key: Node;
          if (kt.type === T_NAME && kt.s !== 'None' && kt.s !== 'True' && kt.s !== 'False') {
            key = this.parseAtomExpr();
          } else key = this.parseArith();
          m.xs.push(key);
          this.expectOp(':');
          m.ys.push(this.parsePattern());
        }
        if (!this.acceptOp(',')) break;
      }
      this.expectOp('}');
      return m;
    }
    throw this.syntaxError();
  }
  /** A literal in a pattern: signed numbers and strings (binary +/- for complex is not supported). */
  parseArith(): Node {
    return this.parseBinLevel(4);
  }
  parseWith(): Node {
    const t = this.next();
    const n = this.node(K.With, t);
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
    for (;;) {
      const it = this.node(K.WithItem, this.peek());
      it.a = this.parseTest();
      if (this.acceptKw('as')) {
        it.b = this.parseStarOrExpr();
        this.checkTarget(it.b);
      }
      n.xs.push(it);
      if (!this.acceptOp(',')) break;
      if (paren && this.isOp(')')) break;
    }
    if (paren) this.expectOp(')');
    this.expectOp(':');
    n.ys = this.parseBlock("'with' statement", t.line);
    return n;
  }
  parseSmallStatement(): Node {
    const t = this.peek();
    if (t.type === T_NAME) {
      switch (t.s) {
        case 'pass':
          this.next();
          return this.node(K.Pass, t);
        case 'break':
          this.next();
          return this.node(K.Break, t);
        case 'continue':
          this.next();
          return this.node(K.Continue, t);
        case 'return': {
          this.next();
          const n = this.node(K.Return, t);
          if (!this.atStmtEnd()) n.a = this.parseTestListStarExpr();
          return n;
        }
        case 'raise': {
          this.next();
          const n = this.node(K.Raise, t);
          if (!this.atStmtEnd()) {
            n.a = this.parseTest();
            if (this.acceptKw('from')) n.b = this.parseTest();
          }
          return n;
        }
        case 'global':
        case 'nonlocal': {
          this.next();
          const n = this.node(t.s === 'global' ? K.Global : K.Nonlocal, t);
          n.names.push(this.expectName());
          while (this.acceptOp(',')) n.names.push(this.expectName());
          return n;
        }
        case 'del': {
          this.next();
          const n = this.node(K.Delete, t);
          const e = this.parseTestListStarExpr();
          if (e.k === K.Tuple && !this.wasParen(e)) n.xs = e.xs;
          else n.xs.push(e);
          for (const x of n.xs) this.checkDelTarget(x);
          return n;
        }
        case 'assert': {
          this.next();
          const n = this.node(K.Assert, t);
          n.a = this.parseTest();
          if (this.acceptOp(',')) n.b = this.parseTest();
          return n;
        }
        case 'import': {
          this.next();
          const n = this.node(K.Import, t);
          for (;;) {
            const al = this.node(K.Alias, this.peek());
            al.s = this.parseDottedName();
            if (this.acceptKw('as')) al.s2 = this.expectName();
            n.xs.push(al);
            if (!this.acceptOp(',')) break;
          }
          return n;
        }
        case 'from': {
          this.next();
          const n = this.node(K.ImportFrom, t);
          let level = 0;
          for (;;) {
            if (this.acceptOp('.')) level++;
            else if (this.acceptOp('...')) level += 3;
            else break;
          }
          n.n = level;
          if (!this.isKw('import')) n.s = this.parseDottedName();
          this.expectKw('import');
          if (this.acceptOp('*')) {
            const al = this.node(K.Alias, t);
            al.s = '*';
            n.xs.push(al);
            return n;
          }
          const paren = this.acceptOp('(');
          for (;;) {
            if (paren && this.isOp(')')) break;
            const al = this.node(K.Alias, this.peek());
            al.s = this.expectName();
            if (this.acceptKw('as')) al.s2 = this.expectName();
            n.xs.push(al);
            if (!this.acceptOp(',')) break;
          }
          if (paren) this.expectOp(')');
          return n;
        }
      }
    }
    // expression statement / assignment
    if (this.isKw('yield')) {
      const y = this.parseYield();
      const n = this.node(K.Expr, t);
      n.a = y;
      return n;
    }
    const e = this.parseTestListStarExpr();
    if (e.k === K.Name && (e.s === 'print' || e.s === 'exec') && this.startsExpr() && this.peek().type !== T_OP) {
      throw new ParseError('SyntaxError', `Missing parentheses in call to '${e.s}'. Did you mean ${e.s}(...)?`, e.line, e.col + 1);
    }
    if (this.isOp('=')) {
      const n = this.node(K.Assign, t);
      this.checkTarget(e);
      n.xs.push(e);
      let value: Node = e;
      while (this.acceptOp('=')) {
        value = this.isKw('yield') ? this.parseYield() : this.parseTestListStarExpr();
        if (this.isOp('=')) {
          this.checkTarget(value);
          n.xs.push(value);
        }
      }
      n.a = value;
      return n;
    }
    if (this.isOp(':') ) {
      const ct = this.next();
      const n = this.node(K.AnnAssign, t);
      if (e.k !== K.Name && e.k !== K.Attribute && e.k !== K.Subscript) {
        throw this.error('only single target (not tuple) can be annotated', ct);
      }
      n.a = e;
      n.b = this.parseTest();
      if (this.acceptOp('=')) n.c = this.parseTestListStarExpr();
      return n;
    }
    const at = this.peek();
    if (at.type === T_OP && at.s.length >= 2 && at.s.endsWith('=') && at.s !== '==' && at.s !== '<=' && at.s !== '>=' && at.s !== '!=') {
      this.next();
      const n = this.node(K.AugAssign, t);
      if (e.k !== K.Name && e.k !== K.Attribute && e.k !== K.Subscript) {
        throw new ParseError('SyntaxError', `'${describe(e)}' is an illegal expression for augmented assignment`, e.line, e.col + 1);
      }
      n.a = e;
      n.n = binOpId(at.s.slice(0, at.s.length - 1));
      n.b = this.isKw('yield') ? this.parseYield() : this.parseTestListStarExpr();
      return n;
    }
    const n = this.node(K.Expr, t);
    n.a = e;
    return n;
  }
  wasParen(e: Node): boolean {
    return e.n === 1;
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
  checkTarget(e: Node): void {
    this.checkTargetAt(e, 0);
  }
  checkTargetAt(e: Node, depth: int): void {
    switch (e.k) {
      case K.Name:
      case K.Attribute:
      case K.Subscript:
        return;
      case K.Starred:
        this.checkTargetAt(e.a as Node, depth + 1);
        return;
      case K.Tuple:
      case K.List:
        for (const x of e.xs) this.checkTargetAt(x, depth + 1);
        return;
    }
    const what = describe(e);
    if (depth > 0) throw new ParseError('SyntaxError', `cannot assign to ${what}`, e.line, e.col + 1);
    if (e.k === K.Compare || e.k === K.BinOp || e.k === K.UnaryOp || e.k === K.BoolOp) {
      throw new ParseError('SyntaxError', `cannot assign to expression here. Maybe you meant '==' instead of '='?`, e.line, e.col + 1);
    }
    if (e.k === K.Const && e.v !== null && (e.v === None || e.v === True || e.v === False)) {
      throw new ParseError('SyntaxError', `cannot assign to ${what}`, e.line, e.col + 1);
    }
    throw new ParseError('SyntaxError', `cannot assign to ${what} here. Maybe you meant '==' instead of '='?`, e.line, e.col + 1);
  }
  checkDelTarget(e: Node): void {
    if (e.k === K.Name || e.k === K.Attribute || e.k === K.Subscript) return;
    if (e.k === K.Tuple || e.k === K.List) {
      for (const x of e.xs) this.checkDelTarget(x);
      return;
    }
    throw new ParseError('SyntaxError', `cannot delete ${describe(e)}`, e.line, e.col + 1);
  }

  // ---- expressions ----
  parseTestListStarExpr(): Node {
    const t = this.peek();
    const first = this.isOp('*') ? this.parseStarOrExpr() : this.parseNamedExprTest();
    if (!this.isOp(',')) return first;
    const tup = this.node(K.Tuple, t);
    tup.xs.push(first);
    while (this.acceptOp(',')) {
      if (this.atExprEnd()) break;
      tup.xs.push(this.isOp('*') ? this.parseStarOrExpr() : this.parseTest());
    }
    return tup;
  }
  atExprEnd(): boolean {
    const t = this.peek();
    if (t.type === T_NEWLINE || t.type === T_END) return true;
    if (t.type === T_OP && (t.s === ')' || t.s === ']' || t.s === '}' || t.s === '=' || t.s === ';' || t.s === ':')) return true;
    if (t.type === T_OP && t.s.length >= 2 && t.s.endsWith('=') && t.s !== '==' && t.s !== '<=' && t.s !== '>=' && t.s !== '!=') return true;
    return false;
  }
  parseNamedExprTest(): Node {
    const t = this.peek();
    if (t.type === T_NAME && this.peekAt(1).type === T_OP && this.peekAt(1).s === ':=') {
      this.next();
      this.next();
      const n = this.node(K.NamedExpr, t);
      const target = this.node(K.Name, t);
      target.s = t.s;
      n.a = target;
      n.b = this.parseTest();
      return n;
    }
    return this.parseTest();
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
  parseTest(): Node {
    this.enter();
    const n = this.parseTest1();
    this.leave();
    return n;
  }
  parseTest1(): Node {
    if (this.isKw('lambda')) return this.parseLambda(true);
    const t = this.peek();
    const e = this.parseOrTest();
    if (this.isKw('if')) {
      // conditional expression (but not inside comprehension 'if')
      this.next();
      const n = this.node(K.IfExp, t);
      n.b = e;
      n.a = this.parseOrTest();
      if (!this.isKw('else')) throw this.error("expected 'else' after 'if' expression", this.peek());
      this.next();
      n.c = this.parseTest();
      return n;
    }
    return e;
  }
  parseTestNoCond(): Node {
    if (this.isKw('lambda')) return this.parseLambda(false);
    return this.parseOrTest();
  }
  parseLambda(allowCond: boolean): Node {
    const t = this.next();
    const n = this.node(K.Lambda, t);
    n.args = this.parseArgSpec(':', false);
    this.expectOp(':');
    n.a = allowCond ? this.parseTest() : this.parseTestNoCond();
    return n;
  }
  parseOrTest(): Node {
    const t = this.peek();
    const first = this.parseAndTest();
    if (!this.isKw('or')) return first;
    const n = this.node(K.BoolOp, t);
    n.n = 1;
    n.xs.push(first);
    while (this.acceptKw('or')) n.xs.push(this.parseAndTest());
    return n;
  }
  parseAndTest(): Node {
    const t = this.peek();
    const first = this.parseNotTest();
    if (!this.isKw('and')) return first;
    const n = this.node(K.BoolOp, t);
    n.n = 0;
    n.xs.push(first);
    while (this.acceptKw('and')) n.xs.push(this.parseNotTest());
    return n;
  }
  parseNotTest(): Node {
    if (this.isKw('not')) {
      const t = this.next();
      const n = this.node(K.UnaryOp, t);
      n.n = A.U_NOT;
      this.enter();
      n.a = this.parseNotTest();
      this.leave();
      return n;
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
  parseComparison(): Node {
    const t = this.peek();
    const first = this.parseExpr();
    let op = this.compOp();
    if (op < 0) return first;
    const n = this.node(K.Compare, t);
    n.a = first;
    while (op >= 0) {
      this.next();
      if (op === A.CMP_ISNOT || op === A.CMP_NOTIN) this.next();
      n.ops.push(op);
      n.xs.push(this.parseExpr());
      op = this.compOp();
    }
    return n;
  }
  binLevel(ops: string[], level: int): Node {
    const t = this.peek();
    let left = this.parseBinLevel(level + 1);
    for (;;) {
      const o = this.peek();
      if (o.type !== T_OP || !ops.includes(o.s)) break;
      this.next();
      const n = this.node(K.BinOp, t);
      n.a = left;
      n.n = binOpId(o.s);
      n.b = this.parseBinLevel(level + 1);
      left = n;
    }
    return left;
  }
  parseBinLevel(level: int): Node {
    switch (level) {
      case 0:
        return this.binLevel(['|'], 0);
      case 1:
        return this.binLevel(['^'], 1);
      case 2:
        return this.binLevel(['&'], 2);
      case 3:
        return this.binLevel(['<<', '>>'], 3);
      case 4:
        return this.binLevel(['+', '-'], 4);
      case 5:
        return this.binLevel(['*', '/', '//', '%', '@'], 5);
    }
    return this.parseFactor();
  }
  parseExpr(): Node {
    return this.parseBinLevel(0);
  }
  parseFactor(): Node {
    const t = this.peek();
    if (t.type === T_OP && (t.s === '-' || t.s === '+' || t.s === '~')) {
      this.next();
      this.enter();
      const operand = this.parseFactor();
      this.leave();
      if (t.s === '-' && operand.k === K.Const && operand.v !== null && operand.n === 0) {
        // fold negative numeric literals
        const v = operand.v;
        if (v instanceof PyInt && v.big === null && v.cls === intType) {
          const c = this.node(K.Const, t);
          c.v = newInt(-v.v);
          return c;
        }
      }
      const n = this.node(K.UnaryOp, t);
      n.n = t.s === '-' ? A.U_NEG : t.s === '+' ? A.U_POS : A.U_INVERT;
      n.a = operand;
      return n;
    }
    return this.parsePower();
  }
  parsePower(): Node {
    const t = this.peek();
    const base = this.parseAtomExpr();
    if (this.acceptOp('**')) {
      const n = this.node(K.BinOp, t);
      n.a = base;
      n.n = A.BIN_POW;
      this.enter();
      n.b = this.parseFactor();
      this.leave();
      return n;
    }
    return base;
  }
  parseAtomExpr(): Node {
    let e = this.parseAtom();
    for (;;) {
      const t = this.peek();
      if (t.type !== T_OP) break;
      if (t.s === '(') {
        this.next();
        const c = new Node(K.Call, e.line, e.col);
        c.a = e;
        this.parseCallArgs(c);
        e = c;
      } else if (t.s === '[') {
        this.next();
        const s = new Node(K.Subscript, e.line, e.col);
        s.a = e;
        s.b = this.parseSubscriptList();
        this.expectOp(']');
        e = s;
      } else if (t.s === '.') {
        this.next();
        const a = new Node(K.Attribute, e.line, e.col);
        a.a = e;
        a.s = this.expectName();
        e = a;
      } else break;
    }
    return e;
  }
  parseCallArgs(c: Node): void {
    // after '('
    while (!this.isOp(')')) {
      const t = this.peek();
      if (this.acceptOp('**')) {
        const kw = this.node(K.Keyword, t);
        kw.a = this.parseTest();
        c.ys.push(kw);
      } else if (this.acceptOp('*')) {
        for (const k of c.ys) {
          if (k.s === '') throw this.error('iterable argument unpacking follows keyword argument unpacking', t);
        }
        const s = this.node(K.Starred, t);
        s.a = this.parseTest();
        c.xs.push(s);
      } else if (t.type === T_NAME && this.peekAt(1).type === T_OP && this.peekAt(1).s === '=') {
        this.next();
        this.next();
        const kw = this.node(K.Keyword, t);
        kw.s = t.s;
        for (const other of c.ys) {
          if (other.s === t.s) throw this.error(`keyword argument repeated: ${t.s}`, t);
        }
        kw.a = this.parseTest();
        c.ys.push(kw);
      } else {
        const e = this.parseNamedExprTest();
        if (this.isKw('for')) {
          const g = this.node(K.GenExp, t);
          g.a = e;
          g.xs = this.parseCompFor();
          if (c.xs.length > 0 || c.ys.length > 0 || (this.isOp(',') && !(this.peekAt(1).type === T_OP && this.peekAt(1).s === ')'))) {
            throw this.error('Generator expression must be parenthesized', t);
          }
          c.xs.push(g);
        } else {
          if (c.ys.length > 0) {
            let hasDouble = false;
            for (const k of c.ys) if (k.s === '') hasDouble = true;
            throw new ParseError('SyntaxError', hasDouble ? 'positional argument follows keyword argument unpacking' : 'positional argument follows keyword argument', e.line, e.col + 1);
          }
          c.xs.push(e);
        }
      }
      this.expectCommaOr(')');
      if (!this.acceptOp(',')) break;
    }
    this.expectOp(')');
  }
  parseSubscriptList(): Node {
    const t = this.peek();
    const first = this.parseSubscript();
    if (!this.isOp(',')) return first;
    const tup = this.node(K.Tuple, t);
    tup.xs.push(first);
    while (this.acceptOp(',')) {
      if (this.isOp(']')) break;
      tup.xs.push(this.parseSubscript());
    }
    return tup;
  }
  parseSubscript(): Node {
    const t = this.peek();
    let lower: Node | null = null;
    if (!this.isOp(':')) {
      lower = this.isOp('*') ? this.parseStarOrExpr() : this.parseNamedExprTest();
      if (!this.isOp(':')) return lower;
    }
    this.expectOp(':');
    const s = this.node(K.Slice, t);
    s.a = lower;
    if (!this.isOp(']') && !this.isOp(',') && !this.isOp(':')) s.b = this.parseTest();
    if (this.acceptOp(':')) {
      if (!this.isOp(']') && !this.isOp(',')) s.c = this.parseTest();
    }
    return s;
  }
  parseCompFor(): Node[] {
    const out: Node[] = [];
    while (this.isKw('for')) {
      const t = this.next();
      const c = this.node(K.Comprehension, t);
      c.a = this.parseTargetList();
      this.expectKw('in');
      c.b = this.parseOrTest();
      while (this.isKw('if')) {
        this.next();
        c.ys.push(this.parseTestNoCond());
      }
      out.push(c);
    }
    return out;
  }
  parseYield(): Node {
    const t = this.next();
    if (this.acceptKw('from')) {
      const n = this.node(K.YieldFrom, t);
      n.a = this.parseTest();
      return n;
    }
    const n = this.node(K.Yield, t);
    if (!this.atExprEnd()) n.a = this.parseTestListStarExpr();
    return n;
  }
  parseAtom(): Node {
    const t = this.peek();
    if (t.type === T_NUMBER) {
      this.next();
      const n = this.node(K.Const, t);
      const s = t.s;
      const low = s.toLowerCase();
      if (low.endsWith('j')) throw this.error('complex numbers are not supported', t);
      const isHex = low.startsWith('0x');
      if (!isHex && (low.includes('.') || low.includes('e'))) {
        n.v = newFloat(parseFloatStrict(s.split('_').join('')));
      } else {
        if (!isHex && !low.startsWith('0o') && !low.startsWith('0b') && s.length > 1 && s[0] === '0') {
          for (let i = 0; i < s.length; i++) {
            if (s[i] !== '0' && s[i] !== '_') {
              throw this.error('leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', t);
            }
          }
        }
        n.v = parseIntText(s);
      }
      return n;
    }
    if (t.type === T_STRING) return this.parseStrings();
    if (t.type === T_NAME) {
      if (t.s === 'None' || t.s === 'True' || t.s === 'False') {
        this.next();
        const n = this.node(K.Const, t);
        n.v = t.s === 'None' ? None : t.s === 'True' ? True : False;
        return n;
      }
      if (t.s === 'yield') throw this.syntaxError();
      if (t.s === 'lambda') return this.parseLambda(true);
      if (KEYWORDS.includes(t.s)) throw this.syntaxError();
      this.next();
      const n = this.node(K.Name, t);
      n.s = t.s;
      return n;
    }
    if (t.type === T_OP) {
      if (t.s === '(') {
        this.next();
        if (this.acceptOp(')')) {
          const n = this.node(K.Tuple, t);
          n.n = 1;
          return n;
        }
        if (this.isKw('yield')) {
          const y = this.parseYield();
          this.expectOp(')');
          return y;
        }
        const first = this.isOp('*') ? this.parseStarOrExpr() : this.parseNamedExprTest();
        if (this.isKw('for')) {
          const g = this.node(K.GenExp, t);
          g.a = first;
          g.xs = this.parseCompFor();
          this.expectOp(')');
          return g;
        }
        if (this.acceptOp(')')) {
          if (first.k === K.Tuple) first.n = 1;
          if (first.k === K.Starred) throw this.error('cannot use starred expression here', t);
          return first;
        }
        const tup = this.node(K.Tuple, t);
        tup.n = 1;
        tup.xs.push(first);
        while (this.acceptOp(',')) {
          if (this.isOp(')')) break;
          tup.xs.push(this.isOp('*') ? this.parseStarOrExpr() : this.parseNamedExprTest());
        }
        this.expectOp(')');
        return tup;
      }
      if (t.s === '[') {
        this.next();
        const n = this.node(K.List, t);
        if (this.acceptOp(']')) return n;
        const first = this.isOp('*') ? this.parseStarOrExpr() : this.parseNamedExprTest();
        if (this.isKw('for')) {
          const c = this.node(K.ListComp, t);
          c.a = first;
          c.xs = this.parseCompFor();
          this.expectOp(']');
          return c;
        }
        n.xs.push(first);
        this.expectCommaOr(']');
        while (this.acceptOp(',')) {
          if (this.isOp(']')) break;
          n.xs.push(this.isOp('*') ? this.parseStarOrExpr() : this.parseNamedExprTest());
          this.expectCommaOr(']');
        }
        this.expectOp(']');
        return n;
      }
      if (t.s === '{') {
        this.next();
        const n = this.node(K.Dict, t);
        if (this.acceptOp('}')) return n;
        if (this.isOp('**')) {
          const st = this.next();
          const ds = this.node(K.DoubleStar, st);
          ds.a = this.parseExpr();
          n.xs.push(ds);
          n.ys.push(ds.a);
        } else {
          const first = this.isOp('*') ? this.parseStarOrExpr() : this.parseNamedExprTest();
          if (this.acceptOp(':')) {
            const v = this.parseTest();
            if (this.isKw('for')) {
              const c = this.node(K.DictComp, t);
              c.a = first;
              c.b = v;
              c.xs = this.parseCompFor();
              this.expectOp('}');
              return c;
            }
            n.xs.push(first);
            n.ys.push(v);
          } else {
            // set
            const s = this.node(K.Set, t);
            if (this.isKw('for')) {
              const c = this.node(K.SetComp, t);
              c.a = first;
              c.xs = this.parseCompFor();
              this.expectOp('}');
              return c;
            }
            s.xs.push(first);
            while (this.acceptOp(',')) {
              if (this.isOp('}')) break;
              s.xs.push(this.isOp('*') ? this.parseStarOrExpr() : this.parseTest());
            }
            this.expectOp('}');
            return s;
          }
        }
        while (this.acceptOp(',')) {
          if (this.isOp('}')) break;
          if (this.isOp('**')) {
            const st = this.next();
            const ds = this.node(K.DoubleStar, st);
            ds.a = this.parseExpr();
            n.xs.push(ds);
            n.ys.push(ds.a);
          } else {
            n.xs.push(this.parseTest());
            if (!this.isOp(':')) throw this.error("':' expected after dictionary key", this.peek());
            this.next();
            n.ys.push(this.parseTest());
          }
        }
        this.expectOp('}');
        return n;
      }
      if (t.s === '...') {
        this.next();
        const n = this.node(K.Const, t);
        n.v = Ellipsis;
        return n;
      }
    }
    throw this.syntaxError();
  }
  parseStrings(): Node {
    const first = this.peek();
    const parts: Node[] = [];
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
      const raw = t.prefix.includes('r');
      if (t.prefix.includes('f')) {
        isF = true;
        if (buf.length > 0) {
          const c = this.node(K.Const, t);
          c.v = newStr(buf.join(''));
          parts.push(c);
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
      const n = this.node(K.Const, first);
      n.v = new PyBytes(bytesType, arr);
      return n;
    }
    if (!isF) {
      const n = this.node(K.Const, first);
      n.v = newStr(buf.join(''));
      return n;
    }
    if (buf.length > 0) {
      const c = this.node(K.Const, first);
      c.v = newStr(buf.join(''));
      parts.push(c);
    }
    const j = this.node(K.JoinedStr, first);
    j.xs = parts;
    return j;
  }
  parseFString(t: Tok, raw: boolean, parts: Node[]): void {
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
          const cn = this.node(K.Const, t);
          const text = lit.join('');
          cn.v = newStr(raw ? text : decodeEscapes(text, false, t.line));
          parts.push(cn);
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
      lit.push(c);
      i++;
    }
    if (lit.length > 0) {
      const cn = this.node(K.Const, t);
      const text = lit.join('');
      cn.v = newStr(raw ? text : decodeEscapes(text, false, t.line));
      parts.push(cn);
    }
  }
  /** Parses one {expr!c:spec} field starting after '{'; returns the index after '}'. */
  parseFStringField(t: Tok, s: string, start: int, parts: Node[], raw: boolean): int {
    let i = start;
    let depth = 0;
    let quote = '';
    while (i < s.length) {
      const c = s[i];
      if (quote !== '') {
        if (c === quote) quote = '';
      } else if (c === "'" || c === '"') quote = c;
      else if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) break;
        depth--;
      } else if (depth === 0 && (c === '!' || c === ':') && !(c === '!' && i + 1 < s.length && s[i + 1] === '=')) break;
      else if (depth === 0 && c === '=' && i + 1 < s.length && (s[i + 1] === '}' || s[i + 1] === '!' || s[i + 1] === ':')) break;
      i++;
    }
    const exprText = s.slice(start, i);
    if (exprText.trim().length === 0) throw this.error('f-string: empty expression not allowed', t);
    let expr: Node;
    try {
      const sub = tokenize('(' + exprText + ')');
      for (const st of sub) st.line = t.line;
      const p = new Parser(sub, this.filename, this.src);
      expr = p.parseAtom();
      if (p.peek().type !== T_NEWLINE && p.peek().type !== T_END) throw p.syntaxError();
    } catch (e) {
      if (e instanceof ParseError) {
        throw new ParseError('SyntaxError', e.msg.startsWith('f-string') ? e.msg : 'f-string: ' + e.msg, t.line, t.col + 1);
      }
      throw e;
    }
    const fv = this.node(K.FormattedValue, t);
    fv.a = expr;
    fv.n = -1;
    if (i < s.length && s[i] === '=') {
      const cn = this.node(K.Const, t);
      cn.v = newStr(exprText + '=');
      parts.push(cn);
      fv.n = 114; // 'r' by default for '='
      i++;
    }
    if (i < s.length && s[i] === '!') {
      fv.n = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (fv.n !== 115 && fv.n !== 114 && fv.n !== 97) throw this.error("f-string: invalid conversion character: expected 's', 'r', or 'a'", t);
      i += 2;
    }
    if (i < s.length && s[i] === ':') {
      i++;
      const specParts: Node[] = [];
      const lit: string[] = [];
      while (i < s.length && s[i] !== '}') {
        if (s[i] === '{') {
          if (lit.length > 0) {
            const cn = this.node(K.Const, t);
            cn.v = newStr(lit.join(''));
            specParts.push(cn);
            lit.length = 0;
          }
          i = this.parseFStringField(t, s, i + 1, specParts, raw);
          continue;
        }
        lit.push(s[i]);
        i++;
      }
      if (lit.length > 0) {
        const cn = this.node(K.Const, t);
        cn.v = newStr(lit.join(''));
        specParts.push(cn);
      }
      const js = this.node(K.JoinedStr, t);
      js.xs = specParts;
      fv.b = js;
      if (fv.n === 114 && s[start + exprText.length] === '=') fv.n = -1;
    }
    if (i >= s.length || s[i] !== '}') throw this.error("f-string: expecting '}'", t);
    parts.push(fv);
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

function describe(e: Node): string {
  switch (e.k) {
    case K.Call:
      return 'function call';
    case K.Const:
      if (e.v === None) return 'None';
      if (e.v === True) return 'True';
      if (e.v === False) return 'False';
      return 'literal';
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
    case K.GenExp:
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
  }
  return 'expression';
}

export function parse(src: string, filename: string): Node {
  const toks = tokenize(src);
  const p = new Parser(toks, filename, src);
  return p.parseModule();
}
