// expect: E_UNSUPPORTED
// message: 'Shape.count' changed: a static field is a constant in RTS (its value when the program is loaded); keep state that changes in a field of an object
// A rule that stays: statics are folded at load time, as module-level constants are.
import { type int } from '../../../translate/rlib/index.ts';

class Shape {
  static count: int = 0;
  constructor(public name: string) {
    Shape.count++;
  }
}

export function main(argv: string[]): int {
  new Shape('a');
  return Shape.count;
}
