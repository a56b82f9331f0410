// The _random module under the standard library's random.py: _random.Random, the Mersenne
// Twister MT19937 with CPython's seeding (init_by_array over the 32-bit chunks of abs(n)),
// random(), getrandbits(k) and getstate/setstate, so random.py's derived methods give
// CPython's sequences.
import type { int, float } from '../../translate/rlib/index.ts';
import { os, toFloat, toInt, floorDiv } from '../../translate/rlib/index.ts';
import { PyObject, PyModule, PyType, PyInstance, PyInt, PyTuple, typeType, objectType, newFloat, newInt, newTuple, raise, None, ValueError, TypeError, OverflowErrorT } from '../objects/core.ts';
import { dictSetS } from '../objects/dict.ts';
import { B, FAM_RANDOM } from '../builtins/ids.ts';
import { npos, defMethod, mkBuiltin, unhandledBuiltin } from '../builtins/args.ts';
import { newBuiltinModule } from './registry.ts';
import { toIntIndex, pyHash, typeName } from '../interpreter/runtime.ts';
import { intSign, intNeg, intMod, intFloorDiv, intAdd, intLshift, intCmp } from '../objects/intops.ts';

const N = 624;

/** A _random.Random (or a Python subclass's instance: random.Random keeps attributes). */
export class PyRandom extends PyInstance {
  mt: int[] = [];
  index: int = N + 1;
}

function randomType(): PyType {
  const t = new PyType(typeType, 'Random');
  t.bases.push(objectType);
  t.mro = [t, objectType];
  // not isBuiltin: instances are ordinary objects with attributes, as random.Random's are
  t.isBuiltin = false;
  t.module = '_random';
  return t;
}
const RANDOM_TYPE = randomType();
RANDOM_TYPE.dict.set('__new__', mkBuiltin('__new__', B.RANDOM_NEW, false, FAM_RANDOM));
defMethod(RANDOM_TYPE, 'seed', B.RANDOM_SEED, FAM_RANDOM);
defMethod(RANDOM_TYPE, 'random', B.RANDOM_RANDOM, FAM_RANDOM);
defMethod(RANDOM_TYPE, 'getrandbits', B.RANDOM_GETRANDBITS, FAM_RANDOM);
defMethod(RANDOM_TYPE, 'getstate', B.RANDOM_GETSTATE, FAM_RANDOM);
defMethod(RANDOM_TYPE, 'setstate', B.RANDOM_SETSTATE, FAM_RANDOM);

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
function initGenrand(r: PyRandom, s: int): void {
  const mt: int[] = [];
  mt.push(s >>> 0);
  for (let i = 1; i < N; i++) {
    const prev = mt[i - 1];
    mt.push(u32add(umul32(1812433253, (prev ^ (prev >>> 30)) >>> 0), i));
  }
  r.mt = mt;
  r.index = N;
}
function initByArray(r: PyRandom, key: int[]): void {
  initGenrand(r, 19650218);
  const mt = r.mt;
  let i = 1;
  let j = 0;
  let k = N > key.length ? N : key.length;
  for (; k > 0; k--) {
    const prev = mt[i - 1];
    const x = (mt[i] ^ umul32((prev ^ (prev >>> 30)) >>> 0, 1664525)) >>> 0;
    mt[i] = u32add(u32add(x, key[j]), j);
    i++;
    j++;
    if (i >= N) {
      mt[0] = mt[N - 1];
      i = 1;
    }
    if (j >= key.length) j = 0;
  }
  for (k = N - 1; k > 0; k--) {
    const prev = mt[i - 1];
    const x = (mt[i] ^ umul32((prev ^ (prev >>> 30)) >>> 0, 1566083941)) >>> 0;
    mt[i] = (x - i) >>> 0;
    i++;
    if (i >= N) {
      mt[0] = mt[N - 1];
      i = 1;
    }
  }
  mt[0] = 0x80000000;
}
function genrand(r: PyRandom): int {
  if (r.mt.length === 0) seedRandomly(r);
  const mt = r.mt;
  if (r.index >= N) {
    for (let kk = 0; kk < N; kk++) {
      const y = ((mt[kk] & 0x80000000) | (mt[(kk + 1) % N] & 0x7fffffff)) >>> 0;
      let v = (mt[(kk + 397) % N] ^ (y >>> 1)) >>> 0;
      if ((y & 1) !== 0) v = (v ^ 0x9908b0df) >>> 0;
      mt[kk] = v;
    }
    r.index = 0;
  }
  let y = mt[r.index++];
  y = (y ^ (y >>> 11)) >>> 0;
  y = (y ^ ((y << 7) & 0x9d2c5680)) >>> 0;
  y = (y ^ ((y << 15) & 0xefc60000)) >>> 0;
  y = (y ^ (y >>> 18)) >>> 0;
  return y;
}
/** seed(None): the whole key from os.urandom as CPython, the clock when there is none. */
function seedRandomly(r: PyRandom): void {
  const bytes = os.urandom(N * 4);
  const key: int[] = [];
  if (bytes.length === N * 4) {
    for (let i = 0; i < N * 4; i += 4) key.push((bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)) >>> 0);
  } else {
    let v = toInt(Math.floor(os.time() * 1000000.0));
    while (v > 0) {
      key.push(v % 4294967296);
      v = floorDiv(v, 4294967296);
    }
    if (key.length === 0) key.push(0);
  }
  initByArray(r, key);
}
/** CPython's random_seed: abs(n) for an int, the hash as an unsigned 64-bit word otherwise. */
function seedWith(r: PyRandom, o: PyObject): void {
  if (o === None) {
    seedRandomly(r);
    return;
  }
  const key: int[] = [];
  if (o instanceof PyInt) {
    let v: PyInt = intSign(o) < 0 ? intNeg(o) : o;
    const base = newInt(4294967296);
    while (intSign(v) > 0) {
      key.push((intMod(v, base) as PyInt).v);
      v = intFloorDiv(v, base);
    }
  } else {
    const h = pyHash(o);
    const lo = h >>> 0;
    key.push(lo);
    const hi = floorDiv(h - lo, 4294967296) >>> 0;
    if (hi !== 0) key.push(hi);
  }
  if (key.length === 0) key.push(0);
  initByArray(r, key);
}
function random(r: PyRandom): float {
  const a = genrand(r) >>> 5;
  const b = genrand(r) >>> 6;
  return (toFloat(a) * 67108864.0 + toFloat(b)) * (1.0 / 9007199254740992.0);
}
function getrandbits(r: PyRandom, k: int): PyInt {
  if (k < 0) throw raise(ValueError, 'number of bits must be non-negative');
  if (k === 0) return newInt(0);
  if (k <= 32) return newInt(genrand(r) >>> (32 - k));
  // 32-bit words from the least significant up; the last one keeps its top bits
  let out: PyInt = newInt(0);
  let shift = 0;
  let left = k;
  while (left > 0) {
    let w = genrand(r);
    if (left < 32) w = w >>> (32 - left);
    out = intAdd(out, intLshift(newInt(w), newInt(shift)));
    shift += 32;
    left -= 32;
  }
  return out;
}

export function makeRandom(): PyModule {
  const m = newBuiltinModule('_random');
  dictSetS(m.dict, 'Random', RANDOM_TYPE);
  return m;
}
function self(o: PyObject): PyRandom {
  if (o instanceof PyRandom) return o;
  throw raise(TypeError, `descriptor requires a '_random.Random' object but received a '${typeName(o)}'`);
}
const MAX_U32 = newInt(4294967295);

export function callRandom(id: int, args: PyObject[], kw: string[] | null): PyObject {
  const n = npos(args, kw);
  if (id === B.RANDOM_NEW) {
    const t = args[0];
    if (!(t instanceof PyType)) throw raise(TypeError, 'Random.__new__(X): X is not a type object');
    // only the base type refuses keywords: a subclass's __init__ takes what it wants
    if (t === RANDOM_TYPE && kw !== null && kw.length > 0) throw raise(TypeError, 'Random() takes no keyword arguments');
    if (t === RANDOM_TYPE && n > 2) throw raise(TypeError, `Random() expected at most 1 argument, got ${n - 1}`);
    const r = new PyRandom(t);
    seedWith(r, n > 1 ? args[1] : None);
    return r;
  }
  const r = self(args[0]);
  switch (id) {
    case B.RANDOM_SEED:
      if (n > 2) throw raise(TypeError, `seed expected at most 1 argument, got ${n - 1}`);
      seedWith(r, n > 1 ? args[1] : None);
      return None;
    case B.RANDOM_RANDOM:
      if (n !== 1) throw raise(TypeError, `Random.random() takes no arguments (${n - 1} given)`);
      return newFloat(random(r));
    case B.RANDOM_GETRANDBITS: {
      if (n !== 2) throw raise(TypeError, `Random.getrandbits() takes exactly one argument (${n - 1} given)`);
      const k = args[1];
      if (!(k instanceof PyInt)) throw raise(TypeError, `'${typeName(k)}' object cannot be interpreted as an integer`);
      return getrandbits(r, toIntIndex(k));
    }
    case B.RANDOM_GETSTATE: {
      if (r.mt.length === 0) seedRandomly(r);
      const items: PyObject[] = [];
      for (const w of r.mt) items.push(newInt(w));
      items.push(newInt(r.index));
      return newTuple(items);
    }
    case B.RANDOM_SETSTATE: {
      if (n !== 2) throw raise(TypeError, `Random.setstate() takes exactly one argument (${n - 1} given)`);
      const st = args[1];
      if (!(st instanceof PyTuple)) throw raise(TypeError, 'state vector must be a tuple');
      if (st.items.length !== N + 1) throw raise(ValueError, 'state vector is the wrong size');
      const mt: int[] = [];
      for (let i = 0; i < N; i++) {
        const w = st.items[i];
        if (!(w instanceof PyInt)) throw raise(TypeError, `'${typeName(w)}' object cannot be interpreted as an integer`);
        if (intSign(w) < 0) throw raise(OverflowErrorT, "can't convert negative value to unsigned int");
        if (intCmp(w, MAX_U32) > 0) throw raise(OverflowErrorT, 'Python int too large to convert to C unsigned long');
        mt.push(w.v);
      }
      const idx = st.items[N];
      if (!(idx instanceof PyInt)) throw raise(TypeError, `'${typeName(idx)}' object cannot be interpreted as an integer`);
      const index = toIntIndex(idx);
      if (index < 0 || index > N) throw raise(ValueError, 'invalid state');
      r.mt = mt;
      r.index = index;
      return None;
    }
  }
  throw unhandledBuiltin('_random method', id);
}
