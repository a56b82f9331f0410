// Text primitives for RTS programs: what a program would otherwise do one code unit at a time
// through charCodeAt. Untranslated these are plain TypeScript; translated, each is a C runtime
// primitive (declared in translate/rtype/lloperation.ts, in translate/runtime/str.c), with the
// same results.
import type { int } from './types.ts';

/** The UTF-16 code units of s, one int each (0..0xFFFF), in order: s.charCodeAt(i) for every i,
 * made in one copy (a matcher that indexes a long string as a list wants this; pushing the units
 * one by one costs tens of instructions each). MemoryError when the list cannot be held. */
export function unitsOf(s: string): int[] {
  const out: int[] = new Array<int>(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
