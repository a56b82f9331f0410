// expect: E_INT_FLOAT
import { type int, type float } from '../../../translate/rlib/index.ts';

export function main(argv: string[]): int {
  let x: int = 1;
  const y: float = 2.5;
  const z = x + y;
  console.log(String(z));
  return x;
}
