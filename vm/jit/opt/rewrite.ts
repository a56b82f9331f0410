// rewrite: constant folding, algebraic identities and guard strengthening (PyPy's rewrite.py,
// LuaJIT's fold). INT_AND/OR/XOR and INT_RSHIFT fold by the functions llgraph runs them with
// (two's complement over the machine range); INT_LSHIFT, whose llgraph form is 32-bit
// untranslated and 64-bit translated, is not folded.
import type { int, float } from '../../../translate/rlib/index.ts';
import { addOvf, subOvf, mulOvf, floorDiv, floorMod, toFloat, OverflowError } from '../../../translate/rlib/index.ts';
import { IROp, K_INT, K_FLOAT, isConst } from '../ir.ts';
import { Pass, OpRec } from './optimizer.ts';
import { machineBitOp, machineRshift } from '../../objects/intops.ts';

export class Rewrite extends Pass {
  propagate(o: OpRec): void {
    const opt = this.opt;
    const op = o.op;
    const a = o.args.length > 0 ? o.args[0] : 0;
    const b = o.args.length > 1 ? o.args[1] : 0;
    const ci = opt.constInt(a) && (o.args.length < 2 || opt.constInt(b));
    const cf = isConst(a) && opt.kindOf(a) === K_FLOAT && (o.args.length < 2 || (isConst(b) && opt.kindOf(b) === K_FLOAT));
    switch (op) {
      case IROp.INT_ADD:
      case IROp.INT_SUB:
      case IROp.INT_MUL:
        if (ci) return this.int(o, op === IROp.INT_ADD ? this.i(a) + this.i(b) : op === IROp.INT_SUB ? this.i(a) - this.i(b) : this.i(a) * this.i(b));
        if (this.identity(o, op, a, b)) return;
        break;
      case IROp.INT_ADD_OVF:
      case IROp.INT_SUB_OVF:
      case IROp.INT_MUL_OVF:
        if (ci) {
          try {
            const r = op === IROp.INT_ADD_OVF ? addOvf(this.i(a), this.i(b)) : op === IROp.INT_SUB_OVF ? subOvf(this.i(a), this.i(b)) : mulOvf(this.i(a), this.i(b));
            opt.ovfGone = true;
            return this.int(o, r);
          } catch (e) {
            if (!(e instanceof OverflowError)) throw e;
            break; // it overflows every time: the guard after it leaves the trace
          }
        }
        if (this.identity(o, op === IROp.INT_ADD_OVF ? IROp.INT_ADD : op === IROp.INT_SUB_OVF ? IROp.INT_SUB : IROp.INT_MUL, a, b)) {
          opt.ovfGone = true;
          return;
        }
        break;
      case IROp.INT_NEG:
        if (ci) return this.int(o, -this.i(a));
        break;
      case IROp.INT_AND:
      case IROp.INT_OR:
      case IROp.INT_XOR:
        if (ci) return this.int(o, machineBitOp(this.i(a), this.i(b), op - IROp.INT_AND));
        break;
      case IROp.INT_RSHIFT:
        if (ci) return this.int(o, machineRshift(this.i(a), this.i(b)));
        break;
      case IROp.INT_FLOORDIV:
      case IROp.INT_MOD:
        if (ci && this.i(b) !== 0) return this.int(o, op === IROp.INT_FLOORDIV ? floorDiv(this.i(a), this.i(b)) : floorMod(this.i(a), this.i(b)));
        if (opt.constInt(b) && this.i(b) === 1) {
          if (op === IROp.INT_FLOORDIV) opt.replace(o, a);
          else this.int(o, 0);
          return;
        }
        break;
      case IROp.INT_LT:
      case IROp.INT_LE:
      case IROp.INT_EQ:
      case IROp.INT_NE:
      case IROp.INT_GT:
      case IROp.INT_GE:
        if (ci) return this.bool(o, cmp(op - IROp.INT_LT, this.i(a) < this.i(b), this.i(a) === this.i(b)));
        if (a === b) return this.bool(o, cmp(op - IROp.INT_LT, false, true));
        break;
      case IROp.FLOAT_ADD:
      case IROp.FLOAT_SUB:
      case IROp.FLOAT_MUL:
        if (cf) return this.float(o, op === IROp.FLOAT_ADD ? this.f(a) + this.f(b) : op === IROp.FLOAT_SUB ? this.f(a) - this.f(b) : this.f(a) * this.f(b));
        break;
      case IROp.FLOAT_TRUEDIV:
        if (cf && this.f(b) !== 0.0) return this.float(o, this.f(a) / this.f(b));
        break;
      case IROp.FLOAT_NEG:
        if (cf) return this.float(o, -this.f(a));
        break;
      case IROp.FLOAT_LT:
      case IROp.FLOAT_LE:
      case IROp.FLOAT_EQ:
      case IROp.FLOAT_NE:
      case IROp.FLOAT_GT:
      case IROp.FLOAT_GE:
        if (cf) {
          const x = this.f(a);
          const y = this.f(b);
          if (Number.isNaN(x) || Number.isNaN(y)) return this.bool(o, op === IROp.FLOAT_NE);
          return this.bool(o, cmp(op - IROp.FLOAT_LT, x < y, x === y));
        }
        break;
      case IROp.CAST_INT_TO_FLOAT:
        if (ci) return this.float(o, toFloat(this.i(a)));
        break;
      case IROp.PTR_EQ:
      case IROp.PTR_NE:
        if (a === b) return this.bool(o, op === IROp.PTR_EQ);
        if (isConst(a) && isConst(b)) return this.bool(o, (opt.o.getConstR(a) === opt.o.getConstR(b)) === (op === IROp.PTR_EQ));
        break;
      case IROp.GUARD_TRUE:
      case IROp.GUARD_FALSE:
        if (opt.constInt(a) && (this.i(a) !== 0) === (op === IROp.GUARD_TRUE)) return;
        if (!isConst(a)) {
          this.pass(o);
          // guard strengthening: past the guard the value is known
          opt.setConst(a, opt.o.cInt(op === IROp.GUARD_TRUE ? 1 : 0));
          return;
        }
        break;
      case IROp.GUARD_VALUE:
        if (isConst(a) && isConst(b) && this.sameConst(a, b)) return;
        if (!isConst(a) && isConst(b)) {
          this.pass(o);
          // not floats: the guard lets -0.0 pass for 0.0
          if (opt.kindOf(b) !== K_FLOAT) opt.setConst(a, b);
          return;
        }
        break;
      case IROp.GUARD_NONNULL:
      case IROp.GUARD_ISNULL:
        if (isConst(a) && (opt.o.getConstR(a) !== null) === (op === IROp.GUARD_NONNULL)) return;
        break;
      case IROp.GUARD_CLASS:
        if (isConst(a) && opt.knownClass(a) === opt.o.getConstR(b)) return;
        break;
      case IROp.GUARD_NO_OVERFLOW:
        if (opt.ovfGone) {
          opt.ovfGone = false;
          return;
        }
        break;
    }
    if (op === IROp.INT_ADD_OVF || op === IROp.INT_SUB_OVF || op === IROp.INT_MUL_OVF) opt.ovfGone = false;
    this.pass(o);
  }
  private i(v: int): int {
    return this.opt.o.getConstI(v);
  }
  private f(v: int): float {
    return this.opt.o.getConstF(v);
  }
  private int(o: OpRec, x: int): void {
    this.opt.replace(o, this.opt.o.cInt(x));
  }
  private float(o: OpRec, x: float): void {
    this.opt.replace(o, this.opt.o.cFloat(x));
  }
  private bool(o: OpRec, x: boolean): void {
    this.opt.replace(o, this.opt.o.cInt(x ? 1 : 0));
  }
  private sameConst(a: int, b: int): boolean {
    const k = this.opt.kindOf(a);
    if (k !== this.opt.kindOf(b)) return false;
    if (k === K_INT) return this.i(a) === this.i(b);
    if (k === K_FLOAT) return this.f(a) === this.f(b) && 1.0 / this.f(a) === 1.0 / this.f(b);
    return this.opt.o.getConstR(a) === this.opt.o.getConstR(b);
  }
  /** x+0, 0+x, x-0, x-x, x*1, 1*x, x*0 (plain int ops); true when o was replaced */
  private identity(o: OpRec, op: int, a: int, b: int): boolean {
    const opt = this.opt;
    const za = opt.constInt(a) ? this.i(a) : -1;
    const zb = opt.constInt(b) ? this.i(b) : -1;
    if (op === IROp.INT_ADD) {
      if (zb === 0) opt.replace(o, a);
      else if (za === 0) opt.replace(o, b);
      else return false;
      return true;
    }
    if (op === IROp.INT_SUB) {
      if (zb === 0) opt.replace(o, a);
      else if (a === b) this.int(o, 0);
      else return false;
      return true;
    }
    if (zb === 1) opt.replace(o, a);
    else if (za === 1) opt.replace(o, b);
    else if (za === 0 || zb === 0) this.int(o, 0);
    else return false;
    return true;
  }
}

/** comparison k (0 lt, 1 le, 2 eq, 3 ne, 4 gt, 5 ge) given a < b and a == b */
function cmp(k: int, lt: boolean, eq: boolean): boolean {
  switch (k) {
    case 0:
      return lt;
    case 1:
      return lt || eq;
    case 2:
      return eq;
    case 3:
      return !eq;
    case 4:
      return !lt && !eq;
  }
  return !lt;
}
