// The same programs cross-compiled for linux-s390x and run under qemu-user.
import { describe, expect, it } from 'vitest';
import { basename } from 'node:path';
import { hasTool, programs, runBinary, translate, untranslated } from './harness.ts';

const ok = hasTool('qemu-s390x-static') && hasTool('s390x-linux-gnu-gcc');
describe.skipIf(!ok)('RTS programs under qemu-s390x-static (linux-s390x)', () => {
  for (const file of programs()) {
    it(basename(file), async () => {
      const expected = untranslated(file);
      const { binary } = await translate(file, 'linux-s390x');
      const got = runBinary(binary, 'linux-s390x');
      expect(got.stdout).toBe(expected.stdout);
      expect(got.status).toBe(expected.status);
    });
  }
});
