// expect: E_ARGS
// message: default value 'seed()' of parameter 'n': a default must be a literal or a module-level constant
import { type int } from '../../../translate/rlib/index.ts';

function seed(): int {
  return 4;
}

function grow(x: int, n: int = seed()): int {
  return x + n;
}

export function main(argv: string[]): int {
  return grow(1);
}
