// The warm path of the stage cache: a translation with no source byte changed takes load's
// result from the recorded imports and bytes of the program's files without loading the
// TypeScript compiler, and any changed byte, new import or damaged record is a miss that
// translates what changed.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { translateProgram, type TranslateResult } from '../../translate/driver.ts';
import { HERE } from './harness.ts';

const REPO = join(HERE, '..', '..');
const base = mkdtempSync(join(tmpdir(), 'test-translate-warm-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Writes the program's files (name -> text) into dir; `RLIB` stands for the import path of rlib. */
function writeProgram(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    const rlib = relative(dirname(join(dir, name)), join(REPO, 'translate', 'rlib', 'index.ts'));
    writeFileSync(join(dir, name), text.replaceAll('RLIB', rlib.startsWith('.') ? rlib : `./${rlib}`));
  }
}

const run = (r: TranslateResult): string => spawnSync(r.binary, [], { encoding: 'utf8' }).stdout;
const cached = (r: TranslateResult, name: string): boolean => r.stages.find((s) => s.name === name)!.cached;

describe('warm translations', () => {
  const src = mkdtempSync(join(base, 'src-'));
  const cache = join(base, 'cache');
  const entry = join(src, 'main.ts');
  writeProgram(src, {
    'main.ts': `import { type int } from 'RLIB';\nimport { greet } from './lib.ts';\nexport function main(argv: string[]): int {\n  console.log(greet('warm'));\n  return 0;\n}\n`,
    'lib.ts': `export function greet(who: string): string {\n  return 'hello ' + who;\n}\n`,
  });
  const translate = (out: string, log?: (l: string) => void): Promise<TranslateResult> => translateProgram({ entry, target: 'linux-x86_64', outDir: join(base, out), cacheDir: cache, log });

  it('reuses every stage without loading the TypeScript compiler', async () => {
    const first = await translate('o1');
    expect(run(first)).toBe('hello warm\n');
    // a fresh process: what it loads is what a warm `release translate` loads
    const probe = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', `
        import { createRequire } from 'node:module';
        const { translateProgram } = await import(${JSON.stringify(join(REPO, 'translate', 'driver.ts'))});
        const r = await translateProgram({ entry: ${JSON.stringify(entry)}, target: 'linux-x86_64', outDir: ${JSON.stringify(join(base, 'o2'))}, cacheDir: ${JSON.stringify(cache)} });
        const loaded = Object.keys(createRequire(${JSON.stringify(join(REPO, 'package.json'))}).cache).filter((k) => k.includes('/node_modules/typescript/'));
        console.log(JSON.stringify({ cached: r.stages.map((s) => s.cached), loaded }));
      `],
      { encoding: 'utf8', cwd: REPO },
    );
    expect(probe.stderr).toBe('');
    const report = JSON.parse(probe.stdout) as { cached: boolean[]; loaded: string[] };
    expect(report.cached).toEqual([true, true, true, true, true, true]);
    expect(report.loaded).toEqual([]);
    expect(readFileSync(join(base, 'o2', 'main'))).toEqual(readFileSync(first.binary));
  });

  it('misses on one changed byte of an imported module, and on a new import', async () => {
    writeFileSync(join(src, 'lib.ts'), readFileSync(join(src, 'lib.ts'), 'utf8').replace("'hello '", "'hallo '"));
    const edited = await translate('o3');
    expect(cached(edited, 'load')).toBe(false);
    expect(run(edited)).toBe('hallo warm\n');
    writeProgram(src, {
      'extra.ts': `export function mark(s: string): string {\n  return s + '!';\n}\n`,
      'lib.ts': `import { mark } from './extra.ts';\nexport function greet(who: string): string {\n  return mark('hallo ' + who);\n}\n`,
    });
    const grown = await translate('o4');
    expect(cached(grown, 'load')).toBe(false);
    expect(run(grown)).toBe('hallo warm!\n');
    // and warm again from there
    const again = await translate('o5');
    expect(again.stages.every((s) => s.cached)).toBe(true);
    expect(run(again)).toBe('hallo warm!\n');
  });

  it('reports damaged import records and load summaries, and loads again', async () => {
    for (const stage of ['imports', 'load-summary']) {
      for (const key of readdirSync(join(cache, stage)).filter((k) => !k.startsWith('.'))) {
        const blob = join(cache, stage, key, 'files', 'blob');
        const bytes = readFileSync(blob);
        bytes[0] ^= 0x01;
        writeFileSync(blob, bytes);
      }
      const lines: string[] = [];
      const r = await translate(`o-${stage}`, (l) => lines.push(l));
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^cache: ${stage} entry [0-9a-f]{16} in .* is damaged \\(files/blob: sha256 mismatch\\): removed, rebuilding$`)));
      expect(run(r)).toBe('hallo warm!\n');
      const after = await translate(`o-${stage}-after`);
      expect(after.stages.every((s) => s.cached)).toBe(true);
    }
  });

  it('keys a program by its entry: two modules importing each other are two programs', async () => {
    const dir = mkdtempSync(join(base, 'pair-'));
    writeProgram(dir, {
      'a.ts': `import { type int } from 'RLIB';\nimport { nameB } from './b.ts';\nexport function nameA(): string {\n  return 'a';\n}\nexport function main(argv: string[]): int {\n  console.log('main of a, then ' + nameB());\n  return 0;\n}\n`,
      'b.ts': `import { type int } from 'RLIB';\nimport { nameA } from './a.ts';\nexport function nameB(): string {\n  return 'b';\n}\nexport function main(argv: string[]): int {\n  console.log('main of b, then ' + nameA());\n  return 0;\n}\n`,
    });
    const opts = { target: 'linux-x86_64', cacheDir: join(base, 'pair-cache') };
    const a = await translateProgram({ ...opts, entry: join(dir, 'a.ts'), outDir: join(base, 'pa') });
    const b = await translateProgram({ ...opts, entry: join(dir, 'b.ts'), outDir: join(base, 'pb') });
    expect(run(a)).toBe('main of a, then b\n');
    expect(run(b)).toBe('main of b, then a\n');
  });
});
