// A recipe that passed its check is remembered in a store, so that a no-op build loads neither
// the YAML parser nor the schema compiler; what is remembered must never hide a problem: a
// changed recipe is checked again, the checks that read the filesystem run every time (with
// their locations), and a damaged entry is noticed and replaced.
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRecipe } from '../../release/recipe.ts';
import { Store } from '../../common/store.ts';
import { REPO, scratch } from './helpers.ts';

const original = readFileSync(join(REPO, 'recipes', 'pyvm.yaml'), 'utf8');

/** A project folder with the real recipe, its schema and the package.json its version comes from. */
function project(text = original): { root: string; file: string; store: Store } {
  const root = scratch('recipe-memo');
  mkdirSync(join(root, 'recipes'), { recursive: true });
  const file = join(root, 'recipes', 'pyvm.yaml');
  writeFileSync(file, text);
  copyFileSync(join(REPO, 'recipes', 'pyvm.schema.json'), join(root, 'recipes', 'pyvm.schema.json'));
  copyFileSync(join(REPO, 'package.json'), join(root, 'package.json'));
  return { root, file, store: new Store(join(root, '.cache', 'recipe')) };
}

const entries = (store: Store): string[] => store.keys('recipe-check');

describe('remembered recipe checks', () => {
  it('remembers a valid recipe once and gives the same result from it', () => {
    const { root, file, store } = project();
    const first = loadRecipe(file, root, store);
    expect(entries(store)).toHaveLength(1);
    const second = loadRecipe(file, root, store);
    expect(second).toEqual(first);
    expect(second).toEqual(loadRecipe(file, root));
    expect(entries(store)).toHaveLength(1);
  });

  it('checks an edited recipe in full: its problems keep their locations', () => {
    const { root, file, store } = project();
    loadRecipe(file, root, store);
    const text = original.replace('  - linux-s390x\n', '  - linux-s390\n');
    writeFileSync(file, text);
    const line = text.split('\n').findIndex((l) => l.includes('- linux-s390')) + 1;
    expect(() => loadRecipe(file, root, store)).toThrow(`${file}:${line}:5: /targets/3: unknown target 'linux-s390'`);
    expect(entries(store)).toHaveLength(1);
  });

  it('runs the checks that read files every time, located, although the recipe is remembered', () => {
    const { root, file, store } = project();
    loadRecipe(file, root, store);
    rmSync(join(root, 'package.json'));
    const line = original.split('\n').findIndex((l) => l.includes('from: package.json')) + 1;
    expect(() => loadRecipe(file, root, store)).toThrow(`${file}:${line}:9: /version/from: file not found: package.json`);
  });

  it('does not trust a damaged entry: it is replaced by a full check', () => {
    const { root, file, store } = project();
    const first = loadRecipe(file, root, store);
    const [key] = entries(store);
    const blob = join(store.entryPath('recipe-check', key), 'files', 'blob');
    // a remembered recipe naming another version: taken as it is, this would be believed
    const text = readFileSync(blob, 'utf8');
    const forged = text.replace('"targets":["linux-x86_64"', '"targets":["linux-x86_64","linux-x86_64"');
    expect(forged).not.toBe(text);
    writeFileSync(blob, forged);
    const damaged: string[] = [];
    store.onDamaged = (d) => damaged.push(d.problem);
    expect(loadRecipe(file, root, store)).toEqual(first);
    expect(damaged).toHaveLength(1);
    expect(damaged[0]).toMatch(/^files\/blob: /);
    expect(readdirSync(join(root, '.cache', 'recipe', 'recipe-check')).filter((n) => !n.startsWith('.'))).toEqual([key]);
  });
});
