// Graph transformations shared by the stages, kept beside the model like the checker.
import { Block, FunctionGraph, LAST_EXCEPTION, Variable } from './graph.ts';

/**
 * Removes block inputs that nothing reads. The flow builder passes every local in scope
 * along every link; most are dead at the target. An input is live if an operation or the
 * exit switch of its block reads it, or a link passes it to a live input of the next block.
 */
export function removeDeadInputs(g: FunctionGraph): void {
  const blocks = g.blocks().filter((b) => b !== g.returnblock && b !== g.exceptblock && b !== g.startblock);
  const all = g.blocks();
  const live = new Set<Variable>();
  const mark = (v: unknown): void => {
    if (v instanceof Variable) live.add(v);
  };
  for (const b of all) {
    for (const op of b.operations) op.args.forEach(mark);
    if (b.exitswitch !== LAST_EXCEPTION) mark(b.exitswitch);
  }
  for (const v of g.returnblock.inputargs) live.add(v);
  for (const v of g.exceptblock.inputargs) live.add(v);
  for (const v of g.startblock.inputargs) live.add(v);
  // propagate backwards along links until nothing changes
  let changed = true;
  while (changed) {
    changed = false;
    for (const b of all) {
      for (const l of b.exits) {
        l.target.inputargs.forEach((t, i) => {
          const a = l.args[i];
          if (live.has(t) && a instanceof Variable && !live.has(a)) {
            live.add(a);
            changed = true;
          }
        });
      }
    }
  }
  const keep = new Map<Block, boolean[]>();
  for (const b of blocks) keep.set(b, b.inputargs.map((v) => live.has(v)));
  for (const b of all) {
    for (const l of b.exits) {
      const k = keep.get(l.target);
      if (k) l.args = l.args.filter((_, i) => k[i]);
    }
  }
  for (const b of blocks) b.inputargs = b.inputargs.filter((_, i) => keep.get(b)![i]);
}
