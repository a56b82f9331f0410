// The ppc64le instruction encoder: the subset the JIT backend emits (moves and 64-bit
// immediates, 8/32/64-bit loads and stores, integer ALU and shifts, overflow-checked
// add/sub/mul, compare and branch, double arithmetic, sqrt, compare and conversions,
// call/return through ctr, stdu/std/ld frames), appended as little-endian 32-bit words.
// Baseline POWER8 (Power ISA 2.07): little-endian ELFv2 Linux exists only from POWER8 on, so
// every ppc64le machine has it, and it brings mtvsrd/mfvsrd to move bits between general and
// floating-point registers without a trip through memory.
// Registers r0..r31 and f0..f31 are numbered 0..31. r0 is the encoder's scratch register:
// a D-form base of 0 means the constant 0, so r0 can never be a base anyway, and as the
// index of an indexed access it is an ordinary register. Instruction words are built with
// 32-bit bitwise operators and written byte by byte (a word with bit 31 set is a negative
// int, the same in both RTS modes). RTS: translated with the VM.
import type { int } from '../../../translate/rlib/index.ts';
import { WordBuffer } from '../wordbuf.ts';
import { floorDiv, floorMod } from '../../../translate/rlib/index.ts';

export const R0 = 0;
export const SP = 1;
export const TOC = 2;
export const R12 = 12;
/** materialises offsets and immediates that do not fit an instruction (the backend must not
 * allocate it) */
export const SCRATCH = R0;

// conditions on CR0 (after a compare, a record form, or fcmpu): the bit tested and whether
// the branch is taken when it is set (0..3) or clear (4..7). SO after fcmpu means unordered,
// after an o. form it means the operation overflowed (XER[SO] is cleared first).
export const CC_LT = 0;
export const CC_GT = 1;
export const CC_EQ = 2;
export const CC_SO = 3;
export const CC_GE = 4;
export const CC_LE = 5;
export const CC_NE = 6;
export const CC_NS = 7;

// XO-form integer operations: the extended opcode (rt = ra (op) rb; subf is rb - ra)
export const XO_ADD = 266;
export const XO_SUBF = 40;
export const XO_MULLD = 233;
export const XO_MULHD = 73;
export const XO_DIVD = 489;
// X-form logical operations and shifts (ra = rs (op) rb)
export const X_AND = 28;
export const X_OR = 444;
export const X_XOR = 316;
export const X_SLD = 27;
export const X_SRD = 539;
export const X_SRAD = 794;
// A-form double operations
export const FD_ADD = 21;
export const FD_SUB = 20;
export const FD_MUL = 25;
export const FD_DIV = 18;

// loads and stores: D-form primary opcode (DS-form for ld/std: offset a multiple of 4) and
// the X-form extended opcode of the indexed variant
const MEM_D = [58, 32, 34, 62, 36, 38, 50, 54];
const MEM_X = [21, 23, 87, 149, 151, 215, 599, 727];
const LD = 0;
const LWZ = 1;
const LBZ = 2;
const STD = 3;
const STW = 4;
const STB = 5;
const LFD = 6;
const STFD = 7;

export function fitsInt16(x: int): boolean {
  return x >= -32768 && x <= 32767;
}
function checkReg(r: int, what: string): void {
  if (r < 0 || r > 31) throw new Error(`ppc64le: ${what} register ${r} is not 0..31`);
}

export class PpcEncoder extends WordBuffer {
  private d(op: int, rt: int, ra: int, imm: int): void {
    checkReg(rt, 'target');
    checkReg(ra, 'source');
    this.word((op << 26) | (rt << 21) | (ra << 16) | (imm & 0xffff));
  }
  /** X/XO-form with primary opcode 31 (or 63 for doubles): fields in instruction order */
  private x(op: int, a: int, b: int, c: int, xo: int, rc: int): void {
    checkReg(a, 'first');
    checkReg(b, 'second');
    checkReg(c, 'third');
    this.word((op << 26) | (a << 21) | (b << 16) | (c << 11) | (xo << 1) | rc);
  }

  // ---- moves ----
  /** dst = src (mr) */
  movRR(dst: int, src: int): void {
    this.x(31, src, dst, src, X_OR, 0);
  }
  /** dst = any 64-bit imm: li; lis/ori; or the high word that way, sldi 32, oris, ori */
  movRI(dst: int, imm: int): void {
    if (fitsInt16(imm)) {
      this.d(14, dst, 0, imm);
      return;
    }
    const hi = floorDiv(imm, 4294967296);
    const lo = floorMod(imm, 4294967296);
    if (hi === 0 && lo < 2147483648 || hi === -1 && lo >= 2147483648) {
      this.lis32(dst, imm);
      return;
    }
    // the high word, shifted up (a zero high word needs only the li)
    if (fitsInt16(hi)) this.d(14, dst, 0, hi);
    else this.lis32(dst, hi);
    if (hi !== 0) this.shiftRI(X_SLD, dst, dst, 32);
    const lo16 = lo & 0xffff;
    const hi16 = floorDiv(lo, 65536);
    if (hi16 !== 0) this.d(25, dst, dst, hi16);
    if (lo16 !== 0) this.d(24, dst, dst, lo16);
  }
  /** dst = imm in always five instructions (lis, ori, sldi 32, oris, ori): the fixed-length
   * form a link site is rewritten with, whatever address it gets */
  movRI64(dst: int, imm: int): void {
    const hi = floorDiv(imm, 4294967296);
    const lo = floorMod(imm, 4294967296);
    this.d(15, dst, 0, floorMod(floorDiv(hi, 65536), 65536));
    this.d(24, dst, dst, hi & 0xffff);
    this.shiftRI(X_SLD, dst, dst, 32);
    this.d(25, dst, dst, floorDiv(lo, 65536));
    this.d(24, dst, dst, lo & 0xffff);
  }
  /** dst = a signed 32-bit value: lis, then ori when the low half is not zero */
  private lis32(dst: int, v: int): void {
    this.d(15, dst, 0, floorDiv(v, 65536));
    if ((v & 0xffff) !== 0) this.d(24, dst, dst, v & 0xffff);
  }

  // ---- loads and stores: [base + disp] or [base + index]; base is never r0 ----
  private mem(kind: int, rt: int, base: int, disp: int): void {
    if (base === R0) throw new Error('ppc64le: r0 cannot be a base register (it reads as 0)');
    const ds = kind === LD || kind === STD;
    if (fitsInt16(disp) && (!ds || disp % 4 === 0)) {
      this.d(MEM_D[kind], rt, base, disp);
    } else {
      // only an integer store reads rt after r0 is set (a load may target r0; f0 is not r0)
      if (rt === SCRATCH && kind >= STD && kind <= STB) throw new Error(`ppc64le: offset ${disp} needs the scratch register r0, which is the value stored`);
      this.movRI(SCRATCH, disp);
      this.x(31, rt, base, SCRATCH, MEM_X[kind], 0);
    }
  }
  private memIdx(kind: int, rt: int, base: int, index: int): void {
    if (base === R0) throw new Error('ppc64le: r0 cannot be a base register (it reads as 0)');
    this.x(31, rt, base, index, MEM_X[kind], 0);
  }
  load64(dst: int, base: int, disp: int): void {
    this.mem(LD, dst, base, disp);
  }
  /** zero-extended 32-bit load */
  load32(dst: int, base: int, disp: int): void {
    this.mem(LWZ, dst, base, disp);
  }
  /** zero-extended 8-bit load */
  load8(dst: int, base: int, disp: int): void {
    this.mem(LBZ, dst, base, disp);
  }
  store64(base: int, disp: int, src: int): void {
    this.mem(STD, src, base, disp);
  }
  store32(base: int, disp: int, src: int): void {
    this.mem(STW, src, base, disp);
  }
  store8(base: int, disp: int, src: int): void {
    this.mem(STB, src, base, disp);
  }
  loadD(dst: int, base: int, disp: int): void {
    this.mem(LFD, dst, base, disp);
  }
  storeD(base: int, disp: int, src: int): void {
    this.mem(STFD, src, base, disp);
  }
  load64Idx(dst: int, base: int, index: int): void {
    this.memIdx(LD, dst, base, index);
  }
  load32Idx(dst: int, base: int, index: int): void {
    this.memIdx(LWZ, dst, base, index);
  }
  load8Idx(dst: int, base: int, index: int): void {
    this.memIdx(LBZ, dst, base, index);
  }
  store64Idx(base: int, index: int, src: int): void {
    this.memIdx(STD, src, base, index);
  }
  store32Idx(base: int, index: int, src: int): void {
    this.memIdx(STW, src, base, index);
  }
  store8Idx(base: int, index: int, src: int): void {
    this.memIdx(STB, src, base, index);
  }
  loadDIdx(dst: int, base: int, index: int): void {
    this.memIdx(LFD, dst, base, index);
  }
  storeDIdx(base: int, index: int, src: int): void {
    this.memIdx(STFD, src, base, index);
  }
  /** stdu src, disp(base): stores and sets base = base + disp (the frame push, with the back
   * chain; disp a multiple of 4 within 16 bits) */
  stdu(src: int, base: int, disp: int): void {
    if (!fitsInt16(disp) || disp % 4 !== 0) throw new Error(`ppc64le: stdu offset ${disp} is not a multiple of 4 within 16 bits`);
    this.d(62, src, base, disp | 1);
  }

  // ---- integer ALU ----
  /** rt = ra (op) rb for XO_* (XO_SUBF: rb - ra) */
  xo(op: int, rt: int, ra: int, rb: int): void {
    this.x(31, rt, ra, rb, op, 0);
  }
  add(dst: int, a: int, b: int): void {
    this.xo(XO_ADD, dst, a, b);
  }
  /** dst = a - b */
  sub(dst: int, a: int, b: int): void {
    this.xo(XO_SUBF, dst, b, a);
  }
  mul(dst: int, a: int, b: int): void {
    this.xo(XO_MULLD, dst, a, b);
  }
  /** dst = a / b truncating (b = 0 or MIN / -1: undefined result, no trap) */
  divd(dst: int, a: int, b: int): void {
    this.xo(XO_DIVD, dst, a, b);
  }
  neg(dst: int, a: int): void {
    this.x(31, dst, a, 0, 104, 0);
  }
  /** ra = rs (op) rb for X_* (logical operations and register shifts; sld/srd give 0 and
   * srad the sign for amounts 64..127) */
  logic(op: int, ra: int, rs: int, rb: int): void {
    this.x(31, rs, ra, rb, op, 0);
  }
  /** dst = ~src (nor) */
  not(dst: int, src: int): void {
    this.x(31, src, dst, src, 124, 0);
  }
  /** dst = a + imm: addi, or addis + addi, or through the scratch register; a is not r0 */
  addRI(dst: int, a: int, imm: int): void {
    if (a === R0) throw new Error('ppc64le: addi reads r0 as 0; add to another register');
    if (fitsInt16(imm)) {
      this.d(14, dst, a, imm);
      return;
    }
    const lo = ((imm & 0xffff) ^ 0x8000) - 0x8000;
    const hi = floorDiv(imm - lo, 65536);
    if (fitsInt16(hi)) {
      this.d(15, dst, a, hi);
      if (lo !== 0) this.d(14, dst, dst, lo);
    } else {
      this.movRI(SCRATCH, imm);
      this.add(dst, a, SCRATCH);
    }
  }
  /** dst = a * imm (mulli for 16 bits, else through the scratch register) */
  mulRI(dst: int, a: int, imm: int): void {
    if (fitsInt16(imm)) {
      this.d(7, dst, a, imm);
    } else {
      this.movRI(SCRATCH, imm);
      this.mul(dst, a, SCRATCH);
    }
  }
  /** ra = rs (op) imm for X_AND/X_OR/X_XOR: ori/xori (and oris/xoris) for an unsigned
   * 32-bit imm, andi. for 16 bits (it also sets CR0), else through the scratch register */
  logicRI(op: int, ra: int, rs: int, imm: int): void {
    const lo = imm & 0xffff;
    const hi = floorDiv(imm, 65536);
    if (op !== X_AND && imm >= 0 && imm < 4294967296) {
      const base = op === X_OR ? 24 : 26;
      if (hi !== 0) this.d(base + 1, rs, ra, hi);
      if (lo !== 0 || hi === 0) this.d(base, hi !== 0 ? ra : rs, ra, lo);
    } else if (op === X_AND && imm >= 0 && imm < 65536) {
      this.d(28, rs, ra, imm);
    } else {
      if (rs === SCRATCH) throw new Error('ppc64le: a logical immediate needs the scratch register r0, which is the operand');
      this.movRI(SCRATCH, imm);
      this.logic(op, ra, rs, SCRATCH);
    }
  }
  /** ra = rs shifted by the constant 0..63 (sldi/srdi are rldicr/rldicl, sradi) */
  shiftRI(op: int, ra: int, rs: int, n: int): void {
    checkReg(ra, 'target');
    checkReg(rs, 'source');
    if (n < 0 || n > 63) throw new Error(`ppc64le: shift amount ${n} is not 0..63`);
    if (op === X_SRAD) {
      this.word((31 << 26) | (rs << 21) | (ra << 16) | ((n & 31) << 11) | (413 << 2) | ((n >> 5) << 1));
      return;
    }
    // MD-form rotate: sh and the mask bound are both split 5+1 bits
    const sh = op === X_SLD ? n : (64 - n) & 63;
    const mask = op === X_SLD ? 63 - n : n;
    const xo = op === X_SLD ? 1 : 0;
    if (op !== X_SLD && op !== X_SRD) throw new Error(`ppc64le: ${op} is not a shift operation`);
    this.word((30 << 26) | (rs << 21) | (ra << 16) | ((sh & 31) << 11) | (((mask & 31) << 1 | (mask >> 5)) << 5) | (xo << 2) | ((sh >> 5) << 1));
  }
  /** CR0 from comparing a with b as signed 64-bit values (unsigned: cmpld) */
  cmp(a: int, b: int, unsigned: boolean): void {
    this.x(31, 1, a, b, unsigned ? 32 : 0, 0);
  }
  /** CR0 from comparing a with a 16-bit imm (signed, or unsigned 0..65535) */
  cmpRI(a: int, imm: int, unsigned: boolean): void {
    if (unsigned ? imm < 0 || imm > 65535 : !fitsInt16(imm)) throw new Error(`ppc64le: compare immediate ${imm} does not fit in 16 bits`);
    this.d(unsigned ? 10 : 11, 1, a, imm);
  }
  /** dst = 1 if condition cc holds on CR0, else 0 (mfcr, rlwinm of the bit, xori for the
   * conditions that test a clear bit) */
  setcc(dst: int, cc: int): void {
    this.x(31, dst, 0, 0, 19, 0);
    this.word((21 << 26) | (dst << 21) | (dst << 16) | (((cc & 3) + 1) << 11) | (31 << 6) | (31 << 1));
    if (cc >= 4) this.d(26, dst, dst, 1);
  }
  /** CR bit bt = bit ba | bit bb (CR0: 0 LT, 1 GT, 2 EQ, 3 SO). After fcmpu, "less or equal"
   * must be LT | EQ, not "not GT", which an unordered pair would satisfy. */
  cror(bt: int, ba: int, bb: int): void {
    this.word((19 << 26) | (bt << 21) | (ba << 16) | (bb << 11) | (449 << 1));
  }
  /** clears XER (its sticky SO bit), before an overflow-checked operation */
  clearXer(): void {
    this.movRI(SCRATCH, 0);
    this.mtspr(1, SCRATCH);
  }
  /** dst = a + b with CR0 SO set on signed overflow (guard with CC_SO / CC_NS): clears
   * XER, then addo. */
  addOvf(dst: int, a: int, b: int): void {
    this.clearXer();
    this.x(31, dst, a, b, 512 + XO_ADD, 1);
  }
  /** dst = a - b with CR0 SO on overflow (subfo.) */
  subOvf(dst: int, a: int, b: int): void {
    this.clearXer();
    this.x(31, dst, b, a, 512 + XO_SUBF, 1);
  }
  /** dst = a * b with CR0 SO on overflow (mulldo.) */
  mulOvf(dst: int, a: int, b: int): void {
    this.clearXer();
    this.x(31, dst, a, b, 512 + XO_MULLD, 1);
  }

  // ---- control: offsets are bytes from the branch instruction itself ----
  /** bc on CR0; ±32 KiB (for farther targets branch around a b); returns its position */
  bc(cc: int, offset: int): int {
    const at = this.pos();
    this.word((16 << 26) | ((cc < 4 ? 12 : 4) << 21) | ((cc & 3) << 16) | this.bd(offset));
    return at;
  }
  b(offset: int): int {
    const at = this.pos();
    this.word((18 << 26) | this.li(offset));
    return at;
  }
  bl(offset: int): int {
    const at = this.pos();
    this.word((18 << 26) | this.li(offset) | 1);
    return at;
  }
  private bd(offset: int): int {
    if (offset % 4 !== 0 || !fitsInt16(offset)) throw new Error(`ppc64le: conditional branch offset ${offset} is not a multiple of 4 within ±32 KiB`);
    return offset & 0xfffc;
  }
  private li(offset: int): int {
    if (offset % 4 !== 0 || offset < -33554432 || offset >= 33554432) throw new Error(`ppc64le: branch offset ${offset} is not a multiple of 4 within ±32 MiB`);
    return offset & 0x3fffffc;
  }
  /** Re-encodes the b/bl/bc at byte position at so that it reaches code offset target. */
  patchBranch(at: int, target: int): void {
    const w = this.wordAt(at);
    const op = (w >> 26) & 63;
    if (op === 18) this.setWordAt(at, (w & ~0x3fffffc) | this.li(target - at));
    else if (op === 16) this.setWordAt(at, (w & ~0xfffc) | this.bd(target - at));
    else throw new Error(`ppc64le: the word at ${at} is not a branch to patch`);
  }
  /** moves to a special register: 1 XER, 8 LR, 9 CTR */
  mtspr(spr: int, src: int): void {
    this.x(31, src, spr & 31, spr >> 5, 467, 0);
  }
  mfspr(dst: int, spr: int): void {
    this.x(31, dst, spr & 31, spr >> 5, 339, 0);
  }
  mtctr(src: int): void {
    this.mtspr(9, src);
  }
  mtlr(src: int): void {
    this.mtspr(8, src);
  }
  mflr(dst: int): void {
    this.mfspr(dst, 8);
  }
  /** call ctr (ELFv2: the target's address is also in r12) */
  bctrl(): void {
    this.word(0x4e800421);
  }
  bctr(): void {
    this.word(0x4e800420);
  }
  /** return through lr */
  blr(): void {
    this.word(0x4e800020);
  }
  trap(): void {
    this.word(0x7fe00008);
  }
  nop(): void {
    this.word(0x60000000);
  }

  // ---- doubles ----
  /** dst = a (op) b, op one of FD_* */
  fop(op: int, dst: int, a: int, b: int): void {
    if (op === FD_MUL) this.word((63 << 26) | (dst << 21) | (a << 16) | (b << 6) | (FD_MUL << 1));
    else this.x(63, dst, a, b, op, 0);
  }
  fsqrt(dst: int, src: int): void {
    this.x(63, dst, 0, src, 22, 0);
  }
  fmr(dst: int, src: int): void {
    this.x(63, dst, 0, src, 72, 0);
  }
  fneg(dst: int, src: int): void {
    this.x(63, dst, 0, src, 40, 0);
  }
  fabs(dst: int, src: int): void {
    this.x(63, dst, 0, src, 264, 0);
  }
  /** CR0 from comparing doubles a and b: LT, GT, EQ, or SO for unordered */
  fcmpu(a: int, b: int): void {
    this.x(63, 0, a, b, 0, 0);
  }
  /** f dst = (double) the int64 bits in f src */
  fcfid(dst: int, src: int): void {
    this.x(63, dst, 0, src, 846, 0);
  }
  /** f dst = int64 bits of f src truncated (saturating; NaN gives MIN) */
  fctidz(dst: int, src: int): void {
    this.x(63, dst, 0, src, 815, 0);
  }
  /** f dst = bits of r src (POWER8) */
  mtvsrd(dst: int, src: int): void {
    this.x(31, dst, src, 0, 179, 0);
  }
  /** r dst = bits of f src (POWER8) */
  mfvsrd(dst: int, src: int): void {
    this.x(31, src, dst, 0, 51, 0);
  }
}
