// rpm: pyvm-<v>-1.<rpmarch>.rpm per Linux target with an rpm architecture in the target
// table, built by rpmbuild --target <arch> with the reproducibility defines from
// TOOLCHAIN.md (fixed build host, SOURCE_DATE_EPOCH as build time, clamped mtimes, no
// debuginfo, no build-id links, no os_install_post so a foreign binary is never stripped).

import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PackagingError } from './errors.ts';
import { recordOf, writeAtomically } from './fsutil.ts';
import { populateFhs } from './linuxpkg.ts';
import { runTool } from './run.ts';
import { checkStagedTree } from './stage.ts';
import { walkTree } from './tree.ts';
import type { TargetPackager } from './types.ts';
import type { Target } from '../common/targets.ts';
import { checkVersion } from './version.ts';

export const RPM_RELEASE = '1';

export function rpmFileName(name: string, version: string, rpmArch: string): string {
  return `${name}-${version}-${RPM_RELEASE}.${rpmArch}.rpm`;
}

function changelogDate(epoch: number): string {
  const d = new Date(epoch * 1000);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, '0')} ${d.getUTCFullYear()}`;
}

const hasRpmArch = (t: Target): boolean => t.os === 'linux' && t.rpmArch !== null;

export const rpmPackager: TargetPackager = {
  kind: 'rpm',
  scope: 'target',
  appliesTo: hasRpmArch,
  tools: [
    { command: 'rpmbuild', debPackage: 'rpm', purpose: 'building rpm packages', use: 'build' },
    { command: 'rpm2cpio', debPackage: 'rpm2cpio', purpose: 'installing rpm packages in smoke tests', use: 'smoke' },
    { command: 'cpio', debPackage: 'cpio', purpose: 'installing rpm packages in smoke tests', use: 'smoke' },
  ],
  contentType: () => 'application/x-rpm',
  async install(o) {
    await o.must('sh', ['-c', 'rpm2cpio "$1" | cpio -idm --quiet', 'sh', o.file], 'rpm2cpio | cpio', { cwd: o.prefix });
    return {};
  },
  async run(ctx) {
    const t = ctx.target;
    if (!hasRpmArch(t) || !t.rpmArch) return { skip: `${t.name} has no rpm architecture in the target table` };
    const r = ctx.recipe;
    const file = rpmFileName(r.name, ctx.version, t.rpmArch);
    checkVersion('rpm', ctx.version, file);
    await checkStagedTree(ctx.tree, file);
    const entries = await walkTree(ctx.tree.dir, file);
    const top = join(ctx.workDir, `rpm-${t.name}`);
    await rm(top, { recursive: true, force: true });
    const payload = join(top, 'payload');
    const paths = await populateFhs(payload, entries, r.name, ctx.sourceDateEpoch);
    const ownedDirs = new Set([`usr/lib/${r.name}`, `usr/share/doc/${r.name}`]);
    const files = paths.filter((p) => [...ownedDirs].every((d) => !p.startsWith(`${d}/`)) && !ownedDirs.has(p));
    const spec = [
      '%define debug_package %{nil}',
      '%global __os_install_post %{nil}',
      '%define _build_id_links none',
      `Name: ${r.name}`,
      `Version: ${ctx.version}`,
      `Release: ${RPM_RELEASE}`,
      `Summary: ${r.summary}`,
      `License: ${r.license}`,
      `URL: ${r.homepage}`,
      `Vendor: ${r.vendor}`,
      `Packager: ${r.maintainer}`,
      'AutoReqProv: no',
      '',
      '%description',
      r.description,
      '',
      '%install',
      'mkdir -p %{buildroot}',
      `cp -a ${payload}/. %{buildroot}/`,
      '',
      '%files',
      '%defattr(-,root,root,-)',
      ...[...ownedDirs].map((d) => `/${d}`),
      ...files.map((p) => `/${p}`),
      '',
      '%changelog',
      `* ${changelogDate(ctx.sourceDateEpoch)} ${r.maintainer} - ${ctx.version}-${RPM_RELEASE}`,
      `- ${r.name} ${ctx.version}`,
      '',
    ].join('\n');
    await mkdir(join(top, 'SPECS'), { recursive: true });
    await writeFile(join(top, 'SPECS/pyvm.spec'), spec);
    const path = join(ctx.distDir, file);
    await writeAtomically(path, async (tmp) => {
      await runTool(
        file,
        'rpmbuild',
        [
          '-bb', '--quiet', '--target', t.rpmArch!,
          '--define', `_topdir ${top}`,
          '--define', '_buildhost reproducible',
          '--define', 'source_date_epoch_from_changelog 0',
          '--define', 'use_source_date_epoch_as_buildtime 1',
          '--define', 'clamp_mtime_to_source_date_epoch 1',
          '--define', '_binary_payload w9.xzdio',
          join(top, 'SPECS/pyvm.spec'),
        ],
        { env: { SOURCE_DATE_EPOCH: String(ctx.sourceDateEpoch), HOME: top } },
      );
      const dir = join(top, 'RPMS', t.rpmArch!);
      const built = (await readdir(dir)).filter((f) => f.endsWith('.rpm'));
      if (built.length !== 1 || built[0] !== file) throw new PackagingError(file, 'tool-failed', `rpmbuild produced ${built.join(', ') || 'nothing'} in ${dir}`);
      await copyFile(join(dir, file), tmp);
    });
    await rm(top, { recursive: true, force: true });
    return [await recordOf(ctx.distDir, path, 'rpm', t.name, { arch: t.rpmArch! })];
  },
};
