// expect: E_UNION
import { type int } from '../../../translate/rlib/index.ts';

export function main(argv: string[]): int {
  const items: (string | int)[] = [];
  items.push('a');
  items.push(1);
  return items.length;
}
