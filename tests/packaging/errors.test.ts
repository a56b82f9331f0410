// Bad input gives a clear error naming the artifact and the rule; nothing partial is left
// under a final name. Plus the format writers' fixed bytes (gzip header, DOS times).

import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archivePackager } from '../../packaging/archive.ts';
import { condaPackager } from '../../packaging/conda.ts';
import { debPackager } from '../../packaging/deb.ts';
import { PackagingError } from '../../packaging/errors.ts';
import { gzipDeterministic } from '../../packaging/formats/compress.ts';
import { dosDateTime, zipBytes } from '../../packaging/formats/zip.ts';
import { writeAtomically } from '../../packaging/fsutil.ts';
import { buildRelease, MemoryRegistry, PACKAGERS, stageTree } from '../../packaging/index.ts';
import { rpmPackager } from '../../packaging/rpm.ts';
import { signaturePackager } from '../../packaging/signature.ts';
import type { Packager, StagedTree, TargetContext } from '../../packaging/types.ts';
import { findTarget } from '../../common/targets.ts';
import { EPOCH, pyvmBinary, VERSION } from './fixture.ts';
import { freshDir, sh, stageFixtureTrees } from './helpers.ts';

let root: string;
let binary: string;

beforeAll(() => {
  root = freshDir('errors');
  binary = pyvmBinary('linux-x86_64', join(root, 'bin'));
  delete process.env.PYVM_MINISIGN_SECRET_KEY;
  delete process.env.PYVM_MINISIGN_SECRET_KEY_FILE;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function ctxFor(tree: StagedTree, dist: string): TargetContext {
  return {
    version: tree.version,
    sourceDateEpoch: tree.sourceDateEpoch,
    recipe: tree.recipe,
    distDir: dist,
    workDir: join(root, 'work'),
    trees: [tree],
    registry: new MemoryRegistry(),
    signing: { secretKeyFile: null, publicKeyFile: null, required: false },
    tree,
    target: findTarget(tree.target),
  };
}

async function expectRule(p: Promise<unknown>, artifact: string, rule: string): Promise<PackagingError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(PackagingError);
  const pe = e as PackagingError;
  expect(pe.artifact).toBe(artifact);
  expect(pe.rule).toBe(rule);
  expect(pe.message).toContain(artifact);
  expect(pe.message).toContain(`[rule ${rule}]`);
  return pe;
}

async function stage(name: string, version = VERSION): Promise<StagedTree> {
  return stageTree({ binary, target: 'linux-x86_64', version, sourceDateEpoch: EPOCH, outDir: join(root, name) });
}

describe('bad input', () => {
  it('a missing binary is refused by stageTree and by every packager', async () => {
    await expectRule(
      stageTree({ binary: join(root, 'nope'), target: 'linux-x86_64', version: VERSION, sourceDateEpoch: EPOCH, outDir: join(root, 'x') }),
      `pyvm-${VERSION}-linux-x86_64`,
      'tree-missing-binary',
    );
    const tree = await stage('nobin');
    unlinkSync(join(tree.dir, 'bin/pyvm'));
    const dist = join(root, 'nobin-dist');
    await expectRule(archivePackager.run(ctxFor(tree, dist)), `pyvm-${VERSION}-linux-x86_64.tar.gz`, 'tree-missing-binary');
    await expectRule(debPackager.run(ctxFor(tree, dist)), `pyvm_${VERSION}_amd64.deb`, 'tree-missing-binary');
    await expectRule(rpmPackager.run(ctxFor(tree, dist)), `pyvm-${VERSION}-1.x86_64.rpm`, 'tree-missing-binary');
    expect(existsSync(dist) ? readdirSync(dist) : []).toEqual([]);
  });

  it('a file outside the staged tree (absolute or escaping link) is refused, naming the artifact', async () => {
    const tree = await stage('escape');
    symlinkSync('/etc/passwd', join(tree.dir, 'lib/pyvm/passwd'));
    const dist = join(root, 'escape-dist');
    const e = await expectRule(archivePackager.run(ctxFor(tree, dist)), `pyvm-${VERSION}-linux-x86_64.tar.gz`, 'tree-escape');
    expect(e.message).toContain('lib/pyvm/passwd -> /etc/passwd');
    unlinkSync(join(tree.dir, 'lib/pyvm/passwd'));
    symlinkSync('../../../outside', join(tree.dir, 'lib/pyvm/up'));
    await expectRule(debPackager.run(ctxFor(tree, dist)), `pyvm_${VERSION}_amd64.deb`, 'tree-escape');
    expect(existsSync(dist) ? readdirSync(dist) : []).toEqual([]);
  });

  it('versions a format cannot represent are refused with the format rule', async () => {
    const tree = await stage('badver', '1.0.0-rc1');
    const dist = join(root, 'badver-dist');
    const deb = await expectRule(debPackager.run(ctxFor(tree, dist)), 'pyvm_1.0.0-rc1_amd64.deb', 'version-deb');
    expect(deb.message).toContain('1.0.0~rc1');
    await expectRule(rpmPackager.run(ctxFor(tree, dist)), 'pyvm-1.0.0-rc1-1.x86_64.rpm', 'version-rpm');
    await expectRule(condaPackager.run(ctxFor(tree, dist)), 'conda/linux-64/pyvm-1.0.0-rc1-0.conda', 'version-conda');
    // the archive has no such rule
    expect(await archivePackager.run(ctxFor(tree, dist))).toHaveLength(1);
    await expectRule(stage('worse', 'v1/../../x'), 'pyvm-v1/../../x-linux-x86_64', 'version-semver');
  });

  it('signing required but no key is an error; not required, a skip with its reason', async () => {
    const trees = await stageFixtureTrees(join(root, 'unsigned'), VERSION, ['linux-x86_64']);
    const only: Packager[] = [archivePackager, (await import('../../packaging/checksums.ts')).checksumsPackager, signaturePackager];
    await expectRule(
      buildRelease({ trees, distDir: join(root, 'unsigned/dist'), workDir: join(root, 'unsigned/work'), packagers: only, signing: { secretKeyFile: null, publicKeyFile: null, required: true } }),
      'SHA256SUMS.minisig',
      'signing-key',
    );
    const { outcomes } = await buildRelease({ trees, distDir: join(root, 'unsigned/dist2'), workDir: join(root, 'unsigned/work'), packagers: only });
    expect(outcomes.at(-1)!.result).toEqual({ skip: expect.stringContaining('no minisign secret key') });
    const notAKey = join(root, 'not-a-key');
    writeFileSync(notAKey, 'hello');
    await expectRule(
      buildRelease({ trees, distDir: join(root, 'unsigned/dist3'), workDir: join(root, 'unsigned/work'), packagers: only, signing: { secretKeyFile: notAKey, publicKeyFile: null, required: true } }),
      'SHA256SUMS.minisig',
      'signing-key',
    );
    expect(existsSync(join(root, 'unsigned/dist3/SHA256SUMS.minisig'))).toBe(false);
  });

  it('the signing key can come from the environment (CI secret), public key recreated from it', async () => {
    const keys = join(root, 'envkey');
    sh('mkdir', ['-p', keys]);
    sh('minisign', ['-G', '-W', '-p', join(keys, 'k.pub'), '-s', join(keys, 'k.key')]);
    process.env.PYVM_MINISIGN_SECRET_KEY = readFileSync(join(keys, 'k.key'), 'utf8');
    try {
      const trees = await stageFixtureTrees(join(root, 'envsign'), VERSION, ['linux-x86_64']);
      const dist = join(root, 'envsign/dist');
      const only: Packager[] = [archivePackager, (await import('../../packaging/checksums.ts')).checksumsPackager, signaturePackager];
      await buildRelease({ trees, distDir: dist, workDir: join(root, 'envsign/work'), packagers: only, signing: { secretKeyFile: null, publicKeyFile: null, required: true } });
      expect(readFileSync(join(dist, 'minisign.pub'), 'utf8').split('\n')[1]).toBe(readFileSync(join(keys, 'k.pub'), 'utf8').split('\n')[1]);
      sh('minisign', ['-V', '-p', join(keys, 'k.pub'), '-m', join(dist, 'SHA256SUMS')]);
    } finally {
      delete process.env.PYVM_MINISIGN_SECRET_KEY;
    }
  });

  it('a failed write leaves nothing under the final name, nor a temp file', async () => {
    const dir = join(root, 'atomic');
    const final = join(dir, 'artifact.bin');
    await expect(
      writeAtomically(final, async (tmp) => {
        writeFileSync(tmp, 'partial');
        throw new Error('killed half-way');
      }),
    ).rejects.toThrow('killed half-way');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('tools', () => {
  it('every tool a packager declares (to build, smoke-test or check its kind) is installed', () => {
    const missing = PACKAGERS.flatMap((p) => p.tools).filter((t) => sh('sh', ['-c', `command -v ${t.command}`], { allowFail: true }).status !== 0);
    expect(missing.map((t) => `${t.command} (apt-get install ${t.debPackage})`)).toEqual([]);
  });
});

describe('format writers', () => {
  it('gzip: no timestamp, OS byte fixed to Unix', () => {
    const gz = gzipDeterministic(Buffer.from('hello'));
    expect(gz.readUInt32LE(4)).toBe(0);
    expect(gz[9]).toBe(3);
  });

  it('zip: DOS timestamps from SOURCE_DATE_EPOCH, read by unzip and 7z', () => {
    expect(dosDateTime(EPOCH)).toEqual({ date: ((2023 - 1980) << 9) | (11 << 5) | 14, time: (22 << 11) | (13 << 5) | 10 });
    expect(dosDateTime(0)).toEqual({ date: (0 << 9) | (1 << 5) | 1, time: 0 });
    const f = join(root, 't.zip');
    writeFileSync(
      f,
      zipBytes(
        [
          { path: 'd/', data: new Uint8Array(), mode: 0o755, method: 'store' },
          { path: 'd/x.txt', data: Buffer.from('x'.repeat(1000)), mode: 0o644, method: 'deflate' },
          { path: 'd/run', data: Buffer.from('#!/bin/sh\n'), mode: 0o755, method: 'store' },
        ],
        EPOCH,
      ),
    );
    sh('unzip', ['-tq', f]);
    sh('7z', ['t', f]);
    const z = sh('unzip', ['-Zl', f]).stdout;
    expect(z).toMatch(/-rwxr-xr-x .* 23-Nov-14 22:13 d\/run/);
    expect(z).toMatch(/defN .* d\/x\.txt/);
  });
});

