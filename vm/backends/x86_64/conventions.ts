// The two x86-64 calling conventions the backend emits calls and entries for: System V
// (Linux) and Win64 (Windows). The backend reads only this table, never the OS name.
import type { int } from '../../../translate/rlib/index.ts';
import { K_FLOAT } from '../../jit/ir.ts';
import { RAX, RCX, RDX, RBX, RBP, RSI, RDI, R8, R9, R12, R13, R14, R15 } from './encoder.ts';

export class X64Conventions {
  name: string;
  /** integer/pointer argument registers, in order */
  intArgs: int[];
  /** registers a callee must preserve (of those the backend uses) */
  calleeSaved: int[];
  /** bytes the caller reserves above the return address for the callee (Win64: 32) */
  shadowSpace: int;
  /** xmm registers from this one up are callee-saved (Win64: 6; System V: none, 16) */
  firstSavedXmm: int;
  /** double argument registers (xmm numbers), in order */
  floatArgs: int[];
  /** Win64: argument k goes in the k-th register of its class whatever the kinds before it;
   * System V: each class takes its next free register */
  positional: boolean;
  constructor(name: string, intArgs: int[], floatArgs: int[], positional: boolean, calleeSaved: int[], shadowSpace: int, firstSavedXmm: int) {
    this.name = name;
    this.intArgs = intArgs;
    this.floatArgs = floatArgs;
    this.positional = positional;
    this.calleeSaved = calleeSaved;
    this.shadowSpace = shadowSpace;
    this.firstSavedXmm = firstSavedXmm;
  }
  /** The register of each argument of a call with arguments of these kinds (K_FLOAT: a double;
   * K_INT, K_REF: a general register); null when one would go on the stack. */
  argRegs(kinds: int[]): int[] | null {
    const out: int[] = [];
    let ni = 0;
    let nf = 0;
    for (let k = 0; k < kinds.length; k++) {
      const isFloat = kinds[k] === K_FLOAT;
      const at = this.positional ? k : isFloat ? nf : ni;
      const regs = isFloat ? this.floatArgs : this.intArgs;
      if (at >= regs.length) return null;
      out.push(regs[at]);
      if (isFloat) nf++;
      else ni++;
    }
    return out;
  }
  /** Stack bytes the entry reserves below its pushes so that calls see rsp 16-aligned and,
   * on Win64, their shadow space. */
  frameBytes(): int {
    // on entry rsp = 8 mod 16 (the return address); each push adds 8
    const pushed = 8 + 8 * this.calleeSaved.length;
    let extra = this.shadowSpace;
    if ((pushed + extra) % 16 !== 0) extra += 8;
    return extra;
  }
}

export const SYSV = new X64Conventions('sysv', [RDI, RSI, RDX, RCX, R8, R9], [0, 1, 2, 3, 4, 5, 6, 7], false, [RBX, RBP, R12, R13, R14, R15], 0, 16);
export const WIN64 = new X64Conventions('win64', [RCX, RDX, R8, R9], [0, 1, 2, 3], true, [RBX, RBP, RDI, RSI, R12, R13, R14, R15], 32, 6);

/** The convention of a target as execmem.targetArch() names it. */
export function conventionsFor(arch: string): X64Conventions {
  return arch === 'x86_64-win64' ? WIN64 : SYSV;
}
/** rax holds call targets and results in both conventions */
export const RESULT = RAX;
