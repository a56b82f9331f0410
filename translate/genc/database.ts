// genc's database (PyPy's translator/c/database.py): C names and types, the numbering of
// prebuilt constants (per C file), constant expressions, and which functions are inlined. The
// function emitter and the data emitter both print through it; it reads only what rtype hands
// over (RtypedProgram) and the low-level op table.
import { LAST_EXCEPTION, type FunctionGraph, type Operation } from '../model/graph.ts';
import { ClassDesc, FunctionDesc } from '../load/descs.ts';
import type { RtypedProgram } from '../rtype/rtyper.ts';
import { Bool, Float, Signed, Str, cIdent, isGc, type ElemKind, type LLType } from '../rtype/lltypes.ts';
import { llop, opCanCollect } from '../rtype/lloperation.ts';
import { inlineSmallCalls } from './inline.ts';

export function ctype(t: LLType): string {
  switch (t.k) {
    case 'Signed':
      return 'int64_t';
    case 'Float':
      return 'double';
    case 'Bool':
      return 'bool';
    case 'Void':
      return 'int8_t';
    case 'Ptr':
      return 'void *';
    case 'Str':
      return 'rts_str *';
    case 'Inst':
      return `struct inst_${cIdent(t.cls.name)} *`;
    case 'List':
      return 'rts_list *';
    case 'Dict':
      return 'rts_dict *';
  }
}

export function cFloat(x: number): string {
  if (Number.isNaN(x)) return 'NAN';
  if (x === Infinity) return 'INFINITY';
  if (x === -Infinity) return '(-INFINITY)';
  if (Object.is(x, -0)) return '(-0.0)';
  let s = String(x);
  if (!/[.eE]/.test(s)) s += '.0';
  return x < 0 ? `(${s})` : s;
}

export function cInt(x: number): string {
  if (!Number.isInteger(x)) throw new Error(`genc: ${x} is not an integer`);
  // -2^63 has no positive counterpart to negate
  if (x === -9223372036854775808) return '(-INT64_C(9223372036854775807) - 1)';
  // digits from BigInt: String(x) rounds an int beyond 2^53 to 17 significant digits
  // (2^62 would print as 4611686018427388000)
  const digits = BigInt(Math.abs(x)).toString();
  return x < 0 ? `(-INT64_C(${digits}))` : `INT64_C(${digits})`;
}

export const ELEM_LL: Record<ElemKind, LLType> = { I64: Signed, F64: Float, BOOL: Bool, STR: Str, PTR: { k: 'Ptr' } };

export function cString(s: string): string {
  return JSON.stringify(s).replace(/\?/g, '\\?');
}

export class Database {
  private pbcIndex = new Map<unknown, number>();
  /** prebuilt constants in order of first use: strings, lists, Maps, instances */
  readonly pbcList: unknown[] = [];
  private strKey = (s: string): string => `\0str:${s}`;

  /** Small leaf functions (constructors, getters, tests), defined `static inline` in
   * program.h so that gcc inlines them across modules: see findInlinable. */
  inlinable: Set<FunctionDesc>;
  /** call sites the graph inliner replaced by the callee's blocks */
  readonly inlinedSites: number;

  constructor(
    readonly rp: RtypedProgram,
    /** os.buildId()'s answer (translate/rlib/os.ts) */
    readonly buildId: string = '',
  ) {
    this.inlinable = this.findInlinable();
    // the header's leaves stay calls (gcc inlines those); after the graph inliner, a caller
    // may have become a leaf itself
    this.inlinedSites = inlineSmallCalls(rp, this.inlinable);
    if (this.inlinedSites) this.inlinable = this.findInlinable();
  }

  /**
   * A function is inlined when it is small, never allocates, raises or catches, and calls only
   * functions that are inlined themselves (so a constructor chain qualifies). Such a function
   * needs no shadow-stack frame and no depth check (it cannot recurse), and a call to it is
   * neither a collection point nor an exception check for its caller. Its C moves to the
   * header: an edit to it recompiles every module, which is why only tiny ones qualify.
   */
  private findInlinable(): Set<FunctionDesc> {
    // each graph is read once: what it needs besides being small and plain is that the
    // functions it calls are inlined; then a fixpoint over those calls alone
    const needs = new Map<FunctionDesc, FunctionDesc[]>();
    for (const fd of this.rp.functions) {
      if (fd === this.rp.main) continue;
      const blocks = this.graph(fd).blocks();
      if (blocks.length > INLINE_MAX_BLOCKS) continue;
      let ops = 0;
      let ok = true;
      const callees: FunctionDesc[] = [];
      for (const b of blocks) {
        if (b.exitswitch === LAST_EXCEPTION) ok = false;
        for (const op of b.operations) {
          if (!ok) break;
          ops++;
          const info = llop(op.opname);
          if (!opCanCollect(op.opname, op.extra) && !info.canRaise && op.opname !== 'unreachable') continue;
          if (op.opname === 'direct_call' && op.extra !== fd) callees.push(op.extra as FunctionDesc);
          else ok = false;
        }
        if (!ok) break;
      }
      if (ok && ops <= INLINE_MAX_OPS) needs.set(fd, callees);
    }
    const out = new Set<FunctionDesc>();
    for (let changed = true; changed; ) {
      changed = false;
      for (const [fd, callees] of needs) {
        if (out.has(fd) || !callees.every((c) => out.has(c))) continue;
        out.add(fd);
        changed = true;
      }
    }
    return out;
  }

  /**
   * Whether fd can call generated code (so recurse): a call to a function that is not an
   * inlined leaf, a virtual call, or a jump into JIT code (which calls helpers). A function
   * that cannot needs no depth check: its own frame is the deepest it goes.
   */
  callsOut(fd: FunctionDesc): boolean {
    for (const b of this.graph(fd).blocks())
      for (const op of b.operations) {
        if (op.opname === 'indirect_call' || op.opname === 'execmem.call') return true;
        if (op.opname === 'direct_call' && !this.inlinable.has(op.extra as FunctionDesc)) return true;
      }
    return false;
  }

  /**
   * Small enough that gcc should inline it into callers in the same C file, though it keeps
   * its frame (it may collect or raise): marked `inline` on its definition, which program.h's
   * prototype keeps an external definition (C99 6.7.4), so other files still call it.
   */
  inlineHint(fd: FunctionDesc): boolean {
    if (fd === this.rp.main || this.inlinable.has(fd)) return false;
    let ops = 0;
    const blocks = this.graph(fd).blocks();
    if (blocks.length > HINT_MAX_BLOCKS) return false;
    for (const b of blocks) ops += b.operations.length;
    return ops <= HINT_MAX_OPS;
  }

  /** Whether op may run the collector (a call to an inlined leaf cannot). */
  mayCollect(op: Operation): boolean {
    if (op.opname === 'direct_call' && this.inlinable.has(op.extra as FunctionDesc)) return false;
    return opCanCollect(op.opname, op.extra);
  }

  /** Whether op may leave an exception pending (a call to an inlined leaf cannot). */
  mayRaise(op: Operation): boolean {
    if (op.opname === 'direct_call') return !this.inlinable.has(op.extra as FunctionDesc);
    return llop(op.opname).canRaise;
  }

  // ---- names, types ----------------------------------------------------------------

  fn(fd: FunctionDesc): string {
    return `fn_${cIdent(fd.name)}`;
  }

  graph(fd: FunctionDesc): FunctionGraph {
    return this.rp.graphs.get(fd)!;
  }

  private retType(fd: FunctionDesc): LLType {
    return this.graph(fd).returnblock.inputargs[0].concretetype as LLType;
  }

  private paramTypes(fd: FunctionDesc): LLType[] {
    return this.graph(fd).startblock.inputargs.map((v) => v.concretetype as LLType);
  }

  prototype(fd: FunctionDesc): string {
    const ps = this.paramTypes(fd).map((t, i) => `${ctype(t)} p${i}`);
    return `${ctype(this.retType(fd))} ${this.fn(fd)}(${ps.length ? ps.join(', ') : 'void'})`;
  }

  /** The C file being emitted: its prebuilt constants are numbered per file, so that a new
   * constant in one module leaves every other module's C (and object file) unchanged. */
  curFile: string | null = null;
  readonly filePbc = new Map<string, { index: Map<number, number>; list: number[] }>();

  fileArray(file: string): string {
    return `rts_pbc_${file.replace(/\.c$/, '').replace(/[^A-Za-z0-9_]/g, '_')}`;
  }

  /** A C lvalue for prebuilt constant v, as seen from the current file. */
  private pbcRef(v: unknown): string {
    const g = this.pbc(v);
    if (this.curFile === null) return `rts_pbc[${g}]`;
    let f = this.filePbc.get(this.curFile);
    if (!f) this.filePbc.set(this.curFile, (f = { index: new Map(), list: [] }));
    let k = f.index.get(g);
    if (k === undefined) {
      k = f.list.length;
      f.index.set(g, k);
      f.list.push(g);
    }
    return `${this.fileArray(this.curFile)}[${k}]`;
  }

  private pbc(v: unknown): number {
    const key = typeof v === 'string' ? this.strKey(v) : v;
    let i = this.pbcIndex.get(key);
    if (i === undefined) {
      i = this.pbcList.length;
      this.pbcIndex.set(key, i);
      this.pbcList.push(v);
    }
    return i;
  }

  /** A C expression for a load-time value as type `want`. */
  constExpr(value: unknown, want: LLType | null, numKind: 'int' | 'float' | null = null): string {
    if (value === null || value === undefined) {
      if (want && isGc(want)) return `((${ctype(want)})NULL)`;
      // undefined as an int or float: a sentinel outside the RTS value range
      return want?.k === 'Float' ? 'RTS_UNDEF_F' : want?.k === 'Signed' ? 'RTS_UNDEF_I' : '0';
    }
    if (typeof value === 'number') {
      if (want?.k === 'Float' || (!want && numKind === 'float')) return cFloat(value);
      if (want?.k === 'Bool') return value ? 'true' : 'false';
      if (!Number.isInteger(value)) return cFloat(value);
      return cInt(value);
    }
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    if (typeof value === 'string') return `((rts_str *)${this.pbcRef(value)})`;
    if (typeof value === 'symbol') return '0';
    if (value instanceof FunctionDesc || value instanceof ClassDesc) return '0';
    const t = want && isGc(want) ? ctype(want) : 'void *';
    return `((${t})${this.pbcRef(value)})`;
  }

  // ---- functions -----------------------------------------------------------------
}

/** limits for findInlinable: about a constructor chain with a few fields */
const INLINE_MAX_OPS = 24;
const INLINE_MAX_BLOCKS = 6;
/* small functions that keep a frame: inlined by gcc within their C file (see inlineHint) */
const HINT_MAX_OPS = 16;
const HINT_MAX_BLOCKS = 8;
