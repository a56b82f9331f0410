// oci-manifest: one image per Linux target (the static binary and its tree under /opt/pyvm,
// /tmp, entrypoint /opt/pyvm/bin/pyvm, org.opencontainers.image.* labels), written as blobs
// into dist/<v>/oci/ . oci-layout: the multi-arch image index over every registered
// manifest, index.json tagged <version> and latest (plus <version>-<arch> per image), and
// the same layout as pyvm-<v>-oci.tar (an oci-archive). Written in TypeScript: blobs are
// sha256-named files, so digests depend only on content and SOURCE_DATE_EPOCH.

import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { TARGETS, type Target } from '../common/targets.ts';
import { gzipDeterministic } from './formats/compress.ts';
import { tarBytes, tarEntriesFromTree, type TarEntry } from './formats/tar.ts';
import { isoDate, recordOf, sha256, writeFileAtomic } from './fsutil.ts';
import { checkStagedTree } from './stage.ts';
import { walkTree } from './tree.ts';
import type { ArtifactRecord, RecipeInfo, ReleasePackager, TargetPackager } from './types.ts';

export const MT = {
  layout: '1.0.0',
  index: 'application/vnd.oci.image.index.v1+json',
  manifest: 'application/vnd.oci.image.manifest.v1+json',
  config: 'application/vnd.oci.image.config.v1+json',
  layer: 'application/vnd.oci.image.layer.v1.tar+gzip',
} as const;

export const IMAGE_ROOT = '/opt/pyvm';

/** An OCI content descriptor (image-spec descriptor.md). */
export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: { architecture: string; os: string; variant?: string };
  annotations?: Record<string, string>;
}

/** The OCI image layout's directory in dist/<version>/. */
export const OCI_DIR = 'oci';

export function ociDir(distDir: string): string {
  return join(distDir, OCI_DIR);
}

/** Where a layout keeps the blob of that sha256. */
function blobPath(layout: string, hex: string): string {
  return join(layout, 'blobs', 'sha256', hex);
}

/** Writes a blob (if absent or different) and returns its descriptor. */
async function putBlob(layout: string, mediaType: string, data: Buffer): Promise<Descriptor> {
  const hex = sha256(data);
  await writeFileAtomic(blobPath(layout, hex), data);
  return { mediaType, digest: `sha256:${hex}`, size: data.length };
}

function json(v: unknown): Buffer {
  return Buffer.from(JSON.stringify(v));
}

export function imageAnnotations(recipe: RecipeInfo, version: string, epoch: number, revision?: string): Record<string, string> {
  return {
    ...(revision ? { 'org.opencontainers.image.revision': revision } : {}),
    'org.opencontainers.image.created': isoDate(epoch),
    'org.opencontainers.image.description': recipe.summary,
    'org.opencontainers.image.licenses': recipe.license,
    'org.opencontainers.image.source': recipe.homepage,
    'org.opencontainers.image.title': recipe.name,
    'org.opencontainers.image.url': recipe.homepage,
    'org.opencontainers.image.vendor': recipe.vendor,
    'org.opencontainers.image.version': version,
  };
}

export function parsePlatform(p: string): { os: string; architecture: string; variant?: string } {
  const [os, architecture, variant] = p.split('/');
  return variant ? { os, architecture, variant } : { os, architecture };
}

const hasOciPlatform = (t: Target): boolean => t.ociPlatform !== null;

export const ociImagePackager: TargetPackager = {
  kind: 'oci-manifest',
  scope: 'target',
  appliesTo: hasOciPlatform,
  tools: [],
  contentType: () => MT.manifest,
  // the image index (oci-layout) selects on them
  facts: ['digest', 'platform'],
  bringsAlong: (file) => imageBlobNames(readFileSync(file)),
  async run(ctx) {
    const t = ctx.target;
    if (!t.ociPlatform) return { skip: `${t.name} has no OCI platform in the target table` };
    const artifact = `oci image ${t.ociPlatform}`;
    await checkStagedTree(ctx.tree, artifact);
    const epoch = ctx.sourceDateEpoch;
    const entries = await walkTree(ctx.tree.dir, artifact);
    const rootfs: TarEntry[] = [
      { path: 'opt', type: 'dir', mode: 0o755 },
      ...(await tarEntriesFromTree(entries, `${IMAGE_ROOT.slice(1)}/`)),
      { path: 'tmp', type: 'dir', mode: 0o1777 },
    ];
    const layerTar = tarBytes(rootfs, { mtime: epoch });
    const layout = ociDir(ctx.distDir);
    const layer = await putBlob(layout, MT.layer, gzipDeterministic(layerTar));
    const labels = imageAnnotations(ctx.recipe, ctx.version, epoch, ctx.source?.revision);
    const platform = parsePlatform(t.ociPlatform);
    const config = await putBlob(
      layout,
      MT.config,
      json({
        created: isoDate(epoch),
        ...platform,
        config: {
          Entrypoint: [`${IMAGE_ROOT}/bin/pyvm`],
          Env: [`PATH=${IMAGE_ROOT}/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`],
          WorkingDir: '/',
          Labels: labels,
        },
        rootfs: { type: 'layers', diff_ids: [`sha256:${sha256(layerTar)}`] },
        history: [{ created: isoDate(epoch), created_by: `${ctx.recipe.name} packaging (staged tree ${ctx.tree.target})` }],
      }),
    );
    const manifest = await putBlob(layout, MT.manifest, json({ schemaVersion: 2, mediaType: MT.manifest, config, layers: [layer], annotations: labels }));
    const path = blobPath(layout, manifest.digest.slice(7));
    return [
      await recordOf(ctx.distDir, path, 'oci-manifest', t.name, {
        digest: manifest.digest,
        platform: t.ociPlatform,
        mediaType: MT.manifest,
      }),
    ];
  },
};

/**
 * The blobs an image manifest brings along (its config and layers), as paths relative to
 * dist/<version>/. The manifest lists only the image manifest blob itself; `release merge`
 * needs the rest to rebuild the layout of several images.
 */
export function imageBlobNames(manifest: string | Uint8Array): string[] {
  const m = JSON.parse(typeof manifest === 'string' ? manifest : Buffer.from(manifest).toString('utf8')) as { config?: Descriptor; layers?: Descriptor[] };
  const descs = [m.config, ...(m.layers ?? [])];
  return descs.map((d) => {
    if (!d || !/^sha256:[0-9a-f]{64}$/.test(d.digest)) throw new Error(`not an OCI image manifest: a descriptor has no sha256 digest`);
    return blobPath(ociDir(''), d.digest.slice(7));
  });
}

export function ociArchiveName(version: string): string {
  return `pyvm-${version}-oci.tar`;
}

export const ociLayoutPackager: ReleasePackager = {
  kind: 'oci-layout',
  scope: 'release',
  appliesTo: hasOciPlatform,
  tools: [
    { command: 'umoci', debPackage: 'umoci', purpose: 'unpacking OCI images in smoke tests', use: 'smoke' },
    { command: 'skopeo', debPackage: 'skopeo', purpose: 'checking OCI layouts', use: 'check' },
    { command: 'podman', debPackage: 'podman', purpose: 'running OCI images in checks', use: 'check' },
    { command: 'runc', debPackage: 'runc', purpose: 'OCI runtime for podman', use: 'check' },
    { command: 'docker-registry', debPackage: 'docker-registry', purpose: 'a local OCI registry for checks', use: 'check' },
  ],
  contentType: (name) => (name.endsWith('.tar') ? 'application/x-tar' : 'application/json'),
  async install(o) {
    if (!o.artifact.name.endsWith('index.json') || !o.target.ociPlatform) return null;
    const layout = dirname(o.file);
    const arch = o.target.ociPlatform.split('/')[1];
    const ref = `${o.version}-${arch}`;
    const index = JSON.parse(readFileSync(o.file, 'utf8')) as { manifests: { annotations?: Record<string, string> }[] };
    if (!index.manifests.some((m) => m.annotations?.['org.opencontainers.image.ref.name'] === ref)) return null;
    const bundle = join(o.prefix, 'bundle');
    const rootless = process.getuid?.() !== 0 ? ['--rootless'] : [];
    await o.must('umoci', ['unpack', ...rootless, '--image', `${layout}:${ref}`, bundle], `umoci unpack ${ref}`);
    return { searchIn: join(bundle, 'rootfs') };
  },
  async run(ctx) {
    const order = (name: string | null) => TARGETS.findIndex((t) => t.name === name);
    const images = ctx.registry.select({ kind: 'oci-manifest' }).sort((a, b) => order(a.target) - order(b.target));
    if (images.length === 0) return { skip: 'no OCI images were built (no Linux targets)' };
    const layout = ociDir(ctx.distDir);
    await mkdir(layout, { recursive: true });
    const descs: Descriptor[] = images.map((r) => ({
      mediaType: MT.manifest,
      digest: r.extra!.digest,
      size: r.size,
      platform: parsePlatform(r.extra!.platform),
    }));
    const annotations = imageAnnotations(ctx.recipe, ctx.version, ctx.sourceDateEpoch, ctx.source?.revision);
    const index = await putBlob(layout, MT.index, json({ schemaVersion: 2, mediaType: MT.index, manifests: descs, annotations }));
    const ref = (d: Descriptor, name: string): Descriptor => ({ ...d, annotations: { 'org.opencontainers.image.ref.name': name } });
    const top = {
      schemaVersion: 2,
      mediaType: MT.index,
      manifests: [
        ref(index, ctx.version),
        ref(index, 'latest'),
        ...descs.map((d) => ref({ ...d }, `${ctx.version}-${d.platform!.architecture}${d.platform!.variant ?? ''}`)),
      ],
    };
    await writeFileAtomic(join(layout, 'oci-layout'), json({ imageLayoutVersion: MT.layout }));
    await writeFileAtomic(join(layout, 'index.json'), json(top));
    const archive = join(ctx.distDir, ociArchiveName(ctx.version));
    const entries = await walkTree(layout, archive);
    await writeFileAtomic(archive, tarBytes(await tarEntriesFromTree(entries, '', false), { mtime: ctx.sourceDateEpoch }));
    const out: ArtifactRecord[] = [
      await recordOf(ctx.distDir, join(layout, 'index.json'), 'oci-layout', null, { digest: index.digest }),
      await recordOf(ctx.distDir, archive, 'oci-layout', null, { digest: index.digest }),
    ];
    return out;
  },
};
