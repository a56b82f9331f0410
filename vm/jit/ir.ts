// The trace IR: one op table (name, arity, result kind, flags), a struct-of-arrays trace with
// typed constant pools, and the descriptors (fields, arrays, helpers) ops refer to. The text
// form (print and parse) lives in irtext.ts. Shaped like PyPy's resoperation.py: the recorder
// emits it, the optimizer (vm/jit/opt/, later) rewrites it, backends run it.
import type { int, float } from '../../translate/rlib/index.ts';
import { PyObject, ShapeMap } from '../objects/core.ts';
import { Snapshot } from './snapshot.ts';

/** Each op once; its arity, result kind and flags are in the table below (OPS). */
export enum IROp {
  INPUT_I,
  INPUT_F,
  INPUT_R,
  LABEL,
  JUMP,
  FINISH,
  DEBUG_MERGE_POINT,
  INT_ADD,
  INT_SUB,
  INT_MUL,
  INT_AND,
  INT_OR,
  INT_XOR,
  INT_LSHIFT,
  INT_RSHIFT,
  INT_NEG,
  INT_ADD_OVF,
  INT_SUB_OVF,
  INT_MUL_OVF,
  INT_FLOORDIV,
  INT_MOD,
  INT_LT,
  INT_LE,
  INT_EQ,
  INT_NE,
  INT_GT,
  INT_GE,
  FLOAT_ADD,
  FLOAT_SUB,
  FLOAT_MUL,
  FLOAT_TRUEDIV,
  FLOAT_NEG,
  FLOAT_SQRT,
  FLOAT_LT,
  FLOAT_LE,
  FLOAT_EQ,
  FLOAT_NE,
  FLOAT_GT,
  FLOAT_GE,
  CAST_INT_TO_FLOAT,
  PTR_EQ,
  PTR_NE,
  GETFIELD_I,
  GETFIELD_F,
  GETFIELD_R,
  SETFIELD_I,
  SETFIELD_R,
  GETARRAYITEM_R,
  SETARRAYITEM_R,
  ARRAYLEN,
  NEW_INT,
  NEW_FLOAT,
  NEW_TUPLE,
  NEW_LIST,
  NEW_INSTANCE,
  CALL_I,
  CALL_F,
  CALL_R,
  CALL_N,
  GUARD_TRUE,
  GUARD_FALSE,
  GUARD_VALUE,
  GUARD_CLASS,
  GUARD_MAP,
  GUARD_TID,
  GUARD_NONNULL,
  GUARD_ISNULL,
  GUARD_NO_OVERFLOW,
  GUARD_NO_EXCEPTION,
  GUARD_NOT_INVALIDATED,
  SAME_AS_I,
  SAME_AS_F,
  SAME_AS_R,
}

// result kinds (also the kinds of constants)
export const K_INT = 0;
export const K_FLOAT = 1;
export const K_REF = 2;
export const K_VOID = 3;

// flags
export const F_PURE = 1; // no side effect, result depends only on the arguments (foldable, CSE-able)
export const F_GUARD = 2; // leaves the trace when its condition fails; carries a snapshot
export const F_CALL = 4; // calls a helper; descr is the helper id (vm/jit/helpers.ts)
export const F_EFFECT = 8; // writes the heap
export const F_ALLOC = 16; // allocates (a virtual candidate for the optimizer)
export const F_OVF = 32; // sets the overflow flag that GUARD_NO_OVERFLOW reads
export const F_FIELD = 64; // descr is a field or array descr (FIELDS)
export const F_CONTROL = 128; // LABEL, JUMP, FINISH and merge points

export class OpDef {
  name: string;
  arity: int; // -1: variable
  result: int;
  flags: int;
  constructor(name: string, arity: int, result: int, flags: int) {
    this.name = name;
    this.arity = arity;
    this.result = result;
    this.flags = flags;
  }
}
export class OpTable {
  defs: OpDef[] = [];
  byName: Map<string, int> = new Map<string, int>();
}
/** The op table: OPS.defs[op]. Filled at load time, checked to cover every IROp once. */
export const OPS = new OpTable();

function def(op: IROp, arity: int, result: int, flags: int): void {
  if (OPS.defs.length !== op) throw new Error(`ir: op table out of order at ${IROp[op]}`);
  const name = IROp[op].toLowerCase();
  OPS.defs.push(new OpDef(name, arity, result, flags));
  OPS.byName.set(name, op);
}
const P = F_PURE;
const G = F_GUARD;
def(IROp.INPUT_I, 0, K_INT, 0);
def(IROp.INPUT_F, 0, K_FLOAT, 0);
def(IROp.INPUT_R, 0, K_REF, 0);
def(IROp.LABEL, -1, K_VOID, F_CONTROL);
def(IROp.JUMP, -1, K_VOID, F_CONTROL);
def(IROp.FINISH, -1, K_VOID, F_CONTROL);
def(IROp.DEBUG_MERGE_POINT, 3, K_VOID, F_CONTROL);
def(IROp.INT_ADD, 2, K_INT, P);
def(IROp.INT_SUB, 2, K_INT, P);
def(IROp.INT_MUL, 2, K_INT, P);
def(IROp.INT_AND, 2, K_INT, P);
def(IROp.INT_OR, 2, K_INT, P);
def(IROp.INT_XOR, 2, K_INT, P);
def(IROp.INT_LSHIFT, 2, K_INT, P);
def(IROp.INT_RSHIFT, 2, K_INT, P);
def(IROp.INT_NEG, 1, K_INT, P);
def(IROp.INT_ADD_OVF, 2, K_INT, F_OVF);
def(IROp.INT_SUB_OVF, 2, K_INT, F_OVF);
def(IROp.INT_MUL_OVF, 2, K_INT, F_OVF);
def(IROp.INT_FLOORDIV, 2, K_INT, P);
def(IROp.INT_MOD, 2, K_INT, P);
def(IROp.INT_LT, 2, K_INT, P);
def(IROp.INT_LE, 2, K_INT, P);
def(IROp.INT_EQ, 2, K_INT, P);
def(IROp.INT_NE, 2, K_INT, P);
def(IROp.INT_GT, 2, K_INT, P);
def(IROp.INT_GE, 2, K_INT, P);
def(IROp.FLOAT_ADD, 2, K_FLOAT, P);
def(IROp.FLOAT_SUB, 2, K_FLOAT, P);
def(IROp.FLOAT_MUL, 2, K_FLOAT, P);
def(IROp.FLOAT_TRUEDIV, 2, K_FLOAT, P);
def(IROp.FLOAT_NEG, 1, K_FLOAT, P);
def(IROp.FLOAT_SQRT, 1, K_FLOAT, P);
def(IROp.FLOAT_LT, 2, K_INT, P);
def(IROp.FLOAT_LE, 2, K_INT, P);
def(IROp.FLOAT_EQ, 2, K_INT, P);
def(IROp.FLOAT_NE, 2, K_INT, P);
def(IROp.FLOAT_GT, 2, K_INT, P);
def(IROp.FLOAT_GE, 2, K_INT, P);
def(IROp.CAST_INT_TO_FLOAT, 1, K_FLOAT, P);
def(IROp.PTR_EQ, 2, K_INT, P);
def(IROp.PTR_NE, 2, K_INT, P);
def(IROp.GETFIELD_I, 1, K_INT, F_FIELD);
def(IROp.GETFIELD_F, 1, K_FLOAT, F_FIELD);
def(IROp.GETFIELD_R, 1, K_REF, F_FIELD);
def(IROp.SETFIELD_I, 2, K_VOID, F_FIELD | F_EFFECT);
def(IROp.SETFIELD_R, 2, K_VOID, F_FIELD | F_EFFECT);
def(IROp.GETARRAYITEM_R, 2, K_REF, F_FIELD);
def(IROp.SETARRAYITEM_R, 3, K_VOID, F_FIELD | F_EFFECT);
def(IROp.ARRAYLEN, 1, K_INT, F_FIELD);
def(IROp.NEW_INT, 1, K_REF, F_ALLOC);
def(IROp.NEW_FLOAT, 1, K_REF, F_ALLOC);
def(IROp.NEW_TUPLE, -1, K_REF, F_ALLOC);
def(IROp.NEW_LIST, -1, K_REF, F_ALLOC);
def(IROp.NEW_INSTANCE, 1, K_REF, F_ALLOC);
def(IROp.CALL_I, -1, K_INT, F_CALL);
def(IROp.CALL_F, -1, K_FLOAT, F_CALL);
def(IROp.CALL_R, -1, K_REF, F_CALL);
def(IROp.CALL_N, -1, K_VOID, F_CALL);
def(IROp.GUARD_TRUE, 1, K_VOID, G);
def(IROp.GUARD_FALSE, 1, K_VOID, G);
def(IROp.GUARD_VALUE, 2, K_VOID, G);
def(IROp.GUARD_CLASS, 2, K_VOID, G);
def(IROp.GUARD_MAP, 1, K_VOID, G);
def(IROp.GUARD_TID, 1, K_VOID, G);
def(IROp.GUARD_NONNULL, 1, K_VOID, G);
def(IROp.GUARD_ISNULL, 1, K_VOID, G);
def(IROp.GUARD_NO_OVERFLOW, 0, K_VOID, G);
def(IROp.GUARD_NO_EXCEPTION, 0, K_VOID, G);
def(IROp.GUARD_NOT_INVALIDATED, 2, K_VOID, G);
// a copy of its argument: gives a loop LABEL a fresh value where the peeled iteration would
// pass a constant or the same value twice (vm/jit/opt/unroll.ts)
def(IROp.SAME_AS_I, 1, K_INT, 0);
def(IROp.SAME_AS_F, 1, K_FLOAT, 0);
def(IROp.SAME_AS_R, 1, K_REF, 0);
if (IROp[OPS.defs.length] !== undefined) throw new Error(`ir: op ${IROp[OPS.defs.length]} has no table entry`);

export function opName(op: int): string {
  return OPS.defs[op].name;
}
export function isGuard(op: int): boolean {
  return (OPS.defs[op].flags & F_GUARD) !== 0;
}

// ---- descriptors of fields and arrays (descr of GETFIELD/SETFIELD/…ARRAY… ops) ----
export const D_INT_V = 0; // PyInt.v (int)
export const D_INT_SMALL = 1; // bigOf(int) === null, as 1/0 (read-only)
export const D_FLOAT_V = 2; // PyFloat.v
export const D_SEQITER_KIND = 3;
export const D_SEQITER_I = 4;
export const D_SEQITER_N = 5;
export const D_SEQITER_STEP = 6;
export const D_SEQITER_SEQ = 7; // ref
export const D_LIST_ITEMS = 8; // array: PyList.items
export const D_TUPLE_ITEMS = 9; // array: PyTuple.items
export const D_INSTANCE_SLOTS = 10; // array: PyInstance.slots
export const D_DICT_VALS = 11; // array: PyDict.vals (items may be null)
export const D_CELL_REF = 12; // PyCell.ref (ref, may be null)
export const FIELD_NAMES = [
  'int.v', 'int.small', 'float.v', 'seqiter.kind', 'seqiter.i', 'seqiter.n', 'seqiter.step', 'seqiter.seq',
  'list.items', 'tuple.items', 'instance.slots', 'dict.vals', 'cell.ref',
];
/** descr of GUARD_TID: which host class the object must be an instance of */
export const TID_INSTANCE = 0;
export const TID_SEQITER = 1;
export const TID_NAMES = ['tid.instance', 'tid.seqiter'];
/** descr of GUARD_NOT_INVALIDATED: what version the int argument is compared with */
export const INV_TYPES = 0; // HOLD.typeVersion (any class changed)
export const INV_DICT = 1; // the dict argument's key version (keys added or removed)
export const INV_NAMES = ['inv.types', 'inv.dict'];

// ---- values ----
// A value is an int: 0 <= v < VBASE: the result of op v; VBASE <= v < UNSET: virtual tuple
// v - VBASE (only in snapshots and the recorder); UNSET: a local not bound; v < 0: constant
// -(1 + (index << 2 | kind)).
export const VBASE = 1 << 24;
export const UNSET = 1 << 30;
export function isConst(v: int): boolean {
  return v < 0;
}
export function constKind(v: int): int {
  return (-v - 1) & 3;
}
export function constIndex(v: int): int {
  return (-v - 1) >> 2;
}
function constRef(index: int, kind: int): int {
  return -(1 + index * 4 + kind);
}

/** A trace: ops as parallel arrays, arguments in one flat array, constants in typed pools. */
export class Trace {
  ops: int[] = [];
  argStart: int[] = [];
  argCount: int[] = [];
  args: int[] = [];
  descr: int[] = [];
  snap: int[] = [];
  constI: int[] = [];
  constF: float[] = [];
  constR: (PyObject | null)[] = [];
  /** maps that GUARD_MAP compares with (descr = index) */
  maps: ShapeMap[] = [];
  /** virtual tuples of snapshots: items (values) of tuple v - VBASE */
  vtuples: int[][] = [];
  /** resume snapshots (op.snap indexes them) */
  snapshots: Snapshot[] = [];
  /** name of the loop (logs) */
  name: string = '';

  emit(op: int, a: int[], d: int, snapshot: int): int {
    const i = this.ops.length;
    this.ops.push(op);
    this.argStart.push(this.args.length);
    this.argCount.push(a.length);
    for (const x of a) this.args.push(x);
    this.descr.push(d);
    this.snap.push(snapshot);
    return i;
  }
  arg(i: int, k: int): int {
    return this.args[this.argStart[i] + k];
  }
  kindOf(v: int): int {
    if (v < 0) return constKind(v);
    if (v >= VBASE) return K_REF;
    return OPS.defs[this.ops[v]].result;
  }
  /** the kind of every argument (kindOf(args[k]) at k), computed once the trace is complete:
   * a residual call reads its arguments' kinds on every run, and kindOf is a chain of loads */
  argKinds: int[] = [];
  argKindsOf(): int[] {
    const ks = this.argKinds;
    if (ks.length !== this.args.length) {
      ks.length = 0;
      for (const v of this.args) ks.push(this.kindOf(v));
    }
    return ks;
  }
  cInt(x: int): int {
    for (let i = 0; i < this.constI.length; i++) if (this.constI[i] === x) return constRef(i, K_INT);
    this.constI.push(x);
    return constRef(this.constI.length - 1, K_INT);
  }
  cFloat(x: float): int {
    for (let i = 0; i < this.constF.length; i++) {
      // bitwise identity (keeps -0.0 and 0.0 apart; NaN never reuses)
      if (this.constF[i] === x && 1.0 / this.constF[i] === 1.0 / x) return constRef(i, K_FLOAT);
    }
    this.constF.push(x);
    return constRef(this.constF.length - 1, K_FLOAT);
  }
  cRef(x: PyObject | null): int {
    for (let i = 0; i < this.constR.length; i++) if (this.constR[i] === x) return constRef(i, K_REF);
    this.constR.push(x);
    return constRef(this.constR.length - 1, K_REF);
  }
  mapIndex(m: ShapeMap): int {
    for (let i = 0; i < this.maps.length; i++) if (this.maps[i] === m) return i;
    this.maps.push(m);
    return this.maps.length - 1;
  }
  getConstI(v: int): int {
    return this.constI[constIndex(v)];
  }
  getConstF(v: int): float {
    return this.constF[constIndex(v)];
  }
  getConstR(v: int): PyObject | null {
    return this.constR[constIndex(v)];
  }
  /** index of the LABEL a JUMP goes to: the last one (an optimised loop has two, the peeled
   * iteration's and the loop body's) */
  loopLabelIndex(): int {
    for (let i = this.ops.length - 1; i >= 0; i--) if (this.ops[i] === IROp.LABEL) return i;
    return -1;
  }
  /** index of the first LABEL op (after the inputs), where a run starts */
  labelIndex(): int {
    for (let i = 0; i < this.ops.length; i++) if (this.ops[i] === IROp.LABEL) return i;
    return -1;
  }
}
