// expect: E_UNION
// message: argument 1 of take() (no common base class): Apple and Pear (generic method Basket.take<T> is one method for all its calls, since a method call picks its code by class alone: make it static or a top-level function
// An instance method with its own type parameters is not instantiated per call.
import { type int } from '../../../translate/rlib/index.ts';

class Apple {
  constructor(public weight: int) {}
}
class Pear {
  constructor(public name: string) {}
}
class Basket {
  count: int = 0;
  take<T>(x: T): int {
    this.count++;
    return this.count;
  }
}

export function main(argv: string[]): int {
  const b = new Basket();
  b.take(new Apple(3));
  b.take(new Pear('conference'));
  return b.count;
}
