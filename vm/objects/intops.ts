// int arithmetic: machine-int fast paths, BigNum beyond ±2^53.
import type { int, float } from '../../translate/rlib/index.ts';
import { floorDiv, floorMod, toFloat, toInt } from '../../translate/rlib/index.ts';
import { PyInt, PyObject, intType, newInt, raise, ZeroDivisionErrorT, ValueError, OverflowErrorT, MemoryError, PyBigInt, bigOf } from './core.ts';
import { checkIntToStrBits, checkIntToStrDigits } from './intdigits.ts';
import {
  BigNum, bigFromInt, bigFits, bigToInt, bigAdd, bigSub, bigMul, bigDivMod, bigCmp, bigNeg, bigToString, bigPow,
  bigBitOp, bigToFloat, bigBitLength, bigFromFloat, bigShiftLeft, bigShiftRight, bigLow53, bigMulInts, bigAddSameSign,
} from './bigint.ts';

const MAXS: int = 9007199254740991;
const SQ: int = 94906265;

export function toBig(a: PyInt): BigNum {
  const b = bigOf(a);
  if (b !== null) return b;
  return bigFromInt(a.v);
}
export function fromBig(b: BigNum): PyInt {
  if (bigFits(b)) return newInt(bigToInt(b));
  return new PyBigInt(intType, 0, b);
}
/** An exact int (class int) of o's value: o itself when it is one, what int(o) is for a bool
 * or an int subclass. */
export function intValueOf(o: PyInt): PyInt {
  if (o.cls === intType) return o;
  const b = bigOf(o);
  return b === null ? newInt(o.v) : fromBig(b);
}
export function intFromFloat(x: float): PyInt {
  if (x >= -9007199254740991.0 && x <= 9007199254740991.0) return newInt(toInt(x));
  return fromBig(bigFromFloat(Math.trunc(x)));
}
export function intAdd(a: PyInt, b: PyInt): PyInt {
  const ab = bigOf(a);
  const bb = bigOf(b);
  if (ab === null && bb === null) {
    const r = a.v + b.v;
    if (r <= MAXS && r >= -MAXS) return newInt(r);
  }
  if (ab !== null && bb === null && (b.v === 0 || (b.v < 0) === (ab.sign < 0))) return fromBig(bigAddSameSign(ab, b.v));
  if (bb !== null && ab === null && (a.v === 0 || (a.v < 0) === (bb.sign < 0))) return fromBig(bigAddSameSign(bb, a.v));
  return fromBig(bigAdd(toBig(a), toBig(b)));
}
export function intSub(a: PyInt, b: PyInt): PyInt {
  const ab = bigOf(a);
  const bb = bigOf(b);
  if (ab === null && bb === null) {
    const r = a.v - b.v;
    if (r <= MAXS && r >= -MAXS) return newInt(r);
  }
  return fromBig(bigSub(toBig(a), toBig(b)));
}
export function intMul(a: PyInt, b: PyInt): PyInt {
  const ab = bigOf(a);
  const bb = bigOf(b);
  if (ab === null && bb === null) {
    const x = a.v;
    const y = b.v;
    if (productFits(x, y)) return newInt(x * y);
    return fromBig(bigMulInts(x, y));
  }
  return fromBig(bigMul(toBig(a), toBig(b)));
}
/** Whether x * y, for machine ints x and y, is within the machine range (a product computed
 * in machine ints translated could wrap, so its size is not to be asked of it). */
export function productFits(x: int, y: int): boolean {
  if (x <= SQ && x >= -SQ && y <= SQ && y >= -SQ) return true;
  // an exact product below 2^53 is exactly the float product, whose size tells
  const p = toFloat(x) * toFloat(y);
  return p < 9007199254740992.0 && p > -9007199254740992.0;
}
export function intIsZero(a: PyInt): boolean {
  return bigOf(a) === null && a.v === 0;
}
export function intFloorDiv(a: PyInt, b: PyInt): PyInt {
  const ab = bigOf(a);
  const bb = bigOf(b);
  if (bb === null && b.v === 0) throw raise(ZeroDivisionErrorT, 'integer division or modulo by zero');
  if (ab === null && bb === null) return newInt(floorDiv(a.v, b.v));
  return fromBig(bigDivMod(toBig(a), toBig(b))[0]);
}
export function intMod(a: PyInt, b: PyInt): PyInt {
  const ab = bigOf(a);
  const bb = bigOf(b);
  if (bb === null && b.v === 0) throw raise(ZeroDivisionErrorT, 'integer modulo by zero');
  if (ab === null && bb === null) return newInt(floorMod(a.v, b.v));
  // a big value modulo a machine int (LCGs, hashing: `x * K % 2**31`): a long division by
  // one digit, without the quotient bigDivMod would build
  if (ab !== null && bb === null && b.v <= MOD_SMALL && b.v >= -MOD_SMALL) return newInt(bigModSmall(ab, b.v));
  return fromBig(bigDivMod(toBig(a), toBig(b))[1]);
}
/** |divisors| up to 2^40 keep r * 4096 + 4095 below 2^53, exact untranslated too */
const MOD_SMALL: int = 1099511627776;
/** a mod m with Python's sign (that of m), for 0 < |m| <= MOD_SMALL. The 24-bit digits go in
 * as two 12-bit halves so that no intermediate passes 2^53. */
function bigModSmall(a: BigNum, m: int): int {
  const mm = m < 0 ? -m : m;
  const d = a.d;
  let r = 0;
  for (let i = d.length - 1; i >= 0; i--) {
    const x = d[i];
    r = (r * 4096 + floorDiv(x, 4096)) % mm;
    r = (r * 4096 + (x % 4096)) % mm;
  }
  // r is |a| mod |m|: the truncated remainder has a's sign; Python's takes m's
  if (a.sign < 0) r = -r;
  if (r !== 0 && (r < 0) !== (m < 0)) r += m;
  return r;
}
export function intNeg(a: PyInt): PyInt {
  const ab = bigOf(a);
  if (ab === null) return newInt(-a.v);
  return fromBig(bigNeg(ab));
}
export function intCmp(a: PyInt, b: PyInt): int {
  const ab = bigOf(a);
  const bb = bigOf(b);
  if (ab === null && bb === null) return a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
  return bigCmp(toBig(a), toBig(b));
}
export function intSign(a: PyInt): int {
  const ab = bigOf(a);
  if (ab !== null) return ab.sign;
  return a.v < 0 ? -1 : a.v > 0 ? 1 : 0;
}
export function intToStr(a: PyInt): string {
  const ab = bigOf(a);
  if (ab === null) return String(a.v);
  // sys.set_int_max_str_digits: a machine int has at most 19 digits, far below any limit
  checkIntToStrBits(ab);
  const s = bigToString(ab);
  checkIntToStrDigits(s);
  return s;
}
export function intToFloat(a: PyInt): float {
  const ab = bigOf(a);
  if (ab === null) return toFloat(a.v);
  const f = bigToFloat(ab);
  if (f === Infinity || f === -Infinity) throw raise(OverflowErrorT, 'int too large to convert to float');
  return f;
}
export function intPow(a: PyInt, b: PyInt): PyInt {
  const ab = bigOf(a);
  const bb = bigOf(b);
  // b >= 0
  if (bb !== null) throw raise(OverflowErrorT, 'exponent too large');
  let e = b.v;
  if (ab === null) {
    let result = 1;
    let base = a.v;
    let ok = true;
    while (e > 0) {
      if (e % 2 === 1) {
        if (Math.abs(result) > SQ || Math.abs(base) > SQ) {
          ok = false;
          break;
        }
        result = result * base;
      }
      e = floorDiv(e, 2);
      if (e > 0) {
        if (Math.abs(base) > SQ) {
          ok = false;
          break;
        }
        base = base * base;
      }
    }
    if (ok) return newInt(result);
  }
  return fromBig(bigPow(toBig(a), b.v));
}
/** op: 0 and, 1 or, 2 xor */
export function intBitOp(a: PyInt, b: PyInt, op: int): PyInt {
  const ab = bigOf(a);
  const bb = bigOf(b);
  // a mask below 2^31 (`& 0x7FFFFFFF`) keeps only the bits of the other operand it covers,
  // and both fit the 32 bits of JS's & untranslated
  if (op === 0 && bb === null && b.v >= 0 && b.v < 2147483648) return newInt(low31(a) & b.v);
  if (op === 0 && ab === null && a.v >= 0 && a.v < 2147483648) return newInt(a.v & low31(b));
  // masking a big value with a machine int >= 0 (hashes, LCGs): only its low bits matter
  if (op === 0 && ab !== null && bb === null && b.v >= 0) return intBitOp(newInt(bigLow53(ab)), b, 0);
  if (op === 0 && bb !== null && ab === null && a.v >= 0) return intBitOp(a, newInt(bigLow53(bb)), 0);
  if (ab === null && bb === null) return newInt(machineBitOp(a.v, b.v, op));
  return fromBig(bigBitOp(toBig(a), toBig(b), op));
}
/** x (op) y on the two's complement of machine ints (op: 0 and, 1 or, 2 xor), exact over the
 * whole machine range though RTS's & | ^ are 32-bit: the interpreter's int ops and the JIT's
 * INT_AND/INT_OR/INT_XOR (llgraph's definition of them, and their constant folding). */
export function machineBitOp(x: int, y: int, op: int): int {
  if (x >= -1073741824 && x < 1073741824 && y >= -1073741824 && y < 1073741824) {
    if (op === 0) return x & y;
    if (op === 1) return x | y;
    return x ^ y;
  }
  // split into high and low 26-bit halves (two's complement preserved by floor)
  const xh = floorDiv(x, 67108864);
  const xl = x - xh * 67108864;
  const yh = floorDiv(y, 67108864);
  const yl = y - yh * 67108864;
  let h = 0;
  let l = 0;
  if (op === 0) {
    h = xh & yh;
    l = xl & yl;
  } else if (op === 1) {
    h = xh | yh;
    l = xl | yl;
  } else {
    h = xh ^ yh;
    l = xl ^ yl;
  }
  return h * 67108864 + l;
}
/** x >> n for a machine int x and 0 <= n <= 63: Python's (and a 64-bit arithmetic shift's)
 * floor of x / 2^n. The interpreter's and the JIT's INT_RSHIFT (llgraph, folding). */
export function machineRshift(x: int, n: int): int {
  if (x >= -2147483648 && x < 2147483648 && n < 32) return x >> n;
  // |x| < 2^53: shifted by 53 or more, only the sign is left
  if (n >= 53) return x < 0 ? -1 : 0;
  return floorDiv(x, POW2[n]);
}
/** 2^k for k < 53 */
const POW2: int[] = powersOfTwo();
function powersOfTwo(): int[] {
  const out: int[] = [];
  let p = 1;
  for (let k = 0; k < 53; k++) {
    out.push(p);
    p *= 2;
  }
  return out;
}
/** The low 31 bits of a (two's complement), as an int in [0, 2^31). */
function low31(a: PyInt): int {
  const b = bigOf(a);
  // bigLow53 is a mod 2^53, in [0, 2^53)
  if (b !== null) return bigLow53(b) % 2147483648;
  return floorMod(a.v, 2147483648);
}
export function intInvert(a: PyInt): PyInt {
  return intSub(intNeg(a), newInt(1));
}
export function intLshift(a: PyInt, b: PyInt): PyInt {
  const ab = bigOf(a);
  const bb = bigOf(b);
  if (intSign(b) < 0) throw raise(ValueError, 'negative shift count');
  // zero shifted any distance is zero, however large the count (CPython's long_lshift)
  if (intIsZero(a)) return newInt(0);
  if (bb !== null) throw raise(OverflowErrorT, 'too many digits in integer');
  if (ab === null && b.v < 53) {
    let p = 1;
    for (let i = 0; i < b.v; i++) p = p * 2;
    return intMul(a, newInt(p));
  }
  // CPython's limit is the memory of the machine; ours is the heap, reached long before this
  if (b.v > 2147483647) throw raise(MemoryError, '');
  return fromBig(bigShiftLeft(toBig(a), b.v));
}
export function intRshift(a: PyInt, b: PyInt): PyInt {
  const ab = bigOf(a);
  const bb = bigOf(b);
  if (intSign(b) < 0) throw raise(ValueError, 'negative shift count');
  if (bb !== null) return newInt(intSign(a) < 0 ? -1 : 0);
  if (ab === null) return newInt(b.v < 64 ? machineRshift(a.v, b.v) : a.v < 0 ? -1 : 0);
  return fromBig(bigShiftRight(toBig(a), b.v));
}
export function intBitLength(a: PyInt): int {
  const ab = bigOf(a);
  if (ab === null) {
    let v = a.v < 0 ? -a.v : a.v;
    let n = 0;
    while (v > 0) {
      v = floorDiv(v, 2);
      n++;
    }
    return n;
  }
  return bigBitLength(ab);
}
export function intToRadix(a: PyInt, radix: int): string {
  const ab = bigOf(a);
  const neg = intSign(a) < 0;
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz';
  if (ab === null) {
    let v = neg ? -a.v : a.v;
    if (v === 0) return '0';
    const out: string[] = [];
    while (v > 0) {
      out.push(digits[v % radix]);
      v = floorDiv(v, radix);
    }
    out.reverse();
    return (neg ? '-' : '') + out.join('');
  }
  return (neg ? '-' : '') + bigToRadixAbs(ab, radix);
}
import { bigToRadix } from './bigint.ts';
function bigToRadixAbs(b: BigNum, radix: int): string {
  return bigToRadix(new BigNum(b.sign === 0 ? 0 : 1, b.d), radix);
}
export function isPyInt(o: PyObject): boolean {
  return o instanceof PyInt;
}
