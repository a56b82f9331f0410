// The warm path (driver.ts, load/sources.ts): a translation with no byte changed takes every
// stage from the store, an edit of one function is seen (load runs again, only that function's
// flow graph and those never cached are rebuilt, the binary does what the edit says), undoing it is warm again, and the
// output binary is rewritten only when it does not hold the linked bytes.
import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { translateProgram, type TranslateResult } from '../../translate/driver.ts';
import { HERE } from './harness.ts';

// a copy beside the fixture, so that its relative import of rlib still resolves
const original = readFileSync(join(HERE, 'fixtures', 'classes.ts'), 'utf8');
const entry = join(HERE, 'fixtures', `warm-edit-${process.pid}.ts`);
const base = mkdtempSync(join(tmpdir(), 'test-translate-warm-'));
const cache = join(base, 'cache');
const out = join(base, 'out');

const translate = (): Promise<TranslateResult> => translateProgram({ entry, target: 'linux-x86_64', outDir: out, cacheDir: cache });
const stageOf = (r: TranslateResult, name: string) => r.stages.find((s) => s.name === name)!;
const run = (binary: string): string => spawnSync(binary, [], { encoding: 'utf8' }).stdout;

describe('warm translations', () => {
  afterAll(() => {
    rmSync(entry, { force: true });
    rmSync(base, { recursive: true, force: true });
  });
  let first: Buffer;

  it('sees a one-function edit, rebuilds only what it touches, and is warm again once it is undone', async () => {
    writeFileSync(entry, original);
    const cold = await translate();
    first = readFileSync(cold.binary);
    expect(run(cold.binary)).toContain('rex barks');

    const edited = original.replace('`${this.name} barks`', '`${this.name} woofs`');
    expect(edited).not.toBe(original);
    writeFileSync(entry, edited);
    const edit = await translate();
    expect(stageOf(edit, 'load').cached).toBe(false);
    // TypeScript parsed every module for the cold run, and only the edited one now (the
    // others are the same text: their parsed and bound files are reused, as tsc --watch does)
    expect(stageOf(cold, 'load').counts.parsed).toBe(stageOf(cold, 'load').counts.modules);
    expect(stageOf(edit, 'load').counts.parsed).toBe(1);
    const flow = stageOf(edit, 'flow').counts;
    // the edited method's graph is rebuilt; the others (same bodies, same declarations) come
    // from the store, but for instances of generics, which are never cached
    expect(flow.cached).toBeGreaterThan(0);
    expect(flow.graphs - flow.cached).toBeLessThan(flow.graphs / 2);
    // its module's C and buildid.c (os.buildId() changes with every byte), no other: not
    // data.c (vtables, prebuilt objects) nor anything including an unchanged program.h
    expect(stageOf(edit, 'compile').counts.compiled).toBe(2);
    expect(run(edit.binary)).toContain('rex woofs');

    writeFileSync(entry, original);
    const back = await translate();
    for (const s of back.stages) expect([s.name, s.cached]).toEqual([s.name, true]);
    expect(readFileSync(back.binary)).toEqual(first);
    expect(run(back.binary)).toContain('rex barks');
  });

  it('leaves an output binary holding the linked bytes untouched, and replaces one that does not', async () => {
    const binary = join(out, `warm-edit-${process.pid}`);
    const before = statSync(binary);
    await translate();
    expect(statSync(binary).mtimeMs).toBe(before.mtimeMs);
    expect(statSync(binary).ino).toBe(before.ino);

    // same size, one byte flipped, not executable: put back whole
    const bytes = readFileSync(binary);
    bytes[bytes.length >> 1] ^= 0x01;
    writeFileSync(binary, bytes);
    chmodSync(binary, 0o644);
    await translate();
    expect(readFileSync(binary)).toEqual(first);
    expect(statSync(binary).mode & 0o777).toBe(0o755);
    expect(run(binary)).toContain('rex barks');
  });
});
