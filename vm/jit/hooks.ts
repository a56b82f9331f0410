// Warm-up and entry: a JitCell per loop header (counter, compiled loop, aborts), wired to
// VM.hooks.onLoopHeader, which JUMP_BACKWARD calls. A hot header is recorded (recorder.ts),
// the loop handed to the backend, and entered at once; a failing guard deoptimises (deopt.ts).
import type { int } from '../../translate/rlib/index.ts';
import { os, floorDiv, addressOf, asRef, offsetOf } from '../../translate/rlib/index.ts';
import { PyDict, PyObject, NULL_OBJ } from '../objects/core.ts';
import { PyCode } from '../compiler/code.ts';
import { Op } from '../compiler/opcodes.ts';
import { Frame } from '../interpreter/frame.ts';
import { LoopHooks } from '../interpreter/state.ts';
import { Trace, IROp, OPS, K_INT, K_FLOAT, K_REF } from './ir.ts';
import { JitParams } from './params.ts';
import { Recorder, Recording, BridgeSeed } from './recorder.ts';
import { Snapshot } from './snapshot.ts';
import { deopt, rebuildFrames, Rebuilt } from './deopt.ts';
import { printTrace } from './irtext.ts';
import { optimize, optsText } from './opt/index.ts';
import { JitLog, logLine, countAbort, countGuardFail } from './log.ts';
import { abortName, A_FRAME, A_INNER_LOOP, A_INLINED_LOOP, A_YIELD } from './aborts.ts';
import { Backend, CompiledLoop, JitFrame, BridgeLink, EntryLink, EXIT_LOOP_AGAIN, EXIT_SWITCH, EXIT_SHIFT } from '../backends/model.ts';
import { makeBackend } from '../backends/registry.ts';
import { hexDump } from '../backends/native.ts';

/** aborts after which a loop header is no longer traced */
const MAX_ABORTS = 3;
/** A loop entered this often (since its last bridge) that averages fewer than params.minIters
 * iterations an entry is given up: its entries and exits cost more than the few iterations it
 * runs compiled. A
 * generator's loop (one item an entry by design) is given up when fewer than half its entries
 * reach the yield: the others leave through a guard without a bridge, and deoptimising costs
 * more than interpreting the item would have. */
const GIVE_UP_ENTRIES = 1000;
/** the counter of a header given up: the interpreter's decrements do not reach 0 from it in
 * any run of practical length (and would then only re-arm it) */
const NEVER = 1 << 30;

/** A compiled trace whose guards may get bridges: a loop, or a bridge. Its jitframe is kept
 * across entries (sized once, so native code may hold the addresses of its arrays). */
export class JitTrace {
  trace: Trace;
  compiled: CompiledLoop;
  jf: JitFrame;
  /** failures per guard (op index), bridges per guard, guards whose bridge aborted */
  fails: Map<int, int> = new Map<int, int>();
  bridges: Map<int, Bridge> = new Map<int, Bridge>();
  noBridge: Map<int, boolean> = new Map<int, boolean>();
  /** the jitframe slots that may hold references (cleared when a run ends) */
  refSlots: int[] = [];
  constructor(trace: Trace, compiled: CompiledLoop) {
    this.trace = trace;
    this.compiled = compiled;
    this.jf = new JitFrame();
    for (let i = 0; i < trace.ops.length; i++) {
      this.jf.ints.push(0);
      this.jf.floats.push(0.0);
      this.jf.refs.push(null);
      if (trace.kindOf(i) === K_REF) this.refSlots.push(i);
    }
  }
  /** Drops the references the last run left in the jitframe: kept, they would keep objects
   * alive after the program let go of them (weak references, __del__ would see it). */
  release(): void {
    const refs = this.jf.refs;
    for (const i of this.refSlots) refs[i] = null;
    this.jf.exc = null;
  }
}

/** A side trace from a guard's snapshot to the loop's header: its inputs are the frame's
 * cells and then the parent's values srcs[k] (of kinds[k]), unboxed as the parent held them. */
export class Bridge extends JitTrace {
  num: int;
  srcs: int[];
  kinds: int[];
  /** the parent's code now jumps into the bridge (the backend patched it) */
  linked: boolean = false;
  /** another loop of the same frame the bridge ends in (null: its own loop). Such a bridge is
   * not linked: its FINISH returns here, and the dispatcher goes on in that loop. */
  target: JitLoop | null = null;
  constructor(trace: Trace, compiled: CompiledLoop, num: int, srcs: int[], kinds: int[]) {
    super(trace, compiled);
    this.num = num;
    this.srcs = srcs;
    this.kinds = kinds;
  }
}

export class JitLoop {
  /** the JUMP_BACKWARD target the loop closes at */
  header: int = 0;
  id: int;
  root: JitTrace;
  nlocals: int;
  ncells: int;
  nstack: int;
  globals: PyDict;
  localsDict: PyDict | null;
  /** 1 while running (its jitframes are in use: a recursive entry interprets); an int, as
   * linked code reads and writes it when it switches loops */
  busy: int = 0;
  entries: int = 0;
  iters: int = 0;
  /** a generator's loop whose trace ends at this YIELD_VALUE (a FINISH: the frame's values,
   * the item on top) instead of jumping back to the header; -1 for a loop */
  yieldPc: int = -1;
  /** items a generator's loop reached its yield with during the current entry */
  yields: int = 0;
  /** an entry trace: the header of the other loop of the frame its trace's FINISH hands the
   * frame to (an outer loop recorded into its compiled inner loop), else -1 */
  intoHeader: int = -1;
  /** the root and every bridge (their jitframes are released after each entry) */
  traces: JitTrace[] = [];
  constructor(id: int, trace: Trace, compiled: CompiledLoop, f: Frame) {
    this.id = id;
    this.root = new JitTrace(trace, compiled);
    this.traces.push(this.root);
    this.nlocals = f.fast.length;
    this.ncells = f.cells.length;
    this.nstack = f.sp;
    this.globals = f.globals;
    this.localsDict = f.localsDict;
  }
}

export class JitCell {
  loop: JitLoop | null = null;
  aborts: int = 0;
  disabled: boolean = false;
}
class CodeCells {
  code: PyCode;
  cells: (JitCell | null)[] = [];
  constructor(code: PyCode) {
    this.code = code;
  }
}

export class JitHooks extends LoopHooks {
  params: JitParams;
  log: JitLog;
  backend: Backend;
  /** the loop counters of each code that reached a loop header, at its code.jitSlot (the
   * codes themselves are kept too: a slot belongs to one code for the process's life) */
  codeCells: CodeCells[] = [];
  recording: boolean = false;
  /** why the last bridge recording aborted (A_*) */
  bridgeAbort: int = -1;
  /** set by runLoop when a bridge ended in another loop: enter goes on in it */
  switchTo: JitLoop | null = null;
  /** the loop f runs in (runLoop moves it when linked code switched loops) */
  current: JitLoop | null = null;
  /** the loops linked code may switch to, by id */
  loopById: Map<int, JitLoop> = new Map<int, JitLoop>();
  nextLoop: int = 0;
  /** every bridge, by number (exits of linked bridges name them so) */
  bridgeByNum: Bridge[] = [];
  constructor(params: JitParams, log: JitLog) {
    super();
    this.enabled = params.enabled;
    this.threshold = params.threshold;
    this.params = params;
    this.log = log;
    this.backend = makeBackend(params.backend);
    log.backendName = this.backend.name;
  }
  cell(code: PyCode, target: int): JitCell {
    let cc: CodeCells;
    if (code.jitSlot >= 0 && code.jitSlot < this.codeCells.length && this.codeCells[code.jitSlot].code === code) cc = this.codeCells[code.jitSlot];
    else {
      cc = new CodeCells(code);
      for (let i = 0; i < code.words.length; i++) cc.cells.push(null);
      code.jitSlot = this.codeCells.length;
      this.codeCells.push(cc);
    }
    let c = cc.cells[target];
    if (c === null) {
      c = new JitCell();
      cc.cells[target] = c;
    }
    return c;
  }
  /** Called when the header's counter in f.code.jitCount reached 0: enters its compiled loop,
   * or records it (the counter counted the warm-up). Re-arms the counter: 1 while a loop is
   * compiled there (every iteration enters it), NEVER once given up, else the threshold. */
  override onLoopHeader(f: Frame, target: int): int {
    const code = f.code;
    const c = this.cell(code, target);
    this.log.hookCalls++;
    let pc = -1;
    const loop = c.loop;
    if (loop !== null) pc = this.enter(c, loop, f);
    else if (!c.disabled && !this.recording) pc = this.record(c, f, target);
    code.jitCount[target] = c.loop !== null ? 1 : c.disabled ? NEVER : this.threshold;
    return pc;
  }
  /** The compiled loops of f's code other than loop (null: none is f's yet) that a trace of
   * f may end in. */
  otherLoops(f: Frame, loop: JitLoop | null): Map<int, int> {
    const code = f.code;
    if (code.jitSlot < 0 || code.jitSlot >= this.codeCells.length || this.codeCells[code.jitSlot].code !== code) return new Map<int, int>();
    return otherLoopsOf(this.codeCells[code.jitSlot].cells, loop, f);
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
  /** Trace t as the backend compiled it (a loop, or a bridge); its code size, time and
   * bytes logged as asked. */
  compiled(t: Trace, what: string, bridge: boolean): CompiledLoop {
    const log = this.log;
    const t1 = os.clock();
    const compiled = bridge ? this.backend.compileBridge(t) : this.backend.compileLoop(t);
    log.backendSeconds += os.clock() - t1;
    const code = this.backend.takeCode(compiled);
    log.codeBytes += code.length;
    if (log.backendDump && code.length > 0) {
      logLine(log, `[jit-backend-dump] ${what} ${t.name} ${this.backend.name} ${code.length} bytes\n` + hexDump(code) + `\n[/jit-backend-dump]`);
    }
    return compiled;
  }
  record(c: JitCell, f: Frame, target: int): int {
    // the stack depth at the header (a generator's recording leaves f at its yield, deeper)
    const sp = f.sp;
    const rec = new Recorder(f, target, this.params.traceLimit);
    rec.otherLoops = this.otherLoops(f, null);
    const out = this.runRecorder(rec);
    if (out === null) return -1;
    const t = out.trace;
    if (t === null) {
      this.logAbort(f, target, out, '');
      // a long inlined loop marked its code to be called from now on: the next recording
      // differs, so this abort does not count against the header
      // (an inner loop not compiled yet may be by the next try: then the recording ends in it)
      if (out.abort !== A_INLINED_LOOP) c.aborts++;
      if (c.aborts >= MAX_ABORTS || out.abort === A_FRAME || out.abort === A_YIELD) disable(c, f.code, target, this.log);
      return out.pc;
    }
    const id = this.nextLoop++;
    const into = out.closedAt >= 0 ? this.cell(f.code, out.closedAt).loop : null;
    if (into !== null) {
      t.name = t.name + ` into loop ${into.id}`;
      // an entry trace is not a loop: its JUMP goes on in the other one, a FINISH handing it f
      t.ops[t.ops.length - 1] = IROp.FINISH;
    }
    const ot = this.optimized(t, this.params.opts, `loop ${id}`);
    const loop = new JitLoop(id, ot, this.compiled(ot, `loop ${id}`, false), f);
    loop.header = target;
    loop.nstack = sp;
    loop.yieldPc = out.yieldPc;
    loop.intoHeader = out.closedAt;
    c.loop = loop;
    if (into !== null) {
      this.log.entryTraces++;
      this.linkInto(loop, into);
    }
    this.log.loops++;
    this.log.loopName.push(ot.name);
    this.log.loopEntries.push(0);
    this.log.loopIters.push(0);
    // a generator's recording ran one item and left f at its yield, for the interpreter; an
    // entry trace's, at the other loop's header (entered at its next back edge)
    if (loop.yieldPc >= 0 || loop.intoHeader >= 0) return out.pc;
    // the recording ran one iteration and left f at the header: go straight into the loop
    return this.enter(c, loop, f);
  }
  /** Links entry trace loop's FINISH into the loop into (the code then switches by itself). */
  linkInto(loop: JitLoop, into: JitLoop): void {
    const l = new EntryLink(loop.root.compiled, loop.root.jf, into.root.compiled, into.root.jf);
    l.toId = into.id;
    l.switchWord = addressOf(asRef(this.backend)) + offsetOf(Backend, 'switchedTo');
    l.fromBusy = addressOf(asRef(loop)) + offsetOf(JitLoop, 'busy');
    l.toBusy = addressOf(asRef(into)) + offsetOf(JitLoop, 'busy');
    if (!this.backend.linkInto(l)) return;
    this.log.entryLinks++;
    this.loopById.set(into.id, into);
    this.loopById.set(loop.id, loop);
  }
  /** Runs the loop from f (at its header), and the bridges of guards that fail, until a guard
   * without a bridge fails; returns the pc f continues at in the interpreter. A bridge that
   * ends in another loop of f hands f over to that loop, which runs on from here. */
  enter(c0: JitCell, loop0: JitLoop, f: Frame): int {
    let c = c0;
    let loop = loop0;
    let pc = -1;
    let switched = false;
    // the loops each run went through (linked code switches loops by itself), and every loop
    // of the entry: their jitframes are released once, when f goes back to the interpreter (an
    // outer loop entered through an entry trace switches loops on each of its iterations)
    const ran: JitLoop[] = [];
    const all: JitLoop[] = [];
    // an entry from a helper that machine code called: the code's loop and switch word are the
    // caller's again when this returns
    const outer = this.current;
    const outerSwitch = this.backend.switchedTo;
    try {
      for (;;) {
        if (loop.busy !== 0 || f.globals !== loop.globals || f.localsDict !== loop.localsDict || f.sp !== loop.nstack || f.fast.length !== loop.nlocals || f.cells.length !== loop.ncells) return pc;
        // an entry from the interpreter is what giving up weighs; one from a bridge costs little
        if (!switched) {
          this.log.entries++;
          loop.entries++;
        }
        ran.length = 0;
        ran.push(loop);
        loop.busy = 1;
        this.current = loop;
        this.switchTo = null;
        try {
          pc = this.runLoop(loop, f, ran);
        } finally {
          // linked code that switched loops left the busy mark on the loop it ended in
          (this.current as JitLoop).busy = 0;
        }
        for (const l of ran) {
          if (all.indexOf(l) < 0) all.push(l);
          this.backend.takeIters(l.root.compiled, l.root.jf);
          this.accountEntry(this.cell(f.code, l.header), l, f);
        }
        const next = this.takeSwitch();
        if (next === null) return pc;
        c = this.cell(f.code, next.header);
        if (c.loop !== next) return pc;
        loop = next;
        switched = true;
      }
    } finally {
      this.current = outer;
      this.backend.switchedTo = outerSwitch;
      // (a run that raised did not add its loops yet)
      for (const l of ran) if (all.indexOf(l) < 0) all.push(l);
      for (const l of all) {
        for (const jt of l.traces) {
          jt.release();
          this.backend.release(jt.compiled);
        }
      }
    }
    return pc;
  }
  /** The loop a bridge handed f to in the last run (and forgets it). */
  takeSwitch(): JitLoop | null {
    const n = this.switchTo;
    this.switchTo = null;
    return n;
  }
  /** Counts the iterations of the entry that ended, and gives the loop up if it runs too few. */
  accountEntry(c: JitCell, loop: JitLoop, f: Frame): void {
    const root = loop.root.jf;
    // a generator's loop runs one item an entry by design: its iterations are the items it
    // reached the yield with, and it is not given up for running few
    const iters = loop.yieldPc >= 0 ? loop.yields : root.iters;
    loop.yields = 0;
    loop.iters += iters;
    this.log.loopEntries[loop.id]++;
    this.log.loopIters[loop.id] += iters;
    root.iters = 0;
    // an entry trace runs no iteration by design: the loop it leads to is judged
    if (c.loop === loop && loop.intoHeader < 0 && loop.entries >= GIVE_UP_ENTRIES && (loop.yieldPc < 0 ? loop.iters < loop.entries * this.params.minIters : loop.iters * 2 < loop.entries)) {
      c.loop = null;
      disable(c, f.code, loop.header, this.log);
      this.log.givenUp++;
      if (this.log.abort) logLine(this.log, `jit-give-up: loop ${loop.id} ${loop.root.trace.name}: ${loop.iters} iterations in ${loop.entries} entries`);
    }
  }
  /** f runs on in loop now (ran: the loops of the run). */
  ranIn(loop: JitLoop, ran: JitLoop[]): void {
    this.current = loop;
    if (ran.indexOf(loop) < 0) ran.push(loop);
  }
  /** ran gets every loop the run went through (linked code may switch loops by itself). */
  runLoop(loop0: JitLoop, f: Frame, ran: JitLoop[]): int {
    let loop = loop0;
    loadInputs(f, loop.root.jf);
    let cur: JitTrace = loop.root;
    for (;;) {
      this.backend.switchedTo = -1;
      let g = this.backend.run(cur.compiled, cur.jf);
      const sw = this.backend.switchedTo;
      if (sw >= 0) {
        // linked code went on in another loop of f (a bridge into it): the exit is that loop's
        const next = this.loopById.get(sw);
        if (next === undefined) throw new Error('jit: linked code switched to an unknown loop');
        loop = next;
        cur = loop.root;
        this.ranIn(loop, ran);
      }
      // a linked bridge of a bridge ended in the loop the switch named, or a linked bridge
      // reached the loop header: the loop's inputs are in its jitframe
      if (g === EXIT_SWITCH || g === EXIT_LOOP_AGAIN) {
        cur = loop.root;
        continue;
      }
      if (g > EXIT_LOOP_AGAIN) {
        // one of a linked bridge's own guards failed. A division, not `>>`: shifts are 32-bit (as in JS), and from the 128th bridge on the
        // exit code is 2^31 or more
        const num = floorDiv(g, 1 << EXIT_SHIFT);
        cur = this.bridgeByNum[num - 1];
        g = g - num * (1 << EXIT_SHIFT);
      }
      const t = cur.trace;
      const jf = cur.jf;
      const op = t.ops[g];
      if (op === IROp.FINISH) {
        const root = cur === loop.root;
        if (root && loop.yieldPc >= 0) {
          // a generator's loop reached its yield: the frame holds the item, the interpreter
          // yields it
          loop.yields++;
          finishFrame(f, t, g, jf, loop);
          return loop.yieldPc;
        }
        // an entry trace reached its inner loop's header, or a bridge another loop's
        const intoHeader = root ? loop.intoHeader : (cur as Bridge).target !== null ? ((cur as Bridge).target as JitLoop).header : -1;
        if (intoHeader < 0) {
          // a bridge reached the loop header: its values are the loop's inputs
          finishInto(loop.root.jf, t, g, jf);
          cur = loop.root;
          continue;
        }
        // that loop goes on from the FINISH's values (its inputs): here while it is compiled and
        // idle, else f takes them and the interpreter hands it over
        const into = this.cell(f.code, intoHeader).loop;
        if (into !== null && into.busy === 0) {
          finishInto(into.root.jf, t, g, jf);
          loop.busy = 0;
          into.busy = 1;
          loop = into;
          cur = loop.root;
          this.ranIn(loop, ran);
          continue;
        }
        finishFrame(f, t, g, jf, loop);
        this.switchTo = into;
        return intoHeader;
      }
      const s = t.snapshots[t.snap[g]];
      const br = cur.bridges.get(g);
      if (br !== undefined && jf.exc === null) {
        // a bridge the backend did not link into the code: entered from here, no deopt
        enterBridge(br, cur, f, jf);
        cur = br;
        continue;
      }
      // file:line is a string built and looked up: only when the log asks for it (loop exits
      // fail a guard on every entry)
      const where = this.log.summary || this.log.guardFail ? s.frames[s.frames.length - 1].where() : '';
      if (this.log.summary) countGuardFail(this.log, where);
      else this.log.deopts++;
      if (this.log.guardFail) logLine(this.log, `jit-guard-fail: ${cur instanceof Bridge ? 'bridge ' + String(cur.num) + ' of ' : ''}loop ${loop.id} ${where} ${printOp(t, g)}`);
      if (op === IROp.GUARD_NOT_INVALIDATED) {
        // a class or a global dict changed: this loop would keep failing here; record it afresh
        // when it is hot again
        const c = this.cell(f.code, loop.header);
        if (c.loop === loop) c.loop = null;
      }
      const exc = op === IROp.GUARD_NO_EXCEPTION ? jf.exc : null;
      jf.exc = null;
      let n = 0;
      if (op !== IROp.GUARD_NOT_INVALIDATED && exc === null && !cur.noBridge.has(g) && !this.recording) {
        const fails = cur.fails.get(g);
        n = fails === undefined ? 1 : fails + 1;
        cur.fails.set(g, n);
      }
      if (n < this.params.traceEagerness) return deopt(t, s, jf, f, exc);
      // hot enough for a bridge: the frames are rebuilt, and the bridge's recording runs them
      // on (the frames of inlined calls included) to the loop header
      const rb = rebuildFrames(t, s, jf, f);
      const nb = this.recordBridge(loop, cur, g, s, rb, f);
      if (nb === null) {
        // a bridge whose recording unrolled a long inlined loop is tried again (that code is
        // called now), as is one that met a loop not compiled yet (it may be by then); any
        // other abort would recur
        if (this.bridgeAbort === A_INLINED_LOOP || this.bridgeAbort === A_INNER_LOOP) cur.fails.set(g, 0);
        else cur.noBridge.set(g, true);
        return f.pc;
      }
      if (nb.target !== null) {
        // the recording left f at the other loop's header: it goes on there
        f.pc = nb.target.header;
        this.switchTo = nb.target;
        return f.pc;
      }
      // the recording ran the bridge's path and left f at the header
      loadInputs(f, loop.root.jf);
      cur = loop.root;
    }
  }
  /** Records a bridge from f (resumed at guard g's snapshot sf of parent) to the loop header,
   * compiles it and links it to the guard; null if the recording aborted (f then continues
   * in the interpreter at f.pc). */
  recordBridge(loop: JitLoop, parent: JitTrace, g: int, s: Snapshot, rb: Rebuilt, f: Frame): Bridge | null {
    const rec = new Recorder(f, loop.header, this.params.traceLimit);
    rec.start = f.pc;
    rec.loopArity = loop.root.trace.argCount[loop.root.trace.labelIndex()];
    const seed = new BridgeSeed(parent.trace, s, rb);
    rec.otherLoops = this.otherLoops(f, loop);
    rec.seed = seed;
    const pc = f.pc;
    const out = this.runRecorder(rec);
    if (out === null) return null;
    const t = out.trace;
    if (t === null) {
      this.logAbort(f, pc, out, ' (bridge)');
      this.bridgeAbort = out.abort;
      f.pc = out.pc;
      return null;
    }
    const target = out.closedAt >= 0 ? this.cell(f.code, out.closedAt).loop : null;
    t.name = t.name + ' bridge from guard #' + String(g) + (target !== null ? ` to loop ${target.id}` : '');
    // a bridge is not a loop: its JUMP goes on into the loop, a FINISH handing it the values
    t.ops[t.ops.length - 1] = IROp.FINISH;
    const what = `bridge ${this.bridgeByNum.length} of loop ${loop.id}` + (parent instanceof Bridge ? ` (from bridge ${parent.num})` : '');
    const ot = this.optimized(t, this.params.opts, what);
    const br = new Bridge(ot, this.compiled(ot, what, true), this.bridgeByNum.length, seed.srcs, seed.kinds);
    this.bridgeByNum.push(br);
    loop.traces.push(br);
    parent.bridges.set(g, br);
    this.log.bridges++;
    // the loop is judged afresh: its entries so far left through guards that now have bridges
    loop.entries = 0;
    loop.iters = 0;
    if (target !== null) br.target = target;
    // a bridge into another loop is linked (from the loop's own guard the code jumps from loop
    // to loop; from a bridge's guard it returns EXIT_SWITCH through the calls of bridges)
    if (target !== null && (loop.yieldPc >= 0 || target.yieldPc >= 0)) return br;
    const l = new BridgeLink(parent.compiled, g, br.compiled, br.num, loop.root.compiled, loop.root.jf, br.jf);
    l.srcs = seed.srcs;
    l.kinds = seed.kinds;
    l.cells = f.cells.length;
    l.parentCells = parent === loop.root ? loop.nlocals : 0;
    if (target !== null) {
      l.target = target.root.compiled;
      l.targetFrame = target.root.jf;
      l.targetId = target.id;
      l.switchWord = addressOf(asRef(this.backend)) + offsetOf(Backend, 'switchedTo');
      l.fromBusy = addressOf(asRef(loop)) + offsetOf(JitLoop, 'busy');
      l.toBusy = addressOf(asRef(target)) + offsetOf(JitLoop, 'busy');
    }
    br.linked = this.backend.link(l);
    if (br.linked) {
      this.log.linked++;
      if (target !== null) {
        this.loopById.set(target.id, target);
        this.loopById.set(loop.id, loop);
      }
    }
    return br;
  }
}

/** The other compiled loops of f's code a bridge of loop may end in, by header: each takes
 * f's locals, cells and stack as the LABEL's values (their number is the map's value). */
function otherLoopsOf(cells: (JitCell | null)[], loop: JitLoop | null, f: Frame): Map<int, int> {
  const m = new Map<int, int>();
  for (let h = 0; h < cells.length; h++) {
    const c = cells[h];
    if (c === null || c.loop === null || c.loop === loop) continue;
    const o = c.loop;
    if (o.yieldPc >= 0 || o.globals !== f.globals || o.localsDict !== f.localsDict || o.nlocals !== f.fast.length || o.ncells !== f.cells.length) continue;
    m.set(h, o.root.trace.argCount[o.root.trace.labelIndex()]);
  }
  return m;
}

/** Stops tracing the loop at header target of code for good: its back edges become
 * JUMP_BACKWARD_NO_JIT, which count nothing down (in richards and fannkuch, whose loops are given
 * up, counting every backward jump for the rest of the run cost more than all their recordings,
 * entries and deopts). The words are rewritten in place, so frames running code see it at once;
 * onLoopHeader still sets the header's counter to NEVER. */
function disable(c: JitCell, code: PyCode, target: int, log: JitLog): void {
  c.disabled = true;
  const words = code.words;
  const edge = Op.JUMP_BACKWARD + target * 128;
  for (let i = 0; i < words.length; i++) {
    if (words[i] === edge) {
      words[i] = Op.JUMP_BACKWARD_NO_JIT + target * 128;
      log.uncounted++;
    }
  }
}

/** The loop's inputs (f's locals, cells and stack) written into its jitframe. */
function loadInputs(f: Frame, jf: JitFrame): void {
  let k = 0;
  for (let i = 0; i < f.fast.length; i++) jf.refs[k++] = f.fast[i];
  for (let i = 0; i < f.cells.length; i++) jf.refs[k++] = f.cells[i];
  for (let i = 0; i < f.sp; i++) jf.refs[k++] = f.stack[i];
  jf.exc = null;
}

/** Bridge br's inputs, from its parent's jitframe pjf (as a linked guard's code copies them). */
function enterBridge(br: Bridge, parent: JitTrace, f: Frame, pjf: JitFrame): void {
  const jf = br.jf;
  let k = 0;
  for (let i = 0; i < f.cells.length; i++) jf.refs[k++] = f.cells[i];
  for (let i = 0; i < br.srcs.length; i++) {
    const v = br.srcs[i];
    const kind = br.kinds[i];
    if (kind === K_INT) jf.ints[k] = pjf.ints[v];
    else if (kind === K_FLOAT) jf.floats[k] = pjf.floats[v];
    else jf.refs[k] = pjf.refs[v];
    k++;
  }
  jf.exc = null;
}

/** The values of FINISH op g of bridge t (the loop's inputs: locals, cells, stack) written
 * into the loop's jitframe. */
function finishInto(root: JitFrame, t: Trace, g: int, jf: JitFrame): void {
  const n = t.argCount[g];
  for (let k = 0; k < n; k++) {
    const v = t.arg(g, k);
    root.refs[k] = v < 0 ? t.getConstR(v) : jf.refs[v];
  }
  root.exc = null;
}

/** The values of FINISH op g of a generator loop's trace t (its frame's locals, cells and
 * stack at the yield) written into f; the cells are f's own (the trace reads and writes
 * through them). */
function finishFrame(f: Frame, t: Trace, g: int, jf: JitFrame, loop: JitLoop): void {
  const n = t.argCount[g];
  let k = 0;
  for (let i = 0; i < loop.nlocals; i++) {
    const v = t.arg(g, k++);
    f.fast[i] = v < 0 ? t.getConstR(v) : jf.refs[v];
  }
  k += loop.ncells;
  let sp = 0;
  while (k < n) {
    const v = t.arg(g, k++);
    while (sp >= f.stack.length) f.stack.push(NULL_OBJ);
    f.stack[sp++] = (v < 0 ? t.getConstR(v) : jf.refs[v]) as PyObject;
  }
  f.sp = sp;
}

function printOp(t: Trace, g: int): string {
  return OPS.defs[t.ops[g]].name + ' #' + String(g);
}
