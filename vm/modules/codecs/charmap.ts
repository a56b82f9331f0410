// The charmap codec under the table-driven encodings (encodings.cp1252, koi8_r, mac_roman, ...):
// decoding through a 256-character table or any mapping, encoding through the dict that
// charmap_build makes from a decoding table, or any mapping.
import type { int } from '../../../translate/rlib/index.ts';
import { PyObject, PyStr, PyInt, PyBytes, PyDict, PyExc, None, newInt, newDict, raise, LookupError, TypeError, bigOf } from '../../objects/core.ts';
import { codePointToString } from '../../parser/parser.ts';
import { getItem, isInstance, setItem } from '../../interpreter/runtime.ts';
import { encodeError, decodeError } from './errors.ts';
import { toCps, Decoded } from './unicode.ts';

/** mapping[k], or null where the mapping has no entry (a LookupError). */
function lookup(mapping: PyObject, k: int): PyObject | null {
  try {
    return getItem(mapping, newInt(k));
  } catch (e) {
    if (e instanceof PyExc && isInstance(e.exc, LookupError)) return null;
    throw e;
  }
}

export function charmapDecode(b: int[], errors: string, mapping: PyObject): Decoded {
  const r = new Decoded();
  const parts: string[] = [];
  const table: int[] | null = mapping instanceof PyStr ? toCps(mapping.s) : null;
  let i = 0;
  while (i < b.length) {
    const x = b[i];
    let ok = false;
    if (table !== null) {
      if (x < table.length && table[x] !== 0xfffe) {
        parts.push(codePointToString(table[x]));
        ok = true;
      }
    } else {
      const v = lookup(mapping, x);
      if (v instanceof PyInt) {
        if (bigOf(v) !== null || v.v < 0 || v.v > 0x10ffff) throw raise(TypeError, 'character mapping must be in range(0x110000)');
        if (v.v !== 0xfffe) {
          parts.push(codePointToString(v.v));
          ok = true;
        }
      } else if (v instanceof PyStr) {
        if (v.s !== '\ufffe') {
          parts.push(v.s);
          ok = true;
        }
      } else if (v !== null && v !== None) throw raise(TypeError, 'character mapping must return integer, None or str');
    }
    if (ok) {
      i++;
      continue;
    }
    const rep = decodeError(errors, 'charmap', b, i, i + 1, 'character maps to <undefined>', null);
    if (rep.text !== null) for (const cp of rep.text) parts.push(codePointToString(cp));
    i = rep.pos;
  }
  r.text = parts.join('');
  r.consumed = i;
  return r;
}

/** The bytes mapping gives cp (appended to out), or false where it has none. */
function encodeOne(out: int[], mapping: PyObject, cp: int): boolean {
  const v = lookup(mapping, cp);
  if (v === null || v === None) return false;
  if (v instanceof PyInt) {
    if (bigOf(v) !== null || v.v < 0 || v.v > 255) throw raise(TypeError, 'character mapping must be in range(256)');
    out.push(v.v);
    return true;
  }
  if (v instanceof PyBytes) {
    for (const x of v.b) out.push(x);
    return true;
  }
  throw raise(TypeError, 'character mapping must return integer, bytes or None, not str');
}
export function charmapEncode(s: PyStr, errors: string, mapping: PyObject): int[] {
  const out: int[] = [];
  const cps = toCps(s.s);
  let i = 0;
  while (i < cps.length) {
    if (encodeOne(out, mapping, cps[i])) {
      i++;
      continue;
    }
    let j = i + 1;
    const probe: int[] = [];
    while (j < cps.length && !encodeOne(probe, mapping, cps[j])) j++;
    const rep = encodeError(errors, 'charmap', s, cps, i, j, 'character maps to <undefined>', null);
    if (rep.bytes !== null) for (const x of rep.bytes) out.push(x);
    else if (rep.text !== null) {
      for (const x of rep.text) if (!encodeOne(out, mapping, x)) encodeError('strict', 'charmap', s, cps, i, j, 'character maps to <undefined>', null);
    }
    i = rep.pos;
  }
  return out;
}
/** charmap_build(decoding_table): the inverse table, {code point: byte}. */
export function charmapBuild(table: PyStr): PyDict {
  const d = newDict();
  const cps = toCps(table.s);
  for (let i = 0; i < cps.length; i++) setItem(d, newInt(cps[i]), newInt(i));
  return d;
}
