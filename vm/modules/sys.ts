// The sys module.
import type { int } from '../../translate/rlib/index.ts';
import { tracebackOf, getFrame } from '../interpreter/traceback.ts';
import { PyObject, PyModule, PyBaseExc, PyExc, PyInt, newStr, newInt, newTuple, newList, newDict, raise, None, SystemExit, ValueError, TypeError, intType, newBool } from '../objects/core.ts';
import { dictGetS, dictSetS } from '../objects/dict.ts';
import { VM } from '../interpreter/state.ts';
import { B, FAM_SYS } from '../builtins/ids.ts';
import { npos, unhandledBuiltin } from '../builtins/args.ts';
import { toIntIndex } from '../interpreter/runtime.ts';
import { newBuiltinModule, addFn, BUILTIN_MODULE_NAMES } from './registry.ts';
import { bigFromDecimal } from '../objects/bigint.ts';
import { STARTUP, isWindows } from '../startup.ts';
import { stdStream, STD } from './io.ts';

export function makeSys(): PyModule {
  const m = newBuiltinModule('sys');
  const d = m.dict;
  dictSetS(d, 'argv', VM.argv);
  dictSetS(d, 'path', VM.path);
  // -W and -X options: pyvm takes neither yet, so both are empty (what warnings and others read)
  dictSetS(d, 'warnoptions', newList([]));
  dictSetS(d, '_xoptions', newDict());
  dictSetS(d, 'modules', VM.modules);
  // importlib's hooks: _imp puts pyvm's finder first in meta_path when importlib loads
  dictSetS(d, 'meta_path', newList([]));
  dictSetS(d, 'path_hooks', newList([]));
  dictSetS(d, 'path_importer_cache', newDict());
  dictSetS(d, 'pycache_prefix', None);
  dictSetS(d, 'version', newStr('3.11.7 (pyvm 0.1.0)'));
  dictSetS(d, 'version_info', newTuple([newInt(3), newInt(11), newInt(7), newStr('final'), newInt(0)]));
  dictSetS(d, 'platform', newStr(isWindows() ? 'win32' : 'linux'));
  dictSetS(d, 'byteorder', newStr('little'));
  // the command line's decisions (vm/startup.ts)
  dictSetS(d, 'executable', newStr(STARTUP.executable));
  for (const k of ['prefix', 'exec_prefix', 'base_prefix', 'base_exec_prefix']) dictSetS(d, k, newStr(STARTUP.prefix));
  dictSetS(d, 'implementation', STARTUP.implementation ?? None);
  dictSetS(d, 'flags', STARTUP.flagsObj ?? None);
  dictSetS(d, 'dont_write_bytecode', newBool(true));
  dictSetS(d, 'maxsize', new PyInt(intType, 0, bigFromDecimal('9223372036854775807', false)));
  if (VM.stdout === null) VM.stdout = stdStream(1);
  if (VM.stderr === null) VM.stderr = stdStream(2);
  dictSetS(d, 'stdout', VM.stdout as PyObject);
  dictSetS(d, 'stderr', VM.stderr as PyObject);
  dictSetS(d, 'stdin', stdStream(0));
  dictSetS(d, '__stdin__', dictGetS(d, 'stdin') as PyObject);
  STD.sysDict = d;
  dictSetS(d, '__stdout__', VM.stdout as PyObject);
  dictSetS(d, '__stderr__', VM.stderr as PyObject);
  addFn(m, 'exit', B.SYS_EXIT, FAM_SYS);
  addFn(m, 'getrecursionlimit', B.SYS_GETRECURSIONLIMIT, FAM_SYS);
  addFn(m, 'setrecursionlimit', B.SYS_SETRECURSIONLIMIT, FAM_SYS);
  addFn(m, 'exc_info', B.SYS_EXC_INFO, FAM_SYS);
  addFn(m, '_getframe', B.SYS_GETFRAME, FAM_SYS);
  addFn(m, 'getsizeof', B.SYS_GETSIZEOF, FAM_SYS);
  addFn(m, 'intern', B.SYS_INTERN, FAM_SYS);
  const names: PyObject[] = [];
  for (const nm of BUILTIN_MODULE_NAMES) names.push(newStr(nm));
  dictSetS(d, 'builtin_module_names', newTuple(names));
  addFn(m, 'getfilesystemencoding', B.SYS_GETFILESYSTEMENCODING, FAM_SYS);
  addFn(m, 'getfilesystemencodeerrors', B.SYS_GETFILESYSTEMENCODEERRORS, FAM_SYS);
  return m;
}
export function callSys(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  switch (id) {
    case B.SYS_EXIT: {
      const e = new PyBaseExc(SystemExit);
      if (n > 0) e.args.push(args[0]);
      throw new PyExc(e);
    }
    case B.SYS_GETRECURSIONLIMIT:
      return newInt(VM.recursionLimit);
    case B.SYS_SETRECURSIONLIMIT: {
      const v = toIntIndex(args[0]);
      if (v < 1) throw raise(ValueError, 'recursion limit must be greater or equal than 1');
      VM.recursionLimit = v;
      return None;
    }
    case B.SYS_EXC_INFO: {
      const e = VM.curExc;
      if (e === null) return newTuple([None, None, None]);
      return newTuple([e.cls, e, tracebackOf(e)]);
    }
    case B.SYS_GETFRAME: {
      if (n > 1) throw raise(TypeError, `_getframe expected at most 1 argument, got ${n}`);
      return getFrame(n > 0 ? toIntIndex(args[0]) : 0);
    }
    case B.SYS_GETSIZEOF:
      return newInt(64);
    case B.SYS_INTERN:
      return args[0];
    case B.SYS_GETFILESYSTEMENCODING:
      return newStr('utf-8');
    case B.SYS_GETFILESYSTEMENCODEERRORS:
      return newStr('surrogateescape');
  }
  throw unhandledBuiltin('sys function', id);
}
