// The content-addressed stage cache: <root>/<stage>/<key>, where key is the sha256 of the
// stage's inputs. Entries are written to a temp file and renamed into place (a killed run
// never leaves a torn entry) and carry the sha256 of their content, checked on every read:
// a corrupt entry is deleted and recomputed, never trusted.
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** A stable hash of several inputs (order matters). */
export function keyOf(...parts: (string | Buffer)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    const b = typeof p === 'string' ? Buffer.from(p) : p;
    h.update(String(b.length) + ':');
    h.update(b);
  }
  return h.digest('hex');
}

const MAGIC = 'rtscache1 ';

export class Store {
  constructor(public readonly root: string) {}

  private path(stage: string, key: string): string {
    return join(this.root, stage, key);
  }

  /** The entry's content, or null when absent or corrupt (a corrupt entry is removed). */
  get(stage: string, key: string): Buffer | null {
    let raw: Buffer;
    try {
      raw = readFileSync(this.path(stage, key));
    } catch {
      return null;
    }
    const nl = raw.indexOf(10);
    const head = nl > 0 ? raw.subarray(0, nl).toString() : '';
    const body = raw.subarray(nl + 1);
    if (!head.startsWith(MAGIC) || head.slice(MAGIC.length) !== sha256(body)) {
      rmSync(this.path(stage, key), { force: true });
      return null;
    }
    return body;
  }

  has(stage: string, key: string): boolean {
    return this.get(stage, key) !== null;
  }

  put(stage: string, key: string, data: Buffer | string): void {
    const body = typeof data === 'string' ? Buffer.from(data) : data;
    const dir = join(this.root, stage);
    mkdirSync(dir, { recursive: true });
    const tmp = join(dir, `.${key}.${process.pid}.${Date.now()}.tmp`);
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, Buffer.from(`${MAGIC}${sha256(body)}\n`));
      writeSync(fd, body);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.path(stage, key));
  }

  /** Entry count and bytes per stage. */
  stats(): Record<string, { entries: number; bytes: number }> {
    const out: Record<string, { entries: number; bytes: number }> = {};
    let stages: string[] = [];
    try {
      stages = readdirSync(this.root);
    } catch {
      return out;
    }
    for (const s of stages.sort()) {
      let entries = 0;
      let bytes = 0;
      for (const f of readdirSync(join(this.root, s))) {
        if (f.startsWith('.')) continue;
        entries++;
        bytes += statSync(join(this.root, s, f)).size;
      }
      out[s] = { entries, bytes };
    }
    return out;
  }
}
