// The digests of vm/modules/hashalgos.ts against Node's OpenSSL ones, over lengths around every
// block and padding boundary and long inputs, fed whole and in uneven pieces, and through copies.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Md5, Sha1, Sha256, Sha512, newSha3, Blake2, Blake2Params, type Digest } from '../../../vm/modules/hashalgos.ts';
import { rng } from '../backends/gas.ts';

function hex(b: number[]): string {
  return Buffer.from(b).toString('hex');
}
function blake(big: boolean): Digest {
  const p = new Blake2Params();
  p.digestSize = big ? 64 : 32;
  return new Blake2(big, p);
}
const ALGOS: [string, string, () => Digest][] = [
  ['md5', 'md5', () => new Md5()],
  ['sha1', 'sha1', () => new Sha1()],
  ['sha224', 'sha224', () => new Sha256(224)],
  ['sha256', 'sha256', () => new Sha256(256)],
  ['sha384', 'sha384', () => new Sha512(384)],
  ['sha512', 'sha512', () => new Sha512(512)],
  ['sha3_224', 'sha3-224', () => newSha3('sha3_224')],
  ['sha3_256', 'sha3-256', () => newSha3('sha3_256')],
  ['sha3_384', 'sha3-384', () => newSha3('sha3_384')],
  ['sha3_512', 'sha3-512', () => newSha3('sha3_512')],
  ['blake2b', 'blake2b512', () => blake(true)],
  ['blake2s', 'blake2s256', () => blake(false)],
];
const LENGTHS = [0, 1, 3, 55, 56, 57, 63, 64, 65, 71, 72, 73, 103, 104, 111, 112, 113, 127, 128, 129, 135, 136, 137, 143, 144, 167, 168, 169, 255, 256, 1000, 70000];

describe('hashalgos', () => {
  const rnd = rng(1234);
  const inputs = LENGTHS.map((n) => Array.from({ length: n }, () => Math.floor(rnd() * 256)));
  for (const [name, node, make] of ALGOS) {
    it(`${name} matches OpenSSL, whole, in pieces and through copies`, () => {
      for (const data of inputs) {
        const want = createHash(node).update(Buffer.from(data)).digest('hex');
        const d = make();
        d.update(data);
        expect(hex(d.digest()), `${name} of ${data.length} bytes`).toBe(want);
        // pieces of uneven sizes, a copy taken midway that goes on by itself
        const p = make();
        let at = 0;
        let step = 1;
        let copy: Digest | null = null;
        let copyAt = 0;
        while (at < data.length) {
          p.update(data.slice(at, at + step));
          at += step;
          step = (step * 3 + 1) % 200;
          if (copy === null && at > data.length / 2) {
            copy = p.copy();
            copyAt = at;
          }
        }
        expect(hex(p.digest()), `${name} of ${data.length} bytes in pieces`).toBe(want);
        // digest leaves the state as it was
        expect(hex(p.digest())).toBe(want);
        if (copy !== null) {
          copy.update(data.slice(copyAt));
          expect(hex(copy.digest())).toBe(want);
        }
      }
    });
  }
  it('shake_128 and shake_256 squeeze any length', () => {
    for (const [name, node] of [['shake_128', 'shake128'], ['shake_256', 'shake256']]) {
      for (const data of inputs.slice(0, 12)) {
        for (const n of [1, 32, 200, 500]) {
          const d = newSha3(name);
          d.update(data);
          expect(hex(d.squeeze(n))).toBe(createHash(node, { outputLength: n }).update(Buffer.from(data)).digest('hex'));
        }
      }
    }
  });
});
