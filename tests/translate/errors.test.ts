// RTS violations are reported as file:line:col errors with a stable code and a hint, and
// leave no binary behind.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { tmpdir } from 'node:os';
import { translateProgram } from '../../translate/driver.ts';
import { RtsError } from '../../translate/errors.ts';
import { HERE } from './harness.ts';

const dir = join(HERE, 'errors');
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.ts')).sort() : [];

describe('translation errors', () => {
  it('covers every kind of RTS violation', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });
  for (const f of files) {
    const path = join(dir, f);
    const expected = /expect:\s*(E_[A-Z_]+)/.exec(readFileSync(path, 'utf8'))?.[1];
    it(`${f} fails with ${expected}`, async () => {
      expect(expected).toBeDefined();
      const out = mkdtempSync(join(tmpdir(), 'rts-err-'));
      let err: unknown = null;
      try {
        await translateProgram({ entry: path, target: 'linux-x86_64', outDir: out, cacheDir: join(out, 'cache') });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(RtsError);
      const e = err as RtsError;
      expect(e.code).toBe(expected);
      const text = e.format();
      // file:line:col: error[CODE]: ... with a hint
      expect(text).toMatch(new RegExp(`^(tests/translate/errors/)?${basename(f).replace('.', '\\.')}:\\d+:\\d+: error\\[${expected}\\]: `));
      expect(text).toContain('hint:');
      expect(readdirSync(out).filter((x) => x !== 'cache')).toEqual([]);
    });
  }
});
