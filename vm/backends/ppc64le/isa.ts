// The ppc64le instructions of the shared native layer (vm/backends/native/isa.ts), over the
// encoder and the ELFv2 ABI (conventions.ts). Register roles: r3, r11 and r12 are the scratch
// registers (r3 is also a call's first argument and its result; r12 also holds a helper's address
// at a call, as ELFv2 wants for the callee's global entry); r0 is the encoder's scratch, r1
// the stack, r2 the TOC and r13 the thread pointer; r31 holds the run context and r27-r30 the
// jitframe's float constants, refs, floats and ints (callee-saved); r4-r10 and r14-r26 are
// allocated. The entry saves r14-r31, the link register and r2, and reloads r2 after every
// call. f0 and f1 are scratch; f2-f13 (caller-saved) are allocated.
// Conditional branches reach ±32 KiB; a guard's branch to its out-of-line stub is therefore
// an inverted bc over an unconditional b (±32 MiB), which is the site that gets patched.
import type { int } from '../../../translate/rlib/index.ts';
import {
  PpcEncoder, R0, SP, TOC, R12, X_SLD, X_SRAD, X_AND, X_OR, X_XOR, FD_ADD, FD_SUB, FD_MUL, FD_DIV,
  CC_LT, CC_GT, CC_EQ, CC_SO, CC_GE, CC_LE, CC_NE,
} from './encoder.ts';
import { INT_ARGS, RESULT, LR_SAVE, TOC_SAVE, MIN_FRAME, frameBytes } from './conventions.ts';
import { NativeIsa, A_ADD, A_SUB, A_MUL, C_LE, C_GE, C_B, C_AE } from '../native/isa.ts';

const CC_OF = [CC_LT, CC_LE, CC_EQ, CC_NE, CC_GT, CC_GE, CC_LT, CC_GE];
const X_OF = [-1, -1, -1, X_AND, X_OR, X_XOR];
const FD_OF = [FD_ADD, FD_SUB, FD_MUL, FD_DIV];
const FIRST_SAVED = 14;
const NSAVED = 18;
const FRAME = frameBytes(NSAVED, 0);
/** the length of a link site: a branch, five words of address, mtctr, bctr */
const LINK_BYTES = 32;
/** the scratch register floorDivMod keeps the quotient in (tmp[2]) */
const R11 = 11;

/** registers lo..hi then lo2..hi2 */
function ranges(lo: int, hi: int, lo2: int, hi2: int): int[] {
  const out: int[] = [];
  for (let r = lo; r <= hi; r++) out.push(r);
  for (let r = lo2; r <= hi2; r++) out.push(r);
  return out;
}

export class PpcIsa extends NativeIsa {
  e: PpcEncoder = new PpcEncoder();
  constructor() {
    super('ppc64le', ranges(4, 10, 14, 26), ranges(2, 13, 0, -1), [RESULT, R12, R11], [0, 1], [31, 30, 29, 28, 27]);
  }
  code(): int[] {
    return this.e.code;
  }
  pos(): int {
    return this.e.pos();
  }

  prologue(): void {
    const e = this.e;
    e.mflr(R0);
    e.store64(SP, LR_SAVE, R0);
    e.stdu(SP, SP, -FRAME);
    for (let k = 0; k < NSAVED; k++) e.store64(SP, MIN_FRAME + 8 * k, FIRST_SAVED + k);
    e.store64(SP, TOC_SAVE, TOC);
    e.movRR(this.ctx, INT_ARGS[0]);
  }
  resultReg(): int {
    return RESULT;
  }
  epilogue(): void {
    const e = this.e;
    for (let k = 0; k < NSAVED; k++) e.load64(FIRST_SAVED + k, SP, MIN_FRAME + 8 * k);
    e.addRI(SP, SP, FRAME);
    e.load64(R0, SP, LR_SAVE);
    e.mtlr(R0);
    e.blr();
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
    this.e.load64(dst, base, disp);
  }
  load32(dst: int, base: int, disp: int): void {
    this.e.load32(dst, base, disp);
  }
  loadIdx(dst: int, base: int, index: int): void {
    this.e.shiftRI(X_SLD, R0, index, 3);
    this.e.load64Idx(dst, base, R0);
  }
  store(base: int, disp: int, src: int): void {
    this.e.store64(base, disp, src);
  }
  storeIdx(base: int, index: int, src: int): void {
    this.e.shiftRI(X_SLD, R0, index, 3);
    this.e.store64Idx(base, R0, src);
  }

  alu(op: int, dst: int, a: int, b: int): void {
    if (op === A_ADD) this.e.add(dst, a, b);
    else if (op === A_SUB) this.e.sub(dst, a, b);
    else if (op === A_MUL) this.e.mul(dst, a, b);
    else this.e.logic(X_OF[op], dst, a, b);
  }
  /** a branch to a patchable far site when CR0 satisfies cc */
  private far(cc: int): int {
    // bc on the opposite condition skips the b
    this.e.bc(cc ^ 4, 8);
    return this.e.b(0);
  }
  mulOvf(dst: int, a: int, b: int): int {
    this.e.mulOvf(dst, a, b);
    return this.far(CC_SO);
  }
  sarImm(dst: int, a: int, n: int): void {
    this.e.shiftRI(X_SRAD, dst, a, n);
  }
  neg(dst: int, a: int): void {
    this.e.neg(dst, a);
  }
  floorDivMod(mod: boolean, dst: int, a: int, b: int): void {
    // r11 (tmp[2], which the shared layer leaves free here) the quotient, r0 the remainder
    const e = this.e;
    e.divd(R11, a, b);
    e.mul(R0, R11, b);
    e.sub(R0, a, R0);
    e.cmpRI(R0, 0, false);
    const z = e.bc(CC_EQ, 0);
    // truncated -> floored when the remainder's sign differs from b's
    if (mod) {
      e.logic(X_XOR, R11, R0, b);
      e.cmpRI(R11, 0, false);
      const same = e.bc(CC_GE, 0);
      e.add(R0, R0, b);
      e.patchBranch(same, e.pos());
      e.patchBranch(z, e.pos());
      e.movRR(dst, R0);
    } else {
      e.logic(X_XOR, R0, R0, b);
      e.cmpRI(R0, 0, false);
      const same = e.bc(CC_GE, 0);
      e.addRI(R11, R11, -1);
      e.patchBranch(same, e.pos());
      e.patchBranch(z, e.pos());
      e.movRR(dst, R11);
    }
  }
  setCond(cond: int, dst: int, a: int, b: int): void {
    this.e.cmp(a, b, cond === C_B || cond === C_AE);
    this.e.setcc(dst, CC_OF[cond]);
  }
  branch(cond: int, a: int, b: int): int {
    this.e.cmp(a, b, cond === C_B || cond === C_AE);
    return this.far(CC_OF[cond]);
  }
  branchZero(a: int, zero: boolean): int {
    this.e.cmpRI(a, 0, false);
    return this.far(zero ? CC_EQ : CC_NE);
  }
  jump(): int {
    return this.e.b(0);
  }
  patch(site: int, target: int): void {
    this.e.patchBranch(site, target);
  }

  fmov(dst: int, src: int): void {
    if (dst !== src) this.e.fmr(dst, src);
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
    // fcmpu sets exactly one of LT, GT, EQ, SO (unordered): "less or equal" is LT | EQ, not
    // "not GT", which a NaN would satisfy
    const e = this.e;
    e.fcmpu(a, b);
    if (cond === C_LE) {
      e.cror(0, 0, 2);
      e.setcc(dst, CC_LT);
    } else if (cond === C_GE) {
      e.cror(1, 1, 2);
      e.setcc(dst, CC_GT);
    } else {
      e.setcc(dst, CC_OF[cond]);
    }
  }
  intToFloat(dst: int, a: int): void {
    this.e.mtvsrd(dst, a);
    this.e.fcfid(dst, dst);
  }

  callCtx(addr: int, imm: int): void {
    const e = this.e;
    e.movRR(INT_ARGS[0], this.ctx);
    e.movRI(INT_ARGS[1], imm);
    e.movRI(R12, addr);
    e.mtctr(R12);
    e.bctrl();
    e.load64(TOC, SP, TOC_SAVE);
    // the result is in r3, which is tmp[0]
  }
  override callCode(addr: int, arg: int): void {
    const e = this.e;
    e.movRI(INT_ARGS[0], arg);
    e.movRI(R12, addr);
    e.mtctr(R12);
    e.bctrl();
    e.load64(TOC, SP, TOC_SAVE);
  }
  override jumpAbs(addr: int): void {
    const e = this.e;
    e.movRI(R12, addr);
    e.mtctr(R12);
    e.bctr();
  }
  /** `b` over `lis/ori/sldi/oris/ori r12; mtctr r12; bctr` (32 bytes): linkBytes turns the
   * branch into a nop and fills in the address (r12 is a scratch register, free in a stub) */
  override linkSite(): int {
    const e = this.e;
    const at = e.b(LINK_BYTES);
    e.movRI64(R12, 0);
    e.mtctr(R12);
    e.bctr();
    return at;
  }
  override linkBytes(target: int): int[] {
    const e = new PpcEncoder();
    e.nop();
    e.movRI64(R12, target);
    e.mtctr(R12);
    e.bctr();
    return e.code;
  }
}
