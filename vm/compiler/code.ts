// Code objects and opcodes produced by the compiler and run by vm/interpreter/eval.ts.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyStr, PyType, PyDict, ShapeMap, codeType } from '../objects/core.ts';

export enum Op {
  NOP,
  POP_TOP,
  ROT_TWO,
  ROT_THREE,
  DUP_TOP,
  DUP_TOP_TWO,
  LOAD_CONST,
  LOAD_FAST,
  STORE_FAST,
  DELETE_FAST,
  LOAD_DEREF,
  STORE_DEREF,
  DELETE_DEREF,
  LOAD_CLOSURE,
  LOAD_GLOBAL,
  STORE_GLOBAL,
  DELETE_GLOBAL,
  LOAD_NAME,
  STORE_NAME,
  DELETE_NAME,
  LOAD_ATTR,
  STORE_ATTR,
  DELETE_ATTR,
  LOAD_METHOD,
  PUSH_NULL,
  KW_NAMES,
  CALL,
  CALL_EX,
  BINARY_OP,
  UNARY_NEG,
  UNARY_POS,
  UNARY_NOT,
  UNARY_INVERT,
  COMPARE_OP,
  IS_OP,
  CONTAINS_OP,
  BINARY_SUBSCR,
  STORE_SUBSCR,
  DELETE_SUBSCR,
  BUILD_SLICE,
  BUILD_TUPLE,
  BUILD_LIST,
  BUILD_SET,
  BUILD_MAP,
  BUILD_STRING,
  LIST_APPEND,
  SET_ADD,
  MAP_ADD,
  LIST_EXTEND,
  SET_UPDATE,
  DICT_UPDATE,
  DICT_MERGE,
  LIST_TO_TUPLE,
  FORMAT_VALUE,
  JUMP,
  JUMP_BACKWARD,
  POP_JUMP_IF_FALSE,
  POP_JUMP_IF_TRUE,
  JUMP_IF_FALSE_OR_POP,
  JUMP_IF_TRUE_OR_POP,
  GET_ITER,
  FOR_ITER,
  UNPACK_SEQUENCE,
  UNPACK_EX,
  MAKE_FUNCTION,
  RETURN_VALUE,
  YIELD_VALUE,
  GET_YIELD_FROM_ITER,
  SEND,
  SETUP_FINALLY,
  SETUP_CLEANUP,
  POP_BLOCK,
  PUSH_EXC_INFO,
  POP_EXCEPT,
  POP_EXCEPT_RERAISE,
  RERAISE,
  CHECK_EXC_MATCH,
  RAISE_VARARGS,
  SETUP_WITH,
  WITH_EXIT,
  WITH_EXCEPT,
  IMPORT_NAME,
  IMPORT_FROM,
  IMPORT_STAR,
  LOAD_BUILD_CLASS,
  LOAD_ASSERTION_ERROR,
  SETUP_ANNOTATIONS,
  COPY_FREE_VARS,
  MATCH_SEQUENCE,
  MATCH_MAPPING,
  GET_LEN,
  MATCH_CLASS,
  MATCH_KEYS,
  MATCH_STAR_LIST,
  MATCH_MAP_REST,
  // Fused pairs, written over the first instruction of a pair by packInstructions: the
  // second instruction stays in place (jumps may land on it) and the fused one runs both,
  // then skips it, when their common case applies; otherwise it runs as the first one alone.
  LOAD_FAST__LOAD_ATTR,
  LOAD_FAST__LOAD_METHOD,
  LOAD_FAST__LOAD_FAST,
  LOAD_FAST__LOAD_CONST,
  STORE_FAST__LOAD_FAST,
  COMPARE_OP__POP_JUMP_IF_FALSE,
  IS_OP__POP_JUMP_IF_FALSE,
  IS_OP__POP_JUMP_IF_TRUE,
  FOR_ITER__STORE_FAST,
}

export const CO_VARARGS = 1;
export const CO_VARKW = 2;
export const CO_GENERATOR = 4;
export const CO_NAMES = 8; // uses a locals dict (module / class body)

export class PyCode extends PyObject {
  name: string;
  qualname: string;
  filename: string;
  firstLine: int;
  /** (op, arg) pairs, as the compiler emits them */
  ops: int[] = [];
  /** the same instructions packed one per word (op + arg * 128) for the interpreter */
  words: int[] = [];
  lines: int[] = [];
  consts: PyObject[] = [];
  names: string[] = [];
  nameObjs: PyStr[] = [];
  varnames: string[] = [];
  cellvars: string[] = [];
  freevars: string[] = [];
  cell2arg: int[] = [];
  argcount: int = 0;
  posonly: int = 0;
  kwonly: int = 0;
  flags: int = 0;
  /** the value stack a frame starts with (an estimate: the interpreter grows it when needed) */
  stacksize: int = 8;
  /** per-instruction inline caches (null except for attribute and global instructions) */
  ics: (InlineCache | null)[] = [];
  constructor(name: string, filename: string, firstLine: int) {
    super(codeType);
    this.name = name;
    this.qualname = name;
    this.filename = filename;
    this.firstLine = firstLine;
  }
}

/** The inline cache of one LOAD_ATTR / STORE_ATTR / LOAD_METHOD / LOAD_GLOBAL instruction.
 *
 * Instance entries are keyed by the receiver's map alone (maps are per class, so a map implies
 * the class) and hold what the lookup found when the global type version was `ver`: a slot
 * index (i >= 0), a class attribute or method (i < 0, value in v), or for STORE_ATTR a map
 * transition (t: the map after adding the attribute). Up to four maps per site; any class
 * mutation bumps the type version and empties the cache.
 *
 * Global entries (LOAD_GLOBAL, and attribute loads from a module) remember the entry number of
 * the name in dict gd (or in the builtins when gb), valid while no key was added to or removed
 * from gd (gver) and the builtins (bver). */
export class InlineCache {
  ver: int = -1;
  next: int = 0;
  m0: ShapeMap | null = null;
  i0: int = -1;
  v0: PyObject | null = null;
  t0: ShapeMap | null = null;
  m1: ShapeMap | null = null;
  i1: int = -1;
  v1: PyObject | null = null;
  t1: ShapeMap | null = null;
  m2: ShapeMap | null = null;
  i2: int = -1;
  v2: PyObject | null = null;
  t2: ShapeMap | null = null;
  m3: ShapeMap | null = null;
  i3: int = -1;
  v3: PyObject | null = null;
  t3: ShapeMap | null = null;
  /** LOAD_METHOD on builtin-typed receivers: the method found on class bc */
  bc: PyType | null = null;
  bv: PyObject | null = null;
  gd: PyDict | null = null;
  gver: int = -1;
  bver: int = -1;
  gidx: int = -1;
  gb: boolean = false;
}

/** Net stack effect of one instruction on its fall-through path. */
export function stackEffect(op: int, arg: int): int {
  switch (op) {
    case Op.POP_TOP:
    case Op.STORE_FAST:
    case Op.STORE_DEREF:
    case Op.STORE_GLOBAL:
    case Op.STORE_NAME:
    case Op.DELETE_ATTR:
    case Op.BINARY_OP:
    case Op.COMPARE_OP:
    case Op.IS_OP:
    case Op.CONTAINS_OP:
    case Op.BINARY_SUBSCR:
    case Op.LIST_APPEND:
    case Op.SET_ADD:
    case Op.LIST_EXTEND:
    case Op.SET_UPDATE:
    case Op.DICT_UPDATE:
    case Op.DICT_MERGE:
    case Op.POP_JUMP_IF_FALSE:
    case Op.POP_JUMP_IF_TRUE:
    case Op.JUMP_IF_FALSE_OR_POP:
    case Op.JUMP_IF_TRUE_OR_POP:
    case Op.RETURN_VALUE:
    case Op.POP_EXCEPT:
    case Op.RERAISE:
    case Op.WITH_EXIT:
    case Op.IMPORT_NAME:
    case Op.IMPORT_STAR:
    case Op.MATCH_KEYS:
    case Op.MATCH_MAP_REST:
      return -1;
    case Op.STORE_ATTR:
    case Op.DELETE_SUBSCR:
    case Op.MAP_ADD:
    case Op.POP_EXCEPT_RERAISE:
    case Op.WITH_EXCEPT:
    case Op.MATCH_CLASS:
      return -2;
    case Op.STORE_SUBSCR:
      return -3;
    case Op.DUP_TOP:
    case Op.LOAD_CONST:
    case Op.LOAD_FAST:
    case Op.LOAD_DEREF:
    case Op.LOAD_CLOSURE:
    case Op.LOAD_GLOBAL:
    case Op.LOAD_NAME:
    case Op.LOAD_METHOD:
    case Op.PUSH_NULL:
    case Op.FOR_ITER:
    case Op.PUSH_EXC_INFO:
    case Op.SETUP_WITH:
    case Op.IMPORT_FROM:
    case Op.LOAD_BUILD_CLASS:
    case Op.LOAD_ASSERTION_ERROR:
      return 1;
    case Op.DUP_TOP_TWO:
      return 2;
    case Op.CALL:
      return -(arg + 1);
    case Op.CALL_EX:
      return -(2 + (arg & 1));
    case Op.BUILD_SLICE:
      return 1 - arg;
    case Op.BUILD_TUPLE:
    case Op.BUILD_LIST:
    case Op.BUILD_SET:
    case Op.BUILD_STRING:
      return 1 - arg;
    case Op.BUILD_MAP:
      return 1 - 2 * arg;
    case Op.FORMAT_VALUE:
      return (arg & 4) !== 0 ? -1 : 0;
    case Op.UNPACK_SEQUENCE:
      return arg - 1;
    case Op.UNPACK_EX:
      return (arg & 255) + (arg >> 8);
    case Op.MAKE_FUNCTION:
      return -(((arg & 1) !== 0 ? 1 : 0) + ((arg & 2) !== 0 ? 1 : 0) + ((arg & 8) !== 0 ? 1 : 0));
    case Op.RAISE_VARARGS:
      return -arg;
  }
  return 0;
}
/** The deepest stack a straight run through ops reaches (handlers start from the depth of
 * the code before them, plus one for the exception), with some room to spare. */
export function estimateStackSize(ops: int[]): int {
  let depth = 0;
  let max = 0;
  for (let i = 0; i + 1 < ops.length; i += 2) {
    depth += stackEffect(ops[i], ops[i + 1]);
    if (depth < 0) depth = 0;
    if (depth + 1 > max) max = depth + 1;
  }
  return max + 2;
}

/** The fused instruction for the pair (a, b), or -1. */
function fusedOp(a: int, b: int): int {
  if (a === Op.LOAD_FAST) {
    if (b === Op.LOAD_ATTR) return Op.LOAD_FAST__LOAD_ATTR;
    if (b === Op.LOAD_METHOD) return Op.LOAD_FAST__LOAD_METHOD;
    if (b === Op.LOAD_FAST) return Op.LOAD_FAST__LOAD_FAST;
    if (b === Op.LOAD_CONST) return Op.LOAD_FAST__LOAD_CONST;
  } else if (a === Op.STORE_FAST) {
    if (b === Op.LOAD_FAST) return Op.STORE_FAST__LOAD_FAST;
  } else if (a === Op.FOR_ITER) {
    if (b === Op.STORE_FAST) return Op.FOR_ITER__STORE_FAST;
  } else if (a === Op.COMPARE_OP) {
    if (b === Op.POP_JUMP_IF_FALSE) return Op.COMPARE_OP__POP_JUMP_IF_FALSE;
  } else if (a === Op.IS_OP) {
    if (b === Op.POP_JUMP_IF_FALSE) return Op.IS_OP__POP_JUMP_IF_FALSE;
    if (b === Op.POP_JUMP_IF_TRUE) return Op.IS_OP__POP_JUMP_IF_TRUE;
  }
  return -1;
}
/** Packs (op, arg) pairs into words (op + arg * 128), fusing common pairs (see Op). */
export function packInstructions(ops: int[]): int[] {
  const words: int[] = [];
  for (let i = 0; i + 1 < ops.length; i += 2) words.push(ops[i] + ops[i + 1] * 128);
  for (let i = 0; i + 1 < words.length; i++) {
    const f = fusedOp(ops[i * 2], ops[i * 2 + 2]);
    if (f >= 0) words[i] = f + ops[i * 2 + 1] * 128;
  }
  return words;
}
