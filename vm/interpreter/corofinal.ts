// What becomes of a coroutine object: where it was made (cr_origin, to the depth that
// sys.set_coroutine_origin_tracking_depth asks), and its finalization when a collection finds
// it dead (CPython's _PyGen_Finalize): one never awaited warns "coroutine ... was never
// awaited" (through warnings._warn_unawaited_coroutine, which adds the origin), one suspended
// part way is closed; errors are reported as unraisable, the coroutine named.
import type { int } from '../../translate/rlib/index.ts';
import { weak } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, PyExc, newStr, newInt, newTuple, RuntimeWarning } from '../objects/core.ts';
import { dictGetS } from '../objects/dict.ts';
import { PyGenerator } from './frame.ts';
import { VM } from './state.ts';
import { callObj, isInstance } from './runtime.ts';
import { genClose } from './eval.ts';
import { warnVm } from './warn.ts';
import { originTrackingDepth } from '../modules/asyncgenhooks.ts';
import { writeUnraisable } from '../modules/sys.ts';

/** Called as coroutine g is made by a call from the running frame. */
export function coroutineCreated(g: PyGenerator): void {
  const depth = originTrackingDepth();
  if (depth > 0) g.origin = originOf(depth);
  weak.finalizable(g);
}
/** ((filename, lineno, function), ...) of the innermost depth frames, innermost first. */
function originOf(depth: int): PyObject {
  const out: PyObject[] = [];
  let f = VM.frame;
  while (f !== null && out.length < depth) {
    out.push(newTuple([newStr(f.code.filename), newInt(f.line()), newStr(f.code.name)]));
    f = f.back;
  }
  return newTuple(out);
}

/** Coroutine g found dead by a collection. */
export function finalizeCoroutine(g: PyGenerator): void {
  if (g.finished) return;
  try {
    if (g.frame.pc === 0 && !g.running) warnUnawaited(g);
    else genClose(g);
  } catch (e) {
    if (!(e instanceof PyExc)) throw e;
    writeUnraisable(e.exc, null, g);
  }
}
/** CPython's _PyErr_WarnUnawaitedCoroutine. */
function warnUnawaited(g: PyGenerator): void {
  let warned = false;
  const w = dictGetS(VM.modules, 'warnings');
  const fn = w instanceof PyModule ? dictGetS(w.dict, '_warn_unawaited_coroutine') : null;
  if (fn !== null) {
    try {
      callObj(fn, [g], null);
      warned = true;
    } catch (e) {
      if (!(e instanceof PyExc)) throw e;
      // a warning turned into an error still counts as given
      if (isInstance(e.exc, RuntimeWarning)) warned = true;
      writeUnraisable(e.exc, null, g);
    }
  }
  if (!warned) warnVm(`coroutine '${g.qualname}' was never awaited`, RuntimeWarning);
}
