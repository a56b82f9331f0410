// expect: E_UNSUPPORTED
import { type int } from '../../../translate/rlib/index.ts';

export function main(argv: string[]): int {
  const xs: int[] = [1, 2, 3];
  const [a, b] = xs;
  return a + b;
}
