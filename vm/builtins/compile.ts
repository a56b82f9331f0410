// compile(), exec() and eval(): source (str or UTF-8 bytes) or code objects, modes 'exec',
// 'eval' and 'single', run with the globals and locals dicts given or the caller's. Errors are
// CPython 3.11's, SyntaxErrors with filename, lineno, offset and text (importer.ts).
import type { int } from '../../translate/rlib/index.ts';
import { StringBuilder } from '../../translate/rlib/index.ts';
import { PyObject, PyExc, PyDict, PyStr, PyBytes, PyInt, PyTuple, PyCell, None, dictType, tupleType, cellType, newDict, raise, TypeError, ValueError, LookupError, UnicodeDecodeError } from '../objects/core.ts';
import { dictGetS, dictSetS } from '../objects/dict.ts';
import { VM } from '../interpreter/state.ts';
import { Frame } from '../interpreter/frame.ts';
import { evalFrame } from '../interpreter/eval.ts';
import { typeName, isInstance, lookupType, str } from '../interpreter/runtime.ts';
import { syntaxErrorFrom } from '../interpreter/importer.ts';
import { parse } from '../parser/parser.ts';
import { ParseError, SYNTAX_WARNINGS } from '../parser/tokenizer.ts';
import { emitSyntaxWarnings } from '../interpreter/warn.ts';
import { compileForExec } from '../compiler/compiler.ts';
import { PyCode } from '../compiler/code.ts';
import { B, FAM_COMPILE } from './ids.ts';
import { npos, arg, kwArg, mkBuiltin, unhandledBuiltin } from './args.ts';
import { decodeUtf8 } from './strmethods.ts';
import { bytesLike } from './buffer.ts';
import { declaredEncoding } from '../parser/source.ts';
import { textDecode } from '../modules/codecs/module.ts';

/** src compiled in mode, a SyntaxError carrying where. */
export function compileText(src: string, filename: string, mode: string): PyCode {
  // a SyntaxError as 3.11.7's (3.11.2's, whose test suite test_compile is, raised ValueError),
  // with filename, lineno and the rest None, as traceback printing reads them
  if (src.includes('\u0000')) throw syntaxErrorFrom(new ParseError('SyntaxError', 'source code string cannot contain null bytes', 0, 0), filename, '');
  try {
    const maxDepth = (VM.recursionLimit - VM.depth) * 3;
    SYNTAX_WARNINGS.list = [];
    const code = compileForExec(parse(src, filename, maxDepth, mode === 'eval'), filename, maxDepth, mode);
    const promoted = emitSyntaxWarnings(filename);
    if (promoted !== null) throw syntaxErrorFrom(promoted, filename, src);
    return code;
  } catch (e) {
    if (e instanceof ParseError) throw syntaxErrorFrom(emitSyntaxWarnings(filename) ?? e, filename, src);
    throw e;
  }
}

/** The text of a source argument, or null when it is neither str nor a bytes-like object. */
function sourceText(o: PyObject): string | null {
  if (o instanceof PyStr) return o.s;
  const b = bytesLike(o);
  return b === null ? null : bytesSourceText(b);
}
/** Source bytes decoded as CPython's tokenizer does: a UTF-8 BOM dropped, then UTF-8 or the
 * encoding a coding declaration in the first two lines names; bytes it cannot decode are a
 * SyntaxError ("(unicode error) ..."). */
function bytesSourceText(b: int[]): string {
  const body = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.slice(3) : b;
  const sb = new StringBuilder();
  let lines = 0;
  for (let i = 0; i < body.length && lines < 2; i++) {
    if (body[i] === 10) lines++;
    sb.append(String.fromCharCode(body[i]));
  }
  const declared = declaredEncoding(sb.build());
  const enc = declared === '' ? 'utf-8' : declared;
  try {
    return textDecode(body, enc, 'strict');
  } catch (e) {
    if (e instanceof PyExc && isInstance(e.exc, UnicodeDecodeError)) throw syntaxErrorFrom(new ParseError('SyntaxError', '(unicode error) ' + str(e.exc), 0, 0), '', '');
    if (e instanceof PyExc && isInstance(e.exc, LookupError)) throw syntaxErrorFrom(new ParseError('SyntaxError', `unknown encoding: ${enc}`, 0, 0), '', '');
    throw e;
  }
}

/** The caller's locals, as locals() sees them (a snapshot in a function). */
function callerLocals(): PyDict | null {
  const f = VM.frame;
  if (f === null) return null;
  if (f.localsDict !== null) return f.localsDict;
  if (f.fn === null) return null;
  return fastLocals(f);
}

/** A function frame's live variables as a new dict (what locals() returns in a function);
 * hidden compiler temporaries ('.0', '.retN') are left out. */
export function fastLocals(f: Frame): PyDict {
  const d = newDict();
  for (let i = 0; i < f.code.varnames.length; i++) {
    const v = f.fast[i];
    if (v !== null && !f.code.varnames[i].startsWith('.')) dictSetS(d, f.code.varnames[i], v);
  }
  for (let i = 0; i < f.code.cellvars.length; i++) {
    const v = f.cells[i].ref;
    if (v !== null) dictSetS(d, f.code.cellvars[i], v);
  }
  return d;
}

function run(code: PyCode, globals: PyDict, locals: PyDict | null, localsMap: PyObject | null, closure: PyCell[]): PyObject {
  if (dictGetS(globals, '__builtins__') === null) dictSetS(globals, '__builtins__', VM.builtins);
  const f = new Frame(code, null, globals, locals === globals ? null : locals, []);
  f.localsMap = localsMap;
  if (closure.length > 0 || code.cellvars.length > 0) {
    // the code's own cells, then the closure's (as a function's frame has them)
    const cells: PyCell[] = [];
    for (let i = 0; i < code.cellvars.length; i++) cells.push(new PyCell(cellType, null));
    for (const c of closure) cells.push(c);
    f.cells = cells;
  }
  return evalFrame(f);
}
/** exec()'s closure argument for code (CPython 3.11's checks): the cells its free variables
 * read, exactly one each. */
function closureCells(code: PyCode, closure: PyObject | null): PyCell[] {
  const c = closure === null || closure === None ? null : closure;
  const out: PyCell[] = [];
  if (code.freevars.length === 0) {
    if (c !== null) throw raise(TypeError, 'cannot use a closure with this code object');
    return out;
  }
  let ok = c !== null && c instanceof PyTuple && c.cls === tupleType && c.items.length === code.freevars.length;
  if (ok) {
    for (const x of (c as PyTuple).items) {
      if (!(x instanceof PyCell)) ok = false;
      else out.push(x);
    }
  }
  if (!ok) throw raise(TypeError, `code object requires a closure of exactly length ${code.freevars.length}`);
  return out;
}

function execOrEval(isExec: boolean, args: PyObject[], kw: string[] | null): PyObject {
  const name = isExec ? 'exec' : 'eval';
  const n = npos(args, kw);
  if (n < 1) throw raise(TypeError, isExec ? `exec() takes at least 1 positional argument (${n} given)` : `eval expected at least 1 argument, got ${n}`);
  if (n > 3) throw raise(TypeError, isExec ? `exec expected at most 3 arguments, got ${n}` : `eval expected at most 3 arguments, got ${n}`);
  if (kw !== null) {
    for (const k of kw) if (k !== 'globals' && k !== 'locals' && !(isExec && k === 'closure')) throw raise(TypeError, `${name}() got an unexpected keyword argument '${k}'`);
  }
  const src = args[0];
  const gArg = arg(args, kw, 1, 'globals');
  const lArg = arg(args, kw, 2, 'locals');
  const g = gArg === null ? None : gArg;
  const l = lArg === null ? None : lArg;
  if (g !== None && !(g instanceof PyDict && isInstance(g, dictType))) {
    throw raise(TypeError, isExec ? `exec() globals must be a dict, not ${typeName(g)}` : g instanceof PyDict || lookupType(g.cls, '__getitem__') !== null ? 'globals must be a real dict; try eval(expr, {}, mapping)' : 'globals must be a dict');
  }
  // locals may be any mapping (PyMapping_Check: anything with a __getitem__, lists too)
  if (l !== None && !(l instanceof PyDict) && lookupType(l.cls, '__getitem__') === null) {
    throw raise(TypeError, 'locals must be a mapping');
  }
  const localsMap = l !== None && !(l instanceof PyDict) ? l : null;
  let globals: PyDict;
  let locals: PyDict | null;
  if (g === None) {
    const f = VM.frame;
    globals = f === null ? newDict() : f.globals;
    locals = l === None ? callerLocals() : localsMap !== null ? newDict() : (l as PyDict);
  } else {
    globals = g as PyDict;
    locals = l === None ? globals : localsMap !== null ? newDict() : (l as PyDict);
  }
  let code: PyCode;
  const closureArg = isExec ? kwArg(args, kw, 'closure') : null;
  let closure: PyCell[] = [];
  if (src instanceof PyCode) {
    if (isExec) closure = closureCells(src, closureArg);
    else if (src.freevars.length > 0) throw raise(TypeError, 'code object passed to eval() may not contain free variables');
    code = src;
  } else {
    if (closureArg !== null && closureArg !== None) throw raise(TypeError, 'closure can only be used when source is a code object');
    let text = sourceText(src);
    if (text === null) throw raise(TypeError, `${name}() arg 1 must be a string, bytes or code object`);
    if (!isExec) {
      // eval() ignores the spaces and tabs before the expression
      let i = 0;
      while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
      text = text.substring(i);
    }
    code = compileText(text, '<string>', isExec ? 'exec' : 'eval');
  }
  const r = run(code, globals, locals, localsMap, closure);
  return isExec ? None : r;
}

export function callCompile(id: int, args: PyObject[], kw: string[] | null): PyObject {
  switch (id) {
    case B.EXEC:
      return execOrEval(true, args, kw);
    case B.EVAL:
      return execOrEval(false, args, kw);
    case B.COMPILE: {
      const n = npos(args, kw);
      const names = ['source', 'filename', 'mode', 'flags', 'dont_inherit', 'optimize', '_feature_version'];
      if (kw !== null) for (const k of kw) if (!names.includes(k)) throw raise(TypeError, `compile() got an unexpected keyword argument '${k}'`);
      if (n > 6) throw raise(TypeError, `compile() takes at most 6 arguments (${n} given)`);
      const src = arg(args, kw, 0, 'source');
      const fn = arg(args, kw, 1, 'filename');
      const md = arg(args, kw, 2, 'mode');
      if (src === null) throw raise(TypeError, "compile() missing required argument 'source' (pos 1)");
      if (fn === null) throw raise(TypeError, "compile() missing required argument 'filename' (pos 2)");
      if (md === null) throw raise(TypeError, "compile() missing required argument 'mode' (pos 3)");
      const flags = arg(args, kw, 3, 'flags');
      // the __future__ features (PyCF_MASK), CO_NESTED, and PyCF_COMPILE_MASK's flags
      if (flags !== null && flags instanceof PyInt && (flags.v & ~(0x1fe0000 | 0x10 | 0x400 | 0x2000 | 0x1000 | 0x200 | 0x4000)) !== 0) throw raise(ValueError, 'compile(): unrecognised flags');
      // PyCF_ONLY_AST and the other AST flags need _ast, which pyvm has not
      if (flags !== null && flags instanceof PyInt && (flags.v & 0x400) !== 0) throw raise(ValueError, 'compile(): pyvm has no AST objects (PyCF_ONLY_AST)');
      const text = sourceText(src);
      if (text === null) throw raise(TypeError, 'compile() arg 1 must be a string, bytes or AST object');
      let filename = '';
      if (fn instanceof PyStr) filename = fn.s;
      else if (fn instanceof PyBytes) filename = decodeUtf8(fn.b);
      else throw raise(TypeError, `expected str, bytes or os.PathLike object, not ${typeName(fn)}`);
      if (!(md instanceof PyStr)) throw raise(TypeError, `compile() argument 'mode' must be str, not ${typeName(md)}`);
      const mode = md.s;
      if (mode !== 'exec' && mode !== 'eval' && mode !== 'single') throw raise(ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
      kwArg(args, kw, 'dont_inherit');
      return compileText(text, filename, mode);
    }
  }
  throw unhandledBuiltin('compile', id);
}

/** Puts compile, exec and eval among the builtins. */
export function initCompile(): void {
  dictSetS(VM.builtins, 'compile', mkBuiltin('compile', B.COMPILE, false, FAM_COMPILE));
  dictSetS(VM.builtins, 'exec', mkBuiltin('exec', B.EXEC, false, FAM_COMPILE));
  dictSetS(VM.builtins, 'eval', mkBuiltin('eval', B.EVAL, false, FAM_COMPILE));
}
