// Truthiness as JS has it, in tests: a reference is true when not null, an int or float when
// not 0 (a float also when not NaN), a string when not empty; `ref && bool` and `ref || ...`
// inside if, while, do-while, for, ?: and !, with the reference narrowed where tsc narrows it.
import { type int, type float } from '../../../translate/rlib/index.ts';

class Disk {
  constructor(public size: int, public label: string) {}
}
class Peg {
  disks: Disk[] = [];
  top(): Disk | null {
    return this.disks.length ? this.disks[this.disks.length - 1] : null;
  }
  push(d: Disk): boolean {
    const top = this.top();
    if (top && d.size >= top.size) return false;
    this.disks.push(d);
    return true;
  }
}

function describe(d: Disk | null): string {
  if (!d) return 'none';
  return d.label ? d.label + d.size : 'unnamed' + d.size;
}

function hanoi(n: int, from: Peg, to: Peg, via: Peg): int {
  if (!n) return 0;
  let moves = hanoi(n - 1, from, via, to);
  const d = from.disks.pop();
  if (d && to.push(d)) moves++;
  return moves + hanoi(n - 1, via, to, from);
}

export function main(argv: string[]): int {
  const a = new Peg();
  const b = new Peg();
  const c = new Peg();
  for (let i = 5; i > 0; i--) a.push(new Disk(i, i % 2 ? 'd' : ''));
  console.log('refused ' + !a.push(new Disk(9, 'big')) + ' top ' + describe(a.top()) + ' empty ' + describe(b.top()));
  console.log('hanoi ' + hanoi(5, a, c, b) + ' ' + a.disks.length + ' ' + c.disks.length + ' ' + describe(c.top()));

  // while with a reference and a condition; do-while and for with ints
  let cur = c.top();
  let walked = 0;
  while (cur && cur.size < 4) {
    walked++;
    c.disks.pop();
    cur = c.top();
  }
  let n = 3;
  let spins = 0;
  do spins++;
  while (--n);
  let k = 0;
  for (let i = 7; i; i >>= 1) k++;
  console.log('loops ' + walked + ' ' + describe(cur) + ' ' + spins + ' ' + k);

  // numbers and strings as conditions; NaN and -0.0 are false
  const zero = 0.0;
  const fs: float[] = [0.0, -zero, zero / zero, 0.25, -3.0];
  const is: int[] = [0, -1, 2];
  const ss: string[] = ['', 'x', ' ', argv.length ? argv[0] : ''];
  const out: string[] = [];
  for (const f of fs) out.push(f ? 'T' : 'F');
  for (const i of is) out.push(!i ? 'F' : 'T');
  for (const s of ss) out.push(s && s !== ' ' ? 'T' : 'F');
  // a list or Map is a reference: true even when empty, as in JS
  const noItems: int[] = [];
  const noKeys = new Map<string, int>();
  out.push(noItems ? 'T' : 'F');
  out.push(noKeys && !noKeys.size ? 'T' : 'F');
  console.log('conds ' + out.join(''));

  // mixed && / || chains with negation, references of two classes
  const p: Peg | null = argv.length > 5 ? a : null;
  const d: Disk | null = c.top();
  const r1 = !(p || d) ? 'neither' : p && d ? 'both' : d ? 'disk ' + d.size : 'peg';
  const r2 = (d && d.size > 100) || (!p && argv.length === 2) ? 'yes' : 'no';
  // as a value, || between two references of one type is one of them
  const e = p || b;
  const f2 = d || new Disk(0, 'fallback');
  console.log('mixed ' + r1 + ' ' + r2 + ' ' + e.disks.length + ' ' + describe(f2));
  return 0;
}
