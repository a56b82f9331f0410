// File names as bytes and str (PEP 383): the file system encoding is UTF-8 with surrogateescape,
// so a name that is not valid UTF-8 decodes with each bad byte b as U+DC00+b and encodes back to
// the same bytes, as os.fsencode/os.fsdecode do (translate/runtime/str.c converts the same way).
import type { int } from '../../translate/rlib/index.ts';
import { newStr } from '../objects/core.ts';
import { encodeNative, decodeNative, C_UTF8 } from './codecs/unicode.ts';

/** The bytes of a file name: UTF-8, a lone U+DC80..U+DCFF giving the byte it escapes (any other
 * lone surrogate raises UnicodeEncodeError, as os.fsencode does). */
export function fsEncode(s: string): int[] {
  return encodeNative(C_UTF8, newStr(s), 'surrogateescape');
}

/** A file name's bytes as str: strict UTF-8, each byte of an invalid sequence as U+DC00+byte. */
export function fsDecode(b: int[]): string {
  return decodeNative(C_UTF8, b, 'surrogateescape', true, 0).text;
}
