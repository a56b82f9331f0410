// The _functools module, as far as pyvm has it: cmp_to_key, whose C version functools.py imports
// over its pure-Python class. The result is a functools.KeyWrapper holding the comparison
// function; calling it wraps an object in another KeyWrapper, and two wrapped objects order as
// cmp(a, b) compares with 0. The other names (reduce, partial, _lru_cache_wrapper) stay
// functools.py's own, as its `try: from _functools import ...` lets them.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, PyNative, PyProperty, propertyType, None, newInt, raise, TypeError, L_NATIVE } from '../objects/core.ts';
import { dictSetS } from '../objects/dict.ts';
import { B, FAM_ACCEL } from '../builtins/ids.ts';
import { npos, kwArg, defMethod, mkBuiltin, unhandledBuiltin } from '../builtins/args.ts';
import { newBuiltinModule, newModuleType, addFn } from './registry.ts';
import { callObj, richCompare, truthy, typeName } from '../interpreter/runtime.ts';
import * as A from '../parser/ast.ts';

const KEY_WRAPPER = newModuleType('functools', 'KeyWrapper', L_NATIVE);

class PyKeyWrapper extends PyNative {
  cmp: PyObject;
  /** the wrapped object; null for the key function cmp_to_key returns */
  obj: PyObject | null;
  constructor(cmp: PyObject, obj: PyObject | null) {
    super(KEY_WRAPPER);
    this.cmp = cmp;
    this.obj = obj;
  }
  override nativeEq(other: PyObject): int {
    if (!(other instanceof PyKeyWrapper)) return -1;
    return truthy(keyCompare(this, other, A.CMP_EQ)) ? 1 : 0;
  }
}
/** cmp(a, b) compared with 0 by op, the result as the comparison gives it (CPython's
 * keyobject_richcompare) */
function keyCompare(a: PyKeyWrapper, b: PyKeyWrapper, op: int): PyObject {
  if (a.obj === null || b.obj === null) throw raise(TypeError, 'object: NULL');
  const r = callObj(a.cmp, [a.obj as PyObject, b.obj as PyObject], null);
  return richCompare(r, newInt(0), op);
}

const CMP_METHODS = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];
const CMP_OPS: int[] = [A.CMP_LT, A.CMP_LE, A.CMP_EQ, A.CMP_NE, A.CMP_GT, A.CMP_GE];
defMethod(KEY_WRAPPER, '__call__', B.KEYWRAPPER_CALL, FAM_ACCEL);
for (const name of CMP_METHODS) defMethod(KEY_WRAPPER, name, B.KEYWRAPPER_COMPARE, FAM_ACCEL);
KEY_WRAPPER.dict.set('obj', new PyProperty(propertyType, mkBuiltin('obj', B.KEYWRAPPER_OBJ, false, FAM_ACCEL), null, null));
// unhashable, as CPython's (which defines __eq__ and no __hash__)
KEY_WRAPPER.dict.set('__hash__', None);

export function makeFunctools(): PyModule {
  const m = newBuiltinModule('_functools');
  addFn(m, 'cmp_to_key', B.FUNCTOOLS_CMP_TO_KEY, FAM_ACCEL);
  dictSetS(m.dict, 'KeyWrapper', KEY_WRAPPER);
  return m;
}

/** the one argument named name, positional or by keyword (Argument Clinic's words) */
function oneArg(fname: string, pname: string, args: PyObject[], kw: string[] | null, skip: int): PyObject {
  const n = npos(args, kw) - skip;
  const nkw = kw === null ? 0 : kw.length;
  if (n + nkw > 1) throw raise(TypeError, `${fname}() takes at most 1 argument (${n + nkw} given)`);
  if (nkw === 1) {
    const v = kwArg(args, kw, pname);
    if (v === null) throw raise(TypeError, `${fname}() got an unexpected keyword argument '${(kw as string[])[0]}'`);
    return v;
  }
  if (n === 0) throw raise(TypeError, `${fname}() missing required argument '${pname}' (pos 1)`);
  return args[skip];
}

function wrapper(o: PyObject, what: string): PyKeyWrapper {
  if (!(o instanceof PyKeyWrapper)) throw raise(TypeError, `descriptor '${what}' requires a 'functools.KeyWrapper' object but received a '${typeName(o)}'`);
  return o;
}

export function callFunctools(name: string, id: int, args: PyObject[], kw: string[] | null): PyObject {
  switch (id) {
    case B.FUNCTOOLS_CMP_TO_KEY:
      return new PyKeyWrapper(oneArg('cmp_to_key', 'mycmp', args, kw, 0), null);
    case B.KEYWRAPPER_CALL: {
      const k = wrapper(args[0], '__call__');
      return new PyKeyWrapper(k.cmp, oneArg('K', 'obj', args, kw, 1));
    }
    case B.KEYWRAPPER_OBJ: {
      // a T_OBJECT member: None while unset
      const k = wrapper(args[0], 'obj');
      return k.obj === null ? None : k.obj;
    }
    case B.KEYWRAPPER_COMPARE: {
      const a = wrapper(args[0], name);
      if (npos(args, kw) !== 2) throw raise(TypeError, `expected 1 argument, got ${npos(args, kw) - 1}`);
      const b = args[1];
      if (!(b instanceof PyKeyWrapper)) throw raise(TypeError, 'other argument must be K instance');
      if (a.obj === null || b.obj === null) throw raise(TypeError, 'object: NULL');
      return keyCompare(a, b, CMP_OPS[CMP_METHODS.indexOf(name)]);
    }
  }
  throw unhandledBuiltin('_functools function', id);
}
