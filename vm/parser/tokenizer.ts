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

function charAt(line: string, j: int): int {
  return j < line.length ? line.charCodeAt(j) : 0;
}
function isHexDigit(c: int): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}
/** The SyntaxWarnings met while tokenizing, parsing and compiling one source, in order (as
 * ParseErrors for where they are): the caller of the parser issues them through the warnings
 * module once the compile is done (see emitSyntaxWarnings). */
class SyntaxWarnings {
  list: ParseError[] = [];
}
export const SYNTAX_WARNINGS = new SyntaxWarnings();
function numError(msg: string, lineNo: int, j: int): ParseError {
  return new ParseError('SyntaxError', msg, lineNo, j + 1);
}
/** Digits with single underscores between them, from j (a digit): the index after them. */
function decimalTail(line: string, j0: int, lineNo: int): int {
  let j = j0;
  for (;;) {
    while (isDigit(charAt(line, j))) j++;
    if (charAt(line, j) !== 95) return j;
    j++;
    if (!isDigit(charAt(line, j))) throw numError('invalid decimal literal', lineNo, j - 1);
  }
}
/** CPython's verify_end_of_number: a literal may run into a keyword that can follow it (1if x
 * else y), not into another name. */
function endOfNumber(line: string, j: int, kind: string, lineNo: int): void {
  const c = charAt(line, j);
  if (!isIdChar(c)) return;
  const rest = line.substring(j);
  for (const kw of ['and', 'else', 'for', 'if', 'in', 'is', 'or', 'not']) {
    if (rest.startsWith(kw)) {
      // allowed for now, with CPython's SyntaxWarning
      SYNTAX_WARNINGS.list.push(numError(`invalid ${kind} literal`, lineNo, j));
      return;
    }
  }
  throw numError(`invalid ${kind} literal`, lineNo, j);
}
/** The end of the number literal at pos, with CPython's errors for malformed ones. */
function scanNumber(line: string, pos: int, lineNo: int): int {
  const c0 = line.charCodeAt(pos);
  const c1 = charAt(line, pos + 1);
  if (c0 === 48 && (c1 === 120 || c1 === 88)) {
    let j = pos + 2;
    do {
      if (charAt(line, j) === 95) j++;
      if (!isHexDigit(charAt(line, j))) throw numError('invalid hexadecimal literal', lineNo, j);
      while (isHexDigit(charAt(line, j))) j++;
    } while (charAt(line, j) === 95);
    endOfNumber(line, j, 'hexadecimal', lineNo);
    return j;
  }
  if (c0 === 48 && (c1 === 111 || c1 === 79 || c1 === 98 || c1 === 66)) {
    const octal = c1 === 111 || c1 === 79;
    const kind = octal ? 'octal' : 'binary';
    const top = octal ? 56 : 50;
    let j = pos + 2;
    do {
      if (charAt(line, j) === 95) j++;
      const c = charAt(line, j);
      if (c < 48 || c >= top) {
        if (isDigit(c)) throw numError(`invalid digit '${line[j]}' in ${kind} literal`, lineNo, j);
        throw numError(`invalid ${kind} literal`, lineNo, j);
      }
      while (charAt(line, j) >= 48 && charAt(line, j) < top) j++;
    } while (charAt(line, j) === 95);
    if (isDigit(charAt(line, j))) throw numError(`invalid digit '${line[j]}' in ${kind} literal`, lineNo, j);
    endOfNumber(line, j, kind, lineNo);
    return j;
  }
  let j = pos;
  if (c0 !== 46) j = decimalTail(line, pos, lineNo);
  if (charAt(line, j) === 46) {
    j++;
    if (isDigit(charAt(line, j))) j = decimalTail(line, j, lineNo);
  }
  const ce = charAt(line, j);
  if (ce === 101 || ce === 69) {
    let k = j + 1;
    const cs = charAt(line, k);
    if (cs === 43 || cs === 45) {
      k++;
      if (!isDigit(charAt(line, k))) throw numError('invalid decimal literal', lineNo, k);
    } else if (!isDigit(cs)) {
      // `1else`, `1e` alone: the literal ends before the e
      endOfNumber(line, j, 'decimal', lineNo);
      return j;
    }
    j = decimalTail(line, k, lineNo);
  }
  const cj = charAt(line, j);
  if (cj === 106 || cj === 74) {
    j++;
    endOfNumber(line, j, 'imaginary', lineNo);
  } else endOfNumber(line, j, 'decimal', lineNo);
  return j;
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
        const j = scanNumber(line, pos, lineNo);
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
