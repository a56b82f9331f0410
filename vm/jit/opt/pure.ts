// pure: common-subexpression elimination (PyPy's pure.py). A pure op, or a call of an
// elidable helper, with the same arguments and descr as an earlier one is that earlier result.
import type { int } from '../../../translate/rlib/index.ts';
import { OPS, F_PURE, F_CALL, K_VOID } from '../ir.ts';
import { HELPERS, EF_ELIDABLE } from '../helpers.ts';
import { Pass, OpRec, NONE } from './optimizer.ts';

export class Pure extends Pass {
  seen: Map<string, int> = new Map<string, int>();
  propagate(o: OpRec): void {
    const def = OPS.defs[o.op];
    const elidable = (def.flags & F_CALL) !== 0 && def.result !== K_VOID && HELPERS.defs[o.descr].effect === EF_ELIDABLE;
    if ((def.flags & F_PURE) === 0 && !elidable) {
      this.pass(o);
      return;
    }
    const opt = this.opt;
    for (let k = 0; k < o.args.length; k++) o.args[k] = opt.force(o.args[k]);
    let key = String(o.op) + ':' + String(o.descr);
    for (const a of o.args) key += ',' + String(a);
    const prev = this.seen.get(key);
    if (prev !== undefined) {
      opt.replace(o, opt.get(prev));
      return;
    }
    this.pass(o);
    const r = opt.map[o.src];
    if (r !== NONE) this.seen.set(key, r);
  }
}
