// stageTree(): the one place that knows the distribution layout
//   pyvm-<version>-<target>/{bin/pyvm[.exe], lib/pyvm/, LICENSE, README}
// Modes are normalized and every mtime is SOURCE_DATE_EPOCH, so tools that read mtimes
// (NSIS, dpkg-deb, rpmbuild) see the same tree on every build.

import { access, chmod, cp, lstat, mkdir, readdir, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { findTarget, type Target } from '../common/targets.ts';
import { PackagingError } from './errors.ts';
import { tempPathFor } from './fsutil.ts';
import { DEFAULT_RECIPE } from './recipe.ts';
import type { RecipeInfo, StagedTree } from './types.ts';
import { checkReleaseVersion } from './version.ts';

export interface StageOptions {
  /** the built pyvm binary for `target` */
  binary: string;
  target: string;
  version: string;
  sourceDateEpoch: number;
  /** where pyvm-<version>-<target>/ is created */
  outDir: string;
  recipe?: RecipeInfo;
  /** optional directory whose contents become lib/pyvm/ (stdlib, ...) */
  libDir?: string;
  licenseFile?: string;
  readmeFile?: string;
}

export function treeName(version: string, target: string): string {
  return `pyvm-${version}-${target}`;
}

export function binaryRel(t: Target): string {
  return `bin/pyvm${t.exeSuffix}`;
}

export async function stageTree(o: StageOptions): Promise<StagedTree> {
  const target = findTarget(o.target);
  const recipe = o.recipe ?? DEFAULT_RECIPE;
  const name = treeName(o.version, target.name);
  checkReleaseVersion(o.version, name);
  try {
    await access(o.binary);
  } catch {
    throw new PackagingError(name, 'tree-missing-binary', `pyvm binary ${o.binary} does not exist`);
  }
  const final = join(o.outDir, name);
  await mkdir(o.outDir, { recursive: true });
  const tmp = tempPathFor(final);
  try {
    await mkdir(join(tmp, 'bin'), { recursive: true });
    await mkdir(join(tmp, 'lib/pyvm'), { recursive: true });
    await cp(o.binary, join(tmp, binaryRel(target)));
    if (o.libDir) await cp(o.libDir, join(tmp, 'lib/pyvm'), { recursive: true, dereference: false, verbatimSymlinks: true });
    if (o.licenseFile) await cp(o.licenseFile, join(tmp, 'LICENSE'));
    else await writeFile(join(tmp, 'LICENSE'), defaultLicense(recipe, o.sourceDateEpoch));
    if (o.readmeFile) await cp(o.readmeFile, join(tmp, 'README'));
    else await writeFile(join(tmp, 'README'), defaultReadme(recipe, o.version, target));
    await normalize(tmp, o.sourceDateEpoch);
    await chmod(join(tmp, binaryRel(target)), 0o755);
    await utimes(join(tmp, binaryRel(target)), o.sourceDateEpoch, o.sourceDateEpoch);
    await rm(final, { recursive: true, force: true });
    await rename(tmp, final);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  return { dir: final, target: target.name, version: o.version, sourceDateEpoch: o.sourceDateEpoch, recipe };
}

/** Checks a tree handed to a packager still has its binary (trees can come from elsewhere). */
export async function checkStagedTree(tree: StagedTree, artifact: string): Promise<void> {
  const t = findTarget(tree.target);
  try {
    await access(join(tree.dir, binaryRel(t)));
  } catch {
    throw new PackagingError(artifact, 'tree-missing-binary', `staged tree ${tree.dir} has no ${binaryRel(t)}`);
  }
}

async function normalize(dir: string, epoch: number): Promise<void> {
  for (const name of await readdir(dir)) {
    const p = join(dir, name);
    const st = await lstat(p);
    if (st.isSymbolicLink()) continue;
    if (st.isDirectory()) {
      await normalize(p, epoch);
      await chmod(p, 0o755);
    } else await chmod(p, st.mode & 0o111 ? 0o755 : 0o644);
    await utimes(p, epoch, epoch);
  }
  await utimes(dir, epoch, epoch);
}

function defaultLicense(recipe: RecipeInfo, epoch: number): string {
  const year = new Date(epoch * 1000).getUTCFullYear();
  return `${recipe.license} License\n\nCopyright (c) ${year} ${recipe.vendor}\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software and associated documentation files (the "Software"), to deal\nin the Software without restriction, including without limitation the rights\nto use, copy, modify, merge, publish, distribute, sublicense, and/or sell\ncopies of the Software, and to permit persons to whom the Software is\nfurnished to do so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all\ncopies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\nIMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,\nFITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE\nAUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER\nLIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,\nOUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE\nSOFTWARE.\n`;
}

function defaultReadme(recipe: RecipeInfo, version: string, t: Target): string {
  return `${recipe.name} ${version} for ${t.name}\n\n${recipe.description}\n\nRun bin/pyvm${t.exeSuffix} --version, or bin/pyvm${t.exeSuffix} -c 'print(6*7)'.\n\n${recipe.homepage}\n`;
}
