// expect: E_ARGS
import { type int } from '../../../translate/rlib/index.ts';

function add(a: int, b: int): int {
  return a + b;
}

export function main(argv: string[]): int {
  const l: int[] = [];
  l.push(1, 2);
  return add(1, 2) + l.length;
}
