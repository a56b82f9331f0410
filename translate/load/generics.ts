// Generic classes and functions, instantiated per distinct type argument (monomorphised), as
// RPython specialises per type: `Vec<A>` and `Vec<B>` become two classes with their own
// fields and methods, each annotated and laid out on its own. Type arguments are told apart
// as tsc sees them, where `int` and `float` are both `number`: one instantiation serves both.
import ts from 'typescript';
import { ClassDesc, FunctionDesc, type TypeArg, type TypeEnv } from './descs.ts';
import { RtsError } from '../errors.ts';

export interface GenericsHost {
  checker: ts.TypeChecker;
  classesByDecl: Map<ts.Node, ClassDesc>;
  classes: ClassDesc[];
  uniqueName: (n: string) => string;
}

const EMPTY: TypeEnv = new Map();

const isReference = (t: ts.Type): boolean => (t.flags & ts.TypeFlags.Object) !== 0 && ((t as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) !== 0;

export function isGenericClass(c: ClassDesc): boolean {
  return !!c.decl?.typeParameters?.length && c.template === null;
}
export function isGenericFunction(f: FunctionDesc): boolean {
  return !!f.decl?.typeParameters?.length && f.template === null && f.primitive === null;
}

/**
 * The identifiers by which the sources can name a generic class or function: their own names
 * and every name an import or export gives them. The scan asks the checker about a reference
 * only when its name is one of these, as a symbol lookup in a file the incremental check
 * skipped costs its resolution there. null when a generic has no name of its own (a default
 * export, a class expression): then every reference is asked about.
 */
export function genericNames(sources: Iterable<ts.SourceFile>, generics: Iterable<ClassDesc | FunctionDesc>): Set<string> | null {
  const names = new Set<string>();
  for (const g of generics) {
    const d = g.decl as ts.Node | null;
    const name = d && (ts.isClassDeclaration(d) || ts.isFunctionDeclaration(d) || ts.isMethodDeclaration(d)) ? d.name : undefined;
    if (!name || !(ts.isIdentifier(name) || ts.isPrivateIdentifier(name))) return null;
    if (d && ts.canHaveModifiers(d) && ts.getModifiers(d)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)) return null;
    names.add(name.text);
  }
  // renames (`import { Vec as V }`, `export { Vec as V }`, `import V = lib.Vec`), followed to their end
  const renames: [string, string][] = [];
  for (const sf of sources) {
    const visit = (n: ts.Node): void => {
      if ((ts.isImportSpecifier(n) || ts.isExportSpecifier(n)) && n.propertyName) renames.push([n.propertyName.text, n.name.text]);
      else if (ts.isImportEqualsDeclaration(n)) {
        const r = n.moduleReference;
        const last = ts.isQualifiedName(r) ? r.right.text : ts.isIdentifier(r) ? r.text : null;
        if (last === null) return void names.add(n.name.text);
        renames.push([last, n.name.text]);
      }
      ts.forEachChild(n, visit);
    };
    for (const st of sf.statements) if (ts.isImportDeclaration(st) || ts.isExportDeclaration(st) || ts.isImportEqualsDeclaration(st) || ts.isModuleDeclaration(st)) visit(st);
  }
  for (let grew = true; grew; ) {
    grew = false;
    for (const [from, to] of renames) {
      if (names.has(from) && !names.has(to)) {
        names.add(to);
        grew = true;
      }
    }
  }
  return names;
}

/** The identifier a reference is resolved by (a qualified or property name's last part), or null for other expressions. */
function referenceName(n: ts.Node): string | null {
  const id = ts.isQualifiedName(n) ? n.right : ts.isPropertyAccessExpression(n) ? n.name : n;
  return ts.isIdentifier(id) || ts.isPrivateIdentifier(id) ? id.text : null;
}

export class Instantiator {
  private classInstances = new Map<string, ClassDesc>();
  private functionInstances = new Map<string, FunctionDesc>();
  /** every instantiated function, for the flow cache's names */
  readonly functions: FunctionDesc[] = [];
  /** called with each new class instantiation (the annotator re-flows method calls) */
  onNewClass: (c: ClassDesc) => void = () => {};
  /** bodies not yet scanned for the instantiations they need */
  private todo: { node: ts.Node; env: TypeEnv }[] = [];

  constructor(private host: GenericsHost) {}

  /** A type argument as written at some place, with the environment it was written in. */
  private arg(t: ts.Type, env: TypeEnv): TypeArg {
    if (t.flags & ts.TypeFlags.TypeParameter) {
      const d = t.getSymbol()?.declarations?.[0];
      const a = d ? env.get(d) : undefined;
      if (!a) throw new RtsError('E_UNSUPPORTED', `type parameter ${this.host.checker.typeToString(t)} is not bound here`);
      return a;
    }
    return { key: this.key(t, env), type: t, env };
  }

  /** The key of a type under an environment: what tells instantiations apart. */
  key(t: ts.Type, env: TypeEnv): string {
    const f = t.flags;
    if (f & ts.TypeFlags.TypeParameter) return this.arg(t, env).key;
    if (t.isUnion()) return [...new Set(t.types.map((m) => this.key(m, env)))].sort().join(' | ');
    if (f & ts.TypeFlags.NumberLike) return 'number';
    if (f & ts.TypeFlags.StringLike) return 'string';
    if (f & ts.TypeFlags.BooleanLike) return 'boolean';
    if (f & (ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return 'null';
    const cls = this.classOf(t, env);
    if (cls) return cls.name;
    const sym = t.getSymbol();
    const args = sym && isReference(t) ? this.host.checker.getTypeArguments(t as ts.TypeReference) : [];
    if (sym && args.length) return `${sym.getName()}<${args.map((a) => this.key(a, env)).join(', ')}>`;
    return this.host.checker.typeToString(t);
  }

  /** A type argument as the user would write it (`Vec<Point>`), for messages; `key` is for identity. */
  shown(a: TypeArg): string {
    return this.show(a.type, a.env);
  }
  private show(t: ts.Type, env: TypeEnv): string {
    if (t.flags & ts.TypeFlags.TypeParameter) {
      const d = t.getSymbol()?.declarations?.[0];
      const a = d ? env.get(d) : undefined;
      return a ? this.shown(a) : this.host.checker.typeToString(t);
    }
    if (t.isUnion()) return [...new Set(t.types.map((m) => this.show(m, env)))].join(' | ');
    const f = t.flags;
    if (f & (ts.TypeFlags.NumberLike | ts.TypeFlags.StringLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return this.key(t, env);
    try {
      const cls = this.classOf(t, env);
      if (cls) return cls.sourceName();
    } catch (e) {
      if (!(e instanceof RtsError)) throw e;
    }
    const sym = t.getSymbol();
    const args = sym && isReference(t) ? this.host.checker.getTypeArguments(t as ts.TypeReference) : [];
    if (sym && args.length) return `${sym.getName()}<${args.map((a) => this.show(a, env)).join(', ')}>`;
    return this.host.checker.typeToString(t);
  }

  /** The class a type names under `env`, instantiating a generic class at its arguments. */
  classOf(t: ts.Type, env: TypeEnv): ClassDesc | null {
    const sym = t.getSymbol();
    const decl = sym?.valueDeclaration ?? sym?.declarations?.[0];
    const cd = decl ? this.host.classesByDecl.get(decl) : undefined;
    if (!cd) return null;
    if (!isGenericClass(cd)) return cd;
    const n = cd.decl!.typeParameters!.length;
    const targs = isReference(t) ? this.host.checker.getTypeArguments(t as ts.TypeReference).slice(0, n) : [];
    if (targs.length !== n) throw new RtsError('E_UNSUPPORTED', `generic class ${cd.sourceName()} used without its type arguments; write them (${cd.sourceName()}<...>)`);
    return this.instantiateClass(cd, targs.map((a) => this.arg(a, env)));
  }

  instantiateClass(tpl: ClassDesc, args: TypeArg[]): ClassDesc {
    const key = `${tpl.name}<${args.map((a) => a.key).join(', ')}>`;
    const have = this.classInstances.get(key);
    if (have) return have;
    if (key.length > 400) throw new RtsError('E_UNSUPPORTED', `generic class ${tpl.sourceName()} instantiates itself at ever larger type arguments (${key.slice(0, 120)}...); RTS needs a finite set of instantiations`);
    const cd = new ClassDesc(this.host.uniqueName(`${tpl.name}_${args.map((a) => a.key).join('_')}`), tpl.decl, tpl.module, tpl.runtime);
    this.classInstances.set(key, cd);
    cd.template = tpl;
    cd.displayName = `${tpl.sourceName()}<${args.map((a) => this.shown(a)).join(', ')}>`;
    cd.env = new Map(tpl.decl!.typeParameters!.map((p, i) => [p, args[i]]));
    cd.isAbstract = tpl.isAbstract;
    cd.fields = tpl.fields;
    cd.abstractMethods = tpl.abstractMethods;
    cd.statics = tpl.statics;
    const clone = (fd: FunctionDesc, suffix: string): FunctionDesc => {
      const c = new FunctionDesc(this.host.uniqueName(`${cd.name}_${suffix}`), fd.decl, fd.module, cd, fd.kind, fd.primitive);
      c.template = fd;
      c.env = cd.env;
      this.functions.push(c);
      return c;
    };
    for (const [name, fd] of tpl.methods) cd.methods.set(name, clone(fd, name));
    cd.ctor = clone(tpl.ctor, 'ctor');
    this.host.classes.push(cd);
    const ext = tpl.decl!.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
    if (ext) {
      const base = this.classOf(this.host.checker.getTypeAtLocation(ext.types[0]), cd.env) ?? tpl.base;
      if (base) {
        cd.base = base;
        base.subclasses.push(cd);
      }
    }
    this.todo.push({ node: tpl.decl!, env: cd.env });
    this.onNewClass(cd);
    return cd;
  }

  /** The instantiation of a generic function that a call resolves to (the function itself if not generic). */
  functionAt(fd: FunctionDesc, call: ts.CallExpression, env: TypeEnv): FunctionDesc {
    if (!isGenericFunction(fd)) return fd;
    const checker = this.host.checker;
    const sig = checker.getResolvedSignature(call);
    const targs = sig ? checker.getTypeArgumentsForResolvedSignature(sig) : undefined;
    const n = fd.decl!.typeParameters!.length;
    if (!targs || targs.length < n) throw new RtsError('E_UNSUPPORTED', `cannot tell the type arguments of ${fd.sourceName()}() here; write them (${call.expression.getText()}<...>(...))`);
    const args = targs.slice(0, n).map((a) => this.arg(a, env));
    const key = `${fd.name}<${args.map((a) => a.key).join(', ')}>`;
    const have = this.functionInstances.get(key);
    if (have) return have;
    const c = new FunctionDesc(this.host.uniqueName(`${fd.name}_${args.map((a) => a.key).join('_')}`), fd.decl, fd.module, fd.cls, fd.kind, fd.primitive);
    c.template = fd;
    c.displayName = `${fd.sourceName()}<${args.map((a) => this.shown(a)).join(', ')}>`;
    c.env = new Map([...(fd.cls?.env ?? EMPTY), ...fd.decl!.typeParameters!.map((p, i): [ts.Node, TypeArg] => [p, args[i]])]);
    this.functionInstances.set(key, c);
    this.functions.push(c);
    this.todo.push({ node: fd.decl!, env: c.env });
    return c;
  }

  private namesGenericClass(name: ts.Node): boolean {
    const checker = this.host.checker;
    let sym = checker.getSymbolAtLocation(ts.isQualifiedName(name) ? name.right : ts.isPropertyAccessExpression(name) ? name.name : name);
    while (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
    const decl = sym?.valueDeclaration ?? sym?.declarations?.[0];
    const cd = decl ? this.host.classesByDecl.get(decl) : undefined;
    return !!cd && isGenericClass(cd);
  }

  /**
   * Creates, before annotation, every instantiation the program names (types written,
   * `new`, calls of generic functions), following instantiations into the generic bodies, so
   * the class hierarchy is complete when method calls are resolved.
   */
  scan(sources: Iterable<ts.Node>, functionOfCall: (call: ts.CallExpression) => FunctionDesc | null, names: ReadonlySet<string> | null): void {
    for (const node of sources) this.todo.push({ node, env: EMPTY });
    const checker = this.host.checker;
    const mayName = (ref: ts.Node): boolean => {
      if (names === null) return true;
      const id = referenceName(ref);
      return id === null || names.has(id);
    };
    while (this.todo.length) {
      const { node, env } = this.todo.pop()!;
      const top = node;
      const visit = (n: ts.Node): void => {
        // generic bodies are scanned per instantiation, with their arguments bound
        if (n !== top && (ts.isClassDeclaration(n) || ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.typeParameters?.length) return;
        try {
          if (ts.isTypeReferenceNode(n) || ts.isNewExpression(n) || ts.isExpressionWithTypeArguments(n)) {
            // only names of generic classes instantiate: the checker is asked about those alone
            const ref = ts.isTypeReferenceNode(n) ? n.typeName : n.expression;
            if (mayName(ref) && this.namesGenericClass(ref))
              this.classOf(ts.isTypeReferenceNode(n) ? checker.getTypeFromTypeNode(n) : checker.getTypeAtLocation(n), env);
          } else if (ts.isCallExpression(n) && mayName(n.expression)) {
            const fd = functionOfCall(n);
            if (fd) this.functionAt(fd, n, env);
          }
        } catch (e) {
          // reported where the flow builder meets the same construct, with its location
          if (!(e instanceof RtsError)) throw e;
        }
        ts.forEachChild(n, visit);
      };
      visit(node);
    }
  }
}
