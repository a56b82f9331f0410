// expect: E_ANY
import { type int } from '../../../translate/rlib/index.ts';

function f(x: any): int {
  return 1;
}

export function main(argv: string[]): int {
  return f(3);
}
