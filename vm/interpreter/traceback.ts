// Traceback and frame objects, made only when a program asks (exc.__traceback__, sys.exc_info(),
// sys._getframe()), from what raising records anyway: the TbEntry list of an exception (its
// frame and instruction) and the interpreter's frame chain. Raising itself allocates nothing
// more than before (PyPy builds its tracebacks lazily the same way).
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyBaseExc, PyDict, TbEntry, None, newInt, newDict, raise, TypeError, ValueError } from '../objects/core.ts';
import { dictSetS } from '../objects/dict.ts';
import { Frame, PyFrameObj, PyTraceback, frameObject } from './frame.ts';
import { VM, builtinsOf } from './state.ts';
import { CO_NAMES } from '../compiler/code.ts';
import { typeName } from './runtime.ts';

/** exc.__traceback__: the outermost traceback object, its tb_next chain going inward. */
export function tracebackOf(e: PyBaseExc): PyObject {
  let next: PyTraceback | null = null;
  for (let i = 0; i < e.tb.length; i++) {
    const t = e.tb[i];
    let o = t.obj;
    if (o === null || !(o instanceof PyTraceback) || o.next !== next) {
      const f = t.frame;
      if (f === null) return next === null ? None : next;
      o = new PyTraceback(frameObject(f), t.line, t.pc, next);
      t.obj = o;
    }
    next = o as PyTraceback;
  }
  return next === null ? None : next;
}
/** exc.__traceback__ = v (None or a traceback), as with_traceback(v). */
export function setTraceback(e: PyBaseExc, v: PyObject): void {
  if (v !== None && !(v instanceof PyTraceback)) throw raise(TypeError, '__traceback__ must be a traceback or None');
  const entries: TbEntry[] = [];
  for (let t: PyTraceback | null = v === None ? null : (v as PyTraceback); t !== null; t = t.next) {
    const c = t.frame.frame.code;
    const en = new TbEntry(c.filename, t.line, c.name);
    en.frame = t.frame.frame;
    en.pc = t.pc;
    en.obj = t;
    entries.push(en);
  }
  entries.reverse();
  e.tb = entries;
}

/** sys._getframe(depth): the caller's frame, or depth frames further out. */
export function getFrame(depth: int): PyObject {
  let f: Frame | null = VM.frame;
  for (let i = 0; i < depth && f !== null; i++) f = f.back;
  if (f === null || depth < 0) throw raise(ValueError, 'call stack is not deep enough');
  return frameObject(f);
}

/** f.f_locals: the locals dict of module and class bodies, else a snapshot of the fast locals
 * and cells (as CPython's frame.f_locals outside a trace function). */
function localsOf(f: Frame): PyObject {
  if (f.localsMap !== null) return f.localsMap;
  if ((f.code.flags & CO_NAMES) !== 0 && f.localsDict !== null) return f.localsDict;
  const d = newDict();
  const names = f.code.varnames;
  for (let i = 0; i < names.length && i < f.fast.length; i++) {
    const v = f.fast[i];
    if (v !== null) dictSetS(d, names[i], v);
  }
  const cellNames: string[] = [];
  for (const n of f.code.cellvars) cellNames.push(n);
  for (const n of f.code.freevars) cellNames.push(n);
  for (let i = 0; i < cellNames.length && i < f.cells.length; i++) {
    const v = f.cells[i].ref;
    if (v !== null) dictSetS(d, cellNames[i], v);
  }
  return d;
}

export function frameAttr(o: PyFrameObj, name: string): PyObject | null {
  const f = o.frame;
  switch (name) {
    case 'f_code':
      return f.code;
    case 'f_lineno':
      return newInt(f.line());
    case 'f_lasti':
      return newInt(f.pc > 0 ? (f.pc - 1) * 2 : 0);
    case 'f_globals':
      return f.globals;
    case 'f_builtins':
      return builtinsOf(f.globals);
    case 'f_locals':
      return localsOf(f);
    case 'f_back': {
      const b = f.back;
      return b === null ? None : frameObject(b);
    }
    case 'f_trace':
      return None;
    case 'f_trace_lines':
      return newInt(1);
    case 'f_trace_opcodes':
      return newInt(0);
    case 'clear':
      return null;
  }
  return null;
}
export function tracebackAttr(t: PyTraceback, name: string): PyObject | null {
  switch (name) {
    case 'tb_frame':
      return t.frame;
    case 'tb_lineno':
      return newInt(t.line);
    case 'tb_lasti':
      return newInt(t.pc * 2);
    case 'tb_next':
      return t.next === null ? None : t.next;
  }
  return null;
}
/** tb.tb_next = v */
export function setTbNext(t: PyTraceback, v: PyObject): void {
  if (v === None) {
    t.next = null;
    return;
  }
  if (!(v instanceof PyTraceback)) throw raise(TypeError, `expected traceback object or None, got '${typeName(v)}'`);
  for (let c: PyTraceback | null = v; c !== null; c = c.next) if (c === t) throw raise(ValueError, 'traceback loop detected');
  t.next = v;
}
