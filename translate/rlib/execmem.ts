// Executable memory for the JIT's machine-code backends. Untranslated there is no way to run
// machine code, so available() is false and the JIT uses the llgraph backend instead.
import type { int } from './types.ts';

/** True when machine code can be run (translated builds only). */
export function available(): boolean {
  return false;
}
/** Allocates size bytes of writable memory; returns a handle > 0, or 0 on failure. */
export function alloc(size: int): int {
  return 0;
}
/** Stores one byte at offset in the region. */
export function writeByte(handle: int, offset: int, byte: int): void {
  throw new Error('execmem: no executable memory untranslated');
}
/** Makes the region executable (and no longer writable) and flushes the instruction cache. */
export function finalize(handle: int): boolean {
  return false;
}
/** Calls the code at offset as int64 f(a, b, c, d). */
export function call(handle: int, offset: int, a: int, b: int, c: int, d: int): int {
  throw new Error('execmem: no executable memory untranslated');
}
/** Releases the region. */
export function free(handle: int): void {}
