// How large one str, list, tuple, bytes or array may grow. CPython refuses a size it cannot
// allocate with MemoryError; the RTS runtime stops the whole process with a fatal error on one
// object past its heap limit, so sizes a program asks for are checked against these first.
import type { int, float } from '../../translate/rlib/index.ts';
import { toFloat } from '../../translate/rlib/index.ts';
import { raise, MemoryError } from './core.ts';

/** UTF-16 units of one str (2 bytes each). */
export const MAX_STR_UNITS: float = 1073741824.0;
/** Items of one list, tuple, bytes or array (8 bytes each). */
export const MAX_SEQ_ITEMS: float = 268435456.0;

/** MemoryError unless len * n items (n > 0) stay within limit. */
export function checkRepeat(len: int, n: int, limit: float): void {
  if (toFloat(len) * toFloat(n) > limit) throw raise(MemoryError, '');
}
