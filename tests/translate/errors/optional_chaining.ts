// expect: E_UNSUPPORTED
import { type int } from '../../../translate/rlib/index.ts';

class N {
  next: N | null = null;
  v: int = 1;
}

export function main(argv: string[]): int {
  const n = new N();
  return n.next?.v ?? 0;
}
