// _sre.compile's check of the code words, as CPython's _validate does: every operation's
// arguments and every skip stay inside the code (and inside the body they belong to), groups
// named exist, and the code ends in SUCCESS. The engine reads code words without bounds checks
// of its own beyond RTS's (a fatal error), so code that re._compiler did not make (a damaged or
// hand-written list) must be refused here, with CPython's RuntimeError, before it runs.
import type { int } from '../../../translate/rlib/index.ts';
import * as K from './constants.ts';

/** Whether code (the whole list, groups capture groups) is code the engine may run. */
export function validCode(code: int[], groups: int): boolean {
  const end = code.length;
  if (end === 0 || code[end - 1] !== K.OP_SUCCESS) return false;
  return validBody(code, 0, end - 1, groups);
}

/** Whether code[from..end) is a sequence of whole operations. */
function validBody(code: int[], from: int, end: int, groups: int): boolean {
  let pc = from;
  while (pc < end) {
    const op = code[pc++];
    switch (op) {
      case K.OP_FAILURE:
      case K.OP_SUCCESS:
      case K.OP_ANY:
      case K.OP_ANY_ALL:
        break;
      case K.OP_MARK:
        if (pc >= end || code[pc] > 2 * groups + 1) return false;
        pc++;
        break;
      case K.OP_AT:
        if (pc >= end || code[pc] > K.AT_UNI_NON_BOUNDARY) return false;
        pc++;
        break;
      case K.OP_CATEGORY:
      case K.OP_LITERAL:
      case K.OP_NOT_LITERAL:
      case K.OP_LITERAL_IGNORE:
      case K.OP_NOT_LITERAL_IGNORE:
      case K.OP_LITERAL_UNI_IGNORE:
      case K.OP_NOT_LITERAL_UNI_IGNORE:
      case K.OP_LITERAL_LOC_IGNORE:
      case K.OP_NOT_LITERAL_LOC_IGNORE:
        if (pc >= end) return false;
        pc++;
        break;
      case K.OP_GROUPREF:
      case K.OP_GROUPREF_IGNORE:
      case K.OP_GROUPREF_UNI_IGNORE:
      case K.OP_GROUPREF_LOC_IGNORE:
        if (pc >= end || code[pc] >= groups) return false;
        pc++;
        break;
      case K.OP_IN:
      case K.OP_IN_IGNORE:
      case K.OP_IN_UNI_IGNORE:
      case K.OP_IN_LOC_IGNORE: {
        // <skip> <set ... FAILURE>, the skip counted from its own word
        const next = skipEnd(code, pc, end);
        if (next < 0 || !validSet(code, pc + 1, next)) return false;
        pc = next;
        break;
      }
      case K.OP_INFO: {
        // <skip> <flags> <min> <max> then a literal prefix or a set
        const next = skipEnd(code, pc, end);
        if (next < 0 || pc + 4 > next) return false;
        const flags = code[pc + 1];
        let p = pc + 4;
        if ((flags & K.INFO_PREFIX) !== 0) {
          // <length> <skip> <prefix ...> <overlap table ...>
          if (p + 2 > next) return false;
          const len = code[p];
          if (len > next - p - 2 || p + 2 + 2 * len > next || code[p + 1] > len) return false;
        } else if ((flags & K.INFO_CHARSET) !== 0) {
          if (!validSet(code, p, next)) return false;
        }
        pc = next;
        break;
      }
      case K.OP_JUMP:
        // only the end of a branch's alternative (validBranch) may jump
        return false;
      case K.OP_BRANCH: {
        // alternatives <skip> <body> JUMP <skip>, then FAILURE (a 0 skip)
        let jumpTo = -1;
        for (;;) {
          if (pc >= end) return false;
          const skip = code[pc];
          if (skip === 0) break;
          const next = skipEnd(code, pc, end);
          if (next < 0 || next - 2 < pc + 1 || code[next - 2] !== K.OP_JUMP) return false;
          if (!validBody(code, pc + 1, next - 2, groups)) return false;
          const to = skipEnd(code, next - 1, end);
          if (to < 0 || (jumpTo >= 0 && to !== jumpTo)) return false;
          jumpTo = to;
          pc = next;
        }
        pc++;
        if (jumpTo >= 0 && jumpTo !== pc) return false;
        break;
      }
      case K.OP_REPEAT_ONE:
      case K.OP_MIN_REPEAT_ONE:
      case K.OP_POSSESSIVE_REPEAT_ONE: {
        // <skip> <min> <max> <item> SUCCESS
        const next = skipEnd(code, pc, end);
        if (next < 0 || pc + 3 >= next || code[pc + 1] > code[pc + 2] || code[next - 1] !== K.OP_SUCCESS) return false;
        if (!validBody(code, pc + 3, next - 1, groups)) return false;
        pc = next;
        break;
      }
      case K.OP_REPEAT:
      case K.OP_POSSESSIVE_REPEAT: {
        // <skip> <min> <max> <body>, then MAX_UNTIL or MIN_UNTIL (REPEAT) or SUCCESS
        const next = skipEnd(code, pc, end);
        if (next < 0 || next >= end || pc + 3 > next || code[pc + 1] > code[pc + 2]) return false;
        if (!validBody(code, pc + 3, next, groups)) return false;
        const until = code[next];
        if (op === K.OP_REPEAT ? until !== K.OP_MAX_UNTIL && until !== K.OP_MIN_UNTIL : until !== K.OP_SUCCESS) return false;
        pc = next + 1;
        break;
      }
      case K.OP_GROUPREF_EXISTS: {
        // <group> <skip>: the no-branch starts at the skip's word + skip - 1; the yes-branch
        // before it ends in JUMP <skip> over the no-branch when there is one
        if (pc + 2 > end || code[pc] >= groups) return false;
        const skip = code[pc + 1];
        const no = pc + skip;
        if (skip < 2 || no > end) return false;
        if (no - 2 >= pc + 2 && code[no - 2] === K.OP_JUMP) {
          if (!validBody(code, pc + 2, no - 2, groups)) return false;
          const after = skipEnd(code, no - 1, end);
          if (after < no || !validBody(code, no, after, groups)) return false;
          pc = after;
        } else {
          if (!validBody(code, pc + 2, no, groups)) return false;
          pc = no;
        }
        break;
      }
      case K.OP_ASSERT:
      case K.OP_ASSERT_NOT: {
        // <skip> <back> <body> SUCCESS
        const next = skipEnd(code, pc, end);
        if (next < 0 || pc + 2 >= next || code[next - 1] !== K.OP_SUCCESS) return false;
        if (!validBody(code, pc + 2, next - 1, groups)) return false;
        pc = next;
        break;
      }
      case K.OP_ATOMIC_GROUP: {
        // <skip> <body> SUCCESS
        const next = skipEnd(code, pc, end);
        if (next < 0 || pc + 1 >= next || code[next - 1] !== K.OP_SUCCESS) return false;
        if (!validBody(code, pc + 1, next - 1, groups)) return false;
        pc = next;
        break;
      }
      default:
        return false;
    }
  }
  return pc === end;
}

/** Where the skip at code[at] leads (at + the skip), or -1 past end or when it is 0. */
function skipEnd(code: int[], at: int, end: int): int {
  if (at >= end) return -1;
  const skip = code[at];
  if (skip === 0 || skip > end - at) return -1;
  return at + skip;
}

/** Whether code[from..end) is a set: its items, then FAILURE as the last word. */
function validSet(code: int[], from: int, end: int): boolean {
  let p = from;
  while (p < end) {
    const op = code[p++];
    switch (op) {
      case K.OP_FAILURE:
        return p === end;
      case K.OP_LITERAL:
      case K.OP_CATEGORY:
        if (p >= end) return false;
        p++;
        break;
      case K.OP_RANGE:
      case K.OP_RANGE_UNI_IGNORE:
        if (p + 2 > end) return false;
        p += 2;
        break;
      case K.OP_NEGATE:
        break;
      case K.OP_CHARSET:
        if (p + 8 > end) return false;
        p += 8;
        break;
      case K.OP_BIGCHARSET: {
        // <count> <256 block numbers, a byte each, in 64 words> <count blocks of 8 words>
        if (p >= end) return false;
        const count = code[p++];
        if (p + 64 + count * 8 > end) return false;
        for (let i = 0; i < 256; i++) {
          if (((code[p + (i >> 2)] >>> ((i & 3) * 8)) & 255) >= count) return false;
        }
        p += 64 + count * 8;
        break;
      }
      default:
        return false;
    }
  }
  return false;
}
