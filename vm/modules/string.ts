// The _string module: the format-string parsing string.Formatter is built on, with CPython's
// results and errors. Like CPython's, both iterators are lazy about errors: the items before
// a malformed part come out first, and the error is raised where iteration reaches it.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, PyNative, PyStr, newStr, newInt, newTuple, raise, None, True, False, TypeError, ValueError } from '../objects/core.ts';
import { B, FAM_STRING } from '../builtins/ids.ts';
import { arg, unhandledBuiltin } from '../builtins/args.ts';
import { newModuleType, newBuiltinModule, addFn } from './registry.ts';
import { typeName } from '../interpreter/runtime.ts';
import { parseFormat, splitFieldName, digitsInt } from '../builtins/formatparse.ts';

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

function strOrNone(s: string | null): PyObject {
  return s === null ? None : newStr(s);
}

/** formatter_parser(s): (literal, field name, format spec, conversion) for each part. */
function formatterParser(s: string): PyPartsIter {
  const parsed = parseFormat(s);
  const items: PyObject[] = [];
  for (const p of parsed.parts) {
    if (p.name === null) items.push(newTuple([newStr(p.literal), None, None, None]));
    else items.push(newTuple([newStr(p.literal), newStr(p.name), newStr(p.spec), strOrNone(p.conversion)]));
  }
  return new PyPartsIter(PARSER_ITER, items, parsed.error);
}

/** formatter_field_name_split(name): (first, iterator of (is_attribute, key)). */
function fieldNameSplit(s: string): PyObject {
  const f = splitFieldName(s);
  const items: PyObject[] = [];
  for (const k of f.keys) items.push(newTuple([k.isAttr ? True : False, k.digits !== '' ? digitsInt(k.digits) : newStr(k.key)]));
  return newTuple([f.firstDigits !== '' ? digitsInt(f.firstDigits) : newStr(f.first), new PyPartsIter(FIELD_ITER, items, f.error)]);
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
