// The aarch64 instruction encoder: the subset the JIT backend emits (moves and 64-bit
// immediates, 8/32/64-bit loads and stores, integer ALU and shifts, overflow-checked
// add/sub/mul, compare and branch, double arithmetic, sqrt, compare and conversions,
// call/return, stp/ldp for entry and exit), appended as little-endian 32-bit words to one
// buffer. Baseline ARMv8.0-A: nothing from v8.1+ (LSE atomics and the like) is needed, and
// v8.0 is what Debian's arm64 toolchain targets and every 64-bit Arm Linux machine runs.
// Where GNU `as` picks a form for an operand (ldr vs ldur, cmp vs cmn) the encoder picks the
// same one, so its bytes are comparable with `as` output (tests/vm/backends/aarch64/).
// Instruction words are built with 32-bit bitwise operators and written byte by byte, so a
// word with bit 31 set is a negative int; that is the same in both RTS modes.
// RTS: translated with the VM.
import type { int } from '../../../translate/rlib/index.ts';
import { WordBuffer } from '../wordbuf.ts';
import { floorDiv, floorMod } from '../../../translate/rlib/index.ts';

// x0..x30 are numbered 0..30; 31 is sp or xzr depending on the instruction
export const X0 = 0;
export const X16 = 16;
export const X17 = 17;
export const FP = 29;
export const LR = 30;
export const SP = 31;
export const XZR = 31;
/** the register the encoder itself uses to materialise an offset or immediate that does not
 * fit an instruction (IP1; the backend must not allocate it) */
export const SCRATCH = X17;

// condition codes (b.cond / cset)
export const CC_EQ = 0;
export const CC_NE = 1;
export const CC_HS = 2;
export const CC_LO = 3;
export const CC_MI = 4;
export const CC_PL = 5;
export const CC_VS = 6;
export const CC_VC = 7;
export const CC_HI = 8;
export const CC_LS = 9;
export const CC_GE = 10;
export const CC_LT = 11;
export const CC_GT = 12;
export const CC_LE = 13;
export const CC_NAMES = ['eq', 'ne', 'hs', 'lo', 'mi', 'pl', 'vs', 'vc', 'hi', 'ls', 'ge', 'lt', 'gt', 'le'];

// register-register ALU operations (the opcode of the 64-bit shifted-register form)
export const ALU_ADD = 0x8b000000;
export const ALU_SUB = 0xcb000000;
export const ALU_ADDS = 0xab000000;
export const ALU_SUBS = 0xeb000000;
export const ALU_AND = 0x8a000000;
export const ALU_ORR = 0xaa000000;
export const ALU_EOR = 0xca000000;
export const ALU_ANDS = 0xea000000;
// variable shifts (lslv/lsrv/asrv; the amount is taken modulo 64)
export const SH_LSL = 0x9ac02000;
export const SH_LSR = 0x9ac02400;
export const SH_ASR = 0x9ac02800;
// two-operand double arithmetic
export const FD_ADD = 0x1e602800;
export const FD_SUB = 0x1e603800;
export const FD_MUL = 0x1e600800;
export const FD_DIV = 0x1e601800;

// loads and stores: size and direction, each with its three encodings (unsigned scaled
// offset, unscaled signed 9-bit offset, register offset)
const MEM_UIMM = [0xf9400000, 0xb9400000, 0x39400000, 0xf9000000, 0xb9000000, 0x39000000, 0xfd400000, 0xfd000000];
const MEM_UNSCALED = [0xf8400000, 0xb8400000, 0x38400000, 0xf8000000, 0xb8000000, 0x38000000, 0xfc400000, 0xfc000000];
const MEM_REG = [0xf8606800, 0xb8606800, 0x38606800, 0xf8206800, 0xb8206800, 0x38206800, 0xfc606800, 0xfc206800];
const MEM_SHIFT = [3, 2, 0, 3, 2, 0, 3, 3];
const LDR64 = 0;
const LDR32 = 1;
const LDRB = 2;
const STR64 = 3;
const STR32 = 4;
const STRB = 5;
const LDRD = 6;
const STRD = 7;

function checkReg(r: int, what: string): void {
  if (r < 0 || r > 31) throw new Error(`aarch64: ${what} register ${r} is not 0..31`);
}

export class A64Encoder extends WordBuffer {
  // ---- moves ----
  /** dst = src; 31 is sp here on either side (zero a register with movRI(dst, 0)) */
  movRR(dst: int, src: int): void {
    checkReg(dst, 'destination');
    checkReg(src, 'source');
    if (dst === SP || src === SP) this.word(0x91000000 | (src << 5) | dst);
    else this.word(0xaa0003e0 | (src << 16) | dst);
  }
  /** dst = any 64-bit imm: movz (or movn when most halfwords are 0xffff), then a movk for
   * each halfword that differs from that background */
  movRI(dst: int, imm: int): void {
    checkReg(dst, 'destination');
    const hw: int[] = [];
    let v = imm;
    let ones = 0;
    let zeros = 0;
    for (let k = 0; k < 4; k++) {
      const h = floorMod(v, 65536);
      hw.push(h);
      if (h === 0xffff) ones++;
      if (h === 0) zeros++;
      v = floorDiv(v, 65536);
    }
    const inverted = ones > zeros;
    const background = inverted ? 0xffff : 0;
    let first = 0;
    while (first < 3 && hw[first] === background) first++;
    // movz/movn set the other halfwords to the background
    const h0 = inverted ? hw[first] ^ 0xffff : hw[first];
    this.word((inverted ? 0x92800000 : 0xd2800000) | (first << 21) | (h0 << 5) | dst);
    for (let k = first + 1; k < 4; k++) {
      if (hw[k] !== background) this.word(0xf2800000 | (k << 21) | (hw[k] << 5) | dst);
    }
  }

  /** dst = imm in always four instructions (movz, then a movk for each higher halfword):
   * the fixed-length form a link site is rewritten with, whatever address it gets */
  movRI64(dst: int, imm: int): void {
    checkReg(dst, 'destination');
    let v = imm;
    for (let k = 0; k < 4; k++) {
      this.word((k === 0 ? 0xd2800000 : 0xf2800000) | (k << 21) | (floorMod(v, 65536) << 5) | dst);
      v = floorDiv(v, 65536);
    }
  }

  // ---- loads and stores: [base + disp], base may be sp ----
  private mem(kind: int, rt: int, base: int, disp: int): void {
    checkReg(rt, 'data');
    checkReg(base, 'base');
    const shift = MEM_SHIFT[kind];
    const scale = 1 << shift;
    if (disp >= 0 && disp % scale === 0 && floorDiv(disp, scale) < 4096) {
      this.word(MEM_UIMM[kind] | (floorDiv(disp, scale) << 10) | (base << 5) | rt);
    } else if (disp >= -256 && disp < 256) {
      this.word(MEM_UNSCALED[kind] | ((disp & 0x1ff) << 12) | (base << 5) | rt);
    } else {
      // too far for either immediate form: the offset goes into the scratch register
      // an integer store reads rt after x17 is set; a load may target x17; d17 is not x17
      if (base === SCRATCH || (rt === SCRATCH && kind >= STR64 && kind <= STRB)) {
        throw new Error(`aarch64: offset ${disp} needs the scratch register x17, which the access itself uses`);
      }
      this.movRI(SCRATCH, disp);
      this.word(MEM_REG[kind] | (SCRATCH << 16) | (base << 5) | rt);
    }
  }
  /** [base + index] or, scaled, [base + index * access size]; the index is never sp */
  private memIdx(kind: int, rt: int, base: int, index: int, scaled: boolean): void {
    checkReg(rt, 'data');
    checkReg(base, 'base');
    checkReg(index, 'index');
    if (scaled && MEM_SHIFT[kind] === 0) throw new Error('aarch64: a byte access has no scaled index');
    this.word(MEM_REG[kind] | (index << 16) | ((scaled ? 1 : 0) << 12) | (base << 5) | rt);
  }
  load64(dst: int, base: int, disp: int): void {
    this.mem(LDR64, dst, base, disp);
  }
  /** zero-extended 32-bit load */
  load32(dst: int, base: int, disp: int): void {
    this.mem(LDR32, dst, base, disp);
  }
  /** zero-extended 8-bit load */
  load8(dst: int, base: int, disp: int): void {
    this.mem(LDRB, dst, base, disp);
  }
  store64(base: int, disp: int, src: int): void {
    this.mem(STR64, src, base, disp);
  }
  store32(base: int, disp: int, src: int): void {
    this.mem(STR32, src, base, disp);
  }
  store8(base: int, disp: int, src: int): void {
    this.mem(STRB, src, base, disp);
  }
  loadD(dst: int, base: int, disp: int): void {
    this.mem(LDRD, dst, base, disp);
  }
  storeD(base: int, disp: int, src: int): void {
    this.mem(STRD, src, base, disp);
  }
  load64Idx(dst: int, base: int, index: int, scaled: boolean): void {
    this.memIdx(LDR64, dst, base, index, scaled);
  }
  load32Idx(dst: int, base: int, index: int, scaled: boolean): void {
    this.memIdx(LDR32, dst, base, index, scaled);
  }
  load8Idx(dst: int, base: int, index: int): void {
    this.memIdx(LDRB, dst, base, index, false);
  }
  store64Idx(base: int, index: int, scaled: boolean, src: int): void {
    this.memIdx(STR64, src, base, index, scaled);
  }
  store32Idx(base: int, index: int, scaled: boolean, src: int): void {
    this.memIdx(STR32, src, base, index, scaled);
  }
  store8Idx(base: int, index: int, src: int): void {
    this.memIdx(STRB, src, base, index, false);
  }
  loadDIdx(dst: int, base: int, index: int, scaled: boolean): void {
    this.memIdx(LDRD, dst, base, index, scaled);
  }
  storeDIdx(base: int, index: int, scaled: boolean, src: int): void {
    this.memIdx(STRD, src, base, index, scaled);
  }
  /** pair store/load of two x registers at [base + disp] (disp a multiple of 8 in
   * -512..504); writeback: pre-indexed store (push) and post-indexed load (pop) */
  stp(a: int, b: int, base: int, disp: int, writeback: boolean): void {
    this.pair(writeback ? 0xa9800000 : 0xa9000000, a, b, base, disp);
  }
  ldp(a: int, b: int, base: int, disp: int, writeback: boolean): void {
    this.pair(writeback ? 0xa8c00000 : 0xa9400000, a, b, base, disp);
  }
  /** the same for pairs of d registers (d8-d15 are callee-saved) */
  stpD(a: int, b: int, base: int, disp: int, writeback: boolean): void {
    this.pair(writeback ? 0x6d800000 : 0x6d000000, a, b, base, disp);
  }
  ldpD(a: int, b: int, base: int, disp: int, writeback: boolean): void {
    this.pair(writeback ? 0x6cc00000 : 0x6d400000, a, b, base, disp);
  }
  private pair(op: int, a: int, b: int, base: int, disp: int): void {
    checkReg(a, 'first');
    checkReg(b, 'second');
    checkReg(base, 'base');
    if (disp % 8 !== 0 || disp < -512 || disp > 504) throw new Error(`aarch64: pair offset ${disp} is not a multiple of 8 in -512..504`);
    this.word(op | ((floorDiv(disp, 8) & 0x7f) << 15) | (b << 10) | (base << 5) | a);
  }

  // ---- integer ALU (31 is xzr in every register operand here) ----
  /** dst = n (op) m, op one of ALU_* */
  aluRR(op: int, dst: int, n: int, m: int): void {
    checkReg(dst, 'destination');
    checkReg(n, 'first operand');
    checkReg(m, 'second operand');
    this.word(op | (m << 16) | (n << 5) | dst);
  }
  /** dst = n + imm (sub: n - imm; flags: adds/subs). The 12-bit immediate forms (shifted by
   * 12 when the low bits are zero), negated when that fits (as `as` does: V and the result
   * are the same, C is not, so test only signed conditions after a negative imm); otherwise
   * through the scratch register. n and dst may be sp unless flags are set (then dst 31 is
   * xzr). */
  addRI(dst: int, n: int, imm: int, flags: boolean): void {
    this.addSubRI(false, dst, n, imm, flags);
  }
  subRI(dst: int, n: int, imm: int, flags: boolean): void {
    this.addSubRI(true, dst, n, imm, flags);
  }
  private addSubRI(sub: boolean, dst: int, n: int, imm: int, flags: boolean): void {
    checkReg(dst, 'destination');
    checkReg(n, 'operand');
    let neg = sub;
    let v = imm;
    if (v < 0 && v > -16777216) {
      neg = !neg;
      v = -v;
    }
    const op = (neg ? 0xd1000000 : 0x91000000) | (flags ? 0x20000000 : 0);
    if (v >= 0 && v < 4096) {
      this.word(op | (v << 10) | (n << 5) | dst);
    } else if (v >= 0 && v < 16777216 && v % 4096 === 0) {
      this.word(op | 0x400000 | (floorDiv(v, 4096) << 10) | (n << 5) | dst);
    } else {
      if (n === SP || n === SCRATCH || (dst === SP && !flags)) throw new Error(`aarch64: immediate ${imm} needs the scratch register with a register operand (not sp or x17)`);
      this.movRI(SCRATCH, imm);
      this.aluRR(sub ? (flags ? ALU_SUBS : ALU_SUB) : flags ? ALU_ADDS : ALU_ADD, dst, n, SCRATCH);
    }
  }
  /** flags of n - m */
  cmpRR(n: int, m: int): void {
    this.aluRR(ALU_SUBS, XZR, n, m);
  }
  /** flags of n - imm (cmn for a negative imm, as `as` does) */
  cmpRI(n: int, imm: int): void {
    this.subRI(XZR, n, imm, true);
  }
  /** flags of n & m */
  tstRR(n: int, m: int): void {
    this.aluRR(ALU_ANDS, XZR, n, m);
  }
  /** dst = n (op) imm for the logical ops, through the scratch register (aarch64's
   * bitmask immediates cover too few values to be worth their encoder) */
  logicRI(op: int, dst: int, n: int, imm: int): void {
    if (n === SCRATCH) throw new Error('aarch64: a logical immediate needs the scratch register x17, which is the operand');
    this.movRI(SCRATCH, imm);
    this.aluRR(op, dst, n, SCRATCH);
  }
  /** dst = low 64 bits of n * m */
  mul(dst: int, n: int, m: int): void {
    this.aluRR(0x9b007c00, dst, n, m);
  }
  /** dst = high 64 bits of the signed 128-bit n * m */
  smulh(dst: int, n: int, m: int): void {
    this.aluRR(0x9b407c00, dst, n, m);
  }
  /** dst = n / m, truncating (m = 0 gives 0, MIN / -1 gives MIN: no trap) */
  sdiv(dst: int, n: int, m: int): void {
    this.aluRR(0x9ac00c00, dst, n, m);
  }
  /** dst = a - n * m (the remainder after sdiv) */
  msub(dst: int, n: int, m: int, a: int): void {
    checkReg(a, 'addend');
    this.aluRR(0x9b008000 | (a << 10), dst, n, m);
  }
  neg(dst: int, m: int): void {
    this.aluRR(ALU_SUB, dst, XZR, m);
  }
  /** dst = ~m */
  mvn(dst: int, m: int): void {
    this.aluRR(0xaa200000, dst, XZR, m);
  }
  /** dst = n shifted by m (mod 64), op one of SH_* */
  shiftRR(op: int, dst: int, n: int, m: int): void {
    this.aluRR(op, dst, n, m);
  }
  /** dst = n shifted by the constant amount 0..63 (ubfm/sbfm, as lsl/lsr/asr alias them) */
  shiftRI(op: int, dst: int, n: int, amount: int): void {
    checkReg(dst, 'destination');
    checkReg(n, 'operand');
    if (amount < 0 || amount > 63) throw new Error(`aarch64: shift amount ${amount} is not 0..63`);
    if (op === SH_LSL) this.word(0xd3400000 | (((64 - amount) & 63) << 16) | ((63 - amount) << 10) | (n << 5) | dst);
    else if (op === SH_LSR) this.word(0xd3400000 | (amount << 16) | (63 << 10) | (n << 5) | dst);
    else if (op === SH_ASR) this.word(0x93400000 | (amount << 16) | (63 << 10) | (n << 5) | dst);
    else throw new Error(`aarch64: ${op} is not a shift operation`);
  }
  /** dst = 1 if condition cc holds, else 0 */
  cset(dst: int, cc: int): void {
    checkReg(dst, 'destination');
    this.word(0x9a9f07e0 | ((cc ^ 1) << 12) | dst);
  }
  /** dst = n + m with the V flag set on signed overflow (guard with b.vs / b.vc) */
  addOvf(dst: int, n: int, m: int): void {
    this.aluRR(ALU_ADDS, dst, n, m);
  }
  subOvf(dst: int, n: int, m: int): void {
    this.aluRR(ALU_SUBS, dst, n, m);
  }
  /** dst = n * m with the flags NE exactly when the signed product overflows 64 bits (the
   * high half differs from the low half's sign); tmp is clobbered and must differ from the
   * other three */
  mulOvf(dst: int, n: int, m: int, tmp: int): void {
    if (tmp === dst || tmp === n || tmp === m) throw new Error(`aarch64: mulOvf needs a temporary distinct from its operands, got x${tmp}`);
    this.smulh(tmp, n, m);
    this.mul(dst, n, m);
    // cmp tmp, dst, asr #63
    this.word(0xeb800000 | (dst << 16) | (63 << 10) | (tmp << 5) | XZR);
  }

  // ---- control: offsets are bytes from the branch instruction itself ----
  /** b.cond; returns the instruction's position, for patchBranch */
  bcond(cc: int, offset: int): int {
    const at = this.pos();
    this.word(0x54000000 | (this.imm19(offset) << 5) | cc);
    return at;
  }
  b(offset: int): int {
    const at = this.pos();
    this.word(0x14000000 | this.imm26(offset));
    return at;
  }
  bl(offset: int): int {
    const at = this.pos();
    this.word(0x94000000 | this.imm26(offset));
    return at;
  }
  /** branch when r is zero (nonzero: cbnz) */
  cbz(r: int, offset: int, nonzero: boolean): int {
    checkReg(r, 'tested');
    const at = this.pos();
    this.word((nonzero ? 0xb5000000 : 0xb4000000) | (this.imm19(offset) << 5) | r);
    return at;
  }
  /** rt = the 64-bit word at this instruction + offset (a literal pool entry) */
  ldrLiteral(rt: int, offset: int): int {
    checkReg(rt, 'destination');
    const at = this.pos();
    this.word(0x58000000 | (this.imm19(offset) << 5) | rt);
    return at;
  }
  private imm19(offset: int): int {
    if (offset % 4 !== 0 || offset < -1048576 || offset >= 1048576) throw new Error(`aarch64: branch offset ${offset} is not a multiple of 4 within ±1 MiB`);
    return floorDiv(offset, 4) & 0x7ffff;
  }
  private imm26(offset: int): int {
    if (offset % 4 !== 0 || offset < -134217728 || offset >= 134217728) throw new Error(`aarch64: branch offset ${offset} is not a multiple of 4 within ±128 MiB`);
    return floorDiv(offset, 4) & 0x3ffffff;
  }
  /** Re-encodes the branch (b, bl, b.cond, cbz/cbnz or ldr literal) at byte position at so
   * that it reaches code offset target. */
  patchBranch(at: int, target: int): void {
    const w = this.wordAt(at);
    const offset = target - at;
    const top6 = (w >> 26) & 0x3f;
    if (top6 === 0x05 || top6 === 0x25) {
      this.setWordAt(at, (w & 0xfc000000) | this.imm26(offset));
    } else if ((w & 0xff000010) === 0x54000000 || (w & 0x7e000000) === 0x34000000 || (w & 0xff000000) === 0x58000000) {
      this.setWordAt(at, (w & 0xff00001f) | (this.imm19(offset) << 5));
    } else {
      throw new Error(`aarch64: the word at ${at} is not a branch to patch`);
    }
  }
  blr(r: int): void {
    checkReg(r, 'target');
    this.word(0xd63f0000 | (r << 5));
  }
  br(r: int): void {
    checkReg(r, 'target');
    this.word(0xd61f0000 | (r << 5));
  }
  ret(): void {
    this.word(0xd65f03c0);
  }
  brk(imm: int): void {
    this.word(0xd4200000 | ((imm & 0xffff) << 5));
  }
  nop(): void {
    this.word(0xd503201f);
  }

  // ---- doubles (d0..d31) ----
  /** dst = n (op) m, op one of FD_* */
  fop(op: int, dst: int, n: int, m: int): void {
    this.aluRR(op, dst, n, m);
  }
  fsqrt(dst: int, n: int): void {
    this.aluRR(0x1e61c000, dst, n, 0);
  }
  fneg(dst: int, n: int): void {
    this.aluRR(0x1e614000, dst, n, 0);
  }
  fabs(dst: int, n: int): void {
    this.aluRR(0x1e60c000, dst, n, 0);
  }
  fmovRR(dst: int, n: int): void {
    this.aluRR(0x1e604000, dst, n, 0);
  }
  /** flags of comparing doubles n and m: EQ, MI (less), LS (less or equal), GT, GE; an
   * unordered pair sets C and V (VS), so NE also holds for it */
  fcmp(n: int, m: int): void {
    this.aluRR(0x1e602000, 0, n, m);
  }
  /** d dst = (double) x src */
  scvtf(dst: int, src: int): void {
    this.aluRR(0x9e620000, dst, src, 0);
  }
  /** x dst = (int64) d src truncated (saturating; NaN gives 0) */
  fcvtzs(dst: int, src: int): void {
    this.aluRR(0x9e780000, dst, src, 0);
  }
  /** d dst = bits of x src */
  fmovToD(dst: int, src: int): void {
    this.aluRR(0x9e670000, dst, src, 0);
  }
  /** x dst = bits of d src */
  fmovFromD(dst: int, src: int): void {
    this.aluRR(0x9e660000, dst, src, 0);
  }
}
