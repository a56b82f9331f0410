// install.sh as a user runs it: offline (--archive, SHA256SUMS beside it), download mode
// (--base-url file://...), upgrade, uninstall; and every refusal: bad hash, absolute paths,
// '..', links escaping the prefix. The installed pyvm runs natively or under qemu.

import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveBytes } from '../../packaging/archive.ts';
import { gzipDeterministic } from '../../packaging/formats/compress.ts';
import { tarBytes, type TarEntry } from '../../packaging/formats/tar.ts';
import { sha256 } from '../../packaging/fsutil.ts';
import { findTarget } from '../../common/targets.ts';
import { runArgv, VERSION } from './fixture.ts';
import { buildFixtureRelease, freshDir, sh, stageFixtureTrees, type FixtureRelease } from './helpers.ts';

let rel: FixtureRelease;
let root: string;
let script: string;

beforeAll(async () => {
  root = freshDir('install-sh');
  rel = await buildFixtureRelease(join(root, 'r'));
  script = join(rel.dist, 'install.sh');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function install(args: string[], env: NodeJS.ProcessEnv = {}) {
  return sh('sh', [script, ...args], { allowFail: true, env: { TMPDIR: join(root, 'tmp'), ...env } });
}

function runInstalled(prefix: string, target: string, args: string[]) {
  const [cmd, argv] = runArgv(target, join(prefix, 'bin/pyvm'), args);
  return sh(cmd, argv);
}

describe('install.sh', () => {
  beforeAll(() => mkdirSync(join(root, 'tmp'), { recursive: true }));

  it('is shellcheck-clean POSIX sh with the target table baked in', () => {
    sh('shellcheck', ['-s', 'sh', script]);
    const text = readFileSync(script, 'utf8');
    expect(text).toContain(`PYVM_DEFAULT_VERSION='${VERSION}'`);
    expect(text).toMatch(/PYVM_TARGETS='linux-x86_64 linux-aarch64 linux-ppc64le linux-s390x macos-x86_64 macos-arm64'/);
    expect(text).not.toMatch(/@[A-Z_]+@/);
  });

  for (const target of ['linux-x86_64', 'linux-s390x']) {
    it(`installs ${target} offline from --archive and the installed pyvm runs`, () => {
      const prefix = join(root, `prefix-offline-${target}`);
      const r = install(['--archive', join(rel.dist, `pyvm-${VERSION}-${target}.tar.gz`), '--prefix', prefix, '--target', target]);
      expect(r.status, r.stderr).toBe(0);
      expect(readlinkSync(join(prefix, 'bin/pyvm'))).toMatch(new RegExp(`^\\.\\./share/pyvm/pyvm-${VERSION}-${target}\\.[A-Za-z0-9]+/bin/pyvm$`));
      expect(runInstalled(prefix, target, ['-c', 'print(6*7)']).stdout).toBe('42\n');
      expect(runInstalled(prefix, target, ['--version']).stdout).toContain(VERSION);
    });
  }

  it('detects the host target and downloads from --base-url with SHA256SUMS', () => {
    const prefix = join(root, 'prefix-download');
    const r = install(['--prefix', prefix, '--base-url', `file://${rel.dist}`]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`verified pyvm-${VERSION}-linux-x86_64.tar.gz`);
    expect(runInstalled(prefix, 'linux-x86_64', ['-c', 'print(6*7)']).stdout).toBe('42\n');
  });

  it('upgrades in place (one rename) and removes the old version, then uninstalls', async () => {
    const prefix = join(root, 'prefix-upgrade');
    expect(install(['--archive', join(rel.dist, `pyvm-${VERSION}-linux-x86_64.tar.gz`), '--prefix', prefix]).status).toBe(0);
    const [tree2] = await stageFixtureTrees(join(root, 'v2'), '0.2.0', ['linux-x86_64']);
    const arch2 = join(root, 'v2', 'pyvm-0.2.0-linux-x86_64.tar.gz');
    const bytes = await archiveBytes(tree2, findTarget('linux-x86_64'));
    writeFileSync(arch2, bytes);
    const r = install(['--archive', arch2, '--sha256', sha256(bytes).toUpperCase(), '--prefix', prefix]);
    expect(r.status, r.stderr).toBe(0);
    expect(readlinkSync(join(prefix, 'bin/pyvm'))).toContain('pyvm-0.2.0-linux-x86_64.');
    expect(runInstalled(prefix, 'linux-x86_64', ['--version']).stdout).toContain('pyvm 0.2.0');
    expect(readdirSync(join(prefix, 'share/pyvm')).sort()).toEqual(['current', readFileSync(join(prefix, 'share/pyvm/current'), 'utf8').trim()].sort());
    expect(runInstalled(prefix, 'linux-x86_64', ['-c', 'print(6*7)']).stdout).toBe('42\n');
    const u = install(['--uninstall', '--prefix', prefix]);
    expect(u.status, u.stderr).toBe(0);
    expect(existsSync(join(prefix, 'bin/pyvm'))).toBe(false);
    expect(existsSync(join(prefix, 'share/pyvm'))).toBe(false);
  });

  it('never replaces a bin/pyvm it did not install; rejects bad options and versions', () => {
    const prefix = join(root, 'prefix-foreign');
    mkdirSync(join(prefix, 'bin'), { recursive: true });
    writeFileSync(join(prefix, 'bin/pyvm'), 'someone else');
    const r = install(['--archive', join(rel.dist, `pyvm-${VERSION}-linux-x86_64.tar.gz`), '--prefix', prefix]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('was not installed by this installer');
    expect(readFileSync(join(prefix, 'bin/pyvm'), 'utf8')).toBe('someone else');
    expect(install(['--uninstall', '--prefix', prefix]).status).not.toBe(0);
    expect(install(['--bogus']).stderr).toContain("unknown option '--bogus'");
    expect(install(['--version', '1;rm -rf /', '--prefix', prefix]).stderr).toContain('invalid version');
    expect(install(['--target', 'linux-m68k', '--prefix', prefix]).stderr).toContain("no pyvm build for 'linux-m68k'");
    expect(install(['--uninstall', '--prefix', join(root, 'prefix-never')]).stderr).toContain('not installed');
  });

  it('refuses a hash mismatch before touching the prefix', () => {
    const prefix = join(root, 'prefix-badhash');
    const r = install(['--archive', join(rel.dist, `pyvm-${VERSION}-linux-x86_64.tar.gz`), '--sha256', '0'.repeat(64), '--prefix', prefix]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('SHA-256 mismatch');
    expect(existsSync(prefix)).toBe(false);
  });

  it('refuses an archive without a checksum', () => {
    const lonely = join(root, 'lonely');
    mkdirSync(lonely, { recursive: true });
    const f = join(lonely, `pyvm-${VERSION}-linux-x86_64.tar.gz`);
    writeFileSync(f, readFileSync(join(rel.dist, `pyvm-${VERSION}-linux-x86_64.tar.gz`)));
    const r = install(['--archive', f, '--prefix', join(root, 'prefix-nosum')]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('refusing an unverified archive');
  });

  const top = `pyvm-${VERSION}-linux-x86_64`;
  const bin: TarEntry = { path: `${top}/bin/pyvm`, type: 'file', mode: 0o755, data: Buffer.from('#!/bin/sh\necho 42\n') };
  const evil: Record<string, { entries: TarEntry[]; message: string }> = {
    'an absolute path': { entries: [{ path: `${top}`, type: 'dir', mode: 0o755 }, bin, { path: '/tmp/pyvm-evil', type: 'file', mode: 0o644, data: Buffer.from('x') }], message: 'absolute path' },
    "a '..' path": { entries: [bin, { path: `${top}/../../pyvm-evil`, type: 'file', mode: 0o644, data: Buffer.from('x') }], message: "'..' path" },
    'a link escaping the prefix': { entries: [bin, { path: `${top}/lib/escape`, type: 'symlink', mode: 0o777, linkTarget: '../../../../etc' }], message: 'escaping the install directory' },
    'an absolute link': { entries: [bin, { path: `${top}/lib/abs`, type: 'symlink', mode: 0o777, linkTarget: '/etc/passwd' }], message: 'absolute target' },
    'a hard link out of the archive': { entries: [bin, { path: `${top}/lib/hard`, type: 'hardlink', mode: 0o644, linkTarget: '../../etc/passwd' }], message: 'hard link to' },
    'a second top directory': { entries: [bin, { path: 'other/file', type: 'file', mode: 0o644, data: Buffer.from('x') }], message: 'outside its top directory' },
  };
  for (const [what, { entries, message }] of Object.entries(evil)) {
    it(`refuses an archive with ${what} and leaves the prefix untouched`, () => {
      const dir = join(root, 'evil', what.replace(/\W+/g, '-'));
      mkdirSync(dir, { recursive: true });
      const f = join(dir, `${top}.tar.gz`);
      const bytes = gzipDeterministic(tarBytes(entries, { mtime: 1700000000 }));
      writeFileSync(f, bytes);
      const prefix = join(dir, 'prefix');
      const r = install(['--archive', f, '--sha256', sha256(bytes), '--prefix', prefix]);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain(message);
      expect(existsSync(prefix)).toBe(false);
      expect(existsSync('/tmp/pyvm-evil')).toBe(false);
    });
  }

  it('good links inside the tree are accepted', () => {
    const dir = join(root, 'goodlink');
    mkdirSync(dir, { recursive: true });
    const f = join(dir, `${top}.tar.gz`);
    const bytes = gzipDeterministic(tarBytes([bin, { path: `${top}/lib/pyvm-link`, type: 'symlink', mode: 0o777, linkTarget: '../bin/pyvm' }], { mtime: 1700000000 }));
    writeFileSync(f, bytes);
    const prefix = join(dir, 'prefix');
    const r = install(['--archive', f, '--sha256', sha256(bytes), '--prefix', prefix]);
    expect(r.status, r.stderr).toBe(0);
    expect(sh(join(prefix, 'bin/pyvm'), []).stdout).toBe('42\n');
  });
});
