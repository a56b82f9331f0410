// An insertion-ordered hash dict with caller-supplied hash and equality, for keys that are
// not ints, strings or identities (e.g. Python values). Plain RTS: translates as user code.
import type { int } from './types.ts';

export interface KeyOps<K> {
  hash(k: K): int;
  eq(a: K, b: K): boolean;
}

export class RDict<K, V> {
  private keys: (K | null)[] = [];
  private values: (V | null)[] = [];
  private hashes: int[] = [];
  private index: int[] = [];
  private used: int = 0;
  private ops: KeyOps<K>;

  constructor(ops: KeyOps<K>) {
    this.ops = ops;
    this.index = newIndex(8);
  }

  size(): int {
    return this.used;
  }
  private find(k: K, h: int): int {
    const mask = this.index.length - 1;
    let i = h & mask;
    for (;;) {
      const e = this.index[i];
      if (e === -1) return -1 - i;
      if (e >= 0 && this.hashes[e] === h) {
        const key = this.keys[e];
        if (key !== null && this.ops.eq(key, k)) return e;
      }
      i = (i + 1) & mask;
    }
  }
  get(k: K): V | null {
    const e = this.find(k, this.ops.hash(k));
    return e >= 0 ? this.values[e] : null;
  }
  has(k: K): boolean {
    return this.find(k, this.ops.hash(k)) >= 0;
  }
  set(k: K, v: V): void {
    const h = this.ops.hash(k);
    const e = this.find(k, h);
    if (e >= 0) {
      this.values[e] = v;
      return;
    }
    this.keys.push(k);
    this.values.push(v);
    this.hashes.push(h);
    this.index[-1 - e] = this.keys.length - 1;
    this.used += 1;
    if (this.keys.length * 3 >= this.index.length * 2) this.rebuild();
  }
  delete(k: K): boolean {
    const h = this.ops.hash(k);
    const e = this.find(k, h);
    if (e < 0) return false;
    this.keys[e] = null;
    this.values[e] = null;
    this.used -= 1;
    this.rebuild();
    return true;
  }
  /** Keys in insertion order. */
  keyList(): K[] {
    const out: K[] = [];
    for (const k of this.keys) if (k !== null) out.push(k);
    return out;
  }
  private rebuild(): void {
    const keys: (K | null)[] = [];
    const values: (V | null)[] = [];
    const hashes: int[] = [];
    for (let i = 0; i < this.keys.length; i++) {
      if (this.keys[i] !== null) {
        keys.push(this.keys[i]);
        values.push(this.values[i]);
        hashes.push(this.hashes[i]);
      }
    }
    let n = 8;
    while (n * 2 <= keys.length * 3) n = n * 2;
    this.keys = keys;
    this.values = values;
    this.hashes = hashes;
    this.index = newIndex(n);
    const mask = n - 1;
    for (let e = 0; e < keys.length; e++) {
      let i = hashes[e] & mask;
      while (this.index[i] !== -1) i = (i + 1) & mask;
      this.index[i] = e;
    }
  }
}

function newIndex(n: int): int[] {
  const a: int[] = [];
  for (let i = 0; i < n; i++) a.push(-1);
  return a;
}
