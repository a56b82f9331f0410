// The _sre matcher: interprets the code words re._compiler emits, as CPython's sre_lib.h does,
// on a subject held as an int[] of code points (str) or byte values (bytes). Backtracking
// keeps its contexts on an explicit stack in the state, never on the host's: a pattern cannot
// overflow the native stack however deep it backtracks. Each opcode whose body calls a
// sub-match (BRANCH, REPEAT_ONE, MAX_UNTIL, ASSERT, ...) records where it waits (`jump`) and
// is resumed there when that sub-match returns, in the order sre_lib.h resumes them.
import type { int } from '../../../translate/rlib/index.ts';
import * as K from './constants.ts';
import { checkInterrupt } from '../../interpreter/state.ts';
import { SetTables, setTable, category, inCharset, isLinebreak, isAsciiWord, isUniWord, isLocWord, lowerAscii, lowerUnicode, lowerLocale, upperLocale, charLocIgnore } from './chars.ts';

/** A REPEAT in progress (sre_lib.h's SRE_REPEAT): how many times its body has matched. */
class Repeat {
  count: int = -1;
  /** the REPEAT opcode's index: min at pc+2, max at pc+3, body from pc+4 */
  pc: int;
  prev: Repeat | null;
  /** where the last iteration started, against empty iterations looping (-1: none) */
  lastPtr: int = -1;
  constructor(pc: int, prev: Repeat | null) {
    this.pc = pc;
    this.prev = prev;
  }
}

/** One sub-match in progress (sre_lib.h's match context). */
class Ctx {
  pc: int = 0;
  ptr: int = 0;
  count: int = 0;
  lastmark: int = -1;
  lastindex: int = -1;
  /** where this context resumes when the sub-match it started returns (J_*) */
  jump: int = 0;
  toplevel: boolean = false;
  rep: Repeat | null = null;
  /** marks saved by MARK_PUSH */
  saved: int[] = [];
  savedLastPtr: int = -1;
  chr: int = 0;
}

export class SreState {
  chars: int[];
  /** slice bounds given by pos and endpos, clamped to the subject */
  pos: int;
  endpos: int;
  start: int;
  end: int;
  ptr: int = 0;
  marks: int[] = [];
  lastmark: int = -1;
  lastindex: int = -1;
  repeat: Repeat | null = null;
  /** fullmatch: the top-level SUCCESS only at end */
  matchAll: boolean = false;
  /** the previous match was empty here: the next may not be empty at the same place */
  mustAdvance: boolean = false;
  ctxs: Ctx[] = [];
  depth: int = 0;
  /** the result a context returns with (M_RETURN) when a continuation decides it */
  lastResult: boolean = false;
  /** sub-matches started, to poll for Ctrl-C as CPython does every 4096 */
  steps: int = 0;
  /** the pattern's set tables (chars.ts), shared by all its states */
  sets: SetTables;
  constructor(chars: int[], pos: int, endpos: int, groups: int, sets: SetTables) {
    this.chars = chars;
    this.sets = sets;
    const n = chars.length;
    let s = pos < 0 ? 0 : pos;
    if (s > n) s = n;
    let e = endpos < 0 ? 0 : endpos;
    if (e > n) e = n;
    this.pos = s;
    this.endpos = e;
    this.start = s;
    this.end = e;
    for (let i = 0; i < 2 * groups; i++) this.marks.push(-1);
  }
  reset(): void {
    this.lastmark = -1;
    this.lastindex = -1;
    this.repeat = null;
    // a match that Ctrl-C interrupted may have left contexts behind
    this.depth = 0;
    for (let i = 0; i < this.marks.length; i++) this.marks[i] = -1;
  }
}

/** code words that are not a valid program, or a REPEAT's end outside a REPEAT */
export class SreCodeError extends Error {}

// modes of the interpreter loop
const M_ENTER = 0;
const M_RUN = 1;
const M_RETURN = 2;
const M_BRANCH = 3;
const M_REPEAT_ONE_LIT = 4;
const M_REPEAT_ONE_GEN = 5;
const M_MIN_REPEAT_ONE = 6;
const M_MAX_UNTIL_TAIL = 7;
const M_POSS_MIN = 8;
const M_POSS_MORE = 9;
const M_POSS_DONE = 10;
// where a context waits for the sub-match it started
const J_NONE = 0;
const J_BRANCH = 1;
const J_REPEAT_ONE_1 = 2;
const J_REPEAT_ONE_2 = 3;
const J_MIN_REPEAT_ONE = 4;
const J_REPEAT = 5;
const J_MAX_UNTIL_1 = 6;
const J_MAX_UNTIL_2 = 7;
const J_MAX_UNTIL_3 = 8;
const J_MIN_UNTIL_1 = 9;
const J_MIN_UNTIL_2 = 10;
const J_MIN_UNTIL_3 = 11;
const J_ASSERT = 12;
const J_ASSERT_NOT = 13;
const J_ATOMIC = 14;
const J_POSS_1 = 15;
const J_POSS_2 = 16;

function pushCtx(st: SreState, pc: int, toplevel: boolean): Ctx {
  let c: Ctx;
  if (st.depth < st.ctxs.length) c = st.ctxs[st.depth];
  else {
    c = new Ctx();
    st.ctxs.push(c);
  }
  st.depth++;
  c.pc = pc;
  c.ptr = st.ptr;
  c.toplevel = toplevel;
  c.jump = J_NONE;
  c.rep = null;
  return c;
}
function lastmarkSave(st: SreState, c: Ctx): void {
  c.lastmark = st.lastmark;
  c.lastindex = st.lastindex;
}
function lastmarkRestore(st: SreState, c: Ctx): void {
  st.lastmark = c.lastmark;
  st.lastindex = c.lastindex;
}
function markPush(st: SreState, c: Ctx): void {
  c.saved.length = 0;
  for (let i = 0; i <= c.lastmark; i++) c.saved.push(st.marks[i]);
}
function markPop(st: SreState, c: Ctx): void {
  for (let i = 0; i < c.saved.length; i++) st.marks[i] = c.saved[i];
}

/** Whether c is in the set at code[at]: by its table below 256. */
function inSet(st: SreState, code: int[], at: int, c: int): boolean {
  if (c < 256) return st.sets.bits[setTable(st.sets, code, at) + c] !== 0;
  return inCharset(code, at, c);
}
/** The opcodes of the one-character items (what REPEAT_ONE and its kin repeat). */
function isOneCharItem(op: int): boolean {
  switch (op) {
    case K.OP_ANY: case K.OP_ANY_ALL: case K.OP_LITERAL: case K.OP_NOT_LITERAL: case K.OP_LITERAL_IGNORE:
    case K.OP_NOT_LITERAL_IGNORE: case K.OP_LITERAL_UNI_IGNORE: case K.OP_NOT_LITERAL_UNI_IGNORE:
    case K.OP_LITERAL_LOC_IGNORE: case K.OP_NOT_LITERAL_LOC_IGNORE: case K.OP_CATEGORY: case K.OP_IN:
    case K.OP_IN_IGNORE: case K.OP_IN_UNI_IGNORE: case K.OP_IN_LOC_IGNORE:
      return true;
  }
  return false;
}

/** Whether the one-character item at code[pc] matches chars[p] (p < end). */
function matchOne(st: SreState, code: int[], pc: int, c: int): boolean {
  switch (code[pc]) {
    case K.OP_ANY:
      return !isLinebreak(c);
    case K.OP_ANY_ALL:
      return true;
    case K.OP_LITERAL:
      return c === code[pc + 1];
    case K.OP_NOT_LITERAL:
      return c !== code[pc + 1];
    case K.OP_LITERAL_IGNORE:
      return lowerAscii(c) === code[pc + 1];
    case K.OP_NOT_LITERAL_IGNORE:
      return lowerAscii(c) !== code[pc + 1];
    case K.OP_LITERAL_UNI_IGNORE:
      return lowerUnicode(c) === code[pc + 1];
    case K.OP_NOT_LITERAL_UNI_IGNORE:
      return lowerUnicode(c) !== code[pc + 1];
    case K.OP_LITERAL_LOC_IGNORE:
      return charLocIgnore(code[pc + 1], c);
    case K.OP_NOT_LITERAL_LOC_IGNORE:
      return !charLocIgnore(code[pc + 1], c);
    case K.OP_CATEGORY:
      return category(code[pc + 1], c);
    case K.OP_IN:
      return inSet(st, code, pc + 2, c);
    case K.OP_IN_IGNORE:
      return inCharset(code, pc + 2, lowerAscii(c));
    case K.OP_IN_UNI_IGNORE:
      return inCharset(code, pc + 2, lowerUnicode(c));
    case K.OP_IN_LOC_IGNORE:
      return inCharset(code, pc + 2, c) || inCharset(code, pc + 2, lowerLocale(c)) || inCharset(code, pc + 2, upperLocale(c));
  }
  throw new SreCodeError(`opcode ${code[pc]} at ${pc} is not a one-character item`);
}

/** How many times (at most maxcount) the one-character item at code[pc] matches from ptr on. */
function countItem(st: SreState, code: int[], pc: int, ptr: int, maxcount: int): int {
  const chars = st.chars;
  let end = st.end;
  if (maxcount < end - ptr && maxcount !== K.MAXREPEAT) end = ptr + maxcount;
  let p = ptr;
  const op = code[pc];
  if (op === K.OP_ANY_ALL) return end - ptr;
  if (op === K.OP_LITERAL) {
    const ch = code[pc + 1];
    while (p < end && chars[p] === ch) p++;
    return p - ptr;
  }
  if (op === K.OP_NOT_LITERAL) {
    const ch = code[pc + 1];
    while (p < end && chars[p] !== ch) p++;
    return p - ptr;
  }
  if (op === K.OP_ANY) {
    while (p < end && chars[p] !== 10) p++;
    return p - ptr;
  }
  if (op === K.OP_IN) {
    const t = setTable(st.sets, code, pc + 2);
    const bits = st.sets.bits;
    while (p < end) {
      const c = chars[p];
      if (c < 256 ? bits[t + c] === 0 : !inCharset(code, pc + 2, c)) break;
      p++;
    }
    return p - ptr;
  }
  if (op === K.OP_CATEGORY) {
    const cat = code[pc + 1];
    while (p < end && category(cat, chars[p])) p++;
    return p - ptr;
  }
  while (p < end && matchOne(st, code, pc, chars[p])) p++;
  return p - ptr;
}

function atCheck(st: SreState, ptr: int, at: int): boolean {
  const chars = st.chars;
  const end = st.end;
  switch (at) {
    case K.AT_BEGINNING:
    case K.AT_BEGINNING_STRING:
      return ptr === 0;
    case K.AT_BEGINNING_LINE:
      return ptr === 0 || chars[ptr - 1] === 10;
    case K.AT_END:
      return ptr === end || (ptr + 1 === end && chars[ptr] === 10);
    case K.AT_END_LINE:
      return ptr === end || chars[ptr] === 10;
    case K.AT_END_STRING:
      return ptr === end;
  }
  if (end === 0) return false;
  let before = false;
  let here = false;
  if (at === K.AT_BOUNDARY || at === K.AT_NON_BOUNDARY) {
    before = ptr > 0 && isAsciiWord(chars[ptr - 1]);
    here = ptr < end && isAsciiWord(chars[ptr]);
  } else if (at === K.AT_UNI_BOUNDARY || at === K.AT_UNI_NON_BOUNDARY) {
    before = ptr > 0 && isUniWord(chars[ptr - 1]);
    here = ptr < end && isUniWord(chars[ptr]);
  } else if (at === K.AT_LOC_BOUNDARY || at === K.AT_LOC_NON_BOUNDARY) {
    before = ptr > 0 && isLocWord(chars[ptr - 1]);
    here = ptr < end && isLocWord(chars[ptr]);
  } else throw new SreCodeError(`unknown AT code ${at}`);
  const boundary = at === K.AT_BOUNDARY || at === K.AT_UNI_BOUNDARY || at === K.AT_LOC_BOUNDARY;
  return boundary ? before !== here : before === here;
}

/** A back reference: the text group g matched, again at ptr; the new ptr or -1. */
function groupRef(st: SreState, ptr: int, g: int, fold: int): int {
  const ref = g + g;
  if (ref >= st.lastmark) return -1;
  let p = st.marks[ref];
  const e = st.marks[ref + 1];
  if (p < 0 || e < 0 || e < p) return -1;
  const chars = st.chars;
  let q = ptr;
  while (p < e) {
    if (q >= st.end) return -1;
    const a = chars[q];
    const b = chars[p];
    if (fold === 0 ? a !== b : fold === 1 ? lowerAscii(a) !== lowerAscii(b) : fold === 2 ? lowerUnicode(a) !== lowerUnicode(b) : lowerLocale(a) !== lowerLocale(b)) return -1;
    p++;
    q++;
  }
  return q;
}

/** Matches code from pc at st.ptr (sre_lib.h's SRE(match)); on success st.ptr is where the
 * match ends and the marks hold the groups. */
export function sreMatch(st: SreState, code: int[], pc0: int, toplevel0: boolean): boolean {
  const base = st.depth;
  const chars = st.chars;
  const end = st.end;
  let ctx = pushCtx(st, pc0, toplevel0);
  let ret = false;
  let mode = M_ENTER;
  for (;;) {
    switch (mode) {
      case M_ENTER: {
        // a pattern can backtrack for ever: Ctrl-C must still stop it
        if ((++st.steps & 4095) === 0) checkInterrupt();
        ctx.ptr = st.ptr;
        if (code[ctx.pc] === K.OP_INFO) {
          const min = code[ctx.pc + 3];
          if (min !== 0 && end - ctx.ptr < min) {
            ret = false;
            mode = M_RETURN;
            break;
          }
          ctx.pc += code[ctx.pc + 1] + 1;
        }
        mode = M_RUN;
        break;
      }
      case M_RUN: {
        // the opcodes that do not start a sub-match run here on locals; the others save
        // pc and ptr in ctx, push a context and leave with mode M_ENTER
        let pc = ctx.pc;
        let ptr = ctx.ptr;
        let fail = false;
        run: for (;;) {
          const op = code[pc];
          switch (op) {
            case K.OP_MARK: {
              const i = code[pc + 1];
              if ((i & 1) !== 0) st.lastindex = (i >> 1) + 1;
              if (i > st.lastmark) {
                for (let j = st.lastmark + 1; j < i; j++) st.marks[j] = -1;
                st.lastmark = i;
              }
              st.marks[i] = ptr;
              pc += 2;
              break;
            }
            case K.OP_LITERAL:
              if (ptr >= end || chars[ptr] !== code[pc + 1]) {
                fail = true;
                break run;
              }
              pc += 2;
              ptr++;
              break;
            case K.OP_NOT_LITERAL:
            case K.OP_LITERAL_IGNORE:
            case K.OP_NOT_LITERAL_IGNORE:
            case K.OP_LITERAL_UNI_IGNORE:
            case K.OP_NOT_LITERAL_UNI_IGNORE:
            case K.OP_LITERAL_LOC_IGNORE:
            case K.OP_NOT_LITERAL_LOC_IGNORE:
            case K.OP_CATEGORY:
              if (ptr >= end || !matchOne(st, code, pc, chars[ptr])) {
                fail = true;
                break run;
              }
              pc += 2;
              ptr++;
              break;
            case K.OP_ANY:
              if (ptr >= end || chars[ptr] === 10) {
                fail = true;
                break run;
              }
              pc++;
              ptr++;
              break;
            case K.OP_ANY_ALL:
              if (ptr >= end) {
                fail = true;
                break run;
              }
              pc++;
              ptr++;
              break;
            case K.OP_IN:
            case K.OP_IN_IGNORE:
            case K.OP_IN_UNI_IGNORE:
            case K.OP_IN_LOC_IGNORE:
              if (ptr >= end || !matchOne(st, code, pc, chars[ptr])) {
                fail = true;
                break run;
              }
              pc += code[pc + 1] + 1;
              ptr++;
              break;
            case K.OP_AT:
              if (!atCheck(st, ptr, code[pc + 1])) {
                fail = true;
                break run;
              }
              pc += 2;
              break;
            case K.OP_JUMP:
            case K.OP_INFO:
              pc += code[pc + 1] + 1;
              break;
            case K.OP_SUCCESS:
              if (ctx.toplevel && ((st.matchAll && ptr !== end) || (st.mustAdvance && ptr === st.start))) {
                fail = true;
                break run;
              }
              st.ptr = ptr;
              ret = true;
              mode = M_RETURN;
              break run;
            case K.OP_FAILURE:
              fail = true;
              break run;
            case K.OP_GROUPREF:
            case K.OP_GROUPREF_IGNORE:
            case K.OP_GROUPREF_UNI_IGNORE:
            case K.OP_GROUPREF_LOC_IGNORE: {
              const fold = op === K.OP_GROUPREF ? 0 : op === K.OP_GROUPREF_IGNORE ? 1 : op === K.OP_GROUPREF_UNI_IGNORE ? 2 : 3;
              const q = groupRef(st, ptr, code[pc + 1], fold);
              if (q < 0) {
                fail = true;
                break run;
              }
              ptr = q;
              pc += 2;
              break;
            }
            case K.OP_GROUPREF_EXISTS: {
              // <GROUPREF_EXISTS> <group> <skip> codeyes <JUMP> codeno
              const ref = code[pc + 1] * 2;
              let exists = ref < st.lastmark;
              if (exists) {
                const p = st.marks[ref];
                const e = st.marks[ref + 1];
                exists = p >= 0 && e >= 0 && e >= p;
              }
              pc = exists ? pc + 3 : pc + 1 + code[pc + 2];
              break;
            }
            case K.OP_POSSESSIVE_REPEAT_ONE: {
              const min = code[pc + 2];
              if (ptr + min > end) {
                fail = true;
                break run;
              }
              st.ptr = ptr;
              const n = countItem(st, code, pc + 4, ptr, code[pc + 3]);
              if (n < min) {
                fail = true;
                break run;
              }
              ptr += n;
              pc += code[pc + 1] + 1;
              break;
            }
            case K.OP_REPEAT_ONE: {
              // <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail
              const min = code[pc + 2];
              if (ptr + min > end) {
                fail = true;
                break run;
              }
              st.ptr = ptr;
              const n = countItem(st, code, pc + 4, ptr, code[pc + 3]);
              if (n < min) {
                fail = true;
                break run;
              }
              ptr += n;
              const next = pc + 1 + code[pc + 1];
              if (code[next] === K.OP_SUCCESS && ptr === end && !(ctx.toplevel && st.mustAdvance && ptr === st.start)) {
                // an empty tail: done
                st.ptr = ptr;
                ret = true;
                mode = M_RETURN;
                break run;
              }
              lastmarkSave(st, ctx);
              if (st.repeat !== null) markPush(st, ctx);
              ctx.pc = pc;
              ctx.ptr = ptr;
              ctx.count = n;
              if (code[next] === K.OP_LITERAL) {
                ctx.chr = code[next + 1];
                mode = M_REPEAT_ONE_LIT;
              } else mode = M_REPEAT_ONE_GEN;
              break run;
            }
            case K.OP_MIN_REPEAT_ONE: {
              const min = code[pc + 2];
              if (ptr + min > end) {
                fail = true;
                break run;
              }
              st.ptr = ptr;
              let n = 0;
              if (min !== 0) {
                n = countItem(st, code, pc + 4, ptr, min);
                if (n < min) {
                  fail = true;
                  break run;
                }
                ptr += n;
              }
              const next = pc + 1 + code[pc + 1];
              if (code[next] === K.OP_SUCCESS && !(ctx.toplevel && ((st.matchAll && ptr !== end) || (st.mustAdvance && ptr === st.start)))) {
                st.ptr = ptr;
                ret = true;
                mode = M_RETURN;
                break run;
              }
              lastmarkSave(st, ctx);
              if (st.repeat !== null) markPush(st, ctx);
              ctx.pc = pc;
              ctx.ptr = ptr;
              ctx.count = n;
              mode = M_MIN_REPEAT_ONE;
              break run;
            }
            case K.OP_BRANCH:
              lastmarkSave(st, ctx);
              if (st.repeat !== null) markPush(st, ctx);
              ctx.pc = pc + 1;
              ctx.ptr = ptr;
              mode = M_BRANCH;
              break run;
            case K.OP_REPEAT: {
              // <REPEAT> <skip> <min> <max> body <MAX_UNTIL|MIN_UNTIL> tail
              const rep = new Repeat(pc, st.repeat);
              st.repeat = rep;
              st.ptr = ptr;
              ctx.rep = rep;
              ctx.pc = pc;
              ctx.ptr = ptr;
              ctx.jump = J_REPEAT;
              ctx = pushCtx(st, pc + 1 + code[pc + 1], ctx.toplevel);
              mode = M_ENTER;
              break run;
            }
            case K.OP_MAX_UNTIL:
            case K.OP_MIN_UNTIL: {
              const rep = st.repeat;
              if (rep === null) throw new SreCodeError(`${op === K.OP_MAX_UNTIL ? 'MAX_UNTIL' : 'MIN_UNTIL'} at ${pc} outside a REPEAT`);
              st.ptr = ptr;
              ctx.rep = rep;
              ctx.pc = pc;
              ctx.ptr = ptr;
              ctx.count = rep.count + 1;
              const min = code[rep.pc + 2];
              const max = code[rep.pc + 3];
              if (ctx.count < min) {
                // not enough matches yet
                rep.count = ctx.count;
                ctx.jump = op === K.OP_MAX_UNTIL ? J_MAX_UNTIL_1 : J_MIN_UNTIL_1;
                ctx = pushCtx(st, rep.pc + 4, ctx.toplevel);
                mode = M_ENTER;
                break run;
              }
              if (op === K.OP_MIN_UNTIL) {
                // see whether the tail matches first
                lastmarkSave(st, ctx);
                markPush(st, ctx);
                st.repeat = rep.prev;
                ctx.jump = J_MIN_UNTIL_2;
                ctx = pushCtx(st, pc + 1, ctx.toplevel);
                mode = M_ENTER;
                break run;
              }
              if ((ctx.count < max || max === K.MAXREPEAT) && ptr !== rep.lastPtr) {
                // enough matches, but match another item if possible
                rep.count = ctx.count;
                lastmarkSave(st, ctx);
                markPush(st, ctx);
                ctx.savedLastPtr = rep.lastPtr;
                rep.lastPtr = ptr;
                ctx.jump = J_MAX_UNTIL_2;
                ctx = pushCtx(st, rep.pc + 4, ctx.toplevel);
                mode = M_ENTER;
                break run;
              }
              mode = M_MAX_UNTIL_TAIL;
              break run;
            }
            case K.OP_ASSERT: {
              // <ASSERT> <skip> <back> pattern
              const back = code[pc + 2];
              if (ptr < back) {
                fail = true;
                break run;
              }
              st.ptr = ptr - back;
              ctx.pc = pc;
              ctx.ptr = ptr;
              ctx.jump = J_ASSERT;
              ctx = pushCtx(st, pc + 3, false);
              mode = M_ENTER;
              break run;
            }
            case K.OP_ASSERT_NOT: {
              const back = code[pc + 2];
              if (ptr >= back) {
                st.ptr = ptr - back;
                lastmarkSave(st, ctx);
                if (st.repeat !== null) markPush(st, ctx);
                ctx.pc = pc;
                ctx.ptr = ptr;
                ctx.jump = J_ASSERT_NOT;
                ctx = pushCtx(st, pc + 3, false);
                mode = M_ENTER;
                break run;
              }
              pc += code[pc + 1] + 1;
              break;
            }
            case K.OP_ATOMIC_GROUP:
              // <ATOMIC_GROUP> <skip> pattern <SUCCESS> tail
              st.ptr = ptr;
              ctx.pc = pc;
              ctx.ptr = ptr;
              ctx.jump = J_ATOMIC;
              ctx = pushCtx(st, pc + 2, false);
              mode = M_ENTER;
              break run;
            case K.OP_POSSESSIVE_REPEAT:
              // <POSSESSIVE_REPEAT> <skip> <min> <max> pattern <SUCCESS> tail
              st.ptr = ptr;
              ctx.pc = pc;
              ctx.ptr = ptr;
              ctx.count = 0;
              mode = M_POSS_MIN;
              break run;
            default:
              throw new SreCodeError(`unknown opcode ${op} at ${pc}`);
          }
        }
        if (fail) {
          ret = false;
          mode = M_RETURN;
        }
        break;
      }
      case M_RETURN: {
        st.depth--;
        if (st.depth === base) return ret;
        ctx = st.ctxs[st.depth - 1];
        mode = resume(st, code, ctx, ret);
        if (mode === M_ENTER) ctx = st.ctxs[st.depth - 1];
        // a resumed context that returns at once keeps ret as resume set it
        ret = st.lastResult;
        break;
      }
      default: {
        mode = advance(st, code, ctx, mode);
        if (mode === M_ENTER) ctx = st.ctxs[st.depth - 1];
        ret = st.lastResult;
        break;
      }
    }
  }
}

function jumpTo(st: SreState, ctx: Ctx, kind: int, pc: int, toplevel: boolean): int {
  ctx.jump = kind;
  pushCtx(st, pc, toplevel);
  return M_ENTER;
}
function done(st: SreState, result: boolean): int {
  st.lastResult = result;
  return M_RETURN;
}

/** The loops of BRANCH, REPEAT_ONE, MIN_REPEAT_ONE, MAX_UNTIL's tail and POSSESSIVE_REPEAT,
 * entered or re-entered in mode: the next mode. */
function advance(st: SreState, code: int[], ctx: Ctx, mode: int): int {
  const chars = st.chars;
  const end = st.end;
  switch (mode) {
    case M_BRANCH: {
      // ctx.pc: the skip word of the next alternative (0: none left)
      let pc = ctx.pc;
      const ptr = ctx.ptr;
      while (code[pc] !== 0) {
        const first = code[pc + 1];
        // alternatives that start with a character that is not here are skipped untried
        if (first === K.OP_LITERAL && (ptr >= end || chars[ptr] !== code[pc + 2])) {
          pc += code[pc];
          continue;
        }
        if (first === K.OP_IN && (ptr >= end || !inSet(st, code, pc + 3, chars[ptr]))) {
          pc += code[pc];
          continue;
        }
        st.ptr = ptr;
        ctx.pc = pc;
        return jumpTo(st, ctx, J_BRANCH, pc + 1, ctx.toplevel);
      }
      return done(st, false);
    }
    case M_REPEAT_ONE_LIT: {
      // the tail starts with a literal: try only where it is
      const min = code[ctx.pc + 2];
      while (ctx.count >= min && (ctx.ptr >= end || chars[ctx.ptr] !== ctx.chr)) {
        ctx.ptr--;
        ctx.count--;
      }
      if (ctx.count < min) return done(st, false);
      st.ptr = ctx.ptr;
      return jumpTo(st, ctx, J_REPEAT_ONE_1, ctx.pc + 1 + code[ctx.pc + 1], ctx.toplevel);
    }
    case M_REPEAT_ONE_GEN:
      if (ctx.count < code[ctx.pc + 2]) return done(st, false);
      st.ptr = ctx.ptr;
      return jumpTo(st, ctx, J_REPEAT_ONE_2, ctx.pc + 1 + code[ctx.pc + 1], ctx.toplevel);
    case M_MIN_REPEAT_ONE: {
      const max = code[ctx.pc + 3];
      if (max !== K.MAXREPEAT && ctx.count > max) return done(st, false);
      st.ptr = ctx.ptr;
      return jumpTo(st, ctx, J_MIN_REPEAT_ONE, ctx.pc + 1 + code[ctx.pc + 1], ctx.toplevel);
    }
    case M_MAX_UNTIL_TAIL: {
      // cannot match more repeated items here: the tail must match
      const rep = ctx.rep as Repeat;
      st.repeat = rep.prev;
      return jumpTo(st, ctx, J_MAX_UNTIL_3, ctx.pc + 1, ctx.toplevel);
    }
    case M_POSS_MIN:
      if (ctx.count < code[ctx.pc + 2]) return jumpTo(st, ctx, J_POSS_1, ctx.pc + 4, false);
      // from here ctx.ptr is where the last iteration started (-1: none yet)
      ctx.ptr = -1;
      return advance(st, code, ctx, M_POSS_MORE);
    case M_POSS_MORE: {
      const max = code[ctx.pc + 3];
      if ((ctx.count < max || max === K.MAXREPEAT) && st.ptr !== ctx.ptr) {
        lastmarkSave(st, ctx);
        markPush(st, ctx);
        ctx.ptr = st.ptr;
        return jumpTo(st, ctx, J_POSS_2, ctx.pc + 4, false);
      }
      return advance(st, code, ctx, M_POSS_DONE);
    }
    case M_POSS_DONE:
      ctx.ptr = st.ptr;
      ctx.pc += code[ctx.pc + 1] + 1;
      return M_RUN;
  }
  throw new SreCodeError(`matcher mode ${mode}`);
}

/** ctx's sub-match returned ret: continue ctx where it waits. The next mode. */
function resume(st: SreState, code: int[], ctx: Ctx, ret: boolean): int {
  switch (ctx.jump) {
    case J_BRANCH:
      if (ret) return done(st, true);
      if (st.repeat !== null) markPop(st, ctx);
      lastmarkRestore(st, ctx);
      ctx.pc += code[ctx.pc];
      return advance(st, code, ctx, M_BRANCH);
    case J_REPEAT_ONE_1:
    case J_REPEAT_ONE_2:
      if (ret) return done(st, true);
      if (st.repeat !== null) markPop(st, ctx);
      lastmarkRestore(st, ctx);
      ctx.ptr--;
      ctx.count--;
      return advance(st, code, ctx, ctx.jump === J_REPEAT_ONE_1 ? M_REPEAT_ONE_LIT : M_REPEAT_ONE_GEN);
    case J_MIN_REPEAT_ONE: {
      if (ret) return done(st, true);
      if (st.repeat !== null) markPop(st, ctx);
      lastmarkRestore(st, ctx);
      st.ptr = ctx.ptr;
      if (ctx.ptr >= st.end || countItem(st, code, ctx.pc + 4, ctx.ptr, 1) === 0) return done(st, false);
      ctx.ptr++;
      ctx.count++;
      return advance(st, code, ctx, M_MIN_REPEAT_ONE);
    }
    case J_REPEAT:
      st.repeat = (ctx.rep as Repeat).prev;
      return done(st, ret);
    case J_MAX_UNTIL_1:
    case J_MIN_UNTIL_1: {
      if (ret) return done(st, true);
      (ctx.rep as Repeat).count = ctx.count - 1;
      st.ptr = ctx.ptr;
      return done(st, false);
    }
    case J_MAX_UNTIL_2: {
      const rep = ctx.rep as Repeat;
      rep.lastPtr = ctx.savedLastPtr;
      if (ret) return done(st, true);
      markPop(st, ctx);
      lastmarkRestore(st, ctx);
      rep.count = ctx.count - 1;
      st.ptr = ctx.ptr;
      return advance(st, code, ctx, M_MAX_UNTIL_TAIL);
    }
    case J_MAX_UNTIL_3:
      st.repeat = ctx.rep;
      if (ret) return done(st, true);
      st.ptr = ctx.ptr;
      return done(st, false);
    case J_MIN_UNTIL_2: {
      const rep = ctx.rep as Repeat;
      st.repeat = rep;
      if (ret) return done(st, true);
      markPop(st, ctx);
      lastmarkRestore(st, ctx);
      st.ptr = ctx.ptr;
      const max = code[rep.pc + 3];
      if ((ctx.count >= max && max !== K.MAXREPEAT) || st.ptr === rep.lastPtr) return done(st, false);
      // the tail failed: match another item
      rep.count = ctx.count;
      ctx.savedLastPtr = rep.lastPtr;
      rep.lastPtr = st.ptr;
      return jumpTo(st, ctx, J_MIN_UNTIL_3, rep.pc + 4, ctx.toplevel);
    }
    case J_MIN_UNTIL_3: {
      const rep = ctx.rep as Repeat;
      rep.lastPtr = ctx.savedLastPtr;
      if (ret) return done(st, true);
      rep.count = ctx.count - 1;
      st.ptr = ctx.ptr;
      return done(st, false);
    }
    case J_ASSERT:
      if (!ret) return done(st, false);
      ctx.pc += code[ctx.pc + 1] + 1;
      return M_RUN;
    case J_ASSERT_NOT:
      if (ret) return done(st, false);
      if (st.repeat !== null) markPop(st, ctx);
      lastmarkRestore(st, ctx);
      ctx.pc += code[ctx.pc + 1] + 1;
      return M_RUN;
    case J_ATOMIC:
      if (!ret) {
        st.ptr = ctx.ptr;
        return done(st, false);
      }
      ctx.ptr = st.ptr;
      ctx.pc += code[ctx.pc + 1] + 1;
      return M_RUN;
    case J_POSS_1:
      if (!ret) {
        st.ptr = ctx.ptr;
        return done(st, false);
      }
      ctx.count++;
      return advance(st, code, ctx, M_POSS_MIN);
    case J_POSS_2:
      if (ret) {
        ctx.count++;
        return advance(st, code, ctx, M_POSS_MORE);
      }
      markPop(st, ctx);
      lastmarkRestore(st, ctx);
      st.ptr = ctx.ptr;
      return advance(st, code, ctx, M_POSS_DONE);
  }
  throw new SreCodeError(`matcher resumed at ${ctx.jump}`);
}

/** The first place in [p, end) where the one-character item at code[item] matches, or end. */
function nextItemAt(st: SreState, code: int[], item: int, p: int, end: int): int {
  const chars = st.chars;
  const op = code[item];
  if (op === K.OP_IN) {
    const t = setTable(st.sets, code, item + 2);
    const bits = st.sets.bits;
    while (p < end) {
      const c = chars[p];
      if (c < 256 ? bits[t + c] !== 0 : inCharset(code, item + 2, c)) return p;
      p++;
    }
    return p;
  }
  if (op === K.OP_CATEGORY) {
    const cat = code[item + 1];
    while (p < end && !category(cat, chars[p])) p++;
    return p;
  }
  if (op === K.OP_LITERAL) {
    const ch = code[item + 1];
    while (p < end && chars[p] !== ch) p++;
    return p;
  }
  while (p < end && !matchOne(st, code, item, chars[p])) p++;
  return p;
}

/** Finds the first match at or after st.start (sre_lib.h's SRE(search)): on success st.start
 * and st.ptr bound it. */
export function sreSearch(st: SreState, code: int[]): boolean {
  let ptr = st.start;
  let end = st.end;
  if (ptr > end) return false;
  let pc = 0;
  let flags = 0;
  let prefixLen = 0;
  let prefixAt = 0;
  let charsetAt = -1;
  if (code[0] === K.OP_INFO) {
    // <INFO> <skip> <flags> <min> <max> [<prefix len> <prefix skip> <prefix> <overlap>] | [charset]
    flags = code[2];
    const min = code[3];
    if (min !== 0 && end - ptr < min) return false;
    if (min > 1) {
      // no match can start this close to the end (one character is left for the literal search)
      end -= min - 1;
      if (end <= ptr) end = ptr;
    }
    if ((flags & K.INFO_PREFIX) !== 0) {
      prefixLen = code[5];
      prefixAt = 7;
    } else if ((flags & K.INFO_CHARSET) !== 0) charsetAt = 5;
    pc = code[1] + 1;
  }
  const chars = st.chars;
  if (prefixLen >= 1) {
    // the pattern starts with a literal prefix: try only where it occurs
    const c0 = code[prefixAt];
    const realEnd = st.end;
    st.mustAdvance = false;
    while (ptr < realEnd) {
      if (chars[ptr] !== c0) {
        ptr++;
        continue;
      }
      let k = 1;
      while (k < prefixLen && ptr + k < realEnd && chars[ptr + k] === code[prefixAt + k]) k++;
      if (k === prefixLen) {
        if ((flags & K.INFO_LITERAL) !== 0) {
          st.start = ptr;
          st.ptr = ptr + prefixLen;
          return true;
        }
        st.start = ptr;
        st.ptr = ptr;
        if (sreMatch(st, code, pc, false)) return true;
        st.lastmark = -1;
        st.lastindex = -1;
      }
      ptr++;
    }
    return false;
  }
  if (charsetAt >= 0) {
    // the pattern starts with a character of a known set
    const realEnd = st.end;
    st.mustAdvance = false;
    for (;;) {
      while (ptr < realEnd && !inSet(st, code, charsetAt, chars[ptr])) ptr++;
      if (ptr >= realEnd) return false;
      st.start = ptr;
      st.ptr = ptr;
      if (sreMatch(st, code, pc, false)) return true;
      ptr++;
      st.lastmark = -1;
      st.lastindex = -1;
    }
  }
  st.start = ptr;
  st.ptr = ptr;
  let ok = sreMatch(st, code, pc, true);
  st.mustAdvance = false;
  if (!ok && code[pc] === K.OP_AT && (code[pc + 1] === K.AT_BEGINNING || code[pc + 1] === K.AT_BEGINNING_STRING)) {
    st.start = st.end;
    st.ptr = st.end;
    return false;
  }
  // A pattern led by a repeated one-character item: where the item does not match, a repeat
  // with min >= 1 cannot start, so those places are passed over without starting the matcher
  // (CPython starts it at every place; the result is the same). And when the repeat is
  // unbounded, a failed start rules out the rest of its run: a match from a later place s' in
  // the run [s, r) of characters the item matches would repeat the item over s'..k (k <= r),
  // and the start s reaches k too, repeating it over s..k, with the same tail from k (what
  // follows the repeat sees only the characters, never where the match started; nothing
  // before it can be a group the tail refers to). Greedy, lazy and possessive repeats all try
  // that count from s. Nor can a match start at r: the item does not match there, so a match
  // from r repeats it no times (min 0), and s reaches r over s..r. The next start worth trying
  // is r + 1.
  let item = -1;
  let skipRuns = false;
  const op0 = code[pc];
  if ((op0 === K.OP_REPEAT_ONE || op0 === K.OP_MIN_REPEAT_ONE || op0 === K.OP_POSSESSIVE_REPEAT_ONE) && isOneCharItem(code[pc + 4])) {
    skipRuns = code[pc + 3] === K.MAXREPEAT;
    if (code[pc + 2] >= 1) item = pc + 4;
  }
  const realEnd = st.end;
  while (!ok && ptr < end) {
    const next = (skipRuns ? ptr + countItem(st, code, pc + 4, ptr, K.MAXREPEAT) : ptr) + 1;
    // past end no match can start (too short for the pattern's least length)
    if (next > end) break;
    ptr = item >= 0 ? nextItemAt(st, code, item, next, end) : next;
    st.lastmark = -1;
    st.lastindex = -1;
    st.start = ptr;
    st.ptr = ptr;
    // nextItemAt stops at end without looking at it
    if (item >= 0 && ptr >= end && (ptr >= realEnd || !matchOne(st, code, item, chars[ptr]))) continue;
    ok = sreMatch(st, code, pc, false);
  }
  return ok;
}
