// The ELFv2 ABI (ppc64le Linux): what the backend's entry trampoline, calls into helpers and
// register allocator must respect. RTS: translated with the VM.
import type { int } from '../../../translate/rlib/index.ts';
import { R0, SP, TOC, R12 } from './encoder.ts';

/** integer/pointer arguments r3-r10, in order; r3 also holds the result */
export const INT_ARGS: int[] = [3, 4, 5, 6, 7, 8, 9, 10];
/** double arguments f1-f13 (the first eight are enough for our helpers); f1 holds a double result */
export const FLOAT_ARGS: int[] = [1, 2, 3, 4, 5, 6, 7, 8];
export const RESULT = 3;
export const FLOAT_RESULT = 1;
export const CALLEE_SAVED: int[] = [14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31];
export const FLOAT_CALLEE_SAVED: int[] = [14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31];
/** registers the allocator may hand out: never r0 (the encoder's scratch), r1 (sp), r2
 * (TOC), r12 (call target), r13 (the thread pointer) */
export const ALLOCATABLE: int[] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31];
/** a call into a helper: the address in r12 (the callee's global entry computes its TOC from
 * it), mtctr r12; bctrl; then r2 is reloaded from TOC_SAVE(r1), since the callee may have
 * left its own TOC there */
export const CALL_TARGET = R12;
export const SCRATCH = R0;
export const STACK_POINTER = SP;
export const TOC_POINTER = TOC;
/** offsets in a frame: 0 back chain (stdu), 8 CR save, 16 LR save (in the caller's frame:
 * the entry stores the incoming lr at 16(r1) before its stdu), 24 TOC save */
export const LR_SAVE = 16;
export const TOC_SAVE = 24;
/** the smallest frame: back chain, CR, LR and TOC save words (no parameter save area is
 * needed for calls with at most eight register arguments and no varargs) */
export const MIN_FRAME = 32;
export const STACK_ALIGN = 16;
/** bytes below sp that signal handlers leave alone (usable without a frame) */
export const RED_ZONE = 288;

/** Bytes an entry trampoline's stdu reserves: the minimum frame, the callee-saved
 * registers it uses and locals, rounded up to keep sp 16-aligned. */
export function frameBytes(savedRegs: int, localBytes: int): int {
  const raw = MIN_FRAME + 8 * savedRegs + localBytes;
  return raw + ((STACK_ALIGN - (raw % STACK_ALIGN)) % STACK_ALIGN);
}
