// Arbitrary-precision integers in plain RTS: sign and magnitude, little-endian digits in
// base 10^7 (so products of two digits plus carries stay below 2^53, and decimal conversion
// is direct).
import type { int, float } from '../../translate/rlib/index.ts';
import { floorDiv, toFloat, toInt } from '../../translate/rlib/index.ts';

export const BASE: int = 10000000;
const MAXS: int = 9007199254740991;

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
    d.push(a % BASE);
    a = floorDiv(a, BASE);
  }
  return new BigNum(v < 0 ? -1 : v > 0 ? 1 : 0, d);
}

/** The value as a machine int when |v| <= 2^53-1, else null-like flag via fits(). */
export function bigFits(b: BigNum): boolean {
  if (b.d.length <= 2) return true;
  if (b.d.length > 3) return false;
  // 3 digits: up to 10^21; compare with MAXS
  // 2^53 - 1 = 90|0719925|4740991 in base 10^7
  const hi = b.d[2];
  if (hi !== 90) return hi < 90;
  if (b.d[1] !== 719925) return b.d[1] < 719925;
  return b.d[0] <= 4740991;
}
export function bigToInt(b: BigNum): int {
  let v = 0;
  for (let i = b.d.length - 1; i >= 0; i--) v = v * BASE + b.d[i];
  return b.sign < 0 ? -v : v;
}
export function bigToFloat(b: BigNum): float {
  let v = 0.0;
  for (let i = b.d.length - 1; i >= 0; i--) v = v * 10000000.0 + toFloat(b.d[i]);
  return b.sign < 0 ? -v : v;
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
  const r = bigMul(m, bigPow(bigFromInt(2), e));
  return new BigNum(r.sign === 0 ? 0 : x < 0.0 ? -1 : 1, r.d);
}

function cmpMag(a: int[], b: int[]): int {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  for (let i = a.length - 1; i >= 0; i--) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}
function addMag(a: int[], b: int[]): int[] {
  const r: int[] = [];
  let carry = 0;
  const n = a.length > b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    let s = carry + (i < a.length ? a[i] : 0) + (i < b.length ? b[i] : 0);
    if (s >= BASE) {
      s -= BASE;
      carry = 1;
    } else carry = 0;
    r.push(s);
  }
  if (carry > 0) r.push(carry);
  return r;
}
/** a - b with |a| >= |b| */
function subMag(a: int[], b: int[]): int[] {
  const r: int[] = [];
  let borrow = 0;
  for (let i = 0; i < a.length; i++) {
    let s = a[i] - borrow - (i < b.length ? b[i] : 0);
    if (s < 0) {
      s += BASE;
      borrow = 1;
    } else borrow = 0;
    r.push(s);
  }
  return trim(r);
}
function mulMag(a: int[], b: int[]): int[] {
  if (a.length === 0 || b.length === 0) return [];
  const r: int[] = [];
  for (let i = 0; i < a.length + b.length; i++) r.push(0);
  for (let i = 0; i < a.length; i++) {
    let carry = 0;
    const ai = a[i];
    if (ai === 0) continue;
    for (let j = 0; j < b.length; j++) {
      const t = ai * b[j] + r[i + j] + carry;
      carry = floorDiv(t, BASE);
      r[i + j] = t - carry * BASE;
    }
    let k = i + b.length;
    while (carry > 0) {
      const t = r[k] + carry;
      carry = floorDiv(t, BASE);
      r[k] = t - carry * BASE;
      k++;
    }
  }
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
  while (carry > 0) {
    r.push(carry % BASE);
    carry = floorDiv(carry, BASE);
  }
  return trim(r);
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
  return mk(a.sign * b.sign, mulMag(a.d, b.d));
}
export function bigCmp(a: BigNum, b: BigNum): int {
  if (a.sign !== b.sign) return a.sign < b.sign ? -1 : 1;
  const c = cmpMag(a.d, b.d);
  return a.sign < 0 ? -c : c;
}

/** Magnitude division: returns [quotient, remainder] digit arrays. */
function divModMag(a: int[], b: int[]): int[][] {
  if (cmpMag(a, b) < 0) {
    const out: int[][] = [];
    out.push([]);
    out.push(a.slice(0));
    return out;
  }
  const q: int[] = [];
  for (let i = 0; i < a.length; i++) q.push(0);
  if (b.length === 1) {
    const m = b[0];
    let rem = 0;
    for (let i = a.length - 1; i >= 0; i--) {
      const cur = rem * BASE + a[i];
      const qd = floorDiv(cur, m);
      q[i] = qd;
      rem = cur - qd * m;
    }
    const out: int[][] = [];
    out.push(trim(q));
    const r: int[] = [];
    if (rem > 0) r.push(rem);
    out.push(r);
    return out;
  }
  let r: int[] = [];
  for (let i = a.length - 1; i >= 0; i--) {
    // r = r * BASE + a[i]
    const nr: int[] = [a[i]];
    for (const x of r) nr.push(x);
    r = trim(nr);
    // binary search the largest qd with b*qd <= r
    let lo = 0;
    let hi = BASE - 1;
    // estimate bounds
    while (lo < hi) {
      const mid = floorDiv(lo + hi + 1, 2);
      if (cmpMag(mulSmall(b, mid), r) <= 0) lo = mid;
      else hi = mid - 1;
    }
    q[i] = lo;
    if (lo > 0) r = subMag(r, mulSmall(b, lo));
  }
  const out: int[][] = [];
  out.push(trim(q));
  out.push(r);
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
  const parts: string[] = [];
  for (let i = a.d.length - 1; i >= 0; i--) {
    const s = String(a.d[i]);
    if (i === a.d.length - 1) parts.push(s);
    else parts.push('0'.repeat(7 - s.length) + s);
  }
  return (a.sign < 0 ? '-' : '') + parts.join('');
}
/** Parses decimal digits (no sign, no underscores). */
export function bigFromDecimal(s: string, negative: boolean): BigNum {
  const d: int[] = [];
  let end = s.length;
  while (end > 0) {
    const start = end - 7 > 0 ? end - 7 : 0;
    let v = 0;
    for (let i = start; i < end; i++) v = v * 10 + (s.charCodeAt(i) - 48);
    d.push(v);
    end = start;
  }
  return mk(negative ? -1 : 1, d);
}
/** Parses digits in base 2..36 (lowercase or uppercase letters). */
export function bigFromRadix(s: string, radix: int, negative: boolean): BigNum {
  let d: int[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let v = 0;
    if (c >= 48 && c <= 57) v = c - 48;
    else if (c >= 97) v = c - 87;
    else v = c - 55;
    d = mulSmall(d, radix);
    d = addMag(d, v > 0 ? [v] : []);
  }
  return mk(negative ? -1 : 1, d);
}
export function bigToRadix(a: BigNum, radix: int): string {
  if (a.sign === 0) return '0';
  const chars = '0123456789abcdefghijklmnopqrstuvwxyz';
  let d = a.d.slice(0);
  const out: string[] = [];
  const rb: int[] = [radix];
  while (d.length > 0) {
    const qr = divModMag(d, rb);
    out.push(qr[1].length > 0 ? chars[qr[1][0]] : '0');
    d = qr[0];
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
/** Two's complement bits (base 2^16 words, little-endian) over nwords words. */
function toWords(a: BigNum, nwords: int): int[] {
  let d = a.d.slice(0);
  const w: int[] = [];
  const rb: int[] = [65536];
  while (d.length > 0) {
    const qr = divModMag(d, rb);
    w.push(qr[1].length > 0 ? qr[1][0] : 0);
    d = qr[0];
  }
  while (w.length < nwords) w.push(0);
  if (a.sign < 0) {
    // negate: invert and add one
    let carry = 1;
    for (let i = 0; i < w.length; i++) {
      let v = 65535 - w[i] + carry;
      if (v >= 65536) {
        v -= 65536;
        carry = 1;
      } else carry = 0;
      w[i] = v;
    }
  }
  return w;
}
function fromWords(w: int[]): BigNum {
  const neg = w.length > 0 && w[w.length - 1] >= 32768;
  const ww = w.slice(0);
  if (neg) {
    let carry = 1;
    for (let i = 0; i < ww.length; i++) {
      let v = 65535 - ww[i] + carry;
      if (v >= 65536) {
        v -= 65536;
        carry = 1;
      } else carry = 0;
      ww[i] = v;
    }
  }
  let d: int[] = [];
  for (let i = ww.length - 1; i >= 0; i--) {
    d = mulSmall(d, 65536);
    d = addMag(d, ww[i] > 0 ? [ww[i]] : []);
  }
  return mk(neg ? -1 : 1, d);
}
export function bigBitLength(a: BigNum): int {
  const w = toWords(new BigNum(a.sign === 0 ? 0 : 1, a.d), 0);
  let n = w.length;
  while (n > 0 && w[n - 1] === 0) n--;
  if (n === 0) return 0;
  let top = w[n - 1];
  let bits = 0;
  while (top > 0) {
    bits++;
    top = floorDiv(top, 2);
  }
  return (n - 1) * 16 + bits;
}
/** op: 0 and, 1 or, 2 xor */
export function bigBitOp(a: BigNum, b: BigNum, op: int): BigNum {
  const n = floorDiv((bigBitLength(a) > bigBitLength(b) ? bigBitLength(a) : bigBitLength(b)) + 16, 16) + 1;
  const wa = toWords(a, n);
  const wb = toWords(b, n);
  const r: int[] = [];
  for (let i = 0; i < n; i++) {
    if (op === 0) r.push(wa[i] & wb[i]);
    else if (op === 1) r.push(wa[i] | wb[i]);
    else r.push(wa[i] ^ wb[i]);
  }
  return fromWords(r);
}
