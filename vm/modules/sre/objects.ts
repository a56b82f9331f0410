// The _sre module: compile() builds a Pattern from the code words re._compiler emits; Pattern,
// Match and SRE_Scanner objects with CPython 3.11's methods, attributes, reprs and errors.
// Templates in sub() and Match.expand() are handed to re._subx and re._expand, as CPython's
// _sre does.
import { bytesLike } from '../../builtins/buffer.ts';
import { type int, text } from '../../../translate/rlib/index.ts';
import {
  PyObject, PyModule, PyNative, PyInt, PyStr, PyBytes, PyDict, PyTuple, PyList, PyProperty, propertyType, bytesType,
  newInt, newStr, newList, newTuple, newDict, raise, None, True, False, TypeError, ValueError, IndexError,
  RuntimeError, OverflowErrorT, SystemError, bigOf,
} from '../../objects/core.ts';
import { dictGet, dictSet, dictSetS, dictKeys } from '../../objects/dict.ts';
import { B, FAM_SRE } from '../../builtins/ids.ts';
import { npos, arg, defMethod, mkBuiltin, unhandledBuiltin } from '../../builtins/args.ts';
import { newModuleType, newBuiltinModule, addFn } from '../registry.ts';
import { typeName, repr, pyHash, pyEq, callObj, getAttr, toIntIndex } from '../../interpreter/runtime.ts';
import { isCallable } from '../../builtins/dispatch.ts';
import { importName } from '../../interpreter/importer.ts';
import { validCode } from './validate.ts';
import * as K from './constants.ts';
import { SreState, SreCodeError, sreMatch, sreSearch } from './engine.ts';
import { asciiIsCased, unicodeIsCased, lowerAscii, lowerUnicode, SetTables } from './chars.ts';
import { cpLen } from '../../objects/strutil.ts';

const PATTERN_TYPE = newModuleType('re', 'Pattern');
const MATCH_TYPE = newModuleType('re', 'Match');
const SCANNER_TYPE = newModuleType('_sre', 'SRE_Scanner');
const ITER_TYPE = newModuleType('builtins', 'callable_iterator');

function defMethods(t: typeof PATTERN_TYPE, names: string[], ids: int[]): void {
  for (let i = 0; i < names.length; i++) defMethod(t, names[i], ids[i], FAM_SRE);
}
function defGetters(t: typeof PATTERN_TYPE, names: string[], ids: int[]): void {
  for (let i = 0; i < names.length; i++) {
    t.dict.set(names[i], new PyProperty(propertyType, mkBuiltin(names[i], ids[i], false, FAM_SRE), null, null));
  }
}
defMethods(
  PATTERN_TYPE,
  ['match', 'fullmatch', 'search', 'findall', 'finditer', 'sub', 'subn', 'split', 'scanner', '__copy__', '__deepcopy__'],
  [B.SRE_P_MATCH, B.SRE_P_FULLMATCH, B.SRE_P_SEARCH, B.SRE_P_FINDALL, B.SRE_P_FINDITER, B.SRE_P_SUB, B.SRE_P_SUBN, B.SRE_P_SPLIT, B.SRE_P_SCANNER, B.SRE_P_COPY, B.SRE_P_DEEPCOPY],
);
defGetters(PATTERN_TYPE, ['pattern', 'flags', 'groups', 'groupindex'], [B.SRE_P_PATTERN, B.SRE_P_FLAGS, B.SRE_P_GROUPS, B.SRE_P_GROUPINDEX]);
defMethods(
  MATCH_TYPE,
  ['group', 'groups', 'groupdict', 'start', 'end', 'span', 'expand', '__copy__', '__deepcopy__', '__getitem__'],
  [B.SRE_M_GROUP, B.SRE_M_GROUPS, B.SRE_M_GROUPDICT, B.SRE_M_START, B.SRE_M_END, B.SRE_M_SPAN, B.SRE_M_EXPAND, B.SRE_M_COPY, B.SRE_M_DEEPCOPY, B.SRE_M_GETITEM],
);
defGetters(
  MATCH_TYPE,
  ['lastindex', 'lastgroup', 're', 'string', 'pos', 'endpos', 'regs'],
  [B.SRE_M_LASTINDEX, B.SRE_M_LASTGROUP, B.SRE_M_RE, B.SRE_M_STRING, B.SRE_M_POS, B.SRE_M_ENDPOS, B.SRE_M_REGS],
);
defMethods(SCANNER_TYPE, ['match', 'search'], [B.SRE_S_MATCH, B.SRE_S_SEARCH]);
defGetters(SCANNER_TYPE, ['pattern'], [B.SRE_S_PATTERN]);

/** A str or bytes being matched: its characters as ints (code points or byte values). */
class Subject {
  obj: PyObject;
  isBytes: boolean;
  chars: int[];
  s: string = '';
  /** for a str with characters outside the BMP: the UTF-16 offset of each code point (and the end) */
  off: int[] | null = null;
  constructor(obj: PyObject, isBytes: boolean, chars: int[]) {
    this.obj = obj;
    this.isBytes = isBytes;
    this.chars = chars;
  }
}
function subjectOf(o: PyObject): Subject {
  if (o instanceof PyBytes) return new Subject(o, true, o.b);
  const buf = bytesLike(o);
  if (buf !== null) return new Subject(o, true, buf);
  if (!(o instanceof PyStr)) throw raise(TypeError, `expected string or bytes-like object, got '${typeName(o)}'`);
  const s = o.s;
  if (cpLen(o) === s.length) {
    // no surrogate pair (the str's length in code points, which it keeps, says so): its code
    // units are its characters, taken in one copy
    const sub = new Subject(o, false, text.unitsOf(s));
    sub.s = s;
    return sub;
  }
  // a pair is one character to Python, two units: combined one by one
  const chars: int[] = [];
  // UTF-16 offsets, kept only once a character outside the BMP shows they differ from indices
  const off: int[] = [];
  let wide = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        if (!wide) {
          wide = true;
          for (let k = 0; k < chars.length; k++) off.push(k);
        }
        off.push(i);
        chars.push((c - 0xd800) * 1024 + (d - 0xdc00) + 0x10000);
        i++;
        continue;
      }
    }
    if (wide) off.push(i);
    chars.push(c);
  }
  if (wide) off.push(s.length);
  const sub = new Subject(o, false, chars);
  sub.s = s;
  sub.off = wide ? off : null;
  return sub;
}
function sliceOf(sub: Subject, a: int, b: int): PyObject {
  if (sub.isBytes) return new PyBytes(bytesType, sub.chars.slice(a, b));
  return newStr(textOf(sub, a, b));
}
/** The text of a str subject's characters a..b. */
function textOf(sub: Subject, a: int, b: int): string {
  const off = sub.off;
  if (off === null) return sub.s.slice(a, b);
  return sub.s.slice(off[a], off[b]);
}

export class PyPattern extends PyNative {
  pattern: PyObject;
  flags: int;
  code: int[];
  groups: int;
  groupindex: PyDict;
  indexgroup: PyObject;
  /** 1 for a bytes pattern, 0 for str, -1 when made without a pattern (None) */
  isBytes: int;
  /** its character sets' tables, built as the matcher uses them */
  sets: SetTables = new SetTables();
  constructor(pattern: PyObject, flags: int, code: int[], groups: int, groupindex: PyDict, indexgroup: PyObject) {
    super(PATTERN_TYPE);
    this.pattern = pattern;
    this.flags = flags;
    this.code = code;
    this.groups = groups;
    this.groupindex = groupindex;
    this.indexgroup = indexgroup;
    this.isBytes = pattern === None ? -1 : pattern instanceof PyBytes ? 1 : 0;
  }
  override nativeRepr(): string {
    let flags = this.flags;
    // re.UNICODE is the default of str patterns: not shown
    if (this.isBytes === 0 && (flags & (K.FLAG_LOCALE | K.FLAG_UNICODE | K.FLAG_ASCII)) === K.FLAG_UNICODE) flags &= ~K.FLAG_UNICODE;
    const p = repr(this.pattern);
    const shown = p.length > 200 ? p.slice(0, 200) : p;
    if (flags === 0) return `re.compile(${shown})`;
    const names: string[] = [];
    for (let i = 0; i < FLAG_NAMES.length; i++) {
      if ((flags & FLAG_BITS[i]) !== 0) {
        names.push(FLAG_NAMES[i]);
        flags &= ~FLAG_BITS[i];
      }
    }
    if (flags !== 0) names.push('0x' + flags.toString(16));
    return `re.compile(${shown}, ${names.join('|')})`;
  }
  override nativeEq(other: PyObject): int {
    if (!(other instanceof PyPattern)) return -1;
    if (other === this) return 1;
    if (this.flags !== other.flags || this.isBytes !== other.isBytes || this.code.length !== other.code.length) return 0;
    for (let i = 0; i < this.code.length; i++) if (this.code[i] !== other.code[i]) return 0;
    return pyEq(this.pattern, other.pattern) ? 1 : 0;
  }
  override nativeHash(): int {
    let h = this.flags;
    for (const w of this.code) h = ((h * 1000003) ^ w) & 0x3fffffff;
    h = (h ^ pyHash(this.pattern)) & 0x3fffffff;
    return h === -1 ? -2 : h;
  }
}
const FLAG_NAMES: string[] = ['re.TEMPLATE', 're.IGNORECASE', 're.LOCALE', 're.MULTILINE', 're.DOTALL', 're.UNICODE', 're.VERBOSE', 're.DEBUG', 're.ASCII'];
const FLAG_BITS: int[] = [K.FLAG_TEMPLATE, K.FLAG_IGNORECASE, K.FLAG_LOCALE, K.FLAG_MULTILINE, K.FLAG_DOTALL, K.FLAG_UNICODE, K.FLAG_VERBOSE, K.FLAG_DEBUG, K.FLAG_ASCII];

export class PyMatch extends PyNative {
  pattern: PyPattern;
  sub: Subject;
  pos: int;
  endpos: int;
  /** start and end of each group, group 0 first; -1 for a group that did not take part */
  marks: int[];
  lastindex: int;
  constructor(pattern: PyPattern, sub: Subject, st: SreState) {
    super(MATCH_TYPE);
    this.pattern = pattern;
    this.sub = sub;
    this.pos = st.pos;
    this.endpos = st.endpos;
    this.lastindex = st.lastindex;
    const m: int[] = [st.start, st.ptr];
    for (let g = 0; g < pattern.groups; g++) {
      const j = 2 * g;
      if (j + 1 <= st.lastmark && st.marks[j] >= 0 && st.marks[j + 1] >= 0) {
        if (st.marks[j] > st.marks[j + 1]) throw raise(SystemError, 'The span of capturing group is wrong, please report a bug for the re module.');
        m.push(st.marks[j]);
        m.push(st.marks[j + 1]);
      } else {
        m.push(-1);
        m.push(-1);
      }
    }
    this.marks = m;
  }
  group(g: int): PyObject {
    const a = this.marks[2 * g];
    if (a < 0) return None;
    return sliceOf(this.sub, a, this.marks[2 * g + 1]);
  }
  override nativeRepr(): string {
    const m = repr(this.group(0));
    return `<re.Match object; span=(${this.marks[0]}, ${this.marks[1]}), match=${m.length > 50 ? m.slice(0, 50) : m}>`;
  }
  override nativeGetItem(k: PyObject): PyObject | null {
    return this.group(groupIndex(this, k));
  }
}

class PyScanner extends PyNative {
  pattern: PyPattern;
  sub: Subject;
  st: SreState;
  /** no more matches */
  done: boolean = false;
  constructor(pattern: PyPattern, sub: Subject, st: SreState) {
    super(SCANNER_TYPE);
    this.pattern = pattern;
    this.sub = sub;
    this.st = st;
  }
}
/** finditer's iterator: scanner.search until it gives None. */
class PyFindIter extends PyNative {
  scanner: PyScanner;
  constructor(scanner: PyScanner) {
    super(ITER_TYPE);
    this.scanner = scanner;
  }
  override isIterator(): boolean {
    return true;
  }
  override nativeNext(): PyObject | null {
    const m = scanNext(this.scanner, true);
    return m === None ? null : m;
  }
}

export function makeSre(): PyModule {
  const m = newBuiltinModule('_sre');
  addFn(m, 'compile', B.SRE_COMPILE, FAM_SRE);
  addFn(m, 'getcodesize', B.SRE_GETCODESIZE, FAM_SRE);
  addFn(m, 'ascii_iscased', B.SRE_ASCII_ISCASED, FAM_SRE);
  addFn(m, 'unicode_iscased', B.SRE_UNICODE_ISCASED, FAM_SRE);
  addFn(m, 'ascii_tolower', B.SRE_ASCII_TOLOWER, FAM_SRE);
  addFn(m, 'unicode_tolower', B.SRE_UNICODE_TOLOWER, FAM_SRE);
  dictSetS(m.dict, 'MAGIC', newInt(K.MAGIC));
  dictSetS(m.dict, 'CODESIZE', newInt(K.CODESIZE));
  dictSetS(m.dict, 'MAXREPEAT', newInt(K.MAXREPEAT));
  dictSetS(m.dict, 'MAXGROUPS', newInt(K.MAXGROUPS));
  dictSetS(m.dict, 'copyright', newStr(' SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB '));
  return m;
}

// ---- arguments ----
function required(args: PyObject[], kw: string[] | null, i: int, name: string, fn: string): PyObject {
  const a = arg(args, kw, i, name);
  if (a === null) throw raise(TypeError, `${fn}() missing required argument '${name}' (pos ${i})`);
  return a;
}
/** A Py_ssize_t argument: ints beyond the machine range clamp (they only bound slices here). */
function ssizeArg(o: PyObject | null, dflt: int): int {
  if (o === null) return dflt;
  const ob = o instanceof PyInt ? bigOf(o) : null;
  if (ob !== null) return ob.sign < 0 ? -4611686018427387904 : 4611686018427387904;
  return toIntIndex(o);
}
function intOf(o: PyObject, what: string): int {
  if (!(o instanceof PyInt)) throw raise(TypeError, `an integer is required for ${what}, got '${typeName(o)}'`);
  if (bigOf(o) !== null) throw raise(OverflowErrorT, `${what} is out of range`);
  return o.v;
}
const BIG_END = 4611686018427387904;

/** The state for matching pattern p against string o between pos and endpos. */
function stateFor(p: PyPattern, o: PyObject, pos: int, endpos: int): Subject {
  const sub = subjectOf(o);
  if (sub.isBytes && p.isBytes === 0) throw raise(TypeError, 'cannot use a string pattern on a bytes-like object');
  if (!sub.isBytes && p.isBytes === 1) throw raise(TypeError, 'cannot use a bytes pattern on a string-like object');
  return sub;
}
function newState(p: PyPattern, sub: Subject, pos: int, endpos: int): SreState {
  return new SreState(sub.chars, pos, endpos, p.groups, p.sets);
}
function runMatch(st: SreState, code: int[]): boolean {
  try {
    return sreMatch(st, code, 0, true);
  } catch (e) {
    if (e instanceof SreCodeError) throw raise(RuntimeError, `internal error in regular expression engine: ${e.message}`);
    throw e;
  }
}
function runSearch(st: SreState, code: int[]): boolean {
  try {
    return sreSearch(st, code);
  } catch (e) {
    if (e instanceof SreCodeError) throw raise(RuntimeError, `internal error in regular expression engine: ${e.message}`);
    throw e;
  }
}

function compile(args: PyObject[], kw: string[] | null): PyObject {
  const pattern = required(args, kw, 0, 'pattern', 'compile');
  const flags = intOf(required(args, kw, 1, 'flags', 'compile'), 'flags');
  const codeO = required(args, kw, 2, 'code', 'compile');
  const groups = intOf(required(args, kw, 3, 'groups', 'compile'), 'groups');
  const gi = required(args, kw, 4, 'groupindex', 'compile');
  const ig = required(args, kw, 5, 'indexgroup', 'compile');
  if (!(codeO instanceof PyList)) throw raise(TypeError, `compile() argument 'code' must be list, not ${typeName(codeO)}`);
  if (!(gi instanceof PyDict)) throw raise(TypeError, `compile() argument 'groupindex' must be dict, not ${typeName(gi)}`);
  if (!(ig instanceof PyTuple)) throw raise(TypeError, `compile() argument 'indexgroup' must be tuple, not ${typeName(ig)}`);
  const code: int[] = [];
  for (const w of codeO.items) {
    if (!(w instanceof PyInt) || bigOf(w) !== null || w.v < 0 || w.v > K.MAXREPEAT) throw raise(OverflowErrorT, 'regular expression code size limit exceeded');
    code.push(w.v);
  }
  if (groups < 0 || groups > K.MAXGROUPS || !validCode(code, groups)) throw raise(RuntimeError, 'invalid SRE code');
  if (!(pattern === None || pattern instanceof PyStr || pattern instanceof PyBytes)) throw raise(TypeError, `expected string or bytes-like object, got '${typeName(pattern)}'`);
  // a copy: the Pattern's groupindex cannot change behind its back
  const d = newDict();
  for (const k of dictKeys(gi)) dictSet(d, k, dictGet(gi, k) as PyObject);
  return new PyPattern(pattern, flags, code, groups, d, ig);
}

function patternOf(o: PyObject, method: string): PyPattern {
  if (!(o instanceof PyPattern)) throw raise(TypeError, `descriptor '${method}' for 're.Pattern' objects doesn't apply to a '${typeName(o)}' object`);
  return o;
}
function matchOf(o: PyObject, method: string): PyMatch {
  if (!(o instanceof PyMatch)) throw raise(TypeError, `descriptor '${method}' for 're.Match' objects doesn't apply to a '${typeName(o)}' object`);
  return o;
}

/** match, fullmatch or search (kind 0, 1, 2) of string from pos to endpos. */
function matchAt(p: PyPattern, o: PyObject, pos: int, endpos: int, kind: int): PyObject {
  const sub = stateFor(p, o, pos, endpos);
  const st = newState(p, sub, pos, endpos);
  st.ptr = st.start;
  let ok = false;
  if (kind === 2) ok = runSearch(st, p.code);
  else {
    st.matchAll = kind === 1;
    ok = runMatch(st, p.code);
  }
  return ok ? new PyMatch(p, sub, st) : None;
}

/** The next match of a scanner (search or match at where the last one ended), or None. */
function scanNext(sc: PyScanner, search: boolean): PyObject {
  if (sc.done) return None;
  const st = sc.st;
  st.reset();
  st.ptr = st.start;
  const ok = search ? runSearch(st, sc.pattern.code) : runMatch(st, sc.pattern.code);
  if (!ok) {
    sc.done = true;
    return None;
  }
  const m = new PyMatch(sc.pattern, sc.sub, st);
  st.mustAdvance = st.ptr === st.start;
  st.start = st.ptr;
  return m;
}
function scannerFor(p: PyPattern, args: PyObject[], kw: string[] | null, fn: string): PyScanner {
  const o = required(args, kw, 1, 'string', fn);
  const pos = ssizeArg(arg(args, kw, 2, 'pos'), 0);
  const endpos = ssizeArg(arg(args, kw, 3, 'endpos'), BIG_END);
  const sub = stateFor(p, o, pos, endpos);
  return new PyScanner(p, sub, newState(p, sub, pos, endpos));
}

function findall(p: PyPattern, o: PyObject, pos: int, endpos: int): PyObject {
  const sub = stateFor(p, o, pos, endpos);
  const st = newState(p, sub, pos, endpos);
  const out: PyObject[] = [];
  while (st.start <= st.end) {
    st.reset();
    st.ptr = st.start;
    if (!runSearch(st, p.code)) break;
    if (p.groups === 0) out.push(sliceOf(sub, st.start, st.ptr));
    else {
      const items: PyObject[] = [];
      for (let g = 1; g <= p.groups; g++) items.push(groupOrEmpty(st, sub, g));
      out.push(p.groups === 1 ? items[0] : newTuple(items));
    }
    st.mustAdvance = st.ptr === st.start;
    st.start = st.ptr;
  }
  return newList(out);
}
/** Group g of the state's match, '' (or b'') when it did not take part. */
function groupOrEmpty(st: SreState, sub: Subject, g: int): PyObject {
  const j = 2 * (g - 1);
  if (j + 1 <= st.lastmark && st.marks[j] >= 0 && st.marks[j + 1] >= 0) return sliceOf(sub, st.marks[j], st.marks[j + 1]);
  return sliceOf(sub, 0, 0);
}
function groupOrNone(st: SreState, sub: Subject, g: int): PyObject {
  const j = 2 * (g - 1);
  if (j + 1 <= st.lastmark && st.marks[j] >= 0 && st.marks[j + 1] >= 0) return sliceOf(sub, st.marks[j], st.marks[j + 1]);
  return None;
}

function split(p: PyPattern, o: PyObject, maxsplit: int): PyObject {
  const sub = stateFor(p, o, 0, BIG_END);
  const st = newState(p, sub, 0, BIG_END);
  const out: PyObject[] = [];
  let n = 0;
  let last = st.start;
  while (maxsplit <= 0 || n < maxsplit) {
    st.reset();
    st.ptr = st.start;
    if (!runSearch(st, p.code)) break;
    out.push(sliceOf(sub, last, st.start));
    for (let g = 1; g <= p.groups; g++) out.push(groupOrNone(st, sub, g));
    n++;
    st.mustAdvance = st.ptr === st.start;
    last = st.ptr;
    st.start = st.ptr;
  }
  out.push(sliceOf(sub, last, st.endpos));
  return newList(out);
}

/** sub and subn: the new string, and how many replacements were made. */
function subx(p: PyPattern, repl: PyObject, o: PyObject, count: int, withCount: boolean): PyObject {
  let filter: PyObject = repl;
  let callable = isCallable(repl);
  if (!callable) {
    let literal = true;
    if (repl instanceof PyStr) literal = repl.s.indexOf('\\') < 0;
    else if (repl instanceof PyBytes) literal = repl.b.indexOf(92) < 0;
    else literal = false;
    if (!literal) {
      // a template: re._subx compiles it to a literal or a function of the match
      const re = importName('re', None, 0, newDict());
      filter = callObj(getAttr(re, '_subx'), [p, repl], null);
      callable = isCallable(filter);
    }
  }
  const sub = stateFor(p, o, 0, BIG_END);
  const st = newState(p, sub, 0, BIG_END);
  const pieces = new SubPieces(sub);
  let n = 0;
  let i = 0;
  while (count <= 0 || n < count) {
    st.reset();
    st.ptr = st.start;
    if (!runSearch(st, p.code)) break;
    const b = st.start;
    const e = st.ptr;
    if (i < b) pieces.addSlice(i, b);
    let item = filter;
    if (callable) item = callObj(filter, [new PyMatch(p, sub, st)], null);
    if (item !== None) pieces.add(item);
    i = e;
    n++;
    st.mustAdvance = st.ptr === st.start;
    st.start = st.ptr;
  }
  if (i < st.endpos) pieces.addSlice(i, st.endpos);
  const joined = pieces.join();
  return withCount ? newTuple([joined, newInt(n)]) : joined;
}
/** The pieces of sub()'s result, joined once at the end. For a str subject, the text of each:
 * the subject's own between matches is sliced without making a str object of it. A piece of
 * the wrong type fails the join as CPython's (its index in the message), after every match has
 * been replaced: a callable replacement runs for all of them first. */
class SubPieces {
  sub: Subject;
  texts: string[] = [];
  objs: PyObject[] = [];
  count: int = 0;
  /** the first piece that is not a str, and its index, for a str subject */
  bad: PyObject | null = null;
  badAt: int = -1;
  constructor(sub: Subject) {
    this.sub = sub;
  }
  addSlice(a: int, b: int): void {
    if (this.sub.isBytes) this.objs.push(sliceOf(this.sub, a, b));
    else this.texts.push(textOf(this.sub, a, b));
    this.count++;
  }
  add(x: PyObject): void {
    if (this.sub.isBytes) this.objs.push(x);
    else if (x instanceof PyStr) this.texts.push(x.s);
    else if (this.bad === null) {
      this.bad = x;
      this.badAt = this.count;
    }
    this.count++;
  }
  join(): PyObject {
    if (this.sub.isBytes) {
      const out: int[] = [];
      for (let k = 0; k < this.objs.length; k++) {
        const x = this.objs[k];
        if (!(x instanceof PyBytes)) throw raise(TypeError, `sequence item ${k}: expected a bytes-like object, ${typeName(x)} found`);
        for (const c of x.b) out.push(c);
      }
      return new PyBytes(bytesType, out);
    }
    const bad = this.bad;
    if (bad !== null) throw raise(TypeError, `sequence item ${this.badAt}: expected str instance, ${typeName(bad)} found`);
    return newStr(this.texts.join(''));
  }
}

/** The group number that k names (an int or a group name), as Match methods take it. */
function groupIndex(m: PyMatch, k: PyObject): int {
  let i = -1;
  if (k instanceof PyInt) i = bigOf(k) !== null ? -1 : k.v;
  else {
    const v = dictGet(m.pattern.groupindex, k);
    if (v !== null && v instanceof PyInt) i = v.v;
  }
  if (i < 0 || i > m.pattern.groups) throw raise(IndexError, 'no such group');
  return i;
}
function spanOf(m: PyMatch, g: int): PyObject {
  return newTuple([newInt(m.marks[2 * g]), newInt(m.marks[2 * g + 1])]);
}

export function callSre(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  switch (id) {
    case B.SRE_COMPILE:
      return compile(args, kw);
    case B.SRE_GETCODESIZE:
      return newInt(K.CODESIZE);
    case B.SRE_ASCII_ISCASED:
      return asciiIsCased(intOf(required(args, kw, 0, 'character', 'ascii_iscased'), 'character')) ? True : False;
    case B.SRE_UNICODE_ISCASED:
      return unicodeIsCased(intOf(required(args, kw, 0, 'character', 'unicode_iscased'), 'character')) ? True : False;
    case B.SRE_ASCII_TOLOWER:
      return newInt(lowerAscii(intOf(required(args, kw, 0, 'character', 'ascii_tolower'), 'character')));
    case B.SRE_UNICODE_TOLOWER:
      return newInt(lowerUnicode(intOf(required(args, kw, 0, 'character', 'unicode_tolower'), 'character')));
    case B.SRE_P_MATCH:
    case B.SRE_P_FULLMATCH:
    case B.SRE_P_SEARCH: {
      const name = id === B.SRE_P_MATCH ? 'match' : id === B.SRE_P_FULLMATCH ? 'fullmatch' : 'search';
      const p = patternOf(args[0], name);
      const o = required(args, kw, 1, 'string', name);
      const kind = id === B.SRE_P_MATCH ? 0 : id === B.SRE_P_FULLMATCH ? 1 : 2;
      return matchAt(p, o, ssizeArg(arg(args, kw, 2, 'pos'), 0), ssizeArg(arg(args, kw, 3, 'endpos'), BIG_END), kind);
    }
    case B.SRE_P_FINDALL: {
      const p = patternOf(args[0], 'findall');
      const o = required(args, kw, 1, 'string', 'findall');
      return findall(p, o, ssizeArg(arg(args, kw, 2, 'pos'), 0), ssizeArg(arg(args, kw, 3, 'endpos'), BIG_END));
    }
    case B.SRE_P_FINDITER:
      return new PyFindIter(scannerFor(patternOf(args[0], 'finditer'), args, kw, 'finditer'));
    case B.SRE_P_SCANNER:
      return scannerFor(patternOf(args[0], 'scanner'), args, kw, 'scanner');
    case B.SRE_P_SUB:
    case B.SRE_P_SUBN: {
      const name = id === B.SRE_P_SUB ? 'sub' : 'subn';
      const p = patternOf(args[0], name);
      const repl = required(args, kw, 1, 'repl', name);
      const o = required(args, kw, 2, 'string', name);
      return subx(p, repl, o, ssizeArg(arg(args, kw, 3, 'count'), 0), id === B.SRE_P_SUBN);
    }
    case B.SRE_P_SPLIT: {
      const p = patternOf(args[0], 'split');
      return split(p, required(args, kw, 1, 'string', 'split'), ssizeArg(arg(args, kw, 2, 'maxsplit'), 0));
    }
    case B.SRE_P_COPY:
    case B.SRE_P_DEEPCOPY:
      return patternOf(args[0], '__copy__');
    case B.SRE_P_PATTERN:
      return patternOf(args[0], 'pattern').pattern;
    case B.SRE_P_FLAGS:
      return newInt(patternOf(args[0], 'flags').flags);
    case B.SRE_P_GROUPS:
      return newInt(patternOf(args[0], 'groups').groups);
    case B.SRE_P_GROUPINDEX: {
      const gi = patternOf(args[0], 'groupindex').groupindex;
      const d = newDict();
      for (const k of dictKeys(gi)) dictSet(d, k, dictGet(gi, k) as PyObject);
      return d;
    }
    case B.SRE_M_GROUP: {
      const m = matchOf(args[0], 'group');
      if (n <= 1) return m.group(0);
      if (n === 2) return m.group(groupIndex(m, args[1]));
      const items: PyObject[] = [];
      for (let k = 1; k < n; k++) items.push(m.group(groupIndex(m, args[k])));
      return newTuple(items);
    }
    case B.SRE_M_GETITEM: {
      const m = matchOf(args[0], '__getitem__');
      return m.group(groupIndex(m, required(args, kw, 1, 'group', '__getitem__')));
    }
    case B.SRE_M_GROUPS: {
      const m = matchOf(args[0], 'groups');
      const dflt = arg(args, kw, 1, 'default') ?? None;
      const items: PyObject[] = [];
      for (let g = 1; g <= m.pattern.groups; g++) items.push(m.marks[2 * g] < 0 ? dflt : m.group(g));
      return newTuple(items);
    }
    case B.SRE_M_GROUPDICT: {
      const m = matchOf(args[0], 'groupdict');
      const dflt = arg(args, kw, 1, 'default') ?? None;
      const d = newDict();
      for (const k of dictKeys(m.pattern.groupindex)) {
        const g = groupIndex(m, k);
        dictSet(d, k, m.marks[2 * g] < 0 ? dflt : m.group(g));
      }
      return d;
    }
    case B.SRE_M_START:
    case B.SRE_M_END:
    case B.SRE_M_SPAN: {
      const m = matchOf(args[0], id === B.SRE_M_START ? 'start' : id === B.SRE_M_END ? 'end' : 'span');
      const ga = arg(args, kw, 1, 'group');
      const g = ga === null ? 0 : groupIndex(m, ga);
      if (id === B.SRE_M_SPAN) return spanOf(m, g);
      return newInt(m.marks[2 * g + (id === B.SRE_M_START ? 0 : 1)]);
    }
    case B.SRE_M_EXPAND: {
      const m = matchOf(args[0], 'expand');
      const t = required(args, kw, 1, 'template', 'expand');
      const re = importName('re', None, 0, newDict());
      return callObj(getAttr(re, '_expand'), [m.pattern, m, t], null);
    }
    case B.SRE_M_COPY:
    case B.SRE_M_DEEPCOPY:
      return matchOf(args[0], '__copy__');
    case B.SRE_M_LASTINDEX: {
      const m = matchOf(args[0], 'lastindex');
      return m.lastindex >= 0 ? newInt(m.lastindex) : None;
    }
    case B.SRE_M_LASTGROUP: {
      const m = matchOf(args[0], 'lastgroup');
      const ig = m.pattern.indexgroup;
      if (m.lastindex < 0 || !(ig instanceof PyTuple) || m.lastindex >= ig.items.length) return None;
      return ig.items[m.lastindex];
    }
    case B.SRE_M_RE:
      return matchOf(args[0], 're').pattern;
    case B.SRE_M_STRING:
      return matchOf(args[0], 'string').sub.obj;
    case B.SRE_M_POS:
      return newInt(matchOf(args[0], 'pos').pos);
    case B.SRE_M_ENDPOS:
      return newInt(matchOf(args[0], 'endpos').endpos);
    case B.SRE_M_REGS: {
      const m = matchOf(args[0], 'regs');
      const items: PyObject[] = [];
      for (let g = 0; g <= m.pattern.groups; g++) items.push(spanOf(m, g));
      return newTuple(items);
    }
    case B.SRE_S_MATCH:
    case B.SRE_S_SEARCH: {
      const sc = args[0];
      if (!(sc instanceof PyScanner)) throw raise(TypeError, `descriptor requires a '_sre.SRE_Scanner' object but received '${typeName(sc)}'`);
      return scanNext(sc, id === B.SRE_S_SEARCH);
    }
    case B.SRE_S_PATTERN: {
      const sc = args[0];
      if (!(sc instanceof PyScanner)) throw raise(TypeError, `descriptor requires a '_sre.SRE_Scanner' object but received '${typeName(sc)}'`);
      return sc.pattern;
    }
  }
  throw unhandledBuiltin('_sre function', id);
}
