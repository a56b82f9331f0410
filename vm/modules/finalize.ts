// Finalizers (__del__) over rlib's finalizable objects (translate/rlib/weak.ts). There is no
// reference counting here: as PyPy, an instance of a class with __del__ is registered when it is
// allocated, and a collection that finds it unreachable keeps it (and all it reaches) alive and
// queues it. Queued finalizers run at safe points (gc.collect() before it returns, and function
// entries), never inside the collector; each object's once (PEP 442: it may resurrect itself,
// and is not finalized again). An exception from __del__ is reported as CPython reports it
// ("Exception ignored in: <function C.__del__ ...>" through sys.unraisablehook).
import { weak, castRef } from '../../translate/rlib/index.ts';
import { PyObject, PyType, PyExc } from '../objects/core.ts';
import { callObj, lookupType } from '../interpreter/runtime.ts';
import { writeUnraisable } from './sys.ts';
import { PyGenerator } from '../interpreter/frame.ts';
import { finalizeCoroutine } from '../interpreter/corofinal.ts';

/** Registers o, just allocated as an instance of t, if t defines __del__. */
export function registerIfFinalizable(t: PyType, o: PyObject): void {
  if (lookupType(t, '__del__') !== null) weak.finalizable(o);
}

class FinalizerState {
  running: boolean = false;
}
const FIN = new FinalizerState();

/** Runs the finalizers of the objects the collections so far found dead: whether any ran. */
export function runFinalizers(): boolean {
  // one at a time, in order: a finalizer's own calls are safe points too
  if (FIN.running || !weak.finPending()) return false;
  FIN.running = true;
  try {
    while (weak.finPending()) {
      const o = castRef(weak.takeFinalizable(), PyObject);
      if (o !== null) finalize(o);
    }
  } finally {
    FIN.running = false;
  }
  return true;
}

function finalize(o: PyObject): void {
  if (o instanceof PyGenerator) {
    finalizeCoroutine(o);
    return;
  }
  // looked up now, as CPython's slot does: the class may have changed __del__ since
  const del = lookupType(o.cls, '__del__');
  if (del === null) return;
  try {
    callObj(del, [o], null);
  } catch (e) {
    if (!(e instanceof PyExc)) throw e;
    writeUnraisable(e.exc, null, del);
  }
}
