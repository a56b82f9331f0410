#!/usr/bin/env node
// Makes a fresh Debian machine ready: npm packages first (so the TypeScript tools run),
// then the Debian packages every buildable target needs, via `release doctor --install`.
// Fast when nothing is missing, so every npm script can start with it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, realpathSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'node_modules', '.bootstrap-lock-hash');
const lock = join(root, 'package-lock.json');
const lockHash = createHash('sha256').update(readFileSync(lock)).digest('hex');

// a node_modules that is a symlink is a shared install: npm ci would empty its target (every
// worktree's packages) and replace the link, so it is left to whoever owns the target
const shared = existsSync(join(root, 'node_modules')) && lstatSync(join(root, 'node_modules')).isSymbolicLink();
if (shared && (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash)) {
  console.error(`bootstrap: node_modules is a link to a shared install (${realpathSync(join(root, 'node_modules'))}) not stamped for this package-lock.json; not running npm ci over it (run it where the install lives)`);
} else if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash) {
  console.error('bootstrap: installing npm packages (npm ci)');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, lockHash);
}

const r = spawnSync(process.execPath, [join(root, 'bin', 'release.mjs'), 'doctor', '--install', '--quiet'], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
