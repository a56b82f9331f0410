// The external tools packaging needs, with the Debian package providing each, so
// `release doctor` can check and install them from this one list.

export interface ToolRequirement {
  command: string;
  debPackage: string;
  /** packager names (build) or 'tests' (checks in tests/packaging only) */
  usedBy: string[];
}

export const PACKAGING_TOOLS: readonly ToolRequirement[] = [
  { command: 'dpkg-deb', debPackage: 'dpkg', usedBy: ['deb'] },
  { command: 'rpmbuild', debPackage: 'rpm', usedBy: ['rpm'] },
  { command: 'makensis', debPackage: 'nsis', usedBy: ['nsis'] },
  { command: 'wixl', debPackage: 'wixl', usedBy: ['msi'] },
  { command: 'msiinfo', debPackage: 'msitools', usedBy: ['msi'] },
  { command: 'faketime', debPackage: 'faketime', usedBy: ['msi'] },
  { command: 'zstd', debPackage: 'zstd', usedBy: ['conda', 'conda-channel'] },
  { command: 'bzip2', debPackage: 'bzip2', usedBy: ['conda'] },
  { command: 'minisign', debPackage: 'minisign', usedBy: ['signature'] },
  { command: 'cph', debPackage: 'conda-package-handling', usedBy: ['tests'] },
  { command: 'skopeo', debPackage: 'skopeo', usedBy: ['tests'] },
  { command: 'umoci', debPackage: 'umoci', usedBy: ['tests'] },
  { command: 'podman', debPackage: 'podman', usedBy: ['tests'] },
  { command: 'runc', debPackage: 'runc', usedBy: ['tests'] },
  { command: 'docker-registry', debPackage: 'docker-registry', usedBy: ['tests'] },
  { command: 'shellcheck', debPackage: 'shellcheck', usedBy: ['tests'] },
  { command: 'unzip', debPackage: 'unzip', usedBy: ['tests'] },
  { command: '7z', debPackage: 'p7zip-full', usedBy: ['tests'] },
  { command: 'curl', debPackage: 'curl', usedBy: ['tests'] },
  { command: 'msiextract', debPackage: 'msitools', usedBy: ['tests'] },
];
