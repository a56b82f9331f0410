// What RTS programs import: machine number types, checked arithmetic, heap exhaustion as an
// exception, OS access, executable memory, a string builder and a custom-hash dict. Everything here behaves the same
// untranslated (Node) and translated (C).
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
export { StringBuilder } from './strbuilder.ts';
export { RDict, type KeyOps } from './rdict.ts';
