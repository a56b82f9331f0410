// deb: pyvm_<v>_<debarch>.deb per Linux target with a Debian architecture in the target
// table, built by dpkg-deb --root-owner-group with SOURCE_DATE_EPOCH (byte-reproducible).

import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { recordOf, writeAtomically } from './fsutil.ts';
import { populateFhs, stampTree } from './linuxpkg.ts';
import { runTool } from './run.ts';
import { checkStagedTree } from './stage.ts';
import { walkTree } from './tree.ts';
import type { TargetPackager } from './types.ts';
import type { Target } from '../common/targets.ts';
import { checkVersion } from './version.ts';

export function debFileName(name: string, version: string, debArch: string): string {
  return `${name}_${version}_${debArch}.deb`;
}

const hasDebArch = (t: Target): boolean => t.os === 'linux' && t.debArch !== null;

export const debPackager: TargetPackager = {
  kind: 'deb',
  scope: 'target',
  appliesTo: hasDebArch,
  tools: [{ command: 'dpkg-deb', debPackage: 'dpkg', purpose: 'building and unpacking deb packages', use: 'build' }],
  contentType: () => 'application/vnd.debian.binary-package',
  async install(o) {
    await o.must('dpkg-deb', ['-x', o.file, o.prefix], 'dpkg-deb -x');
    return {};
  },
  async run(ctx) {
    const t = ctx.target;
    if (!hasDebArch(t) || !t.debArch) return { skip: `${t.name} has no Debian architecture in the target table` };
    const r = ctx.recipe;
    const file = debFileName(r.name, ctx.version, t.debArch);
    checkVersion('deb', ctx.version, file);
    await checkStagedTree(ctx.tree, file);
    const entries = await walkTree(ctx.tree.dir, file);
    const root = join(ctx.workDir, `deb-${t.name}`);
    await rm(root, { recursive: true, force: true });
    const paths = await populateFhs(root, entries, r.name, ctx.sourceDateEpoch);
    let kib = 0;
    const md5: string[] = [];
    for (const p of paths) {
      const e = entries.find((x) => x.rel === p.replace(/^usr\//, '')) ?? null;
      const data = await readFile(join(root, p)).catch(() => null);
      if (data && (!e || e.type === 'file')) {
        kib += Math.ceil(data.length / 1024);
        md5.push(`${createHash('md5').update(data).digest('hex')}  ${p}\n`);
      } else kib += 1;
    }
    const description = r.description.replace(/\n/g, ' ').match(/.{1,72}(\s|$)/g)!.map((l) => ` ${l.trim()}`).join('\n');
    await mkdir(join(root, 'DEBIAN'));
    await writeFile(
      join(root, 'DEBIAN/control'),
      [
        `Package: ${r.name}`,
        `Version: ${ctx.version}`,
        `Architecture: ${t.debArch}`,
        `Maintainer: ${r.maintainer}`,
        `Installed-Size: ${kib}`,
        'Section: interpreters',
        'Priority: optional',
        `Homepage: ${r.homepage}`,
        `Description: ${r.summary}`,
        description,
        '',
      ].join('\n'),
    );
    await writeFile(join(root, 'DEBIAN/md5sums'), md5.sort().join(''));
    await stampTree(root, ctx.sourceDateEpoch);
    const path = join(ctx.distDir, file);
    await writeAtomically(path, async (tmp) => {
      await runTool(file, 'dpkg-deb', ['--root-owner-group', '-Zxz', '--build', root, tmp], {
        env: { SOURCE_DATE_EPOCH: String(ctx.sourceDateEpoch) },
      });
    });
    await rm(root, { recursive: true, force: true });
    return [await recordOf(ctx.distDir, path, 'deb', t.name, { arch: t.debArch })];
  },
};
