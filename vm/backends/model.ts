// What every JIT backend offers the JIT (as PyPy's backend/model.py AbstractCPU): compile a
// loop trace, run it on a jitframe until a guard fails, and say which guard. Capabilities are
// flags the JIT checks (never backend names).
import type { int, float } from '../../translate/rlib/index.ts';
import { PyObject, PyBaseExc } from '../objects/core.ts';
import { Trace } from '../jit/ir.ts';

/** The values a running trace holds, by kind (indexed by op number for llgraph; native
 * backends spill to the same typed arrays), and the exception a helper call raised. */
export class JitFrame {
  ints: int[] = [];
  floats: float[] = [];
  refs: (PyObject | null)[] = [];
  exc: PyBaseExc | null = null;
  /** loop iterations begun since the host last cleared it (entries, back-edges, bridges
   * re-entering the loop): a loop that runs few per entry is given up */
  iters: int = 0;
}

/** What a run returns besides an op index of the trace it was given: the values for the next
 * iteration are in the loop's jitframe (a linked bridge reached the loop header). */
export const EXIT_LOOP_AGAIN = (1 << 24) - 1;
/** What a run returns when linked code of a bridge of a bridge ended in another loop of the
 * frame: that loop's inputs are in its jitframe, and the switch word names it (the code could
 * not jump into it from inside the call of a bridge: the JIT runs it). */
export const EXIT_SWITCH = EXIT_LOOP_AGAIN - 1;
/** An exit in a linked bridge: (bridge number + 1) << EXIT_SHIFT | op index of the bridge. */
export const EXIT_SHIFT = 24;

/** How a bridge is entered from guard g of its parent (the loop, or a bridge) and how it
 * hands its values back to the loop: what Backend.link needs to make g jump into it. */
export class BridgeLink {
  parent: CompiledLoop;
  /** the parent's guard (op index) whose exit now goes to the bridge */
  guard: int;
  bridge: CompiledLoop;
  /** the bridge's number (exits in it return (num + 1) << EXIT_SHIFT | op) */
  num: int;
  /** the loop the bridge ends in, and its jitframe (persistent, as the bridge's) */
  loop: CompiledLoop;
  loopFrame: JitFrame;
  bridgeFrame: JitFrame;
  /** the bridge's inputs after the cells: input cells + k is the parent's value srcs[k] (a
   * jitframe slot of kind kinds[k]) */
  srcs: int[];
  kinds: int[];
  /** the frame's cells, the bridge's first inputs, are the parent's slots parentCells.. */
  cells: int = 0;
  parentCells: int = 0;
  /** A bridge that ends at the header of another loop of the frame (a loop nest's inner
   * loops): its FINISH values go into that loop's jitframe and the code jumps into it (from
   * the loop's own guard; from a bridge's it returns EXIT_SWITCH), so the nest runs from loop
   * to loop without returning to the interpreter. null: the bridge ends in its own loop. */
  target: CompiledLoop | null = null;
  targetFrame: JitFrame | null = null;
  /** the target's number, stored at switchWord when the code switches to it (an exit then
   * names a guard of the target's traces); the addresses of the two loops' busy words (the
   * target's is tested: a loop running in an outer call keeps its jitframe) */
  targetId: int = -1;
  switchWord: int = 0;
  fromBusy: int = 0;
  toBusy: int = 0;
  constructor(parent: CompiledLoop, guard: int, bridge: CompiledLoop, num: int, loop: CompiledLoop, loopFrame: JitFrame, bridgeFrame: JitFrame) {
    this.parent = parent;
    this.guard = guard;
    this.bridge = bridge;
    this.num = num;
    this.loop = loop;
    this.loopFrame = loopFrame;
    this.bridgeFrame = bridgeFrame;
    this.srcs = [];
    this.kinds = [];
  }
}

/** An entry trace's FINISH linked into the loop it hands the frame to: from and to with their
 * (persistent) jitframes; the words as in BridgeLink (toId stored at switchWord; the busy
 * words of both). */
export class EntryLink {
  from: CompiledLoop;
  fromFrame: JitFrame;
  to: CompiledLoop;
  toFrame: JitFrame;
  toId: int = -1;
  switchWord: int = 0;
  fromBusy: int = 0;
  toBusy: int = 0;
  constructor(from: CompiledLoop, fromFrame: JitFrame, to: CompiledLoop, toFrame: JitFrame) {
    this.from = from;
    this.fromFrame = fromFrame;
    this.to = to;
    this.toFrame = toFrame;
  }
}

/** A loop handed to a backend. */
export class CompiledLoop {
  trace: Trace;
  constructor(trace: Trace) {
    this.trace = trace;
  }
}

export abstract class Backend {
  name: string;
  supportsFloats: boolean = true;
  constructor(name: string) {
    this.name = name;
  }
  abstract compileLoop(trace: Trace): CompiledLoop;
  /** Runs loop with its inputs in jf (the values of its INPUT ops, by op number); returns the
   * index of the guard that failed, jf holding every value the guard's snapshot may read. */
  abstract run(loop: CompiledLoop, jf: JitFrame): int;
  /** Compiles a bridge (a trace from INPUTs through a LABEL to a FINISH). */
  compileBridge(trace: Trace): CompiledLoop {
    return this.compileLoop(trace);
  }
  /** Makes guard l.guard of l.parent jump straight into l.bridge (patching the parent's
   * code); false when this backend does not patch code, and the JIT then enters the bridge
   * itself when the guard's index comes back from run(). */
  link(l: BridgeLink): boolean {
    return false;
  }
  /** Makes the FINISH that ends entry trace l.from (an outer loop's trace ending at an inner
   * loop's header) jump straight into l.to, as a linked bridge into another loop does; false
   * when this backend does not patch code (the JIT then switches loops itself). */
  linkInto(l: EntryLink): boolean {
    return false;
  }
  /** The loop linked code last switched to (BridgeLink.targetId), written by that code;
   * -1 when the run ended in the loop it began in. The JIT resets it before each run. */
  switchedTo: int = -1;
  /** Adds to jf.iters the iterations loop counted itself while linked code ran it. */
  takeIters(loop: CompiledLoop, jf: JitFrame): void {}
  /** Drops what the backend keeps of the last run of loop (a bridge run from linked code
   * leaves its helper call's arguments in its run context). */
  release(loop: CompiledLoop): void {}
  /** The machine code of a compiled loop, once (empty for backends that make none, and the
   * second time): a copy kept per trace held 8 bytes per byte of code (raytrace's 585 KB of
   * code kept 4.7 MB alive, marked at every collection). */
  takeCode(loop: CompiledLoop): int[] {
    return [];
  }
}
