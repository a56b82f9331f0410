// range objects whose bounds or length do not fit a machine int. CPython's ranges always hold
// Python ints; ours hold machine ints (the fast, common case, which the JIT reads) and this
// type takes over beyond them: `range(1 << 1000)`, which _collections_abc builds to name the
// `longrange_iterator` type. Arithmetic goes through the runtime's int operators (big ints).
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyNative, PyInt, PySlice, PyTuple, rangeType, longrangeIterType, newInt, raise, IndexError, TypeError, OverflowErrorT, bigOf } from '../objects/core.ts';
import { binaryOp, richCompare, truthy, repr, callObj, pyLen, toSsize } from '../interpreter/runtime.ts';
import { sliceIndicesOf } from './sliceobj.ts';
import * as A from '../parser/ast.ts';

const ZERO = newInt(0);
const ONE = newInt(1);

function add(a: PyObject, b: PyObject): PyObject {
  return binaryOp(a, b, A.BIN_ADD);
}
function sub(a: PyObject, b: PyObject): PyObject {
  return binaryOp(a, b, A.BIN_SUB);
}
function mul(a: PyObject, b: PyObject): PyObject {
  return binaryOp(a, b, A.BIN_MUL);
}
function cmp(a: PyObject, b: PyObject, op: int): boolean {
  return truthy(richCompare(a, b, op));
}
function small(o: PyObject): boolean {
  return o instanceof PyInt && bigOf(o) === null;
}

/** len(o) as a Python int: a long range's length may be past the VM's exact machine range and
 * still within ssize_t (range(sys.maxsize)), which CPython's len() returns. */
export function lenObj(o: PyObject): PyObject {
  if (o instanceof PyLongRange) {
    toSsize(o.length); // OverflowError past ssize_t
    return o.length;
  }
  return newInt(pyLen(o));
}

export class PyLongRange extends PyNative {
  start: PyObject;
  stop: PyObject;
  step: PyObject;
  /** the number of items, a Python int */
  length: PyObject;
  constructor(start: PyObject, stop: PyObject, step: PyObject) {
    super(rangeType);
    this.start = start;
    this.stop = stop;
    this.step = step;
    // CPython's compute_range_length: (hi - lo - 1) // step + 1 when lo < hi, else 0
    const up = cmp(step, ZERO, A.CMP_GT);
    const lo = up ? start : stop;
    const hi = up ? stop : start;
    const s = up ? step : binaryOp(ZERO, step, A.BIN_SUB);
    this.length = cmp(lo, hi, A.CMP_LT) ? add(binaryOp(sub(sub(hi, lo), ONE), s, A.BIN_FLOORDIV), ONE) : ZERO;
  }
  override nativeRepr(): string {
    const one = cmp(this.step, ONE, A.CMP_EQ);
    return `range(${repr(this.start)}, ${repr(this.stop)}${one ? '' : `, ${repr(this.step)}`})`;
  }
  override nativeLen(): int {
    if (!small(this.length)) throw raise(OverflowErrorT, 'Python int too large to convert to C ssize_t');
    return (this.length as PyInt).v;
  }
  override nativeGetItem(k: PyObject): PyObject | null {
    if (k instanceof PySlice) {
      // CPython's compute_slice: the slice resolved against the length, mapped onto this range
      const ix = sliceIndicesOf(k, this.length) as PyTuple;
      const start = add(this.start, mul(ix.items[0], this.step));
      const stop = add(this.start, mul(ix.items[1], this.step));
      return callObj(rangeType, [start, stop, mul(this.step, ix.items[2])], null);
    }
    if (!(k instanceof PyInt)) throw raise(TypeError, `range indices must be integers or slices, not ${k.cls.name}`);
    let i: PyObject = k;
    if (cmp(i, ZERO, A.CMP_LT)) i = add(i, this.length);
    if (cmp(i, ZERO, A.CMP_LT) || cmp(i, this.length, A.CMP_GE)) throw raise(IndexError, 'range object index out of range');
    return add(this.start, mul(i, this.step));
  }
  override nativeEq(other: PyObject): int {
    if (!(other instanceof PyLongRange)) return other.cls === rangeType ? 0 : -1;
    // ranges are equal when they give the same items (CPython's range_equals)
    if (!cmp(this.length, other.length, A.CMP_EQ)) return 0;
    if (cmp(this.length, ZERO, A.CMP_EQ)) return 1;
    if (!cmp(this.start, other.start, A.CMP_EQ)) return 0;
    if (cmp(this.length, ONE, A.CMP_EQ)) return 1;
    return cmp(this.step, other.step, A.CMP_EQ) ? 1 : 0;
  }
  /** x in r, for an int x */
  has(x: PyObject): boolean {
    const up = cmp(this.step, ZERO, A.CMP_GT);
    const inside = up
      ? cmp(this.start, x, A.CMP_LE) && cmp(x, this.stop, A.CMP_LT)
      : cmp(this.stop, x, A.CMP_LT) && cmp(x, this.start, A.CMP_LE);
    return inside && cmp(binaryOp(sub(x, this.start), this.step, A.BIN_MOD), ZERO, A.CMP_EQ);
  }
  iter(): PyLongRangeIter {
    return new PyLongRangeIter(this.start, this.step, this.length);
  }
  /** reversed(r): from the last item back by -step, as CPython's range_reverse */
  reversedIter(): PyLongRangeIter {
    const last = add(this.start, mul(sub(this.length, ONE), this.step));
    return new PyLongRangeIter(last, sub(ZERO, this.step), this.length);
  }
}

export class PyLongRangeIter extends PyNative {
  next: PyObject;
  step: PyObject;
  left: PyObject;
  /** the first item and the number of items it began with (its __reduce__ gives them back) */
  start: PyObject;
  length: PyObject;
  constructor(start: PyObject, step: PyObject, left: PyObject) {
    super(longrangeIterType);
    this.next = start;
    this.step = step;
    this.left = left;
    this.start = start;
    this.length = left;
  }
  override isIterator(): boolean {
    return true;
  }
  override nativeNext(): PyObject | null {
    if (!cmp(this.left, ZERO, A.CMP_GT)) return null;
    const v = this.next;
    this.next = add(v, this.step);
    this.left = sub(this.left, ONE);
    return v;
  }
}

/** range(start, stop, step) with any Python ints: null when all three and the length fit a
 * machine int (the caller makes the fast range then). */
export function longRangeOrNull(start: PyObject, stop: PyObject, step: PyObject): PyLongRange | null {
  if (small(start) && small(stop) && small(step)) return null;
  return new PyLongRange(start, stop, step);
}
