// Generic containers used at two element types each: a vector and a binary search tree.
import { type int } from '../../../translate/rlib/index.ts';

class Vec<T> {
  items: T[] = [];
  add(x: T): void {
    this.items.push(x);
  }
  at(i: int): T {
    return this.items[i];
  }
  size(): int {
    return this.items.length;
  }
}
class Node<T> {
  left: Node<T> | null = null;
  right: Node<T> | null = null;
  constructor(
    public key: int,
    public value: T,
  ) {}
}
class Tree<T> {
  root: Node<T> | null = null;
  put(key: int, value: T): void {
    const n = new Node<T>(key, value);
    if (this.root === null) {
      this.root = n;
      return;
    }
    let cur: Node<T> = this.root;
    for (;;) {
      if (key < cur.key) {
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
  find(key: int): Node<T> | null {
    let cur = this.root;
    while (cur !== null && cur.key !== key) cur = key < cur.key ? cur.left : cur.right;
    return cur;
  }
}
class Point {
  constructor(
    public x: int,
    public y: int,
  ) {}
}

export function main(argv: string[]): int {
  const rounds = argv.length > 0 && argv[0] === 'bench' ? 30 : 1;
  let check = 0;
  for (let r = 0; r < rounds; r++) {
    const points = new Vec<Point>();
    const names = new Vec<string>();
    const byKey = new Tree<Point>();
    const labels = new Tree<string>();
    let seed = 42 + r;
    for (let i = 0; i < 20000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const p = new Point(seed % 1000, i);
      points.add(p);
      names.add('p' + (seed % 97));
      byKey.put(seed % 50000, p);
      labels.put(seed % 50000, names.at(i));
    }
    for (let k = 0; k < 50000; k += 3) {
      const p = byKey.find(k);
      const l = labels.find(k);
      if (p !== null && l !== null) check += p.value.x + l.value.length;
    }
    check += points.size() + names.size();
  }
  console.log('containers ' + check);
  return 0;
}
