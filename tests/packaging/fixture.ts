// The stand-in pyvm binary and a staged release for the packaging tests.
//
// `pyvmBinary(target, dir)` is the ONE place to swap in the real translated pyvm: today it
// compiles a tiny static C program with the target's compiler from common/targets.ts that
// answers `--version` and prints 42 for `-c 'print(6*7)'`; later it can return the path of
// the real bin/pyvm for that target. Everything else in these tests goes through it.

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findTarget } from '../../common/targets.ts';

export const VERSION = '0.1.0';
export const EPOCH = 1700000000;
export const TEST_TARGETS = ['linux-x86_64', 'linux-s390x', 'windows-x86_64'] as const;

const standInC = (version: string) => `
#include <stdio.h>
#include <string.h>
int main(int argc, char **argv) {
  if (argc >= 2 && strcmp(argv[1], "--version") == 0) { printf("pyvm ${version} (stand-in)\\n"); return 0; }
  if (argc >= 3 && strcmp(argv[1], "-c") == 0) {
    if (strcmp(argv[2], "print(6*7)") == 0) { printf("42\\n"); return 0; }
    fprintf(stderr, "stand-in pyvm only knows print(6*7)\\n"); return 2;
  }
  fprintf(stderr, "usage: pyvm --version | pyvm -c 'print(6*7)'\\n");
  return 2;
}
`;

/** Builds (or, later, locates) the pyvm `version` binary for `target` inside `dir`; returns its path. */
export function pyvmBinary(target: string, dir: string, version = VERSION): string {
  const t = findTarget(target);
  mkdirSync(dir, { recursive: true });
  const src = join(dir, 'pyvm-stand-in.c');
  writeFileSync(src, standInC(version));
  const out = join(dir, `pyvm-${version}-${t.name}${t.exeSuffix}`);
  execFileSync(t.cc, ['-O2', ...t.cflags, `-ffile-prefix-map=${dir}=.`, '-o', out, src], { cwd: dir, env: { ...process.env, SOURCE_DATE_EPOCH: String(EPOCH) } });
  return out;
}

/** argv to run an installed binary of `target` on this host (emulator from the target table). */
export function runArgv(target: string, binary: string, args: string[]): [string, string[]] {
  const t = findTarget(target);
  const argv = [...t.emulator, binary, ...args];
  return [argv[0], argv.slice(1)];
}
