// Built-in modules: creation by name (their functions are routed by callBuiltin in
// vm/builtins/dispatch.ts).
import type { int } from '../../translate/rlib/index.ts';
import { PyModule, PyType, moduleType, typeType, objectType, newDict, newStr, newBuiltinType, L_NONE } from '../objects/core.ts';
import { dictSetS } from '../objects/dict.ts';
import { VM } from '../interpreter/state.ts';
import { mkBuiltin } from '../builtins/args.ts';
import { makeSys } from './sys.ts';
import { makeMath } from './math.ts';
import { makeCmath } from './cmath.ts';
import { makeTime } from './time.ts';
import { makeRandom } from './random.ts';
import { makeErrno } from './errno.ts';
import { makeItertools } from './itertools.ts';
import { makePosix } from './posix.ts';
import { addPosixOsCalls } from './oscall.ts';
import { addFdOps } from './fdops.ts';
import { addPosixProc } from './posixproc.ts';
import { makeSocket, makeSelect, makePosixSubprocess } from './osmodules.ts';
import { makeSysconfigData } from './sysconfigdata.ts';
import { makeThread } from './thread.ts';
import { makeCollections } from './collections.ts';
import { makeBinascii } from './binascii.ts';
import { makeSre } from './sre/objects.ts';
import { makeString } from './string.ts';
import { makeStruct } from './struct.ts';
import { makeWeakref } from './weakref.ts';
import { makeGc } from './gc.ts';
import { makeIo } from './io.ts';
import { makeAbc } from './abc.ts';
import { makeHashModule } from './hashes.ts';
import { makeAtexit } from './atexit.ts';
import { makeContextvars } from './contextvars.ts';
import { makeCsv } from './csv.ts';
import { makeCodecs } from './codecs/module.ts';
import { makeImp } from './imp.ts';
import { makeWarnings } from './warnings.ts';
import { makeMarshal } from './marshal.ts';
import { makeAst } from './ast.ts';
import { makeJson } from './json.ts';
import { makeUnicodedata } from './unicodedata/module.ts';
import { makeSignal } from './signal.ts';
import { makeArray } from './array.ts';
import { makeHeapq } from './heapq.ts';
import { makeBisect } from './bisect.ts';
import { makeFunctools } from './functools.ts';
import { makeAsyncio } from './asyncio.ts';

export function newBuiltinModule(name: string): PyModule {
  const d = newDict();
  dictSetS(d, '__name__', newStr(name));
  return new PyModule(moduleType, name, d);
}
/** A type a builtin module defines (deque, DirEntry, lock, ...): a direct subclass of object;
 * layout L_NONE unless instances are ordinary objects (L_OBJECT). */
export function newModuleType(module: string, name: string, layout: int = L_NONE): PyType {
  return newBuiltinType(name, layout, module);
}
/** A class a builtin module defines whose instances are ordinary objects plus native state
 * (_io's classes, _asyncio's Future and Task): not isBuiltin, so its special methods are looked
 * up in the type as a Python class's are, and Python code may subclass it. */
export function newModuleClass(module: string, name: string, base: PyType | null): PyType {
  const t = new PyType(typeType, name);
  t.bases.push(base === null ? objectType : base);
  if (base !== null) base.subclasses.push(t);
  t.mro = [t];
  if (base !== null) for (const m of base.mro) t.mro.push(m);
  else t.mro.push(objectType);
  t.isBuiltin = false;
  t.module = module;
  return t;
}
export function addFn(m: PyModule, name: string, id: int, family: int): void {
  const b = mkBuiltin(name, id, false, family);
  b.module = m.name;
  dictSetS(m.dict, name, b);
}
/** The modules makeBuiltinModule makes (sys.builtin_module_names), sorted. */
export const BUILTIN_MODULE_NAMES: string[] = ['_abc', '_ast', '_asyncio', '_bisect', '_blake2', '_codecs', '_collections', '_contextvars', '_csv', '_functools', '_heapq', '_imp', '_io', '_json', '_md5', '_operator', '_posixsubprocess', '_random', '_sha1', '_sha256', '_sha3', '_sha512', '_signal', '_socket', '_sre', '_string', '_struct', '_sysconfigdata__', '_thread', '_warnings', '_weakref', 'array', 'atexit', 'binascii', 'builtins', 'cmath', 'errno', 'gc', 'itertools', 'marshal', 'math', 'posix', 'select', 'sys', 'time', 'unicodedata'];
export function makeBuiltinModule(name: string): PyModule | null {
  switch (name) {
    case 'builtins': {
      // the module is a view of the builtins every module sees
      dictSetS(VM.builtins, '__name__', newStr('builtins'));
      return new PyModule(moduleType, 'builtins', VM.builtins);
    }
    case 'sys':
      return makeSys();
    case 'math':
      return makeMath();
    case 'cmath':
      return makeCmath();
    case 'time':
      return makeTime();
    case '_random':
      return makeRandom();
    case 'builtins':
      // the module whose dict is every module's __builtins__
      return new PyModule(moduleType, 'builtins', VM.builtins);
    case 'errno':
      return makeErrno();
    case 'itertools':
      return makeItertools();
    case 'posix': {
      const m = makePosix();
      addPosixOsCalls(m);
      addFdOps(m);
      addPosixProc(m);
      return m;
    }
    case '_socket':
      return makeSocket();
    case 'select':
      return makeSelect();
    case '_posixsubprocess':
      return makePosixSubprocess();
    case '_sysconfigdata__':
      return makeSysconfigData();
    case '_thread':
      return makeThread();
    case '_collections':
      return makeCollections();
    case 'binascii':
      return makeBinascii();
    case '_sre':
      return makeSre();
    case '_string':
      return makeString();
    case '_struct':
      return makeStruct();
    case '_weakref':
      return makeWeakref();
    case 'gc':
      return makeGc();
    case '_heapq':
      return makeHeapq();
    case '_bisect':
      return makeBisect();
    case '_functools':
      return makeFunctools();
    case '_io':
      return makeIo();
    case '_abc':
      return makeAbc();
    case '_md5':
    case '_sha1':
    case '_sha256':
    case '_sha512':
    case '_sha3':
    case '_blake2':
    case '_operator':
      return makeHashModule(name);
    case 'atexit':
      return makeAtexit();
    case '_contextvars':
      return makeContextvars();
    case '_csv':
      return makeCsv();
    case '_codecs':
      return makeCodecs();
    case '_imp':
      return makeImp();
    case '_warnings':
      return makeWarnings();
    case 'marshal':
      return makeMarshal();
    case '_ast':
      return makeAst();
    case '_signal':
      return makeSignal();
    case 'unicodedata':
      return makeUnicodedata();
    case '_json':
      return makeJson();
    case 'array':
      return makeArray();
    case '_asyncio':
      return makeAsyncio();
  }
  return null;
}
