// Many small virtual calls over a mixed list of shapes.
import { type int, type float, toFloat } from '../../../translate/rlib/index.ts';

abstract class Shape {
  abstract area(): float;
  abstract perimeter(): float;
  scale(k: float): void {}
}
class Circle extends Shape {
  constructor(public r: float) {
    super();
  }
  area(): float {
    return Math.PI * this.r * this.r;
  }
  perimeter(): float {
    return 2 * Math.PI * this.r;
  }
  override scale(k: float): void {
    this.r *= k;
  }
}
class Rect extends Shape {
  constructor(
    public w: float,
    public h: float,
  ) {
    super();
  }
  area(): float {
    return this.w * this.h;
  }
  perimeter(): float {
    return 2 * (this.w + this.h);
  }
  override scale(k: float): void {
    this.w *= k;
    this.h *= k;
  }
}
class Square extends Rect {
  constructor(s: float) {
    super(s, s);
  }
}
class Tri extends Shape {
  constructor(
    public a: float,
    public b: float,
    public c: float,
  ) {
    super();
  }
  area(): float {
    const s = this.perimeter() / 2;
    return Math.sqrt(s * (s - this.a) * (s - this.b) * (s - this.c));
  }
  perimeter(): float {
    return this.a + this.b + this.c;
  }
}

export function main(argv: string[]): int {
  const rounds = argv.length > 0 && argv[0] === 'bench' ? 600 : 5;
  const shapes: Shape[] = [];
  for (let i = 0; i < 10000; i++) {
    const f = toFloat(i % 17) + 1.0;
    const k = i % 4;
    if (k === 0) shapes.push(new Circle(f));
    else if (k === 1) shapes.push(new Rect(f, f + 1.0));
    else if (k === 2) shapes.push(new Square(f));
    else shapes.push(new Tri(f + 2.0, f + 3.0, f + 4.0));
  }
  let total = 0.0;
  for (let r = 0; r < rounds; r++) {
    for (const s of shapes) total += s.area() / s.perimeter();
    for (const s of shapes) s.scale(r % 2 === 0 ? 1.5 : 1.0 / 1.5);
  }
  console.log('shapes ' + total.toFixed(3));
  return 0;
}
