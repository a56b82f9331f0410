// Matrix multiply with float[][] and int[][], transpose, identity checks.
import { type int, type float, toFloat } from '../../../translate/rlib/index.ts';

function make(n: int, m: int, seed: int): float[][] {
  const a: float[][] = [];
  let s = seed;
  for (let i = 0; i < n; i++) {
    const row: float[] = [];
    for (let j = 0; j < m; j++) {
      s = (s * 48271) % 2147483647;
      row.push(toFloat(s % 1000) / 100.0 - 5.0);
    }
    a.push(row);
  }
  return a;
}

function mul(a: float[][], b: float[][]): float[][] {
  const n = a.length;
  const m = b[0].length;
  const k = b.length;
  const c: float[][] = [];
  for (let i = 0; i < n; i++) {
    const row: float[] = [];
    for (let j = 0; j < m; j++) {
      let s = 0.0;
      for (let t = 0; t < k; t++) s += a[i][t] * b[t][j];
      row.push(s);
    }
    c.push(row);
  }
  return c;
}

function transpose(a: float[][]): float[][] {
  const t: float[][] = [];
  for (let j = 0; j < a[0].length; j++) {
    const row: float[] = [];
    for (let i = 0; i < a.length; i++) row.push(a[i][j]);
    t.push(row);
  }
  return t;
}

function imul(a: int[][], b: int[][]): int[][] {
  const n = a.length;
  const c: int[][] = [];
  for (let i = 0; i < n; i++) {
    const row: int[] = [];
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < n; t++) s = (s + a[i][t] * b[t][j]) % 1000003;
      row.push(s);
    }
    c.push(row);
  }
  return c;
}

export function main(argv: string[]): int {
  const a = make(120, 80, 1);
  const b = make(80, 100, 2);
  const c = mul(a, b);
  let tr = 0.0;
  for (let i = 0; i < 100; i++) tr += c[i][i];
  console.log('trace ' + tr + ' c[3][7] ' + c[3][7] + ' c[119][99] ' + c[119][99]);
  const ct = mul(transpose(b), transpose(a));
  let maxdiff = 0.0;
  for (let i = 0; i < 120; i++) for (let j = 0; j < 100; j++) maxdiff = Math.max(maxdiff, Math.abs(c[i][j] - ct[j][i]));
  console.log('transpose identity maxdiff ' + maxdiff);
  // fibonacci by 2x2 matrix power mod p
  let r: int[][] = [
    [1, 0],
    [0, 1],
  ];
  let m: int[][] = [
    [1, 1],
    [1, 0],
  ];
  let e = 1000000;
  while (e > 0) {
    if (e % 2 === 1) r = imul(r, m);
    m = imul(m, m);
    e = Math.floor(e / 2) === 0.0 ? 0 : e >> 1;
  }
  console.log('fib(1e6) mod 1000003 = ' + r[0][1]);
  return 0;
}
