// The translation driver: runs the stages load → flow → annotate → rtype → genc → compile,
// each keyed by the hash of its inputs in the content-addressed store, timing each and
// counting what it produced. A stage whose output is cached is not run. A warm run (no
// source byte changed) takes load's result from load/sources.ts and never loads the
// TypeScript compiler; the front end (front.ts) is imported only when something must run.
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { REPO_ROOT, findLoad } from './load/sources.ts';
import { frontKeys, readFront, type StageLog } from './cache/stages.ts';
import type { CFile } from './genc/genc.ts';
import { Store } from '../common/store.ts';
import { hashFileSync, keyOf } from '../common/hash.ts';
import { copyFileAtomicSync, explainWriteError, writeFileAtomicSync } from '../common/atomic.ts';
import { makeTempDir, sweepTempDirs } from '../common/tmpdirs.ts';
import { compilerIdentity } from '../common/compiler-id.ts';
import { RtsError } from './errors.ts';
import { findTarget, type Target } from '../common/targets.ts';
import { cFlags, DEFAULT_SETTINGS, type CompileSettings } from './cflags.ts';

export { DEFAULT_SETTINGS, type CompileSettings };

const run = promisify(execFile);
const HERE = dirname(fileURLToPath(import.meta.url));
const RUNTIME_DIR = join(HERE, 'runtime');

export interface StageReport {
  name: string;
  seconds: number;
  cached: boolean;
  counts: Record<string, number>;
  peakRssMB: number;
}

export interface TranslateOptions {
  entry: string;
  target: string;
  outDir: string;
  cacheDir?: string;
  log?: (line: string) => void;
  /** run the graph checker after each stage (tests) */
  check?: boolean;
  /** name of the produced binary (default: the entry's base name) */
  binaryName?: string;
  /** how the C is compiled (default DEFAULT_SETTINGS); only the compile stage reads it */
  settings?: CompileSettings;
}


export interface TranslateResult {
  binary: string;
  stages: StageReport[];
  cFiles: string[];
  /** the C compiler flags the compile stage used (objects), then those of the link */
  cflags: { compile: string[]; link: string[] };
}

export const DEFAULT_CACHE = join(REPO_ROOT, '.cache', 'translate');
export const DEFAULT_ENTRY = join(REPO_ROOT, 'vm', 'main.ts');

/** A hash of the translator itself: changing it invalidates every cached stage. */
let toolchainHash: string | null = null;
export function toolchainVersion(): string {
  if (toolchainHash) return toolchainHash;
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (f.isDirectory()) {
        if (f.name !== 'rlib') walk(join(d, f.name));
      } else if (/\.(ts|c|h)$/.test(f.name)) files.push(join(d, f.name));
    }
  };
  walk(HERE);
  toolchainHash = keyOf(...files.map((f) => f.slice(HERE.length) + '\0' + readFileSync(f, 'utf8')));
  return toolchainHash;
}

const peakMB = (): number => Math.round(process.resourceUsage().maxRSS / 1024);



/** genc's key, and its C files (read from the store, or made, when the link is not cached). */
interface Front {
  gencKey: string;
  cFiles: () => Promise<CFile[]>;
}

const ccIdOrError = (id: Promise<string>): Promise<string> =>
  id.catch((e: Error) => {
    throw new RtsError('E_COMPILE', e.message);
  });

export async function translateProgram(opts: TranslateOptions): Promise<TranslateResult> {
  const target: Target = findTarget(opts.target);
  const store = new Store(opts.cacheDir ?? DEFAULT_CACHE);
  const log = opts.log ?? (() => {});
  // a damaged entry is said once, then rebuilt like a missing one
  store.onDamaged = (d) => log(`cache: ${d.stage} entry ${d.key.slice(0, 16)} in ${store.root} is damaged (${d.problem}): removed, rebuilding`);
  store.sweep();
  sweepTempDirs();
  const stages: StageReport[] = [];
  const stage: StageLog = (name, t0, cached, counts) => {
    const r = { name, seconds: (performance.now() - t0) / 1000, cached, counts, peakRssMB: peakMB() };
    stages.push(r);
    log(`${name.padEnd(9)} ${r.seconds.toFixed(2).padStart(7)} s  ${cached ? 'cached' : 'ran   '}  ${Object.entries(counts).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  };

  const entryAbs = resolve(opts.entry);
  // asked now (two compiler processes) so that it overlaps the hashing of the warm path
  const ccId = compilerIdentity(target.cc);
  ccId.catch(() => {}); // reported by the compile stage
  const toolchain = toolchainVersion();
  const runFront = async (): Promise<{ cFiles: CFile[]; gencKey: string }> => {
    const { translateFront } = await import('./front.ts');
    return translateFront(entryAbs, store, toolchain, stage, opts.check ?? false);
  };
  let t0 = performance.now();
  let front: Front;
  // warm path: every source byte as at a recorded load, every later front-end entry intact
  // (the transpiled modules are verified too, so that damage is found and repaired now)
  const warm = findLoad(store, toolchain, entryAbs);
  const cached = warm && store.getBlob('load', warm.loadKey) && store.read('load-js', warm.loadJsKey) ? readFront(store, frontKeys(toolchain, warm.loadKey)) : null;
  if (warm && cached) {
    stage('load', t0, true, warm.counts);
    cached.report(stage);
    // the C is read only when the link is not cached; damaged since it was verified: run the front end
    front = { gencKey: cached.gencKey, cFiles: async () => cached.cFiles() ?? (await runFront()).cFiles };
  } else {
    const { cFiles, gencKey } = await runFront();
    front = { cFiles: async () => cFiles, gencKey };
  }

  // compile (per target): objects keyed by C + compiler identity + flags, then the link
  t0 = performance.now();
  const cflags = cFlags(target, opts.settings ?? DEFAULT_SETTINGS);
  const { binary, counts, allCached, cNames } = await compileStage(front, target, await ccIdOrError(ccId), store, opts, cflags);
  stage(`compile`, t0, allCached, counts);
  return { binary, stages, cFiles: cNames, cflags };
}

/** Compiles and links the C files of genc entry gencKey; a binary linked before from the same
 * C, compiler and flags is taken from the store without reading (or parsing) the C. */
async function compileStage(
  front: Front,
  target: Target,
  id: string,
  store: Store,
  opts: TranslateOptions,
  { compile: flags, link: linkFlags }: { compile: string[]; link: string[] },
): Promise<{ binary: string; counts: Record<string, number>; allCached: boolean; cNames: string[] }> {
  const cc = target.cc;
  const runtime = readdirSync(RUNTIME_DIR)
    .filter((f) => /\.(c|h)$/.test(f))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(RUNTIME_DIR, f), 'utf8') }));
  const name = (opts.binaryName ?? basename(opts.entry).replace(/\.ts$/, '')) + target.exeSuffix;
  const binary = resolve(opts.outDir, name);
  // genc's C is named by its key: with the runtime, compiler and flags it names the link
  const linkedKey = keyOf('linked', id, flags.join(' '), linkFlags.join(' '), front.gencKey, ...runtime.map((f) => f.name + '\0' + f.text));
  const linkedBlob = store.getBlob('compile', linkedKey);
  if (linkedBlob) {
    const linked = JSON.parse(linkedBlob.toString()) as { link: string; objects: number; cNames: string[] };
    const bin = store.blobFile('compile', linked.link);
    if (bin) {
      placeBinary(bin, binary);
      return { binary, counts: { objects: linked.objects, compiled: 0, reused: linked.objects, bytes: bin.size }, allCached: true, cNames: linked.cNames };
    }
  }
  const files = await front.cFiles();
  const headers = [...runtime.filter((f) => f.name.endsWith('.h')), ...files.filter((f) => f.name.endsWith('.h'))];
  const sources = [...runtime.filter((f) => f.name.endsWith('.c')).map((f) => ({ ...f, name: `rt_${f.name}` })), ...files.filter((f) => f.name.endsWith('.c'))];
  const headerKey = keyOf(...headers.map((h) => h.name + '\0' + h.text));
  const objKeys = sources.map((s) => keyOf('object', id, flags.join(' '), headerKey, s.name, s.text));
  const linkKey = keyOf('link', id, linkFlags.join(' '), ...objKeys);
  const cNames = files.map((f) => f.name);
  const remember = (): void => {
    if (!linkedBlob) store.putBlob('compile', linkedKey, JSON.stringify({ link: linkKey, objects: sources.length, cNames }));
  };
  // a linked binary for exactly these objects needs none of them: nothing is written or read
  const bin = store.blobFile('compile', linkKey);
  if (bin) {
    placeBinary(bin, binary);
    remember();
    return { binary, counts: { objects: sources.length, compiled: 0, reused: sources.length, bytes: bin.size }, allCached: true, cNames };
  }
  const work = makeTempDir('rts-cc-');
  // the compiler's own temp files go in our scratch folder too, swept if we are killed
  const ccEnv = { ...process.env, TMPDIR: work };
  try {
    // verified now: a damaged object is compiled again, not found missing at link time
    const objects = new Map(objKeys.map((k) => [k, store.getBlob('compile', k)]));
    const todo = sources.map((s, i) => ({ s, key: objKeys[i] })).filter(({ key }) => !objects.get(key));
    // only what the compiler reads is written (after an edit: the headers and one or two files of 200)
    const src = join(work, 'src');
    mkdirSync(src);
    for (const f of [...headers, ...todo.map((t) => t.s)])
      try {
        writeFileSync(join(src, f.name), f.text);
      } catch (e) {
        throw explainWriteError(e, join(src, f.name), Buffer.byteLength(f.text));
      }
    const hits = sources.length - todo.length;
    const misses = todo.length;
    // compile missing objects, two at a time (one per core)
    const queue = [...todo];
    const worker = async (): Promise<void> => {
      for (let job = queue.shift(); job; job = queue.shift()) {
        const obj = join(work, job.s.name.replace(/\.c$/, '.o'));
        try {
          await run(cc, [...flags, `-ffile-prefix-map=${work}=.`, '-I', 'src', '-c', join('src', job.s.name), '-o', obj], { cwd: work, env: ccEnv, maxBuffer: 64 << 20 });
        } catch (e) {
          const err = e as { stderr?: string };
          throw new RtsError('E_COMPILE', `${cc} failed on ${job.s.name}:\n${(err.stderr ?? String(e)).split('\n').slice(0, 30).join('\n')}`);
        }
        const bytes = readFileSync(obj);
        store.putBlob('compile', job.key, bytes);
        objects.set(job.key, bytes);
      }
    };
    await Promise.all([worker(), worker()]);
    const objs = objKeys.map((k, i) => {
      const p = join(work, `o${String(i).padStart(3, '0')}.o`);
      writeFileSync(p, objects.get(k)!);
      return p;
    });
    const out = join(work, 'a.out');
    try {
      await run(cc, [...linkFlags, '-o', out, ...objs.map((o) => basename(o)), '-lm'], { cwd: work, env: ccEnv, maxBuffer: 64 << 20 });
    } catch (e) {
      throw new RtsError('E_COMPILE', `linking failed:\n${(e as { stderr?: string }).stderr ?? String(e)}`);
    }
    const linkedNow = readFileSync(out);
    store.putBlob('compile', linkKey, linkedNow);
    writeFileAtomicSync(binary, linkedNow, 0o755);
    remember();
    return { binary, counts: { objects: sources.length, compiled: misses, reused: hits, bytes: linkedNow.length }, allCached: false, cNames };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}


/**
 * Puts the verified linked binary at path: left alone when path already holds exactly its bytes
 * (a warm run rewrites nothing and keeps the file's time), else copied by temp-and-rename.
 */
function placeBinary(bin: { path: string; sha256: string; size: number }, path: string): void {
  try {
    const st = statSync(path);
    if (st.isFile() && st.size === bin.size && hashFileSync(path) === bin.sha256) {
      if ((st.mode & 0o777) !== 0o755) chmodSync(path, 0o755);
      return;
    }
  } catch {
    /* missing or unreadable: copied below */
  }
  copyFileAtomicSync(bin.path, path, 0o755);
}
