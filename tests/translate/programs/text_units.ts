// rlib text.unitsOf: a string's UTF-16 code units as a list of ints, the same as charCodeAt
// one by one: empty, ASCII, Latin-1, BMP, surrogate pairs and lone surrogates, a long string
// built at run time (a list out of line), and lists that live on while others are made.
import { type int, text } from '../../../translate/rlib/index.ts';

function show(s: string): string {
  const u = text.unitsOf(s);
  let same = u.length === s.length;
  for (let i = 0; i < u.length; i++) if (u[i] !== s.charCodeAt(i)) same = false;
  return u.length + ' [' + u.join(',') + '] ' + (same ? 'same' : 'DIFFERENT');
}

export function main(argv: string[]): int {
  console.log(show(''));
  console.log(show('a'));
  console.log(show('hello, world'));
  console.log(show('café naïve ÿ'));
  console.log(show('Москва 東京 ☕'));
  console.log(show('😀 ok 🙏'));
  console.log(show('lone \ud800 and \udc00 end'));
  console.log(show(argv.join('|')));
  // a long string: its list is too large to sit inline in the object
  let long = '';
  for (let i = 0; i < 5000; i++) long += String.fromCharCode(32 + (i * 7919) % 60000);
  const kept: int[][] = [];
  let sum = 0;
  for (let k = 0; k < 40; k++) {
    const u = text.unitsOf(long.slice(k, k + 2000 + k * 50));
    kept.push(u);
    for (const c of u) sum = (sum * 31 + c) % 1000000007;
  }
  let lens = 0;
  for (const u of kept) lens += u.length;
  console.log('long ' + long.length + ' lists ' + kept.length + ' units ' + lens + ' sum ' + sum + ' first ' + kept[0][0] + ' last ' + kept[39][kept[39].length - 1]);
  // a list of its own: writing to it leaves the string and other lists alone
  const a = text.unitsOf('abc');
  const b = text.unitsOf('abc');
  a[0] = 120;
  a.push(100);
  console.log(a.join(',') + ' ' + b.join(',') + ' ' + String.fromCharCode(a[0]) + String.fromCharCode(b[0]));
  return 0;
}
