// The stage cache: a second translation reuses every stage, outputs are byte-identical
// across directories, and a corrupt entry is recomputed rather than trusted.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { translateProgram } from '../../translate/driver.ts';
import { HERE } from './harness.ts';

const entry = join(HERE, 'fixtures', 'classes.ts');

describe('translation cache and reproducibility', () => {
  const base = mkdtempSync(join(tmpdir(), 'rts-cache-'));
  const cacheA = join(base, 'cacheA');

  it('reuses every stage on the second run and gives the same binary', async () => {
    const first = await translateProgram({ entry, target: 'linux-x86_64', outDir: join(base, 'out1'), cacheDir: cacheA });
    expect(first.stages.map((s) => s.name)).toEqual(['load', 'flow', 'annotate', 'rtype', 'genc', 'compile']);
    expect(first.stages.find((s) => s.name === 'annotate')!.cached).toBe(false);
    const second = await translateProgram({ entry, target: 'linux-x86_64', outDir: join(base, 'out2'), cacheDir: cacheA });
    for (const s of second.stages) expect([s.name, s.cached]).toEqual([s.name, true]);
    expect(readFileSync(second.binary)).toEqual(readFileSync(first.binary));
  });

  it('is reproducible: a fresh cache in another directory gives identical C and binary', async () => {
    const a = await translateProgram({ entry, target: 'linux-s390x', outDir: join(base, 'r1'), cacheDir: join(base, 'c1') });
    const b = await translateProgram({ entry, target: 'linux-s390x', outDir: join(base, 'r2'), cacheDir: join(base, 'c2') });
    const gencA = readdirSync(join(base, 'c1', 'genc'));
    const gencB = readdirSync(join(base, 'c2', 'genc'));
    expect(gencA).toEqual(gencB);
    expect(readFileSync(join(base, 'c1', 'genc', gencA[0]))).toEqual(readFileSync(join(base, 'c2', 'genc', gencB[0])));
    expect(readFileSync(a.binary)).toEqual(readFileSync(b.binary));
  });

  it('recomputes a corrupt entry instead of trusting it', async () => {
    const dir = join(cacheA, 'genc');
    const [entryFile] = readdirSync(dir).filter((f) => !f.startsWith('.'));
    const p = join(dir, entryFile);
    const bytes = readFileSync(p);
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(p, bytes);
    const third = await translateProgram({ entry, target: 'linux-x86_64', outDir: join(base, 'out3'), cacheDir: cacheA });
    expect(third.stages.find((s) => s.name === 'genc')!.cached).toBe(false);
    expect(readFileSync(third.binary)).toEqual(readFileSync(join(base, 'out1', 'classes')));
  });

  it('shares annotate, rtype and genc between targets; the settings reach only compile', async () => {
    const cache = join(base, 'shared');
    const cachedness = (r: { stages: { name: string; cached: boolean }[] }) => Object.fromEntries(r.stages.map((s) => [s.name, s.cached]));
    const first = await translateProgram({ entry, target: 'linux-x86_64', outDir: join(base, 's1'), cacheDir: cache });
    expect(cachedness(first)).toMatchObject({ annotate: false, rtype: false, genc: false, compile: false });
    // another word order and another OS: the whole-program stages are reused, only compile runs
    for (const target of ['linux-s390x', 'windows-x86_64']) {
      const other = await translateProgram({ entry, target, outDir: join(base, `s-${target}`), cacheDir: cache });
      expect(cachedness(other), target).toMatchObject({ annotate: true, rtype: true, genc: true, compile: false });
    }
    // the recipe's settings: -O0, -g and an extra flag reach the C compiler, and only compile reruns
    const settings = { opt: 0 as const, debugInfo: true, cflags: ['-DPYVM_SETTINGS_TEST=1'] };
    const debug = await translateProgram({ entry, target: 'linux-x86_64', outDir: join(base, 's2'), cacheDir: cache, settings });
    expect(cachedness(debug)).toMatchObject({ annotate: true, rtype: true, genc: true, compile: false });
    expect(debug.cflags.compile).toEqual(expect.arrayContaining(['-O0', '-g', '-DPYVM_SETTINGS_TEST=1']));
    expect(debug.cflags.compile).not.toContain('-O2');
    const sections = (bin: string) => spawnSync('readelf', ['-S', '-W', bin], { encoding: 'utf8' }).stdout;
    expect(sections(debug.binary)).toContain('.debug_info');
    expect(sections(first.binary)).not.toContain('.debug_info');
    expect(spawnSync(debug.binary, [], { encoding: 'utf8' }).stdout).toBe(spawnSync(first.binary, [], { encoding: 'utf8' }).stdout);
  });

  it('gives the same C from cached flow graphs as from fresh ones (NaN, Infinity, -0 included)', async () => {
    const fixture = join(HERE, 'fixtures', 'constants.ts');
    const cache = join(base, 'flowcache');
    const fresh = await translateProgram({ entry: fixture, target: 'linux-x86_64', outDir: join(base, 'f1'), cacheDir: cache });
    for (const stage of ['annotate', 'rtype', 'genc', 'compile']) rmSync(join(cache, stage), { recursive: true, force: true });
    const again = await translateProgram({ entry: fixture, target: 'linux-x86_64', outDir: join(base, 'f2'), cacheDir: cache });
    const flow = again.stages.find((s) => s.name === 'flow')!;
    expect(flow.cached).toBe(true);
    expect(readFileSync(again.binary)).toEqual(readFileSync(fresh.binary));
    expect(spawnSync(again.binary, [], { encoding: 'utf8' }).stdout).toBe('Infinity -Infinity -Infinity NaN 1.5 -Infinity NaN 0.5\n');
  });
});
