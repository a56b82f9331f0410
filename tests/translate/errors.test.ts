// RTS violations are reported as file:line:col errors with a stable code and a hint, and
// leave no binary behind.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tmpdir } from 'node:os';
import { translateProgram } from '../../translate/driver.ts';
import { ERRORS, RtsError } from '../../translate/errors.ts';
import { HERE } from './harness.ts';

const dir = join(HERE, 'errors');
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.ts')).sort() : [];

const expectedCode = (f: string): string | undefined => /expect:\s*(E_[A-Z_]+)/.exec(readFileSync(join(dir, f), 'utf8'))?.[1];

describe('translation errors', () => {
  it('has a fixture for every error code of the catalogue', () => {
    const covered = new Set(files.map(expectedCode));
    expect(Object.keys(ERRORS).filter((c) => !covered.has(c))).toEqual([]);
  });
  for (const f of files) {
    const path = join(dir, f);
    const src = readFileSync(path, 'utf8');
    const expected = expectedCode(f);
    // `setup: no-compiler`: the machine has no C compiler (PATH holds nothing)
    const noCompiler = /setup:\s*no-compiler/.test(src);
    it(`${f} fails with ${expected}`, async () => {
      expect(expected).toBeDefined();
      const out = mkdtempSync(join(tmpdir(), 'rts-err-'));
      const savedPath = process.env.PATH;
      if (noCompiler) process.env.PATH = mkdtempSync(join(tmpdir(), 'rts-empty-path-'));
      let err: unknown = null;
      try {
        await translateProgram({ entry: path, target: 'linux-x86_64', outDir: out, cacheDir: join(out, 'cache') });
      } catch (e) {
        err = e;
      } finally {
        process.env.PATH = savedPath;
      }
      expect(err).toBeInstanceOf(RtsError);
      const e = err as RtsError;
      expect(e.code).toBe(expected);
      const text = e.format();
      if (expected === 'E_COMPILE') {
        // about the toolchain, not a place in the program: it names the compiler
        expect(text).toMatch(/^error\[E_COMPILE\]: .*'gcc' is not installed/);
      } else {
        // file:line:col: error[CODE]: ... with a hint
        expect(text).toMatch(new RegExp(`^(tests/translate/errors/)?${basename(f).replace('.', '\\.')}:\\d+:\\d+: error\\[${expected}\\]: `));
      }
      expect(text).toContain('hint:');
      // `message: TEXT`: the message says this (what the user wrote, what to write instead)
      for (const m of src.matchAll(/^\/\/ message:\s*(.+)$/gm)) expect(text).toContain(m[1].trim());
      expect(readdirSync(out).filter((x) => x !== 'cache')).toEqual([]);
    });
  }
  it('points at the throw when load-time code fails', async () => {
    const out = mkdtempSync(join(tmpdir(), 'rts-err-'));
    const e = await translateProgram({ entry: join(dir, 'load_throws.ts'), target: 'linux-x86_64', outDir: out, cacheDir: join(out, 'cache') }).catch((x: unknown) => x);
    expect((e as RtsError).format()).toMatch(/load_throws\.ts:9:\d+: error\[E_LOAD\]: .*table too small: 10 entries/);
  });
});
