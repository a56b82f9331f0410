// expect: E_INT_FLOAT
// message: generic function lastOf is instantiated once for int and float, which are both number to tsc, so lastOf<int> and lastOf<float> share one instantiation; wrap one of them in a class
// A generic function is instantiated per type argument as tsc sees it: int and float are both number.
import { type int, type float } from '../../../translate/rlib/index.ts';

function lastOf<T>(xs: T[]): T {
  return xs[xs.length - 1];
}

export function main(argv: string[]): int {
  const a: int[] = [1, 2];
  const b: float[] = [1.5, 2.5];
  console.log('last ' + lastOf(a) + ' ' + lastOf(b));
  return 0;
}
