// expect: E_ANY
import { type int } from '../../../translate/rlib/index.ts';

class P {
  x: int = 1;
}

export function main(argv: string[]): int {
  const p = new P();
  return (p as any).y;
}
