// Arbitrary-precision naturals as base-10^4 digit lists: factorial, power, fibonacci.
import { type int, floorDiv } from '../../../translate/rlib/index.ts';

const BASE = 10000;

function fromInt(n: int): int[] {
  const d: int[] = [];
  if (n === 0) d.push(0);
  while (n > 0) {
    d.push(n % BASE);
    n = floorDiv(n, BASE);
  }
  return d;
}

function mulSmall(a: int[], m: int): int[] {
  const r: int[] = [];
  let carry = 0;
  for (const x of a) {
    const v = x * m + carry;
    r.push(v % BASE);
    carry = floorDiv(v, BASE);
  }
  while (carry > 0) {
    r.push(carry % BASE);
    carry = floorDiv(carry, BASE);
  }
  return r;
}

function add(a: int[], b: int[]): int[] {
  const r: int[] = [];
  let carry = 0;
  for (let i = 0; i < a.length || i < b.length; i++) {
    const v = (i < a.length ? a[i] : 0) + (i < b.length ? b[i] : 0) + carry;
    r.push(v % BASE);
    carry = v >= BASE ? 1 : 0;
  }
  if (carry > 0) r.push(carry);
  return r;
}

function mul(a: int[], b: int[]): int[] {
  const r: int[] = [];
  for (let i = 0; i < a.length + b.length; i++) r.push(0);
  for (let i = 0; i < a.length; i++) {
    let carry = 0;
    for (let j = 0; j < b.length; j++) {
      const v = r[i + j] + a[i] * b[j] + carry;
      r[i + j] = v % BASE;
      carry = floorDiv(v, BASE);
    }
    let k = i + b.length;
    while (carry > 0) {
      const v = r[k] + carry;
      r[k] = v % BASE;
      carry = floorDiv(v, BASE);
      k++;
    }
  }
  while (r.length > 1 && r[r.length - 1] === 0) r.pop();
  return r;
}

function toStr(a: int[]): string {
  let s = String(a[a.length - 1]);
  for (let i = a.length - 2; i >= 0; i--) s += String(a[i]).padStart(4, '0');
  return s;
}

function digitSum(s: string): int {
  let t = 0;
  for (let i = 0; i < s.length; i++) t += s.charCodeAt(i) - 48;
  return t;
}

export function main(argv: string[]): int {
  let f = fromInt(1);
  for (let i = 2; i <= 300; i++) f = mulSmall(f, i);
  const fs = toStr(f);
  console.log('300! has ' + fs.length + ' digits, digit sum ' + digitSum(fs) + ', head ' + fs.slice(0, 30));
  let p = fromInt(1);
  const two = fromInt(2);
  for (let i = 0; i < 1000; i++) p = mul(p, two);
  const ps = toStr(p);
  console.log('2^1000 digit sum ' + digitSum(ps) + ' tail ' + ps.slice(-20));
  let a = fromInt(0);
  let b = fromInt(1);
  let n = 1;
  while (toStr(b).length < 500) {
    const t = add(a, b);
    a = b;
    b = t;
    n++;
  }
  console.log('first fib with 500 digits: F' + n);
  const sq = mul(fromInt(99999999), fromInt(99999999));
  console.log('99999999^2 = ' + toStr(sq));
  return n % 256;
}
