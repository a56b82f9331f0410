// The whole packaging pipeline over linux-x86_64, linux-s390x and windows-x86_64: names,
// byte-reproducibility across build directories, checksums, signature, SBOM, provenance.

import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { releaseAssetName } from '../../packaging/assets.ts';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGERS, type Packager } from '../../packaging/index.ts';

const kindsOf = (ps: readonly Packager[]) => ps.map((p) => p.kind as string);
import { VERSION } from './fixture.ts';
import { buildFixtureRelease, freshDir, listFiles, readJson, sh, type FixtureRelease } from './helpers.ts';

let a: FixtureRelease;
let b: FixtureRelease;
let root: string;

beforeAll(async () => {
  root = freshDir('release');
  a = await buildFixtureRelease(join(root, 'a'));
  // a different, deeper build directory, built later, with another umask and time zone:
  // nothing may depend on path, clock, umask or TZ
  const umask = process.umask(0o077);
  const tz = process.env.TZ;
  process.env.TZ = 'America/New_York';
  try {
    b = await buildFixtureRelease(join(root, 'b/elsewhere/deeper'), a.signing);
  } finally {
    process.umask(umask);
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  }
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('release artifacts', () => {
  it('has exactly the documented names', () => {
    const v = VERSION;
    const files = listFiles(a.dist).filter((f) => !f.startsWith('oci/blobs/'));
    expect(files).toEqual(
      [
        `SHA256SUMS`,
        `SHA256SUMS.minisig`,
        `conda/linux-64/pyvm-${v}-0.conda`,
        `conda/linux-64/pyvm-${v}-0.tar.bz2`,
        `conda/linux-64/repodata.json`,
        `conda/linux-64/repodata.json.zst`,
        `conda/linux-s390x/pyvm-${v}-0.conda`,
        `conda/linux-s390x/pyvm-${v}-0.tar.bz2`,
        `conda/linux-s390x/repodata.json`,
        `conda/linux-s390x/repodata.json.zst`,
        `conda/noarch/repodata.json`,
        `conda/win-64/pyvm-${v}-0.conda`,
        `conda/win-64/pyvm-${v}-0.tar.bz2`,
        `conda/win-64/repodata.json`,
        `conda/win-64/repodata.json.zst`,
        `install.ps1`,
        `install.sh`,
        `minisign.pub`,
        `oci/index.json`,
        `oci/oci-layout`,
        `pyvm-${v}-1.s390x.rpm`,
        `pyvm-${v}-1.x86_64.rpm`,
        `pyvm-${v}-linux-s390x.spdx.json`,
        `pyvm-${v}-linux-s390x.tar.gz`,
        `pyvm-${v}-linux-x86_64.spdx.json`,
        `pyvm-${v}-linux-x86_64.tar.gz`,
        `pyvm-${v}-oci.tar`,
        `pyvm-${v}-windows-x86_64-setup.exe`,
        `pyvm-${v}-windows-x86_64.msi`,
        `pyvm-${v}-windows-x86_64.spdx.json`,
        `pyvm-${v}-windows-x86_64.zip`,
        `pyvm-${v}.intoto.json`,
        `pyvm_${v}_amd64.deb`,
        `pyvm_${v}_s390x.deb`,
      ].sort(),
    );
    expect(listFiles(a.dist).some((f) => f.includes('.tmp-'))).toBe(false);
  });

  it('is byte-identical when built again in another directory, later, with umask 077 and another TZ', () => {
    const fa = listFiles(a.dist);
    expect(listFiles(b.dist)).toEqual(fa);
    const differ = fa.filter((f) => !readFileSync(join(a.dist, f)).equals(readFileSync(join(b.dist, f))));
    expect(differ).toEqual([]);
    expect(fa.length).toBeGreaterThan(35);
  });

  it('registers every artifact with its sha256 and size', () => {
    for (const r of a.registry.all()) {
      const data = readFileSync(r.path);
      expect(data.length, r.name).toBe(r.size);
      expect(sh('sha256sum', [r.path]).stdout.slice(0, 64), r.name).toBe(r.sha256);
    }
  });

  it('SHA256SUMS names every other artifact as its release asset: sha256sum -c passes in a folder of the assets', () => {
    // what a user has after downloading the release's assets: one flat folder
    const folder = join(a.root, 'downloaded');
    mkdirSync(folder);
    const assets = a.registry.all().flatMap((r) => {
      const name = releaseAssetName(r.name);
      return name === null ? [] : [{ r, name }];
    });
    for (const { r, name } of assets) copyFileSync(r.path, join(folder, name));
    const out = sh('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: folder }).stdout;
    const listed = out.trim().split('\n').map((l) => l.replace(/: OK$/, ''));
    const expected = assets.filter(({ r }) => r.kind !== 'checksums' && r.kind !== 'signature').map(({ name }) => name).sort();
    expect(listed).toEqual(expected);
    expect(listed).toContain(`conda-linux-s390x-pyvm-${VERSION}-0.conda`);
    // the OCI layout travels inside its archive, not file by file
    expect(listed.some((n) => n.startsWith('oci'))).toBe(false);
    expect(listed).toContain(`pyvm-${VERSION}-oci.tar`);
  });

  it('SHA256SUMS.minisig verifies with minisign and fails after tampering', () => {
    const ok = sh('minisign', ['-V', '-p', 'minisign.pub', '-m', 'SHA256SUMS'], { cwd: a.dist });
    expect(ok.stdout).toContain(`Trusted comment: pyvm ${VERSION} SHA256SUMS`);
    const tampered = join(a.root, 'SHA256SUMS.tampered');
    sh('sh', ['-c', `sed 's/^./0/' SHA256SUMS > ${tampered}`], { cwd: a.dist });
    const bad = sh('minisign', ['-V', '-p', 'minisign.pub', '-m', tampered, '-x', 'SHA256SUMS.minisig'], { cwd: a.dist, allowFail: true });
    expect(bad.status).not.toBe(0);
  });

  it('writes an SPDX 2.3 SBOM per target that matches the staged tree and archive', () => {
    for (const tree of a.trees) {
      const doc = readJson<{
        spdxVersion: string;
        dataLicense: string;
        documentNamespace: string;
        packages: { name: string; versionInfo: string; packageFileName: string; checksums: { algorithm: string; checksumValue: string }[] }[];
        files: { fileName: string; checksums: { algorithm: string; checksumValue: string }[] }[];
        relationships: { relationshipType: string }[];
      }>(join(a.dist, `pyvm-${VERSION}-${tree.target}.spdx.json`));
      expect(doc.spdxVersion).toBe('SPDX-2.3');
      expect(doc.dataLicense).toBe('CC0-1.0');
      const archive = a.registry.select({ kind: 'archive', target: tree.target })[0];
      expect(doc.packages[0].packageFileName).toBe(archive.name);
      expect(doc.packages[0].checksums[0]).toEqual({ algorithm: 'SHA256', checksumValue: archive.sha256 });
      const bin = doc.files.find((f) => f.fileName.startsWith('./bin/pyvm'))!;
      const binSha = sh('sha256sum', [join(tree.dir, bin.fileName)]).stdout.slice(0, 64);
      expect(bin.checksums.find((c) => c.algorithm === 'SHA256')!.checksumValue).toBe(binSha);
      expect(bin.checksums.some((c) => c.algorithm === 'SHA1')).toBe(true);
      expect(doc.relationships.filter((r) => r.relationshipType === 'CONTAINS')).toHaveLength(doc.files.length);
    }
  });

  it('writes an in-toto SLSA provenance statement naming every artifact before it', () => {
    const st = readJson<{ _type: string; predicateType: string; subject: { name: string; digest: { sha256: string } }[] }>(join(a.dist, `pyvm-${VERSION}.intoto.json`));
    expect(st._type).toBe('https://in-toto.io/Statement/v1');
    expect(st.predicateType).toBe('https://slsa.dev/provenance/v1');
    const deb = a.registry.select({ kind: 'deb', target: 'linux-s390x' })[0];
    expect(st.subject).toContainEqual({ name: deb.name, digest: { sha256: deb.sha256 } });
    expect(st.subject.some((s) => s.name === 'SHA256SUMS')).toBe(false);
  });
});

describe('packager conformance (every packager, every tree)', () => {
  it('lists each packager once with a kind (its name) and scope, in build order', () => {
    const names = PACKAGERS.map((p) => p.kind as string);
    expect(new Set(names).size).toBe(names.length);
    for (const p of PACKAGERS) expect(['target', 'release']).toContain(p.scope);
    const pos = (n: string) => names.indexOf(n);
    expect(pos('archive')).toBeLessThan(pos('sbom')); // the SBOM names the archive
    expect(pos('conda')).toBeLessThan(pos('conda-repodata'));
    expect(pos('oci-manifest')).toBeLessThan(pos('oci-layout'));
    expect(pos('provenance')).toBeLessThan(pos('checksums'));
    expect(pos('checksums')).toBe(names.length - 2);
    expect(pos('signature')).toBe(names.length - 1);
  });

  it('declares what its kind needs: tools with a Debian package, a content type, earlier kinds it needs', () => {
    for (const [i, p] of PACKAGERS.entries()) {
      for (const t of p.tools) {
        expect(t.command, p.kind).toMatch(/^[\w.+-]+$/);
        expect(t.debPackage, p.kind).toMatch(/^[a-z0-9][a-z0-9.+-]+$/);
        expect(['build', 'smoke', 'check']).toContain(t.use);
      }
      for (const r of a.registry.select({ kind: p.kind })) expect(p.contentType(r.name), r.name).toMatch(/^[a-z]+\/[\w.+-]+(; charset=utf-8)?$/);
      for (const k of p.needs ?? []) expect(kindsOf(PACKAGERS.slice(0, i)), `${p.kind} needs ${k}`).toContain(k);
    }
  });

  it('each run returns records of its own kind and target inside dist, or a skip with a reason', () => {
    const expectedRuns = PACKAGERS.reduce((n, p) => n + (p.scope === 'target' ? a.trees.length : 1), 0);
    expect(a.outcomes).toHaveLength(expectedRuns);
    for (const o of a.outcomes) {
      const p = PACKAGERS.find((x) => x.kind === o.packager)!;
      if ('skip' in o.result) {
        expect(o.result.skip.length, o.packager).toBeGreaterThan(10);
        continue;
      }
      expect(o.result.length, o.packager).toBeGreaterThan(0);
      for (const r of o.result) {
        expect(r.kind).toBe(p.kind);
        expect(r.target).toBe(p.scope === 'target' ? o.target : null);
        expect(r.path).toBe(join(a.dist, r.name));
        expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
      }
    }
    // what applies where comes from the target table
    const ran = (name: string, target: string) => !('skip' in a.outcomes.find((o) => o.packager === name && o.target === target)!.result);
    expect(ran('nsis', 'windows-x86_64') && !ran('nsis', 'linux-s390x')).toBe(true);
    expect(ran('deb', 'linux-s390x') && !ran('deb', 'windows-x86_64')).toBe(true);
    expect(ran('oci-manifest', 'linux-s390x') && !ran('oci-manifest', 'windows-x86_64')).toBe(true);
  });
});
