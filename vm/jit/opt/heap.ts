// heap: load/store forwarding and repeated guards (PyPy's heap.py). Field, array-length and
// array-item values read or written earlier are reused; a store of the value already there
// goes; class, type-id and null checks are done once per value (they never change), map and
// version checks once until a call that may write the heap. A store forgets what it may
// overwrite (same descr, another object that may be the same one); a call forgets by its
// effect class: elidable and read-only calls nothing, the others every mutable entry.
import type { int } from '../../../translate/rlib/index.ts';
import {
  IROp, OPS, F_CALL, isConst, D_INT_V, D_INT_SMALL, D_FLOAT_V, D_SEQITER_KIND, D_SEQITER_STEP, D_SEQITER_SEQ,
  D_TUPLE_ITEMS,
} from '../ir.ts';
import { HELPERS, EF_ELIDABLE, EF_NO_WRITES } from '../helpers.ts';
import { Pass, OpRec, HeapEntry, FIELD, LENGTH, NONE } from './optimizer.ts';

/** fields and arrays no op or helper writes once the object exists */
export function immutableDescr(d: int): boolean {
  return d === D_INT_V || d === D_INT_SMALL || d === D_FLOAT_V || d === D_SEQITER_KIND || d === D_SEQITER_STEP || d === D_SEQITER_SEQ || d === D_TUPLE_ITEMS;
}

export class Heap extends Pass {
  propagate(o: OpRec): void {
    const opt = this.opt;
    const op = o.op;
    const a = o.args.length > 0 ? o.args[0] : 0;
    switch (op) {
      case IROp.GETFIELD_I:
      case IROp.GETFIELD_F:
      case IROp.GETFIELD_R:
        this.load(o, a, FIELD);
        return;
      case IROp.ARRAYLEN:
        this.load(o, a, LENGTH);
        return;
      case IROp.GETARRAYITEM_R:
        this.load(o, a, o.args[1]);
        return;
      case IROp.SETFIELD_I:
      case IROp.SETFIELD_R:
        this.store(o, a, FIELD, o.args[1]);
        return;
      case IROp.SETARRAYITEM_R:
        this.store(o, a, o.args[1], o.args[2]);
        return;
      case IROp.GUARD_CLASS: {
        const c = opt.knownClass(a);
        if (c !== null && c === opt.o.getConstR(o.args[1])) return;
        this.pass(o);
        if (!isConst(a)) opt.classOf.set(a, o.args[1]);
        return;
      }
      case IROp.GUARD_TID:
        if (opt.tidOf.get(a) === o.descr) return;
        this.pass(o);
        opt.tidOf.set(a, o.descr);
        return;
      case IROp.GUARD_NONNULL:
        if (opt.isNonNull(a)) return;
        this.pass(o);
        opt.nonnull.set(a, true);
        return;
      case IROp.GUARD_MAP:
        if (opt.mapOf.get(a) === o.descr) return;
        this.pass(o);
        opt.mapOf.set(a, o.descr);
        opt.nonnull.set(a, true);
        return;
      case IROp.GUARD_NOT_INVALIDATED: {
        const key = String(o.descr) + ',' + String(a) + ',' + String(o.args[1]);
        if (opt.versions.has(key)) return;
        this.pass(o);
        opt.versions.set(key, true);
        if (isConst(a) && isConst(o.args[1])) opt.constVersions.set(key, true);
        return;
      }
      case IROp.NEW_INSTANCE:
      case IROp.NEW_LIST:
      case IROp.NEW_INT:
      case IROp.NEW_FLOAT:
      case IROp.NEW_TUPLE: {
        this.pass(o);
        const r = opt.map[o.src];
        if (r === NONE) return;
        opt.nonnull.set(r, true);
        if (op === IROp.NEW_INSTANCE) opt.classOf.set(r, a);
        return;
      }
    }
    if ((OPS.defs[op].flags & F_CALL) !== 0) {
      const eff = HELPERS.defs[o.descr].effect;
      if (eff !== EF_ELIDABLE && eff !== EF_NO_WRITES) forgetMutable(this);
    }
    this.pass(o);
  }
  private load(o: OpRec, obj: int, idx: int): void {
    const opt = this.opt;
    for (const e of opt.heap) {
      if (e.obj === obj && e.descr === o.descr && e.idx === idx) {
        opt.replace(o, opt.get(e.val));
        return;
      }
    }
    this.pass(o);
    const r = opt.map[o.src];
    if (r !== NONE) opt.heap.push(new HeapEntry(obj, o.descr, idx, r));
  }
  private store(o: OpRec, obj: int, idx: int, val0: int): void {
    const opt = this.opt;
    const val = opt.force(val0);
    for (const e of opt.heap) {
      if (e.obj === obj && e.descr === o.descr && e.idx === idx && opt.get(e.val) === val) return;
    }
    this.pass(o);
    // forget what this store may have overwritten
    const keep: HeapEntry[] = [];
    for (const e of opt.heap) {
      if (e.descr !== o.descr || e.idx === LENGTH || !this.mayAlias(e.obj, obj) || !this.mayAlias(e.idx, idx)) keep.push(e);
    }
    keep.push(new HeapEntry(obj, o.descr, idx, val));
    opt.heap = keep;
  }
  /** whether two values (objects, or indexes) may be the same */
  private mayAlias(x: int, y: int): boolean {
    if (x === y) return true;
    if (x === FIELD || y === FIELD) return false;
    const opt = this.opt;
    if (isConst(x) && isConst(y)) {
      if (opt.constInt(x) && opt.constInt(y)) return opt.o.getConstI(x) === opt.o.getConstI(y);
      return opt.o.getConstR(x) === opt.o.getConstR(y);
    }
    // two allocations of this iteration are two objects
    const ax = !isConst(x) && x >= opt.firstOp && x < opt.o.ops.length && (opt.o.ops[x] === IROp.NEW_INSTANCE || opt.o.ops[x] === IROp.NEW_LIST);
    const ay = !isConst(y) && y >= opt.firstOp && y < opt.o.ops.length && (opt.o.ops[y] === IROp.NEW_INSTANCE || opt.o.ops[y] === IROp.NEW_LIST);
    if (ax && ay) return false;
    return true;
  }
}

/** After a call that may write the heap: only immutable fields stay known, and neither maps
 * nor versions (the call may add attributes, change classes or globals). */
export function forgetMutable(h: Heap): void {
  const opt = h.opt;
  const keep: HeapEntry[] = [];
  for (const e of opt.heap) if (immutableDescr(e.descr)) keep.push(e);
  opt.heap = keep;
  opt.mapOf.clear();
  opt.versions.clear();
}
