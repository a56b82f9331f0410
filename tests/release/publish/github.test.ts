// `release publish` against a local GitHub (fake-github.ts) that checks every request and
// response against GitHub's OpenAPI description. A fresh fake per test; one built dist per file.
// Each fault is followed by a re-run that must change nothing, and the end state must be
// exactly the dist's assets, each with the right sha256, published once.

import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { publishCommand } from '../../../release/publish/index.ts';
import { StepError, UserError } from '../../../release/errors.ts';
import { BIN, ROOT, SDE, release, scratch } from '../helpers.ts';
import { FakeGithub } from './fake-github.ts';
import { buildDist, capture, type BuiltDist } from './fixture.ts';

const execFileAsync = promisify(execFile);

let dist: BuiltDist;
/** a project root with a CHANGELOG.md for the notes */
let project: string;
const fakes: FakeGithub[] = [];

beforeAll(async () => {
  dist = await buildDist();
  project = scratch('publish-project');
  writeFileSync(join(project, 'CHANGELOG.md'), '# Changelog\n\n## [0.2.0] - 2026-01-01\n\n- later\n\n## [0.1.0] - 2025-12-01\n\n- First release: a stand-in pyvm.\n\n## [0.0.1]\n\n- never shipped\n');
});

afterEach(async () => {
  for (const f of fakes.splice(0)) {
    await f.stop();
    expect(f.violations, 'requests and responses not matching the OpenAPI description').toEqual([]);
  }
});

async function fake(o: ConstructorParameters<typeof FakeGithub>[0] = {}): Promise<FakeGithub> {
  const f = await new FakeGithub(o).start();
  fakes.push(f);
  return f;
}

interface Run {
  code: number;
  text: string;
  error: Error | null;
}

/** `release publish` in-process, with the CLI's error handling (user error -> its exit code, failed step -> 1). */
async function publish(f: FakeGithub, values: Record<string, unknown> = {}, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const c = capture();
  try {
    const code = await publishCommand({ 'dist-dir': dist.root, ...values }, c.out, f.env(env), project);
    return { code, text: c.text(), error: null };
  } catch (e) {
    if (e instanceof UserError) return { code: e.exitCode, text: `${c.text()}\n${e.message}`, error: e };
    if (e instanceof StepError) return { code: 1, text: `${c.text()}\n${e.task}: ${e.message}\n${e.detail}`, error: e };
    throw e;
  }
}

/** names of the upload requests, in order */
const uploadedNames = (f: FakeGithub) => f.log.filter((e) => e.op === 'repos/upload-release-asset').map((e) => new URL(e.path, 'http://x').searchParams.get('name'));

/** What the release must hold: every artifact outside the OCI layout directory, flattened. */
function expectedAssets(): Map<string, string> {
  return new Map(dist.manifest.artifacts.filter((a) => !a.path.startsWith('oci/')).map((a) => [a.path.split('/').join('-'), a.sha256]));
}

/** The end state every scenario must reach. */
function expectPublished(f: FakeGithub, undrafts = 1) {
  const tag = `v${dist.version}`;
  const rels = f.releases.filter((r) => r.tag_name === tag);
  expect(rels.length, 'one release for the tag').toBe(1);
  expect(rels[0].draft).toBe(false);
  expect(f.undrafts, 'published exactly once').toBe(undrafts);
  const got = f.assetsOf(rels[0].id);
  expect(got.map((a) => a.state)).toEqual(got.map(() => 'uploaded'));
  expect(new Map(got.map((a) => [a.name, f.sha256(a)]))).toEqual(expectedAssets());
  return rels[0];
}

async function expectNoOpRerun(f: FakeGithub) {
  const from = f.log.length;
  const r = await publish(f);
  expect(r.code, r.text).toBe(0);
  expect(r.text).toContain('nothing to do');
  expect(f.mutations(from)).toEqual([]);
}

describe('the fake GitHub', () => {
  it('flags requests and responses that GitHub\'s OpenAPI description does not allow', async () => {
    const f = await fake();
    const api = `${f.apiUrl}/repos/pyvm/pyvm`;
    const headers = { authorization: `token ${f.token}`, 'content-type': 'application/json' };
    await fetch(`${api}/releases`, { method: 'POST', headers, body: JSON.stringify({ tag_name: 5 }) });
    await fetch(`${api}/releases`, { method: 'POST', headers, body: JSON.stringify({ tag_name: 'v1', draftt: true }) });
    await fetch(`${api}/releases/abc`, { headers });
    await fetch(`${api}/releases/100/assets?name=x`, { method: 'POST', headers, body: 'data' }); // the upload endpoint on the API origin
    f.seed({ tag_name: 'v2', name: 42 as unknown as string }); // a response with a number where the spec says string
    await fetch(`${api}/releases`, { headers });
    expect(f.violations).toEqual([
      'repos/create-release: request body: /tag_name must be string',
      'repos/create-release: 201 response: /tag_name must be string; /name must be string',
      "repos/create-release: request body property 'draftt' is not in the spec",
      "repos/get-release: path parameter release_id='abc' is not an integer",
      'repos/upload-release-asset was sent to the api origin; the spec serves it from uploads',
      expect.stringMatching(/^repos\/list-releases: 200 response: \/0\/name must be string/),
    ]);
    f.violations.length = 0;
  });
});

describe('release publish to GitHub', () => {
  it('creates a draft, uploads and verifies every asset on the upload origin, then publishes once', async () => {
    const f = await fake();
    const r = await publish(f);
    expect(r.code, r.text).toBe(0);
    const rel = expectPublished(f);
    expect(rel.name).toBe(`pyvm ${dist.version}`);
    // the notes: the CHANGELOG section for this version only, then the checksums of the assets
    expect(rel.body).toContain('- First release: a stand-in pyvm.');
    expect(rel.body).not.toContain('later');
    expect(rel.body).not.toContain('never shipped');
    for (const [name, hash] of expectedAssets()) expect(rel.body).toContain(`${hash}  ${name}`);
    // a draft first, assets into it, the undraft last
    const muts = f.mutations();
    expect(muts[0].op).toBe('repos/create-release');
    expect(muts[0].json).toMatchObject({ tag_name: `v${dist.version}`, draft: true, prerelease: false });
    expect(muts.at(-1)!.op).toBe('repos/update-release');
    expect(muts.at(-1)!.json).toMatchObject({ draft: false });
    expect(muts.filter((m) => m.op === 'repos/update-release').length).toBe(1);
    const uploads = f.log.filter((e) => e.op === 'repos/upload-release-asset');
    expect(uploads.length).toBe(expectedAssets().size);
    expect(new Set(uploads.map((u) => u.origin))).toEqual(new Set(['uploads']));
    // content types
    const types = new Map(f.assetsOf(rel.id).map((a) => [a.name, a.content_type]));
    expect(types.get('pyvm-0.1.0-linux-x86_64.tar.gz')).toBe('application/gzip');
    expect(types.get('conda-linux-64-pyvm-0.1.0-0.tar.bz2')).toBe('application/x-bzip2');
    expect(types.get('conda-linux-s390x-pyvm-0.1.0-0.conda')).toBe('application/zip');
    expect(types.get('conda-linux-64-repodata.json')).toBe('application/json');
    expect(types.get('SHA256SUMS')).toMatch(/^text\/plain/);
    expect(types.get('SHA256SUMS.minisig')).toMatch(/^text\/plain/);
    expect(types.get('pyvm_0.1.0_amd64.deb')).toBe('application/vnd.debian.binary-package');
    expect(types.get('pyvm-0.1.0-1.s390x.rpm')).toBe('application/x-rpm');
    expect(types.get('pyvm-0.1.0-oci.tar')).toBe('application/x-tar');
    expect(types.get('pyvm-0.1.0-linux-s390x.spdx.json')).toBe('application/spdx+json');
    // the plan was printed, with progress lines per upload
    expect(r.text).toMatch(/create draft release v0\.1\.0 "pyvm 0\.1\.0"/);
    expect(r.text).toMatch(/github:upload:pyvm-0\.1\.0-linux-x86_64\.tar\.gz: {3}\d.* of .* \(100%\), .*\/s/);
    expect(r.text).toMatch(/verified sha256 [0-9a-f]{16}… \(GitHub's digest\)/);
    await expectNoOpRerun(f);
  });

  it("a user who downloads the release's assets into one folder verifies every one: sha256sum -c SHA256SUMS, then minisign -V", async () => {
    const f = await fake();
    expect((await publish(f)).code).toBe(0);
    // as `gh release download` does it: list the release's assets, download each by its API URL
    const dir = scratch('user-download');
    const auth = `Authorization: Bearer ${f.token}`;
    // curl runs asynchronously: the fake GitHub answers from this process
    const curl = (args: string[]) => execFileAsync('curl', ['-sSfL', '-H', auth, ...args], { encoding: 'utf8' }).then((r) => r.stdout);
    const repo = `${f.apiUrl}/repos/${f.owner}/${f.repo}`;
    const releases = JSON.parse(await curl([`${repo}/releases`])) as { id: number; tag_name: string }[];
    const rel = releases.find((r) => r.tag_name === `v${dist.version}`)!;
    const assets = JSON.parse(await curl([`${repo}/releases/${rel.id}/assets?per_page=100`])) as { name: string; url: string }[];
    for (const a of assets) await curl(['-H', 'Accept: application/octet-stream', '-o', join(dir, a.name), a.url]);
    expect(readdirSync(dir).sort()).toEqual([...expectedAssets().keys()].sort());

    const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    expect([check.status, check.stderr]).toEqual([0, '']);
    const lines = check.stdout.trim().split('\n');
    expect(lines.filter((l) => !l.endsWith(': OK'))).toEqual([]);
    // every asset but the checksums and their signature is listed, the conda packages included
    const listed = lines.map((l) => l.replace(/: OK$/, '')).sort();
    expect(listed).toEqual(readdirSync(dir).filter((n) => !['SHA256SUMS', 'SHA256SUMS.minisig', 'minisign.pub'].includes(n)).sort());
    expect(listed).toContain(`conda-linux-64-pyvm-${dist.version}-0.conda`);

    const sig = spawnSync('minisign', ['-V', '-p', 'minisign.pub', '-m', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    expect([sig.status, sig.stdout]).toEqual([0, expect.stringContaining('Signature and comment signature verified')]);
  });

  it('--dry-run prints the plan and makes no mutating request', async () => {
    const f = await fake();
    const r = await publish(f, { 'dry-run': true });
    expect(r.code, r.text).toBe(0);
    expect(f.mutations()).toEqual([]);
    expect(f.releases).toEqual([]);
    expect(r.text).toContain('create draft release v0.1.0');
    expect(r.text.match(/^ {2}upload /gm)!.length).toBe(expectedAssets().size);
    expect(r.text).toContain('publish v0.1.0 (draft -> published)');
    expect(r.text).toMatch(/dry run: \d+ actions planned; nothing was changed/);
    // the JSON form carries the same plan
    const j = await publish(f, { 'dry-run': true, json: true });
    const plan = JSON.parse(j.text.split('\n')[0]) as { plans: { publisher: string; actions: string[] }[] };
    expect(plan.plans[0].publisher).toBe('github');
    expect(plan.plans[0].actions.length).toBe(expectedAssets().size + 2);
    expect(f.mutations()).toEqual([]);
  });

  it('reconciles a published release holding a wrong, a half-uploaded and a foreign asset, without publishing again', async () => {
    const f = await fake();
    const file = (name: string) => readFileSync(join(dist.dir, dist.manifest.artifacts.find((a) => a.path.split('/').join('-') === name)!.path));
    const names = [...expectedAssets().keys()];
    const tarball = file('pyvm-0.1.0-linux-x86_64.tar.gz');
    const corrupt = Buffer.from(tarball);
    corrupt[corrupt.length - 10] ^= 0xff; // same size, other bytes
    f.seed({ tag_name: 'v0.1.0', draft: false }, [
      ...names.filter((n) => !['pyvm-0.1.0-linux-x86_64.tar.gz', 'install.sh', 'SHA256SUMS'].includes(n)).map((n) => ({ name: n, data: file(n) })),
      { name: 'pyvm-0.1.0-linux-x86_64.tar.gz', data: corrupt },
      { name: 'install.sh', data: file('install.sh').subarray(0, 100), state: 'open' as const },
      { name: 'notes.txt', data: Buffer.from('not ours') },
      // SHA256SUMS missing
    ]);
    const r = await publish(f);
    expect(r.code, r.text).toBe(0);
    expect(r.text).toMatch(/delete asset pyvm-0\.1\.0-linux-x86_64\.tar\.gz \(\d+\): sha256 [0-9a-f]{12}…, expected/);
    expect(r.text).toMatch(/delete asset install\.sh \(\d+\): incomplete upload \(state 'open'\)/);
    expect(r.text).toMatch(/delete asset notes\.txt \(\d+\): not part of this release/);
    expect(uploadedNames(f).sort()).toEqual(['SHA256SUMS', 'install.sh', 'pyvm-0.1.0-linux-x86_64.tar.gz']);
    expectPublished(f, 0); // it was published already: no undraft
    await expectNoOpRerun(f);
  });

  it('hashes assets by downloading them when GitHub sends no digest (older servers)', async () => {
    const f = await fake({ digests: false });
    const r = await publish(f);
    expect(r.code, r.text).toBe(0);
    expectPublished(f);
    const n = expectedAssets().size;
    // each upload verified by a download through the API's redirect to the download host
    expect(f.log.filter((e) => e.origin === 'objects' && e.status === 200).length).toBe(n);
    expect(r.text).toMatch(/verified sha256 [0-9a-f]{16}… \(downloaded\)/);
    const before = f.log.length;
    await expectNoOpRerun(f);
    expect(f.log.slice(before).filter((e) => e.op === 'repos/get-release-asset' && e.status === 302).length).toBe(n);
  });

  it('refuses to touch a published immutable release whose assets differ, and changes nothing', async () => {
    const f = await fake();
    f.seed({ tag_name: 'v0.1.0', draft: false, immutable: true }, [{ name: 'pyvm-0.1.0-linux-x86_64.tar.gz', data: Buffer.from('old bytes') }]);
    const r = await publish(f);
    expect(r.code).toBe(1);
    expect((r.error as UserError).code).toBe('release-immutable');
    expect(r.text).toMatch(/release v0\.1\.0 is published and immutable: GitHub locks the assets of an immutable release once it is published, and these differ from dist\/: pyvm-0\.1\.0-linux-x86_64\.tar\.gz: size 9 bytes, expected \d+; SHA256SUMS: missing/);
    expect(r.text).toContain('nothing was changed');
    expect(f.mutations()).toEqual([]);
  });

  it('an immutable release published with the right assets is a no-op on re-runs', async () => {
    const f = await fake({ immutableOnPublish: true });
    expect((await publish(f)).code).toBe(0);
    expect(expectPublished(f).immutable).toBe(true);
    await expectNoOpRerun(f);
  });

  it('removes duplicate drafts for the tag and publishes one release', async () => {
    const f = await fake();
    f.seed({ tag_name: 'v0.1.0' }, [{ name: 'SHA256SUMS', data: readFileSync(join(dist.dir, 'SHA256SUMS')) }]);
    f.seed({ tag_name: 'v0.1.0' }, [{ name: 'junk', data: Buffer.from('x') }]);
    // more releases than one page holds: the drafts (oldest, listed last) are on page 2
    for (let i = 0; i < 120; i++) f.seed({ tag_name: `v0.0.${i}`, draft: false });
    const r = await publish(f);
    expect(r.code, r.text).toBe(0);
    expect(r.text).toMatch(/delete draft release \d+: a second draft for v0\.1\.0/);
    expectPublished(f);
    expect(f.releases.length).toBe(121);
    expect(f.log.filter((e) => e.op === 'repos/list-releases' && e.path.includes('page=2')).length).toBeGreaterThan(0);
    // the oldest draft was kept: its correct asset was not uploaded again
    expect(uploadedNames(f)).not.toContain('SHA256SUMS');
    await expectNoOpRerun(f);
  });
});

describe('release publish under faults', () => {
  it('5xx on create, before and after GitHub made the release, ends with one release', async () => {
    const f = await fake();
    f.faults = [
      { op: 'repos/create-release', kind: 'status', status: 502 },
      { op: 'repos/create-release', kind: 'status-after', status: 500 },
    ];
    const r = await publish(f);
    expect(r.code, r.text).toBe(0);
    expect(f.log.filter((e) => e.op === 'repos/create-release').map((e) => e.status)).toEqual([502, 500]);
    expect(r.text).toMatch(/found release \d+; using it/);
    expectPublished(f);
    await expectNoOpRerun(f);
  });

  it('a connection dropped in the middle of an upload: the half-written asset is replaced', async () => {
    const f = await fake();
    f.faults = [{ op: 'repos/upload-release-asset', kind: 'drop-body', when: (q) => q.query.get('name') === 'pyvm-0.1.0-oci.tar' }];
    const r = await publish(f);
    expect(r.code, r.text).toBe(0);
    expect(r.text).toMatch(/GitHub holds pyvm-0\.1\.0-oci\.tar with incomplete upload \(state 'open'\); deleting it/);
    expect(f.log.filter((e) => e.op === 'repos/upload-release-asset' && e.path.includes('pyvm-0.1.0-oci.tar')).length).toBe(2);
    expect(f.log.filter((e) => e.op === 'repos/delete-release-asset').length).toBe(1);
    expectPublished(f);
    await expectNoOpRerun(f);
  });

  it('422 already_exists on upload, with the asset stored (answer lost) or not stored', async () => {
    const f = await fake();
    f.faults = [
      // stored, but the answer never arrives: the retry finds it complete and keeps it
      { op: 'repos/upload-release-asset', kind: 'drop-response', when: (q) => q.query.get('name') === 'install.sh' },
      // GitHub says it exists though nothing is there: upload again
      { op: 'repos/upload-release-asset', kind: 'already-exists', when: (q) => q.query.get('name') === 'install.ps1' },
    ];
    const r = await publish(f);
    expect(r.code, r.text).toBe(0);
    const uploads = (name: string) => f.log.filter((e) => e.op === 'repos/upload-release-asset' && new URL(e.path, 'http://x').searchParams.get('name') === name);
    expect(uploads('install.sh').length).toBe(1); // complete on GitHub, verified, not re-sent
    expect(uploads('install.ps1').map((e) => e.status)).toEqual([422, 201]);
    expect(f.log.filter((e) => e.op === 'repos/delete-release-asset')).toEqual([]);
    expectPublished(f);
    await expectNoOpRerun(f);
  });

  it('waits out rate limits (403 with x-ratelimit-remaining: 0, 429 with retry-after)', async () => {
    const f = await fake();
    f.faults = [
      { op: 'repos/list-releases', kind: 'rate-limit' },
      { op: 'repos/upload-release-asset', kind: 'secondary-rate-limit', when: (q) => q.query.get('name') === 'SHA256SUMS' },
      { op: 'repos/update-release', kind: 'rate-limit' },
    ];
    const r = await publish(f);
    expect(r.code, r.text).toBe(0);
    expect(f.log.filter((e) => e.fault).map((e) => [e.op, e.status])).toEqual([
      ['repos/list-releases', 403],
      ['repos/upload-release-asset', 429],
      ['repos/update-release', 403],
    ]);
    expect(r.text).toMatch(/github: rate limit reached \(GET .*\/releases/);
    expect(r.text).toMatch(/github: secondary rate limit \(POST .*\/releases\/\d+\/assets/);
    expectPublished(f);
    await expectNoOpRerun(f);
  });

  it('a process killed between uploads: the next run finishes the release', async () => {
    const f = await fake();
    const child = spawn(process.execPath, [BIN, 'publish', '--dist-dir', dist.root], {
      cwd: ROOT,
      env: { ...process.env, SOURCE_DATE_EPOCH: SDE, CI: '1', ...f.env() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    f.once('uploaded', () => child.kill('SIGKILL'));
    const [code, signal] = await new Promise<[number | null, string | null]>((r) => child.on('close', (c, s) => r([c, s])));
    expect([code, signal], output).toEqual([null, 'SIGKILL']);
    const draft = f.release('v0.1.0')!;
    expect(draft.draft).toBe(true);
    const left = f.assetsOf(draft.id);
    expect(left.length).toBeGreaterThan(0);
    expect(left.length).toBeLessThan(expectedAssets().size);
    expect(f.undrafts).toBe(0);
    const again = await release(['publish', '--dist-dir', dist.root], { env: f.env() });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expectPublished(f);
    await expectNoOpRerun(f);
  });
});

describe('release publish: user mistakes', () => {
  const noTrace = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);
  const env = { GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'pyvm/pyvm', GITHUB_API_URL: 'http://127.0.0.1:9/api/v3' };

  it('help lists the flags and the environment it reads', async () => {
    const h = await release(['publish', '--help']);
    expect(h.code).toBe(0);
    for (const s of ['--dry-run', '--oci-ref', '--conda-channel', '--version', 'GITHUB_TOKEN', 'GITHUB_REPOSITORY', 'GITHUB_API_URL']) expect(h.stdout).toContain(s);
    expect((await release(['--help'])).stdout).toMatch(/^ {2}publish +publish dist/m);
  });

  it('a missing token, a bad GITHUB_REPOSITORY or GITHUB_API_URL, no build, a bad flag: exit 2 with what is valid', async () => {
    const dd = ['--dist-dir', dist.root];
    const a = await release(['publish', ...dd], { env: { ...env, GITHUB_TOKEN: '' } });
    expect([a.code, a.stderr]).toEqual([2, expect.stringMatching(/^release: error: GITHUB_TOKEN is not set: .*contents.*--no-github/)]);
    const b = await release(['publish', ...dd], { env: { ...env, GITHUB_REPOSITORY: 'pyvm' } });
    expect([b.code, b.stderr]).toEqual([2, "release: error: GITHUB_REPOSITORY must be owner/name, e.g. pyvm/pyvm; got 'pyvm'\n"]);
    const c = await release(['publish', ...dd], { env: { ...env, GITHUB_API_URL: 'api.github.com' } });
    expect([c.code, c.stderr]).toEqual([2, expect.stringContaining('GITHUB_API_URL must be an http(s) URL such as https://api.github.com')]);
    const d = await release(['publish', '--dist-dir', scratch('empty-dist')], { env });
    expect([d.code, d.stderr]).toEqual([2, expect.stringMatching(/^release: error: nothing to publish: .* holds no <version>\/manifest\.json \(run 'release build --target T' first/)]);
    const e = await release(['publish', ...dd, '--version', '9.9.9'], { env });
    expect([e.code, e.stderr]).toEqual([2, expect.stringContaining(`no build of version 9.9.9 in ${dist.root}; built versions: 0.1.0`)]);
    const f = await release(['publish', '--draft'], { env });
    expect([f.code, f.stderr]).toEqual([2, "release: error: unknown option '--draft' for 'publish' (see 'release publish --help')\n"]);
    const g = await release(['publish', ...dd, '--no-github', '--oci-ref', 'pyvm/pyvm'], { env });
    expect([g.code, g.stderr]).toEqual([2, expect.stringContaining("--oci-ref 'pyvm/pyvm' names no registry host")]);
    const h = await release(['publish', ...dd, '--no-github'], { env });
    expect([h.code, h.stderr]).toEqual([2, expect.stringContaining('--no-github leaves nothing to publish to')]);
    for (const r of [a, b, c, d, e, f, g, h]) noTrace(r.stderr);
  });

  it('a rejected token or an unreachable API is explained, exit 1', async () => {
    const f = await fake();
    const r = await publish(f, {}, { GITHUB_TOKEN: 'wrong' });
    expect(r.code).toBe(1);
    expect(r.text).toMatch(/GitHub rejected GITHUB_TOKEN while trying to list the releases \(401: Bad credentials/);
    // a port nothing listens on
    const port = await new Promise<number>((r) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as AddressInfo).port;
        s.close(() => r(p));
      });
    });
    const api = `http://127.0.0.1:${port}/api/v3`;
    const u = await release(['publish', '--dist-dir', dist.root], { env: { ...env, GITHUB_API_URL: api, RELEASE_GITHUB_RETRY_BASE_MS: '1' } });
    expect(u.code).toBe(1);
    expect(u.stderr).toContain(`release: error: cannot reach GitHub at ${api} to list the releases (`);
    expect(u.stderr).toContain('check GITHUB_API_URL and the network');
    noTrace(u.stderr);
  });
});
