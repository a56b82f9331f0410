// The bytecode cache of an installed, translated pyvm (vm/main.ts decides when it is on;
// vm/compiler/codecache.ts keys its files by the binary's build id): the precompiler's files are
// the same bytes each time and are loaded, not rewritten; a user's modules are cached on first
// import; a file written by another build (here the untranslated VM) is not loaded; PYVM_PYCACHE=0
// and a binary outside an installed layout write nothing. `-v` reports what was read and
// written, with CPython's words.
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, translate } from './harness.ts';
import { HANG_MS } from '../limits.ts';
import { devInstall, DEBIAN_LIB } from '../../common/devinstall.ts';

const ENTRY = join(ROOT, 'vm', 'main.ts');
const SCRIPT = join(ROOT, 'scripts', 'pyvm-precompile.py');

function caches(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.pyvm-311.pyc')) out.set(p, readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

describe.skipIf(process.platform !== 'linux' || !existsSync(join(DEBIAN_LIB, 'os.py')))('the bytecode cache of an installed pyvm', () => {
  let base = '';
  let exe = '';
  let lib = '';
  let dev = '';
  const run = (bin: string, args: string[], env: Record<string, string> = {}) => {
    const e: Record<string, string> = { ...(process.env as Record<string, string>), ...env };
    delete e.PYTHONDONTWRITEBYTECODE;
    if (env.PYVM_PYCACHE === undefined) delete e.PYVM_PYCACHE;
    const r = spawnSync(bin, args, { cwd: base, encoding: 'utf8', timeout: HANG_MS, env: e });
    return { stdout: r.stdout, stderr: r.stderr, status: r.status };
  };

  beforeAll(async () => {
    const binary = (await translate(ENTRY, 'linux-x86_64')).binary;
    base = mkdtempSync(join(tmpdir(), 'pyvm-pycache-'));
    // <prefix>/bin/pyvm beside <prefix>/lib/pyvm/lib-python/3.11: the layout every artifact installs
    ({ exe, lib } = devInstall(ROOT, binary, join(base, 'prefix'), false));
    // the same binary outside an installed layout (a development build)
    mkdirSync(join(base, 'dev'));
    dev = join(base, 'dev', 'pyvm');
    copyFileSync(binary, dev);
  });
  afterAll(() => {
    if (base) rmSync(base, { recursive: true, force: true });
  });

  it('precompiles the library deterministically, and imports load those files', () => {
    const r1 = run(exe, ['-I', SCRIPT, lib]);
    expect(r1.status, r1.stderr).toBe(0);
    expect(r1.stderr).toMatch(/^\d+ written, 0 skipped \(do not compile\), 0 failed$/m);
    const first = caches(lib);
    expect(first.size).toBeGreaterThan(500);
    for (const p of first.keys()) rmSync(p);
    expect(run(exe, ['-I', SCRIPT, '-q', lib]).status).toBe(0);
    const second = caches(lib);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [p, b] of first) expect(second.get(p)!.equals(b), p).toBe(true);

    const v = run(exe, ['-v', '-c', 'import json, collections; print(json.dumps(collections.Counter("aab")))']);
    expect(v.stdout).toBe('{"a": 2, "b": 1}\n');
    expect(v.stderr).toContain(`# code object from '${lib}/json/__pycache__/__init__.pyvm-311.pyc'`);
    expect(v.stderr).toContain(`# code object from '${lib}/collections/__pycache__/__init__.pyvm-311.pyc'`);
    expect(v.stderr).not.toContain('# created');
    for (const [p, b] of caches(lib)) expect(b.equals(first.get(p)!), p).toBe(true);
  });

  it("caches a user's module on first import, loads it next time, and refuses another build's file", () => {
    const app = join(base, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'mod.py'), 'X = [2 ** 70, "h\\xe9"]\n');
    writeFileSync(join(app, 'main.py'), 'import mod\nprint(mod.X)\n');
    const cache = join(app, '__pycache__', 'mod.pyvm-311.pyc');
    const a = run(exe, ['-v', join(app, 'main.py')]);
    expect(a.stdout).toBe("[1180591620717411303424, 'hé']\n");
    expect(a.stderr).toContain(`# created '${cache}'`);
    const written = readFileSync(cache);
    const b = run(exe, ['-v', join(app, 'main.py')]);
    expect(b.stdout).toBe(a.stdout);
    expect(b.stderr).toContain(`# code object from '${cache}'`);
    // the untranslated VM (another build: no build id) writes its own file for the same source ...
    rmSync(cache);
    // (it also caches the library modules start-up imports, next to Debian's: those it adds go again)
    const libCache = join(DEBIAN_LIB, '__pycache__');
    const ours = (): string[] => (existsSync(libCache) ? readdirSync(libCache).filter((f) => f.includes('.pyvm-311.')) : []);
    const before = new Set(ours());
    try {
      const u = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'vm', 'run.ts'), join(app, 'main.py')], { cwd: ROOT, encoding: 'utf8', timeout: HANG_MS, env: { ...process.env, PYVM_PYCACHE: '1', PYTHONDONTWRITEBYTECODE: '' } });
      expect(u.stdout).toBe(a.stdout);
    } finally {
      for (const f of ours()) if (!before.has(f)) rmSync(join(libCache, f), { force: true });
    }
    const theirs = readFileSync(cache);
    expect(theirs.equals(written)).toBe(false);
    expect(theirs.subarray(4).equals(written.subarray(4))).toBe(true); // only the magic differs
    // ... which the installed binary does not load: it compiles and writes its own again
    const c = run(exe, ['-v', join(app, 'main.py')]);
    expect(c.stdout).toBe(a.stdout);
    expect(c.stderr).toContain(`# created '${cache}'`);
    expect(readFileSync(cache).equals(written)).toBe(true);
  });

  it('writes nothing with PYVM_PYCACHE=0, -B, or outside an installed layout', () => {
    for (const [bin, args, env] of [
      [exe, [], { PYVM_PYCACHE: '0' }],
      [exe, ['-B'], {}],
      [dev, [], {}],
    ] as [string, string[], Record<string, string>][]) {
      const app = mkdtempSync(join(base, 'app-'));
      writeFileSync(join(app, 'mod.py'), 'print("mod")\n');
      writeFileSync(join(app, 'main.py'), 'import mod\n');
      const r = run(bin, [...args, join(app, 'main.py')], env);
      expect(r.stdout).toBe('mod\n');
      expect(existsSync(join(app, '__pycache__')), `${bin} ${args.join(' ')} ${JSON.stringify(env)}`).toBe(false);
    }
  });
});
