// A fixed-capacity ring buffer and a deque built on lists, with wraparound.
import { type int } from '../../../translate/rlib/index.ts';

class Ring {
  buf: int[] = [];
  head: int = 0;
  len: int = 0;
  cap: int;
  dropped: int = 0;
  constructor(cap: int) {
    this.cap = cap;
    for (let i = 0; i < cap; i++) this.buf.push(0);
  }
  push(x: int): void {
    if (this.len === this.cap) {
      this.head = (this.head + 1) % this.cap;
      this.len--;
      this.dropped++;
    }
    this.buf[(this.head + this.len) % this.cap] = x;
    this.len++;
  }
  shift(): int {
    const x = this.buf[this.head];
    this.head = (this.head + 1) % this.cap;
    this.len--;
    return x;
  }
  toList(): int[] {
    const out: int[] = [];
    for (let i = 0; i < this.len; i++) out.push(this.buf[(this.head + i) % this.cap]);
    return out;
  }
}

function fmt(a: int[]): string {
  const s: string[] = [];
  for (const x of a) s.push(String(x));
  return '[' + s.join(' ') + ']';
}

export function main(argv: string[]): int {
  const r = new Ring(5);
  for (let i = 1; i <= 12; i++) {
    r.push(i * i);
    if (i % 4 === 0) r.shift();
  }
  console.log(fmt(r.toList()) + ' dropped ' + r.dropped);
  // moving average over a window
  const w = new Ring(10);
  let sum = 0;
  const avgs: string[] = [];
  for (let i = 0; i < 100; i++) {
    const v = (i * 37) % 101;
    if (w.len === w.cap) sum -= w.buf[w.head];
    w.push(v);
    sum += v;
    if (i % 10 === 9) avgs.push((sum / w.len).toFixed(1));
  }
  console.log(avgs.join(' '));
  // deque via splice / unshift-free front insertion
  const dq: int[] = [];
  for (let i = 0; i < 10; i++) {
    if (i % 2 === 0) dq.push(i);
    else dq.splice(0, 0);
  }
  const front = dq.splice(0, 2);
  console.log(fmt(front) + ' ' + fmt(dq));
  return r.dropped;
}
