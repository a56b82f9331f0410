// PYVMLOG, as PyPy's PYPYLOG: `PYVMLOG=jit-summary,jit-log-noopt,jit-log-opt,jit-abort,
// jit-guard-fail,jit-backend-dump[:FILE]`
// (`jit` for all of them). Without FILE the log goes to stderr when the program ends.
import type { int, float } from '../../translate/rlib/index.ts';
import { os } from '../../translate/rlib/index.ts';
import { ABORT_NAMES } from './aborts.ts';

export const LOG_HELP = `PYVMLOG=CATEGORIES[:FILE]  what the JIT logs (to FILE, else stderr, when the program ends):
    jit-summary       loops, bridges (and how many the backend linked into the guards'
                      code), entry traces (an outer loop's way into its inner loop; and
                      how many were linked into it), loops given up, aborts by reason, guard failures by file:line, entries,
                      back edges no longer counted, the hottest loops by iterations,
                      recording and optimizer time, the backend with its code bytes and time
    jit-log-noopt     each loop's trace in the IR's text form, as recorded
    jit-log-opt       each loop's trace as the optimizer leaves it
    jit-abort         one line per aborted recording
    jit-guard-fail    one line per guard failure
    jit-backend-dump  each loop's machine code as hex lines (xxd -r reads them; then
                      objdump -D -b binary -m i386:x86-64)
    jit               all of the above`;

export class JitLog {
  summary: boolean = false;
  noopt: boolean = false;
  opt: boolean = false;
  abort: boolean = false;
  guardFail: boolean = false;
  backendDump: boolean = false;
  file: string = '';
  lines: string[] = [];
  loops: int = 0;
  bridges: int = 0;
  /** bridges the backend linked into the code of their guards */
  linked: int = 0;
  /** entry traces (loops whose trace ends in another loop), and those linked into it */
  entryTraces: int = 0;
  entryLinks: int = 0;
  /** loops that ran too few iterations an entry and were dropped */
  givenUp: int = 0;
  aborts: int[] = [];
  guardWhere: string[] = [];
  guardCount: int[] = [];
  entries: int = 0;
  /** calls of the loop hook (the interpreter makes one only when a header's counter runs out:
   * warm-up done, or a compiled loop to enter) */
  hookCalls: int = 0;
  /** back edges of loops given up (or never traceable) that the interpreter no longer counts */
  uncounted: int = 0;
  recordings: int = 0;
  recordSeconds: float = 0.0;
  backendName: string = '';
  backendSeconds: float = 0.0;
  codeBytes: int = 0;
  optSeconds: float = 0.0;
  /** guard failures in all */
  deopts: int = 0;
  /** per loop id: its trace's name, entries and iterations of its root trace (the summary
   * names the hottest loops, whose traces are the ones worth reading) */
  loopName: string[] = [];
  loopEntries: int[] = [];
  loopIters: int[] = [];
  any(): boolean {
    return this.summary || this.noopt || this.opt || this.abort || this.guardFail || this.backendDump;
  }
}

/** Applies spec to log; returns '' or an error naming the bad category and the valid ones. */
export function parseLogSpec(spec: string, log: JitLog): string {
  let cats = spec;
  const colon = spec.indexOf(':');
  if (colon >= 0) {
    cats = spec.slice(0, colon);
    log.file = spec.slice(colon + 1);
    if (log.file === '') return `PYVMLOG=${spec}: empty file name after ':'`;
  }
  for (const c0 of cats.split(',')) {
    const c = c0.trim();
    if (c === '') continue;
    if (c === 'jit') {
      log.summary = true;
      log.noopt = true;
      log.opt = true;
      log.abort = true;
      log.guardFail = true;
      log.backendDump = true;
    } else if (c === 'jit-summary') log.summary = true;
    else if (c === 'jit-log-noopt') log.noopt = true;
    else if (c === 'jit-log-opt') log.opt = true;
    else if (c === 'jit-abort') log.abort = true;
    else if (c === 'jit-guard-fail') log.guardFail = true;
    else if (c === 'jit-backend-dump') log.backendDump = true;
    else return `PYVMLOG: unknown category '${c}' (valid: jit-summary, jit-log-noopt, jit-log-opt, jit-abort, jit-guard-fail, jit-backend-dump, jit)`;
  }
  return '';
}

export function logLine(log: JitLog, s: string): void {
  log.lines.push(s);
}

export function countAbort(log: JitLog, reason: int): void {
  while (log.aborts.length <= reason) log.aborts.push(0);
  log.aborts[reason]++;
}
export function countGuardFail(log: JitLog, where: string): void {
  log.deopts++;
  for (let i = 0; i < log.guardWhere.length; i++) {
    if (log.guardWhere[i] === where) {
      log.guardCount[i]++;
      return;
    }
  }
  log.guardWhere.push(where);
  log.guardCount.push(1);
}

/** The summary block (jit-summary). */
export function summaryText(log: JitLog): string {
  const out: string[] = [];
  out.push('[jit-summary]');
  out.push(`loops: ${log.loops}`);
  out.push(`bridges: ${log.bridges}`);
  out.push(`linked bridges: ${log.linked}`);
  out.push(`entry traces: ${log.entryTraces} (${log.entryLinks} linked)`);
  out.push(`loops given up: ${log.givenUp}`);
  let total = 0;
  for (const n of log.aborts) total += n;
  out.push(`recordings: ${log.recordings} (${log.recordSeconds.toFixed(3)} s)`);
  out.push(`optimizer: ${log.optSeconds.toFixed(3)} s`);
  out.push(`aborts: ${total}`);
  for (let r = 0; r < log.aborts.length; r++) if (log.aborts[r] > 0) out.push(`  ${ABORT_NAMES[r]}: ${log.aborts[r]}`);
  out.push(`backend: ${log.backendName}, code bytes: ${log.codeBytes} (${log.backendSeconds.toFixed(3)} s)`);
  out.push(`entries: ${log.entries}`);
  out.push(`hook calls: ${log.hookCalls}`);
  out.push(`back edges uncounted: ${log.uncounted}`);
  hottestLoops(log, out);
  out.push(`guard failures: ${log.deopts}`);
  // most frequent first, then by place (stable and deterministic)
  const order: int[] = [];
  for (let i = 0; i < log.guardWhere.length; i++) order.push(i);
  for (let i = 1; i < order.length; i++) {
    const x = order[i];
    let j = i - 1;
    while (j >= 0 && (log.guardCount[order[j]] < log.guardCount[x] || (log.guardCount[order[j]] === log.guardCount[x] && log.guardWhere[order[j]] > log.guardWhere[x]))) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = x;
  }
  for (const i of order) out.push(`  ${log.guardWhere[i]}: ${log.guardCount[i]}`);
  out.push('[/jit-summary]');
  return out.join('\n') + '\n';
}

/** Most loops the summary lists by iterations */
const HOT_LOOPS = 10;

/** The loops that ran most iterations, most first (ties by id): `loop N: I iterations in E
 * entries (name)`, so a reader (bench/vm.ts --jit-ops) can find the hottest loop's trace. */
function hottestLoops(log: JitLog, out: string[]): void {
  const order: int[] = [];
  for (let i = 0; i < log.loopName.length; i++) order.push(i);
  for (let i = 1; i < order.length; i++) {
    const x = order[i];
    let j = i - 1;
    while (j >= 0 && log.loopIters[order[j]] < log.loopIters[x]) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = x;
  }
  out.push(`hottest loops: ${order.length < HOT_LOOPS ? order.length : HOT_LOOPS} of ${order.length}`);
  for (let k = 0; k < order.length && k < HOT_LOOPS; k++) {
    const i = order[k];
    out.push(`  loop ${i}: ${log.loopIters[i]} iterations in ${log.loopEntries[i]} entries (${log.loopName[i]})`);
  }
}

/** Writes the log out (called once, when the program ends). */
export function finishLog(log: JitLog): void {
  if (!log.any()) return;
  if (log.summary) log.lines.push(summaryText(log));
  const text = log.lines.length === 0 ? '' : log.lines.join('\n') + (log.lines[log.lines.length - 1].endsWith('\n') ? '' : '\n');
  log.lines.length = 0;
  if (log.file === '') os.write(2, text);
  else if (!os.writeFile(log.file, text)) os.write(2, `pyvm: PYVMLOG: cannot write '${log.file}'\n`);
}
