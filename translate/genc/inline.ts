// Graph-level inlining (PyPy's translator/backendopt/inline.py), run by genc's database on
// the low-level graphs before any C is printed. A direct call of a small function is
// replaced by a copy of the callee's blocks: the caller's block is cut at the call, the
// copy's return links go to the rest of the block, its raise links to the caller's own
// exception exit. In C that removes the callee's frame set-up, depth check and the caller's
// exception test after the call, and lets gcc see both bodies at once (the malloc of a
// temporary the callee builds and the caller reads can then be optimised away).
//
// The GC stays precise by construction: the copy is ordinary blocks of the caller, so the
// function emitter roots every GC reference live across one of its collecting operations,
// including the caller's values passed through the copy to the rest of the block.
import { Block, EXC_VALUE, FunctionGraph, LAST_EXCEPTION, Link, Operation, Variable, type Value } from '../model/graph.ts';
import type { FunctionDesc } from '../load/descs.ts';
import type { RtypedProgram } from '../rtype/rtyper.ts';
import { opCanCollect } from '../rtype/lloperation.ts';

/** callee size limits: operations and blocks of its graph */
export const GRAPH_INLINE_MAX_OPS = 14;
const GRAPH_INLINE_MAX_BLOCKS = 8;
/** stop inlining into one caller once it has grown by this many operations */
const CALLER_GROWTH = 400;

/** The pseudo-operation that stands for the callee's entry as a MemoryError safe point. */
export const OOM_SAFEPOINT = 'oom_safepoint';

function fresh(v: Variable): Variable {
  const n = new Variable(v.name);
  n.annotation = v.annotation;
  n.concretetype = v.concretetype;
  return n;
}

function countOps(g: FunctionGraph): { ops: number; blocks: number } {
  let ops = 0;
  let blocks = 0;
  for (const b of g.blocks()) {
    blocks++;
    ops += b.operations.length;
  }
  return { ops, blocks };
}

/**
 * Inlines, into every function of rp, the direct calls of small functions (not those in
 * `skip`: the header's leaf functions, which gcc inlines itself). One level: the copies are
 * made from the callees' graphs as they were before this pass, so recursion cannot unroll.
 * Returns the number of call sites inlined.
 */
export function inlineSmallCalls(rp: RtypedProgram, skip: Set<FunctionDesc>): number {
  const originals = new Map<FunctionDesc, FunctionGraph>();
  const candidate = (fd: FunctionDesc): boolean => {
    if (skip.has(fd) || fd === rp.main) return false;
    const g = rp.graphs.get(fd);
    if (!g) return false;
    const { ops, blocks } = countOps(g);
    if (ops > GRAPH_INLINE_MAX_OPS || blocks > GRAPH_INLINE_MAX_BLOCKS) return false;
    for (const b of g.blocks()) {
      if (rp.unreachable.has(b)) return false;
      for (const op of b.operations) {
        // a callee that calls itself would be copied with its call, which is fine, but it is
        // never small enough to be worth it; `unreachable` ends a block early
        if (op.opname === 'unreachable' || op.opname === OOM_SAFEPOINT) return false;
        if (op.opname === 'direct_call' && op.extra === fd) return false;
      }
    }
    return true;
  };
  for (const fd of rp.functions) {
    if (candidate(fd)) originals.set(fd, copyGraphShape(rp.graphs.get(fd)!));
  }
  let sites = 0;
  for (const caller of rp.functions) {
    const g = rp.graphs.get(caller);
    if (!g) continue;
    let grown = 0;
    const work = g.blocks().filter((b) => b !== g.returnblock && b !== g.exceptblock && !rp.unreachable.has(b));
    while (work.length) {
      const b = work.pop()!;
      const i = b.operations.findIndex((op, k) => {
        if (op.opname !== 'direct_call') return false;
        const fd = op.extra as FunctionDesc;
        if (fd === caller || !originals.has(fd)) return false;
        // a call whose exception the caller catches here stays a call
        if (k === b.operations.length - 1 && b.exitswitch === LAST_EXCEPTION) return false;
        return op.args.length === originals.get(fd)!.startblock.inputargs.length;
      });
      if (i < 0) continue;
      const callee = originals.get(b.operations[i].extra as FunctionDesc)!;
      const added = countOps(callee).ops;
      if (grown + added > CALLER_GROWTH) continue;
      grown += added;
      const rest = inlineAt(g, b, i, callee);
      sites++;
      work.push(rest);
    }
  }
  return sites;
}

/** A private copy of g's blocks (the pass changes callers, which may be callees too). */
function copyGraphShape(g: FunctionGraph): FunctionGraph {
  return copyInto(g, [], (l, args) => new Link(args, l.target, l.exitcase), null).graph;
}

interface Copy {
  graph: FunctionGraph;
  start: Block;
}

/**
 * Copies g's blocks with fresh variables; every copied block also takes `extra.length` more
 * inputs that its links pass along unchanged. Links to g's return or exception block are
 * made by `final` (given the link and its renamed arguments, without the extra ones); with
 * `into` null the copy is a graph of its own whose final blocks are the copy's.
 */
function copyInto(
  g: FunctionGraph,
  extra: Variable[],
  final: (l: Link, args: Value[], pass: Variable[]) => Link,
  into: FunctionGraph | null,
): Copy {
  const map = new Map<Block, { block: Block; pass: Variable[]; rename: Map<Variable, Variable> }>();
  const blocks = g.blocks().filter((b) => b !== g.returnblock && b !== g.exceptblock);
  for (const b of blocks) {
    const rename = new Map<Variable, Variable>();
    const inputs = b.inputargs.map((v) => {
      const n = fresh(v);
      rename.set(v, n);
      return n;
    });
    const pass = extra.map(fresh);
    map.set(b, { block: new Block([...inputs, ...pass]), pass, rename });
  }
  const out = into ?? new FunctionGraph(g.name, map.get(g.startblock)!.block, g.loc);
  const rv = (rename: Map<Variable, Variable>, a: Value): Value => (a instanceof Variable ? (rename.get(a) ?? a) : a);
  for (const b of blocks) {
    const { block, pass, rename } = map.get(b)!;
    for (const op of b.operations) {
      const r = fresh(op.result);
      const nop = new Operation(op.opname, op.args.map((a) => rv(rename, a)), r, op.loc, op.extra);
      rename.set(op.result, r);
      block.operations.push(nop);
    }
    const sw = b.exitswitch instanceof Variable ? (rv(rename, b.exitswitch) as Variable) : b.exitswitch;
    const exits = b.exits.map((l) => {
      const args = l.args.map((a) => (a === EXC_VALUE ? a : rv(rename, a)));
      if (l.target === g.returnblock || l.target === g.exceptblock) {
        if (into) return final(l, args, pass);
        return new Link(args, l.target === g.returnblock ? out.returnblock : out.exceptblock, l.exitcase);
      }
      return new Link([...args, ...pass], map.get(l.target)!.block, l.exitcase);
    });
    block.closeWith(exits, sw);
  }
  if (!into) {
    // the copy's final blocks take the same kind of inputs as the original's
    out.returnblock.inputargs = g.returnblock.inputargs.map(fresh);
    out.exceptblock.inputargs = g.exceptblock.inputargs.map(fresh);
  }
  return { graph: out, start: map.get(g.startblock)!.block };
}

/**
 * Replaces operation i of block b (a direct_call) by a copy of callee. Returns the block
 * holding b's operations after the call, which may hold more calls to inline.
 */
function inlineAt(g: FunctionGraph, b: Block, i: number, callee: FunctionGraph): Block {
  const call = b.operations[i];
  const before = b.operations.slice(0, i);
  const after = b.operations.slice(i + 1);
  // the values b defines before the call that the rest of b reads
  const defined = new Set<Variable>(b.inputargs);
  for (const op of before) defined.add(op.result);
  const needed: Variable[] = [];
  const seen = new Set<Variable>();
  const use = (a: unknown): void => {
    if (a instanceof Variable && defined.has(a) && !seen.has(a)) {
      seen.add(a);
      needed.push(a);
    }
  };
  for (const op of after) op.args.forEach(use);
  if (b.exitswitch instanceof Variable) use(b.exitswitch);
  for (const l of b.exits) l.args.forEach(use);
  // the rest of the block: inputs are the call's result and the needed values, renamed
  const result = fresh(call.result);
  const restPass = needed.map(fresh);
  const rename = new Map<Variable, Variable>([[call.result, result]]);
  needed.forEach((v, k) => rename.set(v, restPass[k]));
  const rv = (a: Value): Value => (a instanceof Variable ? (rename.get(a) ?? a) : a);
  const rest = new Block([result, ...restPass]);
  rest.operations = after.map((op) => {
    op.args = op.args.map(rv);
    return op;
  });
  const exits = b.exits.map((l) => {
    l.args = l.args.map((a) => (a === EXC_VALUE ? a : rv(a)));
    return l;
  });
  rest.closeWith(exits, b.exitswitch instanceof Variable ? (rv(b.exitswitch) as Variable) : b.exitswitch);
  const copy = copyInto(
    callee,
    needed,
    (l, args, pass) => (l.target === callee.returnblock ? new Link([args[0], ...pass], rest, l.exitcase) : new Link(args, g.exceptblock, l.exitcase)),
    g,
  );
  // entering the callee was a safe point for a pending MemoryError: keep one where it
  // allocates, so that a loop calling an inlined allocator still raises it
  if (callee.blocks().some((cb) => cb.operations.some((op) => opCanCollect(op.opname, op.extra)))) {
    const r = new Variable('oom');
    r.concretetype = { k: 'Void' };
    copy.start.operations.unshift(new Operation(OOM_SAFEPOINT, [], r, call.loc, null));
  }
  b.operations = before;
  b.closeWith([new Link([...call.args, ...needed], copy.start)], null);
  return rest;
}
