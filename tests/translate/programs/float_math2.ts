// More float semantics: toFixed, rounding, min/max with -0 and NaN, conversions, accumulation.
import { type int, type float, toFloat, toInt, floatRepr } from '../../../translate/rlib/index.ts';

const XS: float[] = [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 1e15 + 0.5, -0.0, 123.456789, 1e-10, 99.995, 0.045];

export function main(argv: string[]): int {
  for (const x of XS) {
    console.log(`${x}: round ${Math.round(x)} floor ${Math.floor(x)} ceil ${Math.ceil(x)} trunc ${Math.trunc(x)} fixed0 ${x.toFixed(0)} fixed2 ${x.toFixed(2)} fixed5 ${x.toFixed(5)} repr ${floatRepr(x)}`);
  }
  const nz = -0.0;
  console.log('min/max ' + Math.min(0.0, nz) + ' ' + Math.max(nz, 0.0) + ' ' + (1.0 / Math.min(0.0, nz)) + ' ' + (1.0 / Math.max(nz, 0.0)) + ' ' + Math.min(1.0, NaN) + ' ' + Math.max(NaN, 1.0));
  console.log('pow ' + Math.pow(2.0, 10.0) + ' ' + Math.pow(-8.0, 1.0 / 3.0) + ' ' + Math.pow(0.0, -1.0) + ' ' + Math.pow(1.0, Infinity) + ' ' + Math.pow(NaN, 0.0) + ' ' + Math.pow(-0.0, -3.0));
  console.log('sqrt ' + Math.sqrt(1e-300) + ' ' + Math.sqrt(Infinity) + ' ' + Math.sqrt(-0.0) + ' hypot ' + Math.hypot(1e200, 1e200));
  let s = 0.0;
  for (let i = 0; i < 1000000; i++) s += 0.1;
  console.log('sum 0.1 x 1e6 = ' + s + ' repr ' + floatRepr(s));
  let p = 1.0;
  for (let i = 1; i <= 170; i++) p *= toFloat(i);
  console.log('170! = ' + p + ' 171! = ' + p * 171.0);
  let d = 1.0;
  let steps = 0;
  while (d > 0.0) {
    d /= 2.0;
    steps++;
  }
  console.log('halvings to zero ' + steps);
  console.log('toInt ' + toInt(1e15 + 0.5) + ' ' + toInt(-2.5) + ' ' + toInt(Math.floor(-2.5)) + ' ' + toFloat(7) / toFloat(2));
  const big = 2.0 ** 53;
  console.log('precision ' + (big + 1.0) + ' ' + (big + 2.0) + ' ' + (big - 1.0));
  console.log('div ' + (1.0 / 0.0) + ' ' + (-1.0 / 0.0) + ' ' + (0.0 / 0.0) + ' ' + 7 / 0 + ' ' + -7 / 0);
  console.log('cmp ' + (-0.0 === 0.0) + ' ' + (-0.0 < 0.0));
  return steps % 100;
}
