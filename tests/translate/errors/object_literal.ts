// expect: E_UNSUPPORTED
import { type int } from '../../../translate/rlib/index.ts';

export function main(argv: string[]): int {
  const o = { a: 1, b: 2 };
  return o.a + o.b;
}
