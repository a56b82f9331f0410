// Arbitrary-precision integers in plain RTS: sign and magnitude, little-endian digits in
// base 2^24. Binary digits make the bitwise operators, shifts and conversion to float direct
// (Python programs mask and shift big products all the time, e.g. hash and LCG arithmetic);
// products of two digits plus carries stay below 2^53, and the digits fit JS's 32-bit
// bitwise operators. Products of long numbers use Karatsuba's method, and decimal conversion
// both ways splits the number in halves (divide and conquer over powers of 2^24 or 10^7 that are
// squared, not recomputed), so 10**10**6 and its str() cost O(n^1.6 log n), not O(n^2). The same
// multiplication works on base-10^7 digits, which str() builds its result in.
import type { int, float } from '../../translate/rlib/index.ts';
import { floorDiv, toFloat, toInt } from '../../translate/rlib/index.ts';
import { BASE, BITS, MASK, addDigits, cmpDigits, subDigits } from './bigmul.ts';
import { mulLong } from './bigtoom.ts';

export { BASE };
const DEC: int = 10000000;

export class BigNum {
  sign: int; // -1, 0, 1
  d: int[]; // magnitude digits, little-endian, no leading zeros
  constructor(sign: int, d: int[]) {
    this.sign = sign;
    this.d = d;
  }
}

function trim(d: int[]): int[] {
  while (d.length > 0 && d[d.length - 1] === 0) d.pop();
  return d;
}
function mk(sign: int, d: int[]): BigNum {
  trim(d);
  return new BigNum(d.length === 0 ? 0 : sign, d);
}

export function bigFromInt(v: int): BigNum {
  const d: int[] = [];
  let a = v < 0 ? -v : v;
  while (a > 0) {
    const q = floorDiv(a, BASE);
    d.push(a - q * BASE);
    a = q;
  }
  return new BigNum(v < 0 ? -1 : v > 0 ? 1 : 0, d);
}

/** Whether |b| <= 2^53 - 1, the machine-int range. */
export function bigFits(b: BigNum): boolean {
  const n = b.d.length;
  if (n <= 2) return true;
  return n === 3 && b.d[2] < 32;
}
export function bigToInt(b: BigNum): int {
  let v = 0;
  for (let i = b.d.length - 1; i >= 0; i--) v = v * BASE + b.d[i];
  return b.sign < 0 ? -v : v;
}
function bitLen(x: int): int {
  let n = 0;
  let v = x;
  while (v > 0) {
    v = floorDiv(v, 2);
    n++;
  }
  return n;
}
/** Correctly rounded (half to even), as CPython; beyond the float range gives an infinity. */
export function bigToFloat(b: BigNum): float {
  const nbits = bigBitLength(b);
  if (nbits <= 53) {
    const v = toFloat(bigToInt(new BigNum(1, b.d)));
    return b.sign < 0 ? -v : v;
  }
  // the top 53 bits, the next one (guard) and whether anything below that is set (sticky)
  const shift = nbits - 53;
  const top = shiftRightMag(b.d, shift);
  let m = 0;
  for (let i = top.length - 1; i >= 0; i--) m = m * BASE + top[i];
  const g = shift - 1;
  const gw = floorDiv(g, BITS);
  const gp = pow2(g - gw * BITS);
  const guard = floorDiv(b.d[gw], gp) % 2 === 1;
  let sticky = b.d[gw] % gp !== 0;
  for (let i = 0; i < gw && !sticky; i++) if (b.d[i] !== 0) sticky = true;
  if (guard && (sticky || m % 2 === 1)) m++;
  let v = toFloat(m);
  let e = shift;
  while (e > 0 && v !== Infinity) {
    const step = e > 1000 ? 1000 : e;
    v = v * Math.pow(2.0, toFloat(step));
    e -= step;
  }
  return b.sign < 0 ? -v : v;
}
function pow2(n: int): int {
  let p = 1;
  for (let i = 0; i < n; i++) p = p * 2;
  return p;
}
export function bigFromFloat(x: float): BigNum {
  // x is integral and finite: x = m * 2^e exactly, with m < 2^53
  let a = x < 0.0 ? -x : x;
  let e = 0;
  while (a >= 9007199254740992.0) {
    a = a / 2.0;
    e++;
  }
  const m = bigFromInt(toInt(a));
  return mk(m.sign === 0 ? 0 : x < 0.0 ? -1 : 1, shiftLeftMag(m.d, e));
}

function cmpMag(a: int[], b: int[]): int {
  return cmpDigits(a, b);
}
function addMag(a: int[], b: int[]): int[] {
  return addDigits(a, b);
}
/** a + b, digits in base `base` */
function addMagIn(a: int[], b: int[], base: int): int[] {
  const r: int[] = [];
  let carry = 0;
  const n = a.length > b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    let s = carry + (i < a.length ? a[i] : 0) + (i < b.length ? b[i] : 0);
    if (s >= base) {
      s -= base;
      carry = 1;
    } else carry = 0;
    r.push(s);
  }
  if (carry > 0) r.push(carry);
  return r;
}
/** a - b with |a| >= |b| */
function subMag(a: int[], b: int[]): int[] {
  return subDigits(a, b);
}
/** a += b * base^shift, in place (a has room: the result fits in a.length digits) */
function addShiftedInPlace(a: int[], b: int[], shift: int, base: int): void {
  let carry = 0;
  let i = 0;
  for (; i < b.length; i++) {
    let s = a[i + shift] + b[i] + carry;
    if (s >= base) {
      s -= base;
      carry = 1;
    } else carry = 0;
    a[i + shift] = s;
  }
  for (let k = i + shift; carry > 0 && k < a.length; k++) {
    const s = a[k] + 1;
    if (s >= base) a[k] = s - base;
    else {
      a[k] = s;
      carry = 0;
    }
  }
}
function mulMag(a: int[], b: int[]): int[] {
  return mulLong(a, b);
}
/** Below this many digits in the shorter operand the schoolbook product is faster than
 * Karatsuba's (whose additions and copies cost more here than in C). */
const KARATSUBA_MIN: int = 64;
/** a * b, digits in base `base`: only decimal conversion's base 10^7 comes here (binary
 * products are bigmul.ts's, whose constant base turns carries into shifts). */
function mulMagIn(x: int[], y: int[], base: int): int[] {
  const a = x.length >= y.length ? x : y;
  const b = x.length >= y.length ? y : x;
  if (b.length === 0) return [];
  if (b.length <= KARATSUBA_MIN) return mulSchool(a, b, base);
  const r: int[] = [];
  for (let i = 0; i < a.length + b.length; i++) r.push(0);
  if (a.length >= 2 * b.length) {
    // unbalanced: b times each b-sized slice of a
    for (let off = 0; off < a.length; off += b.length) {
      const end = off + b.length < a.length ? off + b.length : a.length;
      addShiftedInPlace(r, mulMagIn(trim(a.slice(off, end)), b, base), off, base);
    }
    return trim(r);
  }
  // Karatsuba: a = a1*B^m + a0, b = b1*B^m + b0 (b.length > m since a.length < 2*b.length)
  const m = floorDiv(a.length, 2);
  const a0 = trim(a.slice(0, m));
  const a1 = a.slice(m);
  const b0 = trim(b.slice(0, m));
  const b1 = b.slice(m);
  const z0 = mulMagIn(a0, b0, base);
  const z2 = mulMagIn(a1, b1, base);
  const z1 = mulMagIn(addMagIn(a0, a1, base), addMagIn(b0, b1, base), base);
  subInPlace(z1, z0, base);
  subInPlace(z1, z2, base);
  addShiftedInPlace(r, z0, 0, base);
  addShiftedInPlace(r, trim(z1), m, base);
  addShiftedInPlace(r, z2, 2 * m, base);
  return trim(r);
}
/** a -= b in place, for a >= b (leading zeros are left in a) */
function subInPlace(a: int[], b: int[], base: int): void {
  let borrow = 0;
  let i = 0;
  for (; i < b.length; i++) {
    let s = a[i] - b[i] - borrow;
    if (s < 0) {
      s += base;
      borrow = 1;
    } else borrow = 0;
    a[i] = s;
  }
  for (; borrow > 0 && i < a.length; i++) {
    if (a[i] > 0) {
      a[i] = a[i] - 1;
      borrow = 0;
    } else a[i] = base - 1;
  }
}
/** Column by column, one division per result digit plus one per 31 products: a column's sum
 * stays below 2^53 (31 * (2^24-1)^2 plus the carry in), so it is exact untranslated too, where
 * ints are doubles. */
function mulSchool(a: int[], b: int[], base: int): int[] {
  const la = a.length;
  const lb = b.length;
  const r: int[] = [];
  let carry = 0;
  for (let k = 0; k < la + lb - 1; k++) {
    let s = carry;
    let high = 0;
    const lo = k - lb + 1 > 0 ? k - lb + 1 : 0;
    const hi = k < la - 1 ? k : la - 1;
    for (let i0 = lo; i0 <= hi; i0 += 31) {
      const i1 = i0 + 30 < hi ? i0 + 30 : hi;
      for (let i = i0; i <= i1; i++) s += a[i] * b[k - i];
      if (i1 < hi) {
        const c = floorDiv(s, base);
        s -= c * base;
        high += c;
      }
    }
    const c = floorDiv(s, base);
    carry = high + c;
    r.push(s - c * base);
  }
  r.push(carry);
  return trim(r);
}
function mulSmall(a: int[], m: int): int[] {
  const r: int[] = [];
  let carry = 0;
  for (let i = 0; i < a.length; i++) {
    const t = a[i] * m + carry;
    carry = floorDiv(t, BASE);
    r.push(t - carry * BASE);
  }
  if (carry > 0) r.push(carry);
  return trim(r);
}
/** a + m for 0 <= m < BASE, in place */
function addSmallInPlace(a: int[], m: int): void {
  let carry = m;
  for (let i = 0; i < a.length && carry > 0; i++) {
    const t = a[i] + carry;
    if (t >= BASE) {
      a[i] = t - BASE;
      carry = 1;
    } else {
      a[i] = t;
      carry = 0;
    }
  }
  if (carry > 0) a.push(carry);
}
/** [quotient digits, remainder] of a / m for 0 < m < 2^29 (so rem * BASE + digit < 2^53) */
function divSmall(a: int[], m: int, q: int[]): int {
  let rem = 0;
  for (let i = a.length - 1; i >= 0; i--) {
    const cur = rem * BASE + a[i];
    const qd = floorDiv(cur, m);
    q[i] = qd;
    rem = cur - qd * m;
  }
  trim(q);
  return rem;
}
function shiftLeftMag(a: int[], n: int): int[] {
  if (a.length === 0) return [];
  const words = floorDiv(n, BITS);
  const bits = n - words * BITS;
  const r: int[] = [];
  for (let i = 0; i < words; i++) r.push(0);
  if (bits === 0) {
    for (const x of a) r.push(x);
    return r;
  }
  for (const x of mulSmall(a, pow2(bits))) r.push(x);
  return r;
}
/** floor(|a| / 2^n) */
function shiftRightMag(a: int[], n: int): int[] {
  const words = floorDiv(n, BITS);
  if (words >= a.length) return [];
  const bits = n - words * BITS;
  const r: int[] = [];
  if (bits === 0) {
    for (let i = words; i < a.length; i++) r.push(a[i]);
    return r;
  }
  // digits are below 2^24, so JS's 32-bit shifts are exact on them (and no division translated)
  const low = pow2(bits) - 1;
  const up = BITS - bits;
  const last = a.length - 1;
  for (let i = words; i < last; i++) r.push((a[i] >> bits) + ((a[i + 1] & low) << up));
  r.push(a[last] >> bits);
  return trim(r);
}

/** x * y for machine ints whose product may exceed the machine range: the digits are
 * computed directly (no temporaries: LCG and hash arithmetic does this all the time). */
export function bigMulInts(x: int, y: int): BigNum {
  const ax = x < 0 ? -x : x;
  const ay = y < 0 ? -y : y;
  const x1q = floorDiv(ax, BASE);
  const x0 = ax - x1q * BASE;
  const x2 = floorDiv(x1q, BASE);
  const x1 = x1q - x2 * BASE;
  const y1q = floorDiv(ay, BASE);
  const y0 = ay - y1q * BASE;
  const y2 = floorDiv(y1q, BASE);
  const y1 = y1q - y2 * BASE;
  // each column sum stays below 3 * 2^48 + carry < 2^53
  let t = x0 * y0;
  let c = floorDiv(t, BASE);
  const r0 = t - c * BASE;
  t = x0 * y1 + x1 * y0 + c;
  c = floorDiv(t, BASE);
  const r1 = t - c * BASE;
  t = x0 * y2 + x1 * y1 + x2 * y0 + c;
  c = floorDiv(t, BASE);
  const r2 = t - c * BASE;
  t = x1 * y2 + x2 * y1 + c;
  c = floorDiv(t, BASE);
  const r3 = t - c * BASE;
  t = x2 * y2 + c;
  c = floorDiv(t, BASE);
  const r4 = t - c * BASE;
  // a product of three digits (below 2^72: an LCG's state times its multiplier) is built at
  // its length, with no zero digits to trim
  if (c === 0 && r4 === 0 && r3 === 0 && r2 !== 0) {
    const d3: int[] = [r0, r1, r2];
    return new BigNum((x < 0) !== (y < 0) ? -1 : 1, d3);
  }
  const d: int[] = [r0, r1, r2, r3, r4, c];
  return mk((x < 0) !== (y < 0) ? -1 : 1, d);
}
/** a + v for a machine int v of a's sign (or zero). */
export function bigAddSameSign(a: BigNum, v: int): BigNum {
  const ad = a.d;
  if (ad.length === 3) {
    // three digits (an LCG's product plus its increment): the sum is built at its length, with
    // no copy of a's digits to update
    const r = v < 0 ? -v : v;
    const q1 = floorDiv(r, BASE);
    const q2 = floorDiv(q1, BASE);
    let t = ad[0] + (r - q1 * BASE);
    let c = t >= BASE ? 1 : 0;
    const s0 = t - c * BASE;
    t = ad[1] + (q1 - q2 * BASE) + c;
    c = t >= BASE ? 1 : 0;
    const s1 = t - c * BASE;
    t = ad[2] + q2 + c;
    c = t >= BASE ? 1 : 0;
    const s2 = t - c * BASE;
    const d3: int[] = c === 0 ? [s0, s1, s2] : [s0, s1, s2, 1];
    return new BigNum(a.sign, d3);
  }
  const d = ad.slice(0);
  let rest = v < 0 ? -v : v;
  let carry = 0;
  for (let i = 0; rest > 0 || carry > 0; i++) {
    const q = floorDiv(rest, BASE);
    const t = (i < d.length ? d[i] : 0) + (rest - q * BASE) + carry;
    rest = q;
    carry = t >= BASE ? 1 : 0;
    if (i < d.length) d[i] = t - carry * BASE;
    else d.push(t - carry * BASE);
  }
  return new BigNum(a.sign, d);
}
export function bigAdd(a: BigNum, b: BigNum): BigNum {
  if (a.sign === 0) return b;
  if (b.sign === 0) return a;
  if (a.sign === b.sign) return mk(a.sign, addMag(a.d, b.d));
  const c = cmpMag(a.d, b.d);
  if (c === 0) return new BigNum(0, []);
  if (c > 0) return mk(a.sign, subMag(a.d, b.d));
  return mk(b.sign, subMag(b.d, a.d));
}
export function bigNeg(a: BigNum): BigNum {
  return new BigNum(-a.sign, a.d);
}
export function bigSub(a: BigNum, b: BigNum): BigNum {
  return bigAdd(a, bigNeg(b));
}
export function bigMul(a: BigNum, b: BigNum): BigNum {
  // the same array twice (x * x, and bigPow's squarings) takes the squaring path
  return mk(a.sign * b.sign, mulMag(a.d, b.d));
}
export function bigCmp(a: BigNum, b: BigNum): int {
  if (a.sign !== b.sign) return a.sign < b.sign ? -1 : 1;
  const c = cmpMag(a.d, b.d);
  return a.sign < 0 ? -c : c;
}

/** Magnitude division (Knuth's algorithm D): returns [quotient, remainder] digit arrays. */
function divModMag(a: int[], b: int[]): int[][] {
  const out: int[][] = [];
  if (cmpMag(a, b) < 0) {
    out.push([]);
    out.push(a.slice(0));
    return out;
  }
  if (b.length === 1 || (b.length === 2 && b[1] < 32)) {
    // a divisor below 2^29 (x % 1000000007 is common): one division per digit
    const q: int[] = a.slice(0);
    const rem = divSmall(a, b.length === 1 ? b[0] : b[0] + b[1] * BASE, q);
    out.push(q);
    out.push(bigFromInt(rem).d);
    return out;
  }
  // normalise so that the divisor's top digit has its high bit set
  const s = BITS - bitLen(b[b.length - 1]);
  const v = shiftLeftMag(b, s);
  const u = shiftLeftMag(a, s);
  if (u.length === a.length) u.push(0);
  while (u.length < a.length + 1) u.push(0);
  const n = v.length;
  const m = u.length - n - 1;
  const q: int[] = [];
  for (let i = 0; i <= m; i++) q.push(0);
  const vTop = v[n - 1];
  const vNext = v[n - 2];
  for (let j = m; j >= 0; j--) {
    const num = u[j + n] * BASE + u[j + n - 1];
    let qhat = floorDiv(num, vTop);
    let rhat = num - qhat * vTop;
    while (qhat >= BASE || qhat * vNext > rhat * BASE + u[j + n - 2]) {
      qhat--;
      rhat += vTop;
      if (rhat >= BASE) break;
    }
    // u[j..j+n] -= qhat * v
    let borrow = 0;
    let carry = 0;
    for (let i = 0; i < n; i++) {
      const p = qhat * v[i] + carry;
      carry = floorDiv(p, BASE);
      let t = u[i + j] - (p - carry * BASE) - borrow;
      if (t < 0) {
        t += BASE;
        borrow = 1;
      } else borrow = 0;
      u[i + j] = t;
    }
    let t = u[j + n] - carry - borrow;
    if (t < 0) {
      t += BASE;
      borrow = 1;
    } else borrow = 0;
    u[j + n] = t;
    if (borrow > 0) {
      // qhat was one too large: add v back
      qhat--;
      let c = 0;
      for (let i = 0; i < n; i++) {
        let w = u[i + j] + v[i] + c;
        if (w >= BASE) {
          w -= BASE;
          c = 1;
        } else c = 0;
        u[i + j] = w;
      }
      u[j + n] = (u[j + n] + c) % BASE;
    }
    q[j] = qhat;
  }
  const r: int[] = [];
  for (let i = 0; i < n; i++) r.push(u[i]);
  out.push(trim(q));
  out.push(shiftRightMag(trim(r), s));
  return out;
}

/** Floor division and modulo (Python semantics); b must be non-zero. */
export function bigDivMod(a: BigNum, b: BigNum): BigNum[] {
  const qr = divModMag(a.d, b.d);
  let q = mk(a.sign * b.sign, qr[0]);
  let r = mk(a.sign, qr[1]);
  if (r.sign !== 0 && r.sign !== b.sign) {
    q = bigSub(q, bigFromInt(1));
    r = bigAdd(r, b);
  }
  const out: BigNum[] = [];
  out.push(q);
  out.push(r);
  return out;
}

export function bigToString(a: BigNum): string {
  if (a.sign === 0) return '0';
  const chunks = toDecimal(a.d, []);
  const parts: string[] = [];
  for (let i = chunks.length - 1; i >= 0; i--) {
    const s = String(chunks[i]);
    if (i === chunks.length - 1) parts.push(s);
    else parts.push('0'.repeat(7 - s.length) + s);
  }
  return (a.sign < 0 ? '-' : '') + parts.join('');
}
/** Below this many digits, conversion by repeated division by 10^7 beats splitting. */
const SPLIT_MIN: int = 64;
/** The base-10^7 digits (least significant first) of the magnitude d. Splits d at B^h, h a power
 * of two: value = hi * B^h + lo, with B^h in base 10^7 from pows[log2 h] (squares of B). */
function toDecimal(d: int[], pows: int[][]): int[] {
  if (d.length <= SPLIT_MIN) {
    const chunks: int[] = [];
    let x = d.slice(0);
    while (x.length > 0) {
      const q: int[] = x.slice(0);
      chunks.push(divSmall(x, DEC, q));
      x = q;
    }
    return chunks;
  }
  let h = 1;
  let level = 0;
  while (h * 2 < d.length) {
    h *= 2;
    level++;
  }
  if (pows.length === 0) pows.push(toDecimal([0, 1], pows)); // B = 2^24
  while (pows.length <= level) {
    const p = pows[pows.length - 1];
    pows.push(mulMagIn(p, p, DEC));
  }
  const hi = mulMagIn(toDecimal(d.slice(h), pows), pows[level], DEC);
  return trim(addMagIn(hi, toDecimal(trim(d.slice(0, h)), pows), DEC));
}
/** Parses decimal digits (no sign, no underscores). */
export function bigFromDecimal(s: string, negative: boolean): BigNum {
  return mk(negative ? -1 : 1, fromDigits(s, 0, s.length, 10, 7, DEC, []));
}
/** The value of one digit character of base up to 36 (the caller has checked it). */
function digitValue(c: int): int {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97) return c - 87;
  return c - 55;
}
/** The magnitude of the base-radix digits s[start..end), read `chunk` characters at a time
 * (radix^chunk = chunkValue < 2^24): value = hi * radix^k + lo, k = chunk * 2^level characters,
 * with radix^k in base 2^24 from pows[level] (squares of chunkValue). Splitting in halves makes
 * parsing O(n^1.6 log n) rather than quadratic. */
function fromDigits(s: string, start: int, end: int, radix: int, chunk: int, chunkValue: int, pows: int[][]): int[] {
  if (end - start <= chunk * SPLIT_MIN) {
    let d: int[] = [];
    const head = (end - start) % chunk;
    let from = start;
    let to = start + (head === 0 ? chunk : head);
    while (from < end) {
      let v = 0;
      for (let i = from; i < to; i++) v = v * radix + digitValue(s.charCodeAt(i));
      d = mulSmall(d, to - from === chunk ? chunkValue : intPow(radix, to - from));
      addSmallInPlace(d, v);
      from = to;
      to = to + chunk;
    }
    return d;
  }
  let k = chunk;
  let level = 0;
  while (k * 2 < end - start) {
    k *= 2;
    level++;
  }
  if (pows.length === 0) pows.push(bigFromInt(chunkValue).d);
  while (pows.length <= level) {
    const p = pows[pows.length - 1];
    pows.push(mulMag(p, p));
  }
  const hi = mulMag(fromDigits(s, start, end - k, radix, chunk, chunkValue, pows), pows[level]);
  return trim(addMag(hi, fromDigits(s, end - k, end, radix, chunk, chunkValue, pows)));
}
function intPow(radix: int, n: int): int {
  let v = 1;
  for (let i = 0; i < n; i++) v *= radix;
  return v;
}
/** log2(radix) when radix is a power of two, else 0 */
function radixBits(radix: int): int {
  return radix === 2 ? 1 : radix === 4 ? 2 : radix === 8 ? 3 : radix === 16 ? 4 : radix === 32 ? 5 : 0;
}
/** Parses digits in base 2..36 (lowercase or uppercase letters), checked by the caller. */
export function bigFromRadix(s: string, radix: int, negative: boolean): BigNum {
  const k = radixBits(radix);
  if (k > 0) {
    // a power of two: each character is k bits, packed from the least significant end in
    // linear time (CPython does not limit these bases, so the strings may be long)
    const d: int[] = [];
    let acc = 0;
    let nbits = 0;
    for (let i = s.length - 1; i >= 0; i--) {
      acc += digitValue(s.charCodeAt(i)) * pow2(nbits);
      nbits += k;
      if (nbits >= BITS) {
        const hi = floorDiv(acc, BASE);
        d.push(acc - hi * BASE);
        acc = hi;
        nbits -= BITS;
      }
    }
    if (acc > 0) d.push(acc);
    return mk(negative ? -1 : 1, d);
  }
  let chunk = 1;
  let chunkValue = radix;
  while (chunkValue * radix < BASE) {
    chunkValue *= radix;
    chunk++;
  }
  return mk(negative ? -1 : 1, fromDigits(s, 0, s.length, radix, chunk, chunkValue, []));
}
export function bigToRadix(a: BigNum, radix: int): string {
  if (a.sign === 0) return '0';
  const chars = '0123456789abcdefghijklmnopqrstuvwxyz';
  const out: string[] = [];
  const k = radixBits(radix);
  if (k > 0) {
    // a power of two: k bits per character, read off the binary digits in linear time
    const bits: int[] = [];
    for (const x of a.d) {
      let v = x;
      for (let i = 0; i < BITS; i++) {
        bits.push(v % 2);
        v = floorDiv(v, 2);
      }
    }
    const n = bigBitLength(a);
    for (let pos = 0; pos < n; pos += k) {
      let v = 0;
      for (let j = k - 1; j >= 0; j--) v = v * 2 + (pos + j < n ? bits[pos + j] : 0);
      out.push(chars[v]);
    }
  } else {
    let d = a.d.slice(0);
    while (d.length > 0) {
      const q: int[] = d.slice(0);
      const r = divSmall(d, radix, q);
      out.push(chars[r]);
      d = q;
    }
  }
  out.reverse();
  return out.join('');
}
export function bigPow(a: BigNum, e: int): BigNum {
  let result = bigFromInt(1);
  let base = a;
  let n = e;
  while (n > 0) {
    if (n % 2 === 1) result = bigMul(result, base);
    n = floorDiv(n, 2);
    if (n > 0) base = bigMul(base, base);
  }
  return result;
}
/** a * 2^n (n >= 0) */
export function bigShiftLeft(a: BigNum, n: int): BigNum {
  return mk(a.sign, shiftLeftMag(a.d, n));
}
/** floor(a / 2^n) (n >= 0) */
export function bigShiftRight(a: BigNum, n: int): BigNum {
  if (a.sign >= 0) return mk(a.sign, shiftRightMag(a.d, n));
  // floor of a negative: -(((|a| - 1) >> n) + 1)
  const m1 = subMag(a.d, [1]);
  const r = shiftRightMag(m1, n);
  addSmallInPlace(r, 1);
  return mk(-1, r);
}
/** a mod 2^53 (its low 53 bits in two's complement), in [0, 2^53). */
export function bigLow53(a: BigNum): int {
  const d = a.d;
  let v = d.length > 0 ? d[0] : 0;
  if (d.length > 1) v += d[1] * BASE;
  if (d.length > 2) v += (d[2] % 32) * 281474976710656;
  if (a.sign < 0 && v !== 0) v = 9007199254740992 - v;
  return v;
}
/** Two's complement digits of a over n digits. */
function toTwos(a: BigNum, n: int): int[] {
  const w: int[] = [];
  for (let i = 0; i < n; i++) w.push(i < a.d.length ? a.d[i] : 0);
  if (a.sign < 0) {
    let carry = 1;
    for (let i = 0; i < n; i++) {
      let v = MASK - w[i] + carry;
      if (v >= BASE) {
        v -= BASE;
        carry = 1;
      } else carry = 0;
      w[i] = v;
    }
  }
  return w;
}
export function bigBitLength(a: BigNum): int {
  const n = a.d.length;
  if (n === 0) return 0;
  return (n - 1) * BITS + bitLen(a.d[n - 1]);
}
/** op: 0 and, 1 or, 2 xor */
export function bigBitOp(a: BigNum, b: BigNum, op: int): BigNum {
  const n = (a.d.length > b.d.length ? a.d.length : b.d.length) + 1;
  const wa = toTwos(a, n);
  const wb = toTwos(b, n);
  const r: int[] = [];
  for (let i = 0; i < n; i++) {
    if (op === 0) r.push(wa[i] & wb[i]);
    else if (op === 1) r.push(wa[i] | wb[i]);
    else r.push(wa[i] ^ wb[i]);
  }
  if (r[n - 1] >= 8388608) {
    // negative: the magnitude is the two's complement of r
    return mk(-1, toTwos(new BigNum(-1, r), n));
  }
  return mk(1, r);
}
