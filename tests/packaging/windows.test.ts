// windows-x86_64 artifacts installed the way Windows users do, under wine64 (one shared
// WINEPREFIX under .cache/, created once: its first start costs ~7 s): the .zip unpacked,
// setup.exe /S, msiexec /i /qn, the win-64 conda package extracted into a prefix; each
// installed pyvm.exe is run. Plus the tools' own views: msiinfo, msiextract, 7z.

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTarget } from '../../common/targets.ts';
import { prepareWinePrefix } from '../../common/wine.ts';
import { VERSION } from './fixture.ts';
import { MemoryRegistry } from '../../packaging/index.ts';
import { msiPackager } from '../../packaging/msi.ts';
import type { ArtifactRecord } from '../../packaging/types.ts';
import { buildFixtureRelease, CACHE, freshDir, sh, shFiles, stageFixtureTrees, type FixtureRelease } from './helpers.ts';

const WINE = findTarget('windows-x86_64').emulator[0]; // /usr/lib/wine/wine64
const WINESERVER = '/usr/lib/wine/wineserver';
const PREFIX = join(CACHE, 'wineprefix');
const env = { WINEPREFIX: PREFIX, WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=' };
const driveC = join(PREFIX, 'drive_c');

let rel: FixtureRelease;
let root: string;

function wine(args: string[]) {
  return shFiles(WINE, args, { env });
}

beforeAll(async () => {
  root = freshDir('windows');
  const [r] = await Promise.all([
    buildFixtureRelease(join(root, 'r')),
    // create (or reuse) the prefix while the release builds
    (async () => {
      prepareWinePrefix(PREFIX, WINE);
      spawn(WINESERVER, ['-p'], { env: { ...process.env, ...env }, stdio: 'ignore', detached: true }).unref();
    })(),
  ]);
  rel = r;
});

afterAll(() => {
  shFiles(WINESERVER, ['-k'], { env });
  rmSync(root, { recursive: true, force: true });
});

function runPyvm(exe: string) {
  const v = wine([exe, '--version']);
  const c = wine([exe, '-c', 'print(6*7)']);
  return { version: v.stdout.replace(/\r/g, ''), out: c.stdout.replace(/\r/g, ''), status: c.status };
}

describe('windows-x86_64', () => {
  it('zip: unzip -t, extract and run pyvm.exe', () => {
    const zip = join(rel.dist, `pyvm-${VERSION}-windows-x86_64.zip`);
    sh('unzip', ['-tq', zip]);
    sh('7z', ['t', zip]);
    const dest = join(root, 'unzipped');
    sh('unzip', ['-q', zip, '-d', dest]);
    const r = runPyvm(join(dest, `pyvm-${VERSION}-windows-x86_64/bin/pyvm.exe`));
    expect(r.out).toBe('42\n');
    expect(r.version).toContain(VERSION);
  });

  it('NSIS setup.exe is a PE32+ installer; /S installs, pyvm.exe runs, the uninstaller removes it', () => {
    const exe = join(rel.dist, `pyvm-${VERSION}-windows-x86_64-setup.exe`);
    expect(sh('file', [exe]).stdout).toMatch(/PE32\+ executable.*x86-64/);
    const dir = 'C:\\pyvm-nsis';
    rmSync(join(driveC, 'pyvm-nsis'), { recursive: true, force: true });
    const inst = wine([exe, '/S', `/D=${dir}`]);
    expect(inst.status, inst.stderr).toBe(0);
    const installed = join(driveC, 'pyvm-nsis');
    expect(existsSync(join(installed, 'bin/pyvm.exe'))).toBe(true);
    expect(existsSync(join(installed, 'LICENSE'))).toBe(true);
    expect(runPyvm(join(installed, 'bin/pyvm.exe')).out).toBe('42\n');
    const reg = wine(['reg', 'query', 'HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\pyvm', '/v', 'DisplayVersion', '/reg:64']);
    expect(reg.stdout).toContain(VERSION);
    // NSIS uninstallers copy themselves to %TEMP% and return at once; _?= runs in place
    const un = wine([join(installed, 'Uninstall.exe'), '/S', `_?=${dir}`]);
    expect(un.status, un.stderr).toBe(0);
    expect(existsSync(join(installed, 'bin/pyvm.exe'))).toBe(false);
  });

  it('MSI: msiinfo and msiextract read it; msiexec installs it and pyvm.exe runs', () => {
    const msi = join(rel.dist, `pyvm-${VERSION}-windows-x86_64.msi`);
    const info = sh('msiinfo', ['suminfo', msi], { env: { TZ: 'UTC' } }).stdout;
    expect(info).toContain('Template: x64;1033');
    expect(info).toContain('Created: Tue Nov 14 22:13:20 2023');
    const code = rel.registry.select({ kind: 'msi' })[0].extra!.packageCode;
    expect(info).toContain(`Revision number (UUID): ${code}`);
    const files = sh('msiinfo', ['export', msi, 'File']).stdout;
    expect(files).toContain('pyvm.exe');
    const ex = join(root, 'msiextract');
    mkdirSync(ex);
    sh('msiextract', ['-C', ex, msi]);
    expect(existsSync(join(ex, 'pyvm/bin/pyvm.exe'))).toBe(true);

    wine(['msiexec', '/x', msi, '/qn']); // the prefix is shared between runs: start clean
    const i = wine(['msiexec', '/i', msi, '/qn']);
    expect(i.status, i.stderr).toBe(0);
    const installed = join(driveC, 'Program Files/pyvm');
    expect(runPyvm(join(installed, 'bin/pyvm.exe')).out).toBe('42\n');
  });

  it('MSI: a newer version upgrades the installed one (MajorUpgrade); msiexec /x then removes everything', async () => {
    const [tree2] = await stageFixtureTrees(join(root, 'v2'), '0.2.0', ['windows-x86_64']);
    const dist2 = join(root, 'v2/dist');
    const ctx = {
      version: '0.2.0', sourceDateEpoch: tree2.sourceDateEpoch, recipe: tree2.recipe, distDir: dist2, workDir: join(root, 'v2/work'),
      trees: [tree2], registry: new MemoryRegistry(), signing: rel.signing, tree: tree2, target: findTarget('windows-x86_64'),
    };
    const [msi2] = (await msiPackager.run(ctx)) as ArtifactRecord[];
    const i = wine(['msiexec', '/i', msi2.path, '/qn']);
    expect(i.status, i.stderr).toBe(0);
    const installed = join(driveC, 'Program Files/pyvm');
    const r = runPyvm(join(installed, 'bin/pyvm.exe'));
    expect(r.version).toContain('pyvm 0.2.0');
    // were 0.1.0 still installed, its reference to the shared components would keep the files
    const x = wine(['msiexec', '/x', msi2.path, '/qn']);
    expect(x.status, x.stderr).toBe(0);
    expect(existsSync(join(installed, 'bin/pyvm.exe'))).toBe(false);
  });

  it('conda win-64: cph extracts both formats into a prefix and Library/bin/pyvm.exe runs', () => {
    for (const ext of ['.conda', '.tar.bz2']) {
      const prefix = join(root, `conda-win${ext}`);
      mkdirSync(prefix);
      sh('cph', ['x', join(rel.dist, `conda/win-64/pyvm-${VERSION}-0${ext}`), '--dest', prefix]);
      expect(runPyvm(join(prefix, 'Library/bin/pyvm.exe')).out).toBe('42\n');
    }
  });
});
