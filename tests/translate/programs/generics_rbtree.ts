// A red-black tree as a newcomer ports it from JavaScript: one generic container with a
// generic comparator base, used at two key types and two value types (monomorphised per
// type argument), plus a generic stack subclassing a generic vector, nested instantiations
// (Vec<Vec<Item>>), a two-parameter generic and generic functions calling generic functions.
import { type int, type float, toFloat } from '../../../translate/rlib/index.ts';

abstract class Comparator<K> {
  abstract compare(a: K, b: K): int;
}
class StringCmp extends Comparator<string> {
  compare(a: string, b: string): int {
    return a < b ? -1 : a > b ? 1 : 0;
  }
}
class Item {
  constructor(public id: int, public weight: float) {}
}
class ItemCmp extends Comparator<Item> {
  compare(a: Item, b: Item): int {
    return a.id - b.id;
  }
}

class RBNode<K, V> {
  left: RBNode<K, V> | null = null;
  right: RBNode<K, V> | null = null;
  parent: RBNode<K, V> | null = null;
  red: boolean = true;
  constructor(public key: K, public value: V) {}
}

class RBTree<K, V> {
  root: RBNode<K, V> | null = null;
  size: int = 0;
  constructor(public cmp: Comparator<K>) {}

  find(key: K): RBNode<K, V> | null {
    let n = this.root;
    while (n) {
      const c = this.cmp.compare(key, n.key);
      if (c === 0) return n;
      n = c < 0 ? n.left : n.right;
    }
    return null;
  }

  put(key: K, value: V): void {
    let parent: RBNode<K, V> | null = null;
    let n = this.root;
    let c = 0;
    while (n) {
      parent = n;
      c = this.cmp.compare(key, n.key);
      if (c === 0) {
        n.value = value;
        return;
      }
      n = c < 0 ? n.left : n.right;
    }
    const z = new RBNode<K, V>(key, value);
    z.parent = parent;
    if (parent === null) this.root = z;
    else if (c < 0) parent.left = z;
    else parent.right = z;
    this.size++;
    this.fixInsert(z);
  }

  private rotateLeft(x: RBNode<K, V>): void {
    const y = x.right!;
    x.right = y.left;
    if (y.left) y.left.parent = x;
    y.parent = x.parent;
    if (!x.parent) this.root = y;
    else if (x === x.parent.left) x.parent.left = y;
    else x.parent.right = y;
    y.left = x;
    x.parent = y;
  }

  private rotateRight(x: RBNode<K, V>): void {
    const y = x.left!;
    x.left = y.right;
    if (y.right) y.right.parent = x;
    y.parent = x.parent;
    if (!x.parent) this.root = y;
    else if (x === x.parent.right) x.parent.right = y;
    else x.parent.left = y;
    y.right = x;
    x.parent = y;
  }

  private fixInsert(z0: RBNode<K, V>): void {
    let z = z0;
    while (z.parent && z.parent.red) {
      const p = z.parent;
      const g = p.parent!;
      if (p === g.left) {
        const u = g.right;
        if (u && u.red) {
          p.red = false;
          u.red = false;
          g.red = true;
          z = g;
        } else {
          if (z === p.right) {
            z = p;
            this.rotateLeft(z);
          }
          z.parent!.red = false;
          g.red = true;
          this.rotateRight(g);
        }
      } else {
        const u = g.left;
        if (u && u.red) {
          p.red = false;
          u.red = false;
          g.red = true;
          z = g;
        } else {
          if (z === p.left) {
            z = p;
            this.rotateRight(z);
          }
          z.parent!.red = false;
          g.red = true;
          this.rotateLeft(g);
        }
      }
    }
    this.root!.red = false;
  }

  keys(): Vec<K> {
    const out = new Vec<K>();
    collectKeys(this.root, out);
    return out;
  }

  blackHeight(): int {
    return checkBlack(this.root);
  }
}

function collectKeys<K, V>(n: RBNode<K, V> | null, out: Vec<K>): void {
  if (!n) return;
  collectKeys(n.left, out);
  out.push(n.key);
  collectKeys(n.right, out);
}

// -1 when a red node has a red child or the black heights differ
function checkBlack<K, V>(n: RBNode<K, V> | null): int {
  if (n === null) return 1;
  if (n.red && ((n.left && n.left.red) || (n.right && n.right.red))) return -1;
  const l = checkBlack(n.left);
  const r = checkBlack(n.right);
  if (l < 0 || r < 0 || l !== r) return -1;
  return l + (n.red ? 0 : 1);
}

class Vec<T> {
  items: T[] = [];
  push(x: T): void {
    this.items.push(x);
  }
  at(i: int): T {
    return this.items[i];
  }
  length(): int {
    return this.items.length;
  }
}

class Stack<T> extends Vec<T> {
  pop(): T {
    return this.items.pop()!;
  }
  peek(): T | null {
    return this.items.length ? this.items[this.items.length - 1] : null;
  }
}

class Pair<A, B> {
  constructor(public first: A, public second: B) {}
  swap(): Pair<B, A> {
    return new Pair<B, A>(this.second, this.first);
  }
}

function firstOf<T>(v: Vec<T>): T {
  return v.at(0);
}
function lastOf<T>(v: Vec<T>): T {
  return v.at(v.length() - 1);
}
function ends<T>(v: Vec<T>): Pair<T, T> {
  return new Pair<T, T>(firstOf(v), lastOf(v));
}

export function main(argv: string[]): int {
  const words = new RBTree<string, int>(new StringCmp());
  const items = new RBTree<Item, string>(new ItemCmp());
  const byWord = new RBTree<string, Item>(new StringCmp());
  let seed = 1;
  for (let i = 0; i < 500; i++) {
    seed = (seed * 75 + 74) % 65537;
    const k = seed % 1000;
    words.put('w' + k, i);
    const it = new Item(k, toFloat(i) / 4);
    items.put(it, 'v' + i);
    byWord.put('i' + (k % 37), it);
  }
  const wk = words.keys();
  const ik = items.keys();
  console.log('sizes ' + words.size + ' ' + items.size + ' ' + byWord.size);
  console.log('black ' + words.blackHeight() + ' ' + items.blackHeight() + ' ' + byWord.blackHeight());
  console.log('words ' + firstOf(wk) + '..' + lastOf(wk) + ' items ' + firstOf(ik).id + '..' + lastOf(ik).id);
  const f = words.find(wk.at(7));
  const g = items.find(new Item(ik.at(9).id, 0.0));
  const h = byWord.find('i5');
  console.log('find ' + (f ? f.value : -1) + ' ' + (g ? g.value : 'none') + ' ' + (h ? h.value.weight : -1.0));

  const st = new Stack<Item>();
  const ss = new Stack<string>();
  for (let i = 0; i < ik.length(); i += 50) {
    st.push(ik.at(i));
    ss.push(wk.at(i));
  }
  const top = st.peek();
  console.log('stack ' + st.length() + ' ' + (top ? top.id : -1) + ' ' + st.pop().id + ' ' + ss.pop() + ' ' + ss.length());

  const grid = new Vec<Vec<Item>>();
  for (let r = 0; r < 3; r++) {
    const row = new Vec<Item>();
    for (let c = 0; c <= r; c++) row.push(new Item(r * 10 + c, 0.5));
    grid.push(row);
  }
  console.log('grid ' + lastOf(lastOf(grid)).id + ' ' + firstOf(grid).length());

  const e1 = ends(wk);
  const e2 = ends(ik);
  const sw = new Pair<string, Item>('x', e2.second).swap();
  console.log('ends ' + e1.first + ' ' + e1.second + ' ' + e2.first.id + ' ' + sw.first.id + ' ' + sw.second);
  return 0;
}
