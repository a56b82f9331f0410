// The flow cache: one store entry per module holding the flow graphs of its functions that
// translations built, keyed by the program's interface (every declaration with the bodies
// left out), each graph marked with the hash of its own declaration's text: a graph depends
// on its own body and the interface, no more. One entry per module, not per function: a
// translation of the VM read 3,000 entries, each verified on its own, after an edit of one
// function; now it reads 200 and writes back the one module whose graphs changed.
import type { Store } from '../../common/store.ts';
import { keyOf, sha256 } from '../../common/hash.ts';
import type { FunctionDesc, ModuleInfo } from '../load/descs.ts';

interface Pack {
  key: string;
  /** by function name: the hash of the declaration it was built from, and the serialized graph */
  graphs: Map<string, { decl: string; graph: string }>;
  /** graphs added since it was read: the pack is written again */
  grown: boolean;
}

/** Packs as last read or written by this process, by store and key: the next translation in the same
 * process (an edit) takes them from here instead of reading and verifying the store again.
 * Each graph in a pack is still checked against its declaration's hash. */
const recent = new Map<string, Map<string, { decl: string; graph: string }>>();

export class FlowPacks {
  private packs = new Map<ModuleInfo, Pack>();
  /** each function's declaration hash, once: a graph not found is looked up, then put */
  private decls = new Map<FunctionDesc, string>();

  constructor(
    private readonly store: Store,
    private readonly toolchain: string,
    private readonly interfaceHash: string,
  ) {}

  private pack(m: ModuleInfo): Pack {
    let p = this.packs.get(m);
    if (!p) {
      const key = keyOf(this.toolchain, 'flow-pack', this.interfaceHash, m.relPath);
      let graphs = recent.get(`${this.store.root}\0${key}`);
      // kept in memory but gone from the store (pruned, or another store at the same place): written again
      const grown = graphs !== undefined && !this.store.has('flow', key);
      if (!graphs) {
        graphs = new Map<string, { decl: string; graph: string }>();
        const text = this.store.getBlob('flow', key)?.toString() ?? '';
        // one graph per line: its function's name, its declaration's hash, the graph's JSON
        // (which has no raw newline), separated by tabs
        for (const line of text.split('\n')) {
          const t1 = line.indexOf('\t');
          const t2 = line.indexOf('\t', t1 + 1);
          if (t1 > 0 && t2 > t1) graphs.set(line.slice(0, t1), { decl: line.slice(t1 + 1, t2), graph: line.slice(t2 + 1) });
        }
      }
      p = { key, graphs, grown };
      this.packs.set(m, p);
    }
    return p;
  }

  /** The serialized graph of fd a translation built before from the same declaration and interface, or null. */
  get(fd: FunctionDesc): string | null {
    const e = this.pack(fd.module).graphs.get(fd.name);
    return e && e.decl === this.declHash(fd) ? e.graph : null;
  }

  put(fd: FunctionDesc, graph: string): void {
    const p = this.pack(fd.module);
    p.graphs.set(fd.name, { decl: this.declHash(fd), graph });
    p.grown = true;
  }

  /** What a function's graph is built from besides the interface: its declaration (for a synthesized constructor, its class's). */
  private declHash(fd: FunctionDesc): string {
    let h = this.decls.get(fd);
    if (h === undefined) {
      h = sha256(fd.decl?.getText() ?? fd.cls?.decl?.getText() ?? '');
      this.decls.set(fd, h);
    }
    return h;
  }

  /** Writes the packs that gained or replaced graphs (replacing what was under their key). */
  save(): void {
    // the process keeps this program's packs only (an interface change makes new keys)
    recent.clear();
    for (const p of this.packs.values()) recent.set(`${this.store.root}\0${p.key}`, p.graphs);
    for (const p of this.packs.values()) {
      if (!p.grown) continue;
      const text = [...p.graphs].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([name, e]) => `${name}\t${e.decl}\t${e.graph}`).join('\n');
      this.store.replaceBlob('flow', p.key, text);
      p.grown = false;
    }
  }
}
