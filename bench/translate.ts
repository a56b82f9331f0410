// npm run bench:translate — how fast translation is (cold, warm, after one edit) on the
// biggest RTS program we have (the VM), and how fast translated code runs next to the
// same code on Node. Prints one table per question, ratios side by side.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StageReport } from '../translate/driver.ts';
import { precompiled } from '../bin/precompiled.mjs';
import { hostTargetName } from '../common/targets.ts';
import { formatTiming, hyperfine, npxFloor } from './hyperfine.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// the translator as `npx release translate` runs it: its precompiled JavaScript, not through tsx
// (whose transform wraps every closure to keep its name, a tenth of a translation's time)
const { translateProgram } = (await import(precompiled('translate/driver.ts'))) as typeof import('../translate/driver.ts');
const target = hostTargetName();
const work = mkdtempSync(join(tmpdir(), 'bench-translate-'));

function fmt(s: number): string {
  return s.toFixed(2).padStart(8);
}

function stageLine(stages: StageReport[]): string {
  return stages.map((s) => `${s.name} ${s.seconds.toFixed(2)}${s.cached ? '*' : ''}`).join('  ');
}

async function translationSpeed(): Promise<void> {
  // a private copy of the program, so that one function can be edited
  const copy = join(work, 'src');
  cpSync(join(ROOT, 'vm'), join(copy, 'vm'), { recursive: true });
  cpSync(join(ROOT, 'translate', 'rlib'), join(copy, 'translate', 'rlib'), { recursive: true });
  let entry = join(copy, 'vm', 'main.ts');
  let what = 'the VM (vm/main.ts)';
  if (!existsSync(entry)) {
    entry = join(ROOT, 'tests', 'translate', 'programs', 'nbody.ts');
    what = 'tests/translate/programs/nbody.ts (vm/main.ts not present)';
  }
  const cache = join(work, 'cache');
  const run = async (label: string): Promise<number> => {
    const t = performance.now();
    const r = await translateProgram({ entry, target, outDir: join(work, 'out'), cacheDir: cache });
    const secs = (performance.now() - t) / 1000;
    const peak = Math.max(...r.stages.map((s) => s.peakRssMB));
    console.log(`${label.padEnd(22)} ${fmt(secs)} s  peak RSS ${String(peak).padStart(5)} MB   ${stageLine(r.stages)}`);
    return secs;
  };
  console.log(`\nTranslation of ${what}, target ${target} (* = stage cached)`);
  const cold = await run('cold');
  const warm = await run('warm (all cached)');
  // the whole command as a user types it, start-up of the CLI included
  const cli = [process.execPath, join(ROOT, 'bin', 'release.mjs'), 'translate', entry, '--target', target, '--out', join(work, 'out'), '--cache', cache];
  const noop = hyperfine(cli, { cwd: ROOT });
  if (noop) console.log(`${'no-op release translate'.padEnd(22)} ${formatTiming(noop)} (hyperfine, node bin/release.mjs)`);
  // as a maintainer types it: npx adds its own start-up (npm, its view of node_modules)
  const noopNpx = hyperfine(['npx', 'release', ...cli.slice(2)], { cwd: ROOT });
  if (noopNpx) console.log(`${'no-op npx release'.padEnd(22)} ${formatTiming(noopNpx)} (hyperfine; target <= 1 s: ${noopNpx.mean <= 1 ? 'MET' : 'NOT MET'})`);
  const floor = npxFloor();
  if (floor) console.log(`${'npx of a bin doing nothing'.padEnd(22)} ${formatTiming(floor)} (npm's own share of the line above)`);
  // change one function body: append a statement to the first function with a block body
  const src = readFileSync(entry, 'utf8');
  const edited = src.replace(/(export function main\([^)]*\)[^{]*\{)/, '$1\n  const benchEdit = 1;\n  void benchEdit;');
  if (edited !== src) {
    writeFileSync(entry, edited.replace('void benchEdit;', 'if (benchEdit > 2) return 1;'));
    const oneEdit = await run('one function changed');
    // the same edit again, as `release translate` in a new process meets it: nothing of the
    // last translation in memory (TypeScript parses every module again), the stages' store only
    writeFileSync(entry, edited.replace('void benchEdit;', 'if (benchEdit > 3) return 1;'));
    const t = performance.now();
    const r = spawnSync(cli[0], cli.slice(1), { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    const freshEdit = (performance.now() - t) / 1000;
    if (r.status !== 0) throw new Error(`${cli.join(' ')} exited ${r.status}`);
    console.log(`${'the same, new process'.padEnd(22)} ${fmt(freshEdit)} s  (node bin/release.mjs translate)`);
    console.log(`ratios: warm/cold ${(warm / cold).toFixed(3)}   one-edit/cold ${(oneEdit / cold).toFixed(3)} (in a new process ${(freshEdit / cold).toFixed(3)})`);
  } else {
    console.log(`ratio: warm/cold ${(warm / cold).toFixed(3)}`);
  }
}

function best(cmd: string[], runs = 3): number {
  let b = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(cmd[0], cmd.slice(1), { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`${cmd.join(' ')} exited ${r.status}`);
    b = Math.min(b, (performance.now() - t) / 1000);
  }
  return b;
}

/** Best of `runs` in-process times of main() on Node (start-up excluded). */
function bestNodeMain(file: string, runs = 3): number {
  let b = Infinity;
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'main-time.mts'), file, 'bench'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    const m = /main_seconds=([\d.]+)/.exec(r.stderr ?? '');
    if (r.status !== 0 || !m) throw new Error(`${file} on Node exited ${r.status}: ${r.stderr}`);
    b = Math.min(b, Number(m[1]));
  }
  return b;
}

/** Object-oriented programs written here: translated vs Node's in-process main(). */
async function objectOrientedSpeed(): Promise<void> {
  console.log("\nObject-oriented RTS programs: translated (C, whole process, best of 10) vs Node's main() alone (best of 3)");
  console.log(`${'program'.padEnd(12)} ${'node s'.padStart(8)} ${'C s'.padStart(8)} ${'speedup'.padStart(8)}`);
  const dir = join(ROOT, 'bench', 'programs', 'oo');
  const ratios: number[] = [];
  for (const name of ['towers', 'scheduler', 'json_scan', 'containers', 'shapes', 'lists']) {
    const file = join(dir, `${name}.ts`);
    const { binary } = await translateProgram({ entry: file, target, outDir: join(work, 'bin'), cacheDir: join(work, 'cache') });
    const node = bestNodeMain(file);
    // timed by hyperfine, a small process: spawned from this one (the translator loaded, a heap
    // of hundreds of MB to fork) a 25 ms program measured 38 ms
    const c = hyperfine([binary, 'bench'], { cwd: ROOT, runs: 10 })?.min ?? best([binary, 'bench']);
    ratios.push(node / c);
    console.log(`${name.padEnd(12)} ${fmt(node)} ${fmt(c)} ${(node / c).toFixed(2).padStart(7)}x`);
  }
  const geo = Math.exp(ratios.reduce((a, r) => a + Math.log(r), 0) / ratios.length);
  console.log(`${'geomean'.padEnd(12)} ${''.padStart(8)} ${''.padStart(8)} ${geo.toFixed(2).padStart(7)}x  (target: >= 1x each, >= 2x geomean)`);
}

async function runtimeSpeed(): Promise<void> {
  console.log('\nCompute-heavy RTS programs: translated (C) vs the same code on Node (best of 3)');
  console.log(`${'program'.padEnd(12)} ${'node s'.padStart(8)} ${'C s'.padStart(8)} ${'speedup'.padStart(8)}`);
  const ratios: number[] = [];
  // n-body is the translate test corpus's own program, run longer
  const files: [string, string][] = [
    ['nbody', join(ROOT, 'tests', 'translate', 'programs', 'nbody.ts')],
    ['sieve', join(ROOT, 'bench', 'programs', 'sieve.ts')],
    ['wordcount', join(ROOT, 'bench', 'programs', 'wordcount.ts')],
  ];
  for (const [name, file] of files) {
    const { binary } = await translateProgram({ entry: file, target, outDir: join(work, 'bin'), cacheDir: join(work, 'cache') });
    const node = best([process.execPath, '--import', 'tsx', join(ROOT, 'tests', 'translate', 'run-untranslated.mts'), file, 'bench']);
    const c = best([binary, 'bench']);
    ratios.push(node / c);
    console.log(`${name.padEnd(12)} ${fmt(node)} ${fmt(c)} ${(node / c).toFixed(2).padStart(7)}x`);
  }
  const geo = Math.exp(ratios.reduce((a, r) => a + Math.log(r), 0) / ratios.length);
  console.log(`${'geomean'.padEnd(12)} ${''.padStart(8)} ${''.padStart(8)} ${geo.toFixed(2).padStart(7)}x  (target: >= 1x)`);
}

try {
  // `npm run bench:translate -- oo`: only the object-oriented programs; `-- translation`: only
  // the translation times
  const only = process.argv[2];
  if (only !== 'oo') await translationSpeed();
  if (only !== 'oo' && only !== 'translation') await runtimeSpeed();
  if (only !== 'translation') await objectOrientedSpeed();
} finally {
  rmSync(work, { recursive: true, force: true });
}
