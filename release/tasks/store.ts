// The content-addressed store: <root>/<stage>/<key>/{entry.json,files/...}. An entry is
// built in a temporary directory and renamed into place, so a killed writer leaves at most
// a .tmp-* directory (swept later), never a torn entry; entry.json lists every file's
// sha256 and size, and reads verify them, dropping an entry that does not match.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, chmodSync, lstatSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { hashFile, listFiles } from './hash.ts';
import type { FileRecord } from './types.ts';

export interface EntryInfo {
  stage: string;
  key: string;
  name: string;
  files: FileRecord[];
  meta: unknown;
}

export interface Entry extends EntryInfo {
  /** directory holding the files */
  dir: string;
}

const ENTRY = 'entry.json';

/** Whether a process with this id exists (a temporary file's writer may still be running). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class Store {
  constructor(readonly root: string) {}

  entryPath(stage: string, key: string): string {
    return join(this.root, stage, key);
  }

  /** Cheap presence check (no hashing): used by plan. */
  has(stage: string, key: string): boolean {
    return existsSync(join(this.entryPath(stage, key), ENTRY));
  }

  /** A fresh temporary directory for building an entry of this stage. */
  tempDir(stage: string): string {
    const dir = join(this.root, stage, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
    mkdirSync(join(dir, 'files'), { recursive: true });
    return dir;
  }

  /** Reads and verifies an entry; a missing or damaged one yields null (damaged ones are removed). */
  async read(stage: string, key: string): Promise<Entry | null> {
    const dir = this.entryPath(stage, key);
    const info = this.readInfo(stage, key);
    if (!info) {
      if (existsSync(dir)) this.discard(dir);
      return null;
    }
    const problem = await this.verify(dir, info);
    if (problem) {
      this.discard(dir);
      return null;
    }
    try {
      // the entry's last use, for pruning by age
      const now = new Date();
      utimesSync(join(dir, ENTRY), now, now);
    } catch {
      /* read-only store: fine */
    }
    return { ...info, dir: join(dir, 'files') };
  }

  readInfo(stage: string, key: string): EntryInfo | null {
    try {
      return JSON.parse(readFileSync(join(this.entryPath(stage, key), ENTRY), 'utf8')) as EntryInfo;
    } catch {
      return null;
    }
  }

  /** Null when intact, else what is wrong. */
  async verify(dir: string, info: EntryInfo): Promise<string | null> {
    const present = listFiles(join(dir, 'files'));
    if (present.length !== info.files.length) return `expected ${info.files.length} files, found ${present.length}`;
    for (const f of info.files) {
      const p = join(dir, 'files', f.path);
      let size: number;
      try {
        size = statSync(p).size;
      } catch {
        return `${f.path} missing`;
      }
      if (size !== f.size) return `${f.path}: size ${size}, expected ${f.size}`;
      if ((await hashFile(p)) !== f.sha256) return `${f.path}: sha256 mismatch`;
    }
    return null;
  }

  /** Seals a temp dir built by tempDir() as the entry (stage, key). Returns the entry. */
  async commit(stage: string, key: string, name: string, tmp: string, meta: unknown): Promise<Entry> {
    const filesDir = join(tmp, 'files');
    const files: FileRecord[] = [];
    for (const path of listFiles(filesDir)) {
      const p = join(filesDir, path);
      const st = lstatSync(p);
      const mode = st.mode & 0o111 ? 0o755 : 0o644;
      chmodSync(p, mode);
      files.push({ path, sha256: await hashFile(p), size: st.size, mode });
    }
    const info: EntryInfo = { stage, key, name, files, meta: meta ?? null };
    writeFileSync(join(tmp, ENTRY), JSON.stringify(info, null, 1));
    const final = this.entryPath(stage, key);
    try {
      renameSync(tmp, final);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw e;
      // someone else committed the same key first; theirs is as good as ours
      rmSync(tmp, { recursive: true, force: true });
      const existing = await this.read(stage, key);
      if (existing) return existing;
      throw new Error(`store: could not commit ${stage}/${key}: ${code}`);
    }
    return { ...info, dir: join(final, 'files') };
  }

  /** Moves a directory out of the way atomically, then deletes it. */
  discard(dir: string): void {
    const trash = `${dir}.trash-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      renameSync(dir, trash);
      rmSync(trash, { recursive: true, force: true });
    } catch {
      /* already gone */
    }
  }

  stages(): string[] {
    if (!existsSync(this.root)) return [];
    return readdirSync(this.root, { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
      .map((d) => d.name)
      .sort();
  }

  /** Keys of complete entries of a stage. */
  keys(stage: string): string[] {
    const dir = join(this.root, stage);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((k) => /^[0-9a-f]{64}$/.test(k) && existsSync(join(dir, k, ENTRY)))
      .sort();
  }

  /** Removes leftovers of killed writers (temp dirs of dead processes, trash). Returns how many. */
  sweep(): number {
    let n = 0;
    for (const stage of this.stages()) {
      const dir = join(this.root, stage);
      for (const name of readdirSync(dir)) {
        const tmp = /^\.tmp-(\d+)-/.exec(name);
        const trash = /\.trash-(\d+)-/.exec(name);
        const m = tmp ?? trash;
        if (m && (Number(m[1]) === process.pid ? false : !pidAlive(Number(m[1])))) {
          rmSync(join(dir, name), { recursive: true, force: true });
          n++;
        } else if (/^[0-9a-f]{64}$/.test(name) && !existsSync(join(dir, name, ENTRY))) {
          // a directory without entry.json cannot come from commit(); treat as debris
          rmSync(join(dir, name), { recursive: true, force: true });
          n++;
        }
      }
    }
    return n;
  }
}
