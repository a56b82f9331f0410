// A tiny tokenizer, recursive-descent parser and tree-walking interpreter for an
// expression language with variables, while loops and print.
import { type int, floorDiv, floorMod, ZeroDivisionError } from '../../../translate/rlib/index.ts';

enum Tok {
  Num,
  Ident,
  Op,
  LParen,
  RParen,
  LBrace,
  RBrace,
  Semi,
  Eof,
}

class Token {
  kind: Tok;
  text: string;
  value: int;
  constructor(kind: Tok, text: string, value: int) {
    this.kind = kind;
    this.text = text;
    this.value = value;
  }
}

class SyntaxError2 extends Error {}

function tokenize(src: string): Token[] {
  const toks: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9) {
      i++;
    } else if (c >= 48 && c <= 57) {
      let v = 0;
      const st = i;
      while (i < src.length && src.charCodeAt(i) >= 48 && src.charCodeAt(i) <= 57) {
        v = v * 10 + (src.charCodeAt(i) - 48);
        i++;
      }
      toks.push(new Token(Tok.Num, src.slice(st, i), v));
    } else if ((c >= 97 && c <= 122) || c === 95) {
      const st = i;
      while (i < src.length && ((src.charCodeAt(i) >= 97 && src.charCodeAt(i) <= 122) || src.charCodeAt(i) === 95)) i++;
      toks.push(new Token(Tok.Ident, src.slice(st, i), 0));
    } else {
      const two = src.slice(i, i + 2);
      if (two === '==' || two === '!=' || two === '<=' || two === '>=') {
        toks.push(new Token(Tok.Op, two, 0));
        i += 2;
        continue;
      }
      const ch = src[i];
      let k = Tok.Op;
      if (ch === '(') k = Tok.LParen;
      else if (ch === ')') k = Tok.RParen;
      else if (ch === '{') k = Tok.LBrace;
      else if (ch === '}') k = Tok.RBrace;
      else if (ch === ';') k = Tok.Semi;
      else if ('+-*/%<>='.indexOf(ch) < 0) throw new SyntaxError2('bad char ' + ch + ' at ' + i);
      toks.push(new Token(k, ch, 0));
      i++;
    }
  }
  toks.push(new Token(Tok.Eof, '<eof>', 0));
  return toks;
}

abstract class Node {
  abstract eval(env: Env): int;
}
class Num extends Node {
  v: int;
  constructor(v: int) {
    super();
    this.v = v;
  }
  eval(env: Env): int {
    return this.v;
  }
}
class Var extends Node {
  name: string;
  constructor(name: string) {
    super();
    this.name = name;
  }
  eval(env: Env): int {
    const v = env.vars.get(this.name);
    if (v === undefined) throw new Error('undefined variable ' + this.name);
    return v.value;
  }
}
class Bin extends Node {
  op: string;
  l: Node;
  r: Node;
  constructor(op: string, l: Node, r: Node) {
    super();
    this.op = op;
    this.l = l;
    this.r = r;
  }
  eval(env: Env): int {
    const a = this.l.eval(env);
    const b = this.r.eval(env);
    switch (this.op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        return floorDiv(a, b);
      case '%':
        return floorMod(a, b);
      case '<':
        return a < b ? 1 : 0;
      case '>':
        return a > b ? 1 : 0;
      case '<=':
        return a <= b ? 1 : 0;
      case '>=':
        return a >= b ? 1 : 0;
      case '==':
        return a === b ? 1 : 0;
      case '!=':
        return a !== b ? 1 : 0;
    }
    throw new Error('bad op ' + this.op);
  }
}
class Assign extends Node {
  name: string;
  e: Node;
  constructor(name: string, e: Node) {
    super();
    this.name = name;
    this.e = e;
  }
  eval(env: Env): int {
    const v = this.e.eval(env);
    const cell = env.vars.get(this.name);
    if (cell === undefined) env.vars.set(this.name, new Cell(v));
    else cell.value = v;
    return v;
  }
}
class Print extends Node {
  e: Node;
  constructor(e: Node) {
    super();
    this.e = e;
  }
  eval(env: Env): int {
    const v = this.e.eval(env);
    env.out.push(String(v));
    return v;
  }
}
class While extends Node {
  cond: Node;
  body: Node[];
  constructor(cond: Node, body: Node[]) {
    super();
    this.cond = cond;
    this.body = body;
  }
  eval(env: Env): int {
    let n = 0;
    while (this.cond.eval(env) !== 0) {
      for (const s of this.body) s.eval(env);
      n++;
    }
    return n;
  }
}

class Cell {
  value: int;
  constructor(v: int) {
    this.value = v;
  }
}
class Env {
  vars: Map<string, Cell> = new Map<string, Cell>();
  out: string[] = [];
}

class Parser {
  toks: Token[];
  pos: int = 0;
  constructor(toks: Token[]) {
    this.toks = toks;
  }
  peek(): Token {
    return this.toks[this.pos];
  }
  next(): Token {
    return this.toks[this.pos++];
  }
  expect(text: string): void {
    const t = this.next();
    if (t.text !== text) throw new SyntaxError2('expected ' + text + ' got ' + t.text);
  }
  program(): Node[] {
    const out: Node[] = [];
    while (this.peek().kind !== Tok.Eof && this.peek().kind !== Tok.RBrace) out.push(this.statement());
    return out;
  }
  statement(): Node {
    const t = this.peek();
    if (t.kind === Tok.Ident && t.text === 'while') {
      this.next();
      this.expect('(');
      const c = this.expr();
      this.expect(')');
      this.expect('{');
      const body = this.program();
      this.expect('}');
      return new While(c, body);
    }
    if (t.kind === Tok.Ident && t.text === 'print') {
      this.next();
      const e = this.expr();
      this.expect(';');
      return new Print(e);
    }
    if (t.kind === Tok.Ident && this.toks[this.pos + 1].text === '=') {
      this.next();
      this.next();
      const e = this.expr();
      this.expect(';');
      return new Assign(t.text, e);
    }
    const e = this.expr();
    this.expect(';');
    return e;
  }
  expr(): Node {
    let l = this.additive();
    while (this.peek().kind === Tok.Op && ['<', '>', '<=', '>=', '==', '!='].includes(this.peek().text)) {
      const op = this.next().text;
      l = new Bin(op, l, this.additive());
    }
    return l;
  }
  additive(): Node {
    let l = this.term();
    while (this.peek().text === '+' || this.peek().text === '-') {
      const op = this.next().text;
      l = new Bin(op, l, this.term());
    }
    return l;
  }
  term(): Node {
    let l = this.atom();
    while (this.peek().text === '*' || this.peek().text === '/' || this.peek().text === '%') {
      const op = this.next().text;
      l = new Bin(op, l, this.atom());
    }
    return l;
  }
  atom(): Node {
    const t = this.next();
    if (t.kind === Tok.Num) return new Num(t.value);
    if (t.kind === Tok.Ident) return new Var(t.text);
    if (t.kind === Tok.LParen) {
      const e = this.expr();
      this.expect(')');
      return e;
    }
    if (t.text === '-') return new Bin('-', new Num(0), this.atom());
    throw new SyntaxError2('unexpected ' + t.text);
  }
}

function run(src: string): string {
  try {
    const p = new Parser(tokenize(src));
    const prog = p.program();
    const env = new Env();
    for (const s of prog) s.eval(env);
    return env.out.join(' ');
  } catch (e) {
    if (e instanceof SyntaxError2) return 'syntax error: ' + e.message;
    if (e instanceof ZeroDivisionError) return 'zero division: ' + e.message;
    return 'error: ' + (e as Error).message;
  }
}

export function main(argv: string[]): int {
  console.log(run('x = 1; y = 2; print x + y * 3; print (x + y) * 3; print -7 / 2; print -7 % 3;'));
  console.log(run('i = 0; s = 0; while (i < 1000) { s = s + i * i; i = i + 1; } print s; print i;'));
  console.log(run('a = 0; b = 1; n = 0; while (n < 50) { t = a + b; a = b; b = t; n = n + 1; } print a;'));
  console.log(run('n = 1; c = 0; i = 2; while (i < 2000) { j = 2; p = 1; while (j * j <= i) { if_ = i % j == 0; p = p * (1 - if_); j = j + 1; } c = c + p; i = i + 1; } print c;'));
  console.log(run('print 1 / 0;'));
  console.log(run('print q;'));
  console.log(run('print 1 +;'));
  console.log(run('x = 3 $ 4;'));
  console.log(run('print 1 == 1; print 2 != 2; print 3 >= 4; print 3 <= 4;'));
  return 3;
}
