// The x86-64 backend: the shared native backend (vm/backends/native/backend.ts: register
// allocation, lowering, guard stubs, calls, bridge linking) over the x86-64 instructions
// (isa.ts) of one calling convention (System V on Linux, Win64 on Windows).
import { execmem } from '../../../translate/rlib/index.ts';
import { Trace } from '../../jit/ir.ts';
import { NativeTraceAssembler } from '../native/assembler.ts';
import { NativeBackend } from '../native/backend.ts';
import { NativeIsa } from '../native/isa.ts';
import { X64Conventions, conventionsFor } from './conventions.ts';
import { X64Isa } from './isa.ts';

/** The machine code of trace t for convention conv (not installed). */
export function assembleX64(t: Trace, conv: X64Conventions): NativeTraceAssembler {
  const a = new NativeTraceAssembler(t, new X64Isa(conv));
  a.assemble();
  return a;
}

export class X64Backend extends NativeBackend {
  conv: X64Conventions;
  constructor(arch: string) {
    super('x86_64');
    this.conv = conventionsFor(arch);
  }
  newIsa(): NativeIsa {
    return new X64Isa(this.conv);
  }
}

/** True when this binary can run x86-64 code (translated, on an x86-64 host). */
export function x64Available(): boolean {
  const a = execmem.targetArch();
  return execmem.available() && (a === 'x86_64' || a === 'x86_64-win64');
}
