// Towers of Hanoi with disk objects moved between peg stacks: recursion and small methods.
import { type int } from '../../../translate/rlib/index.ts';

class Disk {
  constructor(public size: int) {}
}
class Peg {
  disks: Disk[] = [];
  top(): Disk | null {
    return this.disks.length > 0 ? this.disks[this.disks.length - 1] : null;
  }
  push(d: Disk): void {
    const top = this.top();
    if (top && d.size >= top.size) throw new Error('cannot put a big disk on a small one');
    this.disks.push(d);
  }
  pop(): Disk {
    return this.disks.pop()!;
  }
}
class Towers {
  pegs: Peg[] = [new Peg(), new Peg(), new Peg()];
  moves: int = 0;
  build(n: int): void {
    for (let i = n; i > 0; i--) this.pegs[0].push(new Disk(i));
  }
  moveOne(from: int, to: int): void {
    this.pegs[to].push(this.pegs[from].pop());
    this.moves++;
  }
  move(from: int, to: int, n: int): void {
    if (n === 1) {
      this.moveOne(from, to);
      return;
    }
    const other = 3 - from - to;
    this.move(from, other, n - 1);
    this.moveOne(from, to);
    this.move(other, to, n - 1);
  }
}

export function main(argv: string[]): int {
  const rounds = argv.length > 0 && argv[0] === 'bench' ? 40 : 2;
  let total = 0;
  for (let r = 0; r < rounds; r++) {
    const t = new Towers();
    t.build(16);
    t.move(0, 1, 16);
    total += t.moves + t.pegs[1].disks.length;
  }
  console.log('towers ' + total);
  return 0;
}
