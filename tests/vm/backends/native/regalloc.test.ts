// Liveness and linear-scan allocation of the shared native layer, ISA-independent (register
// counts only): no two values live at once share a register, the loop's carried values live
// across the back-edge, guard snapshots keep their values alive, pressure spills.
import { describe, it, expect } from 'vitest';
import { parseTrace, TextNames } from '../../../../vm/jit/irtext.ts';
import { Trace, OPS, K_FLOAT, K_VOID } from '../../../../vm/jit/ir.ts';
import { SnapFrame } from '../../../../vm/jit/snapshot.ts';
import { liveness, liveAtExit } from '../../../../vm/backends/native/liveness.ts';
import { allocate, SPILLED, UNUSED } from '../../../../vm/backends/native/regalloc.ts';
import { PyCode } from '../../../../vm/compiler/code.ts';

function chain(n: number): string {
  const lines = ['[i0]', 'label(i0)'];
  let prev = 'i0';
  for (let k = 0; k < n; k++) {
    lines.push(`i${k + 2} = int_add(${prev}, ${k + 1})`);
    prev = `i${k + 2}`;
  }
  let sum = 'i0';
  for (let k = 0; k < n; k++) {
    lines.push(`i${k + n + 2} = int_add(${sum}, i${k + 2})`);
    sum = `i${k + n + 2}`;
  }
  lines.push(`i${2 * n + 2} = int_lt(${sum}, 100000)`, `guard_true(i${2 * n + 2}) [s0]`, `jump(${sum})`);
  return lines.join('\n');
}

/** every pair of values holding the same register has disjoint live ranges */
function checkDisjoint(t: Trace, ngprs: number, nfprs: number): { spills: number } {
  const lv = liveness(t);
  const a = allocate(t, lv, ngprs, nfprs);
  for (let v = 0; v < t.ops.length; v++) {
    const kind = OPS.defs[t.ops[v]].result;
    if (kind === K_VOID) expect(a.loc[v]).toBe(UNUSED);
    if (a.loc[v] < 0) continue;
    expect(a.loc[v]).toBeLessThan(kind === K_FLOAT ? nfprs : ngprs);
    for (let w = v + 1; w < t.ops.length; w++) {
      if (a.loc[w] !== a.loc[v] || (OPS.defs[t.ops[w]].result === K_FLOAT) !== (kind === K_FLOAT)) continue;
      // w starts after v ends (w may take v's register at v's last reader: it reads first)
      expect(w >= lv.end[v]).toBe(true);
    }
  }
  return { spills: a.spills };
}

describe('native liveness and register allocation', () => {
  it('no spills when the registers suffice; spills under pressure, never sharing a live register', () => {
    const t = parseTrace(chain(6), new TextNames());
    expect(checkDisjoint(t, 16, 8).spills).toBe(0);
    const wide = parseTrace(chain(40), new TextNames());
    const r = checkDisjoint(wide, 7, 4);
    expect(r.spills).toBeGreaterThan(0);
    expect(allocate(wide, liveness(wide), 7, 4).loc.filter((l) => l === SPILLED).length).toBe(r.spills);
  });

  it("a loop's LABEL arguments live to their last reader (the JUMP's if it passes them on), the value replacing one may take its register", () => {
    const t = parseTrace(['[i0, i1]', 'label(i0, i1)', 'i3 = int_add(i0, 1)', 'label(i3, i1)', 'i5 = int_add(i3, i1)', 'i6 = int_lt(i5, 10)', 'guard_true(i6) [s0]', 'jump(i5, i1)'].join('\n'), new TextNames());
    const lv = liveness(t);
    const jump = t.ops.length - 1;
    expect(lv.end[3]).toBe(5);
    expect(lv.end[1]).toBe(jump);
    expect(lv.end[6]).toBe(7);
    checkDisjoint(t, 2, 1);
    const a = allocate(t, lv, 2, 1);
    expect(a.loc[5]).toBe(a.loc[3]);
  });

  it('a value defined before the loop and read in it (not a LABEL argument) lives to the JUMP', () => {
    const t = parseTrace(['[i0, i1]', 'label(i0, i1)', 'i3 = int_add(i0, 1)', 'label(i3)', 'i5 = int_add(i3, i1)', 'jump(i5)'].join('\n'), new TextNames());
    const lv = liveness(t);
    expect(lv.end[1]).toBe(t.ops.length - 1);
    expect(lv.end[3]).toBe(5);
  });

  it("a guard's snapshot keeps its values live at the guard, and liveAtExit lists them", () => {
    const t = parseTrace(['[i0, i1]', 'label(i0, i1)', 'i3 = int_add(i0, 1)', 'i4 = int_add(i1, 2)', 'guard_true(i3) [s0]', 'jump(i3, i1)'].join('\n'), new TextNames());
    // i4 is read by nothing but the guard's snapshot
    expect(liveness(t).end[4]).toBe(-1);
    const code = new PyCode('f', 'f.py', 1);
    t.snapshots[0].frames.push(new SnapFrame(code, null, 0, 0, -1, [4], []));
    expect(liveness(t).end[4]).toBe(5);
    expect(liveAtExit(t, 5)[4]).toBe(true);
    expect(allocate(t, liveness(t), 4, 1).loc[4]).toBeGreaterThanOrEqual(0);
  });
});
