// Mutable interpreter-wide state, kept in the fields of one prebuilt object.
import type { int } from '../../translate/rlib/index.ts';
import { os } from '../../translate/rlib/index.ts';
import { PyObject, PyDict, PyModule, PyBaseExc, PyList, PyExc, PyType, newDict, newList, newInt, newStr, KeyboardInterrupt, OSError, BrokenPipeError } from '../objects/core.ts';
import type { Frame } from './frame.ts';
import type { PyCode } from '../compiler/code.ts';
import { dictGetS } from '../objects/dict.ts';

/** Where the tracing JIT (vm/jit/hooks.ts) attaches. With it on, JUMP_BACKWARD decrements the
 * header's counter in code.jitCount and calls onLoopHeader only when it reaches 0; with it
 * off a backward jump costs one field test. */
export class LoopHooks {
  enabled: boolean = false;
  /** the value a header's counter starts from (the JIT's warm-up threshold) */
  threshold: int = 1;
  /** Gives code its loop counters, each at the threshold. */
  arm(code: PyCode): void {
    const jc: int[] = [];
    for (let i = 0; i < code.words.length; i++) jc.push(this.threshold);
    code.jitCount = jc;
  }
  /** f is at loop header target (its sp stored in f.sp), whose counter reached 0. Returns the
   * pc to continue at, with f.sp and f.pendingThrow (an exception to raise there) updated, or
   * -1 to go on as before; either way it re-arms the counter. */
  onLoopHeader(f: Frame, target: int): int {
    f.code.jitCount[target] = this.threshold;
    return -1;
  }
}

export class VMState {
  frame: Frame | null = null;
  depth: int = 0;
  recursionLimit: int = 1000;
  /** the exception being handled in the running frame's exc_info slot (a generator has a slot
   * of its own while it runs, the caller's slot saved in excOuter) */
  curExc: PyBaseExc | null = null;
  /** the slots of the callers of the running generators, innermost last: sys.exc_info() and a
   * bare `raise` in a generator with no exception of its own see its caller's (CPython's
   * exc_info chain) */
  excOuter: (PyBaseExc | null)[] = [];
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
  nextId: int = 1;
  stdout: PyObject | null = null;
  stderr: PyObject | null = null;
  /** -u: print output reaches the file at once */
  unbuffered: boolean = false;
}
export const VM = new VMState();

/** The exception being handled as sys.exc_info() sees it: the running frame's slot, else the
 * nearest caller's along the chain of running generators (CPython's _PyErr_GetTopmostException). */
export function topExc(): PyBaseExc | null {
  if (VM.curExc !== null) return VM.curExc;
  const outer = VM.excOuter;
  for (let i = outer.length - 1; i >= 0; i--) {
    const e = outer[i];
    if (e !== null) return e;
  }
  return null;
}

export function writeOut(s: string): void {
  VM.out.push(s);
  VM.outLen += s.length;
  if (VM.unbuffered) flushStdout();
  else if (VM.outLen > 8192) flushOut();
}
/** Hands buffered print output to the runtime (which buffers too, unless on a terminal);
 * raises OSError (BrokenPipeError for a closed pipe) when that write fails. */
export function flushOut(): void {
  const e = flushOutStatus();
  if (e !== 0) throw osError(e);
}
/** flushOut() and the runtime's buffer too: the output reaches the pipe or file now
 * (print(flush=True), sys.stdout.flush()). */
export function flushStdout(): void {
  flushOut();
  const e = os.flush();
  if (e !== 0) throw osError(e);
}
/** As flushStdout(), for where nothing may be raised (exit, reporting an error): 0 or the errno;
 * the output that failed is dropped, as CPython's buffer is. */
export function flushStdoutStatus(): int {
  const e = flushOutStatus();
  return e !== 0 ? e : os.flush();
}
function flushOutStatus(): int {
  if (VM.out.length === 0) return 0;
  const s = VM.out.join('');
  VM.out.length = 0;
  VM.outLen = 0;
  return os.write(1, s);
}
export function writeErr(s: string): void {
  flushOutStatus();
  os.write(2, s);
}

const ERRNO_TEXT = new Map<int, string>([
  [5, 'Input/output error'],
  [9, 'Bad file descriptor'],
  [22, 'Invalid argument'],
  [27, 'File too large'],
  [28, 'No space left on device'],
  [32, 'Broken pipe'],
  [122, 'Disk quota exceeded'],
]);
/** The OSError (its errno subclass where there is one) for a failed write. */
export function osError(errno: int): PyExc {
  const t: PyType = errno === 32 ? BrokenPipeError : OSError;
  const e = new PyBaseExc(t);
  e.args.push(newInt(errno));
  const text = ERRNO_TEXT.get(errno);
  e.args.push(newStr(text === undefined ? 'Error ' + String(errno) : text));
  return new PyExc(e);
}

/** The KeyboardInterrupt to raise when os.takeInterrupt() says SIGINT arrived. The VM polls at
 * backward jumps and function entries (inline there: one load and branch) and in waits. */
export function interrupted(): PyExc {
  return new PyExc(new PyBaseExc(KeyboardInterrupt));
}
export function checkInterrupt(): void {
  if (os.takeInterrupt()) throw interrupted();
}

/** The builtins that code run with globals g reads (CPython's _PyEval_BuiltinsFromGlobals):
 * g['__builtins__'] (a module's dict, or any mapping), else the interpreter's. */
export function builtinsOf(g: PyDict): PyObject {
  const b = dictGetS(g, '__builtins__');
  if (b === null) return VM.builtins;
  if (b instanceof PyModule) return b.dict;
  return b;
}
