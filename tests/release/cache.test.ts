// The cache as a whole: stats, prune, export/import, and push/pull through a local
// docker-registry (Debian's, started here with its own config on 127.0.0.1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { STAND_IN, release, scratch } from './helpers.ts';
import { HANG_MS } from '../limits.ts';

function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

async function waitFor(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > end) throw new Error(`registry did not start: ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('release cache', () => {
  const cache = scratch('cache-cmd');
  const build = ['--target', 'linux-s390x', '--no-test', '--stand-in', STAND_IN];
  let registry: ChildProcess | undefined;
  let port = 0;
  let tasks = 0;

  beforeAll(async () => {
    const r = await release(['build', ...build, '--cache-dir', cache, '--dist-dir', scratch('cache-dist'), '--json']);
    if (r.code !== 0) throw new Error(r.stdout + r.stderr);
    tasks = (JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { ran: string[] }).ran.length;
    if (existsSync('/usr/bin/docker-registry')) {
      port = await freePort();
      const dir = scratch('registry');
      mkdirSync(join(dir, 'data'));
      writeFileSync(
        join(dir, 'config.yml'),
        `version: 0.1\nlog:\n  level: error\nstorage:\n  filesystem:\n    rootdirectory: ${dir}/data\nhttp:\n  addr: 127.0.0.1:${port}\n`,
      );
      registry = spawn('/usr/bin/docker-registry', ['serve', join(dir, 'config.yml')], { stdio: 'ignore' });
      await waitFor(`http://127.0.0.1:${port}/v2/`, HANG_MS);
    }
  });

  afterAll(() => {
    registry?.kill('SIGTERM');
  });

  it('stats counts entries per stage', async () => {
    const r = await release(['cache', 'stats', '--json', '--cache-dir', cache]);
    const s = JSON.parse(r.stdout) as { entries: number; stages: { stage: string; entries: number }[] };
    expect(s.stages.map((x) => x.stage)).toEqual(['compile', 'package', 'stage']);
    expect(s.stages.find((x) => x.stage === 'compile')!.entries).toBe(1);
    expect(s.entries).toBe(tasks);
    const t = await release(['cache', 'stats', '--cache-dir', cache]);
    expect(t.stdout).toMatch(new RegExp(`^store .*: ${tasks} entries, [\\d.]+ MB`));
  });

  it('export and import move verified entries; a fresh cache then plans everything cached', async () => {
    const file = join(scratch('export'), 'cache.tar.gz');
    const e = await release(['cache', 'export', file, '--cache-dir', cache]);
    expect(e.stdout).toContain(`exported ${tasks} entries`);
    const fresh = scratch('fresh');
    const i = await release(['cache', 'import', file, '--cache-dir', fresh]);
    expect(i.stdout).toBe(`imported ${tasks} entries (0 already present, 0 rejected)\n`);
    const p = await release(['plan', ...build, '--cache-dir', fresh]);
    expect(p.stdout).toMatch(new RegExp(`nothing to do: all ${tasks} tasks cached`));
    const again = await release(['cache', 'import', file, '--cache-dir', fresh]);
    expect(again.stdout).toContain(`imported 0 entries (${tasks} already present`);
  });

  it('prune removes leftovers of killed runs and old entries', async () => {
    const c = scratch('prune');
    const file = join(scratch('prune-export'), 'c.tar.gz');
    await release(['cache', 'export', file, '--cache-dir', cache]);
    await release(['cache', 'import', file, '--cache-dir', c]);
    mkdirSync(join(c, 'store', 'compile', '.tmp-999999-deadbeef', 'files'), { recursive: true });
    const r = await release(['cache', 'prune', '--keep-days', '0', '--cache-dir', c]);
    expect(r.stdout).toBe(`pruned: ${tasks} unused for 0 days, 0 damaged, 1 leftovers\n`);
  });

  it.runIf(existsSync('/usr/bin/docker-registry'))('push to and pull from an OCI registry', async () => {
    const ref = `127.0.0.1:${port}/pyvm-cache:test`;
    const push = await release(['cache', 'push', ref, '--cache-dir', cache]);
    expect(push.stderr).toBe('');
    expect(push.stdout).toBe(`pushed ${tasks} entries to ${ref}\n`);
    const fresh = scratch('pulled');
    const pull = await release(['cache', 'pull', ref, '--cache-dir', fresh]);
    expect(pull.stdout).toBe(`pulled ${ref}: ${tasks} entries added (0 already present, 0 rejected)\n`);
    const p = await release(['plan', ...build, '--cache-dir', fresh]);
    expect(p.stdout).toMatch(new RegExp(`nothing to do: all ${tasks} tasks cached`));
    const missing = await release(['cache', 'pull', `127.0.0.1:${port}/nothing:here`, '--cache-dir', fresh]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^release: error: skopeo copy failed: /);
  });
});
