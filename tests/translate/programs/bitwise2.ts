import { type int } from '../../../translate/rlib/index.ts';

const INPUTS: int[] = [0, 1, -1, 5, -5, 255, 0x7fffffff, -2147483648, 2147483648, 4294967295, 4294967296, 123456789012, -987654321098, 0x12345678];

export function main(argv: string[]): int {
  for (const a of INPUTS) {
    console.log(`${a}: ~${a ^ -1} <<3 ${a << 3} >>2 ${a >> 2} >>>0 ${a >>> 0} >>>4 ${a >>> 4} &ff ${a & 0xff} |1 ${a | 1} ^-1 ${a ^ -1} <<31 ${a << 31} >>31 ${a >> 31}`);
  }
  const shifts: int[] = [-1, -33, 32, 33, 64, 65, 0, 31];
  for (const s of shifts) {
    console.log(`shift ${s}: ${1 << s} ${-1024 >> s} ${-1024 >>> s} ${12345 << s}`);
  }
  let h = 0;
  for (let i = 0; i < 100000; i++) {
    h = (h << 5) - h + (i & 0xff);
    h = h | 0;
    h ^= h >>> 13;
  }
  console.log('hash ' + h + ' ' + (h >>> 0));
  // FNV-1a 32-bit
  let fnv = 0x811c9dc5 | 0;
  const s = 'the quick brown fox jumps over the lazy dog';
  for (let i = 0; i < s.length; i++) {
    fnv ^= s.charCodeAt(i);
    fnv = mul32(fnv, 16777619);
  }
  console.log('fnv ' + (fnv >>> 0));
  let x = 0x0f0f;
  x &= 0xff;
  x |= 0x100;
  x ^= 0x3;
  x <<= 4;
  x >>= 1;
  x >>>= 1;
  console.log('compound ' + x);
  let pop = 0;
  for (let v = 0xdeadbeef; v !== 0; v = v >>> 1) pop += v & 1;
  console.log('popcount ' + pop);
  return pop % 8;
}

function mul32(a: int, b: int): int {
  // 32-bit wrapping multiply without Math.imul: split b into 16-bit halves
  const lo = b & 0xffff;
  const hi = b >>> 16;
  return ((a * lo) + (((a * hi) & 0xffff) << 16)) | 0;
}
