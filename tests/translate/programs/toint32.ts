// Bitwise operators on floats convert as JS's ToInt32 does (truncate, wrap modulo 2^32,
// NaN and infinities give 0): `(x / n) | 0` truncating division, `x >>> 0`, `x & 0xff`,
// shifts and `~~x`, on values around 0, 2^31, 2^32 and beyond 2^53.
import { type int, type float, toFloat } from '../../../translate/rlib/index.ts';

function mid(lo: int, hi: int): int {
  return ((lo + hi) / 2) | 0;
}
function hashStep(h: int, c: int): int {
  // the common JS string hash: h * 31 + c kept to 32 bits by | 0
  return (h * 31 + c) | 0;
}

export function main(argv: string[]): int {
  const zero = 0.0;
  const xs: float[] = [0.0, -zero, 0.9, -0.9, 2.5, -2.5, 2147483647.5, 2147483648.0, -2147483649.0,
    4294967295.0, 4294967296.0, 4294967297.7, 1e15 + 0.5, -1e15, 9007199254740992.0, 1152921504606846976.0, 1e300, zero / zero, 1 / zero, -1 / zero];
  for (const x of xs) {
    const parts: string[] = [];
    const ys: int[] = [x | 0, x >>> 0, x >> 1, x << 3, x & 0xff, x ^ 5, ~~x, (x / 7) | 0];
    for (const y of ys) parts.push(String(y));
    console.log(String(x) + ' -> ' + parts.join(' '));
  }
  console.log('mid ' + mid(1, 2) + ' ' + mid(-7, 2) + ' ' + mid(1000000000, 2000000000) + ' ' + mid(0, 0));
  let h = 0;
  const s = 'the quick brown fox jumps over the lazy dog';
  for (let i = 0; i < s.length; i++) h = hashStep(h, s.charCodeAt(i));
  let avg = 0;
  for (let i = 1; i <= 10; i++) avg = (toFloat(avg * (i - 1) + i * i) / i) | 0;
  console.log('hash ' + h + ' ' + (h >>> 0) + ' avg ' + avg + ' ' + ((7.99 * 3) | 0) + ' ' + (Math.sqrt(50) | 0));
  return 0;
}
