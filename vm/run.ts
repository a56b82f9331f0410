// Node launcher (the only non-RTS file of the VM): runs main() in a worker thread with a
// large stack, so deep Python recursion reaches RecursionError before the host overflows.
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
const w = new Worker(boot, {
  eval: true,
  workerData: { mainUrl, argv: process.argv.slice(2) },
  resourceLimits: { stackSizeMb: 256 },
});
w.on('exit', (code) => process.exit(code));
w.on('error', (e) => {
  console.error(e);
  process.exit(70);
});
