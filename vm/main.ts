// pyvm entry point (RTS): `pyvm FILE [ARGS...]`, `pyvm -c CODE`, `pyvm --version`.
import type { int } from '../translate/rlib/index.ts';
import { os } from '../translate/rlib/index.ts';
import { PyObject, PyBaseExc, PyExc, PyInt, PyStr, PyType, PyModule, None, newStr, newList, newDict, SystemExit, SyntaxError, KeyboardInterrupt, HOLD, EXC } from './objects/core.ts';
import { dictSetS, dictGetS } from './objects/dict.ts';
import { VM, VMState, flushStdoutStatus, osError, writeErr } from './interpreter/state.ts';
import { initBuiltins } from './builtins/dispatch.ts';
import { initStrMethods } from './builtins/strmethods.ts';
import { initSlots } from './builtins/slots.ts';
import { initContainerMethods } from './builtins/containers.ts';
import { initFileMethods, closeAllFiles } from './builtins/files.ts';
import { compileSource, newModule, loadSource } from './interpreter/importer.ts';
import { runModuleCode } from './interpreter/eval.ts';
import { initEvalCaches } from './interpreter/caches.ts';
import { str, isInstance, excStr, getAttrOrNull } from './interpreter/runtime.ts';
import { LoopHooks } from './interpreter/state.ts';
import { JitParams, parseJitSpec, JIT_HELP } from './jit/params.ts';
import { JitLog, parseLogSpec, finishLog, LOG_HELP } from './jit/log.ts';
import { JitHooks } from './jit/hooks.ts';

export const VERSION = 'pyvm 0.1.0 (Python 3.11 compatible)';

const USAGE = 'usage: pyvm [--jit SPEC] FILE [ARGS...] | pyvm [--jit SPEC] -c CODE | pyvm --version | pyvm --help\n';

/** The JIT's log of this run (written when the program ends). */
class JitRun {
  log: JitLog = new JitLog();
}
const JIT_RUN = new JitRun();

class Sources {
  files: Map<string, string[]> = new Map<string, string[]>();
  inited: boolean = false;
}
const SOURCES = new Sources();

function resetState(): void {
  VM.frame = null;
  VM.depth = 0;
  VM.recursionLimit = 1000;
  VM.curExc = null;
  VM.reraising = false;
  VM.builtins = newDict();
  VM.modules = newDict();
  VM.path = newList([]);
  VM.argv = newList([]);
  VM.reprStack = [];
  VM.out = [];
  VM.outLen = 0;
  VM.randomState = [];
  VM.randomIndex = 625;
  VM.stdout = null;
  VM.stderr = null;
  if (!SOURCES.inited) {
    initStrMethods();
    initContainerMethods();
    initFileMethods();
    initSlots();
    SOURCES.inited = true;
  }
  initBuiltins();
  initEvalCaches();
  SOURCES.files = new Map<string, string[]>();
}

function sourceLine(filename: string, line: int): string {
  let lines = SOURCES.files.get(filename);
  if (lines === undefined) {
    const src = os.readFile(filename);
    lines = src === null ? [] : src.split('\n');
    SOURCES.files.set(filename, lines);
  }
  if (line >= 1 && line <= lines.length) return lines[line - 1].trim();
  return '';
}

function excTypeName(e: PyBaseExc): string {
  const t = e.cls;
  if (t.module === 'builtins' || t.module === '__main__') return t.name;
  return t.module + '.' + t.name;
}

function formatException(e: PyBaseExc, out: string[], seen: PyObject[]): void {
  seen.push(e);
  const cause = e.cause;
  const ctx = e.context;
  if (cause !== null && cause instanceof PyBaseExc && !seen.includes(cause)) {
    formatException(cause, out, seen);
    out.push('\nThe above exception was the direct cause of the following exception:\n\n');
  } else if (ctx !== null && ctx instanceof PyBaseExc && !e.suppressContext && !seen.includes(ctx)) {
    formatException(ctx, out, seen);
    out.push('\nDuring handling of the above exception, another exception occurred:\n\n');
  }
  if (e.tb.length > 0) {
    out.push('Traceback (most recent call last):\n');
    let prevKey = '';
    let repeats = 0;
    for (let i = e.tb.length - 1; i >= 0; i--) {
      const t = e.tb[i];
      const key = t.filename + ':' + String(t.line) + ':' + t.name;
      if (key === prevKey) {
        repeats++;
        if (repeats >= 3) continue;
      } else {
        if (repeats >= 3) out.push(`  [Previous line repeated ${repeats - 2} more time${repeats - 2 === 1 ? '' : 's'}]\n`);
        prevKey = key;
        repeats = 0;
      }
      out.push(`  File "${t.filename}", line ${t.line}, in ${t.name}\n`);
      const src = sourceLine(t.filename, t.line);
      if (src !== '') out.push('    ' + src + '\n');
    }
    if (repeats >= 3) out.push(`  [Previous line repeated ${repeats - 2} more time${repeats - 2 === 1 ? '' : 's'}]\n`);
  }
  if (isInstance(e, SyntaxError)) {
    const fn = getAttrOrNull(e, 'filename');
    const ln = getAttrOrNull(e, 'lineno');
    const off = getAttrOrNull(e, 'offset');
    const txt = getAttrOrNull(e, 'text');
    if (fn !== null && ln !== null && ln instanceof PyInt) {
      out.push(`  File "${str(fn)}", line ${ln.v}\n`);
      if (txt !== null && txt instanceof PyStr) {
        const raw = txt.s;
        let lead = 0;
        while (lead < raw.length && (raw[lead] === ' ' || raw[lead] === '\t')) lead++;
        const shown = raw.trim();
        if (shown !== '') {
          out.push('    ' + shown + '\n');
          // no column (offset None): no caret, as CPython
          if (off !== null && off instanceof PyInt) {
            let col = off.v - 1 - lead;
            if (col < 0) col = 0;
            out.push('    ' + ' '.repeat(col) + '^\n');
          }
        }
      }
    }
    const msg = e.args.length > 0 ? str(e.args[0]) : '';
    out.push(excTypeName(e) + ': ' + msg + '\n');
    return;
  }
  let msg = '';
  try {
    msg = str(e);
  } catch (err) {
    if (!(err instanceof PyExc)) throw err;
    msg = '<exception str() failed>';
  }
  out.push(msg === '' ? excTypeName(e) + '\n' : excTypeName(e) + ': ' + msg + '\n');
}

/** Sets up the interpreter's state (builtins, modules, method tables) without running a
 * program: for drivers that call into the VM directly (the JIT backends' conformance suite). */
export function initRuntime(): void {
  resetState();
}

export function printException(e: PyBaseExc): void {
  const out: string[] = [];
  formatException(e, out, []);
  writeErr(out.join(''));
}

/** Handles an uncaught exception; returns the process exit status. */
function handleUncaught(e: PyBaseExc): int {
  if (isInstance(e, SystemExit)) {
    if (e.args.length === 0) return 0;
    const code = e.args[0];
    if (code === None) return 0;
    if (code instanceof PyInt) return code.v;
    flushStdoutStatus();
    writeErr(str(code) + '\n');
    return 1;
  }
  flushStdoutStatus();
  printException(e);
  return 1;
}

function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  if (i < 0) return '';
  if (i === 0) return '/';
  return path.slice(0, i);
}

export function runSource(src: string, filename: string, argv: string[]): int {
  for (const a of argv) VM.argv.items.push(newStr(a));
  const m = newModule('__main__', filename === '<string>' ? '' : filename);
  dictSetS(VM.modules, '__main__', m);
  let status = 0;
  let interrupted = false;
  try {
    const code = compileSource(src, filename);
    runModuleCode(code, m.dict);
  } catch (err) {
    if (!(err instanceof PyExc)) throw err;
    status = handleUncaught(err.exc);
    interrupted = isInstance(err.exc, KeyboardInterrupt);
  }
  const e = flushStdoutStatus();
  if (e !== 0) {
    // as CPython's shutdown flush of sys.stdout reports it
    writeErr("Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n");
    printException(osError(e).exc);
    status = 120;
  }
  closeAllFiles();
  finishLog(JIT_RUN.log);
  // CPython ends by SIGINT after reporting an uncaught KeyboardInterrupt, so that a shell or
  // make that ran it stops too (status 130 in a shell)
  if (interrupted) {
    os.exitByInterrupt();
    return 130;
  }
  return status;
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

export function main(argv0: string[]): int {
  resetState();
  os.catchInterrupt();
  let argv = argv0;
  let jitSpec: string | null = null;
  while (argv.length > 0 && (argv[0] === '--jit' || argv[0].startsWith('--jit='))) {
    if (argv[0] === '--jit') {
      if (argv.length < 2) {
        writeErr('pyvm: --jit needs a value (off, on, default or k=v,...; see pyvm --help)\n');
        return 2;
      }
      jitSpec = argv[1];
      argv = argv.slice(2);
    } else {
      jitSpec = argv[0].slice(6);
      argv = argv.slice(1);
    }
  }
  const err = setupJit(jitSpec);
  if (err !== '') {
    writeErr('pyvm: ' + err + '\n');
    return 2;
  }
  if (argv.length === 0) {
    writeErr(USAGE);
    return 2;
  }
  if (argv[0] === '--help' || argv[0] === '-h') {
    os.write(1, USAGE + '\n' + JIT_HELP + '\n\n' + LOG_HELP + '\n');
    return 0;
  }
  if (argv[0] === '--version' || argv[0] === '-V') {
    os.write(1, VERSION + '\n');
    return 0;
  }
  if (argv[0] === '-c') {
    if (argv.length < 2) {
      writeErr('Argument expected for the -c option\n');
      return 2;
    }
    VM.path.items.push(newStr(''));
    const rest: string[] = ['-c'];
    for (let i = 2; i < argv.length; i++) rest.push(argv[i]);
    return runSource(argv[1], '<string>', rest);
  }
  const file = argv[0];
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
  VM.path.items.push(newStr(dir === '' ? '.' : dir));
  const pp = os.getenv('PYTHONPATH');
  if (pp !== null && pp !== '') for (const p of pp.split(':')) VM.path.items.push(newStr(p));
  const lines = src.split('\n');
  SOURCES.files.set(file, lines);
  return runSource(src, file, argv);
}
