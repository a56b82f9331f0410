// What native backends share: the object a running trace's machine code holds (its jitframe
// arrays, the trace, the overflow flag), the one helper through which machine code runs an op
// it does not compile itself (llgraph's executor, so both backends compute the same), and
// the compiled-loop record (executable region, code size). The ISA folders add only how
// ops become instructions.
import type { int, float } from '../../translate/rlib/index.ts';
import { execmem, jitHelper, asRef, addressOf, offsetOf, sizeOf, tidLow, tidHigh, typeIdOf, gcAllocInfo } from '../../translate/rlib/index.ts';
import { PyObject, PyInt, PyFloat, PySeqIter, PyCell, PyList, PyTuple, PyInstance, PyDict, ShapeMap, Holder, HOLD, SMALL, intType, floatType } from '../objects/core.ts';
import {
  Trace, IROp, OPS, F_GUARD, F_CONTROL, D_INT_V, D_INT_SMALL, D_FLOAT_V, D_SEQITER_KIND, D_SEQITER_I, D_SEQITER_N,
  D_SEQITER_STEP, D_SEQITER_SEQ, D_LIST_ITEMS, D_TUPLE_ITEMS, D_INSTANCE_SLOTS, D_DICT_VALS, D_CELL_REF,
  TID_INSTANCE,
} from '../jit/ir.ts';
import { CompiledLoop, JitFrame } from './model.ts';
import { execOp, StepState } from './llgraph/runner.ts';

/** The context machine code runs against (its address is the first argument of the code).
 * Its list fields are the typed arrays of the jitframe, sized before the run and never grown while
 * it runs, so their item buffers stay where the code loaded them from. */
export class NativeRun {
  ints: int[];
  floats: float[];
  refs: (PyObject | null)[];
  /** the float constants of the trace (code loads them from here) */
  fconst: float[];
  /** 1 when the last *_OVF op overflowed */
  ovf: int = 0;
  /** loop iterations begun (the code counts them; runNative hands them to the jitframe) */
  iters: int = 0;
  jf: JitFrame;
  trace: Trace;
  st: StepState = new StepState();
  constructor(trace: Trace, jf: JitFrame) {
    this.trace = trace;
    this.jf = jf;
    this.ints = jf.ints;
    this.floats = jf.floats;
    this.refs = jf.refs;
    this.fconst = trace.constF;
    const n = trace.ops.length;
    while (jf.ints.length < n) {
      jf.ints.push(0);
      jf.floats.push(0.0);
      jf.refs.push(null);
    }
  }
}

/** Called from machine code: runs op pc the way llgraph does; 1 when it is a failing guard. */
export function nativeStep(run: NativeRun, pc: int): int {
  return execOp(run.trace, run.jf, pc, run.st) ? 1 : 0;
}
export const H_NATIVE_STEP = jitHelper(nativeStep);

export class NativeLoop extends CompiledLoop {
  handle: int;
  /** the bytes installed at handle, until the JIT takes them (its log's sizes and dumps) */
  code: int[];
  /** offset of each op's code (op index -> byte offset; -1: none), for dumps */
  opOffsets: int[];
  /** where a run begins after the prologue, and each guard's link site (-1: none) */
  entryOffset: int = 0;
  linkSites: int[] = [];
  /** the run context kept for the jitframe the JIT reuses (linked code holds its address) */
  run: NativeRun | null = null;
  /** the code of bridges linked to this trace's guards (kept while the trace is) */
  links: int[] = [];
  constructor(trace: Trace, handle: int, code: int[], opOffsets: int[]) {
    super(trace);
    this.handle = handle;
    this.code = code;
    this.opOffsets = opOffsets;
  }
  /** The run context for jf: one kept per trace for the first jitframe it ran on (the JIT's,
   * reused across entries), a fresh one for any other. */
  runFor(jf: JitFrame): NativeRun {
    const r = this.run;
    if (r !== null && r.jf === jf) return r;
    const n = new NativeRun(this.trace, jf);
    if (r === null) this.run = n;
    return n;
  }
}

/** Installs code in a fresh executable region (W^X: writable, then finalized); 0 when the
 * host gives no executable memory. */
export function installCode(code: int[]): int {
  if (!execmem.available()) return 0;
  const h = execmem.alloc(code.length);
  if (h === 0) return 0;
  execmem.writeBytes(h, 0, code);
  if (!execmem.finalize(h)) {
    execmem.free(h);
    return 0;
  }
  return h;
}

/** Runs a native loop on jf; returns the index of the guard that failed. */
export function runNative(loop: NativeLoop, jf: JitFrame): int {
  const run = loop.runFor(jf);
  run.ovf = 0;
  run.st.ovf = false;
  const g = execmem.call(loop.handle, 0, addressOf(asRef(run)), 0, 0, 0);
  // run stays reachable until here: the code read it through its address
  if (run.trace !== loop.trace) throw new Error('native: run context changed');
  jf.iters += run.iters;
  run.iters = 0;
  releaseRun(run);
  return g;
}

/** The run context is kept for the next run: the last helper call's arguments and result
 * must not keep objects alive past the program's last use of them. */
export function releaseRun(run: NativeRun): void {
  run.st.hc.release();
}

/** The address of a ref constant for code to embed (the trace's constant pool keeps it alive). */
export function refAddress(o: PyObject | null): int {
  return o === null ? 0 : addressOf(asRef(o));
}

/** True for ops the code never needs to run (the trace's control ops but JUMP). */
export function isNoCode(op: int): boolean {
  return op !== IROp.JUMP && (OPS.defs[op].flags & F_CONTROL) !== 0 && (OPS.defs[op].flags & F_GUARD) === 0;
}

/** Hex bytes, 16 a line, each line led by its offset (PYVMLOG=jit-backend-dump). */
export function hexDump(code: int[]): string {
  const out: string[] = [];
  const digits = '0123456789abcdef';
  for (let i = 0; i < code.length; i += 16) {
    let line = '';
    let off = i;
    let pre = '';
    for (let k = 0; k < 6; k++) {
      pre = digits[off % 16] + pre;
      off = off >> 4;
    }
    line = pre + ':';
    for (let k = i; k < i + 16 && k < code.length; k++) line += ' ' + digits[code[k] >> 4] + digits[code[k] & 15];
    out.push(line);
  }
  return out.join('\n');
}

// ---- the object layout machine code reads (translated: the C layout; genc prints these) ----

/** byte offsets in the runtime list header, `rts_list {rts_obj h; int64_t len, cap; void
 * *items;}` (translate/runtime/rts.h): lists hold the jitframe arrays and Python containers */
export const LIST_LEN_OFFSET = 8;
export const LIST_ITEMS_OFFSET = 24;

/** Byte offset of the field a GETFIELD/SETFIELD descr names, or of the list field an array
 * descr names (-1: D_INT_SMALL, which is computed, not stored). */
export function fieldOffset(d: int): int {
  switch (d) {
    case D_INT_V:
      return offsetOf(PyInt, 'v');
    case D_INT_SMALL:
      return -1;
    case D_FLOAT_V:
      return offsetOf(PyFloat, 'v');
    case D_SEQITER_KIND:
      return offsetOf(PySeqIter, 'kind');
    case D_SEQITER_I:
      return offsetOf(PySeqIter, 'i');
    case D_SEQITER_N:
      return offsetOf(PySeqIter, 'n');
    case D_SEQITER_STEP:
      return offsetOf(PySeqIter, 'step');
    case D_SEQITER_SEQ:
      return offsetOf(PySeqIter, 'seq');
    case D_CELL_REF:
      return offsetOf(PyCell, 'ref');
    case D_LIST_ITEMS:
      return offsetOf(PyList, 'items');
    case D_TUPLE_ITEMS:
      return offsetOf(PyTuple, 'items');
    case D_INSTANCE_SLOTS:
      return offsetOf(PyInstance, 'slots');
    case D_DICT_VALS:
      return offsetOf(PyDict, 'vals');
  }
  throw new Error('native: no field for descr ' + String(d));
}
/** The type id of an exact int within the machine range (a PyInt, not a PyBigInt): after
 * GUARD_CLASS int, D_INT_SMALL is the header's tid equal to it. */
export function smallIntTid(): int {
  return typeIdOf(asRef(SMALL.cache[0]));
}
/** The type-id range [lo, hi) of a GUARD_TID descr's class (the header's tid is a uint32 at 0). */
export function tidRangeLow(d: int): int {
  return d === TID_INSTANCE ? tidLow(PyInstance) : tidLow(PySeqIter);
}
export function tidRangeHigh(d: int): int {
  return d === TID_INSTANCE ? tidHigh(PyInstance) : tidHigh(PySeqIter);
}
/** The address of a shape map GUARD_MAP compares with (the trace keeps it alive). */
export function mapAddress(m: ShapeMap): int {
  return addressOf(asRef(m));
}
/** The address of the type version every class change bumps (GUARD_NOT_INVALIDATED). */
export function typeVersionAddress(): int {
  return addressOf(asRef(HOLD)) + offsetOf(Holder, 'typeVersion');
}
/** offset of the key version of a dict (GUARD_NOT_INVALIDATED on a dict) */
export function dictVersionOffset(): int {
  return offsetOf(PyDict, 'ver');
}

// ---- inline allocation of int and float boxes (gc.c: bumping in the window rts_jit_alloc counted) ----
// what gcAllocInfo(what, size) answers (translate/runtime/gc.c rts_gc_jit_info)
export const GCA_BUMP = 4;
export const GCA_JIT_END = 5;
export const GCA_CELL = 6;
export const GCA_HDR_FLAGS = 7;
export const GCA_TID_WORD = 8;

/** What code needs to allocate one kind of box without calling the allocator: the addresses
 * of the size class's bump pointer and of the end of the window the code may bump it to
 * (counted by the collector beforehand), the header's two halves (the collector's current
 * flags, read at run time, or'ed with the type id), and the box's layout. ok is false when
 * the runtime wants every allocation through rts_alloc (allocation statistics, the
 * collector's debug mode). */
export class BoxLayout {
  ok: boolean;
  tid: int;
  size: int;
  cell: int;
  bump: int;
  jitEnd: int;
  hdrFlags: int;
  tidWord: int;
  cls: int;
  vOffset: int;
  constructor(tid: int, size: int, cls: PyObject, vOffset: int) {
    this.tid = tid;
    this.size = size;
    this.cls = addressOf(asRef(cls));
    this.vOffset = vOffset;
    this.bump = gcAllocInfo(GCA_BUMP, size);
    this.jitEnd = gcAllocInfo(GCA_JIT_END, size);
    this.cell = gcAllocInfo(GCA_CELL, size);
    this.hdrFlags = gcAllocInfo(GCA_HDR_FLAGS, size);
    this.tidWord = gcAllocInfo(GCA_TID_WORD, tid);
    // inline code writes the header, the class and the value: a box with any other word
    // (which rts_alloc would zero) goes through the helper
    const words = (size + 7) >> 3;
    const threeWords = words === 3 && offsetOf(PyObject, 'cls') === 8 && vOffset === 16;
    this.ok = threeWords && this.bump !== 0 && this.jitEnd !== 0 && this.cell !== 0 && this.hdrFlags !== 0;
  }
}
/** an exact float, for its type id (a prebuilt object) */
const FLOAT_PROTO = new PyFloat(floatType, 0.0);
/** The layout of an exact int box (NEW_INT's allocation: newInt's `new PyInt(intType, v)`). */
export function intBoxLayout(): BoxLayout {
  return new BoxLayout(smallIntTid(), sizeOf(PyInt), intType, offsetOf(PyInt, 'v'));
}
export function floatBoxLayout(): BoxLayout {
  return new BoxLayout(typeIdOf(asRef(FLOAT_PROTO)), sizeOf(PyFloat), floatType, offsetOf(PyFloat, 'v'));
}
/** The address of newInt's small-int cache (a list of the ints -5..256). */
export function smallIntsAddress(): int {
  return addressOf(asRef(SMALL.cache));
}
