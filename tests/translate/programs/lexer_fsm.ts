// A state-machine lexer for a C-like language, with a string switch for keywords.
import { type int, StringBuilder } from '../../../translate/rlib/index.ts';

const SOURCE = `int main(void) {
  /* block comment * with stars */
  float x = 3.25e2; // line comment
  char *s = "str\\"ing";
  if (x >= 10 && s != 0) { return x << 2; } else { x -= .5; }
  while (i++ < 0x1F) i |= 3;
}`;

enum S {
  Start,
  Ident,
  Number,
  Str,
  LineComment,
  BlockComment,
}

class Lexer {
  tokens: string[] = [];
  counts: Map<string, int> = new Map<string, int>();
  add(kind: string, text: string): void {
    this.tokens.push(kind + ':' + text);
    this.counts.set(kind, (this.counts.has(kind) ? this.counts.get(kind)! : 0) + 1);
  }
}

function kindOf(word: string): string {
  switch (word) {
    case 'int':
    case 'float':
    case 'char':
    case 'void':
      return 'type';
    case 'if':
    case 'else':
    case 'while':
    case 'return':
      return 'kw';
    default:
      return 'id';
  }
}

function isIdent(c: int): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);
}
function isNum(c: int): boolean {
  return (c >= 48 && c <= 57) || c === 46 || (c >= 97 && c <= 102) || (c >= 65 && c <= 70) || c === 120 || c === 101;
}

function lex(src: string): Lexer {
  const lx = new Lexer();
  let state = S.Start;
  let start = 0;
  let i = 0;
  const ops = ['>=', '<=', '==', '!=', '&&', '||', '<<', '>>', '++', '--', '-=', '+=', '|='];
  while (i <= src.length) {
    const c = i < src.length ? src.charCodeAt(i) : 0;
    switch (state) {
      case S.Start:
        if (i === src.length) {
          i++;
          break;
        }
        if (c === 32 || c === 10) {
          i++;
        } else if ((c >= 48 && c <= 57) || (c === 46 && i + 1 < src.length && src.charCodeAt(i + 1) >= 48 && src.charCodeAt(i + 1) <= 57)) {
          state = S.Number;
          start = i++;
        } else if (isIdent(c)) {
          state = S.Ident;
          start = i++;
        } else if (c === 34) {
          state = S.Str;
          start = i++;
        } else if (src.startsWith('//', i)) {
          state = S.LineComment;
          i += 2;
        } else if (src.startsWith('/*', i)) {
          state = S.BlockComment;
          start = i;
          i += 2;
        } else {
          const two = src.slice(i, i + 2);
          if (ops.includes(two)) {
            lx.add('op', two);
            i += 2;
          } else {
            lx.add('punct', src[i]);
            i++;
          }
        }
        break;
      case S.Ident:
        if (isIdent(c)) i++;
        else {
          const w = src.slice(start, i);
          lx.add(kindOf(w), w);
          state = S.Start;
        }
        break;
      case S.Number:
        if (isNum(c)) i++;
        else {
          lx.add('num', src.slice(start, i));
          state = S.Start;
        }
        break;
      case S.Str:
        if (c === 92) i += 2;
        else if (c === 34) {
          i++;
          lx.add('str', src.slice(start, i));
          state = S.Start;
        } else i++;
        break;
      case S.LineComment:
        if (c === 10 || i === src.length) state = S.Start;
        else i++;
        break;
      case S.BlockComment:
        if (src.startsWith('*/', i)) {
          i += 2;
          lx.add('comment', String(i - start));
          state = S.Start;
        } else i++;
        break;
    }
  }
  return lx;
}

export function main(argv: string[]): int {
  const lx = lex(SOURCE);
  const sb = new StringBuilder();
  for (let i = 0; i < lx.tokens.length; i++) {
    sb.append(lx.tokens[i]);
    sb.append(i % 8 === 7 ? '\n' : ' ');
  }
  console.log(sb.build());
  for (const k of lx.counts.keys()) console.log(k + ' ' + lx.counts.get(k));
  let total = 0;
  for (let r = 0; r < 300; r++) total += lex(SOURCE).tokens.length;
  console.log('total ' + total);
  return lx.tokens.length % 64;
}
