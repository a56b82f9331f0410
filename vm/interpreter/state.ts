// Mutable interpreter-wide state, kept in the fields of one prebuilt object.
import type { int } from '../../translate/rlib/index.ts';
import { os } from '../../translate/rlib/index.ts';
import { PyObject, PyDict, PyBaseExc, PyList, newDict, newList } from '../objects/core.ts';
import type { Frame } from './frame.ts';

/** Where the tracing JIT (vm/jit/hooks.ts) attaches. JUMP_BACKWARD calls onLoopHeader only
 * when enabled, so with the JIT off a backward jump costs one field test. */
export class LoopHooks {
  enabled: boolean = false;
  /** f is at loop header target (its sp stored in f.sp). Returns the pc to continue at, with
   * f.sp and f.pendingThrow (an exception to raise there) updated, or -1 to go on as before. */
  onLoopHeader(f: Frame, target: int): int {
    return -1;
  }
}

export class VMState {
  frame: Frame | null = null;
  depth: int = 0;
  recursionLimit: int = 1000;
  curExc: PyBaseExc | null = null;
  reraising: boolean = false;
  builtins: PyDict = newDict();
  modules: PyDict = newDict();
  path: PyList = newList([]);
  argv: PyList = newList([]);
  reprStack: PyObject[] = [];
  out: string[] = [];
  outLen: int = 0;
  hooks: LoopHooks = new LoopHooks();
  mainFile: string = '';
  randomState: int[] = [];
  randomIndex: int = 625;
  nextId: int = 1;
  stdout: PyObject | null = null;
  stderr: PyObject | null = null;
}
export const VM = new VMState();

export function writeOut(s: string): void {
  VM.out.push(s);
  VM.outLen += s.length;
  if (VM.outLen > 8192) flushOut();
}
export function flushOut(): void {
  if (VM.out.length > 0) {
    os.write(1, VM.out.join(''));
    VM.out.length = 0;
    VM.outLen = 0;
  }
}
export function writeErr(s: string): void {
  flushOut();
  os.write(2, s);
}
