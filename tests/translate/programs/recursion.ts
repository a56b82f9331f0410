import { type int } from '../../../translate/rlib/index.ts';

function ack(m: int, n: int): int {
  if (m === 0) return n + 1;
  if (n === 0) return ack(m - 1, 1);
  return ack(m - 1, ack(m, n - 1));
}

function isEven(n: int): boolean {
  return n === 0 ? true : isOdd(n - 1);
}
function isOdd(n: int): boolean {
  return n === 0 ? false : isEven(n - 1);
}

function fib(n: int): int {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

class Moves {
  n: int = 0;
  trace: string[] = [];
}

function hanoi(n: int, from: string, to: string, via: string, m: Moves): void {
  if (n === 0) return;
  hanoi(n - 1, from, via, to, m);
  m.n++;
  if (m.trace.length < 10) m.trace.push(from + '->' + to);
  hanoi(n - 1, via, to, from, m);
}

function gcd(a: int, b: int): int {
  return b === 0 ? a : gcd(b, a % b);
}

function permutations(items: string[], prefix: string, out: string[]): void {
  if (items.length === 0) {
    out.push(prefix);
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const rest = items.slice(0, i);
    const tail = items.slice(i + 1);
    for (const t of tail) rest.push(t);
    permutations(rest, prefix + items[i], out);
  }
}

function depth(n: int): int {
  if (n === 0) return 0;
  return 1 + depth(n - 1);
}

// mutual recursion through three functions
function f1(n: int, acc: int): int {
  return n <= 0 ? acc : f2(n - 1, acc + 1);
}
function f2(n: int, acc: int): int {
  return n <= 0 ? acc : f3(n - 1, acc * 2 % 1000003);
}
function f3(n: int, acc: int): int {
  return n <= 0 ? acc : f1(n - 1, acc + 7);
}

export function main(argv: string[]): int {
  console.log('ack(2,3)=' + ack(2, 3));
  console.log('ack(3,5)=' + ack(3, 5));
  console.log('even(1001)=' + isEven(1001) + ' odd(1001)=' + isOdd(1001));
  console.log('fib(25)=' + fib(25));
  const m = new Moves();
  hanoi(12, 'A', 'C', 'B', m);
  console.log('hanoi moves ' + m.n + ' first ' + m.trace.join(' '));
  console.log('gcd ' + gcd(1071, 462) + ' ' + gcd(-48, 18));
  const out: string[] = [];
  permutations(['a', 'b', 'c', 'd'], '', out);
  console.log(out.length + ': ' + out.join(','));
  console.log('depth ' + depth(5000));
  console.log('f1 ' + f1(3000, 1));
  return ack(2, 3) - 6;
}
