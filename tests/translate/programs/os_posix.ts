// rlib os, the posix module's calls: fds (open/read/write/seek/close), stat, directories,
// rename/unlink, errno of failures, environment, pid, urandom, strerror.
import { type int, os } from '../../../translate/rlib/index.ts';

function bytesOf(s: string): int[] {
  const out: int[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
  return out;
}
function text(b: int[] | null): string {
  if (b === null) return 'null';
  let s = '';
  for (const c of b) s += String.fromCharCode(c);
  return s;
}

export function main(argv: string[]): int {
  // the harness gives each run a folder of its own
  const base = (os.getenv('RTS_CORPUS_DIR') ?? '/tmp') + '/rts_os_posix';
  console.log('mkdir ' + os.mkdir(base, 448) + ' again ' + os.mkdir(base, 448) + ' errno ' + os.lastError());
  const f = base + '/a.txt';
  const fd = os.fdOpen(f, 1 | 64 | 512, 420);
  console.log('open ok ' + (fd >= 0));
  console.log('write ' + os.fdWrite(fd, bytesOf('hello, posix\n')));
  const st = os.fdStat(fd);
  console.log('fstat size ' + (st === null ? -1 : st[6]) + ' regular ' + (st !== null && (st[0] & 0xf000) === 0x8000));
  console.log('close ' + os.fdClose(fd) + ' again ' + os.fdClose(fd) + ' errno ' + os.lastError());
  const rd = os.fdOpen(f, 0, 0);
  console.log('read ' + text(os.fdRead(rd, 5)) + '|' + text(os.fdRead(rd, 3)) + '|');
  console.log('seek ' + os.fdSeek(rd, 7, 0) + ' ' + text(os.fdRead(rd, 100)).trim() + ' end ' + os.fdSeek(rd, 0, 2) + ' eof ' + text(os.fdRead(rd, 10)).length);
  os.fdClose(rd);
  const app = os.fdOpen(f, 1 | 1024, 0);
  os.fdWrite(app, bytesOf('more\n'));
  os.fdClose(app);
  const ps = os.pathStat(f, 1);
  console.log('stat size ' + (ps === null ? -1 : ps[6]) + ' mtime sane ' + (ps !== null && ps[9] > 1600000000));
  console.log('missing ' + (os.pathStat(base + '/nope', 1) === null) + ' errno ' + os.lastError());
  console.log('excl ' + os.fdOpen(f, 1 | 64 | 128, 420) + ' errno ' + os.lastError());
  console.log('nul ' + os.fdOpen(f + '\0x', 0, 0) + ' errno ' + os.lastError());
  os.fdClose(os.fdOpen(base + '/b.txt', 1 | 64, 420));
  const names = os.listDir(base);
  const list = names === null ? [] : names.split('\0');
  list.pop();
  list.sort();
  console.log('listdir ' + list.join(','));
  console.log('listdir missing ' + (os.listDir(base + '/nope') === null) + ' errno ' + os.lastError());
  console.log('rename ' + os.rename(base + '/b.txt', base + '/c.txt') + ' ' + (os.pathStat(base + '/c.txt', 0) !== null));
  console.log('rename replaces ' + os.rename(base + '/c.txt', f) + ' size ' + (os.pathStat(f, 1) as int[])[6]);
  console.log('rmdir nonempty ' + os.rmdir(base) + ' errno set ' + (os.lastError() > 0));
  console.log('unlink ' + os.unlink(f) + ' again ' + os.unlink(f) + ' errno ' + os.lastError());
  console.log('rmdir ' + os.rmdir(base) + ' gone ' + !os.fileExists(base));
  const cwd = os.getcwd();
  console.log('cwd ' + (cwd !== null && cwd.length > 1));
  const env = os.environ();
  console.log('environ has PATH ' + (env.toUpperCase().indexOf('PATH=') >= 0) + ' nul-separated ' + env.endsWith('\0'));
  console.log('pid ' + (os.getpid() > 0));
  const r = os.urandom(16);
  console.log('urandom ' + r.length + ' bytes ' + (r.length === 16 && r[0] >= 0 && r[0] < 256));
  console.log('strerror ' + os.strerror(2) + ' / ' + os.strerror(13));
  console.log('isatty ' + os.isatty(123));
  console.log('badfd ' + os.fdWrite(99, bytesOf('x')) + ' errno ' + os.lastError() + ' ' + (os.fdStat(99) === null));
  return 0;
}
