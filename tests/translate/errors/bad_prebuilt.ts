// expect: E_CONST
import { type int } from '../../../translate/rlib/index.ts';

const TABLE = new Set<int>([1, 2, 3]);

export function main(argv: string[]): int {
  return TABLE.has(2) ? 1 : 0;
}
