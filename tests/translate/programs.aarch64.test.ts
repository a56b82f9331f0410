// The same programs cross-compiled for linux-aarch64 and run under qemu-user.
import { describe, expect, it } from 'vitest';
import { basename } from 'node:path';
import { hasTool, programs, runBinary, translate, untranslated } from './harness.ts';

const ok = hasTool('qemu-aarch64-static') && hasTool('aarch64-linux-gnu-gcc');
describe.skipIf(!ok)('RTS programs under qemu-aarch64-static (linux-aarch64)', () => {
  for (const file of programs()) {
    it(basename(file), async () => {
      const expected = untranslated(file);
      const { binary } = await translate(file, 'linux-aarch64');
      const got = runBinary(binary, 'linux-aarch64');
      expect(got.stdout).toBe(expected.stdout);
      expect(got.status).toBe(expected.status);
    });
  }
});
