// `release`: the one command a maintainer types. Parses arguments, dispatches to the
// subcommands, and turns user mistakes (UserError) into `release: error: ...`, exit 2.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { join } from 'node:path';
import { TARGETS, unbuildableReason } from '../common/targets.ts';
import { E, UserError, StepError } from './errors.ts';
import { DiskFullError, isDiskFull } from '../common/atomic.ts';
import { sweepTempDirs } from '../common/tmpdirs.ts';
import type { CommonOptions } from './context.ts';

// the recipe's parser and schema checker (yaml, ajv) load only for the commands that read it:
// `release translate` and `release targets` start without them
const context = () => import('./context.ts');

type Options = NonNullable<ParseArgsConfig['options']>;

interface Command {
  summary: string;
  usage: string;
  help: string;
  options: Options;
  positionals?: number;
  run(values: Record<string, unknown>, positionals: string[]): Promise<number>;
}

const out = (line: string) => process.stdout.write(line + '\n');

const common = {
  target: { type: 'string', multiple: true },
  all: { type: 'boolean' },
  recipe: { type: 'string' },
  'cache-dir': { type: 'string' },
  'dist-dir': { type: 'string' },
  'stand-in': { type: 'string' },
  json: { type: 'boolean' },
} satisfies Options;

const commonHelp = `  --target T        a target from 'release targets' (repeatable)
  --all             every target of the recipe buildable on this host
  --recipe FILE     product recipe (default: recipes/pyvm.yaml)
  --cache-dir DIR   cache root (default: .cache; the task store is DIR/store)
  --dist-dir DIR    where releases go (default: dist; files land in DIR/<version>/)
  --stand-in FILE.c build this C program as bin/pyvm instead of translating the VM
                    (exercises the pipeline while translate/ is incomplete); with release test:
                    the dist was built so, and smoke programs marked stdlib are left out
  --json            machine-readable output`;

const COMMANDS: Record<string, Command> = {
  targets: {
    summary: 'list the targets and what each needs',
    usage: 'release targets [--json]',
    help: 'Prints the target table (common/targets.ts): triple, compiler, emulator, archive format,\nand whether it builds on this host.\n\n  --json   the full table as JSON',
    options: { json: { type: 'boolean' } },
    async run(v) {
      if (v.json) {
        out(JSON.stringify(TARGETS.map((t) => ({ ...t, buildableHere: unbuildableReason(t) === null })), null, 2));
        return 0;
      }
      const rows = TARGETS.map((t) => [t.name, t.triple, t.cc, t.emulator.length ? t.emulator[0] : 'native', t.archive, unbuildableReason(t) ? `on ${t.buildsOn} runners` : 'here']);
      const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length), ['target', 'triple', 'compiler', 'runs under', 'archive', 'builds'][i].length));
      out(['target', 'triple', 'compiler', 'runs under', 'archive', 'builds'].map((h, i) => h.padEnd(w[i])).join('  ').trimEnd());
      for (const r of rows) out(r.map((c, i) => c.padEnd(w[i])).join('  ').trimEnd());
      return 0;
    },
  },
  doctor: {
    summary: 'check (and install) the tools every buildable target needs',
    usage: 'release doctor [--install] [--quiet] [--target T]...',
    help: `Checks compilers, static C libraries, emulators (qemu-user, wine), the tools each
artifact kind's packager declares (to build it, install it in smoke tests and check it:
makensis, wixl, faketime, rpmbuild, dpkg-deb, cph, umoci, zstd, minisign, ...) and the
release machinery's own (skopeo, diffoscope, pypy3, hyperfine) for every target buildable on
this host, or only the given ones.

  --install    install missing Debian packages (apt-get update once, then install; needs
               root); apt-get's progress is shown, also with --quiet
  --quiet      print nothing when everything is present
  --target T   check only what target T needs (repeatable)

Exit status: 0 when everything is present, 1 when something is missing.`,
    options: { install: { type: 'boolean' }, quiet: { type: 'boolean' }, target: { type: 'string', multiple: true } },
    async run(v) {
      const names = (v.target as string[] | undefined) ?? [];
      const { buildableTargets, doctor } = await import('./doctor.ts');
      const { buildableTarget } = await context();
      const targets = names.length ? names.map(buildableTarget) : buildableTargets();
      return doctor({ targets, install: Boolean(v.install), quiet: Boolean(v.quiet), out });
    },
  },
  translate: {
    summary: 'translate the VM to a static binary for one target',
    usage: 'release translate [ENTRY.ts] [--target T] [--out DIR] [--json] [--opt N] [--debug-info] [--cflag=F]...',
    help: 'Runs the RTS translator (translate/cli.ts) on ENTRY (default vm/main.ts).\nSee translate/ for its options.',
    options: {},
    async run() {
      throw new Error('unreachable: translate is dispatched before parsing');
    },
  },
  plan: {
    summary: 'show the task graph with cached / will-run per task (a dry run)',
    usage: 'release plan (--target T... | --all) [--no-test] [options]',
    help: `Computes the build's task graph and, for each task, whether its output is already in the
cache. Nothing is built.

${commonHelp}
  --no-test         leave out the smoke-test tasks`,
    options: { ...common, 'no-test': { type: 'boolean' } },
    async run(v) {
      const ctx = (await context()).resolveContext(v as CommonOptions, true);
      const { planCommand } = await import('./build.ts');
      return planCommand(ctx, { test: !v['no-test'], json: Boolean(v.json) }, out);
    },
  },
  build: {
    summary: 'translate, compile, stage, package and smoke-test, into dist/<version>/',
    usage: 'release build (--target T... | --all) [--no-test] [--jobs N] [options]',
    help: `Runs the task graph: translate -> compile per target -> stage pyvm-<version>-<target>/
-> package -> smoke test, then writes the artifacts, manifest.json and SHA256SUMS to
dist/<version>/. Tasks whose inputs are unchanged come from the cache; a rerun with nothing
changed says so. Progress is live on a terminal, timestamped lines otherwise.

${commonHelp}
  --no-test         skip the smoke tests
  --jobs N          tasks run at once (default: the number of cores)`,
    options: { ...common, 'no-test': { type: 'boolean' }, jobs: { type: 'string' } },
    async run(v) {
      const ctx = (await context()).resolveContext(v as CommonOptions, true);
      const jobs = v.jobs === undefined ? undefined : Number(v.jobs);
      if (jobs !== undefined && !(Number.isInteger(jobs) && jobs > 0)) throw new UserError(`--jobs must be a positive whole number, got '${String(v.jobs)}'`);
      const { buildCommand } = await import('./build.ts');
      return buildCommand(ctx, { test: !v['no-test'], json: Boolean(v.json), jobs }, out);
    },
  },
  test: {
    summary: 'smoke-test the artifacts in dist/<version>/ under emulation',
    usage: 'release test [--target T]... [options]',
    help: `Installs each artifact listed in dist/<version>/manifest.json the way a user would and runs
the installed pyvm on the recipe's smoke programs, under qemu-<arch>-static, wine, or natively.
Reports per target and artifact; exit 1 when any program fails.

${commonHelp}`,
    options: { ...common },
    async run(v) {
      const ctx = (await context()).resolveContext(v as CommonOptions, false);
      const { testCommand } = await import('./build.ts');
      return testCommand(ctx, { json: Boolean(v.json) }, out);
    },
  },
  verify: {
    summary: 'rebuild elsewhere and check the artifacts are bit-identical',
    usage: 'release verify (--target T... | --all) [--keep] [options]',
    help: `Rebuilds in a copy of the project in another directory, with a different umask, time zone,
locale and path, and an empty cache, then compares every artifact's sha256 with a build here.
On a difference, diffoscope shows what differs. Exit 1 when anything differs.

${commonHelp}
  --keep            keep the rebuild directory`,
    options: { ...common, keep: { type: 'boolean' } },
    async run(v) {
      const ctx = (await context()).resolveContext(v as CommonOptions, true);
      const { verifyCommand } = await import('./verify.ts');
      return verifyCommand(ctx, { json: Boolean(v.json), keep: Boolean(v.keep), standInArg: v['stand-in'] as string | undefined }, out);
    },
  },
  cache: {
    summary: 'inspect and move the build cache: stats | prune | export | import | push | pull',
    usage: 'release cache (stats | prune [--keep-days N] | export FILE | import FILE | push REF | pull REF) [--cache-dir DIR]',
    help: `  stats             entries and bytes per stage
  prune             remove damaged entries and temp leftovers, and entries not used for
                    --keep-days N days (default 30; 0 removes everything)
  export FILE       write the store to a tar.gz
  import FILE       add the entries of an exported tar.gz (each verified)
  push REF          push the store to an OCI registry (e.g. 127.0.0.1:5000/pyvm-cache:main)
  pull REF          pull a pushed store and import it
  --tls-verify      use TLS when talking to the registry (default: off, for a local registry)
  --cache-dir DIR   cache root (default: .cache)
  --json            machine-readable output`,
    options: { 'cache-dir': { type: 'string' }, 'keep-days': { type: 'string' }, json: { type: 'boolean' }, 'tls-verify': { type: 'boolean' } },
    positionals: 2,
    async run(v, pos) {
      const { cacheCommand } = await import('./cachecmd.ts');
      return cacheCommand(pos, v, out);
    },
  },
  merge: {
    summary: 'combine the dist/ of per-target builds into one complete dist/<version>/',
    usage: 'release merge DIST_DIR... [--out DIR] [--version V] [--recipe FILE] [--json]',
    help: `Combines the dist/ directories of builds made separately (one CI job per target, each
'release build --target T') into one release in DIR/<version>/, the same bytes a single
'release build --target A --target B ...' writes:
  - every input must be a build of the same name, version and SOURCE_DATE_EPOCH
  - per-target artifacts (and the OCI blobs of each image) are checked against their
    input's manifest.json and copied; the same target in two inputs must be identical, and
    two inputs must never give one path different contents
  - release-wide files are regenerated from the union by the build's own packagers: the
    installer scripts, conda repodata.json per subdir, the OCI image index, index.json and
    pyvm-<version>-oci.tar, the provenance statement, SHA256SUMS, its minisign signature
    (when a key is set, as for a build: PYVM_MINISIGN_SECRET_KEY[_FILE] or the recipe's
    signing section), then manifest.json
Files are written under temporary names and renamed, manifest.json last (an older one is
removed first), so an interrupted merge never leaves a complete-looking release. Running it
again on the same inputs changes nothing.

  DIST_DIR         a dist/ root holding one <version>/manifest.json (e.g. artifacts/dist-linux-x86_64/dist)
  --out DIR        where the merged release goes (default: dist; files land in DIR/<version>/)
  --version V      take <V>/ from inputs that hold several versions
  --recipe FILE    product recipe (default: recipes/pyvm.yaml); its name and version must match the inputs
  --json           the result as one JSON line

Exit status: 0 merged, 2 inputs that are not one release (or bad arguments), 1 a damaged
input or a failed packager.`,
    options: { out: { type: 'string' }, version: { type: 'string' }, recipe: { type: 'string' }, json: { type: 'boolean' } },
    positionals: Infinity,
    async run(v, pos) {
      const { mergeCommand } = await import('./merge.ts');
      return mergeCommand(
        {
          inputs: pos,
          out: (v.out as string | undefined) ?? join((await context()).PROJECT_ROOT, 'dist'),
          version: v.version as string | undefined,
          recipe: v.recipe as string | undefined,
          json: Boolean(v.json),
        },
        out,
      );
    },
  },
  publish: {
    summary: 'publish dist/<version>/: GitHub release, OCI registry, conda channel',
    usage: 'release publish [--version V] [--dist-dir DIR] [--dry-run] [--oci-ref REF] [--conda-channel DIR] [--no-github] [--json]',
    help: `Publishes the newest dist/<version>/ (or --version V) under the tag v<version>. It first reads
what each destination holds and plans (the plan is printed; --dry-run stops there), then:
  - OCI registry (--oci-ref): pushes the multi-arch image index and one image per Linux target,
    skipping blobs and manifests the registry already has
  - conda channel (--conda-channel): copies the conda packages into the channel directory and
    regenerates repodata.json of the subdirs it touched, keeping the packages already there
  - GitHub: finds the release for the tag (drafts included) or creates a draft; deletes assets
    that are half-uploaded, differ in size or sha256, or are not part of the release; uploads
    what is missing and verifies each upload's sha256; writes the notes (CHANGELOG.md section
    for the version, else the commits since the previous tag, plus the checksums); publishes
    the draft once every asset is in place.
Re-running converges: what is already in place is verified and left alone. A published
immutable release whose assets differ is refused (GitHub locks them), and nothing is changed.

  --version V          publish dist/V/ instead of the newest version there
  --dist-dir DIR       where releases are (default: dist)
  --dry-run            print the plan and change nothing
  --oci-ref REF        also push the OCI image to REGISTRY/REPOSITORY[:TAG] (without a tag: every
                       tag the layout names: <version>, latest, <version>-<arch>)
  --oci-plain-http     talk to the registry over http (default only for localhost/127.0.0.1)
  --conda-channel DIR  also merge the conda packages into the channel directory DIR
  --no-github          publish only to --oci-ref / --conda-channel
  --json               the plan and the result as JSON lines

Environment:
  GITHUB_TOKEN         token with write access to the repository's contents (required for GitHub)
  GITHUB_REPOSITORY    owner/name of the repository (GitHub Actions sets it)
  GITHUB_API_URL       API root (default https://api.github.com; GitHub Enterprise:
                       https://HOST/api/v3); uploads go to the release's upload_url
  RELEASE_OCI_USERNAME, RELEASE_OCI_PASSWORD
                       registry credentials (for ghcr.io, GITHUB_TOKEN is used when these are unset)`,
    options: {
      version: { type: 'string' },
      'dist-dir': { type: 'string' },
      'dry-run': { type: 'boolean' },
      'oci-ref': { type: 'string' },
      'oci-plain-http': { type: 'boolean' },
      'conda-channel': { type: 'string' },
      'no-github': { type: 'boolean' },
      json: { type: 'boolean' },
    },
    async run(v) {
      const { publishCommand } = await import('./publish/index.ts');
      return publishCommand(v, out);
    },
  },
  ci: {
    summary: 'generate or check .github/workflows/ from the recipe',
    usage: 'release ci (generate | check) [--dir DIR] [--recipe FILE]',
    help: `  generate      write .github/workflows/ci.yml and release.yml from the recipe
  check         exit 1 (with a diff) when the files differ from what generate writes
  --dir DIR     workflows directory (default: .github/workflows)
  --recipe FILE product recipe (default: recipes/pyvm.yaml)`,
    options: { dir: { type: 'string' }, recipe: { type: 'string' } },
    positionals: 1,
    async run(v, pos) {
      const { ciCommand } = await import('./ci.ts');
      return ciCommand(pos, v, out);
    },
  },
};

function nearest(word: string, words: string[]): string {
  const d = (a: string, b: string) => {
    const m: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) m[0][j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) m[i][j] = Math.min(m[i - 1][j] + 1, m[i][j - 1] + 1, m[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    return m[a.length][b.length];
  };
  return [...words].sort((a, b) => d(word, a) - d(word, b))[0];
}

function mainHelp(): string {
  const w = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return `release: builds, tests and ships pyvm for every target

usage: release <command> [options]      release <command> --help for details

commands:
${Object.entries(COMMANDS)
  .map(([k, c]) => `  ${k.padEnd(w)}  ${c.summary}`)
  .join('\n')}

examples:
  release doctor --install
  release build --target linux-s390x
  release build --all --json
  release plan --all
  release merge artifacts/*/dist --out dist
  release publish --dry-run`;
}

async function dispatch(args: string[]): Promise<number> {
  const [cmd, ...rest] = args;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    if (cmd === 'help' && rest[0] && COMMANDS[rest[0]]) return dispatch([rest[0], '--help']);
    out(mainHelp());
    return cmd ? 0 : 2;
  }
  if (cmd === 'translate') {
    const { translateCommand } = await import('../translate/cli.ts');
    return translateCommand(rest);
  }
  const command = COMMANDS[cmd];
  if (!command) throw E.unknownCommand(cmd, Object.keys(COMMANDS), nearest(cmd, Object.keys(COMMANDS)));
  if (rest.includes('--help') || rest.includes('-h')) {
    out(`usage: ${command.usage}\n\n${command.summary}\n\n${command.help}`);
    return 0;
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (e) {
    const err = e as Error & { code?: string };
    const m = /'([^']+)'/.exec(err.message);
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw E.unknownOption(cmd, m?.[1] ?? err.message);
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw E.missingValue(m?.[1] ?? err.message);
    throw new UserError(err.message);
  }
  if (parsed.positionals.length > (command.positionals ?? 0)) throw E.extraArgument(cmd, parsed.positionals[command.positionals ?? 0]);
  return command.run(parsed.values, parsed.positionals);
}

export async function main(args: string[]): Promise<number> {
  try {
    // scratch folders of killed runs (theirs never reached its cleanup)
    sweepTempDirs();
    return await dispatch(args);
  } catch (e) {
    if (e instanceof UserError) {
      process.stderr.write(`release: error: ${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof StepError) {
      process.stderr.write(`release: ${e.task}: ${e.message}\n${e.detail}`);
      return 1;
    }
    if (isDiskFull(e)) {
      // not a bug: say where, and that nothing half-written was published
      const where = e instanceof DiskFullError ? e.message : `no space left on device${(e as NodeJS.ErrnoException).path ? ` writing ${(e as NodeJS.ErrnoException).path}` : ` (${(e as Error).message})`}`;
      process.stderr.write(`release: error: ${where}; nothing was published\n`);
      return 1;
    }
    process.stderr.write(`release: internal error (a bug; please report it with this trace):\n${(e as Error).stack ?? String(e)}\n`);
    return 70;
  }
}
