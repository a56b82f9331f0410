// The parsing of str.format strings, shared by str.format/format_map and the _string module
// (string.Formatter), as CPython's MarkupIterator and FieldNameIterator share it. Parsing never
// raises: it returns the parts it read and the message of the error that ends them, so each
// caller raises it where CPython does (after the parts before it were used).
import type { int } from '../../translate/rlib/index.ts';
import { raise, ValueError } from '../objects/core.ts';
import { decimalValue } from '../modules/sre/chars.ts';

/** One literal text and the replacement field after it (name null when there is none). */
export class FormatPart {
  literal: string;
  name: string | null;
  spec: string;
  conversion: string | null;
  constructor(literal: string, name: string | null, spec: string, conversion: string | null) {
    this.literal = literal;
    this.name = name;
    this.spec = spec;
    this.conversion = conversion;
  }
}

export class FormatParts {
  parts: FormatPart[] = [];
  /** the ValueError message that ends the parts, or '' */
  error: string = '';
}

function failed(out: FormatParts, msg: string): FormatParts {
  out.error = msg;
  return out;
}

/** The parts of format string s, as CPython's MarkupIterator reads them. */
export function parseFormat(s: string): FormatParts {
  const out = new FormatParts();
  let i = 0;
  const n = s.length;
  while (i < n) {
    const start = i;
    let c = '';
    let markup = false;
    while (i < n) {
      c = s[i++];
      if (c === '{' || c === '}') {
        markup = true;
        break;
      }
    }
    const atEnd = i >= n;
    let len = i - start;
    if (markup && c === '}' && (atEnd || s[i] !== '}')) return failed(out, "Single '}' encountered in format string");
    if (markup && atEnd && c === '{') return failed(out, "Single '{' encountered in format string");
    if (markup && !atEnd) {
      if (s[i] === c) {
        // an escaped brace: literal text, no field
        i++;
        markup = false;
      } else len--;
    }
    const literal = s.slice(start, start + len);
    if (!markup) {
      out.parts.push(new FormatPart(literal, null, '', null));
      continue;
    }
    // a field: name up to '!', ':' or '}' (brackets may hold anything but ']')
    const nameStart = i;
    let d = '';
    while (i < n) {
      d = s[i++];
      if (d === '{') return failed(out, "unexpected '{' in field name");
      if (d === '[') {
        while (i < n && s[i] !== ']') i++;
        d = '';
        continue;
      }
      if (d === '}' || d === ':' || d === '!') break;
      d = '';
    }
    const name = s.slice(nameStart, d === '' ? i : i - 1);
    let conversion: string | null = null;
    let spec = '';
    if (d === '!' || d === ':') {
      let specDone = false;
      if (d === '!') {
        if (i >= n) return failed(out, 'end of string while looking for conversion specifier');
        conversion = s[i++];
        if (i < n) {
          const e = s[i++];
          if (e === '}') specDone = true;
          else if (e !== ':') return failed(out, "expected ':' after conversion specifier");
        }
      }
      if (!specDone) {
        const specStart = i;
        let depth = 1;
        let closed = false;
        while (i < n) {
          const e = s[i++];
          if (e === '{') depth++;
          else if (e === '}') {
            depth--;
            if (depth === 0) {
              spec = s.slice(specStart, i - 1);
              closed = true;
              break;
            }
          }
        }
        if (!closed) return failed(out, "unmatched '{' in format spec");
      }
    } else if (d !== '}') return failed(out, "expected '}' before end of string");
    out.parts.push(new FormatPart(literal, name, spec, conversion));
  }
  return out;
}

/** One '.attr' or '[key]' after a field name's first part; index >= 0 when key is all digits. */
export class FieldKey {
  isAttr: boolean;
  key: string;
  index: int;
  constructor(isAttr: boolean, key: string, index: int) {
    this.isAttr = isAttr;
    this.key = key;
    this.index = index;
  }
}

export class FieldName {
  first: string = '';
  /** first as an argument index, or -1 when it is not all decimal digits (a keyword) */
  firstIndex: int = -1;
  keys: FieldKey[] = [];
  /** the ValueError message that ends the keys, or '' */
  error: string = '';
}

/** A field name split as CPython's field_name_split does. An index too long for Py_ssize_t
 * raises ValueError at once, as CPython's get_integer does. */
export function splitFieldName(s: string): FieldName {
  const f = new FieldName();
  let i = 0;
  const n = s.length;
  while (i < n && s[i] !== '.' && s[i] !== '[') i++;
  f.first = s.slice(0, i);
  f.firstIndex = fieldInteger(f.first);
  while (i < n) {
    const c = s[i++];
    let key = '';
    let isAttr = false;
    if (c === '.') {
      isAttr = true;
      const st = i;
      while (i < n && s[i] !== '.' && s[i] !== '[') i++;
      key = s.slice(st, i);
    } else if (c === '[') {
      const st = i;
      while (i < n && s[i] !== ']') i++;
      if (i >= n) {
        f.error = "Missing ']' in format string";
        break;
      }
      key = s.slice(st, i);
      i++;
    } else {
      f.error = "Only '.' or '[' may follow ']' in format field specifier";
      break;
    }
    if (key === '') {
      f.error = 'Empty attribute in format string';
      break;
    }
    const index = isAttr ? -1 : decimalIndex(key);
    if (index === TOO_LONG) {
      f.error = TOO_LONG_MSG;
      break;
    }
    f.keys.push(new FieldKey(isAttr, key, index));
  }
  return f;
}

/** Py_ssize_t's largest value over 10: an index past it has too many digits. Untranslated this
 * is not exact (past 2**53), which moves the refusal by a few units at 19 digits only. */
const MAX_INDEX_TENTH = 922337203685477580;

/** A decimal field name or key ('0', '12', Unicode decimal digits too), or -1 when it is not
 * all digits; one too big for Py_ssize_t is CPython's ValueError. */
export function fieldInteger(s: string): int {
  const v = decimalIndex(s);
  if (v === TOO_LONG) throw raise(ValueError, TOO_LONG_MSG);
  return v;
}
const TOO_LONG = -2;
const TOO_LONG_MSG = 'Too many decimal digits in format string';
/** fieldInteger's value, or TOO_LONG (digits are read left to right, as CPython does, so a
 * long run of digits is refused even when a non-digit follows it). */
function decimalIndex(s: string): int {
  if (s.length === 0) return -1;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const d = decimalValue(s.charCodeAt(i));
    if (d < 0) return -1;
    if (v > MAX_INDEX_TENTH || (v === MAX_INDEX_TENTH && d > 7)) return TOO_LONG;
    v = v * 10 + d;
  }
  return v;
}
