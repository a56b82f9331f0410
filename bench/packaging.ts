// npm run bench:packaging — how long each packager of packaging/index.ts takes for one
// target, how big each artifact is, and how much of the packaging time is compression.
//
// usage: npx tsx bench/packaging.ts [--target T]     (default: linux-x86_64)
//
// Steps: translate the VM once (translate/driver.ts translateProgram, stage cache
// .cache/translate, so usually warm), stage pyvm-<version>-<target>/ with packaging's
// stageTree, then run the packagers the recipe asks for, in PACKAGERS order, through
// packaging's buildRelease (the same Packager.run interface and context release/graph.ts
// uses: per-target packagers get { ...ctx, tree, target }, release-wide ones get ctx, with
// a registry of everything produced before them).
//
// How compression is measured — both ways, because packagers compress in two places:
//  * in-process compression is INSTRUMENTED: node:zlib gzipSync / deflateRawSync /
//    deflateSync and child_process.execFileSync of zstd / bzip2 / xz / gzip (which is how
//    packaging/formats/compress.ts runs them) are wrapped with timers before anything runs,
//    and module.syncBuiltinESMExports() makes the ES-module named imports packaging/ uses
//    see the wrappers. Time spent inside them is charged to the packager running then
//    (packagers run one at a time). This covers archive (tar.gz / zip), conda (.tar.zst
//    parts, .tar.bz2, repodata .zst), OCI (gzip layer).
//  * compression inside EXTERNAL tools cannot be separated from the tool's other work
//    (dpkg-deb -Zxz, rpmbuild w9.xzdio, makensis lzma, wixl MSZIP cabinets), so it is
//    ESTIMATED SEPARATELY: an uncompressed tar of the staged tree (the same payload those
//    tools pack) is compressed with the equivalent settings (xz -6 for dpkg-deb's default
//    xz level, xz -9 for rpm's w9.xzdio, lzma -9 for NSIS's solid lzma, zlib deflate for
//    MSZIP) and that time is charged to those packagers, for the ones that ran.
// The share of compression = (instrumented + estimated) / total packager time; both parts
// are printed.
import childProcess from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * PyPy's published Linux x86-64 tarball, for scale. Source: PyPy's download page,
 * https://pypy.org/download.html (pypy3.11-v7.3.20-linux64.tar.bz2, "about 30 MB"); it
 * cannot be fetched from here, so the size is a constant.
 */
const PYPY_TARBALL = { name: 'pypy3.11-v7.3.20-linux64.tar.bz2', bytes: 30_000_000, source: 'https://pypy.org/download.html' };

// ---- instrumentation (installed before packaging/ is imported or run) -------------------

let compressMs = 0;
const compressCalls: Record<string, { ms: number; calls: number; bytesIn: number; bytesOut: number }> = {};
function charge(what: string, ms: number, bytesIn: number, bytesOut: number): void {
  compressMs += ms;
  const c = (compressCalls[what] ??= { ms: 0, calls: 0, bytesIn: 0, bytesOut: 0 });
  c.ms += ms;
  c.calls++;
  c.bytesIn += bytesIn;
  c.bytesOut += bytesOut;
}
const lenOf = (x: unknown): number => (typeof x === 'string' ? Buffer.byteLength(x) : x && typeof (x as { byteLength?: number }).byteLength === 'number' ? (x as { byteLength: number }).byteLength : 0);

function wrapZlib(name: 'gzipSync' | 'deflateRawSync' | 'deflateSync'): void {
  const orig = zlib[name] as (...a: unknown[]) => Buffer;
  (zlib as unknown as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]): Buffer {
    const t = performance.now();
    const out = orig.apply(this, args);
    charge(name.replace(/Sync$/, ''), performance.now() - t, lenOf(args[0]), lenOf(out));
    return out;
  };
}
/** the unwrapped deflate, for estimates that are not packager work */
const origDeflateRawSync = zlib.deflateRawSync;
wrapZlib('gzipSync');
wrapZlib('deflateRawSync');
wrapZlib('deflateSync');
const COMPRESSORS = new Set(['zstd', 'bzip2', 'xz', 'gzip', 'lzma']);
const origExecFileSync = childProcess.execFileSync;
(childProcess as unknown as Record<string, unknown>).execFileSync = function (this: unknown, ...args: unknown[]) {
  const cmd = String(args[0]);
  if (!COMPRESSORS.has(cmd)) return (origExecFileSync as (...a: unknown[]) => unknown).apply(this, args);
  const t = performance.now();
  const out = (origExecFileSync as (...a: unknown[]) => unknown).apply(this, args);
  const opts = args.find((a, i) => i > 0 && a && typeof a === 'object' && !Array.isArray(a)) as { input?: unknown } | undefined;
  charge(cmd, performance.now() - t, lenOf(opts?.input), lenOf(out));
  return out;
};
syncBuiltinESMExports();

// ---- the benchmark ---------------------------------------------------------------------

function parseArgs(argv: string[]): { target: string } {
  let target = 'linux-x86_64';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--target') target = argv[++i] ?? '';
    else if (a.startsWith('--target=')) target = a.slice('--target='.length);
    else if (a === '--help' || a === '-h') {
      console.log('usage: npx tsx bench/packaging.ts [--target T]   (default linux-x86_64)');
      process.exit(0);
    } else {
      console.error(`bench/packaging.ts: unknown argument ${a}`);
      process.exit(2);
    }
  }
  if (!target) {
    console.error('bench/packaging.ts: --target needs a value');
    process.exit(2);
  }
  return { target };
}

const mb = (n: number) => (n / 1e6).toFixed(2);
const secs = (ms: number) => (ms / 1000).toFixed(2);

function printTable(cols: string[], rows: string[][], left: readonly number[] = [0]): void {
  const w = cols.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (left.includes(i) ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
  console.log(line(cols));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  for (const r of rows) console.log(line(r));
}

/** Time a compressor on a payload, outside any packager (for the external tools' share). */
function timeExternal(cmd: string, args: string[], input: Buffer): { ms: number; out: number } {
  const t = performance.now();
  const out = origExecFileSync(cmd, args, { input, maxBuffer: 1 << 30 }) as Buffer;
  return { ms: performance.now() - t, out: out.length };
}

async function main(): Promise<void> {
  const { target } = parseArgs(process.argv.slice(2));
  const { translateProgram } = await import('../translate/driver.ts');
  const { PACKAGERS, buildRelease, stageTree, isSkip } = await import('../packaging/index.ts');
  const { loadRecipe, recipeInfo } = await import('../release/recipe.ts');
  const { findTarget } = await import('../common/targets.ts');
  const { walkTree } = await import('../packaging/tree.ts');
  const { tarBytes, tarEntriesFromTree } = await import('../packaging/formats/tar.ts');

  const t = findTarget(target);
  const loaded = loadRecipe(join(ROOT, 'recipes', 'pyvm.yaml'), ROOT);
  const recipe = loaded.recipe;
  const info = recipeInfo(recipe);
  const version = loaded.version;
  const sde = Number(process.env.SOURCE_DATE_EPOCH || 1700000000);
  const work = mkdtempSync(join(tmpdir(), 'bench-packaging-'));
  try {
    // 1. translate once
    const t0 = performance.now();
    const tr = await translateProgram({ entry: join(ROOT, 'vm', 'main.ts'), target: t.name, outDir: join(work, 'out'), cacheDir: join(ROOT, '.cache', 'translate'), binaryName: 'pyvm' });
    const translateMs = performance.now() - t0;
    const cachedStages = tr.stages.filter((s) => s.cached).length;
    console.log(`translated vm/main.ts for ${t.name} in ${secs(translateMs)} s (${cachedStages}/${tr.stages.length} stages cached): ${tr.binary}, ${mb(statSync(tr.binary).size)} MB`);

    // 2. stage
    const s0 = performance.now();
    const tree = await stageTree({ binary: tr.binary, target: t.name, version, sourceDateEpoch: sde, outDir: join(work, 'stage'), recipe: info });
    const stageMs = performance.now() - s0;
    const entries = await walkTree(tree.dir, 'bench');
    const payload = tarBytes(await tarEntriesFromTree(entries, `${tree.dir.split('/').pop()}/`), { mtime: sde });
    console.log(`staged ${tree.dir} in ${secs(stageMs)} s: ${entries.length} entries, ${mb(payload.length)} MB as an uncompressed tar`);

    // 3. the packagers the recipe asks for, in registry order (as release/graph.ts packagersFor)
    const wanted = new Set<string>(recipe.artifacts);
    const chosen = PACKAGERS.filter((p) => wanted.has(p.kind));
    const signing = {
      secretKeyFile: recipe.signing?.secretKeyFile ? join(ROOT, recipe.signing.secretKeyFile) : null,
      publicKeyFile: recipe.signing?.publicKeyFile ? join(ROOT, recipe.signing.publicKeyFile) : null,
      required: recipe.signing?.required ?? false,
    };
    interface Row { packager: string; ms: number; compressMs: number; estimatedMs: number; result: { name: string; size: number }[] | string }
    const rows: Row[] = [];
    let mark = compressMs;
    const distDir = join(work, 'dist');
    const p0 = performance.now();
    await buildRelease({
      trees: [tree],
      distDir,
      workDir: join(work, 'pkgwork'),
      signing,
      recipe: info,
      packagers: chosen,
      onOutcome: (o) => {
        rows.push({
          packager: o.packager,
          ms: o.ms,
          compressMs: compressMs - mark,
          estimatedMs: 0,
          result: isSkip(o.result) ? o.result.skip : o.result.map((r) => ({ name: r.name, size: r.size })),
        });
        mark = compressMs;
      },
    });
    const totalMs = performance.now() - p0;

    // 4. the external tools' compression, estimated on the same payload
    const ran = (name: string) => rows.find((r) => r.packager === name && typeof r.result !== 'string');
    const estimates: { packager: string; how: string; ms: number; out: number }[] = [];
    const est = (packager: string, how: string, f: () => { ms: number; out: number }) => {
      const row = ran(packager);
      if (!row) return;
      const e = f();
      // the tool did more than compress, so its compression cannot have taken longer than the
      // whole packager run; a longer estimate is noise (other load on the machine): cap it
      row.estimatedMs += Math.min(e.ms, row.ms);
      estimates.push({ packager, how, ...e });
    };
    est('deb', 'xz -6 -T1 (dpkg-deb -Zxz default level)', () => timeExternal('xz', ['-6', '-T1', '-c'], payload));
    est('rpm', 'xz -9 -T1 (rpm w9.xzdio)', () => timeExternal('xz', ['-9', '-T1', '-c'], payload));
    est('nsis', 'lzma -9 (makensis SetCompressor /SOLID lzma)', () => timeExternal('xz', ['--format=lzma', '-9', '-c'], payload));
    est('msi', 'zlib deflate level 6 (wixl MSZIP cabinet)', () => {
      const s = performance.now();
      const out = origDeflateRawSync(payload, { level: 6 }).length;
      return { ms: performance.now() - s, out };
    });

    // 5. report
    console.log(`\nPackagers for ${t.name} (pyvm ${version}), run in PACKAGERS order through buildRelease`);
    console.log('compr = instrumented in-process compression; est = external tool compression estimated separately\n');
    const table: string[][] = [];
    for (const r of rows) {
      const arts = typeof r.result === 'string' ? [] : r.result;
      const first = arts[0];
      table.push([
        r.packager,
        secs(r.ms),
        r.compressMs ? secs(r.compressMs) : '-',
        r.estimatedMs ? secs(r.estimatedMs) : '-',
        typeof r.result === 'string' ? `skipped: ${r.result}` : (first?.name ?? '(none)'),
        first ? mb(first.size) : '',
        first ? `${((first.size / PYPY_TARBALL.bytes) * 100).toFixed(1)}%` : '',
      ]);
      for (const a of arts.slice(1)) table.push(['', '', '', '', a.name, mb(a.size), `${((a.size / PYPY_TARBALL.bytes) * 100).toFixed(1)}%`]);
    }
    printTable(['packager', 'time s', 'compr s', 'est s', 'artifact', 'MB', 'vs PyPy'], table.map((r) => r.map((c) => (c.length > 70 ? c.slice(0, 67) + '...' : c))), [0, 4]);
    const instr = rows.reduce((a, r) => a + r.compressMs, 0);
    const estim = rows.reduce((a, r) => a + r.estimatedMs, 0);
    const sum = rows.reduce((a, r) => a + r.ms, 0);
    console.log(`\ntotal packaging time ${secs(totalMs)} s (sum of packagers ${secs(sum)} s); translate ${secs(translateMs)} s, stage ${secs(stageMs)} s`);
    console.log(
      `compression: instrumented ${secs(instr)} s (${((instr / totalMs) * 100).toFixed(1)}%) + estimated external ${secs(estim)} s (${((estim / totalMs) * 100).toFixed(1)}%) = ${(((instr + estim) / totalMs) * 100).toFixed(1)}% of the total`,
    );
    console.log('\nin-process compressor calls:');
    printTable(
      ['compressor', 'calls', 'time s', 'in MB', 'out MB'],
      Object.entries(compressCalls).map(([k, c]) => [k, String(c.calls), secs(c.ms), mb(c.bytesIn), mb(c.bytesOut)]),
    );
    if (estimates.length) {
      console.log(`\nexternal tools, estimated on the staged tree as a tar (${mb(payload.length)} MB):`);
      console.log('(charged to the packager capped at its own run time)');
      printTable(['packager', 'equivalent', 'time s', 'out MB'], estimates.map((e) => [e.packager, e.how, secs(e.ms), mb(e.out)]), [0, 1]);
    }
    const archive = rows.find((r) => r.packager === 'archive');
    const a = archive && typeof archive.result !== 'string' ? archive.result[0] : undefined;
    console.log(`\nreference: PyPy ${PYPY_TARBALL.name} is about ${Math.round(PYPY_TARBALL.bytes / 1e6)} MB (${PYPY_TARBALL.source}; a constant, not fetched)`);
    if (a) console.log(`pyvm ${a.name}: ${mb(a.size)} MB = ${((a.size / PYPY_TARBALL.bytes) * 100).toFixed(1)}% of PyPy's tarball`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
