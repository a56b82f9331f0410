// Reading a program's source as CPython does: UTF-8 unless a coding declaration (PEP 263) in
// the first two lines names Latin-1; a leading BOM dropped; invalid UTF-8 without a declaration
// and NUL bytes refused with CPython's SyntaxErrors.
import type { int } from '../../translate/rlib/index.ts';
import { os, StringBuilder } from '../../translate/rlib/index.ts';
import { ParseError } from './tokenizer.ts';

/** A source that cannot be compiled, with the text syntaxErrorFrom takes its line from. */
export class SourceError extends Error {
  err: ParseError;
  text: string;
  constructor(err: ParseError, text: string) {
    super(err.msg);
    this.err = err;
    this.text = text;
  }
}

/** The text of the source file at path, or null when it cannot be read; throws SourceError
 * for bytes CPython refuses. */
export function readSource(path: string): string | null {
  const text = os.readFile(path);
  if (text === null) return null;
  const enc = declaredEncoding(text);
  let src = text;
  if (enc === 'iso-8859-1') {
    const b = os.readFileBytes(path);
    if (b === null) return null;
    const sb = new StringBuilder();
    for (const c of b) sb.append(String.fromCharCode(c));
    src = sb.build();
  } else if (enc !== '' && enc !== 'utf-8') {
    throw new SourceError(new ParseError('SyntaxError', `encoding problem: ${enc}`, 0, 0), '');
  } else if (text.indexOf('\uFFFD') >= 0 && enc === '') {
    // os.readFile replaced each invalid sequence with U+FFFD; find the first one in the bytes
    const b = os.readFileBytes(path);
    if (b === null) return null;
    const bad = firstInvalidUtf8(b);
    if (bad >= 0) {
      let line = 1;
      for (let i = 0; i < bad; i++) if (b[i] === 10) line++;
      const hex = (b[bad] < 16 ? '0' : '') + b[bad].toString(16);
      const msg = `Non-UTF-8 code starting with '\\x${hex}' in file ${path} on line ${line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details`;
      throw new SourceError(new ParseError('SyntaxError', msg, 0, 0), '');
    }
  }
  const nul = src.indexOf('\0');
  if (nul >= 0) {
    let line = 1;
    for (let i = 0; i < nul; i++) if (src.charCodeAt(i) === 10) line++;
    // CPython shows the line up to the NUL, without a caret
    throw new SourceError(new ParseError('SyntaxError', 'source code cannot contain null bytes', line, 0), src.slice(0, nul));
  }
  if (src.length > 0 && src.charCodeAt(0) === 0xfeff) src = src.slice(1);
  return src;
}

/** The encoding a PEP 263 declaration in the first two lines names, normalised as CPython's
 * tokenizer does ('utf-8', 'iso-8859-1' or the name as written), or '' when there is none. */
export function declaredEncoding(text: string): string {
  let start = 0;
  for (let n = 0; n < 2 && start < text.length; n++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    const t = line.trim();
    if (t.startsWith('#')) {
      const name = cookie(t);
      if (name !== '') return normalEncoding(name);
    } else if (t !== '') return '';
    start = end + 1;
  }
  return '';
}
/** The name after `coding:` or `coding=` in comment line t, or ''. */
function cookie(t: string): string {
  let i = t.indexOf('coding');
  while (i >= 0) {
    let j = i + 6;
    if (j < t.length && (t[j] === ':' || t[j] === '=')) {
      j++;
      while (j < t.length && (t[j] === ' ' || t[j] === '\t')) j++;
      let k = j;
      while (k < t.length && isNameChar(t.charCodeAt(k))) k++;
      if (k > j) return t.slice(j, k);
    }
    i = t.indexOf('coding', i + 6);
  }
  return '';
}
function isNameChar(c: int): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95 || c === 46;
}
function normalEncoding(name: string): string {
  const n = name.toLowerCase().split('_').join('-');
  if (n === 'utf-8' || n.startsWith('utf-8-') || n === 'utf8' || n === 'ascii' || n === 'us-ascii') return 'utf-8';
  for (const l of ['latin-1', 'iso-8859-1', 'iso-latin-1', 'latin1', 'iso8859-1']) {
    if (n === l || n.startsWith(l + '-')) return 'iso-8859-1';
  }
  return name;
}

/** The index of the first byte of b that does not start a valid UTF-8 sequence (no overlong
 * forms, surrogates or code points past U+10FFFF, as Python's decoder), or -1. */
export function firstInvalidUtf8(b: int[]): int {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      else if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return i;
    if (i + need >= n) return i;
    if (b[i + 1] < lo || b[i + 1] > hi) return i;
    for (let k = 2; k <= need; k++) if (b[i + k] < 0x80 || b[i + k] > 0xbf) return i;
    i += need + 1;
  }
  return -1;
}
