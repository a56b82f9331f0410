// Generic classes and functions reached under names other than their own: a renamed
// import, a rename in a re-export, and a renamed import of that; each used at two types.
import { type int } from '../../../translate/rlib/index.ts';
import { Seq as Items, firstOf as headOr, Box as Cell, SIZE } from './lib/renamed.ts';
import { Vec as V } from './lib/containers.ts';

class Name {
  constructor(public text: string) {}
}

// a subclass of an instantiation named through the rename, called through its base
class Doubling extends Cell<int> {
  override with(v: int): Cell<int> {
    return new Cell<int>(v * 2);
  }
}

function grow(c: Cell<int>): int {
  return c.with(c.value + 1).value;
}

export function main(argv: string[]): int {
  const nums = new Items<int>();
  const names = new V<Name>();
  for (let i = 0; i < SIZE + 2; i++) {
    nums.push(i * 10);
    names.push(new Name('n' + i));
  }
  console.log(`nums ${nums.at(0) + nums.at(3)} names ${names.at(1).text}`);
  console.log(`head ${headOr<int>([7, 8], 0)} ${headOr<string>([], 'none')}`);
  const a0 = new Cell<int>(20);
  const a = a0.with(a0.value + 1);
  const b0 = new Cell<string>('ab');
  const b = b0.with(b0.value + b0.value);
  console.log(`cells ${a.value} ${b.value}`);
  console.log(`grow ${grow(a0)} ${grow(new Doubling(5))}`);
  return 0;
}
