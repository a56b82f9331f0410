// expect: E_INT_FLOAT
// message: generic class Box is instantiated once for int and float, which are both number to tsc, so Box<int> and Box<float> share one instantiation
// Generics are instantiated per type argument as tsc sees it: int and float are both number.
import { type int, type float } from '../../../translate/rlib/index.ts';

class Box<T> {
  items: T[] = [];
  add(x: T): void {
    this.items.push(x);
  }
}

export function main(argv: string[]): int {
  const a = new Box<int>();
  const b = new Box<float>();
  a.add(argv.length);
  const f: float = 2.5;
  b.add(f);
  return a.items.length + b.items.length;
}
