// Overrides that leave out trailing parameters of a base method with defaults (JS ignores
// the extra arguments), called through the base, the subclass and super; three levels;
// an abstract method with a default; constructors with defaults in a class family; and
// defaults that are module-level constants, static readonly constants, enum members,
// negative literals and constants of other types.
import { type int, type float } from '../../../translate/rlib/index.ts';

const INITIAL_SIZE: int = 4;
const RATIO: float = 1.5;
const NAME = 'anon';
const VERBOSE = false;
enum Mode {
  Fast = 1,
  Slow = 10,
}

class Grid {
  static readonly CELLS: int = 9;
  cells: int[] = [];
  constructor(
    public size: int = INITIAL_SIZE,
    public name: string = NAME,
    public scale: float = RATIO,
  ) {}
  area(pad: int = 0, mode: Mode = Mode.Slow): int {
    return (this.size + pad) * (this.size + pad) * mode;
  }
  label(prefix: string = NAME, loud: boolean = VERBOSE): string {
    return prefix + ':' + this.name + (loud ? '!' : '');
  }
  fill(n: int = Grid.CELLS, start: int = -1): int {
    for (let i = 0; i < n; i++) this.cells.push(start + i);
    return this.cells.length;
  }
}

class Square extends Grid {
  constructor(size: int = 2) {
    super(size, 'sq');
  }
  // fewer parameters than the base: calls through Grid pass pad and mode, ignored here
  override area(): int {
    return this.size * 100;
  }
  override label(prefix: string = NAME): string {
    return '[' + prefix + ']';
  }
}

class Tiny extends Square {
  // a third level takes back one parameter, with the base's default
  override area(pad: int = 0): int {
    return super.area() + pad;
  }
}

abstract class Op {
  abstract apply(x: int, times: int): int;
  run(x: int, times: int = 2): int {
    return this.apply(x, times);
  }
}
class Double extends Op {
  apply(x: int): int {
    return x * 2;
  }
}
class Power extends Op {
  apply(x: int, times: int): int {
    let r = 1;
    for (let i = 0; i < times; i++) r *= x;
    return r;
  }
}

export function main(argv: string[]): int {
  const gs: Grid[] = [new Grid(), new Grid(3, 'three', 0.5), new Square(), new Tiny(1)];
  const out: string[] = [];
  for (const g of gs) out.push(g.area() + '/' + g.area(1) + '/' + g.area(1, Mode.Fast) + ' ' + g.label() + ' ' + g.label('p', true));
  console.log(out.join('; '));
  const t = new Tiny(5);
  const sq: Square = t;
  console.log('direct ' + t.area() + ' ' + t.area(7) + ' ' + sq.area() + ' ' + sq.label('s') + ' ' + new Square().area());
  const g0 = new Grid();
  console.log('ctor ' + g0.size + ' ' + g0.name + ' ' + g0.scale + ' ' + new Square().name + ' ' + new Grid(1).fill() + ' ' + new Grid(1).fill(2) + ' ' + new Grid().fill(3, 10));
  const ops: Op[] = [new Double(), new Power()];
  const r: int[] = [];
  for (const o of ops) {
    r.push(o.run(3));
    r.push(o.run(3, 4));
    r.push(o.apply(2, 5));
  }
  console.log('abstract ' + r.join(' '));
  return 0;
}
