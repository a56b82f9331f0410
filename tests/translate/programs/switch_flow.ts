// switch with fallthrough and strings, labeled break/continue, do-while, ternaries.
import { type int } from '../../../translate/rlib/index.ts';

function classify(n: int): string {
  let s = '';
  switch (n) {
    case 0:
      s += 'zero ';
    case 1:
      s += 'small ';
      break;
    case 2:
    case 3:
    case 4:
      s += 'few ';
      break;
    case -1:
      return 'minus one';
    default:
      s += 'many ';
    case 100:
      s += 'hundred-or-default ';
  }
  return s.trim();
}

function cmd(c: string): int {
  switch (c) {
    case 'add':
      return 1;
    case 'sub':
    case 'minus':
      return 2;
    case '':
      return 0;
    default:
      if (c.startsWith('x')) return 9;
      return -1;
  }
}

function defaultFirst(n: int): string {
  switch (n % 3) {
    default:
      return 'def';
    case 0:
      return 'zero';
  }
}

export function main(argv: string[]): int {
  const nums: int[] = [0, 1, 2, 3, 4, -1, 5, 100, 7];
  for (const n of nums) console.log(n + ' -> ' + classify(n));
  const cmds = ['add', 'sub', 'minus', '', 'xor', 'nop', 'ADD'];
  let total = 0;
  for (const c of cmds) {
    total = total * 10 + cmd(c);
  }
  console.log('cmds ' + total);
  console.log(defaultFirst(3) + defaultFirst(4) + defaultFirst(5));
  // labeled loops
  let found = '';
  search: for (let i = 1; i < 20; i++) {
    for (let j = 1; j < 20; j++) {
      if (j > i) continue search;
      if (i * j === 42 && i - j === 1) {
        found = i + 'x' + j;
        break search;
      }
    }
  }
  console.log('found ' + found);
  let pairs = 0;
  outer: for (let i = 0; i < 10; i++) {
    let j = 0;
    inner: while (true) {
      j++;
      if (j > i) break inner;
      if ((i + j) % 4 === 0) continue outer;
      pairs++;
    }
  }
  console.log('pairs ' + pairs);
  // do-while
  let n = 27;
  let steps = 0;
  do {
    n = n % 2 === 0 ? n / 2 === 0.0 ? 0 : n >> 1 : 3 * n + 1;
    steps++;
  } while (n !== 1);
  console.log('collatz steps ' + steps);
  let k = 100;
  do k++;
  while (k < 50);
  console.log('do once ' + k);
  // nested ternaries
  const labels: string[] = [];
  for (let i = -2; i <= 2; i++) labels.push(i < 0 ? (i < -1 ? 'very-neg' : 'neg') : i === 0 ? 'zero' : i > 1 ? 'big' : 'pos');
  console.log(labels.join(' '));
  // block-level scoping inside loop bodies and switch
  let acc = 0;
  for (let i = 0; i < 5; i++) {
    const t = i * 2;
    switch (t) {
      case 4: {
        const u = t + 100;
        acc += u;
        break;
      }
      default: {
        const u = t;
        acc += u;
      }
    }
  }
  console.log('acc ' + acc);
  return steps % 10;
}
