// Generic class families at two (or more) type arguments: an abstract generic base whose
// abstract methods take T, called through the base at each instantiation; a generic
// subclass of a generic class at a composed argument (Keyed<T> extends Store<Pair<T>>);
// a generic holding a Map at two key kinds; lists and nullable references as type
// arguments; static generic methods, and recursive generic functions at two types.
import { type int, type float, toFloat } from '../../../translate/rlib/index.ts';

class Point {
  constructor(public x: int, public y: int) {}
}
class Label {
  constructor(public text: string) {}
}

abstract class Visitor<T, R> {
  visits: int = 0;
  abstract visit(x: T): R;
  visitAll(xs: T[]): R[] {
    const out: R[] = [];
    for (const x of xs) {
      this.visits++;
      out.push(this.visit(x));
    }
    return out;
  }
}
class PointNorm extends Visitor<Point, float> {
  visit(p: Point): float {
    return Math.sqrt(toFloat(p.x * p.x + p.y * p.y));
  }
}
class PointTag extends Visitor<Point, string> {
  visit(p: Point): string {
    return p.x + ':' + p.y;
  }
}
class LabelLen extends Visitor<Label, int> {
  visit(l: Label): int {
    return l.text.length;
  }
}
class LabelUpper extends Visitor<Label, string> {
  visit(l: Label): string {
    return l.text.toUpperCase();
  }
}
// a second level: a generic subclass of a generic abstract base (at Label it shares
// Visitor<Label, int> with LabelLen; at Point it could not, as Visitor<Point, float> and
// Visitor<Point, int> are one instantiation to tsc, where int and float are both number)
class Counting<T> extends Visitor<T, int> {
  visit(x: T): int {
    return this.visits;
  }
}

class Pair<T> {
  constructor(public key: string, public value: T) {}
}
class Store<E> {
  entries: E[] = [];
  add(e: E): int {
    this.entries.push(e);
    return this.entries.length;
  }
  first(): E | null {
    return this.entries.length ? this.entries[0] : null;
  }
  static of<E>(a: E, b: E): Store<E> {
    const s = new Store<E>();
    s.add(a);
    s.add(b);
    return s;
  }
}
class Keyed<T> extends Store<Pair<T>> {
  index = new Map<string, T>();
  put(key: string, v: T): void {
    this.add(new Pair<T>(key, v));
    this.index.set(key, v);
  }
  lookup(key: string): T | undefined {
    return this.index.get(key);
  }
}

class Counter<K> {
  counts = new Map<K, int>();
  bump(k: K): int {
    const n = (this.counts.get(k) ?? 0) + 1;
    this.counts.set(k, n);
    return n;
  }
  most(): int {
    let m = 0;
    for (const v of this.counts.values()) if (v > m) m = v;
    return m;
  }
}

function depth<T>(xs: T[], i: int): int {
  return i >= xs.length ? 0 : 1 + depth(xs, i + 1);
}
function pairUp<T>(xs: T[]): Pair<T>[] {
  const out: Pair<T>[] = [];
  for (let i = 0; i < xs.length; i++) out.push(new Pair<T>('k' + i, xs[i]));
  return out;
}

export function main(argv: string[]): int {
  const pts = [new Point(3, 4), new Point(6, 8), new Point(-5, 12)];
  const labels = [new Label('ab'), new Label('cde'), new Label('')];
  const norms: Visitor<Point, float> = new PointNorm();
  const tags: Visitor<Point, string> = new PointTag();
  const lens: Visitor<Label, int> = new LabelLen();
  const ups: Visitor<Label, string> = new LabelUpper();
  console.log('norms ' + norms.visitAll(pts).join(' ') + ' tags ' + tags.visitAll(pts).join(' '));
  console.log('labels ' + lens.visitAll(labels).join(' ') + ' ' + ups.visitAll(labels).join('|'));
  const cp = new Counting<string>();
  const cl = new Counting<Label>();
  cl.visitAll(labels);
  console.log('counting ' + cp.visitAll(argv).join(',') + ' ' + cl.visitAll(labels).join(',') + ' ' + norms.visits + ' ' + cl.visits);

  const kp = new Keyed<Point>();
  const kl = new Keyed<Label | null>();
  const kn = new Keyed<int[]>();
  kp.put('a', pts[0]);
  kp.put('b', pts[2]);
  kl.put('x', labels[1]);
  kl.put('none', null);
  kn.put('odd', [1, 3, 5]);
  kn.put('even', [2, 4]);
  const p = kp.lookup('b');
  const l = kl.lookup('x');
  const missing = kl.lookup('zzz');
  const f = kp.first();
  const odd = kn.lookup('odd');
  console.log('keyed ' + (p ? p.y : 0) + ' ' + (l ? l.text : '-') + ' ' + (missing === undefined) + ' ' + (kl.lookup('none') === null) + ' ' + (f ? f.key + f.value.x : '') + ' ' + (odd ? odd.length : -1) + ' ' + kn.entries.length);

  const s1 = Store.of<Point>(pts[1], pts[2]);
  const s2 = Store.of<string>('p', 'q');
  const s1f = s1.first();
  console.log('static ' + (s1f ? s1f.x : 0) + ' ' + s2.entries.join('') + ' ' + s2.add('r'));

  const byPoint = new Counter<Point>();
  const byWord = new Counter<string>();
  for (let i = 0; i < 10; i++) {
    byPoint.bump(pts[i % 2]);
    byWord.bump('w' + (i % 3));
  }
  console.log('counter ' + byPoint.most() + ' ' + byWord.most() + ' ' + byPoint.counts.size + ' ' + byWord.counts.size);

  const pp = pairUp(pts);
  const pl = pairUp(argv);
  console.log('functions ' + depth(pts, 0) + ' ' + depth(argv, 0) + ' ' + depth(labels, 1) + ' ' + pp[2].value.y + ' ' + pl[pl.length - 1].key + '=' + pl[pl.length - 1].value);
  return 0;
}
