// Classes of another module through a namespace import: `new lib.C()`, a generic class
// `new lib.Vec<T>()` at two types, a local subclass of `lib.C`, static members, enum members
// and constants through the namespace (also as default values), `instanceof lib.C`, and
// `lib.C` as a type.
import { type int } from '../../../translate/rlib/index.ts';
import * as lib from './lib/containers.ts';

class Rect extends lib.Shape {
  constructor(
    public w: int,
    public h: int,
  ) {
    super('rect');
  }
  override area(): int {
    return this.w * this.h;
  }
}

function paint(s: lib.Shape, c: lib.Color = lib.Color.Blue, times: int = lib.LIMIT): string {
  return s.name + ' color ' + c + ' x' + times;
}

export function main(argv: string[]): int {
  const shapes = new lib.Vec<lib.Shape>();
  const names = new lib.Vec<string>();
  shapes.push(new lib.Square(3));
  shapes.push(new Rect(2, 5));
  shapes.push(lib.Shape.unit());
  shapes.push(new lib.Shape('blob'));
  for (const a of argv) names.push(lib.PREFIX + a);
  let total = 0;
  let squares = 0;
  for (const s of shapes.items) {
    total += s.area();
    if (s instanceof lib.Square) squares += s.side;
  }
  console.log('areas ' + total + ' squares ' + squares + ' count ' + lib.TALLY.shapes + ' ' + lib.Shape.SIDES + ' names ' + names.at(1) + ' ' + names.items.length);
  const first: lib.Shape = shapes.at(0);
  console.log('labels ' + lib.label(first) + ' ' + lib.label(shapes.at(1), 7) + ' ' + (shapes.at(1) instanceof Rect));
  console.log('defaults ' + paint(first) + '; ' + paint(shapes.at(1), lib.Color.Red) + '; ' + paint(shapes.at(3), lib.Color.Green, 1));
  return 0;
}
