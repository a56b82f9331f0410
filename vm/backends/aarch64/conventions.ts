// AAPCS64, the one aarch64 calling convention (Linux): what the backend's entry trampoline,
// calls into helpers and register allocator must respect. RTS: translated with the VM.
import type { int } from '../../../translate/rlib/index.ts';
import { X16, X17, FP, LR, SP } from './encoder.ts';

/** integer/pointer arguments, in order; x0 also holds the result */
export const INT_ARGS: int[] = [0, 1, 2, 3, 4, 5, 6, 7];
/** double arguments d0-d7; d0 holds a double result */
export const FLOAT_ARGS: int[] = [0, 1, 2, 3, 4, 5, 6, 7];
export const RESULT = 0;
export const FLOAT_RESULT = 0;
/** callee-saved x registers (the frame pointer x29 and link register x30 are saved apart, as
 * the frame record, by stp x29, x30, [sp, #-16]!) */
export const CALLEE_SAVED: int[] = [19, 20, 21, 22, 23, 24, 25, 26, 27, 28];
/** d8-d15: only their low 64 bits are callee-saved, which is all a double uses */
export const FLOAT_CALLEE_SAVED: int[] = [8, 9, 10, 11, 12, 13, 14, 15];
/** registers the allocator may hand out: never x16/x17 (call target and the encoder's
 * scratch), x18 (the platform register), x29-x31 */
export const ALLOCATABLE: int[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28];
/** a call into a helper: ldr x16, <literal>; blr x16 */
export const CALL_TARGET = X16;
export const SCRATCH = X17;
export const FRAME_POINTER = FP;
export const LINK = LR;
export const STACK_POINTER = SP;
/** sp is 16-byte aligned at every call (and at every access through sp, in hardware) */
export const STACK_ALIGN = 16;

/** Bytes an entry trampoline reserves: the frame record, the callee-saved registers it
 * uses (stored in pairs) and locals, rounded up to keep sp 16-aligned. */
export function frameBytes(savedRegs: int, localBytes: int): int {
  const raw = 16 + 8 * savedRegs + localBytes;
  return raw + ((STACK_ALIGN - (raw % STACK_ALIGN)) % STACK_ALIGN);
}
