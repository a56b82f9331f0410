// The s390x ELF ABI (Linux): what the backend's entry trampoline, calls into helpers and
// register allocator must respect. Big-endian: a 32-bit field (a type id) is read with a
// 32-bit load at its own address, never as the low half of a 64-bit load. RTS: translated
// with the VM.
import type { int } from '../../../translate/rlib/index.ts';
import { R0, R1, R14, SP } from './encoder.ts';

/** integer/pointer arguments r2-r6, in order; r2 also holds the result */
export const INT_ARGS: int[] = [2, 3, 4, 5, 6];
/** double arguments f0, f2, f4, f6; f0 holds a double result */
export const FLOAT_ARGS: int[] = [0, 2, 4, 6];
export const RESULT = 2;
export const FLOAT_RESULT = 0;
/** callee-saved: r6-r13 (r6 is both an argument and callee-saved), r14 and r15 */
export const CALLEE_SAVED: int[] = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15];
export const FLOAT_CALLEE_SAVED: int[] = [8, 9, 10, 11, 12, 13, 14, 15];
/** registers the allocator may hand out: never r0/r1 (the encoder's scratch pair), r14
 * (return address), r15 (sp) */
export const ALLOCATABLE: int[] = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13];
/** a call into a helper: its address in r1 (free at the call), basr r14, r1 */
export const CALL_TARGET = R1;
export const SCRATCH = R1;
export const SCRATCH_PAIR_EVEN = R0;
export const RETURN_ADDRESS = R14;
export const STACK_POINTER = SP;
/** every frame starts with the 160-byte register save area a callee may store into: the
 * callee saves r6-r15 at 48(r15) of its caller's frame with stmg r6, r15, 48(r15) */
export const SAVE_AREA = 160;
export const GPR_SAVE_OFFSET = 48;
export const STACK_ALIGN = 8;

/** Bytes an entry trampoline subtracts from r15 after its stmg: the save area its own
 * callees need plus locals, 8-aligned. */
export function frameBytes(localBytes: int): int {
  const raw = SAVE_AREA + localBytes;
  return raw + ((STACK_ALIGN - (raw % STACK_ALIGN)) % STACK_ALIGN);
}
