// expect: E_UNSUPPORTED
import { type int } from '../../../translate/rlib/index.ts';

function* count(n: int): Generator<int> {
  for (let i = 0; i < n; i++) yield i;
}

export function main(argv: string[]): int {
  let s = 0;
  for (const x of count(4)) s += x;
  return s;
}
