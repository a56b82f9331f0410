// Descriptions of the program's functions and classes, shared by every later stage.
import ts from 'typescript';
import type { FunctionGraph, Loc } from '../model/graph.ts';

export class ModuleInfo {
  /** top-level binding name -> runtime value after the module ran */
  bindings = new Map<string, unknown>();
  /** top-level binding name -> its declaration kind */
  kinds = new Map<string, 'const' | 'let' | 'function' | 'class' | 'enum'>();
  constructor(
    public path: string, // absolute
    public relPath: string, // relative to the program root, for messages and C file names
    public source: ts.SourceFile,
  ) {}
}

export function locOf(node: ts.Node, mod: ModuleInfo): Loc {
  const sf = node.getSourceFile();
  const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  return { file: mod.relPath, line: line + 1, col: character + 1 };
}

/** A generic's type argument: its key (what tells instantiations apart) and the tsc type with the environment it was written in. */
export interface TypeArg {
  key: string;
  type: ts.Type;
  env: TypeEnv;
}
/** Type parameter declaration -> the argument bound to it. */
export type TypeEnv = Map<ts.Node, TypeArg>;

export type FunctionKind = 'function' | 'method' | 'ctor' | 'static';

export class FunctionDesc {
  graph: FunctionGraph | null = null;
  /** the generic function or method this one instantiates, if any */
  template: FunctionDesc | null = null;
  /** the type arguments its body is read with (of its class and its own) */
  env: TypeEnv = new Map();
  /** as the user writes it (`lastOf<Point>`), for messages */
  displayName: string | null = null;
  constructor(
    public name: string, // unique, C-safe-ish: Module.Class.method
    public decl: ts.FunctionLikeDeclaration | null, // null: synthesized (implicit constructor)
    public module: ModuleInfo,
    public cls: ClassDesc | null,
    public kind: FunctionKind,
    /** rlib primitive name (translated natively), or null */
    public primitive: string | null = null,
  ) {}
  toString(): string {
    return this.name;
  }
  /** The name the user wrote (`lastOf`, `Vec.push`): `name` carries the module and is for C. */
  sourceName(): string {
    if (this.displayName) return this.displayName;
    const own = this.decl?.name && ts.isIdentifier(this.decl.name) ? this.decl.name.text : this.kind === 'ctor' ? 'constructor' : this.name;
    return this.cls ? `${this.cls.sourceName()}.${own}` : own;
  }
}

export interface FieldInfo {
  name: string;
  typeNode: ts.TypeNode | null;
  decl: ts.Node | null;
}

export class ClassDesc {
  base: ClassDesc | null = null;
  subclasses: ClassDesc[] = [];
  fields = new Map<string, FieldInfo>(); // declared in this class only
  methods = new Map<string, FunctionDesc>(); // declared in this class only (incl. abstract)
  abstractMethods = new Set<string>();
  statics = new Map<string, FunctionDesc>();
  ctor!: FunctionDesc;
  isAbstract = false;
  /** the generic class this one instantiates, if any */
  template: ClassDesc | null = null;
  /** its type arguments by parameter */
  env: TypeEnv = new Map();
  /** as the user writes it (`Vec<A>`), for messages */
  displayName: string | null = null;
  constructor(
    public name: string, // unique
    public decl: ts.ClassDeclaration | null, // null for the builtin Error
    public module: ModuleInfo | null,
    public runtime: unknown,
  ) {}

  /** The name the user wrote (`Vec<Point>`, `Disk`), for messages. */
  sourceName(): string {
    return this.displayName ?? this.decl?.name?.text ?? this.name;
  }
  ancestors(): ClassDesc[] {
    const out: ClassDesc[] = [];
    for (let c: ClassDesc | null = this; c; c = c.base) out.push(c);
    return out;
  }
  isSubclassOf(other: ClassDesc): boolean {
    return this.ancestors().includes(other);
  }
  /** The class (this or an ancestor) that declares a field. */
  fieldOwner(name: string): ClassDesc | null {
    return this.ancestors().find((c) => c.fields.has(name)) ?? null;
  }
  /** The nearest implementation of a method, looking up the chain. */
  lookupMethod(name: string): FunctionDesc | null {
    for (const c of this.ancestors()) {
      if (c.methods.has(name)) return c.methods.get(name)!;
    }
    return null;
  }
  /** Whether any class in the chain declares the method (abstract counts). */
  declaresMethod(name: string): boolean {
    return this.ancestors().some((c) => c.methods.has(name) || c.abstractMethods.has(name));
  }
  /** Every class at or below this one. */
  descendants(): ClassDesc[] {
    const out: ClassDesc[] = [this];
    for (const s of this.subclasses) out.push(...s.descendants());
    return out;
  }
  toString(): string {
    return this.name;
  }
}

export class EnumDesc {
  constructor(
    public name: string,
    public runtime: Record<string, unknown>,
  ) {}
}

export function commonBase(a: ClassDesc, b: ClassDesc): ClassDesc | null {
  if (a === b) return a;
  const anc = new Set(b.ancestors());
  return a.ancestors().find((c) => anc.has(c)) ?? null;
}
