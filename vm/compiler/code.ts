// Code objects produced by the compiler and run by vm/interpreter/eval.ts.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyStr, PyType, PyDict, ShapeMap, codeType } from '../objects/core.ts';
import { F_JUMP, F_HANDLER, F_STOP, opFlags, jumpEffect, stackEffect, fusedOp, opName } from './opcodes.ts';

export const CO_VARARGS = 1;
export const CO_VARKW = 2;
export const CO_GENERATOR = 4;
export const CO_NAMES = 8; // uses a locals dict (module / class body)
// CPython's values: Python code reads them in co_flags (inspect.iscoroutinefunction)
export const CO_COROUTINE = 0x80;
export const CO_ASYNC_GENERATOR = 0x200;
/** a generator `await` accepts (types.coroutine sets it through code.replace), CPython's bit */
export const CO_ITERABLE_COROUTINE = 0x100;

/** The depths and loop counters of every code object until it gets its own list (they are
 * assigned whole, never pushed to): two allocations fewer per function loaded. */
const NO_INTS: int[] = [];

export class PyCode extends PyObject {
  name: string;
  qualname: string;
  filename: string;
  firstLine: int;
  /** (op, arg) pairs, as the compiler emits them */
  ops: int[] = [];
  /** the same instructions packed one per word (op + arg * 128) for the interpreter */
  words: int[] = [];
  lines: int[] = [];
  consts: PyObject[] = [];
  names: string[] = [];
  nameObjs: PyStr[] = [];
  varnames: string[] = [];
  cellvars: string[] = [];
  freevars: string[] = [];
  cell2arg: int[] = [];
  argcount: int = 0;
  posonly: int = 0;
  kwonly: int = 0;
  flags: int = 0;
  /** the deepest the value stack gets (maxStackDepth): a frame's stack has this many slots */
  stacksize: int = 0;
  /** stackDepths(ops), computed when first needed (gc.collect) */
  depths: int[] = NO_INTS;
  /** per-instruction inline caches, made when an attribute or global instruction first runs
   * (cacheAt): most instructions of a module's code run once or never, and a cache each up
   * front was a tenth of what importing the standard library allocated */
  ics: (InlineCache | null)[] = [];
  /** the JIT's index for this code's loop counters (vm/jit/hooks.ts; -1: none yet): found
   * at every backward jump, so a field, not a map lookup */
  jitSlot: int = -1;
  /** the JIT's warm-up counters, one per instruction (at a JUMP_BACKWARD's target; empty until
   * the first backward jump with the JIT on): the interpreter decrements the header's counter
   * and calls the JIT's hook only when it reaches 0, so a loop that is warming up, or that the
   * JIT gave up on (a counter it never reaches), costs one decrement per iteration, not a
   * call (PyPy's jitdriver counters). The hook re-arms it (vm/jit/hooks.ts). */
  jitCount: int[] = NO_INTS;
  /** calls of this code are no longer inlined into traces: a loop in it ran longer than a
   * recording unrolls (vm/jit/recorder.ts), so it is called instead */
  jitNoInline: boolean = false;
  constructor(name: string, filename: string, firstLine: int) {
    super(codeType);
    this.name = name;
    this.qualname = name;
    this.filename = filename;
    this.firstLine = firstLine;
  }
}

/** A new code object with c's fields (code.replace then changes some): listed here, next to the
 * fields, so a field added to PyCode is not forgotten. The inline caches start empty and the
 * JIT's loop counters are the copy's own. */
export function copyCode(c: PyCode): PyCode {
  const r = new PyCode(c.name, c.filename, c.firstLine);
  r.qualname = c.qualname;
  r.ops = c.ops;
  // repacked, not shared: the JIT rewrites the back edges of loops it gives up on in place,
  // and the copy's loops are its own
  r.words = packInstructions(c.ops);
  r.lines = c.lines;
  r.consts = c.consts;
  r.names = c.names;
  r.nameObjs = c.nameObjs;
  r.varnames = c.varnames;
  r.cellvars = c.cellvars;
  r.freevars = c.freevars;
  r.cell2arg = c.cell2arg;
  r.argcount = c.argcount;
  r.posonly = c.posonly;
  r.kwonly = c.kwonly;
  r.flags = c.flags;
  r.stacksize = c.stacksize;
  r.depths = c.depths;
  r.ics = noCaches(c.ics.length);
  return r;
}

class Nulls {
  caches: (InlineCache | null)[] = [];
}
const NULLS = new Nulls();
/** A list of n nulls, allocated at its exact size (a copy of a prebuilt one). */
export function noCaches(n: int): (InlineCache | null)[] {
  const all = NULLS.caches;
  while (all.length < n) all.push(null);
  return all.slice(0, n);
}

/** The inline cache of code's instruction i, made now if it has none yet (callers write
 * `code.ics[i] ?? cacheAt(code, i)`, so a warm instruction pays no call). */
export function cacheAt(code: PyCode, i: int): InlineCache {
  const ic = new InlineCache();
  code.ics[i] = ic;
  return ic;
}

/** One receiver map an attribute instruction has seen and what its lookup found when the
 * global type version was the cache's `ver`. */
export class IcEntry {
  map: ShapeMap | null;
  /** the attribute's slot index (>= 0), or -1: the answer is `value` (a class attribute or method) */
  slot: int;
  value: PyObject | null;
  /** STORE_ATTR adding the attribute: the map after adding it */
  after: ShapeMap | null;
  constructor(map: ShapeMap | null, slot: int, value: PyObject | null, after: ShapeMap | null) {
    this.map = map;
    this.slot = slot;
    this.value = value;
    this.after = after;
  }
}
/** The entry of an empty cache line (matches no map). */
export const NO_ENTRY = new IcEntry(null, -1, null, null);

/** The inline cache of one LOAD_ATTR / STORE_ATTR / LOAD_METHOD / LOAD_GLOBAL instruction.
 *
 * Instance entries are keyed by the receiver's map alone (maps are per class, so a map implies
 * the class): up to four maps per site (icProbe in interpreter/caches.ts looks them up); any
 * class mutation bumps the type version and empties the cache.
 *
 * Global entries (LOAD_GLOBAL, and attribute loads from a module) remember the entry number of
 * the name in dict gd (or in the builtins when gb), valid while no key was added to or removed
 * from gd (gver) and the builtins (bver). */
export class InlineCache {
  ver: int = -1;
  /** the entry the next fill replaces (round robin) */
  next: int = 0;
  e0: IcEntry = NO_ENTRY;
  e1: IcEntry = NO_ENTRY;
  e2: IcEntry = NO_ENTRY;
  e3: IcEntry = NO_ENTRY;
  /** LOAD_METHOD on builtin-typed receivers: the method found on class bc */
  bc: PyType | null = null;
  bv: PyObject | null = null;
  gd: PyDict | null = null;
  gver: int = -1;
  bver: int = -1;
  gidx: int = -1;
  gb: boolean = false;
}

/** The deepest the value stack gets over every path through ops, (op, arg) pairs whose jump
 * args are instruction indexes: each instruction is reached at one depth (a merge point at two
 * depths is a compiler bug, reported here), so frames allocate exactly this much and the
 * interpreter never checks for room. */
export function maxStackDepth(ops: int[]): int {
  return stackDepths(ops)[ops.length >> 1];
}
/** The value-stack depth before each instruction of ops (-1: unreachable), then, last, the
 * maximum depth (see maxStackDepth). */
export function stackDepths(ops: int[]): int[] {
  const n = ops.length >> 1;
  const depth: int[] = [];
  for (let i = 0; i < n; i++) depth.push(-1);
  const work: int[] = [];
  let max = 0;
  if (n > 0) {
    depth[0] = 0;
    work.push(0);
  }
  while (work.length > 0) {
    let i = work.pop() as int;
    let d = depth[i];
    for (;;) {
      const op = ops[i * 2];
      const arg = ops[i * 2 + 1];
      const flags = opFlags(op);
      if ((flags & (F_JUMP | F_HANDLER)) !== 0) {
        const t = d + jumpEffect(op);
        if (t > max) max = t;
        if (reach(depth, arg, t, i)) work.push(arg);
      }
      d += stackEffect(op, arg);
      if (d < 0) throw new Error(`internal compiler error: stack underflow at instruction ${i} (${opName(op)})`);
      if (d > max) max = d;
      i++;
      if ((flags & F_STOP) !== 0 || i >= n || !reach(depth, i, d, i - 1)) break;
    }
  }
  depth.push(max);
  return depth;
}
/** Records that instruction i is reached at depth d (from instruction from); true when it was
 * not reached before. */
function reach(depth: int[], i: int, d: int, from: int): boolean {
  const old = depth[i];
  if (old < 0) {
    depth[i] = d;
    return true;
  }
  if (old !== d) throw new Error(`internal compiler error: instruction ${i} reached at stack depth ${old} and ${d} (from ${from})`);
  return false;
}

/** Packs (op, arg) pairs into words (op + arg * 128), fusing common pairs (see fuse in opcodes.ts). */
export function packInstructions(ops: int[]): int[] {
  // the first half of ops: a list of the right size, allocated once
  const words = ops.slice(0, ops.length >> 1);
  for (let i = 0; i < words.length; i++) words[i] = ops[i * 2] + ops[i * 2 + 1] * 128;
  for (let i = 0; i + 1 < words.length; i++) {
    const f = fusedOp(ops[i * 2], ops[i * 2 + 2]);
    if (f >= 0) words[i] = f + ops[i * 2 + 1] * 128;
  }
  return words;
}
