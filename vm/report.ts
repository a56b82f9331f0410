// Reporting what ends a program: tracebacks as CPython prints them (with the source lines) and
// the exit status of an uncaught exception.
import type { int } from '../translate/rlib/index.ts';
import { os } from '../translate/rlib/index.ts';
import { PyObject, PyBaseExc, PyExc, PyInt, PyList, PyTuple, PyModule, PyBuiltin, None, newStr, SystemExit, SyntaxError } from './objects/core.ts';
import { dictGetS } from './objects/dict.ts';
import { B } from './builtins/ids.ts';
import { VM } from './interpreter/state.ts';
import { tracebackOf } from './interpreter/traceback.ts';
import { suggestionFor } from './interpreter/suggestions.ts';
import { syntaxErrorLocation } from './interpreter/syntaxreport.ts';
import { flushStdoutStatus, writeErr } from './interpreter/state.ts';
import { str, repr, isInstance, getAttrOrNull, getAttr, callObj } from './interpreter/runtime.ts';

class Sources {
  files: Map<string, string[]> = new Map<string, string[]>();
}
const SOURCES = new Sources();

/** Forgets the source lines read for earlier tracebacks (a new program runs). */
export function resetSources(): void {
  SOURCES.files = new Map<string, string[]>();
}
/** The lines of a file that may change or vanish before a traceback shows them (the script,
 * the REPL's input). */
export function rememberSource(filename: string, lines: string[]): void {
  SOURCES.files.set(filename, lines);
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

export function excTypeName(e: PyBaseExc): string {
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
  // a SyntaxError whose location can be read prints it and then its msg, else it is
  // reported as any other exception (CPython's print_exception_file_and_line)
  const located = isInstance(e, SyntaxError) ? syntaxErrorLocation(e, out) : null;
  if (located !== null) {
    const text = located === None ? '' : textOr(located, false, '<exception str() failed>');
    out.push(text === '' ? excTypeName(e) + '\n' : excTypeName(e) + ': ' + text + '\n');
    formatNotes(e, out);
    return;
  }
  const msg = textOr(e, false, '<exception str() failed>');
  const suggestion = suggestionFor(e);
  const hint = suggestion === null ? '' : `. Did you mean: '${suggestion}'?`;
  out.push((msg === '' ? excTypeName(e) : excTypeName(e) + ': ' + msg) + hint + '\n');
  formatNotes(e, out);
}
/** The notes of e (add_note), one a line after its message, as CPython's print_exception_notes:
 * a note that is not a str is shown by str(), notes that are not a sequence by their repr. */
function formatNotes(e: PyBaseExc, out: string[]): void {
  const notes = getAttrOrNull(e, '__notes__');
  if (notes === null) return;
  if (!(notes instanceof PyList || notes instanceof PyTuple)) {
    out.push(textOr(notes, true, '<__notes__ repr() failed>') + '\n');
    return;
  }
  const items = notes instanceof PyList ? notes.items : (notes as PyTuple).items;
  for (const note of items) out.push(textOr(note, false, '<note str() failed>') + '\n');
}

/** str(o) or repr(o), or fallback when that raises: a report never fails on a broken __str__. */
function textOr(o: PyObject, useRepr: boolean, fallback: string): string {
  try {
    return useRepr ? repr(o) : str(o);
  } catch (err) {
    if (!(err instanceof PyExc)) throw err;
    return fallback;
  }
}

/** The traceback and message of e as CPython prints them. */
export function exceptionText(e: PyBaseExc): string {
  const out: string[] = [];
  formatException(e, out, []);
  return out.join('');
}
/** Writes s to sys.stderr as CPython's reports do: a replaced one (a StringIO, a file) through
 * its write method, else (or when that fails) the process's stderr. */
export function writeSysStderr(s: string): void {
  const sys = dictGetS(VM.modules, 'sys');
  const f = sys instanceof PyModule ? dictGetS(sys.dict, 'stderr') : null;
  if (f === null || f === None || f === VM.stderr) {
    writeErr(s);
    return;
  }
  try {
    callObj(getAttr(f, 'write'), [newStr(s)], null);
  } catch (err) {
    if (!(err instanceof PyExc)) throw err;
    writeErr(s);
  }
}
export function printException(e: PyBaseExc): void {
  const out: string[] = [];
  formatException(e, out, []);
  writeErr(out.join(''));
}

/** Handles an uncaught exception; returns the process exit status. */
export function handleUncaught(e: PyBaseExc): int {
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
  callExceptHook(e);
  return 1;
}

/** Reports an uncaught exception through sys.excepthook as CPython does: the builtin hook
 * prints the traceback; a Python hook is called, and if it fails both exceptions are shown. */
function callExceptHook(e: PyBaseExc): void {
  const sys = dictGetS(VM.modules, 'sys');
  if (!(sys instanceof PyModule)) {
    // sys is made at its first import: before that (a syntax error in -c) no hook can be set
    printException(e);
    return;
  }
  const hook = dictGetS(sys.dict, 'excepthook');
  if (hook === null || hook === None) {
    writeErr('sys.excepthook is missing\n');
    printException(e);
    return;
  }
  if (hook instanceof PyBuiltin && hook.id === B.SYS_EXCEPTHOOK) {
    writeSysStderr(exceptionText(e));
    return;
  }
  try {
    callObj(hook, [e.cls, e, tracebackOf(e)], null);
  } catch (err) {
    if (!(err instanceof PyExc)) throw err;
    flushStdoutStatus();
    writeErr('Error in sys.excepthook:\n');
    printException(err.exc);
    writeErr('\nOriginal exception was:\n');
    printException(e);
  }
  flushStdoutStatus();
}

