// `npm run test:cpython` runs CPython's regression tests under CPython 3.11 and pyvm and reports
// per module; here on one small module, and with bad arguments.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, translate } from '../translate/harness.ts';

const TESTSUITE = '/usr/lib/python3.11/test/test_bisect.py';
const run = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'conformance', 'run.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe.skipIf(!existsSync(TESTSUITE))('npm run test:cpython', () => {
  it('reports, per module, what CPython and pyvm ran and passed, and the share of CPython-passed tests pyvm passes', async () => {
    const pyvm = (await translate(join(ROOT, 'vm', 'main.ts'), 'linux-x86_64')).binary;
    const dir = mkdtempSync(join(tmpdir(), 'pyvm-conformance-test-'));
    try {
      const json = join(dir, 'r.json');
      const r = run(['--pyvm', pyvm, '--json', json, 'test_bisect']);
      expect(r.stderr).not.toContain('    at '); // no stack trace
      expect(r.status).toBe(0);
      const rec = JSON.parse(readFileSync(json, 'utf8'));
      const m = rec.modules[0];
      expect(m.module).toBe('test_bisect');
      // CPython passes all of test_bisect; its ids come from the driver, one per test
      expect(m.cpython.status).toBe('ok');
      expect(m.cpython.run).toBeGreaterThan(30);
      expect(m.cpython.passed).toBe(m.cpython.run);
      expect(m.cpythonPassed).toBe(m.cpython.passed);
      expect(m.pyvm.crashed).toBe(false);
      expect(m.bothPassed).toBeLessThanOrEqual(m.cpythonPassed);
      expect(r.stdout).toMatch(new RegExp(`^test_bisect +${m.cpython.run} +${m.cpython.passed} +0 +0 +0 `, 'm'));
      expect(r.stdout).toContain(`total: pyvm passes ${m.bothPassed} of the ${m.cpythonPassed} tests CPython passes`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names a module that does not exist, and an unknown group, with what is valid', () => {
    const a = run(['--pyvm', '/bin/true', 'test_nosuchthing']);
    expect(a.status).toBe(2);
    expect(a.stderr).toContain("no test module 'test_nosuchthing' in /usr/lib/python3.11/test");
    const b = run(['--group', 'everything']);
    expect(b.status).toBe(2);
    expect(b.stderr).toContain("unknown group 'everything' (groups: stdlib, language, all)");
  });
});
