// Smoke tests: install an artifact the way a user would (each kind's packager says how), then run
// the installed pyvm on the recipe's Python programs, under the target's emulator (qemu-user, wine) or natively.
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { makeTempDir } from '../common/tmpdirs.ts';
import type { Target } from '../common/targets.ts';
import type { SmokeProgram } from './recipe.ts';
import { prepareWinePrefix } from '../common/wine.ts';
import { PACKAGERS, packagerOf } from '../packaging/index.ts';

/** What smoke tests need of an artifact record (packaging's record, or a manifest entry). */
export interface SmokeArtifact {
  name: string;
  kind: string;
  target: string | null;
  sha256: string;
}

export interface SmokeOptions {
  target: Target;
  artifact: SmokeArtifact;
  /** absolute path of the artifact file */
  file: string;
  /** the other artifacts of the release, with their files (the shell installer needs the archive) */
  related: { r: SmokeArtifact; file: string }[];
  version: string;
  programs: SmokeProgram[];
  /** wine prefix kept between runs (first start costs seconds) */
  winePrefix: string;
  log: (line: string) => void;
}

export interface ProgramResult {
  name: string;
  ok: boolean;
  seconds: number;
  exit: number | null;
  problem?: string;
}

export interface SmokeReport {
  target: string;
  kind: string;
  artifact: string;
  installedAs: string;
  results: ProgramResult[];
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a program with stdout and stderr going to files, and returns when the program exits:
 * wine leaves helper processes holding inherited pipes open for seconds after the program ends.
 */
function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}): Promise<Run> {
  const dir = makeTempDir('release-run-');
  const outFd = openSync(join(dir, 'out'), 'w');
  const errFd = openSync(join(dir, 'err'), 'w');
  return new Promise<Run>((resolve) => {
    const finish = (code: number | null, extra = '') => {
      clearTimeout(timer);
      closeSync(outFd);
      closeSync(errFd);
      const r = { code, stdout: readFileSync(join(dir, 'out'), 'utf8'), stderr: readFileSync(join(dir, 'err'), 'utf8') + extra };
      rmSync(dir, { recursive: true, force: true });
      resolve(r);
    };
    const child = spawn(cmd, args, { env: opts.env ?? process.env, cwd: opts.cwd, stdio: ['ignore', outFd, errFd] });
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.on('error', (e) => finish(null, `\n${e.message}`));
    child.on('exit', (code, signal) => finish(code, signal ? `\nkilled by ${signal}` : ''));
  });
}

async function must(cmd: string, args: string[], what: string, opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<void> {
  const r = await run(cmd, args, opts);
  if (r.code !== 0) throw new Error(`${what} failed (${cmd} ${args.join(' ')}: exit ${r.code}): ${r.stderr.trim().slice(0, 400)}`);
}

/** The kinds whose packager says how to install them, as a user would (packaging/<kind>.ts install). */
export function smokeKinds(): string[] {
  return PACKAGERS.filter((p) => p.install).map((p) => p.kind as string).sort();
}

function winePath(p: string): string {
  return `Z:${p.replace(/\//g, '\\')}`;
}

function findPyvm(dir: string, exe: string): string | null {
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === exe) hits.push(p);
    }
  };
  walk(dir);
  hits.sort((a, b) => Number(b.includes('/bin/')) - Number(a.includes('/bin/')) || a.length - b.length);
  return hits[0] ?? null;
}

/** Runs wine programs one at a time (one shared prefix; its first start creates it). */
class WineRunner {
  private queue: Promise<unknown> = Promise.resolve();
  constructor(private readonly prefix: string, private readonly wine: string) {}
  run(args: string[], env: Record<string, string> = {}): Promise<Run> {
    const wineEnv = { ...process.env, WINEPREFIX: this.prefix, WINEDEBUG: '-all' };
    const next = this.queue.then(async () => {
      prepareWinePrefix(this.prefix, this.wine);
      // keep the wine server up between programs (2.5 s per start otherwise); it exits 5 s after the last one
      await new Promise<void>((resolve) => {
        // no pipes: the server forks into the background and must not hold our stdout open
        const p = spawn(join(dirname(this.wine), 'wineserver'), ['-p5'], { env: wineEnv, stdio: 'ignore' });
        p.on('exit', () => resolve());
        p.on('error', () => resolve());
      });
      return run(this.wine, args, { env: { ...wineEnv, ...env }, timeoutMs: 180_000 });
    });
    this.queue = next.catch(() => {});
    return next;
  }
}

const wineRunners = new Map<string, WineRunner>();

/**
 * Installs the artifact in a fresh prefix and runs every program; never throws for a
 * failing program. Null when this record is not installable on its own for this target.
 */
export async function smokeTest(o: SmokeOptions): Promise<SmokeReport | null> {
  const installer = packagerOf(o.artifact.kind)?.install;
  const report: SmokeReport = { target: o.target.name, kind: o.artifact.kind, artifact: o.artifact.name, installedAs: '', results: [] };
  if (!installer) throw new Error(`no smoke installer for artifact kind '${o.artifact.kind}' (known: ${smokeKinds().join(', ')})`);
  const isWine = o.target.os === 'windows';
  const wineKey = `${o.winePrefix}|${o.target.emulator[0] ?? ''}`;
  if (isWine && !wineRunners.has(wineKey)) wineRunners.set(wineKey, new WineRunner(o.winePrefix, o.target.emulator[0]));
  const wine = wineRunners.get(wineKey)!;
  const work = makeTempDir(`release-smoke-${o.target.name}-`);
  let cleanup: (() => Promise<void>) | undefined;
  try {
    const prefix = join(work, 'prefix');
    mkdirSync(prefix);
    const installed = await installer({ ...o, prefix, must, wine: (args) => wine.run(args), winePath });
    if (!installed) return null;
    cleanup = installed.cleanup;
    const exe = `pyvm${o.target.exeSuffix}`;
    const searchIn = installed.searchIn ?? prefix;
    const binary = findPyvm(searchIn, exe);
    if (!binary) throw new Error(`installing ${o.artifact.name} gave no ${exe} under ${searchIn}`);
    report.installedAs = relative(work, binary).startsWith('..') ? binary : relative(prefix, binary);
    for (const prog of o.programs) {
      const file = join(work, `${prog.name}.py`);
      writeFileSync(file, prog.source);
      const t0 = performance.now();
      const args = [isWine ? winePath(binary) : binary, isWine ? winePath(file) : file, ...(prog.args ?? [])];
      const r = isWine
        ? await wine.run(args, prog.env ?? {})
        : o.target.emulator.length
          ? await run(o.target.emulator[0], [...o.target.emulator.slice(1), ...args], { env: { ...process.env, ...prog.env } })
          : await run(args[0], args.slice(1), { env: { ...process.env, ...prog.env } });
      const seconds = Math.round(performance.now() - t0) / 1000;
      const stdout = r.stdout.replace(/\r\n/g, '\n');
      const problems: string[] = [];
      const exit = prog.exit ?? 0;
      if (r.code !== exit) problems.push(`exit ${r.code}, expected ${exit}${r.stderr ? ` (stderr: ${r.stderr.trim().slice(0, 300)})` : ''}`);
      if (stdout !== prog.stdout) problems.push(`stdout ${JSON.stringify(stdout.slice(0, 200))}, expected ${JSON.stringify(prog.stdout)}`);
      if (prog.stderrMatches && !new RegExp(prog.stderrMatches).test(r.stderr))
        problems.push(`stderr does not match /${prog.stderrMatches}/: ${JSON.stringify(r.stderr.slice(0, 200))}`);
      report.results.push({ name: prog.name, ok: problems.length === 0, seconds, exit: r.code, problem: problems.join('; ') || undefined });
      o.log(`${o.artifact.name}: ${prog.name}: ${problems.length ? `FAIL ${problems.join('; ')}` : 'ok'} (${seconds}s)`);
    }
  } finally {
    if (cleanup) await cleanup().catch(() => {});
    rmSync(work, { recursive: true, force: true });
  }
  return report;
}

/** Identity of the emulator a target's smoke tests use (part of the smoke inputs). */
export async function emulatorIdentity(t: Target): Promise<string> {
  if (!t.emulator.length) return 'native';
  const r = await run(t.emulator[0], ['--version']);
  return `${t.emulator[0]} ${r.stdout.split('\n')[0]}`;
}
