// The optimizer's entry: the passes in PyPy's order, each switchable (`--jit enable_opts=`),
// run as one forward chain over a recorded loop; unroll peels the first iteration; dce ends.
import type { int } from '../../../translate/rlib/index.ts';
import { Trace, IROp } from '../ir.ts';
import { Optimizer, Pass, outputFor } from './optimizer.ts';
import { Rewrite } from './rewrite.ts';
import { IntBounds } from './intbounds.ts';
import { Virtualize } from './virtualize.ts';
import { Pure } from './pure.ts';
import { Heap } from './heap.ts';
import { peel, UnrollHost } from './unroll.ts';
import { eliminateDeadCode } from './dce.ts';

/** the passes, in chain order; bit k of an opts set is OPT_NAMES[k] */
export const OPT_NAMES = ['rewrite', 'intbounds', 'virtualize', 'pure', 'heap', 'unroll', 'dce'];
export const OPT_REWRITE = 1;
export const OPT_INTBOUNDS = 2;
export const OPT_VIRTUALIZE = 4;
export const OPT_PURE = 8;
export const OPT_HEAP = 16;
export const OPT_UNROLL = 32;
export const OPT_DCE = 64;
export const OPT_ALL = 127;

/** The set named by spec (`all`, `none`, or names joined by ':' as PyPy's enable_opts), or -1. */
export function parseOpts(spec: string): int {
  if (spec === 'all') return OPT_ALL;
  if (spec === 'none' || spec === '') return 0;
  let set = 0;
  for (const name of spec.split(':')) {
    const k = OPT_NAMES.indexOf(name);
    if (k < 0) return -1;
    set |= 1 << k;
  }
  return set;
}
export function optsText(set: int): string {
  if (set === OPT_ALL) return 'all';
  const names: string[] = [];
  for (let k = 0; k < OPT_NAMES.length; k++) if ((set & (1 << k)) !== 0) names.push(OPT_NAMES[k]);
  return names.length === 0 ? 'none' : names.join(':');
}

class Chain extends UnrollHost {
  opts: int;
  constructor(opts: int) {
    super();
    this.opts = opts;
  }
  optimizer(t: Trace, o: Trace): Optimizer {
    const opt = new Optimizer(t, o);
    const passes: Pass[] = [];
    if ((this.opts & OPT_REWRITE) !== 0) passes.push(new Rewrite(opt));
    if ((this.opts & OPT_INTBOUNDS) !== 0) passes.push(new IntBounds(opt));
    if ((this.opts & OPT_VIRTUALIZE) !== 0) passes.push(new Virtualize(opt));
    if ((this.opts & OPT_PURE) !== 0) passes.push(new Pure(opt));
    if ((this.opts & OPT_HEAP) !== 0) passes.push(new Heap(opt));
    opt.setChain(passes);
    return opt;
  }
}

/** A recorded loop (inputs, LABEL, body, JUMP to the LABEL) or bridge (ending in a FINISH
 * whose values go to a loop) optimised by the passes in opts. */
export function optimize(t: Trace, opts: int): Trace {
  const label = t.labelIndex();
  const jumpIdx = t.ops.length - 1;
  const last = jumpIdx >= 0 ? t.ops[jumpIdx] : -1;
  if (label < 0 || (last !== IROp.JUMP && last !== IROp.FINISH)) throw new Error('jit optimizer: a trace ends with a JUMP to its LABEL or a FINISH');
  const o = outputFor(t);
  const chain = new Chain(opts);
  const pre = chain.optimizer(t, o);
  for (let i = 0; i < label; i++) pre.map[i] = o.emit(t.ops[i], [], 0, -1);
  const largs: int[] = [];
  for (let k = 0; k < t.argCount[label]; k++) largs.push(pre.res(t.arg(label, k)));
  o.emit(IROp.LABEL, largs, 0, -1);
  for (let i = label + 1; i < jumpIdx; i++) pre.sendInput(i);
  const jump: int[] = [];
  for (let k = 0; k < t.argCount[jumpIdx]; k++) jump.push(pre.res(t.arg(jumpIdx, k)));
  if (last === IROp.FINISH || (opts & OPT_UNROLL) === 0 || !peel(pre, jump, chain)) {
    const a: int[] = [];
    for (const v of jump) a.push(pre.force(v));
    o.emit(last, a, 0, -1);
  }
  return (opts & OPT_DCE) !== 0 ? eliminateDeadCode(o) : o;
}
