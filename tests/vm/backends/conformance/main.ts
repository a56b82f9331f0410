// The conformance suite on this binary's native backend (translated; the test compares the
// output with expected.txt). Exit 3 when the binary has no native backend for its host.
import type { int } from '../../../../translate/rlib/index.ts';
import { runConformance } from './cases.ts';
import { makeBackend, nativeUnavailableReason } from '../../../../vm/backends/registry.ts';
import { initRuntime } from '../../../../vm/main.ts';

export function main(argv: string[]): int {
  const why = nativeUnavailableReason();
  if (why !== '') {
    console.error('conformance: backend=native: ' + why);
    return 3;
  }
  initRuntime();
  const be = makeBackend('native');
  for (const line of runConformance(be)) console.log(be.name + ' ' + line);
  return 0;
}
