// The byte order of the machine pyvm runs on: sys.byteorder, and the order CPython's utf-16 and
// utf-32 codecs write and assume when no byte order is named or marked.
import { execmem } from '../../translate/rlib/index.ts';

/** Whether the running binary's ISA is big-endian (s390x, of the ISAs pyvm targets). */
export function hostBigEndian(): boolean {
  return execmem.targetArch() === 's390x';
}
