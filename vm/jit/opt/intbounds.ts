// intbounds: integer ranges of values (PyPy's intbounds.py). Learnt from constants, results
// (comparisons are 0..1, array lengths >= 0, a - 1 of a value > 0 ...) and guards on
// comparisons; used to drop overflow checks the ranges prove (the op becomes the plain one)
// and comparisons whose answer they prove (the guard on it then goes in rewrite or here).
import type { int } from '../../../translate/rlib/index.ts';
import { MAX_INT, MIN_INT, toFloat, toInt } from '../../../translate/rlib/index.ts';
import { IROp, K_INT, D_INT_SMALL, VBASE, isConst } from '../ir.ts';
import { Pass, OpRec } from './optimizer.ts';

export class IntBounds extends Pass {
  lo(v: int): int {
    const opt = this.opt;
    if (opt.constInt(v)) return opt.o.getConstI(v);
    const x = opt.lo.get(v);
    return x === undefined ? MIN_INT : x;
  }
  hi(v: int): int {
    const opt = this.opt;
    if (opt.constInt(v)) return opt.o.getConstI(v);
    const x = opt.hi.get(v);
    return x === undefined ? MAX_INT : x;
  }
  private narrow(v: int, lo: int, hi: int): void {
    if (isConst(v) || v < 0) return;
    if (lo > this.lo(v)) this.opt.lo.set(v, lo);
    if (hi < this.hi(v)) this.opt.hi.set(v, hi);
  }
  propagate(o: OpRec): void {
    const opt = this.opt;
    const op = o.op;
    const a = o.args.length > 0 ? o.args[0] : 0;
    const b = o.args.length > 1 ? o.args[1] : 0;
    switch (op) {
      case IROp.INT_ADD_OVF:
      case IROp.INT_SUB_OVF:
      case IROp.INT_MUL_OVF: {
        const plain = op === IROp.INT_ADD_OVF ? IROp.INT_ADD : op === IROp.INT_SUB_OVF ? IROp.INT_SUB : IROp.INT_MUL;
        const lo = this.range(plain, a, b, true);
        const hi = this.range(plain, a, b, false);
        opt.ovfGone = false;
        if (lo >= MIN_INT && hi <= MAX_INT) {
          o.op = plain;
          opt.ovfGone = true;
        }
        this.pass(o);
        const r = opt.map[o.src];
        if (r >= 0 && r < VBASE) this.narrow(r, lo < MIN_INT ? MIN_INT : lo, hi > MAX_INT ? MAX_INT : hi);
        return;
      }
      case IROp.GUARD_NO_OVERFLOW:
        if (opt.ovfGone) {
          opt.ovfGone = false;
          return;
        }
        break;
      case IROp.INT_LT:
      case IROp.INT_LE:
      case IROp.INT_GT:
      case IROp.INT_GE:
      case IROp.INT_EQ:
      case IROp.INT_NE: {
        const known = this.decide(op, a, b);
        if (known >= 0) {
          opt.replace(o, opt.o.cInt(known));
          return;
        }
        break;
      }
      case IROp.GUARD_TRUE:
      case IROp.GUARD_FALSE:
        this.pass(o);
        if (!isConst(a) && a >= 0) this.learn(a, op === IROp.GUARD_TRUE);
        return;
    }
    this.pass(o);
    if (o.src < 0) return;
    const r = opt.map[o.src];
    if (r < 0 || r >= VBASE || r >= opt.o.ops.length || opt.kindOf(r) !== K_INT) return;
    switch (op) {
      case IROp.INT_ADD:
      case IROp.INT_SUB:
      case IROp.INT_MUL: {
        const lo = this.range(op, a, b, true);
        const hi = this.range(op, a, b, false);
        if (lo >= MIN_INT && hi <= MAX_INT) this.narrow(r, lo, hi);
        break;
      }
      case IROp.INT_LT:
      case IROp.INT_LE:
      case IROp.INT_GT:
      case IROp.INT_GE:
      case IROp.INT_EQ:
      case IROp.INT_NE:
      case IROp.FLOAT_LT:
      case IROp.FLOAT_LE:
      case IROp.FLOAT_GT:
      case IROp.FLOAT_GE:
      case IROp.FLOAT_EQ:
      case IROp.FLOAT_NE:
      case IROp.PTR_EQ:
      case IROp.PTR_NE:
        this.narrow(r, 0, 1);
        break;
      case IROp.ARRAYLEN:
        this.narrow(r, 0, MAX_INT);
        break;
      case IROp.GETFIELD_I:
        if (o.descr === D_INT_SMALL) this.narrow(r, 0, 1);
        break;
      case IROp.INT_AND:
        if (this.lo(b) >= 0) this.narrow(r, 0, this.hi(b));
        else if (this.lo(a) >= 0) this.narrow(r, 0, this.hi(a));
        break;
      case IROp.INT_MOD:
        // Python's modulo takes the divisor's sign
        if (this.lo(b) > 0) this.narrow(r, 0, this.hi(b) - 1);
        break;
    }
  }
  /** lowest (or highest) result of a op b over the ranges, possibly outside the int range */
  private range(op: int, a: int, b: int, low: boolean): int {
    const al = this.lo(a);
    const ah = this.hi(a);
    const bl = this.lo(b);
    const bh = this.hi(b);
    if (op === IROp.INT_ADD) return low ? al + bl : ah + bh;
    if (op === IROp.INT_SUB) return low ? al - bh : ah - bl;
    // products of the corners, in floats (an int64 product could wrap); one out of range
    // gives a bound just outside it, which keeps the overflow check
    let best = 0.0;
    for (let k = 0; k < 4; k++) {
      const p = toFloat(k < 2 ? al : ah) * toFloat(k % 2 === 0 ? bl : bh);
      if (k === 0 || (low ? p < best : p > best)) best = p;
    }
    if (best > toFloat(MAX_INT)) return MAX_INT + 1;
    if (best < toFloat(MIN_INT)) return MIN_INT - 1;
    return toInt(best);
  }
  /** 1 or 0 when the ranges decide the comparison, else -1 */
  private decide(op: int, a: int, b: int): int {
    const al = this.lo(a);
    const ah = this.hi(a);
    const bl = this.lo(b);
    const bh = this.hi(b);
    switch (op) {
      case IROp.INT_LT:
        return ah < bl ? 1 : al >= bh ? 0 : -1;
      case IROp.INT_LE:
        return ah <= bl ? 1 : al > bh ? 0 : -1;
      case IROp.INT_GT:
        return al > bh ? 1 : ah <= bl ? 0 : -1;
      case IROp.INT_GE:
        return al >= bh ? 1 : ah < bl ? 0 : -1;
      case IROp.INT_EQ:
        return ah < bl || al > bh ? 0 : -1;
      case IROp.INT_NE:
        return ah < bl || al > bh ? 1 : -1;
    }
    return -1;
  }
  /** what a guard that c is true (or false) says about the comparison's operands */
  private learn(c: int, truth: boolean): void {
    const opt = this.opt;
    if (c >= opt.o.ops.length || c < opt.firstOp) return;
    let op = opt.o.ops[c];
    if (op < IROp.INT_LT || op > IROp.INT_GE) return;
    const a = opt.o.arg(c, 0);
    const b = opt.o.arg(c, 1);
    if (!truth) {
      // not (a < b) is a >= b, and so on
      if (op === IROp.INT_LT) op = IROp.INT_GE;
      else if (op === IROp.INT_LE) op = IROp.INT_GT;
      else if (op === IROp.INT_GT) op = IROp.INT_LE;
      else if (op === IROp.INT_GE) op = IROp.INT_LT;
      else if (op === IROp.INT_EQ) op = IROp.INT_NE;
      else op = IROp.INT_EQ;
    }
    switch (op) {
      case IROp.INT_LT:
        this.narrow(a, MIN_INT, this.hi(b) - 1);
        this.narrow(b, this.lo(a) + 1, MAX_INT);
        break;
      case IROp.INT_LE:
        this.narrow(a, MIN_INT, this.hi(b));
        this.narrow(b, this.lo(a), MAX_INT);
        break;
      case IROp.INT_GT:
        this.narrow(a, this.lo(b) + 1, MAX_INT);
        this.narrow(b, MIN_INT, this.hi(a) - 1);
        break;
      case IROp.INT_GE:
        this.narrow(a, this.lo(b), MAX_INT);
        this.narrow(b, MIN_INT, this.hi(a));
        break;
      case IROp.INT_EQ:
        this.narrow(a, this.lo(b), this.hi(b));
        this.narrow(b, this.lo(a), this.hi(a));
        break;
    }
  }
}
