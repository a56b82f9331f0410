// Recipe validation errors name the file, the line, the path in the document and what is allowed.
import { describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, release, scratch } from './helpers.ts';
import { PACKAGERS } from '../../packaging/index.ts';

const original = readFileSync(join(ROOT, 'recipes', 'pyvm.yaml'), 'utf8');

/** Writes a recipe (with the real schema beside it) and runs `release plan` on it. */
async function planWith(text: string) {
  const dir = scratch('recipe');
  const file = join(dir, 'pyvm.yaml');
  writeFileSync(file, text);
  copyFileSync(join(ROOT, 'recipes', 'pyvm.schema.json'), join(dir, 'pyvm.schema.json'));
  return { file, r: await release(['plan', '--recipe', file, '--target', 'linux-s390x', '--stand-in', join(ROOT, 'tests/release/fixtures/pyvm-standin.c')]) };
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('recipe validation', () => {
  it('the real recipe is valid', async () => {
    const r = await release(['plan', '--target', 'linux-s390x', '--stand-in', 'tests/release/fixtures/pyvm-standin.c', '--cache-dir', scratch('cache')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('an unknown target: file:line:col, path, and the valid targets', async () => {
    const text = original.replace('  - linux-s390x\n', '  - linux-s390\n');
    const { file, r } = await planWith(text);
    expect(r.code).toBe(2);
    const line = lineOf(text, '- linux-s390');
    expect(r.stderr).toContain(`${file}:${line}:5: /targets/3: unknown target 'linux-s390'; did you mean 'linux-s390x'? Valid targets: linux-x86_64,`);
  });

  it('a bad artifact kind, an unknown key and a wrong type, all at once', async () => {
    const text = original.replace('  - deb\n', '  - debian\n').replace('  debugInfo: false\n', '  debugInfo: yes please\n  debugInfoo: true\n');
    const { file, r } = await planWith(text);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid recipe \(3 problems\)/);
    const index = text.slice(text.indexOf('artifacts:')).split('\n').slice(1).findIndex((l) => l.includes('- debian'));
    // the valid kinds are the packager list's (packaging/index.ts), in its order
    const kinds = PACKAGERS.map((p) => JSON.stringify(p.kind)).join(', ');
    expect(r.stderr).toContain(`${file}:${lineOf(text, '- debian')}:5: /artifacts/${index}: must be one of: ${kinds}; got "debian"\n`);
    expect(r.stderr).toContain(`${file}:${lineOf(text, 'debugInfoo:')}:3: /translation: unknown key 'debugInfoo'; allowed keys: opt, debugInfo, cflags`);
    expect(r.stderr).toContain(`${file}:${lineOf(text, 'debugInfo: yes')}:14: /translation/debugInfo: must be boolean; got "yes please"\n`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a missing key and a bad version form', async () => {
    const text = original.replace(/smoke:\n[\s\S]*$/, '').replace('  from: package.json\n', '  form: package.json\n');
    const { file, r } = await planWith(text);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:${lineOf(text, 'name: pyvm')}:1: /: missing required key 'smoke'`);
    expect(r.stderr).toMatch(new RegExp(`${file}:${lineOf(text, 'form:')}:3: /version: must be \\{from: path/to/package.json\\} or \\{literal: "X.Y.Z"\\}`));
  });

  it('YAML syntax errors name the line of the mistake (an unclosed [ or quote: where it opens)', async () => {
    const text = original.replace('translation:\n  opt: 2\n', 'translation:\n  opt: [2\n');
    const { file, r } = await planWith(text);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:${lineOf(text, 'opt: [2')}:8: YAML syntax:`);
    const quoted = original.replace('  opt: 2\n', '  opt: "2\n');
    const q = await planWith(quoted);
    expect(q.r.stderr).toContain(`${q.file}:${lineOf(quoted, 'opt: "2')}:8: YAML syntax:`);
    // an error the parser sees where it is keeps its place
    const indented = original.replace('  opt: 2\n', '  opt: 2\n jit2: 1\n');
    const i = await planWith(indented);
    expect(i.r.stderr).toContain(`${i.file}:${lineOf(indented, ' jit2: 1')}:1: YAML syntax: All mapping items must start at the same column`);
  });

  it('a target the recipe does not list is refused', async () => {
    const text = original.replace('  - linux-s390x\n', '');
    const { r } = await planWith(text);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/target 'linux-s390x' is not listed in .*pyvm.yaml/);
  });
});
