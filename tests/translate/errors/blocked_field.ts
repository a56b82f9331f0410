// expect: E_BLOCKED
// An item of a list that nothing ever stores into has no type.
import { type int } from '../../../translate/rlib/index.ts';

class Cache {
  items = [];
}

export function main(argv: string[]): int {
  const c = new Cache();
  const first = c.items[0];
  return first === undefined ? 0 : 1;
}
