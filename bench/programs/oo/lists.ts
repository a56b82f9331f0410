// Linked lists of node objects: building, recursive length and sum, reversal, merging.
import { type int } from '../../../translate/rlib/index.ts';

class Cell {
  constructor(
    public value: int,
    public next: Cell | null,
  ) {}
}

function length(c: Cell | null): int {
  return c === null ? 0 : 1 + length(c.next);
}
function sum(c: Cell | null): int {
  let s = 0;
  for (let p = c; p !== null; p = p.next) s += p.value;
  return s;
}
function reverse(c: Cell | null): Cell | null {
  let out: Cell | null = null;
  for (let p = c; p !== null; p = p.next) out = new Cell(p.value, out);
  return out;
}
function merge(a: Cell | null, b: Cell | null): Cell | null {
  if (a === null) return b;
  if (b === null) return a;
  if (a.value <= b.value) return new Cell(a.value, merge(a.next, b));
  return new Cell(b.value, merge(a, b.next));
}
function range(lo: int, hi: int, step: int): Cell | null {
  let out: Cell | null = null;
  for (let i = hi - 1; i >= lo; i--) if ((i - lo) % step === 0) out = new Cell(i, out);
  return out;
}

export function main(argv: string[]): int {
  const rounds = argv.length > 0 && argv[0] === 'bench' ? 300 : 3;
  let check = 0;
  for (let r = 0; r < rounds; r++) {
    const a = range(0, 6000, 2);
    const b = range(1, 6000, 3);
    const m = merge(a, b);
    check += length(m) + sum(reverse(m)) % 1000;
  }
  console.log('lists ' + check);
  return 0;
}
