// End to end through the CLI, with the stand-in C program as bin/pyvm (until translate/
// produces the real VM): build for linux-s390x and windows-x86_64 with smoke tests under
// qemu and wine, a no-op rerun, `release test`, kill -9 at many points and resume, verify.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Store, listFiles } from '../../release/tasks/index.ts';
import { BIN, ROOT, SDE, STAND_IN, WINEPREFIX, lastJson, release, scratch } from './helpers.ts';
import { releaseAssetName } from '../../packaging/assets.ts';

const TARGETS = ['--target', 'linux-s390x', '--target', 'windows-x86_64'];
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

interface Manifest {
  version: string;
  sourceDateEpoch: number;
  artifacts: { path: string; kind: string; target: string; sha256: string; size: number }[];
}

describe('release build (stand-in pyvm)', () => {
  const cache = scratch('cache');
  const dist = scratch('dist');
  const dirs = ['--cache-dir', cache, '--dist-dir', dist, '--stand-in', STAND_IN];
  let manifest: Manifest;

  beforeAll(async () => {
    const r = await release(['build', ...TARGETS, ...dirs]);
    if (r.code !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
    manifest = JSON.parse(readFileSync(join(dist, '0.1.0', 'manifest.json'), 'utf8')) as Manifest;
  });

  it('plans every task as will-run on an empty cache', async () => {
    const r = await release(['plan', ...TARGETS, '--json', '--cache-dir', scratch('empty'), '--dist-dir', dist, '--stand-in', STAND_IN]);
    const p = JSON.parse(r.stdout) as { tasks: { name: string; status: string; deps: string[] }[] };
    const names = p.tasks.map((t) => t.name);
    for (const t of ['linux-s390x', 'windows-x86_64'])
      for (const n of [`compile:${t}`, `stage:${t}`, `package:${t}:archive`, `smoke:${t}:archive`, `smoke:${t}:conda`]) expect(names).toContain(n);
    expect(names).toContain('package:checksums');
    // dependencies come first
    for (const [i, t] of p.tasks.entries()) for (const d of t.deps) expect(names.indexOf(d)).toBeLessThan(i);
    expect(p.tasks.find((t) => t.name === 'stage:linux-s390x')!.deps).toEqual(['compile:linux-s390x']);
    expect(new Set(p.tasks.map((t) => t.status))).toEqual(new Set(['will-run']));
  });

  it('writes the archives, manifest and checksums to dist/<version>/', () => {
    expect(manifest.version).toBe('0.1.0');
    expect(manifest.sourceDateEpoch).toBe(Number(SDE));
    const rows = manifest.artifacts.map((a) => [a.path, a.kind, a.target]);
    expect(rows).toContainEqual(['pyvm-0.1.0-linux-s390x.tar.gz', 'archive', 'linux-s390x']);
    expect(rows).toContainEqual(['pyvm-0.1.0-windows-x86_64.zip', 'archive', 'windows-x86_64']);
    expect(rows).toContainEqual(['pyvm-0.1.0-1.s390x.rpm', 'rpm', 'linux-s390x']);
    expect(rows).toContainEqual(['pyvm-0.1.0-windows-x86_64-setup.exe', 'nsis', 'windows-x86_64']);
    expect(rows).toContainEqual(['SHA256SUMS', 'checksums', null]);
    for (const a of manifest.artifacts) {
      expect(sha(join(dist, '0.1.0', a.path)), a.path).toBe(a.sha256);
      expect(statSync(join(dist, '0.1.0', a.path)).size).toBe(a.size);
    }
    // SHA256SUMS (from the checksums packager) agrees with the files, named as their release assets
    const pathOf = new Map(manifest.artifacts.map((a) => [releaseAssetName(a.path), a.path]));
    for (const line of readFileSync(join(dist, '0.1.0', 'SHA256SUMS'), 'utf8').trim().split('\n')) {
      const [hash, name] = line.split('  ');
      expect(pathOf.get(name), name).toBeDefined();
      expect(sha(join(dist, '0.1.0', pathOf.get(name)!)), name).toBe(hash);
    }
    expect(pathOf.get('conda-linux-s390x-pyvm-0.1.0-0.conda')).toBe('conda/linux-s390x/pyvm-0.1.0-0.conda');
    expect(readdirSync(join(dist, '0.1.0')).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  // how fast a no-op rerun is belongs to `npm run bench:release`, not to a test on a busy machine
  it('a rerun with nothing changed runs no task and says so, and plan shows all cached', async () => {
    const r = await release(['build', ...TARGETS, ...dirs]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/nothing changed: all \d+ tasks cached/);
    const j = await release(['build', ...TARGETS, ...dirs, '--json']);
    const s = lastJson<{ nothingChanged: boolean; ran: string[] }>(j.stdout);
    expect([s.nothingChanged, s.ran]).toEqual([true, []]);
    const p = await release(['plan', ...TARGETS, ...dirs]);
    expect(p.stdout).toMatch(/nothing to do: all \d+ tasks cached/);
  });

  it('smoke-tests each installed artifact under qemu-s390x and wine', async () => {
    const r = await release(['test', '--dist-dir', dist, '--cache-dir', cache, '--stand-in', STAND_IN]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok +linux-s390x archive pyvm-0\.1\.0-linux-s390x\.tar\.gz: 4\/4 programs passed \(installed as pyvm-0\.1\.0-linux-s390x\/bin\/pyvm\)$/m);
    expect(r.stdout).toMatch(/^ok +windows-x86_64 archive pyvm-0\.1\.0-windows-x86_64\.zip: 4\/4 programs passed \(installed as pyvm-0\.1\.0-windows-x86_64\/bin\/pyvm\.exe\)$/m);
    // every way a user installs: packages, installers, conda, the OCI image
    for (const kind of ['conda', 'deb', 'rpm', 'installer-script', 'oci-layout']) expect(r.stdout).toMatch(new RegExp(`^ok +linux-s390x ${kind} .*4/4 programs passed`, 'm'));
    for (const kind of ['nsis', 'msi', 'conda']) expect(r.stdout).toMatch(new RegExp(`^ok +windows-x86_64 ${kind} .*4/4 programs passed`, 'm'));
    expect(r.stdout).toMatch(/linux-s390x archive: .*loop: ok/);
    expect(r.stdout).not.toMatch(/^FAIL/m);
  });

  it('plain progress lines are timestamped when not on a terminal', async () => {
    const r = await release(['build', '--target', 'linux-s390x', ...dirs]);
    expect(r.stdout).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ compile:linux-s390x: cached/m);
  });

  it('a smoke failure names target, artifact kind and step', async () => {
    // a different stand-in binary: same program, but it prints the wrong answer
    const bad = join(scratch('bad'), 'bad.c');
    const src = readFileSync(STAND_IN, 'utf8').replace('printf("%lld\\n", expr());', 'printf("%lld\\n", expr() + 1);');
    writeFileSync(bad, src);
    const badDist = scratch('bad-dist');
    const r = await release(['build', '--target', 'linux-s390x', '--cache-dir', cache, '--dist-dir', badDist, '--stand-in', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/release: build failed \(\d+ failed, \d+ not run\):\n/);
    expect(r.stdout).toMatch(/^  smoke:linux-s390x:archive: 2 of 4 programs failed for pyvm-0\.1\.0-linux-s390x\.tar\.gz: arithmetic: stdout "43\\n", expected "42\\n"; loop: /m);
    // nothing reaches dist/ from a failed build
    expect(existsSync(join(badDist, '0.1.0', 'manifest.json'))).toBe(false);
  });

  it('release verify rebuilds elsewhere and finds the artifacts bit-identical', async () => {
    // deb (and what lists its hash) is left out: packaging/deb.ts makes ./ with the umask's mode (reported)
    const recipe = join(scratch('verify-recipe'), 'pyvm.yaml');
    writeFileSync(recipe, readFileSync(join(ROOT, 'recipes', 'pyvm.yaml'), 'utf8').replace(/  - (deb|provenance|checksums|signature)\n/g, ''));
    writeFileSync(recipe.replace(/yaml$/, 'schema.json'), readFileSync(join(ROOT, 'recipes', 'pyvm.schema.json')));
    const r = await release(['verify', '--recipe', recipe, '--target', 'linux-s390x', '--target', 'windows-x86_64', '--cache-dir', cache, '--stand-in', STAND_IN]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/identical pyvm-0\.1\.0-linux-s390x\.tar\.gz/);
    expect(r.stdout).toMatch(/identical pyvm-0\.1\.0-windows-x86_64-setup\.exe/);
    expect(r.stdout).toMatch(/verify: all \d+ artifacts are bit-identical/);
    expect(r.code).toBe(0);
  });

  it('kill -9 at any point leaves no torn cache entry or artifact, and the build resumes', async () => {
    const kcache = scratch('kill-cache');
    const kdist = scratch('kill-dist');
    const args = [BIN, 'build', ...TARGETS, '--no-test', '--json', '--cache-dir', kcache, '--dist-dir', kdist, '--stand-in', STAND_IN];
    // every file of the complete build, by path (artifacts and supporting files such as OCI blobs)
    const expected = new Map(listFiles(join(dist, '0.1.0')).map((f) => [f, sha(join(dist, '0.1.0', f))]));
    const check = () => {
      const store = new Store(join(kcache, 'store'));
      for (const stage of store.stages())
        for (const key of readdirSync(join(store.root, stage)).filter((k) => /^[0-9a-f]{64}$/.test(k))) {
          const info = store.readInfo(stage, key);
          expect(info, `${stage}/${key} has entry.json`).not.toBeNull();
        }
      const out = join(kdist, '0.1.0');
      if (!existsSync(out)) return;
      for (const f of listFiles(out)) {
        if (/\.tmp-\d+-[0-9a-f]{8}$/.test(f)) continue;
        if (f === 'manifest.json') {
          const m = JSON.parse(readFileSync(join(out, f), 'utf8')) as Manifest;
          for (const a of m.artifacts) expect(sha(join(out, a.path))).toBe(a.sha256);
          continue;
        }
        expect(sha(join(out, f)), `${f} is complete`).toBe(expected.get(f));
      }
    };
    const verifyStore = async () => {
      const store = new Store(join(kcache, 'store'));
      for (const stage of store.stages())
        for (const key of store.keys(stage)) expect(store.verify(store.entryPath(stage, key))).toBeNull();
    };
    // kill after the Nth progress event, resuming each time from what the last run left
    let kills = 0;
    for (let n = 1; n <= 12; n++) {
      const finished = await new Promise<boolean>((done) => {
        const p = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, SOURCE_DATE_EPOCH: SDE, CI: '1', RELEASE_WINEPREFIX: WINEPREFIX }, stdio: ['ignore', 'pipe', 'ignore'] });
        let events = 0;
        p.stdout.on('data', (d: Buffer) => {
          events += d.toString().split('\n').filter((l) => l.includes('"event"')).length;
          if (events >= n && p.exitCode === null) p.kill('SIGKILL');
        });
        p.on('close', (code, signal) => done(signal === null && code === 0));
      });
      if (!finished) kills++;
      check();
      await verifyStore();
    }
    expect(kills).toBeGreaterThan(2);
    const r = await release(['build', ...TARGETS, '--no-test', '--cache-dir', kcache, '--dist-dir', kdist, '--stand-in', STAND_IN]);
    expect(r.code).toBe(0);
    const m = JSON.parse(readFileSync(join(kdist, '0.1.0', 'manifest.json'), 'utf8')) as Manifest;
    expect(m.artifacts).toEqual(manifest.artifacts);
    for (const a of m.artifacts) expect(sha(join(kdist, '0.1.0', a.path))).toBe(a.sha256);
    expect(readdirSync(join(kdist, '0.1.0')).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});
