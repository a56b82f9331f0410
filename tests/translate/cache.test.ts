// The stage cache: a second translation reuses every stage, outputs are byte-identical
// across directories, a damaged entry (any byte of it, the transpiled modules included) is
// reported and recomputed rather than trusted, and a full disk is an error naming the path
// that leaves no torn entry or temp file behind.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { translateProgram } from '../../translate/driver.ts';
import { Store } from '../../common/store.ts';
import { listFiles } from '../../common/hash.ts';
import { onSmallDisk } from '../common/tmpfs.ts';
import { HERE } from './harness.ts';

const entry = join(HERE, 'fixtures', 'classes.ts');
const REPO = join(HERE, '..', '..');

/** The one file of a stage's first blob entry. */
const blobOf = (cache: string, stage: string): string => {
  const [key] = readdirSync(join(cache, stage)).filter((f) => !f.startsWith('.'));
  return join(cache, stage, key, 'files', 'blob');
};

/** Every entry of every stage verifies, and no temp file or unsealed folder is left. */
function expectIntact(cache: string): void {
  const store = new Store(cache);
  for (const stage of store.stages()) {
    const names = readdirSync(join(cache, stage));
    expect(names.filter((n) => n.startsWith('.')), `${stage} leftovers`).toEqual([]);
    for (const key of names) expect(store.verify(store.entryPath(stage, key)), `${stage}/${key}`).toBeNull();
  }
}

describe('translation cache and reproducibility', () => {
  const base = mkdtempSync(join(tmpdir(), 'test-translate-cache-'));
  const cacheA = join(base, 'cacheA');
  afterAll(() => rmSync(base, { recursive: true, force: true }));

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
    expect(readFileSync(blobOf(join(base, 'c1'), 'genc'))).toEqual(readFileSync(blobOf(join(base, 'c2'), 'genc')));
    // entries are byte-identical too, entry.json included
    expect(readFileSync(join(base, 'c1', 'genc', gencA[0], 'entry.json'))).toEqual(readFileSync(join(base, 'c2', 'genc', gencB[0], 'entry.json')));
    expect(readFileSync(a.binary)).toEqual(readFileSync(b.binary));
  });

  // genc's entry (the list of its C files) and one of the C files (stored one entry each)
  it.each([
    ['genc', 'out3'],
    ['c', 'out3c'],
  ])('recomputes a corrupt %s entry instead of trusting it, and says so', async (stage, out) => {
    const p = blobOf(cacheA, stage);
    const bytes = readFileSync(p);
    bytes[bytes.length >> 1] ^= 0x01;
    writeFileSync(p, bytes);
    const lines: string[] = [];
    const r = await translateProgram({ entry, target: 'linux-x86_64', outDir: join(base, out), cacheDir: cacheA, log: (l) => lines.push(l) });
    expect(r.stages.find((s) => s.name === 'genc')!.cached).toBe(false);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^cache: ${stage} entry [0-9a-f]{16} in .* is damaged \\(files/blob: sha256 mismatch\\): removed, rebuilding$`)));
    expect(readFileSync(r.binary)).toEqual(readFileSync(join(base, 'out1', 'classes')));
    expectIntact(cacheA);
  });

  it('verifies entry.json itself: a damaged one that still parses is rebuilt', async () => {
    const p = join(dirname(dirname(blobOf(cacheA, 'annotate'))), 'entry.json');
    writeFileSync(p, readFileSync(p, 'utf8').replace('"name"', '"naem"'));
    const lines: string[] = [];
    const r = await translateProgram({ entry, target: 'linux-x86_64', outDir: join(base, 'out4'), cacheDir: cacheA, log: (l) => lines.push(l) });
    expect(lines).toContainEqual(expect.stringMatching(/cache: annotate entry .* is damaged \(entry\.json does not match its seal\)/));
    expect(r.stages.find((s) => s.name === 'annotate')!.cached).toBe(false);
    expectIntact(cacheA);
  });

  it('rebuilds flipped and truncated transpiled modules (load-js) instead of failing every later load', async () => {
    const dir = join(cacheA, 'load-js');
    const [key] = readdirSync(dir).filter((f) => !f.startsWith('.'));
    const mjs = readdirSync(join(dir, key, 'files')).map((f) => join(dir, key, 'files', f));
    // a flipped byte in one module, a truncated other one
    const a = readFileSync(mjs[0]);
    a[Math.floor(a.length / 2)] ^= 0x20;
    writeFileSync(mjs[0], a);
    truncateSync(mjs[mjs.length - 1], 10);
    const lines: string[] = [];
    const r = await translateProgram({ entry, target: 'linux-x86_64', outDir: join(base, 'out5'), cacheDir: cacheA, log: (l) => lines.push(l) });
    expect(lines).toContainEqual(expect.stringMatching(/cache: load-js entry .* is damaged \(files\/[0-9a-f]{16}\.mjs: /));
    expect(readFileSync(r.binary)).toEqual(readFileSync(join(base, 'out1', 'classes')));
    expectIntact(cacheA);
  });

  it('loads from a cache moved to another directory: the transpiled modules import each other by relative name', async () => {
    const from = join(base, 'moved-from');
    const to = join(base, 'moved-to');
    const first = await translateProgram({ entry, target: 'linux-x86_64', outDir: join(base, 'out6'), cacheDir: from });
    renameSync(from, to);
    // without genc's entry the front end runs again, importing the modules from their new place
    rmSync(join(to, 'genc'), { recursive: true });
    const r = spawnSync(process.execPath, [join(REPO, 'bin', 'release.mjs'), 'translate', entry, '--target', 'linux-x86_64', '--out', join(base, 'out7'), '--cache', to], { cwd: REPO, encoding: 'utf8' });
    expect(r.stderr + r.stdout).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    expect(readFileSync(join(base, 'out7', 'classes'))).toEqual(readFileSync(first.binary));
  });

  it('sweeps the temp entries of dead writers', async () => {
    // what a writer killed by kill -9 leaves: a temp entry folder named by its (now dead) pid
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const left = join(cacheA, 'compile', `.tmp-${dead}-0123456789ab`);
    mkdirSync(join(left, 'files'), { recursive: true });
    writeFileSync(join(left, 'files', 'blob'), 'half');
    const r = await translateProgram({ entry, target: 'linux-x86_64', outDir: join(base, 'out6'), cacheDir: cacheA });
    expect(r.stages.every((s) => s.cached)).toBe(true);
    expect(existsSync(left)).toBe(false);
    expectIntact(cacheA);
  });

  it('a full disk is an error naming the path, leaving no torn entry and no temp file', () => {
    // the cache and the binary's folder on a tmpfs half the size a translation needs
    const need = listFiles(cacheA).length ? Number(spawnSync('du', ['-sb', cacheA], { encoding: 'utf8' }).stdout.split('\t')[0]) : 0;
    expect(need).toBeGreaterThan(100_000);
    const r = onSmallDisk(Math.floor(need / 2), (disk) => [process.execPath, join(REPO, 'bin', 'release.mjs'), 'translate', entry, '--cache', join(disk, 'cache'), '--out', join(disk, 'out')]);
    try {
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^release: error: no space left on device writing \S+\/disk\/cache\/\S+ \(\d[^)]* needed, \d[^)]* free\); nothing was published$/m);
      expect(r.stderr).not.toMatch(/internal error|    at /);
      expect(existsSync(join(r.copy, 'out'))).toBe(false);
      expectIntact(join(r.copy, 'cache'));
    } finally {
      rmSync(dirname(r.copy), { recursive: true, force: true });
    }
  });

  it("says 'is a directory' for a folder given as the entry", () => {
    const r = spawnSync(process.execPath, [join(REPO, 'bin', 'release.mjs'), 'translate', join(HERE, 'fixtures'), '--cache', join(base, 'dircache')], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/error\[E_ENTRY\]: .*entry module \S+fixtures is a directory; give its entry file/);
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
