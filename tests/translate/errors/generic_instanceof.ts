// expect: E_UNSUPPORTED
// message: instanceof generic class Box: RTS cannot tell which instantiation is meant here
import { type int } from '../../../translate/rlib/index.ts';

class Thing {}
class Box<T> extends Thing {
  constructor(public v: T) {
    super();
  }
}

export function main(argv: string[]): int {
  const things: Thing[] = [new Box<string>('a'), new Box<int>(1), new Thing()];
  let n = 0;
  for (const t of things) if (t instanceof Box) n++;
  return n;
}
