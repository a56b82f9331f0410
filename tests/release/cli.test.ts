// The CLI's front door: help, targets, user errors (exit 2, no stack trace), doctor.
import { describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BIN, ROOT, release, scratch } from './helpers.ts';

const noTrace = (s: string) => expect(s).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('release CLI', () => {
  it('prints help listing every command', async () => {
    const r = await release(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['targets', 'doctor', 'translate', 'plan', 'build', 'test', 'verify', 'cache', 'ci']) expect(r.stdout).toContain(`  ${c}`);
    const b = await release(['build', '--help']);
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/usage: release build/);
    expect(b.stdout).toContain('--no-test');
  });

  it('lists targets, as text and JSON', async () => {
    const r = await release(['targets']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/linux-s390x\s+s390x-linux-gnu\s+s390x-linux-gnu-gcc\s+qemu-s390x-static/);
    expect(r.stdout).toMatch(/macos-arm64 .* on macos runners/);
    const j = await release(['targets', '--json']);
    const table = JSON.parse(j.stdout) as { name: string; buildableHere: boolean }[];
    expect(table.map((t) => t.name)).toEqual(['linux-x86_64', 'linux-aarch64', 'linux-ppc64le', 'linux-s390x', 'windows-x86_64', 'macos-x86_64', 'macos-arm64']);
    expect(table.filter((t) => t.buildableHere).length).toBe(5);
  });

  it('rejects an unknown target with the valid ones and the nearest match, exit 2', async () => {
    const r = await release(['build', '--target', 'linux-s390', '--stand-in', 'x.c']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^release: error: unknown target 'linux-s390'; did you mean 'linux-s390x'\? Valid targets: linux-x86_64, /);
    noTrace(r.stderr);
    const p = await release(['plan', '--target', 'windows-x86-64']);
    expect(p.stderr).toContain("did you mean 'windows-x86_64'");
  });

  it('says macOS targets build on macOS runners', async () => {
    const r = await release(['build', '--target', 'macos-arm64']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^release: error: macos-arm64 builds only on a macos host.*macos runners/);
  });

  it('reports unknown commands, options and missing targets as user errors', async () => {
    const a = await release(['bild']);
    expect([a.code, a.stderr]).toEqual([2, expect.stringContaining("unknown command 'bild'; did you mean 'build'?")]);
    const b = await release(['targets', '--colour']);
    expect([b.code, b.stderr]).toEqual([2, expect.stringContaining("unknown option '--colour' for 'targets'")]);
    const c = await release(['build']);
    expect([c.code, c.stderr]).toEqual([2, 'release: error: no target given: use --target T (repeatable) or --all\n']);
    const d = await release(['build', '--target']);
    expect(d.code).toBe(2);
    noTrace(a.stderr + b.stderr + c.stderr + d.stderr);
  });

  it('translate takes the recipe\'s settings as flags and rejects a bad level, exit 2', async () => {
    const h = await release(['translate', '--help']);
    for (const flag of ['--opt N', '--debug-info', '--cflag F']) expect(h.stdout).toContain(flag);
    const r = await release(['translate', '--opt', '7']);
    expect([r.code, r.stderr]).toEqual([2, "release translate: error: --opt must be 0, 1, 2 or 3, got '7'\n"]);
  });

  it('doctor is quiet when nothing is missing', async () => {
    const r = await release(['doctor', '--install', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).toBe('');
    const v = await release(['doctor', '--target', 'linux-s390x']);
    expect(v.stdout).toMatch(/ok +s390x-linux-gnu-gcc/);
    expect(v.stdout).toMatch(/ok +qemu-s390x-static/);
    expect(v.stdout).not.toContain('makensis'); // Windows-only tool
  });

  it('doctor names what is missing and the exact install command', async () => {
    // a PATH holding only node: every tool is missing
    const bin = join(scratch('doctor'), 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    const r = await release(['doctor', '--target', 'linux-s390x'], { env: { PATH: bin } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/MISSING s390x-linux-gnu-gcc \(C compiler for linux-s390x\) \[apt: gcc-s390x-linux-gnu libc6-dev-s390x-cross\]/);
    expect(r.stderr).toMatch(/release: error: missing: .*\ninstall them with:\n  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y .*gcc-s390x-linux-gnu/);
  });

  it.runIf(process.getuid?.() === 0)('doctor --install as a non-root user prints the command to run as root', () => {
    // setpriv drops to nobody; PATH holds only node, so something is missing and needs installing
    const dir = scratch('doctor-user');
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    chmodSync(dir, 0o755);
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'env', `PATH=${bin}`, `HOME=${dir}`, 'node', BIN, 'doctor', '--install', '--quiet', '--target', 'linux-s390x'], { encoding: 'utf8', cwd: ROOT });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^release: error: installing Debian packages needs root; run:\n  sudo sh -c 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y [^']*gcc-s390x-linux-gnu[^']*qemu-user-static/);
  });
});
