// OS access for RTS programs. Untranslated these call Node; translated, each is a C runtime
// primitive (declared in translate/rtype/lloperation.ts), with the same observable behaviour.
import * as fs from 'node:fs';
import * as tty from 'node:tty';
import { randomBytes } from 'node:crypto';
import { hostname, cpus } from 'node:os';
import { resolve as resolvePath } from 'node:path';
import { isMainThread, workerData } from 'node:worker_threads';
import type { int, float } from './types.ts';
import { MemoryError } from './memory.ts';
import { virtualCall, isVirtual, closeVirtual } from './vsock.ts';

let stdinBuf = Buffer.alloc(0);
let stdinEof = false;

/** The errno of a failed Node call (Node gives it negated), EIO when it has none. */
function errnoOf(e: unknown): int {
  const n = (e as NodeJS.ErrnoException).errno;
  return typeof n === 'number' && n !== 0 ? Math.abs(n) : 5;
}
/** Whether Node refused for want of memory (a file or string past its size limits). */
function tooLarge(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return e instanceof RangeError || code === 'ERR_FS_FILE_TOO_LARGE' || code === 'ERR_STRING_TOO_LONG' || code === 'ENOMEM';
}

/** Writes s to fd 1 (stdout) or 2 (stderr), UTF-8 encoded. Returns 0, or the errno of a failed
 * write (EPIPE for a closed pipe: SIGPIPE never ends the process, translated or not). */
export function write(fd: int, s: string): int {
  for (;;) {
    try {
      fs.writeSync(fd, s);
      return 0;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') return errnoOf(e);
    }
  }
}
/** Writes buffered stdout output now (translated stdout is buffered; Node's writeSync is not):
 * 0, or the errno of the failed write. */
export function flush(): int {
  return 0;
}
/** The file's text (UTF-8 decoded), or null when it cannot be read; MemoryError when it is too
 * large to hold. */
export function readFile(path: string): string | null {
  try {
    return fs.readFileSync(at(path), 'utf8');
  } catch (e) {
    if (tooLarge(e)) throw new MemoryError('out of memory');
    return null;
  }
}
/** The file's bytes, or null when it cannot be read; MemoryError when it is too large to hold. */
export function readFileBytes(path: string): int[] | null {
  try {
    return Array.from(fs.readFileSync(at(path)));
  } catch (e) {
    if (tooLarge(e)) throw new MemoryError('out of memory');
    return null;
  }
}
/** The file's bytes as a string of as many code units (each byte one unit, 0-255: Latin-1),
 * or null when it cannot be read; MemoryError when it is too large to hold. A quarter of the
 * memory of readFileBytes, and read with charCodeAt and sliced without copying byte by byte:
 * what a binary format's reader wants (pyvm's bytecode cache). */
export function readFileLatin1(path: string): string | null {
  try {
    return fs.readFileSync(at(path)).toString('latin1');
  } catch (e) {
    if (tooLarge(e)) throw new MemoryError('out of memory');
    return null;
  }
}
/** Writes text (UTF-8) to path; false on failure. */
export function writeFile(path: string, text: string): boolean {
  try {
    fs.writeFileSync(at(path), text);
    return true;
  } catch {
    return false;
  }
}
/** Writes bytes (each 0..255) to path; false on failure. */
export function writeFileBytes(path: string, bytes: int[]): boolean {
  try {
    fs.writeFileSync(at(path), Uint8Array.from(bytes));
    return true;
  } catch {
    return false;
  }
}
/** One line from stdin without its newline, or null at end of input. */
export function readLine(): string | null {
  for (;;) {
    const nl = stdinBuf.indexOf(10);
    if (nl >= 0) {
      const line = stdinBuf.subarray(0, nl).toString('utf8');
      stdinBuf = stdinBuf.subarray(nl + 1);
      return line;
    }
    if (stdinEof) {
      if (stdinBuf.length === 0) return null;
      const rest = stdinBuf.toString('utf8');
      stdinBuf = Buffer.alloc(0);
      return rest;
    }
    const chunk = Buffer.alloc(65536);
    let n = 0;
    try {
      n = fs.readSync(0, chunk, 0, chunk.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
      n = 0;
    }
    if (n === 0) stdinEof = true;
    else stdinBuf = Buffer.concat([stdinBuf, chunk.subarray(0, n)]);
  }
}
/** Monotonic seconds, for measuring durations. */
export function clock(): float {
  return Number(process.hrtime.bigint()) / 1e9;
}
/** Wall-clock seconds since the Unix epoch. */
export function time(): float {
  return Date.now() / 1000;
}
/** An environment variable, or null when unset. */
export function getenv(name: string): string | null {
  const v = process.env[name];
  return v === undefined ? null : v;
}
/** True if path names an existing file or directory. */
export function fileExists(path: string): boolean {
  return fs.existsSync(at(path));
}
/** The absolute path of the running program's binary, or null when unknown. Untranslated the
 * program is Node running the VM's sources, so this is Node's binary. */
export function executablePath(): string | null {
  return process.execPath;
}
/** What identifies this translation: the hash of every source file and load-time constant of the
 * program (the translator's load key), the same for every target. Untranslated: '' (the
 * sources may change while a process runs, so nothing can be keyed by them). pyvm's bytecode
 * cache keys its files by it, as a compiler's output can change with any source. */
export function buildId(): string {
  return '';
}
/** Flushes output and ends the process with status. */
export function exit(status: int): never {
  process.exit(status);
}

// SIGINT untranslated: Node runs signal handlers only between tasks, never inside the VM's
// synchronous loop, so the launcher (vm/run.ts) runs the program in a worker and its main
// thread sets word 0 of a shared buffer; word 1 asks it to end by SIGINT once the worker exits.
const shared = !isMainThread && workerData !== null && typeof workerData === 'object' ? (workerData as { signals?: unknown }).signals : undefined;
const SIGNALS = shared instanceof SharedArrayBuffer ? new Int32Array(shared) : new Int32Array(2);
let onMainSigint: (() => void) | null = null;

/** From now on SIGINT (Ctrl-C) sets a flag that takeInterrupt() reads, instead of ending the
 * process: a program calls it once, then polls at points where stopping is safe. */
export function catchInterrupt(): void {
  if (isMainThread && onMainSigint === null) {
    onMainSigint = () => {
      Atomics.store(SIGNALS, 0, 1);
    };
    process.on('SIGINT', onMainSigint);
  }
}
/** Whether SIGINT arrived since the last call (clearing it). */
export function takeInterrupt(): boolean {
  if (SIGNALS[0] === 0) return false;
  return Atomics.exchange(SIGNALS, 0, 0) !== 0;
}
/** Flushes and ends the process as SIGINT's default action does (what CPython does after
 * reporting an uncaught KeyboardInterrupt). */
export function exitByInterrupt(): void {
  if (isMainThread) {
    if (onMainSigint !== null) process.off('SIGINT', onMainSigint);
    process.kill(process.pid, 'SIGINT');
    return;
  }
  // in a worker without the launcher's buffer (a test harness running many programs), the
  // caller's status 130 stands for the signal
  if (!(shared instanceof SharedArrayBuffer)) return;
  Atomics.store(SIGNALS, 1, 1);
  process.exit(130);
}

// ---- the posix module's calls: -1 or null on failure, its errno from lastError() ----

class OsState {
  lastErrno: int = 0;
  /** the working directory chdir set where Node cannot change its own (in a worker thread, as
   * vm/run.ts and the test harness run the VM), or null: Node's process.cwd() stands */
  cwd: string | null = null;
}
/** The file position of each regular file fdOpen opened (Node has no lseek). */
const FD_POS = new Map<number, number>();
/** The fds fdOpen opened with O_APPEND: each write moves the position to the end. */
const FD_APPEND = new Set<number>();
/** the path each fd was opened with: Node has no *at() calls, so the dir_fd operations of
 * call() (67..71) resolve names against it */
const FD_PATH = new Map<number, string>();
/** glibc's messages, which the translated strerror gives on Linux. */
const STRERROR = new Map<number, string>([
  [1, "Operation not permitted"],
  [2, "No such file or directory"],
  [3, "No such process"],
  [4, "Interrupted system call"],
  [5, "Input/output error"],
  [6, "No such device or address"],
  [7, "Argument list too long"],
  [8, "Exec format error"],
  [9, "Bad file descriptor"],
  [10, "No child processes"],
  [11, "Resource temporarily unavailable"],
  [12, "Cannot allocate memory"],
  [13, "Permission denied"],
  [14, "Bad address"],
  [15, "Block device required"],
  [16, "Device or resource busy"],
  [17, "File exists"],
  [18, "Invalid cross-device link"],
  [19, "No such device"],
  [20, "Not a directory"],
  [21, "Is a directory"],
  [22, "Invalid argument"],
  [23, "Too many open files in system"],
  [24, "Too many open files"],
  [25, "Inappropriate ioctl for device"],
  [26, "Text file busy"],
  [27, "File too large"],
  [28, "No space left on device"],
  [29, "Illegal seek"],
  [30, "Read-only file system"],
  [31, "Too many links"],
  [32, "Broken pipe"],
  [33, "Numerical argument out of domain"],
  [34, "Numerical result out of range"],
  [35, "Resource deadlock avoided"],
  [36, "File name too long"],
  [37, "No locks available"],
  [38, "Function not implemented"],
  [39, "Directory not empty"],
  [40, "Too many levels of symbolic links"],
  [41, "Unknown error 41"],
  [42, "No message of desired type"],
  [43, "Identifier removed"],
  [44, "Channel number out of range"],
  [45, "Level 2 not synchronized"],
  [46, "Level 3 halted"],
  [47, "Level 3 reset"],
  [48, "Link number out of range"],
  [49, "Protocol driver not attached"],
  [50, "No CSI structure available"],
  [51, "Level 2 halted"],
  [52, "Invalid exchange"],
  [53, "Invalid request descriptor"],
  [54, "Exchange full"],
  [55, "No anode"],
  [56, "Invalid request code"],
  [57, "Invalid slot"],
  [58, "Unknown error 58"],
  [59, "Bad font file format"],
  [60, "Device not a stream"],
  [61, "No data available"],
  [62, "Timer expired"],
  [63, "Out of streams resources"],
  [64, "Machine is not on the network"],
  [65, "Package not installed"],
  [66, "Object is remote"],
  [67, "Link has been severed"],
  [68, "Advertise error"],
  [69, "Srmount error"],
  [70, "Communication error on send"],
  [71, "Protocol error"],
  [72, "Multihop attempted"],
  [73, "RFS specific error"],
  [74, "Bad message"],
  [75, "Value too large for defined data type"],
  [76, "Name not unique on network"],
  [77, "File descriptor in bad state"],
  [78, "Remote address changed"],
  [79, "Can not access a needed shared library"],
  [80, "Accessing a corrupted shared library"],
  [81, ".lib section in a.out corrupted"],
  [82, "Attempting to link in too many shared libraries"],
  [83, "Cannot exec a shared library directly"],
  [84, "Invalid or incomplete multibyte or wide character"],
  [85, "Interrupted system call should be restarted"],
  [86, "Streams pipe error"],
  [87, "Too many users"],
  [88, "Socket operation on non-socket"],
  [89, "Destination address required"],
  [90, "Message too long"],
  [91, "Protocol wrong type for socket"],
  [92, "Protocol not available"],
  [93, "Protocol not supported"],
  [94, "Socket type not supported"],
  [95, "Operation not supported"],
  [96, "Protocol family not supported"],
  [97, "Address family not supported by protocol"],
  [98, "Address already in use"],
  [99, "Cannot assign requested address"],
  [100, "Network is down"],
  [101, "Network is unreachable"],
  [102, "Network dropped connection on reset"],
  [103, "Software caused connection abort"],
  [104, "Connection reset by peer"],
  [105, "No buffer space available"],
  [106, "Transport endpoint is already connected"],
  [107, "Transport endpoint is not connected"],
  [108, "Cannot send after transport endpoint shutdown"],
  [109, "Too many references: cannot splice"],
  [110, "Connection timed out"],
  [111, "Connection refused"],
  [112, "Host is down"],
  [113, "No route to host"],
  [114, "Operation already in progress"],
  [115, "Operation now in progress"],
  [116, "Stale file handle"],
  [117, "Structure needs cleaning"],
  [118, "Not a XENIX named type file"],
  [119, "No XENIX semaphores available"],
  [120, "Is a named type file"],
  [121, "Remote I/O error"],
  [122, "Disk quota exceeded"],
  [123, "No medium found"],
  [124, "Wrong medium type"],
  [125, "Operation canceled"],
  [126, "Required key not available"],
  [127, "Key has expired"],
  [128, "Key has been revoked"],
  [129, "Key was rejected by service"],
  [130, "Owner died"],
  [131, "State not recoverable"],
  [132, "Operation not possible due to RF-kill"],
  [133, "Memory page has hardware error"]
]);
const OS_STATE = new OsState();
function failed(e: unknown): int {
  OS_STATE.lastErrno = errnoOf(e);
  return -1;
}
/** A path with a NUL in it: refused as the C side does (EINVAL), Node would throw a TypeError. */
function badPath(p: string): boolean {
  if (p.indexOf('\0') < 0) return false;
  OS_STATE.lastErrno = 22;
  return true;
}
/** path as the OS would read it: relative to the working directory chdir set. */
function at(path: string): string {
  return OS_STATE.cwd === null ? path : resolvePath(OS_STATE.cwd, path);
}
/** The errno of the last failed call below. */
export function lastError(): int {
  return OS_STATE.lastErrno;
}
export function getcwd(): string | null {
  if (OS_STATE.cwd !== null) return OS_STATE.cwd;
  try {
    return process.cwd();
  } catch (e) {
    failed(e);
    return null;
  }
}
/** The names in directory path (without . and ..), each followed by a NUL. */
export function listDir(path: string): string | null {
  if (badPath(path)) return null;
  try {
    return fs
      .readdirSync(at(path))
      .map((n) => n + '\0')
      .join('');
  } catch (e) {
    failed(e);
    return null;
  }
}
function statList(st: fs.BigIntStats): int[] {
  const sec = (ns: bigint): int => Number(ns / 1000000000n);
  const nsec = (ns: bigint): int => Number(ns % 1000000000n);
  return [
    Number(st.mode), Number(st.ino), Number(st.dev), Number(st.nlink), Number(st.uid), Number(st.gid), Number(st.size),
    sec(st.atimeNs), nsec(st.atimeNs), sec(st.mtimeNs), nsec(st.mtimeNs), sec(st.ctimeNs), nsec(st.ctimeNs),
  ];
}
/** stat (follow 1) or lstat (0) as 13 ints: mode ino dev nlink uid gid size, then seconds and
 * nanoseconds of atime, mtime and ctime. */
export function pathStat(path: string, follow: int): int[] | null {
  if (badPath(path)) return null;
  try {
    return statList(follow !== 0 ? fs.statSync(at(path), { bigint: true }) : fs.lstatSync(at(path), { bigint: true }));
  } catch (e) {
    failed(e);
    return null;
  }
}
export function fdStat(fd: int): int[] | null {
  try {
    return statList(fs.fstatSync(fd, { bigint: true }));
  } catch (e) {
    failed(e);
    return null;
  }
}
/** open(2) with Linux's flag numbers; the fd or -1. */
export function fdOpen(path: string, flags: int, mode: int): int {
  if (badPath(path)) return -1;
  const c = fs.constants;
  let f = flags & 3;
  if (flags & 0o100) f |= c.O_CREAT;
  if (flags & 0o200) f |= c.O_EXCL;
  if (flags & 0o1000) f |= c.O_TRUNC;
  if (flags & 0o2000) f |= c.O_APPEND;
  if (flags & 0o400) f |= c.O_NOCTTY;
  if (flags & 0o4000) f |= c.O_NONBLOCK;
  if (flags & 0o200000) f |= c.O_DIRECTORY;
  if (flags & 0o400000) f |= c.O_NOFOLLOW;
  try {
    const fd = fs.openSync(at(path), f, mode);
    FD_PATH.set(fd, at(path));
    if (fs.fstatSync(fd).isFile()) FD_POS.set(fd, 0);
    if (flags & 0o2000) FD_APPEND.add(fd);
    else FD_APPEND.delete(fd);
    return fd;
  } catch (e) {
    return failed(e);
  }
}
/** Up to n bytes read from fd ([] at end of file), or null. */
export function fdRead(fd: int, n: int): int[] | null {
  const buf = Buffer.alloc(Math.max(0, Math.min(n, 1 << 26)));
  for (;;) {
    try {
      const pos = FD_POS.get(fd);
      const k = fs.readSync(fd, buf, 0, buf.length, pos === undefined ? null : pos);
      if (pos !== undefined) FD_POS.set(fd, pos + k);
      return Array.from(buf.subarray(0, k));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN' && fd === 0) continue;
      failed(e);
      return null;
    }
  }
}
/** Writes bytes to fd: how many were written, or -1. */
export function fdWrite(fd: int, bytes: int[]): int {
  try {
    const pos = FD_POS.get(fd);
    const k = fs.writeSync(fd, Uint8Array.from(bytes), 0, bytes.length, pos === undefined ? null : pos);
    // with O_APPEND the kernel wrote at the end, wherever pos was
    if (pos !== undefined) FD_POS.set(fd, FD_APPEND.has(fd) ? fs.fstatSync(fd).size : pos + k);
    return k;
  } catch (e) {
    return failed(e);
  }
}
export function fdClose(fd: int): int {
  if (isVirtual(fd)) {
    closeVirtual(fd);
    return 0;
  }
  try {
    fs.closeSync(fd);
    FD_PATH.delete(fd);
    FD_POS.delete(fd);
    FD_APPEND.delete(fd);
    return 0;
  } catch (e) {
    return failed(e);
  }
}
/** lseek(2), which Node lacks: for the regular files fdOpen opened, the position is kept here
 * and fdRead/fdWrite read and write at it; other fds cannot seek (ESPIPE), as pipes cannot. */
export function fdSeek(fd: int, pos: int, how: int): int {
  const cur = FD_POS.get(fd);
  if (cur === undefined) {
    OS_STATE.lastErrno = 29;
    return -1;
  }
  let base = 0;
  try {
    base = how === 0 ? 0 : how === 1 ? cur : fs.fstatSync(fd).size;
  } catch (e) {
    return failed(e);
  }
  if (how < 0 || how > 2 || base + pos < 0) {
    OS_STATE.lastErrno = 22;
    return -1;
  }
  FD_POS.set(fd, base + pos);
  return base + pos;
}
export function isatty(fd: int): boolean {
  try {
    return tty.isatty(fd);
  } catch {
    return false;
  }
}
/** [columns, lines] of the terminal on fd, or null. */
export function terminalSize(fd: int): int[] | null {
  const s = fd === 1 ? process.stdout : fd === 2 ? process.stderr : null;
  if (s !== null && s.isTTY && s.columns !== undefined) return [s.columns, s.rows];
  OS_STATE.lastErrno = 25;
  return null;
}
export function mkdir(path: string, mode: int): int {
  if (badPath(path)) return -1;
  try {
    fs.mkdirSync(at(path), { mode });
    return 0;
  } catch (e) {
    return failed(e);
  }
}
/** The target of symbolic link path, null (errno set) when it is not one or cannot be read. */
export function readlink(path: string): string | null {
  if (badPath(path)) return null;
  try {
    return fs.readlinkSync(at(path));
  } catch (e) {
    failed(e);
    return null;
  }
}
export function rmdir(path: string): int {
  if (badPath(path)) return -1;
  try {
    fs.rmdirSync(at(path));
    return 0;
  } catch (e) {
    return failed(e);
  }
}
export function unlink(path: string): int {
  if (badPath(path)) return -1;
  try {
    fs.unlinkSync(at(path));
    return 0;
  } catch (e) {
    return failed(e);
  }
}
/** Makes dst a symbolic link holding src (the text, not a resolved path). */
export function symlink(src: string, dst: string): int {
  if (badPath(src) || badPath(dst)) return -1;
  try {
    fs.symlinkSync(src, at(dst));
    return 0;
  } catch (e) {
    return failed(e);
  }
}
/** Sets path's access and modification times (seconds and nanoseconds; a negative nanosecond
 * count means now), on the link itself when follow is 0. Node takes times as float seconds (or
 * a Date, to the millisecond), so untranslated they keep less than nanosecond precision. */
export function utime(path: string, asec: int, ansec: int, msec: int, mnsec: int, follow: int): int {
  if (badPath(path)) return -1;
  // Node takes a negative number for now, but a Date before the epoch as it is (to the ms)
  const when = (sec: int, nsec: int): number | Date => {
    if (nsec < 0) return Date.now() / 1000;
    const t = sec + nsec / 1e9;
    return t < 0 ? new Date(t * 1000) : t;
  };
  const a = when(asec, ansec);
  const m = when(msec, mnsec);
  try {
    if (follow !== 0) fs.utimesSync(at(path), a, m);
    else fs.lutimesSync(at(path), a, m);
    return 0;
  } catch (e) {
    return failed(e);
  }
}
/** chmod(2) of path (following symbolic links). */
export function chmod(path: string, mode: int): int {
  if (badPath(path)) return -1;
  try {
    fs.chmodSync(at(path), mode);
    return 0;
  } catch (e) {
    return failed(e);
  }
}
/** Makes path the working directory. A worker thread cannot change Node's, so there the
 * directory is kept here and the calls above resolve relative paths against it. */
export function chdir(path: string): int {
  if (badPath(path)) return -1;
  const target = resolvePath(getcwd() ?? '/', path);
  try {
    if (!fs.statSync(target).isDirectory()) {
      OS_STATE.lastErrno = 20;
      return -1;
    }
    if (isMainThread) process.chdir(target);
    else OS_STATE.cwd = target;
    return 0;
  } catch (e) {
    return failed(e);
  }
}
/** Renames src to dst, replacing dst if it exists. */
export function rename(src: string, dst: string): int {
  if (badPath(src) || badPath(dst)) return -1;
  try {
    fs.renameSync(at(src), at(dst));
    return 0;
  } catch (e) {
    return failed(e);
  }
}
export function getpid(): int {
  return process.pid;
}
/** The environment as NAME=VALUE entries, each followed by a NUL. */
export function environ(): string {
  let s = '';
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) s += k + '=' + v + '\0';
  return s;
}
export function strerror(code: int): string {
  return STRERROR.get(code) ?? `Unknown error ${code}`;
}
export function urandom(n: int): int[] {
  return Array.from(randomBytes(Math.max(0, n)));
}

/** The process, pipe, socket and polling calls (translate/runtime/oscall.c), by operation number
 * (vm/modules/oscall.ts names them): ints are the arguments, s the bytes (each unit 0..255) of a
 * path, data or argv; the result is a list of ints (or the bytes received), or null with the
 * errno for lastError(). Node has no synchronous fork, pipe, socket or poll, so untranslated
 * only the calls it can answer work (the host name, the parent's pid, kill, whether there is
 * epoll: no, and AF_UNIX socket pairs within the process with select and poll over them, as
 * vsock.ts emulates them); the others fail with ENOSYS, which the modules raise as OSError. */
export function call(op: int, ints: int[], s: string): int[] | null {
  const v = virtualCall(op, ints, s);
  if (v !== null) {
    if (v.value === null) OS_STATE.lastErrno = v.errno;
    return v.value;
  }
  switch (op) {
    case 5:
      try {
        process.kill(ints[0], ints[1]);
        return [0];
      } catch (e) {
        failed(e);
        return null;
      }
    case 33:
      return Array.from(Buffer.from(hostname(), 'utf8'));
    case 45:
      return [0];
    case 46:
      return [process.ppid];
    case 47:
      // Node takes a negative length as 0; ftruncate(2) refuses it
      if (ints[1] < 0) {
        OS_STATE.lastErrno = 22;
        return null;
      }
      try {
        fs.ftruncateSync(ints[0], ints[1]);
        return [0];
      } catch (e) {
        failed(e);
        return null;
      }
    case 48:
    case 49: {
      // name NUL value, in bytes; setenv(3) and unsetenv(3) refuse an empty name or one with '='
      const nul = s.indexOf('\0');
      const name = Buffer.from(nul < 0 ? s : s.slice(0, nul), 'latin1').toString('utf8');
      if (name === '' || name.includes('=')) {
        OS_STATE.lastErrno = 22;
        return null;
      }
      if (op === 48) process.env[name] = Buffer.from(s.slice(nul + 1), 'latin1').toString('utf8');
      else delete process.env[name];
      return [0];
    }
  }
  const posix2 = nodePosix2(op, ints, s);
  if (posix2 !== undefined) return posix2;
  OS_STATE.lastErrno = 38;
  return null;
}

const UMASK = { value: 0o22 };
/** The path a dir_fd operation names: name (bytes) in the directory open on dirfd (-100: the
 * working directory); null with EBADF when dirfd is not one this process opened. */
function atDir(dirfd: int, s: string): string | null {
  const name = Buffer.from(s, 'latin1').toString('utf8');
  if (dirfd === -100 || name.startsWith('/')) return name;
  const dir = FD_PATH.get(dirfd);
  if (dir === undefined) {
    OS_STATE.lastErrno = 9;
    return null;
  }
  return dir + '/' + name;
}
/** A path os.call got as bytes (one char each), as the string Node's fs takes. */
function bytePath(s: string): string {
  return at(Buffer.from(s, 'latin1').toString('utf8'));
}
/** The posix2 operations (50..66, vm/modules/posixproc.ts and posixfiles.ts) Node can answer
 * synchronously; undefined for the others (fork, exec, statvfs, pathconf: ENOSYS). */
function nodePosix2(op: int, ints: int[], s: string): int[] | null | undefined {
  try {
    switch (op) {
      case 52: {
        // a worker thread may not change the process's umask: there it is kept here
        if (isMainThread) return [process.umask(ints[0])];
        const old = UMASK.value;
        UMASK.value = ints[0] & 0o777;
        return [old];
      }
      case 53:
        for (let fd = Math.max(ints[0], 0); fd < Math.min(ints[1], 65536); fd++) {
          try {
            if (fd > 2) fs.closeSync(fd);
          } catch {
            // closerange ignores descriptors that are not open
          }
        }
        return [0];
      case 54:
        if (ints[0] < 0) {
          OS_STATE.lastErrno = 22;
          return null;
        }
        fs.truncateSync(bytePath(s), ints[0]);
        return [0];
      case 55: {
        const u = process.cpuUsage();
        const ticks = 100;
        return [Math.floor(u.user / 10000), Math.floor(u.system / 10000), 0, 0, Math.floor(performance.now() / 10), ticks];
      }
      case 56:
        return [cpus().length];
      case 57: {
        const nul = s.indexOf('\0');
        fs.linkSync(bytePath(s.slice(0, nul)), bytePath(s.slice(nul + 1)));
        return [0];
      }
      case 58:
        fs.fchmodSync(ints[0], ints[1]);
        return [0];
      case 59:
        if (ints[0] >= 0) fs.fchownSync(ints[0], ints[1], ints[2]);
        else if (ints[3] !== 0) fs.chownSync(bytePath(s), ints[1], ints[2]);
        else fs.lchownSync(bytePath(s), ints[1], ints[2]);
        return [0];
      case 61:
        if (ints[0] < 0) {
          OS_STATE.lastErrno = 22;
          return null;
        }
        return Array.from(randomBytes(ints[0]));
      case 64: {
        const data = Buffer.from(s, 'latin1');
        return [fs.writeSync(ints[0], data)];
      }
      case 65:
        return [process.getuid?.() ?? 0, process.geteuid?.() ?? 0, process.getgid?.() ?? 0, process.getegid?.() ?? 0];
      case 66:
        return process.getgroups?.() ?? [];
      case 67: {
        const p = atDir(ints[0], s);
        if (p === null) return null;
        const fd = fdOpen(p, ints[1], ints[2]);
        return fd < 0 ? null : [fd];
      }
      case 68: {
        const p = atDir(ints[0], s);
        if (p === null) return null;
        const r = pathStat(p, ints[1]);
        return r;
      }
      case 69: {
        const p = atDir(ints[0], s);
        if (p === null) return null;
        return (ints[1] !== 0 ? rmdir(p) : unlink(p)) < 0 ? null : [0];
      }
      case 70: {
        const p = atDir(ints[0], s);
        if (p === null) return null;
        return mkdir(p, ints[1]) < 0 ? null : [0];
      }
      case 71: {
        const dir = FD_PATH.get(ints[0]);
        if (dir === undefined) {
          OS_STATE.lastErrno = 9;
          return null;
        }
        const names = fs.readdirSync(dir, { encoding: 'buffer' });
        const out: number[] = [];
        for (const n of names) out.push(...n, 0);
        return out;
      }
    }
  } catch (e) {
    failed(e);
    return null;
  }
  return undefined;
}
