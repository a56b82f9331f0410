// `release translate [ENTRY.ts] [--target T] [--out DIR] [--json] [--cache DIR] [--opt N] [--debug-info] [--cflag F]...`
import { parseArgs } from 'node:util';
import { join, relative } from 'node:path';
import { translateProgram, DEFAULT_ENTRY, DEFAULT_CACHE, DEFAULT_SETTINGS, type CompileSettings, type StageReport } from './driver.ts';
import { RtsError } from './errors.ts';
import { REPO_ROOT } from './load/sources.ts';
import { hostTargetName, UnknownTargetError, findTarget, unbuildableReason } from '../common/targets.ts';

export const TRANSLATE_HELP = `Usage: release translate [ENTRY.ts] [options]

Translates an RTS program (restricted TypeScript) to C and compiles it for a target.
ENTRY.ts must export function main(argv: string[]): int. Default: the VM, vm/main.ts.

Options:
  --target T     target to compile for (default: this host, ${hostTargetName()}); see release targets
  --out DIR      where to put the binary (default: out/<target>/)
  --cache DIR    stage cache (default: .cache/translate)
  --opt N        C optimisation level 0-3 (default: ${DEFAULT_SETTINGS.opt}); a recipe's translation.opt
  --debug-info   compile with debug information (-g); a recipe's translation.debugInfo
  --cflag F      an extra C compiler flag, repeatable (-Wl,... goes to the link); a recipe's
                 translation.cflags. A flag starting with '-' is written --cflag=-F
  --json         print the stage report as JSON (with the binary's path)
  -h, --help     show this help

Each stage (load, flow, annotate, rtype, genc, compile) is cached by the hash of its
inputs; a second run with the same inputs reuses everything. When no byte of the
program's files changed, load is taken from the store by their hashes, without parsing
or running them (load-time code must compute the same constants from the same sources).`;

export async function translateCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        target: { type: 'string' },
        out: { type: 'string' },
        cache: { type: 'string' },
        json: { type: 'boolean' },
        opt: { type: 'string' },
        'debug-info': { type: 'boolean' },
        cflag: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    console.error(`release translate: error: ${(e as Error).message}\n\n${TRANSLATE_HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(TRANSLATE_HELP);
    return 0;
  }
  if (positionals.length > 1) {
    console.error(`release translate: error: one entry module expected, got ${positionals.length}: ${positionals.join(' ')}`);
    return 2;
  }
  const opt = values.opt ?? String(DEFAULT_SETTINGS.opt);
  if (!/^[0-3]$/.test(opt)) {
    console.error(`release translate: error: --opt must be 0, 1, 2 or 3, got '${opt}'`);
    return 2;
  }
  const settings: CompileSettings = { opt: Number(opt) as CompileSettings['opt'], debugInfo: values['debug-info'] ?? false, cflags: values.cflag ?? [] };
  const targetName = values.target ?? hostTargetName();
  try {
    const t = findTarget(targetName);
    const why = unbuildableReason(t);
    if (why) {
      console.error(`release translate: error: ${why}`);
      return 2;
    }
  } catch (e) {
    if (e instanceof UnknownTargetError) {
      console.error(`release translate: error: ${e.message}`);
      return 2;
    }
    throw e;
  }
  const entry = positionals[0] ?? DEFAULT_ENTRY;
  const outDir = values.out ?? join(REPO_ROOT, 'out', targetName);
  const lines: string[] = [];
  const log = values.json ? (l: string) => lines.push(l) : (l: string) => console.log(l);
  try {
    const r = await translateProgram({
      entry,
      target: targetName,
      outDir,
      cacheDir: values.cache ?? DEFAULT_CACHE,
      log,
      binaryName: positionals[0] ? undefined : 'pyvm',
      settings,
    });
    if (values.json) {
      console.log(JSON.stringify({ entry, target: targetName, binary: r.binary, cflags: r.cflags, stages: r.stages }, null, 2));
    } else {
      const total = r.stages.reduce((n: number, s: StageReport) => n + s.seconds, 0);
      const peak = Math.max(...r.stages.map((s) => s.peakRssMB));
      console.log(`total     ${total.toFixed(2).padStart(7)} s  peak RSS ${peak} MB`);
      console.log(`cflags    ${r.cflags.compile.join(' ')}`);
      console.log(`binary    ${relative(process.cwd(), r.binary) || r.binary}`);
    }
    return 0;
  } catch (e) {
    if (e instanceof RtsError) {
      console.error(e.format());
      return 1;
    }
    throw e;
  }
}

