// A binary-heap priority queue of objects, used for Dijkstra on a grid graph.
import { type int } from '../../../translate/rlib/index.ts';

class Item {
  prio: int;
  seq: int;
  node: int;
  constructor(prio: int, seq: int, node: int) {
    this.prio = prio;
    this.seq = seq;
    this.node = node;
  }
  less(o: Item): boolean {
    return this.prio < o.prio || (this.prio === o.prio && this.seq < o.seq);
  }
}

class PQ {
  heap: Item[] = [];
  seq: int = 0;
  size(): int {
    return this.heap.length;
  }
  push(prio: int, node: int): void {
    const h = this.heap;
    h.push(new Item(prio, this.seq++, node));
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!h[i].less(h[p])) break;
      const t = h[i];
      h[i] = h[p];
      h[p] = t;
      i = p;
    }
  }
  pop(): Item {
    const h = this.heap;
    const top = h[0];
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l].less(h[m])) m = l;
        if (r < h.length && h[r].less(h[m])) m = r;
        if (m === i) break;
        const t = h[i];
        h[i] = h[m];
        h[m] = t;
        i = m;
      }
    }
    return top;
  }
}

export function main(argv: string[]): int {
  const pq = new PQ();
  const input: int[] = [5, 3, 8, 1, 9, 2, 7, 3, 5, 0, -4];
  for (let i = 0; i < input.length; i++) pq.push(input[i], i);
  const out: string[] = [];
  while (pq.size() > 0) {
    const it = pq.pop();
    out.push(it.prio + '@' + it.node);
  }
  console.log(out.join(' '));
  // Dijkstra on a W x H grid with pseudo-random weights
  const W = 150;
  const H = 150;
  const weight: int[] = [];
  let s = 7;
  for (let i = 0; i < W * H; i++) {
    s = (s * 48271) % 2147483647;
    weight.push(1 + (s % 9));
  }
  const dist: int[] = [];
  for (let i = 0; i < W * H; i++) dist.push(1 << 30);
  dist[0] = 0;
  const q = new PQ();
  q.push(0, 0);
  let pops = 0;
  while (q.size() > 0) {
    const it = q.pop();
    pops++;
    if (it.prio > dist[it.node]) continue;
    const x = it.node % W;
    const nbrs: int[] = [];
    if (x > 0) nbrs.push(it.node - 1);
    if (x < W - 1) nbrs.push(it.node + 1);
    if (it.node >= W) nbrs.push(it.node - W);
    if (it.node < W * (H - 1)) nbrs.push(it.node + W);
    for (const nb of nbrs) {
      const nd = it.prio + weight[nb];
      if (nd < dist[nb]) {
        dist[nb] = nd;
        q.push(nd, nb);
      }
    }
  }
  console.log('dist to corner ' + dist[W * H - 1] + ' middle ' + dist[(H >> 1) * W + (W >> 1)] + ' pops ' + pops);
  return dist[W * H - 1] % 256;
}
