// The bytecode interpreter: frame evaluation, calls into Python functions, generators.
import type { int } from '../../translate/rlib/index.ts';
import { OverflowError as HostOverflow, MemoryError as HostMemoryError } from '../../translate/rlib/index.ts';
import {
  PyObject, PyType, PyInstance, PyBaseExc, PyInt, PyStr, PyList, PyTuple, PyDict, PySet, PyCell, PyModule, PyBuiltin,
  PySlice, PySeqIter, PyExc, TbEntry, PySuper, PyRange, HOLD, None, True, False, NULL_OBJ, cellType, sliceType, setType, typeType,
  objectType, newInt, newStr, newBool, newList, newTuple, newDict, raise, newExc, TypeError, NameError,
  UnboundLocalError, RecursionError, RuntimeError, StopIteration, GeneratorExit, ValueError, ImportError, AssertionError,
  EMPTY_TUPLE, listType, intType, boolType, PyFloat, OverflowErrorT,
  mapGetInt, MemoryError,
} from '../objects/core.ts';
import { PyCode, Op, CO_VARARGS, CO_VARKW, CO_GENERATOR } from '../compiler/code.ts';
import { PyFunction, Frame, PyGenerator } from './frame.ts';
import { VM } from './state.ts';
import {
  getAttr, setAttr, delAttr, callObj, binaryOp, unaryOp, richCompare, compareBool, truthy, getItem, setItem, delItem,
  contains, getIter, iterNext, iterToArray, excMatches, makeException, lookupType, isInstance, repr, str, getAttrOrNull,
  IT_LIST, IT_RANGE, typeName, isSubtype, computeMro, getIterOrNull, pyLen,
} from './runtime.ts';
import { dictGetStr, dictSet, dictDel, dictGet, dictSetS, dictGetS, dictKeys } from '../objects/dict.ts';
import { formatValue, asciiRepr } from '../builtins/format.ts';
import { importName, importFrom, importStar } from './importer.ts';
import * as A from '../parser/ast.ts';

/** object.__getattribute__ / object.__setattr__, to tell whether a class overrides them. */
class BuiltinSlot {
  fn: PyObject | null = null;
}
const OBJECT_GA = new BuiltinSlot();
const OBJECT_SA = new BuiltinSlot();
export function initEvalCaches(): void {
  const ga = objectType.dict.get('__getattribute__');
  OBJECT_GA.fn = ga === undefined ? null : ga;
  const sa = objectType.dict.get('__setattr__');
  OBJECT_SA.fn = sa === undefined ? null : sa;
}
function unboundLocal(name: string): PyExc {
  return raise(UnboundLocalError, `cannot access local variable '${name}' where it is not associated with a value`);
}
function nameError(name: string): PyExc {
  return raise(NameError, `name '${name}' is not defined`);
}

/** Binds call arguments into a new frame for fn. */
export function makeFrame(fn: PyFunction, args: PyObject[], kwnames: string[] | null): Frame {
  const code = fn.code;
  const nvars = code.varnames.length;
  const fast: (PyObject | null)[] = [];
  for (let i = 0; i < nvars; i++) fast.push(null);
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  const argcount = code.argcount;
  const hasVarargs = (code.flags & CO_VARARGS) !== 0;
  const hasVarkw = (code.flags & CO_VARKW) !== 0;
  const n = npos < argcount ? npos : argcount;
  for (let i = 0; i < n; i++) fast[i] = args[i];
  let extraIdx = argcount + code.kwonly;
  if (hasVarargs) {
    const extra: PyObject[] = [];
    for (let i = argcount; i < npos; i++) extra.push(args[i]);
    fast[extraIdx] = newTuple(extra);
    extraIdx++;
  } else if (npos > argcount) {
    const nd = fn.defaults.length;
    const plural = argcount === 1 ? '' : 's';
    if (nd > 0) {
      throw raise(TypeError, `${fn.qualname}() takes from ${argcount - nd} to ${argcount} positional arguments but ${npos} were given`);
    }
    throw raise(TypeError, `${fn.qualname}() takes ${argcount} positional argument${plural} but ${npos} ${npos === 1 ? 'was' : 'were'} given`);
  }
  let kwdict: PyDict | null = null;
  if (hasVarkw) {
    kwdict = newDict();
    fast[extraIdx] = kwdict;
  }
  if (kwnames !== null) {
    const total = argcount + code.kwonly;
    for (let k = 0; k < kwnames.length; k++) {
      const name = kwnames[k];
      const v = args[npos + k];
      let idx = -1;
      for (let i = code.posonly; i < total; i++) {
        if (code.varnames[i] === name) {
          idx = i;
          break;
        }
      }
      if (idx >= 0) {
        if (fast[idx] !== null) throw raise(TypeError, `${fn.qualname}() got multiple values for argument '${name}'`);
        fast[idx] = v;
      } else if (kwdict !== null) {
        dictSetS(kwdict, name, v);
      } else {
        throw raise(TypeError, `${fn.qualname}() got an unexpected keyword argument '${name}'`);
      }
    }
  }
  if (npos < argcount) {
    const nd = fn.defaults.length;
    const firstDefault = argcount - nd;
    const missing: string[] = [];
    for (let i = npos; i < argcount; i++) {
      if (fast[i] === null) {
        if (i >= firstDefault) fast[i] = fn.defaults[i - firstDefault];
        else missing.push(code.varnames[i]);
      }
    }
    if (missing.length > 0) throw missingArgs(fn, missing, 'positional');
  }
  if (code.kwonly > 0) {
    const missing: string[] = [];
    for (let i = argcount; i < argcount + code.kwonly; i++) {
      if (fast[i] === null) {
        const kd = fn.kwdefaults;
        const d = kd === null ? null : dictGetS(kd, code.varnames[i]);
        if (d !== null) fast[i] = d;
        else missing.push(code.varnames[i]);
      }
    }
    if (missing.length > 0) throw missingArgs(fn, missing, 'keyword-only');
  }
  const f = new Frame(code, fn, fn.globals, null, fast);
  if (code.cellvars.length > 0 || code.freevars.length > 0) {
    for (let i = 0; i < code.cellvars.length; i++) {
      const a = code.cell2arg[i];
      f.cells.push(new PyCell(cellType, a >= 0 ? fast[a] : null));
    }
    for (const c of fn.closure) f.cells.push(c);
  }
  return f;
}
function missingArgs(fn: PyFunction, missing: string[], kind: string): PyExc {
  const quoted: string[] = [];
  for (const m of missing) quoted.push(`'${m}'`);
  let list = '';
  if (quoted.length === 1) list = quoted[0];
  else if (quoted.length === 2) list = quoted[0] + ' and ' + quoted[1];
  else list = quoted.slice(0, quoted.length - 1).join(', ') + ', and ' + quoted[quoted.length - 1];
  const s = missing.length === 1 ? '' : 's';
  return raise(TypeError, `${fn.qualname}() missing ${missing.length} required ${kind} argument${s}: ${list}`);
}

export function callFunction(fn: PyFunction, args: PyObject[], kwnames: string[] | null): PyObject {
  const f = makeFrame(fn, args, kwnames);
  if ((fn.code.flags & CO_GENERATOR) !== 0) return new PyGenerator(f);
  return evalFrame(f);
}

export function evalFrame(f: Frame): PyObject {
  if (VM.depth >= VM.recursionLimit) {
    throw raise(RecursionError, 'maximum recursion depth exceeded');
  }
  VM.depth++;
  f.back = VM.frame;
  VM.frame = f;
  try {
    return run(f);
  } finally {
    VM.depth--;
    VM.frame = f.back;
  }
}

// ---- generators ----
/** Resumes g with v; returns the yielded value, or null when the generator returned. */
export function genSend(g: PyGenerator, v: PyObject): PyObject | null {
  if (g.finished) return null;
  if (g.running) throw raise(ValueError, 'generator already executing');
  const f = g.frame;
  if (f.pc === 0 && f.pendingThrow === null) {
    if (v !== None) throw raise(TypeError, "can't send non-None value to a just-started generator");
  } else if (f.pendingThrow === null) {
    f.stack.push(v);
  }
  g.running = true;
  let r: PyObject;
  try {
    r = evalFrame(f);
  } catch (e) {
    g.finished = true;
    if (e instanceof PyExc && isInstance(e.exc, StopIteration)) {
      const re = newExc(RuntimeError, 'generator raised StopIteration');
      re.cause = e.exc;
      re.context = e.exc;
      throw new PyExc(re);
    }
    throw e;
  } finally {
    g.running = false;
  }
  if (f.yielded) {
    f.yielded = false;
    return r;
  }
  g.finished = true;
  g.retval = r;
  return null;
}
export function genThrow(g: PyGenerator, exc: PyBaseExc): PyObject | null {
  if (g.finished) throw new PyExc(exc);
  if (g.frame.pc === 0) {
    g.finished = true;
    throw new PyExc(exc);
  }
  const f = g.frame;
  // suspended inside `yield from`: delegate the exception to the inner generator first
  const ops = f.code.ops;
  if (f.pc >= 2 && ops[(f.pc - 1) * 2] === Op.YIELD_VALUE && ops[(f.pc - 2) * 2] === Op.SEND && f.stack.length > 0) {
    const inner = f.stack[f.stack.length - 1];
    if (inner instanceof PyGenerator && !inner.finished) {
      let r: PyObject | null = null;
      try {
        r = genThrow(inner, exc);
      } catch (e) {
        if (e instanceof PyExc) {
          f.pendingThrow = e.exc;
          return genSend(g, None);
        }
        throw e;
      }
      if (r !== null) return r;
      return genSend(g, None);
    }
  }
  f.pendingThrow = exc;
  return genSend(g, None);
}
export function genClose(g: PyGenerator): void {
  if (g.finished) return;
  if (g.frame.pc === 0) {
    g.finished = true;
    return;
  }
  try {
    const r = genThrow(g, newExc(GeneratorExit, ''));
    if (r !== null) throw raise(RuntimeError, 'generator ignored GeneratorExit');
  } catch (e) {
    if (e instanceof PyExc && (isInstance(e.exc, GeneratorExit) || isInstance(e.exc, StopIteration))) return;
    throw e;
  }
}
/** The value of a generator's return (for StopIteration). */
export function stopIteration(v: PyObject): PyExc {
  const e = new PyBaseExc(StopIteration);
  if (v !== None) e.args.push(v);
  return new PyExc(e);
}

// ---- classes ----
export function buildClass(func: PyFunction, name: string, bases: PyObject[], kwnames: string[], kwvals: PyObject[]): PyObject {
  const ns = newDict();
  const f = new Frame(func.code, func, func.globals, ns, []);
  for (const c of func.closure) f.cells.push(c);
  evalFrame(f);
  let meta: PyObject | null = null;
  const restNames: string[] = [];
  const restVals: PyObject[] = [];
  for (let i = 0; i < kwnames.length; i++) {
    if (kwnames[i] === 'metaclass') meta = kwvals[i];
    else {
      restNames.push(kwnames[i]);
      restVals.push(kwvals[i]);
    }
  }
  if (meta === null) {
    meta = typeType;
    for (const b of bases) {
      if (b instanceof PyType && b.cls !== typeType && isSubtype(b.cls, meta as PyType)) meta = b.cls;
    }
  }
  const args: PyObject[] = [newStr(name), newTuple(bases), ns];
  for (const v of restVals) args.push(v);
  return callObj(meta, args, restNames.length > 0 ? restNames : null);
}
/** type(name, bases, ns) for metaclass meta. */
export function typeNew(meta: PyType, name: string, basesIn: PyObject[], ns: PyDict, kwnames: string[] | null, kwvals: PyObject[]): PyType {
  const t = new PyType(meta, name);
  for (const b of basesIn) {
    if (!(b instanceof PyType)) throw raise(TypeError, 'bases must be types');
    if (b.layout === 100 && b.isBuiltin) throw raise(TypeError, `type '${b.name}' is not an acceptable base type`);
    t.bases.push(b);
  }
  if (t.bases.length === 0) t.bases.push(objectType);
  t.isBuiltin = false;
  t.mro = computeMro(t);
  t.layout = 0;
  for (let i = 0; i < ns.keys.length; i++) {
    const k = ns.keys[i];
    const v = ns.vals[i];
    if (k !== null && v !== null && k instanceof PyStr) {
      t.dict.set(k.s, v);
      if (v instanceof PyFunction && v.klass === null) v.klass = t;
      else {
        const inner = v instanceof PyInstance ? null : innerFunc(v);
        if (inner !== null && inner.klass === null) inner.klass = t;
      }
    }
  }
  const mod = t.dict.get('__module__');
  if (mod !== undefined && mod instanceof PyStr) t.module = mod.s;
  const qn = t.dict.get('__qualname__');
  if (qn !== undefined) t.dict.delete('__qualname__');
  if (t.dict.has('__eq__') && !t.dict.has('__hash__')) t.dict.set('__hash__', None);
  HOLD.typeVersion++;
  // __set_name__ on descriptors
  for (const k of t.dict.keys()) {
    const v = t.dict.get(k) as PyObject;
    if (v instanceof PyInstance) {
      const sn = lookupType(v.cls, '__set_name__');
      if (sn !== null) callObj(sn, [v, t, newStr(k)], null);
    }
  }
  // __init_subclass__ of the parent
  if (t.mro.length > 1) {
    const parent = t.mro[1];
    const isc = lookupType(parent, '__init_subclass__');
    if (isc !== null && !(isc instanceof PyBuiltin)) {
      const fnObj = isc instanceof PyFunction ? isc : innerFunc(isc);
      if (fnObj !== null) {
        const args: PyObject[] = [t];
        for (const v of kwvals) args.push(v);
        callObj(fnObj, args, kwnames);
      }
    }
  }
  return t;
}
import { PyClassMethod, PyStaticMethod, PyProperty } from '../objects/core.ts';
function innerFunc(v: PyObject): PyFunction | null {
  if (v instanceof PyClassMethod && v.fn instanceof PyFunction) return v.fn;
  if (v instanceof PyStaticMethod && v.fn instanceof PyFunction) return v.fn;
  if (v instanceof PyProperty) {
    if (v.fget instanceof PyFunction) return v.fget;
  }
  return null;
}

// ---- helpers for the loop ----
function kwNamesOf(t: PyObject): string[] {
  const out: string[] = [];
  for (const x of (t as PyTuple).items) out.push((x as PyStr).s);
  return out;
}
function unpackError(got: int, expected: int): PyExc {
  if (got < expected) return raise(ValueError, `not enough values to unpack (expected ${expected}, got ${got})`);
  return raise(ValueError, `too many values to unpack (expected ${expected})`);
}
function unpackItems(seq: PyObject): PyObject[] {
  if (getIterOrNull(seq) === null) throw raise(TypeError, `cannot unpack non-iterable ${typeName(seq)} object`);
  return iterToArray(seq);
}
const MATCH_SELF_TYPES = ['bool', 'bytes', 'dict', 'float', 'frozenset', 'int', 'list', 'set', 'str', 'tuple'];
function matchClass(subj: PyObject, cls: PyObject, npos: int, kwn: PyTuple): PyObject {
  if (!(cls instanceof PyType)) throw raise(TypeError, 'called match pattern must be a class');
  if (!isInstance(subj, cls)) return None;
  const out: PyObject[] = [];
  if (npos > 0) {
    if (cls.isBuiltin && MATCH_SELF_TYPES.includes(cls.name)) {
      if (npos > 1) throw raise(TypeError, `${cls.name}() accepts 1 positional sub-pattern (${npos} given)`);
      out.push(subj);
    } else {
      const ma = getAttrOrNull(cls, '__match_args__');
      if (ma === null || !(ma instanceof PyTuple)) throw raise(TypeError, `${cls.name}() accepts 0 positional sub-patterns (${npos} given)`);
      if (npos > ma.items.length) throw raise(TypeError, `${cls.name}() accepts ${ma.items.length} positional sub-pattern${ma.items.length === 1 ? '' : 's'} (${npos} given)`);
      for (let i = 0; i < npos; i++) {
        const v = getAttrOrNull(subj, str(ma.items[i]));
        if (v === null) return None;
        out.push(v);
      }
    }
  }
  for (const k of kwn.items) {
    const v = getAttrOrNull(subj, (k as PyStr).s);
    if (v === null) return None;
    out.push(v);
  }
  return newTuple(out);
}
function loadBuildClass(): PyObject {
  const b = dictGetS(VM.builtins, '__build_class__');
  return b === null ? None : b;
}
function withEnter(ctx: PyObject, stack: PyObject[]): PyObject {
  const enter = lookupType(ctx.cls, '__enter__');
  const exit = lookupType(ctx.cls, '__exit__');
  if (enter === null || exit === null) {
    throw raise(TypeError, `'${typeName(ctx)}' object does not support the context manager protocol`);
  }
  stack.push(getAttr(ctx, '__exit__'));
  return enter;
}
function addTraceback(f: Frame, exc: PyBaseExc, pc: int): void {
  const i = pc > 0 ? pc - 1 : 0;
  const line = i < f.code.lines.length ? f.code.lines[i] : f.code.firstLine;
  exc.tb.push(new TbEntry(f.code.filename, line, f.code.name));
}

function run(f: Frame): PyObject {
  const code = f.code;
  const ops = code.ops;
  const consts = code.consts;
  const names = code.names;
  const nameObjs = code.nameObjs;
  const stack = f.stack;
  const fast = f.fast;
  let pc = f.pc;
  let kwnames: string[] | null = null;
  for (;;) {
    try {
      if (f.pendingThrow !== null) {
        const pt = f.pendingThrow;
        f.pendingThrow = null;
        throw new PyExc(pt);
      }
      for (;;) {
        const op = ops[pc * 2];
        const arg = ops[pc * 2 + 1];
        pc++;
        switch (op) {
          case Op.NOP:
            break;
          case Op.POP_TOP:
            stack.pop();
            break;
          case Op.ROT_TWO: {
            const n = stack.length;
            const a = stack[n - 1];
            stack[n - 1] = stack[n - 2];
            stack[n - 2] = a;
            break;
          }
          case Op.ROT_THREE: {
            const n = stack.length;
            const a = stack[n - 1];
            stack[n - 1] = stack[n - 2];
            stack[n - 2] = stack[n - 3];
            stack[n - 3] = a;
            break;
          }
          case Op.DUP_TOP:
            stack.push(stack[stack.length - 1]);
            break;
          case Op.DUP_TOP_TWO: {
            const n = stack.length;
            stack.push(stack[n - 2]);
            stack.push(stack[n - 1]);
            break;
          }
          case Op.LOAD_CONST:
            stack.push(consts[arg]);
            break;
          case Op.LOAD_FAST: {
            const v = fast[arg];
            if (v === null) throw unboundLocal(code.varnames[arg]);
            stack.push(v);
            break;
          }
          case Op.STORE_FAST:
            fast[arg] = stack.pop() as PyObject;
            break;
          case Op.DELETE_FAST:
            if (fast[arg] === null) throw unboundLocal(code.varnames[arg]);
            fast[arg] = null;
            break;
          case Op.LOAD_DEREF: {
            const v = f.cells[arg].ref;
            if (v === null) {
              if (arg < code.cellvars.length) throw unboundLocal(code.cellvars[arg]);
              throw raise(NameError, `cannot access free variable '${code.freevars[arg - code.cellvars.length]}' where it is not associated with a value in enclosing scope`);
            }
            stack.push(v);
            break;
          }
          case Op.STORE_DEREF:
            f.cells[arg].ref = stack.pop() as PyObject;
            break;
          case Op.DELETE_DEREF:
            f.cells[arg].ref = null;
            break;
          case Op.LOAD_CLOSURE:
            stack.push(f.cells[arg]);
            break;
          case Op.LOAD_GLOBAL: {
            let v = dictGetStr(f.globals, nameObjs[arg]);
            if (v === null) {
              v = dictGetStr(VM.builtins, nameObjs[arg]);
              if (v === null) throw nameError(names[arg]);
            }
            stack.push(v);
            break;
          }
          case Op.STORE_GLOBAL:
            dictSet(f.globals, nameObjs[arg], stack.pop() as PyObject);
            break;
          case Op.DELETE_GLOBAL:
            if (!dictDel(f.globals, nameObjs[arg])) throw nameError(names[arg]);
            break;
          case Op.LOAD_NAME: {
            const ld = f.localsDict;
            let v: PyObject | null = ld === null ? null : dictGetStr(ld, nameObjs[arg]);
            if (v === null) v = dictGetStr(f.globals, nameObjs[arg]);
            if (v === null) v = dictGetStr(VM.builtins, nameObjs[arg]);
            if (v === null) throw nameError(names[arg]);
            stack.push(v);
            break;
          }
          case Op.STORE_NAME: {
            const ld = f.localsDict;
            dictSet(ld === null ? f.globals : ld, nameObjs[arg], stack.pop() as PyObject);
            break;
          }
          case Op.DELETE_NAME: {
            const ld = f.localsDict;
            if (!dictDel(ld === null ? f.globals : ld, nameObjs[arg])) throw nameError(names[arg]);
            break;
          }
          case Op.LOAD_ATTR: {
            const o = stack[stack.length - 1];
            if (o instanceof PyInstance) {
              const ci = pc - 1;
              if (code.icMap[ci] === o.map && code.icCls[ci] === o.cls && code.icVer[ci] === HOLD.typeVersion) {
                const v = o.slots[code.icIdx[ci]];
                if (v !== null) {
                  stack[stack.length - 1] = v;
                  break;
                }
              }
              const idx = mapGetInt(o.map.names, names[arg], -1);
              if (idx >= 0 && o.slots[idx] !== null && !o.cls.isBuiltin) {
                const d = lookupType(o.cls, names[arg]);
                if ((d === null || d instanceof PyFunction) && lookupType(o.cls, '__getattribute__') === OBJECT_GA.fn) {
                  code.icMap[ci] = o.map;
                  code.icCls[ci] = o.cls;
                  code.icVer[ci] = HOLD.typeVersion;
                  code.icIdx[ci] = idx;
                  stack[stack.length - 1] = o.slots[idx];
                  break;
                }
              }
            }
            stack[stack.length - 1] = getAttr(o, names[arg]);
            break;
          }
          case Op.STORE_ATTR: {
            const o = stack.pop() as PyObject;
            const v = stack.pop() as PyObject;
            if (o instanceof PyInstance) {
              const ci = pc - 1;
              if (code.icMap[ci] === o.map && code.icCls[ci] === o.cls && code.icVer[ci] === HOLD.typeVersion) {
                o.slots[code.icIdx[ci]] = v;
                break;
              }
              const idx = mapGetInt(o.map.names, names[arg], -1);
              if (idx >= 0 && !o.cls.isBuiltin && !(o instanceof PyBaseExc)) {
                const d = lookupType(o.cls, names[arg]);
                if ((d === null || d instanceof PyFunction) && lookupType(o.cls, '__setattr__') === OBJECT_SA.fn) {
                  code.icMap[ci] = o.map;
                  code.icCls[ci] = o.cls;
                  code.icVer[ci] = HOLD.typeVersion;
                  code.icIdx[ci] = idx;
                  o.slots[idx] = v;
                  break;
                }
              }
            }
            setAttr(o, names[arg], v);
            break;
          }
          case Op.DELETE_ATTR:
            delAttr(stack.pop() as PyObject, names[arg]);
            break;
          case Op.LOAD_METHOD: {
            const o = stack[stack.length - 1];
            const name = names[arg];
            if (o instanceof PyInstance) {
              const ci = pc - 1;
              if (code.icMap[ci] === o.map && code.icCls[ci] === o.cls && code.icVer[ci] === HOLD.typeVersion) {
                stack[stack.length - 1] = code.icVal[ci] as PyObject;
                stack.push(o);
                break;
              }
              const d = lookupType(o.cls, name);
              if (d !== null && d instanceof PyFunction && !o.map.names.has(name) && lookupType(o.cls, '__getattribute__') === OBJECT_GA.fn) {
                code.icMap[ci] = o.map;
                code.icCls[ci] = o.cls;
                code.icVer[ci] = HOLD.typeVersion;
                code.icVal[ci] = d;
                stack[stack.length - 1] = d;
                stack.push(o);
                break;
              }
            } else if (!(o instanceof PyModule) && !(o instanceof PyType) && !(o instanceof PySuper)) {
              const d = lookupType(o.cls, name);
              if (d !== null && d instanceof PyBuiltin && d.isMethod) {
                stack[stack.length - 1] = d;
                stack.push(o);
                break;
              }
            }
            stack[stack.length - 1] = getAttr(o, name);
            stack.push(NULL_OBJ);
            break;
          }
          case Op.PUSH_NULL:
            stack.push(NULL_OBJ);
            break;
          case Op.KW_NAMES:
            kwnames = kwNamesOf(consts[arg]);
            break;
          case Op.CALL: {
            const n = stack.length;
            const base = n - arg - 2;
            const callable = stack[base];
            const self = stack[base + 1];
            const kwn = kwnames;
            kwnames = null;
            f.pc = pc;
            if (callable instanceof PyFunction && callable.simple && kwn === null) {
              const fcode = callable.code;
              const hasSelf = self !== NULL_OBJ;
              const nargs = hasSelf ? arg + 1 : arg;
              if (nargs === fcode.argcount) {
                const nf: (PyObject | null)[] = [];
                if (hasSelf) nf.push(self);
                for (let i = base + 2; i < n; i++) nf.push(stack[i]);
                for (let i = nargs; i < fcode.varnames.length; i++) nf.push(null);
                stack.length = base;
                const frame = new Frame(fcode, callable, callable.globals, null, nf);
                if (fcode.freevars.length > 0) for (const c of callable.closure) frame.cells.push(c);
                stack.push(evalFrame(frame));
                break;
              }
            }
            const args: PyObject[] = [];
            if (self !== NULL_OBJ) args.push(self);
            for (let i = base + 2; i < n; i++) args.push(stack[i]);
            stack.length = base;
            stack.push(callObj(callable, args, kwn));
            break;
          }
          case Op.CALL_EX: {
            let kw: PyDict | null = null;
            if ((arg & 1) !== 0) kw = stack.pop() as PyDict;
            const argsT = stack.pop() as PyTuple;
            stack.pop();
            const callable = stack.pop() as PyObject;
            f.pc = pc;
            const args = argsT.items.slice(0);
            let kwn: string[] | null = null;
            if (kw !== null && kw.used > 0) {
              kwn = [];
              for (let i = 0; i < kw.keys.length; i++) {
                const k = kw.keys[i];
                const v = kw.vals[i];
                if (k === null || v === null) continue;
                if (!(k instanceof PyStr)) throw raise(TypeError, 'keywords must be strings');
                kwn.push(k.s);
                args.push(v);
              }
            }
            stack.push(callObj(callable, args, kwn));
            break;
          }
          case Op.BINARY_OP: {
            const b = stack.pop() as PyObject;
            const a = stack[stack.length - 1];
            if (a instanceof PyInt && b instanceof PyInt && a.big === null && b.big === null && a.cls === intType && b.cls === intType) {
              const x = a.v;
              const y = b.v;
              const o = arg >= A.BIN_INPLACE ? arg - A.BIN_INPLACE : arg;
              if (o === A.BIN_ADD) {
                const r = x + y;
                if (r <= 9007199254740991 && r >= -9007199254740991) {
                  stack[stack.length - 1] = newInt(r);
                  break;
                }
              } else if (o === A.BIN_SUB) {
                const r = x - y;
                if (r <= 9007199254740991 && r >= -9007199254740991) {
                  stack[stack.length - 1] = newInt(r);
                  break;
                }
              }
            }
            stack[stack.length - 1] = binaryOp(a, b, arg);
            break;
          }
          case Op.UNARY_NEG:
            stack[stack.length - 1] = unaryOp(stack[stack.length - 1], A.U_NEG);
            break;
          case Op.UNARY_POS:
            stack[stack.length - 1] = unaryOp(stack[stack.length - 1], A.U_POS);
            break;
          case Op.UNARY_INVERT:
            stack[stack.length - 1] = unaryOp(stack[stack.length - 1], A.U_INVERT);
            break;
          case Op.UNARY_NOT:
            stack[stack.length - 1] = truthy(stack[stack.length - 1]) ? False : True;
            break;
          case Op.COMPARE_OP: {
            const b = stack.pop() as PyObject;
            const a = stack[stack.length - 1];
            if (a instanceof PyInt && b instanceof PyInt && a.big === null && b.big === null) {
              stack[stack.length - 1] = compareBool(a, b, arg) ? True : False;
            } else {
              stack[stack.length - 1] = richCompare(a, b, arg);
            }
            break;
          }
          case Op.IS_OP: {
            const b = stack.pop() as PyObject;
            const a = stack[stack.length - 1];
            let same = a === b;
            if (!same && a instanceof PyInt && b instanceof PyInt && a.cls === b.cls && a.big === null && b.big === null && a.v === b.v && a.v >= -5 && a.v <= 256) same = true;
            stack[stack.length - 1] = (arg === 0 ? same : !same) ? True : False;
            break;
          }
          case Op.CONTAINS_OP: {
            const c = stack.pop() as PyObject;
            const x = stack[stack.length - 1];
            const r = contains(c, x);
            stack[stack.length - 1] = (arg === 0 ? r : !r) ? True : False;
            break;
          }
          case Op.BINARY_SUBSCR: {
            const k = stack.pop() as PyObject;
            const o = stack[stack.length - 1];
            if (o instanceof PyList && k instanceof PyInt && o.cls === listType) {
              const i = k.v;
              if (i >= 0 && i < o.items.length && k.big === null) {
                stack[stack.length - 1] = o.items[i];
                break;
              }
            }
            stack[stack.length - 1] = getItem(o, k);
            break;
          }
          case Op.STORE_SUBSCR: {
            const k = stack.pop() as PyObject;
            const o = stack.pop() as PyObject;
            const v = stack.pop() as PyObject;
            if (o instanceof PyList && k instanceof PyInt && o.cls === listType) {
              const i = k.v;
              if (i >= 0 && i < o.items.length && k.big === null) {
                o.items[i] = v;
                break;
              }
            }
            setItem(o, k, v);
            break;
          }
          case Op.DELETE_SUBSCR: {
            const k = stack.pop() as PyObject;
            const o = stack.pop() as PyObject;
            delItem(o, k);
            break;
          }
          case Op.BUILD_SLICE: {
            const step = arg === 3 ? (stack.pop() as PyObject) : None;
            const stop = stack.pop() as PyObject;
            const start = stack.pop() as PyObject;
            stack.push(new PySlice(sliceType, start, stop, step));
            break;
          }
          case Op.BUILD_TUPLE:
          case Op.BUILD_LIST: {
            const items = stack.slice(stack.length - arg);
            stack.length = stack.length - arg;
            stack.push(op === Op.BUILD_TUPLE ? newTuple(items) : newList(items));
            break;
          }
          case Op.BUILD_SET: {
            const s = new PySet(setType, newDict());
            for (let i = stack.length - arg; i < stack.length; i++) dictSet(s.table, stack[i], None);
            stack.length = stack.length - arg;
            stack.push(s);
            break;
          }
          case Op.BUILD_MAP: {
            const d = newDict();
            const start = stack.length - 2 * arg;
            for (let i = start; i < stack.length; i += 2) dictSet(d, stack[i], stack[i + 1]);
            stack.length = start;
            stack.push(d);
            break;
          }
          case Op.BUILD_STRING: {
            const parts: string[] = [];
            for (let i = stack.length - arg; i < stack.length; i++) parts.push((stack[i] as PyStr).s);
            stack.length = stack.length - arg;
            stack.push(newStr(parts.join('')));
            break;
          }
          case Op.LIST_APPEND: {
            const v = stack.pop() as PyObject;
            (stack[stack.length - arg] as PyList).items.push(v);
            break;
          }
          case Op.SET_ADD: {
            const v = stack.pop() as PyObject;
            dictSet((stack[stack.length - arg] as PySet).table, v, None);
            break;
          }
          case Op.MAP_ADD: {
            const v = stack.pop() as PyObject;
            const k = stack.pop() as PyObject;
            dictSet(stack[stack.length - arg] as PyDict, k, v);
            break;
          }
          case Op.LIST_EXTEND: {
            const v = stack.pop() as PyObject;
            const l = stack[stack.length - arg] as PyList;
            for (const x of iterToArray(v)) l.items.push(x);
            break;
          }
          case Op.SET_UPDATE: {
            const v = stack.pop() as PyObject;
            const s = stack[stack.length - arg] as PySet;
            for (const x of iterToArray(v)) dictSet(s.table, x, None);
            break;
          }
          case Op.DICT_UPDATE:
          case Op.DICT_MERGE: {
            const v = stack.pop() as PyObject;
            const d = stack[stack.length - arg] as PyDict;
            if (v instanceof PyDict) {
              for (let i = 0; i < v.keys.length; i++) {
                const k = v.keys[i];
                const val = v.vals[i];
                if (k === null || val === null) continue;
                if (op === Op.DICT_MERGE && dictGet(d, k) !== null) throw raise(TypeError, `got multiple values for keyword argument '${str(k)}'`);
                dictSet(d, k, val);
              }
            } else {
              const keysFn = getAttrOrNull(v, 'keys');
              if (keysFn === null) throw raise(TypeError, `'${typeName(v)}' object is not a mapping`);
              for (const k of iterToArray(callObj(keysFn, [], null))) dictSet(d, k, getItem(v, k));
            }
            break;
          }
          case Op.LIST_TO_TUPLE:
            stack[stack.length - 1] = newTuple((stack[stack.length - 1] as PyList).items);
            break;
          case Op.FORMAT_VALUE: {
            const spec = (arg & 4) !== 0 ? (stack.pop() as PyStr).s : '';
            let v = stack.pop() as PyObject;
            const conv = arg & 3;
            if (conv === 1) v = newStr(str(v));
            else if (conv === 2) v = newStr(repr(v));
            else if (conv === 3) v = newStr(asciiRepr(v));
            stack.push(newStr(formatValue(v, spec)));
            break;
          }
          case Op.JUMP:
            pc = arg;
            break;
          case Op.JUMP_BACKWARD:
            pc = arg;
            VM.hooks.onLoopHeader(f, arg);
            break;
          case Op.POP_JUMP_IF_FALSE: {
            const v = stack.pop() as PyObject;
            if (v === False || (v !== True && !truthy(v))) pc = arg;
            break;
          }
          case Op.POP_JUMP_IF_TRUE: {
            const v = stack.pop() as PyObject;
            if (v === True || (v !== False && truthy(v))) pc = arg;
            break;
          }
          case Op.JUMP_IF_FALSE_OR_POP:
            if (!truthy(stack[stack.length - 1])) pc = arg;
            else stack.pop();
            break;
          case Op.JUMP_IF_TRUE_OR_POP:
            if (truthy(stack[stack.length - 1])) pc = arg;
            else stack.pop();
            break;
          case Op.GET_ITER:
            stack[stack.length - 1] = getIter(stack[stack.length - 1]);
            break;
          case Op.FOR_ITER: {
            const it = stack[stack.length - 1];
            if (it instanceof PySeqIter) {
              if (it.kind === IT_RANGE) {
                if (it.n > 0) {
                  it.n--;
                  const v = it.i;
                  it.i += it.step;
                  stack.push(newInt(v));
                } else {
                  stack.pop();
                  pc = arg;
                }
                break;
              }
              if (it.kind === IT_LIST) {
                const items = (it.seq as PyList).items;
                if (it.i < items.length) {
                  stack.push(items[it.i]);
                  it.i++;
                } else {
                  it.i = 0x7fffffff;
                  stack.pop();
                  pc = arg;
                }
                break;
              }
            }
            f.pc = pc;
            const v = iterNext(it);
            if (v === null) {
              stack.pop();
              pc = arg;
            } else stack.push(v);
            break;
          }
          case Op.UNPACK_SEQUENCE: {
            const seq = stack.pop() as PyObject;
            let items: PyObject[];
            if (seq instanceof PyTuple) items = seq.items;
            else if (seq instanceof PyList) items = seq.items;
            else items = unpackItems(seq);
            if (items.length !== arg) throw unpackError(items.length, arg);
            for (let i = arg - 1; i >= 0; i--) stack.push(items[i]);
            break;
          }
          case Op.UNPACK_EX: {
            const before = arg & 255;
            const after = arg >> 8;
            const items = unpackItems(stack.pop() as PyObject);
            if (items.length < before + after) {
              throw raise(ValueError, `not enough values to unpack (expected at least ${before + after}, got ${items.length})`);
            }
            for (let i = items.length - 1; i >= items.length - after; i--) stack.push(items[i]);
            stack.push(newList(items.slice(before, items.length - after)));
            for (let i = before - 1; i >= 0; i--) stack.push(items[i]);
            break;
          }
          case Op.MAKE_FUNCTION: {
            const fcode = stack.pop() as PyCode;
            const fn = new PyFunction(fcode, f.globals);
            if ((arg & 8) !== 0) {
              for (const c of (stack.pop() as PyTuple).items) fn.closure.push(c as PyCell);
            }
            if ((arg & 2) !== 0) fn.kwdefaults = stack.pop() as PyDict;
            if ((arg & 1) !== 0) fn.defaults = (stack.pop() as PyTuple).items;
            const modName = dictGetS(f.globals, '__name__');
            if (modName !== null) fn.module = modName;
            stack.push(fn);
            break;
          }
          case Op.RETURN_VALUE: {
            const v = stack.pop() as PyObject;
            f.pc = pc;
            return v;
          }
          case Op.YIELD_VALUE: {
            const v = stack.pop() as PyObject;
            f.pc = pc;
            f.yielded = true;
            return v;
          }
          case Op.GET_YIELD_FROM_ITER:
            stack[stack.length - 1] = getIter(stack[stack.length - 1]);
            break;
          case Op.SEND: {
            const v = stack.pop() as PyObject;
            const it = stack[stack.length - 1];
            f.pc = pc;
            let r: PyObject | null = null;
            let retval: PyObject = None;
            if (it instanceof PyGenerator) {
              r = genSend(it, v);
              if (r === null) retval = it.retval;
            } else if (v === None) {
              r = iterNext(it);
            } else {
              r = callObj(getAttr(it, 'send'), [v], null);
            }
            if (r === null) {
              stack[stack.length - 1] = retval;
              pc = arg;
            } else stack.push(r);
            break;
          }
          case Op.SETUP_FINALLY:
            f.blocks.push(arg);
            f.blocks.push(stack.length);
            break;
          case Op.SETUP_CLEANUP:
            f.blocks.push(arg);
            f.blocks.push(stack.length - 1);
            break;
          case Op.POP_BLOCK:
            f.blocks.length = f.blocks.length - 2;
            break;
          case Op.PUSH_EXC_INFO: {
            const exc = stack.pop() as PyObject;
            const prev = VM.curExc;
            stack.push(prev === null ? None : prev);
            stack.push(exc);
            VM.curExc = exc as PyBaseExc;
            break;
          }
          case Op.POP_EXCEPT: {
            const prev = stack.pop() as PyObject;
            VM.curExc = prev === None ? null : (prev as PyBaseExc);
            break;
          }
          case Op.POP_EXCEPT_RERAISE: {
            const exc = stack.pop() as PyBaseExc;
            const prev = stack.pop() as PyObject;
            VM.curExc = prev === None ? null : (prev as PyBaseExc);
            VM.reraising = true;
            throw new PyExc(exc);
          }
          case Op.RERAISE: {
            const exc = stack.pop() as PyBaseExc;
            VM.reraising = true;
            throw new PyExc(exc);
          }
          case Op.CHECK_EXC_MATCH: {
            const spec = stack.pop() as PyObject;
            stack.push(excMatches(stack[stack.length - 1], spec) ? True : False);
            break;
          }
          case Op.RAISE_VARARGS: {
            f.pc = pc;
            if (arg === 0) {
              const cur = VM.curExc;
              if (cur === null) throw raise(RuntimeError, 'No active exception to reraise');
              VM.reraising = true;
              throw new PyExc(cur);
            }
            let cause: PyObject | null = null;
            if (arg === 2) cause = stack.pop() as PyObject;
            const exc = makeException(stack.pop() as PyObject);
            if (cause !== null) {
              exc.cause = cause === None ? null : makeException(cause);
              exc.suppressContext = true;
            }
            throw new PyExc(exc);
          }
          case Op.SETUP_WITH: {
            const ctx = stack.pop() as PyObject;
            const enter = withEnter(ctx, stack);
            f.blocks.push(arg);
            f.blocks.push(stack.length);
            stack.push(callObj(enter, [ctx], null));
            break;
          }
          case Op.WITH_EXIT: {
            const exitFn = stack.pop() as PyObject;
            callObj(exitFn, [None, None, None], null);
            break;
          }
          case Op.WITH_EXCEPT: {
            const exc = stack.pop() as PyBaseExc;
            const exitFn = stack.pop() as PyObject;
            const prev = VM.curExc;
            VM.curExc = exc;
            let r: PyObject;
            try {
              r = callObj(exitFn, [exc.cls, exc, None], null);
            } finally {
              VM.curExc = prev;
            }
            if (!truthy(r)) {
              VM.reraising = true;
              throw new PyExc(exc);
            }
            break;
          }
          case Op.IMPORT_NAME: {
            const fromlist = stack.pop() as PyObject;
            const level = stack.pop() as PyInt;
            f.pc = pc;
            stack.push(importName(names[arg], fromlist, level.v, f.globals));
            break;
          }
          case Op.IMPORT_FROM:
            stack.push(importFrom(stack[stack.length - 1], names[arg]));
            break;
          case Op.IMPORT_STAR: {
            const m = stack.pop() as PyObject;
            const ld = f.localsDict;
            importStar(m, ld === null ? f.globals : ld);
            break;
          }
          case Op.LOAD_BUILD_CLASS:
            stack.push(loadBuildClass());
            break;
          case Op.LOAD_ASSERTION_ERROR:
            stack.push(AssertionError);
            break;
          case Op.MATCH_SEQUENCE: {
            const s = stack[stack.length - 1];
            stack[stack.length - 1] = s instanceof PyList || s instanceof PyTuple || s instanceof PyRange ? True : False;
            break;
          }
          case Op.MATCH_MAPPING:
            stack[stack.length - 1] = stack[stack.length - 1] instanceof PyDict ? True : False;
            break;
          case Op.GET_LEN:
            stack[stack.length - 1] = newInt(pyLen(stack[stack.length - 1]));
            break;
          case Op.MATCH_CLASS: {
            const kwn = stack.pop() as PyTuple;
            const cls = stack.pop() as PyObject;
            const subj = stack[stack.length - 1];
            stack[stack.length - 1] = matchClass(subj, cls, arg, kwn);
            break;
          }
          case Op.MATCH_KEYS: {
            const keys = stack.pop() as PyTuple;
            const subj = stack[stack.length - 1] as PyDict;
            const vals: PyObject[] = [];
            let ok = true;
            for (const k of keys.items) {
              const v = dictGet(subj, k);
              if (v === null) {
                ok = false;
                break;
              }
              vals.push(v);
            }
            stack[stack.length - 1] = ok ? newTuple(vals) : None;
            break;
          }
          case Op.MATCH_STAR_LIST: {
            const items = iterToArray(stack[stack.length - 1]);
            stack[stack.length - 1] = newList(items.slice(arg & 255, items.length - (arg >> 8)));
            break;
          }
          case Op.MATCH_MAP_REST: {
            const keys = stack.pop() as PyTuple;
            const subj = stack[stack.length - 1] as PyDict;
            const d = newDict();
            for (let i = 0; i < subj.keys.length; i++) {
              const k = subj.keys[i];
              const v = subj.vals[i];
              if (k === null || v === null) continue;
              let skip = false;
              for (const x of keys.items) if (richCompare(x, k, A.CMP_EQ) === True) skip = true;
              if (!skip) dictSet(d, k, v);
            }
            stack[stack.length - 1] = d;
            break;
          }
          default:
            throw raise(RuntimeError, 'bad opcode ' + String(op));
        }
      }
    } catch (err) {
      let e: PyExc;
      if (err instanceof PyExc) e = err;
      else if (err instanceof HostOverflow) e = raise(OverflowErrorT, err.message);
      // the heap outgrew its limit (translated only): the runtime lends a reserve for this
      else if (err instanceof HostMemoryError) e = raise(MemoryError, '');
      else throw err;
      const exc = e.exc;
      if (VM.reraising) {
        VM.reraising = false;
      } else {
        addTraceback(f, exc, pc);
        const cur = VM.curExc;
        if (cur !== null && cur !== exc && exc.context === null) exc.context = cur;
      }
      if (f.blocks.length > 0) {
        const level = f.blocks.pop() as int;
        const handler = f.blocks.pop() as int;
        stack.length = level;
        stack.push(exc);
        pc = handler;
        kwnames = null;
        continue;
      }
      f.pc = pc;
      throw e;
    }
  }
}

export function runModuleCode(code: PyCode, globals: PyDict): PyObject {
  const f = new Frame(code, null, globals, null, []);
  return evalFrame(f);
}
