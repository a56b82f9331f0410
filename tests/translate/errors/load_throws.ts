// expect: E_LOAD
// Load-time code (module top level, run on Node before translation) throws: the error points
// at the throw, mapped back from the transpiled module to this file.
import { type int } from '../../../translate/rlib/index.ts';

function buildTable(n: int): int[] {
  const t: int[] = [];
  for (let i = 0; i < n; i++) t.push(i * i);
  if (t.length < 100) throw new Error(`table too small: ${t.length} entries`);
  return t;
}

const TABLE = buildTable(10);

export function main(argv: string[]): int {
  return TABLE[3];
}
