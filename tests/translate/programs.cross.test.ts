// The same programs cross-compiled for each other Linux ISA and run under qemu-user:
// aarch64, ppc64le and s390x (big-endian).
import { describe, expect, it } from 'vitest';
import { basename } from 'node:path';
import { findTarget } from '../../common/targets.ts';
import { hasTool, programs, runBinary, translate, untranslated } from './harness.ts';

for (const name of ['linux-aarch64', 'linux-ppc64le', 'linux-s390x']) {
  const target = findTarget(name);
  const ok = hasTool(target.emulator[0]) && hasTool(target.cc);
  describe.skipIf(!ok)(`RTS programs under ${target.emulator[0]} (${name})`, () => {
    for (const file of programs()) {
      it(basename(file), async () => {
        const expected = untranslated(file);
        const { binary } = await translate(file, name);
        const got = runBinary(binary, name);
        expect(got.stdout).toBe(expected.stdout);
        expect(got.status).toBe(expected.status);
      });
    }
  });
}
