// The message digests behind hashlib's builtin fallbacks (_md5, _sha1, _sha256, _sha512, _sha3,
// _blake2): streaming implementations over byte lists. RTS bitwise operators are 32-bit (docs/
// rts.md), so 64-bit words (SHA-512, Keccak, BLAKE2b) are kept as hi/lo pairs of 32-bit halves.
import type { int } from '../../translate/rlib/index.ts';
import { floorDiv } from '../../translate/rlib/index.ts';

const TWO32 = 4294967296;

/** One digest in progress: feed bytes with update, read the result with digest (which leaves
 * the state as it was, so updating may go on). */
export abstract class Digest {
  name: string;
  digestSize: int;
  blockSize: int;
  /** bytes not yet forming a whole block */
  pending: int[] = [];
  /** bytes fed so far (kept below 2^53) */
  total: int = 0;
  constructor(name: string, digestSize: int, blockSize: int) {
    this.name = name;
    this.digestSize = digestSize;
    this.blockSize = blockSize;
  }
  update(data: int[]): void {
    const bs = this.blockSize;
    const hold = this.holdsLast();
    this.total += data.length;
    let i = 0;
    if (this.pending.length > 0) {
      while (i < data.length && this.pending.length < bs) this.pending.push(data[i++]);
      if (this.pending.length < bs || (hold && i === data.length)) return;
      const block = this.pending;
      this.pending = [];
      this.compress(block, 0);
    }
    // BLAKE2 must end on a block of its own: it compresses a block only when more data follows
    while (data.length - i > bs || (!hold && data.length - i === bs)) {
      this.compress(data, i);
      i += bs;
    }
    while (i < data.length) this.pending.push(data[i++]);
  }
  /** Whether the final block must stay unprocessed until digest (BLAKE2's last-block flag). */
  holdsLast(): boolean {
    return false;
  }
  abstract compress(block: int[], at: int): void;
  abstract digest(): int[];
  abstract copy(): Digest;
  copyBase(d: Digest): Digest {
    d.pending = this.pending.slice(0);
    d.total = this.total;
    return d;
  }
}

function rotl32(x: int, n: int): int {
  return (x << n) | (x >>> (32 - n));
}
function rotr32(x: int, n: int): int {
  return (x >>> n) | (x << (32 - n));
}
function le32(b: int[], at: int): int {
  return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);
}
function be32(b: int[], at: int): int {
  return (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
}
function pushLe32(out: int[], v: int): void {
  out.push(v & 255);
  out.push((v >>> 8) & 255);
  out.push((v >>> 16) & 255);
  out.push((v >>> 24) & 255);
}
function pushBe32(out: int[], v: int): void {
  out.push((v >>> 24) & 255);
  out.push((v >>> 16) & 255);
  out.push((v >>> 8) & 255);
  out.push(v & 255);
}
/** The Merkle-Damgard padding: 0x80, zeros, and the bit length in lenBytes bytes. */
function mdPadding(total: int, blockSize: int, lenBytes: int, bigEndian: boolean): int[] {
  const out: int[] = [128];
  while ((total + out.length) % blockSize !== blockSize - lenBytes) out.push(0);
  const bitsLo = ((total % 536870912) * 8) >>> 0;
  const bitsHi = floorDiv(total, 536870912);
  const len: int[] = [];
  // little-endian bytes of the bit length, then reversed for big-endian
  pushLe32(len, bitsLo);
  pushLe32(len, bitsHi);
  while (len.length < lenBytes) len.push(0);
  if (bigEndian) len.reverse();
  for (const b of len) out.push(b);
  return out;
}

// MD5 (RFC 1321)
const MD5_K: int[] = [
  0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
  0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
  0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
  0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
  0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
  0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
  0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
  0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
];
const MD5_S: int[] = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

export class Md5 extends Digest {
  h: int[] = [0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476];
  constructor() {
    super('md5', 16, 64);
  }
  compress(block: int[], at: int): void {
    const w: int[] = [];
    for (let i = 0; i < 16; i++) w.push(le32(block, at + 4 * i));
    let a = this.h[0];
    let b = this.h[1];
    let c = this.h[2];
    let d = this.h[3];
    for (let i = 0; i < 64; i++) {
      let f = 0;
      let g = 0;
      const round = i >> 4;
      if (round === 0) {
        f = (b & c) | (~b & d);
        g = i;
      } else if (round === 1) {
        f = (d & b) | (~d & c);
        g = (5 * i + 1) & 15;
      } else if (round === 2) {
        f = b ^ c ^ d;
        g = (3 * i + 5) & 15;
      } else {
        f = c ^ (b | ~d);
        g = (7 * i) & 15;
      }
      const t = d;
      d = c;
      c = b;
      b = (b + rotl32((a + f + MD5_K[i] + w[g]) | 0, MD5_S[round * 4 + (i & 3)])) | 0;
      a = t;
    }
    this.h[0] = (this.h[0] + a) | 0;
    this.h[1] = (this.h[1] + b) | 0;
    this.h[2] = (this.h[2] + c) | 0;
    this.h[3] = (this.h[3] + d) | 0;
  }
  digest(): int[] {
    const c = this.copy() as Md5;
    const tail = c.pending;
    for (const b of mdPadding(c.total, 64, 8, false)) tail.push(b);
    for (let i = 0; i < tail.length; i += 64) c.compress(tail, i);
    const out: int[] = [];
    for (const v of c.h) pushLe32(out, v);
    return out;
  }
  copy(): Digest {
    const d = new Md5();
    d.h = this.h.slice(0);
    return this.copyBase(d);
  }
}

// SHA-1 (FIPS 180-4)
export class Sha1 extends Digest {
  h: int[] = [0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476, 0xc3d2e1f0 | 0];
  constructor() {
    super('sha1', 20, 64);
  }
  compress(block: int[], at: int): void {
    const w: int[] = [];
    for (let i = 0; i < 16; i++) w.push(be32(block, at + 4 * i));
    for (let i = 16; i < 80; i++) w.push(rotl32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1));
    let a = this.h[0];
    let b = this.h[1];
    let c = this.h[2];
    let d = this.h[3];
    let e = this.h[4];
    for (let i = 0; i < 80; i++) {
      let f = 0;
      let k = 0;
      if (i < 20) {
        f = (b & c) | (~b & d);
        k = 0x5a827999;
      } else if (i < 40) {
        f = b ^ c ^ d;
        k = 0x6ed9eba1;
      } else if (i < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8f1bbcdc | 0;
      } else {
        f = b ^ c ^ d;
        k = 0xca62c1d6 | 0;
      }
      const t = (rotl32(a, 5) + f + e + k + w[i]) | 0;
      e = d;
      d = c;
      c = rotl32(b, 30);
      b = a;
      a = t;
    }
    this.h[0] = (this.h[0] + a) | 0;
    this.h[1] = (this.h[1] + b) | 0;
    this.h[2] = (this.h[2] + c) | 0;
    this.h[3] = (this.h[3] + d) | 0;
    this.h[4] = (this.h[4] + e) | 0;
  }
  digest(): int[] {
    const c = this.copy() as Sha1;
    const tail = c.pending;
    for (const b of mdPadding(c.total, 64, 8, true)) tail.push(b);
    for (let i = 0; i < tail.length; i += 64) c.compress(tail, i);
    const out: int[] = [];
    for (const v of c.h) pushBe32(out, v);
    return out;
  }
  copy(): Digest {
    const d = new Sha1();
    d.h = this.h.slice(0);
    return this.copyBase(d);
  }
}

// SHA-224 and SHA-256
const SHA256_K: int[] = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];
const SHA256_IV: int[] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const SHA224_IV: int[] = [0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4];

export class Sha256 extends Digest {
  h: int[] = [];
  constructor(bits: int) {
    super(bits === 224 ? 'sha224' : 'sha256', bits === 224 ? 28 : 32, 64);
    for (const v of bits === 224 ? SHA224_IV : SHA256_IV) this.h.push(v | 0);
  }
  compress(block: int[], at: int): void {
    const w: int[] = [];
    for (let i = 0; i < 16; i++) w.push(be32(block, at + 4 * i));
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15];
      const y = w[i - 2];
      const s0 = rotr32(x, 7) ^ rotr32(x, 18) ^ (x >>> 3);
      const s1 = rotr32(y, 17) ^ rotr32(y, 19) ^ (y >>> 10);
      w.push((w[i - 16] + s0 + w[i - 7] + s1) | 0);
    }
    let a = this.h[0];
    let b = this.h[1];
    let c = this.h[2];
    let d = this.h[3];
    let e = this.h[4];
    let f = this.h[5];
    let g = this.h[6];
    let h = this.h[7];
    for (let i = 0; i < 64; i++) {
      const S1 = rotr32(e, 6) ^ rotr32(e, 11) ^ rotr32(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = (h + S1 + ch + (SHA256_K[i] | 0) + w[i]) | 0;
      const S0 = rotr32(a, 2) ^ rotr32(a, 13) ^ rotr32(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    this.h[0] = (this.h[0] + a) | 0;
    this.h[1] = (this.h[1] + b) | 0;
    this.h[2] = (this.h[2] + c) | 0;
    this.h[3] = (this.h[3] + d) | 0;
    this.h[4] = (this.h[4] + e) | 0;
    this.h[5] = (this.h[5] + f) | 0;
    this.h[6] = (this.h[6] + g) | 0;
    this.h[7] = (this.h[7] + h) | 0;
  }
  digest(): int[] {
    const c = this.copy() as Sha256;
    const tail = c.pending;
    for (const b of mdPadding(c.total, 64, 8, true)) tail.push(b);
    for (let i = 0; i < tail.length; i += 64) c.compress(tail, i);
    const out: int[] = [];
    for (const v of c.h) pushBe32(out, v);
    out.length = this.digestSize;
    return out;
  }
  copy(): Digest {
    const d = new Sha256(this.digestSize === 28 ? 224 : 256);
    d.h = this.h.slice(0);
    return this.copyBase(d);
  }
}

// 64-bit words as (hi, lo) pairs of int32. Sums add the unsigned low halves exactly (below
// 2^53) and carry into the high half.
function rotrHi(hi: int, lo: int, n: int): int {
  if (n === 32) return lo;
  if (n > 32) return rotrHi(lo, hi, n - 32);
  return (hi >>> n) | (lo << (32 - n));
}
function rotrLo(hi: int, lo: int, n: int): int {
  if (n === 32) return hi;
  if (n > 32) return rotrLo(lo, hi, n - 32);
  return (lo >>> n) | (hi << (32 - n));
}
function shrHi(hi: int, n: int): int {
  return hi >>> n;
}
function shrLo(hi: int, lo: int, n: int): int {
  return (lo >>> n) | (hi << (32 - n));
}
function u32(x: int): int {
  return x >>> 0;
}
/** The carry out of a sum of unsigned low halves. */
function carry(sumLo: int): int {
  return floorDiv(sumLo, TWO32);
}

// SHA-384 and SHA-512: constants as hi, lo pairs
const SHA512_K: int[] = [
  0x428a2f98, 0xd728ae22, 0x71374491, 0x23ef65cd, 0xb5c0fbcf, 0xec4d3b2f, 0xe9b5dba5, 0x8189dbbc,
  0x3956c25b, 0xf348b538, 0x59f111f1, 0xb605d019, 0x923f82a4, 0xaf194f9b, 0xab1c5ed5, 0xda6d8118,
  0xd807aa98, 0xa3030242, 0x12835b01, 0x45706fbe, 0x243185be, 0x4ee4b28c, 0x550c7dc3, 0xd5ffb4e2,
  0x72be5d74, 0xf27b896f, 0x80deb1fe, 0x3b1696b1, 0x9bdc06a7, 0x25c71235, 0xc19bf174, 0xcf692694,
  0xe49b69c1, 0x9ef14ad2, 0xefbe4786, 0x384f25e3, 0x0fc19dc6, 0x8b8cd5b5, 0x240ca1cc, 0x77ac9c65,
  0x2de92c6f, 0x592b0275, 0x4a7484aa, 0x6ea6e483, 0x5cb0a9dc, 0xbd41fbd4, 0x76f988da, 0x831153b5,
  0x983e5152, 0xee66dfab, 0xa831c66d, 0x2db43210, 0xb00327c8, 0x98fb213f, 0xbf597fc7, 0xbeef0ee4,
  0xc6e00bf3, 0x3da88fc2, 0xd5a79147, 0x930aa725, 0x06ca6351, 0xe003826f, 0x14292967, 0x0a0e6e70,
  0x27b70a85, 0x46d22ffc, 0x2e1b2138, 0x5c26c926, 0x4d2c6dfc, 0x5ac42aed, 0x53380d13, 0x9d95b3df,
  0x650a7354, 0x8baf63de, 0x766a0abb, 0x3c77b2a8, 0x81c2c92e, 0x47edaee6, 0x92722c85, 0x1482353b,
  0xa2bfe8a1, 0x4cf10364, 0xa81a664b, 0xbc423001, 0xc24b8b70, 0xd0f89791, 0xc76c51a3, 0x0654be30,
  0xd192e819, 0xd6ef5218, 0xd6990624, 0x5565a910, 0xf40e3585, 0x5771202a, 0x106aa070, 0x32bbd1b8,
  0x19a4c116, 0xb8d2d0c8, 0x1e376c08, 0x5141ab53, 0x2748774c, 0xdf8eeb99, 0x34b0bcb5, 0xe19b48a8,
  0x391c0cb3, 0xc5c95a63, 0x4ed8aa4a, 0xe3418acb, 0x5b9cca4f, 0x7763e373, 0x682e6ff3, 0xd6b2b8a3,
  0x748f82ee, 0x5defb2fc, 0x78a5636f, 0x43172f60, 0x84c87814, 0xa1f0ab72, 0x8cc70208, 0x1a6439ec,
  0x90befffa, 0x23631e28, 0xa4506ceb, 0xde82bde9, 0xbef9a3f7, 0xb2c67915, 0xc67178f2, 0xe372532b,
  0xca273ece, 0xea26619c, 0xd186b8c7, 0x21c0c207, 0xeada7dd6, 0xcde0eb1e, 0xf57d4f7f, 0xee6ed178,
  0x06f067aa, 0x72176fba, 0x0a637dc5, 0xa2c898a6, 0x113f9804, 0xbef90dae, 0x1b710b35, 0x131c471b,
  0x28db77f5, 0x23047d84, 0x32caab7b, 0x40c72493, 0x3c9ebe0a, 0x15c9bebc, 0x431d67c4, 0x9c100d4c,
  0x4cc5d4be, 0xcb3e42b6, 0x597f299c, 0xfc657e2a, 0x5fcb6fab, 0x3ad6faec, 0x6c44198c, 0x4a475817,
];
const SHA512_IV: int[] = [
  0x6a09e667, 0xf3bcc908, 0xbb67ae85, 0x84caa73b, 0x3c6ef372, 0xfe94f82b, 0xa54ff53a, 0x5f1d36f1,
  0x510e527f, 0xade682d1, 0x9b05688c, 0x2b3e6c1f, 0x1f83d9ab, 0xfb41bd6b, 0x5be0cd19, 0x137e2179,
];
const SHA384_IV: int[] = [
  0xcbbb9d5d, 0xc1059ed8, 0x629a292a, 0x367cd507, 0x9159015a, 0x3070dd17, 0x152fecd8, 0xf70e5939,
  0x67332667, 0xffc00b31, 0x8eb44a87, 0x68581511, 0xdb0c2e0d, 0x64f98fa7, 0x47b5481d, 0xbefa4fa4,
];

export class Sha512 extends Digest {
  /** hi, lo of each of the 8 words */
  h: int[] = [];
  constructor(bits: int) {
    super(bits === 384 ? 'sha384' : 'sha512', bits === 384 ? 48 : 64, 128);
    for (const v of bits === 384 ? SHA384_IV : SHA512_IV) this.h.push(v | 0);
  }
  compress(block: int[], at: int): void {
    const wh: int[] = [];
    const wl: int[] = [];
    for (let i = 0; i < 16; i++) {
      wh.push(be32(block, at + 8 * i));
      wl.push(be32(block, at + 8 * i + 4));
    }
    for (let i = 16; i < 80; i++) {
      const xh = wh[i - 15];
      const xl = wl[i - 15];
      const yh = wh[i - 2];
      const yl = wl[i - 2];
      const s0h = rotrHi(xh, xl, 1) ^ rotrHi(xh, xl, 8) ^ shrHi(xh, 7);
      const s0l = rotrLo(xh, xl, 1) ^ rotrLo(xh, xl, 8) ^ shrLo(xh, xl, 7);
      const s1h = rotrHi(yh, yl, 19) ^ rotrHi(yh, yl, 61) ^ shrHi(yh, 6);
      const s1l = rotrLo(yh, yl, 19) ^ rotrLo(yh, yl, 61) ^ shrLo(yh, yl, 6);
      const lo = u32(wl[i - 16]) + u32(s0l) + u32(wl[i - 7]) + u32(s1l);
      wh.push((wh[i - 16] + s0h + wh[i - 7] + s1h + carry(lo)) | 0);
      wl.push(lo | 0);
    }
    const v = this.h.slice(0);
    for (let i = 0; i < 80; i++) {
      const ah = v[0];
      const al = v[1];
      const bh = v[2];
      const bl = v[3];
      const ch = v[4];
      const cl = v[5];
      const eh = v[8];
      const el = v[9];
      const fh = v[10];
      const fl = v[11];
      const gh = v[12];
      const gl = v[13];
      const S1h = rotrHi(eh, el, 14) ^ rotrHi(eh, el, 18) ^ rotrHi(eh, el, 41);
      const S1l = rotrLo(eh, el, 14) ^ rotrLo(eh, el, 18) ^ rotrLo(eh, el, 41);
      const chh = (eh & fh) ^ (~eh & gh);
      const chl = (el & fl) ^ (~el & gl);
      const t1l = u32(v[15]) + u32(S1l) + u32(chl) + u32(SHA512_K[2 * i + 1]) + u32(wl[i]);
      const t1h = (v[14] + S1h + chh + (SHA512_K[2 * i] | 0) + wh[i] + carry(t1l)) | 0;
      const S0h = rotrHi(ah, al, 28) ^ rotrHi(ah, al, 34) ^ rotrHi(ah, al, 39);
      const S0l = rotrLo(ah, al, 28) ^ rotrLo(ah, al, 34) ^ rotrLo(ah, al, 39);
      const majh = (ah & bh) ^ (ah & ch) ^ (bh & ch);
      const majl = (al & bl) ^ (al & cl) ^ (bl & cl);
      const t2l = u32(S0l) + u32(majl);
      const t2h = (S0h + majh + carry(t2l)) | 0;
      for (let k = 15; k >= 2; k--) v[k] = v[k - 2];
      // e = d + t1
      const el2 = u32(v[9]) + u32(t1l);
      v[8] = (v[8] + t1h + carry(el2)) | 0;
      v[9] = el2 | 0;
      // a = t1 + t2
      const al2 = u32(t1l) + u32(t2l);
      v[0] = (t1h + t2h + carry(al2)) | 0;
      v[1] = al2 | 0;
    }
    for (let k = 0; k < 16; k += 2) {
      const lo = u32(this.h[k + 1]) + u32(v[k + 1]);
      this.h[k] = (this.h[k] + v[k] + carry(lo)) | 0;
      this.h[k + 1] = lo | 0;
    }
  }
  digest(): int[] {
    const c = this.copy() as Sha512;
    const tail = c.pending;
    for (const b of mdPadding(c.total, 128, 16, true)) tail.push(b);
    for (let i = 0; i < tail.length; i += 128) c.compress(tail, i);
    const out: int[] = [];
    for (const v of c.h) pushBe32(out, v);
    out.length = this.digestSize;
    return out;
  }
  copy(): Digest {
    const d = new Sha512(this.digestSize === 48 ? 384 : 512);
    d.h = this.h.slice(0);
    return this.copyBase(d);
  }
}

// Keccak-f[1600] (FIPS 202): 25 lanes as hi, lo pairs
const KECCAK_RC: int[] = [
  0x00000000, 0x00000001, 0x00000000, 0x00008082, 0x80000000, 0x0000808a, 0x80000000, 0x80008000,
  0x00000000, 0x0000808b, 0x00000000, 0x80000001, 0x80000000, 0x80008081, 0x80000000, 0x00008009,
  0x00000000, 0x0000008a, 0x00000000, 0x00000088, 0x00000000, 0x80008009, 0x00000000, 0x8000000a,
  0x00000000, 0x8000808b, 0x80000000, 0x0000008b, 0x80000000, 0x00008089, 0x80000000, 0x00008003,
  0x80000000, 0x00008002, 0x80000000, 0x00000080, 0x00000000, 0x0000800a, 0x80000000, 0x8000000a,
  0x80000000, 0x80008081, 0x80000000, 0x00008080, 0x00000000, 0x80000001, 0x80000000, 0x80008008,
];
/** rotation of lane x + 5y */
const KECCAK_ROT: int[] = [0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14];

function rotlHi(hi: int, lo: int, n: int): int {
  if (n === 0) return hi;
  return rotrHi(hi, lo, 64 - n);
}
function rotlLo(hi: int, lo: int, n: int): int {
  if (n === 0) return lo;
  return rotrLo(hi, lo, 64 - n);
}
function keccakF(s: int[]): void {
  const ch: int[] = [0, 0, 0, 0, 0];
  const cl: int[] = [0, 0, 0, 0, 0];
  const bh: int[] = [];
  const bl: int[] = [];
  for (let i = 0; i < 25; i++) {
    bh.push(0);
    bl.push(0);
  }
  for (let round = 0; round < 24; round++) {
    for (let x = 0; x < 5; x++) {
      ch[x] = s[2 * x] ^ s[2 * (x + 5)] ^ s[2 * (x + 10)] ^ s[2 * (x + 15)] ^ s[2 * (x + 20)];
      cl[x] = s[2 * x + 1] ^ s[2 * (x + 5) + 1] ^ s[2 * (x + 10) + 1] ^ s[2 * (x + 15) + 1] ^ s[2 * (x + 20) + 1];
    }
    for (let x = 0; x < 5; x++) {
      const nh = ch[(x + 1) % 5];
      const nl = cl[(x + 1) % 5];
      const dh = ch[(x + 4) % 5] ^ rotlHi(nh, nl, 1);
      const dl = cl[(x + 4) % 5] ^ rotlLo(nh, nl, 1);
      for (let y = 0; y < 25; y += 5) {
        s[2 * (x + y)] ^= dh;
        s[2 * (x + y) + 1] ^= dl;
      }
    }
    // rho and pi: lane (x, y) goes to (y, 2x + 3y)
    for (let x = 0; x < 5; x++) {
      for (let y = 0; y < 5; y++) {
        const src = x + 5 * y;
        const dst = y + 5 * ((2 * x + 3 * y) % 5);
        const r = KECCAK_ROT[src];
        bh[dst] = rotlHi(s[2 * src], s[2 * src + 1], r);
        bl[dst] = rotlLo(s[2 * src], s[2 * src + 1], r);
      }
    }
    for (let y = 0; y < 25; y += 5) {
      for (let x = 0; x < 5; x++) {
        const i1 = y + ((x + 1) % 5);
        const i2 = y + ((x + 2) % 5);
        s[2 * (x + y)] = bh[x + y] ^ (~bh[i1] & bh[i2]);
        s[2 * (x + y) + 1] = bl[x + y] ^ (~bl[i1] & bl[i2]);
      }
    }
    s[0] ^= KECCAK_RC[2 * round] | 0;
    s[1] ^= KECCAK_RC[2 * round + 1] | 0;
  }
}

/** SHA3-224/256/384/512 and SHAKE128/256: a sponge of rate blockSize bytes. */
export class Keccak extends Digest {
  state: int[] = [];
  /** 0x06 for SHA-3, 0x1f for SHAKE */
  suffix: int;
  constructor(name: string, digestSize: int, rate: int, suffix: int) {
    super(name, digestSize, rate);
    this.suffix = suffix;
    for (let i = 0; i < 50; i++) this.state.push(0);
  }
  compress(block: int[], at: int): void {
    for (let i = 0; i < this.blockSize; i += 8) {
      this.state[i >> 2] ^= le32(block, at + i + 4);
      this.state[(i >> 2) + 1] ^= le32(block, at + i);
    }
    keccakF(this.state);
  }
  /** n bytes squeezed from the padded state (n = digestSize for SHA-3, any for SHAKE) */
  squeeze(n: int): int[] {
    const c = this.copy() as Keccak;
    const tail = c.pending;
    tail.push(c.suffix);
    while (tail.length < c.blockSize) tail.push(0);
    tail[tail.length - 1] |= 128;
    c.compress(tail, 0);
    const out: int[] = [];
    while (true) {
      for (let i = 0; i < c.blockSize && out.length < n; i += 8) {
        const lo: int[] = [];
        pushLe32(lo, c.state[(i >> 2) + 1]);
        pushLe32(lo, c.state[i >> 2]);
        for (let k = 0; k < 8 && out.length < n; k++) out.push(lo[k]);
      }
      if (out.length >= n) return out;
      keccakF(c.state);
    }
  }
  digest(): int[] {
    return this.squeeze(this.digestSize);
  }
  copy(): Digest {
    const d = new Keccak(this.name, this.digestSize, this.blockSize, this.suffix);
    d.state = this.state.slice(0);
    return this.copyBase(d);
  }
}
export function newSha3(name: string): Keccak {
  switch (name) {
    case 'sha3_224':
      return new Keccak(name, 28, 144, 6);
    case 'sha3_256':
      return new Keccak(name, 32, 136, 6);
    case 'sha3_384':
      return new Keccak(name, 48, 104, 6);
    case 'sha3_512':
      return new Keccak(name, 64, 72, 6);
    case 'shake_128':
      return new Keccak(name, 0, 168, 0x1f);
  }
  return new Keccak('shake_256', 0, 136, 0x1f);
}

// BLAKE2b and BLAKE2s (RFC 7693)
const BLAKE2_SIGMA: int[] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
  14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
  11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
  7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
  9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
  2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
  12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
  13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
  6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
  10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
];
/** BLAKE2s's IV is SHA-256's; BLAKE2b's is SHA-512's (hi, lo pairs). */
export class Blake2Params {
  digestSize: int = 0;
  key: int[] = [];
  salt: int[] = [];
  person: int[] = [];
  fanout: int = 1;
  depth: int = 1;
  leafSize: int = 0;
  nodeOffset: int = 0;
  nodeDepth: int = 0;
  innerSize: int = 0;
  lastNode: boolean = false;
}

export class Blake2 extends Digest {
  /** BLAKE2b (64-bit words, hi/lo pairs) or BLAKE2s */
  big: boolean;
  h: int[] = [];
  lastNode: boolean;
  /** bytes compressed so far, the key block included */
  counter: int = 0;
  constructor(big: boolean, p: Blake2Params) {
    super(big ? 'blake2b' : 'blake2s', p.digestSize, big ? 128 : 64);
    this.big = big;
    this.lastNode = p.lastNode;
    // the parameter block, xored into the IV word by word
    const pb: int[] = [];
    const n = big ? 64 : 32;
    for (let i = 0; i < n; i++) pb.push(0);
    pb[0] = p.digestSize;
    pb[1] = p.key.length;
    pb[2] = p.fanout;
    pb[3] = p.depth;
    for (let i = 0; i < 4; i++) pb[4 + i] = (p.leafSize >>> (8 * i)) & 255;
    const offBytes = big ? 8 : 6;
    let off = p.nodeOffset;
    for (let i = 0; i < offBytes; i++) {
      pb[8 + i] = off % 256;
      off = floorDiv(off, 256);
    }
    pb[big ? 16 : 14] = p.nodeDepth;
    pb[big ? 17 : 15] = p.innerSize;
    const saltAt = big ? 32 : 16;
    const personAt = big ? 48 : 24;
    for (let i = 0; i < p.salt.length; i++) pb[saltAt + i] = p.salt[i];
    for (let i = 0; i < p.person.length; i++) pb[personAt + i] = p.person[i];
    if (big) {
      for (let i = 0; i < 8; i++) {
        this.h.push((SHA512_IV[2 * i] | 0) ^ le32(pb, 8 * i + 4));
        this.h.push((SHA512_IV[2 * i + 1] | 0) ^ le32(pb, 8 * i));
      }
    } else {
      for (let i = 0; i < 8; i++) this.h.push((SHA256_IV[i] | 0) ^ le32(pb, 4 * i));
    }
    if (p.key.length > 0) {
      const block = p.key.slice(0);
      while (block.length < this.blockSize) block.push(0);
      this.update(block);
    }
  }
  override holdsLast(): boolean {
    return true;
  }
  compress(block: int[], at: int): void {
    this.counter += this.blockSize;
    this.compressFlags(block, at, this.counter, false);
  }
  /** compresses one block; counter is the byte count up to and including this block */
  compressFlags(block: int[], at: int, counter: int, last: boolean): void {
    if (this.big) this.compressB(block, at, counter, last);
    else this.compressS(block, at, counter, last);
  }
  compressS(block: int[], at: int, counter: int, last: boolean): void {
    const m: int[] = [];
    for (let i = 0; i < 16; i++) m.push(le32(block, at + 4 * i));
    const v: int[] = [];
    for (let i = 0; i < 8; i++) v.push(this.h[i]);
    for (let i = 0; i < 8; i++) v.push(SHA256_IV[i] | 0);
    v[12] ^= counter % TWO32 | 0;
    v[13] ^= floorDiv(counter, TWO32) | 0;
    if (last) {
      v[14] = ~v[14];
      if (this.lastNode) v[15] = ~v[15];
    }
    for (let r = 0; r < 10; r++) {
      const s = r * 16;
      gS(v, m, 0, 4, 8, 12, BLAKE2_SIGMA[s], BLAKE2_SIGMA[s + 1]);
      gS(v, m, 1, 5, 9, 13, BLAKE2_SIGMA[s + 2], BLAKE2_SIGMA[s + 3]);
      gS(v, m, 2, 6, 10, 14, BLAKE2_SIGMA[s + 4], BLAKE2_SIGMA[s + 5]);
      gS(v, m, 3, 7, 11, 15, BLAKE2_SIGMA[s + 6], BLAKE2_SIGMA[s + 7]);
      gS(v, m, 0, 5, 10, 15, BLAKE2_SIGMA[s + 8], BLAKE2_SIGMA[s + 9]);
      gS(v, m, 1, 6, 11, 12, BLAKE2_SIGMA[s + 10], BLAKE2_SIGMA[s + 11]);
      gS(v, m, 2, 7, 8, 13, BLAKE2_SIGMA[s + 12], BLAKE2_SIGMA[s + 13]);
      gS(v, m, 3, 4, 9, 14, BLAKE2_SIGMA[s + 14], BLAKE2_SIGMA[s + 15]);
    }
    for (let i = 0; i < 8; i++) this.h[i] ^= v[i] ^ v[i + 8];
  }
  compressB(block: int[], at: int, counter: int, last: boolean): void {
    // m and v hold hi, lo pairs
    const m: int[] = [];
    for (let i = 0; i < 16; i++) {
      m.push(le32(block, at + 8 * i + 4));
      m.push(le32(block, at + 8 * i));
    }
    const v: int[] = this.h.slice(0);
    for (let i = 0; i < 16; i++) v.push(SHA512_IV[i] | 0);
    // the 128-bit counter's low word (counts stay below 2^53)
    v[25] ^= counter % TWO32 | 0;
    v[24] ^= floorDiv(counter, TWO32) | 0;
    if (last) {
      v[28] = ~v[28];
      v[29] = ~v[29];
      if (this.lastNode) {
        v[30] = ~v[30];
        v[31] = ~v[31];
      }
    }
    for (let r = 0; r < 12; r++) {
      const s = (r % 10) * 16;
      gB(v, m, 0, 4, 8, 12, BLAKE2_SIGMA[s], BLAKE2_SIGMA[s + 1]);
      gB(v, m, 1, 5, 9, 13, BLAKE2_SIGMA[s + 2], BLAKE2_SIGMA[s + 3]);
      gB(v, m, 2, 6, 10, 14, BLAKE2_SIGMA[s + 4], BLAKE2_SIGMA[s + 5]);
      gB(v, m, 3, 7, 11, 15, BLAKE2_SIGMA[s + 6], BLAKE2_SIGMA[s + 7]);
      gB(v, m, 0, 5, 10, 15, BLAKE2_SIGMA[s + 8], BLAKE2_SIGMA[s + 9]);
      gB(v, m, 1, 6, 11, 12, BLAKE2_SIGMA[s + 10], BLAKE2_SIGMA[s + 11]);
      gB(v, m, 2, 7, 8, 13, BLAKE2_SIGMA[s + 12], BLAKE2_SIGMA[s + 13]);
      gB(v, m, 3, 4, 9, 14, BLAKE2_SIGMA[s + 14], BLAKE2_SIGMA[s + 15]);
    }
    for (let i = 0; i < 16; i++) this.h[i] ^= v[i] ^ v[i + 16];
  }
  digest(): int[] {
    const c = this.copy() as Blake2;
    const tail = c.pending;
    const counter = c.counter + tail.length;
    while (tail.length < c.blockSize) tail.push(0);
    c.compressFlags(tail, 0, counter, true);
    const out: int[] = [];
    if (this.big) {
      for (let i = 0; i < 16; i += 2) {
        pushLe32(out, c.h[i + 1]);
        pushLe32(out, c.h[i]);
      }
    } else {
      for (const v of c.h) pushLe32(out, v);
    }
    out.length = this.digestSize;
    return out;
  }
  copy(): Digest {
    const p = new Blake2Params();
    p.digestSize = this.digestSize;
    p.lastNode = this.lastNode;
    const d = new Blake2(this.big, p);
    d.h = this.h.slice(0);
    d.counter = this.counter;
    return this.copyBase(d);
  }
}
function gS(v: int[], m: int[], a: int, b: int, c: int, d: int, x: int, y: int): void {
  v[a] = (v[a] + v[b] + m[x]) | 0;
  v[d] = rotr32(v[d] ^ v[a], 16);
  v[c] = (v[c] + v[d]) | 0;
  v[b] = rotr32(v[b] ^ v[c], 12);
  v[a] = (v[a] + v[b] + m[y]) | 0;
  v[d] = rotr32(v[d] ^ v[a], 8);
  v[c] = (v[c] + v[d]) | 0;
  v[b] = rotr32(v[b] ^ v[c], 7);
}
/** v[i] += v[j] (+ m[k] when k >= 0) on hi, lo pairs */
function add64(v: int[], i: int, j: int, m: int[], k: int): void {
  let lo = u32(v[2 * i + 1]) + u32(v[2 * j + 1]);
  let hi = v[2 * i] + v[2 * j];
  if (k >= 0) {
    lo += u32(m[2 * k + 1]);
    hi += m[2 * k];
  }
  v[2 * i] = (hi + carry(lo)) | 0;
  v[2 * i + 1] = lo | 0;
}
/** v[i] = rotr(v[i] ^ v[j], n) */
function xorRot(v: int[], i: int, j: int, n: int): void {
  const h = v[2 * i] ^ v[2 * j];
  const l = v[2 * i + 1] ^ v[2 * j + 1];
  v[2 * i] = rotrHi(h, l, n);
  v[2 * i + 1] = rotrLo(h, l, n);
}
function gB(v: int[], m: int[], a: int, b: int, c: int, d: int, x: int, y: int): void {
  add64(v, a, b, m, x);
  xorRot(v, d, a, 32);
  add64(v, c, d, m, -1);
  xorRot(v, b, c, 24);
  add64(v, a, b, m, y);
  xorRot(v, d, a, 16);
  add64(v, c, d, m, -1);
  xorRot(v, b, c, 63);
}
