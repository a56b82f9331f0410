// The workflows are generated from the recipe and the target table, and checked for drift.
// actionlint is not installable here (not in Debian 12, no npm package we may add), so the
// structure GitHub needs is checked with the yaml parser instead.
import { describe, expect, it } from 'vitest';
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { REPO, release, scratch } from './helpers.ts';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  container?: string;
  needs?: string | string[];
  strategy?: { matrix: { include: { target: string; runner: string }[] } };
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

function checkJob(name: string, job: Job) {
  expect(typeof job['runs-on'], `${name} runs-on`).toBe('string');
  expect(job.steps.length, `${name} has steps`).toBeGreaterThan(0);
  for (const s of job.steps) {
    expect(Boolean(s.uses) !== Boolean(s.run), `${name}: a step has exactly one of uses/run: ${JSON.stringify(s)}`).toBe(true);
    if (s.uses) expect(s.uses).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
  }
}

describe('release ci', () => {
  it('the committed workflows match the recipe', async () => {
    const r = await release(['ci', 'check', '--dir', join(REPO, '.github', 'workflows')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('generates a matrix per target with the translation cache keyed on input hashes', async () => {
    const dir = scratch('ci');
    const g = await release(['ci', 'generate', '--dir', dir]);
    expect(g.code).toBe(0);
    const ci = parse(readFileSync(join(dir, 'ci.yml'), 'utf8')) as Workflow;
    const rel = parse(readFileSync(join(dir, 'release.yml'), 'utf8')) as Workflow;
    for (const wf of [ci, rel]) for (const [n, j] of Object.entries(wf.jobs)) checkJob(n, j);
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    expect(ci.jobs.test.steps.at(-1)!.run).toBe('bash .ci/run');
    expect(ci.jobs.build.strategy!.matrix.include.map((m) => m.target)).toEqual(['linux-x86_64', 'linux-aarch64', 'linux-ppc64le', 'linux-s390x', 'windows-x86_64']);
    expect(rel.jobs['build-macos'].strategy!.matrix.include).toEqual([
      { target: 'macos-x86_64', runner: 'macos-13' },
      { target: 'macos-arm64', runner: 'macos-14' },
    ]);
    expect(rel.jobs.publish.needs).toEqual(['build', 'build-macos']);
    const cache = ci.jobs.build.steps.find((s) => s.uses === 'actions/cache@v4')!;
    expect(cache.with!.path).toContain('.cache/translate');
    expect(cache.with!.key).toMatch(/^translate-\$\{\{ matrix\.target \}\}-\$\{\{ hashFiles\('vm\/\*\*', 'translate\/\*\*', 'recipes\/pyvm\.yaml'/);
    const build = ci.jobs.build.steps.find((s) => s.run?.includes('release.mjs build'))!;
    expect(build.run).toContain('--target ${{ matrix.target }}');
    expect(rel.jobs.build.steps.some((s) => s.run?.includes('release.mjs verify'))).toBe(true);
  });

  it('check fails on drift, naming the file and the first differing line', async () => {
    const dir = scratch('ci-drift');
    await release(['ci', 'generate', '--dir', dir]);
    expect((await release(['ci', 'check', '--dir', dir])).code).toBe(0);
    appendFileSync(join(dir, 'ci.yml'), '# hand edit\n');
    rmSync(join(dir, 'release.yml'));
    const r = await release(['ci', 'check', '--dir', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ci\.yml: differs from the recipe at line \d+:\n  - # hand edit\n  \+ /);
    expect(r.stdout).toContain('release.yml: missing');
    expect(r.stderr).toBe("release: error: workflows out of date with the recipe: ci.yml, release.yml; run 'release ci generate'\n");
  });
});
