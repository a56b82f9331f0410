// Word frequencies over generated text: strings, splitting and a string-keyed Map.
import type { int } from '../../translate/rlib/index.ts';

const WORDS = ['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'consectetur', 'adipiscing', 'elit', 'sed', 'do', 'eiusmod', 'tempor'];

class Rng {
  state: int = 42;
  next(n: int): int {
    this.state = (this.state * 48271) % 2147483647;
    return this.state % n;
  }
}

export function main(argv: string[]): int {
  const lines: int = argv.length > 0 ? 400000 : 1000;
  const rng = new Rng();
  const counts = new Map<string, int>();
  for (let l = 0; l < lines; l++) {
    const parts: string[] = [];
    for (let w = 0; w < 12; w++) parts.push(WORDS[rng.next(WORDS.length)] + String(rng.next(50)));
    const line = parts.join(' ');
    for (const word of line.split(' ')) {
      counts.set(word, counts.has(word) ? counts.get(word)! + 1 : 1);
    }
  }
  let best = '';
  let bestCount = 0;
  for (const k of counts.keys()) {
    const c = counts.get(k)!;
    if (c > bestCount || (c === bestCount && k < best)) {
      best = k;
      bestCount = c;
    }
  }
  console.log(`${counts.size} distinct, most frequent ${best} x${bestCount}`);
  return 0;
}
