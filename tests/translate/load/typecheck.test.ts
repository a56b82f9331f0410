// The load stage's type check is incremental (loader.ts, incrementalProgram): TypeScript's
// own state is kept in the store between translations, so after an edit only what the edit
// can affect is checked again. It must still find every error a whole check finds: one in
// an unchanged file caused by a changed declaration elsewhere, after a restart (the state
// read back from the store) as in one process; and a damaged state is said and not used.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadProgram } from '../../../translate/load/loader.ts';
import { RtsError } from '../../../translate/errors.ts';
import { Store } from '../../../common/store.ts';
import { HERE } from '../harness.ts';

// beside the fixtures, so that the programs' relative imports of rlib resolve
const dir = join(HERE, 'fixtures', `typecheck-${process.pid}`);
const cache = join(dir, 'cache');
const RLIB = "import { type int } from '../../../../translate/rlib/index.ts';";
const LIB = `${RLIB}\nexport function half(x: int): int {\n  return x >> 1;\n}\n`;
const MAIN = `${RLIB}\nimport { half } from './lib.ts';\nexport function main(argv: string[]): int {\n  const r: int = half(argv.length + 3);\n  return r;\n}\n`;
const OTHER = `${RLIB}\nexport function main(argv: string[]): int {\n  return argv.length;\n}\n`;

const damaged: string[] = [];
async function check(entry: string): Promise<string> {
  const store = new Store(cache);
  store.onDamaged = (d) => damaged.push(d.stage);
  const p = await loadProgram(join(dir, entry), store);
  try {
    p.typecheck();
    return 'ok';
  } catch (e) {
    if (e instanceof RtsError) return `${e.code} ${e.loc?.file}:${e.loc?.line} ${e.message}`;
    throw e;
  }
}

describe('the incremental type check', () => {
  mkdirSync(dir, { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds an error in an unchanged file that an edit elsewhere causes, in one process and from the stored state', async () => {
    writeFileSync(join(dir, 'lib.ts'), LIB);
    writeFileSync(join(dir, 'main.ts'), MAIN);
    writeFileSync(join(dir, 'other.ts'), OTHER);
    expect(await check('main.ts')).toBe('ok');
    // the same process, the same entry: the state in memory
    writeFileSync(join(dir, 'lib.ts'), LIB.replace('): int {', '): int | null {'));
    expect(await check('main.ts')).toMatch(/^E_TYPE .*main\.ts:4 .*null/);
    writeFileSync(join(dir, 'lib.ts'), LIB);
    expect(await check('main.ts')).toBe('ok');
    // another entry in between: main.ts's state is read back from the store
    expect(await check('other.ts')).toBe('ok');
    writeFileSync(join(dir, 'lib.ts'), LIB.replace('x: int', 'x: string').replace('x >> 1', 'x.length'));
    expect(await check('main.ts')).toMatch(/^E_TYPE .*main\.ts:4 .*not assignable to parameter of type 'string'/);
    writeFileSync(join(dir, 'lib.ts'), LIB);
    expect(await check('main.ts')).toBe('ok');
    expect(damaged).toEqual([]);
  });

  it('says a damaged state is damaged and checks everything', async () => {
    await check('other.ts');
    const slots = join(cache, 'typecheck');
    for (const key of readdirSync(slots).filter((k) => /^[0-9a-f]{64}$/.test(k))) {
      const blob = join(slots, key, 'files', 'blob');
      const bytes = readFileSync(blob);
      bytes[bytes.length >> 1] ^= 0x20;
      writeFileSync(blob, bytes);
    }
    writeFileSync(join(dir, 'lib.ts'), LIB.replace('): int {', '): string {').replace('x >> 1', "'x'"));
    expect(await check('main.ts')).toMatch(/^E_TYPE .*main\.ts:4 .*'string' is not assignable to type 'number'/);
    expect(damaged).toContain('typecheck');
  });
});
