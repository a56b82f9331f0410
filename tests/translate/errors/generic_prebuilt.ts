// expect: E_CONST
// message: a prebuilt object of generic class Box
import { type int } from '../../../translate/rlib/index.ts';

class Box<T> {
  constructor(public v: T) {}
}

const SHARED = new Box<string>('x');

export function main(argv: string[]): int {
  return SHARED.v.length;
}
