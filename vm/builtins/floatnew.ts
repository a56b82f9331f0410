// float(x): CPython's PyNumber_Float under float_new. A type's own __float__ comes first (also
// on str and float subclasses), then __index__, then the text of a str, bytes or any buffer
// (memoryview, bytearray, array), parsed as float literals are, with '_' between digits.
import type { int, float } from '../../translate/rlib/index.ts';
import { parseFloatStrict } from '../../translate/rlib/index.ts';
import { PyObject, PyFloat, PyInt, PyStr, PyBuiltin, floatType, raise, TypeError, ValueError, DeprecationWarning } from '../objects/core.ts';
import { lookupType, callSpecial, typeName, repr } from '../interpreter/runtime.ts';
import { intToFloat } from '../objects/intops.ts';
import { bytesLike } from './buffer.ts';
import { asciiNumberText } from '../objects/numtext.ts';
import { warnVm } from '../interpreter/warn.ts';

export function floatFrom(x: PyObject): float {
  if (x instanceof PyFloat && x.cls === floatType) return x.v;
  const own = lookupType(x.cls, '__float__');
  if (own !== null && !(own instanceof PyBuiltin)) {
    const r = callSpecial(x, '__float__', []);
    if (r === null || !(r instanceof PyFloat)) {
      throw raise(TypeError, `${typeName(x)}.__float__ returned non-float (type ${r === null ? 'NoneType' : typeName(r)})`);
    }
    if (r.cls !== floatType) {
      warnVm(`${typeName(x)}.__float__ returned non-float (type ${typeName(r)}).  The ability to return an instance of a strict subclass of float is deprecated, and may be removed in a future version of Python.`, DeprecationWarning);
    }
    return r.v;
  }
  if (x instanceof PyFloat) return x.v;
  if (x instanceof PyInt) return intToFloat(x);
  if (!x.cls.isBuiltin && lookupType(x.cls, '__index__') !== null) {
    const r = callSpecial(x, '__index__', []);
    if (r === null || !(r instanceof PyInt)) throw raise(TypeError, `__index__ returned non-int (type ${r === null ? 'NoneType' : typeName(r)})`);
    return intToFloat(r);
  }
  if (x instanceof PyStr) return floatFromText(asciiNumberText(x.s), x);
  const b = bytesLike(x);
  if (b !== null) {
    const parts: string[] = [];
    // a non-ASCII byte is never part of a float literal
    for (const c of b) parts.push(String.fromCharCode(c < 128 ? c : 0xfffd));
    return floatFromText(parts.join(''), x);
  }
  throw raise(TypeError, `float() argument must be a string or a real number, not '${typeName(x)}'`);
}

function isAsciiDigit(c: int): boolean {
  return c >= 48 && c <= 57;
}

/** The text of a float literal (CPython's _Py_string_to_number_with_underscores): surrounding
 * whitespace, each '_' between two digits, inf/infinity/nan in any case with one sign. */
function floatFromText(text: string, shown: PyObject): float {
  const raw = text.trim();
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '_' && !(i > 0 && isAsciiDigit(raw.charCodeAt(i - 1)) && i + 1 < raw.length && isAsciiDigit(raw.charCodeAt(i + 1)))) {
      throw raise(ValueError, `could not convert string to float: ${repr(shown)}`);
    }
  }
  const s = raw.split('_').join('');
  const v = parseFloatStrict(s);
  if (Number.isNaN(v)) {
    const l = s.toLowerCase();
    if (l !== 'nan' && l !== '+nan' && l !== '-nan') throw raise(ValueError, `could not convert string to float: ${repr(shown)}`);
  }
  return v;
}
