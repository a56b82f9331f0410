// Word frequency count: tokenising, Map counting, a hand-written sort by (count desc, word asc).
import { type int } from '../../../translate/rlib/index.ts';

const TEXT = `It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair, we had everything before us, we had nothing before us,
we were all going direct to Heaven, we were all going direct the other way`;

class Entry {
  word: string;
  count: int;
  constructor(word: string, count: int) {
    this.word = word;
    this.count = count;
  }
}

function isLetter(c: int): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function tokenize(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const letter = i < text.length && isLetter(text.charCodeAt(i));
    if (letter && start < 0) start = i;
    else if (!letter && start >= 0) {
      out.push(text.slice(start, i).toLowerCase());
      start = -1;
    }
  }
  return out;
}

function before(a: Entry, b: Entry): boolean {
  if (a.count !== b.count) return a.count > b.count;
  return a.word < b.word;
}

function insertionSort(es: Entry[]): void {
  for (let i = 1; i < es.length; i++) {
    const e = es[i];
    let j = i - 1;
    while (j >= 0 && before(e, es[j])) {
      es[j + 1] = es[j];
      j--;
    }
    es[j + 1] = e;
  }
}

export function main(argv: string[]): int {
  let text = '';
  for (let i = 0; i < 200; i++) text += TEXT + '\n';
  const words = tokenize(text);
  const counts = new Map<string, int>();
  for (const w of words) counts.set(w, (counts.has(w) ? counts.get(w)! : 0) + 1);
  const entries: Entry[] = [];
  for (const k of counts.keys()) entries.push(new Entry(k, counts.get(k)!));
  insertionSort(entries);
  console.log('words ' + words.length + ' distinct ' + entries.length);
  for (let i = 0; i < 12; i++) console.log(entries[i].word.padStart(12) + ' ' + entries[i].count);
  const firstSeen: string[] = [];
  for (const k of counts.keys()) if (firstSeen.length < 8) firstSeen.push(k);
  console.log('first seen: ' + firstSeen.join(' '));
  return entries.length % 50;
}
