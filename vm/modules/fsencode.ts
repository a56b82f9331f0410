// File names as bytes and str (PEP 383): the file system encoding is UTF-8 with surrogateescape,
// so a name that is not valid UTF-8 decodes with each bad byte b as U+DC00+b and encodes back to
// the same bytes, as os.fsencode/os.fsdecode do (translate/runtime/str.c converts the same way).
import type { int } from '../../translate/rlib/index.ts';
import { encodeUtf8 } from '../builtins/strmethods.ts';

/** The bytes of a file name: UTF-8, a lone U+DC80..U+DCFF giving the byte it escapes. */
export function fsEncode(s: string): int[] {
  const out: int[] = [];
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xdc80 || c > 0xdcff) continue;
    const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
    if (prev >= 0xd800 && prev <= 0xdbff) continue;
    for (const x of encodeUtf8(s.slice(from, i))) out.push(x);
    out.push(c & 0xff);
    from = i + 1;
  }
  for (const x of encodeUtf8(s.slice(from))) out.push(x);
  return out;
}

/** A file name's bytes as str: strict UTF-8, each byte of an invalid sequence as U+DC00+byte. */
export function fsDecode(b: int[]): string {
  let out = '';
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      out += String.fromCharCode(c);
      i++;
      continue;
    }
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    let cp = 0;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      cp = c & 0x0f;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      cp = c & 0x07;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else {
      out += String.fromCharCode(0xdc00 | c);
      i++;
      continue;
    }
    const start = i;
    i++;
    let bad = false;
    for (let j = 0; j < need; j++) {
      if (i >= b.length || b[i] < lo || b[i] > hi) {
        bad = true;
        break;
      }
      lo = 0x80;
      hi = 0xbf;
      cp = (cp << 6) | (b[i] & 0x3f);
      i++;
    }
    if (bad) {
      for (let j = start; j < i; j++) out += String.fromCharCode(0xdc00 | b[j]);
      continue;
    }
    if (cp >= 0x10000) out += String.fromCharCode(0xd800 | ((cp - 0x10000) >> 10)) + String.fromCharCode(0xdc00 | ((cp - 0x10000) & 0x3ff));
    else out += String.fromCharCode(cp);
  }
  return out;
}
