// The artifact registry packagers meet through: records by name, selected by kind and target.
import type { ArtifactKind, ArtifactRecord, ArtifactRegistry } from './types.ts';

export class MemoryRegistry implements ArtifactRegistry {
  #records: ArtifactRecord[] = [];
  all(): readonly ArtifactRecord[] {
    return this.#records;
  }
  select(f: { kind?: ArtifactKind; target?: string | null }): ArtifactRecord[] {
    return this.#records.filter((r) => (f.kind === undefined || r.kind === f.kind) && (f.target === undefined || r.target === f.target));
  }
  add(records: readonly ArtifactRecord[]): void {
    for (const r of records) {
      const i = this.#records.findIndex((x) => x.name === r.name);
      if (i >= 0) this.#records[i] = r;
      else this.#records.push(r);
    }
  }
}
