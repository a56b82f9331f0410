// expect: E_UNSUPPORTED
// message: new Array(n): an array with holes has no RTS type; start from [] and push the items
// A rule that stays: new Array(n) makes n holes (undefined), which no list item type holds.
import { type int } from '../../../translate/rlib/index.ts';

export function main(argv: string[]): int {
  const n = argv.length + 3;
  const xs: int[] = new Array(n);
  for (let i = 0; i < n; i++) xs[i] = i;
  return xs.length;
}
