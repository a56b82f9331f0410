// The masked product tail: `(x * a + c) & m`, the step of a linear congruential generator or
// of a multiplicative hash. With x and a machine ints the product may pass the machine range
// (2^53), and would become a big int only to be cut back by the mask. The bits a mask below
// 2^32 keeps depend only on the low 32 bits of each operand, so when the instructions after the
// product are additions or subtractions of int constants or locals and then `& m` with a
// constant 0 <= m < 2^32, the interpreter (eval.ts) and the JIT's recorder compute the whole
// tail in machine ints, modulo 2^32, and go on after the `&`. The intermediate values are only
// on the value stack, so no program sees that they were never made.
//
// The arithmetic keeps every intermediate below 2^53 (exact untranslated too): the operands'
// low 32 bits are split into 16-bit halves, and the cross products are cut to the 16 bits that
// reach below 2^32. The recorder emits the same steps as IR (recorder.ts, maskedTail).
import type { int } from '../../translate/rlib/index.ts';
import { floorDiv, floorMod } from '../../translate/rlib/index.ts';
import { PyObject, PyInt, intType, bigOf } from '../objects/core.ts';
import { PyCode } from '../compiler/code.ts';
import { Op, unfused } from '../compiler/opcodes.ts';
import * as A from '../parser/ast.ts';

export const TWO32: int = 4294967296;
const TWO16: int = 65536;
/** most additions a tail may hold (each adds less than 2^32 to a sum below 2^34) */
export const MAX_TERMS = 8;

/** Whether o is an exact int within the machine range. */
export function isMachineInt(o: PyObject | null): boolean {
  return o !== null && o instanceof PyInt && o.cls === intType && bigOf(o) === null;
}

/** The pc just after a masked tail starting at pc (the instruction after the product), or -1
 * when the instructions there are not one: up to MAX_TERMS pairs `LOAD_CONST int` or
 * `LOAD_FAST`, then `BINARY_OP +` or `-`, and last `LOAD_CONST m` `BINARY_OP &`. Whether the
 * locals hold machine ints is for the caller to check when it runs the tail. */
export function maskedTailEnd(code: PyCode, pc: int): int {
  const words = code.words;
  let p = pc;
  for (let k = 0; k <= MAX_TERMS; k++) {
    if (p + 1 >= words.length) return -1;
    const w = words[p];
    const op = unfused(w & 127);
    const arg = w >> 7;
    const w2 = words[p + 1];
    if (unfused(w2 & 127) !== Op.BINARY_OP) return -1;
    const bin = w2 >> 7;
    if (op === Op.LOAD_CONST) {
      const c = code.consts[arg];
      if (!isMachineInt(c)) return -1;
      if (bin === A.BIN_AND) {
        const m = (c as PyInt).v;
        return m >= 0 && m < TWO32 ? p + 2 : -1;
      }
    } else if (op !== Op.LOAD_FAST) return -1;
    if (bin !== A.BIN_ADD && bin !== A.BIN_SUB) return -1;
    p += 2;
  }
  return -1;
}

/** The operand of the tail's term at p (a pair from maskedTailEnd): the constant, or the local
 * (null when unbound). */
export function tailOperand(code: PyCode, fast: (PyObject | null)[], p: int): PyObject | null {
  const w = code.words[p];
  const arg = w >> 7;
  return unfused(w & 127) === Op.LOAD_CONST ? code.consts[arg] : fast[arg];
}
/** Whether the term at p subtracts. */
export function tailSubtracts(code: PyCode, p: int): boolean {
  return code.words[p + 1] >> 7 === A.BIN_SUB;
}

/** (x * a) mod 2^32 for machine ints x and a, in [0, 2^32). */
export function mulLow32(x: int, a: int): int {
  const xm = floorMod(x, TWO32);
  const am = floorMod(a, TWO32);
  const xh = floorDiv(xm, TWO16);
  const xl = xm - xh * TWO16;
  const ah = floorDiv(am, TWO16);
  const al = am - ah * TWO16;
  const mid = floorMod(xl * ah + xh * al, TWO16);
  return floorMod(xl * al + mid * TWO16, TWO32);
}
/** r & m for 0 <= r, m < 2^32. */
export function andLow32(r: int, m: int): int {
  // both as int32 bit patterns (RTS's & is 32-bit); a result with bit 31 set comes back negative
  const v = r & m;
  return v < 0 ? v + TWO32 : v;
}

/** The value of the masked tail from pc to end (maskedTailEnd) after the product x * a, or -1
 * when a local it adds is not a machine int (the instructions then run one by one). */
export function maskedTailValue(code: PyCode, fast: (PyObject | null)[], pc: int, end: int, x: int, a: int): int {
  let r = mulLow32(x, a);
  for (let p = pc; p < end - 2; p += 2) {
    const o = tailOperand(code, fast, p);
    if (!isMachineInt(o)) return -1;
    const c = floorMod((o as PyInt).v, TWO32);
    r = tailSubtracts(code, p) ? r - c : r + c;
  }
  return andLow32(floorMod(r, TWO32), (code.consts[code.words[end - 2] >> 7] as PyInt).v);
}
