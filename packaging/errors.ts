// One catalogue of packaging errors. Every error names the artifact and the rule broken,
// so a release log line says what failed and why without a stack trace.

export type PackagingRule =
  | 'tree-missing-binary' // the staged tree has no bin/pyvm(.exe)
  | 'tree-escape' // a file or link points outside the staged tree
  | 'tree-file-type' // something other than a regular file, directory or contained link
  | 'version-deb' // Debian policy: upstream version [0-9][A-Za-z0-9.+~]*
  | 'version-rpm' // rpm: [A-Za-z0-9._+~^]+, no '-'
  | 'version-conda' // conda: [A-Za-z0-9_.+!]+, no '-'
  | 'version-windows' // MSI ProductVersion / NSIS VIProductVersion: numeric a.b.c prefix
  | 'version-semver' // our own versions: 1.2.3 with optional -pre / +build parts
  | 'signing-key' // signing required but no usable key
  | 'tool-failed' // an external tool exited non-zero
  | 'unknown-target'
  | 'asset-name-clash' // two dist paths would be one release asset name (SHA256SUMS)
  | 'missing-input'; // a packager needed an artifact an earlier one should have registered

export class PackagingError extends Error {
  constructor(
    readonly artifact: string,
    readonly rule: PackagingRule,
    detail: string,
  ) {
    super(`${artifact}: ${detail} [rule ${rule}]`);
    this.name = 'PackagingError';
  }
}
