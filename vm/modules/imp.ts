// The _imp module: what importlib's bootstrap asks of the interpreter (is_builtin,
// create_builtin, the import lock, frozen modules: none, extension modules: none, since pyvm
// loads no C code). pyvm's own import system (vm/interpreter/importer.ts) stays the one that
// `import` uses; so that importlib.import_module, importlib.util.find_spec and reload reach
// it too, importing _imp puts a finder for it at the front of sys.meta_path (app-level code
// below), whose specs are importlib's ModuleSpecs.
import type { int } from '../../translate/rlib/index.ts';
import { moduleType, PyObject, PyModule, PyStr, newStr, newInt, newBool, newList, newTuple, raise, None, True, False, TypeError, ImportError, RuntimeError, PyExc, ModuleNotFoundError } from '../objects/core.ts';
import { dictGetS, dictSetS } from '../objects/dict.ts';
import { B, FAM_IMP } from '../builtins/ids.ts';
import { npos, arg, checkArgs, unhandledBuiltin, defMethod } from '../builtins/args.ts';
import { newBuiltinModule, addFn, BUILTIN_MODULE_NAMES, makeBuiltinModule } from './registry.ts';
import { runAppLevel } from './applevel.ts';
import { VM } from '../interpreter/state.ts';
import { getAttr, typeName } from '../interpreter/runtime.ts';
import { findModuleFile, loadModule, codeForFile, precompileFile } from '../interpreter/importer.ts';
import { runModuleCode } from '../interpreter/eval.ts';
import { PyCode } from '../compiler/code.ts';

// types.ModuleType(name, doc=None): module objects made by programs (importlib's module_from_spec
// for loaders without create_module, test helpers, subclasses such as importlib.util's
// _LazyModule)
defMethod(moduleType, '__init__', B.MODULE_INIT, FAM_IMP);

class ImportLock {
  /** how many times the (only) thread holds the import lock */
  depth: int = 0;
}
const LOCK = new ImportLock();

const IMP_SOURCE = String.raw`
import sys as _sys


class _PyvmFinder:
    """pyvm's import system (built-in modules and .py files on sys.path), as a meta path
    finder and loader."""

    _fresh = set()

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        where = _pyvm_locate(fullname)
        if where is None:
            return None
        from importlib._bootstrap import ModuleSpec
        if where == 'built-in':
            return ModuleSpec(fullname, cls, origin='built-in')
        is_pkg = where.endswith('/__init__.py')
        spec = ModuleSpec(fullname, cls, origin=where, is_package=is_pkg)
        if is_pkg:
            spec.submodule_search_locations = [where[:-12]]
        spec.has_location = True
        return spec

    @classmethod
    def create_module(cls, spec):
        module = _pyvm_load(spec.name)
        cls._fresh.add(id(module))
        return module

    @classmethod
    def exec_module(cls, module):
        # create_module ran the module already; a second exec is importlib.reload
        if id(module) in cls._fresh:
            cls._fresh.discard(id(module))
            return
        _pyvm_exec(module.__name__, module)

    @classmethod
    def is_package(cls, fullname):
        where = _pyvm_locate(fullname)
        return where is not None and where.endswith('/__init__.py')

    @classmethod
    def get_source(cls, fullname):
        where = _pyvm_locate(fullname)
        if where is None or where == 'built-in':
            return None
        with open(where, encoding='utf-8') as f:
            return f.read()


if _PyvmFinder not in _sys.meta_path:
    _sys.meta_path.insert(0, _PyvmFinder)
`;

export function makeImp(): PyModule {
  const m = newBuiltinModule('_imp');
  for (const n of ['lock_held', 'acquire_lock', 'release_lock', 'is_builtin', 'create_builtin', 'exec_builtin', 'is_frozen', 'is_frozen_package', 'find_frozen', 'get_frozen_object', 'init_frozen', '_frozen_module_names', '_override_frozen_modules_for_tests', '_fix_co_filename', 'extension_suffixes', 'create_dynamic', 'exec_dynamic', '_pyvm_locate', '_pyvm_load', '_pyvm_exec', '_pyvm_precompile']) {
    addFn(m, n, impId(n), FAM_IMP);
  }
  dictSetS(m.dict, 'check_hash_based_pycs', newStr('default'));
  runAppLevel(m, IMP_SOURCE, '_imp');
  return m;
}

function impId(n: string): int {
  switch (n) {
    case 'lock_held': return B.IMP_LOCK_HELD;
    case 'acquire_lock': return B.IMP_ACQUIRE_LOCK;
    case 'release_lock': return B.IMP_RELEASE_LOCK;
    case 'is_builtin': return B.IMP_IS_BUILTIN;
    case 'create_builtin': return B.IMP_CREATE_BUILTIN;
    case 'exec_builtin': return B.IMP_EXEC_BUILTIN;
    case 'is_frozen': return B.IMP_IS_FROZEN;
    case 'is_frozen_package': return B.IMP_IS_FROZEN_PACKAGE;
    case 'find_frozen': return B.IMP_FIND_FROZEN;
    case 'get_frozen_object': return B.IMP_GET_FROZEN_OBJECT;
    case 'init_frozen': return B.IMP_INIT_FROZEN;
    case '_frozen_module_names': return B.IMP_FROZEN_MODULE_NAMES;
    case '_override_frozen_modules_for_tests': return B.IMP_OVERRIDE_FROZEN;
    case '_fix_co_filename': return B.IMP_FIX_CO_FILENAME;
    case 'extension_suffixes': return B.IMP_EXTENSION_SUFFIXES;
    case 'create_dynamic': return B.IMP_CREATE_DYNAMIC;
    case 'exec_dynamic': return B.IMP_EXEC_DYNAMIC;
    case '_pyvm_locate': return B.IMP_PYVM_LOCATE;
    case '_pyvm_load': return B.IMP_PYVM_LOAD;
    case '_pyvm_precompile': return B.IMP_PYVM_PRECOMPILE;
  }
  return B.IMP_PYVM_EXEC;
}

function isBuiltinName(name: string): boolean {
  for (const n of BUILTIN_MODULE_NAMES) if (n === name) return true;
  return false;
}

function strArg(fn: string, o: PyObject): string {
  if (!(o instanceof PyStr)) throw raise(TypeError, `${fn}() argument must be str, not ${typeName(o)}`);
  return o.s;
}

function noFrozen(name: string): PyExc {
  return raise(ImportError, `No such frozen object named '${name}'`);
}

export function callImp(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  switch (id) {
    case B.MODULE_INIT: {
      const self = args[0];
      if (!(self instanceof PyModule)) throw raise(TypeError, `descriptor '__init__' requires a 'module' object but received a '${typeName(self)}'`);
      const nameObj = arg(args, kw, 1, 'name');
      if (nameObj === null) throw raise(TypeError, "module.__init__() missing required argument 'name' (pos 1)");
      if (n > 3) throw raise(TypeError, `module.__init__() takes at most 2 arguments (${n - 1} given)`);
      const name = strArg('module.__init__', nameObj);
      const doc = arg(args, kw, 2, 'doc');
      self.name = name;
      dictSetS(self.dict, '__name__', nameObj);
      dictSetS(self.dict, '__doc__', doc === null ? None : doc);
      dictSetS(self.dict, '__package__', None);
      dictSetS(self.dict, '__loader__', None);
      dictSetS(self.dict, '__spec__', None);
      return None;
    }
    case B.IMP_LOCK_HELD:
      checkArgs('lock_held', args, kw, 0, 0);
      return LOCK.depth > 0 ? True : False;
    case B.IMP_ACQUIRE_LOCK:
      checkArgs('acquire_lock', args, kw, 0, 0);
      LOCK.depth++;
      return None;
    case B.IMP_RELEASE_LOCK:
      checkArgs('release_lock', args, kw, 0, 0);
      if (LOCK.depth === 0) throw raise(RuntimeError, 'not holding the import lock');
      LOCK.depth--;
      return None;
    case B.IMP_IS_BUILTIN: {
      checkArgs('is_builtin', args, kw, 1, 1);
      const name = strArg('is_builtin', args[0]);
      if (!isBuiltinName(name)) return newInt(0);
      // as CPython: sys and builtins cannot be initialised a second time
      return newInt(name === 'sys' || name === 'builtins' ? -1 : 1);
    }
    case B.IMP_CREATE_BUILTIN: {
      checkArgs('create_builtin', args, kw, 1, 1);
      const nameObj = getAttr(args[0], 'name');
      const name = strArg('create_builtin', nameObj);
      const existing = dictGetS(VM.modules, name);
      if (existing !== null) return existing;
      if (!isBuiltinName(name)) return None;
      const mod = makeBuiltinModule(name);
      return mod === null ? None : mod;
    }
    case B.IMP_EXEC_BUILTIN:
    case B.IMP_EXEC_DYNAMIC:
      return newInt(0);
    case B.IMP_IS_FROZEN:
      checkArgs('is_frozen', args, kw, 1, 1);
      strArg('is_frozen', args[0]);
      return False;
    case B.IMP_IS_FROZEN_PACKAGE:
    case B.IMP_GET_FROZEN_OBJECT:
    case B.IMP_INIT_FROZEN: {
      if (n < 1) throw raise(TypeError, 'expected a module name');
      const name = strArg('frozen', args[0]);
      if (id === B.IMP_INIT_FROZEN) return None;
      throw noFrozen(name);
    }
    case B.IMP_FIND_FROZEN: {
      const a = arg(args, kw, 0, 'name');
      if (a === null) throw raise(TypeError, "find_frozen() missing required argument 'name' (pos 1)");
      strArg('find_frozen', a);
      return None;
    }
    case B.IMP_FROZEN_MODULE_NAMES:
      return newTuple([]);
    case B.IMP_OVERRIDE_FROZEN:
      return None;
    case B.IMP_FIX_CO_FILENAME: {
      checkArgs('_fix_co_filename', args, kw, 2, 2);
      const code = args[0];
      if (!(code instanceof PyCode)) throw raise(TypeError, `_fix_co_filename() argument 1 must be code, not ${typeName(code)}`);
      fixFilename(code, strArg('_fix_co_filename', args[1]));
      return None;
    }
    case B.IMP_EXTENSION_SUFFIXES:
      return newList([]);
    case B.IMP_CREATE_DYNAMIC: {
      const spec = arg(args, kw, 0, 'spec');
      const name = spec === null ? '?' : strArg('create_dynamic', getAttr(spec, 'name'));
      throw raise(ImportError, `pyvm cannot load extension module '${name}'`);
    }
    case B.IMP_PYVM_LOCATE: {
      const name = strArg('_pyvm_locate', args[0]);
      if (name.indexOf('.') < 0 && isBuiltinName(name)) return newStr('built-in');
      try {
        const path = findModuleFile(name);
        return path === '' ? None : newStr(path);
      } catch (e) {
        // a parent that is not a package: nothing to find here
        if (e instanceof PyExc && e.exc.cls === ModuleNotFoundError) return None;
        throw e;
      }
    }
    // _pyvm_precompile(path): writes path's __pycache__ file (the release build's precompiling
    // of the library, scripts/pyvm-precompile.py); False when it could not be written
    case B.IMP_PYVM_PRECOMPILE:
      return newBool(precompileFile(strArg('_pyvm_precompile', args[0])));
    case B.IMP_PYVM_LOAD:
      return loadModule(strArg('_pyvm_load', args[0]));
    case B.IMP_PYVM_EXEC: {
      const name = strArg('_pyvm_exec', args[0]);
      const mod = args[1];
      if (!(mod instanceof PyModule)) throw raise(TypeError, 'exec_module() needs a module');
      if (isBuiltinName(name)) return None;
      const path = findModuleFile(name);
      if (path === '') throw raise(ModuleNotFoundError, `No module named '${name}'`);
      const code = codeForFile(path);
      if (code === null) throw raise(ImportError, `cannot read ${path}`);
      runModuleCode(code, mod.dict);
      return None;
    }
  }
  throw unhandledBuiltin('_imp function', id);
}

function fixFilename(code: PyCode, path: string): void {
  const old = code.filename;
  if (old === path) return;
  code.filename = path;
  for (const c of code.consts) if (c instanceof PyCode && c.filename === old) fixFilename(c, path);
}
