// GC stress: big lists of strings, string building and splitting.
import { type int, StringBuilder } from '../../../translate/rlib/index.ts';

export function main(argv: string[]): int {
  const words: string[] = [];
  for (let i = 0; i < 300000; i++) words.push('w' + i + '_' + (i % 97));
  let totalLen = 0;
  for (const w of words) totalLen += w.length;
  console.log('words ' + words.length + ' chars ' + totalLen + ' last ' + words[words.length - 1]);
  const sb = new StringBuilder();
  for (let i = 0; i < 100000; i++) {
    sb.append(words[i]);
    sb.append(',');
  }
  const joined = sb.build();
  const back = joined.split(',');
  console.log('joined ' + joined.length + ' back ' + back.length + ' ' + back[99999]);
  let churn = 0;
  for (let i = 0; i < 1000000; i++) {
    const s = 'item-' + i;
    churn += s.length;
    if (i % 250000 === 0) console.log(s.toUpperCase());
  }
  console.log('churn ' + churn);
  const big = words.join(' ');
  console.log('big ' + big.length + ' idx ' + big.indexOf('w299999_'));
  return words.length % 256;
}
