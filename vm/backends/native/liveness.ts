// Live ranges of a trace's values, for register allocation and for what a guard exit must leave
// in the jitframe. A value lives from the op that defines it to its last reader, where readers
// are the ops that take it as an argument and the guards whose resume snapshot names it
// (directly or inside a virtual tuple). Values defined before the loop's LABEL and read inside
// the loop live to the JUMP (the back-edge reads them again); the LABEL's arguments do not:
// they live to their last reader, and the JUMP writes the next iteration's values into their
// locations (those the loop reads).
import type { int } from '../../../translate/rlib/index.ts';
import { Trace, IROp, OPS, F_GUARD, F_OVF, K_VOID, VBASE, UNSET } from '../../jit/ir.ts';

/** end[v]: index of the last op reading op v's result (-1: never read). */
export class Liveness {
  end: int[] = [];
}

function markValue(t: Trace, lv: Liveness, v: int, pc: int): void {
  if (v < 0 || v === UNSET) return;
  if (v >= VBASE) {
    for (const x of t.vtuples[v - VBASE]) markValue(t, lv, x, pc);
    return;
  }
  if (lv.end[v] < pc) lv.end[v] = pc;
}

export function liveness(t: Trace): Liveness {
  const lv = new Liveness();
  const n = t.ops.length;
  for (let i = 0; i < n; i++) lv.end.push(-1);
  for (let pc = 0; pc < n; pc++) {
    const op = t.ops[pc];
    const s = t.argStart[pc];
    // a LABEL is where values arrive, not a reader
    if (op !== IROp.LABEL) for (let k = 0; k < t.argCount[pc]; k++) markValue(t, lv, t.args[s + k], pc);
    if ((OPS.defs[op].flags & F_GUARD) !== 0 && t.snap[pc] >= 0 && t.snap[pc] < t.snapshots.length) {
      for (const f of t.snapshots[t.snap[pc]].frames) {
        for (const v of f.fast) markValue(t, lv, v, pc);
        for (const v of f.stack) markValue(t, lv, v, pc);
        markValue(t, lv, f.self, pc);
      }
    }
  }
  const label = t.loopLabelIndex();
  let jump = -1;
  for (let pc = n - 1; pc >= 0; pc--) {
    if (t.ops[pc] === IROp.JUMP) {
      jump = pc;
      break;
    }
  }
  if (label >= 0 && jump > label) {
    // a LABEL argument lives to its last reader only: the JUMP's parallel move writes the next
    // iteration's value into its location (reading every source first), so its register can
    // hold other values after that reader (the one that replaces it, typically)
    const isArg: boolean[] = [];
    for (let v = 0; v < label; v++) isArg.push(false);
    const ls = t.argStart[label];
    for (let k = 0; k < t.argCount[label]; k++) {
      const v = t.args[ls + k];
      if (v >= 0 && v < label) isArg[v] = true;
    }
    for (let v = 0; v < label; v++) if (lv.end[v] > label && !isArg[v]) lv.end[v] = jump;
  }
  return lv;
}

/** The *_OVF op whose result is undefined when guard g fails (g a GUARD_NO_OVERFLOW right
 * after it, merge points aside; resuming re-runs the instruction): -1 for other guards. */
export function undoneAt(t: Trace, g: int): int {
  if (t.ops[g] !== IROp.GUARD_NO_OVERFLOW) return -1;
  let p = g - 1;
  while (p >= 0 && t.ops[p] === IROp.DEBUG_MERGE_POINT) p--;
  return p >= 0 && (OPS.defs[t.ops[p]].flags & F_OVF) !== 0 ? p : -1;
}

/** Which values a backend must leave in the jitframe when guard (or FINISH) g exits: those
 * defined before it and still live there (read by it, a later op, or its snapshot), but an
 * overflowed result. */
export function liveAtExit(t: Trace, g: int): boolean[] {
  const lv = liveness(t);
  const undone = undoneAt(t, g);
  const out: boolean[] = [];
  for (let v = 0; v < t.ops.length; v++) out.push(v < g && v !== undone && lv.end[v] >= g && OPS.defs[t.ops[v]].result !== K_VOID);
  return out;
}
