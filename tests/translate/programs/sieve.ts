// Sieve of Eratosthenes with a boolean list, plus prime statistics.
import { type int } from '../../../translate/rlib/index.ts';

function sieve(n: int): boolean[] {
  const composite: boolean[] = [];
  for (let i = 0; i <= n; i++) composite.push(false);
  composite[0] = true;
  composite[1] = true;
  for (let i = 2; i * i <= n; i++) {
    if (composite[i]) continue;
    for (let j = i * i; j <= n; j += i) composite[j] = true;
  }
  return composite;
}

export function main(argv: string[]): int {
  const n = 2000000;
  const c = sieve(n);
  let count = 0;
  let last = 0;
  let twins = 0;
  let maxGap = 0;
  let prev = 2;
  for (let i = 2; i <= n; i++) {
    if (!c[i]) {
      count++;
      if (i - prev === 2) twins++;
      if (i - prev > maxGap) maxGap = i - prev;
      prev = i;
      last = i;
    }
  }
  console.log(`primes below ${n}: ${count}, last ${last}, twins ${twins}, max gap ${maxGap}`);
  const first: string[] = [];
  for (let i = 0; first.length < 20; i++) if (!c[i]) first.push(String(i));
  console.log(first.join(' '));
  return count % 100;
}
