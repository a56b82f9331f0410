// Sieve of Eratosthenes over a boolean list, repeated: list indexing and integer loops.
import type { int } from '../../translate/rlib/index.ts';

function sieve(limit: int): int {
  const flags: boolean[] = [];
  for (let i = 0; i <= limit; i++) flags.push(true);
  flags[0] = false;
  flags[1] = false;
  for (let i = 2; i * i <= limit; i++) {
    if (flags[i]) {
      for (let j = i * i; j <= limit; j += i) flags[j] = false;
    }
  }
  let count = 0;
  for (let i = 0; i <= limit; i++) if (flags[i]) count++;
  return count;
}

export function main(argv: string[]): int {
  const rounds: int = argv.length > 0 ? 30 : 1;
  let total = 0;
  for (let r = 0; r < rounds; r++) total += sieve(2000000);
  console.log(`primes: ${total}`);
  return 0;
}
