// Regression: join on int[], float[] and boolean[] (JS converts each item with String()).
import { type int } from '../../../translate/rlib/index.ts';

export function main(argv: string[]): int {
  const a: int[] = [1, -2, 30];
  const f = [1.5, 0.1 + 0.2, -0.0];
  const b: boolean[] = [true, false];
  console.log(a.join(', ') + ' | ' + f.join(';') + ' | ' + b.join(''));
  return a.length;
}
