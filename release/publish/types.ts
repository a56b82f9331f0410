// The publishing data model, defined once: what a release should contain (desired state,
// read from dist/<version>/), what a destination holds (observed state, read from GitHub, an
// OCI registry or a conda channel directory), and the actions a pure planner derives from
// the two. Every publisher (github.ts, oci.ts, conda.ts) satisfies the one Publisher type;
// --dry-run prints the plans and stops, a real run applies the same plans.

/** One file of dist/<version>/ as a GitHub release asset. */
export interface DesiredAsset {
  /** asset name: flat, unique (conda/linux-64/x.conda becomes conda-linux-64-x.conda) */
  name: string;
  /** path relative to dist/<version>/ */
  path: string;
  /** absolute path */
  file: string;
  size: number;
  sha256: string;
  contentType: string;
}

export interface DesiredRelease {
  tag: string;
  /** release title, e.g. 'pyvm 0.1.0' */
  title: string;
  notes: string;
  prerelease: boolean;
  assets: DesiredAsset[];
}

export interface ObservedAsset {
  id: number;
  name: string;
  size: number;
  /** 'uploaded' when complete; anything else is a half-finished upload */
  state: string;
  /** hex sha256 of the stored bytes: from GitHub's digest field or by downloading; null when not worth knowing (size or state already differ) */
  sha256: string | null;
  /** where sha256 came from */
  digestSource: 'api' | 'download' | null;
}

export interface ObservedRelease {
  id: number;
  tag: string;
  draft: boolean;
  immutable: boolean;
  /** the release's upload_url template (…/assets{?name,label}) */
  uploadUrl: string;
}

export interface ObservedGithub {
  /** the release this run works on: the published one for the tag, else the oldest draft */
  release: ObservedRelease | null;
  /** other drafts with the same tag (left behind by a create whose answer was lost) */
  duplicates: ObservedRelease[];
  assets: ObservedAsset[];
}

export type GithubAction =
  | { type: 'delete-release'; releaseId: number; reason: string }
  | { type: 'create-release'; tag: string; title: string; prerelease: boolean }
  | { type: 'delete-asset'; assetId: number; name: string; reason: string }
  | { type: 'upload-asset'; asset: DesiredAsset; reason: string }
  | { type: 'publish-release'; tag: string };

export interface OciBlob {
  digest: string;
  size: number;
  file: string;
  mediaType: string;
}

export interface OciManifest {
  digest: string;
  size: number;
  file: string;
  mediaType: string;
  /** 'linux/amd64' for an image, 'index' for the image index */
  what: string;
}

/** An OCI image layout (dist/<version>/oci/) reduced to what a registry needs. */
export interface DesiredOci {
  /** layers and configs, each once */
  blobs: OciBlob[];
  /** per-platform image manifests, then the index; children before parents */
  manifests: OciManifest[];
  /** tag -> the manifest it names */
  tags: { tag: string; manifest: OciManifest }[];
}

export interface ObservedOci {
  blobs: Set<string>;
  manifests: Set<string>;
  /** tag -> digest it points at now, or null when absent */
  tags: Map<string, string | null>;
}

export type OciAction =
  | { type: 'upload-blob'; blob: OciBlob }
  | { type: 'put-manifest'; manifest: OciManifest }
  | { type: 'tag'; tag: string; manifest: OciManifest; was: string | null };

export interface CondaPackage {
  subdir: string;
  /** file name, e.g. pyvm-0.1.0-0.conda */
  fn: string;
  file: string;
  sha256: string;
  size: number;
}

export interface ObservedConda {
  /** subdir -> file name -> sha256 of the file already in the channel */
  files: Map<string, Map<string, string>>;
  /** subdir -> file names its repodata.json lists (null: no repodata.json) */
  indexed: Map<string, Set<string> | null>;
}

export type CondaAction =
  | { type: 'copy-package'; pkg: CondaPackage }
  | { type: 'index-subdir'; subdir: string; reason: string };

/**
 * A plan: data, so a dry run prints it and a real run applies it. A refusal is a value
 * carrying its reason (publishing would need a change the destination forbids).
 */
export interface Plan<A> {
  publisher: string;
  /** where it publishes, for people: 'github pyvm/pyvm v0.1.0', 'oci ghcr.io/pyvm/pyvm' */
  destination: string;
  actions: A[];
  /** things the planner checked and found already in place, for the report */
  upToDate: string[];
  refusal: string | null;
}

/** Reports progress of one action: a line now and then, and bytes moved. */
export interface StepSink {
  log(line: string): void;
  /** bytes of `total` transferred so far (uploads, downloads) */
  progress(done: number, total: number): void;
}

export interface Publisher<A> {
  name: string;
  /** reads the destination and plans; changes nothing */
  plan(): Promise<Plan<A>>;
  /** one line per action, for the printed plan and the progress display */
  describe(action: A): string;
  /** a short unique name for the action's step in progress logs, e.g. 'upload:pyvm-0.1.0.tar.gz' */
  label(action: A): string;
  /** bytes the action transfers (for progress), 0 when none */
  bytes(action: A): number;
  /** carries out one action of a plan made by plan() */
  apply(action: A, sink: StepSink): Promise<void>;
}
