// The s390x instruction encoder: the subset the JIT backend emits (moves and 64-bit
// immediates, 8/32/64-bit loads and stores, integer ALU and shifts, overflow-checked
// add/sub/mul, compare and branch, double arithmetic, sqrt, compare and conversions,
// basr/br calls, stmg/lmg frames), appended big-endian (2-, 4- and 6-byte instructions).
// Baseline z196 (arch9): what Debian's s390x toolchain targets (gcc -march=z196), and it
// brings the distinct-operands (agrk...), load-on-condition and extended-immediate
// (lgfi, llihf, iilf...) facilities used here. Signed overflow of a multiplication has no
// instruction before z14 (msgrkc), so mulOvf builds it from mlgr.
// Registers r0..r15 and f0..f15 are numbered 0..15; r0 as a base or index means none. r1 is
// the encoder's scratch register (offsets out of 20-bit range, wide immediates, mulOvf);
// r0:r1 is the even/odd pair mulOvf uses. RTS: translated with the VM.
import type { int } from '../../../translate/rlib/index.ts';
import { floorDiv, floorMod } from '../../../translate/rlib/index.ts';

export const R0 = 0;
export const R1 = 1;
export const R14 = 14;
export const SP = 15;
/** no base or index register */
export const NOREG = 0;
export const SCRATCH = R1;

// branch masks over the condition code (8: CC0, 4: CC1, 2: CC2, 1: CC3). After a compare:
// CC0 equal, CC1 low, CC2 high; after an arithmetic op CC3 is overflow; after cdbr CC3 is
// unordered (so NE includes unordered).
export const MASK_EQ = 8;
export const MASK_LT = 4;
export const MASK_GT = 2;
export const MASK_O = 1;
export const MASK_NE = 7;
export const MASK_LE = 12;
export const MASK_GE = 10;
export const MASK_NO = 14;
export const MASK_ALWAYS = 15;

// two-operand RRE integer operations (r1 = r1 (op) r2; the compares only set the CC)
export const RR_ADD = 0xb908;
export const RR_SUB = 0xb909;
export const RR_MUL = 0xb90c;
export const RR_AND = 0xb980;
export const RR_OR = 0xb981;
export const RR_XOR = 0xb982;
export const RR_CMP = 0xb920;
export const RR_CMPL = 0xb921;
/** r1 = -r2 */
export const RR_NEG = 0xb903;
/** r1 = |r2| */
export const RR_ABS = 0xb900;
/** r1 = r2, CC from its sign */
export const RR_LTG = 0xb902;
// three-operand RRF integer operations (distinct-operands facility, z196: r1 = r2 (op) r3)
export const RRR_ADD = 0xb9e8;
export const RRR_SUB = 0xb9e9;
export const RRR_AND = 0xb9e4;
export const RRR_OR = 0xb9e6;
export const RRR_XOR = 0xb9e7;
// shifts (the RSY opcode's last byte): by a constant or by a register's low 6 bits
export const SH_SLLG = 0x0d;
export const SH_SRLG = 0x0c;
export const SH_SRAG = 0x0a;
// double operations (RRE: f1 = f1 (op) f2)
export const FD_ADD = 0xb31a;
export const FD_SUB = 0xb31b;
export const FD_MUL = 0xb31c;
export const FD_DIV = 0xb31d;

// loads and stores: the 20-bit displacement (RXY) opcode, and the 12-bit (RX) one where the
// access has it (0 when not)
const MEM_RXY = [0xe304, 0xe316, 0xe390, 0xe324, 0xe350, 0xe372, 0xed65, 0xed67, 0xe371];
const MEM_RX = [0, 0, 0, 0, 0x50, 0x42, 0x68, 0x60, 0x41];
const LG = 0;
const LLGF = 1;
const LLGC = 2;
const STG = 3;
const ST = 4;
const STC = 5;
const LD = 6;
const STD = 7;
const LA = 8;

export function fitsInt16(x: int): boolean {
  return x >= -32768 && x <= 32767;
}
export function fitsInt32(x: int): boolean {
  return x >= -2147483648 && x <= 2147483647;
}
function fitsDisp20(x: int): boolean {
  return x >= -524288 && x <= 524287;
}
function checkReg(r: int, what: string): void {
  if (r < 0 || r > 15) throw new Error(`s390x: ${what} register ${r} is not 0..15`);
}

export class S390Encoder {
  code: int[] = [];

  pos(): int {
    return this.code.length;
  }
  byte(b: int): void {
    this.code.push(b & 0xff);
  }
  half(h: int): void {
    this.byte(h >> 8);
    this.byte(h);
  }
  int32(v: int): void {
    this.half(v >> 16);
    this.half(v);
  }
  private regs(hi: int, lo: int, what: string): void {
    checkReg(hi, what);
    checkReg(lo, what);
    this.byte((hi << 4) | lo);
  }
  private rre(op: int, r1: int, r2: int): void {
    this.half(op);
    this.byte(0);
    this.regs(r1, r2, 'operand');
  }
  private rrf(op: int, m3: int, r1: int, r2: int): void {
    this.half(op);
    this.byte(m3 << 4);
    this.regs(r1, r2, 'operand');
  }
  private ri(op: int, r1: int, imm: int): void {
    this.byte(op >> 4);
    this.regs(r1, op & 15, 'operand');
    this.half(imm);
  }
  private ril(op: int, r1: int, imm: int): void {
    this.byte(op >> 4);
    this.regs(r1, op & 15, 'operand');
    this.int32(imm);
  }
  private rx(op: int, r1: int, x2: int, b2: int, disp: int): void {
    this.byte(op);
    this.regs(r1, x2, 'operand');
    this.regs(b2, (disp >> 8) & 15, 'base');
    this.byte(disp);
  }
  /** RXY and RSY: first byte, r1 and x2 (or r3), base and the 20-bit displacement split
   * into its low 12 and high 8 bits, last byte */
  private rxy(op: int, r1: int, x2: int, b2: int, disp: int): void {
    this.byte(op >> 8);
    this.regs(r1, x2, 'operand');
    this.regs(b2, (disp >> 8) & 15, 'base');
    this.byte(disp);
    this.byte(disp >> 12);
    this.byte(op);
  }

  // ---- moves ----
  movRR(dst: int, src: int): void {
    this.rre(0xb904, dst, src);
  }
  /** dst = any 64-bit imm: lghi, lgfi, llilf, or llihf + iilf */
  movRI(dst: int, imm: int): void {
    if (fitsInt16(imm)) {
      this.ri(0xa79, dst, imm);
    } else if (fitsInt32(imm)) {
      this.ril(0xc01, dst, imm);
    } else if (imm > 0 && imm < 4294967296) {
      this.ril(0xc0f, dst, imm);
    } else {
      const lo = floorMod(imm, 4294967296);
      this.ril(0xc0e, dst, floorDiv(imm, 4294967296));
      if (lo !== 0) this.ril(0xc09, dst, lo);
    }
  }

  /** dst = imm in always two instructions (llihf, iilf): the fixed-length form a link site
   * is rewritten with, whatever address it gets */
  movRI64(dst: int, imm: int): void {
    this.ril(0xc0e, dst, floorDiv(imm, 4294967296));
    this.ril(0xc09, dst, floorMod(imm, 4294967296));
  }

  // ---- loads and stores: [base + index + disp], 0 meaning no base or index ----
  private mem(kind: int, rt: int, base: int, index: int, disp: int): void {
    let b = base;
    let x = index;
    let d = disp;
    if (!fitsDisp20(d)) {
      // the offset (plus the index) goes into the scratch register, which becomes the index
      if (b === SCRATCH || x === SCRATCH || (kind >= STG && kind <= STC && rt === SCRATCH)) {
        throw new Error(`s390x: offset ${disp} needs the scratch register r1, which the access itself uses`);
      }
      this.movRI(SCRATCH, d);
      if (x !== NOREG) this.aluRR(RR_ADD, SCRATCH, x);
      x = SCRATCH;
      d = 0;
    }
    if (MEM_RX[kind] !== 0 && d >= 0 && d < 4096) this.rx(MEM_RX[kind], rt, x, b, d);
    else this.rxy(MEM_RXY[kind], rt, x, b, d);
  }
  load64(dst: int, base: int, index: int, disp: int): void {
    this.mem(LG, dst, base, index, disp);
  }
  /** zero-extended 32-bit load (llgf; type ids are read this way on big-endian) */
  load32(dst: int, base: int, index: int, disp: int): void {
    this.mem(LLGF, dst, base, index, disp);
  }
  /** zero-extended 8-bit load (llgc) */
  load8(dst: int, base: int, index: int, disp: int): void {
    this.mem(LLGC, dst, base, index, disp);
  }
  store64(base: int, index: int, disp: int, src: int): void {
    this.mem(STG, src, base, index, disp);
  }
  store32(base: int, index: int, disp: int, src: int): void {
    this.mem(ST, src, base, index, disp);
  }
  store8(base: int, index: int, disp: int, src: int): void {
    this.mem(STC, src, base, index, disp);
  }
  loadD(dst: int, base: int, index: int, disp: int): void {
    this.mem(LD, dst, base, index, disp);
  }
  storeD(base: int, index: int, disp: int, src: int): void {
    this.mem(STD, src, base, index, disp);
  }
  /** dst = base + index + disp (la/lay) */
  lea(dst: int, base: int, index: int, disp: int): void {
    this.mem(LA, dst, base, index, disp);
  }
  /** store (stmg) or load (lmg) registers first..last (wrapping past r15) at [base + disp] */
  stmg(first: int, last: int, base: int, disp: int): void {
    this.multiple(0xeb24, first, last, base, disp);
  }
  lmg(first: int, last: int, base: int, disp: int): void {
    this.multiple(0xeb04, first, last, base, disp);
  }
  private multiple(op: int, first: int, last: int, base: int, disp: int): void {
    if (!fitsDisp20(disp)) throw new Error(`s390x: offset ${disp} does not fit in 20 bits`);
    this.rxy(op, first, last, base, disp);
  }

  // ---- integer ALU ----
  /** r1 = r1 (op) r2 for RR_* */
  aluRR(op: int, r1: int, r2: int): void {
    this.rre(op, r1, r2);
  }
  /** dst = a (op) b for RRR_* (z196 distinct operands) */
  aluRRR(op: int, dst: int, a: int, b: int): void {
    this.half(op);
    this.regs(b, 0, 'operand');
    this.regs(dst, a, 'operand');
  }
  /** dst = dst + imm (aghi, agfi, or through the scratch register); CC3 on overflow */
  addRI(dst: int, imm: int): void {
    if (fitsInt16(imm)) this.ri(0xa7b, dst, imm);
    else if (fitsInt32(imm)) this.ril(0xc28, dst, imm);
    else this.viaScratch(RR_ADD, dst, imm);
  }
  /** dst = dst * imm (mghi, msgfi, or through the scratch register) */
  mulRI(dst: int, imm: int): void {
    if (fitsInt16(imm)) this.ri(0xa7d, dst, imm);
    else if (fitsInt32(imm)) this.ril(0xc20, dst, imm);
    else this.viaScratch(RR_MUL, dst, imm);
  }
  /** CC from comparing dst with imm, signed (cghi, cgfi, or through the scratch register) */
  cmpRI(a: int, imm: int): void {
    if (fitsInt16(imm)) this.ri(0xa7f, a, imm);
    else if (fitsInt32(imm)) this.ril(0xc2c, a, imm);
    else this.viaScratch(RR_CMP, a, imm);
  }
  private viaScratch(op: int, r: int, imm: int): void {
    if (r === SCRATCH) throw new Error(`s390x: immediate ${imm} needs the scratch register r1, which is the operand`);
    this.movRI(SCRATCH, imm);
    this.aluRR(op, r, SCRATCH);
  }
  /** dst = dst (op) imm for RR_AND/RR_OR/RR_XOR, one insert-immediate per 32-bit half that
   * changes anything (nihf/nilf, oihf/oilf, xihf/xilf) */
  logicRI(op: int, dst: int, imm: int): void {
    const hi = floorMod(floorDiv(imm, 4294967296), 4294967296);
    const lo = floorMod(imm, 4294967296);
    const identity = op === RR_AND ? 4294967295 : 0;
    const base = op === RR_AND ? 0xc0a : op === RR_OR ? 0xc0c : op === RR_XOR ? 0xc06 : -1;
    if (base < 0) throw new Error(`s390x: ${op} is not a logical operation`);
    if (hi !== identity) this.ril(base, dst, hi);
    if (lo !== identity) this.ril(base + 1, dst, lo);
  }
  /** r = ~r */
  not(r: int): void {
    this.logicRI(RR_XOR, r, -1);
  }
  /** dst = src shifted by the constant 0..63, op one of SH_* */
  shiftRI(op: int, dst: int, src: int, n: int): void {
    if (n < 0 || n > 63) throw new Error(`s390x: shift amount ${n} is not 0..63`);
    this.rxy(0xeb00 | op, dst, src, NOREG, n);
  }
  /** dst = src shifted by amount's low 6 bits */
  shiftRR(op: int, dst: int, src: int, amount: int): void {
    if (amount === NOREG) throw new Error('s390x: r0 cannot hold a shift amount (it means none)');
    this.rxy(0xeb00 | op, dst, src, amount, 0);
  }
  /** dst = 1 if the CC matches mask, else 0 (lghi 1; brc over lghi 0: no scratch needed) */
  setcc(dst: int, mask: int): void {
    this.ri(0xa79, dst, 1);
    this.ri(0xa74, mask, 4);
    this.ri(0xa79, dst, 0);
  }
  /** dst = a + b, CC3 (MASK_O) on signed overflow */
  addOvf(dst: int, a: int, b: int): void {
    this.aluRRR(RRR_ADD, dst, a, b);
  }
  /** dst = a - b, CC3 on signed overflow */
  subOvf(dst: int, a: int, b: int): void {
    this.aluRRR(RRR_SUB, dst, a, b);
  }
  /** dst = a * b with the CC not equal (MASK_NE) exactly when the signed product overflows:
   * the unsigned 128-bit product (mlgr into r0:r1) with the high half corrected for the
   * signs, compared with the low half's sign. Clobbers r0, r1 and tmp, which must differ
   * from a and b (dst may be a or b). */
  mulOvf(dst: int, a: int, b: int, tmp: int): void {
    if (a <= R1 || b <= R1 || tmp <= R1 || tmp === a || tmp === b) {
      throw new Error(`s390x: mulOvf needs operands and a temporary outside r0/r1 and distinct (got r${a}, r${b}, tmp r${tmp})`);
    }
    this.shiftRI(SH_SRAG, tmp, a, 63);
    this.aluRR(RR_AND, tmp, b);
    this.movRR(R1, a);
    this.rre(0xb986, R0, b);
    this.aluRR(RR_SUB, R0, tmp);
    this.shiftRI(SH_SRAG, tmp, b, 63);
    this.aluRR(RR_AND, tmp, a);
    this.aluRR(RR_SUB, R0, tmp);
    this.movRR(dst, R1);
    this.shiftRI(SH_SRAG, R1, R1, 63);
    this.aluRR(RR_CMP, R0, R1);
  }
  /** signed division of the odd register of the pair even:even+1 by divisor: remainder in
   * even, quotient in even+1 (traps on a zero divisor and MIN / -1: guard first) */
  dsgr(even: int, divisor: int): void {
    if (even % 2 !== 0) throw new Error(`s390x: dsgr needs an even register, got r${even}`);
    this.rre(0xb90d, even, divisor);
  }
  /** unsigned 128-bit product of the odd register of the pair and src into even:even+1 */
  mlgr(even: int, src: int): void {
    if (even % 2 !== 0) throw new Error(`s390x: mlgr needs an even register, got r${even}`);
    this.rre(0xb986, even, src);
  }

  // ---- control: offsets are bytes from the branch instruction itself (even) ----
  /** brcl: branch on mask, ±4 GiB; returns its position, for patchBranch */
  brcl(mask: int, offset: int): int {
    const at = this.pos();
    this.ril(0xc04, mask, this.halves32(offset));
    return at;
  }
  /** brc: the 4-byte form, ±64 KiB */
  brc(mask: int, offset: int): int {
    const at = this.pos();
    this.ri(0xa74, mask, this.halves16(offset));
    return at;
  }
  /** brasl r14: a pc-relative call */
  brasl(offset: int): int {
    const at = this.pos();
    this.ril(0xc05, R14, this.halves32(offset));
    return at;
  }
  /** larl: r = the address at this instruction + offset (a literal's or code's) */
  larl(r: int, offset: int): int {
    const at = this.pos();
    this.ril(0xc00, r, this.halves32(offset));
    return at;
  }
  private halves32(offset: int): int {
    if (offset % 2 !== 0 || offset < -4294967296 || offset >= 4294967296) throw new Error(`s390x: branch offset ${offset} is not even within ±4 GiB`);
    return floorDiv(offset, 2);
  }
  private halves16(offset: int): int {
    if (offset % 2 !== 0 || offset < -65536 || offset >= 65536) throw new Error(`s390x: branch offset ${offset} is not even within ±64 KiB`);
    return floorDiv(offset, 2);
  }
  /** Re-encodes the brcl/brasl/larl or brc at byte position at so that it reaches code
   * offset target. */
  patchBranch(at: int, target: int): void {
    const op = this.code[at];
    const kind = this.code[at + 1] & 15;
    if (op === 0xc0 && (kind === 4 || kind === 5 || kind === 0)) {
      const v = this.halves32(target - at);
      for (let k = 0; k < 4; k++) this.code[at + 2 + k] = (v >> (24 - 8 * k)) & 0xff;
    } else if (op === 0xa7 && kind === 4) {
      const v = this.halves16(target - at);
      this.code[at + 2] = (v >> 8) & 0xff;
      this.code[at + 3] = v & 0xff;
    } else {
      throw new Error(`s390x: the instruction at ${at} is not a branch to patch`);
    }
  }
  /** call the address in r, return address in r14 */
  basr(r: int): void {
    this.byte(0x0d);
    this.regs(R14, r, 'target');
  }
  /** branch to the address in r on mask (bcr 15, r14 is the return) */
  bcr(mask: int, r: int): void {
    this.byte(0x07);
    this.regs(mask, r, 'target');
  }
  ret(): void {
    this.bcr(MASK_ALWAYS, R14);
  }
  /** the 4-byte no-op (bc 0, 0), as long as a brc */
  nop(): void {
    this.int32(0x47000000);
  }
  nopr(): void {
    this.half(0x0700);
  }
  /** an invalid opcode (0x0000): stops with SIGILL, as s390x has no trap instruction a
   * program may use unconditionally */
  trap(): void {
    this.half(0);
  }

  // ---- doubles ----
  /** f1 = f1 (op) f2 for FD_* */
  fop(op: int, f1: int, f2: int): void {
    this.rre(op, f1, f2);
  }
  sqrt(dst: int, src: int): void {
    this.rre(0xb315, dst, src);
  }
  fmovRR(dst: int, src: int): void {
    this.byte(0x28);
    this.regs(dst, src, 'operand');
  }
  fneg(dst: int, src: int): void {
    this.rre(0xb313, dst, src);
  }
  fabs(dst: int, src: int): void {
    this.rre(0xb310, dst, src);
  }
  /** CC from comparing doubles: CC0 equal, CC1 low, CC2 high, CC3 unordered */
  fcmp(a: int, b: int): void {
    this.rre(0xb319, a, b);
  }
  /** f dst = (double) r src (cdgbr) */
  cdgbr(dst: int, src: int): void {
    this.rre(0xb3a5, dst, src);
  }
  /** r dst = (int64) f src rounded toward zero (cgdbr with mode 5; NaN gives MIN) */
  cgdbr(dst: int, src: int): void {
    this.rrf(0xb3a9, 5, dst, src);
  }
  /** f dst = bits of r src */
  ldgr(dst: int, src: int): void {
    this.rre(0xb3c1, dst, src);
  }
  /** r dst = bits of f src */
  lgdr(dst: int, src: int): void {
    this.rre(0xb3cd, dst, src);
  }
}
