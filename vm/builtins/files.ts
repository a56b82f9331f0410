// open() and file objects (whole-file buffered text and binary I/O).
import type { int } from '../../translate/rlib/index.ts';
import { os } from '../../translate/rlib/index.ts';
import { PyObject, PyFile, PyStr, PyBytes, fileType, bytesType, newStr, newInt, newList, raise, None, True, False, TypeError, ValueError, FileNotFoundError, PyBaseExc, PyExc, newTuple } from '../objects/core.ts';
import { str, iterToArray, toIntIndex } from '../interpreter/runtime.ts';
import { FILE_HOOK, FileLinesFn } from '../objects/core.ts';
import { B, FAM_FILE } from './ids.ts';
import { indexFrom } from '../objects/strutil.ts';
import { npos, arg, defMethod } from './args.ts';
import { writeOut, writeErr, flushStdout, VM } from '../interpreter/state.ts';
import { decodeUtf8, encodeUtf8 } from './strmethods.ts';

export class OpenFiles {
  files: PyFile[] = [];
}
export const OPEN_FILES = new OpenFiles();

export function openFile(args: PyObject[], kw: string[] | null): PyObject {
  const pathO = arg(args, kw, 0, 'file');
  if (pathO === null || !(pathO instanceof PyStr)) throw raise(TypeError, 'expected str, bytes or os.PathLike object');
  const modeO = arg(args, kw, 1, 'mode');
  const mode = modeO === null ? 'r' : str(modeO);
  const binary = mode.includes('b');
  const f = new PyFile(fileType, pathO.s, mode, binary);
  if (mode.includes('r') && !mode.includes('+')) {
    if (binary) {
      const b = os.readFileBytes(pathO.s);
      if (b === null) throw fileNotFound(pathO.s);
      f.bytes = b;
    } else {
      const s = os.readFile(pathO.s);
      if (s === null) throw fileNotFound(pathO.s);
      f.data = s.indexOf('\r') < 0 ? s : s.split('\r\n').join('\n');
    }
  } else if (mode.includes('w') || mode.includes('a') || mode.includes('x')) {
    f.writing = true;
    if (mode.includes('a')) {
      if (binary) {
        const b = os.readFileBytes(pathO.s);
        if (b !== null) f.outBytes = b;
      } else {
        const s = os.readFile(pathO.s);
        if (s !== null) f.out.push(s);
      }
    }
    if (!(binary ? os.writeFileBytes(pathO.s, f.outBytes) : os.writeFile(pathO.s, f.out.join('')))) throw fileNotFound(pathO.s);
    OPEN_FILES.files.push(f);
  } else throw raise(ValueError, `invalid mode: '${mode}'`);
  return f;
}
function fileNotFound(path: string): PyExc {
  const e = new PyBaseExc(FileNotFoundError);
  e.args.push(newInt(2));
  e.args.push(newStr('No such file or directory'));
  e.map = e.map.withAttr('filename');
  e.slots.push(newStr(path));
  return new PyExc(e);
}
export function flushFile(f: PyFile): void {
  if (!f.writing) return;
  if (f.binary) os.writeFileBytes(f.path, f.outBytes);
  else os.writeFile(f.path, f.out.join(''));
}
export function closeAllFiles(): void {
  for (const f of OPEN_FILES.files) {
    if (!f.closed) {
      flushFile(f);
      f.closed = true;
    }
  }
}
function readLine(f: PyFile): string {
  if (f.pos >= f.data.length) return '';
  let j = indexFrom(f.data, '\n', f.pos);
  j = j < 0 ? f.data.length : j + 1;
  const line = f.data.slice(f.pos, j);
  f.pos = j;
  return line;
}
class FileLines extends FileLinesFn {
  override lines(f: PyFile): PyObject[] {
    const out: PyObject[] = [];
    for (;;) {
      const l = readLine(f);
      if (l === '') return out;
      out.push(newStr(l));
    }
  }
}
function checkOpen(f: PyFile): void {
  if (f.closed) throw raise(ValueError, 'I/O operation on closed file.');
}

export function callFileMethod(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const f = args[0] as PyFile;
  const n = npos(args, kw);
  switch (id) {
    case B.FILE_READ: {
      checkOpen(f);
      const size = n > 1 && args[1] !== None ? toIntIndex(args[1]) : -1;
      // reading all from the start hands over the file's buffer rather than a copy of it (there is
      // no seek: the file is at its end afterwards), so a large file is held once, not twice
      if (f.binary) {
        if (f.pos === 0 && (size < 0 || size >= f.bytes.length)) {
          const all = f.bytes;
          f.bytes = [];
          return new PyBytes(bytesType, all);
        }
        const end = size < 0 ? f.bytes.length : Math.min(f.bytes.length, f.pos + size);
        const out = f.bytes.slice(f.pos, end);
        f.pos = end;
        return new PyBytes(bytesType, out);
      }
      if (f.pos === 0 && (size < 0 || size >= f.data.length)) {
        const all = f.data;
        f.data = '';
        return newStr(all);
      }
      const end = size < 0 ? f.data.length : Math.min(f.data.length, f.pos + size);
      const s = f.data.slice(f.pos, end);
      f.pos = end;
      return newStr(s);
    }
    case B.FILE_READLINE:
      checkOpen(f);
      return newStr(readLine(f));
    case B.FILE_READLINES:
      checkOpen(f);
      return newList(new FileLines().lines(f));
    case B.FILE_WRITE: {
      checkOpen(f);
      const x = args[1];
      if (f.fd === 1 || f.fd === 2) {
        const s = str(x);
        if (f.fd === 1) writeOut(s);
        else writeErr(s);
        return newInt(s.length);
      }
      if (f.binary) {
        if (!(x instanceof PyBytes)) throw raise(TypeError, `a bytes-like object is required, not '${x.cls.name}'`);
        for (const c of x.b) f.outBytes.push(c);
        return newInt(x.b.length);
      }
      if (!(x instanceof PyStr)) throw raise(TypeError, `write() argument must be str, not ${x.cls.name}`);
      f.out.push(x.s);
      return newInt(x.s.length);
    }
    case B.FILE_WRITELINES:
      for (const x of iterToArray(args[1])) callFileMethod(B.FILE_WRITE, [f, x], null);
      return None;
    case B.FILE_CLOSE:
      if (!f.closed && f.fd < 0) {
        flushFile(f);
        f.closed = true;
      }
      return None;
    case B.FILE_FLUSH:
      if (f.fd < 0) flushFile(f);
      else if (f.fd === 1) flushStdout();
      return None;
    case B.FILE_ENTER:
      return f;
    case B.FILE_EXIT:
      callFileMethod(B.FILE_CLOSE, [f], null);
      return False;
  }
  throw raise(TypeError, 'bad file method');
}

export function initFileMethods(): void {
  FILE_HOOK.fn = new FileLines();
  defMethod(fileType, 'read', B.FILE_READ, FAM_FILE);
  defMethod(fileType, 'readline', B.FILE_READLINE, FAM_FILE);
  defMethod(fileType, 'readlines', B.FILE_READLINES, FAM_FILE);
  defMethod(fileType, 'write', B.FILE_WRITE, FAM_FILE);
  defMethod(fileType, 'writelines', B.FILE_WRITELINES, FAM_FILE);
  defMethod(fileType, 'close', B.FILE_CLOSE, FAM_FILE);
  defMethod(fileType, 'flush', B.FILE_FLUSH, FAM_FILE);
  defMethod(fileType, '__enter__', B.FILE_ENTER, FAM_FILE);
  defMethod(fileType, '__exit__', B.FILE_EXIT, FAM_FILE);
}
