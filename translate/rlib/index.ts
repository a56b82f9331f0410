// What RTS programs import: machine number types, checked arithmetic, heap exhaustion as an
// exception, OS access, executable memory, opaque GC references and object layout, the JIT's
// helper-address table, text primitives, a string builder and a custom-hash dict. Everything here behaves the
// same untranslated (Node) and translated (C), except where a file says what Node fakes.
export type { int, float } from './types.ts';
export {
  OverflowError,
  ZeroDivisionError,
  MAX_INT,
  MIN_INT,
  addOvf,
  subOvf,
  mulOvf,
  floorDiv,
  floorMod,
  truncDiv,
  toFloat,
  toInt,
  floatMod,
  floatRepr,
  parseFloatStrict,
} from './arith.ts';
export { MemoryError } from './memory.ts';
export * as os from './os.ts';
export * as execmem from './execmem.ts';
export * as weak from './weak.ts';
export * as text from './text.ts';
export { GcRef, asRef, castRef, addressOf, refAt, typeIdOf, tidLow, tidHigh, offsetOf, sizeOf } from './gcref.ts';
export { jitHelper, helperAddress, allocAddress, excAddress, oomPendingAddress, gcAllocInfo } from './jithelpers.ts';
export { StringBuilder } from './strbuilder.ts';
export { RDict, type KeyOps } from './rdict.ts';
