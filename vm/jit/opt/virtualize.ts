// virtualize: allocation removal (PyPy's virtualize.py). NEW_INT, NEW_FLOAT and NEW_TUPLE
// become virtuals: reads of their fields are the values they were built from, class and
// null checks on them go, snapshots hold them as unboxed values or snapshot tuples (deopt
// builds the objects). Any other use forces the allocation, there and then. Identity
// comparisons force too: newInt shares small ints, so two boxes of one value may be one object.
// Lists and instances are not virtualised (their storage is mutable and escapes on most uses).
import type { int } from '../../../translate/rlib/index.ts';
import { intType, floatType, tupleType } from '../../objects/core.ts';
import { IROp, D_INT_V, D_INT_SMALL, D_FLOAT_V, D_TUPLE_ITEMS } from '../ir.ts';
import { Pass, OpRec } from './optimizer.ts';

export class Virtualize extends Pass {
  propagate(o: OpRec): void {
    const opt = this.opt;
    const op = o.op;
    if (op === IROp.NEW_INT || op === IROp.NEW_FLOAT || op === IROp.NEW_TUPLE) {
      opt.replace(o, opt.newVirtual(op, o.args.slice(0)));
      return;
    }
    const a = o.args.length > 0 ? o.args[0] : 0;
    if (o.args.length > 0 && opt.isVirtual(a)) {
      const v = opt.virtual(a);
      switch (op) {
        case IROp.GETFIELD_I:
          if (v.op === IROp.NEW_INT && o.descr === D_INT_V) {
            opt.replace(o, v.fields[0]);
            return;
          }
          if (v.op === IROp.NEW_INT && o.descr === D_INT_SMALL) {
            opt.replace(o, opt.o.cInt(1));
            return;
          }
          break;
        case IROp.GETFIELD_F:
          if (v.op === IROp.NEW_FLOAT && o.descr === D_FLOAT_V) {
            opt.replace(o, v.fields[0]);
            return;
          }
          break;
        case IROp.ARRAYLEN:
          if (v.op === IROp.NEW_TUPLE && o.descr === D_TUPLE_ITEMS) {
            opt.replace(o, opt.o.cInt(v.fields.length));
            return;
          }
          break;
        case IROp.GETARRAYITEM_R: {
          const i = o.args[1];
          if (v.op === IROp.NEW_TUPLE && o.descr === D_TUPLE_ITEMS && opt.constInt(i)) {
            const k = opt.o.getConstI(i);
            if (k >= 0 && k < v.fields.length) {
            opt.replace(o, v.fields[k]);
            return;
          }
          }
          break;
        }
        case IROp.GUARD_CLASS: {
          const want = opt.o.getConstR(o.args[1]);
          const cls = v.op === IROp.NEW_INT ? intType : v.op === IROp.NEW_FLOAT ? floatType : tupleType;
          if (want === cls) return;
          break;
        }
        case IROp.GUARD_NONNULL:
          return;
      }
    }
    // any other use of a virtual: it escapes here
    for (let k = 0; k < o.args.length; k++) o.args[k] = opt.force(o.args[k]);
    this.pass(o);
  }
}
