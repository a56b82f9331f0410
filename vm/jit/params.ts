// JIT parameters: `--jit off|on|default|k=v,...` and PYVM_JIT, in PyPy's syntax
// (threshold=, trace_eagerness=, trace_limit=) plus backend=llgraph|native.
import type { int } from '../../translate/rlib/index.ts';
import { nativeUnavailableReason } from '../backends/registry.ts';
import { OPT_ALL, parseOpts } from './opt/index.ts';

export class JitParams {
  enabled: boolean = false;
  /** loop iterations before a loop is traced (PyPy's rlib/jit.py default) */
  threshold: int = 1039;
  /** guard failures before a bridge is traced */
  traceEagerness: int = 200;
  /** most ops in one trace before recording gives up */
  traceLimit: int = 6000;
  /** a loop averaging fewer iterations an entry than this over its first 1000 entries is given
   * up (its entries and exits cost more than it saves) */
  minIters: int = 8;
  /** 'default' (native where this build runs machine code, else llgraph), 'native', 'llgraph' */
  backend: string = 'default';
  /** the optimizer's passes (vm/jit/opt/index.ts: OPT_*) */
  opts: int = OPT_ALL;
  /** a note for the user (e.g. native asked for but not available), printed once */
  note: string = '';
}

export const JIT_HELP = `--jit off|on|default|k=v,...  the tracing JIT (also PYVM_JIT; the option wins):
    off          interpret only (the default)
    on, default  trace hot loops with the default parameters
    threshold=N        loop iterations before a loop is traced (1039)
    trace_eagerness=N  guard failures before a bridge is traced (200)
    trace_limit=N      most operations in one trace (6000)
    min_iters=N        a loop averaging fewer iterations an entry over its first
                       1000 entries is given up (8)
    enable_opts=all|none|NAME:NAME...  the optimizer's passes (all): rewrite, intbounds,
                       virtualize, pure, heap, unroll, dce (they run in that order)
    backend=llgraph|native  run traces with the IR interpreter, or as machine code
                            (native: the default in translated Linux builds
                            for x86-64, aarch64, ppc64le and s390x; without
                            machine code it falls back to llgraph with a note)
  Setting any k=v turns the JIT on.
--jit selftest  check this CPU's machine-code backend: run the IR conformance cases on it
                and on llgraph, print each result, exit 1 if any differ`;

function parseCount(key: string, v: string): int {
  if (v.length === 0 || v.length > 9) return -1;
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** Applies spec to p; returns '' or an error message naming the bad item and what is valid. */
export function parseJitSpec(spec: string, p: JitParams): string {
  const s = spec.trim();
  if (s === 'off') {
    p.enabled = false;
    return '';
  }
  // main() runs `--jit selftest` before any setting is read: here it came from PYVM_JIT
  if (s === 'selftest') return "--jit: selftest is a command, given alone as --jit selftest (PYVM_JIT holds settings only)";
  if (s === 'on' || s === 'default' || s === '') {
    p.enabled = true;
    return '';
  }
  for (const item0 of s.split(',')) {
    const item = item0.trim();
    if (item === '') continue;
    const eq = item.indexOf('=');
    if (eq < 0) return `--jit: '${item}' is not k=v (valid: off, on, default, selftest, threshold=N, trace_eagerness=N, trace_limit=N, min_iters=N, enable_opts=..., backend=llgraph|native)`;
    const k = item.slice(0, eq);
    const v = item.slice(eq + 1);
    if (k === 'enable_opts') {
      const set = parseOpts(v);
      if (set < 0) return `--jit: enable_opts=${v}: expected all, none or names joined by ':' (rewrite, intbounds, virtualize, pure, heap, unroll, dce)`;
      p.opts = set;
      continue;
    }
    if (k === 'backend') {
      if (v === 'llgraph') p.backend = 'llgraph';
      else if (v === 'native') {
        const why = nativeUnavailableReason();
        p.backend = why === '' ? 'native' : 'llgraph';
        p.note = why === '' ? '' : `pyvm: note: backend=native: ${why}; using backend=llgraph`;
      } else return `--jit: backend=${v}: unknown backend (valid: llgraph, native)`;
      continue;
    }
    const n = parseCount(k, v);
    if (k !== 'threshold' && k !== 'trace_eagerness' && k !== 'trace_limit' && k !== 'min_iters') {
      return `--jit: unknown parameter '${k}' (valid: threshold, trace_eagerness, trace_limit, min_iters, enable_opts, backend)`;
    }
    if (n < 1) return `--jit: ${k}=${v}: expected a positive integer`;
    if (k === 'threshold') p.threshold = n;
    else if (k === 'trace_eagerness') p.traceEagerness = n;
    else if (k === 'min_iters') p.minIters = n;
    else p.traceLimit = n;
  }
  p.enabled = true;
  return '';
}
