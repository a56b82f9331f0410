// Reading a staged tree: a sorted, validated list of entries with normalized modes.
// Every format writer (tar, zip, conda, deb, rpm, OCI) consumes this one list, so the
// containment rules (no file outside the tree, no escaping link) are checked once.

import { lstat, readdir, readlink } from 'node:fs/promises';
import { isAbsolute, join, posix } from 'node:path';
import { PackagingError } from './errors.ts';

export interface TreeEntry {
  /** path relative to the tree root, '/'-separated, no leading './' */
  rel: string;
  abs: string;
  type: 'file' | 'dir' | 'symlink';
  /** normalized: 0o755 for dirs and executables, 0o644 for other files, 0o777 for links */
  mode: number;
  size: number;
  linkTarget?: string;
}

/** Byte-order comparison of '/'-joined paths (locale independent). */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Walks `root`, returning every entry below it in sorted order. Rejects device files,
 * sockets and links that are absolute or resolve outside `root`.
 */
export async function walkTree(root: string, artifact: string): Promise<TreeEntry[]> {
  const out: TreeEntry[] = [];
  async function visit(relDir: string): Promise<void> {
    const names = (await readdir(join(root, relDir))).sort(comparePaths);
    for (const name of names) {
      const rel = relDir ? `${relDir}/${name}` : name;
      const abs = join(root, rel);
      const st = await lstat(abs);
      if (st.isDirectory()) {
        out.push({ rel, abs, type: 'dir', mode: 0o755, size: 0 });
        await visit(rel);
      } else if (st.isFile()) {
        out.push({ rel, abs, type: 'file', mode: st.mode & 0o111 ? 0o755 : 0o644, size: st.size });
      } else if (st.isSymbolicLink()) {
        const target = await readlink(abs);
        const resolved = posix.normalize(posix.join(posix.dirname(rel), target));
        if (isAbsolute(target) || resolved === '..' || resolved.startsWith('../'))
          throw new PackagingError(artifact, 'tree-escape', `link ${rel} -> ${target} points outside the staged tree ${root}`);
        out.push({ rel, abs, type: 'symlink', mode: 0o777, size: 0, linkTarget: target });
      } else {
        throw new PackagingError(artifact, 'tree-file-type', `${rel} in ${root} is not a regular file, directory or link`);
      }
    }
  }
  await visit('');
  out.sort((a, b) => comparePaths(a.rel, b.rel));
  return out;
}
