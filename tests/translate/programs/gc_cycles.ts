// GC stress: cyclic object graphs created and dropped repeatedly.
import { type int } from '../../../translate/rlib/index.ts';

class GNode {
  id: int;
  edges: GNode[] = [];
  parent: GNode | null = null;
  constructor(id: int) {
    this.id = id;
  }
}

class Ring {
  nodes: GNode[] = [];
}

function makeRing(n: int, base: int): Ring {
  const r = new Ring();
  for (let i = 0; i < n; i++) r.nodes.push(new GNode(base + i));
  for (let i = 0; i < n; i++) {
    const a = r.nodes[i];
    const b = r.nodes[(i + 1) % n];
    a.edges.push(b);
    b.parent = a;
    a.edges.push(a); // self loop
    if (i % 3 === 0) a.edges.push(r.nodes[(i * 7) % n]);
  }
  return r;
}

function walk(start: GNode, steps: int): int {
  let s = 0;
  let p = start;
  for (let i = 0; i < steps; i++) {
    s += p.id;
    p = p.edges[i % p.edges.length];
  }
  return s;
}

export function main(argv: string[]): int {
  let total = 0;
  const keep: Ring[] = [];
  for (let round = 0; round < 3000; round++) {
    const r = makeRing(100, round * 1000);
    total += walk(r.nodes[0], 50) % 1000;
    if (round % 500 === 0) keep.push(r);
  }
  console.log('total ' + total + ' kept ' + keep.length);
  let s = 0;
  for (const r of keep) s += walk(r.nodes[5], 1000);
  console.log('kept walk ' + s);
  // a structure where every node points back to the root
  const root = new GNode(-1);
  for (let i = 0; i < 100000; i++) {
    const n = new GNode(i);
    n.parent = root;
    n.edges.push(root);
    if (i % 1000 === 0) root.edges.push(n);
  }
  let c = 0;
  for (const e of root.edges) if (e.parent === root && e.edges[0] === root) c++;
  console.log('root children ' + c);
  return 7;
}
