// The _bisect module: the C accelerator bisect.py imports over its pure-Python functions, after
// CPython's Modules/_bisectmodule.c. The sequence is read item by item through the VM's
// subscription (any sequence, not just lists, as PySequence_GetItem reads it), comparisons go
// through the rich compare, and insort inserts with list.insert on an exact list and through the
// object's own insert method otherwise.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, PyInt, None, newInt, raise, TypeError, ValueError, OverflowErrorT, PyList, listType, bigOf } from '../objects/core.ts';
import { B, FAM_ACCEL } from '../builtins/ids.ts';
import { npos, unhandledBuiltin } from '../builtins/args.ts';
import { newBuiltinModule, addFn } from './registry.ts';
import { compareBool, typeName, getItem, pyLen, callObj, getAttr, toSsize, toIntIndex, lookupType } from '../interpreter/runtime.ts';
import { floorDiv } from '../../translate/rlib/index.ts';
import * as A from '../parser/ast.ts';

export function makeBisect(): PyModule {
  const m = newBuiltinModule('_bisect');
  addFn(m, 'bisect_right', B.BISECT_RIGHT, FAM_ACCEL);
  addFn(m, 'bisect_left', B.BISECT_LEFT, FAM_ACCEL);
  addFn(m, 'insort_right', B.BISECT_INSORT_RIGHT, FAM_ACCEL);
  addFn(m, 'insort_left', B.BISECT_INSORT_LEFT, FAM_ACCEL);
  return m;
}

/** The arguments every function takes: (a, x, lo=0, hi=None, *, key=None). */
class BisectArgs {
  a: PyObject = None;
  x: PyObject = None;
  lo: int = 0;
  /** -1: the length of a (CPython's default, which an explicit -1 also selects) */
  hi: int = -1;
  key: PyObject = None;
}
const PARAMS = ['a', 'x', 'lo', 'hi', 'key'];

/** Argument Clinic's parsing and words for the signature above. */
function parseArgs(name: string, args: PyObject[], kw: string[] | null): BisectArgs {
  const n = npos(args, kw);
  if (n > 4) throw raise(TypeError, `${name}() takes at most 4 positional arguments (${n} given)`);
  const vals: (PyObject | null)[] = [null, null, null, null, null];
  for (let i = 0; i < n; i++) vals[i] = args[i];
  if (kw !== null) {
    for (let k = 0; k < kw.length; k++) {
      const idx = PARAMS.indexOf(kw[k]);
      if (idx < 0) throw raise(TypeError, `'${kw[k]}' is an invalid keyword argument for ${name}()`);
      if (idx < n) throw raise(TypeError, `argument for ${name}() given by name ('${kw[k]}') and position (${idx + 1})`);
      vals[idx] = args[n + k];
    }
  }
  const r = new BisectArgs();
  for (let i = 0; i < 2; i++) {
    const v = vals[i];
    if (v === null) throw raise(TypeError, `${name}() missing required argument '${PARAMS[i]}' (pos ${i + 1})`);
    if (i === 0) r.a = v;
    else r.x = v;
  }
  const lo = vals[2];
  if (lo !== null) r.lo = toSsize(lo);
  const hi = vals[3];
  if (hi !== null && hi !== None) r.hi = optionalSsize(hi);
  const key = vals[4];
  if (key !== null) r.key = key;
  return r;
}
/** _Py_convert_optional_to_ssize_t: an index (one past ssize_t is an OverflowError in its own
 * words), or a TypeError naming None as the alternative */
function optionalSsize(o: PyObject): int {
  if (o instanceof PyInt) {
    if (bigOf(o) !== null) {
      try {
        return toSsize(o);
      } catch (e) {
        throw raise(OverflowErrorT, "cannot fit 'int' into an index-sized integer");
      }
    }
    return o.v;
  }
  if (lookupType(o.cls, '__index__') === null) throw raise(TypeError, `argument should be integer or None, not '${typeName(o)}'`);
  return toIntIndex(o);
}

/** The index where x goes in a[lo:hi]: after equal items (right) or before them (left). */
function bisect(a: PyObject, x: PyObject, lo0: int, hi0: int, key: PyObject, right: boolean): int {
  let lo = lo0;
  let hi = hi0;
  if (lo < 0) throw raise(ValueError, 'lo must be non-negative');
  if (hi === -1) hi = pyLen(a);
  while (lo < hi) {
    // (lo + hi) / 2 without the overflow of lo + hi near sys.maxsize
    const mid = lo + floorDiv(hi - lo, 2);
    let item = getItem(a, newInt(mid));
    if (key !== None) item = callObj(key, [item], null);
    if (right) {
      if (compareBool(x, item, A.CMP_LT)) hi = mid;
      else lo = mid + 1;
    } else {
      if (compareBool(item, x, A.CMP_LT)) lo = mid + 1;
      else hi = mid;
    }
  }
  return lo;
}
function insort(p: BisectArgs, right: boolean): void {
  const kx = p.key === None ? p.x : callObj(p.key, [p.x], null);
  const index = bisect(p.a, kx, p.lo, p.hi, p.key, right);
  const a = p.a;
  if (a instanceof PyList && a.cls === listType) {
    // PyList_Insert: an index past the end (the list shrank while compared) appends
    const items = a.items;
    const len = items.length;
    const i = index > len ? len : index;
    items.push(None);
    for (let j = len; j > i; j--) items[j] = items[j - 1];
    items[i] = p.x;
    return;
  }
  callObj(getAttr(p.a, 'insert'), [newInt(index), p.x], null);
}

export function callBisect(id: int, args: PyObject[], kw: string[] | null): PyObject {
  switch (id) {
    case B.BISECT_RIGHT: {
      const p = parseArgs('bisect_right', args, kw);
      return newInt(bisect(p.a, p.x, p.lo, p.hi, p.key, true));
    }
    case B.BISECT_LEFT: {
      const p = parseArgs('bisect_left', args, kw);
      return newInt(bisect(p.a, p.x, p.lo, p.hi, p.key, false));
    }
    case B.BISECT_INSORT_RIGHT:
      insort(parseArgs('insort_right', args, kw), true);
      return None;
    case B.BISECT_INSORT_LEFT:
      insort(parseArgs('insort_left', args, kw), false);
      return None;
  }
  throw unhandledBuiltin('_bisect function', id);
}
