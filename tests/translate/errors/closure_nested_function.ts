// expect: E_UNSUPPORTED
import { type int } from '../../../translate/rlib/index.ts';

export function main(argv: string[]): int {
  let total = 0;
  function add(n: int): void {
    total += n;
  }
  add(3);
  add(4);
  return total;
}
