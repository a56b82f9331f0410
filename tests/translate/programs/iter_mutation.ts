// Mutating a Map or a list while iterating it with for...of (JS semantics: deleted entries
// not yet reached are skipped, entries added during iteration are visited).
import { type int } from '../../../translate/rlib/index.ts';

export function main(argv: string[]): int {
  const m = new Map<string, int>();
  for (let i = 0; i < 6; i++) m.set('k' + i, i);
  const seen: string[] = [];
  for (const k of m.keys()) {
    seen.push(k);
    if (k === 'k1') m.delete('k3');
    if (k === 'k2') m.set('new', 99);
    if (k === 'k4') m.delete('k4');
  }
  console.log('map seen ' + seen.join(',') + ' size ' + m.size);
  const vals: string[] = [];
  for (const v of m.values()) {
    vals.push(String(v));
    if (v === 0) m.set('k0', 100);
  }
  console.log('values ' + vals.join(',') + ' k0=' + m.get('k0'));
  const a: int[] = [1, 2, 3];
  let visits = 0;
  for (const x of a) {
    visits++;
    if (x < 3 && a.length < 8) a.push(x + 10);
  }
  const parts: string[] = [];
  for (const x of a) parts.push(String(x));
  console.log('list ' + parts.join(',') + ' visits ' + visits);
  const b: int[] = [5, 6, 7, 8, 9];
  let sum = 0;
  for (const x of b) {
    sum += x;
    if (x === 6) b.pop();
  }
  console.log('shrunk sum ' + sum + ' len ' + b.length);
  return visits;
}
