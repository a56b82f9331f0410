// `release merge` end to end through the CLI, with the stand-in C program as bin/pyvm: three
// per-target builds made apart (own cache, own dist, as the release workflow's jobs are)
// merged into one release must be, file for file, what one build of the three targets writes.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { listFiles } from '../../release/tasks/index.ts';
import { BIN, ROOT, STAND_IN, release, lastJson, scratch } from './helpers.ts';

// the host, a qemu target with an OCI image, and Windows (zip, nsis, msi, no image)
const TARGETS = ['linux-x86_64', 'linux-s390x', 'windows-x86_64'];
const V = '0.1.0';
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const noTrace = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

/** Every file below dir with its sha256, sorted by path: the whole content of a release. */
const contents = (dir: string) => listFiles(dir).map((f) => [f, sha(join(dir, f))]);

interface Manifest {
  name: string;
  version: string;
  sourceDateEpoch: number;
  artifacts: { path: string; kind: string; target: string | null; sha256: string; size: number; extra?: Record<string, string> }[];
}
const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

describe('release merge (stand-in pyvm)', () => {
  const keys = scratch('merge-keys');
  /** signs like a build with a key in its environment; the other runs have none */
  const signed = { PYVM_MINISIGN_SECRET_KEY_FILE: join(keys, 'k.key'), PYVM_MINISIGN_SECRET_KEY: '' };
  const unsigned = { PYVM_MINISIGN_SECRET_KEY_FILE: '', PYVM_MINISIGN_SECRET_KEY: '' };
  /** per target: the --dist-dir root of its own build */
  const inputs: Record<string, string> = {};
  /** one build of all targets, signed and not */
  const whole = scratch('merge-whole');
  const wholeSigned = scratch('merge-whole-signed');
  const merged = scratch('merge-out');

  const merge = (args: string[], env: NodeJS.ProcessEnv = unsigned) => release(['merge', ...args], { env });
  const allInputs = () => TARGETS.map((t) => inputs[t]);
  /** a copy of a target's input, to damage or alter */
  const copyOf = (t: string, name: string) => {
    const d = join(scratch(name), 'dist');
    cpSync(inputs[t], d, { recursive: true });
    return d;
  };

  beforeAll(async () => {
    execFileSync('minisign', ['-G', '-W', '-p', join(keys, 'k.pub'), '-s', join(keys, 'k.key')], { stdio: 'ignore' });
    const build = async (targets: string[], dist: string, cache: string, env: NodeJS.ProcessEnv) => {
      const r = await release(['build', ...targets.flatMap((t) => ['--target', t]), '--no-test', '--stand-in', STAND_IN, '--cache-dir', cache, '--dist-dir', dist], { env });
      if (r.code !== 0) throw new Error(`build ${targets.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
    };
    // the per-target builds sign their own SHA256SUMS: the merge must replace all of that
    for (const t of TARGETS) {
      inputs[t] = join(scratch(`merge-job-${t}`), 'dist');
      await build([t], inputs[t], scratch(`merge-cache-${t}`), signed);
    }
    const cache = scratch('merge-cache-whole');
    await build(TARGETS, whole, cache, unsigned);
    await build(TARGETS, wholeSigned, cache, signed);
  });

  it('merging separate per-target builds gives the bytes of one build of all targets', async () => {
    const r = await merge([...allInputs(), '--out', merged], signed);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^merged 3 builds \(linux-x86_64, linux-s390x, windows-x86_64\) into .*: 35 artifacts, wrote \d+ files/m);
    const m = manifestOf(join(merged, V));
    // not vacuous: every target and every release-wide kind is there
    expect(new Set(m.artifacts.map((a) => a.target))).toEqual(new Set([...TARGETS, null]));
    for (const kind of ['installer-script', 'conda-repodata', 'oci-layout', 'provenance', 'checksums', 'signature'])
      expect(m.artifacts.some((a) => a.kind === kind && a.target === null), kind).toBe(true);
    expect(contents(join(merged, V))).toEqual(contents(join(wholeSigned, V)));
    // each job's own release-wide files describe only its target; none of them survived
    for (const t of TARGETS)
      for (const f of ['SHA256SUMS', 'SHA256SUMS.minisig', 'manifest.json', 'oci/index.json', 'pyvm-0.1.0.intoto.json'])
        if (existsSync(join(inputs[t], V, f))) expect(sha(join(inputs[t], V, f)), `${t} ${f}`).not.toBe(sha(join(merged, V, f)));
    // the merged signature verifies with the public key that signed it
    execFileSync('minisign', ['-V', '-q', '-p', join(keys, 'k.pub'), '-m', join(merged, V, 'SHA256SUMS')]);
  });

  it('a second merge of the same inputs changes nothing', async () => {
    const before = contents(join(merged, V));
    const mtime = statSync(join(merged, V, 'manifest.json')).mtimeMs;
    const r = await merge([...allInputs(), '--out', merged, '--json'], signed);
    expect(r.code).toBe(0);
    const s = lastJson<{ nothingChanged: boolean; written: string[]; targets: string[] }>(r.stdout);
    expect([s.nothingChanged, s.written, s.targets]).toEqual([true, [], TARGETS]);
    expect(contents(join(merged, V))).toEqual(before);
    expect(statSync(join(merged, V, 'manifest.json')).mtimeMs).toBe(mtime);
  });

  it('the same target from two inputs, built alike, counts once', async () => {
    const out = scratch('merge-twice');
    const r = await merge([...allInputs(), copyOf('linux-s390x', 'merge-s390x-again'), '--out', out]);
    expect(r.code).toBe(0);
    expect(contents(join(out, V))).toEqual(contents(join(whole, V)));
  });

  it('the release workflow downloads each job into its own directory, merges, then publishes the merge', async () => {
    const wf = parse(readFileSync(join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8')) as {
      jobs: { publish: { steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] } };
    };
    const steps = wf.jobs.publish.steps;
    const download = steps.findIndex((s) => s.uses?.startsWith('actions/download-artifact@'));
    const mergeStep = steps.findIndex((s) => s.run?.includes('release.mjs merge'));
    const publish = steps.findIndex((s) => s.run?.includes('release.mjs publish'));
    expect(download).toBeGreaterThan(-1);
    expect(steps[download].with).not.toHaveProperty('merge-multiple');
    expect(download < mergeStep && mergeStep < publish).toBe(true);
    // publish takes what merge wrote
    const out = /--out (\S+)/.exec(steps[mergeStep].run!)![1];
    expect(steps[publish].run).toContain(` --dist-dir ${out} `);
    expect(steps[publish].run).toContain('--oci-ref ghcr.io/pyvm/pyvm');
    // what download-artifact leaves (artifacts/dist-<target>/{dist/,build-<target>.json}), then
    // the step's own command line, run by a shell as the job does
    const job = scratch('merge-ci-job');
    for (const t of TARGETS) {
      cpSync(inputs[t], join(job, 'artifacts', `dist-${t}`, 'dist'), { recursive: true });
      writeFileSync(join(job, 'artifacts', `dist-${t}`, `build-${t}.json`), '{}\n');
    }
    const command = steps[mergeStep].run!.replace('node bin/release.mjs', `"${process.execPath}" "${BIN}"`);
    const r = spawnSync('sh', ['-c', command], { cwd: job, encoding: 'utf8', env: { ...process.env, ...unsigned } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(contents(join(job, out, V))).toEqual(contents(join(whole, V)));
  });

  it('a merged release passes release publish planning', async () => {
    const channel = scratch('merge-channel');
    const r = await release(['publish', '--dist-dir', merged, '--dry-run', '--no-github', '--conda-channel', channel]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const subdir of ['linux-64', 'linux-s390x', 'win-64']) expect(r.stdout).toContain(`copy ${subdir}/pyvm-0.1.0-0.conda`);
    expect(r.stdout).toMatch(/dry run: \d+ actions planned; nothing was changed/);
    expect(readdirSync(channel)).toEqual([]);
  });

  it('inputs of different versions or SOURCE_DATE_EPOCH are refused, naming each input and value', async () => {
    const other = copyOf('linux-s390x', 'merge-v2');
    renameSync(join(other, V), join(other, '0.2.0'));
    const m = manifestOf(join(other, '0.2.0'));
    writeFileSync(join(other, '0.2.0', 'manifest.json'), JSON.stringify({ ...m, version: '0.2.0' }, null, 2));
    const out = scratch('merge-refused');
    const r = await merge([inputs['linux-x86_64'], other, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `release: error: the inputs are not builds of one release: their version differs (${join(inputs['linux-x86_64'], V)}: 0.1.0; ${join(other, '0.2.0')}: 0.2.0); merge only per-target builds of the same commit\n`,
    );
    const epoch = copyOf('linux-s390x', 'merge-epoch');
    writeFileSync(join(epoch, V, 'manifest.json'), JSON.stringify({ ...manifestOf(join(epoch, V)), sourceDateEpoch: 1700000001 }, null, 2));
    const e = await merge([inputs['linux-x86_64'], epoch, '--out', out]);
    expect(e.code).toBe(2);
    expect(e.stderr).toMatch(/^release: error: the inputs are not builds of one release: their sourceDateEpoch differs \(.*: 1700000000; .*: 1700000001\)/);
    noTrace(r.stderr + e.stderr);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a damaged input is refused, naming the file: a listed artifact, an image layer, missing facts', async () => {
    const out = scratch('merge-damaged');
    const bad = copyOf('linux-s390x', 'merge-corrupt');
    const archive = join(bad, V, 'pyvm-0.1.0-linux-s390x.tar.gz');
    const bytes = readFileSync(archive);
    bytes[bytes.length >> 1] ^= 0xff;
    writeFileSync(archive, bytes);
    const r = await merge([inputs['linux-x86_64'], bad, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^release: error: ${join(bad, V)}: pyvm-0\\.1\\.0-linux-s390x\\.tar\\.gz has sha256 [0-9a-f]{64}, manifest\\.json says [0-9a-f]{64}; the input is damaged`));
    // the layer blob is not in the manifest, only named by the image manifest
    const layer = copyOf('linux-s390x', 'merge-corrupt-layer');
    const image = manifestOf(join(layer, V)).artifacts.find((a) => a.kind === 'oci-manifest')!;
    const digest = (JSON.parse(readFileSync(join(layer, V, image.path), 'utf8')) as { layers: { digest: string }[] }).layers[0].digest.slice(7);
    writeFileSync(join(layer, V, 'oci', 'blobs', 'sha256', digest), 'not the layer');
    const l = await merge([layer, '--out', out]);
    expect(l.code).toBe(1);
    expect(l.stderr).toContain(`release: error: ${join(layer, V)}: oci/blobs/sha256/${digest} has sha256 `);
    // a manifest without the facts the channel index is made from
    const bare = copyOf('linux-s390x', 'merge-no-facts');
    const bm = manifestOf(join(bare, V));
    for (const a of bm.artifacts) if (a.kind === 'conda') delete a.extra;
    writeFileSync(join(bare, V, 'manifest.json'), JSON.stringify(bm, null, 2));
    const b = await merge([bare, '--out', out]);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain(`release: error: ${join(bare, V)}: conda/linux-s390x/pyvm-0.1.0-0.conda has no subdir, format, index in manifest.json`);
    noTrace(r.stderr + l.stderr + b.stderr);
    expect(readdirSync(out)).toEqual([]);
  });

  it('two inputs giving one path different contents, or one target different artifacts, are refused', async () => {
    // a well-formed input (its manifest agrees with its files) from a different build of linux-s390x
    const other = copyOf('linux-s390x', 'merge-conflict');
    const sbom = 'pyvm-0.1.0-linux-s390x.spdx.json';
    writeFileSync(join(other, V, sbom), readFileSync(join(other, V, sbom), 'utf8').replace('"SPDX-2.3"', '"SPDX-2.3" '));
    const m = manifestOf(join(other, V));
    for (const a of m.artifacts) if (a.path === sbom) Object.assign(a, { sha256: sha(join(other, V, sbom)), size: statSync(join(other, V, sbom)).size });
    writeFileSync(join(other, V, 'manifest.json'), JSON.stringify(m, null, 2));
    const out = scratch('merge-conflict-out');
    const r = await merge([...allInputs(), other, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`^release: error: ${sbom.replace(/\./g, '\\.')} differs between the inputs \\(${join(inputs['linux-s390x'], V)}: linux-s390x sbom sha256 [0-9a-f]{64}; ${join(other, V)}: linux-s390x sbom sha256 [0-9a-f]{64}\\)`),
    );
    // the same target, one artifact fewer
    const fewer = copyOf('linux-s390x', 'merge-fewer');
    const f = manifestOf(join(fewer, V));
    writeFileSync(join(fewer, V, 'manifest.json'), JSON.stringify({ ...f, artifacts: f.artifacts.filter((a) => a.kind !== 'rpm') }, null, 2));
    const d = await merge([inputs['linux-s390x'], fewer, '--out', out]);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain(`release: error: linux-s390x was built in both ${join(inputs['linux-s390x'], V)} and ${join(fewer, V)}, differently (pyvm-0.1.0-1.s390x.rpm is in only one of them)`);
    noTrace(r.stderr + d.stderr);
    expect(readdirSync(out)).toEqual([]);
  });

  it('a merge stopped half-way leaves no manifest; the next run completes it', async () => {
    // an earlier, smaller release in the output, and an obstacle that stops the merge while it writes
    const out = scratch('merge-stopped');
    expect((await merge([inputs['linux-x86_64'], '--out', out])).code).toBe(0);
    const obstacle = join(out, V, 'pyvm_0.1.0_s390x.deb');
    mkdirSync(join(obstacle, 'in-the-way'), { recursive: true });
    const r = await merge([...allInputs(), '--out', out]);
    expect(r.code).not.toBe(0);
    const dir = join(out, V);
    expect(existsSync(join(dir, 'manifest.json'))).toBe(false);
    // it had got as far as replacing SHA256SUMS (sorted first) with the new release's
    expect(sha(join(dir, 'SHA256SUMS'))).toBe(sha(join(whole, V, 'SHA256SUMS')));
    // and nothing under a final name is torn: each file is the new release's, or the old one's
    const fresh = new Map(contents(join(whole, V)) as [string, string][]);
    for (const f of listFiles(dir).filter((x) => !x.includes('.tmp-') && !x.startsWith('pyvm_0.1.0_s390x.deb/')))
      expect(fresh.get(f) === sha(join(dir, f)) || f.startsWith('oci/blobs/'), f).toBe(true);
    rmSync(obstacle, { recursive: true });
    const again = await merge([...allInputs(), '--out', out]);
    expect(again.code).toBe(0);
    // an unlisted blob of the smaller release's image index stays behind, as after a build
    const left = contents(dir).filter(([f]) => !fresh.has(f));
    expect(left.map(([f]) => f).every((f) => f.startsWith('oci/blobs/sha256/'))).toBe(true);
    expect(contents(dir).filter(([f]) => fresh.has(f))).toEqual(contents(join(whole, V)));
    expect(manifestOf(dir)).toEqual(manifestOf(join(whole, V)));
  });

  it('help, and user mistakes as one-line errors (exit 2)', async () => {
    const h = await release(['merge', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/^usage: release merge DIST_DIR\.\.\. \[--out DIR\]/);
    expect((await release(['--help'])).stdout).toMatch(/^ {2}merge +combine the dist\/ of per-target builds/m);
    const none = await merge([]);
    expect([none.code, none.stderr]).toEqual([2, "release: error: 'release merge' needs the dist directories to merge: release merge DIST_DIR... [--out DIR]\n"]);
    const missing = await merge(['no/such/dist']);
    expect([missing.code, missing.stderr]).toEqual([2, 'release: error: no/such/dist is not a directory (release merge takes the dist/ roots of per-target builds)\n']);
    const notDist = await merge([join(inputs['linux-x86_64'], V)]);
    expect(notDist.code).toBe(2);
    expect(notDist.stderr).toContain('holds no <version>/manifest.json');
  });
});
