// BMP unicode strings: code units, comparisons, slicing and building.
import { type int } from '../../../translate/rlib/index.ts';

const GREEK = 'αβγδεζηθικλμνξοπρστυφχψω';
const MIXED = 'Zürich — 東京 — Москва — naïve café ☕ ½';

export function main(argv: string[]): int {
  console.log(GREEK + ' ' + GREEK.length + ' ' + GREEK.charCodeAt(0) + ' ' + GREEK.indexOf('π') + ' ' + GREEK.slice(3, 7));
  console.log(MIXED + ' ' + MIXED.length);
  const parts = MIXED.split(' — ');
  for (const p of parts) console.log('[' + p + '] ' + p.length + ' first ' + p.charCodeAt(0));
  let codes = '';
  for (let i = 0; i < 6; i++) codes += MIXED.charCodeAt(i) + ' ';
  console.log(codes.trim());
  let built = '';
  for (let c = 0x410; c < 0x430; c++) built += String.fromCharCode(c);
  console.log(built + ' ' + built.length + ' ' + built.toLowerCase().length);
  const words = ['éclair', 'apple', 'Zebra', 'ångström', 'zoo', 'Äpfel', '東', '中'];
  // insertion sort by code units
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    let j = i - 1;
    while (j >= 0 && words[j] > w) {
      words[j + 1] = words[j];
      j--;
    }
    words[j + 1] = w;
  }
  console.log(words.join(' '));
  console.log('includes ' + MIXED.includes('東京') + ' ' + MIXED.startsWith('Zü') + ' ' + MIXED.endsWith('½') + ' ' + MIXED.lastIndexOf('—'));
  console.log(`template ${GREEK[0]}${GREEK[1]} ${'☃'.repeat(3)} ${'x'.padStart(4, 'é')}`);
  const bom = String.fromCharCode(0xfeff) + 'text';
  console.log('bom len ' + bom.length + ' trimmed ' + bom.trim().length);
  const nbsp = String.fromCharCode(0xa0) + 'pad' + String.fromCharCode(0x3000);
  console.log('nbsp trimmed [' + nbsp.trim() + ']');
  let h = 0;
  for (let i = 0; i < MIXED.length; i++) h = (h * 131 + MIXED.charCodeAt(i)) % 65521;
  console.log('hash ' + h);
  return h % 7;
}
