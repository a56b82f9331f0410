// The llgraph backend: runs a trace by interpreting its ops, one executor per op, no machine
// code (PyPy's backend/llgraph). The reference backend: runs untranslated and translated on
// every host, and defines what the native backends must compute.
import type { int, float } from '../../../translate/rlib/index.ts';
import { addOvf, subOvf, mulOvf, floorDiv, floorMod, toFloat, OverflowError as HostOverflow } from '../../../translate/rlib/index.ts';
import {
  PyObject, PyInt, PyFloat, PyList, PyTuple, PyInstance, PySeqIter, PyDict, PyType, PyCell, PyExc, HOLD, floatType,
  newInt, newTuple, newList, raise, OverflowErrorT, bigOf,
} from '../../objects/core.ts';
import {
  Trace, IROp, K_INT, K_FLOAT, K_REF, OPS, F_GUARD, constKind,
  D_INT_V, D_INT_SMALL, D_FLOAT_V, D_SEQITER_KIND, D_SEQITER_I, D_SEQITER_N, D_SEQITER_STEP, D_SEQITER_SEQ,
  D_LIST_ITEMS, D_TUPLE_ITEMS, D_INSTANCE_SLOTS, D_DICT_VALS, D_CELL_REF, TID_INSTANCE, TID_SEQITER, INV_TYPES,
} from '../../jit/ir.ts';
import { HelperCall, callHelper } from '../../jit/helpers.ts';
import { machineBitOp, machineRshift } from '../../objects/intops.ts';
import { Backend, CompiledLoop, JitFrame } from '../model.ts';

/** What a run keeps between ops besides the jitframe: the overflow flag the last *_OVF op
 * set, and the argument buffer of helper calls. */
export class StepState {
  ovf: boolean = false;
  hc: HelperCall = new HelperCall();
}

function getI(t: Trace, jf: JitFrame, v: int): int {
  return v < 0 ? t.getConstI(v) : jf.ints[v];
}
function getF(t: Trace, jf: JitFrame, v: int): float {
  return v < 0 ? t.getConstF(v) : jf.floats[v];
}
function getR(t: Trace, jf: JitFrame, v: int): PyObject | null {
  return v < 0 ? t.getConstR(v) : jf.refs[v];
}
function kindOfArg(t: Trace, v: int): int {
  return v < 0 ? constKind(v) : OPS.defs[t.ops[v]].result;
}

function getFieldI(o: PyObject, d: int): int {
  switch (d) {
    case D_INT_V:
      return (o as PyInt).v;
    case D_INT_SMALL:
      return bigOf(o as PyInt) === null ? 1 : 0;
    case D_SEQITER_KIND:
      return (o as PySeqIter).kind;
    case D_SEQITER_I:
      return (o as PySeqIter).i;
    case D_SEQITER_N:
      return (o as PySeqIter).n;
    case D_SEQITER_STEP:
      return (o as PySeqIter).step;
  }
  throw new Error('llgraph: bad int field ' + String(d));
}
function setFieldI(o: PyObject, d: int, x: int): void {
  if (d === D_SEQITER_I) (o as PySeqIter).i = x;
  else if (d === D_SEQITER_N) (o as PySeqIter).n = x;
  else throw new Error('llgraph: bad int field store ' + String(d));
}
function arrayOf(o: PyObject, d: int): (PyObject | null)[] {
  switch (d) {
    case D_LIST_ITEMS:
      return (o as PyList).items;
    case D_TUPLE_ITEMS:
      return (o as PyTuple).items;
    case D_INSTANCE_SLOTS:
      return (o as PyInstance).slots;
    case D_DICT_VALS:
      return (o as PyDict).vals;
  }
  throw new Error('llgraph: bad array ' + String(d));
}

/** Executes op pc of t on jf (every op but LABEL, JUMP and merge points); true when it is
 * a guard that fails. The one definition of what each op computes: llgraph runs traces
 * with it, and native backends call it for the ops they do not compile themselves. */
export function execOp(t: Trace, jf: JitFrame, pc: int, st: StepState): boolean {
  const op = t.ops[pc];
  const s = t.argStart[pc];
  const na = t.argCount[pc];
  const a0 = na > 0 ? t.args[s] : 0;
  const a1 = na > 1 ? t.args[s + 1] : 0;
  const hc = st.hc;
  switch (op) {
    case IROp.INT_ADD:
      jf.ints[pc] = getI(t, jf, a0) + getI(t, jf, a1);
      break;
    case IROp.INT_SUB:
      jf.ints[pc] = getI(t, jf, a0) - getI(t, jf, a1);
      break;
    case IROp.INT_MUL:
      jf.ints[pc] = getI(t, jf, a0) * getI(t, jf, a1);
      break;
    case IROp.INT_AND:
    case IROp.INT_OR:
    case IROp.INT_XOR:
      // two's complement over the machine range (RTS's & | ^ alone are 32-bit)
      jf.ints[pc] = machineBitOp(getI(t, jf, a0), getI(t, jf, a1), op - IROp.INT_AND);
      break;
    case IROp.INT_LSHIFT:
      jf.ints[pc] = getI(t, jf, a0) << getI(t, jf, a1);
      break;
    case IROp.INT_RSHIFT:
      // an arithmetic shift by 0..63 (the recorder guards a variable count into that range)
      jf.ints[pc] = machineRshift(getI(t, jf, a0), getI(t, jf, a1));
      break;
    case IROp.INT_NEG:
      jf.ints[pc] = -getI(t, jf, a0);
      break;
    case IROp.INT_ADD_OVF:
    case IROp.INT_SUB_OVF:
    case IROp.INT_MUL_OVF: {
      const x = getI(t, jf, a0);
      const y = getI(t, jf, a1);
      st.ovf = false;
      try {
        jf.ints[pc] = op === IROp.INT_ADD_OVF ? addOvf(x, y) : op === IROp.INT_SUB_OVF ? subOvf(x, y) : mulOvf(x, y);
      } catch (e) {
        if (!(e instanceof HostOverflow)) throw e;
        st.ovf = true;
      }
      break;
    }
    case IROp.INT_FLOORDIV:
      jf.ints[pc] = floorDiv(getI(t, jf, a0), getI(t, jf, a1));
      break;
    case IROp.INT_MOD:
      jf.ints[pc] = floorMod(getI(t, jf, a0), getI(t, jf, a1));
      break;
    case IROp.INT_LT:
      jf.ints[pc] = getI(t, jf, a0) < getI(t, jf, a1) ? 1 : 0;
      break;
    case IROp.INT_LE:
      jf.ints[pc] = getI(t, jf, a0) <= getI(t, jf, a1) ? 1 : 0;
      break;
    case IROp.INT_EQ:
      jf.ints[pc] = getI(t, jf, a0) === getI(t, jf, a1) ? 1 : 0;
      break;
    case IROp.INT_NE:
      jf.ints[pc] = getI(t, jf, a0) !== getI(t, jf, a1) ? 1 : 0;
      break;
    case IROp.INT_GT:
      jf.ints[pc] = getI(t, jf, a0) > getI(t, jf, a1) ? 1 : 0;
      break;
    case IROp.INT_GE:
      jf.ints[pc] = getI(t, jf, a0) >= getI(t, jf, a1) ? 1 : 0;
      break;
    case IROp.FLOAT_ADD:
      jf.floats[pc] = getF(t, jf, a0) + getF(t, jf, a1);
      break;
    case IROp.FLOAT_SUB:
      jf.floats[pc] = getF(t, jf, a0) - getF(t, jf, a1);
      break;
    case IROp.FLOAT_MUL:
      jf.floats[pc] = getF(t, jf, a0) * getF(t, jf, a1);
      break;
    case IROp.FLOAT_TRUEDIV:
      jf.floats[pc] = getF(t, jf, a0) / getF(t, jf, a1);
      break;
    case IROp.FLOAT_NEG:
      jf.floats[pc] = -getF(t, jf, a0);
      break;
    case IROp.FLOAT_SQRT:
      jf.floats[pc] = Math.sqrt(getF(t, jf, a0));
      break;
    case IROp.FLOAT_LT:
      jf.ints[pc] = getF(t, jf, a0) < getF(t, jf, a1) ? 1 : 0;
      break;
    case IROp.FLOAT_LE:
      jf.ints[pc] = getF(t, jf, a0) <= getF(t, jf, a1) ? 1 : 0;
      break;
    case IROp.FLOAT_EQ:
      jf.ints[pc] = getF(t, jf, a0) === getF(t, jf, a1) ? 1 : 0;
      break;
    case IROp.FLOAT_NE:
      jf.ints[pc] = getF(t, jf, a0) !== getF(t, jf, a1) ? 1 : 0;
      break;
    case IROp.FLOAT_GT:
      jf.ints[pc] = getF(t, jf, a0) > getF(t, jf, a1) ? 1 : 0;
      break;
    case IROp.FLOAT_GE:
      jf.ints[pc] = getF(t, jf, a0) >= getF(t, jf, a1) ? 1 : 0;
      break;
    case IROp.CAST_INT_TO_FLOAT:
      jf.floats[pc] = toFloat(getI(t, jf, a0));
      break;
    case IROp.PTR_EQ:
      jf.ints[pc] = getR(t, jf, a0) === getR(t, jf, a1) ? 1 : 0;
      break;
    case IROp.PTR_NE:
      jf.ints[pc] = getR(t, jf, a0) !== getR(t, jf, a1) ? 1 : 0;
      break;
    case IROp.GETFIELD_I:
      jf.ints[pc] = getFieldI(getR(t, jf, a0) as PyObject, t.descr[pc]);
      break;
    case IROp.GETFIELD_F:
      jf.floats[pc] = (getR(t, jf, a0) as PyFloat).v;
      break;
    case IROp.GETFIELD_R:
      if (t.descr[pc] === D_SEQITER_SEQ) jf.refs[pc] = (getR(t, jf, a0) as PySeqIter).seq;
      else if (t.descr[pc] === D_CELL_REF) jf.refs[pc] = (getR(t, jf, a0) as PyCell).ref;
      else throw new Error('llgraph: bad ref field');
      break;
    case IROp.SETFIELD_I:
      setFieldI(getR(t, jf, a0) as PyObject, t.descr[pc], getI(t, jf, a1));
      break;
    case IROp.SETFIELD_R:
      if (t.descr[pc] !== D_CELL_REF) throw new Error('llgraph: bad ref field store');
      (getR(t, jf, a0) as PyCell).ref = getR(t, jf, a1);
      break;
    case IROp.GETARRAYITEM_R:
      jf.refs[pc] = arrayOf(getR(t, jf, a0) as PyObject, t.descr[pc])[getI(t, jf, a1)];
      break;
    case IROp.SETARRAYITEM_R:
      arrayOf(getR(t, jf, a0) as PyObject, t.descr[pc])[getI(t, jf, a1)] = getR(t, jf, t.args[s + 2]);
      break;
    case IROp.ARRAYLEN:
      jf.ints[pc] = arrayOf(getR(t, jf, a0) as PyObject, t.descr[pc]).length;
      break;
    case IROp.NEW_INT:
      jf.refs[pc] = newInt(getI(t, jf, a0));
      break;
    case IROp.NEW_FLOAT:
      jf.refs[pc] = new PyFloat(floatType, getF(t, jf, a0));
      break;
    case IROp.NEW_TUPLE:
    case IROp.NEW_LIST: {
      const items: PyObject[] = [];
      for (let k = 0; k < t.argCount[pc]; k++) items.push(getR(t, jf, t.args[s + k]) as PyObject);
      jf.refs[pc] = op === IROp.NEW_TUPLE ? newTuple(items) : newList(items);
      break;
    }
    case IROp.NEW_INSTANCE:
      jf.refs[pc] = new PyInstance(getR(t, jf, a0) as PyType);
      break;
    case IROp.CALL_I:
    case IROp.CALL_F:
    case IROp.CALL_R:
    case IROp.CALL_N: {
      hc.reset();
      const kinds = t.argKindsOf();
      for (let k = 0; k < na; k++) {
        const v = t.args[s + k];
        const kind = kinds[s + k];
        if (kind === K_INT) hc.i.push(getI(t, jf, v));
        else if (kind === K_FLOAT) hc.f.push(getF(t, jf, v));
        else hc.r.push(getR(t, jf, v));
      }
      jf.exc = null;
      try {
        callHelper(t.descr[pc], hc);
      } catch (e) {
        if (e instanceof PyExc) jf.exc = e.exc;
        else if (e instanceof HostOverflow) jf.exc = raise(OverflowErrorT, e.message).exc;
        else throw e;
      }
      if (op === IROp.CALL_I) jf.ints[pc] = hc.resI;
      else if (op === IROp.CALL_F) jf.floats[pc] = hc.resF;
      else if (op === IROp.CALL_R) jf.refs[pc] = hc.resR;
      break;
    }
    case IROp.GUARD_TRUE:
      if (getI(t, jf, a0) === 0) return true;
      break;
    case IROp.GUARD_FALSE:
      if (getI(t, jf, a0) !== 0) return true;
      break;
    case IROp.GUARD_VALUE: {
      const k = kindOfArg(t, a0);
      if (k === K_INT) {
        if (getI(t, jf, a0) !== getI(t, jf, a1)) return true;
      } else if (k === K_FLOAT) {
        if (getF(t, jf, a0) !== getF(t, jf, a1)) return true;
      } else if (getR(t, jf, a0) !== getR(t, jf, a1)) return true;
      break;
    }
    case IROp.GUARD_CLASS: {
      const o = getR(t, jf, a0);
      if (o === null || o.cls !== getR(t, jf, a1)) return true;
      break;
    }
    case IROp.GUARD_MAP: {
      const o = getR(t, jf, a0);
      if (!(o instanceof PyInstance) || o.map !== t.maps[t.descr[pc]]) return true;
      break;
    }
    case IROp.GUARD_TID: {
      const o = getR(t, jf, a0);
      const d = t.descr[pc];
      if (d === TID_INSTANCE && !(o instanceof PyInstance)) return true;
      if (d === TID_SEQITER && !(o instanceof PySeqIter)) return true;
      break;
    }
    case IROp.GUARD_NONNULL:
      if (getR(t, jf, a0) === null) return true;
      break;
    case IROp.GUARD_ISNULL:
      if (getR(t, jf, a0) !== null) return true;
      break;
    case IROp.GUARD_NO_OVERFLOW:
      if (st.ovf) return true;
      break;
    case IROp.GUARD_NO_EXCEPTION:
      if (jf.exc !== null) return true;
      break;
    case IROp.GUARD_NOT_INVALIDATED: {
      const ver = getI(t, jf, a1);
      if (t.descr[pc] === INV_TYPES) {
        if (HOLD.typeVersion !== ver) return true;
      } else if ((getR(t, jf, a0) as PyDict).ver !== ver) return true;
      break;
    }
    case IROp.SAME_AS_I:
      jf.ints[pc] = getI(t, jf, a0);
      break;
    case IROp.SAME_AS_F:
      jf.floats[pc] = getF(t, jf, a0);
      break;
    case IROp.SAME_AS_R:
      jf.refs[pc] = getR(t, jf, a0);
      break;
    default:
      throw new Error('llgraph: cannot run ' + OPS.defs[op].name);
  }
  return false;
}

export class LLGraph extends Backend {
  st: StepState = new StepState();
  constructor() {
    super('llgraph');
  }
  compileLoop(trace: Trace): CompiledLoop {
    return new CompiledLoop(trace);
  }
  /** (an exhausted generator passed to iternext would keep its frame's last locals alive) */
  override release(loop: CompiledLoop): void {
    this.st.hc.release();
  }
  run(loop: CompiledLoop, jf: JitFrame): int {
    const t = loop.trace;
    const n = t.ops.length;
    while (jf.ints.length < n) {
      jf.ints.push(0);
      jf.floats.push(0.0);
      jf.refs.push(null);
    }
    const label = t.loopLabelIndex();
    const st = this.st;
    st.ovf = false;
    let pc = t.labelIndex() + 1;
    jf.iters++;
    for (;;) {
      const op = t.ops[pc];
      if (op === IROp.JUMP) {
        jumpToLabel(t, jf, pc, label);
        jf.iters++;
        pc = label;
      } else if (op === IROp.FINISH) {
        // the end of a bridge: the caller reads the FINISH's values
        return pc;
      } else if (op !== IROp.DEBUG_MERGE_POINT && op !== IROp.LABEL) {
        // (a peeled iteration runs into the loop body's LABEL: its arguments already hold the
        // values, the peeled iteration's own)
        if (execOp(t, jf, pc, st)) return pc;
      }
      if ((OPS.defs[op].flags & F_GUARD) === 0 && pc >= n) throw new Error('llgraph: ran off the trace');
      pc++;
    }
  }
}

/** JUMP at pc: the LABEL's arguments take the JUMP's values (all at once: they may overlap). */
export function jumpToLabel(t: Trace, jf: JitFrame, pc: int, label: int): void {
  const s = t.argStart[pc];
  const ls = t.argStart[label];
  const m = t.argCount[label];
  const vi: int[] = [];
  const vf: float[] = [];
  const vr: (PyObject | null)[] = [];
  for (let k = 0; k < m; k++) {
    const v = t.args[s + k];
    const kind = kindOfArg(t, v);
    vi.push(kind === K_INT ? getI(t, jf, v) : 0);
    vf.push(kind === K_FLOAT ? getF(t, jf, v) : 0.0);
    vr.push(kind === K_REF ? getR(t, jf, v) : null);
  }
  for (let k = 0; k < m; k++) {
    const dst = t.args[ls + k];
    jf.ints[dst] = vi[k];
    jf.floats[dst] = vf[k];
    jf.refs[dst] = vr[k];
  }
}
