// What a careful user does to a build (issue 18): damages cache entries, fills the disk, runs
// two builds at once, rebuilds over an older dist/, leaves killed builds' scratch folders,
// and kills builds at 20 random points. Each time the build must say what happened, publish
// nothing half-done, and leave the cache, dist/ and $TMPDIR clean for the rerun.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Store, listFiles } from '../../release/tasks/index.ts';
import { onSmallDisk } from '../common/tmpfs.ts';
import { BIN, ROOT, SDE, STAND_IN, WINEPREFIX, lastJson, release, scratch } from './helpers.ts';

const T = ['--target', 'linux-x86_64'];
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const TEMP_FILE = /(^|\/)\.[^/]+\.tmp-\d+-[0-9a-f]{8}$/;

/** Every complete entry of the store verifies (entry.json's seal and every file). */
function expectStoreIntact(cache: string): void {
  const store = new Store(join(cache, 'store'));
  for (const stage of store.stages())
    for (const key of store.keys(stage)) expect(store.verify(store.entryPath(stage, key)), `${stage}/${key}`).toBeNull();
}

/** Every blob of dist's OCI layout is reachable from its index.json. */
function ociBlobs(dir: string): { present: string[]; referenced: string[] } {
  const blob = (d: string) => join(dir, 'oci', 'blobs', 'sha256', d.replace(/^sha256:/, ''));
  const referenced = new Set<string>();
  const index = JSON.parse(readFileSync(join(dir, 'oci', 'index.json'), 'utf8')) as { manifests: { digest: string }[] };
  const walk = (doc: { manifests?: { digest: string }[]; config?: { digest: string }; layers?: { digest: string }[] }): void => {
    for (const d of [...(doc.config ? [doc.config] : []), ...(doc.layers ?? [])]) referenced.add(d.digest.slice(7));
    for (const m of doc.manifests ?? []) {
      referenced.add(m.digest.slice(7));
      walk(JSON.parse(readFileSync(blob(m.digest), 'utf8')) as typeof doc);
    }
  };
  walk(index);
  return { present: readdirSync(join(dir, 'oci', 'blobs', 'sha256')).sort(), referenced: [...referenced].sort() };
}

/** tsx (which runs bin/release.mjs) keeps its transpile cache in $TMPDIR/tsx-UID: a cache, not a leftover. */
const notTsx = (name: string) => !/^tsx-\d+$/.test(name);

/** A pid that is surely dead: a process that has exited. */
const deadPid = () => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);

describe('release build under faults', () => {
  const cache = scratch('faults-cache');
  const dist = scratch('faults-dist');
  const tmp = scratch('faults-tmp');
  const env = { TMPDIR: tmp };
  const dirs = ['--cache-dir', cache, '--dist-dir', dist, '--stand-in', STAND_IN];
  let reference: string;

  beforeAll(async () => {
    const r = await release(['build', ...T, '--no-test', ...dirs], { env });
    if (r.code !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
    reference = readFileSync(join(dist, '0.1.0', 'manifest.json'), 'utf8');
  });

  it('a damaged task entry (an entry.json that still parses, a flipped output byte) is reported and rebuilt', async () => {
    const store = new Store(join(cache, 'store'));
    const conda = store
      .keys('package')
      .map((k) => store.entryPath('package', k))
      .find((d) => readFileSync(join(d, 'entry.json'), 'utf8').includes('\\"depends\\"'))!;
    writeFileSync(join(conda, 'entry.json'), readFileSync(join(conda, 'entry.json'), 'utf8').replace('\\"depends\\"', '\\"depeods\\"'));
    const stage = store.entryPath('stage', store.keys('stage')[0]);
    const readme = join(stage, 'files', listFiles(join(stage, 'files')).find((f) => f.endsWith('/README'))!);
    const bytes = readFileSync(readme);
    bytes[3] ^= 1;
    writeFileSync(readme, bytes);
    const r = await release(['build', ...T, '--no-test', ...dirs], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ package:linux-x86_64:conda: cache entry package\/[0-9a-f]{16} is damaged \(entry\.json does not match its seal\): removed, rebuilding$/m);
    expect(r.stdout).toMatch(/ stage:linux-x86_64: cache entry stage\/[0-9a-f]{16} is damaged \(files\/\S+\/README: sha256 mismatch\): removed, rebuilding$/m);
    expect(r.stdout).toMatch(/built 2 tasks/);
    expect(readFileSync(join(dist, '0.1.0', 'manifest.json'), 'utf8')).toBe(reference);
    expect(readFileSync(join(dist, '0.1.0', 'conda', 'linux-64', 'repodata.json'), 'utf8')).not.toContain('depeods');
    expectStoreIntact(cache);
  });

  it('a full disk while copying into dist/ names the path and what it needed, and publishes nothing', () => {
    const r = onSmallDisk(
      600_000,
      (disk) => [process.execPath, BIN, 'build', ...T, '--no-test', '--cache-dir', cache, '--dist-dir', disk, '--stand-in', STAND_IN],
      { SOURCE_DATE_EPOCH: SDE, CI: '1', TMPDIR: tmp },
    );
    try {
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /^release: error: no space left on device writing \S+\/disk\/0\.1\.0\/\S+ \(\d[^)]* needed, \d[^)]* free\); nothing was published: \S+\/disk\/0\.1\.0\/manifest\.json was not updated/m,
      );
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(existsSync(join(r.copy, '0.1.0', 'manifest.json'))).toBe(false);
      expect(listFiles(r.copy).filter((f) => TEMP_FILE.test(f))).toEqual([]);
    } finally {
      rmSync(dirname(r.copy), { recursive: true, force: true });
    }
  });

  it('a full disk while building fails the task naming the path, leaves no torn entry, and publishes nothing', () => {
    // room for the compiled stand-in, not for the staged tree after it
    const store = new Store(join(cache, 'store'));
    const bin = store.entryPath('compile', store.keys('compile')[0]);
    const size = listFiles(bin).reduce((n, f) => n + readFileSync(join(bin, f)).length, 0);
    const out = scratch('full-dist');
    const r = onSmallDisk(
      size + 300_000,
      (disk) => [process.execPath, BIN, 'build', ...T, '--no-test', '--cache-dir', disk, '--dist-dir', out, '--stand-in', STAND_IN],
      { SOURCE_DATE_EPOCH: SDE, CI: '1', TMPDIR: tmp },
    );
    try {
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/FAILED after [\d.]+s: no space left on device writing \S+\/disk\/store\/\S+ \(/);
      expect(r.stdout).toMatch(/^nothing was published: \S+ is as it was$/m);
      expect(r.stdout + r.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(existsSync(join(out, '0.1.0'))).toBe(false);
      expectStoreIntact(r.copy);
      for (const s of readdirSync(join(r.copy, 'store'))) expect(readdirSync(join(r.copy, 'store', s)).filter((n) => n.startsWith('.')), s).toEqual([]);
    } finally {
      rmSync(dirname(r.copy), { recursive: true, force: true });
    }
  });

  it('two builds in one checkout: the second waits, naming the first, then finds its work done', async () => {
    const c = scratch('two-cache');
    const d = scratch('two-dist');
    const args = [BIN, 'build', ...T, '--no-test', '--cache-dir', c, '--dist-dir', d, '--stand-in', STAND_IN];
    const opts = { cwd: ROOT, env: { ...process.env, SOURCE_DATE_EPOCH: SDE, CI: '1', RELEASE_WINEPREFIX: WINEPREFIX, TMPDIR: tmp } };
    const run = (onLine?: (l: string) => void) => {
      const p = spawn(process.execPath, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
      const res = { stdout: '', stderr: '', code: null as number | null, pid: p.pid! };
      p.stdout.on('data', (b: Buffer) => {
        res.stdout += b;
        onLine?.(b.toString());
      });
      p.stderr.on('data', (b: Buffer) => (res.stderr += b));
      return { res, done: new Promise<typeof res>((ok) => p.on('close', (code) => ok(Object.assign(res, { code })))) };
    };
    let second: ReturnType<typeof run> | undefined;
    let firstDone!: Promise<{ stdout: string; stderr: string; code: number | null; pid: number }>;
    const started = new Promise<void>((ok) => {
      // the header comes after the lock is taken: the first build holds it from then on
      const first = run((text) => {
        if (!second && /: \d+ of \d+ tasks to run/.test(text)) {
          second = run();
          ok();
        }
      });
      firstDone = first.done;
    });
    await started;
    const [a, b] = await Promise.all([firstDone, second!.done]);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/built \d+ tasks \(0 cached\)/);
    expect(b.stderr).toMatch(new RegExp(`^release: waiting for pid ${a.pid} \\(release build --target linux-x86_64 --no-test .*, running since \\S+\\) to finish: it holds ${c}/build\\.lock$`, 'm'));
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/nothing changed: all \d+ tasks cached/);
    expect(existsSync(join(c, 'build.lock'))).toBe(false);
  });

  it('rebuilding into an existing dist/<v>/ leaves no stale OCI blobs or other files of the old build', async () => {
    const d = scratch('rebuild-dist');
    const first = await release(['build', ...T, '--no-test', '--cache-dir', cache, '--dist-dir', d, '--stand-in', STAND_IN], { env });
    expect(first.code).toBe(0);
    const before = ociBlobs(join(d, '0.1.0'));
    expect(before.present).toEqual(before.referenced);
    // another program as pyvm: a new binary, so new layers and manifests
    const other = join(scratch('other'), 'other.c');
    writeFileSync(other, readFileSync(STAND_IN, 'utf8').replace('die("too many names")', 'die("too many variables")'));
    const r = await release(['build', ...T, '--no-test', '--cache-dir', cache, '--dist-dir', d, '--stand-in', other], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/removed \d+ files of the previous build/);
    const after = ociBlobs(join(d, '0.1.0'));
    expect(after.present).toEqual(after.referenced);
    expect(after.present).not.toEqual(before.present);
    // nothing in dist/<v>/ but the manifest's artifacts and the files they need
    const manifest = JSON.parse(readFileSync(join(d, '0.1.0', 'manifest.json'), 'utf8')) as { artifacts: { path: string }[] };
    const needed = new Set(['manifest.json', 'oci/oci-layout', ...manifest.artifacts.map((a) => a.path), ...after.present.map((b) => `oci/blobs/sha256/${b}`)]);
    expect(listFiles(join(d, '0.1.0')).filter((f) => !needed.has(f))).toEqual([]);
  });

  it("sweeps $TMPDIR of dead processes' scratch folders, keeping live ones and anything not ours", async () => {
    const t = scratch('sweep-tmp');
    const dead = deadPid();
    const ours = [`rts-cc-p${dead}-Ab12Cd`, `release-pkg-p${dead}-x9Y8z7`, `release-smoke-linux-x86_64-p${dead}-QwErTy`, `release-translate-p${dead}-000000`];
    const kept = [`release-pkg-p${process.pid}-aaaaaa`, 'release-notes-bbbbbb', `rts-cc-cccccc`, 'someone-elses-p1-dddddd'];
    for (const n of [...ours, ...kept]) mkdirSync(join(t, n, 'pyvm-install.XXXX'), { recursive: true });
    const r = await release(['targets'], { env: { TMPDIR: t } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(readdirSync(t).filter(notTsx).sort()).toEqual([...kept].sort());
  });

  it('kill -9 at 20 random points: every rerun resumes, the cache verifies, $TMPDIR keeps nothing of dead builds', async () => {
    // a smaller recipe (one package of each way to install that smoke tests exercise) keeps each kill cheap
    const recipe = join(scratch('kill-recipe'), 'pyvm.yaml');
    writeFileSync(recipe, readFileSync(join(ROOT, 'recipes', 'pyvm.yaml'), 'utf8').replace(/  - (nsis|msi|deb|rpm|sbom|provenance|signature)\n/g, ''));
    writeFileSync(join(dirname(recipe), 'pyvm.schema.json'), readFileSync(join(ROOT, 'recipes', 'pyvm.schema.json')));
    const kcache = scratch('kill-cache');
    const kdist = scratch('kill-dist');
    const ktmp = scratch('kill-tmp');
    const refDist = scratch('kill-ref');
    const args = (d: string) => [BIN, 'build', ...T, '--json', '--recipe', recipe, '--cache-dir', kcache, '--dist-dir', d, '--stand-in', STAND_IN];
    const spawnEnv = { ...process.env, SOURCE_DATE_EPOCH: SDE, CI: '1', RELEASE_WINEPREFIX: WINEPREFIX, TMPDIR: ktmp };

    /** Runs a build; with killAt, kills its whole process group at that progress event (plus a random delay). */
    const build = (d: string, killAt?: { events: number; delayMs: number }) =>
      new Promise<{ killed: boolean; code: number | null; pid: number; events: number; stdout: string }>((done) => {
        const p = spawn(process.execPath, args(d), { cwd: ROOT, env: spawnEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
        let events = 0;
        let stdout = '';
        let killed = false;
        p.stdout.on('data', (b: Buffer) => {
          stdout += b;
          events += b.toString().split('\n').filter((l) => l.includes('"event"')).length;
          if (killAt && !killed && events >= killAt.events) {
            killed = true;
            setTimeout(() => {
              try {
                process.kill(-p.pid!, 'SIGKILL');
              } catch {
                /* already gone */
              }
            }, killAt.delayMs);
          }
        });
        p.stderr.resume();
        p.on('close', (code, signal) => done({ killed: signal === 'SIGKILL', code, pid: p.pid!, events, stdout }));
      });

    // the reference: one uninterrupted build with smoke tests, from an empty cache
    const ref = await build(refDist);
    expect(ref.code, ref.stdout).toBe(0);
    const refFiles = new Map(listFiles(join(refDist, '0.1.0')).map((f) => [f, sha(join(refDist, '0.1.0', f))]));
    const ours = /^(?:rts|release|pyvm)-(?:[A-Za-z0-9_.]+-)*p(\d+)-[A-Za-z0-9]{6}$/;
    const resetWork = () => {
      // new work for the next kills: the packages and smoke tests run again
      for (const s of ['package', 'smoke']) rmSync(join(kcache, 'store', s), { recursive: true, force: true });
      rmSync(kdist, { recursive: true, force: true });
    };
    resetWork();

    // a fixed seed: a failure names the point, and the same points are tried again
    let seed = 0x5eed18;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let kills = 0;
    let completed = 0;
    // 20 kills; a run that finishes before its kill point is checked too, and its work reset
    for (let round = 1; kills < 20; round++) {
      expect(completed, 'runs finished before their kill point').toBeLessThan(20);
      const point = { events: 1 + Math.floor((random() * ref.events) / 2), delayMs: Math.floor(random() * 800) };
      const r = await build(kdist, point);
      const where = `round ${round}, killed at event ${point.events} + ${point.delayMs} ms`;
      if (r.killed) kills++;
      else {
        completed++;
        expect(r.code, `${where}: ${r.stdout}`).toBe(0);
        resetWork();
      }
      // the cache: every complete entry verifies
      expectStoreIntact(kcache);
      // dist/: whatever is there under a final name is complete (the reference's bytes)
      const out = join(kdist, '0.1.0');
      if (existsSync(out))
        for (const f of listFiles(out)) if (!TEMP_FILE.test(f)) expect(sha(join(out, f)), `${where}: ${f}`).toBe(refFiles.get(f));
      // $TMPDIR: only this last run's folders may be left (each run sweeps the dead ones before it)
      for (const n of readdirSync(ktmp).filter(notTsx)) expect([n, ours.exec(n)?.[1]], where).toEqual([n, String(r.pid)]);
    }

    // the rerun: resumes, gives the reference release, and leaves $TMPDIR empty
    const last = await build(kdist);
    expect(last.code, last.stdout).toBe(0);
    expect(lastJson<{ ok: boolean }>(last.stdout).ok).toBe(true);
    expect(new Map(listFiles(join(kdist, '0.1.0')).map((f) => [f, sha(join(kdist, '0.1.0', f))]))).toEqual(refFiles);
    expectStoreIntact(kcache);
    expect(readdirSync(ktmp).filter(notTsx)).toEqual([]);
  });
});
