import { type int, type float, toFloat } from '../../../translate/rlib/index.ts';

const VALUES: float[] = [
  0.1 + 0.2, 1e21, 1e-7, 5e-324, -0.0, 0.0, NaN, Infinity, -Infinity, 1.0, 100.0, 123456789012345680000.0,
  1e20, 1.5e-6, 1e-6, 0.000001234, 2.0 ** 53, 2.0 ** 63, 1.7976931348623157e308, 2.2250738585072014e-308,
  123.456, -987.654321, 1.0 / 3.0, 2.0 / 3.0, 100.0 / 7.0, 4.35, 0.3, 1e300 * 10.0, 9007199254740993.0, 1e16, 1.2e15,
  3.0e-5, 255.0 / 256.0, 1e100, -1e-100, 12345678.9, 0.5, 65536.0 * 65536.0,
];

function check(): int {
  let bad = 0;
  for (const v of VALUES) {
    if (Number.isNaN(v)) continue;
    if (v !== v) bad++;
  }
  return bad;
}

export function main(argv: string[]): int {
  for (const v of VALUES) {
    console.log(String(v) + ' ' + `${v}` + ' ' + v.toString() + ' | ' + (v * 2.0) + ' ' + (-v));
  }
  const negz = -0.0;
  console.log('negz ' + negz + ' ' + (1.0 / negz) + ' ' + (negz === 0.0) + ' ' + Math.sign(negz));
  console.log('math ' + Math.sqrt(2.0) + ' ' + Math.floor(-2.5) + ' ' + Math.ceil(-2.5) + ' ' + Math.round(-2.5) + ' ' + Math.round(2.5) + ' ' + Math.round(-0.4) + ' ' + Math.trunc(-7.9));
  console.log('trig ' + Math.sin(1.0) + ' ' + Math.cos(1.0) + ' ' + Math.tan(0.5) + ' ' + Math.atan(1.0) + ' ' + Math.atan2(-1.0, -1.0));
  console.log('exp ' + Math.exp(1.0) + ' ' + Math.log(10.0) + ' ' + Math.log2(1024.0) + ' ' + Math.log10(0.001) + ' ' + Math.pow(2.0, 0.5) + ' ' + Math.pow(10.0, -3.0));
  console.log('misc ' + Math.hypot(3.0, 4.0) + ' ' + Math.abs(-3.25) + ' ' + Math.min(1.5, -2.5) + ' ' + Math.max(1.5, -2.5) + ' ' + Math.sign(-3.0) + ' ' + Math.PI + ' ' + Math.E);
  console.log('nan ' + Math.sqrt(-1.0) + ' ' + Number.isNaN(0.0 / 0.0) + ' ' + (Math.sqrt(-1.0) === Math.sqrt(-1.0)) + ' ' + Math.log(0.0) + ' ' + (Infinity - Infinity));
  console.log('cmp ' + (0.1 + 0.2 === 0.3) + ' ' + (0.1 + 0.2 > 0.3) + ' ' + (NaN < 1.0) + ' ' + (Infinity > 1e308));
  let x = 1.0;
  let line = '';
  for (let i = 0; i < 30; i++) {
    x = x * 3.7 + 0.1;
    if (i % 3 === 0) line += x + ' ';
  }
  console.log(line);
  let y = 1.0;
  line = '';
  for (let i = 0; i < 25; i++) {
    y = y / 7.3;
    if (i % 4 === 0) line += y + ' ';
  }
  console.log(line);
  let h = 0.0;
  for (let i = 1; i <= 1000; i++) h += 1.0 / toFloat(i);
  console.log('harmonic ' + h);
  const ints = [0, -1, 123456789, 9007199254740991, -9007199254740991];
  for (const i of ints) console.log('int ' + i + ' ' + toFloat(i) / 10.0);
  console.log('bad ' + check());
  return 3;
}
