// Runs tests/vm/programs/*.py under CPython and under the untranslated VM, one test per program.
// The VM runs in two long-lived batch processes (starting tsx costs seconds) that report each
// program as soon as it ends, so a test waits for its own program only: no limit depends on how
// many programs there are or how busy the machine is.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { PYTHON } from '../python.ts';

export const PROGRAMS = path.join(__dirname, 'programs');
export const PROGRAM_FILES = fs.readdirSync(PROGRAMS).filter((f) => f.endsWith('.py')).sort();

export interface Result {
  file: string;
  stdout: string;
  stderr: string;
  status: number;
}

export interface Run {
  stdout: string;
  stderr: string;
  status: number;
}
/** The untranslated VM on one file through its CLI (vm/run.ts). */
export function pyvmSync(file: string): Run {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, '../../vm/run.ts'), file], { cwd: path.join(__dirname, '../..'), encoding: 'utf8', maxBuffer: 64 << 20 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
}
/** CPython on one file. */
export function cpythonSync(file: string): Run {
  const r = spawnSync(PYTHON, [file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
}

export function runCPython(file: string, cwd = PROGRAMS): Promise<Result> {
  return new Promise((resolve) => {
    const p = spawn(PYTHON, [file], { cwd, env: { ...process.env, PYTHONHASHSEED: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ file, stdout, stderr, status: code ?? -1 }));
  });
}

interface Pending {
  promise: Promise<Result>;
  resolve: (r: Result) => void;
  reject: (e: Error) => void;
}

/** the batch processes still running, stopped when their suite ends (a filtered or failed run
 * does not wait for programs nobody asks about) */
const running = new Set<ChildProcess>();

/** Starts `batches` VM processes over the files (interleaved, so results arrive in file order). */
export function startVmBatches(files: string[], batches: number, env: Record<string, string> = {}): Map<string, Promise<Result>> {
  const pending = new Map<string, Pending>();
  for (const f of files) {
    let resolve!: (r: Result) => void;
    let reject!: (e: Error) => void;
    const promise = new Promise<Result>((res, rej) => ((resolve = res), (reject = rej)));
    promise.catch(() => {}); // a test that never asks must not turn a failed batch into an unhandled rejection
    pending.set(f, { promise, resolve, reject });
  }
  for (let b = 0; b < batches; b++) {
    const mine = files.filter((_, i) => i % batches === b);
    if (mine.length === 0) continue;
    const p = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'batch.ts'), ...mine], {
      cwd: PROGRAMS,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    running.add(p);
    let err = '';
    p.stderr!.on('data', (d) => (err = (err + d).slice(-8000)));
    const done = new Set<string>();
    createInterface({ input: p.stdio[3] as Readable }).on('line', (line) => {
      const r = JSON.parse(line) as Result;
      done.add(r.file);
      pending.get(r.file)?.resolve(r);
    });
    p.on('close', (code, signal) => {
      running.delete(p);
      for (const f of mine) if (!done.has(f)) pending.get(f)!.reject(new Error(`VM batch ended (${signal ?? code}) before ${f}: ${err}`));
    });
  }
  return new Map([...pending].map(([f, p]) => [f, p.promise]));
}

/** All of the files' results at once, in one batch process (for suites that check a few programs). */
export function runVmBatch(files: string[], env: Record<string, string> = {}): Promise<Result[]> {
  const results = startVmBatches(files, 1, env);
  return Promise.all(files.map((f) => results.get(f)!));
}

export function lastLine(s: string): string {
  const lines = s.trimEnd().split('\n');
  return lines.length > 0 ? lines[lines.length - 1] : '';
}

/** CPython's results, two programs at a time, in file order (so they keep ahead of the tests). */
function startCPython(files: string[]): Map<string, Promise<Result>> {
  const out = new Map<string, Promise<Result>>();
  const chain: Promise<unknown>[] = [Promise.resolve(), Promise.resolve()];
  files.forEach((f, i) => {
    const p = chain[i % 2].then(() => runCPython(f));
    chain[i % 2] = p;
    out.set(f, p);
  });
  return out;
}

/** One test per program: the VM's stdout, status and last stderr line equal CPython's. */
export function describePrograms(title: string, env: Record<string, string> = {}, files = PROGRAM_FILES): void {
  describe(title, () => {
    afterAll(() => {
      for (const p of running) p.kill();
    });
    let vm: Map<string, Promise<Result>> | null = null;
    let cpython: Map<string, Promise<Result>> | null = null;
    for (const f of files) {
      it(f, async () => {
        vm ??= startVmBatches(files, 2, env);
        cpython ??= startCPython(files);
        const [a, e] = await Promise.all([vm.get(f)!, cpython.get(f)!]);
        expect(a.stdout).toBe(e.stdout);
        expect(a.status).toBe(e.status);
        expect(lastLine(a.stderr)).toBe(lastLine(e.stderr));
      });
    }
  });
}
