// Regression: `**=` is rejected although `**` on ints and floats translates.
import { type int } from '../../../translate/rlib/index.ts';

export function main(argv: string[]): int {
  let x = 3;
  x **= 4;
  let f = 2.0;
  f **= 0.5;
  console.log(x + ' ' + f + ' ' + 2 ** 10 + ' ' + 2.0 ** -1.0);
  return x % 10;
}
