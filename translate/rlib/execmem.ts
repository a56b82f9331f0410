// Executable memory for the JIT's machine-code backends, W^X: a region is writable until
// finalize() makes it executable (and flushes the instruction cache, which qemu-user does not
// need but real aarch64, ppc64le and s390x do); writing to it again makes it writable, and
// not executable, until the next finalize. Code runs only through call(). Untranslated there
// is no way to run machine code, so available() is false and the JIT uses the llgraph backend.
import type { int } from './types.ts';

/** True when machine code can be run (translated builds only). */
export function available(): boolean {
  return false;
}
/** The ISA of the running binary, with the calling convention where one ISA has two:
 * 'x86_64' (System V), 'x86_64-win64', 'aarch64', 'ppc64le' (ELFv2), 's390x' (or 'unknown').
 * Untranslated: those of the Node process. */
export function targetArch(): string {
  const a: string = process.arch;
  if (a === 'x64') return process.platform === 'win32' ? 'x86_64-win64' : 'x86_64';
  return a === 'arm64' ? 'aarch64' : a === 'ppc64' ? 'ppc64le' : a === 's390x' ? 's390x' : 'unknown';
}
/** Allocates size bytes of writable memory; returns a handle > 0, or 0 on failure. */
export function alloc(size: int): int {
  return 0;
}
/** Stores one byte at offset in the region. */
export function writeByte(handle: int, offset: int, byte: int): void {
  throw new Error('execmem: no executable memory untranslated');
}
/** Stores bytes (each 0..255) from offset on. */
export function writeBytes(handle: int, offset: int, bytes: int[]): void {
  throw new Error('execmem: no executable memory untranslated');
}
/** The address of the byte at offset in the region (for branches and calls between pieces
 * of code, and for patching). */
export function address(handle: int, offset: int): int {
  throw new Error('execmem: no executable memory untranslated');
}
/** Makes the region executable (and no longer writable) and flushes the instruction cache. */
export function finalize(handle: int): boolean {
  return false;
}
/** Calls the code at offset as int64 f(a, b, c, d). The code may call helpers (jithelpers.ts)
 * that allocate or raise: an exception they raise is thrown here when the code returns. */
export function call(handle: int, offset: int, a: int, b: int, c: int, d: int): int {
  throw new Error('execmem: no executable memory untranslated');
}
/** Releases the region. */
export function free(handle: int): void {}
