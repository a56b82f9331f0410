// The x86-64 backend: turns a loop trace into machine code. Every value lives in the jitframe's
// typed arrays (ints, floats, refs by op number: precise GC roots with no gcmaps, and what
// deopt reads); integer, float, compare and pointer ops and the common guards are compiled
// inline, every other op (field and array access, allocation, helper calls, the rarer guards)
// calls llgraph's executor for that one op (native.ts), so both backends compute the same.
// Guards jump to out-of-line stubs that return the guard's op index. Entry: the trampoline
// saves the convention's callee-saved registers, aligns the stack (Win64: and reserves the
// shadow space) and loads the array bases into callee-saved registers that helper calls keep.
import type { int } from '../../../translate/rlib/index.ts';
import { offsetOf, helperAddress, excAddress, execmem, MAX_INT, MIN_INT } from '../../../translate/rlib/index.ts';
import { PyObject, PyInstance } from '../../objects/core.ts';
import {
  Trace, IROp, OPS, K_INT, K_FLOAT, K_REF, F_GUARD, isConst, constIndex, D_INT_SMALL, INV_TYPES, TID_INSTANCE,
} from '../../jit/ir.ts';
import { Backend, CompiledLoop, JitFrame } from '../model.ts';
import {
  NativeRun, NativeLoop, H_NATIVE_STEP, installCode, runNative, refAddress, isNoCode, LIST_LEN_OFFSET, LIST_ITEMS_OFFSET,
  fieldOffset, intBigOffset, tidRangeLow, tidRangeHigh, mapAddress, typeVersionAddress, dictVersionOffset,
} from '../native.ts';
import {
  X64Encoder, NOREG, RAX, RCX, RDX, RBX, RSP, RBP, R12, R13, R14, R15,
  ALU_ADD, ALU_SUB, ALU_AND, ALU_OR, ALU_CMP, SD_ADD, SD_SUB, SD_MUL, SD_DIV, SD_SQRT,
  CC_E, CC_NE, CC_L, CC_LE, CC_G, CC_GE, CC_A, CC_AE, CC_O, CC_P, CC_NP,
} from './encoder.ts';
import { X64Conventions, conventionsFor } from './conventions.ts';


// registers the code keeps for the whole run (callee-saved in both conventions)
const CTX = R15;
const INTS = R12;
const FLTS = R13;
const REFS = R14;
const FCONST = RBX;
const SCRATCH = RBP;

class GuardExit {
  at: int;
  pc: int;
  constructor(at: int, pc: int) {
    this.at = at;
    this.pc = pc;
  }
}

/** One trace's assembly: code, then the stubs, into one buffer. */
export class X64TraceAssembler {
  t: Trace;
  conv: X64Conventions;
  e: X64Encoder = new X64Encoder();
  exits: GuardExit[] = [];
  opOffsets: int[] = [];
  constructor(t: Trace, conv: X64Conventions) {
    this.t = t;
    this.conv = conv;
  }

  assemble(): int[] {
    const t = this.t;
    const e = this.e;
    // a run starts after the first LABEL; JUMP goes to the last one (after a peeled iteration,
    // which runs into it: its arguments already hold that iteration's values)
    const first = t.labelIndex();
    const label = t.loopLabelIndex();
    if (first < 0) throw new Error('x86_64: trace has no LABEL');
    this.prologue();
    let loopTop = e.pos();
    for (let pc = 0; pc < t.ops.length; pc++) {
      const op = t.ops[pc];
      if (pc === label) loopTop = e.pos();
      if (pc <= first || (isNoCode(op) && op !== IROp.FINISH)) {
        this.opOffsets.push(-1);
        continue;
      }
      this.opOffsets.push(e.pos());
      if (op === IROp.JUMP) {
        this.jumpToLabel(pc, label);
        e.patchBranch(e.jmp(0), loopTop);
      } else if (op === IROp.FINISH) {
        // the end of a bridge: the caller reads the FINISH's values, as after a guard
        this.exits.push(new GuardExit(e.jmp(0), pc));
      } else {
        this.op(pc);
      }
    }
    // a loop ends in JUMP, a bridge in FINISH; anything after would be a bug in the recorder
    e.int3();
    const epilogue = e.pos();
    const frame = this.conv.frameBytes();
    if (frame > 0) e.aluRI(ALU_ADD, RSP, frame);
    for (let k = this.conv.calleeSaved.length - 1; k >= 0; k--) e.pop(this.conv.calleeSaved[k]);
    e.ret();
    // one stub per guard: the guard's op index is the code's result
    for (const x of this.exits) {
      e.patchBranch(x.at, e.pos());
      e.movRI(RAX, x.pc);
      e.patchBranch(e.jmp(0), epilogue);
    }
    return e.code;
  }

  private prologue(): void {
    const e = this.e;
    for (const r of this.conv.calleeSaved) e.push(r);
    const frame = this.conv.frameBytes();
    if (frame > 0) e.aluRI(ALU_SUB, RSP, frame);
    e.movRR(CTX, this.conv.intArgs[0]);
    this.loadItems(INTS, offsetOf(NativeRun, 'ints'));
    this.loadItems(FLTS, offsetOf(NativeRun, 'floats'));
    this.loadItems(REFS, offsetOf(NativeRun, 'refs'));
    this.loadItems(FCONST, offsetOf(NativeRun, 'fconst'));
    this.loadItems(SCRATCH, offsetOf(NativeRun, 'scratch'));
  }
  private loadItems(dst: int, field: int): void {
    this.e.load64(RAX, CTX, NOREG, 1, field);
    this.e.load64(dst, RAX, NOREG, 1, LIST_ITEMS_OFFSET);
  }

  // ---- values ----
  private loadI(r: int, v: int): void {
    if (isConst(v)) this.e.movRI(r, this.t.getConstI(v));
    else this.e.load64(r, INTS, NOREG, 1, v * 8);
  }
  private loadR(r: int, v: int): void {
    if (isConst(v)) this.e.movRI(r, refAddress(this.t.getConstR(v)));
    else this.e.load64(r, REFS, NOREG, 1, v * 8);
  }
  private loadF(x: int, v: int): void {
    if (isConst(v)) this.e.movsdLoad(x, FCONST, NOREG, 1, constIndex(v) * 8);
    else this.e.movsdLoad(x, FLTS, NOREG, 1, v * 8);
  }
  /** the 64 bits of any value, into a general register */
  private loadBits(r: int, v: int): void {
    const k = this.t.kindOf(v);
    if (k === K_INT) this.loadI(r, v);
    else if (k === K_REF) this.loadR(r, v);
    else if (isConst(v)) this.e.load64(r, FCONST, NOREG, 1, constIndex(v) * 8);
    else this.e.load64(r, FLTS, NOREG, 1, v * 8);
  }
  private storeI(pc: int, r: int): void {
    this.e.store64(INTS, NOREG, 1, pc * 8, r);
  }
  private storeR(pc: int, r: int): void {
    this.e.store64(REFS, NOREG, 1, pc * 8, r);
  }
  private storeF(pc: int, x: int): void {
    this.e.movsdStore(FLTS, NOREG, 1, pc * 8, x);
  }
  private exitIf(cc: int, pc: int): void {
    this.exits.push(new GuardExit(this.e.jcc(cc, 0), pc));
  }

  private op(pc: int): void {
    const t = this.t;
    const e = this.e;
    const op = t.ops[pc];
    const s = t.argStart[pc];
    const a0 = t.argCount[pc] > 0 ? t.args[s] : 0;
    const a1 = t.argCount[pc] > 1 ? t.args[s + 1] : 0;
    switch (op) {
      case IROp.INT_ADD:
      case IROp.INT_SUB:
      case IROp.INT_MUL:
        this.loadI(RAX, a0);
        this.loadI(RCX, a1);
        if (op === IROp.INT_MUL) e.imulRR(RAX, RCX);
        else e.aluRR(op === IROp.INT_ADD ? ALU_ADD : ALU_SUB, RAX, RCX);
        this.storeI(pc, RAX);
        return;
      case IROp.INT_NEG:
        this.loadI(RAX, a0);
        e.neg(RAX);
        this.storeI(pc, RAX);
        return;
      case IROp.INT_ADD_OVF:
      case IROp.INT_SUB_OVF:
      case IROp.INT_MUL_OVF:
        this.overflowOp(pc, op, a0, a1);
        return;
      case IROp.INT_LT:
      case IROp.INT_LE:
      case IROp.INT_EQ:
      case IROp.INT_NE:
      case IROp.INT_GT:
      case IROp.INT_GE:
        this.loadI(RAX, a0);
        this.loadI(RCX, a1);
        this.compareInto(pc, INT_CC[op - IROp.INT_LT]);
        return;
      case IROp.PTR_EQ:
      case IROp.PTR_NE:
        this.loadR(RAX, a0);
        this.loadR(RCX, a1);
        this.compareInto(pc, op === IROp.PTR_EQ ? CC_E : CC_NE);
        return;
      case IROp.FLOAT_ADD:
      case IROp.FLOAT_SUB:
      case IROp.FLOAT_MUL:
      case IROp.FLOAT_TRUEDIV:
        this.loadF(0, a0);
        this.loadF(1, a1);
        e.sdRR(FLOAT_OPS[op - IROp.FLOAT_ADD], 0, 1);
        this.storeF(pc, 0);
        return;
      case IROp.FLOAT_SQRT:
        this.loadF(1, a0);
        e.sdRR(SD_SQRT, 0, 1);
        this.storeF(pc, 0);
        return;
      case IROp.FLOAT_LT:
      case IROp.FLOAT_LE:
      case IROp.FLOAT_GT:
      case IROp.FLOAT_GE:
        // a < b is b above a: unordered sets CF, so NaN compares false as in Python
        this.loadF(0, a0);
        this.loadF(1, a1);
        if (op === IROp.FLOAT_LT || op === IROp.FLOAT_LE) e.ucomisd(1, 0);
        else e.ucomisd(0, 1);
        e.setcc(op === IROp.FLOAT_LT || op === IROp.FLOAT_GT ? CC_A : CC_AE, RAX);
        e.movzxRR8(RAX, RAX);
        this.storeI(pc, RAX);
        return;
      case IROp.FLOAT_EQ:
      case IROp.FLOAT_NE:
        // equal: ZF and not PF (unordered sets both)
        this.loadF(0, a0);
        this.loadF(1, a1);
        e.ucomisd(0, 1);
        e.setcc(op === IROp.FLOAT_EQ ? CC_E : CC_NE, RAX);
        e.setcc(op === IROp.FLOAT_EQ ? CC_NP : CC_P, RCX);
        e.movzxRR8(RAX, RAX);
        e.movzxRR8(RCX, RCX);
        e.aluRR(op === IROp.FLOAT_EQ ? ALU_AND : ALU_OR, RAX, RCX);
        this.storeI(pc, RAX);
        return;
      case IROp.CAST_INT_TO_FLOAT:
        this.loadI(RAX, a0);
        e.cvtsi2sd(0, RAX);
        this.storeF(pc, 0);
        return;
      case IROp.GETFIELD_I:
        this.loadR(RAX, a0);
        if (t.descr[pc] === D_INT_SMALL) {
          e.load64(RAX, RAX, NOREG, 1, intBigOffset());
          e.testRR(RAX, RAX);
          e.setcc(CC_E, RAX);
          e.movzxRR8(RAX, RAX);
        } else {
          e.load64(RAX, RAX, NOREG, 1, fieldOffset(t.descr[pc]));
        }
        this.storeI(pc, RAX);
        return;
      case IROp.GETFIELD_F:
        this.loadR(RAX, a0);
        e.movsdLoad(0, RAX, NOREG, 1, fieldOffset(t.descr[pc]));
        this.storeF(pc, 0);
        return;
      case IROp.GETFIELD_R:
        this.loadR(RAX, a0);
        e.load64(RAX, RAX, NOREG, 1, fieldOffset(t.descr[pc]));
        this.storeR(pc, RAX);
        return;
      case IROp.SETFIELD_I:
        this.loadR(RAX, a0);
        this.loadI(RCX, a1);
        e.store64(RAX, NOREG, 1, fieldOffset(t.descr[pc]), RCX);
        return;
      case IROp.SETFIELD_R:
        this.loadR(RAX, a0);
        this.loadR(RCX, a1);
        this.storeRef(RAX, NOREG, fieldOffset(t.descr[pc]), RCX);
        return;
      case IROp.ARRAYLEN:
        this.loadR(RAX, a0);
        e.load64(RAX, RAX, NOREG, 1, fieldOffset(t.descr[pc]));
        e.load64(RAX, RAX, NOREG, 1, LIST_LEN_OFFSET);
        this.storeI(pc, RAX);
        return;
      case IROp.GETARRAYITEM_R:
        this.arrayItems(RAX, a0, pc);
        this.loadI(RCX, a1);
        e.load64(RAX, RAX, RCX, 8, 0);
        this.storeR(pc, RAX);
        return;
      case IROp.SETARRAYITEM_R:
        this.arrayItems(RAX, a0, pc);
        this.loadI(RCX, a1);
        this.loadR(RDX, t.args[s + 2]);
        this.storeRef(RAX, RCX, 0, RDX);
        return;
      case IROp.GUARD_TID:
        this.loadR(RAX, a0);
        e.testRR(RAX, RAX);
        this.exitIf(CC_E, pc);
        this.tidIn(RAX, t.descr[pc], pc);
        return;
      case IROp.GUARD_MAP:
        this.loadR(RAX, a0);
        e.testRR(RAX, RAX);
        this.exitIf(CC_E, pc);
        e.movRR(RDX, RAX);
        this.tidIn(RDX, TID_INSTANCE, pc);
        e.load64(RAX, RAX, NOREG, 1, offsetOf(PyInstance, 'map'));
        e.movRI(RCX, mapAddress(t.maps[t.descr[pc]]));
        e.aluRR(ALU_CMP, RAX, RCX);
        this.exitIf(CC_NE, pc);
        return;
      case IROp.GUARD_NOT_INVALIDATED:
        if (t.descr[pc] === INV_TYPES) {
          e.movRI(RAX, typeVersionAddress());
          e.load64(RAX, RAX, NOREG, 1, 0);
        } else {
          this.loadR(RAX, a0);
          e.load64(RAX, RAX, NOREG, 1, dictVersionOffset());
        }
        this.loadI(RCX, a1);
        e.aluRR(ALU_CMP, RAX, RCX);
        this.exitIf(CC_NE, pc);
        return;
      case IROp.GUARD_TRUE:
      case IROp.GUARD_FALSE:
        this.loadI(RAX, a0);
        e.testRR(RAX, RAX);
        this.exitIf(op === IROp.GUARD_TRUE ? CC_E : CC_NE, pc);
        return;
      case IROp.GUARD_NONNULL:
      case IROp.GUARD_ISNULL:
        this.loadR(RAX, a0);
        e.testRR(RAX, RAX);
        this.exitIf(op === IROp.GUARD_NONNULL ? CC_E : CC_NE, pc);
        return;
      case IROp.GUARD_VALUE: {
        const k = t.kindOf(a0);
        if (k === K_FLOAT) break;
        if (k === K_INT) {
          this.loadI(RAX, a0);
          this.loadI(RCX, a1);
        } else {
          this.loadR(RAX, a0);
          this.loadR(RCX, a1);
        }
        e.aluRR(ALU_CMP, RAX, RCX);
        this.exitIf(CC_NE, pc);
        return;
      }
      case IROp.GUARD_CLASS:
        this.loadR(RAX, a0);
        e.testRR(RAX, RAX);
        this.exitIf(CC_E, pc);
        e.load64(RAX, RAX, NOREG, 1, offsetOf(PyObject, 'cls'));
        this.loadR(RCX, a1);
        e.aluRR(ALU_CMP, RAX, RCX);
        this.exitIf(CC_NE, pc);
        return;
      case IROp.GUARD_NO_OVERFLOW:
        e.load64(RAX, CTX, NOREG, 1, offsetOf(NativeRun, 'ovf'));
        e.testRR(RAX, RAX);
        this.exitIf(CC_NE, pc);
        return;
      case IROp.GUARD_NO_EXCEPTION:
        e.load64(RAX, CTX, NOREG, 1, offsetOf(NativeRun, 'jf'));
        e.load64(RAX, RAX, NOREG, 1, offsetOf(JitFrame, 'exc'));
        e.testRR(RAX, RAX);
        this.exitIf(CC_NE, pc);
        return;
    }
    this.stepCall(pc);
  }

  /** r = the item buffer of the list field (descr of op pc) of ref v */
  private arrayItems(r: int, v: int, pc: int): void {
    this.loadR(r, v);
    this.e.load64(r, r, NOREG, 1, fieldOffset(this.t.descr[pc]));
    this.e.load64(r, r, NOREG, 1, LIST_ITEMS_OFFSET);
  }
  /** Leaves at pc unless the object at r (not null) has a type id in the descr's class range
   * (clobbers r: tid - lo). */
  private tidIn(r: int, d: int, pc: int): void {
    const lo = tidRangeLow(d);
    this.e.load32(r, r, NOREG, 1, 0);
    this.e.aluRI(ALU_SUB, r, lo);
    this.e.aluRI(ALU_CMP, r, tidRangeHigh(d) - lo);
    this.exitIf(CC_AE, pc);
  }
  /** Every pointer store into the heap goes through here: the one place a write barrier
   * (for a generational GC) will be emitted. [base + index*8 + disp] = src. */
  private storeRef(base: int, index: int, disp: int, src: int): void {
    this.e.store64(base, index, 8, disp, src);
  }

  /** dst = a (op) b with the overflow flag the next GUARD_NO_OVERFLOW reads: overflow is
   * leaving ±MAX_INT (rlib's checked range), or the 64-bit product overflowing */
  private overflowOp(pc: int, op: int, a0: int, a1: int): void {
    const e = this.e;
    this.loadI(RAX, a0);
    this.loadI(RCX, a1);
    e.movRI(RDX, 1);
    const outs: int[] = [];
    if (op === IROp.INT_MUL_OVF) {
      e.imulRR(RAX, RCX);
      outs.push(e.jcc(CC_O, 0));
    } else {
      e.aluRR(op === IROp.INT_ADD_OVF ? ALU_ADD : ALU_SUB, RAX, RCX);
    }
    e.movRI(RCX, MAX_INT);
    e.aluRR(ALU_CMP, RAX, RCX);
    outs.push(e.jcc(CC_G, 0));
    e.movRI(RCX, MIN_INT);
    e.aluRR(ALU_CMP, RAX, RCX);
    outs.push(e.jcc(CC_L, 0));
    this.storeI(pc, RAX);
    e.movRI(RDX, 0);
    for (const at of outs) e.patchBranch(at, e.pos());
    e.store64(CTX, NOREG, 1, offsetOf(NativeRun, 'ovf'), RDX);
  }

  /** ints[pc] = 1 when rax (cc) rcx, else 0 */
  private compareInto(pc: int, cc: int): void {
    this.e.aluRR(ALU_CMP, RAX, RCX);
    this.e.setcc(cc, RAX);
    this.e.movzxRR8(RAX, RAX);
    this.storeI(pc, RAX);
  }

  /** Runs op pc through the shared executor (a helper call; values stay in the jitframe,
   * so nothing in registers needs saving for the collector). A helper that raised an RTS
   * error (not a Python exception, which the executor keeps in the jitframe) leaves it
   * pending: the code returns at once and execmem.call rethrows it. */
  private stepCall(pc: int): void {
    const e = this.e;
    e.movRR(this.conv.intArgs[0], CTX);
    e.movRI(this.conv.intArgs[1], pc);
    e.movRI(RAX, helperAddress(H_NATIVE_STEP));
    e.callR(RAX);
    e.movRI(RCX, excAddress());
    e.load64(RCX, RCX, NOREG, 1, 0);
    e.testRR(RCX, RCX);
    this.exitIf(CC_NE, pc);
    if ((OPS.defs[this.t.ops[pc]].flags & F_GUARD) !== 0) {
      e.testRR(RAX, RAX);
      this.exitIf(CC_NE, pc);
    }
  }

  /** The LABEL's arguments take the JUMP's values, all read before any is written. */
  private jumpToLabel(pc: int, label: int): void {
    const t = this.t;
    const e = this.e;
    const s = t.argStart[pc];
    const ls = t.argStart[label];
    const m = t.argCount[label];
    for (let k = 0; k < m; k++) {
      this.loadBits(RAX, t.args[s + k]);
      e.store64(SCRATCH, NOREG, 1, k * 8, RAX);
    }
    for (let k = 0; k < m; k++) {
      const dst = t.args[ls + k];
      e.load64(RAX, SCRATCH, NOREG, 1, k * 8);
      const kind = t.kindOf(dst);
      const base = kind === K_INT ? INTS : kind === K_FLOAT ? FLTS : REFS;
      e.store64(base, NOREG, 1, dst * 8, RAX);
    }
  }
}

const INT_CC = [CC_L, CC_LE, CC_E, CC_NE, CC_G, CC_GE];
const FLOAT_OPS = [SD_ADD, SD_SUB, SD_MUL, SD_DIV];

export class X64Backend extends Backend {
  conv: X64Conventions;
  constructor(arch: string) {
    super('x86_64');
    this.conv = conventionsFor(arch);
  }
  compileLoop(trace: Trace): CompiledLoop {
    const a = new X64TraceAssembler(trace, this.conv);
    const code = a.assemble();
    const h = installCode(code);
    if (h === 0) throw new Error('x86_64: no executable memory for the trace');
    return new NativeLoop(trace, h, code, a.opOffsets);
  }
  run(loop: CompiledLoop, jf: JitFrame): int {
    return runNative(loop as NativeLoop, jf);
  }
  override codeOf(loop: CompiledLoop): int[] {
    return (loop as NativeLoop).code;
  }
}

/** True when this binary can run x86-64 code (translated, on an x86-64 host). */
export function x64Available(): boolean {
  const a = execmem.targetArch();
  return execmem.available() && (a === 'x86_64' || a === 'x86_64-win64');
}
