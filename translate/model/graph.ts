// The one flow-graph model of the translator. `flow` builds it, `annotate` decorates each
// Variable with an annotation, `rtype` adds a low-level type; no stage copies graphs.
// Graphs are in block-argument SSA form: every Block has input Variables, each Link passes
// one Value per input. Every Operation keeps the RTS source location it came from.

export interface Loc {
  file: string;
  line: number; // 1-based
  col: number; // 1-based
}

export function formatLoc(l: Loc): string {
  return `${l.file}:${l.line}:${l.col}`;
}

let nextVarId = 0;

export class Variable {
  readonly id: number;
  /** set by annotate: an annotation from annotate/model.ts */
  annotation: unknown = null;
  /** set by rtype: a low-level type from rtype/lltypes.ts */
  concretetype: unknown = null;
  constructor(public name: string) {
    this.id = nextVarId++;
  }
  toString(): string {
    return `v${this.id}_${this.name}`;
  }
}

/** int and float are both `number` at load time; the spelling of the literal decides. */
export type NumKind = 'int' | 'float';

export class Constant {
  annotation: unknown = null;
  concretetype: unknown = null;
  constructor(
    public value: unknown,
    /** only for numbers: how the literal was spelled */
    public numKind: NumKind | null = null,
    /** an int literal declared `int`: it may not silently become a float */
    public strict = false,
  ) {}
  toString(): string {
    return `const(${typeof this.value === 'string' ? JSON.stringify(this.value) : String(this.value)})`;
  }
}

export type Value = Variable | Constant;

export class Operation {
  constructor(
    public opname: string,
    public args: Value[],
    public result: Variable,
    public loc: Loc,
    /** op-specific data that is not a value: a field name, a class, a method name */
    public extra: unknown = null,
  ) {}
}

/** A Link from the exception exit of a block also carries the raised exception. */
export class Link {
  prevblock: Block | null = null;
  constructor(
    public args: Value[],
    public target: Block,
    /** for a switch: the case value; for an exception exit: 'exception'; else null */
    public exitcase: unknown = null,
  ) {}
}

/** The exitswitch value that makes the last operation's exception a branch. */
export const LAST_EXCEPTION = Symbol('last_exception');
/** The placeholder a Link passes for "the exception just raised". */
export const EXC_VALUE = new Constant(Symbol('exc_value'));

export class Block {
  operations: Operation[] = [];
  exits: Link[] = [];
  /** null: one exit; a Value: boolean switch (exits[0] false, exits[1] true); LAST_EXCEPTION */
  exitswitch: Value | typeof LAST_EXCEPTION | null = null;
  constructor(public inputargs: Variable[]) {}

  closeWith(exits: Link[], exitswitch: Block['exitswitch'] = null): void {
    this.exits = exits;
    this.exitswitch = exitswitch;
    for (const l of exits) l.prevblock = this;
  }
}

export class FunctionGraph {
  readonly returnblock: Block;
  readonly exceptblock: Block;
  constructor(
    public name: string,
    public startblock: Block,
    public loc: Loc,
  ) {
    this.returnblock = new Block([new Variable('result')]);
    this.exceptblock = new Block([new Variable('exc')]);
  }

  /** All blocks reachable from the start block, in a stable depth-first order. */
  blocks(): Block[] {
    const seen = new Set<Block>();
    const order: Block[] = [];
    const stack: Block[] = [this.startblock];
    while (stack.length) {
      const b = stack.pop()!;
      if (seen.has(b)) continue;
      seen.add(b);
      order.push(b);
      for (let i = b.exits.length - 1; i >= 0; i--) stack.push(b.exits[i].target);
    }
    return order;
  }

  operations(): Operation[] {
    return this.blocks().flatMap((b) => b.operations);
  }
}

export class GraphError extends Error {}

/** The invariant checker: run after every stage in tests. */
export function checkGraph(g: FunctionGraph): void {
  const fail = (msg: string): never => {
    throw new GraphError(`${g.name}: ${msg}`);
  };
  for (const b of g.blocks()) {
    const defined = new Set<Variable>(b.inputargs);
    // after an `unreachable` marker (rtype: a call that never returns) the rest is dead
    if (b.operations.some((op) => op.opname === 'unreachable')) continue;
    for (const op of b.operations) {
      for (const a of op.args) if (a instanceof Variable && !defined.has(a)) fail(`${op.opname} uses undefined ${a}`);
      if (defined.has(op.result)) fail(`${op.result} defined twice`);
      defined.add(op.result);
    }
    const final = b === g.returnblock || b === g.exceptblock;
    if (final && b.exits.length) fail('final block has exits');
    if (!final && b.exits.length === 0) fail('non-final block has no exits');
    if (b.exitswitch === null && b.exits.length > 1) fail('several exits without a switch');
    if (b.exitswitch instanceof Variable && !defined.has(b.exitswitch)) fail('exitswitch undefined');
    if (b.exitswitch === LAST_EXCEPTION && b.operations.length === 0) fail('exception switch without an operation');
    for (const l of b.exits) {
      if (l.prevblock !== b) fail('link prevblock mismatch');
      if (l.args.length !== l.target.inputargs.length) fail(`link passes ${l.args.length} args to ${l.target.inputargs.length} inputs`);
      for (const a of l.args) {
        if (a === EXC_VALUE) {
          if (l.exitcase !== 'exception') fail('exception value on a normal link');
        } else if (a instanceof Variable && !defined.has(a)) fail(`link passes undefined ${a}`);
      }
    }
  }
}
