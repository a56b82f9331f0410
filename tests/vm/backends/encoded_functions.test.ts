// Machine code from the aarch64, ppc64le and s390x encoders, run for real: the program
// tests/vm/backends/programs/encoded_functions.ts is translated for each ISA and run under
// its qemu-user; every function it builds (immediates, ALU, overflow checks, doubles, far and
// indexed memory, a patched loop, a call into RTS under the platform's calling convention)
// must print what the same program computes untranslated, and must have run as machine code.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { findTarget } from '../../../common/targets.ts';
import { hasTool, runBinary, translate, untranslated } from '../../translate/harness.ts';

const PROGRAM = join(import.meta.dirname, 'programs', 'encoded_functions.ts');

for (const [name, arch] of [['linux-aarch64', 'aarch64'], ['linux-ppc64le', 'ppc64le'], ['linux-s390x', 's390x']]) {
  const target = findTarget(name);
  const ok = hasTool(target.emulator[0]) && hasTool(target.cc);
  if (!ok) console.warn(`${name}: encoded functions not run (${target.emulator[0]} or ${target.cc} missing)`);
  describe.skipIf(!ok)(`${arch} encoder output runs under ${target.emulator[0]}`, () => {
    it('every encoded function computes what RTS computes', async () => {
      const expected = untranslated(PROGRAM);
      const { binary } = await translate(PROGRAM, name);
      const got = runBinary(binary, name);
      // every line printed came from machine code
      const functions = expected.stdout.trim().split('\n').length;
      expect(got.stderr).toContain(`machine code: ${arch} ${functions} functions`);
      expect(got.stdout).toBe(expected.stdout);
      expect(got.status).toBe(0);
    });
  });
}
