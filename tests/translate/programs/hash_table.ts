// A hand-written open-addressing hash table (string -> int) with resizing and tombstones.
import { type int } from '../../../translate/rlib/index.ts';

class Table {
  keys: string[] = [];
  vals: int[] = [];
  state: int[] = []; // 0 empty, 1 used, 2 deleted
  count: int = 0;
  used: int = 0;
  constructor(cap: int) {
    this.init(cap);
  }
  init(cap: int): void {
    this.keys = [];
    this.vals = [];
    this.state = [];
    for (let i = 0; i < cap; i++) {
      this.keys.push('');
      this.vals.push(0);
      this.state.push(0);
    }
    this.count = 0;
    this.used = 0;
  }
  static hash(s: string): int {
    let h = 5381;
    for (let i = 0; i < s.length; i++) h = ((h << 5) + h + s.charCodeAt(i)) | 0;
    return h >>> 0;
  }
  slot(k: string): int {
    const cap = this.keys.length;
    let i = Table.hash(k) % cap;
    let tomb = -1;
    for (;;) {
      const st = this.state[i];
      if (st === 0) return tomb >= 0 ? tomb : i;
      if (st === 2) {
        if (tomb < 0) tomb = i;
      } else if (this.keys[i] === k) return i;
      i = (i + 1) % cap;
    }
  }
  put(k: string, v: int): void {
    if ((this.used + 1) * 4 > this.keys.length * 3) this.grow();
    const i = this.slot(k);
    if (this.state[i] !== 1) {
      if (this.state[i] === 0) this.used++;
      this.state[i] = 1;
      this.keys[i] = k;
      this.count++;
    }
    this.vals[i] = v;
  }
  get(k: string, dflt: int): int {
    const i = this.slot(k);
    return this.state[i] === 1 && this.keys[i] === k ? this.vals[i] : dflt;
  }
  remove(k: string): boolean {
    const i = this.slot(k);
    if (this.state[i] !== 1 || this.keys[i] !== k) return false;
    this.state[i] = 2;
    this.keys[i] = '';
    this.count--;
    return true;
  }
  grow(): void {
    const oldK = this.keys;
    const oldV = this.vals;
    const oldS = this.state;
    this.init(oldK.length * 2);
    for (let i = 0; i < oldK.length; i++) if (oldS[i] === 1) this.put(oldK[i], oldV[i]);
  }
}

export function main(argv: string[]): int {
  const t = new Table(8);
  for (let i = 0; i < 50000; i++) t.put('key' + i, i * 3);
  let removed = 0;
  for (let i = 0; i < 50000; i += 3) if (t.remove('key' + i)) removed++;
  let sum = 0;
  for (let i = 0; i < 50000; i++) sum += t.get('key' + i, -1);
  console.log('count ' + t.count + ' removed ' + removed + ' cap ' + t.keys.length + ' sum ' + sum);
  for (let i = 0; i < 50000; i += 6) t.put('key' + i, 7);
  console.log('count ' + t.count + ' get key6 ' + t.get('key6', -1) + ' key3 ' + t.get('key3', -1) + ' hash ' + Table.hash('hello'));
  return t.count % 100;
}
