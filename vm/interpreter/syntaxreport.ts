// The location part of a SyntaxError's report, as CPython 3.11's pythonrun.c prints it
// (parse_syntax_error, print_exception_file_and_line, print_error_text): the file and line, the
// source text without its indentation, and a caret line that marks offset..end_offset.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyBaseExc, PyExc, PyInt, None, SyntaxError, raise, TypeError, bigOf } from '../objects/core.ts';
import { getAttrOrNull, getAttr, str } from './runtime.ts';

class Location {
  message: PyObject = None;
  filename: string = '<string>';
  lineno: int = 0;
  offset: int = -1;
  endLineno: int = 0;
  endOffset: int = -1;
  text: string | null = null;
}

/** An int attribute as PyLong_AsSsize_t reads it; raises for one that is not an int. */
function intOf(v: PyObject): int {
  if (v instanceof PyInt && bigOf(v) === null) return v.v;
  throw raise(TypeError, 'an integer is required');
}

/** The attributes parse_syntax_error reads, or null when one is missing or of the wrong kind. */
function parse(e: PyBaseExc): Location | null {
  try {
    const loc = new Location();
    loc.message = getAttr(e, 'msg');
    const fn = getAttr(e, 'filename');
    if (fn !== None) loc.filename = str(fn);
    loc.lineno = intOf(getAttr(e, 'lineno'));
    const off = getAttr(e, 'offset');
    loc.offset = off === None ? -1 : intOf(off);
    loc.endLineno = loc.lineno;
    // the end is read for SyntaxError itself only, not its subclasses (IndentationError...)
    if (e.cls === SyntaxError) {
      const el = getAttrOrNull(e, 'end_lineno');
      if (el !== null && el !== None) loc.endLineno = intOf(el);
      const eo = getAttrOrNull(e, 'end_offset');
      if (eo !== null && eo !== None) loc.endOffset = intOf(eo);
    }
    const text = getAttr(e, 'text');
    loc.text = text === None ? null : str(text);
    return loc;
  } catch (err) {
    if (!(err instanceof PyExc)) throw err;
    return null;
  }
}

/** Appends the source line and the caret line marking offset..endOffset (1-based). */
function errorText(out: string[], offset0: int, endOffset: int, text0: string): void {
  const carets = endOffset > 0 && endOffset > offset0 ? endOffset - offset0 : 1;
  let text = text0;
  let offset = offset0 - 1;
  let lead = 0;
  while (lead < text.length && (text[lead] === ' ' || text[lead] === '\t' || text[lead] === '\f')) {
    lead++;
    offset--;
  }
  text = text.slice(lead);
  let len = text.length;
  if (len > 0 && text[len - 1] === '\n') len--;
  if (offset > len) offset = len;
  // a text of several lines: the one the offset falls in
  for (;;) {
    const nl = text.indexOf('\n');
    if (nl < 0 || nl >= offset) break;
    text = text.slice(nl + 1);
    len -= nl + 1;
    offset -= nl + 1;
  }
  out.push('    ' + text);
  if (len >= text.length || text[len] !== '\n') out.push('\n');
  // no caret for an offset left of the text
  if (offset < 0) return;
  out.push('    ' + ' '.repeat(offset) + '^'.repeat(carets) + '\n');
}

/** For a SyntaxError e: appends its location lines and returns what its message line shows (its
 * msg), or null (nothing appended) when its attributes do not make a location. */
export function syntaxErrorLocation(e: PyBaseExc, out: string[]): PyObject | null {
  const loc = parse(e);
  if (loc === null) return null;
  out.push(`  File "${loc.filename}", line ${loc.lineno}\n`);
  const text = loc.text;
  if (text !== null) {
    let endOffset = loc.endOffset;
    // an error spanning lines is marked to the end of its first
    if (loc.endLineno > loc.lineno) endOffset = text.length;
    // no more carets than the line has characters
    if (endOffset > text.length + 1) endOffset = text.length + 1;
    errorText(out, loc.offset, endOffset, text);
  }
  return loc.message;
}
