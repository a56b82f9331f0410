// str's character-type predicates (isalpha, isdecimal, isdigit, isnumeric, isalnum,
// isidentifier) and case methods (upper, lower, casefold, title, capitalize, swapcase, isupper,
// islower, istitle) over Unicode 14.0.0, as CPython 3.11's unicodectype.c and unicodeobject.c do
// them. The case methods use the full case mappings:
// SpecialCasing.txt's one-to-many mappings ('ß'.upper() == 'SS'), CaseFolding.txt's full foldings
// ('ß'.casefold() == 'ss'), the final-sigma rule of lower(), titlecase letters (ǅ) and the
// Uppercase, Lowercase, Cased and Case_Ignorable properties. The tables are generated with the
// unicodedata ones (scripts/gen-unicodedata.py, CTYPE_* and CASE_EXPANSIONS in data.ts); this
// module reads them.
import type { int } from '../../translate/rlib/index.ts';
import { CTYPE_RECORDS, CTYPE_RECORD_UNITS, CTYPE_SHIFT, CTYPE_INDEX1, CTYPE_INDEX2, CASE_EXPANSIONS } from '../modules/unicodedata/data.ts';
import { codePointToString } from '../parser/parser.ts';
import { toCps } from '../modules/codecs/unicode.ts';

// the flags unit of a record (CPython's _PyUnicode_TypeRecord masks of the same names)
const UPPER = 1;
const LOWER = 2;
const TITLE = 4;
const CASED = 8;
const CASE_IGNORABLE = 16;
const ALPHA = 32;
const DECIMAL = 64;
const DIGIT = 128;
const NUMERIC = 256;
const XID_START = 512;
const XID_CONTINUE = 1024;
// which mapping of a record (its position after the flags unit)
const MAP_UPPER = 0;
const MAP_LOWER = 1;
const MAP_TITLE = 2;
const MAP_FOLD = 3;
// a mapping value at or above this is an expansion: length << 16 | offset into CASE_EXPANSIONS;
// below it, the mapped code point's distance from the code point, plus DELTA_BIAS
const EXPANDED = 1 << 29;
const DELTA_BIAS = 0x20000;
const SIGMA = 0x3a3;

/** Where the record of code point cp starts in CTYPE_RECORDS. */
function ctypeRecord(cp: int): int {
  const block = CTYPE_INDEX1.charCodeAt(cp >> CTYPE_SHIFT);
  return CTYPE_INDEX2.charCodeAt((block << CTYPE_SHIFT) | (cp & ((1 << CTYPE_SHIFT) - 1))) * CTYPE_RECORD_UNITS;
}
function flagsOf(cp: int): int {
  return CTYPE_RECORDS.charCodeAt(ctypeRecord(cp));
}
function isCasedCode(cp: int): boolean {
  return (flagsOf(cp) & CASED) !== 0;
}
function isCaseIgnorableCode(cp: int): boolean {
  return (flagsOf(cp) & CASE_IGNORABLE) !== 0;
}

/** Appends the full mapping `which` (MAP_*) of code point cp to out. */
function pushMapped(out: string[], cp: int, which: int): void {
  const r = ctypeRecord(cp) + 1 + which * 2;
  const v = CTYPE_RECORDS.charCodeAt(r) * 0x8000 + CTYPE_RECORDS.charCodeAt(r + 1);
  if (v >= EXPANDED) {
    const off = v & 0xffff;
    out.push(CASE_EXPANSIONS.slice(off, off + ((v >> 16) & 0xff)));
  } else {
    out.push(codePointToString(cp + v - DELTA_BIAS));
  }
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return false;
  return true;
}

/** lower() of cps[i]: a capital sigma is final (ς) when a cased letter precedes it and none
 * follows, case-ignorable characters skipped both ways (CPython's handle_capital_sigma). */
function pushLower(out: string[], cps: int[], i: int): void {
  const cp = cps[i];
  if (cp !== SIGMA) {
    pushMapped(out, cp, MAP_LOWER);
    return;
  }
  let j = i - 1;
  while (j >= 0 && isCaseIgnorableCode(cps[j])) j--;
  let final = j >= 0 && isCasedCode(cps[j]);
  if (final) {
    j = i + 1;
    while (j < cps.length && isCaseIgnorableCode(cps[j])) j++;
    final = j === cps.length || !isCasedCode(cps[j]);
  }
  out.push(final ? '\u03c2' : '\u03c3');
}

function mapAll(s: string, which: int): string {
  const out: string[] = [];
  for (const cp of toCps(s)) pushMapped(out, cp, which);
  return out.join('');
}
export function strUpper(s: string): string {
  if (isAscii(s)) return s.toUpperCase();
  return mapAll(s, MAP_UPPER);
}
export function strCasefold(s: string): string {
  if (isAscii(s)) return s.toLowerCase();
  return mapAll(s, MAP_FOLD);
}
export function strLower(s: string): string {
  if (isAscii(s)) return s.toLowerCase();
  const cps = toCps(s);
  const out: string[] = [];
  for (let i = 0; i < cps.length; i++) pushLower(out, cps, i);
  return out.join('');
}
/** Each word's first cased character in titlecase and the rest lower-cased, a word being a run
 * of cased characters (CPython's do_title). */
export function strTitle(s: string): string {
  const cps = toCps(s);
  const out: string[] = [];
  let prevCased = false;
  for (let i = 0; i < cps.length; i++) {
    if (prevCased) pushLower(out, cps, i);
    else pushMapped(out, cps[i], MAP_TITLE);
    prevCased = isCasedCode(cps[i]);
  }
  return out.join('');
}
/** The first character in titlecase, the rest lower-cased (CPython's do_capitalize). */
export function strCapitalize(s: string): string {
  // ASCII: the titlecase of a letter is its uppercase
  if (isAscii(s)) return s.slice(0, 1).toUpperCase() + s.slice(1).toLowerCase();
  const cps = toCps(s);
  const out: string[] = [];
  for (let i = 0; i < cps.length; i++) {
    if (i === 0) pushMapped(out, cps[i], MAP_TITLE);
    else pushLower(out, cps, i);
  }
  return out.join('');
}
export function strSwapcase(s: string): string {
  const cps = toCps(s);
  const out: string[] = [];
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i];
    const f = flagsOf(cp);
    if ((f & UPPER) !== 0) pushLower(out, cps, i);
    else if ((f & LOWER) !== 0) pushMapped(out, cp, MAP_UPPER);
    else out.push(codePointToString(cp));
  }
  return out.join('');
}
/** isupper() (wantUpper) or islower(): at least one cased character and none of the other case
 * or titlecase. */
export function strIsCase(s: string, wantUpper: boolean): boolean {
  const want = wantUpper ? UPPER : LOWER;
  const other = (wantUpper ? LOWER : UPPER) | TITLE;
  let cased = false;
  for (const cp of toCps(s)) {
    const f = flagsOf(cp);
    if ((f & other) !== 0) return false;
    if ((f & want) !== 0) cased = true;
  }
  return cased;
}
/** istitle(): uppercase and titlecase characters only after uncased ones, lowercase ones only
 * after cased ones, and at least one cased. */
export function strIsTitle(s: string): boolean {
  let cased = false;
  let prevCased = false;
  for (const cp of toCps(s)) {
    const f = flagsOf(cp);
    if ((f & (UPPER | TITLE)) !== 0) {
      if (prevCased) return false;
      prevCased = true;
      cased = true;
    } else if ((f & LOWER) !== 0) {
      if (!prevCased) return false;
      prevCased = true;
      cased = true;
    } else {
      prevCased = false;
    }
  }
  return cased;
}

// which flags a character needs for each predicate (isalnum is any of its four)
export const CT_ALPHA = ALPHA;
export const CT_DECIMAL = DECIMAL;
export const CT_DIGIT = DIGIT;
export const CT_NUMERIC = NUMERIC;
export const CT_ALNUM = ALPHA | DECIMAL | DIGIT | NUMERIC;
/** isalpha() (CT_ALPHA), isdecimal(), isdigit(), isnumeric(), isalnum(): s is not empty and each
 * of its characters has one of the flags in `any`. */
export function strIsAll(s: string, any: int): boolean {
  if (s.length === 0) return false;
  for (const cp of toCps(s)) if ((flagsOf(cp) & any) === 0) return false;
  return true;
}
/** isidentifier(): XID_Start or '_' first, XID_Continue after (CPython's _PyUnicode_ScanIdentifier). */
export function strIsIdentifier(s: string): boolean {
  const cps = toCps(s);
  if (cps.length === 0) return false;
  if (cps[0] !== 0x5f && (flagsOf(cps[0]) & XID_START) === 0) return false;
  for (let i = 1; i < cps.length; i++) if ((flagsOf(cps[i]) & XID_CONTINUE) === 0) return false;
  return true;
}
