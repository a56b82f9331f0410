// The identity of a C compiler, as every cache key that depends on compiled code records it:
// the command, its full version and its target machine. One definition, so the translator's
// object keys and the release graph's compile keys change together when the compiler does.
import { execFile } from 'node:child_process';

const known = new Map<string, Promise<string>>();

function ask(cc: string, flag: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cc, [flag], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } }, (err, stdout) =>
      err ? reject(new Error(`C compiler '${cc}' is not installed or does not run (${cc} ${flag}: ${err.message.split('\n')[0]})`)) : resolve(stdout.trim()),
    );
  });
}

/** `cc version machine`, e.g. `s390x-linux-gnu-gcc 12.2.0 s390x-linux-gnu`; rejects when cc does not run. */
export function compilerIdentity(cc: string): Promise<string> {
  // PATH decides which compiler a bare name runs (and whether one runs at all)
  const key = `${cc}\0${process.env.PATH ?? ''}`;
  let id = known.get(key);
  if (!id) {
    id = Promise.all([ask(cc, '-dumpfullversion'), ask(cc, '-dumpmachine')]).then(([v, m]) => `${cc} ${v} ${m}`);
    known.set(key, id);
    id.catch(() => known.delete(key));
  }
  return id;
}
