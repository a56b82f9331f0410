// default parameter values (literals), including on methods and constructors.
import { type int, type float } from '../../../translate/rlib/index.ts';

function greet(name: string, greeting: string = 'Hello', times: int = 1, excl: boolean = true): string {
  let s = '';
  for (let i = 0; i < times; i++) s += greeting + ', ' + name + (excl ? '!' : '.') + ' ';
  return s.trim();
}

function scale(x: float, factor: float = 2.0): float {
  return x * factor;
}

function maybe(n: int, label: string | null = null): string {
  return label === null ? 'n=' + n : label + '=' + n;
}

class Box {
  w: int;
  h: int;
  label: string;
  constructor(w: int = 1, h: int = 1, label: string = 'box') {
    this.w = w;
    this.h = h;
    this.label = label;
  }
  area(mult: int = 1): int {
    return this.w * this.h * mult;
  }
}

export function main(argv: string[]): int {
  console.log(greet('Ann'));
  console.log(greet('Bob', 'Hi'));
  console.log(greet('Cy', 'Yo', 3));
  console.log(greet('Di', 'Hey', 2, false));
  console.log('scale ' + scale(1.5) + ' ' + scale(1.5, 0.1));
  console.log(maybe(3) + ' ' + maybe(4, 'k'));
  const bs: Box[] = [new Box(), new Box(3), new Box(3, 4), new Box(5, 6, 'big')];
  let t = 0;
  for (const b of bs) {
    console.log(b.label + ' ' + b.area() + ' ' + b.area(10));
    t += b.area();
  }
  return t % 11;
}
