// npm run test:cpython — how much of CPython's own regression tests pyvm passes, module by
// module, next to CPython 3.11's run of the same tests on this machine.
//
//   npm run test:cpython -- [--group stdlib|language|all] [--pyvm PATH] [--jobs N]
//                           [--timeout SECONDS] [--json FILE] [MODULE ...]
//
// Each module runs under each interpreter through conformance/driver.py, which writes one line
// per test as it ends, so a crash mid-module still counts what ran. The score is the share of
// the tests CPython passes that pyvm passes too. A module where pyvm dies by a signal or an RTS
// fatal error is a crash (the binary must never crash): it is listed, and the exit status is 1.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GROUPS, GROUP_NAMES } from './modules.ts';
import { makeTempDir } from '../common/tmpdirs.ts';
import { writeFileAtomicSync } from '../common/atomic.ts';
import { translateHostVm } from '../translate/host-vm.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DRIVER = join(ROOT, 'conformance', 'driver.py');
/** Debian's CPython 3.11 and its regression tests (libpython3.11-testsuite): the same version
 * as the standard library pyvm ships, so both run the same test files. */
const CPYTHON = '/usr/bin/python3.11';
const TESTS = '/usr/lib/python3.11/test';
/** pyvm's heap limit for a module, so a runaway test is a MemoryError, not a full machine */
const HEAP_LIMIT_MB = '4096';

type Outcome = 'pass' | 'xfail' | 'skip' | 'upass' | 'fail' | 'error';
const WORSE: Outcome[] = ['pass', 'xfail', 'skip', 'upass', 'fail', 'error'];

export interface ModuleRun {
  /** test id → its worst outcome (a test with a failing subtest is failed) */
  tests: Map<string, Outcome>;
  /** 'ok', or why the module did not run to its end */
  status: string;
  crashed: boolean;
  seconds: number;
}

export interface Counts {
  run: number;
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
}

function usage(msg: string): never {
  process.stderr.write(
    `test:cpython: ${msg}\n` +
      `usage: npm run test:cpython -- [--group ${[...GROUP_NAMES, 'all'].join('|')}] [--pyvm PATH] [--jobs N] [--timeout SECONDS] [--json FILE] [MODULE ...]\n`,
  );
  process.exit(2);
}

interface Options {
  modules: string[];
  pyvm: string | null;
  jobs: number;
  timeoutS: number;
  json: string;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { modules: [], pyvm: null, jobs: 2, timeoutS: 900, json: join(ROOT, '.cache', 'conformance', 'last.json') };
  let group: string | null = null;
  const positiveInt = (flag: string, v: string | undefined): number => {
    const n = Number(v);
    if (v === undefined || !Number.isInteger(n) || n < 1) usage(`${flag} takes a whole number of at least 1, not ${JSON.stringify(v ?? '')}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--group') group = argv[++i] ?? usage('--group needs a value');
    else if (a === '--pyvm') o.pyvm = resolve(argv[++i] ?? usage('--pyvm needs a path'));
    else if (a === '--jobs') o.jobs = positiveInt(a, argv[++i]);
    else if (a === '--timeout') o.timeoutS = positiveInt(a, argv[++i]);
    else if (a === '--json') o.json = resolve(argv[++i] ?? usage('--json needs a path'));
    else if (a === '-h' || a === '--help') {
      process.stdout.write(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//')).map((l) => l.slice(3)).join('\n') + '\n');
      process.exit(0);
    } else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else o.modules.push(a);
  }
  if (group !== null) {
    if (group === 'all') o.modules.push(...GROUP_NAMES.flatMap((g) => GROUPS[g]));
    else if (group in GROUPS) o.modules.push(...GROUPS[group]);
    else usage(`unknown group '${group}' (groups: ${[...GROUP_NAMES, 'all'].join(', ')})`);
  }
  if (o.modules.length === 0) o.modules.push(...GROUPS.stdlib);
  for (const m of o.modules) {
    const file = join(TESTS, ...m.split('.'));
    if (!existsSync(file + '.py') && !existsSync(join(file, '__init__.py'))) usage(`no test module '${m}' in ${TESTS} (names as in python -m unittest test.NAME, e.g. test_bisect)`);
  }
  return o;
}

/** Reads the driver's results file: the tests' outcomes and the last stage it reached. */
function readResults(file: string): { tests: Map<string, Outcome>; stage: string } {
  const tests = new Map<string, Outcome>();
  let stage = 'start';
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { tests, stage };
  }
  for (const line of text.split('\n')) {
    const sp = line.indexOf(' ');
    if (sp < 0) continue;
    const kind = line.slice(0, sp);
    const rest = line.slice(sp + 1);
    if (kind === 'stage') stage = rest;
    else if ((WORSE as string[]).includes(kind)) {
      const old = tests.get(rest);
      const o = kind as Outcome;
      if (old === undefined || WORSE.indexOf(o) > WORSE.indexOf(old)) tests.set(rest, o);
    }
  }
  return { tests, stage };
}

function runModule(interp: string[], module: string, env: NodeJS.ProcessEnv, timeoutS: number): Promise<ModuleRun> {
  const work = makeTempDir('pyvm-conformance-');
  const results = join(work, 'results.txt');
  // the test package alone on the path, so each interpreter imports its own standard library
  const testsOnly = join(work, 'path');
  mkdirSync(testsOnly);
  symlinkSync(TESTS, join(testsOnly, 'test'));
  const started = performance.now();
  return new Promise((done) => {
    const p = spawn(interp[0], [...interp.slice(1), DRIVER, results, module, testsOnly], {
      cwd: work,
      env: { ...env, TMPDIR: work, HOME: work },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    p.stderr.setEncoding('utf8');
    p.stderr.on('data', (s: string) => (stderr = (stderr + s).slice(-8192)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      p.kill('SIGKILL');
    }, timeoutS * 1000);
    const finish = (code: number | null, signal: NodeJS.Signals | null, spawnError: string | null) => {
      clearTimeout(timer);
      const { tests, stage } = readResults(results);
      rmSync(work, { recursive: true, force: true });
      const lastLine = stderr.trim().split('\n').pop() ?? '';
      const fatal = /RTS fatal error.*/.exec(stderr);
      let status = 'ok';
      let crashed = false;
      if (spawnError !== null) status = `cannot run: ${spawnError}`;
      else if (timedOut) status = `timed out after ${timeoutS} s in ${stage}`;
      else if (fatal !== null) [status, crashed] = [`crash: ${fatal[0]}`, true];
      else if (signal !== null) [status, crashed] = [`crash: ${signal} in ${stage}`, true];
      else if (stage !== 'done') status = `stopped at ${stage}: ${lastLine || `exit ${code}`}`;
      done({ tests, status, crashed, seconds: (performance.now() - started) / 1000 });
    };
    p.on('error', (e) => finish(null, null, e.message));
    p.on('close', (code, signal) => finish(code, signal, null));
  });
}

export function counts(r: ModuleRun): Counts {
  const c: Counts = { run: r.tests.size, passed: 0, failed: 0, errors: 0, skipped: 0 };
  for (const o of r.tests.values()) {
    if (o === 'pass' || o === 'xfail') c.passed++;
    else if (o === 'fail' || o === 'upass') c.failed++;
    else if (o === 'error') c.errors++;
    else c.skipped++;
  }
  return c;
}

/** The tests CPython passes, and how many of them pyvm passes. */
export function shared(ref: ModuleRun, got: ModuleRun): { refPassed: number; bothPassed: number } {
  let refPassed = 0;
  let bothPassed = 0;
  for (const [id, o] of ref.tests) {
    if (o !== 'pass' && o !== 'xfail') continue;
    refPassed++;
    const g = got.tests.get(id);
    if (g === 'pass' || g === 'xfail') bothPassed++;
  }
  return { refPassed, bothPassed };
}

async function pool<T, R>(items: T[], jobs: number, work: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
  return out;
}

async function pyvmBinary(given: string | null): Promise<string> {
  if (given !== null) {
    if (!existsSync(given)) usage(`--pyvm ${given}: no such file`);
    return given;
  }
  process.stderr.write('translating vm/main.ts for this machine (cached after the first time) ...\n');
  return (await translateHostVm(ROOT)).binary;
}

const pct = (a: number, b: number): string => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
const cols = (c: Counts): string => [c.run, c.passed, c.failed, c.errors, c.skipped].map((n) => String(n).padStart(5)).join('');

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  if (!existsSync(TESTS)) usage(`CPython's regression tests are not installed (${TESTS}); run npm run setup, or apt-get install libpython3.11-testsuite`);
  if (!existsSync(CPYTHON)) usage(`${CPYTHON} is missing; run npm run setup, or apt-get install python3.11`);
  const pyvm = await pyvmBinary(o.pyvm);
  const cpyEnv = { ...process.env };
  delete cpyEnv.PYTHONPATH;
  delete cpyEnv.PYTHONHOME;
  const pyvmEnv = { ...cpyEnv, RTS_HEAP_LIMIT_MB: HEAP_LIMIT_MB };
  process.stderr.write(`running ${o.modules.length} module(s) under ${CPYTHON} and ${pyvm}, ${o.jobs} at a time\n`);
  const rows = await pool(o.modules, o.jobs, async (m) => {
    const ref = await runModule([CPYTHON, '-X', 'faulthandler'], m, cpyEnv, o.timeoutS);
    const got = await runModule([pyvm], m, pyvmEnv, o.timeoutS);
    const s = shared(ref, got);
    process.stderr.write(`  ${m}: CPython ${counts(ref).passed} passed; pyvm ${s.bothPassed} of them (${got.status})\n`);
    return { module: m, ref, got, ...s };
  });

  const w = Math.max(...rows.map((r) => r.module.length), 6);
  const head = '  run pass fail  err skip';
  console.log(`${'module'.padEnd(w)}  CPython 3.11 ${' '.repeat(12)}pyvm${' '.repeat(22)}pyvm/CPython passed   pyvm status`);
  console.log(`${''.padEnd(w)} ${head}  ${head}`);
  let refPassed = 0;
  let bothPassed = 0;
  const crashes: string[] = [];
  for (const r of rows) {
    refPassed += r.refPassed;
    bothPassed += r.bothPassed;
    if (r.got.crashed) crashes.push(`${r.module}: ${r.got.status}`);
    const score = `${r.bothPassed}/${r.refPassed} ${pct(r.bothPassed, r.refPassed)}`;
    console.log(`${r.module.padEnd(w)} ${cols(counts(r.ref))}  ${cols(counts(r.got))}  ${score.padStart(18)}   ${r.got.status}${r.ref.status === 'ok' ? '' : ` (CPython: ${r.ref.status})`}`);
  }
  console.log(`total: pyvm passes ${bothPassed} of the ${refPassed} tests CPython passes (${pct(bothPassed, refPassed)}) in ${rows.length} module(s); ${crashes.length} crash(es)`);
  for (const c of crashes) console.log(`  crash: ${c}`);

  mkdirSync(dirname(o.json), { recursive: true });
  const record = rows.map((r) => ({
    module: r.module,
    cpython: { ...counts(r.ref), status: r.ref.status },
    pyvm: { ...counts(r.got), status: r.got.status, crashed: r.got.crashed },
    cpythonPassed: r.refPassed,
    bothPassed: r.bothPassed,
  }));
  writeFileAtomicSync(o.json, JSON.stringify({ pyvm, cpython: CPYTHON, refPassed, bothPassed, modules: record }, null, 2) + '\n');
  console.log(`details: ${o.json}`);
  process.exitCode = crashes.length > 0 ? 1 : 0;
}

await main();
