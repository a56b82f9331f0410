// The IR's text form: traces recorded from small programs match golden files (PYVMLOG=
// jit-log-noopt), parse back to the same text, and parsed traces run on llgraph.
import { describe, it, expect } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runVmBatch } from '../runner.ts';
import { parseTrace, printTrace, TextNames, TraceSyntaxError } from '../../../vm/jit/irtext.ts';
import { LLGraph } from '../../../vm/backends/llgraph/runner.ts';
import { JitFrame } from '../../../vm/backends/model.ts';
import { newStr, PyObject } from '../../../vm/objects/core.ts';

const GOLDEN = path.join(__dirname, 'golden');
const PROGRAMS = fs.readdirSync(GOLDEN).filter((f) => f.endsWith('.py')).sort();

/** The trace text of the first loop in function fn (legend comments and log markers dropped).
 * Versions are written VER: they change whenever a builtin or builtin class is added. */
function loopOf(log: string, fn: string): string {
  for (const m of log.matchAll(/\[jit-log-noopt\] loop \d+ \S+ (\S+) [^\n]*\n([\s\S]*?)\[\/jit-log-noopt\]/g)) {
    if (m[1] !== fn) continue;
    return m[2].split('\n').filter((l) => !l.startsWith('#')).join('\n').replace(/(guard_not_invalidated\(ConstPtr\(\w+\)), \d+, descr=inv\.(dict|types)/g, '$1, VER, descr=inv.$2');
  }
  throw new Error(`no loop in ${fn} in the log:\n` + log);
}

function names(text: string): TextNames {
  const n = new TextNames();
  for (const m of text.matchAll(/ConstPtr\((\w+)\)/g)) if (!n.ptrs.has(m[1])) n.ptrs.set(m[1], newStr(m[1]) as PyObject);
  return n;
}

describe('trace golden files', () => {
  for (const f of PROGRAMS) {
    it(f, async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pyvm-golden-'));
      const log = path.join(dir, 'jit.log');
      const [r] = await runVmBatch([path.join(GOLDEN, f)], { PYVM_JIT: 'threshold=2', PYVMLOG: `jit-log-noopt:${log}` });
      expect(r.status).toBe(0);
      const fn = /^# loop: (\w+)/.exec(fs.readFileSync(path.join(GOLDEN, f), 'utf8'));
      expect(fn, 'a golden program starts with # loop: FUNCTION').not.toBeNull();
      const text = loopOf(fs.readFileSync(log, 'utf8'), (fn as RegExpExecArray)[1]);
      fs.rmSync(dir, { recursive: true, force: true });
      const golden = path.join(GOLDEN, f.replace(/\.py$/, '.trace'));
      if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(golden, text);
      expect(text).toBe(fs.readFileSync(golden, 'utf8'));
      // the text parses back to the same trace
      const plain = text.replaceAll('VER', '0');
      expect(printTrace(parseTrace(plain, names(plain)), false)).toBe(plain);
    });
  }
});

describe('trace text', () => {
  const sum = [
    '[i0, i1]',
    'label(i0, i1)',
    'i3 = int_add_ovf(i0, i1)',
    'guard_no_overflow() [s0]',
    'i5 = int_sub(i1, 1)',
    'i6 = int_gt(i5, 0)',
    'guard_true(i6) [s1]',
    'jump(i3, i5)',
    '',
  ].join('\n');

  it('parses and prints back unchanged', () => {
    expect(printTrace(parseTrace(sum, new TextNames()), false)).toBe(sum);
  });

  it('runs on llgraph until a guard fails, with the values the snapshot needs', () => {
    const t = parseTrace(sum, new TextNames());
    const jf = new JitFrame();
    for (let i = 0; i < t.ops.length; i++) {
      jf.ints.push(0);
      jf.floats.push(0.0);
      jf.refs.push(null);
    }
    jf.ints[0] = 0;
    jf.ints[1] = 5;
    const be = new LLGraph();
    const g = be.run(be.compileLoop(t), jf);
    expect(g).toBe(7);
    // 5 + 4 + 3 + 2 + 1 accumulated; the counter reached 0
    expect(jf.ints[3]).toBe(15);
    expect(jf.ints[5]).toBe(0);
  });

  it('reports the line and what is wrong', () => {
    expect(() => parseTrace('[i0]\ni1 = int_frob(i0)\n', new TextNames())).toThrow(TraceSyntaxError);
    expect(() => parseTrace('[i0]\ni1 = int_frob(i0)\n', new TextNames())).toThrow(/line 2: unknown op 'int_frob'/);
    expect(() => parseTrace('[i0]\nguard_true(i0)\n', new TextNames())).toThrow(/line 2: a guard needs a snapshot/);
    expect(() => parseTrace('[i0]\ni1 = int_add(i0)\n', new TextNames())).toThrow(/int_add takes 2 arguments, got 1/);
    expect(() => parseTrace('[p0]\ni1 = getfield_i(p0, descr=nope)\n', new TextNames())).toThrow(/unknown descr 'nope'/);
  });
});
