// expect: E_UNSUPPORTED
import { type int } from '../../../translate/rlib/index.ts';

export function main(argv: string[]): int {
  const a: int[] = [1, 2];
  const b: int[] = [...a, 3];
  return b.length;
}
