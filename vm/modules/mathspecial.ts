// The special functions of the math module that JavaScript's Math lacks (erf, erfc, gamma,
// lgamma, the inverse hyperbolics), the exact float sum, and the float stepping behind
// nextafter/ulp. Written over the operations both untranslated JS and translated C have, so the
// two modes give the same bits.
import type { float, int } from '../../translate/rlib/index.ts';
import { toFloat, toInt } from '../../translate/rlib/index.ts';

const LN2 = 0.6931471805599453;
const SQRTPI = 1.7724538509055159;
const TWO_OVER_SQRTPI = 1.1283791670955126;
const LOG_SQRT_2PI = 0.9189385332046728;
const SQRT_2PI = 2.5066282746310002;
const DBL_MAX = 1.7976931348623157e308;
const MIN_NORMAL = 2.2250738585072014e-308;
const MIN_SUBNORMAL = 5e-324;

export function isFinite(x: float): boolean {
  return !Number.isNaN(x) && x !== Infinity && x !== -Infinity;
}
export function isInf(x: float): boolean {
  return x === Infinity || x === -Infinity;
}
/** 2**e for any int e in the double range (a product of exact powers, so subnormals are exact). */
export function pow2(e: int): float {
  let r = 1.0;
  let k = e;
  while (k > 1000) {
    r *= Math.pow(2.0, 1000.0);
    k -= 1000;
  }
  while (k < -1000) {
    r *= Math.pow(2.0, -1000.0);
    k += 1000;
  }
  return r * Math.pow(2.0, toFloat(k));
}
/** The exponent e of a finite nonzero x with |x| in [2**(e-1), 2**e) (frexp's exponent). */
export function frexpExp(x: float): int {
  const a = Math.abs(x);
  let e: int = toInt(Math.trunc(Math.log2(a))) + 1;
  // log2 may round across a power of two: settle e exactly by comparing with powers of two.
  while (a >= pow2(e)) e++;
  while (a < pow2(e - 1)) e--;
  return e;
}
/** The value of the last bit of a finite positive x. */
function ulpPos(a: float): float {
  const e = frexpExp(a) - 53;
  return e < -1074 ? MIN_SUBNORMAL : pow2(e);
}
export function ulp(x: float): float {
  if (Number.isNaN(x)) return x;
  const a = Math.abs(x);
  if (a === Infinity) return a;
  if (a === 0.0) return MIN_SUBNORMAL;
  if (a === DBL_MAX) return pow2(971);
  return ulpPos(a);
}
export function nextafter(x: float, y: float): float {
  if (Number.isNaN(x)) return x;
  if (Number.isNaN(y)) return y;
  if (x === y) return y;
  if (x === 0.0) return y > 0.0 ? MIN_SUBNORMAL : -MIN_SUBNORMAL;
  const a = Math.abs(x);
  const sign = x < 0.0 ? -1.0 : 1.0;
  if (a === Infinity) return sign * DBL_MAX;
  const away = (y > x) === (x > 0.0);
  if (away) return sign * (a + ulpPos(a));
  // Below a power of two the spacing halves (but not below the normal range).
  let step = ulpPos(a);
  if (a > MIN_NORMAL && a === pow2(frexpExp(a) - 1)) step = step / 2.0;
  return sign * (a - step);
}

export function asinh(x: float): float {
  if (!isFinite(x)) return x;
  const a = Math.abs(x);
  let r: float;
  if (a < 3.725290298461914e-9) return x;
  if (a > 268435456.0) r = Math.log(a) + LN2;
  else if (a > 2.0) r = Math.log(2.0 * a + 1.0 / (Math.sqrt(x * x + 1.0) + a));
  else {
    const t = x * x;
    r = Math.log1p(a + t / (1.0 + Math.sqrt(1.0 + t)));
  }
  return x < 0.0 ? -r : r;
}
/** acosh for x >= 1 (the caller raises for the domain). */
export function acosh(x: float): float {
  if (x === Infinity || Number.isNaN(x)) return x;
  if (x >= 268435456.0) return Math.log(x) + LN2;
  if (x > 2.0) return Math.log(2.0 * x - 1.0 / (x + Math.sqrt(x * x - 1.0)));
  const t = x - 1.0;
  return Math.log1p(t + Math.sqrt(2.0 * t + t * t));
}
/** atanh for |x| < 1. */
export function atanh(x: float): float {
  const a = Math.abs(x);
  if (Number.isNaN(x) || a < 3.725290298461914e-9) return x;
  let r: float;
  if (a < 0.5) {
    const t = a + a;
    r = 0.5 * Math.log1p(t + t * a / (1.0 - a));
  } else r = 0.5 * Math.log1p((a + a) / (1.0 - a));
  return x < 0.0 ? -r : r;
}

// erf by its power series near 0, erfc by its continued fraction further out (each where it
// converges fast); each gives the other as 1 - it where that loses no accuracy.
/** e**(-x*x) without the error of rounding x*x first (which exp would multiply by x*x): x is
 * split into a high half whose square is exact and the rest. */
function expMinusSquare(x: float): float {
  const c = 134217729.0 * x;
  const hi = c - (c - x);
  const lo = x - hi;
  return Math.exp(-hi * hi) * Math.exp(-(2.0 * hi + lo) * lo);
}
function erfSeries(x: float): float {
  const x2 = x * x;
  let term = 1.0;
  let sum = 1.0;
  for (let n = 1; n < 200; n++) {
    term = term * (2.0 * x2) / toFloat(2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return TWO_OVER_SQRTPI * x * expMinusSquare(x) * sum;
}
/** erfc(x) for x >= 0.9 (where 120 terms converge to the last bit) by Legendre's continued fraction, evaluated from its tail. */
function erfcContFrac(x: float): float {
  if (x >= 30.0) return 0.0;
  const x2 = x * x;
  let d = 0.0;
  for (let n = 120; n >= 1; n--) {
    const an = toFloat(n) * (toFloat(n) - 0.5);
    d = an / (x2 + 2.0 * toFloat(n) + 0.5 - d);
  }
  return x * expMinusSquare(x) / SQRTPI / (x2 + 0.5 - d);
}
export function erf(x: float): float {
  if (Number.isNaN(x)) return x;
  const a = Math.abs(x);
  if (a < 0.9) return erfSeries(x);
  const r = 1.0 - erfcContFrac(a);
  return x < 0.0 ? -r : r;
}
export function erfc(x: float): float {
  if (Number.isNaN(x)) return x;
  const a = Math.abs(x);
  if (a < 0.9) return 1.0 - erfSeries(x);
  const c = erfcContFrac(a);
  return x < 0.0 ? 2.0 - c : c;
}

/** sin(pi*x), exact at the integers and half-integers. */
function sinpi(x: float): float {
  const y = Math.abs(x) % 2.0;
  const n = Math.round(2.0 * y);
  let r: float;
  if (n === 0.0) r = Math.sin(Math.PI * y);
  else if (n === 1.0) r = Math.cos(Math.PI * (y - 0.5));
  else if (n === 2.0) r = Math.sin(Math.PI * (1.0 - y));
  else if (n === 3.0) r = -Math.cos(Math.PI * (y - 1.5));
  else r = Math.sin(Math.PI * (y - 2.0));
  return x < 0.0 ? -r : r;
}
// Stirling's series for log gamma, whose terms B(2k) / (2k (2k-1) x**(2k-1)) fall below 1e-17
// of the result for x >= STIRLING_MIN; smaller x are moved up there by gamma(x+1) = x gamma(x).
const STIRLING_MIN = 12.0;
const STIRLING: float[] = [1.0 / 12.0, -1.0 / 360.0, 1.0 / 1260.0, -1.0 / 1680.0, 1.0 / 1188.0,
  -691.0 / 360360.0, 1.0 / 156.0, -3617.0 / 122400.0];
/** lgamma(x) - ((x - 0.5) log x - x + log sqrt(2 pi)) for x >= STIRLING_MIN. */
function stirlingCorrection(x: float): float {
  const r = 1.0 / (x * x);
  let s = 0.0;
  for (let k = STIRLING.length - 1; k >= 0; k--) s = s * r + STIRLING[k];
  return s / x;
}
/** gamma for x that is not a nonpositive integer. */
export function gamma(x: float): float {
  if (Number.isNaN(x) || x === Infinity) return x;
  if (x === Math.floor(x) && x > 0.0 && x <= 23.0) {
    // the factorials exactly (each product is exact up to 22!, 23! rounds once)
    let r = 1.0;
    for (let i = 2.0; i < x; i += 1.0) r *= i;
    return r;
  }
  if (Math.abs(x) < 1e-20) return 1.0 / x;
  if (x < 0.5) {
    // reflection: gamma(x) gamma(1-x) = pi / sin(pi x)
    // (gamma(1-x) may overflow where the result is still a float: divide it in stages)
    let y = 1.0 - x;
    let r = Math.PI / sinpi(x);
    while (y > 171.0) {
      y -= 1.0;
      r = r / y;
    }
    return r / gamma(y);
  }
  if (x > 171.7) return Infinity;
  let y = x;
  let div = 1.0;
  while (y < STIRLING_MIN) {
    div *= y;
    y += 1.0;
  }
  // y**(y-0.5) * e**-y in two halves so the power does not overflow before the exponential
  const h = Math.pow(y, (y - 0.5) / 2.0);
  const r = SQRT_2PI * h * Math.exp(-y) * h * Math.exp(stirlingCorrection(y));
  return r / div;
}
/** log|gamma(x)| for x that is not a nonpositive integer. */
export function lgamma(x: float): float {
  if (Number.isNaN(x)) return x;
  if (isInf(x)) return Infinity;
  if (x === 1.0 || x === 2.0) return 0.0;
  if (Math.abs(x) < 1e-300) return -Math.log(Math.abs(x));
  if (x < 0.5) return Math.log(Math.PI / Math.abs(sinpi(x))) - lgamma(1.0 - x);
  if (x < STIRLING_MIN) return Math.log(Math.abs(gamma(x)));
  return (x - 0.5) * (Math.log(x) - 1.0) - 0.5 + LOG_SQRT_2PI + stirlingCorrection(x);
}

export const FSUM_OK = 0;
export const FSUM_OVERFLOW = 1;
export const FSUM_INF_MINUS_INF = 2;
/** The correctly rounded sum of xs (Shewchuk's exact partials, rounded half-even at the end).
 * err[0] is set to FSUM_OVERFLOW for an intermediate overflow, FSUM_INF_MINUS_INF for inf - inf. */
export function fsum(xs: float[], err: int[]): float {
  err[0] = FSUM_OK;
  const partials: float[] = [];
  let special = 0.0;
  let infSum = 0.0;
  for (let k = 0; k < xs.length; k++) {
    let x = xs[k];
    const xsave = x;
    let i = 0;
    for (let j = 0; j < partials.length; j++) {
      let y = partials[j];
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0.0) partials[i++] = lo;
      x = hi;
    }
    while (partials.length > i) partials.pop();
    if (x !== 0.0) {
      if (!isFinite(x)) {
        // a non-finite input goes to the special sum; a finite one overflowing is an error
        if (isFinite(xsave)) {
          err[0] = FSUM_OVERFLOW;
          return 0.0;
        }
        if (isInf(xsave)) infSum += xsave;
        special += xsave;
        while (partials.length > 0) partials.pop();
        continue;
      }
      partials.push(x);
    }
  }
  if (special !== 0.0) {
    if (Number.isNaN(infSum)) {
      err[0] = FSUM_INF_MINUS_INF;
      return 0.0;
    }
    return special;
  }
  let n = partials.length;
  let hi = 0.0;
  if (n > 0) {
    hi = partials[--n];
    let lo = 0.0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n];
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0.0) break;
    }
    // the rest below lo decides a tie: round away from hi when it pushes the same way as lo
    if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
      const y = lo * 2.0;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
  }
  return hi;
}
