// The trace recorder: runs the loop's bytecode itself, one iteration, on the real frames (so
// the concrete state is always the interpreter's), and records what each instruction did as IR
// (ir.ts). Concrete values decide the guards; simple Python calls without loops are inlined
// (their frames are virtual in the trace, rebuilt by deopt.ts); everything else is a residual
// call to the interpreter's own runtime functions (helpers.ts). Ints and floats computed in the
// trace stay unboxed until they escape; tuples built and unpacked in the trace stay virtual.
// A recording either closes at its loop header or aborts with a reason from aborts.ts, and the
// interpreter then resumes exactly where the recorder stopped.
import type { int } from '../../translate/rlib/index.ts';
import { OverflowError as HostOverflow } from '../../translate/rlib/index.ts';
import {
  PyObject, PyType, PyInstance, dictType, PyInt, PyFloat, PyList, PyTuple, PyDict, PyModule, PyBuiltin, PySuper, PySeqIter, PyStr,
  PyExc, PyBaseExc, ShapeMap, HOLD, None, True, False, NULL_OBJ, intType, boolType, floatType, strType, listType, tupleType, newTuple, newList,
  newStr, newDict, newFloat, newInt, raise, OverflowErrorT, PySet, PySlice, sliceType, bigOf,
} from '../objects/core.ts';
import { PyCode, InlineCache, cacheAt } from '../compiler/code.ts';
import { Op, opName, unfused } from '../compiler/opcodes.ts';
import { Frame, PyFunction, makeFunction } from '../interpreter/frame.ts';
import { VM } from '../interpreter/state.ts';
import {
  callObj, getAttr, setAttr, binaryOp, unaryOp, richCompare, truthy, getItem, setItem, getIter, iterNext, lookupType, contains,
  IT_LIST, IT_RANGE, IT_EXHAUSTED,
} from '../interpreter/runtime.ts';
import { loadAttrIC, loadMethodIC, storeAttrIC, globalIC, icReset, icProbe, ctorKind, CTOR_INIT } from '../interpreter/caches.ts';
import { dictSet } from '../objects/dict.ts';
import { B } from '../builtins/ids.ts';
import * as A from '../parser/ast.ts';
import {
  Trace, IROp, K_INT, K_FLOAT, K_REF, VBASE, UNSET, D_INT_V, D_INT_SMALL, D_FLOAT_V, D_SEQITER_KIND, D_SEQITER_I,
  D_SEQITER_N, D_SEQITER_STEP, D_SEQITER_SEQ, D_LIST_ITEMS, D_TUPLE_ITEMS, D_INSTANCE_SLOTS, D_DICT_VALS, TID_SEQITER,
  D_CELL_REF, INV_TYPES, INV_DICT,
} from './ir.ts';
import { Snapshot, SnapFrame, RET_ROOT, RET_PUSH, RET_INIT } from './snapshot.ts';
import {
  H_CALL, H_BINARY_OP, H_RICHCOMPARE, H_TRUTHY, H_GETITEM, H_SETITEM, H_GETATTR, H_SETATTR, H_UNARY, H_CONTAINS, H_IS,
  H_GETITER, H_ITERNEXT, H_SINK_OFFER, H_LOAD_NAME, H_STORE_NAME, H_FORMAT_VALUE, H_BUILD_STRING, H_LIST_APPEND, H_BUILD_SLICE, H_SET_ADD,
  H_MAP_ADD, H_BUILD_MAP, H_ADD_ATTR, H_MAKE_FUNCTION, H_STR_CONCAT, H_SLICE_GET, H_SLICE_SET, sliceGet, sliceSet, HELPERS, EF_ELIDABLE,
  EF_NO_WRITES, isSame, loadName, formatValueConv,
} from './helpers.ts';
import {
  A_OPCODE, A_TRACE_LIMIT, A_INNER_LOOP, A_EXC_SETUP, A_YIELD, A_EXCEPTION, A_RETURN, A_UNBOUND, A_KWARGS, A_INLINED_LOOP,
} from './aborts.ts';
import { resumeFrames, Rebuilt } from './deopt.ts';
import { productFits, machineBitOp, machineRshift } from '../objects/intops.ts';
import { maskedTailEnd, maskedTailValue, tailOperand, tailSubtracts, isMachineInt, TWO32 } from '../interpreter/maskedtail.ts';

/** most inlined frames above the loop's frame */
const MAX_INLINE = 6;
/** most backward jumps of loops in inlined calls that one recording unrolls. A call's short
 * loop (over a scene's few objects, a point's coordinates) unrolled into the caller's trace
 * costs a guard an iteration; entered as a loop of its own, it would cost an entry and a
 * deoptimising exit each call (PyPy also unrolls them, up to trace_limit). A loop that runs
 * past this marks its code not to be inlined again. */
const MAX_UNROLL = 64;
/** fewest instructions (inlined frames' included) a generator's iteration runs up to its yield
 * for its trace to be kept: the trace is entered once per item and left at the yield, and an
 * entry and exit cost about as much as interpreting this many instructions */
const MIN_YIELD_BODY = 16;

/** One frame being recorded: the real frame (concrete values) and a trace value per slot. */
class RFrame {
  frame: Frame;
  code: PyCode;
  fn: PyFunction | null;
  pc: int = 0;
  sp: int = 0;
  fastV: int[] = [];
  /** the loop frame's cells (trace inputs; inlined frames have none) */
  cellV: int[] = [];
  stackV: int[] = [];
  ret: int;
  selfV: int = UNSET;
  selfObj: PyObject | null = null;
  constructor(frame: Frame, ret: int) {
    this.frame = frame;
    this.code = frame.code;
    this.fn = frame.fn;
    this.ret = ret;
  }
}

/** Where a bridge's recording starts: the parent trace (a loop or a bridge) and the snapshot
 * of its failing guard, with the frames of its inlined calls as deopt rebuilt them (not run:
 * the bridge records them from where they stopped). The recording fills srcs and kinds: the
 * bridge's inputs after the cells are the parent's values srcs[k], of kinds[k]. */
export class BridgeSeed {
  parent: Trace;
  snap: Snapshot;
  /** the interpreter frames of snap.frames, index for index (frames[0]: the loop's frame) */
  rebuilt: Rebuilt;
  srcs: int[] = [];
  kinds: int[] = [];
  constructor(parent: Trace, snap: Snapshot, rebuilt: Rebuilt) {
    this.parent = parent;
    this.snap = snap;
    this.rebuilt = rebuilt;
  }
}

/** The outcome of one recording. */
export class Recording {
  /** the closed loop, or null when aborted */
  trace: Trace | null = null;
  abort: int = -1;
  detail: string = '';
  /** where the loop's frame continues (its sp is in the frame) */
  pc: int = -1;
  /** a loop whose iteration ends in a yield (a generator's): the YIELD_VALUE its trace's
   * FINISH leaves the frame at, else -1 */
  yieldPc: int = -1;
  /** a trace that ends in another loop of the frame: that loop's header, else -1 */
  closedAt: int = -1;
}

// facts proven of a value (Recorder.proven bits)
const P_NONNULL = 1;
const P_SMALL = 2; // an int object within the machine range
const P_ITER = 4; // a builtin iterator of the kind guarded

// what step() tells the main loop
const GO = 0;
const CLOSED = 1;
const ABORT = 2;


/** Builtins that look at the calling frame (VM.frame): a function naming one is called, not
 * inlined, since an inlined frame exists only in the trace. */
const FRAME_READERS = ['super', 'locals', 'globals', 'dir', 'vars', 'exec', 'eval', '__import__', '_getframe', 'currentframe'];
function readsFrame(code: PyCode): boolean {
  for (const n of code.names) if (FRAME_READERS.includes(n)) return true;
  return false;
}

function isSmallInt(o: PyObject): boolean {
  return o instanceof PyInt && o.cls === intType && bigOf(o) === null;
}
function isExactStr(o: PyObject): boolean {
  return o instanceof PyStr && o.cls === strType;
}
function isIntLike(o: PyObject): boolean {
  return o instanceof PyInt && bigOf(o) === null && (o.cls === intType || o.cls === boolType);
}
function isFloat(o: PyObject): boolean {
  return o instanceof PyFloat && o.cls === floatType;
}
function cmpInt(arg: int): int {
  return arg === A.CMP_LT ? IROp.INT_LT : arg === A.CMP_LE ? IROp.INT_LE : arg === A.CMP_EQ ? IROp.INT_EQ : arg === A.CMP_NE ? IROp.INT_NE : arg === A.CMP_GT ? IROp.INT_GT : IROp.INT_GE;
}
function cmpFloat(arg: int): int {
  return arg === A.CMP_LT ? IROp.FLOAT_LT : arg === A.CMP_LE ? IROp.FLOAT_LE : arg === A.CMP_EQ ? IROp.FLOAT_EQ : arg === A.CMP_NE ? IROp.FLOAT_NE : arg === A.CMP_GT ? IROp.FLOAT_GT : IROp.FLOAT_GE;
}

export class Recorder {
  t: Trace = new Trace();
  frames: RFrame[] = [];
  header: int;
  traceLimit: int;
  root: Frame;
  /** the classes proven of values (by guards or by construction) */
  known: Map<int, PyType> = new Map<int, PyType>();
  /** values of MAKE_FUNCTION: a new function each time, so calls of them are not inlined
   * (inlining guards the function's identity, which would fail on the next iteration) */
  madeFns: int[] = [];
  /** backward jumps of inlined calls' loops unrolled so far (MAX_UNROLL) */
  unrolled: int = 0;
  /** a bridge went through another loop's header (once at most) */
  passedHeader: boolean = false;
  /** facts proven of values (P_* bits) */
  proven: Map<int, int> = new Map<int, int>();
  /** dicts whose version is guarded since the last call that may run Python */
  dictsGuarded: PyDict[] = [];
  typesGuarded: boolean = false;
  /** boxes made of unboxed values and virtual tuples that escaped (value -> its box) */
  boxes: Map<int, int> = new Map<int, int>();
  /** the map each instance value was last guarded to have */
  mapOf: Map<int, ShapeMap> = new Map<int, ShapeMap>();
  /** the snapshot of the state before the current instruction, and its index once used */
  before: Snapshot = new Snapshot();
  beforeIdx: int = -1;
  pcStart: int = 0;
  /** instructions recorded (in every frame) */
  steps: int = 0;
  /** the YIELD_VALUE a generator loop's trace ends at (Recording.yieldPc) */
  yieldPc: int = -1;
  abortReason: int = -1;
  detail: string = '';

  /** where recording starts: the header for a loop, a failing guard's resume pc for a bridge */
  start: int;
  /** a bridge closes with as many values as its loop's LABEL takes (-1: a loop, its own) */
  loopArity: int = -1;
  /** a bridge: the trace and snapshot it starts from (null: a loop, from the frame) */
  seed: BridgeSeed | null = null;
  /** the frame's other compiled loops the trace may end in (header -> LABEL arity) */
  otherLoops: Map<int, int> = new Map<int, int>();
  /** the other loop's header the bridge ended in, else -1 */
  closedAt: int = -1;
  constructor(root: Frame, header: int, traceLimit: int) {
    this.root = root;
    this.header = header;
    this.start = header;
    this.traceLimit = traceLimit;
  }

  // ---- values ----
  kind(v: int): int {
    return this.t.kindOf(v);
  }
  isVTuple(v: int): boolean {
    return v >= VBASE && v < UNSET;
  }
  emit(op: int, a: int[], d: int): int {
    return this.t.emit(op, a, d, -1);
  }
  /** A guard resuming before the current instruction. */
  guard(op: int, a: int[], d: int): void {
    if (this.beforeIdx < 0) {
      this.t.snapshots.push(this.before);
      this.beforeIdx = this.t.snapshots.length - 1;
    }
    this.t.emit(op, a, d, this.beforeIdx);
  }
  /** A guard resuming at pc (in the top frame) with the state as it is now. */
  guardAt(op: int, a: int[], d: int, pc: int): void {
    const s = this.capture(pc);
    s.after = true;
    this.t.snapshots.push(s);
    this.t.emit(op, a, d, this.t.snapshots.length - 1);
  }
  capture(topPc: int): Snapshot {
    const s = new Snapshot();
    for (let k = 0; k < this.frames.length; k++) {
      const fr = this.frames[k];
      const pc = k === this.frames.length - 1 ? topPc : fr.pc;
      s.frames.push(new SnapFrame(fr.code, fr.fn, pc, fr.ret, fr.selfV, fr.fastV.slice(0), fr.stackV.slice(0)));
    }
    return s;
  }
  top(): RFrame {
    return this.frames[this.frames.length - 1];
  }
  push(fr: RFrame, v: int, o: PyObject): void {
    const st = fr.frame.stack;
    while (fr.sp >= st.length) st.push(NULL_OBJ);
    st[fr.sp] = o;
    fr.stackV.push(v);
    fr.sp++;
  }
  popV(fr: RFrame): int {
    fr.sp--;
    return fr.stackV.pop() as int;
  }
  peekV(fr: RFrame, k: int): int {
    return fr.stackV[fr.sp - 1 - k];
  }
  peekO(fr: RFrame, k: int): PyObject {
    return fr.frame.stack[fr.sp - 1 - k];
  }
  knownClass(v: int): PyType | null {
    if (v < 0) {
      const k = this.kind(v);
      if (k === K_INT) return intType;
      if (k === K_FLOAT) return floatType;
      const o = this.t.getConstR(v);
      return o === null ? null : o.cls;
    }
    if (this.isVTuple(v)) return tupleType;
    const k = this.kind(v);
    if (k === K_INT) return intType;
    if (k === K_FLOAT) return floatType;
    const c = this.known.get(v);
    return c === undefined ? null : c;
  }
  guardClass(v: int, t: PyType): void {
    if (this.knownClass(v) === t) return;
    this.guard(IROp.GUARD_CLASS, [v, this.t.cRef(t)], 0);
    this.known.set(v, t);
  }
  prove(v: int, bit: int): boolean {
    const p = this.proven.get(v);
    const had = p !== undefined && (p & bit) !== 0;
    this.proven.set(v, (p === undefined ? 0 : p) | bit);
    return had;
  }
  /** The machine int of v, whose concrete value o is an int or bool within the machine range. */
  intOf(v: int, o: PyObject): int {
    if (this.kind(v) === K_INT) return v;
    if (v < 0) return this.t.cInt((o as PyInt).v);
    this.guardClass(v, o.cls);
    if (o.cls === intType && !this.prove(v, P_SMALL)) {
      const s = this.emit(IROp.GETFIELD_I, [v], D_INT_SMALL);
      this.guard(IROp.GUARD_TRUE, [s], 0);
    }
    return this.emit(IROp.GETFIELD_I, [v], D_INT_V);
  }
  floatOf(v: int, o: PyObject): int {
    if (this.kind(v) === K_FLOAT) return v;
    if (v < 0) return this.t.cFloat((o as PyFloat).v);
    this.guardClass(v, floatType);
    return this.emit(IROp.GETFIELD_F, [v], D_FLOAT_V);
  }
  /** v as an object reference: unboxed values and virtual tuples escape here (boxed once, and
   * every slot holding them then holds the box, so identity is kept). */
  box(v: int): int {
    if (v === UNSET) return this.t.cRef(null);
    const k = this.isVTuple(v) ? -1 : this.kind(v);
    if (k === K_REF) return v;
    const b0 = this.boxes.get(v);
    if (b0 !== undefined) return b0;
    let b = 0;
    if (k === K_INT) b = this.emit(IROp.NEW_INT, [v], 0);
    else if (k === K_FLOAT) b = this.emit(IROp.NEW_FLOAT, [v], 0);
    else {
      const items: int[] = [];
      for (const x of this.t.vtuples[v - VBASE]) items.push(this.box(x));
      b = this.emit(IROp.NEW_TUPLE, items, 0);
      this.known.set(b, tupleType);
    }
    if (k === K_INT) this.known.set(b, intType);
    else if (k === K_FLOAT) this.known.set(b, floatType);
    this.boxes.set(v, b);
    for (const fr of this.frames) {
      for (let i = 0; i < fr.fastV.length; i++) if (fr.fastV[i] === v) fr.fastV[i] = b;
      for (let i = 0; i < fr.stackV.length; i++) if (fr.stackV[i] === v) fr.stackV[i] = b;
      if (fr.selfV === v) fr.selfV = b;
    }
    return b;
  }
  guardTypes(): void {
    if (this.typesGuarded) return;
    this.guard(IROp.GUARD_NOT_INVALIDATED, [this.t.cRef(null), this.t.cInt(HOLD.typeVersion)], INV_TYPES);
    this.typesGuarded = true;
  }
  guardDict(d: PyDict): void {
    if (this.dictsGuarded.includes(d)) return;
    this.guard(IROp.GUARD_NOT_INVALIDATED, [this.t.cRef(d), this.t.cInt(d.ver)], INV_DICT);
    this.dictsGuarded.push(d);
  }
  /** After a call that may run Python code: versions and maps may have changed. */
  forgetHeap(): void {
    this.dictsGuarded.length = 0;
    this.typesGuarded = false;
    this.mapOf.clear();
  }
  /** A residual call of helper h; a GUARD_NO_EXCEPTION after it resumes after the instruction. */
  call(op: int, h: int, a: int[]): int {
    const r = this.emit(op, a, h);
    if (HELPERS.defs[h].effect !== EF_ELIDABLE && HELPERS.defs[h].effect !== EF_NO_WRITES) this.forgetHeap();
    if (HELPERS.defs[h].effect !== EF_ELIDABLE) this.guardAt(IROp.GUARD_NO_EXCEPTION, [], 0, this.pcStart + 1);
    return r;
  }
  constBool(b: boolean): int {
    return this.t.cRef(b ? True : False);
  }

  // ---- the recording loop ----
  record(): Recording {
    const f = this.root;
    const t = this.t;
    t.name = `${f.code.filename}:${f.code.lines[this.header]} ${f.code.name}`;
    const rf = new RFrame(f, RET_ROOT);
    rf.pc = this.start;
    rf.sp = f.sp;
    const inputs: int[] = [];
    const seed = this.seed;
    if (seed === null) {
      for (let i = 0; i < f.fast.length; i++) {
        const v = t.emit(IROp.INPUT_R, [], 0, -1);
        inputs.push(v);
        rf.fastV.push(v);
      }
    }
    this.cellInputs(f, rf, inputs);
    if (seed === null) {
      for (let i = 0; i < f.sp; i++) {
        const v = t.emit(IROp.INPUT_R, [], 0, -1);
        inputs.push(v);
        rf.stackV.push(v);
      }
    } else {
      // a bridge starts from its guard's snapshot: the values the parent trace held there,
      // unboxed as they were (deopt already wrote the frame they describe)
      const memo = new Map<int, int>();
      const snaps = seed.snap.frames;
      for (const v of snaps[0].fast) rf.fastV.push(this.seedValue(seed, v, memo, inputs));
      for (const v of snaps[0].stack) rf.stackV.push(this.seedValue(seed, v, memo, inputs));
      this.frames.push(rf);
      // a guard inside inlined calls: their frames go on from where the guard left them
      for (let k = 1; k < snaps.length; k++) {
        const sf = snaps[k];
        const ir = new RFrame(seed.rebuilt.frames[k], sf.ret);
        ir.pc = sf.pc;
        ir.sp = sf.stack.length;
        for (const v of sf.fast) ir.fastV.push(this.seedValue(seed, v, memo, inputs));
        for (const v of sf.stack) ir.stackV.push(this.seedValue(seed, v, memo, inputs));
        if (sf.ret === RET_INIT) {
          ir.selfV = this.seedValue(seed, sf.self, memo, inputs);
          ir.selfObj = seed.rebuilt.selves[k];
        }
        this.frames.push(ir);
      }
    }
    t.emit(IROp.LABEL, inputs, 0, -1);
    if (seed === null) this.frames.push(rf);
    const out = new Recording();
    for (;;) {
      const fr = this.top();
      if (t.ops.length > this.traceLimit) {
        this.stop(A_TRACE_LIMIT, '', null);
        break;
      }
      this.pcStart = fr.pc;
      this.before = this.capture(fr.pc);
      this.beforeIdx = -1;
      const word = fr.code.words[fr.pc];
      const op = unfused(word & 127);
      const arg = word >> 7;
      t.emit(IROp.DEBUG_MERGE_POINT, [t.cRef(fr.code), t.cInt(fr.pc), t.cInt(this.frames.length - 1)], 0, -1);
      let r = GO;
      this.steps++;
      try {
        r = this.step(fr, op, arg);
      } catch (e) {
        let pe: PyExc | null = null;
        if (e instanceof PyExc) pe = e;
        else if (e instanceof HostOverflow) pe = raise(OverflowErrorT, e.message);
        else throw e;
        fr.pc = this.pcStart + 1;
        this.stop(A_EXCEPTION, opName(op), pe.exc);
        break;
      }
      if (r === CLOSED) {
        out.trace = t;
        break;
      }
      if (r === ABORT) {
        this.stop(this.abortReason, this.detail, null);
        break;
      }
    }
    out.abort = out.trace === null ? this.abortReason : -1;
    out.detail = this.detail;
    const root = this.frames[0];
    f.sp = root.sp;
    out.yieldPc = this.yieldPc;
    out.closedAt = this.closedAt;
    out.pc = out.trace === null ? f.pc : this.yieldPc >= 0 ? this.yieldPc : this.closedAt >= 0 ? this.closedAt : this.header;
    return out;
  }
  /** The frame's cells as inputs (a loop's after its locals, a bridge's first). */
  cellInputs(f: Frame, rf: RFrame, inputs: int[]): void {
    for (let i = 0; i < f.cells.length; i++) {
      const v = this.t.emit(IROp.INPUT_R, [], 0, -1);
      inputs.push(v);
      rf.cellV.push(v);
      this.known.set(v, f.cells[i].cls);
    }
  }
  /** The bridge's value for parent snapshot value v: a constant or a snapshot tuple copied
   * into this trace, an op result an input of its kind (one per value). */
  seedValue(seed: BridgeSeed, v: int, memo: Map<int, int>, inputs: int[]): int {
    const p = seed.parent;
    const t = this.t;
    if (v === UNSET) return UNSET;
    if (v < 0) {
      const k = p.kindOf(v);
      return k === K_INT ? t.cInt(p.getConstI(v)) : k === K_FLOAT ? t.cFloat(p.getConstF(v)) : t.cRef(p.getConstR(v));
    }
    const seen = memo.get(v);
    if (seen !== undefined) return seen;
    let r = 0;
    if (v >= VBASE) {
      const items: int[] = [];
      t.vtuples.push(items);
      r = VBASE + t.vtuples.length - 1;
      memo.set(v, r);
      for (const x of p.vtuples[v - VBASE]) items.push(this.seedValue(seed, x, memo, inputs));
      return r;
    }
    const k = p.kindOf(v);
    r = t.emit(k === K_INT ? IROp.INPUT_I : k === K_FLOAT ? IROp.INPUT_F : IROp.INPUT_R, [], 0, -1);
    inputs.push(r);
    seed.srcs.push(v);
    seed.kinds.push(k);
    memo.set(v, r);
    return r;
  }
  /** Leaves the recording: the frames resume in the interpreter from where they are. */
  stop(reason: int, detail: string, exc: PyBaseExc | null): void {
    this.abortReason = reason;
    this.detail = detail;
    const frames: Frame[] = [];
    const rets: int[] = [];
    const selves: (PyObject | null)[] = [];
    for (const fr of this.frames) {
      fr.frame.pc = fr.pc;
      fr.frame.sp = fr.sp;
      frames.push(fr.frame);
      rets.push(fr.ret);
      selves.push(fr.selfObj);
    }
    resumeFrames(frames, rets, selves, exc);
    this.frames[0].sp = this.root.sp;
  }
  fail(reason: int, detail: string): int {
    this.abortReason = reason;
    this.detail = detail;
    return ABORT;
  }

  /** Records and runs one instruction of fr. */
  step(fr: RFrame, op: int, arg: int): int {
    const t = this.t;
    const code = fr.code;
    const next = fr.pc + 1;
    switch (op) {
      case Op.NOP:
        break;
      case Op.POP_TOP:
        this.popV(fr);
        break;
      case Op.ROT_TWO: {
        const a = this.popV(fr);
        const ao = fr.frame.stack[fr.sp];
        const b = this.popV(fr);
        const bo = fr.frame.stack[fr.sp];
        this.push(fr, a, ao);
        this.push(fr, b, bo);
        break;
      }
      case Op.ROT_THREE: {
        const a = this.popV(fr);
        const ao = fr.frame.stack[fr.sp];
        const b = this.popV(fr);
        const bo = fr.frame.stack[fr.sp];
        const c = this.popV(fr);
        const co = fr.frame.stack[fr.sp];
        this.push(fr, a, ao);
        this.push(fr, c, co);
        this.push(fr, b, bo);
        break;
      }
      case Op.DUP_TOP:
        this.push(fr, this.peekV(fr, 0), this.peekO(fr, 0));
        break;
      case Op.DUP_TOP_TWO: {
        const a = this.peekV(fr, 1);
        const ao = this.peekO(fr, 1);
        const b = this.peekV(fr, 0);
        const bo = this.peekO(fr, 0);
        this.push(fr, a, ao);
        this.push(fr, b, bo);
        break;
      }
      case Op.LOAD_CONST:
        this.push(fr, t.cRef(code.consts[arg]), code.consts[arg]);
        break;
      case Op.LOAD_FAST: {
        const o = fr.frame.fast[arg];
        if (o === null) return this.fail(A_UNBOUND, code.varnames[arg]);
        const v = fr.fastV[arg];
        if (v >= 0 && v < VBASE && this.kind(v) === K_REF && !this.prove(v, P_NONNULL)) {
          if (t.ops[v] === IROp.INPUT_R) this.guard(IROp.GUARD_NONNULL, [v], 0);
        }
        this.push(fr, v, o);
        break;
      }
      case Op.STORE_FAST: {
        const v = this.popV(fr);
        fr.fastV[arg] = v;
        fr.frame.fast[arg] = fr.frame.stack[fr.sp];
        break;
      }
      case Op.LOAD_GLOBAL:
        return this.loadGlobal(fr, arg);
      case Op.LOAD_DEREF: {
        if (arg >= fr.cellV.length) return this.fail(A_OPCODE, 'LOAD_DEREF');
        const o = fr.frame.cells[arg].ref;
        if (o === null) return this.fail(A_UNBOUND, 'cell');
        const v = this.emit(IROp.GETFIELD_R, [fr.cellV[arg]], D_CELL_REF);
        this.guard(IROp.GUARD_NONNULL, [v], 0);
        this.push(fr, v, o);
        break;
      }
      case Op.STORE_DEREF: {
        if (arg >= fr.cellV.length) return this.fail(A_OPCODE, 'STORE_DEREF');
        const v = this.box(this.popV(fr));
        fr.frame.cells[arg].ref = fr.frame.stack[fr.sp];
        this.emit(IROp.SETFIELD_R, [fr.cellV[arg], v], D_CELL_REF);
        break;
      }
      case Op.LOAD_CLOSURE:
        if (arg >= fr.cellV.length) return this.fail(A_OPCODE, 'LOAD_CLOSURE');
        this.push(fr, fr.cellV[arg], fr.frame.cells[arg]);
        break;
      case Op.MAKE_FUNCTION: {
        // a residual call: functions stay real objects (comprehensions, lambdas, nested defs
        // made in a loop then no longer abort its recording)
        const n = (arg & 1) + ((arg >> 1) & 1) + ((arg >> 2) & 1) + ((arg >> 3) & 1);
        const fcode = fr.frame.stack[fr.sp - 1] as PyCode;
        const a: int[] = [this.box(fr.stackV[fr.sp - 1]), t.cRef(fr.frame.globals), t.cInt(arg)];
        const parts: PyObject[] = [];
        for (let i = fr.sp - 1 - n; i < fr.sp - 1; i++) {
          a.push(this.box(fr.stackV[i]));
          parts.push(fr.frame.stack[i]);
        }
        for (let i = 0; i <= n; i++) this.popV(fr);
        const v = this.call(IROp.CALL_R, H_MAKE_FUNCTION, a);
        this.madeFns.push(v);
        this.push(fr, v, makeFunction(fcode, fr.frame.globals, arg, parts));
        break;
      }
      case Op.BUILD_SLICE: {
        const fused = fr.code.words[fr.pc] & 127;
        if (fused === Op.BUILD_SLICE__BINARY_SUBSCR || fused === Op.BUILD_SLICE__STORE_SUBSCR) {
          this.sliceSubscr(fr, arg, fused === Op.BUILD_SLICE__STORE_SUBSCR);
          fr.pc += 2;
          return GO;
        }
        const objs: PyObject[] = [];
        const vals: int[] = [];
        for (let i = fr.sp - arg; i < fr.sp; i++) {
          vals.push(this.box(fr.stackV[i]));
          objs.push(fr.frame.stack[i]);
        }
        if (arg === 2) {
          vals.push(t.cRef(None));
          objs.push(None);
        }
        for (let i = 0; i < arg; i++) this.popV(fr);
        const r = new PySlice(sliceType, objs[0], objs[1], objs[2]);
        this.push(fr, this.call(IROp.CALL_R, H_BUILD_SLICE, vals), r);
        break;
      }
      case Op.SET_ADD:
      case Op.MAP_ADD: {
        const v = this.box(this.popV(fr));
        const vo = fr.frame.stack[fr.sp];
        if (op === Op.SET_ADD) {
          const s = this.box(fr.stackV[fr.sp - arg]);
          dictSet((fr.frame.stack[fr.sp - arg] as PySet).table, vo, None);
          this.call(IROp.CALL_N, H_SET_ADD, [s, v]);
        } else {
          const k = this.box(this.popV(fr));
          const ko = fr.frame.stack[fr.sp];
          const d = this.box(fr.stackV[fr.sp - arg]);
          dictSet(fr.frame.stack[fr.sp - arg] as PyDict, ko, vo);
          this.call(IROp.CALL_N, H_MAP_ADD, [d, k, v]);
        }
        break;
      }
      case Op.BUILD_MAP: {
        const vals: int[] = [];
        const d = newDict();
        for (let i = fr.sp - 2 * arg; i < fr.sp; i++) vals.push(this.box(fr.stackV[i]));
        for (let i = fr.sp - 2 * arg; i < fr.sp; i += 2) dictSet(d, fr.frame.stack[i], fr.frame.stack[i + 1]);
        for (let i = 0; i < 2 * arg; i++) this.popV(fr);
        this.push(fr, this.call(IROp.CALL_R, H_BUILD_MAP, vals), d);
        break;
      }
      case Op.STORE_GLOBAL: {
        const v = this.box(this.popV(fr));
        const o = fr.frame.stack[fr.sp];
        dictSet(fr.frame.globals, code.nameObjs[arg], o);
        this.call(IROp.CALL_N, H_STORE_NAME, [t.cRef(fr.frame.globals), t.cRef(code.nameObjs[arg]), v]);
        break;
      }
      case Op.LOAD_NAME: {
        const ld = fr.frame.localsDict;
        if (fr.frame.localsMap !== null) return this.fail(A_OPCODE, 'LOAD_NAME from a mapping');
        const r = loadName(ld === null ? None : ld, fr.frame.globals, code.nameObjs[arg]);
        const v = this.call(IROp.CALL_R, H_LOAD_NAME, [t.cRef(ld === null ? None : ld), t.cRef(fr.frame.globals), t.cRef(code.nameObjs[arg])]);
        this.push(fr, v, r);
        break;
      }
      case Op.STORE_NAME: {
        const ld = fr.frame.localsDict;
        const d = ld === null ? fr.frame.globals : ld;
        if (fr.frame.localsMap !== null || d.cls !== dictType) return this.fail(A_OPCODE, 'STORE_NAME through __setitem__');
        const v = this.box(this.popV(fr));
        dictSet(d, code.nameObjs[arg], fr.frame.stack[fr.sp]);
        this.call(IROp.CALL_N, H_STORE_NAME, [t.cRef(d), t.cRef(code.nameObjs[arg]), v]);
        break;
      }
      case Op.LOAD_ATTR:
        this.loadAttr(fr, arg);
        break;
      case Op.STORE_ATTR:
        this.storeAttr(fr, arg);
        break;
      case Op.LOAD_METHOD:
        this.loadMethod(fr, arg);
        break;
      case Op.PUSH_NULL:
        this.push(fr, t.cRef(NULL_OBJ), NULL_OBJ);
        break;
      case Op.CALL:
        return this.callOp(fr, arg);
      case Op.BINARY_OP:
        fr.pc = this.binaryOp(fr, arg);
        return GO;
      case Op.UNARY_NEG: {
        const v = this.peekV(fr, 0);
        const o = this.peekO(fr, 0);
        let r = 0;
        if (isSmallInt(o)) r = this.emit(IROp.INT_NEG, [this.intOf(v, o)], 0);
        else if (isFloat(o)) r = this.emit(IROp.FLOAT_NEG, [this.floatOf(v, o)], 0);
        const ro = unaryOp(o, A.U_NEG);
        this.popV(fr);
        if (!isSmallInt(o) && !isFloat(o)) r = this.call(IROp.CALL_R, H_UNARY, [this.box(v), t.cInt(A.U_NEG)]);
        this.push(fr, r, ro);
        break;
      }
      case Op.UNARY_POS:
      case Op.UNARY_INVERT: {
        const u = op === Op.UNARY_POS ? A.U_POS : A.U_INVERT;
        const v = this.box(this.popV(fr));
        const o = fr.frame.stack[fr.sp];
        const ro = unaryOp(o, u);
        this.push(fr, this.call(IROp.CALL_R, H_UNARY, [v, t.cInt(u)]), ro);
        break;
      }
      case Op.UNARY_NOT: {
        if (!this.truthSafe(this.peekV(fr, 0), this.peekO(fr, 0))) return this.fail(A_OPCODE, 'UNARY_NOT calling __bool__');
        const b = this.truth(fr, this.peekV(fr, 0), this.peekO(fr, 0), -1, -1);
        this.popV(fr);
        this.push(fr, this.constBool(!b), b ? False : True);
        break;
      }
      case Op.COMPARE_OP:
        this.compareOp(fr, arg);
        break;
      case Op.IS_OP: {
        const bv = this.peekV(fr, 0);
        const av = this.peekV(fr, 1);
        const bo = this.peekO(fr, 0);
        const ao = this.peekO(fr, 1);
        const same = isSame(ao, bo);
        let c = 0;
        if (ao instanceof PyInt || bo instanceof PyInt) c = this.emit(IROp.CALL_I, [this.box(av), this.box(bv)], H_IS);
        else c = this.emit(IROp.PTR_EQ, [this.box(av), this.box(bv)], 0);
        this.guard(same ? IROp.GUARD_TRUE : IROp.GUARD_FALSE, [c], 0);
        this.popV(fr);
        this.popV(fr);
        const r = arg === 0 ? same : !same;
        this.push(fr, this.constBool(r), r ? True : False);
        break;
      }
      case Op.CONTAINS_OP: {
        const c = this.box(this.popV(fr));
        const co = fr.frame.stack[fr.sp];
        const x = this.box(this.popV(fr));
        const xo = fr.frame.stack[fr.sp];
        const r = contains(co, xo);
        const v = this.call(IROp.CALL_R, H_CONTAINS, [x, c, t.cInt(arg)]);
        this.push(fr, v, (arg === 0 ? r : !r) ? True : False);
        break;
      }
      case Op.BINARY_SUBSCR:
        this.subscr(fr);
        break;
      case Op.STORE_SUBSCR:
        this.storeSubscr(fr);
        break;
      case Op.BUILD_TUPLE: {
        const items: int[] = [];
        const objs: PyObject[] = [];
        for (let i = fr.sp - arg; i < fr.sp; i++) {
          items.push(fr.stackV[i]);
          objs.push(fr.frame.stack[i]);
        }
        for (let i = 0; i < arg; i++) this.popV(fr);
        t.vtuples.push(items);
        this.push(fr, VBASE + t.vtuples.length - 1, newTuple(objs));
        break;
      }
      case Op.BUILD_LIST: {
        const items: int[] = [];
        const objs: PyObject[] = [];
        for (let i = fr.sp - arg; i < fr.sp; i++) {
          items.push(this.box(fr.stackV[i]));
          objs.push(fr.frame.stack[i]);
        }
        for (let i = 0; i < arg; i++) this.popV(fr);
        const v = this.emit(IROp.NEW_LIST, items, 0);
        this.known.set(v, listType);
        this.push(fr, v, newList(objs));
        break;
      }
      case Op.BUILD_STRING: {
        const items: int[] = [];
        const parts: string[] = [];
        for (let i = fr.sp - arg; i < fr.sp; i++) {
          items.push(this.box(fr.stackV[i]));
          parts.push((fr.frame.stack[i] as PyStr).s);
        }
        for (let i = 0; i < arg; i++) this.popV(fr);
        this.push(fr, this.call(IROp.CALL_R, H_BUILD_STRING, items), newStr(parts.join('')));
        break;
      }
      case Op.FORMAT_VALUE: {
        let spec = t.cRef(NULL_OBJ);
        let specO: PyObject = NULL_OBJ;
        if ((arg & 4) !== 0) {
          spec = this.box(this.popV(fr));
          specO = fr.frame.stack[fr.sp];
        }
        const v = this.box(this.popV(fr));
        const vo = fr.frame.stack[fr.sp];
        const r = formatValueConv(vo, specO, arg & 3);
        this.push(fr, this.call(IROp.CALL_R, H_FORMAT_VALUE, [v, spec, t.cInt(arg & 3)]), r);
        break;
      }
      case Op.LIST_APPEND: {
        const v = this.box(this.popV(fr));
        const vo = fr.frame.stack[fr.sp];
        const l = this.box(fr.stackV[fr.sp - arg]);
        (fr.frame.stack[fr.sp - arg] as PyList).items.push(vo);
        this.call(IROp.CALL_N, H_LIST_APPEND, [l, v]);
        break;
      }
      case Op.JUMP:
        fr.pc = arg;
        return GO;
      case Op.JUMP_BACKWARD:
      case Op.JUMP_BACKWARD_NO_JIT:
        if (this.frames.length === 1 && arg === this.header) return this.close(fr, arg);
        if (this.frames.length === 1 && this.otherLoops.has(arg)) {
          // into another compiled loop of the frame (PyPy's traces jump to any loop's label):
          // the loops around a short inner loop then run from loop to loop without deopting. A
          // loop's own recording that ends so is an entry trace (an outer loop's way into its
          // inner loop), a FINISH handing the frame to the other loop
          return this.close(fr, arg);
        }
        if (this.seed !== null && this.frames.length === 1 && !this.passedHeader) {
          // a bridge from an inner loop's exit goes once round the loop around it and back
          // into the inner loop (as LuaJIT's side traces do): without it every run of the inner
          // loop enters machine code and leaves it through a deoptimising guard. Not twice:
          // a bridge unrolling the other loops of a loop nest (fannkuch's) ran slower than
          // the interpreter does them.
          this.passedHeader = true;
          fr.pc = arg;
          return GO;
        }
        if (this.frames.length > 1) {
          // a loop in an inlined call: unrolled into the trace, each iteration's exit a guard
          if (++this.unrolled > MAX_UNROLL) {
            code.jitNoInline = true;
            return this.fail(A_INLINED_LOOP, `${code.filename}:${code.lines[arg]} ${code.name}`);
          }
          fr.pc = arg;
          return GO;
        }
        return this.fail(A_INNER_LOOP, `${code.filename}:${code.lines[arg]}`);
      case Op.POP_JUMP_IF_FALSE:
      case Op.POP_JUMP_IF_TRUE: {
        const onTrue = op === Op.POP_JUMP_IF_TRUE;
        const b = this.truth(fr, this.peekV(fr, 0), this.peekO(fr, 0), onTrue ? arg : next, onTrue ? next : arg);
        this.popV(fr);
        fr.pc = b === onTrue ? arg : next;
        return GO;
      }
      case Op.JUMP_IF_FALSE_OR_POP:
      case Op.JUMP_IF_TRUE_OR_POP: {
        const onTrue = op === Op.JUMP_IF_TRUE_OR_POP;
        if (!this.truthSafe(this.peekV(fr, 0), this.peekO(fr, 0))) return this.fail(A_OPCODE, opName(op) + ' calling __bool__');
        const b = this.truth(fr, this.peekV(fr, 0), this.peekO(fr, 0), -1, -1);
        if (b === onTrue) fr.pc = arg;
        else {
          this.popV(fr);
          fr.pc = next;
        }
        return GO;
      }
      case Op.GET_ITER: {
        const v = this.box(this.popV(fr));
        const o = fr.frame.stack[fr.sp];
        const r = getIter(o);
        this.push(fr, this.call(IROp.CALL_R, H_GETITER, [v]), r);
        break;
      }
      case Op.FOR_ITER:
        return this.forIter(fr, arg);
      case Op.UNPACK_SEQUENCE:
        return this.unpack(fr, arg);
      case Op.RETURN_VALUE:
        return this.ret(fr);
      case Op.SETUP_FINALLY:
      case Op.SETUP_CLEANUP:
      case Op.SETUP_WITH:
        return this.fail(A_EXC_SETUP, opName(op));
      case Op.YIELD_VALUE:
        if (this.offerToSink(fr)) break;
        return this.yieldExit(fr);
      case Op.KW_NAMES:
        return this.fail(A_KWARGS, '');
      default:
        return this.fail(A_OPCODE, opName(op));
    }
    fr.pc = next;
    return GO;
  }

  /** Ends the trace in a JUMP to the loop at header at: its own, or (a bridge) another
   * compiled loop of the frame. */
  close(fr: RFrame, at: int): int {
    const t = this.t;
    const a: int[] = [];
    for (const v of fr.fastV) a.push(v === UNSET ? t.cRef(null) : this.box(v));
    for (const v of fr.cellV) a.push(v);
    for (let i = 0; i < fr.stackV.length; i++) a.push(this.box(fr.stackV[i]));
    const label = t.labelIndex();
    const arity = at !== this.header ? (this.otherLoops.get(at) as int) : this.loopArity >= 0 ? this.loopArity : t.argCount[label];
    if (a.length !== arity) return this.fail(A_OPCODE, 'stack depth changed at the loop header');
    t.emit(IROp.JUMP, a, 0, -1);
    fr.pc = at;
    if (at !== this.header) this.closedAt = at;
    return CLOSED;
  }

  /** A yield of a generator that a builtin consumer drains (drain.ts): the item goes to the
   * consumer's sink and the loop runs on, all the items in one entry. Its guard leaves the
   * trace at the yield when the frame runs undrained or the sink declines; the interpreter's
   * YIELD_VALUE then offers or suspends. False: not drained now, or the sink declined. */
  offerToSink(fr: RFrame): boolean {
    const s = fr.frame.sink;
    if (s === null || this.frames.length !== 1) return false;
    if (!s.offer(this.peekO(fr, 0))) return false;
    const t = this.t;
    const v = this.box(this.popV(fr));
    // emitted without call(): an offer neither raises nor writes what a trace reads
    const ok = this.emit(IROp.CALL_I, [v], H_SINK_OFFER);
    this.guard(IROp.GUARD_TRUE, [ok], 0);
    this.push(fr, t.cRef(None), None);
    return true;
  }

  /** A generator's loop reached its yield (in the loop's own frame): the trace ends there in
   * a FINISH holding the frame's values, the yielded one on top, and the interpreter runs the
   * YIELD_VALUE; the generator's next resumption comes back to the loop header and enters the
   * trace again. Bridges (which must end at the header) and iterations too short to be worth
   * an entry per item stop here instead. */
  yieldExit(fr: RFrame): int {
    if (this.seed !== null || this.frames.length !== 1) return this.fail(A_YIELD, this.seed !== null ? 'in a bridge' : '');
    if (this.steps < MIN_YIELD_BODY) return this.fail(A_YIELD, `${this.steps} instructions an item`);
    const t = this.t;
    const a: int[] = [];
    for (const v of fr.fastV) a.push(v === UNSET ? t.cRef(null) : this.box(v));
    for (const v of fr.cellV) a.push(v);
    for (let i = 0; i < fr.stackV.length; i++) a.push(this.box(fr.stackV[i]));
    t.emit(IROp.FINISH, a, 0, -1);
    this.yieldPc = this.pcStart;
    return CLOSED;
  }

  loadGlobal(fr: RFrame, arg: int): int {
    const t = this.t;
    const code = fr.code;
    const g = fr.frame.globals;
    const ic = code.ics[fr.pc] ?? cacheAt(code, fr.pc);
    let o: PyObject | null = null;
    if (ic.gd === g && ic.gver === g.ver && ic.bver === VM.builtins.ver) o = ic.gb ? VM.builtins.vals[ic.gidx] : g.vals[ic.gidx];
    if (o === null) o = globalIC(ic, g, code.nameObjs[arg], true);
    if (o === null) return this.fail(A_EXCEPTION, 'NameError');
    if (!(ic.gd === g && ic.gver === g.ver && ic.bver === VM.builtins.ver)) return this.fail(A_OPCODE, 'LOAD_GLOBAL uncached');
    this.guardDict(g);
    this.guardDict(VM.builtins);
    const d = ic.gb ? VM.builtins : g;
    // the value may be rebound without a version change: nothing is known of it
    const v = this.emit(IROp.GETARRAYITEM_R, [t.cRef(d), t.cInt(ic.gidx)], D_DICT_VALS);
    this.push(fr, v, o);
    fr.pc++;
    return GO;
  }

  /** Module attribute through the module's dict, under its version (ic filled by globalIC). */
  moduleAttr(v: int, m: PyModule, ic: InlineCache): int {
    const t = this.t;
    if (v >= 0) this.guard(IROp.GUARD_VALUE, [v, t.cRef(m)], 0);
    this.guardDict(m.dict);
    return this.emit(IROp.GETARRAYITEM_R, [t.cRef(m.dict), t.cInt(ic.gidx)], D_DICT_VALS);
  }
  moduleCached(ic: InlineCache, m: PyModule): boolean {
    return ic.gd === m.dict && ic.gver === m.dict.ver && !ic.gb;
  }

  loadAttr(fr: RFrame, arg: int): void {
    const t = this.t;
    const code = fr.code;
    const v = this.box(this.peekV(fr, 0));
    const o = this.peekO(fr, 0);
    const ic = code.ics[fr.pc] ?? cacheAt(code, fr.pc);
    const name = code.names[arg];
    // concretely, as the interpreter does
    let r: PyObject | null = null;
    if (o instanceof PyInstance) {
      const e = icProbe(ic, o.map);
      if (e !== null) r = e.slot >= 0 ? o.slots[e.slot] : e.value;
      if (r === null) r = loadAttrIC(ic, o, name);
    } else if (o instanceof PyModule) r = globalIC(ic, o.dict, code.nameObjs[arg], false);
    if (r === null) r = getAttr(o, name);
    // and in the trace
    let rv = -1;
    if (o instanceof PyInstance) {
      const e = icProbe(ic, o.map);
      if (e !== null && (e.slot >= 0 || e.value !== null)) {
        this.guardTypes();
        this.guardMap(v, o);
        rv = e.slot >= 0 ? this.emit(IROp.GETARRAYITEM_R, [v, t.cInt(e.slot)], D_INSTANCE_SLOTS) : t.cRef(e.value);
      }
    } else if (o instanceof PyModule && this.moduleCached(ic, o)) rv = this.moduleAttr(v, o, ic);
    this.popV(fr);
    if (rv === -1) rv = this.call(IROp.CALL_R, H_GETATTR, [v, t.cRef(newStr(name))]);
    this.push(fr, rv, r);
  }
  /** GUARD_MAP once per value until the heap is forgotten (a call may add attributes). */
  guardMap(v: int, o: PyInstance): void {
    if (this.mapOf.get(v) === o.map) return;
    this.guard(IROp.GUARD_MAP, [v], this.t.mapIndex(o.map));
    this.known.set(v, o.cls);
    this.mapOf.set(v, o.map);
  }

  storeAttr(fr: RFrame, arg: int): void {
    const t = this.t;
    const code = fr.code;
    const ov = this.box(this.peekV(fr, 0));
    const o = this.peekO(fr, 0);
    const vv = this.box(this.peekV(fr, 1));
    const val = this.peekO(fr, 1);
    const ic = code.ics[fr.pc] ?? cacheAt(code, fr.pc);
    const name = code.names[arg];
    let slot = -1;
    let after: ShapeMap | null = null;
    if (o instanceof PyInstance) {
      const e = icProbe(ic, o.map);
      if (e !== null && e.after === null && e.slot >= 0) {
        slot = e.slot;
        this.guardTypes();
        this.guardMap(ov, o);
      } else if (e !== null && e.after !== null) {
        // a new attribute (an __init__'s stores): the map's transition, as the interpreter's
        // cache takes it, not the generic setattr that looks the name up on the type
        after = e.after;
        this.guardTypes();
        this.guardMap(ov, o);
      }
    }
    this.popV(fr);
    this.popV(fr);
    if (slot >= 0) {
      (o as PyInstance).slots[slot] = val;
      this.emit(IROp.SETARRAYITEM_R, [ov, t.cInt(slot), vv], D_INSTANCE_SLOTS);
      return;
    }
    if (after !== null) {
      storeAttrIC(ic, o as PyInstance, name, val);
      this.call(IROp.CALL_N, H_ADD_ATTR, [ov, t.cRef(newStr(name)), vv]);
      // it runs no Python code: the instance now has the transition's map
      this.mapOf.set(ov, after);
      return;
    }
    if (!(o instanceof PyInstance) || !storeAttrIC(ic, o, name, val)) setAttr(o, name, val);
    this.call(IROp.CALL_N, H_SETATTR, [ov, t.cRef(newStr(name)), vv]);
  }

  loadMethod(fr: RFrame, arg: int): void {
    const t = this.t;
    const code = fr.code;
    const v = this.box(this.peekV(fr, 0));
    const o = this.peekO(fr, 0);
    const ic = code.ics[fr.pc] ?? cacheAt(code, fr.pc);
    const name = code.names[arg];
    if (o instanceof PyInstance) {
      let m: PyObject | null = null;
      const e = icProbe(ic, o.map);
      if (e !== null) m = e.value;
      if (m === null) m = loadMethodIC(ic, o, name);
      const cached = icProbe(ic, o.map);
      if (m !== null && cached !== null && cached.value === m) {
        this.guardTypes();
        this.guardMap(v, o);
        this.popV(fr);
        this.push(fr, t.cRef(m), m);
        this.push(fr, v, o);
        return;
      }
      if (m !== null) {
        // found but not cached (the interpreter took the same value): look it up in the trace
        this.popV(fr);
        this.push(fr, this.call(IROp.CALL_R, H_GETATTR, [v, t.cRef(newStr(name))]), getAttr(o, name));
        this.push(fr, t.cRef(NULL_OBJ), NULL_OBJ);
        return;
      }
    } else if (o instanceof PyModule) {
      const r = globalIC(ic, o.dict, code.nameObjs[arg], false);
      if (r !== null && this.moduleCached(ic, o)) {
        const rv = this.moduleAttr(v, o, ic);
        this.popV(fr);
        this.push(fr, rv, r);
        this.push(fr, t.cRef(NULL_OBJ), NULL_OBJ);
        return;
      }
    } else if (!(o instanceof PyType) && !(o instanceof PySuper)) {
      let d: PyObject | null = null;
      if (ic.bc === o.cls && ic.ver === HOLD.typeVersion) d = ic.bv;
      else {
        d = lookupType(o.cls, name);
        if (d !== null && d instanceof PyBuiltin && d.isMethod && o.cls.isBuiltin) {
          if (ic.ver !== HOLD.typeVersion) icReset(ic);
          ic.bc = o.cls;
          ic.bv = d;
        }
      }
      if (d !== null && d instanceof PyBuiltin && d.isMethod) {
        this.guardTypes();
        this.guardClass(v, o.cls);
        this.popV(fr);
        this.push(fr, t.cRef(d), d);
        this.push(fr, v, o);
        return;
      }
    }
    const r = getAttr(o, name);
    this.popV(fr);
    this.push(fr, this.call(IROp.CALL_R, H_GETATTR, [v, t.cRef(newStr(name))]), r);
    this.push(fr, t.cRef(NULL_OBJ), NULL_OBJ);
  }

  callOp(fr: RFrame, arg: int): int {
    const t = this.t;
    const base = fr.sp - arg - 2;
    const callable = fr.frame.stack[base];
    const self = fr.frame.stack[base + 1];
    const cv = fr.stackV[base];
    const sv = fr.stackV[base + 1];
    let fn: PyFunction | null = null;
    let ctor: PyType | null = null;
    if (callable instanceof PyFunction) fn = callable;
    else if (callable instanceof PyType && self === NULL_OBJ && !callable.isBuiltin && ctorKind(callable) === CTOR_INIT) {
      fn = callable.ctorInit as PyFunction;
      ctor = callable;
    }
    const hasFirst = ctor !== null || self !== NULL_OBJ;
    const nargs = hasFirst ? arg + 1 : arg;
    if (fn !== null && !this.madeFns.includes(cv) && this.inlinable(fn, nargs)) {
      if (cv >= 0) this.guard(IROp.GUARD_VALUE, [this.box(cv), t.cRef(callable)], 0);
      if (ctor !== null) this.guardTypes();
      const fcode = fn.code;
      const fast: (PyObject | null)[] = [];
      for (let i = 0; i < fcode.varnames.length; i++) fast.push(null);
      const nf = new Frame(fcode, fn, fn.globals, null, fast);
      const rf = new RFrame(nf, ctor !== null ? RET_INIT : RET_PUSH);
      for (let i = 0; i < fcode.varnames.length; i++) rf.fastV.push(UNSET);
      let j = 0;
      if (ctor !== null) {
        const inst = new PyInstance(ctor);
        const iv = this.emit(IROp.NEW_INSTANCE, [t.cRef(ctor)], 0);
        this.known.set(iv, ctor);
        rf.selfV = iv;
        rf.selfObj = inst;
        fast[0] = inst;
        rf.fastV[0] = iv;
        j = 1;
      } else if (self !== NULL_OBJ) {
        fast[0] = self;
        rf.fastV[0] = sv;
        j = 1;
      }
      for (let i = base + 2; i < fr.sp; i++) {
        fast[j] = fr.frame.stack[i];
        rf.fastV[j] = fr.stackV[i];
        j++;
      }
      if (nargs < fcode.argcount) {
        const first = fcode.argcount - fn.defaults.length;
        for (let i = nargs; i < fcode.argcount; i++) {
          fast[i] = fn.defaults[i - first];
          rf.fastV[i] = t.cRef(fn.defaults[i - first]);
        }
      }
      while (fr.sp > base) this.popV(fr);
      fr.pc++;
      this.frames.push(rf);
      return GO;
    }
    if (callable instanceof PyBuiltin && callable.id === B.MATH_SQRT && self === NULL_OBJ && arg === 1) {
      const x = fr.frame.stack[base + 2];
      if (isFloat(x) && (x as PyFloat).v >= 0.0) return this.sqrt(fr, base, cv, callable, x as PyFloat);
    }
    // a residual call, through the interpreter's generic call
    const a: int[] = [this.box(cv), this.box(sv)];
    const objs: PyObject[] = [];
    if (self !== NULL_OBJ) objs.push(self);
    for (let i = base + 2; i < fr.sp; i++) {
      a.push(this.box(fr.stackV[i]));
      objs.push(fr.frame.stack[i]);
    }
    while (fr.sp > base) this.popV(fr);
    fr.frame.pc = this.pcStart + 1;
    const r = callObj(callable, objs, null);
    this.push(fr, this.call(IROp.CALL_R, H_CALL, a), r);
    fr.pc++;
    return GO;
  }
  /** math.sqrt of a float: the machine's square root (a negative or NaN argument leaves
   * through the guard, for the interpreter's ValueError or NaN). */
  sqrt(fr: RFrame, base: int, cv: int, callable: PyObject, x: PyFloat): int {
    const t = this.t;
    if (cv >= 0) this.guard(IROp.GUARD_VALUE, [this.box(cv), t.cRef(callable)], 0);
    const xf = this.floatOf(fr.stackV[base + 2], x);
    this.guard(IROp.GUARD_TRUE, [this.emit(IROp.FLOAT_GE, [xf, t.cFloat(0.0)], 0)], 0);
    const r = this.emit(IROp.FLOAT_SQRT, [xf], 0);
    while (fr.sp > base) this.popV(fr);
    this.push(fr, r, newFloat(Math.sqrt(x.v)));
    fr.pc++;
    return GO;
  }
  inlinable(fn: PyFunction, nargs: int): boolean {
    const c = fn.code;
    if (!fn.simple || c.freevars.length > 0 || c.cellvars.length > 0) return false;
    if (nargs > c.argcount || nargs < c.argcount - fn.defaults.length) return false;
    if (this.frames.length > MAX_INLINE || VM.depth + this.frames.length >= VM.recursionLimit) return false;
    for (const fr of this.frames) if (fr.code === c) return false;
    return !c.jitNoInline && !readsFrame(c);
  }

  ret(fr: RFrame): int {
    if (this.frames.length === 1) return this.fail(A_RETURN, '');
    const t = this.t;
    const v = this.peekV(fr, 0);
    const o = this.peekO(fr, 0);
    if (fr.ret === RET_INIT) {
      if (o !== None) return this.fail(A_EXCEPTION, '__init__ returned a value');
      if (v >= 0) this.guard(IROp.GUARD_VALUE, [this.box(v), t.cRef(None)], 0);
    }
    this.popV(fr);
    this.frames.pop();
    const caller = this.top();
    if (fr.ret === RET_INIT) this.push(caller, fr.selfV, fr.selfObj as PyObject);
    else this.push(caller, v, o);
    return GO;
  }

  /** The truth of v (concrete o), guarded. For a test that calls Python code (__bool__,
   * __len__), a failing guard cannot re-run it: with ifTrue/ifFalse >= 0 it resumes in the
   * other branch (the value popped); otherwise the test's result is kept as it is. */
  truth(fr: RFrame, v: int, o: PyObject, ifTrue: int, ifFalse: int): boolean {
    const t = this.t;
    if (v < 0) return o === True ? true : o === False ? false : truthy(o);
    const k = this.isVTuple(v) ? -1 : this.kind(v);
    if (k === K_INT || (k === K_REF && isSmallInt(o))) {
      const c = this.emit(IROp.INT_NE, [this.intOf(v, o), t.cInt(0)], 0);
      const b = (o as PyInt).v !== 0;
      this.guard(b ? IROp.GUARD_TRUE : IROp.GUARD_FALSE, [c], 0);
      return b;
    }
    if (k === K_FLOAT || (k === K_REF && isFloat(o))) {
      const c = this.emit(IROp.FLOAT_NE, [this.floatOf(v, o), t.cFloat(0.0)], 0);
      const b = (o as PyFloat).v !== 0.0;
      this.guard(b ? IROp.GUARD_TRUE : IROp.GUARD_FALSE, [c], 0);
      return b;
    }
    if (k === -1) return (o as PyTuple).items.length > 0;
    if (o === True || o === False || o === None) {
      this.guard(IROp.GUARD_VALUE, [v, t.cRef(o)], 0);
      return o === True;
    }
    const b = truthy(o);
    const c = this.emit(IROp.CALL_I, [v], H_TRUTHY);
    this.forgetHeap();
    if (ifTrue < 0) {
      // only for builtin types (truthSafe): the test runs no Python code, so a failing guard
      // may resume before the instruction and run it again
      this.guard(IROp.GUARD_NO_EXCEPTION, [], 0);
      this.guard(b ? IROp.GUARD_TRUE : IROp.GUARD_FALSE, [c], 0);
      return b;
    }
    const saved = this.popV(fr);
    this.guardAt(IROp.GUARD_NO_EXCEPTION, [], 0, this.pcStart + 1);
    this.guardAt(b ? IROp.GUARD_TRUE : IROp.GUARD_FALSE, [c], 0, b ? ifFalse : ifTrue);
    fr.stackV.push(saved);
    fr.sp++;
    return b;
  }
  /** Whether a truth test of v can be guarded without a branch to resume in. */
  truthSafe(v: int, o: PyObject): boolean {
    return v < 0 || this.isVTuple(v) || this.kind(v) !== K_REF || o.cls.isBuiltin;
  }

  /** Records `a op b` (BINARY_OP arg); returns the pc to go on at (after a masked tail, past
   * it). */
  binaryOp(fr: RFrame, arg: int): int {
    const t = this.t;
    const bv = this.peekV(fr, 0);
    const av = this.peekV(fr, 1);
    const bo = this.peekO(fr, 0);
    const ao = this.peekO(fr, 1);
    const o = arg >= A.BIN_INPLACE ? arg - A.BIN_INPLACE : arg;
    let rv = -1;
    const aF = isFloat(ao);
    const bF = isFloat(bo);
    const aI = isSmallInt(ao);
    const bI = isSmallInt(bo);
    if ((aF && (bF || bI)) || (aI && bF)) {
      if (o === A.BIN_ADD || o === A.BIN_SUB || o === A.BIN_MUL || (o === A.BIN_TRUEDIV && (bF ? (bo as PyFloat).v !== 0.0 : (bo as PyInt).v !== 0))) {
        const x = aF ? this.floatOf(av, ao) : this.emit(IROp.CAST_INT_TO_FLOAT, [this.intOf(av, ao)], 0);
        const y = bF ? this.floatOf(bv, bo) : this.emit(IROp.CAST_INT_TO_FLOAT, [this.intOf(bv, bo)], 0);
        if (o === A.BIN_TRUEDIV) {
          const nz = this.emit(IROp.FLOAT_NE, [y, t.cFloat(0.0)], 0);
          this.guard(IROp.GUARD_TRUE, [nz], 0);
        }
        const fop = o === A.BIN_ADD ? IROp.FLOAT_ADD : o === A.BIN_SUB ? IROp.FLOAT_SUB : o === A.BIN_MUL ? IROp.FLOAT_MUL : IROp.FLOAT_TRUEDIV;
        rv = this.emit(fop, [x, y], 0);
      }
    } else if (aI && bI) {
      const x0 = (ao as PyInt).v;
      const y0 = (bo as PyInt).v;
      if (o === A.BIN_ADD || o === A.BIN_SUB || o === A.BIN_MUL) {
        const r0 = o === A.BIN_ADD ? x0 + y0 : x0 - y0;
        if (o === A.BIN_MUL ? productFits(x0, y0) : r0 <= 9007199254740991 && r0 >= -9007199254740991) {
          const x = this.intOf(av, ao);
          const y = this.intOf(bv, bo);
          rv = this.emit(o === A.BIN_ADD ? IROp.INT_ADD_OVF : o === A.BIN_SUB ? IROp.INT_SUB_OVF : IROp.INT_MUL_OVF, [x, y], 0);
          this.guard(IROp.GUARD_NO_OVERFLOW, [], 0);
        } else if (arg === A.BIN_MUL) {
          const end = maskedTailEnd(fr.code, fr.pc + 1);
          if (end >= 0 && this.tailOperandsFit(fr, end)) return this.maskedTail(fr, end);
        }
      } else if ((o === A.BIN_FLOORDIV || o === A.BIN_MOD || o === A.BIN_TRUEDIV) && y0 !== 0) {
        const x = this.intOf(av, ao);
        const y = this.intOf(bv, bo);
        const nz = this.emit(IROp.INT_NE, [y, t.cInt(0)], 0);
        this.guard(IROp.GUARD_TRUE, [nz], 0);
        if (o === A.BIN_TRUEDIV) {
          rv = this.emit(IROp.FLOAT_TRUEDIV, [this.emit(IROp.CAST_INT_TO_FLOAT, [x], 0), this.emit(IROp.CAST_INT_TO_FLOAT, [y], 0)], 0);
        } else rv = this.emit(o === A.BIN_FLOORDIV ? IROp.INT_FLOORDIV : IROp.INT_MOD, [x, y], 0);
      } else if (o === A.BIN_AND || o === A.BIN_OR || o === A.BIN_XOR) {
        // exact ints (not bools, whose & | ^ are bools): two's complement within the machine range
        rv = this.emit(o === A.BIN_AND ? IROp.INT_AND : o === A.BIN_OR ? IROp.INT_OR : IROp.INT_XOR, [this.intOf(av, ao), this.intOf(bv, bo)], 0);
      } else if (o === A.BIN_RSHIFT && y0 >= 0 && y0 < 64) {
        const x = this.intOf(av, ao);
        const y = this.intOf(bv, bo);
        if (y >= 0) {
          // a count in a variable: guarded to the range a machine shift takes (a negative one
          // raises, a larger one leaves the sign)
          this.guard(IROp.GUARD_TRUE, [this.emit(IROp.INT_GE, [y, t.cInt(0)], 0)], 0);
          this.guard(IROp.GUARD_TRUE, [this.emit(IROp.INT_LT, [y, t.cInt(64)], 0)], 0);
        }
        rv = this.emit(IROp.INT_RSHIFT, [x, y], 0);
      }
    }
    if (o === A.BIN_ADD && isExactStr(ao) && isExactStr(bo)) {
      // str + str: concatenation itself, not the generic operator's dispatch
      this.guardClass(av, strType);
      this.guardClass(bv, strType);
      const r0 = (ao as PyStr).s + (bo as PyStr).s;
      this.popV(fr);
      this.popV(fr);
      this.push(fr, this.call(IROp.CALL_R, H_STR_CONCAT, [av, bv]), newStr(r0));
      return fr.pc + 1;
    }
    const r = binaryOp(ao, bo, arg);
    this.popV(fr);
    this.popV(fr);
    if (rv === -1) rv = this.call(IROp.CALL_R, H_BINARY_OP, [this.box(av), this.box(bv), t.cInt(arg)]);
    this.push(fr, rv, r);
    return fr.pc + 1;
  }
  /** Whether the locals a masked tail (maskedtail.ts) adds hold machine ints now. */
  tailOperandsFit(fr: RFrame, end: int): boolean {
    for (let p = fr.pc + 1; p < end - 2; p += 2) {
      if (!isMachineInt(tailOperand(fr.code, fr.frame.fast, p))) return false;
    }
    return true;
  }
  /** Records the product on the stack and the masked tail after it up to end in machine ints
   * modulo 2^32, as maskedTailValue computes it (mulLow32's steps, each below 2^53); returns
   * end. */
  maskedTail(fr: RFrame, end: int): int {
    const t = this.t;
    const code = fr.code;
    const bv = this.peekV(fr, 0);
    const av = this.peekV(fr, 1);
    const bo = this.peekO(fr, 0);
    const ao = this.peekO(fr, 1);
    const x = this.low32(this.intOf(av, ao));
    const a = this.low32(this.intOf(bv, bo));
    const xl = this.lowBits(x, 65535);
    const xh = this.shifted(x, 16);
    const al = this.lowBits(a, 65535);
    const ah = this.shifted(a, 16);
    const mid0 = this.emit(IROp.INT_ADD, [this.emit(IROp.INT_MUL, [xl, ah], 0), this.emit(IROp.INT_MUL, [xh, al], 0)], 0);
    const mid = this.emit(IROp.INT_MUL, [this.lowBits(mid0, 65535), t.cInt(65536)], 0);
    let r = this.emit(IROp.INT_ADD, [this.emit(IROp.INT_MUL, [xl, al], 0), mid], 0);
    for (let p = fr.pc + 1; p < end - 2; p += 2) {
      const w = code.words[p];
      const isConst = unfused(w & 127) === Op.LOAD_CONST;
      const o = tailOperand(code, fr.frame.fast, p) as PyObject;
      const c = this.low32(isConst ? t.cInt((o as PyInt).v) : this.intOf(fr.fastV[w >> 7], o));
      r = this.emit(tailSubtracts(code, p) ? IROp.INT_SUB : IROp.INT_ADD, [r, c], 0);
    }
    const m = (code.consts[code.words[end - 2] >> 7] as PyInt).v;
    const rv = this.emit(IROp.INT_AND, [r, t.cInt(m)], 0);
    const value = maskedTailValue(code, fr.frame.fast, fr.pc + 1, end, (ao as PyInt).v, (bo as PyInt).v);
    this.popV(fr);
    this.popV(fr);
    this.push(fr, rv, newInt(value));
    return end;
  }
  /** v mod 2^32 (v's low 32 bits), folded for a constant */
  low32(v: int): int {
    return this.lowBits(v, TWO32 - 1);
  }
  /** v & mask for a mask 2^k - 1, folded for a constant */
  lowBits(v: int, mask: int): int {
    const t = this.t;
    if (v < 0) return t.cInt(machineBitOp(t.getConstI(v), mask, 0));
    return this.emit(IROp.INT_AND, [v, t.cInt(mask)], 0);
  }
  /** v >> n, folded for a constant */
  shifted(v: int, n: int): int {
    const t = this.t;
    if (v < 0) return t.cInt(machineRshift(t.getConstI(v), n));
    return this.emit(IROp.INT_RSHIFT, [v, t.cInt(n)], 0);
  }

  compareOp(fr: RFrame, arg: int): void {
    const t = this.t;
    const bv = this.peekV(fr, 0);
    const av = this.peekV(fr, 1);
    const bo = this.peekO(fr, 0);
    const ao = this.peekO(fr, 1);
    let c = -1;
    if (isIntLike(ao) && isIntLike(bo)) c = this.emit(cmpInt(arg), [this.intOf(av, ao), this.intOf(bv, bo)], 0);
    else if (isFloat(ao) && (isFloat(bo) || isSmallInt(bo))) {
      const y = isFloat(bo) ? this.floatOf(bv, bo) : this.emit(IROp.CAST_INT_TO_FLOAT, [this.intOf(bv, bo)], 0);
      c = this.emit(cmpFloat(arg), [this.floatOf(av, ao), y], 0);
    } else if (isSmallInt(ao) && isFloat(bo)) {
      c = this.emit(cmpFloat(arg), [this.emit(IROp.CAST_INT_TO_FLOAT, [this.intOf(av, ao)], 0), this.floatOf(bv, bo)], 0);
    }
    const r = richCompare(ao, bo, arg);
    if (c >= 0) {
      this.guard(r === True ? IROp.GUARD_TRUE : IROp.GUARD_FALSE, [c], 0);
      this.popV(fr);
      this.popV(fr);
      this.push(fr, t.cRef(r), r);
      return;
    }
    this.popV(fr);
    this.popV(fr);
    this.push(fr, this.call(IROp.CALL_R, H_RICHCOMPARE, [this.box(av), this.box(bv), t.cInt(arg)]), r);
  }

  /** A list or tuple item at a machine-int index proven in range, or -1. */
  indexed(ov: int, o: PyObject, kv: int, k: PyObject): int {
    const t = this.t;
    if (!isSmallInt(k)) return -1;
    const isList = o instanceof PyList && o.cls === listType;
    const isTuple = o instanceof PyTuple && o.cls === tupleType;
    if (!isList && !isTuple) return -1;
    const items = isList ? (o as PyList).items : (o as PyTuple).items;
    const i0 = (k as PyInt).v;
    if (i0 < 0 || i0 >= items.length) return -1;
    this.guardClass(ov, o.cls);
    const i = this.intOf(kv, k);
    const d = isList ? D_LIST_ITEMS : D_TUPLE_ITEMS;
    if (i >= 0) {
      this.guard(IROp.GUARD_TRUE, [this.emit(IROp.INT_GE, [i, t.cInt(0)], 0)], 0);
    }
    const n = this.emit(IROp.ARRAYLEN, [ov], d);
    this.guard(IROp.GUARD_TRUE, [this.emit(IROp.INT_LT, [i, n], 0)], 0);
    return i;
  }

  subscr(fr: RFrame): void {
    const t = this.t;
    const kv = this.peekV(fr, 0);
    const k = this.peekO(fr, 0);
    const ov0 = this.peekV(fr, 1);
    const o = this.peekO(fr, 1);
    let rv = -1;
    if (this.isVTuple(ov0) && kv < 0 && isSmallInt(k)) {
      const items = t.vtuples[ov0 - VBASE];
      const i = (k as PyInt).v;
      if (i >= 0 && i < items.length) rv = items[i];
    }
    let ov = ov0;
    if (rv === -1) {
      ov = this.box(ov0);
      const i = this.indexed(ov, o, kv, k);
      if (i !== -1) rv = this.emit(IROp.GETARRAYITEM_R, [ov, i], o instanceof PyList ? D_LIST_ITEMS : D_TUPLE_ITEMS);
    }
    const r = getItem(o, k);
    this.popV(fr);
    this.popV(fr);
    if (rv === -1) rv = this.call(IROp.CALL_R, H_GETITEM, [ov, this.box(kv), ]);
    this.push(fr, rv, r);
  }

  /** BUILD_SLICE of arg values and the subscript after it (a store when store), one call. */
  sliceSubscr(fr: RFrame, arg: int, store: boolean): void {
    const t = this.t;
    const vals: int[] = [];
    const objs: PyObject[] = [];
    // seq, start, stop[, step] (and the value stored, under them); run before they are popped,
    // as the other subscripts are (a raise aborts the recording with the stack as it was)
    for (let i = fr.sp - arg - 1; i < fr.sp; i++) {
      vals.push(this.box(fr.stackV[i]));
      objs.push(fr.frame.stack[i]);
    }
    if (arg === 2) {
      vals.push(t.cRef(None));
      objs.push(None);
    }
    if (!store) {
      const r = sliceGet(objs[0], objs[1], objs[2], objs[3]);
      for (let i = 0; i <= arg; i++) this.popV(fr);
      this.push(fr, this.call(IROp.CALL_R, H_SLICE_GET, vals), r);
      return;
    }
    const vv = this.box(fr.stackV[fr.sp - arg - 2]);
    sliceSet(objs[0], objs[1], objs[2], objs[3], fr.frame.stack[fr.sp - arg - 2]);
    for (let i = 0; i <= arg + 1; i++) this.popV(fr);
    vals.push(vv);
    this.call(IROp.CALL_N, H_SLICE_SET, vals);
  }

  storeSubscr(fr: RFrame): void {
    const t = this.t;
    const kv = this.peekV(fr, 0);
    const k = this.peekO(fr, 0);
    const ov = this.box(this.peekV(fr, 1));
    const o = this.peekO(fr, 1);
    const vv = this.box(this.peekV(fr, 2));
    const val = this.peekO(fr, 2);
    let i = -1;
    if (o instanceof PyList) i = this.indexed(ov, o, kv, k);
    this.popV(fr);
    this.popV(fr);
    this.popV(fr);
    if (i !== -1) {
      (o as PyList).items[(k as PyInt).v] = val;
      this.emit(IROp.SETARRAYITEM_R, [ov, i, vv], D_LIST_ITEMS);
      return;
    }
    setItem(o, k, val);
    this.call(IROp.CALL_N, H_SETITEM, [ov, this.box(kv), vv]);
  }

  forIter(fr: RFrame, target: int): int {
    const t = this.t;
    const itv = this.box(this.peekV(fr, 0));
    const it = this.peekO(fr, 0);
    if (it instanceof PySeqIter && (it.kind === IT_RANGE || it.kind === IT_LIST)) {
      if (!this.prove(itv, P_ITER)) {
        this.guard(IROp.GUARD_TID, [itv], TID_SEQITER);
        const kind = this.emit(IROp.GETFIELD_I, [itv], D_SEQITER_KIND);
        this.guard(IROp.GUARD_VALUE, [kind, t.cInt(it.kind)], 0);
      }
      if (it.kind === IT_RANGE) {
        const n = this.emit(IROp.GETFIELD_I, [itv], D_SEQITER_N);
        const more = this.emit(IROp.INT_GT, [n, t.cInt(0)], 0);
        if (it.n > 0) {
          this.guard(IROp.GUARD_TRUE, [more], 0);
          this.emit(IROp.SETFIELD_I, [itv, this.emit(IROp.INT_SUB, [n, t.cInt(1)], 0)], D_SEQITER_N);
          const i = this.emit(IROp.GETFIELD_I, [itv], D_SEQITER_I);
          const step = this.emit(IROp.GETFIELD_I, [itv], D_SEQITER_STEP);
          this.emit(IROp.SETFIELD_I, [itv, this.emit(IROp.INT_ADD, [i, step], 0)], D_SEQITER_I);
          const o = iterNext(it) as PyObject;
          this.push(fr, i, o);
          fr.pc++;
          return GO;
        }
        this.guard(IROp.GUARD_FALSE, [more], 0);
      } else {
        const seq = this.emit(IROp.GETFIELD_R, [itv], D_SEQITER_SEQ);
        const i = this.emit(IROp.GETFIELD_I, [itv], D_SEQITER_I);
        const n = this.emit(IROp.ARRAYLEN, [seq], D_LIST_ITEMS);
        const more = this.emit(IROp.INT_LT, [i, n], 0);
        if (it.i < (it.seq as PyList).items.length) {
          this.guard(IROp.GUARD_TRUE, [more], 0);
          const item = this.emit(IROp.GETARRAYITEM_R, [seq, i], D_LIST_ITEMS);
          this.emit(IROp.SETFIELD_I, [itv, this.emit(IROp.INT_ADD, [i, t.cInt(1)], 0)], D_SEQITER_I);
          const o = iterNext(it) as PyObject;
          this.push(fr, item, o);
          fr.pc++;
          return GO;
        }
        this.guard(IROp.GUARD_FALSE, [more], 0);
        this.emit(IROp.SETFIELD_I, [itv, t.cInt(IT_EXHAUSTED)], D_SEQITER_I);
      }
      iterNext(it);
      this.popV(fr);
      fr.pc = target;
      return GO;
    }
    // any other iterator: its __next__, then which way the loop went
    fr.frame.pc = this.pcStart + 1;
    const o = iterNext(it);
    const r = this.call(IROp.CALL_R, H_ITERNEXT, [itv]);
    if (o !== null) {
      // failing (exhausted): the iterator popped, at the loop's exit
      fr.stackV.pop();
      this.guardAt(IROp.GUARD_NONNULL, [r], 0, target);
      fr.stackV.push(itv);
      this.push(fr, r, o);
      fr.pc++;
      return GO;
    }
    // failing (an item): the item pushed, in the loop body
    fr.stackV.push(r);
    this.guardAt(IROp.GUARD_ISNULL, [r], 0, fr.pc + 1);
    fr.stackV.pop();
    this.popV(fr);
    fr.pc = target;
    return GO;
  }

  unpack(fr: RFrame, n: int): int {
    const t = this.t;
    const sv = this.peekV(fr, 0);
    const so = this.peekO(fr, 0);
    let items: int[] = [];
    let objs: PyObject[] = [];
    if (this.isVTuple(sv) && t.vtuples[sv - VBASE].length === n) {
      items = t.vtuples[sv - VBASE];
      objs = (so as PyTuple).items;
    } else if ((so instanceof PyTuple && so.cls === tupleType) || (so instanceof PyList && so.cls === listType)) {
      objs = so instanceof PyTuple ? so.items : (so as PyList).items;
      if (objs.length !== n) return this.fail(A_EXCEPTION, 'ValueError');
      const v = this.box(sv);
      this.guardClass(v, so.cls);
      const d = so instanceof PyTuple ? D_TUPLE_ITEMS : D_LIST_ITEMS;
      const len = this.emit(IROp.ARRAYLEN, [v], d);
      this.guard(IROp.GUARD_VALUE, [len, t.cInt(n)], 0);
      for (let i = 0; i < n; i++) items.push(this.emit(IROp.GETARRAYITEM_R, [v, t.cInt(i)], d));
    } else return this.fail(A_OPCODE, 'UNPACK_SEQUENCE of ' + so.cls.name);
    objs = objs.slice(0);
    this.popV(fr);
    for (let i = n - 1; i >= 0; i--) this.push(fr, items[i], objs[i]);
    fr.pc++;
    return GO;
  }
}

