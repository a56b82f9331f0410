// Searching a byte array for a byte string where it is (bytes.find/rfind/index/rindex/count
// and bytearray's): no Latin-1 copy of the haystack per call, which for re's 64K charmaps
// (`charmap.find(1, q)` in a loop while compiling a pattern) cost a copy per call.
import type { int } from '../../translate/rlib/index.ts';

/** Whether sub occurs in b at i (i + sub.length <= b.length). */
function matchesAt(b: int[], sub: int[], i: int): boolean {
  for (let k = 1; k < sub.length; k++) if (b[i + k] !== sub[k]) return false;
  return true;
}

/** The first index in [start, end - len(sub)] where sub occurs in b, or -1; start and end are
 * already clamped as a slice's (0 <= end <= len(b); start may exceed end). */
export function bytesFind(b: int[], sub: int[], start: int, end: int): int {
  const m = sub.length;
  if (end - start < m) return -1;
  if (m === 0) return start;
  const first = sub[0];
  const last = end - m;
  for (let i = start; i <= last; i++) {
    if (b[i] === first && matchesAt(b, sub, i)) return i;
  }
  return -1;
}

/** The last index in [start, end - len(sub)] where sub occurs in b, or -1 (bounds as bytesFind). */
export function bytesRFind(b: int[], sub: int[], start: int, end: int): int {
  const m = sub.length;
  if (end - start < m) return -1;
  if (m === 0) return end;
  const first = sub[0];
  for (let i = end - m; i >= start; i--) {
    if (b[i] === first && matchesAt(b, sub, i)) return i;
  }
  return -1;
}

/** How many times sub occurs in b[start:end] without overlapping (bounds as bytesFind); an empty
 * sub occurs at every position, both ends included. */
export function bytesCount(b: int[], sub: int[], start: int, end: int): int {
  if (start > end) return 0;
  const m = sub.length;
  if (m === 0) return end - start + 1;
  let c = 0;
  let i = bytesFind(b, sub, start, end);
  while (i >= 0) {
    c++;
    i = bytesFind(b, sub, i + m, end);
  }
  return c;
}
