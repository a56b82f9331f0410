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
  /** The machine code of a compiled loop (empty for backends that make none). */
  codeOf(loop: CompiledLoop): int[] {
    return [];
  }
}
