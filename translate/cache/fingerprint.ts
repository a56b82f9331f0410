// A stable fingerprint of the program's prebuilt constants (the values of module-level
// consts after load time), so that load-time computation that changes them invalidates
// the cache even when no source file changed (e.g. a table read from the environment).
import { createHash } from 'node:crypto';
import type { LoadedProgram } from '../load/loader.ts';

export function fingerprint(prog: LoadedProgram): string {
  const h = createHash('sha256');
  const seen = new Map<object, number>();
  const walk = (v: unknown, depth: number): void => {
    if (v === null || v === undefined || typeof v !== 'object') {
      if (typeof v === 'function') h.update(`fn:${(v as { name?: string }).name ?? ''};`);
      else if (typeof v === 'number') h.update(`n:${Object.is(v, -0) ? '-0' : String(v)};`);
      else h.update(`${typeof v}:${String(v)};`);
      return;
    }
    const ref = seen.get(v);
    if (ref !== undefined) {
      h.update(`#${ref};`);
      return;
    }
    seen.set(v, seen.size);
    if (Array.isArray(v)) {
      h.update(`[${v.length}`);
      for (const x of v) walk(x, depth + 1);
      h.update(']');
    } else if (v instanceof Map) {
      h.update(`M${v.size}`);
      for (const [k, x] of v) {
        walk(k, depth + 1);
        walk(x, depth + 1);
      }
    } else {
      h.update(`{${(v as object).constructor?.name ?? 'Object'}`);
      for (const k of Object.keys(v).sort()) {
        h.update(`${k}=`);
        walk((v as Record<string, unknown>)[k], depth + 1);
      }
      h.update('}');
    }
  };
  for (const m of [...prog.modules.values()].sort((a, b) => (a.relPath < b.relPath ? -1 : 1))) {
    h.update(`module ${m.relPath}\n`);
    for (const [name, kind] of [...m.kinds].sort()) {
      if (kind !== 'const') continue;
      h.update(`${name}:`);
      walk(m.bindings.get(name), 0);
    }
  }
  return h.digest('hex');
}
