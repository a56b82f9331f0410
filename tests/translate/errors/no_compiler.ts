// expect: E_COMPILE
// setup: no-compiler
// A correct program on a machine without the target's C compiler (the test empties PATH): the
// error names the compiler and leaves no binary.
import { type int } from '../../../translate/rlib/index.ts';

export function main(argv: string[]): int {
  console.log('hello');
  return 0;
}
