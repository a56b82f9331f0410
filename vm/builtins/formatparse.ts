// The parsing of str.format strings, shared by str.format/format_map and the _string module
// (string.Formatter), as CPython's MarkupIterator and FieldNameIterator share it. Parsing never
// raises: it returns the parts it read and the message of the error that ends them, so each
// caller raises it where CPython does (after the parts before it were used).
import type { int } from '../../translate/rlib/index.ts';
import { PyInt, newInt, raise, ValueError } from '../objects/core.ts';
import { fromBig } from '../objects/intops.ts';
import { bigFromDecimal } from '../objects/bigint.ts';
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

/** One '.attr' or '[key]' after a field name's first part; digits: the key as an integer
 * (ASCII digits, see decimalDigits) when it is all decimal digits, else ''. */
export class FieldKey {
  isAttr: boolean;
  key: string;
  digits: string;
  constructor(isAttr: boolean, key: string, digits: string) {
    this.isAttr = isAttr;
    this.key = key;
    this.digits = digits;
  }
}

export class FieldName {
  first: string = '';
  /** first as an argument index (ASCII digits, see decimalDigits), or '' when it is not all
   * decimal digits (a keyword) */
  firstDigits: string = '';
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
  f.firstDigits = decimalDigits(f.first);
  if (f.firstDigits === TOO_LONG) throw raise(ValueError, TOO_LONG_MSG);
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
    const digits = isAttr ? '' : decimalDigits(key);
    if (digits === TOO_LONG) {
      f.error = TOO_LONG_MSG;
      break;
    }
    f.keys.push(new FieldKey(isAttr, key, digits));
  }
  return f;
}

const TOO_LONG = 'too long';
const TOO_LONG_MSG = 'Too many decimal digits in format string';
const SSIZE_MAX_DIGITS = '9223372036854775807';

/** s read as CPython's get_integer reads a field index: its value as ASCII digits without
 * leading zeros ('0' for zero), '' when s is not all decimal digits (Unicode ones count), or
 * TOO_LONG when the digits before any non-digit already pass Py_ssize_t. Kept as digits, since
 * an index past 2**53 is not a machine int here. */
function decimalDigits(s: string): string {
  const out: string[] = [];
  let i = 0;
  for (; i < s.length; i++) {
    const d = decimalValue(s.charCodeAt(i));
    if (d < 0) break;
    if (d > 0 || out.length > 0) out.push(String.fromCharCode(48 + d));
  }
  const digits = out.join('');
  if (pastSsize(digits)) return TOO_LONG;
  if (s.length === 0 || i < s.length) return '';
  return digits === '' ? '0' : digits;
}

/** ASCII digits (no leading zeros) for a number past Py_ssize_t's largest value. */
function pastSsize(digits: string): boolean {
  if (digits.length !== SSIZE_MAX_DIGITS.length) return digits.length > SSIZE_MAX_DIGITS.length;
  for (let i = 0; i < digits.length; i++) {
    const a = digits.charCodeAt(i);
    const b = SSIZE_MAX_DIGITS.charCodeAt(i);
    if (a !== b) return a > b;
  }
  return false;
}

/** The int a field index's digits name. */
export function digitsInt(digits: string): PyInt {
  if (digits.length <= 15) return newInt(digitsValue(digits));
  return fromBig(bigFromDecimal(digits, false));
}
/** The value of up to 15 ASCII digits (exact as a machine int), or -1 for more: an argument
 * index that large is past any argument list. */
export function digitsValue(digits: string): int {
  if (digits.length > 15) return -1;
  let v = 0;
  for (let i = 0; i < digits.length; i++) v = v * 10 + (digits.charCodeAt(i) - 48);
  return v;
}
