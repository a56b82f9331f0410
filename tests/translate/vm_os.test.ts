// The OS-level modules (_posixsubprocess, _socket, select) on the translated VM: the programs in
// tests/vm/os/ need fork, pipes, sockets and polling, which the untranslated VM (Node, no
// synchronous calls for them) answers with ENOSYS, so they run translated only: natively on
// linux-x86_64, and under qemu-user on s390x (big-endian: port and address byte order), where
// the child process can exec host programs (/bin/sh, cat) but not the foreign pyvm binary, so
// programs named *_python.py run natively only. stdout and the exit status must match CPython's.
import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findTarget } from '../../common/targets.ts';
import { ROOT, hasTool, translate } from './harness.ts';
import { HANG_MS } from '../limits.ts';
import { PYTHON } from '../python.ts';

const DIR = join(ROOT, 'tests', 'vm', 'os');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.py')).sort();
const ENTRY = join(ROOT, 'vm', 'main.ts');

interface Result {
  stdout: string;
  status: number;
  stderr: string;
}
function run(cmd: string[], file: string): Result {
  const r = spawnSync(cmd[0], [...cmd.slice(1), file], { cwd: DIR, encoding: 'utf8', timeout: HANG_MS, env: { ...process.env, PYTHONHASHSEED: '0' } });
  return { stdout: r.stdout, status: r.status ?? -1, stderr: r.stderr };
}

const TARGETS = [
  { name: 'linux-x86_64', files: FILES, ok: process.platform === 'linux' },
  { name: 'linux-s390x', files: FILES.filter((f) => !f.endsWith('_python.py')), ok: hasTool('qemu-s390x-static') && hasTool('s390x-linux-gnu-gcc') },
];

describe.skipIf(!existsSync(ENTRY) || process.platform !== 'linux')('OS modules on the translated VM', () => {
  for (const t of TARGETS) {
    describe.skipIf(!t.ok)(t.name, () => {
      let binary = '';
      beforeAll(async () => {
        binary = (await translate(ENTRY, t.name)).binary;
      });
      for (const f of t.files) {
        it(f, () => {
          const e = run([PYTHON], f);
          const a = run([...findTarget(t.name).emulator, binary], f);
          expect(a.stdout).toBe(e.stdout);
          expect(a.status).toBe(e.status);
        });
      }
    });
  }
});
