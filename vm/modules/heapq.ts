// The _heapq module: the C accelerator heapq.py imports over its pure-Python functions. Written
// after CPython's Modules/_heapqmodule.c so that the order of comparisons, the resulting
// arrangement and the errors are CPython's: each comparison goes through the VM's rich compare
// (so a user __lt__ may run arbitrary code), and a heap that changes size while one runs is
// reported, as CPython reports it, rather than indexed out of range.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, PyList, None, raise, TypeError, IndexError, RuntimeError } from '../objects/core.ts';
import { B, FAM_HEAPQ } from '../builtins/ids.ts';
import { npos, unhandledBuiltin } from '../builtins/args.ts';
import { newBuiltinModule, addFn } from './registry.ts';
import { compareBool, typeName } from '../interpreter/runtime.ts';
import * as A from '../parser/ast.ts';

export function makeHeapq(): PyModule {
  const m = newBuiltinModule('_heapq');
  addFn(m, 'heappush', B.HEAPQ_HEAPPUSH, FAM_HEAPQ);
  addFn(m, 'heappop', B.HEAPQ_HEAPPOP, FAM_HEAPQ);
  addFn(m, 'heapify', B.HEAPQ_HEAPIFY, FAM_HEAPQ);
  addFn(m, 'heapreplace', B.HEAPQ_HEAPREPLACE, FAM_HEAPQ);
  addFn(m, 'heappushpop', B.HEAPQ_HEAPPUSHPOP, FAM_HEAPQ);
  addFn(m, '_heappop_max', B.HEAPQ_HEAPPOP_MAX, FAM_HEAPQ);
  addFn(m, '_heapify_max', B.HEAPQ_HEAPIFY_MAX, FAM_HEAPQ);
  addFn(m, '_heapreplace_max', B.HEAPQ_HEAPREPLACE_MAX, FAM_HEAPQ);
  return m;
}

/** a < b for the min-heap; b < a for the max-heap (CPython's siftdown_max and siftup_max swap
 * the operands rather than the operator, which a user __lt__ can tell apart) */
function before(a: PyObject, b: PyObject, max: boolean): boolean {
  return max ? compareBool(b, a, A.CMP_LT) : compareBool(a, b, A.CMP_LT);
}
function sizeChanged(): never {
  throw raise(RuntimeError, 'list changed size during iteration');
}

/** Moves the item at pos up towards startpos until its parent is not greater. */
function siftdown(heap: PyList, startpos: int, pos0: int, max: boolean): void {
  let pos = pos0;
  const size = heap.items.length;
  if (pos >= size) throw raise(IndexError, 'list index out of range');
  while (pos > startpos) {
    const parentpos = (pos - 1) >> 1;
    const lt = before(heap.items[pos], heap.items[parentpos], max);
    if (size !== heap.items.length) sizeChanged();
    if (!lt) break;
    // the comparison may have replaced the list's storage: read both again
    const arr = heap.items;
    const parent = arr[parentpos];
    arr[parentpos] = arr[pos];
    arr[pos] = parent;
    pos = parentpos;
  }
}
/** Moves the smaller child up until pos is a leaf, then sifts the item there back down. */
function siftup(heap: PyList, pos0: int, max: boolean): void {
  let pos = pos0;
  const endpos = heap.items.length;
  const startpos = pos;
  if (pos >= endpos) throw raise(IndexError, 'list index out of range');
  const limit = endpos >> 1;
  while (pos < limit) {
    let childpos = 2 * pos + 1;
    if (childpos + 1 < endpos) {
      const lt = before(heap.items[childpos], heap.items[childpos + 1], max);
      if (!lt) childpos += 1;
      if (endpos !== heap.items.length) sizeChanged();
    }
    const arr = heap.items;
    const tmp = arr[childpos];
    arr[childpos] = arr[pos];
    arr[pos] = tmp;
    pos = childpos;
  }
  siftdown(heap, startpos, pos, max);
}

function heappop(heap: PyList, max: boolean): PyObject {
  const arr = heap.items;
  const n = arr.length;
  if (n === 0) throw raise(IndexError, 'index out of range');
  const last = arr[n - 1];
  arr.pop();
  if (n === 1) return last;
  const ret = arr[0];
  arr[0] = last;
  siftup(heap, 0, max);
  return ret;
}
function heapreplace(heap: PyList, item: PyObject, max: boolean): PyObject {
  const arr = heap.items;
  if (arr.length === 0) throw raise(IndexError, 'index out of range');
  const ret = arr[0];
  arr[0] = item;
  siftup(heap, 0, max);
  return ret;
}
function heappushpop(heap: PyList, item: PyObject): PyObject {
  if (heap.items.length === 0) return item;
  if (!compareBool(heap.items[0], item, A.CMP_LT)) return item;
  // the comparison may have emptied the heap
  if (heap.items.length === 0) throw raise(IndexError, 'index out of range');
  const ret = heap.items[0];
  heap.items[0] = item;
  siftup(heap, 0, false);
  return ret;
}

/** The highest power of two not above n (n >= 1). */
function keepTopBit(n0: int): int {
  let n = n0;
  let i = 0;
  while (n > 1) {
    n >>= 1;
    i++;
  }
  return n << i;
}
/** CPython's heapify: bottom-up, in the cache-friendly order for heaps over 2500 items (the
 * order decides which of equal items ends where). */
function heapify(heap: PyList, max: boolean): void {
  const n = heap.items.length;
  if (n > 2500) {
    const m = heap.items.length >> 1;
    const leftmost = keepTopBit(m + 1) - 1;
    const mhalf = m >> 1;
    for (let i = leftmost - 1; i >= mhalf; i--) siftChain(heap, i, max);
    for (let i = m - 1; i >= leftmost; i--) siftChain(heap, i, max);
    return;
  }
  for (let i = (n >> 1) - 1; i >= 0; i--) siftup(heap, i, max);
}
/** siftup at j, then at its parent for as long as j is a left child */
function siftChain(heap: PyList, j0: int, max: boolean): void {
  let j = j0;
  while (true) {
    siftup(heap, j, max);
    if ((j & 1) === 0) break;
    j >>= 1;
  }
}

/** _PyArg_BadArgument's name for the type of a wrong argument */
function argTypeName(o: PyObject): string {
  return o === None ? 'None' : typeName(o);
}
/** the heap argument of a two-argument function (Argument Clinic's words) */
function heapArg2(name: string, args: PyObject[], kw: string[] | null): PyList {
  if (kw !== null && kw.length > 0) throw raise(TypeError, `_heapq.${name}() takes no keyword arguments`);
  if (args.length !== 2) throw raise(TypeError, `${name} expected 2 arguments, got ${args.length}`);
  const h = args[0];
  if (!(h instanceof PyList)) throw raise(TypeError, `${name}() argument 1 must be list, not ${argTypeName(h)}`);
  return h;
}
/** the heap argument of a one-argument function (METH_O) */
function heapArg1(name: string, args: PyObject[], kw: string[] | null): PyList {
  if (kw !== null && kw.length > 0) throw raise(TypeError, `_heapq.${name}() takes no keyword arguments`);
  const n = npos(args, kw);
  if (n !== 1) throw raise(TypeError, `_heapq.${name}() takes exactly one argument (${n} given)`);
  const h = args[0];
  if (!(h instanceof PyList)) throw raise(TypeError, `${name}() argument must be list, not ${argTypeName(h)}`);
  return h;
}

export function callHeapq(id: int, args: PyObject[], kw: string[] | null): PyObject {
  switch (id) {
    case B.HEAPQ_HEAPPUSH: {
      const h = heapArg2('heappush', args, kw);
      h.items.push(args[1]);
      siftdown(h, 0, h.items.length - 1, false);
      return None;
    }
    case B.HEAPQ_HEAPPOP:
      return heappop(heapArg1('heappop', args, kw), false);
    case B.HEAPQ_HEAPPOP_MAX:
      return heappop(heapArg1('_heappop_max', args, kw), true);
    case B.HEAPQ_HEAPIFY:
      heapify(heapArg1('heapify', args, kw), false);
      return None;
    case B.HEAPQ_HEAPIFY_MAX:
      heapify(heapArg1('_heapify_max', args, kw), true);
      return None;
    case B.HEAPQ_HEAPREPLACE:
      return heapreplace(heapArg2('heapreplace', args, kw), args[1], false);
    case B.HEAPQ_HEAPREPLACE_MAX:
      return heapreplace(heapArg2('_heapreplace_max', args, kw), args[1], true);
    case B.HEAPQ_HEAPPUSHPOP:
      return heappushpop(heapArg2('heappushpop', args, kw), args[1]);
  }
  throw unhandledBuiltin('_heapq function', id);
}
