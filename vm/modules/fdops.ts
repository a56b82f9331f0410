// os.ftruncate and the ftruncate(2) under FileIO.truncate: one os.call operation (OP_FTRUNCATE,
// translate/runtime/oscall.c), failing with the OSError of its errno as CPython's does. Also
// TextIOWrapper._CHUNK_SIZE, the size of the text layer's reads from its buffer.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, PyInt, None, newInt, raise, TypeError, ValueError, OverflowErrorT } from '../objects/core.ts';
import { PyIO, K_TEXT } from './iotypes.ts';
import { toIntIndex } from '../interpreter/runtime.ts';
import { B, FAM_FDOPS } from '../builtins/ids.ts';
import { npos, unhandledBuiltin } from '../builtins/args.ts';
import { addFn } from './registry.ts';
import { typeName } from '../interpreter/runtime.ts';
import { innerOf } from './iobinary.ts';
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
    case B.IO_CHUNK_SIZE:
    case B.IO_SET_CHUNK_SIZE: {
      const o = args[0];
      if (!(o instanceof PyIO) || o.kind !== K_TEXT) throw raise(TypeError, `descriptor '_CHUNK_SIZE' for '_io.TextIOWrapper' objects doesn't apply to a '${typeName(o)}' object`);
      innerOf(o); // ValueError when detached or not initialized
      if (id === B.IO_CHUNK_SIZE) return newInt(o.chunkSize);
      const size = toIntIndex(args[1]);
      if (size <= 0) throw raise(ValueError, 'a strictly positive integer is required');
      o.chunkSize = size;
      return None;
    }
  }
  throw unhandledBuiltin('posix', id);
}
