// deb and rpm per Linux target: read back with dpkg-deb -I/-c and rpm -qip/-qlp, installed
// into scratch roots with dpkg --root and rpm --root (as a package manager would, database
// included), the installed /usr/bin/pyvm run natively or under qemu, and removed again.

import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTarget } from '../../common/targets.ts';
import { runArgv, VERSION } from './fixture.ts';
import { buildFixtureRelease, freshDir, sh, type FixtureRelease } from './helpers.ts';

let rel: FixtureRelease;
let root: string;

beforeAll(async () => {
  root = freshDir('deb-rpm');
  rel = await buildFixtureRelease(join(root, 'r'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const EXPECTED_FILES = ['./usr/bin/pyvm', './usr/lib/pyvm/', './usr/share/doc/pyvm/README', './usr/share/doc/pyvm/copyright'];

for (const target of ['linux-x86_64', 'linux-s390x']) {
  const t = findTarget(target);
  describe(`${target}`, () => {
    it(`deb: dpkg-deb reads pyvm_${VERSION}_${t.debArch}.deb; dpkg --root installs it; pyvm runs; dpkg removes it`, () => {
      const deb = join(rel.dist, `pyvm_${VERSION}_${t.debArch}.deb`);
      const info = sh('dpkg-deb', ['-I', deb]).stdout;
      expect(info).toContain(`Package: pyvm`);
      expect(info).toContain(`Version: ${VERSION}`);
      expect(info).toContain(`Architecture: ${t.debArch}`);
      const listing = sh('dpkg-deb', ['-c', deb]).stdout;
      for (const f of EXPECTED_FILES) expect(listing).toContain(f);
      expect(listing).toMatch(/-rwxr-xr-x root\/root\s+\d+ 2023-11-14 22:13 \.\/usr\/bin\/pyvm/);
      expect(sh('dpkg-deb', ['-f', deb, 'Package']).stdout.trim()).toBe('pyvm');

      const r = join(root, `dpkg-root-${t.debArch}`);
      mkdirSync(join(r, 'var/lib/dpkg/info'), { recursive: true });
      mkdirSync(join(r, 'var/lib/dpkg/updates'), { recursive: true });
      writeFileSync(join(r, 'var/lib/dpkg/status'), '');
      const dpkg = ['--root', r, '--force-architecture', '--force-script-chrootless', '--log=/dev/null'];
      sh('dpkg', [...dpkg, '-i', deb]);
      expect(sh('dpkg', ['--root', r, '-s', 'pyvm']).stdout).toContain('Status: install ok installed');
      const [cmd, args] = runArgv(target, join(r, 'usr/bin/pyvm'), ['-c', 'print(6*7)']);
      expect(sh(cmd, args).stdout).toBe('42\n');
      sh('dpkg', [...dpkg, '--purge', 'pyvm']);
      expect(existsSync(join(r, 'usr/bin/pyvm'))).toBe(false);
    });

    it(`rpm: rpm -qip/-qlp read pyvm-${VERSION}-1.${t.rpmArch}.rpm; rpm --root installs it; pyvm runs; rpm -e removes it`, () => {
      const rpm = join(rel.dist, `pyvm-${VERSION}-1.${t.rpmArch}.rpm`);
      const info = sh('rpm', ['-qip', rpm]).stdout;
      expect(info).toMatch(/Name\s+: pyvm/);
      expect(info).toMatch(new RegExp(`Version\\s+: ${VERSION.replace(/\./g, '\\.')}`));
      expect(info).toMatch(new RegExp(`Architecture: ${t.rpmArch}`));
      expect(info).toMatch(/Build Host\s+: reproducible/);
      expect(info).toMatch(/Build Date\s+: Tue Nov 14 22:13:20 2023/);
      const files = sh('rpm', ['-qlp', rpm]).stdout.trim().split('\n');
      expect(files).toEqual(['/usr/bin/pyvm', '/usr/lib/pyvm', '/usr/share/doc/pyvm', '/usr/share/doc/pyvm/README', '/usr/share/doc/pyvm/copyright']);
      expect(sh('rpm', ['-Kv', '--nosignature', rpm]).stdout).toMatch(/Header SHA256 digest: OK/);

      const r = join(root, `rpm-root-${t.rpmArch}`);
      mkdirSync(r);
      sh('rpm', ['--root', r, '--initdb']);
      sh('rpm', ['--root', r, '-i', '--nodeps', '--ignorearch', rpm]);
      expect(sh('rpm', ['--root', r, '-q', 'pyvm']).stdout.trim()).toBe(`pyvm-${VERSION}-1.${t.rpmArch}`);
      const [cmd, args] = runArgv(target, join(r, 'usr/bin/pyvm'), ['-c', 'print(6*7)']);
      expect(sh(cmd, args).stdout).toBe('42\n');
      sh('rpm', ['--root', r, '-e', '--nodeps', 'pyvm']);
      expect(existsSync(join(r, 'usr/bin/pyvm'))).toBe(false);
    });
  });
}
