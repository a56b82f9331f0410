import { type int, type float, toFloat } from '../../../translate/rlib/index.ts';

abstract class Shape {
  name: string;
  constructor(name: string) {
    this.name = name;
  }
  abstract area(): float;
  abstract sides(): int;
  describe(): string {
    return `${this.name} with ${this.sides()} sides, area ${this.area()}`;
  }
  kind(): string {
    return 'shape';
  }
}

class Rect extends Shape {
  w: float;
  h: float;
  constructor(w: float, h: float) {
    super('rect');
    this.w = w;
    this.h = h;
  }
  area(): float {
    return this.w * this.h;
  }
  sides(): int {
    return 4;
  }
  kind(): string {
    return 'rect/' + super.kind();
  }
}

class Square extends Rect {
  constructor(s: float) {
    super(s, s);
    this.name = 'square';
  }
  kind(): string {
    return 'square/' + super.kind();
  }
  diagonal(): float {
    return Math.sqrt(2.0) * this.w;
  }
}

class Triangle extends Shape {
  a: float;
  b: float;
  c: float;
  constructor(a: float, b: float, c: float) {
    super('triangle');
    this.a = a;
    this.b = b;
    this.c = c;
  }
  area(): float {
    const s = (this.a + this.b + this.c) / 2.0;
    return Math.sqrt(s * (s - this.a) * (s - this.b) * (s - this.c));
  }
  sides(): int {
    return 3;
  }
}

class Circle extends Shape {
  r: float;
  constructor(r: float) {
    super('circle');
    this.r = r;
  }
  area(): float {
    return Math.PI * this.r * this.r;
  }
  sides(): int {
    return 0;
  }
  describe(): string {
    return 'round ' + super.describe();
  }
}

// a deep hierarchy
class A {
  depth(): int {
    return 1;
  }
  who(): string {
    return 'A';
  }
}
class B extends A {
  depth(): int {
    return super.depth() + 1;
  }
}
class C extends B {
  who(): string {
    return 'C>' + super.who();
  }
}
class D extends C {
  depth(): int {
    return super.depth() * 10;
  }
}
class E extends D {
  who(): string {
    return 'E>' + super.who();
  }
}
class F extends E {
  depth(): int {
    return super.depth() + 100;
  }
}

function classify(s: Shape): string {
  if (s instanceof Square) return 'square diag=' + s.diagonal().toFixed(3);
  if (s instanceof Rect) return 'rect w=' + s.w;
  if (s instanceof Circle) return 'circle r=' + s.r;
  return 'other ' + s.sides();
}

function total(shapes: Shape[]): float {
  let t = 0.0;
  for (const s of shapes) t += s.area();
  return t;
}

export function main(argv: string[]): int {
  const shapes: Shape[] = [new Rect(2.0, 3.5), new Square(3.0), new Triangle(3.0, 4.0, 5.0), new Circle(1.5)];
  for (const s of shapes) {
    console.log(s.describe());
    console.log('  kind: ' + s.kind());
    console.log('  ' + classify(s));
  }
  console.log('total area ' + total(shapes));
  const chain: A[] = [new A(), new B(), new C(), new D(), new E(), new F()];
  let sum = 0;
  for (const a of chain) {
    console.log(a.who() + ' ' + a.depth());
    sum += a.depth();
  }
  let count = 0;
  for (let i = 0; i < 1000; i++) {
    const s: Shape = i % 3 === 0 ? new Square(toFloat(i)) : i % 3 === 1 ? new Circle(1.0) : new Triangle(3.0, 4.0, 5.0);
    if (s instanceof Rect) count += s.sides();
    else count += 1;
  }
  console.log('count ' + count + ' sum ' + sum);
  return sum % 7;
}
