// Function objects, frames and generators.
import type { Sink } from './sink.ts';
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyDict, PyCell, PyTuple, PyType, PyBaseExc, PyStr, newStr, functionType, frameType, tracebackType, None, NULL_OBJ } from '../objects/core.ts';
import { PyCode } from '../compiler/code.ts';
import { Op } from '../compiler/opcodes.ts';
import { dictGetStr } from '../objects/dict.ts';

/** Shared empty lists for frames without cells or try blocks, and functions without defaults or
 * closure; never pushed to (a frame that needs its own list replaces the field first). */
export class EmptyLists {
  cells: PyCell[] = [];
  objects: PyObject[] = [];
  blocks: int[] = [];
}
export const EMPTY = new EmptyLists();

export class PyFunction extends PyObject {
  code: PyCode;
  globals: PyDict;
  name: string;
  qualname: string;
  /** never pushed to (MAKE_FUNCTION's defaults are a const tuple's items): no defaults share
   * one empty list */
  defaults: PyObject[] = EMPTY.objects;
  kwdefaults: PyDict | null = null;
  /** never pushed to: no closure shares one empty list */
  closure: PyCell[] = EMPTY.cells;
  attrs: PyDict | null = null;
  /** __annotations__: made by MAKE_FUNCTION from the annotated parameters, else empty on first use */
  annotations: PyDict | null = null;
  doc: PyObject;
  module: PyObject = None;
  /** true when a call can bind positional args directly (no *args/**kw/cells, not a generator) */
  simple: boolean;
  /** a finished frame of this function kept for the next call: a call then allocates nothing.
   * Taken while in use, so recursion allocates fresh frames. Of a simple function; or of a plain
   * generator function, the frames of generators that returned (releaseGenFrame in eval.ts),
   * linked through their back fields */
  spare: Frame | null = null;
  /** how many frames spare links (a generator function's) */
  spares: int = 0;
  /** id(), once asked (0: not yet) */
  oid: int = 0;
  constructor(code: PyCode, globals: PyDict) {
    super(functionType);
    this.code = code;
    this.globals = globals;
    this.name = code.name;
    this.qualname = code.qualname;
    this.doc = code.consts.length > 0 ? code.consts[0] : None;
    this.simple = isSimpleCode(code);
  }
  /** fn.__code__ = code: what was decided from the old code goes with it (its spare frame was
   * made for the old code, and the new one may not be simple, or be a generator's). */
  setCode(code: PyCode): void {
    this.code = code;
    this.simple = isSimpleCode(code);
    this.spare = null;
    this.spares = 0;
  }
}
function isSimpleCode(code: PyCode): boolean {
  return code.flags === 0 && code.cellvars.length === 0 && code.kwonly === 0;
}
class NoParts {
  items: PyObject[] = [];
}
/** The parts of a MAKE_FUNCTION without defaults, annotations or closure (never pushed to). */
export const NO_PARTS = new NoParts().items;

class NameKey {
  s: PyStr = newStr('__name__');
}
/** '__name__' as a key, made once (its hash kept in it): every function records its module's */
const NAME_KEY = new NameKey();

/** MAKE_FUNCTION (the interpreter's, and a trace's residual call): a function of code in
 * globals; parts are the items flags says were pushed below the code, bottom first: defaults
 * (1), keyword defaults (2), annotations (4), the closure's cells (8). */
export function makeFunction(code: PyCode, globals: PyDict, flags: int, parts: PyObject[]): PyFunction {
  const fn = new PyFunction(code, globals);
  let k = 0;
  if ((flags & 1) !== 0) fn.defaults = (parts[k++] as PyTuple).items;
  if ((flags & 2) !== 0) fn.kwdefaults = parts[k++] as PyDict;
  if ((flags & 4) !== 0) fn.annotations = parts[k++] as PyDict;
  if ((flags & 8) !== 0) {
    const closure: PyCell[] = [];
    for (const c of (parts[k++] as PyTuple).items) closure.push(c as PyCell);
    fn.closure = closure;
  }
  const modName = dictGetStr(globals, NAME_KEY.s);
  if (modName !== null) fn.module = modName;
  return fn;
}

class StackFill {
  items: PyObject[] = [];
}
const STACK_FILL = new StackFill();
for (let i = 0; i < 64; i++) STACK_FILL.items.push(NULL_OBJ);
/** A value stack of n free slots. */
export function newStack(n: int): PyObject[] {
  if (n <= STACK_FILL.items.length) return STACK_FILL.items.slice(0, n);
  const s: PyObject[] = [];
  for (let i = 0; i < n; i++) s.push(NULL_OBJ);
  return s;
}
export class Frame {
  code: PyCode;
  fn: PyFunction | null;
  globals: PyDict;
  localsDict: PyDict | null;
  /** locals that are a mapping but no dict (eval(src, g, mapping)): the *_NAME opcodes and
   * locals() go to it rather than to localsDict */
  localsMap: PyObject | null = null;
  fast: (PyObject | null)[];
  cells: PyCell[] = EMPTY.cells;
  /** the value stack: slots 0..sp-1 are live, the rest are free (possibly stale) slots; the
   * interpreter keeps sp in a local while it runs the frame and stores it here when the frame
   * is suspended (generators) */
  stack: PyObject[];
  sp: int = 0;
  blocks: int[] = EMPTY.blocks;
  pc: int = 0;
  /** the instruction after the one whose exception the latest handler entered took */
  raisePc: int = 0;
  back: Frame | null = null;
  yielded: boolean = false;
  pendingThrow: PyBaseExc | null = null;
  /** pendingThrow was raised by the delegate of the SEND before pc, which genSend resumed
   * without running this frame (resumeFrame in eval.ts): the loop raises it as that SEND would
   * have, not as an exception thrown in */
  pendingRaised: boolean = false;
  /** keyword names of the next CALL (set by KW_NAMES) */
  kwnames: string[] | null = null;
  /** its frame object, once a program asked for it (sys._getframe, tb_frame) */
  obj: PyFrameObj | null = null;
  /** a generator's frame while a builtin consumer drains it (drain.ts) */
  sink: Sink | null = null;
  /** seen by a frame object or a traceback: never reused as a function's spare frame */
  escaped: boolean = false;
  constructor(code: PyCode, fn: PyFunction | null, globals: PyDict, localsDict: PyDict | null, fast: (PyObject | null)[]) {
    this.code = code;
    this.fn = fn;
    this.globals = globals;
    this.localsDict = localsDict;
    this.fast = fast;
    this.stack = newStack(code.stacksize);
  }
  line(): int {
    // a frame that has not run yet (a generator not started) is at its def line, as CPython's
    // RETURN_GENERATOR/RESUME are
    if (this.pc === 0) return this.code.firstLine;
    const i = this.pc - 1;
    return i < this.code.lines.length ? this.code.lines[i] : this.code.firstLine;
  }
}

/** A generator, coroutine or async generator: a suspended frame. */
export class PyGenerator extends PyObject {
  frame: Frame;
  running: boolean = false;
  finished: boolean = false;
  /** an async generator: whether the sys async generator hooks ran for it (its first __anext__,
   * asend, athrow or aclose) */
  agHooksInited: boolean = false;
  retval: PyObject = None;
  /** the exception its own frame handles while suspended (CPython's gi_exc_state): made the
   * running entry when resumed, kept again when it yields */
  excState: PyBaseExc | null = null;
  name: string;
  qualname: string;
  /** a coroutine's cr_origin (null: None), recorded when it was made */
  origin: PyObject | null = null;
  /** the str objects __name__ and __qualname__ answer, made once so that each read gives the
   * same object (types.coroutine's wrapper is checked to pass them through with `is`) */
  nameObj: PyObject | null = null;
  qualnameObj: PyObject | null = null;
  /** cls: generatorType, coroutineType or asyncGeneratorType (all run as generators) */
  constructor(frame: Frame, cls: PyType) {
    super(cls);
    this.frame = frame;
    this.name = frame.code.name;
    this.qualname = frame.code.qualname;
  }
}

/** What a generator suspended in `yield from` or `await` delegates to (the iterator on top of
 * its stack: it sits at the YIELD_VALUE after a SEND), else null. */
export function delegateOf(g: PyGenerator): PyObject | null {
  const f = g.frame;
  if (g.finished || g.running) return null;
  const words = f.code.words;
  if (f.pc >= 2 && (words[f.pc - 1] & 127) === Op.YIELD_VALUE && (words[f.pc - 2] & 127) === Op.SEND && f.sp > 0) return f.stack[f.sp - 1];
  return null;
}

/** A frame object (sys._getframe(), tb_frame): a view of an interpreter frame. */
export class PyFrameObj extends PyObject {
  frame: Frame;
  constructor(frame: Frame) {
    super(frameType);
    this.frame = frame;
  }
}
/** The frame object of f (one per frame), which f is then kept from reuse for. */
export function frameObject(f: Frame): PyFrameObj {
  let o = f.obj;
  if (o === null) {
    o = new PyFrameObj(f);
    f.obj = o;
    f.escaped = true;
  }
  return o;
}
/** A traceback object: one frame an exception passed through, and the next one inward. */
export class PyTraceback extends PyObject {
  frame: PyFrameObj;
  line: int;
  pc: int;
  next: PyTraceback | null;
  constructor(frame: PyFrameObj, line: int, pc: int, next: PyTraceback | null) {
    super(tracebackType);
    this.frame = frame;
    this.line = line;
    this.pc = pc;
    this.next = next;
  }
}
