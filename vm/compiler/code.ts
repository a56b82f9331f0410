// Code objects and opcodes produced by the compiler and run by vm/interpreter/eval.ts.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyStr, PyType, ShapeMap, codeType } from '../objects/core.ts';

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
  ops: int[] = [];
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
  /** per-instruction inline caches for LOAD_ATTR / STORE_ATTR / LOAD_METHOD on instances:
   * valid while the receiver has map icMap[i] and class icCls[i] and no class attribute
   * anywhere changed since (HOLD.typeVersion === icVer[i]). */
  icMap: (ShapeMap | null)[] = [];
  icCls: (PyType | null)[] = [];
  icVer: int[] = [];
  icIdx: int[] = [];
  icVal: (PyObject | null)[] = [];
  constructor(name: string, filename: string, firstLine: int) {
    super(codeType);
    this.name = name;
    this.qualname = name;
    this.filename = filename;
    this.firstLine = firstLine;
  }
}
