// _io's finalization, after CPython 3.11's iobase_finalize and the _dealloc_warn chain: an _io
// object a collection finds dead (and not closed) is closed by _IOBase.__del__, through its own
// close() (so a subclass's close and flush overrides run), its errors dropped; the FileIO under
// it, if it still owns its descriptor, says so with ResourceWarning("unclosed file <the outermost
// object>"), as CPython's dealloc does.
//
// There is no reference counting here, so a buffered or text object and the stream it wraps die
// in the same collection, and their finalizers run in the order the objects were registered (the
// wrapped one first). CPython closes the outer one first, which flushes and then closes the inner
// one; so the finalizer of a stream that a live layer still wraps (PyIO.wrapped) leaves it to
// that layer's close, and the streams open() makes inside its result are not registered at all
// (detach() hands ownership back by registering what it returns).
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, PyExc, newStr, newInt, None, True, ResourceWarning, raise, TypeError } from '../objects/core.ts';
import { dictGetS } from '../objects/dict.ts';
import { B } from '../builtins/ids.ts';
import { unhandledBuiltin } from '../builtins/args.ts';
import { VM } from '../interpreter/state.ts';
import { lookupAttr, getAttr, callObj, setAttr, truthy, repr, typeName } from '../interpreter/runtime.ts';
import { PyIO, IOT, K_BASE, K_FILEIO, K_BUFFERED, K_TEXT } from './iotypes.ts';
import { registerIfFinalizable } from './finalize.ts';

/** Registers an _io object just made as an instance of its class: closed when found dead. A
 * plain StringIO or BytesIO is not (closing one only frees its contents). */
export function registerIO(o: PyIO): void {
  const t = o.cls;
  if (t === IOT.stringio || t === IOT.bytesio || o.finalizable) return;
  o.finalizable = true;
  registerIfFinalizable(t, o);
}
/** detach(): the stream a layer handed back is the program's again, finalized on its own. */
export function releaseWrapped(inner: PyObject): void {
  if (!(inner instanceof PyIO)) return;
  inner.wrapped = false;
  registerIO(inner);
}

/** _IOBase.__del__ (CPython's iobase_finalize). */
function ioDel(o: PyObject): void {
  // a stream a live layer wraps is closed by that layer (see above)
  if (o instanceof PyIO && o.wrapped && o.kind !== K_BASE) return;
  let closed: PyObject | null = null;
  try {
    closed = lookupAttr(o, 'closed');
    // no `closed`, or one that cannot be evaluated: the object is unusable, leave it
    if (closed === null || truthy(closed)) return;
  } catch (e) {
    if (!(e instanceof PyExc)) throw e;
    return;
  }
  // tells close() that it runs as part of finalization (CPython's _finalizing)
  if (o instanceof PyIO && (o.kind === K_FILEIO || o.kind === K_BUFFERED || o.kind === K_TEXT)) o.finalizing = true;
  else {
    try {
      setAttr(o, '_finalizing', True);
    } catch (e) {
      if (!(e instanceof PyExc)) throw e;
    }
  }
  try {
    callObj(getAttr(o, 'close'), [], null);
  } catch (e) {
    // as CPython outside its development mode: silenced
    if (!(e instanceof PyExc)) throw e;
  }
}

/** Called by close() while finalizing: the FileIO under stream (itself, or reached through
 * buffered layers, or a Python stream's _dealloc_warn) warns that source was not closed. */
export function deallocWarn(stream: PyObject | null, source: PyObject): void {
  if (stream === null) return;
  try {
    if (stream instanceof PyIO && stream.kind === K_FILEIO) {
      if (stream.fd >= 0 && stream.closefd) resourceWarning(`unclosed file ${repr(source)}`, source);
      return;
    }
    if (stream instanceof PyIO && stream.kind === K_BUFFERED) {
      deallocWarn(stream.inner, source);
      return;
    }
    const f = lookupAttr(stream, '_dealloc_warn');
    if (f !== null) callObj(f, [source], null);
  } catch (e) {
    // a warning turned into an error, or a failing _dealloc_warn: dropped, as CPython does
    if (!(e instanceof PyExc)) throw e;
  }
}
function resourceWarning(msg: string, source: PyObject): void {
  const w = dictGetS(VM.modules, '_warnings');
  const f = w instanceof PyModule ? dictGetS(w.dict, 'warn') : null;
  if (f !== null) callObj(f, [newStr(msg), ResourceWarning, newInt(1), source], null);
}

export function callIoStream(id: int, args: PyObject[], kw: string[] | null): PyObject {
  switch (id) {
    case B.IO_DEL: {
      if (args.length !== 1 || (kw !== null && kw.length > 0)) throw raise(TypeError, `__del__() takes no arguments`);
      const o = args[0];
      if (!(o instanceof PyIO)) throw raise(TypeError, `descriptor '__del__' requires a '_io._IOBase' object but received '${typeName(o)}'`);
      ioDel(o);
      return None;
    }
  }
  throw unhandledBuiltin('_io finalization', id);
}
