// The aarch64 instructions of the shared native layer (vm/backends/native/isa.ts), over the
// encoder and AAPCS64 (conventions.ts). Register roles: x0, x1, x2 are the scratch registers
// (x0 is also a call's first argument and its result, x1 the second argument); x16 holds a
// helper's address at a call and x17 is the encoder's own scratch, so neither is allocated;
// x19 holds the run context and x20-x23 the jitframe's ints, floats, refs and the float
// constants (callee-saved, so helper calls keep them); x3-x15 and x24-x28 are allocated (the
// entry saves x19-x28 with the frame record). d0 and d1 are scratch; d2-d7 and d16-d31
// (caller-saved) are allocated, so the callee-saved d8-d15 are never touched.
import type { int } from '../../../translate/rlib/index.ts';
import {
  A64Encoder, SP, FP, LR, X16, X17, ALU_ADD, ALU_SUB, ALU_AND, ALU_ORR, ALU_EOR, SH_ASR, FD_ADD, FD_SUB, FD_MUL, FD_DIV,
  CC_EQ, CC_NE, CC_HS, CC_LO, CC_MI, CC_LS, CC_GE, CC_LT, CC_GT, CC_LE,
} from './encoder.ts';
import { INT_ARGS, RESULT, frameBytes } from './conventions.ts';
import { NativeIsa, A_MUL } from '../native/isa.ts';

const ALU_OF = [ALU_ADD, ALU_SUB, -1, ALU_AND, ALU_ORR, ALU_EOR];
const CC_OF = [CC_LT, CC_LE, CC_EQ, CC_NE, CC_GT, CC_GE, CC_LO, CC_HS];
// after fcmp an unordered pair sets C and V: mi, ls, gt and ge are then false and ne true,
// which is Python's NaN rule
const FCC_OF = [CC_MI, CC_LS, CC_EQ, CC_NE, CC_GT, CC_GE];
const FD_OF = [FD_ADD, FD_SUB, FD_MUL, FD_DIV];
/** the callee-saved registers the code uses, saved in pairs after the frame record */
const SAVED = [19, 20, 21, 22, 23, 24, 25, 26, 27, 28];
const FRAME = frameBytes(SAVED.length, 0);
/** the length of a link site: a branch, four words of address, br */
const LINK_BYTES = 24;

/** registers lo..hi then lo2..hi2 */
function ranges(lo: int, hi: int, lo2: int, hi2: int): int[] {
  const out: int[] = [];
  for (let r = lo; r <= hi; r++) out.push(r);
  for (let r = lo2; r <= hi2; r++) out.push(r);
  return out;
}

export class A64Isa extends NativeIsa {
  e: A64Encoder = new A64Encoder();
  constructor() {
    super('aarch64', ranges(3, 15, 24, 28), ranges(2, 7, 16, 31), [0, 1, 2], [0, 1], [19, 20, 21, 22, 23]);
  }
  code(): int[] {
    return this.e.code;
  }
  pos(): int {
    return this.e.pos();
  }

  prologue(): void {
    const e = this.e;
    e.stp(FP, LR, SP, -FRAME, true);
    e.movRR(FP, SP);
    for (let k = 0; k < SAVED.length; k += 2) e.stp(SAVED[k], SAVED[k + 1], SP, 16 + 8 * k, false);
    e.movRR(this.ctx, INT_ARGS[0]);
  }
  resultReg(): int {
    return RESULT;
  }
  epilogue(): void {
    const e = this.e;
    for (let k = 0; k < SAVED.length; k += 2) e.ldp(SAVED[k], SAVED[k + 1], SP, 16 + 8 * k, false);
    e.ldp(FP, LR, SP, FRAME, true);
    e.ret();
  }
  trap(): void {
    this.e.brk(0);
  }

  mov(dst: int, src: int): void {
    if (dst !== src) this.e.movRR(dst, src);
  }
  movImm(dst: int, imm: int): void {
    this.e.movRI(dst, imm);
  }
  load(dst: int, base: int, disp: int): void {
    this.e.load64(dst, base, disp);
  }
  load32(dst: int, base: int, disp: int): void {
    this.e.load32(dst, base, disp);
  }
  loadIdx(dst: int, base: int, index: int): void {
    this.e.load64Idx(dst, base, index, true);
  }
  store(base: int, disp: int, src: int): void {
    this.e.store64(base, disp, src);
  }
  storeIdx(base: int, index: int, src: int): void {
    this.e.store64Idx(base, index, true, src);
  }

  alu(op: int, dst: int, a: int, b: int): void {
    if (op === A_MUL) this.e.mul(dst, a, b);
    else this.e.aluRR(ALU_OF[op], dst, a, b);
  }
  mulOvf(dst: int, a: int, b: int): int {
    // x17: the encoder needs it only for memory offsets and immediates, none of which come here
    this.e.mulOvf(dst, a, b, X17);
    return this.e.bcond(CC_NE, 0);
  }
  sarImm(dst: int, a: int, n: int): void {
    this.e.shiftRI(SH_ASR, dst, a, n);
  }
  neg(dst: int, a: int): void {
    this.e.neg(dst, a);
  }
  floorDivMod(mod: boolean, dst: int, a: int, b: int): void {
    // x17 the quotient, x16 the remainder (neither allocated; no call happens here)
    const e = this.e;
    e.sdiv(X17, a, b);
    e.msub(X16, X17, b, a);
    const z = e.cbz(X16, 0, false);
    // truncated -> floored when the remainder's sign differs from b's
    if (mod) {
      e.aluRR(ALU_EOR, X17, X16, b);
      e.cmpRI(X17, 0);
      const same = e.bcond(CC_GE, 0);
      e.aluRR(ALU_ADD, X16, X16, b);
      e.patchBranch(same, e.pos());
      e.patchBranch(z, e.pos());
      e.movRR(dst, X16);
    } else {
      e.aluRR(ALU_EOR, X16, X16, b);
      e.cmpRI(X16, 0);
      const same = e.bcond(CC_GE, 0);
      e.subRI(X17, X17, 1, false);
      e.patchBranch(same, e.pos());
      e.patchBranch(z, e.pos());
      e.movRR(dst, X17);
    }
  }
  setCond(cond: int, dst: int, a: int, b: int): void {
    this.e.cmpRR(a, b);
    this.e.cset(dst, CC_OF[cond]);
  }
  branch(cond: int, a: int, b: int): int {
    this.e.cmpRR(a, b);
    return this.e.bcond(CC_OF[cond], 0);
  }
  branchZero(a: int, zero: boolean): int {
    return this.e.cbz(a, 0, !zero);
  }
  jump(): int {
    return this.e.b(0);
  }
  patch(site: int, target: int): void {
    this.e.patchBranch(site, target);
  }

  fmov(dst: int, src: int): void {
    if (dst !== src) this.e.fmovRR(dst, src);
  }
  fload(dst: int, base: int, disp: int): void {
    this.e.loadD(dst, base, disp);
  }
  fstore(base: int, disp: int, src: int): void {
    this.e.storeD(base, disp, src);
  }
  falu(op: int, dst: int, a: int, b: int): void {
    this.e.fop(FD_OF[op], dst, a, b);
  }
  fsqrt(dst: int, a: int): void {
    this.e.fsqrt(dst, a);
  }
  fsetCond(cond: int, dst: int, a: int, b: int): void {
    this.e.fcmp(a, b);
    this.e.cset(dst, FCC_OF[cond]);
  }
  intToFloat(dst: int, a: int): void {
    this.e.scvtf(dst, a);
  }

  callCtx(addr: int, imm: int): void {
    const e = this.e;
    e.movRR(INT_ARGS[0], this.ctx);
    e.movRI(INT_ARGS[1], imm);
    e.movRI(X16, addr);
    e.blr(X16);
    // the result is in x0, which is tmp[0]
  }
  override callCode(addr: int, arg: int): void {
    const e = this.e;
    e.movRI(INT_ARGS[0], arg);
    e.movRI(X16, addr);
    e.blr(X16);
  }
  override jumpAbs(addr: int): void {
    this.e.movRI(X16, addr);
    this.e.br(X16);
  }
  /** `b` over `movz/movk x16 (four words); br x16` (24 bytes): linkBytes turns the branch
   * into a nop and fills in the address (x16 is never allocated, so it is free in a stub) */
  override linkSite(): int {
    const e = this.e;
    const at = e.b(LINK_BYTES);
    e.movRI64(X16, 0);
    e.br(X16);
    return at;
  }
  override linkBytes(target: int): int[] {
    const e = new A64Encoder();
    e.nop();
    e.movRI64(X16, target);
    e.br(X16);
    return e.code;
  }
}
