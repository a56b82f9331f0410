// One IR conformance suite (vm/backends/selftest/cases.ts) for every backend: llgraph runs it
// here, untranslated; the x86-64 backend runs it in the translated pyvm (`--jit selftest`,
// natively, and under wine for Win64), which also checks each result against its own llgraph.
// Each must leave exactly the results in conformance/expected.txt.
import { describe, it, expect } from 'vitest';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runConformance } from '../../../vm/backends/selftest/cases.ts';
import { LLGraph } from '../../../vm/backends/llgraph/runner.ts';
import { initRuntime } from '../../../vm/main.ts';
import { translate, runBinary, hasTool } from '../../translate/harness.ts';

const EXPECTED = path.join(__dirname, 'conformance', 'expected.txt');
const PYVM = path.join(__dirname, '..', '..', '..', 'vm', 'main.ts');

function expected(): string[] {
  return fs.readFileSync(EXPECTED, 'utf8').trimEnd().split('\n');
}

describe('IR conformance', () => {
  it('llgraph (untranslated)', () => {
    initRuntime();
    const got = runConformance(new LLGraph());
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(EXPECTED, got.join('\n') + '\n');
    expect(got).toEqual(expected());
  });

  it.skipIf(process.arch !== 'x64' || process.platform !== 'linux')('x86_64 native, System V (translated)', async () => {
    const { binary } = await translate(PYVM, 'linux-x86_64');
    const r = runBinary(binary, 'linux-x86_64', ['--jit', 'selftest']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.pop()).toBe(`selftest: ${expected().length} cases on backend x86_64, all agree with llgraph`);
    for (const l of lines) expect(l.startsWith('x86_64 ')).toBe(true);
    expect(lines.map((l) => l.slice('x86_64 '.length))).toEqual(expected());
  });

  it.skipIf(process.arch !== 'x64' || !hasTool('x86_64-w64-mingw32-gcc') || !hasTool('/usr/lib/wine/wine64'))('x86_64 native, Win64 (translated, under wine)', async () => {
    const { binary } = await translate(PYVM, 'windows-x86_64');
    const r = runBinary(binary, 'windows-x86_64', ['--jit', 'selftest']);
    expect(r.status).toBe(0);
    const lines = r.stdout.replace(/\r\n/g, '\n').trimEnd().split('\n');
    expect(lines.pop()).toBe(`selftest: ${expected().length} cases on backend x86_64, all agree with llgraph`);
    expect(lines.map((l) => l.slice('x86_64 '.length))).toEqual(expected());
  });
});
