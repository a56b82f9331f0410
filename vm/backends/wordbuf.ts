// The code buffer of the ISAs whose instructions are little-endian 32-bit words (aarch64,
// ppc64le): appending a word, and reading or rewriting one in place (branch patching).
import type { int } from '../../translate/rlib/index.ts';

export class WordBuffer {
  code: int[] = [];

  pos(): int {
    return this.code.length;
  }
  /** appends one instruction word (any int whose low 32 bits are the word) */
  word(w: int): void {
    for (let k = 0; k < 4; k++) this.code.push((w >> (8 * k)) & 0xff);
  }
  /** the instruction word at byte position at */
  wordAt(at: int): int {
    return this.code[at] | (this.code[at + 1] << 8) | (this.code[at + 2] << 16) | (this.code[at + 3] << 24);
  }
  /** rewrites the instruction word at byte position at */
  setWordAt(at: int, w: int): void {
    for (let k = 0; k < 4; k++) this.code[at + k] = (w >> (8 * k)) & 0xff;
  }
}
