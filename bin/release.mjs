#!/usr/bin/env node
// The maintainers' one entry point. Runs the CLI from its precompiled JavaScript copy
// (bin/precompiled.mjs), built on the first run after a source change. Where no copy can
// be written (a read-only checkout, a full disk), tsx runs the TypeScript sources as they are.
import { precompiled } from './precompiled.mjs';

let cli;
try {
  cli = precompiled('release/cli.ts');
} catch (e) {
  if (!['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT'].includes(e?.code)) throw e;
  const { register } = await import('tsx/esm/api');
  register();
  cli = '../release/cli.ts';
}
const { main } = await import(cli);
process.exitCode = await main(process.argv.slice(2));
