// Core object model: the base PyObject, type objects, and the data classes for the builtin
// types. Behaviour (operators, attribute lookup, calls) lives in vm/interpreter/ and
// vm/builtins/; this module only defines layouts and constructors so it has no import cycles.
import type { int, float } from '../../translate/rlib/index.ts';
import { BigNum } from './bigint.ts';
import type { Frame } from '../interpreter/frame.ts';

export class PyObject {
  cls: PyType;
  /** cls is null only while bootstrapping `type` itself (fixed right after). */
  constructor(cls: PyType | null) {
    this.cls = cls as PyType;
  }
}

/** Hidden class ("map") shared by instances that got the same attributes in the same order. */
export class ShapeMap {
  names: Map<string, int> = new Map<string, int>();
  order: string[] = [];
  transitions: Map<string, ShapeMap> = new Map<string, ShapeMap>();
  withAttr(name: string): ShapeMap {
    const t = this.transitions.get(name);
    if (t !== undefined) return t;
    const m = new ShapeMap();
    for (const k of this.order) {
      m.order.push(k);
    }
    for (let i = 0; i < m.order.length; i++) m.names.set(m.order[i], i);
    m.names.set(name, m.order.length);
    m.order.push(name);
    this.transitions.set(name, m);
    return m;
  }
}

/** Map.get for int values: RTS only allows comparing get() with undefined for references. */
export function mapGetInt(m: Map<string, int>, k: string, dflt: int): int {
  return m.has(k) ? (m.get(k) as int) : dflt;
}

export class Holder {
  emptyMap: ShapeMap = new ShapeMap();
  typeVersion: int = 0;
  nextId: int = 1;
}
export const HOLD = new Holder();

export class PyType extends PyObject {
  name: string;
  bases: PyType[] = [];
  mro: PyType[] = [];
  dict: Map<string, PyObject> = new Map<string, PyObject>();
  /** layout kind of instances: which JS class object.__new__ creates */
  layout: int = 0;
  isBuiltin: boolean = false;
  module: string = 'builtins';
  cache: Map<string, PyObject | null> = new Map<string, PyObject | null>();
  cacheVersion: int = -1;
  /** per name found by lookupType, the class in the MRO whose dict holds it (same version) */
  ownerCache: Map<string, PyType> = new Map<string, PyType>();
  /** the map of a fresh instance: per class, so that a map identifies its class */
  rootMap: ShapeMap = new ShapeMap();
  /** how calling the class builds an instance, valid while HOLD.typeVersion === ctorVer
   * (see vm/interpreter/eval.ts ctorKind) */
  ctorVer: int = -1;
  ctorKind: int = 0;
  ctorInit: PyObject | null = null;
  /** classes made with this one among their bases (type.__subclasses__), in creation order */
  subclasses: PyType[] = [];
  /** __qualname__ when it differs from name (a class statement nested in a class or function) */
  qualname: string | null = null;
  /** the attribute names __slots__ allow its instances, null when they have a __dict__; valid
   * while HOLD.typeVersion === slotVer (see vm/interpreter/slotrules.ts) */
  slotNames: Map<string, boolean> | null = null;
  slotVer: int = -1;
  /** its getset descriptors that are not entries of dict (__dict__, __weakref__; a builtin
   * type's computed attributes), made once each (vm/builtins/getsetdescr.ts) */
  getsets: Map<string, PyObject> = new Map<string, PyObject>();
  // instance attributes for types created by metaclasses are in dict
  constructor(meta: PyType | null, name: string) {
    super(meta);
    this.name = name;
  }
}

// Layout kinds
export const L_OBJECT = 0;
export const L_EXC = 1;
export const L_LIST = 2;
export const L_DICT = 3;
export const L_INT = 4;
export const L_STR = 5;
export const L_FLOAT = 6;
export const L_TUPLE = 7;
export const L_TYPE = 8;
export const L_SET = 9;
export const L_PROPERTY = 10;
export const L_STATICMETHOD = 11;
export const L_CLASSMETHOD = 12;
// 13-15 are reserved for work in progress: complex (13), types.GenericAlias (14), bytes subclasses (15)
export const L_COMPLEX = 13;
export const L_GENERICALIAS = 14;
export const L_BYTES = 15;
// a builtin type whose own __new__ makes its instances for the class it is given (array,
// enumerate, deque): Python classes may subclass it; their instances keep attributes in `attrs`
export const L_NATIVE = 16;
export const L_NONE = 100; // cannot instantiate

export class PyInstance extends PyObject {
  map: ShapeMap;
  slots: PyObject[] = [];
  /** id(), once asked (0: not yet) */
  oid: int = 0;
  constructor(cls: PyType) {
    super(cls);
    this.map = cls.rootMap;
  }
}

/** One frame an exception passed through: what the report prints, and what a traceback object
 * (made only when a program asks for __traceback__) shows. */
export class TbEntry {
  filename: string;
  line: int;
  name: string;
  /** the interpreter frame (vm/interpreter/frame.ts Frame), kept from reuse once here */
  frame: Frame | null = null;
  /** the instruction index that raised */
  pc: int = 0;
  /** its traceback object, once made */
  obj: PyObject | null = null;
  constructor(filename: string, line: int, name: string) {
    this.filename = filename;
    this.line = line;
    this.name = name;
  }
}

/** A weak reference (weakref.ref and its subclasses, and proxies): an instance, so that
 * subclasses (weakref.KeyedRef) carry attributes. handle is its rlib weak entry (-1 once the
 * referent died and the entry was freed). */
export class PyWeakref extends PyInstance {
  handle: int = -1;
  callback: PyObject | null = null;
  hash: int = 0;
  hashed: boolean = false;
  proxy: boolean = false;
  /** creation order, for getweakrefs' order (handles are reused, so they do not tell) */
  serial: int = 0;
}

export class PyBaseExc extends PyInstance {
  args: PyObject[] = [];
  tb: TbEntry[] = [];
  cause: PyObject | null = null;
  context: PyObject | null = null;
  suppressContext: boolean = false;
}

/** An int. An exact int that fits the machine range (|v| < 2^53) is this class alone: three
 * words (header, class, v), the size class of a float box, where a fourth word for digits
 * that nearly every int leaves null made every int box a third bigger. */
export class PyInt extends PyObject {
  v: int;
  constructor(cls: PyType, v: int) {
    super(cls);
    this.v = v;
  }
}
/** An int that may be outside the machine range: big holds its digits (v is 0), or null when
 * v holds the value (instances of int subclasses, which are PyIntSub). */
export class PyBigInt extends PyInt {
  big: BigNum | null;
  constructor(cls: PyType, v: int, big: BigNum | null) {
    super(cls, v);
    this.big = big;
  }
}
/** An instance of a Python subclass of int: it may carry attributes (enum members do). */
export class PyIntSub extends PyBigInt {
  attrs: PyDict | null = null;
}
/** The digits of an int outside the machine range, or null when o.v holds its value. */
export function bigOf(o: PyInt): BigNum | null {
  return o instanceof PyBigInt ? o.big : null;
}
export class PyFloat extends PyObject {
  v: float;
  constructor(cls: PyType, v: float) {
    super(cls);
    this.v = v;
  }
}
/** An instance of a Python subclass of float: a float with attributes (an enum member's _value_
 * and _name_, ...), as PyIntSub is for int; exact floats carry no dict. */
export class PyFloatSub extends PyFloat {
  attrs: PyDict | null = null;
}
export class PyStr extends PyObject {
  s: string;
  hash: int = -1;
  /** number of code points, -1 when not yet computed */
  ncp: int = -1;
  constructor(cls: PyType, s: string) {
    super(cls);
    this.s = s;
  }
}
/** an instance of a str subclass, which may carry attributes (enum's StrEnum members) */
export class PyStrSub extends PyStr {
  attrs: PyDict | null = null;
}
export class PyBytes extends PyObject {
  b: int[];
  constructor(cls: PyType, b: int[]) {
    super(cls);
    this.b = b;
  }
}
/** an instance of a Python subclass of bytes or bytearray, which may carry attributes */
export class PyBytesSub extends PyBytes {
  attrs: PyDict | null = null;
}
export class PyList extends PyObject {
  items: PyObject[];
  attrs: PyDict | null = null;
  constructor(cls: PyType, items: PyObject[]) {
    super(cls);
    this.items = items;
  }
}
export class PyTuple extends PyObject {
  items: PyObject[];
  constructor(cls: PyType, items: PyObject[]) {
    super(cls);
    this.items = items;
  }
}
/** an instance of a Python subclass of tuple, which may carry attributes (codecs.CodecInfo) */
export class PyTupleSub extends PyTuple {
  attrs: PyDict | null = null;
}
export class PyDict extends PyObject {
  keys: (PyObject | null)[] = [];
  vals: (PyObject | null)[] = [];
  hashes: int[] = [];
  index: int[] = [];
  used: int = 0;
  /** index slots in use, by live entries or by deleted ones (-2) */
  fill: int = 0;
  /** bumped whenever a key is added or removed (not when a value is replaced): inline caches
   * of global lookups remember entry numbers under one version */
  ver: int = 0;
  attrs: PyDict | null = null;
  /** the instance whose `__dict__` this is: writes go through to its attributes, so
   * `obj.__dict__.update(...)` (copy, pickle, many __init__s) changes obj */
  owner: PyInstance | null = null;
  constructor(cls: PyType) {
    super(cls);
    for (let i = 0; i < 8; i++) this.index.push(-1);
  }
}
export class PySet extends PyObject {
  table: PyDict;
  /** the attributes of an instance of a Python subclass of set or frozenset */
  attrs: PyDict | null = null;
  /** a frozenset's hash once computed (-1: not yet), as CPython's so->hash: a frozenset cannot
   * change, and nested frozensets would otherwise be hashed again at every level */
  hash: int = -1;
  constructor(cls: PyType, table: PyDict) {
    super(cls);
    this.table = table;
  }
}
export class PyNoneType extends PyObject {}
export class PyRange extends PyObject {
  start: int;
  stop: int;
  step: int;
  constructor(cls: PyType, start: int, stop: int, step: int) {
    super(cls);
    this.start = start;
    this.stop = stop;
    this.step = step;
  }
}
/** `X | Y` of types: types.UnionType */
export class PyUnion extends PyObject {
  args: PyObject[];
  constructor(cls: PyType, args: PyObject[]) {
    super(cls);
    this.args = args;
  }
}
export class PySlice extends PyObject {
  start: PyObject;
  stop: PyObject;
  step: PyObject;
  constructor(cls: PyType, start: PyObject, stop: PyObject, step: PyObject) {
    super(cls);
    this.start = start;
    this.stop = stop;
    this.step = step;
  }
}
/** An object of a type that a builtin module (vm/modules/) defines: the runtime reaches its
 * behaviour through these virtual methods, so this file needs no import of the modules. */
export class PyNative extends PyObject {
  /** the attributes of an instance of a Python subclass (L_NATIVE) */
  attrs: PyDict | null = null;
  /** Whether it is an iterator (iter() returns it, next() calls nativeNext). */
  isIterator(): boolean {
    return false;
  }
  /** The next item (null: exhausted); called only when isIterator(). */
  nativeNext(): PyObject | null {
    return null;
  }
  /** Its repr, or '' for the default `<module.type object at ...>`. */
  nativeRepr(): string {
    return '';
  }
  /** o[k], or null when it is not subscriptable. */
  nativeGetItem(k: PyObject): PyObject | null {
    return null;
  }
  /** len(o), or -1 when it has none. */
  nativeLen(): int {
    return -1;
  }
  /** Whether it equals other: 1, 0, or -1 when it does not compare (identity decides). */
  nativeEq(other: PyObject): int {
    return -1;
  }
  /** hash(o) for a type whose equality is by value, or -1 for the identity hash. */
  nativeHash(): int {
    return -1;
  }
  /** Its str(), or null when that is its repr. */
  nativeStr(): string | null {
    return null;
  }
  /** Whether x is in it: 1, 0, or -1 when `in` iterates it instead. */
  nativeContains(x: PyObject): int {
    return -1;
  }
}
/** Where the bytes of an exporter are: arr[off .. off + len), one contiguous run
 * (vm/builtins/buffer.ts is the protocol; this is here so that exporters can extend it). */
export class BufRef {
  arr: int[];
  off: int;
  /** number of bytes */
  len: int;
  readonly: boolean;
  constructor(arr: int[], off: int, len: int, readonly: boolean) {
    this.arr = arr;
    this.off = off;
    this.len = len;
    this.readonly = readonly;
  }
}

/** An exporter other than bytes and bytearray (memoryview, array.array). */
export class PyBufferObject extends PyNative {
  /** its bytes as one contiguous run: the shared array when it is contiguous, else a copy
   * (readonly then, since writes would be lost) */
  bufRef(): BufRef {
    return new BufRef([], 0, 0, true);
  }
  /** the struct format of its items ('B' for raw bytes) */
  bufFormat(): string {
    return 'B';
  }
}

export class PyCell extends PyObject {
  ref: PyObject | null;
  constructor(cls: PyType, ref: PyObject | null) {
    super(cls);
    this.ref = ref;
  }
}
export class PyModule extends PyObject {
  name: string;
  dict: PyDict;
  constructor(cls: PyType, name: string, dict: PyDict) {
    super(cls);
    this.name = name;
    this.dict = dict;
  }
}
export class PyBoundMethod extends PyObject {
  fn: PyObject;
  self: PyObject;
  constructor(cls: PyType, fn: PyObject, self: PyObject) {
    super(cls);
    this.fn = fn;
    this.self = self;
  }
}
/** A builtin function or method: dispatched by id in vm/builtins/dispatch.ts. */
export class PyBuiltin extends PyObject {
  name: string;
  id: int;
  /** bound self (for methods taken from an instance), or null */
  self: PyObject | null;
  /** true when stored in a type dict: binds self on attribute access */
  isMethod: boolean;
  /** the type whose dict holds this method (for the error of a call without self) */
  owner: PyType | null = null;
  data: PyObject | null = null;
  /** the module a module-level function belongs to ('' for methods): its __module__, and what
   * pickle names it by */
  module: string = '';
  constructor(cls: PyType, name: string, id: int, self: PyObject | null, isMethod: boolean) {
    super(cls);
    this.name = name;
    this.id = id;
    this.self = self;
    this.isMethod = isMethod;
  }
}
export class PyProperty extends PyObject {
  fget: PyObject | null;
  fset: PyObject | null;
  fdel: PyObject | null;
  doc: PyObject | null = null;
  /** given by __set_name__ (the class statement), for its errors */
  name: PyObject | null = null;
  /** doc was the getter's docstring (a new getter's replaces it) */
  getterDoc: boolean = false;
  /** the attributes of an instance of a subclass (its __doc__ among them) */
  attrs: PyDict | null = null;
  constructor(cls: PyType, fget: PyObject | null, fset: PyObject | null, fdel: PyObject | null) {
    super(cls);
    this.fget = fget;
    this.fset = fset;
    this.fdel = fdel;
  }
}
export class PyStaticMethod extends PyObject {
  fn: PyObject;
  /** its __dict__: the wrapped callable's __module__, __name__, __qualname__, __doc__ and
   * __annotations__ when made by calling the type, then what a program sets (null: none yet) */
  attrs: PyDict | null = null;
  constructor(cls: PyType, fn: PyObject) {
    super(cls);
    this.fn = fn;
  }
}
export class PyClassMethod extends PyObject {
  fn: PyObject;
  /** its __dict__: the wrapped callable's __module__, __name__, __qualname__, __doc__ and
   * __annotations__ when made by calling the type, then what a program sets (null: none yet) */
  attrs: PyDict | null = null;
  constructor(cls: PyType, fn: PyObject) {
    super(cls);
    this.fn = fn;
  }
}
export class PySuper extends PyObject {
  thisType: PyType;
  obj: PyObject;
  objType: PyType;
  constructor(cls: PyType, thisType: PyType, obj: PyObject, objType: PyType) {
    super(cls);
    this.thisType = thisType;
    this.obj = obj;
    this.objType = objType;
  }
}
/** Iterators over builtin containers; kind says which. */
class NoIters {
  items: PyObject[] = [];
}
/** The sub-iterators of an iterator without any (all but zip and map): one shared empty list,
 * never pushed to (zip and map assign theirs). */
const NO_ITERS = new NoIters();
export class PySeqIter extends PyObject {
  /** the attributes of an instance of a Python subclass of enumerate (L_NATIVE) */
  attrs: PyDict | null = null;
  kind: int;
  seq: PyObject;
  i: int = 0;
  n: int = 0;
  step: int = 1;
  arr: PyObject[] | null = null;
  fn: PyObject | null = null;
  fn2: PyObject | null = null;
  its: PyObject[] = NO_ITERS.items;
  done: boolean = false;
  /** dict iterators: the entries still to come (CPython's di_len); one more found is a key that
   * was deleted and added again behind the iterator */
  left: int = 0;
  constructor(cls: PyType, kind: int, seq: PyObject) {
    super(cls);
    this.kind = kind;
    this.seq = seq;
  }
}
/** A Python exception travelling through the host stack. */
export class PyExc extends Error {
  exc: PyBaseExc;
  constructor(exc: PyBaseExc) {
    super('python exception');
    this.exc = exc;
  }
}
/** Raised by sys.exit path after SystemExit is uncaught; carries status. */
export class ExitSignal extends Error {
  status: int;
  constructor(status: int) {
    super('exit');
    this.status = status;
  }
}

// ---- type objects ----
function mkType(name: string, base: PyType | null, layout: int): PyType {
  const t = new PyType(null, name);
  if (base !== null) t.bases.push(base);
  t.layout = layout;
  t.isBuiltin = true;
  return t;
}

export const typeType = mkType('type', null, L_TYPE);
typeType.cls = typeType;
export const objectType = mkType('object', null, L_OBJECT);
objectType.cls = typeType;
typeType.bases.push(objectType);

export class TypeTable {
  all: PyType[] = [];
}
export const TYPES = new TypeTable();

function bt(name: string, base: PyType, layout: int): PyType {
  const t = mkType(name, base, layout);
  t.cls = typeType;
  TYPES.all.push(t);
  return t;
}
/** A builtin type whose only base is object, made outside this file (a builtin module's deque,
 * builtins' mappingproxy): layout L_NONE unless its instances are ordinary objects. */
export function newBuiltinType(name: string, layout: int = L_NONE, module: string = 'builtins'): PyType {
  const t = new PyType(typeType, name);
  t.bases.push(objectType);
  t.mro = [t, objectType];
  t.layout = layout;
  t.isBuiltin = true;
  t.module = module;
  return t;
}
export const intType = bt('int', objectType, L_INT);
export const boolType = bt('bool', intType, L_NONE);
export const floatType = bt('float', objectType, L_FLOAT);
export const complexType = bt('complex', objectType, L_COMPLEX);
export const strType = bt('str', objectType, L_STR);
export const bytesType = bt('bytes', objectType, L_BYTES);
export const listType = bt('list', objectType, L_LIST);
export const tupleType = bt('tuple', objectType, L_TUPLE);
export const dictType = bt('dict', objectType, L_DICT);
export const setType = bt('set', objectType, L_SET);
export const frozensetType = bt('frozenset', objectType, L_SET);
export const noneType = bt('NoneType', objectType, L_NONE);
export const notImplType = bt('NotImplementedType', objectType, L_NONE);
export const ellipsisType = bt('ellipsis', objectType, L_NONE);
export const rangeType = bt('range', objectType, L_NONE);
export const sliceType = bt('slice', objectType, L_NONE);
export const unionType = bt('UnionType', objectType, L_NONE);
unionType.module = 'types';
export const cellType = bt('cell', objectType, L_NONE);
export const moduleType = bt('module', objectType, L_NONE);
export const functionType = bt('function', objectType, L_NONE);
export const methodType = bt('method', objectType, L_NONE);
export const builtinType = bt('builtin_function_or_method', objectType, L_NONE);
export const propertyType = bt('property', objectType, L_PROPERTY);
export const staticmethodType = bt('staticmethod', objectType, L_STATICMETHOD);
export const classmethodType = bt('classmethod', objectType, L_CLASSMETHOD);
export const superType = bt('super', objectType, L_NONE);
export const iterType = bt('iterator', objectType, L_NONE);
export const longrangeIterType = bt('longrange_iterator', objectType, L_NONE);
export const generatorType = bt('generator', objectType, L_NONE);
export const coroutineType = bt('coroutine', objectType, L_NONE);
export const asyncGeneratorType = bt('async_generator', objectType, L_NONE);
/** what coroutine.__await__() returns */
export const coroWrapperType = bt('coroutine_wrapper', objectType, L_NONE);
export const asyncGenASendType = bt('async_generator_asend', objectType, L_NONE);
export const asyncGenAThrowType = bt('async_generator_athrow', objectType, L_NONE);
export const codeType = bt('code', objectType, L_NONE);
export const frameType = bt('frame', objectType, L_NONE);
export const getsetDescrType = bt('getset_descriptor', objectType, L_NONE);
export const memberDescrType = bt('member_descriptor', objectType, L_NONE);
export const tracebackType = bt('traceback', objectType, L_NONE);
export const enumerateType = bt('enumerate', objectType, L_NATIVE);
export const zipType = bt('zip', objectType, L_NONE);
export const mapType = bt('map', objectType, L_NONE);
export const filterType = bt('filter', objectType, L_NONE);
export const reversedType = bt('reversed', objectType, L_NONE);
export const dictKeysType = bt('dict_keys', objectType, L_NONE);
export const dictValuesType = bt('dict_values', objectType, L_NONE);
export const dictItemsType = bt('dict_items', objectType, L_NONE);
TYPES.all.push(typeType);
TYPES.all.push(objectType);

export const None = new PyNoneType(noneType);
export const NotImplemented = new PyNoneType(notImplType);
export const Ellipsis = new PyNoneType(ellipsisType);
/** Marks an empty stack slot for method calls (CPython's NULL). */
export const NULL_OBJ = new PyNoneType(noneType);
export const True = new PyInt(boolType, 1);
export const False = new PyInt(boolType, 0);

// ---- exception hierarchy ----
export class ExcTypes {
  byName: Map<string, PyType> = new Map<string, PyType>();
}
export const EXC = new ExcTypes();
function et(name: string, base: PyType | null): PyType {
  const t = mkType(name, base === null ? objectType : base, L_EXC);
  t.cls = typeType;
  TYPES.all.push(t);
  EXC.byName.set(name, t);
  return t;
}
export const BaseException = et('BaseException', null);
export const SystemExit = et('SystemExit', BaseException);
export const KeyboardInterrupt = et('KeyboardInterrupt', BaseException);
export const GeneratorExit = et('GeneratorExit', BaseException);
export const Exception = et('Exception', BaseException);
export const StopIteration = et('StopIteration', Exception);
export const ArithmeticError = et('ArithmeticError', Exception);
export const FloatingPointError = et('FloatingPointError', ArithmeticError);
export const OverflowErrorT = et('OverflowError', ArithmeticError);
export const ZeroDivisionErrorT = et('ZeroDivisionError', ArithmeticError);
export const AssertionError = et('AssertionError', Exception);
export const AttributeError = et('AttributeError', Exception);
export const BufferError = et('BufferError', Exception);
export const EOFError = et('EOFError', Exception);
export const ImportError = et('ImportError', Exception);
export const ModuleNotFoundError = et('ModuleNotFoundError', ImportError);
export const LookupError = et('LookupError', Exception);
export const IndexError = et('IndexError', LookupError);
export const KeyError = et('KeyError', LookupError);
export const MemoryError = et('MemoryError', Exception);
export const NameError = et('NameError', Exception);
export const UnboundLocalError = et('UnboundLocalError', NameError);
export const OSError = et('OSError', Exception);
export const FileNotFoundError = et('FileNotFoundError', OSError);
export const FileExistsError = et('FileExistsError', OSError);
export const PermissionError = et('PermissionError', OSError);
export const IsADirectoryError = et('IsADirectoryError', OSError);
export const ConnectionError = et('ConnectionError', OSError);
export const BrokenPipeError = et('BrokenPipeError', ConnectionError);
export const ConnectionAbortedError = et('ConnectionAbortedError', ConnectionError);
export const ConnectionRefusedError = et('ConnectionRefusedError', ConnectionError);
export const ConnectionResetError = et('ConnectionResetError', ConnectionError);
export const NotADirectoryError = et('NotADirectoryError', OSError);
export const InterruptedError = et('InterruptedError', OSError);
export const BlockingIOError = et('BlockingIOError', OSError);
export const ChildProcessError = et('ChildProcessError', OSError);
export const ProcessLookupError = et('ProcessLookupError', OSError);
export const TimeoutError = et('TimeoutError', OSError);
export const ReferenceError = et('ReferenceError', Exception);
export const RuntimeError = et('RuntimeError', Exception);
export const NotImplementedError = et('NotImplementedError', RuntimeError);
export const RecursionError = et('RecursionError', RuntimeError);
export const SyntaxError = et('SyntaxError', Exception);
export const IndentationError = et('IndentationError', SyntaxError);
export const TabError = et('TabError', IndentationError);
export const SystemError = et('SystemError', Exception);
export const TypeError = et('TypeError', Exception);
export const ValueError = et('ValueError', Exception);
export const UnicodeError = et('UnicodeError', ValueError);
export const UnicodeDecodeError = et('UnicodeDecodeError', UnicodeError);
export const UnicodeEncodeError = et('UnicodeEncodeError', UnicodeError);
export const UnicodeTranslateError = et('UnicodeTranslateError', UnicodeError);
export const Warning = et('Warning', Exception);
export const UserWarning = et('UserWarning', Warning);
export const DeprecationWarning = et('DeprecationWarning', Warning);
export const RuntimeWarning = et('RuntimeWarning', Warning);
export const PendingDeprecationWarning = et('PendingDeprecationWarning', Warning);
export const SyntaxWarning = et('SyntaxWarning', Warning);
export const FutureWarning = et('FutureWarning', Warning);
export const ImportWarning = et('ImportWarning', Warning);
export const UnicodeWarning = et('UnicodeWarning', Warning);
export const BytesWarning = et('BytesWarning', Warning);
export const ResourceWarning = et('ResourceWarning', Warning);
export const EncodingWarning = et('EncodingWarning', Warning);
export const StopAsyncIteration = et('StopAsyncIteration', Exception);

// ---- small constructors ----
export class SmallInts {
  cache: PyInt[] = [];
}
export const SMALL = new SmallInts();
for (let i = -5; i <= 256; i++) SMALL.cache.push(new PyInt(intType, i));

export function newInt(v: int): PyInt {
  if (v >= -5 && v <= 256) return SMALL.cache[v + 5];
  return new PyInt(intType, v);
}
/** The one-character strings of the Latin-1 range, shared as in CPython. */
export class CharTable {
  chars: PyStr[] = [];
}
export const CHARS = new CharTable();
for (let i = 0; i < 256; i++) CHARS.chars.push(new PyStr(strType, String.fromCharCode(i)));
/** The str of one UTF-16 code unit c (not a surrogate half). */
export function charStr(c: int): PyStr {
  if (c < 256) return CHARS.chars[c];
  return new PyStr(strType, String.fromCharCode(c));
}
export function newFloat(v: float): PyFloat {
  return new PyFloat(floatType, v);
}
export function newStr(s: string): PyStr {
  return new PyStr(strType, s);
}
export function newBool(b: boolean): PyInt {
  return b ? True : False;
}
export function newList(items: PyObject[]): PyList {
  return new PyList(listType, items);
}
export function newTuple(items: PyObject[]): PyTuple {
  return new PyTuple(tupleType, items);
}
export function newDict(): PyDict {
  return new PyDict(dictType);
}
export function newExc(t: PyType, msg: string): PyBaseExc {
  const e = new PyBaseExc(t);
  e.args.push(newStr(msg));
  return e;
}
/** Builds a PyExc to throw: `throw raise(TypeError, 'msg')`. */
export function raise(t: PyType, msg: string): PyExc {
  return new PyExc(newExc(t, msg));
}
export const EMPTY_TUPLE = new PyTuple(tupleType, []);
