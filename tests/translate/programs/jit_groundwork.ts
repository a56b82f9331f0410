// The rlib groundwork of the JIT: GcRef and its checked downcast, addressOf/refAt, offsetOf,
// sizeOf and type-id ranges, the helper-address table, and execmem (writeBytes, address,
// targetArch, finalize, and a call whose helper's exception propagates). Machine code,
// hand-encoded per ISA, loads an int field of an object at offsetOf and tail-calls a helper
// with it. Untranslated (no machine code on Node) the same lines come from doing in RTS what
// that code does, so the output is the same everywhere.
import {
  type int, execmem, asRef, castRef, addressOf, refAt, typeIdOf, tidLow, tidHigh, offsetOf, sizeOf,
  jitHelper, helperAddress, allocAddress, excAddress, oomPendingAddress,
} from '../../../translate/rlib/index.ts';

class Shape {
  name: string;
  constructor(name: string) {
    this.name = name;
  }
}
class Box extends Shape {
  a: int;
  b: int;
  constructor(name: string, a: int, b: int) {
    super(name);
    this.a = a;
    this.b = b;
  }
}
class Other {
  x: int;
  constructor(x: int) {
    this.x = x;
  }
}
class HelperError extends Error {}

class Stats {
  calls: int = 0;
}
const stats = new Stats();

/** Called from machine code only: annotated from its declared parameter type. */
function triple(x: int): int {
  stats.calls++;
  if (x < 0) throw new HelperError(`negative ${x}`);
  return 3 * x + 1;
}
const H_TRIPLE = jitHelper(triple);

// f(obj, offset, helper, _) = helper(*(int64_t *)(obj + offset)), a load and a tail call
const CODE = new Map<string, int[]>([
  // mov (%rdi,%rsi),%rdi; jmp *%rdx
  ['x86_64', [0x48, 0x8b, 0x3c, 0x37, 0xff, 0xe2]],
  // mov (%rcx,%rdx),%rcx; jmp *%r8
  ['x86_64-win64', [0x48, 0x8b, 0x0c, 0x11, 0x41, 0xff, 0xe0]],
  // ldr x0, [x0, x1]; br x2
  ['aarch64', [0x00, 0x68, 0x61, 0xf8, 0x40, 0x00, 0x1f, 0xd6]],
  // ldx r3,r3,r4; mr r12,r5; mtctr r12; bctr (ELFv2: r12 holds the callee's address)
  ['ppc64le', [0x2a, 0x20, 0x63, 0x7c, 0x78, 0x2b, 0xac, 0x7c, 0xa6, 0x03, 0x89, 0x7d, 0x20, 0x04, 0x80, 0x4e]],
  // lg %r2,0(%r3,%r2); br %r4
  ['s390x', [0xe3, 0x23, 0x20, 0x00, 0x00, 0x04, 0x07, 0xf4]],
]);

/** Runs the field-load-and-call code on box.a, or does the same in RTS without machine code. */
class Runner {
  handle: int = 0;
  constructor() {
    const code = CODE.get(execmem.targetArch());
    if (!execmem.available() || code === undefined) return;
    const h = execmem.alloc(64);
    if (h === 0) return;
    execmem.writeBytes(h, 0, code);
    if (execmem.address(h, 0) === 0 || execmem.address(h, 1) !== execmem.address(h, 0) + 1) throw new Error('execmem.address');
    if (!execmem.finalize(h)) throw new Error('execmem.finalize');
    this.handle = h;
  }
  run(box: Box): int {
    if (this.handle === 0) return triple(box.a);
    return execmem.call(this.handle, 0, addressOf(asRef(box)), offsetOf(Box, 'a'), helperAddress(H_TRIPLE), 0);
  }
  /** Rewrites the first byte (the region becomes writable, so not executable) and finalizes again. */
  rewrite(): void {
    if (this.handle === 0) return;
    const code = CODE.get(execmem.targetArch())!;
    execmem.writeByte(this.handle, 0, code[0]);
    if (!execmem.finalize(this.handle)) throw new Error('execmem.finalize');
  }
}

export function main(argv: string[]): int {
  const shape = new Shape('plain');
  const box = new Box('box', 42, 7);
  const other = new Other(1);
  const r = asRef(box);

  console.log(`same ref: ${asRef(box) === r}`);
  const back = castRef(r, Box);
  console.log(`as Box: ${back !== null ? back.name + ' ' + back.a : 'null'}`);
  const up = castRef(r, Shape);
  console.log(`as Shape (base): ${up !== null ? up.name : 'null'}`);
  console.log(`as Other: ${castRef(r, Other) === null ? 'null' : 'wrong'}`);
  console.log(`shape as Box: ${castRef(asRef(shape), Box) === null ? 'null' : 'wrong'}`);
  console.log(`other as Other: ${castRef(asRef(other), Other)!.x}`);
  console.log(`string as Box: ${castRef(asRef(argv[0]), Box) === null ? 'null' : 'wrong'}`);

  const t = typeIdOf(r);
  console.log(`tid in Box range: ${tidLow(Box) <= t && t < tidHigh(Box)}`);
  console.log(`tid in Other range: ${tidLow(Other) <= t && t < tidHigh(Other)}`);

  const oa = offsetOf(Box, 'a');
  const ob = offsetOf(Box, 'b');
  console.log(`offsets distinct: ${oa !== ob}, aligned: ${oa % 8 === 0 && ob % 8 === 0}`);
  console.log(`inherited field, same offset: ${offsetOf(Box, 'name') === offsetOf(Shape, 'name')}`);
  console.log(`fields inside the object: ${oa + 8 <= sizeOf(Box) && ob + 8 <= sizeOf(Box)}, Box larger than Shape: ${sizeOf(Box) > sizeOf(Shape)}`);

  const addr = addressOf(r);
  console.log(`address nonzero and aligned: ${addr !== 0 && addr % 8 === 0}, distinct: ${addr !== addressOf(asRef(shape))}`);
  const again = castRef(refAt(addr), Box);
  console.log(`refAt(addressOf(r)) is box: ${again === box}`);

  console.log(`helper address: ${helperAddress(H_TRIPLE) !== 0}`);
  console.log(`runtime addresses: ${allocAddress() !== 0 && excAddress() !== 0 && excAddress() !== oomPendingAddress()}`);

  const runner = new Runner();
  // stderr, which the corpus tests do not compare: whether machine code ran here
  console.error(`machine code: ${runner.handle !== 0 ? execmem.targetArch() : 'none'}`);
  console.log(`triple(box.a) = ${runner.run(box)}`);
  box.a = 1000;
  runner.rewrite();
  console.log(`after rewrite and finalize: ${runner.run(box)}`);
  box.a = -5;
  try {
    console.log(`unexpected: ${runner.run(box)}`);
  } catch (e) {
    if (e instanceof HelperError) console.log(`helper raised through the call: ${e.message}`);
    else throw e;
  }
  // the pending exception was taken: the next call works
  box.a = 2;
  console.log(`then ${runner.run(box)}; helper calls ${stats.calls}`);
  return 0;
}
