import { defineConfig } from 'vitest/config';
import { HANG_MS } from './tests/limits.ts';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Translation and emulated runs are CPU-heavy; two cores are all we have.
    maxWorkers: 2,
    // no test has a deadline for its work, only a hang detector (tests/limits.ts)
    testTimeout: HANG_MS,
    hookTimeout: HANG_MS,
    reporters: ['default', 'json'],
    outputFile: { json: '.cache/vitest-report.json' },
  },
});
