// The pure parts of publishing on in-memory fixtures: the three planners, asset names and
// content types, version order, release notes, progress lines, OCI references, GitHub config.

import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { join } from 'node:path';
import { planConda, planGithub, planOci } from '../../../release/publish/plan.ts';
import { assetName, compareVersions, contentType, findDist } from '../../../release/publish/assets.ts';
import { changelogSection, composeNotes, gatherNotes } from '../../../release/publish/notes.ts';
import { githubConfig, uploadOriginFor } from '../../../release/publish/github.ts';
import { parseOciRef } from '../../../release/publish/registry.ts';
import { formatBytes, transferMeter } from '../../../release/progress.ts';
import { UserError } from '../../../release/errors.ts';
import type { DesiredAsset, DesiredOci, DesiredRelease, ObservedAsset, ObservedRelease, OciManifest } from '../../../release/publish/types.ts';
import { REPO, scratch } from '../helpers.ts';

const h = (c: string) => c.repeat(64);
const asset = (name: string, sha: string, size = 10): DesiredAsset => ({ name, path: name, file: `/d/${name}`, size, sha256: sha, contentType: 'application/octet-stream' });
const desired: DesiredRelease = { tag: 'v1.0.0', title: 'pyvm 1.0.0', notes: 'n', prerelease: false, assets: [asset('a.tar.gz', h('a')), asset('b.zip', h('b')), asset('SHA256SUMS', h('c'))] };
const rel = (o: Partial<ObservedRelease> = {}): ObservedRelease => ({ id: 1, tag: 'v1.0.0', draft: true, immutable: false, uploadUrl: 'u', ...o });
const have = (name: string, sha: string | null, o: Partial<ObservedAsset> = {}): ObservedAsset => ({ id: name.length, name, size: 10, state: 'uploaded', sha256: sha, digestSource: 'api', ...o });
const types = (p: { actions: { type: string }[] }) => p.actions.map((a) => a.type);

describe('planGithub', () => {
  it('no release: create a draft, upload everything, publish', () => {
    const p = planGithub(desired, { release: null, duplicates: [], assets: [] }, 'gh');
    expect(types(p)).toEqual(['create-release', 'upload-asset', 'upload-asset', 'upload-asset', 'publish-release']);
    expect(p.refusal).toBeNull();
  });

  it('a published release with every asset intact: nothing to do', () => {
    const p = planGithub(desired, { release: rel({ draft: false }), duplicates: [], assets: [have('a.tar.gz', h('a')), have('b.zip', h('b')), have('SHA256SUMS', h('c'))] }, 'gh');
    expect(p.actions).toEqual([]);
    expect(p.upToDate.length).toBe(3);
  });

  it('a complete draft: only publish', () => {
    const p = planGithub(desired, { release: rel(), duplicates: [], assets: [have('a.tar.gz', h('a')), have('b.zip', h('b')), have('SHA256SUMS', h('c'))] }, 'gh');
    expect(types(p)).toEqual(['publish-release']);
  });

  it('deletes and re-uploads what is half-uploaded, of another size or hash, or unknown; deletes foreign assets', () => {
    const p = planGithub(
      desired,
      {
        release: rel({ draft: false }),
        duplicates: [rel({ id: 7 })],
        assets: [have('a.tar.gz', null, { state: 'open', size: 4 }), have('b.zip', h('x')), have('SHA256SUMS', null, { size: 11 }), have('extra.txt', h('e'))],
      },
      'gh',
    );
    expect(p.actions.map((a) => (a.type === 'delete-asset' ? `${a.type} ${a.name}: ${a.reason}` : a.type === 'upload-asset' ? `${a.type} ${a.asset.name}` : a.type))).toEqual([
      'delete-release',
      "delete-asset a.tar.gz: incomplete upload (state 'open')",
      `delete-asset b.zip: sha256 ${h('x').slice(0, 12)}…, expected ${h('b').slice(0, 12)}…`,
      'delete-asset SHA256SUMS: size 11 bytes, expected 10',
      'delete-asset extra.txt: not part of this release',
      'upload-asset a.tar.gz',
      'upload-asset b.zip',
      'upload-asset SHA256SUMS',
    ]);
    // same size, no digest and no download: not trusted
    const q = planGithub(desired, { release: rel({ draft: false }), duplicates: [], assets: [have('a.tar.gz', null), have('b.zip', h('b')), have('SHA256SUMS', h('c'))] }, 'gh');
    expect(q.actions.map((a) => (a.type === 'delete-asset' ? a.reason : a.type))).toEqual(['its sha256 could not be determined', 'upload-asset']);
  });

  it('an immutable published release: refused when anything differs, a no-op otherwise', () => {
    const ok = [have('a.tar.gz', h('a')), have('b.zip', h('b')), have('SHA256SUMS', h('c'))];
    const fine = planGithub(desired, { release: rel({ draft: false, immutable: true }), duplicates: [], assets: ok }, 'gh');
    expect([fine.actions, fine.refusal]).toEqual([[], null]);
    const bad = planGithub(desired, { release: rel({ draft: false, immutable: true }), duplicates: [], assets: ok.slice(1) }, 'gh');
    expect(bad.actions).toEqual([]);
    expect(bad.refusal).toMatch(/^release v1\.0\.0 is published and immutable: .* a\.tar\.gz: missing\. Publish a new version instead/);
  });
});

describe('planOci and planConda', () => {
  const m = (d: string, what: string): OciManifest => ({ digest: `sha256:${h(d)}`, size: 1, file: '', mediaType: 'x', what });
  const oci: DesiredOci = {
    blobs: [
      { digest: `sha256:${h('1')}`, size: 5, file: '', mediaType: 'l' },
      { digest: `sha256:${h('2')}`, size: 5, file: '', mediaType: 'c' },
    ],
    manifests: [m('3', 'linux/amd64'), m('4', 'index')],
    tags: [{ tag: '1.0.0', manifest: m('4', 'index') }, { tag: 'latest', manifest: m('4', 'index') }],
  };

  it('oci: only what the registry lacks, children before the index, moved tags', () => {
    const p = planOci(oci, { blobs: new Set([`sha256:${h('1')}`]), manifests: new Set([`sha256:${h('3')}`]), tags: new Map([['1.0.0', `sha256:${h('4')}`], ['latest', `sha256:${h('9')}`]]) }, 'r');
    expect(p.actions.map((a) => (a.type === 'upload-blob' ? a.blob.digest.slice(7, 8) : a.type === 'put-manifest' ? a.manifest.what : `${a.tag} was ${a.was?.slice(7, 8)}`))).toEqual(['2', 'index', 'latest was 9']);
    const all = planOci(oci, { blobs: new Set([`sha256:${h('1')}`, `sha256:${h('2')}`]), manifests: new Set([`sha256:${h('3')}`, `sha256:${h('4')}`]), tags: new Map([['1.0.0', `sha256:${h('4')}`], ['latest', `sha256:${h('4')}`]]) }, 'r');
    expect(all.actions).toEqual([]);
  });

  it('conda: copy new, re-index unindexed, refuse different bytes, make noarch exist', () => {
    const pkg = (fn: string, sha: string) => ({ subdir: 'linux-64', fn, file: `/d/${fn}`, sha256: sha, size: 1 });
    const pkgs = [pkg('p-1-0.conda', h('a')), pkg('p-1-0.tar.bz2', h('b'))];
    const empty = planConda(pkgs, { files: new Map(), indexed: new Map() }, 'c');
    expect(empty.actions.map((a) => (a.type === 'copy-package' ? a.pkg.fn : `${a.subdir}: ${a.reason}`))).toEqual([
      'p-1-0.conda',
      'p-1-0.tar.bz2',
      'linux-64: new packages',
      'noarch: the channel has no noarch/repodata.json',
    ]);
    const files = new Map([['linux-64', new Map([['p-1-0.conda', h('a')], ['p-1-0.tar.bz2', h('b')]])]]);
    const indexedBoth = new Map<string, Set<string> | null>([['linux-64', new Set(['p-1-0.conda', 'p-1-0.tar.bz2'])], ['noarch', new Set()]]);
    expect(planConda(pkgs, { files, indexed: indexedBoth }, 'c').actions).toEqual([]);
    const indexedOne = new Map<string, Set<string> | null>([['linux-64', new Set(['p-1-0.conda'])], ['noarch', new Set()]]);
    expect(types(planConda(pkgs, { files, indexed: indexedOne }, 'c'))).toEqual(['index-subdir']);
    const clash = planConda(pkgs, { files: new Map([['linux-64', new Map([['p-1-0.conda', h('z')]])]]), indexed: indexedBoth }, 'c');
    expect(clash.actions).toEqual([]);
    expect(clash.refusal).toContain('linux-64/p-1-0.conda (channel has sha256 zzzzzzzzzzzz…, dist has aaaaaaaaaaaa…)');
  });
});

describe('assets', () => {
  it('flat names, content types, version order', () => {
    expect(assetName('conda/linux-64/pyvm-0.1.0-0.conda')).toBe('conda-linux-64-pyvm-0.1.0-0.conda');
    expect(assetName('oci/blobs/sha256/0123')).toBe(null);
    // content types are declared by the packager of each kind
    expect(contentType('archive', 'x.tar.gz')).toBe('application/gzip');
    expect(contentType('archive', 'x.zip')).toBe('application/zip');
    expect(contentType('conda', 'x.tar.bz2')).toBe('application/x-bzip2');
    expect(contentType('signature', 'SHA256SUMS.minisig')).toBe('text/plain; charset=utf-8');
    expect(contentType('nsis', 'x.exe')).toBe('application/vnd.microsoft.portable-executable');
    expect(contentType('msi', 'x.msi')).toBe('application/x-msi');
    expect(contentType('no-such-kind', 'weird.bin')).toBe('application/octet-stream');
    expect(['1.10.0', '1.2.0', '1.2.0-rc.1', '0.9', '1.2.0-beta'].sort(compareVersions)).toEqual(['0.9', '1.2.0-beta', '1.2.0-rc.1', '1.2.0', '1.10.0']);
  });

  it('findDist picks the newest version (by version order, not by name) that has a manifest', () => {
    const root = scratch('dists');
    for (const v of ['0.9.0', '0.10.0', '0.11.0-rc1']) {
      mkdirSync(join(root, v));
      writeFileSync(join(root, v, 'manifest.json'), JSON.stringify({ name: 'pyvm', version: v, sourceDateEpoch: 0, artifacts: [] }));
    }
    mkdirSync(join(root, '0.12.0')); // a build killed before its manifest
    expect(findDist(root).manifest.version).toBe('0.11.0-rc1');
    expect(findDist(root, '0.9.0').manifest.version).toBe('0.9.0');
    expect(() => findDist(root, '2.0.0')).toThrow(/no build of version 2\.0\.0 .* built versions: 0\.9\.0, 0\.10\.0, 0\.11\.0-rc1/);
  });
});

describe('release notes', () => {
  const log = '# Changelog\n\n## Unreleased\n- wip\n\n## v1.2.0 (2026-01-02)\n\n### Added\n- jit\n\n## [1.1.0]\n- old\n';

  it('takes the version\'s CHANGELOG section, sub-headings included', () => {
    expect(changelogSection(log, '1.2.0')).toBe('### Added\n- jit');
    expect(changelogSection(log, '1.1.0')).toBe('- old');
    expect(changelogSection(log, '1.1')).toBeNull();
    const n = composeNotes({ name: 'pyvm', version: '1.2.0', changelog: '- jit', commits: null, previousTag: null, assets: [{ name: 'a.tar.gz', sha256: h('a') }] });
    expect(n).toBe(`- jit\n\n## Checksums (SHA-256)\n\n\`\`\`\n${h('a')}  a.tar.gz\n\`\`\`\n`);
  });

  it('else lists the commits since the previous tag', () => {
    const repo = scratch('notes-git');
    const git = (...a: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...a], { cwd: repo, stdio: 'pipe' });
    git('init', '-q');
    const commit = (msg: string) => {
      writeFileSync(join(repo, 'f'), msg);
      git('add', 'f');
      git('commit', '-q', '-m', msg);
    };
    commit('first');
    git('tag', 'v0.9.0');
    commit('second');
    git('tag', 'v1.1.0'); // newer than the release: not "previous"
    commit('third');
    const g = gatherNotes(repo, '1.0.0', 'v1.0.0');
    expect(g.previousTag).toBe('v0.9.0');
    expect(g.commits!.map((c) => c.replace(/ \([0-9a-f]+\)$/, ''))).toEqual(['third', 'second']);
    const n = composeNotes({ name: 'pyvm', version: '1.0.0', ...g, assets: [] });
    expect(n).toMatch(/^Changes since v0\.9\.0:\n\n- third \([0-9a-f]+\)\n- second/);
    expect(gatherNotes(scratch('no-git'), '1.0.0', 'v1.0.0')).toEqual({ changelog: null, commits: null, previousTag: null });
  });
});

describe('progress lines', () => {
  it('plain logs get a line per quarter; a live display every update', () => {
    let t = 0;
    const plain: string[] = [];
    const meter = transferMeter('plain', (l) => plain.push(l), () => t);
    for (let done = 0; done <= 100; done += 10) {
      t += 100;
      meter(done * 1024 * 1024, 100 * 1024 * 1024);
    }
    expect(plain).toEqual(['10 MiB of 100 MiB (10%), 100 MiB/s', '30 MiB of 100 MiB (30%), 100 MiB/s', '50 MiB of 100 MiB (50%), 100 MiB/s', '80 MiB of 100 MiB (80%), 100 MiB/s', '100 MiB of 100 MiB (100%), 100 MiB/s']);
    const tty: string[] = [];
    const live = transferMeter('tty', (l) => tty.push(l), () => t);
    for (const d of [0, 1, 2, 3]) live(d, 3);
    expect(tty.length).toBe(4);
    expect(formatBytes(1536)).toBe('1.5 KiB');
  });
});

describe('configuration', () => {
  it('GitHub: upload origin, repository and API URL from the environment', () => {
    expect(uploadOriginFor('https://api.github.com')).toBe('https://uploads.github.com');
    expect(uploadOriginFor('https://ghe.example.com/api/v3')).toBe('https://ghe.example.com/api/uploads');
    const c = githubConfig({ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'pyvm/pyvm.js', GITHUB_API_URL: 'https://ghe.example.com/api/v3/' });
    expect([c.owner, c.repo, c.apiUrl, c.writeIntervalMs]).toEqual(['pyvm', 'pyvm.js', 'https://ghe.example.com/api/v3', 1000]);
    expect(githubConfig({ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'a/b' }).apiUrl).toBe('https://api.github.com');
    for (const r of ['', 'pyvm', 'a/b/c', '-a/b', 'a/..'])
      expect(() => githubConfig({ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: r }), r).toThrow(UserError);
  });

  it('OCI references', () => {
    expect(parseOciRef('ghcr.io/pyvm/pyvm')).toEqual({ registry: 'ghcr.io', repository: 'pyvm/pyvm', tag: null, plainHttp: false });
    expect(parseOciRef('127.0.0.1:5000/pyvm:0.1.0')).toEqual({ registry: '127.0.0.1:5000', repository: 'pyvm', tag: '0.1.0', plainHttp: true });
    expect(parseOciRef('localhost/x').plainHttp).toBe(true);
    expect(parseOciRef('reg.example:443/x', true).plainHttp).toBe(true);
    expect(() => parseOciRef('pyvm/pyvm')).toThrow(/names no registry host/);
    expect(() => parseOciRef('ghcr.io/PyVM/pyvm')).toThrow(/invalid repository name 'PyVM\/pyvm'/);
    expect(() => parseOciRef('ghcr.io/pyvm@sha256:00')).toThrow(/names a digest/);
    expect(() => parseOciRef('https://ghcr.io/pyvm')).toThrow(/must not have a scheme/);
  });

  it('the release workflow publishes with release publish, after every build, with write access', () => {
    const wf = parse(readFileSync(join(REPO, '.github', 'workflows', 'release.yml'), 'utf8')) as {
      permissions: Record<string, string>;
      jobs: Record<string, { needs?: string[]; container?: string; steps: { uses?: string; run?: string; env?: Record<string, string>; with?: Record<string, unknown> }[] }>;
    };
    expect(wf.permissions).toEqual({ contents: 'write', packages: 'write' });
    const job = wf.jobs.publish;
    expect(job.needs).toEqual(Object.keys(wf.jobs).filter((j) => j.startsWith('build')));
    const step = job.steps.find((s) => s.run?.includes('bin/release.mjs publish'))!;
    expect(step.run).toBe('node bin/release.mjs publish --dist-dir artifacts/dist --oci-ref ghcr.io/pyvm/pyvm');
    expect(step.env).toEqual({ GITHUB_TOKEN: '${{ github.token }}' });
    // the same container as the build jobs (merge must regenerate the same bytes), git installed before the checkout
    expect(job.container).toBe(wf.jobs.build.container);
    expect(job.steps[0].run).toMatch(/apt-get install .*\bgit\b/);
    expect(job.steps[1]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
    expect(job.steps.some((s) => s.run?.startsWith('gh '))).toBe(false);
  });
});
