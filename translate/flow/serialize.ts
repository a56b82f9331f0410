// Stable JSON form of flow graphs, for the per-function flow cache. Values that are
// load-time objects (functions, classes, prebuilt constants) are stored as references
// resolved against the loaded program: by function or class name, or by the module
// binding / static member they were read from.
import { Block, Constant, EXC_VALUE, FunctionGraph, LAST_EXCEPTION, Link, Operation, Variable, type Loc, type Value } from '../model/graph.ts';
import { ClassDesc, FunctionDesc, type ModuleInfo } from '../load/descs.ts';
import type { LoadedProgram } from '../load/loader.ts';
import { TypeSeed, constOrigin, signatureFromDecl, signatures } from './builder.ts';
import ts from 'typescript';

type Ref =
  | { v: number } // variable
  | { n: number; k: 'int' | 'float' | null; st?: 1 } // number
  | { nf: string; k: 'int' | 'float' | null } // NaN, ±Infinity, -0: not representable in JSON
  | { s: string }
  | { b: boolean }
  | { z: 'null' | 'undefined' | 'exc' }
  | { fd: string }
  | { cls: string }
  | { o: { mod: string; name: string } | { cls: string; name: string } };

interface SerialOp {
  op: string;
  args: Ref[];
  res: number;
  loc: [number, number];
  x: { s: string } | { cls: string } | { seed: [string, number, number] } | null;
}
interface SerialBlock {
  in: number[];
  ops: SerialOp[];
  sw: Ref | 'exc' | null;
  exits: { args: Ref[]; to: number | 'ret' | 'exc'; c: unknown }[];
}
interface SerialGraph {
  name: string;
  file: string;
  loc: [number, number];
  vars: string[];
  blocks: SerialBlock[];
  ret: number;
  exc: number;
}

export function serializeGraph(g: FunctionGraph): string {
  const vars = new Map<Variable, number>();
  const names: string[] = [];
  const vid = (v: Variable): number => {
    let i = vars.get(v);
    if (i === undefined) {
      i = names.length;
      vars.set(v, i);
      names.push(v.name);
    }
    return i;
  };
  const blocks = g.blocks().filter((b) => b !== g.returnblock && b !== g.exceptblock);
  const bid = new Map(blocks.map((b, i) => [b, i]));
  const ref = (x: Value): Ref => {
    if (x instanceof Variable) return { v: vid(x) };
    if (x === EXC_VALUE) return { z: 'exc' };
    const val = x.value;
    if (typeof val === 'number' && (!Number.isFinite(val) || Object.is(val, -0))) return { nf: Object.is(val, -0) ? '-0' : String(val), k: x.numKind };
    if (typeof val === 'number') return x.strict ? { n: val, k: x.numKind, st: 1 } : { n: val, k: x.numKind };
    if (typeof val === 'string') return { s: val };
    if (typeof val === 'boolean') return { b: val };
    if (val === null) return { z: 'null' };
    if (val === undefined) return { z: 'undefined' };
    if (val instanceof FunctionDesc) return { fd: val.name };
    if (val instanceof ClassDesc) return { cls: val.name };
    const origin = constOrigin.get(x);
    if (!origin) throw new Error(`flow cache: constant without origin in ${g.name}`);
    return { o: origin };
  };
  const ret = vid(g.returnblock.inputargs[0]);
  const exc = vid(g.exceptblock.inputargs[0]);
  const sg: SerialGraph = {
    name: g.name,
    file: g.loc.file,
    loc: [g.loc.line, g.loc.col],
    vars: names,
    ret,
    exc,
    blocks: blocks.map((b) => ({
      in: b.inputargs.map(vid),
      ops: b.operations.map((op) => ({
        op: op.opname,
        args: op.args.map(ref),
        res: vid(op.result),
        loc: [op.loc.line, op.loc.col],
        x: op.extra === null ? null : op.extra instanceof ClassDesc ? { cls: op.extra.name } : op.extra instanceof TypeSeed ? { seed: [op.extra.file, op.extra.pos, op.extra.end] } : { s: String(op.extra) },
      })),
      sw: b.exitswitch === LAST_EXCEPTION ? 'exc' : b.exitswitch === null ? null : ref(b.exitswitch),
      exits: b.exits.map((l) => ({
        args: l.args.map(ref),
        to: l.target === g.returnblock ? 'ret' : l.target === g.exceptblock ? 'exc' : bid.get(l.target)!,
        c: l.exitcase,
      })),
    })),
  };
  return JSON.stringify(sg);
}

interface Names {
  fnByName: Map<string, FunctionDesc>;
  clsByName: Map<string, ClassDesc>;
  modByPath: Map<string, ModuleInfo>;
}
/** The program's functions, classes and modules by the names graphs refer to them by: made once per program, not per graph (thousands of graphs). */
const namesOf = new WeakMap<LoadedProgram, Names>();
function names(prog: LoadedProgram): Names {
  let n = namesOf.get(prog);
  if (!n) {
    const fnByName = new Map([...prog.functionsByDecl.values()].map((f) => [f.name, f]));
    for (const c of prog.classes) fnByName.set(c.ctor.name, c.ctor);
    n = { fnByName, clsByName: new Map(prog.classes.map((c) => [c.name, c])), modByPath: new Map([...prog.modules.values()].map((m) => [m.relPath, m])) };
    namesOf.set(prog, n);
  }
  return n;
}

export function deserializeGraph(text: string, prog: LoadedProgram, fd: FunctionDesc): FunctionGraph {
  const sg = JSON.parse(text) as SerialGraph;
  const vars = sg.vars.map((n) => new Variable(n));
  const { fnByName, clsByName, modByPath } = names(prog);
  const val = (r: Ref): Value => {
    if ('v' in r) return vars[r.v];
    if ('n' in r) return new Constant(r.n, r.k, r.st === 1);
    if ('nf' in r) return new Constant(r.nf === '-0' ? -0 : Number(r.nf), r.k);
    if ('s' in r) return new Constant(r.s);
    if ('b' in r) return new Constant(r.b);
    if ('z' in r) return r.z === 'exc' ? EXC_VALUE : new Constant(r.z === 'null' ? null : undefined);
    if ('fd' in r) return new Constant(fnByName.get(r.fd)!);
    if ('cls' in r) return new Constant(clsByName.get(r.cls)!);
    const o = r.o;
    const value = 'mod' in o ? modByPath.get(o.mod)!.bindings.get(o.name) : (clsByName.get(o.cls)!.runtime as Record<string, unknown>)[o.name];
    const c = new Constant(value);
    constOrigin.set(c, o);
    return c;
  };
  const loc = (l: [number, number]): Loc => ({ file: sg.file, line: l[0], col: l[1] });
  const blocks = sg.blocks.map((b) => new Block(b.in.map((i) => vars[i])));
  const g = new FunctionGraph(sg.name, blocks[0], loc(sg.loc));
  g.returnblock.inputargs[0] = vars[sg.ret];
  g.exceptblock.inputargs[0] = vars[sg.exc];
  sg.blocks.forEach((sb, i) => {
    const b = blocks[i];
    b.operations = sb.ops.map(
      (o) => new Operation(o.op, o.args.map(val), vars[o.res], loc(o.loc), o.x === null ? null : 'cls' in o.x ? clsByName.get(o.x.cls)! : 'seed' in o.x ? findSeed(prog, o.x.seed) : o.x.s),
    );
    const exits = sb.exits.map((e) => new Link(e.args.map(val), e.to === 'ret' ? g.returnblock : e.to === 'exc' ? g.exceptblock : blocks[e.to], e.c));
    b.closeWith(exits, sb.sw === 'exc' ? LAST_EXCEPTION : sb.sw === null ? null : val(sb.sw));
  });
  signatures.set(g, signatureFromDecl(prog, fd));
  return g;
}

/** Finds the node a TypeSeed pointed at, by its file and exact span. */
function findSeed(prog: LoadedProgram, [file, pos, end]: [string, number, number]): TypeSeed {
  const sf = prog.tsProgram.getSourceFile(file);
  let found: ts.Node | null = null;
  const visit = (n: ts.Node): void => {
    if (found || n.pos > pos || n.end < end) return;
    if (n.pos === pos && n.end === end && (ts.isTypeNode(n) || ts.isNewExpression(n))) {
      found = n;
      return;
    }
    ts.forEachChild(n, visit);
  };
  if (sf) visit(sf);
  return new TypeSeed(file, pos, end, found);
}
