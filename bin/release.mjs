#!/usr/bin/env node
// The maintainers' one entry point. Registers tsx so the TypeScript sources run as they are.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../release/cli.ts');
process.exitCode = await main(process.argv.slice(2));
