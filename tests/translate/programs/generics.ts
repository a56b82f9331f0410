// Generic classes and functions, each used at one type.
import { type int } from '../../../translate/rlib/index.ts';

class Stack<T> {
  items: T[] = [];
  push(x: T): void {
    this.items.push(x);
  }
  pop(): T {
    return this.items.pop()!;
  }
  peek(): T {
    return this.items[this.items.length - 1];
  }
  size(): int {
    return this.items.length;
  }
}

class Pair<A, B> {
  first: A;
  second: B;
  constructor(first: A, second: B) {
    this.first = first;
    this.second = second;
  }
}

class Queue<T> {
  front: T[] = [];
  back: T[] = [];
  enqueue(x: T): void {
    this.back.push(x);
  }
  dequeue(): T {
    if (this.front.length === 0) {
      while (this.back.length > 0) this.front.push(this.back.pop()!);
    }
    return this.front.pop()!;
  }
  size(): int {
    return this.front.length + this.back.length;
  }
}

function last<T>(xs: T[]): T {
  return xs[xs.length - 1];
}

function countIf<T>(xs: T[], v: T): int {
  let n = 0;
  for (const x of xs) if (x === v) n++;
  return n;
}

function balanced(s: string): boolean {
  const st = new Stack<string>();
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(' || c === '[' || c === '{') st.push(c);
    else if (c === ')' || c === ']' || c === '}') {
      if (st.size() === 0) return false;
      const o = st.pop();
      if ((o === '(' && c !== ')') || (o === '[' && c !== ']') || (o === '{' && c !== '}')) return false;
    }
  }
  return st.size() === 0;
}

export function main(argv: string[]): int {
  const tests = ['()', '([]{})', '(]', '((', '{[()()]}', ')(', ''];
  const res: string[] = [];
  for (const t of tests) res.push(t + '=' + balanced(t));
  console.log(res.join(' '));
  const pairs: Pair<string, int>[] = [];
  for (let i = 0; i < 5; i++) pairs.push(new Pair<string, int>('p' + i, i * i));
  const lp = last(pairs);
  console.log('last pair ' + lp.first + ' ' + lp.second);
  const q = new Queue<Pair<string, int>>();
  for (const p of pairs) q.enqueue(p);
  const a = q.dequeue();
  q.enqueue(new Pair<string, int>('late', 99));
  const b = q.dequeue();
  let rest = '';
  while (q.size() > 0) rest += q.dequeue().first + ' ';
  console.log('queue ' + a.first + ' ' + b.first + ' rest ' + rest);
  console.log('countIf ' + countIf(tests, '()'));
  return pairs.length;
}
