// `release doctor`: checks that every tool the buildable targets need is installed, and with
// --install installs the missing Debian packages. Compiler, sysroot and emulator facts come
// from the target table, each artifact kind's tools from its packager, and the release
// machinery's own tools are listed here.
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { TARGETS, unbuildableReason, type Target } from '../common/targets.ts';
import { E } from './errors.ts';
import { PACKAGERS } from '../packaging/index.ts';

export interface Tool {
  /** command name looked up on PATH, or an absolute path */
  command: string;
  /** Debian packages providing it */
  packages: string[];
  purpose: string;
  /** which targets need it; absent = every build */
  neededBy?: (t: Target) => boolean;
}

/**
 * Tools of the release machinery itself. Each artifact kind's tools (to build it, install it
 * in a smoke test, check it in tests) are declared by its packager (packaging/<kind>.ts).
 */
export const HOST_TOOLS: readonly Tool[] = [
  { command: 'skopeo', packages: ['skopeo'], purpose: 'release cache push/pull', neededBy: (t) => t.ociPlatform !== null },
  { command: 'gpg', packages: ['gnupg'], purpose: 'rpm and detached signatures', neededBy: (t) => t.os === 'linux' },
  { command: 'diffoscope', packages: ['diffoscope-minimal'], purpose: 'release verify: explaining differences' },
  { command: 'pypy3', packages: ['pypy3'], purpose: 'reference Python for benchmarks and smoke expectations' },
  { command: 'hyperfine', packages: ['hyperfine'], purpose: 'benchmarks' },
  // regrtest.py itself comes with libpython3.11-stdlib; the test modules only with the testsuite
  { command: '/usr/lib/python3.11/test/test_grammar.py', packages: ['libpython3.11-testsuite'], purpose: "CPython's regression tests (npm run test:cpython)" },
];

/** The tools every packager declares, for the targets it applies to. */
export function packagerTools(): Tool[] {
  return PACKAGERS.flatMap((p) =>
    p.tools.map((t) => ({ command: t.command, packages: [t.debPackage], purpose: `${p.kind}: ${t.purpose}`, ...(p.appliesTo ? { neededBy: p.appliesTo } : {}) })),
  );
}

export interface Check {
  what: string;
  ok: boolean;
  packages: string[];
  detail: string;
}

function onPath(command: string, path = process.env.PATH ?? ''): string | null {
  // a Python source named by its path is a library file to find, not a program to run
  if (command.includes('/')) return (command.endsWith('.py') ? existsSync(command) : isExecutable(command)) ? command : null;
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, command);
    if (isExecutable(p)) return p;
  }
  return null;
}

function isExecutable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export { onPath as which };

/** Every check for the given targets (pure apart from looking at the filesystem). */
export function checksFor(targets: readonly Target[]): Check[] {
  const checks: Check[] = [];
  const seen = new Set<string>();
  const add = (c: Check) => {
    if (seen.has(c.what)) return;
    seen.add(c.what);
    checks.push(c);
  };
  for (const t of targets) {
    const cc = onPath(t.cc);
    add({ what: `${t.cc} (C compiler for ${t.name})`, ok: cc !== null, packages: t.debPackages, detail: cc ?? 'not on PATH' });
    if (t.sysroot)
      add({ what: `${t.sysroot} (static C library for ${t.name})`, ok: existsSync(t.sysroot), packages: t.debPackages, detail: t.sysroot });
    if (t.emulator.length) {
      const em = onPath(t.emulator[0]);
      add({ what: `${t.emulator[0]} (runs ${t.name} binaries)`, ok: em !== null, packages: t.emulatorPackages, detail: em ?? 'not found' });
    }
  }
  const tools = new Set<string>();
  for (const tool of [...packagerTools(), ...HOST_TOOLS]) {
    if (tools.has(tool.command) || (tool.neededBy && !targets.some(tool.neededBy))) continue;
    tools.add(tool.command);
    const p = onPath(tool.command);
    add({ what: `${tool.command} (${tool.purpose})`, ok: p !== null, packages: tool.packages, detail: p ?? 'not on PATH' });
  }
  return checks;
}

export function buildableTargets(): Target[] {
  return TARGETS.filter((t) => unbuildableReason(t) === null);
}

export interface DoctorOptions {
  targets: readonly Target[];
  install: boolean;
  quiet: boolean;
  out: (line: string) => void;
}

/** Returns the exit status: 0 all present (or installed), 1 something still missing. */
export function doctor(opts: DoctorOptions): number {
  const { out, quiet } = opts;
  let checks = checksFor(opts.targets);
  const missing = () => checks.filter((c) => !c.ok);
  if (!quiet) for (const c of checks) out(`${c.ok ? 'ok     ' : 'MISSING'} ${c.what}${c.ok ? '' : ` [apt: ${c.packages.join(' ')}]`}`);
  if (missing().length === 0) {
    if (!quiet) out(`doctor: all ${checks.length} tools present for ${opts.targets.map((t) => t.name).join(', ')}`);
    return 0;
  }
  const packages = [...new Set(missing().flatMap((c) => c.packages))].sort();
  const command = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${packages.join(' ')}`;
  if (!opts.install) {
    throw E.toolsMissing(
      `missing: ${missing().map((c) => c.what).join('; ')}\ninstall them with:\n  ${command}\nor run 'release doctor --install'`,
    );
  }
  if (process.getuid && process.getuid() !== 0) throw E.notRoot(command);
  out(`doctor: installing ${packages.length} Debian packages (apt-get's progress follows): ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // apt's own output is the progress of a minutes-long install: shown even with --quiet
  const stdio: ['ignore', 'inherit', 'inherit'] = ['ignore', 'inherit', 'inherit'];
  const update = spawnSync('apt-get', ['update'], { stdio, env });
  if (update.status !== 0) throw E.toolsMissing(`'apt-get update' failed (exit ${update.status}); command was:\n  ${command}`);
  const inst = spawnSync('apt-get', ['install', '-y', ...packages], { stdio, env });
  if (inst.status !== 0) throw E.toolsMissing(`'apt-get install' failed (exit ${inst.status}); command was:\n  ${command}`);
  checks = checksFor(opts.targets);
  if (missing().length) throw E.toolsMissing(`still missing after install: ${missing().map((c) => c.what).join('; ')}`);
  out(`doctor: installed ${packages.length} packages; all ${checks.length} tools present`);
  return 0;
}
