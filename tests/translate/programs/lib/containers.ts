// A library module used only through a namespace import (import * as lib) by namespace_classes.ts.
import { type int } from '../../../../translate/rlib/index.ts';

export const LIMIT: int = 3;
export const PREFIX = 'item-';

export enum Color {
  Red,
  Green = 5,
  Blue,
}

export class Vec<T> {
  items: T[] = [];
  push(x: T): int {
    this.items.push(x);
    return this.items.length;
  }
  at(i: int): T {
    return this.items[i];
  }
}

// state that changes lives in a prebuilt object (statics are constants)
export class Tally {
  shapes: int = 0;
}
export const TALLY = new Tally();

export class Shape {
  static readonly SIDES: int = 0;
  constructor(public name: string) {
    TALLY.shapes++;
  }
  area(): int {
    return 0;
  }
  static unit(): Shape {
    return new Square(1);
  }
}

export class Square extends Shape {
  constructor(public side: int) {
    super('square');
  }
  override area(): int {
    return this.side * this.side;
  }
}

export function label(s: Shape, n: int = LIMIT): string {
  return PREFIX + s.name + '/' + n;
}
