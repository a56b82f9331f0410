// Warm-up and entry: a JitCell per loop header (counter, compiled loop, aborts), wired to
// VM.hooks.onLoopHeader, which JUMP_BACKWARD calls. A hot header is recorded (recorder.ts),
// the loop handed to the backend, and entered at once; a failing guard deoptimises (deopt.ts).
import type { int } from '../../translate/rlib/index.ts';
import { os } from '../../translate/rlib/index.ts';
import { PyDict } from '../objects/core.ts';
import { PyCode } from '../compiler/code.ts';
import { Frame } from '../interpreter/frame.ts';
import { LoopHooks } from '../interpreter/state.ts';
import { Trace, IROp, OPS } from './ir.ts';
import { JitParams } from './params.ts';
import { Recorder, Recording } from './recorder.ts';
import { deopt } from './deopt.ts';
import { printTrace } from './irtext.ts';
import { optimize, optsText } from './opt/index.ts';
import { JitLog, logLine, countAbort, countGuardFail } from './log.ts';
import { abortName, A_FRAME, A_INNER_LOOP } from './aborts.ts';
import { Backend, CompiledLoop, JitFrame } from '../backends/model.ts';
import { LLGraph } from '../backends/llgraph/runner.ts';

/** aborts after which a loop header is no longer traced */
const MAX_ABORTS = 3;

export class JitLoop {
  id: int;
  trace: Trace;
  compiled: CompiledLoop;
  nlocals: int;
  ncells: int;
  nstack: int;
  globals: PyDict;
  localsDict: PyDict | null;
  constructor(id: int, trace: Trace, compiled: CompiledLoop, f: Frame) {
    this.id = id;
    this.trace = trace;
    this.compiled = compiled;
    this.nlocals = f.fast.length;
    this.ncells = f.cells.length;
    this.nstack = f.sp;
    this.globals = f.globals;
    this.localsDict = f.localsDict;
  }
}

export class JitCell {
  counter: int = 0;
  loop: JitLoop | null = null;
  aborts: int = 0;
  disabled: boolean = false;
}
class CodeCells {
  cells: (JitCell | null)[] = [];
}

export class JitHooks extends LoopHooks {
  params: JitParams;
  log: JitLog;
  backend: Backend;
  codes: Map<PyCode, CodeCells> = new Map<PyCode, CodeCells>();
  recording: boolean = false;
  nextLoop: int = 0;
  constructor(params: JitParams, log: JitLog) {
    super();
    this.enabled = params.enabled;
    this.params = params;
    this.log = log;
    this.backend = new LLGraph();
  }
  cell(code: PyCode, target: int): JitCell {
    let cc = this.codes.get(code);
    if (cc === undefined) {
      cc = new CodeCells();
      for (let i = 0; i < code.words.length; i++) cc.cells.push(null);
      this.codes.set(code, cc);
    }
    let c = cc.cells[target];
    if (c === null) {
      c = new JitCell();
      cc.cells[target] = c;
    }
    return c;
  }
  override onLoopHeader(f: Frame, target: int): int {
    const c = this.cell(f.code, target);
    const loop = c.loop;
    if (loop !== null) return this.enter(c, loop, f);
    if (c.disabled || this.recording) return -1;
    c.counter++;
    if (c.counter < this.params.threshold) return -1;
    c.counter = 0;
    return this.record(c, f, target);
  }
  record(c: JitCell, f: Frame, target: int): int {
    const log = this.log;
    const t0 = os.clock();
    this.recording = true;
    const rec = new Recorder(f, target, this.params.traceLimit);
    let out: Recording | null = null;
    try {
      out = rec.record();
    } finally {
      this.recording = false;
      log.recordings++;
      log.recordSeconds += os.clock() - t0;
    }
    if (out === null) return -1;
    const t = out.trace;
    if (t === null) {
      countAbort(log, out.abort);
      if (log.abort) logLine(log, `jit-abort: ${f.code.filename}:${f.code.lines[target]} ${f.code.name}: ${abortName(out.abort)}${out.detail === '' ? '' : ' (' + out.detail + ')'}`);
      c.aborts++;
      if (c.aborts >= MAX_ABORTS || out.abort === A_INNER_LOOP || out.abort === A_FRAME) c.disabled = true;
      return out.pc;
    }
    const id = this.nextLoop++;
    if (log.noopt) logLine(log, `[jit-log-noopt] loop ${id} ${t.name} (${t.ops.length} ops)\n` + printTrace(t, true) + `[/jit-log-noopt]`);
    const t1 = os.clock();
    const ot = optimize(t, this.params.opts);
    log.optSeconds += os.clock() - t1;
    if (log.opt) logLine(log, `[jit-log-opt] loop ${id} ${ot.name} (${ot.ops.length} ops, enable_opts=${optsText(this.params.opts)})\n` + printTrace(ot, true) + `[/jit-log-opt]`);
    const loop = new JitLoop(id, ot, this.backend.compileLoop(ot), f);
    c.loop = loop;
    log.loops++;
    // the recording ran one iteration and left f at the header: go straight into the loop
    return this.enter(c, loop, f);
  }
  enter(c: JitCell, loop: JitLoop, f: Frame): int {
    if (f.globals !== loop.globals || f.localsDict !== loop.localsDict || f.sp !== loop.nstack || f.fast.length !== loop.nlocals || f.cells.length !== loop.ncells) return -1;
    const t = loop.trace;
    const jf = new JitFrame();
    const n = t.ops.length;
    for (let i = 0; i < n; i++) {
      jf.ints.push(0);
      jf.floats.push(0.0);
      jf.refs.push(null);
    }
    let k = 0;
    for (let i = 0; i < f.fast.length; i++) jf.refs[k++] = f.fast[i];
    for (let i = 0; i < f.cells.length; i++) jf.refs[k++] = f.cells[i];
    for (let i = 0; i < f.sp; i++) jf.refs[k++] = f.stack[i];
    this.log.entries++;
    const g = this.backend.run(loop.compiled, jf);
    const op = t.ops[g];
    const s = t.snapshots[t.snap[g]];
    const where = s.frames[s.frames.length - 1].where();
    countGuardFail(this.log, where);
    if (this.log.guardFail) logLine(this.log, `jit-guard-fail: loop ${loop.id} ${where} ${printOp(t, g)}`);
    if (op === IROp.GUARD_NOT_INVALIDATED) {
      // a class or a global dict changed: this loop would keep failing here; record it afresh
      // when it is hot again
      c.loop = null;
    }
    return deopt(t, s, jf, f, op === IROp.GUARD_NO_EXCEPTION ? jf.exc : null);
  }
}

function printOp(t: Trace, g: int): string {
  return OPS.defs[t.ops[g]].name + ' #' + String(g);
}
