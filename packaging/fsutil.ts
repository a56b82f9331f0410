// Filesystem helpers every packager shares: temp-and-rename writes (a killed run never
// leaves a partial artifact under its final name), hashing, and artifact records.

import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import type { ArtifactKind, ArtifactRecord } from './types.ts';

/** A temp name beside `finalPath` (same filesystem, so rename is atomic). */
export function tempPathFor(finalPath: string): string {
  return `${dirname(finalPath)}/.${finalPath.slice(dirname(finalPath).length + 1)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Lets `produce` write a temp path, then renames it to `finalPath`; removes the temp on failure. */
export async function writeAtomically(finalPath: string, produce: (tmp: string) => Promise<void>): Promise<void> {
  await mkdir(dirname(finalPath), { recursive: true });
  const tmp = tempPathFor(finalPath);
  try {
    await produce(tmp);
    await rename(tmp, finalPath);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
}

export async function writeFileAtomic(finalPath: string, data: string | Uint8Array): Promise<void> {
  await writeAtomically(finalPath, (tmp) => writeFile(tmp, data));
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function hashFile(path: string, algo = 'sha256'): Promise<string> {
  const h = createHash(algo);
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** Builds the registry record of a finished file. */
export async function recordOf(
  distDir: string,
  path: string,
  kind: ArtifactKind,
  target: string | null,
  extra?: Record<string, string>,
): Promise<ArtifactRecord> {
  const st = await stat(path);
  return {
    path,
    name: relative(distDir, path).split('\\').join('/'),
    kind,
    target,
    sha256: await hashFile(path),
    size: st.size,
    ...(extra ? { extra } : {}),
  };
}

/** UTC ISO-8601 without milliseconds, e.g. 2023-11-14T22:13:20Z. */
export function isoDate(epoch: number): string {
  return new Date(epoch * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Canonical JSON: sorted keys, no whitespace (for hashing and byte-stable files). */
export function canonicalJson(v: unknown): string {
  return JSON.stringify(sortKeys(v));
}

export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sortKeys(o[k])]));
  }
  return v;
}

/** Deterministic UUID (version 5 layout) from a name: same content, same GUID. */
export function uuidFromName(name: string): string {
  const h = createHash('sha1').update(name).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`.toUpperCase();
}
