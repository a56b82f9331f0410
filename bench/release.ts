// npm run bench:release — how fast the release factory is end to end: the real CLI
// `node bin/release.mjs build --json` run three times in a private copy of the repository,
// with its own --cache-dir and --dist-dir:
//   (a) cold: empty cache, (b) warm: the same command again, nothing changed, then timed by
//   hyperfine, run by node and as `npx release build ...` (goal for the latter: <= 1.5 s for
//   one target), (c) edit: one function body of
//   vm/builtins/format.ts changed in the copy.
// Prints one table: wall time of each run, the per-task timings of the JSON lines summed by
// task kind (translate, compile/stage, package, smoke), and the ratios warm/cold, edit/cold.
//
// usage: npx tsx bench/release.ts [--target T]... [--jobs N] [--keep]
//   --target T  build only that target (repeatable). Default: every target `build --all`
//               covers (linux-x86_64, linux-aarch64, linux-ppc64le, linux-s390x,
//               windows-x86_64). Cold translation of the VM takes up to a minute or more
//               per target on a 2-core machine, plus packaging and smoke tests under qemu /
//               wine (the three default runs took about 3.5 minutes in all when measured on
//               a loaded 2-core machine; slower machines may need far more), so use e.g.
//               `--target linux-x86_64` for a quick measurement (about 1 minute).
//   --jobs N    passed through to `release build` (default: its own, the number of cores)
//   --keep      keep the temporary copy (its path is printed) instead of deleting it
//
// Per-kind times are sums of task durations as reported by the task engine; tasks run in
// parallel (--jobs), so the sums can exceed the wall time. A cached task counts the time it
// took to verify its store entry.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTiming, hyperfine, npxFloor, type Timing } from './hyperfine.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WARM_GOAL_S = 1.5;
const EDIT_FILE = join('vm', 'builtins', 'format.ts');
const EXCLUDE = new Set(['node_modules', '.cache', 'dist', 'out', '.git']);
const KINDS = ['translate', 'compile/stage', 'package', 'smoke', 'other'] as const;
type Kind = (typeof KINDS)[number];

function parseArgs(argv: string[]): { targets: string[]; jobs?: string; keep: boolean } {
  const targets: string[] = [];
  let jobs: string | undefined;
  let keep = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--target') targets.push(argv[++i] ?? '');
    else if (a.startsWith('--target=')) targets.push(a.slice('--target='.length));
    else if (a === '--jobs') jobs = argv[++i];
    else if (a === '--keep') keep = true;
    else if (a === '--help' || a === '-h') {
      console.log('usage: npx tsx bench/release.ts [--target T]... [--jobs N] [--keep]');
      process.exit(0);
    } else {
      console.error(`bench/release.ts: unknown argument ${a}`);
      process.exit(2);
    }
  }
  if (targets.some((t) => !t)) {
    console.error('bench/release.ts: --target needs a value');
    process.exit(2);
  }
  return { targets, jobs, keep };
}

function kindOf(task: string): Kind {
  if (task.startsWith('translate:')) return 'translate';
  if (task.startsWith('compile:') || task.startsWith('stage:')) return 'compile/stage';
  if (task.startsWith('package:')) return 'package';
  if (task.startsWith('smoke:')) return 'smoke';
  return 'other';
}

interface RunResult {
  label: string;
  wall: number;
  /** seconds the CLI reports for itself (summary line) */
  cliSeconds: number | null;
  perKind: Record<Kind, number>;
  ran: number;
  cached: number;
  nothingChanged: boolean | null;
  ok: boolean;
}

/** A private copy of the working tree: everything but node_modules (symlinked), caches, outputs and .git. */
function makeCopy(work: string): string {
  const copy = join(work, 'repo');
  cpSync(ROOT, copy, {
    recursive: true,
    filter: (src) => src === ROOT || !(dirname(src) === ROOT && EXCLUDE.has(basename(src))),
  });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

/** Appends a harmless statement inside one function body of vm/builtins/format.ts. */
function editOneFunction(copy: string): string {
  const file = join(copy, EDIT_FILE);
  const src = readFileSync(file, 'utf8');
  const re = /(function signOf\(neg: boolean, sp: Spec\): string \{\n)/;
  let edited = src.replace(re, `$1  if (sp.sign === 'bench-release-edit') return '';\n`);
  let what = 'signOf() in vm/builtins/format.ts';
  if (edited === src) {
    // fall back to the first function with a block body
    edited = src.replace(/(\nfunction (\w+)\([^)]*\)[^{\n]*\{\n)/, `$1  const benchReleaseEdit: boolean = false;\n  if (benchReleaseEdit) throw new Error('unreachable');\n`);
    what = `first function in ${EDIT_FILE}`;
  }
  if (edited === src) throw new Error(`bench/release.ts: found no function body to edit in ${EDIT_FILE}`);
  writeFileSync(file, edited);
  return what;
}

function buildArgs(copy: string, work: string, targets: string[], jobs: string | undefined): string[] {
  return [
    join(copy, 'bin', 'release.mjs'),
    'build',
    ...(targets.length ? targets.flatMap((t) => ['--target', t]) : ['--all']),
    '--json',
    '--cache-dir',
    join(work, 'cache'),
    '--dist-dir',
    join(work, 'dist'),
    ...(jobs ? ['--jobs', jobs] : []),
  ];
}

function runBuild(copy: string, work: string, label: string, targets: string[], jobs: string | undefined): Promise<RunResult> {
  const args = buildArgs(copy, work, targets, jobs);
  const perKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  const res: RunResult = { label, wall: 0, cliSeconds: null, perKind, ran: 0, cached: 0, nothingChanged: null, ok: false };
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: copy,
      // without .git in the copy, the CLI would fall back to 1980; pin it so all runs agree
      env: { ...process.env, SOURCE_DATE_EPOCH: process.env.SOURCE_DATE_EPOCH ?? '1700000000', CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buf = '';
    let stderr = '';
    const onLine = (line: string) => {
      if (!line.trim()) return;
      let j: Record<string, unknown>;
      try {
        j = JSON.parse(line);
      } catch {
        process.stderr.write(`  [${label}] ${line}\n`);
        return;
      }
      if (j.event === 'done' || j.event === 'cached') {
        perKind[kindOf(String(j.task))] += Number(j.seconds) || 0;
        if (j.event === 'done') process.stderr.write(`  [${label}] ${j.task} done in ${j.seconds}s\n`);
      } else if (j.event === 'failed') {
        process.stderr.write(`  [${label}] ${j.task} FAILED: ${j.error}\n`);
      } else if (j.event === 'summary') {
        res.ok = j.ok === true;
        res.cliSeconds = typeof j.seconds === 'number' ? j.seconds : null;
        res.ran = Array.isArray(j.ran) ? j.ran.length : 0;
        res.cached = Array.isArray(j.cached) ? j.cached.length : 0;
        res.nothingChanged = typeof j.nothingChanged === 'boolean' ? j.nothingChanged : null;
      } else if (j.event === 'note') {
        process.stderr.write(`  [${label}] ${j.message}\n`);
      }
    };
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      buf += d;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        onLine(buf.slice(0, i));
        buf = buf.slice(i + 1);
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      onLine(buf);
      res.wall = (performance.now() - t0) / 1000;
      if (code !== 0) {
        res.ok = false;
        process.stderr.write(`  [${label}] release build exited ${code}${stderr ? `:\n${stderr.trim().slice(-3000)}` : ''}\n`);
      }
      resolve(res);
    });
  });
}

function table(results: RunResult[]): void {
  const cols = ['run', 'wall s', 'cli s', ...KINDS.filter((k) => k !== 'other' || results.some((r) => r.perKind.other > 0)).map((k) => `${k} s`), 'ran', 'cached', 'ok'];
  const rows = results.map((r) => [
    r.label,
    r.wall.toFixed(2),
    r.cliSeconds === null ? '-' : r.cliSeconds.toFixed(1),
    ...KINDS.filter((k) => k !== 'other' || results.some((x) => x.perKind.other > 0)).map((k) => r.perKind[k].toFixed(2)),
    String(r.ran),
    String(r.cached),
    r.ok ? 'yes' : 'NO',
  ]);
  const w = cols.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  console.log(line(cols));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  for (const r of rows) console.log(line(r));
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'bench-release-'));
  const cleanup = () => {
    if (!opts.keep) rmSync(work, { recursive: true, force: true });
  };
  process.on('SIGINT', () => {
    cleanup();
    process.exit(130);
  });
  try {
    const copy = makeCopy(work);
    const which = opts.targets.length ? opts.targets.join(', ') : 'all (build --all)';
    console.log(`release build benchmark: targets ${which}; private copy ${copy}${opts.keep ? ' (kept)' : ''}`);
    const results: RunResult[] = [];
    results.push(await runBuild(copy, work, 'cold', opts.targets, opts.jobs));
    if (!results[0].ok) throw new Error('cold build failed; see above');
    results.push(await runBuild(copy, work, 'warm no-op', opts.targets, opts.jobs));
    // the no-op again, timed by hyperfine (with the same environment as the runs above)
    process.env.SOURCE_DATE_EPOCH ??= '1700000000';
    process.env.CI = '1';
    const noop: Timing | null = results[1].ok ? hyperfine([process.execPath, ...buildArgs(copy, work, opts.targets, opts.jobs)], { cwd: copy }) : null;
    // and as a maintainer types it: npx adds its own start-up (npm, its view of node_modules)
    const noopNpx: Timing | null = results[1].ok ? hyperfine(['npx', 'release', ...buildArgs(copy, work, opts.targets, opts.jobs).slice(1)], { cwd: copy }) : null;
    const floor = results[1].ok ? npxFloor() : null;
    const what = editOneFunction(copy);
    results.push(await runBuild(copy, work, 'one VM edit', opts.targets, opts.jobs));
    const [cold, warm, edit] = results;
    console.log(`\nrelease build --json, targets: ${which}  (edit: ${what})`);
    console.log('per-kind columns: summed task durations from the JSON lines (parallel tasks overlap; cached = verify time)\n');
    table(results);
    console.log(`\nratios: warm/cold ${(warm.wall / cold.wall).toFixed(3)}   edit/cold ${(edit.wall / cold.wall).toFixed(3)}`);
    if (noop) console.log(`no-op build (hyperfine): ${formatTiming(noop)}`);
    if (noopNpx) console.log(`no-op build via npx release (hyperfine): ${formatTiming(noopNpx)}`);
    if (floor) console.log(`npx of a bin that does nothing (hyperfine): ${formatTiming(floor)} (npm's own share of the line above)`);
    const noopWall = noopNpx?.mean ?? noop?.mean ?? warm.wall;
    const met = warm.ok && noopWall <= WARM_GOAL_S;
    console.log(`goal: warm no-op <= ${WARM_GOAL_S} s: ${met ? 'MET' : 'NOT MET'} (${noopWall.toFixed(2)} s wall${noopNpx ? ', hyperfine mean of npx release' : noop ? ', hyperfine mean' : ''}${warm.nothingChanged === false ? '; the CLI did not report "nothing changed"' : ''})`);
    if (!existsSync(join(work, 'cache', 'store'))) console.log('note: no task store was written under the private --cache-dir');
    if (results.some((r) => !r.ok)) process.exitCode = 1;
  } finally {
    cleanup();
  }
}

await main();
