// expect: E_TYPE
// tsc rejects the program (RTS is TypeScript first): a string passed where an int is declared.
import { type int } from '../../../translate/rlib/index.ts';

function twice(x: int): int {
  return x * 2;
}

export function main(argv: string[]): int {
  return twice(argv[0]);
}
