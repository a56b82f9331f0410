// The helper-address table: the runtime and VM functions machine code may call. JIT code
// cannot name a function (RTS has no function values), so each helper is registered once at
// load time, at module top level: `const H_ADD = jitHelper(addInts);` gives its index, and
// helperAddress(H_ADD) its entry address at run time. Translated, genc emits the table as
// `rts_jit_helpers[]` in registration order and annotates every helper from its declared
// parameter types (so a helper need not be called from RTS code); helpers take and return
// machine values (int, float, GcRef, class instances). A helper may allocate and raise: the
// exception is pending when execmem.call returns, and the caller sees it thrown.
// Untranslated the addresses are fakes (machine code never runs on Node).
import type { int } from './types.ts';

/** Registered helpers, in index order. Read by the translator (translate/load/loader.ts). */
export const HELPERS: Function[] = [];

/** Registers fn (a top-level RTS function) at load time; returns its index. */
export function jitHelper(fn: Function): int {
  const i = HELPERS.indexOf(fn);
  if (i >= 0) return i;
  HELPERS.push(fn);
  return HELPERS.length - 1;
}
/** The entry address of helper number index. */
export function helperAddress(index: int): int {
  if (index < 0 || index >= HELPERS.length) throw new Error(`jithelpers: no helper ${index}`);
  return 0x7f0000 * 4096 + 16 * index;
}
/** The address of the allocator JIT code calls when it has no room to allocate inline,
 * `void *rts_jit_alloc(uint32_t tid, size_t size)` (rts_alloc, then a new window: gc.c). */
export function allocAddress(): int {
  return 0x7f0100 * 4096;
}
/** The address of the pending exception, `rts_obj *rts_exc` (NULL when none). */
export function excAddress(): int {
  return 0x7f0200 * 4096;
}
/** The address of the heap-exhaustion flag, `bool rts_oom_pending`. */
export function oomPendingAddress(): int {
  return 0x7f0200 * 4096 + 8;
}
/** What JIT code needs to allocate a small object inline (vm/backends/native.ts BoxLayout):
 * by `what`, for objects of `size` bytes, the address of the size class's bump pointer (4) and
 * of the end of the window JIT code may bump it to, the bytes up to there already counted by
 * the collector (5), the class's cell size (6), the address of a header word holding the
 * current allocation flags and type id 0 (7); what 8 gives the header word of type id `size`
 * with no flags. 0 when allocations must go through rts_alloc (allocation statistics or the
 * collector's debug mode on, or a large object). Untranslated: fake addresses (machine code
 * never runs on Node). */
export function gcAllocInfo(what: int, size: int): int {
  if (what === 6) return size <= 16 ? 16 : size <= 24 ? 24 : (size + 15) & ~15;
  if (what === 8) return size;
  return 0x7f0300 * 4096 + 8 * what;
}
