// The programs suite: runs every tests/vm/programs/*.py under CPython and under the VM
// (in-process batches, with the given environment: e.g. the JIT on) and compares stdout, exit
// status and the last line of stderr. programs.test.ts and programs-jit.test.ts run it.
import { describe, it, expect, beforeAll } from 'vitest';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const DIR = path.join(__dirname, 'programs');
const FILES = fs.readdirSync(DIR).filter((f) => f.endsWith('.py')).sort();

export interface Result {
  file: string;
  stdout: string;
  stderr: string;
  status: number;
}

export function runCPython(file: string): Promise<Result> {
  return new Promise((resolve) => {
    const p = spawn('python3', [file], { cwd: DIR, env: { ...process.env, PYTHONHASHSEED: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ file, stdout, stderr, status: code ?? -1 }));
  });
}
export function runVmBatch(files: string[], env: Record<string, string>): Promise<Result[]> {
  return new Promise((resolve, reject) => {
    const out = path.join(os.tmpdir(), `pyvm-batch-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
    const p = spawn('node', ['--import', 'tsx', path.join(__dirname, 'batch.ts'), out, ...files], { cwd: DIR, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.on('close', () => {
      try {
        resolve(JSON.parse(fs.readFileSync(out, 'utf8')) as Result[]);
        fs.rmSync(out, { force: true });
      } catch (e) {
        reject(new Error('batch failed: ' + err));
      }
    });
  });
}
export function lastLine(s: string): string {
  const lines = s.trimEnd().split('\n');
  return lines.length > 0 ? lines[lines.length - 1] : '';
}

/** Defines the suite: title, extra environment for the VM, and the time each program may take
 * (the whole run, CPython's included, may take that times the number of programs). */
export function programsSuite(title: string, env: Record<string, string>, perProgramMs: number): void {
  const timeoutMs = perProgramMs * FILES.length;
  const expected = new Map<string, Result>();
  const actual = new Map<string, Result>();

  beforeAll(async () => {
    const half = Math.ceil(FILES.length / 2);
    const batches = [runVmBatch(FILES.slice(0, half), env), runVmBatch(FILES.slice(half), env)];
    // CPython runs a few at a time so it does not starve the VM batches of the two cores
    const queue = FILES.slice(0);
    const workers: Promise<void>[] = [];
    for (let k = 0; k < 4; k++) {
      workers.push(
        (async () => {
          for (;;) {
            const f = queue.shift();
            if (f === undefined) return;
            expected.set(f, await runCPython(f));
          }
        })(),
      );
    }
    await Promise.all(workers);
    for (const rs of await Promise.all(batches)) for (const r of rs) actual.set(r.file, r);
  }, timeoutMs);

  describe(title, () => {
    for (const f of FILES) {
      it(f, () => {
        const e = expected.get(f) as Result;
        const a = actual.get(f);
        expect(a, 'VM produced no result').toBeDefined();
        const r = a as Result;
        expect(r.stdout).toBe(e.stdout);
        expect(r.status).toBe(e.status);
        expect(lastLine(r.stderr)).toBe(lastLine(e.stderr));
      });
    }
  });
}
