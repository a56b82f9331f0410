import { type int } from '../../../translate/rlib/index.ts';

function caesar(s: string, k: int): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) out += String.fromCharCode(((c - 97 + k) % 26) + 97);
    else out += s[i];
  }
  return out;
}

export function main(argv: string[]): int {
  const s = 'Hello, World';
  console.log(s.length + ' ' + s.charCodeAt(0) + ' ' + s[4] + ' ' + s.slice(7) + ' ' + s.slice(-5, -1) + ' ' + s.slice(3, 1) + '|');
  console.log(s.substring(7, 3) + ' ' + s.substring(5) + ' ' + s.substring(-2, 2));
  console.log(s.indexOf('o') + ' ' + s.indexOf('o', 5) + ' ' + s.indexOf('zz') + ' ' + s.lastIndexOf('o') + ' ' + s.indexOf(''));
  console.log(s.startsWith('Hell') + ' ' + s.endsWith('ld') + ' ' + s.includes(', W') + ' ' + s.includes('x'));
  console.log(s.toUpperCase() + ' ' + s.toLowerCase());
  const parts = 'a,b,,c,'.split(',');
  console.log(parts.length + ' [' + parts.join('|') + ']');
  const parts2 = 'one  two three'.split(' ');
  console.log(parts2.length + ' ' + parts2.join('_'));
  const chars = 'abc'.split('');
  console.log(chars.join('-'));
  console.log('[' + '  \t padded \n '.trim() + ']');
  console.log('ab'.repeat(3) + '|' + 'x'.repeat(0) + '|');
  console.log('7'.padStart(3, '0') + ' ' + 'abc'.padStart(6) + ' ' + 'abcdef'.padStart(3, '*') + ' ' + '5'.padStart(5, 'xy'));
  console.log(String.fromCharCode(72) + String.fromCharCode(105) + String.fromCharCode(0x263a) + String.fromCharCode(0xe9));
  const u = 'héllo wörld ☃ Ω';
  console.log(u + ' ' + u.length + ' ' + u.charCodeAt(1) + ' ' + u.charCodeAt(12) + ' ' + u.slice(0, 1).toUpperCase());
  const n = 42;
  const f = 2.5;
  const b = true;
  console.log(`n=${n} f=${f} b=${b} sum=${n + 1} nested=${`[${n * 2}]`}`);
  console.log('cmp ' + ('apple' < 'banana') + ' ' + ('Zebra' < 'apple') + ' ' + ('abc' < 'abcd') + ' ' + ('b' > 'abc') + ' ' + ('x' === 'x') + ' ' + ('é' > 'z'));
  console.log(caesar('the quick brown fox', 13));
  console.log(String(123) + String(-4.75) + String(false) + (17).toString() + n.toString());
  console.log((3.14159).toFixed(2) + ' ' + (2.5).toFixed(0) + ' ' + (1.005).toFixed(2) + ' ' + (-1.5).toFixed(3) + ' ' + (1e21).toFixed(2) + ' ' + (0.000001).toFixed(7));
  let acc = '';
  for (let i = 0; i < 1000; i++) acc += String.fromCharCode(65 + (i % 26));
  console.log(acc.length + ' ' + acc.slice(990) + ' ' + acc.lastIndexOf('Z') + ' ' + acc.indexOf('Q', 100));
  const lines = 'l1\nl2\r\nl3'.split('\n');
  console.log(lines.length + ' ' + lines[1].length + ' ' + lines[1].trim());
  const split2 = 'a::b::c'.split('::');
  console.log(split2.join(' '));
  const e = '';
  console.log(e.length + ' ' + e.split(',').length + ' [' + e.trim() + ']');
  let code = 0;
  for (let i = 0; i < u.length; i++) code = (code * 31 + u.charCodeAt(i)) % 1000007;
  console.log('hash ' + code);
  return code % 5;
}
