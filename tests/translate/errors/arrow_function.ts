// expect: E_UNSUPPORTED
import { type int } from '../../../translate/rlib/index.ts';

export function main(argv: string[]): int {
  const k = 3;
  const add = (a: int): int => a + k;
  return add(4);
}
