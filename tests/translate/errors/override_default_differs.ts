// expect: E_ARGS
// message: Sub.f() gives parameter 'b' the default 5, but a call at
// Defaults are filled in at the call site, so overrides must agree on them.
import { type int } from '../../../translate/rlib/index.ts';

class Base {
  f(a: int, b: int = 0): int {
    return a + b;
  }
}
class Sub extends Base {
  override f(a: int, b: int = 5): int {
    return a * b;
  }
}

export function main(argv: string[]): int {
  const o: Base = argv.length > 5 ? new Base() : new Sub();
  return o.f(1);
}
