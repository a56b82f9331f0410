// The one table of low-level operations (PyPy's lloperation.py LL_OPERATIONS): every operation
// the rtyper may produce, with the properties later stages act on. genc roots GC references
// across an operation only if it can collect and checks rts_exc only after one that can raise;
// the annotator types rlib primitives by their signature here; the JIT's codewriter will read
// the same flags. An operation missing from the table is a translator bug, caught by `llop()`.

/** Argument kinds of an rlib primitive, as the annotator checks them. */
export type PrimArg = 'int' | 'float' | 'str' | 'list' | 'object' | 'ref' | 'class' | 'field';
/** Argument kinds: 'object' is any GC reference (instance, string, list, Map), 'ref' an rlib
 * GcRef, 'class' a class named in the call, 'field' a string literal naming one of its fields.
 * Result of an rlib primitive: a plain annotation kind, a nullable string, a nullable list of
 * ints (bytes), a list of ints never null (ints), a GcRef, or a nullable instance of the class
 * argument. */
export type PrimResult = 'int' | 'float' | 'bool' | 'str' | 'none' | 'nullstr' | 'bytes' | 'ints' | 'ref' | 'inst_or_null';

export interface LLOp {
  /** may leave an RTS exception pending: genc checks rts_exc after it */
  readonly canRaise: boolean;
  /** may allocate, so may run the collector: GC references live across it are rooted */
  readonly canCollect: boolean;
  /** no side effects, result a function of the arguments alone: constant arguments fold */
  readonly canFold: boolean;
  /** rlib primitives only: the signature the annotator checks, and the rlib exception class
   * it raises (the annotator makes sure that class's constructor is translated) */
  readonly prim?: { readonly args: readonly PrimArg[]; readonly result: PrimResult; readonly raises?: string };
}

const pure: LLOp = { canRaise: false, canCollect: false, canFold: true };
/** reads or writes memory, but neither allocates nor raises */
const memory: LLOp = { canRaise: false, canCollect: false, canFold: false };
const allocates: LLOp = { canRaise: false, canCollect: true, canFold: false };
const calls: LLOp = { canRaise: true, canCollect: true, canFold: false };

function prim(args: PrimArg[], result: PrimResult, flags: { raises?: string; collects?: boolean; fold?: boolean } = {}): LLOp {
  return {
    // raising builds the exception object, so a primitive that raises can also collect
    canRaise: flags.raises !== undefined,
    canCollect: flags.collects ?? flags.raises !== undefined,
    canFold: flags.fold ?? false,
    prim: { args, result, raises: flags.raises },
  };
}

const table: Record<string, LLOp> = {
  same_as: pure,
  cast_ptr: pure,
  unreachable: memory,

  int_add: pure, int_sub: pure, int_mul: pure, int_neg: pure, int_mod: pure, int_pow: pure,
  int_and: pure, int_or: pure, int_xor: pure, int_invert: pure, int_lshift: pure, int_rshift: pure, int_urshift: pure,
  int_eq: pure, int_ne: pure, int_lt: pure, int_le: pure, int_gt: pure, int_ge: pure,
  int_is_true: pure, int_is_true_nullable: pure, int_is_undef: pure, int_is_defined: pure,
  float_toint32: pure, float_add: pure, float_sub: pure, float_mul: pure, float_div: pure, float_neg: pure, float_mod: pure, float_pow: pure,
  float_eq: pure, float_ne: pure, float_lt: pure, float_le: pure, float_gt: pure, float_ge: pure,
  float_is_true: pure, float_is_true_nullable: pure, float_is_undef: pure, float_is_defined: pure,
  bool_eq: pure, bool_ne: pure, bool_not: pure,
  ptr_nonzero: pure, ptr_iszero: pure, ptr_eq: pure, ptr_ne: pure,
  // strings are immutable, so reading one folds
  str_is_true: pure, str_eq: pure, str_ne: pure, str_lt: pure, str_le: pure, str_gt: pure, str_ge: pure,
  str_len: pure, null_to_str: pure, str_or_null: pure,
  str_concat: allocates, int_to_str: allocates, float_to_str: allocates, bool_to_str: allocates, str_getitem: allocates,
  instanceof: pure,

  malloc: allocates,
  getfield: memory,
  setfield: memory,
  newlist: allocates,
  list_len: memory,
  list_getitem: memory,
  list_setitem: memory,
  list_setlen: allocates,
  list_push: allocates,
  newdict: allocates,
  dict_size: memory,
  dict_next: memory,
  dict_key: memory,
  dict_value: memory,

  direct_call: calls,
  /** genc's graph inliner: where an inlined callee was entered, a pending MemoryError is raised */
  oom_safepoint: { canRaise: true, canCollect: false, canFold: false },
  indirect_call: calls,
  // JS builtins and methods of strings, lists, Maps and numbers (console.log, Math.*, s.slice, ...)
  builtin: allocates,
  str_method: allocates,
  list_method: allocates,
  dict_method: allocates,
  int_method: allocates,
  float_method: allocates,
  bool_method: allocates,

  // rlib primitives (translate/rlib/*.ts), implemented natively when translated
  'arith.addOvf': prim(['int', 'int'], 'int', { raises: 'OverflowError' }),
  'arith.subOvf': prim(['int', 'int'], 'int', { raises: 'OverflowError' }),
  'arith.mulOvf': prim(['int', 'int'], 'int', { raises: 'OverflowError' }),
  'arith.floorDiv': prim(['int', 'int'], 'int', { raises: 'ZeroDivisionError' }),
  'arith.floorMod': prim(['int', 'int'], 'int', { raises: 'ZeroDivisionError' }),
  'arith.truncDiv': prim(['int', 'int'], 'int', { raises: 'ZeroDivisionError' }),
  'arith.toFloat': prim(['int'], 'float', { fold: true }),
  'arith.toInt': prim(['float'], 'int', { raises: 'OverflowError' }),
  'arith.floatMod': prim(['float', 'float'], 'float', { raises: 'ZeroDivisionError' }),
  'arith.floatRepr': prim(['float'], 'str', { collects: true }),
  'arith.parseFloatStrict': prim(['str'], 'float', { fold: true }),
  // write and flush return an errno (0: written), so the VM can raise BrokenPipeError
  'os.write': prim(['int', 'str'], 'int', { collects: true }),
  'os.flush': prim([], 'int', { collects: true }),
  // a file too big for the heap raises MemoryError instead of ending the process
  'os.readFile': prim(['str'], 'nullstr', { raises: 'MemoryError' }),
  'os.readFileBytes': prim(['str'], 'bytes', { raises: 'MemoryError' }),
  'os.readFileLatin1': prim(['str'], 'nullstr', { raises: 'MemoryError' }),
  'os.writeFile': prim(['str', 'str'], 'bool', { collects: true }),
  'os.writeFileBytes': prim(['str', 'list'], 'bool', { collects: true }),
  'os.readLine': prim([], 'nullstr', { collects: true }),
  'os.clock': prim([], 'float', { collects: true }),
  'os.time': prim([], 'float', { collects: true }),
  'os.getenv': prim(['str'], 'nullstr', { collects: true }),
  'os.fileExists': prim(['str'], 'bool', { collects: true }),
  'os.executablePath': prim([], 'nullstr', { collects: true }),
  'os.exit': prim(['int'], 'none', { collects: true }),
  'os.catchInterrupt': prim([], 'none'),
  'os.takeInterrupt': prim([], 'bool'),
  'os.exitByInterrupt': prim([], 'none', { collects: true }),
  // the posix module's calls: -1 or null on failure, its errno from os.lastError()
  'os.lastError': prim([], 'int'),
  'os.getcwd': prim([], 'nullstr', { collects: true }),
  'os.readlink': prim(['str'], 'nullstr', { collects: true }),
  'os.listDir': prim(['str'], 'nullstr', { collects: true }),
  'os.pathStat': prim(['str', 'int'], 'bytes', { collects: true }),
  'os.fdStat': prim(['int'], 'bytes', { collects: true }),
  'os.fdOpen': prim(['str', 'int', 'int'], 'int', { collects: true }),
  'os.fdRead': prim(['int', 'int'], 'bytes', { collects: true }),
  'os.fdWrite': prim(['int', 'list'], 'int', { collects: true }),
  'os.fdClose': prim(['int'], 'int', { collects: true }),
  'os.fdSeek': prim(['int', 'int', 'int'], 'int', { collects: true }),
  'os.isatty': prim(['int'], 'bool'),
  'os.terminalSize': prim(['int'], 'bytes', { collects: true }),
  'os.mkdir': prim(['str', 'int'], 'int', { collects: true }),
  'os.rmdir': prim(['str'], 'int', { collects: true }),
  'os.unlink': prim(['str'], 'int', { collects: true }),
  'os.rename': prim(['str', 'str'], 'int', { collects: true }),
  'os.symlink': prim(['str', 'str'], 'int', { collects: true }),
  'os.utime': prim(['str', 'int', 'int', 'int', 'int', 'int'], 'int', { collects: true }),
  'os.chmod': prim(['str', 'int'], 'int', { collects: true }),
  'os.chdir': prim(['str'], 'int', { collects: true }),
  'os.getpid': prim([], 'int'),
  'os.buildId': prim([], 'str'),
  'os.environ': prim([], 'str', { collects: true }),
  'os.strerror': prim(['int'], 'str', { collects: true }),
  'os.urandom': prim(['int'], 'bytes', { collects: true }),
  // the process, pipe, socket and polling calls (translate/runtime/oscall.c), by operation number
  'os.call': prim(['int', 'list', 'str'], 'bytes', { collects: true }),
  'execmem.available': prim([], 'bool'),
  'execmem.targetArch': prim([], 'str', { collects: true }),
  'execmem.alloc': prim(['int'], 'int'),
  'execmem.writeByte': prim(['int', 'int', 'int'], 'none'),
  'execmem.writeBytes': prim(['int', 'int', 'list'], 'none'),
  'execmem.address': prim(['int', 'int'], 'int'),
  'execmem.finalize': prim(['int'], 'bool'),
  // machine code may call helpers that allocate and raise: genc checks rts_exc after it
  'execmem.call': { ...prim(['int', 'int', 'int', 'int', 'int', 'int'], 'int', { collects: true }), canRaise: true },
  'execmem.free': prim(['int'], 'none'),
  'gcref.asRef': prim(['object'], 'ref', { fold: true }),
  'gcref.castRef': prim(['ref', 'class'], 'inst_or_null', { fold: true }),
  'gcref.addressOf': prim(['ref'], 'int', { fold: true }),
  'gcref.refAt': prim(['int'], 'ref'),
  'gcref.typeIdOf': prim(['ref'], 'int', { fold: true }),
  'gcref.tidLow': prim(['class'], 'int', { fold: true }),
  'gcref.tidHigh': prim(['class'], 'int', { fold: true }),
  'gcref.offsetOf': prim(['class', 'field'], 'int', { fold: true }),
  'gcref.sizeOf': prim(['class'], 'int', { fold: true }),
  // weak entries: none allocates from the GC heap (the table is malloc'd); collect runs it
  'weak.create': prim(['object', 'object'], 'int'),
  'weak.alive': prim(['int'], 'bool'),
  'weak.get': prim(['int'], 'ref'),
  'weak.owner': prim(['int'], 'ref'),
  'weak.takeCleared': prim([], 'int'),
  'weak.pending': prim([], 'bool'),
  'weak.free': prim(['int'], 'none'),
  'weak.find': prim(['object', 'int'], 'int'),
  'weak.finalizable': prim(['object'], 'none'),
  'weak.takeFinalizable': prim([], 'ref'),
  'weak.finPending': prim([], 'bool'),
  'weak.addRoot': prim(['object'], 'none'),
  'weak.collect': prim([], 'int', { collects: true }),
  'weak.count': prim([], 'int'),
  // text (translate/runtime/str.c)
  'text.unitsOf': prim(['str'], 'ints', { raises: 'MemoryError' }),
  'jithelpers.helperAddress': prim(['int'], 'int'),
  'jithelpers.allocAddress': prim([], 'int', { fold: true }),
  'jithelpers.excAddress': prim([], 'int', { fold: true }),
  'jithelpers.oomPendingAddress': prim([], 'int', { fold: true }),
  'jithelpers.gcAllocInfo': prim(['int', 'int'], 'int'),
};

export const LL_OPERATIONS: Readonly<Record<string, LLOp>> = table;

/** The properties of operation `name`; an unknown name is a translator bug. */
export function llop(name: string): LLOp {
  const op = LL_OPERATIONS[name];
  if (!op) throw new Error(`rtype: low-level operation '${name}' is not in LL_OPERATIONS (translate/rtype/lloperation.ts)`);
  return op;
}

/**
 * Methods and builtins that read or compute without allocating, though their operation as a
 * whole is marked `allocates` (str.slice allocates, str.indexOf does not). Their C helpers
 * (translate/runtime, genc/prelude.ts) never call the allocator; a failure there is fatal,
 * not a raised exception. genc roots nothing across them, so a function that only calls these
 * needs no shadow-stack frame and may be inlined.
 */
const NON_COLLECTING: Record<string, ReadonlySet<string>> = {
  str_method: new Set(['charCodeAt', 'indexOf', 'lastIndexOf', 'startsWith', 'endsWith', 'includes', 'localeCompare', 'toString']),
  // sort's scratch buffer is malloc'd, not GC memory
  list_method: new Set(['pop', 'indexOf', 'includes', 'reverse', 'sort']),
  dict_method: new Set(['get', 'has', 'delete', 'clear']),
  builtin: new Set(['Number.isNaN', 'isNaN', 'Number.isFinite', 'isFinite', 'Number.isInteger']),
};

/** Whether this operation may run the collector: its table entry, refined by method name. */
export function opCanCollect(opname: string, extra: unknown): boolean {
  const info = llop(opname);
  if (!info.canCollect) return false;
  const names = NON_COLLECTING[opname];
  if (!names) return true;
  const name = (extra as { name?: unknown } | null)?.name;
  if (typeof name !== 'string') return true;
  return !(names.has(name) || (opname === 'builtin' && name.startsWith('Math.')));
}

/** The rlib primitive `name` ('arith.addOvf'), or undefined if rlib has no such primitive. */
export function primitive(name: string): LLOp['prim'] {
  return LL_OPERATIONS[name]?.prim;
}
