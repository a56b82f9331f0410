// How the compile stage calls the C compiler: the fixed flags, the recipe's settings and the
// target's own. Its own module so `release` can compile a stand-in C file with the same
// flags without loading the translator.
import type { Target } from '../common/targets.ts';

/** The translation settings a recipe (`translation:`) or `release translate` gives. */
export interface CompileSettings {
  /** C optimisation level, -O<opt> */
  opt: 0 | 1 | 2 | 3;
  /** compile with -g */
  debugInfo: boolean;
  /** extra C compiler flags; those starting with -Wl, go to the link */
  cflags: readonly string[];
}

export const DEFAULT_SETTINGS: CompileSettings = { opt: 2, debugInfo: false, cflags: [] };

// -ffp-contract=off: every float operation rounds separately, as in JS (no fused multiply-add on aarch64, s390x, ppc64le)
const BASE_CFLAGS = ['-std=gnu11', '-fno-strict-aliasing', '-fwrapv', '-ffp-contract=off', '-w'];

const isLinkFlag = (f: string): boolean => f.startsWith('-Wl,') || f === '-static';

/** Compile and link flags for a target and settings: the compile stage's whole view of both. */
export function cFlags(target: Target, settings: CompileSettings): { compile: string[]; link: string[] } {
  const extra = [...target.cflags, ...settings.cflags];
  const compile = [...BASE_CFLAGS, `-O${settings.opt}`, ...(settings.debugInfo ? ['-g'] : []), ...extra.filter((f) => !isLinkFlag(f))];
  const link = [...new Set([...extra.filter(isLinkFlag), ...(target.os === 'linux' ? ['-static'] : [])])];
  return { compile, link };
}
