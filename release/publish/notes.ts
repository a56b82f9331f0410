// Release notes: the CHANGELOG.md section for the version when there is one, else the
// commits since the previous tag, followed by the checksums of the assets. Composing is pure;
// gathering reads CHANGELOG.md and asks git.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareVersions } from './assets.ts';

export interface NotesInput {
  name: string;
  version: string;
  /** the CHANGELOG.md section for the version, without its heading */
  changelog: string | null;
  /** commit subjects since previousTag (null when git could not tell) */
  commits: string[] | null;
  previousTag: string | null;
  assets: { name: string; sha256: string }[];
}

/** GitHub rejects release bodies over 125000 characters; a long log is cut well before. */
const MAX_COMMITS = 200;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The body of the `## [1.2.0]`, `## v1.2.0 - date` or `# 1.2.0` section, or null. */
export function changelogSection(text: string, version: string): string | null {
  const lines = text.split(/\r?\n/);
  const head = new RegExp(`^(#{1,6})\\s+\\[?v?${escapeRe(version)}\\]?(?=$|[\\s(:–-])`);
  for (let i = 0; i < lines.length; i++) {
    const m = head.exec(lines[i]);
    if (!m) continue;
    const level = m[1].length;
    const end = lines.findIndex((l, j) => j > i && new RegExp(`^#{1,${level}}\\s`).test(l));
    const body = lines
      .slice(i + 1, end < 0 ? lines.length : end)
      .join('\n')
      .trim();
    return body || null;
  }
  return null;
}

export function composeNotes(n: NotesInput): string {
  let intro: string;
  if (n.changelog) intro = n.changelog;
  else if (n.commits && n.commits.length) {
    const shown = n.commits.slice(0, MAX_COMMITS).map((c) => `- ${c}`);
    if (n.commits.length > MAX_COMMITS) shown.push(`- … and ${n.commits.length - MAX_COMMITS} earlier commits`);
    intro = `${n.previousTag ? `Changes since ${n.previousTag}:` : 'Changes:'}\n\n${shown.join('\n')}`;
  } else intro = `${n.name} ${n.version}.`;
  const sums = n.assets.map((a) => `${a.sha256}  ${a.name}`);
  return `${intro}\n\n## Checksums (SHA-256)\n\n\`\`\`\n${sums.join('\n')}\n\`\`\`\n`;
}

function git(root: string, args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 16 << 20 });
  } catch {
    return null;
  }
}

/** CHANGELOG.md's section, or the commits since the previous v* tag older than this version. */
export function gatherNotes(root: string, version: string, tag: string): Pick<NotesInput, 'changelog' | 'commits' | 'previousTag'> {
  const file = join(root, 'CHANGELOG.md');
  const changelog = existsSync(file) ? changelogSection(readFileSync(file, 'utf8'), version) : null;
  if (changelog || !existsSync(join(root, '.git'))) return { changelog, commits: null, previousTag: null };
  const tags = (git(root, ['tag', '--list', 'v*']) ?? '').split('\n').filter((t) => /^v\d/.test(t));
  const older = tags.filter((t) => compareVersions(t.slice(1), version) < 0).sort((a, b) => compareVersions(a.slice(1), b.slice(1)));
  const previousTag = older.length ? older[older.length - 1] : null;
  const end = tags.includes(tag) ? tag : 'HEAD';
  const log = git(root, ['log', '--no-merges', '--format=%s (%h)', previousTag ? `${previousTag}..${end}` : end]);
  return { changelog: null, commits: log === null ? null : log.split('\n').filter(Boolean), previousTag };
}
