// The release workflow end to end, as CI runs it, for every target this machine builds: one
// `release build --target T` per target in its own directory (the build jobs), `release merge`
// of all of them (the publish job), then one `release publish` to the local GitHub (checked
// against the OpenAPI description), a real docker-registry and a conda channel directory that
// already holds another package. A second publish must change nothing anywhere.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TARGETS as TARGET_TABLE } from '../../../common/targets.ts';
import { release, scratch, STAND_IN } from '../helpers.ts';
import { FakeGithub } from './fake-github.ts';
import { hasRegistry, startRegistry, type LocalRegistry } from './local-registry.ts';
import { HANG_MS } from '../../limits.ts';

/** what a Linux machine builds: every target but the macOS ones (native macOS runners only) */
const TARGETS = TARGET_TABLE.filter((t) => t.os !== 'macos').map((t) => t.name);

interface Manifest {
  version: string;
  artifacts: { path: string; kind: string; target: string | null; sha256: string }[];
}

describe.runIf(hasRegistry)('build per target, merge, publish everywhere (stand-in pyvm, all Linux-buildable targets)', () => {
  const keys = scratch('e2e-keys');
  const merged = scratch('e2e-merged');
  const channel = scratch('e2e-channel');
  let github: FakeGithub;
  let registry: LocalRegistry;
  let manifest: Manifest;
  const signing = () => ({ PYVM_MINISIGN_SECRET_KEY_FILE: join(keys, 'k.key'), PYVM_MINISIGN_SECRET_KEY: '' });
  const publish = () =>
    release(['publish', '--dist-dir', merged, '--oci-ref', `${registry.host}/pyvm`, '--conda-channel', channel], { env: github.env(), timeoutMs: HANG_MS });

  beforeAll(async () => {
    execFileSync('minisign', ['-G', '-W', '-p', join(keys, 'k.pub'), '-s', join(keys, 'k.key')], { stdio: 'ignore' });
    const jobs: string[] = [];
    for (const t of TARGETS) {
      const dist = join(scratch(`e2e-job-${t}`), 'dist');
      const r = await release(['build', '--target', t, '--no-test', '--stand-in', STAND_IN, '--cache-dir', scratch(`e2e-cache-${t}`), '--dist-dir', dist], { env: signing() });
      if (r.code !== 0) throw new Error(`build ${t} failed:\n${r.stdout}\n${r.stderr}`);
      jobs.push(dist);
    }
    const m = await release(['merge', ...jobs, '--out', merged], { env: signing() });
    if (m.code !== 0) throw new Error(`merge failed:\n${m.stdout}\n${m.stderr}`);
    const [version] = readdirSync(merged);
    manifest = JSON.parse(readFileSync(join(merged, version, 'manifest.json'), 'utf8')) as Manifest;
    // a channel someone already publishes to: its package must survive the merge
    mkdirSync(join(channel, 'noarch'), { recursive: true });
    writeFileSync(
      join(channel, 'noarch', 'repodata.json'),
      JSON.stringify({ info: { subdir: 'noarch' }, packages: {}, 'packages.conda': { 'other-1.0-0.conda': { name: 'other', version: '1.0', build: '0', build_number: 0, depends: [], subdir: 'noarch' } }, repodata_version: 1 }),
    );
    writeFileSync(join(channel, 'noarch', 'other-1.0-0.conda'), 'not inspected by the merge');
    github = await new FakeGithub().start();
    registry = await startRegistry();
  });

  afterAll(async () => {
    registry?.stop();
    await github?.stop();
  });

  it('publishes every target, once, to GitHub, the registry and the channel; a re-run changes nothing', async () => {
    // the merged release holds every target's artifacts
    expect(new Set(manifest.artifacts.map((a) => a.target))).toEqual(new Set([...TARGETS, null]));

    const first = await publish();
    expect(first.stderr).toBe('');
    expect(first.code, first.stdout).toBe(0);

    // GitHub: one published release, exactly the dist's assets (the OCI layout ships as its archive)
    const rel = github.release(`v${manifest.version}`)!;
    expect(rel.draft).toBe(false);
    expect(github.undrafts).toBe(1);
    const want = new Map(manifest.artifacts.filter((a) => !a.path.startsWith('oci/')).map((a) => [a.path.split('/').join('-'), a.sha256]));
    const got = github.assetsOf(rel.id);
    expect(got.every((a) => a.state === 'uploaded')).toBe(true);
    expect(new Map(got.map((a) => [a.name, github.sha256(a)]))).toEqual(want);
    expect(rel.body).toContain('First release'); // this repository's CHANGELOG.md section for 0.1.0
    expect(github.violations).toEqual([]);

    // the registry: the merged image index, byte for byte, with one image per Linux architecture
    const layout = join(merged, manifest.version, 'oci');
    const top = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as { manifests: { digest: string; annotations?: Record<string, string> }[] };
    const indexDigest = top.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === manifest.version)!.digest;
    const raw = execFileSync('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${registry.host}/pyvm:${manifest.version}`]);
    expect(`sha256:${createHash('sha256').update(raw).digest('hex')}`).toBe(indexDigest);
    const archs = (JSON.parse(raw.toString()) as { manifests: { platform: { architecture: string } }[] }).manifests.map((m) => m.platform.architecture).sort();
    expect(archs).toEqual(['amd64', 'arm64', 'ppc64le', 's390x']);

    // the channel: the other package is still there, and pyvm is in every target's subdir
    const subdirs = readdirSync(channel).filter((d) => d !== 'noarch').sort();
    expect(subdirs).toEqual(['linux-64', 'linux-aarch64', 'linux-ppc64le', 'linux-s390x', 'win-64']);
    for (const s of subdirs) {
      const rd = JSON.parse(readFileSync(join(channel, s, 'repodata.json'), 'utf8')) as { 'packages.conda': Record<string, { name: string }> };
      expect(Object.values(rd['packages.conda']).map((p) => p.name), s).toContain('pyvm');
    }
    const noarch = JSON.parse(readFileSync(join(channel, 'noarch', 'repodata.json'), 'utf8')) as { 'packages.conda': Record<string, unknown> };
    expect(Object.keys(noarch['packages.conda'])).toContain('other-1.0-0.conda');

    // a re-run: nothing to do anywhere
    const fromGithub = github.log.length;
    const fromRegistry = registry.logSize();
    const again = await publish();
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(github.mutations(fromGithub)).toEqual([]);
    expect(registry.requests(fromRegistry).filter(([m]) => m !== 'HEAD' && m !== 'GET')).toEqual([]);
    expect(github.undrafts).toBe(1);
  });
});
