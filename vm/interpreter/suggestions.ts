// "Did you mean: ...?" for an AttributeError or NameError that a traceback reports, as CPython
// 3.11's Python/suggestions.c: the closest name (by a Levenshtein distance over UTF-8 bytes
// where a case change costs less than another substitution) among dir(exc.obj) for an
// AttributeError, or among the local variable names, then the globals, then the builtins of
// the frame that raised a NameError. Nothing is offered for an exception without its name (or
// obj), for more than 750 candidates, or when the names cannot be had.
import type { int } from '../../translate/rlib/index.ts';
import { floorDiv } from '../../translate/rlib/index.ts';
import { PyObject, PyBaseExc, PyExc, PyStr, PyList, AttributeError, NameError, strType, newStr } from '../objects/core.ts';
import { dictKeys } from '../objects/dict.ts';
import { encodeUtf8 } from '../builtins/strmethods.ts';
import { dirCall } from '../builtins/dispatch.ts';
import { isInstance, getAttrOrNull } from './runtime.ts';
import { VM } from './state.ts';

const MAX_CANDIDATE_ITEMS = 750;
const MAX_STRING_SIZE = 40;
const MOVE_COST = 2;
const CASE_COST = 1;

function lower(c: int): int {
  return c >= 65 && c <= 90 ? c + 32 : c;
}
function substitutionCost(a: int, b: int): int {
  if ((a & 31) !== (b & 31)) return MOVE_COST;
  if (a === b) return 0;
  return lower(a) === lower(b) ? CASE_COST : MOVE_COST;
}

/** The edit distance of a and b, or maxCost + 1 once it is known to exceed maxCost. */
function levenshtein(a0: int[], b0: int[], maxCost: int): int {
  let aStart = 0;
  let bStart = 0;
  let aEnd = a0.length;
  let bEnd = b0.length;
  // common prefixes and suffixes cost nothing
  while (aStart < aEnd && bStart < bEnd && a0[aStart] === b0[bStart]) {
    aStart++;
    bStart++;
  }
  while (aStart < aEnd && bStart < bEnd && a0[aEnd - 1] === b0[bEnd - 1]) {
    aEnd--;
    bEnd--;
  }
  let a = a0.slice(aStart, aEnd);
  let b = b0.slice(bStart, bEnd);
  if (a.length === 0 || b.length === 0) return (a.length + b.length) * MOVE_COST;
  if (a.length > MAX_STRING_SIZE || b.length > MAX_STRING_SIZE) return maxCost + 1;
  if (b.length < a.length) {
    const t = a;
    a = b;
    b = t;
  }
  if ((b.length - a.length) * MOVE_COST > maxCost) return maxCost + 1;
  // one row of the matrix, updated in place
  const row: int[] = [];
  for (let i = 0; i < a.length; i++) row.push((i + 1) * MOVE_COST);
  let result = 0;
  for (let bi = 0; bi < b.length; bi++) {
    const code = b[bi];
    let distance = bi * MOVE_COST;
    result = distance;
    let minimum = -1;
    for (let i = 0; i < a.length; i++) {
      const substitute = distance + substitutionCost(code, a[i]);
      distance = row[i];
      const insertDelete = (result < distance ? result : distance) + MOVE_COST;
      result = insertDelete < substitute ? insertDelete : substitute;
      row[i] = result;
      if (minimum < 0 || result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

/** The candidate closest to name, or null: none close enough, too many, or one not a str. */
function closest(candidates: PyObject[], name: string): string | null {
  if (candidates.length >= MAX_CANDIDATE_ITEMS) return null;
  const nameBytes = encodeUtf8(name);
  let best: string | null = null;
  let bestDistance = -1;
  for (const item of candidates) {
    if (!(item instanceof PyStr)) return null;
    if (item.s === name) continue;
    const itemBytes = encodeUtf8(item.s);
    // no more than a third of the characters involved may change, and no worse than the best
    let maxDistance = floorDiv((nameBytes.length + itemBytes.length + 3) * MOVE_COST, 6);
    if (bestDistance >= 0 && bestDistance - 1 < maxDistance) maxDistance = bestDistance - 1;
    const d = levenshtein(nameBytes, itemBytes, maxDistance);
    if (d > maxDistance) continue;
    if (best === null || d < bestDistance) {
      best = item.s;
      bestDistance = d;
    }
  }
  return best;
}

function forAttributeError(e: PyBaseExc): string | null {
  const name = getAttrOrNull(e, 'name');
  const obj = getAttrOrNull(e, 'obj');
  if (name === null || obj === null || !(name instanceof PyStr) || name.cls !== strType) return null;
  const dir = dirCall(obj);
  if (!(dir instanceof PyList)) return null;
  return closest(dir.items, name.s);
}

function forNameError(e: PyBaseExc): string | null {
  const name = getAttrOrNull(e, 'name');
  if (name === null || !(name instanceof PyStr) || name.cls !== strType || e.tb.length === 0) return null;
  // the frame that raised it: the innermost traceback entry
  const f = e.tb[0].frame;
  if (f === null) return null;
  const locals: PyObject[] = [];
  for (const v of f.code.varnames) locals.push(newStr(v));
  const inLocals = closest(locals, name.s);
  if (inLocals !== null) return inLocals;
  const inGlobals = closest(dictKeys(f.globals), name.s);
  if (inGlobals !== null) return inGlobals;
  return closest(dictKeys(VM.builtins), name.s);
}

/** The name to suggest for e, or null. A failure looking for one is no failure of the report. */
export function suggestionFor(e: PyBaseExc): string | null {
  try {
    if (isInstance(e, AttributeError)) return forAttributeError(e);
    if (isInstance(e, NameError)) return forNameError(e);
  } catch (err) {
    if (!(err instanceof PyExc)) throw err;
  }
  return null;
}
