// The bytecode: every opcode once, with its stack effects, flags and fusion pair. The compiler
// (stack depth, inline caches, fusion), the interpreter (vm/interpreter/eval.ts) and the JIT
// recorder read this table; Op.NAME numbers, OPS rows and the functions below derive from it.
//
// An instruction is a word: op + arg * 128 (see packInstructions in code.ts).
import type { int } from '../../translate/rlib/index.ts';

/** arg is a jump target (an instruction index) */
export const F_JUMP = 1;
/** arg is an exception handler, entered with the stack cut back to the depth at this
 * instruction plus the row's jump effect (the exception is on top) */
export const F_HANDLER = 2;
/** never continues to the next instruction (unconditional jump, return, raise) */
export const F_STOP = 4;
/** has an InlineCache (PyCode.ics) */
export const F_CACHE = 8;
/** a fused pair: runs `first` and, when their common case applies, `second` too (see Op) */
export const F_FUSED = 16;

/** How an opcode's fall-through stack effect depends on its arg (see stackEffect). */
export const E_FIXED = 0;
/** effect + perArg * arg */
export const E_LINEAR = 1;
/** effect - (number of bits of arg set in mask): one optional operand per bit */
export const E_BITS = 2;
/** UNPACK_EX: (arg & 255) + (arg >> 8) */
export const E_UNPACK_EX = 3;

/** No jump effect: the opcode does not branch. */
export const NO_JUMP = -1000;
/** GET_AWAITABLE's arg: what is awaited, for the message when it cannot be (CPython's
 * format_awaitable_error): an `await` expression, or an `async with`'s __aenter__ or __aexit__
 * result. */
export const AWAIT_EXPR = 0;
export const AWAIT_AENTER = 1;
export const AWAIT_AEXIT = 2;
/** POP_EXCEPT_RERAISE's arg when it ends a cleanup handler (of an except clause's or a with's
 * exit): a frame the exception then leaves stands at the instruction that raised it, as CPython's
 * RERAISE with an oparg restores f_lasti. */
export const RERAISE_AT_RAISE = 1;
/** LIST_EXTEND's arg bit: the list is a call's positional arguments and the iterable its only
 * one (f(*x)), so a non-iterable is reported against the callee; the depth is arg & 255 */
export const LIST_EXTEND_CALL = 256;

/** One opcode's row. */
export class OpInfo {
  name: string = '';
  /** fall-through stack effect (or its base: see kind) */
  effect: int;
  kind: int = E_FIXED;
  perArg: int = 0;
  mask: int = 0;
  /** stack effect when the branch (F_JUMP) or the handler (F_HANDLER) is taken, else NO_JUMP */
  jump: int = NO_JUMP;
  flags: int = 0;
  /** for F_FUSED: the pair it runs; for a pair's first opcode: the (second, fused) pairs */
  first: int = -1;
  second: int = -1;
  fusions: int[] = [];
  constructor(effect: int) {
    this.effect = effect;
  }
}

/** The rows, indexed by opcode (filled at load time as Op's fields are defined). */
class OpTable {
  rows: OpInfo[] = [];
}
export const OPS = new OpTable();

interface OpSpec {
  jump?: number;
  flags?: number;
  perArg?: number;
  mask?: number;
  unpackEx?: boolean;
}
/** Load time: appends a row and returns its opcode. */
function def(effect: number, spec: OpSpec = {}): number {
  const r = new OpInfo(effect);
  if (spec.perArg !== undefined) {
    r.kind = E_LINEAR;
    r.perArg = spec.perArg;
  } else if (spec.mask !== undefined) {
    r.kind = E_BITS;
    r.mask = spec.mask;
  } else if (spec.unpackEx) r.kind = E_UNPACK_EX;
  if (spec.jump !== undefined) r.jump = spec.jump;
  r.flags = spec.flags ?? 0;
  if ((r.flags & (F_JUMP | F_HANDLER)) !== 0 && r.jump === NO_JUMP) throw new Error('opcodes: a branching opcode needs its jump effect');
  OPS.rows.push(r);
  return OPS.rows.length - 1;
}
/** Load time: a fused pair, written over the first instruction of a pair by packInstructions.
 * The second instruction stays in place (jumps may land on it); the fused one runs both, then
 * skips it, when their common case applies, and otherwise runs as the first one alone. So its
 * stack effect is the first one's. */
function fuse(first: number, second: number): number {
  const a = OPS.rows[first];
  const op = def(a.effect, { jump: a.jump === NO_JUMP ? undefined : a.jump, flags: (a.flags & ~F_CACHE) | F_FUSED });
  const r = OPS.rows[op];
  r.kind = a.kind;
  r.perArg = a.perArg;
  r.mask = a.mask;
  r.first = first;
  r.second = second;
  a.fusions.push(second);
  a.fusions.push(op);
  return op;
}

/** The opcodes. Each field is defined once, with its effect on the stack on the fall-through
 * path and, for branches, on the jump path. */
export class Op {
  static readonly NOP: int = def(0);
  static readonly POP_TOP: int = def(-1);
  /** the REPL's expression statement ('single' mode): shows repr(TOS) unless None, sets builtins._ */
  static readonly PRINT_EXPR: int = def(-1);
  static readonly ROT_TWO: int = def(0);
  static readonly ROT_THREE: int = def(0);
  static readonly DUP_TOP: int = def(1);
  static readonly DUP_TOP_TWO: int = def(2);
  static readonly LOAD_CONST: int = def(1);
  static readonly LOAD_FAST: int = def(1);
  static readonly STORE_FAST: int = def(-1);
  static readonly DELETE_FAST: int = def(0);
  static readonly LOAD_DEREF: int = def(1);
  static readonly STORE_DEREF: int = def(-1);
  static readonly DELETE_DEREF: int = def(0);
  static readonly LOAD_CLOSURE: int = def(1);
  static readonly LOAD_GLOBAL: int = def(1, { flags: F_CACHE });
  static readonly STORE_GLOBAL: int = def(-1);
  static readonly DELETE_GLOBAL: int = def(0);
  static readonly LOAD_NAME: int = def(1);
  static readonly STORE_NAME: int = def(-1);
  static readonly DELETE_NAME: int = def(0);
  static readonly LOAD_ATTR: int = def(0, { flags: F_CACHE });
  /** value, obj -- */
  static readonly STORE_ATTR: int = def(-2, { flags: F_CACHE });
  static readonly DELETE_ATTR: int = def(-1);
  /** obj -- method, self (self is NULL when method is a plain callable) */
  static readonly LOAD_METHOD: int = def(1, { flags: F_CACHE });
  static readonly PUSH_NULL: int = def(1);
  /** the keyword names (a const tuple) of the next CALL */
  static readonly KW_NAMES: int = def(0);
  /** callable, self-or-NULL, arg args -- result */
  static readonly CALL: int = def(-1, { perArg: -1 });
  /** callable, NULL, args tuple, [kwargs dict if arg & 1] -- result */
  static readonly CALL_EX: int = def(-2, { mask: 1 });
  static readonly BINARY_OP: int = def(-1);
  static readonly UNARY_NEG: int = def(0);
  static readonly UNARY_POS: int = def(0);
  static readonly UNARY_NOT: int = def(0);
  static readonly UNARY_INVERT: int = def(0);
  static readonly COMPARE_OP: int = def(-1);
  static readonly IS_OP: int = def(-1);
  static readonly CONTAINS_OP: int = def(-1);
  static readonly BINARY_SUBSCR: int = def(-1);
  /** value, obj, key -- */
  static readonly STORE_SUBSCR: int = def(-3);
  static readonly DELETE_SUBSCR: int = def(-2);
  static readonly BUILD_SLICE: int = def(1, { perArg: -1 });
  static readonly BUILD_TUPLE: int = def(1, { perArg: -1 });
  static readonly BUILD_LIST: int = def(1, { perArg: -1 });
  static readonly BUILD_SET: int = def(1, { perArg: -1 });
  static readonly BUILD_MAP: int = def(1, { perArg: -2 });
  static readonly BUILD_STRING: int = def(1, { perArg: -1 });
  /** the list arg items below the top gets the top */
  static readonly LIST_APPEND: int = def(-1);
  static readonly SET_ADD: int = def(-1);
  static readonly MAP_ADD: int = def(-2);
  static readonly LIST_EXTEND: int = def(-1);
  static readonly SET_UPDATE: int = def(-1);
  static readonly DICT_UPDATE: int = def(-1);
  static readonly DICT_MERGE: int = def(-1);
  static readonly LIST_TO_TUPLE: int = def(0);
  /** value, [spec if arg & 4] -- str; arg & 3: conversion (0 none, 1 str, 2 repr, 3 ascii) */
  static readonly FORMAT_VALUE: int = def(0, { mask: 4 });
  static readonly JUMP: int = def(0, { jump: 0, flags: F_JUMP | F_STOP });
  /** a loop's back edge (the JIT's hook) */
  static readonly JUMP_BACKWARD: int = def(0, { jump: 0, flags: F_JUMP | F_STOP });
  /** a back edge whose loop the JIT gave up on (vm/jit/hooks.ts rewrites its JUMP_BACKWARDs to
   * this): it checks for interrupts as JUMP_BACKWARD does but counts nothing down, so a loop the
   * JIT does not run costs what it costs with the JIT off. The compiler never emits it. */
  static readonly JUMP_BACKWARD_NO_JIT: int = def(0, { jump: 0, flags: F_JUMP | F_STOP });
  static readonly POP_JUMP_IF_FALSE: int = def(-1, { jump: -1, flags: F_JUMP });
  static readonly POP_JUMP_IF_TRUE: int = def(-1, { jump: -1, flags: F_JUMP });
  static readonly JUMP_IF_FALSE_OR_POP: int = def(-1, { jump: 0, flags: F_JUMP });
  static readonly JUMP_IF_TRUE_OR_POP: int = def(-1, { jump: 0, flags: F_JUMP });
  static readonly GET_ITER: int = def(0);
  /** iter -- iter, next; when exhausted, pops iter and jumps */
  static readonly FOR_ITER: int = def(1, { jump: -1, flags: F_JUMP });
  static readonly UNPACK_SEQUENCE: int = def(-1, { perArg: 1 });
  static readonly UNPACK_EX: int = def(0, { unpackEx: true });
  /** [defaults tuple if arg & 1], [kwdefaults dict if arg & 2], [annotations dict if arg & 4],
   * [closure tuple if arg & 8], code -- function */
  static readonly MAKE_FUNCTION: int = def(0, { mask: 15 });
  static readonly RETURN_VALUE: int = def(-1, { flags: F_STOP });
  /** value -- sent value (pushed by the resume, genSend) */
  static readonly YIELD_VALUE: int = def(0);
  static readonly GET_YIELD_FROM_ITER: int = def(0);
  /** iter, value -- iter, result; when the iterator returns: -- return value, and jumps */
  static readonly SEND: int = def(0, { jump: -1, flags: F_JUMP });
  /** obj -- awaitable iterator: a coroutine itself, else obj.__await__() */
  static readonly GET_AWAITABLE: int = def(0);
  /** obj -- obj.__aiter__() */
  static readonly GET_AITER: int = def(0);
  /** aiter -- aiter, awaitable of aiter.__anext__() */
  static readonly GET_ANEXT: int = def(1);
  /** aiter, exc -- : the end of `async for` when exc is a StopAsyncIteration, else re-raises it */
  static readonly END_ASYNC_FOR: int = def(-2);
  /** mgr -- bound __aexit__, awaitable of mgr.__aenter__() */
  static readonly BEFORE_ASYNC_WITH: int = def(1);
  /** exit, prev, exc -- exit, prev, exc, exit(type(exc), exc, tb) */
  static readonly WITH_EXCEPT_START: int = def(1);
  /** value -- value marked as yielded by an async generator's `yield` (not by an await inside it) */
  static readonly ASYNC_GEN_WRAP: int = def(0);
  /** handler entered at this depth, plus the exception */
  static readonly SETUP_FINALLY: int = def(0, { jump: 1, flags: F_HANDLER });
  /** handler entered at this depth minus the top item, plus the exception */
  static readonly SETUP_CLEANUP: int = def(0, { jump: 0, flags: F_HANDLER });
  static readonly POP_BLOCK: int = def(0);
  /** exc -- previous exception (or None), exc */
  static readonly PUSH_EXC_INFO: int = def(1);
  static readonly POP_EXCEPT: int = def(-1);
  static readonly POP_EXCEPT_RERAISE: int = def(-2, { flags: F_STOP });
  static readonly RERAISE: int = def(-1, { flags: F_STOP });
  static readonly CHECK_EXC_MATCH: int = def(0);
  /** rest, type -- rest', match (an except* clause: match None when nothing matched, rest kept) */
  static readonly CHECK_EG_MATCH: int = def(0);
  /** orig, raised list -- what the try/except* raises at its end, or None */
  static readonly PREP_RERAISE_STAR: int = def(-1);
  static readonly RAISE_VARARGS: int = def(0, { perArg: -1, flags: F_STOP });
  /** ctx -- exit, enter(); handler entered with exit and the exception */
  static readonly SETUP_WITH: int = def(1, { jump: 1, flags: F_HANDLER });
  static readonly WITH_EXIT: int = def(-1);
  static readonly WITH_EXCEPT: int = def(-2);
  static readonly IMPORT_NAME: int = def(-1);
  static readonly IMPORT_FROM: int = def(1);
  static readonly IMPORT_STAR: int = def(-1);
  static readonly LOAD_BUILD_CLASS: int = def(1);
  static readonly LOAD_ASSERTION_ERROR: int = def(1);
  static readonly MATCH_SEQUENCE: int = def(0);
  static readonly MATCH_MAPPING: int = def(0);
  static readonly GET_LEN: int = def(0);
  static readonly MATCH_CLASS: int = def(-2);
  static readonly MATCH_KEYS: int = def(-1);
  static readonly MATCH_STAR_LIST: int = def(0);
  static readonly MATCH_MAP_REST: int = def(-1);
  static readonly LOAD_FAST__LOAD_ATTR: int = fuse(Op.LOAD_FAST, Op.LOAD_ATTR);
  static readonly LOAD_FAST__LOAD_METHOD: int = fuse(Op.LOAD_FAST, Op.LOAD_METHOD);
  static readonly LOAD_FAST__LOAD_FAST: int = fuse(Op.LOAD_FAST, Op.LOAD_FAST);
  static readonly LOAD_FAST__LOAD_CONST: int = fuse(Op.LOAD_FAST, Op.LOAD_CONST);
  static readonly STORE_FAST__LOAD_FAST: int = fuse(Op.STORE_FAST, Op.LOAD_FAST);
  static readonly COMPARE_OP__POP_JUMP_IF_FALSE: int = fuse(Op.COMPARE_OP, Op.POP_JUMP_IF_FALSE);
  static readonly IS_OP__POP_JUMP_IF_FALSE: int = fuse(Op.IS_OP, Op.POP_JUMP_IF_FALSE);
  static readonly IS_OP__POP_JUMP_IF_TRUE: int = fuse(Op.IS_OP, Op.POP_JUMP_IF_TRUE);
  /** `if x in s`, `x not in s or ...`: the membership test and its branch, no bool pushed */
  static readonly CONTAINS_OP__POP_JUMP_IF_FALSE: int = fuse(Op.CONTAINS_OP, Op.POP_JUMP_IF_FALSE);
  static readonly CONTAINS_OP__POP_JUMP_IF_TRUE: int = fuse(Op.CONTAINS_OP, Op.POP_JUMP_IF_TRUE);
  static readonly FOR_ITER__STORE_FAST: int = fuse(Op.FOR_ITER, Op.STORE_FAST);
  /** a[i:j:k] and a[i:j:k] = v without a slice object, for exact lists, tuples and strs with int
   * or None bounds (interpreter/slicing.ts) */
  static readonly BUILD_SLICE__BINARY_SUBSCR: int = fuse(Op.BUILD_SLICE, Op.BINARY_SUBSCR);
  static readonly BUILD_SLICE__STORE_SUBSCR: int = fuse(Op.BUILD_SLICE, Op.STORE_SUBSCR);
}

/** Load time: names the rows after Op's fields, and checks that every row has one field and
 * that the opcodes fit the instruction word's 7 bits. */
function nameRows(): void {
  const names = Object.keys(Op) as (keyof typeof Op)[];
  if (names.length !== OPS.rows.length || OPS.rows.length > 128) throw new Error(`opcodes: ${names.length} names for ${OPS.rows.length} rows`);
  for (const n of names) OPS.rows[Op[n] as number].name = n;
}
nameRows();

/** Net stack effect of instruction (op, arg) on its fall-through path. */
export function stackEffect(op: int, arg: int): int {
  const r = OPS.rows[op];
  const k = r.kind;
  if (k === E_FIXED) return r.effect;
  if (k === E_LINEAR) return r.effect + r.perArg * arg;
  if (k === E_BITS) {
    let n = 0;
    let m = arg & r.mask;
    while (m !== 0) {
      n += m & 1;
      m = m >> 1;
    }
    return r.effect - n;
  }
  return (arg & 255) + (arg >> 8);
}
/** Stack effect of (op, arg) when its branch or handler is taken (op has F_JUMP or F_HANDLER). */
export function jumpEffect(op: int): int {
  return OPS.rows[op].jump;
}
export function opFlags(op: int): int {
  return OPS.rows[op].flags;
}
export function opName(op: int): string {
  return op >= 0 && op < OPS.rows.length ? OPS.rows[op].name : `<bad opcode ${op}>`;
}
/** The instruction a fused pair starts with (a fused word runs exactly its two instructions). */
export function unfused(op: int): int {
  const r = OPS.rows[op];
  return (r.flags & F_FUSED) !== 0 ? r.first : op;
}
/** The fused instruction for the pair (a, b), or -1. */
export function fusedOp(a: int, b: int): int {
  const f = OPS.rows[a].fusions;
  for (let i = 0; i + 1 < f.length; i += 2) if (f[i] === b) return f[i + 1];
  return -1;
}
