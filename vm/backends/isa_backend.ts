// The native backend of the ISAs whose folders hold only an encoder, conventions and a
// NativeIsa (aarch64, ppc64le, s390x): everything else is the shared layer (native/: register
// allocation, lowering, guard stubs, calls) and native.ts (installing code through execmem,
// W^X with the i-cache flush in the C runtime, and running it). x86-64 has its own
// folder-level backend (x86_64/assembler.ts) for its two calling conventions.
import type { int } from '../../translate/rlib/index.ts';
import { execmem } from '../../translate/rlib/index.ts';
import { Trace } from '../jit/ir.ts';
import { Backend, CompiledLoop, JitFrame } from './model.ts';
import { NativeLoop, installCode, runNative } from './native.ts';
import { NativeIsa } from './native/isa.ts';
import { NativeTraceAssembler } from './native/assembler.ts';
import { A64Isa } from './aarch64/isa.ts';
import { PpcIsa } from './ppc64le/isa.ts';
import { S390Isa } from './s390x/isa.ts';

/** the ISAs this backend emits code for, as execmem.targetArch() names them */
export const ISA_NAMES = ['aarch64', 'ppc64le', 's390x'];

/** A fresh instruction emitter for arch (one of ISA_NAMES). */
export function newIsa(arch: string): NativeIsa {
  if (arch === 'aarch64') return new A64Isa();
  if (arch === 'ppc64le') return new PpcIsa();
  if (arch === 's390x') return new S390Isa();
  throw new Error('native: no instruction emitter for ' + arch);
}

/** The machine code of trace t for arch (not installed; any host can emit it). */
export function assembleFor(t: Trace, arch: string): NativeTraceAssembler {
  const a = new NativeTraceAssembler(t, newIsa(arch));
  a.assemble();
  return a;
}

export class IsaBackend extends Backend {
  arch: string;
  constructor(arch: string) {
    super(arch);
    if (ISA_NAMES.indexOf(arch) < 0) throw new Error('native: no backend for ' + arch);
    this.arch = arch;
  }
  compileLoop(trace: Trace): CompiledLoop {
    const a = assembleFor(trace, this.arch);
    const code = a.isa.code();
    const h = installCode(code);
    if (h === 0) throw new Error(`${this.arch}: no executable memory for the trace`);
    return new NativeLoop(trace, h, code, a.opOffsets);
  }
  run(loop: CompiledLoop, jf: JitFrame): int {
    return runNative(loop as NativeLoop, jf);
  }
  override codeOf(loop: CompiledLoop): int[] {
    return (loop as NativeLoop).code;
  }
}

/** True when this binary can run the code of one of ISA_NAMES (translated, on such a host). */
export function isaAvailable(): boolean {
  return execmem.available() && ISA_NAMES.indexOf(execmem.targetArch()) >= 0;
}
