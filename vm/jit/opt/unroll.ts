// unroll: loop peeling (PyPy's unroll.py, simplified). The optimised first iteration (the
// preamble) ends with the values the loop carries, some of them virtual. Their shape is the
// virtual state: the loop body starts at a second LABEL taking only the leaves (so an int or
// float carried round the loop stays unboxed), and what the preamble knew about the leaves
// (class, type id, non-null, field values) is assumed at that LABEL. The body is optimised
// again from there; at its JUMP the carried values must have the same shape and the same
// facts must hold. If not, the state asks for less (a virtual becomes a leaf, a fact is
// dropped) and the body is optimised again, until they agree.
import type { int } from '../../../translate/rlib/index.ts';
import { Trace, IROp, K_INT, K_FLOAT, VBASE, UNSET, isConst } from '../ir.ts';
import { Snapshot } from '../snapshot.ts';
import { Optimizer, HeapEntry, FIELD, LENGTH, NONE } from './optimizer.ts';
import { immutableDescr } from './heap.ts';

/** A carried value's shape: a leaf (op 0), or a virtual (NEW_INT, NEW_FLOAT, NEW_TUPLE). */
class VNode {
  op: int = 0;
  kids: VNode[] = [];
}

const FACT_CLASS = 0;
const FACT_TID = 1;
const FACT_NONNULL = 2;
const FACT_HEAP = 3;
/** the instance has map `a` (GUARD_MAP passed, no call since) */
const FACT_MAP = 4;
/** GUARD_NOT_INVALIDATED of constants (key) passed, no call since; leaf unused */
const FACT_VERSION = 5;

/** Something known about leaf `leaf` at the LABEL, or (parent >= 0) about the value of heap
 * fact `parent` (so a box read from a field keeps its class and contents: an attribute
 * incremented each iteration is read unboxed from the LABEL). */
class Fact {
  kind: int;
  leaf: int;
  /** index of the heap fact whose value this fact is about (-1: about leaf) */
  parent: int = -1;
  /** FACT_VERSION: the heap pass's key */
  key: string = '';
  /** class constant, tid descr or heap descr */
  a: int;
  /** heap: FIELD, LENGTH or a constant index */
  idx: int;
  /** heap: the load op that gives the value, and the leaf holding the value (or the
   * constant it is, with valLeaf -1) */
  load: int = 0;
  valLeaf: int = -1;
  constVal: int = 0;
  dropped: boolean = false;
  constructor(kind: int, leaf: int, a: int, idx: int) {
    this.kind = kind;
    this.leaf = leaf;
    this.a = a;
    this.idx = idx;
  }
}

/** The shape of v; a virtual met again (two slots holding one tuple) is the same node, so
 * the body keeps them one object. */
function shapeOf(opt: Optimizer, v0: int, seen: Map<int, VNode>): VNode {
  const v = opt.get(v0);
  if (!opt.isVirtual(v)) return new VNode();
  const old = seen.get(v);
  if (old !== undefined) return old;
  const n = new VNode();
  seen.set(v, n);
  const vo = opt.virtual(v);
  n.op = vo.op;
  for (const f of vo.fields) n.kids.push(shapeOf(opt, f, seen));
  return n;
}

/** The leaf values of v by shape n (forcing what the shape has as a leaf); a shared virtual
 * node gives its leaves once. */
function leavesOf(opt: Optimizer, n: VNode, v0: int, out: int[], done: Map<VNode, boolean>): void {
  const v = opt.get(v0);
  if (n.op === 0) {
    out.push(opt.force(v));
    return;
  }
  if (done.has(n)) return;
  done.set(n, true);
  const vo = opt.virtual(v);
  for (let k = 0; k < n.kids.length; k++) leavesOf(opt, n.kids[k], vo.fields[k], out, done);
}

/** Whether v has shape n, a shared node being one virtual each time (else the first node
 * that differs becomes a leaf). */
function matches(opt: Optimizer, n: VNode, v0: int, seen: Map<VNode, int>): boolean {
  if (n.op === 0) return true;
  const v = opt.get(v0);
  const was = seen.get(n);
  if (was !== undefined && was === v) return true;
  if (was !== undefined || !opt.isVirtual(v) || opt.virtual(v).op !== n.op || opt.virtual(v).fields.length !== n.kids.length) {
    n.op = 0;
    n.kids = [];
    return false;
  }
  seen.set(n, v);
  const vo = opt.virtual(v);
  for (let k = 0; k < n.kids.length; k++) if (!matches(opt, n.kids[k], vo.fields[k], seen)) return false;
  return true;
}

/** A body value of shape n built on the LABEL's arguments args[pos...]. */
function build(opt: Optimizer, n: VNode, args: int[], pos: int[], built: Map<VNode, int>): int {
  if (n.op === 0) return args[pos[0]++];
  const old = built.get(n);
  if (old !== undefined) return old;
  const fs: int[] = [];
  for (const k of n.kids) fs.push(build(opt, k, args, pos, built));
  const r = opt.newVirtual(n.op, fs);
  built.set(n, r);
  return r;
}

function loadOp(kind: int, idx: int): int {
  if (idx === LENGTH) return IROp.ARRAYLEN;
  if (idx !== FIELD) return IROp.GETARRAYITEM_R;
  return kind === K_INT ? IROp.GETFIELD_I : kind === K_FLOAT ? IROp.GETFIELD_F : IROp.GETFIELD_R;
}

/** where o's ops, snapshots and tuples end (to undo a body that did not close) */
class Mark {
  ops: int;
  args: int;
  snapshots: int;
  vtuples: int;
  constructor(o: Trace) {
    this.ops = o.ops.length;
    this.args = o.args.length;
    this.snapshots = o.snapshots.length;
    this.vtuples = o.vtuples.length;
  }
  undo(o: Trace): void {
    o.ops.length = this.ops;
    o.argStart.length = this.ops;
    o.argCount.length = this.ops;
    o.descr.length = this.ops;
    o.snap.length = this.ops;
    o.args.length = this.args;
    o.snapshots.length = this.snapshots;
    o.vtuples.length = this.vtuples;
  }
}

/** Peels: after the preamble (pre, its JUMP values jump), writes the body LABEL, the body and
 * its JUMP to the output; false if it could not (the output is then as before). newBody
 * makes an optimizer with a fresh chain. */
export function peel(pre: Optimizer, jump: int[], newBody: UnrollHost): boolean {
  const t = pre.t;
  const o = pre.o;
  const shapes: VNode[] = [];
  const seen = new Map<int, VNode>();
  for (const v of jump) shapes.push(shapeOf(pre, v, seen));
  let facts: Fact[] | null = null;
  for (;;) {
    const leaves: int[] = [];
    const done = new Map<VNode, boolean>();
    for (let k = 0; k < jump.length; k++) leavesOf(pre, shapes[k], jump[k], leaves, done);
    if (facts === null) facts = factsOf(pre, leaves);
    const preVal: int[] = [];
    for (const f of facts) {
      preVal.push(NONE);
      if (f.parent >= 0 && facts[f.parent].dropped) f.dropped = true;
      if (f.kind !== FACT_HEAP || f.dropped) continue;
      const hv = pre.get(heapValue(pre, f.parent < 0 ? leaves[f.leaf] : preVal[f.parent], f));
      preVal[preVal.length - 1] = hv;
      if (isConst(hv)) {
        f.valLeaf = -1;
        f.constVal = hv;
        continue;
      }
      f.valLeaf = leaves.length;
      leaves.push(hv);
    }
    const mark = new Mark(o);
    // the LABEL's arguments: fresh values, each once
    const args: int[] = [];
    for (const v of leaves) {
      if (v >= 0 && v < VBASE && !isConst(v) && !args.includes(v)) args.push(v);
      else {
        const k = o.kindOf(v);
        args.push(o.emit(k === K_INT ? IROp.SAME_AS_I : k === K_FLOAT ? IROp.SAME_AS_F : IROp.SAME_AS_R, [v], 0, -1));
      }
    }
    const label0 = o.emit(IROp.LABEL, args, 0, -1);
    const b = newBody.optimizer(t, o);
    const pos: int[] = [0];
    const label = t.labelIndex();
    const built = new Map<VNode, int>();
    for (let k = 0; k < t.argCount[label]; k++) b.map[t.arg(label, k)] = build(b, shapes[k], args, pos, built);
    for (const f of facts) {
      if (f.dropped) continue;
      if (f.kind === FACT_VERSION) {
        b.versions.set(f.key, true);
        continue;
      }
      const x = f.parent < 0 ? args[f.leaf] : args[facts[f.parent].valLeaf];
      if (f.kind === FACT_CLASS) b.classOf.set(x, f.a);
      else if (f.kind === FACT_TID) b.tidOf.set(x, f.a);
      else if (f.kind === FACT_NONNULL) b.nonnull.set(x, true);
      else if (f.kind === FACT_MAP) b.mapOf.set(x, f.a);
      else b.heap.push(new HeapEntry(x, f.a, f.idx, f.valLeaf < 0 ? f.constVal : args[f.valLeaf]));
    }
    const jumpIdx = t.ops.length - 1;
    for (let i = label + 1; i < jumpIdx; i++) b.sendInput(i);
    const end: int[] = [];
    for (let k = 0; k < t.argCount[jumpIdx]; k++) end.push(b.res(t.arg(jumpIdx, k)));
    let ok = true;
    const matched = new Map<VNode, int>();
    for (let k = 0; k < end.length && ok; k++) ok = matches(b, shapes[k], end[k], matched);
    // a shape changed: the leaves are numbered anew, so are the facts
    const reshaped = !ok;
    const out: int[] = [];
    const done2 = new Map<VNode, boolean>();
    if (ok) for (let k = 0; k < end.length; k++) leavesOf(b, shapes[k], end[k], out, done2);
    if (ok) {
      // in fact order: a heap fact comes before the facts about its value, and the heap
      // values go to the JUMP in the order the LABEL took them
      const endVal: int[] = [];
      for (let i = 0; i < facts.length; i++) {
        const f = facts[i];
        endVal.push(NONE);
        if (f.dropped) continue;
        if (f.kind === FACT_VERSION) {
          if (!b.versions.has(f.key)) {
            f.dropped = true;
            ok = false;
          }
          continue;
        }
        if (f.parent >= 0 && (facts[f.parent].dropped || endVal[f.parent] === NONE)) {
          f.dropped = true;
          ok = false;
          continue;
        }
        const x = f.parent < 0 ? out[f.leaf] : endVal[f.parent];
        const atLabel = f.parent < 0 ? args[f.leaf] : args[facts[f.parent].valLeaf];
        let holds = true;
        if (f.kind === FACT_CLASS) holds = b.knownClass(x) === o.getConstR(f.a);
        else if (f.kind === FACT_TID) holds = b.tidOf.get(x) === f.a;
        else if (f.kind === FACT_NONNULL) holds = b.isNonNull(x);
        else if (f.kind === FACT_MAP) holds = b.mapOf.get(x) === f.a;
        if (f.kind !== FACT_HEAP) {
          if (!holds) {
            f.dropped = true;
            ok = false;
          }
          continue;
        }
        let v = NONE;
        for (const e of b.heap) if (e.obj === x && e.descr === f.a && e.idx === f.idx) v = b.get(e.val);
        // not known at the end: load it again, if the object is the one the LABEL had (so the
        // preamble's checks of its type hold)
        if (v === NONE && x === atLabel && f.valLeaf >= 0) v = b.emitNew(f.load, f.idx === FIELD || f.idx === LENGTH ? [x] : [x, f.idx], f.a);
        if (f.valLeaf < 0) {
          // a constant: the end must know the same one, or the field cannot have changed
          if (v !== f.constVal && !(x === atLabel && immutableDescr(f.a))) {
            f.dropped = true;
            ok = false;
          }
          continue;
        }
        if (v === NONE) {
          f.dropped = true;
          ok = false;
          continue;
        }
        v = b.force(v);
        endVal[i] = v;
        out.push(v);
      }
    }
    if (ok) {
      // a heap value the body never reads is not worth a LABEL argument (a register)
      for (const f of facts) {
        if (f.dropped || f.kind !== FACT_HEAP || f.valLeaf < 0) continue;
        if (!usedAfter(o, label0, args, facts, f)) {
          f.dropped = true;
          ok = false;
        }
      }
    }
    if (ok && out.length === args.length) {
      o.emit(IROp.JUMP, out, 0, -1);
      return true;
    }
    mark.undo(o);
    if (reshaped) facts = null;
    else if (ok) return false; // cannot happen: nothing left to give up
  }
}

export abstract class UnrollHost {
  abstract optimizer(t: Trace, o: Trace): Optimizer;
}

/** The preamble's value of the heap fact's field (it is in the heap cache: that is where the fact came from). */
function heapValue(pre: Optimizer, obj: int, f: Fact): int {
  for (const e of pre.heap) if (e.obj === obj && e.descr === f.a && e.idx === f.idx) return e.val;
  throw new Error('jit unroll: a heap fact without its value');
}

/** What the preamble knows about its leaves at its end, and about the values of their fields
 * (one level down: a box read from an attribute); a heap fact precedes the facts about its
 * value. */
function factsOf(pre: Optimizer, leaves: int[]): Fact[] {
  const facts: Fact[] = [];
  const o = pre.o;
  for (const key of pre.versions.keys()) {
    // only checks of constants mean the same in the body
    if (pre.constVersions.has(key)) {
      const f = new Fact(FACT_VERSION, -1, 0, 0);
      f.key = key;
      facts.push(f);
    }
  }
  for (let l = 0; l < leaves.length; l++) {
    const v = leaves[l];
    if (isConst(v) || o.kindOf(v) !== 2) continue;
    const first = facts.length;
    subjectFacts(pre, v, l, -1, facts);
    const last = facts.length;
    for (let i = first; i < last; i++) {
      const hf = facts[i];
      if (hf.kind !== FACT_HEAP) continue;
      const val = pre.get(heapValue(pre, v, hf));
      if (isConst(val) || pre.isVirtual(val) || o.kindOf(val) !== 2) continue;
      subjectFacts(pre, val, -1, i, facts);
    }
  }
  return facts;
}

/** The facts about ref value v (leaf l, or the value of heap fact parent). */
function subjectFacts(pre: Optimizer, v: int, l: int, parent: int, facts: Fact[]): void {
  const o = pre.o;
  const first = facts.length;
  const c = pre.classOf.get(v);
  if (c !== undefined) facts.push(new Fact(FACT_CLASS, l, c, 0));
  const tid = pre.tidOf.get(v);
  if (tid !== undefined) facts.push(new Fact(FACT_TID, l, tid, 0));
  if (pre.isNonNull(v)) facts.push(new Fact(FACT_NONNULL, l, 0, 0));
  const m = pre.mapOf.get(v);
  if (m !== undefined) facts.push(new Fact(FACT_MAP, l, m, 0));
  for (const e of pre.heap) {
    if (e.obj !== v || (e.idx !== FIELD && e.idx !== LENGTH && !isConst(e.idx))) continue;
    const f = new Fact(FACT_HEAP, l, e.descr, e.idx);
    const val = pre.get(e.val);
    if (pre.isVirtual(val)) continue;
    f.load = loadOp(o.kindOf(val), e.idx);
    facts.push(f);
  }
  for (let i = first; i < facts.length; i++) facts[i].parent = parent;
}

/** Whether the body (ops after the LABEL at label) reads the value of heap fact f (LABEL
 * argument args[f.valLeaf]), in an argument or a snapshot, or the value of a heap fact about
 * that value (a box's unboxed contents). */
function usedAfter(o: Trace, label: int, args: int[], facts: Fact[], f: Fact): boolean {
  if (reads(o, label, args[f.valLeaf])) return true;
  const self = facts.indexOf(f);
  for (const c of facts) {
    if (c.parent !== self || c.dropped || c.kind !== FACT_HEAP || c.valLeaf < 0) continue;
    if (reads(o, label, args[c.valLeaf])) return true;
  }
  return false;
}

function reads(o: Trace, label: int, v: int): boolean {
  for (let pc = label + 1; pc < o.ops.length; pc++) {
    const s = o.argStart[pc];
    for (let k = 0; k < o.argCount[pc]; k++) if (o.args[s + k] === v) return true;
    const sn = o.snap[pc];
    if (sn >= 0 && snapshotReads(o, o.snapshots[sn], v)) return true;
  }
  return false;
}

function snapshotReads(o: Trace, sn: Snapshot, v: int): boolean {
  for (const f of sn.frames) {
    for (const x of f.fast) if (valueReads(o, x, v)) return true;
    for (const x of f.stack) if (valueReads(o, x, v)) return true;
    if (valueReads(o, f.self, v)) return true;
  }
  return false;
}
function valueReads(o: Trace, x: int, v: int): boolean {
  if (x === v) return true;
  if (x >= VBASE && x !== UNSET) {
    for (const y of o.vtuples[x - VBASE]) if (valueReads(o, y, v)) return true;
  }
  return false;
}
