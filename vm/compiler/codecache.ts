// pyvm's bytecode cache format (the files in __pycache__/NAME.pyvm-311.pyc): a header and a code
// object with everything its constants can hold. Little-endian whatever the host, so a cache
// written on one machine loads on another, and deterministic (no hashes, addresses or mtimes
// in it: frozensets are written in the order of their items' encodings), so the same source
// gives the same bytes.
//
// Header (20 bytes): magic (4 bytes, changes with the format and the opcode table), flags (4;
// PEP 552's hash-based pycs, no mtime: FLAG_CHECKED_HASH for a file an import wrote, checked
// against the source's bytes at each load; FLAG_UNCHECKED_HASH for the library the release
// build precompiled, which, as CPython's unchecked-hash pycs, is trusted without reading the
// source: the build keeps the two in step), the source file's length in bytes (4), a 32-bit
// hash of its bytes (4) and one of the rest of the file (4: the interpreter trusts code
// objects, so a damaged file must not load, checked or not). Then the code object.
// A string is a varint x: odd x is a reference to the (x - 1) / 2'th string written in full
// before it (names repeat across a module's functions: read once, one object shared, as
// marshal's references and CPython's interned names); even x is a new string of x / 2 units,
// then 0 and one byte per unit when every unit is below 256 (the reader slices it out of the
// file's text whole), or 1 and a varint per unit.
//
// The loader reads the file as Latin-1 text (os.readFileLatin1: each byte one code unit), a
// quarter of the memory of a byte list, and hashes with 32-bit FNV-1a (Math.imul): start-up
// with the library's cache is mostly this file's reading (issue 15).
//
// A file that does not decode (truncated, corrupt, another version's) is not an error: decode
// returns null and the importer compiles the source again.
import type { int, float } from '../../translate/rlib/index.ts';
import { floorDiv, floorMod, os } from '../../translate/rlib/index.ts';
import { PyObject, PyInt, PyFloat, PyStr, PyBytes, PyTuple, PySet, None, True, False, Ellipsis, intType, boolType, floatType, strType, bytesType, tupleType, frozensetType, newInt, newFloat, newStr, newTuple, newDict, bigOf } from '../objects/core.ts';
import { BigNum } from '../objects/bigint.ts';
import { fromBig } from '../objects/intops.ts';
import { dictSet } from '../objects/dict.ts';
import { PyComplex, newComplex } from '../builtins/complex.ts';
import { complexType } from '../objects/core.ts';
import { pushDoubleLE, readDoubleLE } from '../modules/struct.ts';
import { PyCode, packInstructions, noCaches } from './code.ts';
import { OPS } from './opcodes.ts';

/** Bump when the encoding below or what the compiler emits changes in a way the opcode table
 * does not show (tests/vm/compiler/codecache.test.ts pins it with the magic). */
export const CODECACHE_VERSION = 3;
/** sys.implementation.cache_tag: the cache files' names are NAME.pyvm-311.pyc */
export const CACHE_TAG = 'pyvm-311';
export const FLAG_CHECKED_HASH = 3;
export const FLAG_UNCHECKED_HASH = 1;
export const HEADER_SIZE = 20;
/** How deep constants may nest before the encoder gives up (the cache is then not written). */
const MAX_DEPTH = 1000;

const FNV_BASIS = 2166136261;

/** One FNV-1a step over a 32-bit lane (the same in TypeScript and C: Math.imul is int32). */
function fnv32(h: int, x: int): int {
  return Math.imul(h ^ x, 16777619);
}
/** Steps over an int's four low bytes, low first. */
function fnvInt(h: int, x: int): int {
  let r = h;
  let v = floorMod(x, 4294967296);
  for (let k = 0; k < 4; k++) {
    r = fnv32(r, v & 255);
    v = floorDiv(v, 256);
  }
  return r;
}
/** A hash of bytes b[from..] (the header's payload hash, as the writer computes it). */
function bytesHash(b: int[], from: int): int {
  let h = FNV_BASIS | 0;
  for (let i = from; i < b.length; i++) h = fnv32(h, b[i]);
  return floorMod(h, 4294967296);
}
/** The same hash of text[from..], a file's bytes read as Latin-1 text: the header's source hash
 * (from 0) and, as the loader checks it, its payload hash. */
function textHash(text: string, from: int): int {
  let h = FNV_BASIS | 0;
  for (let i = from; i < text.length; i++) h = fnv32(h, text.charCodeAt(i));
  return floorMod(h, 4294967296);
}

class MagicCache {
  magic: int = -1;
}
const MAGIC = new MagicCache();
/** The format's magic: a hash of CODECACHE_VERSION, every opcode's row and the binary's build id
 * (os.buildId: a hash of all of pyvm's sources), so a cache another build wrote, whose compiler
 * may emit other code for the same opcodes, is never loaded. */
export function codecacheMagic(): int {
  if (MAGIC.magic >= 0) return MAGIC.magic;
  let h = fnvInt(FNV_BASIS | 0, CODECACHE_VERSION);
  const id = os.buildId();
  h = fnvInt(h, id.length);
  for (let i = 0; i < id.length; i++) h = fnvInt(h, id.charCodeAt(i));
  for (const r of OPS.rows) {
    h = fnvInt(h, r.effect);
    h = fnvInt(h, r.kind);
    h = fnvInt(h, r.perArg);
    h = fnvInt(h, r.mask);
    h = fnvInt(h, r.jump);
    h = fnvInt(h, r.flags);
    h = fnvInt(h, r.first);
    h = fnvInt(h, r.second);
  }
  h = floorMod(fnvInt(h, OPS.rows.length), 4294967296);
  MAGIC.magic = h;
  return h;
}

// ---- writing ----
class Unencodable extends Error {}

function u32(out: int[], v: int): void {
  let x = floorMod(v, 4294967296);
  for (let k = 0; k < 4; k++) {
    out.push(x & 255);
    x = floorDiv(x, 256);
  }
}
/** A non-negative int, 7 bits a byte, low first. */
function uvar(out: int[], v: int): void {
  let x = v;
  while (x >= 128) {
    out.push(128 + (x & 127));
    x = floorDiv(x, 128);
  }
  out.push(x);
}
function svar(out: int[], v: int): void {
  if (v >= 0) uvar(out, v * 2);
  else uvar(out, (-1 - v) * 2 + 1);
}
/** Where a file's strings are written: seen numbers each string written in full, so the next
 * occurrence is a reference; null writes every string in full (a frozenset item's encoding,
 * which orders the items, must not depend on what came before). */
class Writer {
  out: int[] = [];
  seen: Map<string, int> | null;
  constructor(shared: boolean) {
    this.seen = shared ? new Map<string, int>() : null;
  }
}

function text(w: Writer, s: string): void {
  const out = w.out;
  const seen = w.seen;
  if (seen !== null) {
    const k = seen.get(s);
    if (k !== undefined) {
      uvar(out, k * 2 + 1);
      return;
    }
    seen.set(s, seen.size);
  }
  uvar(out, s.length * 2);
  let narrow = true;
  for (let i = 0; i < s.length && narrow; i++) if (s.charCodeAt(i) > 255) narrow = false;
  out.push(narrow ? 0 : 1);
  for (let i = 0; i < s.length; i++) {
    if (narrow) out.push(s.charCodeAt(i));
    else uvar(out, s.charCodeAt(i));
  }
}
function ints(w: Writer, xs: int[]): void {
  uvar(w.out, xs.length);
  for (const x of xs) svar(w.out, x);
}
function strs(w: Writer, xs: string[]): void {
  uvar(w.out, xs.length);
  for (const x of xs) text(w, x);
}
/** Lexicographic order of two encodings (a frozenset's canonical order). */
function cmpBytes(a: int[], b: int[]): int {
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length;
}

function writeObj(w: Writer, v: PyObject, depth: int): void {
  if (depth > MAX_DEPTH) throw new Unencodable('too deep');
  const out = w.out;
  if (v === None) out.push(78); // N
  else if (v === True) out.push(84); // T
  else if (v === False) out.push(70); // F
  else if (v === Ellipsis) out.push(46); // .
  else if (v instanceof PyInt && v.cls === intType) {
    const b = bigOf(v);
    if (b === null) {
      out.push(105); // i
      svar(out, v.v);
    } else {
      out.push(108); // l
      out.push(b.sign < 0 ? 1 : 0);
      uvar(out, b.d.length);
      for (const d of b.d) {
        out.push(d & 255);
        out.push((d >> 8) & 255);
        out.push((d >> 16) & 255);
      }
    }
  } else if (v instanceof PyFloat && v.cls === floatType) {
    out.push(102); // f
    pushDoubleLE(out, v.v);
  } else if (v instanceof PyComplex && v.cls === complexType) {
    out.push(99); // c
    pushDoubleLE(out, v.re);
    pushDoubleLE(out, v.im);
  } else if (v instanceof PyStr && v.cls === strType) {
    out.push(115); // s
    text(w, v.s);
  } else if (v instanceof PyBytes && v.cls === bytesType) {
    out.push(98); // b
    uvar(out, v.b.length);
    for (const x of v.b) out.push(x);
  } else if (v instanceof PyTuple && v.cls === tupleType) {
    out.push(40); // (
    uvar(out, v.items.length);
    for (const x of v.items) writeObj(w, x, depth + 1);
  } else if (v instanceof PySet && v.cls === frozensetType) {
    // items in the order of their encodings in full, then written in that order
    const parts: int[][] = [];
    const items: PyObject[] = [];
    const keys = v.table.keys;
    for (const k of keys) {
      if (k === null) continue;
      const p = new Writer(false);
      writeObj(p, k, depth + 1);
      parts.push(p.out);
      items.push(k);
    }
    // insertion sort: constant frozensets are small
    for (let i = 1; i < parts.length; i++) {
      const x = parts[i];
      const xi = items[i];
      let j = i - 1;
      while (j >= 0 && cmpBytes(parts[j], x) > 0) {
        parts[j + 1] = parts[j];
        items[j + 1] = items[j];
        j--;
      }
      parts[j + 1] = x;
      items[j + 1] = xi;
    }
    out.push(123); // {
    uvar(out, parts.length);
    for (const k of items) writeObj(w, k, depth + 1);
  } else if (v instanceof PyCode) {
    out.push(67); // C
    writeCode(w, v, depth + 1);
  } else throw new Unencodable('unencodable constant');
}

function writeCode(w: Writer, c: PyCode, depth: int): void {
  const out = w.out;
  text(w, c.name);
  text(w, c.qualname);
  svar(out, c.firstLine);
  ints(w, c.ops);
  ints(w, c.lines);
  uvar(out, c.consts.length);
  for (const k of c.consts) writeObj(w, k, depth);
  strs(w, c.names);
  strs(w, c.varnames);
  strs(w, c.cellvars);
  strs(w, c.freevars);
  ints(w, c.cell2arg);
  svar(out, c.argcount);
  svar(out, c.posonly);
  svar(out, c.kwonly);
  svar(out, c.flags);
  svar(out, c.stacksize);
}

/** The cache file's bytes for code compiled from the source file whose bytes are src (as
 * Latin-1 text: os.readFileLatin1), or null when a constant
 * has no encoding (the importer then writes no cache). co_filename is not stored: the loader
 * gives the code the path it found the source at, as CPython's _fix_up_module. */
export function encodeCodeFile(code: PyCode, src: string, checked: boolean = true): int[] | null {
  const w = new Writer(true);
  const out = w.out;
  u32(out, codecacheMagic());
  u32(out, checked ? FLAG_CHECKED_HASH : FLAG_UNCHECKED_HASH);
  u32(out, src.length);
  u32(out, textHash(src, 0));
  u32(out, 0);
  try {
    writeCode(w, code, 0);
  } catch (e) {
    if (e instanceof Unencodable) return null;
    throw e;
  }
  const h = bytesHash(out, HEADER_SIZE);
  for (let k = 0; k < 4; k++) out[HEADER_SIZE - 4 + k] = (h >> (8 * k)) & 255;
  return out;
}
// ---- reading ----
class Bad extends Error {}

/** Reads a cache file's bytes, given as Latin-1 text (each byte one code unit). */
class Reader {
  b: string;
  pos: int;
  filename: string;
  /** lists are read into these and sliced out at their exact size: pushing onto a new list
   * allocates its buffer again at each growth, about three times the final size in all */
  scratchInts: int[] = [];
  scratchStrs: string[] = [];
  scratchObjs: PyStr[] = [];
  /** the strings written in full so far, in file order, and their str objects once made */
  table: string[] = [];
  objs: (PyStr | null)[] = [];
  constructor(b: string, pos: int, filename: string) {
    this.b = b;
    this.pos = pos;
    this.filename = filename;
  }
  byte(): int {
    if (this.pos >= this.b.length) throw new Bad('truncated');
    return this.b.charCodeAt(this.pos++);
  }
  u32(): int {
    let v = 0;
    let m = 1;
    for (let k = 0; k < 4; k++) {
      v += this.byte() * m;
      m *= 256;
    }
    return v;
  }
  uvar(): int {
    let v = 0;
    let m = 1;
    for (let k = 0; k < 10; k++) {
      const x = this.byte();
      v += (x & 127) * m;
      if (x < 128) return v;
      m *= 128;
    }
    throw new Bad('bad varint');
  }
  /** a count of items each taking at least one byte: no larger than what is left */
  count(): int {
    const n = this.uvar();
    if (n > this.b.length - this.pos) throw new Bad('bad count');
    return n;
  }
  svar(): int {
    const u = this.uvar();
    return (u & 1) === 0 ? floorDiv(u, 2) : -1 - floorDiv(u, 2);
  }
  /** The number of the next string in the file's table of strings, read now when it is
   * written in full (not a reference). */
  textIndex(): int {
    const x = this.uvar();
    const k = floorDiv(x, 2);
    if (x - k * 2 === 1) {
      if (k >= this.table.length) throw new Bad('bad string reference');
      return k;
    }
    if (k > this.b.length - this.pos) throw new Bad('bad count');
    this.table.push(this.fresh(k));
    this.objs.push(null);
    return this.table.length - 1;
  }
  fresh(n: int): string {
    const kind = this.byte();
    if (kind === 0) {
      if (n > this.b.length - this.pos) throw new Bad('truncated');
      const s = this.b.slice(this.pos, this.pos + n);
      this.pos += n;
      return s;
    }
    if (kind !== 1) throw new Bad('bad string');
    const units: string[] = [];
    for (let i = 0; i < n; i++) {
      const c = this.uvar();
      if (c > 0xffff) throw new Bad('bad code unit');
      units.push(String.fromCharCode(c));
    }
    return units.join('');
  }
  text(): string {
    return this.table[this.textIndex()];
  }
  /** The str object of the file's k'th string: one object however often it occurs. */
  strObj(k: int): PyStr {
    const o = this.objs[k];
    if (o !== null) return o;
    const n = newStr(this.table[k]);
    this.objs[k] = n;
    return n;
  }
  ints(): int[] {
    const n = this.count();
    const r = this.scratchInts;
    r.length = 0;
    for (let i = 0; i < n; i++) r.push(this.svar());
    return r.slice(0, n);
  }
  strs(): string[] {
    const n = this.count();
    if (n === 0) return [];
    const r = this.scratchStrs;
    r.length = 0;
    for (let i = 0; i < n; i++) r.push(this.text());
    return r.slice(0, n);
  }
  double(): float {
    if (this.pos + 8 > this.b.length) throw new Bad('truncated');
    const eight: int[] = [];
    for (let k = 0; k < 8; k++) eight.push(this.b.charCodeAt(this.pos + k));
    const x = readDoubleLE(eight, 0);
    this.pos += 8;
    return x;
  }
}

function readObj(r: Reader, depth: int): PyObject {
  if (depth > MAX_DEPTH) throw new Bad('too deep');
  const t = r.byte();
  if (t === 78) return None;
  if (t === 84) return True;
  if (t === 70) return False;
  if (t === 46) return Ellipsis;
  if (t === 105) return newInt(r.svar());
  if (t === 108) {
    const neg = r.byte();
    const n = r.count();
    const d: int[] = [];
    for (let i = 0; i < n; i++) d.push(r.byte() + r.byte() * 256 + r.byte() * 65536);
    if (n === 0 || d[n - 1] === 0 || neg > 1) throw new Bad('bad long');
    return fromBig(new BigNum(neg === 1 ? -1 : 1, d));
  }
  if (t === 102) return newFloat(r.double());
  if (t === 99) {
    const re = r.double();
    return newComplex(re, r.double());
  }
  if (t === 115) return r.strObj(r.textIndex());
  if (t === 98) {
    const n = r.count();
    const b: int[] = [];
    for (let i = 0; i < n; i++) b.push(r.byte());
    return new PyBytes(bytesType, b);
  }
  if (t === 40) {
    const n = r.count();
    const items: PyObject[] = [];
    for (let i = 0; i < n; i++) items.push(readObj(r, depth + 1));
    return newTuple(items);
  }
  if (t === 123) {
    const n = r.count();
    const s = new PySet(frozensetType, newDict());
    for (let i = 0; i < n; i++) dictSet(s.table, readObj(r, depth + 1), None);
    return s;
  }
  if (t === 67) return readCode(r, depth + 1);
  throw new Bad('bad tag');
}

function readCode(r: Reader, depth: int): PyCode {
  const name = r.text();
  const qualname = r.text();
  const firstLine = r.svar();
  const c = new PyCode(name, r.filename, firstLine);
  c.qualname = qualname;
  c.ops = r.ints();
  c.lines = r.ints();
  const nc = r.count();
  for (let i = 0; i < nc; i++) c.consts.push(readObj(r, depth));
  const nn = r.count();
  if (nn > 0) {
    const names = r.scratchStrs;
    names.length = 0;
    const objs = r.scratchObjs;
    objs.length = 0;
    for (let i = 0; i < nn; i++) {
      const k = r.textIndex();
      names.push(r.table[k]);
      objs.push(r.strObj(k));
    }
    c.names = names.slice(0, nn);
    c.nameObjs = objs.slice(0, nn);
  }
  c.varnames = r.strs();
  c.cellvars = r.strs();
  c.freevars = r.strs();
  c.cell2arg = r.ints();
  c.argcount = r.svar();
  c.posonly = r.svar();
  c.kwonly = r.svar();
  c.flags = r.svar();
  c.stacksize = r.svar();
  // what the interpreter trusts without checking: opcodes in the table, constant, name and
  // local indexes and jump targets in range are the compiler's; a file that breaks them is
  // corrupt (a stale one has another magic)
  const n = c.ops.length >> 1;
  if ((c.ops.length & 1) !== 0 || c.lines.length < n) throw new Bad('bad code');
  for (let i = 0; i < n; i++) {
    const op = c.ops[i * 2];
    const arg = c.ops[i * 2 + 1];
    if (op < 0 || op >= OPS.rows.length || arg < 0 || arg >= 16777216) throw new Bad('bad instruction');
  }
  c.ics = noCaches(n);
  c.words = packInstructions(c.ops);
  return c;
}

/** The code of a cache file's bytes b when its header matches the source file's bytes src
 * (both as Latin-1 text: os.readFileLatin1), or when it is an unchecked file (src may then be
 * null: it is not read); null when it does not, or when b is not a whole, valid cache file.
 * Its code objects get filename. */
export function decodeCodeFile(b: string, src: string | null, filename: string): PyCode | null {
  if (b.length < HEADER_SIZE) return null;
  const r = new Reader(b, 0, filename);
  try {
    if (r.u32() !== codecacheMagic()) return null;
    const flags = r.u32();
    if (flags === FLAG_CHECKED_HASH) {
      if (src === null) return null;
      if (r.u32() !== floorMod(src.length, 4294967296)) return null;
      if (r.u32() !== textHash(src, 0)) return null;
    } else if (flags === FLAG_UNCHECKED_HASH) {
      r.u32();
      r.u32();
    } else return null;
    if (r.u32() !== textHash(b, HEADER_SIZE)) return null;
    const c = readCode(r, 0);
    if (r.pos !== b.length) return null;
    return c;
  } catch (e) {
    if (e instanceof Bad) return null;
    throw e;
  }
}
