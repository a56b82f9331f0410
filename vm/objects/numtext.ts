// CPython's _PyUnicode_TransformDecimalAndSpaceToASCII: before int() and float() parse a str,
// every Unicode decimal digit (str.isdecimal) becomes its ASCII digit and every Unicode space an
// ASCII one, so int('٣١') is 31 and float('\u2003 1.5') is 1.5. Other non-ASCII characters become
// '?', which no number literal accepts.
import { decimalValue } from '../modules/sre/chars.ts';
import { isSpaceCode, cpArray, codePointAt } from './strutil.ts';

export function asciiNumberText(s: string): string {
  let plain = true;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) plain = false;
  if (plain) return s;
  const parts: string[] = [];
  for (const ch of cpArray(s)) {
    const c = codePointAt(ch, 0);
    if (c < 128) parts.push(ch);
    else if (isSpaceCode(c)) parts.push(' ');
    else {
      const d = decimalValue(c);
      parts.push(d >= 0 ? String.fromCharCode(48 + d) : '?');
    }
  }
  return parts.join('');
}
