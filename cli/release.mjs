#!/usr/bin/env node
// `npx release` (node_modules/.bin/release links here): the CLI itself is bin/release.mjs.
import '../bin/release.mjs';
