// GC stress: many GB allocated in total, small live set.
import { type int } from '../../../translate/rlib/index.ts';

class Vec {
  x: int;
  y: int;
  z: int;
  next: Vec | null;
  constructor(x: int, y: int, z: int, next: Vec | null) {
    this.x = x;
    this.y = y;
    this.z = z;
    this.next = next;
  }
  add(o: Vec): Vec {
    return new Vec(this.x + o.x, this.y + o.y, this.z + o.z, null);
  }
}

export function main(argv: string[]): int {
  // 1. ~10 million short-lived small objects
  let acc = new Vec(0, 0, 0, null);
  const one = new Vec(1, 2, 3, null);
  for (let i = 0; i < 10000000; i++) {
    acc = acc.add(one);
    if ((i & 1023) === 0) acc.next = new Vec(i, i, i, acc.next === null ? null : acc.next.next);
  }
  console.log(`acc ${acc.x} ${acc.y} ${acc.z}`);
  // 2. big short-lived lists: 1000-element copies, about 4 GB translated
  const big: int[] = [];
  for (let i = 0; i < 1000; i++) big.push(i);
  let sum = 0;
  for (let r = 0; r < 500000; r++) {
    const c = big.slice();
    c[r % 1000] = -1;
    sum += c[(r * 7) % 1000];
  }
  console.log('slices ' + sum);
  // 3. a small live window kept alive across the churn
  const window: Vec[] = [];
  for (let i = 0; i < 2000000; i++) {
    const v = new Vec(i, -i, i * 2, null);
    if (window.length < 64) window.push(v);
    else window[i % 64] = v;
  }
  let w = 0;
  for (const v of window) w += v.x;
  console.log('window ' + w);
  return 0;
}
