// expect: E_ENTRY
import { type int } from '../../../translate/rlib/index.ts';

export function start(argv: string[]): int {
  return 0;
}
