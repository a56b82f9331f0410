// The x86-64 instructions of the shared native layer (vm/backends/native/isa.ts), over the
// encoder and one calling convention (System V or Win64). Register roles: rax, r10, r11 are the
// scratch registers (rax also a call's result); r15 holds the run context and r12, r13, r14, rbx
// the jitframe's ints, floats, refs and the float constants (all callee-saved in both
// conventions, so helper calls keep them); rcx, rdx, rsi, rdi, r8, r9 and rbp are allocated.
// xmm0 and xmm1 are scratch; xmm2 up are allocated, up to the first register the convention
// makes callee-saved (Win64: xmm6), which the code then never touches.
import type { int } from '../../../translate/rlib/index.ts';
import {
  X64Encoder, NOREG, RAX, RCX, RDX, RBX, RSI, RDI, RBP, RSP, R8, R9, R10, R11, R12, R13, R14, R15,
  ALU_ADD, ALU_SUB, ALU_AND, ALU_OR, ALU_XOR, ALU_CMP, SH_SAR, SD_ADD, SD_SUB, SD_MUL, SD_DIV, SD_SQRT,
  CC_E, CC_NE, CC_L, CC_LE, CC_G, CC_GE, CC_B, CC_AE, CC_A, CC_O, CC_P, CC_NP, CC_NS, fitsInt32,
} from './encoder.ts';
import { X64Conventions } from './conventions.ts';
import {
  NativeIsa, A_ADD, A_SUB, A_MUL, A_AND, A_OR, A_XOR, C_LT, C_LE, C_EQ, C_NE, C_GT, C_GE,
} from '../native/isa.ts';

const CC_OF = [CC_L, CC_LE, CC_E, CC_NE, CC_G, CC_GE, CC_B, CC_AE];
const ALU_OF = [ALU_ADD, ALU_SUB, -1, ALU_AND, ALU_OR, ALU_XOR];
const SD_OF = [SD_ADD, SD_SUB, SD_MUL, SD_DIV];

function xmmsBelow(n: int): int[] {
  const out: int[] = [];
  for (let x = 2; x < n; x++) out.push(x);
  return out;
}

export class X64Isa extends NativeIsa {
  e: X64Encoder = new X64Encoder();
  conv: X64Conventions;
  constructor(conv: X64Conventions) {
    super('x86_64', [RCX, RDX, RSI, RDI, R8, R9, RBP], xmmsBelow(conv.firstSavedXmm), [RAX, R10, R11], [0, 1], [R15, R12, R13, R14, RBX]);
    this.conv = conv;
    this.memCompare = true;
  }
  code(): int[] {
    return this.e.code;
  }
  pos(): int {
    return this.e.pos();
  }

  prologue(): void {
    for (const r of this.conv.calleeSaved) this.e.push(r);
    const frame = this.conv.frameBytes();
    if (frame > 0) this.e.aluRI(ALU_SUB, RSP, frame);
    this.e.movRR(this.ctx, this.conv.intArgs[0]);
  }
  resultReg(): int {
    return RAX;
  }
  epilogue(): void {
    const frame = this.conv.frameBytes();
    if (frame > 0) this.e.aluRI(ALU_ADD, RSP, frame);
    for (let k = this.conv.calleeSaved.length - 1; k >= 0; k--) this.e.pop(this.conv.calleeSaved[k]);
    this.e.ret();
  }
  trap(): void {
    this.e.int3();
  }

  mov(dst: int, src: int): void {
    if (dst !== src) this.e.movRR(dst, src);
  }
  movImm(dst: int, imm: int): void {
    if (imm === 0) this.e.aluRR(ALU_XOR, dst, dst);
    else this.e.movRI(dst, imm);
  }
  load(dst: int, base: int, disp: int): void {
    this.e.load64(dst, base, NOREG, 1, disp);
  }
  load32(dst: int, base: int, disp: int): void {
    this.e.load32(dst, base, NOREG, 1, disp);
  }
  loadIdx(dst: int, base: int, index: int): void {
    this.e.load64(dst, base, index, 8, 0);
  }
  store(base: int, disp: int, src: int): void {
    this.e.store64(base, NOREG, 1, disp, src);
  }
  storeIdx(base: int, index: int, src: int): void {
    this.e.store64(base, index, 8, 0, src);
  }

  alu(op: int, dst: int, a: int, b: int): void {
    const e = this.e;
    if (dst === b && dst !== a) {
      if (op === A_SUB) {
        // dst = a - dst
        e.neg(dst);
        e.aluRR(ALU_ADD, dst, a);
        return;
      }
      // commutative
      this.alu2(op, dst, a);
      return;
    }
    // a third register: lea adds without the copy (the flags are not read after alu)
    if (op === A_ADD && dst !== a) {
      e.lea(dst, a, b, 1, 0);
      return;
    }
    if (dst !== a) e.movRR(dst, a);
    this.alu2(op, dst, b);
  }
  private alu2(op: int, dst: int, src: int): void {
    if (op === A_MUL) this.e.imulRR(dst, src);
    else this.e.aluRR(ALU_OF[op], dst, src);
  }
  mulOvf(dst: int, a: int, b: int): int {
    if (dst === b) this.e.imulRR(dst, a);
    else {
      if (dst !== a) this.e.movRR(dst, a);
      this.e.imulRR(dst, b);
    }
    return this.e.jcc(CC_O, 0);
  }
  sarImm(dst: int, a: int, n: int): void {
    if (dst !== a) this.e.movRR(dst, a);
    if (n !== 0) this.e.shiftRI(SH_SAR, dst, n);
  }
  neg(dst: int, a: int): void {
    if (dst !== a) this.e.movRR(dst, a);
    this.e.neg(dst);
  }
  floorDivMod(mod: boolean, dst: int, a: int, b: int): void {
    // idiv takes rdx:rax; rdx may hold an allocated value: kept in r11 meanwhile (a scratch
    // register the shared layer loads nothing into before this call but b, which it never
    // puts in rax, rdx or r11)
    const e = this.e;
    if (b === RAX || b === RDX || b === R11) throw new Error('x86_64: divisor in ' + String(b));
    e.movRR(R11, RDX);
    if (a !== RAX) e.movRR(RAX, a);
    e.cqo();
    e.idiv(b);
    // truncated -> floored: when the remainder is not zero and its sign differs from b's
    e.testRR(RDX, RDX);
    const z = e.jcc(CC_E, 0);
    if (mod) {
      e.movRR(RAX, RDX);
      e.aluRR(ALU_XOR, RAX, b);
      const same = e.jcc(CC_NS, 0);
      e.aluRR(ALU_ADD, RDX, b);
      e.patchBranch(same, e.pos());
      e.patchBranch(z, e.pos());
      e.movRR(RAX, RDX);
    } else {
      e.aluRR(ALU_XOR, RDX, b);
      const same = e.jcc(CC_NS, 0);
      e.aluRI(ALU_SUB, RAX, 1);
      e.patchBranch(same, e.pos());
      e.patchBranch(z, e.pos());
    }
    e.movRR(RDX, R11);
    if (dst !== RAX) e.movRR(dst, RAX);
  }
  setCond(cond: int, dst: int, a: int, b: int): void {
    this.e.aluRR(ALU_CMP, a, b);
    this.e.setcc(CC_OF[cond], dst);
    this.e.movzxRR8(dst, dst);
  }
  branch(cond: int, a: int, b: int): int {
    this.e.aluRR(ALU_CMP, a, b);
    return this.e.jcc(CC_OF[cond], 0);
  }
  override aluImm(op: int, dst: int, a: int, imm: int): boolean {
    if (op === A_MUL || !fitsInt32(imm)) return false;
    if (dst !== a && (op === A_ADD || (op === A_SUB && fitsInt32(-imm)))) {
      this.e.lea(dst, a, NOREG, 1, op === A_ADD ? imm : -imm);
      return true;
    }
    if (dst !== a) this.e.movRR(dst, a);
    this.e.aluRI(ALU_OF[op], dst, imm);
    return true;
  }
  override addMem(base: int, disp: int, imm: int): boolean {
    if (!fitsInt32(imm)) return false;
    this.e.aluMI(ALU_OF[A_ADD], base, NOREG, 1, disp, imm);
    return true;
  }
  override branchImm(cond: int, a: int, imm: int): int {
    if (!fitsInt32(imm)) return -1;
    this.e.aluRI(ALU_CMP, a, imm);
    return this.e.jcc(CC_OF[cond], 0);
  }
  override branchMem(cond: int, base: int, disp: int, b: int): int {
    this.e.cmpMR(base, NOREG, 1, disp, b);
    return this.e.jcc(CC_OF[cond], 0);
  }
  // r13 and rbx (callee-saved in both conventions) hold the double bases otherwise
  override freeFloatBases(): boolean {
    this.gprs.push(R13);
    this.gprs.push(RBX);
    this.floatsBase = -1;
    this.fconstBase = -1;
    return true;
  }
  branchZero(a: int, zero: boolean): int {
    this.e.testRR(a, a);
    return this.e.jcc(zero ? CC_E : CC_NE, 0);
  }
  jump(): int {
    return this.e.jmp(0);
  }
  patch(site: int, target: int): void {
    this.e.patchBranch(site, target);
  }

  fmov(dst: int, src: int): void {
    if (dst !== src) this.e.movsdRR(dst, src);
  }
  fload(dst: int, base: int, disp: int): void {
    this.e.movsdLoad(dst, base, NOREG, 1, disp);
  }
  fstore(base: int, disp: int, src: int): void {
    this.e.movsdStore(base, NOREG, 1, disp, src);
  }
  falu(op: int, dst: int, a: int, b: int): void {
    const e = this.e;
    if (dst === b && dst !== a) {
      if (op === 0 || op === 2) {
        e.sdRR(SD_OF[op], dst, a);
        return;
      }
      // not commutative: through the scratch register no operand is in here
      const x = a === 0 || b === 0 ? 1 : 0;
      e.movsdRR(x, a);
      e.sdRR(SD_OF[op], x, b);
      e.movsdRR(dst, x);
      return;
    }
    if (dst !== a) e.movsdRR(dst, a);
    e.sdRR(SD_OF[op], dst, b);
  }
  fsqrt(dst: int, a: int): void {
    this.e.sdRR(SD_SQRT, dst, a);
  }
  fsetCond(cond: int, dst: int, a: int, b: int): void {
    const e = this.e;
    if (cond === C_EQ || cond === C_NE) {
      // equal: ZF and not PF (unordered sets both); dst and rax/r11 as two flags
      const t = dst === R11 ? R10 : R11;
      e.ucomisd(a, b);
      e.setcc(cond === C_EQ ? CC_E : CC_NE, dst);
      e.setcc(cond === C_EQ ? CC_NP : CC_P, t);
      e.movzxRR8(dst, dst);
      e.movzxRR8(t, t);
      e.aluRR(cond === C_EQ ? ALU_AND : ALU_OR, dst, t);
      return;
    }
    // a < b is b above a: unordered sets CF, so NaN compares false as in Python
    if (cond === C_LT || cond === C_LE) e.ucomisd(b, a);
    else e.ucomisd(a, b);
    e.setcc(cond === C_LT || cond === C_GT ? CC_A : CC_AE, dst);
    e.movzxRR8(dst, dst);
  }
  intToFloat(dst: int, a: int): void {
    this.e.cvtsi2sd(dst, a);
  }

  callCtx(addr: int, imm: int): void {
    const e = this.e;
    e.movRR(this.conv.intArgs[0], this.ctx);
    e.movRI(this.conv.intArgs[1], imm);
    e.movRI(RAX, addr);
    e.callR(RAX);
  }
  override argRegs(kinds: int[]): int[] | null {
    return this.conv.argRegs(kinds);
  }
  override callAddr(addr: int): void {
    this.e.movRI(RAX, addr);
    this.e.callR(RAX);
  }
  override fresultReg(): int {
    return 0;
  }
  override callCode(addr: int, arg: int): void {
    const e = this.e;
    e.movRI(this.conv.intArgs[0], arg);
    e.movRI(RAX, addr);
    e.callR(RAX);
  }
  override jumpAbs(addr: int): void {
    this.e.movRI(R11, addr);
    this.e.jmpR(R11);
  }
  /** `jmp +13` over `movabs r11, 0; jmp r11` (15 bytes): linkBytes turns the short jump into a
   * two-byte nop and fills in the address (r11 is a scratch register, free in a stub). */
  override linkSite(): int {
    const e = this.e;
    const at = e.pos();
    e.byte(0xeb);
    e.byte(13);
    e.byte(0x49);
    e.byte(0xbb);
    e.int64(0);
    e.byte(0x41);
    e.byte(0xff);
    e.byte(0xe3);
    return at;
  }
  override linkBytes(target: int): int[] {
    const e = new X64Encoder();
    e.byte(0x66);
    e.byte(0x90);
    e.byte(0x49);
    e.byte(0xbb);
    e.int64(target);
    e.byte(0x41);
    e.byte(0xff);
    e.byte(0xe3);
    return e.code;
  }
}
