// A module used through a namespace import (import * as shapes) by ordinary_ts.ts.
import { type int } from '../../../../translate/rlib/index.ts';

export const UNIT: int = 1;

export class Square {
  constructor(public side: int) {}
  area(): int {
    return this.side * this.side;
  }
}

export class Cube extends Square {
  volume(): int {
    return this.area() * this.side;
  }
}

export function describe(s: Square): string {
  return 'square ' + s.side;
}
