// import: built-in modules and .py files found on sys.path.
import type { int } from '../../translate/rlib/index.ts';
import { os, toInt } from '../../translate/rlib/index.ts';
import { PyObject, PyType, PyDict, PyModule, PyStr, PyTuple, PyList, moduleType, newStr, newDict, raise, None, ImportError, ModuleNotFoundError, PyExc, PyBaseExc, SyntaxError, IndentationError, TabError, RecursionError, MemoryError, newInt, newTuple, newList, True, False } from '../objects/core.ts';
import { dictGetS, dictSetS, dictKeys, dictDel } from '../objects/dict.ts';
import { VM } from './state.ts';
import { getAttrOrNull, iterToArray, str, callObj, genericSetAttr } from './runtime.ts';

/** An ImportError of type t carrying its message and the module's name (and path), as the ones
 * CPython's import system raises. */
function importError(t: PyType, msg: string, name: string, path: PyObject): PyExc {
  const e = raise(t, msg);
  genericSetAttr(e.exc, 'msg', newStr(msg));
  genericSetAttr(e.exc, 'name', newStr(name));
  genericSetAttr(e.exc, 'path', path);
  return e;
}
import { runModuleCode } from './eval.ts';
import { makeBuiltinModule } from '../modules/registry.ts';
import { parse } from '../parser/parser.ts';
import { ParseError, SYNTAX_WARNINGS } from '../parser/tokenizer.ts';
import { emitSyntaxWarnings } from './warn.ts';
import { readSource, SourceError } from '../parser/source.ts';
import { compileModule } from '../compiler/compiler.ts';
import { PyCode } from '../compiler/code.ts';
import { encodeCodeFile, decodeCodeFile, CACHE_TAG } from '../compiler/codecache.ts';

/** The SyntaxError (or subclass) for e in filename's text src. e.line 0: the error has no
 * location (CPython prints the message alone); e.col 0: no column (no caret). */
export function syntaxErrorFrom(e: ParseError, filename: string, src: string): PyExc {
  if (e.kind === 'RecursionError') return raise(RecursionError, e.msg);
  if (e.kind === 'MemoryError') return raise(MemoryError, e.msg);
  const t = e.kind === 'IndentationError' ? IndentationError : e.kind === 'TabError' ? TabError : SyntaxError;
  const exc = new PyBaseExc(t);
  exc.args.push(newStr(e.msg));
  if (e.line <= 0) {
    exc.map = exc.map.withAttr('msg');
    exc.slots.push(newStr(e.msg));
    for (const a of ['filename', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset', 'print_file_and_line']) {
      exc.map = exc.map.withAttr(a);
      exc.slots.push(None);
    }
    return new PyExc(exc);
  }
  const lines = src.split('\n');
  const text = e.line >= 1 && e.line <= lines.length ? lines[e.line - 1] : '';
  exc.args.push(newTuple([newStr(filename), newInt(e.line), e.col > 0 ? newInt(e.col) : None, newStr(text)]));
  exc.map = exc.map.withAttr('msg');
  exc.slots.push(newStr(e.msg));
  exc.map = exc.map.withAttr('filename');
  exc.slots.push(newStr(filename));
  exc.map = exc.map.withAttr('lineno');
  exc.slots.push(newInt(e.line));
  exc.map = exc.map.withAttr('offset');
  exc.slots.push(e.col > 0 ? newInt(e.col) : None);
  exc.map = exc.map.withAttr('text');
  exc.slots.push(newStr(text));
  // every SyntaxError has these (traceback and unittest read them); the parser knows no end
  exc.map = exc.map.withAttr('end_lineno');
  exc.slots.push(newInt(e.line));
  exc.map = exc.map.withAttr('end_offset');
  exc.slots.push(None);
  exc.map = exc.map.withAttr('print_file_and_line');
  exc.slots.push(None);
  return new PyExc(exc);
}

/** The code of src; interactive: CPython's 'single' mode (the REPL), where module-level
 * expression statements show their value. */
export function compileSource(src: string, filename: string, interactive: boolean = false): PyCode {
  try {
    // CPython's compiler allows three levels of nesting per level of the recursion limit left
    const maxDepth = (VM.recursionLimit - VM.depth) * 3;
    SYNTAX_WARNINGS.list = [];
    const code = compileModule(parse(src, filename, maxDepth), filename, maxDepth, interactive);
    const promoted = emitSyntaxWarnings(filename);
    if (promoted !== null) throw syntaxErrorFrom(promoted, filename, src);
    return code;
  } catch (e) {
    if (e instanceof ParseError) throw syntaxErrorFrom(emitSyntaxWarnings(filename) ?? e, filename, src);
    throw e;
  }
}

/** The source text of the file at path (null when it cannot be read), or a SyntaxError for
 * bytes CPython refuses (see readSource). */
export function loadSource(path: string): string | null {
  try {
    return readSource(path);
  } catch (e) {
    if (e instanceof SourceError) throw syntaxErrorFrom(e.err, path, e.text);
    throw e;
  }
}

export function newModule(name: string, filename: string): PyModule {
  const d = newDict();
  dictSetS(d, '__name__', newStr(name));
  dictSetS(d, '__doc__', None);
  dictSetS(d, '__package__', None);
  if (filename !== '') dictSetS(d, '__file__', newStr(filename));
  dictSetS(d, '__builtins__', VM.builtins);
  return new PyModule(moduleType, name, d);
}

/** The class of module.__spec__ (types.SimpleNamespace's, set at start-up by vm/startup.ts). */
class ImportState {
  specType: PyObject | null = null;
  /** whether imports read and write __pycache__ (vm/main.ts decides: see codeForFile) */
  pycache: boolean = false;
  /** -v: cache files read and written are reported on stderr, as CPython's importlib does */
  verbose: boolean = false;
  /** -B / PYTHONDONTWRITEBYTECODE, until the program's sys module exists */
  dontWrite: boolean = true;
  /** -X importtime / PYTHONPROFILEIMPORTTIME: each import's time on stderr, as CPython's */
  importTime: boolean = false;
  headerShown: boolean = false;
  /** imports in progress; childTime[k]: microseconds the import at depth k spent in nested imports */
  depth: int = 0;
  childTime: int[] = [];
}
export const IMPORT = new ImportState();

/** The file of module `last` in one of dirs: dir/last.py or the package dir/last/__init__.py;
 * '' when none has it. */
function findIn(dirs: PyObject[], last: string): string {
  for (const p of dirs) {
    if (!(p instanceof PyStr)) continue;
    const dir = p.s === '' ? '.' : p.s;
    const f2 = dir + '/' + last + '/__init__.py';
    if (os.fileExists(f2)) return f2;
    const f1 = dir + '/' + last + '.py';
    if (os.fileExists(f1)) return f1;
  }
  return '';
}

/** Where module `name` would be loaded from: '' when not found; raises ModuleNotFoundError
 * when its parent is not a package. The parent package must be imported already. */
export function findModuleFile(name: string): string {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return findIn(VM.path.items, name);
  const parentName = name.slice(0, dot);
  const parent = dictGetS(VM.modules, parentName);
  const pp = parent !== null && parent instanceof PyModule ? dictGetS(parent.dict, '__path__') : null;
  if (pp === null || !(pp instanceof PyList)) throw importError(ModuleNotFoundError, `No module named '${name}'; '${parentName}' is not a package`, name, None);
  return findIn(pp.items, name.slice(dot + 1));
}

/** Sets what the import system gives a module loaded from path: __file__, __package__,
 * __path__ for a package, __spec__, __loader__, __cached__. */
export function setModuleFileAttrs(m: PyModule, name: string, path: string): void {
  const d = m.dict;
  const isPkg = path.endsWith('/__init__.py');
  dictSetS(d, '__file__', newStr(path));
  const cp = cachedPath(path);
  dictSetS(d, '__cached__', cp !== '' ? newStr(cp) : None);
  dictSetS(d, '__loader__', None);
  let parent = '';
  if (isPkg) {
    dictSetS(d, '__path__', newList([newStr(path.slice(0, path.length - 12))]));
    parent = name;
  } else {
    const dot = name.lastIndexOf('.');
    parent = dot >= 0 ? name.slice(0, dot) : '';
  }
  dictSetS(d, '__package__', newStr(parent));
  const st = IMPORT.specType;
  if (st === null) return;
  const locs = isPkg ? newList([newStr(path.slice(0, path.length - 12))]) : None;
  const spec = callObj(st, [newStr(name), newStr(path), newStr(parent), locs, True, None, cp !== '' ? newStr(cp) : None, None], [
    'name', 'origin', 'parent', 'submodule_search_locations', 'has_location', 'loader', 'cached', 'loader_state',
  ]);
  dictSetS(d, '__spec__', spec);
}

/** Where CPython's importlib would cache the code of source file path with pyvm's cache tag
 * (importlib.util.cache_from_source): dir/__pycache__/name.pyvm-311.pyc; '' when path is not
 * a .py file. */
export function cachedPath(path: string): string {
  if (!path.endsWith('.py')) return '';
  const slash = path.lastIndexOf('/');
  return path.slice(0, slash + 1) + '__pycache__/' + path.slice(slash + 1, path.length - 3) + '.' + CACHE_TAG + '.pyc';
}

/** sys.dont_write_bytecode, read when a cache would be written (programs may change it; the
 * sys module is made when first imported, so before that, the command line's). */
function dontWriteBytecode(): boolean {
  const sys = dictGetS(VM.modules, 'sys');
  if (sys === null || !(sys instanceof PyModule)) return IMPORT.dontWrite;
  const v = dictGetS(sys.dict, 'dont_write_bytecode');
  return v === null || v !== False;
}

/** Writes cache file cp for code compiled from the source whose bytes are raw (Latin-1 text): to
 * a file of this process's own, renamed over cp, so another process (or a crash) never sees a
 * partial file. Errors are ignored, as CPython's _write_atomic's callers ignore them: a
 * read-only directory just has no cache. */
function writeCache(cp: string, code: PyCode, raw: string, checked: boolean): boolean {
  const bytes = encodeCodeFile(code, raw, checked);
  if (bytes === null) return false;
  const slash = cp.lastIndexOf('/');
  const dir = cp.slice(0, slash);
  if (!os.fileExists(dir)) os.mkdir(dir, 511);
  const tmp = cp + '.' + String(os.getpid()) + '.tmp';
  if (!os.writeFileBytes(tmp, bytes)) {
    os.unlink(tmp);
    return false;
  }
  if (os.rename(tmp, cp) === 0) {
    if (IMPORT.verbose) os.write(2, `# created '${cp}'\n`);
    return true;
  }
  os.unlink(tmp);
  return false;
}

/** Compiles source file path and writes its cache file whatever sys.dont_write_bytecode says
 * (build-time precompiling): an unchecked one, which imports trust without reading the source
 * (the build that ships the library keeps the two in step, as CPython's unchecked-hash pycs);
 * false when the file is not a readable .py file or the cache could not be written. A
 * SyntaxError in the source is raised. */
export function precompileFile(path: string): boolean {
  const cp = cachedPath(path);
  if (cp === '') return false;
  const raw = os.readFileLatin1(path);
  const src = loadSource(path);
  if (raw === null || src === null) return false;
  return writeCache(cp, compileSource(src, path), raw, false);
}

/** The code of the module source file at path, or null when it cannot be read. From its
 * __pycache__ file when that was written for these very bytes by this build of pyvm (as
 * CPython's checked-hash pycs: the hash is of the file's bytes, so a hit neither decodes nor
 * scans the source), or is an unchecked file the release build wrote (the source is not read
 * at all); a missing, stale, corrupt or foreign file is compiled again and rewritten. The
 * cache only with IMPORT.pycache. */
export function codeForFile(path: string): PyCode | null {
  const cp = IMPORT.pycache ? cachedPath(path) : '';
  let raw: string | null = null;
  if (cp !== '') {
    const b = os.readFileLatin1(cp);
    // an unchecked file loads without the source; a checked one is refused at its flags
    let c = b !== null ? decodeCodeFile(b, null, path) : null;
    if (c === null) {
      raw = os.readFileLatin1(path);
      if (raw === null) return null;
      if (b !== null) c = decodeCodeFile(b, raw, path);
    }
    if (c !== null) {
      if (IMPORT.verbose) os.write(2, `# code object from '${cp}'\n`);
      return c;
    }
  }
  const src = loadSource(path);
  if (src === null) return null;
  const code = compileSource(src, path);
  if (raw !== null && !dontWriteBytecode()) writeCache(cp, code, raw, true);
  return code;
}

/** Imports module `name` (its parent package already imported), or returns it from sys.modules. */
export function loadModule(name: string): PyModule {
  const existing = dictGetS(VM.modules, name);
  if (existing !== null && existing instanceof PyModule) return existing;
  if (!IMPORT.importTime) return loadFresh(name, existing);
  return loadTimed(name, existing);
}

/** loadFresh, reporting its time as CPython's -X importtime does: a line per module when its
 * import ends, self and cumulative microseconds, the name indented by nesting depth. */
function loadTimed(name: string, existing: PyObject | null): PyModule {
  if (!IMPORT.headerShown) {
    IMPORT.headerShown = true;
    os.write(2, 'import time: self [us] | cumulative | imported package\n');
  }
  const k = IMPORT.depth;
  if (IMPORT.childTime.length <= k) IMPORT.childTime.push(0);
  IMPORT.childTime[k] = 0;
  IMPORT.depth = k + 1;
  const t0 = os.clock();
  let m: PyModule;
  try {
    m = loadFresh(name, existing);
  } finally {
    IMPORT.depth = k;
  }
  const total = toInt(Math.floor((os.clock() - t0) * 1e6));
  const self = total - IMPORT.childTime[k];
  if (k > 0) IMPORT.childTime[k - 1] += total;
  os.write(2, `import time: ${String(self).padStart(9)} | ${String(total).padStart(10)} | ${' '.repeat(k * 2)}${name}\n`);
  return m;
}

function loadFresh(name: string, existing: PyObject | null): PyModule {
  // sys.modules[name] = None blocks the import (import_fresh_module's `blocked`), builtin
  // modules included
  if (existing === None) throw importError(ModuleNotFoundError, `import of ${name} halted; None in sys.modules`, name, None);
  if (name.indexOf('.') < 0) {
    const b = makeBuiltinModule(name);
    if (b !== null) {
      dictSetS(VM.modules, name, b);
      return b;
    }
  }
  const path = findModuleFile(name);
  if (path === '') throw importError(ModuleNotFoundError, `No module named '${name}'`, name, None);
  const code = codeForFile(path);
  if (code === null) throw raise(ImportError, `cannot read ${path}`);
  const m = newModule(name, '');
  setModuleFileAttrs(m, name, path);
  dictSetS(VM.modules, name, m);
  try {
    runModuleCode(code, m.dict);
  } catch (e) {
    // the half-initialised module goes, as in CPython
    if (e instanceof PyExc) dictDel(VM.modules, newStr(name));
    throw e;
  }
  // a module may replace itself in sys.modules
  const after = dictGetS(VM.modules, name);
  const result = after !== null && after instanceof PyModule ? after : m;
  // a submodule becomes an attribute of its package however it was imported (as CPython's
  // _find_and_load: `from pkg import sub` inside pkg's own __init__ binds pkg.sub too)
  const dot = name.lastIndexOf('.');
  if (dot >= 0) {
    const parent = dictGetS(VM.modules, name.slice(0, dot));
    if (parent !== null && parent instanceof PyModule) dictSetS(parent.dict, name.slice(dot + 1), result);
  }
  return result;
}

function resolveName(name: string, level: int, globals: PyDict): string {
  if (level === 0) return name;
  let pkg = '';
  const p = dictGetS(globals, '__package__');
  if (p !== null && p instanceof PyStr) pkg = p.s;
  else {
    const n = dictGetS(globals, '__name__');
    if (n !== null && n instanceof PyStr) {
      const dot = n.s.lastIndexOf('.');
      pkg = dot >= 0 ? n.s.slice(0, dot) : '';
    }
  }
  let parts = pkg === '' ? [] : pkg.split('.');
  for (let i = 1; i < level; i++) {
    if (parts.length === 0) throw raise(ImportError, 'attempted relative import beyond top-level package');
    parts = parts.slice(0, parts.length - 1);
  }
  if (parts.length === 0 && pkg === '') {
    // relative import from a top-level script: resolve against the script's directory
    return name;
  }
  const base = parts.join('.');
  return name === '' ? base : base + '.' + name;
}

export function importName(nameIn: string, fromlist: PyObject, level: int, globals: PyDict): PyObject {
  const name = resolveName(nameIn, level, globals);
  const parts = name.split('.');
  let top: PyModule | null = null;
  let cur: PyModule | null = null;
  for (let i = 0; i < parts.length; i++) {
    const full = parts.slice(0, i + 1).join('.');
    // loadModule binds a submodule it loads on its package
    const m = loadModule(full);
    if (top === null) top = m;
    cur = m;
  }
  if (fromlist === None || level > 0 && nameIn === '') {
    if (fromlist === None) return top as PyModule;
  }
  return cur as PyModule;
}

export function importFrom(m: PyObject, name: string): PyObject {
  const v = getAttrOrNull(m, name);
  if (v !== null) return v;
  if (m instanceof PyModule) {
    const full = m.name + '.' + name;
    // only a missing submodule means "cannot import name"; an error while running one that
    // exists (a ModuleNotFoundError of what it imports, too) is its own
    let exists = dictGetS(VM.modules, full) !== null;
    if (!exists) {
      try {
        exists = findModuleFile(full) !== '';
      } catch (e) {
        if (!(e instanceof PyExc) || e.exc.cls !== ModuleNotFoundError) throw e;
      }
    }
    if (exists) return loadModule(full);
    const f = dictGetS(m.dict, '__file__');
    const where = f !== null ? ` (${str(f)})` : ' (unknown location)';
    throw importError(ImportError, `cannot import name '${name}' from '${m.name}'${where}`, m.name, f !== null ? f : None);
  }
  throw raise(ImportError, `cannot import name '${name}'`);
}

export function importStar(m: PyObject, target: PyDict): void {
  if (!(m instanceof PyModule)) return;
  const all = dictGetS(m.dict, '__all__');
  if (all !== null) {
    for (const n of iterToArray(all)) {
      const s = str(n);
      const v = getAttrOrNull(m, s);
      if (v !== null) dictSetS(target, s, v);
    }
    return;
  }
  for (let i = 0; i < m.dict.keys.length; i++) {
    const k = m.dict.keys[i];
    const v = m.dict.vals[i];
    if (k !== null && v !== null && k instanceof PyStr && !k.s.startsWith('_')) dictSetS(target, k.s, v);
  }
}
