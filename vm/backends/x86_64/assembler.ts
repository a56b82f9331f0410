// The x86-64 backend: the shared native layer (vm/backends/native/: register allocation,
// lowering, guard stubs, calls) over the x86-64 instructions (isa.ts) of one calling
// convention (System V on Linux, Win64 on Windows).
import type { int } from '../../../translate/rlib/index.ts';
import { execmem } from '../../../translate/rlib/index.ts';
import { Trace } from '../../jit/ir.ts';
import { Backend, CompiledLoop, JitFrame } from '../model.ts';
import { NativeLoop, installCode, runNative } from '../native.ts';
import { NativeTraceAssembler } from '../native/assembler.ts';
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
    return new NativeLoop(trace, h, code, a.opOffsets);
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
