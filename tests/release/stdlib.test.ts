// release/stdlib.ts: which files of Debian's python3.11 packages pyvm ships, unpacked from a real
// .deb (built here with dpkg-deb, so the test needs no network), and the error for a pin that
// is not served.
import { describe, it, expect, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { extractStdlib, fetchPin, keepLibFile } from '../../release/stdlib.ts';

const dirs: string[] = [];
const scratch = () => {
  const d = mkdtempSync(join(tmpdir(), 'pyvm-stdlib-test-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const files = (root: string): string[] => {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(root, join(d, e.name)));
    }
  };
  walk(root);
  return out.sort();
};

describe('the standard library from Debian packages', () => {
  it('keeps the pure-Python modules and the license; drops tests, Tk, ensurepip, extension modules and build configuration', () => {
    for (const f of ['os.py', 'json/__init__.py', 'email/mime/text.py', 'LICENSE.txt', 'unittest/mock.py', '__phello__/spam.py']) expect(keepLibFile(f), f).toBe(true);
    for (const f of ['test/test_os.py', 'unittest/test/test_case.py', 'lib2to3/tests/data/x.py', 'idlelib/idle.py', 'tkinter/__init__.py', 'turtle.py',
      'ensurepip/__init__.py', 'lib-dynload/_json.cpython-311-x86_64-linux-gnu.so', '_sysconfigdata__x86_64-linux-gnu.py', 'json/__pycache__/x.cpython-311.pyc',
      'EXTERNALLY-MANAGED', 'config-3.11-x86_64-linux-gnu/Makefile', 'ctypes/test/test_x.py'])
      expect(keepLibFile(f), f).toBe(false);
  });

  it('unpacks packages into lib-python/3.11/, regular files only', async () => {
    const d = scratch();
    const debs: string[] = [];
    for (const [name, tree] of [
      ['libpython3.11-minimal', { 'os.py': 'import sys\n', 'json/__init__.py': 'X = 1\n', 'test/test_os.py': 'pass\n', 'lib-dynload/_x.so': 'ELF' }],
      ['libpython3.11-stdlib', { 'tkinter/__init__.py': 'pass\n', 'email/__init__.py': '', 'LICENSE.txt': 'PSF\n', 'email/tests/t.py': 'pass\n' }],
    ] as const) {
      const root = join(d, name);
      const lib = join(root, 'usr/lib/python3.11');
      for (const [f, text] of Object.entries(tree)) {
        mkdirSync(join(lib, f, '..'), { recursive: true });
        writeFileSync(join(lib, f), text);
      }
      if (name === 'libpython3.11-minimal') symlinkSync('/etc/python3.11/sitecustomize.py', join(lib, 'sitecustomize.py'));
      mkdirSync(join(root, 'DEBIAN'));
      writeFileSync(join(root, 'DEBIAN/control'), `Package: ${name}\nVersion: 1.0\nArchitecture: all\nMaintainer: t <t@t.invalid>\nDescription: test\n`);
      execFileSync('dpkg-deb', ['--root-owner-group', '-Zxz', '--build', root, join(d, `${name}.deb`)], { stdio: 'ignore' });
      debs.push(join(d, `${name}.deb`));
    }
    const out = join(d, 'out');
    mkdirSync(out);
    expect(await extractStdlib(debs, out)).toBe(4);
    expect(files(out)).toEqual(['lib-python/3.11/LICENSE.txt', 'lib-python/3.11/email/__init__.py', 'lib-python/3.11/json/__init__.py', 'lib-python/3.11/os.py']);
    expect(readFileSync(join(out, 'lib-python/3.11/json/__init__.py'), 'utf8')).toBe('X = 1\n');
  });

  it('a pin that is not served is an error naming the package and how to update the pin', async () => {
    const pin = { name: 'libpython3.11-stdlib', version: '0.0-not-a-version', arch: 'amd64', sha256: '0'.repeat(64) };
    const err = await fetchPin(pin, scratch(), () => {}).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    const msg = (err as Error).message;
    expect(msg).toContain('Debian package libpython3.11-stdlib 0.0-not-a-version (amd64) could not be downloaded');
    expect(msg).toContain('update the pin in recipes/pyvm.yaml (stdlib.packages, libpython3.11-stdlib)');
    expect(msg).toContain('apt-cache policy libpython3.11-stdlib');
  });
});
