// expect: E_MODULE_LET
import { type int } from '../../../translate/rlib/index.ts';

let counter = 0;

function bump(): int {
  counter++;
  return counter;
}

export function main(argv: string[]): int {
  bump();
  return bump();
}
