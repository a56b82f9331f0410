// expect: E_NO_ATTR
import { type int } from '../../../translate/rlib/index.ts';

// Declaration merging makes tsc believe B has h(); the class never defines it.
interface B {
  h(): int;
}
class B {
  g(): int {
    return 2;
  }
}

export function main(argv: string[]): int {
  const b = new B();
  return b.g() + b.h();
}
