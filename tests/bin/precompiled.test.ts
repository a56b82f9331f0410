// The CLI's precompiled JavaScript copy: built on the first run, used as long as no source
// byte changes, rebuilt when one does, and never trusted when damaged.
import { afterAll, describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const REPO = join(import.meta.dirname, '..', '..');
const base = mkdtempSync(join(tmpdir(), 'test-precompiled-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

// a copy of what the CLI is made of, so that its sources can be edited
for (const d of ['bin', 'common', 'packaging', 'release', 'translate', 'recipes', 'package.json']) cpSync(join(REPO, d), join(base, d), { recursive: true });
symlinkSync(join(REPO, 'node_modules'), join(base, 'node_modules'), 'dir');

const cliCache = join(base, '.cache', 'cli');
const copies = (): string[] => readdirSync(cliCache).filter((n) => /^[0-9a-f]{64}$/.test(n));
const targets = () => spawnSync(process.execPath, [join(base, 'bin', 'release.mjs'), 'targets'], { cwd: base, encoding: 'utf8' });

describe('the precompiled CLI', () => {
  const expected = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `const { main } = await import(${JSON.stringify(join(REPO, 'release', 'cli.ts'))}); process.exitCode = await main(['targets']);`], { cwd: REPO, encoding: 'utf8' });

  it('prints what the TypeScript sources print, from a copy it builds once', () => {
    expect(expected.status).toBe(0);
    const first = targets();
    expect([first.status, first.stdout, first.stderr]).toEqual([0, expected.stdout, '']);
    expect(copies()).toHaveLength(1);
    const [copy] = copies();
    expect(readdirSync(join(cliCache, copy, 'release'))).toContain('cli.js');
    const again = targets();
    expect([again.status, again.stdout]).toEqual([0, expected.stdout]);
    expect(copies()).toEqual([copy]);
  });

  it('rebuilds a damaged copy instead of running it', () => {
    const [copy] = copies();
    const file = join(cliCache, copy, 'common', 'targets.js');
    writeFileSync(file, readFileSync(file, 'utf8').replace('linux-s390x', 'linux-s390y'));
    const r = targets();
    expect([r.status, r.stdout]).toEqual([0, expected.stdout]);
    expect(readFileSync(file, 'utf8')).not.toContain('linux-s390y');
  });

  it('makes a new copy when one source byte changes', () => {
    const [old] = copies();
    appendFileSync(join(base, 'common', 'targets.ts'), '\n');
    const r = targets();
    expect([r.status, r.stdout]).toEqual([0, expected.stdout]);
    expect(copies()).toHaveLength(2);
    expect(copies()).toContain(old);
  });
});
