// The store's sweeps and commits around debris: the quick sweep every run makes removes dead
// writers' temp folders by name alone; a key folder without entry.json (which commit never
// leaves) is left to the deep sweep of `release cache prune`, and a writer that meets one at
// its key replaces it instead of failing.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../common/store.ts';
import { keyOf } from '../../common/hash.ts';

const dir = mkdtempSync(join(tmpdir(), 'test-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const deadPid = () => Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);

describe('store', () => {
  it('sweeps dead writers by name every time, unsealed key folders only when asked to go deep', () => {
    const store = new Store(join(dir, 'a'));
    store.putBlob('s', keyOf('kept'), 'kept');
    const dead = join(store.root, 's', `.tmp-${deadPid()}-0123456789ab`);
    const live = join(store.root, 's', `.tmp-${process.pid}-0123456789ab`);
    const unsealed = join(store.root, 's', keyOf('debris'));
    for (const d of [dead, live, unsealed]) mkdirSync(join(d, 'files'), { recursive: true });
    expect(store.sweep()).toBe(1);
    expect([existsSync(dead), existsSync(live), existsSync(unsealed)]).toEqual([false, true, true]);
    expect(store.sweep(true)).toBe(1);
    expect([existsSync(live), existsSync(unsealed)]).toEqual([true, false]);
    expect(store.getBlob('s', keyOf('kept'))?.toString()).toBe('kept');
  });

  it('a writer replaces an unsealed folder at its key, saying it was damaged', () => {
    const store = new Store(join(dir, 'b'));
    const damaged: string[] = [];
    store.onDamaged = (d) => damaged.push(`${d.stage}: ${d.problem}`);
    const key = keyOf('x');
    mkdirSync(join(store.entryPath('s', key), 'files'), { recursive: true });
    writeFileSync(join(store.entryPath('s', key), 'files', 'blob'), 'half');
    store.putBlob('s', key, 'whole');
    expect(store.getBlob('s', key)?.toString()).toBe('whole');
    expect(damaged).toHaveLength(1);
  });
});
