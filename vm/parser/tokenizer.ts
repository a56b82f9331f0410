// Python 3.11 tokenizer: produces NAME, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT, END.
import type { int } from '../../translate/rlib/index.ts';
import { startsAt } from '../objects/strutil.ts';
import { floorDiv } from '../../translate/rlib/index.ts';

export const T_NAME = 1;
export const T_NUMBER = 2;
export const T_STRING = 3;
export const T_OP = 4;
export const T_NEWLINE = 5;
export const T_INDENT = 6;
export const T_DEDENT = 7;
export const T_END = 8;

export class Tok {
  type: int;
  s: string;
  line: int;
  col: int;
  /** string prefix (lowercase), for STRING tokens */
  prefix: string = '';
  /** for STRING tokens: the line/col of the body start (for f-string errors) */
  constructor(type: int, s: string, line: int, col: int) {
    this.type = type;
    this.s = s;
    this.line = line;
    this.col = col;
  }
}

/** Brackets open at once, at most (CPython's MAXLEVEL). */
const MAX_PAREN_LEVEL = 200;
/** Nested expressions the parser descends into, at most; beyond it CPython 3.11's parser runs
 * out of its stack and raises MemoryError (kind 'MemoryError' below). */
export const MAX_PARSE_DEPTH = 5000;

/** A source the compiler refuses: kind names the exception (SyntaxError, IndentationError,
 * TabError; RecursionError and MemoryError for nesting too deep, which have no location). */
export class ParseError extends Error {
  msg: string;
  line: int;
  col: int; // 1-based offset like CPython's SyntaxError.offset
  kind: string;
  endCol: int = -1;
  constructor(kind: string, msg: string, line: int, col: int) {
    super(msg);
    this.kind = kind;
    this.msg = msg;
    this.line = line;
    this.col = col;
  }
}

/** CPython's error for a tree nested deeper than the compiler's limit (see compileModule). */
export function tooDeepForCompiler(): ParseError {
  return new ParseError('RecursionError', 'maximum recursion depth exceeded during compilation', 0, 0);
}

const OPS3 = ['**=', '//=', '>>=', '<<=', '...', '!='];
const OPS2 = ['**', '//', '>>', '<<', '<=', '>=', '==', '!=', '->', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=', ':='];
const OPS1 = '+-*/%@&|^~<>()[]{},:.;=!';
const MULTI_OP_SECOND = '*/<>=.';

function isIdStart(c: int): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 128;
}
function isIdChar(c: int): boolean {
  return isIdStart(c) || (c >= 48 && c <= 57);
}
function isDigit(c: int): boolean {
  return c >= 48 && c <= 57;
}

export function tokenize(src: string): Tok[] {
  const toks: Tok[] = [];
  const lines = src.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const indents: int[] = [0];
  const altIndents: int[] = [0];
  const parens: string[] = [];
  const parenLines: int[] = [];
  const parenCols: int[] = [];
  let lineNo = 0;
  let contLine = false;
  while (lineNo < lines.length) {
    let line = lines[lineNo];
    if (line.endsWith('\r')) line = line.slice(0, line.length - 1);
    lineNo++;
    let pos = 0;
    if (parens.length === 0 && !contLine) {
      // indentation
      let col = 0;
      let alt = 0; // column with tab size 1, to detect inconsistent tabs/spaces like CPython
      while (pos < line.length) {
        const c = line[pos];
        if (c === ' ') {
          col++;
          alt++;
        } else if (c === '\t') {
          col = (floorDiv(col, 8) + 1) * 8;
          alt++;
        } else if (c === '\f') {
          col = 0;
          alt = 0;
        } else break;
        pos++;
      }
      if (pos >= line.length || line[pos] === '#') continue; // blank or comment line
      const cur = indents[indents.length - 1];
      const curAlt = altIndents[altIndents.length - 1];
      if (col > cur) {
        if (alt <= curAlt) throw new ParseError('TabError', 'inconsistent use of tabs and spaces in indentation', lineNo, pos + 1);
        indents.push(col);
        altIndents.push(alt);
        toks.push(new Tok(T_INDENT, '', lineNo, 0));
      } else if (col === cur) {
        if (alt !== curAlt) throw new ParseError('TabError', 'inconsistent use of tabs and spaces in indentation', lineNo, pos + 1);
      } else {
        while (col < indents[indents.length - 1]) {
          indents.pop();
          altIndents.pop();
          toks.push(new Tok(T_DEDENT, '', lineNo, col));
        }
        if (col === indents[indents.length - 1] && alt !== altIndents[altIndents.length - 1]) {
          throw new ParseError('TabError', 'inconsistent use of tabs and spaces in indentation', lineNo, pos + 1);
        }
        if (col !== indents[indents.length - 1]) {
          const e = new ParseError('IndentationError', 'unindent does not match any outer indentation level', lineNo, line.length + 1);
          throw e;
        }
      }
    }
    contLine = false;
    while (pos < line.length) {
      const ch = line[pos];
      const c = line.charCodeAt(pos);
      if (ch === ' ' || ch === '\t' || ch === '\f') {
        pos++;
        continue;
      }
      if (ch === '#') break;
      if (ch === '\\') {
        if (pos === line.length - 1) {
          contLine = true;
          pos++;
          break;
        }
        throw new ParseError('SyntaxError', 'unexpected character after line continuation character', lineNo, pos + 2);
      }
      const start = pos;
      // strings (with optional prefix)
      let isStr = false;
      let prefix = '';
      if (ch === '"' || ch === "'") isStr = true;
      else if (isIdStart(c)) {
        let j = pos;
        while (j < line.length && j - pos < 3 && 'rRbBfFuU'.includes(line[j])) j++;
        if (j < line.length && j > pos && (line[j] === '"' || line[j] === "'")) {
          const p = line.slice(pos, j).toLowerCase();
          if (p === 'r' || p === 'b' || p === 'f' || p === 'u' || p === 'rb' || p === 'br' || p === 'fr' || p === 'rf') {
            isStr = true;
            prefix = p;
            pos = j;
          }
        }
      }
      if (isStr) {
        const q = line[pos];
        const triple = startsAt(line, q + q + q, pos);
        const raw = prefix.includes('r');
        const startLine = lineNo;
        if (triple) {
          pos += 3;
          const parts: string[] = [];
          let found = false;
          for (;;) {
            let k = pos;
            while (k < line.length) {
              if (line[k] === '\\') {
                k += 2;
                continue;
              }
              if (startsAt(line, q + q + q, k)) break;
              k++;
            }
            if (k < line.length) {
              parts.push(line.slice(pos, k));
              pos = k + 3;
              found = true;
              break;
            }
            parts.push(line.slice(pos) + '\n');
            if (lineNo >= lines.length) break;
            line = lines[lineNo];
            if (line.endsWith('\r')) line = line.slice(0, line.length - 1);
            lineNo++;
            pos = 0;
          }
          if (!found) {
            throw new ParseError('SyntaxError', `unterminated triple-quoted string literal (detected at line ${lineNo})`, startLine, start + 1);
          }
          const t = new Tok(T_STRING, parts.join(''), startLine, start);
          t.prefix = prefix;
          toks.push(t);
        } else {
          pos++;
          const parts: string[] = [];
          let found = false;
          for (;;) {
            let k = pos;
            let contd = false;
            while (k < line.length) {
              if (line[k] === '\\') {
                if (k === line.length - 1) {
                  contd = true;
                  break;
                }
                k += 2;
                continue;
              }
              if (line[k] === q) break;
              k++;
            }
            if (contd) {
              // backslash-newline inside a single-quoted string
              parts.push(line.slice(pos, k) + (raw ? '\\\n' : ''));
              if (lineNo >= lines.length) break;
              line = lines[lineNo];
              if (line.endsWith('\r')) line = line.slice(0, line.length - 1);
              lineNo++;
              pos = 0;
              continue;
            }
            if (k < line.length) {
              parts.push(line.slice(pos, k));
              pos = k + 1;
              found = true;
            }
            break;
          }
          if (!found) {
            throw new ParseError('SyntaxError', `unterminated string literal (detected at line ${lineNo})`, startLine, start + 1);
          }
          const t = new Tok(T_STRING, parts.join(''), startLine, start);
          t.prefix = prefix;
          toks.push(t);
        }
        continue;
      }
      if (isIdStart(c)) {
        let j = pos + 1;
        while (j < line.length && isIdChar(line.charCodeAt(j))) j++;
        toks.push(new Tok(T_NAME, line.slice(pos, j), lineNo, pos));
        pos = j;
        continue;
      }
      if (isDigit(c) || (ch === '.' && pos + 1 < line.length && isDigit(line.charCodeAt(pos + 1)))) {
        let j = pos;
        if (ch === '0' && pos + 1 < line.length && 'xXoObB'.includes(line[pos + 1])) {
          j = pos + 2;
          while (j < line.length && (isIdChar(line.charCodeAt(j)))) j++;
        } else {
          while (j < line.length && (isDigit(line.charCodeAt(j)) || line[j] === '_')) j++;
          if (j < line.length && line[j] === '.') {
            j++;
            while (j < line.length && (isDigit(line.charCodeAt(j)) || line[j] === '_')) j++;
          }
          if (j < line.length && (line[j] === 'e' || line[j] === 'E')) {
            let k = j + 1;
            if (k < line.length && (line[k] === '+' || line[k] === '-')) k++;
            if (k < line.length && isDigit(line.charCodeAt(k))) {
              j = k;
              while (j < line.length && (isDigit(line.charCodeAt(j)) || line[j] === '_')) j++;
            }
          }
          if (j < line.length && (line[j] === 'j' || line[j] === 'J')) j++;
          if (j < line.length && isIdStart(line.charCodeAt(j))) {
            throw new ParseError('SyntaxError', 'invalid decimal literal', lineNo, j + 1);
          }
        }
        toks.push(new Tok(T_NUMBER, line.slice(pos, j), lineNo, pos));
        pos = j;
        continue;
      }
      let op = '';
      // every operator of two or three characters has one of these second characters
      const multi = pos + 1 < line.length && MULTI_OP_SECOND.includes(line[pos + 1]);
      if (multi) {
        for (const o of OPS3) {
          if (startsAt(line, o, pos)) {
            op = o;
            break;
          }
        }
      }
      if (multi && op === '') {
        for (const o of OPS2) {
          if (startsAt(line, o, pos)) {
            op = o;
            break;
          }
        }
      }
      if (op === '' && OPS1.includes(ch)) op = ch;
      if (op === '') {
        if (c < 128) throw new ParseError('SyntaxError', 'invalid syntax', lineNo, pos + 1);
        throw new ParseError('SyntaxError', `invalid character '${ch}' (U+${hex4upper(c)})`, lineNo, pos + 1);
      }
      if (op === '(' || op === '[' || op === '{') {
        // CPython's tokenizer limit (MAXLEVEL): deeper nesting would only exhaust the stack
        if (parens.length >= MAX_PAREN_LEVEL) throw new ParseError('SyntaxError', 'too many nested parentheses', lineNo, pos + 1);
        parens.push(op);
        parenLines.push(lineNo);
        parenCols.push(pos);
      } else if (op === ')' || op === ']' || op === '}') {
        if (parens.length === 0) throw new ParseError('SyntaxError', `unmatched '${op}'`, lineNo, pos + 1);
        const open = parens.pop() as string;
        parenLines.pop();
        parenCols.pop();
        const want = open === '(' ? ')' : open === '[' ? ']' : '}';
        if (want !== op) {
          throw new ParseError('SyntaxError', `closing parenthesis '${op}' does not match opening parenthesis '${open}'`, lineNo, pos + 1);
        }
      }
      toks.push(new Tok(T_OP, op, lineNo, pos));
      pos += op.length;
    }
    if (parens.length === 0 && !contLine) {
      const last = toks.length > 0 ? toks[toks.length - 1] : null;
      if (last !== null && last.type !== T_NEWLINE && last.type !== T_INDENT && last.type !== T_DEDENT) {
        toks.push(new Tok(T_NEWLINE, '', lineNo, line.length));
      }
    }
  }
  if (parens.length > 0) {
    const i = parens.length - 1;
    throw new ParseError('SyntaxError', `'${parens[i]}' was never closed`, parenLines[i], parenCols[i] + 1);
  }
  const last = toks.length > 0 ? toks[toks.length - 1] : null;
  if (last !== null && last.type !== T_NEWLINE && last.type !== T_DEDENT) toks.push(new Tok(T_NEWLINE, '', lineNo, 0));
  while (indents.length > 1) {
    indents.pop();
    toks.push(new Tok(T_DEDENT, '', lineNo + 1, 0));
  }
  toks.push(new Tok(T_END, '', lineNo + 1, 0));
  return toks;
}

function hex4upper(c: int): string {
  const digits = '0123456789ABCDEF';
  let out = '';
  let v = c;
  while (v > 0) {
    out = digits[v % 16] + out;
    v = floorDiv(v, 16);
  }
  while (out.length < 4) out = '0' + out;
  return out;
}
