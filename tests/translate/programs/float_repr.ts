import { type int, type float, floatRepr, parseFloatStrict, toFloat } from '../../../translate/rlib/index.ts';

const VALUES: float[] = [
  0.1, 0.1 + 0.2, 1.0, -1.0, 0.0, -0.0, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 0.00012345, 1.5e-10,
  1e22, 1e100, 5e-324, 1.7976931348623157e308, NaN, Infinity, -Infinity, 3.141592653589793, 2.5, 100.0, 1234.5,
  9999999999999998.0, 0.001, 1e-7, 2.0 ** 70, 12.0, -0.5,
];

const STRINGS: string[] = ['1.5', ' 2 ', '-3.25e2', '.5', '5.', 'inf', '-Infinity', 'nan', 'abc', '', '1e', '+7', '1_0', '0x10', '1e400', '-1e-400'];

export function main(argv: string[]): int {
  for (const v of VALUES) console.log(floatRepr(v) + '  (js ' + v + ')');
  for (const s of STRINGS) {
    const f = parseFloatStrict(s);
    console.log('"' + s + '" -> ' + floatRepr(f));
  }
  let acc = 0.0;
  let count = 0;
  for (let i = 0; i < 2000; i++) {
    const v = toFloat(i) * 0.37 - 100.0;
    const r = floatRepr(v);
    const back = parseFloatStrict(r);
    if (back === v) count++;
    acc += back;
  }
  console.log('roundtrip ' + count + ' acc ' + floatRepr(acc));
  return count === 2000 ? 0 : 1;
}
