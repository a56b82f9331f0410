// Graph transformations shared by the stages, kept beside the model like the checker.
import { Block, FunctionGraph, LAST_EXCEPTION, Link, Variable, type Value } from './graph.ts';

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

/**
 * Makes every block self-contained (PyPy's ssa_to_ssi). The flow builder may leave a block
 * using a variable computed in a predecessor: a temporary that was pending when an
 * expression split the control flow (`a + (c ? x : y)`, a call inside try). Such a variable
 * becomes a new input of the block, passed along every incoming link, recursively.
 */
export function ssaToSsi(g: FunctionGraph): void {
  const blocks = g.blocks();
  const preds = new Map<Block, Link[]>();
  for (const b of blocks) for (const l of b.exits) {
    if (!preds.has(l.target)) preds.set(l.target, []);
    preds.get(l.target)!.push(l);
  }
  const definedIn = (b: Block): Set<Variable> => {
    const s = new Set<Variable>(b.inputargs);
    for (const op of b.operations) s.add(op.result);
    return s;
  };
  const work: [Block, Variable][] = [];
  for (const b of blocks) {
    const def = definedIn(b);
    const need = new Set<Variable>();
    const visit = (v: unknown): void => {
      if (v instanceof Variable && !def.has(v)) need.add(v);
    };
    for (const op of b.operations) op.args.forEach(visit);
    if (b.exitswitch !== LAST_EXCEPTION) visit(b.exitswitch);
    for (const l of b.exits) l.args.forEach(visit);
    for (const v of need) work.push([b, v]);
  }
  const renamed = new Map<Block, Map<Variable, Variable>>();
  while (work.length) {
    const [b, v] = work.pop()!;
    let m = renamed.get(b);
    if (!m) renamed.set(b, (m = new Map()));
    if (m.has(v)) continue;
    if (b === g.startblock) throw new Error(`flow: ${g.name} uses ${v} before it is defined`);
    const nv = new Variable(v.name);
    m.set(v, nv);
    b.inputargs.push(nv);
    const r = (x: Value): Value => (x === v ? nv : x);
    for (const op of b.operations) op.args = op.args.map(r);
    if (b.exitswitch instanceof Variable) b.exitswitch = r(b.exitswitch) as Variable;
    for (const l of b.exits) l.args = l.args.map(r);
    for (const l of preds.get(b) ?? []) {
      l.args.push(v);
      const p = l.prevblock!;
      const pm = renamed.get(p);
      if (pm?.has(v)) l.args[l.args.length - 1] = pm.get(v)!;
      else if (!definedIn(p).has(v)) work.push([p, v]);
    }
  }
}
