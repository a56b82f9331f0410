// Runs many Python programs through the VM in one Node process (a worker thread with a big
// stack), capturing fd 1/2 writes. Usage: node --import tsx tests/vm/batch.ts FILE...
// Writes one JSON line {file, stdout, stderr, status, ms} per program to fd 3 as soon as the
// program ends, so a test waits for its own program only.
import { Worker } from 'node:worker_threads';
import * as fs from 'node:fs';

const mainUrl = new URL('../../vm/main.ts', import.meta.url).href;
const files = process.argv.slice(2);
const boot = `
const { register } = await import('tsx/esm/api');
register();
const fs = (await import('node:fs')).default;
const { syncBuiltinESMExports } = (await import('node:module')).default;
const { workerData, parentPort } = await import('node:worker_threads');
const { main } = await import(workerData.mainUrl);
const realWrite = fs.writeSync;
let out = [];
let err = [];
// text as it is, bytes (sys.stdout.buffer.write) as the UTF-8 they hold
const captured = (s, rest) => {
  if (typeof s === 'string') return s;
  const off = rest[0] ?? 0;
  const len = rest[1] ?? s.length - off;
  return Buffer.from(s.buffer, s.byteOffset + off, len).toString('utf8');
};
fs.writeSync = function (fd, s, ...rest) {
  if (fd === 1 || fd === 2) {
    const t = captured(s, rest);
    (fd === 1 ? out : err).push(t);
    return typeof s === 'string' ? t.length : rest[1] ?? s.length - (rest[0] ?? 0);
  }
  return realWrite.call(fs, fd, s, ...rest);
};
syncBuiltinESMExports();
const dir = process.cwd();
for (const file of workerData.files) {
  out = []; err = [];
  let status;
  const t0 = Date.now();
  try {
    status = main([file]);
  } catch (e) {
    err.push('HOST ERROR: ' + (e && e.stack ? e.stack : String(e)) + '\\n');
    status = 99;
  }
  parentPort.postMessage({ file, stdout: out.join(''), stderr: err.join(''), status, ms: Date.now() - t0 });
}
`;
const w = new Worker(boot, { eval: true, workerData: { mainUrl, files }, resourceLimits: { stackSizeMb: 256 } });
w.on('message', (result) => {
  fs.writeSync(3, JSON.stringify(result) + '\n');
});
w.on('error', (e) => {
  console.error(e);
  process.exit(70);
});
w.on('exit', (code) => process.exit(code));
