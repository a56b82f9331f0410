// The s390x instructions of the shared native layer (vm/backends/native/isa.ts), over the
// encoder and the s390x ELF ABI (conventions.ts). Register roles: r2, r3 and r14 are the
// scratch registers (r2 and r3 are also a call's arguments, r2 its result; r14 is the return
// address at a call, so it is free between calls once the entry has saved it); r0:r1 is the
// encoder's scratch pair (r1 also holds a helper's address at a call), r15 the stack; r13
// holds the run context and r9-r12 the jitframe's ints, floats, refs and float constants
// (callee-saved); r4-r8 are allocated. The entry stores r6-r15 in its caller's register save
// area and opens a frame with the 160-byte save area its own callees may store into.
// f0 and f1 are scratch; f2-f7 (caller-saved) are allocated. Big-endian: every field is read
// with a load of its own width at its own address (the 32-bit type id with llgf).
import type { int } from '../../../translate/rlib/index.ts';
import {
  S390Encoder, R0, R1, R14, SP, NOREG, RR_ADD, RR_SUB, RR_MUL, RR_AND, RR_OR, RR_XOR, RR_CMP, RR_CMPL, RR_NEG, RR_LTG,
  RRR_ADD, RRR_SUB, RRR_AND, RRR_OR, RRR_XOR, SH_SLLG, SH_SRAG, FD_ADD, FD_SUB, FD_MUL, FD_DIV,
  MASK_EQ, MASK_LT, MASK_GT, MASK_NE, MASK_LE, MASK_GE, MASK_ALWAYS,
} from './encoder.ts';
import { INT_ARGS, RESULT, GPR_SAVE_OFFSET, frameBytes } from './conventions.ts';
import { NativeIsa, A_MUL, FA_ADD, FA_MUL, C_B, C_AE } from '../native/isa.ts';

const RR_OF = [RR_ADD, RR_SUB, RR_MUL, RR_AND, RR_OR, RR_XOR];
const RRR_OF = [RRR_ADD, RRR_SUB, -1, RRR_AND, RRR_OR, RRR_XOR];
// after cgr/clgr: CC0 equal, CC1 low, CC2 high; after cdbr CC3 is unordered, in no mask but NE
const MASK_OF = [MASK_LT, MASK_LE, MASK_EQ, MASK_NE, MASK_GT, MASK_GE, MASK_LT, MASK_GE];
const FD_OF = [FD_ADD, FD_SUB, FD_MUL, FD_DIV];
const FRAME = frameBytes(0);
/** the length of a link site: a 4-byte jump, 12 bytes of address load, br */
const LINK_BYTES = 18;

export class S390Isa extends NativeIsa {
  e: S390Encoder = new S390Encoder();
  constructor() {
    super('s390x', [4, 5, 6, 7, 8], [2, 3, 4, 5, 6, 7], [RESULT, 3, R14], [0, 1], [13, 9, 10, 11, 12]);
  }
  code(): int[] {
    return this.e.code;
  }
  pos(): int {
    return this.e.pos();
  }

  prologue(): void {
    const e = this.e;
    e.stmg(6, SP, SP, GPR_SAVE_OFFSET);
    e.lea(SP, SP, NOREG, -FRAME);
    e.movRR(this.ctx, INT_ARGS[0]);
  }
  resultReg(): int {
    return RESULT;
  }
  epilogue(): void {
    const e = this.e;
    // r15 comes back from the save area too
    e.lmg(6, SP, SP, FRAME + GPR_SAVE_OFFSET);
    e.ret();
  }
  trap(): void {
    this.e.trap();
  }

  mov(dst: int, src: int): void {
    if (dst !== src) this.e.movRR(dst, src);
  }
  movImm(dst: int, imm: int): void {
    this.e.movRI(dst, imm);
  }
  load(dst: int, base: int, disp: int): void {
    this.e.load64(dst, base, NOREG, disp);
  }
  load32(dst: int, base: int, disp: int): void {
    this.e.load32(dst, base, NOREG, disp);
  }
  loadIdx(dst: int, base: int, index: int): void {
    this.e.shiftRI(SH_SLLG, R1, index, 3);
    this.e.load64(dst, base, R1, 0);
  }
  store(base: int, disp: int, src: int): void {
    this.e.store64(base, NOREG, disp, src);
  }
  storeIdx(base: int, index: int, src: int): void {
    this.e.shiftRI(SH_SLLG, R1, index, 3);
    this.e.store64(base, R1, 0, src);
  }

  alu(op: int, dst: int, a: int, b: int): void {
    const e = this.e;
    if (dst === a) {
      e.aluRR(RR_OF[op], dst, b);
    } else if (op === A_MUL) {
      if (dst === b) e.aluRR(RR_MUL, dst, a);
      else {
        e.movRR(dst, a);
        e.aluRR(RR_MUL, dst, b);
      }
    } else {
      e.aluRRR(RRR_OF[op], dst, a, b);
    }
  }
  mulOvf(dst: int, a: int, b: int): int {
    // r14 (tmp[2]): the shared layer puts operands only in tmp[0] and tmp[1]
    this.e.mulOvf(dst, a, b, R14);
    return this.e.brcl(MASK_NE, 0);
  }
  sarImm(dst: int, a: int, n: int): void {
    this.e.shiftRI(SH_SRAG, dst, a, n);
  }
  neg(dst: int, a: int): void {
    this.e.aluRR(RR_NEG, dst, a);
  }
  floorDivMod(mod: boolean, dst: int, a: int, b: int): void {
    // dsgr divides r1 by b: remainder in r0, quotient in r1; r14 (tmp[2]) is free here
    const e = this.e;
    e.movRR(R1, a);
    e.dsgr(R0, b);
    e.aluRR(RR_LTG, R0, R0);
    const z = e.brc(MASK_EQ, 0);
    // truncated -> floored when the remainder's sign differs from b's
    if (mod) {
      e.movRR(R14, R0);
      e.aluRR(RR_XOR, R14, b);
      e.aluRR(RR_LTG, R14, R14);
      const same = e.brc(MASK_GE, 0);
      e.aluRR(RR_ADD, R0, b);
      e.patchBranch(same, e.pos());
      e.patchBranch(z, e.pos());
      e.movRR(dst, R0);
    } else {
      e.aluRR(RR_XOR, R0, b);
      e.aluRR(RR_LTG, R0, R0);
      const same = e.brc(MASK_GE, 0);
      e.addRI(R1, -1);
      e.patchBranch(same, e.pos());
      e.patchBranch(z, e.pos());
      e.movRR(dst, R1);
    }
  }
  private compare(cond: int, a: int, b: int): void {
    this.e.aluRR(cond === C_B || cond === C_AE ? RR_CMPL : RR_CMP, a, b);
  }
  setCond(cond: int, dst: int, a: int, b: int): void {
    this.compare(cond, a, b);
    this.e.setcc(dst, MASK_OF[cond]);
  }
  branch(cond: int, a: int, b: int): int {
    this.compare(cond, a, b);
    return this.e.brcl(MASK_OF[cond], 0);
  }
  branchZero(a: int, zero: boolean): int {
    this.e.aluRR(RR_LTG, a, a);
    return this.e.brcl(zero ? MASK_EQ : MASK_NE, 0);
  }
  jump(): int {
    return this.e.brcl(MASK_ALWAYS, 0);
  }
  patch(site: int, target: int): void {
    this.e.patchBranch(site, target);
  }

  fmov(dst: int, src: int): void {
    if (dst !== src) this.e.fmovRR(dst, src);
  }
  fload(dst: int, base: int, disp: int): void {
    this.e.loadD(dst, base, NOREG, disp);
  }
  fstore(base: int, disp: int, src: int): void {
    this.e.storeD(base, NOREG, disp, src);
  }
  falu(op: int, dst: int, a: int, b: int): void {
    // two-operand: f1 = f1 (op) f2
    const e = this.e;
    if (dst === a) {
      e.fop(FD_OF[op], dst, b);
      return;
    }
    if (dst === b) {
      if (op === FA_ADD || op === FA_MUL) {
        e.fop(FD_OF[op], dst, a);
        return;
      }
      // not commutative: through the scratch register a is not in (b is allocated here, as
      // the shared layer computes into a scratch register only what has none)
      const x = a === 0 ? 1 : 0;
      e.fmovRR(x, a);
      e.fop(FD_OF[op], x, b);
      e.fmovRR(dst, x);
      return;
    }
    e.fmovRR(dst, a);
    e.fop(FD_OF[op], dst, b);
  }
  fsqrt(dst: int, a: int): void {
    this.e.sqrt(dst, a);
  }
  fsetCond(cond: int, dst: int, a: int, b: int): void {
    this.e.fcmp(a, b);
    this.e.setcc(dst, MASK_OF[cond]);
  }
  intToFloat(dst: int, a: int): void {
    this.e.cdgbr(dst, a);
  }

  callCtx(addr: int, imm: int): void {
    const e = this.e;
    e.movRR(INT_ARGS[0], this.ctx);
    e.movRI(INT_ARGS[1], imm);
    e.movRI(R1, addr);
    e.basr(R1);
    // the result is in r2, which is tmp[0]
  }
  override callCode(addr: int, arg: int): void {
    const e = this.e;
    e.movRI(INT_ARGS[0], arg);
    e.movRI(R1, addr);
    e.basr(R1);
  }
  override jumpAbs(addr: int): void {
    this.e.movRI(R1, addr);
    this.e.bcr(MASK_ALWAYS, R1);
  }
  /** `j` over `llihf/iilf r1; br r1` (18 bytes): linkBytes turns the jump into a 4-byte nop
   * and fills in the address (r1 is the encoder's scratch register, free in a stub). The
   * i-cache of s390x is coherent with stores, so no flush is needed after patching. */
  override linkSite(): int {
    const e = this.e;
    const at = e.brc(MASK_ALWAYS, LINK_BYTES);
    e.movRI64(R1, 0);
    e.bcr(MASK_ALWAYS, R1);
    return at;
  }
  override linkBytes(target: int): int[] {
    const e = new S390Encoder();
    e.nop();
    e.movRI64(R1, target);
    e.bcr(MASK_ALWAYS, R1);
    return e.code;
  }
}
