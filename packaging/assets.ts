// What a dist file is called as a release asset. GitHub release assets are flat, so a file in
// a subdirectory (conda/linux-64/pyvm-0.1.0-0.conda) is published under its whole path with
// '-' for '/' (conda-linux-64-pyvm-0.1.0-0.conda). The OCI image layout directory is not
// published file by file: the release carries it whole as pyvm-<version>-oci.tar. SHA256SUMS
// names its lines the same way, so `sha256sum -c SHA256SUMS` works in a folder holding the
// downloaded assets; the dist keeps its directories (a conda channel needs conda/<subdir>/).

import { OCI_DIR } from './oci.ts';

/** The release asset name of a dist path (relative to dist/<version>/), or null when it is not published as an asset. */
export function releaseAssetName(path: string): string | null {
  if (path === OCI_DIR || path.startsWith(`${OCI_DIR}/`)) return null;
  return path.split('/').join('-');
}
