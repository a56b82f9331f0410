// expect: E_INT_FLOAT
// message: in Visitor<Point, number>: generic class Visitor is instantiated once for int and float, which are both number to tsc, so Visitor<Point, int> and Visitor<Point, float> share one instantiation; wrap one of them in a class, e.g. Visitor<Point, FloatBox>
// Two subclasses of one generic base at types tsc cannot tell apart share its instantiation.
import { type int, type float, toFloat } from '../../../translate/rlib/index.ts';

class Point {
  constructor(public x: int, public y: int) {}
}
abstract class Visitor<T, R> {
  abstract visit(x: T): R;
  visitAll(xs: T[]): R[] {
    const out: R[] = [];
    for (const x of xs) out.push(this.visit(x));
    return out;
  }
}
class Norm extends Visitor<Point, float> {
  visit(p: Point): float {
    return Math.sqrt(toFloat(p.x * p.x + p.y * p.y));
  }
}
class SumXY extends Visitor<Point, int> {
  visit(p: Point): int {
    return p.x + p.y;
  }
}

export function main(argv: string[]): int {
  const pts = [new Point(3, 4)];
  const a: Visitor<Point, float> = new Norm();
  const b: Visitor<Point, int> = new SumXY();
  console.log(a.visitAll(pts).join(' ') + ' ' + b.visitAll(pts).join(' '));
  return 0;
}
