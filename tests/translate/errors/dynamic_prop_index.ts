// expect: E_DYNAMIC_PROP
import { type int } from '../../../translate/rlib/index.ts';

class P {
  x: int = 1;
}

export function main(argv: string[]): int {
  const p = new P();
  return p['x'];
}
