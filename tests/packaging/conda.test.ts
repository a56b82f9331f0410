// conda packages and channel: checked with cph (extract, convert), installed the way conda
// users get them (solve against the channel with rattler, then extract the chosen package
// into a prefix) and run from the prefix, natively or under qemu.

import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTarget } from '../../common/targets.ts';
import { runArgv, VERSION } from './fixture.ts';
import { buildFixtureRelease, freshDir, readJson, sh, type FixtureRelease } from './helpers.ts';

let rel: FixtureRelease;
let root: string;

beforeAll(async () => {
  root = freshDir('conda');
  rel = await buildFixtureRelease(join(root, 'r'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface RepoEntry {
  name: string;
  version: string;
  build: string;
  subdir: string;
  sha256: string;
  md5: string;
  size: number;
  depends: string[];
}

describe('conda', () => {
  for (const target of ['linux-x86_64', 'linux-s390x']) {
    const subdir = findTarget(target).condaSubdir;
    it(`${subdir}: cph extracts .conda and .tar.bz2 to identical prefixes and bin/pyvm runs`, () => {
      const prefixes = ['.conda', '.tar.bz2'].map((ext) => {
        const prefix = join(root, `prefix-${subdir}${ext}`);
        mkdirSync(prefix);
        sh('cph', ['x', join(rel.dist, `conda/${subdir}/pyvm-${VERSION}-0${ext}`), '--dest', prefix]);
        return prefix;
      });
      sh('diff', ['-r', prefixes[0], prefixes[1]]);
      const index = readJson(join(prefixes[0], 'info/index.json'));
      expect(index).toMatchObject({ name: 'pyvm', version: VERSION, build: '0', build_number: 0, subdir, platform: 'linux', depends: [] });
      const paths = readJson<{ paths: { _path: string; sha256: string; size_in_bytes: number }[] }>(join(prefixes[0], 'info/paths.json'));
      for (const p of paths.paths) {
        const data = readFileSync(join(prefixes[0], p._path));
        expect(data.length).toBe(p.size_in_bytes);
        expect(sh('sha256sum', [join(prefixes[0], p._path)]).stdout.slice(0, 64)).toBe(p.sha256);
      }
      expect(readJson(join(prefixes[0], 'info/about.json'))).toMatchObject({ license: 'MIT', home: 'https://github.com/pyvm/pyvm' });
      const [cmd, args] = runArgv(target, join(prefixes[0], 'bin/pyvm'), ['-c', 'print(6*7)']);
      expect(sh(cmd, args).stdout).toBe('42\n');
    });
  }

  it('cph converts .conda to .tar.bz2 with the same contents', () => {
    const out = join(root, 'converted');
    mkdirSync(out);
    sh('cph', ['t', join(rel.dist, `conda/linux-64/pyvm-${VERSION}-0.conda`), '.tar.bz2', '--out-folder', out]);
    const a = join(root, 'conv-a');
    const b = join(root, 'conv-b');
    mkdirSync(a);
    mkdirSync(b);
    sh('cph', ['x', join(out, `pyvm-${VERSION}-0.tar.bz2`), '--dest', a]);
    sh('cph', ['x', join(rel.dist, `conda/linux-64/pyvm-${VERSION}-0.tar.bz2`), '--dest', b]);
    sh('diff', ['-r', a, b]);
  });

  it('.conda is a stored zip: metadata.json first, then pkg and info tar.zst', () => {
    const list = sh('unzip', ['-Zv', join(rel.dist, `conda/linux-s390x/pyvm-${VERSION}-0.conda`)]).stdout;
    expect(list).not.toMatch(/compression method:\s+deflated/);
    expect(sh('unzip', ['-Z1', join(rel.dist, `conda/linux-s390x/pyvm-${VERSION}-0.conda`)]).stdout.split('\n').filter(Boolean)).toEqual([
      'metadata.json',
      `pkg-pyvm-${VERSION}-0.tar.zst`,
      `info-pyvm-${VERSION}-0.tar.zst`,
    ]);
  });

  it('repodata.json lists both files with their real sha256, md5 and size; .zst matches; noarch exists', () => {
    for (const subdir of ['linux-64', 'linux-s390x', 'win-64']) {
      const dir = join(rel.dist, 'conda', subdir);
      const repo = readJson<{ info: { subdir: string }; packages: Record<string, RepoEntry>; 'packages.conda': Record<string, RepoEntry> }>(join(dir, 'repodata.json'));
      expect(repo.info.subdir).toBe(subdir);
      const entries = { ...repo.packages, ...repo['packages.conda'] };
      expect(Object.keys(entries).sort()).toEqual([`pyvm-${VERSION}-0.conda`, `pyvm-${VERSION}-0.tar.bz2`]);
      for (const [fn, e] of Object.entries(entries)) {
        const f = join(dir, fn);
        expect(e.sha256).toBe(sh('sha256sum', [f]).stdout.slice(0, 64));
        expect(e.md5).toBe(sh('md5sum', [f]).stdout.slice(0, 32));
        expect(e.size).toBe(readFileSync(f).length);
        expect(e.subdir).toBe(subdir);
      }
      expect(sh('zstd', ['-dc', join(dir, 'repodata.json.zst')]).stdout).toBe(readFileSync(join(dir, 'repodata.json'), 'utf8'));
    }
    expect(existsSync(join(rel.dist, 'conda/noarch/repodata.json'))).toBe(true);
  });

  it('rattler solves pyvm from the channel; the solved package extracted into a prefix runs', async (ctx) => {
    let rattler: { simpleSolve: (specs: string[], channels: string[], platforms: string[], locked: unknown) => Promise<{ url: string; packageName: string }[]> };
    try {
      // PYVM_RATTLER_MODULE: path of an @conda-org/rattler ESM entry installed elsewhere
      const spec = process.env.PYVM_RATTLER_MODULE ?? '@conda-org/rattler';
      rattler = (await import(/* @vite-ignore */ spec)) as typeof rattler;
    } catch {
      ctx.skip('@conda-org/rattler is not installed (npm install -D @conda-org/rattler@0.3.5)');
      return;
    }
    const base = 'http://local-channel.invalid';
    const channelDir = join(rel.dist, 'conda');
    const realFetch = globalThis.fetch;
    // the WASM solver cannot read file:// channels; serve the channel directory from memory
    globalThis.fetch = (async (input: string | URL | Request) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!url.startsWith(base)) return realFetch(input as string);
      const file = join(channelDir, decodeURIComponent(new URL(url).pathname));
      const resp = existsSync(file) ? new Response(readFileSync(file)) : new Response('not found', { status: 404 });
      Object.defineProperty(resp, 'url', { value: url });
      return resp;
    }) as typeof fetch;
    try {
      for (const target of ['linux-x86_64', 'linux-s390x']) {
        const subdir = findTarget(target).condaSubdir;
        const solved = await rattler.simpleSolve([`pyvm ==${VERSION}`], [base], [subdir, 'noarch'], []);
        expect(solved).toHaveLength(1);
        const url = solved[0].url;
        expect(url).toBe(`${base}/${subdir}/pyvm-${VERSION}-0.conda`);
        const prefix = join(root, `solved-${subdir}`);
        mkdirSync(prefix);
        sh('cph', ['x', join(channelDir, new URL(url).pathname), '--dest', prefix]);
        const [cmd, args] = runArgv(target, join(prefix, 'bin/pyvm'), ['-c', 'print(6*7)']);
        expect(sh(cmd, args).stdout).toBe('42\n');
      }
      await expect(rattler.simpleSolve(['pyvm >=99'], [base], ['linux-64', 'noarch'], [])).rejects.toThrow(/pyvm/);
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
