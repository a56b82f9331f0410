// Products of long base-2^24 magnitudes by Toom-Cook 3-way (Bodrato's evaluation at 0, 1, -1,
// -2 and infinity): five products of a third of the size, O(n^1.465) against Karatsuba's
// O(n^1.585). Products of millions of bits (repeated squaring makes them) take about a third
// less time. Below TOOM_MIN digits bigmul.ts's Karatsuba takes over. The evaluation and
// interpolation are linear and allocate fresh arrays, which is cheap at these sizes.
import type { int } from '../../translate/rlib/index.ts';
import { floorDiv, floorMod } from '../../translate/rlib/index.ts';
import { BASE, addDigits, cmpDigits, mulDigits, subDigits } from './bigmul.ts';

/** Below this many digits in the shorter operand Karatsuba is faster, measured translated on
 * bench/python/bigint_mul.py (instruction counts favour ~1000, but the evaluation's fresh
 * arrays cost more than they count: 1500 to 2500 took the least time). */
const TOOM_MIN: int = 2000;
/** 3 * INV3 = 1 modulo 2^24: exact division by 3 multiplies by it, digit by digit. */
const INV3: int = 11184811;

/** a * b for trimmed magnitudes, trimmed; a === b squares. */
export function mulLong(a: int[], b: int[]): int[] {
  const x = a.length >= b.length ? a : b;
  const y = a.length >= b.length ? b : a;
  if (y.length === 0) return [];
  if (y.length < TOOM_MIN) return trim(mulDigits(a, b));
  if (x.length >= 2 * y.length) {
    // lopsided: y times each y-sized slice of x, so that each product is balanced
    const r: int[] = [];
    for (let i = 0; i < x.length + y.length; i++) r.push(0);
    for (let off = 0; off < x.length; off += y.length) {
      const p = mulLong(part(x, off, y.length), y);
      addAt(r, p, off);
    }
    return trim(r);
  }
  return toom3(x, y, a === b);
}

/** A signed number for the interpolation: sign and trimmed magnitude. */
class Signed {
  neg: boolean;
  d: int[];
  constructor(neg: boolean, d: int[]) {
    this.neg = neg && d.length > 0;
    this.d = d;
  }
}

/** A number split in three parts of k digits, x = x0 + x1*B^k + x2*B^2k, as its values at the
 * points Toom-3 multiplies at: 0, 1, -1, -2 and infinity. */
class Points {
  p0: int[];
  p1: int[];
  pm1: Signed;
  pm2: Signed;
  pinf: int[];
  constructor(x: int[], k: int) {
    const x0 = part(x, 0, k);
    const x1 = part(x, k, k);
    const x2 = part(x, 2 * k, x.length);
    const s = addDigits(x0, x2);
    this.p0 = x0;
    this.p1 = addDigits(s, x1);
    this.pm1 = sub(new Signed(false, s), new Signed(false, x1));
    this.pm2 = sub(twice(add(this.pm1, new Signed(false, x2))), new Signed(false, x0));
    this.pinf = x2;
  }
}

/** a * b for a.length >= b.length, b longer than a third of a (its top part may be empty). */
function toom3(a: int[], b: int[], square: boolean): int[] {
  const k = floorDiv(a.length + 2, 3);
  const pa = new Points(a, k);
  const pb = square ? pa : new Points(b, k);
  const r0 = mulLong(pa.p0, pb.p0);
  const r1 = mulLong(pa.p1, pb.p1);
  const rm1 = new Signed(pa.pm1.neg !== pb.pm1.neg, mulLong(pa.pm1.d, pb.pm1.d));
  const rm2 = new Signed(pa.pm2.neg !== pb.pm2.neg, mulLong(pa.pm2.d, pb.pm2.d));
  const rinf = mulLong(pa.pinf, pb.pinf);
  // Bodrato's interpolation: the product's coefficients c0 = r0, c1, c2, c3, c4 = rinf
  const inf = new Signed(false, rinf);
  let c3 = div3(sub(rm2, new Signed(false, r1)));
  let c1 = half(sub(new Signed(false, r1), rm1));
  let c2 = sub(rm1, new Signed(false, r0));
  c3 = add(half(sub(c2, c3)), twice(inf));
  c2 = sub(add(c2, c1), inf);
  c1 = sub(c1, c3);
  // the coefficients of a product of polynomials with non-negative coefficients are not negative
  const r: int[] = [];
  for (let i = 0; i < a.length + b.length + 1; i++) r.push(0);
  addAt(r, r0, 0);
  addAt(r, c1.d, k);
  addAt(r, c2.d, 2 * k);
  addAt(r, c3.d, 3 * k);
  addAt(r, rinf, 4 * k);
  return trim(r);
}

/** x[from .. from+n), clipped to x, without leading zeros. */
function part(x: int[], from: int, n: int): int[] {
  const r: int[] = [];
  const end = from + n < x.length ? from + n : x.length;
  for (let i = from; i < end; i++) r.push(x[i]);
  return trim(r);
}
function trim(d: int[]): int[] {
  while (d.length > 0 && d[d.length - 1] === 0) d.pop();
  return d;
}
/** r += x * BASE^off, where the sum fits in r. */
function addAt(r: int[], x: int[], off: int): void {
  let c = 0;
  let i = 0;
  for (; i < x.length; i++) {
    const t = r[off + i] + x[i] + c;
    c = floorDiv(t, BASE);
    r[off + i] = floorMod(t, BASE);
  }
  for (let j = off + i; c !== 0; j++) {
    const t = r[j] + c;
    c = floorDiv(t, BASE);
    r[j] = floorMod(t, BASE);
  }
}
function add(x: Signed, y: Signed): Signed {
  if (x.neg === y.neg) return new Signed(x.neg, addDigits(x.d, y.d));
  const c = cmpDigits(x.d, y.d);
  if (c >= 0) return new Signed(x.neg, subDigits(x.d, y.d));
  return new Signed(y.neg, subDigits(y.d, x.d));
}
function sub(x: Signed, y: Signed): Signed {
  return add(x, new Signed(!y.neg, y.d));
}
function twice(x: Signed): Signed {
  return new Signed(x.neg, addDigits(x.d, x.d));
}
/** x / 2, exact */
function half(x: Signed): Signed {
  const d = x.d;
  const r: int[] = [];
  for (let i = 0; i < d.length; i++) {
    const up = i + 1 < d.length ? floorMod(d[i + 1], 2) * floorDiv(BASE, 2) : 0;
    r.push(floorDiv(d[i], 2) + up);
  }
  return new Signed(x.neg, trim(r));
}
/** x / 3, exact: from the least significant digit, q = d * 3^-1 modulo 2^24 and what 3q
 * takes from the digits above is borrowed from them (no division). */
function div3(x: Signed): Signed {
  const d = x.d;
  const r: int[] = [];
  let borrow = 0;
  for (let i = 0; i < d.length; i++) {
    const t = d[i] - borrow; // at least -3
    const under = -floorDiv(t, BASE); // 1 when t < 0
    const s = floorMod(t, BASE);
    const q = floorMod(s * INV3, BASE);
    r.push(q);
    // 3q = s + BASE * floor(3q / BASE), as 3q = s modulo BASE and s < BASE
    borrow = floorDiv(3 * q, BASE) + under;
  }
  return new Signed(x.neg, trim(r));
}
