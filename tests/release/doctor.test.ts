// `release doctor --install` installs what every packager declares it needs (to build its
// kind, smoke-install it and check it), and shows apt-get's progress while it does.
import { describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGERS } from '../../packaging/index.ts';
import { release, scratch } from './helpers.ts';

describe('release doctor --install', () => {
  // apt-get itself is replaced: a test must not install packages on the machine. The stand-in
  // records its arguments and prints what apt-get prints while it works.
  it.runIf(process.getuid?.() === 0)("asks apt-get for every packager's declared tools and shows apt-get's progress, also with --quiet", async () => {
    const dir = scratch('doctor-install');
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    const calls = join(dir, 'apt-get.calls');
    writeFileSync(
      join(bin, 'apt-get'),
      `#!/bin/sh\necho "$*" >> '${calls}'\necho "Get:1 http://deb.debian.org/debian bookworm/main amd64 ($1) [4 kB]"\necho "Setting up ($1) ..."\n`,
    );
    chmodSync(join(bin, 'apt-get'), 0o755);
    // PATH holds node and apt-get only: every tool is missing
    const r = await release(['doctor', '--install', '--quiet'], { env: { PATH: bin } });
    // the stand-in installs nothing, so doctor finds the tools still missing afterwards
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('release: error: still missing after install:');
    expect(r.stdout).toMatch(/doctor: installing \d+ Debian packages \(apt-get's progress follows\)/);
    expect(r.stdout).toContain('Get:1 http://deb.debian.org/debian bookworm/main amd64 (update)');
    expect(r.stdout).toContain('Setting up (install) ...');
    const [update, install] = readFileSync(calls, 'utf8').trim().split('\n');
    expect(update).toBe('update');
    const packages = install.split(' ').slice(2);
    expect(install.startsWith('install -y ')).toBe(true);
    const declared = PACKAGERS.flatMap((p) => p.tools.map((t) => `${p.kind}: ${t.command} (${t.debPackage})`));
    expect(declared.length).toBeGreaterThan(15);
    expect(declared.filter((d) => !packages.includes(d.slice(d.indexOf('(') + 1, -1)))).toEqual([]);
    // the tool whose absence broke Windows builds on fresh machines
    expect(packages).toContain('faketime');
  });

  it('names a missing packager tool with the kind that needs it', async () => {
    const bin = join(scratch('doctor-msi'), 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    const r = await release(['doctor', '--target', 'windows-x86_64'], { env: { PATH: bin } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/MISSING faketime \(msi: pinning the MSI build time\) \[apt: faketime\]/);
    expect(r.stdout).not.toContain('dpkg-deb'); // deb packages are not made for Windows
  });
});
