// expect: E_INT_FLOAT
import { type int } from '../../../translate/rlib/index.ts';

function half(n: int): int {
  let r = n;
  r = n / 2;
  return r;
}

export function main(argv: string[]): int {
  return half(7);
}
