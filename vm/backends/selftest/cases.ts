// The IR conformance suite (RTS): loop traces covering every op kind, every guard kind, helper
// calls with many arguments and Python exceptions, run on a backend from given inputs until a
// guard fails; the result is that guard and every value live there (liveAtExit) as the trace
// left it in the jitframe. The same cases run on llgraph untranslated
// (tests/vm/backends/conformance.test.ts) and, in a translated pyvm, on both backends
// (`pyvm --jit selftest`, run.ts); every run must print tests/vm/backends/conformance/expected.txt.
import type { int, float } from '../../../translate/rlib/index.ts';
import { floatRepr, toFloat } from '../../../translate/rlib/index.ts';
import { PyObject, PyInt, PyStr, PyFloat, PyList, None, HOLD, newInt, newStr, newList, intType, floatType } from '../../objects/core.ts';
import { getIter } from '../../interpreter/runtime.ts';
import { parseTrace, TextNames } from '../../jit/irtext.ts';
import { Trace, IROp, OPS, K_INT, K_FLOAT, K_REF, K_VOID } from '../../jit/ir.ts';
import { Backend, JitFrame } from '../model.ts';
import { liveAtExit } from '../native/liveness.ts';

class Case {
  name: string;
  text: string;
  ints: int[];
  floats: float[];
  refs: (PyObject | null)[];
  /** an int input not printed (the type version: it differs between builds) */
  hidden: int = -1;
  constructor(name: string, text: string[], ints: int[], floats: float[], refs: (PyObject | null)[]) {
    this.name = name;
    this.text = text.join('\n') + '\n';
    this.ints = ints;
    this.floats = floats;
    this.refs = refs;
  }
}

function names(): TextNames {
  const n = new TextNames();
  n.ptrs.set('none', None);
  n.ptrs.set('null', null);
  n.ptrs.set('int_type', intType);
  n.ptrs.set('float_type', floatType);
  const letters = 'abcdefghij';
  for (let k = 0; k < letters.length; k++) n.ptrs.set('s_' + letters[k], newStr(letters[k]));
  n.ptrs.set('seven', newInt(7));
  return n;
}

function cases(): Case[] {
  const out: Case[] = [];
  // integer ALU, shifts, division with Python rounding and every comparison, in a counted loop
  out.push(new Case('int_ops', [
    '[i0, i1]',
    'label(i0, i1)',
    'i3 = int_add(i1, 3)',
    'i4 = int_sub(i3, i0)',
    'i5 = int_mul(i4, -7)',
    'i6 = int_neg(i5)',
    'i7 = int_and(i6, 255)',
    'i8 = int_or(i7, 4096)',
    'i9 = int_xor(i8, i0)',
    'i10 = int_lshift(i9, 2)',
    'i11 = int_rshift(i5, 1)',
    'i12 = int_floordiv(i5, 4)',
    'i13 = int_mod(i5, 4)',
    'i14 = int_lt(i0, 3)',
    'i15 = int_le(i0, 3)',
    'i16 = int_eq(i0, 3)',
    'i17 = int_ne(i0, 3)',
    'i18 = int_gt(i0, 3)',
    'i19 = int_ge(i0, 3)',
    'i20 = int_sub(i0, 1)',
    'i21 = int_add(i11, i14)',
    'i22 = int_add(i21, i19)',
    'guard_true(i20) [s0]',
    'jump(i20, i22)',
  ], [5, 100], [], []));
  // bitwise ops and arithmetic shifts on values far past 32 bits (two's complement over the
  // machine range), constant and variable operands and counts
  out.push(new Case('int_bitops_wide', [
    '[i0, i1, i2]',
    'label(i0, i1, i2)',
    'i4 = int_and(i0, 4294967295)',
    'i5 = int_and(i0, i1)',
    'i6 = int_or(i0, i1)',
    'i7 = int_xor(i0, i1)',
    'i8 = int_rshift(i0, 40)',
    'i9 = int_rshift(i1, 3)',
    'i10 = int_rshift(i0, i2)',
    'i11 = int_and(i1, -65536)',
    'i12 = int_xor(i7, 1099511627775)',
    'i13 = int_rshift(i5, 0)',
    'i14 = int_rshift(i0, 63)',
    'i15 = int_or(i4, i11)',
    'i16 = int_add(i8, i9)',
    'i17 = int_add(i16, i10)',
    'i18 = int_sub(i2, 7)',
    'guard_true(i18) [s0]',
    'jump(i12, i17, i18)',
  ], [-3000000000000123, 4503599627370493, 49], [], []));
  // overflow checks at the edge of the machine-int range (±(2^53 - 1))
  out.push(new Case('int_overflow', [
    '[i0, i1]',
    'label(i0, i1)',
    'i3 = int_mul_ovf(i1, 3)',
    'guard_no_overflow() [s0]',
    'i5 = int_add_ovf(i3, i0)',
    'guard_no_overflow() [s1]',
    'i7 = int_sub_ovf(0, i5)',
    'guard_no_overflow() [s2]',
    'i9 = int_neg(i7)',
    'jump(i0, i9)',
  ], [1000, 7], [], []));
  out.push(new Case('int_overflow_sub', [
    '[i0]',
    'label(i0)',
    'i2 = int_sub_ovf(i0, 4503599627370496)',
    'guard_no_overflow() [s0]',
    'jump(i2)',
  ], [0], [], []));
  // division by constants (compiled inline): Python's rounding for every sign pairing
  out.push(new Case('divmod_const', [
    '[i0, i1, i2]',
    'label(i0, i1, i2)',
    'i4 = int_mod(i1, 7)',
    'i5 = int_floordiv(i1, 7)',
    'i6 = int_mod(i1, -7)',
    'i7 = int_floordiv(i1, -7)',
    'i8 = int_mul(i4, 1000)',
    'i9 = int_add(i8, i5)',
    'i10 = int_mul(i9, 1000)',
    'i11 = int_add(i10, i6)',
    'i12 = int_mul(i11, 1000)',
    'i13 = int_add(i12, i7)',
    'i14 = int_add(i2, i13)',
    'i15 = int_sub(i1, 5)',
    'i16 = int_sub(i0, 1)',
    'guard_true(i16) [s0]',
    'jump(i16, i15, i14)',
  ], [9, 21, 0], [], []));
  // doubles: arithmetic, sqrt, comparisons (with NaN), int->float, float constants
  out.push(new Case('float_ops', [
    '[f0, f1, i2]',
    'label(f0, f1, i2)',
    'f4 = float_add(f0, 0.5)',
    'f5 = float_sub(f4, f1)',
    'f6 = float_mul(f5, 2.25)',
    'f7 = float_truediv(f6, 3.0)',
    'f8 = float_neg(f7)',
    'f9 = float_sqrt(f4)',
    'i10 = float_lt(f0, f1)',
    'i11 = float_le(f0, f1)',
    'i12 = float_eq(f0, f1)',
    'i13 = float_ne(f0, f1)',
    'i14 = float_gt(f0, f1)',
    'i15 = float_ge(f0, f1)',
    'i16 = float_eq(f1, f1)',
    'i17 = float_ne(f1, f1)',
    'f18 = cast_int_to_float(i2)',
    'f19 = float_add(f9, f18)',
    'i20 = int_sub(i2, 1)',
    'guard_true(i20) [s0]',
    'jump(f19, f1, i20)',
  ], [4], [2.0, 3.5], []));
  out.push(new Case('float_nan', [
    '[f0, f1]',
    'label(f0, f1)',
    'i3 = float_lt(f0, f1)',
    'i4 = float_ge(f0, f1)',
    'i5 = float_eq(f0, f0)',
    'i6 = float_ne(f0, f0)',
    'i7 = float_gt(f1, f0)',
    'i8 = float_le(f1, f0)',
    'guard_true(i5) [s0]',
    'jump(f0, f1)',
  ], [], [0.0 / 0.0, 1.0], []));
  // object guards: class, null/nonnull, value on refs and ints, pointer compares
  out.push(new Case('ref_guards', [
    '[p0, p1, i2]',
    'label(p0, p1, i2)',
    'guard_nonnull(p0) [s0]',
    'guard_class(p0, ConstPtr(int_type)) [s1]',
    'guard_isnull(p1) [s2]',
    'i6 = ptr_eq(p0, ConstPtr(seven))',
    'i7 = ptr_ne(p0, ConstPtr(none))',
    'guard_value(p0, ConstPtr(seven)) [s3]',
    'i9 = int_add(i2, 1)',
    'guard_value(i6, 1) [s4]',
    'i11 = int_lt(i9, 4)',
    'guard_true(i11) [s5]',
    'jump(p0, p1, i9)',
  ], [0], [], [newInt(7), null]));
  out.push(new Case('guard_class_fails', [
    '[p0]',
    'label(p0)',
    'guard_class(p0, ConstPtr(float_type)) [s0]',
    'jump(p0)',
  ], [], [], [newInt(7)]));
  out.push(new Case('guard_nonnull_fails', [
    '[p0]',
    'label(p0)',
    'guard_nonnull(p0) [s0]',
    'jump(p0)',
  ], [], [], [null]));
  // fields and arrays of boxed ints, allocation, and the JUMP's parallel copy (swap)
  out.push(new Case('boxes_and_swap', [
    '[p0, p1, i2]',
    'label(p0, p1, i2)',
    'i4 = getfield_i(p0, descr=int.v)',
    'i5 = getfield_i(p1, descr=int.v)',
    'i6 = int_add_ovf(i4, i5)',
    'guard_no_overflow() [s0]',
    'p8 = new_int(i6)',
    'i9 = int_sub(i2, 1)',
    'guard_true(i9) [s1]',
    'jump(p8, p0, i9)',
  ], [10], [], [newInt(1), newInt(1)]));
  // helper calls with many arguments, and an exception leaving through guard_no_exception
  out.push(new Case('calls', [
    '[p0, i1]',
    'label(p0, i1)',
    'p3 = call_r(ConstPtr(s_a), ConstPtr(s_b), ConstPtr(s_c), ConstPtr(s_d), ConstPtr(s_e), ConstPtr(s_f), ConstPtr(s_g), ConstPtr(s_h), ConstPtr(s_i), p0, descr=build_string)',
    'guard_no_exception() [s0]',
    'p5 = call_r(p3, ConstPtr(s_j), 0, descr=binary_op)',
    'guard_no_exception() [s1]',
    'i7 = call_i(p5, descr=truthy)',
    'guard_no_exception() [s2]',
    'i9 = int_sub(i1, i7)',
    'i10 = int_gt(i9, 0)',
    'guard_true(i10) [s3]',
    'jump(p5, i9)',
  ], [3], [], [newStr('x')]));
  out.push(new Case('call_raises', [
    '[p0, i1]',
    'label(p0, i1)',
    'p3 = call_r(p0, ConstPtr(s_a), 0, descr=binary_op)',
    'guard_no_exception() [s0]',
    'jump(p0, i1)',
  ], [0], [], [newInt(5)]));
  // the helpers native code calls directly (native/direct.ts): allocation of floats, an
  // iterator's next item, item loads and stores, containment both ways, an exception (an
  // index out of range; the loop leaves an item for its run once through) and the end of the
  // iteration
  const directCalls = [
    '[p0, p1, f2, i3]',
    'label(p0, p1, f2, i3)',
    'p5 = call_r(p0, descr=iternext)',
    'guard_no_exception() [s0]',
    'guard_nonnull(p5) [s1]',
    'p8 = call_r(p1, p5, descr=getitem)',
    'guard_no_exception() [s2]',
    'p10 = call_r(p8, p5, 0, descr=binary_op)',
    'guard_no_exception() [s3]',
    'call_n(p1, p5, p10, descr=setitem)',
    'guard_no_exception() [s4]',
    'p14 = call_r(p10, p1, 0, descr=contains)',
    'guard_no_exception() [s5]',
    'p16 = call_r(p10, p1, 1, descr=contains)',
    'guard_no_exception() [s6]',
    'f18 = float_add(f2, 0.5)',
    'p19 = new_float(f18)',
    'i20 = int_add(i3, 1)',
    'jump(p0, p1, f18, i20)',
  ];
  out.push(new Case('direct_calls', directCalls, [0], [1.0], [getIter(newList([newInt(0), newInt(2), newInt(1), newInt(7), newInt(0)])), newList([newInt(10), newInt(20), newInt(30)])]));
  out.push(new Case('direct_calls_exhausted', directCalls, [0], [1.0], [getIter(newList([newInt(2)])), newList([newInt(10), newInt(20), newInt(30)])]));
  // lists: length, item loads and pointer stores, boxed-int fields
  out.push(new Case('list_items', [
    '[p0, i1]',
    'label(p0, i1)',
    'i3 = arraylen(p0, descr=list.items)',
    'i4 = int_lt(i1, i3)',
    'guard_true(i4) [s0]',
    'p6 = getarrayitem_r(p0, i1, descr=list.items)',
    'guard_class(p6, ConstPtr(int_type)) [s1]',
    'i8 = getfield_i(p6, descr=int.v)',
    'i9 = getfield_i(p6, descr=int.small)',
    'guard_true(i9) [s2]',
    'i11 = int_mul(i8, 10)',
    'p12 = new_int(i11)',
    'setarrayitem_r(p0, i1, p12, descr=list.items)',
    'i14 = int_add(i1, 1)',
    'jump(p0, i14)',
  ], [0], [], [newList([newInt(1), newInt(2), newInt(3)])]));
  // iterator fields, type-id guards, the type-version guard
  out.push(new Case('iter_fields', [
    '[p0, i1, i2]',
    'label(p0, i1, i2)',
    'guard_tid(p0, descr=tid.seqiter) [s0]',
    'guard_not_invalidated(ConstPtr(none), i2, descr=inv.types) [s1]',
    'i5 = getfield_i(p0, descr=seqiter.i)',
    'i6 = getfield_i(p0, descr=seqiter.n)',
    'p7 = getfield_r(p0, descr=seqiter.seq)',
    'i8 = getfield_i(p0, descr=seqiter.step)',
    'i9 = int_add(i5, i8)',
    'setfield_i(p0, i9, descr=seqiter.i)',
    'i11 = int_add(i1, i6)',
    'i12 = int_lt(i9, 4)',
    'guard_true(i12) [s2]',
    'jump(p0, i11, i2)',
  ], [0, HOLD.typeVersion], [], [getIter(newList([newInt(5), newInt(6)]))]));
  out[out.length - 1].hidden = 2;
  out.push(new Case('guard_tid_fails', [
    '[p0]',
    'label(p0)',
    'guard_tid(p0, descr=tid.instance) [s0]',
    'jump(p0)',
  ], [], [], [newInt(3)]));
  out.push(new Case('guard_not_invalidated_fails', [
    '[i0]',
    'label(i0)',
    'guard_not_invalidated(ConstPtr(none), i0, descr=inv.types) [s0]',
    'jump(i0)',
  ], [HOLD.typeVersion + 1], [], []));
  out[out.length - 1].hidden = 0;
  // many live values at once (more than the registers of any ISA)
  const wide: string[] = ['[i0]', 'label(i0)'];
  let prev = 'i0';
  for (let k = 0; k < 40; k++) {
    wide.push(`i${k + 2} = int_add(${prev}, ${k + 1})`);
    prev = `i${k + 2}`;
  }
  let sum = 'i0';
  for (let k = 0; k < 40; k++) {
    wide.push(`i${k + 42} = int_add(${sum}, i${k + 2})`);
    sum = `i${k + 42}`;
  }
  wide.push(`i82 = int_lt(${sum}, 100000)`);
  wide.push('guard_true(i82) [s0]');
  wide.push('jump(i81)');
  out.push(new Case('many_values', wide, [1], [], []));
  // more loop-carried values than registers, of both classes, rotated each iteration: the
  // JUMP's parallel move runs through cycles between registers and jitframe slots
  const nI = 14;
  const nF = 20;
  const ins: string[] = ['i0'];
  for (let k = 1; k <= nI; k++) ins.push(`i${k}`);
  for (let k = 1; k <= nF; k++) ins.push(`f${nI + k}`);
  const carried: string[] = ['[' + ins.join(', ') + ']', 'label(' + ins.join(', ') + ')', 'i100 = int_sub(i0, 1)'];
  const next: string[] = ['i100'];
  for (let k = 1; k <= nI; k++) {
    carried.push(`i${100 + k} = int_add(i${(k % nI) + 1}, ${k})`);
    next.push(`i${100 + k}`);
  }
  for (let k = 1; k <= nF; k++) {
    carried.push(`f${200 + k} = float_add(f${nI + (k % nF) + 1}, 0.5)`);
    next.push(`f${200 + k}`);
  }
  carried.push('guard_true(i100) [s0]');
  carried.push('jump(' + next.join(', ') + ')');
  const ci: int[] = [7];
  for (let k = 1; k <= nI; k++) ci.push(k * 10);
  const cf: float[] = [];
  for (let k = 1; k <= nF; k++) cf.push(toFloat(k) * 0.25);
  out.push(new Case('many_carried', carried, ci, cf, []));
  // values of every class live across helper calls (stored before, reloaded after; the refs
  // among them are what the collector would see)
  const across: string[] = ['[i0, p1]', 'label(i0, p1)'];
  for (let k = 0; k < 12; k++) across.push(`i${10 + k} = int_add(i0, ${k * 3})`);
  for (let k = 0; k < 10; k++) across.push(`f${30 + k} = cast_int_to_float(i${10 + k})`);
  across.push('p50 = call_r(p1, ConstPtr(s_a), 0, descr=binary_op)');
  across.push('guard_no_exception() [s0]');
  across.push('p52 = call_r(p50, ConstPtr(s_b), 0, descr=binary_op)');
  across.push('guard_no_exception() [s1]');
  let acc = 'i0';
  for (let k = 0; k < 12; k++) {
    across.push(`i${60 + k} = int_add(${acc}, i${10 + k})`);
    acc = `i${60 + k}`;
  }
  let facc = 'f30';
  for (let k = 1; k < 10; k++) {
    across.push(`f${80 + k} = float_mul(${facc}, f${30 + k})`);
    facc = `f${80 + k}`;
  }
  across.push('i95 = int_sub(i0, 1)');
  across.push(`i96 = int_add(i95, ${acc})`);
  across.push(`i97 = float_lt(${facc}, 1e300)`);
  across.push('guard_true(i97) [s2]');
  across.push('i99 = int_gt(i95, 0)');
  across.push('guard_true(i99) [s3]');
  across.push('jump(i95, p52)');
  out.push(new Case('spills_across_calls', across, [3], [], [newStr('x')]));
  return out;
}

function describe(o: PyObject | null): string {
  if (o === null) return 'null';
  if (o === None) return 'None';
  if (o instanceof PyInt) return 'int ' + String(o.v);
  if (o instanceof PyFloat) return 'float ' + floatRepr(o.v);
  if (o instanceof PyStr) return "str '" + o.s + "'";
  if (o instanceof PyList) {
    const items: string[] = [];
    for (const x of o.items) items.push(describe(x));
    return 'list [' + items.join(', ') + ']';
  }
  return 'object ' + o.cls.name;
}

function result(t: Trace, jf: JitFrame, g: int, hidden: int): string {
  const parts: string[] = ['guard ' + String(g) + ' ' + OPS.defs[t.ops[g]].name];
  // what a backend must leave at an exit: the values live there (registers hold the others)
  const live = liveAtExit(t, g);
  for (let i = 0; i < t.ops.length; i++) {
    const k = OPS.defs[t.ops[i]].result;
    if (k === K_VOID || i === hidden || !live[i]) continue;
    if (k === K_INT) parts.push('i' + String(i) + '=' + String(jf.ints[i]));
    else if (k === K_FLOAT) parts.push('f' + String(i) + '=' + floatRepr(jf.floats[i]));
    else if (k === K_REF) parts.push('p' + String(i) + '=' + describe(jf.refs[i]));
  }
  if (jf.exc !== null) parts.push('exc ' + jf.exc.cls.name);
  return parts.join(', ');
}

/** The case run once through, its JUMP replaced by a FINISH of every value it defines (the
 * loop form leaves only the values live at its exit; this one checks every op's result). */
function straight(c: Case): Case {
  const lines: string[] = [];
  for (const l of c.text.split('\n')) if (l !== '') lines.push(l);
  const defined: string[] = [];
  const head = lines[0];
  for (const a of head.slice(1, head.length - 1).split(',')) defined.push(a.trim());
  const out: string[] = [];
  for (const line of lines) {
    const eq = line.indexOf(' = ');
    if (eq > 0) defined.push(line.slice(0, eq));
    out.push(line.startsWith('jump(') ? 'finish(' + defined.join(', ') + ')' : line);
  }
  const v = new Case(c.name + '/once', out, c.ints, c.floats, c.refs);
  v.hidden = c.hidden;
  return v;
}

/** One line per case: its name and what the backend left. */
export function runConformance(be: Backend): string[] {
  const out: string[] = [];
  const all: Case[] = [];
  for (const c of cases()) {
    all.push(c);
    all.push(straight(c));
  }
  for (const c of all) {
    const t = parseTrace(c.text, names());
    const jf = new JitFrame();
    for (let i = 0; i < t.ops.length; i++) {
      jf.ints.push(0);
      jf.floats.push(0.0);
      jf.refs.push(null);
    }
    let ki = 0;
    let kf = 0;
    let kr = 0;
    for (let i = 0; i < t.ops.length; i++) {
      const op = t.ops[i];
      if (op === IROp.INPUT_I) jf.ints[i] = c.ints[ki++];
      else if (op === IROp.INPUT_F) jf.floats[i] = c.floats[kf++];
      else if (op === IROp.INPUT_R) jf.refs[i] = c.refs[kr++];
    }
    const g = be.run(be.compileLoop(t), jf);
    out.push(c.name + ': ' + result(t, jf, g, c.hidden));
  }
  return out;
}
