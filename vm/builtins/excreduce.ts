// BaseException.__reduce__ and __setstate__ (pickle, copy), as CPython 3.11's exceptions.c:
// (type, args) or (type, args, __dict__), where the attributes CPython keeps in C members
// (AttributeError's name and obj, SyntaxError's location, OSError's errno...) are not part of
// __dict__ (pyvm keeps them among the instance's attributes, so they are left out here).
// ImportError adds its name and path to the state; OSError puts a file name back into args.
import type { int } from '../../translate/rlib/index.ts';
import {
  PyObject, PyBaseExc, PyDict, PyStr, None, newTuple, newDict, raise, TypeError,
  AttributeError, NameError, ImportError, SyntaxError, OSError, UnicodeError, StopIteration, SystemExit, BlockingIOError,
} from '../objects/core.ts';
import { dictKeys, dictGet, dictSetS } from '../objects/dict.ts';
import { B } from './ids.ts';
import { npos, unhandledBuiltin } from './args.ts';
import { isInstance, getAttrOrNull, setAttr, typeName } from '../interpreter/runtime.ts';

/** The attributes of e that CPython keeps outside its __dict__. */
function memberNames(e: PyBaseExc): string[] {
  if (isInstance(e, AttributeError)) return ['name', 'obj'];
  if (isInstance(e, NameError)) return ['name'];
  if (isInstance(e, ImportError)) return ['msg', 'name', 'path'];
  if (isInstance(e, SyntaxError)) return ['msg', 'filename', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset', 'print_file_and_line'];
  if (isInstance(e, BlockingIOError)) return ['errno', 'strerror', 'filename', 'filename2', 'characters_written'];
  if (isInstance(e, OSError)) return ['errno', 'strerror', 'filename', 'filename2'];
  if (isInstance(e, UnicodeError)) return ['encoding', 'object', 'start', 'end', 'reason'];
  if (isInstance(e, StopIteration)) return ['value'];
  if (isInstance(e, SystemExit)) return ['code'];
  return [];
}

/** e's __dict__ without the member attributes. */
function ownState(e: PyBaseExc): PyDict {
  const state = newDict();
  const d = getAttrOrNull(e, '__dict__');
  if (!(d instanceof PyDict)) return state;
  const members = memberNames(e);
  for (const k of dictKeys(d)) {
    if (k instanceof PyStr && members.includes(k.s)) continue;
    const v = dictGet(d, k);
    if (v !== null && k instanceof PyStr) dictSetS(state, k.s, v);
  }
  return state;
}

/** The attribute `name` of e when it is set to something other than None. */
function setValue(e: PyBaseExc, name: string): PyObject | null {
  const v = getAttrOrNull(e, name);
  return v === null || v === None ? null : v;
}

function reduce(e: PyBaseExc): PyObject {
  let args: PyObject = newTuple(e.args.slice(0));
  const state = ownState(e);
  if (isInstance(e, ImportError)) {
    for (const name of ['name', 'path']) {
      const v = setValue(e, name);
      if (v !== null) dictSetS(state, name, v);
    }
  } else if (isInstance(e, OSError) && e.args.length === 2) {
    // args keep only (errno, strerror) when a file name was given: OSError(*args) needs it back
    const filename = setValue(e, 'filename');
    if (filename !== null) {
      const items: PyObject[] = [e.args[0], e.args[1], filename];
      const filename2 = setValue(e, 'filename2');
      if (filename2 !== null) {
        items.push(None);
        items.push(filename2);
      }
      args = newTuple(items);
    }
  }
  return state.used > 0 ? newTuple([e.cls, args, state]) : newTuple([e.cls, args]);
}

function setState(e: PyBaseExc, state: PyObject): void {
  if (state === None) return;
  if (!(state instanceof PyDict)) throw raise(TypeError, 'state is not a dictionary');
  for (const k of dictKeys(state)) {
    const v = dictGet(state, k);
    if (v !== null) setAttr(e, k instanceof PyStr ? k.s : typeName(k), v);
  }
}

export function callExcReduce(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  const self = args.length > 0 ? args[0] : None;
  if (!(self instanceof PyBaseExc)) throw raise(TypeError, `descriptor requires a 'BaseException' object but received a '${typeName(self)}'`);
  switch (id) {
    case B.EXCGEN_EXC_REDUCE:
      if (n !== 1) throw raise(TypeError, `__reduce__() takes no arguments (${n - 1} given)`);
      return reduce(self);
    case B.EXCGEN_EXC_SETSTATE:
      if (n !== 2) throw raise(TypeError, `__setstate__() takes exactly one argument (${n - 1} given)`);
      setState(self, args[1]);
      return None;
  }
  throw unhandledBuiltin('BaseException', id);
}
