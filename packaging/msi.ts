// msi: pyvm-<v>-<target>.msi for Windows targets, built by wixl (-a x64).
//
// wixl is not reproducible on its own: every build gets a random package code (the
// summary-information Revision GUID) and the current time as the Created/Last-saved dates;
// the CAB, tables and CFB layout are otherwise byte-stable. We make it reproducible by
//  1. running wixl under faketime at SOURCE_DATE_EPOCH (fixes both FILETIMEs), and
//  2. replacing the random package code, in place, by a GUID derived from the content hash
//     of the MSI (computed with the GUID zeroed). The GUID is a fixed-size 38-byte string
//     in the SummaryInformation stream, so the CFB structure is untouched.
// Product code: from target + version (a new version is a new product); UpgradeCode: from
// target only (so versions upgrade each other: MajorUpgrade removes the older product); component GUIDs: from target + file path.

import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PackagingError } from './errors.ts';
import { recordOf, sha256, uuidFromName, writeFileAtomic } from './fsutil.ts';
import { runTool } from './run.ts';
import { checkStagedTree, treeName } from './stage.ts';
import { walkTree, type TreeEntry } from './tree.ts';
import type { TargetPackager } from './types.ts';
import { isWindows } from '../common/targets.ts';
import { windowsVersion } from './version.ts';

export function msiFileName(version: string, target: string): string {
  return `${treeName(version, target)}.msi`;
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function id(prefix: string, rel: string): string {
  return `${prefix}_${sha256(rel).slice(0, 16)}`;
}

export function msiWxs(name: string, target: string, version: string, manufacturer: string, summary: string, entries: readonly TreeEntry[]): string {
  const [maj, min, pat] = windowsVersion(version, msiFileName(version, target));
  const children = new Map<string, TreeEntry[]>();
  for (const e of entries) {
    const parent = e.rel.includes('/') ? e.rel.slice(0, e.rel.lastIndexOf('/')) : '';
    children.set(parent, [...(children.get(parent) ?? []), e]);
  }
  const componentRefs: string[] = [];
  const dirXml = (rel: string, indent: string): string[] => {
    const out: string[] = [];
    for (const e of children.get(rel) ?? []) {
      const base = e.rel.slice(e.rel.lastIndexOf('/') + 1);
      if (e.type === 'dir') {
        out.push(`${indent}<Directory Id="${id('d', e.rel)}" Name="${xml(base)}">`, ...dirXml(e.rel, indent + '  '), `${indent}</Directory>`);
      } else if (e.type === 'file') {
        const c = id('c', e.rel);
        componentRefs.push(c);
        out.push(
          `${indent}<Component Id="${c}" Guid="${uuidFromName(`${name}:${target}:component:${e.rel}`)}" Win64="yes">`,
          `${indent}  <File Id="${id('f', e.rel)}" Name="${xml(base)}" Source="${xml(e.rel)}" KeyPath="yes"/>`,
          `${indent}</Component>`,
        );
      } else throw new Error(`${msiFileName(version, target)}: links cannot be installed by an MSI (${e.rel})`);
    }
    return out;
  };
  const dirs = dirXml('', '          ');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">',
    `  <Product Id="${uuidFromName(`${name}:${target}:product:${version}`)}" Name="${xml(name)}" Language="1033" Version="${maj}.${min}.${pat}" Manufacturer="${xml(manufacturer)}" UpgradeCode="${uuidFromName(`${name}:${target}:upgrade`)}">`,
    `    <Package InstallerVersion="500" Compressed="yes" InstallScope="perMachine" Description="${xml(summary)}"/>`,
    `    <MajorUpgrade DowngradeErrorMessage="A newer version of ${xml(name)} is already installed."/>`,
    '    <Media Id="1" Cabinet="pyvm.cab" EmbedCab="yes"/>',
    '    <Directory Id="TARGETDIR" Name="SourceDir">',
    '      <Directory Id="ProgramFiles64Folder">',
    `        <Directory Id="INSTALLDIR" Name="${xml(name)}">`,
    ...dirs,
    '        </Directory>',
    '      </Directory>',
    '    </Directory>',
    '    <Feature Id="Main" Level="1">',
    ...componentRefs.map((c) => `      <ComponentRef Id="${c}"/>`),
    '    </Feature>',
    '  </Product>',
    '</Wix>',
    '',
  ].join('\n');
}

const ZERO_GUID = '{00000000-0000-0000-0000-000000000000}';

export const msiPackager: TargetPackager = {
  kind: 'msi',
  scope: 'target',
  appliesTo: isWindows,
  tools: [
    { command: 'wixl', debPackage: 'wixl', purpose: 'MSI Windows installers', use: 'build' },
    { command: 'msiinfo', debPackage: 'msitools', purpose: 'reading MSI installers', use: 'build' },
    { command: 'faketime', debPackage: 'faketime', purpose: 'pinning the MSI build time', use: 'build' },
    { command: 'msiextract', debPackage: 'msitools', purpose: 'checking MSI contents', use: 'check' },
  ],
  contentType: () => 'application/x-msi',
  async install(o) {
    const r = await o.wine(['msiexec', '/i', o.winePath(o.file), '/qn', `INSTALLDIR=${o.winePath(o.prefix)}`]);
    if (r.code !== 0) throw new Error(`msiexec /i exited ${r.code}: ${r.stderr.slice(0, 400)}`);
    return {
      // the product stays registered in the shared prefix unless removed
      cleanup: async () => {
        await o.wine(['msiexec', '/x', o.winePath(o.file), '/qn']);
      },
      // INSTALLDIR is honoured when the installer offers it; otherwise it went to Program Files
      searchIn: existsSync(join(o.prefix, 'bin')) ? o.prefix : join(o.winePrefix, 'drive_c', 'Program Files'),
    };
  },
  async run(ctx) {
    if (!isWindows(ctx.target)) return { skip: `${ctx.target.name} is not a Windows target` };
    const file = msiFileName(ctx.version, ctx.target.name);
    await checkStagedTree(ctx.tree, file);
    const entries = await walkTree(ctx.tree.dir, file);
    const wxs = msiWxs(ctx.recipe.name, ctx.target.name, ctx.version, ctx.recipe.vendor, ctx.recipe.summary, entries);
    const work = join(ctx.workDir, `msi-${ctx.target.name}`);
    await rm(work, { recursive: true, force: true });
    await mkdir(work, { recursive: true });
    await writeFile(join(work, 'pyvm.wxs'), wxs);
    const stamp = new Date(ctx.sourceDateEpoch * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '');
    // wixl resolves Source= relative to the working directory and rejects absolute paths
    const raw = join(work, 'raw.msi');
    await runTool(file, 'faketime', ['-f', `@${stamp}`, 'wixl', '-a', 'x64', '-o', raw, join(work, 'pyvm.wxs')], { cwd: ctx.tree.dir });
    const info = await runTool(file, 'msiinfo', ['suminfo', raw]);
    const random = /Revision number \(UUID\): (\{[0-9A-F-]{36}\})/.exec(info.stdout)?.[1];
    const bytes = await readFile(raw);
    const at = random ? bytes.indexOf(Buffer.from(random, 'latin1')) : -1;
    if (!random || at < 0 || bytes.indexOf(Buffer.from(random, 'latin1'), at + 1) >= 0)
      throw new PackagingError(file, 'tool-failed', 'cannot find the package code exactly once in the SummaryInformation stream; wixl output changed');
    bytes.write(ZERO_GUID, at, 'latin1');
    const code = `{${uuidFromName(`${ctx.recipe.name}:package:${sha256(bytes)}`)}}`;
    bytes.write(code, at, 'latin1');
    const path = join(ctx.distDir, file);
    await writeFileAtomic(path, bytes);
    await rm(work, { recursive: true, force: true });
    return [await recordOf(ctx.distDir, path, 'msi', ctx.target.name, { packageCode: code })];
  },
};
