// nsis: pyvm-<v>-<target>-setup.exe for Windows targets, built by makensis with
// `Target amd64-unicode` (the default 32-bit stub does nothing under a 64-bit-only wine).
// Files are listed explicitly in sorted order; SetDateSave off keeps build-time mtimes out.

import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { recordOf, writeAtomically } from './fsutil.ts';
import { runTool } from './run.ts';
import { checkStagedTree, treeName } from './stage.ts';
import { walkTree } from './tree.ts';
import type { TargetPackager } from './types.ts';
import { isWindows } from '../common/targets.ts';
import { windowsVersion } from './version.ts';

export function nsisFileName(version: string, target: string): string {
  return `${treeName(version, target)}-setup.exe`;
}

function q(s: string): string {
  if (/["\n\r$`]/.test(s)) throw new Error(`nsis: cannot quote ${JSON.stringify(s)}`);
  return `"${s}"`;
}

export const nsisPackager: TargetPackager = {
  kind: 'nsis',
  scope: 'target',
  appliesTo: isWindows,
  tools: [
    { command: 'makensis', debPackage: 'nsis', purpose: 'NSIS Windows installers', use: 'build' },
    { command: 'file', debPackage: 'file', purpose: 'checking Windows executables', use: 'check' },
  ],
  contentType: () => 'application/vnd.microsoft.portable-executable',
  async install(o) {
    const r = await o.wine([o.file, '/S', `/D=${o.winePath(o.prefix)}`]);
    if (r.code !== 0) throw new Error(`NSIS installer exited ${r.code}: ${r.stderr.slice(0, 400)}`);
    return {};
  },
  async run(ctx) {
    if (!isWindows(ctx.target)) return { skip: `${ctx.target.name} is not a Windows target` };
    const file = nsisFileName(ctx.version, ctx.target.name);
    const [maj, min, pat] = windowsVersion(ctx.version, file);
    await checkStagedTree(ctx.tree, file);
    const entries = await walkTree(ctx.tree.dir, file);
    const r = ctx.recipe;
    const uninstKey = `Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\${r.name}`;
    const win = (rel: string) => rel.split('/').join('\\');
    const lines = [
      'Target amd64-unicode',
      `Name ${q(`${r.name} ${ctx.version}`)}`,
      `InstallDir "$PROGRAMFILES64\\${q(r.name).slice(1, -1)}"`,
      'RequestExecutionLevel admin',
      'SetCompressor /SOLID lzma',
      'SetDateSave off',
      'ShowInstDetails nevershow',
      `VIProductVersion ${q(`${maj}.${min}.${pat}.0`)}`,
      `VIAddVersionKey /LANG=1033 ProductName ${q(r.name)}`,
      `VIAddVersionKey /LANG=1033 ProductVersion ${q(ctx.version)}`,
      `VIAddVersionKey /LANG=1033 CompanyName ${q(r.vendor)}`,
      `VIAddVersionKey /LANG=1033 FileDescription ${q(`${r.name} installer`)}`,
      `VIAddVersionKey /LANG=1033 FileVersion ${q(`${maj}.${min}.${pat}.0`)}`,
      `VIAddVersionKey /LANG=1033 LegalCopyright ${q(r.license)}`,
      'Page directory',
      'Page instfiles',
      'UninstPage uninstConfirm',
      'UninstPage instfiles',
      'Function .onInit',
      '  SetRegView 64',
      'FunctionEnd',
      'Function un.onInit',
      '  SetRegView 64',
      'FunctionEnd',
      'Section "pyvm"',
      '  SetOutPath "$INSTDIR"',
    ];
    for (const e of entries) {
      if (e.type === 'dir') lines.push(`  CreateDirectory "$INSTDIR\\${win(e.rel)}"`);
      else if (e.type === 'file') {
        const dir = e.rel.includes('/') ? `\\${win(e.rel.slice(0, e.rel.lastIndexOf('/')))}` : '';
        lines.push(`  SetOutPath "$INSTDIR${dir}"`, `  File ${q(e.abs)}`);
      } else throw new Error(`${file}: links cannot be installed by NSIS (${e.rel})`);
    }
    lines.push(
      '  SetOutPath "$INSTDIR"',
      '  WriteUninstaller "$INSTDIR\\Uninstall.exe"',
      `  WriteRegStr HKLM ${q(uninstKey)} DisplayName ${q(r.name)}`,
      `  WriteRegStr HKLM ${q(uninstKey)} DisplayVersion ${q(ctx.version)}`,
      `  WriteRegStr HKLM ${q(uninstKey)} Publisher ${q(r.vendor)}`,
      `  WriteRegStr HKLM ${q(uninstKey)} InstallLocation "$INSTDIR"`,
      `  WriteRegStr HKLM ${q(uninstKey)} UninstallString '"$INSTDIR\\Uninstall.exe"'`,
      `  WriteRegStr HKLM ${q(uninstKey)} QuietUninstallString '"$INSTDIR\\Uninstall.exe" /S'`,
      `  WriteRegDWORD HKLM ${q(uninstKey)} NoModify 1`,
      `  WriteRegDWORD HKLM ${q(uninstKey)} NoRepair 1`,
      'SectionEnd',
      'Section "Uninstall"',
    );
    for (const e of [...entries].reverse()) {
      if (e.type === 'file') lines.push(`  Delete "$INSTDIR\\${win(e.rel)}"`);
      else lines.push(`  RMDir "$INSTDIR\\${win(e.rel)}"`);
    }
    lines.push('  Delete "$INSTDIR\\Uninstall.exe"', '  RMDir "$INSTDIR"', `  DeleteRegKey HKLM ${q(uninstKey)}`, 'SectionEnd', '');

    const work = join(ctx.workDir, `nsis-${ctx.target.name}`);
    await rm(work, { recursive: true, force: true });
    await mkdir(work, { recursive: true });
    const script = join(work, 'setup.nsi');
    const path = join(ctx.distDir, file);
    await writeAtomically(path, async (tmp) => {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(script, [`OutFile ${q(tmp)}`, ...lines].join('\n'));
      await runTool(file, 'makensis', ['-V2', '-INPUTCHARSET', 'UTF8', '-NOCD', script], {
        cwd: work,
        env: { SOURCE_DATE_EPOCH: String(ctx.sourceDateEpoch) },
      });
    });
    await rm(work, { recursive: true, force: true });
    return [await recordOf(ctx.distDir, path, 'nsis', ctx.target.name)];
  },
};
