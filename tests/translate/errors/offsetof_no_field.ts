// expect: E_NO_ATTR
// rlib's offsetOf names a field the class does not declare.
import { type int, offsetOf } from '../../../translate/rlib/index.ts';

class Point {
  x: int;
  constructor(x: int) {
    this.x = x;
  }
}

export function main(argv: string[]): int {
  const p = new Point(3);
  return p.x + offsetOf(Point, 'y');
}
