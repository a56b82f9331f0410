// The target table: the one place that knows what each target is. Everything else
// (translate, compile, packaging, emulation, CI) looks targets up here.

export type ArchiveFormat = 'tar.gz' | 'zip';
export type JitBackend = 'x86_64' | 'aarch64' | 'ppc64le' | 's390x';

export interface Target {
  /** our name, e.g. linux-s390x */
  name: string;
  os: 'linux' | 'windows' | 'macos';
  /** CPU as uname -m spells it */
  arch: 'x86_64' | 'aarch64' | 'ppc64le' | 's390x' | 'arm64';
  /** GNU triple of the C toolchain */
  triple: string;
  /** C compiler command */
  cc: string;
  /** extra C compiler/linker flags this target needs */
  cflags: string[];
  /** Debian packages providing the toolchain (empty: not buildable on Debian) */
  debPackages: string[];
  /** a file whose presence shows the static C library for this target is installed (null: not checked) */
  sysroot: string | null;
  /** command prefix to run a binary of this target on an x86-64 Linux host ([] = natively) */
  emulator: string[];
  /** Debian packages providing the emulator */
  emulatorPackages: string[];
  /** translation config the annotator sees */
  wordSize: 64;
  endian: 'little' | 'big';
  /** OCI platform, conda subdir, deb and rpm architecture names (null: not produced) */
  ociPlatform: string | null;
  condaSubdir: string;
  debArch: string | null;
  rpmArch: string | null;
  archive: ArchiveFormat;
  exeSuffix: '' | '.exe';
  jitBackend: JitBackend;
  /** where it can be built when not on this host */
  buildsOn: 'linux' | 'macos';
}

const linuxCflags = ['-static'];
const wine = ['/usr/lib/wine/wine64'];

export const TARGETS: readonly Target[] = [
  {
    name: 'linux-x86_64', os: 'linux', arch: 'x86_64', triple: 'x86_64-linux-gnu', cc: 'gcc',
    cflags: linuxCflags, debPackages: ['gcc', 'libc6-dev'], sysroot: '/usr/lib/x86_64-linux-gnu/libc.a', emulator: [], emulatorPackages: [],
    wordSize: 64, endian: 'little', ociPlatform: 'linux/amd64', condaSubdir: 'linux-64',
    debArch: 'amd64', rpmArch: 'x86_64', archive: 'tar.gz', exeSuffix: '', jitBackend: 'x86_64', buildsOn: 'linux',
  },
  {
    name: 'linux-aarch64', os: 'linux', arch: 'aarch64', triple: 'aarch64-linux-gnu', cc: 'aarch64-linux-gnu-gcc',
    cflags: linuxCflags, debPackages: ['gcc-aarch64-linux-gnu', 'libc6-dev-arm64-cross'], sysroot: '/usr/aarch64-linux-gnu/lib/libc.a',
    emulator: ['qemu-aarch64-static'], emulatorPackages: ['qemu-user-static'],
    wordSize: 64, endian: 'little', ociPlatform: 'linux/arm64', condaSubdir: 'linux-aarch64',
    debArch: 'arm64', rpmArch: 'aarch64', archive: 'tar.gz', exeSuffix: '', jitBackend: 'aarch64', buildsOn: 'linux',
  },
  {
    name: 'linux-ppc64le', os: 'linux', arch: 'ppc64le', triple: 'powerpc64le-linux-gnu', cc: 'powerpc64le-linux-gnu-gcc',
    cflags: linuxCflags, debPackages: ['gcc-powerpc64le-linux-gnu', 'libc6-dev-ppc64el-cross'], sysroot: '/usr/powerpc64le-linux-gnu/lib/libc.a',
    emulator: ['qemu-ppc64le-static'], emulatorPackages: ['qemu-user-static'],
    wordSize: 64, endian: 'little', ociPlatform: 'linux/ppc64le', condaSubdir: 'linux-ppc64le',
    debArch: 'ppc64el', rpmArch: 'ppc64le', archive: 'tar.gz', exeSuffix: '', jitBackend: 'ppc64le', buildsOn: 'linux',
  },
  {
    name: 'linux-s390x', os: 'linux', arch: 's390x', triple: 's390x-linux-gnu', cc: 's390x-linux-gnu-gcc',
    cflags: linuxCflags, debPackages: ['gcc-s390x-linux-gnu', 'libc6-dev-s390x-cross'], sysroot: '/usr/s390x-linux-gnu/lib/libc.a',
    emulator: ['qemu-s390x-static'], emulatorPackages: ['qemu-user-static'],
    wordSize: 64, endian: 'big', ociPlatform: 'linux/s390x', condaSubdir: 'linux-s390x',
    debArch: 's390x', rpmArch: 's390x', archive: 'tar.gz', exeSuffix: '', jitBackend: 's390x', buildsOn: 'linux',
  },
  {
    name: 'windows-x86_64', os: 'windows', arch: 'x86_64', triple: 'x86_64-w64-mingw32', cc: 'x86_64-w64-mingw32-gcc',
    // mingw stamps a link time into PE headers; the default 1 MB stack is too small for deep recursion.
    cflags: ['-static', '-Wl,--no-insert-timestamp', '-Wl,--stack,16777216'],
    debPackages: ['gcc-mingw-w64-x86-64'], sysroot: '/usr/x86_64-w64-mingw32/lib/libkernel32.a', emulator: wine, emulatorPackages: ['wine64'],
    wordSize: 64, endian: 'little', ociPlatform: null, condaSubdir: 'win-64',
    debArch: null, rpmArch: null, archive: 'zip', exeSuffix: '.exe', jitBackend: 'x86_64', buildsOn: 'linux',
  },
  {
    name: 'macos-x86_64', os: 'macos', arch: 'x86_64', triple: 'x86_64-apple-darwin', cc: 'clang',
    cflags: ['-arch', 'x86_64'], debPackages: [], sysroot: null, emulator: [], emulatorPackages: [],
    wordSize: 64, endian: 'little', ociPlatform: null, condaSubdir: 'osx-64',
    debArch: null, rpmArch: null, archive: 'tar.gz', exeSuffix: '', jitBackend: 'x86_64', buildsOn: 'macos',
  },
  {
    name: 'macos-arm64', os: 'macos', arch: 'arm64', triple: 'arm64-apple-darwin', cc: 'clang',
    cflags: ['-arch', 'arm64'], debPackages: [], sysroot: null, emulator: [], emulatorPackages: [],
    wordSize: 64, endian: 'little', ociPlatform: null, condaSubdir: 'osx-arm64',
    debArch: null, rpmArch: null, archive: 'tar.gz', exeSuffix: '', jitBackend: 'aarch64', buildsOn: 'macos',
  },
];

export const isWindows = (t: Target): boolean => t.os === 'windows';

/** The target this machine builds natively. */
export function hostTargetName(): string {
  const arch = process.arch === 'x64' ? 'x86_64' : process.arch === 'arm64' ? (process.platform === 'darwin' ? 'arm64' : 'aarch64') : process.arch;
  const os = process.platform === 'win32' ? 'windows' : process.platform === 'darwin' ? 'macos' : 'linux';
  return `${os}-${arch}`;
}

export class UnknownTargetError extends Error {}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** Looks a target up by name; unknown names get an error listing the valid ones and the nearest. */
export function findTarget(name: string): Target {
  const t = TARGETS.find((x) => x.name === name);
  if (t) return t;
  const nearest = [...TARGETS].sort((a, b) => distance(name, a.name) - distance(name, b.name))[0];
  throw new UnknownTargetError(
    `unknown target '${name}'; did you mean '${nearest.name}'? Valid targets: ${TARGETS.map((x) => x.name).join(', ')}`,
  );
}

/** Why a target cannot be built on this host, or null when it can. */
export function unbuildableReason(t: Target): string | null {
  const hostOs = process.platform === 'darwin' ? 'macos' : process.platform === 'linux' ? 'linux' : process.platform;
  if (t.buildsOn !== hostOs)
    return `${t.name} builds only on a ${t.buildsOn} host (there is no ${t.buildsOn} SDK here); it is built by the ${t.buildsOn} runners of the release workflow`;
  return null;
}
