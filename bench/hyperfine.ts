// One command timed by hyperfine (no shell, warm-up runs first), read back from its JSON
// export: the figures bench:translate and bench:release report for no-op runs of the CLI.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Timing {
  mean: number;
  stddev: number;
  min: number;
  max: number;
  runs: number;
}

/** Quotes one argument for hyperfine's own word splitting (it runs the command without a shell with -N). */
const quote = (a: string): string => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", `'\\''`)}'`);

/** Times argv with hyperfine; null (with the reason printed) when hyperfine is missing or the command fails. */
export function hyperfine(argv: string[], { cwd, runs = 10, warmup = 2 }: { cwd: string; runs?: number; warmup?: number }): Timing | null {
  const dir = mkdtempSync(join(tmpdir(), 'bench-hyperfine-'));
  try {
    const json = join(dir, 'out.json');
    const r = spawnSync('hyperfine', ['-N', '--style', 'none', '--warmup', String(warmup), '--runs', String(runs), '--export-json', json, argv.map(quote).join(' ')], { cwd, encoding: 'utf8' });
    if (r.error || r.status !== 0) {
      console.log(`hyperfine: ${r.error ? r.error.message + ' (release doctor --install adds it)' : `exited ${r.status}: ${(r.stderr ?? '').trim().split('\n').slice(-5).join(' | ')}`}`);
      return null;
    }
    const res = (JSON.parse(readFileSync(json, 'utf8')) as { results: { mean: number; stddev: number; min: number; max: number; times: number[] }[] }).results[0];
    return { mean: res.mean, stddev: res.stddev, min: res.min, max: res.max, runs: res.times.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const formatTiming = (t: Timing): string => `${t.mean.toFixed(3)} s ± ${t.stddev.toFixed(3)} (min ${t.min.toFixed(3)}, max ${t.max.toFixed(3)}, ${t.runs} runs)`;

/**
 * What npx costs before it runs anything: `npx noop` in a package whose node_modules/.bin
 * holds a script that does nothing (npm's start-up, its look for the bin, the spawn of node).
 * The part of a `npx release ...` time that no change here can remove.
 */
export function npxFloor(): Timing | null {
  const dir = mkdtempSync(join(tmpdir(), 'bench-npx-floor-'));
  try {
    writeFileSync(join(dir, 'package.json'), '{"name":"npx-floor","version":"1.0.0","private":true}\n');
    mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
    const bin = join(dir, 'node_modules', '.bin', 'noop');
    writeFileSync(bin, '#!/usr/bin/env node\n');
    chmodSync(bin, 0o755);
    return hyperfine(['npx', 'noop'], { cwd: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
