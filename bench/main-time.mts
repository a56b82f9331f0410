// Runs an RTS program's main(argv) on Node and prints how long main() alone took (seconds,
// on stderr as `main_seconds=S`): module loading and tsx start-up are left out, as a
// translated binary's start-up is negligible.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [file, ...args] = process.argv.slice(2);
const mod = (await import(pathToFileURL(resolve(file)).href)) as { main: (argv: string[]) => number };
const t = performance.now();
const status = mod.main(args);
process.stderr.write(`main_seconds=${((performance.now() - t) / 1000).toFixed(4)}\n`);
process.exitCode = status;
