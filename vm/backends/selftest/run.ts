// `pyvm --jit selftest`: the IR conformance cases on this CPU's machine-code backend, each
// result checked against the IR interpreter (llgraph) in the same binary. It is how CI checks
// every backend (the translated pyvm under qemu or wine), and how a user on a machine we never
// ran checks it (an s390x without a facility the backend assumed, say) before trusting the JIT.
import type { int } from '../../../translate/rlib/index.ts';
import { runConformance } from './cases.ts';
import { LLGraph } from '../llgraph/runner.ts';
import { makeBackend, nativeUnavailableReason } from '../registry.ts';

/** Prints `<isa> <case>: <result>` per case and a last line counting the cases that differ
 * from llgraph; the exit status: 0 all agree, 1 some differ, 3 no machine-code backend here. */
export function runSelftest(): int {
  const why = nativeUnavailableReason();
  if (why !== '') {
    console.error('pyvm: jit selftest: ' + why);
    return 3;
  }
  const reference = runConformance(new LLGraph());
  const be = makeBackend('native');
  const got = runConformance(be);
  let differ = 0;
  for (let i = 0; i < got.length; i++) {
    console.log(be.name + ' ' + got[i]);
    if (got[i] !== reference[i]) {
      differ++;
      console.error('pyvm: jit selftest: ' + be.name + ' differs from llgraph: ' + reference[i]);
    }
  }
  const what = differ === 0 ? 'all agree with llgraph' : `${differ} differ from llgraph`;
  console.log(`selftest: ${got.length} cases on backend ${be.name}, ${what}`);
  return differ === 0 ? 0 : 1;
}
