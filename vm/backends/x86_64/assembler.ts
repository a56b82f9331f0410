// The x86-64 backend: the shared native layer (vm/backends/native/: register allocation,
// lowering, guard stubs, calls) over the x86-64 instructions (isa.ts) of one calling
// convention (System V on Linux, Win64 on Windows).
import type { int } from '../../../translate/rlib/index.ts';
import { execmem, addressOf, asRef } from '../../../translate/rlib/index.ts';
import { Trace, K_REF } from '../../jit/ir.ts';
import { Backend, CompiledLoop, JitFrame, BridgeLink } from '../model.ts';
import { NativeLoop, installCode, runNative, releaseRun } from '../native.ts';
import { NativeTraceAssembler, assembleLink } from '../native/assembler.ts';
import { X64Conventions, conventionsFor } from './conventions.ts';
import { X64Isa } from './isa.ts';

/** The machine code of trace t for convention conv (not installed). */
export function assembleX64(t: Trace, conv: X64Conventions): NativeTraceAssembler {
  const a = new NativeTraceAssembler(t, new X64Isa(conv));
  a.assemble();
  return a;
}

export class X64Backend extends Backend {
  conv: X64Conventions;
  constructor(arch: string) {
    super('x86_64');
    this.conv = conventionsFor(arch);
  }
  compileLoop(trace: Trace): CompiledLoop {
    const a = assembleX64(trace, this.conv);
    const code = a.isa.code();
    const h = installCode(code);
    if (h === 0) throw new Error('x86_64: no executable memory for the trace');
    const nl = new NativeLoop(trace, h, code, a.opOffsets);
    nl.entryOffset = a.entryOffset;
    nl.linkSites = a.linkSites;
    return nl;
  }
  /** Patches the guard's stub to jump to a trampoline (native/assembler.ts assembleLink) that
   * enters the bridge; the code is written through execmem's W^X path (writable, then
   * finalized again). */
  override link(l: BridgeLink): boolean {
    const parent = l.parent as NativeLoop;
    const bridge = l.bridge as NativeLoop;
    const loop = l.loop as NativeLoop;
    const site = parent.linkSites[l.guard];
    if (site < 0) return false;
    const bt = bridge.trace;
    const fin = bt.ops.length - 1;
    for (let k = 0; k < bt.argCount[fin]; k++) if (bt.kindOf(bt.arg(fin, k)) !== K_REF) return false;
    const bridgeRun = bridge.runFor(l.bridgeFrame);
    const loopRun = loop.runFor(l.loopFrame);
    if (bridgeRun.jf !== l.bridgeFrame || loopRun.jf !== l.loopFrame) return false;
    const root = parent === loop;
    const isa = new X64Isa(this.conv);
    const code = assembleLink(isa, l, addressOf(asRef(bridgeRun)), addressOf(asRef(loopRun)), execmem.address(bridge.handle, 0), root ? execmem.address(loop.handle, loop.entryOffset) : 0, root);
    const h = installCode(code);
    if (h === 0) return false;
    execmem.writeBytes(parent.handle, site, isa.linkBytes(execmem.address(h, 0)));
    if (!execmem.finalize(parent.handle)) throw new Error('x86_64: cannot make patched code executable again');
    parent.links.push(h);
    return true;
  }
  override release(loop: CompiledLoop): void {
    const r = (loop as NativeLoop).run;
    if (r !== null) releaseRun(r);
  }
  run(loop: CompiledLoop, jf: JitFrame): int {
    return runNative(loop as NativeLoop, jf);
  }
  override codeOf(loop: CompiledLoop): int[] {
    return (loop as NativeLoop).code;
  }
}

/** True when this binary can run x86-64 code (translated, on an x86-64 host). */
export function x64Available(): boolean {
  const a = execmem.targetArch();
  return execmem.available() && (a === 'x86_64' || a === 'x86_64-win64');
}
