// What a native backend's ISA supplies to the shared layer (vm/backends/native/): registers, and
// the instructions the shared assembler lowers trace ops to. The shared layer decides which
// value lives where (regalloc.ts), lowers every op (assembler.ts), builds guard stubs and the
// entry; an ISA folder implements this class with its encoder and calling convention, nothing
// more (as LuaJIT's lj_asm.c over lj_asm_<isa>.h).
//
// Registers are the ISA's own numbers. Every method emits code at the end of the buffer.
// Three-address methods must accept dst equal to any operand. The scratch registers (tmp,
// ftmp) are never allocated: the shared layer loads spilled values and constants into them.
import type { int } from '../../../translate/rlib/index.ts';

// integer ALU ops (alu)
export const A_ADD = 0;
export const A_SUB = 1;
export const A_MUL = 2;
export const A_AND = 3;
export const A_OR = 4;
export const A_XOR = 5;

// conditions (setCond, branch): signed, and two unsigned (B: below, AE: above or equal)
export const C_LT = 0;
export const C_LE = 1;
export const C_EQ = 2;
export const C_NE = 3;
export const C_GT = 4;
export const C_GE = 5;
export const C_B = 6;
export const C_AE = 7;

// double ops (falu)
export const FA_ADD = 0;
export const FA_SUB = 1;
export const FA_MUL = 2;
export const FA_DIV = 3;

export abstract class NativeIsa {
  name: string;
  /** integer/pointer registers the allocator may hand out */
  gprs: int[];
  /** double registers the allocator may hand out */
  fprs: int[];
  /** three integer scratch registers, never allocated (tmp[0] also holds a call's result) */
  tmp: int[];
  /** two double scratch registers, never allocated */
  ftmp: int[];
  /** registers that hold, for the whole run, the run context (the code's first argument) and
   * the item buffers of the jitframe's ints, floats and refs and of the float constants;
   * preserved across calls */
  ctx: int;
  intsBase: int;
  floatsBase: int;
  refsBase: int;
  fconstBase: int;
  constructor(name: string, gprs: int[], fprs: int[], tmp: int[], ftmp: int[], bases: int[]) {
    this.name = name;
    this.gprs = gprs;
    this.fprs = fprs;
    this.tmp = tmp;
    this.ftmp = ftmp;
    this.ctx = bases[0];
    this.intsBase = bases[1];
    this.floatsBase = bases[2];
    this.refsBase = bases[3];
    this.fconstBase = bases[4];
  }

  /** the bytes emitted so far */
  abstract code(): int[];
  /** offset of the next instruction */
  abstract pos(): int;

  // ---- entry and exit ----
  /** Saves what the convention makes the callee preserve, sets up a frame in which calls may
   * be made, and moves the first argument into ctx. */
  abstract prologue(): void;
  /** Undoes the prologue and returns to the caller. */
  abstract epilogue(): void;
  /** the register that carries the code's result back to its caller */
  abstract resultReg(): int;
  /** Returns imm from the code (undoing the prologue). */
  returnImm(imm: int): void {
    this.movImm(this.resultReg(), imm);
    this.epilogue();
  }
  /** Returns the value of register r from the code (undoing the prologue). */
  returnReg(r: int): void {
    this.mov(this.resultReg(), r);
    this.epilogue();
  }
  /** Stops the processor (after code that must not be reached). */
  abstract trap(): void;

  // ---- moves, loads, stores (64-bit unless named) ----
  abstract mov(dst: int, src: int): void;
  abstract movImm(dst: int, imm: int): void;
  /** dst = [base + disp] */
  abstract load(dst: int, base: int, disp: int): void;
  /** dst = zero-extended 32-bit [base + disp] */
  abstract load32(dst: int, base: int, disp: int): void;
  /** dst = [base + index*8] */
  abstract loadIdx(dst: int, base: int, index: int): void;
  /** [base + disp] = src */
  abstract store(base: int, disp: int, src: int): void;
  /** [base + index*8] = src */
  abstract storeIdx(base: int, index: int, src: int): void;

  // ---- integers ----
  /** dst = a (op) b, op one of A_*; wraps at 64 bits */
  abstract alu(op: int, dst: int, a: int, b: int): void;
  /** dst = a * b; returns the site of a branch taken when the 64-bit product overflows */
  abstract mulOvf(dst: int, a: int, b: int): int;
  abstract neg(dst: int, a: int): void;
  /** dst = a >> n, arithmetic (the floor of a / 2^n), for a constant 0 <= n <= 63 */
  abstract sarImm(dst: int, a: int, n: int): void;
  /** dst = a // b (mod false) or a % b (mod true), rounding as Python does (toward -inf; the
   * remainder has b's sign); b is not zero and not -1 (a constant divisor the shared layer
   * checked), so the quotient always fits */
  abstract floorDivMod(mod: boolean, dst: int, a: int, b: int): void;
  /** dst = 1 when a (cond) b, else 0 */
  abstract setCond(cond: int, dst: int, a: int, b: int): void;
  /** returns the site of a branch taken when a (cond) b */
  abstract branch(cond: int, a: int, b: int): int;
  /** returns the site of a branch taken when a is zero (zero true) or not zero (zero false) */
  abstract branchZero(a: int, zero: boolean): int;
  /** returns the site of an unconditional jump */
  abstract jump(): int;
  /** the branch or jump at site goes to code offset target */
  abstract patch(site: int, target: int): void;

  // ---- doubles ----
  abstract fmov(dst: int, src: int): void;
  abstract fload(dst: int, base: int, disp: int): void;
  abstract fstore(base: int, disp: int, src: int): void;
  /** dst = a (op) b, op one of FA_* */
  abstract falu(op: int, dst: int, a: int, b: int): void;
  abstract fsqrt(dst: int, a: int): void;
  /** integer dst = 1 when a (cond) b, else 0, cond one of C_LT..C_GE; a NaN operand makes
   * every condition false but C_NE (as in Python) */
  abstract fsetCond(cond: int, dst: int, a: int, b: int): void;
  /** double dst = integer a */
  abstract intToFloat(dst: int, a: int): void;

  // ---- optional shorter forms (an ISA without them keeps these defaults) ----
  /** dst = a (op) imm, op one of A_ADD, A_SUB, A_AND, A_OR, A_XOR, when the ISA has an
   * immediate form for imm; false (nothing emitted) otherwise. */
  aluImm(op: int, dst: int, a: int, imm: int): boolean {
    return false;
  }
  /** [base + disp] += imm in one instruction when the ISA has one (no register written);
   * false (nothing emitted) otherwise. */
  addMem(base: int, disp: int, imm: int): boolean {
    return false;
  }
  /** A branch taken when a (cond) imm, as branch; -1 (nothing emitted) when the ISA has no
   * immediate form for imm. */
  branchImm(cond: int, a: int, imm: int): int {
    return -1;
  }
  /** whether branchMem compares with a memory operand */
  memCompare: boolean = false;
  /** A branch taken when the word at [base + disp] (cond) b, as branch with the memory word
   * for a; only where memCompare. */
  branchMem(cond: int, base: int, disp: int, b: int): int {
    throw new Error(`${this.name}: no compare with memory`);
  }
  /** For a trace without doubles: hands the registers of the floats' and float constants'
   * bases to the allocator (gprs grows); false when the ISA keeps them. */
  freeFloatBases(): boolean {
    return false;
  }

  // ---- calls ----
  /** Calls the helper at address addr with (ctx, imm); its integer result lands in tmp[0].
   * Clobbers every allocatable and scratch register; keeps ctx and the bases. */
  abstract callCtx(addr: int, imm: int): void;

  /** The registers that carry a direct helper call's arguments, one per argument of the given
   * kinds (K_INT or K_REF: a general register; K_FLOAT: a double register), in the ISA's
   * convention; null when they do not all go in registers, or the ISA has no direct calls
   * (the op then runs through the executor, callCtx). The registers may be allocatable ones
   * but are never ctx, the bases or the scratch registers but ftmp. */
  argRegs(kinds: int[]): int[] | null {
    return null;
  }
  /** Calls the helper at address addr, its arguments already in argRegs' registers; an integer
   * or pointer result lands in tmp[0], a double one in fresultReg(). Clobbers what callCtx
   * clobbers. */
  callAddr(addr: int): void {
    throw new Error(`${this.name}: no direct helper calls`);
  }
  /** the register a double result of callAddr lands in */
  fresultReg(): int {
    throw new Error(`${this.name}: no direct helper calls`);
  }

  // ---- linking bridges (optional: an ISA that keeps these defaults never patches code, and
  // the JIT enters bridges itself when a guard's index comes back) ----
  /** Emits, in a guard's exit stub, a place that falls through now and that linkBytes can
   * later turn into a jump to any address; returns its offset (-1: this ISA does not link). */
  linkSite(): int {
    return -1;
  }
  /** The bytes to write at a linkSite so that it jumps to the absolute address target. */
  linkBytes(target: int): int[] {
    throw new Error(`${this.name}: no bridge linking`);
  }
  /** Calls the code at address addr with the single argument arg (the run context of other
   * code); its result lands in tmp[0]. Clobbers what callCtx clobbers. */
  callCode(addr: int, arg: int): void {
    throw new Error(`${this.name}: no bridge linking`);
  }
  /** Jumps to the absolute address addr (the frame stays as it is). */
  jumpAbs(addr: int): void {
    throw new Error(`${this.name}: no bridge linking`);
  }
}
