// Progress reporting for task runs, one interface, three renderings: listr2 live progress on
// a TTY, plain timestamped lines otherwise, JSON lines for machines (--json).
import { Listr } from 'listr2';
import type { PlanEntry, TaskEvent } from './tasks/index.ts';
import { explain } from './errors.ts';

export type Mode = 'tty' | 'plain' | 'json';

export interface Reporter {
  event(e: TaskEvent): void;
  /** a message outside any task */
  note(text: string, data?: Record<string, unknown>): void;
  /** waits for the live display to settle */
  close(): Promise<void>;
}

export function chooseMode(json: boolean): Mode {
  return json ? 'json' : process.stdout.isTTY && !process.env.CI ? 'tty' : 'plain';
}

/** Nodes may return `{ skip: reason }` as their meta: a skip is a value carrying its reason. */
function skipOf(meta: unknown): string | null {
  return meta && typeof meta === 'object' && typeof (meta as { skip?: unknown }).skip === 'string' ? (meta as { skip: string }).skip : null;
}

/** A damaged cache entry, said once: which entry, what was wrong, and that the task runs again. */
const damagedLine = (e: Extract<TaskEvent, { type: 'damaged' }>) =>
  `cache entry ${e.stage}/${e.key.slice(0, 16)} is damaged (${e.problem}): removed, rebuilding`;

const stamp = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

export function createReporter(mode: Mode, plan: PlanEntry[], write: (s: string) => void = (s) => process.stdout.write(s)): Reporter {
  if (mode === 'json') {
    return {
      event(e) {
        const { type, name, meta, ...rest } = e as TaskEvent & Record<string, unknown>;
        const extra = 'error' in rest ? { error: explain(rest.error as Error) } : { ...rest, ...(skipOf(meta) ? { skip: skipOf(meta) } : {}) };
        write(JSON.stringify({ time: stamp(), event: type, task: name, ...extra }) + '\n');
      },
      note(text, data) {
        write(JSON.stringify({ time: stamp(), event: 'note', message: text, ...data }) + '\n');
      },
      async close() {},
    };
  }
  if (mode === 'plain') {
    return {
      event(e) {
        const line =
          e.type === 'start' ? 'started'
          : e.type === 'log' ? `  ${e.line}`
          : e.type === 'cached' ? `cached (verified in ${e.seconds}s)${skipOf(e.meta) ? `; skipped: ${skipOf(e.meta)}` : ''}`
          : e.type === 'done' ? `done in ${e.seconds}s${skipOf(e.meta) ? `; skipped: ${skipOf(e.meta)}` : ''}`
          : e.type === 'failed' ? `FAILED after ${e.seconds}s: ${explain(e.error)}`
          : e.type === 'damaged' ? damagedLine(e)
          : `not run: depends on failed ${e.by}`;
        write(`${stamp()} ${e.name}: ${line}\n`);
      },
      note(text) {
        write(`${stamp()} ${text}\n`);
      },
      async close() {},
    };
  }
  // tty: one listr2 task per plan entry, each waiting for the engine's events
  const waiters = new Map<string, { resolve: (e: TaskEvent) => void; update: (line: string) => void; events: TaskEvent[] }>();
  for (const p of plan) waiters.set(p.name, { resolve: () => {}, update: () => {}, events: [] });
  const notes: string[] = [];
  const list = new Listr(
    plan.map((p) => ({
      title: p.title,
      task: (_ctx: unknown, task: { skip(msg?: string): void; output: string; title: string }) =>
        new Promise<void>((resolve, reject) => {
          const w = waiters.get(p.name)!;
          const settle = (e: TaskEvent) => {
            if (e.type === 'cached') {
              task.skip(`${p.title} (cached${skipOf(e.meta) ? `; skipped: ${skipOf(e.meta)}` : ''})`);
              resolve();
            } else if (e.type === 'done') {
              if (skipOf(e.meta)) task.skip(`${p.title} (skipped: ${skipOf(e.meta)})`);
              else task.title = `${p.title} (${e.seconds}s)`;
              resolve();
            } else if (e.type === 'failed') reject(e.error);
            else if (e.type === 'blocked') {
              task.skip(`${p.title} (not run: ${e.by} failed)`);
              resolve();
            }
          };
          w.update = (line) => (task.output = line);
          w.resolve = settle;
          for (const e of w.events) (e.type === 'log' ? w.update(e.line) : e.type !== 'damaged' && settle(e));
        }),
    })),
    { concurrent: true, exitOnError: false, rendererOptions: { collapseSkips: false, showSkipMessage: true } as never },
  );
  const running = list.run().catch(() => {});
  return {
    event(e) {
      const w = waiters.get(e.name);
      if (!w) return;
      w.events.push(e);
      if (e.type === 'log') w.update(e.line);
      else if (e.type === 'damaged') notes.push(`${e.name}: ${damagedLine(e)}`);
      else if (e.type !== 'start') w.resolve(e);
    },
    note(text) {
      notes.push(text);
    },
    async close() {
      // anything never reported (the run stopped early) is released as not run
      for (const [name, w] of waiters) if (!w.events.some((e) => e.type !== 'start' && e.type !== 'log' && e.type !== 'damaged')) w.resolve({ type: 'blocked', name, by: 'an earlier failure' });
      await running;
      for (const n of notes) write(`${n}\n`);
    },
  };
}

/** 1536 -> '1.5 KiB': sizes in progress lines and plans. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

/**
 * Turns a transfer's byte counts into progress lines ('1.2 MiB of 3.4 MiB (35%), 5.6 MiB/s').
 * A live display gets every change (listr2 redraws at its own pace); plain logs get a line per
 * quarter of the transfer or every 10 seconds, so CI logs stay readable for large uploads.
 */
export function transferMeter(mode: Mode, emit: (line: string) => void, now: () => number = () => performance.now()): (done: number, total: number) => void {
  let start = -1;
  let lastQuarter = -1;
  let lastAt = 0;
  return (done, total) => {
    const t = now();
    if (start < 0 || done === 0) {
      start = t;
      lastQuarter = -1;
      lastAt = t;
    }
    const seconds = (t - start) / 1000;
    const rate = seconds > 0 ? `, ${formatBytes(Math.round(done / seconds))}/s` : '';
    const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
    const line = `${formatBytes(done)} of ${formatBytes(total)} (${pct}%)${rate}`;
    if (mode === 'tty') return emit(line);
    if (mode === 'json' || (done === 0 && total > 0)) return;
    const quarter = Math.floor(pct / 25);
    if (quarter > lastQuarter || t - lastAt >= 10_000) {
      lastQuarter = quarter;
      lastAt = t;
      emit(line);
    }
  };
}
