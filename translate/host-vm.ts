// The VM translated for the machine this runs on, into out/<target>/pyvm through the shared
// cache (.cache/translate), as `npx release translate` leaves it: what the benchmarks and the
// conformance runner time and test.
import { join } from 'node:path';
import { translateProgram, type TranslateResult } from './driver.ts';
import { hostTargetName } from '../common/targets.ts';

export function translateHostVm(root: string): Promise<TranslateResult> {
  const target = hostTargetName();
  return translateProgram({
    entry: join(root, 'vm', 'main.ts'),
    target,
    outDir: join(root, 'out', target),
    cacheDir: join(root, '.cache', 'translate'),
    binaryName: 'pyvm',
  });
}
