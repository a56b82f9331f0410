// pyvm entry point (RTS): CPython's command line (`pyvm [option] ... [-c cmd | -m mod | file | -] [arg] ...`,
// the REPL on a terminal) and pyvm's --jit.
import { runSelftest } from './backends/selftest/run.ts';
import { flushAllWriters } from './modules/iobinary.ts';
import { STD } from './modules/io.ts';
import type { int } from '../translate/rlib/index.ts';
import { os } from '../translate/rlib/index.ts';
import { PyExc, PyModule, None, newStr, newList, newDict, KeyboardInterrupt } from './objects/core.ts';
import { dictSetS } from './objects/dict.ts';
import { VM, flushStdoutStatus, osError, writeErr, LoopHooks } from './interpreter/state.ts';
import { initBuiltins } from './builtins/dispatch.ts';
import { initStrMethods } from './builtins/strmethods.ts';
import { initSlots } from './builtins/slots.ts';
import { initContainerMethods } from './builtins/containers.ts';
import { compileSource, newModule, loadSource, importName, findModuleFile, IMPORT } from './interpreter/importer.ts';
import { runModuleCode } from './interpreter/eval.ts';
import { initEvalCaches } from './interpreter/caches.ts';
import { str, isInstance } from './interpreter/runtime.ts';
import { JitParams, parseJitSpec, JIT_HELP } from './jit/params.ts';
import { JitLog, parseLogSpec, finishLog, LOG_HELP } from './jit/log.ts';
import { JitHooks } from './jit/hooks.ts';
import { printException, handleUncaught, rememberSource, resetSources, excTypeName } from './report.ts';
import { runRepl } from './repl.ts';
import { runExitFuncs } from './modules/atexit.ts';
import { resetCodecs } from './modules/codecs/module.ts';
import { installCharNames } from './modules/unicodedata/names.ts';
import {
  STARTUP, resetStartup, locateLibrary, computeSysPath, makeSysNamespaces, isWindows, PY_VERSION,
  F_INSPECT, F_INTERACTIVE, F_IGNORE_ENVIRONMENT, F_ISOLATED, F_NO_USER_SITE, F_SAFE_PATH, F_NO_SITE, F_DEV_MODE, F_UTF8_MODE,
  F_QUIET, F_OPTIMIZE, F_DONT_WRITE_BYTECODE, F_BYTES_WARNING, F_VERBOSE,
} from './startup.ts';

export const VERSION = 'pyvm 0.1.0 (Python 3.11 compatible)';

const HELP = `usage: pyvm [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options (and corresponding environment variables):
-c cmd : program passed in as string (terminates option list)
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script; forces a prompt even
         if stdin does not appear to be a terminal; also PYTHONINSPECT=x
-I     : isolate pyvm from the user's environment (implies -E, -P and -s)
-m mod : run library module as a script (terminates option list)
-P     : don't prepend a potentially unsafe path to sys.path; also PYTHONSAFEPATH
-q     : don't print the version message on interactive startup
-S     : don't add site-packages to sys.path
-u     : force the stdout stream to be unbuffered; also PYTHONUNBUFFERED=x
-V     : print the version number and exit (also --version)
-X dev : development mode (sys.flags.dev_mode; asyncio's debug mode)
-X utf8[=0|1] : UTF-8 mode (sys.flags.utf8_mode); also PYTHONUTF8
-X importtime : how long each import takes, on stderr; also PYTHONPROFILEIMPORTTIME=x
-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x
-v     : report the bytecode cache files imports read and write
-b -d -O -s -W arg, other -X opts : accepted as by CPython, without effect yet
--jit SPEC : the tracing JIT's parameters (below); also PYVM_JIT
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]

Other environment variables:
PYTHONPATH : ':'-separated list of directories (';' on Windows) put before
             the standard library in sys.path.
PYVM_PYCACHE : 1 or 0 turns the bytecode cache (__pycache__/NAME.pyvm-311.pyc) on or
             off; by default it is on in an installed pyvm (not on Windows yet), whose
             library the release build precompiled (those files are trusted without
             reading the sources), and off in a source tree.
The standard library is <prefix>/lib/pyvm/lib-python/3.11 and pure-Python packages go in
<prefix>/lib/pyvm/site-packages, where the binary is <prefix>/bin/pyvm.
`;

/** The JIT's log of this run (written when the program ends). */
class JitRun {
  log: JitLog = new JitLog();
}
const JIT_RUN = new JitRun();

class Init {
  done: boolean = false;
}
const INIT = new Init();

function resetState(): void {
  VM.frame = null;
  VM.depth = 0;
  VM.recursionLimit = 1000;
  VM.curExc = null;
  VM.excOuter = [];
  VM.reraising = false;
  VM.builtins = newDict();
  VM.modules = newDict();
  VM.path = newList([]);
  VM.argv = newList([]);
  VM.reprStack = [];
  VM.out = [];
  VM.outLen = 0;
  VM.stdout = null;
  VM.stderr = null;
  STD.sysDict = null;
  STD.stdoutEntry = -1;
  VM.unbuffered = false;
  VM.hooks = new LoopHooks();
  if (!INIT.done) {
    initStrMethods();
    initContainerMethods();
    initSlots();
    INIT.done = true;
  }
  initBuiltins();
  initEvalCaches();
  resetSources();
  resetCodecs();
  installCharNames();
}

/** Sets up the interpreter's state (builtins, modules, method tables) without running a
 * program: for drivers that call into the VM directly (the JIT backends' conformance suite). */
export function initRuntime(): void {
  resetState();
}

function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  if (i < 0) return '';
  if (i === 0) return '/';
  return path.slice(0, i);
}

/** path made absolute against the working directory as CPython's _Py_abspath does: joined,
 * not normalised ('./t.py' becomes '<cwd>/./t.py'). */
function absolutePath(path: string): string {
  if (path.startsWith('/') || path.startsWith('\\') || (path.length > 1 && path[1] === ':')) return path;
  const cwd = os.getcwd();
  if (cwd === null) return path;
  const sep = cwd.indexOf('\\') >= 0 ? '\\' : '/';
  return cwd.endsWith(sep) ? cwd + path : cwd + sep + path;
}

/** The __main__ module a program runs in. */
function mainModule(filename: string, pkg: string): PyModule {
  const m = newModule('__main__', filename);
  if (pkg !== '') dictSetS(m.dict, '__package__', newStr(pkg));
  dictSetS(VM.modules, '__main__', m);
  return m;
}

class Outcome {
  status: int = 0;
  interrupted: boolean = false;
}

/** Runs src in m; an uncaught exception is reported (a SystemExit gives its status). */
function runIn(src: string, filename: string, m: PyModule): Outcome {
  const o = new Outcome();
  try {
    const code = compileSource(src, filename);
    runModuleCode(code, m.dict);
  } catch (err) {
    if (!(err instanceof PyExc)) throw err;
    if (STARTUP.flags[F_INSPECT] !== 0) {
      // with -i every exception, SystemExit too, is shown and the prompt follows
      flushStdoutStatus();
      printException(err.exc);
      return o;
    }
    o.status = handleUncaught(err.exc);
    o.interrupted = isInstance(err.exc, KeyboardInterrupt);
  }
  return o;
}

/** The end of every run: the last flush of stdout, files closed, the JIT log written. */
function finish(o: Outcome): int {
  let status = o.status;
  // as CPython's finalization: the atexit callbacks, then the last flush
  runExitFuncs();
  const e = flushStdoutStatus();
  if (e !== 0) {
    // as CPython's shutdown flush of sys.stdout reports it
    writeErr("Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n");
    printException(osError(e).exc);
    status = 120;
  }
  flushAllWriters();
  finishLog(JIT_RUN.log);
  // CPython ends by SIGINT after reporting an uncaught KeyboardInterrupt, so that a shell or
  // make that ran it stops too (status 130 in a shell)
  if (o.interrupted) {
    os.exitByInterrupt();
    return 130;
  }
  return status;
}

/** Runs a program given as text (-c, a script, stdin) as __main__, then the REPL with -i. */
export function runSource(src: string, filename: string, argv: string[], pkg: string = ''): int {
  for (const a of argv) VM.argv.items.push(newStr(a));
  const m = mainModule(filename.startsWith('<') ? '' : filename, pkg);
  const o = runIn(src, filename, m);
  if (STARTUP.flags[F_INSPECT] !== 0) o.status = runRepl(m, '');
  return finish(o);
}

/** Sets up the JIT from PYVM_JIT, then the --jit option (which wins), and PYVMLOG; returns ''
 * or the error to report. */
function setupJit(spec: string | null): string {
  const p = new JitParams();
  const env = os.getenv('PYVM_JIT');
  if (env !== null && env !== '') {
    const e = parseJitSpec(env, p);
    if (e !== '') return 'PYVM_JIT: ' + e;
  }
  if (spec !== null) {
    const e = parseJitSpec(spec, p);
    if (e !== '') return e;
  }
  const log = new JitLog();
  const logSpec = os.getenv('PYVMLOG');
  if (logSpec !== null && logSpec !== '') {
    const e = parseLogSpec(logSpec, log);
    if (e !== '') return e;
  }
  JIT_RUN.log = log;
  if (p.enabled && p.note !== '') writeErr(p.note + '\n');
  VM.hooks = p.enabled ? new JitHooks(p, log) : new LoopHooks();
  return '';
}

const SHORT_USAGE = 'usage: pyvm [option] ... [-c cmd | -m mod | file | -] [arg] ...\n';

/** What the command line asks for. */
class Options {
  command: string | null = null;
  module: string | null = null;
  /** the script, '-' for stdin, null: none given */
  file: string | null = null;
  /** sys.argv[1:] */
  args: string[] = [];
  jitSpec: string | null = null;
  help: boolean = false;
  version: boolean = false;
  /** -X importtime */
  importTime: boolean = false;
  /** the message for a bad option ('' when none) */
  error: string = '';
}

/** The argument of an option that takes one (-c, -m, -W, -X): the rest of this argument or the
 * next; null when there is none. */
class OptArg {
  value: string | null = null;
  /** index of the last argument used */
  next: int = 0;
}
function optArg(argv: string[], i: int, j: int): OptArg {
  const r = new OptArg();
  if (j + 1 < argv[i].length) {
    r.value = argv[i].slice(j + 1);
    r.next = i;
  } else if (i + 1 < argv.length) {
    r.value = argv[i + 1];
    r.next = i + 1;
  } else r.next = i;
  return r;
}

/** Parses CPython's options (clustered short options, -c/-m end the options) and pyvm's
 * --jit, which sets STARTUP.flags. */
function parseOptions(argv: string[]): Options {
  const o = new Options();
  const f = STARTUP.flags;
  let i = 0;
  while (i < argv.length) {
    const a = argv[i];
    if (a === '--jit' || a.startsWith('--jit=')) {
      if (a === '--jit') {
        if (i + 1 >= argv.length) {
          o.error = '--jit needs a value (off, on, default or k=v,...; see pyvm --help)';
          return o;
        }
        o.jitSpec = argv[i + 1];
        i += 2;
      } else {
        o.jitSpec = a.slice(6);
        i++;
      }
      continue;
    }
    if (a === '--help') {
      o.help = true;
      return o;
    }
    if (a === '--version') {
      o.version = true;
      return o;
    }
    if (a === '--') {
      i++;
      break;
    }
    if (a.startsWith('--')) {
      o.error = `unknown option ${a}`;
      return o;
    }
    if (a === '-' || !a.startsWith('-')) break;
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (c === 'c' || c === 'm' || c === 'W' || c === 'X') {
        const r = optArg(argv, i, j);
        if (r.value === null) {
          o.error = `Argument expected for the -${c} option`;
          return o;
        }
        if (c === 'c' || c === 'm') {
          if (c === 'c') o.command = r.value;
          else o.module = r.value;
          o.args = [c === 'c' ? '-c' : '-m'];
          for (let k = r.next + 1; k < argv.length; k++) o.args.push(argv[k]);
          return o;
        }
        // -X dev is Python's development mode (sys.flags.dev_mode: asyncio's debug mode reads
        // it); -X importtime reports each import's time on stderr; warning filters and the
        // other -X options are accepted, pyvm has no use for them yet
        if (c === 'X' && r.value === 'dev') f[F_DEV_MODE] = 1;
        // -X utf8[=1] and -X utf8=0 (-1 until start-up resolves it: set, but off)
        if (c === 'X' && (r.value === 'utf8' || r.value === 'utf8=1')) f[F_UTF8_MODE] = 1;
        if (c === 'X' && r.value === 'utf8=0') f[F_UTF8_MODE] = -1;
        if (c === 'X' && r.value === 'importtime') o.importTime = true;
        i = r.next;
        break;
      }
      if (c === 'i') {
        f[F_INSPECT] = 1;
        f[F_INTERACTIVE] = 1;
      } else if (c === 'u') STARTUP.unbuffered = true;
      else if (c === 'E') f[F_IGNORE_ENVIRONMENT] = 1;
      else if (c === 'I') {
        f[F_ISOLATED] = 1;
        f[F_IGNORE_ENVIRONMENT] = 1;
        f[F_NO_USER_SITE] = 1;
        f[F_SAFE_PATH] = 1;
      } else if (c === 'S') f[F_NO_SITE] = 1;
      else if (c === 's') f[F_NO_USER_SITE] = 1;
      else if (c === 'P') f[F_SAFE_PATH] = 1;
      else if (c === 'q') f[F_QUIET] = 1;
      else if (c === 'O') f[F_OPTIMIZE]++;
      else if (c === 'B') f[F_DONT_WRITE_BYTECODE] = 1;
      else if (c === 'b') f[F_BYTES_WARNING]++;
      else if (c === 'v') f[F_VERBOSE]++;
      else if (c === 'd') f[0]++;
      else if (c === 'h' || c === '?') {
        o.help = true;
        return o;
      } else if (c === 'V') {
        o.version = true;
        return o;
      } else {
        o.error = `Unknown option: -${c}`;
        return o;
      }
    }
    i++;
  }
  if (i < argv.length) {
    o.file = argv[i];
    for (let k = i; k < argv.length; k++) o.args.push(argv[k]);
  }
  return o;
}

/** Whether a PYTHON* flag variable is set (CPython: to a non-empty string). */
/** sys.flags.utf8_mode as CPython's PEP 540 sets it: -X utf8 wins, then PYTHONUTF8, then on in
 * the C and POSIX locales. */
function resolveUtf8Mode(): void {
  const f = STARTUP.flags;
  if (f[F_UTF8_MODE] !== 0) {
    f[F_UTF8_MODE] = f[F_UTF8_MODE] > 0 ? 1 : 0;
    return;
  }
  const env = f[F_IGNORE_ENVIRONMENT] === 0 ? os.getenv('PYTHONUTF8') : null;
  if (env === '1' || env === '0') {
    f[F_UTF8_MODE] = env === '1' ? 1 : 0;
    return;
  }
  let loc = '';
  for (const k of ['LC_ALL', 'LC_CTYPE', 'LANG']) {
    const v = os.getenv(k);
    if (v !== null && v !== '') {
      loc = v;
      break;
    }
  }
  f[F_UTF8_MODE] = loc === '' || loc === 'C' || loc === 'POSIX' ? 1 : 0;
}
function envSet(name: string): boolean {
  const v = os.getenv(name);
  return v !== null && v !== '';
}

/** Runs module `name` as __main__ (-m): its parent packages are imported first; a package runs
 * its __main__ submodule. sys.argv[0] becomes the module's file, as CPython sets it. */
function runModule(name: string, args: string[]): int {
  let path = '';
  let pkg = '';
  try {
    const dot = name.lastIndexOf('.');
    if (dot >= 0) {
      pkg = name.slice(0, dot);
      importName(pkg, None, 0, newDict());
    }
    path = findModuleFile(name);
    if (path.endsWith('/__init__.py')) {
      importName(name, None, 0, newDict());
      pkg = name;
      path = findModuleFile(name + '.__main__');
      if (path === '') {
        writeErr(`pyvm: No module named ${name}.__main__; '${name}' is a package and cannot be directly executed\n`);
        return 1;
      }
    }
  } catch (err) {
    if (!(err instanceof PyExc)) throw err;
    writeErr(`pyvm: Error while finding module specification for '${name}' (${excTypeName(err.exc)}: ${str(err.exc)})\n`);
    return 1;
  }
  if (path === '') {
    writeErr(`pyvm: No module named ${name}\n`);
    return 1;
  }
  let src: string | null = null;
  try {
    src = loadSource(path);
  } catch (err) {
    if (err instanceof PyExc) return handleUncaught(err.exc);
    throw err;
  }
  if (src === null) {
    writeErr(`pyvm: can't open file '${path}'\n`);
    return 1;
  }
  args[0] = path;
  return runSource(src, path, args, pkg);
}

/** The outcome of a session at the prompt that ended with status. */
function replOutcome(status: int): Outcome {
  const o = new Outcome();
  o.status = status;
  return o;
}

export function main(argv0: string[]): int {
  resetState();
  resetStartup();
  os.catchInterrupt();
  const o = parseOptions(argv0);
  if (o.error !== '') {
    if (o.error.startsWith('--jit')) writeErr('pyvm: ' + o.error + '\n');
    else writeErr(o.error + '\n' + SHORT_USAGE + "Try `pyvm -h' for more information.\n");
    return 2;
  }
  if (o.help) {
    os.write(1, HELP + '\n' + JIT_HELP + '\n\n' + LOG_HELP + '\n');
    return 0;
  }
  if (o.version) {
    os.write(1, VERSION + '\n');
    return 0;
  }
  if (o.jitSpec !== null && o.jitSpec.trim() === 'selftest') return runSelftest();
  if (STARTUP.flags[F_IGNORE_ENVIRONMENT] === 0) {
    if (envSet('PYTHONINSPECT')) STARTUP.flags[F_INSPECT] = 1;
    if (envSet('PYTHONUNBUFFERED')) STARTUP.unbuffered = true;
    if (envSet('PYTHONSAFEPATH')) STARTUP.flags[F_SAFE_PATH] = 1;
    if (envSet('PYTHONDEVMODE')) STARTUP.flags[F_DEV_MODE] = 1;
    if (envSet('PYTHONDONTWRITEBYTECODE')) STARTUP.flags[F_DONT_WRITE_BYTECODE] = 1;
    if (envSet('PYTHONPROFILEIMPORTTIME')) o.importTime = true;
  }
  resolveUtf8Mode();
  VM.unbuffered = STARTUP.unbuffered;
  locateLibrary();
  // the bytecode cache: on in an installed pyvm (whose library the release build precompiled);
  // off in a source tree (untranslated there is no build id to key the files by, and a
  // translated development binary would fill the system's /usr/lib/python3.11 with files
  // every rebuild rewrites), and on Windows (the cache paths are POSIX paths for now).
  // PYVM_PYCACHE=1 or 0 overrides.
  const pc = os.getenv('PYVM_PYCACHE');
  IMPORT.pycache = pc === '1' || (pc !== '0' && STARTUP.installed && os.buildId() !== '' && !isWindows());
  if (!IMPORT.pycache) STARTUP.flags[F_DONT_WRITE_BYTECODE] = 1;
  IMPORT.dontWrite = STARTUP.flags[F_DONT_WRITE_BYTECODE] !== 0;
  IMPORT.verbose = STARTUP.flags[F_VERBOSE] > 0;
  IMPORT.importTime = o.importTime;
  // before the JIT is set up: start-up's own Python code is not the program's
  makeSysNamespaces();
  const err = setupJit(o.jitSpec);
  if (err !== '') {
    writeErr('pyvm: ' + err + '\n');
    return 2;
  }
  if (o.command !== null) {
    computeSysPath('');
    return runSource(o.command, '<string>', o.args);
  }
  if (o.module !== null) {
    computeSysPath('');
    return runModule(o.module, o.args);
  }
  if (o.file === null && os.isatty(0)) {
    computeSysPath('');
    VM.argv.items.push(newStr(''));
    const m = mainModule('', '');
    const banner = STARTUP.flags[F_QUIET] !== 0 ? '' : `Python ${PY_VERSION} (${VERSION}) on ${isWindows() ? 'win32' : 'linux'}\nType Ctrl-D to leave.\n`;
    return finish(replOutcome(runRepl(m, banner)));
  }
  if (o.file === null || o.file === '-') {
    // a program piped or redirected to stdin; sys.argv[0] is '' (or '-' when named)
    if (o.file === null) o.args.push('');
    computeSysPath('');
    const lines: string[] = [];
    for (;;) {
      const l = os.readLine();
      if (l === null) break;
      lines.push(l);
    }
    return runSource(lines.join('\n') + '\n', '<stdin>', o.args);
  }
  const file = o.file;
  let src: string | null = null;
  try {
    src = loadSource(file);
  } catch (err) {
    if (err instanceof PyExc) return handleUncaught(err.exc);
    throw err;
  }
  if (src === null) {
    writeErr(`pyvm: can't open file '${file}': [Errno 2] No such file or directory\n`);
    return 2;
  }
  const dir = dirname(file);
  computeSysPath(dir === '' ? '.' : dir);
  // CPython (3.9+) names the script by its absolute path, unnormalised, in __file__ and
  // tracebacks; sys.argv[0] keeps what was typed
  const abs = absolutePath(file);
  rememberSource(abs, src.split('\n'));
  return runSource(src, abs, o.args);
}
