// The _csv module under the standard library's csv.py: dialects (validated as CPython 3.11's
// _csv.c does, with its messages), the reader's state machine and the writer's quoting, the
// dialect registry and field_size_limit.
import type { int } from '../../translate/rlib/index.ts';
import {
  PyObject, PyModule, PyType, PyNative, PyBuiltin, PyStr, PyInt, PyFloat, PyProperty, PyExc, PyBaseExc, typeType, propertyType, floatType, intType,
  newStr, newInt, newList, raise, None, True, False, TypeError, Exception, StopIteration, L_NONE, L_EXC, bigOf,
} from '../objects/core.ts';
import { dictSetS } from '../objects/dict.ts';
import { B, FAM_CSV } from '../builtins/ids.ts';
import { npos, arg, defMethod, mkBuiltin, unhandledBuiltin } from '../builtins/args.ts';
import { newModuleType, newBuiltinModule, addFn } from './registry.ts';
import { callObj, getAttrOrNull, getIter, iterNext, str, truthy, typeName, lookupType, computeMro } from '../interpreter/runtime.ts';
import { cpArray } from '../objects/strutil.ts';

const QUOTE_MINIMAL = 0;
const QUOTE_ALL = 1;
const QUOTE_NONNUMERIC = 2;
const QUOTE_NONE = 3;
/** the end of a line, fed to the reader's state machine after each line's characters */
const EOL = '\u0000EOL';

const DIALECT_TYPE = newModuleType('_csv', 'Dialect', L_NONE);
const READER_TYPE = newModuleType('_csv', 'reader', L_NONE);
const WRITER_TYPE = newModuleType('_csv', 'writer', L_NONE);
function errorType(): PyType {
  const t = new PyType(typeType, 'Error');
  t.bases.push(Exception);
  t.layout = L_EXC;
  t.isBuiltin = false;
  t.module = '_csv';
  return t;
}
const CSV_ERROR = errorType();
const ATTRS: string[] = ['delimiter', 'doublequote', 'escapechar', 'lineterminator', 'quotechar', 'quoting', 'skipinitialspace', 'strict'];

export class PyDialect extends PyNative {
  /** one character each ('' : not set) */
  delimiter: string = ',';
  quotechar: string = '"';
  escapechar: string = '';
  lineterminator: string = '\r\n';
  quoting: int = QUOTE_MINIMAL;
  doublequote: boolean = true;
  skipinitialspace: boolean = false;
  strict: boolean = false;
  constructor(cls: PyType) {
    super(cls);
  }
}

// states of the reader
const START_RECORD = 0;
const START_FIELD = 1;
const ESCAPED_CHAR = 2;
const IN_FIELD = 3;
const IN_QUOTED_FIELD = 4;
const ESCAPE_IN_QUOTED_FIELD = 5;
const QUOTE_IN_QUOTED_FIELD = 6;
const EAT_CRNL = 7;
const AFTER_ESCAPED_CRNL = 8;

export class PyCsvReader extends PyNative {
  input: PyObject;
  dialect: PyDialect;
  state: int = START_RECORD;
  fields: PyObject[] = [];
  field: string[] = [];
  numericField: boolean = false;
  lineNum: int = 0;
  constructor(input: PyObject, dialect: PyDialect) {
    super(READER_TYPE);
    this.input = input;
    this.dialect = dialect;
  }
  override isIterator(): boolean {
    return true;
  }
  override nativeNext(): PyObject | null {
    return readRecord(this);
  }
}
export class PyCsvWriter extends PyNative {
  write: PyObject;
  dialect: PyDialect;
  constructor(write: PyObject, dialect: PyDialect) {
    super(WRITER_TYPE);
    this.write = write;
    this.dialect = dialect;
  }
}

function prop(t: PyType, name: string, id: int, data: int): void {
  const b = mkBuiltin(name, id, false, FAM_CSV);
  b.data = newInt(data);
  t.dict.set(name, new PyProperty(propertyType, b, null, null));
}
DIALECT_TYPE.dict.set('__new__', mkBuiltin('__new__', B.CSV_DIALECT_NEW, false, FAM_CSV));
for (let i = 0; i < ATTRS.length; i++) prop(DIALECT_TYPE, ATTRS[i], B.CSV_DIALECT_ATTR, i);
prop(READER_TYPE, 'dialect', B.CSV_READER_DIALECT, 0);
prop(READER_TYPE, 'line_num', B.CSV_READER_LINE_NUM, 0);
defMethod(READER_TYPE, '__next__', B.CSV_READER_NEXT, FAM_CSV);
defMethod(READER_TYPE, '__iter__', B.CSV_READER_ITER, FAM_CSV);
defMethod(WRITER_TYPE, 'writerow', B.CSV_WRITER_WRITEROW, FAM_CSV);
defMethod(WRITER_TYPE, 'writerows', B.CSV_WRITER_WRITEROWS, FAM_CSV);
prop(WRITER_TYPE, 'dialect', B.CSV_WRITER_DIALECT, 0);

class CsvState {
  dialects: Map<string, PyDialect> = new Map<string, PyDialect>();
  fieldLimit: int = 131072;
}
const STATE = new CsvState();

export function makeCsv(): PyModule {
  // a module is made once per run: an earlier run's registrations are gone
  STATE.dialects = new Map<string, PyDialect>();
  STATE.fieldLimit = 131072;
  CSV_ERROR.mro = computeMro(CSV_ERROR);
  const m = newBuiltinModule('_csv');
  dictSetS(m.dict, '__doc__', newStr('CSV parsing and writing.'));
  dictSetS(m.dict, '__version__', newStr('1.0'));
  dictSetS(m.dict, 'QUOTE_MINIMAL', newInt(QUOTE_MINIMAL));
  dictSetS(m.dict, 'QUOTE_ALL', newInt(QUOTE_ALL));
  dictSetS(m.dict, 'QUOTE_NONNUMERIC', newInt(QUOTE_NONNUMERIC));
  dictSetS(m.dict, 'QUOTE_NONE', newInt(QUOTE_NONE));
  dictSetS(m.dict, 'Error', CSV_ERROR);
  dictSetS(m.dict, 'Dialect', DIALECT_TYPE);
  addFn(m, 'reader', B.CSV_READER, FAM_CSV);
  addFn(m, 'writer', B.CSV_WRITER, FAM_CSV);
  addFn(m, 'register_dialect', B.CSV_REGISTER_DIALECT, FAM_CSV);
  addFn(m, 'unregister_dialect', B.CSV_UNREGISTER_DIALECT, FAM_CSV);
  addFn(m, 'get_dialect', B.CSV_GET_DIALECT, FAM_CSV);
  addFn(m, 'list_dialects', B.CSV_LIST_DIALECTS, FAM_CSV);
  addFn(m, 'field_size_limit', B.CSV_FIELD_SIZE_LIMIT, FAM_CSV);
  return m;
}

function csvError(msg: string): PyExc {
  return raise(CSV_ERROR, msg);
}

/** A one-character (or, where allowed, None: '') dialect parameter. */
function charParam(name: string, o: PyObject, orNone: boolean): string {
  if (orNone && o === None) return '';
  if (!(o instanceof PyStr)) throw raise(TypeError, `"${name}" must be string${orNone ? ' or None' : ''}, not ${typeName(o)}`);
  const cps = cpArray(o.s);
  if (cps.length !== 1) throw raise(TypeError, `"${name}" must be a 1-character string`);
  return cps[0];
}

/** CPython's dialect_new: a dialect from a registered name, a dialect object or class (its
 * attributes), and keyword overrides. */
function makeDialect(cls: PyType, src: PyObject | null, names: string[], vals: PyObject[]): PyDialect {
  let base: PyObject | null = src;
  if (base !== null && base instanceof PyStr) base = getDialect(base);
  if (base !== null && base instanceof PyDialect && names.length === 0 && cls === DIALECT_TYPE) return base;
  const given: (PyObject | null)[] = [];
  for (const a of ATTRS) {
    const i = names.indexOf(a);
    if (i >= 0) given.push(vals[i]);
    else if (base !== null) given.push(getAttrOrNull(base, a));
    else given.push(null);
  }
  const d = new PyDialect(cls);
  const delim = given[0];
  const dq = given[1];
  const esc = given[2];
  const lt = given[3];
  const qc = given[4];
  const quoting = given[5];
  const sis = given[6];
  const strict = given[7];
  if (delim !== null) d.delimiter = charParam('delimiter', delim, false);
  if (dq !== null) d.doublequote = truthy(dq);
  if (esc !== null) d.escapechar = charParam('escapechar', esc, true);
  let ltSet = true;
  if (lt !== null) {
    if (lt === None) ltSet = false;
    else if (!(lt instanceof PyStr)) throw raise(TypeError, '"lineterminator" must be a string');
    else d.lineterminator = lt.s;
  }
  if (qc !== null) d.quotechar = charParam('quotechar', qc, true);
  if (quoting !== null) {
    if (!(quoting instanceof PyInt) || quoting.cls !== intType) throw raise(TypeError, '"quoting" must be an integer');
    d.quoting = bigOf(quoting) === null ? quoting.v : -1;
  }
  if (sis !== null) d.skipinitialspace = truthy(sis);
  if (strict !== null) d.strict = truthy(strict);
  if (d.quoting < 0 || d.quoting > QUOTE_NONE) throw raise(TypeError, 'bad "quoting" value');
  if (qc === None && quoting === null) d.quoting = QUOTE_NONE;
  if (d.quoting !== QUOTE_NONE && d.quotechar === '') throw raise(TypeError, 'quotechar must be set if quoting enabled');
  if (!ltSet) throw raise(TypeError, 'lineterminator must be set');
  return d;
}
function getDialect(name: PyObject): PyDialect {
  if (!(name instanceof PyStr)) throw csvError('unknown dialect');
  const d = STATE.dialects.get(name.s);
  if (d === undefined) throw csvError('unknown dialect');
  return d;
}
/** the keyword names and values of a call (after its positional arguments) */
function kwNames(kw: string[] | null): string[] {
  const out: string[] = [];
  if (kw !== null) for (const k of kw) if (k !== 'dialect') out.push(k);
  return out;
}
function kwVals(args: PyObject[], kw: string[] | null): PyObject[] {
  const out: PyObject[] = [];
  if (kw === null) return out;
  const base = args.length - kw.length;
  for (let i = 0; i < kw.length; i++) if (kw[i] !== 'dialect') out.push(args[base + i]);
  return out;
}
function checkKw(kw: string[] | null): void {
  if (kw === null) return;
  for (const k of kw) {
    if (!ATTRS.includes(k) && k !== 'dialect') throw raise(TypeError, `'${k}' is an invalid keyword argument for this function`);
  }
}
/** the dialect argument: the second positional one or the keyword */
function dialectArg(args: PyObject[], kw: string[] | null, at: int): PyObject | null {
  return arg(args, kw, at, 'dialect');
}

// the reader
function saveField(r: PyCsvReader): void {
  const s = r.field.join('');
  r.field = [];
  if (r.numericField) {
    r.numericField = false;
    r.fields.push(callObj(floatType, [newStr(s)], null));
  } else r.fields.push(newStr(s));
}
function addChar(r: PyCsvReader, c: string): void {
  if (r.field.length >= STATE.fieldLimit) throw csvError(`field larger than field limit (${STATE.fieldLimit})`);
  r.field.push(c);
}
function isNl(c: string): boolean {
  return c === '\n' || c === '\r';
}
function processChar(r: PyCsvReader, c: string): void {
  const d = r.dialect;
  let state = r.state;
  if (state === START_RECORD) {
    if (c === EOL) return;
    if (isNl(c)) {
      r.state = EAT_CRNL;
      return;
    }
    state = START_FIELD;
    r.state = START_FIELD;
  }
  if (state === AFTER_ESCAPED_CRNL) {
    if (c === EOL) return;
    state = IN_FIELD;
    r.state = IN_FIELD;
  }
  switch (state) {
    case START_FIELD:
      if (isNl(c) || c === EOL) {
        saveField(r);
        r.state = c === EOL ? START_RECORD : EAT_CRNL;
      } else if (c === d.quotechar && d.quoting !== QUOTE_NONE) r.state = IN_QUOTED_FIELD;
      else if (c === d.escapechar) r.state = ESCAPED_CHAR;
      else if (c === ' ' && d.skipinitialspace) {
        // spaces at the start of a field are dropped
      } else if (c === d.delimiter) saveField(r);
      else {
        if (d.quoting === QUOTE_NONNUMERIC) r.numericField = true;
        addChar(r, c);
        r.state = IN_FIELD;
      }
      return;
    case ESCAPED_CHAR:
      if (isNl(c)) {
        addChar(r, c);
        r.state = AFTER_ESCAPED_CRNL;
        return;
      }
      addChar(r, c === EOL ? '\n' : c);
      r.state = IN_FIELD;
      return;
    case IN_FIELD:
      if (isNl(c) || c === EOL) {
        saveField(r);
        r.state = c === EOL ? START_RECORD : EAT_CRNL;
      } else if (c === d.escapechar) r.state = ESCAPED_CHAR;
      else if (c === d.delimiter) {
        saveField(r);
        r.state = START_FIELD;
      } else addChar(r, c);
      return;
    case IN_QUOTED_FIELD:
      if (c === EOL) return;
      if (c === d.escapechar) r.state = ESCAPE_IN_QUOTED_FIELD;
      else if (c === d.quotechar && d.quoting !== QUOTE_NONE) r.state = d.doublequote ? QUOTE_IN_QUOTED_FIELD : IN_FIELD;
      else addChar(r, c);
      return;
    case ESCAPE_IN_QUOTED_FIELD:
      addChar(r, c === EOL ? '\n' : c);
      r.state = IN_QUOTED_FIELD;
      return;
    case QUOTE_IN_QUOTED_FIELD:
      if (d.quoting !== QUOTE_NONE && c === d.quotechar) {
        addChar(r, c);
        r.state = IN_QUOTED_FIELD;
      } else if (c === d.delimiter) {
        saveField(r);
        r.state = START_FIELD;
      } else if (isNl(c) || c === EOL) {
        saveField(r);
        r.state = c === EOL ? START_RECORD : EAT_CRNL;
      } else if (!d.strict) {
        addChar(r, c);
        r.state = IN_FIELD;
      } else throw csvError(`'${d.delimiter}' expected after '${d.quotechar}'`);
      return;
    case EAT_CRNL:
      if (isNl(c)) return;
      if (c === EOL) r.state = START_RECORD;
      else throw csvError("new-line character seen in unquoted field - do you need to open the file in universal-newline mode?");
      return;
  }
}
/** The next record, or null at the end of the input. */
function readRecord(r: PyCsvReader): PyObject | null {
  r.fields = [];
  r.field = [];
  r.state = START_RECORD;
  r.numericField = false;
  do {
    const line = iterNext(r.input);
    if (line === null) {
      if (r.field.length !== 0 || r.state === IN_QUOTED_FIELD) {
        if (r.dialect.strict) throw csvError('unexpected end of data');
        saveField(r);
        break;
      }
      return null;
    }
    if (!(line instanceof PyStr)) throw csvError(`iterator should return strings, not ${typeName(line)} (the file should be opened in text mode)`);
    r.lineNum++;
    for (const c of cpArray(line.s)) processChar(r, c);
    processChar(r, EOL);
  } while (r.state !== START_RECORD);
  const fields = r.fields;
  r.fields = [];
  return newList(fields);
}

// the writer
/** Whether o is a number to QUOTE_NONNUMERIC (CPython's PyNumber_Check). */
function isNumber(o: PyObject): boolean {
  if (o instanceof PyInt || o instanceof PyFloat) return true;
  return lookupType(o.cls, '__float__') !== null || lookupType(o.cls, '__index__') !== null || lookupType(o.cls, '__int__') !== null || lookupType(o.cls, '__complex__') !== null;
}
/** Appends one field (null: None) to rec, quoting and escaping it as the dialect says. */
function appendField(w: PyCsvWriter, rec: string[], first: boolean, field: string | null, quotedIn: boolean): void {
  const d = w.dialect;
  let quoted = quotedIn;
  const body: string[] = [];
  if (field !== null) {
    for (const c of cpArray(field)) {
      let wantEscape = false;
      if (c === d.delimiter || (c === d.escapechar && c !== '') || (c === d.quotechar && c !== '') || d.lineterminator.includes(c)) {
        if (d.quoting === QUOTE_NONE) wantEscape = true;
        else {
          if (c === d.quotechar) {
            if (d.doublequote) body.push(d.quotechar);
            else wantEscape = true;
          } else if (c === d.escapechar) wantEscape = true;
          if (!wantEscape) quoted = true;
        }
        if (wantEscape) {
          if (d.escapechar === '') throw csvError('need to escape, but no escapechar set');
          body.push(d.escapechar);
        }
      }
      body.push(c);
    }
  }
  if (!first) rec.push(d.delimiter);
  if (quoted) rec.push(d.quotechar);
  for (const c of body) rec.push(c);
  if (quoted) rec.push(d.quotechar);
}
function writeRow(w: PyCsvWriter, row: PyObject): PyObject {
  let it: PyObject;
  try {
    it = getIter(row);
  } catch (err) {
    if (err instanceof PyExc && err.exc.cls === TypeError) throw csvError(`iterable expected, not ${typeName(row)}`);
    throw err;
  }
  const d = w.dialect;
  const rec: string[] = [];
  let n = 0;
  while (true) {
    const f = iterNext(it);
    if (f === null) break;
    const quoted = d.quoting === QUOTE_NONNUMERIC ? !isNumber(f) : d.quoting === QUOTE_ALL;
    const text = f instanceof PyStr ? f.s : f === None ? null : str(f);
    appendField(w, rec, n === 0, text, quoted);
    n++;
  }
  if (n === 1 && rec.length === 0) {
    // a record of one empty field must be quoted, or it would read back as no field at all
    if (d.quoting === QUOTE_NONE) throw csvError('single empty field record must be quoted');
    appendField(w, rec, true, null, true);
  }
  rec.push(d.lineterminator);
  return callObj(w.write, [newStr(rec.join(''))], null);
}

function dialectAttr(d: PyDialect, i: int): PyObject {
  switch (ATTRS[i]) {
    case 'delimiter':
      return newStr(d.delimiter);
    case 'doublequote':
      return d.doublequote ? True : False;
    case 'escapechar':
      return d.escapechar === '' ? None : newStr(d.escapechar);
    case 'lineterminator':
      return newStr(d.lineterminator);
    case 'quotechar':
      return d.quotechar === '' ? None : newStr(d.quotechar);
    case 'quoting':
      return newInt(d.quoting);
    case 'skipinitialspace':
      return d.skipinitialspace ? True : False;
  }
  return d.strict ? True : False;
}

export function callCsv(b: PyBuiltin, id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  switch (id) {
    case B.CSV_DIALECT_NEW: {
      const t = args[0] as PyType;
      checkKw(kw);
      if (n > 2) throw raise(TypeError, `Dialect() takes at most 1 positional argument (${n - 1} given)`);
      return makeDialect(t, dialectArg(args, kw, 1), kwNames(kw), kwVals(args, kw));
    }
    case B.CSV_READER: {
      if (n < 1) throw raise(TypeError, 'expected at least 1 argument, got 0');
      if (n > 2) throw raise(TypeError, `expected at most 2 arguments, got ${n}`);
      checkKw(kw);
      const input = getIter(args[0]);
      return new PyCsvReader(input, makeDialect(DIALECT_TYPE, dialectArg(args, kw, 1), kwNames(kw), kwVals(args, kw)));
    }
    case B.CSV_WRITER: {
      if (n < 1) throw raise(TypeError, 'expected at least 1 argument, got 0');
      if (n > 2) throw raise(TypeError, `expected at most 2 arguments, got ${n}`);
      checkKw(kw);
      const write = getAttrOrNull(args[0], 'write');
      if (write === null) throw raise(TypeError, 'argument 1 must have a "write" method');
      return new PyCsvWriter(write, makeDialect(DIALECT_TYPE, dialectArg(args, kw, 1), kwNames(kw), kwVals(args, kw)));
    }
    case B.CSV_REGISTER_DIALECT: {
      if (n < 1) throw raise(TypeError, 'register_dialect() expected at least 1 argument, got 0');
      if (n > 2) throw raise(TypeError, `register_dialect() expected at most 2 arguments, got ${n}`);
      const name = args[0];
      if (!(name instanceof PyStr)) throw raise(TypeError, 'dialect name must be a string');
      checkKw(kw);
      STATE.dialects.set(name.s, makeDialect(DIALECT_TYPE, dialectArg(args, kw, 1), kwNames(kw), kwVals(args, kw)));
      return None;
    }
    case B.CSV_UNREGISTER_DIALECT: {
      const name = arg(args, kw, 0, 'name');
      if (name === null) throw raise(TypeError, "unregister_dialect() missing required argument 'name' (pos 1)");
      if (!(name instanceof PyStr) || !STATE.dialects.has(name.s)) throw csvError('unknown dialect');
      STATE.dialects.delete(name.s);
      return None;
    }
    case B.CSV_GET_DIALECT: {
      const name = arg(args, kw, 0, 'name');
      if (name === null) throw raise(TypeError, "get_dialect() missing required argument 'name' (pos 1)");
      return getDialect(name);
    }
    case B.CSV_LIST_DIALECTS: {
      const names: PyObject[] = [];
      for (const k of STATE.dialects.keys()) names.push(newStr(k));
      return newList(names);
    }
    case B.CSV_FIELD_SIZE_LIMIT: {
      const old = STATE.fieldLimit;
      const lim = arg(args, kw, 0, 'new_limit');
      if (n > 1) throw raise(TypeError, `field_size_limit expected at most 1 argument, got ${n}`);
      if (lim !== null) {
        if (!(lim instanceof PyInt) || lim.cls !== intType) throw raise(TypeError, 'limit must be an integer');
        const li = lim as PyInt;
        STATE.fieldLimit = bigOf(li) === null ? li.v : 9223372036854775807;
      }
      return newInt(old);
    }
    case B.CSV_DIALECT_ATTR: {
      const d = args[0];
      if (!(d instanceof PyDialect)) throw raise(TypeError, `descriptor requires a '_csv.Dialect' object but received a '${typeName(d)}'`);
      return dialectAttr(d, (b.data as PyInt).v);
    }
    case B.CSV_READER_DIALECT:
      return (args[0] as PyCsvReader).dialect;
    case B.CSV_READER_LINE_NUM:
      return newInt((args[0] as PyCsvReader).lineNum);
    case B.CSV_READER_NEXT: {
      const rec = readRecord(args[0] as PyCsvReader);
      if (rec === null) throw new PyExc(new PyBaseExc(StopIteration));
      return rec;
    }
    case B.CSV_READER_ITER:
      return args[0];
    case B.CSV_WRITER_DIALECT:
      return (args[0] as PyCsvWriter).dialect;
    case B.CSV_WRITER_WRITEROW: {
      if (n !== 2) throw raise(TypeError, `writerow() takes exactly one argument (${n - 1} given)`);
      return writeRow(args[0] as PyCsvWriter, args[1]);
    }
    case B.CSV_WRITER_WRITEROWS: {
      if (n !== 2) throw raise(TypeError, `writerows() takes exactly one argument (${n - 1} given)`);
      const w = args[0] as PyCsvWriter;
      const it = getIter(args[1]);
      while (true) {
        const row = iterNext(it);
        if (row === null) break;
        writeRow(w, row);
      }
      return None;
    }
  }
  throw unhandledBuiltin('_csv function', id);
}
