// Products of base-2^24 magnitudes (little-endian digit arrays), the kernel under bigint.ts's
// multiplication, powers and conversions. Everything works in place on digit ranges (array,
// offset, length), like GMP's mpn layer: Karatsuba writes its outer products straight into the
// result and keeps its middle product in one scratch array, so a product of n digits allocates
// two arrays, not thousands of temporaries.
//
// Written for the translated VM (ints are int64): the base is a constant power of two, so
// floorDiv and floorMod by BASE are a shift and a mask, and carries are taken without branches
// (a carry branch is mispredicted half the time). Untranslated, ints are doubles: every
// intermediate value stays below 2^53, which is why products are summed at most 31 at a time.
import type { int } from '../../translate/rlib/index.ts';
import { floorDiv, floorMod } from '../../translate/rlib/index.ts';

export const BASE: int = 16777216;
export const BITS: int = 24;
export const MASK: int = 16777215;

/** Below this many digits in the shorter operand the schoolbook product beats Karatsuba's
 * (measured translated, on bench/python/bigint_mul.py: 32 to 64
 * are within noise). */
const KARATSUBA_MIN: int = 48;
/** The same for squares, whose schoolbook product needs about half the digit products. */
const KARATSUBA_SQR_MIN: int = 128;
/** How many digit products a column sums before its carry is taken: 31 * (2^24-1)^2 plus a carry
 * below 2^48 stays below 2^53. */
const COLUMN_RUN: int = 31;
/** The same for a square's column, whose sum of products is doubled: 2 * 15 * (2^24-1)^2 plus
 * the middle square and the carry stays below 2^53. */
const SQR_RUN: int = 15;

/** a * b, a new array of exactly a.length + b.length digits (the top ones may be zero). */
export function mulDigits(a: int[], b: int[]): int[] {
  const r = zeros(a.length + b.length);
  const scratch: int[] = [];
  if (a === b) sqrInto(r, 0, a, 0, a.length, scratch, 0);
  else mulInto(r, 0, a, 0, a.length, b, 0, b.length, scratch, 0);
  return r;
}

function zeros(n: int): int[] {
  const r: int[] = [];
  for (let i = 0; i < n; i++) r.push(0);
  return r;
}
/** Makes s at least n digits long (scratch grows on demand, so no caller computes a bound). */
function reserve(s: int[], n: int): void {
  while (s.length < n) s.push(0);
}

/** r[ro .. ro+an+bn) = a[ao .. ao+an) * b[bo .. bo+bn); scratch from s[so] on. */
function mulInto(r: int[], ro: int, a: int[], ao: int, an: int, b: int[], bo: int, bn: int, s: int[], so: int): void {
  if (an < bn) {
    mulInto(r, ro, b, bo, bn, a, ao, an, s, so);
    return;
  }
  if (bn <= KARATSUBA_MIN) {
    if (bn === 0) for (let i = 0; i < an; i++) r[ro + i] = 0;
    else mulSchool(r, ro, a, ao, an, b, bo, bn);
    return;
  }
  if (an >= 2 * bn) {
    mulLopsided(r, ro, a, ao, an, b, bo, bn, s, so);
    return;
  }
  // a = a1*B^m + a0, b = b1*B^m + b0 (b1 is not empty: bn > an/2 >= m)
  const m = floorDiv(an, 2);
  const a1n = an - m;
  const b1n = bn - m;
  mulInto(r, ro, a, ao, m, b, bo, m, s, so); // a0*b0
  mulInto(r, ro + 2 * m, a, ao + m, a1n, b, bo + m, b1n, s, so); // a1*b1
  // (a0+a1)*(b0+b1) - a0*b0 - a1*b1 = a0*b1 + a1*b0, added at B^m
  const tn = a1n + 1;
  const un = (b1n > m ? b1n : m) + 1;
  const t = so;
  const u = t + tn;
  const z = u + un;
  const zn = tn + un;
  reserve(s, z + zn);
  sumInto(s, t, a, ao + m, a1n, a, ao, m);
  if (b1n >= m) sumInto(s, u, b, bo + m, b1n, b, bo, m);
  else sumInto(s, u, b, bo, m, b, bo + m, b1n);
  mulInto(s, z, s, t, tn, s, u, un, s, z + zn);
  subFrom(s, z, zn, r, ro, 2 * m);
  subFrom(s, z, zn, r, ro + 2 * m, an + bn - 2 * m);
  addTo(r, ro + m, an + bn - m, s, z, zn);
}

/** x * x for r[ro .. ro+2n) = a[ao .. ao+n)^2: Karatsuba's three products are squares too. */
function sqrInto(r: int[], ro: int, a: int[], ao: int, n: int, s: int[], so: int): void {
  if (n <= KARATSUBA_SQR_MIN) {
    if (n > 0) sqrSchool(r, ro, a, ao, n);
    return;
  }
  const m = floorDiv(n, 2);
  const a1n = n - m;
  sqrInto(r, ro, a, ao, m, s, so);
  sqrInto(r, ro + 2 * m, a, ao + m, a1n, s, so);
  // (a0+a1)^2 - a0^2 - a1^2 = 2*a0*a1, added at B^m
  const tn = a1n + 1;
  const t = so;
  const z = t + tn;
  const zn = 2 * tn;
  reserve(s, z + zn);
  sumInto(s, t, a, ao + m, a1n, a, ao, m);
  sqrInto(s, z, s, t, tn, s, z + zn);
  subFrom(s, z, zn, r, ro, 2 * m);
  subFrom(s, z, zn, r, ro + 2 * m, 2 * n - 2 * m);
  addTo(r, ro + m, 2 * n - m, s, z, zn);
}

/** an >= 2*bn: b times each bn-digit slice of a (CPython's k_lopsided_mul), so that each
 * product is balanced enough for Karatsuba to pay. */
function mulLopsided(r: int[], ro: int, a: int[], ao: int, an: int, b: int[], bo: int, bn: int, s: int[], so: int): void {
  for (let i = 0; i < an + bn; i++) r[ro + i] = 0;
  const p = so;
  reserve(s, p + 2 * bn);
  for (let off = 0; off < an; off += bn) {
    const n = an - off < bn ? an - off : bn;
    mulInto(s, p, a, ao + off, n, b, bo, bn, s, p + n + bn);
    addTo(r, ro + off, an + bn - off, s, p, n + bn);
  }
}

/** r[ro .. ro+an+bn) = a * b, column by column: each column's products are summed COLUMN_RUN at
 * a time and only then split into digit and carry, so most products cost a multiply and an add. */
function mulSchool(r: int[], ro: int, a: int[], ao: int, an: int, b: int[], bo: int, bn: int): void {
  let carry = 0;
  const last = an + bn - 1;
  for (let k = 0; k < last; k++) {
    let s = carry;
    let high = 0;
    // a[i] * b[k-i] for i from lo to hi
    let i = ao + (k - bn + 1 > 0 ? k - bn + 1 : 0);
    const iEnd = ao + (k < an - 1 ? k : an - 1) + 1;
    let j = bo + k - (i - ao);
    for (;;) {
      const stop = iEnd - i > COLUMN_RUN ? i + COLUMN_RUN : iEnd;
      for (; i < stop; i++) {
        s += a[i] * b[j];
        j--;
      }
      if (i === iEnd) break;
      high += floorDiv(s, BASE);
      s = floorMod(s, BASE);
    }
    r[ro + k] = floorMod(s, BASE);
    carry = high + floorDiv(s, BASE);
  }
  r[ro + last] = carry;
}

/** r[ro .. ro+2n) = a^2, by columns as mulSchool, but each product a[i]*a[j] with i < j once,
 * doubled, plus the squares a[i]^2: about half the digit products. */
function sqrSchool(r: int[], ro: int, a: int[], ao: int, n: int): void {
  let carry = 0;
  const last = 2 * n - 1;
  for (let k = 0; k < last; k++) {
    let s = 0;
    let high = 0;
    // a[i] * a[k-i] for lo <= i < k-i
    let i = ao + (k - n + 1 > 0 ? k - n + 1 : 0);
    const iEnd = ao + floorDiv(k + 1, 2);
    let j = ao + k - (i - ao);
    for (;;) {
      const stop = iEnd - i > SQR_RUN ? i + SQR_RUN : iEnd;
      for (; i < stop; i++) {
        s += a[i] * a[j];
        j--;
      }
      if (i >= iEnd) break;
      high += floorDiv(s, BASE);
      s = floorMod(s, BASE);
    }
    s = 2 * s + carry;
    if (floorMod(k, 2) === 0) {
      const d = a[ao + floorDiv(k, 2)];
      s += d * d;
    }
    r[ro + k] = floorMod(s, BASE);
    carry = 2 * high + floorDiv(s, BASE);
  }
  r[ro + last] = carry;
}

/** s[so .. so+xn+1) = x[xo .. xo+xn) + y[yo .. yo+yn), for xn >= yn. */
function sumInto(s: int[], so: int, x: int[], xo: int, xn: int, y: int[], yo: int, yn: int): void {
  let c = 0;
  for (let i = 0; i < yn; i++) {
    const t = x[xo + i] + y[yo + i] + c;
    c = floorDiv(t, BASE);
    s[so + i] = floorMod(t, BASE);
  }
  for (let i = yn; i < xn; i++) {
    const t = x[xo + i] + c;
    c = floorDiv(t, BASE);
    s[so + i] = floorMod(t, BASE);
  }
  s[so + xn] = c;
}

/** z[zo .. zo+zn) -= x[xo .. xo+xn); the difference is not negative, and x's digits past zn are
 * zero (a product may carry zero top digits beyond the range it is subtracted from). */
function subFrom(z: int[], zo: int, zn: int, x: int[], xo: int, xn: int): void {
  const n = xn < zn ? xn : zn;
  let c = 0;
  let i = 0;
  for (; i < n; i++) {
    const t = z[zo + i] - x[xo + i] + c;
    c = floorDiv(t, BASE); // 0 or -1
    z[zo + i] = floorMod(t, BASE);
  }
  for (; c !== 0 && i < zn; i++) {
    const t = z[zo + i] + c;
    c = floorDiv(t, BASE);
    z[zo + i] = floorMod(t, BASE);
  }
}

/** r[ro .. ro+rn) += x[xo .. xo+xn); the sum fits in rn digits, so x's digits past rn are zero. */
function addTo(r: int[], ro: int, rn: int, x: int[], xo: int, xn: int): void {
  const n = xn < rn ? xn : rn;
  let c = 0;
  let i = 0;
  for (; i < n; i++) {
    const t = r[ro + i] + x[xo + i] + c;
    c = floorDiv(t, BASE);
    r[ro + i] = floorMod(t, BASE);
  }
  for (; c !== 0 && i < rn; i++) {
    const t = r[ro + i] + c;
    c = floorDiv(t, BASE);
    r[ro + i] = floorMod(t, BASE);
  }
}

/** a + b, a new trimmed array. */
export function addDigits(a: int[], b: int[]): int[] {
  const x = a.length >= b.length ? a : b;
  const y = a.length >= b.length ? b : a;
  const r: int[] = [];
  let c = 0;
  for (let i = 0; i < y.length; i++) {
    const t = x[i] + y[i] + c;
    c = floorDiv(t, BASE);
    r.push(floorMod(t, BASE));
  }
  for (let i = y.length; i < x.length; i++) {
    const t = x[i] + c;
    c = floorDiv(t, BASE);
    r.push(floorMod(t, BASE));
  }
  if (c > 0) r.push(c);
  return r;
}
/** a - b for a >= b, a new trimmed array. */
export function subDigits(a: int[], b: int[]): int[] {
  const r: int[] = [];
  let c = 0;
  for (let i = 0; i < b.length; i++) {
    const t = a[i] - b[i] + c;
    c = floorDiv(t, BASE); // 0 or -1
    r.push(floorMod(t, BASE));
  }
  for (let i = b.length; i < a.length; i++) {
    const t = a[i] + c;
    c = floorDiv(t, BASE);
    r.push(floorMod(t, BASE));
  }
  while (r.length > 0 && r[r.length - 1] === 0) r.pop();
  return r;
}
/** -1, 0 or 1 as a < b, a = b, a > b, for trimmed magnitudes. */
export function cmpDigits(a: int[], b: int[]): int {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  for (let i = a.length - 1; i >= 0; i--) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}
