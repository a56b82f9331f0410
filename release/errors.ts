// One catalogue of the errors `release` reports. A UserError is a mistake the user can fix
// (bad flag, unknown target, invalid recipe, missing tool): the CLI prints it as
// `release: error: ...` and exits 2, never with a stack trace. Anything else is a bug or
// a failed step and is reported with where it happened (target, artifact kind, step).

export class UserError extends Error {
  override name = 'UserError';
  constructor(
    message: string,
    /** stable code from CODES below, for tests and machines */
    readonly code: string = 'usage',
    /** exit status; 2 for usage mistakes, 1 for environment problems */
    readonly exitCode: number = 2,
  ) {
    super(message);
  }
}

/** A step of the build failed: names the task (which carries target and artifact kind). */
export class StepError extends Error {
  override name = 'StepError';
  constructor(
    readonly task: string,
    message: string,
    readonly detail: string = '',
  ) {
    super(message);
  }
}

export const E = {
  unknownCommand: (cmd: string, valid: string[], nearest: string) =>
    new UserError(`unknown command '${cmd}'; did you mean '${nearest}'? Commands: ${valid.join(', ')}`, 'unknown-command'),
  unknownOption: (cmd: string, opt: string) =>
    new UserError(`unknown option '${opt}' for '${cmd}' (see 'release ${cmd} --help')`, 'unknown-option'),
  missingValue: (opt: string) => new UserError(`option '${opt}' needs a value`, 'missing-value'),
  extraArgument: (cmd: string, arg: string) =>
    new UserError(`unexpected argument '${arg}' for '${cmd}' (see 'release ${cmd} --help')`, 'extra-argument'),
  unknownTarget: (message: string) => new UserError(message, 'unknown-target'),
  macosTarget: (reason: string) => new UserError(reason, 'unbuildable-target'),
  noTargets: () => new UserError('no target given: use --target T (repeatable) or --all', 'no-targets'),
  targetNotInRecipe: (t: string, file: string, listed: string[]) =>
    new UserError(`target '${t}' is not listed in ${file} (targets: ${listed.join(', ')})`, 'target-not-in-recipe'),
  recipeInvalid: (text: string) => new UserError(text, 'recipe-invalid'),
  recipeMissing: (file: string) => new UserError(`recipe not found: ${file}`, 'recipe-missing'),
  fileMissing: (what: string, file: string) => new UserError(`${what} not found: ${file}`, 'file-missing'),
  noManifest: (file: string) =>
    new UserError(`no build to test: ${file} does not exist (run 'release build' first)`, 'no-manifest'),
  badEpoch: (v: string) => new UserError(`SOURCE_DATE_EPOCH must be a whole number of seconds, got '${v}'`, 'bad-epoch'),
  toolsMissing: (text: string) => new UserError(text, 'tools-missing', 1),
  notRoot: (command: string) =>
    new UserError(`installing Debian packages needs root; run:\n  sudo sh -c '${command}'`, 'not-root', 1),
  badCacheEntry: (text: string) => new UserError(text, 'cache', 1),
  diskFull: (text: string) => new UserError(text, 'disk-full', 1),
  registry: (text: string) => new UserError(text, 'registry', 1),
  ciDrift: (files: string[]) =>
    new UserError(`workflows out of date with the recipe: ${files.join(', ')}; run 'release ci generate'`, 'ci-drift', 1),
  // release publish
  noDist: (root: string) =>
    new UserError(`nothing to publish: ${root} holds no <version>/manifest.json (run 'release build --target T' first, or pass --dist-dir DIR)`, 'no-dist'),
  distVersionMissing: (version: string, root: string, have: string[]) =>
    new UserError(`no build of version ${version} in ${root}; built versions: ${have.length ? have.join(', ') : 'none'}`, 'no-dist'),
  distDamaged: (dir: string, what: string) =>
    new UserError(`${dir} cannot be published: ${what}; rebuild it with 'release build'`, 'dist-damaged', 1),
  githubTokenMissing: () =>
    new UserError(
      "GITHUB_TOKEN is not set: publishing to GitHub needs a token allowed to write the repository's contents " +
        '(in GitHub Actions: env: GITHUB_TOKEN: ${{ github.token }}), or pass --no-github to publish only to --oci-ref / --conda-channel',
      'github-token',
    ),
  githubRepository: (value: string | undefined) =>
    new UserError(
      value === undefined || value === ''
        ? 'GITHUB_REPOSITORY is not set: set it to the repository as owner/name, e.g. GITHUB_REPOSITORY=pyvm/pyvm (GitHub Actions sets it)'
        : `GITHUB_REPOSITORY must be owner/name, e.g. pyvm/pyvm; got '${value}'`,
      'github-repository',
    ),
  githubApiUrl: (value: string) =>
    new UserError(`GITHUB_API_URL must be an http(s) URL such as https://api.github.com or https://github.example.com/api/v3; got '${value}'`, 'github-api-url'),
  envNumber: (name: string, value: string) => new UserError(`${name} must be a whole number of milliseconds, got '${value}'`, 'env-number'),
  github: (text: string) => new UserError(text, 'github', 1),
  releaseImmutable: (text: string) => new UserError(text, 'release-immutable', 1),
  ociRef: (ref: string, why: string) =>
    new UserError(`--oci-ref '${ref}' ${why}; expected REGISTRY/REPOSITORY[:TAG] such as ghcr.io/pyvm/pyvm or 127.0.0.1:5000/pyvm:0.1.0`, 'oci-ref'),
  noOciLayout: (dir: string) => new UserError(`--oci-ref given but ${dir} has no OCI image layout (build a Linux target first)`, 'no-oci-layout', 1),
  condaConflict: (text: string) => new UserError(text, 'conda-conflict', 1),
  noCondaPackages: (dir: string) => new UserError(`--conda-channel given but ${dir} holds no conda packages`, 'no-conda-packages', 1),
  nothingToPublishTo: () =>
    new UserError('--no-github leaves nothing to publish to: add --oci-ref REGISTRY/REPOSITORY and/or --conda-channel DIR', 'no-destination'),
  // release merge
  mergeNoInputs: () => new UserError("'release merge' needs the dist directories to merge: release merge DIST_DIR... [--out DIR]", 'merge-usage'),
  mergeInputMissing: (dir: string) => new UserError(`${dir} is not a directory (release merge takes the dist/ roots of per-target builds)`, 'merge-input'),
  mergeNoRelease: (dir: string, version: string | undefined, have: string[]) =>
    new UserError(
      version === undefined
        ? `${dir} holds no <version>/manifest.json: pass the dist/ root of a 'release build' (e.g. artifacts/dist-linux-x86_64/dist)`
        : `${dir} holds no build of version ${version}; built versions: ${have.length ? have.join(', ') : 'none'}`,
      'merge-input',
    ),
  mergeSeveralVersions: (dir: string, versions: string[]) =>
    new UserError(`${dir} holds builds of several versions (${versions.join(', ')}): pass --version V`, 'merge-input'),
  mergeMismatch: (field: string, values: [string, string][]) =>
    new UserError(
      `the inputs are not builds of one release: their ${field} differs (${values.map(([dir, v]) => `${dir}: ${v}`).join('; ')}); merge only per-target builds of the same commit`,
      'merge-mismatch',
    ),
  mergeRecipeMismatch: (what: string) => new UserError(`the inputs do not match the recipe: ${what}; merge with the checkout they were built from`, 'merge-mismatch'),
  mergeDamaged: (dir: string, path: string, why: string) =>
    new UserError(`${dir}: ${path} ${why}; the input is damaged (download or build it again)`, 'merge-damaged', 1),
  mergeConflict: (path: string, a: [string, string], b: [string, string]) =>
    new UserError(`${path} differs between the inputs (${a[0]}: ${a[1]}; ${b[0]}: ${b[1]}): they are not builds of one release`, 'merge-conflict'),
  mergeTargetDiffers: (target: string, a: string, b: string, detail: string) =>
    new UserError(`${target} was built in both ${a} and ${b}, differently (${detail}): they are not builds of one release`, 'merge-conflict'),
} as const;

/** The most useful one-line account of a failure: errors that format themselves with a location (translate/'s RtsError) do so. */
export function explain(e: Error): string {
  const f = (e as { format?: unknown }).format;
  if (typeof f === 'function') {
    try {
      return String(f.call(e));
    } catch {
      /* fall back to the message */
    }
  }
  return e.message;
}
