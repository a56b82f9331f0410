// Resume snapshots: the interpreter state a guard leaves the trace in, as trace values (see
// ir.ts: op results, constants, virtual tuples, UNSET). One snapshot per instruction that has
// guards, shared by them; frames are listed outermost (the loop's frame) first.
import type { int } from '../../translate/rlib/index.ts';
import { PyCode } from '../compiler/code.ts';
import { PyFunction } from '../interpreter/frame.ts';

/** How a frame's caller continues when it returns. */
export const RET_ROOT = 0; // the loop's own frame
export const RET_PUSH = 1; // push the result onto the caller's stack
export const RET_INIT = 2; // a class call's __init__: push the instance (a result other than None is a TypeError)

export class SnapFrame {
  code: PyCode;
  fn: PyFunction | null;
  /** the instruction the interpreter resumes at */
  pc: int;
  ret: int;
  /** for RET_INIT: the instance (a value) */
  self: int;
  fast: int[];
  stack: int[];
  constructor(code: PyCode, fn: PyFunction | null, pc: int, ret: int, self: int, fast: int[], stack: int[]) {
    this.code = code;
    this.fn = fn;
    this.pc = pc;
    this.ret = ret;
    this.self = self;
    this.fast = fast;
    this.stack = stack;
  }
  /** file:line of the instruction (guard-failure logs) */
  where(): string {
    const i = this.pc < this.code.lines.length ? this.pc : this.code.lines.length - 1;
    const line = i >= 0 ? this.code.lines[i] : this.code.firstLine;
    return this.code.filename + ':' + String(line);
  }
}

function sameInts(a: int[], b: int[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class Snapshot {
  frames: SnapFrame[] = [];
  /** true when the snapshot is the state after the instruction's side effects (guards on
   * call results): a pending exception resumes there */
  after: boolean = false;
  /** Adds the next frame: src's function and instruction with these values. Where prev (the
   * snapshot written before this one) has that very frame at the same depth, it is prev's
   * object: the guards of an inlined call share their callers' frames, which a compiled trace
   * keeps as long as it lives. */
  addFrame(prev: Snapshot | null, src: SnapFrame, self: int, fast: int[], stack: int[]): void {
    const k = this.frames.length;
    const p = prev !== null && k < prev.frames.length ? prev.frames[k] : null;
    if (p !== null && p.code === src.code && p.fn === src.fn && p.pc === src.pc && p.ret === src.ret && p.self === self && sameInts(p.fast, fast) && sameInts(p.stack, stack)) this.frames.push(p);
    else this.frames.push(new SnapFrame(src.code, src.fn, src.pc, src.ret, self, fast, stack));
  }
}

/** The last of a trace's snapshots, or null. */
export function lastSnapshot(snapshots: Snapshot[]): Snapshot | null {
  return snapshots.length > 0 ? snapshots[snapshots.length - 1] : null;
}
