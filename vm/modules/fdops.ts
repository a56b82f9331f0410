// os.ftruncate and the ftruncate(2) under FileIO.truncate: one os.call operation (OP_FTRUNCATE,
// translate/runtime/oscall.c), failing with the OSError of its errno as CPython's does.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, PyInt, None, raise, TypeError, OverflowErrorT } from '../objects/core.ts';
import { B, FAM_FDOPS } from '../builtins/ids.ts';
import { npos, unhandledBuiltin } from '../builtins/args.ts';
import { addFn } from './registry.ts';
import { typeName } from '../interpreter/runtime.ts';
import { osCall, OP_FTRUNCATE } from './oscall.ts';

/** Cuts (or extends with zeros) the file open on fd to length bytes. */
export function fdTruncate(fd: int, length: int): void {
  osCall(OP_FTRUNCATE, [fd, length], '');
}

export function addFdOps(m: PyModule): void {
  addFn(m, 'ftruncate', B.POSIX_FTRUNCATE, FAM_FDOPS);
}

function intArg(o: PyObject): int {
  if (!(o instanceof PyInt)) throw raise(TypeError, `'${typeName(o)}' object cannot be interpreted as an integer`);
  if (o.big !== null) throw raise(OverflowErrorT, 'Python int too large to convert to C long');
  return o.v;
}

export function callFdOps(id: int, args: PyObject[], kw: string[] | null): PyObject {
  switch (id) {
    case B.POSIX_FTRUNCATE: {
      if (kw !== null && kw.length > 0) throw raise(TypeError, 'ftruncate() takes no keyword arguments');
      const n = npos(args, kw);
      if (n !== 2) throw raise(TypeError, `ftruncate expected 2 arguments, got ${n}`);
      fdTruncate(intArg(args[0]), intArg(args[1]));
      return None;
    }
  }
  throw unhandledBuiltin('posix', id);
}
