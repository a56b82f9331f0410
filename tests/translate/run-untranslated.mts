// Runs an RTS program on Node, as the translated binary would run: main(argv) -> exit status.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [file, ...args] = process.argv.slice(2);
const mod = (await import(pathToFileURL(resolve(file)).href)) as { main: (argv: string[]) => number };
try {
  process.exitCode = mod.main(args);
} catch (e) {
  process.stderr.write(`Uncaught ${(e as Error).constructor.name}: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
