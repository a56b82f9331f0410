// Every RTS test program behaves the same untranslated (Node) and translated (native C).
import { describe, expect, it } from 'vitest';
import { basename } from 'node:path';
import { programs, runBinary, translate, untranslated } from './harness.ts';

describe('RTS programs: untranslated vs translated natively (linux-x86_64)', () => {
  it('has a corpus of at least 40 programs', () => {
    expect(programs().length).toBeGreaterThanOrEqual(40);
  });
  for (const file of programs()) {
    it(basename(file), async () => {
      const expected = untranslated(file);
      const { binary } = await translate(file, 'linux-x86_64');
      const got = runBinary(binary, 'linux-x86_64');
      expect(got.stdout).toBe(expected.stdout);
      expect(got.status).toBe(expected.status);
    });
  }
});
