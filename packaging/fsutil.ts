// Filesystem helpers every packager shares: temp-and-rename writes (a killed run never
// leaves a partial artifact under its final name), hashing, and artifact records.

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { relative } from 'node:path';
import type { ArtifactKind, ArtifactRecord } from './types.ts';

// the one temp-and-rename (common/atomic.ts), as every packager has imported it from here
export { tempPathFor, writeAtomically, writeFileAtomic } from '../common/atomic.ts';

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
