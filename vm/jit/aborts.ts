// Why a recording stopped without a loop: one catalogue (as LuaJIT's lj_traceerr.h). The
// summary log counts aborts by these names.
import type { int } from '../../translate/rlib/index.ts';

export const A_OPCODE = 0; // an opcode the recorder does not support
export const A_TRACE_LIMIT = 1; // trace_limit ops recorded without closing the loop
export const A_INNER_LOOP = 2; // reached another loop's header
export const A_EXC_SETUP = 3; // try/with block setup
export const A_YIELD = 4; // yield inside the loop
export const A_EXCEPTION = 5; // an exception was raised while recording
export const A_RETURN = 6; // the loop's frame returned (left the loop)
export const A_UNBOUND = 7; // read of an unbound local
export const A_KWARGS = 8; // a call with keyword arguments
export const A_FRAME = 9; // the frame is not one a trace can enter (globals/locals dict)
export const A_INLINED_LOOP = 10; // a loop in an inlined call ran longer than a recording unrolls
export const ABORT_NAMES = [
  'unsupported opcode', 'trace too long', 'inner loop', 'exception block setup', 'yield', 'exception while recording',
  'left the loop frame', 'unbound local', 'keyword call', 'frame not traceable', 'long loop in an inlined call',
];
export function abortName(r: int): string {
  return ABORT_NAMES[r];
}
