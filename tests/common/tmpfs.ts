// A full disk, for real: runs a command with a small tmpfs mounted on a fresh folder, in a
// private mount namespace (unshare; no root needed where user namespaces are allowed), then
// copies what the tmpfs holds out for the test to inspect. The mount ends with the command.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DiskRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** where the tmpfs's content was copied after the command ended */
  copy: string;
}

/** Runs argv(mount) on a tmpfs of `bytes` mounted at `mount`; extra env is passed on. */
export function onSmallDisk(bytes: number, argv: (mount: string) => string[], env: NodeJS.ProcessEnv = {}): DiskRun {
  const base = mkdtempSync(join(tmpdir(), 'test-tmpfs-'));
  const mount = join(base, 'disk');
  const copy = join(base, 'copy');
  const script = 'mkdir -p "$1" "$2" && mount -t tmpfs -o size="$3" tmpfs "$1" || exit 99; m="$1"; c="$2"; shift 3; "$@"; rc=$?; cp -a "$m/." "$c/"; exit $rc';
  const r = spawnSync('unshare', ['--mount', '--map-root-user', 'sh', '-c', script, 'sh', mount, copy, String(bytes), ...argv(mount)], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  if (r.status === 99) throw new Error(`cannot mount a tmpfs here (unshare --mount --map-root-user): ${r.stderr}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, copy };
}
