// The shared trace assembler of the native backends: lowers a trace, with the locations the
// register allocator chose (regalloc.ts), to the instructions of a NativeIsa. What it owns,
// for every ISA:
// - the entry: the ISA's prologue, the jitframe bases, the loop's inputs loaded into registers;
// - operands: registers as allocated; spilled values and constants through scratch registers;
// - the JUMP: a parallel move of the next iteration's values into the LABEL's fixed locations;
// - guard stubs: one per guard, out of line, storing the registers live at the guard (what its
//   snapshot and the rest of the trace read) into the jitframe and returning the guard's index;
// - calls: the common residual calls and allocations call their helper directly, arguments in
//   registers (direct.ts); other ops it does not lower itself run through llgraph's executor
//   (native.ts); either way the registers live across the call are stored into the jitframe
//   first (pointers into refs[], the GC's precise roots) and reloaded after;
// - one routine for every pointer store into the heap (storeRef: the write barrier's home).
import type { int } from '../../../translate/rlib/index.ts';
import { offsetOf, helperAddress, excAddress, allocAddress, MAX_INT, MIN_INT } from '../../../translate/rlib/index.ts';
import { PyObject, PyInstance } from '../../objects/core.ts';
import {
  Trace, IROp, OPS, K_INT, K_FLOAT, K_REF, F_GUARD, isConst, constIndex, D_INT_SMALL, INV_TYPES, TID_INSTANCE, VBASE, UNSET,
} from '../../jit/ir.ts';
import { JitFrame, BridgeLink, EntryLink, EXIT_LOOP_AGAIN, EXIT_SWITCH, EXIT_SHIFT } from '../model.ts';
import {
  NativeRun, H_NATIVE_STEP, refAddress, isNoCode, LIST_LEN_OFFSET, LIST_ITEMS_OFFSET, fieldOffset, smallIntTid,
  tidRangeLow, tidRangeHigh, mapAddress, typeVersionAddress, dictVersionOffset, BoxLayout, intBoxLayout, floatBoxLayout,
  smallIntsAddress,
} from '../native.ts';
import {
  NativeIsa, A_ADD, A_SUB, A_MUL, A_AND, A_OR, A_XOR, C_LT, C_LE, C_EQ, C_NE, C_GT, C_GE, C_AE, FA_ADD, FA_SUB, FA_MUL, FA_DIV,
} from './isa.ts';
import { Liveness, liveness, undoneAt } from './liveness.ts';
import { Allocation, allocate, SPILLED } from './regalloc.ts';
import { directHelper, takesRun } from './direct.ts';

class Exit {
  site: int;
  pc: int;
  /** false after a call: the registers were stored before it and are clobbered now */
  save: boolean;
  /** a comparison fused into its guard (never computed): its slot gets knownVal at the exit,
   * the value the guard failed on (-1: none) */
  known: int = -1;
  knownVal: int = 0;
  constructor(site: int, pc: int, save: boolean) {
    this.site = site;
    this.pc = pc;
    this.save = save;
  }
}

/** A place a value lives at a JUMP: a register of its class, or its jitframe slot. */
class Loc {
  kind: int;
  reg: int;
  slot: int;
  constructor(kind: int, reg: int, slot: int) {
    this.kind = kind;
    this.reg = reg;
    this.slot = slot;
  }
  key(): int {
    // doubles have their own registers; slots are per kind (three arrays)
    if (this.reg >= 0) return (this.kind === K_FLOAT ? 1000 : 0) + this.reg;
    return 2000 + this.slot * 4 + this.kind;
  }
}
class Move {
  dst: Loc;
  src: Loc;
  constructor(dst: Loc, src: Loc) {
    this.dst = dst;
    this.src = src;
  }
}

export class NativeTraceAssembler {
  t: Trace;
  isa: NativeIsa;
  lv: Liveness;
  al: Allocation;
  exits: Exit[] = [];
  /** offset of each op's code (-1: none), for dumps */
  opOffsets: int[] = [];
  /** where a run of the loop begins after the prologue (linked bridges jump back here) */
  entryOffset: int = 0;
  /** the link site in each guard's exit stub (op index -> offset; -1: none) */
  linkSites: int[] = [];
  /** per value, while the trace's straight-line code is emitted: its register and its slot
   * hold the same (stored or reloaded since the register was last written), so the store
   * before a call can be left out */
  clean: boolean[] = [];
  /** the layouts of int and float boxes, once an op allocates one */
  intBox: BoxLayout | null = null;
  floatBox: BoxLayout | null = null;
  constructor(t: Trace, isa: NativeIsa) {
    this.t = t;
    this.isa = isa;
    this.lv = liveness(t);
    // a trace without doubles has more general registers on ISAs that can spare the bases
    if (!hasDoubles(t)) isa.freeFloatBases();
    this.al = allocate(t, this.lv, isa.gprs.length, isa.fprs.length);
    // sized before the prologue, whose reloads mark the inputs clean (RTS lists do not grow
    // on a store past their end)
    for (let i = 0; i < t.ops.length; i++) this.clean.push(false);
  }

  assemble(): int[] {
    const t = this.t;
    const isa = this.isa;
    const first = t.labelIndex();
    const label = t.loopLabelIndex();
    if (first < 0) throw new Error(`${isa.name}: trace has no LABEL`);
    this.prologue(first);
    for (let i = 0; i < t.ops.length; i++) this.linkSites.push(-1);
    let loopTop = isa.pos();
    for (let pc = 0; pc < t.ops.length; pc++) {
      const op = t.ops[pc];
      if (pc === label) {
        // a join (the peeled iteration and the back-edge): nothing is known clean here
        loopTop = isa.pos();
        for (let v = 0; v < pc; v++) this.clean[v] = false;
      }
      if (pc <= first || (isNoCode(op) && op !== IROp.FINISH)) {
        this.opOffsets.push(-1);
        continue;
      }
      this.opOffsets.push(isa.pos());
      if (op === IROp.JUMP) {
        this.jumpToLabel(pc, label);
        this.countIteration();
        isa.patch(isa.jump(), loopTop);
      } else if (op === IROp.FINISH) {
        // the end of a bridge: the caller reads the FINISH's values, as after a guard
        this.exits.push(new Exit(isa.jump(), pc, true));
      } else if (this.fusedCompare(pc) >= 0) {
        const g = this.fusedCompare(pc);
        this.compareGuard(pc, g);
        while (pc < g) {
          pc++;
          this.opOffsets.push(-1);
        }
      } else if (this.fusedOverflow(pc) >= 0) {
        const g = this.fusedOverflow(pc);
        this.overflowOp(pc, g);
        while (pc < g) {
          pc++;
          this.opOffsets.push(-1);
        }
      } else {
        this.op(pc);
      }
    }
    // a loop ends in JUMP, a bridge in FINISH; anything after would be a bug in the recorder
    isa.trap();
    // one stub per guard (and per kind of exit: after a call, nothing is left to save)
    const stubs: Map<int, int> = new Map<int, int>();
    for (const x of this.exits) {
      const key = x.pc * 2 + (x.save ? 1 : 0);
      const at = stubs.get(key);
      if (at !== undefined) {
        isa.patch(x.site, at);
        continue;
      }
      stubs.set(key, isa.pos());
      isa.patch(x.site, isa.pos());
      if (x.save) this.saveLive(x.pc, undoneAt(this.t, x.pc), false);
      if (x.known >= 0) {
        isa.movImm(isa.tmp[0], x.knownVal);
        isa.store(isa.intsBase, x.known * 8, isa.tmp[0]);
      }
      // a guard's stub may later be linked to a bridge, with every live value in the jitframe;
      // an entry trace's FINISH to the loop it ends in (EntryLink)
      if (x.save && ((OPS.defs[t.ops[x.pc]].flags & F_GUARD) !== 0 || t.ops[x.pc] === IROp.FINISH)) this.linkSites[x.pc] = isa.linkSite();
      isa.returnImm(x.pc);
    }
    return isa.code();
  }

  /** the number of values spilled to the jitframe */
  spills(): int {
    return this.al.spills;
  }

  private prologue(first: int): void {
    const isa = this.isa;
    isa.prologue();
    this.entryOffset = isa.pos();
    this.loadItems(isa.intsBase, offsetOf(NativeRun, 'ints'));
    if (isa.floatsBase >= 0) this.loadItems(isa.floatsBase, offsetOf(NativeRun, 'floats'));
    this.loadItems(isa.refsBase, offsetOf(NativeRun, 'refs'));
    if (isa.fconstBase >= 0) this.loadItems(isa.fconstBase, offsetOf(NativeRun, 'fconst'));
    if (this.t.ops[this.t.ops.length - 1] === IROp.JUMP) this.countIteration();
    // the loop's inputs arrive in the jitframe
    for (let v = 0; v < first; v++) this.reload(v);
  }
  /** run.iters++ (the JIT gives up loops that run few iterations an entry) */
  private countIteration(): void {
    const isa = this.isa;
    const off = offsetOf(NativeRun, 'iters');
    if (isa.addMem(isa.ctx, off, 1)) return;
    isa.load(isa.tmp[2], isa.ctx, off);
    if (!isa.aluImm(A_ADD, isa.tmp[2], isa.tmp[2], 1)) {
      isa.movImm(isa.tmp[1], 1);
      isa.alu(A_ADD, isa.tmp[2], isa.tmp[2], isa.tmp[1]);
    }
    isa.store(isa.ctx, off, isa.tmp[2]);
  }
  private loadItems(dst: int, field: int): void {
    this.isa.load(dst, this.isa.ctx, field);
    this.isa.load(dst, dst, LIST_ITEMS_OFFSET);
  }

  // ---- where values are ----
  private baseOf(kind: int): int {
    return kind === K_INT ? this.isa.intsBase : kind === K_FLOAT ? this.isa.floatsBase : this.isa.refsBase;
  }
  /** register v lives in (-1: its slot, or no location) */
  private regOf(v: int): int {
    const l = this.al.loc[v];
    if (l < 0) return -1;
    return this.t.kindOf(v) === K_FLOAT ? this.isa.fprs[l] : this.isa.gprs[l];
  }
  /** Stores the register of v into its slot (nothing when v lives in its slot). Inline (in
   * the trace's straight-line code, not a stub): nothing when the slot holds it already. */
  private spillReg(v: int, inline: boolean): void {
    const r = this.regOf(v);
    if (r < 0) return;
    if (inline) {
      if (this.clean[v]) return;
      this.clean[v] = true;
    }
    const k = this.t.kindOf(v);
    if (k === K_FLOAT) this.isa.fstore(this.baseOf(k), v * 8, r);
    else this.isa.store(this.baseOf(k), v * 8, r);
  }
  /** Loads the register of v from its slot. */
  private reload(v: int): void {
    const r = this.regOf(v);
    if (r < 0) return;
    this.clean[v] = true;
    const k = this.t.kindOf(v);
    if (k === K_FLOAT) this.isa.fload(r, this.baseOf(k), v * 8);
    else this.isa.load(r, this.baseOf(k), v * 8);
  }
  /** Stores every register holding a value defined before pc and read at or after pc, but
   * value skip (an overflowed result); inline as spillReg. */
  private saveLive(pc: int, skip: int, inline: boolean): void {
    for (let v = 0; v < pc; v++) if (this.lv.end[v] >= pc && v !== skip) this.spillReg(v, inline);
  }
  /** the general register holding int or ref value v (scratch register i for a constant or
   * a spilled value) */
  private gIn(v: int, i: int): int {
    const isa = this.isa;
    if (isConst(v)) {
      const r = isa.tmp[i];
      isa.movImm(r, this.t.kindOf(v) === K_INT ? this.t.getConstI(v) : refAddress(this.t.getConstR(v)));
      return r;
    }
    const r = this.regOf(v);
    if (r >= 0) return r;
    isa.load(isa.tmp[i], this.baseOf(this.t.kindOf(v)), v * 8);
    return isa.tmp[i];
  }
  private fIn(v: int, i: int): int {
    const isa = this.isa;
    if (isConst(v)) {
      isa.fload(isa.ftmp[i], isa.fconstBase, constIndex(v) * 8);
      return isa.ftmp[i];
    }
    const r = this.regOf(v);
    if (r >= 0) return r;
    isa.fload(isa.ftmp[i], isa.floatsBase, v * 8);
    return isa.ftmp[i];
  }
  /** the register op pc's result is computed into (scratch 0 when it has none) */
  private gOut(pc: int): int {
    const r = this.regOf(pc);
    return r >= 0 ? r : this.isa.tmp[0];
  }
  private fOut(pc: int): int {
    const r = this.regOf(pc);
    return r >= 0 ? r : this.isa.ftmp[0];
  }
  /** the result of pc, computed into r, goes to its slot when it lives there */
  private gDone(pc: int, r: int): void {
    if (this.al.loc[pc] === SPILLED) this.isa.store(this.baseOf(this.t.kindOf(pc)), pc * 8, r);
  }
  private fDone(pc: int, r: int): void {
    if (this.al.loc[pc] === SPILLED) this.isa.fstore(this.isa.floatsBase, pc * 8, r);
  }
  private exit(site: int, pc: int): void {
    this.exits.push(new Exit(site, pc, true));
  }

  private op(pc: int): void {
    const t = this.t;
    const isa = this.isa;
    const tmp = isa.tmp;
    const op = t.ops[pc];
    const s = t.argStart[pc];
    const a0 = t.argCount[pc] > 0 ? t.args[s] : 0;
    const a1 = t.argCount[pc] > 1 ? t.args[s + 1] : 0;
    switch (op) {
      case IROp.INT_ADD:
      case IROp.INT_SUB:
      case IROp.INT_MUL:
      case IROp.INT_AND:
      case IROp.INT_OR:
      case IROp.INT_XOR: {
        const aop = ALU_OF_OP[op - IROp.INT_ADD];
        const a = this.gIn(a0, 0);
        const d = this.gOut(pc);
        if (this.constIntArg(a1) && isa.aluImm(aop, d, a, t.getConstI(a1))) {
          this.gDone(pc, d);
          return;
        }
        const b = this.gIn(a1, 1);
        isa.alu(aop, d, a, b);
        this.gDone(pc, d);
        return;
      }
      case IROp.INT_RSHIFT: {
        // inline for a constant count (x >> 8); a variable one through the executor
        if (!isConst(a1)) break;
        const a = this.gIn(a0, 0);
        const d = this.gOut(pc);
        isa.sarImm(d, a, t.getConstI(a1));
        this.gDone(pc, d);
        return;
      }
      case IROp.INT_NEG: {
        const a = this.gIn(a0, 0);
        const d = this.gOut(pc);
        isa.neg(d, a);
        this.gDone(pc, d);
        return;
      }
      case IROp.INT_ADD_OVF:
      case IROp.INT_SUB_OVF:
      case IROp.INT_MUL_OVF:
        this.overflowOp(pc, -1);
        return;
      case IROp.INT_FLOORDIV:
      case IROp.INT_MOD: {
        // inline for a constant divisor (i % 100); a variable one may be zero, which the
        // executor reports
        if (!isConst(a1) || t.getConstI(a1) === 0 || t.getConstI(a1) === -1) break;
        const a = this.gIn(a0, 0);
        const b = this.gIn(a1, 1);
        const d = this.gOut(pc);
        isa.floorDivMod(op === IROp.INT_MOD, d, a, b);
        this.gDone(pc, d);
        return;
      }
      case IROp.INT_LT:
      case IROp.INT_LE:
      case IROp.INT_EQ:
      case IROp.INT_NE:
      case IROp.INT_GT:
      case IROp.INT_GE:
      case IROp.PTR_EQ:
      case IROp.PTR_NE: {
        const a = this.gIn(a0, 0);
        const b = this.gIn(a1, 1);
        const d = this.gOut(pc);
        isa.setCond(op === IROp.PTR_EQ ? C_EQ : op === IROp.PTR_NE ? C_NE : INT_COND[op - IROp.INT_LT], d, a, b);
        this.gDone(pc, d);
        return;
      }
      case IROp.FLOAT_ADD:
      case IROp.FLOAT_SUB:
      case IROp.FLOAT_MUL:
      case IROp.FLOAT_TRUEDIV: {
        const a = this.fIn(a0, 0);
        const b = this.fIn(a1, 1);
        const d = this.fOut(pc);
        isa.falu(FLOAT_OP[op - IROp.FLOAT_ADD], d, a, b);
        this.fDone(pc, d);
        return;
      }
      case IROp.FLOAT_SQRT: {
        const a = this.fIn(a0, 0);
        const d = this.fOut(pc);
        isa.fsqrt(d, a);
        this.fDone(pc, d);
        return;
      }
      case IROp.FLOAT_LT:
      case IROp.FLOAT_LE:
      case IROp.FLOAT_EQ:
      case IROp.FLOAT_NE:
      case IROp.FLOAT_GT:
      case IROp.FLOAT_GE: {
        const a = this.fIn(a0, 0);
        const b = this.fIn(a1, 1);
        const d = this.gOut(pc);
        isa.fsetCond(FLOAT_COND[op - IROp.FLOAT_LT], d, a, b);
        this.gDone(pc, d);
        return;
      }
      case IROp.CAST_INT_TO_FLOAT: {
        const a = this.gIn(a0, 0);
        const d = this.fOut(pc);
        isa.intToFloat(d, a);
        this.fDone(pc, d);
        return;
      }
      case IROp.SAME_AS_I:
      case IROp.SAME_AS_R: {
        const a = this.gIn(a0, 0);
        const d = this.gOut(pc);
        if (d !== a) isa.mov(d, a);
        this.gDone(pc, d);
        return;
      }
      case IROp.SAME_AS_F: {
        const a = this.fIn(a0, 0);
        const d = this.fOut(pc);
        if (d !== a) isa.fmov(d, a);
        this.fDone(pc, d);
        return;
      }
      case IROp.GETFIELD_I: {
        const o = this.gIn(a0, 0);
        const d = this.gOut(pc);
        if (t.descr[pc] === D_INT_SMALL) {
          // small: a PyInt, not a PyBigInt (o's class is int: no PyIntSub)
          isa.load32(d, o, 0);
          isa.movImm(tmp[2], smallIntTid());
          isa.setCond(C_EQ, d, d, tmp[2]);
        } else {
          isa.load(d, o, fieldOffset(t.descr[pc]));
        }
        this.gDone(pc, d);
        return;
      }
      case IROp.GETFIELD_F: {
        const o = this.gIn(a0, 0);
        const d = this.fOut(pc);
        isa.fload(d, o, fieldOffset(t.descr[pc]));
        this.fDone(pc, d);
        return;
      }
      case IROp.GETFIELD_R: {
        const o = this.gIn(a0, 0);
        const d = this.gOut(pc);
        isa.load(d, o, fieldOffset(t.descr[pc]));
        this.gDone(pc, d);
        return;
      }
      case IROp.SETFIELD_I: {
        const o = this.gIn(a0, 0);
        const x = this.gIn(a1, 1);
        isa.store(o, fieldOffset(t.descr[pc]), x);
        return;
      }
      case IROp.SETFIELD_R: {
        const o = this.gIn(a0, 0);
        const x = this.gIn(a1, 1);
        this.storeRef(o, fieldOffset(t.descr[pc]), -1, x);
        return;
      }
      case IROp.ARRAYLEN: {
        const o = this.gIn(a0, 0);
        const d = this.gOut(pc);
        isa.load(d, o, fieldOffset(t.descr[pc]));
        isa.load(d, d, LIST_LEN_OFFSET);
        this.gDone(pc, d);
        return;
      }
      case IROp.GETARRAYITEM_R: {
        const o = this.gIn(a0, 0);
        this.itemsOf(tmp[2], o, pc);
        const d = this.gOut(pc);
        // a constant index (an instance's slot, a global's entry) is a displacement
        if (this.constIndexArg(a1)) isa.load(d, tmp[2], t.getConstI(a1) * 8);
        else isa.loadIdx(d, tmp[2], this.gIn(a1, 1));
        this.gDone(pc, d);
        return;
      }
      case IROp.SETARRAYITEM_R: {
        const o = this.gIn(a0, 0);
        this.itemsOf(tmp[2], o, pc);
        const x = this.gIn(t.args[s + 2], 0);
        if (this.constIndexArg(a1)) this.storeRef(tmp[2], t.getConstI(a1) * 8, -1, x);
        else this.storeRef(tmp[2], 0, this.gIn(a1, 1), x);
        return;
      }
      case IROp.GUARD_TRUE:
      case IROp.GUARD_FALSE:
      case IROp.GUARD_NONNULL:
      case IROp.GUARD_ISNULL: {
        const a = this.gIn(a0, 0);
        this.exit(isa.branchZero(a, op === IROp.GUARD_TRUE || op === IROp.GUARD_NONNULL), pc);
        return;
      }
      case IROp.GUARD_VALUE: {
        if (t.kindOf(a0) === K_FLOAT) break;
        const a = this.gIn(a0, 0);
        if (this.constIntArg(a1)) {
          const at = isa.branchImm(C_NE, a, t.getConstI(a1));
          if (at >= 0) {
            this.exit(at, pc);
            return;
          }
        }
        const b = this.gIn(a1, 1);
        this.exit(isa.branch(C_NE, a, b), pc);
        return;
      }
      case IROp.GUARD_CLASS: {
        const o = this.gIn(a0, 0);
        this.exit(isa.branchZero(o, true), pc);
        isa.load(tmp[2], o, offsetOf(PyObject, 'cls'));
        const c = this.gIn(a1, 1);
        this.exit(isa.branch(C_NE, tmp[2], c), pc);
        return;
      }
      case IROp.GUARD_TID: {
        const o = this.gIn(a0, 0);
        this.exit(isa.branchZero(o, true), pc);
        this.tidIn(o, t.descr[pc], pc);
        return;
      }
      case IROp.GUARD_MAP: {
        const o = this.gIn(a0, 0);
        this.exit(isa.branchZero(o, true), pc);
        this.tidIn(o, TID_INSTANCE, pc);
        isa.load(tmp[2], o, offsetOf(PyInstance, 'map'));
        isa.movImm(tmp[1], mapAddress(t.maps[t.descr[pc]]));
        this.exit(isa.branch(C_NE, tmp[2], tmp[1]), pc);
        return;
      }
      case IROp.GUARD_NOT_INVALIDATED: {
        if (t.descr[pc] === INV_TYPES) {
          isa.movImm(tmp[2], typeVersionAddress());
          isa.load(tmp[2], tmp[2], 0);
        } else {
          const o = this.gIn(a0, 0);
          isa.load(tmp[2], o, dictVersionOffset());
        }
        const ver = this.gIn(a1, 1);
        this.exit(isa.branch(C_NE, tmp[2], ver), pc);
        return;
      }
      case IROp.GUARD_NO_OVERFLOW:
        isa.load(tmp[2], isa.ctx, offsetOf(NativeRun, 'ovf'));
        this.exit(isa.branchZero(tmp[2], false), pc);
        return;
      case IROp.GUARD_NO_EXCEPTION:
        isa.load(tmp[2], isa.ctx, offsetOf(NativeRun, 'jf'));
        isa.load(tmp[2], tmp[2], offsetOf(JitFrame, 'exc'));
        this.exit(isa.branchZero(tmp[2], false), pc);
        return;
    }
    if ((op === IROp.NEW_INT || op === IROp.NEW_FLOAT) && this.inlineNew(pc)) return;
    if (!this.directCall(pc)) this.stepCall(pc);
  }

  /** NEW_INT or NEW_FLOAT allocated by the code itself, as newInt does: a small int is
   * newInt's cached one; else the next cell of the box's size class in the window of its bump
   * region the collector counted beforehand (gc.c jit_end), the header and fields written.
   * When the window is used up, rts_jit_alloc (registers live across it stored first, as for
   * a helper call): it may collect, and opens the next window. False when the runtime wants
   * every allocation through rts_alloc (then the direct helper allocates). */
  private inlineNew(pc: int): boolean {
    const t = this.t;
    const isa = this.isa;
    const tmp = isa.tmp;
    const op = t.ops[pc];
    if (op === IROp.NEW_INT && this.intBox === null) this.intBox = intBoxLayout();
    if (op === IROp.NEW_FLOAT && this.floatBox === null) this.floatBox = floatBoxLayout();
    const L = (op === IROp.NEW_INT ? this.intBox : this.floatBox) as BoxLayout;
    if (!L.ok) return false;
    const regs = isa.argRegs([K_INT, K_INT]);
    if (regs === null) return false;
    const a0 = t.args[t.argStart[pc]];
    const d = this.gOut(pc);
    const dones: int[] = [];
    if (op === IROp.NEW_INT) {
      // -5..256: newInt's shared box
      const a = this.gIn(a0, 1);
      this.addImm(tmp[2], a, 5, tmp[2]);
      let notSmall = isa.branchImm(C_AE, tmp[2], 262);
      if (notSmall < 0) {
        isa.movImm(tmp[1], 262);
        notSmall = isa.branch(C_AE, tmp[2], tmp[1]);
      }
      isa.movImm(tmp[1], smallIntsAddress());
      isa.load(tmp[1], tmp[1], LIST_ITEMS_OFFSET);
      isa.loadIdx(tmp[2], tmp[1], tmp[2]);
      dones.push(isa.jump());
      isa.patch(notSmall, isa.pos());
    }
    // the collector's words are close together: one base register (tmp[0]) reaches them all
    const B = tmp[0];
    const base = allocBase(L);
    isa.movImm(B, base);
    // a cell left in the window: bump past it (the window's end compared in memory where
    // the ISA can, x86-64; else the room left against the cell size)
    let usedUp: int;
    isa.load(tmp[2], B, L.bump - base);
    if (isa.memCompare) {
      this.addImm(tmp[1], tmp[2], L.cell, tmp[1]);
      usedUp = isa.branchMem(C_LT, B, L.jitEnd - base, tmp[1]);
    } else {
      isa.load(tmp[1], B, L.jitEnd - base);
      isa.alu(A_SUB, tmp[1], tmp[1], tmp[2]);
      usedUp = isa.branchImm(C_LT, tmp[1], L.cell);
      if (usedUp < 0) {
        isa.movImm(B, L.cell);
        usedUp = isa.branch(C_LT, tmp[1], B);
        isa.movImm(B, base);
      }
      this.addImm(tmp[1], tmp[2], L.cell, tmp[1]);
    }
    isa.store(B, L.bump - base, tmp[1]);
    // the cell (tmp[2]): header, class and value (BoxLayout: no other word to zero)
    isa.load(tmp[0], B, L.hdrFlags - base);
    if (!isa.aluImm(A_OR, tmp[0], tmp[0], L.tidWord)) {
      isa.movImm(tmp[1], L.tidWord);
      isa.alu(A_OR, tmp[0], tmp[0], tmp[1]);
    }
    isa.store(tmp[2], 0, tmp[0]);
    this.boxFields(pc, L, a0);
    dones.push(isa.jump());
    // out of line: rts_jit_alloc (it collects, or opens the next window)
    isa.patch(usedUp, isa.pos());
    // the fast path stored nothing: what is clean there stays as it was
    const clean = this.clean.slice(0);
    this.saveLive(pc, -1, false);
    isa.movImm(regs[0], L.tid);
    isa.movImm(regs[1], L.size);
    isa.callAddr(allocAddress());
    isa.mov(tmp[2], tmp[0]);
    isa.movImm(tmp[1], excAddress());
    isa.load(tmp[1], tmp[1], 0);
    this.exits.push(new Exit(isa.branchZero(tmp[1], false), pc, false));
    // the value boxed too, should its range end here (saveLive stored it)
    for (let v = 0; v < pc; v++) if (this.lv.end[v] > pc || v === a0) this.reload(v);
    this.clean = clean;
    this.boxFields(pc, L, a0);
    for (const at of dones) isa.patch(at, isa.pos());
    isa.mov(d, tmp[2]);
    this.gDone(pc, d);
    return true;
  }
  /** d = a + imm (scratch register x, not a, when the ISA has no immediate form) */
  private addImm(d: int, a: int, imm: int, x: int): void {
    if (this.isa.aluImm(A_ADD, d, a, imm)) return;
    this.isa.movImm(x, imm);
    this.isa.alu(A_ADD, d, a, x);
  }
  /** the class and value of a new box (its address in tmp[2]) */
  private boxFields(pc: int, L: BoxLayout, a0: int): void {
    const isa = this.isa;
    const tmp = isa.tmp;
    isa.movImm(tmp[0], L.cls);
    isa.store(tmp[2], offsetOf(PyObject, 'cls'), tmp[0]);
    if (this.t.ops[pc] === IROp.NEW_INT) isa.store(tmp[2], L.vOffset, this.gIn(a0, 0));
    else isa.fstore(tmp[2], L.vOffset, this.fIn(a0, 0));
  }

  /** r = the item buffer of the list field (descr of op pc) of the object in register o */
  private itemsOf(r: int, o: int, pc: int): void {
    this.isa.load(r, o, fieldOffset(this.t.descr[pc]));
    this.isa.load(r, r, LIST_ITEMS_OFFSET);
  }
  /** Leaves at pc unless the object in register o (not null) has a type id in the descr's
   * class range (unsigned tid - lo < hi - lo). */
  private tidIn(o: int, d: int, pc: int): void {
    const isa = this.isa;
    const lo = tidRangeLow(d);
    isa.load32(isa.tmp[2], o, 0);
    isa.movImm(isa.tmp[1], lo);
    isa.alu(A_SUB, isa.tmp[2], isa.tmp[2], isa.tmp[1]);
    isa.movImm(isa.tmp[1], tidRangeHigh(d) - lo);
    this.exit(isa.branch(C_AE, isa.tmp[2], isa.tmp[1]), pc);
  }
  /** Every pointer store into the heap goes through here: the one place a write barrier (for
   * a generational GC) will be emitted. [base + disp] = src, or [base + index*8] = src. */
  private storeRef(base: int, disp: int, index: int, src: int): void {
    if (index < 0) this.isa.store(base, disp, src);
    else this.isa.storeIdx(base, index, src);
  }

  /** The GUARD_TRUE or GUARD_FALSE that directly follows integer comparison pc (merge points
   * aside) and is the only reader of its result (no later op, no snapshot): the comparison
   * then branches straight to the guard's stub (-1: no such guard). */
  private fusedCompare(pc: int): int {
    const t = this.t;
    const op = t.ops[pc];
    if (op < IROp.INT_LT || op > IROp.INT_GE) return -1;
    let g = pc + 1;
    while (g < t.ops.length && t.ops[g] === IROp.DEBUG_MERGE_POINT) g++;
    if (g >= t.ops.length || (t.ops[g] !== IROp.GUARD_TRUE && t.ops[g] !== IROp.GUARD_FALSE)) return -1;
    if (t.argCount[g] !== 1 || t.args[t.argStart[g]] !== pc || this.lv.end[pc] !== g) return -1;
    if (t.snap[g] >= 0 && snapshotNames(t, t.snap[g], pc)) return -1;
    return g;
  }
  /** Comparison pc and its guard g as one compare and branch to g's stub. */
  private compareGuard(pc: int, g: int): void {
    const t = this.t;
    const isa = this.isa;
    const s = t.argStart[pc];
    const cond = INT_COND[t.ops[pc] - IROp.INT_LT];
    // GUARD_TRUE leaves when the comparison is false
    const leave = t.ops[g] === IROp.GUARD_TRUE ? NEGATED[cond] : cond;
    const a = this.gIn(t.args[s], 0);
    const b0 = t.args[s + 1];
    let at = -1;
    if (this.constIntArg(b0)) at = isa.branchImm(leave, a, t.getConstI(b0));
    if (at < 0) at = isa.branch(leave, a, this.gIn(b0, 1));
    // the exit leaves the comparison's value in its slot, as if it had been computed
    const x = new Exit(at, g, true);
    x.known = pc;
    x.knownVal = t.ops[g] === IROp.GUARD_TRUE ? 0 : 1;
    this.exits.push(x);
  }
  /** whether v is an integer constant */
  private constIntArg(v: int): boolean {
    return isConst(v) && this.t.kindOf(v) === K_INT;
  }
  /** A constant array index small enough for every ISA's displacement without a scratch. */
  private constIndexArg(v: int): boolean {
    return this.constIntArg(v) && this.t.getConstI(v) >= 0 && this.t.getConstI(v) < 512;
  }

  /** The guard pc's *_OVF op is checked by, when it directly follows (merge points aside):
   * the op then branches straight to that guard's stub (-1: no such guard). */
  private fusedOverflow(pc: int): int {
    const t = this.t;
    const op = t.ops[pc];
    if (op !== IROp.INT_ADD_OVF && op !== IROp.INT_SUB_OVF && op !== IROp.INT_MUL_OVF) return -1;
    let g = pc + 1;
    while (g < t.ops.length && t.ops[g] === IROp.DEBUG_MERGE_POINT) g++;
    return g < t.ops.length && t.ops[g] === IROp.GUARD_NO_OVERFLOW ? g : -1;
  }

  /** d = a (op) b, overflow being leaving ±MAX_INT (rlib's checked range) or the 64-bit
   * product overflowing: branches to guard g's stub when g >= 0, else sets run.ovf for a
   * later GUARD_NO_OVERFLOW */
  private overflowOp(pc: int, g: int): void {
    const t = this.t;
    const isa = this.isa;
    const tmp = isa.tmp;
    const op = t.ops[pc];
    const s = t.argStart[pc];
    const a = this.gIn(t.args[s], 0);
    const d = this.gOut(pc);
    const outs: int[] = [];
    const c = t.args[s + 1];
    if (op === IROp.INT_MUL_OVF) outs.push(isa.mulOvf(d, a, this.gIn(c, 1)));
    else if (!this.constIntArg(c) || !isa.aluImm(op === IROp.INT_ADD_OVF ? A_ADD : A_SUB, d, a, t.getConstI(c))) isa.alu(op === IROp.INT_ADD_OVF ? A_ADD : A_SUB, d, a, this.gIn(c, 1));
    // every int operand is within ±MAX_INT (intbounds assumes it too): a constant addend can
    // only leave the range on its own side
    const k = op !== IROp.INT_MUL_OVF && this.constIntArg(c) ? (op === IROp.INT_ADD_OVF ? t.getConstI(c) : -t.getConstI(c)) : 0;
    const both = op === IROp.INT_MUL_OVF || !this.constIntArg(c);
    if (both || k > 0) {
      isa.movImm(tmp[2], MAX_INT);
      outs.push(isa.branch(C_GT, d, tmp[2]));
    }
    if (both || k < 0) {
      isa.movImm(tmp[2], MIN_INT);
      outs.push(isa.branch(C_LT, d, tmp[2]));
    }
    this.gDone(pc, d);
    if (g >= 0) {
      for (const at of outs) this.exit(at, g);
      return;
    }
    isa.movImm(tmp[2], 0);
    const done = isa.jump();
    for (const at of outs) isa.patch(at, isa.pos());
    isa.movImm(tmp[2], 1);
    isa.patch(done, isa.pos());
    isa.store(isa.ctx, offsetOf(NativeRun, 'ovf'), tmp[2]);
  }

  /** Runs op pc through llgraph's executor (a helper call reading and writing the jitframe):
   * the registers live across it are stored first (so refs[] holds every live pointer should
   * it collect) and reloaded after. A helper that raised an RTS error (not a Python exception,
   * which the executor keeps in the jitframe) leaves it pending: the code returns at once and
   * execmem.call rethrows it. */
  private stepCall(pc: int): void {
    const isa = this.isa;
    this.saveLive(pc, -1, true);
    isa.callCtx(helperAddress(H_NATIVE_STEP), pc);
    isa.movImm(isa.tmp[1], excAddress());
    isa.load(isa.tmp[1], isa.tmp[1], 0);
    this.exits.push(new Exit(isa.branchZero(isa.tmp[1], false), pc, false));
    if ((OPS.defs[this.t.ops[pc]].flags & F_GUARD) !== 0) this.exits.push(new Exit(isa.branchZero(isa.tmp[0], false), pc, false));
    for (let v = 0; v < pc; v++) if (this.lv.end[v] > pc) this.reload(v);
    this.reload(pc);
  }

  /** Calls op pc's direct helper (direct.ts) from the code, its arguments in the convention's
   * registers: false when it has none or its arguments do not all go in registers. As
   * stepCall, the registers live across it are stored first (refs[] then holds every live
   * pointer, the arguments among them, should it collect) and reloaded after; so every
   * argument is in its jitframe slot (or a constant) when the argument registers are loaded,
   * and loading them in any order is safe. */
  private directCall(pc: int): boolean {
    const t = this.t;
    const isa = this.isa;
    const h = directHelper(t, pc);
    if (h < 0) return false;
    const op = t.ops[pc];
    const withRun = takesRun(op);
    const s = t.argStart[pc];
    const n = t.argCount[pc];
    const argKinds = t.argKindsOf();
    const kinds: int[] = [];
    if (withRun) kinds.push(K_REF);
    for (let k = 0; k < n; k++) kinds.push(argKinds[s + k]);
    const regs = isa.argRegs(kinds);
    if (regs === null) return false;
    this.saveLive(pc, -1, true);
    const first = withRun ? 1 : 0;
    if (withRun) isa.mov(regs[0], isa.ctx);
    for (let k = 0; k < n; k++) this.argInto(regs[first + k], t.args[s + k]);
    isa.callAddr(helperAddress(h));
    // an error that is not a Python exception (the helper caught those into the jitframe)
    isa.movImm(isa.tmp[1], excAddress());
    isa.load(isa.tmp[1], isa.tmp[1], 0);
    this.exits.push(new Exit(isa.branchZero(isa.tmp[1], false), pc, false));
    const kind = OPS.defs[op].result;
    if (kind === K_FLOAT) {
      const d = this.fOut(pc);
      isa.fmov(d, isa.fresultReg());
      this.fDone(pc, d);
    } else if (kind === K_INT || kind === K_REF) {
      const d = this.gOut(pc);
      isa.mov(d, isa.tmp[0]);
      this.gDone(pc, d);
    }
    for (let v = 0; v < pc; v++) if (this.lv.end[v] > pc) this.reload(v);
    return true;
  }
  /** Loads value v (a constant, or in its jitframe slot) into register r of its class. */
  private argInto(r: int, v: int): void {
    const isa = this.isa;
    const k = this.t.kindOf(v);
    if (isConst(v)) {
      if (k === K_FLOAT) isa.fload(r, isa.fconstBase, constIndex(v) * 8);
      else isa.movImm(r, k === K_INT ? this.t.getConstI(v) : refAddress(this.t.getConstR(v)));
    } else if (k === K_FLOAT) {
      isa.fload(r, isa.floatsBase, v * 8);
    } else {
      isa.load(r, this.baseOf(k), v * 8);
    }
  }

  // ---- the back-edge ----
  private locOf(v: int): Loc {
    const r = this.regOf(v);
    return new Loc(this.t.kindOf(v), r, r >= 0 ? -1 : v);
  }
  /** The LABEL's arguments take the JUMP's values, as one parallel move. */
  private jumpToLabel(pc: int, label: int): void {
    const t = this.t;
    const s = t.argStart[pc];
    const ls = t.argStart[label];
    const m = t.argCount[label];
    const pending: Move[] = [];
    for (let k = 0; k < m; k++) {
      const src = t.args[s + k];
      // a LABEL argument the loop never reads takes no value (its location may be another's)
      if (isConst(src) || this.lv.end[t.args[ls + k]] <= label) continue;
      const mv = new Move(this.locOf(t.args[ls + k]), this.locOf(src));
      if (mv.dst.key() !== mv.src.key()) pending.push(mv);
    }
    while (pending.length > 0) {
      let ready = -1;
      for (let i = 0; i < pending.length && ready < 0; i++) {
        let read = false;
        for (let j = 0; j < pending.length; j++) if (j !== i && pending[j].src.key() === pending[i].dst.key()) read = true;
        if (!read) ready = i;
      }
      if (ready >= 0) {
        this.emitMove(pending[ready].dst, pending[ready].src);
        pending.splice(ready, 1);
        continue;
      }
      // a cycle: park one destination's value in a scratch register; its readers read that
      const d = pending[0].dst;
      const park = new Loc(d.kind, d.kind === K_FLOAT ? this.isa.ftmp[1] : this.isa.tmp[1], -1);
      const dk = d.key();
      this.emitMove(park, d);
      for (const mv of pending) if (mv.src.key() === dk) mv.src = park;
    }
    // constants last: nothing reads a destination any more
    for (let k = 0; k < m; k++) {
      const src = t.args[s + k];
      if (isConst(src) && this.lv.end[t.args[ls + k]] > label) this.emitConst(this.locOf(t.args[ls + k]), src);
    }
  }
  private emitMove(dst: Loc, src: Loc): void {
    const isa = this.isa;
    if (dst.kind === K_FLOAT) {
      const r = src.reg >= 0 ? src.reg : dst.reg >= 0 ? dst.reg : isa.ftmp[0];
      if (src.reg < 0) isa.fload(r, isa.floatsBase, src.slot * 8);
      if (dst.reg < 0) isa.fstore(isa.floatsBase, dst.slot * 8, r);
      else if (dst.reg !== r) isa.fmov(dst.reg, r);
      return;
    }
    const r = src.reg >= 0 ? src.reg : dst.reg >= 0 ? dst.reg : isa.tmp[2];
    if (src.reg < 0) isa.load(r, this.baseOf(src.kind), src.slot * 8);
    if (dst.reg < 0) isa.store(this.baseOf(dst.kind), dst.slot * 8, r);
    else if (dst.reg !== r) isa.mov(dst.reg, r);
  }
  private emitConst(dst: Loc, c: int): void {
    const isa = this.isa;
    if (dst.kind === K_FLOAT) {
      const r = dst.reg >= 0 ? dst.reg : isa.ftmp[0];
      isa.fload(r, isa.fconstBase, constIndex(c) * 8);
      if (dst.reg < 0) isa.fstore(isa.floatsBase, dst.slot * 8, r);
      return;
    }
    const r = dst.reg >= 0 ? dst.reg : isa.tmp[2];
    isa.movImm(r, dst.kind === K_INT ? this.t.getConstI(c) : refAddress(this.t.getConstR(c)));
    if (dst.reg < 0) isa.store(this.baseOf(dst.kind), dst.slot * 8, r);
  }
}

/** the ALU op of INT_ADD, INT_SUB, INT_MUL, INT_AND, INT_OR, INT_XOR (consecutive in IROp) */
const ALU_OF_OP = [A_ADD, A_SUB, A_MUL, A_AND, A_OR, A_XOR];
const INT_COND = [C_LT, C_LE, C_EQ, C_NE, C_GT, C_GE];
/** the condition that holds when C_LT..C_GE (by index) does not */
const NEGATED = [C_GE, C_GT, C_NE, C_EQ, C_LE, C_LT];

/** whether the trace computes or reads a double (else its float bases are not needed) */
function hasDoubles(t: Trace): boolean {
  const kinds = t.argKindsOf();
  for (const k of kinds) if (k === K_FLOAT) return true;
  for (let pc = 0; pc < t.ops.length; pc++) if (OPS.defs[t.ops[pc]].result === K_FLOAT) return true;
  return false;
}
/** whether snapshot sn of t names value v (directly or in a virtual tuple) */
function snapshotNames(t: Trace, sn: int, v: int): boolean {
  for (const f of t.snapshots[sn].frames) {
    for (const x of f.fast) if (valueNames(t, x, v)) return true;
    for (const x of f.stack) if (valueNames(t, x, v)) return true;
    if (valueNames(t, f.self, v)) return true;
  }
  return false;
}
function valueNames(t: Trace, x: int, v: int): boolean {
  if (x === v) return true;
  if (x >= VBASE && x !== UNSET) for (const y of t.vtuples[x - VBASE]) if (valueNames(t, y, v)) return true;
  return false;
}
const FLOAT_COND = [C_LT, C_LE, C_EQ, C_NE, C_GT, C_GE];
const FLOAT_OP = [FA_ADD, FA_SUB, FA_MUL, FA_DIV];

/** Where a linked guard's code goes: the stub has stored every live value into the parent's
 * jitframe; this copies the bridge's inputs into the bridge's jitframe and calls the bridge's
 * code. When the bridge reaches the loop header (its FINISH, or EXIT_LOOP_AGAIN from a bridge
 * it linked itself) its values become the loop's inputs and the code jumps into the loop (from
 * the loop's own guards; from a bridge's guard it returns EXIT_LOOP_AGAIN to its caller, the
 * loop's stub or the JIT). A bridge ending in another loop of the frame fills that loop's
 * jitframe and jumps into it (from the loop's own guard) or returns EXIT_SWITCH (from a
 * bridge's, passed up as it is). Any other exit returns (num + 1) << EXIT_SHIFT | op, naming
 * the bridge, unless a deeper bridge already named itself so. Addresses: the run contexts of the
 * bridge and of the loop (kept alive by their compiled traces), the bridge's code, the loop's
 * entry (0 unless root: the guard is the loop's). */
export function assembleLink(isa: NativeIsa, l: BridgeLink, bridgeRun: int, loopRun: int, bridgeCode: int, loopEntry: int, root: boolean, targetRun: int, targetEntry: int): int[] {
  const tmp = isa.tmp;
  const bt = l.bridge.trace;
  runItems(isa, bridgeRun, offsetOf(NativeRun, 'refs'), tmp[1]);
  for (let i = 0; i < l.cells; i++) {
    isa.load(tmp[0], isa.refsBase, (l.parentCells + i) * 8);
    isa.store(tmp[1], i * 8, tmp[0]);
  }
  for (let k = 0; k < l.srcs.length; k++) {
    if (l.kinds[k] !== K_REF) continue;
    isa.load(tmp[0], isa.refsBase, l.srcs[k] * 8);
    isa.store(tmp[1], (l.cells + k) * 8, tmp[0]);
  }
  runItems(isa, bridgeRun, offsetOf(NativeRun, 'ints'), tmp[1]);
  for (let k = 0; k < l.srcs.length; k++) {
    if (l.kinds[k] !== K_INT) continue;
    isa.load(tmp[0], isa.intsBase, l.srcs[k] * 8);
    isa.store(tmp[1], (l.cells + k) * 8, tmp[0]);
  }
  runItems(isa, bridgeRun, offsetOf(NativeRun, 'floats'), tmp[1]);
  for (let k = 0; k < l.srcs.length; k++) {
    if (l.kinds[k] !== K_FLOAT) continue;
    isa.fload(isa.ftmp[0], isa.floatsBase, l.srcs[k] * 8);
    isa.fstore(tmp[1], (l.cells + k) * 8, isa.ftmp[0]);
  }
  isa.callCode(bridgeCode, bridgeRun);
  const fin = bt.ops.length - 1;
  isa.movImm(tmp[1], fin);
  const toFinish = isa.branch(C_EQ, tmp[0], tmp[1]);
  isa.movImm(tmp[1], EXIT_LOOP_AGAIN);
  const toAgain = isa.branch(C_EQ, tmp[0], tmp[1]);
  const named = isa.branch(C_GT, tmp[0], tmp[1]);
  // a deeper bridge switched loops: returned as it is, up to the JIT
  isa.movImm(tmp[1], EXIT_SWITCH);
  const switched = isa.branch(C_EQ, tmp[0], tmp[1]);
  isa.movImm(tmp[1], (l.num + 1) * (1 << EXIT_SHIFT));
  isa.alu(A_ADD, tmp[0], tmp[0], tmp[1]);
  isa.patch(named, isa.pos());
  isa.patch(switched, isa.pos());
  isa.returnReg(tmp[0]);
  isa.patch(toFinish, isa.pos());
  const cross = targetRun !== 0;
  let busy = -1;
  // the other loop runs in an outer call (its jitframe holds that call's values): the
  // FINISH is returned as an exit of the bridge, and the JIT goes on from there
  if (cross) busy = busyBranch(isa, l.toBusy);
  // the FINISH's values (the loop's inputs, all references) into the loop's jitframe
  runItems(isa, bridgeRun, offsetOf(NativeRun, 'refs'), tmp[1]);
  copyFinish(isa, bt, tmp[1], cross ? targetRun : loopRun);
  if (cross) {
    switchWords(isa, l.toBusy, l.fromBusy, l.switchWord, l.targetId);
    if (root) {
      isa.movImm(isa.ctx, targetRun);
      isa.jumpAbs(targetEntry);
    } else {
      // inside the call of a bridge (this code runs in its frame): the calls return the switch
      // up to the JIT, which runs the other loop
      isa.returnImm(EXIT_SWITCH);
    }
    isa.patch(busy, isa.pos());
    isa.movImm(tmp[0], (l.num + 1) * (1 << EXIT_SHIFT) + fin);
    isa.returnReg(tmp[0]);
  }
  isa.patch(toAgain, isa.pos());
  if (root) isa.jumpAbs(loopEntry);
  else isa.returnImm(EXIT_LOOP_AGAIN);
  isa.trap();
  return isa.code();
}

/** Where the FINISH of a linked entry trace goes: its stub has stored the values (the other
 * loop's inputs, all references) into the trace's jitframe; this copies them into the other
 * loop's jitframe and jumps into that loop, unless it runs in an outer call (then the FINISH
 * is returned, and the JIT goes on from there). targetRun: the other loop's run context. */
export function assembleEntryLink(isa: NativeIsa, l: EntryLink, targetRun: int, targetEntry: int): int[] {
  const t = l.from.trace;
  const busy = busyBranch(isa, l.toBusy);
  copyFinish(isa, t, isa.refsBase, targetRun);
  switchWords(isa, l.toBusy, l.fromBusy, l.switchWord, l.toId);
  isa.movImm(isa.ctx, targetRun);
  isa.jumpAbs(targetEntry);
  isa.patch(busy, isa.pos());
  isa.returnImm(t.ops.length - 1);
  isa.trap();
  return isa.code();
}

/** A branch taken when the loop whose busy word is at address toBusy runs (in an outer call). */
function busyBranch(isa: NativeIsa, toBusy: int): int {
  isa.movImm(isa.tmp[1], toBusy);
  isa.load(isa.tmp[0], isa.tmp[1], 0);
  isa.movImm(isa.tmp[1], 0);
  return isa.branch(C_NE, isa.tmp[0], isa.tmp[1]);
}
/** The values of the FINISH ending t (slots of the jitframe refs in register src, or
 * constants) into the refs of the run context at address dstRun. */
function copyFinish(isa: NativeIsa, t: Trace, src: int, dstRun: int): void {
  const tmp = isa.tmp;
  const fin = t.ops.length - 1;
  runItems(isa, dstRun, offsetOf(NativeRun, 'refs'), tmp[2]);
  for (let k = 0; k < t.argCount[fin]; k++) {
    const v = t.arg(fin, k);
    if (isConst(v)) isa.movImm(tmp[0], refAddress(t.getConstR(v)));
    else isa.load(tmp[0], src, v * 8);
    isa.store(tmp[2], k * 8, tmp[0]);
  }
}
/** A switch of linked code to loop id: it is busy now, the loop it leaves is not, and the JIT
 * learns which loop ran last. */
function switchWords(isa: NativeIsa, toBusy: int, fromBusy: int, switchWord: int, id: int): void {
  storeWord(isa, toBusy, 1);
  storeWord(isa, fromBusy, 0);
  storeWord(isa, switchWord, id);
}

/** The word at address addr = v (tmp[0] and tmp[1] are free in a link's code). */
function storeWord(isa: NativeIsa, addr: int, v: int): void {
  isa.movImm(isa.tmp[0], v);
  isa.movImm(isa.tmp[1], addr);
  isa.store(isa.tmp[1], 0, isa.tmp[0]);
}

/** r = the item buffer of the jitframe array field of the run context at address run */
function runItems(isa: NativeIsa, run: int, field: int, r: int): void {
  isa.movImm(r, run);
  isa.load(r, r, field);
  isa.load(r, r, LIST_ITEMS_OFFSET);
}

/** The lowest address of the collector's words an inline allocation reads and writes. */
export function allocBase(L: BoxLayout): int {
  let b = L.bump;
  for (const a of [L.jitEnd, L.hdrFlags]) if (a < b) b = a;
  return b;
}
