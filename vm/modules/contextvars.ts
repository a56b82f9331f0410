// The _contextvars module: ContextVar, Token and Context (a mapping from variables to values)
// with CPython's semantics. The current context is the VM's one thread's: Context.run enters
// another for the duration of a call, copy_context snapshots the current one.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, PyType, PyNative, PyStr, PyProperty, propertyType, newStr, newInt, newTuple, newList, raise, None, True, False, TypeError, ValueError, RuntimeError, KeyError, LookupError, PyBaseExc, PyExc, L_NONE } from '../objects/core.ts';
import { dictSetS } from '../objects/dict.ts';
import { B, FAM_CONTEXTVARS } from '../builtins/ids.ts';
import { npos, arg, kwArg, defMethod, mkBuiltin, unhandledBuiltin } from '../builtins/args.ts';
import { newModuleType, newBuiltinModule, addFn } from './registry.ts';
import { callObj, repr, typeName, arrayIter, addrOf, pyEq } from '../interpreter/runtime.ts';

const VAR_TYPE = newModuleType('_contextvars', 'ContextVar', L_NONE);
const TOKEN_TYPE = newModuleType('_contextvars', 'Token', L_NONE);
const CONTEXT_TYPE = newModuleType('_contextvars', 'Context', L_NONE);

export class PyContextVar extends PyNative {
  name: string;
  /** null: no default */
  dflt: PyObject | null;
  constructor(name: string, dflt: PyObject | null) {
    super(VAR_TYPE);
    this.name = name;
    this.dflt = dflt;
  }
  override nativeRepr(): string {
    const d = this.dflt === null ? '' : ` default=${repr(this.dflt)}`;
    return `<ContextVar name=${repr(newStr(this.name))}${d} at ${addrOf(this)}>`;
  }
}
export class PyContext extends PyNative {
  vars: PyContextVar[] = [];
  vals: PyObject[] = [];
  entered: boolean = false;
  constructor() {
    super(CONTEXT_TYPE);
  }
  find(v: PyContextVar): int {
    return this.vars.indexOf(v);
  }
  override nativeLen(): int {
    return this.vars.length;
  }
  override nativeGetItem(k: PyObject): PyObject | null {
    const i = this.find(varKey(k));
    if (i < 0) throw new PyExc(keyErr(k));
    return this.vals[i];
  }
  override nativeEq(other: PyObject): int {
    if (!(other instanceof PyContext)) return -1;
    if (other.vars.length !== this.vars.length) return 0;
    for (let i = 0; i < this.vars.length; i++) {
      const j = other.find(this.vars[i]);
      if (j < 0 || !pyEq(other.vals[j], this.vals[i])) return 0;
    }
    return 1;
  }
}
/** The object Token.old_value is when the variable had no value. */
export class PyTokenMissing extends PyNative {
  override nativeRepr(): string {
    return '<Token.MISSING>';
  }
}
const MISSING_TYPE = newModuleType('_contextvars', 'Token.MISSING', L_NONE);
const MISSING = new PyTokenMissing(MISSING_TYPE);

export class PyToken extends PyNative {
  ctx: PyContext;
  v: PyContextVar;
  /** MISSING when the variable had no value */
  old: PyObject;
  used: boolean = false;
  constructor(ctx: PyContext, v: PyContextVar, old: PyObject) {
    super(TOKEN_TYPE);
    this.ctx = ctx;
    this.v = v;
    this.old = old;
  }
  override nativeRepr(): string {
    return `<Token${this.used ? ' used' : ''} var=${repr(this.v)} at ${addrOf(this)}>`;
  }
}

function prop(t: PyType, name: string, id: int): void {
  t.dict.set(name, new PyProperty(propertyType, mkBuiltin(name, id, false, FAM_CONTEXTVARS), null, null));
}
VAR_TYPE.dict.set('__new__', mkBuiltin('__new__', B.CV_VAR_NEW, false, FAM_CONTEXTVARS));
defMethod(VAR_TYPE, 'get', B.CV_VAR_GET, FAM_CONTEXTVARS);
defMethod(VAR_TYPE, 'set', B.CV_VAR_SET, FAM_CONTEXTVARS);
defMethod(VAR_TYPE, 'reset', B.CV_VAR_RESET, FAM_CONTEXTVARS);
prop(VAR_TYPE, 'name', B.CV_VAR_NAME);
TOKEN_TYPE.dict.set('__new__', mkBuiltin('__new__', B.CV_NO_NEW, false, FAM_CONTEXTVARS));
prop(TOKEN_TYPE, 'var', B.CV_TOKEN_VAR);
prop(TOKEN_TYPE, 'old_value', B.CV_TOKEN_OLD_VALUE);
TOKEN_TYPE.dict.set('MISSING', MISSING);
CONTEXT_TYPE.dict.set('__new__', mkBuiltin('__new__', B.CV_CTX_NEW, false, FAM_CONTEXTVARS));
defMethod(CONTEXT_TYPE, 'run', B.CV_CTX_RUN, FAM_CONTEXTVARS);
defMethod(CONTEXT_TYPE, 'copy', B.CV_CTX_COPY, FAM_CONTEXTVARS);
defMethod(CONTEXT_TYPE, 'get', B.CV_CTX_GET, FAM_CONTEXTVARS);
defMethod(CONTEXT_TYPE, 'keys', B.CV_CTX_KEYS, FAM_CONTEXTVARS);
defMethod(CONTEXT_TYPE, 'values', B.CV_CTX_VALUES, FAM_CONTEXTVARS);
defMethod(CONTEXT_TYPE, 'items', B.CV_CTX_ITEMS, FAM_CONTEXTVARS);
defMethod(CONTEXT_TYPE, '__getitem__', B.CV_CTX_GETITEM, FAM_CONTEXTVARS);
defMethod(CONTEXT_TYPE, '__iter__', B.CV_CTX_ITER, FAM_CONTEXTVARS);
defMethod(CONTEXT_TYPE, '__len__', B.CV_CTX_LEN, FAM_CONTEXTVARS);
defMethod(CONTEXT_TYPE, '__contains__', B.CV_CTX_CONTAINS, FAM_CONTEXTVARS);

class ContextState {
  /** the context code runs in (made on first use) */
  current: PyContext | null = null;
}
const STATE = new ContextState();

function current(): PyContext {
  if (STATE.current === null) STATE.current = new PyContext();
  return STATE.current as PyContext;
}
function keyErr(k: PyObject): PyBaseExc {
  const e = new PyBaseExc(KeyError);
  e.args.push(k);
  return e;
}
function varKey(k: PyObject): PyContextVar {
  if (k instanceof PyContextVar) return k;
  throw raise(TypeError, `a ContextVar key was expected, got ${repr(k)}`);
}

export function makeContextvars(): PyModule {
  // a module is made once per run: the context of an earlier run in the same process is gone
  STATE.current = null;
  const m = newBuiltinModule('_contextvars');
  dictSetS(m.dict, 'ContextVar', VAR_TYPE);
  dictSetS(m.dict, 'Token', TOKEN_TYPE);
  dictSetS(m.dict, 'Context', CONTEXT_TYPE);
  addFn(m, 'copy_context', B.CV_COPY_CONTEXT, FAM_CONTEXTVARS);
  return m;
}

function copyOf(c: PyContext): PyContext {
  const n = new PyContext();
  n.vars = c.vars.slice(0);
  n.vals = c.vals.slice(0);
  return n;
}
/** A copy of the current context (contextvars.copy_context(), for _asyncio's callbacks). */
export function copyCurrentContext(): PyContext {
  return copyOf(current());
}
function selfVar(o: PyObject): PyContextVar {
  if (o instanceof PyContextVar) return o;
  throw raise(TypeError, `descriptor requires a '_contextvars.ContextVar' object but received a '${typeName(o)}'`);
}
function selfCtx(o: PyObject): PyContext {
  if (o instanceof PyContext) return o;
  throw raise(TypeError, `descriptor requires a '_contextvars.Context' object but received a '${typeName(o)}'`);
}

export function callContextvars(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  switch (id) {
    case B.CV_VAR_NEW: {
      const nm = arg(args, kw, 1, 'name');
      if (nm === null) throw raise(TypeError, "ContextVar() missing required argument 'name' (pos 1)");
      if (!(nm instanceof PyStr)) throw raise(TypeError, 'context variable name must be a str');
      if (n > 2) throw raise(TypeError, `ContextVar() takes at most 1 positional argument (${n - 1} given)`);
      return new PyContextVar(nm.s, kwArg(args, kw, 'default'));
    }
    case B.CV_NO_NEW:
      throw raise(RuntimeError, 'Tokens can only be created by ContextVars');
    case B.CV_CTX_NEW:
      if (n > 1 || (kw !== null && kw.length > 0)) throw raise(TypeError, 'Context() does not accept any arguments');
      return new PyContext();
    case B.CV_COPY_CONTEXT:
      return copyOf(current());
    case B.CV_VAR_GET: {
      const v = selfVar(args[0]);
      if (n > 2) throw raise(TypeError, `get expected at most 1 argument, got ${n - 1}`);
      const c = current();
      const i = c.find(v);
      if (i >= 0) return c.vals[i];
      if (n > 1) return args[1];
      if (v.dflt !== null) return v.dflt;
      const e = new PyBaseExc(LookupError);
      e.args.push(v);
      throw new PyExc(e);
    }
    case B.CV_VAR_SET: {
      const v = selfVar(args[0]);
      if (n !== 2) throw raise(TypeError, `ContextVar.set() takes exactly one argument (${n - 1} given)`);
      const c = current();
      const i = c.find(v);
      const old = i >= 0 ? c.vals[i] : MISSING;
      if (i >= 0) c.vals[i] = args[1];
      else {
        c.vars.push(v);
        c.vals.push(args[1]);
      }
      return new PyToken(c, v, old);
    }
    case B.CV_VAR_RESET: {
      const v = selfVar(args[0]);
      if (n !== 2) throw raise(TypeError, `ContextVar.reset() takes exactly one argument (${n - 1} given)`);
      const t = args[1];
      if (!(t instanceof PyToken)) throw raise(TypeError, `expected an instance of Token, got ${repr(t)}`);
      if (t.used) throw raise(RuntimeError, `${repr(t)} has already been used once`);
      if (t.v !== v) throw raise(ValueError, `${repr(t)} was created by a different ContextVar`);
      const c = current();
      if (t.ctx !== c) throw raise(ValueError, `${repr(t)} was created in a different Context`);
      t.used = true;
      const i = c.find(v);
      if (t.old === MISSING) {
        if (i >= 0) {
          c.vars.splice(i, 1);
          c.vals.splice(i, 1);
        }
      } else if (i >= 0) c.vals[i] = t.old;
      else {
        c.vars.push(v);
        c.vals.push(t.old);
      }
      return None;
    }
    case B.CV_VAR_NAME:
      return newStr(selfVar(args[0]).name);
    case B.CV_TOKEN_VAR:
      return (args[0] as PyToken).v;
    case B.CV_TOKEN_OLD_VALUE:
      return (args[0] as PyToken).old;
  }
  const c = selfCtx(args[0]);
  switch (id) {
    case B.CV_CTX_RUN: {
      if (n < 2) throw raise(TypeError, 'run() missing 1 required positional argument');
      if (c.entered) throw raise(RuntimeError, `cannot enter context: ${repr(c)} is already entered`);
      const prev = current();
      c.entered = true;
      STATE.current = c;
      try {
        return callObj(args[1], args.slice(2), kw);
      } finally {
        c.entered = false;
        STATE.current = prev;
      }
    }
    case B.CV_CTX_COPY:
      return copyOf(c);
    case B.CV_CTX_GET: {
      if (n < 2 || n > 3) throw raise(TypeError, `get expected 1 or 2 arguments, got ${n - 1}`);
      const i = c.find(varKey(args[1]));
      if (i >= 0) return c.vals[i];
      return n > 2 ? args[2] : None;
    }
    case B.CV_CTX_KEYS: {
      const keys: PyObject[] = [];
      for (const v of c.vars) keys.push(v);
      return newList(keys);
    }
    case B.CV_CTX_VALUES:
      return newList(c.vals.slice(0));
    case B.CV_CTX_ITEMS: {
      const items: PyObject[] = [];
      for (let i = 0; i < c.vars.length; i++) items.push(newTuple([c.vars[i], c.vals[i]]));
      return newList(items);
    }
    case B.CV_CTX_GETITEM:
      return c.nativeGetItem(args[1]) as PyObject;
    case B.CV_CTX_ITER: {
      const keys: PyObject[] = [];
      for (const v of c.vars) keys.push(v);
      return arrayIter(keys);
    }
    case B.CV_CTX_LEN:
      return newInt(c.vars.length);
    case B.CV_CTX_CONTAINS:
      return c.find(varKey(args[1])) >= 0 ? True : False;
  }
  throw unhandledBuiltin('_contextvars function', id);
}
