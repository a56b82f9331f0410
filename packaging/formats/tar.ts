// Deterministic tar writer: ustar headers encoded by the `tar` package's Header, entries in
// the order given (callers pass sorted lists), owner 0:0, normalized modes, one mtime.

import { readFile } from 'node:fs/promises';
import { Header } from 'tar';
import type { TreeEntry } from '../tree.ts';

export interface TarEntry {
  /** archive path; directories get a trailing '/' added */
  path: string;
  type: 'file' | 'dir' | 'symlink' | 'hardlink';
  mode: number;
  /** file contents (files only) */
  data?: Uint8Array;
  linkTarget?: string;
}

export interface TarOptions {
  mtime: number; // seconds (SOURCE_DATE_EPOCH)
  uname?: string; // default 'root'
}

/** Turns tree entries into tar entries under `prefix` (e.g. 'pyvm-1.0-linux-x86_64/'). */
export async function tarEntriesFromTree(entries: readonly TreeEntry[], prefix: string, includeRoot = true): Promise<TarEntry[]> {
  const out: TarEntry[] = [];
  if (includeRoot && prefix) out.push({ path: prefix.replace(/\/$/, ''), type: 'dir', mode: 0o755 });
  for (const e of entries) {
    const path = prefix + e.rel;
    if (e.type === 'file') out.push({ path, type: 'file', mode: e.mode, data: await readFile(e.abs) });
    else if (e.type === 'dir') out.push({ path, type: 'dir', mode: e.mode });
    else out.push({ path, type: 'symlink', mode: e.mode, linkTarget: e.linkTarget });
  }
  return out;
}

export function tarBytes(entries: readonly TarEntry[], opts: TarOptions): Buffer {
  const chunks: Buffer[] = [];
  const mtime = new Date(opts.mtime * 1000);
  const uname = opts.uname ?? 'root';
  for (const e of entries) {
    const size = e.type === 'file' ? (e.data?.length ?? 0) : 0;
    const h = new Header({
      path: e.type === 'dir' ? `${e.path}/` : e.path,
      mode: e.mode,
      uid: 0,
      gid: 0,
      size,
      mtime,
      type: e.type === 'file' ? 'File' : e.type === 'dir' ? 'Directory' : e.type === 'symlink' ? 'SymbolicLink' : 'Link',
      linkpath: e.linkTarget ?? '',
      uname,
      gname: uname,
    });
    const block = Buffer.alloc(512);
    if (h.encode(block, 0)) throw new Error(`tar: path too long for ustar: ${e.path}`);
    chunks.push(block);
    if (size > 0 && e.data) {
      chunks.push(Buffer.from(e.data));
      const pad = (512 - (size % 512)) % 512;
      if (pad) chunks.push(Buffer.alloc(pad));
    }
  }
  chunks.push(Buffer.alloc(1024));
  return Buffer.concat(chunks);
}
