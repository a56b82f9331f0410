// Which backends this binary can run: llgraph everywhere, and the machine-code backend of the
// running ISA when the binary can execute code it writes (translated builds). One place that
// maps ISAs to backends; the JIT asks here instead of naming backends itself.
import { execmem } from '../../translate/rlib/index.ts';
import { Backend } from './model.ts';
import { LLGraph } from './llgraph/runner.ts';
import { X64Backend, x64Available } from './x86_64/assembler.ts';
import { IsaBackend, isaAvailable } from './isa_backend.ts';

/** True when backend=native runs machine code here. */
export function nativeAvailable(): boolean {
  return x64Available() || isaAvailable();
}
/** Why backend=native falls back to llgraph here ('' when it does not). */
export function nativeUnavailableReason(): string {
  if (nativeAvailable()) return '';
  if (!execmem.available()) return 'this build cannot run machine code (untranslated)';
  return `no machine-code backend for ${execmem.targetArch()} yet`;
}
/** Where backend=default means native: hosts whose native backend has passed the VM's
 * programs with every loop compiled (Linux x86-64, aarch64, ppc64le, s390x; Win64 is
 * selectable, not yet the default). */
function nativeByDefault(): boolean {
  const a = execmem.targetArch();
  return nativeAvailable() && (a === 'x86_64' || a === 'aarch64' || a === 'ppc64le' || a === 's390x');
}
/** The backend called name ('default': native where it is the default, else llgraph). */
export function makeBackend(name: string): Backend {
  if ((name === 'native' && nativeAvailable()) || (name === 'default' && nativeByDefault())) {
    if (isaAvailable()) return new IsaBackend(execmem.targetArch());
    return new X64Backend(execmem.targetArch());
  }
  return new LLGraph();
}
