// Functions made only of methods that do not allocate (list pop/indexOf/includes, Map
// get/has/delete, charCodeAt, startsWith, Math.*) get no shadow-stack frame, and what those
// methods return still survives every collection around them: the program gives Node's
// output with a collection every KiB and freed memory poisoned (RTS_GC_DEBUG).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HERE, hasTool, runBinary, translate, untranslated } from '../harness.ts';
import { translateFront } from '../../../translate/front.ts';
import { toolchainVersion } from '../../../translate/driver.ts';
import { Store } from '../../../common/store.ts';

const FIXTURE = join(HERE, 'fixtures', 'leaf_methods.ts');

/** The C text of function `name` in the generated files. */
function cFunction(files: { name: string; text: string }[], name: string): string {
  for (const f of files) {
    const m = new RegExp(`^[^\\n]*\\b${name}\\([^\\n]*\\{$([\\s\\S]*?)^\\}$`, 'm').exec(f.text);
    if (m) return m[0];
  }
  throw new Error(`no C function ${name}`);
}

describe('leaf functions of non-allocating methods', () => {
  it('have no shadow-stack frame; their callers root only across allocations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leaf-'));
    try {
      const { cFiles } = await translateFront(FIXTURE, new Store(dir), toolchainVersion(), () => {}, true);
      for (const leaf of ['fn_Stack_take', 'fn_Stack_holds', 'fn_fixtures_leaf_methods_firstCode', 'fn_fixtures_leaf_methods_lookup', 'fn_fixtures_leaf_methods_scale']) {
        expect(cFunction(cFiles, leaf), leaf).not.toContain('rts_frame');
      }
      // main allocates with references live: it keeps its frame
      expect(cFunction(cFiles, 'fn_fixtures_leaf_methods_main')).toContain('rts_frame');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!hasTool('cc'))("give Node's output under RTS_GC_DEBUG=1 (a collection every KiB)", async () => {
    const expected = untranslated(FIXTURE);
    expect(expected.stdout).toMatch(/^leaf methods \d+ 0 2\n$/);
    const { binary } = await translate(FIXTURE, 'linux-x86_64');
    const r = runBinary(binary, 'linux-x86_64', undefined, { RTS_GC_DEBUG: '1' });
    expect(r.stdout).toBe(expected.stdout);
    expect(r.status).toBe(0);
  });
});
