// float.hex() and float.fromhex(): the exact hexadecimal form of a double, as CPython's
// float_hex and float_fromhex (Objects/floatobject.c) write and read it, with their rounding
// (half to even at the 53rd bit, or at the subnormal boundary) and their error messages.
import type { int, float } from '../../translate/rlib/index.ts';
import { toFloat, toInt, floatRepr } from '../../translate/rlib/index.ts';
import { PyObject, PyExc, PyStr, PyFloat, PyType, floatType, classmethodType, PyClassMethod, newFloat, newStr, raise, TypeError, ValueError, OverflowErrorT } from '../objects/core.ts';
import { B, FAM_FLOATHEX } from './ids.ts';
import { mkBuiltin, defMethod, unhandledBuiltin } from './args.ts';
import { callObj, typeName } from '../interpreter/runtime.ts';

/** <float.h>'s DBL_MIN_EXP, DBL_MAX_EXP, DBL_MANT_DIG */
const DBL_MIN_EXP = -1021;
const DBL_MAX_EXP = 1024;
const DBL_MANT_DIG = 53;
/** hex digits after the point in float.hex()'s output: (DBL_MANT_DIG - 1) / 4, rounded up */
const TOHEX_DIGITS = 13;
/** an exponent beyond which the value is 0 or an overflow whatever the digits (CPython's
 * LONG_MAX / 2 clamp, smaller so that it stays a machine int in both modes) */
const EXP_CLAMP = 1000000000000;

defMethod(floatType, 'hex', B.FLOAT_HEX, FAM_FLOATHEX);
const FROMHEX = mkBuiltin('fromhex', B.FLOAT_FROMHEX, false, FAM_FLOATHEX);
// its __qualname__ and docstring name it float.fromhex
FROMHEX.owner = floatType;
floatType.dict.set('fromhex', new PyClassMethod(classmethodType, FROMHEX));

const HEX = '0123456789abcdef';

/** x * 2**e, exact whenever the result is representable (scaled in steps, so that 2**e itself
 * never over- or underflows). */
function ldexp(x: float, e: int): float {
  let r = x;
  let k = e;
  while (k > 1000) {
    r = r * Math.pow(2.0, 1000.0);
    k -= 1000;
  }
  while (k < -1000) {
    r = r * Math.pow(2.0, -1000.0);
    k += 1000;
  }
  return r * Math.pow(2.0, toFloat(k));
}

/** float.hex(x): '0x1.8000000000000p+1' for 3.0; 'inf', '-inf', 'nan' as repr writes them. */
export function floatHex(x: float): string {
  if (Number.isNaN(x) || x === Infinity || x === -Infinity) return floatRepr(x);
  if (x === 0.0) return 1.0 / x < 0.0 ? '-0x0.0p+0' : '0x0.0p+0';
  // m * 2**e with 0.5 <= m < 1 (frexp), by halving or doubling: both exact
  let m = Math.abs(x);
  let e = 0;
  while (m >= 1.0) {
    m = m / 2.0;
    e++;
  }
  while (m < 0.5) {
    m = m * 2.0;
    e--;
  }
  // one digit before the point, or 0 for a subnormal
  const shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
  m = ldexp(m, shift);
  e -= shift;
  const lead = toInt(m);
  const parts: string[] = [x < 0.0 ? '-0x' : '0x', HEX[lead], '.'];
  m -= toFloat(lead);
  for (let i = 0; i < TOHEX_DIGITS; i++) {
    m *= 16.0;
    const d = toInt(m);
    parts.push(HEX[d]);
    m -= toFloat(d);
  }
  parts.push(e < 0 ? 'p-' : 'p+');
  parts.push(String(e < 0 ? -e : e));
  return parts.join('');
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\x0b' || c === '\x0c';
}
function hexValue(c: string): int {
  const i = HEX.indexOf(c.toLowerCase());
  return c.length === 1 && i >= 0 ? i : -1;
}
function parseError(): PyExc {
  return raise(ValueError, 'invalid hexadecimal floating-point string');
}
function overflowError(): PyExc {
  return raise(OverflowErrorT, 'hexadecimal value too large to represent as a float');
}
/** s[i:] starts with word, ignoring case */
function startsWithNoCase(s: string, i: int, word: string): boolean {
  return s.slice(i, i + word.length).toLowerCase() === word;
}

/** float.fromhex(s): [sign] ['0x'] digits ['.' digits] ['p' [sign] decimal], or inf, infinity
 * or nan, with whitespace around. */
export function floatFromHex(s: string): float {
  const n = s.length;
  let i = 0;
  while (i < n && isSpace(s[i])) i++;
  let negate = false;
  if (i < n && (s[i] === '-' || s[i] === '+')) {
    negate = s[i] === '-';
    i++;
  }
  let x = 0.0;
  let special = false;
  if (startsWithNoCase(s, i, 'infinity')) {
    i += 8;
    x = Infinity;
    special = true;
  } else if (startsWithNoCase(s, i, 'inf')) {
    i += 3;
    x = Infinity;
    special = true;
  } else if (startsWithNoCase(s, i, 'nan')) {
    i += 3;
    x = NaN;
    special = true;
  }
  if (!special) x = parseHexBody(s, i);
  if (!special) i = HEX_END.at;
  while (i < n && isSpace(s[i])) i++;
  if (i !== n) throw parseError();
  return negate ? -x : x;
}

/** Where parseHexBody stopped (the index after the exponent). */
class HexEnd {
  at: int = 0;
}
const HEX_END = new HexEnd();

/** The value of the unsigned hexadecimal number at s[start:], correctly rounded; sets HEX_END. */
function parseHexBody(s: string, start: int): float {
  const n = s.length;
  let i = start;
  if (i + 1 < n && s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X')) i += 2;
  // the digits, most significant first, without the point
  const digits: int[] = [];
  let fdigits = 0;
  while (i < n && hexValue(s[i]) >= 0) digits.push(hexValue(s[i++]));
  if (i < n && s[i] === '.') {
    i++;
    while (i < n && hexValue(s[i]) >= 0) {
      digits.push(hexValue(s[i++]));
      fdigits++;
    }
  }
  if (digits.length === 0) throw parseError();
  let exp = 0;
  if (i < n && (s[i] === 'p' || s[i] === 'P')) {
    i++;
    let neg = false;
    if (i < n && (s[i] === '-' || s[i] === '+')) {
      neg = s[i] === '-';
      i++;
    }
    if (i >= n || s[i] < '0' || s[i] > '9') throw parseError();
    while (i < n && s[i] >= '0' && s[i] <= '9') {
      if (exp < EXP_CLAMP) exp = exp * 10 + (s.charCodeAt(i) - 48);
      i++;
    }
    if (neg) exp = -exp;
  }
  HEX_END.at = i;
  // dig[j]: the j-th digit from the least significant (CPython's HEX_DIGIT(j))
  const dig: int[] = [];
  for (let j = digits.length - 1; j >= 0; j--) dig.push(digits[j]);
  // leading zeros carry nothing
  let nd = dig.length;
  while (nd > 0 && dig[nd - 1] === 0) nd--;
  if (nd === 0 || exp <= -EXP_CLAMP) return 0.0;
  if (exp >= EXP_CLAMP) throw overflowError();
  exp -= 4 * fdigits;
  // one more than the exponent of the most significant bit
  let topExp = exp + 4 * (nd - 1);
  for (let d = dig[nd - 1]; d !== 0; d = d >> 1) topExp++;
  if (topExp < DBL_MIN_EXP - DBL_MANT_DIG) return 0.0;
  if (topExp > DBL_MAX_EXP) throw overflowError();
  // the exponent of the least significant bit the rounded value keeps
  const lsb = (topExp > DBL_MIN_EXP ? topExp : DBL_MIN_EXP) - DBL_MANT_DIG;
  let x = 0.0;
  if (exp >= lsb) {
    for (let j = nd - 1; j >= 0; j--) x = 16.0 * x + toFloat(dig[j]);
    return ldexp(x, exp);
  }
  // round half to even at bit lsb: keyDigit holds the first bit rounded away
  const halfEps = 1 << ((lsb - exp - 1) % 4);
  const keyDigit = ((lsb - exp - 1) / 4) | 0;
  for (let j = nd - 1; j > keyDigit; j--) x = 16.0 * x + toFloat(dig[j]);
  const kd = dig[keyDigit];
  x = 16.0 * x + toFloat(kd & (16 - 2 * halfEps));
  if ((kd & halfEps) !== 0) {
    let up = (kd & (3 * halfEps - 1)) !== 0 || (halfEps === 8 && keyDigit + 1 < nd && (dig[keyDigit + 1] & 1) !== 0);
    for (let j = keyDigit - 1; j >= 0 && !up; j--) if (dig[j] !== 0) up = true;
    if (up) {
      x += toFloat(2 * halfEps);
      // the one overflow the exponent check above cannot see: rounding up to 2**DBL_MAX_EXP
      if (topExp === DBL_MAX_EXP && x === ldexp(toFloat(2 * halfEps), DBL_MANT_DIG)) throw overflowError();
    }
  }
  return ldexp(x, exp + 4 * keyDigit);
}

export function callFloatHex(id: int, args: PyObject[]): PyObject {
  switch (id) {
    case B.FLOAT_HEX: {
      if (args.length !== 1) throw raise(TypeError, `float.hex() takes no arguments (${args.length - 1} given)`);
      const x = args[0];
      if (!(x instanceof PyFloat)) throw raise(TypeError, `descriptor 'hex' for 'float' objects doesn't apply to a '${typeName(x)}' object`);
      return newStr(floatHex(x.v));
    }
    case B.FLOAT_FROMHEX: {
      if (args.length !== 2) throw raise(TypeError, `float.fromhex() takes exactly one argument (${args.length - 1} given)`);
      const cls = args[0];
      const s = args[1];
      if (!(s instanceof PyStr)) throw raise(TypeError, 'bad argument type for built-in operation');
      const r = newFloat(floatFromHex(s.s));
      // a subclass is called with the float, as CPython does
      return cls === floatType || !(cls instanceof PyType) ? r : callObj(cls, [r], null);
    }
  }
  throw unhandledBuiltin('float method', id);
}
