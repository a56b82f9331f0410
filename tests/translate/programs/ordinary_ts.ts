// Ordinary TypeScript that RTS once rejected: `ref && bool` in a test, an override with
// fewer parameters than a base method with a default, `new ns.C()` through a namespace
// import, `(x / n) | 0` on floats, and module-level constants as default values.
import { type int, type float } from '../../../translate/rlib/index.ts';
import * as shapes from './lib/shapes.ts';

const INITIAL_SIZE: int = 4;
const GREETING = 'hi';

class Disk {
  constructor(public size: int) {}
}

class Peg {
  disks: Disk[] = [];
  top(): Disk | null {
    return this.disks.length > 0 ? this.disks[this.disks.length - 1] : null;
  }
  canPlace(disk: Disk): boolean {
    const top = this.top();
    if (top && disk.size >= top.size) return false;
    return true;
  }
  bothOrNone(other: Peg): boolean {
    const a = this.top();
    const b = other.top();
    let n = 0;
    while (n < 3 && (a || (b && b.size > 100))) n++;
    return !(a && b) ? n > 0 : a.size === b.size;
  }
}

class Base {
  f(a: int, b: int = 0): int {
    return a * 10 + b;
  }
  g(x: int, scale: int = INITIAL_SIZE): int {
    return x * scale;
  }
}
class Sub extends Base {
  override f(a: int): int {
    return a + 1000;
  }
}

class Buffer2 {
  items: string[] = [];
  constructor(public cap: int = INITIAL_SIZE, public label: string = GREETING) {}
}

function grow(n: int, by: int = shapes.UNIT): int {
  return n + by;
}

function mid(lo: int, hi: int): int {
  return ((lo + hi) / 2) | 0;
}

export function main(argv: string[]): int {
  const p = new Peg();
  const q = new Peg();
  const out: string[] = [];
  out.push('empty ' + p.canPlace(new Disk(3)));
  p.disks.push(new Disk(2));
  out.push('small on big ' + p.canPlace(new Disk(1)) + ' big on small ' + p.canPlace(new Disk(5)));
  out.push('both ' + p.bothOrNone(q) + ' ' + q.bothOrNone(q));
  q.disks.push(new Disk(2));
  out.push('same ' + q.bothOrNone(p));
  console.log(out.join(', '));

  const objs: Base[] = [new Base(), new Sub()];
  let s = 0;
  for (const o of objs) s += o.f(7) + o.f(7, 3) + o.g(2) + o.g(2, 5);
  console.log('overrides ' + s + ' ' + new Sub().f(1));

  const c = new shapes.Cube(3);
  const sq: shapes.Square = new shapes.Square(4);
  console.log('namespace ' + c.volume() + ' ' + sq.area() + ' ' + shapes.describe(c) + ' ' + (c instanceof shapes.Cube));

  const xs: float[] = [7.9, -7.9, 1e10, -1e10, 4294967296.5, 2147483648.0, 0.5, -0.5];
  const ys: string[] = [];
  for (const x of xs) ys.push(String(x | 0) + ' ' + String(x >>> 0) + ' ' + String(~x) + ' ' + String((x / 3) | 0) + ' ' + String(x << 1));
  console.log('toint32 ' + ys.join('; ') + ' mid ' + mid(3, 8) + ' ' + mid(-3, -8));
  const zero = 0.0;
  const nan = zero / zero;
  console.log('nan/inf ' + (nan | 0) + ' ' + ((1 / zero) | 0));

  const b = new Buffer2();
  const b2 = new Buffer2(9, 'yo');
  console.log('defaults ' + b.cap + ' ' + b.label + ' ' + b2.cap + ' ' + b2.label + ' ' + grow(5) + ' ' + grow(5, 2));
  return 0;
}
