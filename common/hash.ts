// Hashing helpers shared by the store, the task engine and the translator: canonical JSON
// (sorted keys) so the same value always hashes the same, file and tree hashes, stage keys.
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
    .join(',')}}`;
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function hashValue(value: unknown): string {
  return sha256(canonicalJson(value));
}

export function hashFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (c) => h.update(c))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

/** Every regular file below dir, as sorted forward-slash relative paths. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const ent of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, ent.name);
      if (ent.isDirectory()) walk(p);
      else if (ent.isFile()) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Hash of a set of files (paths and contents), for task inputs. */
export async function hashTree(root: string, paths: string[]): Promise<string> {
  const h = createHash('sha256');
  for (const p of [...paths].sort()) {
    h.update(`${p}\0${statSync(join(root, p)).mode & 0o111 ? 'x' : '-'}\0${await hashFile(join(root, p))}\n`);
  }
  return h.digest('hex');
}

// one read buffer for every synchronous hash: a fresh megabyte per file made a no-op build,
// which hashes about a thousand files, spend a tenth of its time collecting garbage
let chunk: Buffer | null = null;

/** sha256 of a file read in chunks, synchronously (the store verifies entries inside sync callers). */
export function hashFileSync(path: string): string {
  const h = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buf = (chunk ??= Buffer.allocUnsafe(1 << 20));
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) h.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return h.digest('hex');
}

/** A stable hash of several inputs (order matters; each is length-prefixed so no two lists collide). */
export function keyOf(...parts: (string | Buffer)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    const b = typeof p === 'string' ? Buffer.from(p) : p;
    h.update(String(b.length) + ':');
    h.update(b);
  }
  return h.digest('hex');
}
