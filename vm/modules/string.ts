// The _string module: the format-string parsing string.Formatter is built on, with CPython's
// results and errors. Like CPython's, both iterators are lazy about errors: the items before
// a malformed part come out first, and the error is raised where iteration reaches it.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, PyNative, PyStr, newStr, newInt, newTuple, raise, None, True, False, TypeError, ValueError } from '../objects/core.ts';
import { B, FAM_STRING } from '../builtins/ids.ts';
import { arg, unhandledBuiltin } from '../builtins/args.ts';
import { newModuleType, newBuiltinModule, addFn } from './registry.ts';
import { typeName } from '../interpreter/runtime.ts';
import { decimalValue } from './sre/chars.ts';

const PARSER_ITER = newModuleType('builtins', 'formatteriterator');
const FIELD_ITER = newModuleType('builtins', 'fieldnameiterator');

/** Items made in advance, then the error (if any) that ends the iteration. */
class PyPartsIter extends PyNative {
  items: PyObject[];
  error: string;
  i: int = 0;
  constructor(cls: typeof PARSER_ITER, items: PyObject[], error: string) {
    super(cls);
    this.items = items;
    this.error = error;
  }
  override isIterator(): boolean {
    return true;
  }
  override nativeNext(): PyObject | null {
    if (this.i < this.items.length) return this.items[this.i++];
    if (this.error !== '') {
      const e = this.error;
      this.error = '';
      throw raise(ValueError, e);
    }
    return null;
  }
}

export function makeString(): PyModule {
  const m = newBuiltinModule('_string');
  addFn(m, 'formatter_parser', B.STRING_FORMATTER_PARSER, FAM_STRING);
  addFn(m, 'formatter_field_name_split', B.STRING_FIELD_NAME_SPLIT, FAM_STRING);
  return m;
}

/** A decimal integer field name or index ('0', '12'), or -1 when it is not all digits. */
function fieldInteger(s: string): int {
  if (s.length === 0) return -1;
  let v = 0;
  for (let i = 0; i < s.length; i++) {
    const d = decimalValue(s.charCodeAt(i));
    if (d < 0) return -1;
    if (v > 92233720368547758) throw raise(ValueError, 'Too many decimal digits in format string');
    v = v * 10 + d;
  }
  return v;
}
function strOrNone(s: string | null): PyObject {
  return s === null ? None : newStr(s);
}

/** formatter_parser(s): (literal, field name, format spec, conversion) for each part. */
function formatterParser(s: string): PyPartsIter {
  const items: PyObject[] = [];
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
    if (markup && c === '}' && (atEnd || s[i] !== '}')) return new PyPartsIter(PARSER_ITER, items, "Single '}' encountered in format string");
    if (markup && atEnd && c === '{') return new PyPartsIter(PARSER_ITER, items, "Single '{' encountered in format string");
    if (markup && !atEnd) {
      if (s[i] === c) {
        // an escaped brace: literal text, no field
        i++;
        markup = false;
      } else len--;
    }
    const literal = s.slice(start, start + len);
    if (!markup) {
      items.push(newTuple([newStr(literal), None, None, None]));
      continue;
    }
    // a field: name up to '!', ':' or '}' (brackets may hold anything but ']')
    const nameStart = i;
    let d = '';
    while (i < n) {
      d = s[i++];
      if (d === '{') return new PyPartsIter(PARSER_ITER, items, "unexpected '{' in field name");
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
        if (i >= n) return new PyPartsIter(PARSER_ITER, items, 'end of string while looking for conversion specifier');
        conversion = s[i++];
        if (i < n) {
          const e = s[i++];
          if (e === '}') specDone = true;
          else if (e !== ':') return new PyPartsIter(PARSER_ITER, items, "expected ':' after conversion specifier");
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
        if (!closed) return new PyPartsIter(PARSER_ITER, items, "unmatched '{' in format spec");
      }
    } else if (d !== '}') return new PyPartsIter(PARSER_ITER, items, "expected '}' before end of string");
    items.push(newTuple([newStr(literal), newStr(name), newStr(spec), strOrNone(conversion)]));
  }
  return new PyPartsIter(PARSER_ITER, items, '');
}

/** formatter_field_name_split(name): (first, iterator of (is_attribute, key)). */
function fieldNameSplit(s: string): PyObject {
  let i = 0;
  const n = s.length;
  while (i < n && s[i] !== '.' && s[i] !== '[') i++;
  const first = s.slice(0, i);
  const idx = fieldInteger(first);
  const items: PyObject[] = [];
  let error = '';
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
        error = "Missing ']' in format string";
        break;
      }
      key = s.slice(st, i);
      i++;
    } else {
      error = "Only '.' or '[' may follow ']' in format field specifier";
      break;
    }
    if (key === '') {
      error = 'Empty attribute in format string';
      break;
    }
    const k = isAttr ? -1 : fieldInteger(key);
    items.push(newTuple([isAttr ? True : False, k >= 0 ? newInt(k) : newStr(key)]));
  }
  return newTuple([idx >= 0 ? newInt(idx) : newStr(first), new PyPartsIter(FIELD_ITER, items, error)]);
}

function strArg(o: PyObject | null, fn: string): string {
  if (o === null) throw raise(TypeError, `${fn}() takes exactly one argument (0 given)`);
  if (!(o instanceof PyStr)) throw raise(TypeError, `${fn}() argument must be str, not ${typeName(o)}`);
  return o.s;
}

export function callString(id: int, args: PyObject[], kw: string[] | null): PyObject {
  switch (id) {
    case B.STRING_FORMATTER_PARSER:
      return formatterParser(strArg(arg(args, kw, 0, 'str'), 'formatter_parser'));
    case B.STRING_FIELD_NAME_SPLIT:
      return fieldNameSplit(strArg(arg(args, kw, 0, 'str'), 'formatter_field_name_split'));
  }
  throw unhandledBuiltin('_string function', id);
}
