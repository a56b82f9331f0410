// RDict with custom hash/eq (point keys), and StringBuilder.
import { type int, RDict, type KeyOps, StringBuilder } from '../../../translate/rlib/index.ts';

class Point {
  x: int;
  y: int;
  constructor(x: int, y: int) {
    this.x = x;
    this.y = y;
  }
}

class PointOps implements KeyOps<Point> {
  hash(p: Point): int {
    return (p.x * 31 + p.y) | 0;
  }
  eq(a: Point, b: Point): boolean {
    return a.x === b.x && a.y === b.y;
  }
}

export function main(argv: string[]): int {
  const d = new RDict<Point, string>(new PointOps());
  for (let x = -10; x < 10; x++) for (let y = -10; y < 10; y++) d.set(new Point(x, y), x + ',' + y);
  console.log('size ' + d.size() + ' get ' + d.get(new Point(3, -4)) + ' has ' + d.has(new Point(10, 0)));
  for (let x = -10; x < 10; x += 2) d.delete(new Point(x, x));
  console.log('after delete ' + d.size() + ' ' + d.get(new Point(2, 2)) + ' ' + d.get(new Point(3, 3)));
  d.set(new Point(0, 0), 'origin');
  const keys = d.keyList();
  console.log('last key ' + keys[keys.length - 1].x + ',' + keys[keys.length - 1].y + ' first ' + keys[0].x + ',' + keys[0].y);
  const sb2 = new StringBuilder();
  for (let i = 0; i < 10000; i++) sb2.append(String.fromCharCode(97 + (i % 26)));
  const s = sb2.build();
  sb2.append('!');
  console.log(s.length + ' ' + sb2.build().length + ' ' + s.slice(0, 30));
  return d.size() % 13;
}
