// Golden cases of the optimizer's dce (tests/vm/jit/opt/golden/dce/, format in golden.ts), and
// the snapshots it writes out.
import { describe, it, expect } from 'vitest';
import { describeGolden } from './golden.ts';
import { parseTrace, TextNames } from '../../../../vm/jit/irtext.ts';
import { eliminateDeadCode } from '../../../../vm/jit/opt/dce.ts';
import { SnapFrame, RET_ROOT, RET_PUSH } from '../../../../vm/jit/snapshot.ts';
import { PyCode } from '../../../../vm/compiler/code.ts';

describeGolden('dce');

describe('dce snapshots', () => {
  // three guards inside an inlined call: the caller's frame is the same state at each of them
  const text = ['[i0, i1]', 'label(i0, i1)', 'i2 = int_lt(i0, 10)', 'guard_true(i2) [s0]', 'i3 = int_add(i0, 1)', 'i4 = int_lt(i3, i1)', 'guard_true(i4) [s1]', 'guard_true(i4) [s2]', 'jump(i3, i1)', ''].join('\n');
  const outer = new PyCode('loop', 'f.py', 1);
  const inner = new PyCode('callee', 'f.py', 5);
  const build = (callerFast: number[][]) => {
    const t = parseTrace(text, new TextNames());
    for (let k = 0; k < 3; k++) {
      t.snapshots[k].frames.push(new SnapFrame(outer, null, 12, RET_ROOT, -1, callerFast[k], [1]));
      t.snapshots[k].frames.push(new SnapFrame(inner, null, 2 * k, RET_PUSH, -1, [0, k === 0 ? 0 : 3], []));
    }
    return eliminateDeadCode(t);
  };

  it("guards of an inlined call share their caller's frame object", () => {
    const out = build([[0, 1], [0, 1], [0, 1]]);
    expect(out.snapshots.length).toBe(3);
    const callers = out.snapshots.map((s) => s.frames[0]);
    expect(callers[1]).toBe(callers[0]);
    expect(callers[2]).toBe(callers[0]);
    // the callee's frames differ (instruction, values): each guard has its own
    const callees = out.snapshots.map((s) => s.frames[1]);
    expect(new Set(callees).size).toBe(3);
    expect(callees.map((f) => f.pc)).toEqual([0, 2, 4]);
  });

  it('a caller frame whose values changed is a frame of its own', () => {
    const out = build([[0, 1], [0, 3], [0, 3]]);
    const callers = out.snapshots.map((s) => s.frames[0]);
    expect(callers[1]).not.toBe(callers[0]);
    expect(callers[2]).toBe(callers[1]);
    expect(callers[0].fast).not.toEqual(callers[1].fast);
  });
});
