// Deoptimisation: turns a failed guard's snapshot back into interpreter frames (materialising
// boxed ints, floats and virtual tuples), runs the frames of inlined calls to their return,
// innermost first, and hands the loop's own frame back to the interpreter at the right pc.
// Aborted recordings resume through the same path (resumeFrames); a bridge recorded from a
// guard inside inlined calls starts from the frames rebuilt but not yet run (rebuildFrames).
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyBaseExc, PyExc, PyFloat, None, NULL_OBJ, floatType, newInt, newTuple, raise, TypeError } from '../objects/core.ts';
import { Frame } from '../interpreter/frame.ts';
import { evalFrame } from '../interpreter/eval.ts';
import { typeName } from '../interpreter/runtime.ts';
import { Trace, K_INT, K_FLOAT, VBASE, UNSET } from './ir.ts';
import { Snapshot, RET_INIT } from './snapshot.ts';
import { JitFrame } from '../backends/model.ts';

/** Values of one snapshot, materialised once each (a virtual seen twice is one object). */
class Materialiser {
  t: Trace;
  jf: JitFrame;
  /** made on the first boxed value (most loop exits hold only references) */
  memo: Map<int, PyObject> | null = null;
  constructor(t: Trace, jf: JitFrame) {
    this.t = t;
    this.jf = jf;
  }
  value(v: int): PyObject | null {
    if (v === UNSET) return null;
    const t = this.t;
    if (v < 0) {
      const k = t.kindOf(v);
      if (k === K_INT) return newInt(t.getConstI(v));
      if (k === K_FLOAT) return new PyFloat(floatType, t.getConstF(v));
      return t.getConstR(v);
    }
    if (v < VBASE && t.kindOf(v) !== K_INT && t.kindOf(v) !== K_FLOAT) return this.jf.refs[v];
    let memo = this.memo;
    if (memo === null) {
      memo = new Map<int, PyObject>();
      this.memo = memo;
    }
    const seen = memo.get(v);
    if (seen !== undefined) return seen;
    let o: PyObject;
    if (v >= VBASE) {
      const items: PyObject[] = [];
      for (const x of t.vtuples[v - VBASE]) items.push(this.value(x) as PyObject);
      o = newTuple(items);
    } else if (t.kindOf(v) === K_INT) o = newInt(this.jf.ints[v]);
    else o = new PyFloat(floatType, this.jf.floats[v]);
    memo.set(v, o);
    return o;
  }
}

function ensureStack(f: Frame, n: int): void {
  while (f.stack.length < n) f.stack.push(NULL_OBJ);
}

/** The interpreter frames a snapshot describes, rebuilt but not run (frames[0] is the loop's
 * frame, written in place); rets and selves as resumeFrames takes them. */
export class Rebuilt {
  frames: Frame[] = [];
  rets: int[] = [];
  selves: (PyObject | null)[] = [];
}

/** Writes snapshot s into root and new frames for its inlined calls, without running them. */
export function rebuildFrames(t: Trace, s: Snapshot, jf: JitFrame, root: Frame): Rebuilt {
  const m = new Materialiser(t, jf);
  const out = new Rebuilt();
  for (let k = 0; k < s.frames.length; k++) {
    const sf = s.frames[k];
    let f: Frame;
    if (k === 0) f = root;
    else {
      const fast: (PyObject | null)[] = [];
      for (let i = 0; i < sf.fast.length; i++) fast.push(null);
      const fn = sf.fn;
      f = new Frame(sf.code, fn, fn === null ? root.globals : fn.globals, null, fast);
    }
    for (let i = 0; i < sf.fast.length; i++) f.fast[i] = m.value(sf.fast[i]);
    ensureStack(f, sf.stack.length);
    for (let i = 0; i < sf.stack.length; i++) f.stack[i] = m.value(sf.stack[i]) as PyObject;
    f.sp = sf.stack.length;
    f.pc = sf.pc;
    out.frames.push(f);
    out.rets.push(sf.ret);
    out.selves.push(sf.ret === RET_INIT ? m.value(sf.self) : null);
  }
  return out;
}

/** Rebuilds the frames of snapshot s (the first is root, the loop's frame, written in place)
 * and resumes them; returns the pc root continues at (root.sp and root.pendingThrow set). */
export function deopt(t: Trace, s: Snapshot, jf: JitFrame, root: Frame, exc: PyBaseExc | null): int {
  const r = rebuildFrames(t, s, jf, root);
  resumeFrames(r.frames, r.rets, r.selves, exc);
  return root.pc;
}

/** Runs frames[1..] (inlined calls, each at its pc and sp) to their return, innermost first,
 * giving each result to its caller as the interpreter's CALL would (rets[k]: how frame k
 * returns; selves[k]: the instance of a class call). An exception passes outwards the same
 * way; what reaches frames[0] is left in its pendingThrow. */
export function resumeFrames(frames: Frame[], rets: int[], selves: (PyObject | null)[], exc0: PyBaseExc | null): void {
  let exc = exc0;
  let result: PyObject | null = null;
  for (let k = frames.length - 1; k >= 0; k--) {
    const f = frames[k];
    if (result !== null) {
      ensureStack(f, f.sp + 1);
      f.stack[f.sp++] = result;
      result = null;
    }
    if (k === 0) break;
    if (exc !== null) f.pendingThrow = exc;
    exc = null;
    try {
      const r = evalFrame(f);
      if (rets[k] === RET_INIT) {
        if (r !== None) exc = raise(TypeError, `__init__() should return None, not '${typeName(r)}'`).exc;
        else result = selves[k];
      } else result = r;
    } catch (e) {
      if (!(e instanceof PyExc)) throw e;
      exc = e.exc;
    }
  }
  if (exc !== null) frames[0].pendingThrow = exc;
}
