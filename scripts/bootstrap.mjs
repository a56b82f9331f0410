#!/usr/bin/env node
// Makes a fresh Debian machine ready: npm packages first (so the TypeScript tools run),
// then the Debian packages every buildable target needs, via `release doctor --install`.
// Fast when nothing is missing, so every npm script can start with it.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'node_modules', '.bootstrap-lock-hash');
const lock = join(root, 'package-lock.json');
const lockHash = createHash('sha256').update(readFileSync(lock)).digest('hex');

if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash) {
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
