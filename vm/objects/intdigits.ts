// The limit on decimal digits in int <-> str conversions (CPython 3.11's CVE-2020-10735 guard,
// sys.set_int_max_str_digits): converting a decimal string of more digits to an int, or an int
// of more digits to decimal, is quadratic, so both raise ValueError past the limit before doing
// the work. Bases that are powers of two convert in linear time and have no limit.
import type { int } from '../../translate/rlib/index.ts';
import { toInt, toFloat } from '../../translate/rlib/index.ts';
import { PyObject, PyExc, newInt, raise, None, ValueError, TypeError } from './core.ts';
import { BigNum, bigBitLength } from './bigint.ts';
import { B } from '../builtins/ids.ts';
import { toIntIndex } from '../interpreter/runtime.ts';
import { unhandledBuiltin } from '../builtins/args.ts';

/** CPython's _PY_LONG_DEFAULT_MAX_STR_DIGITS and _PY_LONG_MAX_STR_DIGITS_THRESHOLD */
export const DEFAULT_MAX_STR_DIGITS = 4300;
export const MAX_STR_DIGITS_THRESHOLD = 640;

class IntDigitLimit {
  /** 0: no limit */
  max: int = DEFAULT_MAX_STR_DIGITS;
}
export const INT_DIGITS = new IntDigitLimit();

/** log10(2), to bound a number's decimal digits from its bit length */
const LOG10_2 = 0.30102999566398114;

/** int(s, base) of a string with ndigits digits (sign, whitespace and underscores not counted). */
export function checkStrToIntDigits(ndigits: int, base: int): void {
  if ((base & (base - 1)) === 0) return;
  const max = INT_DIGITS.max;
  if (ndigits > MAX_STR_DIGITS_THRESHOLD && max > 0 && ndigits > max) {
    throw raise(ValueError, `Exceeds the limit (${max} digits) for integer string conversion: value has ${ndigits} digits; use sys.set_int_max_str_digits() to increase the limit`);
  }
}

function intToStrError(max: int): PyExc {
  return raise(ValueError, `Exceeds the limit (${max} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`);
}
/** Before a big number b is written in decimal: refused at once when even its fewest possible
 * digits exceed the limit (so the refusal costs nothing). */
export function checkIntToStrBits(b: BigNum): void {
  const max = INT_DIGITS.max;
  if (max <= 0) return;
  const bits = bigBitLength(b);
  // |b| >= 2**(bits-1) >= 10**floor((bits-1)*log10(2)), so it has at least this many digits
  const atLeast = toInt(Math.floor(toFloat(bits - 1) * LOG10_2)) + 1;
  if (atLeast > max) throw intToStrError(max);
}
/** After: the exact count of digits s (a decimal, maybe signed) has. */
export function checkIntToStrDigits(s: string): void {
  const max = INT_DIGITS.max;
  if (max <= 0) return;
  const n = s.length > 0 && s[0] === '-' ? s.length - 1 : s.length;
  if (n > max) throw intToStrError(max);
}

/** sys.get_int_max_str_digits(), sys.set_int_max_str_digits(maxdigits) */
export function callIntDigits(id: int, args: PyObject[], kw: string[] | null): PyObject {
  switch (id) {
    case B.SYS_GET_INT_MAX_STR_DIGITS:
      if (args.length > 0) throw raise(TypeError, `sys.get_int_max_str_digits() takes no arguments (${args.length} given)`);
      return newInt(INT_DIGITS.max);
    case B.SYS_SET_INT_MAX_STR_DIGITS: {
      const named = kw === null ? 0 : kw.length;
      if (args.length !== 1 || (named === 1 && (kw as string[])[0] !== 'maxdigits')) {
        throw raise(TypeError, "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)");
      }
      const n = toIntIndex(args[0]);
      if (n !== 0 && n < MAX_STR_DIGITS_THRESHOLD) throw raise(ValueError, `maxdigits must be 0 or larger than ${MAX_STR_DIGITS_THRESHOLD}`);
      INT_DIGITS.max = n;
      return None;
    }
  }
  throw unhandledBuiltin('sys function', id);
}
