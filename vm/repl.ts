// The interactive prompt: `>>> ` and `... ` (on stderr, as CPython without readline), each
// statement compiled in 'single' mode so expression values are shown, errors reported without
// leaving, Ctrl-D (end of input) leaves.
import type { int } from '../translate/rlib/index.ts';
import { os } from '../translate/rlib/index.ts';
import { PyModule, PyExc, SystemExit, None, newStr, newDict } from './objects/core.ts';
import { dictGetS, dictSetS } from './objects/dict.ts';
import { VM, flushStdoutStatus, writeErr } from './interpreter/state.ts';
import { isInstance, str } from './interpreter/runtime.ts';
import { compileSource, importName } from './interpreter/importer.ts';
import { runModuleCode } from './interpreter/eval.ts';
import { parse } from './parser/parser.ts';
import { ParseError } from './parser/tokenizer.ts';
import { printException, handleUncaught } from './report.ts';

/** Whether a parse error only says the input stopped early: the statement may go on. */
function incomplete(e: ParseError): boolean {
  const m = e.msg;
  return m.endsWith('was never closed') || m.startsWith('unterminated triple-quoted string') || m.startsWith('expected an indented block') || m.startsWith('unexpected EOF');
}

/** Whether the first line opens a block (a compound statement: it ends only at an empty line). */
function opensBlock(line: string): boolean {
  let t = line;
  const hash = t.indexOf('#');
  if (hash >= 0) t = t.slice(0, hash);
  t = t.trim();
  return t.endsWith(':') || t.startsWith('@');
}

class ReplResult {
  /** the program's exit status when it left by SystemExit, else -1 */
  exit: int = -1;
}

/** Runs one complete statement; returns the exit status when it raised SystemExit, else -1. */
function runOne(src: string, m: PyModule): ReplResult {
  const r = new ReplResult();
  const filename = '<stdin>';
  try {
    runModuleCode(compileSource(src + '\n', filename, true), m.dict);
  } catch (err) {
    if (!(err instanceof PyExc)) throw err;
    flushStdoutStatus();
    if (isInstance(err.exc, SystemExit)) {
      r.exit = handleUncaught(err.exc);
      return r;
    }
    printException(err.exc);
  }
  flushStdoutStatus();
  return r;
}

/** Reads, runs and shows statements from stdin until end of input or SystemExit; returns the
 * exit status. banner: the greeting CPython prints unless -q. */
export function runRepl(m: PyModule, banner: string): int {
  if (banner !== '') writeErr(banner);
  // the prompts are sys.ps1 and sys.ps2, set when the REPL starts (a program may change them)
  const sys = importName('sys', None, 0, newDict()) as PyModule;
  if (dictGetS(sys.dict, 'ps1') === null) dictSetS(sys.dict, 'ps1', newStr('>>> '));
  if (dictGetS(sys.dict, 'ps2') === null) dictSetS(sys.dict, 'ps2', newStr('... '));
  const buf: string[] = [];
  let block = false;
  for (;;) {
    flushStdoutStatus();
    const prompt = dictGetS(sys.dict, buf.length === 0 ? 'ps1' : 'ps2');
    writeErr(prompt === null ? '' : str(prompt));
    os.flush();
    const line = os.readLine();
    if (os.takeInterrupt()) {
      writeErr('\nKeyboardInterrupt\n');
      buf.length = 0;
      block = false;
      continue;
    }
    if (line === null) {
      writeErr('\n');
      return 0;
    }
    if (buf.length === 0) {
      if (line.trim() === '' || line.trim().startsWith('#')) continue;
      block = opensBlock(line);
    }
    buf.push(line);
    const src = buf.join('\n');
    if (block || buf.length > 1) {
      // a block (or a bracketed statement spread over lines) ends at an empty line
      if (line.trim() !== '') {
        if (!block) {
          let complete = true;
          try {
            parse(src + '\n', '<stdin>', (VM.recursionLimit - VM.depth) * 3);
          } catch (e) {
            if (!(e instanceof ParseError)) throw e;
            complete = !incomplete(e);
          }
          if (!complete) continue;
        } else continue;
      }
    } else {
      try {
        parse(src + '\n', '<stdin>', (VM.recursionLimit - VM.depth) * 3);
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        if (incomplete(e)) continue;
      }
    }
    buf.length = 0;
    block = false;
    const r = runOne(src, m);
    if (r.exit >= 0) return r.exit;
  }
}
