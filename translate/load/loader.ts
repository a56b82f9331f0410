// Stage `load`: parses the whole program with the TypeScript compiler, runs its module
// top-level code on Node (so tables and prebuilt objects are computed at load time), and
// describes every function and class for the later stages.
import ts from 'typescript';
import { createHash } from 'node:crypto';
import { rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import type { Store } from '../../common/store.ts';
import { explainWriteError } from '../../common/atomic.ts';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { SourceMap } from 'node:module';
import { ClassDesc, EnumDesc, FunctionDesc, ModuleInfo, locOf } from './descs.ts';
import { RtsError, fail } from '../errors.ts';
import { Instantiator, isGenericClass } from './generics.ts';
import type { Loc } from '../model/graph.ts';
import { REPO_ROOT, relPathFor, type LoadedFile } from './sources.ts';

export { REPO_ROOT };
/** rlib modules whose functions are implemented natively when translated */
const PRIMITIVE_MODULES = new Map([
  ['arith.ts', 'arith'],
  ['os.ts', 'os'],
  ['execmem.ts', 'execmem'],
  ['gcref.ts', 'gcref'],
  ['weak.ts', 'weak'],
  ['text.ts', 'text'],
  ['jithelpers.ts', 'jithelpers'],
]);

export interface LoadedProgram {
  tsProgram: ts.Program;
  checker: ts.TypeChecker;
  modules: Map<string, ModuleInfo>; // by absolute path
  entry: ModuleInfo;
  main: FunctionDesc;
  functionsByDecl: Map<ts.Node, FunctionDesc>;
  classesByDecl: Map<ts.Node, ClassDesc>;
  classByRuntime: Map<unknown, ClassDesc>;
  enumsByDecl: Map<ts.Node, EnumDesc>;
  classes: ClassDesc[];
  errorClass: ClassDesc;
  /** rlib/jithelpers.ts's registered helpers (index = position), resolved to their functions */
  jitHelpers: FunctionDesc[];
  /** sha256 of every source file, by relPath */
  sourceHashes: Map<string, string>;
  /** every source file with its direct imports, for the warm path (sources.ts) */
  files: LoadedFile[];
  /** the load-js entry of the transpiled modules */
  loadJsKey: string;
  /** sha256 of the program with every function body left out: what one function's graph may depend on besides its own body */
  interfaceHash: string;
  /** instantiations of generic classes and functions */
  generics: Instantiator;
  /** how many of the modules TypeScript parsed for this load (the others it had from the last load in this process, text unchanged) */
  parsedModules: number;
  /** Runs tsc's full type check; throws E_TYPE on the first error. Skipped when the load stage is cached (those sources passed before). */
  typecheck: () => void;
}

/** The exception class `name` of rlib module `file` (e.g. 'arith.ts'), if the program loaded it. */
export function rlibClass(prog: LoadedProgram, name: string, file: string): ClassDesc | undefined {
  return prog.classes.find((c) => c.name === name && c.module?.relPath.endsWith(`rlib/${file}`));
}

/** The module's text with function, method and constructor bodies replaced by {}. */
function interfaceText(sf: ts.SourceFile): string {
  const cuts: [number, number][] = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n) || ts.isConstructorDeclaration(n)) && n.body) {
      cuts.push([n.body.getStart(sf), n.body.getEnd()]);
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  let out = '';
  let pos = 0;
  for (const [a, b] of cuts) {
    out += sf.text.slice(pos, a) + '{}';
    pos = b;
  }
  return out + sf.text.slice(pos);
}

const sha256 = (s: string | Buffer): string => createHash('sha256').update(s).digest('hex');

/**
 * The program files sf imports (import and export declarations, import() and require() of
 * a string), each the path its specifier names; null when an import of a relative path
 * names no program file as written (TypeScript resolved it otherwise, e.g. by extension
 * substitution), which the warm path could not follow.
 */
function directImports(sf: ts.SourceFile, programFiles: Set<string>): string[] | null {
  const out = new Set<string>();
  let followable = true;
  const add = (spec: ts.Expression | undefined): void => {
    if (!spec || !ts.isStringLiteralLike(spec)) return;
    const dep = resolve(dirname(sf.fileName), spec.text);
    if (programFiles.has(dep)) out.add(dep);
    else if (spec.text.startsWith('.') || spec.text.startsWith('/')) followable = false;
  };
  const visit = (n: ts.Node): void => {
    if ((ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) && n.moduleSpecifier) add(n.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference)) add(n.moduleReference.expression);
    else if (ts.isCallExpression(n) && (n.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(n.expression) && n.expression.text === 'require'))) add(n.arguments[0]);
    else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument)) add(n.argument.literal as ts.Expression);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  // a file TypeScript reached by a /// reference or a non-relative name is not in these
  // imports; recordLoad then finds the closure short of the program and records nothing
  return followable ? [...out].sort() : null;
}

function topLevelNames(sf: ts.SourceFile): Map<string, 'const' | 'let' | 'function' | 'class' | 'enum'> {
  const out = new Map<string, 'const' | 'let' | 'function' | 'class' | 'enum'>();
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name && st.body) out.set(st.name.text, 'function');
    else if (ts.isClassDeclaration(st) && st.name) out.set(st.name.text, 'class');
    else if (ts.isEnumDeclaration(st) && !st.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) out.set(st.name.text, 'enum');
    else if (ts.isVariableStatement(st)) {
      const isConst = (st.declarationList.flags & ts.NodeFlags.Const) !== 0;
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) out.set(d.name.text, isConst ? 'const' : 'let');
    }
  }
  return out;
}

const TRANSPILE_OPTIONS: ts.CompilerOptions = { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false };

/**
 * One module's JavaScript as TypeScript transpiles it, reused from the store when the same
 * file had the same text before: after an edit only the edited module is transpiled again
 * (all of them took seconds). The imports are still relative here; runModules rewrites them.
 */
function transpiled(store: Store, abs: string, text: string): string {
  const key = sha256(`transpile\0${ts.version}\0${JSON.stringify(TRANSPILE_OPTIONS)}\0${abs}\0${text}`);
  const hit = store.getBlob('transpile', key);
  if (hit) return hit.toString();
  const js = ts.transpileModule(text, { compilerOptions: TRANSPILE_OPTIONS, fileName: abs }).outputText;
  store.putBlob('transpile', key, js);
  return js;
}

/**
 * Transpiles every module to ESM beside each other, as one store entry (verified on every
 * read, so a damaged .mjs is rebuilt rather than failing every later load), and imports the entry.
 */
async function runModules(files: ts.SourceFile[], store: Store, entryPath: string): Promise<{ scopes: Map<string, Record<string, unknown>>; key: string }> {
  // (v2: imports are relative, so the store can be moved; v1 entries named their absolute place)
  const key = sha256('load-js v2\0' + files.map((f) => f.fileName + '\0' + f.text).join('\0'));
  const outRoot = join(store.entryPath('load-js', key), 'files');
  const nameOf = (abs: string): string => sha256(abs).slice(0, 16) + '.mjs';
  const outPath = (abs: string): string => join(outRoot, nameOf(abs));
  const byPath = new Map(files.map((f) => [resolve(f.fileName), f]));
  if (!store.read('load-js', key)) {
    const tmp = store.tempDir('load-js');
    try {
      for (const f of files) {
        const abs = resolve(f.fileName);
        let js = transpiled(store, abs, f.text);
        // the modules lie beside each other, named by their source's path: imports name them
        // relatively, so a store moved or restored elsewhere (a CI cache) still loads one instance of each
        js = js.replace(/(from\s+|import\s*\(\s*|import\s+)(['"])(\.{1,2}\/[^'"]+)\2/g, (m, pre: string, q: string, spec: string) => {
          const dep = resolve(dirname(abs), spec);
          if (!byPath.has(dep)) return m;
          return `${pre}${q}./${nameOf(dep)}${q}`;
        });
        const names = [...topLevelNames(f).keys()];
        js += `\nexport function __rts_scope__() { return { ${names.map((n) => `${JSON.stringify(n)}: typeof ${n} === 'undefined' ? undefined : ${n}`).join(', ')} }; }\n`;
        writeFileSync(join(tmp, 'files', nameOf(abs)), js);
      }
    } catch (e) {
      rmSync(tmp, { recursive: true, force: true });
      throw explainWriteError(e, outRoot);
    }
    store.commit('load-js', key, 'load-js', tmp, null);
  }
  const scopes = new Map<string, Record<string, unknown>>();
  try {
    await import(pathToFileURL(outPath(resolve(entryPath))).href);
    for (const f of files) {
      const abs = resolve(f.fileName);
      const mod = (await import(pathToFileURL(outPath(abs)).href)) as { __rts_scope__: () => Record<string, unknown> };
      scopes.set(abs, mod.__rts_scope__());
    }
  } catch (e) {
    if (e instanceof RtsError) throw e;
    fail('E_LOAD', `module top-level code failed: ${(e as Error).message}`, loadErrorLoc(e, files, outPath, dirname(entryPath)));
  }
  return { scopes, key };
}

/** Where load-time code threw: the innermost stack frame in one of the program's modules,
 * mapped from the transpiled module back to its source (transpiled again with a source map:
 * only on this error path, so loading pays nothing for it). */
function loadErrorLoc(e: unknown, files: ts.SourceFile[], outPath: (abs: string) => string, entryDir: string): Loc | null {
  const byOut = new Map(files.map((f) => [outPath(resolve(f.fileName)), f]));
  // frames name a module by URL (Node) or by path (module runners such as vitest's)
  for (const m of String((e as Error)?.stack ?? '').matchAll(/((?:file:\/\/)?\/[^\s()]+\.mjs):(\d+):(\d+)/g)) {
    const f = byOut.get(m[1].startsWith('file:') ? fileURLToPath(m[1]) : m[1]);
    if (!f) continue;
    const abs = resolve(f.fileName);
    const { sourceMapText } = ts.transpileModule(f.text, {
      compilerOptions: { ...TRANSPILE_OPTIONS, sourceMap: true },
      fileName: abs,
    });
    const entry = new SourceMap(JSON.parse(sourceMapText!)).findEntry(Number(m[2]) - 1, Number(m[3]) - 1) as { originalLine?: number; originalColumn?: number };
    if (entry.originalLine === undefined) return { file: relPathFor(abs, entryDir), line: 1, col: 1 };
    return { file: relPathFor(abs, entryDir), line: entry.originalLine + 1, col: (entry.originalColumn ?? 0) + 1 };
  }
  return null;
}

/** The previous program of this process and its entry: the next load of the same entry starts from its type-check state. */
let previous: { entry: string; builder: ts.SemanticDiagnosticsBuilderProgram } | undefined;
/** lib.d.ts, @types/node and what it references (node_modules) parsed once per process, shared by every program (TypeScript's own reuse does the same). */
const libFiles = new Map<string, ts.SourceFile>();
/** The program's own files as last parsed in this process, by name and language version: a
 * later load whose file has the same text gets the same SourceFile, parsed and bound, as
 * tsc --watch and the language service do. An edit then parses the edited file alone. */
const reusableFiles = new Map<string, ts.SourceFile>();

/** Where TypeScript believes its incremental state lives; never written: the store keeps it (see incrementalProgram). */
const BUILD_INFO = 'rts-typecheck.tsbuildinfo';

/**
 * The TypeScript program of the entry, as a builder that type-checks only what changed
 * since the last check of the same entry: TypeScript's own incremental state (its
 * tsbuildinfo: each file's version, its declaration signature and its diagnostics) is kept
 * in the store, one slot per entry, sealed like every entry, so a damaged one is reported
 * and the check is done whole. A one-function edit checks that file alone (seconds before).
 * saveState records the state once a check has run.
 */
function incrementalProgram(entryPath: string, base: ts.CompilerOptions, store: Store): { builder: ts.SemanticDiagnosticsBuilderProgram; saveState: () => void; parsed: number } {
  let parsed = 0;
  const infoPath = resolve(store.root, BUILD_INFO);
  const options: ts.CompilerOptions = { ...base, incremental: true, tsBuildInfoFile: infoPath };
  const slot = sha256(`tsbuildinfo\0${entryPath}`);
  const host = ts.createIncrementalCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (p) => (p === infoPath ? store.getBlob('typecheck', slot)?.toString() : readFile(p));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, lang, onError, create) => {
    const k = `${fileName}\0${JSON.stringify(lang)}`;
    if (!/[\\/]node_modules[\\/]/.test(fileName)) {
      const text = readFile(fileName);
      const had = reusableFiles.get(k);
      if (had && text !== undefined && had.text === text) return had;
      const sf = getSourceFile(fileName, lang, onError, create);
      parsed++;
      if (sf) reusableFiles.set(k, sf);
      else reusableFiles.delete(k);
      return sf;
    }
    let sf = libFiles.get(k);
    if (!sf) {
      sf = getSourceFile(fileName, lang, onError, create);
      if (sf) libFiles.set(k, sf);
    }
    return sf;
  };
  const old = previous?.entry === entryPath ? previous.builder : ts.readBuilderProgram(options, host);
  const builder = ts.createSemanticDiagnosticsBuilderProgram([entryPath], options, host, old as ts.SemanticDiagnosticsBuilderProgram | undefined);
  previous = { entry: entryPath, builder };
  // keep the files of this program only: a process that translates many programs holds one
  const kept = new Set(builder.getProgram().getSourceFiles());
  for (const [k, sf] of reusableFiles) if (!kept.has(sf)) reusableFiles.delete(k);
  const saveState = (): void => {
    let text: string | undefined;
    builder.emit(undefined, (name, data) => {
      if (name === infoPath) text = data;
    });
    if (text === undefined) return;
    store.replaceBlob('typecheck', slot, text);
  };
  return { builder, saveState, parsed };
}

export async function loadProgram(entry: string, store: Store): Promise<LoadedProgram> {
  const entryPath = resolve(entry);
  if (!existsSync(entryPath)) fail('E_ENTRY', `entry module ${entry} does not exist`);
  if (statSync(entryPath).isDirectory()) fail('E_ENTRY', `entry module ${entry} is a directory; give its entry file (a .ts file exporting main), e.g. ${join(entry, 'main.ts')}`);
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    types: ['node'],
    typeRoots: [join(REPO_ROOT, 'node_modules', '@types')],
    lib: ['lib.es2022.d.ts'],
  };
  const { builder, saveState, parsed } = incrementalProgram(entryPath, options, store);
  const tsProgram = builder.getProgram();
  const files = tsProgram.getSourceFiles().filter((f) => !f.isDeclarationFile && !f.fileName.includes('/node_modules/'));
  const checker = tsProgram.getTypeChecker();
  const { scopes, key: loadJsKey } = await runModules(files, store, entryPath);

  const modules = new Map<string, ModuleInfo>();
  const sourceHashes = new Map<string, string>();
  for (const f of files) {
    const abs = resolve(f.fileName);
    const m = new ModuleInfo(abs, relPathFor(abs, dirname(entryPath)), f);
    m.kinds = topLevelNames(f);
    const scope = scopes.get(abs) ?? {};
    for (const [k, v] of Object.entries(scope)) m.bindings.set(k, v);
    modules.set(abs, m);
    sourceHashes.set(m.relPath, sha256(f.text));
  }

  const functionsByDecl = new Map<ts.Node, FunctionDesc>();
  const classesByDecl = new Map<ts.Node, ClassDesc>();
  const classByRuntime = new Map<unknown, ClassDesc>();
  const functionByRuntime = new Map<unknown, FunctionDesc>();
  const enumsByDecl = new Map<ts.Node, EnumDesc>();
  const classes: ClassDesc[] = [];
  const usedNames = new Set<string>();
  const unique = (n: string): string => {
    let name = n.replace(/[^A-Za-z0-9_]/g, '_');
    for (let i = 2; usedNames.has(name); i++) name = `${n.replace(/[^A-Za-z0-9_]/g, '_')}_${i}`;
    usedNames.add(name);
    return name;
  };

  // The builtin root of all exceptions.
  const errorClass = new ClassDesc('Error', null, null, Error);
  errorClass.fields.set('message', { name: 'message', typeNode: null, decl: null });
  usedNames.add('Error');
  classes.push(errorClass);
  classByRuntime.set(Error, errorClass);

  const modStem = (m: ModuleInfo): string => m.relPath.replace(/\.ts$/, '').split('/').slice(-2).join('_');
  for (const m of modules.values()) {
    // rlib is recognised by its place in a tree (translate/rlib/), so copies of the tree translate too
    const primMod = dirname(m.path).endsWith(`${sep}translate${sep}rlib`) ? PRIMITIVE_MODULES.get(basename(m.path)) : undefined;
    for (const st of m.source.statements) {
      if (ts.isFunctionDeclaration(st) && st.name && st.body) {
        const fd = new FunctionDesc(unique(`${modStem(m)}_${st.name.text}`), st, m, null, 'function', primMod ? `${primMod}.${st.name.text}` : null);
        functionsByDecl.set(st, fd);
        functionByRuntime.set(m.bindings.get(st.name.text), fd);
      } else if (ts.isClassDeclaration(st) && st.name) {
        const cd = new ClassDesc(unique(st.name.text), st, m, m.bindings.get(st.name.text));
        cd.isAbstract = !!st.modifiers?.some((x) => x.kind === ts.SyntaxKind.AbstractKeyword);
        classesByDecl.set(st, cd);
        classByRuntime.set(cd.runtime, cd);
        classes.push(cd);
      } else if (ts.isEnumDeclaration(st)) {
        enumsByDecl.set(st, new EnumDesc(st.name.text, (m.bindings.get(st.name.text) ?? {}) as Record<string, unknown>));
      }
    }
  }
  // Members, once every class is known; then bases (a generic base is instantiated from its members).
  for (const cd of classes) {
    if (!cd.decl) continue;
    const m = cd.module!;
    for (const mem of cd.decl.members) {
      const isStatic = !!ts.getCombinedModifierFlags(mem as ts.Declaration) && (ts.getCombinedModifierFlags(mem as ts.Declaration) & ts.ModifierFlags.Static) !== 0;
      const isAbstract = (ts.getCombinedModifierFlags(mem as ts.Declaration) & ts.ModifierFlags.Abstract) !== 0;
      if (ts.isPropertyDeclaration(mem)) {
        if (!ts.isIdentifier(mem.name)) fail('E_UNSUPPORTED', 'computed or private (#) field names', locOf(mem, m));
        if (isStatic) continue; // static fields are read as prebuilt constants from the class object
        cd.fields.set(mem.name.text, { name: mem.name.text, typeNode: mem.type ?? null, decl: mem });
      } else if (ts.isMethodDeclaration(mem)) {
        if (!ts.isIdentifier(mem.name)) fail('E_UNSUPPORTED', 'computed or private (#) method names', locOf(mem, m));
        const name = mem.name.text;
        if (isAbstract || !mem.body) {
          cd.abstractMethods.add(name);
          continue;
        }
        const fd = new FunctionDesc(unique(`${cd.name}_${name}`), mem, m, cd, isStatic ? 'static' : 'method');
        functionsByDecl.set(mem, fd);
        if (isStatic) cd.statics.set(name, fd);
        else cd.methods.set(name, fd);
      } else if (ts.isConstructorDeclaration(mem)) {
        for (const p of mem.parameters) {
          if (ts.getCombinedModifierFlags(p) & (ts.ModifierFlags.Public | ts.ModifierFlags.Private | ts.ModifierFlags.Protected | ts.ModifierFlags.Readonly)) {
            if (!ts.isIdentifier(p.name)) fail('E_UNSUPPORTED', 'destructured parameter property', locOf(p, m));
            cd.fields.set(p.name.text, { name: p.name.text, typeNode: p.type ?? null, decl: p });
          }
        }
        if (mem.body) {
          cd.ctor = new FunctionDesc(unique(`${cd.name}_ctor`), mem, m, cd, 'ctor');
          functionsByDecl.set(mem, cd.ctor);
        }
      } else if (ts.isGetAccessor(mem) || ts.isSetAccessor(mem)) {
        fail('E_UNSUPPORTED', 'getters and setters are not RTS; use a method', locOf(mem, m));
      } else if (ts.isIndexSignatureDeclaration(mem) || ts.isClassStaticBlockDeclaration(mem)) {
        if (ts.isIndexSignatureDeclaration(mem)) fail('E_DYNAMIC_PROP', 'index signatures', locOf(mem, m));
      } else if (!ts.isSemicolonClassElement(mem)) {
        fail('E_UNSUPPORTED', `class member ${ts.SyntaxKind[mem.kind]}`, locOf(mem, m));
      }
    }
  }
  for (const cd of classes) {
    if (!cd.ctor) cd.ctor = new FunctionDesc(unique(`${cd.name}_ctor`), null, cd.module ?? modules.values().next().value!, cd, 'ctor');
  }
  const generics = new Instantiator({ checker, classesByDecl, classes, uniqueName: unique });
  for (const cd of [...classes]) {
    if (!cd.decl) continue;
    const ext = cd.decl.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
    if (!ext) continue;
    const baseExpr = ext.types[0].expression;
    let sym = checker.getSymbolAtLocation(baseExpr);
    if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
    const bdecl = sym?.declarations?.[0];
    let base = bdecl ? classesByDecl.get(bdecl) : undefined;
    if (!base && ts.isIdentifier(baseExpr) && baseExpr.text === 'Error') base = errorClass;
    if (!base) fail('E_UNSUPPORTED', `class ${cd.name} extends ${baseExpr.getText()}, which is not an RTS class`, locOf(ext, cd.module!));
    // a generic class's base is bound per instantiation; a plain class extends the instantiation it names
    if (isGenericClass(cd)) {
      cd.base = base;
      continue;
    }
    try {
      cd.base = generics.classOf(checker.getTypeAtLocation(ext.types[0]), new Map()) ?? base;
    } catch (e) {
      throw e instanceof RtsError ? e.at(locOf(ext, cd.module!)) : e;
    }
    cd.base.subclasses.push(cd);
  }

  const entryMod = modules.get(entryPath)!;
  const mainDecl = entryMod.source.statements.find(
    (s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === 'main' && !!s.modifiers?.some((x) => x.kind === ts.SyntaxKind.ExportKeyword),
  );
  if (!mainDecl) fail('E_ENTRY', `${entryMod.relPath} does not export a function main(argv: string[]): int`, { file: entryMod.relPath, line: 1, col: 1 });
  const main = functionsByDecl.get(mainDecl)!;
  const typecheck = (): void => {
    const all = [...builder.getOptionsDiagnostics(), ...builder.getSyntacticDiagnostics(), ...builder.getGlobalDiagnostics(), ...builder.getSemanticDiagnostics()];
    saveState();
    const diags = all.filter((d) => d.category === ts.DiagnosticCategory.Error && d.file && files.includes(d.file));
    if (diags.length) {
      const d = diags[0];
      const { line, character } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
      const more = diags.length > 1 ? ` (and ${diags.length - 1} more)` : '';
      throw new RtsError('E_TYPE', ts.flattenDiagnosticMessageText(d.messageText, '\n') + more, {
        file: relPathFor(resolve(d.file!.fileName), dirname(entryPath)),
        line: line + 1,
        col: character + 1,
      });
    }
  };
  const interfaceHash = sha256([...modules.values()].sort((a, b) => (a.relPath < b.relPath ? -1 : 1)).map((m) => `${m.relPath}\0${interfaceText(m.source)}`).join('\0'));
  // JIT helpers were registered by load-time code; each must be a top-level RTS function
  const jitHelpers: FunctionDesc[] = [];
  for (const m of modules.values()) {
    if (!m.path.endsWith(`${sep}translate${sep}rlib${sep}jithelpers.ts`)) continue;
    for (const fn of (m.bindings.get('HELPERS') ?? []) as Function[]) {
      const fd = functionByRuntime.get(fn);
      if (!fd || fd.primitive) fail('E_UNSUPPORTED', `jitHelper(${fn.name || 'an anonymous function'}): a JIT helper must be a top-level RTS function`);
      jitHelpers.push(fd);
    }
  }
  const programFiles = new Set(files.map((f) => resolve(f.fileName)));
  const loadedFiles = files.map((f) => ({ abs: resolve(f.fileName), text: f.text, imports: directImports(f, programFiles) }));
  return {
    tsProgram, checker, modules, entry: entryMod, main, functionsByDecl, classesByDecl, classByRuntime,
    enumsByDecl, classes, errorClass, jitHelpers, sourceHashes, files: loadedFiles, loadJsKey, interfaceHash, typecheck, generics,
    parsedModules: parsed,
  };
}

