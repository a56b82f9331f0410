// Which code points are printable, for repr() and str.isprintable(): CPython's
// Py_UNICODE_ISPRINTABLE, read from the same Unicode database tables unicodedata uses.
import type { int } from '../../../translate/rlib/index.ts';
import { RECORDS, RECORD_INDEX1, RECORD_INDEX2, RECORD_SHIFT, RECORD_FIELDS, CATEGORIES } from './data.ts';

/** The index in CATEGORIES of code point cp's general category. */
export function categoryIndex(cp: int): int {
  const hi = RECORD_INDEX1.charCodeAt(cp >> RECORD_SHIFT);
  const rec = RECORD_INDEX2.charCodeAt((hi << RECORD_SHIFT) | (cp & ((1 << RECORD_SHIFT) - 1)));
  return RECORDS.charCodeAt(rec * RECORD_FIELDS);
}

/** The categories that are not printable: Other (Cc Cf Cs Co Cn) and Separator (Zl Zp Zs),
 * by index into CATEGORIES, found once from their names. */
function unprintableCategories(): boolean[] {
  const out: boolean[] = [];
  for (const n of CATEGORIES.split(' ')) out.push(n === 'Cc' || n === 'Cf' || n === 'Cs' || n === 'Co' || n === 'Cn' || n === 'Zl' || n === 'Zp' || n === 'Zs');
  return out;
}
const UNPRINTABLE: boolean[] = unprintableCategories();

/** Py_UNICODE_ISPRINTABLE: everything but Other and Separator characters, the space excepted. */
export function isPrintableCode(cp: int): boolean {
  if (cp < 128) return cp >= 32 && cp < 127;
  if (cp > 0x10ffff) return false;
  return !UNPRINTABLE[categoryIndex(cp)];
}
