// The x86-64 instruction encoder: the subset the JIT backend emits (moves and 64-bit
// immediates, 8/32/64-bit loads and stores, integer ALU and shifts, compare and branch, SSE2
// double arithmetic, sqrt, compare and conversions, call/ret), appended as bytes to one
// buffer. Where GNU `as` has a shorter form for an operand (imm8 ALU, the rax short forms,
// shift by 1) the encoder picks the same one, so its bytes are comparable with `as` output
// (tests/vm/backends/x86_64/encoder.test.ts). RTS: translated with the VM.
import type { int } from '../../../translate/rlib/index.ts';
import { floorDiv, floorMod } from '../../../translate/rlib/index.ts';

// general-purpose registers (their encoding numbers)
export const RAX = 0;
export const RCX = 1;
export const RDX = 2;
export const RBX = 3;
export const RSP = 4;
export const RBP = 5;
export const RSI = 6;
export const RDI = 7;
export const R8 = 8;
export const R9 = 9;
export const R10 = 10;
export const R11 = 11;
export const R12 = 12;
export const R13 = 13;
export const R14 = 14;
export const R15 = 15;
/** no index register in a memory operand */
export const NOREG = -1;

export const GPR_NAMES = ['rax', 'rcx', 'rdx', 'rbx', 'rsp', 'rbp', 'rsi', 'rdi', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15'];

// condition codes (the low nibble of jcc/setcc)
export const CC_O = 0;
export const CC_NO = 1;
export const CC_B = 2;
export const CC_AE = 3;
export const CC_E = 4;
export const CC_NE = 5;
export const CC_BE = 6;
export const CC_A = 7;
export const CC_S = 8;
export const CC_NS = 9;
export const CC_P = 10;
export const CC_NP = 11;
export const CC_L = 12;
export const CC_GE = 13;
export const CC_LE = 14;
export const CC_G = 15;
export const CC_NAMES = ['o', 'no', 'b', 'ae', 'e', 'ne', 'be', 'a', 's', 'ns', 'p', 'np', 'l', 'ge', 'le', 'g'];

// the /digit of the group-1 ALU ops (also their 8*n+1 register forms)
export const ALU_ADD = 0;
export const ALU_OR = 1;
export const ALU_AND = 4;
export const ALU_SUB = 5;
export const ALU_XOR = 6;
export const ALU_CMP = 7;
// the /digit of the shift group
export const SH_SHL = 4;
export const SH_SHR = 5;
export const SH_SAR = 7;
// SSE2 scalar-double arithmetic opcodes (F2 0F xx)
export const SD_SQRT = 0x51;
export const SD_ADD = 0x58;
export const SD_MUL = 0x59;
export const SD_SUB = 0x5c;
export const SD_DIV = 0x5e;

export function fitsInt8(x: int): boolean {
  return x >= -128 && x <= 127;
}
export function fitsInt32(x: int): boolean {
  return x >= -2147483648 && x <= 2147483647;
}

export class X64Encoder {
  code: int[] = [];

  pos(): int {
    return this.code.length;
  }
  byte(b: int): void {
    this.code.push(b & 0xff);
  }
  int32(x: int): void {
    for (let k = 0; k < 4; k++) this.code.push((x >> (8 * k)) & 0xff);
  }
  int64(x: int): void {
    // bytes by division: bitwise operators see only the low 32 bits
    let v = x;
    for (let k = 0; k < 8; k++) {
      this.code.push(floorMod(v, 256));
      v = floorDiv(v, 256);
    }
  }
  /** Rewrites the 4 bytes at `at` with x (a branch displacement being patched). */
  patchInt32(at: int, x: int): void {
    for (let k = 0; k < 4; k++) this.code[at + k] = (x >> (8 * k)) & 0xff;
  }

  /** REX prefix when needed (w: 64-bit operand; byteReg/byteRm: that operand is an 8-bit
   * register, which needs a REX to mean spl/bpl/sil/dil rather than ah/ch/dh/bh). */
  private rex(w: boolean, reg: int, index: int, base: int, byteReg: boolean, byteRm: boolean): void {
    let r = 0;
    if (w) r |= 8;
    if (reg >= 8) r |= 4;
    if (index >= 8) r |= 2;
    if (base >= 8) r |= 1;
    if (r !== 0 || (byteRm && base >= 4) || (byteReg && reg >= 4)) this.byte(0x40 | r);
  }
  private opcode(op: int): void {
    if (op > 0xff) this.byte(op >> 8);
    this.byte(op);
  }
  /** mod=11: reg and rm are registers */
  private modrmReg(reg: int, rm: int): void {
    this.byte(0xc0 | ((reg & 7) << 3) | (rm & 7));
  }
  /** ModRM (and SIB, displacement) for the memory operand [base + index*scale + disp] */
  private modrmMem(reg: int, base: int, index: int, scale: int, disp: int): void {
    if (!fitsInt32(disp)) throw new Error(`x86_64: displacement ${disp} does not fit in 32 bits`);
    if (index === RSP) throw new Error('x86_64: rsp cannot be an index register');
    const mod = disp === 0 && (base & 7) !== RBP ? 0 : fitsInt8(disp) ? 1 : 2;
    if (index === NOREG && (base & 7) !== RSP) {
      this.byte((mod << 6) | ((reg & 7) << 3) | (base & 7));
    } else {
      this.byte((mod << 6) | ((reg & 7) << 3) | 4);
      const ss = index === NOREG || scale === 1 ? 0 : scale === 2 ? 1 : scale === 4 ? 2 : scale === 8 ? 3 : -1;
      if (ss < 0) throw new Error(`x86_64: scale ${scale} is not 1, 2, 4 or 8`);
      this.byte((ss << 6) | ((index === NOREG ? RSP : index) & 7) << 3 | (base & 7));
    }
    if (mod === 1) this.byte(disp);
    else if (mod === 2) this.int32(disp);
  }
  /** prefix (0, 0x66, 0xf2, 0xf3), REX, opcode, ModRM with two registers */
  private rr(prefix: int, w: boolean, op: int, reg: int, rm: int, byteRm: boolean): void {
    if (prefix !== 0) this.byte(prefix);
    this.rex(w, reg, NOREG, rm, false, byteRm);
    this.opcode(op);
    this.modrmReg(reg, rm);
  }
  private rm(prefix: int, w: boolean, op: int, reg: int, base: int, index: int, scale: int, disp: int, byteReg: boolean): void {
    if (prefix !== 0) this.byte(prefix);
    this.rex(w, reg, index, base, byteReg, false);
    this.opcode(op);
    this.modrmMem(reg, base, index, scale, disp);
  }

  // ---- moves ----
  /** mov dst, src (64-bit) */
  movRR(dst: int, src: int): void {
    this.rr(0, true, 0x89, src, dst, false);
  }
  /** dst = imm: sign-extended imm32 when it fits, else movabs imm64 */
  movRI(dst: int, imm: int): void {
    if (fitsInt32(imm)) {
      this.rr(0, true, 0xc7, 0, dst, false);
      this.int32(imm);
    } else {
      this.rex(true, 0, NOREG, dst, false, false);
      this.byte(0xb8 + (dst & 7));
      this.int64(imm);
    }
  }
  /** dst = 64-bit load from [base + index*scale + disp] */
  load64(dst: int, base: int, index: int, scale: int, disp: int): void {
    this.rm(0, true, 0x8b, dst, base, index, scale, disp, false);
  }
  /** dst = zero-extended 32-bit load */
  load32(dst: int, base: int, index: int, scale: int, disp: int): void {
    this.rm(0, false, 0x8b, dst, base, index, scale, disp, false);
  }
  /** dst = zero-extended 8-bit load (movzbl) */
  load8(dst: int, base: int, index: int, scale: int, disp: int): void {
    this.rm(0, false, 0x0fb6, dst, base, index, scale, disp, false);
  }
  store64(base: int, index: int, scale: int, disp: int, src: int): void {
    this.rm(0, true, 0x89, src, base, index, scale, disp, false);
  }
  store32(base: int, index: int, scale: int, disp: int, src: int): void {
    this.rm(0, false, 0x89, src, base, index, scale, disp, false);
  }
  store8(base: int, index: int, scale: int, disp: int, src: int): void {
    this.rm(0, false, 0x88, src, base, index, scale, disp, true);
  }
  /** 64-bit store of a sign-extended imm32 */
  store64Imm(base: int, index: int, scale: int, disp: int, imm: int): void {
    this.rm(0, true, 0xc7, 0, base, index, scale, disp, false);
    this.int32(imm);
  }
  /** dst = base + index*scale + disp */
  lea(dst: int, base: int, index: int, scale: int, disp: int): void {
    this.rm(0, true, 0x8d, dst, base, index, scale, disp, false);
  }

  // ---- integer ALU ----
  /** dst = dst (op) src, op one of ALU_* (cmp only sets flags) */
  aluRR(op: int, dst: int, src: int): void {
    this.rr(0, true, op * 8 + 1, src, dst, false);
  }
  /** dst = dst (op) imm32 (sign-extended) */
  aluRI(op: int, dst: int, imm: int): void {
    if (!fitsInt32(imm)) throw new Error(`x86_64: immediate ${imm} does not fit in 32 bits`);
    if (fitsInt8(imm)) {
      this.rr(0, true, 0x83, op, dst, false);
      this.byte(imm);
    } else if (dst === RAX) {
      this.byte(0x48);
      this.byte(op * 8 + 5);
      this.int32(imm);
    } else {
      this.rr(0, true, 0x81, op, dst, false);
      this.int32(imm);
    }
  }
  /** [base + index*scale + disp] = [...] (op) imm32 (sign-extended), 64-bit */
  aluMI(op: int, base: int, index: int, scale: int, disp: int, imm: int): void {
    if (!fitsInt32(imm)) throw new Error(`x86_64: immediate ${imm} does not fit in 32 bits`);
    this.rm(0, true, fitsInt8(imm) ? 0x83 : 0x81, op, base, index, scale, disp, false);
    if (fitsInt8(imm)) this.byte(imm);
    else this.int32(imm);
  }
  /** compares the 64-bit memory word with a register (flags as cmp [m], src) */
  cmpMR(base: int, index: int, scale: int, disp: int, src: int): void {
    this.rm(0, true, 0x39, src, base, index, scale, disp, false);
  }
  /** flags of a & b */
  testRR(a: int, b: int): void {
    this.rr(0, true, 0x85, b, a, false);
  }
  /** dst = dst * src (signed, low 64 bits; OF on overflow) */
  imulRR(dst: int, src: int): void {
    this.rr(0, true, 0x0faf, dst, src, false);
  }
  /** dst = src * imm32 */
  imulRRI(dst: int, src: int, imm: int): void {
    if (fitsInt8(imm)) {
      this.rr(0, true, 0x6b, dst, src, false);
      this.byte(imm);
    } else {
      this.rr(0, true, 0x69, dst, src, false);
      this.int32(imm);
    }
  }
  neg(r: int): void {
    this.rr(0, true, 0xf7, 3, r, false);
  }
  not(r: int): void {
    this.rr(0, true, 0xf7, 2, r, false);
  }
  /** rdx:rax / r: quotient in rax, remainder in rdx (truncating) */
  idiv(r: int): void {
    this.rr(0, true, 0xf7, 7, r, false);
  }
  /** rdx = sign of rax (before idiv) */
  cqo(): void {
    this.byte(0x48);
    this.byte(0x99);
  }
  /** r = r shifted by cl, op one of SH_* */
  shiftCL(op: int, r: int): void {
    this.rr(0, true, 0xd3, op, r, false);
  }
  shiftRI(op: int, r: int, n: int): void {
    if (n === 1) {
      this.rr(0, true, 0xd1, op, r, false);
    } else {
      this.rr(0, true, 0xc1, op, r, false);
      this.byte(n);
    }
  }
  /** low byte of r = condition cc (the rest of r unchanged) */
  setcc(cc: int, r: int): void {
    this.rr(0, false, 0x0f90 + cc, 0, r, true);
  }
  /** dst = zero-extended low byte of src (movzbl) */
  movzxRR8(dst: int, src: int): void {
    this.rr(0, false, 0x0fb6, dst, src, true);
  }

  // ---- control ----
  /** jcc rel32 (displacement from the end of the instruction); returns the displacement's
   * position, for patching */
  jcc(cc: int, rel: int): int {
    this.byte(0x0f);
    this.byte(0x80 + cc);
    const at = this.pos();
    this.int32(rel);
    return at;
  }
  jmp(rel: int): int {
    this.byte(0xe9);
    const at = this.pos();
    this.int32(rel);
    return at;
  }
  /** a jcc/jmp whose rel32 sits at `at` now goes to code offset target */
  patchBranch(at: int, target: int): void {
    this.patchInt32(at, target - (at + 4));
  }
  jmpR(r: int): void {
    this.rr(0, false, 0xff, 4, r, false);
  }
  callR(r: int): void {
    this.rr(0, false, 0xff, 2, r, false);
  }
  ret(): void {
    this.byte(0xc3);
  }
  push(r: int): void {
    if (r >= 8) this.byte(0x41);
    this.byte(0x50 + (r & 7));
  }
  pop(r: int): void {
    if (r >= 8) this.byte(0x41);
    this.byte(0x58 + (r & 7));
  }
  int3(): void {
    this.byte(0xcc);
  }

  // ---- SSE2 doubles (xmm registers are numbered 0..15) ----
  movsdRR(dst: int, src: int): void {
    this.rr(0xf2, false, 0x0f10, dst, src, false);
  }
  movsdLoad(dst: int, base: int, index: int, scale: int, disp: int): void {
    this.rm(0xf2, false, 0x0f10, dst, base, index, scale, disp, false);
  }
  movsdStore(base: int, index: int, scale: int, disp: int, src: int): void {
    this.rm(0xf2, false, 0x0f11, src, base, index, scale, disp, false);
  }
  /** dst = dst (op) src, op one of SD_* (sqrt: dst = sqrt(src)) */
  sdRR(op: int, dst: int, src: int): void {
    this.rr(0xf2, false, 0x0f00 + op, dst, src, false);
  }
  /** flags of comparing doubles a and b (unordered: ZF, PF and CF set) */
  ucomisd(a: int, b: int): void {
    this.rr(0x66, false, 0x0f2e, a, b, false);
  }
  xorpd(dst: int, src: int): void {
    this.rr(0x66, false, 0x0f57, dst, src, false);
  }
  /** xmm dst = (double) gpr src */
  cvtsi2sd(dst: int, src: int): void {
    this.rr(0xf2, true, 0x0f2a, dst, src, false);
  }
  /** gpr dst = (int64) truncated xmm src */
  cvttsd2si(dst: int, src: int): void {
    this.rr(0xf2, true, 0x0f2c, dst, src, false);
  }
  /** xmm dst = bits of gpr src */
  movqToXmm(dst: int, src: int): void {
    this.rr(0x66, true, 0x0f6e, dst, src, false);
  }
  /** gpr dst = bits of xmm src */
  movqFromXmm(dst: int, src: int): void {
    this.rr(0x66, true, 0x0f7e, src, dst, false);
  }
}
