// `release publish --conda-channel DIR` merging into a channel that already holds other
// packages: they stay indexed, ours are added, a re-run changes nothing, a conflicting file is
// refused. The merged channel is checked by reading repodata, with cph, and by solving it with
// rattler (the solver conda clients share).

import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishCommand } from '../../../release/publish/index.ts';
import { UserError } from '../../../release/errors.ts';
import { REPO, scratch } from '../helpers.ts';
import { buildDist, capture, type BuiltDist } from './fixture.ts';

let dist: BuiltDist;

beforeAll(async () => {
  dist = await buildDist();
});

interface Repodata {
  info: { subdir: string };
  packages: Record<string, Record<string, unknown>>;
  'packages.conda': Record<string, Record<string, unknown>>;
}

const hash = (algo: string, f: string) => createHash(algo).update(readFileSync(f)).digest('hex');

/** A conda v1 package made by hand (info/index.json, info/paths.json, one file), as another project would ship it. */
function handmadePackage(dir: string, name: string, version: string, subdir: string): { fn: string; index: Record<string, unknown> } {
  const work = scratch(`pkg-${name}`);
  mkdirSync(join(work, 'info'));
  mkdirSync(join(work, 'bin'));
  writeFileSync(join(work, 'bin', name), `#!/bin/sh\necho ${name}\n`, { mode: 0o755 });
  const index = { name, version, build: 'h0', build_number: 0, depends: subdir === 'noarch' ? [] : ['helper >=2'], license: 'BSD-3-Clause', subdir, ...(subdir === 'noarch' ? { noarch: 'generic' } : { arch: 'x86_64', platform: 'linux' }), timestamp: 1690000000000 };
  writeFileSync(join(work, 'info', 'index.json'), JSON.stringify(index));
  writeFileSync(join(work, 'info', 'files'), `bin/${name}\n`);
  writeFileSync(join(work, 'info', 'paths.json'), JSON.stringify({ paths: [{ _path: `bin/${name}`, path_type: 'hardlink', sha256: hash('sha256', join(work, 'bin', name)), size_in_bytes: statSync(join(work, 'bin', name)).size }], paths_version: 1 }));
  const fn = `${name}-${version}-h0.tar.bz2`;
  mkdirSync(join(dir, subdir), { recursive: true });
  execFileSync('tar', ['-cjf', join(dir, subdir, fn), '-C', work, 'info', 'bin']);
  return { fn, index };
}

/** A channel as another tool left it: repodata.json per subdir with md5/sha256/size. */
function existingChannel(): { dir: string; hello: string; helper: string } {
  const dir = scratch('channel');
  const hello = handmadePackage(dir, 'hello', '1.0', 'linux-64');
  const helper = handmadePackage(dir, 'helper', '2.0', 'noarch');
  for (const [subdir, p] of [['linux-64', hello], ['noarch', helper]] as const) {
    const f = join(dir, subdir, p.fn);
    const repodata = { info: { subdir }, packages: { [p.fn]: { ...p.index, md5: hash('md5', f), sha256: hash('sha256', f), size: statSync(f).size } }, 'packages.conda': {}, removed: [], repodata_version: 1 };
    writeFileSync(join(dir, subdir, 'repodata.json'), JSON.stringify(repodata, null, 2));
  }
  return { dir, hello: hello.fn, helper: helper.fn };
}

async function publish(channel: string, values: Record<string, unknown> = {}) {
  const c = capture();
  try {
    return { code: await publishCommand({ 'dist-dir': dist.root, 'no-github': true, 'conda-channel': channel, ...values }, c.out, {}, REPO), text: c.text(), error: null };
  } catch (e) {
    if (e instanceof UserError) return { code: e.exitCode, text: `${c.text()}\n${e.message}`, error: e };
    throw e;
  }
}

const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as Repodata;

/** Every file and its bytes, to show that a run changed nothing. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.set(join(d, e.name).slice(dir.length), hash('sha256', join(d, e.name)));
    }
  };
  walk(dir);
  return out;
}

describe('release publish --conda-channel', () => {
  it('merges into a channel holding other packages; every package stays indexed; rattler solves both', async () => {
    const ch = existingChannel();
    const before = read(join(ch.dir, 'linux-64', 'repodata.json'));
    const r = await publish(ch.dir);
    expect(r.code, r.text).toBe(0);
    expect(r.text).toMatch(/copy linux-64\/pyvm-0\.1\.0-0\.conda/);
    expect(r.text).toMatch(/regenerate linux-s390x\/repodata\.json \(new packages\)/);

    const linux64 = read(join(ch.dir, 'linux-64', 'repodata.json'));
    expect(Object.keys(linux64.packages).sort()).toEqual([ch.hello, 'pyvm-0.1.0-0.tar.bz2']);
    expect(Object.keys(linux64['packages.conda'])).toEqual(['pyvm-0.1.0-0.conda']);
    // the existing entry keeps every field it had
    expect(linux64.packages[ch.hello]).toEqual(before.packages[ch.hello]);
    expect(Object.keys(read(join(ch.dir, 'linux-s390x', 'repodata.json'))['packages.conda'])).toEqual(['pyvm-0.1.0-0.conda']);
    // noarch was not ours to touch
    expect(Object.keys(read(join(ch.dir, 'noarch', 'repodata.json')).packages)).toEqual([ch.helper]);
    // each entry describes the file next to it
    for (const subdir of ['linux-64', 'linux-s390x']) {
      const rd = read(join(ch.dir, subdir, 'repodata.json'));
      for (const [fn, e] of [...Object.entries(rd.packages), ...Object.entries(rd['packages.conda'])]) {
        const f = join(ch.dir, subdir, fn);
        expect([e.sha256, e.md5, e.size], fn).toEqual([hash('sha256', f), hash('md5', f), statSync(f).size]);
      }
      expect(execFileSync('zstd', ['-dc', join(ch.dir, subdir, 'repodata.json.zst')], { encoding: 'utf8' })).toBe(readFileSync(join(ch.dir, subdir, 'repodata.json'), 'utf8'));
    }
    // cph reads the copied package, and its index.json is what repodata says
    const info = scratch('cph');
    execFileSync('cph', ['x', join(ch.dir, 'linux-64', 'pyvm-0.1.0-0.conda'), '--dest', info, '--info']);
    const index = JSON.parse(readFileSync(join(info, 'info', 'index.json'), 'utf8')) as Record<string, unknown>;
    expect(linux64['packages.conda']['pyvm-0.1.0-0.conda']).toMatchObject(index);
    expect(readdirSync(ch.dir).filter((f) => f.startsWith('.'))).toEqual([]); // no scratch left behind

    // the channel as conda clients see it
    const rattler = (await import('@conda-org/rattler')) as unknown as {
      simpleSolve: (specs: string[], channels: string[], platforms: string[], locked: unknown) => Promise<{ url: string; packageName: string }[]>;
    };
    const base = 'http://local-channel.invalid';
    const realFetch = globalThis.fetch;
    // the WASM solver cannot read file:// channels; serve the directory from memory
    globalThis.fetch = (async (input: string | URL | Request) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (!url.startsWith(base)) return realFetch(input);
      const file = join(ch.dir, decodeURIComponent(new URL(url).pathname));
      const resp = existsSync(file) ? new Response(readFileSync(file)) : new Response('not found', { status: 404 });
      Object.defineProperty(resp, 'url', { value: url });
      return resp;
    }) as typeof fetch;
    try {
      const solved = await rattler.simpleSolve(['pyvm ==0.1.0', 'hello', 'helper'], [base], ['linux-64', 'noarch'], []);
      expect(solved.map((s) => s.url).sort()).toEqual([`${base}/linux-64/${ch.hello}`, `${base}/linux-64/pyvm-0.1.0-0.conda`, `${base}/noarch/${ch.helper}`]);
    } finally {
      globalThis.fetch = realFetch;
    }

    // a second run: nothing to do, nothing written
    const snap = snapshot(ch.dir);
    const again = await publish(ch.dir);
    expect(again.code, again.text).toBe(0);
    expect(again.text).toContain('nothing to do');
    expect(snapshot(ch.dir)).toEqual(snap);
  });

  it('creates a channel that does not exist yet, with an empty noarch index', async () => {
    const dir = join(scratch('new-channel'), 'conda');
    const r = await publish(dir);
    expect(r.code, r.text).toBe(0);
    expect(read(join(dir, 'noarch', 'repodata.json')).packages).toEqual({});
    expect(Object.keys(read(join(dir, 'linux-64', 'repodata.json'))['packages.conda'])).toEqual(['pyvm-0.1.0-0.conda']);
  });

  it('refuses a channel that holds a different file under one of our names, and changes nothing', async () => {
    const ch = existingChannel();
    expect((await publish(ch.dir)).code).toBe(0);
    writeFileSync(join(ch.dir, 'linux-s390x', 'pyvm-0.1.0-0.tar.bz2'), 'other bytes');
    const snap = snapshot(ch.dir);
    const r = await publish(ch.dir);
    expect(r.code).toBe(1);
    expect((r.error as UserError).code).toBe('conda-conflict');
    expect(r.text).toMatch(/the conda channel already holds different files under these names: linux-s390x\/pyvm-0\.1\.0-0\.tar\.bz2 \(channel has sha256 [0-9a-f]{12}…, dist has [0-9a-f]{12}…\)\. Conda clients cache packages by file name/);
    expect(snapshot(ch.dir)).toEqual(snap);
  });

  it('re-indexes a package that is in place but missing from repodata.json (a run killed before indexing)', async () => {
    const ch = existingChannel();
    expect((await publish(ch.dir)).code).toBe(0);
    // as if the previous run died between copying and indexing, leaving its temp files
    const gone = spawnSync('true').pid!;
    mkdirSync(join(ch.dir, `.repodata-${gone}-x1`));
    writeFileSync(join(ch.dir, 'linux-64', `.pyvm-0.1.0-0.conda.tmp-${gone}`), 'partial');
    writeFileSync(join(ch.dir, 'linux-64', 'repodata.json'), readFileSync(join(ch.dir, 'linux-64', 'repodata.json'), 'utf8').replace('"pyvm-0.1.0-0.conda"', '"gone.conda"'));
    const r = await publish(ch.dir, { 'dry-run': true });
    expect(r.text).toMatch(/regenerate linux-64\/repodata\.json \(pyvm-0\.1\.0-0\.conda is not in its repodata\.json\)/);
    expect(r.text).not.toMatch(/copy /);
    const fixed = await publish(ch.dir);
    expect(fixed.code, fixed.text).toBe(0);
    expect(fixed.text).toMatch(/linux-64\/gone\.conda is listed in repodata\.json but its file is gone; leaving it out/);
    expect(Object.keys(read(join(ch.dir, 'linux-64', 'repodata.json'))['packages.conda'])).toEqual(['pyvm-0.1.0-0.conda']);
    expect([...readdirSync(ch.dir), ...readdirSync(join(ch.dir, 'linux-64'))].filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
