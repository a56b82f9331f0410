// Generic classes and functions used at two (or more) type arguments each: every
// instantiation is its own class or function (monomorphised), as in RPython.
import { type int, type float, toFloat } from '../../../translate/rlib/index.ts';

class Point {
  constructor(public x: int, public y: int) {}
}
class Word {
  constructor(public text: string) {}
}

class Vec<T> {
  items: T[] = [];
  push(x: T): Vec<T> {
    this.items.push(x);
    return this;
  }
  get(i: int): T {
    return this.items[i];
  }
  size(): int {
    return this.items.length;
  }
  copy(): Vec<T> {
    const v = new Vec<T>();
    for (const x of this.items) v.push(x);
    return v;
  }
}

// a generic tree of nodes, instantiated with its node class
class TreeNode<K> {
  left: TreeNode<K> | null = null;
  right: TreeNode<K> | null = null;
  constructor(public key: K, public weight: int) {}
}
class Tree<K> {
  root: TreeNode<K> | null = null;
  count: int = 0;
  insert(key: K, weight: int): void {
    const n = new TreeNode<K>(key, weight);
    this.count++;
    if (this.root === null) {
      this.root = n;
      return;
    }
    let cur: TreeNode<K> = this.root;
    for (;;) {
      if (weight < cur.weight) {
        if (cur.left === null) {
          cur.left = n;
          return;
        }
        cur = cur.left;
      } else {
        if (cur.right === null) {
          cur.right = n;
          return;
        }
        cur = cur.right;
      }
    }
  }
  inOrder(out: K[]): void {
    walk(this.root, out);
  }
}
function walk<K>(n: TreeNode<K> | null, out: K[]): void {
  if (n === null) return;
  walk(n.left, out);
  out.push(n.key);
  walk(n.right, out);
}

// subclass families at two types
class PointVec extends Vec<Point> {
  sumX(): int {
    let s = 0;
    for (const p of this.items) s += p.x;
    return s;
  }
}
class WordVec extends Vec<Word> {
  joined(): string {
    const parts: string[] = [];
    for (const w of this.items) parts.push(w.text);
    return parts.join('-');
  }
}

// a generic abstract base used at two types
abstract class Shape<M> {
  constructor(public meta: M) {}
  abstract area(): float;
  describe(): string {
    return 'area ' + this.area().toFixed(2);
  }
}
class Circle extends Shape<string> {
  constructor(
    meta: string,
    public r: float,
  ) {
    super(meta);
  }
  area(): float {
    return Math.PI * this.r * this.r;
  }
}
class Rect extends Shape<Point> {
  area(): float {
    return toFloat(this.meta.x * this.meta.y);
  }
}

// generic functions at two types
function lastOf<T>(xs: T[]): T {
  return xs[xs.length - 1];
}
function countWhere<T>(xs: Vec<T>, v: T): int {
  let n = 0;
  for (let i = 0; i < xs.size(); i++) if (xs.get(i) === v) n++;
  return n;
}

export function main(argv: string[]): int {
  const pts = new Vec<Point>();
  const words = new Vec<Word>();
  const names = new Vec<string>();
  const nums = new Vec<int>();
  for (let i = 0; i < 5; i++) {
    pts.push(new Point(i, i * i));
    words.push(new Word('w' + i));
    names.push('n' + (i % 2));
    nums.push(i * 7);
  }
  const pc = pts.copy();
  console.log('vec ' + pts.get(4).y + ' ' + words.get(2).text + ' ' + names.get(3) + ' ' + nums.get(4) + ' copy ' + pc.size() + ' ' + pc.get(1).x);
  console.log('count ' + countWhere(names, 'n1') + ' ' + countWhere(nums, 14) + ' ' + countWhere(pts, pts.get(2)));
  console.log('last ' + lastOf(argv) + ' ' + lastOf([1.5, 2.5]) + ' ' + lastOf([new Word('z')]).text);

  const t1 = new Tree<string>();
  const t2 = new Tree<Point>();
  const ws = [5, 3, 8, 1, 4];
  for (const w of ws) {
    t1.insert('k' + w, w);
    t2.insert(new Point(w, -w), 10 - w);
  }
  const o1: string[] = [];
  const o2: Point[] = [];
  t1.inOrder(o1);
  t2.inOrder(o2);
  const ys: string[] = [];
  for (const p of o2) ys.push(String(p.y));
  console.log('trees ' + o1.join(',') + ' / ' + ys.join(',') + ' sizes ' + t1.count + ' ' + t2.count);

  const pv = new PointVec();
  const wv = new WordVec();
  pv.push(new Point(2, 0)).push(new Point(3, 0));
  wv.push(new Word('a')).push(new Word('b'));
  console.log('subclasses ' + pv.sumX() + ' ' + wv.joined() + ' ' + pv.size() + ' ' + wv.get(1).text);

  const shapes: Shape<string>[] = [new Circle('unit', 1.0), new Circle('two', 2.0)];
  const rects: Shape<Point>[] = [new Rect(new Point(3, 4))];
  for (const s of shapes) console.log(s.meta + ' ' + s.describe());
  for (const r of rects) console.log('rect ' + r.meta.x + 'x' + r.meta.y + ' ' + r.describe());
  return 0;
}
