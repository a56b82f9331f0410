// The gc module over the runtime's collector. collect() runs a full collection (translated:
// translate/runtime/gc.c; untranslated: rlib's explicit marking of weak referents) and then the
// callbacks of weak references it cleared. The collector is the only thing that frees memory
// here (there is no reference counting under it), so disable() records the state isenabled()
// reports but does not stop collections: stopping them would let every program grow without
// bound. get_threshold/set_threshold keep CPython's three numbers for programs that tune them;
// the collector sizes its own heap. is_tracked answers as CPython does for atoms and containers.
// get_referrers, get_referents and get_objects are absent (the collector keeps no such index).
import type { int } from '../../translate/rlib/index.ts';
import { weak } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, PyInt, PyStr, PyFloat, PyBytes, PyDict, newInt, newTuple, newList, raise, None, True, False, TypeError } from '../objects/core.ts';
import { dictSetS } from '../objects/dict.ts';
import { B, FAM_GC } from '../builtins/ids.ts';
import { npos, checkArgs, unhandledBuiltin } from '../builtins/args.ts';
import { newBuiltinModule, addFn } from './registry.ts';
import { VM } from '../interpreter/state.ts';
import { TYPES, PyBuiltin, PyBoundMethod, PyType, NULL_OBJ } from '../objects/core.ts';
import type { Frame } from '../interpreter/frame.ts';
import { Op } from '../compiler/opcodes.ts';
import { stackDepths } from '../compiler/code.ts';
import { typeName } from '../interpreter/runtime.ts';
import { runWeakCallbacks } from './weakref.ts';
import { runFinalizers } from './finalize.ts';

class GcState {
  enabled: boolean = true;
  thresholds: int[] = [700, 10, 10];
}
const GC = new GcState();

export function makeGc(): PyModule {
  const m = newBuiltinModule('gc');
  addFn(m, 'collect', B.GC_COLLECT, FAM_GC);
  addFn(m, 'enable', B.GC_ENABLE, FAM_GC);
  addFn(m, 'disable', B.GC_DISABLE, FAM_GC);
  addFn(m, 'isenabled', B.GC_ISENABLED, FAM_GC);
  addFn(m, 'get_threshold', B.GC_GET_THRESHOLD, FAM_GC);
  addFn(m, 'set_threshold', B.GC_SET_THRESHOLD, FAM_GC);
  addFn(m, 'get_count', B.GC_GET_COUNT, FAM_GC);
  addFn(m, 'is_tracked', B.GC_IS_TRACKED, FAM_GC);
  addFn(m, 'is_finalized', B.GC_IS_FINALIZED, FAM_GC);
  addFn(m, 'freeze', B.GC_FREEZE, FAM_GC);
  addFn(m, 'unfreeze', B.GC_FREEZE, FAM_GC);
  addFn(m, 'get_freeze_count', B.GC_GET_FREEZE_COUNT, FAM_GC);
  addFn(m, 'get_debug', B.GC_GET_DEBUG, FAM_GC);
  addFn(m, 'set_debug', B.GC_SET_DEBUG, FAM_GC);
  dictSetS(m.dict, 'garbage', newList([]));
  dictSetS(m.dict, 'callbacks', newList([]));
  dictSetS(m.dict, 'DEBUG_STATS', newInt(1));
  dictSetS(m.dict, 'DEBUG_COLLECTABLE', newInt(2));
  dictSetS(m.dict, 'DEBUG_UNCOLLECTABLE', newInt(4));
  dictSetS(m.dict, 'DEBUG_SAVEALL', newInt(32));
  dictSetS(m.dict, 'DEBUG_LEAK', newInt(38));
  return m;
}

/** Forgets the stale value-stack slots of the frames on the call chain, so that they do not
 * keep dead objects alive (CPython's stack holds nothing above its top). A frame's live depth
 * is known only where it is certainly in a CALL: the instruction before its pc is a CALL whose
 * callable (from the depth the compiler computed there) is what runs the next frame inward, or
 * gc.collect itself for the innermost. Other frames are left as they are. */
function clearStaleSlots(): void {
  let inner: Frame | null = null;
  for (let f: Frame | null = VM.frame; f !== null; f = f.back) {
    const code = f.code;
    const i = f.pc - 1;
    if (i >= 0 && i * 2 < code.ops.length && code.ops[i * 2] === Op.CALL) {
      if (code.depths.length === 0) code.depths = stackDepths(code.ops);
      const top = code.depths[i];
      const base = top - code.ops[i * 2 + 1] - 2;
      if (base >= 0 && top <= f.stack.length && calls(f.stack[base], f.stack[base + 1], inner)) {
        for (let j = top; j < f.stack.length; j++) f.stack[j] = NULL_OBJ;
      }
    }
    inner = f;
  }
}
/** Whether a CALL of callable (self: its second slot) runs frame inner (gc.collect for null). */
function calls(callable: PyObject, self: PyObject, inner: Frame | null): boolean {
  if (inner === null) return (callable instanceof PyBuiltin && callable.id === B.GC_COLLECT) || (self instanceof PyBuiltin && self.id === B.GC_COLLECT);
  const fn = inner.fn;
  if (fn === null) return false;
  if (callable === fn) return true;
  if (callable instanceof PyBoundMethod && callable.fn === fn) return true;
  return callable instanceof PyType && callable.ctorInit === fn && self === NULL_OBJ;
}

/** A full collection, then the callbacks of the weak references it cleared. */
export function collectNow(): int {
  clearStaleSlots();
  // untranslated collections mark from these (translated, every prebuilt object is a root)
  weak.addRoot(VM);
  weak.addRoot(TYPES);
  let n = weak.collect();
  // finalizers of what it found dead run before gc.collect() returns; a second collection then
  // frees those that did not resurrect and clears their weak references, as CPython's refcount
  // would have by now (and finalizes what only they held)
  if (runFinalizers()) {
    n += weak.collect();
    runFinalizers();
  }
  runWeakCallbacks();
  return n;
}

/** Objects CPython's collector never tracks: None, numbers, strings, bytes. */
function isAtom(o: PyObject): boolean {
  return o === None || o instanceof PyInt || o instanceof PyStr || o instanceof PyFloat || o instanceof PyBytes;
}

export function callGc(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  switch (id) {
    case B.GC_COLLECT: {
      checkArgs('collect', args, kw, 0, 1);
      if (n > 0 && !(args[0] instanceof PyInt)) throw raise(TypeError, `'${typeName(args[0])}' object cannot be interpreted as an integer`);
      return newInt(collectNow());
    }
    case B.GC_ENABLE:
      GC.enabled = true;
      return None;
    case B.GC_DISABLE:
      GC.enabled = false;
      return None;
    case B.GC_ISENABLED:
      return GC.enabled ? True : False;
    case B.GC_GET_THRESHOLD:
      return newTuple([newInt(GC.thresholds[0]), newInt(GC.thresholds[1]), newInt(GC.thresholds[2])]);
    case B.GC_SET_THRESHOLD: {
      checkArgs('set_threshold', args, kw, 1, 3);
      for (let i = 0; i < n; i++) {
        const a = args[i];
        if (!(a instanceof PyInt)) throw raise(TypeError, `'${typeName(a)}' object cannot be interpreted as an integer`);
        GC.thresholds[i] = a.v;
      }
      return None;
    }
    case B.GC_GET_COUNT:
      return newTuple([newInt(0), newInt(0), newInt(0)]);
    case B.GC_IS_TRACKED: {
      checkArgs('is_tracked', args, kw, 1, 1);
      const o = args[0];
      if (isAtom(o)) return False;
      // CPython tracks a dict only once it holds something that is not an atom
      if (o instanceof PyDict && o.cls.isBuiltin) {
        for (let i = 0; i < o.keys.length; i++) {
          const k = o.keys[i];
          const v = o.vals[i];
          if ((k !== null && !isAtom(k)) || (v !== null && !isAtom(v))) return True;
        }
        return False;
      }
      return True;
    }
    case B.GC_IS_FINALIZED:
      return False;
    case B.GC_FREEZE:
      return None;
    case B.GC_GET_FREEZE_COUNT:
      return newInt(0);
    case B.GC_GET_DEBUG:
      return newInt(0);
    case B.GC_SET_DEBUG:
      checkArgs('set_debug', args, kw, 1, 1);
      return None;
  }
  throw unhandledBuiltin('gc function', id);
}
