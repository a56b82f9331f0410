// A subset of the programs built with mingw-w64 and run under wine.
import { beforeAll, describe, expect, it } from 'vitest';
import { basename } from 'node:path';
import { spawnSync } from 'node:child_process';
import { hasTool, programs, runBinary, translate, untranslated, wineEnv } from './harness.ts';

const ok = hasTool('x86_64-w64-mingw32-gcc') && hasTool('/usr/lib/wine/wine64');
// every third program keeps the suite's time in check; wine starts in ~20 ms once its server runs
const subset = programs().filter((_, i) => i % 3 === 0);
describe.skipIf(!ok)('RTS programs under wine (windows-x86_64)', () => {
  beforeAll(() => {
    spawnSync('/usr/lib/wine/wineserver', ['-p60'], { env: wineEnv(), stdio: 'ignore' });
  });
  for (const file of subset) {
    it(basename(file), async () => {
      const expected = untranslated(file);
      const { binary } = await translate(file, 'windows-x86_64');
      const got = runBinary(binary, 'windows-x86_64');
      expect(got.stdout.replace(/\r\n/g, '\n')).toBe(expected.stdout);
      expect(got.status).toBe(expected.status);
    });
  }
});
