// The text form of traces, as PyPy's oparser: printed in logs (PYVMLOG=jit-log-noopt) and
// parsed back for golden tests. One op a line: `i5 = int_add_ovf(i3, 1)`,
// `guard_true(i6) [s2]`, `p7 = getarrayitem_r(p1, i5, descr=list.items)`. Values are named
// by kind and op number (i, f, p); constants are ints, floats (with a '.' or exponent) and
// ConstPtr(name) for objects, named in order of first use (ptr0, ptr1, ...).
import type { int } from '../../translate/rlib/index.ts';
import { floatRepr, parseFloatStrict } from '../../translate/rlib/index.ts';
import { PyObject, ShapeMap, PyType, PyInt, PyFloat, PyStr, bigOf } from '../objects/core.ts';
import { PyCode } from '../compiler/code.ts';
import { PyFunction } from '../interpreter/frame.ts';
import {
  Trace, IROp, OPS, K_INT, K_FLOAT, K_VOID, F_GUARD, F_CALL, F_FIELD, constKind, FIELD_NAMES, TID_NAMES, INV_NAMES,
} from './ir.ts';
import { HELPERS, helperId } from './helpers.ts';
import { Snapshot } from './snapshot.ts';

/** Names of the objects and maps a trace text refers to. */
export class TextNames {
  ptrs: Map<string, PyObject | null> = new Map<string, PyObject | null>();
  maps: Map<string, ShapeMap> = new Map<string, ShapeMap>();
}

function valueName(t: Trace, v: int): string {
  const k = t.kindOf(v);
  return (k === K_INT ? 'i' : k === K_FLOAT ? 'f' : 'p') + String(v);
}

function descrName(t: Trace, i: int): string {
  const op = t.ops[i];
  const d = t.descr[i];
  const flags = OPS.defs[op].flags;
  if ((flags & F_CALL) !== 0) return HELPERS.defs[d].name;
  if ((flags & F_FIELD) !== 0) return FIELD_NAMES[d];
  if (op === IROp.GUARD_MAP) return 'map' + String(d);
  if (op === IROp.GUARD_TID) return TID_NAMES[d];
  if (op === IROp.GUARD_NOT_INVALIDATED) return INV_NAMES[d];
  return '';
}

/** Object constants, named in order of first use by an op. */
class PtrNames {
  objs: (PyObject | null)[] = [];
  name(o: PyObject | null): string {
    for (let i = 0; i < this.objs.length; i++) if (this.objs[i] === o) return 'ptr' + String(i);
    this.objs.push(o);
    return 'ptr' + String(this.objs.length - 1);
  }
}

function argText(t: Trace, v: int, ptrs: PtrNames): string {
  if (v >= 0) return valueName(t, v);
  const k = constKind(v);
  if (k === K_INT) return String(t.getConstI(v));
  if (k === K_FLOAT) return floatRepr(t.getConstF(v));
  return 'ConstPtr(' + ptrs.name(t.getConstR(v)) + ')';
}

/** The trace as text; with legend, comments say what each ptr is and where snapshots resume. */
export function printTrace(t: Trace, legend: boolean): string {
  const ptrs = new PtrNames();
  const lines: string[] = [];
  const inputs: string[] = [];
  let i = 0;
  while (i < t.ops.length && (t.ops[i] === IROp.INPUT_I || t.ops[i] === IROp.INPUT_F || t.ops[i] === IROp.INPUT_R)) {
    inputs.push(valueName(t, i));
    i++;
  }
  lines.push('[' + inputs.join(', ') + ']');
  for (; i < t.ops.length; i++) {
    const op = t.ops[i];
    const def = OPS.defs[op];
    const parts: string[] = [];
    for (let k = 0; k < t.argCount[i]; k++) parts.push(argText(t, t.arg(i, k), ptrs));
    const dn = descrName(t, i);
    if (dn !== '') parts.push('descr=' + dn);
    let line = (def.result === K_VOID ? '' : valueName(t, i) + ' = ') + def.name + '(' + parts.join(', ') + ')';
    if ((def.flags & F_GUARD) !== 0) line += ' [s' + String(t.snap[i]) + ']';
    lines.push(line);
  }
  if (legend) {
    for (let k = 0; k < ptrs.objs.length; k++) lines.push(`# ptr${k} = ${describe(ptrs.objs[k])}`);
    for (let k = 0; k < t.snapshots.length; k++) lines.push(`# s${k}: ${snapText(t.snapshots[k])}`);
  }
  return lines.join('\n') + '\n';
}

function describe(o: PyObject | null): string {
  if (o === null) return 'null';
  if (o instanceof PyCode) return `<code ${o.name}>`;
  if (o instanceof PyFunction) return `<function ${o.qualname}>`;
  if (o instanceof PyType) return `<class ${o.name}>`;
  if (o instanceof PyInt && bigOf(o) === null) return `<${o.cls.name} ${o.v}>`;
  if (o instanceof PyFloat) return `<float ${floatRepr(o.v)}>`;
  if (o instanceof PyStr) return `<str ${o.s.length > 20 ? o.s.slice(0, 20) + '...' : o.s}>`;
  return `<${o.cls.name}>`;
}
function snapText(s: Snapshot): string {
  const fs: string[] = [];
  for (const f of s.frames) fs.push(`${f.code.name}@${f.pc} (${f.where()})`);
  return fs.join(' > ') + (s.after ? ' after' : '');
}

/** A parse error: the line (1-based) and what was expected. */
export class TraceSyntaxError extends Error {}

function fail(lineNo: int, line: string, what: string): TraceSyntaxError {
  return new TraceSyntaxError(`trace text line ${lineNo}: ${what}: '${line}'`);
}

function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  if (cur.trim() !== '') out.push(cur.trim());
  return out;
}

function isDigits(s: string, from: int): boolean {
  if (from >= s.length) return false;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function digitsValue(s: string, from: int): int {
  let n = 0;
  for (let i = from; i < s.length; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

function parseDescr(t: Trace, op: int, name: string, names: TextNames, lineNo: int, line: string): int {
  const flags = OPS.defs[op].flags;
  if ((flags & F_CALL) !== 0) {
    const h = helperId(name);
    if (h < 0) throw fail(lineNo, line, `unknown helper '${name}'`);
    return h;
  }
  let table: string[] = [];
  if ((flags & F_FIELD) !== 0) table = FIELD_NAMES;
  else if (op === IROp.GUARD_TID) table = TID_NAMES;
  else if (op === IROp.GUARD_NOT_INVALIDATED) table = INV_NAMES;
  else if (op === IROp.GUARD_MAP) {
    let m = names.maps.get(name);
    if (m === undefined) {
      m = new ShapeMap();
      names.maps.set(name, m);
    }
    return t.mapIndex(m);
  }
  for (let i = 0; i < table.length; i++) if (table[i] === name) return i;
  throw fail(lineNo, line, `unknown descr '${name}'`);
}

/** Parses the text form (comments start with #) into a trace; ConstPtr names come from names. */
export function parseTrace(text: string, names: TextNames): Trace {
  const t = new Trace();
  const byName = new Map<string, int>();
  const lines = text.split('\n');
  let sawInputs = false;
  for (let ln = 0; ln < lines.length; ln++) {
    const raw = lines[ln];
    const hash = raw.indexOf('#');
    const line = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    if (line === '') continue;
    const lineNo = ln + 1;
    if (!sawInputs) {
      if (!line.startsWith('[') || !line.endsWith(']')) throw fail(lineNo, line, 'expected the input list [p0, i1, ...]');
      for (const a of splitArgs(line.slice(1, line.length - 1))) {
        const k = a[0] === 'i' ? IROp.INPUT_I : a[0] === 'f' ? IROp.INPUT_F : a[0] === 'p' ? IROp.INPUT_R : -1;
        if (k < 0 || !isDigits(a, 1)) throw fail(lineNo, line, `bad input '${a}' (expected i<n>, f<n> or p<n>)`);
        byName.set(a, t.emit(k, [], 0, -1));
      }
      sawInputs = true;
      continue;
    }
    let body = line;
    let result = '';
    const eq = line.indexOf(' = ');
    if (eq > 0 && line.indexOf('(') > eq) {
      result = line.slice(0, eq).trim();
      body = line.slice(eq + 3).trim();
    }
    let snap = -1;
    if (body.endsWith(']')) {
      const lb = body.lastIndexOf('[');
      const s = body.slice(lb + 1, body.length - 1).trim();
      if (lb < 0 || s[0] !== 's' || !isDigits(s, 1)) throw fail(lineNo, line, 'expected a snapshot [s<n>]');
      snap = digitsValue(s, 1);
      body = body.slice(0, lb).trim();
    }
    const lp = body.indexOf('(');
    if (lp < 0 || !body.endsWith(')')) throw fail(lineNo, line, 'expected op(args)');
    const name = body.slice(0, lp);
    const op0 = OPS.byName.get(name);
    if (op0 === undefined) throw fail(lineNo, line, `unknown op '${name}'`);
    const op = op0;
    const def = OPS.defs[op];
    const args: int[] = [];
    let descrText = '';
    for (const a of splitArgs(body.slice(lp + 1, body.length - 1))) {
      if (a.startsWith('descr=')) {
        descrText = a.slice(6);
        continue;
      }
      if (a.startsWith('ConstPtr(') && a.endsWith(')')) {
        const pn = a.slice(9, a.length - 1);
        if (!names.ptrs.has(pn)) throw fail(lineNo, line, `unknown ConstPtr '${pn}'`);
        args.push(t.cRef(names.ptrs.get(pn) as PyObject | null));
        continue;
      }
      const v = byName.get(a);
      if (v !== undefined) {
        args.push(v);
        continue;
      }
      if (a.includes('.') || a.includes('e') || a === 'inf' || a === '-inf' || a === 'nan') {
        const x = parseFloatStrict(a);
        if (Number.isNaN(x) && a !== 'nan') throw fail(lineNo, line, `bad float '${a}'`);
        args.push(t.cFloat(x));
        continue;
      }
      if (isDigits(a, a[0] === '-' ? 1 : 0)) {
        args.push(t.cInt(a[0] === '-' ? -digitsValue(a, 1) : digitsValue(a, 0)));
        continue;
      }
      throw fail(lineNo, line, `unknown value '${a}'`);
    }
    if (def.arity >= 0 && args.length !== def.arity) throw fail(lineNo, line, `${name} takes ${def.arity} arguments, got ${args.length}`);
    const d = descrText === '' ? 0 : parseDescr(t, op, descrText, names, lineNo, line);
    if ((def.flags & F_GUARD) !== 0 && snap < 0) throw fail(lineNo, line, 'a guard needs a snapshot [s<n>]');
    while (snap >= t.snapshots.length) t.snapshots.push(new Snapshot());
    const i = t.emit(op, args, d, snap);
    if (def.result !== K_VOID) {
      if (result === '') throw fail(lineNo, line, `${name} has a result`);
      byName.set(result, i);
    } else if (result !== '') throw fail(lineNo, line, `${name} has no result`);
  }
  if (!sawInputs) throw new TraceSyntaxError('trace text: empty (expected the input list [p0, i1, ...])');
  return t;
}
