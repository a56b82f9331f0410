// `release publish --oci-ref` against Debian's docker-registry on 127.0.0.1 (filesystem
// storage in a temp dir, no auth). Pushed images are read back with skopeo and compared by
// digest with the dist's OCI layout; the registry's access log counts what each push sent.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { publishCommand } from '../../../release/publish/index.ts';
import { UserError } from '../../../release/errors.ts';
import { scratch } from '../helpers.ts';
import { buildDist, capture, type BuiltDist } from './fixture.ts';
import { hasRegistry, startRegistry, type LocalRegistry } from './local-registry.ts';

if (!hasRegistry) console.warn('skipping the OCI publish tests: docker-registry or skopeo is not installed (Debian packages docker-registry, skopeo)');

interface Descriptor {
  mediaType: string;
  digest: string;
  annotations?: Record<string, string>;
  platform?: { architecture: string };
}

let dist: BuiltDist;
let registry: LocalRegistry | null = null;
let host = '';

beforeAll(async () => {
  if (!hasRegistry) return;
  dist = await buildDist();
  registry = await startRegistry();
  host = registry.host;
});

afterAll(() => {
  registry?.stop();
});

const requests = (from: number) => registry!.requests(from);
const logSize = () => registry!.logSize();

async function publish(values: Record<string, unknown>, env: NodeJS.ProcessEnv = {}) {
  const c = capture();
  try {
    const code = await publishCommand({ 'dist-dir': dist.root, 'no-github': true, ...values }, c.out, env);
    return { code, text: c.text() };
  } catch (e) {
    if (e instanceof UserError) return { code: e.exitCode, text: `${c.text()}\n${e.message}` };
    throw e;
  }
}

function skopeo(args: string[]): string {
  return execFileSync('skopeo', args, { encoding: 'utf8', maxBuffer: 64 << 20 });
}

const sha = (b: Buffer | string) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** The dist layout's own account: index digest, image digests by architecture, every blob. */
function layout() {
  const oci = join(dist.dir, 'oci');
  const top = JSON.parse(readFileSync(join(oci, 'index.json'), 'utf8')) as { manifests: Descriptor[] };
  const ref = (name: string) => top.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === name)!;
  const indexDigest = ref(dist.version).digest;
  const blob = (d: string) => readFileSync(join(oci, 'blobs', 'sha256', d.slice(7)));
  const images = (JSON.parse(blob(indexDigest).toString()) as { manifests: Descriptor[] }).manifests;
  const blobs = new Set<string>();
  for (const m of images) {
    const man = JSON.parse(blob(m.digest).toString()) as { config: Descriptor; layers: Descriptor[] };
    for (const b of [man.config, ...man.layers]) blobs.add(b.digest);
  }
  return { indexDigest, images, blobs, blob };
}

describe.runIf(hasRegistry)('release publish --oci-ref (docker-registry on 127.0.0.1)', () => {
  it('pushes the image index and each image; skopeo pulls them back with the same digests', async () => {
    const l = layout();
    const from = logSize();
    const r = await publish({ 'oci-ref': `${host}/pyvm` });
    expect(r.code, r.text).toBe(0);
    const reqs = requests(from);
    // every blob checked first, then uploaded once (POST session + PUT)
    expect(reqs.filter(([m, p]) => m === 'HEAD' && p.includes('/blobs/')).length).toBe(l.blobs.size);
    expect(reqs.filter(([m, p]) => m === 'POST' && p.startsWith('/v2/pyvm/blobs/uploads/')).length).toBe(l.blobs.size);
    expect(reqs.filter(([m, p, s]) => m === 'PUT' && p.includes('/blobs/uploads/') && s === 201).length).toBe(l.blobs.size);
    expect(l.images.length).toBe(2);

    // the index under <version> is byte-for-byte the dist's, and so are the per-arch tags
    const raw = skopeo(['inspect', '--raw', '--tls-verify=false', `docker://${host}/pyvm:${dist.version}`]);
    expect(sha(raw)).toBe(l.indexDigest);
    expect(sha(skopeo(['inspect', '--raw', '--tls-verify=false', `docker://${host}/pyvm:latest`]))).toBe(l.indexDigest);
    for (const m of l.images) expect(sha(skopeo(['inspect', '--raw', '--tls-verify=false', `docker://${host}/pyvm:${dist.version}-${m.platform!.architecture}`]))).toBe(m.digest);
    const tags = JSON.parse(skopeo(['list-tags', '--tls-verify=false', `docker://${host}/pyvm`])) as { Tags: string[] };
    expect(tags.Tags.sort()).toEqual([dist.version, `${dist.version}-amd64`, `${dist.version}-s390x`, 'latest'].sort());
    const s390x = JSON.parse(skopeo(['inspect', '--tls-verify=false', '--override-arch', 's390x', `docker://${host}/pyvm:${dist.version}`])) as { Architecture: string; Digest: string };
    expect(s390x.Architecture).toBe('s390x');

    // pull everything into an OCI layout: same index digest, same blob bytes
    const pulled = join(scratch('pulled'), 'layout');
    skopeo(['copy', '--all', '--src-tls-verify=false', `docker://${host}/pyvm:${dist.version}`, `oci:${pulled}:${dist.version}`]);
    const top = JSON.parse(readFileSync(join(pulled, 'index.json'), 'utf8')) as { manifests: Descriptor[] };
    expect(top.manifests.map((m) => m.digest)).toEqual([l.indexDigest]);
    for (const d of [...l.blobs, ...l.images.map((m) => m.digest)]) expect(readFileSync(join(pulled, 'blobs', 'sha256', d.slice(7))).equals(l.blob(d)), d).toBe(true);
  });

  it('a re-push sends nothing: every blob, manifest and tag is found by HEAD', async () => {
    const l = layout();
    const from = logSize();
    const r = await publish({ 'oci-ref': `${host}/pyvm` });
    expect(r.code, r.text).toBe(0);
    expect(r.text).toContain(`${l.blobs.size} of ${l.blobs.size} blobs already in the registry`);
    expect(r.text).toContain('nothing to do');
    const reqs = requests(from);
    expect(reqs.filter(([m]) => m !== 'HEAD' && m !== 'GET')).toEqual([]);
    expect(reqs.filter(([m, p, s]) => m === 'HEAD' && p.includes('/blobs/') && s === 200).length).toBe(l.blobs.size);
  });

  it('--dry-run only looks; a tag in the reference names the index alone', async () => {
    const l = layout();
    const from = logSize();
    const d = await publish({ 'oci-ref': `${host}/other/pyvm:edge`, 'dry-run': true });
    expect(d.code, d.text).toBe(0);
    expect(d.text.match(/^ {2}upload blob /gm)!.length).toBe(l.blobs.size);
    expect(d.text).toContain(`tag edge -> ${l.indexDigest.slice(0, 19)}… (index)`);
    expect(requests(from).filter(([m]) => m !== 'HEAD' && m !== 'GET')).toEqual([]);
    const r = await publish({ 'oci-ref': `${host}/other/pyvm:edge` });
    expect(r.code, r.text).toBe(0);
    const tags = JSON.parse(skopeo(['list-tags', '--tls-verify=false', `docker://${host}/other/pyvm`])) as { Tags: string[] };
    expect(tags.Tags).toEqual(['edge']);
    expect(sha(skopeo(['inspect', '--raw', '--tls-verify=false', `docker://${host}/other/pyvm:edge`]))).toBe(l.indexDigest);
  });

  it('authenticates as ghcr.io asks: 401 with a Bearer challenge, a push token from the realm for Basic credentials', async () => {
    // a token-auth front for the registry, as ghcr.io and Docker Hub are
    const token = `tok-${Date.now()}`;
    const tokenRequests: { authorization: string; scope: string | null; service: string | null }[] = [];
    const [regHost, regPort] = host.split(':');
    const front = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/token') {
        const authorization = req.headers.authorization ?? '';
        tokenRequests.push({ authorization, scope: url.searchParams.get('scope'), service: url.searchParams.get('service') });
        const ok = authorization === `Basic ${Buffer.from('ci-bot:s3cret').toString('base64')}`;
        res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify(ok ? { token } : { errors: [{ code: 'UNAUTHORIZED' }] }));
      }
      if (req.headers.authorization !== `Bearer ${token}`) {
        const { port } = front.address() as AddressInfo;
        res.writeHead(401, { 'www-authenticate': `Bearer realm="http://127.0.0.1:${port}/token",service="test-registry",scope="repository:secure/pyvm:pull"` });
        req.resume();
        return void res.end();
      }
      const headers = { ...req.headers };
      delete headers.authorization;
      const up = http.request({ host: regHost, port: Number(regPort), method: req.method, path: req.url, headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      req.pipe(up);
    });
    await new Promise<void>((r) => front.listen(0, '127.0.0.1', r));
    const ref = `127.0.0.1:${(front.address() as AddressInfo).port}/secure/pyvm`;
    try {
      const denied = await publish({ 'oci-ref': ref }, { RELEASE_OCI_USERNAME: 'ci-bot', RELEASE_OCI_PASSWORD: 'wrong' });
      expect(denied.code).toBe(1);
      expect(denied.text).toContain(`127.0.0.1:${(front.address() as AddressInfo).port} refused a push token for secure/pyvm (401); check RELEASE_OCI_USERNAME and RELEASE_OCI_PASSWORD`);
      const r = await publish({ 'oci-ref': ref }, { RELEASE_OCI_USERNAME: 'ci-bot', RELEASE_OCI_PASSWORD: 's3cret' });
      expect(r.code, r.text).toBe(0);
      expect(tokenRequests.at(-1)).toEqual({ authorization: expect.stringMatching(/^Basic /), scope: 'repository:secure/pyvm:pull,push', service: 'test-registry' });
      // one token serves the whole push
      expect(tokenRequests.length).toBe(2);
      expect(sha(skopeo(['inspect', '--raw', '--tls-verify=false', `docker://${host}/secure/pyvm:${dist.version}`]))).toBe(layout().indexDigest);
    } finally {
      front.closeAllConnections();
      await new Promise((r) => front.close(r));
    }
  });
});
