// genc's function emitter (PyPy's translator/c/funcgen.py): one low-level graph as one C
// function: locals, shadow-stack roots before operations that can collect, a check of rts_exc
// after operations that can raise (both from the low-level op table), blocks as labels, links
// as parallel moves, and one C expression per operation.
import { Block, Constant, EXC_VALUE, FunctionGraph, LAST_EXCEPTION, Link, Operation, Variable, formatLoc, type Value } from '../model/graph.ts';
import type { FunctionDesc } from '../load/descs.ts';
import { RtsError } from '../errors.ts';
import { ELEM_CTYPE, Float, Signed, Str, Bool, isGc, sameLL, type ClassLayout, type ElemKind, type FieldLayout, type LLType } from '../rtype/lltypes.ts';
import { llop } from '../rtype/lloperation.ts';
import { ELEM_LL, cFloat, cInt, cString, ctype, type Database } from './database.ts';

export class FunctionEmitter {
  private locals = new Map<Variable, string>();
  /** GC references to store in the shadow stack before an operation that may collect */
  private spills = new Map<Operation, Variable[]>();
  private maxSpill = 0;
  private blockIds = new Map<Block, number>();
  private lines: string[] = [];

  constructor(
    private gen: Database,
    private fd: FunctionDesc,
    private g: FunctionGraph,
    /** defined static inline in program.h: no depth check (it makes no calls that could recurse) */
    private inline: boolean,
  ) {}

  /**
   * Shadow-stack roots: before an operation that may allocate (and so collect), every GC
   * reference that is still needed afterwards, plus the operation's own GC arguments, is
   * stored in the frame. In block-argument SSA a block only uses its own inputs and
   * results, so liveness is local to the block.
   */
  private computeSpills(b: Block): void {
    const lastUse = new Map<Variable, number>();
    const end = b.operations.length;
    b.operations.forEach((op, i) => op.args.forEach((a) => a instanceof Variable && lastUse.set(a, i)));
    for (const l of b.exits) for (const a of l.args) if (a instanceof Variable) lastUse.set(a, end);
    if (b.exitswitch instanceof Variable) lastUse.set(b.exitswitch, end);
    const defined: Variable[] = b.inputargs.filter((v) => isGc(this.t(v)));
    b.operations.forEach((op, i) => {
      if (this.gen.mayCollect(op) || this.isOomSafePoint(op)) {
        const set = new Set<Variable>();
        for (const v of defined) if ((lastUse.get(v) ?? -1) > i) set.add(v);
        for (const a of op.args) if (a instanceof Variable && isGc(this.t(a))) set.add(a);
        const list = [...set];
        this.spills.set(op, list);
        this.maxSpill = Math.max(this.maxSpill, list.length);
      }
      if (isGc(this.t(op.result))) defined.push(op.result);
    });
  }

  private t(v: Value): LLType {
    return (v.concretetype as LLType) ?? { k: 'Void' };
  }

  private ref(v: Variable): string {
    return this.locals.get(v) ?? '0';
  }

  private convert(expr: string, have: LLType, want: LLType | null): string {
    if (!want || sameLL(have, want)) return expr;
    if (have.k === 'Void') return isGc(want) ? `((${ctype(want)})NULL)` : '0';
    if (have.k === 'Signed' && want.k === 'Float') return `((double)${expr})`;
    if (isGc(want) && isGc(have)) return `((${ctype(want)})${expr})`;
    if (want.k === 'Bool' && have.k === 'Signed') return `(${expr} != 0)`;
    return expr;
  }

  val(v: Value, want: LLType | null = null): string {
    if (v instanceof Constant) return this.gen.constExpr(v.value, want ?? this.t(v), v.numKind);
    return this.convert(this.ref(v), this.t(v), want);
  }

  private assign(v: Variable, expr: string): string {
    const l = this.locals.get(v);
    if (l) return `${l} = ${expr};`;
    return `(void)(${expr});`;
  }

  private where(op: Operation): string {
    return cString(formatLoc(op.loc));
  }

  emit(): string {
    const g = this.g;
    const blocks = g.blocks().filter((b) => b !== g.returnblock && b !== g.exceptblock);
    blocks.forEach((b, i) => this.blockIds.set(b, i));
    const vars: Variable[] = [];
    for (const b of [...blocks, g.returnblock]) {
      vars.push(...b.inputargs);
      for (const op of b.operations) vars.push(op.result);
    }
    const decls: string[] = [];
    for (const v of vars) {
      if (this.locals.has(v)) continue;
      const t = this.t(v);
      if (t.k === 'Void') continue;
      const name = `v${this.locals.size}`; // per-function numbering keeps the C independent of other translations
      this.locals.set(v, name);
      decls.push(`  ${ctype(t)} ${name}${isGc(t) ? ' = NULL' : ''};`);
    }
    for (const b of blocks) this.computeSpills(b);
    const ret = g.returnblock.inputargs[0];
    const rt = this.t(ret);
    const ng = this.maxSpill;
    const L = this.lines;
    // A function that cannot call generated code cannot recurse: no depth check. The check
    // is also where a pending MemoryError is raised (rts.h: rts_oom_pending); such a function
    // that allocates tests for that alone, so that a loop calling it still reaches a safe point.
    const depthCheck = !this.inline && this.gen.callsOut(this.fd);
    const oomCheck = !this.inline && !depthCheck && blocks.some((b) => b.operations.some((op) => this.gen.mayCollect(op)));
    L.push(`${this.inline ? 'static inline ' : this.gen.inlineHint(this.fd) ? 'inline ' : ''}${ctype(rt)} ${this.gen.fn(this.fd)}(${g.startblock.inputargs.map((v, i) => `${ctype(this.t(v))} p${i}`).join(', ') || 'void'}) {`);
    if (ng) {
      // no slot is initialised: the frame declares no roots until an operation that may
      // collect stores its live references and their count (emitBlock)
      L.push(`  void *gc_[${ng}];`);
      L.push(`  rts_frame fr_ = {rts_top_frame, 0, gc_};`);
    }
    L.push(...decls);
    if (ng) L.push('  rts_top_frame = &fr_;');
    if (depthCheck) L.push('  if (RTS_UNLIKELY(++rts_depth > rts_max_depth)) { rts_raise_stack_overflow(); goto fail_; }');
    else if (oomCheck) L.push('  if (RTS_UNLIKELY(rts_oom_pending)) { rts_raise_stack_overflow(); goto fail_; }');
    g.startblock.inputargs.forEach((v, i) => {
      if (this.t(v).k !== 'Void') L.push(`  ${this.assign(v, `p${i}`)}`);
    });
    for (const b of blocks) this.emitBlock(b);
    L.push('ret_:');
    if (depthCheck) L.push('  rts_depth--;');
    if (ng) L.push('  rts_top_frame = fr_.prev;');
    L.push(`  return ${rt.k === 'Void' ? '0' : this.ref(ret)};`);
    if (!this.inline) {
      L.push('fail_:');
      if (depthCheck) L.push('  rts_depth--;');
      if (ng) L.push('  rts_top_frame = fr_.prev;');
      L.push(`  return ${isGc(rt) ? 'NULL' : '0'};`);
    }
    L.push('}');
    return L.join('\n') + '\n';
  }

  /**
   * Creating an object through an inlined constructor is a safe point for heap exhaustion
   * (rts.h: rts_oom_pending), as entering a function is: otherwise a loop that only builds
   * objects would run past the reserve. The check sits after the constructor call, which is
   * the operation the flow graph routes to a surrounding catch.
   */
  private isOomSafePoint(op: Operation): boolean {
    if (this.inline || op.opname !== 'direct_call') return false;
    const fd = op.extra as FunctionDesc;
    return fd.kind === 'ctor' && this.gen.inlinable.has(fd);
  }

  private emitBlock(b: Block): void {
    const L = this.lines;
    L.push(`block${this.blockIds.get(b)}: ;`);
    if (this.gen.rp.unreachable.has(b)) {
      L.push(`  rts_fatal("unreachable block in %s", ${cString(this.fd.name)});`);
      return;
    }
    const lastIdx = b.operations.length - 1;
    b.operations.forEach((op, i) => {
      // exactly the references live across this operation: a slot left over from an earlier
      // operation would keep a dead object alive (a Python object's finalizer or weak-reference
      // callback would run late or never)
      const spill = this.spills.get(op);
      if (spill && this.maxSpill) L.push(`  ${[...spill.map((v, k) => `gc_[${k}] = (void *)${this.ref(v)};`), `fr_.n = ${spill.length};`].join(' ')}`);
      L.push(`  ${this.opCode(op)}`);
      if (this.isOomSafePoint(op)) L.push('  if (RTS_UNLIKELY(rts_oom_pending)) rts_raise_stack_overflow();');
      if ((this.gen.mayRaise(op) || this.isOomSafePoint(op)) && !(i === lastIdx && b.exitswitch === LAST_EXCEPTION)) L.push('  if (RTS_UNLIKELY(rts_exc != NULL)) goto fail_;');
    });
    if (b.exitswitch === LAST_EXCEPTION) {
      const [normal, exc] = b.exits;
      L.push('  if (RTS_UNLIKELY(rts_exc != NULL)) {');
      L.push('    rts_obj *e_ = rts_exc;');
      L.push('    rts_exc = NULL;');
      this.emitLink(exc, '    ', 'e_');
      L.push('  }');
      this.emitLink(normal, '  ');
      return;
    }
    if (b.exitswitch === null) {
      this.emitLink(b.exits[0], '  ');
      return;
    }
    if (b.exitswitch instanceof Constant) {
      const l = b.exits.find((x) => x.exitcase === (b.exitswitch as Constant).value)!;
      this.emitLink(l, '  ');
      return;
    }
    if (b.exits.some((l) => l.exitcase === 'default')) {
      // a multi-way switch on an int: C's switch, which gcc turns into a jump table
      const isInt = this.t(b.exitswitch).k === 'Signed';
      const disc = this.val(b.exitswitch, isInt ? Signed : Float);
      if (isInt) L.push(`  switch (${disc}) {`);
      b.exits.forEach((l, i) => {
        if (isInt) L.push(l.exitcase === 'default' ? '  default: {' : `  case ${cInt(l.exitcase as number)}: {`);
        else L.push(l.exitcase === 'default' ? '  {' : `  ${i ? 'else ' : ''}if (${disc} == ${cFloat(l.exitcase as number)}) {`);
        this.emitLink(l, '    ');
        L.push('  }');
      });
      if (isInt) L.push('  }');
      return;
    }
    const [f, t] = b.exits;
    L.push(`  if (${this.val(b.exitswitch, Bool)}) {`);
    this.emitLink(t, '    ');
    L.push('  } else {');
    this.emitLink(f, '    ');
    L.push('  }');
  }

  private emitLink(l: Link, ind: string, excVar: string | null = null): void {
    const L = this.lines;
    const g = this.g;
    const argExpr = (a: Value, want: LLType): string => (a === EXC_VALUE ? `((${ctype(want)})${excVar ?? 'NULL'})` : this.val(a, want));
    if (l.target === g.returnblock) {
      const ret = g.returnblock.inputargs[0];
      if (this.t(ret).k !== 'Void') L.push(`${ind}${this.assign(ret, argExpr(l.args[0], this.t(ret)))}`);
      L.push(`${ind}goto ret_;`);
      return;
    }
    if (l.target === g.exceptblock) {
      L.push(`${ind}rts_exc = (rts_obj *)(${argExpr(l.args[0], { k: 'Ptr' })});`);
      L.push(`${ind}goto fail_;`);
      return;
    }
    const moves: [Variable, string][] = [];
    l.target.inputargs.forEach((v, i) => {
      const t = this.t(v);
      if (t.k === 'Void') return;
      const src = argExpr(l.args[i], t);
      if (src === this.ref(v)) return;
      moves.push([v, src]);
    });
    if (moves.length === 1 || (moves.length > 1 && !l.prevblock?.exits.some(() => l.target === l.prevblock))) {
      // the target's inputs are not read by the sources unless the link loops to its own block
      for (const [v, src] of moves) L.push(`${ind}${this.assign(v, src)}`);
    } else if (moves.length > 1) {
      // parallel assignment through temporaries
      L.push(`${ind}{`);
      moves.forEach(([v, src], i) => L.push(`${ind}  ${ctype(this.t(v))} m${i}_ = ${src};`));
      moves.forEach(([v], i) => L.push(`${ind}  ${this.assign(v, `m${i}_`)}`));
      L.push(`${ind}}`);
    }
    L.push(`${ind}goto block${this.blockIds.get(l.target)};`);
  }

  // ---- operations ----------------------------------------------------------------

  private opCode(op: Operation): string {
    const r = op.result;
    const R = this.t(r);
    const A = (i: number, want: LLType | null = null): string => this.val(op.args[i], want);
    const set = (expr: string): string => this.assign(r, expr);
    const S = Signed;
    const F = Float;
    const bin = (sym: string, want: LLType): string => set(`(${A(0, want)} ${sym} ${A(1, want)})`);
    switch (op.opname) {
      case 'same_as':
        return set(A(0, R));
      case 'cast_ptr':
        return isGc(R) ? set(`((${ctype(R)})${A(0)})`) : set(A(0, R));
      case 'int_add':
        return bin('+', S);
      case 'int_sub':
        return bin('-', S);
      case 'int_mul':
        return bin('*', S);
      case 'int_neg':
        return set(`(-${A(0, S)})`);
      case 'int_mod':
        return set(`rts_js_imod(${A(0, S)}, ${A(1, S)})`);
      case 'int_pow':
        return set(`rts_ipow(${A(0, S)}, ${A(1, S)})`);
      case 'int_and':
        return set(`rts_i32(${A(0, S)} & ${A(1, S)})`);
      case 'int_or':
        return set(`rts_i32(${A(0, S)} | ${A(1, S)})`);
      case 'int_xor':
        return set(`rts_i32(${A(0, S)} ^ ${A(1, S)})`);
      case 'float_toint32':
        return set(`rts_f2i32(${A(0, F)})`);
      case 'int_invert':
        return set(`rts_i32(~${A(0, S)})`);
      case 'int_lshift':
        return set(`rts_shl(${A(0, S)}, ${A(1, S)})`);
      case 'int_rshift':
        return set(`rts_sar(${A(0, S)}, ${A(1, S)})`);
      case 'int_urshift':
        return set(`rts_shr(${A(0, S)}, ${A(1, S)})`);
      case 'int_eq':
        return bin('==', S);
      case 'int_ne':
        return bin('!=', S);
      case 'int_lt':
        return bin('<', S);
      case 'int_le':
        return bin('<=', S);
      case 'int_gt':
        return bin('>', S);
      case 'int_ge':
        return bin('>=', S);
      case 'float_add':
        return bin('+', F);
      case 'float_sub':
        return bin('-', F);
      case 'float_mul':
        return bin('*', F);
      case 'float_div':
        return bin('/', F);
      case 'float_neg':
        return set(`(-${A(0, F)})`);
      case 'float_mod':
        return set(`fmod(${A(0, F)}, ${A(1, F)})`);
      case 'float_pow':
        return set(`rts_js_pow(${A(0, F)}, ${A(1, F)})`);
      case 'float_eq':
        return bin('==', F);
      case 'float_ne':
        return bin('!=', F);
      case 'float_lt':
        return bin('<', F);
      case 'float_le':
        return bin('<=', F);
      case 'float_gt':
        return bin('>', F);
      case 'float_ge':
        return bin('>=', F);
      case 'bool_eq':
        return bin('==', Bool);
      case 'bool_ne':
        return bin('!=', Bool);
      case 'bool_not':
        return set(`(!${A(0, Bool)})`);
      case 'int_is_true':
        return set(`(${A(0, S)} != 0)`);
      case 'int_is_true_nullable':
        return set(`(${A(0, S)} != 0 && ${A(0, S)} != RTS_UNDEF_I)`);
      case 'float_is_true_nullable':
        return set(`(rts_f_truth(${A(0, F)}) && !rts_f_undef(${A(0, F)}))`);
      case 'int_is_undef':
        return set(`(${A(0, S)} == RTS_UNDEF_I)`);
      case 'int_is_defined':
        return set(`(${A(0, S)} != RTS_UNDEF_I)`);
      case 'float_is_undef':
        return set(`rts_f_undef(${A(0, F)})`);
      case 'float_is_defined':
        return set(`(!rts_f_undef(${A(0, F)}))`);
      case 'float_is_true':
        return set(`rts_f_truth(${A(0, F)})`);
      case 'str_is_true':
        return set(`rts_s_truth(${A(0)})`);
      case 'ptr_nonzero':
        return set(`((void *)${A(0)} != NULL)`);
      case 'ptr_iszero':
        return set(`((void *)${A(0)} == NULL)`);
      case 'ptr_eq':
        return set(`((void *)${A(0)} == (void *)${A(1)})`);
      case 'ptr_ne':
        return set(`((void *)${A(0)} != (void *)${A(1)})`);
      case 'str_eq':
        return set(this.strEq(op));
      case 'str_ne':
        return set(`(!${this.strEq(op)})`);
      case 'str_lt':
      case 'str_le':
      case 'str_gt':
      case 'str_ge': {
        const sym = { str_lt: '<', str_le: '<=', str_gt: '>', str_ge: '>=' }[op.opname];
        return set(`(rts_scmp(${A(0)}, ${A(1)}) ${sym} 0)`);
      }
      case 'str_concat':
        return set(`rts_str_concat(${A(0)}, ${A(1)})`);
      case 'int_to_str':
        return set(`rts_str_from_int(${A(0, S)})`);
      case 'float_to_str':
        return set(`rts_str_from_float(${A(0, F)})`);
      case 'bool_to_str':
        return set(`rts_str_from_bool(${A(0, Bool)})`);
      case 'null_to_str':
        return set(this.gen.constExpr('null', Str));
      case 'str_or_null':
        return set(`(${A(0)} != NULL ? ${A(0)} : ${this.gen.constExpr('null', Str)})`);
      case 'str_len':
        return set(`((rts_str *)rts_nn(${A(0)}, ${this.where(op)}))->len`);
      case 'list_len':
        return set(`((rts_list *)rts_nn(${A(0)}, ${this.where(op)}))->len`);
      case 'dict_size':
        return set(`rts_dict_size(${A(0)})`);
      case 'instanceof': {
        const l = op.extra as ClassLayout;
        return set(`rts_tid_in(${A(0)}, ${l.tid}, ${l.subHi})`);
      }
      case 'newlist': {
        const elem = (R as { elem: ElemKind }).elem;
        const { tid, item: itemLL } = op.extra as { tid: number; item: LLType };
        const fills = op.args.map((_, i) => `RTS_LIST_ITEMS(l_, ${ELEM_CTYPE[elem]})[${i}] = ${this.val(op.args[i], itemLL)}; `).join('');
        return set(`({ rts_list *l_ = rts_list_new(${tid}, ${op.args.length}); ${fills}l_; })`);
      }
      case 'newdict':
        return set(`rts_dict_new(${op.extra as number})`);
      case 'malloc': {
        const l = op.extra as ClassLayout;
        return set(`(struct inst_${l.cname} *)rts_alloc(${l.tid}, sizeof(struct inst_${l.cname}))`);
      }
      case 'getfield': {
        const { field, layout, nullable } = op.extra as { field: FieldLayout; layout: ClassLayout; nullable: boolean };
        const obj = nullable ? `rts_nn(${A(0)}, ${this.where(op)})` : A(0);
        return set(this.convert(`((struct inst_${layout.cname} *)${obj})->${field.cname}`, field.type, R));
      }
      case 'setfield': {
        const { field, layout, nullable } = op.extra as { field: FieldLayout; layout: ClassLayout; nullable: boolean };
        const obj = nullable ? `rts_nn(${A(0)}, ${this.where(op)})` : A(0);
        return `((struct inst_${layout.cname} *)${obj})->${field.cname} = ${A(1, field.type)};`;
      }
      case 'oom_safepoint':
        return 'if (RTS_UNLIKELY(rts_oom_pending)) rts_raise_stack_overflow();';
      case 'direct_call': {
        const fd = op.extra as FunctionDesc;
        const g = this.gen.graph(fd);
        const ps = g.startblock.inputargs.map((v) => v.concretetype as LLType);
        if (ps.length !== op.args.length) throw new RtsError('E_ARGS', `${fd.name} takes ${ps.length} argument(s), got ${op.args.length}`, op.loc);
        const call = `${this.gen.fn(fd)}(${op.args.map((x, i) => this.val(x, ps[i])).join(', ')})`;
        const rt = g.returnblock.inputargs[0].concretetype as LLType;
        return set(this.convert(call, rt, R));
      }
      case 'indirect_call': {
        const { slot, proto } = op.extra as { slot: number; proto: FunctionDesc };
        const g = this.gen.graph(proto);
        const ps = g.startblock.inputargs.map((v) => v.concretetype as LLType);
        const rt = g.returnblock.inputargs[0].concretetype as LLType;
        const fnType = `${ctype(rt)} (*)(${['void *', ...ps.slice(1).map(ctype)].join(', ')})`;
        const self = `rts_nn(${A(0)}, ${this.where(op)})`;
        const call = `((${fnType})rts_vtables[((rts_obj *)${self})->tid][${slot}])(${[self, ...op.args.slice(1).map((x, i) => this.val(x, ps[i + 1]))].join(', ')})`;
        return set(this.convert(call, rt, R));
      }
      case 'list_getitem': {
        const elem = (this.t(op.args[0]) as { elem: ElemKind }).elem;
        const l = A(0);
        return set(this.convert(`RTS_LIST_ITEMS(${l}, ${ELEM_CTYPE[elem]})[rts_idx(${l}, ${A(1, S)})]`, elem === 'PTR' ? { k: 'Ptr' } : ELEM_LL[elem], R));
      }
      case 'list_setitem': {
        const elem = (this.t(op.args[0]) as { elem: ElemKind }).elem;
        const l = A(0);
        return `RTS_LIST_ITEMS(${l}, ${ELEM_CTYPE[elem]})[rts_idx(${l}, ${A(1, S)})] = ${A(2, elem === 'PTR' ? (op.extra as { item: LLType }).item : ELEM_LL[elem])};`;
      }
      case 'list_setlen':
        return `rts_list_set_length(${A(0)}, ${A(1, S)});`;
      case 'list_push': {
        const elem = (this.t(op.args[0]) as { elem: ElemKind }).elem;
        const fnName = { I64: 'i64', F64: 'f64', BOOL: 'bool', PTR: 'ptr', STR: 'ptr' }[elem];
        const l = `((rts_list *)rts_nn(${A(0)}, ${this.where(op)}))`;
        return set(`(rts_push_${fnName}(${l}, ${A(1, elem === 'PTR' ? (op.extra as { item: LLType }).item : ELEM_LL[elem])}), ${l}->len)`);
      }
      case 'str_getitem':
        return set(`rts_str_char_at(${A(0)}, ${A(1, S)})`);
      case 'dict_next':
        return set(`({ int64_t p_ = ${A(1, S)}; void *k_, *v_; rts_dict_next(${A(0)}, &p_, &k_, &v_) ? p_ : (int64_t)-1; })`);
      case 'dict_key':
      case 'dict_value': {
        const d = this.t(op.args[0]) as { key: ElemKind; value: ElemKind };
        const kind = op.opname === 'dict_key' ? d.key : d.value;
        const pick = op.opname === 'dict_key' ? 'k_' : 'v_';
        return set(`({ int64_t p_ = ${A(1, S)}; void *k_ = NULL, *v_ = NULL; rts_dict_next(${A(0)}, &p_, &k_, &v_); (${ctype(R)})*(${ELEM_CTYPE[kind]} *)${pick}; })`);
      }
      case 'unreachable':
        return `rts_fatal("unreachable code at %s", ${this.where(op)});`;
      case 'builtin':
        return this.builtin(op);
      case 'str_method':
        return this.strMethod(op);
      case 'list_method':
        return this.listMethod(op);
      case 'dict_method':
        return this.dictMethod(op);
      case 'int_method':
      case 'float_method':
      case 'bool_method': {
        const name = (op.extra as { name: string }).name;
        const t = this.t(op.args[0]);
        if (name === 'toString' && op.args.length === 2) return set(`rts_int_to_str_radix(${A(0)}, ${A(1, S)})`);
        if (name === 'toString') return set(t.k === 'Signed' ? `rts_str_from_int(${A(0)})` : t.k === 'Float' ? `rts_str_from_float(${A(0)})` : `rts_str_from_bool(${A(0)})`);
        if (name === 'toFixed') return set(`rts_float_to_fixed(${A(0, F)}, ${A(1, S)})`);
        if (name === 'toExponential') return set(`rts_float_to_exponential(${A(0, F)}, ${op.args.length > 1 ? A(1, S) : '-1'})`);
        break;
      }
    }
    if (llop(op.opname).prim) return this.prim(op);
    throw new RtsError('E_UNSUPPORTED', `genc: low-level operation ${op.opname}`, op.loc);
  }

  /** A string from an int/float/bool/string value, for console.log and String(). */
  private toStrExpr(v: Value): string {
    const t = this.t(v);
    if (t.k === 'Str') return `(${this.val(v)} != NULL ? ${this.val(v)} : ${this.gen.constExpr('null', Str)})`;
    if (t.k === 'Signed') return `rts_str_from_int(${this.val(v)})`;
    if (t.k === 'Float') return `rts_str_from_float(${this.val(v)})`;
    if (t.k === 'Bool') return `rts_str_from_bool(${this.val(v)})`;
    return this.gen.constExpr('null', Str);
  }

  private builtin(op: Operation): string {
    const name = (op.extra as { name: string }).name;
    const set = (e: string): string => this.assign(op.result, e);
    const R = this.t(op.result);
    const A = (i: number, want: LLType | null = null): string => this.val(op.args[i], want);
    const T0 = op.args.length ? this.t(op.args[0]) : null;
    const isInt = T0?.k === 'Signed' && R.k === 'Signed';
    switch (name) {
      case 'console.log':
      case 'console.error': {
        const fd = name === 'console.log' ? 1 : 2;
        // one rooted temporary: the converted string must survive the newline's allocation
        return `{ void *t_[1] = {NULL}; rts_frame f_ = {rts_top_frame, 1, t_}; rts_top_frame = &f_; t_[0] = ${this.toStrExpr(op.args[0])}; rts_write(${fd}, (rts_str *)t_[0]); rts_write(${fd}, ${this.gen.constExpr('\n', Str)}); rts_top_frame = f_.prev; }`;
      }
      case 'String':
        return set(this.toStrExpr(op.args[0]));
      case 'String.fromCharCode':
        return set(`rts_str_from_char_code(${A(0, Signed)})`);
      case 'Number.isNaN':
      case 'isNaN':
        return set(T0?.k === 'Signed' ? 'false' : `isnan(${A(0, Float)})`);
      case 'Number.isFinite':
      case 'isFinite':
        return set(T0?.k === 'Signed' ? 'true' : `isfinite(${A(0, Float)})`);
      case 'Number.isInteger':
        return set(T0?.k === 'Signed' ? 'true' : `rts_is_integer(${A(0, Float)})`);
      case 'Math.floor':
      case 'Math.ceil':
      case 'Math.trunc':
        return set(T0?.k === 'Signed' ? A(0) : R.k === 'Float' ? `${name.slice(5)}(${A(0, Float)})` : `rts_float_to_int(${name.slice(5)}(${A(0, Float)}))`);
      case 'Math.round':
        return set(T0?.k === 'Signed' ? A(0) : R.k === 'Float' ? `rts_js_round(${A(0, Float)})` : `rts_float_to_int(rts_js_round(${A(0, Float)}))`);
      case 'Math.abs':
        return set(isInt ? `llabs(${A(0)})` : `fabs(${A(0, Float)})`);
      case 'Math.sign':
        return set(isInt ? `(int64_t)((${A(0)} > 0) - (${A(0)} < 0))` : `rts_js_sign(${A(0, Float)})`);
      case 'Math.min':
      case 'Math.max': {
        if (R.k === 'Signed') return set(`(${A(0)} ${name === 'Math.min' ? '<' : '>'} ${A(1)} ? ${A(0)} : ${A(1)})`);
        return set(`rts_js_f${name.slice(5)}(${A(0, Float)}, ${A(1, Float)})`);
      }
      case 'Math.pow':
        return set(`rts_js_pow(${A(0, Float)}, ${A(1, Float)})`);
      case 'Math.atan2':
      case 'Math.hypot':
        return set(`${name.slice(5)}(${A(0, Float)}, ${A(1, Float)})`);
      case 'Math.random':
        return set('((double)rand() / ((double)RAND_MAX + 1.0))');
      case 'Math.imul':
        return set(`rts_imul(${A(0)}, ${A(1)})`);
      case 'Math.clz32':
        return set(`rts_clz32(${A(0)})`);
    }
    if (name.startsWith('Math.')) return set(`${name.slice(5)}(${A(0, Float)})`);
    throw new RtsError('E_UNSUPPORTED', `genc: builtin ${name}`, op.loc);
  }

  private prim(op: Operation): string {
    const name = op.opname;
    const { raiseTid, layout, field } = op.extra as { raiseTid: number | null; layout: ClassLayout | null; field: FieldLayout | null };
    const R = this.t(op.result);
    const set = (e: string): string => this.assign(op.result, e);
    const A = (i: number, want: LLType | null = null): string => this.val(op.args[i], want);
    const S = Signed;
    const ovf = (expr: string): string =>
      set(`({ int64_t r_; if (__builtin_${expr}_overflow(${A(0, S)}, ${A(1, S)}, &r_) || r_ > RTS_SAFE_MAX || r_ < -RTS_SAFE_MAX) { rts_raise_msg(${raiseTid}, "integer overflow"); r_ = 0; } r_; })`);
    const zdiv = (msg: string, expr: string): string =>
      set(`(${A(1, S)} == 0 ? (rts_raise_msg(${raiseTid}, ${cString(msg)}), (int64_t)0) : ${expr})`);
    switch (name) {
      case 'arith.addOvf':
        return ovf('add');
      case 'arith.subOvf':
        return ovf('sub');
      case 'arith.mulOvf':
        return ovf('mul');
      case 'arith.floorDiv': {
        // by a constant power of two: Python's // is an arithmetic shift for every sign (gcc's >>
        // on signed values is arithmetic), with no division instruction and no call
        const k = pow2Const(op.args[1]);
        if (k > 0) return set(`(${A(0, S)} >> ${k})`);
        return zdiv('integer division or modulo by zero', `rts_int_floordiv(${A(0, S)}, ${A(1, S)})`);
      }
      case 'arith.floorMod': {
        // and Python's % is the low bits in two's complement (FNV and other hashes do this per byte)
        const k = pow2Const(op.args[1]);
        if (k > 0) return set(`(${A(0, S)} & ${cInt(2 ** k - 1)})`);
        return zdiv('integer division or modulo by zero', `rts_int_mod(${A(0, S)}, ${A(1, S)})`);
      }
      case 'arith.truncDiv':
        return zdiv('integer division by zero', `(${A(1, S)} == -1 ? -${A(0, S)} : ${A(0, S)} / ${A(1, S)})`);
      case 'arith.toFloat':
        return set(`((double)${A(0, S)})`);
      case 'arith.toInt':
        return set(`({ double x_ = trunc(${A(0, Float)}); int64_t r_ = 0; if (!(x_ <= 9007199254740991.0 && x_ >= -9007199254740991.0)) rts_raise_msg(${raiseTid}, "cannot convert float to int"); else r_ = (int64_t)x_; r_; })`);
      case 'arith.floatMod':
        return set(`(${A(1, Float)} == 0.0 ? (rts_raise_msg(${raiseTid}, "float modulo"), 0.0) : rts_float_mod(${A(0, Float)}, ${A(1, Float)}))`);
      case 'arith.floatRepr':
        return set(`rts_float_repr(${A(0, Float)})`);
      case 'arith.parseFloatStrict':
        return set(`({ bool ok_ = false; double d_ = rts_str_to_float(${A(0)}, &ok_); ok_ ? d_ : NAN; })`);
      case 'os.write':
        return set(`rts_write(${A(0, S)}, ${A(1)})`);
      case 'os.flush':
        return set('rts_flush_status()');
      case 'os.readFile':
        return set(`rts_read_file(${A(0)})`);
      case 'os.readFileLatin1':
        return set(`rts_read_file_latin1(${A(0)})`);
      case 'os.readFileBytes':
        return set(`rts_read_file_bytes(${A(0)}, ${this.gen.rp.table.listTid('I64')})`);
      case 'os.writeFile':
        return set(`rts_write_file(${A(0)}, ${A(1)})`);
      case 'os.writeFileBytes':
        return set(`rts_write_file_bytes(${A(0)}, ${A(1)})`);
      case 'os.readLine':
        return set('rts_read_line()');
      case 'os.clock':
        return set('rts_clock()');
      case 'os.time':
        return set('rts_time()');
      case 'os.getenv':
        return set(`rts_getenv(${A(0)})`);
      case 'os.fileExists':
        return set(`rts_file_exists(${A(0)})`);
      case 'os.executablePath':
        return set('rts_executable_path()');
      case 'os.exit':
        return `rts_exit(${A(0, S)});`;
      case 'os.catchInterrupt':
        return 'rts_catch_interrupt();';
      case 'os.takeInterrupt':
        // a load and a branch on the common path: the VM polls this at every backward jump
        return set('(RTS_UNLIKELY(rts_sigint_pending) && rts_take_interrupt())');
      case 'os.exitByInterrupt':
        return 'rts_exit_by_interrupt();';
      case 'os.lastError':
        return set('rts_os_last_error()');
      case 'os.getcwd':
        return set('rts_os_getcwd()');
      case 'os.readlink':
        return set(`rts_os_readlink(${A(0)})`);
      case 'os.listDir':
        return set(`rts_os_list_dir(${A(0)})`);
      case 'os.pathStat':
        return set(`rts_os_path_stat(${A(0)}, ${A(1, S)}, ${this.gen.rp.table.listTid('I64')})`);
      case 'os.fdStat':
        return set(`rts_os_fd_stat(${A(0, S)}, ${this.gen.rp.table.listTid('I64')})`);
      case 'os.fdOpen':
        return set(`rts_os_fd_open(${A(0)}, ${A(1, S)}, ${A(2, S)})`);
      case 'os.fdRead':
        return set(`rts_os_fd_read(${A(0, S)}, ${A(1, S)}, ${this.gen.rp.table.listTid('I64')})`);
      case 'os.fdWrite':
        return set(`rts_os_fd_write(${A(0, S)}, ${A(1)})`);
      case 'os.fdClose':
        return set(`rts_os_fd_close(${A(0, S)})`);
      case 'os.fdSeek':
        return set(`rts_os_fd_seek(${A(0, S)}, ${A(1, S)}, ${A(2, S)})`);
      case 'os.isatty':
        return set(`rts_os_isatty(${A(0, S)})`);
      case 'os.terminalSize':
        return set(`rts_os_terminal_size(${A(0, S)}, ${this.gen.rp.table.listTid('I64')})`);
      case 'os.mkdir':
        return set(`rts_os_mkdir(${A(0)}, ${A(1, S)})`);
      case 'os.rmdir':
        return set(`rts_os_rmdir(${A(0)})`);
      case 'os.unlink':
        return set(`rts_os_unlink(${A(0)})`);
      case 'os.rename':
        return set(`rts_os_rename(${A(0)}, ${A(1)})`);
      case 'os.symlink':
        return set(`rts_os_symlink(${A(0)}, ${A(1)})`);
      case 'os.utime':
        return set(`rts_os_utime(${A(0)}, ${A(1)}, ${A(2)}, ${A(3)}, ${A(4)}, ${A(5)})`);
      case 'os.chmod':
        return set(`rts_os_chmod(${A(0)}, ${A(1)})`);
      case 'os.chdir':
        return set(`rts_os_chdir(${A(0)})`);
      case 'os.buildId':
        return set('((rts_str *)rts_build_id)');
      case 'os.getpid':
        return set('rts_os_getpid()');
      case 'os.environ':
        return set('rts_os_environ()');
      case 'os.strerror':
        return set(`rts_os_strerror(${A(0, S)})`);
      case 'os.urandom':
        return set(`rts_os_urandom(${A(0, S)}, ${this.gen.rp.table.listTid('I64')})`);
      case 'os.call':
        return set(`rts_os_call(${A(0, S)}, ${A(1)}, ${A(2)}, ${this.gen.rp.table.listTid('I64')})`);
      case 'text.unitsOf':
        return set(`rts_str_units(${A(0)}, ${this.gen.rp.table.listTid('I64')})`);
      case 'execmem.available':
        return set('true');
      case 'execmem.alloc':
        return set(`rts_exec_alloc(${A(0, S)})`);
      case 'execmem.writeByte':
        return `rts_exec_write(${A(0, S)}, ${A(1, S)}, ${A(2, S)});`;
      case 'execmem.finalize':
        return set(`rts_exec_finalize(${A(0, S)})`);
      case 'execmem.call':
        return set(`rts_exec_call(${[0, 1, 2, 3, 4, 5].map((i) => A(i, S)).join(', ')})`);
      case 'execmem.free':
        return `rts_exec_free(${A(0, S)});`;
      case 'execmem.writeBytes':
        return `rts_exec_write_bytes(${A(0, S)}, ${A(1, S)}, ${A(2)});`;
      case 'execmem.address':
        return set(`rts_exec_address(${A(0, S)}, ${A(1, S)})`);
      case 'execmem.targetArch':
        return set('rts_exec_target_arch()');
      case 'gcref.asRef':
        return set(`((${ctype(R)})${A(0)})`);
      case 'gcref.castRef':
        return set(`(rts_tid_in(${A(0)}, ${layout!.tid}, ${layout!.subHi}) ? (${ctype(R)})${A(0)} : NULL)`);
      case 'gcref.addressOf':
        return set(`((int64_t)(intptr_t)${A(0)})`);
      case 'gcref.refAt':
        return set(`((${ctype(R)})(intptr_t)${A(0, S)})`);
      case 'gcref.typeIdOf':
        return set(`((int64_t)((rts_obj *)rts_nn(${A(0)}, ${this.where(op)}))->tid)`);
      case 'gcref.tidLow':
        return set(cInt(layout!.tid));
      case 'gcref.tidHigh':
        return set(cInt(layout!.subHi));
      case 'gcref.offsetOf':
        return set(`((int64_t)offsetof(struct inst_${layout!.cname}, ${field!.cname}))`);
      case 'gcref.sizeOf':
        return set(`((int64_t)sizeof(struct inst_${layout!.cname}))`);
      case 'weak.create':
        return set(`rts_weak_create(${A(0)}, ${A(1)})`);
      case 'weak.alive':
        return set(`rts_weak_alive(${A(0, S)})`);
      case 'weak.get':
        return set(`((${ctype(R)})rts_weak_get(${A(0, S)}))`);
      case 'weak.owner':
        return set(`((${ctype(R)})rts_weak_owner(${A(0, S)}))`);
      case 'weak.takeCleared':
        return set('rts_weak_take_cleared()');
      case 'weak.pending':
        return set('(rts_weak_nqueued != 0)');
      case 'weak.find':
        return set(`rts_weak_find(${A(0)}, ${A(1, S)})`);
      case 'weak.free':
        return `rts_weak_free(${A(0, S)});`;
      case 'weak.finalizable':
        return `rts_fin_register(${A(0)});`;
      case 'weak.takeFinalizable':
        return set(`((${ctype(R)})rts_fin_take())`);
      case 'weak.finPending':
        return set('(rts_fin_nqueued != 0)');
      case 'weak.addRoot':
        // prebuilt objects are roots already; a heap object passed here is kept by its owner
        return `(void)${A(0)};`;
      case 'weak.collect':
        return set('rts_gc_collect_count()');
      case 'weak.count':
        return set('rts_gc_collections()');
      case 'jithelpers.helperAddress':
        return set(`rts_jit_helper_address(${A(0, S)})`);
      case 'jithelpers.allocAddress':
        return set('((int64_t)(intptr_t)&rts_jit_alloc)');
      case 'jithelpers.excAddress':
        return set('((int64_t)(intptr_t)&rts_exc)');
      case 'jithelpers.oomPendingAddress':
        return set('((int64_t)(intptr_t)&rts_oom_pending)');
      case 'jithelpers.gcAllocInfo':
        return set(`rts_gc_jit_info(${A(0, S)}, ${A(1, S)})`);
    }
    throw new RtsError('E_UNSUPPORTED', `genc: rlib primitive ${name}`, op.loc);
  }

  /** `a === b` on strings; against a one-character constant, a test of one code unit. */
  private strEq(op: Operation): string {
    const [a, b] = op.args;
    const unit = (v: Value): number | null => (v instanceof Constant && typeof v.value === 'string' && v.value.length === 1 ? v.value.charCodeAt(0) : null);
    const ub = unit(b);
    if (ub !== null) return `rts_seq1(${this.val(a)}, ${ub})`;
    const ua = unit(a);
    if (ua !== null) return `rts_seq1(${this.val(b)}, ${ua})`;
    return `rts_seq(${this.val(a)}, ${this.val(b)})`;
  }

  private strMethod(op: Operation): string {
    const { name, tid } = op.extra as { name: string; tid: number };
    const set = (e: string): string => this.assign(op.result, e);
    const A = (i: number, want: LLType | null = null): string => this.val(op.args[i], want);
    const S = Signed;
    const s = A(0);
    const n = op.args.length - 1;
    switch (name) {
      case 'charCodeAt':
        return set(`rts_cca(${s}, ${A(1, S)})`);
      case 'charAt':
        return set(`rts_str_slice(${s}, ${A(1, S)}, ${A(1, S)} + 1 == 0 ? 0 : ${A(1, S)} + 1)`);
      case 'slice':
        return set(`rts_str_slice(${s}, ${n >= 1 ? A(1, S) : '0'}, ${n >= 2 ? A(2, S) : `${s}->len`})`);
      case 'substring':
        return set(n >= 2 ? `rts_substr(${s}, ${A(1, S)}, ${A(2, S)})` : `rts_str_substring(${s}, ${A(1, S)}, ${s}->len)`);
      case 'indexOf':
        return set(`rts_str_index_of(${s}, ${A(1)}, ${n >= 2 ? A(2, S) : '0'})`);
      case 'lastIndexOf':
        return set(n >= 2 ? `rts_str_last_index_from(${s}, ${A(1)}, ${A(2, S)})` : `rts_str_last_index_of(${s}, ${A(1)})`);
      case 'startsWith':
        return set(n >= 2 ? `rts_str_starts_at(${s}, ${A(1)}, ${A(2, S)})` : `rts_str_starts_with(${s}, ${A(1)})`);
      case 'endsWith':
        return set(n >= 2 ? `rts_str_ends_at(${s}, ${A(1)}, ${A(2, S)})` : `rts_str_ends_with(${s}, ${A(1)})`);
      case 'includes':
        return set(`(rts_str_index_of(${s}, ${A(1)}, ${n >= 2 ? A(2, S) : '0'}) >= 0)`);
      case 'trim':
        return set(`rts_str_trim(${s})`);
      case 'toUpperCase':
        return set(`rts_str_to_upper(${s})`);
      case 'toLowerCase':
        return set(`rts_str_to_lower(${s})`);
      case 'repeat':
        return set(`rts_str_repeat(${s}, ${A(1, S)})`);
      case 'toString':
        return set(s);
      case 'split':
        return set(`rts_str_split(${s}, ${A(1)}, ${tid})`);
      case 'localeCompare':
        return set(`({ int64_t c_ = rts_str_cmp(${s}, ${A(1)}); (int64_t)((c_ > 0) - (c_ < 0)); })`);
      case 'padStart':
      case 'padEnd':
        return set(`rts_str_pad(${s}, ${A(1, S)}, ${n >= 2 ? A(2) : this.gen.constExpr(' ', Str)}, ${name === 'padStart' ? 'true' : 'false'})`);
    }
    throw new RtsError('E_UNSUPPORTED', `genc: string method ${name}`, op.loc);
  }

  private listMethod(op: Operation): string {
    const { name } = op.extra as { name: string };
    const set = (e: string): string => this.assign(op.result, e);
    const A = (i: number, want: LLType | null = null): string => this.val(op.args[i], want);
    const S = Signed;
    const lt = this.t(op.args[0]) as { elem: ElemKind };
    const l = `((rts_list *)rts_nn(${A(0)}, ${this.where(op)}))`;
    const n = op.args.length - 1;
    const kindFn = { I64: 'i64', F64: 'f64', BOOL: 'bool', PTR: 'ptr', STR: 'ptr' }[lt.elem];
    const itemLL = lt.elem === 'PTR' ? (op.extra as { item: LLType }).item : ELEM_LL[lt.elem];
    switch (name) {
      case 'pop':
        return set(this.convert(`rts_pop_${kindFn}(${l})`, lt.elem === 'PTR' ? { k: 'Ptr' } : ELEM_LL[lt.elem], this.t(op.result)));
      case 'slice':
        return set(`rts_list_slice(${l}, ${n >= 1 ? A(1, S) : '0'}, ${n >= 2 ? A(2, S) : `${l}->len`})`);
      case 'splice':
        return set(`rts_list_splice(${l}, ${A(1, S)}, ${A(2, S)})`);
      case 'indexOf':
      case 'includes': {
        const e = `({ ${ELEM_CTYPE[lt.elem]} x_ = ${A(1, itemLL)}; rts_list_index_of(${l}, &x_); })`;
        return set(name === 'indexOf' ? e : `(${e} >= 0)`);
      }
      case 'join':
        return set(`rts_list_join_any(${l}, ${n >= 1 ? A(1) : this.gen.constExpr(',', Str)}, RTS_ELEM_${lt.elem})`);
      case 'reverse':
        return set(`(rts_list_reverse(${l}), ${l})`);
      case 'sort':
        return set(`(rts_list_sort_str(${l}), ${l})`);
    }
    throw new RtsError('E_UNSUPPORTED', `genc: list method ${name}`, op.loc);
  }

  private dictMethod(op: Operation): string {
    const { name } = op.extra as { name: string };
    const set = (e: string): string => this.assign(op.result, e);
    const A = (i: number, want: LLType | null = null): string => this.val(op.args[i], want);
    const d = this.t(op.args[0]) as { key: ElemKind; value: ElemKind };
    const dict = `((rts_dict *)rts_nn(${A(0)}, ${this.where(op)}))`;
    const { key: kLL, value: vLL } = op.extra as { key: LLType; value: LLType };
    const K = ELEM_CTYPE[d.key];
    const V = ELEM_CTYPE[d.value];
    switch (name) {
      case 'get': {
        const rt = this.t(op.result);
        const missing = this.gen.constExpr(undefined, rt);
        return set(`({ ${K} k_ = ${A(1, kLL)}; void *p_ = rts_dict_lookup(${dict}, &k_); p_ ? (${ctype(rt)})*(${V} *)p_ : ${missing}; })`);
      }
      case 'set':
        return set(`({ ${K} k_ = ${A(1, kLL)}; ${V} v_ = ${A(2, vLL)}; rts_dict_set(${dict}, &k_, &v_); ${dict}; })`);
      case 'has':
        return set(`({ ${K} k_ = ${A(1, kLL)}; rts_dict_has(${dict}, &k_); })`);
      case 'delete':
        return set(`({ ${K} k_ = ${A(1, kLL)}; rts_dict_delete(${dict}, &k_); })`);
      case 'clear':
        return `rts_dict_clear(${dict});`;
    }
    throw new RtsError('E_UNSUPPORTED', `genc: Map method ${name}`, op.loc);
  }
}

/** k when v is the int constant 2**k (1 <= k <= 62), else 0. */
function pow2Const(v: Value): number {
  if (!(v instanceof Constant) || typeof v.value !== 'number' || v.numKind === 'float') return 0;
  const x = v.value;
  if (!Number.isInteger(x) || x < 2 || x > 2 ** 62) return 0;
  const k = Math.log2(x);
  return Number.isInteger(k) ? k : 0;
}
