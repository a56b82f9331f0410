// The packaging data model, defined once: what a packager receives (a staged distribution
// tree plus the recipe), what it produces (artifact records in one registry), and the
// small interface every artifact kind implements. The release orchestrator codes against
// this file only; packagers meet each other only through the ArtifactRegistry.

import type { Target } from '../common/targets.ts';

/** Every artifact kind, in the order of the registry list (packaging/index.ts). */
export type ArtifactKind =
  | 'archive' // pyvm-<v>-<target>.tar.gz / .zip
  | 'installer-script' // install.sh, install.ps1
  | 'nsis' // pyvm-<v>-<target>-setup.exe
  | 'msi' // pyvm-<v>-<target>.msi
  | 'conda' // conda/<subdir>/pyvm-<v>-<build>.conda and .tar.bz2
  | 'conda-repodata' // conda/<subdir>/repodata.json (+ .zst), conda/noarch/repodata.json
  | 'oci-manifest' // one platform's image manifest blob inside oci/
  | 'oci-layout' // oci/ (index.json) and pyvm-<v>-oci.tar
  | 'deb' // pyvm_<v>_<debarch>.deb
  | 'rpm' // pyvm-<v>-1.<rpmarch>.rpm
  | 'sbom' // pyvm-<v>-<target>.spdx.json
  | 'provenance' // pyvm-<v>.intoto.json
  | 'checksums' // SHA256SUMS
  | 'signature'; // SHA256SUMS.minisig, minisign.pub

/** Product facts every packager may need (names, license, URLs). Data from recipes/. */
export interface RecipeInfo {
  name: string; // 'pyvm'
  summary: string;
  description: string;
  license: string; // SPDX expression, e.g. 'MIT'
  homepage: string;
  maintainer: string; // 'Name <mail>'
  vendor: string;
  /** where release assets are downloaded from; `{version}` is substituted */
  downloadUrl: string;
  /** OCI repository name, e.g. 'ghcr.io/pyvm/pyvm' (used in annotations only) */
  imageName: string;
  /** conda build number (the build string is `<buildNumber>`) */
  condaBuildNumber: number;
}

/** One staged distribution tree: pyvm-<version>-<target>/ with bin/, lib/pyvm/, LICENSE, README. */
export interface StagedTree {
  /** absolute path of the pyvm-<version>-<target> directory */
  dir: string;
  /** target name from common/targets.ts */
  target: string;
  version: string;
  sourceDateEpoch: number;
  recipe: RecipeInfo;
}

/** One produced file, as registered. `path` is absolute; `name` is relative to the dist dir. */
export interface ArtifactRecord {
  path: string;
  name: string;
  kind: ArtifactKind;
  /** target name, or null for release-wide artifacts (checksums, channel, OCI index) */
  target: string | null;
  sha256: string;
  size: number;
  /** kind-specific facts other packagers may select on (e.g. OCI manifest digest, conda subdir) */
  extra?: Record<string, string>;
}

/** A packager declining to run is a value carrying its reason; the runner reports it. */
export interface Skip {
  skip: string;
}

export function isSkip(x: ArtifactRecord[] | Skip): x is Skip {
  return !Array.isArray(x);
}

export interface SigningConfig {
  /** minisign secret key file (unencrypted, made with `minisign -G -W`) */
  secretKeyFile: string | null;
  /** minisign public key file, copied to dist as minisign.pub */
  publicKeyFile: string | null;
  /** when true a missing key is an error, otherwise the signature packager skips */
  required: boolean;
}

/** Read-only view of what earlier packagers produced. */
export interface ArtifactRegistry {
  all(): readonly ArtifactRecord[];
  select(filter: { kind?: ArtifactKind; target?: string | null }): ArtifactRecord[];
  add(records: readonly ArtifactRecord[]): void;
}

/** What every packager run sees. */
export interface ReleaseContext {
  version: string;
  sourceDateEpoch: number;
  recipe: RecipeInfo;
  /** dist/<version>/ : every artifact lands under here */
  distDir: string;
  /** scratch space; packagers make their own subdirectories */
  workDir: string;
  /** all staged trees of this release (one per target built) */
  trees: readonly StagedTree[];
  registry: ArtifactRegistry;
  signing: SigningConfig;
  /** where the sources came from, for provenance (omitted from provenance when absent) */
  source?: { uri: string; revision: string };
}

/** A per-target packager run additionally gets its tree and target row. */
export interface TargetContext extends ReleaseContext {
  tree: StagedTree;
  target: Target;
}

/** An external command a kind needs, with the Debian package providing it (`release doctor` installs it). */
export interface ToolNeed {
  command: string;
  debPackage: string;
  /** what it is needed for, shown by `release doctor` */
  purpose: string;
  /** build: the packager runs it; smoke: the smoke test installs the artifact with it; check: tests/packaging inspect the artifact with it */
  use: 'build' | 'smoke' | 'check';
}

/** What a smoke test (release/smoke.ts) hands a kind's installer. */
export interface InstallContext {
  target: Target;
  artifact: { name: string; kind: string; target: string | null; sha256: string };
  /** absolute path of the artifact file */
  file: string;
  /** the other artifacts of the release, with their files (the shell installer needs the archive) */
  related: readonly { r: { name: string; kind: string; target: string | null; sha256: string }; file: string }[];
  version: string;
  /** a fresh empty directory to install into */
  prefix: string;
  /** the wine prefix Windows installers register into */
  winePrefix: string;
  /** runs a command; a non-zero exit fails the install with `what` in the message */
  must(cmd: string, args: string[], what: string, opts?: { cwd?: string; env?: NodeJS.ProcessEnv }): Promise<void>;
  /** runs a Windows program (and its arguments) under wine, in winePrefix */
  wine(args: string[]): Promise<{ code: number | null; stderr: string }>;
  /** a host path as wine's Z: drive spells it */
  winePath(p: string): string;
}

/** Where an install put things; null: this record is not installed on its own (install.ps1 on Linux). */
export type Installed = null | {
  /** where to look for the installed pyvm (default: the prefix) */
  searchIn?: string;
  cleanup?: () => Promise<void>;
};

interface PackagerBase {
  /** the artifact kind it makes: also its name, used as task name and log prefix */
  kind: ArtifactKind;
  /** the targets it makes artifacts for (release scope: the targets whose build needs it); absent: every target */
  appliesTo?(t: Target): boolean;
  /** external commands it, its smoke test and its checks run */
  tools: readonly ToolNeed[];
  /** the Content-Type of one of its files as a release asset */
  contentType(name: string): string;
  /** `extra` keys its records carry that later packagers select on; `release merge` refuses per-target records lacking them */
  facts?: readonly string[];
  /** files one of its artifacts brings along that the manifest does not list (paths relative to dist/<version>/) */
  bringsAlong?(file: string): string[];
  /** the kinds whose artifacts its smoke test needs besides its own (each earlier in the list) */
  needs?: readonly ArtifactKind[];
  /** it reads ctx.signing (the keys are then among its inputs) */
  signs?: boolean;
  /** installs one of its artifacts the way a user would, for a smoke test; absent: not smoke-tested */
  install?(o: InstallContext): Promise<Installed>;
}
/** Runs once per staged tree (target). */
export interface TargetPackager extends PackagerBase {
  scope: 'target';
  run(ctx: TargetContext): Promise<ArtifactRecord[] | Skip>;
}

/** Runs once per release, after all per-target packagers of earlier kinds (indexes, checksums). */
export interface ReleasePackager extends PackagerBase {
  scope: 'release';
  run(ctx: ReleaseContext): Promise<ArtifactRecord[] | Skip>;
}

export type Packager = TargetPackager | ReleasePackager;
