// The optimizer's one data model, shared by every pass (PyPy's optimizeopt/optimizer.py): the
// output trace being written, the map from input values to output values, virtual objects
// (allocations not done yet), what is known about values (constants, classes, bounds, heap
// contents), and the chain of passes each op goes through, forward, in order. A pass handles
// the ops it knows and hands the rest on; the last link writes the op out.
import type { int } from '../../../translate/rlib/index.ts';
import { PyObject, intType, floatType, tupleType } from '../../objects/core.ts';
import {
  Trace, IROp, OPS, K_INT, K_FLOAT, K_VOID, F_GUARD, VBASE, UNSET, isConst, D_INT_V, D_INT_SMALL, D_FLOAT_V,
} from '../ir.ts';
import { Snapshot, RET_INIT, lastSnapshot } from '../snapshot.ts';

/** Virtual objects are values VIRT..UNSET (never in a written trace). */
export const VIRT = VBASE + (1 << 23);

export class Virtual {
  /** NEW_INT, NEW_FLOAT or NEW_TUPLE */
  op: int;
  /** output values (may be virtuals themselves) */
  fields: int[];
  /** the value of the allocation once forced, else -1 */
  forced: int = -1;
  constructor(op: int, fields: int[]) {
    this.op = op;
    this.fields = fields;
  }
}

/** A cached heap value: obj's field (descr, idx = FIELD), array length (idx = LENGTH) or item. */
export const FIELD = UNSET + 1;
export const LENGTH = UNSET + 2;
/** no value (constants are negative, so -1 cannot mean none) */
export const NONE = UNSET + 3;
export class HeapEntry {
  obj: int;
  descr: int;
  idx: int;
  val: int;
  constructor(obj: int, descr: int, idx: int, val: int) {
    this.obj = obj;
    this.descr = descr;
    this.idx = idx;
    this.val = val;
  }
}

/** The op a pass is looking at: arguments already in output values. */
export class OpRec {
  op: int = 0;
  args: int[] = [];
  descr: int = 0;
  /** input snapshot (guards) */
  snap: int = -1;
  /** input op index (its result is mapped once the op is written or replaced) */
  src: int = -1;
}

export abstract class Pass {
  opt: Optimizer;
  next: Pass | null = null;
  constructor(opt: Optimizer) {
    this.opt = opt;
  }
  /** handles o, or hands it on with this.pass(o) */
  abstract propagate(o: OpRec): void;
  pass(o: OpRec): void {
    if (this.next !== null) this.next.propagate(o);
    else this.opt.write(o);
  }
}

export class Optimizer {
  /** the recorded trace */
  t: Trace;
  /** the optimised trace being written */
  o: Trace;
  /** input op index -> output value */
  map: int[] = [];
  virtuals: Virtual[] = [];
  /** output value -> the constant it is known to equal */
  consts: Map<int, int> = new Map<int, int>();
  /** output value -> class constant (a ref constant) */
  classOf: Map<int, int> = new Map<int, int>();
  /** output value -> the GUARD_TID descr it passed */
  tidOf: Map<int, int> = new Map<int, int>();
  nonnull: Map<int, boolean> = new Map<int, boolean>();
  /** output value -> the map index (GUARD_MAP descr) it is known to have */
  mapOf: Map<int, int> = new Map<int, int>();
  /** GUARD_NOT_INVALIDATED already checked, by 'descr,arg0,arg1' */
  versions: Map<string, boolean> = new Map<string, boolean>();
  /** the keys of versions whose arguments are constants (they mean the same in a peeled body) */
  constVersions: Map<string, boolean> = new Map<string, boolean>();
  /** integer bounds of output values */
  lo: Map<int, int> = new Map<int, int>();
  hi: Map<int, int> = new Map<int, int>();
  heap: HeapEntry[] = [];
  /** set when the last overflow-checked op was proven not to overflow: its GUARD_NO_OVERFLOW goes */
  ovfGone: boolean = false;
  first: Pass | null = null;
  /** bumps whenever a virtual is forced (snapshots written before then are stale) */
  forces: int = 0;
  private snapMemoIn: int = -1;
  private snapMemoOut: int = -1;
  private snapMemoForces: int = -1;

  /** the first op this optimizer writes: older values (a peeled loop's LABEL arguments) hold
   * a new value each iteration, so the op that made them first says nothing about them now */
  firstOp: int;
  constructor(t: Trace, o: Trace) {
    this.t = t;
    this.o = o;
    this.firstOp = o.ops.length;
    for (let i = 0; i < t.ops.length; i++) this.map.push(NONE);
  }

  // ---- values ----
  isVirtual(v: int): boolean {
    return v >= VIRT && v < UNSET && this.virtuals[v - VIRT].forced < 0;
  }
  virtual(v: int): Virtual {
    return this.virtuals[v - VIRT];
  }
  newVirtual(op: int, fields: int[]): int {
    this.virtuals.push(new Virtual(op, fields));
    return VIRT + this.virtuals.length - 1;
  }
  /** The current output value standing for output value v (forced virtuals, known constants). */
  get(v: int): int {
    if (v >= VIRT && v < UNSET) {
      const f = this.virtuals[v - VIRT].forced;
      if (f < 0) return v;
      v = f;
    }
    if (v >= 0 && v < VBASE) {
      const c = this.consts.get(v);
      if (c !== undefined) return c;
    }
    return v;
  }
  /** The output value of input value v (an op result or a constant, same pools). */
  res(v: int): int {
    if (v < 0) return v;
    const m = this.map[v];
    if (m === NONE) throw new Error(`jit optimizer: value ${v} used before it is defined`);
    return this.get(m);
  }
  /** the input op's result is value v */
  replace(o: OpRec, v: int): void {
    this.map[o.src] = v;
  }
  /** v is known to equal constant c from here on */
  setConst(v: int, c: int): void {
    if (v >= 0 && v < VBASE) this.consts.set(v, c);
  }
  kindOf(v: int): int {
    if (v >= VIRT && v < UNSET) return 2;
    return this.o.kindOf(v);
  }
  constInt(v: int): boolean {
    return isConst(v) && this.kindOf(v) === K_INT;
  }
  knownClass(v: int): PyObject | null {
    if (isConst(v)) {
      const k = this.kindOf(v);
      if (k === K_INT) return intType;
      if (k === K_FLOAT) return floatType;
      const x = this.o.getConstR(v);
      return x === null ? null : x.cls;
    }
    if (this.isVirtual(v)) {
      const op = this.virtual(v).op;
      return op === IROp.NEW_INT ? intType : op === IROp.NEW_FLOAT ? floatType : tupleType;
    }
    const c = this.classOf.get(v);
    return c === undefined ? null : this.o.getConstR(c);
  }
  isNonNull(v: int): boolean {
    if (this.isVirtual(v)) return true;
    if (isConst(v)) return this.kindOf(v) !== 2 || this.o.getConstR(v) !== null;
    return this.nonnull.has(v) || this.classOf.has(v);
  }

  // ---- the chain ----
  setChain(passes: Pass[]): void {
    for (let i = 0; i + 1 < passes.length; i++) passes[i].next = passes[i + 1];
    this.first = passes.length === 0 ? null : passes[0];
  }
  send(o: OpRec): void {
    if (this.first === null) this.write(o);
    else this.first.propagate(o);
  }
  /** Sends input op i through the chain. */
  sendInput(i: int): void {
    const t = this.t;
    const o = new OpRec();
    o.op = t.ops[i];
    for (let k = 0; k < t.argCount[i]; k++) o.args.push(this.res(t.arg(i, k)));
    o.descr = t.descr[i];
    o.snap = t.snap[i];
    o.src = i;
    this.send(o);
  }
  /** Writes an op to the output (the end of the chain); virtual arguments are forced. */
  write(o: OpRec): int {
    for (let k = 0; k < o.args.length; k++) o.args[k] = this.force(o.args[k]);
    let snap = -1;
    if ((OPS.defs[o.op].flags & F_GUARD) !== 0) snap = this.snapshotFor(o.snap);
    const r = this.o.emit(o.op, o.args, o.descr, snap);
    if (o.src >= 0 && OPS.defs[o.op].result !== K_VOID) this.map[o.src] = r;
    return r;
  }
  /** Writes a new op (not from the input) straight to the output. */
  emitNew(op: int, args: int[], descr: int): int {
    const o = new OpRec();
    o.op = op;
    o.args = args;
    o.descr = descr;
    return this.write(o);
  }
  /** The allocation of virtual v, done now (its fields first); other values unchanged. */
  force(v0: int): int {
    const v = this.get(v0);
    if (!this.isVirtual(v)) return v;
    const vo = this.virtual(v);
    const fs: int[] = [];
    for (const f of vo.fields) fs.push(this.force(f));
    const r = this.o.emit(vo.op, fs, 0, -1);
    vo.forced = r;
    this.forces++;
    this.nonnull.set(r, true);
    const cls = vo.op === IROp.NEW_INT ? intType : vo.op === IROp.NEW_FLOAT ? floatType : tupleType;
    this.classOf.set(r, this.o.cRef(cls));
    // a box's contents never change: later reads (and a peeled body, through the LABEL) use
    // the unboxed value
    if (vo.op === IROp.NEW_INT) {
      this.heap.push(new HeapEntry(r, D_INT_V, FIELD, fs[0]));
      this.heap.push(new HeapEntry(r, D_INT_SMALL, FIELD, this.o.cInt(1)));
    } else if (vo.op === IROp.NEW_FLOAT) {
      this.heap.push(new HeapEntry(r, D_FLOAT_V, FIELD, fs[0]));
    }
    return r;
  }

  // ---- snapshots ----
  /** The output snapshot for input snapshot s, as the state is now (virtuals stay virtual). */
  snapshotFor(s: int): int {
    if (s < 0) return -1;
    if (s === this.snapMemoIn && this.forces === this.snapMemoForces) return this.snapMemoOut;
    const src = this.t.snapshots[s];
    const out = new Snapshot();
    out.after = src.after;
    const memo = new Map<int, int>();
    const prev = lastSnapshot(this.o.snapshots);
    for (const f of src.frames) {
      const fast: int[] = [];
      for (const v of f.fast) fast.push(this.snapIn(v, memo));
      const stack: int[] = [];
      for (const v of f.stack) stack.push(this.snapIn(v, memo));
      const self = f.ret === RET_INIT ? this.snapIn(f.self, memo) : f.self;
      out.addFrame(prev, f, self, fast, stack);
    }
    this.o.snapshots.push(out);
    this.snapMemoIn = s;
    this.snapMemoOut = this.o.snapshots.length - 1;
    this.snapMemoForces = this.forces;
    return this.snapMemoOut;
  }
  /** An input snapshot value as an output snapshot value. */
  private snapIn(v: int, memo: Map<int, int>): int {
    if (v === UNSET || v < 0) return v;
    if (v >= VBASE) {
      // one snapshot tuple per recorded one: a tuple in two slots stays one object
      const seen = memo.get(v);
      if (seen !== undefined) return seen;
      const items: int[] = [];
      this.o.vtuples.push(items);
      const r = VBASE + this.o.vtuples.length - 1;
      memo.set(v, r);
      for (const x of this.t.vtuples[v - VBASE]) items.push(this.snapIn(x, memo));
      return r;
    }
    if (this.map[v] === NONE) return UNSET;
    return this.snapOut(this.res(v), memo);
  }
  /** An output value as a snapshot value: a virtual int or float is its unboxed value (deopt
   * boxes it), a virtual tuple a snapshot tuple (one per virtual, so identity is kept). */
  snapOut(v0: int, memo: Map<int, int>): int {
    const v = this.get(v0);
    if (!this.isVirtual(v)) return v;
    const vo = this.virtual(v);
    if (vo.op !== IROp.NEW_TUPLE) return this.get(vo.fields[0]);
    const seen = memo.get(v);
    if (seen !== undefined) return seen;
    const items: int[] = [];
    this.o.vtuples.push(items);
    const r = VBASE + this.o.vtuples.length - 1;
    memo.set(v, r);
    for (const x of vo.fields) items.push(this.snapOut(x, memo));
    return r;
  }
}

/** A fresh output trace holding t's constant pools (so constants keep their encoding) and name. */
export function outputFor(t: Trace): Trace {
  const o = new Trace();
  o.constI = t.constI.slice(0);
  o.constF = t.constF.slice(0);
  o.constR = t.constR.slice(0);
  o.maps = t.maps.slice(0);
  o.name = t.name;
  return o;
}
