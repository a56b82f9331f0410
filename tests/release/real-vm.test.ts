// The done-criterion of the orchestrator: `release build --target linux-s390x` from a checkout
// translates the real VM, cross-compiles it, packages every artifact and smoke-tests each one
// under qemu. The translation cache is shared with the translate suites (it is content-keyed),
// so the VM is translated once per machine.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, release } from './helpers.ts';

describe('release build with the translated VM', () => {
  it('builds, packages and smoke-tests linux-s390x under qemu', async () => {
    const base = mkdtempSync(join(tmpdir(), 'release-real-'));
    const cache = join(base, 'cache');
    mkdirSync(cache);
    const shared = join(REPO, '.cache', 'test-translate');
    mkdirSync(shared, { recursive: true });
    symlinkSync(shared, join(cache, 'translate'));
    const dist = join(base, 'dist');
    const r = await release(['build', '--target', 'linux-s390x', '--cache-dir', cache, '--dist-dir', dist]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    // every smoke program of the recipe ran and passed, however many the recipe lists
    const programs = (readFileSync(join(REPO, 'recipes', 'pyvm.yaml'), 'utf8').split('\nsmoke:\n')[1] ?? '').match(/^  - name: /gm)?.length ?? 0;
    expect(programs).toBeGreaterThanOrEqual(5);
    for (const kind of ['archive', 'conda', 'deb', 'rpm', 'installer-script', 'oci-layout'])
      expect(r.stdout).toMatch(new RegExp(`smoke:linux-s390x:${kind}: .*${programs}/${programs} programs passed`));
    const manifest = JSON.parse(readFileSync(join(dist, '0.1.0', 'manifest.json'), 'utf8')) as { artifacts: { path: string }[] };
    expect(manifest.artifacts.length).toBeGreaterThan(5);
    expect(existsSync(join(dist, '0.1.0', 'pyvm-0.1.0-linux-s390x.tar.gz'))).toBe(true);
  });
});
