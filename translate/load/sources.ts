// The warm path of stage `load`, without the TypeScript compiler: a full load records each
// source file's direct imports in the store, keyed by the file's bytes, and a summary of
// the load keyed by the bytes of every file of the program. A later translation follows
// the recorded imports from the entry, hashing each file it reaches; when every file
// still has its recorded bytes the summary names the load key, and nothing is parsed.
// Any changed, added or removed byte in the import closure changes the key: a miss.
//
// What this assumes (docs/rts.md, "Load time"): module top-level code computes the same
// prebuilt constants from the same sources, translator and Node version.
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from '../../common/store.ts';
import { keyOf, sha256 } from '../../common/hash.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A module's name in messages, C file names and keys: repo-relative in the repo, else entry-relative. */
export function relPathFor(abs: string, entryDir: string): string {
  const inRepo = abs.startsWith(REPO_ROOT + sep);
  return (inRepo ? relative(REPO_ROOT, abs) : relative(entryDir, abs)).split(sep).join('/');
}

/** What a warm translation needs of a load it does not repeat. */
export interface LoadSummary {
  loadKey: string;
  /** the load-js entry holding the program's transpiled modules (verified on the warm path too) */
  loadJsKey: string;
  counts: Record<string, number>;
}

/** One program file as the full load read it, with its direct imports among the program's files. */
export interface LoadedFile {
  abs: string;
  /** the text TypeScript parsed */
  text: string;
  /** absolute paths of the program files it imports; null when an import was resolved some way the warm path cannot follow */
  imports: string[] | null;
}

const importsKey = (toolchain: string, abs: string, bytesHash: string): string => keyOf(toolchain, 'imports', abs, bytesHash);

function quickKey(toolchain: string, entryAbs: string, files: Map<string, string>): string {
  const entryDir = dirname(entryAbs);
  const sources = [...files].map(([abs, h]) => `${relPathFor(abs, entryDir)}=${h}`).sort();
  return keyOf(toolchain, 'load-summary', process.version, relPathFor(entryAbs, entryDir), ...sources);
}

/** The text TypeScript reads from these bytes (UTF-8, a byte-order mark dropped). */
const decoded = (bytes: Buffer): string => {
  const s = bytes.toString('utf8');
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
};

/**
 * Records a full load for later warm runs. Records nothing when the warm path could not
 * reproduce it: an import it cannot follow, a closure that is not exactly the loaded files,
 * or a file whose bytes changed while it was being loaded.
 */
export function recordLoad(store: Store, toolchain: string, entryAbs: string, files: LoadedFile[], summary: LoadSummary): boolean {
  const byAbs = new Map(files.map((f) => [f.abs, f]));
  const hashes = new Map<string, string>();
  for (const f of files) {
    if (!f.imports) return false;
    let bytes: Buffer;
    try {
      bytes = readFileSync(f.abs);
    } catch {
      return false;
    }
    if (decoded(bytes) !== f.text) return false;
    hashes.set(f.abs, sha256(bytes));
  }
  // the closure the warm path will walk must be the program, no more and no less
  const reached = new Set<string>([entryAbs]);
  for (const abs of reached) for (const dep of byAbs.get(abs)?.imports ?? []) reached.add(dep);
  if (reached.size !== files.length || ![...reached].every((abs) => byAbs.has(abs))) return false;
  for (const f of files) {
    const key = importsKey(toolchain, f.abs, hashes.get(f.abs)!);
    // read, not just looked for: a damaged record is reported and replaced now
    if (!store.getBlob('imports', key)) store.putBlob('imports', key, JSON.stringify(f.imports));
  }
  const key = quickKey(toolchain, entryAbs, hashes);
  if (!store.getBlob('load-summary', key)) store.putBlob('load-summary', key, JSON.stringify(summary));
  return true;
}

/**
 * The summary of the last full load of this program if no byte of it changed since, else
 * null (a file missing, changed, or imports never recorded for its bytes). Damaged store
 * entries are reported by the store and count as missing.
 */
export function findLoad(store: Store, toolchain: string, entryAbs: string): LoadSummary | null {
  const hashes = new Map<string, string>();
  const queue = [entryAbs];
  for (let abs = queue.pop(); abs !== undefined; abs = queue.pop()) {
    if (hashes.has(abs)) continue;
    let bytes: Buffer;
    try {
      bytes = readFileSync(abs);
    } catch {
      return null;
    }
    const h = sha256(bytes);
    hashes.set(abs, h);
    const deps = store.getBlob('imports', importsKey(toolchain, abs, h));
    if (!deps) return null;
    queue.push(...(JSON.parse(deps.toString()) as string[]));
  }
  const summary = store.getBlob('load-summary', quickKey(toolchain, entryAbs, hashes));
  return summary ? (JSON.parse(summary.toString()) as LoadSummary) : null;
}
