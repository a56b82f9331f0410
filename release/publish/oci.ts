// The OCI publisher: pushes dist/<version>/oci/ (the multi-arch image index and one image per
// Linux target, built by packaging/oci.ts) to a registry given by reference. Blobs the
// registry already has are skipped (HEAD first), manifests before the index that names them,
// tags last; a re-push of the same build sends nothing.

import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { MT, type Descriptor } from '../../packaging/oci.ts';
import { sha256 } from '../tasks/index.ts';
import { E } from '../errors.ts';
import { formatBytes } from '../progress.ts';
import { planOci } from './plan.ts';
import { RegistryClient, type Credentials, type OciRef } from './registry.ts';
import type { DesiredOci, ObservedOci, OciAction, OciBlob, OciManifest, Plan, Publisher, StepSink } from './types.ts';

const REF_NAME = 'org.opencontainers.image.ref.name';

/** Reads a blob of the layout, checking it is the bytes its digest names. */
function blobOf(layout: string, d: Descriptor): { file: string; bytes: Buffer } {
  const file = join(layout, 'blobs', ...d.digest.split(':'));
  if (!existsSync(file)) throw E.distDamaged(layout, `blob ${d.digest} is missing`);
  const bytes = readFileSync(file);
  if (bytes.length !== d.size || `sha256:${sha256(bytes)}` !== d.digest) throw E.distDamaged(layout, `blob ${d.digest} does not match its digest`);
  return { file, bytes };
}

/**
 * The layout as a push: every blob once, image manifests then the index, and the tags — the
 * reference's tag for the index when it names one, else every ref name index.json carries
 * (<version>, latest, <version>-<arch>).
 */
export function readLayout(layout: string, version: string, tag: string | null): DesiredOci {
  if (!existsSync(join(layout, 'index.json'))) throw E.noOciLayout(layout);
  const top = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as { manifests: Descriptor[] };
  const indexes = top.manifests.filter((m) => m.mediaType === MT.index);
  const main = indexes.find((m) => m.annotations?.[REF_NAME] === version) ?? indexes[0];
  if (!main) throw E.distDamaged(layout, 'index.json names no image index');
  const blobs = new Map<string, OciBlob>();
  const manifests = new Map<string, OciManifest>();
  const index = JSON.parse(blobOf(layout, main).bytes.toString('utf8')) as { manifests: Descriptor[] };
  for (const m of index.manifests) {
    const { file, bytes } = blobOf(layout, m);
    const image = JSON.parse(bytes.toString('utf8')) as { config: Descriptor; layers: Descriptor[] };
    for (const b of [image.config, ...image.layers]) blobs.set(b.digest, { digest: b.digest, size: b.size, mediaType: b.mediaType, file: blobOf(layout, b).file });
    const p = m.platform;
    manifests.set(m.digest, { digest: m.digest, size: m.size, mediaType: m.mediaType, file, what: p ? `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}` : 'image' });
  }
  const indexManifest: OciManifest = { digest: main.digest, size: main.size, mediaType: main.mediaType, file: blobOf(layout, main).file, what: 'index' };
  manifests.set(main.digest, indexManifest);
  const tags: DesiredOci['tags'] = [];
  if (tag) tags.push({ tag, manifest: indexManifest });
  else
    for (const d of top.manifests) {
      const name = d.annotations?.[REF_NAME];
      const m = manifests.get(d.digest);
      if (name && m) tags.push({ tag: name, manifest: m });
    }
  return { blobs: [...blobs.values()], manifests: [...manifests.values()], tags };
}

/** RELEASE_OCI_USERNAME/PASSWORD; for ghcr.io, GITHUB_TOKEN works as the password (as in docker login). */
export function ociCredentials(ref: OciRef, env: NodeJS.ProcessEnv): Credentials | null {
  if (env.RELEASE_OCI_PASSWORD) return { username: env.RELEASE_OCI_USERNAME || 'release', password: env.RELEASE_OCI_PASSWORD };
  if (ref.registry === 'ghcr.io' && env.GITHUB_TOKEN) return { username: env.GITHUB_ACTOR || 'x-access-token', password: env.GITHUB_TOKEN };
  return null;
}

export class OciPublisher implements Publisher<OciAction> {
  readonly name = 'oci';
  readonly client: RegistryClient;

  constructor(
    readonly ref: OciRef,
    readonly desired: DesiredOci,
    credentials: Credentials | null,
  ) {
    this.client = new RegistryClient(ref, credentials);
  }

  get destination(): string {
    return `oci ${this.ref.registry}/${this.ref.repository}${this.ref.tag ? `:${this.ref.tag}` : ''}`;
  }

  async observe(): Promise<ObservedOci> {
    const blobs = new Set<string>();
    const manifests = new Set<string>();
    const tags = new Map<string, string | null>();
    for (const b of this.desired.blobs) if (await this.client.hasBlob(b.digest)) blobs.add(b.digest);
    for (const m of this.desired.manifests) if ((await this.client.manifestDigest(m.digest)) !== null) manifests.add(m.digest);
    for (const t of this.desired.tags) tags.set(t.tag, await this.client.manifestDigest(t.tag));
    return { blobs, manifests, tags };
  }

  async plan(): Promise<Plan<OciAction>> {
    return planOci(this.desired, await this.observe(), this.destination);
  }

  describe(a: OciAction): string {
    switch (a.type) {
      case 'upload-blob':
        return `upload blob ${a.blob.digest.slice(0, 19)}… (${formatBytes(a.blob.size)}, ${a.blob.mediaType.split('.').slice(-2).join('.')})`;
      case 'put-manifest':
        return `put ${a.manifest.what} manifest ${a.manifest.digest.slice(0, 19)}…`;
      case 'tag':
        return `tag ${a.tag} -> ${a.manifest.digest.slice(0, 19)}… (${a.manifest.what})${a.was ? `, was ${a.was.slice(0, 19)}…` : ''}`;
    }
  }

  label(a: OciAction): string {
    if (a.type === 'tag') return `tag:${a.tag}`;
    const d = a.type === 'upload-blob' ? a.blob.digest : a.manifest.digest;
    return `${a.type === 'upload-blob' ? 'blob' : 'manifest'}:${d.slice(7, 19)}`;
  }

  bytes(a: OciAction): number {
    return a.type === 'upload-blob' ? a.blob.size : 0;
  }

  async apply(a: OciAction, sink: StepSink): Promise<void> {
    switch (a.type) {
      case 'upload-blob':
        return this.client.uploadBlob(a.blob.digest, a.blob.file, a.blob.size, (done, total) => sink.progress(done, total));
      case 'put-manifest':
        return this.client.putManifest(a.manifest.digest, a.manifest.mediaType, readFileSync(a.manifest.file), a.manifest.digest);
      case 'tag':
        return this.client.putManifest(a.tag, a.manifest.mediaType, readFileSync(a.manifest.file), a.manifest.digest);
    }
  }
}
