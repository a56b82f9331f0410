// Node launcher (the only non-RTS file of the VM): runs main() in a worker thread with a
// large stack, so deep Python recursion reaches RecursionError before the host overflows.
// SIGINT: Node runs a signal handler only between tasks, never inside the worker's synchronous
// loop, so this thread catches it and sets word 0 of a buffer shared with the worker, which
// the VM polls (translate/rlib/os.ts, takeInterrupt); word 1 set by the worker means "end by
// SIGINT" (an uncaught KeyboardInterrupt, as CPython ends).
import { Worker } from 'node:worker_threads';

const mainUrl = new URL('./main.ts', import.meta.url).href;
const boot = `
const { register } = await import('tsx/esm/api');
register();
const { workerData } = await import('node:worker_threads');
const { main } = await import(workerData.mainUrl);
const status = main(workerData.argv);
process.exit(status);
`;
const signals = new SharedArrayBuffer(8);
const words = new Int32Array(signals);
const onSigint = (): void => {
  Atomics.store(words, 0, 1);
};
process.on('SIGINT', onSigint);
const w = new Worker(boot, {
  eval: true,
  workerData: { mainUrl, argv: process.argv.slice(2), signals },
  resourceLimits: { stackSizeMb: 256 },
});
w.on('exit', (code) => {
  if (Atomics.load(words, 1) !== 0) {
    process.off('SIGINT', onSigint);
    process.kill(process.pid, 'SIGINT');
  }
  process.exit(code);
});
w.on('error', (e) => {
  console.error(e);
  process.exit(70);
});
