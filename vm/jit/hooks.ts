// Warm-up and entry: a JitCell per loop header (counter, compiled loop, aborts), wired to
// VM.hooks.onLoopHeader, which JUMP_BACKWARD calls. A hot header is recorded (recorder.ts),
// the loop handed to the backend, and entered at once; a failing guard deoptimises (deopt.ts).
import type { int } from '../../translate/rlib/index.ts';
import { os } from '../../translate/rlib/index.ts';
import { PyDict, PyObject, NULL_OBJ } from '../objects/core.ts';
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
import { makeBackend } from '../backends/registry.ts';
import { hexDump } from '../backends/native.ts';

/** aborts after which a loop header is no longer traced */
const MAX_ABORTS = 3;

/** A side trace from a loop guard's resume point (pc, sp) to the loop's header. */
export class Bridge {
  trace: Trace;
  compiled: CompiledLoop;
  pc: int;
  sp: int;
  constructor(trace: Trace, compiled: CompiledLoop, pc: int, sp: int) {
    this.trace = trace;
    this.compiled = compiled;
    this.pc = pc;
    this.sp = sp;
  }
}

export class JitLoop {
  /** the JUMP_BACKWARD target the loop closes at */
  header: int = 0;
  /** failures per guard (op index), bridges per guard, guards whose bridge aborted */
  fails: Map<int, int> = new Map<int, int>();
  bridges: Map<int, Bridge> = new Map<int, Bridge>();
  noBridge: Map<int, boolean> = new Map<int, boolean>();
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
    this.backend = makeBackend(params.backend);
    log.backendName = this.backend.name;
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
  /** Runs a recording (a loop's or a bridge's), timed and counted. */
  runRecorder(rec: Recorder): Recording | null {
    const log = this.log;
    const t0 = os.clock();
    this.recording = true;
    let out: Recording | null = null;
    try {
      out = rec.record();
    } finally {
      this.recording = false;
      log.recordings++;
      log.recordSeconds += os.clock() - t0;
    }
    return out;
  }
  logAbort(f: Frame, pc: int, out: Recording, what: string): void {
    countAbort(this.log, out.abort);
    if (this.log.abort) logLine(this.log, `jit-abort: ${f.code.filename}:${f.code.lines[pc]} ${f.code.name}${what}: ${abortName(out.abort)}${out.detail === '' ? '' : ' (' + out.detail + ')'}`);
  }
  /** The recorded trace optimised, both logged as asked. */
  optimized(t: Trace, opts: int, what: string): Trace {
    const log = this.log;
    if (log.noopt) logLine(log, `[jit-log-noopt] ${what} ${t.name} (${t.ops.length} ops)\n` + printTrace(t, true) + `[/jit-log-noopt]`);
    const t1 = os.clock();
    const ot = optimize(t, opts);
    log.optSeconds += os.clock() - t1;
    if (log.opt) logLine(log, `[jit-log-opt] ${what} ${ot.name} (${ot.ops.length} ops, enable_opts=${optsText(opts)})\n` + printTrace(ot, true) + `[/jit-log-opt]`);
    return ot;
  }
  /** Trace t as the backend compiled it; its code size, time and bytes logged as asked. */
  compiled(t: Trace, what: string): CompiledLoop {
    const log = this.log;
    const t1 = os.clock();
    const compiled = this.backend.compileLoop(t);
    log.backendSeconds += os.clock() - t1;
    const code = this.backend.codeOf(compiled);
    log.codeBytes += code.length;
    if (log.backendDump && code.length > 0) {
      logLine(log, `[jit-backend-dump] ${what} ${t.name} ${this.backend.name} ${code.length} bytes\n` + hexDump(code) + `\n[/jit-backend-dump]`);
    }
    return compiled;
  }
  record(c: JitCell, f: Frame, target: int): int {
    const out = this.runRecorder(new Recorder(f, target, this.params.traceLimit));
    if (out === null) return -1;
    const t = out.trace;
    if (t === null) {
      this.logAbort(f, target, out, '');
      c.aborts++;
      if (c.aborts >= MAX_ABORTS || out.abort === A_INNER_LOOP || out.abort === A_FRAME) c.disabled = true;
      return out.pc;
    }
    const id = this.nextLoop++;
    const ot = this.optimized(t, this.params.opts, `loop ${id}`);
    const loop = new JitLoop(id, ot, this.compiled(ot, `loop ${id}`), f);
    loop.header = target;
    c.loop = loop;
    this.log.loops++;
    // the recording ran one iteration and left f at the header: go straight into the loop
    return this.enter(c, loop, f);
  }
  /** Runs the loop from f (at its header), and the bridges of guards that fail, until a guard
   * without a bridge fails; returns the pc f continues at in the interpreter. */
  enter(c: JitCell, loop: JitLoop, f: Frame): int {
    if (f.globals !== loop.globals || f.localsDict !== loop.localsDict || f.sp !== loop.nstack || f.fast.length !== loop.nlocals || f.cells.length !== loop.ncells) return -1;
    let t = loop.trace;
    let compiled = loop.compiled;
    let inBridge = false;
    this.log.entries++;
    for (;;) {
      const jf = frameFor(f, t);
      const g = this.backend.run(compiled, jf);
      const op = t.ops[g];
      if (op === IROp.FINISH) {
        // a bridge reached the loop header: its values are the loop's inputs
        finishInto(f, t, g, jf, loop.nstack);
        t = loop.trace;
        compiled = loop.compiled;
        inBridge = false;
        continue;
      }
      const s = t.snapshots[t.snap[g]];
      const where = s.frames[s.frames.length - 1].where();
      countGuardFail(this.log, where);
      if (this.log.guardFail) logLine(this.log, `jit-guard-fail: ${inBridge ? 'bridge of ' : ''}loop ${loop.id} ${where} ${printOp(t, g)}`);
      if (op === IROp.GUARD_NOT_INVALIDATED) {
        // a class or a global dict changed: this loop would keep failing here; record it afresh
        // when it is hot again
        c.loop = null;
      }
      const pc = deopt(t, s, jf, f, op === IROp.GUARD_NO_EXCEPTION ? jf.exc : null);
      // bridges hang off the loop's own guards (not off bridges), resuming in the loop's frame
      if (inBridge || op === IROp.GUARD_NOT_INVALIDATED || f.pendingThrow !== null || s.frames.length !== 1) return pc;
      const br = loop.bridges.get(g);
      if (br !== undefined) {
        if (f.pc !== br.pc || f.sp !== br.sp) return pc;
        t = br.trace;
        compiled = br.compiled;
        inBridge = true;
        continue;
      }
      if (loop.noBridge.has(g) || this.recording) return pc;
      const fails = loop.fails.get(g);
      const n = fails === undefined ? 1 : fails + 1;
      loop.fails.set(g, n);
      if (n < this.params.traceEagerness) return pc;
      const nb = this.recordBridge(loop, g, f);
      if (nb < 0) {
        loop.noBridge.set(g, true);
        return f.pc;
      }
      // the recording ran the bridge's path and left f at the header
      t = loop.trace;
      compiled = loop.compiled;
    }
  }
  /** Records a bridge from f (resumed at guard g's snapshot) to the loop header; -1 if the
   * recording aborted (f then continues in the interpreter at f.pc). */
  recordBridge(loop: JitLoop, g: int, f: Frame): int {
    const rec = new Recorder(f, loop.header, this.params.traceLimit);
    rec.start = f.pc;
    rec.loopArity = loop.trace.argCount[loop.trace.labelIndex()];
    const pc = f.pc;
    const sp = f.sp;
    const out = this.runRecorder(rec);
    if (out === null) return -1;
    const t = out.trace;
    if (t === null) {
      this.logAbort(f, pc, out, ' (bridge)');
      f.pc = out.pc;
      return -1;
    }
    t.name = t.name + ' bridge from guard #' + String(g);
    // a bridge is not a loop: its JUMP goes on into the loop, a FINISH handing it the values
    t.ops[t.ops.length - 1] = IROp.FINISH;
    const ot = this.optimized(t, this.params.opts, `bridge of loop ${loop.id}`);
    const br = new Bridge(ot, this.compiled(ot, `bridge of loop ${loop.id}`), pc, sp);
    loop.bridges.set(g, br);
    this.log.bridges++;
    return 0;
  }
}

/** A jitframe holding f's locals, cells and stack as the inputs of trace t. */
function frameFor(f: Frame, t: Trace): JitFrame {
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
  return jf;
}

/** Writes the values of FINISH op g (locals, cells, stack, as a loop's inputs) into f. */
function finishInto(f: Frame, t: Trace, g: int, jf: JitFrame, nstack: int): void {
  let k = 0;
  for (let i = 0; i < f.fast.length; i++) f.fast[i] = refArg(t, jf, t.arg(g, k++));
  k += f.cells.length;
  while (f.stack.length < nstack) f.stack.push(NULL_OBJ);
  for (let i = 0; i < nstack; i++) f.stack[i] = refArg(t, jf, t.arg(g, k++)) as PyObject;
  f.sp = nstack;
}
function refArg(t: Trace, jf: JitFrame, v: int): PyObject | null {
  return v < 0 ? t.getConstR(v) : jf.refs[v];
}

function printOp(t: Trace, g: int): string {
  return OPS.defs[t.ops[g]].name + ' #' + String(g);
}
