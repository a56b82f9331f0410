// GC stress: a deep linked list (1.5 million nodes), walked iteratively, rebuilt reversed.
import { type int } from '../../../translate/rlib/index.ts';

class Node {
  value: int;
  next: Node | null;
  constructor(value: int, next: Node | null) {
    this.value = value;
    this.next = next;
  }
}

function length(n: Node | null): int {
  let c = 0;
  let p = n;
  while (p !== null) {
    c++;
    p = p.next;
  }
  return c;
}

function reverse(n: Node | null): Node | null {
  let prev: Node | null = null;
  let p = n;
  while (p !== null) {
    const nx = p.next;
    p.next = prev;
    prev = p;
    p = nx;
  }
  return prev;
}

export function main(argv: string[]): int {
  let head: Node | null = null;
  for (let i = 0; i < 1500000; i++) head = new Node(i, head);
  console.log('length ' + length(head) + ' head ' + (head === null ? -1 : head.value));
  // churn while the long list is alive
  let junk = 0;
  for (let i = 0; i < 3000000; i++) {
    const n = new Node(i, null);
    junk += n.value & 7;
  }
  head = reverse(head);
  let s = 0;
  let p = head;
  let k = 0;
  while (p !== null) {
    if (k % 100000 === 0) s += p.value;
    k++;
    p = p.next;
  }
  console.log('after reverse head ' + (head === null ? -1 : head.value) + ' sampled ' + s + ' junk ' + junk);
  // drop every other node
  p = head;
  while (p !== null && p.next !== null) {
    p.next = p.next.next;
    p = p.next;
  }
  console.log('halved ' + length(head));
  return 3;
}
