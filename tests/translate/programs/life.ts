// Conway's game of life on a torus, with a glider and an R-pentomino.
import { type int } from '../../../translate/rlib/index.ts';

class Board {
  w: int;
  h: int;
  cells: boolean[];
  constructor(w: int, h: int) {
    this.w = w;
    this.h = h;
    this.cells = [];
    for (let i = 0; i < w * h; i++) this.cells.push(false);
  }
  get(x: int, y: int): boolean {
    const xx = (x + this.w) % this.w;
    const yy = (y + this.h) % this.h;
    return this.cells[yy * this.w + xx];
  }
  set(x: int, y: int, v: boolean): void {
    this.cells[y * this.w + x] = v;
  }
  step(): Board {
    const nb = new Board(this.w, this.h);
    for (let y = 0; y < this.h; y++) {
      for (let x = 0; x < this.w; x++) {
        let n = 0;
        for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if ((dx !== 0 || dy !== 0) && this.get(x + dx, y + dy)) n++;
        const alive = this.get(x, y);
        nb.set(x, y, alive ? n === 2 || n === 3 : n === 3);
      }
    }
    return nb;
  }
  population(): int {
    let c = 0;
    for (const v of this.cells) if (v) c++;
    return c;
  }
  render(rows: int): string {
    const out: string[] = [];
    for (let y = 0; y < rows; y++) {
      let line = '';
      for (let x = 0; x < this.w; x++) line += this.get(x, y) ? '#' : '.';
      out.push(line);
    }
    return out.join('\n');
  }
}

export function main(argv: string[]): int {
  let b = new Board(40, 30);
  // glider
  b.set(1, 0, true);
  b.set(2, 1, true);
  b.set(0, 2, true);
  b.set(1, 2, true);
  b.set(2, 2, true);
  // R-pentomino
  b.set(21, 15, true);
  b.set(22, 15, true);
  b.set(20, 16, true);
  b.set(21, 16, true);
  b.set(21, 17, true);
  const pops: string[] = [];
  for (let g = 0; g < 200; g++) {
    if (g % 20 === 0) pops.push(String(b.population()));
    b = b.step();
  }
  console.log(pops.join(' '));
  console.log(b.render(8));
  return b.population() % 100;
}
