// Reads recipes/pyvm.yaml, validates it against recipes/pyvm.schema.json (ajv) and the
// target table, and reports each problem as `file:line:col: /path/in/doc: what is allowed`.
//
// Parsing the YAML and compiling the schema cost more than the rest of a no-op build, so a
// recipe that passed is remembered (given a store): keyed by the bytes of the recipe, the
// schema, the artifact kinds, this module and the versions of yaml and ajv, the entry holds
// the parsed recipe, and a later load with the same key loads neither library. The checks
// that read the filesystem or the target table run every time; a recipe that fails any check
// is always loaded in full, so its problems are reported with their locations.
import { readFileSync, existsSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join, relative, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Document, Node as YamlNode } from 'yaml';
import type { ErrorObject } from 'ajv';
import type { RecipeInfo } from '../packaging/types.ts';
import { TARGETS, findTarget, UnknownTargetError } from '../common/targets.ts';
import { E } from './errors.ts';
import { PACKAGERS } from '../packaging/index.ts';
import { keyOf } from '../common/hash.ts';
import type { Store } from '../common/store.ts';

const require = createRequire(import.meta.url);
// both load only when a recipe is checked in full; ajv is CommonJS, its default export the class
const yaml = (): typeof import('yaml') => require('yaml') as typeof import('yaml');
const ajvClass = (): typeof import('ajv').default => require('ajv') as typeof import('ajv').default;
/** the store stage of remembered recipe checks */
const CHECKED = 'recipe-check';

import type { StdlibPin } from './stdlib.ts';

export interface SmokeProgram {
  name: string;
  source: string;
  args?: string[];
  env?: Record<string, string>;
  stdout: string;
  stderrMatches?: string;
  exit?: number;
  /** what the program needs beyond the interpreter: `stdlib` (it imports from the staged standard
   * library), `jit` (it checks the JIT's log). A --stand-in build has neither and skips it. */
  needs?: SmokeNeed[];
}

export type SmokeNeed = 'stdlib' | 'jit';

export interface Recipe {
  name: string;
  version: { from: string } | { literal: string };
  entry: string;
  targets: string[];
  translation: { opt: 0 | 1 | 2 | 3; debugInfo?: boolean; cflags?: string[] };
  artifacts: string[];
  /** the Debian packages the standard library is taken from (release/stdlib.ts) */
  stdlib?: { packages: StdlibPin[] };
  product: Omit<RecipeInfo, 'name'>;
  signing?: { secretKeyFile?: string; publicKeyFile?: string; required: boolean };
  smoke: SmokeProgram[];
}

export interface LoadedRecipe {
  recipe: Recipe;
  /** the recipe file */
  file: string;
  /** the project root the recipe's relative paths are resolved against */
  root: string;
  version: string;
}

export function schemaPathFor(recipeFile: string): string {
  return recipeFile.replace(/\.ya?ml$/, '.schema.json');
}

function nodeAt(doc: Document, path: (string | number)[]): YamlNode | null {
  const { isMap, isSeq, isNode } = yaml();
  let node: unknown = doc.contents;
  let last: YamlNode | null = isNode(node) ? node : null;
  for (const key of path) {
    if (isMap(node)) node = node.get(key, true);
    else if (isSeq(node)) node = node.get(Number(key), true);
    else break;
    if (isNode(node)) last = node;
    else break;
  }
  return last;
}

function describe(err: ErrorObject): string {
  const p = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'enum':
      return `must be one of: ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'additionalProperties': {
      return `unknown key '${String(p.additionalProperty)}'`;
    }
    case 'required':
      return `missing required key '${String(p.missingProperty)}'`;
    case 'pattern':
      return `must match ${String(p.pattern)}`;
    case 'type':
      return `must be ${String(p.type)}`;
    case 'oneOf':
      return 'must match exactly one of the allowed forms';
    default:
      return err.message ?? err.keyword;
  }
}

/**
 * Where the construct a YAML error is about begins: the parser notices an unclosed `[`, `{`
 * or quote only where the next line starts, but the mistake is on the line that opened it.
 */
function openedAt(doc: Document, offset: number): number {
  const { isCollection, isScalar, isNode, visit } = yaml();
  let best = offset;
  visit(doc, (_key, node) => {
    if (!isNode(node) || !node.range) return;
    const open = (isCollection(node) && node.flow) || (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'));
    const [start, , end] = node.range;
    if (open && start < offset && offset <= end && (best === offset || start > best)) best = start;
  });
  return best;
}

/** A schema error's message with the value the user wrote, where one value is at fault. */
function withValue(err: ErrorObject): string {
  const text = describe(err);
  return ['type', 'enum', 'pattern', 'const', 'minimum', 'maximum', 'minLength', 'maxLength', 'format'].includes(err.keyword) && err.data !== undefined
    ? `${text}; got ${JSON.stringify(err.data)}`
    : text;
}

/** A problem the checks beyond the schema found: where in the document, and what. */
interface Problem {
  path: (string | number)[];
  pointer: string;
  message: string;
}

/** The checks a schema cannot make (target table, files, regular expressions), on a recipe the schema accepted. */
function semanticProblems(recipe: Recipe, root: string): Problem[] {
  const problems: Problem[] = [];
  recipe.targets.forEach((name, i) => {
    try {
      findTarget(name);
    } catch (e) {
      if (!(e instanceof UnknownTargetError)) throw e;
      problems.push({ path: ['targets', i], pointer: `/targets/${i}`, message: e.message });
    }
  });
  for (const key of ['secretKeyFile', 'publicKeyFile'] as const) {
    const f = recipe.signing?.[key];
    if (f && !existsSync(join(root, f))) problems.push({ path: ['signing', key], pointer: `/signing/${key}`, message: `file not found: ${f}` });
  }
  recipe.smoke.forEach((s, i) => {
    if (s.stderrMatches !== undefined) {
      try {
        new RegExp(s.stderrMatches);
      } catch (e) {
        problems.push({ path: ['smoke', i, 'stderrMatches'], pointer: `/smoke/${i}/stderrMatches`, message: `not a regular expression: ${(e as Error).message}` });
      }
    }
  });
  if ('from' in recipe.version && !existsSync(join(root, recipe.version.from)))
    problems.push({ path: ['version', 'from'], pointer: '/version/from', message: `file not found: ${recipe.version.from}` });
  return problems;
}

/** The key of a schema check: every byte the parse and the validation depend on. */
function checkKey(text: string, schemaText: string, kinds: string[]): string {
  const version = (pkg: string): string => (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string }).version;
  return keyOf(CHECKED, text, schemaText, kinds.join('\0'), readFileSync(fileURLToPath(import.meta.url)), `yaml ${version('yaml')}`, `ajv ${version('ajv')}`);
}

/**
 * Loads and validates a recipe; any problem is a UserError listing every location. With a
 * store, a recipe whose parse and schema check passed before with the same bytes is taken
 * from it (see the top of this file).
 */
export function loadRecipe(file: string, root = dirname(dirname(resolve(file))), memo?: Store): LoadedRecipe {
  if (!existsSync(file)) throw E.recipeMissing(file);
  const text = readFileSync(file, 'utf8');
  const schemaFile = schemaPathFor(file);
  if (!existsSync(schemaFile)) throw E.fileMissing('recipe schema', schemaFile);
  const schemaText = readFileSync(schemaFile, 'utf8');
  // the artifact kinds are the packager list's, never a copy kept in the schema file
  const kinds = PACKAGERS.map((p) => p.kind);
  const key = memo ? checkKey(text, schemaText, kinds) : null;
  const remembered = memo && key ? memo.getBlob(CHECKED, key) : null;
  if (remembered) {
    const recipe = JSON.parse(remembered.toString()) as Recipe;
    if (semanticProblems(recipe, root).length === 0) return loaded(recipe, file, root);
  }
  const recipe = checkInFull(file, text, schemaText, kinds, root);
  // remembered only when JSON gives back exactly what the YAML did
  if (memo && key && isDeepStrictEqual(JSON.parse(JSON.stringify(recipe)), recipe)) {
    try {
      memo.putBlob(CHECKED, key, JSON.stringify(recipe));
    } catch {
      /* a read-only or full cache: the next load checks in full again */
    }
  }
  return loaded(recipe, file, root);
}

function loaded(recipe: Recipe, file: string, root: string): LoadedRecipe {
  const version =
    'literal' in recipe.version
      ? recipe.version.literal
      : String((JSON.parse(readFileSync(join(root, recipe.version.from), 'utf8')) as { version?: string }).version);
  return { recipe, file, root, version };
}

/** Parses the YAML and validates it against the schema and semanticProblems; a UserError lists every problem with its location. */
function checkInFull(file: string, text: string, schemaText: string, kinds: string[], root: string): Recipe {
  const { parseDocument, LineCounter, isMap, isNode } = yaml();
  const rel = relative(process.cwd(), file);
  const shown = rel && !rel.startsWith('..') ? rel : file;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return `${shown}:${line}:${col}`;
  };
  if (doc.errors.length) {
    throw E.recipeInvalid(
      `invalid recipe:\n` + doc.errors.map((e) => `  ${at(openedAt(doc, e.pos[0]))}: YAML syntax: ${e.message.split('\n')[0]}`).join('\n'),
    );
  }
  const data = doc.toJS() as unknown;
  const schema = JSON.parse(schemaText) as { properties?: { artifacts?: { items?: { enum?: string[] } } } };
  const items = schema.properties?.artifacts?.items;
  if (items) items.enum = kinds;
  const Ajv = ajvClass();
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  const validate = ajv.compile(schema);
  const problems: string[] = [];
  const located: { offset: number; text: string }[] = [];
  const locate = (path: (string | number)[], pointer: string, message: string, keyOf?: string) => {
    let node = nodeAt(doc, path);
    if (keyOf !== undefined && isMap(node)) {
      // point at the offending key itself, not its value
      const pair = node.items.find((p) => isNode(p.key) && (p.key as { value?: unknown }).value === keyOf);
      if (pair && isNode(pair.key)) node = pair.key;
    }
    const offset = node?.range ? node.range[0] : 0;
    located.push({ offset, text: `  ${node?.range ? at(offset) : shown}: ${pointer || '/'}: ${message}` });
  };
  if (!validate(data)) {
    const errors = (validate.errors ?? []).filter(
      // oneOf reports every branch; keep the summary unless a branch error is specific to a key the user wrote
      (e) => !(e.keyword === 'required' && e.schemaPath.includes('oneOf')) && !(e.keyword === 'additionalProperties' && e.schemaPath.includes('oneOf')),
    );
    for (const err of errors) {
      const path = err.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
      let pointer = err.instancePath;
      if (err.keyword === 'additionalProperties') {
        const key = String((err.params as { additionalProperty: string }).additionalProperty);
        const allowed = Object.keys(((err.parentSchema as { properties?: object })?.properties ?? {}) as object);
        locate(path, pointer, `${describe(err)}; allowed keys: ${allowed.join(', ')}`, key);
        continue;
      }
      if (err.keyword === 'oneOf') {
        const v = doc.getIn(path) as unknown;
        pointer = err.instancePath;
        locate(path, pointer, `must be {from: path/to/package.json} or {literal: "X.Y.Z"}; got ${JSON.stringify(v)}`);
        continue;
      }
      locate(path, pointer, withValue(err));
    }
    if (located.length === 0) located.push({ offset: 0, text: `  ${shown}: does not match ${schemaPathFor(file)}` });
  } else {
    for (const p of semanticProblems(data as Recipe, root)) locate(p.path, p.pointer, p.message);
  }
  problems.push(...located.sort((a, b) => a.offset - b.offset).map((l) => l.text));
  if (problems.length) throw E.recipeInvalid(`invalid recipe (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n${problems.join('\n')}`);
  return data as Recipe;
}

export { TARGETS };

/** The product facts packagers see (packaging/types.ts RecipeInfo). */
export function recipeInfo(recipe: Recipe): RecipeInfo {
  return { name: recipe.name, ...recipe.product };
}
