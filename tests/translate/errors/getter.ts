// expect: E_UNSUPPORTED
import { type int } from '../../../translate/rlib/index.ts';

class C {
  private x: int = 2;
  get double(): int {
    return this.x * 2;
  }
}

export function main(argv: string[]): int {
  return new C().double;
}
