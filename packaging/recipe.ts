// Product facts for packagers. The release orchestrator passes the product recipe's values;
// DEFAULT_RECIPE is what tests and a bare `stageTree` use. The conda recipe
// (recipes/conda/recipe.yaml) is read here too, so conda facts live only in that file.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { RecipeInfo } from './types.ts';

// the YAML parser loads only when the conda recipe is read: a no-op build never reads it
const parse = (text: string): unknown => (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text);

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export const DEFAULT_RECIPE: RecipeInfo = {
  name: 'pyvm',
  summary: 'A Python virtual machine with a tracing JIT',
  description: 'pyvm is a Python VM written in a restricted TypeScript, translated to C, with a tracing JIT compiler for x86-64, AArch64, ppc64le and s390x.',
  license: 'MIT',
  homepage: 'https://github.com/pyvm/pyvm',
  maintainer: 'pyvm maintainers <maintainers@pyvm.invalid>',
  vendor: 'pyvm project',
  downloadUrl: 'https://github.com/pyvm/pyvm/releases/download/v{version}',
  imageName: 'ghcr.io/pyvm/pyvm',
  condaBuildNumber: 0,
};

export interface CondaRecipe {
  buildNumber: number;
  buildString: string;
  about: { homepage: string; license: string; license_family?: string; summary: string; description?: string; dev_url?: string };
}

/** Reads recipes/conda/recipe.yaml (a rattler-build recipe) for the build string and about section. */
export function loadCondaRecipe(recipe: RecipeInfo, path = join(REPO_ROOT, 'recipes/conda/recipe.yaml')): CondaRecipe {
  const doc = parse(readFileSync(path, 'utf8')) as {
    build?: { number?: number | string; string?: string };
    about?: Record<string, string>;
  };
  const subst = (s: string) => s.replace(/\$\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => (k === 'build_number' ? String(recipe.condaBuildNumber) : k === 'name' ? recipe.name : ''));
  const buildNumber = recipe.condaBuildNumber;
  const about = doc.about ?? {};
  return {
    buildNumber,
    buildString: subst(String(doc.build?.string ?? '${{ build_number }}')),
    about: {
      homepage: about.homepage ?? recipe.homepage,
      license: about.license ?? recipe.license,
      ...(about.license_family ? { license_family: about.license_family } : {}),
      summary: about.summary ?? recipe.summary,
      ...(about.description ? { description: about.description.trim() } : {}),
      ...(about.repository ? { dev_url: about.repository } : {}),
    },
  };
}
