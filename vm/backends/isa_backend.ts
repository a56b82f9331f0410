// The native backend of the ISAs whose folders hold only an encoder, conventions and a
// NativeIsa (aarch64, ppc64le, s390x): everything else is the shared layer (native/: register
// allocation, lowering, guard stubs, calls, bridge linking in native/backend.ts) and native.ts
// (installing code through execmem, W^X with the i-cache flush in the C runtime, and running
// it). x86-64 has its own folder-level backend (x86_64/assembler.ts) for its two calling
// conventions.
import { execmem } from '../../translate/rlib/index.ts';
import { Trace } from '../jit/ir.ts';
import { NativeIsa } from './native/isa.ts';
import { NativeTraceAssembler } from './native/assembler.ts';
import { NativeBackend } from './native/backend.ts';
import { A64Isa } from './aarch64/isa.ts';
import { PpcIsa } from './ppc64le/isa.ts';
import { S390Isa } from './s390x/isa.ts';

/** the ISAs this backend emits code for, as execmem.targetArch() names them */
export const ISA_NAMES = ['aarch64', 'ppc64le', 's390x'];

/** A fresh instruction emitter for arch (one of ISA_NAMES). */
export function isaFor(arch: string): NativeIsa {
  if (arch === 'aarch64') return new A64Isa();
  if (arch === 'ppc64le') return new PpcIsa();
  if (arch === 's390x') return new S390Isa();
  throw new Error('native: no instruction emitter for ' + arch);
}

/** The machine code of trace t for arch (not installed; any host can emit it). */
export function assembleFor(t: Trace, arch: string): NativeTraceAssembler {
  const a = new NativeTraceAssembler(t, isaFor(arch));
  a.assemble();
  return a;
}

export class IsaBackend extends NativeBackend {
  arch: string;
  constructor(arch: string) {
    super(arch);
    if (ISA_NAMES.indexOf(arch) < 0) throw new Error('native: no backend for ' + arch);
    this.arch = arch;
  }
  newIsa(): NativeIsa {
    return isaFor(this.arch);
  }
}

/** True when this binary can run the code of one of ISA_NAMES (translated, on such a host). */
export function isaAvailable(): boolean {
  return execmem.available() && ISA_NAMES.indexOf(execmem.targetArch()) >= 0;
}
