// Integer helpers whose results are the same untranslated (JS numbers) and translated
// (int64_t). Overflow is checked against the JS safe-integer range, ±(2^53 - 1), in both
// modes, so a program never sees a result that only one mode can represent.
import type { int, float } from './types.ts';

export class OverflowError extends Error {}
export class ZeroDivisionError extends Error {}

export const MAX_INT: int = 9007199254740991;
export const MIN_INT: int = -9007199254740991;

function checked(r: int): int {
  if (r > MAX_INT || r < MIN_INT) throw new OverflowError('integer overflow');
  return r;
}

/** a + b, or OverflowError. */
export function addOvf(a: int, b: int): int {
  return checked(a + b);
}
/** a - b, or OverflowError. */
export function subOvf(a: int, b: int): int {
  return checked(a - b);
}
/** a * b, or OverflowError (exact: never loses precision before the check). */
export function mulOvf(a: int, b: int): int {
  const r = a * b;
  if (r > MAX_INT || r < MIN_INT) throw new OverflowError('integer overflow');
  return r;
}
/** Python's a // b (rounds toward negative infinity). */
export function floorDiv(a: int, b: int): int {
  if (b === 0) throw new ZeroDivisionError('integer division or modulo by zero');
  return Math.floor(a / b);
}
/** Python's a % b (the result has the sign of b). */
export function floorMod(a: int, b: int): int {
  if (b === 0) throw new ZeroDivisionError('integer division or modulo by zero');
  const r = a % b;
  return r !== 0 && (r < 0) !== (b < 0) ? r + b : r;
}
/** Truncating int division, like C's a / b. */
export function truncDiv(a: int, b: int): int {
  if (b === 0) throw new ZeroDivisionError('integer division by zero');
  return Math.trunc(a / b);
}
/** int -> float conversion (the only way to mix them). */
export function toFloat(a: int): float {
  return a;
}
/** float -> int, truncating toward zero; NaN, infinities and values beyond ±2^53 are fatal. */
export function toInt(x: float): int {
  const r = Math.trunc(x);
  if (!(r <= MAX_INT && r >= MIN_INT)) throw new OverflowError('cannot convert float to int');
  return r;
}
/** Python's float % float (the result has the sign of b). */
export function floatMod(a: float, b: float): float {
  if (b === 0.0) throw new ZeroDivisionError('float modulo');
  const r = a % b;
  // a zero remainder takes b's sign, as rts_float_mod's copysign(0.0, b)
  if (r === 0.0) return b < 0.0 ? -0.0 : 0.0;
  return (r < 0.0) !== (b < 0.0) ? r + b : r;
}
/** Python's repr(float): shortest round-trip digits, Python's exponent rules. */
export function floatRepr(x: float): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0.0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mant, expPart] = x.toExponential().split('e');
  const exp = Number(expPart);
  const neg = mant.startsWith('-');
  const digits = mant.replace('-', '').replace('.', '');
  let out: string;
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    out = m + 'e' + (exp < 0 ? '-' : '+') + String(Math.abs(exp)).padStart(2, '0');
  } else if (exp < 0) {
    out = '0.' + '0'.repeat(-exp - 1) + digits;
  } else if (digits.length <= exp + 1) {
    out = digits + '0'.repeat(exp + 1 - digits.length) + '.0';
  } else {
    out = digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
  }
  return neg ? '-' + out : out;
}
/** Parses a float like strtod on the whole (trimmed) ASCII string; NaN when invalid. */
export function parseFloatStrict(s: string): float {
  const t = s.trim();
  if (t.length === 0 || !/^[+-]?(\d+\.?\d*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?|inf|infinity|nan)$/i.test(t)) return NaN;
  const l = t.toLowerCase().replace(/^\+/, '');
  if (l === 'inf' || l === 'infinity') return Infinity;
  if (l === '-inf' || l === '-infinity') return -Infinity;
  if (l === 'nan') return NaN;
  // strtod keeps the sign of a NaN (float('-nan') has its sign bit set, as in CPython)
  if (l === '-nan') return -NaN;
  return Number(t);
}
