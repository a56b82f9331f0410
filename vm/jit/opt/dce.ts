// dce: dead-code elimination, then compaction. An op without effect (pure, a load, an
// allocation, a copy) whose result nothing uses goes; uses are arguments, LABEL and JUMP
// arguments and the snapshots of the guards that stay. The trace is rewritten with the ops
// renumbered, keeping only the snapshots and snapshot tuples still referred to.
import type { int } from '../../../translate/rlib/index.ts';
import { Trace, IROp, OPS, F_PURE, F_FIELD, F_EFFECT, F_ALLOC, F_GUARD, VBASE, UNSET } from '../ir.ts';
import { Snapshot, RET_INIT, lastSnapshot } from '../snapshot.ts';

function removable(op: int): boolean {
  const f = OPS.defs[op].flags;
  if ((f & F_PURE) !== 0 || (f & F_ALLOC) !== 0) return true;
  if ((f & F_FIELD) !== 0 && (f & F_EFFECT) === 0) return true;
  return op === IROp.SAME_AS_I || op === IROp.SAME_AS_F || op === IROp.SAME_AS_R;
}

function markValue(t: Trace, v: int, live: boolean[]): void {
  if (v === UNSET || v < 0) return;
  if (v >= VBASE) {
    for (const x of t.vtuples[v - VBASE]) markValue(t, x, live);
    return;
  }
  live[v] = true;
}

function markSnapshot(t: Trace, s: Snapshot, live: boolean[]): void {
  for (const f of s.frames) {
    for (const v of f.fast) markValue(t, v, live);
    for (const v of f.stack) markValue(t, v, live);
    if (f.ret === RET_INIT) markValue(t, f.self, live);
  }
}

class Renumber {
  t: Trace;
  out: Trace;
  newIndex: int[] = [];
  snapMap: Map<int, int> = new Map<int, int>();
  /** old snapshot tuple -> new, within the snapshot being copied */
  tupleMap: Map<int, int> = new Map<int, int>();
  constructor(t: Trace, out: Trace) {
    this.t = t;
    this.out = out;
  }
  value(v: int): int {
    if (v === UNSET || v < 0) return v;
    if (v >= VBASE) {
      const seen = this.tupleMap.get(v);
      if (seen !== undefined) return seen;
      const items: int[] = [];
      this.out.vtuples.push(items);
      const r = VBASE + this.out.vtuples.length - 1;
      this.tupleMap.set(v, r);
      for (const x of this.t.vtuples[v - VBASE]) items.push(this.value(x));
      return r;
    }
    return this.newIndex[v];
  }
  values(vs: int[]): int[] {
    const r: int[] = [];
    for (const v of vs) r.push(this.value(v));
    return r;
  }
  snapshot(s: int): int {
    const seen = this.snapMap.get(s);
    if (seen !== undefined) return seen;
    const src = this.t.snapshots[s];
    this.tupleMap.clear();
    const n = new Snapshot();
    n.after = src.after;
    const prev = lastSnapshot(this.out.snapshots);
    for (const f of src.frames) n.addFrame(prev, f, f.ret === RET_INIT ? this.value(f.self) : f.self, this.values(f.fast), this.values(f.stack));
    this.out.snapshots.push(n);
    this.snapMap.set(s, this.out.snapshots.length - 1);
    return this.out.snapshots.length - 1;
  }
}

/** t without its dead ops, renumbered. */
export function eliminateDeadCode(t: Trace): Trace {
  const n = t.ops.length;
  const live: boolean[] = [];
  for (let i = 0; i < n; i++) live.push(false);
  for (let i = n - 1; i >= 0; i--) {
    const op = t.ops[i];
    if (!live[i] && removable(op)) continue;
    live[i] = true;
    for (let k = 0; k < t.argCount[i]; k++) markValue(t, t.arg(i, k), live);
    if ((OPS.defs[op].flags & F_GUARD) !== 0 && t.snap[i] >= 0) markSnapshot(t, t.snapshots[t.snap[i]], live);
  }
  const out = new Trace();
  out.constI = t.constI;
  out.constF = t.constF;
  out.constR = t.constR;
  out.maps = t.maps;
  out.name = t.name;
  const r = new Renumber(t, out);
  for (let i = 0; i < n; i++) {
    r.newIndex.push(-1);
    if (!live[i]) continue;
    const args: int[] = [];
    for (let k = 0; k < t.argCount[i]; k++) args.push(r.value(t.arg(i, k)));
    const snap = t.snap[i] >= 0 && (OPS.defs[t.ops[i]].flags & F_GUARD) !== 0 ? r.snapshot(t.snap[i]) : -1;
    r.newIndex[i] = out.emit(t.ops[i], args, t.descr[i], snap);
  }
  return out;
}
