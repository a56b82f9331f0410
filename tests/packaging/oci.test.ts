// OCI images: the layout and the oci-archive read by skopeo, unpacked by umoci and run
// (qemu for s390x), run by podman (runc, lowered ulimits, private storage), and pushed to a
// local Debian docker-registry and pulled back with the index digest unchanged.

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../packaging/fsutil.ts';
import { IMAGE_ROOT } from '../../packaging/oci.ts';
import { findTarget } from '../../common/targets.ts';
import { runArgv, VERSION } from './fixture.ts';
import { buildFixtureRelease, freshDir, readJson, sh, type FixtureRelease } from './helpers.ts';
import { HANG_MS } from '../limits.ts';

let rel: FixtureRelease;
let root: string;
let layout: string;
let indexDigest: string;

beforeAll(async () => {
  root = freshDir('oci');
  rel = await buildFixtureRelease(join(root, 'r'));
  layout = join(rel.dist, 'oci');
  indexDigest = rel.registry.select({ kind: 'oci-layout' })[0].extra!.digest;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const PODMAN = (store: string) => ['--root', join(store, 'root'), '--runroot', join(store, 'run'), '--storage-driver', 'vfs', '--runtime', 'runc'];
const PODMAN_RUN = ['run', '--rm', '--ulimit', 'nofile=1024:1024', '--ulimit', 'nproc=1024:1024', '--network', 'none'];

describe('OCI', () => {
  it('skopeo reads the multi-arch index, each platform and the oci-archive', () => {
    const raw = sh('skopeo', ['inspect', '--raw', `oci:${layout}:latest`]).stdout;
    expect(`sha256:${sha256(raw)}`).toBe(indexDigest);
    const index = JSON.parse(raw) as { manifests: { platform: { architecture: string } }[] };
    expect(index.manifests.map((m) => m.platform.architecture)).toEqual(['amd64', 's390x']);
    for (const target of ['linux-x86_64', 'linux-s390x']) {
      const [os, arch] = findTarget(target).ociPlatform!.split('/');
      const info = JSON.parse(sh('skopeo', ['inspect', '--override-os', os, '--override-arch', arch, `oci:${layout}:latest`]).stdout) as {
        Architecture: string;
        Os: string;
        Created: string;
        Labels: Record<string, string>;
      };
      expect(info).toMatchObject({ Architecture: arch, Os: os, Created: '2023-11-14T22:13:20Z' });
      expect(info.Labels).toMatchObject({ 'org.opencontainers.image.version': VERSION, 'org.opencontainers.image.licenses': 'MIT', 'org.opencontainers.image.title': 'pyvm' });
      const cfg = JSON.parse(sh('skopeo', ['inspect', '--config', `oci:${layout}:${VERSION}-${arch}`]).stdout) as { config: { Entrypoint: string[] } };
      expect(cfg.config.Entrypoint).toEqual([`${IMAGE_ROOT}/bin/pyvm`]);
    }
    const fromArchive = sh('skopeo', ['inspect', '--raw', `oci-archive:${join(rel.dist, `pyvm-${VERSION}-oci.tar`)}:${VERSION}`]).stdout;
    expect(fromArchive).toBe(raw);
  });

  for (const target of ['linux-x86_64', 'linux-s390x']) {
    it(`umoci unpacks the ${target} image and its pyvm runs`, () => {
      const arch = findTarget(target).ociPlatform!.split('/')[1];
      const bundle = join(root, `bundle-${arch}`);
      sh('umoci', ['unpack', '--image', `${layout}:${VERSION}-${arch}`, bundle]);
      const config = readJson<{ process: { args: string[] } }>(join(bundle, 'config.json'));
      expect(config.process.args[0]).toBe(`${IMAGE_ROOT}/bin/pyvm`);
      const [cmd, args] = runArgv(target, join(bundle, 'rootfs', config.process.args[0]), ['-c', 'print(6*7)']);
      expect(sh(cmd, args).stdout).toBe('42\n');
    });
  }

  it('podman runs both images (s390x through qemu-s390x-static)', () => {
    // podman wants a short runroot (< 50 characters): keep the store under the system temp dir
    const store = mkdtempSync(join(tmpdir(), 'pyvm-podman-'));
    const archive = join(rel.dist, `pyvm-${VERSION}-oci.tar`);
    const amd = sh('podman', [...PODMAN(store), ...PODMAN_RUN, `oci-archive:${archive}:${VERSION}-amd64`, '-c', 'print(6*7)']);
    expect(amd.stdout).toBe('42\n');
    const qemu = findTarget('linux-s390x').emulator[0];
    const s390x = sh('podman', [
      ...PODMAN(store), ...PODMAN_RUN,
      '-v', `/usr/bin/${qemu}:/qemu:ro`, '--entrypoint', '/qemu',
      `oci-archive:${archive}:${VERSION}-s390x`, `${IMAGE_ROOT}/bin/pyvm`, '--version',
    ]);
    expect(s390x.stdout).toContain(VERSION);
    sh('podman', [...PODMAN(store), 'system', 'reset', '--force'], { allowFail: true });
    rmSync(store, { recursive: true, force: true });
  });

  it('pushes the multi-arch index to a local registry and pulls it back unchanged', async () => {
    const port = await freePort();
    const cfg = join(root, 'registry.yml');
    writeFileSync(
      cfg,
      `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${join(root, 'registry-data')}\nhttp:\n  addr: 127.0.0.1:${port}\n`,
    );
    const log = openSync(join(root, 'registry.log'), 'w');
    const registry: ChildProcess = spawn('docker-registry', ['serve', cfg], { stdio: ['ignore', log, log] });
    try {
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/v2/`)).ok);
      const ref = `docker://127.0.0.1:${port}/pyvm:${VERSION}`;
      const push = sh('skopeo', ['copy', '--all', '--dest-tls-verify=false', `oci:${layout}:latest`, ref]);
      expect(push.stdout + push.stderr).toMatch(/2 of 2/);
      const remote = sh('skopeo', ['inspect', '--raw', '--tls-verify=false', ref]).stdout;
      expect(`sha256:${sha256(remote)}`).toBe(indexDigest);
      const s390x = JSON.parse(sh('skopeo', ['inspect', '--tls-verify=false', '--override-arch', 's390x', ref]).stdout) as { Architecture: string };
      expect(s390x.Architecture).toBe('s390x');
      const pulled = join(root, 'pulled');
      sh('skopeo', ['copy', '--all', '--src-tls-verify=false', ref, `oci:${pulled}:${VERSION}`]);
      const back = readJson<{ manifests: { digest: string }[] }>(join(pulled, 'index.json'));
      expect(back.manifests[0].digest).toBe(indexDigest);
      expect(readFileSync(join(pulled, 'blobs/sha256', indexDigest.slice(7)))).toEqual(readFileSync(join(layout, 'blobs/sha256', indexDigest.slice(7))));
    } finally {
      registry.kill('SIGTERM');
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function waitFor(ok: () => Promise<boolean>, ms = HANG_MS): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if (await ok()) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > end) throw new Error('timed out waiting for the registry');
    await new Promise((r) => setTimeout(r, 100));
  }
}
