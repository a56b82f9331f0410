// str() of a SyntaxError, from its attributes as CPython's SyntaxError_str builds it:
// "msg (file.py, line 3)", so that messages matched by assertRaisesRegex and printed by
// print(e) carry the location and not the args tuple.
import { PyBaseExc, PyInt, PyStr, None, intType, SyntaxError } from '../objects/core.ts';
import { getAttrOrNull, isInstance, str } from '../interpreter/runtime.ts';
import { intToStr } from '../objects/intops.ts';

/** The file name without its directories (CPython's my_basename: '/' only). */
function baseName(path: string): string {
  const i = path.lastIndexOf('/');
  return i >= 0 ? path.slice(i + 1) : path;
}

/** str(e) for a SyntaxError (or subclass); null for other exceptions. */
export function syntaxErrorStr(e: PyBaseExc): string | null {
  if (!isInstance(e, SyntaxError)) return null;
  // one the VM raised itself has no attributes set: its message is its first argument, as
  // SyntaxError.__init__ would have set msg
  const msgObj = getAttrOrNull(e, 'msg');
  const msg = str(msgObj !== null ? msgObj : e.args.length > 0 ? e.args[0] : None);
  const f = getAttrOrNull(e, 'filename');
  const file = f instanceof PyStr ? baseName(f.s) : null;
  const l = getAttrOrNull(e, 'lineno');
  // an exact int only (CPython's PyLong_CheckExact): a bool or int subclass is not shown
  const line = l instanceof PyInt && l.cls === intType ? intToStr(l) : null;
  if (file !== null && line !== null) return `${msg} (${file}, line ${line})`;
  if (file !== null) return `${msg} (${file})`;
  if (line !== null) return `${msg} (line ${line})`;
  return msg;
}
