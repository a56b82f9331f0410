// The task engine's data model: a node declares a name, its inputs and its dependencies,
// and a run function that writes its outputs into a directory the engine provides. The
// engine knows nothing about releases; translate/ can use it for its stages too.

import type { FileRecord } from '../../common/store.ts';

export type { FileRecord };

export interface TaskContext {
  /** empty directory: everything written here becomes the node's cached output */
  out: string;
  /** results of this node's dependencies, by name */
  deps: Record<string, TaskResult>;
  log(line: string): void;
}

export interface TaskNode {
  /** `stage` or `stage:qualifier...`; the stage names the cache directory */
  name: string;
  title?: string;
  deps: readonly string[];
  /** anything JSON-serialisable that determines the output (file hashes, flags, tool identities) */
  inputs: unknown;
  /** writes outputs into ctx.out; the returned JSON value is stored as the entry's meta */
  run(ctx: TaskContext): Promise<unknown>;
}

export interface TaskResult {
  name: string;
  key: string;
  /** directory holding the outputs (inside the store) */
  dir: string;
  files: FileRecord[];
  meta: unknown;
  cached: boolean;
  seconds: number;
}

export type PlanStatus = 'cached' | 'will-run';

export interface PlanEntry {
  name: string;
  stage: string;
  title: string;
  key: string;
  deps: string[];
  status: PlanStatus;
}

export type TaskEvent =
  | { type: 'start'; name: string }
  | { type: 'log'; name: string; line: string }
  | { type: 'cached'; name: string; seconds: number; meta: unknown }
  /** the node's store entry was damaged: removed, and the node runs again */
  | { type: 'damaged'; name: string; stage: string; key: string; problem: string }
  | { type: 'done'; name: string; seconds: number; meta: unknown }
  | { type: 'failed'; name: string; seconds: number; error: Error }
  | { type: 'blocked'; name: string; by: string };

export function stageOf(name: string): string {
  return name.split(':')[0];
}
