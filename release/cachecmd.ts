// `release cache stats|prune|export|import|push|pull`: the task store as a whole. Export is a
// tar.gz of complete entries; import verifies each entry before renaming it into place;
// push/pull wrap that tar.gz as a one-layer OCI artifact and move it with skopeo.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Store, listFiles, sha256 } from './tasks/index.ts';
import { writeAtomically, writeFileAtomicSync } from '../common/atomic.ts';
import { makeTempDir } from '../common/tmpdirs.ts';
import { PROJECT_ROOT } from './context.ts';
import { E, UserError } from './errors.ts';
import { which } from './doctor.ts';

type Out = (line: string) => void;

/** Bytes on disk: files hard-linked between entries (packagers inherit earlier outputs) count once. */
function dirBytes(dir: string, seen: Set<string>): number {
  let n = 0;
  for (const f of listFiles(dir)) {
    const st = statSync(join(dir, f));
    const id = `${st.dev}:${st.ino}`;
    if (seen.has(id)) continue;
    seen.add(id);
    n += st.size;
  }
  return n;
}

export interface Stats {
  root: string;
  stages: { stage: string; entries: number; bytes: number }[];
  entries: number;
  bytes: number;
  leftovers: number;
}

export function stats(store: Store): Stats {
  const seen = new Set<string>();
  const stages = store.stages().map((stage) => {
    const keys = store.keys(stage);
    return { stage, entries: keys.length, bytes: keys.reduce((n, k) => n + dirBytes(store.entryPath(stage, k), seen), 0) };
  });
  let leftovers = 0;
  for (const s of store.stages()) leftovers += readdirSync(join(store.root, s)).filter((n) => n.startsWith('.tmp-') || n.includes('.trash-')).length;
  return { root: store.root, stages, entries: stages.reduce((n, s) => n + s.entries, 0), bytes: stages.reduce((n, s) => n + s.bytes, 0), leftovers };
}

export async function prune(store: Store, keepDays: number): Promise<{ swept: number; damaged: string[]; old: string[] }> {
  const swept = store.sweep(true);
  const damaged: string[] = [];
  const old: string[] = [];
  const cutoff = Date.now() - keepDays * 86_400_000;
  for (const stage of store.stages())
    for (const key of store.keys(stage)) {
      const dir = store.entryPath(stage, key);
      if (store.verify(dir)) {
        damaged.push(`${stage}/${key}`);
        store.discard(dir);
      } else if (statSync(join(dir, 'entry.json')).mtimeMs < cutoff || keepDays === 0) {
        old.push(`${stage}/${key}`);
        store.discard(dir);
      }
    }
  return { swept, damaged, old };
}

/** GNU tar (every Debian has it): keeps the hard links packaging entries share. */
function gnuTar(args: string[], input?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = execFile('tar', args, { encoding: 'utf8', maxBuffer: 16 << 20 }, (err, _o, stderr) =>
      err ? reject(E.badCacheEntry(`tar ${args[0]} failed: ${stderr.trim() || err.message}`)) : resolve(),
    );
    if (input !== undefined) p.stdin?.end(input);
  });
}

export async function exportStore(store: Store, file: string): Promise<number> {
  const entries = store.stages().flatMap((s) => store.keys(s).map((k) => `${s}/${k}`));
  mkdirSync(store.root, { recursive: true });
  await writeAtomically(file, (tmp) =>
    gnuTar(['--create', '--gzip', '--file', tmp, '--directory', store.root, '--owner=0', '--group=0', '--numeric-owner', '--files-from=-'], entries.join('\n') + (entries.length ? '\n' : '')),
  );
  return entries.length;
}

/** Imports entries from an export; each is verified before it is renamed into the store. */
export async function importStore(store: Store, file: string): Promise<{ added: number; present: number; rejected: string[] }> {
  if (!existsSync(file)) throw E.fileMissing('cache export', file);
  mkdirSync(store.root, { recursive: true });
  const work = mkdtempSync(join(store.root, '..', '.import-'));
  const result = { added: 0, present: 0, rejected: [] as string[] };
  try {
    await gnuTar(['--extract', '--gzip', '--file', file, '--directory', work, '--no-same-owner']);
    for (const stage of readdirSync(work)) {
      if (!/^[a-z0-9:_-]+$/.test(stage)) continue;
      for (const key of readdirSync(join(work, stage))) {
        if (!/^[0-9a-f]{64}$/.test(key)) continue;
        if (store.has(stage, key)) {
          result.present++;
          continue;
        }
        const dir = join(work, stage, key);
        const problem = store.verify(dir);
        if (problem) {
          result.rejected.push(`${stage}/${key}: ${problem}`);
          continue;
        }
        mkdirSync(join(store.root, stage), { recursive: true });
        try {
          renameSync(dir, store.entryPath(stage, key));
          result.added++;
        } catch {
          result.present++;
        }
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return result;
}

function skopeo(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('skopeo', args, { encoding: 'utf8', timeout: 300_000 }, (err, _o, stderr) =>
      err ? reject(E.registry(`skopeo ${args[0]} failed: ${stderr.trim() || err.message}`)) : resolve(),
    );
  });
}

const LAYER = 'application/vnd.pyvm.release.cache.v1.tar+gzip';

async function writeBlob(layout: string, data: Buffer): Promise<{ digest: string; size: number }> {
  const sha = sha256(data);
  writeFileAtomicSync(join(layout, 'blobs', 'sha256', sha), data);
  return { digest: `sha256:${sha}`, size: data.length };
}

/** Pushes the exported store as a one-layer OCI artifact. */
export async function push(store: Store, ref: string, tlsVerify: boolean): Promise<number> {
  if (!which('skopeo')) throw E.toolsMissing("skopeo is needed for 'release cache push' (run 'release doctor --install')");
  const work = makeTempDir('release-push-');
  try {
    const layout = join(work, 'layout');
    mkdirSync(join(layout, 'blobs', 'sha256'), { recursive: true });
    const tgz = join(work, 'cache.tar.gz');
    const n = await exportStore(store, tgz);
    const layer = await writeBlob(layout, readFileSync(tgz));
    const config = await writeBlob(layout, Buffer.from('{}'));
    const manifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
        layers: [{ mediaType: LAYER, ...layer, annotations: { 'org.opencontainers.image.title': 'cache.tar.gz' } }],
        annotations: { 'org.opencontainers.image.created': '1970-01-01T00:00:00Z' },
      }),
    );
    const m = await writeBlob(layout, manifest);
    writeFileSync(join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
    writeFileSync(
      join(layout, 'index.json'),
      JSON.stringify({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...m, annotations: { 'org.opencontainers.image.ref.name': 'cache' } }] }),
    );
    await skopeo(['copy', `--dest-tls-verify=${tlsVerify}`, `oci:${layout}:cache`, `docker://${ref}`]);
    return n;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export async function pull(store: Store, ref: string, tlsVerify: boolean): Promise<Awaited<ReturnType<typeof importStore>>> {
  if (!which('skopeo')) throw E.toolsMissing("skopeo is needed for 'release cache pull' (run 'release doctor --install')");
  const work = makeTempDir('release-pull-');
  try {
    const layout = join(work, 'layout');
    await skopeo(['copy', `--src-tls-verify=${tlsVerify}`, `docker://${ref}`, `oci:${layout}:cache`]);
    const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as { manifests: { digest: string }[] };
    const blob = (d: string) => join(layout, 'blobs', ...d.split(':'));
    const manifest = JSON.parse(readFileSync(blob(index.manifests[0].digest), 'utf8')) as { layers: { mediaType: string; digest: string }[] };
    const layer = manifest.layers.find((l) => l.mediaType === LAYER);
    if (!layer) throw E.registry(`${ref} is not a release cache (no layer of type ${LAYER})`);
    mkdirSync(store.root, { recursive: true });
    return await importStore(store, blob(layer.digest));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

export async function cacheCommand(pos: string[], v: Record<string, unknown>, out: Out): Promise<number> {
  const [sub, arg] = pos;
  const cacheDir = resolve((v['cache-dir'] as string | undefined) ?? join(PROJECT_ROOT, '.cache'));
  const store = new Store(join(cacheDir, 'store'));
  const json = Boolean(v.json);
  const tls = Boolean(v['tls-verify']);
  const needArg = (what: string) => {
    if (!arg) throw new UserError(`'release cache ${sub}' needs ${what}`);
    return arg;
  };
  switch (sub) {
    case 'stats': {
      const s = stats(store);
      if (json) out(JSON.stringify(s, null, 2));
      else {
        out(`store ${s.root}: ${s.entries} entries, ${mb(s.bytes)}${s.leftovers ? `, ${s.leftovers} leftovers of killed runs (release cache prune)` : ''}`);
        for (const st of s.stages) out(`  ${st.stage.padEnd(10)} ${String(st.entries).padStart(5)} entries  ${mb(st.bytes)}`);
      }
      return 0;
    }
    case 'prune': {
      const days = v['keep-days'] === undefined ? 30 : Number(v['keep-days']);
      if (!Number.isFinite(days) || days < 0) throw new UserError(`--keep-days must be a number of days, got '${String(v['keep-days'])}'`);
      const r = await prune(store, days);
      if (json) out(JSON.stringify(r, null, 2));
      else out(`pruned: ${r.old.length} unused for ${days} days, ${r.damaged.length} damaged, ${r.swept} leftovers`);
      return 0;
    }
    case 'export': {
      const file = resolve(needArg('a FILE to write'));
      const n = await exportStore(store, file);
      out(json ? JSON.stringify({ file, entries: n }) : `exported ${n} entries to ${file}`);
      return 0;
    }
    case 'import': {
      const r = await importStore(store, resolve(needArg('a FILE to read')));
      out(json ? JSON.stringify(r) : `imported ${r.added} entries (${r.present} already present, ${r.rejected.length} rejected)${r.rejected.map((x) => `\n  rejected ${x}`).join('')}`);
      return r.rejected.length ? 1 : 0;
    }
    case 'push': {
      const ref = needArg('a registry reference, e.g. 127.0.0.1:5000/pyvm-cache:main');
      const n = await push(store, ref, tls);
      out(json ? JSON.stringify({ ref, entries: n }) : `pushed ${n} entries to ${ref}`);
      return 0;
    }
    case 'pull': {
      const ref = needArg('a registry reference, e.g. 127.0.0.1:5000/pyvm-cache:main');
      const r = await pull(store, ref, tls);
      out(json ? JSON.stringify({ ref, ...r }) : `pulled ${ref}: ${r.added} entries added (${r.present} already present, ${r.rejected.length} rejected)`);
      return r.rejected.length ? 1 : 0;
    }
    default:
      throw new UserError(`'release cache' needs one of: stats, prune, export, import, push, pull${sub ? ` (not '${sub}')` : ''}`);
  }
}
