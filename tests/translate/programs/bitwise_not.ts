// Regression: unary ~ crashed the annotator.
import { type int } from '../../../translate/rlib/index.ts';

export function main(argv: string[]): int {
  const a = 5;
  const b = ~a;
  console.log(`${b} ${~-1} ${~0x7fffffff} ${~4294967296}`);
  return b + 9;
}
