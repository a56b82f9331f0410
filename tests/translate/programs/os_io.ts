// rlib os: write to stdout, files, env, fileExists, clock monotonicity, exit.
import { type int, os } from '../../../translate/rlib/index.ts';

export function main(argv: string[]): int {
  os.write(1, 'direct write\n');
  os.write(1, 'no newline, ');
  os.write(1, 'then newline é☃\n');
  console.log('argv ' + argv.join(','));
  // the harness gives each run a folder of its own (two test suites may run at once)
  const path = (os.getenv('RTS_CORPUS_DIR') ?? '/tmp') + '/rts_corpus_os_io.txt';
  const ok = os.writeFile(path, 'line one\nline two ☃\n');
  console.log('write ' + ok + ' exists ' + os.fileExists(path) + ' missing ' + os.fileExists('/nonexistent/rts/x'));
  const text = os.readFile(path);
  if (text !== null) {
    const lines = text.split('\n');
    console.log('read ' + lines.length + ' lines, second=' + lines[1] + ' len ' + text.length);
  }
  const bytes = os.readFileBytes(path);
  if (bytes !== null) {
    let s = 0;
    for (const b of bytes) s += b;
    console.log('bytes ' + bytes.length + ' sum ' + s);
  }
  const latin1 = os.readFileLatin1(path);
  if (latin1 !== null) {
    let s = 0;
    for (let i = 0; i < latin1.length; i++) s += latin1.charCodeAt(i);
    console.log('latin1 ' + latin1.length + ' sum ' + s + ' head ' + latin1.slice(0, 8) + ' missing ' + (os.readFileLatin1('/nonexistent/rts/x') === null));
  }
  console.log('missing file ' + (os.readFile('/nonexistent/rts/x') === null));
  console.log('env missing ' + (os.getenv('RTS_CORPUS_SURELY_UNSET_VAR') === null));
  const t0 = os.clock();
  let x = 0;
  for (let i = 0; i < 100000; i++) x += i;
  const t1 = os.clock();
  console.log('clock monotonic ' + (t1 >= t0) + ' time sane ' + (os.time() > 1600000000.0) + ' ' + x);
  os.flush();
  os.write(1, 'exiting with 5\n');
  os.exit(5);
}
