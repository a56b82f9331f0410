// Keys of the front-end stages after load, and reading them back whole from the store:
// shared by the warm path (driver.ts, without TypeScript) and the full one (front.ts).
import type { Store } from '../../common/store.ts';
import { keyOf, sha256 } from '../../common/hash.ts';
import type { CFile } from '../genc/genc.ts';

/** Reports one stage: its name, when it started (performance.now()), whether cached, what it produced. */
export type StageLog = (name: string, t0: number, cached: boolean, counts: Record<string, number>) => void;

export interface FrontKeys {
  annotate: string;
  rtype: string;
  genc: string;
}

// annotate, rtype and genc see only the loaded program (no target, no settings), so one
// translation serves every target: only compile is per target
export function frontKeys(toolchain: string, loadKey: string): FrontKeys {
  const annotate = keyOf(toolchain, 'annotate', loadKey);
  const rtype = keyOf(annotate, 'rtype');
  return { annotate, rtype, genc: keyOf(rtype, 'genc') };
}

/** The report of genc's output, kept beside its C files so that a warm run need not parse them. */
export const gencCountsKey = (gencKey: string): string => keyOf(gencKey, 'counts');

/** One C file of genc's output as its entry lists it: the file itself is the store entry `c`/key. */
interface CRef {
  name: string;
  key: string;
}

/**
 * Stores genc's output: each C file as its own entry, named by its text (one already there is
 * not written again: after an edit, two or three files of 200 are new), and genc's entry as
 * the list of them. The VM's C is 40 MB; as one JSON entry it was written whole every time.
 */
export function putGenc(store: Store, gencKey: string, files: CFile[]): void {
  const refs: CRef[] = files.map((f) => ({ name: f.name, key: sha256(f.text) }));
  files.forEach((f, i) => {
    if (!store.has('c', refs[i].key)) store.putBlob('c', refs[i].key, f.text);
  });
  store.putBlob('genc', gencKey, JSON.stringify(refs));
}

/** A front end read whole from the store: its C files (read when asked for), and the report of its stages as cached. */
export interface CachedFront {
  gencKey: string;
  /** genc's C files, read and verified again now; null if the entry was damaged since readFront */
  cFiles(): CFile[] | null;
  report(stage: StageLog): void;
}

/** The front end whose annotate, rtype and genc entries are all present and intact (each verified), else null. */
export function readFront(store: Store, keys: FrontKeys): CachedFront | null {
  // the C (tens of MB for the VM) is verified in chunks, not read whole: a warm run whose
  // link is cached never needs it, but a damaged entry is still found (and rebuilt) now
  const list = store.getBlob('genc', keys.genc);
  const gencCounts = store.getBlob('genc', gencCountsKey(keys.genc));
  const ann = store.getBlob('annotate', keys.annotate);
  const rt = store.getBlob('rtype', keys.rtype);
  if (!list || !gencCounts || !ann || !rt) return null;
  const refs = JSON.parse(list.toString()) as CRef[];
  if (!refs.every((r) => store.blobFile('c', r.key))) return null;
  const a = JSON.parse(ann.toString()) as { counts: Record<string, number>; flow: Record<string, number> };
  const r = JSON.parse(rt.toString()) as { counts: Record<string, number> };
  let parsed: CFile[] | null = null;
  return {
    gencKey: keys.genc,
    cFiles() {
      if (parsed) return parsed;
      const files: CFile[] = [];
      for (const r of refs) {
        const text = store.getBlob('c', r.key);
        if (!text) return null;
        files.push({ name: r.name, text: text.toString() });
      }
      return (parsed = files);
    },
    report(stage) {
      const t0 = performance.now();
      stage('flow', t0, true, a.flow);
      stage('annotate', t0, true, a.counts);
      stage('rtype', t0, true, r.counts);
      stage('genc', t0, true, JSON.parse(gencCounts.toString()) as Record<string, number>);
    },
  };
}
