// A JavaScript copy of the CLI's TypeScript (common/, packaging/, release/, translate/),
// transpiled once per change of any of its bytes into .cache/cli/<key>/ and run from there:
// a run then imports plain modules, paying neither tsx's loader thread nor a transpile per
// module. The key covers every source byte, the TypeScript version, this file and the
// checkout's path (each module's import.meta.url is its source file's, so paths computed
// from it are those of the sources); the copy is built beside its place and renamed into
// it, and every file of it is checked against its manifest before each run.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIRS = ['common', 'packaging', 'release', 'translate'];
const CLI_CACHE = join(ROOT, '.cache', 'cli');
/** copies kept for runs still going (one may import a module of its copy late) */
const KEEP = 8;
const MANIFEST = 'manifest.json';

const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/** The TypeScript files of the CLI, as sorted forward-slash paths relative to ROOT. */
function sourceFiles() {
  const out = [];
  const walk = (rel) => {
    for (const ent of readdirSync(join(ROOT, rel), { withFileTypes: true })) {
      const p = `${rel}/${ent.name}`;
      if (ent.isDirectory()) walk(p);
      else if (ent.isFile() && ent.name.endsWith('.ts') && !ent.name.endsWith('.d.ts')) out.push(p);
    }
  };
  for (const d of DIRS) walk(d);
  return out.sort();
}

/** Whether every file the manifest of dir lists is there with its recorded hash. */
function intact(dir) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'));
  } catch {
    return false;
  }
  if (!manifest || typeof manifest.files !== 'object') return false;
  for (const [rel, hash] of Object.entries(manifest.files)) {
    try {
      if (sha256(readFileSync(join(dir, rel))) !== hash) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/** Transpiles every source into a temporary directory, then renames it to dir. */
function build(dir, files, texts) {
  const ts = createRequire(import.meta.url)('typescript');
  const tmp = join(CLI_CACHE, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    const manifest = { files: {} };
    const write = (rel, text) => {
      mkdirSync(dirname(join(tmp, rel)), { recursive: true });
      writeFileSync(join(tmp, rel), text);
      manifest.files[rel] = sha256(text);
    };
    write('package.json', '{"type":"module"}\n');
    files.forEach((rel, i) => {
      const src = join(ROOT, rel);
      const js = ts.transpileModule(texts[i], {
        fileName: src,
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, rewriteRelativeImportExtensions: true, verbatimModuleSyntax: false },
      }).outputText;
      write(rel.replace(/\.ts$/, '.js'), js.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(src).href)));
    });
    writeFileSync(join(tmp, MANIFEST), JSON.stringify(manifest));
    try {
      renameSync(tmp, dir);
    } catch (e) {
      // another run built the same copy first
      if (e.code !== 'ENOTEMPTY' && e.code !== 'EEXIST') throw e;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  // old copies beyond KEEP, oldest first; temp directories of dead builders
  const copies = readdirSync(CLI_CACHE).filter((n) => /^[0-9a-f]{64}$/.test(n) && join(CLI_CACHE, n) !== dir);
  copies.sort((a, b) => statSync(join(CLI_CACHE, b)).mtimeMs - statSync(join(CLI_CACHE, a)).mtimeMs);
  for (const n of copies.slice(KEEP - 1)) rmSync(join(CLI_CACHE, n), { recursive: true, force: true });
  for (const n of readdirSync(CLI_CACHE)) {
    const m = /^\.tmp-(\d+)-/.exec(n);
    if (m && !alive(Number(m[1]))) rmSync(join(CLI_CACHE, n), { recursive: true, force: true });
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/** The file URL of the precompiled copy of module rel (e.g. 'release/cli.ts'), built if needed. */
export function precompiled(rel) {
  const files = sourceFiles();
  const texts = files.map((f) => readFileSync(join(ROOT, f)));
  const tsVersion = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'typescript', 'package.json'), 'utf8')).version;
  const h = createHash('sha256');
  h.update(`${ROOT}\0${tsVersion}\0`).update(readFileSync(fileURLToPath(import.meta.url)));
  files.forEach((f, i) => h.update(`\0${f}\0${texts[i].length}\0`).update(texts[i]));
  const dir = join(CLI_CACHE, h.digest('hex'));
  if (!intact(dir)) {
    // a damaged copy is replaced; a missing one may be being renamed into place by another run
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    mkdirSync(CLI_CACHE, { recursive: true });
    build(dir, files, texts.map((t) => t.toString('utf8')));
    if (!intact(dir)) throw new Error(`${dir}: the precompiled CLI does not match its manifest after building it`);
  }
  return pathToFileURL(join(dir, rel.replace(/\.ts$/, '.js'))).href;
}
