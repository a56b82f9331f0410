// MAKE_FUNCTION in a traced loop (vm/jit/recorder.ts): the recorder makes the function with a
// residual call instead of aborting the recording, so a loop that builds comprehensions,
// lambdas or nested defs each iteration is compiled; the functions are real objects (defaults,
// closure cells, keyword defaults, annotations) and the output stays CPython's.
import { describe, it, expect } from 'vitest';
import * as path from 'node:path';
import { runCPython, runVmBatch } from '../runner.ts';

const FILE = path.join(__dirname, 'makefn', 'comprehension_in_loop.py');

describe('MAKE_FUNCTION in traces', () => {
  it('a loop making functions is compiled, not aborted', async () => {
    const [r] = await runVmBatch([FILE], { PYVM_JIT: 'threshold=5,backend=llgraph', PYVMLOG: 'jit-summary' });
    const e = await runCPython(FILE);
    expect(r.status).toBe(e.status);
    expect(r.stdout).toBe(e.stdout);
    const summary = r.stderr.slice(r.stderr.indexOf('[jit-summary]'));
    expect(summary).not.toContain('unsupported opcode');
    // the loop of run() (line 11) ran compiled, with its comprehension called from the trace
    expect(summary).toMatch(/loop \d+: \d{4} iterations in \d+ entries \([^)]*comprehension_in_loop\.py:11 run\)/);
  });
});
