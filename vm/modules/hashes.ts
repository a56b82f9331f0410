// The builtin hash modules hashlib falls back to without OpenSSL's _hashlib: _md5, _sha1,
// _sha256, _sha512, _sha3 and _blake2 (the algorithms are in hashalgos.ts), and _operator's
// _compare_digest, which hmac imports.
import type { int } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, PyType, PyNative, PyBytes, PyStr, PyInt, PyProperty, propertyType, bytesType, newInt, newStr, raise, None, True, False, TypeError, ValueError, OverflowErrorT } from '../objects/core.ts';
import { dictSetS } from '../objects/dict.ts';
import { B, FAM_HASH, FAM_OPERATOR } from '../builtins/ids.ts';
import { npos, defMethod, mkBuiltin, unhandledBuiltin } from '../builtins/args.ts';
import { newModuleType, newBuiltinModule, addFn } from './registry.ts';
import { truthy, typeName, toIntIndex } from '../interpreter/runtime.ts';
import { bytesLike } from '../builtins/buffer.ts';
import { Digest, Md5, Sha1, Sha256, Sha512, Keccak, Blake2, Blake2Params, newSha3 } from './hashalgos.ts';

class HashTypes {
  md5: PyType = newModuleType('_md5', 'md5');
  sha1: PyType = newModuleType('_sha1', 'sha1');
  sha224: PyType = newModuleType('_sha256', 'sha224');
  sha256: PyType = newModuleType('_sha256', 'sha256');
  sha384: PyType = newModuleType('_sha512', 'sha384');
  sha512: PyType = newModuleType('_sha512', 'sha512');
  sha3_224: PyType = newModuleType('_sha3', 'sha3_224');
  sha3_256: PyType = newModuleType('_sha3', 'sha3_256');
  sha3_384: PyType = newModuleType('_sha3', 'sha3_384');
  sha3_512: PyType = newModuleType('_sha3', 'sha3_512');
  shake_128: PyType = newModuleType('_sha3', 'shake_128');
  shake_256: PyType = newModuleType('_sha3', 'shake_256');
  blake2b: PyType = newModuleType('_blake2', 'blake2b');
  blake2s: PyType = newModuleType('_blake2', 'blake2s');
}
const HT = new HashTypes();
const ALL_TYPES: PyType[] = [HT.md5, HT.sha1, HT.sha224, HT.sha256, HT.sha384, HT.sha512, HT.sha3_224, HT.sha3_256, HT.sha3_384, HT.sha3_512, HT.shake_128, HT.shake_256, HT.blake2b, HT.blake2s];
/** the constructor id of each type in ALL_TYPES */
const CTOR_IDS: int[] = [B.HASH_MD5, B.HASH_SHA1, B.HASH_SHA224, B.HASH_SHA256, B.HASH_SHA384, B.HASH_SHA512, B.HASH_SHA3_224, B.HASH_SHA3_256, B.HASH_SHA3_384, B.HASH_SHA3_512, B.HASH_SHAKE_128, B.HASH_SHAKE_256, B.HASH_BLAKE2B, B.HASH_BLAKE2S];

export class PyHash extends PyNative {
  d: Digest;
  constructor(cls: PyType, d: Digest) {
    super(cls);
    this.d = d;
  }
}

function prop(t: PyType, name: string, id: int): void {
  t.dict.set(name, new PyProperty(propertyType, mkBuiltin(name, id, false, FAM_HASH), null, null));
}
for (const t of ALL_TYPES) {
  defMethod(t, 'update', B.HASH_UPDATE, FAM_HASH);
  defMethod(t, 'digest', B.HASH_DIGEST, FAM_HASH);
  defMethod(t, 'hexdigest', B.HASH_HEXDIGEST, FAM_HASH);
  defMethod(t, 'copy', B.HASH_COPY, FAM_HASH);
  prop(t, 'name', B.HASH_NAME);
  prop(t, 'digest_size', B.HASH_DIGEST_SIZE);
  prop(t, 'block_size', B.HASH_BLOCK_SIZE);
}
// the _sha3 and _blake2 constructors are their types (md5 ... sha512 are functions)
for (let i = 6; i < ALL_TYPES.length; i++) {
  ALL_TYPES[i].dict.set('__new__', mkBuiltin('__new__', CTOR_IDS[i], false, FAM_HASH));
  if (i < 12) {
    prop(ALL_TYPES[i], '_rate_bits', B.HASH_RATE_BITS);
    prop(ALL_TYPES[i], '_capacity_bits', B.HASH_CAPACITY_BITS);
    prop(ALL_TYPES[i], '_suffix', B.HASH_SUFFIX);
  }
}
function blakeConsts(t: PyType, salt: int, maxKey: int): void {
  t.dict.set('SALT_SIZE', newInt(salt));
  t.dict.set('PERSON_SIZE', newInt(salt));
  t.dict.set('MAX_KEY_SIZE', newInt(maxKey));
  t.dict.set('MAX_DIGEST_SIZE', newInt(maxKey));
}
blakeConsts(HT.blake2b, 16, 64);
blakeConsts(HT.blake2s, 8, 32);

function addType(m: PyModule, t: PyType, ctorName: string, id: int, typeName: string): void {
  if (ctorName !== '') addFn(m, ctorName, id, FAM_HASH);
  if (typeName !== '') dictSetS(m.dict, typeName, t);
}
export function makeHashModule(name: string): PyModule {
  const m = newBuiltinModule(name);
  switch (name) {
    case '_md5':
      addType(m, HT.md5, 'md5', B.HASH_MD5, 'MD5Type');
      break;
    case '_sha1':
      addType(m, HT.sha1, 'sha1', B.HASH_SHA1, 'SHA1Type');
      break;
    case '_sha256':
      addType(m, HT.sha224, 'sha224', B.HASH_SHA224, 'SHA224Type');
      addType(m, HT.sha256, 'sha256', B.HASH_SHA256, 'SHA256Type');
      break;
    case '_sha512':
      addType(m, HT.sha384, 'sha384', B.HASH_SHA384, 'SHA384Type');
      addType(m, HT.sha512, 'sha512', B.HASH_SHA512, 'SHA512Type');
      break;
    case '_sha3':
      for (let i = 6; i < 12; i++) dictSetS(m.dict, ALL_TYPES[i].name, ALL_TYPES[i]);
      dictSetS(m.dict, 'implementation', newStr('pyvm'));
      dictSetS(m.dict, 'keccakopt', newInt(64));
      break;
    case '_blake2':
      dictSetS(m.dict, 'blake2b', HT.blake2b);
      dictSetS(m.dict, 'blake2s', HT.blake2s);
      for (const k of ['SALT_SIZE', 'PERSON_SIZE', 'MAX_KEY_SIZE', 'MAX_DIGEST_SIZE']) {
        dictSetS(m.dict, 'BLAKE2B_' + k, HT.blake2b.dict.get(k) as PyObject);
        dictSetS(m.dict, 'BLAKE2S_' + k, HT.blake2s.dict.get(k) as PyObject);
      }
      break;
    case '_operator':
      // only what the pure operator.py lacks: hmac's constant-time comparison
      dictSetS(m.dict, '__doc__', newStr('Operator interface.'));
      addFn(m, '_compare_digest', B.HASH_COMPARE_DIGEST, FAM_OPERATOR);
      break;
  }
  return m;
}

/** The bytes of data to hash: bytes-like only (CPython refuses str). */
function dataOf(o: PyObject): int[] {
  const b = bytesLike(o);
  if (b !== null) return b;
  if (o instanceof PyStr) throw raise(TypeError, 'Strings must be encoded before hashing');
  throw raise(TypeError, `object supporting the buffer API required`);
}
function self(o: PyObject): PyHash {
  if (o instanceof PyHash) return o;
  throw raise(TypeError, `descriptor requires a hash object but received '${typeName(o)}'`);
}
const HEX = '0123456789abcdef';
function hexOf(b: int[]): string {
  let s = '';
  for (const x of b) s += HEX[x >> 4] + HEX[x & 15];
  return s;
}
function intParam(o: PyObject | null, dflt: int): int {
  if (o === null) return dflt;
  if (!(o instanceof PyInt)) throw raise(TypeError, `'${typeName(o)}' object cannot be interpreted as an integer`);
  return toIntIndex(o);
}
function bytesParam(o: PyObject | null): int[] {
  if (o === null) return [];
  return dataOf(o);
}

function blake2(big: boolean, kw: Map<string, PyObject>): Blake2 {
  const maxDigest = big ? 64 : 32;
  const saltSize = big ? 16 : 8;
  const p = new Blake2Params();
  const ds = kw.get('digest_size');
  p.digestSize = intParam(ds === undefined ? null : ds, maxDigest);
  if (p.digestSize < 1 || p.digestSize > maxDigest) throw raise(ValueError, `digest_size must be between 1 and ${maxDigest} bytes`);
  const key = kw.get('key');
  p.key = bytesParam(key === undefined ? null : key);
  if (p.key.length > maxDigest) throw raise(ValueError, `maximum key length is ${maxDigest} bytes`);
  const salt = kw.get('salt');
  p.salt = bytesParam(salt === undefined ? null : salt);
  if (p.salt.length > saltSize) throw raise(ValueError, `maximum salt length is ${saltSize} bytes`);
  const person = kw.get('person');
  p.person = bytesParam(person === undefined ? null : person);
  if (p.person.length > saltSize) throw raise(ValueError, `maximum person length is ${saltSize} bytes`);
  const fanout = kw.get('fanout');
  p.fanout = intParam(fanout === undefined ? null : fanout, 1);
  if (p.fanout < 0 || p.fanout > 255) throw raise(ValueError, 'fanout must be between 0 and 255');
  const depth = kw.get('depth');
  p.depth = intParam(depth === undefined ? null : depth, 1);
  if (p.depth <= 0 || p.depth > 255) throw raise(ValueError, 'depth must be between 1 and 255');
  const leaf = kw.get('leaf_size');
  p.leafSize = intParam(leaf === undefined ? null : leaf, 0);
  if (p.leafSize < 0 || p.leafSize > 4294967295) throw raise(OverflowErrorT, 'leaf_size is too large');
  const off = kw.get('node_offset');
  p.nodeOffset = intParam(off === undefined ? null : off, 0);
  if (p.nodeOffset < 0 || (!big && p.nodeOffset > 281474976710655)) throw raise(OverflowErrorT, 'node_offset is too large');
  const nd = kw.get('node_depth');
  p.nodeDepth = intParam(nd === undefined ? null : nd, 0);
  if (p.nodeDepth < 0 || p.nodeDepth > 255) throw raise(ValueError, 'node_depth must be between 0 and 255');
  const inner = kw.get('inner_size');
  p.innerSize = intParam(inner === undefined ? null : inner, 0);
  if (p.innerSize < 0 || p.innerSize > maxDigest) throw raise(ValueError, `inner_size must be between 0 and is ${maxDigest}`);
  const last = kw.get('last_node');
  p.lastNode = last !== undefined && truthy(last);
  return new Blake2(big, p);
}

const BLAKE_KW: string[] = ['digest_size', 'key', 'salt', 'person', 'fanout', 'depth', 'leaf_size', 'node_offset', 'node_depth', 'inner_size', 'last_node', 'usedforsecurity', 'data'];

/** A new hash object of the algorithm of constructor id (args may start with the type). */
function construct(id: int, args: PyObject[], kw: string[] | null): PyHash {
  let at = 0;
  let n = npos(args, kw);
  let cls: PyType | null = null;
  const idx = CTOR_IDS.indexOf(id);
  const fname = ALL_TYPES[idx].name;
  if (n > 0 && args[0] instanceof PyType) {
    cls = args[0] as PyType;
    at = 1;
    n--;
  }
  if (n > 1) throw raise(TypeError, `${fname}() takes at most 1 argument (${n} given)`);
  const kws = new Map<string, PyObject>();
  const base = args.length - (kw === null ? 0 : kw.length);
  if (kw !== null) {
    for (let i = 0; i < kw.length; i++) {
      const k = kw[i];
      const ok = k === 'usedforsecurity' || k === 'string' || (idx >= 12 ? BLAKE_KW.includes(k) : k === 'data');
      if (!ok) throw raise(TypeError, `${fname}() got an unexpected keyword argument '${k}'`);
      kws.set(k, args[base + i]);
    }
  }
  let data: PyObject | null = n > 0 ? args[at] : null;
  for (const k of ['string', 'data']) {
    const v = kws.get(k);
    if (v !== undefined) {
      if (data !== null) throw raise(TypeError, `'data' and 'string' are mutually exclusive and support for 'string' keyword parameter is slated for removal in a future version.`);
      data = v;
    }
  }
  let d: Digest;
  switch (id) {
    case B.HASH_MD5:
      d = new Md5();
      break;
    case B.HASH_SHA1:
      d = new Sha1();
      break;
    case B.HASH_SHA224:
      d = new Sha256(224);
      break;
    case B.HASH_SHA256:
      d = new Sha256(256);
      break;
    case B.HASH_SHA384:
      d = new Sha512(384);
      break;
    case B.HASH_SHA512:
      d = new Sha512(512);
      break;
    case B.HASH_BLAKE2B:
      d = blake2(true, kws);
      break;
    case B.HASH_BLAKE2S:
      d = blake2(false, kws);
      break;
    default:
      d = newSha3(fname);
  }
  if (data !== null && data !== None) d.update(dataOf(data));
  else if (data === None && idx < 6) throw raise(TypeError, 'object supporting the buffer API required');
  return new PyHash(cls !== null ? cls : ALL_TYPES[idx], d);
}

function bytesVal(b: int[]): PyBytes {
  return new PyBytes(bytesType, b);
}
/** The length argument of a SHAKE digest. */
function shakeLength(args: PyObject[], kw: string[] | null, name: string): int {
  const n = npos(args, kw);
  let o: PyObject | null = n > 1 ? args[1] : null;
  if (kw !== null && kw.length === 1 && kw[0] === 'length') o = args[args.length - 1];
  if (o === null) throw raise(TypeError, `${name}() missing required argument 'length' (pos 1)`);
  const len = intParam(o, 0);
  if (len < 0) throw raise(ValueError, 'value must be positive');
  return len;
}

export function callHash(id: int, args: PyObject[], kw: string[] | null): PyObject {
  if (CTOR_IDS.includes(id)) return construct(id, args, kw);
  const h = self(args[0]);
  const shake = h.d instanceof Keccak && (h.d as Keccak).suffix === 0x1f;
  switch (id) {
    case B.HASH_UPDATE:
      if (npos(args, kw) !== 2) throw raise(TypeError, `update() takes exactly one argument (${npos(args, kw) - 1} given)`);
      h.d.update(dataOf(args[1]));
      return None;
    case B.HASH_DIGEST:
      if (shake) return bytesVal((h.d as Keccak).squeeze(shakeLength(args, kw, 'digest')));
      return bytesVal(h.d.digest());
    case B.HASH_HEXDIGEST:
      if (shake) return newStr(hexOf((h.d as Keccak).squeeze(shakeLength(args, kw, 'hexdigest'))));
      return newStr(hexOf(h.d.digest()));
    case B.HASH_COPY:
      return new PyHash(h.cls, h.d.copy());
    case B.HASH_NAME:
      return newStr(h.d.name);
    case B.HASH_DIGEST_SIZE:
      return newInt(h.d.digestSize);
    case B.HASH_BLOCK_SIZE:
      return newInt(h.d.blockSize);
    case B.HASH_RATE_BITS:
      return newInt(h.d.blockSize * 8);
    case B.HASH_CAPACITY_BITS:
      return newInt(1600 - h.d.blockSize * 8);
    case B.HASH_SUFFIX:
      return bytesVal([(h.d as Keccak).suffix]);
  }
  throw unhandledBuiltin('hash method', id);
}

export function callOperator(id: int, args: PyObject[], kw: string[] | null): PyObject {
  if (id === B.HASH_COMPARE_DIGEST) return compareDigest(args, kw);
  throw unhandledBuiltin('_operator function', id);
}
/** hmac.compare_digest: a == b for two ASCII str or two bytes-like, in time independent of
 * where they differ. */
function compareDigest(args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  if (n !== 2) throw raise(TypeError, `_compare_digest expected 2 arguments, got ${n}`);
  const a = args[0];
  const b = args[1];
  let x: int[] = [];
  let y: int[] = [];
  if (a instanceof PyStr && b instanceof PyStr) {
    for (const s of [a.s, b.s]) {
      for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) throw raise(TypeError, 'comparing strings with non-ASCII characters is not supported');
    }
    for (let i = 0; i < a.s.length; i++) x.push(a.s.charCodeAt(i));
    for (let i = 0; i < b.s.length; i++) y.push(b.s.charCodeAt(i));
  } else if (bytesLike(a) !== null && bytesLike(b) !== null) {
    x = bytesLike(a) as int[];
    y = bytesLike(b) as int[];
  } else {
    throw raise(TypeError, `unsupported operand types(s) or combination of types: '${typeName(a)}' and '${typeName(b)}'`);
  }
  // every byte of y is visited whatever the contents, as CPython's tscmp does
  let diff = x.length === y.length ? 0 : 1;
  const left = x.length === y.length ? x : y;
  for (let i = 0; i < y.length; i++) diff |= left[i] ^ y[i];
  return diff === 0 ? True : False;
}
