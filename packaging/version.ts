// Version rules of each package format. A version the format cannot represent is an error
// naming the artifact and the rule, with the spelling the format would accept.

import { PackagingError, type PackagingRule } from './errors.ts';

const RULES: Record<'deb' | 'rpm' | 'conda', { rule: PackagingRule; re: RegExp; text: string }> = {
  deb: {
    rule: 'version-deb',
    re: /^[0-9][A-Za-z0-9.+~]*$/,
    text: "Debian upstream versions start with a digit and use only [A-Za-z0-9.+~] ('-' needs a revision; write pre-releases as 1.0.0~rc1)",
  },
  rpm: {
    rule: 'version-rpm',
    re: /^[A-Za-z0-9._+~^]+$/,
    text: "rpm versions use only [A-Za-z0-9._+~^] and never '-' (write pre-releases as 1.0.0~rc1)",
  },
  conda: {
    rule: 'version-conda',
    re: /^[A-Za-z0-9_.+!]+$/,
    text: "conda versions use only [A-Za-z0-9_.+!] and never '-' (write pre-releases as 1.0.0rc1)",
  },
};

export function checkVersion(format: keyof typeof RULES, version: string, artifact: string): void {
  const r = RULES[format];
  if (!r.re.test(version) || version.includes('..')) throw new PackagingError(artifact, r.rule, `version '${version}' is invalid: ${r.text}`);
}

/** Our own release versions: anything safe in a file name and URL. */
export function checkReleaseVersion(version: string, artifact: string): void {
  if (!/^[0-9][A-Za-z0-9.+~_-]*$/.test(version))
    throw new PackagingError(artifact, 'version-semver', `version '${version}' is invalid: release versions start with a digit and use only [A-Za-z0-9.+~_-]`);
}

/** Windows installers want numeric major.minor.patch (each part <= 65535); pre-release suffixes are dropped. */
export function windowsVersion(version: string, artifact: string): [number, number, number] {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  const parts = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
  if (!parts || parts[0] > 255 || parts[1] > 255 || parts[2] > 65535)
    throw new PackagingError(artifact, 'version-windows', `version '${version}' is invalid: Windows installers need a numeric major.minor.patch prefix (major, minor <= 255, patch <= 65535)`);
  return parts as [number, number, number];
}
