// The content-addressed store every cache uses (the release task engine, the translator's
// stages and its transpiled modules): <root>/<stage>/<key>/{entry.json,files/...}.
//
// An entry is built in a temporary directory and renamed into place, so a killed or
// out-of-space writer leaves at most a .tmp-PID-* directory (swept once PID is dead), never
// a torn entry under its key. Every byte an entry holds is covered by its verification:
// entry.json lists each file's sha256, size and mode, and carries a seal (the sha256 of its
// own text without the seal) so that a damaged entry.json that still parses is caught too.
// A damaged entry is reported through onDamaged, removed and rebuilt, never trusted.
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { hashFileSync, sha256 } from './hash.ts';
import { explainWriteError, pidAlive } from './atomic.ts';

export interface FileRecord {
  /** path relative to the entry's files/ directory, forward slashes */
  path: string;
  sha256: string;
  size: number;
  /** 0o755 or 0o644 */
  mode: number;
}

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

/** What a reader found wrong with an entry it then removed. */
export interface Damage {
  stage: string;
  key: string;
  problem: string;
}

const ENTRY = 'entry.json';
/** The file of a single-blob entry (putBlob/getBlob). */
const BLOB = 'blob';
const KEY = /^[0-9a-f]{64}$/;

/** entry.json's text: the info, then the seal over the info's own text. */
function sealed(info: EntryInfo): string {
  const body = JSON.stringify(info, null, 1);
  return JSON.stringify({ ...info, seal: sha256(body) }, null, 1);
}

/** Every file and directory below dir; anything else (a symlink, a device) is a problem. */
function walk(dir: string, rel = '', out: string[] = []): string[] {
  for (const ent of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const p = rel ? `${rel}/${ent.name}` : ent.name;
    if (ent.isDirectory()) walk(dir, p, out);
    else if (ent.isFile()) out.push(p);
    else throw new Error(`${p} is not a regular file`);
  }
  return out;
}

export class Store {
  /** Called for each damaged entry a read finds (and removes). */
  onDamaged: (d: Damage) => void = () => {};

  constructor(readonly root: string) {}

  entryPath(stage: string, key: string): string {
    return join(this.root, stage, key);
  }

  /** Cheap presence check (no hashing): used by plans. */
  has(stage: string, key: string): boolean {
    return existsSync(join(this.entryPath(stage, key), ENTRY));
  }

  /** A fresh temporary directory for building an entry of this stage. */
  tempDir(stage: string): string {
    const dir = join(this.root, stage, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
    try {
      mkdirSync(join(dir, 'files'), { recursive: true });
    } catch (e) {
      throw explainWriteError(e, dir);
    }
    return dir;
  }

  /** entry.json of an entry if present and its seal holds, else null. */
  readInfo(stage: string, key: string): EntryInfo | null {
    const r = this.info(this.entryPath(stage, key));
    return typeof r === 'string' ? null : r;
  }

  /** The sealed info of the entry in dir, or what is wrong with it. */
  private info(dir: string): EntryInfo | string {
    let raw: string;
    try {
      raw = readFileSync(join(dir, ENTRY), 'utf8');
    } catch {
      return `${ENTRY} missing`;
    }
    let parsed: EntryInfo & { seal?: unknown };
    try {
      parsed = JSON.parse(raw) as EntryInfo & { seal?: unknown };
    } catch {
      return `${ENTRY} is not JSON`;
    }
    if (!parsed || typeof parsed !== 'object' || typeof parsed.seal !== 'string') return `${ENTRY} has no seal`;
    const { seal: _seal, ...info } = parsed;
    if (sealed(info) !== raw) return `${ENTRY} does not match its seal`;
    if (!Array.isArray(info.files)) return `${ENTRY} lists no files`;
    if (info.key !== basename(dir) || info.stage !== basename(dirname(dir))) return `${ENTRY} names another entry (${info.stage}/${info.key})`;
    return info;
  }

  /** Null when the entry in dir is intact (entry.json and every file), else what is wrong. */
  verify(dir: string): string | null {
    const info = this.info(dir);
    return typeof info === 'string' ? info : this.checkFiles(dir, info);
  }

  private checkFiles(dir: string, info: EntryInfo, content?: Map<string, Buffer>): string | null {
    const files = join(dir, 'files');
    let present: string[];
    try {
      present = walk(files);
    } catch (e) {
      return `files/: ${(e as Error).message}`;
    }
    const listed = new Set(info.files.map((f) => f.path));
    const extra = present.find((p) => !listed.has(p));
    if (extra !== undefined) return `files/${extra} is not listed in ${ENTRY}`;
    for (const f of info.files) {
      const p = join(files, f.path);
      let st;
      try {
        st = lstatSync(p);
      } catch {
        return `files/${f.path} missing`;
      }
      if (st.size !== f.size) return `files/${f.path}: ${st.size} bytes, expected ${f.size}`;
      if ((st.mode & 0o777) !== f.mode) return `files/${f.path}: mode ${(st.mode & 0o777).toString(8)}, expected ${f.mode.toString(8)}`;
      const data = content?.get(f.path);
      if ((data ? sha256(data) : hashFileSync(p)) !== f.sha256) return `files/${f.path}: sha256 mismatch`;
    }
    return null;
  }

  /** Reads and verifies an entry; a missing one yields null, a damaged one is reported, removed and yields null. */
  read(stage: string, key: string, onDamaged: (d: Damage) => void = this.onDamaged): Entry | null {
    const dir = this.entryPath(stage, key);
    if (!existsSync(dir)) return null;
    const info = this.info(dir);
    const problem = typeof info === 'string' ? info : this.checkFiles(dir, info);
    if (problem || typeof info === 'string') {
      this.damaged(stage, key, problem ?? String(info), onDamaged);
      return null;
    }
    this.touch(dir);
    return { ...info, dir: join(dir, 'files') };
  }

  private damaged(stage: string, key: string, problem: string, report = this.onDamaged): void {
    this.discard(this.entryPath(stage, key));
    report({ stage, key, problem });
  }

  /** Records that entry (stage, key) was used without reading its files, for pruning by age. */
  markUsed(stage: string, key: string): void {
    this.touch(this.entryPath(stage, key));
  }

  /** Records the entry's last use, for pruning by age. */
  private touch(dir: string): void {
    try {
      const now = new Date();
      utimesSync(join(dir, ENTRY), now, now);
    } catch {
      /* read-only store: fine */
    }
  }

  /** Seals a temp dir built by tempDir() as the entry (stage, key). Returns the entry. */
  commit(stage: string, key: string, name: string, tmp: string, meta: unknown): Entry {
    const filesDir = join(tmp, 'files');
    const files: FileRecord[] = [];
    for (const path of walk(filesDir).sort()) {
      const p = join(filesDir, path);
      const st = lstatSync(p);
      const mode = st.mode & 0o111 ? 0o755 : 0o644;
      chmodSync(p, mode);
      files.push({ path, sha256: hashFileSync(p), size: st.size, mode });
    }
    const info: EntryInfo = { stage, key, name, files, meta: meta ?? null };
    try {
      writeFileSync(join(tmp, ENTRY), sealed(info));
    } catch (e) {
      rmSync(tmp, { recursive: true, force: true });
      throw explainWriteError(e, join(this.entryPath(stage, key), ENTRY));
    }
    const final = this.entryPath(stage, key);
    const collided = (e: unknown): boolean => ['ENOTEMPTY', 'EEXIST'].includes((e as NodeJS.ErrnoException).code ?? '');
    try {
      renameSync(tmp, final);
    } catch (e) {
      if (!collided(e)) {
        rmSync(tmp, { recursive: true, force: true });
        throw e;
      }
      // someone else committed the same key first; theirs is as good as ours
      const existing = this.read(stage, key);
      if (existing) {
        rmSync(tmp, { recursive: true, force: true });
        return existing;
      }
      // what was there was damaged or unsealed (read reported and removed it): ours replaces it
      try {
        renameSync(tmp, final);
      } catch (e2) {
        rmSync(tmp, { recursive: true, force: true });
        throw collided(e2) ? new Error(`store: could not commit ${stage}/${key}: ${(e2 as NodeJS.ErrnoException).code}`) : e2;
      }
    }
    return { ...info, dir: join(final, 'files') };
  }

  /** One buffer as the entry (stage, key): for caches whose entries are single values. */
  putBlob(stage: string, key: string, data: Buffer | string): void {
    const tmp = this.tempDir(stage);
    try {
      writeFileSync(join(tmp, 'files', BLOB), data);
    } catch (e) {
      rmSync(tmp, { recursive: true, force: true });
      throw explainWriteError(e, join(this.entryPath(stage, key), 'files', BLOB), Buffer.byteLength(data));
    }
    this.commit(stage, key, stage, tmp, null);
  }

  /**
   * A putBlob entry whose value may change under the same key (state that is not content-addressed:
   * TypeScript's incremental state, a module's growing set of flow graphs): the old entry goes
   * first, so a reader in between finds none and rebuilds, never a mix.
   */
  replaceBlob(stage: string, key: string, data: Buffer | string): void {
    this.discard(this.entryPath(stage, key));
    this.putBlob(stage, key, data);
  }

  /** The verified buffer of a putBlob entry; null when absent or damaged (reported and removed). */
  getBlob(stage: string, key: string): Buffer | null {
    const dir = this.entryPath(stage, key);
    if (!existsSync(dir)) return null;
    const info = this.info(dir);
    let data: Buffer | undefined;
    let problem: string | null;
    if (typeof info === 'string') problem = info;
    else {
      try {
        data = readFileSync(join(dir, 'files', BLOB));
      } catch {
        /* reported as missing below */
      }
      problem = this.checkFiles(dir, info, data ? new Map([[BLOB, data]]) : undefined);
      if (!problem && info.files.length !== 1) problem = `a blob entry holds ${info.files.length} files`;
    }
    if (problem || !data) {
      this.damaged(stage, key, problem ?? 'no blob');
      return null;
    }
    this.touch(dir);
    return data;
  }

  /**
   * The file of a putBlob entry, verified by hashing it in chunks (never held in memory whole),
   * with its recorded sha256 and size; null when absent or damaged (reported and removed). For
   * large blobs a caller copies or only checks: the translator's warm path verifies the C it
   * does not read and copies the linked binary it does not parse.
   */
  blobFile(stage: string, key: string): { path: string; sha256: string; size: number } | null {
    const dir = this.entryPath(stage, key);
    if (!existsSync(dir)) return null;
    const info = this.info(dir);
    let problem = typeof info === 'string' ? info : this.checkFiles(dir, info);
    if (!problem && typeof info !== 'string' && (info.files.length !== 1 || info.files[0].path !== BLOB)) problem = `a blob entry holds ${info.files.map((f) => f.path).join(', ')}`;
    if (problem || typeof info === 'string') {
      this.damaged(stage, key, problem ?? String(info));
      return null;
    }
    this.touch(dir);
    return { path: join(dir, 'files', BLOB), sha256: info.files[0].sha256, size: info.files[0].size };
  }

  /** Moves a directory out of the way atomically, then deletes it. */
  discard(dir: string): void {
    const trash = join(dirname(dir), `.trash-${process.pid}-${randomBytes(4).toString('hex')}`);
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
      .filter((k) => KEY.test(k) && existsSync(join(dir, k, ENTRY)))
      .sort();
  }

  /**
   * Removes leftovers of killed writers (temp dirs and trash of dead processes), found by name
   * alone; deep also removes unsealed key dirs, which costs a look into every entry (seconds
   * in a store of 100,000 entries, so only `release cache prune` asks: a read of such a dir
   * finds it damaged and removes it anyway). Returns how many.
   */
  sweep(deep = false): number {
    let n = 0;
    for (const stage of this.stages()) {
      const dir = join(this.root, stage);
      for (const name of readdirSync(dir)) {
        // (also the single temp files of the translator's earlier store: .KEY.PID.TIME.tmp)
        const m = name.startsWith('.') ? (/^\.(?:tmp|trash)-(\d+)-/.exec(name) ?? /^\.[0-9a-f]{64}\.(\d+)\.\d+\.tmp$/.exec(name)) : null;
        if ((m && !pidAlive(Number(m[1]))) || (deep && KEY.test(name) && !existsSync(join(dir, name, ENTRY)))) {
          // a key without entry.json cannot come from commit(): debris (or an entry of the earlier format)
          rmSync(join(dir, name), { recursive: true, force: true });
          n++;
        }
      }
    }
    return n;
  }
}
