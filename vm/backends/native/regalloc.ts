// Linear-scan register allocation over a trace (Poletto and Sarkar): one location per value for
// its whole live range, a register of its class (integers and pointers share the general
// registers, doubles have theirs) or, when more values are live than registers, its own slot in
// the jitframe's typed arrays (ints/floats/refs by op number: precise GC roots, and what deopt
// reads). When a class runs out, the range ending last is spilled. Because a range keeps its
// location, each loop LABEL argument has one fixed location across the back-edge, and the JUMP
// moves the next iteration's values into it; as an argument's range ends at its last reader,
// its register may then hold the value that replaces it (the JUMP's move is then none).
// ISA-independent: it needs only how many registers of each class there are.
import type { int } from '../../../translate/rlib/index.ts';
import { Trace, OPS, K_VOID, K_FLOAT } from '../../jit/ir.ts';
import { Liveness } from './liveness.ts';

/** loc[v] of a value that lives in its jitframe slot */
export const SPILLED = -1;
/** loc[v] of a value nobody reads (computed into a scratch register, never stored) */
export const UNUSED = -2;

export class Allocation {
  /** per op: index into the ISA's gprs or fprs (by the value's kind), SPILLED or UNUSED */
  loc: int[] = [];
  /** how many values were spilled (logs, tests) */
  spills: int = 0;
}

class ClassState {
  free: int[] = [];
  /** values holding a register of this class, in no order */
  active: int[] = [];
}

function expire(st: ClassState, a: Allocation, lv: Liveness, pc: int): void {
  // ranges ending at pc give their register to pc's own result: an op reads its operands
  // before it writes its result (the ISA's methods accept dst equal to an operand)
  for (let k = st.active.length - 1; k >= 0; k--) {
    const v = st.active[k];
    if (lv.end[v] <= pc) {
      st.free.push(a.loc[v]);
      st.active.splice(k, 1);
    }
  }
}

export function allocate(t: Trace, lv: Liveness, ngprs: int, nfprs: int): Allocation {
  const a = new Allocation();
  const gp = new ClassState();
  const fp = new ClassState();
  // handed out lowest first (free is used as a stack)
  for (let r = ngprs - 1; r >= 0; r--) gp.free.push(r);
  for (let r = nfprs - 1; r >= 0; r--) fp.free.push(r);
  for (let pc = 0; pc < t.ops.length; pc++) {
    expire(gp, a, lv, pc);
    expire(fp, a, lv, pc);
    const kind = OPS.defs[t.ops[pc]].result;
    if (kind === K_VOID) {
      a.loc.push(UNUSED);
      continue;
    }
    if (lv.end[pc] < 0) {
      a.loc.push(UNUSED);
      continue;
    }
    const st = kind === K_FLOAT ? fp : gp;
    if (st.free.length > 0) {
      a.loc.push(st.free.pop() as int);
      st.active.push(pc);
      continue;
    }
    // no register: spill whichever range ends last, this one or an active one
    let far = -1;
    for (let k = 0; k < st.active.length; k++) if (far < 0 || lv.end[st.active[k]] > lv.end[st.active[far]]) far = k;
    if (far >= 0 && lv.end[st.active[far]] > lv.end[pc]) {
      const victim = st.active[far];
      a.loc.push(a.loc[victim]);
      a.loc[victim] = SPILLED;
      st.active[far] = pc;
    } else {
      a.loc.push(SPILLED);
    }
    a.spills++;
  }
  return a;
}
