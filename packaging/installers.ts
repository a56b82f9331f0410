// installer-script: install.sh and install.ps1, rendered from packaging/installers/ with the
// release version, download URL and the targets of the target table (so the scripts never
// carry a second copy of the table).

import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { TARGETS } from '../common/targets.ts';
import { recordOf, writeFileAtomic } from './fsutil.ts';
import { REPO_ROOT } from './recipe.ts';
import type { ReleasePackager, RecipeInfo } from './types.ts';

export const INSTALLERS_DIR = join(REPO_ROOT, 'packaging/installers');

function shQuoteSafe(s: string, what: string): string {
  if (/['\n\\]/.test(s)) throw new Error(`installer-script: ${what} '${s}' cannot be embedded in a quoted string`);
  return s;
}

export async function renderInstaller(file: 'install.sh' | 'install.ps1', version: string, recipe: RecipeInfo): Promise<string> {
  const text = await readFile(join(INSTALLERS_DIR, file), 'utf8');
  const unix = TARGETS.filter((t) => t.archive === 'tar.gz').map((t) => t.name);
  const windows = TARGETS.filter((t) => t.os === 'windows').map((t) => t.name);
  return text
    .replaceAll('@VERSION@', shQuoteSafe(version, 'version'))
    .replaceAll('@DOWNLOAD_URL@', shQuoteSafe(recipe.downloadUrl, 'download URL'))
    .replaceAll('@TARGETS@', unix.join(' '))
    .replaceAll('@WINDOWS_TARGETS@', windows.join(' '));
}

export const installerScriptsPackager: ReleasePackager = {
  kind: 'installer-script',
  scope: 'release',
  tools: [
    { command: 'shellcheck', debPackage: 'shellcheck', purpose: 'checking the shell installer', use: 'check' },
    { command: 'curl', debPackage: 'curl', purpose: 'the shell installer downloading in its tests', use: 'check' },
  ],
  contentType: (name) => (name.endsWith('.sh') ? 'text/x-shellscript; charset=utf-8' : 'text/plain; charset=utf-8'),
  // install.sh installs the archive of the target
  needs: ['archive'],
  async install(o) {
    if (!o.artifact.name.endsWith('.sh') || o.target.os === 'windows') return null;
    const archive = o.related.find((x) => x.r.kind === 'archive' && x.r.target === o.target.name);
    if (!archive) return null;
    await o.must(
      'sh',
      [o.file, '--prefix', o.prefix, '--archive', archive.file, '--sha256', archive.r.sha256, '--target', o.target.name, '--version', o.version],
      'sh install.sh',
      // install.sh's scratch folder goes inside the smoke test's, so a killed build's is swept with it
      { env: { ...process.env, HOME: o.prefix, TMPDIR: dirname(o.prefix) } },
    );
    return {};
  },
  async run(ctx) {
    const out = [];
    for (const file of ['install.sh', 'install.ps1'] as const) {
      const path = join(ctx.distDir, file);
      await writeFileAtomic(path, await renderInstaller(file, ctx.version, ctx.recipe));
      out.push(await recordOf(ctx.distDir, path, 'installer-script', null));
    }
    return out;
  },
};
