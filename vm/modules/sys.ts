// The sys module.
import type { int, float } from '../../translate/rlib/index.ts';
import { tracebackOf, getFrame } from '../interpreter/traceback.ts';
import { PyObject, PyModule, PyBuiltin, PyBaseExc, PyExc, PyInt, PyStr, newStr, newInt, newFloat, newTuple, newList, newDict, raise, None, False, SystemExit, ValueError, TypeError, intType, newBool, PyBigInt } from '../objects/core.ts';
import { dictGetS, dictSetS } from '../objects/dict.ts';
import { VM, topExc } from '../interpreter/state.ts';
import { B, FAM_SYS, FAM_INTDIGITS } from '../builtins/ids.ts';
import { DEFAULT_MAX_STR_DIGITS, MAX_STR_DIGITS_THRESHOLD } from '../objects/intdigits.ts';
import { npos, unhandledBuiltin } from '../builtins/args.ts';
import { toIntIndex, typeName, str, repr } from '../interpreter/runtime.ts';
import { toFloatValue } from '../builtins/dispatch.ts';
import { newBuiltinModule, addFn, BUILTIN_MODULE_NAMES } from './registry.ts';
import { bigFromDecimal } from '../objects/bigint.ts';
import { STARTUP, isWindows, F_DONT_WRITE_BYTECODE } from '../startup.ts';
import { stdStream, STD } from './io.ts';
import { structSeqType, PyStructSeq } from './structseq.ts';
import { intPow, intSub } from '../objects/intops.ts';
import { hostBigEndian } from '../objects/byteorder.ts';
import { callObj } from '../interpreter/runtime.ts';
import { writeSysStderr, exceptionText } from '../report.ts';
import { addAsyncgenHooks } from './asyncgenhooks.ts';
import { addSysHooks } from './syshooks.ts';
import { addBreakpointHook } from './breakpoint.ts';

/** sys.float_info: IEEE 754 binary64, what every target's double is. */
/** sys.hash_info: CPython's 64-bit values. pyvm's hash of an int below the modulus is the int,
 * as CPython's, so fractions and decimal hash such numbers alike; big ints and non-integral
 * floats are hashed differently from CPython (vm/interpreter/runtime.ts pyHash). */
const HASH_INFO = structSeqType('sys', 'hash_info', ['width', 'modulus', 'inf', 'nan', 'imag', 'algorithm', 'hash_bits', 'seed_bits', 'cutoff'], 9, []);
/** sys.int_info: CPython's digit layout; default_max_str_digits is 0 because pyvm puts no limit
 * on int/str conversions (CPython 3.11's default is 4300; 0 is its "no limit"). */
const INT_INFO = structSeqType('sys', 'int_info', ['bits_per_digit', 'sizeof_digit', 'default_max_str_digits', 'str_digits_check_threshold'], 4, []);
const FLOAT_INFO = structSeqType('sys', 'float_info', ['max', 'max_exp', 'max_10_exp', 'min', 'min_exp', 'min_10_exp', 'dig', 'mant_dig', 'epsilon', 'radix', 'rounds'], 11, []);

/** what sys.unraisablehook receives */
const UNRAISABLE_ARGS = structSeqType('sys', 'UnraisableHookArgs', ['exc_type', 'exc_value', 'exc_traceback', 'err_msg', 'object'], 5, []);

class SysState {
  /** sys.addaudithook's hooks, called by sys.audit in order */
  auditHooks: PyObject[] = [];
  switchInterval: float = 0.005;
}
const SYS = new SysState();

export function makeSys(): PyModule {
  const m = newBuiltinModule('sys');
  const d = m.dict;
  addAsyncgenHooks(m);
  addSysHooks(m);
  addBreakpointHook(m);
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
  // in the shape platform._sys_version parses: 'version (build) [compiler]'
  dictSetS(d, 'version', newStr('3.11.7 (pyvm 0.1.0) [pyvm]'));
  dictSetS(d, 'version_info', newTuple([newInt(3), newInt(11), newInt(7), newStr('final'), newInt(0)]));
  dictSetS(d, 'platform', newStr(isWindows() ? 'win32' : 'linux'));
  // the library folder name under prefix (sysconfig and test.support read it); 'lib' on Debian
  dictSetS(d, 'platlibdir', newStr('lib'));
  // the ABI flags of the build ('' for CPython 3.11's default build; test.support reads it)
  dictSetS(d, 'abiflags', newStr(''));
  dictSetS(d, 'byteorder', newStr(hostBigEndian() ? 'big' : 'little'));
  dictSetS(d, 'hexversion', newInt(0x30b07f0));
  dictSetS(d, 'api_version', newInt(1013));
  dictSetS(d, 'maxunicode', newInt(0x10ffff));
  dictSetS(d, 'float_repr_style', newStr('short'));
  dictSetS(d, 'float_info', new PyStructSeq(FLOAT_INFO, [
    newFloat(1.7976931348623157e308), newInt(1024), newInt(308), newFloat(2.2250738585072014e-308), newInt(-1021), newInt(-307),
    newInt(15), newInt(53), newFloat(2.220446049250313e-16), newInt(2), newInt(1),
  ]));
  dictSetS(d, 'hash_info', new PyStructSeq(HASH_INFO, [
    newInt(64), intSub(intPow(newInt(2), newInt(61)), newInt(1)), newInt(314159), newInt(0), newInt(1000003), newStr('siphash13'), newInt(64), newInt(128), newInt(0),
  ]));
  dictSetS(d, 'int_info', new PyStructSeq(INT_INFO, [newInt(30), newInt(4), newInt(DEFAULT_MAX_STR_DIGITS), newInt(MAX_STR_DIGITS_THRESHOLD)]));
  SYS.auditHooks = [];
  SYS.switchInterval = 0.005;
  addFn(m, 'excepthook', B.SYS_EXCEPTHOOK, FAM_SYS);
  dictSetS(d, '__excepthook__', dictGetS(d, 'excepthook') as PyObject);
  addFn(m, 'unraisablehook', B.SYS_UNRAISABLEHOOK, FAM_SYS);
  dictSetS(d, '__unraisablehook__', dictGetS(d, 'unraisablehook') as PyObject);
  addFn(m, 'audit', B.SYS_AUDIT, FAM_SYS);
  addFn(m, 'addaudithook', B.SYS_ADDAUDITHOOK, FAM_SYS);
  addFn(m, 'getdefaultencoding', B.SYS_GETDEFAULTENCODING, FAM_SYS);
  addFn(m, 'getswitchinterval', B.SYS_GETSWITCHINTERVAL, FAM_SYS);
  addFn(m, 'setswitchinterval', B.SYS_SETSWITCHINTERVAL, FAM_SYS);
  addFn(m, 'is_finalizing', B.SYS_IS_FINALIZING, FAM_SYS);
  // the command line's decisions (vm/startup.ts)
  dictSetS(d, 'executable', newStr(STARTUP.executable));
  for (const k of ['prefix', 'exec_prefix', 'base_prefix', 'base_exec_prefix']) dictSetS(d, k, newStr(STARTUP.prefix));
  dictSetS(d, 'implementation', STARTUP.implementation ?? None);
  dictSetS(d, 'flags', STARTUP.flagsObj ?? None);
  dictSetS(d, 'dont_write_bytecode', newBool(STARTUP.flags[F_DONT_WRITE_BYTECODE] !== 0));
  dictSetS(d, 'maxsize', new PyBigInt(intType, 0, bigFromDecimal('9223372036854775807', false)));
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
  addFn(m, 'get_int_max_str_digits', B.SYS_GET_INT_MAX_STR_DIGITS, FAM_INTDIGITS);
  addFn(m, 'set_int_max_str_digits', B.SYS_SET_INT_MAX_STR_DIGITS, FAM_INTDIGITS);
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
      const e = topExc();
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
    case B.SYS_EXCEPTHOOK: {
      if (n !== 3) throw raise(TypeError, `excepthook expected 3 arguments, got ${n}`);
      const v = args[1];
      if (!(v instanceof PyBaseExc)) throw raise(TypeError, 'print_exception(): Exception expected for value, ' + typeName(v) + ' found');
      writeSysStderr(exceptionText(v));
      return None;
    }
    case B.SYS_UNRAISABLEHOOK: {
      if (n !== 1) throw raise(TypeError, `unraisablehook() takes exactly one argument (${n} given)`);
      const a = args[0];
      if (!(a instanceof PyStructSeq) || a.st !== UNRAISABLE_ARGS) throw raise(TypeError, 'sys.unraisablehook argument type must be UnraisableHookArgs');
      writeSysStderr(unraisableText(a.values[1], a.values[3], a.values[4]));
      return None;
    }
    case B.SYS_AUDIT: {
      if (n < 1) throw raise(TypeError, 'audit() missing 1 required positional argument: \'event\'');
      if (!(args[0] instanceof PyStr)) throw raise(TypeError, `expected str for argument 'event', not ${typeName(args[0])}`);
      if (SYS.auditHooks.length === 0) return None;
      const evArgs = newTuple(args.slice(1, n));
      for (const h of SYS.auditHooks.slice(0)) callObj(h, [args[0], evArgs], null);
      return None;
    }
    case B.SYS_ADDAUDITHOOK: {
      if (n !== 1) throw raise(TypeError, `addaudithook() takes exactly one argument (${n} given)`);
      // as CPython: the hooks already there hear of the new one, and may refuse it
      for (const h of SYS.auditHooks.slice(0)) callObj(h, [newStr('sys.addaudithook'), newTuple([])], null);
      SYS.auditHooks.push(args[0]);
      return None;
    }
    case B.SYS_GETDEFAULTENCODING:
      return newStr('utf-8');
    case B.SYS_GETSWITCHINTERVAL:
      return newFloat(SYS.switchInterval);
    case B.SYS_SETSWITCHINTERVAL: {
      if (n !== 1) throw raise(TypeError, `setswitchinterval() takes exactly one argument (${n} given)`);
      const v = toFloatValue(args[0]);
      if (v <= 0.0) throw raise(ValueError, 'switch interval must be strictly positive');
      // one thread: nothing to switch to, but the value reads back as CPython's does
      SYS.switchInterval = v;
      return None;
    }
    case B.SYS_IS_FINALIZING:
      return False;
  }
  throw unhandledBuiltin('sys function', id);
}

/** CPython's default report of an exception nothing can catch: "<err_msg>: <repr(object)>"
 * then the traceback. */
function unraisableText(exc: PyObject, msg: PyObject, obj: PyObject): string {
  const head = msg === None ? 'Exception ignored in' : str(msg);
  let out = obj === None ? head + '\n' : `${head}: ${repr(obj)}\n`;
  if (exc instanceof PyBaseExc) out += exceptionText(exc);
  return out;
}
/** Reports an exception raised where nothing can catch it (an atexit callback...) through
 * sys.unraisablehook, as CPython's PyErr_WriteUnraisable (msg null: the default, as for
 * finalizers, whose hook sees err_msg None). */
export function writeUnraisable(e: PyBaseExc, msg: string | null, obj: PyObject): void {
  const sys = dictGetS(VM.modules, 'sys');
  const hook = sys instanceof PyModule ? dictGetS(sys.dict, 'unraisablehook') : null;
  const msgO = msg === null ? None : newStr(msg);
  if (hook === null || hook === None || (hook instanceof PyBuiltin && hook.id === B.SYS_UNRAISABLEHOOK)) {
    writeSysStderr(unraisableText(e, msgO, obj));
    return;
  }
  try {
    callObj(hook, [new PyStructSeq(UNRAISABLE_ARGS, [e.cls, e, tracebackOf(e), msgO, obj])], null);
  } catch (err) {
    if (!(err instanceof PyExc)) throw err;
    writeSysStderr(unraisableText(err.exc, newStr('Exception ignored in sys.unraisablehook'), hook));
  }
}
