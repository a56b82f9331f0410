// The Backend of every machine-code ISA (x86-64 in both conventions, aarch64, ppc64le, s390x):
// compiling a trace with the shared layer (assembler.ts) over a fresh NativeIsa, installing and
// running it (native.ts), and linking bridges by patching a guard's stub. A subclass says only
// which NativeIsa emits its code.
import type { int } from '../../../translate/rlib/index.ts';
import { execmem, addressOf, asRef } from '../../../translate/rlib/index.ts';
import { Trace, IROp, K_REF } from '../../jit/ir.ts';
import { Backend, CompiledLoop, JitFrame, BridgeLink, EntryLink } from '../model.ts';
import { NativeLoop, installCode, runNative, releaseRun } from '../native.ts';
import { NativeIsa } from './isa.ts';
import { NativeTraceAssembler, assembleLink, assembleEntryLink } from './assembler.ts';

export abstract class NativeBackend extends Backend {
  /** A fresh instruction emitter of this backend's ISA and convention. */
  abstract newIsa(): NativeIsa;

  compileLoop(trace: Trace): CompiledLoop {
    const a = new NativeTraceAssembler(trace, this.newIsa());
    a.assemble();
    const code = a.isa.code();
    const h = installCode(code);
    if (h === 0) throw new Error(`${this.name}: no executable memory for the trace`);
    const nl = new NativeLoop(trace, h, code, a.opOffsets);
    nl.entryOffset = a.entryOffset;
    nl.linkSites = a.linkSites;
    return nl;
  }
  /** Patches the stub of the FINISH ending l.from to jump to a trampoline (assembler.ts
   * assembleEntryLink) that enters l.to. */
  override linkInto(l: EntryLink): boolean {
    const from = l.from as NativeLoop;
    const to = l.to as NativeLoop;
    const t = from.trace;
    const fin = t.ops.length - 1;
    const site = from.linkSites[fin];
    if (site < 0 || t.ops[fin] !== IROp.FINISH || !finishesRefs(t)) return false;
    if (from.runFor(l.fromFrame).jf !== l.fromFrame) return false;
    const run = to.runFor(l.toFrame);
    if (run.jf !== l.toFrame) return false;
    const isa = this.newIsa();
    return this.patchSite(from, site, isa, assembleEntryLink(isa, l, addressOf(asRef(run)), execmem.address(to.handle, to.entryOffset)));
  }
  /** Installs a trampoline's code and makes link site site of code's stub jump to it, through
   * execmem's W^X path (writable, then finalized again, which flushes the i-cache where the
   * ISA needs it); false when there is no executable memory for it. */
  private patchSite(code: NativeLoop, site: int, isa: NativeIsa, trampoline: int[]): boolean {
    const h = installCode(trampoline);
    if (h === 0) return false;
    execmem.writeBytes(code.handle, site, isa.linkBytes(execmem.address(h, 0)));
    if (!execmem.finalize(code.handle)) throw new Error(`${this.name}: cannot make patched code executable again`);
    code.links.push(h);
    return true;
  }
  /** Patches the guard's stub to jump to a trampoline (assembler.ts assembleLink) that enters
   * the bridge (patchSite). False when the ISA has no link sites or the bridge hands the loop
   * a value that is not a reference. */
  override link(l: BridgeLink): boolean {
    const parent = l.parent as NativeLoop;
    const bridge = l.bridge as NativeLoop;
    const loop = l.loop as NativeLoop;
    const site = parent.linkSites[l.guard];
    if (site < 0 || !finishesRefs(bridge.trace)) return false;
    const bridgeRun = bridge.runFor(l.bridgeFrame);
    const loopRun = loop.runFor(l.loopFrame);
    if (bridgeRun.jf !== l.bridgeFrame || loopRun.jf !== l.loopFrame) return false;
    const root = parent === loop;
    let targetRun = 0;
    let targetEntry = 0;
    if (l.target !== null && l.targetFrame !== null) {
      // into another loop: jumped into from the loop's own guard, whose stub runs on its
      // frame; from a bridge's guard the switch is returned (EXIT_SWITCH)
      const target = l.target as NativeLoop;
      const run = target.runFor(l.targetFrame);
      if (run.jf !== l.targetFrame) return false;
      targetRun = addressOf(asRef(run));
      targetEntry = execmem.address(target.handle, target.entryOffset);
    }
    const isa = this.newIsa();
    return this.patchSite(parent, site, isa, assembleLink(isa, l, addressOf(asRef(bridgeRun)), addressOf(asRef(loopRun)), execmem.address(bridge.handle, 0), root ? execmem.address(loop.handle, loop.entryOffset) : 0, root, targetRun, targetEntry));
  }
  override release(loop: CompiledLoop): void {
    const r = (loop as NativeLoop).run;
    if (r !== null) releaseRun(r);
  }
  override takeIters(loop: CompiledLoop, jf: JitFrame): void {
    const run = (loop as NativeLoop).runFor(jf);
    jf.iters += run.iters;
    run.iters = 0;
  }
  run(loop: CompiledLoop, jf: JitFrame): int {
    return runNative(loop as NativeLoop, jf);
  }
  override takeCode(loop: CompiledLoop): int[] {
    const nl = loop as NativeLoop;
    const code = nl.code;
    nl.code = [];
    return code;
  }
}

/** Whether the FINISH ending t hands over only references (a link copies them as words). */
function finishesRefs(t: Trace): boolean {
  const fin = t.ops.length - 1;
  for (let k = 0; k < t.argCount[fin]; k++) if (t.kindOf(t.arg(fin, k)) !== K_REF) return false;
  return true;
}
