// Regression: narrowing Map.get's result (a list) with === undefined emitted RTS_ELEM_undefined.
import { type int } from '../../../translate/rlib/index.ts';

export function main(argv: string[]): int {
  const groups = new Map<int, string[]>();
  for (const w of ['ab', 'cd', 'efg']) {
    const g = groups.get(w.length);
    if (g === undefined) groups.set(w.length, [w]);
    else g.push(w);
  }
  for (const k of groups.keys()) console.log(k + ': ' + groups.get(k)!.join(','));
  return groups.size;
}
