// Hand-written quicksort, mergesort, heapsort, insertion sort on ints, strings and objects.
import { type int } from '../../../translate/rlib/index.ts';

class Person {
  name: string;
  age: int;
  constructor(name: string, age: int) {
    this.name = name;
    this.age = age;
  }
}

function quicksort(a: int[], lo: int, hi: int): void {
  while (lo < hi) {
    const p = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < p) i++;
      while (a[j] > p) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (j - lo < hi - i) {
      quicksort(a, lo, j);
      lo = i;
    } else {
      quicksort(a, i, hi);
      hi = j;
    }
  }
}

function mergesort(a: string[]): string[] {
  if (a.length <= 1) return a;
  const mid = a.length >> 1;
  const l = mergesort(a.slice(0, mid));
  const r = mergesort(a.slice(mid));
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < l.length && j < r.length) {
    if (r[j] < l[i]) out.push(r[j++]);
    else out.push(l[i++]);
  }
  while (i < l.length) out.push(l[i++]);
  while (j < r.length) out.push(r[j++]);
  return out;
}

function heapsort(a: int[]): void {
  const n = a.length;
  for (let i = (n >> 1) - 1; i >= 0; i--) sift(a, i, n);
  for (let end = n - 1; end > 0; end--) {
    const t = a[0];
    a[0] = a[end];
    a[end] = t;
    sift(a, 0, end);
  }
}
function sift(a: int[], i: int, n: int): void {
  for (;;) {
    let m = i;
    const l = 2 * i + 1;
    const r = l + 1;
    if (l < n && a[l] > a[m]) m = l;
    if (r < n && a[r] > a[m]) m = r;
    if (m === i) return;
    const t = a[i];
    a[i] = a[m];
    a[m] = t;
    i = m;
  }
}

function stableByAge(ps: Person[]): Person[] {
  // merge sort on objects, stable
  if (ps.length <= 1) return ps;
  const mid = ps.length >> 1;
  const l = stableByAge(ps.slice(0, mid));
  const r = stableByAge(ps.slice(mid));
  const out: Person[] = [];
  let i = 0;
  let j = 0;
  while (i < l.length || j < r.length) {
    if (j >= r.length || (i < l.length && l[i].age <= r[j].age)) out.push(l[i++]);
    else out.push(r[j++]);
  }
  return out;
}

function isSorted(a: int[]): boolean {
  for (let i = 1; i < a.length; i++) if (a[i - 1] > a[i]) return false;
  return true;
}

function checksum(a: int[]): int {
  let h = 0;
  for (let i = 0; i < a.length; i++) h = (h * 31 + a[i]) % 1000000007;
  return h;
}

export function main(argv: string[]): int {
  let seed = 42;
  const a: int[] = [];
  for (let i = 0; i < 200000; i++) {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    a.push((seed % 100000) - 50000);
  }
  const b = a.slice();
  quicksort(a, 0, a.length - 1);
  heapsort(b);
  console.log('quicksort sorted ' + isSorted(a) + ' heapsort sorted ' + isSorted(b) + ' same ' + (checksum(a) === checksum(b)));
  console.log('min ' + a[0] + ' max ' + a[a.length - 1] + ' median ' + a[100000] + ' sum ' + checksum(a));
  const words: string[] = [];
  for (let i = 0; i < 20000; i++) {
    seed = (seed * 1664525 + 1013904223) % 4294967296;
    words.push(String.fromCharCode(97 + (seed % 26)) + String.fromCharCode(97 + ((seed >> 8) % 26)) + (seed % 1000));
  }
  const sw = mergesort(words);
  console.log(sw.slice(0, 5).join(' ') + ' ... ' + sw.slice(-3).join(' '));
  const people: Person[] = [];
  const names = ['ann', 'bob', 'cy', 'dee', 'eve', 'fay', 'gus', 'hal'];
  for (let i = 0; i < 16; i++) people.push(new Person(names[i % 8] + i, (i * 7) % 5 + 20));
  const sp = stableByAge(people);
  const line: string[] = [];
  for (const p of sp) line.push(p.name + ':' + p.age);
  console.log(line.join(' '));
  return isSorted(a) ? 0 : 1;
}
