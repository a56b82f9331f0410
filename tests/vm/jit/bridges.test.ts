// Bridges: each program in bridges/ runs with every loop traced after two iterations and a
// bridge recorded after three failures of a guard, on llgraph (untranslated: the JIT enters
// bridges by guard id) and as machine code (translated: guard stubs patched to jump into the
// bridges), x86-64 natively and aarch64, ppc64le and s390x under qemu-user (CI runs aarch64,
// whose VM binary the translated program suite builds anyway; PYVM_TEST_ALL_ISAS=1 all three). The output must be CPython's, and the summary must show the bridges the
// program is built to make: one exiting into the interpreter (a guard failing inside a
// bridge), one looping back into its loop (the loop entered once per call), one inside another,
// one going round an outer loop back into its inner loop, one from a guard inside an inlined
// method, loops of inlined calls unrolled (and one too long to), bridges ending in another
// loop of the frame (linked: from a loop's own guard the code jumps from loop to loop; from a
// bridge's guard it returns the switch to the JIT, which runs that loop), one such loop running in an outer call
// (the code must not jump into it), exits after such a switch and a call that ran another
// loop's code, outer loops whose recording ends in their inner loop (entry traces, their
// FINISH linked into it), and more than 128 bridges (exit codes past 2^31).
import { describe, it, expect, beforeAll } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCPython, runVmBatch, type Result } from '../runner.ts';
import { translate, runBinary, hasTool } from '../../translate/harness.ts';
import { findTarget } from '../../../common/targets.ts';

const DIR = path.join(__dirname, 'bridges');
const FILES = fs.readdirSync(DIR).filter((f) => f.endsWith('.py')).sort().map((f) => path.join(DIR, f));
const JIT = 'threshold=2,trace_eagerness=3';
const LOG = 'jit-summary,jit-guard-fail,jit-log-opt';
const ALL_ISAS = process.env.PYVM_TEST_ALL_ISAS === '1';
/** the targets whose native backend links bridges, and whether this host runs them */
const NATIVE: { target: string; arch: string; ok: boolean }[] = [
  { target: 'linux-x86_64', arch: 'x86-64', ok: process.arch === 'x64' && process.platform === 'linux' },
  ...['linux-aarch64', 'linux-ppc64le', 'linux-s390x'].map((name) => {
    const t = findTarget(name);
    const ok = process.platform === 'linux' && hasTool(t.emulator[0]) && hasTool(t.cc) && (ALL_ISAS || name === 'linux-aarch64');
    return { target: name, arch: t.arch, ok };
  }),
];

const expected = new Map<string, Result>();

/** The number after `name: ` in the summary. */
function count(stderr: string, name: string): number {
  const m = new RegExp(`\\n${name}: (\\d+)\\n`).exec(stderr);
  expect(m, `no '${name}' in\n${stderr}`).not.toBeNull();
  return Number((m as RegExpExecArray)[1]);
}

/** Whether a bridge of loop `from` ends in loop `to`: in it, or in an entry trace into it (an
 * outer loop recorded after the inner ones ends in them, and the inner loops' exits then end
 * in the outer loop's trace). */
function endsIn(stderr: string, from: number, to: number): boolean {
  for (const m of stderr.matchAll(new RegExp(`\\[jit-log-opt\\] bridge \\d+ of loop ${from} [^\\n]* to loop (\\d+) `, 'g'))) {
    const x = Number(m[1]);
    if (x === to || new RegExp(`\\[jit-log-opt\\] loop ${x} [^\\n]* into loop ${to} `).test(stderr)) return true;
  }
  return false;
}

/** What each program must show in the log (linked: the backend patched its code). */
function checkLog(file: string, stderr: string, linked: boolean): void {
  const name = path.basename(file);
  const bridges = count(stderr, 'bridges');
  const toOther = (stderr.match(/\[jit-log-opt\] bridge \d+ of loop \d+ [^\n]* to loop \d+ /g) ?? []).length;
  // (a bridge of a bridge into another loop too: its code returns the switch to the JIT)
  expect(count(stderr, 'linked bridges')).toBe(linked ? bridges : 0);
  if (name === 'exit_to_interpreter.py') {
    const line = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('# bridge-guard-fail')) + 1;
    expect(bridges).toBeGreaterThanOrEqual(1);
    expect(stderr).toMatch(new RegExp(`jit-guard-fail: bridge \\d+ of loop 0 [^\\n]*exit_to_interpreter\\.py:${line} `));
  } else if (name === 'loop_back.py') {
    expect(bridges).toBe(1);
    expect(stderr).toMatch(/\[jit-log-opt\] bridge 0 of loop 0 [^\n]*\n[\s\S]*?\nfinish\(/);
    // 3000 iterations a call, a thousand of them on the bridge: it goes back into the loop,
    // so the loop is entered a few times in all (trace_eagerness entries end at the guard
    // before the bridge exists, then one entry a call), not once per bridge iteration
    expect(count(stderr, 'entries')).toBeLessThan(10);
    expect(count(stderr, 'guard failures')).toBeLessThan(10);
  } else if (name === 'nested.py') {
    expect(bridges).toBe(2);
    expect(stderr).toMatch(/\[jit-log-opt\] bridge 1 of loop 0 \(from bridge 0\) /);
  } else if (name === 'outer_loop.py') {
    // the inner loop's exit bridge goes round the outer loop and back in: 3000 rows, but the
    // inner loop entered only until that bridge exists (and after the bridge's own guards)
    expect(bridges).toBeGreaterThanOrEqual(1);
    expect(count(stderr, 'entries')).toBeLessThan(100);
  } else if (name === 'inlined_guard.py') {
    // the guard in step() fails every fourth of 3000 iterations: with a bridge from it after
    // three failures, a handful of failures in all (without, 750)
    expect(bridges).toBe(1);
    expect(count(stderr, 'guard failures')).toBeLessThan(10);
  } else if (name === 'inlined_loop.py') {
    // norm1's loop unrolled into run's trace: it is not entered 3000 times as a loop of its
    // own; long_sum's is, once per call, after one abort marked it not to be inlined
    expect(stderr).toMatch(/\n {2}long loop in an inlined call: 1\n/);
    expect(count(stderr, 'entries')).toBeLessThan(400);
  } else if (name === 'to_other_loop.py') {
    expect(toOther).toBe(2);
    expect(endsIn(stderr, 0, 1)).toBe(true);
    expect(endsIn(stderr, 1, 0)).toBe(true);
    expect(count(stderr, 'entries')).toBeLessThan(10);
  } else if (name === 'to_busy_loop.py') {
    // bridges both ways between the two inner loops; the output (CPython's) shows the inner
    // call did not run the outer call's loop on its jitframe
    expect(endsIn(stderr, 0, 1)).toBe(true);
    expect(endsIn(stderr, 1, 0)).toBe(true);
  } else if (name === 'switch_then_call.py') {
    // the nest's loops hand over to each other (the output shows the exits read right)
    expect(endsIn(stderr, 0, 2)).toBe(true);
    expect(endsIn(stderr, 2, 0)).toBe(true);
  } else if (name === 'into_inner_loop.py') {
    // each outer loop's recording ends in its inner loop (an entry trace), and the inner
    // loop's exit bridge ends in the entry trace: 2000 outer iterations a call, a dozen entries
    // from the interpreter (the warm-up's, until the bridges exist)
    expect(stderr).toMatch(/\[jit-log-opt\] loop 1 [^\n]* f into loop 0 /);
    expect(stderr).toMatch(/\[jit-log-opt\] loop 3 [^\n]* g into loop 2 /);
    expect(stderr).toMatch(/\[jit-log-opt\] bridge \d+ of loop 0 [^\n]* to loop 1 /);
    expect(stderr).toMatch(linked ? /\nentry traces: 2 \(2 linked\)\n/ : /\nentry traces: 2 \(0 linked\)\n/);
    expect(count(stderr, 'entries')).toBeLessThan(30);
  } else if (name === 'many_bridges.py') {
    // past bridge number 127, whose exits' codes are 2^31 and more
    expect(bridges).toBeGreaterThan(130);
  } else throw new Error(`no expectations for ${name}`);
}

beforeAll(async () => {
  for (const f of FILES) expected.set(f, await runCPython(f, DIR));
});

describe('bridges (llgraph)', () => {
  const actual = new Map<string, Result>();
  beforeAll(async () => {
    for (const r of await runVmBatch(FILES, { PYVM_JIT: `${JIT},backend=llgraph`, PYVMLOG: LOG })) actual.set(r.file, r);
  });
  for (const f of FILES) {
    it(path.basename(f), () => {
      const a = actual.get(f) as Result;
      expect(a.stdout).toBe((expected.get(f) as Result).stdout);
      expect(a.status).toBe(0);
      checkLog(f, a.stderr, false);
    });
  }
});

for (const n of NATIVE) {
  describe.skipIf(!n.ok)(`bridges (${n.arch}, linked)`, () => {
    let binary = '';
    beforeAll(async () => {
      binary = (await translate(path.join(__dirname, '..', '..', '..', 'vm', 'main.ts'), n.target)).binary;
    });
    for (const f of FILES) {
      it(path.basename(f), () => {
        const r = runBinary(binary, n.target, [f], { PYVM_JIT: `${JIT},backend=native`, PYVMLOG: LOG });
        expect(r.stdout).toBe((expected.get(f) as Result).stdout);
        expect(r.status).toBe(0);
        checkLog(f, r.stderr ?? '', true);
      });
    }
  });
}
