// The random module: Mersenne Twister MT19937 with CPython's seeding and derivations, so
// random.seed(n) gives the same sequences as CPython.
import type { int, float } from '../../translate/rlib/index.ts';
import { os, toFloat, toInt, floorDiv } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, PyInt, PyList, PyDict, newFloat, newInt, newList, raise, None, ValueError, TypeError, IndexError } from '../objects/core.ts';
import { B, FAM_RANDOM } from '../builtins/ids.ts';
import { npos, kwArg, arg, unhandledBuiltin } from '../builtins/args.ts';
import { newBuiltinModule, addFn } from './registry.ts';
import { VM } from '../interpreter/state.ts';
import { toFloatValue } from '../builtins/dispatch.ts';
import { iterToArray, pyLen, getItem, toIntIndex, pyHash, typeName } from '../interpreter/runtime.ts';
import { intSign, intNeg, intMod, intFloorDiv, intBitLength, intAdd, intMul, intLshift, intCmp, intSub, fromBig } from '../objects/intops.ts';
import { PyStr } from '../objects/core.ts';

function umul32(a: int, b: int): int {
  const ah = a >>> 16;
  const al = a & 0xffff;
  const bh = b >>> 16;
  const bl = b & 0xffff;
  const mid = ((ah * bl + al * bh) & 0xffff) * 65536;
  return (mid + al * bl) >>> 0;
}
function u32add(a: int, b: int): int {
  return (a + b) >>> 0;
}
function initGenrand(s: int): void {
  const mt: int[] = [];
  mt.push(s >>> 0);
  for (let i = 1; i < 624; i++) {
    const prev = mt[i - 1];
    mt.push(u32add(umul32(1812433253, (prev ^ (prev >>> 30)) >>> 0), i));
  }
  VM.randomState = mt;
  VM.randomIndex = 624;
}
function initByArray(key: int[]): void {
  initGenrand(19650218);
  const mt = VM.randomState;
  let i = 1;
  let j = 0;
  let k = 624 > key.length ? 624 : key.length;
  for (; k > 0; k--) {
    const prev = mt[i - 1];
    const x = (mt[i] ^ umul32((prev ^ (prev >>> 30)) >>> 0, 1664525)) >>> 0;
    mt[i] = u32add(u32add(x, key[j]), j);
    i++;
    j++;
    if (i >= 624) {
      mt[0] = mt[623];
      i = 1;
    }
    if (j >= key.length) j = 0;
  }
  for (k = 623; k > 0; k--) {
    const prev = mt[i - 1];
    const x = (mt[i] ^ umul32((prev ^ (prev >>> 30)) >>> 0, 1566083941)) >>> 0;
    mt[i] = (x - i) >>> 0;
    i++;
    if (i >= 624) {
      mt[0] = mt[623];
      i = 1;
    }
  }
  mt[0] = 0x80000000;
}
function genrand(): int {
  if (VM.randomState.length === 0) seedFromTime();
  const mt = VM.randomState;
  if (VM.randomIndex >= 624) {
    for (let kk = 0; kk < 624; kk++) {
      const y = ((mt[kk] & 0x80000000) | (mt[(kk + 1) % 624] & 0x7fffffff)) >>> 0;
      let v = (mt[(kk + 397) % 624] ^ (y >>> 1)) >>> 0;
      if ((y & 1) !== 0) v = (v ^ 0x9908b0df) >>> 0;
      mt[kk] = v;
    }
    VM.randomIndex = 0;
  }
  let y = mt[VM.randomIndex++];
  y = (y ^ (y >>> 11)) >>> 0;
  y = (y ^ ((y << 7) & 0x9d2c5680)) >>> 0;
  y = (y ^ ((y << 15) & 0xefc60000)) >>> 0;
  y = (y ^ (y >>> 18)) >>> 0;
  return y;
}
function seedFromTime(): void {
  const t = toInt(Math.floor(os.time() * 1000000.0));
  const key: int[] = [];
  let v = t;
  while (v > 0) {
    key.push(v % 4294967296);
    v = floorDiv(v, 4294967296);
  }
  if (key.length === 0) key.push(0);
  initByArray(key);
}
function seedWith(o: PyObject): void {
  if (o === None) {
    seedFromTime();
    return;
  }
  let n: PyInt;
  if (o instanceof PyInt) n = o;
  else if (o instanceof PyStr) {
    // CPython (version 2) hashes str seeds with SHA-512; approximate with our own hash
    n = newInt(pyHash(o) >>> 0);
  } else n = newInt(pyHash(o) >>> 0);
  if (intSign(n) < 0) n = intNeg(n);
  const key: int[] = [];
  const base = newInt(4294967296);
  let v: PyInt = n;
  while (intSign(v) > 0) {
    key.push((intMod(v, base) as PyInt).v);
    v = intFloorDiv(v, base);
  }
  if (key.length === 0) key.push(0);
  initByArray(key);
}
function random(): float {
  const a = genrand() >>> 5;
  const b = genrand() >>> 6;
  return (toFloat(a) * 67108864.0 + toFloat(b)) * (1.0 / 9007199254740992.0);
}
function getrandbits(k: int): PyInt {
  if (k < 0) throw raise(ValueError, 'number of bits must be non-negative');
  if (k === 0) return newInt(0);
  if (k <= 32) return newInt(genrand() >>> (32 - k));
  let r: PyInt = newInt(0);
  let shift = 0;
  let left = k;
  while (left > 0) {
    let w = genrand();
    if (left < 32) w = w >>> (32 - left);
    r = intAdd(r, intLshift(newInt(w), newInt(shift)));
    shift += 32;
    left -= 32;
  }
  return r;
}
function randbelow(n: PyInt): PyInt {
  const k = intBitLength(n);
  let r = getrandbits(k);
  while (intCmp(r, n) >= 0) r = getrandbits(k);
  return r;
}
function randbelowInt(n: int): int {
  return randbelow(newInt(n)).v;
}
function asInt(o: PyObject): PyInt {
  if (o instanceof PyInt) return o;
  throw raise(TypeError, `'${typeName(o)}' object cannot be interpreted as an integer`);
}
function randrange(start: PyInt, stop: PyInt, step: int): PyInt {
  const width = intSub(stop, start);
  if (step === 1) {
    if (intSign(width) <= 0) throw raise(ValueError, `empty range in randrange(${start.v}, ${stop.v})`);
    return intAdd(start, randbelow(width));
  }
  const st = newInt(step);
  let n: PyInt;
  if (step > 0) n = intFloorDiv(intAdd(width, newInt(step - 1)), st);
  else if (step < 0) n = intFloorDiv(intAdd(width, newInt(step + 1)), st);
  else throw raise(ValueError, 'zero step for randrange()');
  if (intSign(n) <= 0) throw raise(ValueError, 'empty range for randrange()');
  return intAdd(start, intMul(st, randbelow(n)));
}

export function makeRandom(): PyModule {
  const m = newBuiltinModule('random');
  addFn(m, 'seed', B.RANDOM_SEED, FAM_RANDOM);
  addFn(m, 'random', B.RANDOM_RANDOM, FAM_RANDOM);
  addFn(m, 'randint', B.RANDOM_RANDINT, FAM_RANDOM);
  addFn(m, 'choice', B.RANDOM_CHOICE, FAM_RANDOM);
  addFn(m, 'shuffle', B.RANDOM_SHUFFLE, FAM_RANDOM);
  addFn(m, 'randrange', B.RANDOM_RANDRANGE, FAM_RANDOM);
  addFn(m, 'getrandbits', B.RANDOM_GETRANDBITS, FAM_RANDOM);
  addFn(m, 'uniform', B.RANDOM_UNIFORM, FAM_RANDOM);
  addFn(m, 'sample', B.RANDOM_SAMPLE, FAM_RANDOM);
  addFn(m, 'choices', B.RANDOM_CHOICES, FAM_RANDOM);
  return m;
}
export function callRandom(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  switch (id) {
    case B.RANDOM_SEED:
      seedWith(n > 0 ? args[0] : None);
      return None;
    case B.RANDOM_RANDOM:
      return newFloat(random());
    case B.RANDOM_RANDINT:
      return randrange(asInt(args[0]), intAdd(asInt(args[1]), newInt(1)), 1);
    case B.RANDOM_RANDRANGE: {
      if (n === 1) return randrange(newInt(0), asInt(args[0]), 1);
      return randrange(asInt(args[0]), asInt(args[1]), n > 2 ? toIntIndex(args[2]) : 1);
    }
    case B.RANDOM_GETRANDBITS:
      return getrandbits(toIntIndex(args[0]));
    case B.RANDOM_CHOICE: {
      const len = pyLen(args[0]);
      if (len === 0) throw raise(IndexError, 'Cannot choose from an empty sequence');
      return getItem(args[0], newInt(randbelowInt(len)));
    }
    case B.RANDOM_SHUFFLE: {
      const l = args[0];
      if (!(l instanceof PyList)) throw raise(TypeError, 'shuffle expects a list');
      const x = l.items;
      for (let i = x.length - 1; i > 0; i--) {
        const j = randbelowInt(i + 1);
        const t = x[i];
        x[i] = x[j];
        x[j] = t;
      }
      return None;
    }
    case B.RANDOM_UNIFORM: {
      const a = toFloatValue(args[0]);
      const b = toFloatValue(args[1]);
      return newFloat(a + (b - a) * random());
    }
    case B.RANDOM_SAMPLE: {
      const pop = iterToArray(args[0]);
      const k = toIntIndex(arg(args, kw, 1, 'k') as PyObject);
      const len = pop.length;
      if (k < 0 || k > len) throw raise(ValueError, 'Sample larger than population or is negative');
      const result: PyObject[] = [];
      let setsize = 21;
      if (k > 5) {
        let p = 1;
        const target = toInt(Math.ceil(Math.log(toFloat(k * 3)) / Math.log(4.0)));
        for (let i = 0; i < target; i++) p = p * 4;
        setsize += p;
      }
      if (len <= setsize) {
        const pool = pop.slice(0);
        for (let i = 0; i < k; i++) {
          const j = randbelowInt(len - i);
          result.push(pool[j]);
          pool[j] = pool[len - i - 1];
        }
      } else {
        const selected: boolean[] = [];
        for (let i = 0; i < len; i++) selected.push(false);
        for (let i = 0; i < k; i++) {
          let j = randbelowInt(len);
          while (selected[j]) j = randbelowInt(len);
          selected[j] = true;
          result.push(pop[j]);
        }
      }
      return newList(result);
    }
    case B.RANDOM_CHOICES: {
      const pop = iterToArray(args[0]);
      const weights = arg(args, kw, 1, 'weights');
      const kO = kwArg(args, kw, 'k');
      const k = kO === null ? 1 : toIntIndex(kO);
      const out: PyObject[] = [];
      const len = pop.length;
      if (weights === null || weights === None) {
        for (let i = 0; i < k; i++) out.push(pop[toInt(Math.floor(random() * toFloat(len)))]);
        return newList(out);
      }
      const cum: float[] = [];
      let total = 0.0;
      for (const w of iterToArray(weights)) {
        total += toFloatValue(w);
        cum.push(total);
      }
      for (let i = 0; i < k; i++) {
        const x = random() * total;
        let lo = 0;
        let hi = len - 1;
        while (lo < hi) {
          const mid = floorDiv(lo + hi, 2);
          if (x < cum[mid]) hi = mid;
          else lo = mid + 1;
        }
        out.push(pop[lo]);
      }
      return newList(out);
    }
  }
  throw unhandledBuiltin('random function', id);
}
