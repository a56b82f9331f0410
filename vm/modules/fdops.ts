// os.ftruncate and the ftruncate(2) under FileIO.truncate: one os.call operation (OP_FTRUNCATE,
// translate/runtime/oscall.c), failing with the OSError of its errno as CPython's does. Also
// TextIOWrapper._CHUNK_SIZE, the size of the text layer's reads from its buffer; and os.putenv
// and os.unsetenv (setenv(3)/unsetenv(3), OP_PUTENV/OP_UNSETENV), which os.environ's item
// assignment and deletion call.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, PyInt, PyBytes, PyStr, None, newInt, raise, TypeError, ValueError, OverflowErrorT, bigOf } from '../objects/core.ts';
import { encodeUtf8 } from '../builtins/strmethods.ts';
import { fspath } from './posix.ts';
import { PyIO, K_TEXT } from './iotypes.ts';
import { toIntIndex } from '../interpreter/runtime.ts';
import { B, FAM_FDOPS } from '../builtins/ids.ts';
import { npos, unhandledBuiltin } from '../builtins/args.ts';
import { addFn } from './registry.ts';
import { typeName } from '../interpreter/runtime.ts';
import { innerOf } from './iobinary.ts';
import { osCall, OP_FTRUNCATE, OP_PUTENV, OP_UNSETENV } from './oscall.ts';
import { latin1String } from '../objects/strutil.ts';

/** Cuts (or extends with zeros) the file open on fd to length bytes. */
export function fdTruncate(fd: int, length: int): void {
  osCall(OP_FTRUNCATE, [fd, length], '');
}

export function addFdOps(m: PyModule): void {
  addFn(m, 'ftruncate', B.POSIX_FTRUNCATE, FAM_FDOPS);
  addFn(m, 'putenv', B.POSIX_PUTENV, FAM_FDOPS);
  addFn(m, 'unsetenv', B.POSIX_UNSETENV, FAM_FDOPS);
}

/** An environment name or value as the bytes the C library sees (str encoded as UTF-8). */
function envBytes(o: PyObject): int[] {
  const p = fspath(o);
  const b = p instanceof PyBytes ? p.b : encodeUtf8((p as PyStr).s);
  if (b.includes(0)) throw raise(ValueError, 'embedded null byte');
  return b;
}

function intArg(o: PyObject): int {
  if (!(o instanceof PyInt)) throw raise(TypeError, `'${typeName(o)}' object cannot be interpreted as an integer`);
  if (bigOf(o) !== null) throw raise(OverflowErrorT, 'Python int too large to convert to C long');
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
    case B.POSIX_PUTENV:
    case B.POSIX_UNSETENV: {
      const fn = id === B.POSIX_PUTENV ? 'putenv' : 'unsetenv';
      if (kw !== null && kw.length > 0) throw raise(TypeError, `${fn}() takes no keyword arguments`);
      const want = id === B.POSIX_PUTENV ? 2 : 1;
      const n = npos(args, kw);
      if (n !== want) throw raise(TypeError, want === 1 ? `${fn}() takes exactly one argument (${n} given)` : `${fn} expected 2 arguments, got ${n}`);
      const name = envBytes(args[0]);
      if (id === B.POSIX_UNSETENV) {
        osCall(OP_UNSETENV, [], latin1String(name));
        return None;
      }
      const value = envBytes(args[1]);
      if (name.includes(61)) throw raise(ValueError, 'illegal environment variable name');
      const data: int[] = name.slice(0);
      data.push(0);
      for (const x of value) data.push(x);
      osCall(OP_PUTENV, [], latin1String(data));
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
