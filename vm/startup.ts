// What the command line decides before a program runs: the flags (sys.flags), where the binary
// and its library are (sys.executable, sys.prefix, sys.path), and the namespace objects of
// sys (sys.implementation, sys.flags), whose classes are written in Python as CPython's
// SimpleNamespace and structseq behave.
import { CACHE_TAG } from './compiler/codecache.ts';
import type { int } from '../translate/rlib/index.ts';
import { os, execmem } from '../translate/rlib/index.ts';
import { PyObject, newStr, newInt, newBool, newTuple, newDict } from './objects/core.ts';
import { dictGetS, dictSetS } from './objects/dict.ts';
import { VM } from './interpreter/state.ts';
import { callObj } from './interpreter/runtime.ts';
import { runModuleCode } from './interpreter/eval.ts';
import { compileSource, IMPORT } from './interpreter/importer.ts';

/** pyvm's own version, as sys.implementation.version gives it */
export const PYVM_VERSION_INFO: int[] = [0, 1, 0];
/** the CPython version whose library and language pyvm follows */
export const PY_VERSION = '3.11.7';
/** the stdlib directory under the prefix, as the release stages it (packaging/stage.ts) */
export const LIB_PYTHON = 'lib/pyvm/lib-python/3.11';
export const SITE_PACKAGES = 'lib/pyvm/site-packages';
/** Debian's install of the same library, used when this binary is not in an installed layout
 * (the untranslated VM, or a translated binary in out/) */
const DEV_LIB_PYTHON = '/usr/lib/python3.11';

/** sys.flags, in CPython 3.11's order. */
export const FLAG_NAMES: string[] = [
  'debug', 'inspect', 'interactive', 'optimize', 'dont_write_bytecode', 'no_user_site', 'no_site',
  'ignore_environment', 'verbose', 'bytes_warning', 'quiet', 'hash_randomization', 'isolated',
  'dev_mode', 'utf8_mode', 'warn_default_encoding', 'safe_path', 'int_max_str_digits',
];
export const F_INSPECT = 1;
export const F_INTERACTIVE = 2;
export const F_OPTIMIZE = 3;
export const F_DONT_WRITE_BYTECODE = 4;
export const F_NO_USER_SITE = 5;
export const F_NO_SITE = 6;
export const F_IGNORE_ENVIRONMENT = 7;
export const F_VERBOSE = 8;
export const F_BYTES_WARNING = 9;
export const F_QUIET = 10;
export const F_ISOLATED = 12;
export const F_DEV_MODE = 13;
/** -X utf8 / PYTHONUTF8 / the C or POSIX locale (PEP 540): io.text_encoding() says 'utf-8' */
export const F_UTF8_MODE = 14;
export const F_SAFE_PATH = 16;

export class Startup {
  flags: int[] = [];
  unbuffered: boolean = false;
  executable: string = '';
  prefix: string = '';
  stdlib: string = '';
  /** whether the binary is in an installed layout: <prefix>/lib/pyvm beside its bin/ */
  installed: boolean = false;
  implementation: PyObject | null = null;
  flagsObj: PyObject | null = null;
}
export const STARTUP = new Startup();

export function resetStartup(): void {
  const f: int[] = [];
  for (let i = 0; i < FLAG_NAMES.length; i++) f.push(0);
  f[11] = 1; // hash_randomization
  f[17] = -1; // int_max_str_digits: the default limit
  STARTUP.flags = f;
  STARTUP.unbuffered = false;
  STARTUP.implementation = null;
  STARTUP.flagsObj = null;
}

export function isWindows(): boolean {
  return execmem.targetArch() === 'x86_64-win64';
}

function dirOf(path: string): string {
  let i = path.length - 1;
  while (i >= 0 && path[i] !== '/' && path[i] !== '\\') i--;
  if (i < 0) return '';
  if (i === 0) return path.slice(0, 1);
  return path.slice(0, i);
}

/** sys.executable, sys.prefix and the stdlib directory, from where the binary is:
 * <prefix>/bin/pyvm and <prefix>/lib/pyvm/lib-python/3.11. */
export function locateLibrary(): void {
  const exe = os.executablePath();
  STARTUP.executable = exe === null ? '' : exe;
  let prefix = dirOf(dirOf(STARTUP.executable));
  if (isWindows()) prefix = prefix.split('\\').join('/');
  STARTUP.prefix = prefix;
  STARTUP.stdlib = prefix + '/' + LIB_PYTHON;
  STARTUP.installed = os.fileExists(prefix + '/lib/pyvm');
  if (!STARTUP.installed && os.fileExists(DEV_LIB_PYTHON + '/os.py')) STARTUP.stdlib = DEV_LIB_PYTHON;
}

/** sys.path as CPython computes it: path0 (the script's directory, '' for -c, -m, stdin and the
 * REPL; none with -P or -I), PYTHONPATH (not with -E or -I), the standard library, then
 * site-packages (not with -S). */
export function computeSysPath(path0: string | null): void {
  const items = VM.path.items;
  items.length = 0;
  if (path0 !== null && STARTUP.flags[F_SAFE_PATH] === 0) items.push(newStr(path0));
  if (STARTUP.flags[F_IGNORE_ENVIRONMENT] === 0) {
    const pp = os.getenv('PYTHONPATH');
    if (pp !== null && pp !== '') for (const p of pp.split(isWindows() ? ';' : ':')) if (p !== '') items.push(newStr(p));
  }
  items.push(newStr(STARTUP.stdlib));
  if (STARTUP.flags[F_NO_SITE] === 0) {
    const site = STARTUP.prefix + '/' + SITE_PACKAGES;
    if (os.fileExists(site)) items.push(newStr(site));
  }
}

/** The Python side of sys's namespaces: types.SimpleNamespace's behaviour and a structseq for
 * sys.flags. */
const BOOTSTRAP = `
_repr_running = set()

class SimpleNamespace:
    __module__ = 'types'
    def __init__(self, /, **kwargs):
        for k in kwargs:
            setattr(self, k, kwargs[k])
    def __repr__(self):
        # a namespace reached again while its own repr runs shows as name(...) (Py_ReprEnter)
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        key = id(self)
        if key in _repr_running:
            return name + '(...)'
        _repr_running.add(key)
        try:
            return name + '(' + ', '.join([k + '=' + repr(v) for k, v in vars(self).items()]) + ')'
        finally:
            _repr_running.discard(key)
    def __eq__(self, other):
        return isinstance(other, SimpleNamespace) and vars(self) == vars(other)

class flags(tuple):
    __module__ = 'sys'
    def __repr__(self):
        return 'sys.flags(' + ', '.join([n + '=' + repr(v) for n, v in zip(_names, self)]) + ')'

for _i, _n in enumerate(_names):
    setattr(flags, _n, property(lambda self, _i=_i: self[_i]))
`;

/** Builds sys.implementation and sys.flags (run once the builtins exist). */
export function makeSysNamespaces(): void {
  const g = newDict();
  dictSetS(g, '__name__', newStr('_pyvm_bootstrap'));
  dictSetS(g, '__builtins__', VM.builtins);
  const names: PyObject[] = [];
  for (const n of FLAG_NAMES) names.push(newStr(n));
  dictSetS(g, '_names', newTuple(names));
  runModuleCode(compileSource(BOOTSTRAP, '<pyvm bootstrap>'), g);
  const ns = dictGetS(g, 'SimpleNamespace') as PyObject;
  const fl = dictGetS(g, 'flags') as PyObject;
  IMPORT.specType = ns;
  const vals: PyObject[] = [];
  for (let i = 0; i < STARTUP.flags.length; i++) {
    // dev_mode and safe_path are bools in CPython
    vals.push(i === F_DEV_MODE || i === F_SAFE_PATH ? newBool(STARTUP.flags[i] !== 0) : newInt(STARTUP.flags[i]));
  }
  STARTUP.flagsObj = callObj(fl, [newTuple(vals)], null);
  const v = PYVM_VERSION_INFO;
  const version = newTuple([newInt(v[0]), newInt(v[1]), newInt(v[2]), newStr('final'), newInt(0)]);
  const hex = v[0] * 16777216 + v[1] * 65536 + v[2] * 256 + 0xf0;
  STARTUP.implementation = callObj(ns, [newStr('pyvm'), newStr(CACHE_TAG), version, newInt(hex)], ['name', 'cache_tag', 'version', 'hexversion']);
}
