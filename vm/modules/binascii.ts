// The binascii module: hex and base64 conversions and the CRCs that base64, zipfile and
// friends build on, with CPython's errors (binascii.Error is a ValueError).
import { bytesLike } from '../builtins/buffer.ts';
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, PyType, PyBytes, PyStr, PyInt, typeType, bytesType, newInt, raise, TypeError, ValueError, L_EXC, bigOf } from '../objects/core.ts';
import { dictSetS } from '../objects/dict.ts';
import { B, FAM_BINASCII, FAM_ARRAYBYTES } from '../builtins/ids.ts';
import { npos, arg, kwArg, unhandledBuiltin } from '../builtins/args.ts';
import { UuError, a2bUu, b2aUu, a2bQp, b2aQp } from './binasciitext.ts';
import { newBuiltinModule, addFn } from './registry.ts';
import { truthy, typeName, computeMro } from '../interpreter/runtime.ts';

function excType(name: string, base: PyType): PyType {
  const t = new PyType(typeType, name);
  t.bases.push(base);
  t.layout = L_EXC;
  t.isBuiltin = false;
  t.module = 'binascii';
  return t;
}
class BinasciiTypes {
  error: PyType = excType('Error', ValueError);
  incomplete: PyType = excType('Incomplete', ValueError);
}
const BT = new BinasciiTypes();

const HEX = '0123456789abcdef';
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** The base64 value of each byte, -1 for bytes outside the alphabet. */
const B64_VALUE: int[] = [];
for (let i = 0; i < 256; i++) B64_VALUE.push(B64.indexOf(String.fromCharCode(i)));
/** CRC-32 (zlib's polynomial) of each byte value. */
const CRC_TABLE: int[] = [];
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  CRC_TABLE.push(c >>> 0);
}

export function makeBinascii(): PyModule {
  const m = newBuiltinModule('binascii');
  addFn(m, 'hexlify', B.BINASCII_HEXLIFY, FAM_BINASCII);
  addFn(m, 'b2a_hex', B.BINASCII_HEXLIFY, FAM_BINASCII);
  addFn(m, 'unhexlify', B.BINASCII_UNHEXLIFY, FAM_BINASCII);
  addFn(m, 'a2b_hex', B.BINASCII_UNHEXLIFY, FAM_BINASCII);
  addFn(m, 'b2a_base64', B.BINASCII_B2A_BASE64, FAM_BINASCII);
  addFn(m, 'a2b_base64', B.BINASCII_A2B_BASE64, FAM_BINASCII);
  addFn(m, 'crc32', B.BINASCII_CRC32, FAM_BINASCII);
  addFn(m, 'crc_hqx', B.BINASCII_CRC_HQX, FAM_BINASCII);
  addFn(m, 'a2b_uu', B.BINASCII_A2B_UU, FAM_ARRAYBYTES);
  addFn(m, 'b2a_uu', B.BINASCII_B2A_UU, FAM_ARRAYBYTES);
  addFn(m, 'a2b_qp', B.BINASCII_A2B_QP, FAM_ARRAYBYTES);
  addFn(m, 'b2a_qp', B.BINASCII_B2A_QP, FAM_ARRAYBYTES);
  // the builtin exceptions get their MROs when the VM starts, so these are computed here
  BT.error.mro = computeMro(BT.error);
  BT.incomplete.mro = computeMro(BT.incomplete);
  dictSetS(m.dict, 'Error', BT.error);
  dictSetS(m.dict, 'Incomplete', BT.incomplete);
  return m;
}

/** A bytes-like argument (or, where CPython takes one, an ASCII str). */
function dataArg(o: PyObject, asciiStr: boolean): int[] {
  const b = bytesLike(o);
  if (b !== null) return b;
  if (asciiStr && o instanceof PyStr) {
    const out: int[] = [];
    for (let i = 0; i < o.s.length; i++) {
      const c = o.s.charCodeAt(i);
      if (c > 127) throw raise(ValueError, 'string argument should contain only ASCII characters');
      out.push(c);
    }
    return out;
  }
  if (asciiStr) throw raise(TypeError, `argument should be bytes, buffer or ASCII string, not '${typeName(o)}'`);
  throw raise(TypeError, `a bytes-like object is required, not '${typeName(o)}'`);
}
function bytesOf(b: int[]): PyBytes {
  return new PyBytes(bytesType, b);
}
function hexValue(c: int): int {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

function hexlify(data: int[], sepO: PyObject | null, perSep: int): int[] {
  const out: int[] = [];
  let sep = -1;
  if (sepO !== null) {
    const s = dataArg(sepO, true);
    if (s.length !== 1) throw raise(ValueError, 'sep must be length 1.');
    sep = s[0];
  }
  const n = data.length;
  const group = perSep < 0 ? -perSep : perSep;
  for (let i = 0; i < n; i++) {
    // separators count groups from the right for a positive bytes_per_sep, from the left else
    if (sep >= 0 && i > 0 && group > 0 && (perSep > 0 ? (n - i) % group === 0 : i % group === 0)) out.push(sep);
    out.push(HEX.charCodeAt(data[i] >> 4));
    out.push(HEX.charCodeAt(data[i] & 15));
  }
  return out;
}
function unhexlify(s: int[]): int[] {
  if (s.length % 2 !== 0) throw raise(BT.error, 'Odd-length string');
  const out: int[] = [];
  for (let i = 0; i < s.length; i += 2) {
    const hi = hexValue(s[i]);
    const lo = hexValue(s[i + 1]);
    if (hi < 0 || lo < 0) throw raise(BT.error, 'Non-hexadecimal digit found');
    out.push(hi * 16 + lo);
  }
  return out;
}
function b2aBase64(data: int[], newline: boolean): int[] {
  const out: int[] = [];
  let i = 0;
  for (; i + 2 < data.length; i += 3) {
    const v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    out.push(B64.charCodeAt((v >> 18) & 63));
    out.push(B64.charCodeAt((v >> 12) & 63));
    out.push(B64.charCodeAt((v >> 6) & 63));
    out.push(B64.charCodeAt(v & 63));
  }
  const rest = data.length - i;
  if (rest > 0) {
    const v = (data[i] << 16) | (rest === 2 ? data[i + 1] << 8 : 0);
    out.push(B64.charCodeAt((v >> 18) & 63));
    out.push(B64.charCodeAt((v >> 12) & 63));
    out.push(rest === 2 ? B64.charCodeAt((v >> 6) & 63) : 61);
    out.push(61);
  }
  if (newline) out.push(10);
  return out;
}
/** CPython's a2b_base64: characters outside the alphabet are skipped (strict mode refuses
 * them); decoding stops at the padding that completes a quad. */
function a2bBase64(s: int[], strict: boolean): int[] {
  const out: int[] = [];
  let acc = 0;
  let bits = 0;
  let quad = 0;
  let pads = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === 61) {
      if (strict && quad === 0) throw raise(BT.error, i === 0 ? 'Leading padding not allowed' : 'Excess padding not allowed');
      // padding completes the quad when enough of it has come
      if (quad >= 2 && quad + ++pads >= 4) {
        if (strict && i + 1 < s.length) throw raise(BT.error, 'Excess data after padding');
        return out;
      }
      continue;
    }
    const v = B64_VALUE[c];
    if (v < 0) {
      if (strict) throw raise(BT.error, 'Only base64 data is allowed');
      continue;
    }
    if (strict && pads > 0) throw raise(BT.error, 'Discontinuous padding not allowed');
    pads = 0;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    quad = (quad + 1) & 3;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 255);
    }
  }
  if (quad !== 0) {
    if (quad === 1) {
      let count = 0;
      for (const c of s) if (B64_VALUE[c] >= 0) count++;
      throw raise(BT.error, `Invalid base64-encoded string: number of data characters (${count}) cannot be 1 more than a multiple of 4`);
    }
    throw raise(BT.error, 'Incorrect padding');
  }
  return out;
}
function uint32Arg(o: PyObject | null): int {
  if (o === null) return 0;
  if (!(o instanceof PyInt)) throw raise(TypeError, `'${typeName(o)}' object cannot be interpreted as an integer`);
  // CPython takes the value modulo 2**32
  const v = bigOf(o) === null ? o.v : 0;
  return (v % 4294967296 + 4294967296) % 4294967296;
}

export function callBinascii(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  const d = arg(args, kw, 0, 'data');
  if (d === null) throw raise(TypeError, `binascii function missing required argument 'data' (pos 1)`);
  switch (id) {
    case B.BINASCII_HEXLIFY: {
      const ps = arg(args, kw, 2, 'bytes_per_sep');
      return bytesOf(hexlify(dataArg(d, false), arg(args, kw, 1, 'sep'), ps === null ? 1 : (ps as PyInt).v));
    }
    case B.BINASCII_UNHEXLIFY:
      return bytesOf(unhexlify(dataArg(d, true)));
    case B.BINASCII_B2A_BASE64: {
      const nl = kwArg(args, kw, 'newline');
      return bytesOf(b2aBase64(dataArg(d, false), nl === null || truthy(nl)));
    }
    case B.BINASCII_A2B_BASE64: {
      const st = kwArg(args, kw, 'strict_mode');
      return bytesOf(a2bBase64(dataArg(d, true), st !== null && truthy(st)));
    }
    case B.BINASCII_CRC32: {
      let crc = (uint32Arg(n > 1 ? args[1] : kwArg(args, kw, 'crc')) ^ 0xffffffff) >>> 0;
      for (const b of dataArg(d, false)) crc = (CRC_TABLE[(crc ^ b) & 255] ^ (crc >>> 8)) >>> 0;
      return newInt((crc ^ 0xffffffff) >>> 0);
    }
    case B.BINASCII_CRC_HQX: {
      // both arguments are positional-only and required
      if (n !== 2 || (kw !== null && kw.length > 0)) throw raise(TypeError, `crc_hqx expected 2 arguments, got ${n}`);
      let crc = uint32Arg(args[1]) & 0xffff;
      for (const b of dataArg(d, false)) {
        crc ^= b << 8;
        for (let k = 0; k < 8; k++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
      }
      return newInt(crc);
    }
  }
  throw unhandledBuiltin('binascii function', id);
}

/** A keyword-or-positional flag of a binascii function, false when absent. */
function flagArg(args: PyObject[], kw: string[] | null, i: int, name: string, dflt: boolean): boolean {
  const o = arg(args, kw, i, name);
  return o === null ? dflt : truthy(o);
}
/** binascii's uu and quoted-printable functions (family FAM_ARRAYBYTES). */
export function callBinasciiText(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  try {
    switch (id) {
      case B.BINASCII_A2B_UU:
        if (n !== 1 || (kw !== null && kw.length > 0)) throw raise(TypeError, `binascii.a2b_uu() takes exactly one argument (${n} given)`);
        return bytesOf(a2bUu(dataArg(args[0], true)));
      case B.BINASCII_B2A_UU: {
        if (n !== 1) throw raise(TypeError, `b2a_uu() takes exactly 1 positional argument (${n} given)`);
        return bytesOf(b2aUu(dataArg(args[0], false), kwArg(args, kw, 'backtick') !== null && truthy(kwArg(args, kw, 'backtick') as PyObject)));
      }
      case B.BINASCII_A2B_QP: {
        const d = arg(args, kw, 0, 'data');
        if (d === null) throw raise(TypeError, `a2b_qp() missing required argument 'data' (pos 1)`);
        return bytesOf(a2bQp(dataArg(d, true), flagArg(args, kw, 1, 'header', false)));
      }
      case B.BINASCII_B2A_QP: {
        const d = arg(args, kw, 0, 'data');
        if (d === null) throw raise(TypeError, `b2a_qp() missing required argument 'data' (pos 1)`);
        const quotetabs = flagArg(args, kw, 1, 'quotetabs', false);
        const istext = flagArg(args, kw, 2, 'istext', true);
        return bytesOf(b2aQp(dataArg(d, false), quotetabs, istext, flagArg(args, kw, 3, 'header', false)));
      }
    }
  } catch (e) {
    if (e instanceof UuError) throw raise(BT.error, e.msg);
    throw e;
  }
  throw unhandledBuiltin('binascii function', id);
}
