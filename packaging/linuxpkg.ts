// Shared by deb and rpm: the staged tree mapped onto the FHS, /usr/bin/pyvm beside
// /usr/lib/pyvm/ (so the binary finds its library as ../lib/pyvm, exactly as in the tree),
// documentation under /usr/share/doc/pyvm/.

import { chmod, copyFile, mkdir, symlink, utimes } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { TreeEntry } from './tree.ts';

/** FHS path (no leading '/') of a staged-tree entry, or null to leave it out. */
export function fhsPath(rel: string, docName: string): string | null {
  if (rel === 'bin' || rel === 'lib') return null;
  if (rel === 'LICENSE') return `usr/share/doc/${docName}/copyright`;
  if (rel === 'README') return `usr/share/doc/${docName}/README`;
  return `usr/${rel}`;
}

/** Copies the tree into `root` in FHS layout with normalized modes and mtimes; returns FHS paths. */
export async function populateFhs(root: string, entries: readonly TreeEntry[], docName: string, epoch: number): Promise<string[]> {
  const made: string[] = [];
  for (const e of entries) {
    const p = fhsPath(e.rel, docName);
    if (!p) continue;
    const dest = join(root, p);
    await mkdir(e.type === 'dir' ? dest : dirname(dest), { recursive: true });
    if (e.type === 'file') {
      await copyFile(e.abs, dest);
      await chmod(dest, e.mode);
    } else if (e.type === 'symlink') await symlink(e.linkTarget!, dest);
    made.push(p);
  }
  await stampTree(root, epoch);
  return made;
}

export async function stampTree(root: string, epoch: number): Promise<void> {
  const { readdir, lstat } = await import('node:fs/promises');
  const walk = async (d: string): Promise<void> => {
    for (const n of await readdir(d)) {
      const p = join(d, n);
      const st = await lstat(p);
      if (st.isSymbolicLink()) continue;
      if (st.isDirectory()) {
        await walk(p);
        await chmod(p, 0o755);
      }
      await utimes(p, epoch, epoch);
    }
  };
  await walk(root);
  await chmod(root, 0o755); // the root is the package's '.' entry: umask must not reach it
  await utimes(root, epoch, epoch);
}
