// `release verify`: builds here (reusing the cache) and again in a copy of the project in
// another directory, with a different umask, time zone, locale and path and an empty cache,
// then compares every artifact's sha256; diffoscope explains a difference.
import { spawn, execFile } from 'node:child_process';
import { cpSync, rmSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { makeTempDir } from '../common/tmpdirs.ts';
import type { Context } from './context.ts';
import type { Manifest } from './dist.ts';
import { which } from './doctor.ts';
import { StepError } from './errors.ts';

type Out = (line: string) => void;

const SKIP = new Set(['node_modules', '.git', '.cache', 'dist', 'out']);

function buildIn(root: string, args: string[], env: NodeJS.ProcessEnv, umask: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const p = spawn('sh', ['-c', `umask ${umask} && exec "$0" "$@"`, process.execPath, join(root, 'bin', 'release.mjs'), ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => done({ code, stdout, stderr }));
  });
}

function lastJson(stdout: string): { manifest?: Manifest; ok?: boolean } {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as { manifest?: Manifest };
}

export async function verifyCommand(ctx: Context, opts: { json: boolean; keep: boolean; standInArg?: string }, out: Out): Promise<number> {
  const targetArgs = ctx.targets.flatMap((t) => ['--target', t.name]);
  const recipeRel = relative(ctx.root, ctx.loaded.file);
  const sde = String(ctx.sourceDateEpoch);
  const common = [...targetArgs, '--no-test', '--json'];
  const work = makeTempDir('release-verify-');
  try {
    // 1. here, with the normal cache
    const a = await buildIn(
      ctx.root,
      ['build', ...common, '--recipe', ctx.loaded.file, '--cache-dir', ctx.cacheDir, '--dist-dir', join(work, 'dist-a'), ...(ctx.standIn ? ['--stand-in', ctx.standIn] : [])],
      { ...process.env, SOURCE_DATE_EPOCH: sde },
      '022',
    );
    if (a.code !== 0) throw new StepError('verify:build-here', `build failed (exit ${a.code})`, a.stderr + a.stdout.slice(-2000));
    // 2. a copy elsewhere: other path, umask, time zone, locale, empty cache
    const copy = join(work, 'elsewhere', 'a-different-path');
    cpSync(ctx.root, copy, { recursive: true, filter: (src) => !SKIP.has(relative(ctx.root, src).split('/')[0]) || relative(ctx.root, src) === '' });
    symlinkSync(join(ctx.root, 'node_modules'), join(copy, 'node_modules'));
    const inCopy = (p: string) => (p.startsWith(ctx.root + '/') ? join(copy, relative(ctx.root, p)) : p);
    const b = await buildIn(
      copy,
      ['build', ...common, '--recipe', inCopy(ctx.loaded.file), '--cache-dir', join(work, 'cache-b'), '--dist-dir', join(work, 'dist-b'), ...(ctx.standIn ? ['--stand-in', inCopy(ctx.standIn)] : [])],
      { ...process.env, SOURCE_DATE_EPOCH: sde, TZ: 'Pacific/Chatham', LC_ALL: 'fr_FR.UTF-8', LANG: 'fr_FR.UTF-8', HOME: join(work, 'home'), RELEASE_WINEPREFIX: ctx.winePrefix },
      '077',
    );
    if (b.code !== 0) throw new StepError('verify:build-elsewhere', `build failed (exit ${b.code})`, b.stderr + b.stdout.slice(-2000));
    const ma = lastJson(a.stdout).manifest!;
    const mb = lastJson(b.stdout).manifest!;
    const dirA = join(work, 'dist-a', ctx.loaded.version);
    const dirB = join(work, 'dist-b', ctx.loaded.version);
    const byPath = new Map(mb.artifacts.map((x) => [x.path, x]));
    const results: { path: string; target: string | null; kind: string; same: boolean; sha256: string; other?: string; diffoscope?: string }[] = [];
    for (const x of ma.artifacts) {
      const y = byPath.get(x.path);
      const same = y?.sha256 === x.sha256;
      const r: (typeof results)[number] = { path: x.path, target: x.target, kind: x.kind, same, sha256: x.sha256, other: y?.sha256 };
      if (!same && y && which('diffoscope')) r.diffoscope = await diffoscope(join(dirA, x.path), join(dirB, y.path));
      results.push(r);
    }
    for (const y of mb.artifacts) if (!ma.artifacts.some((x) => x.path === y.path)) results.push({ path: y.path, target: y.target, kind: y.kind, same: false, sha256: '', other: y.sha256 });
    const bad = results.filter((r) => !r.same);
    if (opts.json) out(JSON.stringify({ ok: bad.length === 0, sourceDateEpoch: ctx.sourceDateEpoch, results, kept: opts.keep ? work : undefined }, null, 2));
    else {
      out(`verify: rebuilt in ${copy} (umask 077, TZ=Pacific/Chatham, LC_ALL=fr_FR.UTF-8, empty cache) for ${ctx.targets.map((t) => t.name).join(', ')}`);
      for (const r of results) {
        out(`  ${r.same ? 'identical' : 'DIFFERS  '} ${r.path}${r.same ? `  sha256:${r.sha256.slice(0, 16)}` : `  ${r.sha256.slice(0, 16) || '(missing here)'} vs ${r.other?.slice(0, 16) ?? '(missing there)'}`}`);
        if (r.diffoscope) out(r.diffoscope.split('\n').slice(0, 60).map((l) => `      ${l}`).join('\n'));
      }
      out(bad.length ? `verify: ${bad.length} of ${results.length} artifacts differ` : `verify: all ${results.length} artifacts are bit-identical`);
    }
    if (opts.keep) out(`kept ${work}`);
    return bad.length ? 1 : 0;
  } finally {
    if (!opts.keep) rmSync(work, { recursive: true, force: true });
  }
}

function diffoscope(a: string, b: string): Promise<string> {
  return new Promise((done) => {
    execFile('diffoscope', ['--no-progress', '--text', '-', a, b], { encoding: 'utf8', maxBuffer: 64 << 20, timeout: 120_000 }, (_e, stdout, stderr) =>
      done((stdout || stderr).slice(0, 20_000)),
    );
  });
}

