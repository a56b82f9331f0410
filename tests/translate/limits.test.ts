// The runtime's limits seen from a translated program: heap exhaustion is rlib's MemoryError,
// raised at the next function entry, caught, and the program carries on once it let go; the
// recursion limit is the same after every stack overflow. Natively and on a big-endian target.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { HERE, hasTool, runBinary, translate } from './harness.ts';

const FIXTURE = join(HERE, 'fixtures', 'limits.ts');
const EXPECTED = [
  'stack overflow caught twice, same depth: true',
  'round 1: MemoryError: out of memory',
  'round 2: MemoryError: out of memory',
  'round 3: MemoryError: out of memory',
  'afterwards: 100000 items in short-lived lists',
  'depth unchanged after MemoryError: true',
  '',
].join('\n');

describe('runtime limits, translated', () => {
  for (const target of ['linux-x86_64', 'linux-s390x']) {
    const tool = target === 'linux-s390x' ? 'qemu-s390x-static' : 'cc';
    it.skipIf(!hasTool(tool))(`${target}: MemoryError under RTS_HEAP_LIMIT_MB=64, caught three times, then recovers`, async () => {
      const { binary } = await translate(FIXTURE, target);
      const r = runBinary(binary, target, [], { RTS_HEAP_LIMIT_MB: '64' });
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(EXPECTED);
      expect(r.status).toBe(0);
    });
  }

  it.skipIf(!hasTool('cc'))('the same with a collection every 256 KiB and freed memory poisoned (RTS_GC_DEBUG)', async () => {
    const { binary } = await translate(FIXTURE, 'linux-x86_64');
    const r = runBinary(binary, 'linux-x86_64', [], { RTS_HEAP_LIMIT_MB: '64', RTS_GC_DEBUG: '256' });
    expect(r.stdout).toBe(EXPECTED);
    expect(r.status).toBe(0);
  });

  it.skipIf(!hasTool('cc'))('an uncaught MemoryError ends the program like any uncaught exception: exit 1, not a fatal error', async () => {
    const { binary } = await translate(FIXTURE, 'linux-x86_64');
    const r = runBinary(binary, 'linux-x86_64', ['uncaught'], { RTS_HEAP_LIMIT_MB: '64' });
    expect(r.stderr).toBe('Uncaught MemoryError: out of memory\n');
    expect(r.status).toBe(1);
  });
});
