// The arraybytes family's switch (FAM_ARRAYBYTES): the builtins the binary-data work added,
// each routed to the module that implements it.
import type { int } from '../../translate/rlib/index.ts';
import type { PyObject, PyBuiltin } from '../objects/core.ts';
import { B } from './ids.ts';
import { unhandledBuiltin } from './args.ts';
import { callBinasciiText } from '../modules/binascii.ts';
import { callArrayIter } from '../modules/array.ts';

export function callArrayBytes(b: PyBuiltin, id: int, args: PyObject[], kw: string[] | null): PyObject {
  switch (id) {
    case B.BINASCII_A2B_UU:
    case B.BINASCII_B2A_UU:
    case B.BINASCII_A2B_QP:
    case B.BINASCII_B2A_QP:
      return callBinasciiText(id, args, kw);
    case B.ARRAY_ITER_NEXT:
    case B.ARRAY_ITER_ITER:
    case B.ARRAY_ITER_REDUCE:
    case B.ARRAY_ITER_SETSTATE:
      return callArrayIter(b, id, args, kw);
  }
  throw unhandledBuiltin(b.name, id);
}
